//! Factors as values: integer codes with a `levels` attribute and class `"factor"`.

use super::{RStr, Value, NA_INT};
use crate::syntax::sym::Sym;
use std::rc::Rc;

/// A factor's labels as a character vector (other values unchanged).
pub fn factor_as_strings(v: &Value) -> Value {
    if !v.is_factor() {
        return v.clone();
    }
    let levels = v
        .get_attr("levels")
        .map(|l| l.str_vec())
        .unwrap_or_default();
    let codes = v.int_vec();
    let s: Vec<RStr> = codes
        .iter()
        .map(|&c| {
            if c == NA_INT || c < 1 {
                None
            } else {
                levels.get(c as usize - 1).cloned().flatten()
            }
        })
        .collect();
    let mut out = Value::strs(s);
    if let Some(n) = v.get_attr("names") {
        out.set_attr(Sym::new("names"), n.clone());
    }
    out
}

/// A factor of a vector's values with sorted levels.
pub fn string_factor(v: &Value) -> Value {
    let s = v.str_vec();
    let mut levels: Vec<Rc<str>> = s.iter().flatten().cloned().collect();
    // Levels sort in the locale's collation, as R's factor() does.
    levels.sort_by(|a, b| crate::value::collate::collate(a, b));
    levels.dedup();
    let codes: Vec<i32> = s
        .iter()
        .map(|x| {
            x.as_ref()
                .and_then(|x| levels.iter().position(|l| l == x))
                .map(|p| p as i32 + 1)
                .unwrap_or(NA_INT)
        })
        .collect();
    let mut f = Value::ints(codes);
    f.set_attr(
        Sym::new("levels"),
        Value::strs(levels.into_iter().map(Some).collect()),
    );
    f.set_attr(Sym::new("class"), Value::str("factor"));
    f
}

/// Builds a factor value from codes and levels (helper for tests and builtins).
pub fn make_factor(codes: Vec<i32>, levels: &[&str], ordered: bool) -> Value {
    let mut f = Value::ints(codes);
    f.set_attr(Sym::new("levels"), Value::strings(levels));
    let cls: Vec<&str> = if ordered {
        vec!["ordered", "factor"]
    } else {
        vec!["factor"]
    };
    f.set_attr(Sym::new("class"), Value::strings(&cls));
    f
}
