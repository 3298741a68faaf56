//! Writes that must not lose data, whatever the target is: appends, FIFOs and devices
//! written through, read-only files refused, hard links kept; and reads that keep the
//! data: declared encodings, a UTF-8 byte-order mark, CR-only line ends.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fresh_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rsc-write-targets-{}-{}", std::process::id(), tag));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn rsc(script: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rsc"))
        .arg("-e")
        .arg(script)
        .output()
        .expect("run rsc")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[cfg(unix)]
fn mkfifo(p: &Path) -> bool {
    Command::new("mkfifo").arg(p).status().is_ok_and(|s| s.success())
}

#[test]
fn write_table_appends() {
    let dir = fresh_dir("append");
    let f = dir.join("log.txt");
    let o = rsc(&format!(
        "d <- data.frame(a = 1:2)\nfor (i in 1:3) write.table(d, '{0}', append = TRUE, col.names = FALSE)\n\
         print(length(readLines('{0}')))",
        f.display()
    ));
    assert_eq!(stdout(&o), "[1] 6\n", "{}", String::from_utf8_lossy(&o.stderr));
    // write.csv ignores append, with R's warning
    let o = rsc(&format!("write.csv(data.frame(a = 1), '{0}', append = TRUE)", f.display()));
    assert!(String::from_utf8_lossy(&o.stderr).contains("attempt to set 'append' ignored"));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "\"\",\"a\"\n\"1\",1\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn fifos_are_written_through() {
    use std::os::unix::fs::FileTypeExt;
    let dir = fresh_dir("fifo");
    let fifo = dir.join("pipe");
    if !mkfifo(&fifo) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    for script in [
        "write.csv(data.frame(a = 1:2), '{}', row.names = FALSE)",
        "cat('a\\n1\\n2\\n', file = '{}')",
        "writeLines(c('a', '1', '2'), '{}')",
    ] {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(&fifo).unwrap_or_default())
        };
        let o = rsc(&script.replace("{}", &fifo.display().to_string()));
        assert_eq!(o.status.code(), Some(0), "{}: {}", script, String::from_utf8_lossy(&o.stderr));
        let got = reader.join().unwrap();
        assert_eq!(got.replace('"', ""), "a\n1\n2\n", "{}", script);
        let meta = std::fs::symlink_metadata(&fifo).unwrap();
        assert!(meta.file_type().is_fifo(), "{} replaced the FIFO", script);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn devices_are_written_through() {
    use std::os::unix::fs::FileTypeExt;
    // a null device node of our own (never the machine's /dev/null: a regression would
    // replace it with a regular file for everyone)
    let dir = fresh_dir("device");
    let node = dir.join("null");
    let made = Command::new("mknod").arg(&node).args(["c", "1", "3"]).status().is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: cannot make a device node here (mknod needs root)");
        return;
    }
    let o = rsc(&format!(
        "write.csv(data.frame(a = 1:3), '{0}'); cat('x', file = '{0}'); writeLines('y', '{0}'); print('ok')",
        node.display()
    ));
    assert_eq!(stdout(&o), "[1] \"ok\"\n", "{}", String::from_utf8_lossy(&o.stderr));
    let meta = std::fs::symlink_metadata(&node).unwrap();
    assert!(meta.file_type().is_char_device(), "the device node was replaced by a regular file");
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(names.len(), 1, "files left beside the device: {:?}", names);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Whether this process can run a command as `nobody` (it is root and has `setpriv`).
#[cfg(unix)]
fn can_drop_privileges() -> bool {
    // SAFETY: geteuid has no preconditions
    #[allow(unsafe_code)]
    let root = unsafe { libc::geteuid() } == 0;
    root && Command::new("setpriv").arg("--version").output().is_ok_and(|o| o.status.success())
}

