//! QUADPACK's globally adaptive integrators with Wynn's epsilon extrapolation, as R's
//! `integrate` runs them: `dqags` (21-point Gauss–Kronrod on a finite range) and `dqagi`
//! (15-point rule on an infinite range mapped onto (0, 1]). The integrand is vectorised:
//! it receives all abscissae of one rule at once and returns the values in order.

/// The outcome of one integration, as R's `integrate` reports it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quad {
    pub value: f64,
    pub abs_error: f64,
    pub subdivisions: i32,
    /// QUADPACK's `ier` as R sees it (0 OK, 1 limit, 2 roundoff, 3 bad integrand,
    /// 4 roundoff in extrapolation, 5 divergent, 6 invalid input).
    pub ier: i32,
}

const EPMACH: f64 = f64::EPSILON;
const UFLOW: f64 = f64::MIN_POSITIVE;
const OFLOW: f64 = f64::MAX;

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
fn fmin2(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        return a + b;
    }
    if a < b {
        a
    } else {
        b
    }
}

/// A local rule applied to [a, b]: (result, abserr, resabs, resasc).
type Rule = (f64, f64, f64, f64);

fn finish_rule(resk: f64, resg: f64, hlgth: f64, dh: f64, resabs: f64, resasc: f64) -> Rule {
    let result = resk * hlgth;
    let resabs = resabs * dh;
    let resasc = resasc * dh;
    let mut abserr = ((resk - resg) * hlgth).abs();
    if resasc != 0.0 && abserr != 0.0 {
        abserr = resasc * fmin2(1.0, (abserr * 200.0 / resasc).powf(1.5));
    }
    if resabs > UFLOW / (EPMACH * 50.0) {
        abserr = fmax2(EPMACH * 50.0 * resabs, abserr);
    }
    (result, abserr, resabs, resasc)
}

const XGK21: [f64; 11] = [
    0.995657163025808080735527280689003,
    0.973906528517171720077964012084452,
    0.930157491355708226001207180059508,
    0.865063366688984510732096688423493,
    0.780817726586416897063717578345042,
    0.679409568299024406234327365114874,
    0.562757134668604683339000099272694,
    0.433395394129247190799265943165784,
    0.294392862701460198131126603103866,
    0.14887433898163121088482600112972,
    0.,
];
const WGK21: [f64; 11] = [
    0.011694638867371874278064396062192,
    0.03255816230796472747881897245939,
    0.05475589657435199603138130024458,
    0.07503967481091995276704314091619,
    0.093125454583697605535065465083366,
    0.109387158802297641899210590325805,
    0.123491976262065851077958109831074,
    0.134709217311473325928054001771707,
    0.142775938577060080797094273138717,
    0.147739104901338491374841515972068,
    0.149445554002916905664936468389821,
];
const WG10: [f64; 5] = [
    0.066671344308688137593568809893332,
    0.149451349150580593145776339657697,
    0.219086362515982043995534934228163,
    0.269266719309996355091226921569469,
    0.295524224714752870173892994651338,
];

