//! Language-level builtins: quoting, missing arguments, returns, switch, environments, eval.

use crate::builtins::{declared, eager, special, Args, Builtin, Matched};
use crate::error::{err, EvalResult, Flow};
use crate::eval::lang_list::{lang_or_const, value_to_expr};
use crate::eval::{with_call_span, Interp};
use crate::syntax::ast::{Arg, Const, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::{Env, Lang, Value};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    special("quote", quote),
    special("substitute", substitute),
    special("missing", missing),
    special("return", return_),
    special("invisible", invisible),
    special("switch", switch),
    special("on.exit", on_exit),
    special("function", not_callable),
    eager("nargs", nargs),
    special("...length", dots_length),
    special("...elt", dots_elt),
    eager("Recall", recall),
    special("match.arg", match_arg),
    eager("sys.call", sys_call),
    eager("sys.function", sys_function),
    special("match.call", match_call),
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
    declared("eval", eval),
    special("evalq", evalq),
    declared("parse", parse),
    declared("deparse", deparse),
    eager("body", body),
    eager("formals", formals),
    eager("args", args_fn),
    eager("as.name", as_name),
    eager("as.symbol", as_name),
    eager("call", call),
    eager("as.call", as_call),
    special("bquote", bquote),
    declared("Sys.getenv", sys_getenv),
    eager("Sys.setenv", sys_setenv),
    declared("commandArgs", command_args),
    eager("force", force),
    eager("identity", force),
    special("local", local),
    eager("interactive", interactive),
    special("system.time", system_time),
    eager("Sys.time", sys_time),
    eager("proc.time", proc_time),
    eager("options", options),
    declared("getOption", get_option),
    eager("UseMethod", use_method_eager),
    special("NextMethod", next_method),
    eager("library", library),
    eager("require", library),
    eager("suppressPackageStartupMessages", force),
    eager("invokeRestart", invoke_restart),
    declared("q", quit),
    declared("quit", quit),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("quote", "quote(expr)", "Returns its argument unevaluated, as a symbol or a call."),
        doc("substitute", "substitute(expr, env)",
            "Returns expr unevaluated with its symbols replaced by their bindings in env. Inside a function, \
             called on an argument name it gives the expression the caller wrote, which is how \
             deparse(substitute(x)) makes labels."),
        doc("missing", "missing(x)",
            "Inside a function, TRUE when the argument x was not supplied by the caller (a default value does not \
             count as supplied)."),
        doc("return", "return(value)",
            "Leaves the current function at once, giving value (NULL when omitted) as the function's result."),
        doc("invisible", "invisible(x = NULL)",
            "Returns x unchanged but marks it so that it is not printed automatically at top level."),
        doc("switch", "switch(EXPR, ...)",
            "Chooses one of the remaining arguments. A character EXPR selects the argument of that name (an empty \
             argument falls through to the next one, and an unnamed last argument is the default); a number \
             selects by position. Only the chosen argument is evaluated; no match gives invisible NULL."),
        doc("on.exit", "on.exit(expr = NULL, add = FALSE, after = TRUE)",
            "Records expr to be evaluated when the current function exits, normally or through an error. With add \
             = TRUE it is appended to (or, with after = FALSE, put before) previously recorded code instead of \
             replacing it."),
        doc("function", "function(arglist) body",
            "Creates a closure. Arguments in arglist may have default values written name = value, which are \
             evaluated lazily in the function's own environment; `\\(x) body` is a shorter spelling."),
        doc("nargs", "nargs()",
            "Inside a function, the number of arguments the caller supplied (defaults not counted)."),
        doc("...length", "...length()",
            "Inside a function with a ... argument, the number of values passed through the dots."),
        doc("...elt", "...elt(n)",
            "Inside a function with a ... argument, evaluates and returns the n-th value passed through the dots."),
        doc("Recall", "Recall(...)",
            "Calls the currently running function again with new arguments, which is convenient for recursion in \
             anonymous functions."),
        doc("match.arg", "match.arg(arg, choices, several.ok = FALSE)",
            "Checks that arg partially matches one of choices and returns the full choice. Called with only arg \
             inside a function whose default for that argument is a character vector, it uses that vector as the \
             choices and returns its first element when the argument was not supplied."),
        doc("sys.call", "sys.call(which = 0L)",
            "Returns the call of the currently running function (or of a caller, for which < 0) as a call object."),
        doc("sys.function", "sys.function(which = 0L)", "Returns the function that is currently running."),
        doc("match.call",
            "match.call(definition = sys.function(sys.parent()), call = sys.call(sys.parent()), expand.dots = \
             TRUE, envir = parent.frame(2L))",
            "Returns the call of the current function with every argument written by its full name, as a call \
             object; lm and friends store this as their call component."),
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
        doc("eval", "eval(expr, envir = parent.frame(), enclos = parent.frame())",
            "Evaluates a call, symbol or expression vector in envir and returns the result. envir may also be a \
             list or data frame, whose elements are then visible as variables, with enclos supplying the rest."),
        doc("evalq", "evalq(expr, envir = parent.frame(), enclos = parent.frame())",
            "Like eval, but quotes its expr argument first, so eval(quote(e), env) can be written evalq(e, env)."),
        doc("parse",
            "parse(file = \"\", n = NULL, text = NULL, prompt = \"?\", keep.source = getOption(\"keep.source\"))",
            "Parses the code in text into an \"expression\" vector of unevaluated calls, without running it. A \
             syntax error is an error."),
        doc("deparse", "deparse(expr, width.cutoff = 60L, backtick, control, nlines = -1L)",
            "Turns an expression, function or value back into source text. Returns a character vector with one \
             element per line."),
        doc("body", "body(fun)",
            "Returns the body of a closure as a call (or symbol or constant); NULL for builtins."),
        doc("formals", "formals(fun, envir = parent.frame())",
            "Returns the formal arguments of a closure as a named list whose values are the defaults (an empty \
             symbol where there is none); NULL for builtins."),
        doc("args", "args(name)",
            "Returns a function with the same arguments as name and a NULL body, which prints as the argument \
             list. For an rsc builtin the arguments come from its help entry."),
        doc("as.name", "as.name(x)", "Converts the string x to a symbol."),
        doc("as.symbol", "as.symbol(x)", "Converts the string x to a symbol; the same as as.name."),
        doc("call", "call(name, ...)",
            "Builds an unevaluated call to the function named by the string name, with the remaining arguments \
             (already evaluated) as its arguments."),
        doc("as.call", "as.call(x)",
            "Turns a list into a call: the first element is the function (or its name) and the rest are the \
             arguments, keeping their names."),
        doc("bquote", "bquote(expr, where = parent.frame(), splice = FALSE)",
            "Quotes expr like quote, except that parts wrapped in .() are evaluated and their values inserted \
             into the result."),
        doc("Sys.getenv", "Sys.getenv(x = NULL, unset = \"\", names = NA)",
            "Returns the values of the environment variables named in x, or unset (by default \"\") for those not \
             set. With no arguments, returns all variables."),
        doc("Sys.setenv", "Sys.setenv(...)",
            "Sets environment variables from name = value arguments. Returns a logical vector saying which were \
             set, invisibly."),
        doc("commandArgs", "commandArgs(trailingOnly = FALSE)",
            "Returns the command line of the running program as a character vector; with trailingOnly = TRUE only \
             the arguments given after the script name."),
        doc("force", "force(x)",
            "Evaluates its argument and returns it, which makes a lazy argument take its value now (useful in \
             functions that return closures)."),
        doc("identity", "identity(x)", "Returns its argument unchanged."),
        doc("local", "local(expr, envir = new.env())",
            "Evaluates expr in a fresh environment, so that variables it creates do not leak into the caller. \
             Returns the value of expr."),
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
        doc("UseMethod", "UseMethod(generic, object)",
            "Dispatches an S3 generic: calls the method generic.class for the first class of object that has one, \
             falling back to generic.default. Does not return to the caller's body."),
        doc("NextMethod", "NextMethod(generic = NULL, object = NULL, ...)",
            "Inside an S3 method, calls the method for the next class in the object's class vector (or the \
             default method) with the same arguments."),
        doc("library", "library(package, ...)",
            "Accepted for compatibility with R scripts and does nothing: every rsc function is always available. \
             Returns NULL invisibly."),
        doc("require", "require(package, ...)",
            "Accepted for compatibility with R scripts and does nothing, since every rsc function is always \
             available."),
        doc("suppressPackageStartupMessages", "suppressPackageStartupMessages(expr)",
            "Evaluates expr and returns its value; rsc packages print no startup messages, so nothing else \
             happens."),
        doc("invokeRestart", "invokeRestart(r, ...)",
            "Invokes a restart from inside a condition handler. rsc supports \"muffleWarning\" and \
             \"muffleMessage\", which silence the warning or message being handled."),
        doc("q", "q(save = \"default\", status = 0, runLast = TRUE)",
            "Ends the program, flushing output first, with status as the exit code."),
        doc("quit", "quit(save = \"default\", status = 0, runLast = TRUE)",
            "Ends the program with status as its exit code; the same as q."),
    ]
};

