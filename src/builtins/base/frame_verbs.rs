//! Data frame verbs: subset, transform, with, within, merge, aggregate, head/tail,
//! rbind/cbind of frames, split, na.omit, complete.cases, as.matrix.

use crate::builtins::base::frames::build_df;

use crate::builtins::{eager, special, Args, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr};
use crate::syntax::sym::Sym;
use crate::value::frame::df_as_matrix;
use crate::value::frame::{
    auto_row_names, df_compact_rows, df_names, df_nrow, df_row_names, df_take_rows, make_df, take,
};
use crate::value::{Data, Env, RStr, VType, Value};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    special("subset", subset),
    special("transform", transform),
    special("with", with),
    special("within", within),
    eager("merge", merge),
    eager("head", head),
    eager("tail", tail),
    eager("complete.cases", complete_cases),
    eager("na.omit", na_omit),
    eager("as.matrix", as_matrix),
    eager("unique", unique),
    eager("duplicated", duplicated),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("head", "head(x, n = 6L, ...)",
            "Returns the first n elements (rows for a data frame or matrix); a negative n drops that many from \
             the end."),
        doc("tail", "tail(x, n = 6L, ...)",
            "Returns the last n elements (rows for a data frame or matrix); a negative n drops that many from the \
             start."),
        doc("unique", "unique(x, incomparables = FALSE, fromLast = FALSE, ...)",
            "Returns x with repeated elements (or repeated rows of a data frame or matrix) removed, keeping the \
             first occurrence of each."),
        doc("duplicated", "duplicated(x, incomparables = FALSE, fromLast = FALSE, ...)",
            "A logical vector that is TRUE for each element (or row of a data frame) that repeats an earlier one; \
             with fromLast = TRUE, a later one."),
        doc("subset", "subset(x, subset, select, drop = FALSE, ...)",
            "Returns the rows of a data frame for which the logical expression subset is TRUE (rows where it is \
             NA are dropped), keeping the columns named in select. Column names can be used directly in both \
             expressions; for a vector only subset applies."),
        doc("transform", "transform(`_data`, ...)",
            "Returns the data frame with columns added or replaced by name = expression arguments, which are \
             evaluated with the frame's columns visible."),
        doc("with", "with(data, expr, ...)",
            "Evaluates expr with the columns of the data frame (or elements of the list) data visible as \
             variables, and returns its value."),
        doc("within", "within(data, expr, ...)",
            "Evaluates expr, usually a block of assignments, with the columns of data visible, and returns data \
             with the variables created or changed there stored as columns."),
        doc("merge",
            "merge(x, y, by = intersect(names(x), names(y)), by.x = by, by.y = by, all = FALSE, all.x = all, \
             all.y = all, sort = TRUE, suffixes = c(\".x\", \".y\"))",
            "Joins two data frames on the key columns by (or by.x and by.y). Rows without a partner are dropped \
             unless all, all.x or all.y asks for an outer join; other columns with the same name get suffixes."),
        doc("complete.cases", "complete.cases(...)",
            "A logical vector that is TRUE for each row (across all arguments, which may be vectors, matrices or \
             data frames) with no missing values."),
        doc("na.omit", "na.omit(object, ...)",
            "Returns object without the elements (or data frame rows) that contain missing values, recording the \
             dropped positions in an \"na.action\" attribute."),
        doc("as.matrix", "as.matrix(x, ...)",
            "Converts a data frame or vector to a matrix. A data frame with any non-numeric column gives a \
             character matrix."),
    ]
};

/// An environment whose variables are the columns of `data` (or list elements), child of `parent`.
pub fn data_env(data: &Value, parent: &Env) -> Env {
    let e = Env::new(Some(parent.clone()));
    if let Value::Env(src) = data {
        return src.clone();
    }
    let names = data.names().unwrap_or_default();
    for (i, v) in data.list_vec().iter().enumerate() {
        if let Some(Some(n)) = names.get(i) {
            e.set(Sym::new(n), v.clone());
        }
    }
    e
}

fn arg_expr<'a>(args: &'a [Arg], name: &str, pos: usize) -> Option<&'a Expr> {
    if let Some(a) = args
        .iter()
        .find(|a| a.name.map(|n| n.as_str() == name).unwrap_or(false))
    {
        return a.value.as_ref();
    }
    args.iter()
        .filter(|a| a.name.is_none())
        .nth(pos)
        .and_then(|a| a.value.as_ref())
}

fn subset(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(xe) = arg_expr(args, "x", 0) else {
        return err("argument \"x\" is missing, with no default");
    };
    let x = it.eval(xe, env)?;
    let cond = arg_expr(args, "subset", 1);
    let select = arg_expr(args, "select", 2);
    if !x.is_data_frame() {
        let Some(c) = cond else { return Ok(x) };
        let keep = it.eval(c, env)?;
        let l = keep.lgl_vec();
        let idx: Vec<i32> = l
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == 1)
            .map(|(i, _)| i as i32 + 1)
            .collect();
        return crate::eval::index::index(&x, &[Some(Value::ints(idx))], true);
    }
    let n = df_nrow(&x);
    let rows: Vec<Option<usize>> = match cond {
        Some(c) => {
            let de = data_env(&x, env);
            let keep = it.eval(c, &de)?;
            if !matches!(keep.vtype(), Some(VType::Lgl)) {
                return err("'subset' must be logical");
            }
            let l = keep.lgl_vec();
            (0..n)
                .filter(|&i| l.get(i % l.len().max(1)).copied() == Some(1))
                .map(Some)
                .collect()
        }
        None => (0..n).map(Some).collect(),
    };
    let mut out = df_take_rows(&x, &rows);
    if let Some(s) = select {
        let cols = select_columns(it, &x, s, env)?;
        out = crate::eval::frame_index::df_index(&out, &[None, Some(cols)], false)?;
    }
    it.visible = true;
    Ok(out)
}

