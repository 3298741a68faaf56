//! Matrices and arrays: construction, binding, transposition, products, linear algebra
//! and dimnames helpers (`apply` and the other margin functions are in `arrays.rs`).

use crate::builtins::base::linalg;
use crate::builtins::{declared, eager, special, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::{Data, Env, RStr, VType, Value, NA_INT};
use std::rc::Rc;

/// The matrix family's builtins.
pub const BUILTINS: &[Builtin] = &[
    eager("matrix", matrix),
    declared("array", array),
    declared("nrow", nrow),
    declared("ncol", ncol),
    declared("NROW", nrow_up),
    declared("NCOL", ncol_up),
    declared("t", transpose),
    special("cbind", cbind),
    special("rbind", rbind),
    eager("%*%", linalg::matprod),
    eager("crossprod", linalg::crossprod),
    eager("tcrossprod", linalg::tcrossprod),
    eager("diag", linalg::diag),
    eager("diag<-", linalg::set_diag),
    eager("det", linalg::det),
    eager("determinant", linalg::determinant),
    eager("solve", linalg::r_solve),
    eager("chol", linalg::r_chol),
    eager("lower.tri", lower_tri),
    eager("upper.tri", upper_tri),
    eager("row", row),
    eager("col", col),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("matrix", "matrix(data = NA, nrow = 1, ncol = 1, byrow = FALSE, dimnames = NULL)",
            "Creates a matrix from the values in data, filled column by column (row by row with byrow = TRUE) and \
             recycled as needed. Giving only one of nrow and ncol derives the other from the length of data."),
        doc("array", "array(data = NA, dim = length(data), dimnames = NULL)",
            "Creates an array with the dimensions dim, filled from data in column-major order and recycled as \
             needed."),
        doc("nrow", "nrow(x)", "The number of rows of a matrix, array or data frame; NULL for a plain vector."),
        doc("ncol", "ncol(x)", "The number of columns of a matrix, array or data frame; NULL for a plain vector."),
        doc("NROW", "NROW(x)",
            "The number of rows, treating a plain vector as a one-column matrix (so it gives its length)."),
        doc("NCOL", "NCOL(x)",
            "The number of columns, treating a plain vector as a one-column matrix (so it gives 1)."),
        doc("t", "t(x)",
            "Transposes a matrix or data frame, swapping rows and columns (and their names). A plain vector \
             becomes a one-row matrix."),
        doc("cbind", "cbind(..., deparse.level = 1)",
            "Combines vectors, matrices or data frames side by side as columns, recycling shorter vectors. \
             Argument names (or the deparsed arguments) label the columns. With a data frame among the arguments \
             the result is a data frame."),
        doc("rbind", "rbind(..., deparse.level = 1)",
            "Combines vectors, matrices or data frames one below another as rows, recycling shorter vectors. With \
             data frames, columns are matched by name."),
        doc("%*%", "x %*% y",
            "Matrix product of x and y. A vector is treated as a row or column as needed to make the dimensions \
             conform."),
        doc("crossprod", "crossprod(x, y = NULL)",
            "Returns t(x) %*% y (t(x) %*% x when y is missing), computed without forming the transpose."),
        doc("tcrossprod", "tcrossprod(x, y = NULL)", "Returns x %*% t(y) (x %*% t(x) when y is missing)."),
        doc("diag", "diag(x = 1, nrow, ncol, names = TRUE)",
            "With a matrix, returns its diagonal. With a single number n, returns the n by n identity matrix; \
             with a vector, a diagonal matrix with those values on the diagonal."),
        doc("diag<-", "diag(x) <- value", "Replaces the diagonal of the matrix x with value."),
        doc("det", "det(x, ...)", "Determinant of a square matrix."),
        doc("determinant", "determinant(x, logarithm = TRUE, ...)",
            "Determinant of a square matrix returned as a list with the modulus (on the log scale by default) and \
             the sign, which avoids overflow."),
        doc("solve", "solve(a, b, tol = .Machine$double.eps, ...)",
            "Solves the linear system a %*% x = b for x. With b missing, returns the inverse of a. A singular a \
             is an error."),
        doc("chol", "chol(x, ...)",
            "Cholesky factorisation of a symmetric positive-definite matrix: returns the upper-triangular R with \
             t(R) %*% R equal to x."),
        doc("lower.tri", "lower.tri(x, diag = FALSE)",
            "A logical matrix shaped like x that is TRUE below the diagonal (and on it with diag = TRUE)."),
        doc("upper.tri", "upper.tri(x, diag = FALSE)",
            "A logical matrix shaped like x that is TRUE above the diagonal (and on it with diag = TRUE)."),
        doc("row", "row(x, as.factor = FALSE)", "An integer matrix shaped like x holding each cell's row number."),
        doc("col", "col(x, as.factor = FALSE)", "An integer matrix shaped like x holding each cell's column number."),
    ]
};

