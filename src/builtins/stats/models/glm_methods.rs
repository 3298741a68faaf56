//! The glm methods: `summary.glm`, `vcov`, `residuals`, `predict`, `logLik`, `AIC`/`BIC`,
//! `anova.glm` and `confint.default`.

use super::fit_rows::FitRows;
use super::glm_family::{control_of, family_of, rerr};
use crate::builtins::stats::models::{
    anova_table, data_env, has_intercept, matrix, named_dbl, response_label, s, strings_of,
};
use crate::builtins::Args;
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::dist::beta::{pf, pt};
use crate::stats::dist::normal::{pnorm, qnorm};
use crate::stats::glm::{glm_fit, pchisq_upper, Family, GlmInput, Kind};
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::syntax::deparse::deparse;
use crate::value::fields::{dbl_field, field};
use crate::value::{Env, Value};

/// Dispersion, estimated-or-not flag, and the unscaled covariance (rank x rank, pivoted order).
struct GlmCov {
    dispersion: f64,
    est_disp: bool,
    est_idx: Vec<usize>,
    cov_unscaled: Vec<f64>,
    names: Vec<String>,
}

fn glm_cov(fit: &Value) -> EvalResult<GlmCov> {
    let fam = family_of(fit)?;
    let rdf = field(fit, "df.residual")
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let (dispersion, est_disp) = if fam.fixed_dispersion() {
        (1.0, false)
    } else if rdf > 0.0 {
        // the Pearson statistic: kept by a streamed fit, else from the working weights
        // and residuals
        (FitRows::of(fit).pearson() / rdf, true)
    } else {
        (f64::NAN, true)
    };
    let qr = field(fit, "qr").unwrap_or(Value::Null);
    let qrm = field(&qr, "qr").unwrap_or(Value::Null);
    let dims = qrm.dim().unwrap_or_default();
    let (n, p) = (
        dims.first().cloned().unwrap_or(0),
        dims.get(1).cloned().unwrap_or(0),
    );
    let rank = field(&qr, "rank").and_then(|v| v.as_i32()).unwrap_or(0) as usize;
    let pivot: Vec<usize> = field(&qr, "pivot")
        .map(|v| v.int_vec().iter().map(|&k| k as usize - 1).collect())
        .unwrap_or_default();
    let q = crate::stats::qr::Qr {
        qr: qrm.dbl_vec().to_vec(),
        n,
        p,
        qraux: dbl_field(&qr, "qraux"),
        pivot: pivot.clone(),
        rank,
    };
    let coef = field(fit, "coefficients").unwrap_or(Value::Null);
    let names: Vec<String> = coef
        .names()
        .unwrap_or_default()
        .iter()
        .map(|x| x.as_deref().unwrap_or("").to_string())
        .collect();
    Ok(GlmCov {
        dispersion,
        est_disp,
        est_idx: pivot[..rank.min(pivot.len())].to_vec(),
        cov_unscaled: q.unscaled_cov(),
        names,
    })
}

/// `vcov` for glm fits.
pub fn vcov_glm(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["object", "..."])?;
    let fit = m.req("object")?.clone();
    let c = glm_cov(&fit)?;
    let k = c.est_idx.len();
    let nm: Vec<String> = c.est_idx.iter().map(|&j| c.names[j].clone()).collect();
    Ok(matrix(
        c.cov_unscaled.iter().map(|v| v * c.dispersion).collect(),
        k,
        k,
        Some(&nm),
        Some(&nm),
    ))
}

