//! The subroutines of L-BFGS-B (version 2.3, as R ships it): the compact limited-memory
//! matrix products, the generalized Cauchy point, subspace minimisation and the small
//! LINPACK kernels they use. Vectors here are 1-based (index 0 unused) and matrices are
//! column-major with 1-based accessors, mirroring the Fortran so that every sum runs in
//! the same order as R's.

/// `ddot` over `n` entries of two 1-based strided views, summed left to right.
pub(super) fn dot(n: usize, a: impl Fn(usize) -> f64, b: impl Fn(usize) -> f64) -> f64 {
    let mut s = 0.0;
    for i in 1..=n {
        s += a(i) * b(i);
    }
    s
}

/// Index of element (i, j) (1-based) of a column-major matrix with leading dimension `ld`
/// whose (1, 1) element sits at `off`.
#[inline]
pub(super) fn ix(off: usize, ld: usize, i: usize, j: usize) -> usize {
    off + (i - 1) + (j - 1) * ld
}

/// LINPACK `dpofa`: Cholesky factor of the leading `n`×`n` block at `off` (upper triangle,
/// R'R). Returns 0, or the order of the first non-positive leading minor.
pub(super) fn dpofa(a: &mut [f64], ld: usize, off: usize, n: usize) -> i32 {
    for j in 1..=n {
        let mut s = 0.0;
        for k in 1..j {
            // ddot is accumulated separately, then subtracted
            let mut t = a[ix(off, ld, k, j)]
                - dot(k - 1, |q| a[ix(off, ld, q, k)], |q| a[ix(off, ld, q, j)]);
            t /= a[ix(off, ld, k, k)];
            a[ix(off, ld, k, j)] = t;
            s += t * t;
        }
        s = a[ix(off, ld, j, j)] - s;
        if s <= 0.0 {
            return j as i32;
        }
        a[ix(off, ld, j, j)] = s.sqrt();
    }
    0
}

/// LINPACK `dtrsl` for an upper-triangular `n`×`n` block at `off`: `job` 1 solves T x = b,
/// `job` 11 solves T' x = b. `b` is 0-based. Returns the index of a zero pivot, or 0.
pub(super) fn dtrsl_upper(
    t: &[f64],
    ld: usize,
    off: usize,
    n: usize,
    b: &mut [f64],
    job: i32,
) -> i32 {
    for k in 1..=n {
        if t[ix(off, ld, k, k)] == 0.0 {
            return k as i32;
        }
    }
    if n == 0 {
        return 0;
    }
    if job == 1 {
        b[n - 1] /= t[ix(off, ld, n, n)];
        for jj in 2..=n {
            let j = n - jj + 1;
            let temp = -b[j];
            for i in 1..=j {
                b[i - 1] += temp * t[ix(off, ld, i, j + 1)];
            }
            b[j - 1] /= t[ix(off, ld, j, j)];
        }
    } else {
        b[0] /= t[ix(off, ld, 1, 1)];
        for j in 2..=n {
            let s = dot(j - 1, |i| t[ix(off, ld, i, j)], |i| b[i - 1]);
            b[j - 1] -= s;
            b[j - 1] /= t[ix(off, ld, j, j)];
        }
    }
    0
}

/// The product of the 2col×2col middle matrix of the compact L-BFGS formula with `v`
/// (both 1-based, length 2m), into `p`. Returns dtrsl's info.
pub(super) fn bmv(m: usize, sy: &[f64], wt: &[f64], col: usize, v: &[f64], p: &mut [f64]) -> i32 {
    if col == 0 {
        return 0;
    }
    let sy_ = |i: usize, j: usize| sy[ix(0, m, i, j)];
    p[col + 1] = v[col + 1];
    for i in 2..=col {
        let i2 = col + i;
        let mut sum = 0.0;
        for k in 1..i {
            sum += sy_(i, k) * v[k] / sy_(k, k);
        }
        p[i2] = v[i2] + sum;
    }
    let info = dtrsl_upper(wt, m, 0, col, &mut p[col + 1..=2 * col], 11);
    if info != 0 {
        return info;
    }
    for i in 1..=col {
        p[i] = v[i] / sy_(i, i).sqrt();
    }
    let info = dtrsl_upper(wt, m, 0, col, &mut p[col + 1..=2 * col], 1);
    if info != 0 {
        return info;
    }
    for i in 1..=col {
        p[i] = -p[i] / sy_(i, i).sqrt();
    }
    for i in 1..=col {
        let mut sum = 0.0;
        for k in i + 1..=col {
            sum += sy_(k, i) * p[col + k] / sy_(i, i);
        }
        p[i] += sum;
    }
    0
}

