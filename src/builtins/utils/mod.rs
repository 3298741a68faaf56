//! R's `utils` package: `str`, help, stacking frames, and rsc's Parquet and lazy-frame
//! readers.

pub mod help;
pub mod parquet;
pub mod stack;
pub mod str;

use super::{Builtin, Doc};

/// The package's builtin tables.
pub fn tables() -> Vec<&'static [Builtin]> {
    vec![
        str::BUILTINS,
        parquet::BUILTINS,
        help::BUILTINS,
        stack::BUILTINS,
    ]
}

/// The package's help entries.
pub fn docs() -> Vec<&'static [Doc]> {
    vec![str::DOCS, parquet::DOCS, help::DOCS, stack::DOCS]
}
