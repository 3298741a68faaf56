//! Methods for fitted linear models.

use super::*;
use crate::builtins::stats::models::fit_rows::FitRows;
pub(crate) use crate::print::model::{call_lines, named_strings_block, naprint, QUANTILES_ATTR};

pub(crate) fn obj(a: Args) -> EvalResult<Value> {
    match a.items.into_iter().next() {
        Some((_, v)) => Ok(v),
        None => err("argument \"object\" is missing, with no default"),
    }
}

/// Pads a per-observation vector back to the full length for `na.exclude` fits.
pub(crate) fn pad_exclude(fit: &Value, v: Value) -> Value {
    let Some(na) = field(fit, "na.action") else {
        return v;
    };
    if !na.inherits("exclude") {
        return v;
    }
    let om: Vec<usize> = na.int_vec().iter().map(|&k| k as usize - 1).collect();
    let names: Vec<String> = na
        .names()
        .unwrap_or_default()
        .iter()
        .map(|x| x.as_deref().unwrap_or("").to_string())
        .collect();
    let vals = v.dbl_vec();
    let vn = v.names().unwrap_or_default();
    let total = vals.len() + om.len();
    let (mut out, mut on) = (Vec::with_capacity(total), Vec::with_capacity(total));
    let mut k = 0;
    for i in 0..total {
        if let Some(p) = om.iter().position(|&o| o == i) {
            out.push(crate::value::na_real());
            on.push(names[p].clone());
        } else {
            out.push(vals[k]);
            on.push(
                vn.get(k)
                    .cloned()
                    .flatten()
                    .map(|x| x.to_string())
                    .unwrap_or_default(),
            );
            k += 1;
        }
    }
    named_dbl(out, &on)
}

pub(crate) fn coef(it: &mut Interp, a: Args) -> EvalResult {
    let x = obj(a)?;
    let _ = it;
    Ok(field(&x, "coefficients").unwrap_or(Value::Null))
}

pub(crate) fn residuals(it: &mut Interp, a: Args) -> EvalResult {
    if a.items
        .first()
        .map(|x| x.1.inherits("glm"))
        .unwrap_or(false)
    {
        return crate::builtins::stats::models::glm_methods::residuals_glm(it, a);
    }
    let x = obj(a)?;
    not_streamed(&x, "residuals")?;
    let r = field(&x, "residuals").unwrap_or(Value::Null);
    Ok(pad_exclude(&x, r))
}

/// Streamed fits keep no per-row vectors: say so instead of returning NULL.
pub(crate) fn not_streamed(fit: &Value, what: &str) -> EvalResult<()> {
    if FitRows::of(fit).is_streamed() {
        return err(format!("{} of a fit streamed from a lazy frame are not kept: use predict(fit, newdata) on collected rows", what));
    }
    Ok(())
}

pub(crate) fn fitted(_it: &mut Interp, a: Args) -> EvalResult {
    let x = obj(a)?;
    not_streamed(&x, "fitted values")?;
    let r = field(&x, "fitted.values").or_else(|| field(&x, "fitted")).unwrap_or(Value::Null);
    Ok(pad_exclude(&x, r))
}

pub(crate) fn df_residual(_it: &mut Interp, a: Args) -> EvalResult {
    let x = obj(a)?;
    Ok(field(&x, "df.residual").unwrap_or(Value::Null))
}

pub(crate) fn weights_of(fit: &Value) -> Option<Vec<f64>> {
    field(fit, "weights").map(|w| w.dbl_vec().to_vec())
}

/// The (weighted) residual sum of squares of an lm fit.
pub(crate) fn rss(fit: &Value) -> f64 {
    FitRows::of(fit).rss()
}

pub(crate) fn deviance(_it: &mut Interp, a: Args) -> EvalResult {
    let x = obj(a)?;
    if x.inherits("glm") {
        return Ok(field(&x, "deviance").unwrap_or(Value::Null));
    }
    if x.inherits("mlm") {
        return Ok(deviance_mlm(&x));
    }
    Ok(Value::num(rss(&x)))
}

/// `nobs(fit)`.
pub(crate) fn nobs_of(fit: &Value) -> usize {
    if fit.inherits("logLik") {
        return fit
            .get_attr("nobs")
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::NAN) as usize;
    }
    FitRows::of(fit).nobs()
}

pub(crate) fn nobs(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(Value::int(nobs_of(&obj(a)?) as i32))
}

