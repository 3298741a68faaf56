//! Debugging and interactive input: `browser`, `debug`, `debugonce`, `undebug`,
//! `isdebugged`, `trace`, `untrace`, `traceback`, `recover`, `menu`, `askYesNo`.
//! The prompts and stepping live in the evaluator (`eval::debug`); console input comes
//! from `Interp::console` (None when not interactive, where `browser()` does nothing).

use crate::builtins::{declared, special, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::debug::Tracer;
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::{Env, Value};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    special("browser", browser),
    declared("debug", debug),
    declared("debugonce", debugonce),
    declared("undebug", undebug),
    declared("isdebugged", isdebugged),
    declared("trace", trace),
    declared("untrace", untrace),
    declared("traceback", traceback),
    declared("recover", recover),
    declared("menu", menu),
    declared("askYesNo", ask_yes_no),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("browser", "browser(text = \"\", condition = NULL, expr = TRUE, skipCalls = 0L)",
            "Stops at the console and reads commands in the calling function's frame: n (next), s (step \
             into), f (finish), c (continue), Q (quit), where (the call stack), help, or any expression. \
             Does nothing when not interactive."),
        doc("debug", "debug(fun, text = \"\", condition = NULL, signature = NULL)",
            "Marks a function so that each call stops in the browser before its body and steps through it."),
        doc("debugonce", "debugonce(fun, text = \"\", condition = NULL, signature = NULL)",
            "Like debug, for the next call only."),
        doc("undebug", "undebug(fun, signature = NULL)", "Removes the mark set by debug."),
        doc("isdebugged", "isdebugged(fun, signature = NULL)",
            "TRUE when the function is marked by debug or debugonce."),
        doc("trace", "trace(what, tracer, exit, at, print, signature, where = topenv(parent.frame()), edit = FALSE)",
            "Runs the expression tracer (a quoted call) each time the function named by what is entered."),
        doc("untrace", "untrace(what, signature = NULL, where = topenv(parent.frame()))",
            "Removes the tracing set by trace."),
        doc("traceback", "traceback(x = NULL, max.lines = NULL)",
            "Prints the calls that were active when the last uncaught error happened, innermost first."),
        doc("recover", "recover()",
            "Used as options(error = recover): after an error at the console, offers the active frames and \
             browses the one chosen."),
        doc("menu", "menu(choices, graphics = FALSE, title = NULL)",
            "Shows the numbered choices at the console and returns the number chosen (0 for none)."),
        doc("askYesNo", "askYesNo(msg, default = TRUE, prompts = c(\"Yes\", \"No\", \"Cancel\"))",
            "Asks a yes/no question at the console: TRUE for yes, FALSE for no, NA for cancel."),
    ]
};

fn browser(it: &mut Interp, _args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    it.browser(env)?;
    it.visible = false;
    Ok(Value::Null)
}

