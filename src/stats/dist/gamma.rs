//! Gamma-function helpers (gamma, lgamma, Stirling error, `bd0`, Poisson kernel) and the
//! gamma, chi-squared and exponential-family kernels built on them.

use super::{d0, d1, dexp, dt0, dt1, log1_exp, q_boundaries, LN_SQRT_2PI};

/// Stirling's error at the half integers 0, 0.5, ..., 15.
const SFERR_HALVES: [f64; 31] = [
    0.0,
    0.15342640972002736,
    0.08106146679532726,
    0.05481412105191765,
    0.0413406959554093,
    0.03316287351993629,
    0.02767792568499834,
    0.023746163656297496,
    0.020790672103765093,
    0.018488450532673187,
    0.016644691189821193,
    0.015134973221917378,
    0.013876128823070748,
    0.012810465242920227,
    0.01189670994589177,
    0.011104559758206917,
    0.010411265261972096,
    0.009799416126158804,
    0.009255462182712733,
    0.008768700134139386,
    0.00833056343336287,
    0.00793411456431402,
    0.007573675487951841,
    0.007244554301320383,
    0.00694284010720953,
    0.006665247032707682,
    0.006408994188004207,
    0.006171712263039458,
    0.0059513701127588475,
    0.0057462165130101155,
    0.005554733551962801,
];

const LANCZOS: [f64; 9] = [
    0.999_999_999_999_809_9,
    676.520_368_121_885_1,
    -1_259.139_216_722_402_8,
    771.323_428_777_653_1,
    -176.615_029_162_140_6,
    12.507_343_278_686_905,
    -0.138_571_095_265_720_12,
    9.984_369_578_019_572e-6,
    1.505_632_735_149_311_6e-7,
];

fn lanczos_gamma(x: f64) -> f64 {
    // x >= 0.5
    let y = x - 1.0;
    let mut a = LANCZOS[0];
    let t = y + 7.5;
    for (i, c) in LANCZOS.iter().enumerate().skip(1) {
        a += c / (y + i as f64);
    }
    (2.0 * std::f64::consts::PI).sqrt() * t.powf(y + 0.5) * (-t).exp() * a
}

/// The gamma function.
pub fn gammafn(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x == 0.0 || (x < 0.0 && x == x.round()) {
        return f64::NAN;
    }
    if x == x.round() && x > 0.0 && x <= 50.0 {
        let mut r = 1.0;
        let mut k = 2.0;
        while k < x {
            r *= k;
            k += 1.0;
        }
        return r;
    }
    if x < 0.5 {
        return std::f64::consts::PI / (sinpi(x) * gammafn(1.0 - x));
    }
    if x <= 15.0 {
        return lanczos_gamma(x);
    }
    if x > 171.62 {
        return f64::INFINITY;
    }
    lgammafn(x).exp()
}

/// sin(pi * x), exact at integers and half integers.
pub fn sinpi(x: f64) -> f64 {
    let mut r = x % 2.0;
    if r <= -1.0 {
        r += 2.0;
    } else if r > 1.0 {
        r -= 2.0;
    }
    if r == 0.0 || r == 1.0 {
        return 0.0;
    }
    if r == 0.5 {
        return 1.0;
    }
    if r == -0.5 {
        return -1.0;
    }
    (std::f64::consts::PI * r).sin()
}

/// log|gamma(x)|.
pub fn lgammafn(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x <= 0.0 && x == x.trunc() {
        return f64::INFINITY;
    }
    let y = x.abs();
    if y < 1e-306 {
        return -y.ln();
    }
    if y <= 15.0 {
        return gammafn(x).abs().ln();
    }
    if x > 0.0 {
        if x > 1e17 {
            return x * (x.ln() - 1.0);
        }
        return LN_SQRT_2PI + (x - 0.5) * x.ln() - x + stirlerr(x);
    }
    let s = sinpi(y).abs();
    super::LN_SQRT_PID2 + (x - 0.5) * y.ln() - x - s.ln() - (LN_SQRT_2PI + (y - 0.5) * y.ln() - y + stirlerr(y))
}

/// log(beta(a, b)), accurate for large arguments.
pub fn lbeta(a: f64, b: f64) -> f64 {
    let (p, q) = if a < b { (a, b) } else { (b, a) };
    if p.is_nan() || q.is_nan() {
        return p + q;
    }
    if p < 0.0 {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::INFINITY;
    }
    if !q.is_finite() {
        return f64::NEG_INFINITY;
    }
    if p >= 10.0 {
        let corr = stirlerr(p) + stirlerr(q) - stirlerr(p + q);
        q.ln() * -0.5 + LN_SQRT_2PI + corr + (p - 0.5) * (p / (p + q)).ln() + q * (-p / (p + q)).ln_1p()
    } else if q >= 10.0 {
        let corr = stirlerr(q) - stirlerr(p + q);
        lgammafn(p) + corr + p - p * (p + q).ln() + (q - 0.5) * (-p / (p + q)).ln_1p()
    } else if p + q < 171.6 {
        (gammafn(p) * (gammafn(q) / gammafn(p + q))).ln()
    } else {
        lgammafn(p) + lgammafn(q) - lgammafn(p + q)
    }
}

