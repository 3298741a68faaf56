//! The `format()` family: `format`, `formatC`, `prettyNum`, `toString`.

use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::print::factor::factor_labels;
use crate::print::num::{
    encode_real_trim, insert_big_mark, int_str, lgl_str, pad_centre, pad_left, pad_right,
    real_format_na, sci_string, str_width,
};
use crate::syntax::sym::Sym;
use crate::value::coerce::num_to_string;
use crate::value::{is_na_real, Data, RStr, Value};
use std::rc::Rc;

/// The builtins of this family.
pub const BUILTINS: &[Builtin] = &[
    eager("format", format_fn),
    eager("format.default", format_fn),
    declared("formatC", format_c_fn),
    declared("prettyNum", pretty_num_fn),
    declared("toString", to_string_fn),
    declared("zapsmall", zapsmall_fn),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("zapsmall", "zapsmall(x, digits = getOption(\"digits\"))",
            "Rounds the values of x so that those close to zero (relative to the largest absolute value) become \
             zero: round(x, digits - log10(max(abs(x))))."),
        doc("format",
            "format(x, trim = FALSE, digits = NULL, nsmall = 0L, justify = c(\"left\", \"right\", \"centre\", \
             \"none\"), width = NULL, na.encode = TRUE, scientific = NA, big.mark = \"\", ...)",
            "Formats the elements of x as strings of a common width, using the same rules as printing: numbers \
             get a shared number of significant digits (digits), at least nsmall decimals, and optional thousands \
             separators (big.mark). Strings are padded according to justify. Data frames and lists are formatted \
             column by column."),
        doc("format.default",
            "format.default(x, trim = FALSE, digits = NULL, nsmall = 0L, justify = c(\"left\", \"right\", \
             \"centre\", \"none\"), width = NULL, na.encode = TRUE, scientific = NA, big.mark = \"\", ...)",
            "The default method of format, for atomic vectors; see format for the arguments."),
        doc("formatC",
            "formatC(x, width = 0L, digits = NULL, format = NULL, flag = \"\", mode = NULL, big.mark = \"\", ...)",
            "Formats each number separately in C style: format is one of \"d\", \"f\", \"e\", \"E\", \"g\", \"G\" \
             or \"s\", digits the precision, width the minimum field width, and flag characters such as \"0\", \
             \"-\" or \" \" adjust padding. Returns a character vector."),
        doc("prettyNum", "prettyNum(x, big.mark = \"\", ...)",
            "Formats numbers (or number strings) and inserts big.mark as a thousands separator."),
        doc("toString", "toString(x, ...)", "Joins the elements of x into one string separated by \", \"."),
    ]
};

fn opt_str(v: Option<&Value>) -> Option<String> {
    v.and_then(|x| x.as_string())
}
fn opt_usize(v: Option<&Value>) -> Option<usize> {
    v.and_then(|x| x.as_f64())
        .filter(|x| x.is_finite() && *x >= 0.0)
        .map(|x| x as usize)
}
fn opt_bool(v: Option<&Value>, default: bool) -> bool {
    v.and_then(|x| x.as_bool()).flatten().unwrap_or(default)
}

/// Copies names, dim and dimnames of `from` onto a result.
fn keep_shape(mut out: Value, from: &Value) -> Value {
    for k in ["names", "dim", "dimnames"] {
        if let Some(a) = from.get_attr(k) {
            out.set_attr(Sym::new(k), a.clone());
        }
    }
    out
}

fn justify_all(v: Vec<RStr>, how: &str, width: usize) -> Vec<RStr> {
    if how == "none" {
        return v;
    }
    let w = v
        .iter()
        .map(|s| s.as_deref().map(str_width).unwrap_or(2))
        .max()
        .unwrap_or(0)
        .max(width);
    v.into_iter()
        .map(|s| {
            s.map(|s| {
                let t = match how {
                    "right" => pad_left(&s, w),
                    "centre" => pad_centre(&s, w),
                    _ => pad_right(&s, w),
                };
                Rc::from(t)
            })
        })
        .collect()
}

