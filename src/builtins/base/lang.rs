//! Language-level builtins: quoting, missing arguments, returns, switch, environments, eval.

use crate::builtins::base::session::force;
use crate::builtins::{declared, eager, special, Args, Builtin, Matched};
use crate::error::{err, EvalResult, Flow};
use crate::eval::lang_list::{lang_or_const, value_to_expr};
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr, ExprKind};
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
    special("{", |it, a, e, _| syntax_call(it, "{", a, e)),
    special("if", |it, a, e, _| syntax_call(it, "if", a, e)),
    special("for", |it, a, e, _| syntax_call(it, "for", a, e)),
    special("while", |it, a, e, _| syntax_call(it, "while", a, e)),
    special("repeat", |it, a, e, _| syntax_call(it, "repeat", a, e)),
    eager("nargs", nargs),
    special("...length", dots_length),
    special("...elt", dots_elt),
    eager("Recall", recall),
    special("match.arg", match_arg),
    eager("sys.call", sys_call),
    eager("sys.function", sys_function),
    eager("sys.parent", sys_parent),
    special("match.call", match_call),
    declared("eval", eval),
    special("evalq", evalq),
    declared("parse", parse),
    declared("deparse", deparse),
    eager("body", body),
    eager("formals", formals),
    declared("formals<-", set_formals),
    declared("body<-", set_body),
    eager("args", args_fn),
    eager("as.name", as_name),
    eager("as.symbol", as_name),
    eager("call", call),
    eager("as.call", as_call),
    special("bquote", bquote),
    eager("force", force),
    eager("identity", force),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("{", "{ expr1; expr2; ... }",
            "Evaluates the expressions in turn and returns the value of the last; also callable as \
             `{`(expr1, expr2), the same expression."),
        doc("if", "if (cond) expr else alternative",
            "Evaluates expr when cond is TRUE, alternative (or nothing, invisibly NULL) otherwise; cond must be \
             a single TRUE or FALSE."),
        doc("for", "for (var in seq) expr",
            "Evaluates expr once for each element of seq, bound to var; returns NULL invisibly."),
        doc("while", "while (cond) expr", "Evaluates expr as long as cond is TRUE."),
        doc("repeat", "repeat expr", "Evaluates expr again and again until a break."),
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
        doc("sys.parent", "sys.parent(n = 1L)", "The number of the frame the current function was called from (0 at top level)."),
        doc("match.call",
            "match.call(definition = sys.function(sys.parent()), call = sys.call(sys.parent()), expand.dots = \
             TRUE, envir = parent.frame(2L))",
            "Returns the call of the current function with every argument written by its full name, as a call \
             object; lm and friends store this as their call component."),
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
        doc("formals<-", "`formals<-`(fun, envir = environment(fun), value)",
            "Replaces a function's formal arguments by the named list value (an empty string: no default)."),
        doc("body<-", "`body<-`(fun, envir = environment(fun), value)",
            "Replaces a function's body by the expression value."),
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
        doc("force", "force(x)",
            "Evaluates its argument and returns it, which makes a lazy argument take its value now (useful in \
             functions that return closures)."),
        doc("identity", "identity(x)", "Returns its argument unchanged."),
    ]
};

fn lang(e: &Expr) -> Value {
    Value::Lang(Rc::new(Lang {
        expr: Rc::new(e.clone()),
        attrs: None,
    }))
}

