//! Local regression (Cleveland, Grosse and Shyu's loess as R's `loess` computes it): the
//! local weighted least-squares fit at a point (tricube weights on the `nf` nearest points,
//! a pseudo-inverse through QR and SVD), the fit on a k-d tree's vertices with its
//! interpolated surface, the direct fit, the operator rows behind the hat-matrix
//! statistics, and the robustness weights and pseudovalues of the symmetric family.

use super::loess_kd::{self, KdTree};
use crate::stats::decomp;
use crate::stats::linalg::Mat;

/// What a local fit needs: the data (column-major `x`, `n x d`) and the model settings.
pub struct Local<'a> {
    pub x: &'a [f64],
    pub y: &'a [f64],
    /// Prior times robustness weights.
    pub rw: &'a [f64],
    pub n: usize,
    pub d: usize,
    pub span: f64,
    pub degree: usize,
    /// How many leading coordinates enter the distance (the non-parametric ones).
    pub dd: usize,
    /// Per coordinate: 2 = linear and square terms, 1 = no square (`drop.square`).
    pub cdeg: Vec<usize>,
}

/// One local fit: coefficients 0..=od (value, then slopes) and, when asked, the operator
/// rows mapping the neighbours' responses to them (`op[c * nf + i]` for neighbour
/// `psi[i]`).
pub struct LocalFit {
    pub s: Vec<f64>,
    pub psi: Vec<usize>,
    pub op: Vec<f64>,
}

impl<'a> Local<'a> {
    pub fn nf(&self) -> usize {
        ((self.n as f64 * self.span + 1e-5).floor() as usize).min(self.n)
    }

    /// Columns of the local polynomial (without dropped squares).
    pub fn ncol(&self) -> usize {
        let mut k = 1;
        if self.degree >= 1 {
            k += self.cdeg.iter().filter(|&&c| c >= 1).count();
        }
        if self.degree >= 2 {
            for j in 0..self.d {
                if self.cdeg[j] >= 1 {
                    if self.cdeg[j] >= 2 {
                        k += 1;
                    }
                    k += self.cdeg[j + 1..].iter().filter(|&&c| c >= 1).count();
                }
            }
        }
        k
    }

