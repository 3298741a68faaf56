//! R's `methods` package: S4 classes, generics and methods, and Reference classes.
//!
//! Most of it is R code (`builtins/R/methods_*.R`) over the few builtins here, which reach
//! the evaluator's S4 state (`eval/slots.rs`): the superclass table S3 dispatch sees, the
//! builtins with S4 methods, and the hook that dispatches them.

pub mod dispatch;
pub mod objects;

use super::{Builtin, Doc};

/// The package's builtin tables.
pub fn tables() -> Vec<&'static [Builtin]> {
    vec![objects::BUILTINS, dispatch::BUILTINS]
}

/// The package's help entries.
pub fn docs() -> Vec<&'static [Doc]> {
    vec![objects::DOCS, dispatch::DOCS]
}

/// Installs the dispatcher for builtins and operators with S4 methods.
pub fn install(it: &mut crate::eval::Interp) {
    it.s4.hook = Some(objects::dispatch_prim);
}