pub(crate) fn first_expr(args: &[Arg]) -> Option<&Expr> {
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
            subst_in_place(std::rc::Rc::make_mut(f), env);
            let mut new_args = Vec::with_capacity(args.len());
            for a in std::rc::Rc::make_mut(args).drain(..) {
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
            *args = std::rc::Rc::new(new_args);
        }
        ExprKind::Dollar(x, _)
        | ExprKind::At(x, _)
        | ExprKind::Unary(_, x)
        | ExprKind::Paren(x)
        | ExprKind::Repeat(x) => subst_in_place(std::rc::Rc::make_mut(x), env),
        ExprKind::Binary(_, a, b) | ExprKind::Assign(_, a, b) | ExprKind::While(a, b) => {
            subst_in_place(std::rc::Rc::make_mut(a), env);
            subst_in_place(std::rc::Rc::make_mut(b), env);
        }
        ExprKind::Formula(l, r) => {
            if let Some(l) = l {
                subst_in_place(std::rc::Rc::make_mut(l), env);
            }
            subst_in_place(std::rc::Rc::make_mut(r), env);
        }
        ExprKind::If(c, a, b) => {
            subst_in_place(std::rc::Rc::make_mut(c), env);
            subst_in_place(std::rc::Rc::make_mut(a), env);
            if let Some(b) = b {
                subst_in_place(std::rc::Rc::make_mut(b), env);
            }
        }
        ExprKind::For(_, s, b) => {
            subst_in_place(std::rc::Rc::make_mut(s), env);
            subst_in_place(std::rc::Rc::make_mut(b), env);
        }
        ExprKind::Block(items) => items.iter_mut().for_each(|x| subst_in_place(x, env)),
        ExprKind::Function(params, body) => {
            let mut b = (**body).clone();
            subst_in_place(&mut b, env);
            *body = Rc::new(b);
            let mut ps = (**params).clone();
            for p in ps.iter_mut() {
                if let Some(d) = p.default.as_mut() {
                    subst_in_place(d, env);
                }
            }
            *params = Rc::new(ps);
        }
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
            each(it, std::rc::Rc::make_mut(f))?;
            for a in std::rc::Rc::make_mut(args).iter_mut() {
                if let Some(v) = a.value.as_mut() {
                    each(it, v)?;
                }
            }
        }
        ExprKind::Dollar(x, _)
        | ExprKind::At(x, _)
        | ExprKind::Unary(_, x)
        | ExprKind::Paren(x)
        | ExprKind::Repeat(x) => each(it, std::rc::Rc::make_mut(x))?,
        ExprKind::Binary(_, a, b)
        | ExprKind::Assign(_, a, b)
        | ExprKind::While(a, b)
        | ExprKind::For(_, a, b) => {
            each(it, std::rc::Rc::make_mut(a))?;
            each(it, std::rc::Rc::make_mut(b))?;
        }
        ExprKind::Formula(l, r) => {
            if let Some(l) = l {
                each(it, std::rc::Rc::make_mut(l))?;
            }
            each(it, std::rc::Rc::make_mut(r))?;
        }
        ExprKind::If(c, a, b) => {
            each(it, std::rc::Rc::make_mut(c))?;
            each(it, std::rc::Rc::make_mut(a))?;
            if let Some(b) = b {
                each(it, std::rc::Rc::make_mut(b))?;
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

/// `` `{`(a, b) ``, `` `if`(c, a, b) `` and the loops called as functions: the
/// call is rebuilt as the syntax it stands for (R's parser makes both the same) and evaluated.
fn syntax_call(it: &mut Interp, name: &str, args: &[Arg], env: &Env) -> EvalResult {
    let f = Expr::new(ExprKind::Ident(Sym::new(name)), Default::default());
    let mut items = vec![(None, f)];
    items.extend(args.iter().map(|a| {
        let e = a.value.clone().unwrap_or_else(|| {
            Expr::new(ExprKind::Ident(Sym::new("")), Default::default())
        });
        (a.name, e)
    }));
    let e = crate::eval::lang_list::from_components(items);
    if matches!(e.kind, ExprKind::Call(..)) {
        return err(format!("invalid use of '{}' with {} arguments", name, args.len()));
    }
    it.eval(&e, env)
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
    if arg.is_null() || (av.len() == ch.len() && av.iter().zip(ch.iter()).all(|(a, b)| a == b)) {
        return Ok(Value::strs(vec![ch.first().cloned().flatten()]));
    }
    let several = match args.iter().find(|a| a.name.is_some_and(|n| n.as_str() == "several.ok")).or_else(|| {
        args.get(2).filter(|a| a.name.is_none())
    }) {
        Some(Arg { value: Some(v), .. }) => it.eval(v, env)?.as_bool().flatten().unwrap_or(false),
        _ => false,
    };
    // each element: its exact match, else its unique prefix match ("" matches nothing)
    let find = |a: &str| -> Option<Option<Rc<str>>> {
        if a.is_empty() {
            return None;
        }
        if let Some(x) = ch.iter().find(|c| c.as_deref() == Some(a)) {
            return Some(x.clone());
        }
        let mut hits = ch.iter().filter(|c| c.as_deref().is_some_and(|c| c.starts_with(a)));
        match (hits.next(), hits.next()) {
            (Some(x), None) => Some(x.clone()),
            _ => None,
        }
    };
    if several {
        let found: Vec<Option<Rc<str>>> = av.iter().filter_map(|a| a.as_deref().and_then(find)).collect();
        if !found.is_empty() {
            return Ok(Value::strs(found));
        }
    } else if av.len() != 1 {
        return err("'arg' must be of length 1");
    }
    if !several {
        if let Some(x) = av[0].as_deref().and_then(find) {
            return Ok(Value::strs(vec![x]));
        }
    }
    let list: Vec<String> = ch
        .iter()
        .map(|c| format!("\u{201c}{}\u{201d}", c.as_deref().unwrap_or("NA")))
        .collect();
    err(format!("'arg' should be one of {}", list.join(", ")))
}

/// The frame `which` names, as sys.call and sys.function read it: 0 the current one, a
/// negative number that many frames back, a positive one by its number from the outside.
fn which_frame(it: &Interp, a: &Args) -> Option<usize> {
    let which = a.items.first().and_then(|(_, v)| v.as_f64()).unwrap_or(0.0) as i64;
    let n = it.frames.len() as i64;
    let k = if which > 0 { which - 1 } else { n - 1 + which };
    (k >= 0 && k < n).then_some(k as usize)
}

fn sys_call(it: &mut Interp, a: Args) -> EvalResult {
    match which_frame(it, &a).map(|k| &it.frames[k]) {
        Some(f) => Ok(lang(&f.call)),
        None => Ok(Value::Null),
    }
}

fn sys_function(it: &mut Interp, a: Args) -> EvalResult {
    Ok(which_frame(it, &a).map(|k| it.frames[k].func.clone()).unwrap_or(Value::Null))
}

/// The number of the frame the current function was called from (0 for the top level).
fn sys_parent(it: &mut Interp, a: Args) -> EvalResult {
    let n = a.items.first().and_then(|(_, v)| v.as_f64()).unwrap_or(1.0).max(1.0) as usize;
    let mut k = it.frames.len();
    for _ in 0..n {
        if k == 0 {
            break;
        }
        let caller = it.frames[k - 1].caller.clone();
        k = it.frames[..k - 1].iter().rposition(|f| f.env.ptr_eq(&caller)).map_or(0, |i| i + 1);
    }
    Ok(Value::int(k as i32))
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
    for a in args.iter() {
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
    Ok(Expr::new(ExprKind::Call(f.clone(), out.into()), call.span))
}

fn match_call(it: &mut Interp, _args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let e = matched_call(it, env)?;
    Ok(lang(&e))
}

/// The environment named by an `envir`/`pos` argument, or the current one.
pub(crate) fn env_arg(it: &Interp, v: Option<&Value>) -> Env {
    match v {
        Some(Value::Env(e)) => e.clone(),
        Some(v @ Value::Vector(_)) if v.len() == 1 => {
            crate::builtins::base::environments::as_environment(it, v).unwrap_or_else(|_| it.global.clone())
        }
        _ => it
            .frames
            .last()
            .map(|f| f.env.clone())
            .unwrap_or_else(|| it.global.clone()),
    }
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
            list_env(v, parent)
        }
        // envir = NULL is an empty list: a fresh frame over enclos
        Some(Value::Null) => match m.get("enclos") {
            Some(Value::Env(e)) => Env::new(Some(e.clone())),
            _ => it.frames.last().map(|f| f.env.clone()).unwrap_or_else(|| it.global.clone()),
        },
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
    // envir and enclos by name, else by position after the expression
    let mut positional = args.iter().skip(1).filter(|a| a.name.is_none());
    let named = |n: &str| args.iter().skip(1).find(|a| a.name.is_some_and(|s| s.as_str() == n));
    let envir = named("envir").or_else(|| positional.next());
    let enclos = named("enclos").or_else(|| positional.next());
    let parent = match enclos.and_then(|a| a.value.as_ref()) {
        Some(x) => match it.eval(x, env)? {
            Value::Env(e) => e,
            _ => return err("invalid 'enclos' argument"),
        },
        None => env.clone(),
    };
    let target = match envir.and_then(|a| a.value.as_ref()) {
        Some(x) => match it.eval(x, env)? {
            Value::Env(e) => e,
            Value::Null => parent,
            v @ Value::Vector(_) => list_env(&v, parent),
            _ => return err("invalid 'envir' argument of type 'closure'"),
        },
        None => env.clone(),
    };
    it.eval(e, &target)
}

/// A new environment holding a list's (or data frame's) named elements, enclosed by `parent`.
fn list_env(v: &Value, parent: Env) -> Env {
    let e = Env::new(Some(parent));
    let names = v.names().unwrap_or_default();
    for (i, item) in v.list_vec().iter().enumerate() {
        if let Some(Some(n)) = names.get(i) {
            e.set(Sym::new(n), item.clone());
        }
    }
    e
}

fn parse(it: &mut Interp, m: Matched) -> EvalResult {
    // text = wins, as R's; else the file (a name or a connection), read whole
    let text = match (m.get("text"), m.get("file")) {
        (Some(t), _) if !t.is_null() => t.as_strings().unwrap_or_default().join("\n"),
        (_, Some(f)) if !(f.as_string().is_some_and(|s| s.is_empty())) => {
            let f = f.clone();
            crate::builtins::base::connections::read_all(it, &f)?
        }
        _ => String::new(),
    };
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
        Value::Lang(l) => {
            let cutoff = m
                .get("width.cutoff")
                .and_then(|w| w.as_f64())
                .filter(|w| (20.0..=500.0).contains(w))
                .map(|w| w as usize)
                .unwrap_or(crate::syntax::deparse::DEFAULT_CUTOFF);
            crate::syntax::deparse::deparse_lines(&l.expr, cutoff).join("\n")
        }
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

fn set_formals(_it: &mut Interp, m: Matched) -> EvalResult {
    let Some(Value::Closure(c)) = m.get("fun") else {
        return err("'fun' must be a function");
    };
    let value = m.req("value")?;
    let names = value.names().unwrap_or_default();
    let params = value
        .list_vec()
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let name = names.get(i).cloned().flatten().unwrap_or_default();
            let blank = matches!(v, Value::Vector(x) if v.as_string().as_deref() == Some("")
                && x.data.len() == 1)
                || matches!(v, Value::Missing)
                || matches!(v, Value::Lang(l) if matches!(&l.expr.kind,
                    crate::syntax::ast::ExprKind::Ident(s) if s.as_str().is_empty()));
            crate::syntax::ast::Param {
                name: Sym::new(&name),
                default: (!blank).then(|| value_to_expr(v)),
            }
        })
        .collect();
    Ok(Value::Closure(Rc::new(crate::value::Closure {
        params: Rc::new(params),
        body: c.body.clone(),
        env: c.env.clone(),
        attrs: c.attrs.clone(),
    })))
}

fn set_body(_it: &mut Interp, m: Matched) -> EvalResult {
    let Some(Value::Closure(c)) = m.get("fun") else {
        return err("'fun' must be a function");
    };
    Ok(Value::Closure(Rc::new(crate::value::Closure {
        params: c.params.clone(),
        body: Rc::new(value_to_expr(m.req("value")?)),
        env: c.env.clone(),
        attrs: c.attrs.clone(),
    })))
}

fn formals(it: &mut Interp, a: Args) -> EvalResult {
    let f = a.items.first().map(|x| x.1.clone());
    // a builtin standing in for an R closure has that closure's formals (from its usage)
    if let Some(Value::Builtin(b)) = &f {
        if super::types::is_r_primitive(b.name) {
            return Ok(Value::Null);
        }
        let c = crate::builtins::utils::help::builtin_formals_closure(it, b.name)?;
        return formals(it, Args::positional(vec![c]));
    }
    match f.as_ref() {
        Some(Value::Closure(c)) => Ok(Value::named_list(
            c.params
                .iter()
                .map(|p| {
                    (
                        p.name.to_string(),
                        p.default
                            .as_ref()
                            .map(lang_or_const)
                            .unwrap_or_else(|| {
                                lang(&Expr::new(ExprKind::Ident(Sym::new("")), Default::default()))
                            }),
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
    let f = Expr::new(ExprKind::Ident(Sym::new(&name)), Default::default());
    let mut parts = vec![(None, f)];
    parts.extend(items.map(|(n, v)| (n, value_to_expr(&v))));
    // operators and syntax (`+`, `~`, `{`, `if`, ...) become the expressions they name
    Ok(lang(&crate::eval::lang_list::from_components(parts)))
}

fn as_call(_it: &mut Interp, a: Args) -> EvalResult {
    let Some((_, l)) = a.items.into_iter().next() else {
        return err("invalid argument list");
    };
    let items = l.list_vec();
    let names = l.names();
    if items.is_empty() {
        return err("invalid argument list");
    }
    let parts = items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let name = names
                .as_ref()
                .and_then(|n| n[i].as_deref().filter(|s| !s.is_empty()).map(Sym::new));
            (if i == 0 { None } else { name }, value_to_expr(v))
        })
        .collect();
    Ok(lang(&crate::eval::lang_list::from_components(parts)))
}

/// This process's user and system CPU seconds (Linux `/proc/self/stat`; zeros elsewhere).
pub(crate) fn cpu_times() -> (f64, f64) {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return (0.0, 0.0);
    };
    // fields after the parenthesised command name; utime and stime are fields 14 and 15
    let rest = stat.rsplit_once(')').map(|x| x.1).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0) / 100.0;
    (tick(11), tick(12))
}

pub(crate) fn proc_time_value(user: f64, sys: f64, elapsed: f64) -> Value {
    let mut v = Value::dbls(vec![user, sys, elapsed]);
    v.set_attr(
        Sym::new("names"),
        Value::strings(&["user.self", "sys.self", "elapsed"]),
    );
    v.set_attr(Sym::new("class"), Value::str("proc_time"));
    v
}

/// The current value of an option, falling back to R's defaults.
pub(crate) fn option_value(it: &Interp, name: &str) -> Option<Value> {
    if let Some((_, v)) = it.options.iter().find(|(k, _)| *k == name) {
        return Some(v.clone());
    }
    default_option(name)
}

/// The options a session starts with (`Rscript --vanilla`'s, less paths and functions).
pub(crate) const DEFAULT_OPTIONS: &[&str] = &[
    "add.smooth", "browserNLdisabled", "CBoundsCheck", "check.bounds", "continue", "contrasts",
    "defaultPackages", "deparse.cutoff", "digits", "echo", "editor", "encoding", "expressions",
    "keep.source", "keep.source.pkgs", "locatorBell", "matprod", "max.print", "na.action",
    "nwarnings", "OutDec", "papersize", "prompt", "scipen", "show.coef.Pvalues",
    "show.error.messages", "show.signif.stars", "showErrorCalls", "stringsAsFactors", "timeout",
    "ts.eps", "ts.S.compat", "useFancyQuotes", "verbose", "warn", "warning.length", "width",
];

/// R's default value of an option.
pub(crate) fn default_option(name: &str) -> Option<Value> {
    let named = |names: &[&str], vals: &[&str]| {
        let mut v = Value::strings(vals);
        v.set_attr(Sym::new("names"), Value::strings(names));
        v
    };
    Some(match name {
        "add.smooth" | "locatorBell" | "show.coef.Pvalues" | "show.error.messages"
        | "show.signif.stars" | "showErrorCalls" | "useFancyQuotes" => Value::lgl(true),
        "browserNLdisabled" | "CBoundsCheck" | "check.bounds" | "echo" | "keep.source"
        | "keep.source.pkgs" | "stringsAsFactors" | "ts.S.compat" | "verbose" => Value::lgl(false),
        "continue" => Value::str("+ "),
        "prompt" => Value::str("> "),
        "contrasts" => named(&["unordered", "ordered"], &["contr.treatment", "contr.poly"]),
        "defaultPackages" => {
            Value::strings(&["datasets", "utils", "grDevices", "graphics", "stats", "methods"])
        }
        "deparse.cutoff" => Value::int(60),
        "digits" => Value::int(7),
        "editor" => Value::str("vi"),
        "encoding" => Value::str("native.enc"),
        "expressions" => Value::int(5000),
        "matprod" => Value::str("default"),
        "max.print" => Value::int(99999),
        "na.action" => Value::str("na.omit"),
        "nwarnings" => Value::int(50),
        "OutDec" => Value::str("."),
        "papersize" => Value::str("a4"),
        "scipen" => Value::num(0.0),
        "timeout" => Value::int(60),
        "ts.eps" => Value::num(1e-5),
        "warn" => Value::int(0),
        "warning.length" => Value::int(1000),
        "width" => Value::int(80),
        _ => return None,
    })
}