pub(crate) fn sym(s: &str) -> Sym {
    Sym::new(s)
}

pub(crate) fn flag(v: Option<&Value>, default: bool) -> bool {
    v.and_then(|x| x.as_bool().flatten()).unwrap_or(default)
}

/// The dimnames of `x` as one optional character vector per dimension.
pub fn dimnames_parts(x: &Value) -> Vec<Option<Vec<RStr>>> {
    let nd = x.dim().map(|d| d.len()).unwrap_or(0);
    let mut out = vec![None; nd];
    if let Some(dn) = x.get_attr("dimnames") {
        for (i, p) in dn.list_vec().iter().enumerate().take(nd) {
            if !p.is_null() {
                out[i] = Some(p.str_vec().to_vec());
            }
        }
    }
    out
}

/// Sets `dimnames` from parts (removing it when every part is NULL).
pub fn set_dimnames_parts(v: &mut Value, parts: Vec<Option<Vec<RStr>>>, names: Option<Vec<RStr>>) {
    if parts.iter().all(|p| p.is_none()) && names.is_none() {
        v.set_attr(sym("dimnames"), Value::Null);
        return;
    }
    let mut l = Value::list(
        parts
            .into_iter()
            .map(|p| p.map(Value::strs).unwrap_or(Value::Null))
            .collect(),
    );
    if let Some(n) = names {
        l.set_attr(sym("names"), Value::strs(n));
    }
    v.set_attr(sym("dimnames"), l);
}

pub(crate) fn dimnames_names(x: &Value) -> Option<Vec<RStr>> {
    x.get_attr("dimnames").and_then(|d| d.names())
}

/// A matrix value from column-major data.
pub fn make_matrix(data: Data, nr: usize, nc: usize) -> Value {
    let mut v = Value::from_data(data);
    v.set_attr(sym("dim"), Value::ints(vec![nr as i32, nc as i32]));
    v
}

/// Recycles `d` to length `n`.
pub(crate) fn recycle(d: &Data, n: usize) -> Data {
    let len = d.len();
    if len == n {
        return d.clone();
    }
    let idx: Vec<Option<usize>> = (0..n)
        .map(|i| if len == 0 { None } else { Some(i % len) })
        .collect();
    d.select(&idx)
}

pub(crate) fn plain_data(x: &Value) -> Data {
    let x = crate::value::factor::factor_as_strings(x);
    x.data().cloned().unwrap_or(Data::Lgl(Rc::new(vec![])))
}

pub(crate) fn get_count(v: Option<&Value>, what: &str) -> EvalResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) => match v.as_f64() {
            Some(x) if x.is_nan() => err(format!("invalid '{}' value (too large or NA)", what)),
            Some(x) if x < 0.0 => err(format!("invalid '{}' value (< 0)", what)),
            Some(x) if x > i32::MAX as f64 => {
                err(format!("invalid '{}' value (too large or NA)", what))
            }
            Some(x) => Ok(Some(x as usize)),
            None => err("non-numeric matrix extent".to_string()),
        },
    }
}

