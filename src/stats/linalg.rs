//! Dense linear algebra on column-major `f64` matrices: products, LU (partial pivoting),
//! solving, determinants and Cholesky. Messages follow R's LAPACK wrappers.

/// A column-major matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct Mat {
    pub nrow: usize,
    pub ncol: usize,
    pub data: Vec<f64>,
}

impl Mat {
    /// A matrix from column-major data (`data.len()` must be `nrow * ncol`).
    pub fn new(nrow: usize, ncol: usize, data: Vec<f64>) -> Mat {
        debug_assert_eq!(data.len(), nrow * ncol);
        Mat { nrow, ncol, data }
    }
    /// The `n x n` identity.
    pub fn identity(n: usize) -> Mat {
        let mut data = vec![0.0; n * n];
        for i in 0..n {
            data[i * n + i] = 1.0;
        }
        Mat::new(n, n, data)
    }
    /// Element `(i, j)`.
    #[inline]
    pub fn at(&self, i: usize, j: usize) -> f64 {
        self.data[j * self.nrow + i]
    }
    #[inline]
    fn at_mut(&mut self, i: usize, j: usize) -> &mut f64 {
        &mut self.data[j * self.nrow + i]
    }
    /// The transpose.
    pub fn t(&self) -> Mat {
        let mut out = vec![0.0; self.data.len()];
        for j in 0..self.ncol {
            for i in 0..self.nrow {
                out[i * self.ncol + j] = self.at(i, j);
            }
        }
        Mat::new(self.ncol, self.nrow, out)
    }
}

/// `a %*% b` (the caller checks conformability). Sums run in index order, as the
/// reference BLAS does, so results match R's to the last bit for small matrices.
pub fn matmul(a: &Mat, b: &Mat) -> Mat {
    let (n, k, m) = (a.nrow, a.ncol, b.ncol);
    let mut out = vec![0.0; n * m];
    for j in 0..m {
        for i in 0..n {
            let mut s = 0.0;
            for l in 0..k {
                s += a.at(i, l) * b.at(l, j);
            }
            out[j * n + i] = s;
        }
    }
    Mat::new(n, m, out)
}

/// An LU factorisation `P A = L U` with partial pivoting (LAPACK `dgetrf` conventions).
#[derive(Clone, Debug)]
pub struct Lu {
    /// L (unit lower, below the diagonal) and U (on and above) packed together.
    pub lu: Mat,
    /// Row interchanges: at step `k`, row `k` was swapped with `piv[k]`.
    pub piv: Vec<usize>,
    /// The first zero pivot (1-based), as `dgetrf`'s INFO.
    pub singular_at: Option<usize>,
}

/// Factorises a square matrix.
pub fn lu(a: &Mat) -> Lu {
    let n = a.nrow;
    let mut m = a.clone();
    let mut piv = vec![0; n];
    let mut singular_at = None;
    for k in 0..n {
        let mut p = k;
        let mut best = m.at(k, k).abs();
        for i in k + 1..n {
            let v = m.at(i, k).abs();
            if v > best {
                best = v;
                p = i;
            }
        }
        piv[k] = p;
        if m.at(p, k) != 0.0 {
            if p != k {
                for j in 0..n {
                    m.data.swap(j * n + k, j * n + p);
                }
            }
            let d = m.at(k, k);
            for i in k + 1..n {
                *m.at_mut(i, k) /= d;
            }
        } else if singular_at.is_none() {
            singular_at = Some(k + 1);
        }
        for j in k + 1..n {
            let ukj = m.at(k, j);
            if ukj != 0.0 {
                for i in k + 1..n {
                    let l = m.at(i, k);
                    *m.at_mut(i, j) -= l * ukj;
                }
            }
        }
    }
    Lu {
        lu: m,
        piv,
        singular_at,
    }
}

impl Lu {
    /// Solves `A X = B` in place of `b` (A must be non-singular).
    pub fn solve(&self, b: &Mat) -> Mat {
        let n = self.lu.nrow;
        let mut x = b.clone();
        for j in 0..x.ncol {
            let col = &mut x.data[j * n..(j + 1) * n];
            for k in 0..n {
                col.swap(k, self.piv[k]);
            }
            for k in 0..n {
                let v = col[k];
                if v != 0.0 {
                    for i in k + 1..n {
                        col[i] -= v * self.lu.at(i, k);
                    }
                }
            }
            for k in (0..n).rev() {
                if col[k] != 0.0 {
                    col[k] /= self.lu.at(k, k);
                    let v = col[k];
                    for i in 0..k {
                        col[i] -= v * self.lu.at(i, k);
                    }
                }
            }
        }
        x
    }
    /// `(log|det|, sign)` as R's `determinant()` computes it.
    pub fn log_det(&self) -> (f64, i32) {
        let n = self.lu.nrow;
        let mut modulus = 0.0;
        let mut sign = 1;
        for i in 0..n {
            if self.piv[i] != i {
                sign = -sign;
            }
        }
        for i in 0..n {
            let d = self.lu.at(i, i);
            if d < 0.0 {
                sign = -sign;
            }
            modulus += d.abs().ln();
        }
        (modulus, sign)
    }
}

