//! `standardGeneric`: the dispatch of S4 generic functions. The method for the classes of
//! the arguments is looked up in the generic's cache (filled by the R-level selection,
//! `.s4_dispatch_slow`, on a miss) and called with the generic's arguments.

use super::super::{special, Builtin, Doc};
use crate::error::{err, EvalResult};
use crate::eval::call::ArgVal;
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::class::class_of;
use crate::value::{Env, Value};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[special("standardGeneric", standard_generic)];

pub const DOCS: &[Doc] = &[super::super::doc(
    "standardGeneric",
    "standardGeneric(f, fdef)",
    "Dispatches the S4 generic function f: called from the generic's body, selects the \
     method for the classes of its arguments and calls it.",
)];

/// Whether the parameter `s` of the frame `env` was not supplied.
fn is_missing(env: &Env, s: Sym) -> bool {
    match env.get_local(s) {
        Some(Value::Missing) | None => true,
        Some(Value::Promise(p)) => {
            if p.is_default {
                return true;
            }
            if let (ExprKind::Ident(s2), Some(penv)) = (&p.expr.kind, &p.env) {
                if let Some(Value::Missing) = penv.get_local(*s2) {
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

fn env_field(rec: &Env, name: &str) -> Option<Value> {
    rec.get_local(Sym::new(name))
}

fn standard_generic(it: &mut Interp, args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    let Some(fexpr) = args.first().and_then(|a| a.value.as_ref()) else {
        return err("argument \"f\" is missing, with no default");
    };
    let f = it.eval(fexpr, env)?.as_string().unwrap_or_default();
    let base = it.base.clone();
    let fast = match it.get_var(Sym::new(".S4_generics"), &base)? {
        Value::Env(g) => match g.get_local(Sym::new(&f)) {
            Some(Value::Env(rec)) => select_cached(it, &rec, env)?,
            _ => None,
        },
        _ => None,
    };
    let Some((m, formals)) = fast else {
        let slow = it.get_function(Sym::new(".s4_dispatch_slow"), &base)?;
        return it.call_value(&slow, vec![(None, Value::str(&f)), (None, Value::Env(env.clone()))]);
    };
    let mut cargs: Vec<ArgVal> = Vec::with_capacity(formals.len());
    for a in formals.iter() {
        if a == "..." {
            if env.get_local(Sym::new("...")).is_some() {
                cargs.extend(it.dots_of(env)?);
            }
        } else {
            let s = Sym::new(a);
            if !is_missing(env, s) {
                if let Some(v) = env.get_local(s) {
                    cargs.push((Some(s), v));
                }
            }
        }
    }
    match &m {
        Value::Closure(c) => {
            let c = c.clone();
            it.apply_closure(&c, cargs, Rc::new(call.clone()), env, m.clone())
        }
        f => it.call_value(f, cargs),
    }
}

/// The cached method for the classes of the frame's arguments, with the generic's
/// formals; None when the cache has no entry yet.
fn select_cached(it: &mut Interp, rec: &Env, env: &Env) -> EvalResult<Option<(Value, Vec<String>)>> {
    let sig = env_field(rec, "sig").and_then(|v| v.as_strings()).unwrap_or_default();
    let formals = env_field(rec, "formals").and_then(|v| v.as_strings()).unwrap_or_default();
    let Some(Value::Env(cache)) = env_field(rec, "cache") else {
        return Ok(None);
    };
    let mut key = String::new();
    for (i, a) in sig.iter().enumerate() {
        if i > 0 {
            key.push('#');
        }
        if a == "..." {
            // dispatch on `...` is selected in R each time
            return Ok(None);
        }
        let s = Sym::new(a);
        if !formals.iter().any(|f| f == a) || is_missing(env, s) {
            key.push_str("missing");
            continue;
        }
        let v = it.get_var(s, env)?;
        key.push_str(&class_of(&v).join("/"));
    }
    Ok(cache.get_local(Sym::new(&key)).map(|m| (m, formals)))
}
