//! Decompositions on nalgebra for R's `svd`, `La.svd` and `eigen`, and the matrix norms.
//!
//! Signs: LAPACK leaves the sign of each singular vector pair and of each eigenvector free,
//! and so does rsc's algorithm; rsc fixes it so that the entry of largest absolute value
//! (the first such) of each right singular vector (`v`; of `u` when `v` is not wanted) and
//! of each eigenvector is positive. R's results may differ from rsc's by the sign of whole
//! columns; products such as `u %*% diag(d) %*% t(v)` agree.

use crate::stats::linalg::{norm1, norm_inf, Mat};
use crate::value::complex::C64;
use nalgebra::DMatrix;

/// Iterations allowed per row before a decomposition gives up (it converges in a few).
const ITERS_PER_DIM: usize = 200;

/// The singular value decomposition: `d` decreasing, `u` `n x nu`, `v` `p x nv`.
pub struct Svd {
    pub d: Vec<f64>,
    pub u: Option<Mat>,
    pub v: Option<Mat>,
}

/// Columns with the sign that makes their largest-magnitude entry positive.
fn fix_signs(m: &mut Mat, also: Option<&mut Mat>) {
    let mut flips = Vec::with_capacity(m.ncols());
    for mut c in m.column_iter_mut() {
        let mut best = 0.0f64;
        let mut s = 1.0;
        for &x in c.iter() {
            if x.abs() > best {
                best = x.abs();
                s = x.signum();
            }
        }
        if s < 0.0 {
            c.neg_mut();
        }
        flips.push(s < 0.0);
    }
    if let Some(o) = also {
        for (j, f) in flips.into_iter().enumerate() {
            if f && j < o.ncols() {
                o.column_mut(j).neg_mut();
            }
        }
    }
}

/// An orthonormal basis of `n` columns whose first `k` are those of `q` (`n x k`, orthonormal).
fn complete_basis(q: &Mat, want: usize) -> Mat {
    let (n, k) = (q.nrows(), q.ncols());
    if want <= k {
        return q.columns(0, want).into_owned();
    }
    let mut aug = DMatrix::zeros(n, k + n);
    aug.columns_mut(0, k).copy_from(q);
    aug.columns_mut(k, n).fill_with_identity();
    let full = nalgebra::QR::new(aug).q(); // n x n
    let mut out = full.columns(0, want).into_owned();
    out.columns_mut(0, k).copy_from(q);
    out
}

/// `svd(x, nu, nv)`: `x` must be finite (the caller checks). `nu`/`nv` up to `n`/`p`.
pub fn svd(x: &Mat, nu: usize, nv: usize) -> Result<Svd, String> {
    let (n, p) = (x.nrows(), x.ncols());
    let k = n.min(p);
    if k == 0 {
        return Ok(Svd {
            d: vec![],
            u: (nu > 0).then(|| Mat::identity(n, nu)),
            v: (nv > 0).then(|| Mat::identity(p, nv)),
        });
    }
    let want_u = nu > 0;
    let want_v = nv > 0;
    let s = nalgebra::SVD::try_new(
        x.clone(),
        want_u || want_v,
        want_u || want_v,
        f64::EPSILON,
        ITERS_PER_DIM * k.max(10),
    )
    .ok_or("error code 1 from Lapack routine 'dgesdd'")?;
    let d: Vec<f64> = s.singular_values.iter().copied().collect();
    let (mut u, mut v) = (s.u, s.v_t.map(|vt| vt.transpose()));
    if let (Some(u), Some(v)) = (&mut u, &mut v) {
        fix_signs(v, Some(u));
    }
    Ok(Svd {
        d,
        u: if want_u { u.map(|u| complete_basis(&u, nu)) } else { None },
        v: if want_v { v.map(|v| complete_basis(&v, nv)) } else { None },
    })
}

