//! Generalized linear models: the `glm` builtin (in memory; lazy frames go to
//! `glm_streamed`) and the response `glm.fit` takes. The families and `glm.control` are in
//! `glm_family`, the methods in `glm_methods`.

use super::glm_family::{
    binomial, control_value, eval_family, family_fn, family_value, gamma, gaussian, glm_control,
    inverse_gaussian, poisson, quasibinomial, quasipoisson, rerr,
};
use super::glm_methods::{confint_default, summary_glm};
use crate::builtins::stats::models::{
    data_env, matched_call_expr, matrix, model_frame, named_dbl, s, terms_value, var_cols,
};
use crate::builtins::{eager, special, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::glm::{glm_fit, Control, Family, GlmInput, Kind};
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::value::fields::field;
use crate::value::{Env, Lang, Value};
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
    #[cfg(feature = "spark")]
    if let Some((d, t)) = data
        .as_ref()
        .and_then(|d| crate::builtins::utils::spark::as_remote(d).map(|t| (d, t)))
    {
        if mustart_v.is_some() || get("etastart").is_some() {
            return err("'mustart' and 'etastart' are not supported for a Spark frame: give 'start'");
        }
        let args = crate::builtins::stats::models::lm_spark::SparkArgs {
            weights,
            subset,
            offset: get("offset"),
        };
        let start = start.map(|v| v.dbl_vec().to_vec());
        return crate::builtins::stats::models::glm_spark::glm_spark(
            it, t, d, &formula, fam, &ctl, start, args, &na_action, contrasts, env, mcall,
        );
    }
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
    let (contrasts, xlevels) = crate::builtins::stats::models::contrasts_xlevels(
        &fr.terms,
        &crate::builtins::stats::models::logical_vars(&fr.cols),
        &facs,
    );
    let parts = GlmParts {
        coef: named_dbl(coef, &mm.colnames),
        effects: effv,
        r: r_matrix(&fit.qr.qr, fit.qr.n, p, &xx),
        rank,
        qr,
        family: fam,
        deviance: fit.deviance,
        aic: fit.aic,
        null_deviance: fit.null_deviance,
        iter: fit.iter,
        df_residual: fit.df_residual,
        df_null: fit.df_null,
        converged: fit.converged,
        boundary: fit.boundary,
        rows: Some(GlmRows {
            residuals: nd(fit.residuals.clone()),
            fitted: nd(fit.mu.clone()),
            linear_predictors: nd(fit.eta.clone()),
            weights: nd(fit.weights.clone()),
            prior_weights: nd(prior.clone()),
            y: nd(y.clone()),
            model,
            data: data.clone().unwrap_or(Value::Env(env.clone())),
            offset: if has_offset {
                nd(offset.clone())
            } else {
                Value::Null
            },
        }),
        na_action: (!fr.omitted.is_empty())
            .then(|| crate::builtins::stats::models::na_action_value(&fr.omitted, &na_action)),
        call: Value::Lang(Rc::new(Lang {
            expr: Rc::new(mcall.clone()),
            attrs: None,
        })),
        formula: formula.clone(),
        terms: tv,
        control: ctl,
        contrasts,
        xlevels,
    };
    let mut items = parts.items();
    super::glm_family::complete_family(it, &mut items)?;
    let mut out = Value::named_list(items);
    out.set_attr(s("class"), Value::strings(&["glm", "lm"]));
    Ok(out)
}

/// The per-row components of a glm fit object (kept by fits made in memory).
pub(crate) struct GlmRows {
    pub(crate) residuals: Value,
    pub(crate) fitted: Value,
    pub(crate) linear_predictors: Value,
    pub(crate) weights: Value,
    pub(crate) prior_weights: Value,
    pub(crate) y: Value,
    pub(crate) model: Value,
    pub(crate) data: Value,
    pub(crate) offset: Value,
}

/// The components of a glm fit object, in memory or streamed; [`GlmParts::items`] lists
/// them in R's order.
pub(crate) struct GlmParts {
    pub(crate) coef: Value,
    pub(crate) effects: Value,
    /// The triangular factor `R`.
    pub(crate) r: Value,
    pub(crate) rank: usize,
    pub(crate) qr: Value,
    pub(crate) family: Family,
    pub(crate) deviance: f64,
    /// NaN (NA) for the quasi families.
    pub(crate) aic: f64,
    pub(crate) null_deviance: f64,
    pub(crate) iter: usize,
    pub(crate) df_residual: usize,
    pub(crate) df_null: usize,
    pub(crate) converged: bool,
    pub(crate) boundary: bool,
    /// None for a streamed fit.
    pub(crate) rows: Option<GlmRows>,
    pub(crate) na_action: Option<Value>,
    pub(crate) call: Value,
    pub(crate) formula: Value,
    pub(crate) terms: Value,
    pub(crate) control: Control,
    pub(crate) contrasts: Option<Value>,
    pub(crate) xlevels: Value,
}

