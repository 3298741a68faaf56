//! Sequences and vector reshaping: seq, seq_len, seq_along, rep, rev, which, any/all,
//! ifelse, head, tail, append, rle.

use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::{Data, RStr, VType, Value, NA_LGL};
use std::rc::Rc;

/// Sequence and reshaping builtins.
pub const BUILTINS: &[Builtin] = &[
    eager("seq", seq),
    eager("seq.int", seq),
    eager("seq.default", seq),
    eager("seq_len", seq_len),
    declared("seq_along", seq_along),
    declared("rep", rep),
    declared("rep.int", rep_int),
    declared("rep_len", rep_len),
    eager("rev", rev),
    declared("which", which),
    eager("which.max", which_max),
    eager("which.min", which_min),
    eager("any", any),
    eager("all", all),
    declared("ifelse", ifelse),
    declared("append", append),
    eager("rle", rle),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("seq",
            "seq(from = 1, to = 1, by = ((to - from)/(length.out - 1)), length.out = NULL, along.with = NULL, \
             ...)",
            "Generates a regular sequence from from to to, in steps of by or with length.out equally spaced \
             values. seq(n) gives 1:n and seq(along.with = x) gives the indices of x."),
        doc("seq.int", "seq.int(from, to, by, length.out, along.with, ...)",
            "The same as seq: a regular sequence from, to, by or of a given length."),
        doc("seq.default",
            "seq.default(from = 1, to = 1, by = ((to - from)/(length.out - 1)), length.out = NULL, along.with = \
             NULL, ...)",
            "The default method of seq; see seq."),
        doc("seq_len", "seq_len(length.out)",
            "Returns the integers 1, 2, ..., length.out, or an empty integer vector when length.out is 0 (unlike \
             1:0)."),
        doc("seq_along", "seq_along(along.with)",
            "Returns the indices 1, 2, ..., length(along.with), empty for an empty input."),
        doc("rep", "rep(x, times = 1, each = 1, length.out = NA, ...)",
            "Repeats x. times repeats the whole vector (or each element a different number of times when it is a \
             vector as long as x), each repeats every element in place, and length.out cuts or extends the result \
             to that length."),
        doc("rep.int", "rep.int(x, times)", "Repeats x times times (a single count or one count per element)."),
        doc("rep_len", "rep_len(x, length.out)", "Repeats x cyclically until the result has length.out elements."),
        doc("rev", "rev(x)", "Returns x in reverse order, with names reversed too."),
        doc("which", "which(x, arr.ind = FALSE, useNames = TRUE)",
            "Returns the indices of the TRUE elements of a logical vector, keeping names. NA counts as FALSE. \
             With arr.ind = TRUE on a matrix, returns row and column positions."),
        doc("which.max", "which.max(x)",
            "Returns the index of the first maximum of x, named when x has names; empty when all values are NA."),
        doc("which.min", "which.min(x)",
            "Returns the index of the first minimum of x, named when x has names; empty when all values are NA."),
        doc("any", "any(..., na.rm = FALSE)",
            "TRUE when at least one of the given logical values is TRUE. NA when none is TRUE but some are NA, \
             unless na.rm = TRUE."),
        doc("all", "all(..., na.rm = FALSE)",
            "TRUE when every given logical value is TRUE (also for no values at all). NA when none is FALSE but \
             some are NA, unless na.rm = TRUE."),
        doc("ifelse", "ifelse(test, yes, no)",
            "Elementwise choice: returns a vector shaped like test with yes where test is TRUE, no where it is \
             FALSE and NA where it is NA. yes and no are recycled."),
        doc("append", "append(x, values, after = length(x))",
            "Inserts values into x after position after (by default at the end) and returns the longer vector."),
        doc("rle", "rle(x)",
            "Run-length encoding: returns an \"rle\" object with the lengths and values of the runs of equal \
             consecutive elements of x."),
    ]
};

