//! Matrix builtins over the dense kernels of `crate::stats::linalg` (nalgebra matrices,
//! converted here at the boundary): `%*%`, `crossprod`, `tcrossprod`, `diag`, `det`,
//! `determinant`, `solve` and `chol` (registered in `matrix::BUILTINS`), and this file's
//! own table: `chol2inv`, `backsolve`, `forwardsolve`, `kronecker`/`%x%`, `isSymmetric`.

use crate::builtins::base::matrix::{
    dimnames_parts, flag, get_count, make_matrix, plain_data, recycle, set_dimnames_parts, sym,
};
use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::linalg::*;
use crate::value::{Data, RStr, VType, Value};
use std::rc::Rc;

/// This file's own builtins (the older ones are in `matrix::BUILTINS`).
pub const BUILTINS: &[Builtin] = &[
    declared("chol2inv", chol2inv_fn),
    declared("backsolve", backsolve),
    declared("forwardsolve", forwardsolve),
    declared("kronecker", kronecker),
    eager("%x%", kronecker_op),
    declared("isSymmetric", is_symmetric),
];

/// Help entries for this file's builtins.
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("chol2inv", "chol2inv(x, size = NCOL(x), LINPACK = FALSE)",
            "Inverts a symmetric positive-definite matrix from its Cholesky factor: the upper triangle of the \
             leading size by size block of x is R, and the result is solve(t(R) %*% R)."),
        doc("backsolve", "backsolve(r, x, k = ncol(r), upper.tri = TRUE, transpose = FALSE)",
            "Solves the triangular system r %*% y = x (t(r) %*% y = x with transpose = TRUE) using the leading \
             k by k block of r, upper triangular by default."),
        doc("forwardsolve", "forwardsolve(l, x, k = ncol(l), upper.tri = FALSE, transpose = FALSE)",
            "Solves the lower-triangular system l %*% y = x (like backsolve with upper.tri = FALSE)."),
        doc("kronecker", "kronecker(X, Y, FUN = \"*\", make.dimnames = FALSE, ...)",
            "The Kronecker product of two matrices (or vectors): the block matrix whose block (i, j) is \
             FUN(X[i, j], Y)."),
        doc("%x%", "X %x% Y", "The Kronecker product, kronecker(X, Y)."),
        doc("isSymmetric", "isSymmetric(object, tol = 100 * .Machine$double.eps, ...)",
            "TRUE when object is a square matrix equal to its transpose up to the relative tolerance tol \
             (as all.equal measures it) and with matching row and column names."),
    ]
};

// ---------------------------------------------------------------------------------------
// conversions

/// A numeric (logical, integer or double) vector's values, or R's error.
pub(crate) fn numeric_mat(x: &Value, what: &str) -> EvalResult<Vec<f64>> {
    match x.vtype() {
        Some(VType::Lgl | VType::Int | VType::Dbl) => Ok(x.dbl_vec().to_vec()),
        _ => err(format!(
            "requires numeric/complex matrix/vector arguments{}",
            what
        )),
    }
}

/// Row and column names of a matrix value.
pub(crate) type Dimnames = Vec<Option<Vec<RStr>>>;

/// `x` as a matrix (a vector becomes one column), with its dimnames.
pub(crate) fn mat_of(x: &Value) -> EvalResult<(Mat, Dimnames)> {
    let v = numeric_mat(x, "")?;
    Ok(as_mat(x, v))
}

/// `x` as a matrix, or `msg` as the error when it is not numeric.
pub(crate) fn numeric_matrix(x: &Value, msg: &str) -> EvalResult<(Mat, Dimnames)> {
    match x.vtype() {
        Some(VType::Lgl | VType::Int | VType::Dbl) => Ok(as_mat(x, x.dbl_vec().to_vec())),
        _ => err(msg.to_string()),
    }
}

