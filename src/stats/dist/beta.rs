//! The incomplete beta function and the beta, Student t and F distributions.

use super::discrete::dbinom_raw;
use super::gamma::lbeta;
use super::normal::{pnorm, qnorm};
use super::toms708::bratio;
use super::{d0, dt0, dt1, q_boundaries, solve_continuous, target, LN_SQRT_2PI};

/// `pbeta_raw`: the incomplete beta ratio for 0 < x < 1 (via TOMS 708), including R's
/// limit cases for zero or infinite shapes.
pub fn pbeta_raw(x: f64, a: f64, b: f64, lower: bool, log_p: bool) -> f64 {
    if a == 0.0 || b == 0.0 || !a.is_finite() || !b.is_finite() {
        if a == 0.0 && b == 0.0 {
            return if log_p { -std::f64::consts::LN_2 } else { 0.5 };
        }
        if a == 0.0 || a / b == f64::INFINITY {
            return dt1(lower, log_p);
        }
        if b == 0.0 || b / a == f64::INFINITY {
            return dt0(lower, log_p);
        }
        return if x < 0.5 { dt0(lower, log_p) } else { dt1(lower, log_p) };
    }
    if x >= 1.0 {
        return dt1(lower, log_p);
    }
    let x1 = 0.5 - x + 0.5;
    let (w, wc, _) = bratio(a, b, x, x1, log_p);
    if lower {
        w
    } else {
        wc
    }
}

/// `pbeta(q, shape1, shape2, lower.tail, log.p)`.
pub fn pbeta(x: f64, a: f64, b: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || a.is_nan() || b.is_nan() {
        return x + a + b;
    }
    if a < 0.0 || b < 0.0 {
        return f64::NAN;
    }
    if x <= 0.0 {
        return dt0(lower, log_p);
    }
    if x >= 1.0 {
        return dt1(lower, log_p);
    }
    pbeta_raw(x, a, b, lower, log_p)
}

/// `dbeta(x, shape1, shape2, log)`.
pub fn dbeta(x: f64, a: f64, b: f64, log: bool) -> f64 {
    if x.is_nan() || a.is_nan() || b.is_nan() {
        return x + a + b;
    }
    if a < 0.0 || b < 0.0 {
        return f64::NAN;
    }
    if !(0.0..=1.0).contains(&x) {
        return d0(log);
    }
    if a == 0.0 || b == 0.0 || !a.is_finite() || !b.is_finite() {
        if a == 0.0 && b == 0.0 {
            return if x == 0.0 || x == 1.0 { f64::INFINITY } else { d0(log) };
        }
        if a == 0.0 || a / b == f64::INFINITY {
            return if x == 0.0 { f64::INFINITY } else { d0(log) };
        }
        if b == 0.0 || b / a == f64::INFINITY {
            return if x == 1.0 { f64::INFINITY } else { d0(log) };
        }
        return if x == 0.5 { f64::INFINITY } else { d0(log) };
    }
    if x == 0.0 {
        if a > 1.0 {
            return d0(log);
        }
        if a < 1.0 {
            return f64::INFINITY;
        }
        return super::dval(b, log);
    }
    if x == 1.0 {
        if b > 1.0 {
            return d0(log);
        }
        if b < 1.0 {
            return f64::INFINITY;
        }
        return super::dval(a, log);
    }
    let lval = if a <= 2.0 || b <= 2.0 {
        (a - 1.0) * x.ln() + (b - 1.0) * (-x).ln_1p() - lbeta(a, b)
    } else {
        (a + b - 1.0).ln() + dbinom_raw(a - 1.0, a + b - 2.0, x, 1.0 - x, true)
    };
    super::dexp(lval, log)
}

pub use super::qbeta::qbeta;

