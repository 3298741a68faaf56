//! R's `qr` family: `qr()` returns R's object (`qr`, `rank`, `qraux`, `pivot`, class
//! "qr"), on LINPACK's `dqrdc2` (`crate::stats::qr`, R's default, with its limited pivoting)
//! or with `LAPACK = TRUE` on the norm-pivoted Householder QR of `crate::stats::decomp`
//! (attribute `useLAPACK`); and `qr.Q`, `qr.R`, `qr.X`, `qr.coef`, `qr.qy`, `qr.qty`,
//! `qr.fitted`, `qr.resid`, `qr.solve`, `is.qr`, and `solve()` of a `qr` object.

use crate::builtins::base::linalg::{check_alloc, mat_value, numeric_matrix, Dimnames};
use crate::builtins::base::matrix::{flag, sym};
use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::decomp::{geqp3, house_apply};
use crate::stats::linalg::{into_vec, mat, tri_solve, Mat};
use crate::stats::qr::{dqrdc2, Qr};
use crate::value::fields::field;
use crate::value::{RStr, Value};

/// The qr family's builtins.
pub const BUILTINS: &[Builtin] = &[
    declared("qr", qr_fn),
    declared("qr.Q", qr_q),
    declared("qr.R", qr_r),
    declared("qr.X", qr_x),
    declared("qr.coef", qr_coef_fn),
    declared("qr.qy", qr_qy),
    declared("qr.qty", qr_qty),
    declared("qr.fitted", qr_fitted),
    declared("qr.resid", qr_resid),
    declared("qr.solve", qr_solve),
    declared("is.qr", is_qr),
];

/// Help entries for the qr family.
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("qr", "qr(x, tol = 1e-07, LAPACK = FALSE, ...)",
            "The QR decomposition of a matrix, as R's qr object: a list of the compact factor qr, the rank, \
             qraux and the column pivot. By default LINPACK's method with limited pivoting (columns whose \
             remaining norm falls below tol move to the end); LAPACK = TRUE pivots on column norms and gives \
             rank min(dim(x))."),
        doc("qr.Q", "qr.Q(qr, complete = FALSE, Dvec)",
            "The orthogonal factor Q of a qr object (n by min(n, p), or n by n with complete = TRUE)."),
        doc("qr.R", "qr.R(qr, complete = FALSE)", "The upper-triangular factor R of a qr object."),
        doc("qr.X", "qr.X(qr, complete = FALSE, ncol)", "Reconstructs the original matrix from a qr object."),
        doc("qr.coef", "qr.coef(qr, y)",
            "Least-squares coefficients of y on the decomposed matrix; coefficients of aliased columns are NA."),
        doc("qr.qy", "qr.qy(qr, y)", "Q %*% y for the Q of a qr object."),
        doc("qr.qty", "qr.qty(qr, y)", "t(Q) %*% y for the Q of a qr object."),
        doc("qr.fitted", "qr.fitted(qr, y, k = qr$rank)", "The fitted values of the least-squares fit of y."),
        doc("qr.resid", "qr.resid(qr, y)", "The residuals of the least-squares fit of y."),
        doc("qr.solve", "qr.solve(a, b, tol = 1e-7)",
            "Solves a %*% x = b through the QR decomposition of a (least squares when a is not square); \
             with b missing, the inverse of a."),
        doc("is.qr", "is.qr(x)", "TRUE when x is a qr object."),
    ]
};

/// A `qr` object read back from its value.
enum QrObj {
    Linpack(Qr, Dimnames),
    Lapack { qr: Mat, tau: Vec<f64>, pivot: Vec<usize>, dn: Dimnames },
}

