//! The interpreter's side of the kernel: one chunk session kept across cells, answering
//! execute, complete, inspect, is_complete and history requests.

use super::wire::Message;
use crate::repl::complete::{is_word, word_start};
use super::{Job, Out};
use rsc::api::chunk::{ChunkOptions, ChunkResult, ChunkSession, Output};
use rsc::ErrorKind;
use serde_json::{json, Map, Value as Json};
use std::sync::atomic::Ordering;
use std::sync::mpsc::Receiver;

/// Cell options: the chunk runner's, and whether plots are sent as PNG.
struct PlotOptions {
    chunk: ChunkOptions,
    png: bool,
}

/// The kernel's session number in history replies (one session per kernel process).
const SESSION: u32 = 1;

/// One executed cell kept for `history_request`.
struct Entry {
    line: u32,
    input: String,
    output: Option<String>,
}

pub struct Worker {
    session: ChunkSession,
    count: u32,
    history: Vec<Entry>,
    names: crate::repl::complete::Names,
}

impl Worker {
    pub fn new() -> Worker {
        let mut session = ChunkSession::new();
        session.interp().stack_limit = crate::STACK_LIMIT;
        let names = crate::repl::complete::refresh_names(session.interp());
        Worker {
            session,
            count: 0,
            history: Vec::new(),
            names,
        }
    }

    /// Answers requests until the socket side goes away.
    pub fn serve(mut self, jobs: Receiver<Job>, out: std::sync::mpsc::Sender<Out>) {
        while let Ok(Job::Request(msg)) = jobs.recv() {
            let send = |o: Out| {
                let _ = out.send(o);
            };
            match msg.msg_type() {
                "execute_request" => self.execute(&msg, &send),
                "complete_request" => send(Out::Reply(self.complete(&msg), None)),
                "inspect_request" => send(Out::Reply(self.inspect(&msg), None)),
                "is_complete_request" => send(Out::Reply(is_complete(msg.text("code")), None)),
                "history_request" => send(Out::Reply(self.history(&msg), None)),
                _ => send(Out::Reply(json!({"status": "ok"}), None)),
            }
        }
    }

    fn execute(&mut self, msg: &Message, send: &dyn Fn(Out)) {
        let code = msg.text("code").to_string();
        let flag = |k: &str, d: bool| msg.content.get(k).and_then(Json::as_bool).unwrap_or(d);
        let silent = flag("silent", false);
        let store = flag("store_history", true) && !silent;
        if store {
            self.count += 1;
        }
        let count = self.count;
        if !silent {
            send(Out::IoPub(
                "execute_input",
                json!({"code": code, "execution_count": count}),
            ));
        }
        let opts = self.cell_options();
        rsc::eval::INTERRUPTED.store(false, Ordering::SeqCst);
        let result = self.session.run(&code, &opts.chunk);
        rsc::eval::INTERRUPTED.store(false, Ordering::SeqCst);
        self.names = crate::repl::complete::refresh_names(self.session.interp());
        if !silent {
            publish(&result, count, &opts, send);
        }
        if store {
            self.history.push(Entry {
                line: count,
                input: code.clone(),
                output: result.value_text(),
            });
        }
        let user_expressions = self.user_expressions(msg);
        let reply = match result.error() {
            Some(e) => {
                let (ename, evalue, traceback) = error_parts(e);
                json!({
                    "status": "error",
                    "execution_count": count,
                    "ename": ename,
                    "evalue": evalue,
                    "traceback": traceback,
                    "user_expressions": user_expressions,
                    "payload": [],
                })
            }
            None => json!({
                "status": "ok",
                "execution_count": count,
                "user_expressions": user_expressions,
                "payload": [],
            }),
        };
        send(Out::Reply(reply, result.quit));
    }

