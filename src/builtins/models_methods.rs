// Methods for fitted linear models (included by models.rs).

fn obj(a: Args) -> EvalResult<Value> {
    match a.items.into_iter().next() {
        Some((_, v)) => Ok(v),
        None => err("argument \"object\" is missing, with no default"),
    }
}

/// Pads a per-observation vector back to the full length for `na.exclude` fits.
pub(super) fn pad_exclude(fit: &Value, v: Value) -> Value {
    let Some(na) = field(fit, "na.action") else { return v };
    if !na.inherits("exclude") {
        return v;
    }
    let om: Vec<usize> = na.int_vec().iter().map(|&k| k as usize - 1).collect();
    let names: Vec<String> = na.names().unwrap_or_default().iter().map(|x| x.as_deref().unwrap_or("").to_string()).collect();
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
            on.push(vn.get(k).cloned().flatten().map(|x| x.to_string()).unwrap_or_default());
            k += 1;
        }
    }
    named_dbl(out, &on)
}

fn coef(it: &mut Interp, a: Args) -> EvalResult {
    let x = obj(a)?;
    let _ = it;
    Ok(field(&x, "coefficients").unwrap_or(Value::Null))
}

fn residuals(it: &mut Interp, a: Args) -> EvalResult {
    if a.items.first().map(|x| x.1.inherits("glm")).unwrap_or(false) {
        return super::glm::residuals_glm(it, a);
    }
    let x = obj(a)?;
    let r = field(&x, "residuals").unwrap_or(Value::Null);
    Ok(pad_exclude(&x, r))
}

fn fitted(_it: &mut Interp, a: Args) -> EvalResult {
    let x = obj(a)?;
    let r = field(&x, "fitted.values").unwrap_or(Value::Null);
    Ok(pad_exclude(&x, r))
}

fn df_residual(_it: &mut Interp, a: Args) -> EvalResult {
    let x = obj(a)?;
    Ok(field(&x, "df.residual").unwrap_or(Value::Null))
}

fn weights_of(fit: &Value) -> Option<Vec<f64>> {
    field(fit, "weights").map(|w| w.dbl_vec().to_vec())
}

fn rss(fit: &Value) -> f64 {
    let r = dbl_field(fit, "residuals");
    match weights_of(fit) {
        Some(w) => r.iter().zip(&w).map(|(a, b)| a * a * b).sum(),
        None => r.iter().map(|a| a * a).sum(),
    }
}

fn deviance(_it: &mut Interp, a: Args) -> EvalResult {
    let x = obj(a)?;
    if x.inherits("glm") {
        return Ok(field(&x, "deviance").unwrap_or(Value::Null));
    }
    Ok(Value::num(rss(&x)))
}

fn nobs_of(fit: &Value) -> usize {
    if fit.inherits("glm") {
        return dbl_field(fit, "prior.weights").iter().filter(|&&v| v != 0.0).count();
    }
    match weights_of(fit) {
        Some(w) => w.iter().filter(|&&v| v != 0.0).count(),
        None => dbl_field(fit, "residuals").len(),
    }
}

fn nobs(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(Value::int(nobs_of(&obj(a)?) as i32))
}

/// Numbers `summary.lm` needs.
struct LmSummary {
    names: Vec<String>,
    /// Non-aliased coefficient indices (original order).
    est_idx: Vec<usize>,
    est: Vec<f64>,
    se: Vec<f64>,
    cov_unscaled: Vec<f64>,
    sigma: f64,
    rdf: usize,
    rank: usize,
    p: usize,
    r2: f64,
    adj_r2: f64,
    fstat: Option<(f64, f64, f64)>,
    resid: Vec<f64>,
    resid_names: Vec<String>,
    _weighted: bool,
    intercept: bool,
}