pub(super) fn summary_glm(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["object", "dispersion", "correlation", "symbolic.cor", "..."])?;
    let fit = m.req("object")?.clone();
    let mut c = glm_cov(&fit)?;
    if let Some(d) = m.get("dispersion").and_then(|v| v.as_f64()) {
        c.dispersion = d;
        c.est_disp = false;
    }
    let rdf = field(&fit, "df.residual")
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let cf = dbl_field(&fit, "coefficients");
    let k = c.est_idx.len();
    let rn: Vec<String> = c.est_idx.iter().map(|&j| c.names[j].clone()).collect();
    let est: Vec<f64> = c.est_idx.iter().map(|&j| cf[j]).collect();
    let se: Vec<f64> = (0..k)
        .map(|i| (c.cov_unscaled[i * k + i] * c.dispersion).sqrt())
        .collect();
    let tv: Vec<f64> = est.iter().zip(&se).map(|(e, s)| e / s).collect();
    let (pv, cols): (Vec<f64>, [&str; 2]) = if !c.est_disp {
        (
            tv.iter()
                .map(|t| 2.0 * pnorm(-t.abs(), 0.0, 1.0, true, false))
                .collect(),
            ["z value", "Pr(>|z|)"],
        )
    } else if rdf > 0.0 {
        (
            tv.iter()
                .map(|t| 2.0 * pt(-t.abs(), rdf, true, false))
                .collect(),
            ["t value", "Pr(>|t|)"],
        )
    } else {
        (vec![f64::NAN; k], ["t value", "Pr(>|t|)"])
    };
    let mut cm = est.clone();
    cm.extend(&se);
    cm.extend(&tv);
    cm.extend(&pv);
    let colnames: Vec<String> = ["Estimate", "Std. Error", cols[0], cols[1]]
        .iter()
        .map(|x| x.to_string())
        .collect();
    let mut aliased = Value::lgls(
        (0..c.names.len())
            .map(|j| !c.est_idx.contains(&j) as i32)
            .collect(),
    );
    aliased.set_attr(s("names"), Value::strings(&c.names));
    let mut items = Vec::new();
    for key in [
        "call",
        "terms",
        "family",
        "deviance",
        "aic",
        "contrasts",
        "df.residual",
        "null.deviance",
        "df.null",
        "iter",
        "na.action",
    ] {
        if let Some(v) = field(&fit, key) {
            items.push((key.to_string(), v));
        }
    }
    let dres = match FitRows::of(&fit).residual_quantiles(it)? {
        Some(q) => q,
        None => residuals_of(&fit, "deviance")?,
    };
    items.push(("deviance.resid".into(), dres));
    items.push((
        "coefficients".into(),
        matrix(cm, k, 4, Some(&rn), Some(&colnames)),
    ));
    items.push(("aliased".into(), aliased));
    items.push(("dispersion".into(), Value::num(c.dispersion)));
    items.push((
        "df".into(),
        Value::ints(vec![k as i32, rdf as i32, c.names.len() as i32]),
    ));
    items.push((
        "cov.unscaled".into(),
        matrix(c.cov_unscaled.clone(), k, k, Some(&rn), Some(&rn)),
    ));
    items.push((
        "cov.scaled".into(),
        matrix(
            c.cov_unscaled.iter().map(|v| v * c.dispersion).collect(),
            k,
            k,
            Some(&rn),
            Some(&rn),
        ),
    ));
    let mut out = Value::named_list(items);
    out.set_attr(s("class"), Value::str("summary.glm"));
    Ok(out)
}

fn residuals_of(fit: &Value, typ: &str) -> EvalResult {
    let fam = family_of(fit)?;
    let y = dbl_field(fit, "y");
    let mu = dbl_field(fit, "fitted.values");
    let wt = dbl_field(fit, "prior.weights");
    let r = field(fit, "residuals").unwrap_or(Value::Null);
    let names: Vec<String> = r
        .names()
        .unwrap_or_default()
        .iter()
        .map(|x| x.as_deref().unwrap_or("").to_string())
        .collect();
    let rdf = field(fit, "df.residual")
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let vals: Vec<f64> = match typ {
        "deviance" => {
            if rdf > 0.0 {
                (0..mu.len())
                    .map(|i| {
                        let d = fam.dev_resid(y[i], mu[i], wt[i]).max(0.0).sqrt();
                        if y[i] > mu[i] {
                            d
                        } else {
                            -d
                        }
                    })
                    .collect()
            } else {
                vec![0.0; mu.len()]
            }
        }
        "pearson" => (0..mu.len()).map(|i| (y[i] - mu[i]) * wt[i].sqrt() / fam.variance(mu[i]).sqrt()).collect(),
        "working" | "partial" => r.dbl_vec().to_vec(),
        "response" => (0..mu.len()).map(|i| y[i] - mu[i]).collect(),
        _ => return err("'arg' should be one of \u{201c}deviance\u{201d}, \u{201c}pearson\u{201d}, \u{201c}working\u{201d}, \u{201c}response\u{201d}, \u{201c}partial\u{201d}"),
    };
    Ok(named_dbl(vals, &names))
}

