//! The evaluator's side of S4 objects (the methods package lives in `builtins/methods`):
//! slot access with `@`, the superclasses S3 dispatch and `inherits()` see, and the hook
//! through which builtins and operators with S4 methods dispatch to them.

use super::call::ArgVal;
use super::Interp;
use crate::error::{err, EvalResult};
use crate::syntax::ast::Expr;
use crate::syntax::sym::Sym;
use crate::value::class::{is_s4, S4_NULL_SLOT};
use crate::value::{Env, Value};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Calls the S4 method of a builtin or operator for these arguments, or declines with `None`
/// when no S4 method applies.
pub type S4DispatchFn = fn(&mut Interp, &str, &[ArgVal], &Env) -> Option<EvalResult>;

/// What the methods package tells the evaluator.
#[derive(Default)]
pub struct S4State {
    /// Each S4 class's superclasses, nearest first.
    pub supers: HashMap<String, Rc<Vec<String>>>,
    /// Builtins and operators (`length`, `[`, `+`, ...) that have S4 methods.
    pub prims: HashSet<String>,
    /// The dispatcher for them (set by the methods package).
    pub hook: Option<S4DispatchFn>,
}

impl Interp {
    /// Whether a call of the builtin or operator `name` should try S4 methods first: some
    /// are defined for it and an argument is an S4 object (as in R, S3 objects and basic
    /// types go to the internal code and its S3 dispatch).
    #[inline]
    pub fn s4_wants(&self, name: &str, args: &[ArgVal]) -> bool {
        !self.s4.prims.is_empty()
            && self.s4.prims.contains(name)
            && args.iter().any(|(_, v)| v.attrs().is_some() && is_s4(v))
    }

    /// Tries the S4 methods of the builtin or operator `name` (see [`S4State::hook`]).
    pub fn s4_dispatch(&mut self, name: &str, args: &[ArgVal], env: &Env) -> Option<EvalResult> {
        if !self.s4_wants(name, args) {
            return None;
        }
        let hook = self.s4.hook?;
        hook(self, name, args, env)
    }

    /// The superclasses of an S4 class, nearest first (empty for other classes).
    pub fn s4_supers(&self, class: &str) -> Option<Rc<Vec<String>>> {
        self.s4.supers.get(class).cloned()
    }
}

/// `x@name`: the slot, R's `.Data` part, or R's error for a missing slot.
pub fn get_slot(x: &Value, name: &str) -> EvalResult {
    if let Some(v) = x.get_attr(name) {
        return Ok(from_slot(v));
    }
    if name == ".Data" {
        // the data part: the value without its slots and class (a matrix keeps its dims)
        let mut d = x.clone();
        let dim = x.get_attr("dim").cloned();
        let dimnames = x.get_attr("dimnames").cloned();
        d.clear_attrs();
        if let Some(v) = dim {
            d.set_attr(Sym::new("dim"), v);
            if let Some(n) = dimnames {
                d.set_attr(Sym::new("dimnames"), n);
            }
        }
        return Ok(d);
    }
    if name == ".xData" {
        if let Value::Env(_) = x {
            return Ok(x.clone());
        }
    }
    let cls = crate::value::class::class_of(x);
    let cls = cls.first().cloned().unwrap_or_default();
    if is_s4(x) {
        err(format!(
            "no slot of name \"{}\" for this object of class \"{}\"",
            name, cls
        ))
    } else if x.get_attr("class").is_some() {
        err(format!(
            "trying to get slot \"{}\" from an object (class \"{}\") that is not an S4 object ",
            name, cls
        ))
    } else {
        err(format!(
            "trying to get slot \"{}\" from an object of a basic class (\"{}\") with no slots",
            name, cls
        ))
    }
}

/// A slot's stored value as the script sees it (R stores NULL as a marker symbol).
pub fn from_slot(v: &Value) -> Value {
    match v {
        Value::Lang(l) => match &l.expr.kind {
            crate::syntax::ast::ExprKind::Ident(s) if s.as_str() == S4_NULL_SLOT => Value::Null,
            _ => v.clone(),
        },
        _ => v.clone(),
    }
}

/// A value as stored in a slot (NULL becomes R's marker symbol).
pub fn to_slot(v: Value) -> Value {
    if v.is_null() {
        Value::Lang(Rc::new(crate::value::Lang {
            expr: Rc::new(Expr::new(
                crate::syntax::ast::ExprKind::Ident(Sym::new(S4_NULL_SLOT)),
                Default::default(),
            )),
            attrs: None,
        }))
    } else {
        v
    }
}

/// Sets a slot without checks: `.Data` replaces the data part, NULL is stored as R's marker.
pub fn set_slot(x: &mut Value, name: &str, value: Value) {
    if name == ".Data" {
        // the object's slots and class stay; the shape (dim, dimnames) comes from the
        // new data when it has one, and is kept only when the length is unchanged
        let attrs = x.attrs().cloned();
        let has_dim = value.get_attr("dim").is_some();
        let same_len = value.len() == x.len();
        let mut v = value;
        let shape: Vec<(Sym, Value)> = ["dim", "dimnames"]
            .iter()
            .filter_map(|n| v.get_attr(n).cloned().map(|a| (Sym::new(n), a)))
            .collect();
        v.clear_attrs();
        if let Some(a) = attrs {
            for (k, val) in a {
                let structural = matches!(k.as_str(), "dim" | "dimnames" | "names");
                if structural && (has_dim || !same_len) {
                    continue;
                }
                v.set_attr(k, val);
            }
        }
        for (k, a) in shape {
            v.set_attr(k, a);
        }
        *x = v;
        return;
    }
    x.set_attr(Sym::new(name), to_slot(value));
}

impl Interp {
    /// The class attribute as S3 dispatch sees it: an S4 object's class followed by its
    /// superclasses.
    pub fn s3_classes(&self, v: &Value) -> Option<Vec<String>> {
        let mut c = v.class_attr()?;
        if c.len() == 1 && !self.s4.supers.is_empty() {
            if let Some(s) = self.s4.supers.get(&c[0]) {
                c.extend(s.iter().cloned());
            }
        }
        Some(c)
    }
}

/// `x@name <- value`: on an S4 object, R's check that the class has the slot and the value
/// the slot's class (the methods package's `.s4_check_slot`), then the assignment.
pub fn assign_slot(
    it: &mut Interp,
    x: &mut Value,
    name: &str,
    value: Value,
    env: &Env,
) -> EvalResult<()> {
    if is_s4(x) {
        if let Ok(f) = it.get_function(Sym::new(".s4_check_slot"), env) {
            let args = vec![(None, x.clone()), (None, Value::str(name)), (None, value.clone())];
            it.call_value(&f, args)?;
        }
    }
    set_slot(x, name, value);
    Ok(())
}