/// Formats doubles as `format()` does (common format unless `trim`).
pub fn format_doubles(
    x: &[f64],
    digits: usize,
    nsmall: usize,
    scipen: i32,
    trim: bool,
    width: usize,
    big_mark: &str,
) -> Vec<String> {
    let f = real_format_na(x, digits, nsmall, scipen, 2);
    let mut v: Vec<String> = x.iter().map(|&y| encode_real_trim(y, &f, "NA")).collect();
    if !big_mark.is_empty() {
        v = v.iter().map(|s| insert_big_mark(s, big_mark)).collect();
    }
    if trim {
        return v;
    }
    let w = v.iter().map(|s| str_width(s)).max().unwrap_or(0).max(width);
    v.iter().map(|s| pad_left(s, w)).collect()
}

/// `format(x, trim, digits, nsmall, justify, width, na.encode, scientific, big.mark, ...)`.
fn format_fn(_it: &mut Interp, args: Args) -> EvalResult {
    if let Some(r) = crate::builtins::base::frames::format_df_args(_it, &args, format_fn) {
        return r;
    }
    let m = args.matched(&[
        "x",
        "trim",
        "digits",
        "nsmall",
        "justify",
        "width",
        "na.encode",
        "scientific",
        "big.mark",
        "drop0trailing",
        "...",
    ])?;
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let drop0 = opt_bool(m.get("drop0trailing"), false);
    let trim = opt_bool(m.get("trim"), false);
    let digits = opt_usize(m.get("digits")).unwrap_or(7).clamp(1, 22);
    let nsmall = opt_usize(m.get("nsmall")).unwrap_or(0).min(20);
    let justify = opt_str(m.get("justify")).unwrap_or_else(|| "left".into());
    let justify = ["left", "right", "centre", "none"]
        .iter()
        .find(|j| j.starts_with(justify.as_str()))
        .copied()
        .unwrap_or("left");
    let width = opt_usize(m.get("width")).unwrap_or(0);
    crate::value::alloc::check_string(width as f64)?;
    let na_encode = opt_bool(m.get("na.encode"), true);
    let scipen = match m.get("scientific") {
        Some(v) if matches!(v.data(), Some(Data::Lgl(_))) => match v.as_bool().flatten() {
            Some(true) => -100,
            Some(false) => 100,
            None => 0,
        },
        Some(v) => v.as_f64().map(|x| x as i32).unwrap_or(0),
        None => 0,
    };
    let big_mark = opt_str(m.get("big.mark")).unwrap_or_default();
    if x.is_factor() {
        let s = justify_all(factor_labels(&x), justify, width);
        let s = s
            .into_iter()
            .map(|e| e.or_else(|| Some(Rc::from("NA"))))
            .collect();
        return Ok(keep_shape(Value::strs(s), &x));
    }
    let Some(d) = x.data() else {
        return match x {
            Value::Null => Ok(Value::strs(vec![])),
            _ => err("format() of this kind of value is not supported"),
        };
    };
    let out: Vec<RStr> = match d {
        Data::Dbl(v) => {
            let f = format_doubles(v, digits, nsmall, scipen, trim, width, &big_mark);
            // prettyNum(drop0trailing = TRUE) works on the padded strings, without re-padding
            f.into_iter()
                .map(|s| {
                    Some(Rc::from(if drop0 {
                        crate::print::summary::drop0trailing(&s)
                    } else {
                        s
                    }))
                })
                .collect()
        }
        Data::Int(v) => {
            let s: Vec<String> = v
                .iter()
                .map(|&i| insert_big_mark(&int_str(i, "NA"), &big_mark))
                .collect();
            pad_all(s, trim, width)
        }
        Data::Lgl(v) => pad_all(v.iter().map(|&b| lgl_str(b, "NA")).collect(), trim, width),
        Data::Raw(v) => pad_all(v.iter().map(|b| format!("{b:02x}")).collect(), trim, width),
        Data::Cplx(v) => {
            use crate::value::complex::{cplx_format, encode_cplx};
            let f = cplx_format(v, digits, nsmall, scipen);
            let s: Vec<String> = v
                .iter()
                .map(|&z| {
                    let e = encode_cplx(z, &f, digits, "NA");
                    if trim {
                        e.trim_start().to_string()
                    } else {
                        e
                    }
                })
                .collect();
            pad_all(s, trim, width)
        }
        Data::Str(v) => {
            let enc: Vec<RStr> = v
                .iter()
                .map(|s| match s {
                    Some(s) => Some(s.clone()),
                    None if na_encode => Some(Rc::from("NA")),
                    None => None,
                })
                .collect();
            justify_all(enc, justify, width)
        }
        Data::List(items) => items
            .iter()
            .map(|e| {
                let s = match e.data() {
                    Some(Data::Dbl(v)) if v.len() == 1 => {
                        format_doubles(v, digits, nsmall, scipen, true, 0, "")
                    }
                    Some(d) => d
                        .to_str()
                        .iter()
                        .map(|s| s.as_deref().unwrap_or("NA").to_string())
                        .collect(),
                    None => vec!["NULL".to_string()],
                };
                Some(Rc::from(s.join(", ")))
            })
            .collect(),
    };
    Ok(keep_shape(Value::strs(out), &x))
}

