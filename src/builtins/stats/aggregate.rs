//! `aggregate()`: summarise value columns by groups (formula and `by=` forms).

use crate::builtins::{special, Args, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::ast::{Arg, BinOp, Expr, ExprKind};
use crate::value::frame::{auto_row_names, df_names, make_df, take};
use crate::value::{Env, VType, Value};

pub const BUILTINS: &[Builtin] = &[special("aggregate", aggregate_special)];

/// `aggregate` takes `subset` unevaluated (it is evaluated in the data) and notes whether
/// `na.action` is `na.pass`; the other arguments are evaluated as usual.
fn aggregate_special(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let mut rest = Vec::new();
    let mut opts = FormulaOpts::default();
    for a in args {
        match a.name.map(|n| n.as_str()) {
            Some("subset") => opts.subset = a.value.clone(),
            Some("na.action") => {
                opts.na_pass = match &a.value {
                    Some(Expr {
                        kind: ExprKind::Ident(s),
                        ..
                    }) => s.as_str() == "na.pass",
                    Some(
                        e @ Expr {
                            kind: ExprKind::Const(_),
                            ..
                        },
                    ) => it.eval(e, env)?.as_string().as_deref() == Some("na.pass"),
                    _ => false,
                }
            }
            _ => rest.push(a.clone()),
        }
    }
    let items = it.eval_args(&rest, env)?;
    // aggregate() of a time series is aggregate.ts
    if let Some((_, x)) = items.first().filter(|(_, x)| x.inherits("ts")) {
        let x = x.clone();
        if let Some(r) = it.try_dispatch("aggregate", &x, items.clone(), env) {
            return r;
        }
    }
    aggregate(it, Args::new(items), &opts)
}

/// The formula method's `subset` (unevaluated) and `na.action = na.pass`.
#[derive(Default)]
struct FormulaOpts {
    subset: Option<Expr>,
    na_pass: bool,
}

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("aggregate",
            "aggregate(x, by, FUN, ..., simplify = TRUE, drop = TRUE)\naggregate(formula, data, FUN, ..., subset, \
             na.action = na.omit)",
            "Splits data into groups and computes a summary with FUN for each. In the formula form, y ~ g1 + g2 \
             (or cbind(y1, y2) ~ g, or . ~ g) summarises the left side for each combination of the grouping \
             variables in data; in the data frame form, by is a list of grouping vectors. Returns a data frame \
             with one row per group."),
    ]
};

/// Splits `a + b + c` into its terms.
fn plus_terms(e: &Expr, out: &mut Vec<Expr>) {
    match &e.kind {
        ExprKind::Binary(BinOp::Add, a, b) => {
            plus_terms(a, out);
            plus_terms(b, out);
        }
        ExprKind::Paren(x) => plus_terms(x, out),
        _ => out.push(e.clone()),
    }
}

fn is_dot(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Ident(s) if s.as_str() == ".")
}

