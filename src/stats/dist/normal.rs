//! The normal distribution: Cody's rational Chebyshev approximations for the
//! distribution function and Wichura's AS 241 for the quantile function.

use super::{d0, dt0, dt1, q_boundaries, INV_SQRT_2PI, LN_SQRT_2PI};

const A: [f64; 5] = [
    2.2352520354606839287,
    161.02823106855587881,
    1067.6894854603709582,
    18154.981253343561249,
    0.065682337918207449113,
];
const B: [f64; 4] = [
    47.20258190468824187,
    976.09855173777669322,
    10260.932208618978205,
    45507.789335026729956,
];
const C: [f64; 9] = [
    0.39894151208813466764,
    8.8831497943883759412,
    93.506656132177855979,
    597.27027639480026226,
    2494.5375852903726711,
    6848.1904505362823326,
    11602.651437647350124,
    9842.7148383839780218,
    1.0765576773720192317e-8,
];
const D: [f64; 8] = [
    22.266688044328115691,
    235.38790178262499861,
    1519.377599407554805,
    6485.558298266760755,
    18615.571640885098091,
    34900.952721145977266,
    38912.003286093271411,
    19685.429676859990727,
];
const P: [f64; 6] = [
    0.21589853405795699,
    0.1274011611602473639,
    0.022235277870649807,
    0.001421619193227893466,
    2.9112874951168792e-5,
    0.02307344176494017303,
];
const Q: [f64; 5] = [
    1.28426009614491121,
    0.468238212480865118,
    0.0659881378689285515,
    0.00378239633202758244,
    7.29751555083966205e-5,
];

/// Both tails of the standard normal at `x`: `(lower, upper)`, on the log scale when `log_p`.
pub fn pnorm_both(x: f64, log_p: bool) -> (f64, f64) {
    if x.is_nan() {
        return (x, x);
    }
    let y = x.abs();
    let (mut cum, mut ccum);
    if y <= 0.66291 {
        let xsq = if y > f64::EPSILON * 0.5 { x * x } else { 0.0 };
        let mut xnum = A[4] * xsq;
        let mut xden = xsq;
        for i in 0..3 {
            xnum = (xnum + A[i]) * xsq;
            xden = (xden + B[i]) * xsq;
        }
        let temp = x * (xnum + A[3]) / (xden + B[3]);
        cum = 0.5 + temp;
        ccum = 0.5 - temp;
        if log_p {
            cum = cum.ln();
            ccum = ccum.ln();
        }
        return (cum, ccum);
    }
    let temp;
    if y <= 32f64.sqrt() {
        let mut xnum = C[8] * y;
        let mut xden = y;
        for i in 0..7 {
            xnum = (xnum + C[i]) * y;
            xden = (xden + D[i]) * y;
        }
        temp = (xnum + C[7]) / (xden + D[7]);
    } else if log_p || (-37.5193 < x && x < 37.5193) {
        let xsq = 1.0 / (x * x);
        let mut xnum = P[5] * xsq;
        let mut xden = xsq;
        for i in 0..4 {
            xnum = (xnum + P[i]) * xsq;
            xden = (xden + Q[i]) * xsq;
        }
        let t = xsq * (xnum + P[4]) / (xden + Q[4]);
        temp = (INV_SQRT_2PI - t) / y;
    } else {
        return if x > 0.0 {
            (super::d1(log_p), d0(log_p))
        } else {
            (d0(log_p), super::d1(log_p))
        };
    }
    // do_del(y)
    let xsq = (y * 16.0).trunc() / 16.0;
    let del = (y - xsq) * (y + xsq);
    if log_p {
        cum = (-xsq * xsq * 0.5) + (-del * 0.5) + temp.ln();
        ccum = (-(-xsq * xsq * 0.5).exp() * (-del * 0.5).exp() * temp).ln_1p();
    } else {
        cum = (-xsq * xsq * 0.5).exp() * (-del * 0.5).exp() * temp;
        ccum = 1.0 - cum;
    }
    if x > 0.0 {
        std::mem::swap(&mut cum, &mut ccum);
    }
    if !log_p {
        if cum < f64::MIN_POSITIVE {
            cum = 0.0;
        }
        if ccum < f64::MIN_POSITIVE {
            ccum = 0.0;
        }
    }
    (cum, ccum)
}

/// `pnorm(x, mean, sd, lower.tail, log.p)`.
pub fn pnorm(x: f64, mu: f64, sigma: f64, lower: bool, log_p: bool) -> f64 {
    if x.is_nan() || mu.is_nan() || sigma.is_nan() {
        return x + mu + sigma;
    }
    if !x.is_finite() && mu == x {
        return f64::NAN;
    }
    if sigma <= 0.0 {
        if sigma < 0.0 {
            return f64::NAN;
        }
        return if x < mu {
            dt0(lower, log_p)
        } else {
            dt1(lower, log_p)
        };
    }
    let p = (x - mu) / sigma;
    if !p.is_finite() {
        return if x < mu {
            dt0(lower, log_p)
        } else {
            dt1(lower, log_p)
        };
    }
    let (c, cc) = pnorm_both(p, log_p);
    if lower {
        c
    } else {
        cc
    }
}

