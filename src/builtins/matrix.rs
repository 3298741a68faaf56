//! Matrices and arrays: construction, binding, transposition, products, linear algebra,
//! `apply`, row/column summaries and dimnames helpers.

use super::{eager, special, Args, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::call::ArgVal;
use crate::eval::Interp;
use crate::stats::linalg::{self, numeric_mat};
use crate::syntax::ast::{Arg, BinOp, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::{Data, Env, RStr, VType, Value, NA_INT};
use std::rc::Rc;

/// The matrix family's builtins.
pub const BUILTINS: &[Builtin] = &[
    eager("matrix", matrix),
    eager("array", array),
    eager("nrow", nrow),
    eager("ncol", ncol),
    eager("NROW", nrow_up),
    eager("NCOL", ncol_up),
    eager("t", transpose),
    special("cbind", cbind),
    special("rbind", rbind),
    eager("%*%", linalg::matprod),
    eager("crossprod", linalg::crossprod),
    eager("tcrossprod", linalg::tcrossprod),
    eager("%o%", outer_op),
    eager("outer", outer),
    eager("diag", linalg::diag),
    eager("diag<-", linalg::set_diag),
    eager("det", linalg::det),
    eager("determinant", linalg::determinant),
    eager("solve", linalg::r_solve),
    eager("chol", linalg::r_chol),
    eager("apply", apply),
    eager("rowSums", row_sums),
    eager("colSums", col_sums),
    eager("rowMeans", row_means),
    eager("colMeans", col_means),
    eager("rownames", rownames),
    eager("colnames", colnames),
    eager("rownames<-", set_rownames),
    eager("colnames<-", set_colnames),
    eager("lower.tri", lower_tri),
    eager("upper.tri", upper_tri),
    eager("aperm", aperm),
    eager("sweep", sweep),
    eager("row", row),
    eager("col", col),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[super::Doc] = {
    use super::doc;
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
        doc("%o%", "X %o% Y",
            "Outer product: a matrix (or array) with X[i] * Y[j] in cell [i, j]; the same as outer(X, Y)."),
        doc("outer", "outer(X, Y, FUN = \"*\", ...)",
            "Applies FUN to every pair of an element of X and an element of Y, giving an array of dimension \
             c(dim(X), dim(Y)). FUN must be vectorised."),
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
        doc("apply", "apply(X, MARGIN, FUN, ..., simplify = TRUE)",
            "Applies FUN to each row (MARGIN = 1) or column (MARGIN = 2) of a matrix or data frame, or along \
             other margins of an array. Results of length one give a vector; longer equal-length results give a \
             matrix with one column per slice."),
        doc("rowSums", "rowSums(x, na.rm = FALSE, dims = 1L)",
            "Sums of each row of a numeric matrix or data frame, named by the row names."),
        doc("colSums", "colSums(x, na.rm = FALSE, dims = 1L)",
            "Sums of each column of a numeric matrix or data frame, named by the column names."),
        doc("rowMeans", "rowMeans(x, na.rm = FALSE, dims = 1L)",
            "Means of each row of a numeric matrix or data frame."),
        doc("colMeans", "colMeans(x, na.rm = FALSE, dims = 1L)",
            "Means of each column of a numeric matrix or data frame."),
        doc("lower.tri", "lower.tri(x, diag = FALSE)",
            "A logical matrix shaped like x that is TRUE below the diagonal (and on it with diag = TRUE)."),
        doc("upper.tri", "upper.tri(x, diag = FALSE)",
            "A logical matrix shaped like x that is TRUE above the diagonal (and on it with diag = TRUE)."),
        doc("aperm", "aperm(a, perm = NULL, resize = TRUE, ...)",
            "Permutes the dimensions of an array: dimension perm[i] of a becomes dimension i of the result. \
             Without perm the dimensions are reversed, which transposes a matrix."),
        doc("sweep", "sweep(x, MARGIN, STATS, FUN = \"-\", check.margin = TRUE, ...)",
            "Applies FUN between x and the summary statistics STATS, one per row (MARGIN = 1) or column (MARGIN = \
             2); for example, subtracts column means from each column."),
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
    let x = crate::eval::ops::factor_as_strings(x);
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
        .get(0)
        .map(plain_data)
        .unwrap_or(Data::Lgl(Rc::new(vec![NA_INT])));
    let len = data.len();
    let nr0 = get_count(m.get(1), "nrow")?;
    let nc0 = get_count(m.get(2), "ncol")?;
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
        apply_dimnames_arg(&mut v, m.get(4), &[nr, nc])?;
        return Ok(v);
    }
    let byrow = flag(m.get(3), false);
    let out = if byrow {
        let idx: Vec<Option<usize>> = (0..nr * nc)
            .map(|k| Some(((k % nr.max(1)) * nc + k / nr.max(1)) % len.max(1)))
            .collect();
        data.select(&idx)
    } else {
        recycle(&data, nr * nc)
    };
    let mut v = make_matrix(out, nr, nc);
    apply_dimnames_arg(&mut v, m.get(4), &[nr, nc])?;
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

fn array(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["data", "dim", "dimnames"])?;
    let data = m
        .get(0)
        .map(plain_data)
        .unwrap_or(Data::Lgl(Rc::new(vec![NA_INT])));
    let dims: Vec<usize> = match m.get(1) {
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
    apply_dimnames_arg(&mut v, m.get(2), &dims)?;
    Ok(v)
}

fn first(a: &Args) -> Value {
    a.items.first().map(|x| x.1.clone()).unwrap_or(Value::Null)
}

fn dim_of(x: &Value) -> Option<Vec<usize>> {
    if x.is_data_frame() {
        return Some(vec![super::frames::df_nrow(x), x.len()]);
    }
    x.dim()
}

fn nrow(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(match dim_of(&first(&a)) {
        Some(d) => Value::int(d[0] as i32),
        None => Value::Null,
    })
}

fn ncol(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(match dim_of(&first(&a)) {
        Some(d) if d.len() > 1 => Value::int(d[1] as i32),
        _ => Value::Null,
    })
}

fn nrow_up(_it: &mut Interp, a: Args) -> EvalResult {
    let x = first(&a);
    Ok(Value::int(
        dim_of(&x).map(|d| d[0]).unwrap_or(x.len()) as i32
    ))
}

fn ncol_up(_it: &mut Interp, a: Args) -> EvalResult {
    let x = first(&a);
    Ok(Value::int(match dim_of(&x) {
        Some(d) if d.len() > 1 => d[1],
        _ => 1,
    } as i32))
}

/// `t(x)`: transposes a matrix (dimnames swapped); a vector becomes a one-row matrix.
pub fn t_value(x: &Value) -> EvalResult {
    if x.is_data_frame() {
        return t_value(&super::frame_verbs::df_as_matrix(x));
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

fn transpose(_it: &mut Interp, a: Args) -> EvalResult {
    t_value(&first(&a))
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
            super::frame_verbs::df_rbind(items)
        } else {
            super::frame_verbs::df_cbind(items)
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
                super::type_of(&v)
            ));
        }
        let v = if v.is_factor() {
            crate::eval::ops::factor_as_strings(&v)
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
    let data = super::vectors::concat_data(&cols, t);
    let mut out = make_matrix(data, nr, nc);
    let cn = if any_name { Some(colnames) } else { None };
    set_dimnames_parts(&mut out, vec![rownames, cn], None);
    if rows {
        t_value(&out)
    } else {
        Ok(out)
    }
}

fn op_of(name: &str) -> Option<BinOp> {
    Some(match name {
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mul,
        "/" => BinOp::Div,
        "^" => BinOp::Pow,
        "%%" => BinOp::Mod,
        "%/%" => BinOp::IntDiv,
        "==" => BinOp::Eq,
        "!=" => BinOp::Ne,
        "<" => BinOp::Lt,
        "<=" => BinOp::Le,
        ">" => BinOp::Gt,
        ">=" => BinOp::Ge,
        "&" => BinOp::And,
        "|" => BinOp::Or,
        _ => return None,
    })
}

/// Calls a binary `FUN` (a function, or an operator's name) on two vectors.
fn call_binary(it: &mut Interp, f: &Value, x: Value, y: Value, extra: &[ArgVal]) -> EvalResult {
    if let Some(op) = f.as_string().as_deref().and_then(op_of) {
        if extra.is_empty() {
            return crate::eval::ops::vector_op(it, op, &x, &y);
        }
    }
    let f = super::apply::as_function(it, f)?;
    let mut args = vec![(None, x), (None, y)];
    args.extend(extra.iter().cloned());
    it.call_value(&f, args)
}

fn outer_dims(x: &Value) -> (Vec<usize>, Vec<Option<Vec<RStr>>>) {
    match x.dim() {
        Some(d) => {
            let p = dimnames_parts(x);
            (d, p)
        }
        None => (vec![x.len()], vec![x.names()]),
    }
}

/// `outer(X, Y, FUN)`: FUN is called once on the expanded vectors.
pub fn outer_values(
    it: &mut Interp,
    x: &Value,
    y: &Value,
    f: &Value,
    extra: &[ArgVal],
) -> EvalResult {
    let (dx, nx) = outer_dims(x);
    let (dy, ny) = outer_dims(y);
    let (lx, ly) = (x.len(), y.len());
    crate::value::alloc::check(lx as f64 * ly as f64, 8)?;
    let strip = |v: &Value| -> Value {
        let mut v = crate::eval::ops::factor_as_strings(v);
        v.clear_attrs();
        v
    };
    let (xs, ys) = (strip(x), strip(y));
    let xe = Value::from_data(
        xs.data()
            .map(|d| recycle(d, lx * ly))
            .unwrap_or(Data::empty(VType::Lgl)),
    );
    let yi: Vec<Option<usize>> = (0..lx * ly).map(|k| Some(k / lx.max(1))).collect();
    let ye = Value::from_data(
        ys.data()
            .map(|d| d.select(&yi))
            .unwrap_or(Data::empty(VType::Lgl)),
    );
    let is_times = f.as_string().as_deref() == Some("*") && extra.is_empty();
    let mut r = if is_times {
        let a = numeric_mat(&xe, "")?;
        let b = numeric_mat(&ye, "")?;
        Value::dbls(a.iter().zip(b.iter()).map(|(p, q)| p * q).collect())
    } else {
        call_binary(it, f, xe, ye, extra)?
    };
    if r.len() != lx * ly {
        return err(format!(
            "dims [product {}] do not match the length of object [{}]",
            lx * ly,
            r.len()
        ));
    }
    r.clear_attrs();
    let mut dims = dx;
    dims.extend(dy);
    r.set_attr(
        sym("dim"),
        Value::ints(dims.iter().map(|&d| d as i32).collect()),
    );
    let mut parts = nx;
    parts.extend(ny);
    set_dimnames_parts(&mut r, parts, None);
    Ok(r)
}

fn outer(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["X", "Y", "FUN", "..."])?;
    let x = m.req(0, "X")?.clone();
    let y = m.req(1, "Y")?.clone();
    let f = m.get(2).cloned().unwrap_or_else(|| Value::str("*"));
    outer_values(it, &x, &y, &f, &m.dots)
}

fn outer_op(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["X", "Y"])?;
    let x = m.req(0, "X")?.clone();
    let y = m.req(1, "Y")?.clone();
    outer_values(it, &x, &y, &Value::str("*"), &[])
}

// ---------------------------------------------------------------------------------------
// apply and summaries

fn strides(dims: &[usize]) -> Vec<usize> {
    let mut s = vec![1; dims.len()];
    for i in 1..dims.len() {
        s[i] = s[i - 1] * dims[i - 1];
    }
    s
}

/// Enumerates all index tuples of `dims` in column-major order.
fn tuples(dims: &[usize]) -> Vec<Vec<usize>> {
    let n: usize = dims.iter().product();
    (0..n)
        .map(|mut k| {
            dims.iter()
                .map(|&d| {
                    let i = k % d.max(1);
                    k /= d.max(1);
                    i
                })
                .collect()
        })
        .collect()
}

fn apply(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["X", "MARGIN", "FUN", "...", "simplify"])?;
    let x = m.req(0, "X")?.clone();
    let x = if x.is_data_frame() {
        super::frame_verbs::df_as_matrix(&x)
    } else {
        x
    };
    let Some(dims) = x.dim() else {
        return err("dim(X) must have a positive length");
    };
    let dn = dimnames_parts(&x);
    let dnn = dimnames_names(&x);
    let margin: Vec<usize> = match m.req(1, "MARGIN")?.data() {
        Some(Data::Str(s)) => {
            let names = dnn.clone().unwrap_or_default();
            let mut out = Vec::new();
            for n in s.iter() {
                match names.iter().position(|x| x == n) {
                    Some(p) => out.push(p),
                    None => return err("not all elements of 'MARGIN' are names of dimensions"),
                }
            }
            out
        }
        Some(d) => d
            .to_int()
            .iter()
            .map(|&i| (i - 1).max(0) as usize)
            .collect(),
        None => return err("'MARGIN' does not match dim(X)"),
    };
    if margin.iter().any(|&i| i >= dims.len()) {
        return err("'MARGIN' does not match dim(X)");
    }
    let f = super::apply::as_function(it, m.req(2, "FUN")?)?;
    let simplify = flag(m.get(4), true);
    let rest: Vec<usize> = (0..dims.len()).filter(|i| !margin.contains(i)).collect();
    let st = strides(&dims);
    let mdims: Vec<usize> = margin.iter().map(|&i| dims[i]).collect();
    let rdims: Vec<usize> = rest.iter().map(|&i| dims[i]).collect();
    let Some(data) = x.data().cloned() else {
        return err("dim(X) must have a positive length");
    };
    let rtuples = tuples(&rdims);
    let mut results = Vec::new();
    for mt in tuples(&mdims) {
        let base: usize = margin.iter().zip(&mt).map(|(&d, &i)| st[d] * i).sum();
        let idx: Vec<Option<usize>> = rtuples
            .iter()
            .map(|rt| Some(base + rest.iter().zip(rt).map(|(&d, &i)| st[d] * i).sum::<usize>()))
            .collect();
        let mut piece = Value::from_data(data.select(&idx));
        if rest.len() == 1 {
            if let Some(n) = &dn[rest[0]] {
                piece.set_attr(sym("names"), Value::strs(n.clone()));
            }
        } else if rest.len() > 1 {
            piece.set_attr(
                sym("dim"),
                Value::ints(rdims.iter().map(|&d| d as i32).collect()),
            );
            set_dimnames_parts(
                &mut piece,
                rest.iter().map(|&d| dn[d].clone()).collect(),
                None,
            );
        }
        let mut args = vec![(None, piece)];
        args.extend(m.dots.iter().cloned());
        results.push(it.call_value(&f, args)?);
    }
    it.visible = true;
    let mparts: Vec<Option<Vec<RStr>>> = margin.iter().map(|&d| dn[d].clone()).collect();
    let len0 = results.first().map(|r| r.len()).unwrap_or(0);
    let same = results
        .iter()
        .all(|r| r.len() == len0 && r.data().map(|d| d.vtype() != VType::List).unwrap_or(false));
    if !simplify || !same || len0 == 0 {
        let mut l = Value::list(results);
        if margin.len() == 1 {
            if let Some(n) = &mparts[0] {
                l.set_attr(sym("names"), Value::strs(n.clone()));
            }
        } else {
            l.set_attr(
                sym("dim"),
                Value::ints(mdims.iter().map(|&d| d as i32).collect()),
            );
            set_dimnames_parts(&mut l, mparts, None);
        }
        return Ok(l);
    }
    let t = results
        .iter()
        .filter_map(|r| r.vtype())
        .max()
        .unwrap_or(VType::Lgl);
    let inner = results[0].names();
    let datas: Vec<Data> = results.iter().filter_map(|r| r.data().cloned()).collect();
    let mut out = Value::from_data(super::vectors::concat_data(&datas, t));
    if len0 == 1 {
        if margin.len() == 1 {
            if let Some(n) = &mparts[0] {
                out.set_attr(sym("names"), Value::strs(n.clone()));
            }
        } else {
            out.set_attr(
                sym("dim"),
                Value::ints(mdims.iter().map(|&d| d as i32).collect()),
            );
            set_dimnames_parts(&mut out, mparts, None);
        }
        return Ok(out);
    }
    let mut d = vec![len0 as i32];
    d.extend(mdims.iter().map(|&x| x as i32));
    out.set_attr(sym("dim"), Value::ints(d));
    let mut parts = vec![inner];
    parts.extend(mparts);
    set_dimnames_parts(&mut out, parts, None);
    Ok(out)
}

