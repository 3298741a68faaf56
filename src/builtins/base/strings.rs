//! String builtins: `paste`, `nchar`, `substr`, `strsplit`, `trimws`, case conversion,
//! quoting, `make.names`, `strtoi`, `chartr`, UTF-8 code points, and friends.

use crate::builtins::base::regex::compile_r_regex;
use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::{RStr, Value, NA_INT, NA_LGL};
use std::rc::Rc;

/// The string builtins.
pub const BUILTINS: &[Builtin] = &[
    declared("paste", paste),
    declared("paste0", paste0),
    declared("nchar", nchar),
    declared("nzchar", nzchar),
    declared("substr", substr),
    declared("substring", substring),
    declared("substr<-", substr_assign),
    declared("substring<-", substring_assign),
    declared("toupper", toupper),
    declared("tolower", tolower),
    declared("casefold", casefold),
    declared("trimws", trimws),
    declared("strsplit", strsplit),
    eager("startsWith", starts_with),
    eager("endsWith", ends_with),
    declared("strtoi", strtoi),
    declared("chartr", chartr),
    declared("shQuote", sh_quote),
    eager("sQuote", s_quote),
    eager("dQuote", d_quote),
    declared("make.names", make_names),
    declared("make.unique", make_unique),
    declared("strrep", strrep),
    declared("strtrim", strtrim),
    declared("utf8ToInt", utf8_to_int),
    declared("intToUtf8", int_to_utf8),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("nzchar", "nzchar(x, keepNA = FALSE)",
            "TRUE for each string of x that is not empty. NA counts as non-empty unless keepNA = TRUE (then NA)."),
        doc("paste", "paste(..., sep = \" \", collapse = NULL, recycle0 = FALSE)",
            "Converts its arguments to strings and joins them elementwise with sep, recycling shorter vectors. \
             With collapse, the results are further joined into a single string."),
        doc("paste0", "paste0(..., collapse = NULL, recycle0 = FALSE)",
            "Like paste with sep = \"\": joins its arguments elementwise with nothing between them."),
        doc("nchar", "nchar(x, type = \"chars\", allowNA = FALSE, keepNA = NA)",
            "The number of characters in each string (or bytes, with type = \"bytes\"). NA gives 2 unless keepNA \
             says otherwise."),
        doc("substr", "substr(x, start, stop)",
            "Extracts the characters from position start to stop of each string."),
        doc("substring", "substring(text, first, last = 1000000L)",
            "Extracts characters from first to last of each string, recycling all three arguments, so \
             substring(\"abc\", 1:3, 1:3) splits into letters."),
        doc("substr<-", "substr(x, start, stop) <- value",
            "Overwrites characters start to stop of each string with those of value, keeping the string's length."),
        doc("substring<-", "substring(text, first, last = 1000000L) <- value",
            "Overwrites characters of each string from position first with those of value, keeping the string's \
             length."),
        doc("toupper", "toupper(x)", "Converts each string to upper case."),
        doc("tolower", "tolower(x)", "Converts each string to lower case."),
        doc("casefold", "casefold(x, upper = FALSE)",
            "Converts each string to lower case, or to upper case with upper = TRUE."),
        doc("trimws", "trimws(x, which = c(\"both\", \"left\", \"right\"), whitespace = \"[ \\t\\r\n]\")",
            "Removes leading and/or trailing white space from each string."),
        doc("strsplit", "strsplit(x, split, fixed = FALSE, perl = FALSE, useBytes = FALSE)",
            "Splits each string at matches of the regular expression split (a literal string with fixed = TRUE) \
             and returns a list of character vectors. An empty split gives single characters."),
        doc("startsWith", "startsWith(x, prefix)", "TRUE for each string of x that begins with prefix."),
        doc("endsWith", "endsWith(x, suffix)", "TRUE for each string of x that ends with suffix."),
        doc("strtoi", "strtoi(x, base = 0L)",
            "Parses each string as an integer in the given base (2 to 36). The default base 0 reads a leading 0x \
             as hexadecimal and a leading 0 as octal. Invalid strings give NA."),
        doc("chartr", "chartr(old, new, x)",
            "Translates characters in x: each character of old is replaced by the character at the same position \
             in new."),
        doc("shQuote", "shQuote(string, type = c(\"sh\", \"csh\", \"cmd\", \"cmd2\"))",
            "Quotes each string for use in a shell command line, with single quotes by default."),
        doc("sQuote", "sQuote(x, q = TRUE)",
            "Wraps each string in single quotation marks, typographic ones unless q = FALSE."),
        doc("dQuote", "dQuote(x, q = TRUE)",
            "Wraps each string in double quotation marks, typographic ones unless q = FALSE."),
        doc("make.names", "make.names(names, unique = FALSE, allow_ = TRUE)",
            "Turns strings into syntactically valid names: invalid characters become dots and an \"X\" is \
             prefixed where needed. unique = TRUE also makes them distinct."),
        doc("make.unique", "make.unique(names, sep = \".\")",
            "Makes the strings distinct by appending sep and a sequence number to repeats: c(\"a\", \"a\") \
             becomes c(\"a\", \"a.1\")."),
        doc("strrep", "strrep(x, times)", "Repeats each string times times and joins the copies."),
        doc("strtrim", "strtrim(x, width)", "Cuts each string down to at most width characters."),
        doc("utf8ToInt", "utf8ToInt(x)",
            "Returns the Unicode code points of the characters of a single string as an integer vector."),
        doc("intToUtf8", "intToUtf8(x, multiple = FALSE, allow_surrogate_pairs = FALSE)",
            "Builds a string from Unicode code points; with multiple = TRUE, one string per code point."),
    ]
};