/// Heap helper of the Cauchy search (`hpsolb`): moves the least of `t[1..=n]` to `t[n]`
/// and keeps the rest a heap; `iheap == 0` builds the heap first.
pub(super) fn hpsolb(n: usize, t: &mut [f64], iorder: &mut [usize], iheap: i32) {
    if iheap == 0 {
        for k in 2..=n {
            let ddum = t[k];
            let indxin = iorder[k];
            let mut i = k;
            while i > 1 {
                let j = i / 2;
                if ddum < t[j] {
                    t[i] = t[j];
                    iorder[i] = iorder[j];
                    i = j;
                } else {
                    break;
                }
            }
            t[i] = ddum;
            iorder[i] = indxin;
        }
    }
    if n > 1 {
        let mut i = 1;
        let out = t[1];
        let indxou = iorder[1];
        let ddum = t[n];
        let indxin = iorder[n];
        loop {
            let mut j = i + i;
            if j < n {
                if t[j + 1] < t[j] {
                    j += 1;
                }
                if t[j] < ddum {
                    t[i] = t[j];
                    iorder[i] = iorder[j];
                    i = j;
                    continue;
                }
            }
            break;
        }
        t[i] = ddum;
        iorder[i] = indxin;
        t[n] = out;
        iorder[n] = indxou;
    }
}

/// Infinity norm of the projected gradient (0-based slices).
pub(super) fn projgr(l: &[f64], u: &[f64], nbd: &[i32], x: &[f64], g: &[f64]) -> f64 {
    let mut sbgnrm: f64 = 0.0;
    for i in 0..x.len() {
        let mut gi = g[i];
        if nbd[i] != 0 {
            if gi < 0.0 {
                if nbd[i] >= 2 && gi < x[i] - u[i] {
                    gi = x[i] - u[i];
                }
            } else if nbd[i] <= 2 && gi > x[i] - l[i] {
                gi = x[i] - l[i];
            }
        }
        if sbgnrm < gi.abs() {
            sbgnrm = gi.abs();
        }
    }
    sbgnrm
}

/// The limited-memory matrices and work vectors of one L-BFGS-B run.
pub(super) struct Mem {
    pub n: usize,
    pub m: usize,
    /// S and Y, n×m, column `pointr` holds one correction pair.
    pub ws: Vec<f64>,
    pub wy: Vec<f64>,
    /// S'Y, S'S and the Cholesky factor of theta*S'S + L D^-1 L', m×m.
    pub sy: Vec<f64>,
    pub ss: Vec<f64>,
    pub wt: Vec<f64>,
    /// The LEL' factorization of K and the inner products behind it, 2m×2m.
    pub wn: Vec<f64>,
    pub snd: Vec<f64>,
    /// 1-based work vectors of length 2m: p (W'd, later wv), c, wbp, v.
    pub wp: Vec<f64>,
    pub wc: Vec<f64>,
    pub wbp: Vec<f64>,
    pub wv: Vec<f64>,
    pub theta: f64,
    pub col: usize,
    pub head: usize,
    pub itail: usize,
    pub iupdat: usize,
    pub updatd: bool,
}

impl Mem {
    pub fn new(n: usize, m: usize) -> Mem {
        Mem {
            n,
            m,
            ws: vec![0.0; n * m],
            wy: vec![0.0; n * m],
            sy: vec![0.0; m * m],
            ss: vec![0.0; m * m],
            wt: vec![0.0; m * m],
            wn: vec![0.0; 4 * m * m],
            snd: vec![0.0; 4 * m * m],
            wp: vec![0.0; 2 * m + 1],
            wc: vec![0.0; 2 * m + 1],
            wbp: vec![0.0; 2 * m + 1],
            wv: vec![0.0; 2 * m + 1],
            theta: 1.0,
            col: 0,
            head: 1,
            itail: 0,
            iupdat: 0,
            updatd: false,
        }
    }

    /// Forgets all corrections (B = I).
    pub fn reset(&mut self) {
        self.col = 0;
        self.head = 1;
        self.theta = 1.0;
        self.iupdat = 0;
        self.updatd = false;
    }