/// Subsets a vector by 0-based indices keeping names, and factor levels/class.
pub fn subset_keep(x: &Value, idx: &[Option<usize>]) -> Value {
    let Some(d) = x.data() else {
        return Value::Null;
    };
    let mut out = Value::from_data(d.select(idx));
    if let Some(n) = x.names() {
        let nn: Vec<RStr> = idx
            .iter()
            .map(|i| i.and_then(|i| n.get(i).cloned()).unwrap_or(None))
            .collect();
        out.set_attr(Sym::new("names"), Value::strs(nn));
    }
    if x.is_factor() {
        for k in ["levels", "class"] {
            if let Some(v) = x.get_attr(k) {
                out.set_attr(Sym::new(k), v.clone());
            }
        }
    }
    out
}

fn is_int_like(v: &Value) -> bool {
    matches!(v.vtype(), Some(VType::Int) | Some(VType::Lgl)) && !v.is_factor()
}

fn num1(v: &Value, what: &str) -> EvalResult<f64> {
    if v.len() != 1 {
        return err(format!("'{}' must be of length 1", what));
    }
    let x = v.as_f64().unwrap_or(f64::NAN);
    if !x.is_finite() {
        return err(format!("'{}' must be a finite number", what));
    }
    Ok(x)
}

fn cumsum_int(from: i64, by: i64, n: usize) -> Value {
    Value::ints((0..n).map(|i| (from + by * i as i64) as i32).collect())
}

