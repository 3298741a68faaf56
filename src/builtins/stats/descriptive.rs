//! Descriptive statistics: var, sd, median, quantile, mad, IQR, weighted.mean,
//! tabulate, diff.

use crate::builtins::base::summaries::{mean_dbl, Acc};
use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::quantile::quantiles_unsorted;
use crate::syntax::sym::Sym;
use crate::value::{na_real, Data, RStr, VType, Value, NA_INT};
use std::rc::Rc;

/// Statistics builtins.
pub const BUILTINS: &[Builtin] = &[
    eager("var", var),
    eager("sd", sd),
    declared("median", median),
    declared("quantile", quantile),
    declared("mad", mad),
    declared("IQR", iqr),
    declared("weighted.mean", weighted_mean),
    declared("tabulate", tabulate),
    declared("diff", diff),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("var", "var(x, y = NULL, na.rm = FALSE, use)",
            "Sample variance of x (denominator n - 1). For a matrix or data frame, the covariance matrix of its \
             columns; with y, the covariances between x and y."),
        doc("sd", "sd(x, na.rm = FALSE)",
            "Sample standard deviation of x, the square root of var(x). na.rm = TRUE drops missing values."),
        doc("median", "median(x, na.rm = FALSE, ...)",
            "The middle value of x, or the mean of the two middle values for an even count. NA when x has missing \
             values unless na.rm = TRUE."),
        doc("quantile", "quantile(x, probs = seq(0, 1, 0.25), na.rm = FALSE, names = TRUE, type = 7, ...)",
            "Sample quantiles of x at the probabilities probs, named like \"25%\". type selects one of the nine \
             standard definitions; the default 7 interpolates linearly between order statistics."),
        doc("mad", "mad(x, center = median(x), constant = 1.4826, na.rm = FALSE, low = FALSE, high = FALSE)",
            "Median absolute deviation from center, multiplied by constant so that it estimates the standard \
             deviation for normal data."),
        doc("IQR", "IQR(x, na.rm = FALSE, type = 7)",
            "Interquartile range: the difference between the 75% and 25% quantiles of x."),
        doc("weighted.mean", "weighted.mean(x, w, ..., na.rm = FALSE)",
            "Mean of x with weights w, sum(w * x) / sum(w). Equal weights are used when w is missing."),
        doc("tabulate", "tabulate(bin, nbins = max(1L, bin, na.rm = TRUE))",
            "Counts how often each of the integers 1 to nbins occurs in bin; other values are ignored. Returns an \
             integer vector of length nbins."),
        doc("diff", "diff(x, lag = 1L, differences = 1L, ...)",
            "Lagged differences x[i + lag] - x[i]; differences > 1 repeats the operation. For a matrix, works \
             down the rows."),
    ]
};

fn numeric(v: &Value, what: &str) -> EvalResult<Vec<f64>> {
    if v.is_factor()
        || !matches!(
            v.vtype(),
            Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl)
        )
    {
        return err(format!("'{}' must be numeric", what));
    }
    Ok(v.dbl_vec().to_vec())
}

fn flag(v: Option<&Value>) -> bool {
    v.and_then(|v| v.as_bool().flatten()).unwrap_or(false)
}

/// Sample covariance of two equal-length complete vectors, as R's `cov` computes it.
fn cov_xy(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len();
    if n < 2 {
        return na_real();
    }
    let mx = mean_dbl(x);
    let my = mean_dbl(y);
    let mut acc = Acc::default();
    for i in 0..n {
        acc.add((x[i] - mx) * (y[i] - my));
    }
    acc.value() / (n - 1) as f64
}

fn var_impl(a: Args, sqrt: bool) -> EvalResult {
    let m = a.matched(&["x", "y", "na.rm", "use"])?;
    let x = m.req("x")?.clone();
    if x.vtype() == Some(VType::Str) || x.is_factor() {
        return err("is.atomic(x) is not TRUE");
    }
    let na_rm = flag(m.get("na.rm"));
    let mut xs = numeric(&x, "x")?;
    let ys = match m.get("y") {
        Some(y) if !sqrt => Some(numeric(y, "y")?),
        _ => None,
    };
    if let Some(mut ys) = ys {
        if ys.len() != xs.len() {
            return err("incompatible dimensions");
        }
        if na_rm {
            let keep: Vec<bool> = (0..xs.len())
                .map(|i| !xs[i].is_nan() && !ys[i].is_nan())
                .collect();
            xs = xs
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(v, _)| *v)
                .collect();
            ys = ys
                .iter()
                .zip(&keep)
                .filter(|(_, k)| **k)
                .map(|(v, _)| *v)
                .collect();
        } else if xs.iter().chain(ys.iter()).any(|v| v.is_nan()) {
            return Ok(Value::num(na_real()));
        }
        return Ok(Value::num(cov_xy(&xs, &ys)));
    }
    if na_rm {
        xs.retain(|v| !v.is_nan());
    } else if xs.iter().any(|v| v.is_nan()) {
        return Ok(Value::num(na_real()));
    }
    let v = cov_xy(&xs, &xs);
    Ok(Value::num(if sqrt { v.sqrt() } else { v }))
}

