//! Conditions: stop, warning, message, tryCatch, try, withCallingHandlers, stopifnot.

use crate::builtins::{declared, eager, special, Args, Builtin, Matched};
use crate::error::{err, EvalResult, Flow, RError};
use crate::eval::conditions::{
    condition_classes, condition_message, error_condition, make_condition, Handler,
};
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr};
use crate::syntax::sym::Sym;
use crate::value::{Env, Value};

pub const BUILTINS: &[Builtin] = &[
    declared("stop", stop),
    declared("warning", warning),
    declared("message", message),
    declared("signalCondition", signal_condition),
    special("tryCatch", try_catch),
    special("withCallingHandlers", with_calling_handlers),
    special("try", try_),
    special("suppressWarnings", suppress_warnings),
    special("suppressMessages", suppress_messages),
    special("stopifnot", stopifnot),
    eager("simpleError", simple_error),
    eager("simpleWarning", simple_warning),
    eager("simpleCondition", simple_condition),
    eager("simpleMessage", simple_message),
    declared("conditionMessage", condition_message_fn),
    declared("conditionCall", condition_call),
    eager("geterrmessage", geterrmessage),
    eager("warningCondition", warning_condition),
    eager("errorCondition", error_condition_fn),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("stop", "stop(..., call. = TRUE, domain = NULL)",
            "Signals an error whose message is its arguments pasted together (or a condition object), ending \
             evaluation unless a handler such as tryCatch catches it. With call. = FALSE the message is shown \
             without the calling function."),
        doc("warning", "warning(..., call. = TRUE, immediate. = FALSE, noBreaks. = FALSE, domain = NULL)",
            "Signals a warning with the pasted message. Evaluation continues; the warning is shown after the \
             top-level call finishes unless handled or suppressed. Returns the message invisibly."),
        doc("message", "message(..., domain = NULL, appendLF = TRUE)",
            "Writes its pasted arguments and a newline to standard error as a diagnostic message, which handlers \
             and suppressMessages can intercept."),
        doc("signalCondition", "signalCondition(cond)",
            "Signals the condition object cond to any active handlers without stopping; returns NULL if no \
             handler takes over."),
        doc("tryCatch", "tryCatch(expr, ..., finally)",
            "Evaluates expr with handlers given as class = function(cond) arguments (error, warning, message, \
             condition). When a matching condition is signalled, evaluation of expr stops and the handler's value \
             is returned. The finally expression runs on the way out in every case."),
        doc("withCallingHandlers", "withCallingHandlers(expr, ...)",
            "Evaluates expr with handlers given as class = function(cond) arguments that are called where the \
             condition is signalled; after a handler returns, evaluation continues (a warning handler can call \
             invokeRestart(\"muffleWarning\") to silence it)."),
        doc("try", "try(expr, silent = FALSE)",
            "Evaluates expr; if it fails, prints the error message (unless silent = TRUE) and returns an \
             invisible object of class \"try-error\" holding the message instead of stopping."),
        doc("suppressWarnings", "suppressWarnings(expr, classes = \"warning\")",
            "Evaluates expr and discards any warnings it signals. Returns the value of expr."),
        doc("suppressMessages", "suppressMessages(expr, classes = \"message\")",
            "Evaluates expr and discards any messages it signals. Returns the value of expr."),
        doc("stopifnot", "stopifnot(...)",
            "Signals an error naming the first argument that is not all TRUE. Named arguments use their name as \
             the error message. Returns NULL invisibly when everything holds."),
        doc("simpleError", "simpleError(message, call = NULL)",
            "Creates an error condition object with the given message and call, suitable for stop or \
             signalCondition."),
        doc("simpleWarning", "simpleWarning(message, call = NULL)",
            "Creates a warning condition object with the given message and call, suitable for warning or \
             signalCondition."),
        doc("simpleCondition", "simpleCondition(message, call = NULL)",
            "Creates a plain condition object with the given message and call."),
        doc("simpleMessage", "simpleMessage(message, call = NULL)",
            "Creates a message condition object with the given message and call, suitable for message or \
             signalCondition."),
        doc("conditionMessage", "conditionMessage(c)", "Returns the message string of a condition object."),
        doc("conditionCall", "conditionCall(c)", "Returns the call stored in a condition object, or NULL."),
        doc("geterrmessage", "geterrmessage()", "Returns the text of the last error message, as it was printed."),
        doc("warningCondition", "warningCondition(message, ..., class = NULL, call = NULL)",
            "Creates a warning condition with extra classes (put in front of \"warning\" and \"condition\") and \
             extra fields given in the dots."),
        doc("errorCondition", "errorCondition(message, ..., class = NULL, call = NULL)",
            "Creates an error condition with extra classes (put in front of \"error\" and \"condition\") and \
             extra fields given in the dots, for stop to signal and tryCatch to select by class."),
    ]
};

