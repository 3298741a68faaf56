//! Kernels behind R's interpolation and smoothing functions (`approx`, `spline`,
//! `splinefun`, `density`, the `bw.*` rules, `lowess`), called from their R-level
//! definitions in `builtins/R/stats_smooth.R`. Numerics live in `crate::stats::smooth`.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::index::list_get;
use crate::eval::Interp;
use crate::stats::smooth::{interp, kde, lowess, supsmu, tukey};
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[
    declared(".approx_eval", approx_eval),
    declared(".spline_coef", spline_coef),
    declared(".spline_eval", spline_eval),
    declared(".monoFC_m", mono_fc_m),
    declared(".bin_dist", bin_dist),
    declared(".kde_grid", kde_grid),
    declared(".bw_pairs", bw_pairs),
    declared(".bw_crit", bw_crit),
    declared(".lowess", lowess_fn),
    declared(".tukey_smooth", tukey_smooth),
    declared(".supsmu", supsmu_fn),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc(".approx_eval", ".approx_eval(x, y, v, method, yleft, yright, f)",
            "Linear (method 1) or constant (method 2) interpolation at v from sorted knots (x, y)."),
        doc(".spline_coef", ".spline_coef(method, x, y)",
            "Cubic spline coefficients (method 1 periodic, 2 natural, 3 fmm) as list(method, n, x, y, b, c, d)."),
        doc(".spline_eval", ".spline_eval(xout, z)", "Evaluates the spline coefficient list z at xout."),
        doc(".monoFC_m", ".monoFC_m(m, Sx)", "Fritsch-Carlson monotone adjustment of Hermite slopes m."),
        doc(".bin_dist", ".bin_dist(x, weights, lo, up, n)",
            "Linear binning of weighted x onto n grid points over [lo, up], padded to length 2n."),
        doc(".kde_grid", ".kde_grid(y, kernel, bw, lo, up)",
            "Kernel density on the grid from binned masses y (length 2n), by FFT convolution."),
        doc(".bw_pairs", ".bw_pairs(x, nb)",
            "Binned pair distances of x for the bandwidth selectors: list(bin width, counts)."),
        doc(".bw_crit", ".bw_crit(which, n, d, cnt, h)",
            "Bandwidth criteria: which = \"ucv\", \"bcv\", \"phi4\" or \"phi6\" at bandwidth h."),
        doc(".lowess", ".lowess(x, y, f, iter, delta)", "LOWESS fitted values for sorted x."),
        doc(".tukey_smooth", ".tukey_smooth(x, kind, endrule, split.ends)",
            "Tukey's running-median smoother kind (\"3RS3R\", ..., \"S\") of x with endrule \"Tukey\" or \"copy\": \
             list(y, iter) (for \"S\" list(y, changed))."),
        doc(".supsmu", ".supsmu(x, y, w, periodic, span, bass)",
            "Friedman's super smoother of y on sorted x (span 0: cross-validated spans with bass control)."),
    ]
};

fn num(m: &Matched, name: &str) -> EvalResult<f64> {
    m.req(name)?.as_f64().ok_or_else(|| crate::error::RError::runtime(format!("invalid '{}'", name)).into())
}

fn text(m: &Matched, name: &str) -> EvalResult<String> {
    m.req(name)?.as_string().ok_or_else(|| crate::error::RError::runtime(format!("invalid '{}'", name)).into())
}

fn approx_eval(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.dbl_vec();
    let y = m.req("y")?.dbl_vec();
    let v = m.req("v")?.dbl_vec();
    let constant = num(&m, "method")? == 2.0;
    let (yl, yr, f) = (num(&m, "yleft")?, num(&m, "yright")?, num(&m, "f")?);
    if x.len() != y.len() {
        return err("x and y lengths differ");
    }
    if constant && !(0.0..=1.0).contains(&f) {
        return err("approx(): invalid f value");
    }
    Ok(Value::dbls(v.iter().map(|&u| interp::approx_one(&x, &y, u, constant, yl, yr, f)).collect()))
}

fn spline_coef(_it: &mut Interp, m: Matched) -> EvalResult {
    let method = num(&m, "method")? as i32;
    let x = m.req("x")?.dbl_vec();
    let y = m.req("y")?.dbl_vec();
    if x.len() != y.len() {
        return err("inputs of different lengths");
    }
    let z = interp::spline_coef(method, &x, &y);
    Ok(Value::named_list(vec![
        ("method".into(), Value::int(method)),
        ("n".into(), Value::int(x.len() as i32)),
        ("x".into(), Value::dbls(x.to_vec())),
        ("y".into(), Value::dbls(y.to_vec())),
        ("b".into(), Value::dbls(z.b)),
        ("c".into(), Value::dbls(z.c)),
        ("d".into(), Value::dbls(z.d)),
    ]))
}

fn spline_eval(_it: &mut Interp, m: Matched) -> EvalResult {
    let u = m.req("xout")?.dbl_vec();
    let z = m.req("z")?;
    let field = |n: &str| list_get(z, n).map(|v| v.dbl_vec().to_vec()).unwrap_or_default();
    let method = list_get(z, "method").and_then(|v| v.as_f64()).unwrap_or(3.0) as i32;
    let (x, y) = (field("x"), field("y"));
    let coef = interp::SplineCoef { method, b: field("b"), c: field("c"), d: field("d") };
    if coef.b.len() != x.len() || coef.c.len() != x.len() || coef.d.len() != x.len() || y.len() != x.len() {
        return err("invalid spline coefficients");
    }
    Ok(Value::dbls(interp::spline_eval(&u, &x, &y, &coef)))
}

