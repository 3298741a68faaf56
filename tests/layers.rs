//! The layers of `src/` import downward only (see `src/README.md`): a module may name the
//! modules below it and the shared `error` and `mem`, never one above it.

use std::path::Path;

/// Each layer and the top-level modules it may name.
const ALLOWED: &[(&str, &[&str])] = &[
    ("syntax", &["error"]),
    ("value", &["syntax", "error", "mem"]),
    ("stats", &["syntax", "value", "error", "mem"]),
    ("frame", &["syntax", "value", "stats", "error", "mem"]),
    ("graphics", &["syntax", "value", "stats", "error", "mem"]),
    ("spark", &["syntax", "value", "stats", "error", "mem"]),
    ("eval", &["syntax", "value", "stats", "error", "mem"]),
    (
        "print",
        &["syntax", "value", "stats", "eval", "error", "mem"],
    ),
    (
        "builtins",
        &[
            "syntax", "value", "stats", "frame", "graphics", "eval", "print", "error", "mem",
            "spark",
        ],
    ),
];

const MODULES: &[&str] = &[
    "syntax", "value", "stats", "frame", "graphics", "eval", "print", "builtins", "api", "error",
    "mem", "fuzzing", "spark",
];

fn rs_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read src").flatten() {
        let p = e.path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level modules a source text names as `crate::m`.
fn named(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + 7..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if MODULES.contains(&name.as_str()) && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[test]
fn layers_import_downward_only() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut bad = Vec::new();
    for (layer, allowed) in ALLOWED {
        let mut files = Vec::new();
        rs_files(&root.join(layer), &mut files);
        assert!(!files.is_empty(), "no files in src/{}", layer);
        for f in files {
            let text = std::fs::read_to_string(&f).expect("read file");
            for m in named(&text) {
                if m != *layer && !allowed.contains(&m.as_str()) {
                    bad.push(format!("{} names crate::{}", f.display(), m));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "imports against the layers:\n{}",
        bad.join("\n")
    );
}

/// No file name says "the second one" (`htest2.rs`): files are named by what they hold.
#[test]
fn no_numbered_file_names() {
    let mut files = Vec::new();
    rs_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let bad: Vec<String> = files
        .iter()
        .filter_map(|f| f.file_stem()?.to_str().map(String::from))
        .filter(|s| s.ends_with(|c: char| c.is_ascii_digit()))
        // named after the published algorithms they port (ACM TOMS 708, Loader's bd0)
        .filter(|s| s != "toms708" && s != "bd0")
        .collect();
    assert!(bad.is_empty(), "numbered file names: {:?}", bad);
}
