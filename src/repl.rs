//! The interactive console: R's prompts, history, completion, highlighting, and errors that
//! never end the session.

use rsc::api::session::{eval_statements, Ended};
use rsc::{ErrorKind, Interp, Value};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Names the completer offers, refreshed after every evaluation.
#[derive(Default)]
pub(crate) struct Names {
    words: Vec<String>,
    /// Column or element names of list-like globals, for `d$` completion.
    pub(crate) members: HashMap<String, Vec<String>>,
    /// Formal argument names of functions, for `f(arg` completion.
    formals: HashMap<String, Vec<String>>,
}

struct ReplHelper {
    names: Rc<RefCell<Names>>,
    color: bool,
}

impl Helper for ReplHelper {}
impl Hinter for ReplHelper {
    type Hint = String;
}
impl Validator for ReplHelper {}

const KEYWORDS: &[&str] = &[
    "if", "else", "for", "while", "repeat", "function", "return", "break", "next", "TRUE", "FALSE",
    "NULL", "NA", "Inf", "NaN", "in",
];

impl Completer for ReplHelper {
    type Candidate = Pair;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        Ok(complete(&self.names.borrow(), &line[..pos]))
    }
}

/// Completions of the text before the cursor: file paths inside a string, `d$` members,
/// argument names of the innermost open call, then names and keywords. Returns the byte
/// offset where the completed word starts and the candidates.
pub(crate) fn complete(names: &Names, before: &str) -> (usize, Vec<Pair>) {
    // inside a string: complete file paths
    if before.matches('"').count() % 2 == 1 || before.matches('\'').count() % 2 == 1 {
        let q = before.rfind(['"', '\'']).map(|i| i + 1).unwrap_or(0);
        let partial = &before[q..];
        let (dir, file) = match partial.rfind('/') {
            Some(i) => (&partial[..=i], &partial[i + 1..]),
            None => ("", partial),
        };
        let mut out = Vec::new();
        if let Ok(rd) = std::fs::read_dir(if dir.is_empty() { "." } else { dir }) {
            for e in rd.flatten() {
                let n = e.file_name().to_string_lossy().into_owned();
                if n.starts_with(file) {
                    let slash = if e.path().is_dir() { "/" } else { "" };
                    out.push(Pair {
                        display: format!("{}{}", n, slash),
                        replacement: format!("{}{}{}", dir, n, slash),
                    });
                }
            }
        }
        out.sort_by(|a, b| a.display.cmp(&b.display));
        return (q, out);
    }
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.' || *c == '_'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = &before[start..];
    // d$col
    if start > 0 && before[..start].ends_with('$') {
        let obj_end = start - 1;
        let obj_start = before[..obj_end]
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '.' || *c == '_'))
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        let obj = &before[obj_start..obj_end];
        let cands = names.members.get(obj).cloned().unwrap_or_default();
        let out = cands
            .into_iter()
            .filter(|c| c.starts_with(word))
            .map(|c| Pair {
                display: c.clone(),
                replacement: c,
            })
            .collect();
        return (start, out);
    }
    let mut out: Vec<Pair> = Vec::new();
    // argument names of the innermost open call
    if let Some(f) = open_call(before) {
        // a closure's parameters, else a builtin's declared formals
        let formals: Option<Vec<&str>> = match names.formals.get(&f) {
            Some(v) => Some(v.iter().map(String::as_str).collect()),
            None => rsc::builtins::formals::declared_formals(&f).map(|v| v.to_vec()),
        };
        if let Some(formals) = formals {
            for a in formals {
                if a.starts_with(word) && a != "..." {
                    out.push(Pair {
                        display: format!("{} =", a),
                        replacement: format!("{} = ", a),
                    });
                }
            }
        }
    }
    if word.is_empty() && out.is_empty() {
        return (start, out);
    }
    for w in names.words.iter().chain(
        KEYWORDS
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .iter(),
    ) {
        if w.starts_with(word) {
            out.push(Pair {
                display: w.clone(),
                replacement: w.clone(),
            });
        }
    }
    out.dedup_by(|a, b| a.replacement == b.replacement);
    (start, out)
}

/// The function name of the innermost unclosed call before the cursor.
fn open_call(before: &str) -> Option<String> {
    let mut depth = 0i32;
    for (i, c) in before.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => {
                let name: String = before[..i]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '_')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                return if name.is_empty() { None } else { Some(name) };
            }
            '(' => depth -= 1,
            _ => {}
        }
    }
    None
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        if !self.color {
            return Cow::Borrowed(line);
        }
        Cow::Owned(highlight(line, pos))
    }
    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