/// `pt(q, df, lower.tail, log.p)`.
pub fn pt(x: f64, n: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || n.is_nan() {
        return x + n;
    }
    if n <= 0.0 {
        return f64::NAN;
    }
    if !x.is_finite() {
        return if x < 0.0 { dt0(lower, log_p) } else { dt1(lower, log_p) };
    }
    if !n.is_finite() {
        return pnorm(x, 0.0, 1.0, lower, log_p);
    }
    let nx = 1.0 + (x / n) * x;
    // val = P(|T| > |x|)
    let val = if nx > 1e100 {
        // x^2 > 1e100 n: pbeta(z, a, b) ~ z^a / (a B(a, b)) with z = 1/nx
        let lval = -0.5 * n * (2.0 * x.abs().ln() - n.ln()) - lbeta(0.5 * n, 0.5) - (0.5 * n).ln();
        if log_p {
            lval
        } else {
            lval.exp()
        }
    } else if n > x * x {
        pbeta(x * x / (n + x * x), 0.5, n / 2.0, false, log_p)
    } else {
        pbeta(1.0 / nx, n / 2.0, 0.5, true, log_p)
    };
    let lower = if x <= 0.0 { !lower } else { lower };
    if log_p {
        if lower {
            (-0.5 * val.exp()).ln_1p()
        } else {
            val - std::f64::consts::LN_2
        }
    } else {
        let v = val / 2.0;
        if lower {
            0.5 - v + 0.5
        } else {
            v
        }
    }
}

/// `dt(x, df, log)`.
pub fn dt(x: f64, n: f64, log: bool) -> f64 {
    if x.is_nan() || n.is_nan() {
        return x + n;
    }
    if n <= 0.0 {
        return f64::NAN;
    }
    if !x.is_finite() {
        return d0(log);
    }
    if !n.is_finite() {
        return super::normal::dnorm(x, 0.0, 1.0, log);
    }
    use super::gamma::{bd0, stirlerr};
    let t = -bd0(n / 2.0, (n + 1.0) / 2.0) + stirlerr((n + 1.0) / 2.0) - stirlerr(n / 2.0);
    let x2n = x * x / n;
    let lrg = x2n > 1.0 / f64::EPSILON;
    let (l_x2n, u, ax);
    if lrg {
        ax = x.abs();
        l_x2n = ax.ln() - n.ln() / 2.0;
        u = n * l_x2n;
    } else if x2n > 0.2 {
        ax = 0.0;
        l_x2n = (1.0 + x2n).ln() / 2.0;
        u = n * l_x2n;
    } else {
        ax = 0.0;
        l_x2n = x2n.ln_1p() / 2.0;
        u = -bd0(n / 2.0, (n + x * x) / 2.0) + x * x / 2.0;
    }
    if log {
        return t - u - (LN_SQRT_2PI + l_x2n);
    }
    let i_sqrt = if lrg { n.sqrt() / ax } else { (-l_x2n).exp() };
    (t - u).exp() * super::INV_SQRT_2PI * i_sqrt
}

/// `qt(p, df, lower.tail, log.p)`.
pub fn qt(p: f64, n: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || n.is_nan() {
        return p + n;
    }
    if let Err(v) = q_boundaries(p, f64::NEG_INFINITY, f64::INFINITY, lower, log_p) {
        return v;
    }
    if n <= 0.0 {
        return f64::NAN;
    }
    if !n.is_finite() || n > 1e20 {
        return qnorm(p, 0.0, 1.0, lower, log_p);
    }
    let t = target(p, lower, log_p);
    // Solve for s = |x| > 0 with P(T > s) = exp(t.logp) (by symmetry).
    let up = Some(super::Target { lower: false, logp: t.logp });
    let Some(up) = up else { return f64::NAN };
    let z = qnorm(up.logp, 0.0, 1.0, false, true);
    let tail_guess = {
        // log P(T > s) ~ -n log s + n/2 log n - lbeta(n/2, 1/2) - log(n/2) - log 2
        let c = 0.5 * n * n.ln() - lbeta(0.5 * n, 0.5) - (0.5 * n).ln() - std::f64::consts::LN_2;
        ((c - up.logp) / n).exp()
    };
    let g = 1.0 / (4.0 * n);
    let cf = z + (z * z * z + z) * g;
    let s0 = if cf.is_finite() && cf > 0.0 && tail_guess < 3.0 * cf.max(1.0) { cf } else { tail_guess.max(1e-3) };
    let lc = |x: f64, lo: bool| pt(x, n, lo, true);
    let ld = |x: f64| dt(x, n, true);
    let s = if up.logp >= -std::f64::consts::LN_2 { 0.0 } else { solve_continuous(&up, s0, 0.0, f64::INFINITY, &lc, &ld) };
    if t.lower {
        -s
    } else {
        s
    }
}

