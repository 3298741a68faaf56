//! Random variate generators, reproducing GNU R's algorithms (and so its streams):
//! Ahrens-Dieter gamma (GD / GS), Cheng's beta (BB / BC), Kachitvichyanukul-Schmeiser
//! binomial (BTPE with inversion for small means), Ahrens-Dieter Poisson (PD with table
//! lookup for small means), and the simple transformations built on them.
//!
//! Invalid parameters give NaN; callers turn that into `NA` with R's warning.

// The coefficients are R's published constants, kept digit for digit.
#![allow(clippy::excessive_precision, clippy::approx_constant)]

use crate::stats::rng::Rng;

/// `runif(1, a, b)`.
pub fn runif(r: &mut Rng, a: f64, b: f64) -> f64 {
    if !a.is_finite() || !b.is_finite() || b < a {
        return f64::NAN;
    }
    if a == b {
        return a;
    }
    let u = r.unif_rand();
    a + (b - a) * u
}

/// `rnorm(1, mu, sigma)`.
pub fn rnorm(r: &mut Rng, mu: f64, sigma: f64) -> f64 {
    if mu.is_nan() || !sigma.is_finite() || sigma < 0.0 {
        return f64::NAN;
    }
    if sigma == 0.0 || !mu.is_finite() {
        return mu;
    }
    mu + sigma * r.norm_rand()
}

/// `rexp(1, rate = 1 / scale)`.
pub fn rexp(r: &mut Rng, scale: f64) -> f64 {
    if !scale.is_finite() || scale <= 0.0 {
        return if scale == 0.0 { 0.0 } else { f64::NAN };
    }
    scale * r.exp_rand()
}

/// `rgamma(1, shape = a, scale = scale)`.
pub fn rgamma(r: &mut Rng, a: f64, scale: f64) -> f64 {
    const SQRT32: f64 = 5.656854;
    const EXP_M1: f64 = 0.36787944117144232159;
    const Q1: f64 = 0.04166669;
    const Q2: f64 = 0.02083148;
    const Q3: f64 = 0.00801191;
    const Q4: f64 = 0.00144121;
    const Q5: f64 = -7.388e-5;
    const Q6: f64 = 2.4511e-4;
    const Q7: f64 = 2.424e-4;
    const A1: f64 = 0.3333333;
    const A2: f64 = -0.250003;
    const A3: f64 = 0.2000062;
    const A4: f64 = -0.1662921;
    const A5: f64 = 0.1423657;
    const A6: f64 = -0.1367177;
    const A7: f64 = 0.1233795;

    if a.is_nan() || scale.is_nan() {
        return f64::NAN;
    }
    if a <= 0.0 || scale <= 0.0 {
        return if scale == 0.0 || a == 0.0 {
            0.0
        } else {
            f64::NAN
        };
    }
    if !a.is_finite() || !scale.is_finite() {
        return f64::INFINITY;
    }

    if a < 1.0 {
        // GS algorithm for 0 < a < 1
        let e = 1.0 + EXP_M1 * a;
        let x = loop {
            let p = e * r.unif_rand();
            if p >= 1.0 {
                let x = -((e - p) / a).ln();
                if r.exp_rand() >= (1.0 - a) * x.ln() {
                    break x;
                }
            } else {
                let x = (p.ln() / a).exp();
                if r.exp_rand() >= x {
                    break x;
                }
            }
        };
        return scale * x;
    }

    // GD algorithm, step 1
    let s2 = a - 0.5;
    let s = s2.sqrt();
    let d = SQRT32 - s * 12.0;

    // step 2
    let mut t = r.norm_rand();
    let mut x = s + 0.5 * t;
    let ret_val = x * x;
    if t >= 0.0 {
        return scale * ret_val;
    }
    // step 3
    let mut u = r.unif_rand();
    if d * u <= t * t * t {
        return scale * ret_val;
    }
    // step 4
    let rr = 1.0 / a;
    let q0 = ((((((Q7 * rr + Q6) * rr + Q5) * rr + Q4) * rr + Q3) * rr + Q2) * rr + Q1) * rr;
    let (b, si, c) = if a <= 3.686 {
        (0.463 + s + 0.178 * s2, 1.235, 0.195 / s - 0.079 + 0.16 * s)
    } else if a <= 13.022 {
        (1.654 + 0.0076 * s2, 1.68 / s + 0.275, 0.062 / s + 0.024)
    } else {
        (1.77, 0.75, 0.1515 / s)
    };
    let quot = |t: f64| -> f64 {
        let v = t / (s + s);
        if v.abs() <= 0.25 {
            q0 + 0.5
                * t
                * t
                * ((((((A7 * v + A6) * v + A5) * v + A4) * v + A3) * v + A2) * v + A1)
                * v
        } else {
            q0 - s * t + 0.25 * t * t + (s2 + s2) * (1.0 + v).ln()
        }
    };
    // steps 5-7
    if x > 0.0 {
        let q = quot(t);
        if (1.0 - u).ln() <= q {
            return scale * ret_val;
        }
    }
    loop {
        // step 8: double exponential (Laplace) sample
        let e = r.exp_rand();
        u = r.unif_rand();
        u = u + u - 1.0;
        t = if u < 0.0 { b - si * e } else { b + si * e };
        // step 9
        if t >= -0.71874483771719 {
            // step 10
            let q = quot(t);
            // step 11
            if q > 0.0 {
                let w = q.exp_m1();
                if c * u.abs() <= w * (e - 0.5 * t * t).exp() {
                    break;
                }
            }
        }
    }
    x = s + 0.5 * t;
    scale * x * x
}

