//! Model builtins: formulas and terms, model frames and matrices, `lm` and its methods.
//! Submodules: `frame` (model frames, design columns), `lm` (the fit), `methods`
//! (accessors, summary, printers), `predict`, `anova`, `update`, `step` (drop1/add1),
//! `mlm`, `contrasts`, `terms_obj` (terms objects), `print` (print methods with arguments).

use super::{eager, special, Args, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::print::coefmat::{format_common, print_coefmat, round_to, zapsmall, CoefOpts, CoefTable};
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
use crate::value::{Data, Env, Lang, Value, NA_INT};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    special("lm", lm),
    eager("all.vars", all_vars_fn),
    eager("terms", terms_fn),
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
    special("AIC", super::glm::aic_special),
    special("BIC", super::glm::bic_special),
    special("update", update),
    eager("reformulate", reformulate),
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

pub(super) fn s(x: &str) -> Sym {
    Sym::new(x)
}

pub(crate) fn field(v: &Value, name: &str) -> Option<Value> {
    let names = v.names()?;
    let i = names.iter().position(|n| n.as_deref() == Some(name))?;
    v.list_vec().get(i).cloned()
}

pub(crate) fn dbl_field(v: &Value, name: &str) -> Vec<f64> {
    field(v, name).map(|x| x.dbl_vec().to_vec()).unwrap_or_default()
}

pub(crate) fn strings_of(v: &Value) -> Vec<String> {
    v.as_strings().unwrap_or_default()
}

pub(super) fn named_dbl(vals: Vec<f64>, names: &[String]) -> Value {
    let mut v = Value::dbls(vals);
    v.set_attr(s("names"), Value::strings(names));
    v
}

pub(super) fn matrix(vals: Vec<f64>, nr: usize, nc: usize, rows: Option<&[String]>, cols: Option<&[String]>) -> Value {
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
        let e = crate::syntax::parse_expr(&text).map_err(crate::error::Flow::from)?;
        if let ExprKind::Formula(lhs, rhs) = e.kind {
            return Ok((lhs.map(|b| *b), *rhs, env));
        }
    }
    err("invalid formula")
}

fn make_formula_value(lhs: Option<Expr>, rhs: Expr, env: &Env) -> Value {
    let e = Expr::new(ExprKind::Formula(lhs.map(Box::new), Box::new(rhs)), Default::default());
    crate::eval::make_formula(&e, env)
}

fn all_vars_fn(it: &mut Interp, a: Args) -> EvalResult {
    let x = a.items.first().map(|x| x.1.clone()).unwrap_or(Value::Null);
    let vars = match &x {
        Value::Lang(l) => all_vars(&l.expr),
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
                    Some(a) => Expr::new(ExprKind::Binary(BinOp::Add, Box::new(a), Box::new(id)), e.span),
                });
            }
            let sum = acc.unwrap_or_else(|| e.clone());
            if top || names.len() < 2 {
                sum
            } else {
                Expr::new(ExprKind::Paren(Box::new(sum)), e.span)
            }
        }
        ExprKind::Binary(op, l, r) => Expr::new(
            ExprKind::Binary(*op, Box::new(expand_dot(l, names, false)), Box::new(expand_dot(r, names, false))),
            e.span,
        ),
        ExprKind::Paren(x) => Expr::new(ExprKind::Paren(Box::new(expand_dot(x, names, true))), e.span),
        _ => e.clone(),
    }
}

fn has_dot(e: &Expr) -> bool {
    all_vars(e).iter().any(|v| v == ".")
}

/// Expands a formula (with `.` resolved against `data`) into terms plus the expanded formula.
pub(super) fn build_terms(it: &Interp, f: &Value, data: Option<&Value>) -> EvalResult<(Terms, Option<Expr>, Expr, Env)> {
    let (lhs, rhs, env) = formula_parts(f, it)?;
    let names = data.map(super::frames::df_names);
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
    let t = terms_of(lhs.as_ref(), &rhs, names.as_deref()).map_err(|m| crate::error::Flow::from(crate::error::RError::runtime(m)))?;
    Ok((t, lhs, rhs, env))
}

fn terms_fn(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "data", "..."])?;
    let x = m.req(0, "x")?.clone();
    if x.inherits("lm") {
        return Ok(field(&x, "terms").unwrap_or(Value::Null));
    }
    let (t, lhs, rhs, env) = build_terms(it, &x, m.get(1))?;
    Ok(terms_value(&t, lhs, rhs, &env))
}

fn formula_fn(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "env", "..."])?;
    let x = m.req(0, "x")?.clone();
    let src = if x.inherits("lm") { field(&x, "terms").unwrap_or(Value::Null) } else { x };
    let (lhs, rhs, mut env) = formula_parts(&src, it)?;
    if let Some(Value::Env(e)) = m.get(1) {
        env = e.clone();
    } else if src.as_string().is_some() {
        env = it.frames.last().map(|f| f.env.clone()).unwrap_or_else(|| it.global.clone());
    }
    Ok(make_formula_value(lhs, rhs, &env))
}

fn reformulate(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["termlabels", "response", "intercept", "env"])?;
    let labels = strings_of(m.req(0, "termlabels")?);
    let mut text = format!("~ {}", labels.join(" + "));
    if let Some(r) = m.get(1) {
        let r = match r {
            Value::Lang(l) => deparse(&l.expr),
            v => v.as_string().unwrap_or_default(),
        };
        text = format!("{} {}", r, text);
    }
    if matches!(m.get(2).and_then(|v| v.as_bool().flatten()), Some(false)) {
        text.push_str(" - 1");
    }
    let e = crate::syntax::parse_expr(&text).map_err(crate::error::Flow::from)?;
    let env = it.frames.last().map(|f| f.env.clone()).unwrap_or_else(|| it.global.clone());
    Ok(crate::eval::make_formula(&e, &env))
}

mod anova;
mod contrasts;
mod frame;
mod lm;
mod mlm;
mod predict;
mod print;
mod step;
mod terms_obj;
mod update;
mod methods;
pub(crate) use frame::*;
pub(crate) use lm::*;
pub(crate) use mlm::*;
pub(crate) use predict::*;
pub(crate) use terms_obj::*;
pub(crate) use anova::*;
pub(crate) use update::*;
pub(crate) use methods::*;

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
    Ok(a.items.into_iter().next().map(|x| x.1).unwrap_or(Value::Null))
}
