//! Bessel functions of real order for x >= 0: J, Y, I and K (R's `besselJ`, `besselY`,
//! `besselI`, `besselK`).
//!
//! Where the power series has terms that do not cancel (I always; J for small x) it is
//! summed directly; elsewhere Schläfli's integral representations are used, integrated
//! by composite Gauss-Legendre rules (J, Y) or by the trapezoid rule on the whole line,
//! which converges geometrically for K's analytic, doubly-exponentially decaying
//! integrand.

use crate::stats::rmath::{cospi, sinpi};
use std::f64::consts::PI;
use std::sync::OnceLock;

/// Points of the Gauss-Legendre rule used on each panel.
const GL_N: usize = 20;

/// Nodes and weights of the GL_N-point Gauss-Legendre rule on [-1, 1] (Newton's method
/// on the Legendre polynomial, computed once).
fn gauss_legendre() -> &'static (Vec<f64>, Vec<f64>) {
    static RULE: OnceLock<(Vec<f64>, Vec<f64>)> = OnceLock::new();
    RULE.get_or_init(|| {
        let n = GL_N;
        let (mut xs, mut ws) = (vec![0.0; n], vec![0.0; n]);
        for i in 0..n.div_ceil(2) {
            let mut z = (PI * (i as f64 + 0.75) / (n as f64 + 0.5)).cos();
            let mut dp = 1.0;
            for _ in 0..100 {
                // P_n(z) and its derivative by the three-term recurrence
                let (mut p0, mut p1) = (1.0, z);
                for k in 2..=n {
                    let p2 = ((2 * k - 1) as f64 * z * p1 - (k - 1) as f64 * p0) / k as f64;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n as f64 * (z * p1 - p0) / (z * z - 1.0);
                let dz = p1 / dp;
                z -= dz;
                if dz.abs() < 1e-16 {
                    break;
                }
            }
            let w = 2.0 / ((1.0 - z * z) * dp * dp);
            xs[i] = -z;
            xs[n - 1 - i] = z;
            ws[i] = w;
            ws[n - 1 - i] = w;
        }
        (xs, ws)
    })
}

/// The integral of `f` over [a, b] with `panels` Gauss-Legendre panels.
fn integrate(f: &dyn Fn(f64) -> f64, a: f64, b: f64, panels: usize) -> f64 {
    let (xs, ws) = gauss_legendre();
    let w = (b - a) / panels as f64;
    let mut s = 0.0;
    for p in 0..panels {
        let mid = a + (p as f64 + 0.5) * w;
        for (x, wt) in xs.iter().zip(ws) {
            s += wt * f(mid + 0.5 * w * x);
        }
    }
    s * 0.5 * w
}

/// The integral of a positive, eventually decreasing `f` over [0, inf): panels of width
/// 0.25 until past `peak` a panel adds nothing.
fn integrate_half_line(f: &dyn Fn(f64) -> f64, peak: f64) -> f64 {
    let mut s = 0.0;
    let w = 0.25;
    for p in 0..20_000 {
        let a = p as f64 * w;
        let d = integrate(f, a, a + w, 1);
        s += d;
        if a > peak && (d.abs() <= 1e-17 * s.abs() || d == 0.0) {
            break;
        }
    }
    s
}

/// The power series of J (sign -1) or I (sign 1) of order nu >= 0 at x > 0, times
/// exp(-shift): terms (x/2)^(2k+nu) / (k! Gamma(k+nu+1)), rescaled as they grow.
fn series(x: f64, nu: f64, sign: f64, shift: f64) -> f64 {
    let h = 0.5 * x;
    let q = sign * h * h;
    let mut log_scale = nu * h.ln() - crate::stats::rmath::lgamma_fn(nu + 1.0) - shift;
    let (mut term, mut sum) = (1.0f64, 1.0f64);
    let mut k = 0.0;
    loop {
        k += 1.0;
        term *= q / (k * (k + nu));
        sum += term;
        if sum.abs() > 1e250 {
            term /= 1e250;
            sum /= 1e250;
            log_scale += 250.0 * std::f64::consts::LN_10;
        }
        if k > h && term.abs() <= 1e-17 * sum.abs() {
            break;
        }
        if k > 1e7 {
            break;
        }
    }
    if sum == 0.0 {
        return 0.0;
    }
    sum.signum() * (sum.abs().ln() + log_scale).exp()
}

