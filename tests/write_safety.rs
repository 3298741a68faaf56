//! Writers never lose data: killing `rsc` in the middle of `write.csv` leaves the file
//! that was there byte for byte; a failing write leaves it too.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn fresh_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rsc-write-safety-{}-{}", std::process::id(), tag));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.contains("rsc-tmp"))
                .collect()
        })
        .unwrap_or_default()
}

const GOOD: &str = "\"a\",\"b\"\n1,\"keep me\"\n2,\"and me\"\n";

/// Starts a writer of a large frame over `target` and SIGKILLs it once its temporary file
/// appears (that is, in the middle of writing), or after `fallback`.
fn kill_mid_write(dir: &Path, target: &Path, fallback: Duration) -> bool {
    let script = format!(
        "n <- 400000\nd <- data.frame(x = seq_len(n) / 7, y = rep(c('alpha', 'beta'), n / 2), z = seq_len(n))\nwrite.csv(d, '{}')\n",
        target.display()
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_rsc"))
        .arg("-e")
        .arg(&script)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start rsc");
    let start = Instant::now();
    let mut caught = false;
    while start.elapsed() < fallback {
        if !temp_files(dir).is_empty() {
            caught = true;
            break;
        }
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
    caught
}

#[test]
fn killed_writer_leaves_the_old_file_intact() {
    let dir = fresh_dir("kill");
    let target = dir.join("data.csv");
    let mut caught_mid_write = 0;
    for attempt in 0..5 {
        std::fs::write(&target, GOOD).expect("seed file");
        let caught = kill_mid_write(&dir, &target, Duration::from_secs(60));
        let now = std::fs::read(&target).expect("target still there");
        if caught {
            caught_mid_write += 1;
            assert_eq!(
                now,
                GOOD.as_bytes(),
                "attempt {}: the old file changed under a killed writer",
                attempt
            );
        } else {
            // the writer finished before the kill: then the new file must be complete
            let text = String::from_utf8_lossy(&now);
            assert!(
                text == GOOD || (text.lines().count() == 400_001 && text.ends_with('\n')),
                "attempt {}: partial file",
                attempt
            );
        }
        for t in temp_files(&dir) {
            let _ = std::fs::remove_file(dir.join(t));
        }
    }
    assert!(caught_mid_write > 0, "never caught the writer mid-write");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn kill_at_fixed_delays_never_truncates() {
    let dir = fresh_dir("delays");
    let target = dir.join("out.csv");
    for ms in [100u64, 400, 1500] {
        std::fs::write(&target, GOOD).expect("seed file");
        let script = format!(
            "d <- data.frame(x = runif(300000), y = sample(letters, 300000, TRUE))\nwrite.csv(d, '{}')\n",
            target.display()
        );
        let mut child = Command::new(env!("CARGO_BIN_EXE_rsc"))
            .arg("-e")
            .arg(&script)
            .spawn()
            .expect("start rsc");
        std::thread::sleep(Duration::from_millis(ms));
        let _ = child.kill();
        let _ = child.wait();
        let text = std::fs::read_to_string(&target).expect("target still there");
        assert!(
            text == GOOD || (text.lines().count() == 300_001 && text.ends_with('\n')),
            "killed after {} ms: partial file",
            ms
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn completed_and_failed_writes() {
    let dir = fresh_dir("complete");
    let target = dir.join("small.csv");
    std::fs::write(&target, GOOD).expect("seed file");
    let out = Command::new(env!("CARGO_BIN_EXE_rsc"))
        .arg("-e")
        .arg(format!(
            "write.csv(data.frame(a = 1:2, b = c('x', 'y')), '{}', row.names = FALSE)",
            target.display()
        ))
        .output()
        .expect("run rsc");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "\"a\",\"b\"\n1,\"x\"\n2,\"y\"\n"
    );
    assert!(temp_files(&dir).is_empty(), "temporary files left behind");
    // a write into a folder that does not exist: R's warning and error, exit status 1
    let out = Command::new(env!("CARGO_BIN_EXE_rsc"))
        .arg("-e")
        .arg(format!(
            "write.csv(data.frame(a = 1), '{}/missing/x.csv')",
            dir.display()
        ))
        .output()
        .expect("run rsc");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("cannot open the connection"), "{}", err);
    assert!(err.contains("No such file or directory"), "{}", err);
    // reading never modifies the source
    let before = std::fs::read(&target).expect("read");
    let out = Command::new(env!("CARGO_BIN_EXE_rsc"))
        .arg("-e")
        .arg(format!(
            "d <- read.csv('{}'); print(nrow(d))",
            target.display()
        ))
        .output()
        .expect("run rsc");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[1] 2\n");
    assert_eq!(std::fs::read(&target).expect("read"), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn failed_save_rds_keeps_the_old_file() {
    let dir = fresh_dir("rds");
    let target = dir.join("keep.rds");
    std::fs::write(&target, b"old contents").expect("seed file");
    // an object rsc cannot serialize (a lazy scan): an error, the old file stays
    let csv = dir.join("x.csv");
    std::fs::write(&csv, "a\n1\n").expect("csv");
    let out = Command::new(env!("CARGO_BIN_EXE_rsc"))
        .arg("-e")
        .arg(format!(
            "saveRDS(scan_csv('{}'), '{}')",
            csv.display(),
            target.display()
        ))
        .output()
        .expect("run rsc");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot serialize"));
    assert_eq!(std::fs::read(&target).expect("read"), b"old contents");
    // a good write replaces it whole, and reads back
    let out = Command::new(env!("CARGO_BIN_EXE_rsc"))
        .arg("-e")
        .arg(format!(
            "saveRDS(list(a = 1:3), '{0}'); print(readRDS('{0}')$a)",
            target.display()
        ))
        .output()
        .expect("run rsc");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[1] 1 2 3\n");
    assert!(temp_files(&dir).is_empty(), "temporary files left behind");
    let _ = std::fs::remove_dir_all(&dir);
}
