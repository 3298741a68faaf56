//! `drop1` and `add1` for `lm` fits: refits on column subsets of the model matrix, as
//! R's `drop1.lm`/`add1.lm`, with `AIC` (or `Cp`) and optional F or chi-squared tests.

use super::*;
use crate::stats::qr::lsfit;

/// What the refits share: the model matrix, its `assign`, the response, weights, offset.
struct Design {
    x: Vec<f64>,
    n: usize,
    p: usize,
    assign: Vec<usize>,
    y: Vec<f64>,
    w: Option<Vec<f64>>,
    offset: Option<Vec<f64>>,
}

fn design_of(it: &mut Interp, fit: &Value) -> EvalResult<Design> {
    let mm = lm_model_matrix(it, fit)?;
    let dims = mm.dim().unwrap_or_default();
    let (n, p) = (
        dims.first().cloned().unwrap_or(0),
        dims.get(1).cloned().unwrap_or(0),
    );
    let assign = mm
        .get_attr("assign")
        .map(|a| a.int_vec().iter().map(|&k| k as usize).collect())
        .unwrap_or_default();
    let r = dbl_field(fit, "residuals");
    let f = dbl_field(fit, "fitted.values");
    let y = r.iter().zip(&f).map(|(a, b)| a + b).collect();
    let w = field(fit, "weights").map(|v| v.dbl_vec().to_vec());
    let offset = field(fit, "offset").map(|v| v.dbl_vec().to_vec());
    Ok(Design {
        x: mm.dbl_vec().to_vec(),
        n,
        p,
        assign,
        y,
        w,
        offset,
    })
}

/// `lm.fit`/`lm.wfit` on the columns `cols`: returns `(rank, RSS)`.
fn subfit(d: &Design, cols: &[usize]) -> (usize, f64) {
    let n = d.n;
    let sw: Option<Vec<f64>> = d.w.as_ref().map(|w| w.iter().map(|v| v.sqrt()).collect());
    let mut x = Vec::with_capacity(n * cols.len());
    for &j in cols {
        for i in 0..n {
            x.push(d.x[j * n + i] * sw.as_ref().map(|s| s[i]).unwrap_or(1.0));
        }
    }
    let y: Vec<f64> = (0..n)
        .map(|i| {
            (d.y[i] - d.offset.as_ref().map(|o| o[i]).unwrap_or(0.0))
                * sw.as_ref().map(|s| s[i]).unwrap_or(1.0)
        })
        .collect();
    if cols.is_empty() {
        return (0, y.iter().map(|v| v * v).sum());
    }
    let f = lsfit(&x, n, cols.len(), &y, 1e-7);
    (f.qr.rank, f.residuals.iter().map(|v| v * v).sum())
}

/// Term labels with the variables of each interaction sorted (R compares terms this way).
fn sorted_label(l: &str) -> String {
    let mut v: Vec<&str> = l.split(':').collect();
    v.sort();
    v.join(":")
}

fn term_sets(tv: &Value) -> (Vec<String>, Vec<Vec<String>>) {
    let labels = tv
        .get_attr("term.labels")
        .map(strings_of)
        .unwrap_or_default();
    let sets = labels
        .iter()
        .map(|l| l.split(':').map(String::from).collect())
        .collect();
    (labels, sets)
}

/// The options both functions take.
struct StepOpts {
    scale: f64,
    test: String,
    k: f64,
}

/// The `scale`, `test` and `k` arguments of `drop1`/`add1`.
fn step_opts(m: &crate::builtins::Matched) -> EvalResult<StepOpts> {
    let test = m
        .get("test")
        .and_then(|v| v.as_strings())
        .and_then(|v| v.first().cloned())
        .unwrap_or_else(|| "none".into());
    let test = match ["none", "Chisq", "F"]
        .iter()
        .find(|t| t.starts_with(test.as_str()) && !test.is_empty())
    {
        Some(t) => t.to_string(),
        None => return err(
            "'arg' should be one of \u{201c}none\u{201d}, \u{201c}Chisq\u{201d}, \u{201c}F\u{201d}",
        ),
    };
    Ok(StepOpts {
        scale: m.get("scale").and_then(|v| v.as_f64()).unwrap_or(0.0),
        test,
        k: m.get("k").and_then(|v| v.as_f64()).unwrap_or(2.0),
    })
}

