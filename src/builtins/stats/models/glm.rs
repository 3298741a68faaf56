//! Generalized linear models: `glm`, the family constructors, `glm.control` and the glm
//! methods (`summary.glm`, `predict`, `residuals`, `anova`, `vcov`, `logLik`, ...).

use crate::builtins::stats::models::{
    anova_table, data_env, has_intercept, matched_call_expr, matrix, model_frame, named_dbl,
    response_label, s, strings_of, terms_value, var_cols,
};

use crate::builtins::{eager, special, Args, Builtin};
use crate::error::{err, EvalResult, Flow, RError};
use crate::eval::Interp;
use crate::stats::dist::beta::{pf, pt};
use crate::stats::dist::normal::{pnorm, qnorm};
use crate::stats::glm::{glm_fit, pchisq_upper, Control, Family, GlmInput, Kind};
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::syntax::deparse::deparse;
use crate::value::fields::{dbl_field, field};
use crate::value::{Data, Env, Lang, Value};
use std::rc::Rc;

/// The glm builtins.
pub const BUILTINS: &[Builtin] = &[
    special("glm", glm),
    eager("binomial", binomial),
    eager("quasibinomial", quasibinomial),
    eager("poisson", poisson),
    eager("quasipoisson", quasipoisson),
    eager("gaussian", gaussian),
    eager("Gamma", gamma),
    eager("inverse.gaussian", inverse_gaussian),
    eager("glm.control", glm_control),
    eager("family", family_fn),
    eager("summary.glm", summary_glm),
    eager("confint.default", confint_default),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("glm",
            "glm(formula, family = gaussian, data, weights, subset, na.action, start = NULL, mustart, control = \
             list(...), contrasts = NULL, ...)",
            "Fits a generalised linear model by iteratively reweighted least squares. family gives the error \
             distribution and link, such as binomial for logistic regression or poisson for counts. Returns a \
             \"glm\" object for summary, anova, predict and the other model functions."),
        doc("binomial", "binomial(link = \"logit\")",
            "The binomial family for glm, for 0/1 responses, proportions with weights, or a two-column matrix of \
             successes and failures. link may be \"logit\", \"probit\", \"cloglog\", \"cauchit\" or \"log\"."),
        doc("quasibinomial", "quasibinomial(link = \"logit\")",
            "Like binomial, but the dispersion is estimated from the data instead of being fixed at 1, allowing \
             for overdispersion."),
        doc("poisson", "poisson(link = \"log\")",
            "The Poisson family for glm, for count responses. link may be \"log\", \"identity\" or \"sqrt\"."),
        doc("quasipoisson", "quasipoisson(link = \"log\")",
            "Like poisson, but the dispersion is estimated from the data instead of being fixed at 1."),
        doc("gaussian", "gaussian(link = \"identity\")",
            "The normal family for glm; with the identity link the fit is the same as lm."),
        doc("Gamma", "Gamma(link = \"inverse\")",
            "The gamma family for glm, for positive continuous responses with constant coefficient of variation. \
             link may be \"inverse\", \"identity\" or \"log\"."),
        doc("inverse.gaussian", "inverse.gaussian(link = \"1/mu^2\")",
            "The inverse Gaussian family for glm, for positive skewed responses."),
        doc("glm.control", "glm.control(epsilon = 1e-08, maxit = 25, trace = FALSE)",
            "Returns the list of settings for the glm fitting loop: convergence tolerance epsilon on the relative \
             change in deviance and the maximum number of iterations."),
        doc("family", "family(object, ...)", "Returns the family object (distribution and link) of a fitted glm."),
        doc("summary.glm", "summary.glm(object, dispersion = NULL, correlation = FALSE, symbolic.cor = FALSE, ...)",
            "Summarises a glm fit: coefficient estimates with standard errors, z or t values and p-values, the \
             dispersion, null and residual deviance and AIC. This is what summary does for glm objects."),
        doc("confint.default", "confint.default(object, parm, level = 0.95, ...)",
            "Wald confidence intervals for the coefficients of a fitted model: estimate plus or minus a normal \
             quantile times the standard error."),
    ]
};

fn rerr(m: String) -> Flow {
    RError::runtime(m).into()
}

