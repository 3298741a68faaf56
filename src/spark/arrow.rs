//! A reader of Arrow IPC streams (the format Spark Connect returns results in), for the
//! column types SQL results have: integers, floating point, decimals, booleans, strings,
//! dates and timestamps, each with its validity bitmap. The flatbuffer metadata is read
//! by hand ([`Table`]); the columns become R vectors as `frame::bridge` makes them from
//! polars (64-bit integers as integers when they fit, else doubles).
//!
//! polars' own IPC reader would need its `ipc` feature, which changes polars' build (a
//! second full compile of polars for the `spark` build); the subset needed here is small.

use crate::syntax::sym::Sym;
use crate::value::{na_real, Value, NA_INT, NA_LGL};
use std::rc::Rc;

/// A flatbuffer table: the buffer and the table's position.
#[derive(Clone, Copy)]
struct Table<'a> {
    b: &'a [u8],
    pos: usize,
}

fn rd_u32(b: &[u8], at: usize) -> Result<u32, String> {
    at.checked_add(4)
        .and_then(|end| b.get(at..end))
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| "Arrow: metadata out of bounds".to_string())
}

fn rd_i64(b: &[u8], at: usize) -> Result<i64, String> {
    at.checked_add(8)
        .and_then(|end| b.get(at..end))
        .map(|s| i64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]))
        .ok_or_else(|| "Arrow: metadata out of bounds".to_string())
}

impl<'a> Table<'a> {
    fn root(b: &'a [u8]) -> Result<Table<'a>, String> {
        Ok(Table {
            b,
            pos: rd_u32(b, 0)? as usize,
        })
    }

    /// The position of field `slot`, if present.
    fn field(&self, slot: usize) -> Result<Option<usize>, String> {
        let soff = rd_u32(self.b, self.pos)? as i32 as i64;
        let vt = (self.pos as i64 - soff) as usize;
        let vt_len = self
            .b
            .get(vt..vt + 2)
            .map(|s| u16::from_le_bytes([s[0], s[1]]) as usize)
            .ok_or("Arrow: bad vtable")?;
        let at = 4 + 2 * slot;
        if at + 2 > vt_len {
            return Ok(None);
        }
        let off = self
            .b
            .get(vt + at..vt + at + 2)
            .map(|s| u16::from_le_bytes([s[0], s[1]]) as usize)
            .ok_or("Arrow: bad vtable")?;
        Ok((off != 0).then_some(self.pos + off))
    }

    fn int<T: Copy>(&self, slot: usize, size: usize, default: i64) -> Result<i64, String> {
        let _ = std::marker::PhantomData::<T>;
        match self.field(slot)? {
            None => Ok(default),
            Some(p) => {
                let s = self
                    .b
                    .get(p..p + size)
                    .ok_or("Arrow: field out of bounds")?;
                let mut w = [0u8; 8];
                w[..size].copy_from_slice(s);
                // sign-extend
                let v = i64::from_le_bytes(w);
                let shift = 64 - 8 * size as u32;
                Ok((v << shift) >> shift)
            }
        }
    }

    fn u8(&self, slot: usize) -> Result<u8, String> {
        Ok(self.int::<u8>(slot, 1, 0)? as u8)
    }

    fn indirect(&self, slot: usize) -> Result<Option<usize>, String> {
        match self.field(slot)? {
            None => Ok(None),
            Some(p) => Ok(Some(p + rd_u32(self.b, p)? as usize)),
        }
    }

    fn table(&self, slot: usize) -> Result<Option<Table<'a>>, String> {
        Ok(self.indirect(slot)?.map(|pos| Table { b: self.b, pos }))
    }

    fn string(&self, slot: usize) -> Result<Option<String>, String> {
        match self.indirect(slot)? {
            None => Ok(None),
            Some(p) => {
                let n = rd_u32(self.b, p)? as usize;
                let s = self
                    .b
                    .get(p + 4..p + 4 + n)
                    .ok_or("Arrow: string out of bounds")?;
                Ok(Some(String::from_utf8_lossy(s).into_owned()))
            }
        }
    }