    #[inline]
    fn s(&self, i: usize, j: usize) -> f64 {
        self.ws[ix(0, self.n, i, j)]
    }
    #[inline]
    fn y(&self, i: usize, j: usize) -> f64 {
        self.wy[ix(0, self.n, i, j)]
    }

    /// The generalized Cauchy point along the projected steepest descent path
    /// (`cauchy`). Vectors are 1-based; `t` and `iorder` are work arrays. Returns
    /// (info, nint).
    #[allow(clippy::too_many_arguments)]
    pub fn cauchy(
        &mut self,
        x: &[f64],
        l: &[f64],
        u: &[f64],
        nbd: &[i32],
        g: &[f64],
        iorder: &mut [usize],
        iwhere: &mut [i32],
        t: &mut [f64],
        d: &mut [f64],
        xcp: &mut [f64],
        sbgnrm: f64,
        epsmch: f64,
    ) -> (i32, i32) {
        let n = self.n;
        let m = self.m;
        let col = self.col;
        let theta = self.theta;
        if sbgnrm <= 0.0 {
            xcp[1..=n].copy_from_slice(&x[1..=n]);
            return (0, 0);
        }
        let mut bnded = true;
        let mut nfree = n + 1;
        let mut nbreak = 0usize;
        let mut ibkmin = 0usize;
        let mut bkmin = 0.0;
        let col2 = 2 * col;
        let mut f1 = 0.0;
        let (mut tl, mut tu) = (0.0, 0.0);
        for k in 1..=col2 {
            self.wp[k] = 0.0;
        }
        for i in 1..=n {
            let neggi = -g[i];
            if iwhere[i] != 3 && iwhere[i] != -1 {
                if nbd[i] <= 2 {
                    tl = x[i] - l[i];
                }
                if nbd[i] >= 2 {
                    tu = u[i] - x[i];
                }
                let xlower = nbd[i] <= 2 && tl <= 0.0;
                let xupper = nbd[i] >= 2 && tu <= 0.0;
                iwhere[i] = 0;
                if xlower {
                    if neggi <= 0.0 {
                        iwhere[i] = 1;
                    }
                } else if xupper {
                    if neggi >= 0.0 {
                        iwhere[i] = 2;
                    }
                } else if neggi.abs() <= 0.0 {
                    iwhere[i] = -3;
                }
            }
            let mut pointr = self.head;
            if iwhere[i] != 0 && iwhere[i] != -1 {
                d[i] = 0.0;
            } else {
                d[i] = neggi;
                f1 -= neggi * neggi;
                for j in 1..=col {
                    self.wp[j] += self.y(i, pointr) * neggi;
                    self.wp[col + j] += self.s(i, pointr) * neggi;
                    pointr = pointr % m + 1;
                }
                if nbd[i] <= 2 && nbd[i] != 0 && neggi < 0.0 {
                    nbreak += 1;
                    iorder[nbreak] = i;
                    t[nbreak] = tl / (-neggi);
                    if nbreak == 1 || t[nbreak] < bkmin {
                        bkmin = t[nbreak];
                        ibkmin = nbreak;
                    }
                } else if nbd[i] >= 2 && neggi > 0.0 {
                    nbreak += 1;
                    iorder[nbreak] = i;
                    t[nbreak] = tu / neggi;
                    if nbreak == 1 || t[nbreak] < bkmin {
                        bkmin = t[nbreak];
                        ibkmin = nbreak;
                    }
                } else {
                    nfree -= 1;
                    iorder[nfree] = i;
                    if neggi.abs() > 0.0 {
                        bnded = false;
                    }
                }
            }
        }
        if theta != 1.0 {
            for j in 1..=col {
                self.wp[col + j] *= theta;
            }
        }
        xcp[1..=n].copy_from_slice(&x[1..=n]);
        if nbreak == 0 && nfree == n + 1 {
            return (0, 0);
        }
        for j in 1..=col2 {
            self.wc[j] = 0.0;
        }
        let mut f2 = -theta * f1;
        let f2_org = f2;
        if col > 0 {
            let info = bmv(m, &self.sy, &self.wt, col, &self.wp, &mut self.wv);
            if info != 0 {
                return (info, 0);
            }
            f2 -= dot(col2, |k| self.wv[k], |k| self.wp[k]);
        }
        let mut dtm = -f1 / f2;
        let mut tsum = 0.0;
        let mut nint = 1;
        let mut skip_move = false;
        if nbreak > 0 {
            let mut nleft = nbreak;
            let mut iter = 1;
            let mut tj = 0.0;
            loop {
                let tj0 = tj;
                let ibp;
                if iter == 1 {
                    tj = bkmin;
                    ibp = iorder[ibkmin];
                } else {
                    if iter == 2 && ibkmin != nbreak {
                        t[ibkmin] = t[nbreak];
                        iorder[ibkmin] = iorder[nbreak];
                    }
                    hpsolb(nleft, t, iorder, iter - 2);
                    tj = t[nleft];
                    ibp = iorder[nleft];
                }
                let dt = tj - tj0;
                if dtm < dt {
                    break;
                }
                tsum += dt;
                nleft -= 1;
                iter += 1;
                let dibp = d[ibp];
                d[ibp] = 0.0;
                let zibp;
                if dibp > 0.0 {
                    zibp = u[ibp] - x[ibp];
                    xcp[ibp] = u[ibp];
                    iwhere[ibp] = 2;
                } else {
                    zibp = l[ibp] - x[ibp];
                    xcp[ibp] = l[ibp];
                    iwhere[ibp] = 1;
                }
                if nleft == 0 && nbreak == n {
                    dtm = dt;
                    skip_move = true;
                    break;
                }
                nint += 1;
                let dibp2 = dibp * dibp;
                f1 += dt * f2 + dibp2 - theta * dibp * zibp;
                f2 -= theta * dibp2;
                if col > 0 {
                    for k in 1..=col2 {
                        self.wc[k] += dt * self.wp[k];
                    }
                    let mut pointr = self.head;
                    for j in 1..=col {
                        self.wbp[j] = self.y(ibp, pointr);
                        self.wbp[col + j] = theta * self.s(ibp, pointr);
                        pointr = pointr % m + 1;
                    }
                    let info = bmv(m, &self.sy, &self.wt, col, &self.wbp, &mut self.wv);
                    if info != 0 {
                        return (info, nint);
                    }
                    let wmc = dot(col2, |k| self.wc[k], |k| self.wv[k]);
                    let wmp = dot(col2, |k| self.wp[k], |k| self.wv[k]);
                    let wmw = dot(col2, |k| self.wbp[k], |k| self.wv[k]);
                    if dibp != 0.0 {
                        for k in 1..=col2 {
                            self.wp[k] += -dibp * self.wbp[k];
                        }
                    }
                    f1 += dibp * wmc;
                    f2 += 2.0 * dibp * wmp - dibp2 * wmw;
                }
                let floor = epsmch * f2_org;
                if f2 < floor {
                    f2 = floor;
                }
                if nleft > 0 {
                    dtm = -f1 / f2;
                    continue;
                } else if bnded {
                    dtm = 0.0;
                } else {
                    dtm = -f1 / f2;
                }
                break;
            }
        }
        if !skip_move {
            if dtm <= 0.0 {
                dtm = 0.0;
            }
            tsum += dtm;
            if tsum != 0.0 {
                for i in 1..=n {
                    xcp[i] += tsum * d[i];
                }
            }
        }
        if col > 0 && dtm != 0.0 {
            for k in 1..=col2 {
                self.wc[k] += dtm * self.wp[k];
            }
        }
        (0, nint)
    }

