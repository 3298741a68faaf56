//! Model builtins: formulas and terms, model frames and matrices, `lm` and its methods.
//! Submodules: `frame` (model frames, design columns), `lm` (the fit), `methods`
//! (accessors, summary, printers), `predict`, `anova`, `update`, `step` (drop1/add1),
//! `mlm`, `contrasts`, `terms_obj` (terms objects), `print` (print methods with arguments).

use crate::builtins::{declared, eager, special, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::print::coefmat::{
    format_common, print_coefmat, round_to, zapsmall, CoefOpts, CoefTable,
};
use crate::stats::design::{self, Contrast, VarCol};
use crate::stats::dist::beta;

/// Student t and F probabilities and the t quantile on the natural scale.
fn pt(x: f64, df: f64, lower: bool) -> f64 {
    beta::pt(x, df, lower, false)
}
fn pf(x: f64, df1: f64, df2: f64, lower: bool) -> f64 {
    beta::pf(x, df1, df2, lower, false)
}
fn qt(p: f64, df: f64, lower: bool) -> f64 {
    beta::qt(p, df, lower, false)
}
use crate::stats::terms::{all_vars, terms_of, Terms};
use crate::syntax::ast::{Arg, BinOp, Expr, ExprKind};
use crate::syntax::deparse::deparse;
use crate::syntax::sym::Sym;
pub(crate) use crate::value::fields::{dbl_field, field};
use crate::value::{Data, Env, Lang, Value, NA_INT};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    special("lm", lm),
    declared("all.vars", all_vars_fn),
    declared("terms", terms_fn),
    eager("formula", formula_fn),
    eager("as.formula", formula_fn),
    eager("coef", coef),
    eager("coefficients", coef),
    eager("residuals", residuals),
    eager("resid", residuals),
    eager("fitted", fitted),
    eager("fitted.values", fitted),
    eager("df.residual", df_residual),
    eager("deviance", deviance),
    eager("nobs", nobs),
    eager("vcov", vcov),
    eager("confint", confint),
    eager("summary.lm", summary_lm),
    eager("summary.mlm", summary_mlm),
    eager("model.matrix", model_matrix_fn),
    special("model.frame", model_frame_fn),
    eager("model.response", model_response_fn),
    eager("model.weights", model_weights_fn),
    eager("model.offset", model_offset_fn),
    eager("poly", poly_fn),
    eager("predict", predict),
    eager("anova", anova),
    eager("logLik", loglik),
    special(
        "AIC",
        crate::builtins::stats::models::glm_methods::aic_special,
    ),
    special(
        "BIC",
        crate::builtins::stats::models::glm_methods::bic_special,
    ),
    special("update", update),
    declared("reformulate", reformulate),
    eager("I", as_is),
    eager("offset", as_is),
    eager("print.lm", print::print_lm),
    eager("print.summary.lm", print::print_summary_lm),
    eager("print.anova", print::print_anova),
    eager("sigma", sigma_fn),
    eager("variable.names", variable_names),
    eager("case.names", case_names),
    eager("labels", labels_fn),
    eager("effects", effects_fn),
    eager("drop1", step::drop1),
    eager("add1", step::add1),
    eager("extractAIC", step::extract_aic),
    eager("contr.treatment", contrasts::contr_treatment_fn),
    eager("contr.sum", contrasts::contr_sum_fn),
    eager("contr.helmert", contrasts::contr_helmert_fn),
    eager("contr.poly", contrasts::contr_poly_fn),
    eager("contrasts", contrasts::contrasts_fn),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("lm",
            "lm(formula, data, subset, weights, na.action, method = \"qr\", model = TRUE, x = FALSE, y = FALSE, \
             qr = TRUE, singular.ok = TRUE, contrasts = NULL, offset, ...)",
            "Fits a linear model by least squares. formula names the response and the terms (y ~ x1 + x2, with \
             factors, interactions x1:x2 or x1*x2, I() and poly()); variables are looked up in data. Returns an \
             \"lm\" object for print, summary, anova, predict, confint, residuals and the other model functions; \
             weights gives weighted least squares and rows with missing values are dropped."),
        doc("all.vars", "all.vars(expr, functions = FALSE, max.names = -1L, unique = TRUE)",
            "Returns the names of the variables used in a formula or expression, without function names, as a \
             character vector."),
        doc("terms", "terms(x, data, ...)",
            "Returns the \"terms\" object of a formula or fitted model: the formula annotated with its expanded \
             term labels, response and intercept attributes."),
        doc("formula", "formula(x, env, ...)",
            "Returns the formula of a fitted model, or converts a string or call to a formula."),
        doc("as.formula", "as.formula(object, env = parent.frame())",
            "Converts a string such as \"y ~ x\" or a call into a formula; a formula is returned unchanged."),
        doc("coef", "coef(object, ...)",
            "Returns the estimated coefficients of a fitted model as a named vector (for summary objects, the \
             coefficient table)."),
        doc("coefficients", "coefficients(object, ...)",
            "The same as coef: the estimated coefficients of a fitted model."),
        doc("residuals", "residuals(object, type, ...)",
            "Returns the residuals of a fitted model, named by observation. For glm fits, type chooses \
             \"deviance\" (the default), \"pearson\", \"working\" or \"response\" residuals."),
        doc("resid", "resid(object, type, ...)", "The same as residuals."),
        doc("fitted", "fitted(object, ...)",
            "Returns the fitted values of a model (on the response scale for glm fits), named by observation."),
        doc("fitted.values", "fitted.values(object, ...)", "The same as fitted."),
        doc("df.residual", "df.residual(object, ...)", "Returns the residual degrees of freedom of a fitted model."),
        doc("deviance", "deviance(object, ...)",
            "Returns the deviance of a fitted model: the residual sum of squares for lm, the residual deviance \
             for glm."),
        doc("nobs", "nobs(object, ...)", "Returns the number of observations used to fit a model."),
        doc("vcov", "vcov(object, ...)", "Returns the estimated covariance matrix of a model's coefficients."),
        doc("confint", "confint(object, parm, level = 0.95, ...)",
            "Confidence intervals for the coefficients of a fitted model (all, or those named or numbered in \
             parm), as a matrix with lower and upper columns. For glm fits the Wald intervals are used."),
        doc("summary.lm", "summary.lm(object, correlation = FALSE, symbolic.cor = FALSE, ...)",
            "Summarises an lm fit: coefficient estimates with standard errors, t values and p-values, the \
             residual standard error, R-squared and the overall F statistic. This is what summary does for lm \
             objects."),
        doc("model.matrix", "model.matrix(object, data = environment(object), contrasts.arg = NULL, ...)",
            "Returns the design matrix of a formula or fitted model: one column per coefficient, with factors \
             expanded into treatment-contrast dummy columns. It carries \"assign\" and \"contrasts\" attributes."),
        doc("poly", "poly(x, ..., degree = 1, coefs = NULL, raw = FALSE, simple = FALSE)",
            "Returns a matrix of orthogonal polynomials of x up to the given degree (plain powers with raw = \
             TRUE), for use in model formulas such as y ~ poly(x, 2)."),
        doc("predict",
            "predict(object, newdata, se.fit = FALSE, scale = NULL, df = Inf, interval = c(\"none\", \
             \"confidence\", \"prediction\"), level = 0.95, type = c(\"response\", \"terms\"), terms = NULL, \
             na.action = na.pass, pred.var = res.var/weights, weights = 1, ...)",
            "Predictions from a fitted model for the rows of newdata (the fitting data when omitted). For lm, \
             interval adds confidence or prediction limits and se.fit adds standard errors; for glm, type = \
             \"response\" gives predictions on the response scale instead of the link scale."),
        doc("anova", "anova(object, ...)",
            "For one fitted model, the analysis of variance (or deviance) table of its terms added in sequence. \
             With several nested models, a table comparing them with F tests (or chi-squared tests for glm with \
             test = \"Chisq\")."),
        doc("logLik", "logLik(object, REML = FALSE, ...)",
            "Returns the log-likelihood of a fitted model, with its degrees of freedom as the \"df\" attribute."),
        doc("AIC", "AIC(object, ..., k = 2)",
            "Akaike's information criterion, -2 log-likelihood + k times the number of parameters, for one or \
             more fitted models (a table when several are given)."),
        doc("BIC", "BIC(object, ...)",
            "Bayesian information criterion, AIC with k = log(n), for one or more fitted models."),
        doc("update", "update(object, formula., ...)",
            "Refits a model with a changed formula and/or arguments. In formula., a dot stands for the old left \
             or right side, so . ~ . - x drops a term."),
        doc("reformulate", "reformulate(termlabels, response = NULL, intercept = TRUE, env = parent.frame())",
            "Builds a formula from a character vector of term labels and an optional response, such as y ~ a + b."),
        doc("I", "I(x)",
            "Returns x as it is. Its use is in model formulas, where it protects arithmetic: I(x^2) means the \
             square of x rather than a formula operator."),
        doc("offset", "offset(object)",
            "Marks a term in a model formula as an offset, a known component added to the linear predictor with \
             coefficient fixed at 1."),
        doc("add1", "add1(object, scope, scale = 0, test = \"none\", k = 2, ...)",
            "Fits every model that adds one term from scope to a fitted lm or glm and tabulates the change in fit (AIC, optionally an F or Chisq test)."),
        doc("drop1", "drop1(object, scope, scale = 0, test = \"none\", k = 2, ...)",
            "Fits every model that drops one term of a fitted lm or glm and tabulates the change in fit (AIC, optionally an F or Chisq test)."),
        doc("case.names", "case.names(object, ...)",
            "Returns the names of the observations used in a fitted model."),
        doc("variable.names", "variable.names(object, full = FALSE, ...)",
            "Returns the names of the columns of a fitted model's design matrix (only the estimable ones unless full = TRUE)."),
        doc("contr.helmert", "contr.helmert(n, contrasts = TRUE, sparse = FALSE)",
            "Helmert contrasts for a factor with n levels (or the given level names): each level against the mean of the ones before it."),
        doc("contr.poly", "contr.poly(n, scores = 1:n, contrasts = TRUE, sparse = FALSE)",
            "Orthogonal polynomial contrasts (.L, .Q, .C, ^4, ...) for an ordered factor with n levels."),
        doc("contr.sum", "contr.sum(n, contrasts = TRUE, sparse = FALSE)",
            "Sum-to-zero contrasts for a factor with n levels: the last level gets -1 in every column."),
        doc("contr.treatment", "contr.treatment(n, base = 1, contrasts = TRUE, sparse = FALSE)",
            "Treatment (dummy) contrasts for a factor with n levels: each level against the base level."),
        doc("contrasts", "contrasts(x, contrasts = TRUE, sparse = FALSE)",
            "Returns the contrast matrix of a factor: its contrasts attribute, or the default from options(\"contrasts\")."),
        doc("effects", "effects(object, ...)",
            "Returns the orthogonal effects of a fitted linear model: Q'y from its QR decomposition, named by the coefficients they belong to."),
        doc("extractAIC", "extractAIC(fit, scale = 0, k = 2, ...)",
            "Returns the equivalent degrees of freedom and the AIC (with penalty k per parameter) of a fitted lm or glm, as step() uses."),
        doc("labels", "labels(object, ...)",
            "Returns labels for an object: the term labels of a fitted model or terms object, or names of a vector."),
        doc("model.frame", "model.frame(formula, data = NULL, subset = NULL, na.action = na.fail, drop.unused.levels = FALSE, ...)",
            "Builds the data frame of the variables a formula uses (with NA handling, subset, weights and offset) and attaches its terms; on a fitted model, returns the frame it was fitted on."),
        doc("model.offset", "model.offset(x)",
            "Returns the (offset) column of a model frame, or NULL when it has none."),
        doc("model.response", "model.response(data, type = \"any\")",
            "Returns the response (first) column of a model frame, named by its row names."),
        doc("model.weights", "model.weights(x)",
            "Returns the (weights) column of a model frame, or NULL when it has none."),
        doc("print.anova", "print.anova(x, digits = max(getOption(\"digits\") - 2L, 3L), signif.stars = getOption(\"show.signif.stars\"), ...)",
            "Prints an analysis of variance or deviance table with its heading, P-values and significance stars."),
        doc("print.lm", "print.lm(x, digits = max(3L, getOption(\"digits\") - 3L), ...)",
            "Prints a fitted linear model: its call and coefficients."),
        doc("print.summary.lm", "print.summary.lm(x, digits = max(3L, getOption(\"digits\") - 3L), signif.stars = getOption(\"show.signif.stars\"), ...)",
            "Prints a linear model summary: call, residuals, coefficient table with stars, residual standard error, R-squared and the F statistic."),
        doc("sigma", "sigma(object, ...)",
            "Returns the residual standard deviation of a fitted model (sqrt of deviance over residual degrees of freedom)."),
        doc("summary.mlm", "summary.mlm(object, ...)",
            "Summarises a multivariate linear model as one lm summary per response column."),
    ]
};

