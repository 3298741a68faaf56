//! Non-central chi-squared (density, distribution, quantile) and the densities and
//! quantiles of the non-central t, F and beta distributions. Densities are Poisson
//! mixtures summed outwards from their largest term; quantiles bracket and bisect the
//! distribution function to a relative 1e-13 (as R's nmath does).

use super::beta::{dbeta, qt};
use super::discrete::dpois;
use super::gamma::{dchisq, dgamma, lgammafn, pchisq, qchisq};
use super::noncentral::{pnbeta, pnt};
use super::normal::qnorm;

fn d_exp(v: f64, log: bool) -> f64 {
    if log {
        v
    } else {
        v.exp()
    }
}

/// `p` on the lower-tail probability scale (R_DT_qIv).
fn lower_p(p: f64, lower: bool, log_p: bool) -> f64 {
    let v = if log_p { p.exp() } else { p };
    if lower {
        v
    } else {
        0.5 - v + 0.5
    }
}

/// `p` outside [0, 1] (or > 0 on the log scale) is NaN; the ends map to the support's ends.
fn q_bounds(p: f64, lower: bool, log_p: bool, left: f64, right: f64) -> Option<f64> {
    if p.is_nan() {
        return Some(f64::NAN);
    }
    let (zero, one) = if log_p { (f64::NEG_INFINITY, 0.0) } else { (0.0, 1.0) };
    if (log_p && p > 0.0) || (!log_p && !(0.0..=1.0).contains(&p)) {
        return Some(f64::NAN);
    }
    if p == zero {
        return Some(if lower { left } else { right });
    }
    if p == one {
        return Some(if lower { right } else { left });
    }
    None
}

/// Density of the non-central chi-squared distribution.
pub fn dnchisq(x: f64, df: f64, ncp: f64, log: bool) -> f64 {
    if x.is_nan() || df.is_nan() || ncp.is_nan() {
        return f64::NAN;
    }
    if !df.is_finite() || !ncp.is_finite() || ncp < 0.0 || df < 0.0 {
        return f64::NAN;
    }
    if x < 0.0 {
        return d_exp(f64::NEG_INFINITY, log);
    }
    if x == 0.0 && df < 2.0 {
        return f64::INFINITY;
    }
    if ncp == 0.0 {
        return if df > 0.0 { dchisq(x, df, log) } else { d_exp(f64::NEG_INFINITY, log) };
    }
    if x == f64::INFINITY {
        return d_exp(f64::NEG_INFINITY, log);
    }
    let lambda = 0.5 * ncp;
    // the largest term of the mixture is near i = the root of a quadratic in i
    let imax = {
        let t = (2.0 - df + (((2.0 - df) * (2.0 - df)) + 4.0 * ncp * x).sqrt()) / 4.0;
        if t < 0.0 { 0.0 } else { t.ceil() }
    };
    let lterm = |i: f64| dpois(i, lambda, true) + dchisq(x, df + 2.0 * i, true);
    let lmid = lterm(imax);
    if !lmid.is_finite() {
        return d_exp(lmid, log);
    }
    let mut sum = 1.0;
    let mut i = imax;
    while i > 0.0 {
        i -= 1.0;
        let t = (lterm(i) - lmid).exp();
        sum += t;
        if t < sum * 1e-16 {
            break;
        }
    }
    let mut i = imax;
    loop {
        i += 1.0;
        let t = (lterm(i) - lmid).exp();
        sum += t;
        if t < sum * 1e-16 || i > imax + 1e7 {
            break;
        }
    }
    d_exp(lmid + sum.ln(), log)
}

/// `P(X <= x)` for the non-central chi-squared distribution (a Poisson mixture of central
/// chi-squared probabilities in the requested tail, summed outwards from the mode).
pub fn pnchisq(x: f64, df: f64, ncp: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || df.is_nan() || ncp.is_nan() {
        return f64::NAN;
    }
    if !df.is_finite() || !ncp.is_finite() || df < 0.0 || ncp < 0.0 {
        return f64::NAN;
    }
    let p = pnchisq_raw(x, df, ncp, lower);
    if log_p {
        p.ln()
    } else {
        p
    }
}

