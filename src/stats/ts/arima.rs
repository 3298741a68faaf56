//! ARIMA models in state-space form as R's `arima` sets them up: the state vector holds
//! the ARMA part (dimension r = max(p, q + 1)) followed by d lagged values of the series for
//! the differencing. The likelihood comes from a Kalman filter (exact for the stationary
//! part, a diffuse prior of variance kappa for the differenced states); the conditional
//! sum of squares from the residual recursion; and the parameter transformation maps the
//! real line to the stationary region through partial autocorrelations.

/// The state-space model: ARMA coefficients, the differencing polynomial and the filter
/// state (mean `a`, variance `p`, prior variance `pn`), all matrices column-major rd×rd.
#[derive(Clone, Debug)]
pub struct ArimaModel {
    pub phi: Vec<f64>,
    pub theta: Vec<f64>,
    pub delta: Vec<f64>,
    pub a: Vec<f64>,
    pub p: Vec<f64>,
    pub pn: Vec<f64>,
}

impl ArimaModel {
    pub fn r(&self) -> usize {
        self.phi.len().max(self.theta.len() + 1)
    }
    pub fn rd(&self) -> usize {
        self.r() + self.delta.len()
    }

    /// The transition matrix T (column-major rd×rd).
    pub fn t_matrix(&self) -> Vec<f64> {
        let (r, rd, d) = (self.r(), self.rd(), self.delta.len());
        let mut t = vec![0.0; rd * rd];
        for (i, &ph) in self.phi.iter().enumerate() {
            t[i] = ph;
        }
        for i in 1..r {
            t[(i - 1) + rd * i] = 1.0;
        }
        if d > 0 {
            // row r is Z = (1, 0.., delta)
            t[r] = 1.0;
            for (k, &dk) in self.delta.iter().enumerate() {
                t[r + rd * (r + k)] = dk;
            }
            for i in 1..d {
                t[(r + i) + rd * (r + i - 1)] = 1.0;
            }
        }
        t
    }

    /// The observation vector Z = (1, 0, .., 0, delta).
    pub fn z(&self) -> Vec<f64> {
        let mut z = vec![0.0; self.rd()];
        z[0] = 1.0;
        let r = self.r();
        for (k, &dk) in self.delta.iter().enumerate() {
            z[r + k] = dk;
        }
        z
    }

    /// V = R R' with R = (1, theta (padded to r - 1), 0...).
    pub fn v_matrix(&self) -> Vec<f64> {
        let rd = self.rd();
        let mut rv = vec![0.0; rd];
        rv[0] = 1.0;
        for (i, &th) in self.theta.iter().enumerate() {
            rv[i + 1] = th;
        }
        let mut v = vec![0.0; rd * rd];
        for j in 0..rd {
            for i in 0..rd {
                v[i + rd * j] = rv[i] * rv[j];
            }
        }
        v
    }
}

/// Multiplies two polynomials given by their coefficients (lowest order first).
pub fn poly_mul(a: &[f64], b: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; a.len() + b.len() - 1];
    for (i, &x) in a.iter().enumerate() {
        for (j, &y) in b.iter().enumerate() {
            out[i + j] += x * y;
        }
    }
    out
}

