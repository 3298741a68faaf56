//! Regression diagnostics for `lm` and `glm` fits, as R's `lm.influence`: `hatvalues`,
//! `rstandard`, `rstudent`, `cooks.distance`, `dfbeta`, `dfbetas`, `dffits`, `covratio`,
//! `lm.influence`/`influence` and `influence.measures` (with its printer).
//!
//! For a glm the "weighted residuals" are the deviance residuals and the hat matrix comes
//! from the QR of the final IRLS weighted design, exactly as R computes them.

use crate::builtins::stats::models::{matrix, na_pad, named_dbl, s};

use crate::print::model::call_lines;

use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::glm::Kind;
use crate::stats::qr::Qr;
use crate::value::fields::{dbl_field, field};
use crate::value::Value;

/// Diagnostic builtins.
pub const BUILTINS: &[Builtin] = &[
    eager("hatvalues", hatvalues),
    eager("rstandard", rstandard),
    eager("rstudent", rstudent),
    eager("cooks.distance", cooks_distance),
    eager("dfbeta", dfbeta),
    eager("dfbetas", dfbetas),
    eager("dffits", dffits),
    eager("covratio", covratio),
    eager("lm.influence", lm_influence),
    eager("influence", lm_influence),
    eager("influence.measures", influence_measures),
    declared("print.infl", print_infl),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("hatvalues", "hatvalues(model, ...)",
            "Returns the leverages of a fitted lm or glm model: the diagonal of the hat matrix, one value per \
             observation."),
        doc("rstandard", "rstandard(model, ...)",
            "Returns the standardised residuals of a fitted model: each residual divided by its estimated \
             standard deviation."),
        doc("rstudent", "rstudent(model, ...)",
            "Returns the studentised (leave-one-out) residuals of a fitted model, where each observation's \
             residual is scaled by the error estimated without it."),
        doc("cooks.distance", "cooks.distance(model, ...)",
            "Returns Cook's distance for each observation of a fitted model, which measures how much the fitted \
             values change when that observation is left out."),
        doc("covratio", "covratio(model, infl = lm.influence(model, do.coef = FALSE), res = weighted.residuals(model))",
            "Returns, for each observation, the ratio of the determinant of the coefficient covariance without it to that with it."),
        doc("dfbeta", "dfbeta(model, ...)",
            "Returns the change in each coefficient when each observation is left out, one row per observation."),
        doc("dfbetas", "dfbetas(model, ...)",
            "Returns the dfbeta changes scaled by the coefficient standard errors estimated without each observation."),
        doc("dffits", "dffits(model, infl = lm.influence(model, do.coef = FALSE), res = weighted.residuals(model))",
            "Returns the scaled change in each fitted value when its observation is left out."),
        doc("influence", "influence(model, do.coef = TRUE, ...)",
            "The same as lm.influence: hat values, leave-one-out coefficient changes and sigmas, and weighted residuals."),
        doc("influence.measures", "influence.measures(model, infl = influence(model))",
            "Tabulates dfbetas, dffit, cov.r, Cook's distance and hat values for every observation, flagging the influential ones."),
        doc("lm.influence", "lm.influence(model, do.coef = TRUE)",
            "Returns a list of the hat values, coefficient changes (when do.coef), leave-one-out sigmas and weighted residuals of a fitted lm or glm."),
        doc("print.infl", "print.infl(x, digits = max(3L, getOption(\"digits\") - 4L), ...)",
            "Prints the table of influence.measures, marking influential observations with a star."),
    ]
};

/// What the glm diagnostics need beyond `lm.influence`.
struct GlmPart {
    /// Pearson residuals.
    pear: Vec<f64>,
    /// `summary(model)$dispersion`.
    dispersion: f64,
    /// Binomial or Poisson (rstudent does not rescale by sigma).
    fixed: bool,
}

/// `lm.influence` for the rows used in the fit (before `na.exclude` padding).
struct Infl {
    names: Vec<String>,
    hat: Vec<f64>,
    /// Weighted residuals (`sqrt(w) * e` for lm, deviance residuals for glm).
    res: Vec<f64>,
    /// Leave-one-out residual standard deviations.
    sigma: Vec<f64>,
    rank: usize,
    df: f64,
    qr: Qr,
    glm: Option<GlmPart>,
}