/// Evaluates a `select=` expression with column names bound to their positions.
fn select_columns(it: &mut Interp, x: &Value, s: &Expr, env: &Env) -> EvalResult {
    let e = Env::new(Some(env.clone()));
    for (i, n) in df_names(x).iter().enumerate() {
        e.set(Sym::new(n), Value::int(i as i32 + 1));
    }
    it.eval(s, &e)
}

fn transform(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(xe) = args.first().and_then(|a| a.value.as_ref()) else {
        return err("argument \"_data\" is missing");
    };
    let mut x = it.eval(xe, env)?;
    if !x.is_data_frame() {
        // transform.default: the data as a frame first (a vector becomes the column `X_data`)
        let base = it.base.clone();
        let f = it.get_function(crate::syntax::sym::Sym::new("data.frame"), &base)?;
        let name = x.dim().is_none().then(|| crate::syntax::sym::Sym::new("X_data"));
        x = it.call_value(&f, vec![(name, x)])?;
    }
    let de = data_env(&x, env);
    let mut new = Vec::new();
    for a in &args[1..] {
        let (Some(n), Some(e)) = (a.name, &a.value) else {
            continue;
        };
        new.push((n.to_string(), it.eval(e, &de)?));
    }
    for (n, v) in new {
        crate::eval::frame_index::df_set_column(&mut x, &n, v)?;
    }
    it.visible = true;
    Ok(x)
}

fn with(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(de) = args.first().and_then(|a| a.value.as_ref()) else {
        return err("argument \"data\" is missing");
    };
    let data = it.eval(de, env)?;
    let Some(body) = args.get(1).and_then(|a| a.value.as_ref()) else {
        return Ok(Value::Null);
    };
    let e = data_env(&data, env);
    it.eval(body, &e)
}

fn within(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(de) = args.first().and_then(|a| a.value.as_ref()) else {
        return err("argument \"data\" is missing");
    };
    let mut data = it.eval(de, env)?;
    let Some(body) = args.get(1).and_then(|a| a.value.as_ref()) else {
        return Ok(data);
    };
    let e = data_env(&data, env);
    it.eval(body, &e)?;
    let old = df_names(&data);
    let bindings = e.bindings();
    for n in &old {
        if !e.has_local(Sym::new(n)) {
            crate::eval::frame_index::df_set_column(&mut data, n, Value::Null)?;
        }
    }
    for (k, v) in bindings.iter() {
        if old.iter().any(|o| o == k.as_str()) {
            let v = match v {
                Value::Promise(p) => it.force(p)?,
                v => v.clone(),
            };
            crate::eval::frame_index::df_set_column(&mut data, k.as_str(), v)?;
        }
    }
    for (k, v) in bindings.iter().rev() {
        if !old.iter().any(|o| o == k.as_str()) {
            crate::eval::frame_index::df_set_column(&mut data, k.as_str(), v.clone())?;
        }
    }
    it.visible = true;
    Ok(data)
}

fn head_tail(it: &mut Interp, a: Args, is_head: bool) -> EvalResult {
    let x = a.items.first().map(|x| x.1.clone()).unwrap_or(Value::Null);
    if is_head {
        let n = a
            .items
            .get(1)
            .and_then(|v| v.1.as_f64())
            .unwrap_or(6.0)
            .max(0.0) as usize;
        if let Some(r) = crate::builtins::utils::parquet::lazy_head(&x, n) {
            return r;
        }
    }
    if !x.is_data_frame() && x.dim().map(|d| d.len() != 2).unwrap_or(true) {
        return if is_head {
            crate::builtins::base::seq::head_fn(it, a)
        } else {
            crate::builtins::base::seq::tail_fn(it, a)
        };
    }
    let m = a.matched(&["x", "n", "..."])?;
    let n_req = m.get("n").and_then(|v| v.as_f64()).unwrap_or(6.0) as i64;
    let total = if x.is_data_frame() {
        df_nrow(&x)
    } else {
        x.dim().map(|d| d[0]).unwrap_or(0)
    } as i64;
    let k = if n_req >= 0 {
        n_req.min(total)
    } else {
        (total + n_req).max(0)
    };
    let rows: Vec<usize> = if is_head {
        (0..k as usize).collect()
    } else {
        ((total - k) as usize..total as usize).collect()
    };
    if x.is_data_frame() {
        return Ok(df_take_rows(
            &x,
            &rows.iter().map(|&r| Some(r)).collect::<Vec<_>>(),
        ));
    }
    let sub = Value::ints(rows.iter().map(|&r| r as i32 + 1).collect());
    let mut r = crate::eval::index::index(&x, &[Some(sub), None], false)?;
    if !is_head
        && x.get_attr("dimnames")
            .and_then(|d| d.list_vec().first().cloned())
            .map(|v| v.is_null())
            .unwrap_or(true)
    {
        // tail() labels rows with their original numbers
        let labels: Vec<String> = rows.iter().map(|r| format!("[{},]", r + 1)).collect();
        let cn = r
            .get_attr("dimnames")
            .and_then(|d| d.list_vec().get(1).cloned())
            .unwrap_or(Value::Null);
        r.set_attr(
            Sym::new("dimnames"),
            Value::list(vec![Value::strings(&labels), cn]),
        );
    }
    Ok(r)
}

