//! Sorting, ranking, uniqueness, matching and set operations.

use crate::builtins::base::seq::subset_keep;
use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::builtins::base::sort_keys::{order_perm, orderable, SortKey};
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::factor::factor_as_strings;
use crate::value::{Data, RStr, VType, Value, NA_INT, NA_LGL};
use std::cmp::Ordering;
use crate::value::uniq::{dbl_key, fx_map, FxMap};
use std::rc::Rc;

/// Sorting, matching and set builtins.
pub const BUILTINS: &[Builtin] = &[
    declared("sort", sort),
    eager("order", order),
    declared("rank", rank),
    declared("anyDuplicated", any_duplicated),
    declared("match", match_fn),
    eager("%in%", in_fn),
    eager("setdiff", setdiff),
    eager("union", union),
    eager("intersect", intersect),
    declared("is.unsorted", is_unsorted),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("sort", "sort(x, decreasing = FALSE, na.last = NA, ...)",
            "Returns x sorted in increasing (or decreasing) order. Missing values are removed unless na.last is \
             TRUE or FALSE, which puts them last or first. Strings sort in the locale's collation order."),
        doc("order", "order(..., na.last = TRUE, decreasing = FALSE, method = c(\"auto\", \"shell\", \"radix\"))",
            "Returns the permutation that sorts its first argument, breaking ties with the following arguments; \
             x[order(x)] is sorted. The sort is stable, so tied elements keep their original order."),
        doc("rank",
            "rank(x, na.last = TRUE, ties.method = c(\"average\", \"first\", \"last\", \"random\", \"max\", \
             \"min\"))",
            "Returns the rank of each element of x. Ties get the mean of their ranks by default, or the choice \
             given by ties.method."),
        doc("anyDuplicated", "anyDuplicated(x, incomparables = FALSE, fromLast = FALSE, ...)",
            "Returns the index of the first element of x that repeats an earlier one, or 0 when all are distinct."),
        doc("match", "match(x, table, nomatch = NA_integer_, incomparables = NULL)",
            "For each element of x, returns the position of its first match in table, or nomatch when it does not \
             occur."),
        doc("%in%", "x %in% table",
            "Elementwise membership test: TRUE where an element of x occurs anywhere in table."),
        doc("setdiff", "setdiff(x, y)", "Returns the distinct elements of x that are not in y."),
        doc("union", "union(x, y)",
            "Returns the distinct elements occurring in x or y, in order of first appearance."),
        doc("intersect", "intersect(x, y)", "Returns the distinct elements of x that also occur in y."),
        doc("is.unsorted", "is.unsorted(x, na.rm = FALSE, strictly = FALSE)",
            "TRUE when x is not in non-decreasing order (strictly increasing order with strictly = TRUE)."),
    ]
};

fn na_last_arg(v: Option<&Value>, default: Option<bool>) -> Option<bool> {
    match v {
        None => default,
        Some(v) => v.as_bool().flatten(),
    }
}

fn sort(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let r = sort_plain(it, m)?;
    if crate::value::class::is_time_vector(&x) {
        return Ok(crate::value::class::keep_time_class(&x, r));
    }
    Ok(r)
}

fn sort_plain(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    if x.is_null() {
        return Ok(Value::Null);
    }
    let dec = m
        .get("decreasing")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let na_last = na_last_arg(m.get("na.last"), None);
    if x.vtype() == Some(VType::List) {
        return err("'x' must be atomic");
    }
    let radix = m.dots.iter().any(|(n, v)| {
        n.map(|n| n.as_str() == "method").unwrap_or(false) && v.as_string().as_deref() == Some("radix")
    });
    let idx = order_perm(&[&x], &[dec], na_last, radix)?;
    if x.inherits("table") || (x.class_attr().is_some() && !x.is_factor()) {
        // classed objects sort as x[order(x)], keeping what `[` keeps
        let sub = Value::ints(idx.iter().map(|&i| i as i32 + 1).collect());
        return crate::eval::index::index(&x, &[Some(sub)], true);
    }
    let idx: Vec<Option<usize>> = idx.into_iter().map(Some).collect();
    Ok(subset_keep(&x, &idx))
}

