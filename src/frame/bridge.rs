//! The frame bridge: conversions between polars `DataFrame`s and R data frames.
//!
//! This file and the other polars-facing files in `src/frame/` are the only places that name
//! polars types. Columns map as R users expect: Float64 ↔ double, Int32/Int64 ↔ integer (Int64
//! values outside R's integer range become double), Boolean ↔ logical, String ↔ character,
//! Enum ↔ factor with its level order, Categorical → factor with sorted levels, Date ↔ "Date",
//! Datetime ↔ "POSIXct" (its zone as `tzone`; a zone-less Datetime reads as UTC).

use crate::value::frame::{auto_row_names, df_names, make_df};

use crate::frame::csv::{convert_strs, intern_strs};
use crate::syntax::sym::Sym;
use crate::value::factor::string_factor;
use crate::value::{na_real, Data, RStr, Value, NA_INT, NA_LGL};
use polars::prelude::*;
use std::rc::Rc;

/// How string columns are read: kept as text, or typed as R's `type.convert` would
/// (for CSV text that polars could not type on its own).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Strings {
    Keep,
    TypeConvert,
}

/// Converts a polars frame into an R data frame, consuming it column by column so that
/// peak memory stays near one copy of the data.
pub fn to_value(df: DataFrame, strings: Strings) -> Result<Value, String> {
    let n = df.height();
    let mut names = Vec::with_capacity(df.width());
    let mut cols = Vec::with_capacity(df.width());
    for col in df.into_columns() {
        names.push(col.name().to_string());
        let series = col.take_materialized_series();
        cols.push(series_to_value(series, strings)?);
    }
    Ok(make_df(cols, names, auto_row_names(n)))
}

fn perr(e: PolarsError) -> String {
    e.to_string()
}

