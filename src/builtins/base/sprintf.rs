//! `sprintf` and `gettextf`: C-style formatting, vectorised over the format and arguments.

use crate::builtins::base::strings::as_char_vec;
use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::value::{is_na_real, Data, RStr, Value, NA_INT};
use std::rc::Rc;

/// The sprintf builtins.
pub const BUILTINS: &[Builtin] = &[declared("sprintf", sprintf), declared("gettextf", sprintf)];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("sprintf", "sprintf(fmt, ...)",
            "Formats values through C-style conversion specifications in fmt such as %d, %5.2f, %e, %g, %s and \
             %%, vectorised over all arguments. Returns a character vector."),
        doc("gettextf", "gettextf(fmt, ...)", "The same as sprintf (no translation is done), as used in messages."),
    ]
};

/// A width or precision: absent, given, or taken from an argument (`*`).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Num {
    None,
    Lit(usize),
    Star(usize),
}

/// One conversion specification.
#[derive(Clone, Debug)]
struct Spec {
    text: String,
    arg: usize,
    minus: bool,
    plus: bool,
    space: bool,
    zero: bool,
    alt: bool,
    width: Num,
    prec: Num,
    conv: char,
}

#[derive(Clone, Debug)]
enum Piece {
    Lit(String),
    Spec(Spec),
}

/// Parses a format; `next` is the running argument counter (0-based).
fn parse(fmt: &str) -> Result<(Vec<Piece>, usize), String> {
    let c: Vec<char> = fmt.chars().collect();
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut next = 0usize;
    let mut max_arg = 0usize;
    let mut i = 0;
    while i < c.len() {
        if c[i] != '%' {
            lit.push(c[i]);
            i += 1;
            continue;
        }
        if c.get(i + 1) == Some(&'%') {
            lit.push('%');
            i += 2;
            continue;
        }
        let start = i;
        i += 1;
        // optional n$
        let mut j = i;
        while j < c.len() && c[j].is_ascii_digit() {
            j += 1;
        }
        let mut pos_arg = None;
        if j > i && c.get(j) == Some(&'$') {
            let n: usize = c[i..j].iter().collect::<String>().parse().unwrap_or(1);
            pos_arg = Some(n.max(1) - 1);
            i = j + 1;
        }
        let mut s = Spec {
            text: String::new(),
            arg: 0,
            minus: false,
            plus: false,
            space: false,
            zero: false,
            alt: false,
            width: Num::None,
            prec: Num::None,
            conv: 's',
        };
        while i < c.len() && matches!(c[i], '-' | '+' | ' ' | '0' | '#') {
            match c[i] {
                '-' => s.minus = true,
                '+' => s.plus = true,
                ' ' => s.space = true,
                '0' => s.zero = true,
                _ => s.alt = true,
            }
            i += 1;
        }
        let read_num = |i: &mut usize, next: &mut usize| -> Num {
            if c.get(*i) == Some(&'*') {
                *i += 1;
                // `*n$`: the width or precision is argument n
                let st = *i;
                while *i < c.len() && c[*i].is_ascii_digit() {
                    *i += 1;
                }
                if *i > st && c.get(*i) == Some(&'$') {
                    let n: usize = c[st..*i].iter().collect::<String>().parse().unwrap_or(1);
                    *i += 1;
                    return Num::Star(n.max(1) - 1);
                }
                *i = st;
                let k = *next;
                *next += 1;
                return Num::Star(k);
            }
            let st = *i;
            while *i < c.len() && c[*i].is_ascii_digit() {
                *i += 1;
            }
            if *i > st {
                Num::Lit(c[st..*i].iter().collect::<String>().parse().unwrap_or(0))
            } else {
                Num::None
            }
        };
        s.width = read_num(&mut i, &mut next);
        if c.get(i) == Some(&'.') {
            i += 1;
            s.prec = read_num(&mut i, &mut next);
            if s.prec == Num::None {
                s.prec = Num::Lit(0);
            }
        }
        while i < c.len() && matches!(c[i], 'l' | 'h' | 'L' | 'q') {
            i += 1;
        }
        let Some(&conv) = c.get(i) else {
            return Err(format!(
                "unrecognised format specification '{}'",
                c[start..].iter().collect::<String>()
            ));
        };
        if !"dioxXfeEgGaAs".contains(conv) {
            return Err(format!(
                "unrecognised format specification '{}'",
                c[start..=i].iter().collect::<String>()
            ));
        }
        i += 1;
        s.conv = conv;
        s.text = c[start..i].iter().collect();
        s.arg = match pos_arg {
            Some(k) => k,
            None => {
                next += 1;
                next - 1
            }
        };
        for k in [
            Some(s.arg),
            if let Num::Star(k) = s.width {
                Some(k)
            } else {
                None
            },
            if let Num::Star(k) = s.prec {
                Some(k)
            } else {
                None
            },
        ]
        .into_iter()
        .flatten()
        {
            max_arg = max_arg.max(k + 1);
        }
        if !lit.is_empty() {
            out.push(Piece::Lit(std::mem::take(&mut lit)));
        }
        out.push(Piece::Spec(s));
    }
    if !lit.is_empty() {
        out.push(Piece::Lit(lit));
    }
    Ok((out, max_arg))
}