/// Numbers `summary.lm` needs.
pub(crate) struct LmSummary {
    pub(crate) names: Vec<String>,
    /// Non-aliased coefficient indices (original order).
    pub(crate) est_idx: Vec<usize>,
    pub(crate) est: Vec<f64>,
    pub(crate) se: Vec<f64>,
    pub(crate) cov_unscaled: Vec<f64>,
    pub(crate) sigma: f64,
    pub(crate) rdf: usize,
    pub(crate) rank: usize,
    pub(crate) p: usize,
    pub(crate) r2: f64,
    pub(crate) adj_r2: f64,
    pub(crate) fstat: Option<(f64, f64, f64)>,
    pub(crate) resid: Rc<Vec<f64>>,
    pub(crate) resid_names: Vec<String>,
    pub(crate) _weighted: bool,
    pub(crate) intercept: bool,
}

pub(crate) fn lm_summary(fit: &Value) -> EvalResult<LmSummary> {
    let Some(qr) = field(fit, "qr") else {
        let class = crate::value::class::class_of(fit)
            .into_iter()
            .next()
            .unwrap_or_default();
        return err(format!(
            "no applicable method for 'vcov' applied to an object of class \"{}\"",
            class
        ));
    };
    let qrm = field(&qr, "qr").unwrap_or(Value::Null);
    let dims = qrm.dim().unwrap_or_default();
    let (nq, p) = (
        dims.first().cloned().unwrap_or(0),
        dims.get(1).cloned().unwrap_or(0),
    );
    let n = crate::builtins::stats::models::lm_blocked::truncated_rows(&qr).unwrap_or(nq);
    let rank = field(&qr, "rank").and_then(|v| v.as_i32()).unwrap_or(0) as usize;
    let pivot: Vec<usize> = field(&qr, "pivot")
        .map(|v| v.int_vec().iter().map(|&k| k as usize - 1).collect())
        .unwrap_or_default();
    let q = crate::stats::qr::Qr {
        qr: qrm.dbl_vec().to_vec(),
        n: nq,
        p,
        qraux: dbl_field(&qr, "qraux"),
        pivot: pivot.clone(),
        rank,
    };
    let cov = q.unscaled_cov();
    let coef = field(fit, "coefficients").unwrap_or(Value::Null);
    let names: Vec<String> = coef
        .names()
        .unwrap_or_default()
        .iter()
        .map(|x| x.as_deref().unwrap_or("").to_string())
        .collect();
    let cv = coef.dbl_vec();
    let w = weights_of(fit);
    // the fit's own vectors, shared (1e7 rows are 80 MB each); residuals are copied only to
    // be weighted
    let mut r = field(fit, "residuals")
        .map(|x| x.dbl_vec())
        .unwrap_or_default();
    let f = field(fit, "fitted.values")
        .map(|x| x.dbl_vec())
        .unwrap_or_default();
    // names are only copied for weighted residuals (summary_lm reuses the fit's otherwise)
    let rn: Vec<String> = if w.is_some() {
        field(fit, "residuals")
            .and_then(|x| x.names())
            .unwrap_or_default()
            .iter()
            .map(|x| x.as_deref().unwrap_or("").to_string())
            .collect()
    } else {
        vec![]
    };
    if let Some(w) = &w {
        for (ri, wi) in Rc::make_mut(&mut r).iter_mut().zip(w) {
            *ri *= wi.sqrt();
        }
    }
    let rdf = n - rank;
    let intercept = has_intercept(fit);
    let (rss, mss) = FitRows::of(fit).summary_sums(&r, &f, w.as_deref(), rank, intercept);
    let resvar = rss / rdf as f64;
    let df_int = intercept as usize;
    let est_idx: Vec<usize> = pivot[..rank].to_vec();
    let est: Vec<f64> = est_idx.iter().map(|&j| cv[j]).collect();
    let se: Vec<f64> = (0..rank)
        .map(|k| (cov[k * rank + k] * resvar).sqrt())
        .collect();
    let (r2, adj, fstat) = if rank > df_int {
        let r2 = mss / (mss + rss);
        let adj = 1.0 - (1.0 - r2) * ((n - df_int) as f64 / rdf as f64);
        let numdf = (rank - df_int) as f64;
        (r2, adj, Some(((mss / numdf) / resvar, numdf, rdf as f64)))
    } else {
        (0.0, 0.0, None)
    };
    Ok(LmSummary {
        names,
        est_idx,
        est,
        se,
        cov_unscaled: cov,
        sigma: resvar.sqrt(),
        rdf,
        rank,
        p,
        r2,
        adj_r2: adj,
        fstat,
        resid: r,
        resid_names: rn,
        _weighted: w.is_some(),
        intercept,
    })
}

