//! Raw vectors: `as.raw`, `raw`, `is.raw`, the conversions to and from characters and
//! bits (`charToRaw`, `rawToChar`, `rawToBits`, `intToBits`, `packBits`, `numToBits`,
//! `numToInts`) and `rawShift`.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::value::raw::{raw_bytes, raw_value};
use crate::value::{Data, VType, Value, NA_INT};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    declared("as.raw", as_raw),
    declared("raw", raw),
    declared("is.raw", is_raw),
    declared("charToRaw", char_to_raw),
    declared("rawToChar", raw_to_char),
    declared("rawToBits", raw_to_bits),
    declared("intToBits", int_to_bits),
    declared("numToBits", num_to_bits),
    declared("numToInts", num_to_ints),
    declared("packBits", pack_bits),
    declared("rawShift", raw_shift),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("as.raw", "as.raw(x)",
            "x as a raw vector (bytes); values outside 0..255 and NA become 00 with a warning."),
        doc("raw", "raw(length = 0)", "A raw vector of length zero bytes."),
        doc("is.raw", "is.raw(x)", "Whether x is a raw vector."),
        doc("charToRaw", "charToRaw(x)", "The bytes of the one string x (UTF-8) as a raw vector."),
        doc("rawToChar", "rawToChar(x, multiple = FALSE)",
            "The bytes x as one string, or as one string per byte with multiple = TRUE."),
        doc("rawToBits", "rawToBits(x)",
            "A raw vector of 00/01 values, eight per byte of x, least significant bit first."),
        doc("intToBits", "intToBits(x)",
            "A raw vector of 00/01 values, 32 per integer of x, least significant bit first."),
        doc("numToBits", "numToBits(x)",
            "A raw vector of 00/01 values, 64 per double of x, least significant bit first."),
        doc("numToInts", "numToInts(x)",
            "Each double of x as two integers: its low then its high 32 bits."),
        doc("packBits", "packBits(x, type = c(\"raw\", \"integer\", \"double\"))",
            "Packs bits (raw, logical or integer 0/1 values, least significant first) into bytes, integers or doubles."),
        doc("rawShift", "rawShift(x, n)", "The bytes of x shifted left (n > 0) or right (n < 0) by |n| bits."),
    ]
};

/// `as.raw`'s conversion of a value, warning as R does about values out of range.
pub fn to_raw(it: &mut Interp, x: &Value) -> EvalResult<Vec<u8>> {
    let x = if x.is_factor() { x.coerce(VType::Int) } else { x.clone() };
    let d = match &x {
        Value::Null => return Ok(vec![]),
        Value::Vector(v) => v.data.clone(),
        _ => {
            return err(format!(
                "cannot coerce type '{}' to vector of type 'raw'",
                crate::value::class::type_of(&x)
            ))
        }
    };
    if let Data::Str(s) = &d {
        let ints = d.to_int();
        if ints
            .iter()
            .zip(s.iter())
            .any(|(&i, s)| i == NA_INT && s.as_deref().is_some_and(|s| s != "NA"))
        {
            it.warning("NAs introduced by coercion");
        }
    }
    let (b, bad) = d.to_raw();
    if bad {
        it.warning("out-of-range values treated as 0 in coercion to raw");
    }
    Ok(b.to_vec())
}

fn as_raw(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    Ok(raw_value(to_raw(it, &x)?))
}

fn raw(_it: &mut Interp, m: Matched) -> EvalResult {
    let n = match m.get("length") {
        None => 0.0,
        Some(v) => match v.as_f64() {
            Some(n) if n >= 0.0 && n.is_finite() && v.len() == 1 => n,
            _ => return err("invalid 'length' argument"),
        },
    };
    crate::value::alloc::check_type(n, VType::Raw)?;
    Ok(raw_value(vec![0; n as usize]))
}

fn is_raw(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(m.get("x").and_then(|v| v.vtype()) == Some(VType::Raw)))
}

/// The bytes of a raw argument, or R's error naming the argument.
fn bytes_arg<'a>(m: &'a Matched, name: &str) -> EvalResult<&'a [u8]> {
    match m.get(name).and_then(raw_bytes) {
        Some(b) => Ok(b),
        None => err(format!("argument '{}' must be a raw vector", name)),
    }
}

fn char_to_raw(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    if x.vtype() != Some(VType::Str) {
        return err("argument must be a character vector of length 1");
    }
    if x.len() > 1 {
        it.warning("argument should be a character vector of length 1\nall but the first element will be ignored");
    }
    let s = x.str_vec().first().cloned().flatten();
    Ok(raw_value(s.map(|s| s.as_bytes().to_vec()).unwrap_or_else(|| b"NA".to_vec())))
}