/// Pads `body` (already signed) to `width` with spaces, or zeros after the sign/prefix.
fn pad(body: String, width: usize, minus: bool, zero: bool) -> String {
    let len = body.len();
    if len >= width {
        return body;
    }
    let fill = width - len;
    if minus {
        format!("{}{}", body, " ".repeat(fill))
    } else if zero {
        let sign_len = if body.starts_with(['-', '+', ' ']) {
            1
        } else {
            0
        };
        let pre_len = if body[sign_len..].starts_with("0x") || body[sign_len..].starts_with("0X") {
            sign_len + 2
        } else {
            sign_len
        };
        format!(
            "{}{}{}",
            &body[..pre_len],
            "0".repeat(fill),
            &body[pre_len..]
        )
    } else {
        format!("{}{}", " ".repeat(fill), body)
    }
}

/// `%e` body of a finite non-negative number with `p` decimals (C style exponent).
fn fmt_e(x: f64, p: usize, upper: bool, alt: bool) -> String {
    let s = format!("{:.*e}", p, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let mut m = m.to_string();
    if alt && p == 0 {
        m.push('.');
    }
    let out = format!("{}e{}{:02}", m, if e < 0 { '-' } else { '+' }, e.abs());
    if upper {
        out.to_uppercase()
    } else {
        out
    }
}

/// `%g` body of a finite non-negative number with precision `p`.
fn fmt_g(x: f64, p: usize, upper: bool, alt: bool) -> String {
    let p = p.max(1);
    let exp = if x == 0.0 {
        0
    } else {
        let s = format!("{:.*e}", p - 1, x);
        s.split_once('e')
            .and_then(|(_, e)| e.parse::<i32>().ok())
            .unwrap_or(0)
    };
    let strip = |s: String| -> String {
        if alt || !s.contains('.') {
            return s;
        }
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    if exp < -4 || exp >= p as i32 {
        let s = fmt_e(x, p - 1, upper, alt);
        let (m, e) = s.split_at(s.find(['e', 'E']).unwrap_or(s.len()));
        format!("{}{}", strip(m.to_string()), e)
    } else {
        let mut s = format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x);
        if alt && !s.contains('.') {
            s.push('.');
        }
        strip(s)
    }
}

fn sign_of(neg: bool, s: &Spec) -> &'static str {
    if neg {
        "-"
    } else if s.plus {
        "+"
    } else if s.space {
        " "
    } else {
        ""
    }
}

/// Formats a double for a floating conversion.
fn fmt_float(x: f64, s: &Spec, prec: Option<usize>, width: usize) -> String {
    if !x.is_finite() {
        let body = if x.is_nan() {
            "NaN".to_string()
        } else {
            format!("{}Inf", sign_of(x < 0.0, s))
        };
        return pad(body, width, s.minus, false);
    }
    let neg = x.is_sign_negative();
    let a = x.abs();
    let p = prec.unwrap_or(6);
    let body = match s.conv {
        'f' => {
            let mut b = format!("{:.*}", p, a);
            if s.alt && p == 0 {
                b.push('.');
            }
            b
        }
        'e' | 'E' => fmt_e(a, p, s.conv == 'E', s.alt),
        'a' | 'A' => {
            let b = fmt_e(a, prec.unwrap_or(13), false, s.alt);
            if s.conv == 'A' {
                b.to_uppercase()
            } else {
                b
            }
        }
        _ => fmt_g(a, if prec == Some(0) { 1 } else { p }, s.conv == 'G', s.alt),
    };
    pad(
        format!("{}{}", sign_of(neg, s), body),
        width,
        s.minus,
        s.zero,
    )
}

