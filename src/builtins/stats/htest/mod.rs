//! Classical tests returning "htest" objects, grouped by what they compare.

pub mod counts;
pub mod means;
pub mod ranks;

use crate::builtins::{Builtin, Doc};

/// The tests' builtin tables.
pub fn tables() -> Vec<&'static [Builtin]> {
    vec![means::BUILTINS, ranks::BUILTINS, counts::BUILTINS]
}

/// The tests' help entries.
pub fn docs() -> Vec<&'static [Doc]> {
    vec![means::DOCS, ranks::DOCS, counts::DOCS]
}
