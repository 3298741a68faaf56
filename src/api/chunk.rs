//! The chunk runner behind notebooks and reports: a [`ChunkSession`] keeps one interpreter
//! across chunks (cells) and runs each chunk's code statement by statement as the console
//! does, returning what a reader sees, in order: the source of each statement, printed
//! text, messages, warnings, the visible value's printed form, every finished plot (PNG,
//! and SVG on request) and the error that stopped the chunk.
//!
//! ```
//! use rsc::api::chunk::{ChunkSession, ChunkOptions, Output};
//! let mut s = ChunkSession::new();
//! let r = s.run("x <- 1:3\nsum(x)\nplot(x)", &ChunkOptions::default());
//! assert!(r.error().is_none());
//! assert_eq!(r.value_text().as_deref(), Some("[1] 6\n"));
//! assert_eq!(r.plots().count(), 1);
//! ```
//!
//! Plots: for each chunk a capture device (a PNG rasterizer, teed to an SVG writer when
//! asked) is opened and made current; it is closed when the chunk ends. A page is placed
//! in the outputs after the last statement that drew on it (so `plot(x); abline(...)`
//! gives one plot, after the `abline`), as knitr does. A device the code opens itself
//! (`png("f.png")`) writes its own file and is not captured.

use crate::error::{ErrorKind, RError, Stop};
use crate::eval::Interp;
use crate::graphics::color::Rgba;
use crate::graphics::device::{Device, Gc};
use crate::graphics::raster::{Format, RasterDevice};
use crate::graphics::svg::SvgDevice;
use crate::syntax::sym::Sym;
use crate::value::{Env, Value};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// How a chunk is run.
#[derive(Clone, Debug)]
pub struct ChunkOptions {
    /// Plot size in inches.
    pub fig_width: f64,
    pub fig_height: f64,
    /// Plot resolution: pixels per inch of the PNG images.
    pub dpi: f64,
    /// Also draw each plot as SVG ([`Plot::svg`]).
    pub svg: bool,
    /// Keep running the statements after one fails (knitr's `error = TRUE`); otherwise the
    /// chunk stops at the first error, as a console cell does.
    pub keep_going: bool,
    /// The name error carets point into (`--> NAME:line:col`).
    pub source_name: String,
    /// The line of the chunk's first code line in that source (1 for a cell), so carets
    /// show the line in the file.
    pub first_line: usize,
    /// Make an HTML table of a visible data frame ([`Shown::html`]).
    pub html_tables: bool,
}

impl Default for ChunkOptions {
    fn default() -> Self {
        ChunkOptions {
            fig_width: 7.0,
            fig_height: 5.0,
            dpi: 96.0,
            svg: false,
            keep_going: false,
            source_name: "<chunk>".to_string(),
            first_line: 1,
            html_tables: false,
        }
    }
}

/// One thing a chunk produced, in the order it appeared.
#[derive(Clone, Debug)]
pub enum Output {
    /// The source of a top-level statement, with the comments and blank lines before it
    /// (trailing comments of the chunk come as a last `Source`).
    Source(String),
    /// Text written to standard output (`cat`, `print`, and auto-printed values).
    Stdout(String),
    /// Text written to standard error that is not a warning (`message()`).
    Message(String),
    /// Warnings as the console reports them after a statement (`Warning message:\nIn f() : msg`).
    Warning(String),
    /// The auto-printed form of a statement's visible value. Its text is also in the chunk's
    /// standard output as a console shows it, but is given here instead of in a `Stdout`.
    Value(Shown),
    /// A finished plot page.
    Plot(Plot),
    /// The error that stopped a statement.
    Error(ChunkError),
}

/// A visible value as printed.
#[derive(Clone, Debug)]
pub struct Shown {
    /// What the console prints for it (`text/plain`).
    pub text: String,
    /// An HTML table when the value is a data frame and [`ChunkOptions::html_tables`] is on.
    pub html: Option<String>,
    /// The value's class attribute (empty when it has none), e.g. to treat a
    /// `knitr_kable` table as Markdown.
    pub classes: Vec<String>,
}

