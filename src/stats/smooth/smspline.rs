//! The cubic smoothing spline of R's `smooth.spline`: B-spline basis on given knots
//! (de Boor's recurrences), the banded normal equations `X'WX + lambda * Sigma`, their
//! Cholesky solution, leverages from the band of the inverse, the GCV / CV / df-matching
//! criteria, and the Brent search over `spar` (lambda = ratio * 256^(3 spar - 1)).

/// Index `i` (1-based) with `t[i] <= x < t[i+1]` among the first `n` knots; 0 with flag -1
/// left of `t[1]`, `n` with flag 1 at or right of `t[n]`.
fn interv(t: &[f64], n: usize, x: f64) -> (usize, i32) {
    if x < t[0] {
        return (0, -1);
    }
    if x >= t[n - 1] {
        return (n, 1);
    }
    // largest i with t[i-1] <= x
    let (mut lo, mut hi) = (0usize, n - 1); // t[lo] <= x < t[hi]
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if x >= t[mid] {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    (lo + 1, 0)
}

/// Values of the `jhigh` B-splines of order `jhigh` nonzero at `x` (`left` 1-based).
fn bsplvb(t: &[f64], jhigh: usize, x: f64, left: usize, biatx: &mut [f64]) {
    let mut dl = [0.0; 20];
    let mut dr = [0.0; 20];
    biatx[0] = 1.0;
    let mut j = 1;
    while j < jhigh {
        dr[j - 1] = t[left + j - 1] - x;
        dl[j - 1] = x - t[left - j];
        let mut saved = 0.0;
        for i in 0..j {
            let term = biatx[i] / (dr[i] + dl[j - 1 - i]);
            biatx[i] = saved + dr[i] * term;
            saved = dl[j - 1 - i] * term;
        }
        biatx[j] = saved;
        j += 1;
    }
}

/// Values and derivatives (columns 0..nderiv) of the four cubic B-splines nonzero at `x`.
fn bsplvd(t: &[f64], x: f64, left: usize, nderiv: usize) -> [[f64; 4]; 3] {
    const K: usize = 4;
    let mhigh = nderiv.clamp(1, K);
    let mut db = [[0.0f64; 4]; 3];
    // values of the lower-order splines, then raised: column m holds order K+1-m values
    let mut tmp = [0.0; 4];
    bsplvb(t, K + 1 - mhigh, x, left, &mut tmp);
    db[0] = tmp;
    if mhigh == 1 {
        return db;
    }
    let mut ideriv = mhigh;
    for _ in 2..=mhigh {
        let mut jp = 0;
        for j in ideriv..=K {
            db[ideriv - 1][j - 1] = db[0][jp];
            jp += 1;
        }
        ideriv -= 1;
        let mut tmp = [0.0; 4];
        bsplvb(t, K + 1 - ideriv, x, left, &mut tmp);
        db[0] = tmp;
    }
    let mut a = [[0.0f64; 4]; 4]; // a[j][i]
    for i in 0..K {
        a[i][i] = 1.0;
    }
    for m in 2..=mhigh {
        let kp1mm = K + 1 - m;
        let f = kp1mm as f64;
        let mut il = left;
        let mut i = K;
        for _ in 0..kp1mm {
            let factor = f / (t[il + kp1mm - 1] - t[il - 1]);
            for j in 1..=i {
                a[i - 1][j - 1] = (a[i - 1][j - 1] - a[i - 2][j - 1]) * factor;
            }
            il -= 1;
            i -= 1;
        }
        for i in 1..=K {
            let mut sum = 0.0;
            for j in i.max(m)..=K {
                sum += a[j - 1][i - 1] * db[m - 1][j - 1];
            }
            db[m - 1][i - 1] = sum;
        }
    }
    db
}

/// The spline with B-spline coefficients `coef` (order 4, knots `t`) or its `jderiv`-th
/// derivative at `x`.
pub fn bvalue(t: &[f64], coef: &[f64], x: f64, jderiv: usize) -> f64 {
    const K: usize = 4;
    let n = coef.len();
    if jderiv >= K {
        return 0.0;
    }
    let i = if x != t[n] || t[n] != t[n + K - 1] {
        let (i, flag) = interv(t, n + K, x);
        if flag != 0 {
            return 0.0;
        }
        i
    } else {
        n
    };
    let km1 = K - 1;
    let mut aj = [0.0f64; K];
    let mut dm = [0.0f64; K];
    let mut dp = [0.0f64; K];
    let mut jcmin = 1;
    if i >= K {
        for j in 1..=km1 {
            dm[j - 1] = x - t[i - j];
        }
    } else {
        jcmin = 1 + K - i;
        for j in 1..=i {
            dm[j - 1] = x - t[i - j];
        }
        for j in i..=km1 {
            aj[K - j - 1] = 0.0;
            dm[j - 1] = dm[i - 1];
        }
    }
    let mut jcmax = K;
    if n >= i {
        for j in 1..=km1 {
            dp[j - 1] = t[i + j - 1] - x;
        }
    } else {
        jcmax = K + n - i;
        for j in 1..=jcmax {
            dp[j - 1] = t[i + j - 1] - x;
        }
        for j in jcmax..=km1 {
            aj[j] = 0.0;
            dp[j - 1] = dp[jcmax - 1];
        }
    }
    for jc in jcmin..=jcmax {
        aj[jc - 1] = coef[i + jc - K - 1];
    }
    for j in 1..=jderiv {
        let kmj = K - j;
        let mut ilo = kmj;
        for jj in 1..=kmj {
            aj[jj - 1] = ((aj[jj] - aj[jj - 1]) / (dm[ilo - 1] + dp[jj - 1])) * kmj as f64;
            ilo -= 1;
        }
    }
    for j in jderiv + 1..=km1 {
        let kmj = K - j;
        let mut ilo = kmj;
        for jj in 1..=kmj {
            aj[jj - 1] = (aj[jj] * dm[ilo - 1] + aj[jj - 1] * dp[jj - 1]) / (dm[ilo - 1] + dp[jj - 1]);
            ilo -= 1;
        }
    }
    aj[0]
}

/// The four bands of the Gram matrix of second derivatives, `Sigma[i, i + b]`.
fn sgram(tb: &[f64], nb: usize) -> [Vec<f64>; 4] {
    let mut sg = [vec![0.0; nb], vec![0.0; nb], vec![0.0; nb], vec![0.0; nb]];
    for i in 1..=nb {
        let (ileft, _) = interv(tb, nb + 1, tb[i - 1]);
        let y1 = bsplvd(tb, tb[i - 1], ileft, 3)[2];
        let y2v = bsplvd(tb, tb[i], ileft, 3)[2];
        let y2: Vec<f64> = (0..4).map(|ii| y2v[ii] - y1[ii]).collect();
        let wpt = tb[i] - tb[i - 1];
        let term = |ii: usize, jj: usize| wpt * (y1[ii] * y1[jj] + (y2[ii] * y1[jj] + y2[jj] * y1[ii]) * 0.5 + y2[ii] * y2[jj] * 0.3330);
        let nb_used = ileft.min(4);
        if ileft == 0 {
            continue;
        }
        let base = ileft - nb_used; // 0-based index of the first affected coefficient
        for ii in 0..nb_used {
            for b in 0..4 {
                let jj = ii + b;
                if jj < nb_used && base + ii < nb {
                    sg[b][base + ii] += term(ii, jj);
                }
            }
        }
    }
    sg
}

/// Weighted cross products of the basis at the data: `X'W y` and the bands of `X'WX`
/// (`w` are square roots of the weights).
fn stxwx(x: &[f64], z: &[f64], w: &[f64], knot: &[f64], nk: usize) -> (Vec<f64>, [Vec<f64>; 4]) {
    let mut y = vec![0.0; nk];
    let mut hs = [vec![0.0; nk], vec![0.0; nk], vec![0.0; nk], vec![0.0; nk]];
    for i in 0..x.len() {
        let (mut ileft, flag) = interv(knot, nk + 1, x[i]);
        if flag == 1 {
            if x[i] <= knot[ileft - 1] + 1e-10 {
                ileft -= 1;
            } else {
                return (y, hs);
            }
        }
        if ileft < 4 {
            continue; // left of the knots (the caller scales x into them)
        }
        let v = bsplvd(knot, x[i], ileft, 1)[0];
        let ww = w[i] * w[i];
        for a in 0..4 {
            let j = ileft - 4 + a;
            y[j] += ww * z[i] * v[a];
            hs[0][j] += ww * (v[a] * v[a]);
            for b in 1..4 - a {
                hs[b][j] += ww * v[a] * v[a + b];
            }
        }
    }
    (y, hs)
}

/// Banded Cholesky (LINPACK `dpbfa`, 3 superdiagonals): `abd[r][j]`, row 3 the diagonal.
fn dpbfa(abd: &mut [Vec<f64>; 4], n: usize) -> Result<(), usize> {
    const M: usize = 3;
    for j in 0..n {
        let mut s = 0.0;
        let mut ik = M;
        let mut jk = j.saturating_sub(M);
        let mu = M.saturating_sub(j);
        for k in mu..M {
            let dot: f64 = (0..(k - mu)).map(|l| abd[ik + l][jk] * abd[mu + l][j]).sum();
            let t = (abd[k][j] - dot) / abd[M][jk];
            abd[k][j] = t;
            s += t * t;
            ik -= 1;
            jk += 1;
        }
        let s = abd[M][j] - s;
        if s <= 0.0 {
            return Err(j + 1);
        }
        abd[M][j] = s.sqrt();
    }
    Ok(())
}

fn dpbsl(abd: &[Vec<f64>; 4], n: usize, b: &mut [f64]) {
    const M: usize = 3;
    for k in 0..n {
        let lm = k.min(M);
        let (la, lb) = (M - lm, k - lm);
        let t: f64 = (0..lm).map(|l| abd[la + l][k] * b[lb + l]).sum();
        b[k] = (b[k] - t) / abd[M][k];
    }
    for k in (0..n).rev() {
        let lm = k.min(M);
        let (la, lb) = (M - lm, k - lm);
        b[k] /= abd[M][k];
        let t = -b[k];
        for l in 0..lm {
            b[lb + l] += t * abd[la + l][k];
        }
    }
}

/// The band of the inverse of `R'R` (`sinerp` with flag 0): `p1ip[r][j]`, row 3 diagonal.
fn sinerp(abd: &[Vec<f64>; 4], nk: usize) -> [Vec<f64>; 4] {
    let mut p = [vec![0.0; nk], vec![0.0; nk], vec![0.0; nk], vec![0.0; nk]];
    let (mut w3, mut w2, mut w1) = ([0.0f64; 3], [0.0f64; 2], 0.0f64);
    for j in (0..nk).rev() {
        let c0 = 1.0 / abd[3][j];
        let c1 = if j + 3 < nk { abd[0][j + 3] * c0 } else { 0.0 };
        let c2 = if j + 2 < nk { abd[1][j + 2] * c0 } else { 0.0 };
        let c3 = if j + 1 < nk { abd[2][j + 1] * c0 } else { 0.0 };
        p[0][j] = 0.0 - (c1 * w3[0] + c2 * w3[1] + c3 * w3[2]);
        p[1][j] = 0.0 - (c1 * w3[1] + c2 * w2[0] + c3 * w2[1]);
        p[2][j] = 0.0 - (c1 * w3[2] + c2 * w2[1] + c3 * w1);
        p[3][j] = c0 * c0 + c1 * c1 * w3[0] + 2.0 * c1 * c2 * w3[1] + 2.0 * c1 * c3 * w3[2] + c2 * c2 * w2[0]
            + 2.0 * c2 * c3 * w2[1]
            + c3 * c3 * w1;
        w3 = [w2[0], w2[1], p[1][j]];
        w2 = [w1, p[2][j]];
        w1 = p[3][j];
    }
    p
}

/// The data and fixed pieces of one smoothing problem.
pub struct Problem<'a> {
    pub x: &'a [f64],
    pub y: &'a [f64],
    /// Square roots of the weights.
    pub w: Vec<f64>,
    pub ssw: f64,
    pub knot: &'a [f64],
    pub nk: usize,
    pub penalty: f64,
    pub dofoff: f64,
    /// 0 none, 1 GCV, 2 CV, 3 df matching.
    pub icrit: i32,
    xwy: Vec<f64>,
    hs: [Vec<f64>; 4],
    sg: [Vec<f64>; 4],
    pub ratio: f64,
}

