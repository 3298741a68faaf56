//! Named elements of lists, as fit objects hold them (`fit$coefficients`).

use super::Value;

pub fn field(v: &Value, name: &str) -> Option<Value> {
    let names = v.names()?;
    let i = names.iter().position(|n| n.as_deref() == Some(name))?;
    v.list_vec().get(i).cloned()
}

pub fn dbl_field(v: &Value, name: &str) -> Vec<f64> {
    field(v, name)
        .map(|x| x.dbl_vec().to_vec())
        .unwrap_or_default()
}
