//! STL: seasonal-trend decomposition by loess (Cleveland et al. 1990), as R's `stl` runs
//! it: inner iterations of cycle-subseries smoothing, low-pass filtering and trend
//! smoothing; outer iterations reweight robustly with Tukey's biweight of the remainder.
//! Positions are 1-based in the comments, as in the paper.

/// Spans, degrees and jumps of the three smoothers, and the iteration counts.
#[derive(Clone, Copy, Debug)]
pub struct StlParams {
    pub period: usize,
    pub s_window: usize,
    pub t_window: usize,
    pub l_window: usize,
    pub s_degree: usize,
    pub t_degree: usize,
    pub l_degree: usize,
    pub s_jump: usize,
    pub t_jump: usize,
    pub l_jump: usize,
    pub inner: usize,
    pub outer: usize,
}

/// The decomposition: seasonal and trend components and the robustness weights.
pub struct StlFit {
    pub seasonal: Vec<f64>,
    pub trend: Vec<f64>,
    pub weights: Vec<f64>,
}

/// Loess fit at `xs` (1-based position) from the points nleft..=nright of y, with tricube
/// weights (times rw when `userw`); None when all weights vanish. `w` is workspace.
#[allow(clippy::too_many_arguments)]
fn est(y: &[f64], len: usize, ideg: usize, xs: f64, nleft: usize, nright: usize, w: &mut [f64], userw: bool, rw: &[f64]) -> Option<f64> {
    let n = y.len();
    let range = n as f64 - 1.0;
    let mut h = (xs - nleft as f64).max(nright as f64 - xs);
    if len > n {
        h += ((len - n) / 2) as f64;
    }
    let h9 = 0.999 * h;
    let h1 = 0.001 * h;
    let mut a = 0.0;
    for j in nleft..=nright {
        let r = (j as f64 - xs).abs();
        if r <= h9 {
            let mut wj = if r <= h1 { 1.0 } else { (1.0 - (r / h).powi(3)).powi(3) };
            if userw {
                wj *= rw[j - 1];
            }
            w[j - 1] = wj;
            a += wj;
        } else {
            w[j - 1] = 0.0;
        }
    }
    if a <= 0.0 {
        return None;
    }
    for j in nleft..=nright {
        w[j - 1] /= a;
    }
    if h > 0.0 && ideg > 0 {
        let mut a = 0.0;
        for j in nleft..=nright {
            a += w[j - 1] * j as f64;
        }
        let mut b = xs - a;
        let mut c = 0.0;
        for j in nleft..=nright {
            c += w[j - 1] * (j as f64 - a).powi(2);
        }
        if c.sqrt() > 0.001 * range {
            b /= c;
            for j in nleft..=nright {
                w[j - 1] *= b * (j as f64 - a) + 1.0;
            }
        }
    }
    let mut ys = 0.0;
    for j in nleft..=nright {
        ys += w[j - 1] * y[j - 1];
    }
    Some(ys)
}

/// Loess smoothing of y at every `njump`-th point, linear interpolation between.
#[allow(clippy::too_many_arguments)]
fn ess(y: &[f64], len: usize, ideg: usize, njump: usize, userw: bool, rw: &[f64], ys: &mut [f64], res: &mut [f64]) {
    let n = y.len();
    if n < 2 {
        ys[0] = y[0];
        return;
    }
    let newnj = njump.min(n - 1).max(1);
    let mut nleft = 1;
    let mut nright = n;
    if len >= n {
        let mut i = 1;
        while i <= n {
            ys[i - 1] = est(y, len, ideg, i as f64, 1, n, res, userw, rw).unwrap_or(y[i - 1]);
            i += newnj;
        }
    } else if newnj == 1 {
        let nsh = (len + 1) / 2;
        nleft = 1;
        nright = len;
        for i in 1..=n {
            if i > nsh && nright != n {
                nleft += 1;
                nright += 1;
            }
            ys[i - 1] = est(y, len, ideg, i as f64, nleft, nright, res, userw, rw).unwrap_or(y[i - 1]);
        }
    } else {
        let nsh = (len + 1) / 2;
        let mut i = 1;
        while i <= n {
            if i < nsh {
                nleft = 1;
                nright = len;
            } else if i >= n - nsh + 1 {
                nleft = n - len + 1;
                nright = n;
            } else {
                nleft = i - nsh + 1;
                nright = len + i - nsh;
            }
            ys[i - 1] = est(y, len, ideg, i as f64, nleft, nright, res, userw, rw).unwrap_or(y[i - 1]);
            i += newnj;
        }
    }
    if newnj != 1 {
        let mut i = 1;
        while i + newnj <= n {
            let delta = (ys[i + newnj - 1] - ys[i - 1]) / newnj as f64;
            for j in i + 1..i + newnj {
                ys[j - 1] = ys[i - 1] + delta * (j - i) as f64;
            }
            i += newnj;
        }
        let k = ((n - 1) / newnj) * newnj + 1;
        if k != n {
            ys[n - 1] = est(y, len, ideg, n as f64, nleft, nright, res, userw, rw).unwrap_or(y[n - 1]);
            if k != n - 1 {
                let delta = (ys[n - 1] - ys[k - 1]) / (n - k) as f64;
                for j in k + 1..n {
                    ys[j - 1] = ys[k - 1] + delta * (j - k) as f64;
                }
            }
        }
    }
}

