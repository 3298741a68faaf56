//! The Dennis–Schnabel minimiser behind R's `nlm` (`optif9` of R's `uncmin.c`), with the
//! choices `nlm` makes: line search (method 1), secant (BFGS) updates of a Cholesky
//! factor unless an analytic Hessian is supplied, forward-difference gradients that
//! switch to central differences when the line search stalls.

use super::Fail;

/// The objective as `nlm` sees it. `grad` and `hess` are only called when the caller
/// said an analytic gradient (Hessian) exists; `hess` fills the lower triangle of the
/// column-major n×n matrix.
pub trait NlmObjective<E> {
    fn value(&mut self, x: &[f64]) -> Result<f64, Fail<E>>;
    fn grad(&mut self, x: &[f64], g: &mut [f64]) -> Result<(), Fail<E>>;
    fn hess(&mut self, x: &[f64], h: &mut [f64]) -> Result<(), Fail<E>>;
    /// Called where R's `nlm` prints an iteration (`print.level` > 0); `step` is given
    /// for the first and intermediate reports, not the final one.
    fn report(&mut self, _itncnt: i32, _step: Option<&[f64]>, _x: &[f64], _f: f64, _g: &[f64]) {}
}

/// `nlm`'s settings, after R's defaults.
#[derive(Clone, Debug)]
pub struct NlmControl {
    pub typsize: Vec<f64>,
    pub fscale: f64,
    /// Bit flags: 1 skip the 1-d check, 2 skip the gradient check, 4 skip the Hessian
    /// check, 8 no printing, 16 print every iteration.
    pub msg: i32,
    pub ndigit: i32,
    pub gradtol: f64,
    pub stepmax: f64,
    pub steptol: f64,
    pub iterlim: i32,
    pub analytic_gradient: bool,
    pub analytic_hessian: bool,
}

/// `nlm`'s result: the minimum found, the gradient there, R's code and iterations.
#[derive(Clone, Debug)]
pub struct NlmOut {
    pub minimum: f64,
    pub estimate: Vec<f64>,
    pub gradient: Vec<f64>,
    pub code: i32,
    pub iterations: i32,
    /// The typical sizes after `optchk` (absolute values, zeros replaced by one).
    pub typsize: Vec<f64>,
}

fn fmax2(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        return a + b;
    }
    if a < b {
        b
    } else {
        a
    }
}

fn ddot(a: &[f64], b: &[f64]) -> f64 {
    let mut s = 0.0;
    for (x, y) in a.iter().zip(b) {
        s += x * y;
    }
    s
}

/// Euclidean norm (the reference `dnrm2` sums squares in order for ordinary magnitudes).
fn dnrm2(x: &[f64]) -> f64 {
    ddot(x, x).sqrt()
}

/// Solves L x = b (job 0) or L' x = b (job 10) for lower-triangular L (LINPACK `dtrsl`).
fn dtrsl_lower(a: &[f64], n: usize, b: &mut [f64], job: i32) {
    for k in 0..n {
        if a[k + k * n] == 0.0 {
            return;
        }
    }
    if job == 0 {
        b[0] /= a[0];
        for j in 1..n {
            let temp = -b[j - 1];
            for i in j..n {
                b[i] += temp * a[i + (j - 1) * n];
            }
            b[j] /= a[j + j * n];
        }
    } else {
        b[n - 1] /= a[(n - 1) + (n - 1) * n];
        for jj in 2..=n {
            let j = n - jj;
            let mut s = 0.0;
            for i in j + 1..n {
                s += a[i + j * n] * b[i];
            }
            b[j] -= s;
            b[j] /= a[j + j * n];
        }
    }
}

/// Solves (L L') x = b with L in the lower triangle of `a`.
fn lltslv(a: &[f64], n: usize, x: &mut [f64], b: &[f64]) {
    x.copy_from_slice(b);
    dtrsl_lower(a, n, x, 0);
    dtrsl_lower(a, n, x, 10);
}

