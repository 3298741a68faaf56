//! The session: options, environment variables, command-line arguments, timing, `q()`, and S3 dispatch (`UseMethod`, `NextMethod`).

use crate::builtins::base::lang::cpu_times;
use crate::builtins::base::lang::first_expr;
use crate::builtins::base::lang::option_value;
use crate::builtins::base::lang::proc_time_value;
use crate::builtins::{declared, eager, special, Args, Builtin, Matched};
use crate::error::Flow;
use crate::error::{err, EvalResult};
use crate::eval::{with_call_span, Interp};
use crate::syntax::ast::ExprKind;
use crate::syntax::ast::{Arg, Expr};
use crate::syntax::sym::Sym;
use crate::value::{Env, Value};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    declared("Sys.getenv", sys_getenv),
    eager("Sys.setenv", sys_setenv),
    declared("Sys.unsetenv", sys_unsetenv),
    declared("commandArgs", command_args),
    eager("interactive", interactive),
    special("system.time", system_time),
    eager("Sys.time", sys_time),
    eager("proc.time", proc_time),
    eager("options", options),
    declared("getOption", get_option),
    declared("q", quit),
    declared("quit", quit),
    eager("UseMethod", use_method_eager),
    special("NextMethod", next_method),
    eager("invokeRestart", invoke_restart),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("Sys.getenv", "Sys.getenv(x = NULL, unset = \"\", names = NA)",
            "Returns the values of the environment variables named in x, or unset (by default \"\") for those not \
             set. With no arguments, returns all variables."),
        doc("Sys.unsetenv", "Sys.unsetenv(x)",
            "Unsets the session's environment variables named by x (TZ unset means the system's zone)."),
        doc("Sys.setenv", "Sys.setenv(...)",
            "Sets environment variables from name = value arguments. Returns a logical vector saying which were \
             set, invisibly."),
        doc("commandArgs", "commandArgs(trailingOnly = FALSE)",
            "Returns the command line of the running program as a character vector; with trailingOnly = TRUE only \
             the arguments given after the script name."),
        doc("interactive", "interactive()",
            "TRUE when running at an interactive console, FALSE when running a script."),
        doc("system.time", "system.time(expr, gcFirst = TRUE)",
            "Evaluates expr and returns how long it took, as a \"proc_time\" vector of user, system and elapsed \
             seconds."),
        doc("Sys.time", "Sys.time()",
            "Returns the current date and time as a \"POSIXct\" value (seconds since 1970-01-01 UTC)."),
        doc("proc.time", "proc.time()",
            "Returns the time used so far by the running program, as a \"proc_time\" vector of user, system and \
             elapsed seconds."),
        doc("options", "options(...)",
            "Sets global options given as name = value arguments (for example digits = 4 or warn = 1) and returns \
             their previous values invisibly, as a list that can be passed back to options() to restore them; \
             NULL unsets an option. Called with names as strings, returns the current values."),
        doc("getOption", "getOption(x, default = NULL)",
            "Returns the value of the global option named x, or default when it is not set."),
        doc("q", "q(save = \"default\", status = 0, runLast = TRUE)",
            "Ends the program, flushing output first, with status as the exit code."),
        doc("quit", "quit(save = \"default\", status = 0, runLast = TRUE)",
            "Ends the program with status as its exit code; the same as q."),
        doc("UseMethod", "UseMethod(generic, object)",
            "Dispatches an S3 generic: calls the method generic.class for the first class of object that has one, \
             falling back to generic.default. Does not return to the caller's body."),
        doc("NextMethod", "NextMethod(generic = NULL, object = NULL, ...)",
            "Inside an S3 method, calls the method for the next class in the object's class vector (or the \
             default method) with the same arguments."),
        doc("invokeRestart", "invokeRestart(r, ...)",
            "Invokes a restart from inside a condition handler. rsc supports \"muffleWarning\" and \
             \"muffleMessage\", which silence the warning or message being handled."),
    ]
};

pub fn command_args(it: &mut Interp, m: Matched) -> EvalResult {
    let trailing = m
        .get("trailingOnly")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    if trailing {
        Ok(Value::strings(&it.command_args))
    } else {
        let mut all = vec!["rsc".to_string()];
        all.extend(it.command_args.iter().cloned());
        Ok(Value::strings(&all))
    }
}

pub fn force(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(a.items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null))
}

pub fn get_option(it: &mut Interp, m: Matched) -> EvalResult {
    let name = m.req("x")?.as_string().unwrap_or_default();
    Ok(option_value(it, &name)
        .or_else(|| m.get("default").cloned())
        .unwrap_or(Value::Null))
}

pub fn interactive(it: &mut Interp, _a: Args) -> EvalResult {
    Ok(Value::lgl(it.console.is_some()))
}