pub(crate) fn vcov(it: &mut Interp, a: Args) -> EvalResult {
    if a.items
        .first()
        .map(|x| x.1.inherits("glm"))
        .unwrap_or(false)
    {
        return crate::builtins::stats::models::glm_methods::vcov_glm(it, a);
    }
    let m = a.matched(&["object", "complete", "..."])?;
    let fit = m.req("object")?.clone();
    let complete = m
        .get("complete")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let sm = lm_summary(&fit)?;
    let k = sm.rank;
    let s2 = sm.sigma * sm.sigma;
    if complete && k < sm.p {
        // aliased coefficients get NA rows and columns, in coefficient order
        let p = sm.p;
        let mut v = vec![crate::value::na_real(); p * p];
        for (a, &ja) in sm.est_idx.iter().enumerate() {
            for (b, &jb) in sm.est_idx.iter().enumerate() {
                v[jb * p + ja] = sm.cov_unscaled[b * k + a] * s2;
            }
        }
        return Ok(matrix(v, p, p, Some(&sm.names), Some(&sm.names)));
    }
    let nm: Vec<String> = sm.est_idx.iter().map(|&j| sm.names[j].clone()).collect();
    Ok(matrix(
        sm.cov_unscaled.iter().map(|v| v * s2).collect(),
        k,
        k,
        Some(&nm),
        Some(&nm),
    ))
}

pub(crate) fn pct_label(p: f64) -> String {
    let v = round_to(100.0 * p, 1);
    format!(
        "{} %",
        crate::print::format_dbl_vec_trim(&[v], 3)
            .pop()
            .unwrap_or_default()
            .trim()
    )
}

pub(crate) fn confint(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["object", "parm", "level", "..."])?;
    let fit = m.req("object")?.clone();
    let level = m.get("level").and_then(|v| v.as_f64()).unwrap_or(0.95);
    let sm = lm_summary(&fit)?;
    let cf = dbl_field(&fit, "coefficients");
    let pn = sm.names.len();
    // parm: names or positions of coefficients
    let parm: Vec<usize> = match m.get("parm") {
        None => (0..pn).collect(),
        Some(v) if matches!(v.data(), Some(Data::Str(_))) => strings_of(v)
            .iter()
            .filter_map(|n| sm.names.iter().position(|x| x == n))
            .collect(),
        Some(v) => v
            .dbl_vec()
            .iter()
            .filter(|x| **x >= 1.0 && (**x as usize) <= pn)
            .map(|x| *x as usize - 1)
            .collect(),
    };
    let a2 = (1.0 - level) / 2.0;
    let q = qt(1.0 - a2, sm.rdf as f64, true);
    let na = crate::value::na_real();
    let mut se = vec![na; pn];
    for (k, &j) in sm.est_idx.iter().enumerate() {
        se[j] = sm.se[k];
    }
    let bound = |j: usize, sign: f64| {
        if cf[j].is_nan() || se[j].is_nan() {
            na
        } else {
            cf[j] + sign * q * se[j]
        }
    };
    let mut vals: Vec<f64> = parm.iter().map(|&j| bound(j, -1.0)).collect();
    vals.extend(parm.iter().map(|&j| bound(j, 1.0)));
    let cols = [pct_label(a2), pct_label(1.0 - a2)];
    let rows: Vec<String> = parm.iter().map(|&j| sm.names[j].clone()).collect();
    Ok(matrix(vals, parm.len(), 2, Some(&rows), Some(&cols)))
}