/// J_nu(x), the Bessel function of the first kind; NaN for x < 0.
pub fn bessel_j(x: f64, nu: f64) -> f64 {
    if x.is_nan() || nu.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return if nu == 0.0 {
            1.0
        } else if nu > 0.0 || nu == nu.round() {
            0.0
        } else {
            f64::INFINITY
        };
    }
    if nu < 0.0 && nu == nu.round() {
        // J_{-n} = (-1)^n J_n
        let r = bessel_j(x, -nu);
        return if (-nu) % 2.0 == 0.0 { r } else { -r };
    }
    if nu >= 0.0 && (x <= 12.0 || x < nu) {
        return series(x, nu, -1.0, 0.0);
    }
    // Schläfli: (1/pi) int_0^pi cos(nu t - x sin t) dt - sin(nu pi)/pi int_0^inf e^(-x sinh t - nu t) dt
    let panels = ((x + nu.abs()) / 3.0).ceil() as usize + 2;
    let a = integrate(&|t: f64| (nu * t - x * t.sin()).cos(), 0.0, PI, panels);
    let s = sinpi(nu);
    let b = if s == 0.0 {
        0.0
    } else {
        let peak = if nu < 0.0 { (-nu / x).asinh() } else { 0.0 };
        integrate_half_line(&|t: f64| (-x * t.sinh() - nu * t).exp(), peak)
    };
    (a - s * b) / PI
}

/// Y_nu(x), the Bessel function of the second kind; NaN for x < 0, -Inf at 0.
pub fn bessel_y(x: f64, nu: f64) -> f64 {
    if x.is_nan() || nu.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    // (1/pi) int_0^pi sin(x sin t - nu t) dt
    //   - (1/pi) int_0^inf (e^(nu t) + e^(-nu t) cos(nu pi)) e^(-x sinh t) dt
    let panels = ((x + nu.abs()) / 3.0).ceil() as usize + 2;
    let a = integrate(&|t: f64| (x * t.sin() - nu * t).sin(), 0.0, PI, panels);
    let c = cospi(nu);
    let peak = (nu.abs() / x).asinh();
    let b = integrate_half_line(
        &|t: f64| {
            let e = -x * t.sinh();
            (e + nu * t).exp() + c * (e - nu * t).exp()
        },
        peak,
    );
    (a - b) / PI
}

/// I_nu(x), the modified Bessel function of the first kind, times exp(-x) when `scaled`;
/// NaN for x < 0.
pub fn bessel_i(x: f64, nu: f64, scaled: bool) -> f64 {
    if x.is_nan() || nu.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if nu < 0.0 {
        // I_{-v} = I_v + (2/pi) sin(v pi) K_v
        let v = -nu;
        let i = bessel_i(x, v, scaled);
        let s = sinpi(v);
        if s == 0.0 {
            return i;
        }
        let k = bessel_k(x, v, scaled);
        let k = if scaled { k * (-2.0 * x).exp() } else { k };
        return i + 2.0 / PI * s * k;
    }
    if x == 0.0 {
        return if nu == 0.0 { 1.0 } else { 0.0 };
    }
    let r = series(x, nu, 1.0, x);
    if scaled {
        r
    } else if r == 0.0 {
        series(x, nu, 1.0, 0.0)
    } else {
        (r.ln() + x).exp()
    }
}

