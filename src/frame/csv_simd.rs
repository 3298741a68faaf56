//! The fast CSV reader's short-number parse with SSSE3 (x86-64 only, chosen at run time):
//! a field's end, its digits and its point found by byte compares on 16 bytes at once,
//! and the digits turned into an integer by multiply-adds on the vector.

use std::arch::x86_64::*;

/// Powers of ten exact in a double, up to the 14 digits a 15-byte field can have after
/// its point.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// Shuffle masks that move a field of `len` bytes at the start of a vector to its end:
/// the mask for `len` is the 16 bytes from `ALIGN[len]` (-128 makes a lane zero).
static ALIGN: [i8; 32] = {
    let mut a = [-128i8; 32];
    let mut i = 0;
    while i < 16 {
        a[16 + i] = i as i8;
        i += 1;
    }
    a
};

/// Shuffle masks that drop the decimal point of a right-aligned field with `k` digits
/// after it (the lanes before the point move up by one); entry 16 keeps every lane.
static DROP_POINT: [[i8; 16]; 17] = {
    let mut m = [[0i8; 16]; 17];
    let mut k = 0;
    while k < 17 {
        let point = 15 - k as i32;
        let mut i = 0;
        while i < 16 {
            m[k][i] = if k == 16 || i as i32 > point {
                i as i8
            } else if i == 0 {
                -128
            } else {
                i as i8 - 1
            };
            i += 1;
        }
        k += 1;
    }
    m
};

/// The 16 bytes as a vector (first byte in the lowest lane).
#[target_feature(enable = "ssse3")]
#[inline]
fn load(b: &[u8; 16]) -> __m128i {
    let (lo, hi) = b.split_at(8);
    let word = |w: &[u8]| {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        i64::from_le_bytes(a)
    };
    _mm_set_epi64x(word(hi), word(lo))
}

/// A shuffle mask as a vector.
#[target_feature(enable = "ssse3")]
#[inline]
fn mask(m: &[i8; 16]) -> __m128i {
    let mut b = [0u8; 16];
    for (d, s) in b.iter_mut().zip(m) {
        *d = *s as u8;
    }
    load(&b)
}

/// The plain decimal `[+-]d[.d]` that starts at `t[i]` and is ended by the byte `end`
/// within 15 bytes, and its length; exact, by one correctly rounded division. `None` for
/// anything else, and when fewer than 16 bytes are left.
#[target_feature(enable = "ssse3")]
#[inline]
pub(super) fn short_decimal(t: &[u8], i: usize, end: u8) -> Option<(f64, usize)> {
    let w: &[u8; 16] = t.get(i..i + 16)?.try_into().ok()?;
    let ends = _mm_movemask_epi8(_mm_cmpeq_epi8(load(w), _mm_set1_epi8(end as i8))) as u32;
    let len = ends.trailing_zeros();
    Some((decimal(w, len)?, len as usize))
}

/// The plain decimal `[+-]d[.d]` in the first `len` bytes of `w` (at most 15), exact.
#[target_feature(enable = "ssse3")]
#[inline]
fn decimal(w: &[u8; 16], len: u32) -> Option<f64> {
    if len >= 16 {
        return None;
    }
    let v = load(w);
    // digit values; a lane is a digit when its value is at most 9 as an unsigned byte
    let d = _mm_sub_epi8(v, _mm_set1_epi8(b'0' as i8));
    let is_digit = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
    let digits = _mm_movemask_epi8(is_digit) as u32;
    let points = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b'.' as i8))) as u32;
    let c = w[0];
    let signed = ((c == b'-') | (c == b'+')) as u32;
    // the field's lanes after the sign: digits and at most one point, at least one digit
    let body = ((1u32 << len) - 1) & !signed;
    let (point, digit) = (points & body, digits & body);
    if digit | point != body || point & point.wrapping_sub(1) != 0 || digit == 0 {
        return None;
    }
    let after = if point == 0 {
        16
    } else {
        (len - 1 - point.trailing_zeros()) as usize
    };
    // the digits (sign and point lanes zero) moved to the end, then the point dropped:
    // sixteen digits, the most significant first, with leading zeros
    let d = _mm_and_si128(d, is_digit);
    let align: &[i8; 16] = ALIGN[len as usize..len as usize + 16].try_into().ok()?;
    let d = _mm_shuffle_epi8(d, mask(align));
    let d = _mm_shuffle_epi8(d, mask(&DROP_POINT[after]));
    let pairs = _mm_maddubs_epi16(d, _mm_set1_epi16(0x010a));
    let quads = _mm_madd_epi16(pairs, _mm_set1_epi32(0x0001_0064));
    let quads = _mm_packs_epi32(quads, quads);
    let eights = _mm_madd_epi16(quads, _mm_set1_epi32(0x0001_2710));
    let high = _mm_cvtsi128_si32(eights) as u64;
    let low = _mm_cvtsi128_si32(_mm_srli_si128(eights, 4)) as u64;
    // at most 15 digits: exact in a double; the sign set without a branch
    let x = (high * 100_000_000 + low) as i64 as f64 / POW10[after & 15];
    Some(f64::from_bits(x.to_bits() | (((c == b'-') as u64) << 63)))
}
