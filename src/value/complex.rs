//! Complex numbers as R has them: the element type, NA, conversions to and from other
//! types, rounding to significant digits, and R's common format for a complex vector
//! (real and imaginary parts each with their own width and decimals).

use super::num_format::{encode_real_trim, pad_left, scientific, RealFmt};
use super::vector::{is_na_real, na_real, NA_INT};
use std::rc::Rc;

/// One complex element (real, imaginary).
pub type C64 = nalgebra::Complex<f64>;

/// R's `NA_complex_`: both parts `NA_real_`.
pub fn na_cplx() -> C64 {
    C64::new(na_real(), na_real())
}

/// `is.na()` of a complex element: either part NA or NaN.
#[inline]
pub fn cplx_is_na(z: C64) -> bool {
    z.re.is_nan() || z.im.is_nan()
}

/// Whether a complex element is `NA` proper (not just NaN), as printing tells them apart.
pub fn cplx_is_na_strict(z: C64) -> bool {
    is_na_real(z.re) || is_na_real(z.im)
}

/// A double as a complex (`NA` keeps its real part NA and gets a zero imaginary part, as R).
pub fn dbl_to_cplx(x: f64) -> C64 {
    C64::new(x, 0.0)
}

/// An integer or logical as a complex (NA becomes `NA_complex_`).
pub fn int_to_cplx(x: i32) -> C64 {
    if x == NA_INT {
        na_cplx()
    } else {
        C64::new(x as f64, 0.0)
    }
}

/// Parses a string as `as.complex` does: `"1"`, `"1+2i"`, `"-1.5e3-2i"` (NA otherwise).
pub fn parse_cplx(s: &str) -> C64 {
    let t = s.trim();
    if t == "NA" || t.is_empty() {
        return na_cplx();
    }
    let re = super::coerce::parse_num(t);
    if !re.is_nan() || t == "NaN" {
        return C64::new(re, 0.0);
    }
    // split at the last sign that is not part of an exponent
    let b = t.as_bytes();
    let mut k = None;
    for i in (1..b.len()).rev() {
        if (b[i] == b'+' || b[i] == b'-') && !matches!(b[i - 1], b'e' | b'E') {
            k = Some(i);
            break;
        }
    }
    let Some(k) = k else { return na_cplx() };
    let Some(im) = t[k..].strip_suffix('i') else {
        return na_cplx();
    };
    let (r, i) = (
        super::coerce::parse_num(&t[..k]),
        super::coerce::parse_num(im),
    );
    if (r.is_nan() && !t[..k].trim().ends_with("NaN")) || (i.is_nan() && !im.ends_with("NaN")) {
        return na_cplx();
    }
    C64::new(r, i)
}

/// `a / b` as C99 complex division does it (Smith's method, scaled against overflow).
pub fn cplx_div(a: C64, b: C64) -> C64 {
    let (c, d) = (b.re, b.im);
    if c.abs() >= d.abs() {
        if c == 0.0 && d == 0.0 {
            // division by zero: infinities where the numerator is non-zero, as C gives
            let inf = |x: f64| {
                if x == 0.0 {
                    f64::NAN
                } else {
                    x * f64::INFINITY
                }
            };
            return C64::new(inf(a.re), inf(a.im));
        }
        let r = d / c;
        let den = c + d * r;
        C64::new((a.re + a.im * r) / den, (a.im - a.re * r) / den)
    } else {
        let r = c / d;
        let den = c * r + d;
        C64::new((a.re * r + a.im) / den, (a.im * r - a.re) / den)
    }
}

fn cpow_int(mut x: C64, k: i32) -> C64 {
    if k == 0 {
        return C64::new(1.0, 0.0);
    }
    if k == 1 {
        return x;
    }
    if k < 0 {
        return cplx_div(C64::new(1.0, 0.0), cpow_int(x, -k));
    }
    let mut k = k;
    let mut z = C64::new(1.0, 0.0);
    while k > 0 {
        if k & 1 == 1 {
            z *= x;
        }
        if k == 1 {
            break;
        }
        k >>= 1;
        x *= x;
    }
    z
}

