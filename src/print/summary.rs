//! Numeric helpers behind `summary()` and `str()`: type-7 quantiles, R's two-pass mean,
//! `zapsmall`, `format.summaryDefault` and `format(..., drop0trailing = TRUE)`.

use crate::value::is_na_real;
use crate::value::num_format::{encode_real_trim, pad_left, real_format_na};

/// Type-7 quantile of already sorted, NA-free data (R's `quantile.default` default).
pub fn quantile7(sorted: &[f64], p: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return crate::value::na_real();
    }
    let index = (n - 1) as f64 * p;
    let lo = index.floor() as usize;
    let hi = (index.ceil() as usize).min(n - 1);
    let h = index - lo as f64;
    let (a, b) = (sorted[lo], sorted[hi]);
    if h > 0.0 && b != a {
        (1.0 - h) * a + h * b
    } else {
        a
    }
}

/// The arithmetic mean as R computes it: the sum divided by n, then corrected by the mean
/// of the residuals.
pub fn r_mean(xs: &[f64]) -> f64 {
    let n = xs.len();
    if n == 0 {
        return f64::NAN;
    }
    let s = xs.iter().sum::<f64>() / n as f64;
    if !s.is_finite() {
        return s;
    }
    let t = xs.iter().map(|x| x - s).sum::<f64>() / n as f64;
    s + t
}

/// R's `round(x, digits)` (R 4's algorithm: the closer decimal candidate, even on ties).
pub fn round_digits(x: f64, digits: i32) -> f64 {
    crate::stats::rmath::fround(x, digits as f64)
}

/// R's `signif(x, digits)`.
pub fn signif(x: f64, digits: usize) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    let d = digits.clamp(1, 22);
    format!("{:.*e}", d - 1, x).parse().unwrap_or(x)
}

/// R's `zapsmall(x, digits)` applied to the finite values of `xs`.
pub fn zapsmall(xs: &[f64], digits: usize) -> Vec<f64> {
    let mx = xs
        .iter()
        .filter(|x| x.is_finite())
        .fold(f64::NEG_INFINITY, |m, x| m.max(x.abs()));
    if mx == f64::NEG_INFINITY {
        return xs.to_vec();
    }
    let d = if mx > 0.0 {
        (digits as f64 - mx.log10()).max(0.0)
    } else {
        digits as f64
    };
    let d = (d + 0.5).floor() as i32;
    xs.iter()
        .map(|&x| if x.is_finite() { round_digits(x, d) } else { x })
        .collect()
}

/// `format.summaryDefault` for numeric summaries: zaps small values (7 digits), formats
/// everything but the trailing `NA's` count in one common format with `digits`
/// significant digits (padded to a common width), and writes the count as a plain number.
/// NA statistics become `None` (printed blank by `print.table`).
pub fn format_summary_values(
    vals: &[f64],
    has_na_count: bool,
    digits: usize,
) -> Vec<Option<String>> {
    let z = zapsmall(vals, 7);
    let (main, count) = if has_na_count && !z.is_empty() {
        z.split_at(z.len() - 1)
    } else {
        (&z[..], &[][..])
    };
    let f = real_format_na(main, digits, 0, 0, 2);
    let enc: Vec<String> = main
        .iter()
        .map(|&x| encode_real_trim(x, &f, "NA"))
        .collect();
    let w = enc.iter().map(|s| s.len()).max().unwrap_or(0).max(f.width);
    let mut out: Vec<Option<String>> = main
        .iter()
        .zip(enc)
        .map(|(&x, s)| {
            if main.iter().all(|y| is_na_real(*y)) && is_na_real(x) {
                None
            } else {
                Some(pad_left(&s, w))
            }
        })
        .collect();
    for &c in count {
        out.push(Some(crate::print::num::cat_num_digits(c, 15)));
    }
    out
}

