//! Summaries of numbers: `sum`, `prod`, `mean`, `min`, `max`, `range`, the cumulative functions and the parallel `pmin`/`pmax`.

use crate::builtins::base::math::median_of;
use crate::builtins::base::math::sort_f64;
use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::is_na_real;
use crate::value::na_real;
use crate::value::NA_INT;
use crate::value::{Data, VType, Value};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    eager("sum", sum),
    eager("prod", prod),
    declared("mean", mean),
    eager("min", min),
    eager("max", max),
    eager("range", range),
    declared("cumsum", cumsum),
    declared("cumprod", cumprod),
    declared("cummax", cummax),
    declared("cummin", cummin),
    eager("pmin", pmin),
    eager("pmax", pmax),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("sum", "sum(..., na.rm = FALSE)",
            "Returns the sum of all values in its arguments. Logicals count as 0 and 1; the result is integer \
             when every input is integer or logical. With na.rm = TRUE missing values are dropped, otherwise any \
             NA makes the sum NA."),
        doc("prod", "prod(..., na.rm = FALSE)",
            "Returns the product of all values in its arguments, as a double. na.rm = TRUE drops missing values."),
        doc("mean", "mean(x, trim = 0, na.rm = FALSE, ...)",
            "Returns the arithmetic mean of x. trim is the fraction (up to 0.5) of observations cut from each end \
             before averaging; na.rm = TRUE drops missing values first."),
        doc("min", "min(..., na.rm = FALSE)",
            "Returns the smallest value among all its arguments; for character input, the first in sorted order. \
             With no values the result is Inf with a warning. na.rm = TRUE drops missing values."),
        doc("max", "max(..., na.rm = FALSE)",
            "Returns the largest value among all its arguments; for character input, the last in sorted order. \
             With no values the result is -Inf with a warning. na.rm = TRUE drops missing values."),
        doc("range", "range(..., na.rm = FALSE)",
            "Returns c(min, max) of all its arguments as a vector of length two. na.rm = TRUE drops missing \
             values."),
        doc("cumsum", "cumsum(x)",
            "Cumulative sums: element i of the result is the sum of x[1] to x[i]. Once an NA is met the rest are \
             NA."),
        doc("cumprod", "cumprod(x)", "Cumulative products: element i is the product of x[1] to x[i]."),
        doc("cummax", "cummax(x)", "Cumulative maxima: element i is the largest of x[1] to x[i]."),
        doc("cummin", "cummin(x)", "Cumulative minima: element i is the smallest of x[1] to x[i]."),
        doc("pmin", "pmin(..., na.rm = FALSE)",
            "Parallel minimum: the elementwise smallest value across its vector arguments, recycled to a common \
             length. Attributes such as names come from the first argument."),
        doc("pmax", "pmax(..., na.rm = FALSE)",
            "Parallel maximum: the elementwise largest value across its vector arguments, recycled to a common \
             length. pmax(x, 0) clips negatives to zero."),
    ]
};

pub fn cummax(_it: &mut Interp, m: Matched) -> EvalResult {
    cumext(&m.get("x").cloned().unwrap_or(Value::Null), Ext::Max)
}

pub fn cummin(_it: &mut Interp, m: Matched) -> EvalResult {
    cumext(&m.get("x").cloned().unwrap_or(Value::Null), Ext::Min)
}

pub fn cumprod(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    cum_input(&x, "cumprod")?;
    if x.vtype() == Some(VType::Cplx) {
        let r = crate::builtins::base::complex::cplx_cumulative(&x, true);
        return Ok(names_only(&x, r));
    }
    let mut p = 1.0;
    let out: Vec<f64> = x
        .dbl_vec()
        .iter()
        .map(|&d| {
            p *= d;
            p
        })
        .collect();
    Ok(names_only(&x, Value::dbls(out)))
}

