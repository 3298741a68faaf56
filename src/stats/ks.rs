//! Distributions of the Kolmogorov-Smirnov statistics: the exact two-sample
//! (Smirnov) distribution with ties, the exact one-sample distribution (Marsaglia, Tsang
//! and Wang's matrix method) and Kolmogorov's limiting distribution.

use crate::stats::dist::gamma::lgammafn;

/// Number of lattice paths from (0,0) to (m,n) that keep the statistic below `q`,
/// counted on the scale of `choose(m+n, m)`; the statistic is only checked where the
/// pooled sorted sample is not tied with its successor (`breaks[k]` for step `k+1`).
fn smirnov_paths(q: f64, m: usize, n: usize, breaks: &[bool], two_sided: bool) -> f64 {
    let (mf, nf) = (m as f64, n as f64);
    // diag[u] = paths reaching (u, k-u) after k steps
    let mut diag = vec![1.0f64];
    let mut lo = 0usize; // smallest u on the current anti-diagonal
    for k in 1..=m + n {
        let new_lo = k.saturating_sub(n);
        let new_hi = k.min(m);
        let mut next = Vec::with_capacity(new_hi + 1 - new_lo);
        for u in new_lo..=new_hi {
            let v = k - u;
            // from (u-1, v) and (u, v-1)
            let mut s = 0.0;
            if u >= 1 && u - 1 >= lo && u - 1 - lo < diag.len() {
                s += diag[u - 1 - lo];
            }
            if u >= lo && u - lo < diag.len() && v >= 1 {
                s += diag[u - lo];
            }
            if breaks.get(k - 1).copied().unwrap_or(true) {
                let mut d = u as f64 / mf - v as f64 / nf;
                if two_sided {
                    d = d.abs();
                }
                if !(q > d) {
                    s = 0.0;
                }
            }
            next.push(s);
        }
        diag = next;
        lo = new_lo;
    }
    diag.first().copied().unwrap_or(0.0)
}

/// `P(D < q)` for the two-sample statistic with sample sizes `m` and `n` given the pooled
/// sample `z` (ties allowed; `None` for none), exactly.
pub fn psmirnov_exact(q: f64, m: usize, n: usize, z: Option<&[f64]>, two_sided: bool) -> f64 {
    let total = m + n;
    let breaks: Vec<bool> = match z {
        Some(z) => {
            let mut s = z.to_vec();
            s.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
            let mut b: Vec<bool> = s.windows(2).map(|w| w[1] != w[0]).collect();
            b.push(true);
            b
        }
        None => vec![true; total],
    };
    let mn = m as f64 * n as f64;
    let q = (0.5 + (q * mn - 1e-7).floor()) / mn;
    let paths = smirnov_paths(q, m, n, &breaks, two_sided);
    let log_denom = lgammafn(total as f64 + 1.0)
        - lgammafn(m as f64 + 1.0)
        - lgammafn(n as f64 + 1.0);
    paths / log_denom.exp()
}

/// Kolmogorov's limiting distribution `P(K <= x)`, summed to tolerance `tol`.
pub fn pkstwo(x: f64, tol: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x < 1.0 {
        let kmax = (2.0 - tol.ln()).sqrt() as i64;
        let z = -(std::f64::consts::PI * std::f64::consts::PI / 8.0) / (x * x);
        let w = x.ln();
        let mut s = 0.0;
        let mut k = 1;
        while k < kmax {
            let kk = k as f64;
            s += (kk * kk * z - w).exp();
            k += 2;
        }
        s / (1.0 / (2.0 * std::f64::consts::PI).sqrt())
    } else {
        let z = -2.0 * x * x;
        let mut sign = -1.0;
        let mut k = 1.0;
        let (mut old, mut new) = (0.0f64, 1.0f64);
        while (old - new).abs() > tol {
            old = new;
            new += 2.0 * sign * (z * k * k).exp();
            sign = -sign;
            k += 1.0;
        }
        new
    }
}