/// Cholesky factor of a + D with D ≥ 0 added where needed (`choldc`); returns max(D).
fn choldc(a: &mut [f64], n: usize, diagmx: f64, tol: f64) -> f64 {
    let mut addmax: f64 = 0.0;
    let aminl = (diagmx * tol).sqrt();
    let amnlsq = aminl * aminl;
    for i in 0..n {
        // row i of L left of the diagonal, then its diagonal element
        for j in 0..i {
            let mut sum = 0.0;
            for k in 0..j {
                sum += a[i + k * n] * a[j + k * n];
            }
            a[i + j * n] = (a[i + j * n] - sum) / a[j + j * n];
        }
        let mut sum = 0.0;
        for k in 0..i {
            sum += a[i + k * n] * a[i + k * n];
        }
        let tmp1 = a[i + i * n] - sum;
        if tmp1 >= amnlsq {
            a[i + i * n] = tmp1.sqrt();
        } else {
            let mut offmax: f64 = 0.0;
            for j in 0..i {
                let t = a[i + j * n].abs();
                if offmax < t {
                    offmax = t;
                }
            }
            if offmax <= amnlsq {
                offmax = amnlsq;
            }
            a[i + i * n] = offmax.sqrt();
            let t = offmax - tmp1;
            if addmax < t {
                addmax = t;
            }
        }
    }
    addmax
}

/// Cholesky factor of the model Hessian, perturbed to be safely positive definite
/// (`chlhsn`); the Hessian is kept in the upper triangle and `udiag`.
fn chlhsn(a: &mut [f64], n: usize, epsm: f64, sx: &[f64], udiag: &mut [f64]) {
    for j in 0..n {
        for i in j..n {
            a[i + j * n] /= sx[i] * sx[j];
        }
    }
    let tol = epsm.sqrt();
    let mut diagmx = a[0];
    let mut diagmn = a[0];
    for i in 1..n {
        let t = a[i + i * n];
        if diagmn > t {
            diagmn = t;
        }
        if diagmx < t {
            diagmx = t;
        }
    }
    let posmax = fmax2(diagmx, 0.0);
    if diagmn <= posmax * tol {
        let mut amu = tol * (posmax - diagmn) - diagmn;
        if amu == 0.0 {
            let mut offmax: f64 = 0.0;
            for i in 1..n {
                for j in 0..i {
                    let t = a[i + j * n].abs();
                    if offmax < t {
                        offmax = t;
                    }
                }
            }
            amu = if offmax == 0.0 {
                1.0
            } else {
                offmax * (tol + 1.0)
            };
        }
        for i in 0..n {
            a[i + i * n] += amu;
        }
        diagmx += amu;
    }
    for i in 0..n {
        udiag[i] = a[i + i * n];
        for j in 0..i {
            a[j + i * n] = a[i + j * n];
        }
    }
    let addmax = choldc(a, n, diagmx, tol);
    if addmax > 0.0 {
        for i in 0..n {
            a[i + i * n] = udiag[i];
            for j in 0..i {
                a[i + j * n] = a[j + i * n];
            }
        }
        let mut evmin: f64 = 0.0;
        let mut evmax = a[0];
        for i in 0..n {
            let mut offrow = 0.0;
            for j in 0..i {
                offrow += a[i + j * n].abs();
            }
            for j in i + 1..n {
                offrow += a[j + i * n].abs();
            }
            let t = a[i + i * n] - offrow;
            if evmin > t {
                evmin = t;
            }
            let t = a[i + i * n] + offrow;
            if evmax < t {
                evmax = t;
            }
        }
        let sdd = tol * (evmax - evmin) - evmin;
        let amu = if sdd.is_nan() || addmax.is_nan() {
            sdd + addmax
        } else {
            sdd.min(addmax)
        };
        for i in 0..n {
            a[i + i * n] += amu;
            udiag[i] = a[i + i * n];
        }
        choldc(a, n, 0.0, tol);
    }
    for j in 0..n {
        for i in j..n {
            a[i + j * n] *= sx[i];
        }
        for i in 0..j {
            a[i + j * n] *= sx[i] * sx[j];
        }
        udiag[j] *= sx[j] * sx[j];
    }
}

/// Swaps rows i and i+1 of `r` from column i on (`qraux1`).
fn qraux1(r: &mut [f64], n: usize, i: usize) {
    for c in i..n {
        r.swap(i + c * n, i + 1 + c * n);
    }
}

