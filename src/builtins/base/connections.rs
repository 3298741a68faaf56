//! Connections: `file`, `gzfile`, `textConnection`, `stdin`/`stdout`/`stderr`, `open`,
//! `close`, `isOpen`, `summary.connection`, `textConnectionValue`, `readline`, `sink`.
//!
//! A connection is R's integer connection number with class `c(<kind>, "connection")`;
//! the interpreter keeps the table of open ones (`Interp::connections`). Readers and
//! writers elsewhere (`readLines`, `writeLines`, `cat`, `scan`, `read.table`) take a
//! connection or a file name through [`read_all`], [`read_lines`] and [`write`].

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::{Env, Value};
use std::collections::BTreeMap;
use std::io::{Read, Write};

pub const BUILTINS: &[Builtin] = &[
    declared("file", file),
    declared("gzfile", gzfile),
    declared("bzfile", bzfile),
    declared("xzfile", xzfile),
    declared("url", url),
    declared("textConnection", text_connection),
    declared("textConnectionValue", text_connection_value),
    declared("stdin", stdin),
    declared("stdout", stdout),
    declared("stderr", stderr),
    declared("open", open),
    declared("close", close),
    declared("isOpen", is_open),
    declared("summary.connection", summary_connection),
    declared("readline", readline),
    declared("sink", sink),
    declared("sink.number", sink_number),
    declared("flush", flush),
    declared("rawConnection", raw_connection),
    declared("rawConnectionValue", raw_connection_value),
    declared("pushBack", push_back),
    declared("pushBackLength", push_back_length),
    declared("seek", seek),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("file", "file(description = \"\", open = \"\", blocking = TRUE, encoding = \"\", raw = FALSE, method = \"default\")",
            "A connection to a file; opened now when open is given (\"r\", \"w\", \"a\", with \"t\"/\"b\"), else opened by each reader or writer in turn."),
        doc("gzfile", "gzfile(description, open = \"\", encoding = \"\", compression = 6)",
            "A connection to a gzip-compressed file (plain files are read as they are)."),
        doc("bzfile", "bzfile(description, open = \"\", encoding = \"\", compression = 9)",
            "A connection to a bzip2-compressed file (reading only)."),
        doc("xzfile", "xzfile(description, open = \"\", encoding = \"\", compression = 6)",
            "A connection to an xz-compressed file (reading only)."),
        doc("url", "url(description, open = \"\", blocking = TRUE, encoding = \"\", method)",
            "A connection to a URL: rsc does not open network connections."),
        doc("textConnection", "textConnection(object, open = \"r\", local = FALSE, name = deparse1(substitute(object)), encoding = c(\"\", \"bytes\", \"UTF-8\"))",
            "Reads the lines of a character vector (open = \"r\"), or collects written lines into the variable named by object (\"w\", \"a\")."),
        doc("textConnectionValue", "textConnectionValue(con)",
            "The lines written so far to an output text connection."),
        doc("stdin", "stdin()", "The standard input connection."),
        doc("stdout", "stdout()", "The standard output connection."),
        doc("stderr", "stderr()", "The standard error connection."),
        doc("open", "open(con, open = \"r\", ...)", "Opens a connection."),
        doc("close", "close(con, type = \"rw\", ...)", "Closes a connection and frees it."),
        doc("isOpen", "isOpen(con, rw = \"\")", "Whether a connection is open (for reading or writing, with rw)."),
        doc("summary.connection", "summary.connection(object, ...)",
            "A list describing a connection: description, class, mode, text, opened, can read, can write."),
        doc("readline", "readline(prompt = \"\")",
            "Reads a line typed at the console after showing prompt; non-interactively prints the prompt and \
             returns \"\"."),
        doc("sink", "sink(file = NULL, append = FALSE, type = c(\"output\", \"message\"), split = FALSE)",
            "Diverts output to a file or connection until sink() is called."),
        doc("sink.number", "sink.number(type = c(\"output\", \"message\"))", "The number of active output diversions."),
        doc("flush", "flush(con)", "Flushes a connection's output."),
        doc("rawConnection", "rawConnection(object, open = \"r\")",
            "A connection reading the bytes of the raw vector object, or (open = \"w\"/\"a\"/\"r+\") collecting bytes written."),
        doc("rawConnectionValue", "rawConnectionValue(con)", "The bytes a raw connection holds, as a raw vector."),
        doc("pushBack", "pushBack(data, connection, newLine = TRUE, encoding = c(\"\", \"bytes\", \"UTF-8\"))",
            "Pushes lines back onto a text-mode connection, to be read again before the rest."),
        doc("seek", "seek(con, where = NA, origin = \"start\", rw = \"\", ...)",
            "The current byte position of a binary read on a connection; with where, moves it (origin \"start\", \"current\" or \"end\")."),
        doc("pushBackLength", "pushBackLength(connection)", "The number of lines pushed back onto a connection and not yet read."),
    ]
};