    /// How cells run: plots sized by `options(repr.plot.width, repr.plot.height,
    /// repr.plot.res)` (inches and pixels per inch, as IRkernel names them) and drawn in
    /// the formats `options(jupyter.plot_mimetypes)` lists (default PNG).
    fn cell_options(&mut self) -> PlotOptions {
        let mut o = PlotOptions {
            chunk: ChunkOptions {
                source_name: "<cell>".to_string(),
                html_tables: true,
                ..Default::default()
            },
            png: true,
        };
        let mut num = |name: &str| {
            self.session
                .eval_quiet(&format!("getOption(\"{}\")", name))
                .ok()
                .and_then(|v| v.as_f64())
                .filter(|x| x.is_finite() && *x > 0.0)
        };
        if let Some(w) = num("repr.plot.width") {
            o.chunk.fig_width = w;
        }
        if let Some(h) = num("repr.plot.height") {
            o.chunk.fig_height = h;
        }
        if let Some(r) = num("repr.plot.res") {
            o.chunk.dpi = r;
        }
        if let Ok(v) = self.session.eval_quiet("getOption(\"jupyter.plot_mimetypes\")") {
            let types: Vec<String> = v
                .data()
                .map(|d| d.to_str().iter().flatten().map(|s| s.to_string()).collect())
                .unwrap_or_default();
            if !types.is_empty() {
                o.chunk.svg = types.iter().any(|t| t == "image/svg+xml");
                o.png = types.iter().any(|t| t == "image/png") || !o.chunk.svg;
            }
        }
        o
    }

    /// Evaluates the request's `user_expressions`, each to its printed form or its error.
    fn user_expressions(&mut self, msg: &Message) -> Json {
        let mut out = Map::new();
        let Some(exprs) = msg.content.get("user_expressions").and_then(Json::as_object) else {
            return Json::Object(out);
        };
        for (k, v) in exprs {
            let code = v.as_str().unwrap_or("");
            let r = self.session.run(code, &ChunkOptions::default());
            let value = match r.error() {
                Some(e) => {
                    let (ename, evalue, traceback) = error_parts(e);
                    json!({"status": "error", "ename": ename, "evalue": evalue, "traceback": traceback})
                }
                None => json!({
                    "status": "ok",
                    "data": {"text/plain": r.value_text().unwrap_or_default()},
                    "metadata": {},
                }),
            };
            out.insert(k.clone(), value);
        }
        Json::Object(out)
    }

    fn complete(&mut self, msg: &Message) -> Json {
        let code = msg.text("code");
        let pos = cursor(msg, code);
        let byte = byte_offset(code, pos);
        self.add_members(&code[..byte]);
        let (start, pairs) = crate::repl::complete::complete(Some(self.session.interp()), &self.names, &code[..byte]);
        let matches: Vec<String> = pairs.into_iter().map(|p| p.replacement).collect();
        json!({
            "status": "ok",
            "matches": matches,
            "cursor_start": code[..start.min(byte)].chars().count(),
            "cursor_end": pos,
            "metadata": {},
        })
    }

    /// For `obj$pa|`: the names of `obj` as the session has it now (a data set, or a
    /// value the completer's cached names do not list).
    fn add_members(&mut self, before: &str) {
        let start = word_start(before);
        let Some(head) = before[..start].strip_suffix('$') else {
            return;
        };
        let obj = &head[word_start(head)..];
        let syntactic = obj.chars().next().is_some_and(|c| c.is_alphabetic() || c == '.');
        if !syntactic || self.names.members.contains_key(obj) {
            return;
        }
        if let Ok(v) = self.session.eval_quiet(&format!("names({})", obj)) {
            let names: Vec<String> = v
                .data()
                .map(|d| d.to_str().iter().flatten().map(|s| s.to_string()).collect())
                .unwrap_or_default();
            self.names.members.insert(obj.to_string(), names);
        }
    }

    fn inspect(&mut self, msg: &Message) -> Json {
        let code = msg.text("code");
        let byte = byte_offset(code, cursor(msg, code));
        let name = word_at(code, byte);
        let text = if name.is_empty() { String::new() } else { self.help_text(&name) };
        let found = !text.is_empty() && !text.starts_with("No documentation");
        let data = if found {
            json!({"text/plain": text})
        } else {
            json!({})
        };
        json!({"status": "ok", "found": found, "data": data, "metadata": {}})
    }