/// Applies the Jacobi rotation J(i, i+1, a, b) to rows i, i+1 of `r` (`qraux2`).
fn qraux2(r: &mut [f64], n: usize, i: usize, a: f64, b: f64) {
    let den = a.hypot(b);
    let c = a / den;
    let s = b / den;
    for col in i..n {
        let y = r[i + col * n];
        let z = r[i + 1 + col * n];
        r[i + col * n] = c * y - s * z;
        r[i + 1 + col * n] = s * y + c * z;
    }
}

/// Q* R* = R + u v' for upper-triangular R in `a` (`qrupdt`).
fn qrupdt(a: &mut [f64], n: usize, u: &mut [f64], v: &[f64]) {
    let mut k = n - 1;
    while k > 0 && u[k] == 0.0 {
        k -= 1;
    }
    let mut ii = k;
    while ii > 0 {
        let i = ii - 1;
        if u[i] == 0.0 {
            qraux1(a, n, i);
            u[i] = u[ii];
        } else {
            qraux2(a, n, i, u[i], -u[ii]);
            u[i] = u[i].hypot(u[ii]);
        }
        ii = i;
    }
    for j in 0..n {
        a[j * n] += u[0] * v[j];
    }
    for i in 0..k {
        if a[i + i * n] == 0.0 {
            qraux1(a, n, i);
        } else {
            let t1 = a[i + i * n];
            let t2 = -a[i + 1 + i * n];
            qraux2(a, n, i, t1, t2);
        }
    }
}

/// The factored BFGS update of the Cholesky factor in `a` (`secfac`).
#[allow(clippy::too_many_arguments)]
fn secfac(
    n: usize,
    x: &[f64],
    g: &[f64],
    a: &mut [f64],
    xpls: &[f64],
    gpls: &[f64],
    epsm: f64,
    itncnt: i32,
    rnf: f64,
    iagflg: i32,
    noupdt: &mut bool,
) {
    *noupdt = itncnt == 1;
    let s: Vec<f64> = (0..n).map(|i| xpls[i] - x[i]).collect();
    let y: Vec<f64> = (0..n).map(|i| gpls[i] - g[i]).collect();
    let den1 = ddot(&s, &y);
    let snorm2 = dnrm2(&s);
    let ynrm2 = dnrm2(&y);
    if den1 < epsm.sqrt() * snorm2 * ynrm2 {
        return;
    }
    // u = L' s
    let mut u: Vec<f64> = (0..n)
        .map(|i| ddot(&a[i + i * n..(i + 1) * n], &s[i..]))
        .collect();
    let mut den2 = ddot(&u, &u);
    let mut alp = (den1 / den2).sqrt();
    if *noupdt {
        for j in 0..n {
            u[j] *= alp;
            for i in j..n {
                a[i + j * n] *= alp;
            }
        }
        *noupdt = false;
        den2 = den1;
        alp = 1.0;
    }
    let _ = den2;
    // w = L u
    let mut w: Vec<f64> = (0..n)
        .map(|i| {
            let mut sum = 0.0;
            for j in 0..=i {
                sum += a[i + j * n] * u[j];
            }
            sum
        })
        .collect();
    let reltol = if iagflg == 0 { rnf.sqrt() } else { rnf };
    let mut skpupd = true;
    for i in 0..n {
        skpupd = (y[i] - w[i]).abs() < reltol * fmax2(g[i].abs(), gpls[i].abs());
        if !skpupd {
            break;
        }
    }
    if skpupd {
        return;
    }
    for i in 0..n {
        w[i] = y[i] - alp * w[i];
    }
    alp /= den1;
    for v in u.iter_mut() {
        *v *= alp;
    }
    for i in 1..n {
        for j in 0..i {
            a[j + i * n] = a[i + j * n];
            a[i + j * n] = 0.0;
        }
    }
    qrupdt(a, n, &mut u, &w);
    for i in 1..n {
        for j in 0..i {
            a[i + j * n] = a[j + i * n];
        }
    }
}