pub fn cumsum(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    cum_input(&x, "cumsum")?;
    if x.vtype() == Some(VType::Cplx) {
        let r = crate::builtins::base::complex::cplx_cumulative(&x, false);
        return Ok(names_only(&x, r));
    }
    if matches!(x.vtype(), Some(VType::Lgl) | Some(VType::Int)) {
        let v = x.int_vec();
        let mut out = Vec::with_capacity(v.len());
        let mut s: i64 = 0;
        let mut na = false;
        for &i in v.iter() {
            if na || i == NA_INT {
                na = true;
                out.push(NA_INT);
                continue;
            }
            s += i as i64;
            if s > i32::MAX as i64 || s < -(i32::MAX as i64) {
                it.warning("integer overflow in 'cumsum'; use 'cumsum(as.numeric(.))'");
                na = true;
                out.push(NA_INT);
                continue;
            }
            out.push(s as i32);
        }
        return Ok(names_only(&x, Value::ints(out)));
    }
    let v = x.dbl_vec();
    let mut acc = Acc::default();
    let out: Vec<f64> = v
        .iter()
        .map(|&d| {
            acc.add(d);
            acc.value()
        })
        .collect();
    Ok(names_only(&x, Value::dbls(out)))
}

pub fn max(it: &mut Interp, a: Args) -> EvalResult {
    extreme(it, a, Ext::Max)
}

pub fn mean(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let na_rm = m
        .get("na.rm")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let trim = m.get("trim").and_then(|v| v.as_f64()).unwrap_or(0.0);
    if x.vtype() == Some(VType::Cplx) {
        return Ok(crate::builtins::base::complex::cplx_mean(&x, na_rm));
    }
    if x.is_factor()
        || !matches!(
            x.vtype(),
            Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl)
        )
    {
        it.warning("argument is not numeric or logical: returning NA");
        return Ok(Value::num(na_real()));
    }
    let mut xs: Vec<f64> = x.dbl_vec().to_vec();
    if na_rm {
        xs.retain(|v| !v.is_nan());
    }
    if trim > 0.0 && !xs.is_empty() {
        if xs.iter().any(|v| v.is_nan()) {
            return Ok(Value::num(na_real()));
        }
        if trim >= 0.5 {
            return Ok(Value::num(median_of(&mut xs)));
        }
        let n = xs.len();
        let lo = (n as f64 * trim).floor() as usize;
        sort_f64(&mut xs);
        xs = xs[lo..n - lo].to_vec();
    }
    if xs.is_empty() {
        return Ok(Value::num(f64::NAN));
    }
    if matches!(x.vtype(), Some(VType::Lgl) | Some(VType::Int)) {
        let mut acc = Acc::default();
        for &v in &xs {
            acc.add(v);
        }
        return Ok(Value::num(acc.value() / xs.len() as f64));
    }
    Ok(Value::num(mean_dbl(&xs)))
}

pub fn min(it: &mut Interp, a: Args) -> EvalResult {
    extreme(it, a, Ext::Min)
}

pub fn pmax(it: &mut Interp, a: Args) -> EvalResult {
    pext(it, a, Ext::Max)
}

pub fn pmin(it: &mut Interp, a: Args) -> EvalResult {
    pext(it, a, Ext::Min)
}

pub fn prod(_it: &mut Interp, a: Args) -> EvalResult {
    let (vals, na_rm) = summary_args(a);
    for v in &vals {
        check_summary_type(v, false)?;
    }
    if vals.iter().any(|v| v.vtype() == Some(VType::Cplx)) {
        return Ok(crate::builtins::base::complex::cplx_total(&vals, na_rm, true));
    }
    let mut p = 1.0;
    for v in &vals {
        for &x in v.dbl_vec().iter() {
            if na_rm && x.is_nan() {
                continue;
            }
            p *= x;
        }
    }
    Ok(Value::num(p))
}

pub fn range(it: &mut Interp, a: Args) -> EvalResult {
    let mut items = Vec::new();
    let mut opts = Vec::new();
    let mut finite = false;
    for (n, v) in a.items {
        match n.map(|s| s.as_str()) {
            Some("na.rm") => opts.push((n, v)),
            Some("finite") => finite = v.as_bool().flatten().unwrap_or(false),
            _ => items.push((None, v)),
        }
    }
    if finite {
        opts.retain(|(n, _)| n.map(|s| s.as_str()) != Some("na.rm"));
        opts.push((Some(Sym::new("na.rm")), Value::lgl(true)));
        items = items
            .into_iter()
            .map(|(n, v)| {
                if v.vtype() == Some(VType::Dbl) {
                    let xs: Vec<f64> = v
                        .dbl_vec()
                        .iter()
                        .copied()
                        .filter(|x| x.is_finite())
                        .collect();
                    (n, Value::dbls(xs))
                } else {
                    (n, v)
                }
            })
            .collect();
    }
    let mut args1 = items.clone();
    args1.extend(opts.iter().cloned());
    let mut args2 = items;
    args2.extend(opts);
    let lo = min(it, Args::new(args1))?;
    let hi = max(it, Args::new(args2))?;
    crate::value::combine::combine(&[(None, lo), (None, hi)], false)
}

