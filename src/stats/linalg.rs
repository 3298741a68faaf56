//! Dense linear algebra on nalgebra's column-major `DMatrix<f64>`: products (blocked and
//! multithreaded for large operands), LU solves with LAPACK's condition estimate,
//! determinants, Cholesky (plain and pivoted), triangular solves and `chol2inv`.
//! Messages follow R's LAPACK wrappers. The decompositions (SVD, eigen, QR with column
//! pivoting) and norms are in `decomp.rs`.

pub use nalgebra::DMatrix;
use nalgebra::{DMatrixView, DMatrixViewMut, Dyn};

/// The dense matrix type of the numerics (column-major).
pub type Mat = DMatrix<f64>;

/// A matrix from column-major data (`data.len()` must be `nrow * ncol`).
pub fn mat(nrow: usize, ncol: usize, data: Vec<f64>) -> Mat {
    DMatrix::from_vec(nrow, ncol, data)
}

/// The column-major values of a matrix.
pub fn into_vec(m: Mat) -> Vec<f64> {
    m.data.into()
}

// ---------------------------------------------------------------------------------------
// products

/// Products with fewer multiply-adds than this run as plain loops that sum in index order,
/// as the reference BLAS does, so small results match R's to the last bit.
const SMALL_FLOPS: f64 = 1e6;

/// How one operand enters a product: as stored or transposed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Op {
    N,
    T,
}

fn op_shape(a: &Mat, op: Op) -> (usize, usize) {
    match op {
        Op::N => (a.nrows(), a.ncols()),
        Op::T => (a.ncols(), a.nrows()),
    }
}

/// A view with explicit strides into a column-major buffer.
type View<'a> = DMatrixView<'a, f64, Dyn, Dyn>;

/// The `nrow x ncol` view starting at `start` with row stride `rs` and column stride `cs`.
fn strided(data: &[f64], start: usize, nrow: usize, ncol: usize, rs: usize, cs: usize) -> View<'_> {
    let len = if nrow == 0 || ncol == 0 {
        0
    } else {
        (nrow - 1) * rs + (ncol - 1) * cs + 1
    };
    DMatrixView::from_slice_with_strides_generic(&data[start..start + len], Dyn(nrow), Dyn(ncol), Dyn(rs), Dyn(cs))
}

/// A view of rows `r0..r1` of `op(a)` (all its columns), without copying.
fn op_rows(a: &Mat, op: Op, r0: usize, r1: usize) -> View<'_> {
    let n = a.nrows();
    match op {
        Op::N => strided(a.as_slice(), r0, r1 - r0, a.ncols(), 1, n),
        // op(a) = a': its rows r0..r1 are the columns r0..r1 of a, read across
        Op::T => strided(a.as_slice(), r0 * n, r1 - r0, n, n, 1),
    }
}

/// A view of columns `c0..c1` of `op(b)`, without copying.
fn op_cols(b: &Mat, op: Op, c0: usize, c1: usize) -> View<'_> {
    let n = b.nrows();
    match op {
        Op::N => strided(b.as_slice(), c0 * n, n, c1 - c0, 1, n),
        // op(b) = b': its column c is row c of b
        Op::T => strided(b.as_slice(), c0, b.ncols(), c1 - c0, n, 1),
    }
}

/// A view of rows `r0..r1` of `op(b)` (for splitting the inner dimension).
fn op_inner(b: &Mat, op: Op, r0: usize, r1: usize) -> View<'_> {
    op_rows(b, op, r0, r1)
}