/// A plot page.
#[derive(Clone, Debug)]
pub struct Plot {
    pub png: Vec<u8>,
    pub svg: Option<String>,
    /// Size of the PNG in pixels.
    pub width: u32,
    pub height: u32,
}

/// An error raised by a statement.
#[derive(Clone, Debug)]
pub struct ChunkError {
    /// R's message line(s): `Error in f(x) : message` (what knitr shows).
    pub message: String,
    /// The diagnostic as the command line prints it: the message, then
    /// `--> name:line:col`, the source line and a caret.
    pub rendered: String,
    /// The message alone, without the `Error in ...` header.
    pub text: String,
    /// The call R names in the header (`f(x)` of `Error in f(x) : ...`), if any.
    pub call: Option<String>,
    pub kind: ErrorKind,
    /// Line (in the source named by [`ChunkOptions::source_name`]) where the failing
    /// statement starts.
    pub line: usize,
}

/// What running a chunk produced.
#[derive(Clone, Debug, Default)]
pub struct ChunkResult {
    pub outputs: Vec<Output>,
    /// Set when the code called `q()`: its status (the chunk stopped there).
    pub quit: Option<i32>,
}

impl ChunkResult {
    /// The first error, if any.
    pub fn error(&self) -> Option<&ChunkError> {
        self.outputs.iter().find_map(|o| match o {
            Output::Error(e) => Some(e),
            _ => None,
        })
    }
    /// The plots, in order.
    pub fn plots(&self) -> impl Iterator<Item = &Plot> {
        self.outputs.iter().filter_map(|o| match o {
            Output::Plot(p) => Some(p),
            _ => None,
        })
    }
    /// The printed form of the last visible value, if the last statement's value was visible.
    pub fn value_text(&self) -> Option<String> {
        self.outputs.iter().rev().find_map(|o| match o {
            Output::Value(s) => Some(s.text.clone()),
            _ => None,
        })
    }
    /// Everything as the console would show it, sources left out: printed text, values,
    /// messages, warnings and the error's diagnostic.
    pub fn console_text(&self) -> String {
        let mut s = String::new();
        for o in &self.outputs {
            match o {
                Output::Stdout(t) | Output::Message(t) | Output::Warning(t) => s.push_str(t),
                Output::Value(v) => s.push_str(&v.text),
                Output::Error(e) => {
                    s.push_str(&e.message);
                    s.push('\n');
                }
                Output::Source(_) | Output::Plot(_) => {}
            }
        }
        s
    }
}

/// The two text streams, in the order text was written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Stream {
    Out,
    Message,
    Warning,
}

#[derive(Default)]
struct Log {
    items: Vec<(Stream, String)>,
}

struct LogWriter {
    log: Rc<RefCell<Log>>,
    err: bool,
}