pub(crate) fn summary_lm(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["object", "correlation", "symbolic.cor", "..."])?;
    let fit = m.req("object")?.clone();
    let correlation = m
        .get("correlation")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let sm = lm_summary(&fit)?;
    let k = sm.rank;
    let rn: Vec<String> = sm.est_idx.iter().map(|&j| sm.names[j].clone()).collect();
    let residuals = match FitRows::of(&fit).residual_quantiles(it)? {
        Some(q) => q,
        None if sm._weighted => named_dbl(sm.resid.to_vec(), &sm.resid_names),
        None => field(&fit, "residuals").unwrap_or(Value::Null),
    };
    let mut cm = sm.est.clone();
    cm.extend(&sm.se);
    let tv: Vec<f64> = sm.est.iter().zip(&sm.se).map(|(e, s)| e / s).collect();
    cm.extend(&tv);
    cm.extend(tv.iter().map(|t| 2.0 * pt(t.abs(), sm.rdf as f64, false)));
    let cols = ["Estimate", "Std. Error", "t value", "Pr(>|t|)"];
    let mut aliased = Value::lgls((0..sm.p).map(|j| !sm.est_idx.contains(&j) as i32).collect());
    aliased.set_attr(s("names"), Value::strings(&sm.names));
    let mut items = vec![
        (
            "call".to_string(),
            field(&fit, "call").unwrap_or(Value::Null),
        ),
        ("terms".into(), field(&fit, "terms").unwrap_or(Value::Null)),
        ("residuals".into(), residuals),
        (
            "coefficients".into(),
            matrix(cm, k, 4, Some(&rn), Some(&cols.map(String::from))),
        ),
        ("aliased".into(), aliased),
        ("sigma".into(), Value::num(sm.sigma)),
        (
            "df".into(),
            Value::ints(vec![k as i32, sm.rdf as i32, sm.p as i32]),
        ),
    ];
    if let Some((f, n1, n2)) = sm.fstat {
        items.push(("r.squared".into(), Value::num(sm.r2)));
        items.push(("adj.r.squared".into(), Value::num(sm.adj_r2)));
        items.push((
            "fstatistic".into(),
            named_dbl(
                vec![f, n1, n2],
                &["value".into(), "numdf".into(), "dendf".into()],
            ),
        ));
    } else {
        items.push(("r.squared".into(), Value::num(0.0)));
        items.push(("adj.r.squared".into(), Value::num(0.0)));
    }
    items.push((
        "cov.unscaled".into(),
        matrix(sm.cov_unscaled.clone(), k, k, Some(&rn), Some(&rn)),
    ));
    if correlation {
        let sd: Vec<f64> = (0..k).map(|j| sm.cov_unscaled[j * k + j].sqrt()).collect();
        let cor: Vec<f64> = (0..k * k)
            .map(|i| sm.cov_unscaled[i] / (sd[i % k] * sd[i / k]))
            .collect();
        items.push((
            "correlation".into(),
            matrix(cor, k, k, Some(&rn), Some(&rn)),
        ));
        items.push(("symbolic.cor".into(), Value::lgls(vec![0])));
    }
    if let Some(w) = weights_of(&fit) {
        items.push(("weights".into(), Value::dbls(w)));
    }
    if let Some(na) = field(&fit, "na.action") {
        items.push(("na.action".into(), na));
    }
    let mut out = Value::named_list(items);
    out.set_attr(s("class"), Value::str("summary.lm"));
    let _ = sm.intercept;
    Ok(out)
}

/// `print.lm`.
pub(crate) fn format_lm(it: &Interp, fit: &Value) -> String {
    format_lm_with(fit, lm_digits(it))
}

/// `max(3, getOption("digits") - 3)`, the default digits of the lm printers.
pub(crate) fn lm_digits(it: &Interp) -> usize {
    (crate::print::option_digits(it) as i32 - 3).max(3) as usize
}

/// `getOption("show.signif.stars")`, TRUE unless set otherwise.
pub(crate) fn signif_stars_option(it: &Interp) -> bool {
    it.options
        .iter()
        .find(|(k, _)| k == "show.signif.stars")
        .and_then(|(_, v)| v.as_bool().flatten())
        .unwrap_or(true)
}

/// `print.lm` with explicit `digits`.
pub(crate) fn format_lm_with(fit: &Value, digits: usize) -> String {
    let mut out = format!("\nCall:\n{}\n\n", call_lines(fit));
    let coef = field(fit, "coefficients").unwrap_or(Value::Null);
    let cv = coef.dbl_vec();
    if cv.is_empty() {
        out.push_str("No coefficients\n");
    } else {
        out.push_str("Coefficients:\n");
        let names: Vec<String> = coef
            .names()
            .unwrap_or_default()
            .iter()
            .map(|x| x.as_deref().unwrap_or("").to_string())
            .collect();
        let vals = format_common(&cv, digits);
        out.push_str(&named_strings_block(&names, &vals, 2));
    }
    out.push('\n');
    out
}

/// `formatC(x, digits = digits)`: "%g"-style, left-padded to width `digits + 1`.
pub(crate) fn fmt_g(x: f64, digits: usize) -> String {
    let s = crate::builtins::base::factor::format_g(x, digits);
    format!("{:>w$}", s, w = digits + 1)
}

/// `print.summary.lm`.
pub(crate) fn format_summary_lm(it: &Interp, sm: &Value) -> String {
    format_summary_lm_with(sm, lm_digits(it), signif_stars_option(it))
}