fn fit_arg(it: &mut Interp, a: Args) -> EvalResult<(Value, Args)> {
    let Some((_, fit)) = a.items.first().cloned() else {
        return err("argument \"model\" is missing, with no default");
    };
    if !fit.inherits("lm") {
        return err(format!(
            "no applicable method for diagnostics applied to an object of class \"{}\"",
            fit.class_attr()
                .and_then(|c| c.first().cloned())
                .unwrap_or_else(|| "NULL".into())
        ));
    }
    if fit.inherits("mlm") {
        return err("diagnostics for \"mlm\" fits are not supported");
    }
    Ok((
        crate::builtins::stats::models::lm_blocked::expand_qr(it, &fit)?,
        a,
    ))
}

fn names_of(v: &Value) -> Vec<String> {
    v.names()
        .unwrap_or_default()
        .iter()
        .map(|s| s.as_deref().unwrap_or("NA").to_string())
        .collect()
}

/// The fit's compact QR.
fn fit_qr(fit: &Value) -> EvalResult<Qr> {
    let Some(q) = field(fit, "qr") else {
        return err("'model' has no 'qr' component");
    };
    let qm = field(&q, "qr").unwrap_or(Value::Null);
    let dims = qm.dim().unwrap_or_default();
    if dims.len() != 2 {
        return err("invalid model QR matrix");
    }
    let (n, p) = (dims[0], dims[1]);
    let rank = field(&q, "rank")
        .and_then(|r| r.as_i32())
        .unwrap_or(p as i32)
        .max(0) as usize;
    let qraux = dbl_field(&q, "qraux");
    let pivot: Vec<usize> = field(&q, "pivot")
        .map(|v| {
            v.int_vec()
                .iter()
                .map(|&k| (k.max(1) - 1) as usize)
                .collect()
        })
        .unwrap_or_else(|| (0..p).collect());
    if qraux.len() < p {
        return err("invalid model QR matrix");
    }
    Ok(Qr {
        qr: qm.dbl_vec().to_vec(),
        n,
        p,
        qraux,
        pivot,
        rank,
    })
}

fn glm_residuals(it: &mut Interp, fit: &Value, typ: &str) -> EvalResult<Vec<f64>> {
    let r = crate::builtins::stats::models::glm_methods::residuals_glm(
        it,
        Args::positional(vec![fit.clone(), Value::str(typ)]),
    )?;
    Ok(r.dbl_vec().to_vec())
}

