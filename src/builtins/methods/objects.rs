//! The builtins under the methods package's R code: S4 objects and slots, the class table
//! the evaluator's S3 dispatch reads, and dispatch of builtins that have S4 methods.

use super::super::{declared, doc, Builtin, Doc, Matched};
use crate::error::{err, EvalResult};
use crate::eval::call::ArgVal;
use crate::eval::slots as s4;
use crate::eval::Interp;
use crate::syntax::ast::ExprKind;
use crate::syntax::sym::Sym;
use crate::value::class::{class_of, is_s4};
use crate::value::{Env, Value};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    declared("isS4", is_s4_fn),
    declared("slot", slot),
    declared(".s4_set_slot", set_slot),
    declared(".s4_basis", basis),
    declared(".s4_set_class", set_class),
    declared(".s4_register_class", register_class),
    declared(".s4_add_prims", add_prims),
    declared(".s4_internal", internal),
    declared(".s4_with_env", with_env),
];

pub const DOCS: &[Doc] = &[
    doc("isS4", "isS4(object)", "Whether object is an S4 object (or a Reference class object)."),
    doc("slot", "slot(object, name)", "The slot called name of an S4 object (as object@name)."),
    doc(".s4_set_slot", ".s4_set_slot(object, name, value)",
        "Sets a slot without checking its class (internal to the methods package)."),
    doc(".s4_basis", ".s4_basis(class, package)",
        "A new S4 object of class with no slots and no data part (internal)."),
    doc(".s4_set_class", ".s4_set_class(x, class, package)",
        "x with the S4 class attribute class from package (internal)."),
    doc(".s4_register_class", ".s4_register_class(class, supers)",
        "Tells S3 dispatch and inherits() the superclasses of an S4 class, nearest first (internal)."),
    doc(".s4_add_prims", ".s4_add_prims(names)",
        "Marks builtins and operators as having S4 methods (internal)."),
    doc(".s4_internal", ".s4_internal(name, args)",
        "Calls the builtin name on a list of arguments without S4 dispatch (internal)."),
    doc(".s4_with_env", ".s4_with_env(f, vars)",
        "f with a new environment, a child of its own, holding the named list vars (internal)."),
];

fn is_s4_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(m.get("object").is_some_and(is_s4)))
}

fn name_arg(m: &Matched, what: &str) -> EvalResult<String> {
    match m.get(what).and_then(|v| v.as_string()) {
        Some(s) => Ok(s),
        None => err(format!("invalid type or length for slot name")),
    }
}

fn slot(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("object")?;
    let name = name_arg(&m, "name")?;
    s4::get_slot(x, &name)
}

fn set_slot(_it: &mut Interp, m: Matched) -> EvalResult {
    let mut x = m.req("object")?.clone();
    let name = name_arg(&m, "name")?;
    let v = m.get("value").cloned().unwrap_or(Value::Null);
    s4::set_slot(&mut x, &name, v);
    Ok(x)
}

fn class_value(class: &str, package: &str) -> Value {
    let mut c = Value::str(class);
    c.set_attr(Sym::new("package"), Value::str(package));
    c
}

fn basis(_it: &mut Interp, m: Matched) -> EvalResult {
    let class = name_arg(&m, "class")?;
    let pkg = m.get("package").and_then(|v| v.as_string()).unwrap_or(".GlobalEnv".into());
    let mut x = Value::list(vec![]);
    x.set_attr(Sym::new("class"), class_value(&class, &pkg));
    Ok(x)
}

fn set_class(_it: &mut Interp, m: Matched) -> EvalResult {
    let mut x = m.req("x")?.clone();
    let class = name_arg(&m, "class")?;
    let pkg = m.get("package").and_then(|v| v.as_string()).unwrap_or(".GlobalEnv".into());
    if matches!(x, Value::Null | Value::Env(_) | Value::Builtin(_)) {
        return err(format!("cannot give an object of type '{}' the class \"{}\"",
            crate::value::class::type_of(&x), class));
    }
    x.set_attr(Sym::new("class"), class_value(&class, &pkg));
    Ok(x)
}

