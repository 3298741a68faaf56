//! Knitting: runs a document's chunks in one session with their options, evaluates inline
//! `` `r expr` ``, and turns each chunk's outputs into pieces of the report (Markdown, or
//! HTML for the HTML report), as knitr does for R Markdown.

use super::doc::{Block, Chunk, Doc};
use super::highlight::highlight_r;
use super::Format;
use crate::api::chunk::{escape_html, ChunkError, ChunkOptions, ChunkSession, Output, Plot};
use crate::value::{Data, Value};

/// Chunk options (knitr's names, with R Markdown's defaults).
#[derive(Clone, Debug)]
pub struct Opts {
    pub label: String,
    pub eval: bool,
    pub echo: bool,
    pub include: bool,
    /// `markup`, `asis`, `hide` or `hold`.
    pub results: String,
    pub message: bool,
    pub warning: bool,
    pub error: bool,
    pub fig_width: f64,
    pub fig_height: f64,
    pub fig_cap: Vec<String>,
    /// `asis`, `hold` or `hide`.
    pub fig_show: String,
    pub dpi: f64,
    pub out_width: Option<String>,
    pub collapse: bool,
    pub comment: String,
}

impl Opts {
    fn defaults(format: Format) -> Opts {
        Opts {
            label: String::new(),
            eval: true,
            echo: true,
            include: true,
            results: "markup".into(),
            message: true,
            warning: true,
            error: false,
            fig_width: 7.0,
            fig_height: 5.0,
            fig_cap: Vec::new(),
            fig_show: "asis".into(),
            // HTML: 96 dpi shown at twice the pixels (R Markdown's `fig_retina = 2`)
            dpi: if format == Format::Html { 96.0 } else { 72.0 },
            out_width: None,
            collapse: false,
            comment: "##".into(),
        }
    }

    /// Sets one option from its R value; unknown options are ignored, as knitr keeps them.
    fn set(&mut self, name: &str, v: &Value) -> Result<(), String> {
        let flag = |v: &Value| -> Result<bool, String> {
            match v.as_bool() {
                Some(Some(b)) => Ok(b),
                _ => Err(format!("chunk option '{}' must be TRUE or FALSE", name)),
            }
        };
        let num = |v: &Value| -> Result<f64, String> {
            v.as_f64().filter(|x| x.is_finite() && *x > 0.0).ok_or_else(|| format!("chunk option '{}' must be a positive number", name))
        };
        let strs = |v: &Value| -> Vec<String> {
            match v.data() {
                Some(d) => d.to_str().iter().map(|s| s.as_deref().unwrap_or("NA").to_string()).collect(),
                None => Vec::new(),
            }
        };
        let text = |v: &Value| strs(v).into_iter().next().unwrap_or_default();
        match name.replace('-', ".").as_str() {
            "label" => self.label = text(v),
            "eval" => self.eval = flag(v)?,
            "echo" => self.echo = flag(v)?,
            "include" => self.include = flag(v)?,
            "results" => {
                let r = text(v);
                if !matches!(r.as_str(), "markup" | "asis" | "hide" | "hold") {
                    return Err(format!("results must be 'markup', 'asis', 'hide' or 'hold', not '{}'", r));
                }
                self.results = r;
            }
            "message" => self.message = flag(v)?,
            "warning" => self.warning = flag(v)?,
            "error" => self.error = flag(v)?,
            "fig.width" => self.fig_width = num(v)?,
            "fig.height" => self.fig_height = num(v)?,
            "fig.asp" => self.fig_height = self.fig_width * num(v)?,
            "fig.cap" => self.fig_cap = if v.is_null() { Vec::new() } else { strs(v) },
            "fig.show" => self.fig_show = text(v),
            "dpi" => self.dpi = num(v)?,
            "out.width" => self.out_width = if v.is_null() { None } else { Some(text(v)) },
            "collapse" => self.collapse = flag(v)?,
            "comment" => self.comment = if v.is_null() { String::new() } else { text(v) },
            _ => {}
        }
        Ok(())
    }
}

/// A part of the report.
#[derive(Clone, Debug)]
pub enum Piece {
    /// Markdown (document text, `results = "asis"` output).
    Md(String),
    /// Finished HTML (code and output blocks, figures) for the HTML report.
    Html(String),
}

/// A figure file the Markdown report refers to.
pub struct Figure {
    /// Path relative to the report (`NAME_files/figure-gfm/label-1.png`).
    pub path: String,
    pub png: Vec<u8>,
}