pub(crate) fn family_value(f: &Family) -> Value {
    let mut v = Value::named_list(vec![
        ("family".into(), Value::str(f.name())),
        ("link".into(), Value::str(f.link.name())),
    ]);
    v.set_attr(s("class"), Value::str("family"));
    v
}

fn make_family(name: &str, a: Args) -> EvalResult {
    let m = a.matched(&["link", "..."])?;
    let link = match m.get(0) {
        Some(v) => Some(
            v.as_string()
                .ok_or_else(|| rerr(format!("invalid link for the {} family", name)))?,
        ),
        None => None,
    };
    let f = Family::new(name, link.as_deref()).map_err(rerr)?;
    Ok(family_value(&f))
}

fn binomial(_it: &mut Interp, a: Args) -> EvalResult {
    make_family("binomial", a)
}
fn quasibinomial(_it: &mut Interp, a: Args) -> EvalResult {
    make_family("quasibinomial", a)
}
fn poisson(_it: &mut Interp, a: Args) -> EvalResult {
    make_family("poisson", a)
}
fn quasipoisson(_it: &mut Interp, a: Args) -> EvalResult {
    make_family("quasipoisson", a)
}
fn gaussian(_it: &mut Interp, a: Args) -> EvalResult {
    make_family("gaussian", a)
}
fn gamma(_it: &mut Interp, a: Args) -> EvalResult {
    make_family("Gamma", a)
}
fn inverse_gaussian(_it: &mut Interp, a: Args) -> EvalResult {
    make_family("inverse.gaussian", a)
}

/// The [`Family`] of a family object (or a fit's `family` component).
pub fn family_of(v: &Value) -> EvalResult<Family> {
    let f = if v.inherits("family") {
        v.clone()
    } else {
        field(v, "family").unwrap_or(Value::Null)
    };
    let name = field(&f, "family")
        .and_then(|x| x.as_string())
        .ok_or_else(|| rerr("invalid family".into()))?;
    let link = field(&f, "link").and_then(|x| x.as_string());
    Family::new(&name, link.as_deref()).map_err(rerr)
}

fn family_fn(_it: &mut Interp, a: Args) -> EvalResult {
    let x = a
        .items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null);
    Ok(field(&x, "family").unwrap_or(Value::Null))
}

pub(crate) fn control_value(eps: f64, maxit: usize, trace: bool) -> Value {
    Value::named_list(vec![
        ("epsilon".into(), Value::num(eps)),
        ("maxit".into(), Value::num(maxit as f64)),
        ("trace".into(), Value::lgls(vec![trace as i32])),
    ])
}

fn glm_control(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["epsilon", "maxit", "trace"])?;
    let eps = m.get(0).and_then(|v| v.as_f64()).unwrap_or(1e-8);
    let maxit = m.get(1).and_then(|v| v.as_f64()).unwrap_or(25.0);
    if eps.is_nan() || eps <= 0.0 {
        return err("value of 'epsilon' must be > 0");
    }
    if maxit.is_nan() || maxit <= 0.0 {
        return err("maximum number of iterations must be > 0");
    }
    let trace = m
        .get(2)
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    Ok(control_value(eps, maxit as usize, trace))
}

const GLM_FORMALS: &[&str] = &[
    "formula",
    "family",
    "data",
    "weights",
    "subset",
    "na.action",
    "start",
    "etastart",
    "mustart",
    "offset",
    "control",
    "model",
    "method",
    "x",
    "y",
    "singular.ok",
    "contrasts",
    "...",
];

fn eval_family(it: &mut Interp, e: Option<&Expr>, env: &Env) -> EvalResult<Family> {
    let Some(e) = e else {
        return Family::new("gaussian", None).map_err(rerr);
    };
    let mut v = it.eval(e, env)?;
    if let Some(name) = v.as_string().filter(|_| !v.inherits("family")) {
        v = it.get_function(s(&name), env).map_err(|_| {
            rerr(format!(
                "object '{}' of mode 'function' was not found",
                name
            ))
        })?;
    }
    if matches!(v, Value::Builtin(_) | Value::Closure(_)) {
        v = it.call_value(&v, vec![])?;
    }
    if !v.inherits("family") {
        return err("'family' not recognized");
    }
    family_of(&v)
}

