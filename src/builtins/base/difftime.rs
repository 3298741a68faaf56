//! Time differences ("difftime": a number with `units`), and arithmetic and comparison on
//! dates, date-times and time differences (the evaluator's Ops hook).

use crate::builtins::base::dates::{is_ct, is_date, is_difftime, is_lt, keep_names, tzone, ConvOpts};
use crate::builtins::base::datetimes::to_secs;
use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::ast::BinOp;
use crate::syntax::sym::Sym;
use crate::value::{na_real, VType, Value};

pub const BUILTINS: &[Builtin] = &[
    declared("difftime", difftime),
    declared("as.difftime", as_difftime),
    declared("units", units),
    declared("units<-", set_units),
    declared("format.difftime", format_difftime_fn),
    declared("print.difftime", print_difftime),
    declared("as.double.difftime", as_double_difftime),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("difftime",
            "difftime(time1, time2, tz, units = c(\"auto\", \"secs\", \"mins\", \"hours\", \"days\", \"weeks\"))",
            "time1 - time2 as a \"difftime\": a number with units. \"auto\" picks the largest unit (up to days) \
             in which the smallest difference is at least one."),
        doc("as.difftime", "as.difftime(tim, format = \"%X\", units = \"auto\", tz = \"UTC\")",
            "Numbers with explicit units, or clock times read with format, as time differences."),
        doc("units", "units(x)", "The units of a time difference."),
        doc("units<-", "`units<-`(x, value)", "Converts a time difference to other units."),
        doc("format.difftime", "format.difftime(x, ...)", "Time differences as text with their units."),
        doc("print.difftime", "print.difftime(x, digits = getOption(\"digits\"), ...)",
            "Prints \"Time difference of ...\" (or \"Time differences in ...\" then the numbers)."),
        doc("as.double.difftime", "as.double.difftime(x, units = \"auto\", ...)",
            "The numbers of a time difference, in its units or the units asked for."),
    ]
};

/// Seconds in one of each unit.
pub fn unit_secs(u: &str) -> Option<f64> {
    Some(match u {
        "secs" => 1.0,
        "mins" => 60.0,
        "hours" => 3600.0,
        "days" => 86400.0,
        "weeks" => 604800.0,
        _ => return None,
    })
}

/// The unit R's "auto" picks for differences in seconds.
pub fn auto_units(secs: &[f64]) -> &'static str {
    let m = secs
        .iter()
        .filter(|x| !x.is_nan())
        .map(|x| x.abs())
        .fold(f64::INFINITY, f64::min);
    if !m.is_finite() || m < 60.0 {
        "secs"
    } else if m < 3600.0 {
        "mins"
    } else if m < 86400.0 {
        "hours"
    } else {
        "days"
    }
}

/// A difftime of `vals` in `units`.
pub fn make_difftime(vals: Vec<f64>, units: &str) -> Value {
    let mut v = Value::dbls(vals);
    v.set_attr(Sym::new("units"), Value::str(units));
    v.set_attr(Sym::new("class"), Value::str("difftime"));
    v
}

/// The units of a difftime ("days" when unset).
pub fn units_of(v: &Value) -> String {
    v.get_attr("units")
        .and_then(|u| u.as_string())
        .unwrap_or_else(|| "days".into())
}

/// A difftime's values in seconds.
pub fn difftime_secs(v: &Value) -> Vec<f64> {
    let k = unit_secs(&units_of(v)).unwrap_or(1.0);
    v.dbl_vec().iter().map(|x| x * k).collect()
}

/// Seconds since the epoch of a date, date-time or text (read in `tz`).
fn secs_of(it: &mut Interp, v: &Value, tz: Option<String>) -> EvalResult<Vec<f64>> {
    let o = ConvOpts {
        tz,
        ..Default::default()
    };
    Ok(to_secs(it, v, &o)?.0)
}

/// Differences in seconds as a difftime in `units` ("auto" chooses).
pub fn difftime_from_secs(d: Vec<f64>, units: &str) -> EvalResult {
    let u = if units == "auto" { auto_units(&d) } else { units };
    let Some(k) = unit_secs(u) else {
        return err("invalid units specified");
    };
    Ok(make_difftime(d.iter().map(|x| x / k).collect(), u))
}

