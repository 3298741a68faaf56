//! Indexing: `x[i]`, `x[i, j]`, `x[[i]]`, `x$name`, and their replacement forms.

use super::Interp;
use crate::error::{err, EvalResult};
use crate::syntax::ast::Arg;
use crate::syntax::sym::Sym;
use crate::value::{Data, Env, RStr, VType, Value, Vector, NA_INT};
use std::rc::Rc;

/// One evaluated subscript: a value, or empty (`x[, 1]`).
pub type Sub = Option<Value>;

/// Evaluates the subscripts of `x[...]`, separating `drop=` and `exact=`.
pub fn eval_subs(
    it: &mut Interp,
    args: &[Arg],
    env: &Env,
) -> EvalResult<(Vec<Sub>, Option<bool>, bool)> {
    let mut subs = Vec::new();
    let mut drop = None;
    let mut exact = true;
    for a in args {
        let name = a.name.map(|s| s.as_str());
        match (&a.value, name) {
            (Some(v), Some("drop")) => drop = it.eval(v, env)?.as_bool().flatten(),
            (Some(v), Some("exact")) => {
                exact = it.eval(v, env)?.as_bool().flatten().unwrap_or(true)
            }
            (Some(v), _) => {
                if let crate::syntax::ast::ExprKind::Ident(s) = &v.kind {
                    if s.as_str() == "..." {
                        for (_, x) in it.dots_of(env)? {
                            let x = match x {
                                Value::Promise(p) => it.force(&p)?,
                                x => x,
                            };
                            subs.push(Some(x));
                        }
                        continue;
                    }
                    // a missing argument of the enclosing function is an empty subscript
                    if is_empty_arg(env, *s) {
                        subs.push(None);
                        continue;
                    }
                }
                subs.push(Some(it.eval(v, env)?))
            }
            (None, _) => subs.push(None),
        }
    }
    Ok((subs, drop, exact))
}

/// Whether `s` is a parameter of the frame `env` that was not supplied and has no
/// default (directly or passed on from the caller's missing parameter).
fn is_empty_arg(env: &Env, s: Sym) -> bool {
    match env.get_local(s) {
        Some(Value::Missing) => true,
        Some(Value::Promise(p)) if !p.is_default => match (&p.expr.kind, &p.env) {
            (crate::syntax::ast::ExprKind::Ident(s2), Some(penv)) => {
                matches!(penv.get_local(*s2), Some(Value::Missing))
            }
            _ => false,
        },
        _ => false,
    }
}

/// `x[...]` or `x[[...]]` with unevaluated subscripts.
pub fn eval_index(
    it: &mut Interp,
    x: Value,
    obj: Option<&crate::syntax::ast::Expr>,
    args: &[Arg],
    env: &Env,
    double: bool,
) -> EvalResult {
    let (subs, drop, exact) = eval_subs(it, args, env)?;
    if !it.s4.prims.is_empty() && x.get_attr("class").is_some() {
        let mut a = vec![(None, x.clone())];
        a.extend(subs.iter().map(|s| (None, s.clone().unwrap_or(Value::Missing))));
        if let Some(d) = drop {
            a.push((Some(crate::syntax::sym::Sym::new("drop")), Value::lgl(d)));
        }
        if let Some(r) = it.s4_dispatch(if double { "[[" } else { "[" }, &a, env) {
            return r;
        }
    }
    if double && x.get_attr("class").is_some() {
        let mut a = vec![(None, x.clone())];
        a.extend(subs.iter().map(|s| (None, s.clone().unwrap_or(Value::Missing))));
        if let Some(r) = it.dispatch_closure("[[", a, env) {
            return r;
        }
    }
    if !double && x.class_attr().is_some() {
        if let Some(r) = dispatch_bracket(it, &x, obj, args, &subs, drop, exact, env) {
            return r;
        }
        // built-in methods (`[.Date`, ...) take the evaluated subscripts
        let cls = x.class_attr().unwrap_or_default();
        if !cls.iter().any(|c| c == "data.frame" || c == "factor") {
            let mut a = vec![(None, x.clone())];
            a.extend(subs.iter().map(|s| (None, s.clone().unwrap_or(Value::Missing))));
            if let Some(r) = it.try_dispatch("[", &x, a, env) {
                return r;
            }
        }
    }
    let r = if double {
        index2(&x, &subs, exact)
    } else {
        index(&x, &subs, drop.unwrap_or(true))
    };
    if crate::value::class::is_time_vector(&x) {
        return r.map(|v| crate::value::class::keep_time_class(&x, v));
    }
    if !double && drop == Some(true) && x.is_factor() {
        return r.map(drop_unused_levels);
    }
    if !double && x.vtype() == Some(VType::List) && x.inherits("expression") {
        // a part of an expression vector is an expression vector
        return r.map(|mut v| {
            v.set_attr(Sym::new("class"), Value::str("expression"));
            v
        });
    }
    r
}

