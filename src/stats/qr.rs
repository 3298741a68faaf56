//! Householder QR with R's limited column pivoting (the LINPACK `dqrdc2` strategy) and the
//! `dqrsl`-style operations R's `lm.fit` uses: `Q'y`, `Qy`, coefficients and residuals.
//!
//! Matrices are column-major `n x p` slices. The factorisation keeps LINPACK's compact form:
//! the upper triangle holds R, the part below the diagonal plus `qraux` the Householder vectors.

/// A compact QR factorisation (`qr`, `qraux`, `pivot`, `rank` as in R's `qr()` object).
#[derive(Clone, Debug)]
pub struct Qr {
    /// Column-major `n x p` compact factor.
    pub qr: Vec<f64>,
    /// Rows.
    pub n: usize,
    /// Columns.
    pub p: usize,
    /// Auxiliary Householder information (LINPACK `qraux`).
    pub qraux: Vec<f64>,
    /// 0-based original column of each pivoted column.
    pub pivot: Vec<usize>,
    /// Numerical rank.
    pub rank: usize,
}

/// Two-norm as reference BLAS `dnrm2` since LAPACK 3.10 (the one R links against): plain
/// sum of squares for mid-range values, scaled accumulators only for tiny or huge ones, so
/// results agree with R to the last bit.
fn nrm2(x: &[f64]) -> f64 {
    let tsml = 2f64.powi(-511);
    let tbig = 2f64.powi(486);
    let ssml = 2f64.powi(537);
    let sbig = 2f64.powi(-538);
    let (mut asml, mut amed, mut abig) = (0.0f64, 0.0f64, 0.0f64);
    let mut notbig = true;
    for &v in x {
        let ax = v.abs();
        if ax > tbig {
            abig += (ax * sbig) * (ax * sbig);
            notbig = false;
        } else if ax < tsml {
            if notbig {
                asml += (ax * ssml) * (ax * ssml);
            }
        } else {
            amed += ax * ax;
        }
    }
    let (scl, sumsq) = if abig > 0.0 {
        if amed > 0.0 || amed.is_nan() {
            abig += (amed * sbig) * sbig;
        }
        (1.0 / sbig, abig)
    } else if asml > 0.0 {
        if amed > 0.0 || amed.is_nan() {
            let amed = amed.sqrt();
            let asml = asml.sqrt() / ssml;
            let (ymin, ymax) = if asml > amed {
                (amed, asml)
            } else {
                (asml, amed)
            };
            (1.0, ymax * ymax * (1.0 + (ymin / ymax) * (ymin / ymax)))
        } else {
            (1.0 / ssml, asml)
        }
    } else {
        (1.0, amed)
    };
    scl * sumsq.sqrt()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Factorises the column-major `n x p` matrix `x` with tolerance `tol` (R uses 1e-7).
/// Columns whose remaining norm falls below `tol` times their original norm are moved to
/// the end, in order, exactly as `dqrdc2` does; `rank` counts the columns kept in front.
pub fn dqrdc2(x: &[f64], n: usize, p: usize, tol: f64) -> Qr {
    let mut a = x.to_vec();
    let mut qraux = vec![0.0; p];
    let mut work1 = vec![0.0; p];
    let mut work2 = vec![0.0; p];
    let mut pivot: Vec<usize> = (0..p).collect();
    if n > 0 {
        for j in 0..p {
            qraux[j] = nrm2(&a[j * n..(j + 1) * n]);
            work1[j] = qraux[j];
            work2[j] = if qraux[j] == 0.0 { 1.0 } else { qraux[j] };
        }
    }
    let lup = n.min(p);
    let mut k = p + 1; // 1-based as in LINPACK
    for l in 0..lup {
        // cycle negligible columns to the right-hand edge
        while l + 1 < k && qraux[l] < work2[l] * tol {
            let col: Vec<f64> = a[l * n..(l + 1) * n].to_vec();
            a.copy_within((l + 1) * n..p * n, l * n);
            a[(p - 1) * n..p * n].copy_from_slice(&col);
            let (pv, q, w1, w2) = (pivot[l], qraux[l], work1[l], work2[l]);
            for j in l + 1..p {
                pivot[j - 1] = pivot[j];
                qraux[j - 1] = qraux[j];
                work1[j - 1] = work1[j];
                work2[j - 1] = work2[j];
            }
            pivot[p - 1] = pv;
            qraux[p - 1] = q;
            work1[p - 1] = w1;
            work2[p - 1] = w2;
            k -= 1;
        }
        if l + 1 == n {
            continue;
        }
        let cl = l * n;
        let mut nrmxl = nrm2(&a[cl + l..cl + n]);
        if nrmxl == 0.0 {
            continue;
        }
        if a[cl + l] != 0.0 {
            nrmxl = nrmxl.abs() * a[cl + l].signum();
        }
        let s = 1.0 / nrmxl;
        for i in l..n {
            a[cl + i] *= s;
        }
        a[cl + l] += 1.0;
        for j in l + 1..p {
            let cj = j * n;
            let t = -dot(&a[cl + l..cl + n], &a[cj + l..cj + n]) / a[cl + l];
            for i in l..n {
                a[cj + i] += t * a[cl + i];
            }
            if qraux[j] != 0.0 {
                let tt = (1.0 - (a[cj + l].abs() / qraux[j]).powi(2)).max(0.0);
                if tt.abs() >= 1e-6 {
                    qraux[j] *= tt.sqrt();
                } else {
                    qraux[j] = nrm2(&a[cj + l + 1..cj + n]);
                    work1[j] = qraux[j];
                }
            }
        }
        qraux[l] = a[cl + l];
        a[cl + l] = -nrmxl;
    }
    let rank = (k - 1).min(n);
    Qr {
        qr: a,
        n,
        p,
        qraux,
        pivot,
        rank,
    }
}

impl Qr {
    /// Applies the first `k` Householder reflections: `Q'y` (`dqrsl` job qty).
    pub fn qty_k(&self, y: &mut [f64], k: usize) {
        let n = self.n;
        for j in 0..k.min(n.saturating_sub(1)).min(self.p) {
            self.reflect(j, y);
        }
    }
    fn reflect(&self, j: usize, y: &mut [f64]) {
        let n = self.n;
        if self.qraux[j] == 0.0 {
            return;
        }
        let cj = j * n;
        let mut t = self.qraux[j] * y[j];
        for i in j + 1..n {
            t += self.qr[cj + i] * y[i];
        }
        t = -t / self.qraux[j];
        y[j] += t * self.qraux[j];
        for i in j + 1..n {
            y[i] += t * self.qr[cj + i];
        }
    }
    /// Applies `Q` (the first `k` reflections in reverse order): `Qy`.
    pub fn qy_k(&self, y: &mut [f64], k: usize) {
        let m = k.min(self.n.saturating_sub(1)).min(self.p);
        for j in (0..m).rev() {
            self.reflect(j, y);
        }
    }
    /// `Q'y` with all `min(n, p)` reflections (R's `qr.qty`).
    pub fn qty(&self, y: &mut [f64]) {
        self.qty_k(y, self.p);
    }
    /// `Qy` with all reflections (R's `qr.qy`).
    pub fn qy(&self, y: &mut [f64]) {
        self.qy_k(y, self.p);
    }
    /// Element (i, j) of the compact factor.
    pub fn at(&self, i: usize, j: usize) -> f64 {
        self.qr[j * self.n + i]
    }
    /// Solves `R[1:k,1:k] b = qty[1:k]` by back substitution (k = rank), on nalgebra's
    /// triangular solve.
    pub fn backsolve(&self, qty: &[f64]) -> Vec<f64> {
        let k = self.rank;
        let r = self.leading_r(k);
        let mut b = nalgebra::DVector::from_column_slice(&qty[..k]);
        r.solve_upper_triangular_mut(&mut b);
        b.data.into()
    }
    /// The leading `k x k` upper triangle of the factor.
    fn leading_r(&self, k: usize) -> crate::stats::linalg::Mat {
        crate::stats::linalg::Mat::from_fn(k, k, |i, j| if i <= j { self.at(i, j) } else { 0.0 })
    }
    /// `(R'R)^{-1}` for the leading `rank x rank` block (R's `chol2inv(qr[p1, p1])`),
    /// column-major `rank x rank`; NaN where R has a zero on its diagonal.
    pub fn unscaled_cov(&self) -> Vec<f64> {
        let k = self.rank;
        match crate::stats::linalg::chol2inv(&self.leading_r(k), k) {
            Ok(m) => m.data.into(),
            Err(_) => vec![f64::NAN; k * k],
        }
    }
}

/// The result of a least-squares fit on a QR factorisation (`dqrls`).
#[derive(Clone, Debug)]
pub struct LsFit {
    /// The factorisation.
    pub qr: Qr,
    /// Coefficients in pivoted order; entries past `rank` are NaN (NA in R).
    pub coef: Vec<f64>,
    /// `Q'y`.
    pub effects: Vec<f64>,
    /// `y - X b`.
    pub residuals: Vec<f64>,
}

/// Least squares for one response: factorise `x` (column-major `n x p`) and solve.
pub fn lsfit(x: &[f64], n: usize, p: usize, y: &[f64], tol: f64) -> LsFit {
    let qr = dqrdc2(x, n, p, tol);
    let k = qr.rank;
    let mut qty = y.to_vec();
    qr.qty_k(&mut qty, k);
    let b = qr.backsolve(&qty);
    let mut coef = vec![f64::NAN; p];
    coef[..k].copy_from_slice(&b);
    let mut rsd = qty.clone();
    for v in rsd.iter_mut().take(k) {
        *v = 0.0;
    }
    qr.qy_k(&mut rsd, k);
    LsFit {
        qr,
        coef,
        effects: qty,
        residuals: rsd,
    }
}

/// Reduces a block of rows into an existing triangular factor: given the `p x p` upper
/// triangle `r` (column-major, or `None` for the first block) and a row block `x`
/// (column-major `m x p`), returns the new `p x p` triangle of `[r; x]`. Blocks reduced this
/// way (in any grouping) give the same R up to row signs, which is the TSQR building block.
pub fn reduce_block(r: Option<&[f64]>, x: &[f64], m: usize, p: usize) -> Vec<f64> {
    let top = if r.is_some() { p } else { 0 };
    let n = top + m;
    let mut a = vec![0.0; n * p];
    for j in 0..p {
        if let Some(r) = r {
            for i in 0..=j.min(p - 1) {
                a[j * n + i] = r[j * p + i];
            }
        }
        for i in 0..m {
            a[j * n + top + i] = x[j * m + i];
        }
    }
    let q = dqrdc2(&a, n, p, 0.0);
    let mut out = vec![0.0; p * p];
    for j in 0..p {
        for i in 0..=j.min(n.saturating_sub(1)) {
            out[j * p + i] = q.at(i, j);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_deficient_pivots_to_end() {
        // y ~ x1 + x2 with x2 = 2 * x1 (R: rank 2, pivot 1 2 3, x2 coefficient NA)
        let n = 6;
        let x1: Vec<f64> = (1..=6).map(|v| v as f64).collect();
        let mut x = vec![1.0; n];
        x.extend(&x1);
        x.extend(x1.iter().map(|v| 2.0 * v));
        let y = [1.2, 2.3, 2.9, 4.1, 5.2, 5.8];
        let f = lsfit(&x, n, 3, &y, 1e-7);
        assert_eq!(f.qr.rank, 2);
        assert_eq!(f.qr.pivot, vec![0, 1, 2]);
        assert!((f.coef[0] - 0.293333333333333).abs() < 1e-12);
        assert!((f.coef[1] - 0.94).abs() < 1e-12);
        assert!(f.coef[2].is_nan());
    }

    #[test]
    fn aliased_middle_column_moves_last() {
        // columns: 1, x, 2x, z -> R's pivot is 1 2 4 3
        let n = 5;
        let xs = [1.0, 2.0, 4.0, 3.0, 7.0];
        let zs = [2.0, -1.0, 0.5, 3.0, 1.0];
        let mut x = vec![1.0; n];
        x.extend(xs);
        x.extend(xs.iter().map(|v| 2.0 * v));
        x.extend(zs);
        let y = [1.0, 3.0, 2.0, 5.0, 4.0];
        let f = lsfit(&x, n, 4, &y, 1e-7);
        assert_eq!(f.qr.rank, 3);
        assert_eq!(f.qr.pivot, vec![0, 1, 3, 2]);
        assert!(f.coef[3].is_nan());
        // residuals are orthogonal to the kept columns
        let s: f64 = f.residuals.iter().zip(&xs).map(|(r, v)| r * v).sum();
        assert!(s.abs() < 1e-10);
    }

    #[test]
    fn simple_regression_matches_r() {
        // lm(dist ~ speed, cars) first 5 rows: coef from R
        let sp = [4.0, 4.0, 7.0, 7.0, 8.0];
        let d = [2.0, 10.0, 4.0, 22.0, 16.0];
        let mut x = vec![1.0; 5];
        x.extend(sp);
        let f = lsfit(&x, 5, 2, &d, 1e-7);
        // R: coef(lm(d ~ sp)) and effects(...)
        assert!((f.coef[0] - (-3.77142857142857)).abs() < 1e-12);
        assert!((f.coef[1] - 2.42857142857143).abs() < 1e-12);
        assert!((f.effects[4] - 4.25693279976545).abs() < 1e-12);
        assert!((f.effects[0] - (-24.149534156997)).abs() < 1e-9);
    }

    #[test]
    fn block_reduction_matches_full() {
        let n = 8;
        let xs: Vec<f64> = (0..n).map(|i| (i as f64 * 1.7).sin() + i as f64).collect();
        let mut x = vec![1.0; n];
        x.extend(&xs);
        let full = reduce_block(None, &x, n, 2);
        let top: Vec<f64> = vec![1.0; 4]
            .into_iter()
            .chain(xs[..4].iter().cloned())
            .collect();
        let bot: Vec<f64> = vec![1.0; 4]
            .into_iter()
            .chain(xs[4..].iter().cloned())
            .collect();
        let r1 = reduce_block(None, &top, 4, 2);
        let r2 = reduce_block(Some(&r1), &bot, 4, 2);
        for j in 0..2 {
            for i in 0..=j {
                assert!((full[j * 2 + i].abs() - r2[j * 2 + i].abs()).abs() < 1e-10);
            }
        }
    }
}
