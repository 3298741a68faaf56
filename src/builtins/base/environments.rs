//! Environments and variables: `environment`, `new.env`, `globalenv`, `emptyenv`, `parent.frame`, `environmentName`, `assign`, `get`, `get0`, `exists`, `rm`, `ls`, `local`.

use crate::builtins::base::lang::env_arg;
use crate::builtins::base::lang::first_expr;
use crate::builtins::{declared, eager, special, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::ast::Const;
use crate::syntax::ast::ExprKind;
use crate::syntax::ast::{Arg, Expr};
use crate::syntax::sym::Sym;
use crate::value::{Env, Value};

pub const BUILTINS: &[Builtin] = &[
    eager("environment", environment),
    declared("new.env", new_env),
    eager("globalenv", globalenv),
    declared("emptyenv", emptyenv),
    declared("baseenv", baseenv),
    declared("topenv", topenv),
    declared("as.environment", as_environment_fn),
    declared("parent.env", parent_env),
    declared("parent.env<-", set_parent_env),
    declared("environment<-", set_environment),
    declared("sys.calls", sys_calls),
    declared("sys.frames", sys_frames),
    declared("sys.nframe", sys_nframe),
    declared("sys.frame", sys_frame),
    special("delayedAssign", delayed_assign),
    declared("makeActiveBinding", make_active_binding),
    declared("lockBinding", binding_noop),
    declared("unlockBinding", binding_noop),
    declared("lockEnvironment", lock_environment),
    declared("environmentIsLocked", never_locked),
    declared("bindingIsLocked", never_locked),
    declared("reg.finalizer", reg_finalizer),
    eager("parent.frame", parent_frame),
    eager("environmentName", environment_name),
    declared("assign", assign),
    declared("get", get),
    declared("get0", get0),
    declared("exists", exists),
    special("rm", rm_special),
    special("remove", rm_special),
    eager("ls", ls),
    special("local", local),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("environment", "environment(fun = NULL)",
            "Returns the environment a function was defined in; with no argument, the current evaluation \
             environment."),
        doc("new.env", "new.env(hash = TRUE, parent = parent.frame(), size = 29L)",
            "Creates a new, empty environment whose enclosing environment is parent."),
        doc("globalenv", "globalenv()", "Returns the global environment, where top-level assignments go."),
        doc("emptyenv", "emptyenv()",
            "Returns the empty environment, the end of every chain of enclosing environments."),
        doc("baseenv", "baseenv()", "Returns the base environment, where rsc's functions live."),
        doc("topenv", "topenv(envir = parent.frame(), matchThisEnv = NULL)",
            "The first top-level environment (global or base) on envir's chain of enclosures."),
        doc("as.environment", "as.environment(x)",
            "The environment x names: an environment itself, a search-list position (1 is the global \
             environment), a search-list name such as \".GlobalEnv\" or \"package:stats\", or a list whose \
             named elements become the variables of a new environment."),
        doc("parent.env", "parent.env(env)", "The enclosing environment of env."),
        doc("parent.env<-", "`parent.env<-`(env, value)", "Sets the enclosing environment of env to value."),
        doc("environment<-", "`environment<-`(fun, value)",
            "A copy of the function fun whose environment is value."),
        doc("sys.calls", "sys.calls()", "The calls of all active functions, outermost first, as a list."),
        doc("sys.frames", "sys.frames()",
            "The environments of all active functions, outermost first, as a list."),
        doc("sys.nframe", "sys.nframe()", "The number of active function calls (0 at top level)."),
        doc("sys.frame", "sys.frame(which = 0)",
            "The environment of the which-th active call (0: the global environment; negative: counted back \
             from the current one)."),
        doc("delayedAssign", "delayedAssign(x, value, eval.env = parent.frame(1), assign.env = parent.frame(1))",
            "Binds the variable x to a promise: value is evaluated (in eval.env) the first time x is used."),
        doc("makeActiveBinding", "makeActiveBinding(sym, fun, env)",
            "Binds sym in env to the value fun() returns now (rsc has no active bindings that rerun fun on each \
             access)."),
        doc("lockBinding", "lockBinding(sym, env)",
            "Accepted for compatibility; rsc does not lock bindings."),
        doc("unlockBinding", "unlockBinding(sym, env)",
            "Accepted for compatibility; rsc does not lock bindings."),
        doc("lockEnvironment", "lockEnvironment(env, bindings = FALSE)",
            "Accepted for compatibility; rsc does not lock environments."),
        doc("environmentIsLocked", "environmentIsLocked(env)", "FALSE: rsc does not lock environments."),
        doc("bindingIsLocked", "bindingIsLocked(sym, env)", "FALSE: rsc does not lock bindings."),
        doc("reg.finalizer", "reg.finalizer(e, f, onexit = FALSE)",
            "Accepted for compatibility: rsc runs no finalizers. Returns NULL."),
        doc("parent.frame", "parent.frame(n = 1)",
            "Returns the environment of the function that called the current one (n generations back), which is \
             where its arguments were written."),
        doc("environmentName", "environmentName(env)",
            "Returns the name of an environment, such as \"R_GlobalEnv\" or \"base\", or \"\" for an unnamed one."),
        doc("assign", "assign(x, value, pos = -1, envir = as.environment(pos), inherits = FALSE, immediate = TRUE)",
            "Binds the variable whose name is the string x to value in envir (by default the current environment) \
             and returns value invisibly."),
        doc("get", "get(x, pos = -1L, envir = as.environment(pos), mode = \"any\", inherits = TRUE)",
            "Returns the value of the variable whose name is the string x, searching envir and its enclosing \
             environments. With mode = \"function\" only functions are considered. An unknown name is an error."),
        doc("get0", "get0(x, envir = pos.to.env(-1L), mode = \"any\", inherits = TRUE, ifnotfound = NULL)",
            "Like get, but returns ifnotfound instead of failing when no variable is named x."),
        doc("exists", "exists(x, where = -1, envir = as.environment(where), frame, mode = \"any\", inherits = TRUE)",
            "TRUE when a variable named by the string x is visible from envir (or defined in envir itself when \
             inherits = FALSE)."),
        doc("rm", "rm(..., list = character(), envir = parent.frame())",
            "Removes variables from an environment (by default the current one). Names can be given bare or as \
             strings, or as a character vector in list; rm(list = ls()) clears the workspace."),
        doc("remove", "remove(..., list = character(), envir = parent.frame())",
            "A synonym of rm: removes the named variables from an environment."),
        doc("ls", "ls(name, pos = -1L, envir = as.environment(pos), all.names = FALSE, pattern, sorted = TRUE)",
            "Returns the sorted names of the variables in an environment, by default the current one. Names \
             beginning with a dot are left out unless all.names = TRUE."),
        doc("local", "local(expr, envir = new.env())",
            "Evaluates expr in a fresh environment, so that variables it creates do not leak into the caller. \
             Returns the value of expr."),
    ]
};

