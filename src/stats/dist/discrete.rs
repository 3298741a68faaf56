//! Discrete distributions: binomial, Poisson, geometric, negative binomial, hypergeometric.

use super::beta::pbeta;
use super::toms708::bratio;
use super::gamma::{bd0, dpois_raw, lgammafn, pgamma, stirlerr};
use super::normal::qnorm;
use super::{d0, d1, dexp, dt0, dt1, log1_exp, p_lower, q_boundaries, LN_2PI};

fn nonint(x: f64) -> bool {
    (x - x.round()).abs() > 1e-7 * 1f64.max(x.abs())
}

/// The binomial density at real `x` with `q = 1 - p` given (Loader's saddle point).
pub fn dbinom_raw(x: f64, n: f64, p: f64, q: f64, log: bool) -> f64 {
    if p == 0.0 {
        return if x == 0.0 { d1(log) } else { d0(log) };
    }
    if q == 0.0 {
        return if x == n { d1(log) } else { d0(log) };
    }
    if x == 0.0 {
        if n == 0.0 {
            return d1(log);
        }
        let lc = if p < 0.1 { -bd0(n, n * q) - n * p } else { n * q.ln() };
        return dexp(lc, log);
    }
    if x == n {
        let lc = if q < 0.1 { -bd0(n, n * p) - n * q } else { n * p.ln() };
        return dexp(lc, log);
    }
    if x < 0.0 || x > n {
        return d0(log);
    }
    let lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
    let lf = LN_2PI + x.ln() + (-x / n).ln_1p();
    dexp(lc - 0.5 * lf, log)
}

/// `dbinom(x, size, prob, log)`.
pub fn dbinom(x: f64, n: f64, p: f64, log: bool) -> f64 {
    if x.is_nan() || n.is_nan() || p.is_nan() {
        return x + n + p;
    }
    if !(0.0..=1.0).contains(&p) || n < 0.0 || nonint(n) {
        return f64::NAN;
    }
    if nonint(x) || x < 0.0 || !x.is_finite() {
        return d0(log);
    }
    dbinom_raw(x.round(), n.round(), p, 1.0 - p, log)
}

/// `pbinom(q, size, prob, lower.tail, log.p)`.
pub fn pbinom(x: f64, n: f64, p: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || n.is_nan() || p.is_nan() {
        return x + n + p;
    }
    if !n.is_finite() || !p.is_finite() || nonint(n) || n < 0.0 || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    let n = n.round();
    if x < 0.0 {
        return dt0(lower, log_p);
    }
    let x = (x + 1e-7).floor();
    if n <= x {
        return dt1(lower, log_p);
    }
    pbeta(p, x + 1.0, n - x, !lower, log_p)
}

/// `dpois(x, lambda, log)`.
pub fn dpois(x: f64, lambda: f64, log: bool) -> f64 {
    if x.is_nan() || lambda.is_nan() {
        return x + lambda;
    }
    if lambda < 0.0 {
        return f64::NAN;
    }
    if nonint(x) || x < 0.0 || !x.is_finite() {
        return d0(log);
    }
    dpois_raw(x.round(), lambda, log)
}

/// `ppois(q, lambda, lower.tail, log.p)`.
pub fn ppois(x: f64, lambda: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || lambda.is_nan() {
        return x + lambda;
    }
    if lambda < 0.0 {
        return f64::NAN;
    }
    if x < 0.0 {
        return dt0(lower, log_p);
    }
    if lambda == 0.0 || !x.is_finite() {
        return dt1(lower, log_p);
    }
    let x = (x + 1e-7).floor();
    pgamma(lambda, x + 1.0, 1.0, !lower, log_p)
}

