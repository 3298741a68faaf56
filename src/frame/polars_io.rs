//! Files through polars: the multithreaded CSV fast path of `read.csv`, Parquet reading and
//! writing, and lazy scans (`scan_csv`, `scan_parquet`) that `collect()` materialises.

use super::bridge::{self, Strings};
use super::csv_blocks::column_value;
use super::csv_fast::{self, Format, Kind};
use crate::value::frame::{auto_row_names, make_df};
use crate::value::{Extern, ExternObj, Value};
use polars::prelude::*;
use std::rc::Rc;

/// The parts of a `read.csv` call the fast path understands.
pub struct CsvSpec<'a> {
    pub header: bool,
    pub sep: u8,
    pub quote: Option<u8>,
    pub na: &'a [String],
    pub nrows: Option<usize>,
}

fn parse_options(sep: u8, quote: Option<u8>, na: &[String]) -> CsvParseOptions {
    CsvParseOptions::default()
        .with_separator(sep)
        .with_quote_char(quote)
        .with_null_values(Some(NullValues::AllColumns(
            na.iter().map(|s| PlSmallStr::from(s.as_str())).collect(),
        )))
        .with_missing_is_null(false)
}

/// Reads a CSV file with polars on all cores and types its columns as R's `type.convert` does.
/// Returns the columns (names as in the file) or polars' error text; callers fall back to
/// the exact single-threaded reader on error, which reports R's messages.
pub fn read_csv(path: &str, spec: &CsvSpec) -> Result<(Vec<String>, Vec<Value>), String> {
    super::guarded(|| {
        if spec.nrows.is_none() {
            let blocks = Format {
                sep: spec.sep,
                quote: spec.quote,
                na: spec.na,
                header: spec.header,
            };
            if let Some(r) = super::csv_blocks::read_blocks(path, &blocks)? {
                return Ok(r);
            }
        }
        let read = |overwrite: Option<SchemaRef>| {
            CsvReadOptions::default()
                .with_has_header(spec.header)
                .with_infer_schema_length(None)
                .with_n_rows(spec.nrows)
                .with_rechunk(false)
                .with_schema_overwrite(overwrite)
                .with_parse_options(parse_options(spec.sep, spec.quote, spec.na))
                .try_into_reader_with_file_path(Some(path.into()))
                .and_then(|r| r.finish())
                .map_err(|e| e.to_string())
        };
        let mut df = read(None)?;
        // polars takes `true`/`True` as booleans; R only `TRUE`/`T`/`FALSE`/`F`. Logical columns
        // are read again as text and typed by R's rules.
        let logical: Vec<PlSmallStr> = df
            .columns()
            .iter()
            .filter(|c| c.dtype() == &DataType::Boolean)
            .map(|c| c.name().clone())
            .collect();
        if !logical.is_empty() {
            let schema: Schema = logical
                .into_iter()
                .map(|n| Field::new(n, DataType::String))
                .collect();
            df = read(Some(Arc::new(schema)))?;
        }
        columns(df, Strings::TypeConvert)
    })
}

fn columns(df: DataFrame, strings: Strings) -> Result<(Vec<String>, Vec<Value>), String> {
    let mut names = Vec::with_capacity(df.width());
    let mut cols = Vec::with_capacity(df.width());
    for col in df.into_columns() {
        names.push(col.name().to_string());
        cols.push(bridge::series_to_value(
            col.take_materialized_series(),
            strings,
        )?);
    }
    Ok((names, cols))
}

/// Reads a Parquet file into an R data frame.
pub fn read_parquet(path: &str) -> Result<Value, String> {
    super::guarded(|| {
        let file = std::fs::File::open(path).map_err(|e| crate::frame::io_reason(&e))?;
        let df = ParquetReader::new(file)
            .finish()
            .map_err(|e| e.to_string())?;
        bridge::to_value(df, Strings::Keep)
    })
}

