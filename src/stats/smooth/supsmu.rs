//! Friedman's super smoother (SMART/`supsmu`): running-lines smoothers at three spans
//! (tweeter, midrange, woofer) whose cross-validated residuals choose a local span at each
//! point, optionally pushed toward the woofer by the "bass" control. Constants are the single
//! precision ones R's implementation carries.

/// The three spans (as single-precision constants widened to double, as in R).
fn spans() -> [f64; 3] {
    [0.05f32 as f64, 0.2f32 as f64, 0.5f32 as f64]
}

/// A running-lines smooth of `y` on sorted `x` with weights `w` over windows of `span * n`
/// points: fitted values into `smo`, and (when `cv`) the absolute leave-one-out residuals
/// into `acvr`. `periodic` treats `x` in [0, 1] as circular. Tied x share their mean fit.
#[allow(clippy::too_many_arguments)]
fn running_lines(x: &[f64], y: &[f64], w: &[f64], span: f64, periodic: bool, cv: bool,
                 vsmlsq: f64, smo: &mut [f64], acvr: &mut [f64]) {
    let n = x.len();
    let ni = n as i64;
    let (mut xm, mut ym, mut var, mut cvar, mut fbw) = (0.0f64, 0.0f64, 0.0f64, 0.0f64, 0.0f64);
    let mut ibw = (0.5 * span * n as f64 + 0.5) as i64;
    if ibw < 2 {
        ibw = 2;
    }
    let it = (2 * ibw + 1).min(ni);
    // 1-based accessors
    let xa = |j: i64| x[(j - 1) as usize];
    let ya = |j: i64| y[(j - 1) as usize];
    let wa = |j: i64| w[(j - 1) as usize];
    for i in 1..=it {
        let mut j = if periodic { i - ibw - 1 } else { i };
        let xti = if j >= 1 {
            xa(j)
        } else {
            j += ni;
            xa(j) - 1.0
        };
        let wt = wa(j);
        let fbo = fbw;
        fbw += wt;
        if fbw > 0.0 {
            xm = (fbo * xm + wt * xti) / fbw;
            ym = (fbo * ym + wt * ya(j)) / fbw;
        }
        let tmp = if fbo > 0.0 { fbw * wt * (xti - xm) / fbo } else { 0.0 };
        var += tmp * (xti - xm);
        cvar += tmp * (ya(j) - ym);
    }
    for j in 1..=ni {
        let mut out = j - ibw - 1;
        let mut inn = j + ibw;
        if periodic || (out >= 1 && inn <= ni) {
            let (xto, xti);
            if out < 1 {
                out += ni;
                xto = xa(out) - 1.0;
                xti = xa(inn);
            } else if inn > ni {
                inn -= ni;
                xti = xa(inn) + 1.0;
                xto = xa(out);
            } else {
                xto = xa(out);
                xti = xa(inn);
            }
            let wt = wa(out);
            let fbo = fbw;
            fbw -= wt;
            let tmp = if fbw > 0.0 { fbo * wt * (xto - xm) / fbw } else { 0.0 };
            var -= tmp * (xto - xm);
            cvar -= tmp * (ya(out) - ym);
            if fbw > 0.0 {
                xm = (fbo * xm - wt * xto) / fbw;
                ym = (fbo * ym - wt * ya(out)) / fbw;
            }
            let wt = wa(inn);
            let fbo = fbw;
            fbw += wt;
            if fbw > 0.0 {
                xm = (fbo * xm + wt * xti) / fbw;
                ym = (fbo * ym + wt * ya(inn)) / fbw;
            }
            let tmp = if fbo > 0.0 { fbw * wt * (xti - xm) / fbo } else { 0.0 };
            var += tmp * (xti - xm);
            cvar += tmp * (ya(inn) - ym);
        }
        let a = if var > vsmlsq { cvar / var } else { 0.0 };
        let k = (j - 1) as usize;
        smo[k] = a * (x[k] - xm) + ym;
        if cv {
            let mut h = if fbw > 0.0 { 1.0 / fbw } else { 0.0 };
            if var > vsmlsq {
                h += (x[k] - xm).powi(2) / var;
            }
            let a = 1.0 - w[k] * h;
            acvr[k] = if a > 0.0 {
                (y[k] - smo[k]).abs() / a
            } else if k > 0 {
                acvr[k - 1]
            } else {
                0.0
            };
        }
    }
    // tied x: the weighted mean of their fits
    let mut j = 0;
    while j < n {
        let j0 = j;
        let mut sy = smo[j] * w[j];
        let mut sw = w[j];
        while j + 1 < n && x[j + 1] <= x[j] {
            j += 1;
            sy += w[j] * smo[j];
            sw += w[j];
        }
        if j > j0 {
            let a = if sw > 0.0 { sy / sw } else { 0.0 };
            for s in &mut smo[j0..=j] {
                *s = a;
            }
        }
        j += 1;
    }
}