fn as_mat(x: &Value, v: Vec<f64>) -> (Mat, Dimnames) {
    match x.dim() {
        Some(d) if d.len() == 2 => (mat(d[0], d[1], v), dimnames_parts(x)),
        _ => {
            let n = v.len();
            (mat(n, 1, v), vec![x.names(), None])
        }
    }
}

/// A double matrix value with the given row and column names.
pub(crate) fn mat_value(m: Mat, rn: Option<Vec<RStr>>, cn: Option<Vec<RStr>>) -> Value {
    let (nr, nc) = m.shape();
    let mut v = make_matrix(Data::Dbl(Rc::new(into_vec(m))), nr, nc);
    set_dimnames_parts(&mut v, vec![rn, cn], None);
    v
}

/// Checks that a result of `n` doubles may be allocated (R's error otherwise).
pub(crate) fn check_alloc(n: f64) -> EvalResult<()> {
    crate::value::alloc::check(n, 8)?;
    Ok(())
}

/// R's error for NA, NaN or infinite entries.
pub(crate) fn check_finite(m: &Mat) -> EvalResult<()> {
    if m.iter().any(|v| !v.is_finite()) {
        return err("infinite or missing values in 'x'");
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// products

/// `x %*% y` with R's promotion of vectors to row or column matrices.
pub fn matprod_values(it: &mut Interp, x: &Value, y: &Value) -> EvalResult {
    if x.vtype() == Some(VType::Cplx) || y.vtype() == Some(VType::Cplx) {
        return crate::builtins::base::complex::matprod(x, y);
    }
    let xv = numeric_mat(x, "")?;
    let yv = numeric_mat(y, "")?;
    let xd = x.dim().filter(|d| d.len() == 2);
    let yd = y.dim().filter(|d| d.len() == 2);
    let ((ar, ac), (br, bc)) = match (xd.clone(), yd.clone()) {
        (Some(xd), Some(yd)) => ((xd[0], xd[1]), (yd[0], yd[1])),
        (None, Some(yd)) => {
            let n = xv.len();
            if n == yd[0] {
                ((1, n), (yd[0], yd[1]))
            } else {
                ((n, 1), (yd[0], yd[1]))
            }
        }
        (Some(xd), None) => {
            let n = yv.len();
            if n == xd[1] {
                ((xd[0], xd[1]), (n, 1))
            } else {
                ((xd[0], xd[1]), (1, n))
            }
        }
        (None, None) => {
            let (n, k) = (xv.len(), yv.len());
            if n == k {
                ((1, n), (k, 1))
            } else if n == 1 {
                ((1, 1), (1, k))
            } else {
                ((n, 1), (1, k))
            }
        }
    };
    if ac != br {
        return err("non-conformable arguments");
    }
    let rn = if xd.is_some() {
        dimnames_parts(x)[0].clone()
    } else {
        None
    };
    let cn = if yd.is_some() {
        dimnames_parts(y)[1].clone()
    } else {
        None
    };
    check_alloc(ar as f64 * bc as f64)?;
    let (a, b) = (mat(ar, ac, xv), mat(br, bc, yv));
    let work = ar as f64 * ac as f64 * bc as f64;
    Ok(mat_value(it.run_stoppable(work, move || matmul(&a, &b))?, rn, cn))
}

/// The `matprod` builtin (see R's documentation).
pub fn matprod(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "y"])?;
    matprod_values(it, m.req("x")?, m.req("y")?)
}

fn cross(it: &mut Interp, a: Args, trans: bool) -> EvalResult {
    let m = a.matched(&["x", "y"])?;
    let x = m.req("x")?.clone();
    let y = m
        .get("y")
        .filter(|v| !v.is_null())
        .cloned()
        .unwrap_or_else(|| x.clone());
    let (x, y) = vector_shapes(x, y, trans);
    let (a, an) = mat_of(&x)?;
    let (b, bn) = mat_of(&y)?;
    // the names that survive: row names for tcrossprod, column names for crossprod
    let (oa, ob, k) = if trans {
        (Op::N, Op::T, 1)
    } else {
        (Op::T, Op::N, 0)
    };
    let (ai, bi) = if trans { (a.ncols(), b.ncols()) } else { (a.nrows(), b.nrows()) };
    if ai != bi {
        return err("non-conformable arguments");
    }
    let (p, q) = if trans { (a.nrows(), b.nrows()) } else { (a.ncols(), b.ncols()) };
    check_alloc(p as f64 * q as f64)?;
    let work = p as f64 * q as f64 * ai as f64;
    let r = it.run_stoppable(work, move || gemm(&a, oa, &b, ob))?;
    Ok(mat_value(r, an[1 - k].clone(), bn[1 - k].clone()))
}

