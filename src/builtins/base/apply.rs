//! Functional helpers: lapply, sapply, vapply, mapply, Map, Reduce, Filter, do.call.

use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::call::ArgVal;
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::combine::elements;
use crate::value::{Data, RStr, VType, Value};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    declared("lapply", lapply),
    declared("sapply", sapply),
    declared("vapply", vapply),
    declared("mapply", mapply),
    declared("Map", map),
    eager("Reduce", reduce),
    declared("Filter", filter),
    declared("Position", position),
    declared("Find", find),
    eager("do.call", do_call),
    declared("match.fun", match_fun),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("lapply", "lapply(X, FUN, ...)",
            "Calls FUN on each element of the vector or list X (with any extra arguments) and returns a list of \
             the results, named like X."),
        doc("sapply", "sapply(X, FUN, ..., simplify = TRUE, USE.NAMES = TRUE)",
            "Like lapply, but simplifies the result to a vector when every result has length one, or to a matrix \
             when they share a longer length. With USE.NAMES a character X names the result."),
        doc("vapply", "vapply(X, FUN, FUN.VALUE, ..., USE.NAMES = TRUE)",
            "Like sapply, but each result must match the template FUN.VALUE in type and length, so the shape of \
             the result is guaranteed even for empty input."),
        doc("mapply", "mapply(FUN, ..., MoreArgs = NULL, SIMPLIFY = TRUE, USE.NAMES = TRUE)",
            "Calls FUN with the first elements of each vector in the dots, then the second elements, and so on \
             (recycling shorter ones). MoreArgs is a list of further arguments passed to every call. Results are \
             simplified as by sapply."),
        doc("Map", "Map(f, ...)",
            "Like mapply with SIMPLIFY = FALSE: applies f elementwise over several vectors and returns a list."),
        doc("Reduce", "Reduce(f, x, init, right = FALSE, accumulate = FALSE)",
            "Combines the elements of x with the two-argument function f from left to right (or right to left), \
             starting from init when given. With accumulate = TRUE returns all intermediate results."),
        doc("Filter", "Filter(f, x)", "Returns the elements of x for which the predicate f returns TRUE."),
        doc("Position", "Position(f, x, right = FALSE, nomatch = NA_integer_)",
            "Returns the index of the first (or last, with right = TRUE) element of x for which the predicate f \
             is TRUE, or nomatch."),
        doc("Find", "Find(f, x, right = FALSE, nomatch = NULL)",
            "Returns the first (or last, with right = TRUE) element of x for which the predicate f is TRUE, or \
             nomatch."),
        doc("do.call", "do.call(what, args, quote = FALSE, envir = parent.frame())",
            "Calls the function what (a function or its name) with the elements of the list args as its \
             arguments, using list names as argument names."),
        doc("match.fun", "match.fun(FUN, descend = TRUE)",
            "Returns the function FUN, looking it up by name when given as a string or symbol; an error when it \
             is not a function."),
    ]
};

/// Resolves a function argument given as a function or a name.
pub fn as_function(it: &mut Interp, f: &Value) -> EvalResult {
    if f.is_function() {
        return Ok(f.clone());
    }
    if let Some(name) = f.as_string() {
        let env = it.global.clone();
        return it
            .get_function(Sym::new(&name), &env)
            .map_err(|fl| match fl {
                crate::error::Flow::Error(_) => crate::error::RError::runtime(format!(
                    "object '{}' of mode 'function' was not found",
                    name
                ))
                .into(),
                other => other,
            });
    }
    err(format!(
        "'{}' is not a function, character or symbol",
        crate::print::deparse_value_short(f)
    ))
}

fn names_or_strings(x: &Value) -> Option<Vec<RStr>> {
    // a one-dimensional array (tapply's or by's result) is named by its dimnames
    crate::eval::index::names_of(x)
}

