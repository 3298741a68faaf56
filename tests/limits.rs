//! Extreme inputs end in an R error and exit status 1, never a signal: deep nesting,
//! huge scripts, huge allocations, integer overflow.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the `rsc` binary on a script given on standard input.
fn run(script: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rsc"))
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start rsc");
    let mut stdin = child.stdin.take().expect("stdin");
    let text = script.to_string();
    // write from a thread: a long script can fill the pipe while rsc fills stdout
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(text.as_bytes());
    });
    let out = child.wait_with_output().expect("wait for rsc");
    writer.join().expect("writer thread");
    out
}

/// Asserts exit status 1 (not a signal) and that stderr contains `msg`.
fn fails_with(script: &str, msg: &str) {
    let out = run(script);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "status {:?}, stderr: {}",
        out.status,
        &err[..err.len().min(2000)]
    );
    assert!(
        err.contains(msg),
        "expected {:?} in stderr: {}",
        msg,
        &err[..err.len().min(2000)]
    );
    assert!(
        err.len() < 10_000,
        "error output stays short ({} bytes)",
        err.len()
    );
}

/// Asserts exit status 0 and the exact standard output.
fn prints(script: &str, expected: &str) {
    let out = run(script);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        &err[..err.len().min(2000)]
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
}

#[test]
fn deep_parentheses() {
    let n = 100_000;
    let s = format!("{}1{}\n", "(".repeat(n), ")".repeat(n));
    fails_with(&s, "Error: contextstack overflow at line 1");
}

#[test]
fn deep_braces_and_brackets() {
    let n = 100_000;
    fails_with(
        &format!("{}1{}\n", "{".repeat(n), "}".repeat(n)),
        "contextstack overflow",
    );
    fails_with(
        &format!("x <- 1; x{}\n", "[1]".repeat(n)),
        "nested too deeply",
    );
    fails_with(
        &format!("f <- function() f; f{}\n", "()".repeat(n)),
        "nested too deeply",
    );
    fails_with(
        &format!("x <- list(a = 1); x{}\n", "$a".repeat(n)),
        "nested too deeply",
    );
}

#[test]
fn deep_unary_and_binary_chains() {
    let n = 100_000;
    fails_with(&format!("{}1\n", "-".repeat(n)), "nested too deeply");
    fails_with(&format!("{}TRUE\n", "!".repeat(n)), "nested too deeply");
    fails_with(
        &format!("x <- 2; x{}\n", "^x".repeat(n)),
        "nested too deeply",
    );
    fails_with(
        &format!("x{} <- 1\n", " <- x".repeat(n)),
        "nested too deeply",
    );
    fails_with(
        &format!("{}1\n", "if (TRUE) ".repeat(n)),
        "nested too deeply",
    );
    fails_with(
        &format!("{}1\n", "function() ".repeat(n)),
        "nested too deeply",
    );
    fails_with(
        &format!("{}break\n", "repeat ".repeat(n)),
        "nested too deeply",
    );
    // a long flat sum is not nesting R refuses to parse, though evaluation has a limit
    prints(
        &format!("x <- {}\nx\n", vec!["1"; 1000].join(" + ")),
        "[1] 1000\n",
    );
}

#[test]
fn deep_recursion_with_deep_bodies() {
    // each call nests 1500 parentheses: the C-stack check stops it before the stack overflows
    let body = format!("{}f(n - 1){}", "(".repeat(1500), ")".repeat(1500));
    let s = format!("f <- function(n) if (n > 0) {} else 0\nf(4000)\n", body);
    fails_with(&s, "too close to the limit");
    fails_with(
        "f <- function(n) f(n + 1)\nf(1)\n",
        "evaluation nested too deeply",
    );
}