/// `print.summary.lm` with explicit `digits` and `signif.stars`.
pub(crate) fn format_summary_lm_with(sm: &Value, digits: usize, stars: bool) -> String {
    let mut out = format!("\nCall:\n{}\n\n", call_lines(sm));
    let resid = field(sm, "residuals").unwrap_or(Value::Null);
    let rv = resid.dbl_vec().to_vec();
    let df: Vec<i32> = field(sm, "df")
        .map(|v| v.int_vec().to_vec())
        .unwrap_or_default();
    let rdf = df.get(1).cloned().unwrap_or(0);
    let quantiles = resid
        .get_attr(QUANTILES_ATTR)
        .and_then(|v| v.as_bool().flatten());
    let weighted = quantiles.unwrap_or(false)
        || field(sm, "weights")
            .map(|w| {
                let w = w.dbl_vec();
                w.iter().cloned().fold(f64::NEG_INFINITY, f64::max)
                    != w.iter().cloned().fold(f64::INFINITY, f64::min)
            })
            .unwrap_or(false);
    out.push_str(if weighted {
        "Weighted Residuals:\n"
    } else {
        "Residuals:\n"
    });
    let opts = crate::print::PrintOpts {
        digits,
        ..Default::default()
    };
    if rdf > 5 || quantiles.is_some() {
        let q = if quantiles.is_some() {
            rv.clone()
        } else {
            let mut sorted = rv.clone();
            sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
            crate::stats::quantile::quantiles(&sorted, &[0.0, 0.25, 0.5, 0.75, 1.0], 7)
        };
        let z = zapsmall(&q, digits as i32 + 1);
        let v = named_dbl(z, &["Min", "1Q", "Median", "3Q", "Max"].map(String::from));
        out.push_str(&crate::print::print_value(&v, &opts));
    } else if rdf > 0 {
        out.push_str(&crate::print::print_value(&resid, &opts));
    } else {
        out.push_str(&format!(
            "ALL {} residuals are 0: no residual degrees of freedom!",
            df.first().cloned().unwrap_or(0)
        ));
        out.push('\n');
    }
    let aliased = field(sm, "aliased").unwrap_or(Value::Null);
    let al = aliased.lgl_vec();
    let an: Vec<String> = aliased
        .names()
        .unwrap_or_default()
        .iter()
        .map(|x| x.as_deref().unwrap_or("").to_string())
        .collect();
    let cm = field(sm, "coefficients").unwrap_or(Value::Null);
    let cmv = cm.dbl_vec();
    let k = cm.dim().map(|d| d[0]).unwrap_or(0);
    if al.is_empty() {
        out.push_str("\nNo Coefficients\n");
    } else {
        let nsing = df.get(2).cloned().unwrap_or(0) - df.first().cloned().unwrap_or(0);
        if nsing > 0 {
            out.push_str(&format!(
                "\nCoefficients: ({} not defined because of singularities)\n",
                nsing
            ));
        } else {
            out.push_str("\nCoefficients:\n");
        }
        let np = al.len();
        let mut data = vec![crate::value::na_real(); np * 4];
        let mut r = 0;
        for i in 0..np {
            if al[i] == 0 {
                for c in 0..4 {
                    data[c * np + i] = cmv[c * k + r];
                }
                r += 1;
            }
        }
        let t = CoefTable {
            rows: an,
            cols: ["Estimate", "Std. Error", "t value", "Pr(>|t|)"]
                .map(String::from)
                .to_vec(),
            data,
        };
        out.push_str(&print_coefmat(
            &t,
            &CoefOpts {
                digits,
                signif_stars: stars,
                cs_ind: &[0, 1],
                tst_ind: &[2],
                zap_ind: &[],
                has_p: true,
                na_print: "NA",
            },
        ));
    }
    let sigma = field(sm, "sigma")
        .and_then(|v| v.as_f64())
        .unwrap_or(f64::NAN);
    out.push_str(&format!(
        "\nResidual standard error: {} on {} degrees of freedom\n",
        format_common(&[crate::stats::rmath::fprec(sigma, digits as f64)], 7)[0].trim(),
        rdf
    ));
    if let Some(m) = naprint(field(sm, "na.action")) {
        out.push_str(&m);
    }
    if let Some(fs) = field(sm, "fstatistic") {
        let f = fs.dbl_vec();
        let r2 = field(sm, "r.squared")
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        let ar2 = field(sm, "adj.r.squared")
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        let pv = pf(f[0], f[1], f[2], false);
        out.push_str(&format!(
            "Multiple R-squared:  {},\tAdjusted R-squared:  {} \nF-statistic: {} on {} and {} DF,  p-value: {}\n",
            fmt_g(r2, digits),
            fmt_g(ar2, digits),
            fmt_g(f[0], digits),
            f[1],
            f[2],
            crate::print::coefmat::format_pval(&[pv], digits, f64::EPSILON)[0]
        ));
    }
    if let Some(c) = field(sm, "correlation") {
        out.push_str(&format_correlation(&c));
    }
    out.push('\n');
    out
}