fn seq(_it: &mut Interp, a: Args) -> EvalResult {
    let nargs = a.items.len();
    let m = a.matched(&["from", "to", "by", "length.out", "along.with", "..."])?;
    let from_v = m.get("from").cloned();
    let to_v = m.get("to").cloned();
    let by_v = m.get("by").cloned();
    if nargs == 1 {
        if let Some(f) = &from_v {
            let lf = f.len();
            if matches!(
                f.vtype(),
                Some(VType::Int) | Some(VType::Dbl) | Some(VType::Lgl)
            ) && lf == 1
                && !f.is_factor()
            {
                let x = f.as_f64().unwrap_or(f64::NAN);
                if !x.is_finite() {
                    return err("'from' must be a finite number");
                }
                return crate::eval::ops::range(&Value::int(1), f);
            }
            return Ok(Value::ints((1..=lf as i32).collect()));
        }
    }
    let mut length_out: Option<f64> = None;
    let mut intn1 = false;
    if let Some(al) = m.get("along.with") {
        let n = al.len();
        if nargs == 1 {
            return Ok(Value::ints((1..=n as i32).collect()));
        }
        length_out = Some(n as f64);
        intn1 = true;
    } else if let Some(lo) = m.get("length.out") {
        if lo.is_empty() {
            return err("argument 'length.out' must be of length 1");
        }
        intn1 = is_int_like(lo);
        let x = lo.as_f64().unwrap_or(f64::NAN);
        length_out = Some(if intn1 { x } else { x.ceil() });
    }
    let from = match &from_v {
        Some(v) => Some(num1(v, "from")?),
        None => None,
    };
    let to = match &to_v {
        Some(v) => Some(num1(v, "to")?),
        None => None,
    };
    let Some(lo) = length_out else {
        let f = from.unwrap_or(1.0);
        let t = to.unwrap_or(1.0);
        let Some(byv) = by_v else {
            return crate::eval::ops::range(
                &from_v.unwrap_or(Value::num(1.0)),
                &to_v.unwrap_or(Value::num(1.0)),
            );
        };
        let mut int = from_v.as_ref().map(is_int_like).unwrap_or(false)
            && to_v.as_ref().map(is_int_like).unwrap_or(false);
        let del = t - f;
        if del == 0.0 && t == 0.0 {
            return Ok(to_v.unwrap_or(Value::num(t)));
        }
        if byv.len() != 1 {
            return err("'by' must be of length 1");
        }
        if !is_int_like(&byv) {
            int = false;
        }
        let by = byv.as_f64().unwrap_or(f64::NAN);
        let n = del / by;
        if !n.is_finite() {
            if !by.is_nan() && by == 0.0 && del == 0.0 {
                return Ok(from_v.unwrap_or(Value::num(f)));
            }
            return err("invalid '(to - from)/by' in seq(.)");
        }
        if n < 0.0 {
            return err("wrong sign in 'by' argument");
        }
        if n > i32::MAX as f64 {
            return err("'by' argument is much too small");
        }
        crate::value::alloc::check(n + 1.0, 8)?;
        if del.abs() / t.abs().max(f.abs()) < 100.0 * f64::EPSILON {
            return Ok(from_v.unwrap_or(Value::num(f)));
        }
        if int {
            let n = n as usize;
            return Ok(cumsum_int(f as i64, by as i64, n + 1));
        }
        let n = (n + 1e-10) as usize;
        let x: Vec<f64> = (0..=n)
            .map(|i| {
                let v = f + i as f64 * by;
                if by > 0.0 {
                    v.min(t)
                } else {
                    v.max(t)
                }
            })
            .collect();
        return Ok(Value::dbls(x));
    };
    if !lo.is_finite() || lo < 0.0 {
        return err("'length.out' must be a non-negative number");
    }
    if lo == 0.0 {
        return Ok(Value::ints(vec![]));
    }
    crate::value::alloc::check(lo, 8)?;
    let n = lo as usize;
    match (from, to, by_v) {
        (f, t, None) => {
            let (from, to, intdel) = match (f, t) {
                (Some(f), Some(t)) => (
                    f,
                    t,
                    from_v.as_ref().map(is_int_like).unwrap_or(false)
                        && to_v.as_ref().map(is_int_like).unwrap_or(false),
                ),
                (Some(f), None) => {
                    let t = f + (lo - 1.0);
                    (
                        f,
                        t,
                        intn1
                            && from_v.as_ref().map(is_int_like).unwrap_or(false)
                            && t <= i32::MAX as f64,
                    )
                }
                (None, Some(t)) => {
                    let f = t - (lo - 1.0);
                    (
                        f,
                        t,
                        intn1
                            && to_v.as_ref().map(is_int_like).unwrap_or(false)
                            && f >= -(i32::MAX as f64),
                    )
                }
                (None, None) => {
                    let t = 1.0 + (lo - 1.0);
                    (1.0, t, false)
                }
            };
            if f.is_none() && t.is_none() {
                // seq(length.out = n) with nargs > 1 would be unusual; R returns seq_len
                return Ok(Value::ints((1..=n as i32).collect()));
            }
            let mk = |v: Vec<f64>| {
                if intdel {
                    Value::from_data(Data::Dbl(Rc::new(v)).coerce(VType::Int))
                } else {
                    Value::dbls(v)
                }
            };
            if n > 2 {
                if from == to {
                    return Ok(mk(vec![from; n]));
                }
                let n1 = (n - 1) as f64;
                if intdel && intn1 && from.rem_euclid(n1) == to.rem_euclid(n1) {
                    let by = (to / n1).floor() - (from / n1).floor();
                    return Ok(cumsum_int(from as i64, by as i64, n));
                }
                let del = to - from;
                let mut v = vec![from];
                for i in 1..=(n - 2) {
                    v.push(from + i as f64 * (del / n1));
                }
                v.push(to);
                return Ok(Value::dbls(v));
            }
            let v = [from, to];
            Ok(mk(v[..n].to_vec()))
        }
        (Some(f), None, Some(byv)) => {
            let by = byv.as_f64().unwrap_or(f64::NAN);
            let t = f + (lo - 1.0) * by;
            let int = is_int_like(&byv)
                && from_v.as_ref().map(is_int_like).unwrap_or(false)
                && t.abs() <= i32::MAX as f64;
            if int {
                return Ok(cumsum_int(f as i64, by as i64, n));
            }
            Ok(Value::dbls((0..n).map(|i| f + i as f64 * by).collect()))
        }
        (None, Some(t), Some(byv)) => {
            let by = byv.as_f64().unwrap_or(f64::NAN);
            let f = t - (lo - 1.0) * by;
            let int = is_int_like(&byv)
                && to_v.as_ref().map(is_int_like).unwrap_or(false)
                && f.abs() <= i32::MAX as f64;
            if int {
                return Ok(cumsum_int(f as i64, by as i64, n));
            }
            Ok(Value::dbls(
                (0..n).rev().map(|i| t - i as f64 * by).collect(),
            ))
        }
        (None, None, Some(byv)) => {
            let by = byv.as_f64().unwrap_or(f64::NAN);
            if is_int_like(&byv) {
                return Ok(cumsum_int(1, by as i64, n));
            }
            Ok(Value::dbls((0..n).map(|i| 1.0 + i as f64 * by).collect()))
        }
        (Some(_), Some(_), Some(_)) => err("too many arguments"),
    }
}