/// What a connection reads from or writes to.
enum Kind {
    /// A file, plain or compressed (`class` says which).
    File { path: String, encoding: Option<TextEncoding> },
    /// Lines of a character vector being read.
    TextIn,
    /// Lines written to a variable (`var` in `env`; None: only `textConnectionValue`).
    TextOut { var: Option<String>, env: Env, partial: String },
    /// The bytes of a raw connection (read from `bpos`, written at the end).
    Raw,
}

struct Conn {
    description: String,
    class: &'static str,
    mode: String,
    opened: bool,
    kind: Kind,
    /// Lines not yet read (a reading connection that is open).
    lines: Vec<String>,
    pos: usize,
    /// What a compressed file being written holds so far (written out on close).
    pending: Vec<u8>,
    /// The bytes of a binary read (a file's, loaded on the first read) or of a raw
    /// connection, and the position reached.
    bin: Option<Vec<u8>>,
    bpos: usize,
    /// Lines pushed back (`pushBack`), read before the rest; the last is read first.
    pushed: Vec<String>,
}

/// The open connections of a session, by number (0–2 are the terminal's).
#[derive(Default)]
pub struct Connections {
    table: BTreeMap<i32, Conn>,
    /// Active `sink()` diversions: target and whether it appends.
    sinks: Vec<(Value, bool)>,
}

fn table(it: &mut Interp) -> &mut Connections {
    if !it.connections.as_ref().is_some_and(|b| b.is::<Connections>()) {
        it.connections = Some(Box::new(Connections::default()));
    }
    match it.connections.as_mut().and_then(|b| b.downcast_mut::<Connections>()) {
        Some(c) => c,
        None => unreachable!("the connection table was just made"),
    }
}

fn conn_value(id: i32, class: &str) -> Value {
    let mut v = Value::int(id);
    v.set_attr(Sym::new("class"), Value::strings(&[class, "connection"]));
    v
}

/// The connection number of `v`, when it is a connection.
pub fn conn_id(v: &Value) -> Option<i32> {
    if !v.inherits("connection") {
        return None;
    }
    v.as_f64().map(|x| x as i32)
}

fn get<'a>(it: &'a mut Interp, id: i32) -> EvalResult<&'a mut Conn> {
    match table(it).table.get_mut(&id) {
        Some(c) => Ok(c),
        None => err("invalid connection"),
    }
}

fn new_conn(it: &mut Interp, description: String, class: &'static str, kind: Kind) -> i32 {
    let t = table(it);
    let id = (3..).find(|i| !t.table.contains_key(i)).unwrap_or(3);
    t.table.insert(
        id,
        Conn {
            description,
            class,
            mode: "r".into(),
            opened: false,
            kind,
            lines: Vec::new(),
            pos: 0,
            pending: Vec::new(),
            bin: None,
            bpos: 0,
            pushed: Vec::new(),
        },
    );
    id
}

/// A file name with a leading `~` expanded to the home folder.
pub fn expand(path: &str) -> String {
    match (path.strip_prefix('~'), std::env::var("HOME")) {
        (Some(rest), Ok(home)) if rest.is_empty() || rest.starts_with('/') => format!("{}{}", home, rest),
        _ => path.to_string(),
    }
}

fn opt_str(m: &Matched, name: &str) -> Option<String> {
    m.get(name).and_then(|v| v.as_string())
}

fn file_like(it: &mut Interp, m: &Matched, class: &'static str) -> EvalResult {
    let path = opt_str(m, "description").unwrap_or_default();
    let path = expand(&path);
    let encoding = encoding_arg(m, "encoding")?;
    let id = new_conn(it, path.clone(), class, Kind::File { path, encoding });
    if let Some(mode) = opt_str(m, "open").filter(|s| !s.is_empty()) {
        open_conn(it, id, &mode)?;
    }
    Ok(conn_value(id, class))
}