    /// A vector's element count and the position of its first element.
    fn vector(&self, slot: usize) -> Result<(usize, usize), String> {
        match self.indirect(slot)? {
            None => Ok((0, 0)),
            Some(p) => Ok((rd_u32(self.b, p)? as usize, p + 4)),
        }
    }

    fn tables(&self, slot: usize) -> Result<Vec<Table<'a>>, String> {
        let (n, start) = self.vector(slot)?;
        (0..n)
            .map(|i| {
                let p = start + 4 * i;
                Ok(Table {
                    b: self.b,
                    pos: p + rd_u32(self.b, p)? as usize,
                })
            })
            .collect()
    }
}

/// A column's type, as far as the reader knows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Int(u32),
    Float(u32),
    Decimal {
        scale: i32,
        bits: u32,
    },
    Bool,
    Utf8 {
        large: bool,
    },
    /// Days (`true`) or milliseconds since the epoch.
    Date {
        days: bool,
    },
    /// Units per second and the time zone.
    Timestamp {
        per_sec: f64,
        tz: Option<String>,
    },
    Null,
    Other(u8),
}

/// A result's schema: column names and types.
#[derive(Clone, Debug, Default)]
pub struct Schema {
    pub names: Vec<String>,
    pub kinds: Vec<Kind>,
}

impl Schema {
    /// The R type a column becomes, as `scan_parquet`'s printer names them.
    pub fn type_name(&self, i: usize) -> String {
        match &self.kinds[i] {
            Kind::Int(64) => "i64".into(),
            Kind::Int(b) => format!("i{}", b),
            Kind::Float(32) => "f32".into(),
            Kind::Float(_) => "f64".into(),
            Kind::Decimal { .. } => "decimal".into(),
            Kind::Bool => "bool".into(),
            Kind::Utf8 { .. } => "str".into(),
            Kind::Date { .. } => "date".into(),
            Kind::Timestamp { .. } => "datetime".into(),
            Kind::Null => "null".into(),
            Kind::Other(t) => format!("arrow type {}", t),
        }
    }
}

fn field_kind(f: &Table) -> Result<Kind, String> {
    let t = f.u8(2)?;
    let ty = f.table(3)?;
    let get = |slot: usize, size: usize, default: i64| -> Result<i64, String> {
        match &ty {
            Some(tt) => tt.int::<u8>(slot, size, default),
            None => Ok(default),
        }
    };
    Ok(match t {
        1 => Kind::Null,
        2 => Kind::Int(get(0, 4, 32)? as u32),
        3 => Kind::Float(match get(0, 2, 2)? {
            0 => 16,
            1 => 32,
            _ => 64,
        }),
        5 => Kind::Utf8 { large: false },
        20 => Kind::Utf8 { large: true },
        6 => Kind::Bool,
        7 => Kind::Decimal {
            scale: get(1, 4, 0)? as i32,
            bits: get(2, 4, 128)? as u32,
        },
        8 => Kind::Date {
            days: get(0, 2, 1)? == 0,
        },
        10 => Kind::Timestamp {
            per_sec: match get(0, 2, 0)? {
                0 => 1.0,
                1 => 1e3,
                2 => 1e6,
                _ => 1e9,
            },
            tz: match &ty {
                Some(tt) => tt.string(1)?,
                None => None,
            },
        },
        other => Kind::Other(other),
    })
}

/// The columns of an IPC stream (or several streams, concatenated), with its schema.
#[derive(Default)]
pub struct Columns {
    pub schema: Schema,
    /// One R vector per column, per record batch read.
    pub batches: Vec<Vec<Value>>,
    pub rows: usize,
}