    /// The local fit at `q`, with `od + 1` coefficients; `dist` and `psi` are scratch of
    /// length `n`. Warnings (R's loess messages) are pushed onto `warn`.
    pub fn fit_at(&self, q: &[f64], od: usize, want_op: bool, psi: &mut [usize], dist: &mut [f64], warn: &mut Warn) -> LocalFit {
        let (n, nf) = (self.n, self.nf());
        for (i, di) in dist.iter_mut().enumerate() {
            let mut s = 0.0;
            for j in 0..self.dd {
                s += (self.x[j * n + i] - q[j]).powi(2);
            }
            *di = s;
        }
        for (i, p) in psi.iter_mut().enumerate() {
            *p = i;
        }
        if nf < n {
            psi.select_nth_unstable_by(nf - 1, |&a, &b| dist[a].total_cmp(&dist[b]));
        }
        let far = psi[..nf].iter().map(|&i| dist[i]).fold(0.0, f64::max);
        let rho = far * self.span.max(1.0);
        if rho <= 0.0 {
            push_once(warn, "zero-width neighborhood. make span bigger");
        }
        let nb = &psi[..nf];
        let w: Vec<f64> = nb
            .iter()
            .map(|&i| {
                let r = (dist[i] / rho).sqrt();
                (self.rw[i] * (1.0 - r.powi(3)).powi(3)).sqrt()
            })
            .collect();
        if w.iter().all(|&v| v == 0.0) {
            push_once(warn, "all data on boundary of neighborhood. make span bigger");
        }
        // weighted design, column-major nf x k
        let k = self.ncol();
        let mut b = Vec::with_capacity(nf * k);
        b.extend_from_slice(&w);
        let xs = |j: usize, t: usize| self.x[j * n + nb[t]] - q[j];
        if self.degree >= 1 {
            for j in 0..self.d {
                if self.cdeg[j] >= 1 {
                    b.extend((0..nf).map(|t| w[t] * xs(j, t)));
                }
            }
        }
        if self.degree >= 2 {
            for j in 0..self.d {
                if self.cdeg[j] == 0 {
                    continue;
                }
                if self.cdeg[j] >= 2 {
                    b.extend((0..nf).map(|t| w[t] * xs(j, t).powi(2)));
                }
                for jj in j + 1..self.d {
                    if self.cdeg[jj] >= 1 {
                        b.extend((0..nf).map(|t| w[t] * xs(j, t) * xs(jj, t)));
                    }
                }
            }
        }
        let mut eta: Vec<f64> = (0..nf).map(|t| w[t] * self.y[nb[t]]).collect();
        let mut colnor = vec![1.0; k];
        for (j, cn) in colnor.iter_mut().enumerate() {
            let col = &mut b[j * nf..(j + 1) * nf];
            let s = col.iter().map(|v| v * v).sum::<f64>().sqrt();
            if s > 0.0 {
                col.iter_mut().for_each(|v| *v /= s);
                *cn = s;
            }
        }
        let hq = House::new(&mut b, nf, k);
        hq.qt(&mut eta);
        let r = Mat::from_fn(k, k, |i, j| if i <= j && i < nf { hq.r(i, j) } else { 0.0 });
        let (sig, u, v) = match decomp::svd(&r, k, k) {
            Ok(sv) => (sv.d, sv.u.unwrap_or_else(|| Mat::identity(k, k)), sv.v.unwrap_or_else(|| Mat::identity(k, k))),
            Err(_) => {
                push_once(warn, "svddc failed in l2fit.");
                (vec![0.0; k], Mat::identity(k, k), Mat::identity(k, k))
            }
        };
        let smax = sig.iter().cloned().fold(0.0, f64::max);
        let smin = sig.iter().cloned().fold(f64::INFINITY, f64::min);
        let tol = smax * (100.0 * f64::EPSILON);
        let singular = smin <= tol;
        let rc = warn.rcond.unwrap_or(1.0).min(smin / smax);
        warn.rcond = Some(rc);
        if singular {
            note_singular(warn, &q[..self.d.min(q.len())], rho, rc);
        }
        // e = V / colnor (row-wise)
        let inv: Vec<f64> = sig.iter().map(|&s| if tol < s { 1.0 / s } else { 0.0 }).collect();
        let gamma: Vec<f64> = (0..k).map(|j| (0..k).map(|i| u[(i, j)] * eta[i]).sum::<f64>() * inv[j]).collect();
        let coef = |c: usize, g: &[f64]| -> f64 {
            if c < k {
                (0..k).map(|j| v[(c, j)] / colnor[c] * g[j]).sum()
            } else {
                0.0
            }
        };
        let s: Vec<f64> = (0..=od).map(|c| coef(c, &gamma)).collect();
        let mut op = Vec::new();
        if want_op {
            op = vec![0.0; (od + 1) * nf];
            let mut col = vec![0.0; nf];
            for j in 0..k {
                col.iter_mut().for_each(|v| *v = 0.0);
                for i in 0..k.min(nf) {
                    col[i] = u[(i, j)];
                }
                hq.qy(&mut col);
                for c in 0..=od.min(k - 1) {
                    let f = v[(c, j)] / colnor[c] * inv[j];
                    if f != 0.0 {
                        let row = &mut op[c * nf..(c + 1) * nf];
                        for i in 0..nf {
                            row[i] += f * col[i] * w[i];
                        }
                    }
                }
            }
        }
        LocalFit { s, psi: nb.to_vec(), op }
    }
}

/// Warnings of a fit (R's loess messages, each once) and the count of singular local fits.
#[derive(Default)]
pub struct Warn {
    pub msgs: Vec<String>,
    pub nsing: usize,
    rcond: Option<f64>,
}

fn push_once(warn: &mut Warn, msg: &str) {
    if !warn.msgs.iter().any(|w| w == msg) {
        warn.msgs.push(msg.to_string());
    }
}