fn matrix(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["data", "nrow", "ncol", "byrow", "dimnames"])?;
    let data = m
        .get("data")
        .map(plain_data)
        .unwrap_or(Data::Lgl(Rc::new(vec![NA_INT])));
    let len = data.len();
    let nr0 = get_count(m.get("nrow"), "nrow")?;
    let nc0 = get_count(m.get("ncol"), "ncol")?;
    let (nr, nc) = match (nr0, nc0) {
        (Some(r), Some(c)) => (r, c),
        (Some(r), None) => (r, if r == 0 { 0 } else { len.div_ceil(r) }),
        (None, Some(c)) => (if c == 0 { 0 } else { len.div_ceil(c) }, c),
        (None, None) => (len, 1),
    };
    crate::value::alloc::check_type(nr as f64 * nc as f64, data.vtype())?;
    if len > 0 {
        let nrc = nr * nc;
        if len > 1 && nrc % len != 0 {
            if (len > nr && (len / nr.max(1)) * nr != len) || (len < nr && (nr / len) * len != nr) {
                it.warning(format!(
                    "data length [{}] is not a sub-multiple or multiple of the number of rows [{}]",
                    len, nr
                ));
            } else if (len > nc && (len / nc.max(1)) * nc != len)
                || (len < nc && (nc / len) * len != nc)
            {
                it.warning(format!(
                    "data length [{}] is not a sub-multiple or multiple of the number of columns [{}]",
                    len, nc
                ));
            } else if nrc != len {
                it.warning(format!(
                    "data length differs from size of matrix: [{} != {} x {}]",
                    len, nr, nc
                ));
            }
        } else if len > 1 && nrc == 0 {
            it.warning("data length exceeds size of matrix");
        }
    } else if nr * nc > 0 && len == 0 {
        let t = data.vtype();
        let mut v = make_matrix(Data::na_of(t, nr * nc), nr, nc);
        apply_dimnames_arg(&mut v, m.get("dimnames"), &[nr, nc])?;
        return Ok(v);
    }
    let byrow = flag(m.get("byrow"), false);
    let out = if byrow {
        let idx: Vec<Option<usize>> = (0..nr * nc)
            .map(|k| Some(((k % nr.max(1)) * nc + k / nr.max(1)) % len.max(1)))
            .collect();
        data.select(&idx)
    } else {
        recycle(&data, nr * nc)
    };
    let mut v = make_matrix(out, nr, nc);
    apply_dimnames_arg(&mut v, m.get("dimnames"), &[nr, nc])?;
    Ok(v)
}

fn apply_dimnames_arg(v: &mut Value, dn: Option<&Value>, dims: &[usize]) -> EvalResult<()> {
    let Some(dn) = dn.filter(|d| !d.is_null()) else {
        return Ok(());
    };
    let parts = dn.list_vec();
    if parts.len() != dims.len() {
        return err(format!(
            "length of 'dimnames' [{}] must match that of 'dims' [{}]",
            parts.len(),
            dims.len()
        ));
    }
    let mut out = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        if p.is_null() {
            out.push(None);
        } else {
            if p.len() != dims[i] {
                return err(format!(
                    "length of 'dimnames' [{}] not equal to array extent",
                    i + 1
                ));
            }
            out.push(Some(p.str_vec().to_vec()));
        }
    }
    set_dimnames_parts(v, out, dn.names());
    Ok(())
}

fn array(_it: &mut Interp, m: Matched) -> EvalResult {
    let data = m
        .get("data")
        .map(plain_data)
        .unwrap_or(Data::Lgl(Rc::new(vec![NA_INT])));
    let dims: Vec<usize> = match m.get("dim") {
        Some(d) => d
            .dbl_vec()
            .iter()
            .map(|&x| if x.is_nan() || x < 0.0 { 0 } else { x as usize })
            .collect(),
        None => vec![data.len()],
    };
    if dims.is_empty() {
        return err("'dims' cannot be of length 0");
    }
    crate::value::alloc::check_type(dims.iter().map(|&d| d as f64).product(), data.vtype())?;
    let n: usize = dims.iter().product();
    let out = if data.is_empty() {
        Data::na_of(data.vtype(), n)
    } else {
        recycle(&data, n)
    };
    let mut v = Value::from_data(out);
    v.set_attr(
        sym("dim"),
        Value::ints(dims.iter().map(|&x| x as i32).collect()),
    );
    apply_dimnames_arg(&mut v, m.get("dimnames"), &dims)?;
    Ok(v)
}