#[test]
fn ten_megabyte_one_line_scripts() {
    let ones = vec!["1"; 5_000_000].join(",");
    prints(&format!("x <- c({}); length(x)\n", ones), "[1] 5000000\n");
    // a syntax error at the end of a 10 MB line: the caret line is cut, not 10 MB long
    fails_with(&format!("x <- c({})))\n", ones), "Error: unexpected ')'");
    prints(
        &format!("x <- \"{}\"; nchar(x)\n", "a".repeat(10_000_000)),
        "[1] 10000000\n",
    );
    fails_with(
        &format!("{} <- 1; stop('after')\n", "a".repeat(10_000_000)),
        "after",
    );
}

#[test]
fn huge_allocations_are_errors() {
    fails_with(
        "numeric(1e12)\n",
        "Error: cannot allocate vector of size 7450.6 Gb",
    );
    fails_with(
        "x <- rep(1, 1e11)\n",
        "cannot allocate vector of size 745.1 Gb",
    );
    fails_with(
        "m <- matrix(0, 1e6, 1e6)\n",
        "cannot allocate vector of size 7450.6 Gb",
    );
    fails_with(
        "integer(1e12)\n",
        "cannot allocate vector of size 3725.3 Gb",
    );
    fails_with(
        "x <- rnorm(1e12)\n",
        "cannot allocate vector of size 7450.6 Gb",
    );
    fails_with(
        "x <- 1; x[1e12] <- 1\n",
        "cannot allocate vector of size 7823.1 Gb",
    );
    fails_with(
        "x <- outer(1:1e6, 1:1e6)\n",
        "cannot allocate vector of size 7450.6 Gb",
    );
    fails_with(
        "x <- sample(1e12)\n",
        "cannot allocate vector of size 7450.6 Gb",
    );
    fails_with(
        "x <- diag(1e6)\n",
        "cannot allocate vector of size 7450.6 Gb",
    );
    fails_with("numeric(Inf)\n", "vector size cannot be infinite");
    fails_with("numeric(-1)\n", "invalid 'length' argument");
    fails_with(
        "x <- strrep('ab', 2^30)\n",
        "R character strings are limited to 2^31-1 bytes",
    );
    fails_with(
        "sprintf('%1000000000d', 1L)\n",
        "required resulting string length 1000000000 is greater than maximal 8192",
    );
    fails_with("x <- 1:1e10\n", "Error");
    // and the session goes on after a caught one
    prints(
        "r <- tryCatch(numeric(1e12), error = function(e) conditionMessage(e))\nprint(r)\nlength(numeric(10))\n",
        "[1] \"cannot allocate vector of size 7450.6 Gb\"\n[1] 10\n",
    );
}

#[test]
fn integer_overflow_is_na_with_a_warning() {
    let out = run(".Machine$integer.max + 1L\n2147483647L * 2L\nx <- sum(c(.Machine$integer.max, 1L)); x; typeof(x)\n");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "[1] NA\n[1] NA\n[1] 2147483648\n[1] \"double\"\n"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("In .Machine$integer.max + 1L : NAs produced by integer overflow"),
        "{}",
        err
    );
    assert!(
        err.contains("In 2147483647L * 2L : NAs produced by integer overflow"),
        "{}",
        err
    );
}

#[test]
fn embedded_interpreter_stops_before_its_stack_ends() {
    // an 8 MiB thread, the default stack limit: deep recursion is an error, not a crash
    let h = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(|| {
            let mut r = rsc::Interpreter::new();
            let body = format!("{}f(n - 1){}", "(".repeat(500), ")".repeat(500));
            let e = r
                .eval(&format!(
                    "f <- function(n) if (n > 0) {} else 0\nf(4000)",
                    body
                ))
                .unwrap_err();
            assert!(
                e.message().contains("too close to the limit"),
                "{}",
                e.message()
            );
            let v: f64 = r
                .eval("g <- function(n) if (n > 0) g(n - 1) + 1 else 0; g(200)")
                .unwrap()
                .try_into()
                .unwrap();
            assert_eq!(v, 200.0);
        })
        .expect("spawn");
    h.join().expect("no crash");
}
