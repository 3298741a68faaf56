//! One-dimensional optimisation and root finding: `optimize`/`optimise` (Brent's minimiser) and `uniroot` (Brent's zero finder, with `extendInt`).

use super::*;
use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::Flow;
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::value::NA_INT;
use crate::value::{VType, Value};

pub const BUILTINS: &[Builtin] = &[
    declared("optimize", optimize),
    declared("optimise", optimize),
    eager("uniroot", uniroot),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("optimize",
            "optimize(f, interval, ..., lower = min(interval), upper = max(interval), maximum = FALSE, tol = \
             .Machine$double.eps^0.25)",
            "Finds a minimum (or maximum) of a function of one variable within interval by golden-section search \
             with parabolic steps. Returns a list with minimum (or maximum) and objective."),
        doc("optimise",
            "optimise(f, interval, ..., lower = min(interval), upper = max(interval), maximum = FALSE, tol = \
             .Machine$double.eps^0.25)",
            "The same as optimize."),
        doc("uniroot",
            "uniroot(f, interval, ..., lower = min(interval), upper = max(interval), f.lower = f(lower, ...), \
             f.upper = f(upper, ...), extendInt = c(\"no\", \"yes\", \"downX\", \"upX\"), check.conv = FALSE, tol \
             = .Machine$double.eps^0.25, maxiter = 1000, trace = 0)",
            "Finds a root of a function of one variable in interval, whose ends must give values of opposite sign \
             (extendInt widens the interval otherwise). Returns a list with root, f.root, iter and estim.prec."),
    ]
};

pub fn optimize(it: &mut Interp, m: Matched) -> EvalResult {
    let f = as_function(it, m.req("f")?)?;
    let dots = m.dots.clone();
    let (lower, upper) = interval_bounds(&m)?;
    let maximum = m
        .get("maximum")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let tol = m
        .get("tol")
        .and_then(|v| v.as_f64())
        .unwrap_or(f64::EPSILON.powf(0.25));
    let sign = if maximum { -1.0 } else { 1.0 };
    let x = {
        let cell = RefCell::new(&mut *it);
        let g = |x: f64| -> Result<f64, Flow> {
            let mut it = cell.borrow_mut();
            let r = call_at(&mut it, &f, Value::num(x), &dots)?;
            let d = match r.vtype() {
                Some(VType::Int | VType::Dbl) => r.dbl_vec().to_vec(),
                _ => return err("invalid function value in 'optimize'"),
            };
            let v = d.first().map(|v| sign * v).unwrap_or(f64::NAN);
            fmin_value(&mut it, &d, v, "optimize")
        };
        brent_min(lower, upper, tol, g)?
    };
    let obj = call_at(it, &f, Value::num(x), &dots)?;
    it.visible = true;
    let key = if maximum { "maximum" } else { "minimum" };
    Ok(Value::named_list(vec![
        (key.to_string(), Value::num(x)),
        ("objective".to_string(), obj),
    ]))
}