/// A value as `as.character` gives it: factors become their labels, NULL is empty.
pub fn as_char_vec(v: &Value) -> Rc<crate::value::Strs> {
    if v.is_factor() {
        let levels = v
            .get_attr("levels")
            .map(|l| l.str_vec())
            .unwrap_or_default();
        let codes = v.int_vec();
        return Rc::new(
            codes
                .iter()
                .map(|&c| {
                    if c == NA_INT || c < 1 || c as usize > levels.len() {
                        None
                    } else {
                        levels[c as usize - 1].clone()
                    }
                })
                .collect(),
        );
    }
    v.str_vec()
}

/// A logical option of a builtin (NA or absent gives `default`).
pub fn flag(m: &Matched, i: &str, default: bool) -> bool {
    m.get(i)
        .and_then(|v| v.as_bool())
        .flatten()
        .unwrap_or(default)
}

/// Sets the names attribute.
pub fn set_names(v: &mut Value, names: Vec<RStr>) {
    v.set_attr(Sym::new("names"), Value::strs(names));
}

/// Copies `from`'s names onto `v` when the lengths agree.
pub fn with_names_of(v: &mut Value, from: &Value) {
    if let Some(n) = from.names() {
        if n.len() == v.len() {
            set_names(v, n);
        }
    }
}

/// The result keeps all of `x`'s attributes when `x` is a character vector (as R's
/// character functions do), else only nothing (`as.character` drops them).
fn keep_attrs(v: &mut Value, x: &Value) {
    if let (Value::Vector(out), Value::Vector(src)) = (&mut *v, x) {
        if matches!(src.data, crate::value::Data::Str(_)) && src.len() == out.len() {
            out.attrs = src.attrs.clone();
        }
    }
}

fn rstr(s: &str) -> RStr {
    Some(Rc::from(s))
}

/// A single string option (error when missing or NA).
fn string_opt(m: &Matched, i: &str, default: &str, what: &str) -> EvalResult<String> {
    match m.get(i) {
        None => Ok(default.to_string()),
        Some(v) => match as_char_vec(v).first() {
            Some(Some(s)) => Ok(s.to_string()),
            _ => err(format!("invalid '{}' argument", what)),
        },
    }
}

/// Integer vector of an argument (doubles truncated).
fn ints_of(m: &Matched, name: &str) -> EvalResult<Rc<Vec<i32>>> {
    Ok(m.req(name)?.int_vec())
}

