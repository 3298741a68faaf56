//! Parallel least squares for tall designs: TSQR (row blocks reduced to small triangular
//! factors on all cores, then combined). The design is read block by block through
//! [`RowSource`], so it never has to exist as one `n x p` matrix. R's pivoting on the small
//! factor, and folding factors over a source of row blocks, are [`super::lm_fit`]'s.

use std::sync::OnceLock;

/// Worker threads for parallel kernels: `RSC_THREADS` if set (at least 1), else all cores.
pub fn threads() -> usize {
    static T: OnceLock<usize> = OnceLock::new();
    *T.get_or_init(|| {
        std::env::var("RSC_THREADS")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&t| t > 0)
            .unwrap_or_else(|| {
                std::thread::available_parallelism()
                    .map(|t| t.get())
                    .unwrap_or(1)
            })
    })
}

/// Rows of a design matrix, produced block by block (possibly from several threads).
pub trait RowSource: Sync {
    /// Columns.
    fn ncol(&self) -> usize;
    /// Writes rows `i0..i0 + m` of every column into `out`, column-major with leading
    /// dimension `m` (`out.len() >= m * ncol()`).
    fn fill(&self, i0: usize, m: usize, out: &mut [f64]);
    /// Adds `X b` over rows `i0..i0 + out.len()` to `out`, skipping NaN coefficients (the
    /// aliased), with `scratch` (`out.len() * ncol()` long) as room to fill rows into.
    fn add_xb(&self, i0: usize, coef: &[f64], out: &mut [f64], scratch: &mut [f64]) {
        let m = out.len();
        self.fill(i0, m, &mut scratch[..m * self.ncol()]);
        for (j, &b) in coef.iter().enumerate() {
            if !b.is_nan() {
                axpy(b, &scratch[j * m..(j + 1) * m], out);
            }
        }
    }
}

/// A column-major `n x p` matrix as a [`RowSource`].
pub struct Dense<'a> {
    /// Values.
    pub x: &'a [f64],
    /// Rows.
    pub n: usize,
    /// Columns.
    pub p: usize,
}

impl RowSource for Dense<'_> {
    fn ncol(&self) -> usize {
        self.p
    }
    fn fill(&self, i0: usize, m: usize, out: &mut [f64]) {
        for j in 0..self.p {
            out[j * m..(j + 1) * m].copy_from_slice(&self.x[j * self.n + i0..j * self.n + i0 + m]);
        }
    }
}

/// Rows per block: a block of 16 columns stays within 32 KB.
const BLOCK: usize = 256;

/// Dot product with eight independent accumulators (so it vectorises).
#[inline(always)]
fn dot(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut s = [0.0f64; 8];
    let ca = a.chunks_exact(8);
    let cb = b.chunks_exact(8);
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            s[k] += x[k] * y[k];
        }
    }
    let mut t = ((s[0] + s[4]) + (s[1] + s[5])) + ((s[2] + s[6]) + (s[3] + s[7]));
    for (x, y) in ra.iter().zip(rb) {
        t += x * y;
    }
    t
}

/// `y += alpha * x`.
#[inline]
pub(crate) fn axpy(alpha: f64, x: &[f64], y: &mut [f64]) {
    for (yi, xi) in y.iter_mut().zip(x) {
        *yi += alpha * xi;
    }
}

#[inline(always)]
fn sumsq(x: &[f64]) -> f64 {
    dot(x, x)
}

/// Folds a row block into an upper-triangular factor: `r` is `q x q` column-major upper
/// triangular, `b` is `m x q` column-major (overwritten). Afterwards `r` is the triangular
/// factor of `[r; b]` (Householder reflections that keep the triangle's structure).
///
/// On processors with AVX2 the same code runs compiled for it: four lanes instead of two,
/// the same operations in the same order on each (no fused multiply-adds), so the results
/// are the same to the bit.
pub fn fold(r: &mut [f64], q: usize, b: &mut [f64], m: usize) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, checked on the line above; the function's body
        // is safe code.
        #[allow(unsafe_code)]
        unsafe {
            fold_avx2(r, q, b, m)
        };
        return;
    }
    fold_body(r, q, b, m)
}

/// [`fold`] compiled for AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn fold_avx2(r: &mut [f64], q: usize, b: &mut [f64], m: usize) {
    fold_body(r, q, b, m)
}