fn seq_len(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["length.out"])?;
    let v = m.req("length.out")?;
    if v.len() != 1 {
        return err("argument of length 0");
    }
    let x = v.as_f64().unwrap_or(f64::NAN);
    if x.is_nan() || x < 0.0 {
        return err("argument must be coercible to non-negative integer");
    }
    if x > i32::MAX as f64 {
        // R's answer is a double sequence here
        crate::value::alloc::check(x, 8)?;
        return Ok(Value::dbls((1..=x as u64).map(|i| i as f64).collect()));
    }
    crate::value::alloc::check_type(x, VType::Int)?;
    Ok(Value::ints((1..=x as i32).collect()))
}

fn seq_along(_it: &mut Interp, m: Matched) -> EvalResult {
    let n = m.get("along.with").map(|v| v.len()).unwrap_or(0);
    Ok(Value::ints((1..=n as i32).collect()))
}

fn count_arg(v: Option<&Value>, what: &str) -> EvalResult<Option<Vec<usize>>> {
    match v {
        None => Ok(None),
        Some(v) => {
            let xs = v.dbl_vec();
            let mut out = Vec::with_capacity(xs.len());
            for &x in xs.iter() {
                if x.is_nan() || x < 0.0 {
                    return err(format!("invalid '{}' argument", what));
                }
                out.push(x as usize);
            }
            Ok(Some(out))
        }
    }
}

/// The indices `rep` picks.
/// `elt` is the byte size of one element of the result, for the allocation check.
fn rep_index(
    n: usize,
    times: Option<&[usize]>,
    each: usize,
    length_out: Option<usize>,
    elt: usize,
) -> EvalResult<Vec<usize>> {
    let len = match (length_out, times) {
        (Some(lo), _) => lo as f64,
        (None, Some(t)) if t.len() == 1 => n as f64 * each as f64 * t[0] as f64,
        (None, Some(t)) => t.iter().map(|&k| k as f64).sum(),
        (None, None) => n as f64 * each as f64,
    };
    crate::value::alloc::check(len, elt)?;
    let mut idx: Vec<usize> = Vec::new();
    for i in 0..n {
        for _ in 0..each {
            idx.push(i);
        }
    }
    if let Some(t) = times {
        if length_out.is_none() {
            if t.len() == 1 {
                let base = idx.clone();
                idx = Vec::with_capacity(base.len() * t[0]);
                for _ in 0..t[0] {
                    idx.extend_from_slice(&base);
                }
            } else if t.len() == idx.len() {
                let base = std::mem::take(&mut idx);
                for (j, &i) in base.iter().enumerate() {
                    for _ in 0..t[j] {
                        idx.push(i);
                    }
                }
            } else {
                return err("invalid 'times' argument");
            }
        }
    }
    if let Some(lo) = length_out {
        if idx.is_empty() {
            return Ok(vec![]);
        }
        let base = idx;
        idx = (0..lo).map(|k| base[k % base.len()]).collect();
    }
    Ok(idx)
}

fn elt_of(x: &Value) -> usize {
    x.vtype().map(crate::value::alloc::elt_size).unwrap_or(8)
}