fn lang(e: &Expr) -> Value {
    Value::Lang(Rc::new(Lang {
        expr: Rc::new(e.clone()),
        attrs: None,
    }))
}

fn first_expr(args: &[Arg]) -> Option<&Expr> {
    args.first().and_then(|a| a.value.as_ref())
}

fn quote(_it: &mut Interp, args: &[Arg], _env: &Env, _call: &Expr) -> EvalResult {
    match first_expr(args) {
        Some(e) => Ok(lang_or_const(e)),
        None => err("0 arguments passed to 'quote' which requires 1"),
    }
}

/// Replaces symbols bound in `env` by their promise expressions or values.
pub fn substitute_expr(e: &Expr, env: &Env, is_global: bool) -> Expr {
    if is_global {
        return e.clone();
    }
    let mut out = e.clone();
    subst_in_place(&mut out, env);
    out
}

fn subst_in_place(e: &mut Expr, env: &Env) {
    match &mut e.kind {
        ExprKind::Ident(s) => {
            if let Some(v) = env.get_local(*s) {
                let span = e.span;
                match v {
                    Value::Promise(p) => *e = (*p.expr).clone(),
                    Value::Missing => {}
                    Value::Vector(_) if s.as_str() == "..." => {}
                    v => *e = value_to_expr(&v),
                }
                e.span = span;
            }
        }
        ExprKind::Call(f, args) | ExprKind::Index(f, args) | ExprKind::Index2(f, args) => {
            subst_in_place(f, env);
            let mut new_args = Vec::with_capacity(args.len());
            for a in args.drain(..) {
                if let Some(Expr {
                    kind: ExprKind::Ident(s),
                    ..
                }) = &a.value
                {
                    if s.as_str() == "..." {
                        if let Some(Value::Vector(v)) = env.get_local(*s) {
                            let dv = Value::Vector(v);
                            let names = dv.names();
                            for (i, item) in dv.list_vec().iter().enumerate() {
                                let ex = match item {
                                    Value::Promise(p) => (*p.expr).clone(),
                                    v => value_to_expr(v),
                                };
                                let name = names.as_ref().and_then(|n| {
                                    n[i].as_deref().filter(|x| !x.is_empty()).map(Sym::new)
                                });
                                new_args.push(Arg {
                                    name,
                                    value: Some(ex),
                                    span: a.span,
                                });
                            }
                            continue;
                        }
                    }
                }
                let mut a = a;
                if let Some(v) = a.value.as_mut() {
                    subst_in_place(v, env);
                }
                new_args.push(a);
            }
            *args = new_args;
        }
        ExprKind::Dollar(x, _)
        | ExprKind::At(x, _)
        | ExprKind::Unary(_, x)
        | ExprKind::Paren(x)
        | ExprKind::Repeat(x) => subst_in_place(x, env),
        ExprKind::Binary(_, a, b) | ExprKind::Assign(_, a, b) | ExprKind::While(a, b) => {
            subst_in_place(a, env);
            subst_in_place(b, env);
        }
        ExprKind::Formula(l, r) => {
            if let Some(l) = l {
                subst_in_place(l, env);
            }
            subst_in_place(r, env);
        }
        ExprKind::If(c, a, b) => {
            subst_in_place(c, env);
            subst_in_place(a, env);
            if let Some(b) = b {
                subst_in_place(b, env);
            }
        }
        ExprKind::For(_, s, b) => {
            subst_in_place(s, env);
            subst_in_place(b, env);
        }
        ExprKind::Block(items) => items.iter_mut().for_each(|x| subst_in_place(x, env)),
        _ => {}
    }
}

