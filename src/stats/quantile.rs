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

/// [`quantiles`] of complete data in any order: only the order statistics the probabilities
/// need are put in place (a partial sort, as R's `quantile` does), not all of `x`.
pub fn quantiles_unsorted(mut x: Vec<f64>, probs: &[f64], typ: i32) -> Vec<f64> {
    let pos = quantile_positions(x.len(), probs, typ);
    let mut need: Vec<usize> = pos.iter().flatten().flat_map(|&(lo, hi, _)| [lo, hi]).collect();
    need.sort_unstable();
    need.dedup();
    let mut start = 0;
    for &k in &need {
        if k >= start {
            x[start..].select_nth_unstable_by(k - start, |a, b| a.total_cmp(b));
            start = k + 1;
        }
    }
    pos.into_iter()
        .map(|p| match p {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_sort_gives_the_sorted_quantiles() {
        // a scrambled sequence with ties
        let x: Vec<f64> = (0..1001).map(|i| ((i * 7919) % 1001) as f64 / 7.0 - ((i % 13) as f64).floor()).collect();
        let mut s = x.clone();
        s.sort_by(|a, b| a.total_cmp(b));
        let probs = [0.0, 0.1, 0.25, 0.333, 0.5, 0.75, 0.99, 1.0, f64::NAN];
        for typ in 1..=9 {
            let a = quantiles(&s, &probs, typ);
            let b = quantiles_unsorted(x.clone(), &probs, typ);
            for (u, v) in a.iter().zip(&b) {
                assert!(u == v || (u.is_nan() && v.is_nan()), "type {}: {:?} vs {:?}", typ, a, b);
            }
        }
    }
}