/// `residuals.glm(object, type)`.
pub fn residuals_glm(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["object", "type", "..."])?;
    let fit = m.req("object")?.clone();
    crate::builtins::stats::models::not_streamed(&fit, "residuals")?;
    let typ = m
        .get("type")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "deviance".into());
    let full = ["deviance", "pearson", "working", "response", "partial"];
    let typ = full
        .iter()
        .find(|f| f.starts_with(typ.as_str()))
        .map(|x| x.to_string())
        .unwrap_or(typ);
    residuals_of(&fit, &typ)
}

/// `predict.glm(object, newdata, type, se.fit, dispersion)`.
pub fn predict_glm(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&[
        "object",
        "newdata",
        "type",
        "se.fit",
        "dispersion",
        "terms",
        "na.action",
        "...",
    ])?;
    let fit = m.req("object")?.clone();
    let typ = m
        .get("type")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "link".into());
    let typ = ["link", "response", "terms"]
        .iter()
        .find(|f| f.starts_with(typ.as_str()))
        .map(|x| x.to_string())
        .unwrap_or(typ);
    let se_fit = m
        .get("se.fit")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let fam = family_of(&fit)?;
    let nd = m.get("newdata").cloned();
    if nd.is_none() {
        crate::builtins::stats::models::not_streamed(&fit, "predictions")?;
    }
    if nd.is_none() && !se_fit {
        let key = if typ == "response" {
            "fitted.values"
        } else {
            "linear.predictors"
        };
        return Ok(field(&fit, key).unwrap_or(Value::Null));
    }
    let (x, n, rows) = crate::builtins::stats::models::predict_matrix(it, &fit, nd.as_ref())?;
    let coef = dbl_field(&fit, "coefficients");
    let mut eta = vec![0.0; n];
    if nd.is_none() {
        eta = dbl_field(&fit, "linear.predictors");
    } else {
        for (j, &c) in coef.iter().enumerate() {
            if c.is_nan() {
                continue;
            }
            for i in 0..n {
                eta[i] += x[j * n + i] * c;
            }
        }
        // offsets evaluated in newdata
        let tv = field(&fit, "terms").unwrap_or(Value::Null);
        let env = match tv.get_attr(".Environment") {
            Some(Value::Env(e)) => e.clone(),
            _ => it.global.clone(),
        };
        let denv = data_env(nd.as_ref(), &env);
        let mut offs: Vec<Expr> = Vec::new();
        if let (Some(off), Some(Value::Lang(vars))) =
            (tv.get_attr("offset"), tv.get_attr("variables"))
        {
            if let ExprKind::Call(_, vargs) = &vars.expr.kind {
                for k in off.int_vec().iter() {
                    if let Some(e) = vargs.get(*k as usize - 1).and_then(|a| a.value.clone()) {
                        offs.push(e);
                    }
                }
            }
        }
        if let Some(Value::Lang(call)) = field(&fit, "call") {
            if let ExprKind::Call(_, cargs) = &call.expr.kind {
                if let Some(e) = cargs
                    .iter()
                    .find(|a| a.name.map(|x| x.as_str() == "offset").unwrap_or(false))
                    .and_then(|a| a.value.clone())
                {
                    offs.push(e);
                }
            }
        }
        for e in offs {
            let ov = it.eval(&e, &denv)?.dbl_vec().to_vec();
            for i in 0..n {
                eta[i] += ov.get(i).cloned().unwrap_or(f64::NAN);
            }
        }
    }
    let resp = typ == "response";
    let fitv: Vec<f64> = if resp {
        eta.iter().map(|&e| fam.link.linkinv(e)).collect()
    } else {
        eta.clone()
    };
    if !se_fit {
        return Ok(named_dbl(fitv, &rows));
    }
    let mut c = glm_cov(&fit)?;
    if let Some(d) = m.get("dispersion").and_then(|v| v.as_f64()) {
        c.dispersion = d;
    }
    let k = c.est_idx.len();
    let se: Vec<f64> = (0..n)
        .map(|i| {
            let xi: Vec<f64> = c.est_idx.iter().map(|&j| x[j * n + i]).collect();
            let mut acc = 0.0;
            for a in 0..k {
                for b in 0..k {
                    acc += xi[a] * c.cov_unscaled[b * k + a] * xi[b];
                }
            }
            let s = (acc * c.dispersion).sqrt();
            if resp {
                s * fam.link.mu_eta(eta[i]).abs()
            } else {
                s
            }
        })
        .collect();
    Ok(Value::named_list(vec![
        ("fit".into(), named_dbl(fitv, &rows)),
        (
            "se.fit".into(),
            if n == 1 && nd.is_some() {
                Value::dbls(se)
            } else {
                named_dbl(se, &rows)
            },
        ),
        ("residual.scale".into(), Value::num(c.dispersion.sqrt())),
    ]))
}