fn order(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["...", "na.last", "decreasing", "method"])?;
    let na_last = na_last_arg(m.get("na.last"), Some(true));
    let decreasing: Vec<bool> = match m.get("decreasing") {
        Some(v) => v.lgl_vec().iter().map(|&b| b == 1).collect(),
        None => vec![false],
    };
    let mut keys: Vec<&Value> = Vec::new();
    for (i, (_, v)) in m.dots.iter().enumerate() {
        if v.is_null() {
            return err(format!("argument {} is not a vector", i + 1));
        }
        if !orderable(v) {
            return err("unimplemented type 'list' in 'orderVector1'");
        }
        keys.push(v);
    }
    if keys.is_empty() {
        return Ok(Value::ints(vec![]));
    }
    let n = keys[0].len();
    if keys.iter().any(|k| k.len() != n) {
        return err("argument lengths differ");
    }
    if decreasing.len() > 1 && decreasing.len() != keys.len() {
        return err("length of 'decreasing' must match the number of keys");
    }
    let radix = m.get("method").and_then(|v| v.as_string()).as_deref() == Some("radix");
    let idx = order_perm(&keys, &decreasing, na_last, radix)?;
    Ok(Value::ints(idx.into_iter().map(|i| i as i32 + 1).collect()))
}

fn rank(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let ties = m
        .get("ties.method")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "average".into());
    let keep = m.get("na.last").and_then(|v| v.as_string()).as_deref() == Some("keep");
    let idx = order_perm(&[&x], &[false], Some(true), false)?;
    let key = SortKey::of(&x, false, true, false)?;
    let n = key.len();
    let mut ranks = vec![0.0f64; n];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i + 1;
        while j < idx.len()
            && !key.na[idx[i]]
            && !key.na[idx[j]]
            && key.cmp(idx[i], idx[j]) == Ordering::Equal
        {
            j += 1;
        }
        for (k, &pos) in idx[i..j].iter().enumerate() {
            ranks[pos] = match ties.as_str() {
                "first" => (i + k + 1) as f64,
                "min" => (i + 1) as f64,
                "max" => j as f64,
                "last" => (j - k) as f64,
                _ => (i + 1 + j) as f64 / 2.0,
            };
        }
        i = j;
    }
    let is_na = &key.na;
    let mut out = if ties == "average" {
        Value::dbls(
            (0..n)
                .map(|i| {
                    if keep && is_na[i] {
                        crate::value::na_real()
                    } else {
                        ranks[i]
                    }
                })
                .collect(),
        )
    } else if matches!(ties.as_str(), "first" | "min" | "max" | "last") {
        Value::ints(
            (0..n)
                .map(|i| {
                    if keep && is_na[i] {
                        NA_INT
                    } else {
                        ranks[i] as i32
                    }
                })
                .collect(),
        )
    } else {
        return err("'arg' should be one of \u{201c}average\u{201d}, \u{201c}first\u{201d}, \u{201c}last\u{201d}, \u{201c}random\u{201d}, \u{201c}max\u{201d}, \u{201c}min\u{201d}");
    };
    if let Some(nm) = x.get_attr("names") {
        out.set_attr(Sym::new("names"), nm.clone());
    }
    Ok(out)
}

/// A hashable identity for one element (NA and NaN distinct; 0 and -0 equal).
#[derive(Hash, PartialEq, Eq, Clone)]
enum ElemKey {
    Na,
    Num(u64),
    Str(Rc<str>),
    Other(String),
}