fn lm_summary(fit: &Value) -> EvalResult<LmSummary> {
    let qr = field(fit, "qr").unwrap_or(Value::Null);
    let qrm = field(&qr, "qr").unwrap_or(Value::Null);
    let dims = qrm.dim().unwrap_or_default();
    let (nq, p) = (dims.first().cloned().unwrap_or(0), dims.get(1).cloned().unwrap_or(0));
    let n = super::lm_large::truncated_rows(&qr).unwrap_or(nq);
    let rank = field(&qr, "rank").and_then(|v| v.as_i32()).unwrap_or(0) as usize;
    let pivot: Vec<usize> = field(&qr, "pivot").map(|v| v.int_vec().iter().map(|&k| k as usize - 1).collect()).unwrap_or_default();
    let q = crate::stats::qr::Qr { qr: qrm.dbl_vec().to_vec(), n: nq, p, qraux: dbl_field(&qr, "qraux"), pivot: pivot.clone(), rank };
    let cov = q.unscaled_cov();
    let coef = field(fit, "coefficients").unwrap_or(Value::Null);
    let names: Vec<String> = coef.names().unwrap_or_default().iter().map(|x| x.as_deref().unwrap_or("").to_string()).collect();
    let cv = coef.dbl_vec();
    let w = weights_of(fit);
    let mut r = dbl_field(fit, "residuals");
    let f = dbl_field(fit, "fitted.values");
    // names are only copied for weighted residuals (summary_lm reuses the fit's otherwise)
    let rn: Vec<String> = if w.is_some() { field(fit, "residuals").and_then(|x| x.names()).unwrap_or_default().iter().map(|x| x.as_deref().unwrap_or("").to_string()).collect() } else { vec![] };
    if let Some(w) = &w {
        for (ri, wi) in r.iter_mut().zip(w) {
            *ri *= wi.sqrt();
        }
    }
    let rdf = n - rank;
    let rss: f64 = r.iter().map(|v| v * v).sum();
    let resvar = rss / rdf as f64;
    let intercept = field(fit, "terms").and_then(|t| t.get_attr("intercept").and_then(|v| v.as_i32())).unwrap_or(1) == 1;
    let mss = if intercept {
        match &w {
            Some(w) => {
                let m = f.iter().zip(w).map(|(a, b)| a * b).sum::<f64>() / w.iter().sum::<f64>();
                f.iter().zip(w).map(|(a, b)| b * (a - m) * (a - m)).sum::<f64>()
            }
            None => {
                let m = f.iter().sum::<f64>() / f.len() as f64;
                f.iter().map(|a| (a - m) * (a - m)).sum::<f64>()
            }
        }
    } else {
        match &w {
            Some(w) => f.iter().zip(w).map(|(a, b)| b * a * a).sum(),
            None => f.iter().map(|a| a * a).sum(),
        }
    };
    let df_int = intercept as usize;
    let est_idx: Vec<usize> = pivot[..rank].to_vec();
    let est: Vec<f64> = est_idx.iter().map(|&j| cv[j]).collect();
    let se: Vec<f64> = (0..rank).map(|k| (cov[k * rank + k] * resvar).sqrt()).collect();
    let (r2, adj, fstat) = if rank != df_int {
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

fn vcov(it: &mut Interp, a: Args) -> EvalResult {
    if a.items.first().map(|x| x.1.inherits("glm")).unwrap_or(false) {
        return super::glm::vcov_glm(it, a);
    }
    let fit = obj(a)?;
    let sm = lm_summary(&fit)?;
    let k = sm.rank;
    let nm: Vec<String> = sm.est_idx.iter().map(|&j| sm.names[j].clone()).collect();
    let s2 = sm.sigma * sm.sigma;
    Ok(matrix(sm.cov_unscaled.iter().map(|v| v * s2).collect(), k, k, Some(&nm), Some(&nm)))
}

fn pct_label(p: f64) -> String {
    let v = round_to(100.0 * p, 1);
    format!("{} %", crate::print::format_dbl_vec_trim(&[v], 3).pop().unwrap_or_default().trim())
}

fn confint(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["object", "parm", "level", "..."])?;
    let fit = m.req(0, "object")?.clone();
    let level = m.get(2).and_then(|v| v.as_f64()).unwrap_or(0.95);
    let sm = lm_summary(&fit)?;
    let cf = dbl_field(&fit, "coefficients");
    let pn = sm.names.len();
    let a2 = (1.0 - level) / 2.0;
    let q = qt(1.0 - a2, sm.rdf as f64, true);
    let mut se = vec![f64::NAN; pn];
    for (k, &j) in sm.est_idx.iter().enumerate() {
        se[j] = sm.se[k];
    }
    let mut vals: Vec<f64> = (0..pn).map(|j| cf[j] - q * se[j]).collect();
    vals.extend((0..pn).map(|j| cf[j] + q * se[j]));
    let cols = [pct_label(a2), pct_label(1.0 - a2)];
    Ok(matrix(vals, pn, 2, Some(&sm.names), Some(&cols)))
}

fn summary_lm(_it: &mut Interp, a: Args) -> EvalResult {
    let fit = obj(a)?;
    let sm = lm_summary(&fit)?;
    let k = sm.rank;
    let rn: Vec<String> = sm.est_idx.iter().map(|&j| sm.names[j].clone()).collect();
    let mut cm = sm.est.clone();
    cm.extend(&sm.se);
    let tv: Vec<f64> = sm.est.iter().zip(&sm.se).map(|(e, s)| e / s).collect();
    cm.extend(&tv);
    cm.extend(tv.iter().map(|t| 2.0 * pt(t.abs(), sm.rdf as f64, false)));
    let cols = ["Estimate", "Std. Error", "t value", "Pr(>|t|)"];
    let mut aliased = Value::lgls((0..sm.p).map(|j| !sm.est_idx.contains(&j) as i32).collect());
    aliased.set_attr(s("names"), Value::strings(&sm.names));
    let mut items = vec![
        ("call".to_string(), field(&fit, "call").unwrap_or(Value::Null)),
        ("terms".into(), field(&fit, "terms").unwrap_or(Value::Null)),
        ("residuals".into(), if sm._weighted { named_dbl(sm.resid.clone(), &sm.resid_names) } else { field(&fit, "residuals").unwrap_or(Value::Null) }),
        ("coefficients".into(), matrix(cm, k, 4, Some(&rn), Some(&cols.map(String::from)))),
        ("aliased".into(), aliased),
        ("sigma".into(), Value::num(sm.sigma)),
        ("df".into(), Value::ints(vec![k as i32, sm.rdf as i32, sm.p as i32])),
    ];
    if let Some((f, n1, n2)) = sm.fstat {
        items.push(("r.squared".into(), Value::num(sm.r2)));
        items.push(("adj.r.squared".into(), Value::num(sm.adj_r2)));
        items.push(("fstatistic".into(), named_dbl(vec![f, n1, n2], &["value".into(), "numdf".into(), "dendf".into()])));
    } else {
        items.push(("r.squared".into(), Value::num(0.0)));
        items.push(("adj.r.squared".into(), Value::num(0.0)));
    }
    items.push(("cov.unscaled".into(), matrix(sm.cov_unscaled.clone(), k, k, Some(&rn), Some(&rn))));
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

pub(crate) fn call_lines(fit: &Value) -> String {
    match field(fit, "call") {
        Some(Value::Lang(l)) => crate::syntax::deparse::deparse_lines(&l.expr, 60).join("\n"),
        _ => String::new(),
    }
}

/// Prints a named character vector as `print.default(quote = FALSE, print.gap = 2)`.
pub(crate) fn named_strings_block(names: &[String], vals: &[String], gap: usize) -> String {
    let w = names.iter().chain(vals).map(|x| x.chars().count()).max().unwrap_or(0);
    let per = (80 / (w + gap)).max(1);
    let mut out = String::new();
    for chunk in (0..names.len()).collect::<Vec<_>>().chunks(per) {
        for &i in chunk {
            out.push_str(&format!("{:>w$}{}", names[i], " ".repeat(gap), w = w));
        }
        out.push('\n');
        for &i in chunk {
            out.push_str(&format!("{:>w$}{}", vals[i], " ".repeat(gap), w = w));
        }
        out.push('\n');
    }
    out
}

/// `print.lm`.
pub fn format_lm(it: &Interp, fit: &Value) -> String {
    let digits = (super::print_fns::option_digits(it) as i32 - 3).max(3) as usize;
    let mut out = format!("\nCall:\n{}\n\n", call_lines(fit));
    let coef = field(fit, "coefficients").unwrap_or(Value::Null);
    let cv = coef.dbl_vec();
    if cv.is_empty() {
        out.push_str("No coefficients\n");
    } else {
        out.push_str("Coefficients:\n");
        let names: Vec<String> = coef.names().unwrap_or_default().iter().map(|x| x.as_deref().unwrap_or("").to_string()).collect();
        let vals = format_common(&cv, digits);
        out.push_str(&named_strings_block(&names, &vals, 2));
    }
    out.push('\n');
    out
}

pub(crate) fn naprint(na: Option<Value>) -> Option<String> {
    let na = na?;
    let k = na.len();
    if na.inherits("omit") || na.inherits("exclude") {
        Some(format!("  ({} observation{} deleted due to missingness)\n", k, if k == 1 { "" } else { "s" }))
    } else {
        None
    }
}

/// `formatC(x, digits = digits)`: "%g"-style, left-padded to width `digits + 1`.
fn fmt_g(x: f64, digits: usize) -> String {
    let s = super::factor::format_g(x, digits);
    format!("{:>w$}", s, w = digits + 1)
}

/// `print.summary.lm`.
pub fn format_summary_lm(it: &Interp, sm: &Value) -> String {
    let digits = (super::print_fns::option_digits(it) as i32 - 3).max(3) as usize;
    let mut out = format!("\nCall:\n{}\n\n", call_lines(sm));
    let resid = field(sm, "residuals").unwrap_or(Value::Null);
    let rv = resid.dbl_vec().to_vec();
    let df: Vec<i32> = field(sm, "df").map(|v| v.int_vec().to_vec()).unwrap_or_default();
    let rdf = df.get(1).cloned().unwrap_or(0);
    let weighted = field(sm, "weights").map(|w| {
        let w = w.dbl_vec();
        w.iter().cloned().fold(f64::NEG_INFINITY, f64::max) != w.iter().cloned().fold(f64::INFINITY, f64::min)
    }).unwrap_or(false);
    out.push_str(if weighted { "Weighted Residuals:\n" } else { "Residuals:\n" });
    let opts = crate::print::PrintOpts { digits, ..Default::default() };
    if rdf > 5 {
        let mut sorted = rv.clone();
        sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
        let q = super::stats::quantiles(&sorted, &[0.0, 0.25, 0.5, 0.75, 1.0], 7);
        let z = zapsmall(&q, digits as i32 + 1);
        let v = named_dbl(z, &["Min", "1Q", "Median", "3Q", "Max"].map(String::from));
        out.push_str(&crate::print::print_value(&v, &opts));
    } else if rdf > 0 {
        out.push_str(&crate::print::print_value(&resid, &opts));
    } else {
        out.push_str(&format!("ALL {} residuals are 0: no residual degrees of freedom!", df.first().cloned().unwrap_or(0)));
        out.push('\n');
    }
    let aliased = field(sm, "aliased").unwrap_or(Value::Null);
    let al = aliased.lgl_vec();
    let an: Vec<String> = aliased.names().unwrap_or_default().iter().map(|x| x.as_deref().unwrap_or("").to_string()).collect();
    let cm = field(sm, "coefficients").unwrap_or(Value::Null);
    let cmv = cm.dbl_vec();
    let k = cm.dim().map(|d| d[0]).unwrap_or(0);
    if al.is_empty() {
        out.push_str("\nNo Coefficients\n");
    } else {
        let nsing = df.get(2).cloned().unwrap_or(0) - df.first().cloned().unwrap_or(0);
        if nsing > 0 {
            out.push_str(&format!("\nCoefficients: ({} not defined because of singularities)\n", nsing));
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
        let t = CoefTable { rows: an, cols: ["Estimate", "Std. Error", "t value", "Pr(>|t|)"].map(String::from).to_vec(), data };
        out.push_str(&print_coefmat(&t, &CoefOpts { digits, signif_stars: true, cs_ind: &[0, 1], tst_ind: &[2], zap_ind: &[], has_p: true, na_print: "NA" }));
    }
    let sigma = field(sm, "sigma").and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
    out.push_str(&format!(
        "\nResidual standard error: {} on {} degrees of freedom\n",
        format_common(&[crate::builtins::mathfns::fprec(sigma, digits as f64)], 7)[0].trim(),
        rdf
    ));
    if let Some(m) = naprint(field(sm, "na.action")) {
        out.push_str(&m);
    }
    if let Some(fs) = field(sm, "fstatistic") {
        let f = fs.dbl_vec();
        let r2 = field(sm, "r.squared").and_then(|v| v.as_f64()).unwrap_or(0.0);
        let ar2 = field(sm, "adj.r.squared").and_then(|v| v.as_f64()).unwrap_or(0.0);
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
    out.push('\n');
    out
}

fn poly_fn(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "...", "degree", "coefs", "raw", "simple"])?;
    let x = m.req(0, "x")?.dbl_vec().to_vec();
    let mut deg = m.get(2).and_then(|v| v.as_f64()).unwrap_or(1.0) as usize;
    if let Some((_, d)) = m.dots.first() {
        deg = d.as_f64().unwrap_or(1.0) as usize;
    }
    let raw = m.get(4).and_then(|v| v.as_bool().flatten()).unwrap_or(false);
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
    let (data, alpha, norm2) = match m.get(3) {
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
    v.set_attr(s("coefs"), Value::named_list(vec![("alpha".into(), Value::dbls(alpha)), ("norm2".into(), Value::dbls(norm2))]));
    v.set_attr(s("degree"), Value::ints((1..=deg as i32).collect()));
    v.set_attr(s("class"), Value::strings(&["poly", "matrix"]));
    Ok(v)
}

/// Evaluates the fit's variables on new data (stored poly coefficients and factor levels).
/// The model matrix for prediction: the fit's own rows, or `newdata` evaluated against the
/// fit's terms, contrasts and factor levels. Returns `(column-major x, rows, row names)`.
pub(super) fn predict_matrix(it: &mut Interp, fit: &Value, newdata: Option<&Value>) -> EvalResult<(Vec<f64>, usize, Vec<String>)> {
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
            let n = super::frames::df_nrow(nd);
            let mcols = model.list_vec();
            let mut cols = Vec::new();
            for (i, v) in t.variables.iter().enumerate() {
                if t.response && i == 0 {
                    cols.push(Value::dbls(vec![0.0; n]));
                    continue;
                }
                let stored = mcols.get(i).cloned().unwrap_or(Value::Null);
                let val = if let (Some(coefs), ExprKind::Call(_, args)) = (stored.get_attr("coefs"), &v.kind) {
                    let xe = args.first().and_then(|a| a.value.clone()).unwrap_or_else(|| v.clone());
                    let xv = it.eval(&xe, &denv)?.dbl_vec().to_vec();
                    let al = dbl_field(coefs, "alpha");
                    let n2 = dbl_field(coefs, "norm2");
                    matrix(design::poly_predict(&xv, &al, &n2), xv.len(), al.len(), None, Some(&(1..=al.len()).map(|d| d.to_string()).collect::<Vec<_>>()))
                } else {
                    it.eval(v, &denv)?
                };
                cols.push(val);
            }
            let (vc, _) = var_cols(it, &t, &cols, field(&fit, "contrasts").as_ref(), field(&fit, "xlevels").as_ref())?;
            let mm = design::model_matrix(&t, &vc, n);
            (mm.data, n, row_labels(Some(nd), n))
        }
    };
    Ok(r)
}

fn predict(it: &mut Interp, a: Args) -> EvalResult {
    if a.items.first().map(|x| x.1.inherits("glm")).unwrap_or(false) {
        return super::glm::predict_glm(it, a);
    }
    let m = a.matched(&["object", "newdata", "se.fit", "scale", "df", "interval", "level", "type", "..."])?;
    let fit = m.req(0, "object")?.clone();
    let se_fit = m.get(2).and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    let interval = m.get(5).and_then(|v| v.as_string()).unwrap_or_else(|| "none".into());
    let level = m.get(6).and_then(|v| v.as_f64()).unwrap_or(0.95);
    let (x, n, rows) = predict_matrix(it, &fit, m.get(1))?;
    let coef = dbl_field(&fit, "coefficients");
    let p = coef.len();
    let sm = lm_summary(&fit)?;
    let mut pred = vec![0.0; n];
    for &j in &sm.est_idx {
        for i in 0..n {
            pred[i] += x[j * n + i] * coef[j];
        }
    }
    let _ = p;
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
    let fitv = if interval == "none" {
        named_dbl(pred.clone(), &rows)
    } else {
        let q = qt((1.0 - level) / 2.0, sm.rdf as f64, false);
        let w: Vec<f64> = se.iter().map(|e| if interval == "prediction" { q * (e * e + s2).sqrt() } else { q * e }).collect();
        let mut vals = pred.clone();
        vals.extend(pred.iter().zip(&w).map(|(a, b)| a - b));
        vals.extend(pred.iter().zip(&w).map(|(a, b)| a + b));
        matrix(vals, n, 3, Some(&rows), Some(&["fit", "lwr", "upr"].map(String::from)))
    };
    if se_fit {
        return Ok(Value::named_list(vec![
            ("fit".into(), fitv),
            ("se.fit".into(), named_dbl(se, &rows)),
            ("df".into(), Value::int(sm.rdf as i32)),
            ("residual.scale".into(), Value::num(sm.sigma)),
        ]));
    }
    Ok(fitv)
}

fn loglik_of(fit: &Value) -> (f64, usize) {
    if fit.inherits("glm") {
        return super::glm::loglik_glm(fit);
    }
    let r = dbl_field(fit, "residuals");
    let n = r.len() as f64;
    let w = weights_of(fit).unwrap_or_else(|| vec![1.0; r.len()]);
    let rs: f64 = r.iter().zip(&w).map(|(a, b)| a * a * b).sum();
    let sw: f64 = w.iter().map(|v| v.ln()).sum();
    let ll = 0.5 * (sw - n * ((2.0 * std::f64::consts::PI).ln() + 1.0 - n.ln() + rs.ln()));
    let rank = field(fit, "rank").and_then(|v| v.as_i32()).unwrap_or(0) as usize;
    (ll, rank + 1)
}

fn loglik(_it: &mut Interp, a: Args) -> EvalResult {
    let fit = obj(a)?;
    let (ll, df) = loglik_of(&fit);
    let mut v = Value::num(ll);
    v.set_attr(s("nall"), Value::int(nobs_of(&fit) as i32));
    v.set_attr(s("nobs"), Value::int(nobs_of(&fit) as i32));
    v.set_attr(s("df"), Value::int(df as i32));
    v.set_attr(s("class"), Value::str("logLik"));
    Ok(v)
}

/// `print.logLik`.
pub fn format_loglik(v: &Value) -> String {
    let x = v.as_f64().unwrap_or(f64::NAN);
    let df = v.get_attr("df").and_then(|d| d.as_i32()).unwrap_or(0);
    format!("'log Lik.' {} (df={})\n", format_common(&[x], 7)[0].trim(), df)
}

fn ic(a: Args, k_of: &dyn Fn(&Value) -> f64) -> EvalResult {
    let fits: Vec<Value> = a.items.iter().filter(|(n, _)| n.is_none()).map(|x| x.1.clone()).collect();
    let vals: Vec<(f64, usize)> = fits.iter().map(|f| {
        let (ll, df) = loglik_of(f);
        (-2.0 * ll + k_of(f) * df as f64, df)
    }).collect();
    if vals.len() == 1 {
        return Ok(Value::num(vals[0].0));
    }
    Err(crate::error::RError::runtime("__multi__").into())
}

pub(super) fn ic_multi(a: &Args, names: Vec<String>, crit: &str, k_of: &dyn Fn(&Value) -> f64) -> Value {
    let fits: Vec<&Value> = a.items.iter().map(|x| &x.1).collect();
    let df: Vec<i32> = fits.iter().map(|f| loglik_of(f).1 as i32).collect();
    let v: Vec<f64> = fits.iter().map(|f| { let (ll, d) = loglik_of(f); -2.0 * ll + k_of(f) * d as f64 }).collect();
    let mut d = super::frames::make_df(vec![Value::dbls(df.iter().map(|&x| x as f64).collect()), Value::dbls(v)], vec!["df".into(), crit.into()], Value::strings(&names));
    d.set_attr(s("names"), Value::strings(&["df", crit]));
    d
}

fn arg_labels(a: &Args) -> Vec<String> {
    a.items.iter().enumerate().map(|(i, (n, _))| n.map(|n| n.as_str().to_string()).unwrap_or_else(|| format!("fit{}", i + 1))).collect()
}

pub(super) fn aic(_it: &mut Interp, a: Args) -> EvalResult {
    if a.items.len() > 1 {
        let names = arg_labels(&a);
        return Ok(ic_multi(&a, names, "AIC", &|_| 2.0));
    }
    ic(a, &|_| 2.0)
}

pub(super) fn bic(_it: &mut Interp, a: Args) -> EvalResult {
    if a.items.len() > 1 {
        let names = arg_labels(&a);
        return Ok(ic_multi(&a, names, "BIC", &|f| (nobs_of(f) as f64).ln()));
    }
    ic(a, &|f| (nobs_of(f) as f64).ln())
}

pub(super) fn anova_table(rows: Vec<String>, cols: Vec<&str>, data: Vec<f64>, heading: Vec<String>) -> Value {
    let nr = rows.len();
    let colv: Vec<Value> = (0..cols.len()).map(|c| Value::dbls(data[c * nr..(c + 1) * nr].to_vec())).collect();
    let mut d = super::frames::make_df(colv, cols.iter().map(|x| x.to_string()).collect(), Value::strings(&rows));
    d.set_attr(s("heading"), Value::strings(&heading));
    d.set_attr(s("class"), Value::strings(&["anova", "data.frame"]));
    d
}

pub(super) fn response_label(fit: &Value) -> String {
    field(fit, "terms")
        .and_then(|t| if let Value::Lang(l) = t { if let ExprKind::Formula(Some(l), _) = &l.expr.kind { Some(deparse(l)) } else { None } } else { None })
        .unwrap_or_default()
}

fn anova(it: &mut Interp, a: Args) -> EvalResult {
    if a.items.first().map(|x| x.1.inherits("glm")).unwrap_or(false) {
        return super::glm::anova_glm(it, a);
    }
    let fits: Vec<Value> = a.items.iter().map(|x| x.1.clone()).collect();
    let na = crate::value::na_real();
    if fits.len() == 1 {
        let fit = &fits[0];
        let eff = dbl_field(fit, "effects");
        let assign: Vec<usize> = field(fit, "assign").map(|v| v.int_vec().iter().map(|&k| k as usize).collect()).unwrap_or_default();
        let qr = field(fit, "qr").unwrap_or(Value::Null);
        let piv: Vec<usize> = field(&qr, "pivot").map(|v| v.int_vec().iter().map(|&k| k as usize - 1).collect()).unwrap_or_default();
        let rank = field(fit, "rank").and_then(|v| v.as_i32()).unwrap_or(0) as usize;
        let labels: Vec<String> = field(fit, "terms").and_then(|t| t.get_attr("term.labels").cloned()).map(|v| strings_of(&v)).unwrap_or_default();
        let mut ss = vec![0.0; labels.len() + 1];
        let mut df = vec![0usize; labels.len() + 1];
        for k in 0..rank {
            let asg = assign[piv[k]];
            ss[asg] += eff[k] * eff[k];
            df[asg] += 1;
        }
        let rdf = field(fit, "df.residual").and_then(|v| v.as_i32()).unwrap_or(0) as f64;
        let rss_v = rss(fit);
        let resms = rss_v / rdf;
        let mut rows = Vec::new();
        let (mut dfs, mut sss, mut mss, mut fs, mut ps) = (vec![], vec![], vec![], vec![], vec![]);
        for t in 1..=labels.len() {
            if df[t] == 0 {
                continue;
            }
            rows.push(labels[t - 1].clone());
            dfs.push(df[t] as f64);
            sss.push(ss[t]);
            let ms = ss[t] / df[t] as f64;
            mss.push(ms);
            fs.push(ms / resms);
            ps.push(pf(ms / resms, df[t] as f64, rdf, false));
        }
        rows.push("Residuals".into());
        dfs.push(rdf);
        sss.push(rss_v);
        mss.push(resms);
        fs.push(na);
        ps.push(na);
        let data = [dfs, sss, mss, fs, ps].concat();
        let _ = it;
        return Ok(anova_table(rows, vec!["Df", "Sum Sq", "Mean Sq", "F value", "Pr(>F)"], data, vec![
            "Analysis of Variance Table\n".into(),
            format!("Response: {}", response_label(fit)),
        ]));
    }
    let k = fits.len();
    let rdfs: Vec<f64> = fits.iter().map(|f| field(f, "df.residual").and_then(|v| v.as_i32()).unwrap_or(0) as f64).collect();
    let rsss: Vec<f64> = fits.iter().map(rss).collect();
    let big = (0..k).max_by(|&a, &b| rsss[b].partial_cmp(&rsss[a]).unwrap_or(std::cmp::Ordering::Equal)).unwrap_or(k - 1);
    let _ = big;
    let scale = rsss[k - 1] / rdfs[k - 1];
    let bigdf = rdfs[k - 1];
    let mut df = vec![na];
    let mut ssq = vec![na];
    let mut fv = vec![na];
    let mut pv = vec![na];
    for i in 1..k {
        let d = rdfs[i - 1] - rdfs[i];
        let s2 = rsss[i - 1] - rsss[i];
        df.push(d);
        ssq.push(s2);
        let f = s2 / d / scale;
        fv.push(f);
        pv.push(pf(f, d.abs(), bigdf, false));
    }
    let mut heading = vec!["Analysis of Variance Table\n".to_string()];
    let forms: Vec<String> = fits.iter().enumerate().map(|(i, f)| {
        let fl = field(f, "terms").map(|t| if let Value::Lang(l) = t { deparse(&l.expr) } else { String::new() }).unwrap_or_default();
        format!("Model {}: {}", i + 1, fl)
    }).collect();
    heading.push(forms.join("\n"));
    let rows: Vec<String> = (1..=k).map(|i| i.to_string()).collect();
    let data = [rdfs, rsss, df, ssq, fv, pv].concat();
    Ok(anova_table(rows, vec!["Res.Df", "RSS", "Df", "Sum of Sq", "F", "Pr(>F)"], data, heading))
}

/// `print.anova`.
pub fn format_anova(it: &Interp, x: &Value) -> String {
    let digits = (super::print_fns::option_digits(it) as i32 - 2).max(3) as usize;
    let mut out = String::new();
    if let Some(h) = x.get_attr("heading") {
        for l in strings_of(h) {
            out.push_str(&l);
            out.push('\n');
        }
    }
    let cols = super::frames::df_names(x);
    let rows = super::frames::df_row_names(x).as_strings().unwrap_or_default();
    let data: Vec<f64> = x.list_vec().iter().flat_map(|c| c.dbl_vec().to_vec()).collect();
    let nc = cols.len();
    let has_p = cols.last().map(|c| c.starts_with("Pr(") || c.starts_with("P(")).unwrap_or(false);
    let tst: Vec<usize> = (0..nc).filter(|&i| cols[i].get(1..7) == Some(" value") || cols[i] == "F").collect();
    let zap: Vec<usize> = (0..if has_p { nc - 1 } else { nc }).filter(|i| !tst.contains(i) && !cols[*i].ends_with("Df")).collect();
    let t = CoefTable { rows, cols, data };
    out.push_str(&print_coefmat(&t, &CoefOpts { digits, signif_stars: true, cs_ind: &[], tst_ind: &tst, zap_ind: &zap, has_p, na_print: "" }));
    out
}

/// `update(object, formula., ...)` for formulas and `lm` fits.
fn update(it: &mut Interp, a: Args) -> EvalResult {
    let mut items = a.items.clone();
    let old = items.remove(0).1;
    let newf = items.iter().position(|(n, _)| n.is_none() || n.map(|x| x.as_str() == "formula.").unwrap_or(false)).map(|i| items.remove(i).1);
    let base_formula = if old.inherits("lm") { formula_fn(it, Args::positional(vec![old.clone()]))? } else { old.clone() };
    let mut f = base_formula.clone();
    if let Some(nf) = &newf {
        let (ol, or, env) = formula_parts(&base_formula, it)?;
        let (nl, nr, _) = formula_parts(nf, it)?;
        let sub = |e: &Expr, with: &Option<Expr>| -> Expr { subst_dot(e, with.as_ref()) };
        let lhs = match nl { Some(l) => Some(sub(&l, &ol)), None => ol.clone() };
        let rhs = subst_dot(&nr, Some(&Expr::new(ExprKind::Paren(Box::new(or.clone())), Default::default())));
        let rhs = simplify_rhs(&rhs, &ol);
        f = make_formula_value(lhs, rhs, &env);
    }
    if !old.inherits("lm") {
        return Ok(f);
    }
    let Some(Value::Lang(call)) = field(&old, "call") else { return err("need an object with call component") };
    let ExprKind::Call(fun, cargs) = &call.expr.kind else { return err("invalid call") };
    let mut args = cargs.clone();
    let fexpr = if let Value::Lang(l) = &f { (*l.expr).clone() } else { return err("invalid formula") };
    let mut set = |name: &str, e: Expr| {
        if let Some(a) = args.iter_mut().find(|a| a.name.map(|x| x.as_str() == name).unwrap_or(false)) {
            a.value = Some(e);
        } else {
            args.push(Arg { name: Some(s(name)), value: Some(e), span: Default::default() });
        }
    };
    set("formula", fexpr);
    for (n, v) in items {
        if let Some(n) = n {
            let e = match &v { Value::Promise(p) => (*p.expr).clone(), v => super::lang::value_to_expr(v) };
            set(n.as_str(), e);
        }
    }
    let newcall = Expr::new(ExprKind::Call(fun.clone(), args), Default::default());
    let env = it.global.clone();
    it.eval(&newcall, &env)
}

fn subst_dot(e: &Expr, with: Option<&Expr>) -> Expr {
    match &e.kind {
        ExprKind::Ident(x) if x.as_str() == "." => with.cloned().unwrap_or_else(|| e.clone()),
        ExprKind::Binary(op, l, r) => Expr::new(ExprKind::Binary(*op, Box::new(subst_dot(l, with)), Box::new(subst_dot(r, with))), e.span),
        ExprKind::Paren(x) => Expr::new(ExprKind::Paren(Box::new(subst_dot(x, with))), e.span),
        ExprKind::Unary(op, x) => Expr::new(ExprKind::Unary(*op, Box::new(subst_dot(x, with))), e.span),
        ExprKind::Call(f, args) => Expr::new(
            ExprKind::Call(f.clone(), args.iter().map(|a| Arg { name: a.name, value: a.value.as_ref().map(|v| subst_dot(v, with)), span: a.span }).collect()),
            e.span,
        ),
        _ => e.clone(),
    }
}

/// Simplifies an updated right-hand side as `update.formula` does (via `terms`): the
/// result lists the remaining term labels joined by `+`.
fn simplify_rhs(rhs: &Expr, lhs: &Option<Expr>) -> Expr {
    let Ok(t) = terms_of(lhs.as_ref(), rhs, None) else { return rhs.clone() };
    let mut text = if t.labels.is_empty() { "1".to_string() } else { t.labels.join(" + ") };
    for &o in &t.offsets {
        text.push_str(&format!(" + {}", t.var_labels[o]));
    }
    if !t.intercept {
        text.push_str(" - 1");
    }
    crate::syntax::parse_expr(&text).unwrap_or_else(|_| rhs.clone())
}
