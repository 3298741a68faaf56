//! `glm.fit`: the IRLS fit of a glm on a given design matrix and response, as user code
//! (and `profile.glm`) call it directly.

use super::glm_family::{family_of, rerr};
use crate::builtins::stats::models::{named_dbl, s};
use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::glm::{glm_fit, Control, Family, GlmInput, Kind};
use crate::value::fields::field;
use crate::value::{Data, Value};

/// The builtins of this file.
pub const BUILTINS: &[Builtin] = &[declared("glm.fit", glm_fit_fn)];

/// Help entries for this file's builtins.
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[doc(
        "glm.fit",
        "glm.fit(x, y, weights = rep(1, nobs), start = NULL, etastart = NULL, mustart = NULL, offset = \
         rep(0, nobs), family = gaussian(), control = list(), intercept = TRUE, singular.ok = TRUE)",
        "The fitting routine behind glm: iteratively reweighted least squares of the response y on the \
         design matrix x for the given family. Returns a list with coefficients, residuals, fitted.values, \
         rank, family, linear.predictors, deviance, aic, null.deviance, iter, weights, prior.weights, \
         df.residual, df.null, y, converged and boundary.",
    )]
};

/// A response as glm.fit takes it, for `fam`: proportions with prior weights times the
/// trials for a two-column binomial response, 0/1 for a factor. Returns (y, prior, trials).
pub(crate) fn response_values(
    yv: &Value,
    prior: Vec<f64>,
    fam: &Family,
) -> EvalResult<(Vec<f64>, Vec<f64>, Vec<f64>)> {
    let mut prior = prior;
    let n = prior.len();
    let mut ntrials = vec![1.0; n];
    let binom = matches!(fam.kind, Kind::Binomial | Kind::QuasiBinomial);
    let y: Vec<f64> = if let Some(d) = yv.dim().filter(|d| d.len() == 2) {
        if !binom || d[1] != 2 {
            return err(if binom {
                "y must be a vector or a two-column matrix"
            } else {
                "response must be a vector"
            });
        }
        let v = yv.dbl_vec();
        let mut y = Vec::with_capacity(n);
        for i in 0..n {
            let (a, b) = (v[i], v[n + i]);
            let t = a + b;
            ntrials[i] = t;
            y.push(if t == 0.0 { 0.0 } else { a / t });
            prior[i] *= t;
        }
        y
    } else if yv.is_factor() {
        if !binom {
            return err("non-numeric response");
        }
        yv.int_vec().iter().map(|&k| if k == 1 { 0.0 } else { 1.0 }).collect()
    } else if matches!(yv.data(), Some(Data::Str(_))) {
        return err("non-numeric argument to binary operator");
    } else {
        yv.dbl_vec().to_vec()
    };
    Ok((y, prior, ntrials))
}

