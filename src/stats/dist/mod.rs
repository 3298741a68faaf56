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
pub mod noncentral;
pub mod noncentral_dq;
pub mod signrank;
pub mod other;
pub mod pgamma;
pub mod qbeta;
pub mod toms708;
mod toms708_fns;
pub mod tukey;

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