    /// r = -Z'B(xcp - x) - Z'g over the free variables (`cmprlb`); 1-based vectors.
    #[allow(clippy::too_many_arguments)]
    pub fn cmprlb(
        &mut self,
        x: &[f64],
        g: &[f64],
        z: &[f64],
        r: &mut [f64],
        indx: &[usize],
        nfree: usize,
        cnstnd: bool,
    ) -> i32 {
        let n = self.n;
        let m = self.m;
        let col = self.col;
        if !cnstnd && col > 0 {
            for i in 1..=n {
                r[i] = -g[i];
            }
            return 0;
        }
        for i in 1..=nfree {
            let k = indx[i];
            r[i] = -self.theta * (z[k] - x[k]) - g[k];
        }
        let info = bmv(m, &self.sy, &self.wt, col, &self.wc, &mut self.wp);
        if info != 0 {
            return -8;
        }
        let mut pointr = self.head;
        for j in 1..=col {
            let a1 = self.wp[j];
            let a2 = self.theta * self.wp[col + j];
            for i in 1..=nfree {
                let k = indx[i];
                r[i] += self.y(k, pointr) * a1 + self.s(k, pointr) * a2;
            }
            pointr = pointr % m + 1;
        }
        0
    }

    /// Forms the LEL' factorization of the indefinite middle matrix K (`formk`).
    #[allow(clippy::too_many_arguments)]
    pub fn formk(
        &mut self,
        nsub: usize,
        ind: &[usize],
        nenter: usize,
        ileave: usize,
        indx2: &[usize],
    ) -> i32 {
        let n = self.n;
        let m = self.m;
        let col = self.col;
        let head = self.head;
        let m2 = 2 * m;
        let w1 = |i: usize, j: usize| ix(0, m2, i, j);
        let upcl;
        if self.updatd {
            if self.iupdat > m {
                for jy in 1..m {
                    let js = m + jy;
                    for k in 0..(m - jy) {
                        self.snd[w1(jy + k, jy)] = self.snd[w1(jy + 1 + k, jy + 1)];
                    }
                    for k in 0..(m - jy) {
                        self.snd[w1(js + k, js)] = self.snd[w1(js + 1 + k, js + 1)];
                    }
                    for k in 0..(m - 1) {
                        self.snd[w1(m + 1 + k, jy)] = self.snd[w1(m + 2 + k, jy + 1)];
                    }
                }
            }
            let (pbegin, pend, dbegin, dend) = (1, nsub, nsub + 1, n);
            let iy = col;
            let is = m + col;
            let mut ipntr = head + col - 1;
            if ipntr > m {
                ipntr -= m;
            }
            let mut jpntr = head;
            for jy in 1..=col {
                let js = m + jy;
                let (mut t1, mut t2, mut t3) = (0.0, 0.0, 0.0);
                for k in pbegin..=pend {
                    let k1 = ind[k];
                    t1 += self.y(k1, ipntr) * self.y(k1, jpntr);
                }
                for k in dbegin..=dend {
                    let k1 = ind[k];
                    t2 += self.s(k1, ipntr) * self.s(k1, jpntr);
                    t3 += self.s(k1, ipntr) * self.y(k1, jpntr);
                }
                self.snd[w1(iy, jy)] = t1;
                self.snd[w1(is, js)] = t2;
                self.snd[w1(is, jy)] = t3;
                jpntr = jpntr % m + 1;
            }
            let jy = col;
            let mut jpntr = head + col - 1;
            if jpntr > m {
                jpntr -= m;
            }
            let mut ipntr = head;
            for i in 1..=col {
                let is = m + i;
                let mut t3 = 0.0;
                for k in pbegin..=pend {
                    let k1 = ind[k];
                    t3 += self.s(k1, ipntr) * self.y(k1, jpntr);
                }
                ipntr = ipntr % m + 1;
                self.snd[w1(is, jy)] = t3;
            }
            upcl = col - 1;
        } else {
            upcl = col;
        }
        let mut ipntr = head;
        for iy in 1..=upcl {
            let is = m + iy;
            let mut jpntr = head;
            for jy in 1..=iy {
                let js = m + jy;
                let (mut t1, mut t2, mut t3, mut t4) = (0.0, 0.0, 0.0, 0.0);
                for k in 1..=nenter {
                    let k1 = indx2[k];
                    t1 += self.y(k1, ipntr) * self.y(k1, jpntr);
                    t2 += self.s(k1, ipntr) * self.s(k1, jpntr);
                }
                for k in ileave..=n {
                    let k1 = indx2[k];
                    t3 += self.y(k1, ipntr) * self.y(k1, jpntr);
                    t4 += self.s(k1, ipntr) * self.s(k1, jpntr);
                }
                self.snd[w1(iy, jy)] = self.snd[w1(iy, jy)] + t1 - t3;
                self.snd[w1(is, js)] = self.snd[w1(is, js)] - t2 + t4;
                jpntr = jpntr % m + 1;
            }
            ipntr = ipntr % m + 1;
        }
        let mut ipntr = head;
        for is in m + 1..=m + upcl {
            let mut jpntr = head;
            for jy in 1..=upcl {
                let (mut t1, mut t3) = (0.0, 0.0);
                for k in 1..=nenter {
                    let k1 = indx2[k];
                    t1 += self.s(k1, ipntr) * self.y(k1, jpntr);
                }
                for k in ileave..=n {
                    let k1 = indx2[k];
                    t3 += self.s(k1, ipntr) * self.y(k1, jpntr);
                }
                if is <= jy + m {
                    self.snd[w1(is, jy)] += t1 - t3;
                } else {
                    self.snd[w1(is, jy)] += -t1 + t3;
                }
                jpntr = jpntr % m + 1;
            }
            ipntr = ipntr % m + 1;
        }
        for iy in 1..=col {
            let is = col + iy;
            let is1 = m + iy;
            for jy in 1..=iy {
                let js = col + jy;
                let js1 = m + jy;
                self.wn[w1(jy, iy)] = self.snd[w1(iy, jy)] / self.theta;
                self.wn[w1(js, is)] = self.snd[w1(is1, js1)] * self.theta;
            }
            for jy in 1..iy {
                self.wn[w1(jy, is)] = -self.snd[w1(is1, jy)];
            }
            for jy in iy..=col {
                self.wn[w1(jy, is)] = self.snd[w1(is1, jy)];
            }
            self.wn[w1(iy, iy)] += self.sy[ix(0, m, iy, iy)];
        }
        if dpofa(&mut self.wn, m2, 0, col) != 0 {
            return -1;
        }
        let col2 = 2 * col;
        for js in col + 1..=col2 {
            let mut b: Vec<f64> = (1..=col).map(|i| self.wn[w1(i, js)]).collect();
            dtrsl_upper(&self.wn, m2, 0, col, &mut b, 11);
            for i in 1..=col {
                self.wn[w1(i, js)] = b[i - 1];
            }
        }
        for is in col + 1..=col2 {
            for js in is..=col2 {
                let s = dot(col, |k| self.wn[w1(k, is)], |k| self.wn[w1(k, js)]);
                self.wn[w1(is, js)] += s;
            }
        }
        if dpofa(&mut self.wn, m2, ix(0, m2, col + 1, col + 1), col) != 0 {
            return -2;
        }
        0
    }