fn summary_core(a: Args, rows: bool, mean: bool) -> EvalResult {
    let m = a.matched(&["x", "na.rm", "dims"])?;
    let x = m.req(0, "x")?.clone();
    let x = if x.is_data_frame() {
        super::frame_verbs::df_as_matrix(&x)
    } else {
        x
    };
    let Some(d) = x.dim().filter(|d| d.len() >= 2) else {
        return err("'x' must be an array of at least two dimensions");
    };
    if !matches!(x.vtype(), Some(VType::Lgl | VType::Int | VType::Dbl)) {
        return err("'x' must be numeric");
    }
    let na_rm = flag(m.get(1), false);
    let nr = d[0];
    let nc: usize = d[1..].iter().product();
    let v = x.dbl_vec();
    let (outer_n, get): (usize, Box<dyn Fn(usize, usize) -> f64>) = if rows {
        (nr, Box::new(move |o, i| v[i * nr + o]))
    } else {
        (nc, Box::new(move |o, i| v[o * nr + i]))
    };
    let inner_n = if rows { nc } else { nr };
    let mut out = Vec::with_capacity(outer_n);
    for o in 0..outer_n {
        let mut s = 0.0;
        let mut cnt = 0usize;
        for i in 0..inner_n {
            let val = get(o, i);
            if na_rm && val.is_nan() {
                continue;
            }
            s += val;
            cnt += 1;
        }
        out.push(if mean { s / cnt as f64 } else { s });
    }
    let mut r = Value::dbls(out);
    let dn = dimnames_parts(&x);
    if rows {
        if let Some(n) = &dn[0] {
            r.set_attr(sym("names"), Value::strs(n.clone()));
        }
    } else if d.len() == 2 {
        if let Some(n) = &dn[1] {
            r.set_attr(sym("names"), Value::strs(n.clone()));
        }
    } else {
        r.set_attr(
            sym("dim"),
            Value::ints(d[1..].iter().map(|&x| x as i32).collect()),
        );
        set_dimnames_parts(&mut r, dn[1..].to_vec(), None);
    }
    Ok(r)
}