/// `logLik` value and degrees of freedom of a glm fit.
pub fn loglik_glm(fit: &Value) -> (f64, usize) {
    let rank = field(fit, "rank").and_then(|v| v.as_i32()).unwrap_or(0) as usize;
    let extra = family_of(fit)
        .map(|f| matches!(f.kind, Kind::Gaussian | Kind::Gamma | Kind::InverseGaussian) as usize)
        .unwrap_or(0);
    let p = rank + extra;
    let aic = field(fit, "aic")
        .and_then(|v| v.as_f64())
        .unwrap_or(f64::NAN);
    (p as f64 - aic / 2.0, p)
}

fn eval_labelled(it: &mut Interp, args: &[Arg], env: &Env) -> EvalResult<Args> {
    let mut items = Vec::new();
    let n_unnamed = args.iter().filter(|a| a.name.is_none()).count();
    for a in args {
        let Some(e) = &a.value else { continue };
        let v = it.eval(e, env)?;
        let name = match a.name {
            Some(n) => Some(n),
            None if n_unnamed > 1 => Some(s(&deparse(e))),
            None => None,
        };
        items.push((name, v));
    }
    Ok(Args::new(items))
}

/// `AIC(...)`: a special so that several fits are labelled by their expressions.
pub fn aic_special(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let a = eval_labelled(it, args, env)?;
    if let Some(r) = ic_method(it, "AIC", &a, env) {
        return r;
    }
    crate::builtins::stats::models::aic(it, a)
}

/// A single fit whose class has an R-level `AIC.cls`/`BIC.cls` method (such as `nls`) goes
/// to that method.
fn ic_method(it: &mut Interp, generic: &str, a: &Args, env: &Env) -> Option<EvalResult> {
    let objects = a.items.iter().filter(|(n, _)| n.map_or(true, |n| n.as_str() != "k")).count();
    let first = a.items.first()?.1.clone();
    if objects != 1 || first.inherits("lm") {
        return None;
    }
    let items = a.items.iter().enumerate().map(|(i, (n, v))| (if i == 0 { None } else { *n }, v.clone())).collect();
    it.try_dispatch(generic, &first, items, env)
}

/// `BIC(...)`, labelled as [`aic_special`].
pub fn bic_special(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let a = eval_labelled(it, args, env)?;
    if let Some(r) = ic_method(it, "BIC", &a, env) {
        return r;
    }
    crate::builtins::stats::models::bic(it, a)
}

