//! `svd`, `La.svd`, `eigen`, `norm`, `kappa` and `rcond` over `crate::stats::decomp` and
//! `crate::stats::linalg`. Signs of singular vectors and eigenvectors follow rsc's rule
//! (see `stats/decomp.rs`): R's may differ by whole columns.

use crate::builtins::base::linalg::{check_alloc, check_finite, mat_value, numeric_matrix, symmetric_value};
use crate::builtins::base::matrix::{flag, sym};
use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::decomp::{eigen_general, eigen_general_complex, eigen_sym, norm, svd, COMPLEX_EIGENVALUES};
use crate::stats::linalg::{dtrco, lu, norm1, norm_inf, tri_rcond, Mat};
use crate::stats::qr::dqrdc2;
use crate::value::Value;

/// The decompositions' builtins.
pub const BUILTINS: &[Builtin] = &[
    declared("svd", svd_fn),
    declared("La.svd", la_svd),
    declared("eigen", eigen_fn),
    declared("norm", norm_fn),
    declared("kappa", kappa_fn),
    declared("rcond", rcond_fn),
];

/// Help entries for the decompositions.
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("svd", "svd(x, nu = min(n, p), nv = min(n, p), LINPACK = FALSE)",
            "The singular value decomposition x = u %*% diag(d) %*% t(v): a list of the singular values d \
             (decreasing) and nu left and nv right singular vectors. The sign of each pair of singular vectors \
             is free; rsc makes the largest entry of each column of v positive."),
        doc("La.svd", "La.svd(x, nu = min(n, p), nv = min(n, p))",
            "Like svd, but returns the transpose vt of the right singular vectors."),
        doc("eigen", "eigen(x, symmetric, only.values = FALSE, EISPACK = FALSE)",
            "Eigenvalues and eigenvectors of a square matrix, as a list of class \"eigen\". Symmetric matrices \
             (tested with isSymmetric when symmetric is missing; only the lower triangle is used) give \
             decreasing values; general ones are ordered by decreasing modulus. Eigenvectors have unit length \
             and their largest entry positive. Complex eigenvalues are not supported yet."),
        doc("norm", "norm(x, type = c(\"O\", \"I\", \"F\", \"M\", \"2\"))",
            "A matrix norm: \"O\" (or \"1\") the maximum absolute column sum, \"I\" the maximum absolute row \
             sum, \"F\" (or \"E\") the Frobenius norm, \"M\" the largest absolute entry, \"2\" the spectral norm \
             (the largest singular value)."),
        doc("kappa", "kappa(z, exact = FALSE, norm = NULL, method = c(\"qr\", \"direct\"), ...)",
            "The condition number of a matrix: exact = TRUE gives the ratio of the extreme singular values; \
             otherwise an estimate from the triangular factor of its QR decomposition."),
        doc("rcond", "rcond(x, norm = c(\"O\", \"I\", \"1\"), triangular = FALSE, ...)",
            "An estimate of the reciprocal condition number of a matrix in the 1-norm or the infinity norm, \
             as LAPACK computes it (a non-square matrix through its QR decomposition)."),
    ]
};

/// A finite numeric matrix for the decompositions.
fn finite_matrix(x: &Value, what: &str) -> EvalResult<Mat> {
    let (m, _) = numeric_matrix(x, &format!("argument to '{}' must be numeric or complex", what))?;
    if m.is_empty() {
        return err("a dimension is zero");
    }
    check_finite(&m)?;
    Ok(m)
}

fn count_arg(m: &Matched, name: &str, default: usize) -> EvalResult<usize> {
    match m.get(name) {
        None => Ok(default),
        Some(v) => {
            let k = v.as_f64().unwrap_or(f64::NAN);
            if k.is_nan() || k < 0.0 {
                return err(format!("invalid '{}' argument", name));
            }
            Ok(k as usize)
        }
    }
}