/// `dgeom(x, prob, log)`.
pub fn dgeom(x: f64, p: f64, log: bool) -> f64 {
    if x.is_nan() || p.is_nan() {
        return x + p;
    }
    if p <= 0.0 || p > 1.0 {
        return f64::NAN;
    }
    if nonint(x) || x < 0.0 || !x.is_finite() || p == 0.0 {
        return d0(log);
    }
    let x = x.round();
    let prob = dbinom_raw(0.0, x, p, 1.0 - p, log);
    if log {
        p.ln() + prob
    } else {
        p * prob
    }
}

/// `pgeom(q, prob, lower.tail, log.p)`.
pub fn pgeom(x: f64, p: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || p.is_nan() {
        return x + p;
    }
    if p <= 0.0 || p > 1.0 {
        return f64::NAN;
    }
    if x < 0.0 {
        return dt0(lower, log_p);
    }
    if !x.is_finite() {
        return dt1(lower, log_p);
    }
    let x = (x + 1e-7).floor();
    if p == 1.0 {
        return dt1(lower, log_p);
    }
    let v = (-p).ln_1p() * (x + 1.0);
    if log_p {
        if lower {
            log1_exp(v)
        } else {
            v
        }
    } else if lower {
        -v.exp_m1()
    } else {
        v.exp()
    }
}

/// `dnbinom(x, size, prob, log)`.
pub fn dnbinom(x: f64, size: f64, prob: f64, log: bool) -> f64 {
    if x.is_nan() || size.is_nan() || prob.is_nan() {
        return x + size + prob;
    }
    if prob <= 0.0 || prob > 1.0 || size < 0.0 {
        return f64::NAN;
    }
    if nonint(x) || x < 0.0 || !x.is_finite() {
        return d0(log);
    }
    if x == 0.0 && size == 0.0 {
        return d1(log);
    }
    let x = x.round();
    if !size.is_finite() {
        return d0(log);
    }
    let ans = dbinom_raw(size, x + size, prob, 1.0 - prob, log);
    let p = size / (size + x);
    if log {
        p.ln() + ans
    } else {
        p * ans
    }
}

/// `dnbinom(x, size, mu = mu, log)`.
pub fn dnbinom_mu(x: f64, size: f64, mu: f64, log: bool) -> f64 {
    if x.is_nan() || size.is_nan() || mu.is_nan() {
        return x + size + mu;
    }
    if mu < 0.0 || size < 0.0 {
        return f64::NAN;
    }
    if nonint(x) || x < 0.0 || !x.is_finite() {
        return d0(log);
    }
    if x == 0.0 && size == 0.0 {
        return d1(log);
    }
    let x = x.round();
    if !size.is_finite() {
        return dpois_raw(x, mu, log);
    }
    if x == 0.0 {
        let v = size * if size < mu { (size / (size + mu)).ln() } else { (-mu / (size + mu)).ln_1p() };
        return dexp(v, log);
    }
    if x < 1e-10 * size {
        let p = if size < mu { (size / (1.0 + size / mu)).ln() } else { (mu / (1.0 + mu / size)).ln() };
        return dexp(x * p - mu - lgammafn(x + 1.0) + (x * (x - 1.0) / (2.0 * size)).ln_1p(), log);
    }
    let ans = dbinom_raw(size, x + size, size / (size + mu), mu / (size + mu), log);
    let p = size / (size + x);
    if log {
        p.ln() + ans
    } else {
        p * ans
    }
}

/// `pnbinom(q, size, prob, lower.tail, log.p)`.
pub fn pnbinom(x: f64, size: f64, prob: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || size.is_nan() || prob.is_nan() {
        return x + size + prob;
    }
    if !size.is_finite() || !prob.is_finite() || size < 0.0 || prob <= 0.0 || prob > 1.0 {
        return f64::NAN;
    }
    if size == 0.0 {
        return if x >= 0.0 { dt1(lower, log_p) } else { dt0(lower, log_p) };
    }
    if x < 0.0 {
        return dt0(lower, log_p);
    }
    if !x.is_finite() {
        return dt1(lower, log_p);
    }
    let x = (x + 1e-7).floor();
    pbeta(prob, size, x + 1.0, lower, log_p)
}