/// `bquote(expr, where)`: quotes `expr`, replacing each `.(e)` by the value of `e` in `where`.
fn bquote(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(e) = first_expr(args) else {
        return err("argument \"expr\" is missing, with no default");
    };
    let wher = match args
        .iter()
        .skip(1)
        .find(|a| a.name.is_none() || a.name.map(|n| n.as_str()) == Some("where"))
    {
        Some(Arg { value: Some(w), .. }) => match it.eval(w, env)? {
            Value::Env(e) => e,
            _ => return err("invalid 'where' argument"),
        },
        _ => env.clone(),
    };
    let mut out = e.clone();
    unquote(it, &mut out, &wher)?;
    Ok(lang_or_const(&out))
}

fn unquote(it: &mut Interp, e: &mut Expr, env: &Env) -> EvalResult<()> {
    let each = |it: &mut Interp, x: &mut Expr| unquote(it, x, env);
    match &mut e.kind {
        ExprKind::Call(f, args)
            if matches!(&f.kind, ExprKind::Ident(s) if s.as_str() == ".") && args.len() == 1 =>
        {
            if let Some(inner) = args[0].value.as_ref() {
                let v = it.eval(inner, env)?;
                let span = e.span;
                *e = match &v {
                    Value::Lang(l) => (*l.expr).clone(),
                    v => value_to_expr(v),
                };
                e.span = span;
            }
        }
        ExprKind::Call(f, args) | ExprKind::Index(f, args) | ExprKind::Index2(f, args) => {
            each(it, f)?;
            for a in args.iter_mut() {
                if let Some(v) = a.value.as_mut() {
                    each(it, v)?;
                }
            }
        }
        ExprKind::Dollar(x, _)
        | ExprKind::At(x, _)
        | ExprKind::Unary(_, x)
        | ExprKind::Paren(x)
        | ExprKind::Repeat(x) => each(it, x)?,
        ExprKind::Binary(_, a, b)
        | ExprKind::Assign(_, a, b)
        | ExprKind::While(a, b)
        | ExprKind::For(_, a, b) => {
            each(it, a)?;
            each(it, b)?;
        }
        ExprKind::Formula(l, r) => {
            if let Some(l) = l {
                each(it, l)?;
            }
            each(it, r)?;
        }
        ExprKind::If(c, a, b) => {
            each(it, c)?;
            each(it, a)?;
            if let Some(b) = b {
                each(it, b)?;
            }
        }
        ExprKind::Block(items) => {
            for x in items.iter_mut() {
                each(it, x)?;
            }
        }
        ExprKind::Function(_, body) => {
            let mut b = (**body).clone();
            each(it, &mut b)?;
            *body = Rc::new(b);
        }
        _ => {}
    }
    Ok(())
}

