//! Numeric kernels shared by the math builtins: gamma and log-gamma (from the distributions
//! module), and R 4's
//! decimal rounding (`round`) and significant-digit rounding (`signif`).

/// The gamma function (the distributions' implementation).
pub fn gamma_fn(x: f64) -> f64 {
    crate::stats::dist::gamma::gammafn(x)
}

/// log|gamma(x)|.
pub fn lgamma_fn(x: f64) -> f64 {
    crate::stats::dist::gamma::lgammafn(x)
}

/// R's `R_pow_di`: x^n by repeated squaring.
pub fn pow_di(mut x: f64, mut n: i32) -> f64 {
    let mut xn = 1.0;
    if x.is_nan() {
        return x;
    }
    if n != 0 {
        if !x.is_finite() {
            return x.powi(n);
        }
        let neg = n < 0;
        if neg {
            n = -n;
        }
        loop {
            if n & 1 != 0 {
                xn *= x;
            }
            n >>= 1;
            if n != 0 {
                x *= x;
            } else {
                break;
            }
        }
        if neg {
            xn = 1.0 / xn;
        }
    }
    xn
}

pub(crate) fn rint(x: f64) -> f64 {
    // round half to even
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round_ties_even_compat()
    } else {
        r
    }
}

trait TiesEven {
    fn round_ties_even_compat(self) -> f64;
}
impl TiesEven for f64 {
    fn round_ties_even_compat(self) -> f64 {
        let r = self.round();
        if (self - self.trunc()).abs() == 0.5 {
            let t = self.trunc();
            if t % 2.0 == 0.0 {
                t
            } else {
                r
            }
        } else {
            r
        }
    }
}

/// R 4's `round(x, digits)`: picks the closer of the two decimal candidates, the even one on ties.
pub fn fround(x: f64, digits: f64) -> f64 {
    if x.is_nan() || digits.is_nan() {
        return x + digits;
    }
    if !x.is_finite() || digits > 323.0 || x == 0.0 {
        return x;
    }
    if digits < -308.0 {
        return 0.0;
    }
    if digits == 0.0 {
        return x.round_ties_even_compat();
    }
    let dig = (digits + 0.5).floor() as i32;
    if x < 0.0 {
        -private_fround(-x, dig)
    } else {
        private_fround(x, dig)
    }
}

fn logb(x: f64) -> f64 {
    // exponent of x as in C logb for finite nonzero x
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i64;
    if e == 0 {
        // subnormal
        (x.abs().log2()).floor()
    } else {
        (e - 1023) as f64
    }
}

fn private_fround(x: f64, dig: i32) -> f64 {
    let l10x = std::f64::consts::LOG10_2 * (0.5 + logb(x));
    if l10x + dig as f64 > 15.0 {
        return x;
    }
    let (xd, xu, i10) = if dig <= 308 {
        let p10 = pow_di(10.0, dig);
        let x10 = p10 * x;
        let i10 = x10.floor();
        (i10 / p10, x10.ceil() / p10, i10)
    } else {
        let e10 = dig - 308;
        let p10 = pow_di(10.0, e10);
        let pow10 = pow_di(10.0, 308);
        let x10 = (x * pow10) * p10;
        let i10 = x10.floor();
        ((i10 / pow10) / p10, (x10.ceil() / pow10) / p10, i10)
    };
    let du = xu - x;
    let dd = x - xd;
    if du < dd || (du == dd && i10 % 2.0 == 1.0) {
        xu
    } else {
        xd
    }
}

/// R's `signif(x, digits)`.
pub fn fprec(x: f64, digits: f64) -> f64 {
    if x.is_nan() || digits.is_nan() {
        return x + digits;
    }
    if !x.is_finite() {
        return x;
    }
    let digits = if !digits.is_finite() {
        if digits > 0.0 {
            return x;
        }
        1.0
    } else {
        digits
    };
    if x == 0.0 {
        return x;
    }
    let mut dig = digits.round() as i32;
    if dig > 22 {
        return x;
    } else if dig < 1 {
        dig = 1;
    }
    let (sgn, x) = if x < 0.0 { (-1.0, -x) } else { (1.0, x) };
    let l10 = x.log10();
    let mut e10 = dig - 1 - l10.floor() as i32;
    let max10e = 308;
    if l10.abs() < (max10e - 2) as f64 {
        let mut p10 = 1.0;
        if e10 > max10e {
            p10 = pow_di(10.0, e10 - max10e);
            e10 = max10e;
        }
        if e10 > 0 {
            let pow10 = pow_di(10.0, e10);
            sgn * (rint((x * pow10) * p10) / pow10) / p10
        } else {
            let pow10 = pow_di(10.0, -e10);
            sgn * (rint(x / pow10) * pow10)
        }
    } else {
        let do_round = max10e as f64 - l10 >= pow_di(10.0, -dig);
        let e2 = dig + if e10 > 0 { 1 } else { -1 } * 16;
        let p10 = pow_di(10.0, e2);
        let x = x * p10;
        let pp = pow_di(10.0, e10 - e2);
        let x = x * pp;
        let x = if do_round { x + 0.5 } else { x };
        let x = x.floor() / pp;
        sgn * x / p10
    }
}