/// One solution at a given lambda.
pub struct Solution {
    pub coef: Vec<f64>,
    pub sz: Vec<f64>,
    pub lev: Vec<f64>,
    pub crit: f64,
    pub lambda: f64,
    /// Nonzero when the Cholesky factorisation failed.
    pub ier: usize,
    /// The banded Cholesky factor, column-major 4 x nk (row 4 the diagonal).
    pub r: Vec<f64>,
}

impl<'a> Problem<'a> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(x: &'a [f64], y: &'a [f64], wt: &[f64], ssw: f64, knot: &'a [f64], nk: usize, penalty: f64, dofoff: f64, icrit: i32) -> Problem<'a> {
        let w: Vec<f64> = wt.iter().map(|&v| if v > 0.0 { v.sqrt() } else { v }).collect();
        let sg = sgram(knot, nk);
        let (xwy, hs) = stxwx(x, y, &w, knot, nk);
        let (mut t1, mut t2) = (0.0, 0.0);
        for i in 2..nk.saturating_sub(3) {
            t1 += hs[0][i];
            t2 += sg[0][i];
        }
        Problem { x, y, w, ssw, knot, nk, penalty, dofoff, icrit, xwy, hs, sg, ratio: t1 / t2 }
    }

    /// The fit at smoothing parameter `lambda` (`sslvrg`).
    pub fn solve(&self, lambda: f64) -> Solution {
        let nk = self.nk;
        let n = self.x.len();
        let mut abd = [vec![0.0; nk], vec![0.0; nk], vec![0.0; nk], vec![0.0; nk]];
        let mut coef = self.xwy.clone();
        for i in 0..nk {
            abd[3][i] = self.hs[0][i] + lambda * self.sg[0][i];
        }
        for i in 0..nk.saturating_sub(1) {
            abd[2][i + 1] = self.hs[1][i] + lambda * self.sg[1][i];
        }
        for i in 0..nk.saturating_sub(2) {
            abd[1][i + 2] = self.hs[2][i] + lambda * self.sg[2][i];
        }
        for i in 0..nk.saturating_sub(3) {
            abd[0][i + 3] = self.hs[3][i] + lambda * self.sg[3][i];
        }
        let mut sol = Solution { coef: vec![0.0; nk], sz: vec![0.0; n], lev: vec![0.0; n], crit: 0.0, lambda, ier: 0, r: Vec::new() };
        if let Err(info) = dpbfa(&mut abd, nk) {
            sol.ier = info;
            return sol;
        }
        dpbsl(&abd, nk, &mut coef);
        sol.r = (0..nk).flat_map(|j| (0..4).map(move |r| (r, j))).map(|(r, j)| abd[r][j]).collect();
        let sz: Vec<f64> = self.x.iter().map(|&xv| bvalue(self.knot, &coef, xv, 0)).collect();
        sol.coef = coef;
        if self.icrit >= 1 {
            let p = sinerp(&abd, nk);
            let eps = 1e-11;
            for i in 0..n {
                let mut xv = self.x[i];
                let (mut ileft, flag) = interv(self.knot, nk + 1, xv);
                if flag == -1 {
                    ileft = 4;
                    xv = self.knot[3] + eps;
                } else if flag == 1 {
                    ileft = nk;
                    xv = self.knot[nk] - eps;
                }
                let ileft = ileft.max(4);
                let j = ileft - 4;
                let b = bsplvd(self.knot, xv, ileft, 1)[0];
                let (b0, b1, b2, b3) = (b[0], b[1], b[2], b[3]);
                sol.lev[i] = (p[3][j] * b0.powi(2) + 2.0 * p[2][j] * b0 * b1 + 2.0 * p[1][j] * b0 * b2 + 2.0 * p[0][j] * b0 * b3
                    + p[3][j + 1] * b1.powi(2)
                    + 2.0 * p[2][j + 1] * b1 * b2
                    + 2.0 * p[1][j + 1] * b1 * b3
                    + p[3][j + 2] * b2.powi(2)
                    + 2.0 * p[2][j + 2] * b2 * b3
                    + p[3][j + 3] * b3.powi(2))
                    * self.w[i].powi(2);
            }
            let w = &self.w;
            sol.crit = match self.icrit {
                1 => {
                    let (mut rss, mut df, mut sumw) = (self.ssw, 0.0, 0.0);
                    for i in 0..n {
                        rss += ((self.y[i] - sz[i]) * w[i]).powi(2);
                        df += sol.lev[i];
                        sumw += w[i].powi(2);
                    }
                    (rss / sumw) / (1.0 - (self.dofoff + self.penalty * df) / sumw).powi(2)
                }
                2 => {
                    let mut c = 0.0;
                    for i in 0..n {
                        c += (((self.y[i] - sz[i]) * w[i]) / (1.0 - sol.lev[i])).powi(2);
                    }
                    c / n as f64
                }
                _ => {
                    let df: f64 = sol.lev.iter().sum();
                    if self.icrit == 3 {
                        3.0 + (self.dofoff - df).powi(2)
                    } else {
                        df - self.dofoff
                    }
                }
            };
        }
        sol.sz = sz;
        sol
    }

    /// `X'Wy`, the bands of `X'WX` and of `Sigma`, each band after the other.
    pub fn cross_products(&self) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
        (self.xwy.clone(), self.hs.concat(), self.sg.concat())
    }

    pub fn lambda_of(&self, spar: f64) -> f64 {
        self.ratio * 16f64.powf(spar * 6.0 - 2.0)
    }
}