fn check_lm(fit: &Value, what: &str) -> EvalResult<()> {
    if !fit.inherits("lm") {
        return err(format!(
            "no applicable method for '{}' applied to an object of class \"{}\"",
            what,
            fit.class_attr()
                .and_then(|c| c.first().cloned())
                .unwrap_or_else(|| "NULL".into())
        ));
    }
    if fit.inherits("glm") || fit.inherits("mlm") {
        return err(format!(
            "{} is only implemented for single-response \"lm\" fits",
            what
        ));
    }
    Ok(())
}

/// Scope given as a formula or character vector: the term labels of `update(formula(fit), scope)`.
fn scope_labels(it: &mut Interp, fit: &Value, scope: &Value) -> EvalResult<Vec<String>> {
    if let Some(v) = scope
        .as_strings()
        .filter(|_| matches!(scope.data(), Some(Data::Str(_))))
    {
        return Ok(v);
    }
    let base = formula_fn(it, Args::positional(vec![fit.clone()]))?;
    let f = update_formula(it, &base, scope)?;
    let (t, _, _, _) = build_terms(it, &f, None)?;
    Ok(t.labels)
}

/// Builds the anova-classed table: Df, Sum of Sq, RSS, AIC (or Cp) and the test columns.
#[allow(clippy::too_many_arguments)]
fn table(
    rows: Vec<String>,
    dfs: Vec<f64>,
    rss: Vec<f64>,
    n: f64,
    o: &StepOpts,
    rdf: f64,
    adding: bool,
    heading: Vec<String>,
) -> Value {
    let na = crate::value::na_real();
    let aic: Vec<f64> = rss
        .iter()
        .zip(&dfs)
        .map(|(r, d)| {
            if o.scale > 0.0 {
                r / o.scale - n + o.k * d
            } else {
                n * (r / n).ln() + o.k * d
            }
        })
        .collect();
    let df: Vec<f64> = dfs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            if i == 0 {
                na
            } else if adding {
                d - dfs[0]
            } else {
                dfs[0] - d
            }
        })
        .collect();
    let ss: Vec<f64> = rss
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if i == 0 {
                na
            } else if adding {
                rss[0] - r
            } else {
                r - rss[0]
            }
        })
        .collect();
    let mut cols = vec![
        "Df",
        "Sum of Sq",
        "RSS",
        if o.scale > 0.0 { "Cp" } else { "AIC" },
    ];
    let mut data = [df.clone(), ss.clone(), rss.clone(), aic].concat();
    match o.test.as_str() {
        "Chisq" => {
            let dev: Vec<f64> = if o.scale == 0.0 {
                let d: Vec<f64> = rss.iter().map(|r| n * (r / n).ln()).collect();
                (0..d.len())
                    .map(|i| if adding { d[0] - d[i] } else { d[i] - d[0] })
                    .collect()
            } else {
                ss.iter().map(|v| v / o.scale).collect()
            };
            let p: Vec<f64> = (0..dev.len())
                .map(|i| {
                    if i == 0 || df[i].is_nan() {
                        na
                    } else {
                        crate::stats::glm::pchisq_upper(dev[i], df[i])
                    }
                })
                .collect();
            cols.push("Pr(>Chi)");
            data.extend(p);
        }
        "F" => {
            let rms0 = rss[0] / rdf;
            let (mut fs, mut ps) = (vec![na], vec![na]);
            for i in 1..rss.len() {
                let (f, d2) = if adding {
                    let rms = (rss[0] - ss[i]) / (rdf - df[i]);
                    ((ss[i] / df[i]) / rms, rdf - df[i])
                } else {
                    ((ss[i] / df[i]) / rms0, rdf)
                };
                if df[i] < 1e-4 {
                    fs.push(na);
                    ps.push(na);
                } else {
                    fs.push(f);
                    ps.push(pf(f, df[i], d2, false));
                }
            }
            cols.push("F value");
            cols.push("Pr(>F)");
            data.extend(fs);
            data.extend(ps);
        }
        _ => {}
    }
    anova_table(rows, cols, data, heading)
}

fn heading(it: &mut Interp, fit: &Value, what: &str, scale: f64) -> EvalResult<Vec<String>> {
    let f = formula_fn(it, Args::positional(vec![fit.clone()]))?;
    let text = match &f {
        Value::Lang(l) => crate::syntax::deparse::deparse_lines(&l.expr, 60).join("\n"),
        _ => String::new(),
    };
    let mut h = vec![what.to_string(), "\nModel:".into(), text];
    if scale > 0.0 {
        h.push(format!(
            "\nscale:  {} \n",
            crate::print::coefmat::format_one(scale, 7).trim()
        ));
    }
    Ok(h)
}

