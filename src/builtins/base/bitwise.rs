//! Bitwise operations on integers: `bitwAnd`, `bitwOr`, `bitwXor`, `bitwNot`,
//! `bitwShiftL`, `bitwShiftR`.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::value::{Data, Value, NA_INT};

pub const BUILTINS: &[Builtin] = &[
    declared("bitwAnd", bitw_and),
    declared("bitwOr", bitw_or),
    declared("bitwXor", bitw_xor),
    declared("bitwNot", bitw_not),
    declared("bitwShiftL", bitw_shift_l),
    declared("bitwShiftR", bitw_shift_r),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("bitwAnd", "bitwAnd(a, b)", "The bitwise AND of integer vectors a and b (recycled)."),
        doc("bitwOr", "bitwOr(a, b)", "The bitwise OR of integer vectors a and b (recycled)."),
        doc("bitwXor", "bitwXor(a, b)", "The bitwise exclusive OR of integer vectors a and b (recycled)."),
        doc("bitwNot", "bitwNot(a)", "The bitwise complement of the integers a."),
        doc("bitwShiftL", "bitwShiftL(a, n)",
            "a shifted left by n bits, as 32-bit unsigned integers (n up to 31)."),
        doc("bitwShiftR", "bitwShiftR(a, n)",
            "a shifted right by n bits, as 32-bit unsigned integers (n up to 31)."),
    ]
};

/// The argument as integers (NA as None); doubles must be whole numbers.
fn ints(m: &Matched, name: &str) -> EvalResult<Vec<Option<i64>>> {
    let v = m.req(name)?;
    match v.data() {
        Some(Data::Int(x)) | Some(Data::Lgl(x)) => {
            Ok(x.iter().map(|&i| (i != NA_INT).then_some(i as i64)).collect())
        }
        Some(Data::Dbl(x)) => x
            .iter()
            .map(|&d| {
                if d.is_nan() {
                    Ok(None)
                } else if d == d.trunc() && d.abs() <= u32::MAX as f64 {
                    Ok(Some(d as i64))
                } else {
                    err(format!("'{}' must be a vector of integers", name))
                }
            })
            .collect(),
        _ => err(format!("'{}' and 'b' must have the same type", name)),
    }
}

fn binary(m: &Matched, second: &str, f: fn(u32, u32) -> Option<u32>) -> EvalResult {
    let a = ints(m, "a")?;
    let b = ints(m, second)?;
    let n = if a.is_empty() || b.is_empty() { 0 } else { a.len().max(b.len()) };
    let out = (0..n)
        .map(|i| match (a[i % a.len()], b[i % b.len()]) {
            (Some(x), Some(y)) => f(x as u32, y as u32).map(|r| r as i32).unwrap_or(NA_INT),
            _ => NA_INT,
        })
        .collect();
    Ok(Value::ints(out))
}

fn bitw_and(_it: &mut Interp, m: Matched) -> EvalResult {
    binary(&m, "b", |x, y| Some(x & y))
}

fn bitw_or(_it: &mut Interp, m: Matched) -> EvalResult {
    binary(&m, "b", |x, y| Some(x | y))
}

fn bitw_xor(_it: &mut Interp, m: Matched) -> EvalResult {
    binary(&m, "b", |x, y| Some(x ^ y))
}

fn bitw_not(_it: &mut Interp, m: Matched) -> EvalResult {
    let a = ints(&m, "a")?;
    Ok(Value::ints(a.iter().map(|x| x.map(|x| !(x as u32) as i32).unwrap_or(NA_INT)).collect()))
}

fn bitw_shift_l(_it: &mut Interp, m: Matched) -> EvalResult {
    binary(&m, "n", |x, n| (n <= 31).then(|| x << n))
}

fn bitw_shift_r(_it: &mut Interp, m: Matched) -> EvalResult {
    binary(&m, "n", |x, n| (n <= 31).then(|| x >> n))
}