fn head(it: &mut Interp, a: Args) -> EvalResult {
    let x = a.items.first().map(|x| x.1.clone()).unwrap_or(Value::Null);
    keep_time(&x, head_tail(it, a, true))
}
fn tail(it: &mut Interp, a: Args) -> EvalResult {
    let x = a.items.first().map(|x| x.1.clone()).unwrap_or(Value::Null);
    keep_time(&x, head_tail(it, a, false))
}

/// Dates, times and time differences keep their class through head, tail and unique.
fn keep_time(x: &Value, r: EvalResult) -> EvalResult {
    if crate::value::class::is_time_vector(x) {
        return r.map(|v| crate::value::class::keep_time_class(x, v));
    }
    r
}

/// Row keys of a data frame's columns, as strings, for matching and duplicates.
/// Each row's key as a number shared by equal keys across `x` and `y`, for one key column
/// of numbers or strings on both sides (factors as their labels), equal as `match` finds
/// values equal; None for other keys.
fn typed_key_ids(x: &Value, bx: &[usize], y: &Value, by: &[usize]) -> Option<(Vec<u32>, Vec<u32>)> {
    if bx.len() != 1 || by.len() != 1 {
        return None;
    }
    let cx = crate::value::factor::factor_as_strings(x.list_vec().get(bx[0])?);
    let cy = crate::value::factor::factor_as_strings(y.list_vec().get(by[0])?);
    let (dx, dy) = (cx.data()?, cy.data()?);
    let t = match (dx.vtype(), dy.vtype()) {
        (VType::Int, VType::Int) => VType::Int,
        (VType::Str, VType::Str) => VType::Str,
        (VType::Int | VType::Dbl, VType::Int | VType::Dbl) => VType::Dbl,
        _ => return None,
    };
    let all = crate::value::combine::concat_data(&[dx.clone(), dy.clone()], t);
    let mut ids = crate::value::uniq::distinct(&all)?.ids;
    let iy = ids.split_off(dx.len());
    Some((ids, iy))
}

/// Row keys as text (several columns, or types [`typed_key_ids`] does not take) numbered
/// by distinct text across both sides.
fn string_key_ids(kx: &[String], ky: &[String]) -> (Vec<u32>, Vec<u32>) {
    fn number<'a>(keys: &'a [String], map: &mut std::collections::HashMap<&'a str, u32>) -> Vec<u32> {
        keys.iter()
            .map(|k| {
                let n = map.len() as u32;
                *map.entry(k.as_str()).or_insert(n)
            })
            .collect()
    }
    let mut map = std::collections::HashMap::new();
    let ix = number(kx, &mut map);
    let iy = number(ky, &mut map);
    (ix, iy)
}

/// Shell sort of `v` (gaps 1, 4, 13, ...) moving `idx` along, as R's merge sorts its key
/// numbers: not stable, and the order it leaves equal keys in is the order R's rows take.
fn shell_sort_with_index(v: &mut [u32], idx: &mut [usize]) {
    let n = v.len();
    let mut h = 1;
    while h <= n / 9 {
        h = 3 * h + 1;
    }
    while h > 0 {
        for i in h..n {
            let (x, xi) = (v[i], idx[i]);
            let mut j = i;
            while j >= h && v[j - h] > x {
                v[j] = v[j - h];
                idx[j] = idx[j - h];
                j -= h;
            }
            v[j] = x;
            idx[j] = xi;
        }
        h /= 3;
    }
}

fn row_keys(x: &Value, cols: &[usize]) -> Vec<String> {
    let n = df_nrow(x);
    let l = x.list_vec();
    let strs: Vec<Rc<crate::value::Strs>> = cols
        .iter()
        .map(|&j| crate::value::factor::factor_as_strings(&l[j]).str_vec())
        .collect();
    (0..n)
        .map(|i| {
            strs.iter()
                .map(|s| s[i].as_deref().unwrap_or("\u{1}NA"))
                .collect::<Vec<_>>()
                .join("\u{0}")
        })
        .collect()
}

fn unique(it: &mut Interp, a: Args) -> EvalResult {
    let x = a.items.first().map(|x| x.1.clone()).unwrap_or(Value::Null);
    if !x.is_data_frame() {
        return keep_time(&x, crate::builtins::base::sort::unique_fn(it, a));
    }
    let keys = row_keys(&x, &(0..x.len()).collect::<Vec<_>>());
    let mut seen = std::collections::HashSet::new();
    let rows: Vec<Option<usize>> = (0..keys.len())
        .filter(|&i| seen.insert(keys[i].clone()))
        .map(Some)
        .collect();
    Ok(df_take_rows(&x, &rows))
}