/// `x[...]` on a classed `x` with an R-level method `[.class` (tried in class order; a
/// data frame or factor reached first keeps the built-in path): calls the method with the
/// subscripts as written (named ones by name, empty ones missing, `drop=`/`exact=` passed
/// on) and the call `` `[.class`(x, ...) ``, so `nargs()`, `sys.call()` and `missing()` see
/// what R's methods see.
#[allow(clippy::too_many_arguments)]
fn dispatch_bracket(
    it: &mut Interp,
    x: &Value,
    obj: Option<&crate::syntax::ast::Expr>,
    args: &[Arg],
    subs: &[Sub],
    drop: Option<bool>,
    exact: bool,
    env: &Env,
) -> Option<EvalResult> {
    use crate::syntax::ast::{Expr, ExprKind};
    let classes = it.s3_classes(x)?;
    let mut found = None;
    for cls in classes {
        let name = format!("[.{}", cls);
        match it.lookup_method(env, &name) {
            Some(Value::Closure(c)) => {
                found = Some((c, name));
                break;
            }
            Some(Value::Promise(p)) => {
                if let Ok(Value::Closure(c)) = it.force(&p) {
                    found = Some((c, name));
                    break;
                }
            }
            Some(_) => return None,
            None if cls == "data.frame" || cls == "factor" => return None,
            None => {}
        }
    }
    let (c, name) = found?;
    let dots = args.iter().any(|a| {
        matches!(&a.value, Some(e) if matches!(&e.kind, ExprKind::Ident(s) if s.as_str() == "..."))
    });
    let mut a: Vec<(Option<Sym>, Value)> = vec![(None, x.clone())];
    if dots {
        a.extend(subs.iter().map(|s| (None, s.clone().unwrap_or(Value::Missing))));
        if let Some(d) = drop {
            a.push((Some(Sym::new("drop")), Value::lgl(d)));
        }
    } else {
        let mut k = 0;
        for arg in args {
            match (arg.name.map(|n| n.as_str()), &arg.value) {
                (Some("drop"), Some(_)) => {
                    a.push((arg.name, drop.map(Value::lgl).unwrap_or(Value::lgl_na())));
                }
                (Some("exact"), Some(_)) => a.push((arg.name, Value::lgl(exact))),
                _ => {
                    let v = subs.get(k).cloned().flatten().unwrap_or(Value::Missing);
                    k += 1;
                    a.push((arg.name, v));
                }
            }
        }
    }
    let obj_expr = obj.cloned().unwrap_or_else(|| super::call::ident(Sym::new("x")));
    let mut call_args = vec![Arg { name: None, value: Some(obj_expr), span: Default::default() }];
    call_args.extend(args.iter().cloned());
    let call = Rc::new(Expr::new(
        ExprKind::Call(Rc::new(super::call::ident(Sym::new(&name))), call_args.into()),
        Default::default(),
    ));
    let f = Value::Closure(c.clone());
    Some(it.apply_closure(&c, a, call, env, f))
}

