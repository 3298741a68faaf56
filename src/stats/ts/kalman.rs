//! The Kalman filter, smoother and forecaster of a general linear Gaussian state-space
//! model (R's KalmanLike/KalmanRun/KalmanSmooth/KalmanForecast):
//! y[t] = Z a[t] + eps[t], var(eps) = h;  a[t] = T a[t-1] + eta[t], var(eta) = V.
//! Matrices are p x p, column-major.

/// A state-space model and its filter state: `a`/`p` the current state and its variance,
/// `pn` the one-step-ahead variance of the last step.
#[derive(Clone, Debug)]
pub struct SsModel {
    pub z: Vec<f64>,
    pub a: Vec<f64>,
    pub p: Vec<f64>,
    pub t: Vec<f64>,
    pub v: Vec<f64>,
    pub h: f64,
    pub pn: Vec<f64>,
}

/// What a filter pass gives: ssq/nu and sumlog/nu, and when asked the standardized
/// innovations and the filtered states (n x p, column-major).
pub struct FilterOut {
    pub values: [f64; 2],
    pub resid: Vec<f64>,
    pub states: Vec<f64>,
}

impl SsModel {
    fn dim(&self) -> usize {
        self.a.len()
    }

    /// a <- T a
    fn predict_state(&self) -> Vec<f64> {
        let p = self.dim();
        (0..p).map(|i| (0..p).map(|k| self.t[i + p * k] * self.a[k]).sum()).collect()
    }

    /// T P T' + V
    fn predict_var(&self) -> Vec<f64> {
        let p = self.dim();
        let mut mm = vec![0.0; p * p];
        for i in 0..p {
            for j in 0..p {
                mm[i + p * j] = (0..p).map(|k| self.t[i + p * k] * self.p[k + p * j]).sum();
            }
        }
        let mut out = vec![0.0; p * p];
        for i in 0..p {
            for j in 0..p {
                let mut s = self.v[i + p * j];
                for k in 0..p {
                    s += mm[i + p * k] * self.t[j + p * k];
                }
                out[i + p * j] = s;
            }
        }
        out
    }

    /// One filter step on observation `y`: the predicted state, and (innovation, gain
    /// variance, P Z) when `y` is observed. Updates a, P and Pn.
    fn step(&mut self, y: f64, predict_var: bool) -> (Vec<f64>, Option<(f64, f64, Vec<f64>)>) {
        let p = self.dim();
        let anew = self.predict_state();
        if predict_var {
            self.pn = self.predict_var();
        }
        if y.is_nan() {
            self.a = anew.clone();
            self.p = self.pn.clone();
            return (anew, None);
        }
        let mut resid = y;
        for i in 0..p {
            resid -= self.z[i] * anew[i];
        }
        let mut gain = self.h;
        let mut m = vec![0.0; p];
        for i in 0..p {
            m[i] = (0..p).map(|j| self.pn[i + j * p] * self.z[j]).sum();
            gain += self.z[i] * m[i];
        }
        for i in 0..p {
            self.a[i] = anew[i] + m[i] * resid / gain;
        }
        for i in 0..p {
            for j in 0..p {
                self.p[i + j * p] = self.pn[i + j * p] - m[i] * m[j] / gain;
            }
        }
        (anew, Some((resid, gain, m)))
    }
}

/// Runs the filter over `y`; the variance is propagated at steps after `nit` (a negative
/// `nit` propagates from the first). `run` also keeps residuals and states.
pub fn filter(y: &[f64], m: &mut SsModel, nit: i64, run: bool) -> FilterOut {
    let n = y.len();
    let p = m.dim();
    let (mut ssq, mut sumlog, mut nu) = (0.0, 0.0, 0usize);
    let mut resid = if run { vec![crate::value::na_real(); n] } else { Vec::new() };
    let mut states = if run { vec![0.0; n * p] } else { Vec::new() };
    for (l, &yl) in y.iter().enumerate() {
        let (_, obs) = m.step(yl, l as i64 > nit);
        if let Some((r, gain, _)) = obs {
            nu += 1;
            ssq += r * r / gain;
            sumlog += gain.ln();
            if run {
                resid[l] = r / gain.sqrt();
            }
        } else if run {
            resid[l] = crate::value::na_real();
        }
        if run {
            for j in 0..p {
                states[l + n * j] = m.a[j];
            }
        }
    }
    FilterOut { values: [ssq / nu as f64, sumlog / nu as f64], resid, states }
}

