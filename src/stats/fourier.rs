//! Complex numerics on slices: the discrete Fourier transform of any length (mixed-radix
//! Cooley–Tukey, a direct sum for prime factors) and polynomial roots (Aberth–Ehrlich
//! iteration polished by Newton steps), as R's `fft` and `polyroot` compute them.

use crate::value::complex::C64;
use std::f64::consts::PI;

fn smallest_factor(n: usize) -> usize {
    if n % 2 == 0 {
        return 2;
    }
    let mut f = 3;
    while f * f <= n {
        if n % f == 0 {
            return f;
        }
        f += 2;
    }
    n
}

/// `exp(sign * 2 pi i * e / n)`, with `e` reduced modulo `n`; exact at multiples of 30 and
/// 45 degrees (reduced to the first quadrant), so that symmetric inputs cancel exactly.
fn twiddle(e: usize, n: usize, sign: f64) -> C64 {
    let e = e % n;
    // quarter turns q and the remainder r/(4n) of a quarter turn
    let q = (4 * e) / n;
    let r = 4 * e - q * n;
    let (c, s) = if r == 0 {
        (1.0, 0.0)
    } else if 3 * r == n {
        ((3f64).sqrt() / 2.0, 0.5)
    } else if 3 * r == 2 * n {
        (0.5, (3f64).sqrt() / 2.0)
    } else if 2 * r == n {
        (
            std::f64::consts::FRAC_1_SQRT_2,
            std::f64::consts::FRAC_1_SQRT_2,
        )
    } else {
        let a = PI / 2.0 * r as f64 / n as f64;
        (a.cos(), a.sin())
    };
    let (c, s) = match q {
        0 => (c, s),
        1 => (-s, c),
        2 => (-c, -s),
        _ => (s, -c),
    };
    C64::new(c, sign * s)
}

fn fft_rec(x: &[C64], start: usize, stride: usize, n: usize, sign: f64) -> Vec<C64> {
    if n == 1 {
        return vec![x[start]];
    }
    let p = smallest_factor(n);
    if p == n {
        return (0..n)
            .map(|k| {
                (0..n).fold(C64::new(0.0, 0.0), |s, j| {
                    s + x[start + j * stride] * twiddle(j * k, n, sign)
                })
            })
            .collect();
    }
    let m = n / p;
    let subs: Vec<Vec<C64>> = (0..p)
        .map(|r| fft_rec(x, start + r * stride, stride * p, m, sign))
        .collect();
    let mut out = vec![C64::new(0.0, 0.0); n];
    for (k, o) in out.iter_mut().enumerate() {
        let km = k % m;
        *o = subs
            .iter()
            .enumerate()
            .fold(C64::new(0.0, 0.0), |s, (r, y)| {
                s + y[km] * twiddle(r * k, n, sign)
            });
    }
    out
}

/// The unnormalised discrete Fourier transform of `z` (`inverse`: with `exp(+2 pi i jk/n)`).
pub fn fft(z: &[C64], inverse: bool) -> Vec<C64> {
    if z.is_empty() {
        return vec![];
    }
    fft_rec(z, 0, 1, z.len(), if inverse { 1.0 } else { -1.0 })
}

/// The transform of an array stored column-major with extents `dims`, along every dimension.
pub fn fft_array(z: &[C64], dims: &[usize], inverse: bool) -> Vec<C64> {
    let mut out = z.to_vec();
    let mut stride = 1;
    for &d in dims {
        if d > 1 {
            let block = stride * d;
            let nblocks = out.len() / block.max(1);
            for b in 0..nblocks {
                for s in 0..stride {
                    let base = b * block + s;
                    let line: Vec<C64> = (0..d).map(|k| out[base + k * stride]).collect();
                    for (k, v) in fft(&line, inverse).into_iter().enumerate() {
                        out[base + k * stride] = v;
                    }
                }
            }
        }
        stride *= d;
    }
    out
}

fn horner(c: &[C64], z: C64) -> (C64, C64) {
    // c holds coefficients from the highest degree down; value and derivative
    let mut p = C64::new(0.0, 0.0);
    let mut dp = C64::new(0.0, 0.0);
    for &a in c {
        dp = dp * z + p;
        p = p * z + a;
    }
    (p, dp)
}