    /// What `?name` prints.
    fn help_text(&mut self, name: &str) -> String {
        let quoted = serde_json::to_string(name).unwrap_or_default();
        let r = self
            .session
            .run(&format!("help({})", quoted), &ChunkOptions::default());
        if r.error().is_some() {
            return String::new();
        }
        r.console_text()
    }

    fn history(&self, msg: &Message) -> Json {
        let c = &msg.content;
        let output = c.get("output").and_then(Json::as_bool).unwrap_or(false);
        let num = |k: &str| c.get(k).and_then(Json::as_i64);
        let n = num("n").map(|n| n.max(0) as usize);
        let entries: Vec<&Entry> = match c.get("hist_access_type").and_then(Json::as_str) {
            Some("range") => {
                let session = num("session").unwrap_or(0);
                // 0 or a negative number: this session (counted back from it)
                if session > 0 && session != SESSION as i64 {
                    Vec::new()
                } else {
                    let start = num("start").unwrap_or(0);
                    let stop = num("stop");
                    self.history
                        .iter()
                        .filter(|e| {
                            let l = e.line as i64;
                            l >= start && stop.is_none_or(|s| l < s)
                        })
                        .collect()
                }
            }
            Some("search") => {
                let pattern = c.get("pattern").and_then(Json::as_str).unwrap_or("*");
                let unique = c.get("unique").and_then(Json::as_bool).unwrap_or(false);
                let mut hits: Vec<&Entry> = Vec::new();
                // the latest occurrence of each input, when unique
                for e in self.history.iter().rev() {
                    if glob(pattern, &e.input) && !(unique && hits.iter().any(|h| h.input == e.input)) {
                        hits.push(e);
                    }
                }
                hits.reverse();
                last(hits, n)
            }
            _ => last(self.history.iter().collect(), Some(n.unwrap_or(10))),
        };
        let history: Vec<Json> = entries
            .into_iter()
            .map(|e| {
                if output {
                    json!([SESSION, e.line, [e.input, e.output]])
                } else {
                    json!([SESSION, e.line, e.input])
                }
            })
            .collect();
        json!({"status": "ok", "history": history})
    }
}

fn last<T>(mut v: Vec<T>, n: Option<usize>) -> Vec<T> {
    if let Some(n) = n {
        if v.len() > n {
            v.drain(..v.len() - n);
        }
    }
    v
}

/// Sends a cell's outputs as IOPub messages: text as streams, the last visible value as
/// the execute result (earlier ones as display data), plots as PNG (and SVG) images, the
/// error with its caret diagnostic.
fn publish(r: &ChunkResult, count: u32, opts: &PlotOptions, send: &dyn Fn(Out)) {
    let last_value = r
        .outputs
        .iter()
        .rposition(|o| matches!(o, Output::Value(_)));
    for (i, o) in r.outputs.iter().enumerate() {
        match o {
            Output::Source(_) => {}
            Output::Stdout(t) => stream(send, "stdout", t),
            Output::Message(t) | Output::Warning(t) => stream(send, "stderr", t),
            Output::Value(v) => {
                let mut data = Map::new();
                data.insert("text/plain".into(), json!(v.text.trim_end_matches('\n')));
                if let Some(h) = &v.html {
                    data.insert("text/html".into(), json!(h));
                }
                if Some(i) == last_value {
                    send(Out::IoPub(
                        "execute_result",
                        json!({"execution_count": count, "data": data, "metadata": {}}),
                    ));
                } else {
                    send(Out::IoPub(
                        "display_data",
                        json!({"data": data, "metadata": {}, "transient": {}}),
                    ));
                }
            }
            Output::Plot(p) => {
                let mut data = Map::new();
                if opts.png {
                    data.insert("image/png".into(), json!(base64(&p.png)));
                }
                if let Some(svg) = &p.svg {
                    data.insert("image/svg+xml".into(), json!(svg));
                }
                data.insert("text/plain".into(), json!(format!("<plot {}x{}>", p.width, p.height)));
                send(Out::IoPub(
                    "display_data",
                    json!({
                        "data": data,
                        "metadata": {"image/png": {"width": p.width, "height": p.height}},
                        "transient": {},
                    }),
                ));
            }
            Output::Error(e) => {
                let (ename, evalue, traceback) = error_parts(e);
                send(Out::IoPub(
                    "error",
                    json!({"ename": ename, "evalue": evalue, "traceback": traceback}),
                ));
            }
        }
    }
}

