//! Classical tests returning "htest" objects, grouped by what they compare.

pub mod correlation;
pub mod counts;
pub mod means;
pub mod normality;
pub mod nonparametric;
pub mod ranks;

use crate::builtins::{Args, Builtin, Doc};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::syntax::deparse::deparse;
use crate::syntax::sym::Sym;
use crate::value::{Data, Env, VType, Value};

/// The tests' builtin tables.
pub fn tables() -> Vec<&'static [Builtin]> {
    vec![
        means::BUILTINS,
        ranks::BUILTINS,
        counts::BUILTINS,
        correlation::BUILTINS,
        normality::BUILTINS,
        nonparametric::BUILTINS,
    ]
}

/// The tests' help entries.
pub fn docs() -> Vec<&'static [Doc]> {
    vec![
        means::DOCS,
        ranks::DOCS,
        counts::DOCS,
        correlation::DOCS,
        normality::DOCS,
        nonparametric::DOCS,
    ]
}

/// Evaluated arguments and their deparsed expressions.
pub struct Evald {
    pub(super) args: Args,
    exprs: Vec<(Option<Sym>, String, Option<Expr>)>,
}

pub fn eval_args(it: &mut Interp, args: &[Arg], env: &Env) -> EvalResult<Evald> {
    let mut items = Vec::new();
    let mut exprs = Vec::new();
    let subset = formula_subset(it, args, env)?;
    for (k, a) in args.iter().enumerate() {
        let Some(e) = &a.value else { continue };
        if let Some((dk, d)) = &subset {
            // the formula's data, already cut to the subset's rows
            if k == *dk {
                items.push((a.name, d.clone()));
                exprs.push((a.name, deparse(e), Some(e.clone())));
                continue;
            }
            if a.name.is_some_and(|n| n.as_str() == "subset") {
                continue;
            }
        }
        if matches!(&e.kind, ExprKind::Ident(s) if s.as_str() == "...") {
            // forwarded arguments: each with its name and the expression it was given as
            for (n, v) in it.dots_of(env)? {
                let (v, ex) = match v {
                    Value::Promise(p) => {
                        let ex = (*p.expr).clone();
                        (it.force(&p)?, Some(ex))
                    }
                    v => (v, None),
                };
                let text = ex.as_ref().map(deparse).unwrap_or_default();
                items.push((n, v));
                exprs.push((n, text, ex));
            }
            continue;
        }
        let v = it.eval(e, env)?;
        items.push((a.name, v));
        exprs.push((a.name, crate::syntax::deparse::deparse(e), Some(e.clone())));
    }
    Ok(Evald {
        args: Args::new(items),
        exprs,
    })
}

/// For a formula method called with `data` and `subset`: the position of the data argument
/// and the data's rows the subset (evaluated among the data's columns) selects.
fn formula_subset(it: &mut Interp, args: &[Arg], env: &Env) -> EvalResult<Option<(usize, Value)>> {
    let first = args.first().and_then(|a| a.value.as_ref());
    if !first.is_some_and(|e| matches!(e.kind, ExprKind::Formula(..))) {
        return Ok(None);
    }
    let named = |n: &str| args.iter().position(|a| a.name.is_some_and(|x| x.as_str() == n));
    let Some(sk) = named("subset") else { return Ok(None) };
    let dk = named("data").or_else(|| {
        args.iter().enumerate().skip(1).find(|(_, a)| a.name.is_none()).map(|(k, _)| k)
    });
    let Some(dk) = dk else { return Ok(None) };
    let (Some(de), Some(se)) = (&args[dk].value, &args[sk].value) else { return Ok(None) };
    let data = it.eval(de, env)?;
    if !data.is_data_frame() {
        return Ok(None);
    }
    let denv = crate::builtins::base::frame_verbs::data_env(&data, env);
    let keep = it.eval(se, &denv)?;
    let tmp = Env::new(Some(env.clone()));
    tmp.set(Sym::new(".d"), data);
    tmp.set(Sym::new(".s"), keep);
    let cut = crate::syntax::parse(".d[if (is.logical(.s)) .s & !is.na(.s) else .s, , drop = FALSE]")
        .map_err(crate::error::Flow::from)?;
    let mut v = Value::Null;
    for e in &cut {
        v = it.eval(e, &tmp)?;
    }
    Ok(Some((dk, v)))
}

