//! Sample quantiles: R's nine types (Hyndman and Fan) over sorted data.

use crate::value::na_real;

/// Sample quantiles of sorted complete data, types 1 to 9 as R's `quantile.default`.
pub fn quantiles(x: &[f64], probs: &[f64], typ: i32) -> Vec<f64> {
    let n = x.len();
    if n == 0 {
        return vec![na_real(); probs.len()];
    }
    let fuzz = 4.0 * f64::EPSILON;
    probs
        .iter()
        .map(|&p| {
            if p.is_nan() {
                return na_real();
            }
            if typ == 7 {
                let index = 1.0 + (n as f64 - 1.0) * p;
                let lo = index.floor();
                let hi = index.ceil();
                let ql = x[lo as usize - 1];
                let qh = x[hi as usize - 1];
                let h = index - lo;
                if index > lo && qh != ql {
                    (1.0 - h) * ql + h * qh
                } else {
                    ql
                }
            } else {
                let nf = n as f64;
                let (j, h) = if typ <= 3 {
                    let nppm = if typ == 3 { nf * p - 0.5 } else { nf * p };
                    let j = (nppm + fuzz).floor();
                    let h = match typ {
                        1 => (nppm > j) as i32 as f64,
                        2 => (((nppm > j) as i32 + 1) as f64) / 2.0,
                        _ => ((nppm != j) || (j % 2.0 == 1.0)) as i32 as f64,
                    };
                    (j, h)
                } else {
                    let (a, b) = match typ {
                        4 => (0.0, 1.0),
                        5 => (0.5, 0.5),
                        6 => (0.0, 0.0),
                        8 => (1.0 / 3.0, 1.0 / 3.0),
                        _ => (3.0 / 8.0, 3.0 / 8.0),
                    };
                    let nppm = a + p * (nf + 1.0 - a - b);
                    let j = (nppm + fuzz).floor();
                    let mut h = nppm - j;
                    if h.abs() < fuzz {
                        h = 0.0;
                    }
                    (j, h)
                };
                // x extended as c(x[1], x[1], x, x[n], x[n]); qs = xe[j+2], 1-based
                let xe = |k: f64| -> f64 {
                    let k = k as i64; // 1-based index into the extended vector
                    let i = (k - 3).clamp(0, n as i64 - 1);
                    x[i as usize]
                };
                let lo = xe(j + 2.0);
                let hi = xe(j + 3.0);
                if h == 1.0 {
                    hi
                } else if h > 0.0 && h < 1.0 && lo != hi {
                    (1.0 - h) * lo + h * hi
                } else {
                    lo
                }
            }
        })
        .collect()
}