/// A factor without the levels none of its codes use (`f[i, drop = TRUE]`).
fn drop_unused_levels(mut f: Value) -> Value {
    let levels = f.get_attr("levels").map(|l| l.str_vec().to_vec()).unwrap_or_default();
    let codes = f.int_vec().to_vec();
    let mut used = vec![false; levels.len()];
    for &c in &codes {
        if c >= 1 && (c as usize) <= levels.len() {
            used[c as usize - 1] = true;
        }
    }
    let mut new_code = vec![0i32; levels.len()];
    let mut kept = Vec::new();
    for (i, l) in levels.iter().enumerate() {
        if used[i] {
            kept.push(l.clone());
            new_code[i] = kept.len() as i32;
        }
    }
    let codes: Vec<i32> = codes.iter().map(|&c| if c >= 1 && (c as usize) <= levels.len() { new_code[c as usize - 1] } else { c }).collect();
    if let Value::Vector(v) = &mut f {
        v.data = Data::Int(std::rc::Rc::new(codes));
    }
    f.set_attr(Sym::new("levels"), Value::strs(kept));
    f
}

/// Resolves a subscript against a length and names into 0-based positions (None = NA/out of range).
/// `allow_extend` lets positions past the end and new names through (for assignment); new names
/// are returned in the second element, in order, numbered from `n`.
pub fn resolve(
    sub: &Value,
    n: usize,
    names: Option<&[RStr]>,
    allow_extend: bool,
) -> EvalResult<(Vec<Option<usize>>, Vec<RStr>)> {
    let mut new_names: Vec<RStr> = Vec::new();
    let sub = if sub.is_factor() {
        sub.coerce(VType::Int)
    } else {
        sub.clone()
    };
    let Some(d) = sub.data() else {
        return match sub {
            Value::Null => Ok((vec![], vec![])),
            _ => err(format!(
                "invalid subscript type '{}'",
                crate::value::class::type_of(&sub)
            )),
        };
    };
    match d {
        Data::Str(s) => {
            let mut out = Vec::with_capacity(s.len());
            for nm in s.iter() {
                let pos = match (nm, names) {
                    (Some(nm), Some(names)) if !nm.is_empty() => {
                        names.iter().position(|x| x.as_deref() == Some(&**nm))
                    }
                    _ => None,
                };
                match pos {
                    Some(p) => out.push(Some(p)),
                    None if allow_extend => {
                        // repeated new names in one assignment share a slot
                        if let Some(k) = new_names.iter().position(|x| x == nm && nm.is_some()) {
                            out.push(Some(n + k));
                        } else {
                            new_names.push(nm.clone());
                            out.push(Some(n + new_names.len() - 1));
                        }
                    }
                    None => out.push(None),
                }
            }
            Ok((out, new_names))
        }
        Data::Lgl(l) => {
            let m = if l.len() > n { l.len() } else { n };
            let mut out = Vec::new();
            if l.is_empty() {
                return Ok((out, new_names));
            }
            for i in 0..m {
                let b = l[i % l.len()];
                if b == NA_INT {
                    out.push(None);
                } else if b != 0 {
                    out.push(Some(i));
                }
            }
            Ok((out, new_names))
        }
        Data::Int(_) | Data::Dbl(_) => {
            let v = d.to_dbl();
            let any_neg = v.iter().any(|&x| x < 0.0 && x.trunc() != 0.0);
            let any_pos = v.iter().any(|&x| x >= 1.0 || x.is_nan());
            if any_neg {
                if any_pos {
                    return err("can't mix positive and negative subscripts");
                }
                let mut keep = vec![true; n];
                for &x in v.iter() {
                    let k = (-x).trunc() as usize;
                    if k >= 1 && k <= n {
                        keep[k - 1] = false;
                    }
                }
                return Ok(((0..n).filter(|&i| keep[i]).map(Some).collect(), new_names));
            }
            let mut out = Vec::with_capacity(v.len());
            for &x in v.iter() {
                if x.is_nan() {
                    out.push(None);
                    continue;
                }
                let k = x.trunc();
                if k < 1.0 {
                    continue;
                }
                let k = k as usize - 1;
                if k >= n && !allow_extend {
                    out.push(None);
                } else {
                    out.push(Some(k));
                }
            }
            Ok((out, new_names))
        }
        Data::List(_) => err("invalid subscript type 'list'"),
        Data::Cplx(_) => err("invalid subscript type 'complex'"),
        Data::Raw(_) => err("invalid subscript type 'raw'"),
    }
}