fn row_sums(_it: &mut Interp, a: Args) -> EvalResult {
    summary_core(a, true, false)
}
fn col_sums(_it: &mut Interp, a: Args) -> EvalResult {
    summary_core(a, false, false)
}
fn row_means(_it: &mut Interp, a: Args) -> EvalResult {
    summary_core(a, true, true)
}
fn col_means(_it: &mut Interp, a: Args) -> EvalResult {
    summary_core(a, false, true)
}

// ---------------------------------------------------------------------------------------
// dimnames helpers

fn dimnames_at(x: &Value, k: usize) -> Value {
    if x.is_data_frame() {
        return if k == 0 {
            super::frames::df_row_names(x)
        } else {
            x.get_attr("names").cloned().unwrap_or(Value::Null)
        };
    }
    dimnames_parts(x)
        .get(k)
        .cloned()
        .flatten()
        .map(Value::strs)
        .unwrap_or(Value::Null)
}

fn rownames(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(dimnames_at(&first(&a), 0))
}

fn colnames(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(dimnames_at(&first(&a), 1))
}

fn set_dimnames_at(a: Args, k: usize, what: &str) -> EvalResult {
    let m = a.matched(&["x", "value"])?;
    let mut x = m.req(0, "x")?.clone();
    let val = m.get(1).cloned().unwrap_or(Value::Null);
    if x.is_data_frame() {
        return err(format!("'{}<-' on data frames is handled elsewhere", what));
    }
    let Some(d) = x.dim() else {
        return err(format!(
            "attempt to set '{}' on an object with no dimensions",
            what
        ));
    };
    if k >= d.len() {
        return err(format!(
            "attempt to set '{}' on an object with less than two dimensions",
            what
        ));
    }
    let mut parts = dimnames_parts(&x);
    if val.is_null() {
        parts[k] = None;
    } else {
        let s = crate::eval::ops::factor_as_strings(&val).str_vec().to_vec();
        if s.len() != d[k] {
            return err(format!(
                "length of 'dimnames' [{}] not equal to array extent",
                k + 1
            ));
        }
        parts[k] = Some(s);
    }
    let names = dimnames_names(&x);
    set_dimnames_parts(&mut x, parts, names);
    Ok(x)
}