fn influence(it: &mut Interp, fit: &Value) -> EvalResult<Infl> {
    let qr = fit_qr(fit)?;
    let (n, rank) = (qr.n, qr.rank);
    let rv = field(fit, "residuals").unwrap_or(Value::Null);
    let mut names = names_of(&rv);
    // weighted.residuals(drop0 = TRUE): zero-weight cases are not part of the fit
    let keep: Option<Vec<bool>> = if fit.inherits("glm") {
        field(fit, "prior.weights")
    } else {
        field(fit, "weights")
    }
    .map(|w| w.dbl_vec().iter().map(|&v| v != 0.0).collect());
    let drop0 = |v: Vec<f64>| -> Vec<f64> {
        match &keep {
            Some(k) if k.len() == v.len() => v
                .into_iter()
                .zip(k)
                .filter(|(_, k)| **k)
                .map(|(x, _)| x)
                .collect(),
            _ => v,
        }
    };
    if let Some(k) = &keep {
        if k.len() == names.len() {
            names = names
                .into_iter()
                .zip(k)
                .filter(|(_, k)| **k)
                .map(|(x, _)| x)
                .collect();
        }
    }
    let is_glm = fit.inherits("glm");
    let (mut res, glm) = if is_glm {
        let fam = crate::builtins::stats::models::glm_family::family_of(fit)?;
        let dev = drop0(glm_residuals(it, fit, "deviance")?);
        let pear = drop0(glm_residuals(it, fit, "pearson")?);
        let rdf = field(fit, "df.residual")
            .and_then(|d| d.as_f64())
            .unwrap_or(0.0);
        let dispersion = if fam.fixed_dispersion() {
            1.0
        } else if rdf > 0.0 {
            crate::builtins::stats::models::glm_methods::pearson_sum(fit) / rdf
        } else {
            f64::NAN
        };
        let fixed = matches!(fam.kind, Kind::Binomial | Kind::Poisson);
        (
            dev,
            Some(GlmPart {
                pear,
                dispersion,
                fixed,
            }),
        )
    } else {
        let mut r = rv.dbl_vec().to_vec();
        if let Some(w) = field(fit, "weights") {
            for (r, w) in r.iter_mut().zip(w.dbl_vec().iter()) {
                *r *= w.sqrt();
            }
        }
        (drop0(r), None)
    };
    if res.len() != n {
        return err("non-NA residual length does not match cases used in fitting");
    }
    let df = field(fit, "df.residual")
        .and_then(|d| d.as_f64())
        .unwrap_or((n - rank) as f64);
    // negligible residuals count as exact zeros (as lm.influence does)
    let mut abs: Vec<f64> = res.iter().map(|v| v.abs()).collect();
    abs.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let med = if n == 0 {
        0.0
    } else if n % 2 == 1 {
        abs[n / 2]
    } else {
        (abs[n / 2 - 1] + abs[n / 2]) / 2.0
    };
    for r in res.iter_mut() {
        if r.abs() < 100.0 * f64::EPSILON * med {
            *r = 0.0;
        }
    }
    let mut hat = vec![0.0; n];
    for j in 0..rank.min(n) {
        let mut e = vec![0.0; n];
        e[j] = 1.0;
        qr.qy_k(&mut e, rank);
        for i in 0..n {
            hat[i] += e[i] * e[i];
        }
    }
    for h in hat.iter_mut() {
        if *h >= 1.0 - 10.0 * f64::EPSILON {
            *h = 1.0;
        }
    }
    let ss: f64 = res.iter().map(|r| r * r).sum();
    let denom = n as f64 - rank as f64 - 1.0;
    let sigma = res
        .iter()
        .zip(&hat)
        .map(|(r, h)| {
            if *h < 1.0 {
                ((ss - r * r / (1.0 - h)) / denom).sqrt()
            } else {
                (ss / denom).sqrt()
            }
        })
        .collect();
    Ok(Infl {
        names,
        hat,
        res,
        sigma,
        rank,
        df,
        qr,
        glm,
    })
}

fn nan_inf(v: f64) -> f64 {
    if v.is_infinite() {
        f64::NAN
    } else {
        v
    }
}

/// A per-observation result, padded back to all rows for `na.exclude` fits (`fill` for
/// the dropped rows: `NA`, or 0 for hat values).
fn out(fit: &Value, f: &Infl, v: Vec<f64>, fill: Option<f64>) -> Value {
    match na_pad(fit, &v, 1, &f.names) {
        Some((mut vals, rows)) => {
            if let Some(x) = fill {
                let om: Vec<usize> = field(fit, "na.action")
                    .map(|na| na.int_vec().iter().map(|&k| k as usize - 1).collect())
                    .unwrap_or_default();
                for i in om {
                    if i < vals.len() {
                        vals[i] = x;
                    }
                }
            }
            named_dbl(vals, &rows)
        }
        None => named_dbl(v, &f.names),
    }
}

/// `sqrt(deviance / df.residual)` from the weighted residuals.
fn sd(f: &Infl) -> f64 {
    (f.res.iter().map(|r| r * r).sum::<f64>() / f.df).sqrt()
}

fn hatvalues(it: &mut Interp, a: Args) -> EvalResult {
    let (fit, _) = fit_arg(it, a)?;
    let f = influence(it, &fit)?;
    Ok(out(&fit, &f, f.hat.clone(), Some(0.0)))
}