fn dim_of(x: &Value) -> Option<Vec<usize>> {
    if let Value::Extern(e) = x {
        // a remote table whose row count cannot be had gives NULL
        return e.0.dim().and_then(|d| d.ok());
    }
    if x.is_data_frame() {
        return Some(vec![crate::value::frame::df_nrow(x), x.len()]);
    }
    x.dim()
}

fn nrow(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(match dim_of(&m.get("x").cloned().unwrap_or(Value::Null)) {
        Some(d) => Value::int(d[0] as i32),
        None => Value::Null,
    })
}

fn ncol(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(match dim_of(&m.get("x").cloned().unwrap_or(Value::Null)) {
        Some(d) if d.len() > 1 => Value::int(d[1] as i32),
        _ => Value::Null,
    })
}

fn nrow_up(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    Ok(Value::int(
        dim_of(&x).map(|d| d[0]).unwrap_or(x.len()) as i32
    ))
}

fn ncol_up(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    Ok(Value::int(match dim_of(&x) {
        Some(d) if d.len() > 1 => d[1],
        _ => 1,
    } as i32))
}

/// `t(x)`: transposes a matrix (dimnames swapped); a vector becomes a one-row matrix.
pub fn t_value(x: &Value) -> EvalResult {
    if x.is_data_frame() {
        return t_value(&crate::value::frame::df_as_matrix(x));
    }
    let Some(data) = x.data() else {
        return err("argument is not a matrix");
    };
    match x.dim() {
        None => {
            let n = data.len();
            let mut v = make_matrix(data.clone(), 1, n);
            if let Some(nm) = x.names() {
                set_dimnames_parts(&mut v, vec![None, Some(nm)], None);
            }
            Ok(v)
        }
        Some(d) if d.len() == 1 => {
            let mut v = make_matrix(data.clone(), 1, d[0]);
            let p = dimnames_parts(x);
            set_dimnames_parts(&mut v, vec![None, p.into_iter().next().flatten()], None);
            Ok(v)
        }
        Some(d) if d.len() == 2 => {
            let (nr, nc) = (d[0], d[1]);
            let idx: Vec<Option<usize>> =
                (0..nr * nc).map(|k| Some((k % nc) * nr + k / nc)).collect();
            let mut v = make_matrix(data.select(&idx), nc, nr);
            let mut p = dimnames_parts(x);
            p.reverse();
            let names = dimnames_names(x).map(|mut n| {
                n.reverse();
                n
            });
            set_dimnames_parts(&mut v, p, names);
            // other attributes (a table's class, xtabs' call) are kept, as t.default does
            for (k, a) in x.attrs().map(|a| a.to_vec()).unwrap_or_default() {
                if !matches!(k.as_str(), "dim" | "dimnames" | "names") {
                    v.set_attr(k, a);
                }
            }
            Ok(v)
        }
        _ => err("argument is not a matrix"),
    }
}

fn transpose(_it: &mut Interp, m: Matched) -> EvalResult {
    t_value(&m.get("x").cloned().unwrap_or(Value::Null))
}

// ---------------------------------------------------------------------------------------
// cbind / rbind

fn is_temp_arg(s: &str) -> bool {
    s.strip_prefix(".arg")
        .map(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or(false)
}

fn label_of(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Ident(s) if !is_temp_arg(s.as_str()) && s.as_str() != "..." => {
            Some(s.as_str().to_string())
        }
        _ => None,
    }
}

/// Evaluates a special's arguments, remembering symbol arguments' names (deparse.level = 1).
pub fn eval_labelled(
    it: &mut Interp,
    args: &[Arg],
    env: &Env,
) -> EvalResult<Vec<(Option<Sym>, Option<String>, Value)>> {
    let mut out = Vec::new();
    for a in args {
        match &a.value {
            Some(Expr {
                kind: ExprKind::Ident(s),
                ..
            }) if s.as_str() == "..." => {
                for (n, v) in it.dots_of(env)? {
                    let (label, v) = match v {
                        Value::Promise(p) => (label_of(&p.expr), it.force(&p)?),
                        v => (None, v),
                    };
                    out.push((n, label, v));
                }
            }
            Some(x) => {
                let v = it.eval(x, env)?;
                out.push((a.name, label_of(x), v));
            }
            None => out.push((a.name, None, Value::Missing)),
        }
    }
    Ok(out)
}