/// Forward-difference gradient at `x` given f(x) (`fstofd` with m = 1).
fn fstofd_grad<E>(
    obj: &mut impl NlmObjective<E>,
    x: &mut [f64],
    f: f64,
    sx: &[f64],
    rnoise: f64,
    g: &mut [f64],
) -> Result<(), Fail<E>> {
    for j in 0..x.len() {
        let stepsz = rnoise.sqrt() * fmax2(x[j].abs(), 1.0 / sx[j]);
        let xtmpj = x[j];
        x[j] = xtmpj + stepsz;
        let fhat = obj.value(x)?;
        x[j] = xtmpj;
        g[j] = (fhat - f) / stepsz;
    }
    Ok(())
}

/// Forward differences of the analytic gradient: the Hessian, symmetrised (`fstofd`, icase 3).
fn fstofd_hess<E>(
    obj: &mut impl NlmObjective<E>,
    x: &mut [f64],
    gx: &[f64],
    sx: &[f64],
    rnoise: f64,
    a: &mut [f64],
) -> Result<(), Fail<E>> {
    let n = x.len();
    let mut fhat = vec![0.0; n];
    for j in 0..n {
        let stepsz = rnoise.sqrt() * fmax2(x[j].abs(), 1.0 / sx[j]);
        let xtmpj = x[j];
        x[j] = xtmpj + stepsz;
        obj.grad(x, &mut fhat)?;
        x[j] = xtmpj;
        for i in 0..n {
            a[i + j * n] = (fhat[i] - gx[i]) / stepsz;
        }
    }
    if n > 1 {
        for i in 1..n {
            for j in 0..i {
                a[i + j * n] = (a[i + j * n] + a[j + i * n]) / 2.0;
            }
        }
    }
    Ok(())
}

/// Central-difference gradient (`fstocd`).
fn fstocd<E>(
    obj: &mut impl NlmObjective<E>,
    x: &mut [f64],
    sx: &[f64],
    rnoise: f64,
    g: &mut [f64],
) -> Result<(), Fail<E>> {
    for i in 0..x.len() {
        let xtempi = x[i];
        let stepi = rnoise.powf(1.0 / 3.0) * fmax2(xtempi.abs(), 1.0 / sx[i]);
        x[i] = xtempi + stepi;
        let fplus = obj.value(x)?;
        x[i] = xtempi - stepi;
        let fminus = obj.value(x)?;
        x[i] = xtempi;
        g[i] = (fplus - fminus) / (stepi * 2.0);
    }
    Ok(())
}

/// Backtracking line search along the Newton step `p` (`lnsrch`). Returns
/// (iretcd, mxtake): 0 found, 1 no acceptable point distinct from x.
#[allow(clippy::too_many_arguments)]
fn lnsrch<E>(
    obj: &mut impl NlmObjective<E>,
    x: &[f64],
    f: f64,
    g: &[f64],
    p: &mut [f64],
    xpls: &mut [f64],
    fpls: &mut f64,
    stepmx: f64,
    steptl: f64,
    sx: &[f64],
) -> Result<(i32, bool), Fail<E>> {
    let n = x.len();
    let mut firstback = true;
    let mut pfpls = 0.0;
    let mut plmbda = 0.0;
    let mut temp1 = 0.0;
    for i in 0..n {
        temp1 += sx[i] * sx[i] * p[i] * p[i];
    }
    let mut sln = temp1.sqrt();
    if sln > stepmx {
        let scl = stepmx / sln;
        for v in p.iter_mut() {
            *v *= scl;
        }
        sln = stepmx;
    }
    let slp = ddot(g, p);
    let mut rln: f64 = 0.0;
    for i in 0..n {
        let t = p[i].abs() / fmax2(x[i].abs(), 1.0 / sx[i]);
        if rln < t {
            rln = t;
        }
    }
    let rmnlmb = steptl / rln;
    let mut lambda = 1.0;
    loop {
        for i in 0..n {
            xpls[i] = x[i] + lambda * p[i];
        }
        *fpls = obj.value(xpls)?;
        if *fpls <= f + slp * 1e-4 * lambda {
            return Ok((0, lambda == 1.0 && sln > stepmx * 0.99));
        }
        if lambda < rmnlmb {
            return Ok((1, false));
        }
        if *fpls >= f64::MAX {
            lambda *= 0.1;
            firstback = true;
        } else {
            let tlmbda;
            if firstback {
                tlmbda = -lambda * slp / ((*fpls - f - slp) * 2.0);
                firstback = false;
            } else {
                let t1 = *fpls - f - lambda * slp;
                let t2 = pfpls - f - plmbda * slp;
                let t3 = 1.0 / (lambda - plmbda);
                let a3 = 3.0 * t3 * (t1 / (lambda * lambda) - t2 / (plmbda * plmbda));
                let b = t3 * (t2 * lambda / (plmbda * plmbda) - t1 * plmbda / (lambda * lambda));
                let disc = b * b - a3 * slp;
                let mut t = if disc > b * b {
                    (-b + if a3 < 0.0 { -disc.sqrt() } else { disc.sqrt() }) / a3
                } else {
                    (-b + if a3 < 0.0 { disc.sqrt() } else { -disc.sqrt() }) / a3
                };
                if t > lambda * 0.5 {
                    t = lambda * 0.5;
                }
                tlmbda = t;
            }
            plmbda = lambda;
            pfpls = *fpls;
            if tlmbda < lambda * 0.1 {
                lambda *= 0.1;
            } else {
                lambda = tlmbda;
            }
        }
    }
}

