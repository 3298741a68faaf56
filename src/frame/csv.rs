//! A small CSV reader (RFC 4180 quoting) with R's `type.convert` column typing.

use crate::error::RError;
use crate::value::{na_real, RStr, Value, NA_INT, NA_LGL};
use std::rc::Rc;

/// One parsed field: its text and whether it was quoted.
#[derive(Clone, Debug)]
pub struct Field {
    pub text: String,
    pub quoted: bool,
}

/// Splits text into records of fields. `sep` is the field separator; `None` means white space.
/// Errors name the line of an unterminated quote.
pub fn parse_records(
    text: &str,
    sep: Option<char>,
    quote: &str,
) -> Result<Vec<Vec<Field>>, RError> {
    let mut records = Vec::new();
    let mut rec: Vec<Field> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut in_quote: Option<char> = None;
    let mut line = 1usize;
    let mut quote_line = 0usize;
    let mut chars = text.chars().peekable();
    let mut field_started = false;
    while let Some(c) = chars.next() {
        if let Some(q) = in_quote {
            if c == q {
                if chars.peek() == Some(&q) {
                    field.push(q);
                    chars.next();
                } else {
                    in_quote = None;
                }
            } else {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            continue;
        }
        if quote.contains(c) && (!field_started || field.is_empty()) {
            in_quote = Some(c);
            quoted = true;
            field_started = true;
            quote_line = line;
            continue;
        }
        let is_sep = match sep {
            Some(s) => c == s,
            None => c == ' ' || c == '\t',
        };
        if is_sep {
            if sep.is_none() && !field_started {
                continue;
            }
            rec.push(Field {
                text: std::mem::take(&mut field),
                quoted,
            });
            quoted = false;
            field_started = false;
            continue;
        }
        if c == '\r' {
            continue;
        }
        if c == '\n' {
            line += 1;
            if field_started || !rec.is_empty() {
                rec.push(Field {
                    text: std::mem::take(&mut field),
                    quoted,
                });
            }
            quoted = false;
            field_started = false;
            if !rec.is_empty() {
                records.push(std::mem::take(&mut rec));
            }
            continue;
        }
        field.push(c);
        field_started = true;
    }
    if in_quote.is_some() {
        return Err(RError::runtime(format!(
            "unterminated quoted string starting on line {}",
            quote_line
        )));
    }
    if field_started || !rec.is_empty() {
        rec.push(Field {
            text: field,
            quoted,
        });
    }
    if !rec.is_empty() {
        records.push(rec);
    }
    Ok(records)
}

fn is_na(f: &Field, na: &[String]) -> bool {
    na.contains(&f.text)
}

pub(crate) fn parse_lgl(s: &str) -> Option<i32> {
    match s {
        "TRUE" | "T" => Some(1),
        "FALSE" | "F" => Some(0),
        _ => None,
    }
}

fn parse_int(s: &str) -> Option<i32> {
    // R types " 1" as double, not integer: no trimming here.
    let t = s;
    if t.is_empty() || t.len() > 11 {
        return None;
    }
    let v: i64 = t.parse().ok()?;
    if v > i32::MAX as i64 || v <= i32::MIN as i64 {
        return None;
    }
    Some(v as i32)
}

pub(crate) fn parse_dbl(s: &str) -> Option<f64> {
    let t = s.trim();
    match t {
        "Inf" | "inf" => return Some(f64::INFINITY),
        "-Inf" | "-inf" => return Some(f64::NEG_INFINITY),
        "NaN" => return Some(f64::NAN),
        _ => {}
    }
    let (neg, digits) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if let Some(hex) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        let v = u64::from_str_radix(hex, 16).ok()? as f64;
        return Some(if neg { -v } else { v });
    }
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
    {
        return None;
    }
    t.parse().ok()
}

/// Converts a column of fields as R's `type.convert(as.is = TRUE)` does.
pub fn convert_column(fields: &[Option<&Field>], na: &[String]) -> Value {
    let vals: Vec<Option<&str>> = fields
        .iter()
        .map(|f| match f {
            Some(f) if !is_na(f, na) => Some(f.text.as_str()),
            _ => None,
        })
        .collect();
    convert_strs(&vals)
}

/// R's `type.convert(as.is = TRUE)` on strings already stripped of NA markers (`None`):
/// logical, then integer, then double, else character. Blank fields are NA in non-character results.
pub fn convert_strs(vals: &[Option<&str>]) -> Value {
    let nonblank = |s: &&str| !s.trim().is_empty();
    let present: Vec<&str> = vals.iter().flatten().copied().filter(nonblank).collect();
    if present.iter().all(|s| parse_lgl(s.trim()).is_some()) && !present.is_empty()
        || present.is_empty()
            && !vals.is_empty()
            && vals
                .iter()
                .all(|v| v.map(|s| s.trim().is_empty()).unwrap_or(true))
    {
        return Value::lgls(
            vals.iter()
                .map(|v| v.and_then(|s| parse_lgl(s.trim())).unwrap_or(NA_LGL))
                .collect(),
        );
    }
    if present.iter().all(|s| parse_int(s).is_some()) {
        return Value::ints(
            vals.iter()
                .map(|v| v.and_then(parse_int).unwrap_or(NA_INT))
                .collect(),
        );
    }
    if present.iter().all(|s| parse_dbl(s).is_some()) {
        return Value::dbls(
            vals.iter()
                .map(|v| v.and_then(parse_dbl).unwrap_or(na_real()))
                .collect(),
        );
    }
    Value::strs(intern_strs(vals.iter().copied()))
}

/// Strings as R values, equal strings sharing one allocation (as R's string cache does), so
/// a column of a few distinct values costs a pointer per row.
pub fn intern_strs<'a>(vals: impl Iterator<Item = Option<&'a str>>) -> Vec<RStr> {
    let mut seen: std::collections::HashMap<&'a str, Rc<str>> = std::collections::HashMap::new();
    vals.map(|v| {
        v.map(|s| match seen.get(s) {
            Some(r) => r.clone(),
            None => {
                let r: Rc<str> = Rc::from(s);
                if seen.len() < 1 << 16 {
                    seen.insert(s, r.clone());
                }
                r
            }
        })
    })
    .collect()
}