impl Write for LogWriter {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(b).into_owned();
        // The interpreter writes each statement's warnings as one block with this header.
        let stream = if !self.err {
            Stream::Out
        } else if text.starts_with("Warning message:\n") || text.starts_with("Warning messages:\n") {
            Stream::Warning
        } else {
            Stream::Message
        };
        let mut log = self.log.borrow_mut();
        match log.items.last_mut() {
            Some((s, t)) if *s == stream && stream != Stream::Warning => t.push_str(&text),
            _ => log.items.push((stream, text)),
        }
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What the capture device saw, shared with the runner.
#[derive(Default)]
struct Capture {
    /// Drawing operations per page.
    page_draws: Vec<u64>,
    png: Vec<Vec<u8>>,
    svg: Vec<String>,
    size: (u32, u32),
}

/// A device that rasterizes every page (and optionally writes SVG), counting what is drawn
/// on each page so the runner knows which statement last touched it.
struct CaptureDevice {
    raster: RasterDevice,
    svg: Option<SvgDevice>,
    state: Rc<RefCell<Capture>>,
}

impl CaptureDevice {
    fn drew(&mut self) {
        let mut st = self.state.borrow_mut();
        // the rasterizer starts a page itself when drawing begins without one
        if st.page_draws.is_empty() {
            st.page_draws.push(0);
        }
        if let Some(n) = st.page_draws.last_mut() {
            *n += 1;
        }
    }
}

impl Device for CaptureDevice {
    fn size(&self) -> (f64, f64) {
        self.raster.size()
    }
    fn new_page(&mut self, bg: Rgba) {
        self.raster.new_page(bg);
        if let Some(s) = &mut self.svg {
            s.new_page(bg);
        }
        self.state.borrow_mut().page_draws.push(1);
    }
    fn clip(&mut self, rect: Option<(f64, f64, f64, f64)>) {
        self.raster.clip(rect);
        if let Some(s) = &mut self.svg {
            s.clip(rect);
        }
    }
    fn polyline(&mut self, x: &[f64], y: &[f64], gc: &Gc) {
        self.drew();
        self.raster.polyline(x, y, gc);
        if let Some(s) = &mut self.svg {
            s.polyline(x, y, gc);
        }
    }
    fn polygon(&mut self, x: &[f64], y: &[f64], gc: &Gc) {
        self.drew();
        self.raster.polygon(x, y, gc);
        if let Some(s) = &mut self.svg {
            s.polygon(x, y, gc);
        }
    }
    fn rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, gc: &Gc) {
        self.drew();
        self.raster.rect(x0, y0, x1, y1, gc);
        if let Some(s) = &mut self.svg {
            s.rect(x0, y0, x1, y1, gc);
        }
    }
    fn circle(&mut self, x: f64, y: f64, r: f64, gc: &Gc) {
        self.drew();
        self.raster.circle(x, y, r, gc);
        if let Some(s) = &mut self.svg {
            s.circle(x, y, r, gc);
        }
    }
    fn text(&mut self, x: f64, y: f64, t: &str, rot: f64, hadj: f64, gc: &Gc) {
        self.drew();
        self.raster.text(x, y, t, rot, hadj, gc);
        if let Some(s) = &mut self.svg {
            s.text(x, y, t, rot, hadj, gc);
        }
    }
    fn finish(&mut self) -> Vec<Vec<u8>> {
        let size = self.raster.pixels();
        let png = self.raster.finish();
        let svg = match &mut self.svg {
            Some(s) => s.finish().into_iter().map(|b| String::from_utf8_lossy(&b).into_owned()).collect(),
            None => Vec::new(),
        };
        let mut st = self.state.borrow_mut();
        st.png.extend(png.iter().cloned());
        st.svg.extend(svg);
        st.size = size;
        png
    }
    fn pages(&self) -> usize {
        self.raster.pages()
    }
}

/// One interpreter kept across chunks, its output captured.
pub struct ChunkSession {
    it: Interp,
    log: Rc<RefCell<Log>>,
}

impl Default for ChunkSession {
    fn default() -> Self {
        ChunkSession::new()
    }
}

/// An item of a chunk's outputs before its plots are rendered.
enum Item {
    Out(Output),
    Page(usize),
}

impl ChunkSession {
    /// A session with base, stats, graphics and the data sets, allowed what the command
    /// line allows (files, environment, system commands).
    pub fn new() -> ChunkSession {
        let log = Rc::new(RefCell::new(Log::default()));
        let out = LogWriter { log: log.clone(), err: false };
        let err = LogWriter { log: log.clone(), err: true };
        let mut it = Interp::with_output(Box::new(out), Box::new(err));
        crate::builtins::install(&mut it);
        ChunkSession { it, log }
    }

    /// The interpreter, to bind variables, set options or limits (`stack_limit` when
    /// running on a thread with a large stack).
    pub fn interp(&mut self) -> &mut Interp {
        &mut self.it
    }