pub(super) fn s(x: &str) -> Sym {
    Sym::new(x)
}

/// The `na.action` component for omitted rows (position, row name): integer positions named
/// by row, class `omit` (or `exclude` for `na.exclude`).
pub(crate) fn na_action_value(omitted: &[(i32, String)], na_action: &str) -> Value {
    let mut na = Value::ints(omitted.iter().map(|x| x.0).collect());
    na.set_attr(
        Sym::new("names"),
        Value::strings(&omitted.iter().map(|x| x.1.clone()).collect::<Vec<_>>()),
    );
    na.set_attr(
        Sym::new("class"),
        Value::str(if na_action == "na.exclude" {
            "exclude"
        } else {
            "omit"
        }),
    );
    na
}

/// Which model variables are logical vectors (coded like factors, but without `xlevels`).
pub(crate) fn logical_vars(cols: &[Value]) -> Vec<bool> {
    cols.iter()
        .map(|c| !c.is_factor() && matches!(c.data(), Some(Data::Lgl(_))))
        .collect()
}

/// A fit's `contrasts` (`None` when no term uses a factor) and `xlevels`: the factors some
/// term uses; logical variables get contrasts but, as in R, no `xlevels`.
pub(crate) fn contrasts_xlevels(
    terms: &Terms,
    logical: &[bool],
    facs: &[(String, Vec<String>, String)],
) -> (Option<Value>, Value) {
    let used = used_factors(terms, facs);
    let is_lgl = |l: &str| {
        terms
            .var_labels
            .iter()
            .position(|x| x == l)
            .and_then(|i| logical.get(i).copied())
            .unwrap_or(false)
    };
    let contrasts = (!used.is_empty()).then(|| {
        Value::named_list(
            used.iter()
                .map(|(l, _, c)| (l.clone(), Value::str(c)))
                .collect(),
        )
    });
    let mut xl = Value::named_list(
        used.iter()
            .filter(|(l, _, _)| !is_lgl(l))
            .map(|(l, lv, _)| (l.clone(), Value::strings(lv)))
            .collect(),
    );
    if xl.names().is_none() {
        xl.set_attr(Sym::new("names"), Value::strs(vec![]));
    }
    (contrasts, xl)
}

