//! Jupyter notebooks (nbformat 4): the code cells run in order in one session, as the rsc
//! kernel runs them, and their outputs are written back into the notebook: `stream`
//! (stdout; messages and warnings on stderr), `execute_result` (the visible value as
//! text/plain, data frames also as text/html), `display_data` (each plot as image/png) and
//! `error`. A cell's error stops the run (as `nbconvert --execute` does) unless the cell is
//! tagged `raises-exception`. With `--to html` the executed notebook becomes an HTML page.

use super::highlight::highlight_r;
use super::knit::Piece;
use super::{Format, RenderArgs};
use crate::api::chunk::{escape_html, ChunkOptions, ChunkSession, Output};
use serde_json::{json, Map, Value as Json};
use std::path::{Path, PathBuf};

/// A cell's source as one string (nbformat allows a string or a list of lines).
fn text_of(v: Option<&Json>) -> String {
    match v {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Array(a)) => a.iter().filter_map(|x| x.as_str()).collect(),
        _ => String::new(),
    }
}

/// Text as Jupyter stores it: a list of lines, each but the last ending in a newline.
fn lines_of(s: &str) -> Json {
    Json::Array(s.split_inclusive('\n').map(|l| Json::String(l.to_string())).collect())
}

/// Runs a notebook's code cells; returns the notebook with outputs, and the first error
/// that stopped the run (cell number and message).
pub fn execute(nb: &mut Json, session: &mut ChunkSession) -> Result<Option<(usize, String)>, String> {
    let cells = nb.get_mut("cells").and_then(|c| c.as_array_mut()).ok_or("not a notebook: no 'cells' list")?;
    let opts = ChunkOptions { fig_width: 7.0, fig_height: 5.0, dpi: 96.0, html_tables: true, ..Default::default() };
    let mut count = 0;
    let mut stopped = None;
    for (k, cell) in cells.iter_mut().enumerate() {
        let Some(obj) = cell.as_object_mut() else { continue };
        if obj.get("cell_type").and_then(|t| t.as_str()) != Some("code") {
            continue;
        }
        if stopped.is_some() {
            obj.insert("outputs".into(), json!([]));
            obj.insert("execution_count".into(), Json::Null);
            continue;
        }
        let code = text_of(obj.get("source"));
        count += 1;
        let name = format!("<cell {}>", count);
        let r = session.run(&code, &ChunkOptions { source_name: name, ..opts.clone() });
        let outputs = outputs_json(&r.outputs, count);
        let allowed = obj
            .get("metadata")
            .and_then(|m| m.get("tags"))
            .and_then(|t| t.as_array())
            .is_some_and(|t| t.iter().any(|x| x.as_str() == Some("raises-exception")));
        obj.insert("outputs".into(), Json::Array(outputs));
        obj.insert("execution_count".into(), json!(count));
        if let Some(e) = r.error() {
            if !allowed {
                stopped = Some((k + 1, e.rendered.clone()));
            }
        }
        if r.quit.is_some() && stopped.is_none() {
            stopped = Some((k + 1, "q() was called".to_string()));
        }
    }
    Ok(stopped)
}

/// A cell's outputs in nbformat: text of one stream is joined; plots become display_data.
fn outputs_json(outputs: &[Output], count: usize) -> Vec<Json> {
    let mut out: Vec<Json> = Vec::new();
    let stream = |out: &mut Vec<Json>, name: &str, text: &str| {
        if let Some(last) = out.last_mut() {
            if last["output_type"] == "stream" && last["name"] == name {
                let joined = format!("{}{}", text_of(last.get("text")), text);
                last["text"] = lines_of(&joined);
                return;
            }
        }
        out.push(json!({"output_type": "stream", "name": name, "text": lines_of(text)}));
    };
    for o in outputs {
        match o {
            Output::Source(_) => {}
            Output::Stdout(t) => stream(&mut out, "stdout", t),
            Output::Message(t) | Output::Warning(t) => stream(&mut out, "stderr", t),
            Output::Value(v) => {
                let mut data = Map::new();
                data.insert("text/plain".into(), lines_of(v.text.trim_end_matches('\n')));
                if let Some(h) = &v.html {
                    data.insert("text/html".into(), lines_of(h));
                }
                out.push(json!({"output_type": "execute_result", "execution_count": count, "data": data, "metadata": {}}));
            }
            Output::Plot(p) => {
                out.push(json!({
                    "output_type": "display_data",
                    "data": {"image/png": super::base64(&p.png), "text/plain": ["plot without title"]},
                    "metadata": {"image/png": {"width": p.width, "height": p.height}}
                }));
            }
            Output::Error(e) => {
                out.push(json!({
                    "output_type": "error",
                    "ename": "ERROR",
                    "evalue": e.text,
                    "traceback": e.rendered.lines().collect::<Vec<_>>()
                }));
            }
        }
    }
    out
}

