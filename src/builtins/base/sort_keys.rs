//! Sort keys and a stable radix sort: `order`, `sort` and `rank` map every element to a
//! `u64` whose unsigned order is R's order (numbers numerically with `-0 == 0`, strings by
//! their rank in collation order, factors by code; `decreasing` inverts the key, NA maps to
//! the smallest or largest key), then sort the keys with a least-significant-digit radix
//! sort, which is stable, so ties keep their original order as R's `order` does.

use crate::error::{err, EvalResult};
use crate::value::uniq::distinct;
use crate::value::{Data, VType, Value, NA_INT};
use std::cmp::Ordering;

/// One column of sort keys: `u64` order keys and whether each element is NA.
pub struct SortKey {
    pub keys: Vec<u64>,
    pub na: Vec<bool>,
}

/// A double's bits turned so that unsigned order is numeric order (`-0` as `0`).
#[inline]
fn dbl_bits(x: f64) -> u64 {
    let b = if x == 0.0 { 0 } else { x.to_bits() };
    if b >> 63 == 1 {
        !b
    } else {
        b | (1 << 63)
    }
}

/// Every string's rank (from 1) among the distinct strings in collation order (byte order,
/// R's C locale, with `c_locale`); 0 for NA.
pub fn string_ranks(d: &Data, c_locale: bool) -> Vec<u64> {
    let Some(dist) = distinct(d) else {
        return Vec::new();
    };
    let Data::Str(s) = d else {
        return Vec::new();
    };
    let text: Vec<Option<&str>> = dist.firsts.iter().map(|&i| s[i].as_deref()).collect();
    let mut ids: Vec<usize> = (0..text.len()).collect();
    ids.sort_unstable_by(|&a, &b| match (text[a], text[b]) {
        (Some(x), Some(y)) if c_locale => x.cmp(y),
        (Some(x), Some(y)) => crate::value::collate::collate(x, y),
        (x, y) => x.is_none().cmp(&y.is_none()),
    });
    let mut rank = vec![0u64; ids.len()];
    for (r, &k) in ids.iter().enumerate() {
        rank[k] = if text[k].is_some() { r as u64 + 1 } else { 0 };
    }
    dist.ids.iter().map(|&k| rank[k as usize]).collect()
}

/// Complex values ranked by real part, then imaginary part (R's order); NA marked.
fn complex_ranks(x: &[crate::value::complex::C64]) -> Vec<(u64, bool)> {
    use crate::value::complex::{cplx_cmp, cplx_is_na};
    // NA sorts apart (its comparisons are not an order)
    let mut ids: Vec<usize> = (0..x.len()).filter(|&i| !cplx_is_na(x[i])).collect();
    ids.sort_by(|&a, &b| cplx_cmp(x[a], x[b]));
    let mut out: Vec<(u64, bool)> = x.iter().map(|&z| (0, cplx_is_na(z))).collect();
    let mut rank = 0u64;
    for (k, &i) in ids.iter().enumerate() {
        if k == 0 || cplx_cmp(x[ids[k - 1]], x[i]) != Ordering::Equal {
            rank += 1;
        }
        out[i] = (rank, false);
    }
    out
}