fn elem_keys(v: &Value) -> Vec<ElemKey> {
    match v.data() {
        None => vec![],
        Some(Data::Str(s)) => s
            .iter()
            .map(|x| x.clone().map(ElemKey::Str).unwrap_or(ElemKey::Na))
            .collect(),
        Some(Data::List(l)) => l
            .iter()
            .map(|x| ElemKey::Other(format!("{:?}", crate::print::deparse_value(x))))
            .collect(),
        Some(Data::Dbl(d)) => d
            .iter()
            .map(|&x| {
                if crate::value::is_na_real(x) {
                    ElemKey::Na
                } else if x.is_nan() {
                    ElemKey::Num(f64::NAN.to_bits())
                } else if x == 0.0 {
                    ElemKey::Num(0f64.to_bits())
                } else {
                    ElemKey::Num(x.to_bits())
                }
            })
            .collect(),
        Some(d) => d
            .to_int()
            .iter()
            .map(|&x| {
                if x == NA_INT {
                    ElemKey::Na
                } else {
                    ElemKey::Num((x as f64).to_bits())
                }
            })
            .collect(),
    }
}

fn dup_flags(v: &Value, from_last: bool) -> Vec<bool> {
    if let Some(d) = v.data().and_then(crate::value::uniq::distinct) {
        let n = d.ids.len();
        if !from_last {
            return (0..n).map(|i| d.firsts[d.ids[i] as usize] != i).collect();
        }
        let mut seen = vec![false; d.firsts.len()];
        let mut out = vec![false; n];
        for i in (0..n).rev() {
            let k = d.ids[i] as usize;
            out[i] = seen[k];
            seen[k] = true;
        }
        return out;
    }
    let keys = elem_keys(v);
    let n = keys.len();
    let mut seen = std::collections::HashSet::new();
    let mut out = vec![false; n];
    let order: Box<dyn Iterator<Item = usize>> = if from_last {
        Box::new((0..n).rev())
    } else {
        Box::new(0..n)
    };
    for i in order {
        if !seen.insert(keys[i].clone()) {
            out[i] = true;
        }
    }
    out
}

/// `unique()` of a vector or list.
pub fn unique_fn(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "incomparables", "fromLast", "..."])?;
    let x = m.req("x")?.clone();
    if x.is_null() {
        return Ok(Value::Null);
    }
    let from_last = m
        .get("fromLast")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let f = dup_flags(&x, from_last);
    let idx: Vec<Option<usize>> = (0..f.len()).filter(|&i| !f[i]).map(Some).collect();
    let mut out = subset_keep(&x, &idx);
    if !x.is_factor() && x.vtype() != Some(VType::List) {
        out.set_attr(Sym::new("names"), Value::Null);
    }
    Ok(out)
}

/// `duplicated()` of a vector or list.
pub fn duplicated_fn(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "incomparables", "fromLast", "..."])?;
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let from_last = m
        .get("fromLast")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    Ok(Value::lgls(
        dup_flags(&x, from_last)
            .into_iter()
            .map(|b| b as i32)
            .collect(),
    ))
}

fn any_duplicated(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let from_last = m
        .get("fromLast")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let f = if x.is_data_frame() {
        crate::builtins::base::frame_verbs::duplicated_rows(&x, from_last)
    } else {
        dup_flags(&x, from_last)
    };
    let pos = if from_last {
        f.iter().rposition(|&b| b)
    } else {
        f.iter().position(|&b| b)
    };
    Ok(Value::int(pos.map(|p| p as i32 + 1).unwrap_or(0)))
}

/// Coerces `x` and `table` to a common type for matching (factors as labels).
fn common(x: &Value, y: &Value) -> (Value, Value) {
    let x = factor_as_strings(x);
    let y = factor_as_strings(y);
    let t = x
        .vtype()
        .unwrap_or(VType::Lgl)
        .max(y.vtype().unwrap_or(VType::Lgl));
    let t = if t == VType::Lgl || t == VType::Int {
        VType::Dbl
    } else {
        t
    };
    (x.coerce(t), y.coerce(t))
}