/// One polars column as an R vector.
pub fn series_to_value(s: Series, strings: Strings) -> Result<Value, String> {
    Ok(match s.dtype() {
        DataType::Float64 | DataType::Float32 => {
            let s = s.cast(&DataType::Float64).map_err(perr)?;
            let ca = s.f64().map_err(perr)?;
            if ca.null_count() == 0 {
                // chunk by chunk straight from the value buffers
                let mut v = Vec::with_capacity(ca.len());
                for arr in ca.downcast_iter() {
                    v.extend_from_slice(arr.values());
                }
                Value::dbls(v)
            } else {
                Value::dbls(ca.iter().map(|x| x.unwrap_or_else(na_real)).collect())
            }
        }
        DataType::Int64 | DataType::UInt32 | DataType::UInt64 => {
            let s = s.cast(&DataType::Int64).map_err(perr)?;
            let ca = s.i64().map_err(perr)?;
            let fits = ca
                .iter()
                .flatten()
                .all(|x| x > i32::MIN as i64 && x <= i32::MAX as i64);
            if fits {
                Value::ints(
                    ca.iter()
                        .map(|x| x.map(|x| x as i32).unwrap_or(NA_INT))
                        .collect(),
                )
            } else {
                Value::dbls(
                    ca.iter()
                        .map(|x| x.map(|x| x as f64).unwrap_or_else(na_real))
                        .collect(),
                )
            }
        }
        DataType::Int32 | DataType::Int16 | DataType::Int8 | DataType::UInt8 | DataType::UInt16 => {
            let s = s.cast(&DataType::Int32).map_err(perr)?;
            let ca = s.i32().map_err(perr)?;
            Value::ints(ca.iter().map(|x| x.unwrap_or(NA_INT)).collect())
        }
        DataType::Boolean => {
            let ca = s.bool().map_err(perr)?;
            Value::lgls(
                ca.iter()
                    .map(|x| x.map(|b| b as i32).unwrap_or(NA_LGL))
                    .collect(),
            )
        }
        DataType::String => {
            let ca = s.str().map_err(perr)?;
            match strings {
                Strings::TypeConvert => {
                    let vals: Vec<Option<&str>> = ca.iter().collect();
                    convert_strs(&vals)
                }
                Strings::Keep => Value::strs(intern_strs(ca.iter())),
            }
        }
        DataType::Enum(fcats, _) => {
            let levels: Vec<RStr> = fcats
                .categories()
                .values_iter()
                .map(|l| Some(Rc::from(l)))
                .collect();
            // codes by level text: the small physical code types have no cast kernels in
            // this polars build (no dtype-u8/u16 features)
            let code_of: std::collections::HashMap<&str, i32> = fcats
                .categories()
                .values_iter()
                .enumerate()
                .map(|(i, l)| (l, i as i32 + 1))
                .collect();
            let text = s.cast(&DataType::String).map_err(perr)?;
            let ca = text.str().map_err(perr)?;
            factor(
                ca.iter()
                    .map(|c| c.and_then(|c| code_of.get(c).copied()).unwrap_or(NA_INT))
                    .collect(),
                levels,
            )
        }
        DataType::Categorical(_, _) => {
            let s = s.cast(&DataType::String).map_err(perr)?;
            let ca = s.str().map_err(perr)?;
            string_factor(&Value::strs(ca.iter().map(|x| x.map(Rc::from)).collect()))
        }
        DataType::Null => Value::lgls(vec![NA_LGL; s.len()]),
        DataType::Date => {
            // days since the epoch, as R's "Date"
            let s = s.cast(&DataType::Int32).map_err(perr)?;
            let ca = s.i32().map_err(perr)?;
            let mut v = Value::dbls(ca.iter().map(|x| x.map(|d| d as f64).unwrap_or_else(na_real)).collect());
            v.set_attr(Sym::new("class"), Value::str("Date"));
            v
        }
        DataType::Datetime(tu, tz) => {
            // seconds since the epoch, as R's "POSIXct"; a zone-less datetime reads as UTC
            let per_sec = match tu {
                TimeUnit::Nanoseconds => 1e9,
                TimeUnit::Microseconds => 1e6,
                TimeUnit::Milliseconds => 1e3,
            };
            let tz = tz.as_ref().map(|t| t.to_string()).unwrap_or_else(|| "UTC".into());
            let s = s.cast(&DataType::Int64).map_err(perr)?;
            let ca = s.i64().map_err(perr)?;
            let mut v = Value::dbls(
                ca.iter()
                    .map(|x| x.map(|t| t as f64 / per_sec).unwrap_or_else(na_real))
                    .collect(),
            );
            v.set_attr(Sym::new("class"), Value::strings(&["POSIXct", "POSIXt"]));
            v.set_attr(Sym::new("tzone"), Value::str(&tz));
            v
        }
        _ => {
            let s = s.cast(&DataType::String).map_err(perr)?;
            let ca = s.str().map_err(perr)?;
            Value::strs(ca.iter().map(|x| x.map(Rc::from)).collect())
        }
    })
}

fn factor(codes: Vec<i32>, levels: Vec<RStr>) -> Value {
    let mut f = Value::ints(codes);
    f.set_attr(Sym::new("levels"), Value::strs(levels));
    f.set_attr(Sym::new("class"), Value::str("factor"));
    f
}

/// Converts an R data frame (or a named list of equal-length vectors) into a polars frame.
/// Factors become Enum columns that keep R's level order. Character row names that are not
/// the automatic `1..n` are kept as a first column named `rownames` when `keep_row_names`.
pub fn from_value(v: &Value, keep_row_names: bool) -> Result<DataFrame, String> {
    let Some(Data::List(cols)) = v.data() else {
        return Err("a data frame is required".into());
    };
    let names: Vec<String> = df_names(v);
    let mut out: Vec<Column> = Vec::with_capacity(cols.len() + 1);
    if keep_row_names {
        if let Some(rn) = v
            .get_attr("row.names")
            .filter(|r| matches!(r.data(), Some(Data::Str(_))))
        {
            out.push(vector_to_series("rownames", rn)?.into());
        }
    }
    for (i, c) in cols.iter().enumerate() {
        let name = names
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("V{}", i + 1));
        out.push(vector_to_series(&name, c)?.into());
    }
    DataFrame::new_infer_height(out).map_err(perr)
}