/// Fixed-interval smoothing: the smoothed states (n x p) and their variances (n x p x p).
pub fn smooth(y: &[f64], model: &SsModel, nit: i64) -> (Vec<f64>, Vec<f64>) {
    let n = y.len();
    let mut m = model.clone();
    let p = m.dim();
    let mut at = vec![0.0; n * p];
    let mut pt = vec![0.0; n * p * p];
    let mut mt = vec![0.0; n * p];
    let mut gains = vec![f64::NAN; n];
    let mut resids = vec![f64::NAN; n];
    for (l, &yl) in y.iter().enumerate() {
        let (anew, obs) = m.step(yl, l as i64 > nit);
        for i in 0..p {
            at[l + n * i] = anew[i];
        }
        for i in 0..p * p {
            pt[l + n * i] = m.pn[i];
        }
        if let Some((r, gain, mm)) = obs {
            gains[l] = gain;
            resids[l] = r;
            for i in 0..p {
                mt[l + n * i] = mm[i];
            }
        }
    }
    let z = &m.z;
    let t = &m.t;
    let mut nt = vec![0.0; n * p * p];
    let mut rt = vec![0.0; n * p];
    let mut mm = vec![0.0; p * p];
    let mut lm = vec![0.0; p * p];
    for l in (0..n).rev() {
        let gn = if gains[l].is_nan() { 0.0 } else { 1.0 / gains[l] };
        for i in 0..p {
            rt[l + n * i] = if gains[l].is_nan() { 0.0 } else { z[i] * resids[l] * gn };
        }
        for i in 0..p {
            for j in 0..p {
                nt[l + n * i + n * p * j] = z[i] * z[j] * gn;
            }
        }
        if l + 1 < n {
            for i in 0..p {
                for j in 0..p {
                    mm[i + p * j] = if i == j { 1.0 } else { 0.0 } - mt[l + n * i] * z[j] * gn;
                }
            }
            for i in 0..p {
                for j in 0..p {
                    lm[i + p * j] = (0..p).map(|k| t[i + p * k] * mm[k + p * j]).sum();
                }
            }
            for i in 0..p {
                let s: f64 = (0..p).map(|j| lm[j + p * i] * rt[l + 1 + n * j]).sum();
                rt[l + n * i] += s;
            }
            for i in 0..p {
                for j in 0..p {
                    mm[i + p * j] = (0..p).map(|k| lm[k + p * i] * nt[l + 1 + n * k + n * p * j]).sum();
                }
            }
            for i in 0..p {
                for j in 0..p {
                    let s: f64 = (0..p).map(|k| mm[i + p * k] * lm[k + p * j]).sum();
                    nt[l + n * i + n * p * j] += s;
                }
            }
        }
        for i in 0..p {
            let s: f64 = (0..p).map(|j| pt[l + n * i + n * p * j] * rt[l + n * j]).sum();
            at[l + n * i] += s;
        }
    }
    for l in 0..n {
        for i in 0..p {
            for j in 0..p {
                mm[i + p * j] = (0..p).map(|k| pt[l + n * i + n * p * k] * nt[l + n * k + n * p * j]).sum();
            }
        }
        for i in 0..p {
            for j in 0..p {
                let mut s = pt[l + n * i + n * p * j];
                for k in 0..p {
                    s -= mm[i + p * k] * pt[l + n * k + n * p * j];
                }
                nt[l + n * i + n * p * j] = s;
            }
        }
    }
    (at, nt)
}

/// Forecasts `n` steps ahead: the predictions and their variances; the model's state and
/// variance are carried forward.
pub fn forecast(n: usize, m: &mut SsModel) -> (Vec<f64>, Vec<f64>) {
    let p = m.dim();
    let mut pred = Vec::with_capacity(n);
    let mut var = Vec::with_capacity(n);
    for _ in 0..n {
        m.a = m.predict_state();
        pred.push((0..p).map(|i| m.a[i] * m.z[i]).sum());
        m.p = m.predict_var();
        let mut s = m.h;
        for i in 0..p {
            for j in 0..p {
                s += m.z[i] * m.z[j] * m.p[i + j * p];
            }
        }
        var.push(s);
    }
    (pred, var)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(h: f64, v: f64) -> SsModel {
        SsModel { z: vec![1.0], a: vec![0.0], p: vec![1e6], t: vec![1.0], v: vec![v], h, pn: vec![0.0] }
    }

    #[test]
    fn local_level_filter_matches_hand_recursion() {
        let y = [1.0, 2.0, f64::NAN, 4.0];
        let mut m = level(0.5, 0.25);
        let out = filter(&y, &mut m, -1, true);
        // step 1: Pn = 1e6 + 0.25, gain = Pn + 0.5
        let pn1: f64 = 1e6 + 0.25;
        let g1 = pn1 + 0.5;
        assert!((out.resid[0] - 1.0 / g1.sqrt()).abs() < 1e-15);
        assert!(out.resid[2].is_nan());
        assert_eq!(out.states.len(), 4);
        let (pred, var) = forecast(2, &mut m);
        assert_eq!(pred[0], pred[1]);
        assert!(var[1] > var[0]);
    }

    #[test]
    fn smoother_ends_at_filtered_state() {
        let y = [1.0, 3.0, 2.0, 5.0];
        let m0 = level(1.0, 1.0);
        let mut m = m0.clone();
        let out = filter(&y, &mut m, -1, true);
        let (s, _) = smooth(&y, &m0, -1);
        assert!((s[3] - out.states[3]).abs() < 1e-9);
    }
}