/// The `Correlation of Coefficients:` block: the lower triangle, rounded to 2 decimals.
pub(crate) fn format_correlation(c: &Value) -> String {
    let p = c.dim().map(|d| d[0]).unwrap_or(0);
    if p < 2 {
        return String::new();
    }
    let names = c
        .get_attr("dimnames")
        .and_then(|d| d.list_vec().first().cloned())
        .and_then(|v| v.as_strings())
        .unwrap_or_default();
    let vals: Vec<f64> = c.dbl_vec().iter().map(|v| round_to(*v, 2)).collect();
    let strs: Vec<String> = vals.iter().map(|v| format!("{:.2}", v)).collect();
    let w = strs.iter().map(|x| x.len()).max().unwrap_or(0);
    let mut cells = Vec::with_capacity((p - 1) * (p - 1));
    for j in 0..p - 1 {
        for i in 1..p {
            cells.push(if i > j {
                format!("{:>w$}", strs[j * p + i], w = w)
            } else {
                String::new()
            });
        }
    }
    format!(
        "\nCorrelation of Coefficients:\n{}",
        char_matrix(&names[1..], &names[..p - 1], &cells, p - 1, p - 1, 1, 80)
    )
}

pub(crate) fn poly_fn(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "...", "degree", "coefs", "raw", "simple"])?;
    let xv = m.req("x")?;
    let is_matrix = xv.dim().map(|d| d.len() == 2).unwrap_or(false);
    let several = m.dots.len() > 1 || m.dots.first().map(|(_, d)| d.len() != 1).unwrap_or(false);
    if is_matrix || several {
        // polynomials in several variables: R's polym, on the matrix's columns
        let mut args: Vec<(Option<crate::syntax::sym::Sym>, Value)> = Vec::new();
        if is_matrix {
            let d = xv.dim().unwrap_or_default();
            let (nr, nc) = (d[0], d[1]);
            let vals = xv.dbl_vec();
            for j in 0..nc {
                args.push((None, Value::dbls(vals[j * nr..(j + 1) * nr].to_vec())));
            }
        } else {
            args.push((None, xv.clone()));
        }
        if several {
            args.extend(m.dots.iter().map(|(n, v)| (*n, v.clone())));
        } else if let Some((_, d)) = m.dots.first() {
            // an unnamed degree
            args.push((Some(s("degree")), d.clone()));
        }
        for k in ["degree", "coefs", "raw"] {
            if let Some(v) = m.get(k) {
                args.push((Some(s(k)), v.clone()));
            }
        }
        let base = it.base.clone();
        let f = it.get_function(s("polym"), &base)?;
        return it.call_value(&f, args);
    }
    let x = xv.dbl_vec().to_vec();
    let mut deg = m.get("degree").and_then(|v| v.as_f64()).unwrap_or(1.0) as usize;
    if let Some((_, d)) = m.dots.first() {
        deg = d.as_f64().unwrap_or(1.0) as usize;
    }
    let raw = m
        .get("raw")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let n = x.len();
    let names: Vec<String> = (1..=deg).map(|d| d.to_string()).collect();
    if raw {
        let mut data = Vec::with_capacity(n * deg);
        for d in 1..=deg {
            data.extend(x.iter().map(|v| v.powi(d as i32)));
        }
        let mut v = matrix(data, n, deg, None, Some(&names));
        v.set_attr(s("degree"), Value::ints((1..=deg as i32).collect()));
        v.set_attr(s("class"), Value::strings(&["poly", "matrix"]));
        return Ok(v);
    }
    let (data, alpha, norm2) = match m.get("coefs") {
        Some(c) => {
            let al = dbl_field(c, "alpha");
            let n2 = dbl_field(c, "norm2");
            (design::poly_predict(&x, &al, &n2), al, n2)
        }
        None => {
            let mut u = x.clone();
            u.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
            u.dedup();
            if deg >= u.len() {
                return err("'degree' must be less than number of unique points");
            }
            design::orth_poly(&x, deg)
        }
    };
    let mut v = matrix(data, n, deg, None, Some(&names));
    v.set_attr(
        s("coefs"),
        Value::named_list(vec![
            ("alpha".into(), Value::dbls(alpha)),
            ("norm2".into(), Value::dbls(norm2)),
        ]),
    );
    v.set_attr(s("degree"), Value::ints((1..=deg as i32).collect()));
    v.set_attr(s("class"), Value::strings(&["poly", "matrix"]));
    Ok(v)
}