fn pad_all(s: Vec<String>, trim: bool, width: usize) -> Vec<RStr> {
    let w = if trim {
        0
    } else {
        s.iter().map(|x| x.len()).max().unwrap_or(0).max(width)
    };
    s.iter().map(|x| Some(Rc::from(pad_left(x, w)))).collect()
}

/// Flags of a C format conversion.
#[derive(Default, Clone, Copy)]
struct Flags {
    minus: bool,
    zero: bool,
    space: bool,
    plus: bool,
    alt: bool,
}

/// `%g` as C's printf writes it (precision `p` significant digits).
fn c_g(x: f64, p: usize, alt: bool, upper: bool) -> String {
    let p = p.max(1);
    if x == 0.0 {
        return if alt {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".into()
        };
    }
    let e = sci_string(x, p - 1, false);
    let ex: i32 = e
        .rsplit_once('e')
        .and_then(|(_, x)| x.parse().ok())
        .unwrap_or(0);
    let s = if ex < -4 || ex >= p as i32 {
        let s = sci_string(x, p - 1, upper);
        if alt {
            s
        } else {
            let mark = if upper { 'E' } else { 'e' };
            match s.split_once(mark) {
                Some((m, t)) if m.contains('.') => {
                    format!(
                        "{}{}{}",
                        m.trim_end_matches('0').trim_end_matches('.'),
                        mark,
                        t
                    )
                }
                _ => s,
            }
        }
    } else {
        let s = format!("{:.*}", (p as i32 - 1 - ex).max(0) as usize, x);
        if alt || !s.contains('.') {
            s
        } else {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    s
}

/// One number in C printf style: conversion `conv` (d f e E g G), width, precision, flags.
fn c_num(x: f64, conv: char, width: usize, prec: Option<usize>, fl: Flags) -> String {
    if is_na_real(x) {
        return pad_left("NA", width);
    }
    if x.is_nan() || x.is_infinite() {
        let s = if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "Inf"
        } else {
            "-Inf"
        };
        return if fl.minus {
            pad_right(s, width)
        } else {
            pad_left(s, width)
        };
    }
    let neg = x < 0.0 || (x == 0.0 && x.is_sign_negative() && conv != 'd');
    let a = x.abs();
    let body = match conv {
        // R 4.2 stores doubles as integer for "d": the fraction is truncated.
        'd' => format!("{:.0}", a.trunc()),
        'F' => fixed_significant(a, prec.unwrap_or(6), fl.alt),
        'f' => format!("{:.*}", prec.unwrap_or(6), a),
        'e' | 'E' => sci_string(a, prec.unwrap_or(6), conv == 'E'),
        _ => c_g(a, prec.unwrap_or(6), fl.alt, conv == 'G'),
    };
    let sign = if neg {
        "-"
    } else if fl.plus {
        "+"
    } else if fl.space {
        " "
    } else {
        ""
    };
    let len = sign.len() + body.len();
    if len >= width {
        format!("{}{}", sign, body)
    } else if fl.minus {
        format!("{}{}{}", sign, body, " ".repeat(width - len))
    } else if fl.zero {
        format!("{}{}{}", sign, "0".repeat(width - len), body)
    } else {
        format!("{}{}{}", " ".repeat(width - len), sign, body)
    }
}

/// `formatC(format = "fg")`: `digits` significant digits in fixed notation, trailing zeros
/// dropped unless the `#` flag is given.
fn fixed_significant(a: f64, digits: usize, keep_zeros: bool) -> String {
    let digits = digits.max(1);
    if a == 0.0 {
        return "0".into();
    }
    let e = format!("{:.*e}", digits - 1, a);
    let e10: i64 = e
        .rsplit('e')
        .next()
        .and_then(|x| x.parse().ok())
        .unwrap_or(0);
    let rgt = (digits as i64 - 1 - e10).max(0) as usize;
    let s = format!("{:.*}", rgt, a);
    if keep_zeros || !s.contains('.') {
        s
    } else {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// `formatC(x, width, digits, format, flag, mode, big.mark)`.
fn format_c_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let w = m.get("width").and_then(|v| v.as_f64()).unwrap_or(0.0);
    crate::value::alloc::check_string(w.abs())?;
    let digits = opt_usize(m.get("digits"));
    crate::value::alloc::check_string(digits.unwrap_or(0) as f64)?;
    let flag = opt_str(m.get("flag")).unwrap_or_default();
    let big_mark = opt_str(m.get("big.mark")).unwrap_or_default();
    let mut fl = Flags::default();
    for c in flag.chars() {
        match c {
            '-' => fl.minus = true,
            '0' => fl.zero = true,
            ' ' => fl.space = true,
            '+' => fl.plus = true,
            '#' => fl.alt = true,
            _ => {}
        }
    }
    if w < 0.0 {
        fl.minus = true;
    }
    let mut width = w.abs() as usize;
    let Some(d) = x
        .data()
        .filter(|d| !matches!(d, Data::Lgl(_) | Data::List(_)))
    else {
        return err("unsupported type ");
    };
    let mode_str = matches!(d, Data::Str(_));
    let format = opt_str(m.get("format")).unwrap_or_else(|| {
        match d {
            Data::Str(_) => "s",
            Data::Int(_) | Data::Lgl(_) => "d",
            _ => "g",
        }
        .into()
    });
    let out: Vec<RStr> = if mode_str || format == "s" {
        x.str_vec()
            .iter()
            .map(|s| {
                let s = s.as_deref().unwrap_or("NA");
                Some(Rc::from(if fl.minus {
                    pad_right(s, width)
                } else {
                    pad_left(s, width)
                }))
            })
            .collect()
    } else {
        let conv = if format == "fg" {
            'F'
        } else {
            format.chars().next().unwrap_or('g')
        };
        if m.get("width").is_none() {
            if let Some(d) = digits {
                // R pads numbers to digits + 1 characters when digits but no width is given.
                width = d + 1;
            } else if conv == 'F' {
                width = 1;
            }
        }
        if !"dfeEgGF".contains(conv) {
            return err("'format' must be one of {\"f\",\"e\",\"E\",\"g\",\"G\", \"fg\", \"s\"}");
        }
        let is_int = matches!(d, Data::Int(_) | Data::Lgl(_));
        let prec = if conv == 'd' {
            None
        } else {
            Some(digits.unwrap_or(if is_int { 6 } else { 4 }))
        };
        let prec = if digits.is_none() && is_int && conv != 'd' {
            None
        } else {
            prec
        };
        x.dbl_vec()
            .iter()
            .map(|&v| {
                let s = c_num(
                    v,
                    conv,
                    if big_mark.is_empty() { width } else { 0 },
                    prec,
                    fl,
                );
                if big_mark.is_empty() {
                    Some(Rc::from(s))
                } else {
                    let s = insert_big_mark(&s, &big_mark);
                    Some(Rc::from(if fl.minus {
                        pad_right(&s, width)
                    } else {
                        pad_left(&s, width)
                    }))
                }
            })
            .collect()
    };
    Ok(keep_shape(Value::strs(out), &x))
}

/// `prettyNum(x, big.mark)`: each number formatted alone, then digit grouping.
fn pretty_num_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let big_mark = opt_str(m.get("big.mark")).unwrap_or_default();
    let out: Vec<RStr> = match x.data() {
        Some(Data::Str(v)) => v
            .iter()
            .map(|s| s.as_ref().map(|s| Rc::from(insert_big_mark(s, &big_mark))))
            .collect(),
        Some(Data::Dbl(v)) => v
            .iter()
            .map(|&y| {
                Some(Rc::from(insert_big_mark(
                    &crate::print::num::cat_num(y),
                    &big_mark,
                )))
            })
            .collect(),
        Some(d) => d
            .to_str()
            .iter()
            .map(|s| {
                Some(Rc::from(insert_big_mark(
                    s.as_deref().unwrap_or("NA"),
                    &big_mark,
                )))
            })
            .collect(),
        None => vec![],
    };
    Ok(keep_shape(Value::strs(out), &x))
}

/// `toString(x)`: elements as `as.character` writes them, joined by `", "`.
fn to_string_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let parts: Vec<String> = if x.is_factor() {
        factor_labels(&x)
            .iter()
            .map(|s| s.as_deref().unwrap_or("NA").to_string())
            .collect()
    } else {
        match x.data() {
            Some(Data::Dbl(v)) => v.iter().map(|&y| num_to_string(y)).collect(),
            Some(d) => d
                .to_str()
                .iter()
                .map(|s| s.as_deref().unwrap_or("NA").to_string())
                .collect(),
            None => vec![],
        }
    };
    let joined = parts.join(", ");
    let width = m.dots.iter().find(|(n, _)| n.is_some_and(|n| n.as_str() == "width")).and_then(|(_, v)| v.as_f64());
    if let Some(w) = width.filter(|w| *w > 0.0) {
        // R's toString cuts a longer result to width - 4 characters and appends "...."
        if joined.chars().count() > w as usize {
            let cut: String = joined.chars().take((w as usize).max(6) - 4).collect();
            return Ok(Value::str(&format!("{}....", cut)));
        }
    }
    Ok(Value::str(&joined))
}

