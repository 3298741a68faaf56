//! Interpolation: `approx`'s linear and constant rules, and cubic interpolating splines
//! (Forsythe–Malcolm–Moler, natural and periodic end conditions) as R's `spline` builds them.

/// Interpolates at `v` from sorted knots `(x, y)`: `constant` steps with right weight `f`,
/// else linear; outside `[x[0], x[n-1]]` gives `yleft`/`yright`. NaN in `v` stays NaN.
pub fn approx_one(x: &[f64], y: &[f64], v: f64, constant: bool, yleft: f64, yright: f64, f: f64) -> f64 {
    let n = x.len();
    if n == 0 || v.is_nan() {
        return v;
    }
    if v < x[0] {
        return yleft;
    }
    if v > x[n - 1] {
        return yright;
    }
    // bisection: x[i] <= v <= x[j]
    let (mut i, mut j) = (0usize, n - 1);
    while i + 1 < j {
        let k = (i + j) / 2;
        if v < x[k] {
            j = k;
        } else {
            i = k;
        }
    }
    if v == x[j] {
        return y[j];
    }
    if v == x[i] {
        return y[i];
    }
    if constant {
        let (f1, f2) = (1.0 - f, f);
        let a = if f1 != 0.0 { y[i] * f1 } else { 0.0 };
        let b = if f2 != 0.0 { y[j] * f2 } else { 0.0 };
        a + b
    } else {
        y[i] + (y[j] - y[i]) * ((v - x[i]) / (x[j] - x[i]))
    }
}

/// Spline coefficients: value at `x[i] + d` is `y[i] + d*(b[i] + d*(c[i] + d*d_[i]))`.
#[derive(Debug, Clone)]
pub struct SplineCoef {
    /// 1 periodic, 2 natural, 3 fmm (R's codes).
    pub method: i32,
    pub b: Vec<f64>,
    pub c: Vec<f64>,
    pub d: Vec<f64>,
}

/// Cubic spline coefficients through `(x, y)` (x strictly increasing).
pub fn spline_coef(method: i32, x: &[f64], y: &[f64]) -> SplineCoef {
    let n = x.len();
    let (mut b, mut c, mut d) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    match method {
        1 => periodic(x, y, &mut b, &mut c, &mut d),
        2 => natural(x, y, &mut b, &mut c, &mut d),
        _ => fmm(x, y, &mut b, &mut c, &mut d),
    }
    SplineCoef { method, b, c, d }
}

fn linear_case(x: &[f64], y: &[f64], b: &mut [f64], c: &mut [f64], d: &mut [f64]) {
    let t = (y[1] - y[0]) / (x[1] - x[0]);
    b[0] = t;
    b[1] = t;
    c[0] = 0.0;
    c[1] = 0.0;
    d[0] = 0.0;
    d[1] = 0.0;
}

fn fmm(x: &[f64], y: &[f64], b: &mut [f64], c: &mut [f64], d: &mut [f64]) {
    let n = x.len();
    if n < 2 {
        return;
    }
    if n < 3 {
        return linear_case(x, y, b, c, d);
    }
    let nm1 = n - 1;
    // tridiagonal system: b diagonal, d off-diagonal, c right-hand side
    d[0] = x[1] - x[0];
    c[1] = (y[1] - y[0]) / d[0];
    for i in 1..nm1 {
        d[i] = x[i + 1] - x[i];
        b[i] = 2.0 * (d[i - 1] + d[i]);
        c[i + 1] = (y[i + 1] - y[i]) / d[i];
        c[i] = c[i + 1] - c[i];
    }
    // end conditions: third derivatives matched to those of cubics through the end points
    b[0] = -d[0];
    b[nm1] = -d[n - 2];
    c[0] = 0.0;
    c[nm1] = 0.0;
    if n > 3 {
        c[0] = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0]);
        c[nm1] = c[n - 2] / (x[nm1] - x[n - 3]) - c[n - 3] / (x[n - 2] - x[n - 4]);
        c[0] = c[0] * d[0] * d[0] / (x[3] - x[0]);
        c[nm1] = -c[nm1] * d[n - 2] * d[n - 2] / (x[nm1] - x[n - 4]);
    }
    for i in 1..n {
        let t = d[i - 1] / b[i - 1];
        b[i] -= t * d[i - 1];
        c[i] -= t * c[i - 1];
    }
    c[nm1] /= b[nm1];
    for i in (0..nm1).rev() {
        c[i] = (c[i] - d[i] * c[i + 1]) / b[i];
    }
    b[nm1] = (y[nm1] - y[n - 2]) / d[n - 2] + d[n - 2] * (c[n - 2] + 2.0 * c[nm1]);
    for i in 0..nm1 {
        b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2.0 * c[i]);
        d[i] = (c[i + 1] - c[i]) / d[i];
        c[i] *= 3.0;
    }
    c[nm1] *= 3.0;
    d[nm1] = d[n - 2];
}