fn duplicated(it: &mut Interp, a: Args) -> EvalResult {
    let x = a.items.first().map(|x| x.1.clone()).unwrap_or(Value::Null);
    if !x.is_data_frame() {
        return crate::builtins::base::sort::duplicated_fn(it, a);
    }
    let from_last = a
        .items
        .iter()
        .find(|(n, _)| n.map(|n| n.as_str() == "fromLast").unwrap_or(false))
        .and_then(|(_, v)| v.as_bool().flatten())
        .unwrap_or(false);
    Ok(Value::lgls(duplicated_rows(&x, from_last).into_iter().map(|b| b as i32).collect()))
}

/// Which rows of a data frame repeat an earlier row (a later one with `from_last`).
pub fn duplicated_rows(x: &Value, from_last: bool) -> Vec<bool> {
    let n = df_nrow(x);
    let keys = row_keys(x, &(0..x.len()).collect::<Vec<_>>());
    let mut seen = std::collections::HashSet::new();
    let mut out = vec![false; n];
    let order: Box<dyn Iterator<Item = usize>> =
        if from_last { Box::new((0..n).rev()) } else { Box::new(0..n) };
    for i in order {
        out[i] = !seen.insert(keys[i].clone());
    }
    out
}

fn merge(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&[
        "x", "y", "by", "by.x", "by.y", "all", "all.x", "all.y", "sort", "suffixes",
    ])?;
    let x = m.req("x")?.clone();
    let y = m.req("y")?.clone();
    if !x.is_data_frame() || !y.is_data_frame() {
        return err("merge() needs two data frames");
    }
    // by = "row.names" or 0: merge on the row names, as a first column `Row.names`
    let on_rownames = |v: Option<&Value>| match v {
        Some(b) if b.len() == 1 => {
            b.as_string()
                .map(|s| s == "row.names" || s == "0")
                .unwrap_or(false)
                || b.as_f64() == Some(0.0)
        }
        _ => false,
    };
    if on_rownames(m.get("by")) || (on_rownames(m.get("by.x")) && on_rownames(m.get("by.y"))) {
        let with_rn = |d: &Value| -> EvalResult {
            let mut items = vec![("Row.names".to_string(), df_row_names(d))];
            items.extend(df_names(d).into_iter().zip(d.list_vec().iter().cloned()));
            build_df(items, false, false, Some(auto_row_names(df_nrow(d))))
        };
        let mut items = vec![
            (None, with_rn(&x)?),
            (None, with_rn(&y)?),
            (Some(Sym::new("by")), Value::str("Row.names")),
        ];
        for name in ["all", "all.x", "all.y", "sort", "suffixes"] {
            if let Some(v) = m.get(name) {
                items.push((Some(Sym::new(name)), v.clone()));
            }
        }
        return merge(_it, Args::new(items));
    }
    let xn = df_names(&x);
    let yn = df_names(&y);
    let by: Vec<String> = match m.get("by") {
        Some(b) => b.as_strings().unwrap_or_default(),
        None => xn.iter().filter(|n| yn.contains(n)).cloned().collect(),
    };
    if by.is_empty() && m.get("by.x").is_none() {
        // no keys: every row of x with every row of y, x varying fastest
        let (nx, ny) = (df_nrow(&x), df_nrow(&y));
        let xs: Vec<Option<usize>> = (0..nx * ny).map(|k| Some(k % nx.max(1))).collect();
        let ys: Vec<Option<usize>> = (0..nx * ny).map(|k| Some(k / nx.max(1))).collect();
        let mut cols: Vec<Value> = x.list_vec().iter().map(|c| take(c, &xs)).collect();
        cols.extend(y.list_vec().iter().map(|c| take(c, &ys)));
        let sfx = m
            .get("suffixes")
            .and_then(|v| v.as_strings())
            .unwrap_or_else(|| vec![".x".into(), ".y".into()]);
        let mut names: Vec<String> = xn
            .iter()
            .map(|n| {
                if yn.contains(n) {
                    format!("{}{}", n, sfx[0])
                } else {
                    n.clone()
                }
            })
            .collect();
        names.extend(yn.iter().map(|n| {
            if xn.contains(n) {
                format!("{}{}", n, sfx.get(1).cloned().unwrap_or_default())
            } else {
                n.clone()
            }
        }));
        return Ok(make_df(cols, names, auto_row_names(nx * ny)));
    }
    let by_x = m
        .get("by.x")
        .and_then(|v| v.as_strings())
        .unwrap_or_else(|| by.clone());
    let by_y = m
        .get("by.y")
        .and_then(|v| v.as_strings())
        .unwrap_or_else(|| by.clone());
    let all = m
        .get("all")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let all_x = m
        .get("all.x")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(all);
    let all_y = m
        .get("all.y")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(all);
    let sort = m
        .get("sort")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let suffixes = m
        .get("suffixes")
        .and_then(|v| v.as_strings())
        .unwrap_or_else(|| vec![".x".into(), ".y".into()]);
    let col_idx = |names: &[String], keys: &[String]| -> EvalResult<Vec<usize>> {
        keys.iter()
            .map(|k| {
                names.iter().position(|n| n == k).ok_or_else(|| {
                    crate::error::RError::runtime("'by' must specify a uniquely valid column")
                        .into()
                })
            })
            .collect()
    };
    let bx = col_idx(&xn, &by_x)?;
    let by_idx = col_idx(&yn, &by_y)?;
    let (kx, ky) = match typed_key_ids(&x, &bx, &y, &by_idx) {
        Some(ids) => ids,
        None => string_key_ids(&row_keys(&x, &bx), &row_keys(&y, &by_idx)),
    };
    // R's pairing: every row numbered by its key (0: no partner on the other side), both
    // sides Shell-sorted by that number carrying their row indices, then each run of one
    // key pairs its x rows (outer) with its y rows (inner); the unpartnered rows come in
    // the order the sort left them
    let in_y = {
        let nid = kx.iter().chain(&ky).map(|&k| k as usize + 1).max().unwrap_or(0);
        let mut v = vec![false; nid];
        for &k in &ky {
            v[k as usize] = true;
        }
        v
    };
    let mut in_x = vec![false; in_y.len()];
    for &k in &kx {
        in_x[k as usize] = true;
    }
    let mut xv: Vec<u32> = kx.iter().map(|&k| if in_y[k as usize] { k + 1 } else { 0 }).collect();
    let mut yv: Vec<u32> = ky.iter().map(|&k| if in_x[k as usize] { k + 1 } else { 0 }).collect();
    let mut ix: Vec<usize> = (0..xv.len()).collect();
    let mut iy: Vec<usize> = (0..yv.len()).collect();
    shell_sort_with_index(&mut xv, &mut ix);
    shell_sort_with_index(&mut yv, &mut iy);
    let x_lone = xv.iter().take_while(|&&v| v == 0).count();
    let y_lone = yv.iter().take_while(|&&v| v == 0).count();
    let mut matched: Vec<(Option<usize>, Option<usize>)> = Vec::with_capacity(kx.len());
    let (mut i, mut j) = (x_lone, y_lone);
    while i < xv.len() {
        let key = xv[i];
        let i_end = i + xv[i..].iter().take_while(|&&v| v == key).count();
        while j < yv.len() && yv[j] < key {
            j += 1;
        }
        let j_end = j + yv[j..].iter().take_while(|&&v| v == key).count();
        for &r in &ix[i..i_end] {
            for &q in &iy[j..j_end] {
                matched.push((Some(r), Some(q)));
            }
        }
        i = i_end;
        j = j_end;
    }
    let mut x_only: Vec<(Option<usize>, Option<usize>)> = if all_x {
        ix[..x_lone].iter().map(|&r| (Some(r), None)).collect()
    } else {
        Vec::new()
    };
    let mut y_only: Vec<(Option<usize>, Option<usize>)> = if all_y {
        iy[..y_lone].iter().map(|&q| (None, Some(q))).collect()
    } else {
        Vec::new()
    };
    // matched rows sorted by key (R sorts the matched part by the by columns)
    let key_of = |p: &(Option<usize>, Option<usize>)| -> Vec<Value> {
        let lx = x.list_vec();
        let ly = y.list_vec();
        (0..bx.len())
            .map(|k| match p.0 {
                Some(i) => take(&lx[bx[k]], &[Some(i)]),
                None => take(&ly[by_idx[k]], &[p.1]),
            })
            .collect()
    };
    if sort {
        let cmp = |a: &(Option<usize>, Option<usize>),
                   b: &(Option<usize>, Option<usize>)|
         -> std::cmp::Ordering {
            let ka = key_of(a);
            let kb = key_of(b);
            for (u, v) in ka.iter().zip(kb.iter()) {
                let o = compare_scalar(u, v);
                if o != std::cmp::Ordering::Equal {
                    return o;
                }
            }
            std::cmp::Ordering::Equal
        };
        let mut all_rows = matched;
        all_rows.extend(x_only);
        all_rows.extend(y_only);
        if all_rows.iter().all(|p| p.0.is_some()) {
            // every row has its key in x: a stable radix order of x's key columns (factors
            // as their labels, strings in collation order as R, NA last)
            let lx = x.list_vec();
            let xs: Vec<Option<usize>> = all_rows.iter().map(|p| p.0).collect();
            let cols: Vec<Value> = bx
                .iter()
                .map(|&j| crate::value::factor::factor_as_strings(&take(&lx[j], &xs)))
                .collect();
            let refs: Vec<&Value> = cols.iter().collect();
            let perm = crate::builtins::base::sort_keys::order_perm(&refs, &[false], Some(true), false)?;
            all_rows = perm.into_iter().map(|i| all_rows[i]).collect();
        } else {
            all_rows.sort_by(cmp);
        }
        matched = all_rows;
        x_only = Vec::new();
        y_only = Vec::new();
    }
    let mut rows = matched;
    rows.extend(x_only);
    rows.extend(y_only);
    let lx = x.list_vec();
    let ly = y.list_vec();
    let mut cols = Vec::new();
    let mut names = Vec::new();
    for k in 0..bx.len() {
        let xs: Vec<Option<usize>> = rows.iter().map(|p| p.0).collect();
        let mut col = take(&lx[bx[k]], &xs);
        let ys: Vec<Option<usize>> = rows
            .iter()
            .map(|p| if p.0.is_none() { p.1 } else { None })
            .collect();
        let ycol = take(&ly[by_idx[k]], &ys);
        // fill keys of y-only rows from y
        let yv = crate::value::factor::factor_as_strings(&ycol);
        if rows.iter().any(|p| p.0.is_none()) {
            let idx: Vec<i32> = rows
                .iter()
                .enumerate()
                .filter(|(_, p)| p.0.is_none())
                .map(|(i, _)| i as i32 + 1)
                .collect();
            let vals = crate::eval::index::index(&yv, &[Some(Value::ints(idx.clone()))], true)?;
            let filled = fill_positions(&col, &idx, &vals);
            col = if col.is_factor() {
                union_factor(&filled, &col, &ly[by_idx[k]])
            } else {
                filled
            };
        }
        cols.push(col);
        names.push(by_x[k].clone());
    }
    let rest_x: Vec<usize> = (0..xn.len()).filter(|j| !bx.contains(j)).collect();
    let rest_y: Vec<usize> = (0..yn.len()).filter(|j| !by_idx.contains(j)).collect();
    for &j in &rest_x {
        cols.push(take(&lx[j], &rows.iter().map(|p| p.0).collect::<Vec<_>>()));
        let n = &xn[j];
        names.push(if rest_y.iter().any(|&k| yn[k] == *n) {
            format!("{}{}", n, suffixes[0])
        } else {
            n.clone()
        });
    }
    for &j in &rest_y {
        cols.push(take(&ly[j], &rows.iter().map(|p| p.1).collect::<Vec<_>>()));
        let n = &yn[j];
        names.push(if rest_x.iter().any(|&k| xn[k] == *n) {
            format!("{}{}", n, suffixes.get(1).cloned().unwrap_or_default())
        } else {
            n.clone()
        });
    }
    Ok(make_df(cols, names, auto_row_names(rows.len())))
}

