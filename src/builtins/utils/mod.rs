//! R's `utils` package: `str`, help, stacking frames, and rsc's Parquet and lazy-frame
//! readers.

pub mod help;
pub mod parquet;
#[cfg(feature = "spark")]
pub mod spark;
pub mod stack;
pub mod str;

use super::{Builtin, Doc};

/// The package's builtin tables.
pub fn tables() -> Vec<&'static [Builtin]> {
    #[allow(unused_mut)]
    let mut t = vec![
        str::BUILTINS,
        parquet::BUILTINS,
        help::BUILTINS,
        stack::BUILTINS,
    ];
    #[cfg(feature = "spark")]
    t.push(spark::BUILTINS);
    t
}

/// The package's help entries.
pub fn docs() -> Vec<&'static [Doc]> {
    #[allow(unused_mut)]
    let mut d = vec![str::DOCS, parquet::DOCS, help::DOCS, stack::DOCS];
    #[cfg(feature = "spark")]
    d.push(spark::DOCS);
    d
}