fn paste_impl(m: &Matched, sep: &str) -> EvalResult {
    let collapse = match m.get("collapse") {
        None | Some(Value::Null) => None,
        Some(v) => match as_char_vec(v).first() {
            Some(Some(s)) => Some(s.to_string()),
            _ => return err("invalid 'collapse' argument"),
        },
    };
    let recycle0 = flag(m, "recycle0", false);
    // dates and times paste as their text (R's as.character methods)
    let cols: Vec<Rc<crate::value::Strs>> = m
        .dots
        .iter()
        .map(|(_, v)| match crate::builtins::base::dates::time_text(v) {
            Some(t) => Rc::new(t.into()),
            None => as_char_vec(v),
        })
        .collect();
    let any_zero = cols.iter().any(|c| c.is_empty());
    let n = if recycle0 && any_zero {
        0
    } else {
        cols.iter().map(|c| c.len()).max().unwrap_or(0)
    };
    let mut out: Vec<String> = Vec::with_capacity(n);
    for i in 0..n {
        let mut s = String::new();
        for (k, c) in cols.iter().enumerate() {
            if k > 0 {
                s.push_str(sep);
            }
            if !c.is_empty() {
                s.push_str(c[i % c.len()].as_deref().unwrap_or("NA"));
            }
        }
        out.push(s);
    }
    Ok(match collapse {
        Some(c) => Value::str(&out.join(&c)),
        None => Value::strings(&out),
    })
}

fn paste(_: &mut Interp, m: Matched) -> EvalResult {
    let sep = string_opt(&m, "sep", " ", "separator")?;
    paste_impl(&m, &sep)
}

fn paste0(_: &mut Interp, m: Matched) -> EvalResult {
    paste_impl(&m, "")
}

fn nchar(_: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    if x.is_factor() {
        return err("'nchar()' requires a character vector");
    }
    let ty = string_opt(&m, "type", "chars", "type")?;
    let ty = ["bytes", "chars", "width"]
        .into_iter()
        .find(|t| !ty.is_empty() && t.starts_with(ty.as_str()));
    let Some(ty) = ty else {
        return err("invalid 'type' argument");
    };
    let keep_na = m.get("keepNA").and_then(|v| v.as_bool()).flatten();
    let na_val = match keep_na {
        Some(true) => NA_INT,
        Some(false) => 2,
        None => {
            if ty == "width" {
                2
            } else {
                NA_INT
            }
        }
    };
    let s = as_char_vec(x);
    let out: Vec<i32> = s
        .iter()
        .map(|e| match e.as_deref() {
            None => na_val,
            Some(e) if ty == "bytes" => e.len() as i32,
            Some(e) => e.chars().count() as i32,
        })
        .collect();
    let mut v = Value::ints(out);
    with_names_of(&mut v, x);
    if let (Some(d), true) = (x.get_attr("dim"), x.data().is_some()) {
        v.set_attr(Sym::new("dim"), d.clone());
    }
    Ok(v)
}

/// Characters `start..=stop` (1-based, clamped) of `s`.
fn sub_chars(s: &str, start: i32, stop: i32) -> String {
    let start = start.max(1);
    if stop < start {
        return String::new();
    }
    s.chars()
        .skip((start - 1) as usize)
        .take((stop - start + 1) as usize)
        .collect()
}

fn substr(_: &mut Interp, m: Matched) -> EvalResult {
    let xv = m.req("x")?;
    let x = as_char_vec(xv);
    let st = ints_of(&m, "start")?;
    let sp = ints_of(&m, "stop")?;
    if !x.is_empty() && (st.is_empty() || sp.is_empty()) {
        return err("invalid substring arguments");
    }
    let out: Vec<RStr> = (0..x.len())
        .map(|i| {
            let s = x[i].as_deref()?;
            let (a, b) = (st[i % st.len()], sp[i % sp.len()]);
            if a == NA_INT || b == NA_INT {
                return None;
            }
            Some(Rc::from(sub_chars(s, a, b).as_str()))
        })
        .collect();
    let mut v = Value::strs(out);
    keep_attrs(&mut v, xv);
    Ok(v)
}