/// `rbeta(1, aa, bb)`.
pub fn rbeta(r: &mut Rng, aa: f64, bb: f64) -> f64 {
    const EXPMAX: f64 = f64::MAX_EXP as f64 * std::f64::consts::LN_2;
    if aa.is_nan() || bb.is_nan() || aa < 0.0 || bb < 0.0 {
        return f64::NAN;
    }
    if !aa.is_finite() && !bb.is_finite() {
        return 0.5;
    }
    if aa == 0.0 && bb == 0.0 {
        return if r.unif_rand() < 0.5 { 0.0 } else { 1.0 };
    }
    if !aa.is_finite() || bb == 0.0 {
        return 1.0;
    }
    if !bb.is_finite() || aa == 0.0 {
        return 0.0;
    }
    let a = aa.min(bb);
    let b = aa.max(bb);
    let alpha = a + b;
    let vw = |u1: f64, beta: f64, m: f64| -> (f64, f64) {
        let v = beta * (u1 / (1.0 - u1)).ln();
        let w = if v <= EXPMAX {
            let w = m * v.exp();
            if w.is_finite() {
                w
            } else {
                f64::MAX
            }
        } else {
            f64::MAX
        };
        (v, w)
    };

    if a <= 1.0 {
        // Algorithm BC
        let beta = 1.0 / a;
        let delta = 1.0 + b - a;
        let k1 = delta * (0.0138889 + 0.0416667 * a) / (b * beta - 0.777778);
        let k2 = 0.25 + (0.5 + 0.25 / delta) * a;
        let w = loop {
            let u1 = r.unif_rand();
            let u2 = r.unif_rand();
            let z;
            if u1 < 0.5 {
                let y = u1 * u2;
                z = u1 * y;
                if 0.25 * u2 + z - y >= k1 {
                    continue;
                }
            } else {
                z = u1 * u1 * u2;
                if z <= 0.25 {
                    break vw(u1, beta, b).1;
                }
                if z >= k2 {
                    continue;
                }
            }
            let (v, w) = vw(u1, beta, b);
            if alpha * ((alpha / (a + w)).ln() + v) - 1.3862944 >= z.ln() {
                break w;
            }
        };
        if aa == a {
            a / (a + w)
        } else {
            w / (a + w)
        }
    } else {
        // Algorithm BB
        let beta = ((alpha - 2.0) / (2.0 * a * b - alpha)).sqrt();
        let gamma = a + 1.0 / beta;
        let w = loop {
            let u1 = r.unif_rand();
            let u2 = r.unif_rand();
            let (v, w) = vw(u1, beta, a);
            let z = u1 * u1 * u2;
            let rr = gamma * v - 1.3862944;
            let s = a + rr - w;
            if s + 2.609438 >= 5.0 * z {
                break w;
            }
            let t = z.ln();
            if s > t {
                break w;
            }
            if rr + alpha * (alpha / (b + w)).ln() >= t {
                break w;
            }
        };
        if aa != a {
            b / (b + w)
        } else {
            w / (b + w)
        }
    }
}