fn apply_each(it: &mut Interp, x: &Value, f: &Value, extra: &[ArgVal]) -> EvalResult<Vec<Value>> {
    let mut items = elements(x);
    if crate::value::class::is_time_vector(x) {
        // as R's as.list methods for dates, date-times and time differences: each element keeps the class
        items = items.into_iter().map(|v| crate::value::class::keep_time_class(x, v)).collect();
    }
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let mut args = vec![(None, item)];
        args.extend(extra.iter().cloned());
        out.push(it.call_value(f, args)?);
    }
    Ok(out)
}

fn lapply(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("X")?.clone();
    let f = as_function(it, m.req("FUN")?)?;
    let out = apply_each(it, &x, &f, &m.dots)?;
    let mut l = Value::list(out);
    if let Some(n) = names_or_strings(&x) {
        l.set_attr(Sym::new("names"), Value::strs(n));
    }
    it.visible = true;
    Ok(l)
}

/// `simplify2array`: a list of equal-length atomic results becomes a vector or matrix.
pub fn simplify(list: Vec<Value>, names: Option<Vec<RStr>>) -> EvalResult {
    let n = list.len();
    if n == 0 {
        // R keeps (empty) names: sapply(character(0), f) is a named list()
        let mut l = Value::list(vec![]);
        if let Some(nm) = names {
            l.set_attr(Sym::new("names"), Value::strs(nm));
        }
        return Ok(l);
    }
    let len0 = list[0].len();
    let all_same = list
        .iter()
        .all(|v| v.len() == len0 && matches!(v, Value::Vector(_)));
    if !all_same || len0 == 0 {
        let mut l = Value::list(list);
        if let Some(nm) = names {
            l.set_attr(Sym::new("names"), Value::strs(nm));
        }
        return Ok(l);
    }
    let t = list
        .iter()
        .filter_map(|v| v.vtype())
        .max()
        .unwrap_or(VType::Lgl);
    let factors = list.iter().all(|v| v.is_factor());
    let parts: Vec<Data> = list
        .iter()
        .map(|v| {
            if v.is_factor() && !factors {
                crate::value::factor::factor_as_strings(v)
            } else {
                v.clone()
            }
        })
        .filter_map(|v| v.data().cloned())
        .collect();
    let t = if list.iter().any(|v| v.is_factor()) && !factors {
        VType::Str.max(t)
    } else {
        t
    };
    let data = crate::value::combine::concat_data(&parts, t);
    let mut out = Value::from_data(data);
    if len0 == 1 {
        let inner = list[0].names();
        match names {
            Some(nm) => out.set_attr(Sym::new("names"), Value::strs(nm)),
            None => {
                if inner.is_some() {
                    let all: Vec<RStr> = list
                        .iter()
                        .map(|v| v.names().and_then(|n| n[0].clone()))
                        .collect();
                    out.set_attr(Sym::new("names"), Value::strs(all));
                }
            }
        }
        return Ok(out);
    }
    out.set_attr(Sym::new("dim"), Value::ints(vec![len0 as i32, n as i32]));
    let rown = list[0].names();
    if rown.is_some() || names.is_some() {
        out.set_attr(
            Sym::new("dimnames"),
            Value::list(vec![
                rown.map(Value::strs).unwrap_or(Value::Null),
                names.map(Value::strs).unwrap_or(Value::Null),
            ]),
        );
    }
    Ok(out)
}

fn sapply(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("X")?.clone();
    let f = as_function(it, m.req("FUN")?)?;
    let simp = m
        .get("simplify")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let use_names = m
        .get("USE.NAMES")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let out = apply_each(it, &x, &f, &m.dots)?;
    let mut names = if use_names {
        names_or_strings(&x)
    } else {
        None
    };
    if use_names && names.is_none() {
        if let Some(Data::Str(s)) = x.data() {
            names = Some(s.to_vec());
        }
    }
    it.visible = true;
    if !simp {
        let mut l = Value::list(out);
        if let Some(nm) = names {
            l.set_attr(Sym::new("names"), Value::strs(nm));
        }
        return Ok(l);
    }
    simplify(out, names)
}

