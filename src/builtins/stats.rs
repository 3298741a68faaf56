//! placeholder
use super::Builtin;
/// Table.
pub const BUILTINS: &[Builtin] = &[];