pub fn invoke_restart(_it: &mut Interp, a: Args) -> EvalResult {
    let first = a.items.first().map(|x| x.1.clone()).unwrap_or(Value::Null);
    let r = if first.inherits("restart") {
        crate::eval::index::list_get(&first, "name")
            .and_then(|n| n.as_string())
            .unwrap_or_default()
    } else {
        match first.as_string() {
            Some(s) if first.len() == 1 => s,
            _ => return err("bad restart specification"),
        }
    };
    let rest: Vec<Value> = a.items.iter().skip(1).map(|x| x.1.clone()).collect();
    if let Some(flow) = crate::builtins::base::restarts::find(&r, rest) {
        return Err(flow);
    }
    match r.as_str() {
        "muffleWarning" | "muffleMessage" => Err(Flow::Unwind {
            target: crate::eval::conditions::MUFFLE,
            handler: 0,
            cond: Value::Null,
        }),
        _ => err(format!("no 'restart' '{}' found", r)),
    }
}

pub fn next_method(it: &mut Interp, _args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(fr) = it.frames.iter().rev().find(|f| f.env.ptr_eq(env)) else {
        return err("NextMethod called from outside a method dispatch");
    };
    let Value::Closure(c) = fr.func.clone() else {
        return err("NextMethod called from outside a closure");
    };
    let fr_call = fr.call.clone();
    let fname = match &fr.call.kind {
        ExprKind::Call(f, _) => match &f.kind {
            ExprKind::Ident(s) => s.to_string(),
            _ => String::new(),
        },
        _ => String::new(),
    };
    let mut args = Vec::new();
    for p in c.params.iter() {
        if p.name.as_str() == "..." {
            args.extend(it.dots_of(env)?);
            continue;
        }
        match env.get_local(p.name) {
            Some(Value::Missing) | None => {}
            Some(Value::Promise(pr)) if pr.is_default => {}
            Some(v) => args.push((Some(p.name), v)),
        }
    }
    if let Some(first) = args.first_mut() {
        first.0 = None;
    }
    let obj = match args.first().map(|x| x.1.clone()) {
        Some(Value::Promise(p)) => it.force(&p)?,
        Some(v) => v,
        None => Value::Null,
    };
    // generic.cls → find the class after cls
    let classes = it.dispatch_class(&obj);
    // called through UseMethod: the frame's call names the generic and the
    // running closure is the method of one of the classes
    let via_generic = classes.iter().position(|cl| {
        matches!(env.lookup(Sym::new(&format!("{}.{}", fname, cl))), Some(Value::Closure(m)) if Rc::ptr_eq(&m, &c))
    });
    let (generic, cur) = match fname.find('.') {
        _ if via_generic.is_some() => (fname.clone(), via_generic.unwrap_or(0)),
        Some(_) => {
            let mut found = None;
            for (i, cl) in classes.iter().enumerate() {
                if fname.ends_with(&format!(".{}", cl)) {
                    found = Some((fname[..fname.len() - cl.len() - 1].to_string(), i));
                }
            }
            match found {
                Some(x) => x,
                None => return err("NextMethod could not determine the generic"),
            }
        }
        None => return err("NextMethod could not determine the generic"),
    };
    for cl in classes
        .iter()
        .skip(cur + 1)
        .chain(std::iter::once(&"default".to_string()))
    {
        if let Some(f) = env.lookup(Sym::new(&format!("{}.{}", generic, cl))) {
            if f.is_function() {
                return it.call_value_as(&f, args, Some(fr_call.clone()));
            }
        }
    }
    // fall back to the builtin, on the unclassed object
    if let Some(b @ Value::Builtin(_)) = it.base.get_local(Sym::new(&generic)) {
        let mut obj2 = obj.clone();
        obj2.set_attr(Sym::new("class"), Value::Null);
        let mut a2 = args;
        if let Some(f) = a2.first_mut() {
            f.1 = obj2;
        }
        return it.call_value(&b, a2);
    }
    err(format!("no more methods for '{}'", generic))
}

