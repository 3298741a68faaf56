//! The variable-metric (BFGS) minimiser of R's `vmmin` (Nash's *Compact Numerical
//! Methods*, Algorithm 21, as recrafted by B. D. Ripley).

use super::{Fail, Objective, OptimOut, Tolerances};

pub(super) const STEPREDN: f64 = 0.2;
pub(super) const ACCTOL: f64 = 0.0001;
pub(super) const RELTEST: f64 = 10.0;

/// Minimises `obj` from `start` with BFGS updates of an inverse Hessian and a
/// backtracking line search. `fail` is 1 when `maxit` iterations were used.
pub fn vmmin<E, O: Objective<E>>(
    obj: &mut O,
    start: &[f64],
    tol: Tolerances,
) -> Result<OptimOut, Fail<E>> {
    let n = start.len();
    let mut b = start.to_vec();
    if tol.maxit <= 0 {
        let f = obj.value(&b)?;
        return Ok(OptimOut {
            par: b,
            value: f,
            fncount: 0,
            grcount: Some(0),
            fail: 0,
            message: None,
        });
    }
    let mut g = vec![0.0; n];
    let mut t = vec![0.0; n];
    let mut xs = vec![0.0; n];
    let mut c = vec![0.0; n];
    // lower triangle of the inverse Hessian approximation: bm[i][j], j <= i
    let mut bm: Vec<Vec<f64>> = (0..n).map(|i| vec![0.0; i + 1]).collect();
    let mut f = obj.value(&b)?;
    if !f.is_finite() {
        return Err(Fail::msg("initial value in 'vmmin' is not finite"));
    }
    let mut fmin = f;
    let mut funcount = 1;
    let mut gradcount = 1;
    obj.grad(&b, &mut g)?;
    let mut iter = 1;
    let mut ilast = gradcount;
    loop {
        if ilast == gradcount {
            for (i, row) in bm.iter_mut().enumerate() {
                for v in row.iter_mut() {
                    *v = 0.0;
                }
                row[i] = 1.0;
            }
        }
        xs.copy_from_slice(&b);
        c.copy_from_slice(&g);
        let mut gradproj = 0.0;
        for i in 0..n {
            let mut s = 0.0;
            for j in 0..=i {
                s -= bm[i][j] * g[j];
            }
            for j in i + 1..n {
                s -= bm[j][i] * g[j];
            }
            t[i] = s;
            gradproj += s * g[i];
        }
        let mut count;
        if gradproj < 0.0 {
            let mut steplength = 1.0;
            let mut accpoint = false;
            loop {
                count = 0;
                for i in 0..n {
                    b[i] = xs[i] + steplength * t[i];
                    if RELTEST + xs[i] == RELTEST + b[i] {
                        count += 1;
                    }
                }
                if count < n {
                    f = obj.value(&b)?;
                    funcount += 1;
                    accpoint = f.is_finite() && f <= fmin + gradproj * steplength * ACCTOL;
                    if !accpoint {
                        steplength *= STEPREDN;
                    }
                }
                if count == n || accpoint {
                    break;
                }
            }
            let enough =
                f > tol.abstol && (f - fmin).abs() > tol.reltol * (fmin.abs() + tol.reltol);
            if !enough {
                count = n;
                fmin = f;
            }
            if count < n {
                fmin = f;
                obj.grad(&b, &mut g)?;
                gradcount += 1;
                iter += 1;
                let mut d1 = 0.0;
                for i in 0..n {
                    t[i] *= steplength;
                    c[i] = g[i] - c[i];
                    d1 += t[i] * c[i];
                }
                if d1 > 0.0 {
                    let mut d2 = 0.0;
                    for i in 0..n {
                        let mut s = 0.0;
                        for j in 0..=i {
                            s += bm[i][j] * c[j];
                        }
                        for j in i + 1..n {
                            s += bm[j][i] * c[j];
                        }
                        xs[i] = s;
                        d2 += s * c[i];
                    }
                    d2 = 1.0 + d2 / d1;
                    for i in 0..n {
                        for j in 0..=i {
                            bm[i][j] += (d2 * t[i] * t[j] - xs[i] * t[j] - t[i] * xs[j]) / d1;
                        }
                    }
                } else {
                    ilast = gradcount;
                }
            } else if ilast < gradcount {
                count = 0;
                ilast = gradcount;
            }
        } else {
            count = 0;
            if ilast == gradcount {
                count = n;
            } else {
                ilast = gradcount;
            }
        }
        if iter >= tol.maxit {
            break;
        }
        if gradcount - ilast > 2 * n as i32 {
            ilast = gradcount;
        }
        if count == n && ilast == gradcount {
            break;
        }
    }
    let fail = if iter < tol.maxit { 0 } else { 1 };
    Ok(OptimOut {
        par: b,
        value: fmin,
        fncount: funcount,
        grcount: Some(gradcount),
        fail,
        message: None,
    })
}