/// R's `qr` list (class `qr`) around a compact factor `qrm` with tolerance 1e-7.
pub(crate) fn qr_value(qrm: Value, qraux: Vec<f64>, pivot: &[usize], rank: usize) -> Value {
    let mut qr = Value::named_list(vec![
        ("qr".into(), qrm),
        ("qraux".into(), Value::dbls(qraux)),
        (
            "pivot".into(),
            Value::ints(pivot.iter().map(|&j| j as i32 + 1).collect()),
        ),
        ("tol".into(), Value::num(1e-7)),
        ("rank".into(), Value::int(rank as i32)),
    ]);
    qr.set_attr(Sym::new("class"), Value::str("qr"));
    qr
}

/// The factors (label, levels, contrast name) that appear in some term of the model:
/// those a fit records under `contrasts` and `xlevels`.
pub(crate) fn used_factors<'a>(
    terms: &crate::stats::terms::Terms,
    facs: &'a [(String, Vec<String>, String)],
) -> Vec<&'a (String, Vec<String>, String)> {
    facs.iter()
        .filter(|(l, _, _)| {
            let i = terms
                .var_labels
                .iter()
                .position(|x| x == l)
                .unwrap_or(usize::MAX);
            terms.terms.iter().any(|t| t.has(i))
        })
        .collect()
}

