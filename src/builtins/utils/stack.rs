//! Reshaping and grouped summaries of frames: `stack`, `unstack`, `by` (and its print
//! method) and `ave`.

use crate::builtins::base::factor::{factor_levels, make_factor, make_factor_from};
use crate::builtins::base::matrix::set_dimnames_parts;
use crate::builtins::{declared, eager, special, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::frame::{auto_row_names, df_names, df_nrow, df_take_rows, make_df, take};
use crate::value::groups::{gather, Groups};
use crate::value::{Data, Env, RStr, VType, Value, NA_INT};
use std::rc::Rc;

/// The reshaping family's builtins.
pub const BUILTINS: &[Builtin] = &[
    special("stack", stack),
    eager("unstack", unstack),
    special("by", by),
    declared("print.by", print_by),
    eager("ave", ave),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("stack", "stack(x, select, drop = FALSE, ...)",
            "Stacks the columns of a data frame or list into one column `values`, with a factor `ind` naming the \
             column each value came from."),
        doc("unstack", "unstack(x, form, ...)",
            "Reverses stack: splits `values` by `ind` (or by the formula `values ~ group`) into columns, or a \
             list when the groups differ in size."),
        doc("by", "by(data, INDICES, FUN, ..., simplify = TRUE)",
            "Applies FUN to the data frame subsets defined by INDICES and prints the results group by group."),
        doc("print.by", "print.by(x, ..., vsep)", "Prints the result of by, one block per group separated by dashes."),
        doc("ave", "ave(x, ..., FUN = mean)",
            "Replaces each element of x by FUN applied to its group (defined by the factors in ...); the result \
             has the length of x."),
    ]
};

fn sym(s: &str) -> Sym {
    Sym::new(s)
}

/// One evaluated argument of a special, with the expression it came from (for labels).
pub struct LabelledArg {
    pub name: Option<Sym>,
    pub expr: Option<Expr>,
    pub value: Value,
}

/// Evaluates a special's arguments (expanding `...`), keeping each one's expression.
pub fn eval_with_exprs(it: &mut Interp, args: &[Arg], env: &Env) -> EvalResult<Vec<LabelledArg>> {
    let mut out = Vec::new();
    for a in args {
        match &a.value {
            Some(Expr {
                kind: ExprKind::Ident(s),
                ..
            }) if s.as_str() == "..." => {
                for (n, v) in it.dots_of(env)? {
                    let (expr, value) = match v {
                        Value::Promise(p) => (Some((*p.expr).clone()), it.force(&p)?),
                        v => (Some(crate::eval::lang_list::value_to_expr(&v)), v),
                    };
                    out.push(LabelledArg {
                        name: n,
                        expr,
                        value,
                    });
                }
            }
            Some(x) => {
                let value = it.eval(x, env)?;
                out.push(LabelledArg {
                    name: a.name,
                    expr: Some(x.clone()),
                    value,
                });
            }
            None => out.push(LabelledArg {
                name: a.name,
                expr: None,
                value: Value::Missing,
            }),
        }
    }
    Ok(out)
}

/// Matches labelled arguments to `formals` as R does: per formal, the argument index, and
/// the indices that go to `...`.
pub fn match_labelled(
    formals: &[&str],
    items: &[LabelledArg],
) -> EvalResult<(Vec<Option<usize>>, Vec<usize>)> {
    let f: Vec<Sym> = formals.iter().map(|s| sym(s)).collect();
    let supplied: Vec<(Option<Sym>, Value)> = items.iter().map(|a| (a.name, Value::Null)).collect();
    let (slots, dots) = crate::eval::call::match_args(&f, &supplied)?;
    if dots.is_empty() || formals.contains(&"...") {
        return Ok((slots, dots));
    }
    let k = dots[0];
    match items[k].name {
        Some(n) => err(format!(
            "unused argument ({} = {})",
            n.as_str(),
            crate::print::deparse_value_short(&items[k].value)
        )),
        None => err(format!(
            "unused argument ({})",
            crate::print::deparse_value_short(&items[k].value)
        )),
    }
}

