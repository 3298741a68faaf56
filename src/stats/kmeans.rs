//! k-means clustering as R's `kmeans` runs it: Hartigan and Wong's AS 136 (optimal- and
//! quick-transfer stages, with its live sets), Lloyd/Forgy and MacQueen. Data are an
//! `m`×`p` column-major matrix, centres a `k`×`p` column-major matrix updated in place.

/// The outcome of one run.
pub struct KmeansFit {
    /// 1-based cluster of each point.
    pub cluster: Vec<i32>,
    pub size: Vec<i32>,
    pub withinss: Vec<f64>,
    /// Iterations used (iter.max + 1 when not converged, as R reports it).
    pub iter: i32,
    /// R's ifault: 0 ok, 1 empty cluster, 2 not converged, 3 bad k, 4 quick-transfer limit.
    pub ifault: i32,
}

/// AS 136's "very large number" (a single-precision 1e30 in the Fortran).
const BIG: f64 = 1.0e30_f32 as f64;

struct Hw<'a> {
    a: &'a [f64],
    m: usize,
    p: usize,
    k: usize,
    c: &'a mut [f64],
    ic1: Vec<usize>,
    ic2: Vec<usize>,
    nc: Vec<i64>,
    an1: Vec<f64>,
    an2: Vec<f64>,
    ncp: Vec<i64>,
    d: Vec<f64>,
    itran: Vec<bool>,
    live: Vec<i64>,
}

impl Hw<'_> {
    #[inline]
    fn sq(&self, i: usize, l: usize) -> f64 {
        let mut s = 0.0;
        for j in 0..self.p {
            let t = self.a[i + j * self.m] - self.c[l + j * self.k];
            s += t * t;
        }
        s
    }

    /// Squared distance, stopping early once it reaches `limit` (the value is then ≥ limit).
    #[inline]
    fn sq_bounded(&self, i: usize, l: usize, limit: f64) -> Option<f64> {
        let mut s = 0.0;
        for j in 0..self.p {
            let t = self.a[i + j * self.m] - self.c[l + j * self.k];
            s += t * t;
            if s >= limit {
                return None;
            }
        }
        Some(s)
    }

    /// Moves point i from cluster l1 to l2, updating centres and the size factors.
    fn transfer(&mut self, i: usize, l1: usize, l2: usize) {
        let al1 = self.nc[l1] as f64;
        let alw = al1 - 1.0;
        let al2 = self.nc[l2] as f64;
        let alt = al2 + 1.0;
        for j in 0..self.p {
            let x = self.a[i + j * self.m];
            let c1 = &mut self.c[l1 + j * self.k];
            *c1 = (*c1 * al1 - x) / alw;
            let c2 = &mut self.c[l2 + j * self.k];
            *c2 = (*c2 * al2 + x) / alt;
        }
        self.nc[l1] -= 1;
        self.nc[l2] += 1;
        self.an2[l1] = alw / al1;
        self.an1[l1] = if alw > 1.0 { alw / (alw - 1.0) } else { BIG };
        self.an1[l2] = alt / al2;
        self.an2[l2] = alt / (alt + 1.0);
        self.ic1[i] = l2;
        self.ic2[i] = l1;
    }

    /// The optimal-transfer stage; `indx` counts steps since the last transfer.
    fn optra(&mut self, indx: &mut usize) {
        let m = self.m as i64;
        for l in 0..self.k {
            if self.itran[l] {
                self.live[l] = m + 1;
            }
        }
        for i in 0..self.m {
            let ii = i as i64 + 1;
            *indx += 1;
            let l1 = self.ic1[i];
            if self.nc[l1] != 1 {
                if self.ncp[l1] != 0 {
                    self.d[i] = self.sq(i, l1) * self.an1[l1];
                }
                let ll = self.ic2[i];
                let mut l2 = ll;
                let mut r2 = self.sq(i, l2) * self.an2[l2];
                for l in 0..self.k {
                    if (ii >= self.live[l1] && ii >= self.live[l]) || l == l1 || l == ll {
                        continue;
                    }
                    let rr = r2 / self.an2[l];
                    if let Some(dc) = self.sq_bounded(i, l, rr) {
                        r2 = dc * self.an2[l];
                        l2 = l;
                    }
                }
                if r2 >= self.d[i] {
                    self.ic2[i] = l2;
                } else {
                    *indx = 0;
                    self.live[l1] = m + ii;
                    self.live[l2] = m + ii;
                    self.ncp[l1] = ii;
                    self.ncp[l2] = ii;
                    self.transfer(i, l1, l2);
                }
            }
            if *indx == self.m {
                return;
            }
        }
        for l in 0..self.k {
            self.itran[l] = false;
            self.live[l] -= m;
        }
    }

    /// The quick-transfer stage; false when the step limit was reached.
    fn qtran(&mut self, indx: &mut usize, max_steps: i64) -> bool {
        let m = self.m as i64;
        let mut icoun = 0i64;
        let mut istep = 0i64;
        loop {
            for i in 0..self.m {
                icoun += 1;
                istep += 1;
                if istep >= max_steps {
                    return false;
                }
                let l1 = self.ic1[i];
                let l2 = self.ic2[i];
                if self.nc[l1] != 1 {
                    if istep <= self.ncp[l1] {
                        self.d[i] = self.sq(i, l1) * self.an1[l1];
                    }
                    if istep < self.ncp[l1] || istep < self.ncp[l2] {
                        let r2 = self.d[i] / self.an2[l2];
                        if self.sq_bounded(i, l2, r2).is_some() {
                            icoun = 0;
                            *indx = 0;
                            self.itran[l1] = true;
                            self.itran[l2] = true;
                            self.ncp[l1] = istep + m;
                            self.ncp[l2] = istep + m;
                            self.transfer(i, l1, l2);
                        }
                    }
                }
                if icoun == m {
                    return true;
                }
            }
        }
    }
}