/// Element names: the names attribute, or the dimnames of a one-dimensional array.
pub fn names_of(x: &Value) -> Option<Vec<RStr>> {
    if let Some(n) = x.names() {
        return Some(n);
    }
    match x.dim() {
        Some(d) if d.len() == 1 => x
            .get_attr("dimnames")
            .and_then(|dn| dn.list_vec().first().cloned())
            .filter(|v| !v.is_null())
            .map(|v| v.str_vec().to_vec()),
        _ => None,
    }
}

/// `x[i]`, `x[i, j]`, `x[i, j, k]`.
pub fn index(x: &Value, subs: &[Sub], drop: bool) -> EvalResult {
    if x.is_data_frame() {
        return crate::eval::frame_index::df_index(x, subs, drop);
    }
    match x {
        Value::Null => return Ok(Value::Null),
        Value::Vector(_) => {}
        Value::Lang(_) => return err("object of type 'language' is not subsettable"),
        Value::Closure(_) | Value::Builtin(_) => {
            return err("object of type 'closure' is not subsettable")
        }
        _ => return err("object is not subsettable"),
    }
    let Value::Vector(v) = x else {
        return Ok(Value::Null);
    };
    if subs.len() >= 2 {
        return index_array(x, v, subs, drop);
    }
    let n = v.data.len();
    if subs.is_empty() || subs[0].is_none() {
        return Ok(x.clone());
    }
    let sub = subs[0].clone().unwrap_or(Value::Null);
    if let Some(pos) = matrix_subscript(x, &sub)? {
        return Ok(Value::from_data(v.data.select(&pos)));
    }
    let names = names_of(x);
    let (pos, _) = resolve(&sub, n, names.as_deref(), false)?;
    let data = v.data.select(&pos);
    let mut out = Value::from_data(data);
    if let Some(nm) = names {
        let nn: Vec<RStr> = pos
            .iter()
            .map(|p| match p {
                Some(i) if *i < nm.len() => nm[*i].clone(),
                _ => {
                    if matches!(sub.vtype(), Some(VType::Str)) {
                        None
                    } else {
                        Some(Rc::from("<NA>"))
                    }
                }
            })
            .map(|s| {
                if matches!(sub.vtype(), Some(VType::Str)) {
                    s.or(Some(Rc::from("<NA>")))
                } else {
                    s
                }
            })
            .collect();
        out.set_attr(Sym::new("names"), Value::strs(nn));
    }
    // a one-dimensional array (a table) stays one: dim and dimnames, and the table class
    if x.dim().map(|d| d.len() == 1).unwrap_or(false) && x.names().is_none() {
        let nm = out.get_attr("names").cloned();
        out.set_attr(Sym::new("names"), Value::Null);
        out.set_attr(Sym::new("dim"), Value::ints(vec![pos.len() as i32]));
        if let Some(nm) = nm {
            let mut dn = Value::list(vec![nm]);
            if let Some(dnn) = x
                .get_attr("dimnames")
                .and_then(|d| d.get_attr("names").cloned())
            {
                dn.set_attr(Sym::new("names"), dnn);
            }
            out.set_attr(Sym::new("dimnames"), dn);
        }
        if x.inherits("table") {
            out.set_attr(Sym::new("class"), Value::str("table"));
        }
    }
    // factors keep levels and class
    for keep in ["levels", "class", "contrasts"] {
        if x.is_factor() || keep == "levels" && x.get_attr("levels").is_some() && x.is_factor() {
            if let Some(a) = x.get_attr(keep) {
                out.set_attr(Sym::new(keep), a.clone());
            }
        }
    }
    Ok(out)
}