fn aggregate(it: &mut Interp, a: Args, opts: &FormulaOpts) -> EvalResult {
    let first = a.items.first().map(|x| x.1.clone()).unwrap_or(Value::Null);
    if let Value::Lang(l) = &first {
        if let ExprKind::Formula(Some(lhs), rhs) = &l.expr.kind {
            let m = a.matched(&["formula", "data", "FUN", "..."])?;
            let data = m.req("data")?.clone();
            let f = crate::builtins::base::apply::as_function(it, m.req("FUN")?)?;
            let env = it.global.clone();
            let de = crate::builtins::base::frame_verbs::data_env(&data, &env);
            let names = df_names(&data);
            let mut rhs_terms = Vec::new();
            plus_terms(rhs, &mut rhs_terms);
            let mut groups: Vec<(String, Value)> = Vec::new();
            for t in &rhs_terms {
                if is_dot(t) {
                    continue;
                }
                groups.push((crate::syntax::deparse::deparse(t), it.eval(t, &de)?));
            }
            let mut values: Vec<(String, Value)> = Vec::new();
            let lhs_items: Vec<Expr> = match &lhs.kind {
                ExprKind::Call(fun, args) if matches!(&fun.kind, ExprKind::Ident(s) if s.as_str() == "cbind") => {
                    args.iter().filter_map(|a| a.value.clone()).collect()
                }
                _ => vec![(**lhs).clone()],
            };
            for t in &lhs_items {
                if is_dot(t) {
                    for (j, n) in names.iter().enumerate() {
                        if !groups.iter().any(|(g, _)| g == n) {
                            values.push((n.clone(), data.list_vec()[j].clone()));
                        }
                    }
                } else {
                    values.push((crate::syntax::deparse::deparse(t), it.eval(t, &de)?));
                }
            }
            if rhs_terms.iter().any(is_dot) {
                for (j, n) in names.iter().enumerate() {
                    if !values.iter().any(|(v, _)| v == n) {
                        groups.push((n.clone(), data.list_vec()[j].clone()));
                    }
                }
            }
            // rows outside `subset`, or with NA in any used variable (na.omit), are dropped
            let n = values.first().map(|v| v.1.len()).unwrap_or(0);
            let in_subset: Vec<bool> = match &opts.subset {
                Some(e) => {
                    let l = it.eval(e, &de)?.coerce(VType::Lgl);
                    let l = l.lgl_vec();
                    (0..n)
                        .map(|i| l.get(i % l.len().max(1)) == Some(&1))
                        .collect()
                }
                None => vec![true; n],
            };
            let keep: Vec<Option<usize>> = (0..n)
                .filter(|&i| {
                    in_subset[i]
                        && (opts.na_pass
                            || groups.iter().chain(values.iter()).all(|(_, v)| {
                                !v.data().map(|d| i < d.len() && d.is_na(i)).unwrap_or(false)
                            }))
                })
                .map(Some)
                .collect();
            let groups: Vec<(String, Value)> = groups
                .into_iter()
                .map(|(n, v)| (n, take(&v, &keep)))
                .collect();
            let values: Vec<(String, Value)> = values
                .into_iter()
                .map(|(n, v)| (n, take(&v, &keep)))
                .collect();
            return aggregate_core(it, groups, values, &f, &m.dots);
        }
    }
    let m = a.matched(&["x", "by", "FUN", "...", "simplify", "drop"])?;
    let x = m.req("x")?.clone();
    let by = m.req("by")?.clone();
    let f = crate::builtins::base::apply::as_function(it, m.req("FUN")?)?;
    let by_names = by.names().unwrap_or_default();
    let groups: Vec<(String, Value)> = by
        .list_vec()
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let n = by_names
                .get(i)
                .cloned()
                .flatten()
                .map(|s| s.to_string())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| format!("Group.{}", i + 1));
            (n, v.clone())
        })
        .collect();
    // a matrix is taken as.data.frame: its columns, named by colnames or V1, V2, ...
    let x = if x.dim().is_some_and(|d| d.len() == 2) && !x.is_data_frame() {
        let g = it.global.clone();
        let f = it.get_function(crate::syntax::sym::Sym::new("as.data.frame"), &g)?;
        it.call_value(&f, vec![(None, x)])?
    } else {
        x
    };
    let values: Vec<(String, Value)> = if x.is_data_frame() {
        df_names(&x)
            .into_iter()
            .zip(x.list_vec().iter().cloned())
            .collect()
    } else if matches!(x.vtype(), Some(VType::List)) {
        // a plain list is taken as.data.frame
        let n = x.names().unwrap_or_default();
        x.list_vec()
            .iter()
            .enumerate()
            .map(|(i, v)| {
                (
                    n.get(i)
                        .cloned()
                        .flatten()
                        .map(|s| s.to_string())
                        .unwrap_or_else(|| format!("V{}", i + 1)),
                    v.clone(),
                )
            })
            .collect()
    } else {
        vec![("x".into(), x.clone())]
    };
    aggregate_core(it, groups, values, &f, &m.dots)
}