/// `(d, u, v)` for `svd` and `La.svd`.
fn svd_parts(
    it: &mut Interp,
    m: &Matched,
    what: &str,
) -> EvalResult<(Vec<f64>, Option<Mat>, Option<Mat>)> {
    let x = finite_matrix(m.req("x")?, what)?;
    let (n, p) = x.shape();
    let k = n.min(p);
    let nu = count_arg(m, "nu", k)?.min(n);
    let nv = count_arg(m, "nv", k)?.min(p);
    // the vectors, and the square workspace that completes a basis past min(n, p)
    let (nf, pf) = (n as f64, p as f64);
    check_alloc(nf * (nu + k) as f64 + pf * (nv + k) as f64)?;
    if nu > k {
        check_alloc(nf * (nf + k as f64))?;
    }
    if nv > k {
        check_alloc(pf * (pf + k as f64))?;
    }
    let work = 10.0 * nf * pf * k as f64;
    let s = it.run_stoppable(work, move || svd(&x, nu, nv))?.or_else(err)?;
    Ok((s.d, s.u, s.v))
}

fn svd_fn(it: &mut Interp, m: Matched) -> EvalResult {
    let (d, u, v) = svd_parts(it, &m, "svd")?;
    let mut items = vec![("d".to_string(), Value::dbls(d))];
    if let Some(u) = u {
        items.push(("u".into(), mat_value(u, None, None)));
    }
    if let Some(v) = v {
        items.push(("v".into(), mat_value(v, None, None)));
    }
    Ok(Value::named_list(items))
}

fn la_svd(it: &mut Interp, m: Matched) -> EvalResult {
    let (d, u, v) = svd_parts(it, &m, "La.svd")?;
    let mut items = vec![("d".to_string(), Value::dbls(d))];
    if let Some(u) = u {
        items.push(("u".into(), mat_value(u, None, None)));
    }
    if let Some(v) = v {
        items.push(("vt".into(), mat_value(v.transpose(), None, None)));
    }
    Ok(Value::named_list(items))
}

fn eigen_fn(it: &mut Interp, m: Matched) -> EvalResult {
    let xv = m.req("x")?;
    let (x, _) = numeric_matrix(xv, "non-numeric argument to 'eigen'")?;
    if x.nrows() != x.ncols() || (xv.dim().is_none() && x.nrows() != 1) {
        return err("non-square matrix in 'eigen'");
    }
    check_finite(&x)?;
    let n = x.nrows();
    check_alloc(n as f64 * n as f64 * 3.0)?;
    let symmetric = match m.get("symmetric") {
        Some(s) => flag(Some(s), false),
        None => xv.dim().is_none() || symmetric_value(xv, 100.0 * f64::EPSILON),
    };
    let only = flag(m.get("only.values"), false);
    let work = 10.0 * (n as f64).powi(3);
    let y = x.clone();
    let real = it.run_stoppable(work, move || if symmetric { eigen_sym(&y, !only) } else { eigen_general(&y, !only) })?;
    let (values, vectors) = match real {
        Ok((vals, vecs)) => {
            (Value::dbls(vals), vecs.map(|v| mat_value(v, None, None)).unwrap_or(Value::Null))
        }
        Err(e) if e == COMPLEX_EIGENVALUES => {
            let (vals, vecs) =
                it.run_stoppable(work, move || eigen_general_complex(&x, !only))?.or_else(err)?;
            let vecs = vecs.map(|v| {
                let mut m = Value::cplxs(v);
                m.set_attr(sym("dim"), Value::ints(vec![n as i32, n as i32]));
                m
            });
            (Value::cplxs(vals), vecs.unwrap_or(Value::Null))
        }
        Err(e) => return err(e),
    };
    let mut out = Value::named_list(vec![("values".into(), values), ("vectors".into(), vectors)]);
    // R classes the full decomposition only
    if !only {
        out.set_attr(sym("class"), Value::str("eigen"));
    }
    Ok(out)
}

