//! Nelder–Mead simplex search as in R's `nmmin` (J. C. Nash's *Compact Numerical
//! Methods*, recrafted by B. D. Ripley).

use super::{Fail, Objective, OptimOut, Tolerances};

/// Value used for a vertex where the objective is not finite.
const BIG: f64 = 1.0e35;

/// Reflection, contraction and expansion coefficients (R's `alpha`, `beta`, `gamma`).
#[derive(Clone, Copy, Debug)]
pub struct NmCoef {
    pub alpha: f64,
    pub beta: f64,
    pub gamma: f64,
}

impl Default for NmCoef {
    fn default() -> Self {
        NmCoef {
            alpha: 1.0,
            beta: 0.5,
            gamma: 2.0,
        }
    }
}

/// Minimises `obj` from `start`. `fncount` counts every evaluation; `fail` is 1 when
/// more than `maxit` evaluations were needed and 10 when the simplex stopped shrinking.
pub fn nmmin<E, O: Objective<E>>(
    obj: &mut O,
    start: &[f64],
    tol: Tolerances,
    coef: NmCoef,
) -> Result<OptimOut, Fail<E>> {
    let n = start.len();
    let mut b = start.to_vec();
    let out = |par: Vec<f64>, value: f64, fncount: i32, fail: i32| OptimOut {
        par,
        value,
        fncount,
        grcount: None,
        fail,
        message: None,
    };
    if tol.maxit <= 0 {
        let f = obj.value(&b)?;
        return Ok(out(b, f, 0, 0));
    }
    let NmCoef {
        alpha,
        beta: bet,
        gamma: gamm,
    } = coef;
    let mut f = obj.value(&b)?;
    if !f.is_finite() {
        return Err(Fail::msg(
            "function cannot be evaluated at initial parameters",
        ));
    }
    let mut funcount = 1;
    let convtol = tol.reltol * (f.abs() + tol.reltol);
    let n1 = n + 1;
    let c = n + 1;
    // p[i][j]: rows 0..n are coordinates, row n the function value; column c the centroid.
    let mut p = vec![vec![0.0; n + 2]; n + 1];
    p[n][0] = f;
    for i in 0..n {
        p[i][0] = b[i];
    }
    let mut l = 0usize;
    let mut size = 0.0;
    let mut step: f64 = 0.0;
    for bi in &b {
        if 0.1 * bi.abs() > step {
            step = 0.1 * bi.abs();
        }
    }
    if step == 0.0 {
        step = 0.1;
    }
    for j in 1..n1 {
        for i in 0..n {
            p[i][j] = b[i];
        }
        let mut trystep = step;
        while p[j - 1][j] == b[j - 1] {
            p[j - 1][j] = b[j - 1] + trystep;
            trystep *= 10.0;
        }
        size += trystep;
    }
    let mut oldsize = size;
    let mut calcvert = true;
    let mut fail = 0;
    loop {
        if calcvert {
            for j in 0..n1 {
                if j != l {
                    for i in 0..n {
                        b[i] = p[i][j];
                    }
                    f = obj.value(&b)?;
                    if !f.is_finite() {
                        f = BIG;
                    }
                    funcount += 1;
                    p[n][j] = f;
                }
            }
            calcvert = false;
        }
        let mut vl = p[n][l];
        let mut vh = vl;
        let mut h = l;
        for j in 0..n1 {
            if j != l {
                let fj = p[n][j];
                if fj < vl {
                    l = j;
                    vl = fj;
                }
                if fj > vh {
                    h = j;
                    vh = fj;
                }
            }
        }
        if vh <= vl + convtol || vl <= tol.abstol {
            break;
        }
        for i in 0..n {
            let mut temp = -p[i][h];
            for j in 0..n1 {
                temp += p[i][j];
            }
            p[i][c] = temp / n as f64;
        }
        for i in 0..n {
            b[i] = (1.0 + alpha) * p[i][c] - alpha * p[i][h];
        }
        f = value_or_big(obj, &b)?;
        funcount += 1;
        let vr = f;
        if vr < vl {
            p[n][c] = f;
            for i in 0..n {
                let e = gamm * b[i] + (1.0 - gamm) * p[i][c];
                p[i][c] = b[i];
                b[i] = e;
            }
            f = value_or_big(obj, &b)?;
            funcount += 1;
            if f < vr {
                for i in 0..n {
                    p[i][h] = b[i];
                }
                p[n][h] = f;
            } else {
                for i in 0..n {
                    p[i][h] = p[i][c];
                }
                p[n][h] = vr;
            }
        } else {
            if vr < vh {
                for i in 0..n {
                    p[i][h] = b[i];
                }
                p[n][h] = vr;
            }
            for i in 0..n {
                b[i] = (1.0 - bet) * p[i][h] + bet * p[i][c];
            }
            f = value_or_big(obj, &b)?;
            funcount += 1;
            if f < p[n][h] {
                for i in 0..n {
                    p[i][h] = b[i];
                }
                p[n][h] = f;
            } else if vr >= vh {
                calcvert = true;
                size = 0.0;
                for j in 0..n1 {
                    if j != l {
                        for i in 0..n {
                            p[i][j] = bet * (p[i][j] - p[i][l]) + p[i][l];
                            size += (p[i][j] - p[i][l]).abs();
                        }
                    }
                }
                if size < oldsize {
                    oldsize = size;
                } else {
                    fail = 10;
                    break;
                }
            }
        }
        if funcount > tol.maxit {
            break;
        }
    }
    let value = p[n][l];
    let par: Vec<f64> = (0..n).map(|i| p[i][l]).collect();
    if funcount > tol.maxit {
        fail = 1;
    }
    Ok(out(par, value, funcount, fail))
}

fn value_or_big<E, O: Objective<E>>(obj: &mut O, b: &[f64]) -> Result<f64, Fail<E>> {
    let f = obj.value(b)?;
    Ok(if f.is_finite() { f } else { BIG })
}