fn slot<'a>(
    items: &'a [LabelledArg],
    slots: &[Option<usize>],
    i: usize,
) -> Option<&'a LabelledArg> {
    slots
        .get(i)
        .copied()
        .flatten()
        .map(|k| &items[k])
        .filter(|a| !matches!(a.value, Value::Missing))
}

fn is_matrix(x: &Value) -> bool {
    !x.is_data_frame() && x.dim().map(|d| d.len() == 2).unwrap_or(false)
}

fn flag(v: Option<&Value>, default: bool) -> bool {
    v.and_then(|x| x.as_bool().flatten()).unwrap_or(default)
}

/// Whether `is.vector(x)` holds: an atomic vector or list with no attributes but names.
fn is_plain_vector(x: &Value) -> bool {
    match x {
        Value::Vector(_) => x
            .attrs()
            .map(|a| a.iter().all(|(k, _)| k.as_str() == "names"))
            .unwrap_or(true),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------
// stack, unstack

/// `stack(x, select, drop = FALSE)`: values of the vector columns (or list elements) one after
/// another, with `ind` the factor of their names (levels in the order of first appearance).
fn stack(it: &mut Interp, args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    let mut items = Vec::new();
    let mut select: Option<Expr> = None;
    for a in args {
        if a.name
            .map(|n| "select".starts_with(n.as_str()) && n.as_str().len() >= 2)
            .unwrap_or(false)
        {
            select = a.value.clone();
        } else {
            items.push(a.clone());
        }
    }
    let vals = eval_with_exprs(it, &items, env)?;
    let (slots, _) = match_labelled(&["x", "drop", "..."], &vals)?;
    let Some(x) = slot(&vals, &slots, 0).map(|a| a.value.clone()) else {
        return err("argument \"x\" is missing, with no default");
    };
    let drop = flag(slot(&vals, &slots, 1).map(|a| &a.value), false);
    let (mut cols, mut names): (Vec<Value>, Vec<String>) = if x.is_data_frame() {
        (x.list_vec().to_vec(), df_names(&x))
    } else if matches!(x.vtype(), Some(VType::List)) {
        let n = x.names().unwrap_or_default();
        let l = x.list_vec().to_vec();
        let names = (0..l.len())
            .map(|i| {
                n.get(i)
                    .cloned()
                    .flatten()
                    .map(|s| s.to_string())
                    .unwrap_or_default()
            })
            .collect();
        (l, names)
    } else {
        let l = crate::value::combine::elements(&x);
        let n = x.names().unwrap_or_default();
        let names = (0..l.len())
            .map(|i| {
                n.get(i)
                    .cloned()
                    .flatten()
                    .map(|s| s.to_string())
                    .unwrap_or_default()
            })
            .collect();
        (l, names)
    };
    if let (Some(sel), true) = (&select, x.is_data_frame()) {
        // select = c(a, b): column names stand for their positions
        let se = Env::new(Some(env.clone()));
        for (i, n) in names.iter().enumerate() {
            se.set(sym(n), Value::int(i as i32 + 1));
        }
        let s = it.eval(sel, &se)?;
        let (pos, _) = crate::eval::index::resolve(
            &s,
            cols.len(),
            Some(
                &names
                    .iter()
                    .map(|n| Some(Rc::from(n.as_str())))
                    .collect::<Vec<_>>(),
            ),
            false,
        )?;
        let mut nc = Vec::new();
        let mut nn = Vec::new();
        for p in pos {
            match p {
                Some(p) if p < cols.len() => {
                    nc.push(cols[p].clone());
                    nn.push(names[p].clone());
                }
                _ => return err("undefined columns selected"),
            }
        }
        cols = nc;
        names = nn;
    }
    if !x.is_data_frame() && x.names().is_none() {
        // R builds `ind` from NULL names: a zero-length factor beside the values
        let n: usize = cols
            .iter()
            .filter(|c| is_plain_vector(c))
            .map(|c| c.len())
            .sum();
        return err(format!(
            "arguments imply differing number of rows: {}, 0",
            n
        ));
    }
    let keep: Vec<bool> = cols.iter().map(is_plain_vector).collect();
    if !keep.iter().any(|&k| k) {
        return err(if x.is_data_frame() {
            "no vector columns were selected"
        } else {
            "at least one vector element is required"
        });
    }
    if !keep.iter().all(|&k| k) {
        // R reports the method's call: stack.data.frame(...) / stack.default(...)
        let method = if x.is_data_frame() {
            "stack.data.frame"
        } else {
            "stack.default"
        };
        let mcall = match &call.kind {
            ExprKind::Call(_, a) => Expr::new(
                ExprKind::Call(std::rc::Rc::new(crate::eval::call::ident(sym(method))), a.clone()),
                call.span,
            ),
            _ => call.clone(),
        };
        let msg = if x.is_data_frame() {
            "non-vector columns will be ignored"
        } else {
            "non-vector elements will be ignored"
        };
        it.raise_warning(msg, Some(crate::syntax::deparse::deparse(&mcall)))?;
    }
    let mut levels: Vec<String> = Vec::new();
    let mut codes: Vec<i32> = Vec::new();
    let mut parts: Vec<(Option<Sym>, Value)> = Vec::new();
    for ((c, n), k) in cols.iter().zip(&names).zip(&keep) {
        if !k {
            continue;
        }
        let lv = match levels.iter().position(|l| l == n) {
            Some(p) => p,
            None => {
                levels.push(n.clone());
                levels.len() - 1
            }
        };
        codes.extend(std::iter::repeat_n(lv as i32 + 1, c.len()));
        let mut c = c.clone();
        c.set_attr(sym("names"), Value::Null);
        parts.push((None, c));
    }
    let mut values = crate::value::combine::combine(&parts, false)?;
    values.set_attr(sym("names"), Value::Null);
    let lev: Vec<RStr> = levels.iter().map(|l| Some(Rc::from(l.as_str()))).collect();
    let mut ind = make_factor(codes, lev, false);
    if drop {
        ind = make_factor_from(&ind, None, None, None, false)?;
    }
    let n = values.len();
    Ok(make_df(
        vec![values, ind],
        vec!["values".into(), "ind".into()],
        auto_row_names(n),
    ))
}

/// `unstack(x, form)`: the values of `lhs` split by `rhs`, as a frame when every group has the
/// same length and as a named list otherwise.
fn unstack(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "form", "..."])?;
    let x = m.req("x")?.clone();
    let (values, groups) = match m.get("form") {
        Some(Value::Lang(l)) => {
            let ExprKind::Formula(Some(lhs), rhs) = &l.expr.kind else {
                return err("'form' must be a two-sided formula");
            };
            let parent = match l.attrs.as_ref().and_then(|a| {
                a.iter()
                    .find(|(k, _)| k.as_str() == ".Environment")
                    .map(|(_, v)| v.clone())
            }) {
                Some(Value::Env(e)) => e,
                _ => it.global.clone(),
            };
            let de = crate::builtins::base::frame_verbs::data_env(&x, &parent);
            (it.eval(lhs, &de)?, it.eval(rhs, &de)?)
        }
        Some(_) => return err("'form' must be a two-sided formula"),
        None => {
            let l = x.list_vec();
            if l.len() < 2 {
                return err("'form' must be a two-sided formula");
            }
            (l[0].clone(), l[1].clone())
        }
    };
    let f = if groups.is_factor() {
        groups
    } else {
        make_factor_from(&groups, None, None, None, false)?
    };
    let codes = f.int_vec();
    let lev = factor_levels(&f);
    let values = if values.is_factor() {
        crate::value::factor::factor_as_strings(&values)
    } else {
        values
    };
    let mut pieces = Vec::new();
    for k in 0..lev.len() {
        let rows: Vec<Option<usize>> = (0..values.len())
            .filter(|&i| codes.get(i) == Some(&(k as i32 + 1)))
            .map(Some)
            .collect();
        let mut p = Value::from_data(
            values
                .data()
                .map(|d| d.select(&rows))
                .unwrap_or(Data::empty(VType::Lgl)),
        );
        p.set_attr(sym("names"), Value::Null);
        pieces.push(p);
    }
    let names: Vec<String> = lev
        .iter()
        .map(|l| l.as_deref().unwrap_or("NA").to_string())
        .collect();
    let same = pieces.windows(2).all(|w| w[0].len() == w[1].len());
    if pieces.len() >= 2 && !same {
        let items = names.into_iter().zip(pieces).collect();
        return Ok(Value::named_list(items));
    }
    crate::builtins::base::frames::build_df(
        names.into_iter().zip(pieces).collect(),
        false,
        true,
        None,
    )
}