    /// Evaluates R code and returns its value without printing or capturing anything
    /// (chunk options, inline `r` expressions). Output it writes is dropped.
    pub fn eval_quiet(&mut self, code: &str) -> Result<Value, ChunkError> {
        let exprs = crate::syntax::parse(code).map_err(|e| self.error_of(&e, "<option>", code))?;
        let saved = self.it.autoprint;
        self.it.autoprint = false;
        let mut last = Value::Null;
        let mut failed = None;
        for e in &exprs {
            match self.it.eval_toplevel(e) {
                Ok(v) => last = v,
                Err(Stop::Error(e)) => {
                    failed = Some(e);
                    break;
                }
                Err(Stop::Quit(_)) => {
                    failed = Some(RError::runtime("quit() is not allowed here"));
                    break;
                }
            }
        }
        self.it.autoprint = saved;
        self.it.flush();
        self.log.borrow_mut().items.clear();
        match failed {
            Some(e) => Err(self.error_of(&e, "<option>", code)),
            None => Ok(last),
        }
    }

    fn error_of(&self, e: &RError, name: &str, src: &str) -> ChunkError {
        let line = e
            .span
            .map(|s| src[..(s.start as usize).min(src.len())].matches('\n').count() + 1)
            .unwrap_or(1);
        ChunkError {
            message: e.header(),
            rendered: e.render(name, src),
            text: e.message.clone(),
            call: e.call.clone().filter(|c| !c.is_empty() && e.kind != ErrorKind::Syntax),
            kind: e.kind,
            line,
        }
    }

    /// Runs a chunk of code: each top-level statement in turn, printing visible values as
    /// the console does. A syntax error runs nothing.
    pub fn run(&mut self, code: &str, opts: &ChunkOptions) -> ChunkResult {
        // carets and lines count from the chunk's place in its file
        let pad = opts.first_line.saturating_sub(1);
        let src = format!("{}{}", "\n".repeat(pad), code);
        let mut items: Vec<Item> = Vec::new();
        self.drain(&mut items);
        let exprs = match crate::syntax::parse(&src) {
            Ok(e) => e,
            Err(e) => {
                items.push(Item::Out(Output::Source(code.trim_end_matches('\n').to_string())));
                items.push(Item::Out(Output::Error(self.error_of(&e, &opts.source_name, &src))));
                return ChunkResult { outputs: finish_items(items, &Capture::default()), quit: None };
            }
        };
        let capture = Rc::new(RefCell::new(Capture::default()));
        let device = self.open_device(opts, capture.clone());
        let mut seen: Vec<u64> = Vec::new();
        let mut pos = pad; // byte offset where the next statement's source begins
        let mut quit = None;
        let saved_autoprint = self.it.autoprint;
        self.it.autoprint = false;
        for e in &exprs {
            let end = (e.span.end as usize).clamp(pos, src.len());
            // a statement's source runs to the end of its line (`x <- 1 # note`)
            let end = match src[end..].find('\n') {
                Some(i) if src[end..end + i].trim_start().starts_with('#') || src[end..end + i].trim().is_empty() => end + i,
                _ => end,
            };
            let mut text = src[pos..end].trim_matches('\n');
            if let Some(t) = text.trim_start().strip_prefix(';') {
                text = t.trim_start_matches([' ', '\t']).trim_start_matches('\n');
            }
            let text = text.strip_suffix(';').unwrap_or(text).trim_end();
            items.push(Item::Out(Output::Source(text.to_string())));
            pos = end;
            let before = self.log.borrow().items.len();
            let r = self.it.eval_toplevel(e);
            let r = match r {
                Ok(v) if self.it.visible => self.show(&v, opts).map(Some),
                Ok(_) => Ok(None),
                Err(e) => Err(e),
            };
            // warnings the statement raised were written when it ended; R prints them after
            // the value
            let warning = {
                let mut log = self.log.borrow_mut();
                match log.items.last() {
                    Some((Stream::Warning, _)) if log.items.len() > before => log.items.pop(),
                    _ => None,
                }
            };
            self.drain(&mut items);
            let mut stop = false;
            match r {
                Ok(Some(shown)) => items.push(Item::Out(Output::Value(shown))),
                Ok(None) => {}
                Err(Stop::Error(err)) => {
                    items.push(Item::Out(Output::Error(self.error_of(&err, &opts.source_name, &src))));
                    stop = !opts.keep_going;
                }
                Err(Stop::Quit(status)) => {
                    quit = Some(status);
                    stop = true;
                }
            }
            if let Some((_, w)) = warning {
                items.push(Item::Out(Output::Warning(w)));
            }
            // the pages this statement drew on go after it (moved from earlier statements)
            let draws = capture.borrow().page_draws.clone();
            for (p, &n) in draws.iter().enumerate() {
                if seen.get(p) != Some(&n) {
                    items.retain(|i| !matches!(i, Item::Page(q) if *q == p));
                    items.push(Item::Page(p));
                }
            }
            seen = draws;
            if stop {
                break;
            }
        }
        if quit.is_none() && pos < src.len() {
            let rest = src[pos..].trim_matches('\n');
            if !rest.trim().is_empty() && exprs.len() == count_sources(&items) {
                items.push(Item::Out(Output::Source(rest.to_string())));
            }
        }
        self.it.autoprint = saved_autoprint;
        self.close_device(device, &capture);
        self.it.flush();
        self.drain(&mut items);
        let outputs = finish_items(items, &capture.borrow());
        ChunkResult { outputs, quit }
    }