/// A plain vector beside a matrix in (t)crossprod is a column, except as R shapes it into
/// a row: the first operand of tcrossprod when its length is the matrix's column count,
/// the second when the matrix has one row and the length differs.
fn vector_shapes(x: Value, y: Value, trans: bool) -> (Value, Value) {
    let dims = |v: &Value| v.dim().filter(|d| d.len() == 2).map(|d| (d[0], d[1]));
    let row = |v: Value| {
        let mut v = v;
        let n = v.len() as i32;
        v.set_attr(sym("dim"), Value::ints(vec![1, n]));
        v.set_attr(sym("names"), Value::Null);
        v
    };
    match (dims(&x), dims(&y)) {
        (None, Some((_, nc))) if trans && x.len() == nc => (row(x), y),
        (Some((1, _)), None) if y.len() != 1 => (x, row(y)),
        _ => (x, y),
    }
}

/// The `crossprod` builtin: `t(x) %*% y` without forming the transpose.
pub fn crossprod(it: &mut Interp, a: Args) -> EvalResult {
    cross(it, a, false)
}

/// The `tcrossprod` builtin: `x %*% t(y)` without forming the transpose.
pub fn tcrossprod(it: &mut Interp, a: Args) -> EvalResult {
    cross(it, a, true)
}

// ---------------------------------------------------------------------------------------
// diag
/// The `diag` builtin (see R's documentation).
pub fn diag(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "nrow", "ncol", "names"])?;
    let x = m.get("x").cloned();
    if let Some(x) = &x {
        if let Some(d) = x.dim().filter(|d| d.len() == 2) {
            let (nr, nc) = (d[0], d[1]);
            let k = nr.min(nc);
            let data = x
                .data()
                .map(|dd| dd.select(&(0..k).map(|i| Some(i * nr + i)).collect::<Vec<_>>()));
            let mut v = Value::from_data(data.unwrap_or(Data::empty(VType::Dbl)));
            if flag(m.get("names"), true) {
                let p = dimnames_parts(x);
                if let (Some(r), Some(c)) = (&p[0], &p[1]) {
                    if r[..k] == c[..k] {
                        v.set_attr(sym("names"), Value::strs(r[..k].to_vec()));
                    }
                }
            }
            return Ok(v);
        }
        if x.dim().is_some() {
            return err("'x' is an array, but not one-dimensional.");
        }
    }
    let nrow = get_count(m.get("nrow"), "nrow")?;
    let ncol = get_count(m.get("ncol"), "ncol")?;
    let (vals, n) = match &x {
        None => (Data::Dbl(Rc::new(vec![1.0])), nrow.unwrap_or(0)),
        Some(x) if x.len() == 1 && nrow.is_none() && ncol.is_none() => {
            let n = x.as_f64().unwrap_or(0.0);
            if n.is_nan() || n < 0.0 {
                return err("invalid 'nrow' value (< 0)");
            }
            (Data::Dbl(Rc::new(vec![1.0])), n as usize)
        }
        Some(x) => (plain_data(x), x.len()),
    };
    let nr = nrow.unwrap_or(n);
    let nc = ncol.unwrap_or(nr);
    let t = match vals.vtype() {
        VType::Lgl | VType::Int | VType::Dbl => vals.vtype(),
        _ => return err("'x' must be numeric or logical"),
    };
    let k = nr.min(nc);
    crate::value::alloc::check_type(nr as f64 * nc as f64, t)?;
    let mut data = Data::with_len(t, nr * nc);
    if !vals.is_empty() {
        let diagv = recycle(&vals, k);
        data = match (data, diagv) {
            (Data::Dbl(mut o), Data::Dbl(s)) => {
                let o2 = Rc::make_mut(&mut o);
                for i in 0..k {
                    o2[i * nr + i] = s[i];
                }
                Data::Dbl(o)
            }
            (Data::Int(mut o), Data::Int(s)) | (Data::Lgl(mut o), Data::Lgl(s)) => {
                let o2 = Rc::make_mut(&mut o);
                for i in 0..k {
                    o2[i * nr + i] = s[i];
                }
                if t == VType::Lgl {
                    Data::Lgl(o)
                } else {
                    Data::Int(o)
                }
            }
            (d, _) => d,
        };
    }
    Ok(make_matrix(data, nr, nc))
}