/// What a `fun`/`what` argument names (a function, or a name to look up).
enum Target {
    Closure(Rc<Expr>),
    Builtin(&'static str),
}

fn target_of(it: &mut Interp, m: &Matched, arg: &str) -> EvalResult<Target> {
    let v = match m.get(arg) {
        Some(v @ (Value::Closure(_) | Value::Builtin(_))) => v.clone(),
        Some(v) if v.as_string().is_some() => {
            let name = v.as_string().unwrap_or_default();
            let g = it.global.clone();
            it.get_function(Sym::new(&name), &g)?
        }
        Some(_) => return err("argument must be a function"),
        None => return err(format!("argument \"{}\" is missing, with no default", arg)),
    };
    match v {
        Value::Closure(c) => Ok(Target::Closure(c.body.clone())),
        Value::Builtin(b) => Ok(Target::Builtin(b.name)),
        _ => err("argument must be a function"),
    }
}

/// The body of the closure a `fun`/`what` argument names; None for a builtin.
fn target(it: &mut Interp, m: &Matched, arg: &str) -> EvalResult<Option<Rc<Expr>>> {
    Ok(match target_of(it, m, arg)? {
        Target::Closure(b) => Some(b),
        Target::Builtin(_) => None,
    })
}

fn debug(it: &mut Interp, m: Matched) -> EvalResult {
    if let Some(b) = target(it, &m, "fun")? {
        it.debug.mark(&b, false);
    }
    it.visible = false;
    Ok(Value::Null)
}

fn debugonce(it: &mut Interp, m: Matched) -> EvalResult {
    if let Some(b) = target(it, &m, "fun")? {
        it.debug.mark(&b, true);
    }
    it.visible = false;
    Ok(Value::Null)
}

fn undebug(it: &mut Interp, m: Matched) -> EvalResult {
    match target(it, &m, "fun")? {
        Some(b) if it.debug.is_marked(&b) => it.debug.unmark(&b),
        _ => it.warning("argument is not being debugged"),
    }
    it.visible = false;
    Ok(Value::Null)
}

fn isdebugged(it: &mut Interp, m: Matched) -> EvalResult {
    let b = target(it, &m, "fun")?;
    Ok(Value::lgl(b.is_some_and(|b| it.debug.is_marked(&b))))
}

fn trace(it: &mut Interp, m: Matched) -> EvalResult {
    let what = target_of(it, &m, "what")?;
    let tracer = match m.get("tracer") {
        Some(Value::Lang(l)) => Some(l.expr.clone()),
        Some(Value::Closure(c)) => {
            let f = Expr::new(ExprKind::Function(c.params.clone(), c.body.clone()), Default::default());
            Some(Rc::new(Expr::new(ExprKind::Call(Rc::new(f), Default::default()), Default::default())))
        }
        None => None,
        _ => return err("the tracer must be a quoted expression or a function"),
    };
    // `trace(f)` announces each call and returns invisibly; with a tracer, R returns the
    // name visibly
    it.visible = tracer.is_some();
    let print = m.get("print").and_then(|v| v.as_bool()).flatten().unwrap_or(true);
    let tracer = Some(Tracer { expr: tracer, print });
    let name = match (&what, m.get("what").and_then(|v| v.as_string())) {
        (_, Some(n)) => n,
        (Target::Closure(b), None) => global_name(it, b),
        (Target::Builtin(n), None) => n.to_string(),
    };
    let name = Value::str(&name);
    match what {
        Target::Closure(b) => it.debug.trace(&b, tracer),
        Target::Builtin(n) => it.debug.trace_builtin(n, tracer),
    }
    Ok(name)
}

/// The global name bound to the closure with body `body` (R reports the traced name).
fn global_name(it: &Interp, body: &Rc<Expr>) -> String {
    let found = it.global.bindings().into_iter().find(|(_, v)| match v {
        Value::Closure(c) => Rc::ptr_eq(&c.body, body),
        _ => false,
    });
    found.map(|(s, _)| s.as_str().to_string()).unwrap_or_default()
}

fn untrace(it: &mut Interp, m: Matched) -> EvalResult {
    match target_of(it, &m, "what")? {
        Target::Closure(b) => it.debug.trace(&b, None),
        Target::Builtin(n) => it.debug.trace_builtin(n, None),
    }
    it.visible = false;
    Ok(Value::Null)
}

fn traceback(it: &mut Interp, _m: Matched) -> EvalResult {
    let calls = it.debug.traceback.clone();
    it.visible = false;
    if calls.is_empty() {
        it.write_out("No traceback available \n");
        return Ok(Value::Null);
    }
    let n = calls.len();
    let mut s = String::new();
    for (i, c) in calls.iter().enumerate() {
        let label = format!("{}: ", n - i);
        let pad = " ".repeat(label.len());
        for (j, line) in c.lines().enumerate() {
            s.push_str(if j == 0 { &label } else { &pad });
            s.push_str(line);
            s.push('\n');
        }
    }
    it.write_out(&s);
    Ok(Value::list(calls.iter().map(|c| Value::str(c)).collect()))
}

fn recover(it: &mut Interp, _m: Matched) -> EvalResult {
    if it.console.is_none() {
        return err("recover() needs an interactive session");
    }
    it.write_out("No suitable frames for recover()\n");
    it.visible = false;
    Ok(Value::Null)
}

/// Reads a line at the console; an error when not interactive.
fn ask(it: &mut Interp, prompt: &str, what: &str) -> EvalResult<String> {
    it.flush();
    match it.console.as_mut() {
        Some(read) => Ok(read(prompt).unwrap_or_default()),
        None => err(format!("{}() cannot be used non-interactively", what)),
    }
}

fn menu(it: &mut Interp, m: Matched) -> EvalResult {
    let choices: Vec<String> = m
        .get("choices")
        .map(|v| v.str_vec().iter().map(|s| s.as_deref().unwrap_or("NA").to_string()).collect())
        .unwrap_or_default();
    if it.console.is_none() {
        return err("menu() cannot be used non-interactively");
    }
    let mut s = String::new();
    if let Some(t) = m.get("title").and_then(|v| v.as_string()) {
        s.push_str(&t);
        s.push_str(" \n\n");
    }
    let w = choices.len().to_string().len();
    for (i, c) in choices.iter().enumerate() {
        s.push_str(&format!("{:>w$}: {}\n", i + 1, c, w = w));
    }
    s.push('\n');
    it.write_out(&s);
    loop {
        let answer = ask(it, "Selection: ", "menu")?;
        match answer.trim().parse::<usize>() {
            Ok(k) if k <= choices.len() => return Ok(Value::int(k as i32)),
            _ if answer.trim().is_empty() => return Ok(Value::int(0)),
            _ => it.write_out("Enter an item from the menu, or 0 to exit\n"),
        }
    }
}

fn ask_yes_no(it: &mut Interp, m: Matched) -> EvalResult {
    let msg = m.get("msg").and_then(|v| v.as_string()).unwrap_or_default();
    let default = m.get("default").and_then(|v| v.as_bool()).unwrap_or(Some(true));
    let prompts: Vec<String> = match m.get("prompts") {
        Some(v) if v.str_vec().len() == 3 => {
            v.str_vec().iter().map(|s| s.as_deref().unwrap_or("").to_string()).collect()
        }
        _ => vec!["Yes".into(), "No".into(), "Cancel".into()],
    };
    // the default's prompt is shown capitalised, the others in lower case
    let shown: Vec<String> = prompts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let is_default = match default {
                Some(true) => i == 0,
                Some(false) => i == 1,
                None => i == 2,
            };
            if is_default { p.clone() } else { p.to_lowercase() }
        })
        .collect();
    let prompt = format!("{} ({}) ", msg, shown.join("/"));
    if it.console.is_none() {
        // as R's readline does when not interactive: echo the prompt, take the default
        it.write_out(&format!("{}\n", prompt));
        return Ok(default.map_or(Value::lgl_na(), Value::lgl));
    }
    loop {
        let a = ask(it, &prompt, "askYesNo")?.trim().to_lowercase();
        if a.is_empty() {
            return Ok(default.map_or(Value::lgl_na(), Value::lgl));
        }
        for (i, p) in prompts.iter().enumerate() {
            if p.to_lowercase().starts_with(&a) {
                return Ok(match i {
                    0 => Value::lgl(true),
                    1 => Value::lgl(false),
                    _ => Value::lgl_na(),
                });
            }
        }
        it.write_out("Unrecognized response ");
        it.write_out(&format!("\"{}\"\n", a));
    }
}