/// An R data frame as the bytes of a Parquet file (zstd-compressed, polars' default).
pub fn write_parquet(d: &Value) -> Result<Vec<u8>, String> {
    super::guarded(|| {
        let mut df = bridge::from_value(d, false)?;
        let mut out = Vec::new();
        ParquetWriter::new(&mut out)
            .finish(&mut df)
            .map(|_| ())
            .map_err(|e| e.to_string())?;
        Ok(out)
    })
}

/// Where a lazy frame reads from.
#[derive(Clone)]
enum Source {
    Csv {
        path: String,
        sep: u8,
        na: Vec<String>,
    },
    Parquet {
        path: String,
    },
}

/// A lazy frame: a file and how to read it. Nothing is read until `collect()`, `head()` or a
/// model streams over it chunk by chunk ([`for_each_chunk`]).
pub struct LazyScan {
    source: Source,
    strings: Strings,
}

impl LazyScan {
    fn label(&self) -> String {
        match &self.source {
            Source::Csv { path, .. } => format!("scan_csv(\"{}\")", path),
            Source::Parquet { path } => format!("scan_parquet(\"{}\")", path),
        }
    }

    /// The column names and types, from the first rows (CSV) or the file's metadata (Parquet).
    fn schema(&self) -> Result<Schema, String> {
        let df = read_rows(&self.source, Some(1000))?;
        Ok(df.schema().as_ref().clone())
    }
}

impl ExternObj for LazyScan {
    fn class(&self) -> &'static str {
        "lazy_frame"
    }
    fn describe(&self) -> String {
        let mut out = format!("<lazy frame> {}\n", self.label());
        match super::guarded(|| self.schema()) {
            Ok(schema) => {
                let width = schema
                    .iter_names()
                    .map(|n| n.chars().count())
                    .max()
                    .unwrap_or(0);
                out.push_str(&format!("{} columns:", schema.len()));
                for (name, dt) in schema.iter() {
                    out.push_str(&format!(
                        "\n  {:<width$} <{}>",
                        name.as_str(),
                        r_type_name(dt, self.strings),
                        width = width
                    ));
                }
            }
            Err(e) => out.push_str(&format!("schema unavailable: {}", e)),
        }
        out
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The R type a polars column becomes when collected.
fn r_type_name(dt: &DataType, strings: Strings) -> &'static str {
    match dt {
        DataType::String if strings == Strings::Keep => "character",
        DataType::Float64 | DataType::Float32 => "double",
        DataType::Int8 | DataType::Int16 | DataType::Int32 | DataType::UInt8 | DataType::UInt16 => {
            "integer"
        }
        DataType::Int64 | DataType::UInt32 | DataType::UInt64 => "integer",
        DataType::Boolean => "logical",
        DataType::Enum(..) | DataType::Categorical(..) => "factor",
        DataType::String => "character",
        DataType::Date => "Date",
        DataType::Datetime(..) => "POSIXct",
        _ => "other",
    }
}

fn lazy_value(source: Source, strings: Strings) -> Value {
    Value::Extern(Rc::new(Extern(Box::new(LazyScan { source, strings }))))
}

fn csv_options(sep: u8, na: &[String], header: bool) -> CsvReadOptions {
    CsvReadOptions::default()
        .with_has_header(header)
        .with_parse_options(parse_options(sep, Some(b'"'), na))
}

/// Reads the first `n` rows (all when `None`) of a source.
fn read_rows(source: &Source, n: Option<usize>) -> Result<DataFrame, String> {
    match source {
        // the first rows from the first lines only (polars given the path parses chunks of
        // the whole file, and fails on a bad row far down)
        Source::Csv { path, sep, na } if n.is_some() => {
            let spec = Format {
                sep: *sep,
                quote: Some(b'"'),
                na,
                header: true,
            };
            // types from up to 10000 rows, as a whole-file read would see them
            let n = n.unwrap_or(0);
            spec.head(path, n.max(10_000)).map(|df| df.head(Some(n)))
        }
        Source::Csv { path, sep, na } => csv_options(*sep, na, true)
            .with_infer_schema_length(None)
            .try_into_reader_with_file_path(Some(path.into()))
            .and_then(|r| r.finish())
            .map_err(|e| e.to_string()),
        Source::Parquet { path } => {
            let file = std::fs::File::open(path).map_err(|e| crate::frame::io_reason(&e))?;
            ParquetReader::new(file)
                .with_slice(n.map(|n| (0, n)))
                .finish()
                .map_err(|e| e.to_string())
        }
    }
}