/// `x ^ y` as R computes it: exact repeated multiplication for whole exponents up to
/// 65536, `exp(y log x)` otherwise; `0 ^ y` is real for real `y`.
pub fn cplx_pow(x: C64, y: C64) -> C64 {
    if x.re == 0.0 && x.im == 0.0 {
        if y.im == 0.0 {
            let r = if y.re == 0.0 {
                1.0
            } else if y.re > 0.0 {
                0.0
            } else if y.re < 0.0 {
                f64::INFINITY
            } else {
                y.re
            };
            return C64::new(r, 0.0);
        }
        return C64::new(f64::NAN, f64::NAN);
    }
    if y.im == 0.0 && y.re.fract() == 0.0 && y.re.abs() <= 65536.0 {
        return cpow_int(x, y.re as i32);
    }
    (y * x.ln()).exp()
}

/// R's order of complex numbers: by real part, then imaginary part.
pub fn cplx_cmp(a: C64, b: C64) -> std::cmp::Ordering {
    use std::cmp::Ordering::Equal;
    a.re.partial_cmp(&b.re)
        .unwrap_or(Equal)
        .then(a.im.partial_cmp(&b.im).unwrap_or(Equal))
}

/// R's `fround(x, dig)`: `x` rounded to `dig` decimal places (negative: tens, hundreds...).
pub fn round_digits(x: f64, dig: i32) -> f64 {
    if !x.is_finite() || dig > 308 {
        return x;
    }
    if dig >= 0 {
        format!("{:.*}", dig as usize, x).parse().unwrap_or(x)
    } else {
        let p = 10f64.powi(-dig);
        (x / p).round() * p
    }
}

/// `signif(z, digits)` for a complex: both parts rounded at the decimal place that keeps
/// `digits` significant digits of the larger one (R's `z_prec_r`).
pub fn cplx_signif(z: C64, digits: i32) -> C64 {
    let (m1, m2) = (z.re.abs(), z.im.abs());
    let mut m = 0.0;
    if m1.is_finite() {
        m = m1;
    }
    if m2.is_finite() && m2 > m {
        m = m2;
    }
    if m == 0.0 {
        return z;
    }
    let dig = digits.clamp(1, 22);
    let mag = m.log10().floor() as i32;
    let d = dig - mag - 1;
    if d > 306 {
        let p = 1e4;
        return C64::new(
            round_digits(p * z.re, d - 4) / p,
            round_digits(p * z.im, d - 4) / p,
        );
    }
    C64::new(round_digits(z.re, d), round_digits(z.im, d))
}

/// The common format of a complex vector: one for the real parts, one for the
/// (unsigned) imaginary parts. An element is `re` + sign + `im` + `i`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CplxFmt {
    pub re: RealFmt,
    pub im: RealFmt,
}

impl CplxFmt {
    /// The width of every formatted element.
    pub fn width(&self) -> usize {
        self.re.width + self.im.width + 2
    }
}

#[derive(Default)]
struct PartStats {
    rt: Option<i32>,
    mxl: Option<i32>,
    mnl: Option<i32>,
    mxsl: Option<i32>,
    mxns: Option<i32>,
}