fn set_rownames(_it: &mut Interp, a: Args) -> EvalResult {
    set_dimnames_at(a, 0, "rownames")
}

fn set_colnames(_it: &mut Interp, a: Args) -> EvalResult {
    set_dimnames_at(a, 1, "colnames")
}

fn mat_dims(x: &Value) -> (usize, usize) {
    match x.dim() {
        Some(d) if d.len() == 2 => (d[0], d[1]),
        _ => (x.len(), 1),
    }
}

fn tri(a: Args, lower: bool) -> EvalResult {
    let m = a.matched(&["x", "diag"])?;
    let (nr, nc) = mat_dims(m.req(0, "x")?);
    let dg = flag(m.get(1), false);
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
    let x = m.req(0, "x")?;
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

fn aperm(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["a", "perm", "resize", "..."])?;
    let x = m.req(0, "a")?.clone();
    let Some(dims) = x.dim() else {
        return err("invalid first argument, must be an array");
    };
    let k = dims.len();
    let perm: Vec<usize> = match m.get(1) {
        None => (0..k).rev().collect(),
        Some(p) => p
            .int_vec()
            .iter()
            .map(|&i| (i - 1).max(0) as usize)
            .collect(),
    };
    let mut seen = vec![false; k];
    if perm.len() != k
        || perm
            .iter()
            .any(|&p| p >= k || std::mem::replace(&mut seen[p], true))
    {
        return err("'perm' is of wrong length 0 (!= 2)"
            .replace("0", &perm.len().to_string())
            .replace("2", &k.to_string()));
    }
    let st = strides(&dims);
    let ndims: Vec<usize> = perm.iter().map(|&p| dims[p]).collect();
    let idx: Vec<Option<usize>> = tuples(&ndims)
        .iter()
        .map(|t| Some(t.iter().zip(&perm).map(|(&i, &p)| i * st[p]).sum()))
        .collect();
    let Some(data) = x.data() else {
        return err("invalid first argument, must be an array");
    };
    let mut out = Value::from_data(data.select(&idx));
    out.set_attr(
        sym("dim"),
        Value::ints(ndims.iter().map(|&d| d as i32).collect()),
    );
    let dn = dimnames_parts(&x);
    let names = dimnames_names(&x).map(|n| perm.iter().map(|&p| n[p].clone()).collect());
    set_dimnames_parts(
        &mut out,
        perm.iter().map(|&p| dn[p].clone()).collect(),
        names,
    );
    Ok(out)
}