fn var(it: &mut Interp, a: Args) -> EvalResult {
    // a matrix, a data frame or a second variable: the covariance matrix, as cov() computes it
    let x = a.items.first().map(|x| &x.1);
    let has_y = a.items.iter().enumerate().any(|(i, (n, v))| {
        !v.is_null() && (n.map(|s| s.as_str() == "y").unwrap_or(false) || (n.is_none() && i == 1))
    });
    let wants_cov = x
        .map(|x| x.is_data_frame() || x.dim().is_some())
        .unwrap_or(false)
        || has_y;
    match it.base.lookup(Sym::new("cov")) {
        Some(cov) if wants_cov => {
            let mut items = Vec::new();
            for (n, v) in a.items {
                if n.map(|s| s.as_str() == "na.rm").unwrap_or(false) {
                    if v.as_bool().flatten().unwrap_or(false) {
                        items.push((Some(Sym::new("use")), Value::str("na.or.complete")));
                    }
                } else {
                    items.push((n, v));
                }
            }
            it.call_value(&cov, items)
        }
        _ => var_impl(a, false),
    }
}
fn sd(_it: &mut Interp, a: Args) -> EvalResult {
    var_impl(a, true)
}

fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    v
}

fn median(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    if x.is_factor()
        || !matches!(
            x.vtype(),
            Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl)
        )
    {
        return err("need numeric data");
    }
    let is_int = matches!(x.vtype(), Some(VType::Int) | Some(VType::Lgl));
    let mut xs = x.dbl_vec().to_vec();
    if flag(m.get("na.rm")) {
        xs.retain(|v| !v.is_nan());
    } else if xs.iter().any(|v| v.is_nan()) {
        return Ok(if is_int {
            Value::int(NA_INT)
        } else {
            Value::num(na_real())
        });
    }
    let n = xs.len();
    if n == 0 {
        return Ok(if is_int {
            Value::int(NA_INT)
        } else {
            Value::num(na_real())
        });
    }
    let xs = sorted(xs);
    if n % 2 == 1 {
        let v = xs[n / 2];
        return Ok(if is_int {
            Value::int(v as i32)
        } else {
            Value::num(v)
        });
    }
    Ok(Value::num(mean_dbl(&[xs[n / 2 - 1], xs[n / 2]])))
}

/// `formatC(100 * p, format = "fg", digits = 7)` followed by `%`.
fn pct_name(p: f64) -> String {
    if p.is_nan() {
        return String::new();
    }
    let v = 100.0 * p;
    let s = format!("{:.6e}", v);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let body = if v == 0.0 {
        "0".to_string()
    } else if exp >= 0 {
        let e = exp as usize;
        if digits.len() > e + 1 {
            format!("{}.{}", &digits[..e + 1], &digits[e + 1..])
        } else {
            format!("{}{}", digits, "0".repeat(e + 1 - digits.len()))
        }
    } else {
        format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
    };
    format!("{}{}%", if v < 0.0 { "-" } else { "" }, body)
}

fn quantile(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    if x.vtype() == Some(VType::Cplx) && !x.is_factor() {
        return quantile_complex(&x, &m);
    }
    let mut xs = numeric(&x, "x")?;
    let probs: Vec<f64> = match m.get("probs") {
        Some(p) => p.dbl_vec().to_vec(),
        None => vec![0.0, 0.25, 0.5, 0.75, 1.0],
    };
    let eps = 100.0 * f64::EPSILON;
    if probs
        .iter()
        .any(|&p| !p.is_nan() && (p < -eps || p > 1.0 + eps))
    {
        return err("'probs' outside [0,1]");
    }
    let probs: Vec<f64> = probs
        .iter()
        .map(|&p| if p.is_nan() { p } else { p.clamp(0.0, 1.0) })
        .collect();
    if flag(m.get("na.rm")) {
        xs.retain(|v| !v.is_nan());
    } else if xs.iter().any(|v| v.is_nan()) {
        return err("missing values and NaN's not allowed if 'na.rm' is FALSE");
    }
    let typ = m.get("type").and_then(|v| v.as_i32()).unwrap_or(7);
    if !(1..=9).contains(&typ) {
        return err("'type' must be one of 1:9");
    }
    let q = quantiles_unsorted(xs, &probs, typ);
    let mut out = Value::dbls(q);
    let names = m
        .get("names")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    if names {
        let nm: Vec<RStr> = probs.iter().map(|&p| Some(Rc::from(pct_name(p)))).collect();
        out.set_attr(Sym::new("names"), Value::strs(nm));
    }
    Ok(out)
}