fn pnchisq_raw(x: f64, df: f64, ncp: f64, lower: bool) -> f64 {
    if x == 0.0 && df == 0.0 {
        // zero degrees of freedom: a point mass exp(-ncp/2) at zero
        let p0 = (-0.5 * ncp).exp();
        return if lower { p0 } else { -(-0.5 * ncp).exp_m1() };
    }
    if x <= 0.0 {
        return if lower { 0.0 } else { 1.0 };
    }
    if x == f64::INFINITY {
        return if lower { 1.0 } else { 0.0 };
    }
    if ncp == 0.0 {
        return pchisq(x, df, lower, false);
    }
    let lambda = 0.5 * ncp;
    let mode = lambda.floor();
    let term = |i: f64| {
        let w = dpois(i, lambda, false);
        if w == 0.0 {
            0.0
        } else {
            w * pchisq(x, df + 2.0 * i, lower, false)
        }
    };
    let mut sum = term(mode);
    let mut i = mode;
    while i > 0.0 {
        i -= 1.0;
        let w = dpois(i, lambda, false);
        let t = if w == 0.0 { 0.0 } else { w * pchisq(x, df + 2.0 * i, lower, false) };
        sum += t;
        // below the mode the weights fall faster than any tail probability can grow
        if w < 1e-18 * sum.max(f64::MIN_POSITIVE) || (t == 0.0 && w < 1e-300) {
            break;
        }
    }
    let mut i = mode;
    loop {
        i += 1.0;
        let w = dpois(i, lambda, false);
        let t = term(i);
        sum += t;
        let bound = if lower { t } else { w };
        if bound < 1e-17 * sum || w == 0.0 || i > mode + 1e7 {
            break;
        }
    }
    sum.clamp(0.0, 1.0)
}

/// Quantile of the non-central chi-squared distribution.
pub fn qnchisq(p: f64, df: f64, ncp: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || df.is_nan() || ncp.is_nan() {
        return f64::NAN;
    }
    if !df.is_finite() || df < 0.0 || ncp < 0.0 || !ncp.is_finite() {
        return f64::NAN;
    }
    if let Some(v) = q_bounds(p, lower, log_p, 0.0, f64::INFINITY) {
        return v;
    }
    let pp = lower_p(p, lower, log_p);
    if pp > 1.0 - f64::EPSILON {
        return f64::INFINITY;
    }
    // Pearson's approximation as the starting point
    let b = ncp * ncp / (df + 3.0 * ncp);
    let c = (df + 3.0 * ncp) / (df + 2.0 * ncp);
    let ff = (df + 2.0 * ncp) / (c * c);
    let mut ux = b + c * qchisq(p, ff, lower, log_p);
    if !(ux > 0.0) {
        ux = 1.0;
    }
    // work in the tail that was asked for, so small upper tails keep their accuracy
    let (target, tail_lower) = if lower || ncp >= 80.0 {
        (pp, true)
    } else {
        (if log_p { p.exp() } else { p }, false)
    };
    let f = |x: f64| pnchisq_raw(x, df, ncp, tail_lower);
    let below = |x: f64, t: f64| if tail_lower { f(x) < t } else { f(x) > t };
    let eps = 1e-11;
    let mut lx = ux;
    let hi_t = if tail_lower { (target * (1.0 + eps)).min(1.0 - f64::EPSILON) } else { target * (1.0 - eps) };
    while ux < f64::MAX && below(ux, hi_t) {
        ux *= 2.0;
    }
    let lo_t = if tail_lower { target * (1.0 - eps) } else { (target * (1.0 + eps)).min(1.0 - f64::EPSILON) };
    while lx > f64::MIN_POSITIVE && !below(lx, lo_t) {
        lx *= 0.5;
    }
    loop {
        let nx = 0.5 * (lx + ux);
        if below(nx, target) {
            lx = nx;
        } else {
            ux = nx;
        }
        if (ux - lx) / nx <= 1e-13 {
            break;
        }
    }
    0.5 * (ux + lx)
}

/// Density of the non-central t distribution (through differences of its distribution function).
pub fn dnt(x: f64, df: f64, ncp: f64, log: bool) -> f64 {
    if x.is_nan() || df.is_nan() || ncp.is_nan() {
        return f64::NAN;
    }
    if df <= 0.0 {
        return f64::NAN;
    }
    if ncp == 0.0 {
        return super::beta::dt(x, df, log);
    }
    if !x.is_finite() {
        return d_exp(f64::NEG_INFINITY, log);
    }
    if !df.is_finite() || df > 1e8 {
        return super::normal::dnorm(x, ncp, 1.0, log);
    }
    let u = if x.abs() > (df * f64::EPSILON).sqrt() {
        df.ln() - x.abs().ln()
            + (pnt(x * ((df + 2.0) / df).sqrt(), df + 2.0, ncp, true, false)
                - pnt(x, df, ncp, true, false))
            .abs()
            .ln()
    } else {
        lgammafn((df + 1.0) / 2.0)
            - lgammafn(df / 2.0)
            - (std::f64::consts::PI.ln() + df.ln() + ncp * ncp) / 2.0
    };
    d_exp(u, log)
}