/// `op(a) %*% op(b)`; the caller checks that the inner dimensions agree.
pub fn gemm(a: &Mat, ta: Op, b: &Mat, tb: Op) -> Mat {
    let (n, k) = op_shape(a, ta);
    let (_, m) = op_shape(b, tb);
    let flops = n as f64 * k as f64 * m as f64;
    if flops < SMALL_FLOPS || n == 0 || m == 0 || k == 0 {
        return gemm_exact(a, ta, b, tb);
    }
    let threads = crate::stats::tsqr::threads()
        .min((flops / 4e6).ceil() as usize)
        .max(1);
    let mut out = vec![0.0; n * m];
    if m >= threads * 8 || (n * m >= 64 * 64 && m >= threads) {
        // split the columns of the result among the threads
        let per = m.div_ceil(threads);
        std::thread::scope(|s| {
            for (t, chunk) in out.chunks_mut(per * n).enumerate() {
                let c0 = t * per;
                let c1 = (c0 + per).min(m);
                s.spawn(move || {
                    let mut c = DMatrixViewMut::from_slice(chunk, n, c1 - c0);
                    block(&mut c, &op_rows(a, ta, 0, n), &op_cols(b, tb, c0, c1));
                });
            }
        });
    } else {
        // a small result of a long inner dimension (crossprod of a tall matrix): each
        // thread sums its share of the inner dimension, then the partial results are added
        let per = k.div_ceil(threads);
        let parts: Vec<Vec<f64>> = std::thread::scope(|s| {
            let hs: Vec<_> = (0..threads)
                .map(|t| (t * per, ((t + 1) * per).min(k)))
                .filter(|(l0, l1)| l0 < l1)
                .map(|(l0, l1)| {
                    s.spawn(move || {
                        let mut part = vec![0.0; n * m];
                        let mut c = DMatrixViewMut::from_slice(&mut part, n, m);
                        block(&mut c, &op_inner_cols(a, ta, l0, l1), &op_inner(b, tb, l0, l1));
                        part
                    })
                })
                .collect();
            hs.into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        for p in parts {
            for (o, v) in out.iter_mut().zip(p) {
                *o += v;
            }
        }
    }
    mat(n, m, out)
}

/// `c = a b` for one block: nalgebra's `gemm` (matrixmultiply's kernel) when every
/// dimension exceeds 5, where it uses that kernel; plain loops otherwise.
fn block(c: &mut DMatrixViewMut<'_, f64>, a: &View<'_>, b: &View<'_>) {
    let (n, k) = a.shape();
    let m = b.ncols();
    if n > 5 && k > 5 && m > 5 {
        c.gemm(1.0, a, b, 0.0);
        return;
    }
    for j in 0..m {
        for i in 0..n {
            let mut s = 0.0;
            for l in 0..k {
                s += a[(i, l)] * b[(l, j)];
            }
            c[(i, j)] = s;
        }
    }
}

/// Columns `l0..l1` of `op(a)` (the inner dimension of a product).
fn op_inner_cols(a: &Mat, op: Op, l0: usize, l1: usize) -> View<'_> {
    op_cols(a, op, l0, l1)
}

/// Products summed in index order (the reference BLAS's order).
fn gemm_exact(a: &Mat, ta: Op, b: &Mat, tb: Op) -> Mat {
    let (n, k) = op_shape(a, ta);
    let (_, m) = op_shape(b, tb);
    let ael = |i: usize, l: usize| match ta {
        Op::N => a[(i, l)],
        Op::T => a[(l, i)],
    };
    let bel = |l: usize, j: usize| match tb {
        Op::N => b[(l, j)],
        Op::T => b[(j, l)],
    };
    let mut out = vec![0.0; n * m];
    for j in 0..m {
        for i in 0..n {
            let mut s = 0.0;
            for l in 0..k {
                s += ael(i, l) * bel(l, j);
            }
            out[j * n + i] = s;
        }
    }
    mat(n, m, out)
}

/// `a %*% b`.
pub fn matmul(a: &Mat, b: &Mat) -> Mat {
    gemm(a, Op::N, b, Op::N)
}

// ---------------------------------------------------------------------------------------
// LU: solve, determinant, condition

/// An LU factorisation `P A = L U` (nalgebra's, with partial pivoting as LAPACK `dgetrf`).
pub struct Lu {
    lu: nalgebra::LU<f64, nalgebra::Dyn, nalgebra::Dyn>,
    n: usize,
}

/// Factorises a square matrix.
pub fn lu(a: &Mat) -> Lu {
    Lu {
        n: a.nrows(),
        lu: nalgebra::LU::new(a.clone()),
    }
}

impl Lu {
    /// The first zero pivot (1-based), as `dgetrf`'s INFO.
    pub fn singular_at(&self) -> Option<usize> {
        let f = self.lu.lu_internal();
        (0..self.n).find(|&i| f[(i, i)] == 0.0).map(|i| i + 1)
    }
    /// Solves `A X = B` (A non-singular).
    pub fn solve(&self, b: &Mat) -> Mat {
        let mut x = b.clone();
        self.lu.solve_mut(&mut x);
        x
    }
    /// `(log|det|, sign)` as R's `determinant()` computes it (`-Inf` for a singular matrix).
    pub fn log_det(&self) -> (f64, i32) {
        if self.singular_at().is_some() {
            return (f64::NEG_INFINITY, 1);
        }
        let f = self.lu.lu_internal();
        let mut modulus = 0.0;
        // nalgebra's determinant sign of P
        let mut sign = if self.lu.p().determinant::<f64>() < 0.0 { -1 } else { 1 };
        for i in 0..self.n {
            let d = f[(i, i)];
            if d < 0.0 {
                sign = -sign;
            }
            modulus += d.abs().ln();
        }
        (modulus, sign)
    }
    /// LAPACK `dgecon`'s estimate of the reciprocal condition number in the 1-norm
    /// (`one = true`) or the infinity norm, given that norm of A.
    pub fn rcond(&self, anorm: f64, one: bool) -> f64 {
        if anorm.is_nan() {
            return 0.0;
        }
        if self.n == 0 {
            return f64::INFINITY;
        }
        if anorm == 0.0 || self.singular_at().is_some() {
            return 0.0;
        }
        let l = self.lu.l();
        let u = self.lu.u();
        // inv(A) up to a row permutation is inv(U) inv(L), whose norms are the same
        let fwd = |x: &mut Vec<f64>| {
            let mut v = nalgebra::DVector::from_vec(std::mem::take(x));
            l.solve_lower_triangular_with_diag_mut(&mut v, 1.0);
            u.solve_upper_triangular_mut(&mut v);
            *x = v.data.into();
        };
        let back = |x: &mut Vec<f64>| {
            let mut v = nalgebra::DVector::from_vec(std::mem::take(x));
            u.tr_solve_upper_triangular_mut(&mut v);
            l.tr_solve_lower_triangular_mut(&mut v);
            // L has a unit diagonal that tr_solve reads as stored (ones), so this is exact
            *x = v.data.into();
        };
        let ainv = if one {
            norm1_estimate(self.n, fwd, back)
        } else {
            norm1_estimate(self.n, back, fwd)
        };
        if ainv == 0.0 || !ainv.is_finite() {
            return 0.0;
        }
        (1.0 / ainv) / anorm
    }
}

/// Hager and Higham's estimate of `||B||_1` (LAPACK `dlacn2`), from products with `B`
/// (`apply`) and with its transpose (`apply_t`), done in place.
pub fn norm1_estimate(
    n: usize,
    mut apply: impl FnMut(&mut Vec<f64>),
    mut apply_t: impl FnMut(&mut Vec<f64>),
) -> f64 {
    let asum = |x: &[f64]| x.iter().map(|v| v.abs()).sum::<f64>();
    let sgn = |v: f64| if v >= 0.0 { 1.0 } else { -1.0 };
    let imax = |x: &[f64]| {
        let mut j = 0;
        for i in 1..x.len() {
            if x[i].abs() > x[j].abs() {
                j = i;
            }
        }
        j
    };
    let mut x = vec![1.0 / n as f64; n];
    apply(&mut x);
    if n == 1 {
        return x[0].abs();
    }
    let mut est = asum(&x);
    let mut isgn: Vec<f64> = x.iter().map(|&v| sgn(v)).collect();
    x = isgn.clone();
    apply_t(&mut x);
    let mut j = imax(&x);
    let mut iter = 2;
    loop {
        x = vec![0.0; n];
        x[j] = 1.0;
        apply(&mut x);
        let estold = est;
        est = asum(&x);
        let changed = x.iter().zip(&isgn).any(|(&v, &s)| sgn(v) != s);
        if !changed || est <= estold {
            break;
        }
        isgn = x.iter().map(|&v| sgn(v)).collect();
        x = isgn.clone();
        apply_t(&mut x);
        let jlast = j;
        j = imax(&x);
        if x[jlast] != x[j].abs() && iter < 5 {
            iter += 1;
            continue;
        }
        break;
    }
    let mut alt = 1.0;
    let mut x: Vec<f64> = (0..n)
        .map(|i| {
            let v = alt * (1.0 + i as f64 / (n - 1) as f64);
            alt = -alt;
            v
        })
        .collect();
    apply(&mut x);
    let temp = 2.0 * asum(&x) / (3.0 * n as f64);
    est.max(temp)
}

/// 1-norm of a matrix (maximum absolute column sum; NaN propagates as LAPACK's `dlange`).
pub fn norm1(a: &Mat) -> f64 {
    let mut best = 0.0f64;
    for c in a.column_iter() {
        let s: f64 = c.iter().map(|v| v.abs()).sum();
        if s.is_nan() || s > best {
            best = s;
        }
        if best.is_nan() {
            return best;
        }
    }
    best
}

/// Infinity norm (maximum absolute row sum).
pub fn norm_inf(a: &Mat) -> f64 {
    let mut rows = vec![0.0f64; a.nrows()];
    for c in a.column_iter() {
        for (r, v) in rows.iter_mut().zip(c.iter()) {
            *r += v.abs();
        }
    }
    rows.into_iter().fold(0.0, |m: f64, v| if v.is_nan() || m.is_nan() { f64::NAN } else { m.max(v) })
}

/// LAPACK `dtrcon`'s estimate of the reciprocal condition number of the upper triangle of
/// the square `r`, in the 1-norm (`one`) or the infinity norm.
pub fn tri_rcond(r: &Mat, one: bool) -> f64 {
    let n = r.nrows();
    if n == 0 {
        return f64::INFINITY;
    }
    let u = r.upper_triangle();
    let anorm = if one { norm1(&u) } else { norm_inf(&u) };
    if anorm.is_nan() || anorm <= 0.0 || (0..n).any(|i| u[(i, i)] == 0.0) {
        return 0.0;
    }
    let fwd = |x: &mut Vec<f64>| {
        let mut v = nalgebra::DVector::from_vec(std::mem::take(x));
        u.solve_upper_triangular_mut(&mut v);
        *x = v.data.into();
    };
    let back = |x: &mut Vec<f64>| {
        let mut v = nalgebra::DVector::from_vec(std::mem::take(x));
        u.tr_solve_upper_triangular_mut(&mut v);
        *x = v.data.into();
    };
    let ainv = if one {
        norm1_estimate(n, fwd, back)
    } else {
        norm1_estimate(n, back, fwd)
    };
    if ainv == 0.0 || !ainv.is_finite() {
        return 0.0;
    }
    (1.0 / anorm) / ainv
}

/// LINPACK `dtrco`'s estimate of the reciprocal condition number of the upper triangle of
/// the square `t` in the 1-norm (R's `kappa()` without `exact` uses it).
pub fn dtrco(t: &Mat) -> f64 {
    let n = t.nrows();
    if n == 0 {
        return f64::INFINITY;
    }
    let tnorm = (0..n)
        .map(|j| (0..=j).map(|i| t[(i, j)].abs()).sum::<f64>())
        .fold(0.0, f64::max);
    let asum = |z: &[f64]| z.iter().map(|v| v.abs()).sum::<f64>();
    // solve t' y = e, choosing the signs of e to make y large
    let mut ek = 1.0f64;
    let mut z = vec![0.0f64; n];
    for k in 0..n {
        let tkk = t[(k, k)];
        if z[k] != 0.0 {
            ek = ek.abs() * (-z[k]).signum();
        }
        if (ek - z[k]).abs() > tkk.abs() {
            let s = tkk.abs() / (ek - z[k]).abs();
            z.iter_mut().for_each(|v| *v *= s);
            ek *= s;
        }
        let mut wk = ek - z[k];
        let mut wkm = -ek - z[k];
        let mut s = wk.abs();
        let mut sm = wkm.abs();
        if tkk != 0.0 {
            wk /= tkk;
            wkm /= tkk;
        } else {
            wk = 1.0;
            wkm = 1.0;
        }
        if k + 1 < n {
            for j in k + 1..n {
                sm += (z[j] + wkm * t[(k, j)]).abs();
                z[j] += wk * t[(k, j)];
                s += z[j].abs();
            }
            if s < sm {
                let w = wkm - wk;
                wk = wkm;
                for j in k + 1..n {
                    z[j] += w * t[(k, j)];
                }
            }
        }
        z[k] = wk;
    }
    let s = 1.0 / asum(&z);
    z.iter_mut().for_each(|v| *v *= s);
    // solve t z = y
    let mut ynorm = 1.0;
    for k in (0..n).rev() {
        let tkk = t[(k, k)];
        if z[k].abs() > tkk.abs() {
            let s = tkk.abs() / z[k].abs();
            z.iter_mut().for_each(|v| *v *= s);
            ynorm *= s;
        }
        if tkk != 0.0 {
            z[k] /= tkk;
        } else {
            z[k] = 1.0;
        }
        let w = -z[k];
        for i in 0..k {
            z[i] += w * t[(i, k)];
        }
    }
    let s = 1.0 / asum(&z);
    ynorm *= s;
    if tnorm != 0.0 {
        ynorm / tnorm
    } else {
        0.0
    }
}

/// Solves `A X = B` as R's `solve.default` does (`dgesv` plus `dgecon`'s check against `tol`).
pub fn solve_mat(a: &Mat, b: &Mat, tol: f64) -> Result<Mat, String> {
    let f = lu(a);
    if let Some(k) = f.singular_at() {
        return Err(format!(
            "Lapack routine dgesv: system is exactly singular: U[{},{}] = 0",
            k, k
        ));
    }
    if tol > 0.0 {
        let rcond = f.rcond(norm1(a), true);
        if rcond < tol {
            return Err(format!(
                "system is computationally singular: reciprocal condition number = {}",
                fmt_g(rcond)
            ));
        }
    }
    Ok(f.solve(b))
}

/// C's `%g` with 6 significant digits.
pub fn fmt_g(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return format!("{}", x);
    }
    let e = x.abs().log10().floor() as i32;
    if !(-5..6).contains(&e) {
        let s = format!("{:.5e}", x);
        let (m, ex) = s.split_once('e').unwrap_or((&s, "0"));
        let m = if m.contains('.') {
            m.trim_end_matches('0').trim_end_matches('.')
        } else {
            m
        };
        let ex: i32 = ex.parse().unwrap_or(0);
        format!("{}e{}{:02}", m, if ex < 0 { '-' } else { '+' }, ex.abs())
    } else {
        let s = format!("{:.*}", (5 - e).max(0) as usize, x);
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    }
}