impl SortKey {
    /// The keys of a vector (strings in collation order, or byte order with `c_locale`; a
    /// factor by its codes).
    pub fn of(v: &Value, decreasing: bool, na_last: bool, c_locale: bool) -> EvalResult<SortKey> {
        let Some(d) = v.data() else {
            return Ok(SortKey { keys: Vec::new(), na: Vec::new() });
        };
        let n = d.len();
        let mut keys = Vec::with_capacity(n);
        let mut na = Vec::with_capacity(n);
        // non-NA keys stay strictly inside (0, MAX); NA takes an end
        let na_key = if na_last { u64::MAX } else { 0 };
        let mut push = |k: u64, is_na: bool| {
            keys.push(if is_na {
                na_key
            } else {
                let k = k.clamp(1, u64::MAX - 1);
                if decreasing {
                    u64::MAX - k
                } else {
                    k
                }
            });
            na.push(is_na);
        };
        match d {
            Data::List(_) => return err("unimplemented type 'list' in 'orderVector1'"),
            Data::Str(_) => string_ranks(d, c_locale).into_iter().for_each(|r| push(r, r == 0)),
            Data::Dbl(x) => x.iter().for_each(|&x| push(dbl_bits(x), x.is_nan())),
            Data::Int(x) | Data::Lgl(x) => x
                .iter()
                .for_each(|&x| push((x as i64 - i32::MIN as i64) as u64, x == NA_INT)),
            Data::Cplx(x) => complex_ranks(x).into_iter().for_each(|(k, is_na)| push(k, is_na)),
            Data::Raw(x) => x.iter().for_each(|&b| push(b as u64, false)),
        }
        Ok(SortKey { keys, na })
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Compares two non-NA elements.
    pub fn cmp(&self, i: usize, j: usize) -> Ordering {
        self.keys[i].cmp(&self.keys[j])
    }
}

/// Stably reorders `perm` by `key[perm[i]]` with an LSD radix sort over 11-bit digits,
/// skipping digits on which all keys agree.
pub fn radix_by(perm: &mut Vec<u32>, key: &[u64]) {
    const BITS: usize = 11;
    const B: usize = 1 << BITS;
    const PASSES: usize = 64usize.div_ceil(BITS);
    let n = perm.len();
    if n < 2 {
        return;
    }
    // (below a few thousand keys the histograms cost more than a comparison sort)
    if n < 2048 {
        // (key, position) pairs are all distinct, so an unstable sort of them is stable
        let mut pairs: Vec<(u64, u32)> =
            perm.iter().enumerate().map(|(p, &i)| (key[i as usize], p as u32)).collect();
        pairs.sort_unstable();
        let old = std::mem::take(perm);
        perm.extend(pairs.iter().map(|&(_, p)| old[p as usize]));
        return;
    }
    let mut hist = vec![[0u32; B]; PASSES];
    let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(n);
    for &i in perm.iter() {
        let k = key[i as usize];
        for (p, h) in hist.iter_mut().enumerate() {
            h[((k >> (p * BITS)) as usize) & (B - 1)] += 1;
        }
        pairs.push((k, i));
    }
    let mut tmp: Vec<(u64, u32)> = vec![(0, 0); n];
    for (p, h) in hist.iter().enumerate() {
        if h.iter().any(|&c| c as usize == n) {
            continue;
        }
        let mut offs = [0u32; B];
        let mut s = 0u32;
        for (o, &c) in offs.iter_mut().zip(h.iter()) {
            *o = s;
            s += c;
        }
        let shift = p * BITS;
        for &(k, i) in pairs.iter() {
            let b = ((k >> shift) as usize) & (B - 1);
            tmp[offs[b] as usize] = (k, i);
            offs[b] += 1;
        }
        std::mem::swap(&mut pairs, &mut tmp);
    }
    perm.clear();
    perm.extend(pairs.iter().map(|&(_, i)| i));
}

/// The stable ordering permutation (0-based) over several keys; with `na_last` `None`,
/// elements NA in any key are left out; `c_locale` (R's `method = "radix"`) orders strings
/// by their bytes.
pub fn order_perm(
    values: &[&Value],
    decreasing: &[bool],
    na_last: Option<bool>,
    c_locale: bool,
) -> EvalResult<Vec<usize>> {
    let dec = |k: usize| {
        decreasing
            .get(k)
            .copied()
            .unwrap_or(decreasing.first().copied().unwrap_or(false))
    };
    let keys: Vec<SortKey> = values
        .iter()
        .enumerate()
        .map(|(k, v)| SortKey::of(v, dec(k), na_last.unwrap_or(true), c_locale))
        .collect::<EvalResult<_>>()?;
    let n = keys.first().map(|k| k.len()).unwrap_or(0);
    let mut perm: Vec<u32> = (0..n as u32)
        .filter(|&i| na_last.is_some() || !keys.iter().any(|k| k.na[i as usize]))
        .collect();
    match (keys.len() > 1 && perm.len() >= 2048).then(|| packed_keys(&perm, &keys)).flatten() {
        Some((packed, bits)) => radix_packed(&mut perm, packed, bits),
        None => {
            for k in keys.iter().rev() {
                radix_by(&mut perm, &k.keys);
            }
        }
    }
    Ok(perm.into_iter().map(|i| i as usize).collect())
}

/// Several keys packed into one `u128` per element of `perm` (each key less its minimum, the
/// first key in the highest bits) with the number of bits used, when their ranges fit in 128
/// bits: one radix sort of the packed keys then reads every key in order, where sorting key
/// by key would fetch the later keys through a shuffled permutation (a cache miss each).
fn packed_keys(perm: &[u32], keys: &[SortKey]) -> Option<(Vec<u128>, u32)> {
    let mut spans = Vec::with_capacity(keys.len());
    let mut total = 0u32;
    for k in keys {
        let (mut lo, mut hi) = (u64::MAX, 0u64);
        for &i in perm {
            let v = k.keys[i as usize];
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if lo > hi {
            (lo, hi) = (0, 0);
        }
        let bits = 64 - (hi - lo).leading_zeros();
        total += bits;
        spans.push((lo, bits));
    }
    if total > 128 {
        return None;
    }
    let packed = perm
        .iter()
        .map(|&i| {
            keys.iter()
                .zip(&spans)
                .fold(0u128, |c, (k, &(lo, bits))| (c << bits) | (k.keys[i as usize] - lo) as u128)
        })
        .collect();
    Some((packed, total))
}

/// Stably reorders `perm` by its packed keys (`packed[j]` belongs to `perm[j]`, `bits` wide)
/// with an LSD radix sort over 11-bit digits, skipping digits on which all keys agree.
fn radix_packed(perm: &mut Vec<u32>, packed: Vec<u128>, bits: u32) {
    const BITS: usize = 11;
    const B: usize = 1 << BITS;
    let n = perm.len();
    let passes = (bits as usize).div_ceil(BITS);
    let mut hist = vec![[0u32; B]; passes];
    for &k in &packed {
        for (p, h) in hist.iter_mut().enumerate() {
            h[((k >> (p * BITS)) as usize) & (B - 1)] += 1;
        }
    }
    let mut keys = packed;
    let mut idx = std::mem::take(perm);
    let mut tk = vec![0u128; n];
    let mut ti = vec![0u32; n];
    for (p, h) in hist.iter().enumerate() {
        if h.iter().any(|&c| c as usize == n) {
            continue;
        }
        let mut offs = [0u32; B];
        let mut s = 0u32;
        for (o, &c) in offs.iter_mut().zip(h.iter()) {
            *o = s;
            s += c;
        }
        let shift = p * BITS;
        for (&k, &i) in keys.iter().zip(idx.iter()) {
            let b = ((k >> shift) as usize) & (B - 1);
            let o = offs[b] as usize;
            tk[o] = k;
            ti[o] = i;
            offs[b] += 1;
        }
        std::mem::swap(&mut keys, &mut tk);
        std::mem::swap(&mut idx, &mut ti);
    }
    *perm = idx;
}

/// Whether `v` can be ordered by [`SortKey`] (atomic, not a list).
pub fn orderable(v: &Value) -> bool {
    !matches!(v.vtype(), Some(VType::List))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::na_real;

    #[test]
    fn radix_is_stable_and_numeric() {
        let x: Vec<f64> = (0..1000).map(|i| ((i * 37) % 101) as f64 - 50.0).collect();
        let v = Value::dbls(x.clone());
        let p = order_perm(&[&v], &[false], Some(true), false).unwrap_or_default();
        let mut want: Vec<usize> = (0..1000).collect();
        want.sort_by(|&a, &b| x[a].partial_cmp(&x[b]).unwrap_or(Ordering::Equal));
        assert_eq!(p, want);
        let v = Value::dbls(vec![-0.0, 0.0, na_real(), -1.5, f64::INFINITY, f64::NEG_INFINITY]);
        assert_eq!(order_perm(&[&v], &[false], Some(true), false).unwrap_or_default(), vec![5, 3, 0, 1, 4, 2]);
        assert_eq!(order_perm(&[&v], &[true], Some(false), false).unwrap_or_default(), vec![2, 4, 0, 1, 3, 5]);
        assert_eq!(order_perm(&[&v], &[true], None, false).unwrap_or_default(), vec![4, 0, 1, 3, 5]);
        let s = Value::strings(&["b", "B", "a", "A"]);
        assert_eq!(order_perm(&[&s], &[false], Some(true), false).unwrap_or_default(), vec![2, 3, 0, 1]);
        let k1 = Value::ints(vec![2, 1, 2, 1]);
        let k2 = Value::ints(vec![1, 1, 2, 2]);
        assert_eq!(order_perm(&[&k1, &k2], &[true, false], Some(true), false).unwrap_or_default(), vec![0, 2, 1, 3]);
        // several keys over 2048 elements go through the packed sort: same as key by key
        let a: Vec<i32> = (0..5000).map(|i| (i * 7919) % 13).collect();
        let b: Vec<f64> = (0..5000).map(|i| ((i * 104729) % 997) as f64 - 400.5).collect();
        let (va, vb) = (Value::ints(a.clone()), Value::dbls(b.clone()));
        let p = order_perm(&[&va, &vb], &[false, true], Some(true), false).unwrap_or_default();
        let mut want: Vec<usize> = (0..5000).collect();
        want.sort_by(|&i, &j| a[i].cmp(&a[j]).then(b[j].partial_cmp(&b[i]).unwrap_or(Ordering::Equal)));
        assert_eq!(p, want);
    }
}