/// Gives a notebook without a kernel the rsc kernelspec and R's language info.
fn set_metadata(nb: &mut Json) {
    let Some(obj) = nb.as_object_mut() else { return };
    let meta = obj.entry("metadata").or_insert_with(|| json!({}));
    if let Some(m) = meta.as_object_mut() {
        m.entry("kernelspec").or_insert_with(|| json!({"display_name": "R (rsc)", "language": "R", "name": "rsc"}));
        m.entry("language_info").or_insert_with(|| json!({
            "name": "R",
            "version": env!("CARGO_PKG_VERSION"),
            "mimetype": "text/x-r-source",
            "file_extension": ".rsc",
            "pygments_lexer": "r",
            "codemirror_mode": "r"
        }));
    }
    obj.entry("nbformat").or_insert(json!(4));
    obj.entry("nbformat_minor").or_insert(json!(5));
}

/// The executed notebook as report pieces (for its HTML page).
fn pieces(nb: &Json) -> Vec<Piece> {
    let mut out = Vec::new();
    for cell in nb.get("cells").and_then(|c| c.as_array()).into_iter().flatten() {
        let src = text_of(cell.get("source"));
        match cell.get("cell_type").and_then(|t| t.as_str()) {
            Some("markdown") => out.push(Piece::Md(format!("{}\n\n", src))),
            Some("code") => {
                out.push(Piece::Html(format!("<pre class=\"r\"><code>{}</code></pre>\n", highlight_r(src.trim_end()))));
                for o in cell.get("outputs").and_then(|o| o.as_array()).into_iter().flatten() {
                    let data = o.get("data");
                    let html = match o.get("output_type").and_then(|t| t.as_str()) {
                        Some("stream") => format!("<pre><code>{}</code></pre>\n", escape_html(text_of(o.get("text")).trim_end())),
                        Some("error") => format!(
                            "<pre class=\"error\"><code>{}</code></pre>\n",
                            escape_html(&text_of(o.get("traceback")).replace('\u{1b}', ""))
                        ),
                        _ => match data {
                            Some(d) if d.get("image/png").is_some() => format!(
                                "<p><img src=\"data:image/png;base64,{}\" /></p>\n",
                                text_of(d.get("image/png")).replace('\n', "")
                            ),
                            Some(d) if d.get("text/html").is_some() => text_of(d.get("text/html")),
                            Some(d) => format!("<pre><code>{}</code></pre>\n", escape_html(&text_of(d.get("text/plain")))),
                            None => String::new(),
                        },
                    };
                    out.push(Piece::Html(html));
                }
            }
            _ => {}
        }
    }
    out
}

/// `rsc render NOTEBOOK.ipynb`: executes it and writes it back (or to `-o`), or with
/// `--to html` writes an HTML page of the executed notebook.
pub fn render(input: &Path, src: &str, args: &RenderArgs) -> Result<Vec<PathBuf>, String> {
    let mut nb: Json = serde_json::from_str(src).map_err(|e| format!("cannot read notebook '{}': {}", input.display(), e))?;
    if nb.get("nbformat").and_then(|v| v.as_u64()).is_some_and(|v| v < 4) {
        return Err("only nbformat 4 notebooks can be rendered".into());
    }
    let mut session = ChunkSession::new();
    session.interp().stack_limit = super::stack_limit();
    let cwd = std::env::current_dir().ok();
    let dir = input.parent().filter(|d| !d.as_os_str().is_empty()).map(|d| d.to_path_buf());
    let out_path = match (&args.output, args.to) {
        (Some(o), _) => o.clone(),
        (None, Some(Format::Html)) => input.with_extension("html"),
        (None, _) => input.to_path_buf(),
    };
    let out_abs = match &cwd {
        Some(c) if out_path.is_relative() => c.join(&out_path),
        _ => out_path.clone(),
    };
    if let Some(d) = &dir {
        std::env::set_current_dir(d).map_err(|e| format!("cannot change to '{}': {}", d.display(), e))?;
    }
    if !args.quiet {
        eprintln!("executing notebook: {}", input.display());
    }
    let stopped = execute(&mut nb, &mut session);
    if let Some(c) = &cwd {
        let _ = std::env::set_current_dir(c);
    }
    let stopped = stopped?;
    set_metadata(&mut nb);
    let text = if args.to == Some(Format::Html) {
        let title = input.file_stem().and_then(|s| s.to_str()).map(|s| s.to_string());
        let meta = super::doc::Meta { title, ..Default::default() };
        super::html::page(&meta, &pieces(&nb))
    } else {
        let mut s = serde_json::to_string_pretty(&nb).map_err(|e| e.to_string())?;
        s.push('\n');
        s
    };
    std::fs::write(&out_abs, text).map_err(|e| format!("cannot write '{}': {}", out_path.display(), e))?;
    if let Some((cell, msg)) = stopped {
        return Err(format!("An error occurred while executing cell {} (outputs written to {}):\n{}", cell, out_path.display(), msg));
    }
    Ok(vec![out_path])
}