pub fn uniroot(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&[
        "f",
        "interval",
        "...",
        "lower",
        "upper",
        "f.lower",
        "f.upper",
        "extendInt",
        "check.conv",
        "tol",
        "maxiter",
        "trace",
    ])?;
    let f = as_function(it, m.req("f")?)?;
    let dots = m.dots.clone();
    if let Some(iv) = m.get("interval") {
        if iv.len() != 2 {
            return err("'interval' must be a vector of length 2");
        }
    }
    let (mut lower, mut upper) = interval_bounds(&m)?;
    let numeric = |name: &str| {
        m.get(name)
            .map(|v| matches!(v.vtype(), Some(VType::Int | VType::Dbl)))
            .unwrap_or(true)
    };
    if !numeric("lower") || !numeric("upper") || lower >= upper || lower.is_nan() || upper.is_nan()
    {
        return err("lower < upper  is not fulfilled");
    }
    let fcall = |it: &mut Interp, x: f64| -> EvalResult<f64> {
        Ok(scalar_of(&call_at(it, &f, Value::num(x), &dots)?))
    };
    let mut f_lower = match m.get("f.lower") {
        Some(v) => scalar_of(v),
        None => fcall(it, lower)?,
    };
    if f_lower.is_nan() {
        return err("f.lower = f(lower) is NA");
    }
    let mut f_upper = match m.get("f.upper") {
        Some(v) => scalar_of(v),
        None => fcall(it, upper)?,
    };
    if f_upper.is_nan() {
        return err("f.upper = f(upper) is NA");
    }
    let ext = match_arg(m.get("extendInt"), &["no", "yes", "downX", "upX"])?;
    let sig: Option<f64> = match ext.as_str() {
        "yes" => None,
        "downX" => Some(-1.0),
        "upX" => Some(1.0),
        _ => Some(0.0),
    };
    let check_conv = m
        .get("check.conv")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let tol = m
        .get("tol")
        .and_then(|v| v.as_f64())
        .unwrap_or(f64::EPSILON.powf(0.25));
    let maxiter = m.get("maxiter").and_then(|v| v.as_f64()).unwrap_or(1000.0);
    let trunc = |x: f64| x.clamp(-f64::MAX, f64::MAX);
    let (fl, fu) = (trunc(f_lower), trunc(f_upper));
    let do_x = match sig {
        None => fl * fu > 0.0,
        Some(s) => s * fl > 0.0 || s * fu < 0.0,
    };
    let mut it_count: i32 = 0;
    if do_x {
        let delta_of = |u: f64| 0.01 * u.abs().max(1e-4);
        let too_many = |k: i32| err::<()>(format!("no sign change found in {} iterations", k - 1));
        match sig {
            None => {
                let mut delta = [delta_of(lower), delta_of(upper)];
                loop {
                    let fin = [lower.is_finite(), upper.is_finite()];
                    if !(f_lower * f_upper > 0.0 && (fin[0] || fin[1])) {
                        break;
                    }
                    it_count += 1;
                    if it_count as f64 > maxiter {
                        too_many(it_count)?;
                    }
                    if fin[0] {
                        let (ol, of) = (lower, f_lower);
                        lower -= delta[0];
                        f_lower = fcall(it, lower)?;
                        if f_lower.is_nan() {
                            lower = ol;
                            f_lower = of;
                            delta[0] /= 4.0;
                        }
                    }
                    if fin[1] {
                        let (ou, of) = (upper, f_upper);
                        upper += delta[1];
                        f_upper = fcall(it, upper)?;
                        if f_upper.is_nan() {
                            upper = ou;
                            f_upper = of;
                            delta[1] /= 4.0;
                        }
                    }
                    delta = [2.0 * delta[0], 2.0 * delta[1]];
                }
            }
            Some(s) => {
                let mut delta = delta_of(lower);
                while s * f_lower > 0.0 {
                    it_count += 1;
                    if it_count as f64 > maxiter {
                        too_many(it_count)?;
                    }
                    lower -= delta;
                    f_lower = fcall(it, lower)?;
                    delta *= 2.0;
                }
                let mut delta = delta_of(upper);
                while s * f_upper < 0.0 {
                    it_count += 1;
                    if it_count as f64 > maxiter {
                        too_many(it_count)?;
                    }
                    upper += delta;
                    f_upper = fcall(it, upper)?;
                    delta *= 2.0;
                }
            }
        }
    }
    let sgn = |x: f64| {
        if x > 0.0 {
            1.0
        } else if x < 0.0 {
            -1.0
        } else {
            x
        }
    };
    let prod = sgn(f_lower) * sgn(f_upper);
    if prod.is_nan() || prod > 0.0 {
        return err(if do_x {
            "did not succeed extending the interval endpoints for f(lower) * f(upper) <= 0"
        } else {
            "f() values at end points not of opposite sign"
        });
    }
    if !lower.is_finite() {
        return err("invalid 'xmin' value");
    }
    if !upper.is_finite() {
        return err("invalid 'xmax' value");
    }
    let maxit = maxiter as i32;
    if maxit <= 0 {
        return err("'maxiter' must be positive");
    }
    let z = {
        let cell = RefCell::new(&mut *it);
        let g = |x: f64| -> Result<f64, Flow> {
            let mut it = cell.borrow_mut();
            let r = call_at(&mut it, &f, Value::num(x), &dots)?;
            zeroin_value(&mut it, &r)
        };
        zeroin2(lower, upper, f_lower, f_upper, g, tol, maxit)?
    };
    let iter = match z.iter {
        Some(k) => k,
        None => {
            let msg = format!(
                "_NOT_ converged in {} iteration{}",
                maxit,
                if maxit == 1 { "" } else { "s" }
            );
            if check_conv {
                return err(format!("convergence problem in zero finding: {}", msg));
            }
            it.warning(msg);
            maxit
        }
    };
    let (iter, init_it) = if do_x {
        (iter + it_count, it_count)
    } else {
        (iter, NA_INT)
    };
    let froot = call_at(it, &f, Value::num(z.root), &dots)?;
    it.visible = true;
    Ok(Value::named_list(vec![
        ("root".into(), Value::num(z.root)),
        ("f.root".into(), froot),
        ("iter".into(), Value::int(iter)),
        ("init.it".into(), Value::int(init_it)),
        ("estim.prec".into(), Value::num(z.estim_prec)),
    ]))
}

/// `lower` and `upper` of `optimize`/`uniroot`, by default the ends of `interval`.
pub fn interval_bounds(m: &crate::builtins::Matched) -> EvalResult<(f64, f64)> {
    let iv = m.get("interval").map(|v| v.dbl_vec().to_vec());
    let lower = match m.get("lower") {
        Some(v) => v.as_f64().unwrap_or(f64::NAN),
        None => match &iv {
            Some(v) => v.iter().copied().fold(f64::INFINITY, f64::min),
            None => return err("argument \"interval\" is missing, with no default"),
        },
    };
    let upper = match m.get("upper") {
        Some(v) => v.as_f64().unwrap_or(f64::NAN),
        None => match &iv {
            Some(v) => v.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            None => return err("argument \"interval\" is missing, with no default"),
        },
    };
    Ok((lower, upper))
}