/// Groups rows by the grouping columns (first varying fastest, sorted), applies `f` to each
/// value column per group, and returns the result frame.
fn aggregate_core(
    it: &mut Interp,
    groups: Vec<(String, Value)>,
    values: Vec<(String, Value)>,
    f: &Value,
    extra: &[(Option<crate::syntax::sym::Sym>, Value)],
) -> EvalResult {
    if groups.is_empty() {
        return err("'by' must be a list");
    }
    let n = values.first().map(|v| v.1.len()).unwrap_or(0);
    let (keys, members) = group_rows(&groups, n)?;
    let mut cols = Vec::new();
    let mut names = Vec::new();
    for (gname, g) in groups.iter() {
        let firsts: Vec<Option<usize>> = keys.iter().map(|&r| Some(r)).collect();
        let mut col = take(g, &firsts);
        if !g.is_factor() && matches!(g.vtype(), Some(VType::Str)) {
            col.set_attr(crate::syntax::sym::Sym::new("levels"), Value::Null);
        }
        cols.push(col);
        names.push(gname.clone());
    }
    for (vname, v) in &values {
        let mut results = Vec::new();
        for rows in &members {
            let rows: Vec<Option<usize>> = rows.iter().map(|&r| Some(r)).collect();
            let sub = take(v, &rows);
            let mut args = vec![(None, sub)];
            args.extend(extra.iter().cloned());
            results.push(it.call_value(f, args)?);
        }
        let simplified = crate::builtins::base::apply::simplify(results, None)?;
        // FUN returning vectors gives a matrix column with groups as rows
        let col = if simplified.dim().is_some() {
            crate::builtins::base::matrix::t_value(&simplified)?
        } else {
            simplified
        };
        cols.push(col);
        names.push(vname.clone());
    }
    it.visible = true;
    let nrow = keys.len();
    Ok(make_df(cols, names, auto_row_names(nrow)))
}

/// The groups of rows sharing a value of every grouping variable, ordered with the first
/// variable varying fastest (as R's `aggregate` orders them): each group's first row, and
/// its rows in order. Rows with NA in a grouping variable belong to no group. One pass over
/// the factor codes, which combine into one number per row.
fn group_rows(groups: &[(String, Value)], n: usize) -> EvalResult<(Vec<usize>, Vec<Vec<usize>>)> {
    let mut combined = vec![0u64; n];
    let mut stride = 1u64;
    for (_, g) in groups {
        let fac = if g.is_factor() {
            g.clone()
        } else {
            crate::builtins::base::factor::make_factor_from(g, None, None, None, false)?
        };
        let codes = fac.int_vec();
        if codes.len() != n {
            return err("arguments must have same length");
        }
        let nl = fac.get_attr("levels").map(|l| l.len()).unwrap_or(0) as u64 + 1;
        for (k, &c) in combined.iter_mut().zip(codes.iter()) {
            if *k == u64::MAX {
                continue;
            }
            *k = if c == crate::value::NA_INT || c < 1 {
                u64::MAX
            } else {
                match (c as u64 - 1).checked_mul(stride).and_then(|x| x.checked_add(*k)) {
                    Some(x) => x,
                    None => return err("too many groups"),
                }
            };
        }
        stride = match stride.checked_mul(nl) {
            Some(s) => s,
            None => return err("too many groups"),
        };
    }
    let mut id_of: crate::value::uniq::FxMap<u64, u32> = crate::value::uniq::fx_map(64);
    let mut codes_seen: Vec<u64> = Vec::new();
    let mut ids = vec![u32::MAX; n];
    for (i, &k) in combined.iter().enumerate() {
        if k == u64::MAX {
            continue;
        }
        let next = codes_seen.len() as u32;
        let id = *id_of.entry(k).or_insert(next);
        if id == next {
            codes_seen.push(k);
        }
        ids[i] = id;
    }
    let mut by_code: Vec<u32> = (0..codes_seen.len() as u32).collect();
    by_code.sort_unstable_by_key(|&g| codes_seen[g as usize]);
    let mut rank = vec![0u32; by_code.len()];
    for (r, &g) in by_code.iter().enumerate() {
        rank[g as usize] = r as u32;
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); by_code.len()];
    for (i, &g) in ids.iter().enumerate() {
        if g != u32::MAX {
            members[rank[g as usize] as usize].push(i);
        }
    }
    let firsts = members.iter().map(|m| m[0]).collect();
    Ok((firsts, members))
}
