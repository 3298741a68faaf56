//! Binary input and output: `readBin`, `writeBin`, `readChar`, `writeChar`, on files,
//! connections and raw vectors (the bytes come and go through `connections::read_bytes`
//! and `connections::write_bytes`, which make the capability checks).

use crate::builtins::base::connections::{read_bytes, write_bytes};
use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::value::raw::{raw_bytes, raw_value};
use crate::value::{Data, VType, Value, NA_INT};

pub const BUILTINS: &[Builtin] = &[
    declared("readBin", read_bin),
    declared("writeBin", write_bin),
    declared("readChar", read_char),
    declared("writeChar", write_char),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("readBin", "readBin(con, what, n = 1L, size = NA_integer_, signed = TRUE, endian = .Platform$endian)",
            "Reads up to n values of type what (\"integer\", \"double\", \"numeric\", \"logical\", \"complex\", \"character\", \"raw\", or a vector of that type) from a connection, file or raw vector; size gives bytes per value."),
        doc("writeBin", "writeBin(object, con, size = NA_integer_, endian = .Platform$endian, useBytes = FALSE)",
            "Writes the values of an atomic vector in binary to a connection or file; with a raw vector as con, returns the bytes."),
        doc("readChar", "readChar(con, nchars, useBytes = FALSE)",
            "Reads strings of nchars[i] characters each from a connection, file or raw vector."),
        doc("writeChar", "writeChar(object, con, nchars = nchar(object, type = \"chars\"), eos = \"\", useBytes = FALSE)",
            "Writes strings without line ends, each followed by eos and a nul (none when eos is NULL); with a raw vector as con, returns the bytes."),
    ]
};

fn little_endian(m: &Matched) -> EvalResult<bool> {
    match m.get("endian").and_then(|v| v.as_string()).as_deref() {
        None | Some("little") => Ok(true),
        Some("big") | Some("swap") => Ok(false),
        Some(_) => err("invalid 'endian' argument"),
    }
}

fn size_arg(m: &Matched) -> Option<usize> {
    m.get("size")
        .and_then(|v| v.as_f64())
        .filter(|s| !s.is_nan())
        .map(|s| s as usize)
}

/// The bytes of `x` as an unsigned integer of `len` bytes.
fn word(b: &[u8], little: bool) -> u64 {
    let it: Box<dyn Iterator<Item = &u8>> = if little { Box::new(b.iter().rev()) } else { Box::new(b.iter()) };
    it.fold(0u64, |w, &c| (w << 8) | c as u64)
}

fn put_word(out: &mut Vec<u8>, w: u64, len: usize, little: bool) {
    let bytes: Vec<u8> = (0..len).map(|k| (w >> (8 * k)) as u8).collect();
    if little {
        out.extend(bytes);
    } else {
        out.extend(bytes.into_iter().rev());
    }
}