/// The stopping rules (`opt_stop`); returns R's termination code (0 to go on).
#[allow(clippy::too_many_arguments)]
fn opt_stop(
    xpls: &[f64],
    fpls: f64,
    gpls: &[f64],
    x: &[f64],
    itncnt: i32,
    icscmx: &mut i32,
    c: &NlmControl,
    sx: &[f64],
    fscale: f64,
    iretcd: i32,
    mxtake: bool,
) -> i32 {
    if iretcd == 1 {
        return 3;
    }
    let n = xpls.len();
    let d = fmax2(fpls.abs(), fscale);
    let mut rgx: f64 = 0.0;
    for i in 0..n {
        let relgrd = gpls[i].abs() * fmax2(xpls[i].abs(), 1.0 / sx[i]) / d;
        if rgx < relgrd {
            rgx = relgrd;
        }
    }
    if rgx <= c.gradtol {
        return 1;
    }
    if itncnt == 0 {
        return 0;
    }
    let mut rsx: f64 = 0.0;
    for i in 0..n {
        let relstp = (xpls[i] - x[i]).abs() / fmax2(xpls[i].abs(), 1.0 / sx[i]);
        if rsx < relstp {
            rsx = relstp;
        }
    }
    if rsx <= c.steptol {
        return 2;
    }
    if itncnt < c.iterlim {
        if !mxtake {
            *icscmx = 0;
            return 0;
        }
        *icscmx += 1;
        if *icscmx < 5 {
            return 0;
        }
        return 5;
    }
    4
}

/// R's error for an `optchk`/check failure code.
fn opt_error<E>(code: i32) -> Fail<E> {
    Fail::msg(match code {
        -1 => "non-positive number of parameters in nlm",
        -2 => "nlm is inefficient for 1-d problems",
        -3 => "invalid gradient tolerance in nlm",
        -4 => "invalid iteration limit in nlm",
        -5 => "minimization function has no good digits in nlm",
        -6 => "no analytic gradient to check in nlm!",
        -7 => "no analytic Hessian to check in nlm!",
        -21 => "probable coding error in analytic gradient",
        -22 => "probable coding error in analytic Hessian",
        _ => "*** unknown error message in nlm()\n*** should not happen!",
    })
}

