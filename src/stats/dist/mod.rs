//! Probability distributions written after R's nmath library: densities, distribution
//! functions and quantiles with `lower_tail` / `log_p` handling and tail accuracy.
//!
//! Every `p*` function takes `(x, params..., lower_tail, log_p)`, every `q*` function
//! `(p, params..., lower_tail, log_p)` and every `d*` function `(x, params..., log)`.
//! Invalid parameters give NaN (the builtin layer turns that into R's warning).

pub mod bd0;
pub mod beta;
pub mod discrete;
pub mod gamma;
pub mod normal;
pub mod other;
pub mod pgamma;
pub mod qbeta;
pub mod toms708;

/// ln(sqrt(2*pi)).
pub const LN_SQRT_2PI: f64 = 0.918_938_533_204_672_8;
/// ln(sqrt(pi/2)).
pub const LN_SQRT_PID2: f64 = 0.225_791_352_644_727_43;
/// 1/sqrt(2*pi).
pub const INV_SQRT_2PI: f64 = 0.398_942_280_401_432_7;
/// ln(2*pi).
pub const LN_2PI: f64 = 1.837_877_066_409_345_5;

/// R_D__0: probability zero on the requested scale.
pub fn d0(log_p: bool) -> f64 {
    if log_p {
        f64::NEG_INFINITY
    } else {
        0.0
    }
}
/// R_D__1: probability one on the requested scale.
pub fn d1(log_p: bool) -> f64 {
    if log_p {
        0.0
    } else {
        1.0
    }
}
/// R_DT_0: the lower end of a distribution function.
pub fn dt0(lower: bool, log_p: bool) -> f64 {
    if lower {
        d0(log_p)
    } else {
        d1(log_p)
    }
}
/// R_DT_1: the upper end of a distribution function.
pub fn dt1(lower: bool, log_p: bool) -> f64 {
    if lower {
        d1(log_p)
    } else {
        d0(log_p)
    }
}
/// A probability `v` on the log scale when `log_p`.
pub fn dval(v: f64, log_p: bool) -> f64 {
    if log_p {
        v.ln()
    } else {
        v
    }
}
/// A log-probability `lv` on the requested scale.
pub fn dexp(lv: f64, log_p: bool) -> f64 {
    if log_p {
        lv
    } else {
        lv.exp()
    }
}
/// log(1 - exp(x)) for x <= 0, accurately.
pub fn log1_exp(x: f64) -> f64 {
    if x > -std::f64::consts::LN_2 {
        (-x.exp_m1()).ln()
    } else {
        (-x.exp()).ln_1p()
    }
}
/// log(1 + exp(x)) accurately.
pub fn log1pexp(x: f64) -> f64 {
    if x <= 18.0 {
        x.exp().ln_1p()
    } else if x > 33.3 {
        x
    } else {
        x + (-x).exp()
    }
}
/// Given the lower-tail probability `p` (natural scale) and upper `q`, returns the
/// requested tail on the requested scale, preferring whichever is not a difference.
pub fn tail_pick(p: f64, q: f64, lower: bool, log_p: bool) -> f64 {
    let v = if lower { p } else { q };
    dval(v, log_p)
}
/// Converts an input probability to the lower-tail natural scale (R_DT_qIv).
pub fn p_lower(p: f64, lower: bool, log_p: bool) -> f64 {
    if log_p {
        if lower {
            p.exp()
        } else {
            -p.exp_m1()
        }
    } else if lower {
        p
    } else {
        0.5 - p + 0.5
    }
}
/// Converts an input probability to the upper-tail natural scale (R_DT_CIv).
pub fn p_upper(p: f64, lower: bool, log_p: bool) -> f64 {
    if log_p {
        if lower {
            -p.exp_m1()
        } else {
            p.exp()
        }
    } else if lower {
        0.5 - p + 0.5
    } else {
        p
    }
}
/// R_D_log: log of a probability given on the requested scale.
pub fn d_log(p: f64, log_p: bool) -> f64 {
    if log_p {
        p
    } else {
        p.ln()
    }
}
/// R_D_LExp: log(1 - p) for a probability given on the requested scale.
pub fn d_lexp(p: f64, log_p: bool) -> f64 {
    if log_p {
        log1_exp(p)
    } else {
        (-p).ln_1p()
    }
}
/// R_DT_log: log of the lower-tail probability.
pub fn dt_log(p: f64, lower: bool, log_p: bool) -> f64 {
    if lower {
        d_log(p, log_p)
    } else {
        d_lexp(p, log_p)
    }
}
/// R_DT_Clog: log of the upper-tail probability.
pub fn dt_clog(p: f64, lower: bool, log_p: bool) -> f64 {
    if lower {
        d_lexp(p, log_p)
    } else {
        d_log(p, log_p)
    }
}
/// R_Q_P01_check: whether `p` is a valid probability on its scale.
pub fn p_ok(p: f64, log_p: bool) -> bool {
    if log_p {
        p <= 0.0
    } else {
        (0.0..=1.0).contains(&p)
    }
}
/// Checks a quantile function's probability argument: `Err(value)` for the boundary
/// cases (NaN for out of range, `left`/`right` for probability 0/1).
pub fn q_boundaries(p: f64, left: f64, right: f64, lower: bool, log_p: bool) -> Result<(), f64> {
    if p.is_nan() {
        return Err(p);
    }
    if log_p {
        if p > 0.0 {
            return Err(f64::NAN);
        }
        if p == 0.0 {
            return Err(if lower { right } else { left });
        }
        if p == f64::NEG_INFINITY {
            return Err(if lower { left } else { right });
        }
    } else {
        if !(0.0..=1.0).contains(&p) {
            return Err(f64::NAN);
        }
        if p == 0.0 {
            return Err(if lower { left } else { right });
        }
        if p == 1.0 {
            return Err(if lower { right } else { left });
        }
    }
    Ok(())
}