/// The probabilities of a quantile call, checked and clamped to [0, 1] as R does.
fn quantile_probs(m: &Matched) -> EvalResult<Vec<f64>> {
    let probs: Vec<f64> = match m.get("probs") {
        Some(p) => p.dbl_vec().to_vec(),
        None => vec![0.0, 0.25, 0.5, 0.75, 1.0],
    };
    let eps = 100.0 * f64::EPSILON;
    if probs.iter().any(|&p| !p.is_nan() && (p < -eps || p > 1.0 + eps)) {
        return err("'probs' outside [0,1]");
    }
    Ok(probs.iter().map(|&p| if p.is_nan() { p } else { p.clamp(0.0, 1.0) }).collect())
}

/// Quantiles of complex data: sorted by real then imaginary part, blended componentwise.
fn quantile_complex(x: &Value, m: &Matched) -> EvalResult {
    use crate::value::complex::{cplx_is_na, C64};
    let probs = quantile_probs(m)?;
    let mut xs: Vec<C64> = x.cplx_vec().to_vec();
    if flag(m.get("na.rm")) {
        xs.retain(|z| !cplx_is_na(*z));
    } else if xs.iter().any(|z| cplx_is_na(*z)) {
        return err("missing values and NaN's not allowed if 'na.rm' is FALSE");
    }
    let typ = m.get("type").and_then(|v| v.as_i32()).unwrap_or(7);
    if !(1..=9).contains(&typ) {
        return err("'type' must be one of 1:9");
    }
    xs.sort_by(|a, b| {
        a.re.partial_cmp(&b.re)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.im.partial_cmp(&b.im).unwrap_or(std::cmp::Ordering::Equal))
    });
    let q: Vec<C64> = crate::stats::quantile::quantile_positions(xs.len(), &probs, typ)
        .into_iter()
        .map(|pos| match pos {
            None => C64::new(na_real(), na_real()),
            Some((lo, hi, h)) => {
                let (a, b) = (xs[lo], xs[hi]);
                let mix = if typ == 7 { h > 0.0 && a != b } else { h > 0.0 && h < 1.0 && a != b };
                if typ != 7 && h == 1.0 {
                    b
                } else if mix {
                    a * (1.0 - h) + b * h
                } else {
                    a
                }
            }
        })
        .collect();
    let mut out = Value::cplxs(q);
    if m.get("names").and_then(|v| v.as_bool().flatten()).unwrap_or(true) {
        let nm: Vec<RStr> = probs.iter().map(|&p| Some(Rc::from(pct_name(p)))).collect();
        out.set_attr(Sym::new("names"), Value::strs(nm));
    }
    Ok(out)
}

fn mad(_it: &mut Interp, m: Matched) -> EvalResult {
    let mut xs = numeric(m.req("x")?, "x")?;
    if flag(m.get("na.rm")) {
        xs.retain(|v| !v.is_nan());
    } else if xs.iter().any(|v| v.is_nan()) {
        return Ok(Value::num(na_real()));
    }
    if xs.is_empty() {
        return Ok(Value::num(na_real()));
    }
    let med = |v: Vec<f64>| -> f64 {
        let v = sorted(v);
        let n = v.len();
        if n % 2 == 1 {
            v[n / 2]
        } else {
            mean_dbl(&[v[n / 2 - 1], v[n / 2]])
        }
    };
    let center = match m.get("center") {
        Some(c) => c.as_f64().unwrap_or(na_real()),
        None => med(xs.clone()),
    };
    let constant = m.get("constant").and_then(|c| c.as_f64()).unwrap_or(1.4826);
    let dev: Vec<f64> = xs.iter().map(|v| (v - center).abs()).collect();
    let (low, high) = (flag(m.get("low")), flag(m.get("high")));
    if low && high {
        return err("'low' and 'high' cannot be both TRUE");
    }
    let n = dev.len();
    if (low || high) && n % 2 == 0 {
        // the lo- or hi-median: the lower or upper of the two middle values
        let k = n / 2 + high as usize;
        return Ok(Value::num(constant * sorted(dev)[k - 1]));
    }
    Ok(Value::num(constant * med(dev)))
}