/// Formats an integer for `%d %i %o %x %X`.
fn fmt_int(v: i64, s: &Spec, prec: Option<usize>, width: usize) -> String {
    let a = v.unsigned_abs();
    let mut digits = match s.conv {
        'o' => format!("{:o}", a),
        'x' => format!("{:x}", a),
        'X' => format!("{:X}", a),
        _ => a.to_string(),
    };
    if let Some(p) = prec {
        if digits.len() < p {
            digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
        }
        if p == 0 && a == 0 {
            digits.clear();
        }
    }
    if s.alt && a != 0 {
        match s.conv {
            'o' if !digits.starts_with('0') => digits.insert(0, '0'),
            'x' => digits.insert_str(0, "0x"),
            'X' => digits.insert_str(0, "0X"),
            _ => {}
        }
    }
    let sign = if matches!(s.conv, 'd' | 'i') {
        sign_of(v < 0, s)
    } else {
        ""
    };
    pad(
        format!("{}{}", sign, digits),
        width,
        s.minus,
        s.zero && prec.is_none(),
    )
}

/// Pads a string to a width counted in bytes (as C does), truncating at `prec` bytes
/// without splitting a character.
fn fmt_str(x: &str, s: &Spec, prec: Option<usize>, width: usize) -> String {
    let mut t = x;
    if let Some(p) = prec {
        if t.len() > p {
            let mut cut = p;
            while !t.is_char_boundary(cut) {
                cut -= 1;
            }
            t = &t[..cut];
        }
    }
    pad(t.to_string(), width, s.minus, false)
}

/// One element of an argument.
fn elem(d: &Data, i: usize) -> Data {
    d.select(&[Some(i % d.len())])
}

fn star(args: &[Data], k: usize, i: usize) -> EvalResult<Option<i64>> {
    let Some(d) = args.get(k) else {
        return err("too few arguments");
    };
    let v = elem(d, i).to_int()[0];
    if v == NA_INT {
        return err("argument for '*' conversion specification must be a number");
    }
    Ok(Some(v as i64))
}

/// Formats one conversion of element `i`.
fn format_spec(s: &Spec, args: &[Data], i: usize) -> EvalResult<String> {
    let mut minus = s.minus;
    let width = match s.width {
        Num::None => 0,
        Num::Lit(w) => w,
        Num::Star(k) => {
            let w = star(args, k, i)?.unwrap_or(0);
            if w < 0 {
                minus = true;
            }
            w.unsigned_abs() as usize
        }
    };
    let prec = match s.prec {
        Num::None => None,
        Num::Lit(p) => Some(p),
        Num::Star(k) => star(args, k, i)?.and_then(|p| if p < 0 { None } else { Some(p as usize) }),
    };
    // R formats each conversion into a buffer of 8192 bytes
    for n in [Some(width), prec].into_iter().flatten() {
        if n > 8192 {
            return err(format!(
                "required resulting string length {} is greater than maximal 8192",
                n
            ));
        }
    }
    let spec = Spec { minus, ..s.clone() };
    let s = &spec;
    let Some(d) = args.get(s.arg) else {
        return err("too few arguments");
    };
    let e = elem(d, i);
    let is_na = match &e {
        Data::Dbl(v) => is_na_real(v[0]),
        _ => e.is_na(0),
    };
    if is_na {
        return Ok(pad("NA".to_string(), width, s.minus, false));
    }
    match (s.conv, &e) {
        ('s', _) => {
            let st = e.to_str()[0].as_deref().unwrap_or("NA").to_string();
            Ok(fmt_str(&st, s, prec, width))
        }
        (_, Data::Str(_)) => err(format!(
            "invalid format '{}'; use format %s for character objects",
            s.text
        )),
        (_, Data::List(_)) => err("unsupported type"),
        ('d' | 'i' | 'o' | 'x' | 'X', Data::Dbl(v)) => {
            let x = v[0];
            if x.is_finite() && x == x.trunc() && x.abs() < 2147483648.0 {
                Ok(fmt_int(x as i64, s, prec, width))
            } else {
                err(format!(
                    "invalid format '{}'; use format %f, %e, %g or %a for numeric objects",
                    s.text
                ))
            }
        }
        ('d' | 'i' | 'o' | 'x' | 'X', _) => Ok(fmt_int(e.to_int()[0] as i64, s, prec, width)),
        (_, _) => Ok(fmt_float(e.to_dbl()[0], s, prec, width)),
    }
}