fn register_class(it: &mut Interp, m: Matched) -> EvalResult {
    let class = name_arg(&m, "class")?;
    let supers = m.get("supers").and_then(|v| v.as_strings()).unwrap_or_default();
    it.s4.supers.insert(class, Rc::new(supers));
    it.visible = false;
    Ok(Value::Null)
}

fn add_prims(it: &mut Interp, m: Matched) -> EvalResult {
    for n in m.get("names").and_then(|v| v.as_strings()).unwrap_or_default() {
        it.s4.prims.insert(n);
    }
    it.visible = false;
    Ok(Value::Null)
}

/// Calls a builtin with its S4 methods switched off for the call (the default method).
fn internal(it: &mut Interp, m: Matched) -> EvalResult {
    let name = name_arg(&m, "name")?;
    let args = list_args(m.get("args").cloned().unwrap_or(Value::Null));
    let f = match it.base.get_local(Sym::new(&name)) {
        Some(f @ Value::Builtin(_)) => f,
        _ => return err(format!("no internal function \"{}\"", name)),
    };
    let saved = std::mem::take(&mut it.s4.prims);
    let r = it.call_value(&f, args);
    restore_prims(it, saved);
    r
}

/// Puts back the set of builtins with S4 methods taken for a call, keeping any added in it.
fn restore_prims(it: &mut Interp, saved: std::collections::HashSet<String>) {
    let added = std::mem::replace(&mut it.s4.prims, saved);
    it.s4.prims.extend(added);
}

/// A list's elements as call arguments (names kept; empty names positional).
fn list_args(l: Value) -> Vec<ArgVal> {
    let names = l.names();
    let items = match &l {
        Value::Vector(_) => l.list_vec().to_vec(),
        _ => vec![],
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let n = names
                .as_ref()
                .and_then(|n| n.get(i).cloned().flatten())
                .filter(|s| !s.is_empty())
                .map(|s| Sym::new(&s));
            (n, v)
        })
        .collect()
}

fn with_env(_it: &mut Interp, m: Matched) -> EvalResult {
    let c = match m.get("f") {
        Some(Value::Closure(c)) => c,
        Some(f) => return Ok(f.clone()),
        None => return err("'f' is missing"),
    };
    let e = Env::new(Some(c.env.clone()));
    let vars = m.get("vars").cloned().unwrap_or(Value::Null);
    for (n, v) in list_args(vars) {
        if let Some(n) = n {
            e.set(n, v);
        }
    }
    let mut c2 = (**c).clone();
    c2.env = e;
    Ok(Value::Closure(Rc::new(c2)))
}

/// The class S4 dispatch sees for an argument ("missing" for an empty one).
fn dispatch_class_name(v: &Value) -> String {
    match v {
        Value::Missing => "missing".into(),
        v => class_of(v).into_iter().next().unwrap_or_else(|| "NULL".into()),
    }
}

/// The evaluator's hook for builtins and operators with S4 methods: asks the R-level
/// `.s4_prim_method` for the method these arguments' classes select, and calls it.
pub fn dispatch_prim(it: &mut Interp, name: &str, args: &[ArgVal], env: &Env) -> Option<EvalResult> {
    let sel = it.get_function(Sym::new(".s4_prim_method"), env).ok()?;
    let classes: Vec<String> = args
        .iter()
        .filter(|(n, _)| n.is_none_or(|n| n.as_str() != "drop" && n.as_str() != "exact"))
        .map(|(_, v)| dispatch_class_name(v))
        .collect();
    let objs = Value::list(
        args.iter()
            .map(|(_, v)| if matches!(v, Value::Missing) { Value::Null } else { v.clone() })
            .collect(),
    );
    // the selection runs R code that uses `$` and `[` on classed values: no S4 dispatch in it
    let saved = std::mem::take(&mut it.s4.prims);
    let picked = it.call_value(&sel, vec![(None, Value::str(name)), (None, Value::strings(&classes)), (None, objs)]);
    restore_prims(it, saved);
    match picked {
        Err(e) => Some(Err(e)),
        Ok(Value::Null) => None,
        Ok(f) => {
            if let Value::Lang(l) = &f {
                if matches!(l.expr.kind, ExprKind::Ident(_)) {
                    return None;
                }
            }
            Some(it.call_value(&f, args.to_vec()))
        }
    }
}