    /// Prints a visible value into a string as auto-printing does.
    fn show(&mut self, v: &Value, opts: &ChunkOptions) -> Result<Shown, Stop> {
        let Some(print) = self.it.printer else {
            return Ok(Shown { text: String::new(), html: None, classes: Vec::new() });
        };
        let env = self.it.global.clone();
        self.it.begin_capture();
        let r = print(&mut self.it, v, &env);
        let text = self.it.end_capture();
        self.it.flush_warnings();
        if let Err(f) = r {
            // what was printed before the failure still shows
            if !text.is_empty() {
                self.it.write_out(&text);
            }
            return Err(match f {
                crate::error::Flow::Error(e) => Stop::Error(*e),
                crate::error::Flow::Quit(s) => Stop::Quit(s),
                _ => Stop::Error(RError::runtime("printing failed")),
            });
        }
        let html = if opts.html_tables && v.inherits("data.frame") { self.frame_html(v) } else { None };
        let classes = v.class_attr().unwrap_or_default();
        Ok(Shown { text, html, classes })
    }

    /// An HTML table of a data frame: its formatted cells and row names (the first 100 rows).
    fn frame_html(&mut self, v: &Value) -> Option<String> {
        let env = Env::new(Some(self.it.global.clone()));
        env.set(Sym::new(".x"), v.clone());
        let code = "list(names(.x), row.names(.x), lapply(format(head(.x, 100L)), as.character), nrow(.x))";
        let expr = crate::syntax::parse_detached(code).ok()?.into_iter().next()?;
        self.it.begin_capture();
        let r = self.it.eval(&expr, &env);
        self.it.end_capture();
        self.it.warnings.clear();
        let parts = r.ok()?;
        let parts = list_items(&parts)?;
        let strs = |v: &Value| -> Vec<String> {
            v.data().map(|d| d.to_str().iter().map(|s| s.as_deref().unwrap_or("NA").to_string()).collect()).unwrap_or_default()
        };
        let names = strs(parts.first()?);
        let rows = strs(parts.get(1)?);
        let cols: Vec<Vec<String>> = list_items(parts.get(2)?)?.iter().map(strs).collect();
        let total = parts.get(3)?.as_f64().unwrap_or(0.0) as usize;
        Some(html_table(&names, &rows, &cols, total))
    }

    fn drain(&mut self, items: &mut Vec<Item>) {
        self.it.flush();
        for (s, t) in std::mem::take(&mut self.log.borrow_mut().items) {
            items.push(Item::Out(match s {
                Stream::Out => Output::Stdout(t),
                Stream::Message => Output::Message(t),
                Stream::Warning => Output::Warning(t),
            }));
        }
    }