/// The first letter of a `norm`/`type` argument, upper-cased.
fn norm_letter(v: Option<&Value>, default: char) -> EvalResult<char> {
    match v {
        None => Ok(default),
        Some(v) => match v.as_string() {
            Some(s) => Ok(s.chars().next().map(|c| c.to_ascii_uppercase()).unwrap_or(default)),
            None => err("argument type must be a character string"),
        },
    }
}

fn norm_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let xv = m.req("x")?;
    let (x, _) = numeric_matrix(xv, "'A' must be a numeric matrix")?;
    if xv.dim().map(|d| d.len() != 2).unwrap_or(true) {
        return err("'A' must be a numeric matrix");
    }
    let t = norm_letter(m.get("type"), 'O')?;
    Ok(Value::num(norm(&x, t).or_else(err)?))
}

/// The triangular factor R of the QR decomposition of `z` (of `t(z)` when it is wide).
fn qr_r(z: &Mat) -> Mat {
    let z = if z.nrows() < z.ncols() { z.transpose() } else { z.clone() };
    let (n, p) = z.shape();
    let q = dqrdc2(z.as_slice(), n, p, 1e-7);
    let k = n.min(p);
    Mat::from_fn(k, p, |i, j| if i <= j { q.at(i, j) } else { 0.0 })
}

fn kappa_fn(it: &mut Interp, m: Matched) -> EvalResult {
    let zv = m.req("z")?;
    let (z, _) = numeric_matrix(zv, "'z' must be a numeric matrix")?;
    check_finite(&z)?;
    let nrm = match m.get("norm").filter(|v| !v.is_null()) {
        None => '2',
        Some(v) => match norm_letter(Some(v), '2')? {
            '1' | 'O' => 'O',
            c @ ('2' | 'I') => c,
            _ => return err("'arg' should be one of \u{201c}2\u{201d}, \u{201c}1\u{201d}, \u{201c}O\u{201d}, \u{201c}I\u{201d}"),
        },
    };
    let exact = flag(m.get("exact"), false);
    if exact && nrm == '2' {
        let d = svd(&z, 0, 0).or_else(err)?.d;
        let max = d.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let min = d.iter().cloned().filter(|&v| v > 0.0).fold(f64::INFINITY, f64::min);
        return Ok(Value::num(max / min));
    }
    if exact {
        it.warning(format!("norm '{}' currently always uses exact = FALSE", nrm));
    }
    let direct = m
        .get("method")
        .and_then(|v| v.as_string())
        .map(|s| s.starts_with('d'))
        .unwrap_or(false);
    let tri = if direct && z.nrows() == z.ncols() { z } else { qr_r(&z) };
    if tri.nrows() != tri.ncols() {
        return err("triangular matrix should be square");
    }
    // R 4.2 estimates every norm with LINPACK's dtrco on the upper triangle; for "I" it
    // first transposes the factor, so dtrco sees only its diagonal (R's answer, kept)
    let rc = match nrm {
        'I' => dtrco(&tri.transpose()),
        _ => dtrco(&tri),
    };
    Ok(Value::num(1.0 / rc))
}

fn rcond_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let xv = m.req("x")?;
    let (x, _) = numeric_matrix(xv, "'A' must be a numeric matrix")?;
    let one = match norm_letter(m.get("norm"), 'O')? {
        'O' | '1' => true,
        'I' => false,
        _ => return err("'norm' must be one of \"O\", \"I\" or \"1\""),
    };
    check_finite(&x)?;
    if x.nrows() != x.ncols() {
        return Ok(Value::num(tri_rcond(&qr_r(&x), one)));
    }
    if flag(m.get("triangular"), false) {
        return Ok(Value::num(tri_rcond(&x, one)));
    }
    let anorm = if one { norm1(&x) } else { norm_inf(&x) };
    Ok(Value::num(lu(&x).rcond(anorm, one)))
}