/// The deparsed expression given for formal `formal` (position `pos` among unnamed).
pub fn expr_of(ev: &Evald, formals: &[&str], formal: &str) -> String {
    // Re-run matching on placeholder values carrying the index.
    let items: Vec<(Option<Sym>, Value)> = ev
        .exprs
        .iter()
        .enumerate()
        .map(|(i, (n, _, _))| (*n, Value::int(i as i32)))
        .collect();
    if let Ok(m) = Args::new(items).matched(formals) {
        if formals.contains(&formal) {
            if let Some(i) = m.get(formal).and_then(|v| v.as_i32()) {
                return ev.exprs[i as usize].1.clone();
            }
        }
    }
    String::new()
}

pub fn named_num(name: &str, v: f64) -> Value {
    let mut x = Value::num(v);
    x.set_attr(Sym::new("names"), Value::str(name));
    x
}

pub fn conf_int(lo: f64, hi: f64, level: f64) -> Value {
    let mut ci = Value::dbls(vec![lo, hi]);
    ci.set_attr(Sym::new("conf.level"), Value::num(level));
    ci
}

pub fn htest(items: Vec<(&str, Value)>) -> Value {
    let mut v = Value::named_list(items.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
    v.set_attr(Sym::new("class"), Value::str("htest"));
    v
}

pub fn numeric_vec(v: &Value, what: &str) -> EvalResult<Vec<f64>> {
    if v.is_factor()
        || !matches!(
            v.vtype(),
            Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl)
        )
    {
        return err(format!("'{}' must be numeric", what));
    }
    Ok(v.dbl_vec().to_vec())
}

pub fn alternative(v: Option<&Value>) -> EvalResult<String> {
    let a = v
        .and_then(|a| a.as_string())
        .unwrap_or_else(|| "two.sided".into());
    for c in ["two.sided", "less", "greater"] {
        if c.starts_with(a.as_str()) && !a.is_empty() {
            return Ok(c.to_string());
        }
    }
    err("'arg' should be one of \u{201c}two.sided\u{201d}, \u{201c}less\u{201d}, \u{201c}greater\u{201d}")
}

/// Evaluates a formula side against `data` (a data frame or list) or the environment.
pub fn formula_side(it: &mut Interp, e: &Expr, data: Option<&Value>, env: &Env) -> EvalResult {
    if let (ExprKind::Ident(s), Some(d)) = (&e.kind, data) {
        if let Some(v) = list_get(d, s.as_str()) {
            return Ok(v);
        }
    }
    // a call such as Pair(x, y) or log(y) sees the columns of data
    if let (ExprKind::Call(..), Some(d)) = (&e.kind, data) {
        if matches!(d.vtype(), Some(VType::List)) {
            let de = crate::builtins::base::frame_verbs::data_env(d, env);
            return it.eval(e, &de);
        }
    }
    it.eval(e, env)
}

pub fn flag(v: Option<&Value>, d: bool) -> bool {
    v.and_then(|x| x.as_bool().flatten()).unwrap_or(d)
}

pub fn named_nums(names: &[String], v: Vec<f64>) -> Value {
    let mut x = Value::dbls(v);
    x.set_attr(Sym::new("names"), Value::strings(names));
    x
}

