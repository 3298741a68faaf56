//! `scan`: reads values from a file, a connection, standard input or `text=`, split on
//! white space or `sep`, into a vector of `what`'s type or a list of records.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::value::{na_real, Data, VType, Value, NA_INT, NA_LGL};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[declared("scan", scan)];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[doc(
        "scan",
        "scan(file = \"\", what = double(), nmax = -1L, n = -1L, sep = \"\", quote, dec = \".\", skip = 0L, nlines = 0L, na.strings = \"NA\", flush = FALSE, fill = FALSE, strip.white = FALSE, quiet = FALSE, blank.lines.skip = TRUE, multi.line = TRUE, comment.char = \"\", allowEscapes = FALSE, encoding = \"unknown\", text, skipNul = FALSE)",
        "Reads data values: a vector of the type of what, or, when what is a list, records whose fields take the types of its elements (a list of columns). quote defaults to both quote marks (none when sep is a newline). Reports how many items or records it read unless quiet = TRUE.",
    )]
};

/// The kind of values a field holds.
#[derive(Clone, Copy, PartialEq)]
enum Ty {
    Lgl,
    Int,
    Dbl,
    Str,
}

fn ty_of(v: &Value) -> EvalResult<Ty> {
    Ok(match v.vtype() {
        Some(VType::Lgl) => Ty::Lgl,
        Some(VType::Int) => Ty::Int,
        Some(VType::Dbl) => Ty::Dbl,
        Some(VType::Str) => Ty::Str,
        _ => return err("invalid 'what' specified"),
    })
}

/// The fields of one line: split on `sep` (or white space), quotes removed.
fn fields(line: &str, sep: Option<char>, quotes: &str, comment: Option<char>, strip: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut in_field = false;
    for ch in line.chars() {
        if let Some(q) = quote {
            if ch == q {
                quote = None;
            } else {
                cur.push(ch);
            }
            continue;
        }
        if Some(ch) == comment {
            break;
        }
        if quotes.contains(ch) && (sep.is_some() || !in_field || cur.is_empty()) {
            quote = Some(ch);
            in_field = true;
            continue;
        }
        match sep {
            None if ch == ' ' || ch == '\t' => {
                if in_field {
                    out.push(std::mem::take(&mut cur));
                    in_field = false;
                }
            }
            Some(s) if ch == s => {
                out.push(std::mem::take(&mut cur));
                in_field = false;
            }
            _ => {
                cur.push(ch);
                in_field = true;
            }
        }
    }
    if in_field || (sep.is_some() && !(out.is_empty() && cur.is_empty())) {
        out.push(cur);
    }
    if strip || sep.is_none() {
        for f in out.iter_mut() {
            if strip {
                *f = f.trim().to_string();
            }
        }
    }
    out
}

/// Converts fields to a vector of type `ty`, with R's error for a value that is not one.
fn convert(items: &[Option<String>], ty: Ty, na: &[String], dec: char) -> EvalResult<Value> {
    let is_na = |s: &str| na.iter().any(|n| n == s);
    Ok(match ty {
        Ty::Str => Value::strs(
            items
                .iter()
                .map(|s| s.as_deref().filter(|s| !is_na(s)).map(Rc::from))
                .collect(),
        ),
        Ty::Dbl => {
            let mut v = Vec::with_capacity(items.len());
            for s in items {
                v.push(match s.as_deref().map(str::trim) {
                    None | Some("") => na_real(),
                    Some(s) if is_na(s) => na_real(),
                    Some(s) => parse_num(s, dec)
                        .ok_or_else(|| crate::error::RError::runtime(format!("scan() expected 'a real', got '{}'", s)))?,
                });
            }
            Value::dbls(v)
        }
        Ty::Int => {
            let mut v = Vec::with_capacity(items.len());
            for s in items {
                v.push(match s.as_deref().map(str::trim) {
                    None | Some("") => NA_INT,
                    Some(s) if is_na(s) => NA_INT,
                    Some(s) => s
                        .parse::<i32>()
                        .ok()
                        .filter(|&i| i != NA_INT)
                        .ok_or_else(|| crate::error::RError::runtime(format!("scan() expected 'an integer', got '{}'", s)))?,
                });
            }
            Value::ints(v)
        }
        Ty::Lgl => {
            let mut v = Vec::with_capacity(items.len());
            for s in items {
                v.push(match s.as_deref().map(str::trim) {
                    None | Some("") => NA_LGL,
                    Some(s) if is_na(s) => NA_LGL,
                    Some("T" | "TRUE" | "true" | "True") => 1,
                    Some("F" | "FALSE" | "false" | "False") => 0,
                    Some(s) => return err(format!("scan() expected 'a logical', got '{}'", s)),
                });
            }
            Value::lgls(v)
        }
    })
}

fn parse_num(s: &str, dec: char) -> Option<f64> {
    let t: String = if dec == '.' { s.to_string() } else { s.replace(dec, ".") };
    match t.as_str() {
        "Inf" | "inf" => Some(f64::INFINITY),
        "-Inf" | "-inf" => Some(f64::NEG_INFINITY),
        "NaN" => Some(f64::NAN),
        _ => {
            if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
                return i64::from_str_radix(h, 16).ok().map(|i| i as f64);
            }
            t.parse::<f64>().ok().filter(|_| !t.ends_with(['d', 'f', 'D', 'F']))
        }
    }
}