/// `scan_csv(path)`: a lazy frame over a CSV file (nothing is read until `collect()`).
pub fn scan_csv(path: &str, sep: u8, na: &[String]) -> Result<Value, String> {
    super::guarded(|| {
        let source = Source::Csv {
            path: path.to_string(),
            sep,
            na: na.to_vec(),
        };
        read_rows(&source, Some(1))?;
        Ok(lazy_value(source, Strings::TypeConvert))
    })
}

/// `scan_parquet(path)`: a lazy frame over a Parquet file.
pub fn scan_parquet(path: &str) -> Result<Value, String> {
    super::guarded(|| {
        let source = Source::Parquet {
            path: path.to_string(),
        };
        read_rows(&source, Some(0))?;
        Ok(lazy_value(source, Strings::Keep))
    })
}

/// The lazy frame inside a value, if it is one.
pub fn as_lazy(v: &Value) -> Option<&LazyScan> {
    match v {
        Value::Extern(x) => x.0.as_any().downcast_ref::<LazyScan>(),
        _ => None,
    }
}

/// Reads the file (optionally only its first `n` rows) into an R data frame.
pub fn collect(lf: &LazyScan, n: Option<usize>) -> Result<Value, String> {
    super::guarded(|| bridge::to_value(read_rows(&lf.source, n)?, lf.strings))
}

/// Column names of a lazy frame, from its schema.
pub fn lazy_names(lf: &LazyScan) -> Result<Vec<String>, String> {
    super::guarded(|| Ok(lf.schema()?.iter_names().map(|n| n.to_string()).collect()))
}

/// Streams a lazy frame as data frames of about `rows` rows each, in file order, holding one
/// chunk in memory at a time. CSV chunks are cut at line ends (quoted fields must not span
/// lines) and parsed with the types of the first rows, integers widened to doubles; Parquet
/// chunks are row slices. Only `columns` are read when given. `f` returns `false` to stop early.
pub fn for_each_chunk(
    lf: &LazyScan,
    rows: usize,
    columns: Option<&[String]>,
    mut f: impl FnMut(Value) -> Result<bool, String>,
) -> Result<(), String> {
    let rows = rows.max(1);
    match &lf.source {
        Source::Parquet { path } => {
            let file = std::fs::File::open(path).map_err(|e| crate::frame::io_reason(&e))?;
            let total = super::guarded(|| {
                ParquetReader::new(file)
                    .num_rows()
                    .map_err(|e| e.to_string())
            })?;
            let mut off = 0;
            while off < total {
                let file = std::fs::File::open(path).map_err(|e| crate::frame::io_reason(&e))?;
                let df = super::guarded(|| {
                    ParquetReader::new(file)
                        .with_columns(columns.map(|c| c.to_vec()))
                        .with_slice(Some((off, rows)))
                        .finish()
                        .map_err(|e| e.to_string())
                })?;
                off += rows;
                if !f(super::guarded(|| bridge::to_value(df, lf.strings))?)? {
                    break;
                }
            }
            Ok(())
        }
        Source::Csv { path, sep, na } => csv_chunks(path, *sep, na, rows, columns, lf.strings, f),
    }
}

