//! rsc: an R-like statistical modeling language.
//!
//! Embedding: evaluate R code, read values back as Rust types.
//!
//! ```
//! let mut r = rsc::Interpreter::new();
//! r.eval("fit <- lm(mpg ~ wt, data = mtcars)").unwrap();
//! let coef: Vec<f64> = r.eval("coef(fit)").unwrap().try_into().unwrap();
//! assert!((coef[1] - -5.344472).abs() < 1e-6);
//! ```
// Safe code throughout, but for four measured hot paths: the least-squares kernel
// (`stats::tsqr::fold`) runs compiled for AVX2 and the CSV reader's number parse
// (`frame::csv_simd`) for SSSE3 where the processor has them, the CSV reader maps the
// file instead of copying it (`frame::csv_fast`), and large fresh buffers have their pages
// mapped in with one system call (`mem::populate`).
#![deny(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
// Numeric constants are written as published in R's sources and the papers they cite,
// digits and all, so they can be checked against them.
#![allow(clippy::excessive_precision)]
// The numeric kernels follow R's C and Fortran: loops index several arrays in step, and
// comparisons such as `!(x < y)` are meant to be true for NaN.
#![allow(clippy::needless_range_loop, clippy::neg_cmp_op_on_partial_ord)]
// Builtins pass tuples of columns, names and levels between steps of one algorithm.
#![allow(clippy::type_complexity)]

pub mod api;
pub mod builtins;
pub mod error;
pub mod eval;
pub mod frame;
pub mod graphics;
#[doc(hidden)]
pub mod fuzzing;
pub mod mem;
pub mod print;
// The Spark Connect client compiles in every build (it has no dependencies, and its unit
// tests run with the others); the `spark` feature adds the builtins that use it.
pub mod spark;
pub mod stats;
pub mod syntax;
pub mod value;

pub use api::{Builder, ConvertError, Error, Interpreter, SharedBuffer};
pub use error::{ErrorKind, RError};
pub use eval::Interp;
/// The polars version rsc is built with, for hosts that pass frames in and out.
pub use polars;
pub use value::Value;