fn file(it: &mut Interp, m: Matched) -> EvalResult {
    if opt_str(&m, "description").as_deref() == Some("stdin") {
        return Ok(conn_value(0, "terminal"));
    }
    file_like(it, &m, "file")
}

fn gzfile(it: &mut Interp, m: Matched) -> EvalResult {
    file_like(it, &m, "gzfile")
}

fn bzfile(it: &mut Interp, m: Matched) -> EvalResult {
    file_like(it, &m, "bzfile")
}

fn xzfile(it: &mut Interp, m: Matched) -> EvalResult {
    file_like(it, &m, "xzfile")
}

fn url(_it: &mut Interp, m: Matched) -> EvalResult {
    let d = opt_str(&m, "description").unwrap_or_default();
    err(format!("cannot open URL '{}': rsc does not open network connections", d))
}

/// The encoding named by argument `name` (None: none declared, or one that means UTF-8).
pub fn encoding_arg(m: &Matched, name: &str) -> EvalResult<Option<TextEncoding>> {
    match opt_str(m, name) {
        Some(e) => text_encoding::resolve(&e).or_else(err),
        None => Ok(None),
    }
}

/// The text of a file, decompressed when it is gzip, bzip2 or xz, decoded from `enc`
/// (UTF-8 when None; invalid bytes are replaced, with a warning).
pub fn file_text(it: &mut Interp, path: &str, enc: Option<TextEncoding>) -> EvalResult<String> {
    crate::builtins::base::files::check_read(it, path)?;
    let bytes = match std::fs::read(expand(path)) {
        Ok(b) => b,
        Err(e) => {
            it.warning(format!(
                "cannot open file '{}': {}",
                path,
                crate::frame::io_reason(&e)
            ));
            return err("cannot open the connection");
        }
    };
    let out = match crate::frame::rds::compress::decompress(&bytes) {
        Ok(out) => out,
        Err(e) if e.starts_with("cannot allocate") => return err(e),
        Err(_) => return err(format!("cannot read compressed file '{}'", path)),
    };
    let (text, bad) = text_encoding::decode(&out, enc);
    if bad {
        it.warning(format!(
            "invalid input found in '{}': replaced by U+FFFD (declare the file's encoding, e.g. fileEncoding = \"latin1\")",
            path
        ));
    }
    Ok(text)
}

use crate::builtins::base::text_encoding::{self, split_lines, TextEncoding};

fn open_conn(it: &mut Interp, id: i32, mode: &str) -> EvalResult<()> {
    let (path, class, enc) = {
        let c = get(it, id)?;
        if c.opened {
            return Ok(());
        }
        c.mode = mode.to_string();
        match &c.kind {
            Kind::File { path, encoding } => (path.clone(), c.class, *encoding),
            _ => {
                c.opened = true;
                return Ok(());
            }
        }
    };
    if mode.starts_with('r') {
        let text = file_text(it, &path, enc)?;
        let c = get(it, id)?;
        c.lines = split_lines(&text);
        c.pos = 0;
    } else if mode.starts_with('w') && class == "file" {
        crate::builtins::io_write(it, &path, "", false)?;
    } else if mode.starts_with('w') || mode.starts_with('a') {
        if class != "file" && class != "gzfile" {
            return err(format!("cannot open '{}' for writing", path));
        }
        if mode.starts_with('a') && class == "file" {
            crate::builtins::io_write(it, &path, "", true)?;
        }
    }
    get(it, id)?.opened = true;
    Ok(())
}

fn close_conn(it: &mut Interp, id: i32) -> EvalResult<()> {
    if id <= 2 {
        return err("cannot close standard connections");
    }
    let Some(mut c) = table(it).table.remove(&id) else {
        return err("invalid connection");
    };
    if let Kind::TextOut { var, env, partial } = &mut c.kind {
        if !partial.is_empty() {
            let line = std::mem::take(partial);
            c.lines.push(line);
            if let Some(v) = var {
                env.set(Sym::new(v), Value::strings(&c.lines));
            }
        }
    }
    if let (Kind::File { path, .. }, "gzfile") = (&c.kind, c.class) {
        if c.opened && (c.mode.starts_with('w') || c.mode.starts_with('a')) {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
            let bytes = enc
                .write_all(&c.pending)
                .and_then(|_| enc.finish())
                .map_err(|e| crate::error::RError::runtime(e.to_string()))?;
            crate::builtins::base::files::write_atomic_bytes(it, path, &bytes)?;
        }
    }
    Ok(())
}