    fn open_device(&mut self, opts: &ChunkOptions, state: Rc<RefCell<Capture>>) -> usize {
        let (w, h) = (opts.fig_width.max(0.1) * 72.0, opts.fig_height.max(0.1) * 72.0);
        let dpi = if opts.dpi > 0.0 { opts.dpi } else { 96.0 };
        let dev = CaptureDevice {
            raster: RasterDevice::new(w, h, dpi, Format::Png),
            svg: opts.svg.then(|| SvgDevice::new(w, h)),
            state,
        };
        let g = crate::builtins::grDevices::gfx(&mut self.it);
        let n = g.open(Box::new(dev), "png", "", Rgba::WHITE);
        if let Some(s) = g.current() {
            s.par.put("ps", Value::num(12.0));
        }
        n
    }

    fn close_device(&mut self, n: usize, state: &Rc<RefCell<Capture>>) {
        let g = crate::builtins::grDevices::gfx(&mut self.it);
        // still ours unless the code closed it (then its pages were kept when it finished)
        let ours = g.slots.get(n - 1).and_then(|s| s.as_ref()).is_some_and(|s| s.file.is_empty() && s.name == "png");
        if ours && state.borrow().png.is_empty() {
            if let Some(mut slot) = g.close(n) {
                slot.dev.finish();
            }
        }
    }
}

fn list_items(v: &Value) -> Option<Vec<Value>> {
    match v.data() {
        Some(crate::value::Data::List(items)) => Some(items.to_vec()),
        _ => None,
    }
}

fn count_sources(items: &[Item]) -> usize {
    items.iter().filter(|i| matches!(i, Item::Out(Output::Source(_)))).count()
}

/// Replaces page markers by the rendered pages.
fn finish_items(items: Vec<Item>, cap: &Capture) -> Vec<Output> {
    let mut out: Vec<Output> = Vec::new();
    for i in items {
        match i {
            Item::Out(o) => {
                // consecutive text of one stream reads as one
                match (out.last_mut(), &o) {
                    (Some(Output::Stdout(a)), Output::Stdout(b)) | (Some(Output::Message(a)), Output::Message(b)) => {
                        a.push_str(b)
                    }
                    _ => out.push(o),
                }
            }
            Item::Page(p) => {
                if let Some(png) = cap.png.get(p) {
                    out.push(Output::Plot(Plot {
                        png: png.clone(),
                        svg: cap.svg.get(p).cloned(),
                        width: cap.size.0,
                        height: cap.size.1,
                    }));
                }
            }
        }
    }
    out
}

/// Escapes text for HTML.
pub fn escape_html(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            _ => o.push(c),
        }
    }
    o
}

