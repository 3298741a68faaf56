//! Errors from the command line: R's header, then `file:line:col`, the source line and a
//! caret under the spot; exit status 1.

use std::process::{Command, Output};

/// Writes `script` to a file named `name` in a fresh folder and runs `rsc` on it.
fn run_file(name: &str, script: &str) -> (Output, String) {
    let dir = std::env::temp_dir().join(format!("rsc-errors-{}-{}", std::process::id(), name));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, script).expect("write script");
    let out = Command::new(env!("CARGO_BIN_EXE_rsc"))
        .arg(&path)
        .output()
        .expect("run rsc");
    let _ = std::fs::remove_dir_all(&dir);
    (out, path.display().to_string())
}

/// The caret line's offset of `^` and the number of carets.
fn caret_at(stderr: &str) -> (usize, usize) {
    let line = stderr
        .lines()
        .find(|l| l.contains('^') && l.trim_start().starts_with('|'))
        .expect("a caret line");
    let body = &line[line.find('|').expect("gutter") + 2..];
    let start = body.find('^').expect("caret");
    (
        start,
        body[start..].chars().take_while(|&c| c == '^').count(),
    )
}

/// The source line shown in the diagnostic (after `N | `).
fn shown_line(stderr: &str, n: usize) -> String {
    let prefix = format!("{} | ", n);
    stderr
        .lines()
        .find(|l| l.starts_with(&prefix))
        .map(|l| l[prefix.len()..].to_string())
        .expect("source line")
}

#[test]
fn syntax_error_points_at_the_token() {
    let (out, path) = run_file("syntax.R", "x <- 1\nprint(x)\ny <- f(1))\nprint(2)\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{}", err);
    // as Rscript: the statements before the bad one ran
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[1] 1\n");
    assert!(
        err.starts_with("Error: unexpected ')' in \"y <- f(1))\"\n"),
        "{}",
        err
    );
    assert!(err.contains(&format!("--> {}:3:10", path)), "{}", err);
    assert_eq!(shown_line(&err, 3), "y <- f(1))");
    assert_eq!(caret_at(&err), (9, 1));
    assert!(err.trim_end().ends_with("Execution halted"), "{}", err);
}

#[test]
fn unfinished_input_is_an_error_at_the_end() {
    let (out, path) = run_file("eof.R", "print(1)\nx <- c(1,\n  2\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[1] 1\n");
    assert!(
        err.starts_with("Error: unexpected end of input\n"),
        "{}",
        err
    );
    assert!(err.contains(&format!("--> {}:", path)), "{}", err);
}

#[test]
fn runtime_error_shows_call_position_and_caret() {
    let (out, path) = run_file(
        "runtime.R",
        "f <- function(x) {\n  x + undefined_thing\n}\ncat('before\\n')\nf(1)\ncat('after\\n')\n",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{}", err);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "before\n",
        "nothing runs after the error"
    );
    assert!(
        err.starts_with("Error in f(1) : object 'undefined_thing' not found\n"),
        "{}",
        err
    );
    assert!(err.contains(&format!("--> {}:2:7", path)), "{}", err);
    assert_eq!(shown_line(&err, 2), "  x + undefined_thing");
    assert_eq!(caret_at(&err), (6, "undefined_thing".len()));
}

#[test]
fn stop_in_a_function_names_the_call() {
    let (out, path) = run_file(
        "stop.R",
        "check <- function(v) if (v < 0) stop(\"negative: \", v)\ncheck(1)\ncheck(-2)\n",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.starts_with("Error in check(-2) : negative: -2\n"),
        "{}",
        err
    );
    assert!(err.contains(&format!("--> {}:", path)), "{}", err);
    let (_, width) = caret_at(&err);
    assert!(width >= 1);
}

#[test]
fn wrong_type_error_is_r_worded() {
    let (out, path) = run_file("types.R", "x <- \"a\"\ny <- x + 1\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.starts_with("Error in x + 1 : non-numeric argument to binary operator\n"),
        "{}",
        err
    );
    assert!(err.contains(&format!("--> {}:2:6", path)), "{}", err);
    assert_eq!(shown_line(&err, 2), "y <- x + 1");
    assert_eq!(caret_at(&err), (5, 5));
}

#[test]
fn missing_script_file_is_status_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_rsc"))
        .arg("/nonexistent/script.R")
        .output()
        .expect("run rsc");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot open file '/nonexistent/script.R'")
    );
}

#[test]
fn streamed_fits_refuse_what_needs_all_rows() {
    let dir = std::env::temp_dir().join(format!("rsc-errors-{}-stream", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let csv = dir.join("d.csv");
    std::fs::write(&csv, "y,x\n1,2\n3,5\n2,1\n5,7\n4,4\n").expect("write csv");
    let cases = [
        (
            "fit <- lm(y ~ poly(x, 2), data = scan_csv('D'))",
            "'poly()' terms depend on all the data and cannot be streamed",
        ),
        (
            "fit <- lm(y ~ x, data = scan_csv('D'))\nresiduals(fit)",
            "residuals of a fit streamed from a lazy frame are not kept",
        ),
        (
            "fit <- lm(y ~ x, data = scan_csv('D'))\nfitted(fit)",
            "fitted values of a fit streamed from a lazy frame are not kept",
        ),
        (
            "fit <- lm(cbind(y, x) ~ 1, data = scan_csv('D'))",
            "a matrix response cannot be streamed",
        ),
    ];
    for (src, msg) in cases {
        let (out, _) = run_file("stream.R", &src.replace('D', &csv.display().to_string()));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}", err);
        assert!(err.contains(msg), "{}: {}", src, err);
    }
    // a row far past the first ones that does not fit its column's type
    let late = dir.join("late.csv");
    let mut text = String::from("y,x\n");
    for i in 0..30000 {
        text.push_str(&format!(
            "{},{}\n",
            i,
            if i == 25000 {
                "abc".to_string()
            } else {
                (i % 7).to_string()
            }
        ));
    }
    std::fs::write(&late, text).expect("write csv");
    let src = format!(
        "options(rsc.stream.rows = 1000)\nfit <- lm(y ~ x, data = scan_csv('{}'))",
        late.display()
    );
    let (out, _) = run_file("late.R", &src);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{}", err);
    assert!(
        err.contains("does not fit the column types of the first rows"),
        "{}",
        err
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `q(status = n)` ends the script with that exit status, after flushing what was printed,
/// and no handler can catch it.
#[test]
fn quit_ends_the_script_with_its_status() {
    let (out, _) = run_file(
        "quit.rsc",
        "cat('a\\n')\ntryCatch(q(status = 3), error = function(e) cat('caught\\n'), finally = cat('f\\n'))\ncat('b\\n')\n",
    );
    assert_eq!(out.status.code(), Some(3));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("a\n"), "{}", stdout);
    assert!(
        !stdout.contains("caught") && !stdout.contains("b\n"),
        "{}",
        stdout
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (out, _) = run_file(
        "quit0.rsc",
        "f <- function() q()\nf()\nstop('not reached')\n",
    );
    assert_eq!(out.status.code(), Some(0));
}