fn substitute(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(e) = first_expr(args) else {
        return Ok(Value::Null);
    };
    let target = match args.get(1).and_then(|a| a.value.as_ref()) {
        Some(x) => match it.eval(x, env)? {
            Value::Env(e) => e,
            v if v.vtype() == Some(crate::value::VType::List) => {
                let ne = Env::new(None);
                let names = v.names().unwrap_or_default();
                for (i, item) in v.list_vec().iter().enumerate() {
                    if let Some(Some(n)) = names.get(i) {
                        ne.set(Sym::new(n), item.clone());
                    }
                }
                ne
            }
            _ => return err("invalid environment specified"),
        },
        None => env.clone(),
    };
    let is_global = target.ptr_eq(&it.global);
    Ok(lang_or_const(&substitute_expr(e, &target, is_global)))
}

fn missing(_it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(Expr {
        kind: ExprKind::Ident(s),
        ..
    }) = first_expr(args)
    else {
        return err("invalid use of 'missing'");
    };
    Ok(Value::lgl(is_missing(env, *s)))
}

fn is_missing(env: &Env, s: Sym) -> bool {
    match env.get_local(s) {
        Some(Value::Missing) => true,
        Some(Value::Promise(p)) => {
            if p.is_default {
                return true;
            }
            // missing propagates through a promise that is just a missing parameter
            if let (ExprKind::Ident(s2), Some(penv)) = (&p.expr.kind, &p.env) {
                if penv.has_local(*s2) {
                    if let Some(Value::Missing) = penv.get_local(*s2) {
                        return true;
                    }
                }
            }
            false
        }
        Some(Value::Vector(v)) if s.as_str() == "..." => v.data.is_empty(),
        Some(_) => false,
        None => false,
    }
}

fn return_(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let v = match first_expr(args) {
        Some(e) => it.eval(e, env)?,
        None => Value::Null,
    };
    Err(Flow::Return(v))
}

fn invisible(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let v = match first_expr(args) {
        Some(e) => it.eval(e, env)?,
        None => Value::Null,
    };
    it.visible = false;
    Ok(v)
}

fn switch(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(e) = first_expr(args) else {
        return err("'EXPR' is missing");
    };
    let x = it.eval(e, env)?;
    let rest = &args[1..];
    if x.len() != 1 {
        return err("EXPR must be a length 1 vector");
    }
    if rest.is_empty() {
        it.warning("'switch' with no alternatives");
    }
    if let Some(crate::value::Data::Str(s)) = x.data() {
        let key = s[0].as_deref().unwrap_or("NA");
        let mut found: Option<usize> = None;
        for (i, a) in rest.iter().enumerate() {
            if a.name.map(|n| n.as_str() == key).unwrap_or(false) {
                found = Some(i);
                break;
            }
        }
        let idx = match found {
            Some(i) => Some(i),
            None => {
                // default: an unnamed argument
                let defaults: Vec<usize> = rest
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| a.name.is_none())
                    .map(|(i, _)| i)
                    .collect();
                if defaults.len() > 1 {
                    return err("duplicate 'switch' defaults");
                }
                defaults.first().copied()
            }
        };
        let Some(mut i) = idx else {
            it.visible = false;
            return Ok(Value::Null);
        };
        // fall through empty alternatives
        while i < rest.len() && rest[i].value.is_none() {
            i += 1;
        }
        return match rest.get(i).and_then(|a| a.value.as_ref()) {
            Some(v) => it.eval(v, env),
            None => {
                it.visible = false;
                Ok(Value::Null)
            }
        };
    }
    let k = x.as_f64().unwrap_or(f64::NAN);
    if k.is_nan() || k < 1.0 || k as usize > rest.len() {
        it.visible = false;
        return Ok(Value::Null);
    }
    match rest[k as usize - 1].value.as_ref() {
        Some(v) => it.eval(v, env),
        None => Ok(Value::Null),
    }
}

fn on_exit(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let expr = first_expr(args).cloned();
    let mut add = false;
    for a in args.iter().skip(1) {
        if a.name.map(|n| n.as_str() == "add").unwrap_or(true) {
            if let Some(v) = &a.value {
                add = it.eval(v, env)?.as_bool().flatten().unwrap_or(false);
            }
        }
    }
    if let Some(fr) = it.frames.iter_mut().rev().find(|f| f.env.ptr_eq(env)) {
        if !add {
            fr.on_exit.clear();
        }
        if let Some(e) = expr {
            fr.on_exit.push(Rc::new(e));
        }
    }
    it.visible = false;
    Ok(Value::Null)
}

