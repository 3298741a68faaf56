//! The least-squares fit of a source of rows, R's `lm.wfit` for data too tall to factor
//! at once. A source ([`LsRows`]) yields blocks of rows: design, response, offset and
//! square-root weights. Columns in memory are one block; a file streamed in chunks is a
//! block per chunk. Each block is reduced on all cores (TSQR, [`tsqr::tsqr`]) and folded
//! into one triangular factor of `[X y]` ([`Factor`]); R's limited-pivoting `dqrdc2` on that
//! small factor then gives R's rank, pivot and aliased (NA) coefficients ([`finish`]).
//!
//! The serial fit R computes also fixes the signs of the rows of R and of the effects and
//! the Householder scalars `qraux`. Those depend only on the first `p` rows of the design
//! (given the factor), so [`replay_top`] re-runs LINPACK's steps on those rows alone and
//! returns the first `p` rows of R's compact `qr` exactly (up to rounding).

use super::qr::{dqrdc2, Qr};
use super::tsqr::{self, RowSource};
use std::borrow::Cow;

/// A block of rows.
#[derive(Clone, Copy)]
pub struct Block<'a> {
    /// The design's rows.
    pub x: &'a dyn RowSource,
    /// The response, one value per row.
    pub y: &'a [f64],
    /// Subtracted from the response before the fit (R's offset).
    pub offset: Option<&'a [f64]>,
    /// Square roots of the weights; rows with 0 take no part.
    pub sw: Option<&'a [f64]>,
}

/// A source of rows for [`fit`]. Errors are messages; a source that fails in a richer
/// way keeps its error and returns some message for it.
pub trait LsRows {
    /// Calls `f` with each block of rows, in order, and stops at the first error.
    fn blocks(&mut self, f: &mut dyn FnMut(Block<'_>) -> Result<(), String>) -> Result<(), String>;
}

/// Rows in memory: one block of all of them.
pub struct InMemory<'a>(pub Block<'a>);

impl LsRows for InMemory<'_> {
    fn blocks(&mut self, f: &mut dyn FnMut(Block<'_>) -> Result<(), String>) -> Result<(), String> {
        f(self.0)
    }
}

/// Least squares of the response on the design over all rows of `rows`, with `dqrdc2`'s
/// tolerance `tol`, each block reduced on `threads` threads; `None` when no row has a
/// positive weight.
pub fn fit<R: LsRows + ?Sized>(
    rows: &mut R,
    tol: f64,
    threads: usize,
) -> Result<Option<TallFit>, String> {
    let mut f = Factor::new(threads);
    rows.blocks(&mut |b| f.add(b))?;
    Ok(f.solve(tol))
}

/// The triangular factor of `[X y]` (rows scaled by their root weights) folded over blocks
/// of rows, and the first `p` weighted design rows with a positive weight.
#[derive(Clone, Debug)]
pub struct Factor {
    /// `(p+1) x (p+1)` column-major; empty before the first block.
    r: Vec<f64>,
    p: usize,
    /// Rows folded in with a positive weight.
    n: usize,
    /// The first (up to `p`) of those rows, weighted, row by row.
    top: Vec<f64>,
    threads: usize,
}

impl Factor {
    /// No rows yet; blocks will be reduced on `threads` threads.
    pub fn new(threads: usize) -> Factor {
        Factor {
            r: vec![],
            p: 0,
            n: 0,
            top: vec![],
            threads,
        }
    }

    /// Rows folded in with a positive weight.
    pub fn nobs(&self) -> usize {
        self.n
    }

    /// Folds in a block: reduced by TSQR, its factor becomes the factor (the first block)
    /// or is folded into it.
    pub fn add(&mut self, b: Block<'_>) -> Result<(), String> {
        let (m, p) = (b.y.len(), b.x.ncol());
        if m == 0 {
            return Ok(());
        }
        if self.r.is_empty() {
            self.p = p;
        } else if p != self.p {
            return Err("the model matrix differs between blocks of rows".into());
        }
        let y: Cow<[f64]> = match b.offset {
            Some(off) => Cow::Owned(b.y.iter().zip(off).map(|(a, o)| a - o).collect()),
            None => Cow::Borrowed(b.y),
        };
        let mut r = tsqr::tsqr(b.x, m, &y, b.sw, self.threads);
        drop(y);
        let q = p + 1;
        if self.r.is_empty() {
            self.r = r;
        } else {
            // the block's triangle folded in as q more rows
            tsqr::fold(&mut self.r, q, &mut r, q);
        }
        let mut row = vec![0.0; p];
        let mut i = 0;
        while self.top.len() < p * p && i < m {
            let w = b.sw.map_or(1.0, |s| s[i]);
            if w != 0.0 {
                b.x.fill(i, 1, &mut row);
                self.top.extend(row.iter().map(|x| x * w));
            }
            i += 1;
        }
        self.n += b.sw.map_or(m, |s| s.iter().filter(|w| **w != 0.0).count());
        Ok(())
    }

