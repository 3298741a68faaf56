//! Data frames as R sees them: a classed list of equal-length columns with row names.

use super::{Args, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::index::Sub;
use crate::eval::Interp;
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[];

/// Number of rows of a data frame.
pub fn df_nrow(x: &Value) -> usize {
    match x.get_attr("row.names") {
        Some(r) => {
            let v = r.int_vec();
            if v.len() == 2 && v[0] == crate::value::NA_INT {
                v[1].unsigned_abs() as usize
            } else {
                r.len()
            }
        }
        None => x.list_vec().first().map(|c| c.len()).unwrap_or(0),
    }
}

/// Row names as a character vector.
pub fn df_row_names(x: &Value) -> Value {
    match x.get_attr("row.names") {
        Some(r) if matches!(r.vtype(), Some(crate::value::VType::Str)) => r.clone(),
        _ => Value::strings(&(1..=df_nrow(x)).map(|i| i.to_string()).collect::<Vec<_>>()),
    }
}

pub fn df_index(_x: &Value, _subs: &[Sub], _drop: bool) -> EvalResult {
    err("data frame indexing is not implemented yet")
}

pub fn df_assign(_it: &mut Interp, _x: &mut Value, _subs: &[Sub], _v: Value) -> EvalResult<()> {
    err("data frame assignment is not implemented yet")
}

pub fn df_set_column(_x: &mut Value, _name: &str, _v: Value) -> EvalResult<()> {
    err("data frame assignment is not implemented yet")
}

pub fn df_is_na(_x: &Value) -> EvalResult {
    err("is.na on data frames is not implemented yet")
}

pub fn format_data_frame(_it: &mut Interp, _x: &Value, _digits: Option<usize>) -> EvalResult<String> {
    err("printing data frames is not implemented yet")
}

#[allow(dead_code)]
fn unused(_a: Args) {}