    /// Forms T = theta*S'S + L D^-1 L' and its Cholesky factor in `wt` (`formt`).
    pub fn formt(&mut self) -> i32 {
        let m = self.m;
        let col = self.col;
        let a = |i: usize, j: usize| ix(0, m, i, j);
        for j in 1..=col {
            self.wt[a(1, j)] = self.theta * self.ss[a(1, j)];
        }
        for i in 2..=col {
            for j in i..=col {
                let k1 = i.min(j) - 1;
                let mut ddum = 0.0;
                for k in 1..=k1 {
                    ddum += self.sy[a(i, k)] * self.sy[a(j, k)] / self.sy[a(k, k)];
                }
                self.wt[a(i, j)] = ddum + self.theta * self.ss[a(i, j)];
            }
        }
        if dpofa(&mut self.wt, m, 0, col) != 0 {
            return -3;
        }
        0
    }

    /// Adds the newest correction pair (d, r) to S and Y and updates S'S, S'Y (`matupd`).
    pub fn matupd(&mut self, d: &[f64], r: &[f64], rr: f64, dr: f64, stp: f64, dtd: f64) {
        let n = self.n;
        let m = self.m;
        let a = |i: usize, j: usize| ix(0, m, i, j);
        if self.iupdat <= m {
            self.col = self.iupdat;
            self.itail = (self.head + self.iupdat - 2) % m + 1;
        } else {
            self.itail = self.itail % m + 1;
            self.head = self.head % m + 1;
        }
        for i in 1..=n {
            self.ws[ix(0, n, i, self.itail)] = d[i];
            self.wy[ix(0, n, i, self.itail)] = r[i];
        }
        self.theta = rr / dr;
        let col = self.col;
        if self.iupdat > m {
            for j in 1..col {
                for k in 0..j {
                    self.ss[a(1 + k, j)] = self.ss[a(2 + k, j + 1)];
                }
                for k in 0..(col - j) {
                    self.sy[a(j + k, j)] = self.sy[a(j + 1 + k, j + 1)];
                }
            }
        }
        let mut pointr = self.head;
        for j in 1..col {
            self.sy[a(col, j)] = dot(n, |i| d[i], |i| self.y(i, pointr));
            self.ss[a(j, col)] = dot(n, |i| self.s(i, pointr), |i| d[i]);
            pointr = pointr % m + 1;
        }
        self.ss[a(col, col)] = if stp == 1.0 { dtd } else { stp * stp * dtd };
        self.sy[a(col, col)] = dr;
    }

