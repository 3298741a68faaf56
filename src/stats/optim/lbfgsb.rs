//! L-BFGS-B (Byrd, Lu, Nocedal and Zhu, version 2.3 as in R's `src/appl/lbfgsb.c`):
//! limited-memory BFGS with simple bounds, driven the way R's `optim` drives it, so that
//! the iterates, the count of function/gradient evaluations and the final message match.
//!
//! The Fortran's reverse communication is unrolled into a plain loop that calls the
//! objective where the original returned `FG` to its driver.

use super::lbfgsb_steps::{dot, freev, projgr, Mem};
use super::{Fail, Objective, OptimOut};

const FTOL: f64 = 1e-3;
const GTOL: f64 = 0.9;
const XTOL: f64 = 0.1;
const STPMIN: f64 = 0.0;

/// Bound type of each variable as L-BFGS-B codes it: 0 none, 1 lower, 2 both, 3 upper.
pub fn bound_codes(lower: &[f64], upper: &[f64]) -> Vec<i32> {
    lower
        .iter()
        .zip(upper)
        .map(|(l, u)| match (l.is_finite(), u.is_finite()) {
            (false, false) => 0,
            (false, true) => 3,
            (true, false) => 1,
            (true, true) => 2,
        })
        .collect()
}

/// Settings of one L-BFGS-B run (R's `lmm`, `factr`, `pgtol`, `maxit`).
#[derive(Clone, Copy, Debug)]
pub struct LbfgsbControl {
    pub m: usize,
    pub factr: f64,
    pub pgtol: f64,
    pub maxit: i32,
}

impl Default for LbfgsbControl {
    fn default() -> Self {
        LbfgsbControl {
            m: 5,
            factr: 1e7,
            pgtol: 0.0,
            maxit: 100,
        }
    }
}

/// The state of the Moré–Thuente line search (`dcsrch`) between calls.
#[derive(Default)]
struct Search {
    stage: i32,
    brackt: bool,
    ginit: f64,
    gtest: f64,
    gx: f64,
    gy: f64,
    finit: f64,
    fx: f64,
    fy: f64,
    stx: f64,
    sty: f64,
    stmin: f64,
    stmax: f64,
    width: f64,
    width1: f64,
}

/// What `dcsrch` asks for next.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Ls {
    Start,
    Fg,
    Conv,
    Warn,
    Error,
}