fn csv_chunks(
    path: &str,
    sep: u8,
    na: &[String],
    rows: usize,
    columns: Option<&[String]>,
    strings: Strings,
    mut f: impl FnMut(Value) -> Result<bool, String>,
) -> Result<(), String> {
    let spec = Format {
        sep,
        quote: Some(b'"'),
        na,
        header: true,
    };
    let first = spec.head(path, 10_000)?;
    // integers widen to doubles and logicals stay text, so every block parses alike
    let schema: Schema = first
        .schema()
        .iter()
        .map(|(n, dt)| {
            let dt = if dt.is_integer() {
                DataType::Float64
            } else if dt == &DataType::Boolean {
                DataType::String
            } else {
                dt.clone()
            };
            Field::new(n.clone(), dt)
        })
        .collect();
    // about `rows` lines per block, at the density of the first rows
    let lines = first.height().max(1);
    let line_bytes = (head_len(path, lines + 1).unwrap_or(64 * lines) / lines).max(1);
    let block = (rows.max(1) * line_bytes).clamp(1 << 12, 1 << 30);
    // plain files through the purpose-built parallel reader, the polars path otherwise
    let kinds: Option<Vec<Kind>> = schema
        .iter()
        .map(|(n, dt)| match dt {
            _ if columns.is_some_and(|c| !c.iter().any(|x| x.as_str() == n.as_str())) => {
                Some(Kind::Skip)
            }
            DataType::Float64 => Some(Kind::Dbl),
            DataType::String | DataType::Null => Some(Kind::Str),
            _ => None,
        })
        .collect();
    if let Some(kinds) = kinds {
        let names: Vec<String> = schema
            .iter_names()
            .zip(&kinds)
            .filter(|(_, k)| **k != Kind::Skip)
            .map(|(n, _)| n.to_string())
            .collect();
        let threads = crate::stats::tsqr::threads();
        let done = csv_fast::for_each_chunk(path, &spec, &kinds, threads, block, |cols| {
            let cols: Vec<Value> = cols
                .into_iter()
                .filter_map(|c| column_value(c, strings == Strings::TypeConvert))
                .collect();
            let n = cols.first().map(|c| c.len()).unwrap_or(0);
            f(make_df(cols, names.clone(), auto_row_names(n)))
        })?;
        if done.is_some() {
            return Ok(());
        }
    }
    let columns: Option<Arc<[PlSmallStr]>> =
        columns.map(|c| c.iter().map(|x| PlSmallStr::from(x.as_str())).collect());
    super::csv_blocks::for_each_block(path, &spec, Arc::new(schema), columns, block, |df| {
        super::guarded(|| bridge::to_value(df, strings)).and_then(&mut f)
    })
}

/// Bytes taken by the first `lines` lines of a file.
fn head_len(path: &str, lines: usize) -> Option<usize> {
    use std::io::BufRead;
    let mut r = std::io::BufReader::new(std::fs::File::open(path).ok()?);
    let mut total = 0;
    let mut line = Vec::new();
    for _ in 0..lines {
        line.clear();
        let k = r.read_until(b'\n', &mut line).ok()?;
        if k == 0 {
            break;
        }
        total += k;
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_chunks_cover_every_row_once() {
        let path = std::env::temp_dir().join(format!("rsc-chunks-{}.csv", std::process::id()));
        let mut text = String::from("x,g\n");
        for i in 0..2500 {
            text.push_str(&format!("{},{}\n", i, if i % 3 == 0 { "a" } else { "b" }));
        }
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}", e));
        let v = scan_csv(path.to_str().unwrap_or(""), b',', &["NA".to_string()])
            .unwrap_or_else(|e| panic!("{}", e));
        let lf = as_lazy(&v).unwrap_or_else(|| panic!("not lazy"));
        let mut seen = Vec::new();
        let mut chunks = 0;
        for_each_chunk(lf, 100, None, |d| {
            chunks += 1;
            let cols = d.list_vec();
            seen.extend(cols[0].dbl_vec().iter().copied());
            Ok(true)
        })
        .unwrap_or_else(|e| panic!("{}", e));
        let _ = std::fs::remove_file(&path);
        assert!(chunks >= 2, "{} chunks", chunks);
        assert_eq!(seen, (0..2500).map(|i| i as f64).collect::<Vec<_>>());
    }
}
