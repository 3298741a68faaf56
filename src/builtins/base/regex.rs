//! The regular-expression family: `grepl`, `grep`, `sub`, `gsub`, `regexpr`, `gregexpr`,
//! `regmatches`, `regexec`, and the translation of R's regex dialects into Rust `regex` syntax.

use crate::builtins::base::strings::{as_char_vec, flag, set_names, with_names_of};
use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{EvalResult, RError};
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::{Data, RStr, Value, NA_INT, NA_LGL};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// The regex builtins.
pub const BUILTINS: &[Builtin] = &[
    declared("grepl", grepl),
    declared("grep", grep),
    eager("sub", sub),
    eager("gsub", gsub),
    declared("regexpr", regexpr),
    declared("gregexpr", gregexpr),
    declared("regmatches", regmatches),
    declared("regexec", regexec),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("grepl", "grepl(pattern, x, ignore.case = FALSE, perl = FALSE, fixed = FALSE, useBytes = FALSE)",
            "TRUE for each string of x that contains a match of the regular expression pattern (a literal string \
             with fixed = TRUE)."),
        doc("grep",
            "grep(pattern, x, ignore.case = FALSE, perl = FALSE, value = FALSE, fixed = FALSE, useBytes = FALSE, \
             invert = FALSE)",
            "Returns the indices of the strings of x that match pattern, or the matching strings themselves with \
             value = TRUE; invert = TRUE selects the non-matching ones."),
        doc("sub", "sub(pattern, replacement, x, ignore.case = FALSE, perl = FALSE, fixed = FALSE, useBytes = FALSE)",
            "Replaces the first match of pattern in each string of x with replacement, in which \\\\1 to \\\\9 \
             refer to captured groups."),
        doc("gsub",
            "gsub(pattern, replacement, x, ignore.case = FALSE, perl = FALSE, fixed = FALSE, useBytes = FALSE)",
            "Replaces every match of pattern in each string of x with replacement, in which \\\\1 to \\\\9 refer \
             to captured groups."),
        doc("regexpr", "regexpr(pattern, text, ignore.case = FALSE, perl = FALSE, fixed = FALSE, useBytes = FALSE)",
            "Finds the first match of pattern in each string: returns its starting position (-1 for none) with \
             the match lengths in a \"match.length\" attribute."),
        doc("gregexpr", "gregexpr(pattern, text, ignore.case = FALSE, perl = FALSE, fixed = FALSE, useBytes = FALSE)",
            "Finds every match of pattern in each string: returns a list of starting positions, each with a \
             \"match.length\" attribute."),
        doc("regmatches", "regmatches(x, m, invert = FALSE)",
            "Extracts the matched substrings of x described by the result m of regexpr, gregexpr or regexec."),
        doc("regexec", "regexec(pattern, text, ignore.case = FALSE, perl = FALSE, fixed = FALSE, useBytes = FALSE)",
            "Like regexpr but also locates the parenthesised groups: returns a list giving, for each string, the \
             positions of the whole match and of each group."),
    ]
};

/// Appends `c` to a Rust regex being built, escaped when it is a metacharacter.
fn push_lit(out: &mut String, c: char) {
    let mut b = [0u8; 4];
    out.push_str(&regex::escape(c.encode_utf8(&mut b)));
}

/// PCRE's horizontal (`\h`) and vertical (`\v`) white space, as bracket contents.
const PCRE_HSPACE: &str = "\\t \\x{A0}\\x{1680}\\x{180E}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}";
const PCRE_VSPACE: &str = "\\n\\x0B\\x0C\\r\\x{85}\\x{2028}\\x{2029}";