impl Columns {
    /// Reads one IPC stream (schema message, record batches, end marker).
    pub fn read_stream(&mut self, mut s: &[u8]) -> Result<(), String> {
        while s.len() >= 4 {
            let mut len = rd_u32(s, 0)? as usize;
            let mut skip = 4;
            if len == 0xFFFF_FFFF {
                len = rd_u32(s, 4)? as usize;
                skip = 8;
            }
            if len == 0 {
                break;
            }
            let meta = s.get(skip..skip + len).ok_or("Arrow: truncated message")?;
            let msg = Table::root(meta)?;
            let body_len = msg.int::<i64>(3, 8, 0)? as usize;
            let start = skip + len;
            let end = start.checked_add(body_len).ok_or("Arrow: bad body length")?;
            let body = s.get(start..end).ok_or("Arrow: truncated message body")?;
            let header = msg.table(2)?.ok_or("Arrow: message without header")?;
            match msg.u8(1)? {
                1 => self.schema_message(&header)?,
                3 => self.batch(&header, body)?,
                2 => return Err("Arrow: dictionary-encoded results are not supported".into()),
                t => return Err(format!("Arrow: unexpected message type {}", t)),
            }
            s = &s[end..];
        }
        Ok(())
    }

    fn schema_message(&mut self, h: &Table) -> Result<(), String> {
        let mut sch = Schema::default();
        for f in h.tables(1)? {
            sch.names.push(f.string(0)?.unwrap_or_default());
            sch.kinds.push(field_kind(&f)?);
        }
        if self.schema.names.is_empty() {
            self.schema = sch;
        }
        Ok(())
    }