/// Symmetric eigen decomposition from the lower triangle of `x` (as LAPACK `dsyevr` with
/// uplo "L"): values decreasing, vectors (when wanted) in the columns.
pub fn eigen_sym(x: &Mat, vectors: bool) -> Result<(Vec<f64>, Option<Mat>), String> {
    let n = x.nrows();
    if n == 0 {
        return Ok((vec![], vectors.then(|| Mat::zeros(0, 0))));
    }
    let e = nalgebra::SymmetricEigen::try_new(x.clone(), f64::EPSILON, ITERS_PER_DIM * n.max(10))
        .ok_or("error code 1 from Lapack routine 'dsyevr'")?;
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| e.eigenvalues[b].total_cmp(&e.eigenvalues[a]));
    let vals = idx.iter().map(|&i| e.eigenvalues[i]).collect();
    let vecs = vectors.then(|| {
        let mut m = Mat::from_fn(n, n, |r, c| e.eigenvectors[(r, idx[c])]);
        fix_signs(&mut m, None);
        m
    });
    Ok((vals, vecs))
}

/// Eigen decomposition of a general real matrix whose eigenvalues are all real, from its
/// real Schur form; values in decreasing modulus, vectors of unit length. A matrix with
/// complex eigenvalues is an error (rsc has no complex vectors yet).
pub fn eigen_general(x: &Mat, vectors: bool) -> Result<(Vec<f64>, Option<Mat>), String> {
    let n = x.nrows();
    if n == 0 {
        return Ok((vec![], vectors.then(|| Mat::zeros(0, 0))));
    }
    let schur = nalgebra::Schur::try_new(x.clone(), f64::EPSILON, ITERS_PER_DIM * n.max(10))
        .ok_or("error code 1 from Lapack routine 'dgeev'")?;
    let (q, t) = schur.unpack();
    // a 2x2 block with a nonzero subdiagonal carries a complex pair
    if (0..n - 1).any(|i| t[(i + 1, i)] != 0.0) {
        return Err(COMPLEX_EIGENVALUES.into());
    }
    let lam: Vec<f64> = (0..n).map(|i| t[(i, i)]).collect();
    let mut idx: Vec<usize> = (0..n).collect();
    // decreasing modulus; ties keep the order of the Schur form
    idx.sort_by(|&a, &b| lam[b].abs().total_cmp(&lam[a].abs()));
    let vals = idx.iter().map(|&i| lam[i]).collect();
    if !vectors {
        return Ok((vals, None));
    }
    // eigenvectors of the triangular T by back substitution (LAPACK dtrevc's method),
    // then v = Q y
    let tnorm = norm1(&t);
    let smin = (f64::EPSILON * tnorm).max(f64::MIN_POSITIVE);
    let mut y_all = Mat::zeros(n, n);
    for k in 0..n {
        let l = t[(k, k)];
        let mut y = vec![0.0; n];
        y[k] = 1.0;
        for i in (0..k).rev() {
            let mut s = 0.0;
            for j in i + 1..=k {
                s += t[(i, j)] * y[j];
            }
            let mut den = t[(i, i)] - l;
            if den.abs() < smin {
                den = smin;
            }
            y[i] = -s / den;
        }
        for i in 0..=k {
            y_all[(i, k)] = y[i];
        }
    }
    let v = &q * y_all;
    let mut out = Mat::from_fn(n, n, |r, c| v[(r, idx[c])]);
    for mut c in out.column_iter_mut() {
        let nrm = c.norm();
        if nrm > 0.0 {
            c /= nrm;
        }
    }
    fix_signs(&mut out, None);
    Ok((vals, Some(out)))
}

/// What `eigen_general` says of a matrix with complex eigenvalues (use
/// `eigen_general_complex` for it).
pub const COMPLEX_EIGENVALUES: &str = "the matrix has complex eigenvalues";