/// `rchisq(1, df)`.
pub fn rchisq(r: &mut Rng, df: f64) -> f64 {
    if !df.is_finite() || df < 0.0 {
        return f64::NAN;
    }
    rgamma(r, df / 2.0, 2.0)
}

/// `rt(1, df)`.
pub fn rt(r: &mut Rng, df: f64) -> f64 {
    if df.is_nan() || df <= 0.0 {
        return f64::NAN;
    }
    if !df.is_finite() {
        return r.norm_rand();
    }
    let num = r.norm_rand();
    num / (rchisq(r, df) / df).sqrt()
}

/// `rcauchy(1, location, scale)`.
pub fn rcauchy(r: &mut Rng, location: f64, scale: f64) -> f64 {
    if location.is_nan() || !scale.is_finite() || scale < 0.0 {
        return f64::NAN;
    }
    if scale == 0.0 || !location.is_finite() {
        return location;
    }
    location + scale * (std::f64::consts::PI * r.unif_rand()).tan()
}

/// `rlogis(1, location, scale)`.
pub fn rlogis(r: &mut Rng, location: f64, scale: f64) -> f64 {
    if location.is_nan() || !scale.is_finite() {
        return f64::NAN;
    }
    if scale == 0.0 || !location.is_finite() {
        return location;
    }
    let u = r.unif_rand();
    location + scale * (u / (1.0 - u)).ln()
}

/// `rweibull(1, shape, scale)`.
pub fn rweibull(r: &mut Rng, shape: f64, scale: f64) -> f64 {
    if !shape.is_finite() || !scale.is_finite() || shape <= 0.0 || scale <= 0.0 {
        return if scale == 0.0 { 0.0 } else { f64::NAN };
    }
    scale * (-(r.unif_rand().ln())).powf(1.0 / shape)
}

/// `rlnorm(1, meanlog, sdlog)`.
pub fn rlnorm(r: &mut Rng, meanlog: f64, sdlog: f64) -> f64 {
    if meanlog.is_nan() || !sdlog.is_finite() || sdlog < 0.0 {
        return f64::NAN;
    }
    rnorm(r, meanlog, sdlog).exp()
}

