//! The bridge between values and external data: CSV and Parquet files, polars frames and the
//! embedded data sets. Only this module (and the stats modules) name polars types.

pub mod bridge;
pub mod csv;
pub mod datasets;
pub mod polars_io;

/// The reason R gives for a failed file open.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}