fn substring(_: &mut Interp, m: Matched) -> EvalResult {
    let xv = m.req("text")?;
    let x = as_char_vec(xv);
    let st = ints_of(&m, "first")?;
    let sp = m
        .get("last")
        .map(|v| v.int_vec())
        .unwrap_or_else(|| Rc::new(vec![1_000_000]));
    if x.is_empty() || st.is_empty() || sp.is_empty() {
        return Ok(Value::strs(vec![]));
    }
    let n = x.len().max(st.len()).max(sp.len());
    let out: Vec<RStr> = (0..n)
        .map(|i| {
            let s = x[i % x.len()].as_deref()?;
            let (a, b) = (st[i % st.len()], sp[i % sp.len()]);
            if a == NA_INT || b == NA_INT {
                return None;
            }
            Some(Rc::from(sub_chars(s, a, b).as_str()))
        })
        .collect();
    let mut v = Value::strs(out);
    if n == x.len() {
        keep_attrs(&mut v, xv);
    }
    Ok(v)
}

/// Replaces characters `start..=stop` of `s` by the leading characters of `val`, never
/// changing the length of `s`.
fn replace_chars(s: &str, start: i32, stop: i32, val: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    let n = chars.len() as i32;
    let start = start.max(1);
    let stop = stop.min(n);
    if start > stop {
        return s.to_string();
    }
    for (k, c) in val.chars().enumerate() {
        let pos = start - 1 + k as i32;
        if pos >= stop {
            break;
        }
        chars[pos as usize] = c;
    }
    chars.into_iter().collect()
}

fn substr_assign_impl(m: &Matched, names: [&str; 3], default_stop: bool) -> EvalResult {
    let xv = m.req(names[0])?;
    let x = as_char_vec(xv);
    let st = ints_of(m, names[1])?;
    let sp = match m.get(names[2]) {
        Some(v) => v.int_vec(),
        None if default_stop => Rc::new(vec![1_000_000]),
        None => return err("argument \"stop\" is missing, with no default"),
    };
    let val = as_char_vec(m.req("value")?);
    if val.is_empty() && !x.is_empty() {
        return err("invalid value");
    }
    if !x.is_empty() && (st.is_empty() || sp.is_empty()) {
        return err("invalid substring arguments");
    }
    let out: Vec<RStr> = (0..x.len())
        .map(|i| {
            let s = x[i].as_deref()?;
            let v = val[i % val.len()].as_deref()?;
            let (a, b) = (st[i % st.len()], sp[i % sp.len()]);
            if a == NA_INT || b == NA_INT {
                return None;
            }
            Some(Rc::from(replace_chars(s, a, b, v).as_str()))
        })
        .collect();
    let mut v = Value::strs(out);
    keep_attrs(&mut v, xv);
    Ok(v)
}

fn substr_assign(_: &mut Interp, m: Matched) -> EvalResult {
    substr_assign_impl(&m, ["x", "start", "stop"], false)
}

fn substring_assign(_: &mut Interp, m: Matched) -> EvalResult {
    substr_assign_impl(&m, ["text", "first", "last"], true)
}

fn map_str(x: &Value, f: impl Fn(&str) -> String) -> Value {
    let s = as_char_vec(x);
    let mut v = Value::strs(
        s.iter()
            .map(|e| e.as_deref().map(|e| Rc::from(f(e).as_str())))
            .collect(),
    );
    keep_attrs(&mut v, x);
    v
}

fn toupper(_: &mut Interp, m: Matched) -> EvalResult {
    Ok(map_str(m.req("x")?, |s| s.to_uppercase()))
}

fn tolower(_: &mut Interp, m: Matched) -> EvalResult {
    Ok(map_str(m.req("x")?, |s| s.to_lowercase()))
}

fn casefold(_: &mut Interp, m: Matched) -> EvalResult {
    let up = flag(&m, "upper", false);
    Ok(map_str(m.req("x")?, |s| {
        if up {
            s.to_uppercase()
        } else {
            s.to_lowercase()
        }
    }))
}