/// The key column of a merge as a factor again: the levels of `xcol`, then those of `ycol`
/// (its levels, or its values in order) not yet present.
fn union_factor(strings: &Value, xcol: &Value, ycol: &Value) -> Value {
    let mut levels: Vec<RStr> = crate::builtins::base::factor::factor_levels(xcol);
    let extra: Vec<RStr> = if ycol.is_factor() {
        crate::builtins::base::factor::factor_levels(ycol)
    } else {
        ycol.str_vec().to_vec()
    };
    for l in extra.into_iter().flatten() {
        if !levels.iter().any(|x| x.as_deref() == Some(&*l)) {
            levels.push(Some(l));
        }
    }
    let codes: Vec<i32> = strings
        .str_vec()
        .iter()
        .map(|s| {
            s.as_ref()
                .and_then(|s| levels.iter().position(|l| l.as_deref() == Some(&**s)))
                .map(|p| p as i32 + 1)
                .unwrap_or(crate::value::NA_INT)
        })
        .collect();
    crate::builtins::base::factor::make_factor(codes, levels, xcol.inherits("ordered"))
}

/// `col` with `vals` written at 1-based positions `idx` (fills keys of y-only rows in merge).
fn fill_positions(col: &Value, idx: &[i32], vals: &Value) -> Value {
    let c = if col.is_factor() {
        crate::value::factor::factor_as_strings(col)
    } else {
        col.clone()
    };
    let t = c
        .vtype()
        .unwrap_or(VType::Str)
        .max(vals.vtype().unwrap_or(VType::Lgl));
    let mut items = c.data().map(|d| d.coerce(t)).unwrap_or(Data::empty(t));
    let src = vals.data().map(|d| d.coerce(t)).unwrap_or(Data::empty(t));
    for (k, &i) in idx.iter().enumerate() {
        let pos = (i - 1) as usize;
        match (&mut items, &src) {
            (Data::Str(a), Data::Str(b)) => Rc::make_mut(a)[pos] = b[k].clone(),
            (Data::Dbl(a), Data::Dbl(b)) => Rc::make_mut(a)[pos] = b[k],
            (Data::Int(a), Data::Int(b)) | (Data::Lgl(a), Data::Lgl(b)) => {
                Rc::make_mut(a)[pos] = b[k]
            }
            _ => {}
        }
    }
    Value::from_data(items)
}