/// `pnbinom(q, size, mu = mu, lower.tail, log.p)`.
pub fn pnbinom_mu(x: f64, size: f64, mu: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || size.is_nan() || mu.is_nan() {
        return x + size + mu;
    }
    if !mu.is_finite() || size < 0.0 || mu < 0.0 {
        return f64::NAN;
    }
    if size == 0.0 {
        return if x >= 0.0 { dt1(lower, log_p) } else { dt0(lower, log_p) };
    }
    if x < 0.0 {
        return dt0(lower, log_p);
    }
    if !x.is_finite() {
        return dt1(lower, log_p);
    }
    if !size.is_finite() {
        return ppois(x, mu, lower, log_p);
    }
    let x = (x + 1e-7).floor();
    let (w, wc, _) = bratio(size, x + 1.0, size / (size + mu), mu / (size + mu), log_p);
    if lower {
        w
    } else {
        wc
    }
}

/// `dhyper(x, m, n, k, log)`.
pub fn dhyper(x: f64, r: f64, b: f64, n: f64, log: bool) -> f64 {
    if x.is_nan() || r.is_nan() || b.is_nan() || n.is_nan() {
        return x + r + b + n;
    }
    if r < 0.0 || nonint(r) || b < 0.0 || nonint(b) || n < 0.0 || nonint(n) || n > r + b {
        return f64::NAN;
    }
    if x < 0.0 || nonint(x) {
        return d0(log);
    }
    let (x, r, b, n) = (x.round(), r.round(), b.round(), n.round());
    if n < x || r < x || n - x > b {
        return d0(log);
    }
    if n == 0.0 {
        return if x == 0.0 { d1(log) } else { d0(log) };
    }
    let p = n / (r + b);
    let q = (r + b - n) / (r + b);
    let p1 = dbinom_raw(x, r, p, q, log);
    let p2 = dbinom_raw(n - x, b, p, q, log);
    let p3 = dbinom_raw(n, r + b, p, q, log);
    if log {
        p1 + p2 - p3
    } else {
        p1 * p2 / p3
    }
}

fn pdhyper(x: f64, nr: f64, nb: f64, n: f64, log_p: bool) -> f64 {
    let mut sum = 0.0;
    let mut term = 1.0;
    let mut x = x;
    while x > 0.0 && term >= f64::EPSILON * sum {
        term *= x * (nb - n + x) / (n + 1.0 - x) / (nr + 1.0 - x);
        sum += term;
        x -= 1.0;
    }
    if log_p {
        sum.ln_1p()
    } else {
        1.0 + sum
    }
}

/// `phyper(q, m, n, k, lower.tail, log.p)`.
pub fn phyper(x: f64, nr: f64, nb: f64, n: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || nr.is_nan() || nb.is_nan() || n.is_nan() {
        return x + nr + nb + n;
    }
    let x = (x + 1e-7).floor();
    let (mut nr, mut nb, n) = (nr.round(), nb.round(), n.round());
    if nr < 0.0 || nb < 0.0 || !(nr + nb).is_finite() || n < 0.0 || n > nr + nb {
        return f64::NAN;
    }
    let mut x = x;
    let mut lower = lower;
    if x * (nr + nb) > n * nr {
        std::mem::swap(&mut nr, &mut nb);
        x = n - x - 1.0;
        lower = !lower;
    }
    if x < 0.0 || x < n - nb {
        return dt0(lower, log_p);
    }
    if x >= nr || x >= n {
        return dt1(lower, log_p);
    }
    let d = dhyper(x, nr, nb, n, log_p);
    if (!log_p && d == 0.0) || (log_p && d == f64::NEG_INFINITY) {
        return dt0(lower, log_p);
    }
    let pd = pdhyper(x, nr, nb, n, log_p);
    if log_p {
        let v = d + pd;
        if lower {
            v
        } else {
            log1_exp(v)
        }
    } else {
        let v = d * pd;
        if lower {
            v
        } else {
            0.5 - v + 0.5
        }
    }
}