fn iqr(_it: &mut Interp, m: Matched) -> EvalResult {
    let mut xs = numeric(m.req("x")?, "x")?;
    if flag(m.get("na.rm")) {
        xs.retain(|v| !v.is_nan());
    } else if xs.iter().any(|v| v.is_nan()) {
        return err("missing values and NaN's not allowed if 'na.rm' is FALSE");
    }
    let typ = m.get("type").and_then(|v| v.as_i32()).unwrap_or(7);
    let q = quantiles_unsorted(xs, &[0.25, 0.75], typ);
    Ok(Value::num(q[1] - q[0]))
}

fn weighted_mean(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = numeric(m.req("x")?, "x")?;
    let w = match m.get("w") {
        Some(w) => numeric(w, "w")?,
        None => vec![1.0; x.len()],
    };
    if w.len() != x.len() {
        return err("'x' and 'w' must have the same length");
    }
    let (mut xs, mut ws) = (x, w);
    if flag(m.get("na.rm")) {
        let keep: Vec<bool> = xs.iter().map(|v| !v.is_nan()).collect();
        xs = xs
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(v, _)| *v)
            .collect();
        ws = ws
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(v, _)| *v)
            .collect();
    }
    let mut num = Acc::default();
    let mut den = Acc::default();
    for i in 0..xs.len() {
        if ws[i] != 0.0 {
            num.add(xs[i] * ws[i]);
        }
        den.add(ws[i]);
    }
    Ok(Value::num(num.value() / den.value()))
}

fn tabulate(_it: &mut Interp, m: Matched) -> EvalResult {
    let bin = m.req("bin")?;
    let b: Vec<i32> = if bin.is_factor() {
        bin.int_vec().to_vec()
    } else {
        bin.data().map(|d| d.to_int().to_vec()).unwrap_or_default()
    };
    let nb = match m.get("nbins") {
        Some(n) => n.as_i32().unwrap_or(NA_INT),
        None => {
            if bin.is_factor() {
                bin.get_attr("levels").map(|l| l.len() as i32).unwrap_or(0)
            } else {
                b.iter()
                    .copied()
                    .filter(|&v| v != NA_INT)
                    .max()
                    .unwrap_or(1)
                    .max(1)
            }
        }
    };
    if nb == NA_INT || nb < 0 {
        return err("invalid 'nbins' argument");
    }
    let mut out = vec![0i32; nb as usize];
    for &v in &b {
        if v != NA_INT && v >= 1 && v <= nb {
            out[v as usize - 1] += 1;
        }
    }
    Ok(Value::ints(out))
}