fn rstandard(it: &mut Interp, a: Args) -> EvalResult {
    let (fit, a) = fit_arg(it, a)?;
    let m = a.matched(&["model", "infl", "sd", "type", "..."])?;
    let typ = m.get("type").and_then(|v| v.as_string());
    let f = influence(it, &fit)?;
    let v: Vec<f64> = match &f.glm {
        Some(g) => {
            let typ = typ.unwrap_or_else(|| "deviance".into());
            let r = if "pearson".starts_with(typ.as_str()) && !typ.is_empty() {
                &g.pear
            } else {
                &f.res
            };
            r.iter()
                .zip(&f.hat)
                .map(|(r, h)| nan_inf(r / (g.dispersion * (1.0 - h)).sqrt()))
                .collect()
        }
        None => {
            let sdv = m
                .get("sd")
                .and_then(|v| v.as_f64())
                .unwrap_or_else(|| sd(&f));
            if typ
                .as_deref()
                .map(|t| !t.is_empty() && "predictive".starts_with(t))
                .unwrap_or(false)
            {
                f.res
                    .iter()
                    .zip(&f.hat)
                    .map(|(r, h)| nan_inf(r / (1.0 - h)))
                    .collect()
            } else {
                f.res
                    .iter()
                    .zip(&f.hat)
                    .map(|(r, h)| nan_inf(r / (sdv * (1.0 - h).sqrt())))
                    .collect()
            }
        }
    };
    Ok(out(&fit, &f, v, None))
}

fn rstudent(it: &mut Interp, a: Args) -> EvalResult {
    let (fit, _) = fit_arg(it, a)?;
    let f = influence(it, &fit)?;
    let v: Vec<f64> = match &f.glm {
        Some(g) => (0..f.res.len())
            .map(|i| {
                let (r, h, p) = (f.res[i], f.hat[i], g.pear[i]);
                let v = r.signum() * (r * r + h * p * p / (1.0 - h)).sqrt();
                let v = if r == 0.0 { 0.0 * v } else { v };
                nan_inf(if g.fixed { v } else { v / f.sigma[i] })
            })
            .collect(),
        None => (0..f.res.len())
            .map(|i| nan_inf(f.res[i] / (f.sigma[i] * (1.0 - f.hat[i]).sqrt())))
            .collect(),
    };
    Ok(out(&fit, &f, v, None))
}

/// Cook's distances of the kept rows.
fn cooks(f: &Infl) -> Vec<f64> {
    let p = f.rank as f64;
    match &f.glm {
        Some(g) => g
            .pear
            .iter()
            .zip(&f.hat)
            .map(|(r, h)| nan_inf((r / (1.0 - h)).powi(2) * h / (g.dispersion * p)))
            .collect(),
        None => {
            let sdv = sd(f);
            f.res
                .iter()
                .zip(&f.hat)
                .map(|(r, h)| nan_inf((r / (sdv * (1.0 - h))).powi(2) * h / p))
                .collect()
        }
    }
}

fn cooks_distance(it: &mut Interp, a: Args) -> EvalResult {
    let (fit, _) = fit_arg(it, a)?;
    let f = influence(it, &fit)?;
    let v = cooks(&f);
    Ok(out(&fit, &f, v, None))
}

/// The change in each coefficient when observation i is dropped: `n x rank`, column-major,
/// with the non-aliased coefficient names.
fn coef_changes(fit: &Value, f: &Infl) -> (Vec<f64>, Vec<String>) {
    let (n, k) = (f.qr.n, f.rank);
    // rows of Q's first k columns
    let mut q = vec![0.0; n * k];
    for j in 0..k {
        let mut e = vec![0.0; n];
        e[j] = 1.0;
        f.qr.qy_k(&mut e, k);
        q[j * n..(j + 1) * n].copy_from_slice(&e);
    }
    let mut out = vec![0.0; n * k];
    for i in 0..n {
        let qi: Vec<f64> = (0..k).map(|j| q[j * n + i]).collect();
        let mut b = qi;
        for j in (0..k).rev() {
            b[j] /= f.qr.at(j, j);
            let bj = b[j];
            for (m, bm) in b.iter_mut().enumerate().take(j) {
                *bm -= bj * f.qr.at(m, j);
            }
        }
        let scale = if f.hat[i] == 1.0 {
            0.0
        } else {
            f.res[i] / (1.0 - f.hat[i])
        };
        for j in 0..k {
            out[j * n + i] = b[j] * scale;
        }
    }
    let coef = field(fit, "coefficients").unwrap_or(Value::Null);
    let cn: Vec<String> = names_of(&coef)
        .into_iter()
        .zip(coef.dbl_vec().iter())
        .filter(|(_, v)| !v.is_nan())
        .map(|(n, _)| n)
        .collect();
    (out, cn)
}