/// The exact one-sample two-sided distribution `P(D_n < d)` (Marsaglia, Tsang and Wang).
pub fn pkolmogorov2x(d: f64, n: usize) -> f64 {
    let nf = n as f64;
    let k = (nf * d) as usize + 1;
    let m = 2 * k - 1;
    let h = k as f64 - nf * d;
    let mut hm = vec![0.0f64; m * m];
    for i in 0..m {
        for j in 0..m {
            hm[i * m + j] = if i + 1 >= j { 1.0 } else { 0.0 };
        }
    }
    for i in 0..m {
        hm[i * m] -= h.powi(i as i32 + 1);
        hm[(m - 1) * m + i] -= h.powi((m - i) as i32);
    }
    if 2.0 * h - 1.0 > 0.0 {
        hm[(m - 1) * m] += (2.0 * h - 1.0).powi(m as i32);
    }
    for i in 0..m {
        for j in 0..m {
            if i + 1 > j {
                for g in 1..=(i + 1 - j) {
                    hm[i * m + j] /= g as f64;
                }
            }
        }
    }
    let (q, mut eq) = mat_power(&hm, m, n);
    let mut s = q[(k - 1) * m + k - 1];
    for i in 1..=n {
        s = s * i as f64 / nf;
        if s < 1e-140 {
            s *= 1e140;
            eq -= 140;
        }
    }
    s * 10f64.powi(eq)
}

fn mat_mul(a: &[f64], b: &[f64], m: usize) -> Vec<f64> {
    let mut c = vec![0.0; m * m];
    for i in 0..m {
        for j in 0..m {
            let mut s = 0.0;
            for k in 0..m {
                s += a[i * m + k] * b[k * m + j];
            }
            c[i * m + j] = s;
        }
    }
    c
}

/// `a^n` with a decimal exponent kept aside to avoid overflow.
fn mat_power(a: &[f64], m: usize, n: usize) -> (Vec<f64>, i32) {
    if n == 1 {
        return (a.to_vec(), 0);
    }
    let (half, e) = mat_power(a, m, n / 2);
    let mut b = mat_mul(&half, &half, m);
    let mut eb = 2 * e;
    if n % 2 == 1 {
        b = mat_mul(a, &b, m);
    }
    if b[(m / 2) * m + m / 2] > 1e140 {
        for v in b.iter_mut() {
            *v *= 1e-140;
        }
        eb += 140;
    }
    (b, eb)
}

/// The exact one-sample one-sided distribution `P(D+_n < x)` (Birnbaum and Tingey).
pub fn pkolmogorov1x(x: f64, n: usize) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let nf = n as f64;
    let jmax = (nf * (1.0 - x)).floor() as usize;
    let lchoose = |n: f64, k: f64| {
        lgammafn(n + 1.0)
            - lgammafn(k + 1.0)
            - lgammafn(n - k + 1.0)
    };
    let mut s = 0.0;
    for j in 0..=jmax {
        let jf = j as f64;
        s += (lchoose(nf, jf) + (nf - jf) * (1.0 - x - jf / nf).ln()
            + (jf - 1.0) * (x + jf / nf).ln())
        .exp();
    }
    1.0 - x * s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smirnov_and_kolmogorov_match_r() {
        // P(D < 1/2) for samples of 3 and 4: 1 - 0.6571428571 (the published check value
        // of the upper tail)
        let p = psmirnov_exact(0.5, 3, 4, Some(&[1., 2., 3., 4., 5., 6., 7.]), true);
        assert!((p - (1.0 - 0.6571428571428571)).abs() < 1e-12, "{}", p);
        // 1 - .Call(C_pKS2, 0.8, tol=1e-6) = 0.5441424
        assert!((1.0 - pkstwo(0.8, 1e-6) - 0.5441424).abs() < 1e-6);
        assert!((1.0 - pkstwo(1.3, 1e-6) - 0.06809222).abs() < 1e-7);
    }
}
