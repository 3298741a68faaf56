//! Kernel density estimation as R's `density.default` computes it: linear binning onto a
//! grid of 2n points, circular convolution with the kernel by FFT; and the binned pair
//! counts behind the cross-validation and Sheather–Jones bandwidths.

use crate::stats::dist::normal::dnorm;
use std::f64::consts::PI;

/// Linear binning of weighted points onto `n` grid points spanning `[lo, hi]`, in an array
/// of length 2n (the upper half zero padding).
pub fn bin_dist(x: &[f64], w: &[f64], lo: f64, hi: f64, n: usize) -> Vec<f64> {
    let mut y = vec![0.0; 2 * n];
    if n < 2 {
        return y;
    }
    let ixmin: i64 = 0;
    let ixmax = n as i64 - 2;
    let delta = (hi - lo) / (n as f64 - 1.0);
    for (&xi, &wi) in x.iter().zip(w) {
        if !xi.is_finite() {
            continue;
        }
        let pos = (xi - lo) / delta;
        let ix = pos.floor();
        let fx = pos - ix;
        let ix = ix as i64;
        if ixmin <= ix && ix <= ixmax {
            y[ix as usize] += wi * (1.0 - fx);
            y[ix as usize + 1] += wi * fx;
        } else if ix == -1 {
            y[0] += wi * fx;
        } else if ix == ixmax + 1 {
            y[ix as usize] += wi * (1.0 - fx);
        }
    }
    y
}

/// In-place radix-2 FFT of (re, im); `inverse` uses the positive exponent, unnormalized
/// (as R's `fft(inverse = TRUE)`). The length must be a power of two.
pub fn fft_pow2(re: &mut [f64], im: &mut [f64], inverse: bool) {
    let n = re.len();
    if n <= 1 {
        return;
    }
    let mut j = 0usize;
    for i in 1..n {
        let mut bit = n >> 1;
        while j & bit != 0 {
            j ^= bit;
            bit >>= 1;
        }
        j |= bit;
        if i < j {
            re.swap(i, j);
            im.swap(i, j);
        }
    }
    let sign = if inverse { 1.0 } else { -1.0 };
    let mut len = 2;
    while len <= n {
        let ang = sign * 2.0 * PI / len as f64;
        let half = len / 2;
        let tw: Vec<(f64, f64)> = (0..half)
            .map(|k| {
                let a = ang * k as f64;
                (a.cos(), a.sin())
            })
            .collect();
        for start in (0..n).step_by(len) {
            for k in 0..half {
                let (wr, wi) = tw[k];
                let (a, b) = (start + k, start + k + half);
                let xr = re[b] * wr - im[b] * wi;
                let xi = re[b] * wi + im[b] * wr;
                re[b] = re[a] - xr;
                im[b] = im[a] - xi;
                re[a] += xr;
                im[a] += xi;
            }
        }
        len <<= 1;
    }
}

/// The kernel at distances `k` with bandwidth `bw` (R's kernel names).
pub fn kernel_values(kernel: &str, k: &[f64], bw: f64) -> Option<Vec<f64>> {
    let f: Box<dyn Fn(f64) -> f64> = match kernel {
        "gaussian" => Box::new(move |t| dnorm(t, 0.0, bw, false)),
        "rectangular" => {
            let a = bw * 3f64.sqrt();
            Box::new(move |t: f64| if t.abs() < a { 0.5 / a } else { 0.0 })
        }
        "triangular" => {
            let a = bw * 6f64.sqrt();
            Box::new(move |t: f64| if t.abs() < a { (1.0 - t.abs() / a) / a } else { 0.0 })
        }
        "epanechnikov" => {
            let a = bw * 5f64.sqrt();
            Box::new(move |t: f64| if t.abs() < a { 0.75 * (1.0 - (t.abs() / a).powi(2)) / a } else { 0.0 })
        }
        "biweight" => {
            let a = bw * 7f64.sqrt();
            Box::new(move |t: f64| {
                if t.abs() < a {
                    15.0 / 16.0 * (1.0 - (t.abs() / a).powi(2)).powi(2) / a
                } else {
                    0.0
                }
            })
        }
        "cosine" => {
            let a = bw / (1.0 / 3.0 - 2.0 / (PI * PI)).sqrt();
            Box::new(move |t: f64| if t.abs() < a { (1.0 + (PI * t / a).cos()) / (2.0 * a) } else { 0.0 })
        }
        "optcosine" => {
            let a = bw / (1.0 - 8.0 / (PI * PI)).sqrt();
            Box::new(move |t: f64| if t.abs() < a { PI / 4.0 * (PI * t / (2.0 * a)).cos() / a } else { 0.0 })
        }
        _ => return None,
    };
    Some(k.iter().map(|&t| f(t)).collect())
}

