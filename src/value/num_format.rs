//! Number formatting as R's `formatReal`, `formatInteger` and `formatLogical` do it:
//! one common format (width, decimals, fixed or scientific) for a whole vector.

use crate::value::{is_na_real, NA_INT};
use std::cell::Cell;

thread_local! {
    static OUT_DEC: Cell<char> = const { Cell::new('.') };
}

/// Sets the decimal mark of output conversions (`options(OutDec = ",")`): printing,
/// `format`, `cat` and `as.character`; never deparsing or `sprintf`.
pub fn set_out_dec(c: char) {
    OUT_DEC.with(|d| d.set(c));
}

/// A formatted number with its decimal point written as `OutDec`.
pub fn with_out_dec(s: String) -> String {
    match OUT_DEC.with(|d| d.get()) {
        '.' => s,
        c => s.replacen('.', c.encode_utf8(&mut [0; 4]), 1),
    }
}

/// The common format R chooses for a vector of doubles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RealFmt {
    /// Common field width.
    pub width: usize,
    /// Digits after the decimal point (of the mantissa when scientific).
    pub decimals: usize,
    /// Scientific notation when true.
    pub sci: bool,
}

/// Per-element result of R's `scientific()`: sign, decimal exponent, significant digits
/// needed (at most `digits`), and whether rounding carried into a new power of ten.
pub(crate) struct Sci {
    pub neg: bool,
    pub kpower: i32,
    pub nsig: i32,
    pub rounding_widens: bool,
}

pub(crate) fn scientific(x: f64, digits: usize) -> Sci {
    let digits = digits.clamp(1, 22);
    if x == 0.0 {
        return Sci {
            neg: false,
            kpower: 0,
            nsig: 1,
            rounding_widens: false,
        };
    }
    let r = x.abs();
    let s = format!("{:.*e}", digits - 1, r);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let kpower: i32 = exp.parse().unwrap_or(0);
    let sig: Vec<u8> = mant.bytes().filter(|b| b.is_ascii_digit()).collect();
    let mut nsig = sig.len() as i32;
    while nsig > 1 && sig[nsig as usize - 1] == b'0' {
        nsig -= 1;
    }
    let rgt = (digits as i32 - kpower).clamp(0, 22);
    let fuzz = 0.5 / 10f64.powi(rgt);
    let rounding_widens = kpower > 0 && kpower <= 22 && r < 10f64.powi(kpower) - fuzz;
    Sci {
        neg: x < 0.0,
        kpower,
        nsig,
        rounding_widens,
    }
}

/// Computes R's common format for `xs` with `digits` significant digits, at least
/// `nsmall` decimals in fixed notation, and scientific penalty `scipen`.
pub fn real_format(xs: &[f64], digits: usize, nsmall: usize, scipen: i32) -> RealFmt {
    real_format_na(xs, digits, nsmall, scipen, 2)
}

/// Like [`real_format`] with an explicit width for `NA` (2, or 4 for `<NA>`).
pub fn real_format_na(
    xs: &[f64],
    digits: usize,
    nsmall: usize,
    scipen: i32,
    na_width: usize,
) -> RealFmt {
    let (mut naflag, mut nanflag, mut posinf, mut neginf) = (false, false, false, false);
    let mut neg = 0i32;
    let (mut rgt, mut mxl, mut mxsl, mut mxns) = (i32::MIN, i32::MIN, i32::MIN, i32::MIN);
    let mut mnl = i32::MAX;
    for &x in xs {
        if x.is_nan() {
            if is_na_real(x) {
                naflag = true
            } else {
                nanflag = true
            }
        } else if x.is_infinite() {
            if x > 0.0 {
                posinf = true
            } else {
                neginf = true
            }
        } else {
            let s = scientific(x, digits);
            let mut left = s.kpower + 1;
            if s.rounding_widens {
                left -= 1;
            }
            let sleft = s.neg as i32 + if left <= 0 { 1 } else { left };
            let right = s.nsig - left;
            if s.neg {
                neg = 1;
            }
            rgt = rgt.max(right);
            mxl = mxl.max(left);
            mnl = mnl.min(left);
            mxsl = mxsl.max(sleft);
            mxns = mxns.max(s.nsig);
        }
    }
    let mut f = RealFmt {
        width: 0,
        decimals: 0,
        sci: false,
    };
    if mxns != i32::MIN {
        if mxl < 0 {
            mxsl = 1 + neg;
        }
        if rgt < 0 {
            rgt = 0;
        }
        let mut wf = mxsl + rgt + (rgt != 0) as i32;
        let e = if mxl > 100 || mnl <= -99 { 2 } else { 1 };
        let d = mxns - 1;
        let w = neg + (d > 0) as i32 + d + 4 + e;
        if wf <= w + scipen {
            if (nsmall as i32) > rgt {
                rgt = nsmall as i32;
                wf = mxsl + rgt + (rgt != 0) as i32;
            }
            f = RealFmt {
                width: wf.max(0) as usize,
                decimals: rgt as usize,
                sci: false,
            };
        } else {
            f = RealFmt {
                width: w.max(0) as usize,
                decimals: d.max(0) as usize,
                sci: true,
            };
        }
    }
    if naflag {
        f.width = f.width.max(na_width);
    }
    if nanflag || posinf {
        f.width = f.width.max(3);
    }
    if neginf {
        f.width = f.width.max(4);
    }
    f
}

