//! The fast CSV reader's numbers: plain decimals parsed where they stand, exactly (one
//! correctly rounded operation, or the standard library's parse), short ones a word at a
//! time, and integers.

use crate::frame::csv::parse_dbl;

/// A double field: the common decimal forms exactly, others by R's rules (`Inf`, hex, ...).
pub(super) fn dbl(f: &[u8]) -> Option<f64> {
    match decimal(f) {
        Some(Ok(v)) => Some(v),
        Some(Err(())) => std::str::from_utf8(f).ok()?.parse().ok(),
        None => parse_dbl(std::str::from_utf8(f).ok()?),
    }
}

/// Powers of ten exact in a double.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `[+-]digits[.digits][(e|E)[+-]digits]`: `Some(Ok)` when the value is exact by one
/// correctly rounded operation (at most 15 significant digits and a power of ten up to
/// 22), `Some(Err)` for other numbers of this form (parsed by the standard library, also
/// correctly rounded), `None` for anything else.
pub(super) fn decimal(f: &[u8]) -> Option<Result<f64, ()>> {
    let (v, end) = decimal_at(f, 0)?;
    (end == f.len()).then_some(v)
}

/// The number of the form [`decimal`] takes that starts at `t[i]`, and where it ends.
pub(super) fn decimal_at(t: &[u8], mut i: usize) -> Option<(Result<f64, ()>, usize)> {
    let neg = sign_at(t, &mut i);
    let mut mant = 0u64;
    let int_digits = digits_at(t, &mut i, &mut mant);
    let mut frac_digits = 0;
    if t.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = digits_at(t, &mut i, &mut mant);
    }
    let digits = int_digits + frac_digits;
    if digits == 0 {
        return None;
    }
    let mut exp = -(frac_digits as i64);
    if matches!(t.get(i), Some(b'e' | b'E')) {
        i += 1;
        let eneg = sign_at(t, &mut i);
        let (mut e, mut ed) = (0i64, 0);
        while let Some(&c) = t.get(i).filter(|c| c.is_ascii_digit()) {
            e = (e * 10 + (c - b'0') as i64).min(1 << 40);
            ed += 1;
            i += 1;
        }
        if ed == 0 {
            return None;
        }
        exp += if eneg { -e } else { e };
    }
    // 19 digits cannot overflow the mantissa; below 2^53 it is exact in a double
    if digits > 19 || mant > 1 << 53 || exp.abs() > 22 {
        return Some((Err(()), i));
    }
    // below 2^53: the signed conversion is one instruction and exact, and so is the power
    let m = mant as i64 as f64;
    let m = if neg { -m } else { m };
    let x = m * POW10[exp.max(0) as usize] / POW10[(-exp).max(0) as usize];
    Some((Ok(x), i))
}

/// The short plain number that starts at `t[i]`, and its length: a decimal `[+-]d[.d]` with
/// at most seven digits before and after the point, ended by the byte `ends` holds (in
/// every byte) within 16 bytes. The value is exact, by one correctly rounded division.
/// `None` for anything else, and when fewer than 24 bytes are left.
#[inline(always)]
pub(super) fn short_decimal(t: &[u8], i: usize, ends: u64) -> Option<(f64, usize)> {
    let w: &[u8; 24] = t.get(i..i + 24)?.try_into().ok()?;
    let word = |k: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&w[k..k + 8]);
        u64::from_le_bytes(b)
    };
    // the field's end first, so that the next field's start does not wait for the digits
    let (a, b) = (zero_bytes(word(0) ^ ends), zero_bytes(word(8) ^ ends));
    let len = (if a != 0 {
        a.trailing_zeros()
    } else {
        64 + b.trailing_zeros()
    } / 8) as usize;
    let c = w[0];
    let s = ((c == b'-') | (c == b'+')) as usize;
    let (ka, va) = leading_digits(word(s));
    if ka == 8 || len >= 16 {
        return None;
    }
    let stop = s + ka;
    let (m, kb) = if stop == len {
        if ka == 0 {
            return None;
        }
        (va, 0)
    } else {
        if w[stop] != b'.' {
            return None;
        }
        let (kb, vb) = leading_digits(word(stop + 1));
        if stop + 1 + kb != len || kb == 8 || ka + kb == 0 {
            return None;
        }
        (va * POW10_U64[kb] + vb, kb)
    };
    // at most 14 digits: exact in a double; the sign is set without a branch (a minus is as
    // likely as not)
    let x = m as i64 as f64 / POW10[kb];
    Some((
        f64::from_bits(x.to_bits() | (((c == b'-') as u64) << 63)),
        len,
    ))
}