/// Whether a fit's model has an intercept (its terms say so).
pub(crate) fn has_intercept(fit: &Value) -> bool {
    field(fit, "terms")
        .and_then(|t| t.get_attr("intercept").and_then(|v| v.as_i32()))
        .unwrap_or(1)
        == 1
}

pub(crate) fn strings_of(v: &Value) -> Vec<String> {
    v.as_strings().unwrap_or_default()
}

pub(super) fn named_dbl(vals: Vec<f64>, names: &[String]) -> Value {
    let mut v = Value::dbls(vals);
    v.set_attr(s("names"), Value::strings(names));
    v
}

pub(super) fn matrix(
    vals: Vec<f64>,
    nr: usize,
    nc: usize,
    rows: Option<&[String]>,
    cols: Option<&[String]>,
) -> Value {
    let mut v = Value::dbls(vals);
    v.set_attr(s("dim"), Value::ints(vec![nr as i32, nc as i32]));
    if rows.is_some() || cols.is_some() {
        let r = rows.map(Value::strings).unwrap_or(Value::Null);
        let c = cols.map(Value::strings).unwrap_or(Value::Null);
        v.set_attr(s("dimnames"), Value::list(vec![r, c]));
    }
    v
}

// ------------------------------------------------------------------ formulas

/// The parts of a formula value: left side, right side and environment.
fn formula_parts(f: &Value, it: &Interp) -> EvalResult<(Option<Expr>, Expr, Env)> {
    let env = match f.get_attr(".Environment") {
        Some(Value::Env(e)) => e.clone(),
        _ => it.global.clone(),
    };
    if let Value::Lang(l) = f {
        if let ExprKind::Formula(lhs, rhs) = &l.expr.kind {
            return Ok((lhs.as_deref().cloned(), (**rhs).clone(), env));
        }
    }
    if let Some(Value::Lang(_)) = field(f, "terms").as_ref() {
        return formula_parts(&field(f, "terms").unwrap_or(Value::Null), it);
    }
    if let Some(text) = f.as_string() {
        let e = crate::syntax::parse_expr(&text).map_err(|e| {
            crate::error::Flow::from(crate::error::RError::runtime(
                crate::syntax::r_parse_message(&text, &e),
            ))
        })?;
        if let ExprKind::Formula(lhs, rhs) = e.kind {
            return Ok((lhs.map(|b| std::rc::Rc::unwrap_or_clone(b)), std::rc::Rc::unwrap_or_clone(rhs), env));
        }
    }
    err("invalid formula")
}

