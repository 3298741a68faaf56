//! Contingency tables from formulas: `xtabs`, and `summary` of tables (the chi-squared test
//! of independence of all factors) with its print method.

use crate::builtins::base::factor::{factor_levels, make_factor, make_factor_from};
use crate::builtins::base::matrix::set_dimnames_parts;
use crate::builtins::utils::stack::{eval_with_exprs, match_labelled};
use crate::builtins::{declared, special, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::ast::{Arg, BinOp, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::{Data, Env, Lang, RStr, VType, Value, NA_INT};
use std::rc::Rc;

/// The xtabs family's builtins.
pub const BUILTINS: &[Builtin] = &[
    special("xtabs", xtabs),
    declared("summary.table", summary_table),
    declared("print.summary.table", print_summary_table),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("xtabs", "xtabs(formula = ~., data = parent.frame(), subset, na.action, addNA = FALSE, drop.unused.levels = FALSE)",
            "Builds a contingency table from the factors on the right of a formula, summing the left-hand side \
             when there is one."),
        doc("summary.table", "summary.table(object, ...)",
            "Summarises a contingency table: number of cases, factors, and a chi-squared test of independence."),
        doc("print.summary.table", "print.summary.table(x, digits = max(1L, getOption(\"digits\") - 3L), ...)",
            "Prints the summary of a table as R does."),
    ]
};

const FORMALS: [&str; 8] = [
    "formula",
    "data",
    "subset",
    "sparse",
    "na.action",
    "addNA",
    "exclude",
    "drop.unused.levels",
];

fn sym(s: &str) -> Sym {
    Sym::new(s)
}

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

/// A value's logical flag (default when absent or NA).
fn flag(v: Option<&Value>, default: bool) -> bool {
    v.and_then(|x| x.as_bool().flatten()).unwrap_or(default)
}

/// `xtabs(formula, data, subset, ..., addNA, drop.unused.levels)`: counts (or sums of the
/// response) over the cross-classification of the right-hand side, class c("xtabs","table").
fn xtabs(it: &mut Interp, args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    // `subset` is evaluated in the data, so it is kept unevaluated here
    let mut rest = Vec::new();
    let mut subset: Option<Expr> = None;
    for a in args {
        match a.name.map(|n| n.as_str()) {
            Some("subset") => subset = a.value.clone(),
            _ => rest.push(a.clone()),
        }
    }
    let items = eval_with_exprs(it, &rest, env)?;
    let formals: Vec<&str> = FORMALS.iter().copied().filter(|f| *f != "subset").collect();
    let (slots, _) = match_labelled(&formals, &items)?;
    let get = |name: &str| -> Option<&Value> {
        let i = formals.iter().position(|f| *f == name)?;
        slots[i]
            .map(|k| &items[k].value)
            .filter(|v| !matches!(v, Value::Missing))
    };
    // the matched call, arguments named and in the order of the formals
    let mut call_args = Vec::new();
    for f in FORMALS {
        let e = if f == "subset" {
            subset.clone()
        } else {
            formals
                .iter()
                .position(|x| *x == f)
                .and_then(|i| slots[i])
                .and_then(|k| items[k].expr.clone())
        };
        if let Some(e) = e {
            call_args.push(Arg {
                name: Some(sym(f)),
                value: Some(e),
                span: Default::default(),
            });
        }
    }
    let fun = match &call.kind {
        ExprKind::Call(f, _) => f.clone(),
        _ => std::rc::Rc::new(crate::eval::call::ident(sym("xtabs"))),
    };
    let matched = Expr::new(ExprKind::Call(fun, call_args.into()), call.span);

    let (lhs, rhs, fenv) = match get("formula") {
        Some(Value::Lang(l)) => match &l.expr.kind {
            ExprKind::Formula(lhs, rhs) => {
                let fenv = match l.attrs.as_ref().and_then(|a| {
                    a.iter()
                        .find(|(k, _)| k.as_str() == ".Environment")
                        .map(|(_, v)| v.clone())
                }) {
                    Some(Value::Env(e)) => e,
                    _ => env.clone(),
                };
                (lhs.clone(), (**rhs).clone(), fenv)
            }
            _ => return err("'formula' missing or incorrect"),
        },
        Some(_) => return err("'formula' missing or incorrect"),
        None => (None, crate::eval::call::ident(sym(".")), env.clone()),
    };
    let data = get("data").cloned();
    let de = match &data {
        Some(d) if d.is_data_frame() || matches!(d.vtype(), Some(VType::List)) => {
            crate::builtins::base::frame_verbs::data_env(d, &fenv)
        }
        Some(Value::Env(e)) => e.clone(),
        _ => fenv.clone(),
    };
    let data_names = data
        .as_ref()
        .filter(|d| d.is_data_frame())
        .map(crate::value::frame::df_names)
        .unwrap_or_default();
    let y = match &lhs {
        Some(l) => Some(it.eval(l, &de)?),
        None => None,
    };
    let lhs_name = lhs.as_ref().map(|l| crate::syntax::deparse::deparse(l));
    let mut terms = Vec::new();
    plus_terms(&rhs, &mut terms);
    let mut by: Vec<(String, Value)> = Vec::new();
    for t in &terms {
        if is_dot(t) {
            if let Some(d) = &data {
                for (j, n) in data_names.iter().enumerate() {
                    if Some(n) != lhs_name.as_ref() && !by.iter().any(|(b, _)| b == n) {
                        by.push((n.clone(), d.list_vec()[j].clone()));
                    }
                }
            }
            continue;
        }
        if matches!(
            t.kind,
            ExprKind::Binary(BinOp::Range, ..) | ExprKind::Binary(BinOp::Mul, ..)
        ) {
            return err("interactions are not allowed");
        }
        by.push((crate::syntax::deparse::deparse(t), it.eval(t, &de)?));
    }
    let n = by
        .first()
        .map(|(_, v)| v.len())
        .or_else(|| y.as_ref().map(|y| y.dim().map(|d| d[0]).unwrap_or(y.len())))
        .unwrap_or(0);
    for (name, v) in &by {
        if v.len() != n {
            return err(format!("variable lengths differ (found for '{}')", name));
        }
    }
    let add_na = flag(get("addNA"), false);
    let drop_unused = flag(get("drop.unused.levels"), false);
    // rows kept: the subset, then na.omit over every variable (na.pass with addNA)
    let mut keep = vec![true; n];
    if let Some(s) = &subset {
        let sv = it.eval(s, &de)?;
        let l = sv.coerce(VType::Lgl);
        let l = l.lgl_vec();
        for (i, k) in keep.iter_mut().enumerate() {
            *k = l.get(i % l.len().max(1)).map(|&b| b == 1).unwrap_or(false);
        }
    }
    let ycols: Vec<Value> = match &y {
        None => vec![],
        Some(y) => match y.dim() {
            Some(d) if d.len() == 2 => (0..d[1])
                .map(|j| {
                    let idx: Vec<Option<usize>> = (0..d[0]).map(|i| Some(i + j * d[0])).collect();
                    Value::from_data(
                        y.data()
                            .map(|x| x.select(&idx))
                            .unwrap_or(Data::empty(VType::Dbl)),
                    )
                })
                .collect(),
            _ => vec![y.clone()],
        },
    };
    for c in &ycols {
        if c.len() != n {
            return err(format!(
                "variable lengths differ (found for '{}')",
                lhs_name.clone().unwrap_or_default()
            ));
        }
    }
    if !add_na {
        for (i, k) in keep.iter_mut().enumerate() {
            let na = by
                .iter()
                .map(|(_, v)| v)
                .chain(ycols.iter())
                .any(|v| v.data().map(|d| d.is_na(i)).unwrap_or(false));
            if na {
                *k = false;
            }
        }
    }
    let rows: Vec<Option<usize>> = (0..n).filter(|&i| keep[i]).map(Some).collect();
    let mut facs: Vec<(Vec<i32>, Vec<RStr>)> = Vec::new();
    for (_, v) in &by {
        let v = crate::value::frame::take(v, &rows);
        let mut f = if v.is_factor() {
            v
        } else {
            make_factor_from(&v, None, None, None, false)?
        };
        if add_na && f.int_vec().contains(&NA_INT) {
            let mut lev = factor_levels(&f);
            lev.push(None);
            let nl = lev.len() as i32;
            let codes: Vec<i32> = f
                .int_vec()
                .iter()
                .map(|&c| if c == NA_INT { nl } else { c })
                .collect();
            f = make_factor(codes, lev, false);
        }
        if drop_unused {
            let lev = factor_levels(&f);
            let codes = f.int_vec();
            let used: Vec<usize> = (0..lev.len())
                .filter(|&k| codes.contains(&(k as i32 + 1)))
                .collect();
            let new_codes: Vec<i32> = codes
                .iter()
                .map(|&c| {
                    if c == NA_INT {
                        NA_INT
                    } else {
                        used.iter()
                            .position(|&u| u == c as usize - 1)
                            .map(|p| p as i32 + 1)
                            .unwrap_or(NA_INT)
                    }
                })
                .collect();
            f = make_factor(
                new_codes,
                used.iter().map(|&k| lev[k].clone()).collect(),
                false,
            );
        }
        facs.push((f.int_vec().to_vec(), factor_levels(&f)));
    }
    let mut dims: Vec<usize> = facs.iter().map(|(_, l)| l.len()).collect();
    let cells: usize = dims.iter().product();
    let cell_of = |i: usize| -> Option<usize> {
        let (mut pos, mut stride) = (0, 1);
        for (c, l) in &facs {
            let c = c[i];
            if c == NA_INT {
                return None;
            }
            pos += (c as usize - 1) * stride;
            stride *= l.len();
        }
        Some(pos)
    };
    let mut out = if ycols.is_empty() {
        let mut counts = vec![0i32; cells];
        for i in 0..rows.len() {
            if let Some(c) = cell_of(i) {
                counts[c] += 1;
            }
        }
        Value::ints(counts)
    } else {
        let all_int = ycols
            .iter()
            .all(|c| matches!(c.vtype(), Some(VType::Int) | Some(VType::Lgl)));
        let mut sums = vec![0f64; cells * ycols.len()];
        for (j, c) in ycols.iter().enumerate() {
            let c = crate::value::frame::take(c, &rows);
            let v = c.dbl_vec();
            for (i, &x) in v.iter().enumerate() {
                if let (Some(cell), false) = (cell_of(i), x.is_nan()) {
                    sums[j * cells + cell] += x;
                }
            }
        }
        if all_int {
            Value::ints(sums.iter().map(|&s| s as i32).collect())
        } else {
            Value::dbls(sums)
        }
    };
    let mut parts: Vec<Option<Vec<RStr>>> = facs.iter().map(|(_, l)| Some(l.clone())).collect();
    let mut dnn: Vec<RStr> = by.iter().map(|(n, _)| Some(Rc::from(n.as_str()))).collect();
    if ycols.len() > 1 {
        dims.push(ycols.len());
        let cn = y
            .as_ref()
            .and_then(|y| y.get_attr("dimnames"))
            .and_then(|dn| dn.list_vec().get(1).cloned())
            .filter(|c| !c.is_null());
        parts.push(cn.map(|c| c.str_vec().to_vec()));
        dnn.push(Some(Rc::from("")));
    }
    out.set_attr(
        sym("dim"),
        Value::ints(dims.iter().map(|&d| d as i32).collect()),
    );
    set_dimnames_parts(&mut out, parts, Some(dnn));
    out.set_attr(sym("class"), Value::strings(&["xtabs", "table"]));
    out.set_attr(
        sym("call"),
        Value::Lang(Rc::new(Lang {
            expr: Rc::new(matched),
            attrs: None,
        })),
    );
    it.visible = true;
    Ok(out)
}

/// The chi-squared statistic of independence of all factors of a table, its degrees of
/// freedom, and whether every expected count is at least 5.
pub fn independence_chisq(counts: &[f64], dims: &[usize]) -> (f64, i32, bool) {
    let total: f64 = counts.iter().sum();
    let mut margins: Vec<Vec<f64>> = dims.iter().map(|&d| vec![0.0; d]).collect();
    for (i, &c) in counts.iter().enumerate() {
        let mut r = i;
        for (k, &d) in dims.iter().enumerate() {
            margins[k][r % d] += c / total;
            r /= d;
        }
    }
    let mut stat = 0.0;
    let mut ok = true;
    for (i, &c) in counts.iter().enumerate() {
        let mut r = i;
        let mut e = total;
        for (k, &d) in dims.iter().enumerate() {
            e *= margins[k][r % d];
            r /= d;
        }
        if e < 5.0 {
            ok = false;
        }
        stat += (c - e) * (c - e) / e;
    }
    let df =
        dims.iter().product::<usize>() as i32 - 1 - dims.iter().map(|&d| d as i32 - 1).sum::<i32>();
    (stat, df, ok)
}

/// `summary.table`: number of cases and factors and, for two or more factors, the
/// chi-squared test of independence (class "summary.table").
fn summary_table(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("object")?.clone();
    if !x.inherits("table") {
        return err("'object' must inherit from class \"table\"");
    }
    let dims = x.dim().unwrap_or_else(|| vec![x.len()]);
    let counts = x.dbl_vec();
    let total: f64 = counts.iter().sum();
    let n_cases = if matches!(x.vtype(), Some(VType::Int) | Some(VType::Lgl)) {
        Value::int(total as i32)
    } else {
        Value::num(total)
    };
    let mut items = vec![
        ("n.vars".to_string(), Value::int(dims.len() as i32)),
        ("n.cases".to_string(), n_cases),
    ];
    if dims.len() > 1 {
        let (stat, df, ok) = independence_chisq(&counts, &dims);
        let p = crate::stats::dist::gamma::pchisq(stat, df as f64, false, false);
        items.push(("statistic".into(), Value::num(stat)));
        items.push(("parameter".into(), Value::int(df)));
        items.push(("approx.ok".into(), Value::lgl(ok)));
        items.push(("p.value".into(), Value::num(p)));
        items.push((
            "call".into(),
            x.get_attr("call").cloned().unwrap_or(Value::Null),
        ));
    }
    let mut out = Value::named_list(items);
    out.set_attr(sym("class"), Value::str("summary.table"));
    Ok(out)
}

fn list_item(x: &Value, name: &str) -> Option<Value> {
    crate::eval::index::list_get(x, name)
}

/// `print.summary.table(x, digits = max(1, getOption("digits") - 3))`.
fn print_summary_table(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let digits = m
        .get("digits")
        .and_then(|d| d.as_f64())
        .map(|d| d as usize)
        .unwrap_or_else(|| crate::print::option_digits(it).saturating_sub(3).max(1));
    let num = |v: Option<Value>| -> String {
        match v {
            Some(v) => match v.vtype() {
                Some(VType::Dbl) => crate::print::cat_num(v.as_f64().unwrap_or(f64::NAN)),
                _ => v
                    .as_f64()
                    .map(|f| format!("{}", f as i64))
                    .unwrap_or_else(|| "NA".into()),
            },
            None => String::new(),
        }
    };
    let mut out = String::new();
    if let Some(Value::Lang(l)) = list_item(&x, "call") {
        out.push_str(&format!(
            "Call: {}\n",
            crate::syntax::deparse::deparse(&l.expr)
        ));
    }
    out.push_str(&format!(
        "Number of cases in table: {} \n",
        num(list_item(&x, "n.cases"))
    ));
    let nv = list_item(&x, "n.vars")
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    out.push_str(&format!("Number of factors: {} \n", nv as i64));
    if nv > 1.0 {
        out.push_str("Test for independence of all factors:\n");
        let ch = list_item(&x, "statistic")
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::NAN);
        let d = (digits as f64 - ch.log10()).max(0.0);
        let rounded = if d.is_finite() && d < 15.0 {
            crate::print::summary::round_digits(ch, (d + 0.5).floor() as i32)
        } else {
            ch
        };
        let p = list_item(&x, "p.value")
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::NAN);
        let pv = crate::print::coefmat::format_pval(&[p], digits, 0.0)
            .pop()
            .unwrap_or_default();
        out.push_str(&format!(
            "\tChisq = {}, df = {}, p-value = {}\n",
            crate::print::cat_num(rounded),
            num(list_item(&x, "parameter")),
            pv
        ));
        if !list_item(&x, "approx.ok")
            .and_then(|v| v.as_bool().flatten())
            .unwrap_or(true)
        {
            out.push_str("\tChi-squared approximation may be incorrect\n");
        }
    }
    it.write_out(&out);
    it.visible = false;
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::independence_chisq;

    #[test]
    fn chisq_of_independence() {
        // table(mtcars$cyl, mtcars$gear): R gives statistic 18.0363636363636, df = 4
        let counts = [1.0, 2.0, 12.0, 8.0, 4.0, 0.0, 2.0, 1.0, 2.0];
        let (s, df, ok) = independence_chisq(&counts, &[3, 3]);
        assert!((s - 18.0363636363636).abs() < 1e-10);
        assert_eq!(df, 4);
        assert!(!ok);
    }
}
