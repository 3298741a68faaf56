//! `rsc render`: R Markdown (`.Rmd`), Quarto (`.qmd`) and spin-style scripts (`.R`) to a
//! self-contained HTML report or GitHub-flavoured Markdown with figure files, and Jupyter
//! notebooks (`.ipynb`) executed in place. Chunks run in one session through the chunk
//! runner ([`crate::api::chunk`]).

pub mod doc;
pub mod highlight;
pub mod html;
pub mod ipynb;
pub mod knit;

use std::path::{Path, PathBuf};

/// The report's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A self-contained HTML page (plots embedded).
    Html,
    /// GitHub-flavoured Markdown, figures in `NAME_files/figure-gfm/`.
    Markdown,
}

/// Stack a render's interpreter may use (set by the command, which runs on a big stack).
static STACK_LIMIT_CELL: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(crate::eval::DEFAULT_STACK_LIMIT);

fn stack_limit() -> usize {
    STACK_LIMIT_CELL.load(std::sync::atomic::Ordering::Relaxed)
}

/// What to render and where.
#[derive(Clone, Debug, Default)]
pub struct RenderArgs {
    /// The format (default: the document's `output:`, else HTML; a notebook is written back).
    pub to: Option<Format>,
    /// The output file (default: the input's name with `.html` or `.md`).
    pub output: Option<PathBuf>,
    /// No progress lines on standard error.
    pub quiet: bool,
}

/// Renders a file; returns the files written.
pub fn render_file(input: &Path, args: &RenderArgs) -> Result<Vec<PathBuf>, String> {
    let src = std::fs::read_to_string(input).map_err(|e| format!("cannot open file '{}': {}", input.display(), e))?;
    let ext = input.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let name = input.file_name().and_then(|n| n.to_str()).unwrap_or("report").to_string();
    let dir = input.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    let stem = input.file_stem().and_then(|s| s.to_str()).unwrap_or("report").to_string();
    if ext == "ipynb" {
        return ipynb::render(input, &src, args);
    }
    let doc = match ext.as_str() {
        "rmd" | "qmd" | "md" | "markdown" => doc::parse_rmd(&src),
        "r" | "rsc" => doc::parse_spin(&src),
        _ => return Err(format!("cannot render '{}': expected an .Rmd, .qmd, .R or .ipynb file", name)),
    };
    let format = args.to.unwrap_or(match doc.meta.output.as_deref() {
        Some("github_document" | "md_document" | "gfm" | "markdown" | "commonmark" | "md") => Format::Markdown,
        _ => Format::Html,
    });
    let out_path = args.output.clone().unwrap_or_else(|| {
        dir.join(format!("{}.{}", stem, if format == Format::Html { "html" } else { "md" }))
    });
    let out_stem = out_path.file_stem().and_then(|s| s.to_str()).unwrap_or(&stem).to_string();
    let fig_dir = format!("{}_files/figure-gfm", out_stem);
    // the chunks run in the document's directory, as knitr does
    let cwd = std::env::current_dir().ok();
    let out_abs = if out_path.is_absolute() { out_path.clone() } else { cwd.clone().unwrap_or_default().join(&out_path) };
    if !dir.as_os_str().is_empty() {
        std::env::set_current_dir(&dir).map_err(|e| format!("cannot change to '{}': {}", dir.display(), e))?;
    }
    let quiet = args.quiet;
    let mut progress = |label: &str| {
        if !quiet {
            eprintln!("  chunk: {}", label);
        }
    };
    let result = (|| {
        let mut k = knit::Knitter::new(format, &name, &fig_dir)?;
        if !quiet {
            eprintln!("processing file: {}", name);
        }
        k.progress = Some(&mut progress);
        let knitted = k.knit(&doc).map_err(|f| f.message)?;
        Ok::<_, String>(knitted)
    })();
    if let Some(c) = &cwd {
        let _ = std::env::set_current_dir(c);
    }
    let knitted = result?;
    let mut written = Vec::new();
    match format {
        Format::Html => {
            let page = html::page(&doc.meta, &knitted.pieces);
            std::fs::write(&out_abs, page).map_err(|e| format!("cannot write '{}': {}", out_path.display(), e))?;
        }
        Format::Markdown => {
            let base = out_abs.parent().map(|p| p.to_path_buf()).unwrap_or_default();
            for f in &knitted.figures {
                let p = base.join(&f.path);
                if let Some(parent) = p.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| format!("cannot create '{}': {}", parent.display(), e))?;
                }
                std::fs::write(&p, &f.png).map_err(|e| format!("cannot write '{}': {}", p.display(), e))?;
                written.push(p);
            }
            let md = markdown_page(&doc.meta, &knitted.pieces);
            std::fs::write(&out_abs, md).map_err(|e| format!("cannot write '{}': {}", out_path.display(), e))?;
        }
    }
    written.insert(0, out_path);
    Ok(written)
}