/// The `set_diag` builtin (see R's documentation).
pub fn set_diag(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "value"])?;
    let x = m.req("x")?.clone();
    let val = m.req("value")?.clone();
    let Some(d) = x.dim().filter(|d| d.len() == 2) else {
        return err("only matrix diagonals can be replaced");
    };
    let (nr, nc) = (d[0], d[1]);
    let k = nr.min(nc);
    if val.len() != 1 && val.len() != k {
        return err("replacement diagonal has wrong length");
    }
    let t = x
        .vtype()
        .unwrap_or(VType::Lgl)
        .max(val.vtype().unwrap_or(VType::Lgl));
    let mut out = x.coerce(t);
    let Some(vd) = val.data().map(|d| recycle(&d.coerce(t), k)) else {
        return err("invalid replacement value");
    };
    if let Value::Vector(v) = &mut out {
        let idx: Vec<usize> = (0..k).map(|i| i * nr + i).collect();
        match (&mut v.data, &vd) {
            (Data::Dbl(o), Data::Dbl(s)) => idx
                .iter()
                .zip(s.iter())
                .for_each(|(&i, &x)| Rc::make_mut(o)[i] = x),
            (Data::Int(o), Data::Int(s)) | (Data::Lgl(o), Data::Lgl(s)) => idx
                .iter()
                .zip(s.iter())
                .for_each(|(&i, &x)| Rc::make_mut(o)[i] = x),
            (Data::Str(o), Data::Str(s)) => idx
                .iter()
                .zip(s.iter())
                .for_each(|(&i, x)| Rc::make_mut(o)[i] = x.clone()),
            (Data::List(o), Data::List(s)) => idx
                .iter()
                .zip(s.iter())
                .for_each(|(&i, x)| Rc::make_mut(o)[i] = x.clone()),
            _ => {}
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// det, solve, chol

fn square(x: &Value, msg: &str) -> EvalResult<(Mat, Dimnames)> {
    let (m, dn) = mat_of(x)?;
    if x.dim().map(|d| d.len() != 2).unwrap_or(true) || m.nrows() != m.ncols() {
        return err(msg.to_string());
    }
    Ok((m, dn))
}

fn determinant_core(x: &Value, log: bool) -> EvalResult<(f64, i32)> {
    let (m, _) = square(x, "'x' must be a square matrix")?;
    let (modulus, sign) = if m.nrows() == 0 { (0.0, 1) } else { lu(&m).log_det() };
    Ok((if log { modulus } else { modulus.exp() }, sign))
}

/// The `det` builtin (see R's documentation).
pub fn det(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "..."])?;
    let (modulus, sign) = determinant_core(m.req("x")?, true)?;
    Ok(Value::num(sign as f64 * modulus.exp()))
}

/// The `determinant` builtin (see R's documentation).
pub fn determinant(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "logarithm", "..."])?;
    let log = flag(m.get("logarithm"), true);
    let (modulus, sign) = determinant_core(m.req("x")?, log)?;
    let mut md = Value::num(modulus);
    md.set_attr(sym("logarithm"), Value::lgl(log));
    let mut out = Value::named_list(vec![
        ("modulus".into(), md),
        ("sign".into(), Value::int(sign)),
    ]);
    out.set_attr(sym("class"), Value::str("det"));
    Ok(out)
}

