//! Time-series numerics: recursive filtering, and ARIMA models (state-space form, Kalman
//! filter likelihood, forecasting) in `arima`.

pub mod arima;
pub mod kalman;
pub mod roots;
pub mod stl;

/// The recursive filter y[i] = x[i] + sum_j f[j] y[i-j], started from `init` (the values
/// before the first observation, most recent last). An NA in the recursion makes that
/// output NA.
pub fn rfilter(x: &[f64], f: &[f64], init: &[f64]) -> Vec<f64> {
    let nf = f.len();
    let mut r: Vec<f64> = Vec::with_capacity(nf + x.len());
    r.extend_from_slice(init);
    for (i, &xi) in x.iter().enumerate() {
        let mut sum = xi;
        let mut ok = true;
        for (j, &fj) in f.iter().enumerate() {
            let t = r[nf + i - j - 1];
            if t.is_nan() {
                ok = false;
                break;
            }
            sum += t * fj;
        }
        r.push(if ok { sum } else { crate::value::na_real() });
    }
    r.split_off(nf)
}

/// Holt-Winters filtering state: the level, trend and seasonal paths and the sum of squared
/// one-step prediction errors.
pub struct HoltWintersFit {
    pub sse: f64,
    pub level: Vec<f64>,
    pub trend: Vec<f64>,
    pub season: Vec<f64>,
}

/// Runs the Holt-Winters recursions from observation `start_time` (1-based) with level
/// start `a`, trend start `b` and seasonal starts `s` (one period); `additive` chooses
/// the seasonal form. Without a trend or season those parts stay at zero (or one).
#[allow(clippy::too_many_arguments)]
pub fn holt_winters(
    x: &[f64],
    alpha: f64,
    beta: f64,
    gamma: f64,
    start_time: usize,
    additive: bool,
    period: usize,
    dotrend: bool,
    doseasonal: bool,
    a: f64,
    b: f64,
    s: &[f64],
) -> HoltWintersFit {
    let xl = x.len();
    let len = xl + 1 - start_time;
    let mut level = vec![0.0; len + 1];
    let mut trend = vec![0.0; len + 1];
    let mut season = vec![0.0; len + period];
    level[0] = a;
    if dotrend {
        trend[0] = b;
    }
    if doseasonal {
        season[..period].copy_from_slice(&s[..period]);
    }
    let mut sse = 0.0;
    for i in start_time - 1..xl {
        let i0 = i + 2 - start_time;
        let s0 = i0 + period - 1;
        let mut xhat = level[i0 - 1] + if dotrend { trend[i0 - 1] } else { 0.0 };
        let stmp = if doseasonal {
            season[s0 - period]
        } else if additive {
            0.0
        } else {
            1.0
        };
        if additive {
            xhat += stmp;
        } else {
            xhat *= stmp;
        }
        let res = x[i] - xhat;
        sse += res * res;
        level[i0] = if additive {
            alpha * (x[i] - stmp) + (1.0 - alpha) * (level[i0 - 1] + trend[i0 - 1])
        } else {
            alpha * (x[i] / stmp) + (1.0 - alpha) * (level[i0 - 1] + trend[i0 - 1])
        };
        if dotrend {
            trend[i0] = beta * (level[i0] - level[i0 - 1]) + (1.0 - beta) * trend[i0 - 1];
        }
        if doseasonal {
            season[s0] = if additive {
                gamma * (x[i] - level[i0]) + (1.0 - gamma) * stmp
            } else {
                gamma * (x[i] / level[i0]) + (1.0 - gamma) * stmp
            };
        }
    }
    HoltWintersFit { sse, level, trend, season }
}