fn trimws(_: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let which = string_opt(&m, "which", "both", "which")?;
    let which = ["both", "left", "right"]
        .into_iter()
        .find(|w| !which.is_empty() && w.starts_with(which.as_str()));
    let Some(which) = which else {
        return err("'arg' should be one of \u{201c}both\u{201d}, \u{201c}left\u{201d}, \u{201c}right\u{201d}");
    };
    let ws = string_opt(&m, "whitespace", "[ \t\r\n]", "whitespace")?;
    let left = compile_r_regex(&format!("^{}+", ws), false, true, false)?;
    let right = compile_r_regex(&format!("{}+$", ws), false, true, false)?;
    let mut v = map_str(x, |s| {
        let mut t = s.to_string();
        if which != "right" {
            t = left.replace(&t, "").into_owned();
        }
        if which != "left" {
            t = right.replace(&t, "").into_owned();
        }
        t
    });
    if !matches!(x.data(), Some(crate::value::Data::Str(_))) {
        with_names_of(&mut v, x);
    }
    Ok(v)
}

/// Splits `s` as R's strsplit does: repeatedly find the split in the rest; an empty match
/// takes one character; a trailing empty piece is not produced.
fn split_one(s: &str, re: &regex::Regex) -> Vec<RStr> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        match re.find(rest) {
            Some(mt) if mt.end() > 0 => {
                out.push(rstr(&rest[..mt.start()]));
                rest = &rest[mt.end()..];
            }
            Some(_) => {
                let w = rest.chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                out.push(rstr(&rest[..w]));
                rest = &rest[w..];
            }
            None => {
                out.push(rstr(rest));
                break;
            }
        }
    }
    out
}

fn strsplit(_: &mut Interp, m: Matched) -> EvalResult {
    let xv = m.req("x")?;
    if !matches!(xv.data(), Some(crate::value::Data::Str(_))) {
        return err("non-character argument");
    }
    let x = xv.str_vec();
    let split = as_char_vec(m.req("split")?);
    let fixed = flag(&m, "fixed", false);
    let perl = flag(&m, "perl", false) && !fixed;
    let mut out = Vec::with_capacity(x.len());
    // each split pattern compiled once, on first use
    let mut compiled: Vec<Option<regex::Regex>> = vec![None; split.len()];
    for (i, s) in x.iter().enumerate() {
        let Some(s) = s.as_deref() else {
            out.push(Value::strs(vec![None]));
            continue;
        };
        let sp = if split.is_empty() {
            Some(Rc::from(""))
        } else {
            split[i % split.len()].clone()
        };
        let Some(sp) = sp else {
            out.push(Value::strs(vec![None]));
            continue;
        };
        if sp.is_empty() {
            out.push(Value::strs(
                s.chars()
                    .map(|c| rstr(c.encode_utf8(&mut [0u8; 4])))
                    .collect(),
            ));
            continue;
        }
        let k = i % split.len();
        if compiled[k].is_none() {
            compiled[k] = Some(compile_r_regex(&sp, fixed, perl, false)?);
        }
        let Some(re) = compiled[k].as_ref() else {
            continue;
        };
        out.push(Value::strs(split_one(s, re)));
    }
    let mut v = Value::list(out);
    with_names_of(&mut v, xv);
    Ok(v)
}

fn affix(args: Args, second: &str, ends: bool) -> EvalResult {
    let formals = ["x", second];
    let m = args.matched(&formals)?;
    let (xv, pv) = (m.req("x")?, m.req(second)?);
    let is_chr = |v: &Value| matches!(v.data(), Some(crate::value::Data::Str(_)));
    if !is_chr(xv) || !is_chr(pv) {
        return err("non-character object(s)");
    }
    let (x, p) = (xv.str_vec(), pv.str_vec());
    if x.is_empty() || p.is_empty() {
        return Ok(Value::lgls(vec![]));
    }
    let n = x.len().max(p.len());
    Ok(Value::lgls(
        (0..n)
            .map(
                |i| match (x[i % x.len()].as_deref(), p[i % p.len()].as_deref()) {
                    (Some(a), Some(b)) => {
                        (if ends {
                            a.ends_with(b)
                        } else {
                            a.starts_with(b)
                        }) as i32
                    }
                    _ => NA_LGL,
                },
            )
            .collect(),
    ))
}