fn make_formula_value(lhs: Option<Expr>, rhs: Expr, env: &Env) -> Value {
    let e = Expr::new(
        ExprKind::Formula(lhs.map(std::rc::Rc::new), std::rc::Rc::new(rhs)),
        Default::default(),
    );
    crate::eval::make_formula(&e, env)
}

fn all_vars_fn(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("expr").cloned().unwrap_or(Value::Null);
    let vars = match &x {
        Value::Lang(l) => all_vars(&l.expr),
        // an expression vector or a list of calls: the names of each, in order
        Value::Vector(v) if matches!(v.data, Data::List(_)) && !x.inherits("formula") => {
            let mut out: Vec<String> = Vec::new();
            for item in x.list_vec().iter() {
                if let Value::Lang(l) = item {
                    for n in all_vars(&l.expr) {
                        if !out.contains(&n) {
                            out.push(n);
                        }
                    }
                }
            }
            out
        }
        _ => {
            let (l, r, _) = formula_parts(&x, it)?;
            let mut v = l.map(|l| all_vars(&l)).unwrap_or_default();
            for n in all_vars(&r) {
                if !v.contains(&n) {
                    v.push(n);
                }
            }
            v
        }
    };
    Ok(Value::strings(&vars))
}

/// Replaces `.` in `rhs` by the sum of `names` (wrapped in parentheses inside operators).
fn expand_dot(e: &Expr, names: &[String], top: bool) -> Expr {
    match &e.kind {
        ExprKind::Ident(sy) if sy.as_str() == "." => {
            let mut acc: Option<Expr> = None;
            for n in names {
                let id = Expr::new(ExprKind::Ident(s(n)), e.span);
                acc = Some(match acc {
                    None => id,
                    Some(a) => Expr::new(
                        ExprKind::Binary(BinOp::Add, std::rc::Rc::new(a), std::rc::Rc::new(id)),
                        e.span,
                    ),
                });
            }
            let sum = acc.unwrap_or_else(|| e.clone());
            if top || names.len() < 2 {
                sum
            } else {
                Expr::new(ExprKind::Paren(std::rc::Rc::new(sum)), e.span)
            }
        }
        ExprKind::Binary(op, l, r) => Expr::new(
            ExprKind::Binary(
                *op,
                std::rc::Rc::new(expand_dot(l, names, false)),
                std::rc::Rc::new(expand_dot(r, names, false)),
            ),
            e.span,
        ),
        ExprKind::Paren(x) => Expr::new(
            ExprKind::Paren(std::rc::Rc::new(expand_dot(x, names, true))),
            e.span,
        ),
        _ => e.clone(),
    }
}