pub fn assign(it: &mut Interp, m: Matched) -> EvalResult {
    let name = m.req("x")?.as_string().unwrap_or_default();
    let v = m.req("value")?.clone();
    let env = env_arg(it, m.get("envir").or(m.get("pos")));
    let s = Sym::new(&name);
    if it.is_random_seed(s, &env) && it.set_random_seed(&v) {
        env.remove(s);
    } else {
        env.set(s, v.clone());
    }
    it.visible = false;
    Ok(v)
}

pub fn environment(it: &mut Interp, a: Args) -> EvalResult {
    match a.items.first().map(|x| &x.1) {
        Some(Value::Closure(c)) => Ok(Value::Env(c.env.clone())),
        Some(Value::Null) | None => Ok(Value::Env(
            it.frames
                .last()
                .map(|f| f.env.clone())
                .unwrap_or_else(|| it.global.clone()),
        )),
        Some(v) => Ok(v.get_attr(".Environment").cloned().unwrap_or(Value::Null)),
    }
}

pub fn environment_name(it: &mut Interp, a: Args) -> EvalResult {
    match a.items.first().map(|x| &x.1) {
        Some(Value::Env(e)) => {
            let n = e.0.borrow().name.clone().unwrap_or_default();
            let _ = it;
            Ok(Value::str(&n))
        }
        _ => Ok(Value::str("")),
    }
}

pub fn exists(it: &mut Interp, m: Matched) -> EvalResult {
    let name = m.req("x")?.as_string().unwrap_or_default();
    let env = env_arg(it, m.get("envir").or(m.get("where")));
    let inherits = m
        .get("inherits")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let s = Sym::new(&name);
    let mode = m.get("mode").and_then(|v| v.as_string()).unwrap_or_else(|| "any".into());
    if mode != "any" {
        // the first binding of that mode along the chain (R skips bindings of other modes)
        let fits = |v: &Value| {
            let vm = super::types::mode_name(v);
            vm == mode || (mode == "function" && matches!(v, Value::Closure(_) | Value::Builtin(_)))
        };
        let mut cur = Some(env);
        while let Some(e) = cur {
            if e.get_local(s).is_some_and(|v| fits(&v)) {
                return Ok(Value::lgl(true));
            }
            if !inherits {
                return Ok(Value::lgl(false));
            }
            cur = e.parent();
        }
        let late = matches!(it.late_binding(s), Some(Ok(ref v)) if fits(v));
        return Ok(Value::lgl(late));
    }
    let found = if inherits {
        env.lookup(s).is_some() || matches!(it.late_binding(s), Some(Ok(_)))
    } else {
        env.has_local(s) || (it.is_random_seed(s, &env) && it.rng.seeded)
    };
    Ok(Value::lgl(found))
}