/// `rpois(1, mu)`: table lookup for mu < 10, Ahrens-Dieter PD otherwise.
pub fn rpois(r: &mut Rng, mu: f64) -> f64 {
    const A0: f64 = -0.5;
    const A1: f64 = 0.3333333;
    const A2: f64 = -0.2500068;
    const A3: f64 = 0.2000118;
    const A4: f64 = -0.1661269;
    const A5: f64 = 0.1421878;
    const A6: f64 = -0.1384794;
    const A7: f64 = 0.1250060;
    const ONE_7: f64 = 0.1428571428571428571;
    const ONE_12: f64 = 0.0833333333333333333;
    const ONE_24: f64 = 0.0416666666666666667;
    const M_1_SQRT_2PI: f64 = 0.398942280401432677939946059934;
    const FACT: [f64; 10] = [1., 1., 2., 6., 24., 120., 720., 5040., 40320., 362880.];

    if !mu.is_finite() || mu < 0.0 {
        return f64::NAN;
    }
    if mu <= 0.0 {
        return 0.0;
    }
    if mu < 10.0 {
        let st = &mut r.pois;
        if mu != st.muprev {
            st.muprev = mu;
            st.m = 1.max(mu as i32);
            st.l = 0;
            st.p = (-mu).exp();
            st.q = st.p;
            st.p0 = st.p;
        }
        loop {
            let u = r.unif_rand();
            let st = &mut r.pois;
            if u <= st.p0 {
                return 0.0;
            }
            if st.l > 0 {
                let j = if u > 0.458 { st.l.min(st.m) } else { 1 };
                for k in j..=st.l {
                    if u <= st.pp[k as usize] {
                        return k as f64;
                    }
                }
                if st.l == 35 {
                    continue;
                }
            }
            st.l += 1;
            for k in st.l..=35 {
                st.p *= mu / k as f64;
                st.q += st.p;
                st.pp[k as usize] = st.q;
                if u <= st.q {
                    st.l = k;
                    return k as f64;
                }
            }
            st.l = 35;
        }
    }

    // mu >= 10
    r.pois.muprev = mu;
    let s = mu.sqrt();
    let d = 6.0 * mu * mu;
    let big_l = (mu - 1.1484).floor();

    let mut pois = -1.0;
    let mut fk = 0.0;
    let mut difmuk = 0.0;
    let mut u = 0.0;
    let g = mu + s * r.norm_rand();
    if g >= 0.0 {
        pois = g.floor();
        if pois >= big_l {
            return pois;
        }
        fk = pois;
        difmuk = mu - fk;
        u = r.unif_rand();
        if d * u >= difmuk * difmuk * difmuk {
            return pois;
        }
    }
    let omega = M_1_SQRT_2PI / s;
    let b1 = ONE_24 / mu;
    let b2 = 0.3 * b1 * b1;
    let c3 = ONE_7 * b1 * b2;
    let c2 = b2 - 15. * c3;
    let c1 = b1 - 6. * b2 + 45. * c3;
    let c0 = 1. - b1 + 3. * b2 - 15. * c3;
    let c = 0.1069 / mu;

    // "subroutine F": px, py, fx, fy for the current pois
    let step_f = |pois: f64, fk: f64, difmuk: f64| -> (f64, f64, f64, f64) {
        let (px, py);
        if pois < 10.0 {
            px = -mu;
            py = mu.powf(pois) / FACT[pois as usize];
        } else {
            let mut del = ONE_12 / fk;
            del = del * (1. - 4.8 * del * del);
            let v = difmuk / fk;
            if v.abs() <= 0.25 {
                px = fk
                    * v
                    * v
                    * (((((((A7 * v + A6) * v + A5) * v + A4) * v + A3) * v + A2) * v + A1) * v
                        + A0)
                    - del;
            } else {
                px = fk * (1. + v).ln() - difmuk - del;
            }
            py = M_1_SQRT_2PI / fk.sqrt();
        }
        let mut x = (0.5 - difmuk) / s;
        x *= x;
        let fx = -0.5 * x;
        let fy = omega * (((c3 * x + c2) * x + c1) * x + c0);
        (px, py, fx, fy)
    };

    if g >= 0.0 {
        let (px, py, fx, fy) = step_f(pois, fk, difmuk);
        // step Q: quotient acceptance
        if fy - u * fy <= py * (px - fx).exp() {
            return pois;
        }
    }
    loop {
        // step E: exponential sample, t from the Laplace hat
        let e = r.exp_rand();
        u = 2.0 * r.unif_rand() - 1.0;
        let t = 1.8 + if u >= 0.0 { e.abs() } else { -e.abs() };
        if t > -0.6744 {
            pois = (mu + s * t).floor();
            fk = pois;
            difmuk = mu - fk;
            let (px, py, fx, fy) = step_f(pois, fk, difmuk);
            // step H: hat acceptance
            if c * u.abs() <= py * (px + e).exp() - fy * (fx + e).exp() {
                return pois;
            }
        }
    }
}