// ---------------------------------------------------------------------------------------
// Cholesky

/// Upper-triangular Cholesky factor `R` with `t(R) %*% R == A`. Only the upper triangle of
/// `A` is read, as LAPACK `dpotrf` does.
pub fn chol_mat(a: &Mat) -> Result<Mat, String> {
    let n = a.nrows();
    let sym = DMatrix::from_fn(n, n, |i, j| if i <= j { a[(i, j)] } else { a[(j, i)] });
    if let Some(c) = nalgebra::Cholesky::new(sym.clone()) {
        return Ok(c.unpack().transpose());
    }
    // the order of the first leading minor that is not positive definite
    let pd = |k: usize| nalgebra::Cholesky::new(sym.view((0, 0), (k, k)).into_owned()).is_some();
    let (mut lo, mut hi) = (0, n); // pd(lo) holds, pd(hi) fails
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if pd(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Err(format!(
        "the leading minor of order {} is not positive definite",
        hi
    ))
}

/// A Cholesky factorisation with complete (diagonal) pivoting, LAPACK `dpstrf`'s method:
/// `R' R = A[piv, piv]` for the leading `rank` rows. `tol < 0` takes LAPACK's default
/// (`n * eps * max(diag)`). Returns `(R, pivot (0-based), rank)`; rows past `rank` hold
/// the unfinished trailing block as `dpstrf` leaves it.
pub fn chol_pivot(a: &Mat, tol: f64) -> (Mat, Vec<usize>, usize) {
    let n = a.nrows();
    let mut r = DMatrix::from_fn(n, n, |i, j| if i <= j { a[(i, j)] } else { 0.0 });
    let mut piv: Vec<usize> = (0..n).collect();
    if n == 0 {
        return (r, piv, 0);
    }
    let dmax = (0..n).map(|i| r[(i, i)]).fold(f64::NEG_INFINITY, f64::max);
    let tol = if tol < 0.0 {
        n as f64 * f64::EPSILON * dmax
    } else {
        tol
    };
    // work[i]: the squares already subtracted from diagonal i
    let mut work = vec![0.0; n];
    let mut rank = n;
    for j in 0..n {
        // the largest remaining diagonal
        let mut p = j;
        let mut best = f64::NEG_INFINITY;
        for i in j..n {
            let d = r[(i, i)] - work[i];
            if d > best {
                best = d;
                p = i;
            }
        }
        if best <= tol || best.is_nan() {
            // dpstrf stores the largest remaining diagonal here and leaves the rest of the
            // trailing block as it was
            rank = j;
            if j > 0 {
                r[(j, j)] = best;
            }
            break;
        }
        if p != j {
            // symmetric swap of rows/columns j and p in the upper triangle
            r.swap((j, j), (p, p));
            for i in 0..j {
                r.swap((i, j), (i, p));
            }
            for i in j + 1..p {
                let t = r[(j, i)];
                r[(j, i)] = r[(i, p)];
                r[(i, p)] = t;
            }
            for i in p + 1..n {
                r.swap((j, i), (p, i));
            }
            work.swap(j, p);
            piv.swap(j, p);
        }
        let d = (r[(j, j)] - work[j]).sqrt();
        r[(j, j)] = d;
        for i in j + 1..n {
            let mut s = r[(j, i)];
            for k in 0..j {
                s -= r[(k, j)] * r[(k, i)];
            }
            r[(j, i)] = s / d;
            work[i] += r[(j, i)] * r[(j, i)];
        }
    }
    (r, piv, rank)
}

/// `(R'R)^{-1}` from the leading `size x size` upper triangle of `r` (R's `chol2inv`).
/// A zero on the diagonal is an error naming its (1-based) position.
pub fn chol2inv(r: &Mat, size: usize) -> Result<Mat, String> {
    let k = size;
    let u = r.view((0, 0), (k, k)).upper_triangle();
    if let Some(i) = (0..k).find(|&i| u[(i, i)] == 0.0) {
        return Err(format!(
            "element ({}, {}) is zero, so the inverse cannot be computed",
            i + 1,
            i + 1
        ));
    }
    let mut rinv = Mat::identity(k, k);
    u.solve_upper_triangular_mut(&mut rinv);
    // rinv is upper triangular; the result is rinv rinv'
    let mut out = gemm(&rinv, Op::N, &rinv, Op::T);
    // exact symmetry, as LAPACK's dpotri fills one triangle and R mirrors it
    for j in 0..k {
        for i in j + 1..k {
            out[(i, j)] = out[(j, i)];
        }
    }
    Ok(out)
}

/// Solves `T X = B` for the `k x k` leading block of `t`, upper or lower triangular
/// (`trans` solves `T' X = B`): R's `backsolve`/`forwardsolve`. `b` has `k` rows.
pub fn tri_solve(t: &Mat, k: usize, upper: bool, trans: bool, b: &Mat) -> Result<Mat, String> {
    let tk = t.view((0, 0), (k, k));
    if let Some(i) = (0..k).find(|&i| tk[(i, i)] == 0.0) {
        return Err(format!(
            "singular matrix in 'backsolve'. First zero in diagonal [{}]",
            i + 1
        ));
    }
    let mut x = b.clone();
    let tri = if upper {
        tk.upper_triangle()
    } else {
        tk.lower_triangle()
    };
    match (upper, trans) {
        (true, false) => tri.solve_upper_triangular_mut(&mut x),
        (false, false) => tri.solve_lower_triangular_mut(&mut x),
        (true, true) => tri.tr_solve_upper_triangular_mut(&mut x),
        (false, true) => tri.tr_solve_lower_triangular_mut(&mut x),
    };
    Ok(x)
}

#[cfg(test)]
#[path = "linalg_tests.rs"]
pub(crate) mod tests;