/// Result of the spar search: the last solution computed (as R reports it), the spar and
/// criterion of the best point, and the iteration count.
pub struct Search {
    pub sol: Solution,
    pub spar: f64,
    pub crit: f64,
    pub iter: usize,
}

/// `|a|` with the sign of `b` (Fortran's `sign`, positive for `b = -0`).
fn fsign(a: f64, b: f64) -> f64 {
    if b >= 0.0 { a.abs() } else { -a.abs() }
}

/// Brent's minimisation of the criterion over spar in [lo, hi] (`sbart`).
pub fn search_spar(p: &Problem, lo: f64, hi: f64, tol: f64, eps: f64, maxit: usize) -> Search {
    const GOLD: f64 = 0.381966011250105151795413165634;
    const BIG: f64 = 1e100;
    let (mut a, mut b) = (lo, hi);
    let mut v = a + GOLD * (b - a);
    let (mut w, mut x) = (v, v);
    let (mut d, mut e) = (0.0f64, 0.0f64);
    let mut sol = p.solve(p.lambda_of(x));
    let mut fx = sol.crit;
    let (mut fv, mut fw) = (fx, fx);
    let mut iter = 0;
    while sol.ier == 0 {
        let xm = (a + b) * 0.5;
        let tol1 = eps * x.abs() + tol / 3.0;
        let tol2 = tol1 * 2.0;
        iter += 1;
        if (x - xm).abs() <= tol2 - (b - a) * 0.5 || iter > maxit {
            break;
        }
        let mut golden = e.abs() <= tol1 || fx >= BIG || fv >= BIG || fw >= BIG;
        if !golden {
            let mut r = (x - w) * (fx - fv);
            let mut q = (x - v) * (fx - fw);
            let mut pp = (x - v) * q - (x - w) * r;
            q = (q - r) * 2.0;
            if q > 0.0 {
                pp = -pp;
            }
            q = q.abs();
            r = e;
            e = d;
            if pp.abs() >= (0.5 * q * r).abs() || q == 0.0 || pp <= q * (a - x) || pp >= q * (b - x) {
                golden = true;
            } else {
                d = pp / q;
                let u = x + d;
                if u - a < tol2 || b - u < tol2 {
                    d = fsign(tol1, xm - x);
                }
            }
        }
        if golden {
            e = if x >= xm { a - x } else { b - x };
            d = GOLD * e;
        }
        let u = x + if d.abs() >= tol1 { d } else { fsign(tol1, d) };
        sol = p.solve(p.lambda_of(u));
        let mut fu = sol.crit;
        if !fu.is_finite() {
            fu = 2.0 * BIG;
        }
        if fu <= fx {
            if u >= x {
                a = x;
            } else {
                b = x;
            }
            v = w;
            fv = fw;
            w = x;
            fw = fx;
            x = u;
            fx = fu;
        } else {
            if u < x {
                a = u;
            } else {
                b = u;
            }
            if fu <= fw || w == x {
                v = w;
                fv = fw;
                w = u;
                fw = fu;
            } else if fu <= fv || v == x || v == w {
                v = u;
                fv = fu;
            }
        }
    }
    Search { sol, spar: x, crit: fx, iter }
}