/// The 21-point Gauss–Kronrod rule on [a, b] (`dqk21`).
fn qk21<E>(f: &mut impl FnMut(&[f64]) -> Result<Vec<f64>, E>, a: f64, b: f64) -> Result<Rule, E> {
    let centr = (a + b) * 0.5;
    let hlgth = (b - a) * 0.5;
    let dhlgth = hlgth.abs();
    let mut vec = [0.0; 21];
    vec[0] = centr;
    for j in 1..=5 {
        let absc = hlgth * XGK21[2 * j - 1];
        vec[2 * j - 1] = centr - absc;
        vec[2 * j] = centr + absc;
    }
    for j in 1..=5 {
        let absc = hlgth * XGK21[2 * j - 2];
        vec[2 * j + 9] = centr - absc;
        vec[2 * j + 10] = centr + absc;
    }
    let fv = f(&vec)?;
    let fc = fv[0];
    let mut resg = 0.0;
    let mut resk = WGK21[10] * fc;
    let mut resabs = resk.abs();
    let mut fv1 = [0.0; 10];
    let mut fv2 = [0.0; 10];
    for j in 1..=5 {
        let jtw = 2 * j;
        let (f1, f2) = (fv[2 * j - 1], fv[2 * j]);
        fv1[jtw - 1] = f1;
        fv2[jtw - 1] = f2;
        let fsum = f1 + f2;
        resg += WG10[j - 1] * fsum;
        resk += WGK21[jtw - 1] * fsum;
        resabs += WGK21[jtw - 1] * (f1.abs() + f2.abs());
    }
    for j in 1..=5 {
        let jtwm1 = 2 * j - 1;
        let (f1, f2) = (fv[2 * j + 9], fv[2 * j + 10]);
        fv1[jtwm1 - 1] = f1;
        fv2[jtwm1 - 1] = f2;
        let fsum = f1 + f2;
        resk += WGK21[jtwm1 - 1] * fsum;
        resabs += WGK21[jtwm1 - 1] * (f1.abs() + f2.abs());
    }
    let reskh = resk * 0.5;
    let mut resasc = WGK21[10] * (fc - reskh).abs();
    for j in 0..10 {
        resasc += WGK21[j] * ((fv1[j] - reskh).abs() + (fv2[j] - reskh).abs());
    }
    Ok(finish_rule(resk, resg, hlgth, dhlgth, resabs, resasc))
}

const XGK15: [f64; 8] = [
    0.991455371120812639206854697526329,
    0.949107912342758524526189684047851,
    0.864864423359769072789712788640926,
    0.741531185599394439863864773280788,
    0.58608723546769113029414483825873,
    0.405845151377397166906606412076961,
    0.207784955007898467600689403773245,
    0.,
];
const WGK15: [f64; 8] = [
    0.02293532201052922496373200805897,
    0.063092092629978553290700663189204,
    0.104790010322250183839876322541518,
    0.140653259715525918745189590510238,
    0.16900472663926790282658342659855,
    0.190350578064785409913256402421014,
    0.204432940075298892414161999234649,
    0.209482141084727828012999174891714,
];
const WG7: [f64; 8] = [
    0.,
    0.129484966168869693270611432679082,
    0.,
    0.27970539148927666790146777142378,
    0.,
    0.381830050505118944950369775488975,
    0.,
    0.417959183673469387755102040816327,
];

/// The transformed 15-point rule on [a, b] ⊂ (0, 1] for an infinite range (`dqk15i`).
fn qk15i<E>(
    f: &mut impl FnMut(&[f64]) -> Result<Vec<f64>, E>,
    boun: f64,
    inf: i32,
    a: f64,
    b: f64,
) -> Result<Rule, E> {
    let dinf = inf.min(1) as f64;
    let centr = (a + b) * 0.5;
    let hlgth = (b - a) * 0.5;
    let mut vec = [0.0; 15];
    let mut vec2 = [0.0; 15];
    let tabsc1 = boun + dinf * (1.0 - centr) / centr;
    vec[0] = tabsc1;
    vec2[0] = -tabsc1;
    let mut absc1s = [0.0; 7];
    let mut absc2s = [0.0; 7];
    for j in 1..=7 {
        let absc = hlgth * XGK15[j - 1];
        let absc1 = centr - absc;
        let absc2 = centr + absc;
        absc1s[j - 1] = absc1;
        absc2s[j - 1] = absc2;
        let t1 = boun + dinf * (1.0 - absc1) / absc1;
        let t2 = boun + dinf * (1.0 - absc2) / absc2;
        vec[2 * j - 1] = t1;
        vec[2 * j] = t2;
        vec2[2 * j - 1] = -t1;
        vec2[2 * j] = -t2;
    }
    let v1 = f(&vec)?;
    let v2 = if inf == 2 { Some(f(&vec2)?) } else { None };
    let at = |k: usize| v1[k] + v2.as_ref().map(|v| v[k]).unwrap_or(0.0);
    let fval1 = if inf == 2 {
        v1[0] + v2.as_ref().map(|v| v[0]).unwrap_or(0.0)
    } else {
        v1[0]
    };
    let fc = fval1 / centr / centr;
    let mut resg = WG7[7] * fc;
    let mut resk = WGK15[7] * fc;
    let mut resabs = resk.abs();
    let mut fv1 = [0.0; 7];
    let mut fv2 = [0.0; 7];
    for j in 1..=7 {
        let (absc1, absc2) = (absc1s[j - 1], absc2s[j - 1]);
        let (mut f1, mut f2) = if inf == 2 {
            (at(2 * j - 1), at(2 * j))
        } else {
            (v1[2 * j - 1], v1[2 * j])
        };
        f1 = f1 / absc1 / absc1;
        f2 = f2 / absc2 / absc2;
        fv1[j - 1] = f1;
        fv2[j - 1] = f2;
        let fsum = f1 + f2;
        resg += WG7[j - 1] * fsum;
        resk += WGK15[j - 1] * fsum;
        resabs += WGK15[j - 1] * (f1.abs() + f2.abs());
    }
    let reskh = resk * 0.5;
    let mut resasc = WGK15[7] * (fc - reskh).abs();
    for j in 0..7 {
        resasc += WGK15[j] * ((fv1[j] - reskh).abs() + (fv2[j] - reskh).abs());
    }
    Ok(finish_rule(resk, resg, hlgth, hlgth, resabs, resasc))
}