/// The whole text behind `source`: a file name (`""` is standard input) or a connection
/// (an open one gives what is left and is then used up).
pub fn read_all(it: &mut Interp, source: &Value) -> EvalResult<String> {
    let lines = read_lines(it, source, None)?;
    let mut s = lines.join("\n");
    if !lines.is_empty() {
        s.push('\n');
    }
    Ok(s)
}

fn stdin_text() -> String {
    let mut s = String::new();
    let _ = std::io::stdin().read_to_string(&mut s);
    s
}

/// Lines of standard input: at the console, lines typed until end of input (Ctrl-D) or
/// `n` of them; otherwise the rest of the piped input.
fn stdin_lines(it: &mut Interp, n: Option<usize>) -> Vec<String> {
    if let Some(read) = it.console.as_mut() {
        let mut out = Vec::new();
        while n.is_none_or(|n| out.len() < n) {
            match read("") {
                Some(l) => out.extend(l.split('\n').map(str::to_string)),
                None => break,
            }
        }
        return out;
    }
    split_lines(&stdin_text())
}

/// Up to `n` lines (all with None) from a file name or a connection, as `readLines` reads:
/// an open connection continues where it stopped; an unopened one is read from its start.
pub fn read_lines(it: &mut Interp, source: &Value, n: Option<usize>) -> EvalResult<Vec<String>> {
    read_lines_in(it, source, n, None)
}

/// [`read_lines`] decoding files from `enc` where the connection declares no encoding.
pub fn read_lines_in(
    it: &mut Interp,
    source: &Value,
    n: Option<usize>,
    enc: Option<TextEncoding>,
) -> EvalResult<Vec<String>> {
    let take = |mut v: Vec<String>| {
        if let Some(n) = n {
            v.truncate(n);
        }
        v
    };
    let Some(id) = conn_id(source) else {
        let path = source.as_string().unwrap_or_default();
        if path.is_empty() || path == "stdin" {
            return Ok(take(stdin_lines(it, n)));
        }
        let path = expand(&path);
        return Ok(take(split_lines(&file_text(it, &path, enc)?)));
    };
    match id {
        0 => return Ok(take(stdin_lines(it, n))),
        1 | 2 => return err("cannot read from this connection"),
        _ => {}
    }
    let c = get(it, id)?;
    if let Kind::TextOut { .. } = c.kind {
        return err("cannot read from this connection");
    }
    if let Kind::Raw = c.kind {
        let b = c.bin.as_deref().unwrap_or(&[]);
        let rest = &b[c.bpos.min(b.len())..];
        let mut lines: Vec<String> = rest
            .split(|&x| x == b'\n')
            .map(|l| {
                let l = &l[..l.iter().position(|&x| x == 0).unwrap_or(l.len())];
                String::from_utf8_lossy(l).into_owned()
            })
            .collect();
        if rest.last() == Some(&b'\n') || rest.is_empty() {
            lines.pop();
        }
        let lines = take(lines);
        c.bpos = b.len();
        return Ok(lines);
    }
    if !c.opened {
        if let Kind::File { path, encoding } = &c.kind {
            let (path, enc) = (path.clone(), encoding.or(enc));
            if path == "stdin" {
                return Ok(take(stdin_lines(it, n)));
            }
            return Ok(take(split_lines(&file_text(it, &path, enc)?)));
        }
        return Ok(take(c.lines[c.pos..].to_vec()));
    }
    if !c.mode.starts_with('r') {
        return err("cannot read from this connection");
    }
    let mut out = Vec::new();
    while n.is_none_or(|n| out.len() < n) {
        match c.pushed.pop() {
            Some(l) => out.push(l),
            None => break,
        }
    }
    let want = n.map(|n| n - out.len());
    let end = want.map_or(c.lines.len(), |k| (c.pos + k).min(c.lines.len()));
    out.extend_from_slice(&c.lines[c.pos..end]);
    c.pos = end;
    Ok(out)
}

