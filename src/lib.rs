//! rsc: an R-like statistical modeling language.
#![forbid(unsafe_code)]

pub mod api;
pub mod builtins;
pub mod error;
pub mod eval;
pub mod frame;
pub mod print;
pub mod rng;
pub mod stats;
pub mod syntax;
pub mod value;

pub use error::{ErrorKind, RError};
pub use api::{Builder, ConvertError, Error, Interpreter, SharedBuffer};
pub use eval::Interp;
pub use value::Value;
/// The polars version rsc is built with, for hosts that pass frames in and out.
pub use polars;