    /// Subspace minimisation along the Newton direction with backtracking into the box
    /// (`subsm`). `x` holds the Cauchy point, `d` the reduced gradient. Returns (info, iword).
    #[allow(clippy::too_many_arguments)]
    pub fn subsm(
        &mut self,
        nsub: usize,
        ind: &[usize],
        l: &[f64],
        u: &[f64],
        nbd: &[i32],
        x: &mut [f64],
        d: &mut [f64],
    ) -> (i32, i32) {
        let m = self.m;
        let col = self.col;
        let theta = self.theta;
        let ns = nsub;
        if ns == 0 {
            return (0, -1);
        }
        let mut pointr = self.head;
        for i in 1..=col {
            let (mut t1, mut t2) = (0.0, 0.0);
            for j in 1..=ns {
                let k = ind[j];
                t1 += self.y(k, pointr) * d[j];
                t2 += self.s(k, pointr) * d[j];
            }
            self.wp[i] = t1;
            self.wp[col + i] = theta * t2;
            pointr = pointr % m + 1;
        }
        let m2 = 2 * m;
        let col2 = 2 * col;
        let info = dtrsl_upper(&self.wn, m2, 0, col2, &mut self.wp[1..=col2], 11);
        if info != 0 {
            return (info, -1);
        }
        for i in 1..=col {
            self.wp[i] = -self.wp[i];
        }
        let info = dtrsl_upper(&self.wn, m2, 0, col2, &mut self.wp[1..=col2], 1);
        if info != 0 {
            return (info, -1);
        }
        let mut pointr = self.head;
        for jy in 1..=col {
            let js = col + jy;
            for i in 1..=ns {
                let k = ind[i];
                d[i] += self.y(k, pointr) * self.wp[jy] / theta + self.s(k, pointr) * self.wp[js];
            }
            pointr = pointr % m + 1;
        }
        for i in 1..=ns {
            d[i] /= theta;
        }
        let mut alpha = 1.0;
        let mut temp1 = alpha;
        let mut ibd = 0;
        for i in 1..=ns {
            let k = ind[i];
            let dk = d[i];
            if nbd[k] != 0 {
                if dk < 0.0 && nbd[k] <= 2 {
                    let temp2 = l[k] - x[k];
                    if temp2 >= 0.0 {
                        temp1 = 0.0;
                    } else if dk * alpha < temp2 {
                        temp1 = temp2 / dk;
                    }
                } else if dk > 0.0 && nbd[k] >= 2 {
                    let temp2 = u[k] - x[k];
                    if temp2 <= 0.0 {
                        temp1 = 0.0;
                    } else if dk * alpha > temp2 {
                        temp1 = temp2 / dk;
                    }
                }
                if temp1 < alpha {
                    alpha = temp1;
                    ibd = i;
                }
            }
        }
        if alpha < 1.0 {
            let dk = d[ibd];
            let k = ind[ibd];
            if dk > 0.0 {
                x[k] = u[k];
                d[ibd] = 0.0;
            } else if dk < 0.0 {
                x[k] = l[k];
                d[ibd] = 0.0;
            }
        }
        for i in 1..=ns {
            x[ind[i]] += alpha * d[i];
        }
        (0, if alpha < 1.0 { 1 } else { 0 })
    }
}