/// The stationary variance of the ARMA state (r×r, column-major): the solution of
/// P = T P T' + R R', summed as P = sum_k T^k V T'^k by repeated doubling.
pub fn q0(phi: &[f64], theta: &[f64]) -> Vec<f64> {
    let p = phi.len();
    let r = p.max(theta.len() + 1);
    if r == 1 {
        let ph = if p > 0 { phi[0] } else { 0.0 };
        return vec![1.0 / (1.0 - ph * ph)];
    }
    let mut t = vec![0.0; r * r];
    for (i, &ph) in phi.iter().enumerate() {
        t[i] = ph;
    }
    for i in 1..r {
        t[(i - 1) + r * i] = 1.0;
    }
    let mut rv = vec![0.0; r];
    rv[0] = 1.0;
    for (i, &th) in theta.iter().enumerate() {
        rv[i + 1] = th;
    }
    let mut pm = vec![0.0; r * r];
    for j in 0..r {
        for i in 0..r {
            pm[i + r * j] = rv[i] * rv[j];
        }
    }
    let mul = |a: &[f64], b: &[f64]| -> Vec<f64> {
        let mut c = vec![0.0; r * r];
        for j in 0..r {
            for k in 0..r {
                let bkj = b[k + r * j];
                if bkj != 0.0 {
                    for i in 0..r {
                        c[i + r * j] += a[i + r * k] * bkj;
                    }
                }
            }
        }
        c
    };
    let transpose = |a: &[f64]| -> Vec<f64> {
        let mut c = vec![0.0; r * r];
        for j in 0..r {
            for i in 0..r {
                c[j + r * i] = a[i + r * j];
            }
        }
        c
    };
    let mut a = t;
    for _ in 0..100 {
        // P <- P + A P A'
        let apa = mul(&mul(&a, &pm), &transpose(&a));
        let mut change = 0.0f64;
        let mut size = 0.0f64;
        for (x, y) in pm.iter_mut().zip(apa.iter()) {
            *x += *y;
            change = change.max(y.abs());
            size = size.max(x.abs());
        }
        if !(change > size * 1e-18) {
            break;
        }
        a = mul(&a, &a);
    }
    // symmetrise
    for j in 0..r {
        for i in j + 1..r {
            let m = 0.5 * (pm[i + r * j] + pm[j + r * i]);
            pm[i + r * j] = m;
            pm[j + r * i] = m;
        }
    }
    pm
}

/// A new model with its prior: zero state, stationary variance for the ARMA block and
/// kappa on the diagonal of the differencing block.
pub fn make_model(phi: &[f64], theta: &[f64], delta: &[f64], kappa: f64) -> ArimaModel {
    let p = phi.len();
    let q = theta.len();
    let r = p.max(q + 1);
    let d = delta.len();
    let rd = r + d;
    let mut th = theta.to_vec();
    th.resize(r - 1, 0.0);
    let mut pn = vec![0.0; rd * rd];
    let q0m = q0(phi, &th);
    for j in 0..r {
        for i in 0..r {
            pn[i + rd * j] = q0m[i + r * j];
        }
    }
    for i in 0..d {
        pn[(r + i) + rd * (r + i)] = kappa;
    }
    ArimaModel { phi: phi.to_vec(), theta: th, delta: delta.to_vec(), a: vec![0.0; rd], p: vec![0.0; rd * rd], pn }
}