pub fn get(it: &mut Interp, m: Matched) -> EvalResult {
    let name = m.req("x")?.as_string().unwrap_or_default();
    let env = env_arg(it, m.get("envir").or(m.get("pos")));
    let mode = m
        .get("mode")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "any".into());
    if mode == "function" {
        return it.get_function(Sym::new(&name), &env);
    }
    it.get_var(Sym::new(&name), &env)
}

pub fn get0(it: &mut Interp, m: Matched) -> EvalResult {
    let name = m.req("x")?.as_string().unwrap_or_default();
    let env = env_arg(it, m.get("envir"));
    let inherits = m.get("inherits").and_then(|v| v.as_bool().flatten()).unwrap_or(true);
    let mode = m.get("mode").and_then(|v| v.as_string()).unwrap_or_else(|| "any".into());
    let fits = |v: &Value| mode == "any" || (mode == "function" && v.is_function())
        || crate::value::class::type_of(v) == mode
        || (mode == "numeric" && matches!(crate::value::class::type_of(v), "double" | "integer"));
    let s = Sym::new(&name);
    let mut cur = Some(env);
    while let Some(e) = cur {
        if let Some(v) = e.get_local(s) {
            let v = match v {
                Value::Promise(p) => it.force(&p)?,
                v => v,
            };
            if fits(&v) {
                return Ok(v);
            }
        }
        if !inherits {
            break;
        }
        cur = e.parent();
    }
    if inherits {
        if let Some(r) = it.late_binding(s) {
            let v = r?;
            if fits(&v) {
                return Ok(v);
            }
        }
    }
    Ok(m.get("ifnotfound").cloned().unwrap_or(Value::Null))
}

pub fn globalenv(it: &mut Interp, _a: Args) -> EvalResult {
    Ok(Value::Env(it.global.clone()))
}

pub fn local(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(e) = first_expr(args) else {
        return Ok(Value::Null);
    };
    let target = match args.get(1).and_then(|a| a.value.as_ref()) {
        Some(x) => match it.eval(x, env)? {
            Value::Env(e) => e,
            _ => Env::new(Some(env.clone())),
        },
        None => Env::new(Some(env.clone())),
    };
    it.eval(e, &target)
}

pub fn ls(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["name", "pos", "envir", "all.names", "pattern", "sorted"])?;
    let env = env_arg(it, m.get("envir").or(m.get("name")).or(m.get("pos")));
    let all = m
        .get("all.names")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let pattern = match m.get("pattern").and_then(|v| v.as_string()) {
        Some(p) => Some(regex::Regex::new(&p).map_err(|e| crate::error::RError::runtime(format!("invalid 'pattern': {}", e)))?),
        None => None,
    };
    let mut names: Vec<String> = env
        .names()
        .iter()
        .map(|s| s.to_string())
        .filter(|s| all || !s.starts_with('.'))
        .filter(|s| pattern.as_ref().is_none_or(|p| p.is_match(s)))
        .collect();
    if env.ptr_eq(&it.base) {
        // the base functions written in R are bound on first use: list them all
        let seen: std::collections::HashSet<String> = names.iter().cloned().collect();
        let more: Vec<String> = crate::builtins::r_defined::names()
            .filter(|s| all || !s.starts_with('.'))
            .filter(|s| pattern.as_ref().is_none_or(|p| p.is_match(s)))
            .filter(|s| !seen.contains(*s))
            .map(str::to_string)
            .collect();
        names.extend(more);
    }
    if m.get("sorted").and_then(|v| v.as_bool().flatten()) != Some(false) {
        names.sort_by(|a, b| crate::value::collate::collate(a, b));
    }
    Ok(Value::strings(&names))
}

pub fn new_env(it: &mut Interp, m: Matched) -> EvalResult {
    let parent = match m.get("parent") {
        Some(Value::Env(e)) => e.clone(),
        _ => it
            .frames
            .last()
            .map(|f| f.env.clone())
            .unwrap_or_else(|| it.global.clone()),
    };
    Ok(Value::Env(Env::new(Some(parent))))
}

