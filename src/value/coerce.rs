//! Conversions between vector types, following R's coercion rules.

use crate::syntax::ast::Expr;

/// `length()` of a language object.
pub fn lang_len(_e: &Expr) -> usize {
    1
}
