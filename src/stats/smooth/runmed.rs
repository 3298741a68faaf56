//! Running medians of odd span (R's `runmed`; Stuetzle's and Turlach's algorithms give the
//! same values) with R's end rules and its handling of NA: replaced by alternating
//! +/- a big finite value and restored afterwards, or omitted and put back.

/// The finite stand-in for NA of R's "+Big_alternate" / "-Big_alternate".
pub const BIG: f64 = 8.888888888e307;

/// Running medians of span `k` (odd, at most `y.len()`); the first and last `k / 2`
/// values are kept from `y` (`constant = false`) or set to the first / last median.
pub fn running_median(y: &[f64], k: usize, constant: bool) -> Vec<f64> {
    let n = y.len();
    if n == 0 || k == 0 || k > n {
        return y.to_vec();
    }
    let half = k / 2;
    let mut win: Vec<f64> = y[..k].to_vec();
    win.sort_by(|a, b| a.total_cmp(b));
    let mut out = y.to_vec();
    out[half] = win[half];
    for i in k..n {
        let old = y[i - k];
        let pos = win.partition_point(|v| v.total_cmp(&old).is_lt());
        win.remove(pos);
        let new = y[i];
        let at = win.partition_point(|v| v.total_cmp(&new).is_lt());
        win.insert(at, new);
        out[i - half] = win[half];
    }
    if constant {
        let (first, last) = (out[half], out[n - 1 - half]);
        out[..half].iter_mut().for_each(|v| *v = first);
        out[n - half..].iter_mut().for_each(|v| *v = last);
    }
    out
}

/// How `runmed` treats NA and NaN.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NaAction {
    BigPlus,
    BigMinus,
    Omit,
}

/// `runmed`'s core: running medians with NA handling (the caller rejects NA for "fail").
pub fn runmed(x: &[f64], k: usize, constant: bool, na: NaAction) -> Vec<f64> {
    if !x.iter().any(|v| v.is_nan()) {
        return running_median(x, k, constant);
    }
    match na {
        NaAction::BigPlus | NaAction::BigMinus => {
            let mut pos = na == NaAction::BigPlus;
            let xx: Vec<f64> = x
                .iter()
                .map(|&v| {
                    if v.is_nan() {
                        let b = if pos { BIG } else { -BIG };
                        pos = !pos;
                        b
                    } else {
                        v
                    }
                })
                .collect();
            let mut med = running_median(&xx, k, constant);
            for (m, &v) in med.iter_mut().zip(x) {
                if v.is_nan() && !m.is_nan() && m.abs() == BIG {
                    *m = v;
                }
            }
            med
        }
        NaAction::Omit => {
            let xx: Vec<f64> = x.iter().copied().filter(|v| !v.is_nan()).collect();
            let kk = k.min(if xx.is_empty() { 0 } else { 1 + 2 * ((xx.len() - 1) / 2) });
            let med = running_median(&xx, kk, constant);
            let mut it = med.into_iter();
            x.iter().map(|&v| if v.is_nan() { v } else { it.next().unwrap_or(f64::NAN) }).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_end_rules() {
        let y = [5.0, 1.0, 4.0, 2.0, 8.0, 3.0, 7.0];
        assert_eq!(running_median(&y, 3, false), vec![5.0, 4.0, 2.0, 4.0, 3.0, 7.0, 7.0]);
        assert_eq!(running_median(&y, 3, true), vec![4.0, 4.0, 2.0, 4.0, 3.0, 7.0, 7.0]);
        assert_eq!(running_median(&y, 5, false), vec![5.0, 1.0, 4.0, 3.0, 4.0, 3.0, 7.0]);
        // NA replaced by +BIG then restored where the median is that stand-in
        let x = [1.0, f64::NAN, 3.0, 2.0];
        let m = runmed(&x, 3, false, NaAction::BigPlus);
        assert_eq!(m[2], 3.0);
        assert!(m[1] == 3.0);
    }
}