fn diff(it: &mut Interp, m: Matched) -> EvalResult {
    let mut x = m.req("x")?.clone();
    let lag = m.get("lag").and_then(|v| v.as_i32()).unwrap_or(1);
    let differences = m.get("differences").and_then(|v| v.as_i32()).unwrap_or(1);
    if lag < 1 || differences < 1 || lag == NA_INT || differences == NA_INT {
        return err("'lag' and 'differences' must be integers >= 1");
    }
    if !matches!(
        x.vtype(),
        Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl)
    ) {
        return err("non-numeric argument to binary operator");
    }
    let lag = lag as usize;
    if lag * differences as usize >= x.len() {
        return Ok(Value::from_data(Data::empty(
            if x.vtype() == Some(VType::Dbl) {
                VType::Dbl
            } else {
                VType::Int
            },
        )));
    }
    for _ in 0..differences {
        let n = x.len();
        let hi =
            crate::builtins::base::seq::subset_keep(&x, &(lag..n).map(Some).collect::<Vec<_>>());
        let mut lo = crate::builtins::base::seq::subset_keep(
            &x,
            &(0..n - lag).map(Some).collect::<Vec<_>>(),
        );
        lo.set_attr(Sym::new("names"), Value::Null);
        x = crate::eval::ops::vector_op(it, crate::syntax::ast::BinOp::Sub, &hi, &lo)?;
    }
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::builtins::test_util::{call, d, i, p};
    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-14 * b.abs().max(1.0)
    }

    #[test]
    fn var_sd_median() {
        let x = Value::dbls(vec![2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
        assert!(close(
            d(&call(var, vec![p(x.clone())]))[0],
            4.571428571428571
        ));
        assert!(close(
            d(&call(sd, vec![p(x.clone())]))[0],
            2.138089935299395
        ));
        assert_eq!(d(&call(named!("median"), vec![p(x.clone())])), vec![4.5]);
        assert_eq!(
            i(&call(named!("median"), vec![p(Value::ints(vec![3, 1, 2]))])),
            vec![2]
        );
        assert_eq!(
            d(&call(
                named!("median"),
                vec![p(Value::ints(vec![4, 1, 2, 3]))]
            )),
            vec![2.5]
        );
        let na = Value::dbls(vec![1.0, na_real(), 3.0]);
        assert!(crate::value::is_na_real(
            d(&call(named!("median"), vec![p(na.clone())]))[0]
        ));
        assert_eq!(
            d(&call(
                named!("median"),
                vec![p(na.clone()), (Some("na.rm"), Value::lgl(true))]
            )),
            vec![2.0]
        );
        assert!(crate::value::is_na_real(d(&call(var, vec![p(na)]))[0]));
        assert!(close(
            d(&call(named!("mad"), vec![p(x.clone())]))[0],
            0.7413
        ));
        assert_eq!(d(&call(named!("IQR"), vec![p(x)])), vec![1.5]);
    }

    #[test]
    fn quantile_types() {
        let x = Value::dbls(vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]);
        let q = call(named!("quantile"), vec![p(x.clone())]);
        assert_eq!(d(&q), vec![1.0, 3.25, 5.5, 7.75, 10.0]);
        assert_eq!(q.as_strings(), None);
        let nm: Vec<String> = q
            .names()
            .unwrap_or_default()
            .iter()
            .map(|s| s.as_deref().unwrap_or("").to_string())
            .collect();
        assert_eq!(nm, vec!["0%", "25%", "50%", "75%", "100%"]);
        let q = call(
            named!("quantile"),
            vec![
                p(x.clone()),
                p(Value::num(0.1)),
                (Some("type"), Value::int(1)),
            ],
        );
        assert_eq!(d(&q), vec![1.0]);
        let q = call(
            named!("quantile"),
            vec![
                p(x.clone()),
                p(Value::dbls(vec![0.25, 0.5])),
                (Some("type"), Value::int(6)),
            ],
        );
        assert_eq!(d(&q), vec![2.75, 5.5]);
        let q = call(
            named!("quantile"),
            vec![
                p(x.clone()),
                p(Value::dbls(vec![0.25])),
                (Some("type"), Value::int(2)),
            ],
        );
        assert_eq!(d(&q), vec![3.0]);
        let q = call(named!("quantile"), vec![p(x), p(Value::num(1.0 / 3.0))]);
        let nm = q.names().unwrap_or_default();
        assert_eq!(nm[0].as_deref(), Some("33.33333%"));
        assert_eq!(pct_name(0.125), "12.5%");
    }

    #[test]
    fn misc_stats() {
        let v = call(
            named!("weighted.mean"),
            vec![
                p(Value::dbls(vec![1.0, 2.0, 3.0])),
                p(Value::dbls(vec![3.0, 1.0, 1.0])),
            ],
        );
        assert_eq!(d(&v), vec![1.6]);
        let v = call(
            crate::builtins::base::margins::cor,
            vec![
                p(Value::dbls(vec![1.0, 2.0, 3.0, 4.0])),
                p(Value::dbls(vec![2.0, 4.0, 5.0, 9.0])),
            ],
        );
        assert!(close(d(&v)[0], 0.9647638212377322));
        assert_eq!(
            i(&call(
                named!("tabulate"),
                vec![p(Value::ints(vec![2, 3, 3, 5]))]
            )),
            vec![0, 1, 2, 0, 1]
        );
        assert_eq!(
            i(&call(
                named!("tabulate"),
                vec![p(Value::ints(vec![2, 3, 3, 5])), p(Value::int(3))]
            )),
            vec![0, 1, 2]
        );
        assert_eq!(
            i(&call(
                named!("diff"),
                vec![p(Value::ints(vec![1, 4, 9, 16]))]
            )),
            vec![3, 5, 7]
        );
        assert_eq!(
            i(&call(
                named!("diff"),
                vec![
                    p(Value::ints(vec![1, 4, 9, 16])),
                    (Some("differences"), Value::int(2))
                ]
            )),
            vec![2, 2]
        );
        assert_eq!(
            d(&call(
                named!("diff"),
                vec![p(Value::dbls(vec![1.0, 4.0, 9.0])), p(Value::int(2))]
            )),
            vec![8.0]
        );
    }
}
