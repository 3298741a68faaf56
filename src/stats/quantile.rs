//! Sample quantiles: R's nine types (Hyndman and Fan) over sorted data.

use crate::value::na_real;

/// Where each quantile of `n` sorted values lies, types 1 to 9 as R's `quantile.default`:
/// `None` for an NA probability, else `(lo, hi, h)` (0-based) meaning `(1 - h) x[lo] + h x[hi]`
/// (just `x[lo]` when `h` is 0 and `x[hi]` when it is 1, and `x[lo]` when the two are equal).
pub fn quantile_positions(n: usize, probs: &[f64], typ: i32) -> Vec<Option<(usize, usize, f64)>> {
    let fuzz = 4.0 * f64::EPSILON;
    probs
        .iter()
        .map(|&p| {
            if p.is_nan() || n == 0 {
                return None;
            }
            if typ == 7 {
                let index = 1.0 + (n as f64 - 1.0) * p;
                let lo = index.floor();
                let hi = index.ceil();
                return Some((lo as usize - 1, hi as usize - 1, index - lo));
            }
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
            let at = |k: f64| -> usize { ((k as i64) - 3).clamp(0, n as i64 - 1) as usize };
            Some((at(j + 2.0), at(j + 3.0), h))
        })
        .collect()
}

/// Sample quantiles of sorted complete data, types 1 to 9 as R's `quantile.default`.
pub fn quantiles(x: &[f64], probs: &[f64], typ: i32) -> Vec<f64> {
    quantile_positions(x.len(), probs, typ)
        .into_iter()
        .map(|pos| match pos {
            None => na_real(),
            Some((lo, hi, h)) => blend(x[lo], x[hi], h, typ == 7),
        })
        .collect()
}

/// `(1 - h) lo + h hi` as R's quantile forms it (type 7 tests only `h > 0`).
pub fn blend(lo: f64, hi: f64, h: f64, type7: bool) -> f64 {
    if type7 {
        if h > 0.0 && hi != lo {
            (1.0 - h) * lo + h * hi
        } else {
            lo
        }
    } else if h == 1.0 {
        hi
    } else if h > 0.0 && h < 1.0 && lo != hi {
        (1.0 - h) * lo + h * hi
    } else {
        lo
    }
}