fn rep(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let times = count_arg(m.get("times"), "times")?;
    let each = match m.get("each") {
        Some(e) => {
            let v = e.as_f64().unwrap_or(f64::NAN);
            if v.is_nan() || v < 0.0 {
                return err("invalid 'each' argument");
            }
            v as usize
        }
        None => 1,
    };
    let lo = match m.get("length.out") {
        Some(l) => {
            let v = l.as_f64().unwrap_or(f64::NAN);
            if v.is_nan() {
                None
            } else if v < 0.0 {
                return err("invalid 'length.out' argument");
            } else {
                Some(v as usize)
            }
        }
        None => None,
    };
    if x.is_null() {
        return Ok(Value::Null);
    }
    let idx = rep_index(x.len(), times.as_deref(), each, lo, elt_of(&x))?;
    let idx: Vec<Option<usize>> = idx.into_iter().map(Some).collect();
    Ok(subset_keep(&x, &idx))
}

fn rep_int(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let times = count_arg(Some(m.req("times")?), "times")?;
    let idx = rep_index(x.len(), times.as_deref(), 1, None, elt_of(&x))?;
    let idx: Vec<Option<usize>> = idx.into_iter().map(Some).collect();
    let mut out = subset_keep(&x, &idx);
    out.set_attr(Sym::new("names"), Value::Null);
    Ok(out)
}

fn rep_len(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let lo = m.req("length.out")?.as_f64().unwrap_or(f64::NAN);
    if lo.is_nan() || lo < 0.0 {
        return err("invalid 'length.out' value");
    }
    let idx = rep_index(x.len(), None, 1, Some(lo as usize), elt_of(&x))?;
    let d = x
        .data()
        .map(|d| d.select(&idx.into_iter().map(Some).collect::<Vec<_>>()));
    Ok(d.map(Value::from_data).unwrap_or(Value::Null))
}

fn rev(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x"])?;
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    if x.is_null() {
        return Ok(Value::Null);
    }
    if x.dim().map(|d| d.len() == 1).unwrap_or(false) {
        // a one-dimensional table stays one, as x[length(x):1] keeps it
        let sub = Value::ints((1..=x.len() as i32).rev().collect());
        return crate::eval::index::index(&x, &[Some(sub)], true);
    }
    if !x.is_factor() && !crate::value::class::is_time_vector(&x) {
        // a plain vector (names reversed with it): one pass, no index vector
        if let Some(d) = x.data() {
            let mut r = Value::from_data(crate::value::groups::reversed(d));
            if let Some(Data::Str(n)) = x.get_attr("names").and_then(|n| n.data()) {
                r.set_attr(Sym::new("names"), Value::from_data(crate::value::groups::reversed(&Data::Str(n.clone()))));
            }
            return Ok(r);
        }
    }
    let idx: Vec<Option<usize>> = (0..x.len()).rev().map(Some).collect();
    let r = subset_keep(&x, &idx);
    if crate::value::class::is_time_vector(&x) {
        return Ok(crate::value::class::keep_time_class(&x, r));
    }
    Ok(r)
}

fn which(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    if x.vtype() != Some(VType::Lgl) {
        return err("argument to 'which' is not logical");
    }
    let v = x.lgl_vec();
    let idx: Vec<usize> = (0..v.len()).filter(|&i| v[i] == 1).collect();
    let arr_ind = m
        .get("arr.ind")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    if let (true, Some(dim)) = (arr_ind, x.dim()) {
        return Ok(array_index(x, &idx, &dim));
    }
    let mut out = Value::ints(idx.iter().map(|&i| i as i32 + 1).collect());
    if let Some(n) = x.names() {
        out.set_attr(
            Sym::new("names"),
            Value::strs(idx.iter().map(|&i| n[i].clone()).collect()),
        );
    }
    Ok(out)
}