/// One R vector as a polars series.
pub fn vector_to_series(name: &str, v: &Value) -> Result<Series, String> {
    let name = PlSmallStr::from(name);
    if v.is_factor() {
        let levels: Vec<String> = v
            .get_attr("levels")
            .map(|l| {
                l.str_vec()
                    .iter()
                    .map(|s| s.as_deref().unwrap_or("NA").to_string())
                    .collect()
            })
            .unwrap_or_default();
        let codes = match v.data() {
            Some(Data::Int(c)) => c.clone(),
            _ => return Err(format!("column '{}' is a malformed factor", name)),
        };
        let strs: Vec<Option<&str>> = codes
            .iter()
            .map(|&c| {
                if c == NA_INT {
                    None
                } else {
                    levels.get(c as usize - 1).map(|s| s.as_str())
                }
            })
            .collect();
        let fcats = FrozenCategories::new(levels.iter().map(|s| s.as_str())).map_err(perr)?;
        let dt = DataType::from_frozen_categories(fcats);
        return Series::new(name, strs).cast(&dt).map_err(perr);
    }
    if v.inherits("Date") || v.inherits("POSIXct") {
        let x: Vec<f64> = v.data().map(|d| d.to_dbl().to_vec()).unwrap_or_default();
        return time_series(name, v, &x);
    }
    Ok(match v.data() {
        Some(Data::Dbl(x)) => {
            if x.iter().any(|x| crate::value::is_na_real(*x)) {
                Series::new(
                    name,
                    x.iter()
                        .map(|&x| {
                            if crate::value::is_na_real(x) {
                                None
                            } else {
                                Some(x)
                            }
                        })
                        .collect::<Vec<_>>(),
                )
            } else {
                Series::new(name, x.as_slice())
            }
        }
        Some(Data::Int(x)) => Series::new(
            name,
            x.iter()
                .map(|&x| if x == NA_INT { None } else { Some(x) })
                .collect::<Vec<_>>(),
        ),
        Some(Data::Lgl(x)) => Series::new(
            name,
            x.iter()
                .map(|&x| if x == NA_LGL { None } else { Some(x != 0) })
                .collect::<Vec<_>>(),
        ),
        Some(Data::Str(x)) => Series::new(name, x.iter().map(|s| s.as_deref()).collect::<Vec<_>>()),
        Some(Data::Cplx(_)) => {
            return Err(format!(
                "column '{}' is complex; complex columns do not convert",
                name
            ))
        }
        Some(Data::Raw(x)) => Series::new(name, x.iter().map(|&b| b as u32).collect::<Vec<_>>()),
        Some(Data::List(_)) => {
            return Err(format!(
                "column '{}' is a list; only atomic columns convert",
                name
            ))
        }
        None => return Err(format!("column '{}' is not a vector", name)),
    })
}

/// A Date column as a polars Date, a POSIXct one as a microsecond Datetime in its zone
/// (none when the zone is the session's, "").
fn time_series(name: PlSmallStr, v: &Value, x: &[f64]) -> Result<Series, String> {
    if v.inherits("Date") {
        let days: Vec<Option<i32>> = x
            .iter()
            .map(|&d| d.is_finite().then(|| d.floor() as i32))
            .collect();
        return Series::new(name, days).cast(&DataType::Date).map_err(perr);
    }
    let tz = v
        .get_attr("tzone")
        .and_then(|t| t.as_string())
        .filter(|t| !t.is_empty());
    let tz = TimeZone::opt_try_new(tz).map_err(perr)?;
    let us = x
        .iter()
        .map(|&s| s.is_finite().then(|| (s * 1e6).round() as i64));
    // built as a Datetime directly: a cast would drop the zone in this polars build (no
    // `timezones` feature)
    Ok(Int64Chunked::from_iter_options(name, us)
        .into_datetime(TimeUnit::Microseconds, tz)
        .into_series())
}

/// A host's polars frame as an R data frame (`Interpreter::set("d", Value::try_from(df)?)`).
impl TryFrom<DataFrame> for Value {
    type Error = crate::error::ConvertError;
    fn try_from(df: DataFrame) -> Result<Value, Self::Error> {
        to_value(df, Strings::Keep).map_err(crate::error::ConvertError)
    }
}

/// An R data frame as a polars frame; character row names become a `rownames` column.
impl TryFrom<Value> for DataFrame {
    type Error = crate::error::ConvertError;
    fn try_from(v: Value) -> Result<DataFrame, Self::Error> {
        if !v.is_data_frame() {
            return Err(crate::error::ConvertError("expected a data frame".into()));
        }
        from_value(&v, true).map_err(crate::error::ConvertError)
    }
}