/// `logLik(fit)` and its degrees of freedom.
pub(crate) fn loglik_of(fit: &Value) -> (f64, usize) {
    if fit.inherits("logLik") {
        // a logLik object itself: its value and its df attribute
        let df = fit.get_attr("df").and_then(|d| d.as_f64()).unwrap_or(0.0);
        return (fit.as_f64().unwrap_or(f64::NAN), df as usize);
    }
    FitRows::of(fit).loglik()
}

pub(crate) fn loglik(_it: &mut Interp, a: Args) -> EvalResult {
    let fit = obj(a)?;
    let (ll, df) = loglik_of(&fit);
    let mut v = Value::num(ll);
    v.set_attr(s("nall"), Value::int(nobs_of(&fit) as i32));
    v.set_attr(s("nobs"), Value::int(nobs_of(&fit) as i32));
    v.set_attr(s("df"), Value::num(df as f64));
    v.set_attr(s("class"), Value::str("logLik"));
    Ok(v)
}

/// `print.logLik`.
pub(crate) fn format_loglik(v: &Value) -> String {
    let x = v.as_f64().unwrap_or(f64::NAN);
    let df = v.get_attr("df").and_then(|d| d.as_f64()).unwrap_or(0.0);
    format!(
        "'log Lik.' {} (df={})\n",
        format_common(&[x], 7)[0].trim(),
        df
    )
}

pub(crate) fn ic(a: Args, k_of: &dyn Fn(&Value) -> f64) -> EvalResult {
    let fits: Vec<Value> = a
        .items
        .iter()
        .filter(|(n, _)| n.is_none())
        .map(|x| x.1.clone())
        .collect();
    let vals: Vec<(f64, usize)> = fits
        .iter()
        .map(|f| {
            let (ll, df) = loglik_of(f);
            (-2.0 * ll + k_of(f) * df as f64, df)
        })
        .collect();
    if vals.len() == 1 {
        return Ok(Value::num(vals[0].0));
    }
    Err(crate::error::RError::runtime("__multi__").into())
}

pub(crate) fn ic_multi(
    a: &Args,
    names: Vec<String>,
    crit: &str,
    k_of: &dyn Fn(&Value) -> f64,
) -> Value {
    let fits: Vec<&Value> = a.items.iter().map(|x| &x.1).collect();
    let df: Vec<i32> = fits.iter().map(|f| loglik_of(f).1 as i32).collect();
    let v: Vec<f64> = fits
        .iter()
        .map(|f| {
            let (ll, d) = loglik_of(f);
            -2.0 * ll + k_of(f) * d as f64
        })
        .collect();
    let mut d = crate::value::frame::make_df(
        vec![
            Value::dbls(df.iter().map(|&x| x as f64).collect()),
            Value::dbls(v),
        ],
        vec!["df".into(), crit.into()],
        Value::strings(&names),
    );
    d.set_attr(s("names"), Value::strings(&["df", crit]));
    d
}

pub(crate) fn arg_labels(a: &Args) -> Vec<String> {
    a.items
        .iter()
        .enumerate()
        .map(|(i, (n, _))| {
            n.map(|n| n.as_str().to_string())
                .unwrap_or_else(|| format!("fit{}", i + 1))
        })
        .collect()
}

/// Fits that are not lm/glm replaced by their `logLik` (through its methods), so that
/// several fits of any class can be compared.
fn logliks_of(it: &mut Interp, mut a: Args) -> EvalResult<Args> {
    for item in a.items.iter_mut() {
        if !item.1.inherits("lm") && !item.1.inherits("logLik") {
            let env = it.global.clone();
            let f = it.get_function(crate::syntax::sym::Sym::new("logLik"), &env)?;
            item.1 = it.call_value(&f, vec![(None, item.1.clone())])?;
        }
    }
    Ok(a)
}

pub(crate) fn aic(it: &mut Interp, a: Args) -> EvalResult {
    if a.items.len() > 1 {
        let names = arg_labels(&a);
        let a = logliks_of(it, a)?;
        return Ok(ic_multi(&a, names, "AIC", &|_| 2.0));
    }
    ic(a, &|_| 2.0)
}

pub(crate) fn bic(it: &mut Interp, a: Args) -> EvalResult {
    if a.items.len() > 1 {
        let names = arg_labels(&a);
        let a = logliks_of(it, a)?;
        return Ok(ic_multi(&a, names, "BIC", &|f| (nobs_of(f) as f64).ln()));
    }
    ic(a, &|f| (nobs_of(f) as f64).ln())
}