    /// The fit from the rows folded in (`None` before any row with a positive weight).
    pub fn solve(&self, tol: f64) -> Option<TallFit> {
        if self.n == 0 {
            return None;
        }
        let p = self.p;
        let mut top = vec![0.0; p * p];
        for (i, row) in self.top.chunks(p.max(1)).enumerate() {
            for (j, v) in row.iter().enumerate() {
                top[j * p + i] = *v;
            }
        }
        Some(finish(&self.r, self.n, p, &top, tol))
    }
}

/// A least-squares fit of tall data, as R's `lm.fit` would give it (see the module doc).
#[derive(Clone, Debug)]
pub struct TallFit {
    /// The first `p` rows of R's compact `qr` (column-major `p x p`, pivoted columns).
    pub qr_top: Vec<f64>,
    /// LINPACK `qraux`.
    pub qraux: Vec<f64>,
    /// 0-based original column of each pivoted column.
    pub pivot: Vec<usize>,
    /// Numerical rank.
    pub rank: usize,
    /// Coefficients in the original column order (NaN for aliased columns).
    pub coef: Vec<f64>,
    /// The first `min(n, p + 1)` effects: `Q'y` for the first `rank` entries as R's; the
    /// rest carry the residual sum of squares in this factorisation's basis.
    pub effects_head: Vec<f64>,
    /// The `p x p` factor `[R]` as a [`Qr`] over `p` rows (for `unscaled_cov`).
    pub small: Qr,
    /// The residual sum of squares (weighted): the squares of the effects past the rank.
    pub rss: f64,
    /// Rows fitted (those with weight 0 left out).
    pub nobs: usize,
}

/// Finishes a fit from the `(p+1) x (p+1)` triangular factor `raug` of `[X y]` over `n`
/// rows (from [`tsqr`], or several folded together when the rows were streamed) and the
/// first `p` rows `top` of the (weighted) design, column-major `p x p` in column order.
pub fn finish(raug: &[f64], n: usize, p: usize, top: &[f64], tol: f64) -> TallFit {
    let q = p + 1;
    // [R_X; 0] as (p+1) x p, so every column gets its Householder step as in the tall case
    let mut a = vec![0.0; q * p];
    for j in 0..p {
        for i in 0..=j {
            a[j * q + i] = raug[j * q + i];
        }
    }
    let small = dqrdc2(&a, q, p, tol);
    let rank = small.rank;
    let mut c: Vec<f64> = (0..q).map(|i| raug[p * q + i]).collect();
    small.qty_k(&mut c, rank);
    let b = small.backsolve(&c);
    let mut coef = vec![f64::NAN; p];
    for (k, &j) in small.pivot.iter().enumerate().take(rank) {
        coef[j] = b[k];
    }
    // the serial algorithm's first p rows, from the first p rows of the (weighted) design
    let mut pivoted = vec![0.0; p * p];
    for (k, &j) in small.pivot.iter().enumerate() {
        pivoted[k * p..(k + 1) * p].copy_from_slice(&top[j * p..(j + 1) * p]);
    }
    let (qr_top, qraux, sign) = replay_top(&pivoted, &small, p);
    for (e, s) in c.iter_mut().zip(&sign).take(rank) {
        *e *= s;
    }
    c.truncate(n.min(q));
    let rss = c[rank.min(c.len())..].iter().map(|e| e * e).sum();
    TallFit {
        qr_top,
        qraux,
        pivot: small.pivot.clone(),
        rank,
        coef,
        effects_head: c,
        small: upper(&small, p),
        rss,
        nobs: n,
    }
}

/// The upper triangle of `f` as a `p x p` [`Qr`] (enough for `unscaled_cov` and backsolves).
fn upper(f: &Qr, p: usize) -> Qr {
    let mut r = vec![0.0; p * p];
    for j in 0..p {
        for i in 0..=j {
            r[j * p + i] = f.at(i, j);
        }
    }
    Qr {
        qr: r,
        n: p,
        p,
        qraux: f.qraux.clone(),
        pivot: f.pivot.clone(),
        rank: f.rank,
    }
}

/// Replays LINPACK `dqrdc2`'s first `rank` Householder steps on the first `p` rows `top`
/// (column-major `p x p`, columns already in pivot order), given the factor `f` of the
/// whole design. Returns the first `p` rows of the serial compact `qr`, its `qraux`, and
/// the sign (+1/-1) relating each row of `f`'s R to the serial one.
pub fn replay_top(top: &[f64], f: &Qr, p: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let rank = f.rank.min(p);
    let mut a = top.to_vec();
    let mut out = vec![0.0; p * p];
    for j in 0..p {
        for i in 0..p {
            out[j * p + i] = f.at(i, j);
        }
    }
    let mut qraux = f.qraux.clone();
    let mut sign = vec![1.0; p];
    let mut v = vec![0.0; p];
    for l in 0..rank {
        let rll = f.at(l, l);
        let nrm = rll.abs();
        if nrm == 0.0 {
            continue;
        }
        let all = a[l * p + l];
        let nrmxl = if all != 0.0 { nrm.copysign(all) } else { nrm };
        for i in l..p {
            v[i] = a[l * p + i] / nrmxl;
        }
        v[l] += 1.0;
        let s = if (-nrmxl).is_sign_negative() == rll.is_sign_negative() {
            1.0
        } else {
            -1.0
        };
        sign[l] = s;
        for j in l + 1..p {
            let rlj = s * f.at(l, j);
            let t = (rlj - a[j * p + l]) / v[l];
            for i in l..p {
                a[j * p + i] += t * v[i];
            }
            out[j * p + l] = rlj;
        }
        out[l * p + l] = -nrmxl;
        out[l * p + l + 1..(l + 1) * p].copy_from_slice(&v[l + 1..p]);
        qraux[l] = v[l];
    }
    (out, qraux, sign)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::qr::lsfit;
    use crate::stats::tsqr::Dense;

    /// Intercept, two numeric columns and an aliased one; a response and root weights.
    fn data(n: usize) -> (Vec<f64>, usize, Vec<f64>, Vec<f64>) {
        let p = 4;
        let mut x = vec![0.0; n * p];
        let (mut y, mut sw) = (vec![0.0; n], vec![0.0; n]);
        for i in 0..n {
            let (a, b) = (((i * 7919) % 101) as f64 / 10.0, ((i * 104729) % 53) as f64);
            for (j, v) in [1.0, a, b, a - 2.0 * b].into_iter().enumerate() {
                x[j * n + i] = v;
            }
            y[i] = 1.0 + 0.5 * a - 0.25 * b + ((i * 31) % 17) as f64 / 17.0;
            sw[i] = 0.5 + (i % 5) as f64 * 0.25;
        }
        (x, p, y, sw)
    }

    /// Rows in blocks of `size`, rows of one block given weight 0.
    struct Blocks<'a> {
        x: &'a [f64],
        p: usize,
        y: &'a [f64],
        sw: Vec<f64>,
        size: usize,
    }