fn index_array(x: &Value, v: &Vector, subs: &[Sub], drop: bool) -> EvalResult {
    let dim = match x.dim() {
        Some(d) if d.len() == subs.len() => d,
        _ => return err("incorrect number of dimensions"),
    };
    let dimnames: Vec<Option<Vec<RStr>>> = match x.get_attr("dimnames") {
        Some(dn) => dn
            .list_vec()
            .iter()
            .map(|d| {
                if d.is_null() {
                    None
                } else {
                    Some(d.str_vec().to_vec())
                }
            })
            .collect(),
        None => vec![None; dim.len()],
    };
    let mut per_dim: Vec<Vec<usize>> = Vec::new();
    for (k, s) in subs.iter().enumerate() {
        match s {
            None => per_dim.push((0..dim[k]).collect()),
            Some(s) => {
                let (p, _) = resolve(s, dim[k], dimnames[k].as_deref(), false)?;
                let mut ps = Vec::with_capacity(p.len());
                for q in p {
                    match q {
                        Some(q) if q < dim[k] => ps.push(q),
                        _ => return err("subscript out of bounds"),
                    }
                }
                per_dim.push(ps);
            }
        }
    }
    // Gather in column-major order.
    let counts: Vec<usize> = per_dim.iter().map(|p| p.len()).collect();
    let total: usize = counts.iter().product();
    let mut pos = Vec::with_capacity(total);
    let mut idx = vec![0usize; dim.len()];
    for _ in 0..total {
        let mut off = 0;
        let mut mult = 1;
        for k in 0..dim.len() {
            off += per_dim[k][idx[k]] * mult;
            mult *= dim[k];
        }
        pos.push(Some(off));
        for k in 0..dim.len() {
            idx[k] += 1;
            if idx[k] < counts[k] {
                break;
            }
            idx[k] = 0;
        }
    }
    let data = v.data.select(&pos);
    let mut out = Value::from_data(data);
    let new_dn: Vec<Option<Vec<RStr>>> = dimnames
        .iter()
        .enumerate()
        .map(|(k, d)| {
            d.as_ref()
                .map(|d| per_dim[k].iter().map(|&i| d[i].clone()).collect())
        })
        .collect();
    let dn_names = x.get_attr("dimnames").and_then(|d| d.names());
    let kept: Vec<usize> = if drop {
        (0..dim.len()).filter(|&k| counts[k] != 1).collect()
    } else {
        (0..dim.len()).collect()
    };
    if kept.len() <= 1 && drop {
        // Result is a plain vector; names come from the one remaining dimension.
        if let Some(&k) = kept.first() {
            if let Some(d) = &new_dn[k] {
                out.set_attr(Sym::new("names"), Value::strs(d.clone()));
            }
        }
        return Ok(out);
    }
    out.set_attr(
        Sym::new("dim"),
        Value::ints(kept.iter().map(|&k| counts[k] as i32).collect()),
    );
    if new_dn.iter().any(|d| d.is_some()) {
        let mut l = Value::list(
            kept.iter()
                .map(|&k| new_dn[k].clone().map(Value::strs).unwrap_or(Value::Null))
                .collect(),
        );
        if let Some(nn) = dn_names {
            l.set_attr(
                Sym::new("names"),
                Value::strs(kept.iter().map(|&k| nn[k].clone()).collect()),
            );
        }
        out.set_attr(Sym::new("dimnames"), l);
    }
    Ok(out)
}