fn units_arg(m: &Matched) -> String {
    m.get("units")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "auto".into())
}

fn difftime(it: &mut Interp, m: Matched) -> EvalResult {
    let t1 = m.req("time1")?.clone();
    let t2 = m.req("time2")?.clone();
    let tz = m.get("tz").and_then(|v| v.as_string());
    let a = secs_of(it, &t1, tz.clone())?;
    let b = secs_of(it, &t2, tz)?;
    let n = if a.is_empty() || b.is_empty() { 0 } else { a.len().max(b.len()) };
    let d: Vec<f64> = (0..n).map(|i| a[i % a.len()] - b[i % b.len()]).collect();
    let units = units_arg(&m);
    let units = match units.as_str() {
        "auto" | "secs" | "mins" | "hours" | "days" | "weeks" => units,
        _ => return err("invalid units specified"),
    };
    let d = d.into_iter().map(|x| if x.is_nan() { na_real() } else { x }).collect();
    difftime_from_secs(d, &units)
}

fn as_difftime(it: &mut Interp, m: Matched) -> EvalResult {
    let tim = m.req("tim")?.clone();
    let units = units_arg(&m);
    if matches!(tim.vtype(), Some(VType::Str)) {
        let fmt = m.get("format").and_then(|v| v.as_string()).unwrap_or_else(|| "%X".into());
        let o = ConvOpts {
            tz: Some("UTC".into()),
            format: Some(vec![fmt]),
            ..Default::default()
        };
        let (secs, _) = to_secs(it, &tim, &o)?;
        let today = crate::builtins::base::dates::today();
        let base = crate::stats::time::calendar::days_from_civil(today.0, today.1, today.2) as f64 * 86400.0;
        let d = secs.iter().map(|s| if s.is_nan() { na_real() } else { s - base }).collect();
        return difftime_from_secs(d, &units);
    }
    if units == "auto" {
        return err("need explicit units for numeric conversion");
    }
    if unit_secs(&units).is_none() {
        return err("invalid units specified");
    }
    Ok(keep_names(&tim, make_difftime(tim.dbl_vec().to_vec(), &units)))
}

fn units(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    Ok(x.get_attr("units").cloned().unwrap_or(Value::Null))
}

/// A difftime converted to `to` units.
pub fn convert_units(x: &Value, to: &str) -> EvalResult {
    let Some(k) = unit_secs(to) else {
        return err("invalid units specified");
    };
    let secs = difftime_secs(x);
    let mut r = x.clone();
    let vals: Vec<f64> = secs.iter().map(|s| s / k).collect();
    r = crate::value::class::keep_time_class(&r, keep_names(&r, Value::dbls(vals)));
    r.set_attr(Sym::new("units"), Value::str(to));
    Ok(r)
}

fn set_units(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let to = m.req("value")?.as_string().unwrap_or_default();
    if !is_difftime(&x) {
        let mut r = x;
        r.set_attr(Sym::new("units"), Value::str(&to));
        return Ok(r);
    }
    convert_units(&x, &to)
}

/// The cells of a difftime: its numbers formatted together, then the units.
pub fn format_difftime(x: &Value, digits: usize) -> Vec<String> {
    let u = units_of(x);
    crate::print::format_dbl_vec(&x.dbl_vec(), digits)
        .into_iter()
        .map(|s| format!("{} {}", s, u))
        .collect()
}

fn format_difftime_fn(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let d = crate::print::option_digits(it);
    let s = format_difftime(x, d);
    Ok(keep_names(x, Value::strings(&s)))
}

fn print_difftime(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let digits = m
        .get("digits")
        .and_then(|v| v.as_f64())
        .map(|d| d as usize)
        .unwrap_or_else(|| crate::print::option_digits(it));
    let u = units_of(&x);
    if x.len() == 1 && x.dim().is_none() {
        let s = crate::print::format_dbl_vec_trim(&x.dbl_vec(), digits);
        it.write_out(&format!("Time difference of {} {}\n", s[0], u));
    } else {
        it.write_out(&format!("Time differences in {}\n", u));
        let mut y = x.clone();
        for a in ["class", "units", "tzone"] {
            y.set_attr(Sym::new(a), Value::Null);
        }
        let s = crate::builtins::base::print::format_default(it, &y, Some(digits), true)?;
        it.write_out(&s);
    }
    it.visible = false;
    Ok(x)
}