/// Bytes as an R string (invalid UTF-8 shown with replacement characters).
fn bytes_str(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn raw_to_char(_it: &mut Interp, m: Matched) -> EvalResult {
    let b = bytes_arg(&m, "x")?;
    let multiple = m.get("multiple").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    if multiple {
        return Ok(Value::strings(
            &b.iter().map(|&c| bytes_str(&[c]).replace('\0', "")).collect::<Vec<_>>(),
        ));
    }
    // trailing nuls are dropped; one inside the string is R's error
    let end = b.iter().rposition(|&c| c != 0).map_or(0, |k| k + 1);
    let b = &b[..end];
    if b.contains(&0) {
        let shown: String = b
            .iter()
            .map(|&c| if c == 0 { "\\0".to_string() } else { bytes_str(&[c]) })
            .collect();
        return err(format!("embedded nul in string: '{}'", shown));
    }
    Ok(Value::str(&bytes_str(b)))
}

/// The bits of each word of `bits` width, least significant first, as 00/01 bytes.
fn bits_of(words: impl Iterator<Item = u64>, width: usize) -> Value {
    let mut out = Vec::new();
    for w in words {
        out.extend((0..width).map(|k| ((w >> k) & 1) as u8));
    }
    raw_value(out)
}

fn raw_to_bits(_it: &mut Interp, m: Matched) -> EvalResult {
    let b = bytes_arg(&m, "x")?;
    Ok(bits_of(b.iter().map(|&c| c as u64), 8))
}

fn int_to_bits(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let v = match x.data() {
        Some(Data::Raw(b)) => b.iter().map(|&c| c as i32).collect(),
        Some(_) => x.int_vec().to_vec(),
        None => vec![],
    };
    Ok(bits_of(v.into_iter().map(|i| i as u32 as u64), 32))
}

fn num_to_bits(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    if !matches!(x.vtype(), Some(VType::Dbl)) {
        return err("argument 'x' must be a numeric vector");
    }
    Ok(bits_of(x.dbl_vec().iter().map(|d| d.to_bits()), 64))
}

fn num_to_ints(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    if !matches!(x.vtype(), Some(VType::Dbl)) {
        return err("argument 'x' must be a numeric vector");
    }
    Ok(Value::ints(
        x.dbl_vec()
            .iter()
            .flat_map(|d| {
                let b = d.to_bits();
                [b as u32 as i32, (b >> 32) as u32 as i32]
            })
            .collect(),
    ))
}

fn pack_bits(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let ty = m.get("type").and_then(|v| v.as_string()).unwrap_or_else(|| "raw".into());
    let bits: Vec<u8> = match x.data() {
        Some(Data::Raw(b)) => b.iter().map(|&c| c & 1).collect(),
        Some(Data::Lgl(v)) | Some(Data::Int(v)) => {
            if v.contains(&NA_INT) {
                return err("argument 'x' must not contain NAs");
            }
            v.iter().map(|&i| (i & 1) as u8).collect()
        }
        _ => return err("argument 'x' must be raw, integer or logical"),
    };
    let width = match ty.as_str() {
        "raw" => 8,
        "integer" => 32,
        "double" => 64,
        _ => return err("'arg' should be one of \u{201c}raw\u{201d}, \u{201c}integer\u{201d}, \u{201c}double\u{201d}"),
    };
    if bits.len() % width != 0 {
        return err(format!("argument 'x' must be a multiple of {} long", width));
    }
    let words = bits.chunks(width).map(|c| {
        c.iter().enumerate().fold(0u64, |w, (k, &b)| w | ((b as u64) << k))
    });
    Ok(match width {
        8 => raw_value(words.map(|w| w as u8).collect()),
        32 => Value::ints(words.map(|w| w as u32 as i32).collect()),
        _ => Value::dbls(words.map(f64::from_bits).collect()),
    })
}

fn raw_shift(_it: &mut Interp, m: Matched) -> EvalResult {
    let b = bytes_arg(&m, "x")?;
    let n = m.req("n")?.as_i32().unwrap_or(NA_INT);
    if !(-8..=8).contains(&n) {
        return err("argument 'n' must be a small integer");
    }
    let out: Vec<u8> = b
        .iter()
        .map(|&c| {
            if n >= 0 {
                ((c as u32) << n) as u8
            } else {
                c >> (-n)
            }
        })
        .collect();
    Ok(Value::from_data(Data::Raw(Rc::new(out))))
}

#[cfg(test)]
mod tests {
    use crate::builtins::test_util::*;
    use crate::value::raw::{raw_bytes, raw_value};
    use crate::value::Value;

    #[test]
    fn conversions_match_r() {
        let r = call(named!("charToRaw"), vec![(None, Value::str("Hi"))]);
        assert_eq!(raw_bytes(&r), Some(&[0x48u8, 0x69][..]));
        let s = call(named!("rawToChar"), vec![(None, raw_value(vec![0x48, 0x69]))]);
        assert_eq!(s.as_string().as_deref(), Some("Hi"));
        let bits = call(named!("rawToBits"), vec![(None, raw_value(vec![5]))]);
        assert_eq!(raw_bytes(&bits), Some(&[1u8, 0, 1, 0, 0, 0, 0, 0][..]));
        let packed = call(named!("packBits"), vec![(None, bits)]);
        assert_eq!(raw_bytes(&packed), Some(&[5u8][..]));
        let x = call(named!("as.raw"), vec![(None, Value::dbls(vec![1.0, 255.0, 256.0]))]);
        assert_eq!(raw_bytes(&x), Some(&[1u8, 255, 0][..]));
        let sh = call(named!("rawShift"), vec![(None, raw_value(vec![0x81])), (None, Value::int(1))]);
        assert_eq!(raw_bytes(&sh), Some(&[0x02u8][..]));
    }
}