fn test_columns(
    test: &str,
    dev: &[f64],
    df: &[f64],
    scale: f64,
    df_scale: f64,
) -> Vec<(&'static str, Vec<f64>)> {
    let na = crate::value::na_real();
    match test {
        "Chisq" | "LRT" => {
            let p = dev
                .iter()
                .zip(df)
                .map(|(&d, &k)| {
                    if d.is_nan() || k.is_nan() || k == 0.0 {
                        return na;
                    }
                    let v = d / scale * k.signum();
                    if v < 0.0 {
                        na
                    } else {
                        pchisq_upper(v, k.abs())
                    }
                })
                .collect();
            vec![("Pr(>Chi)", p)]
        }
        "F" => {
            let fv: Vec<f64> = dev
                .iter()
                .zip(df)
                .map(|(&d, &k)| {
                    if d.is_nan() || k.is_nan() || k == 0.0 || d / k / scale < 0.0 {
                        na
                    } else {
                        d / k / scale
                    }
                })
                .collect();
            let p = fv
                .iter()
                .zip(df)
                .map(|(&f, &k)| {
                    if f.is_nan() {
                        na
                    } else {
                        pf(f, k.abs(), df_scale, false, false)
                    }
                })
                .collect();
            vec![("F", fv), ("Pr(>F)", p)]
        }
        _ => vec![],
    }
}

/// The Pearson statistic of an in-memory glm fit: its working weights times its working
/// residuals squared, over the observations with positive weight.
pub(crate) fn pearson_sum(fit: &Value) -> f64 {
    let w = dbl_field(fit, "weights");
    let r = dbl_field(fit, "residuals");
    w.iter()
        .zip(&r)
        .filter(|(w, _)| **w > 0.0)
        .map(|(w, r)| w * r * r)
        .sum()
}

/// Deviance and residual df of the fits with the first 1, 2, ..., nt-1 terms of `fit`
/// (the rows of its sequential analysis of deviance between NULL and the full model).
pub(crate) fn nested_fits(
    it: &mut Interp,
    fit: &Value,
    fam: &Family,
    nt: usize,
) -> EvalResult<Vec<(f64, f64)>> {
    let xv = crate::builtins::stats::models::lm_model_matrix(it, fit)?;
    let dims = xv.dim().unwrap_or_default();
    let (n, p) = (
        dims.first().cloned().unwrap_or(0),
        dims.get(1).cloned().unwrap_or(0),
    );
    let x = xv.dbl_vec().to_vec();
    let assign: Vec<usize> = xv
        .get_attr("assign")
        .map(|v| v.int_vec().iter().map(|&k| k as usize).collect())
        .unwrap_or_default();
    let y = dbl_field(fit, "y");
    let wt = dbl_field(fit, "prior.weights");
    let off = field(fit, "offset")
        .map(|o| o.dbl_vec().to_vec())
        .filter(|o| o.len() == n)
        .unwrap_or_else(|| vec![0.0; n]);
    let ones = vec![1.0; n];
    let (intercept, ctl) = (has_intercept(fit), control_of(fit));
    let tsqr_min = crate::builtins::stats::models::lm_blocked::tsqr_min(it);
    let mut out = Vec::new();
    for i in 1..nt {
        let cols: Vec<usize> = (0..p).filter(|&j| assign[j] <= i).collect();
        let mut xs = Vec::with_capacity(cols.len() * n);
        for &j in &cols {
            xs.extend_from_slice(&x[j * n..(j + 1) * n]);
        }
        let src = crate::stats::tsqr::Dense {
            x: &xs,
            n,
            p: cols.len(),
        };
        let inp = GlmInput {
            x: &src,
            n,
            p: cols.len(),
            y: &y,
            weights: &wt,
            offset: &off,
            ntrials: &ones,
            start: None,
            mustart: None,
            intercept,
            tsqr_min,
        };
        let f = glm_fit(&inp, fam, &ctl).map_err(rerr)?;
        out.push((f.deviance, f.df_residual as f64));
    }
    Ok(out)
}

