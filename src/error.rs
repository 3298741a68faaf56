//! The one error type, and its rendering with file:line:col and a caret.

use crate::syntax::span::{line_col, Span};
use crate::value::Value;
use thiserror::Error;

/// What went wrong, broadly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Malformed source text.
    Syntax,
    /// Source text that ends before the expression does (the REPL asks for more).
    Incomplete,
    /// An error raised while evaluating (`stop()` or a failing builtin).
    Runtime,
    /// A resource limit (depth, time, memory) was hit.
    Limit,
    /// A capability the host switched off (file access, environment).
    Denied,
    /// The script called `q()` (the embedding API reports it as an error of this kind).
    Quit,
}

/// An R error: its message, the call it is attributed to, and where in the source it happened.
#[derive(Clone, Debug, Error)]
#[error("{}", self.header())]
pub struct RError {
    pub kind: ErrorKind,
    pub message: String,
    /// The deparsed call (`f(x)`) shown as `Error in f(x) : ...`.
    pub call: Option<String>,
    pub span: Option<Span>,
    /// The condition object, when raised with `stop(cond)`.
    pub condition: Option<Value>,
}

/// Messages of the `Limit` errors that are not R errors: an interrupt and the host's
/// budgets. `try` and `tryCatch(error =, condition =)` never catch them (an interrupt is
/// caught by `tryCatch(interrupt =)` only where no budget is set: in the console).
pub const INTERRUPTED_MSG: &str = "interrupted";
pub const TIME_LIMIT_MSG: &str = "evaluation time limit exceeded";
pub const STEP_LIMIT_MSG: &str = "evaluation step limit exceeded";
pub const MEMORY_LIMIT_MSG: &str = "evaluation memory limit exceeded";

impl RError {
    /// An interrupt (Ctrl-C): R's `interrupt` condition, not an error.
    pub fn is_interrupt(&self) -> bool {
        self.kind == ErrorKind::Limit && self.message == INTERRUPTED_MSG
    }
    /// An interrupt or an exhausted budget (time, steps, total memory): never an R error.
    pub fn is_budget(&self) -> bool {
        self.kind == ErrorKind::Limit
            && [INTERRUPTED_MSG, TIME_LIMIT_MSG, STEP_LIMIT_MSG, MEMORY_LIMIT_MSG]
                .contains(&self.message.as_str())
    }
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> RError {
        RError {
            kind,
            message: message.into(),
            call: None,
            span: None,
            condition: None,
        }
    }
    pub fn runtime(message: impl Into<String>) -> RError {
        RError::new(ErrorKind::Runtime, message)
    }
    pub fn syntax(message: impl Into<String>, span: Span) -> RError {
        RError::new(ErrorKind::Syntax, message).with_span(span)
    }
    pub fn with_span(mut self, span: Span) -> RError {
        if self.span.is_none() {
            self.span = Some(span);
        }
        self
    }
    pub fn with_call(mut self, call: impl Into<String>) -> RError {
        if self.call.is_none() {
            self.call = Some(call.into());
        }
        self
    }
    /// R's first line: `Error in f(x) : msg` or `Error: msg`.
    pub fn header(&self) -> String {
        match &self.call {
            Some(c) if self.kind != ErrorKind::Syntax && !c.is_empty() => {
                let first = c.lines().next().unwrap_or("");
                let msg1 = self.message.lines().next().unwrap_or("").len();
                if "Error in ".len() + first.len() + " : ".len() + msg1 > 77 {
                    format!("Error in {} : \n  {}", first, self.message)
                } else {
                    format!("Error in {} : {}", first, self.message)
                }
            }
            _ => format!("Error: {}", self.message),
        }
    }
    /// The full diagnostic: R's header, then `file:line:col`, the source line and a caret.
    pub fn render(&self, file: &str, src: &str) -> String {
        let mut out = self.header();
        if let Some(span) = self.span {
            out.push('\n');
            out.push_str(&caret(file, src, span));
        }
        out
    }
}

/// Longest stretch of a source line shown before and after the caret.
const CONTEXT: usize = 60;

/// `--> file:line:col`, the source line and a caret under the span. Long lines are cut
/// to a window around the span, marked with `...`.
pub fn caret(file: &str, src: &str, span: Span) -> String {
    let mut start = (span.start as usize).min(src.len());
    while !src.is_char_boundary(start) {
        start -= 1;
    }
    let (line, col) = line_col(src, start);
    let line_start = src[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = src[start..]
        .find('\n')
        .map(|i| start + i)
        .unwrap_or(src.len());
    let mut end = (span.end as usize).clamp(start, line_end);
    while !src.is_char_boundary(end) {
        end -= 1;
    }
    let before: Vec<char> = src[line_start..start].chars().collect();
    let (lead, shown_before) = if before.len() > CONTEXT {
        (
            "...",
            before[before.len() - CONTEXT..].iter().collect::<String>(),
        )
    } else {
        ("", before.iter().collect::<String>())
    };
    let marked: String = src[start..end].chars().take(CONTEXT).collect();
    let marked_len = src[start..end].chars().count();
    let after_from = if marked_len > CONTEXT {
        end
    } else {
        end.min(line_end)
    };
    let after: String = if marked_len > CONTEXT {
        String::new()
    } else {
        src[after_from..line_end].chars().take(CONTEXT).collect()
    };
    let cut_after = marked_len > CONTEXT || src[after_from..line_end].chars().count() > CONTEXT;
    let text = format!(
        "{}{}{}{}{}",
        lead,
        shown_before,
        marked,
        after,
        if cut_after { "..." } else { "" }
    );
    let offset = lead.len() + shown_before.chars().count();
    let width = marked_len.clamp(1, CONTEXT);
    let gutter = line.to_string().len();
    format!(
        "{pad} --> {file}:{line}:{col}\n{pad} |\n{line} | {text}\n{pad} | {sp}{car}",
        pad = " ".repeat(gutter),
        sp = " ".repeat(offset),
        car = "^".repeat(width)
    )
}

/// Non-local control flow, and errors, as they unwind through the evaluator.
#[derive(Debug)]
pub enum Flow {
    Error(Box<RError>),
    Break,
    Next,
    Return(Value),
    /// `q()`: leave the session with this exit status (no handler can catch it).
    Quit(i32),
    /// A condition unwinding to the `tryCatch` frame with this id, carrying the handler index.
    Unwind {
        target: usize,
        handler: usize,
        cond: Value,
    },
}

impl From<RError> for Flow {
    fn from(e: RError) -> Flow {
        Flow::Error(Box::new(e))
    }
}

/// Why evaluation at top level ended early: an error, or `q()` with its exit status.
#[derive(Clone, Debug)]
pub enum Stop {
    Error(RError),
    Quit(i32),
}

/// Result of evaluation.
pub type EvalResult<T = Value> = Result<T, Flow>;

/// Shorthand: a runtime error as a `Flow`.
pub fn err<T>(msg: impl Into<String>) -> EvalResult<T> {
    Err(Flow::Error(Box::new(RError::runtime(msg))))
}

/// A conversion from an R value failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConvertError(pub String);

impl std::fmt::Display for ConvertError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConvertError {}