fn glm(it: &mut Interp, _args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    let mcall = matched_call_expr(call, GLM_FORMALS);
    let ExprKind::Call(_, margs) = &mcall.kind else {
        return err("invalid call");
    };
    let get = |n: &str| {
        margs
            .iter()
            .find(|a| a.name.map(|x| x.as_str() == n).unwrap_or(false))
            .and_then(|a| a.value.clone())
    };
    let Some(fe) = get("formula") else {
        return err("argument \"formula\" is missing, with no default");
    };
    let formula = it.eval(&fe, env)?;
    let fam = eval_family(it, get("family").as_ref(), env)?;
    let data = match get("data") {
        Some(d) => Some(it.eval(&d, env)?),
        None => None,
    };
    let na_action = match get("na.action") {
        Some(e) => match &e.kind {
            ExprKind::Ident(x) => x.as_str().to_string(),
            _ => it
                .eval(&e, env)?
                .as_string()
                .unwrap_or_else(|| "na.omit".into()),
        },
        None => it
            .options
            .iter()
            .find(|(k, _)| k == "na.action")
            .and_then(|(_, v)| v.as_string())
            .unwrap_or_else(|| "na.omit".into()),
    };
    let eval_opt = |n: &str, it: &mut Interp| -> EvalResult<Option<Value>> {
        match get(n) {
            Some(e) => Ok(Some(it.eval(&e, env)?)),
            None => Ok(None),
        }
    };
    let contrasts = eval_opt("contrasts", it)?;
    let control = eval_opt("control", it)?;
    let start = eval_opt("start", it)?;
    let mustart_v = eval_opt("mustart", it)?;
    let ctl = Control {
        epsilon: control
            .as_ref()
            .and_then(|c| field(c, "epsilon"))
            .and_then(|v| v.as_f64())
            .unwrap_or(1e-8),
        maxit: control
            .as_ref()
            .and_then(|c| field(c, "maxit"))
            .and_then(|v| v.as_f64())
            .unwrap_or(25.0) as usize,
    };
    let subset = get("subset");
    let weights = get("weights");
    if let Some(d) = data
        .as_ref()
        .filter(|d| crate::builtins::stats::models::lm_streamed::is_lazy(d))
    {
        if mustart_v.is_some() {
            return err("'mustart' cannot be given for a streamed fit: give 'start' instead");
        }
        let src = crate::builtins::stats::models::lm_streamed::StreamSource::new(
            it,
            &formula,
            d,
            subset,
            weights,
            get("offset"),
            &na_action,
            contrasts,
            env,
        );
        let start = start.map(|v| v.dbl_vec().to_vec());
        return crate::builtins::stats::models::glm_streamed::glm_stream(
            it,
            src,
            fam,
            &ctl,
            start,
            mcall.clone(),
            formula.clone(),
        );
    }
    let fr = model_frame(
        it,
        &formula,
        data.as_ref(),
        subset.as_ref().map(|e| (e, env)),
        weights.as_ref().map(|e| (e, env)),
        &na_action,
    )?;
    if !fr.terms.response {
        return err("formula needs a response");
    }
    let n = fr.rows.len();
    // offset: formula offset() terms plus the `offset` argument
    let mut offset = vec![0.0; n];
    let mut has_offset = false;
    for &o in &fr.terms.offsets {
        has_offset = true;
        for (i, v) in fr.cols[o].dbl_vec().iter().enumerate() {
            offset[i] += v;
        }
    }
    let mut offset_arg: Option<Vec<f64>> = None;
    if let Some(oe) = get("offset") {
        let denv = data_env(data.as_ref(), &fr.env);
        let ov = it.eval(&oe, &denv)?.dbl_vec().to_vec();
        let ov: Vec<f64> = if ov.len() == n {
            ov
        } else {
            match &fr.kept {
                Some(kept) => kept
                    .iter()
                    .map(|&k| ov.get(k).cloned().unwrap_or(f64::NAN))
                    .collect(),
                None => ov,
            }
        };
        if ov.len() != n {
            return err(format!(
                "number of offsets is {}, should equal {} (number of observations)",
                ov.len(),
                n
            ));
        }
        for (o, v) in offset.iter_mut().zip(&ov) {
            *o += v;
        }
        has_offset = true;
        offset_arg = Some(ov);
    }
    let GlmResponse {
        y,
        prior,
        ntrials,
        warning,
    } = glm_response(&fr, &fam)?;
    if let Some(w) = warning {
        it.raise_warning(w, Some("eval(family$initialize)".into()))?;
    }
    let (vc, facs) = var_cols(it, &fr.terms, &fr.cols, contrasts.as_ref(), None)?;
    // the design as a plan over the frame's columns: filled block by block, never copied
    let mm = crate::stats::design_plan::DesignPlan::new(&fr.terms, &vc, n);
    let p = mm.colnames.len();
    let start_v = start.map(|v| v.dbl_vec().to_vec());
    let mustart = mustart_v.map(|v| v.dbl_vec().to_vec());
    let intercept = fr.terms.intercept;
    let inp = GlmInput {
        x: &mm,
        n,
        p,
        y: &y,
        weights: &prior,
        offset: &offset,
        ntrials: &ntrials,
        start: start_v.as_deref(),
        mustart: mustart.as_deref(),
        intercept,
        tsqr_min: crate::builtins::stats::models::lm_blocked::tsqr_min(it),
    };
    let mut fit = glm_fit(&inp, &fam, &ctl).map_err(rerr)?;
    for w in &fit.warnings {
        it.raise_warning(w, None)?;
    }
    if has_offset && intercept && p > 0 {
        let ones = vec![1.0; n];
        let ones = crate::stats::tsqr::Dense { x: &ones, n, p: 1 };
        let inp0 = GlmInput {
            x: &ones,
            p: 1,
            start: None,
            mustart: Some(&fit.mu),
            ..inp
        };
        let f0 = glm_fit(&inp0, &fam, &ctl).map_err(rerr)?;
        if !f0.converged {
            it.raise_warning(
                crate::stats::irls::NULL_FIT_NOT_CONVERGED,
                Some("glm(...)".into()),
            )?;
        }
        fit.null_deviance = f0.deviance;
    }
    // assemble the fit object in R's component order
    let rank = fit.qr.rank;
    let piv = &fit.qr.pivot;
    let xx: Vec<String> = piv.iter().map(|&j| mm.colnames[j].clone()).collect();
    let mut rmat = vec![0.0; p * p];
    for j in 0..p {
        for i in 0..=j.min(p - 1) {
            rmat[j * p + i] = if i < fit.qr.n {
                fit.qr.at(i, j)
            } else if i == j {
                1.0
            } else {
                0.0
            };
        }
    }
    let empty: crate::value::RStr = Some(Rc::from(""));
    let mut eff_names: Vec<crate::value::RStr> = xx[..rank]
        .iter()
        .map(|x| Some(Rc::from(x.as_str())))
        .collect();
    eff_names.resize(fit.effects.len(), empty);
    let mut effv = Value::dbls(fit.effects.clone());
    effv.set_attr(s("names"), Value::strs(eff_names));
    let mut qrm = matrix(fit.qr.qr.clone(), fit.qr.n, p, None, Some(&xx));
    qrm.set_attr(
        s("assign"),
        Value::ints(piv.iter().map(|&j| mm.assign[j] as i32).collect()),
    );
    let mut qr = Value::named_list(vec![
        ("qr".into(), qrm),
        ("rank".into(), Value::int(rank as i32)),
        ("qraux".into(), Value::dbls(fit.qr.qraux.clone())),
        (
            "pivot".into(),
            Value::ints(piv.iter().map(|&j| j as i32 + 1).collect()),
        ),
        (
            "tol".into(),
            Value::num((1e-7f64).min(ctl.epsilon / 1000.0)),
        ),
    ]);
    qr.set_attr(s("class"), Value::str("qr"));
    if let Some(rows) = fit.qr_rows {
        qr.set_attr(
            s(crate::builtins::stats::models::lm_blocked::NROW_ATTR),
            Value::int(rows as i32),
        );
    }
    let coef = crate::builtins::stats::models::lm_blocked::nan_as_na(&fit.coef);
    // one names vector shared by every per-observation component
    let row_names = crate::builtins::stats::models::lm_blocked::names_value(&fr.rows);
    let nd = |v: Vec<f64>| {
        let mut x = Value::dbls(v);
        x.set_attr(s("names"), row_names.clone());
        x
    };
    let mut items: Vec<(String, Value)> = vec![
        ("coefficients".into(), named_dbl(coef, &mm.colnames)),
        ("residuals".into(), nd(fit.residuals.clone())),
        ("fitted.values".into(), nd(fit.mu.clone())),
        ("effects".into(), effv),
        ("R".into(), matrix(rmat, p, p, Some(&xx), Some(&xx))),
        ("rank".into(), Value::int(rank as i32)),
        ("qr".into(), qr),
        ("family".into(), family_value(&fam)),
        ("linear.predictors".into(), nd(fit.eta.clone())),
        ("deviance".into(), Value::num(fit.deviance)),
        (
            "aic".into(),
            Value::num(if fit.aic.is_nan() {
                crate::value::na_real()
            } else {
                fit.aic
            }),
        ),
        ("null.deviance".into(), Value::num(fit.null_deviance)),
        ("iter".into(), Value::int(fit.iter as i32)),
        ("weights".into(), nd(fit.weights.clone())),
        ("prior.weights".into(), nd(prior.clone())),
        ("df.residual".into(), Value::int(fit.df_residual as i32)),
        ("df.null".into(), Value::int(fit.df_null as i32)),
        ("y".into(), nd(y.clone())),
        ("converged".into(), Value::lgls(vec![fit.converged as i32])),
        ("boundary".into(), Value::lgls(vec![fit.boundary as i32])),
    ];
    let tv = terms_value(&fr.terms, fr.lhs.clone(), fr.rhs.clone(), &fr.env);
    let mut mcols = fr.cols.clone();
    let mut mnames = fr.terms.var_labels.clone();
    if let Some(w) = &fr.weights {
        mcols.push(Value::dbls(w.clone()));
        mnames.push("(weights)".into());
    }
    if let Some(o) = &offset_arg {
        mcols.push(Value::dbls(o.clone()));
        mnames.push("(offset)".into());
    }
    let mut model = crate::value::frame::make_df(mcols, mnames, row_names.clone());
    model.set_attr(s("terms"), tv.clone());
    items.push(("model".into(), model));
    if !fr.omitted.is_empty() {
        let na = crate::builtins::stats::models::na_action_value(&fr.omitted, &na_action);
        items.push(("na.action".into(), na));
    }
    items.push((
        "call".into(),
        Value::Lang(Rc::new(Lang {
            expr: Rc::new(mcall.clone()),
            attrs: None,
        })),
    ));
    items.push(("formula".into(), formula.clone()));
    items.push(("terms".into(), tv));
    items.push((
        "data".into(),
        data.clone().unwrap_or(Value::Env(env.clone())),
    ));
    items.push((
        "offset".into(),
        if has_offset {
            nd(offset.clone())
        } else {
            Value::Null
        },
    ));
    items.push((
        "control".into(),
        control_value(ctl.epsilon, ctl.maxit, false),
    ));
    items.push(("method".into(), Value::str("glm.fit")));
    let (contrasts, xlevels) = crate::builtins::stats::models::contrasts_xlevels(
        &fr.terms,
        &crate::builtins::stats::models::logical_vars(&fr.cols),
        &facs,
    );
    items.push(("contrasts".into(), contrasts.unwrap_or(Value::Null)));
    items.push(("xlevels".into(), xlevels));
    let mut out = Value::named_list(items);
    out.set_attr(s("class"), Value::strings(&["glm", "lm"]));
    Ok(out)
}