/// The eigen decomposition of a general real matrix in complex numbers: values by
/// decreasing modulus (of a conjugate pair, the one with positive imaginary part first,
/// as LAPACK's `dgeev` gives them), and the vectors (column-major, `n x n`) of unit norm
/// with their largest component real and positive, found by inverse iteration.
pub fn eigen_general_complex(x: &Mat, vectors: bool) -> Result<(Vec<C64>, Option<Vec<C64>>), String> {
    let n = x.nrows();
    let schur = nalgebra::Schur::try_new(x.clone(), f64::EPSILON, ITERS_PER_DIM * n.max(10))
        .ok_or("error code 1 from Lapack routine 'dgeev'")?;
    let (_, t) = schur.unpack();
    let mut lam = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        if i + 1 < n && t[(i + 1, i)] != 0.0 {
            // a 2x2 block: its two eigenvalues
            let (a, b, c, d) = (t[(i, i)], t[(i, i + 1)], t[(i + 1, i)], t[(i + 1, i + 1)]);
            let p = 0.5 * (a + d);
            let q = (0.5 * (a - d)).powi(2) + b * c;
            let w = q.abs().sqrt();
            if q < 0.0 {
                lam.extend([C64::new(p, w), C64::new(p, -w)]);
            } else {
                lam.extend([C64::new(p + w, 0.0), C64::new(p - w, 0.0)]);
            }
            i += 2;
        } else {
            lam.push(C64::new(t[(i, i)], 0.0));
            i += 1;
        }
    }
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| lam[b].norm().total_cmp(&lam[a].norm()));
    let vals: Vec<C64> = idx.iter().map(|&i| lam[i]).collect();
    if !vectors {
        return Ok((vals, None));
    }
    let scale = norm1(x).max(f64::MIN_POSITIVE);
    let mut out: Vec<C64> = Vec::with_capacity(n * n);
    for (j, l) in vals.iter().enumerate() {
        // the second of a conjugate pair: the conjugate of the first's vector
        if l.im < 0.0 && j > 0 && vals[j - 1] == l.conj() {
            let prev: Vec<C64> = out[(j - 1) * n..j * n].iter().map(|z| z.conj()).collect();
            out.extend(prev);
            continue;
        }
        out.extend(inverse_iteration(x, *l, scale));
    }
    Ok((vals, Some(out)))
}

/// A unit eigenvector of `x` for the eigenvalue `l`, by inverse iteration with a slightly
/// shifted `l`; scaled so that its largest component is real and positive.
fn inverse_iteration(x: &Mat, l: C64, scale: f64) -> Vec<C64> {
    let n = x.nrows();
    let shift = l + C64::new(scale * 1e-10, scale * 1e-10);
    let b = DMatrix::<C64>::from_fn(n, n, |r, c| {
        C64::new(x[(r, c)], 0.0) - if r == c { shift } else { C64::new(0.0, 0.0) }
    });
    let lu = b.lu();
    let mut v = nalgebra::DVector::<C64>::from_fn(n, |k, _| C64::new(1.0 / (k as f64 + 1.0), 0.0));
    for _ in 0..3 {
        if let Some(w) = lu.solve(&v) {
            let nrm = w.norm();
            if nrm > 0.0 && nrm.is_finite() {
                v = w / C64::new(nrm, 0.0);
            }
        }
    }
    let (k, big) = v.iter().enumerate().fold((0, 0.0), |acc, (k, z)| {
        if z.norm() > acc.1 { (k, z.norm()) } else { acc }
    });
    if big > 0.0 {
        let phase = v[k].conj() / C64::new(big, 0.0);
        v *= phase;
    }
    // rounding noise far below the vector's scale is zero, as LAPACK's rotations leave it
    v.iter()
        .map(|z| {
            let zap = |a: f64| if a.abs() < 1e-14 { 0.0 } else { a };
            C64::new(zap(z.re), zap(z.im))
        })
        .collect()
}

/// A Householder QR with column pivoting by largest remaining column norm (LAPACK
/// `dgeqp3`'s rule, which R's `qr(LAPACK = TRUE)` uses; nalgebra's `ColPivQR` pivots on the
/// largest single entry instead, so R's pivots need this). Compact form as LAPACK's: R on
/// and above the diagonal, the Householder vectors (with an implicit leading 1) below it,
/// their scalars in `tau`.
pub struct HouseQr {
    pub qr: Mat,
    pub tau: Vec<f64>,
    /// 0-based original column of each pivoted column.
    pub pivot: Vec<usize>,
}