/// Pastes `...` message parts as `stop()`/`warning()` do.
fn paste_message(dots: &[(Option<Sym>, Value)]) -> String {
    let mut s = String::new();
    for (_, v) in dots {
        for x in v.str_vec().iter() {
            s.push_str(x.as_deref().unwrap_or("NA"));
        }
    }
    s
}

fn call_flag(m: &crate::builtins::Matched, i: &str) -> bool {
    m.get(i).and_then(|v| v.as_bool().flatten()).unwrap_or(true)
}

fn stop(it: &mut Interp, m: Matched) -> EvalResult {
    let call = if call_flag(&m, "call.") {
        it.current_call()
    } else {
        None
    };
    if let Some((_, c)) = m.dots.first() {
        if c.inherits("condition") {
            let msg = condition_message(c);
            it.signal_calling(c)?;
            let mut e = RError::runtime(msg);
            e.call = Some(condition_call_text(c).unwrap_or_default());
            e.condition = Some(c.clone());
            return Err(e.into());
        }
    }
    let msg = paste_message(&m.dots);
    let cond = make_condition(
        &msg,
        call.as_deref(),
        &["simpleError", "error", "condition"],
    );
    it.signal_calling(&cond)?;
    let mut e = RError::runtime(msg);
    e.call = Some(call.unwrap_or_default());
    Err(e.into())
}

fn condition_call_text(c: &Value) -> Option<String> {
    match crate::eval::index::list_get(c, "call") {
        Some(Value::Lang(l)) => Some(crate::syntax::deparse::deparse(&l.expr)),
        _ => None,
    }
}

impl Interp {
    /// Runs `withCallingHandlers` handlers for an error before it unwinds.
    pub fn signal_calling(&mut self, cond: &Value) -> EvalResult<()> {
        let classes = condition_classes(cond);
        let mut i = self.handlers.len();
        while i > 0 {
            i -= 1;
            let h = self.handlers[i].clone();
            if h.calling && classes.contains(&h.class) {
                let saved: Vec<Handler> = self.handlers.drain(i..).collect();
                let r = self.call_value(&h.func, vec![(None, cond.clone())]);
                self.handlers.extend(saved);
                r?;
            }
        }
        Ok(())
    }
}

fn warning(it: &mut Interp, m: Matched) -> EvalResult {
    let call = if call_flag(&m, "call.") {
        it.current_call()
    } else {
        None
    };
    if let Some((_, c)) = m.dots.first() {
        if c.inherits("condition") {
            let msg = condition_message(c);
            if !it.signal(c)? {
                it.warnings.push((condition_call_text(c), msg.clone()));
            }
            it.visible = false;
            return Ok(Value::str(&msg));
        }
    }
    let msg = paste_message(&m.dots);
    it.raise_warning(&msg, call)?;
    it.visible = false;
    Ok(Value::str(&msg))
}