/// Colours keywords, strings, numbers and comments, and the bracket matching the cursor.
fn highlight(line: &str, pos: usize) -> String {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let matching = matching_bracket(line, pos);
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let (bi, c) = chars[i];
        if Some(bi) == matching {
            out.push_str(&format!("\x1b[1;34m{}\x1b[0m", c));
            i += 1;
            continue;
        }
        if c == '#' {
            out.push_str(&format!("\x1b[2m{}\x1b[0m", &line[bi..]));
            break;
        }
        if c == '"' || c == '\'' {
            let mut j = i + 1;
            while j < chars.len() && chars[j].1 != c {
                if chars[j].1 == '\\' {
                    j += 1;
                }
                j += 1;
            }
            let end = chars.get(j + 1).map(|x| x.0).unwrap_or(line.len());
            out.push_str(&format!("\x1b[32m{}\x1b[0m", &line[bi..end]));
            i = j + 1;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && (chars[j].1.is_ascii_alphanumeric() || chars[j].1 == '.') {
                j += 1;
            }
            let end = chars.get(j).map(|x| x.0).unwrap_or(line.len());
            out.push_str(&format!("\x1b[36m{}\x1b[0m", &line[bi..end]));
            i = j;
            continue;
        }
        if c.is_alphabetic() || c == '.' {
            let mut j = i;
            while j < chars.len()
                && (chars[j].1.is_alphanumeric() || chars[j].1 == '.' || chars[j].1 == '_')
            {
                j += 1;
            }
            let end = chars.get(j).map(|x| x.0).unwrap_or(line.len());
            let w = &line[bi..end];
            if KEYWORDS.contains(&w) {
                out.push_str(&format!("\x1b[35m{}\x1b[0m", w));
            } else {
                out.push_str(w);
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Byte offset of the bracket matching the one at or just before the cursor.
fn matching_bracket(line: &str, pos: usize) -> Option<usize> {
    let b = line.as_bytes();
    let at = if pos < b.len() && b"()[]{}".contains(&b[pos]) {
        pos
    } else if pos > 0 && b"()[]{}".contains(&b[pos - 1]) {
        pos - 1
    } else {
        return None;
    };
    let (open, close, fwd) = match b[at] {
        b'(' => (b'(', b')', true),
        b'[' => (b'[', b']', true),
        b'{' => (b'{', b'}', true),
        b')' => (b'(', b')', false),
        b']' => (b'[', b']', false),
        _ => (b'{', b'}', false),
    };
    let mut depth = 0i32;
    if fwd {
        for (i, &c) in b.iter().enumerate().skip(at) {
            if c == open {
                depth += 1;
            } else if c == close {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
        }
    } else {
        for i in (0..=at).rev() {
            if b[i] == close {
                depth += 1;
            } else if b[i] == open {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
        }
    }
    None
}

fn refresh_names(it: &mut Interp, names: &Rc<RefCell<Names>>) {
    *names.borrow_mut() = names_of(it);
}

/// The names the completer offers in an interpreter's global and base environments.
pub(crate) fn names_of(it: &mut Interp) -> Names {
    let mut n = Names::default();
    for env in [it.global.clone(), it.base.clone()] {
        for (k, v) in env.bindings() {
            n.words.push(k.to_string());
            if let Value::Closure(c) = &v {
                n.formals.insert(
                    k.to_string(),
                    c.params.iter().map(|p| p.name.to_string()).collect(),
                );
            }
            if matches!(v.vtype(), Some(rsc::value::VType::List)) || matches!(v, Value::Env(_)) {
                if let Some(nm) = v.names() {
                    n.members.insert(
                        k.to_string(),
                        nm.iter().flatten().map(|s| s.to_string()).collect(),
                    );
                }
            }
        }
    }
    for d in rsc::frame::datasets::names() {
        n.words.push(d);
    }
    n.words.sort();
    n.words.dedup();
    n
}

fn history_path() -> Option<std::path::PathBuf> {
    if let Ok(p) = std::env::var("RSC_HISTORY") {
        return Some(p.into());
    }
    std::env::var("HOME")
        .ok()
        .map(|h| std::path::Path::new(&h).join(".rsc_history"))
}

/// Runs the console until `q()` or end of input; returns the exit status.
pub fn run() -> i32 {
    let mut it = rsc::builtins::interp();
    it.stack_limit = crate::STACK_LIMIT;
    let names = Rc::new(RefCell::new(Names::default()));
    refresh_names(&mut it, &names);
    let color = std::env::var_os("NO_COLOR").is_none()
        && std::env::var("TERM").map(|t| t != "dumb").unwrap_or(true);
    let mut rl: Editor<ReplHelper, rustyline::history::FileHistory> = match Editor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("rsc: cannot start the console: {}", e);
            return 2;
        }
    };
    rl.set_helper(Some(ReplHelper {
        names: names.clone(),
        color,
    }));
    // Installed after the editor, so Ctrl-C during an evaluation reaches us.
    if let Err(e) = ctrlc::set_handler(|| {
        rsc::eval::INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst)
    }) {
        eprintln!("rsc: Ctrl-C will not interrupt evaluations: {}", e);
    }
    let hist = history_path();
    if let Some(h) = &hist {
        let _ = rl.load_history(h);
    }
    let mut buffer = String::new();
    loop {
        let prompt = if buffer.is_empty() { "> " } else { "+ " };
        match rl.readline(prompt) {
            Ok(line) => {
                if !buffer.is_empty() {
                    buffer.push('\n');
                }
                buffer.push_str(&line);
                let exprs = match rsc::syntax::parse(&buffer) {
                    Ok(e) => e,
                    Err(e) if e.kind == ErrorKind::Incomplete => continue,
                    Err(e) => {
                        let _ = rl.add_history_entry(buffer.as_str());
                        eprintln!("{}", e.render("<console>", &buffer));
                        buffer.clear();
                        continue;
                    }
                };
                let _ = rl.add_history_entry(buffer.as_str());
                rsc::eval::INTERRUPTED.store(false, std::sync::atomic::Ordering::SeqCst);
                match eval_statements(&mut it, &exprs) {
                    Ended::Quit(status) => {
                        if let Some(h) = &hist {
                            let _ = rl.save_history(h);
                        }
                        return status;
                    }
                    Ended::Error(err)
                        if err.kind == ErrorKind::Limit && err.message == "interrupted" =>
                    {
                        eprintln!();
                    }
                    Ended::Error(err) => eprintln!("{}", err.render("<console>", &buffer)),
                    Ended::Done(_) => {}
                }
                buffer.clear();
                refresh_names(&mut it, &names);
            }
            Err(ReadlineError::Interrupted) => {
                buffer.clear();
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("rsc: {}", e);
                break;
            }
        }
    }
    if let Some(h) = &hist {
        let _ = rl.save_history(h);
    }
    0
}