/// `sqrt(diag(chol2inv(R)))` for the non-aliased coefficients.
fn xxi_sd(f: &Infl) -> Vec<f64> {
    let k = f.rank;
    let cov = f.qr.unscaled_cov();
    (0..k).map(|j| cov[j * k + j].sqrt()).collect()
}

fn dfbeta(it: &mut Interp, a: Args) -> EvalResult {
    let (fit, _) = fit_arg(it, a)?;
    let f = influence(it, &fit)?;
    let (d, cn) = coef_changes(&fit, &f);
    Ok(matrix(d, f.qr.n, f.rank, Some(&f.names), Some(&cn)))
}

fn dfbetas_of(fit: &Value, f: &Infl) -> (Vec<f64>, Vec<String>) {
    let (mut d, cn) = coef_changes(fit, f);
    let sd = xxi_sd(f);
    let n = f.qr.n;
    for j in 0..f.rank {
        for i in 0..n {
            d[j * n + i] /= f.sigma[i] * sd[j];
        }
    }
    (d, cn)
}

fn dfbetas(it: &mut Interp, a: Args) -> EvalResult {
    let (fit, _) = fit_arg(it, a)?;
    let f = influence(it, &fit)?;
    let (d, cn) = dfbetas_of(&fit, &f);
    Ok(matrix(d, f.qr.n, f.rank, Some(&f.names), Some(&cn)))
}

fn dffits_of(f: &Infl) -> Vec<f64> {
    (0..f.res.len())
        .map(|i| nan_inf(f.res[i] * f.hat[i].sqrt() / (f.sigma[i] * (1.0 - f.hat[i]))))
        .collect()
}

fn dffits(it: &mut Interp, a: Args) -> EvalResult {
    let (fit, _) = fit_arg(it, a)?;
    let f = influence(it, &fit)?;
    let v = dffits_of(&f);
    Ok(out(&fit, &f, v, None))
}

fn covratio(it: &mut Interp, a: Args) -> EvalResult {
    let (fit, _) = fit_arg(it, a)?;
    let f = influence(it, &fit)?;
    let (n, p) = (f.qr.n as f64, f.rank as f64);
    let v = (0..f.res.len())
        .map(|i| {
            let omh = 1.0 - f.hat[i];
            let es = nan_inf(f.res[i] / (f.sigma[i] * omh.sqrt()));
            1.0 / (omh * ((n - p - 1.0 + es * es) / (n - p)).powf(p))
        })
        .collect();
    Ok(out(&fit, &f, v, None))
}

/// `lm.influence(model, do.coef = TRUE)` (and `influence` for lm and glm fits).
fn lm_influence(it: &mut Interp, a: Args) -> EvalResult {
    let (fit, a) = fit_arg(it, a)?;
    let m = a.matched(&["model", "do.coef", "..."])?;
    let do_coef = m
        .get("do.coef")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let f = influence(it, &fit)?;
    let mut items = vec![("hat".to_string(), out(&fit, &f, f.hat.clone(), Some(0.0)))];
    if do_coef {
        let (d, cn) = coef_changes(&fit, &f);
        items.push((
            "coefficients".into(),
            matrix(d, f.qr.n, f.rank, Some(&f.names), Some(&cn)),
        ));
    }
    let s0 = sd(&f);
    items.push(("sigma".into(), out(&fit, &f, f.sigma.clone(), Some(s0))));
    let key = if f.glm.is_some() { "dev.res" } else { "wt.res" };
    items.push((key.into(), out(&fit, &f, f.res.clone(), None)));
    if let Some(g) = &f.glm {
        items.push(("pear.res".into(), out(&fit, &f, g.pear.clone(), None)));
    }
    Ok(Value::named_list(items))
}