fn vapply(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("X")?.clone();
    let f = as_function(it, m.req("FUN")?)?;
    let template = m.req("FUN.VALUE")?.clone();
    let use_names = m
        .get("USE.NAMES")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let out = apply_each(it, &x, &f, &m.dots)?;
    let tt = template.vtype().unwrap_or(VType::Lgl);
    for v in &out {
        let vt = v.vtype().unwrap_or(VType::Lgl);
        if v.len() != template.len() {
            return err(format!(
                "values must be length {},\n but FUN(X[[1]]) result is length {}",
                template.len(),
                v.len()
            ));
        }
        let ok = vt == tt
            || (tt == VType::Dbl && matches!(vt, VType::Int | VType::Lgl))
            || (tt == VType::Int && vt == VType::Lgl);
        if !ok {
            return err(format!(
                "values must be type '{}',\n but FUN(X[[1]]) result is type '{}'",
                tt.type_name(),
                vt.type_name()
            ));
        }
    }
    let mut names = if use_names {
        names_or_strings(&x)
    } else {
        None
    };
    if use_names && names.is_none() {
        if let Some(Data::Str(s)) = x.data() {
            names = Some(s.to_vec());
        }
    }
    if out.is_empty() {
        return Ok(Value::from_data(Data::empty(tt)));
    }
    let r = simplify(out, names)?;
    it.visible = true;
    Ok(r.coerce(tt))
}

fn mapply_core(
    it: &mut Interp,
    f: &Value,
    dots: &[ArgVal],
    more: &[ArgVal],
) -> EvalResult<(Vec<Value>, Option<Vec<RStr>>)> {
    let lists: Vec<(Option<Sym>, Vec<Value>)> =
        dots.iter().map(|(n, v)| (*n, elements(v))).collect();
    let n = lists.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
    if lists.iter().any(|(_, l)| l.is_empty()) {
        // a named or character first argument still names the (empty) result
        let named = dots.first().is_some_and(|(_, v)| v.names().is_some() || matches!(v.data(), Some(Data::Str(_))));
        return Ok((vec![], named.then(Vec::new)));
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let mut args: Vec<ArgVal> = lists
            .iter()
            .map(|(nm, l)| (*nm, l[i % l.len()].clone()))
            .collect();
        args.extend(more.iter().cloned());
        out.push(it.call_value(f, args)?);
    }
    let names = dots.first().and_then(|(_, v)| {
        v.names().or_else(|| match v.data() {
            Some(Data::Str(s)) => Some(s.to_vec()),
            _ => None,
        })
    });
    Ok((out, names))
}

fn mapply(it: &mut Interp, m: Matched) -> EvalResult {
    let f = as_function(it, m.req("FUN")?)?;
    let more: Vec<ArgVal> = match m.get("MoreArgs") {
        Some(l) => {
            let names = l.names().unwrap_or_default();
            l.list_vec()
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    (
                        names.get(i).cloned().flatten().map(|s| Sym::new(&s)),
                        v.clone(),
                    )
                })
                .collect()
        }
        None => vec![],
    };
    let simp = m
        .get("SIMPLIFY")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let (out, names) = mapply_core(it, &f, &m.dots, &more)?;
    it.visible = true;
    if simp {
        simplify(out, names)
    } else {
        let mut l = Value::list(out);
        if let Some(nm) = names {
            l.set_attr(Sym::new("names"), Value::strs(nm));
        }
        Ok(l)
    }
}

fn map(it: &mut Interp, m: Matched) -> EvalResult {
    let f = as_function(it, m.req("f")?)?;
    let (out, names) = mapply_core(it, &f, &m.dots, &[])?;
    let mut l = Value::list(out);
    if let Some(nm) = names {
        l.set_attr(Sym::new("names"), Value::strs(nm));
    }
    it.visible = true;
    Ok(l)
}