/// Within-cluster sums of squares with the centres recomputed as cluster means.
fn finish(a: &[f64], m: usize, p: usize, c: &mut [f64], k: usize, cl: &[usize], nc: &[i64]) -> Vec<f64> {
    c.iter_mut().for_each(|v| *v = 0.0);
    for i in 0..m {
        for j in 0..p {
            c[cl[i] + j * k] += a[i + j * m];
        }
    }
    let mut wss = vec![0.0; k];
    for j in 0..p {
        for l in 0..k {
            c[l + j * k] /= nc[l] as f64;
        }
        for i in 0..m {
            let t = a[i + j * m] - c[cl[i] + j * k];
            wss[cl[i]] += t * t;
        }
    }
    wss
}

/// Hartigan-Wong (AS 136) from the given centres.
pub fn hartigan_wong(a: &[f64], m: usize, p: usize, c: &mut [f64], k: usize, iter_max: i32) -> KmeansFit {
    let bad = |ifault| KmeansFit { cluster: vec![], size: vec![], withinss: vec![], iter: iter_max, ifault };
    if k <= 1 || k >= m {
        return bad(3);
    }
    let mut hw = Hw {
        a,
        m,
        p,
        k,
        c,
        ic1: vec![0; m],
        ic2: vec![1; m],
        nc: vec![0; k],
        an1: vec![0.0; k],
        an2: vec![0.0; k],
        ncp: vec![-1; k],
        d: vec![0.0; m],
        itran: vec![true; k],
        live: vec![0; k],
    };
    for i in 0..m {
        let mut dt = [hw.sq(i, 0), hw.sq(i, 1)];
        hw.ic1[i] = 0;
        hw.ic2[i] = 1;
        if dt[0] > dt[1] {
            hw.ic1[i] = 1;
            hw.ic2[i] = 0;
            dt.swap(0, 1);
        }
        for l in 2..k {
            if let Some(db) = hw.sq_bounded(i, l, dt[1]) {
                if db >= dt[0] {
                    dt[1] = db;
                    hw.ic2[i] = l;
                } else {
                    dt[1] = dt[0];
                    hw.ic2[i] = hw.ic1[i];
                    dt[0] = db;
                    hw.ic1[i] = l;
                }
            }
        }
    }
    hw.c.iter_mut().for_each(|v| *v = 0.0);
    for i in 0..m {
        let l = hw.ic1[i];
        hw.nc[l] += 1;
        for j in 0..p {
            hw.c[l + j * k] += a[i + j * m];
        }
    }
    for l in 0..k {
        if hw.nc[l] == 0 {
            return bad(1);
        }
        let aa = hw.nc[l] as f64;
        for j in 0..p {
            hw.c[l + j * k] /= aa;
        }
        hw.an2[l] = aa / (aa + 1.0);
        hw.an1[l] = if aa > 1.0 { aa / (aa - 1.0) } else { BIG };
    }
    let max_qtr = (50i64 * m as i64).min(i32::MAX as i64);
    let mut indx = 0usize;
    let mut ifault = 2;
    let mut iter = iter_max + 1;
    for ij in 1..=iter_max {
        hw.optra(&mut indx);
        if indx == m {
            ifault = 0;
            iter = ij;
            break;
        }
        if !hw.qtran(&mut indx, max_qtr) {
            ifault = 4;
            iter = ij;
            break;
        }
        if k == 2 {
            ifault = 0;
            iter = ij;
            break;
        }
        hw.ncp.iter_mut().for_each(|v| *v = 0);
    }
    let cl = hw.ic1.clone();
    let nc = hw.nc.clone();
    let wss = finish(a, m, p, hw.c, k, &cl, &nc);
    KmeansFit {
        cluster: cl.iter().map(|&l| l as i32 + 1).collect(),
        size: nc.iter().map(|&v| v as i32).collect(),
        withinss: wss,
        iter,
        ifault,
    }
}