/// `sigma(object)`: the residual standard deviation, `sqrt(deviance / (nobs - p))`.
pub(crate) fn sigma_fn(it: &mut Interp, a: Args) -> EvalResult {
    let fit = obj(a)?;
    let dev = deviance(it, Args::positional(vec![fit.clone()]))?;
    let p = field(&fit, "coefficients")
        .map(|c| c.dbl_vec().iter().filter(|v| !v.is_nan()).count())
        .unwrap_or(0);
    let n = nobs_of(&fit) as f64;
    if fit.inherits("mlm") {
        let q = field(&fit, "coefficients")
            .and_then(|c| c.dim())
            .map(|d| d[1].max(1))
            .unwrap_or(1);
        let vals: Vec<f64> = dev
            .dbl_vec()
            .iter()
            .map(|d| (d / (n - (p / q) as f64)).sqrt())
            .collect();
        let mut v = Value::dbls(vals);
        if let Some(nm) = dev.get_attr("names") {
            v.set_attr(s("names"), nm.clone());
        }
        return Ok(v);
    }
    let d = dev.as_f64().unwrap_or(f64::NAN);
    Ok(Value::num((d / (n - p as f64)).sqrt()))
}

/// `variable.names(object, full = FALSE)`: the model matrix columns (estimable ones only
/// unless `full`).
pub(crate) fn variable_names(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["object", "full", "..."])?;
    let fit = m.req("object")?.clone();
    let full = m
        .get("full")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let qrm = field(&fit, "qr")
        .and_then(|q| field(&q, "qr"))
        .unwrap_or(Value::Null);
    let names = qrm
        .get_attr("dimnames")
        .and_then(|d| d.list_vec().get(1).cloned())
        .and_then(|v| v.as_strings())
        .unwrap_or_default();
    let rank = field(&fit, "rank")
        .and_then(|v| v.as_i32())
        .unwrap_or(0)
        .max(0) as usize;
    Ok(Value::strings(if full {
        &names[..]
    } else {
        &names[..rank.min(names.len())]
    }))
}

/// `case.names(object)`: the names of the cases used (non-zero weights).
pub(crate) fn case_names(_it: &mut Interp, a: Args) -> EvalResult {
    let fit = obj(a)?;
    let r = field(&fit, "residuals").unwrap_or(Value::Null);
    let names: Vec<String> = match r.dim() {
        Some(_) => r
            .get_attr("dimnames")
            .and_then(|d| d.list_vec().first().cloned())
            .and_then(|v| v.as_strings())
            .unwrap_or_default(),
        None => strings_of(&r.get_attr("names").cloned().unwrap_or(Value::Null)),
    };
    let names = match weights_of(&fit) {
        Some(w) if w.len() == names.len() => names
            .into_iter()
            .zip(w)
            .filter(|(_, w)| *w != 0.0)
            .map(|(n, _)| n)
            .collect(),
        _ => names,
    };
    Ok(Value::strings(&names))
}

/// `labels(object)` of a fit: the term labels of the estimable terms.
pub(crate) fn labels_fn(_it: &mut Interp, a: Args) -> EvalResult {
    let fit = obj(a)?;
    if !fit.inherits("lm") {
        if let Some(t) = fit.get_attr("term.labels") {
            return Ok(t.clone());
        }
        return Ok(fit
            .names()
            .map(|n| Value::strs(n.to_vec()))
            .unwrap_or(Value::Null));
    }
    let tl = field(&fit, "terms")
        .and_then(|t| t.get_attr("term.labels").cloned())
        .map(|v| strings_of(&v))
        .unwrap_or_default();
    let assign: Vec<usize> = field(&fit, "assign")
        .map(|v| v.int_vec().iter().map(|&k| k as usize).collect())
        .unwrap_or_default();
    let piv: Vec<usize> = field(&fit, "qr")
        .and_then(|q| field(&q, "pivot"))
        .map(|v| v.int_vec().iter().map(|&k| k as usize - 1).collect())
        .unwrap_or_default();
    let rank = field(&fit, "rank")
        .and_then(|v| v.as_i32())
        .unwrap_or(0)
        .max(0) as usize;
    let mut out: Vec<String> = Vec::new();
    for &j in piv.iter().take(rank) {
        if let Some(&a) = assign.get(j) {
            if a > 0 && !out.contains(&tl[a - 1]) {
                out.push(tl[a - 1].clone());
            }
        }
    }
    Ok(Value::strings(&out))
}

/// `effects(object)`: the orthogonal effects `Q'y`.
pub(crate) fn effects_fn(_it: &mut Interp, a: Args) -> EvalResult {
    let fit = obj(a)?;
    let mut e = field(&fit, "effects").unwrap_or(Value::Null);
    e.set_attr(s("assign"), field(&fit, "assign").unwrap_or(Value::Null));
    e.set_attr(s("class"), Value::str("coef"));
    Ok(e)
}