/// `options(name = value, ...)` sets options (a list argument, such as the value an earlier
/// call returned, is spread into its elements; NULL unsets) and returns the old values
/// invisibly; `options("name")` returns current values.
pub fn options(it: &mut Interp, a: Args) -> EvalResult {
    let mut pairs: Vec<(String, Value)> = Vec::new();
    let mut queries: Vec<String> = Vec::new();
    for (n, v) in a.items {
        match n {
            Some(n) => pairs.push((n.to_string(), v)),
            None if v.vtype() == Some(crate::value::VType::List) => {
                let names = v.names().unwrap_or_default();
                for (i, item) in v.list_vec().iter().enumerate() {
                    if let Some(Some(n)) = names.get(i) {
                        pairs.push((n.to_string(), item.clone()));
                    }
                }
            }
            None => queries.extend(v.as_strings().unwrap_or_default()),
        }
    }
    if pairs.is_empty() && !queries.is_empty() {
        return Ok(Value::named_list(
            queries
                .into_iter()
                .map(|q| {
                    let v = option_value(it, &q).unwrap_or(Value::Null);
                    (q, v)
                })
                .collect(),
        ));
    }
    if pairs.is_empty() {
        // options(): every option, defaults and those set, sorted by name as R sorts them.
        let mut all: Vec<(String, Value)> = it.options.clone();
        for n in crate::builtins::base::lang::DEFAULT_OPTIONS {
            if !all.iter().any(|(k, _)| k == n) {
                all.extend(option_value(it, n).map(|v| (n.to_string(), v)));
            }
        }
        all.sort_by_key(|(k, _)| (k.to_lowercase(), k.clone()));
        return Ok(Value::named_list(all));
    }
    let mut old = Vec::new();
    for (n, v) in pairs {
        if n == "OutDec" {
            let mark = v.as_string().unwrap_or_default();
            if !v.is_null() && mark.chars().count() != 1 {
                it.warning("'OutDec' must be a string of one character");
            }
            crate::value::num_format::set_out_dec(mark.chars().next().unwrap_or('.'));
        }
        old.push((n.clone(), option_value(it, &n).unwrap_or(Value::Null)));
        it.options.retain(|(k, _)| *k != n);
        if !v.is_null() {
            it.options.push((n, v));
        }
    }
    it.visible = false;
    Ok(Value::named_list(old))
}

pub fn proc_time(_it: &mut Interp, _a: Args) -> EvalResult {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    let (u, s) = cpu_times();
    Ok(proc_time_value(u, s, now))
}

pub fn quit(it: &mut Interp, m: Matched) -> EvalResult {
    let status = m.get("status").and_then(|v| v.as_i32()).unwrap_or(0);
    it.flush();
    Err(Flow::Quit(status))
}

pub fn sys_getenv(it: &mut Interp, m: Matched) -> EvalResult {
    let unset = m
        .get("unset")
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    match m.get("x") {
        Some(x) => {
            let names = x.as_strings().unwrap_or_default();
            let vals: Vec<String> = names
                .iter()
                .map(|n| env_var(it, n).unwrap_or_else(|| unset.clone()))
                .collect();
            Ok(Value::strings(&vals))
        }
        None => {
            let mut vars: Vec<(String, String)> = std::env::vars()
                .filter(|(k, _)| !it.env_vars.iter().any(|(n, _)| n == k))
                .collect();
            vars.extend(it.env_vars.iter().filter_map(|(k, v)| Some((k.clone(), v.clone()?))));
            vars.sort();
            let mut v = Value::strings(&vars.iter().map(|x| x.1.clone()).collect::<Vec<_>>());
            v.set_attr(
                Sym::new("names"),
                Value::strings(&vars.iter().map(|x| x.0.clone()).collect::<Vec<_>>()),
            );
            Ok(v)
        }
    }
}

/// `Sys.setenv(NAME = value, ...)`: the session's variables, seen by `Sys.getenv`; `TZ`
/// also sets the time zone dates and times use. The process environment is left alone
/// (several interpreters may share it).
pub fn sys_setenv(it: &mut Interp, a: Args) -> EvalResult {
    let n = a.items.len();
    for (name, v) in &a.items {
        let Some(name) = name else {
            return err("all arguments must be named");
        };
        let val = v.as_string().unwrap_or_default();
        if name.as_str() == "TZ" {
            crate::stats::time::zone::set_session_tz(Some(val.clone()));
        }
        it.env_vars.retain(|(k, _)| k != name.as_str());
        it.env_vars.push((name.as_str().to_string(), Some(val)));
    }
    it.visible = false;
    Ok(Value::lgls(vec![1; n]))
}

/// `Sys.unsetenv(x)`: removes session variables.
pub fn sys_unsetenv(it: &mut Interp, m: Matched) -> EvalResult {
    let names = m.req("x")?.as_strings().unwrap_or_default();
    for name in &names {
        if name == "TZ" {
            crate::stats::time::zone::set_session_tz(Some(String::new()));
        }
        it.env_vars.retain(|(k, _)| k != name);
        it.env_vars.push((name.clone(), None));
    }
    it.visible = false;
    Ok(Value::lgls(vec![1; names.len()]))
}

/// A variable as the session sees it: set or unset by `Sys.setenv`, else the process's.
fn env_var(it: &Interp, name: &str) -> Option<String> {
    match it.env_vars.iter().find(|(k, _)| k == name) {
        Some((_, v)) => v.clone(),
        None => std::env::var(name).ok(),
    }
}