impl PartStats {
    fn add(&mut self, left: i32, sleft: i32, nsig: i32) {
        let right = nsig - left;
        self.rt = Some(self.rt.map_or(right, |r| r.max(right)));
        self.mxl = Some(self.mxl.map_or(left, |r| r.max(left)));
        self.mnl = Some(self.mnl.map_or(left, |r| r.min(left)));
        self.mxsl = Some(self.mxsl.map_or(sleft, |r| r.max(sleft)));
        self.mxns = Some(self.mxns.map_or(nsig, |r| r.max(nsig)));
    }
    /// (fixed width, fixed decimals, sci width, sci decimals, mxsl) for a part; `neg` adds a sign.
    fn widths(&self, neg: i32) -> (i32, i32, i32, i32, i32) {
        let Some(mxl) = self.mxl else {
            return (0, 0, 0, 0, 0);
        };
        let mut mxsl = self.mxsl.unwrap_or(1);
        if mxl < 0 {
            mxsl = 1 + neg;
        }
        let rt = self.rt.unwrap_or(0).max(0);
        let wf = mxsl + rt + (rt != 0) as i32;
        let e = if mxl > 100 || self.mnl.unwrap_or(0) < -99 {
            2
        } else {
            1
        };
        let d = self.mxns.unwrap_or(1) - 1;
        let w = neg + (d > 0) as i32 + d + 4 + e;
        (wf, rt, w, d, mxsl)
    }
}

/// R's common format for complex numbers printed with `digits` significant digits,
/// at least `nsmall` decimals in fixed notation, and scientific penalty `scipen`.
pub fn cplx_format(zs: &[C64], digits: usize, nsmall: usize, scipen: i32) -> CplxFmt {
    let (mut naflag, mut rnan, mut rposinf, mut rneginf, mut inan, mut iposinf) =
        (false, false, false, false, false, false);
    let (mut all_re_zero, mut all_im_zero) = (true, true);
    let mut neg = 0i32;
    let (mut re, mut im) = (PartStats::default(), PartStats::default());
    for &z in zs {
        let t = cplx_signif(z, digits as i32);
        if is_na_real(t.re) || is_na_real(t.im) {
            naflag = true;
            continue;
        }
        if !t.re.is_finite() {
            if t.re.is_nan() {
                rnan = true
            } else if t.re > 0.0 {
                rposinf = true
            } else {
                rneginf = true
            }
        } else {
            if z.re != 0.0 {
                all_re_zero = false;
            }
            let s = scientific(t.re, digits);
            neg = s.neg as i32;
            let left = s.kpower + 1 - s.rounding_widens as i32;
            let sleft = neg + if left <= 0 { 1 } else { left };
            re.add(left, sleft, s.nsig);
        }
        if !t.im.is_finite() {
            if t.im.is_nan() {
                inan = true
            } else {
                iposinf = true
            }
        } else {
            if z.im != 0.0 {
                all_im_zero = false;
            }
            let s = scientific(t.im, digits);
            neg = s.neg as i32;
            let left = s.kpower + 1 - s.rounding_widens as i32;
            let sleft = if left <= 0 { 1 } else { left };
            im.add(left, sleft, s.nsig);
        }
    }
    let (wf_r, rt_r, w_r, d_r, mxsl_r) = re.widths(neg);
    let (wf_i, rt_i, w_i, d_i, mxsl_i) = im.widths(0);
    let fixed = |wf: i32, rt: i32, mxsl: i32| -> RealFmt {
        let (mut wf, mut rt) = (wf, rt);
        if nsmall as i32 > rt {
            rt = nsmall as i32;
            wf = mxsl + rt + (rt != 0) as i32;
        }
        RealFmt {
            width: wf.max(0) as usize,
            decimals: rt.max(0) as usize,
            sci: false,
        }
    };
    let sci = |w: i32, d: i32| RealFmt {
        width: w.max(0) as usize,
        decimals: d.max(0) as usize,
        sci: re.mxl.is_some() || im.mxl.is_some(),
    };
    let sci_r = RealFmt {
        sci: re.mxl.is_some(),
        ..sci(w_r, d_r)
    };
    let sci_i = RealFmt {
        sci: im.mxl.is_some(),
        ..sci(w_i, d_i)
    };
    let (mut rf, mut imf);
    if all_re_zero {
        rf = RealFmt {
            width: wf_r.max(0) as usize,
            decimals: 0,
            sci: false,
        };
        imf = if wf_i <= w_i + scipen {
            fixed(wf_i, rt_i, mxsl_i)
        } else {
            sci_i
        };
    } else if all_im_zero {
        rf = if wf_r <= w_r + scipen {
            fixed(wf_r, rt_r, mxsl_r)
        } else {
            sci_r
        };
        imf = RealFmt {
            width: wf_i.max(0) as usize,
            decimals: 0,
            sci: false,
        };
    } else if wf_r + wf_i < w_r + w_i + 2 * scipen {
        rf = fixed(wf_r, rt_r, mxsl_r);
        imf = fixed(wf_i, rt_i, mxsl_i);
    } else {
        rf = sci_r;
        imf = sci_i;
    }
    if (rnan || rposinf) && rf.width < 3 {
        rf.width = 3;
    }
    if rneginf && rf.width < 4 {
        rf.width = 4;
    }
    if (inan || iposinf) && imf.width < 3 {
        imf.width = 3;
    }
    if naflag && rf.width + imf.width + 2 < 2 {
        rf.width += 2 - (rf.width + imf.width + 2);
    }
    CplxFmt { re: rf, im: imf }
}