fn has_dot(e: &Expr) -> bool {
    all_vars(e).iter().any(|v| v == ".")
}

/// Expands a formula (with `.` resolved against `data`) into terms plus the expanded formula.
pub(super) fn build_terms(
    it: &Interp,
    f: &Value,
    data: Option<&Value>,
) -> EvalResult<(Terms, Option<Expr>, Expr, Env)> {
    let (lhs, rhs, env) = formula_parts(f, it)?;
    let names = data.map(crate::value::frame::df_names);
    let rhs = if has_dot(&rhs) {
        if let Some(ns) = &names {
            let lv: Vec<String> = lhs.as_ref().map(all_vars).unwrap_or_default();
            let keep: Vec<String> = ns.iter().filter(|n| !lv.contains(n)).cloned().collect();
            expand_dot(&rhs, &keep, true)
        } else {
            rhs
        }
    } else {
        rhs
    };
    let t = terms_of(lhs.as_ref(), &rhs, names.as_deref())
        .map_err(|m| crate::error::Flow::from(crate::error::RError::runtime(m)))?;
    Ok((t, lhs, rhs, env))
}

fn terms_fn(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    if x.inherits("lm") {
        return Ok(field(&x, "terms").unwrap_or(Value::Null));
    }
    // a model frame carries its terms
    if let Some(t) = x.get_attr("terms").filter(|_| x.is_data_frame()) {
        return Ok(t.clone());
    }
    let (t, lhs, rhs, env) = build_terms(it, &x, m.get("data"))?;
    Ok(terms_value(&t, lhs, rhs, &env))
}