impl Search {
    /// One call of `dcsrch`: updates `stp` and returns the next task.
    fn step(&mut self, task: Ls, f: f64, g: f64, stp: &mut f64, stpmax: f64) -> Ls {
        if task == Ls::Start {
            let mut err = false;
            if *stp < STPMIN || *stp > stpmax || g >= 0.0 || stpmax < STPMIN {
                err = true;
            }
            if err {
                return Ls::Error;
            }
            self.brackt = false;
            self.stage = 1;
            self.finit = f;
            self.ginit = g;
            self.gtest = FTOL * self.ginit;
            self.width = stpmax - STPMIN;
            self.width1 = self.width / 0.5;
            self.stx = 0.0;
            self.fx = self.finit;
            self.gx = self.ginit;
            self.sty = 0.0;
            self.fy = self.finit;
            self.gy = self.ginit;
            self.stmin = 0.0;
            self.stmax = *stp + *stp * 4.0;
            return Ls::Fg;
        }
        let ftest = self.finit + *stp * self.gtest;
        if self.stage == 1 && f <= ftest && g >= 0.0 {
            self.stage = 2;
        }
        let mut out = task;
        if self.brackt && (*stp <= self.stmin || *stp >= self.stmax) {
            out = Ls::Warn;
        }
        if self.brackt && self.stmax - self.stmin <= XTOL * self.stmax {
            out = Ls::Warn;
        }
        if *stp == stpmax && f <= ftest && g <= self.gtest {
            out = Ls::Warn;
        }
        if *stp == STPMIN && (f > ftest || g >= self.gtest) {
            out = Ls::Warn;
        }
        if f <= ftest && g.abs() <= GTOL * (-self.ginit) {
            out = Ls::Conv;
        }
        if out == Ls::Warn || out == Ls::Conv {
            return out;
        }
        if self.stage == 1 && f <= self.fx && f > ftest {
            let fm = f - *stp * self.gtest;
            let mut fxm = self.fx - self.stx * self.gtest;
            let mut fym = self.fy - self.sty * self.gtest;
            let gm = g - self.gtest;
            let mut gxm = self.gx - self.gtest;
            let mut gym = self.gy - self.gtest;
            dcstep(
                &mut self.stx,
                &mut fxm,
                &mut gxm,
                &mut self.sty,
                &mut fym,
                &mut gym,
                stp,
                fm,
                gm,
                &mut self.brackt,
                self.stmin,
                self.stmax,
            );
            self.fx = fxm + self.stx * self.gtest;
            self.fy = fym + self.sty * self.gtest;
            self.gx = gxm + self.gtest;
            self.gy = gym + self.gtest;
        } else {
            dcstep(
                &mut self.stx,
                &mut self.fx,
                &mut self.gx,
                &mut self.sty,
                &mut self.fy,
                &mut self.gy,
                stp,
                f,
                g,
                &mut self.brackt,
                self.stmin,
                self.stmax,
            );
        }
        if self.brackt {
            if (self.sty - self.stx).abs() >= self.width1 * 0.66 {
                *stp = self.stx + (self.sty - self.stx) * 0.5;
            }
            self.width1 = self.width;
            self.width = (self.sty - self.stx).abs();
        }
        if self.brackt {
            self.stmin = fmin(self.stx, self.sty);
            self.stmax = fmax(self.stx, self.sty);
        } else {
            self.stmin = *stp + (*stp - self.stx) * 1.1;
            self.stmax = *stp + (*stp - self.stx) * 4.0;
        }
        if *stp < STPMIN {
            *stp = STPMIN;
        }
        if *stp > stpmax {
            *stp = stpmax;
        }
        if self.brackt
            && (*stp <= self.stmin
                || *stp >= self.stmax
                || self.stmax - self.stmin <= XTOL * self.stmax)
        {
            *stp = self.stx;
        }
        Ls::Fg
    }
}

/// C's `min` macro: `(a > b) ? b : a`.
fn fmin(a: f64, b: f64) -> f64 {
    if a > b {
        b
    } else {
        a
    }
}
/// C's `max` macro: `(a < b) ? b : a`.
fn fmax(a: f64, b: f64) -> f64 {
    if a < b {
        b
    } else {
        a
    }
}