/// 1-norm of a matrix (maximum absolute column sum).
pub fn norm1(a: &Mat) -> f64 {
    (0..a.ncol)
        .map(|j| (0..a.nrow).map(|i| a.at(i, j).abs()).sum::<f64>())
        .fold(0.0, f64::max)
}

/// Solves `A X = B` as R's `solve.default` does (`dgesv` plus a condition check).
pub fn solve_mat(a: &Mat, b: &Mat, tol: f64) -> Result<Mat, String> {
    let f = lu(a);
    if let Some(k) = f.singular_at {
        return Err(format!(
            "Lapack routine dgesv: system is exactly singular: U[{},{}] = 0",
            k, k
        ));
    }
    if tol > 0.0 {
        let inv = f.solve(&Mat::identity(a.nrow));
        let rcond = 1.0 / (norm1(a) * norm1(&inv));
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

/// Upper-triangular Cholesky factor `R` with `t(R) %*% R == A` (only the upper triangle
/// of `A` is read, as LAPACK `dpotrf` does).
pub fn chol_mat(a: &Mat) -> Result<Mat, String> {
    let n = a.nrow;
    let mut r = Mat::new(n, n, vec![0.0; n * n]);
    for j in 0..n {
        let mut s = a.at(j, j);
        for k in 0..j {
            s -= r.at(k, j) * r.at(k, j);
        }
        if s <= 0.0 || s.is_nan() {
            return Err(format!(
                "the leading minor of order {} is not positive definite",
                j + 1
            ));
        }
        let d = s.sqrt();
        *r.at_mut(j, j) = d;
        for i in j + 1..n {
            let mut s = a.at(j, i);
            for k in 0..j {
                s -= r.at(k, j) * r.at(k, i);
            }
            *r.at_mut(j, i) = s / d;
        }
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_and_solves() {
        let a = Mat::new(2, 3, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        let b = Mat::new(3, 1, vec![1.0, 2.0, 3.0]);
        assert_eq!(matmul(&a, &b).data, vec![22.0, 28.0]);
        assert_eq!(a.t().data, vec![1.0, 3.0, 5.0, 2.0, 4.0, 6.0]);
        let m = Mat::new(2, 2, vec![2.0, 1.0, 1.0, 3.0]);
        let inv =
            solve_mat(&m, &Mat::identity(2), f64::EPSILON).unwrap_or_else(|e| panic!("{}", e));
        let want = [0.6, -0.2, -0.2, 0.4];
        for (x, w) in inv.data.iter().zip(want) {
            assert!((x - w).abs() < 1e-15);
        }
        let s = solve_mat(
            &Mat::new(2, 2, vec![1.0, 2.0, 2.0, 4.0]),
            &Mat::identity(2),
            1e-16,
        );
        assert_eq!(
            s.err().as_deref(),
            Some("Lapack routine dgesv: system is exactly singular: U[2,2] = 0")
        );
        let s = solve_mat(&Mat::new(2, 2, vec![0.0; 4]), &Mat::identity(2), 1e-16);
        assert_eq!(
            s.err().as_deref(),
            Some("Lapack routine dgesv: system is exactly singular: U[1,1] = 0")
        );
    }

    #[test]
    fn determinants_and_cholesky() {
        let (m, s) = lu(&Mat::new(2, 2, vec![1.0, 2.0, 3.0, 4.0])).log_det();
        assert_eq!(s, -1);
        assert!((m - 2f64.ln()).abs() < 1e-15);
        let r =
            chol_mat(&Mat::new(2, 2, vec![4.0, 2.0, 2.0, 3.0])).unwrap_or_else(|e| panic!("{}", e));
        assert_eq!(r.data, vec![2.0, 0.0, 1.0, 2f64.sqrt()]);
        let e = chol_mat(&Mat::new(2, 2, vec![1.0, 2.0, 2.0, 1.0]));
        assert_eq!(
            e.err().as_deref(),
            Some("the leading minor of order 2 is not positive definite")
        );
        assert_eq!(fmt_g(1.23456789e-17), "1.23457e-17");
        assert_eq!(fmt_g(0.000123), "0.000123");
    }
}