/// Writes `text` to a connection (or, for a file name, to that file); `append` applies to
/// file names and unopened connections. False when `target` is neither.
pub fn write(it: &mut Interp, target: &Value, text: &str, append: bool) -> EvalResult<()> {
    let Some(id) = conn_id(target) else {
        let path = target.as_string().unwrap_or_default();
        if path.is_empty() {
            it.write_out(text);
            return Ok(());
        }
        let path = expand(&path);
        return crate::builtins::io_write(it, &path, text, append);
    };
    match id {
        0 => return err("cannot write to this connection"),
        1 => {
            it.write_out(text);
            return Ok(());
        }
        2 => {
            it.write_err(text);
            return Ok(());
        }
        _ => {}
    }
    let c = get(it, id)?;
    match &mut c.kind {
        Kind::TextOut { var, env, partial } => {
            partial.push_str(text);
            let mut done = false;
            while let Some(k) = partial.find('\n') {
                let line = partial[..k].to_string();
                partial.drain(..=k);
                c.lines.push(line);
                done = true;
            }
            if let (true, Some(v)) = (done, var) {
                env.set(Sym::new(v), Value::strings(&c.lines));
            }
            Ok(())
        }
        Kind::TextIn | Kind::Raw => err("cannot write to this connection"),
        Kind::File { path, encoding } => {
            let (path, enc) = (path.clone(), *encoding);
            let (opened, mode, class) = (c.opened, c.mode.clone(), c.class);
            if opened && mode.starts_with('r') {
                return err("cannot write to this connection");
            }
            if class == "gzfile" && opened {
                get(it, id)?.pending.extend_from_slice(text.as_bytes());
                return Ok(());
            }
            if class != "file" {
                return err("cannot write to this connection");
            }
            if enc.is_some() {
                let bytes = text_encoding::encode(text, enc).or_else(err)?;
                return crate::builtins::io_write_bytes(it, &path, &bytes, opened || append);
            }
            crate::builtins::io_write(it, &path, text, opened || append)
        }
    }
}

fn text_connection(it: &mut Interp, m: Matched) -> EvalResult {
    let mode = opt_str(&m, "open").unwrap_or_else(|| "r".into());
    let name = opt_str(&m, "name").unwrap_or_else(|| "object".into());
    if mode.starts_with('r') {
        let lines = match m.get("object") {
            Some(v) if v.vtype() == Some(crate::value::VType::Str) => v
                .str_vec()
                .iter()
                .map(|s| s.as_deref().unwrap_or("NA").to_string())
                .collect(),
            _ => return err("invalid 'text' argument"),
        };
        let id = new_conn(it, name, "textConnection", Kind::TextIn);
        let c = get(it, id)?;
        c.lines = lines;
        c.opened = true;
        return Ok(conn_value(id, "textConnection"));
    }
    if !(mode.starts_with('w') || mode.starts_with('a')) {
        return err("unsupported mode");
    }
    let var = match m.get("object") {
        Some(Value::Null) => None,
        Some(v) => match v.as_string() {
            Some(s) => Some(s),
            None => return err("invalid 'object' argument"),
        },
        None => return err("argument \"object\" is missing, with no default"),
    };
    let local = m.get("local").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    let env = if local {
        it.frames.last().map(|f| f.env.clone()).unwrap_or_else(|| it.global.clone())
    } else {
        it.global.clone()
    };
    let mut start = Vec::new();
    if let Some(v) = &var {
        if mode.starts_with('a') {
            if let Some(old) = env.lookup(Sym::new(v)).and_then(|x| x.as_strings()) {
                start = old;
            }
        }
        env.set(Sym::new(v), Value::strings(&start));
    }
    let desc = var.clone().unwrap_or_else(|| "NULL".into());
    let id = new_conn(it, desc, "textConnection", Kind::TextOut { var, env, partial: String::new() });
    let c = get(it, id)?;
    c.lines = start;
    c.opened = true;
    c.mode = mode;
    Ok(conn_value(id, "textConnection"))
}