/// A render that stopped: what R Markdown prints (`Quitting from lines ...` and the error).
#[derive(Debug)]
pub struct Failure {
    pub message: String,
}

/// The knitted report before it is written out.
pub struct Knitted {
    pub pieces: Vec<Piece>,
    pub figures: Vec<Figure>,
}

/// R code run once per session: the parts of knitr's interface a report uses
/// (`knitr::opts_chunk$set()` for document-wide defaults, `knitr::kable()` is a builtin).
const PRELUDE: &str = r#"
opts_chunk <- local({
    .opts <- list()
    list(
        set = function(...) { o <- list(...); for (n in names(o)) .opts[[n]] <<- o[[n]]; invisible(NULL) },
        get = function(name) if (missing(name)) .opts else .opts[[name]]
    )
})
.rsc_inline <- function(x) {
    if (is.double(x)) x <- round(x, getOption("digits"))
    paste(as.character(x), collapse = ", ")
}
"#;

/// Runs the document: chunks in order in one session, inline code where it appears.
pub struct Knitter<'a> {
    pub session: ChunkSession,
    pub format: Format,
    /// The document's file name (for carets and `Quitting from lines ...`).
    pub file: String,
    /// Figure files' directory, relative to the report (Markdown reports).
    pub fig_dir: String,
    unnamed: usize,
    labels: Vec<String>,
    pub progress: Option<&'a mut dyn FnMut(&str)>,
}

