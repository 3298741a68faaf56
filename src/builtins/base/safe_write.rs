//! Writing files without losing data. The rule, by what the target is:
//!
//! - a regular file with one name (or no file yet): written in full to a temporary file in
//!   the target's own folder, flushed to disk, then renamed over the target; the folder is
//!   flushed too. A crash, a kill or an error at any point leaves either the old file or the
//!   complete new one, never a truncated mix. The old file's permissions carry over.
//! - a regular file with several names (hard links): the old content is first copied to a
//!   backup beside it, then the file is rewritten in place, so every name sees the new
//!   content; a failed write puts the old content back, and a crash leaves the backup
//!   (`.NAME.rsc-backup-...`).
//! - anything else (a FIFO, a device such as `/dev/null`, a socket): written through, in
//!   place, as R does; nothing is renamed over it.
//!
//! A file the process may not write is refused as the OS would refuse it (R's
//! `cannot open file '...': Permission denied`), even when its folder is writable.
//! A symbolic link is followed: the link stays and its target is written.

use crate::error::{err, EvalResult};
use crate::eval::Interp;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Distinguishes temporary files of one process.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Where a step failed: opening the target or creating the temporary file (R's "cannot
/// open"), or later.
pub enum WriteError {
    Open(std::io::Error),
    Write(std::io::Error),
}

/// A fresh name beside `target` for a temporary file of the given kind.
fn sibling(dir: &Path, target: &Path, kind: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.join(format!(
        ".{}.rsc-{}-{}-{}",
        name,
        kind,
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

#[cfg(unix)]
fn link_count(m: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(m)
}
#[cfg(not(unix))]
fn link_count(_m: &std::fs::Metadata) -> u64 {
    1
}

/// Writes `bytes` to `path` following the rule in the module documentation.
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    // FIFOs, devices, sockets, also behind a link (`/dev/stdout` on a pipe), and folders
    // (which fail to open, as R's do): written through the name given
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return write_in_place(path, bytes, false);
    }
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
    let existing = std::fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        // refuse where the OS would, before anything is written
        OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(WriteError::Open)?;
        if link_count(meta) > 1 {
            return write_with_backup(&dir, &target, bytes);
        }
    }
    let tmp = sibling(&dir, &target, "tmp");
    let mut f = match OpenOptions::new().write(true).create_new(true).open(&tmp) {
        Ok(f) => f,
        // a writable file in a folder we may not create files in: written in place, as R
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied && existing.is_some() => {
            return write_in_place(&target, bytes, true);
        }
        Err(e) => return Err(WriteError::Open(e)),
    };
    let r = (|| {
        if let Some(meta) = &existing {
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

/// Truncates and writes the target itself (flushed to disk when `sync`).
fn write_in_place(target: &Path, bytes: &[u8], sync: bool) -> Result<(), WriteError> {
    let mut f = OpenOptions::new()
        .write(true)
        .truncate(true)
        .create(true)
        .open(target)
        .map_err(WriteError::Open)?;
    f.write_all(bytes).map_err(WriteError::Write)?;
    f.flush().map_err(WriteError::Write)?;
    if sync {
        f.sync_all().map_err(WriteError::Write)?;
    }
    Ok(())
}

/// Rewrites a regular file in place (keeping its inode, so hard links see the new content),
/// with a backup of the old content beside it that restores it when the write fails.
fn write_with_backup(dir: &Path, target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let backup = sibling(dir, target, "backup");
    let old = std::fs::read(target).map_err(WriteError::Open)?;
    let saved = (|| -> std::io::Result<()> {
        let mut b = OpenOptions::new().write(true).create_new(true).open(&backup)?;
        b.write_all(&old)?;
        b.sync_all()
    })();
    if let Err(e) = saved {
        let _ = std::fs::remove_file(&backup);
        return Err(WriteError::Write(e));
    }
    match write_in_place(target, bytes, true) {
        Ok(()) => {
            let _ = std::fs::remove_file(&backup);
            Ok(())
        }
        Err(e) => {
            // the old content fits where it was: put it back, then drop the backup
            if write_in_place(target, &old, true).is_ok() {
                let _ = std::fs::remove_file(&backup);
            }
            Err(e)
        }
    }
}

/// The reason R gives for a failed file operation.
fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}


/// Writes `text` to `path` for a script (`write.csv`, `writeLines`, `cat(file =)`): the
/// capability check, the atomic replacement, and R's warning and error when the file
/// cannot be opened.
pub fn write_text(it: &mut Interp, path: &str, text: &str) -> EvalResult<()> {
    write_bytes(it, path, text.as_bytes())
}

/// [`write_text`] for any bytes (`write_parquet`).
pub fn write_bytes(it: &mut Interp, path: &str, bytes: &[u8]) -> EvalResult<()> {
    it.require(crate::eval::Cap::FilesWrite, path)?;
    match replace_file(Path::new(&crate::builtins::base::connections::expand(path)), bytes) {
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
    append_bytes(it, path, text.as_bytes())
}

/// [`append_text`] for bytes.
pub fn append_bytes(it: &mut Interp, path: &str, text: &[u8]) -> EvalResult<()> {
    it.require(crate::eval::Cap::FilesWrite, path)?;
    let full = crate::builtins::base::connections::expand(path);
    let mut f = match OpenOptions::new().create(true).append(true).open(&full) {
        Ok(f) => f,
        Err(e) => {
            it.warning(format!("cannot open file '{}': {}", path, reason(&e)));
            return err("cannot open the connection");
        }
    };
    // FIFOs and devices are written through; only regular files can be flushed to disk
    let regular = f.metadata().map(|m| m.is_file()).unwrap_or(false);
    match f.write_all(text).and_then(|_| if regular { f.sync_all() } else { Ok(()) }) {
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