fn text_connection_value(it: &mut Interp, m: Matched) -> EvalResult {
    let id = conn_id(m.req("con")?).ok_or_else(|| crate::error::RError::runtime("'con' is not a textConnection"))?;
    let c = get(it, id)?;
    match c.kind {
        Kind::TextOut { .. } => Ok(Value::strings(&c.lines)),
        _ => err("'con' is not an output textConnection"),
    }
}

fn stdin(_it: &mut Interp, _m: Matched) -> EvalResult {
    Ok(conn_value(0, "terminal"))
}

fn stdout(_it: &mut Interp, _m: Matched) -> EvalResult {
    Ok(conn_value(1, "terminal"))
}

fn stderr(_it: &mut Interp, _m: Matched) -> EvalResult {
    Ok(conn_value(2, "terminal"))
}

fn req_conn(m: &Matched, name: &str) -> EvalResult<i32> {
    conn_id(m.req(name)?).ok_or_else(|| crate::error::RError::runtime("invalid connection").into())
}

fn open(it: &mut Interp, m: Matched) -> EvalResult {
    let id = req_conn(&m, "con")?;
    let mode = opt_str(&m, "open").unwrap_or_else(|| "r".into());
    if id > 2 {
        open_conn(it, id, &mode)?;
    }
    it.visible = false;
    Ok(Value::Null)
}

fn close(it: &mut Interp, m: Matched) -> EvalResult {
    // other classes' close methods (close.txtProgressBar, ...) are dispatched to
    if let Some(con) = m.get("con") {
        if !con.inherits("connection") && con.class_attr().is_some() {
            let env = it.global.clone();
            if let Some(r) = it.try_dispatch("close", con, vec![(None, con.clone())], &env) {
                return r;
            }
        }
    }
    let id = req_conn(&m, "con")?;
    close_conn(it, id)?;
    it.visible = false;
    Ok(Value::Null)
}

fn is_open(it: &mut Interp, m: Matched) -> EvalResult {
    let id = req_conn(&m, "con")?;
    let rw = opt_str(&m, "rw").unwrap_or_default();
    if id <= 2 {
        return Ok(Value::lgl(true));
    }
    let c = get(it, id)?;
    let can = match rw.as_str() {
        "r" | "read" => c.mode.starts_with('r'),
        "w" | "write" => !c.mode.starts_with('r'),
        _ => true,
    };
    Ok(Value::lgl(c.opened && can))
}

fn summary_connection(it: &mut Interp, m: Matched) -> EvalResult {
    let id = req_conn(&m, "object")?;
    let yes = |b: bool| Value::str(if b { "yes" } else { "no" });
    let (desc, class, mode, opened, read, write) = match id {
        0 => ("stdin".to_string(), "terminal", "r".to_string(), true, true, false),
        1 | 2 => {
            let d = if id == 1 { "stdout" } else { "stderr" };
            (d.to_string(), "terminal", "w".to_string(), true, false, true)
        }
        _ => {
            let c = get(it, id)?;
            let (r, w) = match c.kind {
                Kind::File { .. } if !c.opened => (true, true),
                Kind::TextIn => (true, false),
                Kind::TextOut { .. } => (false, true),
                _ => (c.mode.starts_with('r'), !c.mode.starts_with('r')),
            };
            (c.description.clone(), c.class, c.mode.clone(), c.opened, r, w)
        }
    };
    Ok(Value::named_list(vec![
        ("description".into(), Value::str(&desc)),
        ("class".into(), Value::str(class)),
        ("mode".into(), Value::str(&mode)),
        ("text".into(), Value::str("text")),
        ("opened".into(), Value::str(if opened { "opened" } else { "closed" })),
        ("can read".into(), yes(read)),
        ("can write".into(), yes(write)),
    ]))
}

fn readline(it: &mut Interp, m: Matched) -> EvalResult {
    let prompt = opt_str(&m, "prompt").unwrap_or_default();
    it.flush();
    if let Some(read) = it.console.as_mut() {
        let line = read(&prompt).unwrap_or_default();
        return Ok(Value::str(line.lines().next().unwrap_or("")));
    }
    // as R does when not interactive: echo the prompt, answer ""
    it.write_out(&prompt);
    it.write_out("\n");
    Ok(Value::str(""))
}