fn glm_fit_fn(it: &mut Interp, m: Matched) -> EvalResult {
    let xv = m.req("x")?.clone();
    let yv = m.req("y")?.clone();
    let dims = xv.dim().filter(|d| d.len() == 2);
    let xd = xv.dbl_vec().to_vec();
    let (n, p) = match &dims {
        Some(d) => (d[0], d[1]),
        None => (xd.len(), 1),
    };
    let ny = match yv.dim().filter(|d| d.len() == 2) {
        Some(d) => d[0],
        None => yv.len(),
    };
    if ny != n {
        return err(format!(
            "number of observations in 'x' ({}) and 'y' ({}) differ",
            n, ny
        ));
    }
    let colnames: Option<Vec<String>> = xv
        .get_attr("dimnames")
        .and_then(|dn| dn.list_vec().get(1).cloned())
        .filter(|c| !c.is_null())
        .map(|c| c.str_vec().iter().map(|x| x.as_deref().unwrap_or("NA").to_string()).collect());
    let fam = match m.get("family") {
        None => Family::new("gaussian", None).map_err(rerr)?,
        Some(f) => {
            let f = if matches!(f, Value::Builtin(_) | Value::Closure(_)) {
                it.call_value(f, vec![])?
            } else {
                f.clone()
            };
            family_of(&f)?
        }
    };
    let vec_or = |name: &str, d: f64| -> EvalResult<Vec<f64>> {
        match m.get(name).filter(|v| !v.is_null()) {
            None => Ok(vec![d; n]),
            Some(v) => {
                let v = v.dbl_vec().to_vec();
                if v.len() != n {
                    return err(format!("length of '{}' must equal the number of observations", name));
                }
                Ok(v)
            }
        }
    };
    let prior = vec_or("weights", 1.0)?;
    if prior.iter().any(|&w| w < 0.0) {
        return err("negative weights not allowed");
    }
    let offset = vec_or("offset", 0.0)?;
    let (y, prior, ntrials) = response_values(&yv, prior, &fam)?;
    let ctl_v = m.get("control").cloned().unwrap_or(Value::Null);
    let num = |k: &str| field(&ctl_v, k).and_then(|v| v.as_f64());
    let ctl = Control {
        epsilon: num("epsilon").unwrap_or(1e-8),
        maxit: num("maxit").unwrap_or(25.0) as usize,
    };
    let start = m.get("start").filter(|v| !v.is_null()).map(|v| v.dbl_vec().to_vec());
    let link = fam.link;
    let mustart: Option<Vec<f64>> = match m.get("etastart").filter(|v| !v.is_null()) {
        Some(e) => Some(e.dbl_vec().iter().map(|&e| link.linkinv(e)).collect()),
        None => m.get("mustart").filter(|v| !v.is_null()).map(|v| v.dbl_vec().to_vec()),
    };
    let intercept = m.get("intercept").and_then(|v| v.as_bool().flatten()).unwrap_or(true);
    let src = crate::stats::tsqr::Dense { x: &xd, n, p };
    let inp = GlmInput {
        x: &src,
        n,
        p,
        y: &y,
        weights: &prior,
        offset: &offset,
        ntrials: &ntrials,
        start: start.as_deref(),
        mustart: mustart.as_deref(),
        intercept,
        tsqr_min: crate::builtins::stats::models::lm_blocked::tsqr_min(it),
    };
    let fit = glm_fit(&inp, &fam, &ctl).map_err(rerr)?;
    for w in &fit.warnings {
        it.raise_warning(w, Some("glm.fit(...)".into()))?;
    }
    let coef = crate::builtins::stats::models::lm_blocked::nan_as_na(&fit.coef);
    let coef = match &colnames {
        Some(nm) => named_dbl(coef, nm),
        None => Value::dbls(coef),
    };
    let aic = if fit.aic.is_nan() { crate::value::na_real() } else { fit.aic };
    let fam_v = match m.get("family") {
        Some(f) if f.inherits("family") => f.clone(),
        _ => super::glm_family::family_object(it, &fam)?,
    };
    let lgl = |b: bool| Value::lgls(vec![b as i32]);
    let mut out = Value::named_list(vec![
        ("coefficients".into(), coef),
        ("residuals".into(), Value::dbls(fit.residuals)),
        ("fitted.values".into(), Value::dbls(fit.mu)),
        ("rank".into(), Value::int(fit.qr.rank as i32)),
        ("family".into(), fam_v),
        ("linear.predictors".into(), Value::dbls(fit.eta)),
        ("deviance".into(), Value::num(fit.deviance)),
        ("aic".into(), Value::num(aic)),
        ("null.deviance".into(), Value::num(fit.null_deviance)),
        ("iter".into(), Value::int(fit.iter as i32)),
        ("weights".into(), Value::dbls(fit.weights)),
        ("prior.weights".into(), Value::dbls(prior)),
        ("df.residual".into(), Value::int(fit.df_residual as i32)),
        ("df.null".into(), Value::int(fit.df_null as i32)),
        ("y".into(), Value::dbls(y)),
        ("converged".into(), lgl(fit.converged)),
        ("boundary".into(), lgl(fit.boundary)),
    ]);
    out.set_attr(s("class"), Value::Null);
    Ok(out)
}
