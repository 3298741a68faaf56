//! Roots of real polynomials (Durand-Kerner iteration with Newton polishing), used for the
//! stationarity and invertibility checks of ARIMA models.

type C = (f64, f64);

fn cmul(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

fn cdiv(a: C, b: C) -> C {
    let d = b.0 * b.0 + b.1 * b.1;
    ((a.0 * b.0 + a.1 * b.1) / d, (a.1 * b.0 - a.0 * b.1) / d)
}

fn csub(a: C, b: C) -> C {
    (a.0 - b.0, a.1 - b.1)
}

/// Evaluates the polynomial (coefficients lowest order first) at z.
fn eval(c: &[f64], z: C) -> C {
    let mut acc = (0.0, 0.0);
    for &ci in c.iter().rev() {
        acc = cmul(acc, z);
        acc.0 += ci;
    }
    acc
}

/// The complex roots of c[0] + c[1] z + ... (trailing zero coefficients dropped).
pub fn roots(c: &[f64]) -> Vec<C> {
    let mut deg = c.len();
    while deg > 0 && c[deg - 1] == 0.0 {
        deg -= 1;
    }
    if deg <= 1 {
        return vec![];
    }
    let n = deg - 1;
    let lead = c[n];
    let monic: Vec<f64> = c[..=n].iter().map(|v| v / lead).collect();
    let bound = 1.0 + monic[..n].iter().fold(0.0f64, |m, v| m.max(v.abs()));
    let mut z: Vec<C> = (0..n)
        .map(|k| {
            let ang = 2.0 * std::f64::consts::PI * k as f64 / n as f64 + 0.4;
            (0.5 * bound * ang.cos(), 0.5 * bound * ang.sin())
        })
        .collect();
    for _ in 0..500 {
        let mut moved = 0.0f64;
        for i in 0..n {
            let mut den = (1.0, 0.0);
            for j in 0..n {
                if i != j {
                    den = cmul(den, csub(z[i], z[j]));
                }
            }
            let step = cdiv(eval(&monic, z[i]), den);
            z[i] = csub(z[i], step);
            moved = moved.max(step.0.hypot(step.1) / (1.0 + z[i].0.hypot(z[i].1)));
        }
        if moved < 1e-15 {
            break;
        }
    }
    z
}

/// Makes an MA polynomial 1 + ma[0] z + ... invertible by reflecting roots inside the unit
/// circle to outside, as R's arima does; the coefficients keep their length.
pub fn ma_invert(ma: &[f64]) -> Vec<f64> {
    let q = ma.len();
    let mut q0 = q;
    while q0 > 0 && ma[q0 - 1] == 0.0 {
        q0 -= 1;
    }
    if q0 == 0 {
        return ma.to_vec();
    }
    let mut c = vec![1.0];
    c.extend_from_slice(&ma[..q0]);
    let mut rs = roots(&c);
    if rs.iter().all(|r| r.0.hypot(r.1) >= 1.0) {
        return ma.to_vec();
    }
    if q0 == 1 {
        let mut out = vec![1.0 / ma[0]];
        out.resize(q, 0.0);
        return out;
    }
    for r in rs.iter_mut() {
        if r.0.hypot(r.1) < 1.0 {
            *r = cdiv((1.0, 0.0), *r);
        }
    }
    let mut x: Vec<C> = vec![(1.0, 0.0)];
    for r in rs {
        let mut nx = x.clone();
        nx.push((0.0, 0.0));
        for (i, xi) in x.iter().enumerate() {
            nx[i + 1] = csub(nx[i + 1], cdiv(*xi, r));
        }
        x = nx;
    }
    let mut out: Vec<f64> = x[1..].iter().map(|v| v.0).collect();
    out.resize(q, 0.0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quadratic_roots() {
        // (z - 2)(z + 3) = z^2 + z - 6
        let mut m: Vec<f64> = roots(&[-6.0, 1.0, 1.0]).iter().map(|z| z.0.hypot(z.1)).collect();
        m.sort_by(|a, b| a.partial_cmp(b).unwrap());
        assert!((m[0] - 2.0).abs() < 1e-12 && (m[1] - 3.0).abs() < 1e-12);
    }
}