/// Orders two length-one values (numbers numerically, strings by code point, NA last).
pub fn compare_scalar(a: &Value, b: &Value) -> std::cmp::Ordering {
    let a = crate::value::factor::factor_as_strings(a);
    let b = crate::value::factor::factor_as_strings(b);
    match (a.vtype(), b.vtype()) {
        (Some(VType::Str), _) | (_, Some(VType::Str)) => {
            let x = a.str_vec().first().cloned().flatten();
            let y = b.str_vec().first().cloned().flatten();
            match (x, y) {
                (Some(x), Some(y)) => x.cmp(&y),
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (Some(_), None) => std::cmp::Ordering::Less,
                _ => std::cmp::Ordering::Equal,
            }
        }
        _ => {
            let x = a.as_f64().unwrap_or(f64::NAN);
            let y = b.as_f64().unwrap_or(f64::NAN);
            match (x.is_nan(), y.is_nan()) {
                (true, true) => std::cmp::Ordering::Equal,
                (true, false) => std::cmp::Ordering::Greater,
                (false, true) => std::cmp::Ordering::Less,
                _ => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
            }
        }
    }
}

fn complete_cases(_it: &mut Interp, a: Args) -> EvalResult {
    let mut n = 0;
    let mut cols: Vec<Value> = Vec::new();
    for (_, v) in a.items {
        if v.is_data_frame() {
            n = n.max(df_nrow(&v));
            cols.extend(v.list_vec().iter().cloned());
        } else if let Some(d) = v.dim() {
            n = n.max(d[0]);
            for j in 0..d.get(1).copied().unwrap_or(1) {
                let idx: Vec<Option<usize>> = (0..d[0]).map(|i| Some(i + j * d[0])).collect();
                cols.push(Value::from_data(
                    v.data()
                        .map(|x| x.select(&idx))
                        .unwrap_or(Data::empty(VType::Lgl)),
                ));
            }
        } else {
            n = n.max(v.len());
            cols.push(v);
        }
    }
    let mut ok = vec![1; n];
    for c in &cols {
        if let Some(d) = c.data() {
            for (i, o) in ok.iter_mut().enumerate() {
                if i < d.len() && d.is_na(i) {
                    *o = 0;
                }
            }
        }
    }
    Ok(Value::lgls(ok))
}