/// Translates the body of a bracket expression starting just after `[`.
/// Returns the index just after the closing `]`.
fn translate_bracket(
    p: &[char],
    mut i: usize,
    perl: bool,
    out: &mut String,
) -> Result<usize, String> {
    out.push('[');
    if i < p.len() && p[i] == '^' {
        out.push('^');
        i += 1;
    }
    if i < p.len() && p[i] == ']' {
        out.push_str("\\]");
        i += 1;
    }
    while i < p.len() {
        let c = p[i];
        match c {
            ']' => {
                out.push(']');
                return Ok(i + 1);
            }
            '[' if i + 1 < p.len() && matches!(p[i + 1], ':' | '=' | '.') => {
                let kind = p[i + 1];
                let mut j = i + 2;
                while j + 1 < p.len() && !(p[j] == kind && p[j + 1] == ']') {
                    j += 1;
                }
                if j + 1 >= p.len() {
                    return Err("Missing ']'".into());
                }
                let name: String = p[i + 2..j].iter().collect();
                i = j + 2;
                if kind == ':' {
                    let cls = match name.as_str() {
                        "alpha" => "\\p{Alphabetic}",
                        "upper" => "\\p{Uppercase}",
                        "lower" => "\\p{Lowercase}",
                        "digit" => "0-9",
                        "alnum" => "\\p{Alphabetic}0-9",
                        "space" => "\\s",
                        "blank" => " \\t",
                        "punct" => "[:punct:]",
                        "cntrl" => "[:cntrl:]",
                        "xdigit" => "0-9A-Fa-f",
                        "print" => "[:print:]\\P{ASCII}",
                        "graph" => "[:graph:]\\P{ASCII}",
                        _ => return Err("Unknown character class name".into()),
                    };
                    out.push_str(cls);
                } else {
                    for ch in name.chars() {
                        push_lit(out, ch);
                    }
                }
                continue;
            }
            '\\' if perl => {
                if i + 1 >= p.len() {
                    return Err("Trailing backslash".into());
                }
                match p[i + 1] {
                    'h' => out.push_str(PCRE_HSPACE),
                    'v' => out.push_str(PCRE_VSPACE),
                    n => {
                        out.push('\\');
                        out.push(n);
                    }
                }
                i += 2;
                continue;
            }
            '-' => out.push('-'),
            '\\' | '[' | '&' | '~' | '^' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    Err("Missing ']'".into())
}

/// Translates an R regex (POSIX ERE as TRE reads it, or PCRE with `perl`) into Rust syntax.
/// Errors carry R's reason text.
pub fn translate(pattern: &str, perl: bool) -> Result<String, String> {
    let p: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 8);
    if !perl {
        out.push_str("(?s)");
    }
    let mut depth = 0usize;
    let mut i = 0;
    // whether a quantifier here would have nothing to repeat (TRE then reads it literally)
    let mut at_start = true;
    while i < p.len() {
        let c = p[i];
        let was_start = at_start;
        at_start = false;
        match c {
            '\\' => {
                let Some(&n) = p.get(i + 1) else {
                    return Err("Trailing backslash".into());
                };
                i += 2;
                match n {
                    '1'..='9' => return Err("Invalid back reference".into()),
                    'h' | 'v' if perl => {
                        out.push('[');
                        out.push_str(if n == 'h' { PCRE_HSPACE } else { PCRE_VSPACE });
                        out.push(']');
                    }
                    'H' | 'V' if perl => {
                        out.push_str("[^");
                        out.push_str(if n == 'H' { PCRE_HSPACE } else { PCRE_VSPACE });
                        out.push(']');
                    }
                    'd' | 'D' | 'w' | 'W' | 's' | 'S' | 'b' | 'B' | 'n' | 't' | 'r' | 'f' | 'v' => {
                        out.push('\\');
                        out.push(n);
                    }
                    'A' | 'z' if perl => {
                        out.push('\\');
                        out.push(n);
                    }
                    'Z' if perl => out.push_str("(?:\\n?\\z)"),
                    'p' | 'P' if perl => {
                        out.push('\\');
                        out.push(n);
                    }
                    'x' if perl => {
                        out.push_str("\\x");
                    }
                    'Q' if perl => {
                        while i < p.len() {
                            if p[i] == '\\' && p.get(i + 1) == Some(&'E') {
                                i += 2;
                                break;
                            }
                            push_lit(&mut out, p[i]);
                            i += 1;
                        }
                    }
                    '<' => out.push_str("\\b{start}"),
                    '>' => out.push_str("\\b{end}"),
                    _ => push_lit(&mut out, n),
                }
                continue;
            }
            '[' => {
                i = translate_bracket(&p, i + 1, perl, &mut out)?;
                continue;
            }
            '(' => {
                if perl && p.get(i + 1) == Some(&'?') {
                    let next = p.get(i + 2).copied();
                    let next2 = p.get(i + 3).copied();
                    if matches!(next, Some('=') | Some('!'))
                        || (next == Some('<') && matches!(next2, Some('=') | Some('!')))
                    {
                        return Err("lookaround assertions are not supported".into());
                    }
                }
                depth += 1;
                out.push('(');
                at_start = true;
            }
            ')' => {
                if depth == 0 {
                    if perl {
                        return Err("unmatched closing parenthesis".into());
                    }
                    out.push_str("\\)");
                } else {
                    depth -= 1;
                    out.push(')');
                }
            }
            '|' => {
                out.push('|');
                at_start = true;
            }
            '*' | '+' | '?' if was_start && !perl => {
                push_lit(&mut out, c);
            }
            '{' => {
                let mut j = i + 1;
                while j < p.len() && (p[j].is_ascii_digit() || p[j] == ',') {
                    j += 1;
                }
                if j < p.len() && p[j] == '}' && j > i + 1 && p[i + 1].is_ascii_digit() {
                    out.extend(p[i..=j].iter());
                    i = j + 1;
                    continue;
                } else if perl {
                    out.push_str("\\{");
                } else {
                    return Err("Missing '}'".into());
                }
            }
            '}' => out.push_str("\\}"),
            '^' => {
                out.push('^');
                at_start = true;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    if depth > 0 {
        return Err(if perl {
            "missing closing parenthesis".into()
        } else {
            "Missing ')'".into()
        });
    }
    Ok(out)
}

thread_local! {
    static CACHE: RefCell<HashMap<(String, u8), Result<regex::Regex, String>>> = RefCell::new(HashMap::new());
}

/// Compiles (with a per-thread cache) a pattern; the error is R's reason text.
fn compile_cached(
    pattern: &str,
    fixed: bool,
    perl: bool,
    ignore_case: bool,
) -> Result<regex::Regex, String> {
    let key = (
        pattern.to_string(),
        fixed as u8 | (perl as u8) << 1 | (ignore_case as u8) << 2,
    );
    if let Some(r) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return r;
    }
    let res = (|| {
        let body = if fixed {
            regex::escape(pattern)
        } else {
            translate(pattern, perl)?
        };
        let full = if ignore_case {
            format!("(?i){}", body)
        } else {
            body
        };
        regex::RegexBuilder::new(&full)
            .size_limit(1 << 24)
            .build()
            .map_err(|e| match e {
                regex::Error::CompiledTooBig(_) => "pattern too large".to_string(),
                _ => "Invalid regexp".to_string(),
            })
    })();
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 500 {
            c.clear();
        }
        c.insert(key, res.clone());
    });
    res
}

/// Compiles an R pattern: literally with `fixed`, as PCRE with `perl`, else as POSIX ERE.
/// Invalid patterns give R's `invalid regular expression '...', reason '...'` error.
pub fn compile_r_regex(
    pattern: &str,
    fixed: bool,
    perl: bool,
    ignore_case: bool,
) -> Result<regex::Regex, RError> {
    compile_cached(pattern, fixed, perl, ignore_case).map_err(|reason| {
        if perl {
            RError::runtime(format!("invalid regular expression '{}'", pattern))
        } else {
            RError::runtime(format!(
                "invalid regular expression '{}', reason '{}'",
                pattern, reason
            ))
        }
    })
}

/// Compiles for a builtin, raising R's compilation warning alongside the error.
fn compile_in(
    interp: &mut Interp,
    pattern: &str,
    fixed: bool,
    perl: bool,
    ic: bool,
) -> EvalResult<regex::Regex> {
    match compile_cached(pattern, fixed, perl, ic) {
        Ok(r) => Ok(r),
        Err(reason) => {
            if perl {
                interp.warning(format!(
                    "PCRE pattern compilation error\n\t'{}'\n\tat ''\n",
                    reason
                ));
            } else {
                interp.warning(format!("TRE pattern compilation error '{}'", reason));
            }
            Err(compile_r_regex(pattern, fixed, perl, ic)
                .err()
                .unwrap_or_else(|| RError::runtime("invalid regular expression"))
                .into())
        }
    }
}

/// The common options of the family.
struct Opts {
    ignore_case: bool,
    perl: bool,
    fixed: bool,
}

/// The single pattern (None for NA), warning when more than one is given.
fn pattern_of(interp: &mut Interp, v: Option<&Value>) -> EvalResult<Option<String>> {
    let Some(v) = v else {
        return crate::error::err("argument \"pattern\" is missing, with no default");
    };
    let s = as_char_vec(v);
    if s.is_empty() {
        return crate::error::err("invalid 'pattern' argument");
    }
    if s.len() > 1 {
        interp.warning("argument 'pattern' has length > 1 and only the first element will be used");
    }
    Ok(s[0].as_deref().map(|s| s.to_string()))
}

fn opts(interp: &mut Interp, m: &crate::builtins::Matched, ic: &str) -> Opts {
    let mut o = Opts {
        ignore_case: flag(m, ic, false),
        perl: flag(m, "perl", false),
        fixed: flag(m, "fixed", false),
    };
    if o.fixed && o.ignore_case {
        interp.warning("argument 'ignore.case = TRUE' will be ignored");
        o.ignore_case = false;
    }
    if o.fixed && o.perl {
        interp.warning("argument 'perl = TRUE' will be ignored");
        o.perl = false;
    }
    o
}

fn grepl(interp: &mut Interp, m: Matched) -> EvalResult {
    let o = opts(interp, &m, "ignore.case");
    let pat = pattern_of(interp, m.get("pattern"))?;
    let x = as_char_vec(m.req("x")?);
    let Some(pat) = pat else {
        return Ok(Value::lgls(vec![NA_LGL; x.len()]));
    };
    let re = compile_in(interp, &pat, o.fixed, o.perl, o.ignore_case)?;
    Ok(Value::lgls(
        x.iter()
            .map(|s| s.as_deref().map(|s| re.is_match(s) as i32).unwrap_or(0))
            .collect(),
    ))
}

fn grep(interp: &mut Interp, m: Matched) -> EvalResult {
    let o = opts(interp, &m, "ignore.case");
    let value = flag(&m, "value", false);
    let invert = flag(&m, "invert", false);
    let pat = pattern_of(interp, m.get("pattern"))?;
    let xv = m.req("x")?.clone();
    let x = as_char_vec(&xv);
    let hits: Vec<Option<bool>> = match &pat {
        None => vec![None; x.len()],
        Some(p) => {
            let re = compile_in(interp, p, o.fixed, o.perl, o.ignore_case)?;
            x.iter()
                .map(|s| s.as_deref().map(|s| re.is_match(s) != invert))
                .collect()
        }
    };
    let idx: Vec<usize> = (0..x.len()).filter(|&i| hits[i] == Some(true)).collect();
    if value {
        if pat.is_none() {
            return Ok(Value::strs(vec![None; x.len()]));
        }
        let mut out = Value::strs(idx.iter().map(|&i| x[i].clone()).collect());
        if let Some(n) = xv.names() {
            set_names(&mut out, idx.iter().map(|&i| n[i].clone()).collect());
        }
        Ok(out)
    } else {
        if pat.is_none() {
            return Ok(Value::ints(vec![NA_INT; x.len()]));
        }
        Ok(Value::ints(idx.iter().map(|&i| i as i32 + 1).collect()))
    }
}

/// Expands a replacement for one match: `\\1`..`\\9` are groups, `\\0` is a literal 0;
/// with `perl`, `\\U`, `\\L` and `\\E` switch case conversion.
fn expand(rep: &[char], caps: &regex::Captures, perl: bool, out: &mut String) {
    #[derive(PartialEq)]
    enum Case {
        No,
        Up,
        Low,
    }
    let mut case = Case::No;
    let push = |out: &mut String, s: &str, case: &Case| match case {
        Case::No => out.push_str(s),
        Case::Up => out.push_str(&s.to_uppercase()),
        Case::Low => out.push_str(&s.to_lowercase()),
    };
    let mut i = 0;
    while i < rep.len() {
        let c = rep[i];
        if c == '\\' && i + 1 < rep.len() {
            let n = rep[i + 1];
            i += 2;
            match n {
                '1'..='9' => {
                    let g = n as usize - '0' as usize;
                    if let Some(m) = caps.get(g) {
                        push(out, m.as_str(), &case);
                    }
                }
                'U' if perl => case = Case::Up,
                'L' if perl => case = Case::Low,
                'E' if perl => case = Case::No,
                _ => {
                    let mut b = [0u8; 4];
                    push(out, n.encode_utf8(&mut b), &case);
                }
            }
        } else {
            let mut b = [0u8; 4];
            push(out, c.encode_utf8(&mut b), &case);
            i += 1;
        }
    }
}

fn sub_impl(interp: &mut Interp, args: Args, global: bool) -> EvalResult {
    let m = args.matched(&[
        "pattern",
        "replacement",
        "x",
        "ignore.case",
        "perl",
        "fixed",
        "useBytes",
    ])?;
    let o = opts(interp, &m, "ignore.case");
    let pat = pattern_of(interp, m.get("pattern"))?;
    let rep = as_char_vec(m.req("replacement")?);
    if rep.len() > 1 {
        interp.warning(
            "argument 'replacement' has length > 1 and only the first element will be used",
        );
    }
    let rep: Option<Vec<char>> = rep.first().cloned().flatten().map(|s| s.chars().collect());
    let xv = m.req("x")?.clone();
    let x = as_char_vec(&xv);
    let out: Vec<RStr> = match &pat {
        None => vec![None; x.len()],
        Some(p) => {
            let re = compile_in(interp, p, o.fixed, o.perl, o.ignore_case)?;
            x.iter()
                .map(|s| {
                    let s = s.as_deref()?;
                    let mut res = String::with_capacity(s.len());
                    let mut last = 0;
                    let mut any = false;
                    for caps in re.captures_iter(s) {
                        let Some(m0) = caps.get(0) else { continue };
                        any = true;
                        res.push_str(&s[last..m0.start()]);
                        match &rep {
                            // with fixed = TRUE the replacement is literal, backslashes too
                            Some(r) if o.fixed => res.extend(r.iter()),
                            Some(r) => expand(r, &caps, o.perl, &mut res),
                            None => return None,
                        }
                        last = m0.end();
                        if !global {
                            break;
                        }
                    }
                    if !any {
                        return Some(Rc::from(s));
                    }
                    res.push_str(&s[last..]);
                    Some(Rc::from(res.as_str()))
                })
                .collect()
        }
    };
    let mut v = Value::strs(out);
    with_names_of(&mut v, &xv);
    Ok(v)
}

fn sub(interp: &mut Interp, args: Args) -> EvalResult {
    sub_impl(interp, args, false)
}

fn gsub(interp: &mut Interp, args: Args) -> EvalResult {
    sub_impl(interp, args, true)
}

/// Character offset of byte offset `b` in `s`.
fn char_pos(s: &str, b: usize) -> usize {
    s[..b].chars().count()
}

/// Attaches `match.length` and, when everything is ASCII, `index.type` and `useBytes`.
fn match_attrs(v: &mut Value, lens: Vec<i32>, ascii: bool) {
    v.set_attr(Sym::new("match.length"), Value::ints(lens));
    if ascii {
        v.set_attr(Sym::new("index.type"), Value::str("chars"));
        v.set_attr(Sym::new("useBytes"), Value::lgl(true));
    }
}

fn all_ascii(pat: &str, x: &[RStr]) -> bool {
    pat.is_ascii()
        && x.iter()
            .all(|s| s.as_deref().map(|s| s.is_ascii()).unwrap_or(true))
}

/// perl = TRUE capture attributes for matches given as per-element optional captures.
fn capture_attrs(v: &mut Value, re: &regex::Regex, rows: &[(Vec<i32>, Vec<i32>)]) {
    let ng = re.captures_len() - 1;
    if ng == 0 {
        return;
    }
    let names: Vec<String> = re
        .capture_names()
        .skip(1)
        .map(|n| n.unwrap_or("").to_string())
        .collect();
    let n = rows.len();
    let mut st = vec![0; n * ng];
    let mut ln = vec![0; n * ng];
    for (r, (s, l)) in rows.iter().enumerate() {
        for g in 0..ng {
            st[g * n + r] = s[g];
            ln[g * n + r] = l[g];
        }
    }
    let dimnames = Value::list(vec![Value::Null, Value::strings(&names)]);
    for (nm, data) in [("capture.start", st), ("capture.length", ln)] {
        let mut mat = Value::ints(data);
        mat.set_attr(Sym::new("dim"), Value::ints(vec![n as i32, ng as i32]));
        mat.set_attr(Sym::new("dimnames"), dimnames.clone());
        v.set_attr(Sym::new(nm), mat);
    }
    v.set_attr(Sym::new("capture.names"), Value::strings(&names));
}

/// Capture starts/lengths (1-based chars; -1 when a group did not take part).
fn cap_row(s: &str, caps: Option<&regex::Captures>, ng: usize) -> (Vec<i32>, Vec<i32>) {
    let mut st = vec![-1; ng];
    let mut ln = vec![-1; ng];
    if let Some(c) = caps {
        for g in 0..ng {
            if let Some(m) = c.get(g + 1) {
                st[g] = char_pos(s, m.start()) as i32 + 1;
                ln[g] = m.as_str().chars().count() as i32;
            }
        }
    }
    (st, ln)
}

fn regexpr(interp: &mut Interp, m: Matched) -> EvalResult {
    let o = opts(interp, &m, "ignore.case");
    let pat = pattern_of(interp, m.get("pattern"))?;
    let x = as_char_vec(m.req("text")?);
    let Some(pat) = pat else {
        let mut v = Value::ints(vec![NA_INT; x.len()]);
        match_attrs(&mut v, vec![NA_INT; x.len()], true);
        return Ok(v);
    };
    let re = compile_in(interp, &pat, o.fixed, o.perl, o.ignore_case)?;
    let ng = re.captures_len() - 1;
    let mut pos = Vec::with_capacity(x.len());
    let mut lens = Vec::with_capacity(x.len());
    let mut rows = Vec::new();
    for s in x.iter() {
        match s.as_deref() {
            None => {
                pos.push(NA_INT);
                lens.push(NA_INT);
                rows.push((vec![NA_INT; ng], vec![NA_INT; ng]));
            }
            Some(s) => match re.captures(s) {
                Some(c) => {
                    let Some(m0) = c.get(0) else { continue };
                    pos.push(char_pos(s, m0.start()) as i32 + 1);
                    lens.push(m0.as_str().chars().count() as i32);
                    rows.push(cap_row(s, Some(&c), ng));
                }
                None => {
                    pos.push(-1);
                    lens.push(-1);
                    rows.push(cap_row(s, None, ng));
                }
            },
        }
    }
    let mut v = Value::ints(pos);
    match_attrs(&mut v, lens, all_ascii(&pat, &x));
    if o.perl {
        capture_attrs(&mut v, &re, &rows);
    }
    Ok(v)
}

fn gregexpr(interp: &mut Interp, m: Matched) -> EvalResult {
    let o = opts(interp, &m, "ignore.case");
    let pat = pattern_of(interp, m.get("pattern"))?;
    let x = as_char_vec(m.req("text")?);
    let re = match &pat {
        Some(p) => Some(compile_in(interp, p, o.fixed, o.perl, o.ignore_case)?),
        None => None,
    };
    let ascii = pat.as_deref().map(|p| all_ascii(p, &x)).unwrap_or(true);
    let mut out = Vec::with_capacity(x.len());
    for s in x.iter() {
        let (Some(s), Some(re)) = (s.as_deref(), &re) else {
            let mut v = Value::ints(vec![NA_INT]);
            match_attrs(&mut v, vec![NA_INT], ascii);
            out.push(v);
            continue;
        };
        let ng = re.captures_len() - 1;
        let mut pos = Vec::new();
        let mut lens = Vec::new();
        let mut rows = Vec::new();
        // R searches again from the end of each match; an empty match moves on one
        // character, and the end of a non-empty string is not searched.
        let mut off = 0;
        while off < s.len() || (off == 0 && s.is_empty()) {
            let Some(c) = re.captures_at(s, off) else {
                break;
            };
            let Some(m0) = c.get(0) else { break };
            pos.push(char_pos(s, m0.start()) as i32 + 1);
            lens.push(m0.as_str().chars().count() as i32);
            rows.push(cap_row(s, Some(&c), ng));
            off = if m0.end() > m0.start() {
                m0.end()
            } else {
                m0.end()
                    + s[m0.end()..]
                        .chars()
                        .next()
                        .map(|ch| ch.len_utf8())
                        .unwrap_or(1)
            };
        }
        if pos.is_empty() {
            pos.push(-1);
            lens.push(-1);
            rows.push(cap_row(s, None, ng));
        }
        let mut v = Value::ints(pos);
        match_attrs(&mut v, lens, ascii);
        if o.perl {
            capture_attrs(&mut v, re, &rows);
        }
        out.push(v);
    }
    Ok(Value::list(out))
}

fn regexec(interp: &mut Interp, m: Matched) -> EvalResult {
    let o = opts(interp, &m, "ignore.case");
    let pat = pattern_of(interp, m.get("pattern"))?;
    let x = as_char_vec(m.req("text")?);
    let re = match &pat {
        Some(p) => Some(compile_in(interp, p, o.fixed, o.perl, o.ignore_case)?),
        None => None,
    };
    let ascii = pat.as_deref().map(|p| all_ascii(p, &x)).unwrap_or(true);
    let mut out = Vec::with_capacity(x.len());
    for s in x.iter() {
        let (Some(s), Some(re)) = (s.as_deref(), &re) else {
            let mut v = Value::ints(vec![NA_INT]);
            match_attrs(&mut v, vec![NA_INT], ascii);
            out.push(v);
            continue;
        };
        let (pos, lens) = match re.captures(s) {
            Some(c) => {
                let mut pos = Vec::new();
                let mut lens = Vec::new();
                for g in 0..re.captures_len() {
                    match c.get(g) {
                        Some(m) => {
                            pos.push(char_pos(s, m.start()) as i32 + 1);
                            lens.push(m.as_str().chars().count() as i32);
                        }
                        None => {
                            pos.push(0);
                            lens.push(0);
                        }
                    }
                }
                (pos, lens)
            }
            None => (vec![-1], vec![-1]),
        };
        let mut v = Value::ints(pos);
        match_attrs(&mut v, lens, ascii);
        out.push(v);
    }
    Ok(Value::list(out))
}

/// Substring by 1-based character position and character length.
fn char_sub(s: &str, start: i32, len: i32) -> String {
    s.chars()
        .skip((start - 1).max(0) as usize)
        .take(len.max(0) as usize)
        .collect()
}

/// The pieces of `s` between the given matches (for `invert = TRUE`).
fn between(s: &str, pos: &[i32], lens: &[i32]) -> Vec<RStr> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut cur = 0usize;
    for (&p, &l) in pos.iter().zip(lens) {
        if p < 1 {
            continue;
        }
        let st = (p - 1) as usize;
        out.push(Some(Rc::from(
            chars[cur.min(chars.len())..st.min(chars.len())]
                .iter()
                .collect::<String>()
                .as_str(),
        )));
        cur = st + l.max(0) as usize;
    }
    out.push(Some(Rc::from(
        chars[cur.min(chars.len())..]
            .iter()
            .collect::<String>()
            .as_str(),
    )));
    out
}