/// Writes `x` in C's `%.*e` style with R's exponent (`1.5e+06`, `1e-300`).
pub fn sci_string(x: f64, decimals: usize, upper: bool) -> String {
    let s = format!("{:.*e}", decimals, x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let ev: i32 = exp.parse().unwrap_or(0);
    format!(
        "{}{}{}{:02}",
        mant,
        if upper { 'E' } else { 'e' },
        if ev < 0 { '-' } else { '+' },
        ev.abs()
    )
}

/// Encodes one double in format `f` without padding (`NA`, `NaN`, `Inf`, `-Inf` as R writes them).
pub fn encode_real_trim(x: f64, f: &RealFmt, na: &str) -> String {
    if is_na_real(x) {
        return na.to_string();
    }
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Inf".into() } else { "-Inf".into() };
    }
    let x = if x == 0.0 { 0.0 } else { x };
    with_out_dec(if f.sci {
        sci_string(x, f.decimals, false)
    } else {
        format!("{:.*}", f.decimals, x)
    })
}

/// Encodes one double in format `f`, right-justified to the common width.
pub fn encode_real(x: f64, f: &RealFmt, na: &str) -> String {
    pad_left(&encode_real_trim(x, f, na), f.width)
}

/// Formats doubles as `print` does: common format, every string padded to the common width.
pub fn format_dbl_vec(xs: &[f64], digits: usize) -> Vec<String> {
    let f = real_format(xs, digits, 0, 0);
    xs.iter().map(|&x| encode_real(x, &f, "NA")).collect()
}

/// Formats doubles in their common format but without padding (as `paste`-like uses need).
pub fn format_dbl_vec_trim(xs: &[f64], digits: usize) -> Vec<String> {
    let f = real_format(xs, digits, 0, 0);
    xs.iter().map(|&x| encode_real_trim(x, &f, "NA")).collect()
}

/// Formats one number as `cat` does: alone, with up to 7 significant digits.
pub fn cat_num(x: f64) -> String {
    cat_num_digits(x, 7)
}

/// Formats one number alone with up to `digits` significant digits (no padding).
pub fn cat_num_digits(x: f64, digits: usize) -> String {
    let f = real_format(&[x], digits, 0, 0);
    encode_real_trim(x, &f, "NA")
}

/// Width of the widest integer in `xs` (NA counts as `na_width`).
pub fn int_width(xs: &[i32], na_width: usize) -> usize {
    xs.iter()
        .map(|&x| {
            if x == NA_INT {
                na_width
            } else {
                x.to_string().len()
            }
        })
        .max()
        .unwrap_or(0)
}

/// Formats integers right-justified to their common width.
pub fn format_int_vec(xs: &[i32]) -> Vec<String> {
    let w = int_width(xs, 2);
    xs.iter().map(|&x| pad_left(&int_str(x, "NA"), w)).collect()
}

/// One integer as text (`na` for NA).
pub fn int_str(x: i32, na: &str) -> String {
    if x == NA_INT {
        na.to_string()
    } else {
        x.to_string()
    }
}

/// One logical as text: `TRUE`, `FALSE`, or `na`.
pub fn lgl_str(x: i32, na: &str) -> String {
    match x {
        NA_INT => na.to_string(),
        0 => "FALSE".into(),
        _ => "TRUE".into(),
    }
}

/// Formats logicals right-justified to their common width.
pub fn format_lgl_vec(xs: &[i32]) -> Vec<String> {
    let v: Vec<String> = xs.iter().map(|&x| lgl_str(x, "NA")).collect();
    let w = v.iter().map(|s| s.len()).max().unwrap_or(0);
    v.iter().map(|s| pad_left(s, w)).collect()
}

/// Display width of a string (characters; East Asian wide characters are not special-cased).
pub fn str_width(s: &str) -> usize {
    s.chars().count()
}

/// Pads on the left to `w` characters.
pub fn pad_left(s: &str, w: usize) -> String {
    let n = str_width(s);
    if n >= w {
        s.to_string()
    } else {
        format!("{}{}", " ".repeat(w - n), s)
    }
}

/// Pads on the right to `w` characters.
pub fn pad_right(s: &str, w: usize) -> String {
    let n = str_width(s);
    if n >= w {
        s.to_string()
    } else {
        format!("{}{}", s, " ".repeat(w - n))
    }
}

/// Centres in `w` characters (extra space goes right, as R's `formatC`/`format` do).
pub fn pad_centre(s: &str, w: usize) -> String {
    let n = str_width(s);
    if n >= w {
        return s.to_string();
    }
    let l = (w - n) / 2;
    format!("{}{}{}", " ".repeat(l), s, " ".repeat(w - n - l))
}