/// `match(x, table)` positions (1-based), `nomatch` where absent.
pub fn match_positions(x: &Value, table: &Value, nomatch: i32) -> Vec<i32> {
    if !x.is_factor() && !table.is_factor() {
        if let (Some(Data::Int(a) | Data::Lgl(a)), Some(Data::Int(b) | Data::Lgl(b))) = (x.data(), table.data()) {
            return match_ints(a, b, nomatch);
        }
    }
    let (x, t) = common(x, table);
    match (x.data(), t.data()) {
        (Some(Data::Dbl(a)), Some(Data::Dbl(b))) => {
            return lookup(a.iter().map(|&v| dbl_key(v)), b.iter().map(|&v| dbl_key(v)), b.len(), nomatch)
        }
        (Some(Data::Str(a)), Some(Data::Str(b))) => return match_strs(a, b, nomatch),
        _ => {}
    }
    let xk = elem_keys(&x);
    let tk = elem_keys(&t);
    if xk.len() <= 8 {
        // a few values against a long table: a scan beats building a hash table of it
        return xk
            .iter()
            .map(|k| {
                tk.iter()
                    .position(|t| t == k)
                    .map_or(nomatch, |i| i as i32 + 1)
            })
            .collect();
    }
    let mut map: FxMap<ElemKey, i32> = fx_map(tk.len());
    for (i, k) in tk.into_iter().enumerate() {
        map.entry(k).or_insert(i as i32 + 1);
    }
    xk.iter()
        .map(|k| map.get(k).copied().unwrap_or(nomatch))
        .collect()
}

/// Positions of `xs` in `table` (first match, 1-based), hashing the table once.
fn lookup<K: std::hash::Hash + Eq>(
    xs: impl ExactSizeIterator<Item = K>,
    table: impl Iterator<Item = K>,
    n: usize,
    nomatch: i32,
) -> Vec<i32> {
    let mut map: FxMap<K, i32> = fx_map(n.min(1 << 20));
    for (i, k) in table.enumerate() {
        map.entry(k).or_insert(i as i32 + 1);
    }
    xs.map(|k| map.get(&k).copied().unwrap_or(nomatch)).collect()
}

/// Integer positions: a direct table over the table's range when it is small, else hashing.
fn match_ints(xs: &[i32], table: &[i32], nomatch: i32) -> Vec<i32> {
    let (mut lo, mut hi) = (i32::MAX, i32::MIN);
    for &t in table {
        if t != NA_INT {
            lo = lo.min(t);
            hi = hi.max(t);
        }
    }
    let span = if lo > hi { 0 } else { (hi as i64 - lo as i64 + 1) as usize };
    if span > 4 * (table.len() + xs.len()) + 1024 {
        return lookup(xs.iter().copied(), table.iter().copied(), table.len(), nomatch);
    }
    // slot `span` is NA's; 0 marks a value not in the table
    let mut slots = vec![0i32; span + 1];
    for (i, &t) in table.iter().enumerate().rev() {
        let k = if t == NA_INT { span } else { (t as i64 - lo as i64) as usize };
        slots[k] = i as i32 + 1;
    }
    xs.iter()
        .map(|&x| {
            let p = if x == NA_INT {
                slots[span]
            } else if x >= lo && x <= hi {
                slots[(x as i64 - lo as i64) as usize]
            } else {
                0
            };
            if p == 0 {
                nomatch
            } else {
                p
            }
        })
        .collect()
}

