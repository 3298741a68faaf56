//! Kernels behind `smooth.spline` and its `predict` method, and `runmed` (R-level code
//! in `builtins/R/stats_smspline.R`). Numerics live in `crate::stats::smooth::smspline`
//! and `crate::stats::smooth::runmed`.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult, RError};
use crate::eval::Interp;
use crate::stats::smooth::runmed::{self, NaAction};
use crate::stats::smooth::smspline::{self, Problem};
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[
    declared(".smspl_fit", smspl_fit),
    declared(".smspl_eval", smspl_eval),
    declared(".runmed", runmed_fn),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc(".smspl_fit", ".smspl_fit(x, y, w, ssw, knot, nk, penalty, dofoff, icrit, ispar, spar, is.lambda, ctrl)",
            "Fits the cubic smoothing spline on knots (x scaled to [0, 1], unique): at the given spar or lambda \
             (ispar = 1) or searching spar in ctrl = c(low, high, tol, eps, maxit). \
             list(coef, ty, lev, spar, lambda, ratio, crit, iter, ier)."),
        doc(".smspl_eval", ".smspl_eval(knot, coef, x, deriv)",
            "Values (or derivative deriv = 0..3) of the cubic B-spline with coefficients coef at x in [0, 1]."),
        doc(".runmed", ".runmed(x, k, constant, na)",
            "Running medians of odd span k; end values kept (constant = FALSE) or constant; \
             na = 1 (+Big_alternate), 2 (-Big_alternate) or 3 (na.omit)."),
    ]
};

fn num(m: &Matched, name: &str) -> EvalResult<f64> {
    m.req(name)?.as_f64().ok_or_else(|| RError::runtime(format!("invalid '{}'", name)).into())
}

fn smspl_fit(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.dbl_vec();
    let y = m.req("y")?.dbl_vec();
    let w = m.req("w")?.dbl_vec();
    let knot = m.req("knot")?.dbl_vec();
    let nk = num(&m, "nk")? as usize;
    let n = x.len();
    if y.len() != n || w.len() != n || n < 4 {
        return err("invalid smoothing spline data");
    }
    if nk < 4 || knot.len() != nk + 4 {
        return err("invalid smoothing spline knots");
    }
    if knot.windows(2).any(|k| !(k[0] <= k[1])) || x.iter().any(|&v| !(v >= knot[3] && v <= knot[nk])) {
        return err("invalid smoothing spline knots");
    }
    let ctrl = m.req("ctrl")?.dbl_vec();
    if ctrl.len() < 5 {
        return err("invalid 'control.spar'");
    }
    let icrit = num(&m, "icrit")? as i32;
    let p = Problem::new(&x, &y, &w, num(&m, "ssw")?, &knot, nk, num(&m, "penalty")?, num(&m, "dofoff")?, icrit);
    let is_lambda = m.req("is.lambda")?.as_bool().flatten().unwrap_or(false);
    let spar = num(&m, "spar")?;
    let (sol, spar, crit, iter) = if num(&m, "ispar")? == 1.0 {
        let lambda = if is_lambda { spar } else { p.lambda_of(spar) };
        let s = p.solve(lambda);
        let c = s.crit;
        (s, spar, c, 0)
    } else {
        let s = smspline::search_spar(&p, ctrl[0], ctrl[1], ctrl[2], ctrl[3], ctrl[4] as usize);
        (s.sol, s.spar, s.crit, s.iter)
    };
    let (xwy, xwx, sigma) = p.cross_products();
    Ok(Value::named_list(vec![
        ("xwy".into(), Value::dbls(xwy)),
        ("xwx".into(), Value::dbls(xwx)),
        ("sigma".into(), Value::dbls(sigma)),
        ("r".into(), Value::dbls(sol.r)),
        ("coef".into(), Value::dbls(sol.coef)),
        ("ty".into(), Value::dbls(sol.sz)),
        ("lev".into(), Value::dbls(sol.lev)),
        ("spar".into(), Value::num(spar)),
        ("lambda".into(), Value::num(sol.lambda)),
        ("ratio".into(), Value::num(if is_lambda { f64::NAN } else { p.ratio })),
        ("crit".into(), Value::num(crit)),
        ("iter".into(), Value::int(iter as i32)),
        ("ier".into(), Value::int(sol.ier as i32)),
    ]))
}

fn smspl_eval(_it: &mut Interp, m: Matched) -> EvalResult {
    let knot = m.req("knot")?.dbl_vec();
    let coef = m.req("coef")?.dbl_vec();
    let x = m.req("x")?.dbl_vec();
    let deriv = num(&m, "deriv")?;
    if knot.len() != coef.len() + 4 || coef.len() < 4 {
        return err("invalid smoothing spline fit");
    }
    if !(0.0..=3.0).contains(&deriv) {
        return err("'deriv' must be between 0 and 3");
    }
    let out = x.iter().map(|&v| smspline::bvalue(&knot, &coef, v, deriv as usize)).collect();
    Ok(Value::dbls(out))
}

fn runmed_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.dbl_vec();
    let k = num(&m, "k")?;
    if !(k >= 1.0) {
        return err("'k' must be positive");
    }
    let constant = m.req("constant")?.as_bool().flatten().unwrap_or(false);
    let na = match num(&m, "na")? as i32 {
        1 => NaAction::BigPlus,
        2 => NaAction::BigMinus,
        3 => NaAction::Omit,
        _ => return err("runmed(): invalid 'na.action'"),
    };
    Ok(Value::dbls(runmed::runmed(&x, k as usize, constant, na)))
}