fn bind_special(it: &mut Interp, args: &[Arg], env: &Env, call: &Expr, rows: bool) -> EvalResult {
    let items = eval_labelled(it, args, env)?;
    let mut level = 1;
    let mut vals = Vec::new();
    // rbind.data.frame labels rows only by explicit argument names
    let frame_rows = rows && items.iter().any(|(_, _, v)| v.is_data_frame());
    for (n, l, v) in items {
        match n.map(|s| s.as_str().to_string()).as_deref() {
            Some("deparse.level") => level = v.as_i32().unwrap_or(1),
            Some("stringsAsFactors") | Some("make.row.names") => {}
            Some(nm) => vals.push((Some(nm.to_string()), v)),
            None => vals.push((if level >= 1 && !frame_rows { l } else { None }, v)),
        }
    }
    // cbind of time series is R's cbind.ts (ts.union), each series named by its label
    if !rows && vals.iter().any(|(_, v)| v.inherits("ts")) && !vals.iter().any(|(_, v)| v.is_data_frame()) {
        if let Some(first) = vals.iter().find(|(_, v)| v.inherits("ts")).map(|(_, v)| v.clone()) {
            let named: Vec<(Option<Sym>, Value)> = vals
                .iter()
                .enumerate()
                .map(|(i, (l, v))| (Some(Sym::new(l.as_deref().unwrap_or(&format!("Series {}", i + 1)))), v.clone()))
                .collect();
            if let Some(r) = it.try_dispatch("cbind", &first, named, env) {
                return r;
            }
        }
    }
    let r = bind(it, vals, rows);
    if !it.pending_warnings.is_empty() {
        it.deliver_warnings(Some(crate::syntax::deparse::deparse(call)))?;
    }
    it.visible = true;
    r
}

fn cbind(it: &mut Interp, args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    bind_special(it, args, env, call, false)
}

fn rbind(it: &mut Interp, args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    bind_special(it, args, env, call, true)
}

