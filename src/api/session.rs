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

fn run_script_body(it: &mut Interp, name: &str, text: &str) -> i32 {
    let (exprs, syntax_error) = match crate::syntax::parse(text) {
        Ok(e) => (e, None),
        Err(e) => {
            let (before, start) = crate::syntax::statements_before(text, &e);
            (before, Some((e, start)))
        }
    };
    match eval_statements(it, &exprs) {
        Ended::Quit(status) => return status,
        Ended::Error(e) => {
            it.write_err(&format!("{}\nExecution halted\n", e.render(name, text)));
            return 1;
        }
        Ended::Done(_) => {}
    }
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
