//! Exact null distributions of Wilcoxon's statistics: the signed rank statistic V for n
//! observations and the rank sum statistic W for samples of sizes m and n, from their
//! frequency counts (built by the usual recurrences).

fn d_val(v: f64, log: bool) -> f64 {
    if log {
        v.ln()
    } else {
        v
    }
}

/// Frequencies of V = 0..n(n+1)/2 among the 2^n sign patterns.
pub fn signrank_counts(n: usize) -> Vec<f64> {
    let maxv = n * (n + 1) / 2;
    let mut c = vec![0.0f64; maxv + 1];
    c[0] = 1.0;
    for k in 1..=n {
        for v in (k..=maxv).rev() {
            c[v] += c[v - k];
        }
    }
    c
}

/// Frequencies of W = 0..mn among the choose(m + n, n) arrangements.
pub fn wilcox_counts(m: usize, n: usize) -> Vec<f64> {
    // number of ways with i from x among the first t: grow by one observation at a time
    // f[j][w]: j of the x's placed, rank-sum offset w
    let maxw = m * n;
    let mut f = vec![vec![0.0f64; maxw + 1]; m + 1];
    f[0][0] = 1.0;
    for t in 0..(m + n) {
        // add observation t (0-based): as an x it contributes (number of y's before it)
        let upto = m.min(t + 1);
        for j in (1..=upto).rev() {
            let ys = t + 1 - j; // y's before this x when it is the j-th x
            if ys > n {
                continue;
            }
            let (lo, hi) = f.split_at_mut(j);
            for w in (ys..=maxw).rev() {
                hi[0][w] += lo[j - 1][w - ys];
            }
        }
    }
    f.swap_remove(m)
}

fn nonint(x: f64) -> bool {
    (x - x.round()).abs() > 1e-7 * 1f64.max(x.abs())
}

fn dist_p(counts: &[f64], q: f64, lower: bool, log_p: bool) -> f64 {
    let total: f64 = counts.iter().sum();
    let top = (counts.len() - 1) as f64;
    let x = (q + 1e-7).floor();
    let p = if x < 0.0 {
        if lower { 0.0 } else { 1.0 }
    } else if x >= top {
        if lower { 1.0 } else { 0.0 }
    } else {
        let xi = x as usize;
        let below: f64 = counts[..=xi].iter().sum::<f64>() / total;
        let above: f64 = counts[xi + 1..].iter().sum::<f64>() / total;
        if lower { below } else { above }
    };
    d_val(p, log_p)
}

fn dist_q(counts: &[f64], p: f64, lower: bool, log_p: bool) -> f64 {
    let mut p = if log_p { p.exp() } else { p };
    if !(0.0..=1.0).contains(&p) || p.is_nan() {
        return f64::NAN;
    }
    if !lower {
        p = 0.5 - p + 0.5;
    }
    let total: f64 = counts.iter().sum();
    let top = (counts.len() - 1) as f64;
    if p == 0.0 {
        return 0.0;
    }
    if p == 1.0 {
        return top;
    }
    let mut f = 0.0;
    if p <= 0.5 {
        let p = p - 10.0 * f64::EPSILON;
        for (q, c) in counts.iter().enumerate() {
            f += c / total;
            if f >= p {
                return q as f64;
            }
        }
        top
    } else {
        let p = 1.0 - p + 10.0 * f64::EPSILON;
        for (q, c) in counts.iter().enumerate() {
            f += c / total;
            if f > p {
                return top - q as f64;
            }
        }
        0.0
    }
}

fn size_ok(n: f64) -> Option<usize> {
    if n.is_nan() || !n.is_finite() {
        return None;
    }
    let r = n.round();
    if r <= 0.0 || r > 5e4 {
        return None;
    }
    Some(r as usize)
}

/// Density (mass) of the signed rank statistic.
pub fn dsignrank(x: f64, n: f64, log: bool) -> f64 {
    let Some(n) = size_ok(n) else { return f64::NAN };
    if x.is_nan() {
        return x;
    }
    let c = signrank_counts(n);
    if nonint(x) || x.round() < 0.0 || x.round() > (c.len() - 1) as f64 {
        return d_val(0.0, log);
    }
    let total = 2f64.powi(n as i32);
    d_val(c[x.round() as usize] / total, log)
}

/// Distribution function of the signed rank statistic.
pub fn psignrank(q: f64, n: f64, lower: bool, log_p: bool) -> f64 {
    let Some(n) = size_ok(n) else { return f64::NAN };
    if q.is_nan() {
        return q;
    }
    dist_p(&signrank_counts(n), q, lower, log_p)
}

/// Quantile function of the signed rank statistic.
pub fn qsignrank(p: f64, n: f64, lower: bool, log_p: bool) -> f64 {
    let Some(n) = size_ok(n) else { return f64::NAN };
    if p.is_nan() {
        return p;
    }
    dist_q(&signrank_counts(n), p, lower, log_p)
}

fn sizes_ok(m: f64, n: f64) -> Option<(usize, usize)> {
    if m.is_nan() || n.is_nan() || !m.is_finite() || !n.is_finite() {
        return None;
    }
    let (m, n) = (m.round(), n.round());
    if m <= 0.0 || n <= 0.0 || m * n > 1e7 {
        return None;
    }
    Some((m as usize, n as usize))
}

/// Density (mass) of the rank sum statistic.
pub fn dwilcox(x: f64, m: f64, n: f64, log: bool) -> f64 {
    let Some((m, n)) = sizes_ok(m, n) else { return f64::NAN };
    if x.is_nan() {
        return x;
    }
    if nonint(x) || x.round() < 0.0 || x.round() > (m * n) as f64 {
        return d_val(0.0, log);
    }
    let c = wilcox_counts(m, n);
    let total: f64 = c.iter().sum();
    d_val(c[x.round() as usize] / total, log)
}

/// Distribution function of the rank sum statistic.
pub fn pwilcox(q: f64, m: f64, n: f64, lower: bool, log_p: bool) -> f64 {
    let Some((m, n)) = sizes_ok(m, n) else { return f64::NAN };
    if q.is_nan() {
        return q;
    }
    dist_p(&wilcox_counts(m, n), q, lower, log_p)
}

/// Quantile function of the rank sum statistic.
pub fn qwilcox(p: f64, m: f64, n: f64, lower: bool, log_p: bool) -> f64 {
    let Some((m, n)) = sizes_ok(m, n) else { return f64::NAN };
    if p.is_nan() {
        return p;
    }
    dist_q(&wilcox_counts(m, n), p, lower, log_p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_distributions_match_r() {
        // values from R 4.2
        assert!((dsignrank(10.0, 10.0, false) - 0.009765625).abs() < 1e-12);
        assert!((psignrank(20.0, 10.0, true, false) - 0.24609375).abs() < 1e-12);
        assert_eq!(qsignrank(0.3, 10.0, true, false), 22.0);
        assert_eq!(qsignrank(0.9, 10.0, false, false), 15.0);
        assert!((dwilcox(5.0, 4.0, 6.0, false) - 0.02857142857).abs() < 1e-10);
        assert!((pwilcox(8.0, 4.0, 6.0, true, false) - 0.2380952381).abs() < 1e-10);
        assert_eq!(qwilcox(0.7, 4.0, 6.0, true, false), 15.0);
        assert_eq!(qwilcox(0.95, 4.0, 6.0, true, false), 20.0);
    }
}