fn read_bin(it: &mut Interp, m: Matched) -> EvalResult {
    let con = m.req("con")?.clone();
    let what = m.req("what")?;
    let what = match what.as_string() {
        Some(s) if what.vtype() == Some(VType::Str) && what.len() == 1 => s,
        _ => match what.vtype() {
            Some(t) => t.type_name().to_string(),
            None => return err("invalid 'what' argument"),
        },
    };
    let n = m.get("n").and_then(|v| v.as_f64()).unwrap_or(1.0);
    if n.is_nan() || n < 0.0 {
        return err("invalid 'n' argument");
    }
    let n = n as usize;
    let little = little_endian(&m)?;
    let signed = m.get("signed").and_then(|v| v.as_bool().flatten()).unwrap_or(true);
    let size = size_arg(&m);
    match what.as_str() {
        "character" => {
            // nul-terminated strings
            let all = read_bytes(it, &con, None)?;
            let mut out = Vec::new();
            let mut used = 0;
            for part in all.split(|&c| c == 0) {
                if out.len() == n || used >= all.len() {
                    break;
                }
                used += part.len() + 1;
                out.push(String::from_utf8_lossy(part).into_owned());
            }
            // hand back what was not consumed to a connection by rereading: only files
            // and raw vectors are read whole, so this is exact for them
            rewind(it, &con, all.len(), used)?;
            return Ok(Value::strings(&out));
        }
        "raw" => {
            let b = read_bytes(it, &con, Some(n))?;
            return Ok(raw_value(b));
        }
        _ => {}
    }
    let (kind, natural) = match what.as_str() {
        "integer" | "int" => ('i', 4),
        "logical" => ('l', 4),
        "numeric" | "double" => ('d', 8),
        "complex" => ('c', 16),
        _ => return err("invalid 'what' argument"),
    };
    let size = size.unwrap_or(natural);
    let ok = match kind {
        'i' | 'l' => matches!(size, 1 | 2 | 4 | 8),
        'd' => matches!(size, 4 | 8),
        _ => size == 16,
    };
    if !ok {
        return err("size changing is not supported");
    }
    let b = read_bytes(it, &con, Some(n * size))?;
    let chunks = b.chunks_exact(size);
    Ok(match kind {
        'i' | 'l' => {
            let v: Vec<i32> = chunks
                .map(|c| {
                    let w = word(c, little);
                    if size == 4 || size == 8 {
                        w as u32 as i32
                    } else if signed {
                        let shift = 64 - 8 * size as u32;
                        (((w << shift) as i64) >> shift) as i32
                    } else {
                        w as i32
                    }
                })
                .collect();
            if kind == 'l' {
                Value::lgls(v)
            } else {
                Value::ints(v)
            }
        }
        'd' => Value::dbls(
            chunks
                .map(|c| {
                    let w = word(c, little);
                    if size == 4 {
                        f32::from_bits(w as u32) as f64
                    } else {
                        f64::from_bits(w)
                    }
                })
                .collect(),
        ),
        _ => {
            let z = chunks
                .map(|c| {
                    crate::value::complex::C64::new(
                        f64::from_bits(word(&c[..8], little)),
                        f64::from_bits(word(&c[8..], little)),
                    )
                })
                .collect();
            Value::cplxs(z)
        }
    })
}

/// After reading `read` bytes of which only `used` were wanted, moves an open
/// connection back so the rest is read next.
fn rewind(it: &mut Interp, con: &Value, read: usize, used: usize) -> EvalResult<()> {
    if used < read && crate::builtins::base::connections::conn_id(con).is_some() {
        crate::builtins::base::connections::unread(it, con, read - used.min(read))?;
    }
    Ok(())
}

/// The bytes `writeBin` writes for an atomic vector.
fn encode(it: &mut Interp, x: &Value, size: Option<usize>, little: bool) -> EvalResult<Vec<u8>> {
    let mut out = Vec::new();
    match x.data() {
        None => {}
        Some(Data::Raw(b)) => out.extend_from_slice(b),
        Some(Data::Lgl(v)) | Some(Data::Int(v)) => {
            let size = size.unwrap_or(4);
            if !matches!(size, 1 | 2 | 4 | 8) {
                return err("size changing is not supported");
            }
            for &i in v.iter() {
                let w = if size == 8 { i as i64 as u64 } else { i as u32 as u64 };
                put_word(&mut out, w, size, little);
            }
        }
        Some(Data::Dbl(v)) => {
            let size = size.unwrap_or(8);
            for &d in v.iter() {
                match size {
                    4 => put_word(&mut out, (d as f32).to_bits() as u64, 4, little),
                    8 => put_word(&mut out, d.to_bits(), 8, little),
                    _ => return err("size changing is not supported"),
                }
            }
        }
        Some(Data::Cplx(v)) => {
            for z in v.iter() {
                put_word(&mut out, z.re.to_bits(), 8, little);
                put_word(&mut out, z.im.to_bits(), 8, little);
            }
        }
        Some(Data::Str(v)) => {
            for s in v.iter() {
                out.extend_from_slice(s.as_deref().unwrap_or("NA").as_bytes());
                out.push(0);
            }
        }
        Some(Data::List(_)) => {
            let _ = it;
            return err("can only write vector objects");
        }
    }
    Ok(out)
}

fn write_bin(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("object")?.clone();
    if !matches!(x, Value::Vector(_) | Value::Null) || x.vtype() == Some(VType::List) {
        return err("can only write vector objects");
    }
    let little = little_endian(&m)?;
    let bytes = encode(it, &x, size_arg(&m), little)?;
    let con = m.req("con")?.clone();
    it.visible = false;
    if con.vtype() == Some(VType::Raw) {
        it.visible = true;
        return Ok(raw_value(bytes));
    }
    write_bytes(it, &con, &bytes)?;
    Ok(Value::Null)
}

