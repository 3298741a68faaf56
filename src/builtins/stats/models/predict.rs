//! `predict` for `lm` and `mlm` fits: the model matrix on new data, offsets, intervals
//! and `na.exclude` padding.

use super::*;

/// The model matrix for prediction: the fit's own rows, or `newdata` evaluated against the
/// fit's terms, contrasts and factor levels. Returns `(column-major x, rows, row names)`.
pub(crate) fn predict_matrix(
    it: &mut Interp,
    fit: &Value,
    newdata: Option<&Value>,
) -> EvalResult<(Vec<f64>, usize, Vec<String>)> {
    let fit = fit.clone();
    let tv = field(&fit, "terms").unwrap_or(Value::Null);
    let (t, _, _, env) = build_terms(it, &tv, None)?;
    let model = field(&fit, "model").unwrap_or(Value::Null);
    let r = match newdata {
        None => {
            let mm = lm_model_matrix(it, &fit)?;
            let n = mm.dim().map(|d| d[0]).unwrap_or(0);
            let rows = row_labels(Some(&model), n);
            (mm.dbl_vec().to_vec(), n, rows)
        }
        Some(nd) => {
            let denv = data_env(Some(nd), &env);
            let n = crate::value::frame::df_nrow(nd);
            let mcols = model.list_vec();
            let mut cols = Vec::new();
            for (i, v) in t.variables.iter().enumerate() {
                if t.response && i == 0 {
                    cols.push(Value::dbls(vec![0.0; n]));
                    continue;
                }
                let stored = mcols.get(i).cloned().unwrap_or(Value::Null);
                let val = if let (Some(coefs), ExprKind::Call(_, args)) =
                    (stored.get_attr("coefs"), &v.kind)
                {
                    let xe = args
                        .first()
                        .and_then(|a| a.value.clone())
                        .unwrap_or_else(|| v.clone());
                    let xv = it.eval(&xe, &denv)?.dbl_vec().to_vec();
                    let al = dbl_field(coefs, "alpha");
                    let n2 = dbl_field(coefs, "norm2");
                    matrix(
                        design::poly_predict(&xv, &al, &n2),
                        xv.len(),
                        al.len(),
                        None,
                        Some(&(1..=al.len()).map(|d| d.to_string()).collect::<Vec<_>>()),
                    )
                } else {
                    it.eval(v, &denv)?
                };
                cols.push(val);
            }
            let (vc, _) = var_cols(
                it,
                &t,
                &cols,
                field(&fit, "contrasts").as_ref(),
                field(&fit, "xlevels").as_ref(),
            )?;
            let mm = design::model_matrix(&t, &vc, n);
            (mm.data, n, row_labels(Some(nd), n))
        }
    };
    Ok(r)
}