/// `drop1(object, scope, scale = 0, all.cols = TRUE, test, k = 2)` for `lm`.
/// `drop1`/`add1` on a glm: R's refitting in builtins/R/stats_models.R.
fn glm_method(it: &mut Interp, name: &str, a: Args) -> EvalResult {
    let base = it.base.clone();
    let f = it.get_function(s(name), &base)?;
    it.call_value(&f, a.items)
}

pub(crate) fn drop1(it: &mut Interp, a: Args) -> EvalResult {
    if a.items.first().map(|x| x.1.inherits("glm")).unwrap_or(false) {
        return glm_method(it, ".drop1_glm", a);
    }
    let m = a.matched(&["object", "scope", "scale", "all.cols", "test", "k", "..."])?;
    let fit = m.req("object")?.clone();
    check_lm(&fit, "drop1")?;
    let o = step_opts(&m)?;
    let tv = field(&fit, "terms").unwrap_or(Value::Null);
    let (labels, sets) = term_sets(&tv);
    let scope: Vec<String> = match m.get("scope") {
        Some(sc) => {
            let sl = scope_labels(it, &fit, sc)?;
            let sorted: Vec<String> = labels.iter().map(|l| sorted_label(l)).collect();
            for l in &sl {
                if !sorted.contains(&sorted_label(l)) {
                    return err("scope is not a subset of term labels");
                }
            }
            sl
        }
        // drop.scope: terms that are not contained in another term
        None => (0..labels.len())
            .filter(|&i| {
                !(0..labels.len()).any(|j| j != i && sets[i].iter().all(|v| sets[j].contains(v)))
            })
            .map(|i| labels[i].clone())
            .collect(),
    };
    let d = design_of(it, &fit)?;
    let rdf = field(&fit, "df.residual")
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let rank = field(&fit, "rank").and_then(|v| v.as_f64()).unwrap_or(0.0);
    let rss0 = subfit(&d, &(0..d.p).collect::<Vec<_>>()).1;
    let (mut dfs, mut rss) = (vec![rank], vec![rss0]);
    for sl in &scope {
        let ti = labels
            .iter()
            .position(|l| sorted_label(l) == sorted_label(sl))
            .map(|i| i + 1)
            .unwrap_or(0);
        let cols: Vec<usize> = (0..d.p).filter(|&j| d.assign[j] != ti).collect();
        let (r, s) = subfit(&d, &cols);
        dfs.push(r as f64);
        rss.push(s);
    }
    let mut rows = vec!["<none>".to_string()];
    rows.extend(scope);
    let h = heading(it, &fit, "Single term deletions", o.scale)?;
    Ok(table(rows, dfs, rss, d.n as f64, &o, rdf, false, h))
}

