//! Prints AST back as R source, the way R's deparse does.

use super::ast::Expr;

/// Deparses an expression to one string (lines joined with newlines).
pub fn deparse(e: &Expr) -> String {
    format!("{:?}", e.kind)
}