/// Smallest integer `k` in `[lo, hi]` with `P(X <= k) >= p` for a discrete distribution
/// with distribution function `cdf(k, lower, log)`; `start` is a first guess.
pub fn discrete_quantile(p: f64, lower: bool, log_p: bool, lo: f64, hi: f64, start: f64, fuzz: f64, cdf: &dyn Fn(f64, bool, bool) -> f64) -> f64 {
    // qhyper (fuzz >= 1000 eps) works on the lower-tail probability, as R's summation
    // does; the others search in the tail where the probability is small.
    let pl = p_lower(p, lower, log_p);
    let lower_only = fuzz >= 1000.0 * f64::EPSILON;
    let use_lower = lower_only || pl <= 0.5;
    let cond = |k: f64| -> bool {
        if use_lower {
            if log_p && lower {
                cdf(k, true, true) >= p + (1.0 - fuzz).ln()
            } else {
                cdf(k, true, false) >= pl * (1.0 - fuzz)
            }
        } else if log_p && !lower {
            cdf(k, false, true) <= p + (1.0 + fuzz).ln()
        } else {
            let pu = super::p_upper(p, lower, log_p);
            cdf(k, false, false) <= pu * (1.0 + fuzz)
        }
    };
    let mut y = start.clamp(lo, hi);
    if !y.is_finite() {
        y = lo;
    }
    y = y.floor();
    let (mut a, mut b);
    if cond(y) {
        // search down for a k that fails
        b = y;
        let mut step = 1.0;
        loop {
            let k = b - step;
            if k < lo {
                a = lo - 1.0;
                break;
            }
            if cond(k) {
                b = k;
                step *= 2.0;
            } else {
                a = k;
                break;
            }
        }
    } else {
        a = y;
        let mut step = 1.0;
        loop {
            let k = a + step;
            if k >= hi {
                b = hi;
                break;
            }
            if cond(k) {
                b = k;
                break;
            }
            a = k;
            step *= 2.0;
        }
    }
    // invariant: cond(a) false (or a < lo), cond(b) true
    while b - a > 1.0 {
        let m = (0.5 * (a + b)).floor();
        if cond(m) {
            b = m;
        } else {
            a = m;
        }
    }
    b
}

fn cornish_fisher(p: f64, lower: bool, log_p: bool, mu: f64, sigma: f64, gamma: f64) -> f64 {
    let z = qnorm(p, 0.0, 1.0, lower, log_p);
    (mu + sigma * (z + gamma * (z * z - 1.0) / 6.0) + 0.5).floor()
}

/// `qbinom(p, size, prob, lower.tail, log.p)`.
pub fn qbinom(p: f64, n: f64, pr: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || n.is_nan() || pr.is_nan() {
        return p + n + pr;
    }
    if !n.is_finite() || !pr.is_finite() || nonint(n) || n < 0.0 || !(0.0..=1.0).contains(&pr) {
        return f64::NAN;
    }
    let n = n.round();
    if let Err(v) = q_boundaries(p, 0.0, n, lower, log_p) {
        return v;
    }
    if pr == 0.0 || n == 0.0 {
        return 0.0;
    }
    let q = 1.0 - pr;
    if q == 0.0 {
        return n;
    }
    let mu = n * pr;
    let sigma = (n * pr * q).sqrt();
    let y = cornish_fisher(p, lower, log_p, mu, sigma, (q - pr) / sigma);
    discrete_quantile(p, lower, log_p, 0.0, n, y, 64.0 * f64::EPSILON, &|k, lo, lg| pbinom(k, n, pr, lo, lg))
}