/// The Kalman filter over y (NaN = missing). Returns (sum of squared standardised
/// innovations, sum of log gains, number used) and the standardised residuals; the
/// model's state ends at the last observation (for forecasting).
pub fn arima_like(y: &[f64], m: &mut ArimaModel, up: i64, want_resid: bool) -> (f64, f64, usize, Vec<f64>) {
    let r = m.r();
    let d = m.delta.len();
    let rd = r + d;
    let p = m.phi.len();
    let q = m.theta.len();
    let (phi, theta, delta) = (&m.phi, &m.theta, &m.delta);
    let a = &mut m.a;
    let pm = &mut m.p;
    let pnew = &mut m.pn;
    let mut anew = vec![0.0; rd];
    let mut mv = vec![0.0; rd];
    let mut mm = vec![0.0; if d > 0 { rd * rd } else { 0 }];
    let mut ssq = 0.0;
    let mut sumlog = 0.0;
    let mut nu = 0usize;
    let mut resid = if want_resid { vec![0.0; y.len()] } else { vec![] };
    for (l, &yl) in y.iter().enumerate() {
        for i in 0..r {
            let mut tmp = if i < r - 1 { a[i + 1] } else { 0.0 };
            if i < p {
                tmp += phi[i] * a[0];
            }
            anew[i] = tmp;
        }
        if d > 0 {
            for i in r + 1..rd {
                anew[i] = a[i - 1];
            }
            let mut tmp = a[0];
            for i in 0..d {
                tmp += delta[i] * a[r + i];
            }
            anew[r] = tmp;
        }
        if (l as i64) > up {
            if d == 0 {
                for i in 0..r {
                    let vi = if i == 0 { 1.0 } else if i - 1 < q { theta[i - 1] } else { 0.0 };
                    for j in 0..r {
                        let mut tmp = if j == 0 { vi } else if j - 1 < q { vi * theta[j - 1] } else { 0.0 };
                        if i < p && j < p {
                            tmp += phi[i] * phi[j] * pm[0];
                        }
                        if i < r - 1 && j < r - 1 {
                            tmp += pm[i + 1 + r * (j + 1)];
                        }
                        if i < p && j < r - 1 {
                            tmp += phi[i] * pm[j + 1];
                        }
                        if j < p && i < r - 1 {
                            tmp += phi[j] * pm[i + 1];
                        }
                        pnew[i + r * j] = tmp;
                    }
                }
            } else {
                // mm = T P
                for i in 0..r {
                    for j in 0..rd {
                        let mut tmp = 0.0;
                        if i < p {
                            tmp += phi[i] * pm[rd * j];
                        }
                        if i < r - 1 {
                            tmp += pm[i + 1 + rd * j];
                        }
                        mm[i + rd * j] = tmp;
                    }
                }
                for j in 0..rd {
                    let mut tmp = pm[rd * j];
                    for k in 0..d {
                        tmp += delta[k] * pm[r + k + rd * j];
                    }
                    mm[r + rd * j] = tmp;
                }
                for i in 1..d {
                    for j in 0..rd {
                        mm[r + i + rd * j] = pm[r + i - 1 + rd * j];
                    }
                }
                // Pnew = mm T'
                for i in 0..r {
                    for j in 0..rd {
                        let mut tmp = 0.0;
                        if i < p {
                            tmp += phi[i] * mm[j];
                        }
                        if i < r - 1 {
                            tmp += mm[rd * (i + 1) + j];
                        }
                        pnew[j + rd * i] = tmp;
                    }
                }
                for j in 0..rd {
                    let mut tmp = mm[j];
                    for k in 0..d {
                        tmp += delta[k] * mm[rd * (r + k) + j];
                    }
                    pnew[rd * r + j] = tmp;
                }
                for i in 1..d {
                    for j in 0..rd {
                        pnew[rd * (r + i) + j] = mm[rd * (r + i - 1) + j];
                    }
                }
                for i in 0..=q {
                    let vi = if i == 0 { 1.0 } else { theta[i - 1] };
                    for j in 0..=q {
                        pnew[i + rd * j] += vi * if j == 0 { 1.0 } else { theta[j - 1] };
                    }
                }
            }
        }
        if !yl.is_nan() {
            let mut res = yl - anew[0];
            for i in 0..d {
                res -= delta[i] * anew[r + i];
            }
            for i in 0..rd {
                let mut tmp = pnew[i];
                for j in 0..d {
                    tmp += pnew[i + (r + j) * rd] * delta[j];
                }
                mv[i] = tmp;
            }
            let mut gain = mv[0];
            for j in 0..d {
                gain += delta[j] * mv[r + j];
            }
            if gain < 1e4 {
                nu += 1;
                ssq += res * res / gain;
                sumlog += gain.ln();
            }
            if want_resid {
                resid[l] = res / gain.sqrt();
            }
            for i in 0..rd {
                a[i] = anew[i] + mv[i] * res / gain;
            }
            for i in 0..rd {
                for j in 0..rd {
                    pm[i + j * rd] = pnew[i + j * rd] - mv[i] * mv[j] / gain;
                }
            }
        } else {
            a.copy_from_slice(&anew);
            pm.copy_from_slice(pnew);
            if want_resid {
                resid[l] = crate::value::na_real();
            }
        }
    }
    (ssq, sumlog, nu, resid)
}