/// `x[[i]]` (and `x[[i, j]]`).
pub fn index2(x: &Value, subs: &[Sub], exact: bool) -> EvalResult {
    if subs.len() == 2 {
        if x.is_data_frame() {
            let col = index2(x, &subs[1..], exact)?;
            return index2(&col, &subs[..1], exact);
        }
        let r = index(x, subs, true)?;
        if r.len() != 1 {
            return err("subscript out of bounds");
        }
        let mut r = r;
        r.clear_attrs();
        return Ok(r);
    }
    let Some(Some(sub)) = subs.first() else {
        return err("invalid subscript");
    };
    if let Value::Lang(l) = x {
        let as_list = super::lang_list::to_list(&l.expr);
        return index2(&as_list, subs, exact);
    }
    match x {
        Value::Env(e) => {
            let name = sub.as_string().unwrap_or_default();
            return Ok(e.get_local(Sym::new(&name)).unwrap_or(Value::Null));
        }
        Value::Null => return Ok(Value::Null),
        Value::Vector(_) => {}
        _ => return err("object of type 'closure' is not subsettable"),
    }
    let Value::Vector(v) = x else {
        return Ok(Value::Null);
    };
    if sub.len() != 1 {
        if sub.len() > 1 && matches!(v.data, Data::List(_)) {
            // recursive indexing
            let mut cur = x.clone();
            for i in 0..sub.len() {
                let s = Value::from_data(
                    sub.data()
                        .map(|d| d.select(&[Some(i)]))
                        .unwrap_or(Data::empty(VType::Lgl)),
                );
                cur = index2(&cur, &[Some(s)], exact)?;
            }
            return Ok(cur);
        }
        return err(if sub.is_empty() {
            "subscript of length 0"
        } else {
            "attempt to select more than one element in vectorIndex"
        });
    }
    let n = v.data.len();
    let pos = if let Some(Data::Str(s)) = sub.data() {
        let names = names_of(x);
        let key = s[0].clone();
        let p = names
            .as_ref()
            .and_then(|nm| nm.iter().position(|x| *x == key && key.is_some()));
        let p = if p.is_none() && !exact {
            names.as_ref().and_then(|nm| {
                let k = key.as_deref().unwrap_or("");
                let c: Vec<usize> = (0..nm.len())
                    .filter(|&i| nm[i].as_deref().map(|s| s.starts_with(k)).unwrap_or(false))
                    .collect();
                if c.len() == 1 {
                    Some(c[0])
                } else {
                    None
                }
            })
        } else {
            p
        };
        match p {
            Some(p) => p,
            None => {
                return if matches!(v.data, Data::List(_)) {
                    Ok(Value::Null)
                } else {
                    err("subscript out of bounds")
                };
            }
        }
    } else {
        let k = sub.as_f64().unwrap_or(f64::NAN);
        if k.is_nan() {
            return if matches!(v.data, Data::List(_)) {
                Ok(Value::Null)
            } else {
                err("subscript out of bounds")
            };
        }
        if k < 0.0 {
            let (p, _) = resolve(sub, n, None, false)?;
            if p.len() != 1 {
                return err("invalid negative subscript in get1index <real>");
            }
            p[0].unwrap_or(0)
        } else {
            let k = k as usize;
            if k == 0 || k > n {
                return err("subscript out of bounds");
            }
            k - 1
        }
    };
    Ok(match &v.data {
        Data::List(l) => l[pos].clone(),
        d => {
            let mut r = Value::from_data(d.select(&[Some(pos)]));
            if x.is_factor() {
                for k in ["levels", "class"] {
                    if let Some(a) = x.get_attr(k) {
                        r.set_attr(Sym::new(k), a.clone());
                    }
                }
            }
            r
        }
    })
}

/// Looks up a list element by exact name.
pub fn list_get(v: &Value, name: &str) -> Option<Value> {
    let names = v.names()?;
    let i = names.iter().position(|n| n.as_deref() == Some(name))?;
    match v.data()? {
        Data::List(l) => l.get(i).cloned(),
        _ => None,
    }
}

/// `x$name` with R's partial matching on lists.
pub fn dollar(it: &mut Interp, x: &Value, name: &str) -> EvalResult {
    if let Value::Lang(l) = x {
        // a call's arguments by name, as R's `$` on a language object
        let as_list = super::lang_list::to_list(&l.expr);
        return Ok(list_get(&as_list, name).unwrap_or(Value::Null));
    }
    if let Some(Value::Env(e)) = x.get_attr(".xData") {
        if let Some(v) = e.get_local(Sym::new(name)) {
            return Ok(v);
        }
        // a Reference object: a method added to its class after it was created
        if e.get_local(Sym::new(".refClassName")).is_some() {
            let base = it.base.clone();
            if let Ok(f) = it.get_function(Sym::new(".rc_method_lookup"), &base) {
                return it.call_value(&f, vec![(None, x.clone()), (None, Value::str(name))]);
            }
        }
        return Ok(Value::Null);
    }
    if !it.s4.prims.is_empty() && x.get_attr("class").is_some() {
        let env = it.global.clone();
        let a = [(None, x.clone()), (None, Value::str(name))];
        if let Some(r) = it.s4_dispatch("$", &a, &env) {
            return r;
        }
    }
    if x.get_attr("class").is_some() {
        let env = it.global.clone();
        let env = it.frames.last().map(|f| f.env.clone()).unwrap_or(env);
        if let Some(r) = it.dispatch_closure("$", vec![(None, x.clone()), (None, Value::str(name))], &env) {
            return r;
        }
    }
    match x {
        Value::Env(e) => return Ok(e.get_local(Sym::new(name)).unwrap_or(Value::Null)),
        Value::Null => return Ok(Value::Null),
        Value::Vector(v) if !matches!(v.data, Data::List(_)) => {
            return err("$ operator is invalid for atomic vectors")
        }
        Value::Vector(_) => {}
        _ => {
            return err(format!(
                "object of type '{}' is not subsettable",
                crate::value::class::type_of(x)
            ))
        }
    }
    if let Some(v) = list_get(x, name) {
        return Ok(v);
    }
    let names = x.names().unwrap_or_default();
    let c: Vec<usize> = (0..names.len())
        .filter(|&i| {
            names[i]
                .as_deref()
                .map(|s| s.starts_with(name))
                .unwrap_or(false)
        })
        .collect();
    if c.len() == 1 {
        if let Some(Data::List(l)) = x.data() {
            return Ok(l[c[0]].clone());
        }
    }
    Ok(Value::Null)
}

