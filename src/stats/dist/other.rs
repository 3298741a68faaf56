//! Closed-form families: uniform, log-normal, Weibull, logistic and Cauchy.

use super::normal::{pnorm, qnorm};
use super::{d0, dexp, dt0, dt1, log1_exp, log1pexp, q_boundaries, LN_SQRT_2PI};

/// `dunif(x, min, max, log)`.
pub fn dunif(x: f64, a: f64, b: f64, log: bool) -> f64 {
    if x.is_nan() || a.is_nan() || b.is_nan() {
        return x + a + b;
    }
    if b <= a {
        return f64::NAN;
    }
    if a <= x && x <= b {
        if log {
            -(b - a).ln()
        } else {
            1.0 / (b - a)
        }
    } else {
        d0(log)
    }
}
/// `punif(q, min, max, lower.tail, log.p)`.
pub fn punif(x: f64, a: f64, b: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || a.is_nan() || b.is_nan() {
        return x + a + b;
    }
    if b < a || !a.is_finite() || !b.is_finite() {
        return f64::NAN;
    }
    if x >= b {
        return dt1(lower, log_p);
    }
    if x <= a {
        return dt0(lower, log_p);
    }
    let v = if lower {
        (x - a) / (b - a)
    } else {
        (b - x) / (b - a)
    };
    super::dval(v, log_p)
}
/// `qunif(p, min, max, lower.tail, log.p)`.
pub fn qunif(p: f64, a: f64, b: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || a.is_nan() || b.is_nan() {
        return p + a + b;
    }
    if let Err(v) = q_boundaries(p, a, b, lower, log_p) {
        if v.is_nan() {
            return v;
        }
    }
    if b < a || !a.is_finite() || !b.is_finite() {
        return f64::NAN;
    }
    if b == a {
        return a;
    }
    a + super::p_lower(p, lower, log_p) * (b - a)
}

/// `dlnorm(x, meanlog, sdlog, log)`.
pub fn dlnorm(x: f64, ml: f64, sl: f64, log: bool) -> f64 {
    if x.is_nan() || ml.is_nan() || sl.is_nan() {
        return x + ml + sl;
    }
    if sl < 0.0 {
        return f64::NAN;
    }
    if sl == 0.0 {
        return if x.ln() == ml { f64::INFINITY } else { d0(log) };
    }
    if x <= 0.0 {
        return d0(log);
    }
    let y = (x.ln() - ml) / sl;
    if log {
        -(LN_SQRT_2PI + 0.5 * y * y + (x * sl).ln())
    } else {
        super::INV_SQRT_2PI * (-0.5 * y * y).exp() / (x * sl)
    }
}
/// `plnorm(q, meanlog, sdlog, lower.tail, log.p)`.
pub fn plnorm(x: f64, ml: f64, sl: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || ml.is_nan() || sl.is_nan() {
        return x + ml + sl;
    }
    if sl < 0.0 {
        return f64::NAN;
    }
    if x > 0.0 {
        return pnorm(x.ln(), ml, sl, lower, log_p);
    }
    dt0(lower, log_p)
}
/// `qlnorm(p, meanlog, sdlog, lower.tail, log.p)`.
pub fn qlnorm(p: f64, ml: f64, sl: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || ml.is_nan() || sl.is_nan() {
        return p + ml + sl;
    }
    if let Err(v) = q_boundaries(p, 0.0, f64::INFINITY, lower, log_p) {
        return v;
    }
    qnorm(p, ml, sl, lower, log_p).exp()
}

