//! Brent's one-dimensional minimiser (`fmin`, behind R's `optimize`) and root finder
//! (`zeroin`, behind `uniroot`, with R's iteration limit and precision estimate).

/// Minimum of `f` on `[ax, bx]` by golden sections and parabolic interpolation, to
/// within `tol` (R's `Brent_fmin`). Returns the abscissa of the minimum.
pub fn fmin<E>(
    ax: f64,
    bx: f64,
    mut f: impl FnMut(f64) -> Result<f64, E>,
    tol: f64,
) -> Result<f64, E> {
    let c = (3.0 - 5f64.sqrt()) * 0.5;
    let eps = f64::EPSILON.sqrt();
    let mut a = ax;
    let mut b = bx;
    let mut v = a + c * (b - a);
    let mut w = v;
    let mut x = v;
    let mut d: f64 = 0.0;
    let mut e: f64 = 0.0;
    let mut fx = f(x)?;
    let mut fv = fx;
    let mut fw = fx;
    let tol3 = tol / 3.0;
    loop {
        let xm = (a + b) * 0.5;
        let tol1 = eps * x.abs() + tol3;
        let t2 = tol1 * 2.0;
        if (x - xm).abs() <= t2 - (b - a) * 0.5 {
            break;
        }
        let mut p = 0.0;
        let mut q = 0.0;
        let mut r = 0.0;
        if e.abs() > tol1 {
            r = (x - w) * (fx - fv);
            q = (x - v) * (fx - fw);
            p = (x - v) * q - (x - w) * r;
            q = (q - r) * 2.0;
            if q > 0.0 {
                p = -p;
            } else {
                q = -q;
            }
            r = e;
            e = d;
        }
        let u;
        if p.abs() >= (q * 0.5 * r).abs() || p <= q * (a - x) || p >= q * (b - x) {
            e = if x < xm { b - x } else { a - x };
            d = c * e;
        } else {
            d = p / q;
            let uu = x + d;
            if uu - a < t2 || b - uu < t2 {
                d = tol1;
                if x >= xm {
                    d = -d;
                }
            }
        }
        if d.abs() >= tol1 {
            u = x + d;
        } else if d > 0.0 {
            u = x + tol1;
        } else {
            u = x - tol1;
        }
        let fu = f(u)?;
        if fu <= fx {
            if u < x {
                b = x;
            } else {
                a = x;
            }
            v = w;
            w = x;
            x = u;
            fv = fw;
            fw = fx;
            fx = fu;
        } else {
            if u < x {
                a = u;
            } else {
                b = u;
            }
            if fu <= fw || w == x {
                v = w;
                fv = fw;
                w = u;
                fw = fu;
            } else if fu <= fv || v == x || v == w {
                v = u;
                fv = fu;
            }
        }
    }
    Ok(x)
}

/// What `zeroin` found: the root, the iterations used (`None` when `maxit` was exhausted)
/// and the estimated precision `|c - b|`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Zero {
    pub root: f64,
    pub iter: Option<i32>,
    pub estim_prec: f64,
}

/// A zero of `f` in `[ax, bx]` given `fa = f(ax)` and `fb = f(bx)` of opposite signs
/// (R's `R_zeroin2`): bisection mixed with secant and inverse quadratic steps.
pub fn zeroin2<E>(
    ax: f64,
    bx: f64,
    fa: f64,
    fb: f64,
    mut f: impl FnMut(f64) -> Result<f64, E>,
    tol: f64,
    maxit: i32,
) -> Result<Zero, E> {
    let mut a = ax;
    let mut b = bx;
    let mut fa = fa;
    let mut fb = fb;
    let mut c = a;
    let mut fc = fa;
    if fa == 0.0 {
        return Ok(Zero {
            root: a,
            iter: Some(0),
            estim_prec: 0.0,
        });
    }
    if fb == 0.0 {
        return Ok(Zero {
            root: b,
            iter: Some(0),
            estim_prec: 0.0,
        });
    }
    let mut left = maxit + 1;
    while left > 0 {
        left -= 1;
        let prev_step = b - a;
        if fc.abs() < fb.abs() {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        let tol_act = 2.0 * f64::EPSILON * b.abs() + tol / 2.0;
        let mut new_step = (c - b) / 2.0;
        if new_step.abs() <= tol_act || fb == 0.0 {
            return Ok(Zero {
                root: b,
                iter: Some(maxit - left),
                estim_prec: (c - b).abs(),
            });
        }
        if prev_step.abs() >= tol_act && fa.abs() > fb.abs() {
            let cb = c - b;
            let mut p;
            let mut q;
            if a == c {
                let t1 = fb / fa;
                p = cb * t1;
                q = 1.0 - t1;
            } else {
                q = fa / fc;
                let t1 = fb / fc;
                let t2 = fb / fa;
                p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
                q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
            }
            if p > 0.0 {
                q = -q;
            } else {
                p = -p;
            }
            if p < (0.75 * cb * q - (tol_act * q).abs() / 2.0) && p < (prev_step * q / 2.0).abs() {
                new_step = p / q;
            }
        }
        if new_step.abs() < tol_act {
            new_step = if new_step > 0.0 { tol_act } else { -tol_act };
        }
        a = b;
        fa = fb;
        b += new_step;
        fb = f(b)?;
        if (fb > 0.0 && fc > 0.0) || (fb < 0.0 && fc < 0.0) {
            c = a;
            fc = fa;
        }
    }
    Ok(Zero {
        root: b,
        iter: None,
        estim_prec: (c - b).abs(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fmin_matches_r() {
        // optimize(function(x) (x - 1/3)^2, c(0, 1))$minimum
        let x = fmin::<()>(
            0.0,
            1.0,
            |x| Ok((x - 1.0 / 3.0).powi(2)),
            f64::EPSILON.powf(0.25),
        )
        .unwrap();
        assert!((x - 0.3333333333333333).abs() < 1e-10, "{}", x);
    }

    #[test]
    fn zeroin_matches_r() {
        // uniroot(function(x) x^2 - 2, c(0, 3)): root 1.414212, iter 7, estim.prec 6.103516e-05
        let z = zeroin2::<()>(
            0.0,
            3.0,
            -2.0,
            7.0,
            |x| Ok(x * x - 2.0),
            f64::EPSILON.powf(0.25),
            1000,
        )
        .unwrap();
        assert_eq!(z.iter, Some(7));
        assert!((z.root - 1.414212).abs() < 1e-6);
        assert!((z.estim_prec - 6.103516e-05).abs() < 1e-10);
    }
}