fn mono_fc_m(_it: &mut Interp, m: Matched) -> EvalResult {
    let mut mm = m.req("m")?.dbl_vec().to_vec();
    let sx = m.req("Sx")?.dbl_vec();
    if mm.len() < 2 || sx.len() + 1 != mm.len() {
        return err("n must be at least two");
    }
    interp::mono_fc_m(&mut mm, &sx);
    Ok(Value::dbls(mm))
}

fn bin_dist(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.dbl_vec();
    let w = m.req("weights")?.dbl_vec();
    let n = num(&m, "n")?;
    if !(n >= 1.0) {
        return err("invalid 'n' argument");
    }
    let (lo, up) = (num(&m, "lo")?, num(&m, "up")?);
    if !lo.is_finite() || !up.is_finite() {
        return err("invalid 'xlo' or 'xhi' values");
    }
    Ok(Value::dbls(kde::bin_dist(&x, &w, lo, up, n as usize)))
}

fn kde_grid(_it: &mut Interp, m: Matched) -> EvalResult {
    let y = m.req("y")?.dbl_vec();
    let kernel = text(&m, "kernel")?;
    let (bw, lo, up) = (num(&m, "bw")?, num(&m, "lo")?, num(&m, "up")?);
    if !y.len().is_power_of_two() {
        return err("internal error: density grid length is not a power of two");
    }
    match kde::kde_grid(&y, &kernel, bw, lo, up) {
        Some(v) => Ok(Value::dbls(v)),
        None => err(format!("unknown kernel \"{}\"", kernel)),
    }
}

fn bw_pairs(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.dbl_vec();
    let nb = num(&m, "nb")? as usize;
    let n = x.len();
    let (d, cnt) = if n > nb / 2 {
        // tallies by bin of trunc(|x|/d)*sign(x), shifted to start at bin 1
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for &v in x.iter() {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        let d = (hi - lo) * 1.01 / nb as f64;
        let xx: Vec<f64> = x.iter().map(|v| (v.abs() / d).trunc() * v.signum()).collect();
        let mn = xx.iter().cloned().fold(f64::INFINITY, f64::min);
        let mut tally = vec![0.0; nb];
        for v in xx {
            let k = (v - mn) as usize;
            if k < nb {
                tally[k] += 1.0;
            }
        }
        (d, kde::bw_den_binned(&tally))
    } else {
        kde::bw_den(nb, &x)
    };
    Ok(Value::list(vec![Value::num(d), Value::dbls(cnt)]))
}

fn bw_crit(_it: &mut Interp, m: Matched) -> EvalResult {
    let which = text(&m, "which")?;
    let (n, d, h) = (num(&m, "n")?, num(&m, "d")?, num(&m, "h")?);
    let cnt = m.req("cnt")?.dbl_vec();
    let v = match which.as_str() {
        "ucv" => kde::bw_ucv(n, d, &cnt, h),
        "bcv" => kde::bw_bcv(n, d, &cnt, h),
        "phi4" => kde::bw_phi4(n, d, &cnt, h),
        "phi6" => kde::bw_phi6(n, d, &cnt, h),
        _ => return err("unknown bandwidth criterion"),
    };
    Ok(Value::num(v))
}

fn lowess_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.dbl_vec();
    let y = m.req("y")?.dbl_vec();
    let f = num(&m, "f")?;
    let iter = num(&m, "iter")?;
    let delta = num(&m, "delta")?;
    if x.len() != y.len() {
        return err("'x' and 'y' lengths differ");
    }
    if !f.is_finite() || f <= 0.0 {
        return err("'f' must be finite and > 0");
    }
    if !iter.is_finite() || iter < 0.0 {
        return err("'iter' must be finite and >= 0");
    }
    if !delta.is_finite() || delta < 0.0 {
        return err("'delta' must be finite and > 0");
    }
    Ok(Value::dbls(lowess::lowess(&x, &y, f, iter as usize, delta)))
}

fn tukey_smooth(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.dbl_vec();
    let kind = text(&m, "kind")?;
    let rule = match text(&m, "endrule")?.as_str() {
        "copy" => tukey::EndRule::Copy,
        _ => tukey::EndRule::Tukey,
    };
    let split_ends = m.req("split.ends")?.as_bool().flatten().unwrap_or(false);
    if kind == "S" {
        let mut y = vec![0.0; x.len()];
        let ch = tukey::split(&x, &mut y, split_ends);
        return Ok(Value::named_list(vec![
            ("y".into(), Value::dbls(y)),
            ("changed".into(), Value::lgl(ch)),
        ]));
    }
    let (y, iter) = tukey::smooth(&x, &kind, rule, split_ends);
    Ok(Value::named_list(vec![("y".into(), Value::dbls(y)), ("iter".into(), Value::int(iter))]))
}

fn supsmu_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.dbl_vec();
    let y = m.req("y")?.dbl_vec();
    let w = m.req("w")?.dbl_vec();
    if x.len() != y.len() || w.len() != x.len() {
        return err("number of observations in 'x' and 'y' must match.");
    }
    let periodic = m.req("periodic")?.as_bool().flatten().unwrap_or(false);
    let (span, bass) = (num(&m, "span")?, num(&m, "bass")?);
    Ok(Value::dbls(supsmu::supsmu(&x, &y, &w, periodic, span, bass)))
}