/// The `solve` builtin (see R's documentation); a `qr` object solves through `qr.coef`.
pub fn r_solve(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["a", "b", "tol", "..."])?;
    let av = m.req("a")?.clone();
    if av.inherits("qr") {
        return crate::builtins::base::qr::solve_qr(it, &av, m.get("b"));
    }
    let (am, adn) = numeric_matrix(&av, "'a' must be a numeric matrix")?;
    let (nr, nc) = am.shape();
    if av.dim().is_none() && nr == 1 {
        // a scalar
    } else if nr != nc {
        return err(format!("'a' ({} x {}) must be square", nr, nc));
    }
    let tol = m
        .get("tol")
        .and_then(|t| t.as_f64())
        .unwrap_or(f64::EPSILON);
    let (b, bdn, bvec) = match m.get("b") {
        None => {
            check_alloc(nr as f64 * nr as f64)?;
            (
                Mat::identity(nr, nr),
                vec![adn.first().cloned().flatten(), None],
                false,
            )
        }
        Some(b) => {
            let (bm, bdn) = numeric_matrix(b, "'b' must be a numeric matrix")?;
            let isvec = b.dim().is_none();
            if bm.nrows() != nr {
                return err(format!(
                    "'b' ({} x {}) must be compatible with 'a' ({} x {})",
                    bm.nrows(),
                    bm.ncols(),
                    nr,
                    nc
                ));
            }
            (bm, bdn, isvec)
        }
    };
    let work = nr as f64 * nr as f64 * (nr + b.ncols()) as f64;
    let x = it.run_stoppable(work, move || solve_mat(&am, &b, tol))?.or_else(err)?;
    let rn = adn.get(1).cloned().flatten();
    if bvec {
        let mut v = Value::dbls(into_vec(x));
        if let Some(n) = rn {
            v.set_attr(sym("names"), Value::strs(n));
        }
        return Ok(v);
    }
    let cn = if m.has("b") {
        bdn[1].clone()
    } else {
        bdn[0].clone()
    };
    Ok(mat_value(x, rn, cn))
}

/// The `chol` builtin: `chol(x, pivot = FALSE, LINPACK = FALSE, tol = -1, ...)`.
pub fn r_chol(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "pivot", "LINPACK", "tol", "..."])?;
    let x = m.req("x")?;
    let (mm, dn) = if x.dim().is_none() && x.len() == 1 {
        mat_of(x)?
    } else {
        square(x, "'a' must be a square matrix")?
    };
    if flag(m.get("pivot"), false) {
        let tol = m.get("tol").and_then(|t| t.as_f64()).unwrap_or(-1.0);
        let (r, piv, rank) = chol_pivot(&mm, tol);
        if rank < mm.nrows() {
            it.warning("the matrix is either rank-deficient or indefinite");
        }
        let mut v = mat_value(r, dn[0].clone(), dn[1].clone());
        v.set_attr(
            sym("pivot"),
            Value::ints(piv.iter().map(|&p| p as i32 + 1).collect()),
        );
        v.set_attr(sym("rank"), Value::int(rank as i32));
        return Ok(v);
    }
    let r = chol_mat(&mm).or_else(err)?;
    Ok(mat_value(r, dn[0].clone(), dn[1].clone()))
}

fn chol2inv_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let (r, _) = numeric_matrix(x, "'a' must be a numeric matrix")?;
    let size = match m.get("size") {
        Some(s) => {
            let v = s.as_f64().unwrap_or(f64::NAN);
            if v.is_nan() || v < 0.0 {
                return err("invalid 'size' argument in 'chol2inv'");
            }
            v as usize
        }
        None => r.ncols(),
    };
    if size > r.ncols() {
        return err(format!("'size' cannot exceed ncol(x) = {}", r.ncols()));
    }
    if size > r.nrows() {
        return err(format!("'size' cannot exceed nrow(x) = {}", r.nrows()));
    }
    let inv = chol2inv(&r, size).or_else(err)?;
    Ok(mat_value(inv, None, None))
}