fn na_omit(_it: &mut Interp, a: Args) -> EvalResult {
    let x = a
        .items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null);
    if x.is_data_frame() {
        let n = df_nrow(&x);
        let l = x.list_vec();
        let omit: Vec<usize> = (0..n)
            .filter(|&i| {
                l.iter()
                    .any(|c| c.data().map(|d| d.is_na(i)).unwrap_or(false))
            })
            .collect();
        if omit.is_empty() {
            return Ok(x);
        }
        let mut dropped = vec![false; n];
        omit.iter().for_each(|&i| dropped[i] = true);
        let keep: Vec<Option<usize>> = (0..n).filter(|&i| !dropped[i]).map(Some).collect();
        let mut out = df_take_rows(&x, &keep);
        let rn = df_row_names(&x).str_vec();
        let mut na = Value::ints(omit.iter().map(|&i| i as i32 + 1).collect());
        na.set_attr(
            Sym::new("names"),
            Value::strs(omit.iter().map(|&i| rn[i].clone()).collect()),
        );
        na.set_attr(Sym::new("class"), Value::str("omit"));
        out.set_attr(Sym::new("na.action"), na);
        return Ok(out);
    }
    let Some(d) = x.data() else { return Ok(x) };
    if let Some(&[nr, nc]) = x.dim().as_deref() {
        // a matrix: drop the rows with an NA in any column
        let omit: Vec<usize> = (0..nr).filter(|&i| (0..nc).any(|j| d.is_na(i + j * nr))).collect();
        if omit.is_empty() {
            return Ok(x);
        }
        let mut dropped = vec![false; nr];
        omit.iter().for_each(|&i| dropped[i] = true);
        let keep: Vec<i32> = (0..nr).filter(|&i| !dropped[i]).map(|i| i as i32 + 1).collect();
        let mut out = crate::eval::index::index(&x, &[Some(Value::ints(keep)), None], false)?;
        let mut na = Value::dbls(omit.iter().map(|&i| i as f64 + 1.0).collect());
        if let Some(rn) = x.get_attr("dimnames").map(|d| d.list_vec()).and_then(|l| l.first().cloned()) {
            if !rn.is_null() {
                let rn = rn.str_vec();
                na.set_attr(Sym::new("names"), Value::strs(omit.iter().map(|&i| rn[i].clone()).collect()));
            }
        }
        na.set_attr(Sym::new("class"), Value::str("omit"));
        out.set_attr(Sym::new("na.action"), na);
        return Ok(out);
    }
    let omit: Vec<usize> = (0..d.len()).filter(|&i| d.is_na(i)).collect();
    if omit.is_empty() {
        return Ok(x);
    }
    let keep: Vec<i32> = (0..d.len())
        .filter(|&i| !d.is_na(i))
        .map(|i| i as i32 + 1)
        .collect();
    let mut out = crate::eval::index::index(&x, &[Some(Value::ints(keep))], true)?;
    let mut na = Value::ints(omit.iter().map(|&i| i as i32 + 1).collect());
    if let Some(names) = x.names() {
        na.set_attr(Sym::new("names"), Value::strs(omit.iter().map(|&i| names[i].clone()).collect()));
    }
    na.set_attr(Sym::new("class"), Value::str("omit"));
    out.set_attr(Sym::new("na.action"), na);
    Ok(out)
}

fn as_matrix(_it: &mut Interp, a: Args) -> EvalResult {
    let x = a
        .items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null);
    if x.is_data_frame() {
        return Ok(df_as_matrix(&x));
    }
    if x.dim().is_some() {
        return Ok(x);
    }
    let n = x.len();
    let names = x.names();
    let mut m = x;
    m.set_attr(Sym::new("names"), Value::Null);
    m.set_attr(Sym::new("dim"), Value::ints(vec![n as i32, 1]));
    if let Some(nm) = names {
        m.set_attr(
            Sym::new("dimnames"),
            Value::list(vec![Value::strs(nm), Value::Null]),
        );
    }
    Ok(m)
}

/// `cbind` with at least one data frame.
pub fn df_cbind(items: Vec<(Option<String>, Value)>) -> EvalResult {
    let items: Vec<(String, Value)> = items
        .into_iter()
        .map(|(n, v)| (n.unwrap_or_default(), v))
        .collect();
    // cbind.data.frame is data.frame(..., check.names = FALSE)
    build_df(items, false, false, None)
}

