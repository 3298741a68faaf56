//! Writing files without losing data. A file is written in full to a temporary file in
//! the target's own folder, flushed to disk, then renamed over the target; the folder is
//! flushed too. A crash, a kill or an error at any point leaves either the old file or the
//! complete new one, never a truncated mix.

use crate::error::{err, EvalResult, RError};
use crate::eval::Interp;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Distinguishes temporary files of one process.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Where a step failed: creating the temporary file (R's "cannot open"), or later.
pub enum WriteError {
    Open(std::io::Error),
    Write(std::io::Error),
}

/// Replaces the file at `path` with `bytes` atomically (see the module documentation).
/// A symbolic link is followed, so the link stays and its target is replaced; an existing
/// file's permissions carry over to the new one.
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let target: PathBuf = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).map_err(WriteError::Open)?
        }
        _ => path.to_path_buf(),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{}.rsc-tmp-{}-{}",
        name,
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(WriteError::Open)?;
    let r = (|| {
        if let Ok(meta) = std::fs::metadata(&target) {
            f.set_permissions(meta.permissions())?;
        }
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, &target)?;
        // make the rename itself durable (not possible on every platform; best effort)
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    r.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        WriteError::Write(e)
    })
}

/// The reason R gives for a failed file operation.
fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

fn denied(path: &str) -> crate::error::Flow {
    RError::new(
        crate::error::ErrorKind::Denied,
        format!("writing files is not allowed here: '{}'", path),
    )
    .into()
}

/// Writes `text` to `path` for a script (`write.csv`, `writeLines`, `cat(file =)`): the
/// capability check, the atomic replacement, and R's warning and error when the file
/// cannot be opened.
pub fn write_text(it: &mut Interp, path: &str, text: &str) -> EvalResult<()> {
    write_bytes(it, path, text.as_bytes())
}

/// [`write_text`] for any bytes (`write_parquet`).
pub fn write_bytes(it: &mut Interp, path: &str, bytes: &[u8]) -> EvalResult<()> {
    if !it.caps.files_write {
        return Err(denied(path));
    }
    match replace_file(Path::new(path), bytes) {
        Ok(()) => Ok(()),
        Err(WriteError::Open(e)) => {
            it.warning(format!("cannot open file '{}': {}", path, reason(&e)));
            err("cannot open the connection")
        }
        Err(WriteError::Write(e)) => {
            err(format!("error writing to file '{}': {}", path, reason(&e)))
        }
    }
}

/// Appends `text` to `path` (`cat(file =, append = TRUE)`), flushed to disk.
pub fn append_text(it: &mut Interp, path: &str, text: &str) -> EvalResult<()> {
    if !it.caps.files_write {
        return Err(denied(path));
    }
    let mut f = match OpenOptions::new().create(true).append(true).open(path) {
        Ok(f) => f,
        Err(e) => {
            it.warning(format!("cannot open file '{}': {}", path, reason(&e)));
            return err("cannot open the connection");
        }
    };
    match f.write_all(text.as_bytes()).and_then(|_| f.sync_all()) {
        Ok(()) => Ok(()),
        Err(e) => err(format!("error writing to file '{}': {}", path, reason(&e))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_files_and_keeps_links() {
        let dir = std::env::temp_dir().join(format!("rsc-safe-write-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.csv");
        std::fs::write(&p, "old\n").unwrap();
        assert!(replace_file(&p, b"new\n").is_ok());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new\n");
        #[cfg(unix)]
        {
            let link = dir.join("link.csv");
            std::os::unix::fs::symlink(&p, &link).unwrap();
            assert!(replace_file(&link, b"via link\n").is_ok());
            assert!(std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink());
            assert_eq!(std::fs::read_to_string(&p).unwrap(), "via link\n");
        }
        // no temporary files are left behind
        let left: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains("rsc-tmp"))
            .collect();
        assert!(left.is_empty());
        assert!(matches!(
            replace_file(&dir.join("no/such/dir.csv"), b"x"),
            Err(WriteError::Open(_))
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