/// `qpois(p, lambda, lower.tail, log.p)`.
pub fn qpois(p: f64, lambda: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || lambda.is_nan() {
        return p + lambda;
    }
    if !lambda.is_finite() || lambda < 0.0 {
        return f64::NAN;
    }
    if let Err(v) = q_boundaries(p, 0.0, f64::INFINITY, lower, log_p) {
        return v;
    }
    if lambda == 0.0 {
        return 0.0;
    }
    let sigma = lambda.sqrt();
    let y = cornish_fisher(p, lower, log_p, lambda, sigma, 1.0 / sigma);
    discrete_quantile(p, lower, log_p, 0.0, f64::MAX, y, 64.0 * f64::EPSILON, &|k, lo, lg| ppois(k, lambda, lo, lg))
}

/// `qgeom(p, prob, lower.tail, log.p)`.
pub fn qgeom(p: f64, prob: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || prob.is_nan() {
        return p + prob;
    }
    if prob <= 0.0 || prob > 1.0 {
        return f64::NAN;
    }
    if (log_p && p > 0.0) || (!log_p && !(0.0..=1.0).contains(&p)) {
        return f64::NAN;
    }
    if prob == 1.0 {
        return 0.0;
    }
    if let Err(v) = q_boundaries(p, 0.0, f64::INFINITY, lower, log_p) {
        return v;
    }
    // log of the upper tail
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
    (lq / (-prob).ln_1p() - 1.0 - 1e-12).ceil().max(0.0)
}

/// `qnbinom(p, size, prob, lower.tail, log.p)`.
pub fn qnbinom(p: f64, size: f64, prob: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || size.is_nan() || prob.is_nan() {
        return p + size + prob;
    }
    if prob == 0.0 && size == 0.0 {
        return 0.0;
    }
    if prob <= 0.0 || prob > 1.0 || size < 0.0 {
        return f64::NAN;
    }
    if prob == 1.0 || size == 0.0 {
        return 0.0;
    }
    if let Err(v) = q_boundaries(p, 0.0, f64::INFINITY, lower, log_p) {
        return v;
    }
    let q = 1.0 / prob;
    let pp = (1.0 - prob) * size;
    let mu = pp / prob;
    let sigma = (pp * q).sqrt() / prob;
    let sigma = if sigma > 0.0 { sigma } else { (pp * q * q).sqrt() };
    let gamma = (q + 1.0 - prob) / (pp * q).sqrt().max(1e-300);
    let y = cornish_fisher(p, lower, log_p, mu, sigma, gamma.min(10.0));
    discrete_quantile(p, lower, log_p, 0.0, f64::MAX, y, 64.0 * f64::EPSILON, &|k, lo, lg| pnbinom(k, size, prob, lo, lg))
}

/// `qnbinom(p, size, mu = mu, lower.tail, log.p)`.
pub fn qnbinom_mu(p: f64, size: f64, mu: f64, lower: bool, log_p: bool) -> f64 {
    if size == f64::INFINITY {
        return qpois(p, mu, lower, log_p);
    }
    qnbinom(p, size, size / (size + mu), lower, log_p)
}

/// `qhyper(p, m, n, k, lower.tail, log.p)`.
pub fn qhyper(p: f64, nr: f64, nb: f64, n: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || nr.is_nan() || nb.is_nan() || n.is_nan() {
        return p + nr + nb + n;
    }
    if !p.is_finite() && !log_p || !nr.is_finite() || !nb.is_finite() || !n.is_finite() {
        return f64::NAN;
    }
    let (nr, nb, n) = (nr.round(), nb.round(), n.round());
    if nr < 0.0 || nb < 0.0 || n < 0.0 || n > nr + nb {
        return f64::NAN;
    }
    let xstart = (n - nb).max(0.0);
    let xend = n.min(nr);
    if let Err(v) = q_boundaries(p, xstart, xend, lower, log_p) {
        return v;
    }
    let mu = n * nr / (nr + nb);
    discrete_quantile(p, lower, log_p, xstart, xend, mu.floor(), 1000.0 * f64::EPSILON, &|k, lo, lg| phyper(k, nr, nb, n, lo, lg))
}
