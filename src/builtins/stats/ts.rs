//! Internal numeric helpers of the time-series functions written in R
//! (`R/stats_ts_filters.R`, `R/stats_arima.R`): the recursive filter and ARIMA's Kalman
//! filter likelihood, conditional sum of squares, parameter transforms and forecasts.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::ts::arima::{self, ArimaModel, Orders};
use crate::syntax::sym::Sym;
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[
    declared(".rfilter_core", rfilter_core),
    declared(".arima_like", arima_like),
    declared(".arima_css", arima_css),
    declared(".arima_transpars", arima_transpars),
    declared(".arima_undopars", arima_undopars),
    declared(".arima_invtrans", arima_invtrans),
    declared(".arima_gradtrans", arima_gradtrans),
    declared(".arima_q0", arima_q0),
    declared(".arima_forecast", arima_forecast),
    declared(".poly_roots_mod", poly_roots_mod),
    declared(".ma_invert", ma_invert),
    declared(".holtwinters_core", holtwinters_core),
    declared(".stl_core", stl_core),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc(".rfilter_core", ".rfilter_core(x, filter, init)", "Internal: the recursive filter."),
        doc(".arima_like", ".arima_like(y, mod, up, resid)",
            "Internal: the ARIMA Kalman filter; list(stats = c(ssq, sumlog, nu), resid, a, P, Pn)."),
        doc(".arima_css", ".arima_css(y, arma, phi, theta, ncond)",
            "Internal: ARIMA conditional sum of squares; list(sigma2, resid)."),
        doc(".arima_transpars", ".arima_transpars(par, arma, trans)",
            "Internal: expanded phi and theta from ARIMA parameters."),
        doc(".arima_undopars", ".arima_undopars(par, arma)", "Internal: maps AR blocks to stationary coefficients."),
        doc(".arima_invtrans", ".arima_invtrans(par, arma)", "Internal: the inverse of .arima_undopars."),
        doc(".arima_gradtrans", ".arima_gradtrans(par, arma)", "Internal: the Jacobian of .arima_undopars."),
        doc(".arima_q0", ".arima_q0(phi, theta)", "Internal: the stationary state variance of an ARMA model."),
        doc(".arima_forecast", ".arima_forecast(n.ahead, mod)", "Internal: Kalman forecasts; list(pred, var)."),
        doc(".poly_roots_mod", ".poly_roots_mod(coef)",
            "Internal: the moduli of the roots of a real polynomial (coefficients lowest order first)."),
        doc(".ma_invert", ".ma_invert(ma)", "Internal: reflects MA roots inside the unit circle outside."),
        doc(".holtwinters_core", ".holtwinters_core(x, alpha, beta, gamma, start.time, additive, period, dotrend, doseasonal, a, b, s)",
            "Internal: the Holt-Winters recursions; list(SSE, level, trend, seasonal)."),
        doc(".stl_core", ".stl_core(x, period, s.window, t.window, l.window, s.degree, t.degree, l.degree, s.jump, t.jump, l.jump, inner, outer)",
            "Internal: STL decomposition; list(seasonal, trend, weights)."),
    ]
};

fn dbls(m: &Matched, name: &str) -> EvalResult<Vec<f64>> {
    Ok(m.req(name)?.dbl_vec().to_vec())
}

fn orders(m: &Matched) -> EvalResult<Orders> {
    let a = m.req("arma")?.int_vec();
    if a.len() < 5 {
        return err("invalid 'arma'");
    }
    Ok(Orders { p: a[0] as usize, q: a[1] as usize, sp: a[2] as usize, sq: a[3] as usize, ns: a[4] as usize })
}

fn rfilter_core(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::dbls(crate::stats::ts::rfilter(&dbls(&m, "x")?, &dbls(&m, "filter")?, &dbls(&m, "init")?)))
}

fn list_elt(l: &Value, name: &str) -> EvalResult<Vec<f64>> {
    let names = l.names().unwrap_or_default();
    let items = l.list_vec();
    for (i, n) in names.iter().enumerate() {
        if n.as_deref() == Some(name) {
            return Ok(items[i].dbl_vec().to_vec());
        }
    }
    err(format!("invalid model: no '{}'", name))
}

fn matrix(v: Vec<f64>, n: usize) -> Value {
    let mut x = Value::dbls(v);
    x.set_attr(Sym::new("dim"), Value::ints(vec![n as i32, n as i32]));
    x
}

fn model_of(l: &Value) -> EvalResult<ArimaModel> {
    let phi = list_elt(l, "phi")?;
    let theta = list_elt(l, "theta")?;
    let delta = list_elt(l, "Delta")?;
    let a = list_elt(l, "a")?;
    let p = list_elt(l, "P")?;
    let pn = list_elt(l, "Pn")?;
    let rd = a.len();
    let r = phi.len().max(theta.len() + 1);
    if r + delta.len() != rd || p.len() != rd * rd || pn.len() != rd * rd {
        return err("invalid argument type");
    }
    Ok(ArimaModel { phi, theta, delta, a, p, pn })
}

fn arima_like(_it: &mut Interp, m: Matched) -> EvalResult {
    let y = dbls(&m, "y")?;
    let mut model = model_of(m.req("mod")?)?;
    let up = m.req("up")?.as_f64().unwrap_or(0.0) as i64;
    let want = m.req("resid")?.as_bool().flatten().unwrap_or(false);
    let (ssq, sumlog, nu, resid) = arima::arima_like(&y, &mut model, up, want);
    let rd = model.rd();
    Ok(Value::named_list(vec![
        ("stats".into(), Value::dbls(vec![ssq, sumlog, nu as f64])),
        ("resid".into(), if want { Value::dbls(resid) } else { Value::Null }),
        ("a".into(), Value::dbls(model.a)),
        ("P".into(), matrix(model.p, rd)),
        ("Pn".into(), matrix(model.pn, rd)),
    ]))
}