/// `x` as C's `%.5g`.
fn g5(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return format!("{}", x);
    }
    let e = x.abs().log10().floor() as i32;
    let s = if !(-4..5).contains(&e) {
        let m = format!("{:.4e}", x);
        let (mant, exp) = m.split_once('e').unwrap_or((&m, "0"));
        let mant = if mant.contains('.') { mant.trim_end_matches('0').trim_end_matches('.') } else { mant };
        let ev: i32 = exp.parse().unwrap_or(0);
        format!("{}e{}{:02}", mant, if ev < 0 { '-' } else { '+' }, ev.abs())
    } else {
        let dec = (4 - e).max(0) as usize;
        let f = format!("{:.*}", dec, x);
        if f.contains('.') { f.trim_end_matches('0').trim_end_matches('.').to_string() } else { f }
    };
    s
}

fn note_singular(warn: &mut Warn, q: &[f64], rho: f64, rcond: f64) {
    warn.nsing += 1;
    if warn.nsing == 1 {
        let at: Vec<String> = q.iter().map(|v| g5(*v)).collect();
        warn.msgs.push(format!("pseudoinverse used at {}", at.join(" ")));
        warn.msgs.push(format!("neighborhood radius {}", g5(rho.sqrt())));
        warn.msgs.push(format!("reciprocal condition number  {}", g5(rcond)));
    } else if warn.nsing == 2 {
        warn.msgs.push(format!("There are other near singularities as well. {}", g5(rho)));
    }
}

/// Householder QR without pivoting (LINPACK `dqrdc` with `job = 0`), in place.
struct House<'b> {
    a: &'b [f64],
    n: usize,
    k: usize,
    qraux: Vec<f64>,
    diag: Vec<f64>,
}

impl<'b> House<'b> {
    fn new(a: &'b mut [f64], n: usize, k: usize) -> House<'b> {
        let m = n.min(k);
        let mut qraux = vec![0.0; k];
        let mut diag = vec![0.0; k];
        for l in 0..m {
            let (head, tail) = a.split_at_mut((l + 1) * n);
            let cl = &mut head[l * n..];
            let mut nrm = cl[l..].iter().map(|v| v * v).sum::<f64>().sqrt();
            if nrm == 0.0 {
                diag[l] = 0.0;
                continue;
            }
            if cl[l] != 0.0 {
                nrm = nrm.abs().copysign(cl[l]);
            }
            cl[l..].iter_mut().for_each(|v| *v /= nrm);
            cl[l] += 1.0;
            for j in l + 1..k {
                let cj = &mut tail[(j - l - 1) * n..(j - l) * n];
                let t = -cl[l..].iter().zip(&cj[l..]).map(|(a, b)| a * b).sum::<f64>() / cl[l];
                for (x, y) in cj[l..].iter_mut().zip(&cl[l..]) {
                    *x += t * y;
                }
            }
            qraux[l] = cl[l];
            diag[l] = -nrm;
        }
        House { a, n, k, qraux, diag }
    }

    fn r(&self, i: usize, j: usize) -> f64 {
        if i == j {
            self.diag[i]
        } else {
            self.a[j * self.n + i]
        }
    }

    fn apply(&self, y: &mut [f64], l: usize) {
        if self.qraux[l] == 0.0 {
            return;
        }
        let col = &self.a[l * self.n..(l + 1) * self.n];
        let lead = self.qraux[l];
        let mut t = lead * y[l];
        t += col[l + 1..].iter().zip(&y[l + 1..]).map(|(a, b)| a * b).sum::<f64>();
        let t = -t / lead;
        y[l] += t * lead;
        for (yy, c) in y[l + 1..].iter_mut().zip(&col[l + 1..]) {
            *yy += t * c;
        }
    }

    fn qt(&self, y: &mut [f64]) {
        for l in 0..self.n.min(self.k) {
            self.apply(y, l);
        }
    }

    fn qy(&self, y: &mut [f64]) {
        for l in (0..self.n.min(self.k)).rev() {
            self.apply(y, l);
        }
    }
}

/// The surface fitted on a k-d tree: vertex values and slopes (`vval[v * (d + 1) + c]`).
pub struct KdFit {
    pub tree: KdTree,
    pub vval: Vec<f64>,
    /// Per vertex: neighbours and operator rows (value, slopes), when kept.
    pub ops: Vec<(Vec<usize>, Vec<f64>)>,
}

impl KdFit {
    pub fn eval(&self, z: &[f64]) -> f64 {
        let d1 = self.tree.d + 1;
        loess_kd::interpolate(&self.tree, z, |v, c| self.vval[v * d1 + c]).unwrap_or(f64::NAN)
    }

