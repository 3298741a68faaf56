//! Restarts over the condition system: `withRestarts`, `computeRestarts`,
//! `invokeRestart` (in `session.rs`, which asks [`find`]), `tryInvokeRestart`, `isRestart`.
//!
//! A restart is established by `withRestarts` for the evaluation of its expression; invoking
//! it unwinds (a `Flow::Unwind` aimed at the establishing call) and the call returns what
//! the restart's function returns for the invoke's arguments.

use crate::builtins::{declared, special, Builtin, Matched};
use crate::error::{err, EvalResult, Flow};
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr};
use crate::syntax::sym::Sym;
use crate::value::{Env, Value};
use std::cell::RefCell;

pub const BUILTINS: &[Builtin] = &[
    special("withRestarts", with_restarts),
    declared("computeRestarts", compute_restarts),
    declared("isRestart", is_restart),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("withRestarts", "withRestarts(expr, ...)",
            "Evaluates expr with restarts given as name = function(...) arguments; invokeRestart(name, ...) \
             in expr (or in a handler it calls) leaves expr and returns the restart function's value."),
        doc("computeRestarts", "computeRestarts(cond = NULL)",
            "The restarts established now, innermost first, as a list of \"restart\" objects."),
        doc("isRestart", "isRestart(x)", "Whether x is a restart object."),
    ]
};

/// An established restart: its name, the `withRestarts` call it belongs to and its function.
struct Restart {
    name: String,
    target: usize,
    index: usize,
    func: Value,
}

thread_local! {
    static STACK: RefCell<Vec<Restart>> = const { RefCell::new(Vec::new()) };
}

/// The unwind that invokes the innermost restart named `name` with `args`; None when no
/// such restart is established.
pub fn find(name: &str, args: Vec<Value>) -> Option<Flow> {
    STACK.with(|s| {
        s.borrow().iter().rev().find(|r| r.name == name).map(|r| Flow::Unwind {
            target: r.target,
            handler: r.index,
            cond: Value::list(args),
        })
    })
}

/// A restart object as `computeRestarts` gives it.
pub fn restart_value(name: &str, func: Value) -> Value {
    let mut v = Value::named_list(vec![
        ("name".into(), Value::str(name)),
        ("exit".into(), Value::Null),
        ("handler".into(), func),
        ("description".into(), Value::str("")),
        ("test".into(), Value::Null),
        ("interactive".into(), Value::lgl(true)),
    ]);
    v.set_attr(Sym::new("class"), Value::str("restart"));
    v
}

fn with_restarts(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let mut expr = None;
    let mut specs = Vec::new();
    for a in args {
        match (a.name.map(|n| n.as_str().to_string()), &a.value) {
            (Some(n), Some(v)) if n == "expr" => expr = Some(v.clone()),
            (Some(n), Some(v)) => {
                let f = it.eval(v, env)?;
                // a restart given as a string: a restart that returns NULL
                let f = if f.is_function() { f } else { Value::Null };
                specs.push((n, f));
            }
            (None, Some(v)) if expr.is_none() => expr = Some(v.clone()),
            (None, Some(_)) => return err("not a valid restart specification"),
            _ => {}
        }
    }
    let id = it.next_handler_id;
    it.next_handler_id += 1;
    let base = STACK.with(|s| s.borrow().len());
    STACK.with(|s| {
        let mut s = s.borrow_mut();
        for (i, (n, f)) in specs.iter().enumerate() {
            s.push(Restart { name: n.clone(), target: id, index: i, func: f.clone() });
        }
    });
    let frames = it.frames.len();
    let depth = it.depth;
    let r = match &expr {
        Some(e) => it.eval(e, env),
        None => Ok(Value::Null),
    };
    STACK.with(|s| s.borrow_mut().truncate(base));
    match r {
        Err(Flow::Unwind { target, handler, cond }) if target == id => {
            it.frames.truncate(frames);
            it.depth = depth;
            let f = specs[handler].1.clone();
            if f.is_null() {
                return Ok(Value::Null);
            }
            let args = cond.list_vec().iter().map(|v| (None, v.clone())).collect();
            it.call_value(&f, args)
        }
        r => r,
    }
}

fn compute_restarts(_it: &mut Interp, _m: Matched) -> EvalResult {
    // innermost call first; one call's restarts in the order given
    let mut out: Vec<Value> = STACK.with(|s| {
        let s = s.borrow();
        let mut order: Vec<&Restart> = s.iter().collect();
        order.sort_by_key(|r| (std::cmp::Reverse(r.target), r.index));
        order.iter().map(|r| restart_value(&r.name, r.func.clone())).collect()
    });
    out.push(restart_value("abort", Value::Null));
    Ok(Value::list(out))
}

fn is_restart(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(m.get("x").is_some_and(|x| x.inherits("restart"))))
}