pub fn sys_time(_it: &mut Interp, _a: Args) -> EvalResult {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    let mut v = Value::num(now);
    v.set_attr(Sym::new("class"), Value::strings(&["POSIXct", "POSIXt"]));
    Ok(v)
}

pub fn system_time(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let t = std::time::Instant::now();
    let (u0, s0) = cpu_times();
    if let Some(e) = first_expr(args) {
        it.eval(e, env)?;
    }
    let s = t.elapsed().as_secs_f64();
    let (u1, s1) = cpu_times();
    Ok(proc_time_value(u1 - u0, s1 - s0, s))
}

pub fn use_method_eager(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["generic", "object"])?;
    let generic = m.req("generic")?.as_string().unwrap_or_default();
    let Some(fr) = it.frames.last() else {
        return err("UseMethod called from outside a function");
    };
    let fenv = fr.env.clone();
    let call = fr.call.clone();
    let caller = fr.caller.clone();
    let Value::Closure(c) = fr.func.clone() else {
        return err("UseMethod called from outside a closure");
    };
    // the dispatch object: `object` or the first argument of the enclosing call
    let obj = match m.get("object") {
        Some(v) => v.clone(),
        None => match c.params.first() {
            // a missing first argument dispatches to the default method
            Some(p) if p.name.as_str() != "..." && matches!(fenv.get_local(p.name), Some(Value::Missing)) => {
                Value::Missing
            }
            Some(p) if p.name.as_str() != "..." => it.get_var(p.name, &fenv)?,
            Some(_) => it
                .dots_of(&fenv)?
                .into_iter()
                .next()
                .map(|(_, v)| v)
                .unwrap_or(Value::Null),
            None => Value::Null,
        },
    };
    let obj = match obj {
        Value::Promise(p) => it.force(&p)?,
        v => v,
    };
    // re-supply the original arguments (already-forced promises keep their values); an
    // argument given by position in the call stays positional, as R re-matches the call, so
    // a method's formals that share a prefix with the generic's (`y`, `ylab`) do not clash
    let call_names: Option<Vec<Option<Sym>>> = match &call.kind {
        crate::syntax::ast::ExprKind::Call(_, a)
            if !a.iter().any(|x| matches!(&x.value, Some(e) if matches!(&e.kind, crate::syntax::ast::ExprKind::Ident(n) if n.as_str() == "..."))) =>
        {
            Some(a.iter().map(|x| x.name).collect())
        }
        _ => None,
    };
    let named_in_call = |name: Sym| match &call_names {
        Some(ns) => ns.iter().flatten().any(|n| name.as_str().starts_with(n.as_str())),
        None => true,
    };
    let mut args = Vec::new();
    for p in c.params.iter() {
        if p.name.as_str() == "..." {
            args.extend(it.dots_of(&fenv)?);
            continue;
        }
        match fenv.get_local(p.name) {
            Some(Value::Missing) | None => {}
            Some(Value::Promise(pr)) if pr.is_default => {}
            Some(v) => args.push((if named_in_call(p.name) { Some(p.name) } else { None }, v)),
        }
    }
    if let Some(first) = args.first_mut() {
        first.0 = None;
    }
    let lookup_env = caller.clone();
    let method_found = if matches!(obj, Value::Missing) {
        let name = format!("{}.default", generic);
        match it.lookup_method(&lookup_env, &name) {
            Some(Value::Promise(p)) => Some((it.force(&p)?, "default".to_string())),
            Some(f) if f.is_function() => Some((f, "default".to_string())),
            _ => None,
        }
    } else {
        it.find_method(&generic, &obj, &lookup_env, true)
    };
    // builtins take values: the arguments' promises are forced for them
    if !matches!(method_found, Some((Value::Closure(_), _))) {
        for a in args.iter_mut() {
            if let Value::Promise(p) = &a.1 {
                let v = it.force(&p.clone())?;
                a.1 = v;
            }
        }
    }
    let (method, _) = match method_found {
        Some(x) => x,
        None => {
            // internal defaults: a builtin of the generic's name
            if let Some(Value::Builtin(b)) = it.base.get_local(Sym::new(&generic)) {
                let r = it.call_value(&Value::Builtin(b), args.into_iter().collect())?;
                return Err(Flow::Return(r));
            }
            let cls = it.dispatch_class(&obj);
            return err(format!(
                "no applicable method for '{}' applied to an object of class \"{}\"",
                generic,
                cls.first().cloned().unwrap_or_default()
            ));
        }
    };
    let r = match &method {
        Value::Closure(mc) => it.apply_closure(mc, args, call.clone(), &caller, method.clone()),
        _ => it.call_value(&method, args),
    }
    .map_err(|f| with_call_span(f, &call))?;
    Err(Flow::Return(r))
}
