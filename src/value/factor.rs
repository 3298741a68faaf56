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

/// A factor of a character vector's values with sorted levels (NA stays NA): the distinct
/// strings are found by hashing and only they are sorted.
pub fn string_factor(v: &Value) -> Value {
    let data = match v.data() {
        Some(d @ super::Data::Str(_)) => d.clone(),
        Some(d) => super::Data::Str(d.to_str()),
        None => super::Data::Str(Rc::default()),
    };
    let dist = super::uniq::distinct(&data).unwrap_or_default();
    let super::Data::Str(s) = &data else {
        return Value::Null;
    };
    let text: Vec<Option<&Rc<str>>> = dist.firsts.iter().map(|&i| s[i].as_ref()).collect();
    let mut ids: Vec<usize> = (0..text.len()).filter(|&k| text[k].is_some()).collect();
    // levels sort in the locale's collation, as R's factor() does
    ids.sort_unstable_by(|&a, &b| match (text[a], text[b]) {
        (Some(x), Some(y)) => crate::value::collate::collate(x, y),
        _ => std::cmp::Ordering::Equal,
    });
    let mut code_of = vec![NA_INT; text.len()];
    for (r, &k) in ids.iter().enumerate() {
        code_of[k] = r as i32 + 1;
    }
    let codes: Vec<i32> = dist.ids.iter().map(|&k| code_of[k as usize]).collect();
    let levels: Vec<RStr> = ids.iter().map(|&k| text[k].cloned()).collect();
    let mut f = Value::ints(codes);
    f.set_attr(Sym::new("levels"), Value::strs(levels));
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