/// The nearest centre of point i (first on ties).
fn nearest(a: &[f64], m: usize, p: usize, c: &[f64], k: usize, i: usize) -> usize {
    let mut best = f64::INFINITY;
    let mut inew = 0;
    for l in 0..k {
        let mut dd = 0.0;
        for j in 0..p {
            let t = a[i + j * m] - c[l + j * k];
            dd += t * t;
        }
        if dd < best {
            best = dd;
            inew = l;
        }
    }
    inew
}

fn means(a: &[f64], m: usize, p: usize, c: &mut [f64], k: usize, cl: &[usize], nc: &mut [i64]) {
    c.iter_mut().for_each(|v| *v = 0.0);
    nc.iter_mut().for_each(|v| *v = 0);
    for i in 0..m {
        nc[cl[i]] += 1;
        for j in 0..p {
            c[cl[i] + j * k] += a[i + j * m];
        }
    }
    for j in 0..p {
        for l in 0..k {
            c[l + j * k] /= nc[l] as f64;
        }
    }
}

/// Lloyd's (Forgy's) algorithm: assign all points, then recompute all centres.
pub fn lloyd(a: &[f64], m: usize, p: usize, c: &mut [f64], k: usize, iter_max: i32) -> KmeansFit {
    let mut cl = vec![usize::MAX; m];
    let mut nc = vec![0i64; k];
    let mut iter = 0;
    while iter < iter_max {
        let mut updated = false;
        for i in 0..m {
            let inew = nearest(a, m, p, c, k, i);
            if cl[i] != inew {
                updated = true;
                cl[i] = inew;
            }
        }
        if !updated {
            break;
        }
        means(a, m, p, c, k, &cl, &mut nc);
        iter += 1;
    }
    wss_fit(a, m, p, c, k, cl, iter + 1)
}

/// MacQueen's algorithm: centres move as each point changes cluster.
pub fn macqueen(a: &[f64], m: usize, p: usize, c: &mut [f64], k: usize, iter_max: i32) -> KmeansFit {
    let mut cl: Vec<usize> = (0..m).map(|i| nearest(a, m, p, c, k, i)).collect();
    let mut nc = vec![0i64; k];
    means(a, m, p, c, k, &cl, &mut nc);
    let mut iter = 0;
    while iter < iter_max {
        let mut updated = false;
        for i in 0..m {
            let inew = nearest(a, m, p, c, k, i);
            let old = cl[i];
            if old != inew {
                updated = true;
                cl[i] = inew;
                nc[old] -= 1;
                nc[inew] += 1;
                for j in 0..p {
                    let x = a[i + j * m];
                    let co = &mut c[old + j * k];
                    *co += (*co - x) / nc[old] as f64;
                    let cn = &mut c[inew + j * k];
                    *cn += (x - *cn) / nc[inew] as f64;
                }
            }
        }
        if !updated {
            break;
        }
        iter += 1;
    }
    wss_fit(a, m, p, c, k, cl, iter + 1)
}

fn wss_fit(a: &[f64], m: usize, p: usize, c: &[f64], k: usize, cl: Vec<usize>, iter: i32) -> KmeansFit {
    let mut wss = vec![0.0; k];
    let mut nc = vec![0i32; k];
    for i in 0..m {
        if cl[i] == usize::MAX {
            continue;
        }
        nc[cl[i]] += 1;
        for j in 0..p {
            let t = a[i + j * m] - c[cl[i] + j * k];
            wss[cl[i]] += t * t;
        }
    }
    KmeansFit {
        cluster: cl.iter().map(|&l| if l == usize::MAX { 0 } else { l as i32 + 1 }).collect(),
        size: nc,
        withinss: wss,
        iter,
        ifault: 0,
    }
}

/// `f` over `items` on up to [`threads`](crate::stats::tsqr::threads) threads, results in
/// the items' order (k-means runs from different starts are independent).
pub fn map_parallel<T: Send, R: Send>(items: Vec<T>, f: &(dyn Fn(T) -> R + Sync)) -> Vec<R> {
    let t = crate::stats::tsqr::threads().min(items.len());
    if t <= 1 {
        return items.into_iter().map(f).collect();
    }
    let n = items.len();
    let mut queue: Vec<(usize, T)> = items.into_iter().enumerate().collect();
    queue.reverse();
    let queue = std::sync::Mutex::new(queue);
    let mut out: Vec<(usize, R)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..t)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let next = queue.lock().map(|mut q| q.pop()).unwrap_or(None);
                        let Some((i, item)) = next else { break };
                        done.push((i, f(item)));
                    }
                    done
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    });
    debug_assert_eq!(out.len(), n);
    out.sort_by_key(|r| r.0);
    out.into_iter().map(|r| r.1).collect()
}