/// `dweibull(x, shape, scale, log)`.
pub fn dweibull(x: f64, shape: f64, scale: f64, log: bool) -> f64 {
    if x.is_nan() || shape.is_nan() || scale.is_nan() {
        return x + shape + scale;
    }
    if shape <= 0.0 || scale <= 0.0 {
        return f64::NAN;
    }
    if x < 0.0 || !x.is_finite() {
        return d0(log);
    }
    if x == 0.0 && shape < 1.0 {
        return f64::INFINITY;
    }
    let t1 = (x / scale).powf(shape - 1.0);
    let t2 = t1 * (x / scale);
    if log {
        -t2 + (shape * t1 / scale).ln()
    } else {
        shape * t1 * (-t2).exp() / scale
    }
}
/// `pweibull(q, shape, scale, lower.tail, log.p)`.
pub fn pweibull(x: f64, shape: f64, scale: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || shape.is_nan() || scale.is_nan() {
        return x + shape + scale;
    }
    if shape <= 0.0 || scale <= 0.0 {
        return f64::NAN;
    }
    if x <= 0.0 {
        return dt0(lower, log_p);
    }
    let v = -(x / scale).powf(shape);
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
/// `qweibull(p, shape, scale, lower.tail, log.p)`.
pub fn qweibull(p: f64, shape: f64, scale: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || shape.is_nan() || scale.is_nan() {
        return p + shape + scale;
    }
    if shape <= 0.0 || scale <= 0.0 {
        return f64::NAN;
    }
    if let Err(v) = q_boundaries(p, 0.0, f64::INFINITY, lower, log_p) {
        return v;
    }
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
    scale * (-lq).powf(1.0 / shape)
}

/// `dlogis(x, location, scale, log)`.
pub fn dlogis(x: f64, m: f64, s: f64, log: bool) -> f64 {
    if x.is_nan() || m.is_nan() || s.is_nan() {
        return x + m + s;
    }
    if s <= 0.0 {
        return f64::NAN;
    }
    let x = ((x - m) / s).abs();
    let e = (-x).exp();
    let f = 1.0 + e;
    if log {
        -(x + (s * f * f).ln())
    } else {
        e / (s * f * f)
    }
}
/// `plogis(q, location, scale, lower.tail, log.p)`.
pub fn plogis(x: f64, m: f64, s: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || m.is_nan() || s.is_nan() {
        return x + m + s;
    }
    if s <= 0.0 {
        return f64::NAN;
    }
    let x = (x - m) / s;
    if x.is_nan() {
        return f64::NAN;
    }
    if !x.is_finite() {
        return if x > 0.0 {
            dt1(lower, log_p)
        } else {
            dt0(lower, log_p)
        };
    }
    let t = if lower { -x } else { x };
    if log_p {
        -log1pexp(t)
    } else {
        1.0 / (1.0 + t.exp())
    }
}
/// `qlogis(p, location, scale, lower.tail, log.p)`.
pub fn qlogis(p: f64, m: f64, s: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || m.is_nan() || s.is_nan() {
        return p + m + s;
    }
    if let Err(v) = q_boundaries(p, f64::NEG_INFINITY, f64::INFINITY, lower, log_p) {
        return v;
    }
    if s < 0.0 {
        return f64::NAN;
    }
    if s == 0.0 {
        return m;
    }
    let v = if log_p {
        if lower {
            p - log1_exp(p)
        } else {
            log1_exp(p) - p
        }
    } else if lower {
        (p / (1.0 - p)).ln()
    } else {
        ((1.0 - p) / p).ln()
    };
    m + s * v
}

/// `dcauchy(x, location, scale, log)`.
pub fn dcauchy(x: f64, m: f64, s: f64, log: bool) -> f64 {
    if x.is_nan() || m.is_nan() || s.is_nan() {
        return x + m + s;
    }
    if s <= 0.0 {
        return f64::NAN;
    }
    let y = (x - m) / s;
    if log {
        -(std::f64::consts::PI * s * (1.0 + y * y)).ln()
    } else {
        1.0 / (std::f64::consts::PI * s * (1.0 + y * y))
    }
}
/// `pcauchy(q, location, scale, lower.tail, log.p)`.
pub fn pcauchy(x: f64, m: f64, s: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || m.is_nan() || s.is_nan() {
        return x + m + s;
    }
    if s <= 0.0 {
        return f64::NAN;
    }
    let mut x = (x - m) / s;
    if x.is_nan() {
        return f64::NAN;
    }
    if !x.is_finite() {
        return if x < 0.0 {
            dt0(lower, log_p)
        } else {
            dt1(lower, log_p)
        };
    }
    if !lower {
        x = -x;
    }
    if x.abs() > 1.0 {
        let y = (1.0 / x).atan() / std::f64::consts::PI;
        if x > 0.0 {
            if log_p {
                (-y).ln_1p()
            } else {
                0.5 - y + 0.5
            }
        } else {
            super::dval(-y, log_p)
        }
    } else {
        super::dval(0.5 + x.atan() / std::f64::consts::PI, log_p)
    }
}
/// `qcauchy(p, location, scale, lower.tail, log.p)`.
pub fn qcauchy(p: f64, m: f64, s: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || m.is_nan() || s.is_nan() {
        return p + m + s;
    }
    if log_p {
        if p > 0.0 {
            return f64::NAN;
        }
    } else if !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if s <= 0.0 || !s.is_finite() {
        if s == 0.0 {
            return m;
        }
        return f64::NAN;
    }
    let mut p = p;
    let mut lower = lower;
    if log_p {
        if p > -1.0 {
            if p == 0.0 {
                return m + if lower { s } else { -s } * f64::INFINITY;
            }
            lower = !lower;
            p = -p.exp_m1();
        } else {
            p = p.exp();
        }
    } else if p > 0.5 {
        if p == 1.0 {
            return m + if lower { s } else { -s } * f64::INFINITY;
        }
        p = 1.0 - p;
        lower = !lower;
    }
    if p == 0.5 {
        return m;
    }
    if p == 0.0 {
        return m + if lower { s } else { -s } * f64::NEG_INFINITY;
    }
    m + if lower { -s } else { s } / tanpi(p)
}

/// tan(pi x), exact at multiples of 1/4 (R's Rtanpi).
pub fn tanpi(x: f64) -> f64 {
    let x = x % 1.0;
    let x = if x <= -0.5 {
        x + 1.0
    } else if x > 0.5 {
        x - 1.0
    } else {
        x
    };
    if x == 0.0 {
        0.0
    } else if x == 0.5 {
        f64::NAN
    } else if x == 0.25 {
        1.0
    } else if x == -0.25 {
        -1.0
    } else {
        (std::f64::consts::PI * x).tan()
    }
}