/// Wynn's epsilon algorithm on the table `epstab` (1-based, at least 52 + 1 entries)
/// holding `n` elements (`dqelg`). Returns (result, abserr).
fn qelg(n: &mut usize, epstab: &mut [f64], res3la: &mut [f64; 4], nres: &mut i32) -> (f64, f64) {
    *nres += 1;
    let mut abserr = OFLOW;
    let mut result = epstab[*n];
    if *n < 3 {
        abserr = fmax2(abserr, EPMACH * 5.0 * result.abs());
        return (result, abserr);
    }
    let limexp = 50;
    epstab[*n + 2] = epstab[*n];
    let newelm = (*n - 1) / 2;
    epstab[*n] = OFLOW;
    let num = *n;
    let mut k1 = *n;
    let mut converged = false;
    for i in 1..=newelm {
        let k2 = k1 - 1;
        let k3 = k1 - 2;
        let mut res = epstab[k1 + 2];
        let e0 = epstab[k3];
        let e1 = epstab[k2];
        let e2 = res;
        let e1abs = e1.abs();
        let delta2 = e2 - e1;
        let err2 = delta2.abs();
        let tol2 = fmax2(e2.abs(), e1abs) * EPMACH;
        let delta3 = e1 - e0;
        let err3 = delta3.abs();
        let tol3 = fmax2(e1abs, e0.abs()) * EPMACH;
        if err2 <= tol2 && err3 <= tol3 {
            result = res;
            abserr = err2 + err3;
            converged = true;
            break;
        }
        let e3 = epstab[k1];
        epstab[k1] = e1;
        let delta1 = e1 - e3;
        let err1 = delta1.abs();
        let tol1 = fmax2(e1abs, e3.abs()) * EPMACH;
        let mut ss = 0.0;
        let mut irregular = true;
        if err1 > tol1 && err2 > tol2 && err3 > tol3 {
            ss = 1.0 / delta1 + 1.0 / delta2 - 1.0 / delta3;
            let epsinf = (ss * e1).abs();
            if epsinf > 1e-4 {
                irregular = false;
            }
        }
        if irregular {
            *n = i + i - 1;
            break;
        }
        res = e1 + 1.0 / ss;
        epstab[k1] = res;
        k1 -= 2;
        let err_a = err2 + (res - e2).abs() + err3;
        if err_a <= abserr {
            abserr = err_a;
            result = res;
        }
    }
    if !converged {
        if *n == limexp {
            *n = 2 * (limexp / 2) - 1;
        }
        let mut ib = if num.is_multiple_of(2) { 2 } else { 1 };
        let ie = newelm + 1;
        for _ in 1..=ie {
            let ib2 = ib + 2;
            epstab[ib] = epstab[ib2];
            ib = ib2;
        }
        if num != *n {
            let shift = num - *n;
            for i in 1..=*n {
                epstab[i] = epstab[i + shift];
            }
        }
        if *nres >= 4 {
            abserr = (result - res3la[3]).abs()
                + (result - res3la[2]).abs()
                + (result - res3la[1]).abs();
            res3la[1] = res3la[2];
            res3la[2] = res3la[3];
            res3la[3] = result;
        } else {
            res3la[*nres as usize] = result;
            abserr = OFLOW;
        }
    }
    abserr = fmax2(abserr, EPMACH * 5.0 * result.abs());
    (result, abserr)
}