/// `anova.glm` (sequential terms) and `anova.glmlist` (nested fits).
pub fn anova_glm(it: &mut Interp, a: Args) -> EvalResult {
    let mut fits = Vec::new();
    let mut test: Option<String> = None;
    let mut dispersion: Option<f64> = None;
    for (n, v) in &a.items {
        match n.map(|x| x.as_str().to_string()).as_deref() {
            Some("test") => test = v.as_string(),
            Some("dispersion") => dispersion = v.as_f64(),
            _ => fits.push(v.clone()),
        }
    }
    if let Some(t) = &test {
        if !["Chisq", "LRT", "F", "Rao", "Cp"].contains(&t.as_str()) {
            return err("'arg' should be one of \u{201c}Chisq\u{201d}, \u{201c}LRT\u{201d}, \u{201c}Rao\u{201d}, \u{201c}F\u{201d}, \u{201c}Cp\u{201d}");
        }
    }
    let na = crate::value::na_real();
    let big = fits.last().cloned().unwrap_or(Value::Null);
    let fam = family_of(&big)?;
    let scale_of = |f: &Value| -> EvalResult<(f64, bool)> {
        let c = glm_cov(f)?;
        Ok((
            dispersion.unwrap_or(c.dispersion),
            c.est_disp && dispersion.is_none(),
        ))
    };
    if fits.len() == 1 {
        let fit = &fits[0];
        let labels = field(fit, "terms")
            .and_then(|t| t.get_attr("term.labels").cloned())
            .map(|v| strings_of(&v))
            .unwrap_or_default();
        let nt = labels.len();
        let mut resdev = vec![field(fit, "null.deviance")
            .and_then(|v| v.as_f64())
            .unwrap_or(na)];
        let mut resdf = vec![field(fit, "df.null").and_then(|v| v.as_f64()).unwrap_or(na)];
        let nested = FitRows::of(fit).nested_glm_fits(it, &fam, nt)?;
        for (d, f) in nested {
            resdev.push(d);
            resdf.push(f);
        }
        if nt > 0 {
            resdev.push(
                field(fit, "deviance")
                    .and_then(|v| v.as_f64())
                    .unwrap_or(na),
            );
            resdf.push(
                field(fit, "df.residual")
                    .and_then(|v| v.as_f64())
                    .unwrap_or(na),
            );
        }
        let k = resdev.len();
        let mut df = vec![na];
        let mut dev = vec![na];
        for i in 1..k {
            df.push(resdf[i - 1] - resdf[i]);
            dev.push((resdev[i - 1] - resdev[i]).max(0.0));
        }
        let mut rows = vec!["NULL".to_string()];
        rows.extend(labels.iter().cloned());
        let mut cols = vec!["Df", "Deviance", "Resid. Df", "Resid. Dev"];
        let mut data = [df.clone(), dev.clone(), resdf.clone(), resdev].concat();
        if let Some(t) = &test {
            let (scale, est) = scale_of(fit)?;
            let df_scale = if est {
                field(fit, "df.residual")
                    .and_then(|v| v.as_f64())
                    .unwrap_or(na)
            } else {
                f64::INFINITY
            };
            if t == "F" && !est {
                it.warning(format!(
                    "using F test with a '{}' family is inappropriate",
                    fam.name()
                ));
            }
            for (c, v) in test_columns(t, &dev, &df, scale, df_scale) {
                cols.push(c);
                data.extend(v);
            }
        }
        let heading = vec![
            "Analysis of Deviance Table\n".to_string(),
            format!("Model: {}, link: {}\n", fam.name(), fam.link.name()),
            format!("Response: {}\n", response_label(fit)),
            "Terms added sequentially (first to last)\n\n".to_string(),
        ];
        return Ok(anova_table(rows, cols, data, heading));
    }
    let resdf: Vec<f64> = fits
        .iter()
        .map(|f| {
            field(f, "df.residual")
                .and_then(|v| v.as_f64())
                .unwrap_or(na)
        })
        .collect();
    let resdev: Vec<f64> = fits
        .iter()
        .map(|f| field(f, "deviance").and_then(|v| v.as_f64()).unwrap_or(na))
        .collect();
    let k = fits.len();
    let mut df = vec![na];
    let mut dev = vec![na];
    for i in 1..k {
        df.push(resdf[i - 1] - resdf[i]);
        dev.push(resdev[i - 1] - resdev[i]);
    }
    let mut cols = vec!["Resid. Df", "Resid. Dev", "Df", "Deviance"];
    let mut data = [resdf.clone(), resdev, df.clone(), dev.clone()].concat();
    if let Some(t) = &test {
        let bigi = (0..k)
            .min_by(|&a, &b| {
                resdf[a]
                    .partial_cmp(&resdf[b])
                    .unwrap_or(std::cmp::Ordering::Equal)
            })
            .unwrap_or(k - 1);
        let (scale, est) = scale_of(&fits[bigi])?;
        let df_scale = if est { resdf[bigi] } else { f64::INFINITY };
        for (c, v) in test_columns(t, &dev, &df, scale, df_scale) {
            cols.push(c);
            data.extend(v);
        }
    }
    let forms: Vec<String> = fits
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let fl = field(f, "terms")
                .map(|t| {
                    if let Value::Lang(l) = t {
                        deparse(&l.expr)
                    } else {
                        String::new()
                    }
                })
                .unwrap_or_default();
            format!("Model {}: {}", i + 1, fl)
        })
        .collect();
    let heading = vec!["Analysis of Deviance Table\n".to_string(), forms.join("\n")];
    let rows: Vec<String> = (1..=k).map(|i| i.to_string()).collect();
    Ok(anova_table(rows, cols, data, heading))
}