/// R's `abbreviate(x, 4)` for one name: drop lower-case vowels from the right, then
/// lower-case letters, then anything but the first character, until `minlen` remain.
pub fn abbreviate(x: &str, minlen: usize) -> String {
    let mut b: Vec<char> = x.trim().chars().collect();
    if b.len() <= minlen {
        return b.into_iter().collect();
    }
    let lowvow = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    type Pass<'a> = &'a dyn Fn(&[char], usize) -> bool;
    let passes: [Pass; 5] = [
        &|b, i| {
            lowvow(b[i])
                && !b[i - 1].is_whitespace()
                && (i + 1 == b.len() || b[i + 1].is_whitespace())
        },
        &|b, i| lowvow(b[i]) && !b[i - 1].is_whitespace(),
        &|b, i| {
            b[i].is_lowercase()
                && !b[i - 1].is_whitespace()
                && (i + 1 == b.len() || b[i + 1].is_whitespace())
        },
        &|b, i| b[i].is_lowercase() && !b[i - 1].is_whitespace(),
        &|b, i| !b[i - 1].is_whitespace() && !b[i].is_whitespace(),
    ];
    'outer: for pass in passes {
        let mut i = b.len() - 1;
        while i > 0 {
            if i < b.len() && pass(&b, i) {
                b.remove(i);
            }
            if b.len() <= minlen {
                break 'outer;
            }
            i -= 1;
        }
    }
    b.into_iter().filter(|c| !c.is_whitespace()).collect()
}

/// `make.names` for one name: invalid characters become `.`, an invalid start gets `X`.
fn make_name(x: &str) -> String {
    let mut s: String = x
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '.' || c == '_' {
                c
            } else {
                '.'
            }
        })
        .collect();
    let first = s.chars().next();
    let bad = match first {
        None => true,
        Some(c) if c.is_ascii_digit() || c == '_' => true,
        Some('.') => s
            .chars()
            .nth(1)
            .map(|c| c.is_ascii_digit())
            .unwrap_or(false),
        _ => false,
    };
    if bad {
        s.insert(0, 'X');
    }
    s
}

/// `pf(q, df1, df2)`, lower tail.
fn pf(q: f64, d1: f64, d2: f64) -> f64 {
    crate::stats::dist::beta::pf(q, d1, d2, true, false)
}

/// `influence.measures(model)`: dfbetas, dffit, cov.r, cook.d and hat, with R's flags of
/// influential cases.
fn influence_measures(it: &mut Interp, a: Args) -> EvalResult {
    let (fit, _) = fit_arg(it, a)?;
    let f = influence(it, &fit)?;
    let n = f.qr.n;
    let k = f.rank;
    let (dfb, cn) = dfbetas_of(&fit, &f);
    let s0 = (f
        .res
        .iter()
        .filter(|v| !v.is_nan())
        .map(|r| r * r)
        .sum::<f64>()
        / f.df)
        .sqrt();
    let dff = dffits_of(&f);
    let covr: Vec<f64> = (0..n)
        .map(|i| (f.sigma[i] / s0).powf(2.0 * k as f64) / (1.0 - f.hat[i]))
        .collect();
    let cook: Vec<f64> = match &f.glm {
        Some(g) => g
            .pear
            .iter()
            .zip(&f.hat)
            .map(|(r, h)| (r / (1.0 - h)).powi(2) * h / (g.dispersion * k as f64))
            .collect(),
        None => f
            .res
            .iter()
            .zip(&f.hat)
            .map(|(e, h)| (e / (s0 * (1.0 - h))).powi(2) * h / k as f64)
            .collect(),
    };
    let mut cols: Vec<String> = cn
        .iter()
        .map(|c| {
            if c == "(Intercept)" {
                "1_".to_string()
            } else {
                c.clone()
            }
        })
        .map(|c| format!("dfb.{}", abbreviate(&c, 4)))
        .collect();
    cols.extend(["dffit", "cov.r", "cook.d", "hat"].map(String::from));
    let mut data = dfb;
    for v in [&dff, &covr, &cook, &f.hat] {
        data.extend(v.iter());
    }
    let data: Vec<f64> = data.into_iter().map(nan_inf).collect();
    let nc = k + 4;
    // is.influential
    let nh = f.hat.iter().filter(|&&h| h > 0.0).count() as f64;
    let kf = k as f64;
    let mut inf = vec![0i32; n * nc];
    for i in 0..n {
        let at = |j: usize| data[j * n + i];
        for j in 0..k {
            inf[j * n + i] = (at(j).abs() > 1.0) as i32;
        }
        let flags = [
            at(k).abs() > 3.0 * (kf / (nh - kf)).sqrt(),
            (1.0 - at(k + 1)).abs() > 3.0 * kf / (nh - kf),
            pf(at(k + 2), kf, nh - kf) > 0.5,
            at(k + 3) > 3.0 * kf / nh,
        ];
        for (d, fl) in flags.iter().enumerate() {
            let v = at(k + d);
            inf[(k + d) * n + i] = if v.is_nan() {
                crate::value::NA_INT
            } else {
                *fl as i32
            };
        }
    }
    let mut infv = Value::lgls(inf);
    infv.set_attr(s("dim"), Value::ints(vec![n as i32, nc as i32]));
    infv.set_attr(
        s("dimnames"),
        Value::list(vec![Value::strings(&f.names), Value::strings(&cols)]),
    );
    let mut out = Value::named_list(vec![
        (
            "infmat".into(),
            matrix(data, n, nc, Some(&f.names), Some(&cols)),
        ),
        ("is.inf".into(), infv),
        ("call".into(), field(&fit, "call").unwrap_or(Value::Null)),
    ]);
    out.set_attr(s("class"), Value::str("infl"));
    Ok(out)
}