/// Minimises `obj` from `x0` as R's `nlm` does (`optdrv` with method 1).
pub fn optif9<E>(
    obj: &mut impl NlmObjective<E>,
    x0: &[f64],
    ctl: &NlmControl,
) -> Result<NlmOut, Fail<E>> {
    let n = x0.len();
    let epsm = f64::EPSILON;
    let mut c = ctl.clone();
    let mut x = x0.to_vec();
    let iagflg0 = if c.analytic_gradient { 1 } else { 0 };
    let iahflg = c.analytic_hessian;
    let iexp = !iahflg;
    // optchk
    if c.msg / 2 % 2 == 1 && iagflg0 == 0 {
        return Err(opt_error(-6));
    }
    if c.msg / 4 % 2 == 1 && !iahflg {
        return Err(opt_error(-7));
    }
    if n == 0 {
        return Err(opt_error(-1));
    }
    if n == 1 && c.msg % 2 == 0 {
        return Err(opt_error(-2));
    }
    let mut sx = vec![0.0; n];
    for i in 0..n {
        if c.typsize[i] == 0.0 {
            c.typsize[i] = 1.0;
        } else if c.typsize[i] < 0.0 {
            c.typsize[i] = -c.typsize[i];
        }
        sx[i] = 1.0 / c.typsize[i];
    }
    let mut stepmx = c.stepmax;
    if stepmx <= 0.0 {
        let mut stpsiz = 0.0;
        for i in 0..n {
            stpsiz += x[i] * x[i] * sx[i] * sx[i];
        }
        stepmx = 1000.0 * fmax2(stpsiz.sqrt(), 1.0);
    }
    let mut fscale = c.fscale;
    if fscale == 0.0 {
        fscale = 1.0;
    } else if fscale < 0.0 {
        fscale = -fscale;
    }
    if c.gradtol < 0.0 {
        return Err(opt_error(-3));
    }
    if c.iterlim <= 0 {
        return Err(opt_error(-4));
    }
    if c.ndigit == 0 {
        return Err(opt_error(-5));
    } else if c.ndigit < 0 {
        c.ndigit = (-epsm.log10()) as i32;
    }
    let typsize = c.typsize.clone();
    let mut p = vec![0.0; n];
    let rnf = fmax2(10f64.powf(-(c.ndigit as f64)), epsm);
    let analtl = fmax2(0.1, rnf.sqrt());
    let mut f = obj.value(&x)?;
    let mut g = vec![0.0; n];
    let mut iagflg = iagflg0;
    if iagflg == 0 {
        fstofd_grad(obj, &mut x, f, &sx, rnf, &mut g)?;
    } else {
        obj.grad(&x, &mut g)?;
        if c.msg / 2 % 2 == 0 {
            let mut est = vec![0.0; n];
            fstofd_grad(obj, &mut x, f, &sx, rnf, &mut est)?;
            for i in 0..n {
                let gs = fmax2(f.abs(), fscale) / fmax2(x[i].abs(), typsize[i]);
                if (g[i] - est[i]).abs() > fmax2(g[i].abs(), gs) * analtl {
                    return Err(opt_error(-21));
                }
            }
        }
    }
    let mut icscmx = 0;
    let mut itncnt = 0;
    let code0 = opt_stop(
        &x,
        f,
        &g,
        &vec![0.0; n],
        0,
        &mut icscmx,
        &c,
        &sx,
        fscale,
        -1,
        false,
    );
    let quiet = c.msg / 8 % 2 == 1;
    if code0 != 0 {
        if !quiet {
            obj.report(0, None, &x, f, &g);
        }
        return Ok(NlmOut {
            minimum: f,
            estimate: x,
            gradient: g,
            code: code0,
            iterations: 0,
            typsize,
        });
    }
    let mut a = vec![0.0; n * n];
    let mut udiag = vec![0.0; n];
    if iexp {
        for i in 0..n {
            a[i + i * n] = sx[i];
            for j in 0..i {
                a[i + j * n] = 0.0;
            }
        }
    } else if c.msg / 4 % 2 == 1 {
        obj.hess(&x, &mut a)?;
    } else {
        // heschk: finite differences of the analytic gradient against the analytic Hessian
        fstofd_hess(obj, &mut x, &g, &sx, rnf, &mut a)?;
        for j in 0..n {
            udiag[j] = a[j + j * n];
            for i in j + 1..n {
                a[j + i * n] = a[i + j * n];
            }
        }
        obj.hess(&x, &mut a)?;
        for j in 0..n {
            let hs = fmax2(g[j].abs(), 1.0) / fmax2(x[j].abs(), typsize[j]);
            if (a[j + j * n] - udiag[j]).abs() > fmax2(udiag[j].abs(), hs) * analtl {
                return Err(opt_error(-22));
            }
            for i in j + 1..n {
                let t1 = a[i + j * n];
                let t2 = (t1 - a[j + i * n]).abs();
                if t2 > fmax2(t1.abs(), hs) * analtl {
                    return Err(opt_error(-22));
                }
            }
        }
    }
    if !quiet {
        obj.report(0, Some(&p), &x, f, &g);
    }
    let mut xpls = vec![0.0; n];
    let mut gpls = vec![0.0; n];
    let mut fpls = 0.0;
    let mut noupdt = false;
    let itrmcd;
    loop {
        itncnt += 1;
        if !iexp {
            chlhsn(&mut a, n, epsm, &sx, &mut udiag);
        }
        let (iretcd, mxtake) = loop {
            let wrk1: Vec<f64> = g.iter().map(|v| -v).collect();
            lltslv(&a, n, &mut p, &wrk1);
            let r = lnsrch(
                obj, &x, f, &g, &mut p, &mut xpls, &mut fpls, stepmx, c.steptol, &sx,
            )?;
            if r.0 == 1 && iagflg == 0 {
                iagflg = -1;
                fstocd(obj, &mut x, &sx, rnf, &mut g)?;
                continue;
            }
            break r;
        };
        for i in 0..n {
            p[i] = xpls[i] - x[i];
        }
        match iagflg {
            -1 => fstocd(obj, &mut xpls, &sx, rnf, &mut gpls)?,
            0 => fstofd_grad(obj, &mut xpls, fpls, &sx, rnf, &mut gpls)?,
            _ => obj.grad(&xpls, &mut gpls)?,
        }
        let code = opt_stop(
            &xpls,
            fpls,
            &gpls,
            &x,
            itncnt,
            &mut icscmx,
            &c,
            &sx,
            fscale,
            iretcd,
            mxtake,
        );
        if code != 0 {
            itrmcd = code;
            break;
        }
        if iexp {
            secfac(
                n,
                &x,
                &g,
                &mut a,
                &xpls,
                &gpls,
                epsm,
                itncnt,
                rnf,
                iagflg,
                &mut noupdt,
            );
        } else {
            obj.hess(&xpls, &mut a)?;
        }
        if c.msg / 16 % 2 == 1 {
            obj.report(itncnt, Some(&p), &xpls, fpls, &gpls);
        }
        f = fpls;
        x.copy_from_slice(&xpls);
        g.copy_from_slice(&gpls);
    }
    if itrmcd == 3 {
        fpls = f;
        xpls.copy_from_slice(&x);
        gpls.copy_from_slice(&g);
    }
    if !quiet {
        obj.report(itncnt, None, &xpls, fpls, &gpls);
    }
    Ok(NlmOut {
        minimum: fpls,
        estimate: xpls,
        gradient: gpls,
        code: itrmcd,
        iterations: itncnt,
        typsize,
    })
}