// ---------------------------------------------------------------------------------------
// by

/// Groups observations `0..n` by the cells of the cross-classification of `facs`
/// (first factor varying fastest). Returns (dims, level labels, groups).
fn cross_groups(
    facs: &[Value],
    n: usize,
) -> EvalResult<(Vec<usize>, Vec<Vec<RStr>>, Vec<Vec<Option<usize>>>)> {
    let mut codes = Vec::new();
    let mut labels = Vec::new();
    for f in facs {
        let f = if f.is_factor() {
            f.clone()
        } else {
            make_factor_from(f, None, None, None, false)?
        };
        if f.len() != n {
            return err("arguments must have same length");
        }
        codes.push(f.int_vec().to_vec());
        labels.push(factor_levels(&f));
    }
    let dims: Vec<usize> = labels.iter().map(|l| l.len()).collect();
    let total: usize = dims.iter().product();
    let mut groups = vec![Vec::new(); total];
    'obs: for i in 0..n {
        let (mut pos, mut stride) = (0, 1);
        for (c, &d) in codes.iter().zip(&dims) {
            if c[i] == NA_INT {
                continue 'obs;
            }
            pos += (c[i] as usize - 1) * stride;
            stride *= d;
        }
        groups[pos].push(Some(i));
    }
    Ok((dims, labels, groups))
}