pub fn parent_frame(it: &mut Interp, _a: Args) -> EvalResult {
    // the caller of the function that called parent.frame()
    Ok(Value::Env(
        it.frames
            .last()
            .map(|f| f.caller.clone())
            .unwrap_or_else(|| it.global.clone()),
    ))
}

pub fn rm_special(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let mut target = it
        .frames
        .iter()
        .rev()
        .find(|f| f.env.ptr_eq(env))
        .map(|f| f.env.clone())
        .unwrap_or_else(|| env.clone());
    let mut names = Vec::new();
    for a in args {
        match (a.name.map(|n| n.as_str()), &a.value) {
            (Some("list"), Some(v)) => {
                names.extend(it.eval(v, env)?.as_strings().unwrap_or_default())
            }
            (Some("envir"), Some(v)) => {
                if let Value::Env(e) = it.eval(v, env)? {
                    target = e;
                }
            }
            (
                None,
                Some(Expr {
                    kind: ExprKind::Ident(s),
                    ..
                }),
            ) => names.push(s.to_string()),
            (
                None,
                Some(Expr {
                    kind: ExprKind::Const(Const::Str(s)),
                    ..
                }),
            ) => names.push(s.to_string()),
            _ => {}
        }
    }
    for n in names {
        let s = Sym::new(&n);
        if it.is_random_seed(s, &target) && !target.has_local(s) && it.remove_random_seed() {
            continue;
        }
        if !target.remove(s) {
            it.warning(format!("object '{}' not found", n));
        }
    }
    it.visible = false;
    Ok(Value::Null)
}

/// The environment `v` names, as `as.environment` reads it.
pub fn as_environment(it: &Interp, v: &Value) -> EvalResult<Env> {
    if let Value::Env(e) = v {
        return Ok(e.clone());
    }
    if let Some(s) = v.as_string().filter(|_| v.vtype() == Some(crate::value::VType::Str)) {
        return match s.as_str() {
            ".GlobalEnv" => Ok(it.global.clone()),
            "package:base" | "base" => Ok(it.base.clone()),
            p if p.starts_with("package:") && it.packages.iter().any(|x| *x == p[8..]) => {
                Ok(it.base.clone())
            }
            _ => err(format!("no item called \"{}\" on the search list", s)),
        };
    }
    if v.vtype() == Some(crate::value::VType::List) {
        let e = Env::new(it.base.parent());
        let names = v.names().unwrap_or_default();
        for (i, item) in v.list_vec().iter().enumerate() {
            if let Some(Some(n)) = names.get(i) {
                e.set(Sym::new(n), item.clone());
            }
        }
        return Ok(e);
    }
    match v.as_f64().map(|p| p as i64) {
        Some(-1) => Ok(current_env(it)),
        Some(1) => Ok(it.global.clone()),
        Some(p) if p > 1 => {
            let mut cur = Some(it.global.clone());
            for _ in 1..p {
                cur = cur.and_then(|e| e.parent());
            }
            Ok(cur.filter(|e| e.parent().is_some()).unwrap_or_else(|| it.base.clone()))
        }
        _ => err("invalid 'pos' argument"),
    }
}

fn current_env(it: &Interp) -> Env {
    it.frames.last().map(|f| f.env.clone()).unwrap_or_else(|| it.global.clone())
}

fn env_of(m: &Matched, name: &str) -> EvalResult<Env> {
    match m.get(name) {
        Some(Value::Env(e)) => Ok(e.clone()),
        _ => err("argument is not an environment"),
    }
}

fn emptyenv(it: &mut Interp, _m: Matched) -> EvalResult {
    Ok(Value::Env(it.base.parent().unwrap_or_else(|| it.base.clone())))
}

fn baseenv(it: &mut Interp, _m: Matched) -> EvalResult {
    Ok(Value::Env(it.base.clone()))
}

fn topenv(it: &mut Interp, m: Matched) -> EvalResult {
    let mut cur = match m.get("envir") {
        Some(Value::Env(e)) => Some(e.clone()),
        _ => Some(current_env(it)),
    };
    while let Some(e) = cur {
        if e.ptr_eq(&it.global) || e.ptr_eq(&it.base) {
            return Ok(Value::Env(e));
        }
        cur = e.parent();
    }
    Ok(Value::Env(it.global.clone()))
}

fn as_environment_fn(it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::Env(as_environment(it, m.req("x")?)?))
}

fn parent_env(_it: &mut Interp, m: Matched) -> EvalResult {
    match env_of(&m, "env")?.parent() {
        Some(p) => Ok(Value::Env(p)),
        None => err("the empty environment has no parent"),
    }
}

