//! CSV files read block by block: polars parses each block (cut at a line end outside quotes)
//! with one schema on all cores, and the columns grow as R vectors. Memory stays near the
//! size of the result plus one block, instead of the whole file text plus its parse.

use crate::frame::csv::{convert_strs, parse_dbl, parse_lgl};
use crate::frame::csv_fast::{self, last_record_end, Column, Format, Kind};
use crate::value::{na_real, RStr, Value, NA_INT};
use polars::prelude::*;
use std::collections::HashSet;
use std::io::Read;
use std::rc::Rc;

/// Bytes of CSV text parsed at a time.
pub const BLOCK_BYTES: usize = 2 << 20;

/// How polars parses the blocks of a file of this format.
impl Format<'_> {
    fn options(&self, header: bool) -> CsvReadOptions {
        let parse = CsvParseOptions::default()
            .with_separator(self.sep)
            .with_quote_char(self.quote)
            .with_null_values(Some(NullValues::AllColumns(
                self.na
                    .iter()
                    .map(|s| PlSmallStr::from(s.as_str()))
                    .collect(),
            )))
            .with_missing_is_null(false);
        CsvReadOptions::default()
            .with_has_header(header)
            .with_rechunk(false)
            .with_parse_options(parse)
    }

    /// The first rows (up to about `n`) with inferred types, from the first lines of the
    /// file only (polars given the path maps and scans all of it).
    pub fn head(&self, path: &str, n: usize) -> Result<DataFrame, String> {
        use std::io::BufRead;
        let mut r = std::io::BufReader::new(
            std::fs::File::open(path).map_err(|e| crate::frame::io_reason(&e))?,
        );
        let mut text = Vec::new();
        for _ in 0..n + 1 {
            if r.read_until(b'\n', &mut text).map_err(|e| e.to_string())? == 0
                || text.len() > 64 << 20
            {
                break;
            }
        }
        if let Some(cut) = last_record_end(&text, self.quote) {
            // a quoted field still open at the end: keep whole records only
            if cut < text.len() && text.last() != Some(&b'\n') {
                text.truncate(cut);
            }
        }
        self.options(self.header)
            .with_infer_schema_length(None)
            .into_reader_with_file_handle(std::io::Cursor::new(text))
            .finish()
            .map_err(|e| e.to_string())
    }
}

/// Parses `path` block by block with `schema` (keeping only `columns` when given), handing
/// each block's frame to `f` (which returns `false` to stop). Blocks hold about `block` bytes.
pub fn for_each_block(
    path: &str,
    spec: &Format,
    schema: SchemaRef,
    columns: Option<Arc<[PlSmallStr]>>,
    block: usize,
    mut f: impl FnMut(DataFrame) -> Result<bool, String>,
) -> Result<(), String> {
    let mut file = std::fs::File::open(path).map_err(|e| crate::frame::io_reason(&e))?;
    let mut buf: Vec<u8> = Vec::new();
    let mut header = spec.header;
    let mut done = false;
    while !done {
        let start = buf.len();
        buf.resize(start + block, 0);
        let mut got = 0;
        while got < block {
            let k = file
                .read(&mut buf[start + got..])
                .map_err(|e| e.to_string())?;
            if k == 0 {
                break;
            }
            got += k;
        }
        buf.truncate(start + got);
        done = got < block;
        let cut = if done {
            buf.len()
        } else {
            last_record_end(&buf, spec.quote).unwrap_or(0)
        };
        if cut == 0 {
            continue;
        }
        let rest = buf.split_off(cut);
        let text = std::mem::replace(&mut buf, rest);
        let df = spec
            .options(header)
            .with_schema(Some(schema.clone()))
            .with_columns(columns.clone())
            .into_reader_with_file_handle(std::io::Cursor::new(text))
            .finish()
            .map_err(|e| e.to_string())?;
        header = false;
        if df.height() > 0 && !f(df)? {
            break;
        }
    }
    Ok(())
}

/// One column being filled block by block.
enum Grow {
    Dbl(Vec<f64>),
    Int(Vec<i64>),
    Str(Vec<RStr>, HashSet<Rc<str>>),
}

use crate::frame::csv_fast::INT_NA;