/// `which(arr.ind = TRUE)`: one row per hit holding its subscripts, columns `row`, `col`
/// (`dim1`, `dim2`, ... beyond two dimensions), rows named by the array's row names.
fn array_index(x: &Value, idx: &[usize], dim: &[usize]) -> Value {
    let (n, k) = (idx.len(), dim.len());
    let mut cells = vec![0i32; n * k];
    for (r, &i) in idx.iter().enumerate() {
        let mut rest = i;
        for (j, &d) in dim.iter().enumerate() {
            let d = d.max(1);
            cells[j * n + r] = (rest % d) as i32 + 1;
            rest /= d;
        }
    }
    let mut out = Value::ints(cells);
    out.set_attr(Sym::new("dim"), Value::ints(vec![n as i32, k as i32]));
    let cols: Vec<String> = if k == 2 {
        vec!["row".into(), "col".into()]
    } else {
        (1..=k).map(|j| format!("dim{}", j)).collect()
    };
    let rownames = x
        .get_attr("dimnames")
        .and_then(|d| d.list_vec().first().cloned())
        .and_then(|r| r.as_strings())
        .map(|rn| {
            Value::strings(
                &idx.iter()
                    .map(|&i| rn[i % dim[0].max(1)].clone())
                    .collect::<Vec<_>>(),
            )
        })
        .unwrap_or(Value::Null);
    out.set_attr(
        Sym::new("dimnames"),
        Value::list(vec![rownames, Value::strings(&cols)]),
    );
    out
}

fn which_ext(a: Args, max: bool) -> EvalResult {
    let m = a.matched(&["x"])?;
    let x = m.req("x")?;
    let v = x.dbl_vec();
    let mut best: Option<usize> = None;
    for (i, &d) in v.iter().enumerate() {
        if d.is_nan() {
            continue;
        }
        let better = match best {
            None => true,
            Some(b) => {
                if max {
                    d > v[b]
                } else {
                    d < v[b]
                }
            }
        };
        if better {
            best = Some(i);
        }
    }
    let mut out = Value::ints(best.map(|b| vec![b as i32 + 1]).unwrap_or_default());
    if let (Some(n), Some(b)) = (x.names(), best) {
        out.set_attr(Sym::new("names"), Value::strs(vec![n[b].clone()]));
    }
    Ok(out)
}

fn which_max(_it: &mut Interp, a: Args) -> EvalResult {
    which_ext(a, true)
}
fn which_min(_it: &mut Interp, a: Args) -> EvalResult {
    which_ext(a, false)
}

fn any_all(it: &mut Interp, a: Args, is_any: bool) -> EvalResult {
    let mut na_rm = false;
    let mut vals = Vec::new();
    for (n, v) in a.items {
        if n.map(|s| s.as_str() == "na.rm").unwrap_or(false) {
            na_rm = v.as_bool().flatten().unwrap_or(false);
        } else {
            vals.push(v);
        }
    }
    let mut saw_na = false;
    for v in &vals {
        match v.vtype() {
            None | Some(VType::Lgl) | Some(VType::Int) => {}
            Some(VType::Dbl) => {
                it.warning("coercing argument of type 'double' to logical".to_string())
            }
            Some(t) => return err(format!("invalid 'type' ({}) of argument", t.type_name())),
        }
        for &x in v.lgl_vec().iter() {
            if x == NA_LGL {
                saw_na = true;
            } else if (x != 0) == is_any {
                return Ok(Value::lgl(is_any));
            }
        }
    }
    if saw_na && !na_rm {
        return Ok(Value::lgl_na());
    }
    Ok(Value::lgl(!is_any))
}

fn any(it: &mut Interp, a: Args) -> EvalResult {
    any_all(it, a, true)
}
fn all(it: &mut Interp, a: Args) -> EvalResult {
    any_all(it, a, false)
}

fn ifelse(_it: &mut Interp, m: Matched) -> EvalResult {
    let test = m.req("test")?.clone();
    let t = test.lgl_vec();
    let n = t.len();
    let unf = |v: &Value| {
        if v.is_factor() {
            let mut u = v.clone();
            u.clear_attrs();
            u
        } else {
            v.clone()
        }
    };
    let any_yes = t.contains(&1);
    let any_no = t.contains(&0);
    let yes = if any_yes {
        Some(unf(m.req("yes")?))
    } else {
        None
    };
    let no = if any_no {
        Some(unf(m.req("no")?))
    } else {
        None
    };
    let mut ty = VType::Lgl;
    for v in [&yes, &no].into_iter().flatten() {
        ty = ty.max(v.vtype().unwrap_or(VType::Lgl));
    }
    let pick = |v: &Option<Value>, i: usize| -> Option<Data> {
        let v = v.as_ref()?;
        let d = v.data()?;
        if d.is_empty() {
            return Some(Data::na_of(d.vtype(), 1));
        }
        Some(d.select(&[Some(i % d.len())]))
    };
    let mut parts = Vec::with_capacity(n);
    for i in 0..n {
        let d = match t[i] {
            1 => pick(&yes, i),
            0 => pick(&no, i),
            _ => None,
        };
        parts.push(d.unwrap_or_else(|| Data::na_of(VType::Lgl, 1)));
    }
    let data = crate::value::combine::concat_data(&parts, ty);
    let mut out = Value::from_data(data);
    if let Some(at) = test.attrs() {
        for (k, v) in at.iter() {
            out.set_attr(*k, v.clone());
        }
    }
    Ok(out)
}

