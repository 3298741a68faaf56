//! Internal helpers of the state-space functions written in R (`R/stats_structts.R`):
//! the general Kalman filter, smoother and forecaster over a model list
//! (Z, a, P, T, V, h, Pn) as R's KalmanLike/KalmanRun/KalmanSmooth/KalmanForecast use it.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::ts::kalman::{self, SsModel};
use crate::syntax::sym::Sym;
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[
    declared(".kalman_filter", kalman_filter),
    declared(".kalman_smooth", kalman_smooth),
    declared(".kalman_forecast", kalman_forecast),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc(".kalman_filter", ".kalman_filter(y, mod, nit, run)",
            "Internal: the Kalman filter; list(values = c(ssq/nu, sumlog/nu), resid, states, a, P, Pn)."),
        doc(".kalman_smooth", ".kalman_smooth(y, mod, nit)", "Internal: the Kalman smoother; list(smooth, var)."),
        doc(".kalman_forecast", ".kalman_forecast(n.ahead, mod)",
            "Internal: Kalman forecasts; list(pred, var, a, P)."),
    ]
};

fn elt(l: &Value, name: &str) -> EvalResult<Vec<f64>> {
    let names = l.names().unwrap_or_default();
    let items = l.list_vec();
    for (i, n) in names.iter().enumerate() {
        if n.as_deref() == Some(name) {
            let v = &items[i];
            if !matches!(v, Value::Vector(_)) {
                return err("invalid argument type");
            }
            return Ok(v.dbl_vec().to_vec());
        }
    }
    err(format!("invalid model: no '{}'", name))
}

fn model_of(l: &Value, need_pn: bool) -> EvalResult<SsModel> {
    let a = elt(l, "a")?;
    let p = a.len();
    let pn = if need_pn { elt(l, "Pn")? } else { vec![0.0; p * p] };
    let m = SsModel {
        z: elt(l, "Z")?,
        p: elt(l, "P")?,
        t: elt(l, "T")?,
        v: elt(l, "V")?,
        h: elt(l, "h")?.first().copied().unwrap_or(f64::NAN),
        pn,
        a,
    };
    if m.z.len() != p || m.p.len() != p * p || m.t.len() != p * p || m.v.len() != p * p || m.pn.len() != p * p {
        return err("invalid argument type");
    }
    Ok(m)
}

fn matrix(v: Vec<f64>, nr: usize, nc: usize) -> Value {
    let mut x = Value::dbls(v);
    x.set_attr(Sym::new("dim"), Value::ints(vec![nr as i32, nc as i32]));
    x
}

fn int_arg(m: &Matched, name: &str) -> EvalResult<i64> {
    match m.req(name)?.as_f64() {
        Some(v) if !v.is_nan() => Ok(v as i64),
        _ => err(format!("invalid '{}'", name)),
    }
}

fn kalman_filter(_it: &mut Interp, m: Matched) -> EvalResult {
    let y = m.req("y")?.dbl_vec().to_vec();
    let mut model = model_of(m.req("mod")?, true)?;
    let nit = int_arg(&m, "nit")?;
    let run = m.req("run")?.as_bool().flatten().unwrap_or(false);
    let out = kalman::filter(&y, &mut model, nit, run);
    let p = model.a.len();
    let n = y.len();
    Ok(Value::named_list(vec![
        ("values".into(), Value::dbls(out.values.to_vec())),
        ("resid".into(), if run { Value::dbls(out.resid) } else { Value::Null }),
        ("states".into(), if run { matrix(out.states, n, p) } else { Value::Null }),
        ("a".into(), Value::dbls(model.a)),
        ("P".into(), matrix(model.p, p, p)),
        ("Pn".into(), matrix(model.pn, p, p)),
    ]))
}

fn kalman_smooth(_it: &mut Interp, m: Matched) -> EvalResult {
    let y = m.req("y")?.dbl_vec().to_vec();
    let model = model_of(m.req("mod")?, true)?;
    let nit = int_arg(&m, "nit")?;
    let p = model.a.len();
    let n = y.len();
    let (s, v) = kalman::smooth(&y, &model, nit);
    let mut var = Value::dbls(v);
    var.set_attr(Sym::new("dim"), Value::ints(vec![n as i32, p as i32, p as i32]));
    Ok(Value::named_list(vec![("smooth".into(), matrix(s, n, p)), ("var".into(), var)]))
}

fn kalman_forecast(_it: &mut Interp, m: Matched) -> EvalResult {
    let n = int_arg(&m, "n.ahead")?.max(0) as usize;
    let mut model = model_of(m.req("mod")?, false)?;
    let p = model.a.len();
    let (pred, var) = kalman::forecast(n, &mut model);
    Ok(Value::named_list(vec![
        ("pred".into(), Value::dbls(pred)),
        ("var".into(), Value::dbls(var)),
        ("a".into(), Value::dbls(model.a)),
        ("P".into(), matrix(model.p, p, p)),
    ]))
}