/// `add1(object, scope, scale = 0, test, x = NULL, k = 2)` for `lm`: the fit with all
/// scope terms gives the model matrix; each candidate adds its columns to the current ones.
pub(crate) fn add1(it: &mut Interp, a: Args) -> EvalResult {
    if a.items.first().map(|x| x.1.inherits("glm")).unwrap_or(false) {
        return glm_method(it, ".add1_glm", a);
    }
    let m = a.matched(&["object", "scope", "scale", "test", "x", "k", "..."])?;
    let fit = m.req("object")?.clone();
    check_lm(&fit, "add1")?;
    let o = step_opts(&m)?;
    let Some(scope) = m.get("scope").filter(|v| !v.is_null()).cloned() else {
        return err("no terms in scope");
    };
    let tv = field(&fit, "terms").unwrap_or(Value::Null);
    let (old_labels, _) = term_sets(&tv);
    let old_sorted: Vec<String> = old_labels.iter().map(|l| sorted_label(l)).collect();
    let new_labels = scope_labels(it, &fit, &scope)?;
    // add.scope: candidates not in the model and not containing another candidate
    let cand: Vec<String> = new_labels
        .iter()
        .filter(|l| !old_sorted.contains(&sorted_label(l)))
        .cloned()
        .collect();
    let sets: Vec<Vec<&str>> = cand.iter().map(|l| l.split(':').collect()).collect();
    let cand: Vec<String> = (0..cand.len())
        .filter(|&j| {
            !(0..cand.len()).any(|i| i != j && sets[i].iter().all(|v| sets[j].contains(v)))
        })
        .map(|j| cand[j].clone())
        .collect();
    if cand.is_empty() {
        return err("no terms in scope for adding to object");
    }
    // refit with every candidate added, to get the combined model matrix
    let base = formula_fn(it, Args::positional(vec![fit.clone()]))?;
    let add_rhs = crate::syntax::parse_expr(&format!("~ . + {}", cand.join(" + ")))
        .map_err(crate::error::Flow::from)?;
    let env = it.global.clone();
    let add_f = crate::eval::make_formula(&add_rhs, &env);
    let full_f = update_formula(it, &base, &add_f)?;
    let Some(Value::Lang(call)) = field(&fit, "call") else {
        return err("need an object with call component");
    };
    let ExprKind::Call(fun, cargs) = &call.expr.kind else {
        return err("invalid call");
    };
    let mut args = cargs.to_vec();
    let fexpr = match &full_f {
        Value::Lang(l) => (*l.expr).clone(),
        _ => return err("invalid formula"),
    };
    match args
        .iter_mut()
        .find(|a| a.name.map(|x| x.as_str() == "formula").unwrap_or(false))
    {
        Some(a) => a.value = Some(fexpr),
        None => args.insert(
            0,
            Arg {
                name: Some(s("formula")),
                value: Some(fexpr),
                span: Default::default(),
            },
        ),
    }
    let full = it.eval(
        &Expr::new(ExprKind::Call(fun.clone(), args.into()), Default::default()),
        &env,
    )?;
    let d = design_of(it, &full)?;
    let old_n = dbl_field(&fit, "residuals").len();
    if d.n < old_n {
        it.raise_warning(
            &format!(
                "using the {}/{} row{} from a combined fit",
                d.n,
                old_n,
                if d.n == 1 { "" } else { "s" }
            ),
            Some("add1.lm(...)".into()),
        )?;
    }
    let ftv = field(&full, "terms").unwrap_or(Value::Null);
    let (full_labels, _) = term_sets(&ftv);
    let full_sorted: Vec<String> = full_labels.iter().map(|l| sorted_label(l)).collect();
    let intercept = tv
        .get_attr("intercept")
        .and_then(|v| v.as_i32())
        .unwrap_or(1)
        == 1;
    let ousex: Vec<bool> = (0..d.p)
        .map(|j| {
            let a = d.assign[j];
            (a == 0 && intercept) || (a > 0 && old_sorted.contains(&full_sorted[a - 1]))
        })
        .collect();
    let old_cols: Vec<usize> = (0..d.p).filter(|&j| ousex[j]).collect();
    let (r0, s0) = subfit(&d, &old_cols);
    let (mut dfs, mut rss) = (vec![r0 as f64], vec![s0]);
    for c in &cand {
        let ti = full_sorted
            .iter()
            .position(|l| *l == sorted_label(c))
            .map(|i| i + 1)
            .unwrap_or(usize::MAX);
        let cols: Vec<usize> = (0..d.p)
            .filter(|&j| ousex[j] || d.assign[j] == ti)
            .collect();
        let (r, s) = subfit(&d, &cols);
        dfs.push(r as f64);
        rss.push(s);
    }
    let rdf = field(&fit, "df.residual")
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let mut rows = vec!["<none>".to_string()];
    rows.extend(cand);
    let h = heading(it, &fit, "Single term additions", o.scale)?;
    Ok(table(rows, dfs, rss, d.n as f64, &o, rdf, true, h))
}

/// `extractAIC(fit, scale = 0, k = 2)` for `lm`: `c(edf, AIC)`.
pub(crate) fn extract_aic(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["fit", "scale", "k", "..."])?;
    let fit = m.req("fit")?.clone();
    let k = m.get("k").and_then(|v| v.as_f64()).unwrap_or(2.0);
    if fit.inherits("glm") {
        // R's extractAIC.glm: the fit's AIC with penalty k per parameter
        let n = dbl_field(&fit, "residuals").len() as f64;
        let edf = n - field(&fit, "df.residual")
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        let aic = field(&fit, "aic").and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
        return Ok(Value::dbls(vec![edf, aic + (k - 2.0) * edf]));
    }
    check_lm(&fit, "extractAIC")?;
    let scale = m.get("scale").and_then(|v| v.as_f64()).unwrap_or(0.0);
    let n = dbl_field(&fit, "residuals").len() as f64;
    let edf = n - field(&fit, "df.residual")
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let rss = rss(&fit);
    let dev = if scale > 0.0 {
        rss / scale - n
    } else {
        n * (rss / n).ln()
    };
    Ok(Value::dbls(vec![edf, dev + k * edf]))
}
