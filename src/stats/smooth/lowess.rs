//! Cleveland's LOWESS scatterplot smoother (robust locally weighted linear fits), with R's
//! choices: span `f`, `iter` robustness steps and interpolation across points within `delta`.

/// Smooths `y` on sorted `x`; returns the fitted values.
pub fn lowess(x: &[f64], y: &[f64], f: f64, nsteps: usize, delta: f64) -> Vec<f64> {
    let n = x.len();
    let mut ys = vec![0.0; n];
    if n == 0 {
        return ys;
    }
    if n < 2 {
        ys[0] = y[0];
        return ys;
    }
    let ns = ((f * n as f64 + 1e-7) as usize).min(n).max(2);
    let mut rw = vec![0.0; n];
    let mut res = vec![0.0; n];
    let mut w = vec![0.0; n];
    let mut iter = 1;
    while iter <= nsteps + 1 {
        // 0-based: window [nleft, nright]
        let (mut nleft, mut nright) = (0usize, ns - 1);
        let mut last: isize = -1;
        let mut i = 0usize;
        loop {
            if nright < n - 1 {
                let d1 = x[i] - x[nleft];
                let d2 = x[nright + 1] - x[i];
                if d1 > d2 {
                    nleft += 1;
                    nright += 1;
                    continue;
                }
            }
            let fit = lowest(x, y, x[i], nleft, nright, &mut w, iter > 1, &rw);
            ys[i] = fit.unwrap_or(y[i]);
            if last < i as isize - 1 {
                let l = last as usize;
                let denom = x[i] - x[l];
                for j in (l + 1)..i {
                    let alpha = (x[j] - x[l]) / denom;
                    ys[j] = alpha * ys[i] + (1.0 - alpha) * ys[l];
                }
            }
            last = i as isize;
            let lu = last as usize;
            let cut = x[lu] + delta;
            let mut k = lu + 1;
            while k < n {
                if x[k] > cut {
                    break;
                }
                if x[k] == x[lu] {
                    ys[k] = ys[lu];
                    last = k as isize;
                }
                k += 1;
            }
            i = ((last + 1) as usize).max(k - 1);
            if last as usize >= n - 1 {
                break;
            }
        }
        for k in 0..n {
            res[k] = y[k] - ys[k];
        }
        let sc = res.iter().map(|r| r.abs()).sum::<f64>() / n as f64;
        if iter > nsteps {
            break;
        }
        for k in 0..n {
            rw[k] = res[k].abs();
        }
        let m1 = n / 2;
        let mut sorted = rw.clone();
        sorted.sort_by(|a, b| a.total_cmp(b));
        let cmad = if n % 2 == 0 {
            let m2 = n - m1 - 1;
            3.0 * (sorted[m1] + sorted[m2])
        } else {
            6.0 * sorted[m1]
        };
        if cmad < 1e-7 * sc {
            break;
        }
        let c9 = 0.999 * cmad;
        let c1 = 0.001 * cmad;
        for k in 0..n {
            let r = res[k].abs();
            rw[k] = if r <= c1 {
                1.0
            } else if r <= c9 {
                let t = r / cmad;
                (1.0 - t * t).powi(2)
            } else {
                0.0
            };
        }
        iter += 1;
    }
    ys
}

/// The local weighted linear fit at `xs` over the window; None when all weights vanish.
#[allow(clippy::too_many_arguments)]
fn lowest(x: &[f64], y: &[f64], xs: f64, nleft: usize, nright: usize, w: &mut [f64], userw: bool, rw: &[f64]) -> Option<f64> {
    let n = x.len();
    let range = x[n - 1] - x[0];
    let h = (xs - x[nleft]).max(x[nright] - xs);
    let h9 = 0.999 * h;
    let h1 = 0.001 * h;
    let mut a = 0.0;
    let mut j = nleft;
    while j < n {
        w[j] = 0.0;
        let r = (x[j] - xs).abs();
        if r <= h9 {
            w[j] = if r <= h1 { 1.0 } else { (1.0 - (r / h).powi(3)).powi(3) };
            if userw {
                w[j] *= rw[j];
            }
            a += w[j];
        } else if x[j] > xs {
            break;
        }
        j += 1;
    }
    let nrt = j - 1;
    if a <= 0.0 {
        return None;
    }
    for k in nleft..=nrt {
        w[k] /= a;
    }
    if h > 0.0 {
        let mut a = 0.0;
        for k in nleft..=nrt {
            a += w[k] * x[k];
        }
        let mut b = xs - a;
        let mut c = 0.0;
        for k in nleft..=nrt {
            c += w[k] * (x[k] - a) * (x[k] - a);
        }
        if c.sqrt() > 0.001 * range {
            b /= c;
            for k in nleft..=nrt {
                w[k] *= b * (x[k] - a) + 1.0;
            }
        }
    }
    Some((nleft..=nrt).map(|k| w[k] * y[k]).sum())
}