/// `zapsmall(x, digits)`: `round(x, max(0, digits - log10(max(abs(x)))))`.
fn zapsmall_fn(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let digits = match m.get("digits") {
        Some(v) => v.as_f64().filter(|d| !d.is_nan()).ok_or_else(|| {
            crate::error::Flow::from(crate::error::RError::runtime("invalid 'digits'"))
        })?,
        None => it
            .options
            .iter()
            .find(|(k, _)| k == "digits")
            .and_then(|(_, v)| v.as_f64())
            .unwrap_or(7.0),
    };
    // digits kept: those of the largest absolute value (modulus, for complex numbers)
    let places = |mx: f64| if mx > 0.0 { (digits - mx.log10()).max(0.0) } else { digits };
    let round = crate::stats::rmath::fround;
    let mut r = match x.data() {
        Some(Data::Dbl(v)) => {
            let mx = v.iter().filter(|y| !y.is_nan()).fold(f64::NAN, |m, y| m.max(y.abs()));
            if mx.is_nan() {
                return Ok(x);
            }
            let d = places(mx);
            Value::dbls(v.iter().map(|&y| round(y, d)).collect())
        }
        Some(Data::Cplx(v)) => {
            let ok = |z: &&crate::value::complex::C64| !z.re.is_nan() && !z.im.is_nan();
            let mx = v.iter().filter(ok).fold(f64::NAN, |m, z| m.max(z.norm()));
            if mx.is_nan() {
                return Ok(x);
            }
            let d = places(mx);
            let z = v.iter().map(|z| crate::value::complex::C64::new(round(z.re, d), round(z.im, d)));
            Value::cplxs(z.collect())
        }
        Some(Data::Int(_)) | Some(Data::Lgl(_)) => return Ok(x),
        _ => return err("non-numeric argument to mathematical function"),
    };
    if let Some(attrs) = x.attrs() {
        for (k, v) in attrs.iter() {
            r.set_attr(*k, v.clone());
        }
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::approx_constant)] // inputs such as 3.14159 are test data, not pi
    use super::*;
    use crate::value::NA_INT;

    fn call(
        f: fn(&mut Interp, Args) -> EvalResult,
        args: Vec<(Option<&str>, Value)>,
    ) -> Vec<String> {
        let mut it = crate::builtins::interp();
        let a = Args::new(
            args.into_iter()
                .map(|(n, v)| (n.map(Sym::new), v))
                .collect(),
        );
        match f(&mut it, a) {
            Ok(v) => v
                .str_vec()
                .iter()
                .map(|s| s.as_deref().unwrap_or("<NA>").to_string())
                .collect(),
            Err(_) => vec!["<error>".into()],
        }
    }
    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn format_numbers() {
        assert_eq!(
            call(
                format_fn,
                vec![
                    (None, Value::num(3.14159)),
                    (Some("nsmall"), Value::num(2.0))
                ]
            ),
            s(&["3.14159"])
        );
        assert_eq!(
            call(
                format_fn,
                vec![(None, Value::num(2.0)), (Some("nsmall"), Value::num(2.0))]
            ),
            s(&["2.00"])
        );
        assert_eq!(
            call(
                format_fn,
                vec![
                    (None, Value::num(1234567.891)),
                    (Some("big.mark"), Value::str(","))
                ]
            ),
            s(&["1,234,568"])
        );
        assert_eq!(
            call(format_fn, vec![(None, Value::dbls(vec![1.0, 10.0, 100.0]))]),
            s(&["  1", " 10", "100"])
        );
        assert_eq!(
            call(format_fn, vec![(None, Value::lgl(true))]),
            s(&["TRUE"])
        );
        assert_eq!(
            call(
                format_fn,
                vec![(None, Value::str("a")), (Some("width"), Value::num(5.0))]
            ),
            s(&["a    "])
        );
        assert_eq!(
            call(format_fn, vec![(None, Value::num(0.000012345))]),
            s(&["1.2345e-05"])
        );
        assert_eq!(
            call(
                format_fn,
                vec![
                    (None, Value::num(123.456)),
                    (Some("digits"), Value::num(2.0))
                ]
            ),
            s(&["123"])
        );
        assert_eq!(
            call(
                format_fn,
                vec![
                    (None, Value::dbls(vec![0.5, 10.0])),
                    (Some("nsmall"), Value::num(1.0))
                ]
            ),
            s(&[" 0.5", "10.0"])
        );
        assert_eq!(
            call(
                format_fn,
                vec![
                    (None, Value::num(0.1)),
                    (Some("scientific"), Value::lgl(true))
                ]
            ),
            s(&["1e-01"])
        );
        assert_eq!(
            call(format_fn, vec![(None, Value::lgls(vec![1, NA_INT]))]),
            s(&["TRUE", "  NA"])
        );
        assert_eq!(
            call(
                format_fn,
                vec![(
                    None,
                    Value::strs(vec![Some("a".into()), Some("bbb".into()), None])
                )]
            ),
            s(&["a  ", "bbb", "NA "])
        );
        assert_eq!(
            call(
                format_fn,
                vec![
                    (None, Value::strings(&["a", "bbb"])),
                    (Some("justify"), Value::str("centre"))
                ]
            ),
            s(&[" a ", "bbb"])
        );
        assert_eq!(
            call(
                format_fn,
                vec![
                    (None, Value::num(123456789.123)),
                    (Some("nsmall"), Value::num(2.0))
                ]
            ),
            s(&["123456789.12"])
        );
        assert_eq!(
            call(
                format_fn,
                vec![
                    (None, Value::dbls(vec![0.001, 0.0001])),
                    (Some("scientific"), Value::lgl(false))
                ]
            ),
            s(&["0.0010", "0.0001"])
        );
    }

    #[test]
    fn format_c() {
        let f = |v: Value, named: Vec<(&str, Value)>| {
            let mut a = vec![(None, v)];
            a.extend(named.into_iter().map(|(n, v)| (Some(n), v)));
            call(named!("formatC"), a)
        };
        assert_eq!(
            f(
                Value::num(3.14159),
                vec![("digits", Value::num(3.0)), ("format", Value::str("f"))]
            ),
            s(&["3.142"])
        );
        assert_eq!(
            f(
                Value::num(42.0),
                vec![("width", Value::num(8.0)), ("flag", Value::str("0"))]
            ),
            s(&["00000042"])
        );
        assert_eq!(
            f(
                Value::dbls(vec![1.0, 10.0, 100.0]),
                vec![("width", Value::num(5.0))]
            ),
            s(&["    1", "   10", "  100"])
        );
        assert_eq!(
            f(
                Value::num(0.000123),
                vec![("format", Value::str("e")), ("digits", Value::num(2.0))]
            ),
            s(&["1.23e-04"])
        );
        assert_eq!(
            f(
                Value::num(123456789.0),
                vec![("big.mark", Value::str(",")), ("format", Value::str("d"))]
            ),
            s(&["123,456,789"])
        );
        assert_eq!(
            f(Value::str("txt"), vec![("width", Value::num(-6.0))]),
            s(&["txt   "])
        );
        assert_eq!(f(Value::num(3.14159), vec![]), s(&["3.142"]));
        assert_eq!(
            f(Value::dbls(vec![1.5, 10.0, 100.25]), vec![]),
            s(&["1.5", "10", "100.2"])
        );
        assert_eq!(f(Value::num(123456.0), vec![]), s(&["1.235e+05"]));
        assert_eq!(
            f(Value::int(3), vec![("width", Value::num(5.0))]),
            s(&["    3"])
        );
        assert_eq!(
            f(Value::num(0.1), vec![("format", Value::str("f"))]),
            s(&["0.1000"])
        );
        assert_eq!(
            f(
                Value::num(-5.0),
                vec![("width", Value::num(6.0)), ("flag", Value::str("0"))]
            ),
            s(&["-00005"])
        );
        assert_eq!(
            f(
                Value::dbls(vec![-1.0, 1.0]),
                vec![("flag", Value::str("+"))]
            ),
            s(&["-1", "+1"])
        );
        assert_eq!(
            f(
                Value::num(123.456),
                vec![("format", Value::str("G")), ("digits", Value::num(2.0))]
            ),
            s(&["1.2E+02"])
        );
        assert_eq!(
            f(
                Value::num(3.14159),
                vec![("width", Value::num(10.0)), ("format", Value::str("e"))]
            ),
            s(&["3.1416e+00"])
        );
    }

    #[test]
    fn pretty_and_tostring() {
        assert_eq!(
            call(
                named!("prettyNum"),
                vec![
                    (None, Value::num(1234567.0)),
                    (Some("big.mark"), Value::str(","))
                ]
            ),
            s(&["1,234,567"])
        );
        assert_eq!(
            call(
                named!("prettyNum"),
                vec![
                    (None, Value::dbls(vec![123456.0, 1234.5678])),
                    (Some("big.mark"), Value::str(","))
                ]
            ),
            s(&["123,456", "1,234.568"])
        );
        assert_eq!(
            call(
                named!("toString"),
                vec![(None, Value::ints(vec![1, 2, 3, 4, 5]))]
            ),
            s(&["1, 2, 3, 4, 5"])
        );
    }
}