/// The safeguarded cubic/quadratic step of Moré and Thuente (`dcstep`).
#[allow(clippy::too_many_arguments)]
fn dcstep(
    stx: &mut f64,
    fx: &mut f64,
    dx: &mut f64,
    sty: &mut f64,
    fy: &mut f64,
    dy: &mut f64,
    stp: &mut f64,
    fp: f64,
    dp: f64,
    brackt: &mut bool,
    stpmin: f64,
    stpmax: f64,
) {
    let sgnd = dp * (*dx / dx.abs());
    let stpf;
    if fp > *fx {
        let theta = (*fx - fp) * 3.0 / (*stp - *stx) + *dx + dp;
        let s = fmax(fmax(theta.abs(), dx.abs()), dp.abs());
        let t = theta / s;
        let mut gamm = s * (t * t - *dx / s * (dp / s)).sqrt();
        if *stp < *stx {
            gamm = -gamm;
        }
        let p = gamm - *dx + theta;
        let q = gamm - *dx + gamm + dp;
        let r = p / q;
        let stpc = *stx + r * (*stp - *stx);
        let stpq = *stx + *dx / ((*fx - fp) / (*stp - *stx) + *dx) / 2.0 * (*stp - *stx);
        stpf = if (stpc - *stx).abs() < (stpq - *stx).abs() {
            stpc
        } else {
            stpc + (stpq - stpc) / 2.0
        };
        *brackt = true;
    } else if sgnd < 0.0 {
        let theta = (*fx - fp) * 3.0 / (*stp - *stx) + *dx + dp;
        let s = fmax(fmax(theta.abs(), dx.abs()), dp.abs());
        let t = theta / s;
        let mut gamm = s * (t * t - *dx / s * (dp / s)).sqrt();
        if *stp > *stx {
            gamm = -gamm;
        }
        let p = gamm - dp + theta;
        let q = gamm - dp + gamm + *dx;
        let r = p / q;
        let stpc = *stp + r * (*stx - *stp);
        let stpq = *stp + dp / (dp - *dx) * (*stx - *stp);
        stpf = if (stpc - *stp).abs() > (stpq - *stp).abs() {
            stpc
        } else {
            stpq
        };
        *brackt = true;
    } else if dp.abs() < dx.abs() {
        let theta = (*fx - fp) * 3.0 / (*stp - *stx) + *dx + dp;
        let s = fmax(fmax(theta.abs(), dx.abs()), dp.abs());
        let t = theta / s;
        let d1 = t * t - *dx / s * (dp / s);
        let mut gamm = if d1 < 0.0 { 0.0 } else { s * d1.sqrt() };
        if *stp > *stx {
            gamm = -gamm;
        }
        let p = gamm - dp + theta;
        let q = gamm + (*dx - dp) + gamm;
        let r = p / q;
        let stpc = if r < 0.0 && gamm != 0.0 {
            *stp + r * (*stx - *stp)
        } else if *stp > *stx {
            stpmax
        } else {
            stpmin
        };
        let stpq = *stp + dp / (dp - *dx) * (*stx - *stp);
        if *brackt {
            let mut f = if (stpc - *stp).abs() < (stpq - *stp).abs() {
                stpc
            } else {
                stpq
            };
            let d1 = *stp + (*sty - *stp) * 0.66;
            f = if *stp > *stx {
                fmin(d1, f)
            } else {
                fmax(d1, f)
            };
            stpf = f;
        } else {
            let mut f = if (stpc - *stp).abs() > (stpq - *stp).abs() {
                stpc
            } else {
                stpq
            };
            f = fmin(stpmax, f);
            f = fmax(stpmin, f);
            stpf = f;
        }
    } else if *brackt {
        let theta = (fp - *fy) * 3.0 / (*sty - *stp) + *dy + dp;
        let s = fmax(fmax(theta.abs(), dy.abs()), dp.abs());
        let t = theta / s;
        let mut gamm = s * (t * t - *dy / s * (dp / s)).sqrt();
        if *stp > *sty {
            gamm = -gamm;
        }
        let p = gamm - dp + theta;
        let q = gamm - dp + gamm + *dy;
        let r = p / q;
        stpf = *stp + r * (*sty - *stp);
    } else if *stp > *stx {
        stpf = stpmax;
    } else {
        stpf = stpmin;
    }
    if fp > *fx {
        *sty = *stp;
        *fy = fp;
        *dy = dp;
    } else {
        if sgnd < 0.0 {
            *sty = *stx;
            *fy = *fx;
            *dy = *dx;
        }
        *stx = *stp;
        *fx = fp;
        *dx = dp;
    }
    *stp = stpf;
}

