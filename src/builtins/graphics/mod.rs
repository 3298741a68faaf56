//! R's graphics package: the parameters (`par`, `layout`), plot set-up and the low-level
//! drawing functions in Rust (`draw.rs`), the high-level ones in R over them
//! (`builtins/R/graphics.R`).

pub mod draw;
pub mod params;

use crate::builtins::{Builtin, Doc};

pub fn tables() -> Vec<&'static [Builtin]> {
    vec![params::BUILTINS, draw::BUILTINS]
}

pub fn docs() -> Vec<&'static [Doc]> {
    vec![params::DOCS, draw::DOCS]
}
