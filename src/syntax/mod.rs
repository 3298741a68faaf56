//! Source text to AST: lexer, parser, and the deparser that prints AST back as R code.

pub mod ast;
pub mod deparse;
pub mod span;
pub mod sym;

use crate::error::RError;
use ast::Expr;

/// Parses a whole program into its top-level expressions.
///
/// Input that ends in the middle of an expression gives an error of kind
/// [`ErrorKind::Incomplete`](crate::error::ErrorKind::Incomplete).
pub fn parse(src: &str) -> Result<Vec<Expr>, RError> {
    let _ = src;
    Err(RError::new(crate::error::ErrorKind::Syntax, "parser not built yet"))
}

/// Parses a single expression (for `parse(text=)` and `as.formula`).
pub fn parse_expr(src: &str) -> Result<Expr, RError> {
    let mut v = parse(src)?;
    match v.len() {
        1 => Ok(v.remove(0)),
        _ => Err(RError::new(crate::error::ErrorKind::Syntax, "expected one expression")),
    }
}