/// Minimises `obj` from `x0` within `lower`..`upper` (infinite bounds are absent) as R's
/// `optim(method = "L-BFGS-B")` does. Counts are the evaluations of f and g together;
/// `fail` is 0, 1 (maxit reached, message `NEW_X`), 51 (warning) or 52 (error).
pub fn lbfgsb<E, O: Objective<E>>(
    obj: &mut O,
    x0: &[f64],
    lower: &[f64],
    upper: &[f64],
    ctl: LbfgsbControl,
) -> Result<OptimOut, Fail<E>> {
    let n = x0.len();
    if n == 0 {
        let f = obj.value(x0)?;
        return Ok(OptimOut {
            par: vec![],
            value: f,
            fncount: 1,
            grcount: Some(0),
            fail: 0,
            message: Some("NOTHING TO DO".into()),
        });
    }
    let nbd0 = bound_codes(lower, upper);
    let m = ctl.m;
    let epsmch = f64::EPSILON;
    // 1-based copies
    let one = |v: &[f64]| -> Vec<f64> { std::iter::once(0.0).chain(v.iter().copied()).collect() };
    let l = one(lower);
    let u = one(upper);
    let nbd: Vec<i32> = std::iter::once(0).chain(nbd0.iter().copied()).collect();
    let mut x = one(x0);
    let mut g = vec![0.0; n + 1];
    let mut f = 0.0;
    let finish = |x: &[f64], f: f64, nfgv: i32, fail: i32, task: &str| OptimOut {
        par: x[1..].to_vec(),
        value: f,
        fncount: nfgv,
        grcount: Some(nfgv),
        fail,
        message: Some(task.to_string()),
    };
    // errclb
    let mut task_err = None;
    if m == 0 {
        task_err = Some("ERROR: M .LE. 0");
    }
    if ctl.factr < 0.0 {
        task_err = Some("ERROR: FACTR .LT. 0");
    }
    for i in 1..=n {
        if nbd[i] == 2 && l[i] > u[i] {
            task_err = Some("ERROR: NO FEASIBLE SOLUTION");
        }
    }
    if let Some(t) = task_err {
        return Ok(finish(&x, f, 0, 52, t));
    }
    let mut mem = Mem::new(n, m.max(1));
    let tol = ctl.factr * epsmch;
    // active: project x and classify the variables
    let mut cnstnd = false;
    let mut boxed = true;
    let mut iwhere = vec![0i32; n + 1];
    for i in 1..=n {
        if nbd[i] > 0 {
            if nbd[i] <= 2 && x[i] <= l[i] {
                if x[i] < l[i] {
                    x[i] = l[i];
                }
            } else if nbd[i] >= 2 && x[i] >= u[i] && x[i] > u[i] {
                x[i] = u[i];
            }
        }
    }
    for i in 1..=n {
        if nbd[i] != 2 {
            boxed = false;
        }
        if nbd[i] == 0 {
            iwhere[i] = -1;
        } else {
            cnstnd = true;
            iwhere[i] = if nbd[i] == 2 && u[i] - l[i] <= 0.0 {
                3
            } else {
                0
            };
        }
    }
    let mut z = vec![0.0; n + 1];
    let mut r = vec![0.0; n + 1];
    let mut d = vec![0.0; n + 1];
    let mut t = vec![0.0; n + 1];
    let mut indx = vec![0usize; n + 1];
    let mut indx2 = vec![0usize; n + 1];
    let mut search = Search::default();

    let eval = |obj: &mut O, x: &[f64], g: &mut [f64]| -> Result<f64, Fail<E>> {
        let f = obj.value(&x[1..])?;
        if !f.is_finite() {
            return Err(Fail::msg("L-BFGS-B needs finite values of 'fn'"));
        }
        obj.grad(&x[1..], &mut g[1..])?;
        Ok(f)
    };

    f = eval(obj, &x, &mut g)?;
    let mut nfgv: i32 = 1;
    let mut sbgnrm = projgr(&l[1..], &u[1..], &nbd[1..], &x[1..], &g[1..]);
    if sbgnrm <= ctl.pgtol {
        return Ok(finish(
            &x,
            f,
            nfgv,
            0,
            "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL",
        ));
    }
    let mut iter: i32 = 0;
    let mut driver_iter: i32 = 0;
    let mut nfree = n;
    let (mut nenter, mut ileave) = (0usize, n + 1);
    'outer: loop {
        let wrk;
        if !cnstnd && mem.col > 0 {
            z.copy_from_slice(&x);
            wrk = mem.updatd;
        } else {
            let (inf, _nint) = mem.cauchy(
                &x,
                &l,
                &u,
                &nbd,
                &g,
                &mut indx2,
                &mut iwhere,
                &mut t,
                &mut d,
                &mut z,
                sbgnrm,
                epsmch,
            );
            if inf != 0 {
                mem.reset();
                continue 'outer;
            }
            let (nf, ne, il, w) = freev(
                n, nfree, &mut indx, &mut indx2, &iwhere, mem.updatd, cnstnd, iter,
            );
            nfree = nf;
            nenter = ne;
            ileave = il;
            wrk = w;
        }
        if nfree != 0 && mem.col != 0 {
            let mut info = 0;
            if wrk {
                info = mem.formk(nfree, &indx, nenter, ileave, &indx2);
            }
            if info != 0 {
                mem.reset();
                continue 'outer;
            }
            info = mem.cmprlb(&x, &g, &z, &mut r, &indx, nfree, cnstnd);
            if info == 0 {
                info = mem.subsm(nfree, &indx, &l, &u, &nbd, &mut z, &mut r).0;
            }
            if info != 0 {
                mem.reset();
                continue 'outer;
            }
        }
        for i in 1..=n {
            d[i] = z[i] - x[i];
        }
        // line search (lnsrlb)
        let dtd = dot(n, |i| d[i], |i| d[i]);
        let dnorm = dtd.sqrt();
        let mut stpmx = 1e10;
        if cnstnd {
            if iter == 0 {
                stpmx = 1.0;
            } else {
                for i in 1..=n {
                    let a1 = d[i];
                    if nbd[i] != 0 {
                        if a1 < 0.0 && nbd[i] <= 2 {
                            let a2 = l[i] - x[i];
                            if a2 >= 0.0 {
                                stpmx = 0.0;
                            } else if a1 * stpmx < a2 {
                                stpmx = a2 / a1;
                            }
                        } else if a1 > 0.0 && nbd[i] >= 2 {
                            let a2 = u[i] - x[i];
                            if a2 <= 0.0 {
                                stpmx = 0.0;
                            } else if a1 * stpmx > a2 {
                                stpmx = a2 / a1;
                            }
                        }
                    }
                }
            }
        }
        let mut stp = if iter == 0 && !boxed {
            fmin(1.0 / dnorm, stpmx)
        } else {
            1.0
        };
        t.copy_from_slice(&x);
        r.copy_from_slice(&g);
        let fold = f;
        let mut ifun = 0;
        let mut iback = 0;
        let mut gd: f64;
        let mut gdold = 0.0;
        let mut csave = Ls::Start;
        loop {
            let mut info = 0;
            gd = dot(n, |i| g[i], |i| d[i]);
            let mut new_x = false;
            if ifun == 0 {
                gdold = gd;
                if gd >= 0.0 {
                    info = -4;
                }
            }
            if info == 0 {
                csave = search.step(csave, f, gd, &mut stp, stpmx);
                if csave != Ls::Conv && csave != Ls::Warn {
                    ifun += 1;
                    nfgv += 1;
                    iback = ifun - 1;
                    if stp == 1.0 {
                        x.copy_from_slice(&z);
                    } else {
                        for i in 1..=n {
                            x[i] = stp * d[i] + t[i];
                        }
                    }
                } else {
                    new_x = true;
                }
            }
            if info != 0 || iback >= 20 {
                x.copy_from_slice(&t);
                g.copy_from_slice(&r);
                f = fold;
                if mem.col == 0 {
                    if info == 0 {
                        nfgv -= 1;
                    }
                    return Ok(finish(
                        &x,
                        f,
                        nfgv,
                        52,
                        "ERROR: ABNORMAL_TERMINATION_IN_LNSRCH",
                    ));
                }
                if info == 0 {
                    nfgv -= 1;
                }
                mem.reset();
                continue 'outer;
            }
            if !new_x {
                f = eval(obj, &x, &mut g)?;
                continue;
            }
            iter += 1;
            sbgnrm = projgr(&l[1..], &u[1..], &nbd[1..], &x[1..], &g[1..]);
            break;
        }
        // the driver sees NEW_X
        driver_iter += 1;
        if driver_iter > ctl.maxit {
            return Ok(finish(&x, f, nfgv, 1, "NEW_X"));
        }
        if sbgnrm <= ctl.pgtol {
            return Ok(finish(
                &x,
                f,
                nfgv,
                0,
                "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL",
            ));
        }
        let ddum = fmax(fmax(fold.abs(), f.abs()), 1.0);
        if fold - f <= tol * ddum {
            return Ok(finish(
                &x,
                f,
                nfgv,
                0,
                "CONVERGENCE: REL_REDUCTION_OF_F <= FACTR*EPSMCH",
            ));
        }
        for i in 1..=n {
            r[i] = g[i] - r[i];
        }
        let rr = dot(n, |i| r[i], |i| r[i]);
        let (dr, ddum) = if stp == 1.0 {
            (gd - gdold, -gdold)
        } else {
            for i in 1..=n {
                d[i] *= stp;
            }
            ((gd - gdold) * stp, -gdold * stp)
        };
        if dr <= epsmch * ddum {
            mem.updatd = false;
            continue 'outer;
        }
        mem.updatd = true;
        mem.iupdat += 1;
        mem.matupd(&d, &r, rr, dr, stp, dtd);
        if mem.formt() != 0 {
            mem.reset();
            continue 'outer;
        }
    }
}
