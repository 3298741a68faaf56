//! The sandbox holds: scripts an attacker writes, each refused by `Interpreter::sandboxed()`
//! (its capabilities) or stopped by its budgets, which no handler can catch.

use rsc::{ErrorKind, Interpreter};
use std::time::{Duration, Instant};

/// A sandbox as `sandboxed()` makes it, with a short time budget so the tests are quick.
fn sandbox() -> Interpreter {
    Interpreter::sandbox_builder()
        .time_limit(Duration::from_millis(300))
        .build()
}

/// Where the probes would write: must stay absent.
fn probe_path(tag: &str) -> String {
    std::env::temp_dir()
        .join(format!("rsc-sandbox-probe-{}-{}", std::process::id(), tag))
        .to_string_lossy()
        .replace('\\', "/")
}

/// Runs `f` on a thread with the 8 MiB stack the evaluator's stack guard is calibrated
/// for (test threads get 2 MiB).
fn on_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// Runs `src` in a fresh sandbox and returns the error kind it ended with (None: it
/// finished), after checking it ended within a few seconds.
fn outcome(src: &str) -> Option<ErrorKind> {
    let src = src.to_string();
    on_stack(move || {
        let mut sb = sandbox();
        let t = Instant::now();
        let r = sb.eval(&src);
        assert!(t.elapsed() < Duration::from_secs(10), "{} ran for {:?}", src, t.elapsed());
        r.err().map(|e| e.kind())
    })
}

fn denied(src: &str) {
    assert_eq!(outcome(src), Some(ErrorKind::Denied), "not refused: {}", src);
}

fn stopped(src: &str) {
    assert_eq!(outcome(src), Some(ErrorKind::Limit), "not stopped by a budget: {}", src);
}

#[test]
fn environment_variables() {
    for src in [
        "Sys.getenv()",
        "Sys.getenv('HOME')",
        "Sys.setenv(RSC_SANDBOX_PROBE = '1')",
        "Sys.unsetenv('PATH')",
        "do.call('Sys.getenv', list('HOME'))",
        "f <- Sys.getenv; f('PATH')",
        "lapply('HOME', Sys.getenv)",
        "get('Sys.getenv')('HOME')",
        "match.fun('Sys.getenv')('PATH')",
        "base::Sys.getenv('HOME')",
        "sapply(c('HOME', 'PATH'), function(v) Sys.getenv(v))",
        "tryCatch(Sys.getenv('HOME'), error = function(e) 'x')",
    ] {
        if src.contains("tryCatch") {
            // a refusal is an R error a script may catch, but it learns nothing
            let mut sb = sandbox();
            let v: String = sb.eval(src).unwrap().try_into().unwrap();
            assert_eq!(v, "x");
            continue;
        }
        denied(src);
    }
    assert!(std::env::var("RSC_SANDBOX_PROBE").is_err());
}

#[test]
fn files() {
    let p = probe_path("files");
    for src in [
        "readLines('/etc/passwd')".to_string(),
        "read.csv('/etc/passwd')".into(),
        "read.table('/etc/hostname')".into(),
        "file.exists('/etc/passwd')".into(),
        "scan('/etc/passwd', what = '')".into(),
        "source('/etc/passwd')".into(),
        "readRDS('/etc/passwd')".into(),
        "load('/etc/passwd')".into(),
        "parse(file = '/etc/passwd')".into(),
        "con <- file('/etc/passwd'); readLines(con)".into(),
        "con <- file('/etc/passwd', 'r')".into(),
        "readLines(gzfile('/etc/passwd'))".into(),
        "readLines('~/.bashrc')".into(),
        format!("writeLines('x', '{}')", p),
        format!("cat('x', file = '{}')", p),
        format!("cat('x', file = '{}', append = TRUE)", p),
        format!("write.csv(mtcars, '{}')", p),
        format!("write.table(mtcars, '{}', append = TRUE)", p),
        format!("saveRDS(1, '{}')", p),
        format!("x <- 1; save(x, file = '{}')", p),
        format!("sink('{}')", p),
        format!("con <- file('{}', 'w')", p),
        format!("con <- file('{}'); writeLines('x', con)", p),
        format!("dput(1, file = '{}')", p),
        format!("pdf('{}'); plot(1); dev.off()", p),
        format!("png('{}'); plot(1); dev.off()", p),
        format!("file.remove('{}')", p),
        format!("unlink('{}')", p),
    ] {
        denied(&src);
    }
    assert!(!std::path::Path::new(&p).exists(), "a probe wrote {}", p);
}

#[test]
fn working_directory_and_host_paths() {
    let before = std::env::current_dir().unwrap();
    for src in [
        "getwd()",
        "setwd('/')",
        "tempdir()",
        "tempfile()",
        "R.home()",
        "system.file(package = 'stats')",
        "Sys.getpid()",
    ] {
        denied(src);
    }
    assert_eq!(std::env::current_dir().unwrap(), before);
}