/// String positions by content; R's string vectors mostly share their elements, so a
/// small cache by address answers repeats without hashing the text again.
fn match_strs(xs: &[RStr], table: &[RStr], nomatch: i32) -> Vec<i32> {
    let mut map: FxMap<Option<&str>, i32> = fx_map(table.len().min(1 << 20));
    for (i, t) in table.iter().enumerate() {
        map.entry(t.as_deref()).or_insert(i as i32 + 1);
    }
    const SLOTS: usize = 1024;
    let mut seen: Vec<(*const u8, i32)> = vec![(std::ptr::null(), 0); SLOTS];
    xs.iter()
        .map(|x| {
            let Some(s) = x else {
                return map.get(&None).copied().unwrap_or(nomatch);
            };
            let p = s.as_ptr();
            let k = ((p as usize >> 4) ^ (p as usize >> 14)) & (SLOTS - 1);
            if seen[k].0 == p {
                return seen[k].1;
            }
            let r = map.get(&Some(&**s)).copied().unwrap_or(nomatch);
            seen[k] = (p, r);
            r
        })
        .collect()
}

fn match_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let t = m.get("table").cloned().unwrap_or(Value::Null);
    let nomatch = m.get("nomatch").and_then(|v| v.as_i32()).unwrap_or(NA_INT);
    Ok(Value::ints(match_positions(&x, &t, nomatch)))
}

fn in_fn(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "table"])?;
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let t = m.get("table").cloned().unwrap_or(Value::Null);
    Ok(Value::lgls(
        match_positions(&x, &t, 0)
            .into_iter()
            .map(|p| (p > 0) as i32)
            .collect(),
    ))
}

fn as_plain(v: &Value) -> Value {
    let mut v = factor_as_strings(v);
    v.clear_attrs();
    v
}

fn set_args(a: Args) -> EvalResult<(Value, Value)> {
    let m = a.matched(&["x", "y"])?;
    Ok((as_plain(m.req("x")?), as_plain(m.req("y")?)))
}

fn uniq(v: &Value) -> Value {
    let f = dup_flags(v, false);
    let idx: Vec<Option<usize>> = (0..f.len()).filter(|&i| !f[i]).map(Some).collect();
    match v.data() {
        Some(d) => Value::from_data(d.select(&idx)),
        None => Value::Null,
    }
}

fn union(_it: &mut Interp, a: Args) -> EvalResult {
    let (x, y) = set_args(a)?;
    let c = crate::value::combine::combine(&[(None, x), (None, y)], false)?;
    Ok(uniq(&c))
}

fn intersect(_it: &mut Interp, a: Args) -> EvalResult {
    let (x, y) = set_args(a)?;
    if x.is_null() || y.is_null() {
        let t = x
            .vtype()
            .unwrap_or(VType::Lgl)
            .max(y.vtype().unwrap_or(VType::Lgl));
        return Ok(Value::from_data(Data::empty(t)));
    }
    let u = uniq(&x);
    let pos = match_positions(&u, &y, 0);
    let idx: Vec<Option<usize>> = (0..pos.len()).filter(|&i| pos[i] > 0).map(Some).collect();
    let t = x
        .vtype()
        .unwrap_or(VType::Lgl)
        .max(y.vtype().unwrap_or(VType::Lgl));
    Ok(Value::from_data(
        u.data()
            .map(|d| d.select(&idx))
            .unwrap_or(Data::empty(t))
            .coerce(t),
    ))
}

fn setdiff(_it: &mut Interp, a: Args) -> EvalResult {
    let (x, y) = set_args(a)?;
    if x.is_null() {
        return Ok(Value::Null);
    }
    let u = uniq(&x);
    let pos = match_positions(&u, &y, 0);
    let idx: Vec<Option<usize>> = (0..pos.len()).filter(|&i| pos[i] == 0).map(Some).collect();
    Ok(Value::from_data(
        u.data()
            .map(|d| d.select(&idx))
            .unwrap_or(Data::empty(VType::Lgl)),
    ))
}