/// `prettyNum(drop0trailing = TRUE)` on one formatted number: in the part after the decimal
/// point, a zero exponent (`e+00`) is dropped when there is an exponent, else trailing zeros
/// (and the point when nothing is left). `2e+00` (no point) and `1.0e+05` stay as they are.
pub fn drop0trailing(s: &str) -> String {
    let Some(dot) = s.find('.') else {
        return s.to_string();
    };
    let (before, after) = (&s[..dot], &s[dot + 1..]);
    let after = match after.find('e') {
        Some(e) => {
            let exp = &after[e + 1..];
            let digits = exp.trim_start_matches(['+', '-']);
            if !digits.is_empty() && digits.bytes().all(|b| b == b'0') {
                after[..e].to_string()
            } else {
                after.to_string()
            }
        }
        None => after.trim_end_matches('0').to_string(),
    };
    if after.is_empty() {
        before.to_string()
    } else {
        format!("{}.{}", before, after)
    }
}

/// `format(x, trim = TRUE, digits = digits, drop0trailing = TRUE)` for doubles, as `str` shows them.
pub fn format_num_str(xs: &[f64], digits: usize) -> Vec<String> {
    let f = real_format_na(xs, digits, 0, 0, 2);
    xs.iter()
        .map(|&x| drop0trailing(&encode_real_trim(x, &f, "NA")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::na_real;

    fn fmt(v: &[f64], na: bool) -> Vec<String> {
        format_summary_values(v, na, 4)
            .into_iter()
            .map(|s| s.unwrap_or_default())
            .collect()
    }

    #[test]
    fn quantiles_and_mean() {
        let x = [1.0, 2.0, 3.0, 4.0, 100.0];
        assert_eq!(quantile7(&x, 0.25), 2.0);
        assert_eq!(quantile7(&x, 0.5), 3.0);
        let y: Vec<f64> = (1..=10).map(|i| i as f64).collect();
        assert_eq!(quantile7(&y, 0.25), 3.25);
        assert_eq!(quantile7(&y, 0.75), 7.75);
        assert_eq!(r_mean(&y), 5.5);
        assert!(quantile7(&[], 0.5).is_nan());
    }

    #[test]
    fn summary_formatting() {
        assert_eq!(
            fmt(&[1.0, 2.0, 3.0, 22.0, 4.0, 100.0], false),
            vec!["  1", "  2", "  3", " 22", "  4", "100"]
        );
        assert_eq!(
            fmt(&[1.0, 3.25, 5.5, 5.5, 7.75, 10.0], false),
            vec![" 1.00", " 3.25", " 5.50", " 5.50", " 7.75", "10.00"]
        );
        assert_eq!(
            fmt(&[1.5, 2.25, 3.0, 23.0 / 6.0, 5.0, 7.0, 1.0], true),
            vec!["1.500", "2.250", "3.000", "3.833", "5.000", "7.000", "1"]
        );
        assert_eq!(
            fmt(&[1.0, 18.0, 31.5, 42.12931, 63.25, 168.0, 37.0], true)[6],
            "37"
        );
        assert_eq!(
            fmt(&[1.0, 18.0, 31.5, 42.12931, 63.25, 168.0, 37.0], true)[3],
            " 42.13"
        );
        assert_eq!(
            fmt(&[0.0001234, 1.25009, 2.5, 2.5, 3.75, 5.0], false)[0],
            "0.000123"
        );
        assert_eq!(
            format_summary_values(&[na_real(), na_real()], false, 4),
            vec![None, None]
        );
    }

    #[test]
    fn str_numbers() {
        assert_eq!(format_num_str(&[5.1, 4.9, 5.0], 3), vec!["5.1", "4.9", "5"]);
        assert_eq!(
            format_num_str(&[1.123456, 2.0, na_real()], 3),
            vec!["1.12", "2", "NA"]
        );
        assert_eq!(
            format_num_str(&[0.001234, 123456.0], 3),
            vec!["1.23e-03", "1.23e+05"]
        );
        assert_eq!(format_num_str(&[1e10], 3), vec!["1e+10"]);
        assert_eq!(drop0trailing("1.50e+10"), "1.50e+10");
        assert_eq!(drop0trailing("1.5e+00"), "1.5");
        assert_eq!(drop0trailing("1.0e-00"), "1.0");
        assert_eq!(drop0trailing("2e+00"), "2e+00");
        assert_eq!(drop0trailing("2.50"), "2.5");
        assert_eq!(drop0trailing("3.0"), "3");
        assert_eq!(zapsmall(&[0.0001234, 5.0], 7), vec![0.000123, 5.0]);
    }
}