    fn batch(&mut self, h: &Table, body: &[u8]) -> Result<(), String> {
        if h.field(3)?.is_some() {
            return Err("Arrow: compressed record batches are not supported".into());
        }
        let n = h.int::<i64>(0, 8, 0)?;
        if !(0..=i32::MAX as i64).contains(&n) {
            return Err("Arrow: bad record batch length".into());
        }
        let n = n as usize;
        let (nn, nodes) = h.vector(1)?;
        let (nb, bufs) = h.vector(2)?;
        let node = |i: usize| -> Result<(usize, usize), String> {
            if i >= nn {
                return Err("Arrow: too few field nodes".into());
            }
            Ok((
                rd_i64(h.b, nodes + 16 * i)? as usize,
                rd_i64(h.b, nodes + 16 * i + 8)? as usize,
            ))
        };
        let buf = |i: usize| -> Result<&[u8], String> {
            if i >= nb {
                return Err("Arrow: too few buffers".into());
            }
            let off = rd_i64(h.b, bufs + 16 * i)? as usize;
            let len = rd_i64(h.b, bufs + 16 * i + 8)? as usize;
            off.checked_add(len)
                .and_then(|end| body.get(off..end))
                .ok_or_else(|| "Arrow: buffer out of bounds".into())
        };
        let mut cols = Vec::with_capacity(self.schema.kinds.len());
        let mut b = 0;
        for (k, kind) in self.schema.kinds.iter().enumerate() {
            let (len, nulls) = node(k)?;
            if len != n {
                return Err("Arrow: nested or ragged columns are not supported".into());
            }
            let valid = |i: usize, bits: &[u8]| -> bool {
                nulls == 0
                    || bits.is_empty()
                    || bits.get(i / 8).is_some_and(|x| x >> (i % 8) & 1 == 1)
            };
            let col = match kind {
                Kind::Null => Value::lgls(vec![NA_LGL; n]),
                Kind::Int(w) => {
                    let (vb, data) = (buf(b)?, buf(b + 1)?);
                    b += 2;
                    let bytes = (*w / 8) as usize;
                    let get = |i: usize| -> i64 {
                        let s = &data[i * bytes..(i + 1) * bytes];
                        match bytes {
                            1 => s[0] as i8 as i64,
                            2 => i16::from_le_bytes([s[0], s[1]]) as i64,
                            4 => i32::from_le_bytes([s[0], s[1], s[2], s[3]]) as i64,
                            _ => i64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]),
                        }
                    };
                    if ![1, 2, 4, 8].contains(&bytes) || data.len() < n * bytes {
                        return Err("Arrow: short or unsupported integer buffer".into());
                    }
                    let vals: Vec<Option<i64>> = (0..n).map(|i| valid(i, vb).then(|| get(i))).collect();
                    if vals.iter().flatten().all(|&x| x > i32::MIN as i64 && x <= i32::MAX as i64) {
                        Value::ints(vals.iter().map(|x| x.map_or(NA_INT, |x| x as i32)).collect())
                    } else {
                        Value::dbls(vals.iter().map(|x| x.map_or_else(na_real, |x| x as f64)).collect())
                    }
                }
                Kind::Float(w) => {
                    let (vb, data) = (buf(b)?, buf(b + 1)?);
                    b += 2;
                    let bytes = (*w / 8) as usize;
                    if data.len() < n * bytes || bytes < 4 {
                        return Err("Arrow: short or half-precision float buffer".into());
                    }
                    Value::dbls(
                        (0..n)
                            .map(|i| {
                                if !valid(i, vb) {
                                    return na_real();
                                }
                                let s = &data[i * bytes..(i + 1) * bytes];
                                if bytes == 4 {
                                    f32::from_le_bytes([s[0], s[1], s[2], s[3]]) as f64
                                } else {
                                    f64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]])
                                }
                            })
                            .collect(),
                    )
                }
                Kind::Decimal { scale, bits } => {
                    let (vb, data) = (buf(b)?, buf(b + 1)?);
                    b += 2;
                    let bytes = (*bits / 8) as usize;
                    if data.len() < n * bytes || bytes < 16 {
                        return Err("Arrow: short decimal buffer".into());
                    }
                    let div = 10f64.powi(*scale);
                    Value::dbls(
                        (0..n)
                            .map(|i| {
                                if !valid(i, vb) {
                                    return na_real();
                                }
                                let mut w = [0u8; 16];
                                w.copy_from_slice(&data[i * bytes..i * bytes + 16]);
                                let v = i128::from_le_bytes(w);
                                // exact digits through the decimal text, then one rounding
                                let t = v.to_string();
                                let x: f64 = t.parse().unwrap_or(f64::NAN);
                                if *scale == 0 { x } else { format!("{}e-{}", t, scale).parse().unwrap_or(x / div) }
                            })
                            .collect(),
                    )
                }
                Kind::Bool => {
                    let (vb, data) = (buf(b)?, buf(b + 1)?);
                    b += 2;
                    if data.len() * 8 < n {
                        return Err("Arrow: short boolean buffer".into());
                    }
                    Value::lgls(
                        (0..n)
                            .map(|i| if valid(i, vb) { (data[i / 8] >> (i % 8) & 1) as i32 } else { NA_LGL })
                            .collect(),
                    )
                }
                Kind::Utf8 { large } => {
                    let (vb, offs, data) = (buf(b)?, buf(b + 1)?, buf(b + 2)?);
                    b += 3;
                    let w = if *large { 8 } else { 4 };
                    if offs.len() < (n + 1) * w {
                        return Err("Arrow: short offsets buffer".into());
                    }
                    let off = |i: usize| -> usize {
                        let s = &offs[i * w..(i + 1) * w];
                        if *large {
                            i64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]) as usize
                        } else {
                            i32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize
                        }
                    };
                    let mut out = Vec::with_capacity(n);
                    for i in 0..n {
                        if !valid(i, vb) {
                            out.push(None);
                            continue;
                        }
                        let s = data.get(off(i)..off(i + 1)).ok_or("Arrow: string out of bounds")?;
                        out.push(Some(Rc::from(String::from_utf8_lossy(s).as_ref())));
                    }
                    Value::strs(out)
                }
                Kind::Date { days } => {
                    let (vb, data) = (buf(b)?, buf(b + 1)?);
                    b += 2;
                    let w = if *days { 4 } else { 8 };
                    if data.len() < n * w {
                        return Err("Arrow: short date buffer".into());
                    }
                    let mut v = Value::dbls(
                        (0..n)
                            .map(|i| {
                                if !valid(i, vb) {
                                    return na_real();
                                }
                                let s = &data[i * w..(i + 1) * w];
                                if *days {
                                    i32::from_le_bytes([s[0], s[1], s[2], s[3]]) as f64
                                } else {
                                    (i64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]) as f64
                                        / 86400e3)
                                        .floor()
                                }
                            })
                            .collect(),
                    );
                    v.set_attr(Sym::new("class"), Value::str("Date"));
                    v
                }
                Kind::Timestamp { per_sec, tz } => {
                    let (vb, data) = (buf(b)?, buf(b + 1)?);
                    b += 2;
                    if data.len() < n * 8 {
                        return Err("Arrow: short timestamp buffer".into());
                    }
                    let mut v = Value::dbls(
                        (0..n)
                            .map(|i| {
                                if !valid(i, vb) {
                                    return na_real();
                                }
                                let s = &data[i * 8..(i + 1) * 8];
                                i64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]) as f64 / per_sec
                            })
                            .collect(),
                    );
                    v.set_attr(Sym::new("class"), Value::strings(&["POSIXct", "POSIXt"]));
                    v.set_attr(Sym::new("tzone"), Value::str(tz.as_deref().unwrap_or("UTC")));
                    v
                }
                Kind::Other(t) => {
                    return Err(format!(
                        "column '{}' has an Arrow type (id {}) rsc cannot read yet: cast it in the query",
                        self.schema.names[k], t
                    ))
                }
            };
            cols.push(col);
        }
        self.rows += n;
        self.batches.push(cols);
        Ok(())
    }

    /// All batches as one data frame.
    pub fn into_frame(self) -> Value {
        let ncol = self.schema.names.len();
        let mut cols: Vec<Value> = Vec::with_capacity(ncol);
        for k in 0..ncol {
            let parts: Vec<Value> = self.batches.iter().map(|b| b[k].clone()).collect();
            cols.push(concat(parts, &self.schema.kinds[k]));
        }
        crate::value::frame::make_df(
            cols,
            self.schema.names.clone(),
            crate::value::frame::auto_row_names(self.rows),
        )
    }
}