/// `rbind` of data frames (and lists/vectors matched to the first frame's columns).
pub fn df_rbind(items: Vec<(Option<String>, Value)>) -> EvalResult {
    let frames: Vec<(Option<String>, Value)> =
        items.into_iter().filter(|(_, v)| !v.is_null()).collect();
    let Some(first) = frames
        .iter()
        .map(|(_, v)| v)
        .find(|v| v.is_data_frame())
        .cloned()
    else {
        return err("no data frame");
    };
    let names = df_names(&first);
    let mut cols: Vec<Vec<Value>> = vec![Vec::new(); names.len()];
    let mut rn: Vec<String> = Vec::new();
    let mut all_auto = true;
    let mut total = 0usize;
    for (label, f) in &frames {
        let label = label.as_deref().filter(|l| !l.is_empty());
        if f.is_data_frame() {
            let fnames = df_names(f);
            let l = f.list_vec();
            if fnames.len() == names.len() && fnames.iter().any(|x| !names.contains(x)) {
                return err("names do not match previous names");
            }
            for (j, n) in names.iter().enumerate() {
                let k = fnames.iter().position(|x| x == n).unwrap_or(j);
                match l.get(k) {
                    Some(c) => cols[j].push(c.clone()),
                    None => return err("numbers of columns of arguments do not match"),
                }
            }
            if fnames.len() != names.len() {
                return err("numbers of columns of arguments do not match");
            }
            let nr = df_nrow(f);
            let compact = df_compact_rows(f);
            if !compact || label.is_some() {
                all_auto = false;
            }
            let r = df_row_names(f).str_vec();
            for i in 0..nr {
                let own = r
                    .get(i)
                    .and_then(|s| s.as_deref())
                    .unwrap_or("NA")
                    .to_string();
                rn.push(match label {
                    Some(l) if nr == 1 => l.to_string(),
                    Some(l) => format!("{}.{}", l, own),
                    None if compact => (total + i + 1).to_string(),
                    None => own,
                });
            }
            total += nr;
        } else {
            let l = if matches!(f.vtype(), Some(VType::List)) {
                f.list_vec().to_vec()
            } else {
                crate::value::combine::elements(f)
            };
            for j in 0..names.len() {
                cols[j].push(l.get(j % l.len().max(1)).cloned().unwrap_or(Value::Null));
            }
            total += 1;
            match label {
                Some(l) => {
                    all_auto = false;
                    rn.push(l.to_string());
                }
                None => rn.push(total.to_string()),
            }
        }
    }
    let mut out_cols = Vec::new();
    for parts in cols {
        if parts.iter().any(|p| p.is_factor()) {
            let items: Vec<(Option<Sym>, Value)> = parts
                .into_iter()
                .map(|p| {
                    if p.is_factor() {
                        (None, p)
                    } else {
                        (None, crate::value::factor::string_factor(&p))
                    }
                })
                .collect();
            out_cols.push(crate::value::combine::combine(&items, false)?);
        } else {
            // a date or time column stays one (the first part's class, as c.Date gives)
            let time = parts.first().filter(|p| crate::value::class::is_time_vector(p)).cloned();
            let items: Vec<(Option<Sym>, Value)> = parts.into_iter().map(|p| (None, p)).collect();
            let mut c = crate::value::combine::combine(&items, false)?;
            c.set_attr(Sym::new("names"), Value::Null);
            if let Some(t) = time {
                c = crate::value::class::keep_time_class(&t, c);
            }
            out_cols.push(c);
        }
    }
    let row_names = if all_auto {
        auto_row_names(total)
    } else {
        crate::value::frame::make_unique_sep(&mut rn, "");
        Value::strings(&rn)
    };
    Ok(make_df(out_cols, names, row_names))
}

/// `split` of a data frame by a factor: a named list of frames.
pub fn df_split(x: &Value, f: &Value) -> EvalResult {
    let f = if f.is_factor() {
        f.clone()
    } else {
        crate::value::factor::string_factor(f)
    };
    let levels = f
        .get_attr("levels")
        .map(|l| l.str_vec())
        .unwrap_or_default();
    let codes = f.int_vec();
    let n = df_nrow(x);
    let mut out = Vec::new();
    for (k, _) in levels.iter().enumerate() {
        let rows: Vec<Option<usize>> = (0..n)
            .filter(|&i| codes[i % codes.len().max(1)] == k as i32 + 1)
            .map(Some)
            .collect();
        out.push(df_take_rows(x, &rows));
    }
    let mut l = Value::list(out);
    l.set_attr(Sym::new("names"), Value::strs(levels.to_vec()));
    Ok(l)
}

/// Columns selected by position from a frame, as a new frame with the same rows.
pub fn df_columns(x: &Value, cols: &[usize]) -> Value {
    let l = x.list_vec();
    let names = df_names(x);
    let rn = x
        .get_attr("row.names")
        .cloned()
        .unwrap_or_else(|| auto_row_names(df_nrow(x)));
    make_df(
        cols.iter().map(|&j| l[j].clone()).collect(),
        cols.iter().map(|&j| names[j].clone()).collect(),
        rn,
    )
}