/// Conditional sum of squares: differences y (d times at lag 1, sd times at lag ns), runs
/// the ARMA residual recursion from ncond on; returns (ssq / used, residuals).
#[allow(clippy::too_many_arguments)]
pub fn arima_css(y: &[f64], d: usize, sd: usize, ns: usize, phi: &[f64], theta: &[f64], ncond: usize) -> (f64, Vec<f64>) {
    let n = y.len();
    let mut w = y.to_vec();
    for _ in 0..d {
        for l in (1..n).rev() {
            w[l] -= w[l - 1];
        }
    }
    for _ in 0..sd {
        for l in (ns..n).rev() {
            w[l] -= w[l - ns];
        }
    }
    let mut resid = vec![0.0; n];
    let mut ssq = 0.0;
    let mut nu = 0usize;
    for l in ncond..n {
        let mut tmp = w[l];
        for (j, &ph) in phi.iter().enumerate() {
            tmp -= ph * w[l - j - 1];
        }
        let lim = (l - ncond).min(theta.len());
        for j in 0..lim {
            tmp -= theta[j] * resid[l - j - 1];
        }
        resid[l] = tmp;
        if !tmp.is_nan() {
            nu += 1;
            ssq += tmp * tmp;
        }
    }
    (ssq / nu as f64, resid)
}

/// Maps unconstrained values to the coefficients of a stationary AR polynomial (tanh to
/// partial autocorrelations, then the Durbin-Levinson recursion).
pub fn partrans(raw: &[f64]) -> Vec<f64> {
    let p = raw.len();
    let mut new: Vec<f64> = raw.iter().map(|v| v.tanh()).collect();
    let mut work = new.clone();
    for j in 1..p {
        let a = new[j];
        for k in 0..j {
            work[k] -= a * new[j - k - 1];
        }
        new[..j].copy_from_slice(&work[..j]);
    }
    new
}

/// The inverse of `partrans`.
pub fn invpartrans(phi: &[f64]) -> Vec<f64> {
    let p = phi.len();
    let mut new = phi.to_vec();
    let mut work = new.clone();
    for j in (1..p).rev() {
        let a = new[j];
        for k in 0..j {
            work[k] = (new[k] + a * new[j - k - 1]) / (1.0 - a * a);
        }
        new[..j].copy_from_slice(&work[..j]);
    }
    new.iter().map(|v| v.atanh()).collect()
}

/// Model orders as R's `arma` vector: p, q, P, Q, period, d, D.
#[derive(Clone, Copy, Debug)]
pub struct Orders {
    pub p: usize,
    pub q: usize,
    pub sp: usize,
    pub sq: usize,
    pub ns: usize,
}

/// Applies `partrans` to the AR and seasonal AR blocks of the parameter vector.
pub fn undo_pars(par: &[f64], o: Orders) -> Vec<f64> {
    let mut out = par.to_vec();
    if o.p > 0 {
        out[..o.p].copy_from_slice(&partrans(&par[..o.p]));
    }
    let v = o.p + o.q;
    if o.sp > 0 {
        out[v..v + o.sp].copy_from_slice(&partrans(&par[v..v + o.sp]));
    }
    out
}

/// Applies `invpartrans` to the AR blocks.
pub fn inv_trans(par: &[f64], o: Orders) -> Vec<f64> {
    let mut out = par.to_vec();
    if o.p > 0 {
        out[..o.p].copy_from_slice(&invpartrans(&par[..o.p]));
    }
    let v = o.p + o.q;
    if o.sp > 0 {
        out[v..v + o.sp].copy_from_slice(&invpartrans(&par[v..v + o.sp]));
    }
    out
}