/// Batches of one column joined (integers widen to doubles when any batch did).
fn concat(mut parts: Vec<Value>, kind: &Kind) -> Value {
    if parts.len() == 1 {
        return parts.pop().unwrap_or(Value::Null);
    }
    let empty = || match kind {
        Kind::Int(_) => Value::ints(vec![]),
        Kind::Bool | Kind::Null => Value::lgls(vec![]),
        Kind::Utf8 { .. } => Value::strs(vec![]),
        _ => Value::dbls(vec![]),
    };
    let Some(first) = parts.first() else {
        return empty();
    };
    let attrs: Vec<(&str, Value)> = ["class", "tzone"]
        .iter()
        .filter_map(|a| first.get_attr(a).map(|v| (*a, v.clone())))
        .collect();
    let any_dbl = parts
        .iter()
        .any(|p| matches!(p.data(), Some(crate::value::Data::Dbl(_))));
    let mut out = match first.data() {
        Some(crate::value::Data::Str(_)) => {
            Value::strs(parts.iter().flat_map(|p| p.str_vec().to_vec()).collect())
        }
        Some(crate::value::Data::Lgl(_)) => {
            Value::lgls(parts.iter().flat_map(|p| p.int_vec().to_vec()).collect())
        }
        Some(crate::value::Data::Int(_)) if !any_dbl => {
            Value::ints(parts.iter().flat_map(|p| p.int_vec().to_vec()).collect())
        }
        _ => Value::dbls(parts.iter().flat_map(|p| p.dbl_vec().to_vec()).collect()),
    };
    for (a, v) in attrs {
        out.set_attr(Sym::new(a), v);
    }
    out
}