/// `rbinom(1, nin, pp)`: inversion for n*p < 30, BTPE otherwise (as in R 4.2).
pub fn rbinom(r: &mut Rng, nin: f64, pp: f64) -> f64 {
    if !nin.is_finite() {
        return f64::NAN;
    }
    let rn = nin.round();
    if rn != nin {
        return f64::NAN;
    }
    if !pp.is_finite() || rn < 0.0 || !(0.0..=1.0).contains(&pp) {
        return f64::NAN;
    }
    if rn == 0.0 || pp == 0.0 {
        return 0.0;
    }
    if pp == 1.0 {
        return rn;
    }
    if rn >= i32::MAX as f64 {
        // beyond int range R inverts the distribution function (upper tail)
        let u = r.unif_rand();
        return crate::stats::dist::discrete::qbinom(u, rn, pp, false, false);
    }
    let n = rn as i32;
    let p = pp.min(1.0 - pp);
    let q = 1.0 - p;
    let np = n as f64 * p;
    let rr = p / q;
    let g = rr * (n as f64 + 1.0);

    let mut ix: i32;
    if np < 30.0 {
        let qn = crate::stats::rmath::pow_di(q, n);
        'outer: loop {
            ix = 0;
            let mut f = qn;
            let mut u = r.unif_rand();
            loop {
                if u < f {
                    break 'outer;
                }
                if ix > 110 {
                    break;
                }
                u -= f;
                ix += 1;
                f *= g / ix as f64 - rr;
            }
        }
    } else {
        let ffm = np + p;
        let m = ffm as i32;
        let fm = m as f64;
        let npq = np * q;
        let p1 = ((2.195 * npq.sqrt() - 4.6 * q) as i32) as f64 + 0.5;
        let xm = fm + 0.5;
        let xl = xm - p1;
        let xr = xm + p1;
        let c = 0.134 + 20.5 / (15.3 + fm);
        let mut al = (ffm - xl) / (ffm - xl * p);
        let xll = al * (1.0 + 0.5 * al);
        al = (xr - ffm) / (xr * q);
        let xlr = al * (1.0 + 0.5 * al);
        let p2 = p1 * (1.0 + c + c);
        let p3 = p2 + c / xll;
        let p4 = p3 + c / xlr;
        loop {
            let u = r.unif_rand() * p4;
            let mut v = r.unif_rand();
            if u <= p1 {
                ix = (xm - p1 * v + u) as i32;
                break;
            }
            if u <= p2 {
                let x = xl + (u - p1) / c;
                v = v * c + 1.0 - (xm - x).abs() / p1;
                if v > 1.0 || v <= 0.0 {
                    continue;
                }
                ix = x as i32;
            } else if u > p3 {
                ix = (xr - v.ln() / xlr) as i32;
                if ix > n {
                    continue;
                }
                v *= (u - p3) * xlr;
            } else {
                ix = (xl + v.ln() / xll) as i32;
                if ix < 0 {
                    continue;
                }
                v *= (u - p2) * xll;
            }
            let k = (ix - m).abs();
            if k <= 20 || k as f64 >= npq / 2.0 - 1.0 {
                // explicit evaluation
                let mut f = 1.0;
                if m < ix {
                    for i in m + 1..=ix {
                        f *= g / i as f64 - rr;
                    }
                } else if m != ix {
                    for i in ix + 1..=m {
                        f /= g / i as f64 - rr;
                    }
                }
                if v <= f {
                    break;
                }
            } else {
                let kf = k as f64;
                let amaxp = (kf / npq) * ((kf * (kf / 3. + 0.625) + 0.1666666666666) / npq + 0.5);
                let ynorm = -kf * kf / (2.0 * npq);
                let alv = v.ln();
                if alv < ynorm - amaxp {
                    break;
                }
                if alv <= ynorm + amaxp {
                    let x1 = ix as f64 + 1.0;
                    let f1 = fm + 1.0;
                    let z = n as f64 + 1.0 - fm;
                    let w = (n - ix) as f64 + 1.0;
                    let z2 = z * z;
                    let x2 = x1 * x1;
                    let f2 = f1 * f1;
                    let w2 = w * w;
                    let st = |a2: f64, a: f64| {
                        (13860. - (462. - (132. - (99. - 140. / a2) / a2) / a2) / a2) / a / 166320.
                    };
                    let bound = xm * (f1 / x1).ln()
                        + ((n - m) as f64 + 0.5) * (z / w).ln()
                        + (ix - m) as f64 * (w * p / (x1 * q)).ln()
                        + st(f2, f1)
                        + st(z2, z)
                        + st(x2, x1)
                        + st(w2, w);
                    if alv <= bound {
                        break;
                    }
                }
            }
        }
    }
    if pp > 0.5 {
        ix = n - ix;
    }
    ix as f64
}

/// `rgeom(1, p)`.
pub fn rgeom(r: &mut Rng, p: f64) -> f64 {
    if !p.is_finite() || p <= 0.0 || p > 1.0 {
        return f64::NAN;
    }
    let g = r.exp_rand() * ((1.0 - p) / p);
    rpois(r, g)
}

/// `rnbinom(1, size, prob)`.
pub fn rnbinom(r: &mut Rng, size: f64, prob: f64) -> f64 {
    if !prob.is_finite() || size.is_nan() || size <= 0.0 || prob <= 0.0 || prob > 1.0 {
        return f64::NAN;
    }
    let size = if size.is_finite() {
        size
    } else {
        f64::MAX / 2.0
    };
    if prob == 1.0 {
        return 0.0;
    }
    let g = rgamma(r, size, (1.0 - prob) / prob);
    rpois(r, g)
}