fn regmatches(_interp: &mut Interp, m: Matched) -> EvalResult {
    let xv = m.req("x")?.clone();
    let x = as_char_vec(&xv);
    let mv = m.req("m")?.clone();
    let invert = flag(&m, "invert", false);
    let get_ml = |v: &Value| -> Rc<Vec<i32>> {
        v.get_attr("match.length")
            .map(|l| l.int_vec())
            .unwrap_or_default()
    };
    if let Some(Data::List(items)) = mv.data() {
        if items.len() != x.len() {
            return crate::error::err("'x' and 'm' must have the same length");
        }
        let mut out = Vec::with_capacity(x.len());
        for (s, mi) in x.iter().zip(items.iter()) {
            let pos = mi.int_vec();
            let lens = get_ml(mi);
            let Some(s) = s.as_deref() else {
                out.push(Value::strs(if invert { vec![None] } else { vec![] }));
                continue;
            };
            if invert {
                out.push(Value::strs(between(s, &pos, &lens)));
                continue;
            }
            let v: Vec<RStr> = pos
                .iter()
                .zip(lens.iter())
                .filter(|(&p, _)| p != NA_INT && p > 0)
                .map(|(&p, &l)| Some(Rc::from(char_sub(s, p, l).as_str())))
                .collect();
            out.push(Value::strs(v));
        }
        let mut res = Value::list(out);
        with_names_of(&mut res, &xv);
        return Ok(res);
    }
    let pos = mv.int_vec();
    let lens = get_ml(&mv);
    if pos.len() != x.len() {
        return crate::error::err("'x' and 'm' must have the same length");
    }
    if invert {
        let out: Vec<Value> = x
            .iter()
            .enumerate()
            .map(|(i, s)| match s.as_deref() {
                Some(s) => Value::strs(between(s, &pos[i..=i], &lens[i..=i])),
                None => Value::strs(vec![None]),
            })
            .collect();
        let mut res = Value::list(out);
        with_names_of(&mut res, &xv);
        return Ok(res);
    }
    let names = xv.names();
    let mut out = Vec::new();
    let mut nm = Vec::new();
    for i in 0..x.len() {
        let (Some(s), p) = (x[i].as_deref(), pos[i]) else {
            continue;
        };
        if p == NA_INT || p < 1 {
            continue;
        }
        out.push(Some(Rc::from(
            char_sub(s, p, lens.get(i).copied().unwrap_or(0)).as_str(),
        )));
        if let Some(n) = &names {
            nm.push(n[i].clone());
        }
    }
    let mut res = Value::strs(out);
    if names.is_some() {
        set_names(&mut res, nm);
    }
    Ok(res)
}

#[cfg(test)]
#[path = "regex_tests.rs"]
mod tests;