fn as_double_difftime(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let u = units_arg(&m);
    let x = if u == "auto" { x.clone() } else { convert_units(x, &u)? };
    Ok(Value::dbls(x.dbl_vec().to_vec()))
}

// ---- Ops ----------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum K {
    Date,
    Ct,
    Diff,
    Other,
}

fn kind(v: &Value) -> K {
    if is_date(v) {
        K::Date
    } else if is_ct(v) {
        K::Ct
    } else if is_difftime(v) {
        K::Diff
    } else {
        K::Other
    }
}

/// The value without its class and time attributes (names and dims stay).
fn bare(v: &Value) -> Value {
    let mut r = v.clone();
    for a in ["class", "tzone", "units"] {
        if r.get_attr(a).is_some() {
            r.set_attr(Sym::new(a), Value::Null);
        }
    }
    r
}

fn num_op(it: &mut Interp, op: BinOp, x: &Value, y: &Value) -> EvalResult {
    crate::eval::ops::vector_op(it, op, x, y)
}

fn scaled(v: &Value, k: f64) -> Value {
    let r = Value::dbls(v.dbl_vec().iter().map(|x| x * k).collect());
    keep_names(v, r)
}

fn restore(kind: K, r: Value, tz: Option<&Value>) -> Value {
    let mut r = r;
    match kind {
        K::Date => r.set_attr(Sym::new("class"), Value::str("Date")),
        K::Ct => {
            r.set_attr(Sym::new("class"), Value::strings(&["POSIXct", "POSIXt"]));
            if let Some(t) = tz {
                r.set_attr(Sym::new("tzone"), t.clone());
            }
        }
        _ => {}
    }
    r
}

fn is_arith(op: BinOp) -> bool {
    matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Pow | BinOp::Mod | BinOp::IntDiv)
}

fn is_compare(op: BinOp) -> bool {
    matches!(op, BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge)
}

/// Arithmetic and comparison on dates, date-times and time differences, as R's
/// `+.Date`, `-.Date`, `Ops.Date`, `+.POSIXt`, `-.POSIXt`, `Ops.POSIXt` and
/// `Ops.difftime` do. `None` for operands it does not handle.
pub fn date_ops(it: &mut Interp, op: BinOp, x: &Value, y: &Value) -> Option<EvalResult> {
    if is_lt(x) || is_lt(y) {
        // broken-down times take part as the date-times they stand for
        let ct = |it: &mut Interp, v: &Value| -> EvalResult<Value> {
            if !is_lt(v) {
                return Ok(v.clone());
            }
            let (secs, tz) = to_secs(it, v, &ConvOpts::default())?;
            Ok(crate::builtins::base::dates::make_ct(secs, tz.as_deref()))
        };
        let r = ct(it, x).and_then(|a| Ok((a, ct(it, y)?)));
        return Some(r.and_then(|(a, b)| ops(it, op, &a, &b, kind(&a), kind(&b))));
    }
    let (kx, ky) = (kind(x), kind(y));
    if kx == K::Other && ky == K::Other {
        return None;
    }
    Some(ops(it, op, x, y, kx, ky))
}