fn head_tail(a: Args, is_head: bool) -> EvalResult {
    let m = a.matched(&["x", "n", "..."])?;
    let x = m.req("x")?.clone();
    let n = match m.get("n") {
        Some(v) => {
            let k = v.as_f64().unwrap_or(f64::NAN);
            if v.len() != 1 || k.is_nan() {
                return err("invalid 'n' - must be numeric, possibly NA.");
            }
            k as i64
        }
        None => 6,
    };
    if x.is_null() {
        return Ok(Value::Null);
    }
    let len = x.len() as i64;
    let k = if n >= 0 { n.min(len) } else { (len + n).max(0) };
    let idx: Vec<Option<usize>> = if is_head {
        (0..k as usize).map(Some).collect()
    } else {
        ((len - k) as usize..len as usize).map(Some).collect()
    };
    Ok(subset_keep(&x, &idx))
}

/// `head()` of a vector or list.
pub fn head_fn(_it: &mut Interp, a: Args) -> EvalResult {
    head_tail(a, true)
}
/// `tail()` of a vector or list.
pub fn tail_fn(_it: &mut Interp, a: Args) -> EvalResult {
    head_tail(a, false)
}

fn append(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let values = m.get("values").cloned().unwrap_or(Value::Null);
    let n = x.len();
    let after = match m.get("after") {
        Some(v) => v.as_f64().unwrap_or(n as f64).max(0.0) as usize,
        None => n,
    };
    if after >= n {
        return crate::value::combine::combine(&[(None, x), (None, values)], false);
    }
    let plain = |v: Value| {
        if v.is_factor() {
            v
        } else {
            let nm = v.get_attr("names").cloned();
            let mut u = v;
            u.clear_attrs();
            if let Some(nm) = nm {
                u.set_attr(Sym::new("names"), nm);
            }
            u
        }
    };
    let x = plain(x);
    let left = subset_keep(&x, &(0..after).map(Some).collect::<Vec<_>>());
    let right = subset_keep(&x, &(after..n).map(Some).collect::<Vec<_>>());
    crate::value::combine::combine(&[(None, left), (None, values), (None, right)], false)
}

fn rle(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x"])?;
    let x = m.req("x")?.clone();
    let Some(d) = x.data() else {
        return err("'x' must be a vector of an atomic type");
    };
    if d.vtype() == VType::List {
        return err("'x' must be a vector of an atomic type");
    }
    let n = d.len();
    let s = d.to_str();
    let dd = d.to_dbl();
    let same = |i: usize, j: usize| -> bool {
        match d.vtype() {
            VType::Str => s[i] == s[j],
            _ => dd[i] == dd[j],
        }
    };
    let mut lengths = Vec::new();
    let mut starts = Vec::new();
    let mut i = 0;
    while i < n {
        let mut j = i + 1;
        while j < n && same(i, j) {
            j += 1;
        }
        lengths.push((j - i) as i32);
        starts.push(Some(j - 1));
        i = j;
    }
    let values = Value::from_data(d.select(&starts));
    let mut out = Value::named_list(vec![
        ("lengths".into(), Value::ints(lengths)),
        ("values".into(), values),
    ]);
    out.set_attr(Sym::new("class"), Value::str("rle"));
    Ok(out)
}

#[cfg(test)]
#[path = "seq_tests.rs"]
mod tests;
