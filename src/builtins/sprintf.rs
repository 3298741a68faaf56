//! `sprintf` and `gettextf`.
use super::Builtin;
/// The sprintf builtins.
pub const BUILTINS: &[Builtin] = &[];
