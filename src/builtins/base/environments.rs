//! Environments and variables: `environment`, `new.env`, `globalenv`, `emptyenv`, `parent.frame`, `environmentName`, `assign`, `get`, `get0`, `exists`, `rm`, `ls`, `local`.

use crate::builtins::base::lang::env_arg;
use crate::builtins::base::lang::first_expr;
use crate::builtins::{declared, eager, special, Args, Builtin, Matched};
use crate::error::EvalResult;
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
    eager("emptyenv", globalenv),
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
            "Returns the empty environment, the end of every chain of enclosing environments (in rsc it is \
             represented by the global environment)."),
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
    env.set(Sym::new(&name), v.clone());
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
    Ok(Value::lgl(if inherits {
        env.lookup(s).is_some()
    } else {
        env.has_local(s)
    }))
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
    match env.lookup(Sym::new(&name)) {
        Some(_) => it.get_var(Sym::new(&name), &env),
        None => Ok(m.get("ifnotfound").cloned().unwrap_or(Value::Null)),
    }
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
    let env = env_arg(it, m.get("envir").or(m.get("name")));
    let all = m
        .get("all.names")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let mut names: Vec<String> = env
        .names()
        .iter()
        .map(|s| s.to_string())
        .filter(|s| all || !s.starts_with('.'))
        .collect();
    names.sort_by(|a, b| crate::value::collate::collate(a, b));
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
        if !target.remove(Sym::new(&n)) {
            it.warning(format!("object '{}' not found", n));
        }
    }
    it.visible = false;
    Ok(Value::Null)
}