fn html_table(names: &[String], rows: &[String], cols: &[Vec<String>], total: usize) -> String {
    let mut s = String::from("<table class=\"dataframe\">\n<thead><tr><th></th>");
    for n in names {
        s.push_str(&format!("<th>{}</th>", escape_html(n)));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    let shown = cols.first().map(|c| c.len()).unwrap_or(rows.len().min(100));
    for r in 0..shown {
        s.push_str(&format!("<tr><th>{}</th>", escape_html(rows.get(r).map(|x| x.as_str()).unwrap_or(""))));
        for c in cols {
            let cell = c.get(r).map(|x| x.trim()).unwrap_or("");
            s.push_str(&format!("<td>{}</td>", escape_html(cell)));
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n");
    if total > shown {
        s.push_str(&format!("<p>… {} more rows</p>\n", total - shown));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &mut ChunkSession, code: &str) -> ChunkResult {
        s.run(code, &ChunkOptions::default())
    }

    #[test]
    fn values_text_and_order() {
        let mut s = ChunkSession::new();
        let r = run(&mut s, "x <- 2\ncat('a\\n')\nx + 1\ninvisible(5)");
        let kinds: Vec<String> = r.outputs.iter().map(|o| match o {
            Output::Source(t) => format!("S:{}", t),
            Output::Stdout(t) => format!("O:{}", t),
            Output::Value(v) => format!("V:{}", v.text),
            other => format!("{:?}", other),
        }).collect();
        assert_eq!(kinds, ["S:x <- 2", "S:cat('a\\n')", "O:a\n", "S:x + 1", "V:[1] 3\n", "S:invisible(5)"]);
        // the session persists
        assert_eq!(run(&mut s, "x").value_text().as_deref(), Some("[1] 2\n"));
    }

    #[test]
    fn messages_warnings_errors() {
        let mut s = ChunkSession::new();
        let r = run(&mut s, "message('hi')\nf <- function() { warning('careful'); 1 }\nf()\nstop('boom')\n2");
        let mut saw = (false, false);
        for o in &r.outputs {
            match o {
                Output::Message(m) => { assert_eq!(m, "hi\n"); saw.0 = true }
                Output::Warning(w) => { assert_eq!(w, "Warning message:\nIn f() : careful\n"); saw.1 = true }
                _ => {}
            }
        }
        assert!(saw.0 && saw.1);
        // the value comes before its warning
        let i_val = r.outputs.iter().position(|o| matches!(o, Output::Value(_))).unwrap();
        let i_warn = r.outputs.iter().position(|o| matches!(o, Output::Warning(_))).unwrap();
        assert!(i_val < i_warn);
        let e = r.error().unwrap();
        assert_eq!(e.message, "Error: boom");
        assert_eq!(e.line, 4);
        assert!(e.rendered.contains("--> <chunk>:4:1"), "{}", e.rendered);
        // stopped: the last statement did not run
        assert!(!r.outputs.iter().any(|o| matches!(o, Output::Source(t) if t == "2")));
        // with keep_going it does
        let opts = ChunkOptions { keep_going: true, ..Default::default() };
        let r = s.run("stop('x')\n3", &opts);
        assert_eq!(r.value_text().as_deref(), Some("[1] 3\n"));
    }

    #[test]
    fn syntax_error_runs_nothing() {
        let mut s = ChunkSession::new();
        let r = run(&mut s, "y <- 1\n)");
        assert!(r.error().is_some());
        assert!(s.interp().global.get_local(Sym::new("y")).is_none());
    }

    #[test]
    fn plots_follow_the_statement_that_last_drew() {
        let mut s = ChunkSession::new();
        let opts = ChunkOptions { svg: true, fig_width: 4.0, fig_height: 3.0, dpi: 50.0, ..Default::default() };
        let r = s.run("plot(1:3)\nabline(h = 2)\ncat('between\\n')\nhist(c(1, 2, 2, 3))", &opts);
        assert!(r.error().is_none(), "{:?}", r.error());
        let order: Vec<&str> = r.outputs.iter().map(|o| match o {
            Output::Source(_) => "S",
            Output::Plot(_) => "P",
            Output::Stdout(_) => "O",
            _ => "?",
        }).collect();
        assert_eq!(order, ["S", "S", "P", "S", "O", "S", "P"]);
        let p = r.plots().next().unwrap();
        assert_eq!((p.width, p.height), (200, 150));
        assert!(p.png.starts_with(b"\x89PNG"));
        assert!(p.svg.as_deref().unwrap().contains("<svg"));
        // the next chunk starts without a plot
        let r = run(&mut s, "1");
        assert_eq!(r.plots().count(), 0);
    }

    #[test]
    fn frames_as_html() {
        let mut s = ChunkSession::new();
        let opts = ChunkOptions { html_tables: true, ..Default::default() };
        let r = s.run("data.frame(a = 1:2, b = c('x', '<y>'))", &opts);
        let Some(Output::Value(v)) = r.outputs.last() else { panic!("{:?}", r.outputs) };
        let html = v.html.as_deref().unwrap();
        assert!(html.contains("<th>a</th><th>b</th>"), "{}", html);
        assert!(html.contains("<tr><th>2</th><td>2</td><td>&lt;y&gt;</td></tr>"), "{}", html);
    }

    #[test]
    fn quiet_evaluation_for_options() {
        let mut s = ChunkSession::new();
        let v = s.eval_quiet("n <- 3; n * 2").unwrap();
        assert_eq!(v.as_f64(), Some(6.0));
        assert!(s.eval_quiet("stop('no')").is_err());
    }
}
