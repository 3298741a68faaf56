//! R's printing and formatting rules.

pub mod num;

use crate::value::Value;

/// A short deparse of a value for error messages (`unused argument (3)`).
pub fn deparse_value_short(v: &Value) -> String {
    format!("{:?}", v)
}