/// Keeps `iord` pointing at the error estimates in decreasing order (`dqpsrt`);
/// all arrays 1-based. Returns the new (maxerr, errmax).
fn qpsrt(
    limit: usize,
    last: usize,
    maxerr: usize,
    elist: &[f64],
    iord: &mut [usize],
    nrmax: &mut usize,
) -> (usize, f64) {
    if last <= 2 {
        iord[1] = 1;
        iord[2] = 2;
    } else {
        let errmax = elist[maxerr];
        if *nrmax > 1 {
            let ido = *nrmax - 1;
            for _ in 1..=ido {
                let isucc = iord[*nrmax - 1];
                if errmax <= elist[isucc] {
                    break;
                }
                iord[*nrmax] = isucc;
                *nrmax -= 1;
            }
        }
        let jupbn = if last > limit / 2 + 2 {
            limit + 3 - last
        } else {
            last
        };
        let errmin = elist[last];
        let jbnd = jupbn - 1;
        let mut done = false;
        let mut i = *nrmax + 1;
        while i <= jbnd {
            let isucc = iord[i];
            if errmax >= elist[isucc] {
                iord[i - 1] = maxerr;
                let mut k = jbnd;
                let mut placed = false;
                for _ in i..=jbnd {
                    let isucc = iord[k];
                    if errmin < elist[isucc] {
                        iord[k + 1] = last;
                        placed = true;
                        break;
                    }
                    iord[k + 1] = isucc;
                    k -= 1;
                }
                if !placed {
                    iord[i] = last;
                }
                done = true;
                break;
            }
            iord[i - 1] = isucc;
            i += 1;
        }
        if !done {
            iord[jbnd] = maxerr;
            iord[jupbn] = last;
        }
    }
    let maxerr = iord[*nrmax];
    (maxerr, elist[maxerr])
}

/// Which range is integrated: finite [a, b], or an infinite one with the finite bound
/// and QUADPACK's `inf` code (1: (bound, Inf), -1: (-Inf, bound), 2: the whole line).
#[derive(Clone, Copy, Debug)]
pub enum Range {
    Finite(f64, f64),
    Infinite(f64, i32),
}