/// Stirling's error: log(n!) - log(sqrt(2 pi n) (n/e)^n).
pub fn stirlerr(n: f64) -> f64 {
    const S0: f64 = 1.0 / 12.0;
    const S1: f64 = 1.0 / 360.0;
    const S2: f64 = 1.0 / 1260.0;
    const S3: f64 = 1.0 / 1680.0;
    const S4: f64 = 1.0 / 1188.0;
    if n <= 15.0 {
        let nn = n + n;
        if nn == nn.trunc() && nn >= 0.0 {
            return SFERR_HALVES[nn as usize];
        }
        return lgammafn(n + 1.0) - (n + 0.5) * n.ln() + n - LN_SQRT_2PI;
    }
    let nn = n * n;
    if n > 500.0 {
        return (S0 - S1 / nn) / n;
    }
    if n > 80.0 {
        return (S0 - (S1 - S2 / nn) / nn) / n;
    }
    if n > 35.0 {
        return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
    }
    (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n
}

/// The deviance term x log(x/np) + np - x, computed without cancellation.
pub fn bd0(x: f64, np: f64) -> f64 {
    if !x.is_finite() || !np.is_finite() || np == 0.0 {
        return f64::NAN;
    }
    if (x - np).abs() < 0.1 * (x + np) {
        let mut v = (x - np) / (x + np);
        let mut s = (x - np) * v;
        if s.abs() < f64::MIN_POSITIVE {
            return s;
        }
        let mut ej = 2.0 * x * v;
        v *= v;
        for j in 1..1000 {
            ej *= v;
            let s1 = s + ej / ((j * 2 + 1) as f64);
            if s1 == s {
                return s1;
            }
            s = s1;
        }
    }
    x * (x / np).ln() + np - x
}

/// The Poisson density at real `x` (Loader's saddle-point form).
pub fn dpois_raw(x: f64, lambda: f64, log: bool) -> f64 {
    if lambda == 0.0 {
        return if x == 0.0 { d1(log) } else { d0(log) };
    }
    if !lambda.is_finite() || x < 0.0 {
        return d0(log);
    }
    if x <= lambda * f64::MIN_POSITIVE {
        return dexp(-lambda, log);
    }
    if lambda < x * f64::MIN_POSITIVE {
        if !x.is_finite() {
            return d0(log);
        }
        return dexp(-lambda + x * lambda.ln() - lgammafn(x + 1.0), log);
    }
    // R >= 4.1: the deviance in two parts (ebd0) for extra accuracy
    const X_LRG: f64 = 2.861_117_485_757_028e307; // 2^1023 / pi
    let (yh, mut yl) = super::bd0::ebd0(x, lambda);
    yl += stirlerr(x);
    let lrg = x >= X_LRG;
    let r = if lrg { (2.0 * std::f64::consts::PI).sqrt() * x.sqrt() } else { 2.0 * std::f64::consts::PI * x };
    if log {
        -yl - yh - if lrg { r.ln() } else { 0.5 * r.ln() }
    } else {
        (-yl).exp() * (-yh).exp() / if lrg { r } else { r.sqrt() }
    }
}

/// `pgamma(x, shape, scale = scale, lower.tail, log.p)`.
pub fn pgamma(x: f64, shape: f64, scale: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || shape.is_nan() || scale.is_nan() {
        return x + shape + scale;
    }
    if shape < 0.0 || scale <= 0.0 {
        return f64::NAN;
    }
    let x = x / scale;
    if x.is_nan() {
        return x;
    }
    if shape == 0.0 {
        return if x <= 0.0 { dt0(lower, log_p) } else { dt1(lower, log_p) };
    }
    super::pgamma::pgamma_raw(x, shape, lower, log_p)
}

/// `dgamma(x, shape, scale = scale, log)`.
pub fn dgamma(x: f64, shape: f64, scale: f64, log: bool) -> f64 {
    if x.is_nan() || shape.is_nan() || scale.is_nan() {
        return x + shape + scale;
    }
    if shape < 0.0 || scale <= 0.0 {
        return f64::NAN;
    }
    if x < 0.0 {
        return d0(log);
    }
    if shape == 0.0 {
        return if x == 0.0 { f64::INFINITY } else { d0(log) };
    }
    if x == 0.0 {
        if shape < 1.0 {
            return f64::INFINITY;
        }
        if shape > 1.0 {
            return d0(log);
        }
        return if log { -scale.ln() } else { 1.0 / scale };
    }
    if shape < 1.0 {
        let pr = dpois_raw(shape, x / scale, log);
        return if log { pr + if shape / x == f64::INFINITY { shape.ln() - x.ln() } else { (shape / x).ln() } } else { pr * shape / x };
    }
    let pr = dpois_raw(shape - 1.0, x / scale, log);
    if log {
        pr - scale.ln()
    } else {
        pr / scale
    }
}

/// Starting approximation for qchisq (AS 91 with R's refinements); `g` = lgamma(nu/2).
pub fn qchisq_appr(p: f64, nu: f64, g: f64, lower: bool, log_p: bool, tol: f64) -> f64 {
    const C7: f64 = 4.67;
    const C8: f64 = 6.66;
    const C9: f64 = 6.73;
    const C10: f64 = 13.32;
    if p.is_nan() || nu.is_nan() {
        return p + nu;
    }
    if !super::p_ok(p, log_p) || nu <= 0.0 {
        return f64::NAN;
    }
    let alpha = 0.5 * nu;
    let c = alpha - 1.0;
    let p1 = super::dt_log(p, lower, log_p);
    if nu < -1.24 * p1 {
        // small chi-squared
        let lgam1pa = if alpha < 0.5 { super::pgamma::lgamma1p(alpha) } else { alpha.ln() + g };
        ((lgam1pa + p1) / alpha + std::f64::consts::LN_2).exp()
    } else if nu > 0.32 {
        // Wilson and Hilferty
        let x = super::normal::qnorm(p, 0.0, 1.0, lower, log_p);
        let p1 = 2.0 / (9.0 * nu);
        let mut ch = nu * (x * p1.sqrt() + 1.0 - p1).powi(3);
        if ch > 2.2 * nu + 6.0 {
            ch = -2.0 * (super::dt_clog(p, lower, log_p) - c * (0.5 * ch).ln() + g);
        }
        ch
    } else {
        let mut ch = 0.4;
        let a = super::dt_clog(p, lower, log_p) + g + c * std::f64::consts::LN_2;
        loop {
            let q = ch;
            let p1 = 1.0 / (1.0 + ch * (C7 + ch));
            let p2 = ch * (C9 + ch * (C8 + ch));
            let t = -0.5 + (C7 + 2.0 * ch) * p1 - (C9 + ch * (C10 + 3.0 * ch)) / p2;
            ch -= (1.0 - (a + 0.5 * ch).exp() * p2 * p1) / t;
            if (q - ch).abs() <= tol * ch.abs() {
                break;
            }
        }
        ch
    }
}

/// `qgamma(p, shape, scale = scale, lower.tail, log.p)`: AS 91's seven-term Taylor
/// iteration from `qchisq_appr`, then Newton steps on the log scale, as R.
pub fn qgamma(p: f64, alpha: f64, scale: f64, lower: bool, log_p: bool) -> f64 {
    const EPS1: f64 = 1e-2;
    const EPS2: f64 = 5e-7;
    const EPS_N: f64 = 1e-15;
    const MAXIT: i32 = 1000;
    const P_MIN: f64 = 1e-100;
    const P_MAX: f64 = 1.0 - 1e-14;
    const I420: f64 = 1.0 / 420.0;
    const I2520: f64 = 1.0 / 2520.0;
    const I5040: f64 = 1.0 / 5040.0;
    if p.is_nan() || alpha.is_nan() || scale.is_nan() {
        return p + alpha + scale;
    }
    if let Err(v) = q_boundaries(p, 0.0, f64::INFINITY, lower, log_p) {
        return v;
    }
    if alpha < 0.0 || scale <= 0.0 {
        return f64::NAN;
    }
    if alpha == 0.0 {
        return 0.0;
    }
    let mut max_it_newton = if alpha < 1e-10 { 7 } else { 1 };
    let mut p_ = super::p_lower(p, lower, log_p);
    let g = lgammafn(alpha);
    let mut ch = qchisq_appr(p, 2.0 * alpha, g, lower, log_p, EPS1);
    'phase2: {
        if !ch.is_finite() {
            max_it_newton = 0;
            break 'phase2;
        }
        if ch < EPS2 || p_ > P_MAX || p_ < P_MIN {
            max_it_newton = 20;
            break 'phase2;
        }
        let c = alpha - 1.0;
        let s6 = (120.0 + c * (346.0 + 127.0 * c)) * I5040;
        let ch0 = ch;
        for _ in 1..=MAXIT {
            let q = ch;
            let p1 = 0.5 * ch;
            let p2 = p_ - super::pgamma::pgamma_raw(p1, alpha, true, false);
            if !p2.is_finite() || ch <= 0.0 {
                ch = ch0;
                max_it_newton = 27;
                break 'phase2;
            }
            let t = p2 * (alpha * std::f64::consts::LN_2 + g + p1 - c * ch.ln()).exp();
            let b = t / ch;
            let a = 0.5 * t - b * c;
            let s1 = (210.0 + a * (140.0 + a * (105.0 + a * (84.0 + a * (70.0 + 60.0 * a))))) * I420;
            let s2 = (420.0 + a * (735.0 + a * (966.0 + a * (1141.0 + 1278.0 * a)))) * I2520;
            let s3 = (210.0 + a * (462.0 + a * (707.0 + 932.0 * a))) * I2520;
            let s4 = (252.0 + a * (672.0 + 1182.0 * a) + c * (294.0 + a * (889.0 + 1740.0 * a))) * I5040;
            let s5 = (84.0 + 2264.0 * a + c * (1175.0 + 606.0 * a)) * I2520;
            ch += t * (1.0 + 0.5 * t * s1 - b * c * (s1 - b * (s2 - b * (s3 - b * (s4 - b * (s5 - b * s6))))));
            if (q - ch).abs() < EPS2 * ch {
                break 'phase2;
            }
            if (q - ch).abs() > 0.1 * ch {
                ch = if ch < q { 0.9 * q } else { 1.1 * q };
            }
        }
    }
    let mut x = 0.5 * scale * ch;
    if max_it_newton > 0 {
        // Newton steps, always on the log scale
        let p = if log_p { p } else { p.ln() };
        let log_p = true;
        if x == 0.0 {
            x = f64::MIN_POSITIVE;
            p_ = pgamma(x, alpha, scale, lower, log_p);
            if (lower && p_ > p * (1.0 + 1e-7)) || (!lower && p_ < p * (1.0 - 1e-7)) {
                return 0.0;
            }
        } else {
            p_ = pgamma(x, alpha, scale, lower, log_p);
        }
        if p_ == f64::NEG_INFINITY {
            return 0.0;
        }
        for i in 1..=max_it_newton {
            let p1 = p_ - p;
            if p1.abs() < (EPS_N * p).abs() {
                break;
            }
            let g = dgamma(x, alpha, scale, log_p);
            if g == d0(log_p) {
                break;
            }
            let t = p1 * (p_ - g).exp();
            let t = if lower { x - t } else { x + t };
            p_ = pgamma(t, alpha, scale, lower, log_p);
            if (p_ - p).abs() > p1.abs() || (i > 1 && (p_ - p).abs() == p1.abs()) {
                break;
            }
            x = t;
        }
    }
    x
}