/// `cbind` (or with `rows`, `rbind`) of labelled vectors and matrices.
pub fn bind(it: &mut Interp, items: Vec<(Option<String>, Value)>, rows: bool) -> EvalResult {
    let what = if rows { "rbind" } else { "cbind" };
    if items.iter().any(|(_, v)| v.is_data_frame()) {
        let _ = what;
        return if rows {
            crate::builtins::base::frame_verbs::df_rbind(items)
        } else {
            crate::builtins::base::frame_verbs::df_cbind(items)
        };
    }
    let mut parts: Vec<(usize, Option<String>, Value)> = Vec::new();
    for (i, (l, v)) in items.into_iter().enumerate() {
        if v.is_null() || matches!(v, Value::Missing) {
            continue;
        }
        if v.data().is_none() {
            return err(format!(
                "cannot create a matrix from type '{}'",
                crate::value::class::type_of(&v)
            ));
        }
        let v = if v.is_factor() {
            crate::value::factor::factor_as_strings(&v)
        } else {
            v
        };
        // for rbind work on transposed matrices and transpose the result
        let v = if rows && v.dim().map(|d| d.len() == 2).unwrap_or(false) {
            t_value(&v)?
        } else {
            v
        };
        parts.push((i + 1, l, v));
    }
    if parts.is_empty() {
        return Ok(Value::Null);
    }
    let is_mat = |v: &Value| v.dim().map(|d| d.len() == 2).unwrap_or(false);
    let mut nr: Option<usize> = None;
    for (i, _, v) in &parts {
        if is_mat(v) {
            let r = v.dim().map(|d| d[0]).unwrap_or(0);
            match nr {
                None => nr = Some(r),
                Some(n) if n != r => {
                    return err(format!(
                        "number of {} of matrices must match (see arg {})",
                        if rows { "columns" } else { "rows" },
                        i
                    ))
                }
                _ => {}
            }
        }
    }
    let nr = nr.unwrap_or_else(|| parts.iter().map(|(_, _, v)| v.len()).max().unwrap_or(0));
    let t = parts
        .iter()
        .filter_map(|(_, _, v)| v.vtype())
        .max()
        .unwrap_or(VType::Lgl);
    let mut cols: Vec<Data> = Vec::new();
    let mut colnames: Vec<RStr> = Vec::new();
    let mut any_name = false;
    let mut rownames: Option<Vec<RStr>> = None;
    for (i, l, v) in &parts {
        let d = v.data().map(|d| d.coerce(t)).unwrap_or(Data::empty(t));
        if is_mat(v) {
            let nc = v.dim().map(|d| d[1]).unwrap_or(0);
            let dn = dimnames_parts(v);
            if rownames.is_none() {
                rownames = dn[0].clone();
            }
            for j in 0..nc {
                cols.push(d.select(&(j * nr..(j + 1) * nr).map(Some).collect::<Vec<_>>()));
                let n = dn[1].as_ref().and_then(|c| c[j].clone());
                any_name |= n.is_some();
                colnames.push(Some(n.unwrap_or_else(|| Rc::from(""))));
            }
        } else {
            let len = d.len();
            if len == 0 && nr > 0 {
                continue;
            }
            if len > 0 && (!nr.is_multiple_of(len) || len > nr) {
                it.warning(format!(
                    "number of {} of result is not a multiple of vector length (arg {})",
                    if rows { "columns" } else { "rows" },
                    i
                ));
            }
            if rownames.is_none() && len == nr {
                if let Some(n) = v.names() {
                    rownames = Some(n);
                }
            }
            cols.push(recycle(&d, nr));
            any_name |= l.is_some();
            colnames.push(Some(Rc::from(l.clone().unwrap_or_default().as_str())));
        }
    }
    let nc = cols.len();
    let data = crate::value::combine::concat_data(&cols, t);
    let mut out = make_matrix(data, nr, nc);
    let cn = if any_name { Some(colnames) } else { None };
    set_dimnames_parts(&mut out, vec![rownames, cn], None);
    if rows {
        t_value(&out)
    } else {
        Ok(out)
    }
}

fn mat_dims(x: &Value) -> (usize, usize) {
    match x.dim() {
        Some(d) if d.len() == 2 => (d[0], d[1]),
        _ => (x.len(), 1),
    }
}

fn tri(a: Args, lower: bool) -> EvalResult {
    let m = a.matched(&["x", "diag"])?;
    let (nr, nc) = mat_dims(m.req("x")?);
    let dg = flag(m.get("diag"), false);
    let v: Vec<i32> = (0..nr * nc)
        .map(|k| {
            let (i, j) = (k % nr, k / nr);
            (if lower { i > j } else { i < j } || (dg && i == j)) as i32
        })
        .collect();
    Ok(make_matrix(Data::Lgl(Rc::new(v)), nr, nc))
}

fn lower_tri(_it: &mut Interp, a: Args) -> EvalResult {
    tri(a, true)
}
fn upper_tri(_it: &mut Interp, a: Args) -> EvalResult {
    tri(a, false)
}

fn row_col(a: Args, rowwise: bool) -> EvalResult {
    let m = a.matched(&["x", "as.factor"])?;
    let x = m.req("x")?;
    let Some(d) = x.dim().filter(|d| d.len() == 2) else {
        return err("a matrix-like object is required as argument to 'row'");
    };
    let (nr, nc) = (d[0], d[1]);
    let v: Vec<i32> = (0..nr * nc)
        .map(|k| {
            if rowwise {
                (k % nr) as i32 + 1
            } else {
                (k / nr) as i32 + 1
            }
        })
        .collect();
    Ok(make_matrix(Data::Int(Rc::new(v)), nr, nc))
}

fn row(_it: &mut Interp, a: Args) -> EvalResult {
    row_col(a, true)
}
fn col(_it: &mut Interp, a: Args) -> EvalResult {
    row_col(a, false)
}

#[cfg(test)]
#[path = "matrix_tests.rs"]
pub(crate) mod tests;