    impl LsRows for Blocks<'_> {
        fn blocks(
            &mut self,
            f: &mut dyn FnMut(Block<'_>) -> Result<(), String>,
        ) -> Result<(), String> {
            let n = self.y.len();
            for i0 in (0..n).step_by(self.size) {
                let m = self.size.min(n - i0);
                let x: Vec<f64> = (0..self.p)
                    .flat_map(|j| self.x[j * n + i0..j * n + i0 + m].to_vec())
                    .collect();
                let src = Dense {
                    x: &x,
                    n: m,
                    p: self.p,
                };
                f(Block {
                    x: &src,
                    y: &self.y[i0..i0 + m],
                    offset: None,
                    sw: Some(&self.sw[i0..i0 + m]),
                })?;
            }
            Ok(())
        }
    }

    #[test]
    fn one_block_in_memory_is_the_tall_fit() {
        let n = 2000;
        let (x, p, y, sw) = data(n);
        let off: Vec<f64> = (0..n).map(|i| (i % 3) as f64).collect();
        let yo: Vec<f64> = y.iter().zip(&off).map(|(a, o)| a - o).collect();
        let src = Dense { x: &x, n, p };
        let rows = Block {
            x: &src,
            y: &y,
            offset: Some(&off),
            sw: Some(&sw),
        };
        let a = fit(&mut InMemory(rows), 1e-7, 2).ok().flatten();
        // the fit by hand: one TSQR, and the first p rows
        let r = tsqr::tsqr(&src, n, &yo, Some(&sw), 2);
        let mut top = vec![0.0; p * p];
        for j in 0..p {
            for i in 0..p {
                top[j * p + i] = x[j * n + i] * sw[i];
            }
        }
        let b = finish(&r, n, p, &top, 1e-7);
        let Some(a) = a else { panic!("no fit") };
        assert_eq!(a.nobs, n);
        assert_eq!((a.rank, &a.pivot), (3, &vec![0, 1, 2, 3]));
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&a.coef), bits(&b.coef));
        assert_eq!(bits(&a.qr_top), bits(&b.qr_top));
        assert_eq!(bits(&a.effects_head), bits(&b.effects_head));
    }

    #[test]
    fn blocks_fold_to_the_serial_fit_without_zero_weight_rows() {
        let n = 1500;
        let (x, p, y, mut sw) = data(n);
        // the first rows have weight 0: the top rows come from the rows after them
        for w in &mut sw[..3] {
            *w = 0.0;
        }
        let Some(f) = fit(
            &mut Blocks {
                x: &x,
                p,
                y: &y,
                sw: sw.clone(),
                size: 400,
            },
            1e-7,
            2,
        )
        .ok()
        .flatten() else {
            panic!("no fit")
        };
        let keep: Vec<usize> = (3..n).collect();
        let m = keep.len();
        let mut xs = vec![0.0; m * p];
        for j in 0..p {
            for (k, &i) in keep.iter().enumerate() {
                xs[j * m + k] = x[j * n + i] * sw[i];
            }
        }
        let ys: Vec<f64> = keep.iter().map(|&i| y[i] * sw[i]).collect();
        let s = lsfit(&xs, m, p, &ys, 1e-7);
        assert_eq!(f.nobs, m);
        assert_eq!((f.rank, &f.pivot), (s.qr.rank, &s.qr.pivot));
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()));
        for k in 0..s.qr.rank {
            let j = s.qr.pivot[k];
            assert!(close(f.coef[j], s.coef[k]), "coef {}", j);
            assert!(close(f.effects_head[k], s.effects[k]), "effect {}", k);
            assert!(close(f.qraux[k], s.qr.qraux[k]), "qraux {}", k);
        }
        let rss: f64 = s.residuals.iter().map(|r| r * r).sum();
        assert!(close(f.rss, rss));
    }

    #[test]
    fn errors_and_empty_sources() {
        struct Failing;
        impl LsRows for Failing {
            fn blocks(
                &mut self,
                _: &mut dyn FnMut(Block<'_>) -> Result<(), String>,
            ) -> Result<(), String> {
                Err("read failed".into())
            }
        }
        assert_eq!(fit(&mut Failing, 1e-7, 1).err(), Some("read failed".into()));
        let src = Dense { x: &[], n: 0, p: 2 };
        let none = Block {
            x: &src,
            y: &[],
            offset: None,
            sw: None,
        };
        assert!(matches!(fit(&mut InMemory(none), 1e-7, 1), Ok(None)));
        // a block whose design has other columns than the first block's
        let (x, p, y, _) = data(10);
        let (a, b) = (Dense { x: &x, n: 10, p }, Dense { x: &x, n: 10, p: 3 });
        let mut f = Factor::new(1);
        assert!(f
            .add(Block {
                x: &a,
                y: &y,
                offset: None,
                sw: None
            })
            .is_ok());
        assert!(f
            .add(Block {
                x: &b,
                y: &y,
                offset: None,
                sw: None
            })
            .is_err());
    }
}