/// `pchisq(q, df, lower.tail, log.p)`.
pub fn pchisq(x: f64, df: f64, lower: bool, log_p: bool) -> f64 {
    pgamma(x, df / 2.0, 2.0, lower, log_p)
}
/// `dchisq(x, df, log)`.
pub fn dchisq(x: f64, df: f64, log: bool) -> f64 {
    dgamma(x, df / 2.0, 2.0, log)
}
/// `qchisq(p, df, lower.tail, log.p)`.
pub fn qchisq(p: f64, df: f64, lower: bool, log_p: bool) -> f64 {
    qgamma(p, 0.5 * df, 2.0, lower, log_p)
}

/// `pexp(q, rate, ...)` given the scale 1/rate.
pub fn pexp(x: f64, scale: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || scale.is_nan() {
        return x + scale;
    }
    if scale < 0.0 {
        return f64::NAN;
    }
    if x <= 0.0 {
        return dt0(lower, log_p);
    }
    let v = -(x / scale);
    if lower {
        if log_p {
            log1_exp(v)
        } else {
            -v.exp_m1()
        }
    } else {
        dexp(v, log_p)
    }
}
/// `dexp(x, rate, log)` given the scale 1/rate.
pub fn dexp_(x: f64, scale: f64, log: bool) -> f64 {
    if x.is_nan() || scale.is_nan() {
        return x + scale;
    }
    if scale <= 0.0 {
        return f64::NAN;
    }
    if x < 0.0 {
        return d0(log);
    }
    if log {
        -x / scale - scale.ln()
    } else {
        (-x / scale).exp() / scale
    }
}
/// `qexp(p, rate, ...)` given the scale 1/rate.
pub fn qexp(p: f64, scale: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || scale.is_nan() {
        return p + scale;
    }
    if scale < 0.0 {
        return f64::NAN;
    }
    if let Err(v) = q_boundaries(p, 0.0, f64::INFINITY, lower, log_p) {
        return v;
    }
    // -scale * log(upper tail)
    let lq = if log_p {
        if lower {
            log1_exp(p)
        } else {
            p
        }
    } else if lower {
        (-p).ln_1p()
    } else {
        p.ln()
    };
    -scale * lq
}
