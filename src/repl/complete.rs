//! Tab completion as R's console offers it: names, `x$`/`x@`/`x[["` members of values
//! known without side effects (variables and data sets), argument names of the call
//! being typed (`lm(da` -> `data = `), `pkg::` names, and file paths inside strings.

use rsc::syntax::ast::{Const, Expr, ExprKind};
use rsc::syntax::sym::Sym;
use rsc::{Interp, Value};
use rustyline::completion::Pair;
use std::collections::HashMap;

/// Names the completer offers, refreshed after every evaluation; used when the
/// interpreter is busy (completing at a `readline()` or browser prompt).
#[derive(Default)]
pub struct Names {
    pub words: Vec<String>,
    /// Element names of list-like globals, for `d$` completion.
    pub members: HashMap<String, Vec<String>>,
    /// Formal argument names of global functions.
    pub formals: HashMap<String, Vec<String>>,
}

pub const KEYWORDS: &[&str] = &[
    "if", "else", "for", "while", "repeat", "function", "return", "break", "next", "TRUE", "FALSE",
    "NULL", "NA", "Inf", "NaN", "in",
];

/// A character of an R name (as completion sees one).
pub fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '.' || c == '_'
}

/// The byte offset where the name ending `before` starts.
pub fn word_start(before: &str) -> usize {
    before
        .char_indices()
        .rev()
        .find(|(_, c)| !is_word(*c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0)
}

fn pair(display: String, replacement: String) -> Pair {
    Pair { display, replacement }
}

/// Where the word being completed starts and the candidates for it.
/// `it` is the interpreter when it is idle (values are looked up live), None while it is busy
/// (a prompt inside an evaluation: the names known at the last prompt are used).
pub fn complete(mut it: Option<&mut Interp>, names: &Names, before: &str) -> (usize, Vec<Pair>) {
    // `x[["par` : member names in quotes
    if let Some(q) = open_string(before) {
        let head = &before[..q - 1];
        if let Some(obj) = head.strip_suffix("[[") {
            let partial = &before[q..];
            let members = member_names(it.as_deref_mut(), names, obj, false);
            let quote = &before[q - 1..q];
            let out = members
                .into_iter()
                .filter(|m| m.starts_with(partial))
                .map(|m| pair(m.clone(), format!("{}{}", m, quote)))
                .collect();
            return (q, out);
        }
        return (q, files(&before[q..]));
    }
    let start = word_start(before);
    let word = &before[start..];
    let head = &before[..start];
    // pkg::name
    if let Some(pkg_end) = head.strip_suffix("::").or_else(|| head.strip_suffix(":::")) {
        let p0 = pkg_end.char_indices().rev().find(|(_, c)| !is_word(*c)).map_or(0, |(i, c)| i + c.len_utf8());
        let pkg = &pkg_end[p0..];
        let out = package_names(pkg)
            .into_iter()
            .filter(|n| n.starts_with(word))
            .map(|n| pair(n.clone(), n))
            .collect();
        return (start, out);
    }
    // x$name, x@name
    for (sep, slots) in [("$", false), ("@", true)] {
        if let Some(obj) = head.strip_suffix(sep) {
            let out = member_names(it.as_deref_mut(), names, obj, slots)
                .into_iter()
                .filter(|m| m.starts_with(word))
                .map(|m| {
                    let r = if rsc::syntax::deparse::is_syntactic_name(&m) { m.clone() } else { format!("`{}`", m) };
                    pair(m, r)
                })
                .collect();
            return (start, out);
        }
    }
    let mut out: Vec<Pair> = Vec::new();
    // argument names of the innermost open call
    if let Some(f) = open_call(before) {
        for a in formals(it.as_deref_mut(), names, &f) {
            if a.starts_with(word) && a != "..." {
                out.push(pair(format!("{} =", a), format!("{} = ", a)));
            }
        }
    }
    // an argument name that matches is what is meant (`lm(da` -> `data = `)
    if word.is_empty() || !out.is_empty() {
        return (start, out);
    }
    let mut words: Vec<&String> = names.words.iter().filter(|w| w.starts_with(word)).collect();
    words.dedup();
    out.extend(words.into_iter().map(|w| pair(w.clone(), w.clone())));
    out.extend(
        KEYWORDS
            .iter()
            .filter(|k| k.starts_with(word) && !names.words.iter().any(|w| w == *k))
            .map(|k| pair(k.to_string(), k.to_string())),
    );
    (start, out)
}

/// Byte offset just after the opening quote when the cursor is inside a string.
fn open_string(before: &str) -> Option<usize> {
    let mut quote: Option<(char, usize)> = None;
    let mut esc = false;
    for (i, c) in before.char_indices() {
        match quote {
            Some((q, _)) => {
                if esc {
                    esc = false;
                } else if c == '\\' {
                    esc = true;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => quote = Some((c, i + 1)),
            None if c == '#' => return None,
            None => {}
        }
    }
    quote.map(|(_, i)| i)
}

fn files(partial: &str) -> Vec<Pair> {
    let (dir, file) = match partial.rfind('/') {
        Some(i) => (&partial[..=i], &partial[i + 1..]),
        None => ("", partial),
    };
    let expanded = match dir.strip_prefix("~/") {
        Some(rest) => std::env::var("HOME").map(|h| format!("{}/{}", h, rest)).unwrap_or(dir.into()),
        None => dir.to_string(),
    };
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(if expanded.is_empty() { "." } else { &expanded }) {
        for e in rd.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with(file) && (n.starts_with('.') == file.starts_with('.')) {
                let slash = if e.path().is_dir() { "/" } else { "" };
                out.push(pair(format!("{}{}", n, slash), format!("{}{}{}", dir, n, slash)));
            }
        }
    }
    out.sort_by(|a, b| a.display.cmp(&b.display));
    out
}

/// The text of the simple expression ending at the end of `head` (`d`, `l$a`, `x[[1]]`).
fn trailing_expr(head: &str) -> &str {
    let b = head.as_bytes();
    let mut i = b.len();
    while i > 0 {
        let c = b[i - 1];
        if c.is_ascii_alphanumeric() || c == b'.' || c == b'_' || c == b'$' || c == b'@' || c >= 0x80 {
            i -= 1;
        } else if c == b']' {
            let mut depth = 0;
            let mut j = i;
            while j > 0 {
                match b[j - 1] {
                    b']' => depth += 1,
                    b'[' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j -= 1;
            }
            if j == 0 {
                break;
            }
            i = j - 1;
        } else if c == b':' && i >= 2 && b[i - 2] == b':' {
            i -= 2;
        } else {
            break;
        }
    }
    &head[i..]
}

/// Names after `obj$` (or slot names after `obj@`), evaluating `obj` only when that has no
/// side effects.
fn member_names(it: Option<&mut Interp>, names: &Names, obj: &str, slots: bool) -> Vec<String> {
    let text = trailing_expr(obj);
    if text.is_empty() {
        return Vec::new();
    }
    let value = match it {
        Some(it) => rsc::syntax::parse(text)
            .ok()
            .filter(|e| e.len() == 1)
            .and_then(|e| value_of(it, &e[0])),
        // busy (a prompt inside an evaluation): what was known at the last prompt
        None => return names.members.get(text).cloned().unwrap_or_default(),
    };
    let Some(v) = value else { return Vec::new() };
    if slots {
        return v
            .attrs()
            .map(|a| a.iter().map(|(k, _)| k.to_string()).filter(|k| k != "class").collect())
            .unwrap_or_default();
    }
    value_names(&v)
}

fn value_names(v: &Value) -> Vec<String> {
    match v {
        Value::Env(e) => e.names().iter().map(|s| s.to_string()).collect(),
        _ if matches!(v.vtype(), Some(rsc::value::VType::List)) => {
            v.names().map(|n| n.iter().flatten().map(|s| s.to_string()).collect()).unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

/// The value of a variable, data set, or element of one (`$`, `@`, `[[` with a constant);
/// None for anything that would need evaluating code.
fn value_of(it: &mut Interp, e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Ident(s) => lookup(it, *s),
        ExprKind::Ns { name, .. } => lookup(it, *name),
        ExprKind::Paren(x) => value_of(it, x),
        ExprKind::Dollar(x, name) => element(&value_of(it, x)?, name.as_str()),
        ExprKind::At(x, name) => value_of(it, x)?.get_attr(name.as_str()).cloned(),
        ExprKind::Index2(x, args) if args.len() == 1 => {
            let v = value_of(it, x)?;
            match &args[0].value.as_ref()?.kind {
                ExprKind::Const(Const::Str(s)) => element(&v, s),
                ExprKind::Const(Const::Num(n)) if *n >= 1.0 => {
                    v.list_vec().get(*n as usize - 1).cloned()
                }
                ExprKind::Const(Const::Int(n)) if *n >= 1 => v.list_vec().get(*n as usize - 1).cloned(),
                _ => None,
            }
        }
        _ => None,
    }
}

fn lookup(it: &mut Interp, s: Sym) -> Option<Value> {
    match it.global.lookup(s) {
        Some(Value::Promise(p)) => p.value.borrow().clone(),
        Some(v) => Some(v),
        None => it.late_binding(s)?.ok(),
    }
}

fn element(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Env(e) => e.get_local(Sym::new(name)),
        _ => rsc::value::fields::field(v, name),
    }
}

/// Formal argument names of the function called `f` (a closure or a builtin).
fn formals(it: Option<&mut Interp>, names: &Names, f: &str) -> Vec<String> {
    if let Some(it) = it {
        let s = Sym::new(f);
        let g = it.global.clone();
        if let Ok(v) = it.get_function(s, &g) {
            match v {
                Value::Closure(c) => return c.params.iter().map(|p| p.name.to_string()).collect(),
                Value::Builtin(_) => {
                    return rsc::builtins::formals::declared_formals(f)
                        .map(|fs| fs.iter().map(|s| s.to_string()).collect())
                        .unwrap_or_default()
                }
                _ => {}
            }
        }
        return Vec::new();
    }
    names.formals.get(f).cloned().unwrap_or_default()
}

/// The names a package provides (`stats::`).
fn package_names(pkg: &str) -> Vec<String> {
    let tables = match pkg {
        "base" => rsc::builtins::base::tables(),
        "stats" => rsc::builtins::stats::tables(),
        "utils" => rsc::builtins::utils::tables(),
        "graphics" => rsc::builtins::graphics::tables(),
        "grDevices" => rsc::builtins::grDevices::tables(),
        "datasets" => {
            let mut v = rsc::frame::datasets::names();
            v.sort();
            return v;
        }
        _ => return Vec::new(),
    };
    let mut v: Vec<String> = tables.iter().flat_map(|t| t.iter().map(|b| b.name.to_string())).collect();
    v.sort();
    v.dedup();
    v
}

/// The function name of the innermost unclosed call before the cursor.
pub fn open_call(before: &str) -> Option<String> {
    let mut depth = 0i32;
    for (i, c) in before.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => {
                let name: String = before[..i]
                    .chars()
                    .rev()
                    .take_while(|c| is_word(*c))
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

/// The snapshot of names kept for completion while the interpreter is busy.
pub fn refresh_names(it: &mut Interp) -> Names {
    let mut n = Names::default();
    for env in [it.global.clone(), it.base.clone()] {
        for (k, v) in env.bindings() {
            n.words.push(k.to_string());
            if let Value::Closure(c) = &v {
                n.formals.insert(k.to_string(), c.params.iter().map(|p| p.name.to_string()).collect());
            }
            let members = value_names(&v);
            if !members.is_empty() {
                n.members.insert(k.to_string(), members);
            }
        }
    }
    n.words.extend(rsc::frame::datasets::names());
    n.words.extend(rsc::builtins::r_defined::names().map(str::to_string));
    n.words.sort();
    n.words.dedup();
    n
}