fn is_unsorted(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let na_rm = m
        .get("na.rm")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let strictly = m
        .get("strictly")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let key = SortKey::of(&x, false, true, false)?;
    let n = key.len();
    let idx: Vec<usize> = (0..n).filter(|&i| !key.na[i]).collect();
    if idx.len() < n && !na_rm {
        return Ok(Value::lgls(vec![NA_LGL]));
    }
    for w in idx.windows(2) {
        let o = key.cmp(w[0], w[1]);
        if o == Ordering::Greater || (strictly && o == Ordering::Equal) {
            return Ok(Value::lgl(true));
        }
    }
    Ok(Value::lgl(false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::na_real;

    use crate::builtins::test_util::{call, d, i, p};
    fn s(v: &Value) -> Vec<String> {
        v.as_strings().unwrap_or_default()
    }
    fn factor(codes: Vec<i32>, levels: &[&str]) -> Value {
        let mut f = Value::ints(codes);
        f.set_attr(Sym::new("levels"), Value::strings(levels));
        f.set_attr(Sym::new("class"), Value::str("factor"));
        f
    }

    #[test]
    fn sorting() {
        let x = Value::dbls(vec![3.0, 1.0, na_real(), 2.0]);
        assert_eq!(
            d(&call(named!("sort"), vec![p(x.clone())])),
            vec![1.0, 2.0, 3.0]
        );
        assert_eq!(
            d(&call(
                named!("sort"),
                vec![p(x.clone()), (Some("decreasing"), Value::lgl(true))]
            )),
            vec![3.0, 2.0, 1.0]
        );
        let v = d(&call(
            named!("sort"),
            vec![p(x.clone()), (Some("na.last"), Value::lgl(true))],
        ));
        assert!(crate::value::is_na_real(v[3]));
        assert_eq!(i(&call(order, vec![p(x.clone())])), vec![2, 4, 1, 3]);
        assert_eq!(
            i(&call(
                order,
                vec![p(x.clone()), (Some("decreasing"), Value::lgl(true))]
            )),
            vec![1, 4, 2, 3]
        );
        let strs = Value::strings(&["b", "B", "a", "A"]);
        assert_eq!(
            s(&call(named!("sort"), vec![p(strs)])),
            vec!["a", "A", "b", "B"]
        );
        // two keys, stable ties
        let k1 = Value::ints(vec![2, 1, 2, 1]);
        let k2 = Value::ints(vec![1, 2, 0, 2]);
        assert_eq!(
            i(&call(order, vec![p(k1.clone()), p(k2)])),
            vec![2, 4, 3, 1]
        );
        assert_eq!(i(&call(order, vec![p(k1)])), vec![2, 4, 1, 3]);
        let f = factor(vec![2, 1, 2], &["lo", "hi"]);
        let v = call(named!("sort"), vec![p(f)]);
        assert_eq!(i(&v), vec![1, 2, 2]);
        assert!(v.is_factor());
        let mut named = Value::dbls(vec![2.0, 1.0]);
        named.set_attr(Sym::new("names"), Value::strings(&["b", "a"]));
        assert_eq!(
            call(named!("sort"), vec![p(named)])
                .names()
                .map(|n| n.len()),
            Some(2)
        );
    }

    #[test]
    fn ranking() {
        let x = Value::dbls(vec![10.0, 20.0, 10.0, 5.0]);
        assert_eq!(
            d(&call(named!("rank"), vec![p(x.clone())])),
            vec![2.5, 4.0, 2.5, 1.0]
        );
        assert_eq!(
            i(&call(
                named!("rank"),
                vec![p(x.clone()), (Some("ties.method"), Value::str("min"))]
            )),
            vec![2, 4, 2, 1]
        );
        assert_eq!(
            i(&call(
                named!("rank"),
                vec![p(x.clone()), (Some("ties.method"), Value::str("max"))]
            )),
            vec![3, 4, 3, 1]
        );
        assert_eq!(
            i(&call(
                named!("rank"),
                vec![p(x), (Some("ties.method"), Value::str("first"))]
            )),
            vec![2, 4, 3, 1]
        );
        assert_eq!(
            d(&call(
                named!("rank"),
                vec![p(Value::dbls(vec![2.0, na_real(), 1.0]))]
            )),
            vec![2.0, 3.0, 1.0]
        );
    }

    #[test]
    fn uniqueness_and_matching() {
        let x = Value::dbls(vec![1.0, 2.0, 1.0, na_real(), na_real(), 3.0]);
        assert_eq!(call(unique_fn, vec![p(x.clone())]).len(), 4);
        assert_eq!(
            call(duplicated_fn, vec![p(x.clone())]).lgl_vec().to_vec(),
            vec![0, 0, 1, 0, 1, 0]
        );
        assert_eq!(
            call(
                duplicated_fn,
                vec![p(x.clone()), (Some("fromLast"), Value::lgl(true))]
            )
            .lgl_vec()
            .to_vec(),
            vec![1, 0, 0, 1, 0, 0]
        );
        assert_eq!(
            i(&call(named!("anyDuplicated"), vec![p(x.clone())])),
            vec![3]
        );
        assert_eq!(
            i(&call(
                named!("anyDuplicated"),
                vec![p(Value::ints(vec![1, 2]))]
            )),
            vec![0]
        );
        assert_eq!(
            i(&call(
                named!("match"),
                vec![p(Value::ints(vec![2, 5])), p(Value::dbls(vec![1.0, 2.0]))]
            )),
            vec![2, NA_INT]
        );
        assert_eq!(
            i(&call(
                named!("match"),
                vec![
                    p(Value::strings(&["b"])),
                    p(Value::strings(&["a", "b", "b"]))
                ]
            )),
            vec![2]
        );
        assert_eq!(
            i(&call(
                named!("match"),
                vec![
                    p(Value::dbls(vec![na_real()])),
                    p(Value::dbls(vec![1.0, na_real()]))
                ]
            )),
            vec![2]
        );
        let f = factor(vec![1, 2], &["x", "y"]);
        assert_eq!(
            call(in_fn, vec![p(f.clone()), p(Value::strings(&["y"]))])
                .lgl_vec()
                .to_vec(),
            vec![0, 1]
        );
        assert_eq!(
            i(&call(
                named!("match"),
                vec![p(Value::ints(vec![1])), p(Value::strings(&["1"]))]
            )),
            vec![1]
        );
        let u = call(unique_fn, vec![p(factor(vec![2, 2, 1], &["a", "b"]))]);
        assert!(u.is_factor());
        assert_eq!(i(&u), vec![2, 1]);
        let l = Value::list(vec![Value::num(1.0), Value::num(1.0), Value::str("a")]);
        assert_eq!(call(unique_fn, vec![p(l)]).len(), 2);
    }

    #[test]
    fn sets() {
        let x = Value::ints(vec![1, 2, 3, 2]);
        let y = Value::ints(vec![2, 4]);
        assert_eq!(
            i(&call(union, vec![p(x.clone()), p(y.clone())])),
            vec![1, 2, 3, 4]
        );
        assert_eq!(
            i(&call(intersect, vec![p(x.clone()), p(y.clone())])),
            vec![2]
        );
        assert_eq!(
            i(&call(setdiff, vec![p(x.clone()), p(y.clone())])),
            vec![1, 3]
        );
        assert_eq!(
            d(&call(union, vec![p(x.clone()), p(Value::num(1.5))])),
            vec![1.0, 2.0, 3.0, 1.5]
        );
        assert_eq!(call(named!("is.unsorted"), vec![p(x)]).lgl_vec()[0], 1);
        assert_eq!(
            call(named!("is.unsorted"), vec![p(Value::ints(vec![1, 1, 2]))]).lgl_vec()[0],
            0
        );
        assert_eq!(
            call(
                named!("is.unsorted"),
                vec![
                    p(Value::ints(vec![1, 1, 2])),
                    (Some("strictly"), Value::lgl(true))
                ]
            )
            .lgl_vec()[0],
            1
        );
    }
}
