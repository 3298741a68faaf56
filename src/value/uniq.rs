//! Distinct elements of a vector found by hashing, in one pass: the core of `factor`,
//! `unique`, `match` and every grouped operation. Equality is R's `unique()`'s: NA and NaN
//! are distinct values, `0` and `-0` are one, strings compare by content.

use super::{is_na_real, Data, NA_INT};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// A fast hasher for in-process keys (FxHash's multiply-rotate, then murmur3's finaliser so
/// that differences in high bits, as doubles have, reach the low bits). The keys never cross
/// a trust boundary, and SipHash made hashing millions of elements slow.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(i as u64);
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A `HashMap` with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// An empty [`FxMap`] with room for `n` entries.
pub fn fx_map<K, V>(n: usize) -> FxMap<K, V> {
    HashMap::with_capacity_and_hasher(n, Default::default())
}

/// The distinct values of a vector: `ids[i]` numbers element `i`'s value (0, 1, ... in order
/// of first appearance) and `firsts[k]` is where value `k` first appears.
#[derive(Debug, Default)]
pub struct Distinct {
    pub ids: Vec<u32>,
    pub firsts: Vec<usize>,
}

/// A double as a hashable key with R's equality: `-0` is `0`, every NaN that is not NA is
/// one value, NA is another.
#[inline]
pub fn dbl_key(x: f64) -> u64 {
    if x.is_nan() {
        if is_na_real(x) {
            super::vector::NA_REAL_BITS
        } else {
            0x7FF8_0000_0000_0000
        }
    } else if x == 0.0 {
        0
    } else {
        x.to_bits()
    }
}

/// Numbers the distinct values of `xs` by first appearance, given a key function.
fn by_key<T: Copy, K: std::hash::Hash + Eq>(xs: &[T], key: impl Fn(T) -> K) -> Distinct {
    let mut map: FxMap<K, u32> = fx_map(64);
    let mut firsts = Vec::new();
    let ids = xs
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            let next = firsts.len() as u32;
            let id = *map.entry(key(x)).or_insert(next);
            if id == next {
                firsts.push(i);
            }
            id
        })
        .collect();
    Distinct { ids, firsts }
}

/// Integers: a direct table when their range is small, else a hash table.
fn ints(xs: &[i32]) -> Distinct {
    let (mut lo, mut hi) = (i32::MAX, i32::MIN);
    for &x in xs {
        if x != NA_INT {
            lo = lo.min(x);
            hi = hi.max(x);
        }
    }
    let span = if lo > hi { 0 } else { (hi as i64 - lo as i64 + 1) as usize };
    if span > 4 * xs.len() + 1024 {
        return by_key(xs, |x| x);
    }
    // slot span holds NA
    let mut table = vec![u32::MAX; span + 1];
    let mut firsts = Vec::new();
    let ids = xs
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            let slot = if x == NA_INT { span } else { (x as i64 - lo as i64) as usize };
            let t = &mut table[slot];
            if *t == u32::MAX {
                *t = firsts.len() as u32;
                firsts.push(i);
            }
            *t
        })
        .collect();
    Distinct { ids, firsts }
}

/// The distinct values of an atomic vector (`None` for lists).
pub fn distinct(d: &Data) -> Option<Distinct> {
    Some(match d {
        Data::Raw(v) => ints(&v.iter().map(|&b| b as i32).collect::<Vec<_>>()),
        Data::Lgl(v) | Data::Int(v) => ints(v),
        Data::Dbl(v) => by_key(v, dbl_key),
        Data::Cplx(v) => by_key(v, |z| (dbl_key(z.re), dbl_key(z.im))),
        Data::Str(s) => {
            if let Some((codes, dict)) = s.codes() {
                // a column read from a file: its codes, then the dictionary's strings
                let by_code = by_key(codes, |c| c.min(dict.len() as u32));
                let keys: Vec<Option<&str>> = by_code
                    .firsts
                    .iter()
                    .map(|&i| dict.get(codes[i] as usize).and_then(|s| s.as_deref()))
                    .collect();
                let merged = by_key(&keys, |k| k);
                let firsts = merged.firsts.iter().map(|&k| by_code.firsts[k]).collect();
                let ids = by_code.ids.iter().map(|&c| merged.ids[c as usize]).collect();
                return Some(Distinct { ids, firsts });
            }
            let keys: &[Option<std::rc::Rc<str>>] = s;
            by_key_ref(keys)
        }
        Data::List(_) => return None,
    })
}

/// Strings by content (NA apart).
fn by_key_ref(xs: &[Option<std::rc::Rc<str>>]) -> Distinct {
    let mut map: FxMap<Option<&str>, u32> = fx_map(64);
    let mut firsts = Vec::new();
    // R's string vectors mostly share their elements (sample(), rep(), a factor's labels):
    // a small cache by address answers those without hashing the text (one address, one
    // text, while the vector holds them)
    const SLOTS: usize = 1024;
    let mut seen: Vec<(*const u8, u32)> = vec![(std::ptr::null(), 0); SLOTS];
    let ids = xs
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let p = x.as_ref().map(|s| s.as_ptr());
            let slot = p.map(|p| ((p as usize >> 4) ^ (p as usize >> 14)) & (SLOTS - 1));
            if let (Some(p), Some(k)) = (p, slot) {
                if seen[k].0 == p {
                    return seen[k].1;
                }
            }
            let next = firsts.len() as u32;
            let id = *map.entry(x.as_deref()).or_insert(next);
            if id == next {
                firsts.push(i);
            }
            if let (Some(p), Some(k)) = (p, slot) {
                seen[k] = (p, id);
            }
            id
        })
        .collect();
    Distinct { ids, firsts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::na_real;
    use std::rc::Rc;

    #[test]
    fn distinct_values() {
        let d = distinct(&Data::Dbl(Rc::new(vec![1.0, -0.0, 0.0, na_real(), f64::NAN, 1.0, na_real()])))
            .unwrap_or_default();
        assert_eq!(d.ids, vec![0, 1, 1, 2, 3, 0, 2]);
        assert_eq!(d.firsts, vec![0, 1, 3, 4]);
        let d = distinct(&Data::Int(Rc::new(vec![5, NA_INT, 5, -3, 2_000_000_000]))).unwrap_or_default();
        assert_eq!(d.ids, vec![0, 1, 0, 2, 3]);
        let a: Rc<str> = Rc::from("a");
        let s = vec![Some(a.clone()), Some(Rc::from("b")), None, Some(Rc::from("a")), Some(a)];
        let d = distinct(&Data::Str(Rc::new(s.into()))).unwrap_or_default();
        assert_eq!(d.ids, vec![0, 1, 2, 0, 0]);
        let coded = crate::value::Strs::coded(vec![1, 0, 2, 1, crate::value::strs::CODE_NA], vec![
            Some(Rc::from("x")),
            Some(Rc::from("y")),
            Some(Rc::from("x")),
        ]);
        let d = distinct(&Data::Str(Rc::new(coded))).unwrap_or_default();
        assert_eq!(d.ids, vec![0, 1, 1, 0, 2]);
        assert_eq!(d.firsts, vec![0, 1, 4]);
    }
}