/// `dnorm(x, mean, sd, log)`.
pub fn dnorm(x: f64, mu: f64, sigma: f64, log: bool) -> f64 {
    if x.is_nan() || mu.is_nan() || sigma.is_nan() {
        return x + mu + sigma;
    }
    if sigma < 0.0 {
        return f64::NAN;
    }
    if !sigma.is_finite() {
        return d0(log);
    }
    if !x.is_finite() && mu == x {
        return f64::NAN;
    }
    if sigma == 0.0 {
        return if x == mu { f64::INFINITY } else { d0(log) };
    }
    let z = ((x - mu) / sigma).abs();
    if !z.is_finite() {
        return d0(log);
    }
    if z >= 2.0 * f64::MAX.sqrt() {
        return d0(log);
    }
    if log {
        return -(LN_SQRT_2PI + 0.5 * z * z + sigma.ln());
    }
    if z < 5.0 {
        return INV_SQRT_2PI * (-0.5 * z * z).exp() / sigma;
    }
    // beyond this the density underflows
    if z > (-2.0
        * std::f64::consts::LN_2
        * (f64::MIN_EXP as f64 + 1.0 - f64::MANTISSA_DIGITS as f64))
        .sqrt()
    {
        return 0.0;
    }
    let x1 = (z * 65536.0).round_ties_even() / 65536.0;
    let x2 = z - x1;
    INV_SQRT_2PI / sigma * ((-0.5 * x1 * x1).exp() * ((-0.5 * x2 - x1) * x2).exp())
}

/// `qnorm(p, mean, sd, lower.tail, log.p)`.
pub fn qnorm(p: f64, mu: f64, sigma: f64, lower: bool, log_p: bool) -> f64 {
    if p.is_nan() || mu.is_nan() || sigma.is_nan() {
        return p + mu + sigma;
    }
    if let Err(v) = q_boundaries(p, f64::NEG_INFINITY, f64::INFINITY, lower, log_p) {
        return v;
    }
    if sigma < 0.0 {
        return f64::NAN;
    }
    if sigma == 0.0 {
        return mu;
    }
    let p_ = super::p_lower(p, lower, log_p);
    let q = p_ - 0.5;
    let val;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        val = q
            * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r
                + 67265.770927008700853)
                * r
                + 45921.953931549871457)
                * r
                + 13731.693765509461125)
                * r
                + 1971.5909503065514427)
                * r
                + 133.14166789178437745)
                * r
                + 3.387132872796366608)
            / (((((((r * 5226.495278852854561 + 28729.085735721942674) * r
                + 39307.89580009271061)
                * r
                + 21213.794301586595867)
                * r
                + 5394.1960214247511077)
                * r
                + 687.1870074920579083)
                * r
                + 42.313330701600911252)
                * r
                + 1.0);
        return mu + sigma * val;
    }
    let lr = if log_p && ((lower && q <= 0.0) || (!lower && q > 0.0)) {
        p
    } else if q > 0.0 {
        super::p_upper(p, lower, log_p).ln()
    } else {
        p_.ln()
    };
    let mut r = (-lr).sqrt();
    let mut v;
    if r <= 5.0 {
        r -= 1.6;
        v = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r
            + 0.24178072517745061177)
            * r
            + 1.27045825245236838258)
            * r
            + 3.64784832476320460504)
            * r
            + 5.7694972214606914055)
            * r
            + 4.6303378461565452959)
            * r
            + 1.42343711074968357734)
            / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r
                + 0.0151986665636164571966)
                * r
                + 0.14810397642748007459)
                * r
                + 0.68976733498510000455)
                * r
                + 1.6763848301838038494)
                * r
                + 2.05319162663775882187)
                * r
                + 1.0);
    } else if r >= 816.0 {
        v = r * std::f64::consts::SQRT_2;
    } else {
        r -= 5.0;
        v = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r
            + 0.0012426609473880784386)
            * r
            + 0.026532189526576123093)
            * r
            + 0.29656057182850489123)
            * r
            + 1.7848265399172913358)
            * r
            + 5.4637849111641143699)
            * r
            + 6.6579046435011037772)
            / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r
                + 1.8463183175100546818e-5)
                * r
                + 7.868691311456132591e-4)
                * r
                + 0.0148753612908506148525)
                * r
                + 0.13692988092273580531)
                * r
                + 0.59983220655588793769)
                * r
                + 1.0);
    }
    if q < 0.0 {
        v = -v;
    }
    mu + sigma * v
}