fn reduce(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["f", "x", "init", "right", "accumulate", "simplify"])?;
    let f = as_function(it, m.req("f")?)?;
    let mut items = elements(m.req("x")?);
    let right = m
        .get("right")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let accumulate = m
        .get("accumulate")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    if let Some(init) = m.get("init") {
        if right {
            items.push(init.clone());
        } else {
            items.insert(0, init.clone());
        }
    }
    if items.is_empty() {
        return Ok(Value::Null);
    }
    if right {
        items.reverse();
    }
    let mut acc = items[0].clone();
    let mut accs = vec![acc.clone()];
    for x in items.into_iter().skip(1) {
        acc = if right {
            it.call_value(&f, vec![(None, x), (None, acc)])?
        } else {
            it.call_value(&f, vec![(None, acc), (None, x)])?
        };
        if accumulate {
            accs.push(acc.clone());
        }
    }
    it.visible = true;
    if accumulate {
        if right {
            accs.reverse();
        }
        return simplify(accs, None);
    }
    Ok(acc)
}

fn filter(it: &mut Interp, m: Matched) -> EvalResult {
    let f = as_function(it, m.req("f")?)?;
    let x = m.req("x")?.clone();
    let items = elements(&x);
    let mut keep = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let r = it.call_value(&f, vec![(None, item)])?;
        if r.as_bool().flatten().unwrap_or(false) {
            keep.push(Some(i));
        }
    }
    it.visible = true;
    crate::eval::index::index(
        &x,
        &[Some(Value::ints(
            keep.iter().flatten().map(|&i| i as i32 + 1).collect(),
        ))],
        true,
    )
}

/// The index of the first (or last, with `right`) element of `x` for which `f` is TRUE.
fn first_hit(
    it: &mut Interp,
    f: &Value,
    items: &[Value],
    right: bool,
) -> EvalResult<Option<usize>> {
    let order: Vec<usize> = if right {
        (0..items.len()).rev().collect()
    } else {
        (0..items.len()).collect()
    };
    for i in order {
        if it
            .call_value(f, vec![(None, items[i].clone())])?
            .as_bool()
            .flatten()
            .unwrap_or(false)
        {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn position(it: &mut Interp, m: Matched) -> EvalResult {
    let f = as_function(it, m.req("f")?)?;
    let right = m
        .get("right")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    match first_hit(it, &f, &elements(m.req("x")?), right)? {
        Some(i) => Ok(Value::int(i as i32 + 1)),
        None => Ok(m
            .get("nomatch")
            .cloned()
            .unwrap_or(Value::int(crate::value::NA_INT))),
    }
}

fn find(it: &mut Interp, m: Matched) -> EvalResult {
    let f = as_function(it, m.req("f")?)?;
    let right = m
        .get("right")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let items = elements(m.req("x")?);
    match first_hit(it, &f, &items, right)? {
        Some(i) => Ok(items[i].clone()),
        None => Ok(m.get("nomatch").cloned().unwrap_or(Value::Null)),
    }
}

fn do_call(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["what", "args", "quote", "envir"])?;
    let what = m.req("what")?.clone();
    let fname = what.as_string();
    let f = match &fname {
        Some(n) if !what.is_function() => {
            let env = it.global.clone();
            it.get_function(Sym::new(n), &env)?
        }
        _ => as_function(it, &what)?,
    };
    let args = m.get("args").cloned().unwrap_or(Value::list(vec![]));
    if !matches!(args.vtype(), Some(VType::List)) && !args.is_null() {
        return err("second argument must be a list");
    }
    let names = crate::eval::index::names_of(&args);
    let items: Vec<ArgVal> = elements(&if matches!(args.vtype(), Some(VType::List)) {
        args.clone()
    } else {
        crate::builtins::base::types::as_list_value(&args)?
    })
    .into_iter()
    .enumerate()
    .map(|(i, v)| {
        (
            names
                .as_ref()
                .and_then(|n| n[i].as_deref().filter(|s| !s.is_empty()).map(Sym::new)),
            v,
        )
    })
    .collect();
    let call = fname.map(|n| {
        Rc::new(crate::syntax::ast::Expr::new(
            crate::syntax::ast::ExprKind::Call(
                std::rc::Rc::new(crate::eval::call::ident(Sym::new(&n))),
                Default::default(),
            ),
            Default::default(),
        ))
    });
    it.call_value_as(&f, items, call)
}

fn match_fun(it: &mut Interp, m: Matched) -> EvalResult {
    let f = m.get("FUN").cloned().unwrap_or(Value::Null);
    as_function(it, &f)
}