#[cfg(unix)]
#[test]
fn read_only_files_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = fresh_dir("readonly");
    let f = dir.join("locked.csv");
    std::fs::write(&f, "keep\n").unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let script = format!("write.csv(data.frame(a = 1), '{}')", f.display());
    // SAFETY: geteuid has no preconditions
    #[allow(unsafe_code)]
    let root = unsafe { libc::geteuid() } == 0;
    let o = if !root {
        rsc(&script)
    } else if can_drop_privileges() {
        let bin = PathBuf::from(env!("CARGO_BIN_EXE_rsc"));
        let probe = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin)
            .args(["-e", "cat('ok')"])
            .output();
        if !probe.is_ok_and(|o| stdout(&o) == "ok") {
            eprintln!("skipped: the rsc binary is not runnable as nobody here");
            return;
        }
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin)
            .args(["-e", &script])
            .output()
            .expect("run rsc as nobody")
    } else {
        eprintln!("skipped: running as root without setpriv, cannot test as a non-root user");
        return;
    };
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{}", err);
    assert!(err.contains(&format!("cannot open file '{}': Permission denied", f.display())), "{}", err);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "keep\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn hard_links_keep_sharing_the_content() {
    let dir = fresh_dir("hardlink");
    let a = dir.join("a.csv");
    let b = dir.join("b.csv");
    std::fs::write(&a, "old\n").unwrap();
    std::fs::hard_link(&a, &b).unwrap();
    let o = rsc(&format!("write.csv(data.frame(x = 1), '{}', row.names = FALSE)", a.display()));
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), "\"x\"\n1\n");
    assert_eq!(std::fs::read_to_string(&b).unwrap(), "\"x\"\n1\n", "the other name kept the old content");
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(names.len(), 2, "backup or temporary files left: {:?}", names);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn latin1_round_trip_keeps_the_bytes() {
    let dir = fresh_dir("latin1");
    let src = dir.join("in.csv");
    let out = dir.join("out.csv");
    std::fs::write(&src, b"name,n\ncaf\xe9,1\nna\xefve,2\n").unwrap();
    let o = rsc(&format!(
        "d <- read.csv('{0}', fileEncoding = 'latin1')\nprint(d$name)\n\
         write.csv(d, '{1}', row.names = FALSE, fileEncoding = 'latin1')\n\
         print(readLines('{0}', encoding = 'latin1'))\n\
         con <- file('{0}', encoding = 'latin1'); print(readLines(con)); close(con)",
        src.display(),
        out.display()
    ));
    assert_eq!(
        stdout(&o),
        "[1] \"café\"  \"naïve\"\n[1] \"name,n\"  \"café,1\"  \"naïve,2\"\n[1] \"name,n\"  \"café,1\"  \"naïve,2\"\n",
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"\"name\",\"n\"\n\"caf\xe9\",1\n\"na\xefve\",2\n");
    // windows-1252 and UTF-16
    std::fs::write(&src, b"a\n\x80 5\n").unwrap();
    let o = rsc(&format!("print(readLines('{}', encoding = 'windows-1252'))", src.display()));
    assert_eq!(stdout(&o), "[1] \"a\"   \"€ 5\"\n");
    std::fs::write(&src, b"\xff\xfea\0,\0b\0\n\x001\0,\x002\0\n\0").unwrap();
    let o = rsc(&format!("print(read.csv('{}', fileEncoding = 'UTF-16'))", src.display()));
    assert_eq!(stdout(&o), "  a b\n1 1 2\n", "{}", String::from_utf8_lossy(&o.stderr));
    // undeclared invalid UTF-8 is not changed silently
    std::fs::write(&src, b"x\ncaf\xe9\n").unwrap();
    let o = rsc(&format!("x <- readLines('{}')", src.display()));
    assert!(String::from_utf8_lossy(&o.stderr).contains("invalid input"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn byte_order_mark_and_cr_line_ends() {
    let dir = fresh_dir("bom");
    let bom = dir.join("bom.csv");
    let cr = dir.join("cr.csv");
    std::fs::write(&bom, b"\xef\xbb\xbfa,b\n1,2\n").unwrap();
    std::fs::write(&cr, b"a,b\r1,2\r3,4\r").unwrap();
    let o = rsc(&format!(
        "print(names(read.csv('{0}')))\nprint(readLines('{0}'))\nprint(read.csv('{1}'))\nprint(readLines('{1}'))\n\
         print(read.table('{1}', header = TRUE, sep = ','))",
        bom.display(),
        cr.display()
    ));
    assert_eq!(
        stdout(&o),
        "[1] \"a\" \"b\"\n[1] \"a,b\" \"1,2\"\n  a b\n1 1 2\n2 3 4\n[1] \"a,b\" \"1,2\" \"3,4\"\n  a b\n1 1 2\n2 3 4\n",
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
