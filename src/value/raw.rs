//! Raw vectors (bytes): `Data::Raw` payloads, made and read here, and R's printing of them.

use super::{Data, Value};
use std::rc::Rc;

/// A raw vector value.
pub fn raw_value(bytes: Vec<u8>) -> Value {
    Value::from_data(Data::Raw(Rc::new(bytes)))
}

/// The bytes of a raw vector value.
pub fn raw_bytes(v: &Value) -> Option<&[u8]> {
    match v {
        Value::Vector(x) => match &x.data {
            Data::Raw(b) => Some(&b[..]),
            _ => None,
        },
        _ => None,
    }
}

/// R's printing of a raw vector: two hex digits per byte, `[k]` index prefixes, lines
/// filled to `width`. An empty one prints as `raw(0)`.
pub fn format_raw(b: &[u8], width: usize) -> String {
    if b.is_empty() {
        return "raw(0)".into();
    }
    let lab = format!("[{}]", b.len()).len();
    let per = ((width.saturating_sub(lab)) / 3).max(1);
    let mut out = String::new();
    for (k, chunk) in b.chunks(per).enumerate() {
        if k > 0 {
            out.push('\n');
        }
        out.push_str(&format!("{:>w$}", format!("[{}]", k * per + 1), w = lab));
        for x in chunk {
            out.push_str(&format!(" {:02x}", x));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn prints_like_r() {
        assert_eq!(super::format_raw(&[0x58, 0x0a], 80), "[1] 58 0a");
        assert_eq!(super::format_raw(&[], 80), "raw(0)");
        let long = super::format_raw(&[0u8; 30], 80);
        assert_eq!(long.lines().next().map(|l| l.len()), Some(79));
    }
}