fn stream(send: &dyn Fn(Out), name: &str, text: &str) {
    if !text.is_empty() {
        send(Out::IoPub("stream", json!({"name": name, "text": text})));
    }
}

/// An error's name, value (R's message) and traceback (the caret diagnostic's lines).
fn error_parts(e: &rsc::api::chunk::ChunkError) -> (String, String, Vec<String>) {
    if e.kind == ErrorKind::Limit && e.text == "interrupted" {
        return (
            "KeyboardInterrupt".into(),
            "interrupted".into(),
            vec!["Interrupted: the cell was stopped".into()],
        );
    }
    let traceback = e.rendered.lines().map(String::from).collect();
    ("Error".into(), e.text.clone(), traceback)
}

/// The request's cursor position (unicode code points; default: the end of the code).
fn cursor(msg: &Message, code: &str) -> usize {
    let n = code.chars().count();
    msg.content
        .get("cursor_pos")
        .and_then(Json::as_u64)
        .map(|p| (p as usize).min(n))
        .unwrap_or(n)
}

/// The byte offset of a position counted in code points.
fn byte_offset(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map(|(i, _)| i).unwrap_or(s.len())
}

/// The name around a byte offset (`me|an(x)`, or `mean(|` : the innermost call's name).
fn word_at(code: &str, byte: usize) -> String {
    let before = &code[..byte];
    let start = word_start(before);
    let end = code[byte..]
        .char_indices()
        .find(|(_, c)| !is_word(*c))
        .map(|(i, _)| byte + i)
        .unwrap_or(code.len());
    let w = &code[start..end];
    if !w.is_empty() {
        return w.to_string();
    }
    // on an argument list: the function called
    let open = before.rfind('(');
    match open {
        Some(o) => word_at(code, o),
        None => String::new(),
    }
}

/// The parser's continuation rule: complete, incomplete (more lines needed) or invalid.
fn is_complete(code: &str) -> Json {
    if code.trim().is_empty() {
        return json!({"status": "complete"});
    }
    match rsc::syntax::parse(code) {
        Ok(_) => json!({"status": "complete"}),
        Err(e) if e.kind == ErrorKind::Incomplete => json!({"status": "incomplete", "indent": "  "}),
        Err(_) => json!({"status": "invalid"}),
    }
}

/// A glob (`*`, `?`) matched against the whole text, as IPython's history search does.
fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// Standard base64 with padding (for images in messages).
fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(data.len().div_ceil(3) * 4);
    for c in data.chunks(3) {
        let b = [c[0], *c.get(1).unwrap_or(&0), *c.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for (k, shift) in [18, 12, 6, 0].iter().enumerate() {
            if k <= c.len() {
                s.push(A[(n >> shift & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn globs() {
        assert!(glob("*", "x"));
        assert!(glob("a*c", "abbbc"));
        assert!(glob("1?2*", "1+2+3"));
        assert!(!glob("a*c", "abd"));
    }

    #[test]
    fn words_and_completeness() {
        assert_eq!(word_at("mean(x)", 2), "mean");
        assert_eq!(word_at("mean(", 5), "mean");
        assert_eq!(word_at("sd(", 3), "sd");
        assert_eq!(is_complete("f <- function(x) {")["status"], "incomplete");
        assert_eq!(is_complete("1 + 1")["status"], "complete");
        assert_eq!(is_complete("1 +)")["status"], "invalid");
        assert_eq!(byte_offset("é1", 1), 2);
    }
}