/// Counts variables entering and leaving the free set and lists the free variables at
/// the Cauchy point (`freev`). Returns (nfree, nenter, ileave, wrk).
#[allow(clippy::too_many_arguments)]
pub(super) fn freev(
    n: usize,
    nfree_in: usize,
    indx: &mut [usize],
    indx2: &mut [usize],
    iwhere: &[i32],
    updatd: bool,
    cnstnd: bool,
    iter: i32,
) -> (usize, usize, usize, bool) {
    let mut nenter = 0;
    let mut ileave = n + 1;
    if iter > 0 && cnstnd {
        for i in 1..=nfree_in {
            let k = indx[i];
            if iwhere[k] > 0 {
                ileave -= 1;
                indx2[ileave] = k;
            }
        }
        for i in nfree_in + 1..=n {
            let k = indx[i];
            if iwhere[k] <= 0 {
                nenter += 1;
                indx2[nenter] = k;
            }
        }
    }
    let wrk = ileave < n + 1 || nenter > 0 || updatd;
    let mut nfree = 0;
    let mut iact = n + 1;
    for i in 1..=n {
        if iwhere[i] <= 0 {
            nfree += 1;
            indx[nfree] = i;
        } else {
            iact -= 1;
            indx[iact] = i;
        }
    }
    (nfree, nenter, ileave, wrk)
}