/// Integrates `f` over `range` to `max(epsabs, epsrel * |I|)` with at most `limit`
/// subintervals, as R's `dqags`/`dqagi` do (including their `ier` conventions).
pub fn integrate<E, F: FnMut(&[f64]) -> Result<Vec<f64>, E>>(
    mut f: F,
    range: Range,
    epsabs: f64,
    epsrel: f64,
    limit: usize,
) -> Result<Quad, E> {
    let infinite = matches!(range, Range::Infinite(..));
    let (a, b, boun, inf) = match range {
        Range::Finite(a, b) => (a, b, 0.0, 0),
        Range::Infinite(bound, inf) => (0.0, 1.0, if inf == 2 { 0.0 } else { bound }, inf),
    };
    let rule = |f: &mut F, x: f64, y: f64| -> Result<Rule, E> {
        if infinite {
            qk15i(f, boun, inf, x, y)
        } else {
            qk21(f, x, y)
        }
    };
    if limit < 1 {
        return Ok(Quad {
            value: 0.0,
            abs_error: 0.0,
            subdivisions: 0,
            ier: 6,
        });
    }
    let mut alist = vec![0.0; limit + 1];
    let mut blist = vec![0.0; limit + 1];
    let mut rlist = vec![0.0; limit + 1];
    let mut elist = vec![0.0; limit + 1];
    let mut iord = vec![0usize; limit + 2];
    alist[1] = a;
    blist[1] = b;
    if epsabs <= 0.0 && epsrel < fmax2(EPMACH * 50.0, 5e-29) {
        return Ok(Quad {
            value: 0.0,
            abs_error: 0.0,
            subdivisions: 0,
            ier: 6,
        });
    }
    let mut ier = 0;
    let mut ierro = 0;
    let (mut result, mut abserr, defabs, resabs0) = rule(&mut f, a, b)?;
    let dres = result.abs();
    let mut errbnd = fmax2(epsabs, epsrel * dres);
    let mut last = 1usize;
    rlist[1] = result;
    elist[1] = abserr;
    iord[1] = 1;
    if abserr <= EPMACH * 100.0 * defabs && abserr > errbnd {
        ier = 2;
    }
    if limit == 1 {
        ier = 1;
    }
    let done = |result: f64, abserr: f64, last: usize, ier: i32| Quad {
        value: result,
        abs_error: abserr,
        subdivisions: last as i32,
        ier: if infinite && ier > 2 { ier - 1 } else { ier },
    };
    if ier != 0 || (abserr <= errbnd && abserr != resabs0) || abserr == 0.0 {
        return Ok(done(result, abserr, last, ier));
    }
    let mut rlist2 = [0.0; 53];
    let mut res3la = [0.0; 4];
    rlist2[1] = result;
    let mut errmax = abserr;
    let mut maxerr = 1usize;
    let mut area = result;
    let mut errsum = abserr;
    abserr = OFLOW;
    let mut nrmax = 1usize;
    let mut nres = 0;
    let mut numrl2 = 2usize;
    let mut ktmin = 0;
    let mut extrap = false;
    let mut noext = false;
    let (mut iroff1, mut iroff2, mut iroff3) = (0, 0, 0);
    let ksgn = if dres >= (1.0 - EPMACH * 50.0) * defabs {
        1
    } else {
        -1
    };
    let (mut correc, mut erlarg, mut ertest, mut small) = (0.0, 0.0, 0.0, 0.0);
    let mut jump_to_sum = false;
    last = 2;
    while last <= limit {
        let a1 = alist[maxerr];
        let b1 = (alist[maxerr] + blist[maxerr]) * 0.5;
        let a2 = b1;
        let b2 = blist[maxerr];
        let erlast = errmax;
        let (area1, error1, _, defab1) = rule(&mut f, a1, b1)?;
        let (area2, error2, _, defab2) = rule(&mut f, a2, b2)?;
        let area12 = area1 + area2;
        let erro12 = error1 + error2;
        errsum = errsum + erro12 - errmax;
        area = area + area12 - rlist[maxerr];
        if !(defab1 == error1 || defab2 == error2) {
            if (rlist[maxerr] - area12).abs() <= area12.abs() * 1e-5 && erro12 >= errmax * 0.99 {
                if extrap {
                    iroff2 += 1;
                } else {
                    iroff1 += 1;
                }
            }
            if last > 10 && erro12 > errmax {
                iroff3 += 1;
            }
        }
        rlist[maxerr] = area1;
        rlist[last] = area2;
        errbnd = fmax2(epsabs, epsrel * area.abs());
        if iroff1 + iroff2 >= 10 || iroff3 >= 20 {
            ier = 2;
        }
        if iroff2 >= 5 {
            ierro = 3;
        }
        if last == limit {
            ier = 1;
        }
        if fmax2(a1.abs(), b2.abs()) <= (EPMACH * 100.0 + 1.0) * (a2.abs() + UFLOW * 1e3) {
            ier = 4;
        }
        if error2 > error1 {
            alist[maxerr] = a2;
            alist[last] = a1;
            blist[last] = b1;
            rlist[maxerr] = area2;
            rlist[last] = area1;
            elist[maxerr] = error2;
            elist[last] = error1;
        } else {
            alist[last] = a2;
            blist[maxerr] = b1;
            blist[last] = b2;
            elist[maxerr] = error1;
            elist[last] = error2;
        }
        let (me, em) = qpsrt(limit, last, maxerr, &elist, &mut iord, &mut nrmax);
        maxerr = me;
        errmax = em;
        if errsum <= errbnd {
            jump_to_sum = true;
            break;
        }
        if ier != 0 {
            break;
        }
        if last == 2 {
            small = if infinite {
                0.375
            } else {
                (b - a).abs() * 0.375
            };
            erlarg = errsum;
            ertest = errbnd;
            rlist2[2] = area;
            last += 1;
            continue;
        }
        if noext {
            last += 1;
            continue;
        }
        erlarg -= erlast;
        if (b1 - a1).abs() > small {
            erlarg += erro12;
        }
        if !extrap {
            if (blist[maxerr] - alist[maxerr]).abs() > small {
                last += 1;
                continue;
            }
            extrap = true;
            nrmax = 2;
        }
        let mut goto90 = false;
        if ierro != 3 && erlarg > ertest {
            let id = nrmax;
            let jupbnd = if last > limit / 2 + 2 {
                limit + 3 - last
            } else {
                last
            };
            let mut k = id;
            while k <= jupbnd {
                maxerr = iord[nrmax];
                errmax = elist[maxerr];
                if (blist[maxerr] - alist[maxerr]).abs() > small {
                    goto90 = true;
                    break;
                }
                nrmax += 1;
                k += 1;
            }
        }
        if goto90 {
            last += 1;
            continue;
        }
        numrl2 += 1;
        rlist2[numrl2] = area;
        let (reseps, abseps) = qelg(&mut numrl2, &mut rlist2, &mut res3la, &mut nres);
        ktmin += 1;
        if ktmin > 5 && abserr < errsum * 0.001 {
            ier = 5;
        }
        if abseps < abserr {
            ktmin = 0;
            abserr = abseps;
            result = reseps;
            correc = erlarg;
            ertest = fmax2(epsabs, epsrel * reseps.abs());
            if abserr <= ertest {
                break;
            }
        }
        if numrl2 == 1 {
            noext = true;
        }
        if ier == 5 {
            break;
        }
        maxerr = iord[1];
        errmax = elist[maxerr];
        nrmax = 1;
        extrap = false;
        small *= 0.5;
        erlarg = errsum;
        last += 1;
    }
    if last > limit {
        last = limit;
    }
    // L100: set the final result and error estimate
    let sum_up = |rlist: &[f64], last: usize| -> f64 {
        let mut s = 0.0;
        for v in &rlist[1..=last] {
            s += *v;
        }
        s
    };
    if !jump_to_sum {
        let mut to_sum = false;
        let mut to_end = false;
        if abserr == OFLOW {
            to_sum = true;
        } else if ier + ierro != 0 {
            if ierro == 3 {
                abserr += correc;
            }
            if ier == 0 {
                ier = 3;
            }
            if result == 0.0 || area == 0.0 {
                if abserr > errsum {
                    to_sum = true;
                } else if area == 0.0 {
                    to_end = true;
                }
            } else if abserr / result.abs() > errsum / area.abs() {
                to_sum = true;
            }
        }
        if !to_sum && !to_end {
            // L110: test on divergence
            if !(ksgn == -1 && fmax2(result.abs(), area.abs()) <= defabs * 0.01)
                && (0.01 > result / area || result / area > 100.0 || errsum > area.abs())
            {
                ier = if infinite { 6 } else { 5 };
            }
            return Ok(done(result, abserr, last, ier));
        }
        if to_end {
            return Ok(done(result, abserr, last, ier));
        }
    }
    result = sum_up(&rlist, last);
    abserr = errsum;
    Ok(done(result, abserr, last, ier))
}