fn starts_with(_: &mut Interp, args: Args) -> EvalResult {
    affix(args, "prefix", false)
}

fn ends_with(_: &mut Interp, args: Args) -> EvalResult {
    affix(args, "suffix", true)
}

/// C `strtol` over the whole string: NA unless every character is consumed and in range.
fn strtol(s: &str, base: i32) -> i32 {
    let t = s.trim_start();
    let (neg, mut body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut base = base as u32;
    let has_hex = body.len() > 2 && (body.starts_with("0x") || body.starts_with("0X"));
    if (base == 0 || base == 16) && has_hex {
        body = &body[2..];
        base = 16;
    } else if base == 0 {
        base = if body.starts_with('0') && body.len() > 1 {
            8
        } else {
            10
        };
    }
    if body.is_empty() || !(2..=36).contains(&base) {
        return NA_INT;
    }
    let mut acc: i64 = 0;
    for c in body.chars() {
        let Some(d) = c.to_digit(base) else {
            return NA_INT;
        };
        acc = acc * base as i64 + d as i64;
        if acc > i32::MAX as i64 + 1 {
            return NA_INT;
        }
    }
    let v = if neg { -acc } else { acc };
    if v > i32::MAX as i64 || v <= i32::MIN as i64 {
        NA_INT
    } else {
        v as i32
    }
}

fn strtoi(_: &mut Interp, m: Matched) -> EvalResult {
    let x = as_char_vec(m.req("x")?);
    let base = m.get("base").and_then(|v| v.as_i32()).unwrap_or(0);
    if base == NA_INT || base == 1 || !(0..=36).contains(&base) {
        return err("invalid 'base' argument");
    }
    Ok(Value::ints(
        x.iter()
            .map(|s| s.as_deref().map(|s| strtol(s, base)).unwrap_or(NA_INT))
            .collect(),
    ))
}

/// Expands `a-z` ranges of a chartr specification.
fn expand_ranges(s: &str) -> Vec<char> {
    let c: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if i + 2 < c.len() && c[i + 1] == '-' && c[i] <= c[i + 2] {
            out.extend((c[i] as u32..=c[i + 2] as u32).filter_map(char::from_u32));
            i += 3;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn chartr(_: &mut Interp, m: Matched) -> EvalResult {
    let old = as_char_vec(m.req("old")?);
    let new = as_char_vec(m.req("new")?);
    let (Some(Some(old)), Some(Some(new))) = (old.first(), new.first()) else {
        return err("invalid (NA) arguments.");
    };
    let (o, n) = (expand_ranges(old), expand_ranges(new));
    if o.len() > n.len() {
        return err("'old' is longer than 'new'");
    }
    Ok(map_str(m.req("x")?, |s| {
        s.chars()
            .map(|c| o.iter().rposition(|&k| k == c).map(|p| n[p]).unwrap_or(c))
            .collect()
    }))
}

fn sh_quote(_: &mut Interp, m: Matched) -> EvalResult {
    let ty = string_opt(&m, "type", "sh", "type")?;
    let x = as_char_vec(m.req("string")?);
    let out: Vec<String> = x
        .iter()
        .map(|s| {
            let s = s.as_deref().unwrap_or("NA");
            if ty == "cmd" || ty == "cmd2" {
                return format!("\"{}\"", s.replace('"', "\\\""));
            }
            if !s.contains('\'') {
                return format!("'{}'", s);
            }
            if ty == "csh" {
                return format!("'{}'", s.replace('\'', "'\\''"));
            }
            let mut t = String::from("\"");
            for c in s.chars() {
                if matches!(c, '"' | '$' | '`' | '\\') {
                    t.push('\\');
                }
                t.push(c);
            }
            t.push('"');
            t
        })
        .collect();
    Ok(Value::strings(&out))
}

/// sQuote/dQuote: the quotes `q` (default: the useFancyQuotes option) selects: TRUE the
/// directional ones, FALSE plain ASCII, "TeX" TeX's, or four strings (single left/right,
/// double left/right).
fn quote_impl(it: &mut Interp, args: Args, double: bool) -> EvalResult {
    let m = args.matched(&["x", "q"])?;
    let q = match m.get("q") {
        Some(v) => v.clone(),
        None => crate::builtins::base::lang::option_value(it, "useFancyQuotes").unwrap_or(Value::lgl(true)),
    };
    let fancy = if double { ["\u{201c}", "\u{201d}"] } else { ["\u{2018}", "\u{2019}"] };
    let (l, r): (String, String) = match q.vtype() {
        Some(crate::value::VType::Str) if q.len() >= 4 => {
            let v = as_char_vec(&q);
            let k = if double { 2 } else { 0 };
            (v[k].as_deref().unwrap_or("").into(), v[k + 1].as_deref().unwrap_or("").into())
        }
        Some(crate::value::VType::Str) if q.as_string().as_deref() == Some("TeX") => {
            if double { ("``".into(), "''".into()) } else { ("`".into(), "'".into()) }
        }
        _ if q.as_bool().flatten() == Some(false) => {
            let p = if double { "\"" } else { "'" };
            (p.into(), p.into())
        }
        _ => (fancy[0].into(), fancy[1].into()),
    };
    let x = as_char_vec(m.req("x")?);
    Ok(Value::strings(
        &x.iter()
            .map(|s| format!("{}{}{}", l, s.as_deref().unwrap_or("NA"), r))
            .collect::<Vec<_>>(),
    ))
}

fn s_quote(it: &mut Interp, args: Args) -> EvalResult {
    quote_impl(it, args, false)
}

fn d_quote(it: &mut Interp, args: Args) -> EvalResult {
    quote_impl(it, args, true)
}

/// One syntactic name as `make.names` makes it.
fn make_name(s: &str, allow_underscore: bool) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    let first_ok = match chars.first() {
        Some(c) if c.is_alphabetic() => true,
        Some('.') => !chars.get(1).is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    if !first_ok {
        chars.insert(0, 'X');
    }
    let mut out: String = chars
        .into_iter()
        .map(|c| {
            if c.is_alphanumeric() || c == '.' || (c == '_' && allow_underscore) {
                c
            } else {
                '.'
            }
        })
        .collect();
    if crate::syntax::deparse::is_reserved(&out) {
        out.push('.');
    }
    out
}

/// `make.unique`: later duplicates get `sep` and the smallest unused counter.
fn unique_names(names: &[String], sep: &str) -> Vec<String> {
    use std::collections::{HashMap, HashSet};
    let mut seen: HashSet<String> = names.iter().cloned().collect();
    let mut first: HashSet<&str> = HashSet::new();
    let mut counters: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(names.len());
    for n in names {
        if first.insert(n.as_str()) {
            out.push(n.clone());
            continue;
        }
        let cnt = counters.entry(n.clone()).or_insert(1);
        loop {
            let cand = format!("{}{}{}", n, sep, cnt);
            *cnt += 1;
            if seen.insert(cand.clone()) {
                out.push(cand);
                break;
            }
        }
    }
    out
}

fn make_names(_: &mut Interp, m: Matched) -> EvalResult {
    let x = as_char_vec(m.req("names")?);
    let allow = flag(&m, "allow_", true);
    let mut out: Vec<String> = x
        .iter()
        .map(|s| make_name(s.as_deref().unwrap_or("NA"), allow))
        .collect();
    if flag(&m, "unique", false) {
        // names the sanitizing left alone keep their spelling; changed ones get the suffixes
        let changed = |i: usize| x[i].as_deref() != Some(out[i].as_str());
        let mut order: Vec<usize> = (0..out.len()).collect();
        order.sort_by_key(|&i| changed(i));
        let unique = unique_names(&order.iter().map(|&i| out[i].clone()).collect::<Vec<_>>(), ".");
        for (k, i) in order.into_iter().enumerate() {
            out[i] = unique[k].clone();
        }
    }
    Ok(Value::strings(&out))
}

fn make_unique(_: &mut Interp, m: Matched) -> EvalResult {
    let xv = m.req("names")?;
    if !matches!(xv.data(), Some(crate::value::Data::Str(_))) {
        return err("'names' must be a character vector");
    }
    let sep = string_opt(&m, "sep", ".", "sep")?;
    let x: Vec<String> = xv
        .str_vec()
        .iter()
        .map(|s| s.as_deref().unwrap_or("NA").to_string())
        .collect();
    Ok(Value::strings(&unique_names(&x, &sep)))
}

fn strrep(_: &mut Interp, m: Matched) -> EvalResult {
    let xv = m.req("x")?;
    let x = as_char_vec(xv);
    let t = m.req("times")?.int_vec();
    if x.is_empty() || t.is_empty() {
        return Ok(Value::strs(vec![]));
    }
    let n = x.len().max(t.len());
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let k = t[i % t.len()];
        match x[i % x.len()].as_deref() {
            _ if k == NA_INT => out.push(None),
            _ if k < 0 => return err("invalid 'times' value"),
            None => out.push(None),
            Some(s) => {
                crate::value::alloc::check_string(s.len() as f64 * k as f64)?;
                out.push(rstr(&s.repeat(k as usize)))
            }
        }
    }
    let mut v = Value::strs(out);
    if n == x.len() {
        with_names_of(&mut v, xv);
    }
    Ok(v)
}

/// `strtrim(x, width)`: each string cut to at most `width` display columns.
fn strtrim(_: &mut Interp, m: Matched) -> EvalResult {
    let xv = m.req("x")?;
    let x = as_char_vec(xv);
    let w = m.req("width")?.int_vec();
    if w.is_empty() && !x.is_empty() {
        return err("invalid 'width' argument");
    }
    let mut out = Vec::with_capacity(x.len());
    for (i, s) in x.iter().enumerate() {
        let k = w[i % w.len()];
        if k == NA_INT || k < 0 {
            return err("invalid 'width' argument");
        }
        match s.as_deref() {
            None => out.push(None),
            Some(s) => {
                let mut used = 0usize;
                let mut t = String::new();
                for c in s.chars() {
                    let cw = crate::print::num::str_width(c.encode_utf8(&mut [0u8; 4]));
                    if used + cw > k as usize {
                        break;
                    }
                    used += cw;
                    t.push(c);
                }
                out.push(rstr(&t));
            }
        }
    }
    let mut v = Value::strs(out);
    with_names_of(&mut v, xv);
    Ok(v)
}

fn utf8_to_int(_: &mut Interp, m: Matched) -> EvalResult {
    let x = as_char_vec(m.req("x")?);
    if x.len() != 1 {
        return err("argument should be a character vector of length 1");
    }
    Ok(match x[0].as_deref() {
        None => Value::ints(vec![NA_INT]),
        Some(s) => Value::ints(s.chars().map(|c| c as i32).collect()),
    })
}

fn int_to_utf8(_: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.int_vec();
    let conv = |k: i32| -> Option<String> {
        if k == NA_INT {
            return None;
        }
        if k == 0 {
            return Some(String::new());
        }
        char::from_u32(k as u32).map(|c| c.to_string())
    };
    if flag(&m, "multiple", false) {
        return Ok(Value::strs(
            x.iter()
                .map(|&k| conv(k).map(|s| Rc::from(s.as_str())))
                .collect(),
        ));
    }
    let mut s = String::new();
    for &k in x.iter() {
        match conv(k) {
            Some(c) => s.push_str(&c),
            None => return Ok(Value::strs(vec![None])),
        }
    }
    Ok(Value::str(&s))
}

#[cfg(test)]
#[path = "strings_tests.rs"]
mod tests;

fn nzchar(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let keep_na = m.get("keepNA").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    let out: Vec<i32> = match x.data() {
        Some(crate::value::Data::Str(s)) => s
            .iter()
            .map(|e| match e.as_deref() {
                None if keep_na => NA_LGL,
                None => 1,
                Some(t) => (!t.is_empty()) as i32,
            })
            .collect(),
        Some(d) => vec![1; d.len()],
        None => return err("'nzchar()' requires a character vector"),
    };
    let mut v = Value::lgls(out);
    if let Some(n) = x.get_attr("names") {
        v.set_attr(Sym::new("names"), n.clone());
    }
    Ok(v)
}