fn natural(x: &[f64], y: &[f64], b: &mut [f64], c: &mut [f64], d: &mut [f64]) {
    let n = x.len();
    if n < 2 {
        return;
    }
    if n < 3 {
        return linear_case(x, y, b, c, d);
    }
    let nm1 = n - 1;
    d[0] = x[1] - x[0];
    c[1] = (y[1] - y[0]) / d[0];
    for i in 1..nm1 {
        d[i] = x[i + 1] - x[i];
        b[i] = 2.0 * (d[i - 1] + d[i]);
        c[i + 1] = (y[i + 1] - y[i]) / d[i];
        c[i] = c[i + 1] - c[i];
    }
    for i in 2..nm1 {
        let t = d[i - 1] / b[i - 1];
        b[i] -= t * d[i - 1];
        c[i] -= t * c[i - 1];
    }
    c[nm1 - 1] /= b[nm1 - 1];
    for i in (1..nm1 - 1).rev() {
        c[i] = (c[i] - d[i] * c[i + 1]) / b[i];
    }
    c[0] = 0.0;
    c[nm1] = 0.0;
    b[0] = (y[1] - y[0]) / d[0] - d[0] * c[1];
    d[0] = c[1] / d[0];
    b[nm1] = (y[nm1] - y[n - 2]) / d[n - 2] + d[n - 2] * c[n - 2];
    for i in 1..nm1 {
        b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2.0 * c[i]);
        d[i] = (c[i + 1] - c[i]) / d[i];
        c[i] *= 3.0;
    }
    c[nm1] = 0.0;
    d[nm1] = 0.0;
}

/// Periodic end conditions (y[n-1] == y[0]): first and second derivatives agree at the ends.
/// The cyclic tridiagonal system for the half second derivatives is solved by elimination
/// with a fill-in last column and row.
fn periodic(x: &[f64], y: &[f64], b: &mut [f64], c: &mut [f64], d: &mut [f64]) {
    let n = x.len();
    if n < 2 || y[0] != y[n - 1] {
        return;
    }
    if n == 2 {
        b[0] = 0.0;
        b[1] = 0.0;
        c[0] = 0.0;
        c[1] = 0.0;
        d[0] = 0.0;
        d[1] = 0.0;
        return;
    }
    let nm1 = n - 1;
    if n == 3 {
        let t = -(y[0] - y[1]) * (x[0] - 2.0 * x[1] + x[2]) / (x[2] - x[1]) / (x[1] - x[0]);
        b[0] = t;
        b[1] = -t;
        b[2] = t;
        c[0] = -3.0 * (y[0] - y[1]) / (x[2] - x[1]) / (x[1] - x[0]);
        c[1] = -c[0];
        c[2] = c[0];
        d[0] = -2.0 * c[0] / 3.0 / (x[1] - x[0]);
        d[1] = -d[0] * (x[1] - x[0]) / (x[2] - x[1]);
        d[2] = d[0];
        return;
    }
    // unknowns s[0..nm1] (s[i] = second derivative / 2 at x[i]), cyclic
    let m = nm1;
    let h: Vec<f64> = (0..m).map(|i| x[i + 1] - x[i]).collect();
    let slope: Vec<f64> = (0..m).map(|i| (y[i + 1] - y[i]) / h[i]).collect();
    // row i (0..m): h[i-1] s[i-1] + 2(h[i-1]+h[i]) s[i] + h[i] s[i+1] = 3 (slope[i] - slope[i-1])
    let hp = |i: usize| h[(i + m - 1) % m];
    let mut diag: Vec<f64> = (0..m).map(|i| 2.0 * (hp(i) + h[i])).collect();
    let mut rhs: Vec<f64> = (0..m).map(|i| 3.0 * (slope[i] - slope[(i + m - 1) % m])).collect();
    let mut sub: Vec<f64> = (0..m).map(hp).collect(); // coefficient of s[i-1] in row i
    let sup: Vec<f64> = h.clone(); // coefficient of s[i+1] in row i
    // dense-in-last-column elimination (rows 0..m), column m-1 accumulates fill-in
    let mut last_col = vec![0.0; m]; // coefficient of s[m-1] in row i (i < m-1)
    last_col[0] = sub[0];
    sub[0] = 0.0;
    let mut last_row = vec![0.0; m]; // coefficient of s[j] in row m-1
    last_row[0] = sup[m - 1];
    last_row[m - 2] += sub[m - 1];
    last_row[m - 1] = diag[m - 1];
    let mut last_rhs = rhs[m - 1];
    for i in 0..m - 1 {
        // eliminate s[i] from row i+1 (if i+1 < m-1) and from the last row
        if i + 1 < m - 1 {
            let t = sub[i + 1] / diag[i];
            diag[i + 1] -= t * sup[i];
            rhs[i + 1] -= t * rhs[i];
            last_col[i + 1] -= t * last_col[i];
        } else {
            last_col[i] += sup[i];
        }
        let t = last_row[i] / diag[i];
        if i + 1 < m - 1 {
            last_row[i + 1] -= t * sup[i];
        }
        last_row[m - 1] -= t * last_col[i];
        last_rhs -= t * rhs[i];
        last_row[i] = 0.0;
    }
    let mut s = vec![0.0; m];
    s[m - 1] = last_rhs / last_row[m - 1];
    for i in (0..m - 1).rev() {
        let mut r = rhs[i] - last_col[i] * s[m - 1];
        if i + 1 < m - 1 {
            r -= sup[i] * s[i + 1];
        }
        s[i] = r / diag[i];
    }
    for i in 0..m {
        let s1 = s[(i + 1) % m];
        c[i] = s[i];
        b[i] = slope[i] - h[i] * (s1 + 2.0 * s[i]) / 3.0;
        d[i] = (s1 - s[i]) / (3.0 * h[i]);
    }
    b[nm1] = b[0];
    c[nm1] = c[0];
    d[nm1] = d[0];
}

