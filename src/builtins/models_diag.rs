//! Regression diagnostics for `lm` fits: hatvalues, rstandard, rstudent, cooks.distance.

use super::models::{field, named_dbl};
use super::{eager, Args, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::qr::Qr;
use crate::value::Value;

/// Diagnostic builtins.
pub const BUILTINS: &[Builtin] = &[
    eager("hatvalues", hatvalues),
    eager("rstandard", rstandard),
    eager("rstudent", rstudent),
    eager("cooks.distance", cooks_distance),
];

/// What the diagnostics need from a fit.
struct Infl {
    names: Vec<String>,
    hat: Vec<f64>,
    /// Weighted residuals (sqrt(w) * e).
    res: Vec<f64>,
    rank: usize,
    df: f64,
}

fn fit_arg(it: &mut Interp, a: Args) -> EvalResult<Value> {
    let m = a.matched(&["model", "..."])?;
    let fit = m.req(0, "model")?.clone();
    if !fit.inherits("lm") || fit.inherits("glm") {
        return err("diagnostics are only implemented for \"lm\" fits");
    }
    super::lm_large::expand_qr(it, &fit)
}

fn influence(fit: &Value) -> EvalResult<Infl> {
    let Some(q) = field(fit, "qr") else { return err("'model' has no 'qr' component") };
    let qm = field(&q, "qr").unwrap_or(Value::Null);
    let dims = qm.get_attr("dim").map(|d| d.dbl_vec().to_vec()).unwrap_or_default();
    if dims.len() != 2 {
        return err("invalid 'qr' component");
    }
    let (n, p) = (dims[0] as usize, dims[1] as usize);
    let rank = field(&q, "rank").and_then(|r| r.as_i32()).unwrap_or(p as i32).max(0) as usize;
    let qraux = field(&q, "qraux").map(|v| v.dbl_vec().to_vec()).unwrap_or_default();
    if qraux.len() < p {
        return err("invalid 'qr' component");
    }
    let qr = Qr { qr: qm.dbl_vec().to_vec(), n, p, qraux, pivot: (0..p).collect(), rank };
    let mut hat = vec![0.0; n];
    for j in 0..rank.min(n) {
        let mut e = vec![0.0; n];
        e[j] = 1.0;
        qr.qy(&mut e);
        for i in 0..n {
            hat[i] += e[i] * e[i];
        }
    }
    for h in hat.iter_mut() {
        if *h >= 1.0 - 10.0 * f64::EPSILON {
            *h = 1.0;
        }
    }
    let rv = field(fit, "residuals").unwrap_or(Value::Null);
    let names: Vec<String> = rv.names().unwrap_or_default().iter().map(|s| s.as_deref().unwrap_or("NA").to_string()).collect();
    let mut res = rv.dbl_vec().to_vec();
    if let Some(w) = field(fit, "weights") {
        for (r, w) in res.iter_mut().zip(w.dbl_vec().iter()) {
            *r *= w.sqrt();
        }
    }
    if res.len() != n {
        return err("residuals and 'qr' do not match");
    }
    let df = field(fit, "df.residual").and_then(|d| d.as_f64()).unwrap_or((n - rank) as f64);
    Ok(Infl { names, hat, res, rank, df })
}

fn out(v: Vec<f64>, names: &[String]) -> Value {
    if names.len() == v.len() {
        named_dbl(v, names)
    } else {
        Value::dbls(v)
    }
}

fn sigma(f: &Infl) -> f64 {
    (f.res.iter().map(|r| r * r).sum::<f64>() / f.df).sqrt()
}

fn hatvalues(it: &mut Interp, a: Args) -> EvalResult {
    let f = influence(&fit_arg(it, a)?)?;
    Ok(out(f.hat.clone(), &f.names))
}

fn rstandard(it: &mut Interp, a: Args) -> EvalResult {
    let f = influence(&fit_arg(it, a)?)?;
    let sd = sigma(&f);
    let v = f.res.iter().zip(&f.hat).map(|(r, h)| r / (sd * (1.0 - h).sqrt())).collect();
    Ok(out(v, &f.names))
}

fn rstudent(it: &mut Interp, a: Args) -> EvalResult {
    let f = influence(&fit_arg(it, a)?)?;
    let ss: f64 = f.res.iter().map(|r| r * r).sum();
    let v = f
        .res
        .iter()
        .zip(&f.hat)
        .map(|(r, h)| {
            let si = ((ss - r * r / (1.0 - h)) / (f.df - 1.0)).sqrt();
            r / (si * (1.0 - h).sqrt())
        })
        .collect();
    Ok(out(v, &f.names))
}

fn cooks_distance(it: &mut Interp, a: Args) -> EvalResult {
    let f = influence(&fit_arg(it, a)?)?;
    let sd = sigma(&f);
    let p = f.rank as f64;
    let v = f.res.iter().zip(&f.hat).map(|(r, h)| (r / (sd * (1.0 - h))).powi(2) * h / p).collect();
    Ok(out(v, &f.names))
}