/// `confint.default`: Wald intervals from `coef` and `vcov`.
pub(super) fn confint_default(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["object", "parm", "level", "..."])?;
    let fit = m.req("object")?.clone();
    let level = m.get("level").and_then(|v| v.as_f64()).unwrap_or(0.95);
    let cf = field(&fit, "coefficients").unwrap_or(Value::Null);
    let names: Vec<String> = cf
        .names()
        .unwrap_or_default()
        .iter()
        .map(|x| x.as_deref().unwrap_or("").to_string())
        .collect();
    let cv = cf.dbl_vec().to_vec();
    let vc = if fit.inherits("glm") {
        vcov_glm(it, Args::positional(vec![fit.clone()]))?
    } else {
        {
            let f = it.global.lookup(s("vcov")).unwrap_or(Value::Null);
            it.call_value(&f, vec![(None, fit.clone())])?
        }
    };
    let vn: Vec<String> = vc
        .get_attr("dimnames")
        .and_then(|d| d.list_vec().first().cloned())
        .and_then(|x| x.as_strings())
        .unwrap_or_default();
    let k = vn.len();
    let vv = vc.dbl_vec();
    let a2 = (1.0 - level) / 2.0;
    let q = qnorm(1.0 - a2, 0.0, 1.0, true, false);
    let se: Vec<f64> = names
        .iter()
        .map(|nm| {
            vn.iter()
                .position(|x| x == nm)
                .map(|i| vv[i * k + i].sqrt())
                .unwrap_or(f64::NAN)
        })
        .collect();
    let pn = names.len();
    let mut vals: Vec<f64> = (0..pn).map(|j| cv[j] - q * se[j]).collect();
    vals.extend((0..pn).map(|j| cv[j] + q * se[j]));
    let pct = |p: f64| {
        let v = crate::print::coefmat::round_to(100.0 * p, 1);
        format!(
            "{} %",
            crate::print::format_dbl_vec_trim(&[v], 3)
                .pop()
                .unwrap_or_default()
                .trim()
        )
    };
    Ok(matrix(
        vals,
        pn,
        2,
        Some(&names),
        Some(&[pct(a2), pct(1.0 - a2)]),
    ))
}