/// The density on the n grid points `seq(lo, up, length.out = n)`: binned masses `y`
/// (length 2n) convolved with the kernel, negatives clipped to 0.
pub fn kde_grid(y: &[f64], kernel: &str, bw: f64, lo: f64, up: f64) -> Option<Vec<f64>> {
    let n2 = y.len();
    let n = n2 / 2;
    // kernel ordinates at circular distances
    let step = 2.0 * (up - lo) / (n2 as f64 - 1.0);
    let mut k: Vec<f64> = (0..n2).map(|i| i as f64 * step).collect();
    if n2 > 1 {
        k[n2 - 1] = 2.0 * (up - lo);
    }
    for i in (n + 1)..n2 {
        k[i] = -k[n2 - i];
    }
    let kv = kernel_values(kernel, &k, bw)?;
    let (mut yr, mut yi) = (y.to_vec(), vec![0.0; n2]);
    let (mut kr, mut ki) = (kv, vec![0.0; n2]);
    fft_pow2(&mut yr, &mut yi, false);
    fft_pow2(&mut kr, &mut ki, false);
    // fft(y) * Conj(fft(k))
    let mut pr = vec![0.0; n2];
    let mut pi = vec![0.0; n2];
    for i in 0..n2 {
        pr[i] = yr[i] * kr[i] + yi[i] * ki[i];
        pi[i] = yi[i] * kr[i] - yr[i] * ki[i];
    }
    fft_pow2(&mut pr, &mut pi, true);
    Some(pr[..n].iter().map(|v| (v / n2 as f64).max(0.0)).collect())
}

/// Pair counts by binned distance for n <= nb/2: (bin width, counts of |i - j| bins).
pub fn bw_den(nb: usize, x: &[f64]) -> (f64, Vec<f64>) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for &v in x {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let dd = (hi - lo) * 1.01 / nb as f64;
    let mut cnt = vec![0.0; nb];
    let bins: Vec<i64> = x.iter().map(|v| (v / dd) as i64).collect();
    for i in 1..bins.len() {
        for j in 0..i {
            let k = (bins[i] - bins[j]).unsigned_abs() as usize;
            if k < nb {
                cnt[k] += 1.0;
            }
        }
    }
    (dd, cnt)
}

/// Pair counts by bin distance from per-bin tallies (large samples).
pub fn bw_den_binned(tally: &[f64]) -> Vec<f64> {
    let nb = tally.len();
    let mut cnt = vec![0.0; nb];
    for ii in 0..nb {
        let w = tally[ii];
        cnt[0] += w * (w - 1.0);
        for jj in 0..ii {
            cnt[ii - jj] += w * tally[jj];
        }
    }
    cnt[0] *= 0.5;
    cnt
}

const DELMAX: f64 = 1000.0;

fn sum_terms(d: f64, cnt: &[f64], h: f64, term: impl Fn(f64) -> f64) -> f64 {
    let mut sum = 0.0;
    for (i, &c) in cnt.iter().enumerate() {
        let mut delta = i as f64 * d / h;
        delta *= delta;
        if delta >= DELMAX {
            break;
        }
        sum += term(delta) * c;
    }
    sum
}

/// Unbiased cross-validation criterion at bandwidth h.
pub fn bw_ucv(n: f64, d: f64, cnt: &[f64], h: f64) -> f64 {
    let sum = sum_terms(d, cnt, h, |dl| (-dl / 4.0).exp() - 8f64.sqrt() * (-dl / 2.0).exp());
    (0.5 + sum / n) / (n * h * PI.sqrt())
}

/// Biased cross-validation criterion at bandwidth h.
pub fn bw_bcv(n: f64, d: f64, cnt: &[f64], h: f64) -> f64 {
    let sum = sum_terms(d, cnt, h, |dl| (-dl / 4.0).exp() * (dl * dl - 12.0 * dl + 12.0));
    (1.0 + sum / (32.0 * n)) / (2.0 * n * h * PI.sqrt())
}

/// Estimate of the integrated squared second derivative (Sheather–Jones).
pub fn bw_phi4(n: f64, d: f64, cnt: &[f64], h: f64) -> f64 {
    let sum = sum_terms(d, cnt, h, |dl| (-dl / 2.0).exp() * (dl * dl - 6.0 * dl + 3.0));
    let sum = 2.0 * sum + n * 3.0;
    sum / (n * (n - 1.0) * h.powi(5) * (2.0 * PI).sqrt())
}

/// Estimate of the integrated squared third derivative (Sheather–Jones).
pub fn bw_phi6(n: f64, d: f64, cnt: &[f64], h: f64) -> f64 {
    let sum = sum_terms(d, cnt, h, |dl| (-dl / 2.0).exp() * (dl * dl * dl - 15.0 * dl * dl + 45.0 * dl - 15.0));
    let sum = 2.0 * sum - 15.0 * n;
    sum / (n * (n - 1.0) * h.powi(7) * (2.0 * PI).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fft_roundtrip() {
        let mut re = vec![1.0, 2.0, 3.0, 4.0, 0.0, -1.0, 2.5, 7.0];
        let mut im = vec![0.0; 8];
        let orig = re.clone();
        fft_pow2(&mut re, &mut im, false);
        assert!((re[0] - 18.5).abs() < 1e-12);
        fft_pow2(&mut re, &mut im, true);
        for (a, b) in re.iter().zip(orig) {
            assert!((a / 8.0 - b).abs() < 1e-12);
        }
    }

    #[test]
    fn binning_keeps_mass() {
        let x = [0.1, 0.5, 0.9, 0.33];
        let w = [0.25; 4];
        let y = bin_dist(&x, &w, 0.0, 1.0, 8);
        assert!((y.iter().sum::<f64>() - 1.0).abs() < 1e-14);
    }
}
