//! Parquet files and lazy frames: read_parquet, write_parquet, scan_csv, scan_parquet, collect.

use crate::builtins::base::files::{check_read, write_atomic_bytes};
use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::frame::polars_io;
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[
    declared("read_parquet", read_parquet),
    eager("write_parquet", write_parquet),
    eager("scan_csv", scan_csv),
    declared("scan_parquet", scan_parquet),
    eager("collect", collect),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("read_parquet", "read_parquet(file)",
            "Reads a Parquet file into a data frame (polars' reader); factors come back as factors with their levels."),
        doc("write_parquet", "write_parquet(x, file)",
            "Writes a data frame to a Parquet file, through a temporary file renamed into place so a failed write \
             never leaves a truncated file."),
        doc("scan_csv", "scan_csv(file, sep = \",\", na.strings = \"NA\")",
            "Opens a CSV file lazily: returns a lazy frame that prints its schema; collect() or head() reads rows."),
        doc("scan_parquet", "scan_parquet(file)",
            "Opens a Parquet file lazily: returns a lazy frame that prints its schema; collect() or head() reads rows."),
        doc("collect", "collect(x, n)",
            "Materialises a lazy frame (from scan_csv or scan_parquet, or a Spark frame) as a data frame, only the \
             first n rows when n is given."),
    ]
};

fn path_arg(it: &Interp, v: &Value, what: &str) -> EvalResult<String> {
    match v.as_string() {
        Some(p) if v.len() == 1 => {
            check_read(it, &p)?;
            if !std::path::Path::new(&p).exists() {
                return err(format!(
                    "cannot open file '{}': No such file or directory",
                    p
                ));
            }
            Ok(p)
        }
        _ => err(format!("'{}' must be a single file path", what)),
    }
}

fn read_parquet(it: &mut Interp, m: Matched) -> EvalResult {
    let path = path_arg(it, m.req("file")?, "file")?;
    polars_io::read_parquet(&path)
        .or_else(|e| err(format!("cannot read Parquet file '{}': {}", path, e)))
}

fn write_parquet(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "file"])?;
    let x = m.req("x")?.clone();
    if !x.is_data_frame() {
        return err("'x' must be a data frame");
    }
    let path = match m.req("file")?.as_string() {
        Some(p) => p,
        None => return err("'file' must be a single file path"),
    };
    let bytes = polars_io::write_parquet(&x)
        .or_else(|e| err(format!("cannot write Parquet file '{}': {}", path, e)))?;
    write_atomic_bytes(it, &path, &bytes)?;
    it.visible = false;
    Ok(Value::Null)
}

fn scan_csv(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["file", "sep", "na.strings"])?;
    let path = path_arg(it, m.req("file")?, "file")?;
    let sep = match m.get("sep").and_then(|v| v.as_string()) {
        None => b',',
        Some(s) if s.len() == 1 && s.is_ascii() => s.as_bytes()[0],
        Some(_) => return err("'sep' must be a single ASCII character"),
    };
    let na = m
        .get("na.strings")
        .and_then(|v| v.as_strings())
        .unwrap_or_else(|| vec!["NA".into()]);
    polars_io::scan_csv(&path, sep, &na).or_else(|e| err(format!("cannot scan '{}': {}", path, e)))
}

fn scan_parquet(it: &mut Interp, m: Matched) -> EvalResult {
    let path = path_arg(it, m.req("file")?, "file")?;
    polars_io::scan_parquet(&path).or_else(|e| err(format!("cannot scan '{}': {}", path, e)))
}

fn collect(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "n"])?;
    let x = m.req("x")?;
    let n = m
        .get("n")
        .and_then(|v| v.as_f64())
        .filter(|n| *n >= 0.0)
        .map(|n| n as usize);
    if let Value::Extern(e) = x {
        let max = it
            .options
            .iter()
            .find(|(k, _)| k == "rsc.spark.collect.max")
            .and_then(|(_, v)| v.as_f64())
            .filter(|v| *v >= 0.0)
            .map_or(1_000_000, |v| v as usize);
        if let Some(r) = e.0.collect(n, max) {
            return r.or_else(err);
        }
    }
    match polars_io::as_lazy(x) {
        Some(lf) => polars_io::collect(lf, n).or_else(|e| err(format!("collect failed: {}", e))),
        None if x.is_data_frame() => Ok(x.clone()),
        None => err("'x' must be a lazy frame (from scan_csv or scan_parquet)"),
    }
}

/// `head(lazy, n)`: collects only the first `n` rows.
pub fn lazy_head(x: &Value, n: usize) -> Option<EvalResult> {
    if let Value::Extern(e) = x {
        if let Some(r) = e.0.head(n) {
            return Some(r.or_else(err));
        }
    }
    let lf = polars_io::as_lazy(x)?;
    Some(polars_io::collect(lf, Some(n)).or_else(|e| err(format!("collect failed: {}", e))))
}