fn arima_css(_it: &mut Interp, m: Matched) -> EvalResult {
    let y = dbls(&m, "y")?;
    let a = m.req("arma")?.int_vec();
    if a.len() < 7 {
        return err("invalid 'arma'");
    }
    let ncond = m.req("ncond")?.as_f64().unwrap_or(0.0) as usize;
    let phi = dbls(&m, "phi")?;
    let theta = dbls(&m, "theta")?;
    if ncond < phi.len() {
        return err("'n.cond' is too small for the AR order");
    }
    let (s2, resid) = arima::arima_css(&y, a[5] as usize, a[6] as usize, a[4] as usize, &phi, &theta, ncond);
    Ok(Value::named_list(vec![("sigma2".into(), Value::num(s2)), ("resid".into(), Value::dbls(resid))]))
}

fn arima_transpars(_it: &mut Interp, m: Matched) -> EvalResult {
    let o = orders(&m)?;
    let par = dbls(&m, "par")?;
    if par.len() < o.p + o.q + o.sp + o.sq {
        return err("invalid parameter vector");
    }
    let trans = m.req("trans")?.as_bool().flatten().unwrap_or(false);
    let (phi, theta) = arima::trans_pars(&par, o, trans);
    Ok(Value::list(vec![Value::dbls(phi), Value::dbls(theta)]))
}

fn arima_undopars(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::dbls(arima::undo_pars(&dbls(&m, "par")?, orders(&m)?)))
}

fn arima_invtrans(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::dbls(arima::inv_trans(&dbls(&m, "par")?, orders(&m)?)))
}

fn arima_gradtrans(_it: &mut Interp, m: Matched) -> EvalResult {
    let par = dbls(&m, "par")?;
    let n = par.len();
    Ok(matrix(arima::grad_trans(&par, orders(&m)?), n))
}

fn arima_q0(_it: &mut Interp, m: Matched) -> EvalResult {
    let phi = dbls(&m, "phi")?;
    let theta = dbls(&m, "theta")?;
    let r = phi.len().max(theta.len() + 1);
    Ok(matrix(arima::q0(&phi, &theta), r))
}

fn arima_forecast(_it: &mut Interp, m: Matched) -> EvalResult {
    let n = m.req("n.ahead")?.as_f64().unwrap_or(1.0) as usize;
    let model = model_of(m.req("mod")?)?;
    let (p, v) = arima::forecast(n, &model);
    Ok(Value::named_list(vec![("pred".into(), Value::dbls(p)), ("var".into(), Value::dbls(v))]))
}

fn poly_roots_mod(_it: &mut Interp, m: Matched) -> EvalResult {
    let c = dbls(&m, "coef")?;
    Ok(Value::dbls(crate::stats::ts::roots::roots(&c).iter().map(|z| z.0.hypot(z.1)).collect()))
}

fn ma_invert(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::dbls(crate::stats::ts::roots::ma_invert(&dbls(&m, "ma")?)))
}

fn holtwinters_core(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = dbls(&m, "x")?;
    let f = |name: &str| -> EvalResult<f64> { Ok(m.req(name)?.as_f64().unwrap_or(f64::NAN)) };
    let flag = |name: &str| -> EvalResult<bool> { Ok(m.req(name)?.as_bool().flatten().unwrap_or(false)) };
    let clamp = |v: f64| v.clamp(0.0, 1.0);
    let start = f("start.time")? as usize;
    let period = f("period")? as usize;
    let s = dbls(&m, "s")?;
    let doseasonal = flag("doseasonal")?;
    if start < 1 || start > x.len() + 1 || (doseasonal && (period < 1 || s.len() < period)) {
        return err("invalid Holt-Winters start values");
    }
    let fit = crate::stats::ts::holt_winters(
        &x,
        clamp(f("alpha")?),
        clamp(f("beta")?),
        clamp(f("gamma")?),
        start,
        flag("additive")?,
        period,
        flag("dotrend")?,
        doseasonal,
        f("a")?,
        f("b")?,
        &s,
    );
    Ok(Value::named_list(vec![
        ("SSE".into(), Value::num(fit.sse)),
        ("level".into(), Value::dbls(fit.level)),
        ("trend".into(), Value::dbls(fit.trend)),
        ("seasonal".into(), Value::dbls(fit.season)),
    ]))
}

fn stl_core(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = dbls(&m, "x")?;
    let u = |name: &str| -> EvalResult<usize> {
        match m.req(name)?.as_f64() {
            Some(v) if v.is_finite() && v >= 0.0 => Ok(v as usize),
            _ => err(format!("invalid '{}'", name)),
        }
    };
    let p = crate::stats::ts::stl::StlParams {
        period: u("period")?,
        s_window: u("s.window")?,
        t_window: u("t.window")?,
        l_window: u("l.window")?,
        s_degree: u("s.degree")?,
        t_degree: u("t.degree")?,
        l_degree: u("l.degree")?,
        s_jump: u("s.jump")?.max(1),
        t_jump: u("t.jump")?.max(1),
        l_jump: u("l.jump")?.max(1),
        inner: u("inner")?,
        outer: u("outer")?,
    };
    if x.len() < 2 * p.period.max(2) || x.iter().any(|v| v.is_nan()) {
        return err("series is not periodic or has less than two periods");
    }
    let fit = crate::stats::ts::stl::stl(&x, &p);
    Ok(Value::named_list(vec![
        ("seasonal".into(), Value::dbls(fit.seasonal)),
        ("trend".into(), Value::dbls(fit.trend)),
        ("weights".into(), Value::dbls(fit.weights)),
    ]))
}