fn flag(m: &Matched, name: &str, default: bool) -> bool {
    m.get(name).and_then(|v| v.as_bool().flatten()).unwrap_or(default)
}

fn count(m: &Matched, name: &str) -> Option<usize> {
    m.get(name).and_then(|v| v.as_f64()).filter(|n| *n > 0.0).map(|n| n as usize)
}

fn scan(it: &mut Interp, m: Matched) -> EvalResult {
    let text = match m.get("text") {
        Some(t) => t.str_vec().iter().map(|s| s.as_deref().unwrap_or("NA")).collect::<Vec<_>>().join("\n"),
        None => {
            let file = m.get("file").cloned().unwrap_or_else(|| Value::str(""));
            crate::builtins::base::connections::read_all(it, &file)?
        }
    };
    let sep = m.get("sep").and_then(|v| v.as_string()).and_then(|s| s.chars().next());
    let quotes = match m.get("quote").and_then(|v| v.as_string()) {
        Some(q) => q,
        None if sep == Some('\n') => String::new(),
        None => "'\"".into(),
    };
    let dec = m.get("dec").and_then(|v| v.as_string()).and_then(|s| s.chars().next()).unwrap_or('.');
    let comment = m.get("comment.char").and_then(|v| v.as_string()).and_then(|s| s.chars().next());
    let na: Vec<String> = m.get("na.strings").and_then(|v| v.as_strings()).unwrap_or_else(|| vec!["NA".into()]);
    let skip = m.get("skip").and_then(|v| v.as_f64()).unwrap_or(0.0).max(0.0) as usize;
    let nlines = count(&m, "nlines");
    let strip = flag(&m, "strip.white", false);
    let quiet = flag(&m, "quiet", false);
    let blank_skip = flag(&m, "blank.lines.skip", true);
    let fill = flag(&m, "fill", false);
    let flush = flag(&m, "flush", false);
    let multi = flag(&m, "multi.line", true);
    let what = m.get("what").cloned().unwrap_or_else(|| Value::dbls(vec![]));

    let mut lines: Vec<Vec<String>> = Vec::new();
    for (i, line) in text.lines().skip(skip).enumerate() {
        if nlines.is_some_and(|n| i >= n) {
            break;
        }
        let line = line.strip_suffix('\r').unwrap_or(line);
        let f = fields(line, sep, &quotes, comment, strip);
        if f.is_empty() && blank_skip {
            continue;
        }
        lines.push(f);
    }

    let list_items = match what.data() {
        Some(Data::List(items)) => Some(items.clone()),
        _ => None,
    };
    let Some(items) = list_items else {
        let ty = ty_of(&what)?;
        let limit = count(&m, "n").or_else(|| count(&m, "nmax"));
        let mut all: Vec<Option<String>> = lines.into_iter().flatten().map(Some).collect();
        if let Some(n) = limit {
            all.truncate(n);
        }
        let v = convert(&all, ty, &na, dec)?;
        if !quiet {
            it.write_err(&format!("Read {} item{}\n", all.len(), if all.len() == 1 { "" } else { "s" }));
        }
        return Ok(v);
    };

    let nf = items.len();
    if nf == 0 {
        return err("empty 'what' specified");
    }
    let tys = items.iter().map(ty_of).collect::<EvalResult<Vec<_>>>()?;
    let mut cols: Vec<Vec<Option<String>>> = vec![Vec::new(); nf];
    let max_rec = count(&m, "nmax").or_else(|| count(&m, "n").map(|n| n.div_ceil(nf)));
    let mut k = 0usize;
    for (li, line) in lines.into_iter().enumerate() {
        let mut taken = 0;
        for f in line {
            if flush && k % nf == 0 && taken > 0 {
                break;
            }
            cols[k % nf].push(Some(f));
            k += 1;
            taken += 1;
        }
        if k % nf != 0 && (fill || !multi) {
            if !fill {
                return err(format!("line {} did not have {} elements", li + 1 + skip, nf));
            }
            while k % nf != 0 {
                cols[k % nf].push(None);
                k += 1;
            }
        }
        if max_rec.is_some_and(|r| k / nf >= r) {
            break;
        }
    }
    while k % nf != 0 {
        cols[k % nf].push(None);
        k += 1;
    }
    let nrec = k / nf;
    let mut out = Vec::with_capacity(nf);
    for (c, ty) in cols.iter().zip(&tys) {
        out.push(convert(c, *ty, &na, dec)?);
    }
    let mut v = Value::list(out);
    if let Some(n) = what.get_attr("names") {
        v.set_attr(crate::syntax::sym::Sym::new("names"), n.clone());
    }
    if !quiet {
        it.write_err(&format!("Read {} record{}\n", nrec, if nrec == 1 { "" } else { "s" }));
    }
    Ok(v)
}