/// Inserts `mark` every three digits in the integer part of a formatted number.
pub fn insert_big_mark(s: &str, mark: &str) -> String {
    if mark.is_empty() {
        return s.to_string();
    }
    let lead = s.len() - s.trim_start().len();
    let t = &s[lead..];
    let (sign, rest) = match t.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", t),
    };
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (ip, tail) = rest.split_at(end);
    if ip.len() <= 3 {
        return s.to_string();
    }
    let mut out = String::new();
    for (i, c) in ip.chars().enumerate() {
        if i > 0 && (ip.len() - i) % 3 == 0 {
            out.push_str(mark);
        }
        out.push(c);
    }
    format!("{}{}{}{}", &s[..lead], sign, out, tail)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::approx_constant)] // inputs such as 3.14159 are test data, not pi
    use super::*;
    use crate::value::na_real;

    fn p(xs: &[f64]) -> String {
        format_dbl_vec(xs, 7).join(" ")
    }
    fn pd(xs: &[f64], d: usize) -> String {
        format_dbl_vec(xs, d).join(" ")
    }

    #[test]
    fn single_numbers() {
        assert_eq!(p(&[0.1 + 0.2]), "0.3");
        assert_eq!(p(&[1.0 / 3.0]), "0.3333333");
        assert_eq!(p(&[1e5]), "1e+05");
        assert_eq!(p(&[123456.0]), "123456");
        assert_eq!(p(&[1234567.0]), "1234567");
        assert_eq!(p(&[1e15]), "1e+15");
        assert_eq!(p(&[0.0001]), "1e-04");
        assert_eq!(p(&[123456.7]), "123456.7");
        assert_eq!(p(&[1e-300]), "1e-300");
        assert_eq!(p(&[f64::EPSILON]), "2.220446e-16");
        assert_eq!(p(&[2f64.powi(31)]), "2147483648");
        assert_eq!(p(&[2f64.powi(53)]), "9.007199e+15");
        assert_eq!(p(&[100.0 * 1.1]), "110");
        assert_eq!(p(&[std::f64::consts::PI * 1e10]), "31415926536");
        assert_eq!(p(&[-1e-5]), "-1e-05");
        assert_eq!(p(&[-0.0]), "0");
        assert_eq!(p(&[1234567.1]), "1234567");
    }

    #[test]
    fn vectors_common_format() {
        assert_eq!(p(&[1e-5, 1.0]), "1e-05 1e+00");
        assert_eq!(p(&[1.0, 2.5, 3.25]), "1.00 2.50 3.25");
        assert_eq!(p(&[123456789.0, 0.1]), "123456789.0         0.1");
        assert_eq!(p(&[1234.5678, 0.0012]), "1234.5678    0.0012");
        assert_eq!(p(&[1.5, 1e6]), "1.5e+00 1.0e+06");
        assert_eq!(p(&[1.123456789, 123456.1]), "1.123457e+00 1.234561e+05");
        assert_eq!(p(&[1.5, na_real(), f64::INFINITY]), "1.5  NA Inf");
        assert_eq!(
            p(&[1.5, na_real(), f64::INFINITY, f64::NEG_INFINITY, f64::NAN]),
            " 1.5   NA  Inf -Inf  NaN"
        );
        assert_eq!(p(&[1e-20, 1.0]), "1e-20 1e+00");
        assert_eq!(p(&[0.1234567891, 100.0]), "  0.1234568 100.0000000");
    }

    #[test]
    fn digits_option() {
        assert_eq!(pd(&[std::f64::consts::PI], 3), "3.14");
        assert_eq!(pd(&[1.0 / 3.0], 3), "0.333");
        assert_eq!(
            pd(&[1.23456, 123.456, 0.00123], 3),
            "1.23e+00 1.23e+02 1.23e-03"
        );
        assert_eq!(pd(&[22.0 / 7.0], 10), "3.142857143");
        assert_eq!(pd(&[10.5, 3.14159, 2.0], 2), "10.5  3.1  2.0");
        assert_eq!(pd(&[123456.0, 0.1], 3), "123456.0      0.1");
        assert_eq!(pd(&[99999.7], 3), "1e+05");
    }

    #[test]
    fn cat_and_ints() {
        assert_eq!(cat_num(1e-10), "1e-10");
        assert_eq!(cat_num(123456789.0), "123456789");
        assert_eq!(cat_num(100000.0), "1e+05");
        assert_eq!(cat_num(1e5 + 0.1), "100000.1");
        assert_eq!(cat_num(std::f64::consts::E), "2.718282");
        assert_eq!(format_int_vec(&[NA_INT, 1]).join(" "), "NA  1");
        assert_eq!(
            format_lgl_vec(&[1, 0, NA_INT]).join(" "),
            " TRUE FALSE    NA"
        );
        assert_eq!(insert_big_mark("1234567", ","), "1,234,567");
        assert_eq!(insert_big_mark("-123456789.5", ","), "-123,456,789.5");
    }
}