fn sweep(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "MARGIN", "STATS", "FUN", "check.margin", "..."])?;
    let x = m.req(0, "x")?.clone();
    let Some(dims) = x.dim() else {
        return err("dim(X) must have a positive length");
    };
    let margin: Vec<usize> = m
        .req(1, "MARGIN")?
        .int_vec()
        .iter()
        .map(|&i| (i - 1).max(0) as usize)
        .collect();
    if margin.iter().any(|&i| i >= dims.len()) {
        return err("'MARGIN' does not match dim(X)");
    }
    let stats = m.req(2, "STATS")?.clone();
    let f = m.get(3).cloned().unwrap_or_else(|| Value::str("-"));
    let st = strides(&dims);
    let mdims: Vec<usize> = margin.iter().map(|&i| dims[i]).collect();
    let mst = strides(&mdims);
    let n: usize = dims.iter().product();
    let slen = stats.len().max(1);
    let idx: Vec<Option<usize>> = (0..n)
        .map(|k| {
            let pos: usize = margin
                .iter()
                .zip(&mst)
                .map(|(&d, &s)| ((k / st[d]) % dims[d]) * s)
                .sum();
            Some(pos % slen)
        })
        .collect();
    let mut sv = crate::eval::ops::factor_as_strings(&stats);
    sv.clear_attrs();
    let expanded = Value::from_data(
        sv.data()
            .map(|d| d.select(&idx))
            .unwrap_or(Data::empty(VType::Dbl)),
    );
    let mut ex = expanded;
    ex.set_attr(
        sym("dim"),
        Value::ints(dims.iter().map(|&d| d as i32).collect()),
    );
    call_binary(it, &f, x, ex, &m.dots)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::builtins::Builtin;
    use crate::error::Flow;

    /// Calls a builtin from any family table by name (test helper).
    pub(crate) fn call(
        it: &mut Interp,
        name: &str,
        args: Vec<(Option<&str>, Value)>,
    ) -> EvalResult {
        let b = crate::builtins::tables()
            .into_iter()
            .chain([BUILTINS, crate::builtins::factor::BUILTINS])
            .flat_map(|t| t.iter())
            .find(|b| b.name == name)
            .unwrap_or_else(|| panic!("no builtin {}", name));
        let f = Value::Builtin(Rc::new(Builtin {
            name: b.name,
            kind: b.kind,
        }));
        it.call_value(
            &f,
            args.into_iter()
                .map(|(n, v)| (n.map(Sym::new), v))
                .collect(),
        )
    }
    pub(crate) fn ok(r: EvalResult) -> Value {
        match r {
            Ok(v) => v,
            Err(Flow::Error(e)) => panic!("error: {}", e.message),
            Err(_) => panic!("unexpected flow"),
        }
    }
    pub(crate) fn msg(r: EvalResult) -> String {
        match r {
            Err(Flow::Error(e)) => e.message,
            _ => panic!("expected an error"),
        }
    }
    pub(crate) fn p(v: Value) -> (Option<&'static str>, Value) {
        (None, v)
    }
    pub(crate) fn n(name: &'static str, v: Value) -> (Option<&'static str>, Value) {
        (Some(name), v)
    }
    pub(crate) fn dims(v: &Value) -> Vec<usize> {
        v.dim().unwrap_or_default()
    }
    pub(crate) fn strs(v: &Option<Vec<RStr>>) -> Vec<String> {
        v.as_ref()
            .map(|x| {
                x.iter()
                    .map(|s| s.as_deref().unwrap_or("NA").to_string())
                    .collect()
            })
            .unwrap_or_default()
    }
    fn seq(a: i32, b: i32) -> Value {
        Value::ints((a..=b).collect())
    }

    #[test]
    fn matrix_construction() {
        let mut it = Interp::new();
        let m = ok(call(
            &mut it,
            "matrix",
            vec![p(seq(1, 6)), n("nrow", Value::num(2.0))],
        ));
        assert_eq!(dims(&m), vec![2, 3]);
        assert_eq!(m.vtype(), Some(VType::Int));
        let m = ok(call(
            &mut it,
            "matrix",
            vec![
                p(seq(1, 6)),
                p(Value::num(2.0)),
                n("byrow", Value::lgl(true)),
            ],
        ));
        assert_eq!(*m.int_vec(), vec![1, 4, 2, 5, 3, 6]);
        let m = ok(call(
            &mut it,
            "matrix",
            vec![p(seq(1, 5)), p(Value::num(2.0))],
        ));
        assert_eq!(dims(&m), vec![2, 3]);
        assert_eq!(*m.int_vec(), vec![1, 2, 3, 4, 5, 1]);
        assert_eq!(
            it.pending_warnings,
            vec![
                "data length [5] is not a sub-multiple or multiple of the number of rows [2]"
                    .to_string()
            ]
        );
        it.pending_warnings.clear();
        ok(call(
            &mut it,
            "matrix",
            vec![p(seq(1, 6)), p(Value::num(2.0)), p(Value::num(2.0))],
        ));
        assert_eq!(
            it.pending_warnings,
            vec!["data length differs from size of matrix: [6 != 2 x 2]".to_string()]
        );
        it.pending_warnings.clear();
        ok(call(
            &mut it,
            "matrix",
            vec![p(seq(1, 3)), p(Value::num(2.0)), p(Value::num(3.0))],
        ));
        assert!(it.pending_warnings.is_empty());
        let dn = Value::list(vec![Value::strings(&["a", "b"]), Value::Null]);
        let m = ok(call(
            &mut it,
            "matrix",
            vec![p(seq(1, 6)), p(Value::num(2.0)), n("dimnames", dn)],
        ));
        assert_eq!(strs(&dimnames_parts(&m)[0]), vec!["a", "b"]);
        assert!(dimnames_parts(&m)[1].is_none());
        let a = ok(call(
            &mut it,
            "array",
            vec![p(seq(1, 24)), p(Value::ints(vec![2, 3, 4]))],
        ));
        assert_eq!(dims(&a), vec![2, 3, 4]);
        assert_eq!(
            ok(call(&mut it, "nrow", vec![p(a.clone())])).as_i32(),
            Some(2)
        );
        assert_eq!(ok(call(&mut it, "ncol", vec![p(a)])).as_i32(), Some(3));
        assert!(ok(call(&mut it, "nrow", vec![p(seq(1, 3))])).is_null());
        assert_eq!(
            ok(call(&mut it, "NROW", vec![p(seq(1, 3))])).as_i32(),
            Some(3)
        );
        assert_eq!(
            ok(call(&mut it, "NCOL", vec![p(seq(1, 3))])).as_i32(),
            Some(1)
        );
    }

    #[test]
    fn transpose_and_bind() {
        let mut it = Interp::new();
        let mut x = Value::dbls(vec![1.0, 2.0]);
        x.set_attr(sym("names"), Value::strings(&["a", "b"]));
        let t = ok(call(&mut it, "t", vec![p(x)]));
        assert_eq!(dims(&t), vec![1, 2]);
        assert_eq!(strs(&dimnames_parts(&t)[1]), vec!["a", "b"]);
        let m = ok(call(
            &mut it,
            "matrix",
            vec![p(seq(1, 6)), p(Value::num(2.0))],
        ));
        let t = ok(call(&mut it, "t", vec![p(m)]));
        assert_eq!(*t.int_vec(), vec![1, 3, 5, 2, 4, 6]);
        assert_eq!(dims(&t), vec![3, 2]);

        let c = ok(bind(
            &mut it,
            vec![(Some("a".into()), seq(1, 2)), (Some("b".into()), seq(3, 4))],
            false,
        ));
        assert_eq!(dims(&c), vec![2, 2]);
        assert!(dimnames_parts(&c)[0].is_none());
        assert_eq!(strs(&dimnames_parts(&c)[1]), vec!["a", "b"]);
        let r = ok(call(&mut it, "rbind", vec![p(seq(1, 3)), p(seq(4, 6))]));
        assert_eq!(*r.int_vec(), vec![1, 4, 2, 5, 3, 6]);
        assert!(r.get_attr("dimnames").is_none());
        let mut y = Value::dbls(vec![3.0, 4.0]);
        y.set_attr(sym("names"), Value::strings(&["u", "v"]));
        let c = ok(bind(
            &mut it,
            vec![(Some("x".into()), seq(1, 2)), (Some("y".into()), y)],
            false,
        ));
        assert_eq!(c.vtype(), Some(VType::Dbl));
        assert_eq!(strs(&dimnames_parts(&c)[0]), vec!["u", "v"]);
        let c = ok(call(&mut it, "cbind", vec![p(seq(1, 3)), p(seq(1, 2))]));
        assert_eq!(*c.int_vec(), vec![1, 2, 3, 1, 2, 1]);
        let w: Vec<String> = it.warnings.iter().map(|w| w.1.clone()).collect();
        assert_eq!(
            w,
            vec!["number of rows of result is not a multiple of vector length (arg 2)".to_string()]
        );
        let mut m = ok(call(
            &mut it,
            "matrix",
            vec![p(seq(1, 4)), p(Value::num(2.0))],
        ));
        set_dimnames_parts(
            &mut m,
            vec![
                Some(vec![Some("x".into()), Some("y".into())]),
                Some(vec![Some("p".into()), Some("q".into())]),
            ],
            None,
        );
        let r = ok(bind(
            &mut it,
            vec![(Some("a".into()), seq(1, 2)), (None, m.clone())],
            true,
        ));
        assert_eq!(dims(&r), vec![3, 2]);
        assert_eq!(strs(&dimnames_parts(&r)[0]), vec!["a", "x", "y"]);
        assert_eq!(strs(&dimnames_parts(&r)[1]), vec!["p", "q"]);
        let c = ok(call(
            &mut it,
            "cbind",
            vec![p(seq(1, 2)), p(Value::strings(&["a", "b"]))],
        ));
        assert_eq!(c.vtype(), Some(VType::Str));
        let bad = ok(call(
            &mut it,
            "matrix",
            vec![p(seq(1, 6)), p(Value::num(3.0))],
        ));
        assert_eq!(
            msg(call(&mut it, "cbind", vec![p(m), p(bad)])),
            "number of rows of matrices must match (see arg 2)"
        );
    }

    #[test]
    fn products() {
        let mut it = Interp::new();
        let a = ok(call(
            &mut it,
            "matrix",
            vec![p(seq(1, 6)), p(Value::num(2.0))],
        ));
        let r = ok(call(&mut it, "%*%", vec![p(a.clone()), p(seq(1, 3))]));
        assert_eq!(dims(&r), vec![2, 1]);
        assert_eq!(*r.dbl_vec(), vec![22.0, 28.0]);
        let r = ok(call(&mut it, "%*%", vec![p(seq(1, 2)), p(seq(1, 2))]));
        assert_eq!((dims(&r), r.vtype()), (vec![1, 1], Some(VType::Dbl)));
        let ta = ok(call(
            &mut it,
            "matrix",
            vec![p(seq(1, 6)), p(Value::num(3.0))],
        ));
        let r = ok(call(&mut it, "%*%", vec![p(seq(1, 3)), p(ta)]));
        assert_eq!(*r.dbl_vec(), vec![14.0, 32.0]);
        let sq = ok(call(
            &mut it,
            "matrix",
            vec![p(seq(1, 4)), p(Value::num(2.0))],
        ));
        assert_eq!(
            msg(call(&mut it, "%*%", vec![p(sq), p(seq(1, 3))])),
            "non-conformable arguments"
        );
        let r = ok(call(&mut it, "crossprod", vec![p(seq(1, 3))]));
        assert_eq!(*r.dbl_vec(), vec![14.0]);
        let r = ok(call(&mut it, "tcrossprod", vec![p(seq(1, 2))]));
        assert_eq!(*r.dbl_vec(), vec![1.0, 2.0, 2.0, 4.0]);
        let mut x = Value::dbls(vec![1.0, 2.0]);
        x.set_attr(sym("names"), Value::strings(&["a", "b"]));
        let o = ok(call(
            &mut it,
            "outer",
            vec![p(x), p(seq(1, 3)), p(Value::str("+"))],
        ));
        assert_eq!(*o.dbl_vec(), vec![2.0, 3.0, 3.0, 4.0, 4.0, 5.0]);
        assert_eq!(strs(&dimnames_parts(&o)[0]), vec!["a", "b"]);
        let o = ok(call(&mut it, "%o%", vec![p(seq(1, 2)), p(seq(1, 3))]));
        assert_eq!((dims(&o), o.vtype()), (vec![2, 3], Some(VType::Dbl)));
    }

    #[test]
    fn diag_solve_det() {
        let mut it = Interp::new();
        let d = ok(call(&mut it, "diag", vec![p(Value::num(2.0))]));
        assert_eq!((*d.dbl_vec()).clone(), vec![1.0, 0.0, 0.0, 1.0]);
        let d = ok(call(&mut it, "diag", vec![p(seq(1, 3))]));
        assert_eq!((dims(&d), d.vtype()), (vec![3, 3], Some(VType::Int)));
        let d = ok(call(
            &mut it,
            "diag",
            vec![p(Value::num(2.0)), p(Value::num(2.0)), p(Value::num(3.0))],
        ));
        assert_eq!(*d.dbl_vec(), vec![2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let mut m = ok(call(
            &mut it,
            "matrix",
            vec![p(seq(1, 4)), p(Value::num(2.0))],
        ));
        let ab = Some(vec![Some("a".into()), Some("b".into())]);
        set_dimnames_parts(&mut m, vec![ab.clone(), ab], None);
        let g = ok(call(&mut it, "diag", vec![p(m.clone())]));
        assert_eq!((*g.int_vec()).clone(), vec![1, 4]);
        assert_eq!(strs(&g.names()), vec!["a", "b"]);
        let s = ok(call(
            &mut it,
            "diag<-",
            vec![p(m.clone()), n("value", Value::num(9.0))],
        ));
        assert_eq!((*s.dbl_vec()).clone(), vec![9.0, 2.0, 3.0, 9.0]);
        assert_eq!(s.vtype(), Some(VType::Dbl));
        let det = ok(call(&mut it, "det", vec![p(m)]));
        assert_eq!(det.as_f64(), Some(-2.0));
        let a = ok(call(
            &mut it,
            "matrix",
            vec![p(Value::dbls(vec![2.0, 1.0, 1.0, 3.0])), p(Value::num(2.0))],
        ));
        let x = ok(call(
            &mut it,
            "solve",
            vec![p(a.clone()), p(Value::dbls(vec![1.0, 2.0]))],
        ));
        assert!(x.dim().is_none());
        let xv = x.dbl_vec();
        assert!((xv[0] - 0.2).abs() < 1e-15 && (xv[1] - 0.6).abs() < 1e-15);
        let inv = ok(call(&mut it, "solve", vec![p(a)]));
        assert_eq!(dims(&inv), vec![2, 2]);
        let rect = ok(call(
            &mut it,
            "matrix",
            vec![p(seq(1, 6)), p(Value::num(2.0))],
        ));
        assert_eq!(
            msg(call(&mut it, "solve", vec![p(rect.clone())])),
            "'a' (2 x 3) must be square"
        );
        assert_eq!(
            msg(call(&mut it, "det", vec![p(rect)])),
            "'x' must be a square matrix"
        );
        let sing = ok(call(
            &mut it,
            "matrix",
            vec![p(Value::dbls(vec![1.0, 2.0, 2.0, 4.0])), p(Value::num(2.0))],
        ));
        assert_eq!(
            msg(call(&mut it, "solve", vec![p(sing)])),
            "Lapack routine dgesv: system is exactly singular: U[2,2] = 0"
        );
        let i2 = ok(call(&mut it, "diag", vec![p(Value::num(2.0))]));
        assert_eq!(
            msg(call(&mut it, "solve", vec![p(i2), p(seq(1, 3))])),
            "'b' (3 x 1) must be compatible with 'a' (2 x 2)"
        );
        let pd = ok(call(
            &mut it,
            "matrix",
            vec![p(Value::dbls(vec![4.0, 2.0, 2.0, 3.0])), p(Value::num(2.0))],
        ));
        let r = ok(call(&mut it, "chol", vec![p(pd)]));
        assert_eq!(r.dbl_vec()[1], 0.0);
        let i2 = ok(call(&mut it, "diag", vec![p(Value::num(2.0))]));
        let dt = ok(call(&mut it, "determinant", vec![p(i2)]));
        assert!(dt.inherits("det"));
    }

    #[test]
    fn apply_and_summaries() {
        let mut it = Interp::new();
        let mut m = ok(call(
            &mut it,
            "matrix",
            vec![p(seq(1, 6)), p(Value::num(2.0))],
        ));
        set_dimnames_parts(
            &mut m,
            vec![Some(vec![Some("a".into()), Some("b".into())]), None],
            None,
        );
        let f = ok(crate::builtins::apply::as_function(
            &mut it,
            &Value::str("length"),
        ));
        let r = ok(call(
            &mut it,
            "apply",
            vec![p(m.clone()), p(Value::num(1.0)), p(f)],
        ));
        assert_eq!((*r.int_vec()).clone(), vec![3, 3]);
        assert_eq!(strs(&r.names()), vec!["a", "b"]);
        let f = ok(crate::builtins::apply::as_function(
            &mut it,
            &Value::str("c"),
        ));
        let r = ok(call(
            &mut it,
            "apply",
            vec![p(m.clone()), p(Value::num(2.0)), p(f.clone())],
        ));
        assert_eq!(dims(&r), vec![2, 3]);
        assert_eq!((*r.int_vec()).clone(), vec![1, 2, 3, 4, 5, 6]);
        assert_eq!(strs(&dimnames_parts(&r)[0]), vec!["a", "b"]);
        let r = ok(call(
            &mut it,
            "apply",
            vec![p(m.clone()), p(Value::ints(vec![1, 2])), p(f)],
        ));
        assert_eq!(dims(&r), vec![2, 3]);
        let rs = ok(call(&mut it, "rowSums", vec![p(m.clone())]));
        assert_eq!((*rs.dbl_vec()).clone(), vec![9.0, 12.0]);
        assert_eq!(strs(&rs.names()), vec!["a", "b"]);
        let cs = ok(call(&mut it, "colMeans", vec![p(m.clone())]));
        assert_eq!((*cs.dbl_vec()).clone(), vec![1.5, 3.5, 5.5]);
        assert!(cs.names().is_none());
        let na = ok(call(
            &mut it,
            "matrix",
            vec![
                p(Value::dbls(vec![1.0, crate::value::na_real(), 3.0, 4.0])),
                p(Value::num(2.0)),
            ],
        ));
        let rm = ok(call(
            &mut it,
            "rowMeans",
            vec![p(na), n("na.rm", Value::lgl(true))],
        ));
        assert_eq!((*rm.dbl_vec()).clone(), vec![2.0, 4.0]);
        assert_eq!(
            msg(call(&mut it, "rowSums", vec![p(seq(1, 3))])),
            "'x' must be an array of at least two dimensions"
        );
        let rn = ok(call(&mut it, "rownames", vec![p(m.clone())]));
        assert_eq!(
            rn.as_strings(),
            Some(vec!["a".to_string(), "b".to_string()])
        );
        assert!(ok(call(&mut it, "colnames", vec![p(m.clone())])).is_null());
        let m2 = ok(call(
            &mut it,
            "colnames<-",
            vec![p(m.clone()), n("value", Value::strings(&["x", "y", "z"]))],
        ));
        assert_eq!(strs(&dimnames_parts(&m2)[1]), vec!["x", "y", "z"]);
        assert_eq!(
            msg(call(
                &mut it,
                "rownames<-",
                vec![p(m.clone()), n("value", Value::strings(&["a", "b", "c"]))]
            )),
            "length of 'dimnames' [1] not equal to array extent"
        );
        assert_eq!(
            msg(call(
                &mut it,
                "rownames<-",
                vec![p(seq(1, 2)), n("value", Value::strings(&["a", "b"]))]
            )),
            "attempt to set 'rownames' on an object with no dimensions"
        );
        let lt = ok(call(&mut it, "lower.tri", vec![p(m.clone())]));
        assert_eq!(*lt.lgl_vec(), vec![0, 1, 0, 0, 0, 0]);
        let ap = ok(call(&mut it, "aperm", vec![p(m.clone())]));
        assert_eq!(*ap.int_vec(), vec![1, 3, 5, 2, 4, 6]);
        assert_eq!(strs(&dimnames_parts(&ap)[1]), vec!["a", "b"]);
        let r = ok(call(&mut it, "row", vec![p(m.clone())]));
        assert_eq!(*r.int_vec(), vec![1, 2, 1, 2, 1, 2]);
        let sw = ok(call(
            &mut it,
            "sweep",
            vec![
                p(m),
                p(Value::num(2.0)),
                p(Value::dbls(vec![1.0, 3.0, 5.0])),
            ],
        ));
        assert_eq!(*sw.dbl_vec(), vec![0.0, 1.0, 0.0, 1.0, 0.0, 1.0]);
    }
}