/// `rnbinom(1, size, mu = mu)`.
pub fn rnbinom_mu(r: &mut Rng, size: f64, mu: f64) -> f64 {
    if !mu.is_finite() || size.is_nan() || size <= 0.0 || mu < 0.0 {
        return f64::NAN;
    }
    let size = if size.is_finite() {
        size
    } else {
        f64::MAX / 2.0
    };
    if mu == 0.0 {
        return 0.0;
    }
    let g = rgamma(r, size, mu / size);
    rpois(r, g)
}

/// `ln(i!)`: table lookup up to 7, Stirling's series beyond (R's `afc` in `rhyper`).
fn afc(i: i32) -> f64 {
    const AL: [f64; 8] = [
        0.0,
        0.0,
        0.69314718055994530941723212145817,
        1.79175946922805500081247735838070,
        3.17805383034794561964694160129705,
        4.78749174278204599424770093452324,
        6.57925121201010099506017829290394,
        8.52516136106541430016553103634712,
    ];
    const LN_SQRT_2PI: f64 = 0.918938533204672741780329736406;
    if i < 0 {
        return -1.0;
    }
    if i <= 7 {
        return AL[i as usize];
    }
    let di = i as f64;
    let i2 = di * di;
    (di + 0.5) * di.ln() - di + LN_SQRT_2PI + (0.0833333333333333 - 0.00277777777777778 / i2) / di
}

