//! The Shapiro-Wilk W test (Royston 1995, algorithm AS R94), as R's `swilk.c` computes it:
//! approximate normal-order coefficients, W as a squared correlation, and Royston's normal
//! approximation for the p-value (exact for n = 3).

use super::dist::normal::{pnorm, qnorm};

/// Evaluates `cc[0] + cc[1] x + ... + cc[k-1] x^(k-1)` in AS 181.2's order.
fn poly(cc: &[f64], x: f64) -> f64 {
    let nord = cc.len();
    let mut ret = cc[0];
    if nord > 1 {
        let mut p = x * cc[nord - 1];
        for j in (1..nord - 1).rev() {
            p = (p + cc[j]) * x;
        }
        ret += p;
    }
    ret
}

fn sign(x: i64) -> f64 {
    (x.signum()) as f64
}

/// Outcome of [`swilk`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SWilk {
    /// The W statistic.
    pub w: f64,
    /// Its p-value.
    pub pw: f64,
    /// AS R94's fault code (0 fine, 2 n > 5000, 6 zero range, 7 unsorted; 1 n < 3).
    pub ifault: i32,
}

/// Shapiro-Wilk W and p-value for `x`, which must be sorted increasingly (no NAs).
#[allow(clippy::approx_constant)]
pub fn swilk(x: &[f64]) -> SWilk {
    let n = x.len();
    let mut res = SWilk {
        w: 1.0,
        pw: 1.0,
        ifault: 0,
    };
    if n < 3 {
        res.ifault = 1;
        return res;
    }
    let small = 1e-19;
    let nn2 = n / 2;
    let mut a = vec![0.0; nn2 + 1]; // 1-based
    let an = n as f64;
    if n == 3 {
        a[1] = std::f64::consts::FRAC_1_SQRT_2;
    } else {
        let c1 = [0.0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
        let c2 = [0.0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
        let an25 = an + 0.25;
        let mut summ2 = 0.0;
        for (i, ai) in a.iter_mut().enumerate().skip(1) {
            *ai = qnorm((i as f64 - 0.375) / an25, 0.0, 1.0, true, false);
            summ2 += *ai * *ai;
        }
        summ2 *= 2.0;
        let ssumm2 = summ2.sqrt();
        let rsn = 1.0 / an.sqrt();
        let a1 = poly(&c1, rsn) - a[1] / ssumm2;
        let (i1, fac);
        if n > 5 {
            i1 = 3;
            let a2 = -a[2] / ssumm2 + poly(&c2, rsn);
            fac = ((summ2 - 2.0 * (a[1] * a[1]) - 2.0 * (a[2] * a[2]))
                / (1.0 - 2.0 * (a1 * a1) - 2.0 * (a2 * a2)))
                .sqrt();
            a[2] = a2;
        } else {
            i1 = 2;
            fac = ((summ2 - 2.0 * (a[1] * a[1])) / (1.0 - 2.0 * (a1 * a1))).sqrt();
        }
        a[1] = a1;
        for ai in a.iter_mut().skip(i1) {
            *ai /= -fac;
        }
    }
    let range = x[n - 1] - x[0];
    if range < small {
        res.ifault = 6;
        return res;
    }
    let mut xx = x[0] / range;
    let mut sx = xx;
    let mut sa = -a[1];
    let mut i = 1usize;
    let mut j = n - 1;
    while i < n {
        let xi = x[i] / range;
        if xx - xi > small {
            res.ifault = 7;
        }
        sx += xi;
        i += 1;
        if i != j {
            sa += sign(i as i64 - j as i64) * a[i.min(j)];
        }
        xx = xi;
        j -= 1;
    }
    if n > 5000 {
        res.ifault = 2;
    }
    sa /= an;
    sx /= an;
    let (mut ssa, mut ssx, mut sax) = (0.0, 0.0, 0.0);
    let mut j = n as i64 - 1;
    for (i, xi) in x.iter().enumerate() {
        let asa = if i as i64 != j {
            sign(i as i64 - j) * a[1 + (i as i64).min(j) as usize] - sa
        } else {
            -sa
        };
        let xsx = xi / range - sx;
        ssa += asa * asa;
        ssx += xsx * xsx;
        sax += asa * xsx;
        j -= 1;
    }
    let ssassx = (ssa * ssx).sqrt();
    let w1 = (ssassx - sax) * (ssassx + sax) / (ssa * ssx);
    res.w = 1.0 - w1;
    if n == 3 {
        let pi6 = 1.90985931710274;
        let stqr = 1.04719755119660;
        res.pw = (pi6 * (res.w.sqrt().asin() - stqr)).max(0.0);
        return res;
    }
    let mut y = w1.ln();
    let lxx = an.ln();
    let (m, s);
    if n <= 11 {
        let gamma = poly(&[-2.273, 0.459], an);
        if y >= gamma {
            res.pw = 1e-99;
            return res;
        }
        y = -(gamma - y).ln();
        m = poly(&[0.544, -0.39978, 0.025054, -6.714e-4], an);
        s = poly(&[1.3822, -0.77857, 0.062767, -0.0020322], an).exp();
    } else {
        m = poly(&[-1.5861, -0.31082, -0.083751, 0.0038915], lxx);
        s = poly(&[-0.4803, -0.082676, 0.0030302], lxx).exp();
    }
    res.pw = pnorm(y, m, s, false, false);
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol * b.abs(), "{} vs {}", a, b);
    }

    #[test]
    fn matches_r() {
        // R 4.2: shapiro.test(c(2.1, 3.5, 1.9, 4.8, 2.2, 3.9, 5.1, 2.8, 3.3, 4.0))
        let mut x = vec![2.1, 3.5, 1.9, 4.8, 2.2, 3.9, 5.1, 2.8, 3.3, 4.0];
        x.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let r = swilk(&x);
        close(r.w, R_W10, 1e-12);
        close(r.pw, R_P10, 1e-10);
        // n = 3 (exact p-value)
        let r = swilk(&[1.0, 2.0, 4.0]);
        close(r.w, R_W3, 1e-12);
        close(r.pw, R_P3, 1e-10);
        // n = 20: 1:20 squared
        let x: Vec<f64> = (1..=20).map(|i| (i * i) as f64).collect();
        let r = swilk(&x);
        close(r.w, R_W20, 1e-12);
        close(r.pw, R_P20, 1e-10);
        assert_eq!(swilk(&[1.0, 1.0, 1.0]).ifault, 6);
    }

    const R_W10: f64 = 0.94449760351225276;
    const R_P10: f64 = 0.60405262546438143;
    const R_W3: f64 = 0.96428571428571419;
    const R_P3: f64 = 0.6368868450289632;
    const R_W20: f64 = 0.90613062847654635;
    const R_P20: f64 = 0.053809588828203907;
}
