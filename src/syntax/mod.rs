//! Source text to AST: lexer, parser, and the deparser that prints AST back as R code.

pub mod ast;
pub mod deparse;
pub mod lexer;
mod parser;
pub mod span;
pub mod sym;

use crate::error::RError;
use ast::Expr;

/// Parses a whole program into its top-level expressions.
///
/// Input that ends in the middle of an expression gives an error of kind
/// [`ErrorKind::Incomplete`](crate::error::ErrorKind::Incomplete) with the
/// message `unexpected end of input`; other problems give
/// [`ErrorKind::Syntax`](crate::error::ErrorKind::Syntax) errors worded as R's.
pub fn parse(src: &str) -> Result<Vec<Expr>, RError> {
    parser::parse_program(src)
}

/// Parses source that is not the user's (base functions written in R): every span is
/// the empty default span, which errors do not point at.
pub fn parse_detached(src: &str) -> Result<Vec<Expr>, RError> {
    let mut exprs = parse(src)?;
    exprs.iter_mut().for_each(ast::detach_spans);
    Ok(exprs)
}

/// Parses source text holding exactly one expression (as `as.formula("y ~ x")` needs).
pub fn parse_expr(src: &str) -> Result<Expr, RError> {
    let mut v = parse(src)?;
    match v.len() {
        1 => Ok(v.remove(0)),
        0 => {
            let mut e = RError::syntax(
                "unexpected end of input",
                span::Span::new(src.len(), src.len()),
            );
            e.kind = crate::error::ErrorKind::Incomplete;
            Err(e)
        }
        _ => Err(RError::syntax("expected a single expression", v[1].span)),
    }
}

/// The message R's `parse(text = )` gives for a syntax error: `<text>:line:col: msg`,
/// then the last one or two source lines read and a caret, placed as R places it.
/// Errors R reports without a position (bad escapes, repeated formals) keep their message.
pub fn r_parse_message(src: &str, e: &RError) -> String {
    let Some(span) = e.span.filter(|_| e.message.starts_with("unexpected ")) else {
        return e.message.clone();
    };
    let at_eof = e.message == "unexpected end of input";
    // the text R's lexer has read: through the offending token, or everything
    let start = (span.start as usize).min(src.len());
    let read_to = if at_eof || e.message == "unexpected INCOMPLETE_STRING" {
        src.len()
    } else {
        (span.end as usize).clamp(start, src.len())
    };
    let (line, col) = if at_eof {
        (src.split('\n').count() + 1, 0)
    } else {
        let line_start = src[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
        (
            src[..start].matches('\n').count() + 1,
            tab_col(&src[line_start..start]) + 1,
        )
    };
    let mut lines: Vec<&str> = src[..read_to].split('\n').collect();
    if lines.len() > 1 && lines.last() == Some(&"") {
        lines.pop();
    }
    let last = lines.len();
    let mut out = format!("<text>:{}:{}: {}", line, col, e.message);
    let width = if last >= 2 {
        out.push_str(&format!("\n{}: {}", last - 1, expand_tabs(lines[last - 2])));
        format!("{}:", last).len()
    } else {
        format!("{}: ", last).len()
    };
    out.push_str(&format!("\n{}: {}", last, expand_tabs(lines[last - 1])));
    out.push_str(&format!("\n{}^", " ".repeat(width + col)));
    out
}

/// The column after `s` with tabs advancing to the next multiple of 8, as R counts.
fn tab_col(s: &str) -> usize {
    s.chars()
        .fold(0, |c, ch| if ch == '\t' { c + 8 - c % 8 } else { c + 1 })
}

fn expand_tabs(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch == '\t' {
            let n = 8 - out.chars().count() % 8;
            out.push_str(&" ".repeat(n));
        } else {
            out.push(ch);
        }
    }
    out
}

/// For a script whose parse failed with `e`: the complete statements before the failing
/// one (R's `Rscript` runs those before it reports the error), and the offset where the
/// failing statement starts.
pub fn statements_before(src: &str, e: &RError) -> (Vec<Expr>, usize) {
    let at = e
        .span
        .map(|s| (s.start as usize).min(src.len()))
        .unwrap_or(src.len());
    // try the statement boundaries (a newline or `;`) before the error, latest first
    let mut tries = 0;
    let mut end = at;
    while let Some(i) = src[..end].rfind(['\n', ';']) {
        tries += 1;
        if tries > 64 {
            break;
        }
        if let Ok(exprs) = parse(&src[..i + 1]) {
            return (exprs, i + 1);
        }
        end = i;
    }
    (Vec::new(), 0)
}

/// R's first line for a syntax error in a script: `Error: unexpected ')' in "f(1))"`,
/// quoting the failing statement (from `stmt_start`) up to the offending token.
pub fn script_error_header(src: &str, stmt_start: usize, e: &RError) -> String {
    if e.kind == crate::error::ErrorKind::Incomplete {
        return "Error: unexpected end of input".to_string();
    }
    let Some(span) = e.span.filter(|_| e.message.starts_with("unexpected ")) else {
        return e.header();
    };
    let end = (span.end as usize).clamp(stmt_start.min(src.len()), src.len());
    let mut start = stmt_start.min(end);
    // blank and comment-only lines are statements of their own
    loop {
        let line_end = src[start..end].find('\n').map(|i| start + i);
        match line_end {
            Some(le)
                if src[start..le].trim().is_empty()
                    || src[start..le].trim_start().starts_with('#') =>
            {
                start = le + 1
            }
            _ => break,
        }
    }
    // R keeps the last 256 bytes read as context
    while end - start > 256 || !src.is_char_boundary(start) {
        start += 1;
    }
    let lines: Vec<&str> = src[start..end].split('\n').collect();
    match lines.len() {
        0 | 1 => format!(
            "Error: {} in \"{}\"",
            e.message,
            src[start..end].trim_end_matches('\n')
        ),
        n => format!(
            "Error: {} in:\n\"{}\n{}\"",
            e.message,
            lines[n - 2],
            lines[n - 1]
        ),
    }
}