impl Grow {
    fn push(&mut self, s: &Series) -> Result<(), String> {
        let perr = |e: PolarsError| e.to_string();
        match self {
            Grow::Dbl(v) => {
                let ca = s.f64().map_err(perr)?;
                if ca.null_count() == 0 {
                    for arr in ca.downcast_iter() {
                        v.extend_from_slice(arr.values());
                    }
                } else {
                    v.extend(ca.iter().map(|x| x.unwrap_or_else(na_real)));
                }
            }
            Grow::Int(v) => v.extend(s.i64().map_err(perr)?.iter().map(|x| x.unwrap_or(INT_NA))),
            Grow::Str(v, seen) => {
                for x in s.str().map_err(perr)?.iter() {
                    v.push(x.map(|x| match seen.get(x) {
                        Some(r) => r.clone(),
                        None => {
                            let r: Rc<str> = Rc::from(x);
                            if seen.len() < 1 << 16 {
                                seen.insert(r.clone());
                            }
                            r
                        }
                    }));
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> Value {
        match self {
            Grow::Dbl(v) => Value::dbls(v),
            Grow::Int(v) => {
                if v.iter()
                    .all(|&x| x == INT_NA || (x > i32::MIN as i64 && x <= i32::MAX as i64))
                {
                    Value::ints(
                        v.into_iter()
                            .map(|x| if x == INT_NA { NA_INT } else { x as i32 })
                            .collect(),
                    )
                } else {
                    Value::dbls(
                        v.into_iter()
                            .map(|x| if x == INT_NA { na_real() } else { x as f64 })
                            .collect(),
                    )
                }
            }
            Grow::Str(v, _) => {
                // text that R would not read as logical or numbers stays as it is (shared
                // strings, no copies); the rest is typed by R's rules
                if v.iter().flatten().any(|s| is_text(s)) {
                    return Value::strs(v);
                }
                let typed = {
                    let refs: Vec<Option<&str>> = v.iter().map(|x| x.as_deref()).collect();
                    convert_strs(&refs)
                };
                if matches!(typed.data(), Some(crate::value::Data::Str(_))) {
                    Value::strs(v)
                } else {
                    typed
                }
            }
        }
    }
}

/// The column types the first rows of a file show, as polars fields and empty growers;
/// `None` for a type without a grower.
fn growers(head: &DataFrame) -> Option<(Vec<Field>, Vec<Grow>)> {
    let mut fields = Vec::with_capacity(head.width());
    let mut cols = Vec::with_capacity(head.width());
    for (name, dt) in head.schema().iter() {
        let (dt, grow) = match dt {
            DataType::Float64 => (DataType::Float64, Grow::Dbl(Vec::new())),
            d if d.is_integer() => (DataType::Int64, Grow::Int(Vec::new())),
            DataType::String | DataType::Boolean | DataType::Null => {
                (DataType::String, Grow::Str(Vec::new(), HashSet::new()))
            }
            _ => return None,
        };
        fields.push(Field::new(name.clone(), dt));
        cols.push(grow);
    }
    Some((fields, cols))
}

/// A plain file through the purpose-built parallel reader ([`csv_fast`]), with the column
/// types of its first 1000 rows; `None` when a later row does not fit them (or the file is
/// not plain), and the caller reads it block by block with polars.
fn read_fast(path: &str, spec: &Format) -> Result<Option<(Vec<String>, Vec<Value>)>, String> {
    let head = spec.head(path, 1000)?;
    let Some((fields, cols)) = growers(&head) else {
        return Ok(None);
    };
    let kinds: Vec<Kind> = cols
        .iter()
        .map(|c| match c {
            Grow::Dbl(_) => Kind::Dbl,
            Grow::Int(_) => Kind::Int,
            Grow::Str(..) => Kind::Str,
        })
        .collect();
    let Some(read) = csv_fast::read(path, spec, &kinds, crate::stats::tsqr::threads())? else {
        return Ok(None);
    };
    let names = fields.iter().map(|f| f.name().to_string()).collect();
    Ok(Some((
        names,
        read.into_iter()
            .filter_map(|c| column_value(c, true))
            .collect(),
    )))
}

/// Whether `read.csv` keeps the string as text: not blank, not logical, not a number.
fn is_text(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty() && parse_lgl(t).is_none() && parse_dbl(s).is_none()
}

/// A column from the fast reader as an R vector (`None` for a skipped one): integers as
/// integer when they fit, text typed as `read.csv` does when `type_convert`.
pub(crate) fn column_value(c: Column, type_convert: bool) -> Option<Value> {
    Some(match c {
        Column::Dbl(v) => Grow::Dbl(v).finish(),
        Column::Int(v) => Grow::Int(v).finish(),
        Column::Str(v) => {
            // kept as read (as codes) unless R would type the strings as something else
            let text = match v.codes() {
                Some((_, dict)) => dict.iter().flatten().any(|s| is_text(s)),
                None => v.iter().flatten().any(|s| is_text(s)),
            };
            if type_convert && !text {
                Grow::Str(v.into_vec(), HashSet::new()).finish()
            } else {
                Value::from_data(crate::value::Data::Str(Rc::new(v)))
            }
        }
        Column::Skipped => return None,
    })
}

/// Reads a whole CSV file block by block into R columns typed as `read.csv` does. `None`
/// when the file does not suit block reading (a type the first rows do not predict, a
/// column type without a grower): the caller then reads it whole.
pub fn read_blocks(path: &str, spec: &Format) -> Result<Option<(Vec<String>, Vec<Value>)>, String> {
    read_blocks_of(path, spec, BLOCK_BYTES, 10_000)
}

fn read_blocks_of(
    path: &str,
    spec: &Format,
    block: usize,
    head_rows: usize,
) -> Result<Option<(Vec<String>, Vec<Value>)>, String> {
    if block == BLOCK_BYTES {
        if let Some(r) = read_fast(path, spec)? {
            return Ok(Some(r));
        }
    }
    let head = spec.head(path, head_rows)?;
    let Some((fields, mut cols)) = growers(&head) else {
        return Ok(None);
    };
    let names: Vec<String> = fields.iter().map(|f| f.name().to_string()).collect();
    let schema: SchemaRef = Arc::new(fields.into_iter().collect());
    let size = std::fs::metadata(path)
        .map(|m| m.len() as usize)
        .unwrap_or(0);
    let mut reserved = false;
    let mut bytes_seen = 0usize;
    let r = for_each_block(path, spec, schema, None, block, |df| {
        bytes_seen += block.min(size.max(1));
        if !reserved {
            // room for every row at the first block's density, so columns grow without copies
            let est =
                (df.height() as f64 * size as f64 / bytes_seen.max(1) as f64 * 1.02) as usize + 16;
            for c in cols.iter_mut() {
                match c {
                    Grow::Dbl(v) => v.reserve(est),
                    Grow::Int(v) => v.reserve(est),
                    Grow::Str(v, _) => v.reserve(est),
                }
            }
            reserved = true;
        }
        for (c, col) in cols.iter_mut().zip(df.columns()) {
            c.push(col.as_materialized_series())?;
        }
        Ok(true)
    });
    if r.is_err() {
        return Ok(None);
    }
    Ok(Some((names, cols.into_iter().map(Grow::finish).collect())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_outside_quotes() {
        assert_eq!(last_record_end(b"a,b\n1,2\n3,", Some(b'"')), Some(8));
        assert_eq!(
            last_record_end(b"a,b\n\"x\ny\",2\n\"z", Some(b'"')),
            Some(12)
        );
        assert_eq!(last_record_end(b"no newline", None), None);
    }

    #[test]
    fn blocks_join_into_r_columns() {
        let path = std::env::temp_dir().join(format!("rsc-blocks-{}.csv", std::process::id()));
        let mut text = String::from("i,x,s,l\n");
        for k in 0..200 {
            let s = if k == 150 {
                "\"two\nlines\"".to_string()
            } else {
                format!("s{}", k % 3)
            };
            let x = if k == 7 {
                "NA".to_string()
            } else {
                format!("{}.5", k)
            };
            text.push_str(&format!(
                "{},{},{},{}\n",
                k,
                x,
                s,
                if k % 2 == 0 { "T" } else { "FALSE" }
            ));
        }
        std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{}", e));
        let na = vec!["NA".to_string()];
        let spec = Format {
            sep: b',',
            quote: Some(b'"'),
            na: &na,
            header: true,
        };
        let got = read_blocks_of(path.to_str().unwrap_or(""), &spec, 256, 20)
            .unwrap_or_else(|e| panic!("{}", e));
        let _ = std::fs::remove_file(&path);
        let (names, cols) = got.unwrap_or_else(|| panic!("fell back"));
        assert_eq!(names, ["i", "x", "s", "l"]);
        assert_eq!(*cols[0].int_vec(), (0..200).collect::<Vec<i32>>());
        let x = cols[1].dbl_vec();
        assert!(crate::value::is_na_real(x[7]) && x[8] == 8.5 && x.len() == 200);
        assert_eq!(cols[2].str_vec()[150].as_deref(), Some("two\nlines"));
        assert_eq!(cols[3].lgl_vec()[..2], [1, 0]);
    }
}