/// The full (seasonally expanded) phi and theta from the parameter vector, transformed
/// first when `trans`.
pub fn trans_pars(par: &[f64], o: Orders, trans: bool) -> (Vec<f64>, Vec<f64>) {
    let params = if trans { undo_pars(par, o) } else { par.to_vec() };
    let (mp, mq, msp, msq, ns) = (o.p, o.q, o.sp, o.sq, o.ns);
    let p = mp + ns * msp;
    let q = mq + ns * msq;
    let mut phi = vec![0.0; p];
    let mut theta = vec![0.0; q];
    phi[..mp].copy_from_slice(&params[..mp]);
    theta[..mq].copy_from_slice(&params[mp..mp + mq]);
    for j in 0..msp {
        let s = params[j + mp + mq];
        phi[(j + 1) * ns - 1] += s;
        for i in 0..mp {
            phi[(j + 1) * ns + i] -= params[i] * s;
        }
    }
    for j in 0..msq {
        let s = params[j + mp + mq + msp];
        theta[(j + 1) * ns - 1] += s;
        for i in 0..mq {
            theta[(j + 1) * ns + i] += params[i + mp] * s;
        }
    }
    (phi, theta)
}

/// The Jacobian of `undo_pars` by forward differences of step 1e-3 (n×n, column-major).
pub fn grad_trans(par: &[f64], o: Orders) -> Vec<f64> {
    let n = par.len();
    let eps = 1e-3;
    let mut a = vec![0.0; n * n];
    for i in 0..n {
        a[i + i * n] = 1.0;
    }
    let mut block = |off: usize, len: usize| {
        if len == 0 {
            return;
        }
        let mut w1 = par[off..off + len].to_vec();
        let w2 = partrans(&w1);
        for i in 0..len {
            w1[i] += eps;
            let w3 = partrans(&w1);
            for j in 0..len {
                a[(i + off) + (j + off) * n] = (w3[j] - w2[j]) / eps;
            }
            w1[i] -= eps;
        }
    };
    block(0, o.p);
    block(o.p + o.q, o.sp);
    a
}

/// Forecasts n steps ahead from the model's current state: means and variances (in units
/// of sigma^2).
pub fn forecast(n: usize, m: &ArimaModel) -> (Vec<f64>, Vec<f64>) {
    let rd = m.rd();
    let t = m.t_matrix();
    let z = m.z();
    let v = m.v_matrix();
    let mut a = m.a.clone();
    let mut p = m.p.clone();
    let mut preds = Vec::with_capacity(n);
    let mut vars = Vec::with_capacity(n);
    let mut anew = vec![0.0; rd];
    let mut mm = vec![0.0; rd * rd];
    for _ in 0..n {
        let mut fc = 0.0;
        for i in 0..rd {
            let mut tmp = 0.0;
            for k in 0..rd {
                tmp += t[i + rd * k] * a[k];
            }
            anew[i] = tmp;
            fc += tmp * z[i];
        }
        a.copy_from_slice(&anew);
        preds.push(fc);
        for i in 0..rd {
            for j in 0..rd {
                let mut tmp = 0.0;
                for k in 0..rd {
                    tmp += t[i + rd * k] * p[k + rd * j];
                }
                mm[i + rd * j] = tmp;
            }
        }
        let mut var = 0.0;
        for i in 0..rd {
            for j in 0..rd {
                let mut tmp = v[i + rd * j];
                for k in 0..rd {
                    tmp += mm[i + rd * k] * t[j + rd * k];
                }
                p[i + rd * j] = tmp;
            }
        }
        for i in 0..rd {
            for j in 0..rd {
                var += z[i] * z[j] * p[i + j * rd];
            }
        }
        vars.push(var);
    }
    (preds, vars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q0_of_ar1_and_arma11() {
        let p = q0(&[0.5], &[]);
        assert!((p[0] - 1.0 / 0.75).abs() < 1e-14);
        // ARMA(1,1): first element is the process variance (1 + 2 phi theta + theta^2)/(1 - phi^2)
        let p = q0(&[0.5], &[0.3]);
        let want = (1.0 + 2.0 * 0.5 * 0.3 + 0.09) / 0.75;
        assert!((p[0] - want).abs() < 1e-12, "{} vs {}", p[0], want);
    }

    #[test]
    fn partrans_inverts() {
        let raw = [0.3, -0.2, 0.1];
        let back = invpartrans(&partrans(&raw));
        for (a, b) in raw.iter().zip(back.iter()) {
            assert!((a - b).abs() < 1e-12);
        }
    }
}