pub fn sum(_it: &mut Interp, a: Args) -> EvalResult {
    let (vals, na_rm) = summary_args(a);
    for v in &vals {
        check_summary_type(v, false)?;
    }
    if vals.iter().any(|v| v.vtype() == Some(VType::Cplx)) {
        return Ok(crate::builtins::base::complex::cplx_total(&vals, na_rm, false));
    }
    if all_intlike(&vals) {
        // As R: each argument sums exactly; once the running total leaves the integer
        // range the answer is a double.
        let mut s: i64 = 0;
        let mut overflowed = false;
        for v in &vals {
            for &x in v.int_vec().iter() {
                if x == NA_INT {
                    if !na_rm {
                        return Ok(Value::int(NA_INT));
                    }
                } else {
                    s += x as i64;
                }
            }
            overflowed |= s > i32::MAX as i64 || s < -(i32::MAX as i64);
        }
        if overflowed {
            return Ok(Value::num(s as f64));
        }
        return Ok(Value::int(s as i32));
    }
    if !na_rm && vals.len() == 1 {
        if let Some(Data::Dbl(x)) = vals[0].data() {
            if let Some(s) = sum_lanes(x) {
                return Ok(Value::num(s));
            }
        }
    }
    let mut total = 0.0;
    for v in &vals {
        let mut acc = Acc::default();
        for &x in v.dbl_vec().iter() {
            if na_rm && x.is_nan() {
                continue;
            }
            acc.add(x);
        }
        total += acc.value();
    }
    Ok(Value::num(total))
}

/// A double-double accumulator (more precise than R's long double; rounds the same in practice).
#[derive(Clone, Copy, Default)]
pub struct Acc {
    hi: f64,
    lo: f64,
}

impl Acc {
    /// Adds one double exactly (TwoSum).
    pub fn add(&mut self, x: f64) {
        if !x.is_finite() || !self.hi.is_finite() {
            self.hi += x;
            self.lo = 0.0;
            return;
        }
        let s = self.hi + x;
        let bp = s - self.hi;
        let e = (self.hi - (s - bp)) + (x - bp);
        self.hi = s;
        self.lo += e;
    }
    /// The rounded sum.
    pub fn value(&self) -> f64 {
        if !self.hi.is_finite() {
            return self.hi;
        }
        self.hi + self.lo
    }
}

/// A compensated sum in four independent lanes (so it pipelines), the lanes combined
/// exactly; `None` when the sum is not finite (the sequential [`Acc`] then gives R's
/// Inf/NaN/NA results).
pub fn sum_lanes(x: &[f64]) -> Option<f64> {
    let mut hi = [0.0f64; 4];
    let mut lo = [0.0f64; 4];
    let chunks = x.chunks_exact(4);
    let rest = chunks.remainder();
    for c in chunks {
        for k in 0..4 {
            let s = hi[k] + c[k];
            let bp = s - hi[k];
            lo[k] += (hi[k] - (s - bp)) + (c[k] - bp);
            hi[k] = s;
        }
    }
    let mut acc = Acc::default();
    for k in 0..4 {
        acc.add(hi[k]);
    }
    for &v in rest {
        acc.add(v);
    }
    acc.lo += (lo[0] + lo[1]) + (lo[2] + lo[3]);
    let r = acc.value();
    r.is_finite().then_some(r)
}

/// R's mean of doubles: sum/n, then corrected by the mean of the residuals.
pub fn mean_dbl(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let mut a = Acc::default();
    for &v in x {
        a.add(v);
    }
    let s = a.value() / n;
    if !s.is_finite() {
        return s;
    }
    let mut t = Acc::default();
    for &v in x {
        t.add(v - s);
    }
    s + t.value() / n
}

/// Splits off `na.rm` from the arguments of a summary function.
pub fn summary_args(a: Args) -> (Vec<Value>, bool) {
    let mut na_rm = false;
    let mut vals = Vec::new();
    for (n, v) in a.items {
        if n.map(|s| s.as_str() == "na.rm").unwrap_or(false) {
            na_rm = v.as_bool().flatten().unwrap_or(false);
        } else {
            vals.push(v);
        }
    }
    (vals, na_rm)
}