/// Quantile of the non-central t distribution.
pub fn qnt(p: f64, df: f64, ncp: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || df.is_nan() || ncp.is_nan() {
        return f64::NAN;
    }
    if df <= 0.0 {
        return f64::NAN;
    }
    if ncp == 0.0 && df >= 1.0 {
        return qt(p, df, lower, log_p);
    }
    if let Some(v) = q_bounds(p, lower, log_p, f64::NEG_INFINITY, f64::INFINITY) {
        return v;
    }
    if !df.is_finite() {
        return qnorm(p, ncp, 1.0, lower, log_p);
    }
    let p = lower_p(p, lower, log_p);
    if p > 1.0 - f64::EPSILON {
        return f64::INFINITY;
    }
    let eps = 1e-11;
    let pp = (p * (1.0 + eps)).min(1.0 - f64::EPSILON);
    let mut ux = ncp.max(1.0);
    while ux < f64::MAX && pnt(ux, df, ncp, true, false) < pp {
        ux *= 2.0;
    }
    let pp = p * (1.0 - eps);
    let mut lx = (-ncp).min(-1.0);
    while lx > -f64::MAX && pnt(lx, df, ncp, true, false) > pp {
        lx *= 2.0;
    }
    loop {
        let nx = 0.5 * (lx + ux);
        if pnt(nx, df, ncp, true, false) > p {
            ux = nx;
        } else {
            lx = nx;
        }
        if (ux - lx) <= lx.abs().max(ux.abs()) * 1e-13 {
            break;
        }
    }
    0.5 * (lx + ux)
}

/// Density of the non-central beta distribution.
pub fn dnbeta(x: f64, a: f64, b: f64, ncp: f64, log: bool) -> f64 {
    if x.is_nan() || a.is_nan() || b.is_nan() || ncp.is_nan() {
        return f64::NAN;
    }
    if ncp < 0.0 || a <= 0.0 || b <= 0.0 || !a.is_finite() || !b.is_finite() || !ncp.is_finite() {
        return f64::NAN;
    }
    if !(0.0..=1.0).contains(&x) {
        return d_exp(f64::NEG_INFINITY, log);
    }
    if ncp == 0.0 {
        return dbeta(x, a, b, log);
    }
    let ncp2 = 0.5 * ncp;
    let dx2 = ncp2 * x;
    let d = (dx2 - a - 1.0) / 2.0;
    let disc = d * d + dx2 * (a + b) - a;
    let kmax = if disc <= 0.0 { 0.0 } else { (d + disc.sqrt()).ceil().max(0.0) };
    let lterm = dbeta(x, a + kmax, b, true);
    let lpk = dpois(kmax, ncp2, true);
    if x == 0.0 || !lterm.is_finite() || !lpk.is_finite() {
        return d_exp(lpk + lterm, log);
    }
    let mut sum = 1.0;
    let mut term = 1.0;
    let mut k = kmax;
    while k > 0.0 && term > sum * 1e-15 {
        k -= 1.0;
        term *= (k + 1.0) * (k + a) / (k + a + b) / dx2;
        sum += term;
    }
    term = 1.0;
    k = kmax;
    loop {
        term *= dx2 * (k + a + b) / (k + a) / (k + 1.0);
        k += 1.0;
        sum += term;
        if term <= sum * 1e-15 {
            break;
        }
    }
    d_exp(lpk + lterm + sum.ln(), log)
}

/// Quantile of the non-central beta distribution.
pub fn qnbeta(p: f64, a: f64, b: f64, ncp: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || a.is_nan() || b.is_nan() || ncp.is_nan() {
        return f64::NAN;
    }
    if ncp < 0.0 || a <= 0.0 || b <= 0.0 || !ncp.is_finite() {
        return f64::NAN;
    }
    if let Some(v) = q_bounds(p, lower, log_p, 0.0, 1.0) {
        return v;
    }
    let p = lower_p(p, lower, log_p);
    if p > 1.0 - f64::EPSILON {
        return 1.0;
    }
    let eps = 1e-14;
    let pp = (p * (1.0 + eps)).min(1.0 - f64::EPSILON);
    let mut ux = 0.5;
    while ux < 1.0 - f64::EPSILON && pnbeta(ux, a, b, ncp, true, false) < pp {
        ux = 0.5 * (1.0 + ux);
    }
    let pp = p * (1.0 - eps);
    let mut lx = 0.5;
    while lx > f64::MIN_POSITIVE && pnbeta(lx, a, b, ncp, true, false) > pp {
        lx *= 0.5;
    }
    loop {
        let nx = 0.5 * (lx + ux);
        if pnbeta(nx, a, b, ncp, true, false) > p {
            ux = nx;
        } else {
            lx = nx;
        }
        if (ux - lx) / nx <= 1e-15 {
            break;
        }
    }
    0.5 * (ux + lx)
}