fn set_parent_env(_it: &mut Interp, m: Matched) -> EvalResult {
    let env = env_of(&m, "env")?;
    let parent = env_of(&m, "value").map_err(|_| crate::error::Flow::from(
        crate::error::RError::runtime("'parent' is not an environment")))?;
    env.0.borrow_mut().parent = Some(parent);
    Ok(Value::Env(env))
}

fn set_environment(_it: &mut Interp, m: Matched) -> EvalResult {
    let env = env_of(&m, "value")?;
    match m.req("fun")? {
        Value::Closure(c) => Ok(Value::Closure(std::rc::Rc::new(crate::value::Closure {
            params: c.params.clone(),
            body: c.body.clone(),
            env,
            attrs: c.attrs.clone(),
        }))),
        v => {
            let mut v = v.clone();
            v.set_attr(Sym::new(".Environment"), Value::Env(env));
            Ok(v)
        }
    }
}


/// The user's function frames (the builtin that asks is not one of them).
fn sys_calls(it: &mut Interp, _m: Matched) -> EvalResult {
    if it.frames.is_empty() {
        return Ok(Value::Null);
    }
    let calls: Vec<Value> = it
        .frames
        .iter()
        .map(|f| crate::eval::lang_list::lang_or_const(&f.call))
        .collect();
    Ok(Value::list(calls))
}

fn sys_frames(it: &mut Interp, _m: Matched) -> EvalResult {
    if it.frames.is_empty() {
        return Ok(Value::Null);
    }
    Ok(Value::list(it.frames.iter().map(|f| Value::Env(f.env.clone())).collect()))
}

fn sys_nframe(it: &mut Interp, _m: Matched) -> EvalResult {
    Ok(Value::int(it.frames.len() as i32))
}

fn sys_frame(it: &mut Interp, m: Matched) -> EvalResult {
    let which = m.get("which").and_then(|v| v.as_f64()).unwrap_or(0.0) as i64;
    let n = it.frames.len() as i64;
    let k = if which > 0 { which } else { n + which };
    match k {
        0 => Ok(Value::Env(it.global.clone())),
        k if k > 0 && k <= n => Ok(Value::Env(it.frames[(k - 1) as usize].env.clone())),
        _ => err("not that many frames on the stack"),
    }
}

fn delayed_assign(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let find = |name: &str, pos: usize| crate::builtins::base::packages::arg_expr(args, name, pos).cloned();
    let Some(x) = find("x", 0) else {
        return err("argument \"x\" is missing, with no default");
    };
    let name = it.eval(&x, env)?.as_string().unwrap_or_default();
    let Some(value) = find("value", 1) else {
        return err("argument \"value\" is missing, with no default");
    };
    let eval_env = match find("eval.env", 2) {
        Some(e) => match it.eval(&e, env)? {
            Value::Env(e) => e,
            _ => return err("invalid 'eval.env' argument"),
        },
        None => env.clone(),
    };
    let assign_env = match find("assign.env", 3) {
        Some(e) => match it.eval(&e, env)? {
            Value::Env(e) => e,
            _ => return err("invalid 'assign.env' argument"),
        },
        None => env.clone(),
    };
    let promise = crate::value::Promise {
        expr: std::rc::Rc::new(value),
        env: Some(eval_env),
        value: std::cell::RefCell::new(None),
        is_default: false,
    };
    assign_env.set(Sym::new(&name), Value::Promise(std::rc::Rc::new(promise)));
    it.visible = false;
    Ok(Value::Null)
}

fn make_active_binding(it: &mut Interp, m: Matched) -> EvalResult {
    let name = match m.req("sym")? {
        Value::Lang(l) => crate::syntax::deparse::deparse(&l.expr),
        v => v.as_string().unwrap_or_default(),
    };
    let env = env_of(&m, "env")?;
    let v = it.call_value(m.req("fun")?, vec![])?;
    env.set(Sym::new(&name), v);
    it.visible = false;
    Ok(Value::Null)
}

fn binding_noop(it: &mut Interp, _m: Matched) -> EvalResult {
    it.visible = false;
    Ok(Value::Null)
}

fn lock_environment(it: &mut Interp, _m: Matched) -> EvalResult {
    it.visible = false;
    Ok(Value::Null)
}

fn never_locked(_it: &mut Interp, _m: Matched) -> EvalResult {
    Ok(Value::lgl(false))
}

fn reg_finalizer(it: &mut Interp, _m: Matched) -> EvalResult {
    it.visible = false;
    Ok(Value::Null)
}