pub fn check_summary_type(v: &Value, allow_str: bool) -> EvalResult<()> {
    if v.is_factor() {
        return err("‘sum’ not meaningful for factors");
    }
    match v {
        Value::Null => Ok(()),
        Value::Vector(x) => match x.data.vtype() {
            VType::Str if allow_str => Ok(()),
            VType::Str => err("invalid 'type' (character) of argument"),
            VType::List => err("invalid 'type' (list) of argument"),
            _ => Ok(()),
        },
        Value::Closure(_) | Value::Builtin(_) => err("invalid 'type' (closure) of argument"),
        _ => err("invalid 'type' of argument"),
    }
}

/// Whether every value is logical/integer (or NULL).
pub fn all_intlike(vals: &[Value]) -> bool {
    vals.iter()
        .all(|v| matches!(v.vtype(), None | Some(VType::Lgl) | Some(VType::Int)))
}

pub fn extreme(it: &mut Interp, a: Args, which: Ext) -> EvalResult {
    let name = if which == Ext::Min { "min" } else { "max" };
    let (vals, na_rm) = summary_args(a);
    for v in &vals {
        if v.is_factor() {
            return err(format!("‘{}’ not meaningful for factors", name));
        }
        check_summary_type(v, true)?;
        if v.vtype() == Some(VType::Cplx) {
            return err("invalid 'type' (complex) of argument");
        }
    }
    let better = |a: f64, b: f64| if which == Ext::Min { a < b } else { a > b };
    if vals.iter().any(|v| v.vtype() == Some(VType::Str)) {
        let mut best: Option<Rc<str>> = None;
        for v in &vals {
            for s in v.str_vec().iter() {
                match s {
                    None => {
                        if !na_rm {
                            return Ok(Value::strs(vec![None]));
                        }
                    }
                    Some(s) => {
                        let take = match &best {
                            None => true,
                            Some(b) => {
                                let c = crate::eval::ops::compare_strings(s, b);
                                if which == Ext::Min {
                                    c == std::cmp::Ordering::Less
                                } else {
                                    c == std::cmp::Ordering::Greater
                                }
                            }
                        };
                        if take {
                            best = Some(s.clone());
                        }
                    }
                }
            }
        }
        return match best {
            Some(b) => Ok(Value::strs(vec![Some(b)])),
            None => err(format!(
                "no non-missing arguments to {}; returning {}Inf",
                name,
                if which == Ext::Min { "" } else { "-" }
            )),
        };
    }
    if all_intlike(&vals) {
        let mut best: Option<i32> = None;
        for v in &vals {
            for &x in v.int_vec().iter() {
                if x == NA_INT {
                    if !na_rm {
                        return Ok(Value::int(NA_INT));
                    }
                } else if best.map(|b| better(x as f64, b as f64)).unwrap_or(true) {
                    best = Some(x);
                }
            }
        }
        return match best {
            Some(b) => Ok(Value::int(b)),
            None => no_values(it, which, name),
        };
    }
    let mut best: Option<f64> = None;
    let mut saw_nan = false;
    for v in &vals {
        for &x in v.dbl_vec().iter() {
            if x.is_nan() {
                if !na_rm {
                    if is_na_real(x) {
                        return Ok(Value::num(na_real()));
                    }
                    saw_nan = true;
                }
            } else if best.map(|b| better(x, b)).unwrap_or(true) {
                best = Some(x);
            }
        }
    }
    if saw_nan {
        return Ok(Value::num(f64::NAN));
    }
    match best {
        Some(b) => Ok(Value::num(b)),
        None => no_values(it, which, name),
    }
}

pub fn names_only(x: &Value, mut out: Value) -> Value {
    if let Some(n) = x.get_attr("names") {
        out.set_attr(Sym::new("names"), n.clone());
    }
    out
}

pub fn cum_input(x: &Value, name: &str) -> EvalResult<()> {
    match x.vtype() {
        None | Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl) => Ok(()),
        Some(VType::Cplx) if !name.starts_with("cumm") => Ok(()),
        Some(VType::Cplx) => err("'cummax' not defined for complex numbers"),
        Some(VType::Str) => {
            let _ = name;
            Ok(())
        }
        _ => err("invalid 'type' (list) of argument".to_string()),
    }
}