/// A glm's response as `glm.fit` takes it: proportions for binomial, with prior weights
/// (times the trials of a two-column response) and the trials; and the warning R's
/// `initialize` gives for non-integer counts.
pub(crate) struct GlmResponse {
    pub(crate) y: Vec<f64>,
    pub(crate) prior: Vec<f64>,
    pub(crate) ntrials: Vec<f64>,
    pub(crate) warning: Option<&'static str>,
}

/// The response of a model frame, for family `fam`.
pub(crate) fn glm_response(
    fr: &crate::builtins::stats::models::Frame,
    fam: &Family,
) -> EvalResult<GlmResponse> {
    let n = fr.rows.len();
    let mut prior: Vec<f64> = fr.weights.clone().unwrap_or_else(|| vec![1.0; n]);
    if prior.iter().any(|&w| w < 0.0) {
        return err("negative weights not allowed");
    }
    let yv = &fr.cols[0];
    let mut ntrials: Vec<f64> = vec![1.0; n];
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
        yv.int_vec()
            .iter()
            .map(|&k| if k == 1 { 0.0 } else { 1.0 })
            .collect()
    } else if matches!(yv.data(), Some(Data::Str(_))) {
        return err("non-numeric argument to binary operator");
    } else {
        yv.dbl_vec().to_vec()
    };
    let mut warning = None;
    if fam.kind == Kind::Binomial {
        if yv.dim().is_none() {
            if y.iter()
                .zip(&prior)
                .any(|(y, w)| ((w * y).round() - w * y).abs() > 1e-7)
            {
                warning = Some("non-integer #successes in a binomial glm!");
            }
        } else if ntrials.iter().any(|t| (t - t.round()).abs() > 1e-7) {
            warning = Some("non-integer counts in a binomial glm!");
        }
    }
    Ok(GlmResponse {
        y,
        prior,
        ntrials,
        warning,
    })
}

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
        let pearson = match crate::builtins::stats::models::glm_streamed::glm_stream_of(fit) {
            Some(g) => g.pearson,
            None => pearson_sum(fit),
        };
        (pearson / rdf, true)
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
    let fit = m.req(0, "object")?.clone();
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