/// The high bit of each zero byte of `x`, exact up to the first (bits above it may be set
/// by the borrow).
#[inline(always)]
pub(super) fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080
}

/// How many of the eight bytes of `w` (first in the lowest byte) are decimal digits before
/// the first that is not, and their value.
#[inline(always)]
fn leading_digits(w: u64) -> (usize, u64) {
    let d = w.wrapping_sub(0x3030_3030_3030_3030);
    // the high bit of each byte that is not a digit (exact up to the first such byte)
    let other = (w.wrapping_add(0x4646_4646_4646_4646) | d) & 0x8080_8080_8080_8080;
    let k = (other.trailing_zeros() / 8) as usize;
    // the k digits moved to the top of the word (none when k is 0)
    let top = d.checked_shl(8 * (8 - k) as u32).unwrap_or(0);
    (k, eight_digits(top))
}

/// Consumes an optional sign at `t[*i]`; whether it was a minus.
#[inline(always)]
fn sign_at(t: &[u8], i: &mut usize) -> bool {
    match t.get(*i) {
        Some(b'-') => {
            *i += 1;
            true
        }
        Some(b'+') => {
            *i += 1;
            false
        }
        _ => false,
    }
}

/// Consumes the decimal digits at `t[*i]`, eight at a time where the text allows, folding
/// them into `mant` (wrapping: callers check the count). Returns how many there were.
#[inline]
fn digits_at(t: &[u8], i: &mut usize, mant: &mut u64) -> usize {
    let start = *i;
    while let Some(w) = t.get(*i..*i + 8).and_then(|b| <[u8; 8]>::try_from(b).ok()) {
        let (k, v) = leading_digits(u64::from_le_bytes(w));
        if k > 0 {
            *mant = mant.wrapping_mul(POW10_U64[k]).wrapping_add(v);
            *i += k;
        }
        if k < 8 {
            return *i - start;
        }
    }
    while let Some(c) = t.get(*i).map(|c| c.wrapping_sub(b'0')).filter(|&c| c <= 9) {
        *mant = mant.wrapping_mul(10).wrapping_add(c as u64);
        *i += 1;
    }
    *i - start
}

/// Powers of ten as integers, up to 10^8.
const POW10_U64: [u64; 9] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
];

/// The value of eight digit values packed in a word, the first (most significant) in the
/// lowest byte: pairs, then quads, then the whole, by multiplications.
#[inline]
fn eight_digits(v: u64) -> u64 {
    let pairs = v.wrapping_mul(10).wrapping_add(v >> 8) & 0x00FF_00FF_00FF_00FF;
    let quads = pairs.wrapping_mul(100).wrapping_add(pairs >> 16) & 0x0000_FFFF_0000_FFFF;
    quads.wrapping_mul(10_000).wrapping_add(quads >> 32) & 0xFFFF_FFFF
}

/// An integer field; `None` for anything but `[+-]digits` within 64 bits.
pub(super) fn int(f: &[u8]) -> Option<i64> {
    let (neg, digits) = match f.first()? {
        b'-' => (true, &f[1..]),
        b'+' => (false, &f[1..]),
        _ => (false, f),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut v: i64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as i64;
    }
    Some(if neg { -v } else { v })
}
