//! Files through polars: the multithreaded CSV fast path of `read.csv`, Parquet reading and
//! writing, and lazy scans (`scan_csv`, `scan_parquet`) that `collect()` materialises.

use super::bridge::{self, Strings};
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
        .with_null_values(Some(NullValues::AllColumns(na.iter().map(|s| PlSmallStr::from(s.as_str())).collect())))
        .with_missing_is_null(false)
}

/// Reads a CSV file with polars on all cores and types its columns as R's `type.convert` does.
/// Returns the columns (names as in the file) or polars' error text; callers fall back to
/// the exact single-threaded reader on error, which reports R's messages.
pub fn read_csv(path: &str, spec: &CsvSpec) -> Result<(Vec<String>, Vec<Value>), String> {
    super::guarded(|| {
        let read = |overwrite: Option<SchemaRef>| {
            CsvReadOptions::default()
                .with_has_header(spec.header)
                .with_infer_schema_length(None)
                .with_n_rows(spec.nrows)
                .with_rechunk(true)
                .with_schema_overwrite(overwrite)
                .with_parse_options(parse_options(spec.sep, spec.quote, spec.na))
                .try_into_reader_with_file_path(Some(path.into()))
                .and_then(|r| r.finish())
                .map_err(|e| e.to_string())
        };
        let mut df = read(None)?;
        // polars takes `true`/`True` as booleans; R only `TRUE`/`T`/`FALSE`/`F`. Logical columns
        // are read again as text and typed by R's rules.
        let logical: Vec<PlSmallStr> = df.columns().iter().filter(|c| c.dtype() == &DataType::Boolean).map(|c| c.name().clone()).collect();
        if !logical.is_empty() {
            let schema: Schema = logical.into_iter().map(|n| Field::new(n, DataType::String)).collect();
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
        cols.push(bridge::series_to_value(col.take_materialized_series(), strings)?);
    }
    Ok((names, cols))
}

/// Reads a Parquet file into an R data frame.
pub fn read_parquet(path: &str) -> Result<Value, String> {
    super::guarded(|| {
        let file = std::fs::File::open(path).map_err(|e| crate::frame::io_reason(&e))?;
        let df = ParquetReader::new(file).finish().map_err(|e| e.to_string())?;
        bridge::to_value(df, Strings::Keep)
    })
}

/// Writes an R data frame to `out` as Parquet (zstd-compressed, polars' default).
pub fn write_parquet(d: &Value, out: std::fs::File) -> Result<(), String> {
    super::guarded(|| {
        let mut df = bridge::from_value(d, false)?;
        ParquetWriter::new(out).finish(&mut df).map(|_| ()).map_err(|e| e.to_string())
    })
}

/// A lazy frame: a polars query plan over a file, materialised by `collect()`.
pub struct LazyScan {
    plan: LazyFrame,
    source: String,
    strings: Strings,
}

impl ExternObj for LazyScan {
    fn class(&self) -> &'static str {
        "lazy_frame"
    }
    fn describe(&self) -> String {
        let mut out = format!("<lazy frame> {}\n", self.source);
        match self.plan.clone().collect_schema() {
            Ok(schema) => {
                let width = schema.iter_names().map(|n| n.chars().count()).max().unwrap_or(0);
                out.push_str(&format!("{} columns:", schema.len()));
                for (name, dt) in schema.iter() {
                    out.push_str(&format!("\n  {:<width$} <{}>", name.as_str(), r_type_name(dt, self.strings), width = width));
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
        DataType::Int8 | DataType::Int16 | DataType::Int32 | DataType::UInt8 | DataType::UInt16 => "integer",
        DataType::Int64 | DataType::UInt32 | DataType::UInt64 => "integer",
        DataType::Boolean => "logical",
        DataType::Enum(..) | DataType::Categorical(..) => "factor",
        DataType::String => "character",
        _ => "other",
    }
}

fn lazy_value(plan: LazyFrame, source: String, strings: Strings) -> Value {
    Value::Extern(Rc::new(Extern(Box::new(LazyScan { plan, source, strings }))))
}

/// `scan_csv(path)`: a lazy frame over a CSV file (nothing is read until `collect()`).
pub fn scan_csv(path: &str, sep: u8, na: &[String]) -> Result<Value, String> {
    super::guarded(|| {
        let plan = LazyCsvReader::new(PlRefPath::new(path))
            .with_has_header(true)
            .with_separator(sep)
            .with_infer_schema_length(Some(10_000))
            .with_null_values(Some(NullValues::AllColumns(na.iter().map(|s| PlSmallStr::from(s.as_str())).collect())))
            .with_missing_is_null(false)
            .finish()
            .map_err(|e| e.to_string())?;
        Ok(lazy_value(plan, format!("scan_csv(\"{}\")", path), Strings::TypeConvert))
    })
}

/// `scan_parquet(path)`: a lazy frame over a Parquet file.
pub fn scan_parquet(path: &str) -> Result<Value, String> {
    super::guarded(|| {
        let plan = LazyFrame::scan_parquet(PlRefPath::new(path), ScanArgsParquet::default()).map_err(|e| e.to_string())?;
        Ok(lazy_value(plan, format!("scan_parquet(\"{}\")", path), Strings::Keep))
    })
}

/// The lazy frame inside a value, if it is one.
pub fn as_lazy(v: &Value) -> Option<&LazyScan> {
    match v {
        Value::Extern(x) => x.0.as_any().downcast_ref::<LazyScan>(),
        _ => None,
    }
}

/// Runs the plan (optionally only its first `n` rows) into an R data frame.
pub fn collect(lf: &LazyScan, n: Option<usize>) -> Result<Value, String> {
    super::guarded(|| {
        let plan = match n {
            Some(n) => lf.plan.clone().limit(n as IdxSize),
            None => lf.plan.clone(),
        };
        let df = plan.collect().map_err(|e| e.to_string())?;
        bridge::to_value(df, lf.strings)
    })
}

/// Column names of a lazy frame, from its schema.
pub fn lazy_names(lf: &LazyScan) -> Result<Vec<String>, String> {
    super::guarded(|| {
        let schema = lf.plan.clone().collect_schema().map_err(|e| e.to_string())?;
        Ok(schema.iter_names().map(|n| n.to_string()).collect())
    })
}