fn tri_solve_builtin(m: &Matched, rname: &str, upper_default: bool) -> EvalResult {
    let r = m.req(rname)?;
    let (rm, _) = numeric_matrix(r, "'r' must be a numeric matrix")?;
    let xv = m.req("x")?;
    let (xm, _) = numeric_matrix(xv, "'x' must be a numeric matrix")?;
    let k = match m.get("k") {
        Some(k) => k.as_f64().unwrap_or(f64::NAN),
        None => rm.ncols() as f64,
    };
    if k.is_nan() || k <= 0.0 || k as usize > rm.nrows() || k as usize > rm.ncols() || k as usize > xm.nrows() {
        return err("invalid 'k' argument");
    }
    let k = k as usize;
    let upper = flag(m.get("upper.tri"), upper_default);
    let trans = flag(m.get("transpose"), false);
    let b = xm.rows(0, k).into_owned();
    let sol = tri_solve(&rm, k, upper, trans, &b).or_else(err)?;
    if xv.dim().is_none() {
        return Ok(Value::dbls(into_vec(sol)));
    }
    Ok(mat_value(sol, None, None))
}

fn backsolve(_it: &mut Interp, m: Matched) -> EvalResult {
    tri_solve_builtin(&m, "r", true)
}

fn forwardsolve(_it: &mut Interp, m: Matched) -> EvalResult {
    tri_solve_builtin(&m, "l", false)
}

// ---------------------------------------------------------------------------------------
// kronecker, isSymmetric

/// Dimensions of `x` as a matrix (a vector is a column) and whether it had a dim.
fn mat_dims(x: &Value) -> ((usize, usize), bool) {
    match x.dim() {
        Some(d) if d.len() == 2 => ((d[0], d[1]), true),
        Some(d) if d.len() == 1 => ((d[0], 1), false),
        _ => ((x.len(), 1), false),
    }
}

fn kronecker_values(it: &mut Interp, x: &Value, y: &Value, f: &Value, extra: &[crate::eval::call::ArgVal]) -> EvalResult {
    let ((r1, c1), xm) = mat_dims(x);
    let ((r2, c2), ym) = mat_dims(y);
    let (nr, nc) = (r1 * r2, c1 * c2);
    check_alloc(nr as f64 * nc as f64)?;
    // the element pairs of each result cell, in column-major order of the result
    let mut xi = Vec::with_capacity(nr * nc);
    let mut yi = Vec::with_capacity(nr * nc);
    for j in 0..nc {
        let (j1, j2) = (j / c2, j % c2);
        for i in 0..nr {
            let (i1, i2) = (i / r2, i % r2);
            xi.push(Some(j1 * r1 + i1));
            yi.push(Some(j2 * r2 + i2));
        }
    }
    let strip = |v: &Value| {
        let mut v = v.clone();
        v.clear_attrs();
        v
    };
    let (xs, ys) = (strip(x), strip(y));
    let pick = |v: &Value, idx: &[Option<usize>]| {
        Value::from_data(
            v.data()
                .map(|d| d.select(idx))
                .unwrap_or(Data::empty(VType::Lgl)),
        )
    };
    let (xe, ye) = (pick(&xs, &xi), pick(&ys, &yi));
    let mut out = crate::builtins::base::arrays::call_binary(it, f, xe, ye, extra)?;
    if out.len() != nr * nc {
        return err(format!(
            "dims [product {}] do not match the length of object [{}]",
            nr * nc,
            out.len()
        ));
    }
    if xm || ym {
        out.set_attr(sym("dim"), Value::ints(vec![nr as i32, nc as i32]));
    }
    Ok(out)
}

