//! The bridge between values and external data: CSV and Parquet files, polars frames and the
//! embedded data sets. Only this module (and the stats modules) name polars types.

pub mod bridge;
pub mod csv;
pub mod csv_blocks;
pub mod csv_fast;
pub mod datasets;
pub mod polars_io;
pub mod rds;

/// The reason R gives for a failed file open.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

thread_local! {
    /// Set while a [`guarded`] call runs: its panics are reported as errors, not printed.
    static QUIET_PANICS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs a call into polars, turning a panic inside it (an unsupported type, a malformed
/// file it does not check) into an error message instead of ending the process.
pub fn guarded<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET_PANICS.with(|q| q.get()) {
                previous(info);
            }
        }));
    });
    let was = QUIET_PANICS.with(|q| q.replace(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET_PANICS.with(|q| q.set(was));
    match r {
        Ok(r) => r,
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned());
            Err(format!(
                "internal error in the data engine: {}",
                msg.unwrap_or_else(|| "unknown".into())
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn guarded_turns_panics_into_errors() {
        let r: Result<(), String> = super::guarded(|| panic!("boom"));
        assert_eq!(
            r,
            Err("internal error in the data engine: boom".to_string())
        );
        assert_eq!(super::guarded(|| Ok::<i32, String>(3)), Ok(3));
    }
}