fn ops(it: &mut Interp, op: BinOp, x: &Value, y: &Value, kx: K, ky: K) -> EvalResult {
    let name = op.as_str();
    if is_compare(op) {
        return compare(it, op, x, y, kx, ky);
    }
    if !is_arith(op) {
        return num_op(it, op, &bare(x), &bare(y));
    }
    let time = if kx == K::Date || kx == K::Ct { kx } else { ky };
    if time == K::Date || time == K::Ct {
        let cls = if time == K::Date { "Date" } else { "POSIXt" };
        let unit = if time == K::Date { 86400.0 } else { 1.0 };
        let tz = if kx == K::Ct { x.get_attr("tzone") } else { y.get_attr("tzone") }.cloned();
        let as_num = |v: &Value, k: K| -> Value {
            if k == K::Diff {
                Value::dbls(difftime_secs(v).iter().map(|s| s / unit).collect())
            } else {
                bare(v)
            }
        };
        match op {
            BinOp::Add => {
                if kx == ky || (kx != K::Other && ky != K::Other && kx != K::Diff && ky != K::Diff) {
                    return err(format!("binary + is not defined for \"{}\" objects", cls));
                }
                let r = num_op(it, op, &as_num(x, kx), &as_num(y, ky))?;
                Ok(restore(time, r, tz.as_ref()))
            }
            BinOp::Sub => {
                if kx != time {
                    return err(format!("can only subtract from \"{}\" objects", cls));
                }
                if ky == kx {
                    let d = num_op(it, op, &bare(x), &bare(y))?;
                    let secs: Vec<f64> = d.dbl_vec().iter().map(|v| v * unit).collect();
                    let r = if time == K::Date {
                        make_difftime(d.dbl_vec().to_vec(), "days")
                    } else {
                        difftime_from_secs(secs, "auto")?
                    };
                    return Ok(keep_names(&d, r));
                }
                if ky != K::Other && ky != K::Diff {
                    return err(format!("can only subtract numbers from \"{}\" objects", cls));
                }
                let r = num_op(it, op, &bare(x), &as_num(y, ky))?;
                Ok(restore(time, r, tz.as_ref()))
            }
            _ => err(format!("{} not defined for \"{}\" objects", name, cls)),
        }
    } else {
        // difftime with a number or another difftime
        match op {
            BinOp::Add | BinOp::Sub => {
                if kx == K::Diff && ky == K::Diff && units_of(x) != units_of(y) {
                    let r = num_op(it, op, &scaled(x, unit_secs(&units_of(x)).unwrap_or(1.0)), &scaled(y, unit_secs(&units_of(y)).unwrap_or(1.0)))?;
                    return Ok(with_units(r, "secs"));
                }
                let u = if kx == K::Diff { units_of(x) } else { units_of(y) };
                let r = num_op(it, op, &bare(x), &bare(y))?;
                Ok(with_units(r, &u))
            }
            BinOp::Mul if kx != ky => {
                let u = if kx == K::Diff { units_of(x) } else { units_of(y) };
                let r = num_op(it, op, &bare(x), &bare(y))?;
                Ok(with_units(r, &u))
            }
            BinOp::Div if kx == K::Diff && ky == K::Other => {
                let r = num_op(it, op, &bare(x), y)?;
                Ok(with_units(r, &units_of(x)))
            }
            BinOp::Div if kx == K::Diff && ky == K::Diff => {
                num_op(it, op, &Value::dbls(difftime_secs(x)), &Value::dbls(difftime_secs(y)))
            }
            _ => err(format!("'{}' not defined for \"difftime\" objects", name)),
        }
    }
}

fn with_units(r: Value, u: &str) -> Value {
    let mut r = r;
    r.set_attr(Sym::new("units"), Value::str(u));
    r.set_attr(Sym::new("class"), Value::str("difftime"));
    r
}

fn compare(it: &mut Interp, op: BinOp, x: &Value, y: &Value, kx: K, ky: K) -> EvalResult {
    let time = if kx == K::Date || kx == K::Ct { kx } else { ky };
    let conv = |it: &mut Interp, v: &Value, k: K, other: &Value| -> EvalResult<Value> {
        if k == K::Diff {
            let u = if kind(other) == K::Diff { "secs".to_string() } else { units_of(v) };
            return Ok(Value::dbls(convert_units(v, &u)?.dbl_vec().to_vec()));
        }
        if k == K::Other && matches!(v.vtype(), Some(VType::Str)) {
            if time == K::Date {
                let o = ConvOpts::default();
                return Ok(Value::dbls(crate::builtins::base::dates::to_days(it, v, &o)?));
            }
            if time == K::Ct {
                return Ok(Value::dbls(secs_of(it, v, Some(tzone(other)))?));
            }
        }
        Ok(bare(v))
    };
    let a = conv(it, x, kx, y)?;
    let b = conv(it, y, ky, x)?;
    num_op(it, op, &a, &b)
}