/// Moving average of length `len` over the first n values of x.
fn ma(x: &[f64], n: usize, len: usize, ave: &mut [f64]) {
    let newn = n + 1 - len;
    let flen = len as f64;
    let mut v: f64 = x[..len].iter().sum();
    ave[0] = v / flen;
    let mut k = len;
    let mut m = 0;
    for j in 1..newn {
        v = v - x[m] + x[k];
        k += 1;
        m += 1;
        ave[j] = v / flen;
    }
}

/// Smooths each cycle-subseries, extended one period at both ends (season has n + 2np).
#[allow(clippy::too_many_arguments)]
fn ss(y: &[f64], np: usize, ns: usize, isdeg: usize, nsjump: usize, userw: bool, rw: &[f64], season: &mut [f64]) {
    let n = y.len();
    for j in 1..=np {
        let k = (n - j) / np + 1;
        let w1: Vec<f64> = (1..=k).map(|i| y[(i - 1) * np + j - 1]).collect();
        let w3: Vec<f64> = if userw { (1..=k).map(|i| rw[(i - 1) * np + j - 1]).collect() } else { vec![0.0; k] };
        let mut w2 = vec![0.0; k + 2];
        let mut w4 = vec![0.0; k];
        ess(&w1, ns, isdeg, nsjump, userw, &w3, &mut w2[1..k + 1], &mut w4);
        let nright = ns.min(k);
        w2[0] = est(&w1, ns, isdeg, 0.0, 1, nright, &mut w4, userw, &w3).unwrap_or(w2[1]);
        let nleft = if k + 1 > ns { k + 1 - ns } else { 1 };
        w2[k + 1] = est(&w1, ns, isdeg, (k + 1) as f64, nleft, k, &mut w4, userw, &w3).unwrap_or(w2[k]);
        for m in 1..=k + 2 {
            season[(m - 1) * np + j - 1] = w2[m - 1];
        }
    }
}

/// The inner loop: `ni` passes updating season and trend.
#[allow(clippy::too_many_arguments)]
fn stp(y: &[f64], p: &StlParams, np: usize, ns: usize, nt: usize, nl: usize, userw: bool, rw: &[f64], season: &mut [f64], trend: &mut [f64]) {
    let n = y.len();
    let m = n + 2 * np;
    let mut w1 = vec![0.0; m];
    let mut w2 = vec![0.0; m];
    let mut w3 = vec![0.0; m];
    let mut w5 = vec![0.0; m];
    for _ in 0..p.inner {
        for i in 0..n {
            w1[i] = y[i] - trend[i];
        }
        ss(&w1[..n], np, ns, p.s_degree, p.s_jump, userw, rw, &mut w2);
        // low-pass filter of the extended seasonal: moving averages np, np, 3
        ma(&w2, m, np, &mut w3);
        ma(&w3, m - np + 1, np, &mut w1);
        ma(&w1, m - 2 * np + 2, 3, &mut w3);
        ess(&w3[..n], nl, p.l_degree, p.l_jump, false, &[], &mut w1[..n], &mut w5[..n]);
        for i in 0..n {
            season[i] = w2[np + i] - w1[i];
        }
        for i in 0..n {
            w1[i] = y[i] - season[i];
        }
        ess(&w1[..n], nt, p.t_degree, p.t_jump, userw, rw, trend, &mut w3[..n]);
    }
}

/// Robustness weights: Tukey's biweight of |y - fit| / (6 median |y - fit|).
fn rwt(y: &[f64], fit: &[f64]) -> Vec<f64> {
    let n = y.len();
    let mut r: Vec<f64> = y.iter().zip(fit).map(|(a, b)| (a - b).abs()).collect();
    let mut part = r.clone();
    let m1 = n / 2 + 1;
    let m2 = n - m1 + 1;
    // the reference code's partial sort, asked for (m1, m2) in that order: for even n the
    // two positions come unsorted and the values found there are what R uses
    psort(&mut part, &[m1, m2]);
    let cmad = 3.0 * (part[m1 - 1] + part[m2 - 1]);
    let c9 = 0.999 * cmad;
    let c1 = 0.001 * cmad;
    for v in r.iter_mut() {
        *v = if *v <= c1 {
            1.0
        } else if *v <= c9 {
            (1.0 - (*v / cmad).powi(2)).powi(2)
        } else {
            0.0
        };
    }
    r
}