/// The offset of a fit on new data: its `offset()` terms and the call's `offset =`
/// evaluated in `newdata`; without new data, the fit's own `offset`.
fn predict_offset(
    it: &mut Interp,
    fit: &Value,
    newdata: Option<&Value>,
    n: usize,
) -> EvalResult<Option<Vec<f64>>> {
    let Some(nd) = newdata else {
        return Ok(field(fit, "offset").map(|o| o.dbl_vec().to_vec()));
    };
    let tv = field(fit, "terms").unwrap_or(Value::Null);
    let env = match tv.get_attr(".Environment") {
        Some(Value::Env(e)) => e.clone(),
        _ => it.global.clone(),
    };
    let mut offs: Vec<Expr> = Vec::new();
    if let (Some(off), Some(Value::Lang(vars))) = (tv.get_attr("offset"), tv.get_attr("variables"))
    {
        if let ExprKind::Call(_, vargs) = &vars.expr.kind {
            for k in off.int_vec().iter() {
                if let Some(e) = vargs.get(*k as usize - 1).and_then(|a| a.value.clone()) {
                    offs.push(e);
                }
            }
        }
    }
    if let Some(Value::Lang(call)) = field(fit, "call") {
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
    if offs.is_empty() {
        return Ok(None);
    }
    let denv = data_env(Some(nd), &env);
    let mut out = vec![0.0; n];
    for e in offs {
        let ov = it.eval(&e, &denv)?.dbl_vec().to_vec();
        if ov.len() != n {
            return err(format!(
                "variable lengths differ (found for '{}')",
                deparse(&e)
            ));
        }
        for (o, v) in out.iter_mut().zip(ov) {
            *o += v;
        }
    }
    Ok(Some(out))
}

/// `napredict`: rows dropped by `na.exclude` come back as `NA` (rows of a column-major
/// `len x ncol` block); returns the padded values and row names.
pub(crate) fn na_pad(
    fit: &Value,
    vals: &[f64],
    ncol: usize,
    rows: &[String],
) -> Option<(Vec<f64>, Vec<String>)> {
    let na = field(fit, "na.action")?;
    if !na.inherits("exclude") {
        return None;
    }
    let om: Vec<usize> = na.int_vec().iter().map(|&k| k as usize - 1).collect();
    let names: Vec<String> = strings_of(&na.get_attr("names").cloned().unwrap_or(Value::Null));
    let len = rows.len();
    let total = len + om.len();
    let mut out = Vec::with_capacity(total * ncol);
    let mut rn = Vec::with_capacity(total);
    let mut src = Vec::with_capacity(total);
    let mut k = 0;
    for i in 0..total {
        if let Some(p) = om.iter().position(|&o| o == i) {
            src.push(None);
            rn.push(names.get(p).cloned().unwrap_or_default());
        } else {
            src.push(Some(k));
            rn.push(rows.get(k).cloned().unwrap_or_default());
            k += 1;
        }
    }
    for c in 0..ncol {
        for s in &src {
            out.push(match s {
                Some(k) => vals[c * len + k],
                None => crate::value::na_real(),
            });
        }
    }
    Some((out, rn))
}

/// `predict.lm(object, newdata, se.fit, scale, df, interval, level, ...)`.
pub(crate) fn predict(it: &mut Interp, a: Args) -> EvalResult {
    #[cfg(feature = "spark")]
    if let Some(v) = crate::builtins::stats::models::lm_spark::predict_remote(&a)? {
        return Ok(v);
    }
    if a.items
        .first()
        .map(|x| x.1.inherits("glm"))
        .unwrap_or(false)
    {
        return crate::builtins::stats::models::glm_methods::predict_glm(it, a);
    }
    let m = a.matched(&[
        "object", "newdata", "se.fit", "scale", "df", "interval", "level", "type", "terms",
        "na.action", "pred.var", "weights", "...",
    ])?;
    let fit = m.req("object")?.clone();
    let se_fit = m
        .get("se.fit")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let interval = m
        .get("interval")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "none".into());
    let Some(interval) = ["none", "confidence", "prediction"]
        .iter()
        .find(|f| f.starts_with(interval.as_str()))
        .map(|x| x.to_string())
    else {
        return err("'arg' should be one of \u{201c}none\u{201d}, \u{201c}confidence\u{201d}, \u{201c}prediction\u{201d}");
    };
    let level = m.get("level").and_then(|v| v.as_f64()).unwrap_or(0.95);
    let newdata = m.get("newdata").filter(|v| !v.is_null());
    let (x, n, rows) = predict_matrix(it, &fit, newdata)?;
    let offset = predict_offset(it, &fit, newdata, n)?;
    if fit.inherits("mlm") {
        return predict_mlm(&fit, &x, n, &rows, offset.as_deref(), newdata.is_none());
    }
    let coef = dbl_field(&fit, "coefficients");
    let sm = lm_summary(&fit)?;
    if sm.rank < sm.p && newdata.is_some() {
        it.raise_warning(
            "prediction from a rank-deficient fit may be misleading",
            Some("predict.lm(...)".into()),
        )?;
    }
    if m.get("type").and_then(|v| v.as_string()).as_deref() == Some("terms") {
        return predict_terms(it, &fit, &m, &x, n, &rows, &sm.est_idx, newdata.is_some());
    }
    let mut pred = offset.unwrap_or_else(|| vec![0.0; n]);
    for &j in &sm.est_idx {
        for i in 0..n {
            pred[i] += x[j * n + i] * coef[j];
        }
    }
    let k = sm.rank;
    let s2 = sm.sigma * sm.sigma;
    let se: Vec<f64> = (0..n)
        .map(|i| {
            let xi: Vec<f64> = sm.est_idx.iter().map(|&j| x[j * n + i]).collect();
            let mut acc = 0.0;
            for a in 0..k {
                for b in 0..k {
                    acc += xi[a] * sm.cov_unscaled[b * k + a] * xi[b];
                }
            }
            (acc * s2).sqrt()
        })
        .collect();
    let pad = |vals: Vec<f64>, ncol: usize| -> (Vec<f64>, Vec<String>) {
        if newdata.is_none() {
            if let Some(p) = na_pad(&fit, &vals, ncol, &rows) {
                return p;
            }
        }
        (vals, rows.clone())
    };
    let fitv = if interval == "none" {
        let (v, r) = pad(pred.clone(), 1);
        named_dbl(v, &r)
    } else {
        let q = qt((1.0 - level) / 2.0, sm.rdf as f64, false);
        let pv = if interval == "prediction" {
            prediction_variance(it, &m, &fit, newdata.is_some(), s2, n)?
        } else {
            Vec::new()
        };
        let w: Vec<f64> = se
            .iter()
            .enumerate()
            .map(|(i, e)| {
                if interval == "prediction" {
                    q * (e * e + pv[i % pv.len().max(1)]).sqrt()
                } else {
                    q * e
                }
            })
            .collect();
        let mut vals = pred.clone();
        vals.extend(pred.iter().zip(&w).map(|(a, b)| a - b));
        vals.extend(pred.iter().zip(&w).map(|(a, b)| a + b));
        let (v, r) = pad(vals, 3);
        let nr = r.len();
        matrix(
            v,
            nr,
            3,
            Some(&r),
            Some(&["fit", "lwr", "upr"].map(String::from)),
        )
    };
    if se_fit {
        let (sev, ser) = pad(se, 1);
        // R's se.fit carries names only when computed from a model matrix with row names
        let named = newdata.is_some() || field(&fit, "weights").is_some();
        return Ok(Value::named_list(vec![
            ("fit".into(), fitv),
            (
                "se.fit".into(),
                if named {
                    named_dbl(sev, &ser)
                } else {
                    Value::dbls(sev)
                },
            ),
            ("df".into(), Value::int(sm.rdf as i32)),
            ("residual.scale".into(), Value::num(sm.sigma)),
        ]));
    }
    Ok(fitv)
}

