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

/// Parses source text holding exactly one expression (as `as.formula("y ~ x")` needs).
pub fn parse_expr(src: &str) -> Result<Expr, RError> {
    let mut v = parse(src)?;
    match v.len() {
        1 => Ok(v.remove(0)),
        0 => {
            let mut e = RError::syntax("unexpected end of input", span::Span::new(src.len(), src.len()));
            e.kind = crate::error::ErrorKind::Incomplete;
            Err(e)
        }
        _ => Err(RError::syntax("expected a single expression", v[1].span)),
    }
}