/// `pf(q, df1, df2, lower.tail, log.p)`.
pub fn pf(x: f64, m: f64, n: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || m.is_nan() || n.is_nan() {
        return x + m + n;
    }
    if m <= 0.0 || n <= 0.0 {
        return f64::NAN;
    }
    if x <= 0.0 {
        return dt0(lower, log_p);
    }
    if x == f64::INFINITY {
        return dt1(lower, log_p);
    }
    if n == f64::INFINITY {
        if m == f64::INFINITY {
            if x < 1.0 {
                return dt0(lower, log_p);
            }
            if x == 1.0 {
                return if log_p { -std::f64::consts::LN_2 } else { 0.5 };
            }
            return dt1(lower, log_p);
        }
        return super::gamma::pchisq(x * m, m, lower, log_p);
    }
    if m == f64::INFINITY {
        return super::gamma::pchisq(n / x, n, !lower, log_p);
    }
    let v = if m * x > n {
        pbeta(n / (n + m * x), n / 2.0, m / 2.0, !lower, log_p)
    } else {
        pbeta(m * x / (n + m * x), m / 2.0, n / 2.0, lower, log_p)
    };
    if v.is_nan() {
        f64::NAN
    } else {
        v
    }
}

/// `df(x, df1, df2, log)`.
pub fn df(x: f64, m: f64, n: f64, log: bool) -> f64 {
    if x.is_nan() || m.is_nan() || n.is_nan() {
        return x + m + n;
    }
    if m <= 0.0 || n <= 0.0 {
        return f64::NAN;
    }
    if x < 0.0 {
        return d0(log);
    }
    if x == 0.0 {
        return if m > 2.0 { d0(log) } else if m == 2.0 { super::d1(log) } else { f64::INFINITY };
    }
    if !m.is_finite() && !n.is_finite() {
        return if x == 1.0 { f64::INFINITY } else { d0(log) };
    }
    if !n.is_finite() {
        return super::gamma::dgamma(x, m / 2.0, 2.0 / m, log);
    }
    if m > 1e14 {
        let dens = super::gamma::dgamma(1.0 / x, n / 2.0, 2.0 / n, log);
        return if log { dens - 2.0 * x.ln() } else { dens / (x * x) };
    }
    let mut f = 1.0 / (n + x * m);
    let q = n * f;
    let p = x * m * f;
    let dens;
    if m >= 2.0 {
        f = m * q / 2.0;
        dens = dbinom_raw((m - 2.0) / 2.0, (m + n - 2.0) / 2.0, p, q, log);
    } else {
        f = m * m * q / (2.0 * p * (m + n));
        dens = dbinom_raw(m / 2.0, (m + n) / 2.0, p, q, log);
    }
    if log {
        f.ln() + dens
    } else {
        f * dens
    }
}

/// `qf(p, df1, df2, lower.tail, log.p)`.
pub fn qf(p: f64, m: f64, n: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || m.is_nan() || n.is_nan() {
        return p + m + n;
    }
    if m <= 0.0 || n <= 0.0 {
        return f64::NAN;
    }
    if let Err(v) = q_boundaries(p, 0.0, f64::INFINITY, lower, log_p) {
        return v;
    }
    if m <= n && n > 4e5 {
        if !m.is_finite() {
            return 1.0;
        }
        return super::gamma::qchisq(p, m, lower, log_p) / m;
    }
    if m > 4e5 {
        return n / super::gamma::qchisq(p, n, !lower, log_p);
    }
    // via the beta quantile: x = n q / (m (1 - q)), q = qbeta(p, m/2, n/2)
    let qb = qbeta(p, n / 2.0, m / 2.0, !lower, log_p);
    let v = (1.0 / qb - 1.0) * (n / m);
    if v.is_finite() {
        v
    } else {
        f64::NAN
    }
}
