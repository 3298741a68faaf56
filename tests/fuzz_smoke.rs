//! Fuzz smoke for CI: every fuzz target of `rsc::fuzzing` gets the regression inputs of
//! `tests/fuzz/regressions/TARGET/` (inputs libFuzzer once crashed on), then the repo's own
//! scripts and CSV files as seeds, then a few seconds of random mutations of those seeds.
//! A panic fails the test and prints the input. The long coverage-guided runs use libFuzzer
//! (`fuzz/run`); this replays their findings and keeps the targets compiling.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

fn files(dir: &str, ext: Option<&str>) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)) else {
        return out;
    };
    let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_file() && ext.is_none_or(|x| p.extension().is_some_and(|e| e == x)) {
            out.push(std::fs::read(&p).unwrap());
        }
    }
    out
}

fn seeds(target: &str) -> Vec<Vec<u8>> {
    match target {
        "csv" => files("tests/conformance/cases/data", Some("csv"))
            .into_iter()
            .flat_map(|f| {
                let head = f[..f.len().min(3000)].to_vec();
                [0x14u8, 0x0c, 0x00].map(|opt| [vec![opt], head.clone()].concat())
            })
            .collect(),
        // R's data files as written (mostly gzip) and decompressed, so mutations reach the
        // serialization stream itself
        "rds" => files("tests/fixtures/rds", None)
            .into_iter()
            .flat_map(|f| {
                let mut plain = Vec::new();
                let _ = std::io::Read::read_to_end(
                    &mut flate2::read::MultiGzDecoder::new(&f[..]),
                    &mut plain,
                );
                if plain.is_empty() {
                    vec![f]
                } else {
                    vec![f, plain]
                }
            })
            .collect(),
        _ => [
            files("tests/parser/valid", None),
            files("tests/parser/invalid", None),
            files("tests/conformance/extra", Some("rsc")),
        ]
        .concat(),
    }
}

/// A small deterministic generator (xorshift64*), so a failing mutation can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "(",
    ")",
    "{",
    "}",
    "[[",
    "]]",
    "<-",
    "->",
    "~",
    "function(x) ",
    "if (",
    "else ",
    "for (i in ",
    "while (",
    "repeat ",
    "\"",
    "'",
    "`",
    "#",
    "\n",
    ";",
    ",",
    "...",
    "NA",
    "NULL",
    "Inf",
    "-1e308",
    "1L",
    ":",
    "%in%",
    "|>",
    "\\(x) ",
    "$",
    "@",
    "c(",
    "list(",
    "rep(",
    "paste(",
    "lm(",
    "data.frame(",
    "factor(",
    "matrix(",
    "sum(",
    "1e9",
    "2147483647L",
];

fn mutate(rng: &mut Rng, pool: &[Vec<u8>]) -> Vec<u8> {
    let mut d = pool[rng.below(pool.len())].clone();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(d.len() + 1);
        match rng.below(6) {
            0 if !d.is_empty() => {
                let i = at.min(d.len() - 1);
                d[i] ^= 1 << rng.below(8);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                d.splice(at..at, t.iter().copied());
            }
            2 => {
                let end = (at + rng.below(16)).min(d.len());
                d.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(64)).min(d.len());
                let piece = d[at..end].to_vec();
                d.splice(at..at, piece);
            }
            4 => {
                let other = &pool[rng.below(pool.len())];
                let from = rng.below(other.len());
                let piece = &other[from..(from + rng.below(256)).min(other.len())];
                d.splice(at..at, piece.iter().copied());
            }
            _ => d.truncate(at),
        }
    }
    d
}

fn run_one(name: &str, f: fn(&[u8]), input: &[u8], origin: &str) {
    if catch_unwind(AssertUnwindSafe(|| f(input))).is_err() {
        panic!(
            "fuzz target `{}` panicked on {} input:\n{:?}",
            name,
            origin,
            String::from_utf8_lossy(input)
        );
    }
}

fn smoke(name: &str) {
    let f = rsc::fuzzing::TARGETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| *f)
        .unwrap();
    let regressions = files(&format!("tests/fuzz/regressions/{}", name), None);
    for input in &regressions {
        run_one(name, f, input, "a regression");
    }
    let pool = seeds(name);
    assert!(!pool.is_empty(), "no seeds for {}", name);
    let budget: u64 = std::env::var("RSC_FUZZ_SMOKE_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let deadline = Instant::now() + Duration::from_secs(budget);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ name.len() as u64);
    let mut execs = 0;
    for input in pool
        .iter()
        .take(if name == "eval" { 40 } else { usize::MAX })
    {
        run_one(name, f, input, "a seed");
        execs += 1;
    }
    while Instant::now() < deadline {
        let input = mutate(&mut rng, &pool);
        run_one(name, f, &input, "a mutated");
        execs += 1;
    }
    eprintln!(
        "fuzz smoke {}: {} regressions, {} execs",
        name,
        regressions.len(),
        execs
    );
}

/// Runs a target on a thread with the main thread's 8 MiB stack, which the evaluator's
/// stack guard is calibrated for (test threads get 2 MiB).
fn on_big_stack(name: &'static str) {
    let h = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || smoke(name))
        .unwrap();
    if let Err(e) = h.join() {
        std::panic::resume_unwind(e);
    }
}

#[test]
fn fuzz_smoke_parse() {
    on_big_stack("parse");
}

/// What a sandboxed script could change outside the interpreter: the working directory,
/// the environment, and the files of the package folder, where relative paths land (names,
/// sizes, modification times; three levels deep). (The home and temporary folders are
/// shared with other processes, so they cannot be compared; the sandbox tests check that
/// absolute paths there are refused.)
fn world() -> (std::path::PathBuf, Vec<(String, String)>, Vec<(String, u64, Option<std::time::SystemTime>)>) {
    fn walk(dir: &Path, depth: usize, out: &mut Vec<(String, u64, Option<std::time::SystemTime>)>) {
        let Ok(rd) = std::fs::read_dir(dir) else { return };
        for e in rd.flatten() {
            let p = e.path();
            let Ok(m) = std::fs::symlink_metadata(&p) else { continue };
            out.push((p.to_string_lossy().into_owned(), m.len(), m.modified().ok()));
            if m.is_dir() && depth > 0 {
                walk(&p, depth - 1, out);
            }
        }
    }
    let mut files = Vec::new();
    walk(Path::new(env!("CARGO_MANIFEST_DIR")), 2, &mut files);
    files.sort();
    let mut env: Vec<(String, String)> = std::env::vars().collect();
    env.sort();
    (std::env::current_dir().unwrap(), env, files)
}

#[test]
fn fuzz_smoke_eval() {
    // the eval target runs sandboxed: nothing outside it may change
    let before = world();
    on_big_stack("eval");
    let after = world();
    assert_eq!(before.0, after.0, "the working directory changed");
    assert_eq!(before.1, after.1, "the environment changed");
    // files created or removed (not edits: a developer may edit sources while tests run)
    let names = |w: &[(String, u64, Option<std::time::SystemTime>)]| -> Vec<String> {
        w.iter().map(|f| f.0.clone()).collect()
    };
    let (b, a) = (names(&before.2), names(&after.2));
    let added: Vec<&String> = a.iter().filter(|f| !b.contains(f)).collect();
    let gone: Vec<&String> = b.iter().filter(|f| !a.contains(f)).collect();
    assert!(added.is_empty() && gone.is_empty(), "files created: {:?}, removed: {:?}", added, gone);
}

#[test]
fn fuzz_smoke_csv() {
    on_big_stack("csv");
}

#[test]
fn fuzz_smoke_rds() {
    on_big_stack("rds");
}