fn sprintf(interp: &mut Interp, m: Matched) -> EvalResult {
    let fmt_v = m.req("fmt")?;
    if !matches!(fmt_v.data(), Some(Data::Str(_))) {
        return err("'fmt' is not a character vector");
    }
    let fmts = fmt_v.str_vec();
    let mut vals: Vec<Data> = Vec::with_capacity(m.dots.len());
    for (_, v) in &m.dots {
        if v.is_factor() {
            vals.push(Data::Str(as_char_vec(v)));
        } else {
            match v {
                Value::Null => vals.push(Data::Str(Rc::default())),
                Value::Vector(x) => vals.push(x.data.clone()),
                _ => return err("unsupported type"),
            }
        }
    }
    if fmts.is_empty() || vals.iter().any(|d| d.is_empty()) {
        return Ok(Value::strs(vec![]));
    }
    let n = vals
        .iter()
        .map(|d| d.len())
        .chain(std::iter::once(fmts.len()))
        .max()
        .unwrap_or(0);
    let mut parsed: Vec<Option<(Vec<Piece>, usize)>> = Vec::with_capacity(fmts.len());
    let mut used = 0usize;
    for f in fmts.iter() {
        match f.as_deref() {
            None => parsed.push(None),
            Some(f) => {
                let p = parse(f).or_else(err)?;
                used = used.max(p.1);
                parsed.push(Some(p));
            }
        }
    }
    if used < vals.len() {
        let k = vals.len() - used;
        let shown = fmts
            .first()
            .cloned()
            .flatten()
            .map(|s| s.to_string())
            .unwrap_or_else(|| "NA".into());
        if k == 1 {
            interp.warning(format!("one argument not used by format '{}'", shown));
        } else {
            interp.warning(format!("{} arguments not used by format '{}'", k, shown));
        }
    }
    let mut out: Vec<RStr> = Vec::with_capacity(n);
    for i in 0..n {
        let Some((pieces, _)) = &parsed[i % parsed.len()] else {
            out.push(Some(Rc::from("NA")));
            continue;
        };
        let mut s = String::new();
        for p in pieces {
            match p {
                Piece::Lit(l) => s.push_str(l),
                Piece::Spec(sp) => s.push_str(&format_spec(sp, &vals, i)?),
            }
        }
        out.push(Some(Rc::from(s.as_str())));
    }
    Ok(Value::strs(out))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::approx_constant)] // inputs such as 3.14159 are test data, not pi
    use super::*;
    use crate::builtins::Args;
    use crate::value::na_real;

    fn sp(args: Vec<Value>) -> Vec<String> {
        let mut it = crate::builtins::interp();
        match (named!("sprintf"))(&mut it, Args::positional(args)) {
            Ok(v) => v
                .str_vec()
                .iter()
                .map(|s| s.as_deref().unwrap_or("<NA>").to_string())
                .collect(),
            Err(crate::error::Flow::Error(e)) => vec![format!("ERR {}", e.message)],
            Err(_) => vec!["ERR".into()],
        }
    }
    fn f1(fmt: &str, v: Value) -> String {
        sp(vec![Value::str(fmt), v]).join("|")
    }
    fn d(x: f64) -> Value {
        Value::num(x)
    }

    #[test]
    fn floats() {
        assert_eq!(f1("%5.2f", d(3.14159)), " 3.14");
        assert_eq!(
            sp(vec![
                Value::str("%5.2f"),
                Value::dbls(vec![1.0, 22.333, 333.4444])
            ]),
            vec![" 1.00", "22.33", "333.44"]
        );
        assert_eq!(f1("%.2f", d(2.675)), "2.67");
        assert_eq!(f1("%.0f", d(0.5)), "0");
        assert_eq!(f1("%.0f", d(2.5)), "2");
        assert_eq!(f1("%.0f", d(3.5)), "4");
        assert_eq!(f1("%+.3f", d(2.5)), "+2.500");
        assert_eq!(f1("%05.1f", d(-2.345)), "-02.3");
        assert_eq!(f1("%e", d(0.000123)), "1.230000e-04");
        assert_eq!(f1("%.2e", d(123456.0)), "1.23e+05");
        assert_eq!(f1("%e", d(0.0)), "0.000000e+00");
        assert_eq!(f1("%.0e", d(12345.0)), "1e+04");
        assert_eq!(f1("%g", d(123456789.0)), "1.23457e+08");
        assert_eq!(f1("%g", d(0.5)), "0.5");
        assert_eq!(f1("%g", d(1e-5)), "1e-05");
        assert_eq!(f1("%g", d(100000.0)), "100000");
        assert_eq!(f1("%g", d(1e6)), "1e+06");
        assert_eq!(f1("%g", d(0.0)), "0");
        assert_eq!(f1("%#g", d(1.0)), "1.00000");
        assert_eq!(f1("%G", d(1e-10)), "1E-10");
        assert_eq!(f1("%.10g", d(1.0 / 3.0)), "0.3333333333");
        assert_eq!(f1("%#.0f", d(3.0)), "3.");
        assert_eq!(
            sp(vec![
                Value::str("%5.1f|"),
                Value::dbls(vec![f64::INFINITY, f64::NEG_INFINITY, f64::NAN])
            ]),
            vec!["  Inf|", " -Inf|", "  NaN|"]
        );
        assert_eq!(f1("%+f", d(f64::INFINITY)), "+Inf");
        assert_eq!(f1("%.1f%%", d(12.345)), "12.3%");
        assert_eq!(f1("%5.2f%%", d(12.345)), "12.35%");
    }

    #[test]
    fn integers_strings() {
        assert_eq!(f1("%d items", Value::int(3)), "3 items");
        assert_eq!(
            sp(vec![Value::str("%d"), Value::ints(vec![1, 2, 3])]),
            vec!["1", "2", "3"]
        );
        assert_eq!(f1("%05d", Value::int(42)), "00042");
        assert_eq!(f1("%05d", Value::int(-42)), "-0042");
        assert_eq!(f1("%+d", Value::int(5)), "+5");
        assert_eq!(f1("% d", Value::int(5)), " 5");
        assert_eq!(f1("%#x", Value::int(255)), "0xff");
        assert_eq!(f1("%X", Value::int(255)), "FF");
        assert_eq!(f1("%o", Value::int(8)), "10");
        assert_eq!(f1("%.3d", Value::int(5)), "005");
        assert_eq!(f1("%3d|", Value::int(7)), "  7|");
        assert_eq!(f1("%d", d(3.0)), "3");
        assert_eq!(f1("%x", d(255.0)), "ff");
        assert_eq!(f1("%d", Value::lgl(true)), "1");
        assert_eq!(
            f1("%d", d(1.5)),
            "ERR invalid format '%d'; use format %f, %e, %g or %a for numeric objects"
        );
        assert_eq!(
            f1("%d", Value::str("a")),
            "ERR invalid format '%d'; use format %s for character objects"
        );
        assert_eq!(
            sp(vec![Value::str("%*d"), d(5.0), Value::int(42)]),
            vec!["   42"]
        );
        assert_eq!(
            sp(vec![Value::str("%-*d|"), d(5.0), Value::int(42)]),
            vec!["42   |"]
        );
        assert_eq!(
            sp(vec![
                Value::str("%2$s %1$s"),
                Value::str("a"),
                Value::str("b")
            ]),
            vec!["b a"]
        );
        assert_eq!(f1("%-8s|", Value::str("left")), "left    |");
        assert_eq!(f1("%8s|", Value::str("right")), "   right|");
        assert_eq!(f1("%.3s", Value::str("abcdef")), "abc");
        assert_eq!(f1("%5s|", Value::str("é")), "   é|");
        assert_eq!(f1("%.2s|", Value::str("éab")), "é|");
        assert_eq!(f1("%s", d(1.5)), "1.5");
        assert_eq!(f1("%s", d(1.0 / 3.0)), "0.333333333333333");
        assert_eq!(f1("%s", d(1e6)), "1e+06");
        assert_eq!(f1("%5s", Value::lgl(true)), " TRUE");
        assert_eq!(f1("%5d|", Value::lgl_na()), "   NA|");
        assert_eq!(f1("%05.1f|", Value::lgl_na()), "   NA|");
        assert_eq!(f1("%-5s|", Value::strs(vec![None])), "NA   |");
        assert_eq!(f1("%d", d(na_real())), "NA");
        assert_eq!(f1("%%", Value::Null), "");
        assert_eq!(sp(vec![Value::str("%%")]), vec!["%"]);
        assert_eq!(
            sp(vec![
                Value::str("%d: %s"),
                Value::ints(vec![1, 2, 3]),
                Value::strings(&["a", "b", "c"])
            ]),
            vec!["1: a", "2: b", "3: c"]
        );
        assert_eq!(
            sp(vec![
                Value::strings(&["%d a", "%d b"]),
                Value::ints(vec![1, 2, 3, 4])
            ]),
            vec!["1 a", "2 b", "3 a", "4 b"]
        );
        assert_eq!(
            sp(vec![
                Value::str("Name: %s, Age: %d, Score: %.1f"),
                Value::str("Ann"),
                Value::int(30),
                d(88.25)
            ]),
            vec!["Name: Ann, Age: 30, Score: 88.2"]
        );
        assert_eq!(sp(vec![Value::strs(vec![None]), d(1.0)]), vec!["NA"]);
        assert_eq!(sp(vec![Value::str("%s"), Value::strs(vec![])]).len(), 0);
    }
}