/// `by(data, INDICES, FUN, ..., simplify = TRUE)`: `FUN` applied to the rows of `data` in each
/// cell of `INDICES`, as an array of class "by".
fn by(it: &mut Interp, args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    let items = eval_with_exprs(it, args, env)?;
    let (slots, dots) = match_labelled(&["data", "INDICES", "FUN", "...", "simplify"], &items)?;
    let Some(data) = slot(&items, &slots, 0).map(|a| a.value.clone()) else {
        return err("argument \"data\" is missing, with no default");
    };
    let Some(ind) = slot(&items, &slots, 1) else {
        return err("argument \"INDICES\" is missing, with no default");
    };
    let Some(fun) = slot(&items, &slots, 2).map(|a| a.value.clone()) else {
        return err("argument \"FUN\" is missing, with no default");
    };
    let fun = crate::builtins::base::apply::as_function(it, &fun)?;
    let simplify = flag(slot(&items, &slots, 4).map(|a| &a.value), true);
    let extra: Vec<(Option<Sym>, Value)> = dots
        .iter()
        .map(|&k| (items[k].name, items[k].value.clone()))
        .collect();
    let (facs, dnn): (Vec<Value>, Option<Vec<RStr>>) =
        if matches!(ind.value.vtype(), Some(VType::List)) && !ind.value.is_factor() {
            (ind.value.list_vec().to_vec(), ind.value.names())
        } else {
            // by.default on a matrix hands on to by.data.frame, where the label is `INDICES`
            let label = if is_matrix(&data) {
                "INDICES".to_string()
            } else {
                ind.expr
                    .as_ref()
                    .map(crate::syntax::deparse::deparse)
                    .unwrap_or_default()
            };
            (
                vec![ind.value.clone()],
                Some(vec![Some(Rc::from(label.as_str()))]),
            )
        };
    let method = if data.is_data_frame() || is_matrix(&data) {
        "by.data.frame"
    } else {
        "by.default"
    };
    let plain_list = matches!(data.vtype(), Some(VType::List)) && !data.is_data_frame();
    let data = if is_matrix(&data) || plain_list {
        crate::builtins::base::frames::build_df(vec![(String::new(), data)], false, true, None)?
    } else {
        data
    };
    // the matched call, as match.call() inside the method gives it
    let mut call_args = Vec::new();
    for (i, f) in ["data", "INDICES", "FUN", "...", "simplify"]
        .iter()
        .enumerate()
    {
        if *f == "..." {
            for &k in &dots {
                call_args.push(Arg {
                    name: items[k].name,
                    value: items[k].expr.clone(),
                    span: call.span,
                });
            }
        } else if let Some(k) = slots[i] {
            call_args.push(Arg {
                name: Some(sym(f)),
                value: items[k].expr.clone(),
                span: call.span,
            });
        }
    }
    let matched = Expr::new(
        ExprKind::Call(std::rc::Rc::new(crate::eval::call::ident(sym(method))), call_args.into()),
        call.span,
    );
    let n = if data.is_data_frame() {
        df_nrow(&data)
    } else {
        data.len()
    };
    let (dims, labels, groups) = cross_groups(&facs, n)?;
    let mut results: Vec<Option<Value>> = Vec::with_capacity(groups.len());
    for g in &groups {
        if g.is_empty() {
            results.push(None);
            continue;
        }
        let piece = if data.is_data_frame() {
            df_take_rows(&data, g)
        } else {
            let mut p = take(&data, g);
            p.set_attr(sym("names"), Value::Null);
            p
        };
        let mut a = vec![(None, piece)];
        a.extend(extra.iter().cloned());
        results.push(Some(it.call_value(&fun, a)?));
    }
    let scalar = results.iter().flatten().all(|r| {
        r.len() == 1 && matches!(r, Value::Vector(_)) && !matches!(r.vtype(), Some(VType::List))
    });
    let mut out = if simplify && scalar && results.iter().any(|r| r.is_some()) {
        let t = results
            .iter()
            .flatten()
            .filter_map(|r| r.vtype())
            .max()
            .unwrap_or(VType::Lgl);
        let parts: Vec<Data> = results
            .iter()
            .map(|r| {
                r.as_ref()
                    .and_then(|r| r.data())
                    .map(|d| d.coerce(t))
                    .unwrap_or(Data::na_of(t, 1))
            })
            .collect();
        Value::from_data(crate::value::combine::concat_data(&parts, t))
    } else {
        Value::list(
            results
                .into_iter()
                .map(|r| r.unwrap_or(Value::Null))
                .collect(),
        )
    };
    out.set_attr(
        sym("dim"),
        Value::ints(dims.iter().map(|&d| d as i32).collect()),
    );
    set_dimnames_parts(
        &mut out,
        labels.into_iter().map(Some).collect(),
        dnn.or_else(|| Some(vec![Some(Rc::from("")); facs.len()])),
    );
    out.set_attr(
        sym("call"),
        Value::Lang(Rc::new(crate::value::Lang {
            expr: Rc::new(matched),
            attrs: None,
        })),
    );
    out.set_attr(sym("class"), Value::str("by"));
    it.visible = true;
    Ok(out)
}