/// A deparsed expression on one line (R's `deparse1`).
pub fn one_line(s: String) -> String {
    if !s.contains('\n') {
        return s;
    }
    s.split('\n')
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Samples given as a list of vectors, `(x, g)`, or `y ~ g` with `data`: the groups'
/// values (NA-free, in level order) and the data name.
pub fn grouped_samples(
    it: &mut Interp,
    args: &[Arg],
    env: &Env,
    drop_nonfinite: bool,
) -> EvalResult<(Vec<Vec<f64>>, String)> {
    let first = args.first().and_then(|a| a.value.as_ref());
    if let Some(ExprKind::Formula(Some(lhs), rhs)) = first.map(|e| &e.kind) {
        let ev = eval_args(it, args, env)?;
        let m = ev
            .args
            .clone()
            .matched(&["formula", "data", "subset", "na.action", "..."])?;
        let data = m.get("data").cloned();
        let y = formula_side(it, lhs, data.as_ref(), env)?;
        let g = formula_side(it, rhs, data.as_ref(), env)?;
        let dname = format!("{} by {}", deparse(lhs), deparse(rhs));
        return Ok((split_by(&y, &g, drop_nonfinite)?, dname));
    }
    let ev = eval_args(it, args, env)?;
    let dx = one_line(expr_of(&ev, &["x", "g", "..."], "x"));
    let dg = one_line(expr_of(&ev, &["x", "g", "..."], "g"));
    let m = ev.args.matched(&["x", "g", "..."])?;
    let x = m.req("x")?.clone();
    if matches!(x.data(), Some(Data::List(_))) && !x.is_data_frame() || x.is_data_frame() {
        let items = x.list_vec();
        if items.len() < 2 {
            return err("'x' must be a list with at least 2 elements");
        }
        let mut out = Vec::new();
        for v in items.iter() {
            let xs = numeric_vec(v, "x")?;
            out.push(
                xs.into_iter()
                    .filter(|v| {
                        if drop_nonfinite {
                            v.is_finite()
                        } else {
                            !v.is_nan()
                        }
                    })
                    .collect(),
            );
        }
        return Ok((out, dx));
    }
    let Some(g) = m.get("g") else {
        return err("argument \"g\" is missing, with no default");
    };
    Ok((split_by(&x, g, false)?, format!("{} and {}", dx, dg)))
}

pub fn split_by(x: &Value, g: &Value, drop_nonfinite: bool) -> EvalResult<Vec<Vec<f64>>> {
    if x.len() != g.len() {
        return err("'x' and 'g' must have the same length");
    }
    let xs = numeric_vec(x, "x")?;
    let ok: Vec<usize> = (0..xs.len())
        .filter(|&i| !xs[i].is_nan() && !is_na_at(g, i))
        .collect();
    let (codes, lev) = groups(g);
    let used: Vec<usize> = (0..lev.len())
        .filter(|l| ok.iter().any(|&i| codes[i] == Some(*l)))
        .collect();
    if used.len() < 2 {
        return err("all observations are in the same group");
    }
    let mut out = vec![Vec::new(); used.len()];
    for &i in &ok {
        if let Some(k) = codes[i].and_then(|c| used.iter().position(|&u| u == c)) {
            if !drop_nonfinite || xs[i].is_finite() {
                out[k].push(xs[i]);
            }
        }
    }
    Ok(out)
}

pub fn sample_var(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let m = crate::builtins::base::summaries::mean_dbl(x);
    x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (n - 1.0)
}

/// Splits `y` by the two groups of `g`: (levels, group 1 values, group 2 values).
pub fn split2(y: &Value, g: &Value) -> EvalResult<(Vec<String>, Vec<f64>, Vec<f64>)> {
    let ys = numeric_vec(y, "x")?;
    let (codes, levels): (Vec<i32>, Vec<String>) = if g.is_factor() {
        let lev = g
            .get_attr("levels")
            .and_then(|l| l.as_strings())
            .unwrap_or_default();
        (g.int_vec().to_vec(), lev)
    } else {
        let s: Vec<String> = match g.vtype() {
            Some(VType::Str) => g.as_strings().unwrap_or_default(),
            _ => g
                .dbl_vec()
                .iter()
                .map(|v| crate::print::cat_num(*v))
                .collect(),
        };
        let mut lev: Vec<String> = s.clone();
        if g.vtype() == Some(VType::Str) {
            lev.sort();
        } else {
            let mut nums: Vec<f64> = g.dbl_vec().to_vec();
            nums.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
            lev = nums.iter().map(|v| crate::print::cat_num(*v)).collect();
        }
        lev.dedup();
        let codes = s
            .iter()
            .map(|x| {
                lev.iter()
                    .position(|l| l == x)
                    .map(|p| p as i32 + 1)
                    .unwrap_or(crate::value::NA_INT)
            })
            .collect();
        (codes, lev)
    };
    if levels.len() != 2 {
        return err("grouping factor must have exactly 2 levels");
    }
    let mut a = Vec::new();
    let mut b = Vec::new();
    for (i, &c) in codes.iter().enumerate() {
        if i >= ys.len() {
            break;
        }
        if c == 1 {
            a.push(ys[i]);
        } else if c == 2 {
            b.push(ys[i]);
        }
    }
    Ok((levels, a, b))
}

pub fn call_named(it: &mut Interp, name: &str, args: Vec<(Option<Sym>, Value)>) -> EvalResult {
    let f = it
        .base
        .get_local(Sym::new(name))
        .or_else(|| it.global.get_local(Sym::new(name)));
    let Some(f) = f else {
        return err(format!("could not find function \"{}\"", name));
    };
    it.call_value(&f, args)
}

pub fn is_na_at(v: &Value, i: usize) -> bool {
    match v.data() {
        Some(d) => d.is_na(i),
        None => false,
    }
}

/// Group codes (0-based, None for NA) and the levels actually used, as `factor(g)`.
pub fn groups(g: &Value) -> (Vec<Option<usize>>, Vec<String>) {
    if g.is_factor() {
        let lev = g
            .get_attr("levels")
            .and_then(|l| l.as_strings())
            .unwrap_or_default();
        let raw: Vec<Option<usize>> = g
            .int_vec()
            .iter()
            .map(|&c| {
                if c >= 1 && (c as usize) <= lev.len() {
                    Some(c as usize - 1)
                } else {
                    None
                }
            })
            .collect();
        let used: Vec<usize> = (0..lev.len()).filter(|l| raw.contains(&Some(*l))).collect();
        let codes = raw
            .iter()
            .map(|c| c.and_then(|c| used.iter().position(|&u| u == c)))
            .collect();
        return (codes, used.iter().map(|&u| lev[u].clone()).collect());
    }
    if g.vtype() == Some(VType::Str) {
        let s: Vec<Option<String>> = g
            .str_vec()
            .iter()
            .map(|x| x.as_deref().map(|y| y.to_string()))
            .collect();
        let mut lev: Vec<String> = s.iter().flatten().cloned().collect();
        lev.sort();
        lev.dedup();
        let codes = s
            .iter()
            .map(|x| x.as_ref().and_then(|y| lev.iter().position(|l| l == y)))
            .collect();
        return (codes, lev);
    }
    let v = g.dbl_vec();
    let mut u: Vec<f64> = v.iter().copied().filter(|x| !x.is_nan()).collect();
    u.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    u.dedup();
    let codes = v
        .iter()
        .map(|x| {
            if x.is_nan() {
                None
            } else {
                u.iter().position(|y| y == x)
            }
        })
        .collect();
    (codes, u.iter().map(|x| crate::print::cat_num(*x)).collect())
}

pub fn list_get(v: &Value, name: &str) -> Option<Value> {
    let names = v.names()?;
    let i = names.iter().position(|n| n.as_deref() == Some(name))?;
    v.list_vec().get(i).cloned()
}

/// The two columns of a `Pair(x, y)` response (a two-column matrix of class "Pair"), for the
/// paired forms `t.test(Pair(x, y) ~ 1)` and `wilcox.test(Pair(x, y) ~ 1)`.
pub fn pair_columns(v: &Value) -> Option<(Vec<f64>, Vec<f64>)> {
    if !v.inherits("Pair") {
        return None;
    }
    let d = v.dbl_vec();
    let n = d.len() / 2;
    Some((d[..n].to_vec(), d[n..2 * n].to_vec()))
}
