//! Concatenation as `c()` does it, and the reverse: a vector's elements as values.

use super::{Data, RStr, VType, Value};
use crate::error::EvalResult;
use crate::syntax::sym::Sym;
use std::rc::Rc;

/// Concatenates values as `c()` does (with names), recursing into lists only if `recursive`.
pub fn combine(items: &[(Option<Sym>, Value)], recursive: bool) -> EvalResult {
    // flatten each nested list once, up front (flattening it again for its type and its
    // elements doubled the work at every level of nesting)
    if recursive
        && items
            .iter()
            .any(|(_, v)| matches!(v, Value::Vector(x) if x.data.vtype() == VType::List))
    {
        let mut flat = Vec::with_capacity(items.len());
        for (n, v) in items {
            match v {
                Value::Vector(x) if x.data.vtype() == VType::List => flat.push((*n, flatten_list(v)?)),
                _ => flat.push((*n, v.clone())),
            }
        }
        return combine(&flat, false);
    }
    let mut t: Option<VType> = None;
    let mut any_names = false;
    let mut total = 0usize;
    for (n, v) in items {
        let vt = match v {
            Value::Null => continue,
            Value::Vector(x) => {
                if recursive && x.data.vtype() == VType::List {
                    let inner = flatten_list(v)?;
                    inner.vtype().unwrap_or(VType::Lgl)
                } else if v.is_factor() {
                    VType::Str.min(VType::Int).max(VType::Int)
                } else {
                    x.data.vtype()
                }
            }
            _ => VType::List,
        };
        t = Some(t.map_or(vt, |t| t.max(vt)));
        any_names |= n.is_some() || v.get_attr("names").is_some();
        total += v.len();
    }
    let Some(t) = t else { return Ok(Value::Null) };
    // all factors → factor with union of levels
    if items.iter().all(|(_, v)| v.is_factor() || v.is_null())
        && items.iter().any(|(_, v)| v.is_factor())
    {
        return combine_factors(items);
    }
    let mut names: Vec<RStr> = Vec::with_capacity(total);
    let mut parts: Vec<Data> = Vec::new();
    for (n, v) in items {
        let v = if recursive && matches!(v.vtype(), Some(VType::List)) {
            flatten_list(v)?
        } else {
            v.clone()
        };
        let len = v.len();
        match &v {
            Value::Null => continue,
            Value::Vector(x) => parts.push(x.data.clone()),
            other => parts.push(Data::List(Rc::new(vec![other.clone()]))),
        }
        if any_names {
            let inner = v.names();
            for i in 0..len {
                let nm = match (n, &inner) {
                    (Some(p), Some(inn)) => {
                        let s = inn[i].as_deref().unwrap_or("");
                        if s.is_empty() {
                            if len == 1 {
                                p.to_string()
                            } else {
                                format!("{}{}", p, i + 1)
                            }
                        } else {
                            format!("{}.{}", p, s)
                        }
                    }
                    (Some(p), None) => {
                        if len == 1 {
                            p.to_string()
                        } else {
                            format!("{}{}", p, i + 1)
                        }
                    }
                    (None, Some(inn)) => inn[i].as_deref().unwrap_or("").to_string(),
                    (None, None) => String::new(),
                };
                names.push(Some(Rc::from(nm)));
            }
        }
    }
    let data = concat_data(&parts, t);
    let mut out = Value::from_data(data);
    if any_names {
        out.set_attr(Sym::new("names"), Value::strs(names));
    }
    Ok(out)
}

pub fn combine_factors(items: &[(Option<Sym>, Value)]) -> EvalResult {
    let mut levels: Vec<RStr> = Vec::new();
    for (_, v) in items {
        for l in v
            .get_attr("levels")
            .map(|l| l.str_vec())
            .unwrap_or_default()
            .iter()
        {
            if !levels.contains(l) {
                levels.push(l.clone());
            }
        }
    }
    let mut codes = Vec::new();
    for (_, v) in items {
        let s = crate::value::factor::factor_as_strings(v).str_vec();
        for x in s.iter() {
            codes.push(match x {
                None => crate::value::NA_INT,
                Some(x) => levels
                    .iter()
                    .position(|l| l.as_deref() == Some(&**x))
                    .map(|p| p as i32 + 1)
                    .unwrap_or(crate::value::NA_INT),
            });
        }
    }
    let mut out = Value::ints(codes);
    out.set_attr(Sym::new("levels"), Value::strs(levels));
    out.set_attr(Sym::new("class"), Value::str("factor"));
    Ok(out)
}

/// Concatenates payloads after coercing each to `t`.
pub fn concat_data(parts: &[Data], t: VType) -> Data {
    match t {
        VType::Raw => Data::Raw(Rc::new(
            parts
                .iter()
                .flat_map(|p| p.to_raw().0.iter().copied().collect::<Vec<_>>())
                .collect(),
        )),
        VType::Lgl => Data::Lgl(Rc::new(
            parts
                .iter()
                .flat_map(|p| p.to_lgl().iter().copied().collect::<Vec<_>>())
                .collect(),
        )),
        VType::Int => Data::Int(Rc::new(
            parts
                .iter()
                .flat_map(|p| p.to_int().iter().copied().collect::<Vec<_>>())
                .collect(),
        )),
        VType::Dbl => Data::Dbl(Rc::new(
            parts
                .iter()
                .flat_map(|p| p.to_dbl().iter().copied().collect::<Vec<_>>())
                .collect(),
        )),
        VType::Cplx => Data::Cplx(Rc::new(
            parts
                .iter()
                .flat_map(|p| p.to_cplx().iter().copied().collect::<Vec<_>>())
                .collect(),
        )),
        VType::Str => Data::Str(Rc::new(
            parts
                .iter()
                .flat_map(|p| p.to_str().iter().cloned().collect::<Vec<_>>())
                .collect(),
        )),
        VType::List => Data::List(Rc::new(
            parts
                .iter()
                .flat_map(|p| p.to_list().iter().cloned().collect::<Vec<_>>())
                .collect(),
        )),
    }
}

/// The elements of `x` as R's `lapply` sees them (vectors split into length-one pieces).
pub fn elements(x: &Value) -> Vec<Value> {
    if x.is_factor() {
        return crate::value::factor::factor_as_strings(x)
            .list_vec()
            .to_vec();
    }
    match x {
        Value::Vector(v) => match &v.data {
            Data::List(l) => l.to_vec(),
            d => (0..d.len())
                .map(|i| Value::from_data(d.select(&[Some(i)])))
                .collect(),
        },
        Value::Env(e) => e.bindings().into_iter().map(|(_, v)| v).collect(),
        _ => vec![],
    }
}

pub fn flatten_list(v: &Value) -> EvalResult {
    let items = v.list_vec();
    let names = v.names();
    let args: Vec<(Option<Sym>, Value)> = items
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let n = names
                .as_ref()
                .and_then(|n| n[i].as_deref().filter(|s| !s.is_empty()).map(Sym::new));
            let x = if x.is_factor() {
                crate::value::factor::factor_as_strings(x)
            } else {
                x.clone()
            };
            (n, x)
        })
        .collect();
    combine(&args, true)
}