/// The Markdown report: the title block as `github_document` writes it, then the pieces.
fn markdown_page(meta: &doc::Meta, pieces: &[knit::Piece]) -> String {
    let mut s = String::new();
    if let Some(t) = &meta.title {
        s.push_str(&format!("{}\n================\n", t));
        for x in [&meta.subtitle, &meta.author, &meta.date].into_iter().flatten() {
            s.push_str(x);
            s.push('\n');
        }
        s.push('\n');
    }
    let mut body = String::new();
    for p in pieces {
        match p {
            knit::Piece::Md(t) | knit::Piece::Html(t) => body.push_str(t),
        }
    }
    // at most one blank line between blocks
    let mut blank = 0;
    for line in body.trim_start_matches('\n').lines() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        s.push_str(line);
        s.push('\n');
    }
    s.trim_start_matches('\n').to_string()
}

/// Standard base64 (for images embedded in HTML).
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
        s.push(A[(n >> 18) as usize & 63] as char);
        s.push(A[(n >> 12) as usize & 63] as char);
        s.push(if c.len() > 1 { A[(n >> 6) as usize & 63] as char } else { '=' });
        s.push(if c.len() > 2 { A[n as usize & 63] as char } else { '=' });
    }
    s
}

/// `rsc render FILE [--to html|md] [-o FILE] [--quiet]`: the command line; returns the
/// exit status.
pub fn cli(argv: &[String], stack_limit: usize) -> i32 {
    STACK_LIMIT_CELL.store(stack_limit, std::sync::atomic::Ordering::Relaxed);
    let mut args = RenderArgs::default();
    let mut input = None;
    let mut i = 0;
    while i < argv.len() {
        let a = argv[i].as_str();
        match a {
            "--to" | "-t" => {
                i += 1;
                args.to = match argv.get(i).map(|s| s.as_str()) {
                    Some("html" | "html_document") => Some(Format::Html),
                    Some("md" | "markdown" | "gfm" | "github_document" | "md_document") => Some(Format::Markdown),
                    other => {
                        eprintln!("rsc render: --to takes html or md, not {}", other.unwrap_or("nothing"));
                        return 2;
                    }
                };
            }
            "-o" | "--output" => {
                i += 1;
                match argv.get(i) {
                    Some(o) => args.output = Some(PathBuf::from(o)),
                    None => {
                        eprintln!("rsc render: -o needs a file name");
                        return 2;
                    }
                }
            }
            "-q" | "--quiet" => args.quiet = true,
            "-h" | "--help" => {
                print!("{}", RENDER_HELP);
                return 0;
            }
            _ if a.starts_with("--to=") => {
                let mut v = vec!["--to".to_string(), a[5..].to_string()];
                v.extend(argv[i + 1..].iter().cloned());
                if let Some(f) = input.take() {
                    v.push(f);
                }
                return cli(&v, stack_limit);
            }
            _ if input.is_none() => input = Some(a.to_string()),
            _ => {
                eprintln!("rsc render: unexpected argument '{}'", a);
                return 2;
            }
        }
        i += 1;
    }
    let Some(input) = input else {
        eprint!("{}", RENDER_HELP);
        return 2;
    };
    match render_file(Path::new(&input), &args) {
        Ok(files) => {
            if !args.quiet {
                eprintln!("Output created: {}", files[0].display());
            }
            0
        }
        Err(e) => {
            eprintln!("{}", e);
            eprintln!("Execution halted");
            1
        }
    }
}

const RENDER_HELP: &str = "\
Usage: rsc render FILE [--to html|md] [-o OUTPUT] [--quiet]

Runs the R code of a report and writes the result:
  FILE.Rmd, FILE.qmd, FILE.R   a self-contained HTML report (plots embedded), or with
                               --to md GitHub-flavoured Markdown with figures in
                               OUTPUT_files/figure-gfm/ (default from the YAML `output:`)
  FILE.ipynb                   the notebook with its code cells executed and their outputs
                               written back (--to html: an HTML page of it instead)
";

#[cfg(test)]
mod tests {
    #[test]
    fn base64_of_bytes() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foobar"), "Zm9vYmFy");
    }
}