/// A character matrix subscript (one row per cell, one column per dimension) as the
/// numeric one: each name's position in that dimension's dimnames.
fn dimname_positions(x: &Value, sub: &Value, rows: usize) -> EvalResult {
    let dn = x.get_attr("dimnames").map(|d| d.list_vec().to_vec()).unwrap_or_default();
    let sv = sub.str_vec();
    let ndim = sv.len() / rows.max(1);
    let mut out = Vec::with_capacity(sv.len());
    for k in 0..ndim {
        let names = dn.get(k).filter(|d| !d.is_null()).map(|d| d.str_vec());
        for r in 0..rows {
            let name = &sv[r + k * rows];
            let pos = names.as_ref().and_then(|n| n.iter().position(|x| x == name));
            match (pos, name.is_none()) {
                (_, true) => out.push(crate::value::na_real()),
                (Some(p), false) => out.push(p as f64 + 1.0),
                (None, false) => return err("subscript out of bounds"),
            }
        }
    }
    let mut m = Value::dbls(out);
    m.set_attr(Sym::new("dim"), Value::ints(vec![rows as i32, ndim as i32]));
    Ok(m)
}

/// The cells a matrix subscript names (`x[cbind(i, j)]`, or a character matrix of
/// dimnames), as positions in `x`; None when `sub` is not a matrix subscript of `x`.
pub(crate) fn matrix_subscript(x: &Value, sub: &Value) -> EvalResult<Option<Vec<Option<usize>>>> {
    let mut sub = sub.clone();
    // A character matrix subscript names cells by their dimnames.
    if let (Some(dim), Some(sd)) = (x.dim(), sub.dim()) {
        if sd.len() == 2 && sd[1] == dim.len() && matches!(sub.vtype(), Some(VType::Str)) {
            sub = dimname_positions(x, &sub, sd[0])?;
        }
    }
    // A matrix subscript (cbind(i, j)) indexes cells.
    if let (Some(dim), Some(sd)) = (x.dim(), sub.dim()) {
        if sd.len() == 2
            && sd[1] == dim.len()
            && matches!(sub.vtype(), Some(VType::Int) | Some(VType::Dbl))
        {
            let m = sub.dbl_vec();
            let rows = sd[0];
            let mut pos = Vec::with_capacity(rows);
            'rows: for r in 0..rows {
                let mut off = 0usize;
                let mut mult = 1usize;
                let mut na = false;
                for (k, &dk) in dim.iter().enumerate() {
                    let i = m[r + k * rows];
                    if i.is_nan() {
                        na = true;
                        continue;
                    }
                    // as R: a row with a zero is dropped, negatives and indices past the extent are errors
                    if i < 0.0 {
                        return err("negative values are not allowed in a matrix subscript");
                    }
                    if i < 1.0 {
                        continue 'rows;
                    }
                    if i as usize > dk {
                        return err("subscript out of bounds");
                    }
                    off += (i as usize - 1) * mult;
                    mult *= dk;
                }
                pos.push(if na { None } else { Some(off) });
            }
            return Ok(Some(pos));
        }
    }
    Ok(None)
}