impl GlmParts {
    /// The fit object's components in R's order.
    pub(crate) fn items(self) -> Vec<(String, Value)> {
        let (mut head, mut mid, mut tail): (Vec<(&'static str, Value)>, _, _) =
            (vec![], vec![], vec![]);
        let mut rows = self.rows;
        if let Some(r) = rows.as_mut() {
            let take = |v: &mut Value| std::mem::replace(v, Value::Null);
            head = vec![
                ("residuals", take(&mut r.residuals)),
                ("fitted.values", take(&mut r.fitted)),
            ];
            mid = vec![("linear.predictors", take(&mut r.linear_predictors))];
            tail = vec![
                ("weights", take(&mut r.weights)),
                ("prior.weights", take(&mut r.prior_weights)),
            ];
        }
        fn named(v: Vec<(&'static str, Value)>) -> impl Iterator<Item = (String, Value)> {
            v.into_iter().map(|(k, v)| (k.to_string(), v))
        }
        let aic = if self.aic.is_nan() {
            crate::value::na_real()
        } else {
            self.aic
        };
        let mut items: Vec<(String, Value)> = vec![("coefficients".into(), self.coef)];
        items.extend(named(head));
        items.push(("effects".into(), self.effects));
        items.push(("R".into(), self.r));
        items.push(("rank".into(), Value::int(self.rank as i32)));
        items.push(("qr".into(), self.qr));
        items.push(("family".into(), family_value(&self.family)));
        items.extend(named(mid));
        items.push(("deviance".into(), Value::num(self.deviance)));
        items.push(("aic".into(), Value::num(aic)));
        items.push(("null.deviance".into(), Value::num(self.null_deviance)));
        items.push(("iter".into(), Value::int(self.iter as i32)));
        items.extend(named(tail));
        items.push(("df.residual".into(), Value::int(self.df_residual as i32)));
        items.push(("df.null".into(), Value::int(self.df_null as i32)));
        if let Some(r) = rows.as_mut() {
            items.push(("y".into(), std::mem::replace(&mut r.y, Value::Null)));
        }
        items.push(("converged".into(), Value::lgls(vec![self.converged as i32])));
        items.push(("boundary".into(), Value::lgls(vec![self.boundary as i32])));
        if let Some(r) = rows.as_mut() {
            items.push(("model".into(), std::mem::replace(&mut r.model, Value::Null)));
        }
        items.extend(self.na_action.map(|v| ("na.action".to_string(), v)));
        items.push(("call".into(), self.call));
        items.push(("formula".into(), self.formula));
        items.push(("terms".into(), self.terms));
        if let Some(r) = rows {
            items.push(("data".into(), r.data));
            items.push(("offset".into(), r.offset));
        }
        let ctl = self.control;
        items.push((
            "control".into(),
            control_value(ctl.epsilon, ctl.maxit, false),
        ));
        items.push(("method".into(), Value::str("glm.fit")));
        items.push(("contrasts".into(), self.contrasts.unwrap_or(Value::Null)));
        items.push(("xlevels".into(), self.xlevels));
        items
    }
}

/// The `p x p` triangular factor `R` of a fit from its compact QR (`nrow` rows stored,
/// column-major): its upper triangle, with ones on the diagonal past the stored rows.
pub(crate) fn r_matrix(qr: &[f64], nrow: usize, p: usize, names: &[String]) -> Value {
    let mut rmat = vec![0.0; p * p];
    for j in 0..p {
        for i in 0..=j.min(p - 1) {
            rmat[j * p + i] = if i < nrow {
                qr[j * nrow + i]
            } else if i == j {
                1.0
            } else {
                0.0
            };
        }
    }
    matrix(rmat, p, p, Some(names), Some(names))
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
    let prior: Vec<f64> = fr.weights.clone().unwrap_or_else(|| vec![1.0; n]);
    if prior.iter().any(|&w| w < 0.0) {
        return err("negative weights not allowed");
    }
    let yv = &fr.cols[0];
    let (y, prior, ntrials) = super::glm_fit_fn::response_values(yv, prior, fam)?;
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