/// `print.infl`: the call, then the measures as a data frame printed to
/// `max(3, digits - 4)` significant digits with a `*` on influential rows.
fn print_infl(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let digits = m
        .get("digits")
        .and_then(|v| v.as_f64())
        .map(|d| d as usize)
        .unwrap_or_else(|| (crate::print::option_digits(it) as i32 - 4).max(3) as usize);
    let infmat = field(&x, "infmat").unwrap_or(Value::Null);
    let isinf = field(&x, "is.inf").unwrap_or(Value::Null);
    let dims = infmat.dim().unwrap_or_default();
    let (n, nc) = (
        dims.first().cloned().unwrap_or(0),
        dims.get(1).cloned().unwrap_or(0),
    );
    let dn = infmat
        .get_attr("dimnames")
        .map(|d| d.list_vec().to_vec())
        .unwrap_or_default();
    let rows = dn
        .first()
        .and_then(|v| v.as_strings())
        .unwrap_or_else(|| (1..=n).map(|i| i.to_string()).collect());
    let cols = dn.get(1).and_then(|v| v.as_strings()).unwrap_or_default();
    let vals = infmat.dbl_vec();
    let flags = isinf.int_vec();
    let mut cv: Vec<Value> = (0..nc)
        .map(|j| Value::dbls(vals[j * n..(j + 1) * n].to_vec()))
        .collect();
    let star: Vec<String> = (0..n)
        .map(|i| {
            if (0..nc).any(|j| flags.get(j * n + i) == Some(&1)) {
                "*".into()
            } else {
                " ".into()
            }
        })
        .collect();
    cv.push(Value::strings(&star));
    let mut names: Vec<String> = cols.iter().map(|c| make_name(c)).collect();
    names.push("inf".into());
    let df = crate::value::frame::make_df(cv, names, Value::strings(&rows));
    let call = match field(&x, "call") {
        Some(c) => call_lines(&Value::named_list(vec![("call".into(), c)]))
            .split('\n')
            .map(|l| l.trim())
            .collect::<Vec<_>>()
            .join(" "),
        None => String::new(),
    };
    let mut text = format!("Influence measures of\n\t {} :\n\n", call);
    text.push_str(&crate::builtins::base::frames::format_data_frame(
        it,
        &df,
        Some(digits),
    )?);
    it.write_out(&text);
    it.visible = false;
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::abbreviate;

    #[test]
    fn abbreviate_matches_r() {
        // R: abbreviate(c("(Intercept)", "wt", "factor(cyl)6", "speed", "Petal.Width", "log(dist)", "I(x^2)", "hp:wt"))
        let got: Vec<String> = [
            "(Intercept)",
            "wt",
            "factor(cyl)6",
            "speed",
            "Petal.Width",
            "Sepal.Length",
            "log(dist)",
            "I(x^2)",
            "hp:wt",
        ]
        .iter()
        .map(|x| abbreviate(x, 4))
        .collect();
        assert_eq!(
            got,
            ["(In)", "wt", "f()6", "sped", "Pt.W", "Sp.L", "lg()", "I(^2", "hp:w"]
        );
    }
}