/// [`fold`]'s work, inlined into each compiled version.
#[inline(always)]
fn fold_body(r: &mut [f64], q: usize, b: &mut [f64], m: usize) {
    for l in 0..q {
        let (head, tail) = b.split_at_mut((l + 1) * m);
        let v = &mut head[l * m..];
        let mut xn2 = sumsq(v);
        if xn2 == 0.0 {
            continue;
        }
        let alpha = r[l * q + l];
        if !xn2.is_finite() || xn2 < 1e-280 {
            // rescale to avoid overflow or underflow of the squares
            let s = v.iter().fold(alpha.abs(), |a, x| a.max(x.abs()));
            if s == 0.0 || !s.is_finite() {
                continue;
            }
            xn2 = v.iter().map(|x| (x / s) * (x / s)).sum::<f64>() * s * s;
        }
        let norm = (alpha * alpha + xn2).sqrt();
        let beta = if alpha >= 0.0 { -norm } else { norm };
        let tau = (beta - alpha) / beta;
        let scale = 1.0 / (alpha - beta);
        for x in v.iter_mut() {
            *x *= scale;
        }
        r[l * q + l] = beta;
        // the reflection applied to the later columns, four at a time (each pass over `v`
        // serves several columns)
        let mut cols = tail.chunks_exact_mut(m);
        let mut j = l + 1;
        while j < q {
            match q - j {
                1 => reflect::<1>(&mut cols, v, tau, r, q, l, j),
                2 => reflect::<2>(&mut cols, v, tau, r, q, l, j),
                3 => reflect::<3>(&mut cols, v, tau, r, q, l, j),
                _ => reflect::<4>(&mut cols, v, tau, r, q, l, j),
            }
            j += (q - j).min(4);
        }
    }
}

/// Applies the reflection `I - tau v v'` (its first element 1, kept in `r[l, l]`'s row) to
/// the next `K` columns of the block and their entries `r[l, j..j+K]`.
#[inline(always)]
fn reflect<const K: usize>(
    cols: &mut std::slice::ChunksExactMut<f64>,
    v: &[f64],
    tau: f64,
    r: &mut [f64],
    q: usize,
    l: usize,
    j: usize,
) {
    let mut c: [&mut [f64]; K] = std::array::from_fn(|_| <&mut [f64]>::default());
    for ck in c.iter_mut() {
        match cols.next() {
            Some(x) => *ck = x,
            None => return,
        }
    }
    let d = dotk(v, &c);
    let mut a = [0.0; K];
    for k in 0..K {
        let tw = tau * (r[(j + k) * q + l] + d[k]);
        r[(j + k) * q + l] -= tw;
        a[k] = -tw;
    }
    axpyk(a, v, c);
}

/// Dot products of `v` with `K` columns, each with four independent accumulators.
#[inline(always)]
fn dotk<const K: usize>(v: &[f64], c: &[&mut [f64]; K]) -> [f64; K] {
    let n = v.len();
    let mut s = [[0.0f64; 4]; K];
    let main = n - n % 4;
    for i in (0..main).step_by(4) {
        let vi = &v[i..i + 4];
        for k in 0..K {
            let x = &c[k][i..i + 4];
            for t in 0..4 {
                s[k][t] += vi[t] * x[t];
            }
        }
    }
    let mut out = [0.0; K];
    for k in 0..K {
        let sk = s[k];
        let mut t = (sk[0] + sk[2]) + (sk[1] + sk[3]);
        for i in main..n {
            t += v[i] * c[k][i];
        }
        out[k] = t;
    }
    out
}

/// `c[k] += a[k] * v` for `K` columns, in one pass over `v`.
#[inline(always)]
fn axpyk<const K: usize>(a: [f64; K], v: &[f64], c: [&mut [f64]; K]) {
    let n = v.len();
    let c = c.map(|x| &mut x[..n]);
    for i in 0..n {
        let x = v[i];
        for k in 0..K {
            c[k][i] += a[k] * x;
        }
    }
}

/// Splits `0..n` into `k` contiguous ranges of nearly equal size, aligned to `BLOCK` rows.
fn ranges(n: usize, k: usize) -> Vec<(usize, usize)> {
    let k = k.max(1);
    let blocks = n.div_ceil(BLOCK);
    let per = blocks.div_ceil(k);
    (0..k)
        .map(|t| ((t * per * BLOCK).min(n), ((t + 1) * per * BLOCK).min(n)))
        .filter(|(a, b)| a < b)
        .collect()
}