fn kronecker(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("X")?.clone();
    let y = m.req("Y")?.clone();
    let f = m.get("FUN").cloned().unwrap_or_else(|| Value::str("*"));
    let mut out = kronecker_values(it, &x, &y, &f, &m.dots)?;
    let make = m.get("make.dimnames").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    if make && out.dim().is_some() {
        if let Some(dn) = kronecker_dimnames(&x, &y) {
            out.set_attr(sym("dimnames"), dn);
        }
    }
    Ok(out)
}

/// `make.dimnames = TRUE`: each result dimension is named "xname:yname" (y varying
/// fastest), a missing name counting as "".
fn kronecker_dimnames(x: &Value, y: &Value) -> Option<Value> {
    let names = |v: &Value| -> Option<Vec<Option<Vec<String>>>> {
        let dn = v.get_attr("dimnames")?;
        Some(dn.list_vec().iter().map(|d| (!d.is_null()).then(|| {
            d.str_vec().iter().map(|s| s.as_deref().unwrap_or("NA").to_string()).collect()
        })).collect())
    };
    let (dx, dy) = (names(x), names(y));
    if dx.is_none() && dy.is_none() {
        return None;
    }
    let ((r1, c1), _) = mat_dims(x);
    let ((r2, c2), _) = mat_dims(y);
    let side = |d: &Option<Vec<Option<Vec<String>>>>, k: usize, n: usize| -> Vec<String> {
        d.as_ref().and_then(|d| d.get(k).cloned().flatten()).unwrap_or_else(|| vec![String::new(); n])
    };
    let pasted = |a: Vec<String>, b: Vec<String>| -> Value {
        let v: Vec<String> = a.iter().flat_map(|p| b.iter().map(move |q| format!("{}:{}", p, q))).collect();
        Value::strings(&v)
    };
    Some(Value::list(vec![
        pasted(side(&dx, 0, r1), side(&dy, 0, r2)),
        pasted(side(&dx, 1, c1), side(&dy, 1, c2)),
    ]))
}

fn kronecker_op(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["X", "Y"])?;
    let x = m.req("X")?.clone();
    let y = m.req("Y")?.clone();
    kronecker_values(it, &x, &y, &Value::str("*"), &[])
}

/// `isSymmetric(x, tol)` for a matrix value: square, names matching, and `x` equal to
/// `t(x)` as `all.equal` measures it (mean relative difference at most `tol`).
pub(crate) fn symmetric_value(x: &Value, tol: f64) -> bool {
    let Some(d) = x.dim().filter(|d| d.len() == 2) else {
        return false;
    };
    if d[0] != d[1] {
        return false;
    }
    let n = d[0];
    let dn = dimnames_parts(x);
    if dn[0] != dn[1] {
        return false;
    }
    match x.vtype() {
        Some(VType::Lgl | VType::Int | VType::Dbl) => {
            let v = x.dbl_vec();
            let (mut diff, mut tot, mut cnt) = (0.0, 0.0, 0usize);
            for j in 0..n {
                for i in 0..n {
                    let (a, b) = (v[j * n + i], v[i * n + j]);
                    if a.is_nan() != b.is_nan() {
                        return false;
                    }
                    if a.is_nan() {
                        continue;
                    }
                    cnt += 1;
                    tot += a.abs();
                    diff += (a - b).abs();
                }
            }
            if cnt == 0 {
                return true;
            }
            let (diff, tot) = (diff / cnt as f64, tot / cnt as f64);
            let rel = if tot.is_finite() && tot > tol { diff / tot } else { diff };
            !rel.is_nan() && rel <= tol
        }
        Some(VType::Str) => {
            let v = x.str_vec();
            (0..n).all(|j| (0..n).all(|i| v[j * n + i] == v[i * n + j]))
        }
        _ => false,
    }
}

fn is_symmetric(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("object")?;
    let tol = m
        .get("tol")
        .and_then(|t| t.as_f64())
        .unwrap_or(100.0 * f64::EPSILON);
    Ok(Value::lgl(symmetric_value(x, tol)))
}
