//! The one session loop: source text is parsed, evaluated statement by statement at top
//! level (visible values printed when the interpreter auto-prints), and the run ends in a
//! value, an error or `q()`. The script runner (`main.rs`), the console (`repl.rs`) and
//! the embedding API all evaluate through here.

use crate::error::{caret, RError, Stop};
use crate::eval::Interp;
use crate::syntax::ast::Expr;
use crate::value::Value;

/// How a run of source text ended.
#[derive(Debug)]
pub enum Ended {
    /// Every statement ran; the last one's value.
    Done(Value),
    /// A statement failed (or the text did not parse).
    Error(RError),
    /// `q()` was called with this exit status.
    Quit(i32),
}

/// Evaluates parsed statements at top level, stopping at the first error or `q()`.
pub fn eval_statements(it: &mut Interp, exprs: &[Expr]) -> Ended {
    let mut last = Value::Null;
    for e in exprs {
        match it.eval_toplevel(e) {
            Ok(v) => last = v,
            Err(Stop::Error(e)) => {
                it.flush();
                return Ended::Error(e);
            }
            Err(Stop::Quit(status)) => {
                it.flush();
                return Ended::Quit(status);
            }
        }
    }
    it.flush();
    Ended::Done(last)
}

/// Parses and evaluates source text; a syntax error ends the run before anything runs.
pub fn eval_text(it: &mut Interp, text: &str) -> Ended {
    match crate::syntax::parse(text) {
        Ok(exprs) => eval_statements(it, &exprs),
        Err(e) => Ended::Error(e),
    }
}

/// Runs a whole script as `Rscript` does and returns the process exit status: the
/// statements before a syntax error run first; an error is written to the interpreter's
/// error stream with its caret, followed by `Execution halted`.
pub fn run_script(it: &mut Interp, name: &str, text: &str) -> i32 {
    let status = run_script_body(it, name, text);
    // Rscript closes the open graphics devices at exit, writing their files.
    if let Err(e) = crate::builtins::grDevices::close_all(it) {
        it.write_err(&format!("Error: {}\n", e));
    }
    status
}

/// Runs the value of `options(error = )` after a top-level error: an expression or call is
/// evaluated, a function called; its own errors are reported and otherwise ignored.
fn run_error_handler(it: &mut Interp, h: &Value) -> Result<(), Stop> {
    let r = match h {
        Value::Lang(l) => it.eval_toplevel(&l.expr),
        Value::Closure(_) | Value::Builtin(_) => match it.call_value(h, Vec::new()) {
            Err(crate::error::Flow::Quit(s)) => Err(Stop::Quit(s)),
            Err(crate::error::Flow::Error(e)) => Err(Stop::Error(*e)),
            _ => Ok(Value::Null),
        },
        // expression(...): each element in turn
        v if v.vtype() == Some(crate::value::VType::List) => {
            let mut r = Ok(Value::Null);
            for x in v.list_vec().iter() {
                if let Value::Lang(l) = x {
                    r = it.eval_toplevel(&l.expr);
                }
            }
            r
        }
        _ => Ok(Value::Null),
    };
    match r {
        Err(Stop::Quit(s)) => Err(Stop::Quit(s)),
        Err(Stop::Error(e)) => {
            it.write_err(&format!("{}\n", e.header()));
            Ok(())
        }
        Ok(_) => Ok(()),
    }
}

fn run_script_body(it: &mut Interp, name: &str, text: &str) -> i32 {
    let (exprs, syntax_error) = match crate::syntax::parse(text) {
        Ok(e) => (e, None),
        Err(e) => {
            let (before, start) = crate::syntax::statements_before(text, &e);
            (before, Some((e, start)))
        }
    };
    for e in &exprs {
        match it.eval_toplevel(e) {
            Ok(_) => {}
            Err(Stop::Quit(status)) => {
                it.flush();
                return status;
            }
            Err(Stop::Error(e)) => {
                it.flush();
                // As Rscript: with options(error = <handler>) set, the handler runs and the
                // script goes on with the next statement; without one the run halts.
                let handler = crate::builtins::base::lang::option_value(it, "error");
                match handler {
                    Some(h) if !h.is_null() && !e.is_budget() => {
                        it.write_err(&format!("{}\n", e.render(name, text)));
                        if let Err(Stop::Quit(status)) = run_error_handler(it, &h) {
                            it.flush();
                            return status;
                        }
                        it.flush();
                    }
                    _ => {
                        it.write_err(&format!("{}\nExecution halted\n", e.render(name, text)));
                        return 1;
                    }
                }
            }
        }
    }
    it.flush();
    if let Some((e, start)) = syntax_error {
        let header = crate::syntax::script_error_header(text, start, &e);
        let msg = match e.span {
            Some(span) => format!("{}\n{}", header, caret(name, text, span)),
            None => header,
        };
        it.write_err(&format!("{}\nExecution halted\n", msg));
        it.flush();
        return 1;
    }
    0
}