pub fn cumext(x: &Value, which: Ext) -> EvalResult {
    cum_input(x, "cummax")?;
    let better = |a: f64, b: f64| if which == Ext::Min { a < b } else { a > b };
    if matches!(x.vtype(), Some(VType::Lgl) | Some(VType::Int)) {
        let v = x.int_vec();
        let mut cur: Option<i32> = None;
        let mut na = false;
        let out: Vec<i32> = v
            .iter()
            .map(|&i| {
                if na || i == NA_INT {
                    na = true;
                    return NA_INT;
                }
                let c = match cur {
                    Some(c) if !better(i as f64, c as f64) => c,
                    _ => i,
                };
                cur = Some(c);
                c
            })
            .collect();
        return Ok(names_only(x, Value::ints(out)));
    }
    let mut cur: Option<f64> = None;
    let out: Vec<f64> = x
        .dbl_vec()
        .iter()
        .map(|&d| {
            if let Some(c) = cur {
                if c.is_nan() {
                    return c;
                }
            }
            if d.is_nan() {
                cur = Some(d);
                return d;
            }
            let c = match cur {
                Some(c) if !better(d, c) => c,
                _ => d,
            };
            cur = Some(c);
            c
        })
        .collect();
    Ok(names_only(x, Value::dbls(out)))
}

pub fn pext(_it: &mut Interp, a: Args, which: Ext) -> EvalResult {
    let (vals, na_rm) = summary_args(a);
    if vals.is_empty() {
        return err("no arguments");
    }
    let better = |a: f64, b: f64| if which == Ext::Min { a < b } else { a > b };
    let n = if vals.iter().any(|v| v.is_empty()) {
        0
    } else {
        vals.iter().map(|v| v.len()).max().unwrap_or(0)
    };
    let intlike = all_intlike(&vals);
    let is_str = vals.iter().any(|v| v.vtype() == Some(VType::Str));
    let mut out = if is_str {
        let cols: Vec<_> = vals.iter().map(|v| v.str_vec()).collect();
        let res: Vec<crate::value::RStr> = (0..n)
            .map(|i| {
                let mut best: Option<Rc<str>> = None;
                for c in &cols {
                    match &c[i % c.len()] {
                        None if !na_rm => return None,
                        None => {}
                        Some(s) => {
                            let take = best.as_ref().map(|b| {
                                let o = crate::eval::ops::compare_strings(s, b);
                                if which == Ext::Min {
                                    o.is_lt()
                                } else {
                                    o.is_gt()
                                }
                            });
                            if take.unwrap_or(true) {
                                best = Some(s.clone());
                            }
                        }
                    }
                }
                best
            })
            .collect();
        Value::strs(res)
    } else {
        let cols: Vec<_> = vals.iter().map(|v| v.dbl_vec()).collect();
        let res: Vec<f64> = (0..n)
            .map(|i| {
                let mut best: Option<f64> = None;
                for c in &cols {
                    let x = c[i % c.len()];
                    if x.is_nan() {
                        if !na_rm {
                            return x;
                        }
                    } else if best.map(|b| better(x, b)).unwrap_or(true) {
                        best = Some(x);
                    }
                }
                best.unwrap_or(na_real())
            })
            .collect();
        if intlike {
            Value::from_data(Data::Dbl(Rc::new(res)).coerce(VType::Int))
        } else {
            Value::dbls(res)
        }
    };
    if let Some(Value::Vector(v0)) = vals.first() {
        if v0.len() == n {
            if let Some(at) = &v0.attrs {
                let keep: Vec<_> = at
                    .iter()
                    .filter(|(k, _)| matches!(k.as_str(), "names" | "dim" | "dimnames"))
                    .cloned()
                    .collect();
                for (k, v) in keep {
                    out.set_attr(k, v);
                }
            }
        }
    }
    Ok(out)
}

#[derive(Clone, Copy, PartialEq)]
pub enum Ext {
    Min,
    Max,
}

/// `min`/`max` of nothing: R's warning and +Inf or -Inf.
fn no_values(it: &mut Interp, which: Ext, name: &str) -> EvalResult {
    let min = which == Ext::Min;
    it.warning(format!(
        "no non-missing arguments to {}; returning {}Inf",
        name,
        if min { "" } else { "-" }
    ));
    Ok(Value::num(if min { f64::INFINITY } else { f64::NEG_INFINITY }))
}
