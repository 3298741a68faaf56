//! Condition signalling: errors, warnings, messages, and the handler stack behind
//! `tryCatch` and `withCallingHandlers`.

use super::Interp;
use crate::error::{EvalResult, Flow, RError};
use crate::syntax::ast::Expr;
use crate::syntax::sym::Sym;
use crate::value::{Env, Value};

/// An established handler.
#[derive(Clone, Debug)]
pub struct Handler {
    /// The `tryCatch`/`withCallingHandlers` frame it belongs to.
    pub id: usize,
    /// Index of the handler within its frame.
    pub index: usize,
    /// The condition class it handles.
    pub class: String,
    pub func: Value,
    /// `withCallingHandlers` handlers run in place; `tryCatch` handlers unwind.
    pub calling: bool,
}

/// The restart target used by `invokeRestart("muffleWarning")` and friends.
pub const MUFFLE: usize = usize::MAX;

/// Builds a condition object: `list(message=, call=)` with the given classes.
pub fn make_condition(msg: &str, call: Option<&str>, classes: &[&str]) -> Value {
    let call_v = match call {
        Some(c) if !c.is_empty() => match crate::syntax::parse_expr(c) {
            Ok(e) => Value::Lang(std::rc::Rc::new(crate::value::Lang {
                expr: std::rc::Rc::new(e),
                attrs: None,
            })),
            Err(_) => Value::Null,
        },
        _ => Value::Null,
    };
    let mut v = Value::named_list(vec![
        ("message".into(), Value::str(msg)),
        ("call".into(), call_v),
    ]);
    v.set_attr(Sym::new("class"), Value::strings(classes));
    v
}

/// The classes of a condition value.
pub fn condition_classes(v: &Value) -> Vec<String> {
    v.class_attr().unwrap_or_default()
}

/// The message of a condition value.
pub fn condition_message(v: &Value) -> String {
    crate::eval::index::list_get(v, "message")
        .and_then(|m| m.as_string())
        .unwrap_or_default()
}

/// The condition object for an error (the one given to `stop()`, or a simpleError).
pub fn error_condition(e: &RError) -> Value {
    if let Some(c) = &e.condition {
        return c.clone();
    }
    make_condition(
        &e.message,
        e.call.as_deref(),
        &["simpleError", "error", "condition"],
    )
}

impl Interp {
    /// The deparsed call of the innermost closure frame (for `stop()`/`warning()` messages).
    pub fn current_call(&self) -> Option<String> {
        if let Some((n, c)) = self.pseudo_calls.last() {
            if *n == self.frames.len() {
                return Some(c.clone());
            }
        }
        self.frames
            .last()
            .map(|f| crate::syntax::deparse::deparse(&f.call))
    }

    /// Evaluates `e` in `env` with `call` reported as the call of conditions
    /// signalled directly in it (see `pseudo_calls`).
    pub fn eval_with_pseudo_call(&mut self, e: &Expr, env: &Env, call: String) -> EvalResult {
        let n = self.pseudo_calls.len();
        self.pseudo_calls.push((self.frames.len(), call));
        let r = self.eval(e, env);
        self.pseudo_calls.truncate(n);
        r
    }

    /// Signals a condition to the handler stack. Calling handlers run in place; the first
    /// matching exiting handler unwinds. Returns Ok(true) if a restart muffled it.
    pub fn signal(&mut self, cond: &Value) -> EvalResult<bool> {
        let classes = condition_classes(cond);
        let mut i = self.handlers.len();
        while i > 0 {
            i -= 1;
            let h = self.handlers[i].clone();
            if !classes.contains(&h.class) {
                continue;
            }
            if h.calling {
                // Run with the handler stack below this handler, as R does.
                let saved: Vec<Handler> = self.handlers.drain(i..).collect();
                let r = self.call_value(&h.func, vec![(None, cond.clone())]);
                self.handlers.extend(saved);
                match r {
                    Ok(_) => {}
                    Err(Flow::Unwind { target, .. }) if target == MUFFLE => return Ok(true),
                    Err(f) => return Err(f),
                }
            } else {
                return Err(Flow::Unwind {
                    target: h.id,
                    handler: h.index,
                    cond: cond.clone(),
                });
            }
        }
        Ok(false)
    }

    /// Raises an R warning from a builtin: runs handlers, else records it for printing.
    pub fn warning(&mut self, msg: impl Into<String>) {
        let msg = msg.into();
        self.pending_warnings.push(msg);
    }

    /// Raises a warning condition with a call, honouring handlers.
    pub fn raise_warning(&mut self, msg: &str, call: Option<String>) -> EvalResult<()> {
        let cond = make_condition(
            msg,
            call.as_deref(),
            &["simpleWarning", "warning", "condition"],
        );
        if !self.handlers.is_empty() && self.signal(&cond)? {
            return Ok(());
        }
        self.unhandled_warning(call, msg)
    }

    /// A warning no handler took, as `options(warn =)` says: dropped (negative), kept for
    /// the end of the top-level call (0; at most 50), printed now (1), or an error (2).
    fn unhandled_warning(&mut self, call: Option<String>, msg: &str) -> EvalResult<()> {
        let level = self
            .options
            .iter()
            .find(|(k, _)| k == "warn")
            .and_then(|(_, v)| v.as_f64())
            .unwrap_or(0.0);
        if level < 0.0 {
            return Ok(());
        }
        if level >= 2.0 {
            let text = format!("(converted from warning) {}", msg);
            return Err(RError::runtime(text).with_call(call.unwrap_or_default()).into());
        }
        if level >= 1.0 {
            let text = match call {
                Some(c) if !c.is_empty() => format!("Warning in {} : {}\n", c, msg),
                _ => format!("Warning: {}\n", msg),
            };
            self.write_err(&text);
            return Ok(());
        }
        if self.warnings.len() < 50 {
            self.warnings.push((call, msg.to_string()));
        }
        Ok(())
    }

    /// Delivers warnings that builtins queued with [`warning`](Self::warning).
    pub fn deliver_warnings(&mut self, call: Option<String>) -> EvalResult<()> {
        if self.pending_warnings.is_empty() {
            return Ok(());
        }
        let ws = std::mem::take(&mut self.pending_warnings);
        for w in ws {
            self.raise_warning(&w, call.clone())?;
        }
        Ok(())
    }
}