/// Factorises `x` (finite; the caller checks).
pub fn geqp3(x: &Mat) -> HouseQr {
    let (n, p) = x.shape();
    let k = n.min(p);
    let mut a = x.clone();
    let mut pivot: Vec<usize> = (0..p).collect();
    let mut vn1: Vec<f64> = (0..p).map(|j| a.column(j).norm()).collect();
    let mut vn2 = vn1.clone();
    let mut tau = vec![0.0; k];
    let tol3z = f64::EPSILON.sqrt();
    for j in 0..k {
        // the column of largest remaining norm (the first of equals)
        let mut pv = j;
        for c in j + 1..p {
            if vn1[c] > vn1[pv] {
                pv = c;
            }
        }
        if pv != j {
            a.swap_columns(j, pv);
            pivot.swap(j, pv);
            vn1[pv] = vn1[j];
            vn2[pv] = vn2[j];
        }
        // dlarfg on a[j.., j]
        let alpha = a[(j, j)];
        let xnorm = if j + 1 < n { a.view((j + 1, j), (n - j - 1, 1)).norm() } else { 0.0 };
        if xnorm == 0.0 {
            tau[j] = 0.0;
        } else {
            let beta = -alpha.signum() * alpha.hypot(xnorm);
            tau[j] = (beta - alpha) / beta;
            let scale = 1.0 / (alpha - beta);
            for i in j + 1..n {
                a[(i, j)] *= scale;
            }
            a[(j, j)] = beta;
        }
        // apply H = I - tau v v' to the trailing columns
        if tau[j] != 0.0 {
            for c in j + 1..p {
                let mut s = a[(j, c)];
                for i in j + 1..n {
                    s += a[(i, j)] * a[(i, c)];
                }
                let t = tau[j] * s;
                a[(j, c)] -= t;
                for i in j + 1..n {
                    a[(i, c)] -= t * a[(i, j)];
                }
            }
        }
        // downdate the remaining column norms
        for c in j + 1..p {
            if vn1[c] != 0.0 {
                let r = a[(j, c)].abs() / vn1[c];
                let temp = (1.0 - r * r).max(0.0);
                let temp2 = temp * (vn1[c] / vn2[c]).powi(2);
                if temp2 <= tol3z {
                    vn1[c] = if j + 1 < n { a.view((j + 1, c), (n - j - 1, 1)).norm() } else { 0.0 };
                    vn2[c] = vn1[c];
                } else {
                    vn1[c] *= temp.sqrt();
                }
            }
        }
    }
    HouseQr { qr: a, tau, pivot }
}

/// Applies `Q` (or `Q'` with `trans`) of a compact LAPACK QR (`qr`, `tau`) to the columns of
/// `y` (LAPACK `dormqr` from the left).
pub fn house_apply(qr: &Mat, tau: &[f64], y: &mut Mat, trans: bool) {
    let n = qr.nrows();
    let k = tau.len().min(n);
    let order: Vec<usize> = if trans { (0..k).collect() } else { (0..k).rev().collect() };
    for j in order {
        if tau[j] == 0.0 {
            continue;
        }
        for c in 0..y.ncols() {
            let mut s = y[(j, c)];
            for i in j + 1..n {
                s += qr[(i, j)] * y[(i, c)];
            }
            let t = tau[j] * s;
            y[(j, c)] -= t;
            for i in j + 1..n {
                y[(i, c)] -= t * qr[(i, j)];
            }
        }
    }
}

/// The norm of `x` of R's type `typ` ("O"/"1", "I", "F"/"E", "M", "2"); NaN propagates.
pub fn norm(x: &Mat, typ: char) -> Result<f64, String> {
    if x.is_empty() {
        return Ok(0.0);
    }
    Ok(match typ {
        'O' | '1' => norm1(x),
        'I' => norm_inf(x),
        'F' | 'E' => {
            if x.iter().any(|v| v.is_nan()) {
                f64::NAN
            } else {
                x.norm()
            }
        }
        'M' => {
            let mut m = 0.0f64;
            for &v in x.iter() {
                if v.is_nan() {
                    return Ok(f64::NAN);
                }
                m = m.max(v.abs());
            }
            m
        }
        '2' => {
            if x.iter().any(|v| !v.is_finite()) {
                return Err("infinite or missing values in 'x'".into());
            }
            svd(x, 0, 0)?.d.first().copied().unwrap_or(0.0)
        }
        _ => return Err(format!("argument type[1]='{}' must be one of 'M','1','O','I','F' or 'E'", typ)),
    })
}

#[cfg(test)]
#[path = "decomp_tests.rs"]
mod tests;
