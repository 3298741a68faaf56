//! Assignment: `x <- v`, `x[i] <- v`, `x$a$b[2] <- v`, `names(x) <- v` and every other
//! replacement form, with copy-on-modify.

use super::index::{eval_subs, resolve, Sub};
use super::Interp;
use crate::error::{err, EvalResult};
use crate::syntax::ast::{Const, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::{Data, Env, RStr, VType, Value, Vector};
use std::rc::Rc;

/// Assigns `value` to the target expression in `env` (`sup` for `<<-`).
pub fn assign(
    it: &mut Interp,
    target: &Expr,
    value: Value,
    env: &Env,
    sup: bool,
) -> EvalResult<()> {
    match &target.kind {
        ExprKind::Ident(s) => {
            set_var(it, *s, value, env, sup);
            Ok(())
        }
        ExprKind::Const(Const::Str(s)) => {
            set_var(it, Sym::new(s), value, env, sup);
            Ok(())
        }
        ExprKind::Paren(inner) => assign(it, inner, value, env, sup),
        ExprKind::Index(obj, args) | ExprKind::Index2(obj, args) => {
            let double = matches!(target.kind, ExprKind::Index2(..));
            let (subs, _, _) = eval_subs(it, args, env)?;
            let mut cur = current(it, obj, env, sup)?;
            if !it.s4.prims.is_empty() && crate::value::class::is_s4(&cur) {
                let name = if double { "[[<-" } else { "[<-" };
                let mut a = vec![(None, cur.clone())];
                a.extend(subs.iter().map(|s| (None, s.clone().unwrap_or(Value::Missing))));
                a.push((Some(Sym::new("value")), value.clone()));
                if let Some(r) = it.s4_dispatch(name, &a, env) {
                    let r = r.map(|v| {
                        cur = v;
                    });
                    assign(it, obj, cur, env, sup)?;
                    return r;
                }
            }
            if cur.get_attr("class").is_some() {
                let mut a = vec![(None, cur.clone())];
                a.extend(subs.iter().map(|s| (None, s.clone().unwrap_or(Value::Missing))));
                a.push((Some(Sym::new("value")), value.clone()));
                if let Some(r) = it.dispatch_closure(if double { "[[<-" } else { "[<-" }, a, env) {
                    return assign(it, obj, r?, env, sup);
                }
            }
            let r = if double {
                assign_index2(it, &mut cur, &subs, value)
            } else {
                assign_index(it, &mut cur, &subs, value)
            };
            // Always write the object back, so a failed assignment leaves it as it was.
            assign(it, obj, cur, env, sup)?;
            r
        }
        ExprKind::Dollar(obj, name) | ExprKind::At(obj, name) => {
            let mut cur = current(it, obj, env, sup)?;
            let r = if matches!(target.kind, ExprKind::At(..)) {
                super::slots::assign_slot(it, &mut cur, name.as_str(), value, env)
            } else if cur.get_attr("class").is_some() {
                let a = vec![(None, cur.clone()), (None, Value::str(name.as_str())), (Some(Sym::new("value")), value.clone())];
                match it.dispatch_closure("$<-", a, env) {
                    Some(r) => r.map(|v| cur = v),
                    None => assign_dollar(it, &mut cur, name.as_str(), value),
                }
            } else {
                assign_dollar(it, &mut cur, name.as_str(), value)
            };
            assign(it, obj, cur, env, sup)?;
            r
        }
        ExprKind::Call(f, args) => {
            let fname = match &f.kind {
                ExprKind::Ident(s) => s.as_str().to_string(),
                ExprKind::Const(Const::Str(s)) => s.to_string(),
                _ => return err("invalid function in complex assignment"),
            };
            let Some(first) = args.first().and_then(|a| a.value.as_ref()) else {
                return err("invalid assignment target");
            };
            let rf = it.get_function(Sym::new(&format!("{}<-", fname)), env)?;
            let cur = match &first.kind {
                ExprKind::Ident(s) if !sup => match env.lookup(*s) {
                    Some(Value::Promise(p)) => it.force(&p)?,
                    Some(v) => v,
                    None => it.dataset_or_not_found(*s)?,
                },
                _ => current(it, first, env, sup)?,
            };
            let mut cargs = vec![(None, cur)];
            for a in &args[1..] {
                let v = match &a.value {
                    Some(e) => it.eval(e, env)?,
                    None => Value::Missing,
                };
                cargs.push((a.name, v));
            }
            let call = match rf {
                Value::Closure(_) => Some(Rc::new(replacement_call(&fname, f, args, &value, target))),
                _ => None,
            };
            cargs.push((Some(Sym::new("value")), value));
            let newv = it.call_value_as(&rf, cargs, call)?;
            assign(it, first, newv, env, sup)
        }
        _ => err("invalid assignment target"),
    }
}

/// The call a replacement closure sees (sys.call, error messages), as R builds it:
/// `` `f<-`(`*tmp*`, ..., value = v) ``.
fn replacement_call(fname: &str, f: &Expr, args: &[crate::syntax::ast::Arg], value: &Value, target: &Expr) -> Expr {
    use crate::syntax::ast::Arg;
    let tmp = Expr::new(ExprKind::Ident(Sym::new("*tmp*")), target.span);
    let mut call_args = vec![Arg { name: None, value: Some(tmp), span: target.span }];
    call_args.extend(args[1..].iter().cloned());
    call_args.push(Arg {
        name: Some(Sym::new("value")),
        // Short values as themselves; long ones are not deparsed on every call.
        value: Some(if value.len() <= 8 {
            super::lang_list::value_to_expr(value)
        } else {
            Expr::new(ExprKind::Ident(Sym::new("value")), target.span)
        }),
        span: target.span,
    });
    let fun = Expr::new(ExprKind::Ident(Sym::new(&format!("{}<-", fname))), f.span);
    Expr::new(ExprKind::Call(std::rc::Rc::new(fun), call_args.into()), target.span)
}

fn set_var(it: &mut Interp, s: Sym, value: Value, env: &Env, sup: bool) {
    let target = if sup {
        let start = env.parent().unwrap_or_else(|| it.global.clone());
        match start.find_env(s) {
            Some(e) if !e.ptr_eq(&it.base) => e,
            _ => it.global.clone(),
        }
    } else {
        env.clone()
    };
    // a generator state assigned to the global `.Random.seed` becomes the live state
    if it.is_random_seed(s, &target) && it.set_random_seed(&value) {
        target.remove(s);
        return;
    }
    target.set(s, value);
}

/// The current value of an assignment target's object, taken out of its frame when it
/// lives there, so that modifying it does not copy.
fn current(it: &mut Interp, obj: &Expr, env: &Env, sup: bool) -> EvalResult {
    match &obj.kind {
        ExprKind::Ident(s) => {
            let lookup_env = if sup {
                env.parent().unwrap_or_else(|| it.global.clone())
            } else {
                env.clone()
            };
            if !sup && env.has_local(*s) {
                let v = env.take_local(*s).unwrap_or(Value::Null);
                let v = match v {
                    Value::Promise(p) => {
                        let r = it.force(&p);
                        match r {
                            Ok(v) => v,
                            Err(e) => {
                                env.set(*s, Value::Promise(p));
                                return Err(e);
                            }
                        }
                    }
                    v => v,
                };
                return Ok(v);
            }
            match lookup_env.lookup(*s) {
                Some(Value::Promise(p)) => it.force(&p),
                Some(v) => Ok(v),
                None => it.dataset_or_not_found(*s),
            }
        }
        _ => it.eval(obj, env),
    }
}

fn common_type(a: VType, b: VType) -> VType {
    a.max(b)
}

/// `x[subs] <- value` in place.
pub fn assign_index(it: &mut Interp, x: &mut Value, subs: &[Sub], value: Value) -> EvalResult<()> {
    if x.is_data_frame() {
        return crate::eval::frame_index::df_assign(it, x, subs, value);
    }
    if x.is_null() {
        *x = Value::from_data(Data::empty(value.vtype().unwrap_or(VType::Lgl)));
    }
    let Value::Vector(_) = x else {
        return err("object of type 'closure' is not subsettable");
    };
    let value = if value.is_factor() {
        crate::value::factor::factor_as_strings(&value)
    } else {
        value
    };
    if x.is_factor() {
        return assign_factor(it, x, subs, value);
    }
    let n = x.len();
    let pos: Vec<Option<usize>>;
    let mut new_names: Vec<RStr> = Vec::new();
    if subs.len() >= 2 {
        pos = array_positions(x, subs)?;
    } else {
        match subs.first() {
            None | Some(None) => pos = (0..n).map(Some).collect(),
            Some(Some(s)) => match crate::eval::index::matrix_subscript(x, s)? {
                // x[cbind(i, j)] <- v: the cells the rows of the matrix name
                Some(p) => pos = p,
                None => {
                    let names = x.names();
                    let (p, nn) = resolve(s, n, names.as_deref(), true)?;
                    pos = p;
                    new_names = nn;
                }
            },
        }
    }
    if pos.is_empty() {
        return Ok(());
    }
    let vlen = value.len();
    if vlen == 0 {
        if value.is_null() && subs.len() < 2 && matches!(x.vtype(), Some(VType::List)) {
            // l[i] <- NULL deletes
            return delete_elements(x, &pos);
        }
        return err("replacement has length zero");
    }
    if !pos.len().is_multiple_of(vlen) {
        it.warning("number of items to replace is not a multiple of replacement length");
    }
    let Value::Vector(xv) = x else { return Ok(()) };
    let vt = match &value {
        Value::Vector(v) => v.data.vtype(),
        _ => VType::List,
    };
    let t = common_type(xv.data.vtype(), vt);
    if (xv.data.vtype() == VType::Raw || vt == VType::Raw)
        && xv.data.vtype() != vt
        && t != VType::List
    {
        return err(format!(
            "incompatible types (from {} to {}) in subassignment type fix",
            vt.type_name(),
            xv.data.vtype().type_name()
        ));
    }
    if xv.data.vtype() != t {
        xv.data = xv.data.coerce(t);
    }
    let maxpos = pos
        .iter()
        .flatten()
        .copied()
        .max()
        .map(|m| m + 1)
        .unwrap_or(0);
    let newlen = maxpos.max(n);
    if newlen > n {
        // R grows vectors by 5% beyond the new length (`EnlargeVector`)
        crate::value::alloc::check_type(newlen as f64 * 1.05, t)?;
    }
    let vdata = match &value {
        Value::Vector(v) => v.data.coerce(t),
        other => Data::List(Rc::new(vec![other.clone()])),
    };
    macro_rules! put {
        ($dst:expr, $src:expr, $na:expr) => {{
            let dst = Rc::make_mut($dst);
            if dst.len() < newlen {
                dst.resize(newlen, $na);
            }
            for (k, p) in pos.iter().enumerate() {
                if let Some(p) = p {
                    dst[*p] = $src[k % vlen].clone();
                }
            }
        }};
    }
    match (&mut xv.data, &vdata) {
        (Data::Dbl(d), Data::Dbl(s)) => put!(d, s, crate::value::na_real()),
        (Data::Int(d), Data::Int(s)) => put!(d, s, crate::value::NA_INT),
        (Data::Lgl(d), Data::Lgl(s)) => put!(d, s, crate::value::NA_LGL),
        (Data::Str(d), Data::Str(s)) => put!(d, s, None),
        (Data::Cplx(d), Data::Cplx(s)) => put!(d, s, crate::value::complex::na_cplx()),
        (Data::List(d), Data::List(s)) => put!(d, s, Value::Null),
        (Data::Raw(d), Data::Raw(s)) => put!(d, s, 0),
        _ => return err("incompatible types in subassignment"),
    }
    if newlen > n {
        let old = x.names();
        if old.is_some() || !new_names.is_empty() {
            let mut nm = old.unwrap_or_else(|| vec![Some(Rc::from("")); n]);
            nm.resize(newlen, Some(Rc::from("")));
            for (k, name) in new_names.iter().enumerate() {
                if n + k < newlen {
                    nm[n + k] = name.clone();
                }
            }
            x.set_attr(Sym::new("names"), Value::strs(nm));
        }
    }
    Ok(())
}

fn assign_factor(it: &mut Interp, x: &mut Value, subs: &[Sub], value: Value) -> EvalResult<()> {
    let levels = x
        .get_attr("levels")
        .map(|l| l.str_vec())
        .unwrap_or_default();
    let vals = value.str_vec();
    let mut codes = Vec::with_capacity(vals.len());
    let mut bad = false;
    for s in vals.iter() {
        match s {
            None => codes.push(crate::value::NA_INT),
            Some(s) => match levels.iter().position(|l| l.as_deref() == Some(&**s)) {
                Some(p) => codes.push(p as i32 + 1),
                None => {
                    bad = true;
                    codes.push(crate::value::NA_INT)
                }
            },
        }
    }
    let mut tmp = Value::from_data(Data::Int(Rc::new((*x.int_vec()).clone())));
    if let Some(n) = x.get_attr("names") {
        tmp.set_attr(Sym::new("names"), n.clone());
    }
    assign_index(it, &mut tmp, subs, Value::ints(codes))?;
    let attrs = match x {
        Value::Vector(v) => v.attrs.clone(),
        _ => None,
    };
    if let Value::Vector(v) = &tmp {
        *x = Value::Vector(Vector {
            data: v.data.clone(),
            attrs,
        });
    }
    if bad {
        it.warning("invalid factor level, NA generated");
    }
    Ok(())
}

fn delete_elements(x: &mut Value, pos: &[Option<usize>]) -> EvalResult<()> {
    let n = x.len();
    let del: std::collections::HashSet<usize> = pos.iter().flatten().copied().collect();
    let keep: Vec<Option<usize>> = (0..n).filter(|i| !del.contains(i)).map(Some).collect();
    let names = x.names();
    let Value::Vector(v) = x else { return Ok(()) };
    v.data = v.data.select(&keep);
    if let Some(nm) = names {
        let nn: Vec<RStr> = keep.iter().flatten().map(|&i| nm[i].clone()).collect();
        x.set_attr(Sym::new("names"), Value::strs(nn));
    }
    Ok(())
}

fn array_positions(x: &Value, subs: &[Sub]) -> EvalResult<Vec<Option<usize>>> {
    let dim = match x.dim() {
        Some(d) if d.len() == subs.len() => d,
        _ => return err("incorrect number of subscripts on matrix"),
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
    let mut per: Vec<Vec<usize>> = Vec::new();
    for (k, s) in subs.iter().enumerate() {
        match s {
            None => per.push((0..dim[k]).collect()),
            Some(s) => {
                let (p, _) = resolve(s, dim[k], dimnames[k].as_deref(), false)?;
                let mut v = Vec::new();
                for q in p {
                    match q {
                        Some(q) if q < dim[k] => v.push(q),
                        _ => return err("subscript out of bounds"),
                    }
                }
                per.push(v);
            }
        }
    }
    let counts: Vec<usize> = per.iter().map(|p| p.len()).collect();
    let total: usize = counts.iter().product();
    let mut out = Vec::with_capacity(total);
    let mut idx = vec![0usize; dim.len()];
    for _ in 0..total {
        let mut off = 0;
        let mut mult = 1;
        for k in 0..dim.len() {
            off += per[k][idx[k]] * mult;
            mult *= dim[k];
        }
        out.push(Some(off));
        for k in 0..dim.len() {
            idx[k] += 1;
            if idx[k] < counts[k] {
                break;
            }
            idx[k] = 0;
        }
    }
    Ok(out)
}

/// `x[[i]] <- value` in place.
pub fn assign_index2(it: &mut Interp, x: &mut Value, subs: &[Sub], value: Value) -> EvalResult<()> {
    if let Value::Lang(l) = x {
        let mut as_list = super::lang_list::to_list(&l.expr);
        assign_index2(it, &mut as_list, subs, value)?;
        let expr = super::lang_list::from_list(&as_list);
        let attrs = l.attrs.clone();
        *x = Value::Lang(Rc::new(crate::value::Lang {
            expr: Rc::new(expr),
            attrs,
        }));
        return Ok(());
    }
    if let Value::Env(e) = x {
        let name = subs
            .first()
            .cloned()
            .flatten()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        e.set(Sym::new(&name), value);
        return Ok(());
    }
    // recursive indexing: x[[c(i, j)]] <- v is x[[i]][[j]] <- v
    if let [Some(s)] = subs {
        if s.len() > 1 && matches!(x.vtype(), Some(VType::List)) {
            let first = super::index::index(s, &[Some(Value::int(1))], true)?;
            let rest = super::index::index(s, &[Some(Value::int(-1))], true)?;
            let mut inner = super::index::index2(x, &[Some(first.clone())], true)?;
            assign_index2(it, &mut inner, &[Some(rest)], value)?;
            return assign_index2(it, x, &[Some(first)], inner);
        }
    }
    if x.is_data_frame() && subs.len() == 1 {
        if let Some(Some(s)) = subs.first() {
            if let Some(name) = s
                .as_string()
                .filter(|_| matches!(s.vtype(), Some(VType::Str)))
            {
                return assign_dollar(it, x, &name, value);
            }
        }
    }
    let is_list = matches!(x.vtype(), Some(VType::List)) || x.is_null();
    if !is_list {
        if value.is_null() {
            return err("replacement has length zero");
        }
        if (value.len() != 1
            || matches!(
                value,
                Value::Vector(Vector {
                    data: Data::List(_),
                    ..
                })
            ))
            && value.len() > 1
        {
            return err("more elements supplied than there are to replace");
        }
        return assign_index(it, x, subs, value);
    }
    if x.is_null() {
        *x = Value::list(vec![]);
    }
    if subs.len() != 1 {
        return err("[[ ]] improper number of subscripts");
    }
    let Some(Some(s)) = subs.first() else {
        return err("[[ ]] with missing subscript");
    };
    let n = x.len();
    let names = x.names();
    let (pos, new_names) = resolve(s, n, names.as_deref(), true)?;
    if pos.len() != 1 {
        return err("more elements supplied than there are to replace");
    }
    let Some(p) = pos[0] else {
        return err("subscript out of bounds");
    };
    if value.is_null() {
        if p < n {
            return delete_elements(x, &[Some(p)]);
        }
        return Ok(());
    }
    if p >= n {
        crate::value::alloc::check_type((p as f64 + 1.0) * 1.05, VType::List)?;
    }
    let Value::Vector(v) = x else { return Ok(()) };
    if let Data::List(l) = &mut v.data {
        let l = Rc::make_mut(l);
        if p >= l.len() {
            l.resize(p + 1, Value::Null);
        }
        l[p] = value;
    }
    let newlen = x.len();
    if newlen > n && (names.is_some() || !new_names.is_empty()) {
        let mut nm = names.unwrap_or_else(|| vec![Some(Rc::from("")); n]);
        nm.resize(newlen, Some(Rc::from("")));
        for (k, name) in new_names.iter().enumerate() {
            if n + k < newlen {
                nm[n + k] = name.clone();
            }
        }
        x.set_attr(Sym::new("names"), Value::strs(nm));
    }
    Ok(())
}

/// `x$name <- value` in place.
pub fn assign_dollar(it: &mut Interp, x: &mut Value, name: &str, value: Value) -> EvalResult<()> {
    if let Some(Value::Env(e)) = x.get_attr(".xData") {
        e.set(Sym::new(name), value);
        return Ok(());
    }
    if let Value::Env(e) = x {
        e.set(Sym::new(name), value);
        return Ok(());
    }
    if x.is_data_frame() {
        return crate::eval::frame_index::df_set_column(x, name, value);
    }
    if let Some(VType::Lgl | VType::Int | VType::Dbl | VType::Str) = x.vtype() {
        if x.is_empty() {
            *x = Value::list(vec![]);
        } else {
            // R coerces an atomic vector to a list here
            let mut l = Value::from_data(
                x.data()
                    .map(|d| d.coerce(VType::List))
                    .unwrap_or(Data::empty(VType::List)),
            );
            if let Some(n) = x.get_attr("names") {
                l.set_attr(Sym::new("names"), n.clone());
            }
            *x = l;
        }
    }
    assign_index2(it, x, &[Some(Value::str(name))], value)
}