fn formula_fn(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "env", "..."])?;
    let x = m.req("x")?.clone();
    let src = if x.inherits("lm") {
        field(&x, "terms").unwrap_or(Value::Null)
    } else if x.is_data_frame() {
        // a data frame's formula: its first column against the others (one column: `~a`)
        let names: Vec<String> = x
            .names()
            .unwrap_or_default()
            .iter()
            .map(|n| {
                let n = n.as_deref().unwrap_or("");
                if crate::value::str_format::is_syntactic_name(n) {
                    n.to_string()
                } else {
                    format!("`{}`", n)
                }
            })
            .collect();
        let text = match names.split_first() {
            Some((only, [])) => format!("~{}", only),
            Some((first, rest)) => format!("{} ~ {}", first, rest.join(" + ")),
            None => return err("invalid formula"),
        };
        Value::str(&text)
    } else {
        x
    };
    let (lhs, rhs, mut env) = formula_parts(&src, it)?;
    if let Some(Value::Env(e)) = m.get("env") {
        env = e.clone();
    } else if src.as_string().is_some() {
        env = it
            .frames
            .last()
            .map(|f| f.env.clone())
            .unwrap_or_else(|| it.global.clone());
    }
    Ok(make_formula_value(lhs, rhs, &env))
}

fn reformulate(it: &mut Interp, m: Matched) -> EvalResult {
    let labels = strings_of(m.req("termlabels")?);
    let mut text = format!("~ {}", labels.join(" + "));
    if let Some(r) = m.get("response") {
        let r = match r {
            Value::Lang(l) => deparse(&l.expr),
            v => v.as_string().unwrap_or_default(),
        };
        text = format!("{} {}", r, text);
    }
    if matches!(
        m.get("intercept").and_then(|v| v.as_bool().flatten()),
        Some(false)
    ) {
        text.push_str(" - 1");
    }
    let e = crate::syntax::parse_expr(&text).map_err(|e| {
        crate::error::Flow::from(crate::error::RError::runtime(
            crate::syntax::r_parse_message(&text, &e),
        ))
    })?;
    let env = it
        .frames
        .last()
        .map(|f| f.env.clone())
        .unwrap_or_else(|| it.global.clone());
    Ok(crate::eval::make_formula(&e, &env))
}

mod anova;
pub mod aov;
mod contrasts;
mod fit_rows;
mod frame;
pub mod glm;
pub mod glm_family;
mod glm_fit_fn;
pub mod glm_methods;
pub mod glm_streamed;
pub mod influence;
mod lm;
pub mod lm_blocked;
#[cfg(feature = "spark")]
pub mod glm_spark;
#[cfg(feature = "spark")]
pub mod lm_spark;
pub mod lm_streamed;
mod methods;
mod mlm;
mod predict;
mod print;
mod step;
mod terms_obj;
mod update;
pub(crate) use anova::*;
pub(crate) use frame::*;
pub(crate) use lm::*;
pub(crate) use methods::*;
pub(crate) use mlm::*;
pub(crate) use predict::*;
pub(crate) use terms_obj::*;
pub(crate) use update::*;

/// Built-in printers for model classes (`lm`, `summary.lm`, `anova`, `logLik`).
pub fn format_model(it: &Interp, v: &Value) -> Option<String> {
    if v.inherits("terms") && matches!(v, Value::Lang(_)) {
        Some(format_terms(v))
    } else if v.inherits("summary.lm") {
        Some(format_summary_lm(it, v))
    } else if v.inherits("mlm") {
        Some(format_mlm(it, v))
    } else if v.inherits("lm") {
        Some(format_lm(it, v))
    } else if v.inherits("listof") {
        Some(format_listof(it, v))
    } else if v.inherits("anova") {
        Some(format_anova(it, v))
    } else if v.inherits("logLik") {
        Some(format_loglik(v))
    } else {
        None
    }
}

/// `I(x)`: returns its argument (R marks it "AsIs"; models only need the value).
fn as_is(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(a.items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null))
}

/// The model builtins' tables: lm and its methods, glm, influence measures, aov.
pub fn tables() -> Vec<&'static [Builtin]> {
    vec![BUILTINS, glm::BUILTINS, influence::BUILTINS, aov::BUILTINS, glm_fit_fn::BUILTINS]
}

/// The model builtins' help entries.
pub fn docs() -> Vec<&'static [crate::builtins::Doc]> {
    vec![DOCS, glm::DOCS, influence::DOCS, aov::DOCS, glm_fit_fn::DOCS]
}
