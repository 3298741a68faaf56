//! Conjugate gradients as in R's `cgmin` (Nash's *Compact Numerical Methods*,
//! Algorithm 22): Fletcher–Reeves (type 1), Polak–Ribière (2) or Beale–Sorenson (3).

use super::bfgs::{ACCTOL, RELTEST, STEPREDN};
use super::{Fail, Objective, OptimOut, Tolerances};

/// Minimises `obj` from `start`. The returned parameters are those at the last gradient
/// evaluation, as R returns them; `fail` is 1 when more than `maxit` gradients were needed.
pub fn cgmin<E, O: Objective<E>>(
    obj: &mut O,
    start: &[f64],
    tol: Tolerances,
    kind: i32,
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
    if !(1..=3).contains(&kind) {
        return Err(Fail::msg("unknown type in \"CG\" method of 'optim'"));
    }
    let mut c = vec![0.0; n];
    let mut g = vec![0.0; n];
    let mut t = vec![0.0; n];
    let mut xs = vec![0.0; n];
    let setstep = 1.7;
    let cyclimit = n as i32;
    let intol = tol.reltol;
    let tol_g = intol * n as f64 * intol.sqrt();
    let mut f = obj.value(&b)?;
    if !f.is_finite() {
        return Err(Fail::msg(
            "Function cannot be evaluated at initial parameters",
        ));
    }
    let mut fmin = f;
    let mut funcount = 1;
    let mut gradcount = 0;
    let mut steplength = 1.0;
    loop {
        for i in 0..n {
            t[i] = 0.0;
            c[i] = 0.0;
        }
        let mut cycle = 0;
        let mut oldstep = 1.0;
        let mut count = 0;
        let mut g1;
        loop {
            cycle += 1;
            gradcount += 1;
            if gradcount > tol.maxit {
                return Ok(OptimOut {
                    par: xs,
                    value: fmin,
                    fncount: funcount,
                    grcount: Some(gradcount),
                    fail: 1,
                    message: None,
                });
            }
            obj.grad(&b, &mut g)?;
            g1 = 0.0;
            let mut g2 = 0.0;
            for i in 0..n {
                xs[i] = b[i];
                match kind {
                    1 => {
                        g1 += g[i] * g[i];
                        g2 += c[i] * c[i];
                    }
                    2 => {
                        g1 += g[i] * (g[i] - c[i]);
                        g2 += c[i] * c[i];
                    }
                    _ => {
                        g1 += g[i] * (g[i] - c[i]);
                        g2 += t[i] * (g[i] - c[i]);
                    }
                }
                c[i] = g[i];
            }
            if g1 > tol_g {
                let g3 = if g2 > 0.0 { g1 / g2 } else { 1.0 };
                let mut gradproj = 0.0;
                for i in 0..n {
                    t[i] = t[i] * g3 - g[i];
                    gradproj += t[i] * g[i];
                }
                steplength = oldstep;
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
                        } else {
                            fmin = f;
                        }
                    }
                    if count == n || accpoint {
                        break;
                    }
                }
                if count < n {
                    let mut newstep = 2.0 * (f - fmin - gradproj * steplength);
                    if newstep > 0.0 {
                        newstep = -(gradproj * steplength * steplength / newstep);
                        for i in 0..n {
                            b[i] = xs[i] + newstep * t[i];
                        }
                        fmin = f;
                        f = obj.value(&b)?;
                        funcount += 1;
                        if f < fmin {
                            fmin = f;
                        } else {
                            for i in 0..n {
                                b[i] = xs[i] + steplength * t[i];
                            }
                        }
                    }
                }
            }
            oldstep = setstep * steplength;
            if oldstep > 1.0 {
                oldstep = 1.0;
            }
            if !(count != n && g1 > tol_g && cycle != cyclimit) {
                break;
            }
        }
        if !(cycle != 1 || (count != n && g1 > tol_g && fmin > tol.abstol)) {
            break;
        }
    }
    Ok(OptimOut {
        par: xs,
        value: fmin,
        fncount: funcount,
        grcount: Some(gradcount),
        fail: 0,
        message: None,
    })
}