fn sink(it: &mut Interp, m: Matched) -> EvalResult {
    it.visible = false;
    let kind = opt_str(&m, "type").unwrap_or_else(|| "output".into());
    if kind == "message" {
        // messages always go to stderr here; diverting them is accepted and ignored
        return Ok(Value::Null);
    }
    match m.get("file") {
        None | Some(Value::Null) => {
            let Some((target, append)) = table(it).sinks.pop() else {
                it.warning("no sink to remove");
                return Ok(Value::Null);
            };
            let text = it.end_capture();
            write(it, &target, &text, append)?;
        }
        Some(target) => {
            let append = m.get("append").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
            let target = target.clone();
            if conn_id(&target).is_none() {
                match target.as_string() {
                    // a file: refused now where writing files is not allowed
                    Some(p) => it.require(crate::eval::Cap::FilesWrite, &p)?,
                    None => return err("invalid connection"),
                }
            }
            table(it).sinks.push((target, append));
            it.begin_capture();
        }
    }
    Ok(Value::Null)
}

fn sink_number(it: &mut Interp, _m: Matched) -> EvalResult {
    Ok(Value::int(table(it).sinks.len() as i32))
}

fn flush(it: &mut Interp, _m: Matched) -> EvalResult {
    it.flush();
    it.visible = false;
    Ok(Value::Null)
}

/// The bytes of the file at `path` (a gzip file decompressed), for the binary readers.
fn file_bytes(it: &mut Interp, path: &str) -> EvalResult<Vec<u8>> {
    it.require(crate::eval::Cap::FilesRead, path)?;
    let raw = match std::fs::read(path) {
        Ok(b) => b,
        Err(_) => {
            it.warning(format!("cannot open file '{}': No such file or directory", path));
            return err("cannot open the connection");
        }
    };
    if crate::frame::rds::compress::detect(&raw) == crate::frame::rds::compress::Kind::Gzip {
        match crate::frame::rds::compress::decompress(&raw) {
            Ok(out) => return Ok(out.into_owned()),
            Err(e) if e.starts_with("cannot allocate") => return err(e),
            Err(_) => {}
        }
    }
    Ok(raw)
}

/// Up to `n` bytes (all with None) from a file name, a raw vector or a connection, as the
/// binary readers (`readBin`, `readChar`) take them: an open connection continues where it
/// stopped.
pub fn read_bytes(it: &mut Interp, source: &Value, n: Option<usize>) -> EvalResult<Vec<u8>> {
    let take = |b: &[u8]| b[..n.map_or(b.len(), |n| n.min(b.len()))].to_vec();
    if let Some(b) = crate::value::raw::raw_bytes(source) {
        return Ok(take(b));
    }
    let Some(id) = conn_id(source) else {
        let Some(path) = source.as_string() else {
            return err("invalid connection");
        };
        return Ok(take(&file_bytes(it, &expand(&path))?));
    };
    if id <= 2 {
        return err("can only read from a binary connection");
    }
    let c = get(it, id)?;
    if c.bin.is_none() {
        match &c.kind {
            Kind::File { path, .. } => {
                let (path, opened) = (path.clone(), c.opened);
                let b = file_bytes(it, &path)?;
                if !opened {
                    return Ok(take(&b));
                }
                get(it, id)?.bin = Some(b);
            }
            Kind::TextIn => {
                let mut t = c.lines[c.pos..].join("\n");
                t.push('\n');
                c.bin = Some(t.into_bytes());
                c.pos = c.lines.len();
            }
            _ => return err("cannot read from this connection"),
        }
    }
    let c = get(it, id)?;
    let b = c.bin.as_deref().unwrap_or(&[]);
    let start = c.bpos.min(b.len());
    let end = n.map_or(b.len(), |n| (start + n).min(b.len()));
    let out = b[start..end].to_vec();
    c.bpos = end;
    Ok(out)
}