fn message(it: &mut Interp, m: Matched) -> EvalResult {
    let lf = m
        .get("appendLF")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    // message(cond): the condition itself is signalled
    if let [(_, c)] = &m.dots[..] {
        if c.inherits("condition") {
            let c = c.clone();
            if !it.signal(&c)? {
                it.write_err(&condition_message(&c));
            }
            it.visible = false;
            return Ok(Value::Null);
        }
    }
    let mut msg = paste_message(&m.dots);
    if lf {
        msg.push('\n');
    }
    let cond = make_condition(&msg, None, &["simpleMessage", "message", "condition"]);
    if !it.signal(&cond)? {
        it.write_err(&msg);
    }
    it.visible = false;
    Ok(Value::Null)
}

fn signal_condition(it: &mut Interp, m: Matched) -> EvalResult {
    let c = m.get("cond").cloned().unwrap_or(Value::Null);
    it.signal(&c)?;
    Ok(Value::Null)
}

/// Evaluates handler arguments of tryCatch/withCallingHandlers into (class, function) pairs.
fn handler_args(
    it: &mut Interp,
    args: &[Arg],
    env: &Env,
) -> EvalResult<(Option<Expr>, Vec<(String, Value)>, Option<Expr>)> {
    let mut expr = None;
    let mut handlers = Vec::new();
    let mut finally = None;
    for a in args {
        match (a.name.map(|n| n.as_str()), &a.value) {
            (Some("expr"), Some(v)) => expr = Some(v.clone()),
            (Some("finally"), Some(v)) => finally = Some(v.clone()),
            (Some(cls), Some(v)) => handlers.push((cls.to_string(), it.eval(v, env)?)),
            (None, Some(v)) if expr.is_none() => expr = Some(v.clone()),
            _ => {}
        }
    }
    Ok((expr, handlers, finally))
}

fn try_catch(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let (expr, handlers, finally) = handler_args(it, args, env)?;
    let id = it.next_handler_id;
    it.next_handler_id += 1;
    let base = it.handlers.len();
    for (i, (cls, f)) in handlers.iter().enumerate() {
        it.handlers.push(Handler {
            id,
            index: i,
            class: cls.clone(),
            func: f.clone(),
            calling: false,
        });
    }
    let frames = it.frames.len();
    let depth = it.depth;
    let pseudo = if !handlers.is_empty() {
        "doTryCatch(return(expr), name, parentenv, handler)"
    } else {
        "tryCatchList(expr, classes, parentenv, handlers)"
    };
    let r = match &expr {
        Some(e) => it.eval_with_pseudo_call(e, env, pseudo.to_string()),
        None => Ok(Value::Null),
    };
    it.handlers.truncate(base);
    let r = match r {
        Err(Flow::Unwind {
            target,
            handler,
            cond,
        }) if target == id => {
            it.frames.truncate(frames);
            it.depth = depth;
            it.call_value(&handlers[handler].1, vec![(None, cond)])
        }
        // an interrupt is R's `interrupt` condition (only in the console: under a host's
        // budget nothing catches it); the budgets themselves are caught by nothing
        Err(Flow::Error(e)) if e.is_budget() => {
            let console = it.deadline.is_none() && it.max_steps.is_none() && it.memory_cap.is_none();
            let h = handlers
                .iter()
                .find(|(c, _)| c == "interrupt" || c == "condition")
                .map(|(_, f)| f.clone());
            match h {
                Some(f) if e.is_interrupt() && console => {
                    it.frames.truncate(frames);
                    it.depth = depth;
                    let cond = crate::eval::conditions::make_condition("", None, &["interrupt", "condition"]);
                    it.call_value(&f, vec![(None, cond)])
                }
                _ => Err(Flow::Error(e)),
            }
        }
        Err(Flow::Error(e)) => {
            let cond = error_condition(&e);
            let classes = condition_classes(&cond);
            match handlers
                .iter()
                .find(|(c, _)| classes.iter().any(|k| k == c))
            {
                Some((_, f)) => {
                    it.frames.truncate(frames);
                    it.depth = depth;
                    it.call_value(f, vec![(None, cond)])
                }
                None => Err(Flow::Error(e)),
            }
        }
        r => r,
    };
    if let Some(f) = finally {
        let vis = it.visible;
        it.eval(&f, env)?;
        it.visible = vis;
    }
    r
}