/// Reduces rows `a..b` of `[X y]` (rows scaled by `sw` when given) into a `(p+1) x (p+1)`
/// triangular factor.
fn reduce_range(
    src: &dyn RowSource,
    y: &[f64],
    sw: Option<&[f64]>,
    a: usize,
    b: usize,
) -> Vec<f64> {
    let p = src.ncol();
    let q = p + 1;
    let mut r = vec![0.0; q * q];
    let mut buf = vec![0.0; BLOCK * q];
    let mut i0 = a;
    while i0 < b {
        let m = BLOCK.min(b - i0);
        let blk = &mut buf[..m * q];
        src.fill(i0, m, blk);
        blk[p * m..q * m].copy_from_slice(&y[i0..i0 + m]);
        if let Some(sw) = sw {
            let w = &sw[i0..i0 + m];
            for j in 0..q {
                for (x, wi) in blk[j * m..(j + 1) * m].iter_mut().zip(w) {
                    *x *= wi;
                }
            }
        }
        fold(&mut r, q, blk, m);
        i0 += m;
    }
    r
}

/// The `(p+1) x (p+1)` triangular factor of `[X y]` (rows scaled by `sw`), reduced over
/// `threads` threads.
pub fn tsqr(
    src: &dyn RowSource,
    n: usize,
    y: &[f64],
    sw: Option<&[f64]>,
    threads: usize,
) -> Vec<f64> {
    let q = src.ncol() + 1;
    let parts = ranges(n, threads);
    let mut rs: Vec<Vec<f64>> = if parts.len() <= 1 {
        vec![reduce_range(src, y, sw, 0, n)]
    } else {
        std::thread::scope(|s| {
            let hs: Vec<_> = parts
                .iter()
                .map(|&(a, b)| s.spawn(move || reduce_range(src, y, sw, a, b)))
                .collect();
            hs.into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    let mut r = rs.remove(0);
    for mut other in rs {
        // fold the other triangle in as a q-row block (column-major q x q)
        fold(&mut r, q, &mut other, q);
    }
    r
}

/// `X b` over all rows (aliased coefficients, NaN, are skipped), computed in parallel.
pub fn lin_pred(src: &dyn RowSource, n: usize, coef: &[f64], threads: usize) -> Vec<f64> {
    let mut out = vec![0.0; n];
    add_lin_pred(src, coef, 1.0, &mut out, threads);
    out
}

/// `out += sign * X b` over the rows of `out` (residuals in place with `sign = -1`, with no
/// `n`-long temporary), computed in parallel.
pub fn add_lin_pred(src: &dyn RowSource, coef: &[f64], sign: f64, out: &mut [f64], threads: usize) {
    let p = src.ncol();
    let coef: Vec<f64> = coef.iter().map(|b| sign * b).collect();
    par_rows([out], threads, |a, [chunk]| {
        let mut buf = vec![0.0; BLOCK * p];
        let mut i0 = 0;
        while i0 < chunk.len() {
            let m = BLOCK.min(chunk.len() - i0);
            src.add_xb(a + i0, &coef, &mut chunk[i0..i0 + m], &mut buf);
            i0 += m;
        }
    });
}

/// Fitted values `X b` (plus `offset`) and residuals `y - fitted` over all rows, computed
/// in one parallel pass (aliased coefficients, NaN, are skipped).
pub fn fitted_resid(
    src: &dyn RowSource,
    coef: &[f64],
    y: &[f64],
    offset: Option<&[f64]>,
    threads: usize,
) -> (Vec<f64>, Vec<f64>) {
    let (n, p) = (y.len(), src.ncol());
    let mut fitted = vec![0.0; n];
    let mut resid = vec![0.0; n];
    par_rows([&mut fitted, &mut resid], threads, |a, [fit, res]| {
        crate::mem::populate(fit);
        crate::mem::populate(res);
        let mut buf = vec![0.0; BLOCK * p];
        let mut i0 = 0;
        while i0 < fit.len() {
            let m = BLOCK.min(fit.len() - i0);
            let f = &mut fit[i0..i0 + m];
            if let Some(o) = offset {
                f.copy_from_slice(&o[a + i0..a + i0 + m]);
            }
            src.add_xb(a + i0, coef, f, &mut buf);
            for ((r, yi), fi) in res[i0..i0 + m].iter_mut().zip(&y[a + i0..]).zip(&*f) {
                *r = yi - fi;
            }
            i0 += m;
        }
    });
    (fitted, resid)
}

/// Runs `work(a, windows)` for the [`ranges`] of rows `a..` of the equal-length `outs`,
/// one thread each (on this thread when there is one range), each with its own windows.
fn par_rows<const K: usize>(
    outs: [&mut [f64]; K],
    threads: usize,
    work: impl Fn(usize, [&mut [f64]; K]) + Sync,
) {
    let n = outs.first().map_or(0, |o| o.len());
    let parts = ranges(n, threads);
    if parts.len() <= 1 {
        return work(0, outs);
    }
    std::thread::scope(|s| {
        let mut rest = outs;
        let mut hs = Vec::new();
        for &(a, b) in &parts {
            let mut mine: [&mut [f64]; K] = std::array::from_fn(|_| <&mut [f64]>::default());
            for (m, r) in mine.iter_mut().zip(rest.iter_mut()) {
                let (head, tail) = std::mem::take(r).split_at_mut(b - a);
                (*m, *r) = (head, tail);
            }
            let work = &work;
            hs.push(s.spawn(move || work(a, mine)));
        }
        for h in hs {
            h.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::lm_fit::{self, Block, InMemory, TallFit};
    use crate::stats::qr::lsfit;

    /// The least-squares fit of the rows of `src` in memory.
    fn fit(
        src: &dyn RowSource,
        y: &[f64],
        sw: Option<&[f64]>,
        tol: f64,
        threads: usize,
    ) -> TallFit {
        let rows = Block {
            x: src,
            y,
            offset: None,
            sw,
        };
        match lm_fit::fit(&mut InMemory(rows), tol, threads) {
            Ok(Some(f)) => f,
            _ => panic!("no fit"),
        }
    }

    fn lcg(seed: &mut u64) -> f64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((*seed >> 11) as f64) / ((1u64 << 53) as f64) - 0.5
    }

    /// A random design: intercept, 3 numeric columns, a collinear column, a 4-level
    /// factor's treatment dummies; and a response.
    fn design(n: usize, seed: u64) -> (Vec<f64>, usize, Vec<f64>) {
        let mut s = seed;
        let p = 8;
        let mut x = vec![0.0; n * p];
        let mut y = vec![0.0; n];
        for i in 0..n {
            let x1 = lcg(&mut s) * 4.0;
            let x2 = lcg(&mut s) + 10.0;
            let x3 = lcg(&mut s) * 0.01;
            let g = ((lcg(&mut s) + 0.5) * 4.0) as usize % 4;
            let row = [
                1.0,
                x1,
                x2,
                2.0 * x1 - x2,
                x3,
                (g == 1) as u8 as f64,
                (g == 2) as u8 as f64,
                (g == 3) as u8 as f64,
            ];
            for j in 0..p {
                x[j * n + i] = row[j];
            }
            y[i] = 1.0 + 2.0 * x1 - 0.5 * x2 + 30.0 * x3 + g as f64 * 0.7 + lcg(&mut s);
        }
        (x, p, y)
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (a.abs().max(b.abs()).max(1e-300))
    }

    #[test]
    fn fitted_and_residuals_come_from_one_pass() {
        let n = 3000;
        let (x, p, y) = design(n, 7);
        let src = Dense { x: &x, n, p };
        // an aliased column (NaN) is skipped
        let coef = [0.5, 2.0, -0.5, f64::NAN, 30.0, 0.7, 1.4, 2.1];
        let offset: Vec<f64> = (0..n).map(|i| (i % 5) as f64).collect();
        for (threads, off) in [(1, None), (3, Some(&offset[..]))] {
            let (fitted, resid) = fitted_resid(&src, &coef, &y, off, threads);
            for i in 0..n {
                let mut want = off.map_or(0.0, |o| o[i]);
                for (j, &b) in coef.iter().enumerate() {
                    if !b.is_nan() {
                        want += b * x[j * n + i];
                    }
                }
                assert!(
                    close(fitted[i], want, 1e-12),
                    "{} {} {}",
                    i,
                    fitted[i],
                    want
                );
                assert_eq!(resid[i], y[i] - fitted[i]);
            }
        }
    }

    #[test]
    fn tall_fit_matches_serial_dqrdc2() {
        for &(n, threads, weighted) in
            &[(3000usize, 2usize, false), (1001, 3, true), (257, 1, false)]
        {
            let (x, p, y) = design(n, n as u64);
            let sw: Option<Vec<f64>> = if weighted {
                Some((0..n).map(|i| 0.5 + (i % 7) as f64 * 0.25).collect())
            } else {
                None
            };
            let (xs, ys) = match &sw {
                Some(w) => {
                    let mut xs = x.clone();
                    for j in 0..p {
                        for i in 0..n {
                            xs[j * n + i] *= w[i];
                        }
                    }
                    (xs, y.iter().zip(w).map(|(a, b)| a * b).collect::<Vec<_>>())
                }
                None => (x.clone(), y.clone()),
            };
            let serial = lsfit(&xs, n, p, &ys, 1e-7);
            let tall = fit(&Dense { x: &x, n, p }, &y, sw.as_deref(), 1e-7, threads);
            assert_eq!(tall.rank, serial.qr.rank);
            assert_eq!(tall.rank, 7);
            assert_eq!(tall.pivot, serial.qr.pivot);
            assert_eq!(tall.pivot, vec![0, 1, 2, 4, 5, 6, 7, 3]);
            for (k, &j) in serial.qr.pivot.iter().enumerate() {
                if k < serial.qr.rank {
                    assert!(
                        close(tall.coef[j], serial.coef[k], 1e-10),
                        "coef {} {} {}",
                        j,
                        tall.coef[j],
                        serial.coef[k]
                    );
                } else {
                    assert!(tall.coef[j].is_nan());
                }
            }
            for k in 0..serial.qr.rank {
                assert!(
                    close(tall.effects_head[k], serial.effects[k], 1e-10),
                    "effect {}: {} {}",
                    k,
                    tall.effects_head[k],
                    serial.effects[k]
                );
                assert!(
                    close(tall.qraux[k], serial.qr.qraux[k], 1e-10),
                    "qraux {}",
                    k
                );
            }
            // the first p rows of the compact qr, for the kept columns
            for j in 0..serial.qr.rank {
                for i in 0..p {
                    assert!(
                        close(tall.qr_top[j * p + i], serial.qr.at(i, j), 1e-9),
                        "qr[{},{}]: {} {}",
                        i,
                        j,
                        tall.qr_top[j * p + i],
                        serial.qr.at(i, j)
                    );
                }
            }
            // the remaining effects carry the residual sum of squares
            let rss: f64 = serial.residuals.iter().map(|r| r * r).sum();
            let tail: f64 = tall.effects_head[tall.rank..].iter().map(|e| e * e).sum();
            assert!(close(rss, tail, 1e-9));
            // unscaled covariance from the small factor
            let cs = serial.qr.unscaled_cov();
            let ct = tall.small.unscaled_cov();
            for (a, b) in cs.iter().zip(&ct) {
                assert!(close(*a, *b, 1e-9));
            }
            // residuals from the parallel pass
            let xb = lin_pred(&Dense { x: &x, n, p }, n, &tall.coef, threads);
            for i in 0..n {
                let r = y[i] - xb[i];
                let rs = serial.residuals[i] / sw.as_ref().map(|w| w[i]).unwrap_or(1.0);
                assert!((r - rs).abs() < 1e-10 * (1.0 + y[i].abs()), "resid {}", i);
            }
        }
    }

    #[test]
    fn fold_gives_the_same_bits_on_every_processor() {
        // the dispatched kernel (AVX2 where there is one) against the baseline build
        let (x, p, y) = design(1000, 11);
        let (x, y) = (&x, &y);
        let q = p + 1;
        let (mut r1, mut r2) = (vec![0.0; q * q], vec![0.0; q * q]);
        for blk in 0..4 {
            let m = 250;
            let mut b: Vec<f64> = (0..q)
                .flat_map(|j| {
                    (blk * m..(blk + 1) * m)
                        .map(move |i| if j < p { x[j * 1000 + i] } else { y[i] })
                })
                .collect();
            let mut b2 = b.clone();
            fold(&mut r1, q, &mut b, m);
            fold_body(&mut r2, q, &mut b2, m);
        }
        assert!(r1.iter().zip(&r2).all(|(a, b)| a.to_bits() == b.to_bits()));
        assert!(r1.iter().any(|&v| v != 0.0));
    }

    #[test]
    fn fold_handles_zero_blocks_and_ranges() {
        let q = 3;
        let mut r = vec![0.0; q * q];
        let mut b = vec![0.0; 4 * q];
        fold(&mut r, q, &mut b, 4);
        assert!(r.iter().all(|&v| v == 0.0));
        let rg = ranges(1000, 3);
        assert_eq!(rg.first().map(|x| x.0), Some(0));
        assert_eq!(rg.last().map(|x| x.1), Some(1000));
        for w in rg.windows(2) {
            assert_eq!(w[0].1, w[1].0);
        }
    }
}