fn not_callable(_it: &mut Interp, _a: &[Arg], _e: &Env, _c: &Expr) -> EvalResult {
    err("invalid use of 'function'")
}

fn nargs(it: &mut Interp, _a: Args) -> EvalResult {
    let Some(fr) = it.frames.last() else {
        return Ok(Value::int(0));
    };
    let n = match &fr.call.kind {
        ExprKind::Call(_, a) => a.len(),
        _ => 0,
    };
    Ok(Value::int(n as i32))
}

fn dots_length(it: &mut Interp, _args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    Ok(Value::int(it.dots_of(env)?.len() as i32))
}

fn dots_elt(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let n = match args.first().and_then(|a| a.value.as_ref()) {
        Some(e) => it.eval(e, env)?.as_f64().unwrap_or(0.0) as usize,
        None => return err("argument \"n\" is missing, with no default"),
    };
    match it.dots_of(env)?.into_iter().nth(n.wrapping_sub(1)) {
        Some((_, Value::Promise(p))) => it.force(&p),
        Some((_, v)) => Ok(v),
        None => err(format!("the ... list does not contain {} elements", n)),
    }
}

fn recall(it: &mut Interp, a: Args) -> EvalResult {
    let Some(fr) = it.frames.last() else {
        return err("Recall called from outside a closure");
    };
    let f = fr.func.clone();
    it.call_value(&f, a.items)
}

fn match_arg(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(e) = first_expr(args) else {
        return err("argument \"arg\" is missing");
    };
    let arg = it.eval(e, env)?;
    let choices = match args.get(1).and_then(|a| a.value.as_ref()) {
        Some(c) => it.eval(c, env)?,
        None => {
            // choices: the default of the formal with this name in the calling function
            let ExprKind::Ident(s) = &e.kind else {
                return err("'arg' must be a symbol");
            };
            let fr = it.frames.iter().rev().find(|f| f.env.ptr_eq(env));
            let default = fr.and_then(|f| match &f.func {
                Value::Closure(c) => c
                    .params
                    .iter()
                    .find(|p| p.name == *s)
                    .and_then(|p| p.default.clone()),
                _ => None,
            });
            match default {
                Some(d) => it.eval(&d, env)?,
                None => return err("'arg' must be of length 1"),
            }
        }
    };
    let ch = choices.str_vec();
    let av = arg.str_vec();
    if av.len() == ch.len() && av.iter().zip(ch.iter()).all(|(a, b)| a == b) {
        return Ok(Value::strs(vec![ch.first().cloned().flatten()]));
    }
    if av.len() != 1 {
        return err("'arg' must be of length 1");
    }
    let a = av[0].as_deref().unwrap_or("");
    let exact: Vec<&Option<Rc<str>>> = ch.iter().filter(|c| c.as_deref() == Some(a)).collect();
    if let Some(x) = exact.first() {
        return Ok(Value::strs(vec![(*x).clone()]));
    }
    let partial: Vec<&Option<Rc<str>>> = ch
        .iter()
        .filter(|c| c.as_deref().map(|c| c.starts_with(a)).unwrap_or(false))
        .collect();
    if partial.len() == 1 {
        return Ok(Value::strs(vec![partial[0].clone()]));
    }
    let list: Vec<String> = ch
        .iter()
        .map(|c| format!("\u{201c}{}\u{201d}", c.as_deref().unwrap_or("NA")))
        .collect();
    err(format!("'arg' should be one of {}", list.join(", ")))
}

fn sys_call(it: &mut Interp, _a: Args) -> EvalResult {
    match it.frames.last() {
        Some(f) => Ok(lang(&f.call)),
        None => Ok(Value::Null),
    }
}

fn sys_function(it: &mut Interp, _a: Args) -> EvalResult {
    Ok(it
        .frames
        .last()
        .map(|f| f.func.clone())
        .unwrap_or(Value::Null))
}

/// The call of the frame whose environment is `env`, with arguments named by the formals.
pub fn matched_call(it: &mut Interp, env: &Env) -> EvalResult<Expr> {
    let Some(fr) = it.frames.iter().rev().find(|f| f.env.ptr_eq(env)) else {
        return err("match.call() was called from outside a function");
    };
    let call = (*fr.call).clone();
    let Value::Closure(c) = &fr.func else {
        return Ok(call);
    };
    let ExprKind::Call(f, args) = &call.kind else {
        return Ok(call);
    };
    let formals: Vec<Sym> = c.params.iter().map(|p| p.name).collect();
    // expand ... in the call from the caller's dots
    let mut flat: Vec<Arg> = Vec::new();
    for a in args {
        if let Some(Expr {
            kind: ExprKind::Ident(s),
            ..
        }) = &a.value
        {
            if s.as_str() == "..." {
                if let Some(Value::Vector(v)) = fr.caller.lookup(*s) {
                    let dv = Value::Vector(v);
                    let names = dv.names();
                    for (i, item) in dv.list_vec().iter().enumerate() {
                        let ex = match item {
                            Value::Promise(p) => (*p.expr).clone(),
                            v => value_to_expr(v),
                        };
                        let name = names
                            .as_ref()
                            .and_then(|n| n[i].as_deref().filter(|x| !x.is_empty()).map(Sym::new));
                        flat.push(Arg {
                            name,
                            value: Some(ex),
                            span: a.span,
                        });
                    }
                }
                continue;
            }
        }
        flat.push(a.clone());
    }
    let supplied: Vec<(Option<Sym>, Value)> = flat.iter().map(|a| (a.name, Value::Null)).collect();
    let (slots, dots) = crate::eval::call::match_args(&formals, &supplied).map_err(Flow::from)?;
    let mut out = Vec::new();
    for (i, p) in formals.iter().enumerate() {
        if p.as_str() == "..." {
            for &k in &dots {
                out.push(flat[k].clone());
            }
            continue;
        }
        if let Some(k) = slots[i] {
            let mut a = flat[k].clone();
            a.name = Some(*p);
            out.push(a);
        }
    }
    Ok(Expr::new(ExprKind::Call(f.clone(), out), call.span))
}