/// `print.by`: each cell under its `name: level` header lines, cells separated by dashes.
fn print_by(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let vsep = match m.get("vsep") {
        Some(v) => v.as_string(),
        None => Some("-".repeat(60)),
    };
    let dims = x.dim().unwrap_or_else(|| vec![x.len()]);
    let parts = crate::builtins::base::matrix::dimnames_parts(&x);
    let dnn: Vec<String> = x
        .get_attr("dimnames")
        .and_then(|d| d.names())
        .map(|n| {
            n.iter()
                .map(|s| s.as_deref().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default();
    let env = it
        .frames
        .last()
        .map(|f| f.env.clone())
        .unwrap_or_else(|| it.global.clone());
    let mut plain = x.clone();
    plain.clear_attrs();
    for i in 0..x.len() {
        if i > 0 {
            if let Some(s) = &vsep {
                it.write_out(&format!("{} \n", s));
            }
        }
        let mut ii = i;
        for (j, &d) in dims.iter().enumerate() {
            let k = ii % d.max(1);
            ii /= d.max(1);
            let label = parts
                .get(j)
                .cloned()
                .flatten()
                .and_then(|p| p.get(k).cloned().flatten())
                .map(|s| s.to_string())
                .unwrap_or_else(|| "NA".into());
            it.write_out(&format!(
                "{}: {}\n",
                dnn.get(j).map(|s| s.as_str()).unwrap_or(""),
                label
            ));
        }
        let cell = match plain.data() {
            Some(Data::List(l)) => l[i].clone(),
            Some(d) => Value::from_data(d.select(&[Some(i)])),
            None => Value::Null,
        };
        crate::builtins::base::print::print_dispatch(it, &cell, &env)?;
    }
    it.visible = false;
    Ok(x)
}

// ---------------------------------------------------------------------------------------
// ave

/// `ave(x, ..., FUN = mean)`: `FUN` of each group's values, recycled back over the group.
fn ave(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "...", "FUN"])?;
    let x = m.req("x")?.clone();
    let fun = match m.get("FUN") {
        Some(f) => crate::builtins::base::apply::as_function(it, f)?,
        None => crate::builtins::base::apply::as_function(it, &Value::str("mean"))?,
    };
    let n = x.len();
    let groups = if m.dots.is_empty() {
        Groups::by_codes(&vec![0u32; n], 1)
    } else {
        let fs: Vec<Value> = m.dots.iter().map(|(_, v)| v.clone()).collect();
        let g = crate::builtins::base::factor::interaction_of(&fs, false, ".")?;
        let codes = g.int_vec();
        if codes.is_empty() && n > 0 {
            return Err(
                crate::error::RError::runtime("group length is 0 but data length > 0")
                    .with_call("split.default(x, g)")
                    .into(),
            );
        }
        let nl = factor_levels(&g).len();
        let cells: Vec<u32> = (0..n)
            .map(|i| match codes.get(i % codes.len().max(1)) {
                Some(&c) if c != NA_INT && c >= 1 => c as u32 - 1,
                _ => u32::MAX,
            })
            .collect();
        Groups::by_codes(&cells, nl)
    };
    let Some(xd) = x.data().cloned() else {
        return err("'x' must be a vector");
    };
    let names = x.names();
    let mut assigned: Vec<(usize, Value)> = Vec::new();
    for k in 0..groups.len() {
        let g = groups.of(k);
        if g.is_empty() {
            continue;
        }
        let mut piece = Value::from_data(gather(&xd, g));
        if let Some(nm) = &names {
            piece.set_attr(
                sym("names"),
                Value::strs(g.iter().map(|&i| nm.get(i as usize).cloned().flatten()).collect()),
            );
        }
        let r = it.call_value(&fun, vec![(None, piece)])?;
        if !r.is_empty() && g.len() % r.len() != 0 {
            it.warning("number of items to replace is not a multiple of replacement length");
        }
        assigned.push((k, r));
    }
    let t = assigned
        .iter()
        .filter_map(|(_, r)| r.vtype())
        .chain(std::iter::once(xd.vtype()))
        .max()
        .unwrap_or(VType::Lgl);
    // each element's position in x followed by the groups' results, gathered in one pass
    // over the combined values
    let mut idx: Vec<u32> = (0..n as u32).collect();
    let mut parts: Vec<Data> = vec![xd.coerce(t)];
    let mut offset = n;
    for (k, r) in &assigned {
        let Some(rd) = r.data() else { continue };
        if rd.is_empty() {
            return err("replacement has length zero");
        }
        for (j, &i) in groups.of(*k).iter().enumerate() {
            idx[i as usize] = (offset + j % rd.len()) as u32;
        }
        offset += rd.len();
        parts.push(rd.coerce(t));
    }
    let all = crate::value::combine::concat_data(&parts, t);
    let mut out = Value::from_data(gather(&all, &idx));
    if let Some(attrs) = x.attrs() {
        for (k, v) in attrs {
            out.set_attr(*k, v.clone());
        }
    }
    it.visible = true;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::builtins::base::matrix::tests::{call, ok, p};

    use crate::value::Value;

    #[test]
    fn ave_means_by_group() {
        let mut it = crate::builtins::interp();
        let r = ok(call(
            &mut it,
            "ave",
            vec![
                p(Value::dbls(vec![1.0, 2.0, 3.0, 4.0])),
                p(Value::strings(&["a", "b", "a", "b"])),
            ],
        ));
        assert_eq!(*r.dbl_vec(), vec![2.0, 3.0, 2.0, 3.0]);
        let r = ok(call(&mut it, "ave", vec![p(Value::ints(vec![1, 2, 3]))]));
        assert_eq!(*r.dbl_vec(), vec![2.0, 2.0, 2.0]);
    }
}