/// The target of a continuous quantile search, in the tail where it is small.
pub struct Target {
    /// Search in the lower tail (else the upper tail).
    pub lower: bool,
    /// log of the target probability in that tail.
    pub logp: f64,
}

/// Picks the tail in which the requested probability is at most one half.
pub fn target(p: f64, lower: bool, log_p: bool) -> Target {
    let pl = p_lower(p, lower, log_p);
    if pl <= 0.5 {
        let lp = if log_p && lower { p } else if log_p { log1_exp(p) } else if lower { p.ln() } else { (-p).ln_1p() };
        Target { lower: true, logp: lp }
    } else {
        let lq = if log_p && !lower { p } else if log_p { log1_exp(p) } else if lower { (-p).ln_1p() } else { p.ln() };
        Target { lower: false, logp: lq }
    }
}

/// Solves `log F_tail(x) = t.logp` for a continuous distribution on `(lo, hi)` (bounds
/// may be infinite), starting from `x0`. `logcdf(x, lower)` is the log distribution
/// function in a tail and `logpdf(x)` the log density. Newton steps on the log scale,
/// safeguarded by bisection on a bracket.
pub fn solve_continuous(
    t: &Target,
    x0: f64,
    lo: f64,
    hi: f64,
    logcdf: &dyn Fn(f64, bool) -> f64,
    logpdf: &dyn Fn(f64) -> f64,
) -> f64 {
    // g(x) increasing in x: lower tail: logF - t; upper tail: t - logQ.
    let g = |x: f64| -> f64 {
        if t.lower {
            logcdf(x, true) - t.logp
        } else {
            t.logp - logcdf(x, false)
        }
    };
    let (mut a, mut b) = (lo, hi);
    let mut x = if x0.is_finite() && x0 > lo && x0 < hi { x0 } else if lo.is_finite() && hi.is_finite() { 0.5 * (lo + hi) } else { 0.0f64.clamp(lo, hi) };
    // Establish a finite bracket.
    let mut gx = g(x);
    if gx.is_nan() {
        return f64::NAN;
    }
    if gx == 0.0 {
        return x;
    }
    if gx < 0.0 {
        a = x;
        if !b.is_finite() {
            let mut step = x.abs().max(1.0);
            loop {
                let y = x + step;
                let gy = g(y);
                if gy >= 0.0 || !y.is_finite() {
                    b = y;
                    break;
                }
                a = y;
                step *= 2.0;
            }
        }
    } else {
        b = x;
        if !a.is_finite() {
            let mut step = x.abs().max(1.0);
            loop {
                let y = x - step;
                let gy = g(y);
                if gy <= 0.0 || !y.is_finite() {
                    a = y;
                    break;
                }
                b = y;
                step *= 2.0;
            }
        }
    }
    if !a.is_finite() || !b.is_finite() {
        return if a.is_finite() { b } else { a };
    }
    if x <= a || x >= b {
        x = 0.5 * (a + b);
        gx = g(x);
    }
    for _ in 0..2000 {
        if gx == 0.0 {
            return x;
        }
        if gx < 0.0 {
            a = x;
        } else {
            b = x;
        }
        // Newton on the log scale: d/dx log F = f/F.
        let lf = logpdf(x);
        let lc = logcdf(x, t.lower);
        let slope = if t.lower { (lf - lc).exp() } else { (lf - lc).exp() };
        let mut nx = if slope.is_finite() && slope > 0.0 { x - gx / slope } else { f64::NAN };
        if !(nx > a && nx < b) || nx.is_nan() {
            // bisect (geometrically when the bracket spans orders of magnitude on one side of 0)
            nx = if a > 0.0 && b / a > 4.0 { (a * b).sqrt() } else if b < 0.0 && a / b > 4.0 { -(a * b).sqrt() } else { 0.5 * (a + b) };
        }
        if nx == x || (b - a) <= 4.0 * f64::EPSILON * a.abs().max(b.abs()) {
            return nx;
        }
        let step = (nx - x).abs();
        x = nx;
        gx = g(x);
        if step <= 1e-15 * x.abs() {
            // One more Newton step for full accuracy, then stop.
            let lf = logpdf(x);
            let lc = logcdf(x, t.lower);
            let slope = (lf - lc).exp();
            if slope.is_finite() && slope > 0.0 && gx != 0.0 {
                let y = x - gx / slope;
                if y > a && y < b {
                    return y;
                }
            }
            return x;
        }
        if a == b {
            return a;
        }
    }
    x
}