/// The super smoother of `y` on sorted `x` with weights `w`: a fixed `span` when it is
/// positive, else spans chosen by cross-validation with bass control `alpha`.
pub fn supsmu(x: &[f64], y: &[f64], w: &[f64], periodic: bool, span: f64, alpha: f64) -> Vec<f64> {
    let n = x.len();
    let mut smo = vec![0.0; n];
    if n == 0 {
        return smo;
    }
    if x[n - 1] <= x[0] {
        let (sy, sw) = y.iter().zip(w).fold((0.0, 0.0), |(a, b), (y, w)| (a + w * y, b + w));
        let a = if sw > 0.0 { sy / sw } else { 0.0 };
        return vec![a; n];
    }
    let (mut i, mut j) = (n / 4, 3 * (n / 4));
    let at = |k: usize| x[k.max(1) - 1];
    let mut scale = at(j) - at(i);
    while scale <= 0.0 {
        if j < n {
            j += 1;
        }
        if i > 1 {
            i -= 1;
        }
        scale = at(j) - at(i);
    }
    let eps = 1.0e-3f32 as f64;
    let vsmlsq = (eps * scale).powi(2);
    let periodic = periodic && x[0] >= 0.0 && x[n - 1] <= 1.0;
    let mut scratch = vec![0.0; n];
    if span > 0.0 {
        running_lines(x, y, w, span, periodic, true, vsmlsq, &mut smo, &mut scratch);
        return smo;
    }
    let sp = spans();
    let (big, sml) = (1.0e20f32 as f64, 1.0e-7f32 as f64);
    let mut fits = vec![vec![0.0; n]; 3];
    let mut res = vec![vec![0.0; n]; 3];
    let mut h = vec![0.0; n];
    for k in 0..3 {
        let mut acvr = vec![0.0; n];
        running_lines(x, y, w, sp[k], periodic, true, vsmlsq, &mut fits[k], &mut acvr);
        running_lines(x, &acvr, w, sp[1], periodic, false, vsmlsq, &mut res[k], &mut h);
    }
    let mut best = vec![0.0; n];
    for j in 0..n {
        let mut resmin = big;
        for k in 0..3 {
            if res[k][j] < resmin {
                resmin = res[k][j];
                best[j] = sp[k];
            }
        }
        if alpha > 0.0 && alpha <= 10.0 && resmin < res[2][j] && resmin > 0.0 {
            best[j] += (sp[2] - best[j]) * sml.max(resmin / res[2][j]).powf(10.0 - alpha);
        }
    }
    let mut spn = vec![0.0; n];
    running_lines(x, &best, w, sp[1], periodic, false, vsmlsq, &mut spn, &mut h);
    let mut blend = vec![0.0; n];
    for j in 0..n {
        let s = spn[j].max(sp[0]).min(sp[2]);
        let f = s - sp[1];
        blend[j] = if f < 0.0 {
            let f = -f / (sp[1] - sp[0]);
            (1.0 - f) * fits[1][j] + f * fits[0][j]
        } else {
            let f = f / (sp[2] - sp[1]);
            (1.0 - f) * fits[1][j] + f * fits[2][j]
        };
    }
    running_lines(x, &blend, w, sp[0], periodic, false, vsmlsq, &mut smo, &mut h);
    smo
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_span_line_is_exact_on_a_line() {
        let x: Vec<f64> = (1..=20).map(|v| v as f64).collect();
        let y: Vec<f64> = x.iter().map(|v| 2.0 * v + 1.0).collect();
        let s = supsmu(&x, &y, &[1.0; 20], false, 0.3, 0.0);
        for (a, b) in s.iter().zip(&y) {
            assert!((a - b).abs() < 1e-10);
        }
    }

    #[test]
    fn matches_r_on_cars() {
        // with(cars, supsmu(speed, dist)) in R 4.2: first values of $y
        let speed = [4., 4., 7., 7., 8., 9., 10., 10., 10., 11., 11., 12., 12., 12., 12., 13., 13.,
            13., 13., 14., 14., 14., 14., 15., 15., 15., 16., 16., 17., 17., 17., 18., 18., 18.,
            18., 19., 19., 19., 20., 20., 20., 20., 20., 22., 23., 24., 24., 24., 24., 25.];
        let dist = [2., 10., 4., 22., 16., 10., 18., 26., 34., 17., 28., 14., 20., 24., 28., 26.,
            34., 34., 46., 26., 36., 60., 80., 20., 26., 54., 32., 40., 32., 40., 50., 42., 56.,
            76., 84., 36., 46., 68., 32., 48., 52., 56., 64., 66., 54., 70., 92., 93., 120., 85.];
        let cases: [(f64, f64, [f64; 3]); 3] = [
            (0.0, 0.0, [3.2156027471296156, 13.0888727350955971, 15.9527742921503499]),
            (0.0, 7.0, [3.1993288272309197, 13.1028372271546498, 16.2879868191754547]),
            (0.3, 0.0, [6.2434150772025436, 13.2597638510445073, 15.5985467756584946]),
        ];
        for (span, bass, want) in cases {
            let s = supsmu(&speed, &dist, &[1.0; 50], false, span, bass);
            for (k, v) in [0usize, 2, 4].iter().zip(want) {
                assert!((s[*k] - v).abs() < 1e-10 * v.abs(), "{} vs {}", s[*k], v);
            }
        }
    }
}