/// K_nu(x), the modified Bessel function of the second kind, times exp(x) when `scaled`;
/// NaN for x < 0, Inf at 0.
pub fn bessel_k(x: f64, nu: f64, scaled: bool) -> f64 {
    if x.is_nan() || nu.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::INFINITY;
    }
    let nu = nu.abs();
    // K = h (f(0)/2 + sum_k f(k h)), f(t) = e^(-x cosh t) cosh(nu t), here times e^x
    let h = 0.1f64.min(0.5 / (x * x + nu * nu).sqrt().sqrt());
    let peak = (nu / x).asinh();
    let f = |t: f64| {
        let c1 = 2.0 * (0.5 * t).sinh().powi(2); // cosh t - 1
        0.5 * ((-x * c1 + nu * t).exp() + (-x * c1 - nu * t).exp())
    };
    let mut s = 0.5 * f(0.0);
    let mut k = 1.0;
    loop {
        let t = k * h;
        let d = f(t);
        s += d;
        if (t > peak && d <= 1e-18 * s) || k > 1e6 {
            break;
        }
        k += 1.0;
    }
    let r = h * s;
    if scaled {
        r
    } else if r.is_finite() {
        r * (-x).exp()
    } else {
        // beyond double range before scaling back: sum again in the log domain
        f64::INFINITY
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative difference.
    fn rel(a: f64, b: f64) -> f64 {
        ((a - b) / b).abs()
    }

    // values from R 4.2: options(digits = 15); besselJ(...), besselY(...), ...
    #[test]
    fn j_matches_r() {
        let cases = [
            (0.5, 0.0, 0.9384698072408129),
            (5.0, 0.0, -0.1775967713143382),
            (30.0, 0.0, -0.0863679835810402),
            (100.0, 0.0, 0.0199858503042231),
            (7.5, 2.5, -0.29910405245731309),
            (25.0, 2.5, 0.00203813615332610),
            (1.0, 30.0, 3.48286979425148e-42),
            (50.0, 30.0, 4.84342572455094e-02),
            (0.3, -1.3, -2.9230267613071663),
            (13.0, -1.3, -0.0385520675463434),
            (11.0, -3.0, -0.227348033058068),
        ];
        for (x, nu, want) in cases {
            assert!(rel(bessel_j(x, nu), want) < 1e-12, "J({}, {})", x, nu);
        }
    }

    #[test]
    fn y_matches_r() {
        let cases = [
            (0.01, 0.0, -3.0054556370836458),
            (5.0, 0.0, -0.3085176252490338),
            (100.0, 0.0, -0.0772443133650832),
            (0.5, 2.5, -14.1385474222846224),
            (25.0, 2.5, 0.1599482872706068),
            (0.3, -1.3, 2.034630984037203),
            (1.0, 20.0, -4.11397031483551e+22),
        ];
        for (x, nu, want) in cases {
            assert!(rel(bessel_y(x, nu), want) < 1e-12, "Y({}, {})", x, nu);
        }
    }

    #[test]
    fn i_and_k_match_r() {
        assert!(rel(bessel_i(100.0, 0.0, false), 1.07375170713107e+42) < 1e-12);
        assert!(rel(bessel_i(25.0, 2.5, false), 5.08331734533695e+09) < 1e-12);
        assert!(rel(bessel_i(7.5, 2.5, true), 0.09517304296850479) < 1e-12);
        assert!(rel(bessel_i(13.0, -1.3, false), 46209.30117067416722) < 1e-12);
        assert!(rel(bessel_i(0.3, -1.3, false), -2.51467779246578) < 1e-12);
        assert!(rel(bessel_i(1000.0, 1.0, true), 0.0126109302569286) < 1e-12);
        assert!(rel(bessel_k(0.01, 0.0, false), 4.72124473016109) < 1e-12);
        assert!(rel(bessel_k(100.0, 0.0, false), 4.65662822917590e-45) < 1e-12);
        assert!(rel(bessel_k(25.0, 2.5, false), 3.91564394819041e-12) < 1e-12);
        assert!(rel(bessel_k(0.5, 2.5, true), 33.676623167204809) < 1e-12);
        assert!(rel(bessel_k(3.0, -1.3, false), 4.43421088885961e-02) < 1e-12);
        assert!(rel(bessel_k(2f64.powi(-10), 20.0, false), 1.0248579306842e+83) < 1e-12);
        assert!(rel(bessel_k(1000.0, 3.0, true), 0.0398069612844097) < 1e-12);
    }
}