/// The variance of a new observation for prediction intervals, per row: `pred.var`, or
/// the residual variance over `weights` (the fit's own weights when predicting on the
/// fitting data), with R's warnings.
fn prediction_variance(
    it: &mut Interp,
    m: &crate::builtins::Matched,
    fit: &Value,
    new_data: bool,
    s2: f64,
    n: usize,
) -> EvalResult<Vec<f64>> {
    let fit_w = field(fit, "weights");
    if !new_data {
        it.warning("predictions on current data refer to _future_ responses\n");
    }
    let mut weights = m.get("weights").cloned();
    if !new_data && weights.is_none() {
        if let Some(w) = &fit_w {
            weights = Some(w.clone());
            it.warning("assuming prediction variance inversely proportional to weights used for fitting\n");
        }
    }
    if new_data && weights.is_none() && fit_w.is_some() && m.get("pred.var").is_none() {
        it.warning("Assuming constant prediction variance even though model fit is weighted\n");
    }
    if let Some(pv) = m.get("pred.var") {
        let v = pv.dbl_vec().to_vec();
        return Ok(if v.is_empty() { vec![s2] } else { v });
    }
    let w: Vec<f64> = match &weights {
        None => vec![1.0],
        Some(w) if w.inherits("formula") => {
            let data = match m.get("newdata").filter(|v| !v.is_null()) {
                Some(d) => d.clone(),
                None => field(fit, "model").unwrap_or(Value::Null),
            };
            let base = it.base.clone();
            let f = it.get_function(s(".formula_weights"), &base)?;
            it.call_value(&f, vec![(None, w.clone()), (None, data)])?
                .dbl_vec()
                .to_vec()
        }
        Some(w) => w.dbl_vec().to_vec(),
    };
    if w.is_empty() {
        return Ok(vec![s2]);
    }
    let _ = n;
    Ok(w.iter().map(|wi| s2 / wi).collect())
}