    /// Weights of the interpolant at `z` on the vertex values: (vertex, component, weight).
    pub fn weights_at(&self, z: &[f64]) -> Vec<(usize, usize, f64)> {
        let touched = std::cell::RefCell::new(Vec::new());
        let _ = loess_kd::interpolate(&self.tree, z, |v, _| {
            touched.borrow_mut().push(v);
            0.0
        });
        let mut vs = touched.into_inner();
        vs.sort_unstable();
        vs.dedup();
        let mut out = Vec::new();
        for &v in &vs {
            for c in 0..=self.tree.d {
                let w = loess_kd::interpolate(&self.tree, z, |vv, cc| if vv == v && cc == c { 1.0 } else { 0.0 }).unwrap_or(f64::NAN);
                if w != 0.0 {
                    out.push((v, c, w));
                }
            }
        }
        out
    }

    /// Row of the operator matrix L at `z` (length n): the interpolant's dependence on y.
    pub fn l_row(&self, z: &[f64], n: usize) -> Vec<f64> {
        let mut row = vec![0.0; n];
        let nf = self.ops.first().map(|o| o.0.len()).unwrap_or(0);
        for (v, c, w) in self.weights_at(z) {
            let (psi, op) = &self.ops[v];
            for i in 0..nf {
                row[psi[i]] += w * op[c * nf + i];
            }
        }
        row
    }
}

/// Fits the surface on the vertices of a k-d tree over the data (`lowesb`; cells keep at
/// most `n * fcell` points, `fcell` = span * cell), with the
/// diagonal of the operator when `diag` is given and the vertex operators when `keep_ops`.
pub fn kd_fit(loc: &Local, fcell: f64, diag: Option<&mut Vec<f64>>, keep_ops: bool, warn: &mut Warn) -> KdFit {
    let (n, d) = (loc.n, loc.d);
    let fc = (n as f64 * fcell).floor() as usize;
    let nvmax = n.max(200);
    let tree = loess_kd::build(loc.x, n, d, loc.dd, fc, 0.0, nvmax);
    let nv = tree.nv();
    let d1 = d + 1;
    let mut vval = vec![0.0; nv * d1];
    let mut ops = Vec::new();
    let mut psi = vec![0usize; n];
    let mut dist = vec![0.0; n];
    let want_diag = diag.is_some();
    let mut dg = vec![0.0; if want_diag { n } else { 0 }];
    let mut phi = vec![usize::MAX; if want_diag { n } else { 0 }];
    for l in 0..nv {
        let q = tree.v[l * d..(l + 1) * d].to_vec();
        let fit = loc.fit_at(&q, d, want_diag || keep_ops, &mut psi, &mut dist, warn);
        vval[l * d1..(l + 1) * d1].copy_from_slice(&fit.s);
        if want_diag {
            let nf = fit.psi.len();
            for (i, &p) in fit.psi.iter().enumerate() {
                phi[p] = i;
            }
            for leaf in loess_kd::leaves_touching(&tree, &q) {
                for ii in tree.lo[leaf]..=tree.hi[leaf] {
                    let pt = tree.pi[ii];
                    let i = phi[pt];
                    if i == usize::MAX {
                        continue;
                    }
                    let z: Vec<f64> = (0..d).map(|j| loc.x[j * n + pt]).collect();
                    let term = loess_kd::interpolate(&tree, &z, |vv, c| if vv == l { fit.op[c * nf + i] } else { 0.0 }).unwrap_or(0.0);
                    dg[pt] += term;
                }
            }
            for &p in &fit.psi {
                phi[p] = usize::MAX;
            }
        }
        if keep_ops {
            ops.push((fit.psi, fit.op));
        }
    }
    if let Some(out) = diag {
        *out = dg;
    }
    KdFit { tree, vval, ops }
}

/// The direct fit at each row of `z` (column-major `m x d`); with `diag`, also the
/// operator's diagonal (z must be the data), with `full` the operator rows (m x n).
pub fn direct_fit(loc: &Local, z: &[f64], m: usize, diag: Option<&mut Vec<f64>>, full: Option<&mut Vec<f64>>, warn: &mut Warn) -> Vec<f64> {
    let (n, d) = (loc.n, loc.d);
    let mut psi = vec![0usize; n];
    let mut dist = vec![0.0; n];
    let mut out = Vec::with_capacity(m);
    let want = diag.is_some() || full.is_some();
    let mut dg = vec![0.0; if diag.is_some() { m } else { 0 }];
    let mut lmat = vec![0.0; if full.is_some() { m * n } else { 0 }];
    let want_full = full.is_some();
    let want_diag = diag.is_some();
    for l in 0..m {
        let q: Vec<f64> = (0..d).map(|j| z[j * m + l]).collect();
        let fit = loc.fit_at(&q, 0, want, &mut psi, &mut dist, warn);
        out.push(fit.s[0]);
        if want_diag {
            if let Some(i) = fit.psi.iter().position(|&p| p == l) {
                dg[l] = fit.op[i];
            }
        }
        if want_full {
            for (i, &p) in fit.psi.iter().enumerate() {
                lmat[p * m + l] += fit.op[i];
            }
        }
    }
    if let Some(dd) = diag {
        *dd = dg;
    }
    if let Some(f) = full {
        *f = lmat;
    }
    out
}

/// Trace of L and the two deltas of the exact statistics: `tr((I-L)(I-L)')` and
/// `tr(((I-L)(I-L)')^2)`, from L (column-major `n x n`).
pub fn exact_stats(l: &[f64], n: usize) -> (f64, f64, f64) {
    let trl: f64 = (0..n).map(|i| l[i * n + i]).sum();
    // A = I - L; LL = A A'
    let a = Mat::from_fn(n, n, |i, j| if i == j { 1.0 } else { 0.0 } - l[j * n + i]);
    let ll = &a * a.transpose();
    let delta1: f64 = (0..n).map(|i| ll[(i, i)]).sum();
    let delta2: f64 = ll.iter().map(|v| v * v).sum();
    (trl, delta1, delta2)
}

fn dk_of(deg: usize, d: usize) -> usize {
    match deg {
        0 => 1,
        1 => d + 1,
        _ => (d + 2) * (d + 1) / 2,
    }
}

/// Coefficients (c1, c2, c3) of the delta approximations, by delta (0, 1), degree (1, 2)
/// and dimension (1..4).
const DELTA_COEF: [f64; 48] = [
    0.2971620, 0.3802660, 0.5886043, 0.4263766, 0.3346498, 0.6271053, 0.5241198, 0.3484836, 0.6687687, 0.6338795,
    0.4076457, 0.7207693, 0.1611761, 0.3091323, 0.4401023, 0.2939609, 0.3580278, 0.5555741, 0.3972390, 0.4171278,
    0.6293196, 0.4675173, 0.4699070, 0.6674802, 0.2848308, 0.2254512, 0.2914126, 0.5393624, 0.2517230, 0.3898970,
    0.7603231, 0.2969113, 0.4740130, 0.9664956, 0.3629838, 0.5348889, 0.2075670, 0.2822574, 0.2369957, 0.3911566,
    0.2981154, 0.3623232, 0.5508869, 0.3501989, 0.4371032, 0.7002667, 0.4291632, 0.4930370,
];

fn approx_deltas(trl: f64, n: usize, deg: usize, k: usize, d: usize, nsing: usize, warn: &mut Warn) -> (usize, f64, f64) {
    let dk = dk_of(deg, d);
    let corx = (k as f64 / n as f64).sqrt();
    let mut z = ((k as f64 / trl).sqrt() - corx) / (1.0 - corx);
    if nsing == 0 && 1.0 < z {
        push_once(warn, &format!("Chernobyl! trL<k {}", fmt5(trl)));
    } else if z < 0.0 {
        push_once(warn, &format!("Chernobyl! trL>n {}", fmt5(trl)));
    }
    z = z.clamp(0.0, 1.0);
    let c4 = loess_kd::delta_correction(z).exp();
    let coef = |i: usize| -> (f64, f64, f64) {
        let c = &DELTA_COEF;
        if d <= 4 {
            (c[i], c[i + 1], c[i + 2])
        } else {
            let e = (d - 4) as f64;
            (c[i] + e * (c[i] - c[i - 3]), c[i + 1] + e * (c[i + 1] - c[i - 2]), c[i + 2] + e * (c[i + 2] - c[i - 1]))
        }
    };
    let i = 3 * (d.min(4) - 1 + 4 * (deg - 1));
    let (c1, c2, c3) = coef(i);
    let delta1 = n as f64 - trl * (c1 * z.powf(c2) * (1.0 - z).powf(c3) * c4).exp();
    let (c1, c2, c3) = coef(i + 24);
    let delta2 = n as f64 - trl * (c1 * z.powf(c2) * (1.0 - z).powf(c3) * c4).exp();
    (dk, delta1, delta2)
}

fn fmt5(x: f64) -> String {
    format!("{}", (x * 1e5).round() / 1e5)
}

/// The approximate deltas from the trace of L (`lowesa`): interpolated between the
/// degree-1 and degree-2 formulas by the number of local parameters `tau`.
pub fn lowesa(trl: f64, n: usize, d: usize, tau: usize, nsing: usize, warn: &mut Warn) -> (f64, f64) {
    let (dka, d1a, d2a) = approx_deltas(trl, n, 1, tau, d, nsing, warn);
    let (dkb, d1b, d2b) = approx_deltas(trl, n, 2, tau, d, nsing, warn);
    let alpha = (tau as f64 - dka as f64) / (dkb as f64 - dka as f64);
    ((1.0 - alpha) * d1a + alpha * d1b, (1.0 - alpha) * d2a + alpha * d2b)
}

/// The approximate trace of L from the span alone (`trace.hat = "approximate"`).
pub fn approx_trace(tau: usize, d: usize, f: f64) -> f64 {
    let tr = |deg: usize| -> (usize, f64) {
        let dk = dk_of(deg, d);
        let df = d as f64;
        let g1 = (-0.08125 * df + 0.13) * df + 1.05;
        (dk, dk as f64 * (1.0 + ((g1 - f) / f).max(0.0)))
    };
    let (dka, ta) = tr(1);
    let (dkb, tb) = tr(2);
    let alpha = (tau as f64 - dka as f64) / (dkb as f64 - dka as f64);
    (1.0 - alpha) * ta + alpha * tb
}

/// The median of `v` as loess takes it (mean of the two middle values for even n).
fn median(mut v: Vec<f64>) -> f64 {
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    let nh = n / 2; // 0-based index of the (floor(n/2)+1)-th smallest
    v.select_nth_unstable_by(nh, |a, b| a.total_cmp(b));
    let hi = v[nh];
    if n - nh < nh + 1 {
        let lo = v[..nh].iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        (hi + lo) / 2.0
    } else {
        hi
    }
}

/// Bisquare robustness weights from residuals (`lowesw`), scaled by six MADs.
pub fn robustness_weights(res: &[f64]) -> Vec<f64> {
    let abs: Vec<f64> = res.iter().map(|r| r.abs()).collect();
    let cmad = 6.0 * median(abs.clone());
    if cmad < f64::MIN_POSITIVE {
        return vec![1.0; res.len()];
    }
    abs.iter()
        .map(|&r| {
            if cmad * 0.999 < r {
                0.0
            } else if cmad * 0.001 < r {
                (1.0 - (r / cmad).powi(2)).powi(2)
            } else {
                1.0
            }
        })
        .collect()
}

/// Pseudovalues of the symmetric family's final fit (`lowesp`).
pub fn pseudovalues(y: &[f64], yhat: &[f64], pw: &[f64], rw: &[f64]) -> Vec<f64> {
    let n = y.len();
    let mad = median((0..n).map(|i| (y[i] - yhat[i]).abs() * pw[i].sqrt()).collect());
    let c = (6.0 * mad).powi(2) / 5.0;
    let t: Vec<f64> = (0..n).map(|i| (1.0 - (y[i] - yhat[i]).powi(2) * pw[i] / c) * rw[i].sqrt()).collect();
    let sum = t.iter().rev().fold(0.0, |acc, v| v + acc);
    let c = n as f64 / sum;
    (0..n).map(|i| yhat[i] + (c * rw[i]) * (y[i] - yhat[i])).collect()
}