/// One complex element in format `f`, padded to the common width (`na` for NA).
pub fn encode_cplx(z: C64, f: &CplxFmt, digits: usize, na: &str) -> String {
    if cplx_is_na_strict(z) {
        return pad_left(na, f.width());
    }
    let z = C64::new(
        if z.re == 0.0 { 0.0 } else { z.re },
        if z.im == 0.0 { 0.0 } else { z.im },
    );
    let y = cplx_signif(z, digits as i32);
    let re = encode_real_trim(if y.re == 0.0 { 0.0 } else { z.re }, &f.re, "NA");
    let neg_im = z.im < 0.0;
    let im_abs = if y.im == 0.0 { 0.0 } else { z.im.abs() };
    let im = encode_real_trim(im_abs, &f.im, "NA");
    format!(
        "{}{}{}i",
        pad_left(&re, f.re.width),
        if neg_im { '-' } else { '+' },
        pad_left(&im, f.im.width)
    )
}

/// Formats complex numbers as `print` does: common format, padded to the common width.
pub fn format_cplx_vec(zs: &[C64], digits: usize) -> Vec<String> {
    let f = cplx_format(zs, digits, 0, 0);
    zs.iter()
        .map(|&z| encode_cplx(z, &f, digits, "NA"))
        .collect()
}

/// One complex number as `as.character` writes it (15 significant digits, alone).
pub fn cplx_to_string(z: C64) -> Option<Rc<str>> {
    if cplx_is_na_strict(z) {
        return None;
    }
    let f = cplx_format(&[z], 15, 0, 0);
    Some(Rc::from(encode_cplx(z, &f, 15, "NA").trim()))
}

/// One complex number alone with `digits` significant digits (as `cat` writes it).
pub fn cplx_alone(z: C64, digits: usize) -> String {
    let f = cplx_format(&[z], digits, 0, 0);
    encode_cplx(z, &f, digits, "NA").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    fn p(zs: &[(f64, f64)]) -> String {
        let v: Vec<C64> = zs.iter().map(|&(a, b)| C64::new(a, b)).collect();
        format_cplx_vec(&v, 7).join(" ")
    }
    #[test]
    fn common_format() {
        assert_eq!(p(&[(1.0, 2.0), (3.25, -1.0)]), "1.00+2i 3.25-1i");
        assert_eq!(p(&[(-1.0, 0.0)]), "-1+0i");
        assert_eq!(p(&[(1.0, 10.0), (1.0, 1.0)]), "1+10i 1+ 1i");
        assert_eq!(p(&[(0.0, 1.0)]), "0+1i");
    }
    #[test]
    fn parse() {
        assert_eq!(parse_cplx("1+2i"), C64::new(1.0, 2.0));
        assert_eq!(parse_cplx(" -1.5e2-2i"), C64::new(-150.0, -2.0));
        assert_eq!(parse_cplx("3"), C64::new(3.0, 0.0));
        assert!(cplx_is_na(parse_cplx("2i")));
    }
}
