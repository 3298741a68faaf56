//! Discrete distributions: binomial, Poisson, geometric, negative binomial, hypergeometric.

use super::beta::pbeta;
use super::gamma::{bd0, dpois_raw, pgamma, stirlerr};
use super::normal::qnorm;
use super::toms708::bratio;
use super::{d0, d1, dexp, dt0, dt1, log1_exp, q_boundaries, LN_2PI};

fn nonint(x: f64) -> bool {
    (x - x.round_ties_even()).abs() > 1e-7 * 1f64.max(x.abs())
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
        let lc = if p < 0.1 {
            -bd0(n, n * q) - n * p
        } else {
            n * q.ln()
        };
        return dexp(lc, log);
    }
    if x == n {
        let lc = if q < 0.1 {
            -bd0(n, n * p) - n * q
        } else {
            n * p.ln()
        };
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
    dbinom_raw(x.round_ties_even(), n.round_ties_even(), p, 1.0 - p, log)
}

/// `pbinom(q, size, prob, lower.tail, log.p)`.
pub fn pbinom(x: f64, n: f64, p: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || n.is_nan() || p.is_nan() {
        return x + n + p;
    }
    if !n.is_finite() || !p.is_finite() || nonint(n) || n < 0.0 || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    let n = n.round_ties_even();
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
    dpois_raw(x.round_ties_even(), lambda, log)
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
    let x = x.round_ties_even();
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
    let x = x.round_ties_even();
    if x == 0.0 {
        // size -> 0 is a point mass at zero
        if size == 0.0 {
            return d1(log);
        }
        return if log {
            size * prob.ln()
        } else {
            prob.powf(size)
        };
    }
    let size = if size.is_finite() { size } else { f64::MAX };
    if x < 1e-10 * size {
        // two terms of Abramowitz & Stegun 6.1.47 instead of dbinom_raw
        let v = size * prob.ln() + x * (size.ln() + (-prob).ln_1p()) - super::pgamma::lgamma1p(x)
            + (x * (x - 1.0) / (2.0 * size)).ln_1p();
        return dexp(v, log);
    }
    let p = if log {
        if x < size {
            (-x / (size + x)).ln_1p()
        } else {
            (size / (size + x)).ln()
        }
    } else {
        size / (size + x)
    };
    let ans = dbinom_raw(size, x + size, prob, 1.0 - prob, log);
    if log {
        p + ans
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
    let x = x.round_ties_even();
    if !size.is_finite() {
        return dpois_raw(x, mu, log);
    }
    if x == 0.0 {
        let v = size
            * if size < mu {
                (size / (size + mu)).ln()
            } else {
                (-mu / (size + mu)).ln_1p()
            };
        return dexp(v, log);
    }
    if x < 1e-10 * size {
        let p = if size < mu {
            (size / (1.0 + size / mu)).ln()
        } else {
            (mu / (1.0 + mu / size)).ln()
        };
        return dexp(
            x * p - mu - super::pgamma::lgamma1p(x) + (x * (x - 1.0) / (2.0 * size)).ln_1p(),
            log,
        );
    }
    let p = if log {
        if x < size {
            (-x / (size + x)).ln_1p()
        } else {
            (size / (size + x)).ln()
        }
    } else {
        size / (size + x)
    };
    let ans = dbinom_raw(size, x + size, size / (size + mu), mu / (size + mu), log);
    if log {
        p + ans
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
        return if x >= 0.0 {
            dt1(lower, log_p)
        } else {
            dt0(lower, log_p)
        };
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
        return if x >= 0.0 {
            dt1(lower, log_p)
        } else {
            dt0(lower, log_p)
        };
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
    let (x, r, b, n) = (
        x.round_ties_even(),
        r.round_ties_even(),
        b.round_ties_even(),
        n.round_ties_even(),
    );
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
    let (mut nr, mut nb, n) = (
        nr.round_ties_even(),
        nb.round_ties_even(),
        n.round_ties_even(),
    );
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

/// R's `do_search()`: from `y` (with `z = P(y)`), step by `incr` left or right until the
/// p-quantile condition flips; returns the new `y` and its `z`.
#[allow(clippy::too_many_arguments)]
fn do_search(
    mut y: f64,
    z: &mut f64,
    p: f64,
    incr: f64,
    lower: bool,
    log_p: bool,
    max_y: Option<f64>,
    pdist: &dyn Fn(f64, bool, bool) -> f64,
) -> f64 {
    let left = if lower { *z >= p } else { *z < p };
    if left {
        loop {
            let mut newz = -1.0;
            if y > 0.0 {
                newz = pdist(y - incr, lower, log_p);
            } else if y < 0.0 {
                y = 0.0;
            }
            if y == 0.0 || newz.is_nan() || (if lower { newz < p } else { newz >= p }) {
                return y;
            }
            y = (y - incr).max(0.0);
            *z = newz;
        }
    } else {
        loop {
            y += incr;
            match max_y {
                Some(m) => {
                    if y < m {
                        *z = pdist(y, lower, log_p);
                    } else if y > m {
                        y = m;
                    }
                }
                None => *z = pdist(y, lower, log_p),
            }
            if max_y == Some(y) || z.is_nan() || (if lower { *z >= p } else { *z < p }) {
                return y;
            }
        }
    }
}

/// R's `q_DISCRETE_BODY()`: Cornish-Fisher start from the moments `mu`, `sigma` and
/// skewness `gamma`, a fuzz for left continuity, then a search (with shrinking increments
/// for large quantiles). The support is `0..=max_y` (unbounded for `None`).
#[allow(clippy::too_many_arguments)]
pub fn discrete_quantile(
    p: f64,
    lower: bool,
    log_p: bool,
    mu: f64,
    sigma: f64,
    gamma: f64,
    max_y: Option<f64>,
    pdist: &dyn Fn(f64, bool, bool) -> f64,
) -> f64 {
    let z0 = qnorm(p, 0.0, 1.0, lower, log_p);
    let mut y = (mu + sigma * (z0 + gamma * (z0 * z0 - 1.0) / 6.0)).round_ties_even();
    match max_y {
        Some(m) if y > m => y = m,
        _ => {
            if y < 0.0 {
                y = 0.0;
            }
        }
    }
    let mut z = pdist(y, lower, log_p);
    const PF_N: f64 = 8.0;
    const PF_L: f64 = 2.0;
    const Y_LARGE: f64 = 4096.0;
    const INC_F: f64 = 1.0 / 64.0;
    const I_SHRINK: f64 = 8.0;
    const REL_TOL: f64 = 1e-15;
    const XF: f64 = 4.0;
    let mut p = p;
    if log_p {
        let e = PF_L * f64::EPSILON;
        if lower && p > -f64::MAX {
            p *= 1.0 + e;
        } else {
            p *= 1.0 - e;
        }
    } else {
        let e = PF_N * f64::EPSILON;
        if lower {
            p *= 1.0 - e;
        } else if 1.0 - p > XF * e {
            p *= 1.0 + e;
        }
    }
    if y < Y_LARGE {
        return do_search(y, &mut z, p, 1.0, lower, log_p, max_y, pdist);
    }
    let mut incr = (y * INC_F).floor();
    loop {
        let oldincr = incr;
        y = do_search(y, &mut z, p, incr, lower, log_p, max_y, pdist);
        incr = (incr / I_SHRINK).floor().max(1.0);
        if !(oldincr > 1.0 && incr > y * REL_TOL) {
            break;
        }
    }
    y
}

/// `qbinom(p, size, prob, lower.tail, log.p)`.
pub fn qbinom(p: f64, n: f64, pr: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || n.is_nan() || pr.is_nan() {
        return p + n + pr;
    }
    if !n.is_finite() || !pr.is_finite() || (!p.is_finite() && !log_p) {
        return f64::NAN;
    }
    let n = n.round_ties_even();
    if !(0.0..=1.0).contains(&pr) || n < 0.0 {
        return f64::NAN;
    }
    if let Err(v) = q_boundaries(p, 0.0, n, lower, log_p) {
        return v;
    }
    if pr == 0.0 || n == 0.0 {
        return 0.0;
    }
    if pr == 1.0 {
        return n;
    }
    let q = 1.0 - pr;
    let mu = n * pr;
    let sigma = (n * pr * q).sqrt();
    let gamma = (q - pr) / sigma;
    discrete_quantile(p, lower, log_p, mu, sigma, gamma, Some(n), &|k, lo, lg| {
        pbinom(k, n, pr, lo, lg)
    })
}

/// `qpois(p, lambda, lower.tail, log.p)`.
pub fn qpois(p: f64, lambda: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || lambda.is_nan() {
        return p + lambda;
    }
    if !lambda.is_finite() || lambda < 0.0 {
        return f64::NAN;
    }
    if !super::p_ok(p, log_p) {
        return f64::NAN;
    }
    if lambda == 0.0 || p == dt0(lower, log_p) {
        return 0.0;
    }
    if p == dt1(lower, log_p) {
        return f64::INFINITY;
    }
    let sigma = lambda.sqrt();
    discrete_quantile(
        p,
        lower,
        log_p,
        lambda,
        sigma,
        1.0 / sigma,
        None,
        &|k, lo, lg| ppois(k, lambda, lo, lg),
    )
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
    let pp = (1.0 - prob) * q;
    let mu = size * pp;
    let sigma = (size * pp * q).sqrt();
    let gamma = (q + pp) / sigma;
    discrete_quantile(p, lower, log_p, mu, sigma, gamma, None, &|k, lo, lg| {
        pnbinom(k, size, prob, lo, lg)
    })
}

/// `qnbinom(p, size, mu = mu, lower.tail, log.p)`.
pub fn qnbinom_mu(p: f64, size: f64, mu: f64, lower: bool, log_p: bool) -> f64 {
    if size == f64::INFINITY {
        return qpois(p, mu, lower, log_p);
    }
    if p.is_nan() || size.is_nan() || mu.is_nan() {
        return p + size + mu;
    }
    if mu == 0.0 || size == 0.0 {
        return 0.0;
    }
    if mu < 0.0 || size < 0.0 {
        return f64::NAN;
    }
    if let Err(v) = q_boundaries(p, 0.0, f64::INFINITY, lower, log_p) {
        return v;
    }
    let q = 1.0 + mu / size;
    let pp = mu / size;
    let sigma = (size * pp * q).sqrt();
    let gamma = (q + pp) / sigma;
    discrete_quantile(p, lower, log_p, mu, sigma, gamma, None, &|k, lo, lg| {
        pnbinom_mu(k, size, mu, lo, lg)
    })
}

/// log(choose(n, k)) for real arguments (R's lfastchoose).
fn lfastchoose(n: f64, k: f64) -> f64 {
    -(n + 1.0).ln() - super::gamma::lbeta(n - k + 1.0, k + 1.0)
}

/// `qhyper(p, m, n, k, lower.tail, log.p)`: summing the probabilities from the left, as R.
pub fn qhyper(p: f64, nr: f64, nb: f64, n: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || nr.is_nan() || nb.is_nan() || n.is_nan() {
        return p + nr + nb + n;
    }
    if !p.is_finite() || !nr.is_finite() || !nb.is_finite() || !n.is_finite() {
        return f64::NAN;
    }
    let mut nr = nr.round_ties_even();
    let mut nb = nb.round_ties_even();
    let total = nr + nb;
    let n = n.round_ties_even();
    if nr < 0.0 || nb < 0.0 || n < 0.0 || n > total {
        return f64::NAN;
    }
    let xstart = (n - nb).max(0.0);
    let xend = n.min(nr);
    if let Err(v) = q_boundaries(p, xstart, xend, lower, log_p) {
        return v;
    }
    let mut xr = xstart;
    let mut xb = n - xr;
    let small_n = total < 1000.0;
    let mut term = lfastchoose(nr, xr) + lfastchoose(nb, xb) - lfastchoose(total, n);
    if small_n {
        term = term.exp();
    }
    nr -= xr;
    nb -= xb;
    let mut p = p;
    if !lower || log_p {
        p = super::p_lower(p, lower, log_p);
    }
    p *= 1.0 - 1000.0 * f64::EPSILON;
    let mut sum = if small_n { term } else { term.exp() };
    while sum < p && xr < xend {
        xr += 1.0;
        nb += 1.0;
        if small_n {
            term *= (nr / xr) * (xb / nb);
        } else {
            term += ((nr / xr) * (xb / nb)).ln();
        }
        sum += if small_n { term } else { term.exp() };
        xb -= 1.0;
        nr -= 1.0;
    }
    xr
}

#[cfg(test)]
mod tests {
    use super::{qbinom, qhyper, qnbinom};

    #[test]
    fn discrete_quantiles_match_r() {
        assert_eq!(qbinom(0.5, 2f64.powi(31), 1e-6, true, false), 2147.0);
        assert_eq!(qhyper(0.3, 1e5, 3e5, 2e5, true, false), 49928.0);
        assert_eq!(qnbinom(1e-10, 3.5, 0.2, false, false), 135.0);
    }
}