impl<'a> Knitter<'a> {
    pub fn new(format: Format, file: &str, fig_dir: &str) -> Result<Knitter<'a>, String> {
        let mut session = ChunkSession::new();
        session.interp().stack_limit = super::stack_limit();
        // the helpers live in the base environment, out of the user's `ls()`
        let base = session.interp().base.clone();
        let exprs = crate::syntax::parse_detached(PRELUDE).map_err(|e| e.message)?;
        for e in &exprs {
            session.interp().eval(e, &base).map_err(|_| "cannot set up the knitr helpers".to_string())?;
        }
        Ok(Knitter { session, format, file: file.to_string(), fig_dir: fig_dir.to_string(), unnamed: 0, labels: Vec::new(), progress: None })
    }

    /// Knits every block of the document.
    pub fn knit(&mut self, doc: &Doc) -> Result<Knitted, Failure> {
        let mut out = Knitted { pieces: Vec::new(), figures: Vec::new() };
        let mut text_line = 1;
        for b in &doc.blocks {
            match b {
                Block::Text(t) => {
                    let s = self.inline(t, text_line)?;
                    out.pieces.push(Piece::Md(s));
                    text_line += t.matches('\n').count();
                }
                Block::Chunk(c) => {
                    self.chunk(c, &mut out)?;
                    text_line = c.end_line + 1;
                }
            }
        }
        Ok(out)
    }

    fn fail(&self, from: usize, to: usize, e: &ChunkError) -> Failure {
        Failure { message: format!("Quitting from lines {}-{} ({})\n{}", from, to, self.file, e.rendered) }
    }

    /// Replaces inline `` `r expr` `` in Markdown text (outside code blocks) by its value.
    fn inline(&mut self, text: &str, first_line: usize) -> Result<String, Failure> {
        let mut out = String::with_capacity(text.len());
        let mut in_fence = false;
        for (k, line) in text.split_inclusive('\n').enumerate() {
            let t = line.trim_start();
            if t.starts_with("```") || t.starts_with("~~~") {
                in_fence = !in_fence;
            }
            if in_fence || !line.contains("`r ") {
                out.push_str(line);
                continue;
            }
            let mut rest = line;
            while let Some(i) = rest.find("`r ") {
                let Some(j) = rest[i + 3..].find('`') else { break };
                out.push_str(&rest[..i]);
                let code = rest[i + 3..i + 3 + j].trim();
                let v = self
                    .session
                    .eval_quiet(&format!(".rsc_inline({{{}\n}})", code))
                    .map_err(|e| {
                        let n = first_line + k;
                        Failure { message: format!("Quitting from lines {}-{} ({})\n{}", n, n, self.file, e.message) }
                    })?;
                out.push_str(&value_text(&v));
                rest = &rest[i + 3 + j + 1..];
            }
            out.push_str(rest);
        }
        Ok(out)
    }

    /// The chunk's options: the defaults, the document-wide ones set so far, then its own.
    fn options(&mut self, c: &Chunk) -> Result<Opts, Failure> {
        let mut o = Opts::defaults(self.format);
        let bad = |msg: String| Failure {
            message: format!("Quitting from lines {}-{} ({})\nError in chunk options: {}", c.line, c.end_line, self.file, msg),
        };
        if let Ok(v) = self.session.eval_quiet("opts_chunk$get()") {
            for (n, v) in named_items(&v) {
                o.set(&n, &v).map_err(bad)?;
            }
        }
        let (label, rest) = split_label(&c.header);
        let mut label = label.unwrap_or_default();
        let mut args = rest;
        for (k, v) in &c.pipe_options {
            if k == "label" {
                label = yaml_value_text(v);
                continue;
            }
            if !args.is_empty() {
                args.push_str(", ");
            }
            args.push_str(&format!("`{}` = {}", k.replace('-', "."), yaml_to_r(v)));
        }
        if !args.trim().is_empty() {
            let v = self.session.eval_quiet(&format!("list({})", args)).map_err(|e| bad(e.message))?;
            for (n, v) in named_items(&v) {
                o.set(&n, &v).map_err(bad)?;
            }
        }
        if label.is_empty() {
            self.unnamed += 1;
            label = format!("unnamed-chunk-{}", self.unnamed);
        } else if self.labels.contains(&label) {
            return Err(bad(format!("duplicate label '{}'", label)));
        }
        self.labels.push(label.clone());
        o.label = label;
        Ok(o)
    }

    fn chunk(&mut self, c: &Chunk, out: &mut Knitted) -> Result<(), Failure> {
        let o = self.options(c)?;
        if let Some(p) = self.progress.as_mut() {
            p(&o.label);
        }
        if c.engine != "r" && c.engine != "R" {
            // other engines are shown, not run
            if o.echo && o.include {
                out.pieces.push(self.source_block(&c.code, &c.engine));
            }
            return Ok(());
        }
        let outputs = if o.eval {
            let copts = ChunkOptions {
                fig_width: o.fig_width,
                fig_height: o.fig_height,
                dpi: if self.format == Format::Html { o.dpi * 2.0 } else { o.dpi },
                svg: false,
                keep_going: o.error,
                source_name: self.file.clone(),
                first_line: c.code_line,
                html_tables: false,
            };
            let r = self.session.run(&c.code, &copts);
            if !o.error {
                if let Some(e) = r.error() {
                    return Err(self.fail(c.line, c.end_line, e));
                }
            }
            if let Some(status) = r.quit {
                return Err(Failure { message: format!("Quitting from lines {}-{} ({})\nq() called with status {}", c.line, c.end_line, self.file, status) });
            }
            r.outputs
        } else {
            vec![Output::Source(c.code.trim_end().to_string())]
        };
        if !o.include {
            return Ok(());
        }
        self.assemble(&o, outputs, out);
        Ok(())
    }

    fn source_block(&self, code: &str, lang: &str) -> Piece {
        let code = code.trim_end_matches('\n');
        match self.format {
            Format::Html if lang == "r" => Piece::Html(format!("<pre class=\"r\"><code>{}</code></pre>\n", highlight_r(code))),
            Format::Html => Piece::Html(format!("<pre class=\"{}\"><code>{}</code></pre>\n", escape_html(lang), escape_html(code))),
            Format::Markdown => Piece::Md(format!("``` {}\n{}\n```\n\n", lang, code)),
        }
    }

    fn output_block(&self, text: &str) -> Piece {
        let text = text.trim_end_matches('\n');
        match self.format {
            Format::Html => Piece::Html(format!("<pre><code>{}</code></pre>\n", escape_html(text))),
            Format::Markdown => Piece::Md(format!("```\n{}\n```\n\n", text)),
        }
    }

    /// Source and output in one block (`collapse = TRUE`).
    fn collapsed_block(&self, parts: &[(bool, String)]) -> Piece {
        match self.format {
            Format::Html => {
                let mut s = String::from("<pre class=\"r\"><code>");
                for (k, (is_src, t)) in parts.iter().enumerate() {
                    if k > 0 {
                        s.push('\n');
                    }
                    let t = t.trim_end_matches('\n');
                    if *is_src {
                        s.push_str(&highlight_r(t));
                    } else {
                        s.push_str(&format!("<span class=\"out\">{}</span>", escape_html(t)));
                    }
                }
                s.push_str("</code></pre>\n");
                Piece::Html(s)
            }
            Format::Markdown => {
                let body: Vec<&str> = parts.iter().map(|(_, t)| t.trim_end_matches('\n')).collect();
                Piece::Md(format!("``` r\n{}\n```\n\n", body.join("\n")))
            }
        }
    }

    fn figure(&self, o: &Opts, k: usize, p: &Plot, out: &mut Knitted) -> Piece {
        let cap = o.fig_cap.get(k - 1).or(o.fig_cap.first()).cloned();
        match self.format {
            Format::Html => {
                let shown = (p.width as f64 * o.dpi / (o.dpi * 2.0)).round() as u32;
                let width = match &o.out_width {
                    Some(w) => format!(" style=\"width: {}\"", escape_html(w)),
                    None => format!(" width=\"{}\"", shown),
                };
                let img = format!(
                    "<img src=\"data:image/png;base64,{}\"{} alt=\"{}\" />",
                    super::base64(&p.png),
                    width,
                    escape_html(cap.as_deref().unwrap_or(""))
                );
                Piece::Html(match cap {
                    Some(c) => format!("<div class=\"figure\">\n{}\n<p class=\"caption\">{}</p>\n</div>\n", img, escape_html(&c)),
                    None => format!("<p>{}</p>\n", img),
                })
            }
            Format::Markdown => {
                let path = format!("{}/{}-{}.png", self.fig_dir, o.label, k);
                out.figures.push(Figure { path: path.clone(), png: p.png.clone() });
                Piece::Md(format!("![{}]({})<!-- -->\n\n", cap.unwrap_or_default(), path))
            }
        }
    }

    /// Turns a chunk's outputs into report pieces, honouring its options.
    fn assemble(&self, o: &Opts, outputs: Vec<Output>, out: &mut Knitted) {
        let prefix = |t: &str| -> String {
            if o.comment.is_empty() {
                return t.to_string();
            }
            t.trim_end_matches('\n').split('\n').map(|l| format!("{} {}\n", o.comment, l)).collect()
        };
        // (is source, text) runs waiting to be written as a block
        let mut run: Vec<(bool, String)> = Vec::new();
        let mut held_text = Vec::new();
        let mut held_plots = Vec::new();
        let mut pieces = Vec::new();
        let mut nplot = 0;
        let flush = |run: &mut Vec<(bool, String)>, pieces: &mut Vec<Piece>| {
            if run.is_empty() {
                return;
            }
            if o.collapse {
                pieces.push(self.collapsed_block(run));
            } else {
                // consecutive parts of one kind make one block
                let mut k = 0;
                while k < run.len() {
                    let is_src = run[k].0;
                    let mut text = String::new();
                    while k < run.len() && run[k].0 == is_src {
                        text.push_str(run[k].1.trim_end_matches('\n'));
                        text.push('\n');
                        k += 1;
                    }
                    pieces.push(if is_src { self.source_block(&text, "r") } else { self.output_block(&text) });
                }
            }
            run.clear();
        };
        for item in outputs {
            let text = match item {
                Output::Source(s) => {
                    if o.echo {
                        run.push((true, s));
                    }
                    continue;
                }
                Output::Plot(p) => {
                    if o.fig_show == "hide" {
                        continue;
                    }
                    if o.fig_show == "hold" {
                        held_plots.push(p);
                        continue;
                    }
                    flush(&mut run, &mut pieces);
                    nplot += 1;
                    pieces.push(self.figure(o, nplot, &p, out));
                    continue;
                }
                Output::Stdout(t) => Some((t, false)),
                Output::Value(v) => {
                    let asis = v.classes.iter().any(|c| c == "knitr_kable" || c == "knit_asis");
                    Some((v.text, asis))
                }
                Output::Message(m) if o.message => {
                    run.push((false, prefix(&m)));
                    None
                }
                Output::Warning(w) if o.warning => {
                    run.push((false, prefix(&knitr_warning(&w))));
                    None
                }
                Output::Error(e) => {
                    let msg = match &e.call {
                        Some(c) => format!("Error in {}: {}", c, e.text),
                        None => format!("Error: {}", e.text),
                    };
                    run.push((false, prefix(&msg)));
                    None
                }
                Output::Message(_) | Output::Warning(_) => None,
            };
            let Some((t, asis)) = text else { continue };
            match o.results.as_str() {
                "hide" => {}
                "asis" => {
                    flush(&mut run, &mut pieces);
                    pieces.push(Piece::Md(format!("{}\n", t)));
                }
                _ if asis => {
                    flush(&mut run, &mut pieces);
                    pieces.push(Piece::Md(format!("\n{}\n", t)));
                }
                "hold" => held_text.push(prefix(&t)),
                _ => run.push((false, prefix(&t))),
            }
        }
        flush(&mut run, &mut pieces);
        if !held_text.is_empty() {
            pieces.push(self.output_block(&held_text.concat()));
        }
        for p in held_plots {
            nplot += 1;
            pieces.push(self.figure(o, nplot, &p, out));
        }
        out.pieces.extend(pieces);
    }
}