/// The finite-difference Hessian of `nlm(hessian = TRUE)` (`fdhess`, Dennis & Schnabel
/// A5.6.2), full and symmetric, column-major.
pub fn fdhess<E>(
    obj: &mut impl NlmObjective<E>,
    x: &[f64],
    fval: f64,
    ndigit: i32,
    typx: &[f64],
) -> Result<Vec<f64>, Fail<E>> {
    let n = x.len();
    let mut x = x.to_vec();
    let mut h = vec![0.0; n * n];
    let mut step = vec![0.0; n];
    let mut f = vec![0.0; n];
    let eta = 10f64.powf(-(ndigit as f64) / 3.0);
    for i in 0..n {
        step[i] = eta * fmax2(x[i], typx[i]);
        if typx[i] < 0.0 {
            step[i] = -step[i];
        }
        let tempi = x[i];
        x[i] += step[i];
        step[i] = x[i] - tempi;
        f[i] = obj.value(&x)?;
        x[i] = tempi;
    }
    for i in 0..n {
        let tempi = x[i];
        x[i] += step[i] * 2.0;
        let fii = obj.value(&x)?;
        h[i + i * n] = (fval - f[i] + (fii - f[i])) / (step[i] * step[i]);
        x[i] = tempi + step[i];
        for j in i + 1..n {
            let tempj = x[j];
            x[j] += step[j];
            let fij = obj.value(&x)?;
            h[i + j * n] = (fval - f[i] + (fij - f[j])) / (step[i] * step[j]);
            x[j] = tempj;
        }
        x[i] = tempi;
    }
    for i in 0..n {
        for j in 0..i {
            h[i + j * n] = h[j + i * n];
        }
    }
    Ok(h)
}