fn with_calling_handlers(it: &mut Interp, args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    let (expr, handlers, _) = handler_args(it, args, env)?;
    let id = it.next_handler_id;
    it.next_handler_id += 1;
    let base = it.handlers.len();
    for (i, (cls, f)) in handlers.iter().enumerate() {
        it.handlers.push(Handler {
            id,
            index: i,
            class: cls.clone(),
            func: f.clone(),
            calling: true,
        });
    }
    let r = match &expr {
        Some(e) => it.eval_with_pseudo_call(e, env, crate::syntax::deparse::deparse(call)),
        None => Ok(Value::Null),
    };
    it.handlers.truncate(base);
    r
}

fn try_(it: &mut Interp, args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    let mut expr = None;
    let mut silent = false;
    for a in args {
        match (a.name.map(|n| n.as_str()), &a.value) {
            (Some("silent"), Some(v)) => {
                silent = it.eval(v, env)?.as_bool().flatten().unwrap_or(false)
            }
            (None, Some(v)) if expr.is_none() => expr = Some(v.clone()),
            (None, Some(v)) => silent = it.eval(v, env)?.as_bool().flatten().unwrap_or(false),
            _ => {}
        }
    }
    let frames = it.frames.len();
    let depth = it.depth;
    let handlers = it.handlers.len();
    let pseudo = crate::syntax::deparse::deparse(call);
    match expr
        .map(|e| it.eval_with_pseudo_call(&e, env, pseudo))
        .unwrap_or(Ok(Value::Null))
    {
        Err(Flow::Error(e)) if !e.is_budget() => {
            it.frames.truncate(frames);
            it.depth = depth;
            it.handlers.truncate(handlers);
            // R's try writes "Error : " where there is no call
            let header = e.header();
            let text = match header.strip_prefix("Error: ") {
                Some(rest) => format!("Error : {}\n", rest),
                None => format!("{}\n", header),
            };
            if !silent {
                it.write_err(&text);
            }
            let mut v = Value::str(&text);
            v.set_attr(Sym::new("class"), Value::str("try-error"));
            v.set_attr(Sym::new("condition"), error_condition(&e));
            it.visible = false;
            Ok(v)
        }
        r => r,
    }
}

/// Evaluates the first argument with a calling handler that muffles conditions of `class`
/// (`suppressWarnings`, `suppressMessages`).
fn suppress(it: &mut Interp, args: &[Arg], env: &Env, class: &str) -> EvalResult {
    let Some(e) = args.first().and_then(|a| a.value.as_ref()) else {
        return Ok(Value::Null);
    };
    let id = it.next_handler_id;
    it.next_handler_id += 1;
    let muffle = it
        .base
        .get_local(Sym::new(MUFFLE_NAME))
        .unwrap_or(Value::Null);
    let base = it.handlers.len();
    it.handlers.push(Handler {
        id,
        index: 0,
        class: class.into(),
        func: muffle,
        calling: true,
    });
    let r = it.eval(e, env);
    it.handlers.truncate(base);
    r
}

fn suppress_warnings(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    suppress(it, args, env, "warning")
}

fn suppress_messages(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    suppress(it, args, env, "message")
}

/// Where `install` binds the handler that `suppressWarnings`/`suppressMessages` install.
pub const MUFFLE_NAME: &str = ".rsc.muffle";

/// The handler of `suppressWarnings`/`suppressMessages`: muffles the condition.
pub fn muffle_fn(_it: &mut Interp, _a: Args) -> EvalResult {
    Err(Flow::Unwind {
        target: crate::eval::conditions::MUFFLE,
        handler: 0,
        cond: Value::Null,
    })
}