/// knitr's form of a console warning block: `Warning in f(): msg` (or `Warning: msg`).
fn knitr_warning(w: &str) -> String {
    let mut out = String::new();
    for line in w.lines().skip(1) {
        // `In f() : msg` or `N: In f() : msg` or just the message
        // `N: ` numbers the warnings of a multi-warning block
        let l = match line.split_once(": ") {
            Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => rest.to_string(),
            _ => line.to_string(),
        };
        match l.strip_prefix("In ").and_then(|r| r.split_once(" : ")) {
            Some((call, msg)) => out.push_str(&format!("Warning in {}: {}\n", call, msg)),
            None if line.starts_with(' ') && !out.is_empty() => {
                out.push_str(line);
                out.push('\n');
            }
            None => out.push_str(&format!("Warning: {}\n", l)),
        }
    }
    out
}

/// The label of a chunk header and the remaining option text: the first item when it is
/// not `name = value`.
fn split_label(header: &str) -> (Option<String>, String) {
    let h = header.trim();
    if h.is_empty() {
        return (None, String::new());
    }
    let (first, rest) = match top_level_comma(h) {
        Some(i) => (&h[..i], h[i + 1..].trim()),
        None => (h, ""),
    };
    let is_arg = {
        let f = first.trim();
        // `name = value` but not `a == b`
        f.find('=').is_some_and(|i| !f[i..].starts_with("==") && !f[..i].ends_with(['!', '<', '>']))
    };
    if is_arg {
        (None, h.to_string())
    } else {
        let l = first.trim().trim_matches(['"', '\'']).to_string();
        (Some(l), rest.to_string())
    }
}

