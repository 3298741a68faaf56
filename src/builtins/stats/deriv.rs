//! `D` and the kernel of `deriv`/`deriv3`: symbolic derivatives of R expressions
//! (rules and simplifications in `crate::stats::deriv`). The generic `deriv` and its
//! methods are R code in `builtins/R/stats_smooth.R`.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::lang_list::{lang_or_const, value_to_expr};
use crate::eval::Interp;
use crate::stats::deriv;
use crate::syntax::ast::{Expr, ExprKind, Param};
use crate::syntax::sym::Sym;
use crate::value::{Closure, Value};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[declared("D", d_fn), declared(".deriv", deriv_fn)];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("D", "D(expr, name)",
            "The derivative of a call (or expression) with respect to the variable name, by R's derivative \
             table and simplifications."),
        doc(".deriv", ".deriv(expr, namevec, function.arg = NULL, tag = \".expr\", hessian = FALSE)",
            "The program deriv() builds: an expression, or a function when function.arg is a function, \
             character vector or TRUE."),
    ]
};

/// The expression to differentiate: a call, symbol or number, or the first element of an
/// expression vector; the right-hand side of a formula.
fn target(v: &Value) -> EvalResult<Expr> {
    let e = if v.inherits("expression") {
        match v.list_vec().first() {
            Some(x) => value_to_expr(x),
            None => return err("invalid expression"),
        }
    } else {
        match v {
            Value::Lang(_) => value_to_expr(v),
            Value::Vector(_) if matches!(v.vtype(), Some(crate::value::VType::Dbl | crate::value::VType::Int | crate::value::VType::Lgl)) => {
                value_to_expr(v)
            }
            _ => return err(format!("expression must not be type '{}'", crate::value::class::type_of(v))),
        }
    };
    Ok(match e.kind {
        ExprKind::Formula(_, rhs) => std::rc::Rc::unwrap_or_clone(rhs),
        _ => e,
    })
}

fn d_fn(it: &mut Interp, m: Matched) -> EvalResult {
    let e = target(m.req("expr")?)?;
    let names = match m.req("name")?.as_strings() {
        Some(n) if !n.is_empty() && m.req("name")?.vtype() == Some(crate::value::VType::Str) => n,
        _ => return err("variable must be a character string"),
    };
    if names.len() > 1 {
        it.warning("only the first element is used as variable name");
    }
    match deriv::deriv_expr(&e, &names[0]) {
        Ok(r) => Ok(lang_or_const(&r)),
        Err(msg) => err(msg),
    }
}

fn deriv_fn(it: &mut Interp, m: Matched) -> EvalResult {
    let e = target(m.req("expr")?)?;
    let namev = m.req("namevec")?;
    let names = match namev.as_strings() {
        Some(n) if !n.is_empty() && namev.vtype() == Some(crate::value::VType::Str) => n,
        _ => return err("invalid variable names"),
    };
    let tag = m.get("tag").and_then(|v| v.as_string()).unwrap_or_else(|| ".expr".into());
    if tag.is_empty() || tag.len() > 60 {
        return err("invalid tag");
    }
    let hessian = m.get("hessian").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    let block = match deriv::deriv_block(&e, &names, &tag, hessian) {
        Ok(b) => b,
        Err(msg) => return err(msg),
    };
    let farg = m.get("function.arg").cloned().unwrap_or(Value::Null);
    let params_of = |ns: &[String]| -> Rc<Vec<Param>> {
        Rc::new(ns.iter().map(|n| Param { name: Sym::new(n), default: None }).collect())
    };
    let closure = |params: Rc<Vec<Param>>, env| {
        Value::Closure(Rc::new(Closure { params, body: Rc::new(block.clone()), env, attrs: None }))
    };
    match &farg {
        Value::Closure(c) => Ok(closure(c.params.clone(), c.env.clone())),
        Value::Vector(_) if farg.vtype() == Some(crate::value::VType::Str) => {
            let ns = farg.as_strings().unwrap_or_default();
            Ok(closure(params_of(&ns), it.global.clone()))
        }
        Value::Vector(_) if farg.vtype() == Some(crate::value::VType::Lgl) && farg.as_bool().flatten() == Some(true) => {
            Ok(closure(params_of(&names), it.global.clone()))
        }
        _ => Ok(crate::builtins::base::expressions::expression_value(vec![lang_or_const(&block)])),
    }
}