/// `predict.mlm`: the fitted matrix `X B` (plus offset), one column per response.
fn predict_mlm(
    fit: &Value,
    x: &[f64],
    n: usize,
    rows: &[String],
    offset: Option<&[f64]>,
    own: bool,
) -> EvalResult {
    let coef = field(fit, "coefficients").unwrap_or(Value::Null);
    let dims = coef.dim().unwrap_or_default();
    let (p, q) = (
        dims.first().cloned().unwrap_or(0),
        dims.get(1).cloned().unwrap_or(0),
    );
    let cv = coef.dbl_vec();
    let mut out = vec![0.0; n * q];
    for c in 0..q {
        for j in 0..p {
            let b = cv[c * p + j];
            if b.is_nan() {
                continue;
            }
            for i in 0..n {
                out[c * n + i] += x[j * n + i] * b;
            }
        }
        if let Some(o) = offset {
            for i in 0..n {
                out[c * n + i] += o[i];
            }
        }
    }
    let ynames = coef
        .get_attr("dimnames")
        .and_then(|d| d.list_vec().get(1).cloned())
        .and_then(|v| v.as_strings())
        .unwrap_or_default();
    let (vals, rn) = if own {
        na_pad(fit, &out, q, rows).unwrap_or((out, rows.to_vec()))
    } else {
        (out, rows.to_vec())
    };
    let nr = rn.len();
    Ok(matrix(vals, nr, q, Some(&rn), Some(&ynames)))
}

/// `predict(fit, type = "terms")`: each term's contribution `X_t b_t` with the columns
/// centred at the fit's column means when the model has an intercept; the sum of the
/// means times the coefficients is the attribute "constant". `terms` picks term labels.
#[allow(clippy::too_many_arguments)]
fn predict_terms(
    it: &mut Interp,
    fit: &Value,
    m: &Matched,
    x: &[f64],
    n: usize,
    rows: &[String],
    est_idx: &[usize],
    new: bool,
) -> EvalResult {
    let coef = dbl_field(fit, "coefficients");
    let p = coef.len();
    let assign: Vec<i64> = field(fit, "assign")
        .map(|a| a.dbl_vec().iter().map(|&v| v as i64).collect())
        .unwrap_or_default();
    if assign.len() != p {
        return err("predict(type = \"terms\") needs the fit's 'assign'");
    }
    let labels: Vec<String> = field(fit, "terms")
        .and_then(|t| t.get_attr("term.labels").cloned())
        .map(|l| l.str_vec().iter().map(|s| s.as_deref().unwrap_or("").to_string()).collect())
        .unwrap_or_default();
    let intercept = assign.contains(&0);
    // the fit's column means (its own model matrix, also for new data)
    let avx: Vec<f64> = if intercept {
        let (xf, nf) = if new {
            let (xf, nf, _) = predict_matrix(it, fit, None)?;
            (xf, nf)
        } else {
            (x.to_vec(), n)
        };
        (0..p).map(|j| xf[j * nf..(j + 1) * nf].iter().sum::<f64>() / nf as f64).collect()
    } else {
        vec![0.0; p]
    };
    let constant: f64 = if intercept { est_idx.iter().map(|&j| avx[j] * coef[j]).sum() } else { 0.0 };
    let wanted: Vec<usize> = match m.get("terms").filter(|v| !v.is_null()) {
        Some(t) => t
            .str_vec()
            .iter()
            .filter_map(|s| labels.iter().position(|l| Some(l.as_str()) == s.as_deref()))
            .collect(),
        None => (0..labels.len()).collect(),
    };
    let mut vals = Vec::with_capacity(n * wanted.len());
    for &t in &wanted {
        let cols: Vec<usize> = est_idx.iter().copied().filter(|&j| assign[j] == t as i64 + 1).collect();
        for i in 0..n {
            vals.push(cols.iter().map(|&j| (x[j * n + i] - avx[j]) * coef[j]).sum::<f64>());
        }
    }
    let names: Vec<String> = wanted.iter().map(|&t| labels[t].clone()).collect();
    let mut out = matrix(vals, n, wanted.len(), Some(rows), Some(&names));
    out.set_attr(s("constant"), Value::num(constant));
    Ok(out)
}
