//! R's printing and formatting rules.

use crate::value::Value;

/// A short deparse of a value for error messages (`unused argument (3)`).
pub fn deparse_value_short(v: &Value) -> String {
    format!("{:?}", v)
}

/// R's `deparse()` of a value.
pub fn deparse_value(v: &Value) -> String {
    format!("{:?}", v)
}

/// Placeholder: print.default text.
pub fn print_value_simple(v: &Value, _digits: usize, _quote: bool) -> String {
    format!("{:?}\n", v)
}

/// Placeholder: how `cat` writes a number.
pub fn cat_num(x: f64) -> String {
    crate::value::coerce::num_to_string(x)
}

/// Placeholder: a numeric column formatted with common decimals.
pub fn format_num_column(xs: &[f64], _digits: usize) -> Vec<String> {
    xs.iter().map(|&x| crate::value::coerce::num_to_string(x)).collect()
}