/// Density of the non-central F distribution.
pub fn dnf(x: f64, df1: f64, df2: f64, ncp: f64, log: bool) -> f64 {
    if x.is_nan() || df1.is_nan() || df2.is_nan() || ncp.is_nan() {
        return f64::NAN;
    }
    if df1 <= 0.0 || df2 <= 0.0 || ncp < 0.0 || !ncp.is_finite() {
        return f64::NAN;
    }
    if x < 0.0 {
        return d_exp(f64::NEG_INFINITY, log);
    }
    if !df1.is_finite() && !df2.is_finite() {
        return if x == 1.0 { f64::INFINITY } else { d_exp(f64::NEG_INFINITY, log) };
    }
    if !df2.is_finite() {
        let z = dnchisq(x * df1, df1, ncp, log);
        return if log { z + df1.ln() } else { df1 * z };
    }
    if df1 > 1e14 && ncp < 1e7 {
        let f = 1.0 + ncp / df1;
        let z = dgamma(1.0 / x / f, df2 / 2.0, 2.0 / df2, log);
        return if log { z - 2.0 * x.ln() - f.ln() } else { z / (x * x) / f };
    }
    let y = (df1 / df2) * x;
    let z = dnbeta(y / (1.0 + y), df1 / 2.0, df2 / 2.0, ncp, log);
    if log {
        z + df1.ln() - df2.ln() - 2.0 * y.ln_1p()
    } else {
        z * (df1 / df2) / (1.0 + y) / (1.0 + y)
    }
}

/// Quantile of the non-central F distribution.
pub fn qnf(p: f64, df1: f64, df2: f64, ncp: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || df1.is_nan() || df2.is_nan() || ncp.is_nan() {
        return f64::NAN;
    }
    if df1 <= 0.0 || df2 <= 0.0 || ncp < 0.0 || !ncp.is_finite() || (!df1.is_finite() && !df2.is_finite()) {
        return f64::NAN;
    }
    if let Some(v) = q_bounds(p, lower, log_p, 0.0, f64::INFINITY) {
        return v;
    }
    if df2 > 1e8 {
        return qnchisq(p, df1, ncp, lower, log_p) / df1;
    }
    let y = qnbeta(p, df1 / 2.0, df2 / 2.0, ncp, lower, log_p);
    y / (1.0 - y) * (df2 / df1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        ((a - b) / b).abs() < tol
    }

    #[test]
    fn noncentral_values_match_r() {
        // values from R 4.2
        assert!(close(pnchisq(3.0, 4.0, 2.0, true, false), 0.2462727015, 1e-9));
        assert!(close(pnchisq(30.0, 4.0, 2.0, false, false), 0.0001865760766, 1e-8));
        assert!(close(pnchisq(100.0, 10.0, 90.0, true, false), 0.5201323778, 1e-8));
        assert!(close(dnchisq(3.0, 4.0, 2.0, false), 0.1208364909, 1e-9));
        assert!(close(qnchisq(0.5, 3.0, 1.5, true, false), 3.668744846, 1e-9));
        assert!(close(qnchisq(0.01, 10.0, 90.0, false, false), 149.5785213, 1e-8));
        assert!(close(dnt(1.0, 5.0, 1.0, false), 0.3623248392, 1e-9));
        assert!(close(qnt(0.9, 5.0, 1.0, true, false), 2.817766981, 1e-9));
        assert!(close(dnbeta(0.3, 2.0, 3.0, 1.0, false), 1.536919835, 1e-9));
        assert!(close(dnf(1.5, 3.0, 10.0, 2.0, false), 0.2826931417, 1e-9));
        assert!(close(qnf(0.5, 3.0, 10.0, 2.0, true, false), 1.470613193, 1e-9));
        assert!(close(qnbeta(0.4, 2.0, 3.0, 1.0, true, false), 0.3825110244, 1e-9));
    }

    #[test]
    fn zero_df_has_point_mass_at_zero() {
        assert!(close(pnchisq(0.0, 0.0, 3.0, true, false), 0.22313016014842982, 1e-14));
        assert!(close(pnchisq(0.0, 0.0, 3.0, false, false), 0.77686983985157021, 1e-14));
    }
}