/// Roots of the polynomial `coef[0] + coef[1] x + ... ` (trailing zero coefficients
/// dropped), in order of increasing modulus. Err when the leading coefficient is zero
/// after trimming or the iteration does not converge.
pub fn polyroot(coef: &[C64]) -> Result<Vec<C64>, &'static str> {
    let mut n = coef.len();
    while n > 0 && coef[n - 1] == C64::new(0.0, 0.0) {
        n -= 1;
    }
    if n <= 1 {
        return Ok(vec![]);
    }
    let deg = n - 1;
    // zero roots from zero low-order coefficients
    let mut zeros = 0;
    while zeros < deg && coef[zeros] == C64::new(0.0, 0.0) {
        zeros += 1;
    }
    let c: Vec<C64> = coef[zeros..n]
        .iter()
        .rev()
        .map(|&a| a / coef[n - 1])
        .collect();
    let d = c.len() - 1;
    let mut roots: Vec<C64> = Vec::with_capacity(deg);
    roots.extend(std::iter::repeat_n(C64::new(0.0, 0.0), zeros));
    if d > 0 {
        // initial guesses on a circle of the Cauchy-bound radius
        let r = c[1..]
            .iter()
            .enumerate()
            .map(|(k, a)| a.norm().powf(1.0 / (k + 1) as f64))
            .fold(0.0, f64::max)
            .max(1e-8);
        let mut z: Vec<C64> = (0..d)
            .map(|k| {
                let a = 2.0 * PI * k as f64 / d as f64 + 0.4;
                C64::new(r * a.cos(), r * a.sin())
            })
            .collect();
        let mut done = false;
        for _ in 0..2000 {
            let mut maxstep: f64 = 0.0;
            for i in 0..d {
                let (p, dp) = horner(&c, z[i]);
                if p == C64::new(0.0, 0.0) {
                    continue;
                }
                let ratio = p / dp;
                let s: C64 = (0..d)
                    .filter(|&j| j != i)
                    .map(|j| C64::new(1.0, 0.0) / (z[i] - z[j]))
                    .sum();
                let w = ratio / (C64::new(1.0, 0.0) - ratio * s);
                if w.re.is_finite() && w.im.is_finite() {
                    z[i] -= w;
                    maxstep = maxstep.max(w.norm() / z[i].norm().max(1e-300));
                }
            }
            if maxstep < 1e-15 {
                done = true;
                break;
            }
        }
        if !done && z.iter().any(|v| !v.re.is_finite() || !v.im.is_finite()) {
            return Err("root finding code failed");
        }
        for v in z.iter_mut() {
            for _ in 0..3 {
                let (p, dp) = horner(&c, *v);
                if dp == C64::new(0.0, 0.0) {
                    break;
                }
                let step = p / dp;
                if !(step.re.is_finite() && step.im.is_finite()) {
                    break;
                }
                *v -= step;
            }
        }
        roots.extend(z);
    }
    roots.sort_by(|a, b| {
        a.norm()
            .partial_cmp(&b.norm())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    Ok(roots)
}

#[cfg(test)]
mod tests {
    use super::*;
    fn c(re: f64, im: f64) -> C64 {
        C64::new(re, im)
    }
    fn close(a: &[C64], b: &[C64]) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).norm() < 1e-10, "{:?} vs {:?}", x, y);
        }
    }
    #[test]
    fn fft_matches_r() {
        // R: fft(1:5)
        let x: Vec<C64> = (1..=5).map(|k| c(k as f64, 0.0)).collect();
        close(
            &fft(&x, false),
            &[
                c(15.0, 0.0),
                c(-2.5, 3.440954801177933),
                c(-2.5, 0.812299240582266),
                c(-2.5, -0.812299240582266),
                c(-2.5, -3.440954801177933),
            ],
        );
        // R: fft(c(1, 2i, -1, 0, 3, 1+1i))
        let y = [
            c(1.0, 0.0),
            c(0.0, 2.0),
            c(-1.0, 0.0),
            c(0.0, 0.0),
            c(3.0, 0.0),
            c(1.0, 1.0),
        ];
        close(
            &fft(&y, false),
            &[
                c(4.0, 3.0),
                c(1.366025403784438, 5.830127018922193),
                c(0.366025403784439, -4.098076211353316),
                c(2.0, -2.999999999999999),
                c(-1.366025403784439, 1.098076211353316),
                c(-0.366025403784439, -2.830127018922194),
            ],
        );
        // inverse undoes the transform up to n
        let back: Vec<C64> = fft(&fft(&y, false), true).iter().map(|v| v / 6.0).collect();
        close(&back, &y);
    }
    #[test]
    fn polyroot_matches_r() {
        // R: polyroot(c(6, -5, 1)) is 2, 3
        let r = polyroot(&[c(6.0, 0.0), c(-5.0, 0.0), c(1.0, 0.0)]).unwrap();
        close(&r, &[c(2.0, 0.0), c(3.0, 0.0)]);
        // R: polyroot(c(1, 0, 1)) is +-1i
        let r = polyroot(&[c(1.0, 0.0), c(0.0, 0.0), c(1.0, 0.0)]).unwrap();
        assert!((r[0].norm() - 1.0).abs() < 1e-12 && (r[1].norm() - 1.0).abs() < 1e-12);
        // R: polyroot(c(-6, 11, -6, 1)) is 1, 2, 3
        let r = polyroot(&[c(-6.0, 0.0), c(11.0, 0.0), c(-6.0, 0.0), c(1.0, 0.0)]).unwrap();
        close(&r, &[c(1.0, 0.0), c(2.0, 0.0), c(3.0, 0.0)]);
    }
}