/// Evaluates spline coefficients at `u` (R's `spline_eval`): natural splines extrapolate
/// linearly to the left, periodic ones wrap `u` into the period.
pub fn spline_eval(u: &[f64], x: &[f64], y: &[f64], z: &SplineCoef) -> Vec<f64> {
    let n = x.len();
    let mut out = vec![0.0; u.len()];
    if n == 0 {
        return out;
    }
    let period = x[n - 1] - x[0];
    let mut i = 0usize;
    for (l, &u0) in u.iter().enumerate() {
        let mut ul = u0;
        if z.method == 1 && n > 1 {
            ul = (ul - x[0]) % period;
            if ul < 0.0 {
                ul += period;
            }
            ul += x[0];
        }
        if ul < x[i] || (i < n - 1 && x[i + 1] < ul) {
            i = 0;
            let mut j = n;
            loop {
                let k = (i + j) / 2;
                if ul < x[k] {
                    j = k;
                } else {
                    i = k;
                }
                if j <= i + 1 {
                    break;
                }
            }
        }
        let dx = ul - x[i];
        let di = if z.method == 2 && ul < x[0] { 0.0 } else { z.d[i] };
        out[l] = y[i] + dx * (z.b[i] + dx * (z.c[i] + dx * di));
    }
    out
}

/// Fritsch–Carlson adjustment of Hermite slopes `m` (length n) for monotonicity, given the
/// secant slopes `sx` (length n-1).
pub fn mono_fc_m(m: &mut [f64], sx: &[f64]) {
    for k in 0..sx.len() {
        let sk = sx[k];
        if sk == 0.0 {
            m[k] = 0.0;
            m[k + 1] = 0.0;
        } else {
            let alpha = m[k] / sk;
            let beta = m[k + 1] / sk;
            let a2b3 = 2.0 * alpha + beta - 3.0;
            let ab23 = alpha + 2.0 * beta - 3.0;
            if a2b3 > 0.0 && ab23 > 0.0 && alpha * (a2b3 + ab23) < a2b3 * a2b3 {
                let tau = 3.0 * sk / (alpha * alpha + beta * beta).sqrt();
                m[k] = tau * alpha;
                m[k + 1] = tau * beta;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-13 * b.abs().max(1.0)
    }

    #[test]
    fn fmm_matches_r() {
        // R: spline(1:5, c(1,4,2,5,3), xout = c(1.5, 2.5, 4.2))$y
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let y = [1.0, 4.0, 2.0, 5.0, 3.0];
        let z = spline_coef(3, &x, &y);
        let v = spline_eval(&[1.5, 2.5, 4.2], &x, &y, &z);
        let r = [3.88888888888889, 2.72222222222222, 5.40888888888889];
        for (a, b) in v.iter().zip(r) {
            assert!(close(*a, b), "{} vs {}", a, b);
        }
    }

    #[test]
    fn periodic_reproduces_sine() {
        let x: Vec<f64> = (0..=8).map(|i| i as f64 * std::f64::consts::PI / 4.0).collect();
        let mut y: Vec<f64> = x.iter().map(|v| v.sin()).collect();
        y[8] = y[0];
        let z = spline_coef(1, &x, &y);
        // continuity of first and second derivative at the wrap
        let h = x[8] - x[7];
        let b_end = z.b[7] + 2.0 * z.c[7] * h + 3.0 * z.d[7] * h * h;
        assert!(close(b_end, z.b[0]));
        let c_end = z.c[7] + 3.0 * z.d[7] * h;
        assert!(close(c_end, z.c[0]));
    }

    #[test]
    fn approx_rules() {
        let x = [1.0, 2.0, 3.0];
        let y = [10.0, 20.0, 40.0];
        assert_eq!(approx_one(&x, &y, 2.5, false, f64::NAN, f64::NAN, 0.0), 30.0);
        assert_eq!(approx_one(&x, &y, 2.5, true, f64::NAN, f64::NAN, 0.0), 20.0);
        assert_eq!(approx_one(&x, &y, 2.5, true, f64::NAN, f64::NAN, 1.0), 40.0);
        assert!(approx_one(&x, &y, 0.5, false, f64::NAN, 1.0, 0.0).is_nan());
    }
}