impl QrObj {
    fn of(v: &Value) -> EvalResult<QrObj> {
        if !v.inherits("qr") {
            return err("argument is not a QR decomposition");
        }
        let qv = field(v, "qr").unwrap_or(Value::Null);
        let (m, dn) = numeric_matrix(&qv, "invalid 'qr' argument")?;
        let (n, p) = m.shape();
        let qraux: Vec<f64> = field(v, "qraux").map(|x| x.dbl_vec().to_vec()).unwrap_or_default();
        let pivot: Vec<usize> = field(v, "pivot")
            .map(|x| x.int_vec().iter().map(|&k| (k.max(1) - 1) as usize).collect())
            .unwrap_or_else(|| (0..p).collect());
        let rank = field(v, "rank").and_then(|r| r.as_i32()).unwrap_or(0).max(0) as usize;
        if qraux.len() < n.min(p) || pivot.len() != p || pivot.iter().any(|&k| k >= p) {
            return err("invalid 'qr' argument");
        }
        if v.get_attr("useLAPACK").and_then(|a| a.as_bool().flatten()) == Some(true) {
            return Ok(QrObj::Lapack { qr: m, tau: qraux, pivot, dn });
        }
        let q = Qr { qr: into_vec(m), n, p, qraux, pivot, rank: rank.min(n).min(p) };
        Ok(QrObj::Linpack(q, dn))
    }
    fn shape(&self) -> (usize, usize) {
        match self {
            QrObj::Linpack(q, _) => (q.n, q.p),
            QrObj::Lapack { qr, .. } => qr.shape(),
        }
    }
    fn rank(&self) -> usize {
        match self {
            QrObj::Linpack(q, _) => q.rank,
            QrObj::Lapack { qr, .. } => qr.nrows().min(qr.ncols()),
        }
    }
    fn pivot(&self) -> &[usize] {
        match self {
            QrObj::Linpack(q, _) => &q.pivot,
            QrObj::Lapack { pivot, .. } => pivot,
        }
    }
    fn colnames(&self) -> Option<Vec<RStr>> {
        match self {
            QrObj::Linpack(_, dn) | QrObj::Lapack { dn, .. } => dn.get(1).cloned().flatten(),
        }
    }
    /// The compact factor as a matrix.
    fn compact(&self) -> Mat {
        match self {
            QrObj::Linpack(q, _) => mat(q.n, q.p, q.qr.clone()),
            QrObj::Lapack { qr, .. } => qr.clone(),
        }
    }
    /// `Q y` or `Q'y` on each column (LINPACK: the first `rank` reflections, as R's
    /// `dqrqy`/`dqrqty`; LAPACK: all of them).
    fn apply(&self, y: &mut Mat, trans: bool) {
        match self {
            QrObj::Linpack(q, _) => {
                let n = q.n;
                for c in 0..y.ncols() {
                    let col = &mut y.as_mut_slice()[c * n..(c + 1) * n];
                    if trans {
                        q.qty_k(col, q.rank);
                    } else {
                        q.qy_k(col, q.rank);
                    }
                }
            }
            QrObj::Lapack { qr, tau, .. } => house_apply(qr, tau, y, trans),
        }
    }
}

/// `y` as a matrix with `n` rows, and whether it was a matrix.
fn response(y: &Value, n: usize) -> EvalResult<(Mat, bool, Dimnames)> {
    let (m, dn) = numeric_matrix(y, "'y' must be numeric")?;
    if m.nrows() != n {
        return err("'qr' and 'y' must have the same number of rows");
    }
    Ok((m, y.dim().is_some(), dn))
}

/// A result with `y`'s shape: a vector when `y` was one.
fn like_y(m: Mat, ymat: bool, rn: Option<Vec<RStr>>, cn: Option<Vec<RStr>>) -> Value {
    if ymat {
        mat_value(m, rn, cn)
    } else {
        let mut v = Value::dbls(into_vec(m));
        if let Some(rn) = rn {
            v.set_attr(sym("names"), Value::strs(rn));
        }
        v
    }
}

fn qr_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    if x.inherits("qr") {
        return Ok(x.clone());
    }
    let (xm, dn) = numeric_matrix(x, "'x' must be a numeric matrix")?;
    if xm.iter().any(|v| !v.is_finite()) {
        return err("NA/NaN/Inf in foreign function call (arg 1)");
    }
    let (n, p) = xm.shape();
    check_alloc(n as f64 * p as f64)?;
    let cn = dn.get(1).cloned().flatten();
    let permuted = |piv: &[usize]| cn.as_ref().map(|c| piv.iter().map(|&k| c[k].clone()).collect::<Vec<_>>());
    let ints = |v: &[usize]| Value::ints(v.iter().map(|&k| k as i32 + 1).collect());
    let mut out = if flag(m.get("LAPACK"), false) {
        let h = geqp3(&xm);
        let qrm = mat_value(h.qr, dn[0].clone(), permuted(&h.pivot));
        let mut o = Value::named_list(vec![
            ("qr".into(), qrm),
            ("rank".into(), Value::int(n.min(p) as i32)),
            ("qraux".into(), Value::dbls(h.tau)),
            ("pivot".into(), ints(&h.pivot)),
        ]);
        o.set_attr(sym("useLAPACK"), Value::lgl(true));
        o
    } else {
        let tol = m.get("tol").and_then(|t| t.as_f64()).unwrap_or(1e-7);
        let q = dqrdc2(xm.as_slice(), n, p, tol);
        let qrm = mat_value(mat(n, p, q.qr), dn[0].clone(), permuted(&q.pivot));
        Value::named_list(vec![
            ("qr".into(), qrm),
            ("rank".into(), Value::int(q.rank as i32)),
            ("qraux".into(), Value::dbls(q.qraux)),
            ("pivot".into(), ints(&q.pivot)),
        ])
    };
    out.set_attr(sym("class"), Value::str("qr"));
    Ok(out)
}