fn stopifnot(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    for a in args {
        let Some(e) = &a.value else { continue };
        let v = it.eval(e, env)?;
        let ok = match v.data() {
            Some(d) if d.vtype() == crate::value::VType::Lgl => {
                let l = d.to_lgl();
                l.iter().all(|&x| x == 1)
            }
            _ => false,
        };
        if !ok {
            let msg = match a.name {
                Some(n) => n.to_string(),
                None => {
                    let text = crate::syntax::deparse::deparse(e);
                    let all = if v.len() > 1 {
                        " are not all TRUE"
                    } else {
                        " is not TRUE"
                    };
                    format!("{}{}", text, all)
                }
            };
            let call = it.current_call();
            let mut er = RError::runtime(msg);
            er.call = Some(call.unwrap_or_default());
            return Err(er.into());
        }
    }
    it.visible = false;
    Ok(Value::Null)
}

fn cond_ctor(a: Args, classes: &[&str]) -> EvalResult {
    let m = a.matched(&["message", "call"])?;
    let msg = m
        .get("message")
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let mut c = make_condition(&msg, None, classes);
    if let Some(call) = m.get("call") {
        let mut items = vec![
            ("message".to_string(), Value::str(&msg)),
            ("call".to_string(), call.clone()),
        ];
        let cls = c.get_attr("class").cloned();
        c = Value::named_list(std::mem::take(&mut items));
        if let Some(cls) = cls {
            c.set_attr(Sym::new("class"), cls);
        }
    }
    Ok(c)
}

fn simple_error(_it: &mut Interp, a: Args) -> EvalResult {
    cond_ctor(a, &["simpleError", "error", "condition"])
}
fn simple_warning(_it: &mut Interp, a: Args) -> EvalResult {
    cond_ctor(a, &["simpleWarning", "warning", "condition"])
}
fn simple_condition(_it: &mut Interp, a: Args) -> EvalResult {
    cond_ctor(a, &["simpleCondition", "condition"])
}
fn simple_message(_it: &mut Interp, a: Args) -> EvalResult {
    cond_ctor(a, &["simpleMessage", "message", "condition"])
}

fn classed_condition(a: Args, base: &[&str]) -> EvalResult {
    let m = a.matched(&["message", "...", "class", "call"])?;
    let msg = m
        .get("message")
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let mut classes: Vec<String> = m
        .get("class")
        .and_then(|v| v.as_strings())
        .unwrap_or_default();
    classes.extend(base.iter().map(|s| s.to_string()));
    let mut items = vec![
        ("message".to_string(), Value::str(&msg)),
        (
            "call".to_string(),
            m.get("call").cloned().unwrap_or(Value::Null),
        ),
    ];
    for (n, v) in m.dots.iter() {
        if let Some(n) = n {
            items.push((n.to_string(), v.clone()));
        }
    }
    let mut c = Value::named_list(items);
    c.set_attr(Sym::new("class"), Value::strings(&classes));
    Ok(c)
}

fn warning_condition(_it: &mut Interp, a: Args) -> EvalResult {
    classed_condition(a, &["warning", "condition"])
}
fn error_condition_fn(_it: &mut Interp, a: Args) -> EvalResult {
    classed_condition(a, &["error", "condition"])
}

fn condition_message_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let c = m.get("c").cloned().unwrap_or(Value::Null);
    match crate::eval::index::list_get(&c, "message") {
        Some(m) => Ok(m),
        None => err("no applicable method for 'conditionMessage'"),
    }
}

fn condition_call(_it: &mut Interp, m: Matched) -> EvalResult {
    let c = m.get("c").cloned().unwrap_or(Value::Null);
    Ok(crate::eval::index::list_get(&c, "call").unwrap_or(Value::Null))
}

fn geterrmessage(_it: &mut Interp, _a: Args) -> EvalResult {
    Ok(Value::str(""))
}