/// Byte offset of the first comma outside brackets and strings.
fn top_level_comma(s: &str) -> Option<usize> {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut esc = false;
    for (i, c) in s.char_indices() {
        if let Some(q) = quote {
            if esc {
                esc = false;
            } else if c == '\\' {
                esc = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' | '`' => quote = Some(c),
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// A Quarto option value (YAML) as R code.
fn yaml_to_r(v: &str) -> String {
    let t = v.trim();
    match t {
        "true" | "yes" | "TRUE" | "True" => "TRUE".into(),
        "false" | "no" | "FALSE" | "False" => "FALSE".into(),
        "null" | "~" | "NULL" => "NULL".into(),
        _ if t.starts_with(['"', '\'']) => t.to_string(),
        _ if t.starts_with("!expr ") => t[6..].to_string(),
        _ if t.parse::<f64>().is_ok() => t.to_string(),
        _ => format!("\"{}\"", t.replace('\\', "\\\\").replace('"', "\\\"")),
    }
}

fn yaml_value_text(v: &str) -> String {
    v.trim().trim_matches(['"', '\'']).to_string()
}

/// A named list's items.
fn named_items(v: &Value) -> Vec<(String, Value)> {
    let Some(Data::List(items)) = v.data() else { return Vec::new() };
    let names = v.names().unwrap_or_default();
    items
        .iter()
        .enumerate()
        .filter_map(|(i, x)| names.get(i).and_then(|n| n.as_deref()).filter(|n| !n.is_empty()).map(|n| (n.to_string(), x.clone())))
        .collect()
}

/// An inline value's text (already formatted by `.rsc_inline`).
fn value_text(v: &Value) -> String {
    match v.data() {
        Some(d) => d.to_str().iter().map(|s| s.as_deref().unwrap_or("NA").to_string()).collect::<Vec<_>>().join(", "),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_options() {
        assert_eq!(split_label("setup, echo = FALSE"), (Some("setup".into()), "echo = FALSE".into()));
        assert_eq!(split_label("echo = FALSE, x = c(1, 2)"), (None, "echo = FALSE, x = c(1, 2)".into()));
        assert_eq!(split_label("'my label'"), (Some("my label".into()), String::new()));
        assert_eq!(yaml_to_r("false"), "FALSE");
        assert_eq!(yaml_to_r("5"), "5");
        assert_eq!(yaml_to_r("A caption"), "\"A caption\"");
    }

    #[test]
    fn warnings_as_knitr_shows_them() {
        assert_eq!(knitr_warning("Warning message:\nIn log(-1) : NaNs produced\n"), "Warning in log(-1): NaNs produced\n");
        assert_eq!(knitr_warning("Warning messages:\n1: In f() : a\n2: b\n"), "Warning in f(): a\nWarning: b\n");
    }
}