/// `qr.coef(qr, y)` on a read-back object: coefficients in the original column order, NA
/// for the aliased ones.
fn coef_of(q: &QrObj, y: &Value) -> EvalResult {
    let (n, p) = q.shape();
    let (mut ym, ymat, ydn) = response(y, n)?;
    let k = q.rank();
    if let QrObj::Lapack { .. } = q {
        if n < p {
            return err("qr.coef(LAPACK) requires nrow >= ncol");
        }
    }
    q.apply(&mut ym, true);
    let r = q.compact();
    let ny = ym.ncols();
    let mut coef = Mat::from_element(p, ny, crate::value::na_real());
    if k > 0 {
        let b = tri_solve(&r, k, true, false, &ym.rows(0, k).into_owned())
            .or_else(|_| err("exact singularity in 'qr.coef'"))?;
        for (j, &orig) in q.pivot()[..k].iter().enumerate() {
            for c in 0..ny {
                coef[(orig, c)] = b[(j, c)];
            }
        }
    }
    // names in the original order
    let rn = q.colnames().map(|cn| {
        let mut out = cn.clone();
        for (j, &orig) in q.pivot().iter().enumerate() {
            out[orig] = cn[j].clone();
        }
        out
    });
    Ok(like_y(coef, ymat, rn, ydn.get(1).cloned().flatten()))
}

fn qr_coef_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let q = QrObj::of(m.req("qr")?)?;
    coef_of(&q, m.req("y")?)
}

fn qy_common(m: &Matched, trans: bool) -> EvalResult {
    let q = QrObj::of(m.req("qr")?)?;
    let (n, _) = q.shape();
    let (mut ym, ymat, ydn) = response(m.req("y")?, n)?;
    q.apply(&mut ym, trans);
    Ok(like_y(ym, ymat, None, ydn.get(1).cloned().flatten()))
}

fn qr_qy(_it: &mut Interp, m: Matched) -> EvalResult {
    qy_common(&m, false)
}

fn qr_qty(_it: &mut Interp, m: Matched) -> EvalResult {
    qy_common(&m, true)
}

/// Fitted values (`resid = false`) or residuals of the least-squares fit on the first `k`
/// columns (R's `dqrxb`/`dqrrsd`).
fn fit_parts(m: &Matched, resid: bool) -> EvalResult {
    let q = QrObj::of(m.req("qr")?)?;
    let QrObj::Linpack(f, _) = &q else {
        return err(if resid {
            "not supported for LAPACK QR"
        } else {
            "not valid for LAPACK QR"
        });
    };
    let (n, _) = q.shape();
    let (mut ym, ymat, ydn) = response(m.req("y")?, n)?;
    let k = match if resid { None } else { m.get("k") } {
        Some(k) => {
            let k = k.as_f64().unwrap_or(f64::NAN);
            if k.is_nan() || k < 0.0 || k as usize > f.rank {
                return err("invalid 'k' argument");
            }
            k as usize
        }
        _ => f.rank,
    };
    for c in 0..ym.ncols() {
        let col = &mut ym.as_mut_slice()[c * n..(c + 1) * n];
        f.qty_k(col, k);
        let range = if resid { 0..k.min(n) } else { k.min(n)..n };
        for v in &mut col[range] {
            *v = 0.0;
        }
        f.qy_k(col, k);
    }
    Ok(like_y(ym, ymat, None, ydn.get(1).cloned().flatten()))
}

fn qr_fitted(_it: &mut Interp, m: Matched) -> EvalResult {
    fit_parts(&m, false)
}

fn qr_resid(_it: &mut Interp, m: Matched) -> EvalResult {
    fit_parts(&m, true)
}

fn qr_r(_it: &mut Interp, m: Matched) -> EvalResult {
    let q = QrObj::of(m.req("qr")?)?;
    let (n, p) = q.shape();
    let rows = if flag(m.get("complete"), false) { n } else { n.min(p) };
    let c = q.compact();
    let r = Mat::from_fn(rows, p, |i, j| if i <= j { c[(i, j)] } else { 0.0 });
    Ok(mat_value(r, None, q.colnames()))
}