fn match_call(it: &mut Interp, _args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let e = matched_call(it, env)?;
    Ok(lang(&e))
}

fn environment(it: &mut Interp, a: Args) -> EvalResult {
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

fn new_env(it: &mut Interp, m: Matched) -> EvalResult {
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

fn globalenv(it: &mut Interp, _a: Args) -> EvalResult {
    Ok(Value::Env(it.global.clone()))
}

fn parent_frame(it: &mut Interp, _a: Args) -> EvalResult {
    // the caller of the function that called parent.frame()
    Ok(Value::Env(
        it.frames
            .last()
            .map(|f| f.caller.clone())
            .unwrap_or_else(|| it.global.clone()),
    ))
}

fn environment_name(it: &mut Interp, a: Args) -> EvalResult {
    match a.items.first().map(|x| &x.1) {
        Some(Value::Env(e)) => {
            let n = e.0.borrow().name.clone().unwrap_or_default();
            let _ = it;
            Ok(Value::str(&n))
        }
        _ => Ok(Value::str("")),
    }
}

/// The environment named by an `envir`/`pos` argument, or the current one.
fn env_arg(it: &Interp, v: Option<&Value>) -> Env {
    match v {
        Some(Value::Env(e)) => e.clone(),
        _ => it
            .frames
            .last()
            .map(|f| f.env.clone())
            .unwrap_or_else(|| it.global.clone()),
    }
}

fn assign(it: &mut Interp, m: Matched) -> EvalResult {
    let name = m.req("x")?.as_string().unwrap_or_default();
    let v = m.req("value")?.clone();
    let env = env_arg(it, m.get("envir").or(m.get("pos")));
    env.set(Sym::new(&name), v.clone());
    it.visible = false;
    Ok(v)
}

fn get(it: &mut Interp, m: Matched) -> EvalResult {
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

fn get0(it: &mut Interp, m: Matched) -> EvalResult {
    let name = m.req("x")?.as_string().unwrap_or_default();
    let env = env_arg(it, m.get("envir"));
    match env.lookup(Sym::new(&name)) {
        Some(_) => it.get_var(Sym::new(&name), &env),
        None => Ok(m.get("ifnotfound").cloned().unwrap_or(Value::Null)),
    }
}

fn exists(it: &mut Interp, m: Matched) -> EvalResult {
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

fn rm_special(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
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

fn ls(it: &mut Interp, a: Args) -> EvalResult {
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

fn eval(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("expr").cloned().unwrap_or(Value::Null);
    let env = match m.get("envir") {
        Some(Value::Env(e)) => e.clone(),
        Some(v @ Value::Vector(_)) => {
            let parent = match m.get("enclos") {
                Some(Value::Env(e)) => e.clone(),
                _ => it
                    .frames
                    .last()
                    .map(|f| f.env.clone())
                    .unwrap_or_else(|| it.global.clone()),
            };
            let e = Env::new(Some(parent));
            let names = v.names().unwrap_or_default();
            for (i, item) in v.list_vec().iter().enumerate() {
                if let Some(Some(n)) = names.get(i) {
                    e.set(Sym::new(n), item.clone());
                }
            }
            e
        }
        _ => it
            .frames
            .last()
            .map(|f| f.env.clone())
            .unwrap_or_else(|| it.global.clone()),
    };
    eval_value(it, &x, &env)
}

/// Evaluates a language object (or an expression vector) in `env`.
pub fn eval_value(it: &mut Interp, x: &Value, env: &Env) -> EvalResult {
    match x {
        Value::Lang(l) => {
            if l.attrs
                .as_ref()
                .map(|a| a.iter().any(|(k, _)| k.as_str() == "class"))
                .unwrap_or(false)
            {
                return Ok(x.clone()); // a formula evaluates to itself
            }
            it.eval(&l.expr, env)
        }
        Value::Vector(v) if x.inherits("expression") => {
            let mut last = Value::Null;
            for e in v.data.to_list().iter() {
                last = eval_value(it, e, env)?;
            }
            Ok(last)
        }
        v => Ok(v.clone()),
    }
}

fn evalq(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(e) = first_expr(args) else {
        return Ok(Value::Null);
    };
    let target = match args.get(1).and_then(|a| a.value.as_ref()) {
        Some(x) => match it.eval(x, env)? {
            Value::Env(e) => e,
            _ => env.clone(),
        },
        None => env.clone(),
    };
    it.eval(e, &target)
}

fn parse(_it: &mut Interp, m: Matched) -> EvalResult {
    let text = m
        .get("text")
        .and_then(|t| t.as_strings())
        .unwrap_or_default()
        .join("\n");
    let exprs = crate::syntax::parse(&text).map_err(|e| {
        Flow::from(crate::error::RError::runtime(
            crate::syntax::r_parse_message(&text, &e),
        ))
    })?;
    let mut v = Value::list(exprs.iter().map(lang_or_const).collect());
    v.set_attr(Sym::new("class"), Value::str("expression"));
    Ok(v)
}

fn deparse(_it: &mut Interp, m: Matched) -> EvalResult {
    let v = m.get("expr").cloned().unwrap_or(Value::Null);
    let s = match &v {
        Value::Lang(l) => crate::syntax::deparse::deparse(&l.expr),
        Value::Closure(c) => crate::syntax::deparse::deparse_function(&c.params, &c.body),
        v => crate::print::deparse_value(v),
    };
    let lines: Vec<String> = s.lines().map(|l| l.to_string()).collect();
    Ok(Value::strings(&lines))
}

fn body(_it: &mut Interp, a: Args) -> EvalResult {
    match a.items.first().map(|x| &x.1) {
        Some(Value::Closure(c)) => Ok(lang_or_const(&c.body)),
        _ => Ok(Value::Null),
    }
}

fn formals(_it: &mut Interp, a: Args) -> EvalResult {
    match a.items.first().map(|x| &x.1) {
        Some(Value::Closure(c)) => Ok(Value::named_list(
            c.params
                .iter()
                .map(|p| {
                    (
                        p.name.to_string(),
                        p.default
                            .as_ref()
                            .map(lang_or_const)
                            .unwrap_or_else(|| Value::str("")),
                    )
                })
                .collect(),
        )),
        _ => Ok(Value::Null),
    }
}

fn args_fn(it: &mut Interp, a: Args) -> EvalResult {
    let mut f = a
        .items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null);
    if let Some(name) = f
        .as_string()
        .filter(|_| matches!(&f, Value::Vector(v) if matches!(v.data, crate::value::Data::Str(_))))
    {
        f = it.global.lookup(Sym::new(&name)).unwrap_or(Value::Null);
    }
    crate::builtins::utils::help::args_of(it, &f)
}

fn as_name(_it: &mut Interp, a: Args) -> EvalResult {
    let s = a
        .items
        .first()
        .and_then(|x| x.1.as_string())
        .unwrap_or_default();
    Ok(lang(&Expr::new(
        ExprKind::Ident(Sym::new(&s)),
        Default::default(),
    )))
}

fn call(_it: &mut Interp, a: Args) -> EvalResult {
    let mut items = a.items.into_iter();
    let Some((_, name)) = items.next() else {
        return err("first argument must be a character string");
    };
    let name = name.as_string().unwrap_or_default();
    let args: Vec<Arg> = items
        .map(|(n, v)| Arg {
            name: n,
            value: Some(value_to_expr(&v)),
            span: Default::default(),
        })
        .collect();
    let f = Expr::new(ExprKind::Ident(Sym::new(&name)), Default::default());
    Ok(lang(&Expr::new(
        ExprKind::Call(Box::new(f), args),
        Default::default(),
    )))
}

fn as_call(_it: &mut Interp, a: Args) -> EvalResult {
    let Some((_, l)) = a.items.into_iter().next() else {
        return err("invalid argument list");
    };
    let items = l.list_vec();
    let names = l.names();
    let Some(first) = items.first() else {
        return err("invalid argument list");
    };
    let f = value_to_expr(first);
    let args: Vec<Arg> = items
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, v)| Arg {
            name: names
                .as_ref()
                .and_then(|n| n[i].as_deref().filter(|s| !s.is_empty()).map(Sym::new)),
            value: Some(value_to_expr(v)),
            span: Default::default(),
        })
        .collect();
    Ok(lang(&Expr::new(
        ExprKind::Call(Box::new(f), args),
        Default::default(),
    )))
}

fn sys_getenv(_it: &mut Interp, m: Matched) -> EvalResult {
    let unset = m
        .get("unset")
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    match m.get("x") {
        Some(x) => {
            let names = x.as_strings().unwrap_or_default();
            let vals: Vec<String> = names
                .iter()
                .map(|n| std::env::var(n).unwrap_or_else(|_| unset.clone()))
                .collect();
            Ok(Value::strings(&vals))
        }
        None => {
            let mut vars: Vec<(String, String)> = std::env::vars().collect();
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

fn sys_setenv(it: &mut Interp, a: Args) -> EvalResult {
    let n = a.items.len();
    let _ = a;
    it.visible = false;
    Ok(Value::lgls(vec![1; n]))
}

fn command_args(it: &mut Interp, m: Matched) -> EvalResult {
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

fn force(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(a.items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null))
}

fn local(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
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

fn interactive(_it: &mut Interp, _a: Args) -> EvalResult {
    Ok(Value::lgl(false))
}

/// This process's user and system CPU seconds (Linux `/proc/self/stat`; zeros elsewhere).
fn cpu_times() -> (f64, f64) {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return (0.0, 0.0);
    };
    // fields after the parenthesised command name; utime and stime are fields 14 and 15
    let rest = stat.rsplit_once(')').map(|x| x.1).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0) / 100.0;
    (tick(11), tick(12))
}

fn proc_time_value(user: f64, sys: f64, elapsed: f64) -> Value {
    let mut v = Value::dbls(vec![user, sys, elapsed]);
    v.set_attr(
        Sym::new("names"),
        Value::strings(&["user.self", "sys.self", "elapsed"]),
    );
    v.set_attr(Sym::new("class"), Value::str("proc_time"));
    v
}

fn system_time(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let t = std::time::Instant::now();
    let (u0, s0) = cpu_times();
    if let Some(e) = first_expr(args) {
        it.eval(e, env)?;
    }
    let s = t.elapsed().as_secs_f64();
    let (u1, s1) = cpu_times();
    Ok(proc_time_value(u1 - u0, s1 - s0, s))
}

fn sys_time(_it: &mut Interp, _a: Args) -> EvalResult {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    let mut v = Value::num(now);
    v.set_attr(Sym::new("class"), Value::strings(&["POSIXct", "POSIXt"]));
    Ok(v)
}

fn proc_time(_it: &mut Interp, _a: Args) -> EvalResult {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    let (u, s) = cpu_times();
    Ok(proc_time_value(u, s, now))
}

/// `options(name = value, ...)` sets options (a list argument, such as the value an earlier
/// call returned, is spread into its elements; NULL unsets) and returns the old values
/// invisibly; `options("name")` returns current values.
fn options(it: &mut Interp, a: Args) -> EvalResult {
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
    let mut old = Vec::new();
    for (n, v) in pairs {
        old.push((n.clone(), option_value(it, &n).unwrap_or(Value::Null)));
        it.options.retain(|(k, _)| *k != n);
        if !v.is_null() {
            it.options.push((n, v));
        }
    }
    it.visible = false;
    Ok(Value::named_list(old))
}

/// The current value of an option, falling back to R's defaults for the common ones.
fn option_value(it: &Interp, name: &str) -> Option<Value> {
    if let Some((_, v)) = it.options.iter().find(|(k, _)| *k == name) {
        return Some(v.clone());
    }
    Some(match name {
        "digits" => Value::int(7),
        "OutDec" => Value::str("."),
        "scipen" => Value::int(0),
        "width" => Value::int(80),
        "warn" => Value::int(0),
        "stringsAsFactors" => Value::lgl(false),
        _ => return None,
    })
}

fn get_option(it: &mut Interp, m: Matched) -> EvalResult {
    let name = m.req("x")?.as_string().unwrap_or_default();
    Ok(option_value(it, &name)
        .or_else(|| m.get("default").cloned())
        .unwrap_or(Value::Null))
}

fn use_method_eager(it: &mut Interp, a: Args) -> EvalResult {
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
    // re-supply the original arguments (already-forced promises keep their values)
    let mut args = Vec::new();
    for p in c.params.iter() {
        if p.name.as_str() == "..." {
            args.extend(it.dots_of(&fenv)?);
            continue;
        }
        match fenv.get_local(p.name) {
            Some(Value::Missing) | None => {}
            Some(Value::Promise(pr)) if pr.is_default => {}
            Some(v) => args.push((Some(p.name), v)),
        }
    }
    if let Some(first) = args.first_mut() {
        first.0 = None;
    }
    let lookup_env = caller.clone();
    let (method, _) = match it.find_method(&generic, &obj, &lookup_env, true) {
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

fn next_method(it: &mut Interp, _args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
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

fn library(it: &mut Interp, _a: Args) -> EvalResult {
    it.visible = false;
    Ok(Value::Null)
}

fn invoke_restart(_it: &mut Interp, a: Args) -> EvalResult {
    let r = a
        .items
        .first()
        .and_then(|x| x.1.as_string())
        .unwrap_or_default();
    match r.as_str() {
        "muffleWarning" | "muffleMessage" => Err(Flow::Unwind {
            target: crate::eval::conditions::MUFFLE,
            handler: 0,
            cond: Value::Null,
        }),
        _ => err(format!("no 'restart' '{}' found", r)),
    }
}

fn quit(it: &mut Interp, m: Matched) -> EvalResult {
    let status = m.get("status").and_then(|v| v.as_i32()).unwrap_or(0);
    it.flush();
    Err(Flow::Quit(status))
}