/// Writes bytes to a file name or a connection, as the binary writers (`writeBin`,
/// `writeChar`) do.
pub fn write_bytes(it: &mut Interp, target: &Value, bytes: &[u8]) -> EvalResult<()> {
    let Some(id) = conn_id(target) else {
        let Some(path) = target.as_string() else {
            return err("invalid connection");
        };
        return crate::builtins::io_write_bytes(it, &expand(&path), bytes, false);
    };
    match id {
        0 => return err("cannot write to this connection"),
        1 | 2 => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            if id == 1 {
                it.write_out(&text)
            } else {
                it.write_err(&text)
            }
            return Ok(());
        }
        _ => {}
    }
    let c = get(it, id)?;
    match &c.kind {
        Kind::Raw => {
            if c.mode.starts_with('r') && !c.mode.contains('+') {
                return err("cannot write to this connection");
            }
            // one position for reading and writing: bytes there are overwritten
            let at = c.bpos;
            let buf = c.bin.get_or_insert_with(Vec::new);
            let end = at + bytes.len();
            if buf.len() < end {
                buf.resize(end, 0);
            }
            buf[at..end].copy_from_slice(bytes);
            c.bpos = end;
            Ok(())
        }
        Kind::File { path, .. } => {
            let path = path.clone();
            let (opened, class) = (c.opened, c.class);
            if class == "gzfile" && opened {
                c.pending.extend_from_slice(bytes);
                return Ok(());
            }
            crate::builtins::io_write_bytes(it, &path, bytes, opened)
        }
        _ => write(it, target, &String::from_utf8_lossy(bytes), false),
    }
}

fn raw_connection(it: &mut Interp, m: Matched) -> EvalResult {
    let obj = m.req("object")?;
    let Some(bytes) = crate::value::raw::raw_bytes(obj).map(<[u8]>::to_vec) else {
        return err("invalid 'raw' argument");
    };
    let mode = opt_str(&m, "open").unwrap_or_else(|| "r".into());
    let id = new_conn(it, "object".into(), "rawConnection", Kind::Raw);
    let c = get(it, id)?;
    c.bin = Some(if mode.starts_with('w') { Vec::new() } else { bytes });
    if mode.starts_with('a') {
        c.bpos = c.bin.as_ref().map_or(0, |b| b.len());
    }
    c.opened = true;
    c.mode = if mode.is_empty() { "r".into() } else { mode };
    Ok(conn_value(id, "rawConnection"))
}

fn raw_connection_value(it: &mut Interp, m: Matched) -> EvalResult {
    let id = req_conn(&m, "con")?;
    let c = get(it, id)?;
    match c.kind {
        Kind::Raw => Ok(crate::value::raw::raw_value(c.bin.clone().unwrap_or_default())),
        _ => err("'con' is not a rawConnection"),
    }
}

fn push_back(it: &mut Interp, m: Matched) -> EvalResult {
    let data = m.req("data")?.as_strings().unwrap_or_default();
    let id = req_conn(&m, "connection")?;
    let c = get(it, id)?;
    if !c.mode.starts_with('r') {
        return err("can only push back on open readable connections");
    }
    // the first element is read first
    c.pushed.extend(data.into_iter().rev());
    it.visible = false;
    Ok(Value::Null)
}

fn push_back_length(it: &mut Interp, m: Matched) -> EvalResult {
    let id = req_conn(&m, "connection")?;
    Ok(Value::int(get(it, id)?.pushed.len() as i32))
}

/// Moves an open connection's binary read position back by `k` bytes (a reader that
/// took more than it used).
pub fn unread(it: &mut Interp, con: &Value, k: usize) -> EvalResult<()> {
    if let Some(id) = conn_id(con).filter(|&id| id > 2) {
        let c = get(it, id)?;
        c.bpos = c.bpos.saturating_sub(k);
    }
    Ok(())
}

fn seek(it: &mut Interp, m: Matched) -> EvalResult {
    let id = req_conn(&m, "con")?;
    if id <= 2 {
        return err("'seek' not enabled for this connection");
    }
    let origin = opt_str(&m, "origin").unwrap_or_else(|| "start".into());
    let to = m.get("where").and_then(|v| v.as_f64()).filter(|w| !w.is_nan());
    let c = get(it, id)?;
    if c.bin.is_none() {
        if let Kind::File { path, .. } = &c.kind {
            let path = path.clone();
            let b = file_bytes(it, &path)?;
            get(it, id)?.bin = Some(b);
        }
    }
    let c = get(it, id)?;
    let len = c.bin.as_ref().map_or(0, |b| b.len()) as f64;
    let here = c.bpos as f64;
    if let Some(w) = to {
        let base = match origin.as_str() {
            "current" => here,
            "end" => len,
            _ => 0.0,
        };
        c.bpos = (base + w).clamp(0.0, len) as usize;
    }
    Ok(Value::num(here))
}