/// Decomposes y (length ≥ 2 periods) into seasonal, trend and (implicitly) remainder.
pub fn stl(y: &[f64], p: &StlParams) -> StlFit {
    let n = y.len();
    let odd = |v: usize| {
        let v = v.max(3);
        if v % 2 == 0 {
            v + 1
        } else {
            v
        }
    };
    let ns = odd(p.s_window);
    let nt = odd(p.t_window);
    let nl = odd(p.l_window);
    let np = p.period.max(2);
    let mut trend = vec![0.0; n];
    let mut season = vec![0.0; n];
    let mut rw = vec![0.0; n];
    let mut userw = false;
    let mut k = 0;
    loop {
        stp(y, p, np, ns, nt, nl, userw, &rw, &mut season, &mut trend);
        k += 1;
        if k > p.outer {
            break;
        }
        let fit: Vec<f64> = trend.iter().zip(&season).map(|(a, b)| a + b).collect();
        rw = rwt(y, &fit);
        userw = true;
    }
    if p.outer == 0 {
        rw = vec![1.0; n];
    }
    StlFit { seasonal: season, trend, weights: rw }
}

/// Partial quicksort (Singleton's method) placing the order statistics at the 1-based
/// positions `ind` (expected ascending), as the STL reference code does it.
fn psort(a: &mut [f64], ind: &[usize]) {
    let n = a.len();
    let ni = ind.len();
    if n < 2 || ni == 0 {
        return;
    }
    // 1-based views
    let get = |a: &[f64], i: usize| a[i - 1];
    let ix = |k: usize| ind[k - 1];
    let (mut indu, mut indl, mut iu, mut il) = ([0usize; 17], [0usize; 17], [0usize; 17], [0usize; 17]);
    let (mut jl, mut ju) = (1usize, ni);
    indl[1] = 1;
    indu[1] = ni;
    let (mut i, mut j, mut m) = (1usize, n, 1usize);
    let mut k;
    let mut l;
    #[derive(Clone, Copy)]
    enum S {
        Outer,
        Pop,
        While,
        Part,
        Small,
    }
    let mut st = S::Outer;
    loop {
        match st {
            S::Outer => st = if i < j { S::Part } else { S::Pop },
            S::Pop => {
                m -= 1;
                if m == 0 {
                    return;
                }
                i = il[m];
                j = iu[m];
                jl = indl[m];
                ju = indu[m];
                st = if jl <= ju { S::While } else { S::Pop };
            }
            S::While => st = if j > i + 10 { S::Part } else { S::Small },
            S::Part => {
                k = i;
                let ij = (i + j) / 2;
                let mut t = get(a, ij);
                if get(a, i) > t {
                    a[ij - 1] = get(a, i);
                    a[i - 1] = t;
                    t = get(a, ij);
                }
                l = j;
                if get(a, j) < t {
                    a[ij - 1] = get(a, j);
                    a[j - 1] = t;
                    t = get(a, ij);
                    if get(a, i) > t {
                        a[ij - 1] = get(a, i);
                        a[i - 1] = t;
                        t = get(a, ij);
                    }
                }
                loop {
                    l -= 1;
                    if get(a, l) <= t {
                        let tt = get(a, l);
                        loop {
                            k += 1;
                            if get(a, k) >= t {
                                break;
                            }
                        }
                        if k > l {
                            break;
                        }
                        a[l - 1] = get(a, k);
                        a[k - 1] = tt;
                    }
                }
                indl[m] = jl;
                indu[m] = ju;
                let p = m;
                m += 1;
                if m >= 17 {
                    // deeper than the reference stack: finish with a full sort
                    a.sort_by(|x, y| x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal));
                    return;
                }
                st = S::While;
                if l - i <= j - k {
                    il[p] = k;
                    iu[p] = j;
                    j = l;
                    loop {
                        if jl > ju {
                            st = S::Pop;
                            break;
                        }
                        if ix(ju) > j {
                            ju -= 1;
                        } else {
                            indl[p] = ju + 1;
                            break;
                        }
                    }
                } else {
                    il[p] = i;
                    iu[p] = l;
                    i = k;
                    loop {
                        if jl > ju {
                            st = S::Pop;
                            break;
                        }
                        if ix(jl) < i {
                            jl += 1;
                        } else {
                            indu[p] = jl - 1;
                            break;
                        }
                    }
                }
            }
            S::Small => {
                if i != 1 {
                    i -= 1;
                    loop {
                        i += 1;
                        if i == j {
                            break;
                        }
                        let t = get(a, i + 1);
                        if get(a, i) > t {
                            let mut kk = i;
                            loop {
                                a[kk] = get(a, kk);
                                kk -= 1;
                                if kk == 0 || t >= get(a, kk) {
                                    break;
                                }
                            }
                            a[kk] = t;
                        }
                    }
                    st = S::Pop;
                } else {
                    st = S::Outer;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn psort_places_order_statistics() {
        let mut a: Vec<f64> = (0..40).map(|i| ((i * 37) % 41) as f64 * 0.5).collect();
        let mut sorted = a.clone();
        sorted.sort_by(|x, y| x.partial_cmp(y).unwrap());
        psort(&mut a, &[7, 20]);
        assert_eq!(a[6], sorted[6]);
        assert_eq!(a[19], sorted[19]);
    }
}