#[test]
fn every_wholly_gated_builtin_is_refused() {
    // the table of gated builtins, applied: each one called through the sandbox
    for (name, gate) in rsc::builtins::world::WORLD {
        if let rsc::builtins::world::Gate::Whole(_) = gate {
            let mut sb = sandbox();
            if sb.eval(&format!("exists('{}')", name)).ok().and_then(|v| bool::try_from(v).ok()) != Some(true) {
                continue;
            }
            let e = sb.eval(&format!("`{}`()", name)).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Denied, "{}: {}", name, e);
        }
    }
}

#[test]
fn system_commands() {
    for src in ["system('touch /tmp/rsc-pwned')", "system2('id')", "shell('id')"] {
        // no such functions: an error, and nothing ran
        assert!(outcome(src).is_some(), "{}", src);
    }
    assert!(!std::path::Path::new("/tmp/rsc-pwned").exists());
}

#[test]
fn budgets_cannot_be_caught() {
    for src in [
        "repeat {}",
        "repeat try(repeat {}, silent = TRUE)",
        "repeat try(repeat {})",
        "tryCatch(repeat {}, error = function(e) 'caught')",
        "tryCatch(repeat {}, condition = function(e) 'caught')",
        "tryCatch(repeat {}, interrupt = function(e) 'caught')",
        "repeat tryCatch(repeat {}, error = function(e) NULL, finally = NULL)",
        "withCallingHandlers(repeat {}, error = function(e) invokeRestart('muffleWarning'))",
        "withCallingHandlers(repeat {}, condition = function(e) NULL)",
        "f <- function() { on.exit(repeat {}); repeat {} }; f()",
        "f <- function() { on.exit(f()); repeat {} }; f()",
        "tryCatch(repeat {}, finally = repeat {})",
        "while (TRUE) { r <- try(while (TRUE) {}, silent = TRUE); if (inherits(r, 'try-error')) next }",
        "Sys.sleep(60)",
        "f <- function(n) tryCatch(f(n + 1), error = function(e) f(n + 1)); f(1)",
        "repeat tryCatch(stop('x'), error = function(e) NULL)",
        "x <- 0; repeat x <- x + 1",
        "Reduce(function(a, b) a + b, seq_len(1e7))",
        "sapply(seq_len(1e7), function(i) i)",
    ] {
        stopped(src);
    }
}

/// Decompositions of a large matrix run inside nalgebra, which cannot poll: the call
/// still ends at the budget (they take tens of seconds here).
#[test]
fn long_builtins_stop_at_the_budget() {
    for src in [
        "x <- matrix(runif(4e6), 2000); s <- svd(x)",
        "x <- matrix(runif(4e6), 2000); e <- eigen(x)",
        "x <- matrix(runif(4e6), 2000); for (i in 1:20) y <- x %*% x",
    ] {
        let code = src.to_string();
        let (kind, took) = on_stack(move || {
            let mut sb = sandbox();
            let t = Instant::now();
            let k = sb.eval(&code).err().map(|e| e.kind());
            (k, t.elapsed())
        });
        assert_eq!(kind, Some(ErrorKind::Limit), "not stopped: {}", src);
        assert!(took < Duration::from_secs(3), "{} stopped only after {:?}", src, took);
    }
}

#[test]
fn a_budget_stop_leaves_the_sandbox_usable() {
    let mut sb = sandbox();
    assert_eq!(sb.eval("repeat try(repeat {}, silent = TRUE)").unwrap_err().kind(), ErrorKind::Limit);
    let v: f64 = sb.eval("1 + 1").unwrap().try_into().unwrap();
    assert_eq!(v, 2.0);
}

#[test]
fn memory() {
    for src in [
        "x <- numeric(1e9)",
        "x <- rep(1, 1e12)",
        "x <- matrix(0, 1e5, 1e5)",
        "x <- 1:1e10",
        "x <- seq_len(1e10) + 0",
    ] {
        let k = outcome(src);
        assert!(k.is_some(), "{} was allowed", src);
    }
    // many vectors below the per-vector cap: the total cap stops it, uncatchably (a lower
    // cap than the sandbox's gigabyte, to keep the test light)
    let (kind, msg) = on_stack(|| {
        let mut sb = Interpreter::sandbox_builder()
            .time_limit(Duration::from_secs(20))
            .max_memory_bytes(200 << 20)
            .build();
        let e = sb
            .eval("x <- list(); repeat try(x[[length(x) + 1]] <- numeric(2e6) + runif(1), silent = TRUE)")
            .unwrap_err();
        (e.kind(), e.message().to_string())
    });
    assert_eq!(kind, ErrorKind::Limit, "{}", msg);
    assert!(msg.contains("memory"), "{}", msg);
}

#[test]
fn recursion_and_output() {
    for src in [
        "f <- function(n) f(n + 1); f(1)",
        "options(expressions = 500000); f <- function(n) f(n + 1); f(1)",
        "f <- function(n) 1 + f(n + 1); f(1)",
        "x <- quote(a); for (i in 1:2e4) x <- call('f', x); eval(x)",
        "repeat cat(strrep('x', 1e5))",
        "repeat print(1:1000)",
    ] {
        assert!(outcome(src).is_some(), "{} finished", src);
    }
}

#[test]
fn quit_ends_the_evaluation_not_the_host() {
    let mut sb = sandbox();
    let e = sb.eval("quit(status = 3)").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Quit);
    let e = sb.eval("try(quit(status = 3))").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Quit);
}