/// `rhyper(1, m = nn1, n = nn2, k = kk)`: HIN inversion or H2PE (Kachitvichyanukul &
/// Schmeiser 1985), as R does.
pub fn rhyper(r: &mut Rng, nn1in: f64, nn2in: f64, kkin: f64) -> f64 {
    if !nn1in.is_finite() || !nn2in.is_finite() || !kkin.is_finite() {
        return f64::NAN;
    }
    let (nn1in, nn2in, kkin) = (
        nn1in.round_ties_even(),
        nn2in.round_ties_even(),
        kkin.round_ties_even(),
    );
    if nn1in < 0.0 || nn2in < 0.0 || kkin < 0.0 || kkin > nn1in + nn2in {
        return f64::NAN;
    }
    let imax = i32::MAX as f64;
    if nn1in >= imax || nn2in >= imax || kkin >= imax {
        if kkin == 1.0 {
            return rbinom(r, kkin, nn1in / (nn1in + nn2in));
        }
        // beyond int range R inverts phyper (upper tail)
        let u = r.unif_rand();
        return crate::stats::dist::discrete::qhyper(u, nn1in, nn2in, kkin, false, false);
    }
    let (nn1, nn2, kk) = (nn1in as i32, nn2in as i32, kkin as i32);
    let tn = nn1 as f64 + nn2 as f64;
    let (n1, n2) = if nn1 <= nn2 { (nn1, nn2) } else { (nn2, nn1) };
    let k = if kk as f64 + kk as f64 >= tn {
        (tn - kk as f64) as i32
    } else {
        kk
    };
    let m = ((k as f64 + 1.) * (n1 as f64 + 1.) / (tn + 2.)) as i32;
    let minjx = 0.max(k - n2);
    let maxjx = n1.min(k);
    let (n1f, n2f, kf, mf) = (n1 as f64, n2 as f64, k as f64, m as f64);

    let mut ix: i32;
    if minjx == maxjx {
        ix = maxjx;
    } else if m - minjx < 10 {
        // II: scaled inversion (HIN)
        const SCALE: f64 = 1e25;
        const CON: f64 = 57.5646273248511421;
        let lw = if k < n2 {
            afc(n2) + afc(n1 + n2 - k) - afc(n2 - k) - afc(n1 + n2)
        } else {
            afc(n1) + afc(k) - afc(k - n2) - afc(n1 + n2)
        };
        let w = (lw + CON).exp();
        'l10: loop {
            let mut p = w;
            ix = minjx;
            let mut u = r.unif_rand() * SCALE;
            while u > p {
                u -= p;
                p *= (n1f - ix as f64) * (k - ix) as f64;
                ix += 1;
                p = p / ix as f64 / (n2 - k + ix) as f64;
                if ix > maxjx {
                    continue 'l10;
                }
            }
            break;
        }
    } else {
        // III: H2PE
        let s = ((tn - kf) * kf * n1f * n2f / (tn - 1.) / tn / tn).sqrt();
        let d = ((1.5 * s) as i32) as f64 + 0.5;
        let xl = mf - d + 0.5;
        let xr = mf + d + 0.5;
        let a = afc(m) + afc(n1 - m) + afc(k - m) + afc(n2 - k + m);
        let kl = (a
            - afc(xl as i32)
            - afc((n1f - xl) as i32)
            - afc((kf - xl) as i32)
            - afc((n2f - kf + xl) as i32))
        .exp();
        let kr = (a
            - afc((xr - 1.) as i32)
            - afc((n1f - xr + 1.) as i32)
            - afc((kf - xr + 1.) as i32)
            - afc((n2f - kf + xr - 1.) as i32))
        .exp();
        let lamdl = -(xl * (n2f - kf + xl) / (n1f - xl + 1.) / (kf - xl + 1.)).ln();
        let lamdr = -((n1f - xr + 1.) * (kf - xr + 1.) / xr / (n2f - kf + xr)).ln();
        let p1 = d + d;
        let p2 = p1 + kl / lamdl;
        let p3 = p2 + kr / lamdr;
        let mut n_uv = 0;
        loop {
            let u = r.unif_rand() * p3;
            let mut v = r.unif_rand();
            n_uv += 1;
            if n_uv >= 10000 {
                return f64::NAN;
            }
            if u < p1 {
                ix = (xl + u) as i32;
            } else if u <= p2 {
                ix = (xl + v.ln() / lamdl) as i32;
                if ix < minjx {
                    continue;
                }
                v = v * (u - p1) * lamdl;
            } else {
                ix = (xr - v.ln() / lamdr) as i32;
                if ix > maxjx {
                    continue;
                }
                v = v * (u - p2) * lamdr;
            }
            let accept = if m < 100 || ix <= 50 {
                let mut f = 1.0;
                if m < ix {
                    for i in m + 1..=ix {
                        f = f * (n1 - i + 1) as f64 * (k - i + 1) as f64
                            / (n2 - k + i) as f64
                            / i as f64;
                    }
                } else if m > ix {
                    for i in ix + 1..=m {
                        f = f * i as f64 * (n2 - k + i) as f64
                            / (n1 - i + 1) as f64
                            / (k - i + 1) as f64;
                    }
                }
                v <= f
            } else {
                const DELTAL: f64 = 0.0078;
                const DELTAU: f64 = 0.0034;
                let y = ix as f64;
                let y1 = y + 1.0;
                let ym = y - mf;
                let yn = n1f - y + 1.0;
                let yk = kf - y + 1.0;
                let nk = n2f - kf + y1;
                let rr = -ym / y1;
                let s = ym / yn;
                let t = ym / yk;
                let e = -ym / nk;
                let g = yn * yk / (y1 * nk) - 1.0;
                let dg = if g < 0.0 { 1.0 + g } else { 1.0 };
                let gu = g * (1.0 + g * (-0.5 + g / 3.0));
                let gl = gu - 0.25 * (g * g * g * g) / dg;
                let xm = mf + 0.5;
                let xn = n1f - mf + 0.5;
                let xk = kf - mf + 0.5;
                let nm = n2f - kf + xm;
                let ub = y * gu - mf * gl
                    + DELTAU
                    + xm * rr * (1. + rr * (-0.5 + rr / 3.0))
                    + xn * s * (1. + s * (-0.5 + s / 3.0))
                    + xk * t * (1. + t * (-0.5 + t / 3.0))
                    + nm * e * (1. + e * (-0.5 + e / 3.0));
                let alv = v.ln();
                if alv > ub {
                    false
                } else {
                    let quart = |x: f64, c: f64| {
                        let d = c * (x * x * x * x);
                        if x < 0.0 {
                            d / (1.0 + x)
                        } else {
                            d
                        }
                    };
                    let (dr, ds, dt, de) =
                        (quart(rr, xm), quart(s, xn), quart(t, xk), quart(e, nm));
                    if alv < ub - 0.25 * (dr + ds + dt + de) + (y + mf) * (gl - gu) - DELTAL {
                        true
                    } else {
                        alv <= a - afc(ix) - afc(n1 - ix) - afc(k - ix) - afc(n2 - k + ix)
                    }
                }
            };
            if accept {
                break;
            }
        }
    }
    if kk as f64 + kk as f64 >= tn {
        if nn1 > nn2 {
            ix += kk - nn2;
        } else {
            ix = nn1 - ix;
        }
    } else if nn1 > nn2 {
        ix = kk - ix;
    }
    ix as f64
}