fn summary_glm(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["object", "dispersion", "correlation", "symbolic.cor", "..."])?;
    let fit = m.req(0, "object")?.clone();
    let mut c = glm_cov(&fit)?;
    if let Some(d) = m.get(1).and_then(|v| v.as_f64()) {
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
    let dres = if crate::builtins::stats::models::glm_streamed::glm_stream_of(&fit).is_some() {
        // the five quantiles `print` shows, marked
        let mut q = Value::dbls(
            crate::builtins::stats::models::glm_streamed::deviance_quantiles(it, &fit)?,
        );
        q.set_attr(s(crate::print::model::QUANTILES_ATTR), Value::lgl(false));
        q
    } else {
        residuals_of(&fit, "deviance")?
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
    let fit = m.req(0, "object")?.clone();
    crate::builtins::stats::models::not_streamed(&fit, "residuals")?;
    let typ = m
        .get(1)
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
    let fit = m.req(0, "object")?.clone();
    let typ = m
        .get(2)
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "link".into());
    let typ = ["link", "response", "terms"]
        .iter()
        .find(|f| f.starts_with(typ.as_str()))
        .map(|x| x.to_string())
        .unwrap_or(typ);
    let se_fit = m
        .get(3)
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let fam = family_of(&fit)?;
    let nd = m.get(1).cloned();
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
    if let Some(d) = m.get(4).and_then(|v| v.as_f64()) {
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
    crate::builtins::stats::models::aic(it, a)
}

/// `BIC(...)`, labelled as [`aic_special`].
pub fn bic_special(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let a = eval_labelled(it, args, env)?;
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

/// The iteration controls a glm fit was made with (its `control`).
pub(crate) fn control_of(fit: &Value) -> Control {
    let get = |k: &str| {
        field(fit, "control")
            .and_then(|c| field(&c, k))
            .and_then(|v| v.as_f64())
    };
    Control {
        epsilon: get("epsilon").unwrap_or(1e-8),
        maxit: get("maxit").unwrap_or(25.0) as usize,
    }
}

/// Deviance and residual df of the fits with the first 1, 2, ..., nt-1 terms of `fit`
/// (the rows of its sequential analysis of deviance between NULL and the full model).
fn nested_fits(
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
        let nested = match crate::builtins::stats::models::glm_streamed::glm_stream_of(fit) {
            Some(_) => crate::builtins::stats::models::glm_streamed::nested_fits(it, fit, nt)?,
            None => nested_fits(it, fit, &fam, nt)?,
        };
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
fn confint_default(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["object", "parm", "level", "..."])?;
    let fit = m.req(0, "object")?.clone();
    let level = m.get(2).and_then(|v| v.as_f64()).unwrap_or(0.95);
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