fn read_char(it: &mut Interp, m: Matched) -> EvalResult {
    let con = m.req("con")?.clone();
    let nchars = m.req("nchars")?.int_vec();
    let use_bytes = m.get("useBytes").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    let mut out = Vec::new();
    // a raw vector or a file name is read from its start once, in sequence
    let whole = raw_bytes(&con).is_some() || crate::builtins::base::connections::conn_id(&con).is_none();
    let all = if whole { Some(read_bytes(it, &con, None)?) } else { None };
    let mut pos = 0usize;
    for &k in nchars.iter() {
        if k == NA_INT || k < 0 {
            return err("invalid 'nchars' argument");
        }
        let k = k as usize;
        let chunk: Vec<u8> = match &all {
            Some(b) => {
                if pos >= b.len() {
                    break;
                }
                let end = if use_bytes { (pos + k).min(b.len()) } else { char_end(b, pos, k) };
                let c = b[pos..end].to_vec();
                pos = end;
                c
            }
            None => {
                let b = read_bytes(it, &con, Some(k.saturating_mul(4)))?;
                if b.is_empty() {
                    break;
                }
                let end = if use_bytes { k.min(b.len()) } else { char_end(&b, 0, k) };
                crate::builtins::base::connections::unread(it, &con, b.len() - end)?;
                b[..end].to_vec()
            }
        };
        let end = chunk.iter().position(|&c| c == 0).unwrap_or(chunk.len());
        out.push(String::from_utf8_lossy(&chunk[..end]).into_owned());
    }
    Ok(Value::strings(&out))
}

/// The byte position `k` UTF-8 characters after `pos`.
fn char_end(b: &[u8], pos: usize, k: usize) -> usize {
    let mut p = pos;
    for _ in 0..k {
        if p >= b.len() {
            break;
        }
        let c = b[p];
        let len = if c < 0x80 {
            1
        } else if c >= 0xf0 {
            4
        } else if c >= 0xe0 {
            3
        } else if c >= 0xc0 {
            2
        } else {
            1
        };
        p = (p + len).min(b.len());
    }
    p
}

fn write_char(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("object")?;
    if x.vtype() != Some(VType::Str) {
        return err("can only write character objects");
    }
    let strs = x.str_vec();
    let nchars: Vec<i32> = match m.get("nchars") {
        Some(v) => v.int_vec().to_vec(),
        None => strs.iter().map(|s| s.as_deref().map_or(2, |s| s.chars().count() as i32)).collect(),
    };
    let eos = match m.get("eos") {
        Some(Value::Null) => None,
        Some(v) => Some(v.as_string().unwrap_or_default()),
        None => Some(String::new()),
    };
    let mut out = Vec::new();
    for (i, s) in strs.iter().enumerate() {
        let s = s.as_deref().unwrap_or("NA");
        let k = nchars.get(i % nchars.len().max(1)).copied().unwrap_or(0).max(0) as usize;
        let have = s.chars().count();
        if k > have {
            it.warning(format!("writeChar: more characters requested than are in the string - will zero-pad"));
        }
        let part: String = s.chars().take(k).collect();
        out.extend_from_slice(part.as_bytes());
        out.extend(std::iter::repeat_n(0u8, k.saturating_sub(have)));
        if let Some(e) = &eos {
            out.extend_from_slice(e.as_bytes());
            out.push(0);
        }
    }
    let con = m.req("con")?.clone();
    if con.vtype() == Some(VType::Raw) {
        return Ok(raw_value(out));
    }
    write_bytes(it, &con, &out)?;
    it.visible = false;
    Ok(Value::Null)
}

#[cfg(test)]
mod tests {
    use crate::builtins::test_util::*;
    use crate::value::raw::raw_bytes;
    use crate::value::Value;

    #[test]
    fn integers_round_trip_through_raw() {
        let b = call(named!("writeBin"), vec![(None, Value::ints(vec![1, -2])), (None, crate::value::raw::raw_value(vec![]))]);
        assert_eq!(raw_bytes(&b), Some(&[1u8, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff][..]));
        let back = call(
            named!("readBin"),
            vec![(None, b), (None, Value::str("integer")), (Some("n"), Value::int(5))],
        );
        assert_eq!(*back.int_vec(), vec![1, -2]);
    }
}