/// `Q %*% diag(dvec)` restricted to `cols` columns.
fn q_matrix(q: &QrObj, cols: usize, dvec: Option<&[f64]>) -> Mat {
    let (n, _) = q.shape();
    let mut d = Mat::zeros(n, cols);
    for i in 0..n.min(cols) {
        d[(i, i)] = dvec.map(|v| v[i % v.len().max(1)]).unwrap_or(1.0);
    }
    q.apply(&mut d, false);
    d
}

fn qr_q(_it: &mut Interp, m: Matched) -> EvalResult {
    let q = QrObj::of(m.req("qr")?)?;
    let (n, p) = q.shape();
    let cols = if flag(m.get("complete"), false) { n } else { n.min(p) };
    check_alloc(n as f64 * cols as f64)?;
    let dvec = m.get("Dvec").map(|d| d.dbl_vec().to_vec());
    if let Some(d) = &dvec {
        if d.is_empty() {
            return err("'Dvec' must have length at least one");
        }
    }
    Ok(mat_value(q_matrix(&q, cols, dvec.as_deref()), None, None))
}

fn qr_x(_it: &mut Interp, m: Matched) -> EvalResult {
    let q = QrObj::of(m.req("qr")?)?;
    let (n, p) = q.shape();
    let complete = flag(m.get("complete"), false);
    let c = q.compact();
    let rrows = if complete { n } else { n.min(p) };
    let r = Mat::from_fn(rrows, p, |i, j| if i <= j { c[(i, j)] } else { 0.0 });
    let mut qm = Mat::zeros(n, p);
    qm.view_mut((0, 0), (rrows.min(n), p)).copy_from(&r.rows(0, rrows.min(n)));
    q.apply(&mut qm, false);
    // back to the original column order
    let piv = q.pivot();
    let mut out = Mat::zeros(n, p);
    for (j, &orig) in piv.iter().enumerate() {
        out.set_column(orig, &qm.column(j));
    }
    let cn = q.colnames().map(|cn| {
        let mut o = cn.clone();
        for (j, &orig) in piv.iter().enumerate() {
            o[orig] = cn[j].clone();
        }
        o
    });
    let ncol = match m.get("ncol") {
        Some(k) => (k.as_f64().unwrap_or(p as f64).max(0.0) as usize).min(p),
        None => p,
    };
    let out = out.columns(0, ncol).into_owned();
    Ok(mat_value(out, None, cn.map(|c| c[..ncol].to_vec())))
}

/// `solve(a, b)` for a `qr` object (R's `solve.qr`).
pub(crate) fn solve_qr(_it: &mut Interp, a: &Value, b: Option<&Value>) -> EvalResult {
    let q = QrObj::of(a)?;
    let (n, p) = q.shape();
    if q.rank() != p {
        return err("singular matrix 'a' in 'solve'");
    }
    solve_with(&q, b, n)
}

fn solve_with(q: &QrObj, b: Option<&Value>, n: usize) -> EvalResult {
    match b {
        Some(b) => coef_of(q, b),
        None => {
            check_alloc(n as f64 * n as f64)?;
            let id = mat_value(Mat::identity(n, n), None, None);
            coef_of(q, &id)
        }
    }
}

fn qr_solve(_it: &mut Interp, m: Matched) -> EvalResult {
    let a = m.req("a")?;
    let q = if a.inherits("qr") {
        QrObj::of(a)?
    } else {
        let (xm, dn) = numeric_matrix(a, "'a' must be a numeric matrix")?;
        if xm.iter().any(|v| !v.is_finite()) {
            return err("NA/NaN/Inf in foreign function call (arg 1)");
        }
        let tol = m.get("tol").and_then(|t| t.as_f64()).unwrap_or(1e-7);
        let (n, p) = xm.shape();
        let f = dqrdc2(xm.as_slice(), n, p, tol);
        let dn = permute_dn(dn, &f.pivot);
        QrObj::Linpack(f, dn)
    };
    let (n, p) = q.shape();
    if q.rank() != n.min(p) {
        return err("singular matrix 'a' in solve");
    }
    solve_with(&q, m.get("b"), n)
}

/// Dimnames with the column names in pivoted order (as a qr object's `qr` has them).
fn permute_dn(dn: Dimnames, piv: &[usize]) -> Dimnames {
    let cn = dn.get(1).cloned().flatten().map(|c| piv.iter().map(|&k| c[k].clone()).collect());
    vec![dn.first().cloned().flatten(), cn]
}

fn is_qr(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(m.req("x")?.inherits("qr")))
}
