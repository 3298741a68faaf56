//! The interactive console driven through a pseudo-terminal, as a person would use it.
#![cfg(unix)]

use rexpect::session::{spawn_command, PtySession};
use std::process::Command;

fn console() -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rsc"));
    let hist = std::env::temp_dir().join(format!("rsc-repl-test-{}", std::process::id()));
    cmd.env("RSC_HISTORY", hist)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
    let mut p = spawn_command(cmd, Some(10_000)).expect("start rsc");
    p.exp_string("> ").expect("first prompt");
    p
}

#[test]
fn continuation_prompt_for_incomplete_input() {
    let mut p = console();
    p.send_line("x <- c(1,").unwrap();
    p.exp_string("+ ").unwrap();
    p.send_line("2)").unwrap();
    p.exp_string("> ").unwrap();
    p.send_line("x * 10").unwrap();
    p.exp_string("[1] 10 20").unwrap();
    p.send_line("q()").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn an_error_does_not_end_the_session() {
    let mut p = console();
    p.send_line("y <- 5").unwrap();
    p.exp_string("> ").unwrap();
    p.send_line("undefined_name + 1").unwrap();
    p.exp_string("object 'undefined_name' not found").unwrap();
    p.exp_string("> ").unwrap();
    p.send_line("y + 1").unwrap();
    p.exp_string("[1] 6").unwrap();
    p.send_line("quit()").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn ctrl_c_interrupts_a_running_loop() {
    let mut p = console();
    p.send_line("k <- 1").unwrap();
    p.exp_string("> ").unwrap();
    p.send_line("repeat { k <- k + 1 }").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    p.send_control('c').unwrap();
    p.exp_string("> ").unwrap();
    p.send_line("k > 1").unwrap();
    p.exp_string("[1] TRUE").unwrap();
    p.send_line("q()").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn tab_completes_a_column_name() {
    let mut p = console();
    p.send_line("d <- data.frame(alpha = 1:3, beta = 4:6)")
        .unwrap();
    p.exp_string("> ").unwrap();
    p.send("sum(d$alp").unwrap();
    p.send("\t").unwrap();
    p.send_line(")").unwrap();
    p.exp_string("[1] 6").unwrap();
    p.send_line("q()").unwrap();
    p.exp_eof().unwrap();
}

/// A console whose terminal is 80 columns wide, started for the transcript tests.
fn console_sized() -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rsc"));
    let hist = std::env::temp_dir().join(format!("rsc-repl-test-{}-sized", std::process::id()));
    cmd.env("RSC_HISTORY", hist)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("COLUMNS", "80")
        .env("LINES", "24");
    let mut p = spawn_command(cmd, Some(20_000)).expect("start rsc");
    p.exp_string("> ").expect("first prompt");
    p
}

/// The screen a terminal shows after `bytes`: carriage returns, line feeds, cursor motion
/// and erasing are applied; colours and modes are ignored. Returns the screen's lines
/// (without trailing blanks), from the first line written.
fn screen(bytes: &str) -> Vec<String> {
    let mut rows: Vec<Vec<char>> = vec![Vec::new()];
    let (mut r, mut c) = (0usize, 0usize);
    let mut it = bytes.chars().peekable();
    while let Some(ch) = it.next() {
        match ch {
            '\r' => c = 0,
            '\n' => {
                r += 1;
                if rows.len() <= r {
                    rows.push(Vec::new());
                }
            }
            '\x08' => c = c.saturating_sub(1),
            '\x07' => {}
            '\x1b' => {
                if it.peek() != Some(&'[') {
                    it.next();
                    continue;
                }
                it.next();
                let mut params = String::new();
                let mut fin = ' ';
                for x in it.by_ref() {
                    if x.is_ascii_alphabetic() || x == '~' || x == '@' {
                        fin = x;
                        break;
                    }
                    params.push(x);
                }
                let n: usize = params.trim_start_matches('?').split(';').next().and_then(|s| s.parse().ok()).unwrap_or(1);
                match fin {
                    'A' => r = r.saturating_sub(n),
                    'B' => r += n,
                    'C' => c += n,
                    'D' => c = c.saturating_sub(n),
                    'G' => c = n.saturating_sub(1),
                    'K' => {
                        if let Some(row) = rows.get_mut(r) {
                            row.truncate(c);
                        }
                    }
                    'J' => {
                        if let Some(row) = rows.get_mut(r) {
                            row.truncate(c);
                        }
                        rows.truncate(r + 1);
                    }
                    _ => {}
                }
                while rows.len() <= r {
                    rows.push(Vec::new());
                }
            }
            ch => {
                let row = &mut rows[r];
                while row.len() < c {
                    row.push(' ');
                }
                if c < row.len() {
                    row[c] = ch;
                } else {
                    row.push(ch);
                }
                c += 1;
            }
        }
    }
    rows.into_iter()
        .map(|l| l.into_iter().collect::<String>().trim_end().to_string())
        .collect()
}

fn golden(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/repl").join(name);
    String::from_utf8_lossy(&std::fs::read(path).expect("golden transcript")).into_owned()
}

/// Lines of a transcript from the first prompt, with the final empty prompt dropped.
fn from_first_prompt(lines: Vec<String>) -> Vec<String> {
    let start = lines.iter().position(|l| l.starts_with("> ")).unwrap_or(0);
    let mut v: Vec<String> = lines[start..].to_vec();
    while v.last().is_some_and(|l| l.is_empty() || l == ">") {
        v.pop();
    }
    v
}

/// Reads what the console writes until `marker` has appeared and output has been quiet.
fn read_until_quiet(p: &mut PtySession, marker: &str) -> String {
    let mut seen = p.exp_string(marker).expect("marker");
    seen.push_str(marker);
    // the rest, until the final prompt
    if let Ok(rest) = p.exp_string("> ") {
        seen.push_str(&rest);
        seen.push_str("> ");
    }
    seen
}

#[test]
fn a_pasted_block_runs_line_by_line_with_r_echo() {
    // a terminal without bracketed paste sends the block as typed: R echoes each line after
    // its prompt and goes on after an error
    let block = golden("paste.R");
    let mut p = console_sized();
    p.send(&block).unwrap();
    p.flush().unwrap();
    let got = read_until_quiet(&mut p, "$ b: chr \"two\"");
    let got = from_first_prompt(screen(&format!("> {}", got)));
    let want = from_first_prompt(screen(&golden("paste.out")));
    assert_eq!(got, want);
    p.send_line("q()").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn a_bracketed_paste_stops_at_the_first_error() {
    let block = golden("paste.R");
    let mut p = console_sized();
    p.send(&format!("\x1b[200~{}\x1b[201~\r", block)).unwrap();
    p.flush().unwrap();
    let got = read_until_quiet(&mut p, "too large");
    // R's output after the pasted text: the values, then the error, and nothing after it
    let lines = screen(&got);
    let want_all = screen(&golden("paste_bracketed.out"));
    let first_out = want_all.iter().position(|l| l == "[1] 34").expect("R's output");
    let want: Vec<String> = want_all[first_out..].iter().filter(|l| !l.is_empty() && *l != ">").cloned().collect();
    let start = lines.iter().position(|l| l == "[1] 34").expect("output");
    let got: Vec<String> = lines[start..].iter().filter(|l| !l.is_empty() && *l != ">").cloned().collect();
    assert_eq!(got, want);
    p.send_line("exists(\"after1\")").unwrap();
    p.exp_string("[1] FALSE").unwrap();
    p.send_line("q()").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn typeahead_during_a_computation_runs() {
    let mut p = console();
    p.send_line("Sys.sleep(2)").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_line("ta <- 41").unwrap();
    p.send_line("ta + 1").unwrap();
    p.send_line("paste0(\"typed\", \"ahead\")").unwrap();
    p.exp_string("[1] 42").unwrap();
    p.exp_string("[1] \"typedahead\"").unwrap();
    p.send_line("q()").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn tab_lists_the_columns_of_a_data_set() {
    let mut p = console();
    p.send("mtcars$").unwrap();
    p.flush().unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    p.send("\t").unwrap();
    p.flush().unwrap();
    // the candidate list
    p.exp_string("mpg").unwrap();
    p.exp_string("carb").unwrap();
    p.send("mp\t").unwrap();
    p.flush().unwrap();
    p.send_line("[1:3]").unwrap();
    p.exp_string("[1] 21.0 21.0 22.8").unwrap();
    p.send_line("q()").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn tab_completes_argument_names_and_package_names() {
    let mut p = console();
    // lm(da<Tab> -> lm(data =
    p.send("fit <- lm(da").unwrap();
    p.flush().unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.send_line("mtcars, formula = mpg ~ wt)").unwrap();
    p.exp_string("> ").unwrap();
    p.send_line("fit$call").unwrap();
    p.exp_string("data = mtcars").unwrap();
    // closures' formals too
    p.send_line("myf <- function(alpha, beta = 2) alpha + beta").unwrap();
    p.exp_string("> ").unwrap();
    p.send("myf(al").unwrap();
    p.flush().unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.send_line("1)").unwrap();
    p.exp_string("[1] 3").unwrap();
    // stats::<Tab><Tab> lists the package's names
    p.send("stats::qno").unwrap();
    p.flush().unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.send_line("(0.5)").unwrap();
    p.exp_string("[1] 0").unwrap();
    p.send("stats::p").unwrap();
    p.flush().unwrap();
    p.send("\t").unwrap();
    p.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    p.send("\t").unwrap();
    p.flush().unwrap();
    p.exp_string("pnorm").unwrap();
    p.send_control('u').unwrap();
    p.send_line("").unwrap();
    p.send_line("q()").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn browser_steps_through_a_function() {
    let mut p = console();
    p.send_line("h <- function(x) {").unwrap();
    p.send_line("  a <- x * 2").unwrap();
    p.send_line("  b <- a + 1").unwrap();
    p.send_line("  browser()").unwrap();
    p.send_line("  a + b").unwrap();
    p.send_line("}").unwrap();
    p.send_line("h(3)").unwrap();
    p.exp_string("Called from: h(3)").unwrap();
    p.exp_string("Browse[1]> ").unwrap();
    p.send_line("a").unwrap();
    p.exp_string("[1] 6").unwrap();
    p.exp_string("Browse[1]> ").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("debug at #5: a + b").unwrap();
    p.exp_string("Browse[2]> ").unwrap();
    p.send_line("b").unwrap();
    p.exp_string("[1] 7").unwrap();
    p.send_line("c").unwrap();
    p.exp_string("[1] 13").unwrap();
    // debug(): stops before the body, then each expression
    p.send_line("k <- function(x) { y <- x + 1; y * 2 }").unwrap();
    p.exp_string("> ").unwrap();
    p.send_line("debug(k)").unwrap();
    p.exp_string("> ").unwrap();
    p.send_line("k(1)").unwrap();
    p.exp_string("debugging in: k(1)").unwrap();
    p.exp_string("Browse[2]> ").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("debug at #1: y <- x + 1").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("debug at #1: y * 2").unwrap();
    p.send_line("y").unwrap();
    p.exp_string("[1] 2").unwrap();
    p.send_line("Q").unwrap();
    p.exp_string("> ").unwrap();
    p.send_line("undebug(k); isdebugged(k)").unwrap();
    p.exp_string("[1] FALSE").unwrap();
    p.send_line("q()").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn browser_finishes_loops_and_steps_into_calls() {
    let mut p = console();
    for line in ["k <- function(n) {", "  s <- 0", "  for (i in 1:n) {", "    s <- s + i", "  }", "  s * 2", "}"] {
        p.send_line(line).unwrap();
    }
    p.send_line("debug(k)").unwrap();
    p.send_line("k(3)").unwrap();
    p.exp_string("debugging in: k(3)").unwrap();
    p.exp_string("Browse[2]> ").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("debug at #2: s <- 0").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("debug at #3: for (i in 1:n)").unwrap();
    // `n` steps into the loop's body, once per iteration
    p.send_line("n").unwrap();
    p.exp_string("debug at #4: s <- s + i").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("debug at #4: s <- s + i").unwrap();
    p.send_line("i").unwrap();
    p.exp_string("[1] 2").unwrap();
    // `f` finishes the loop and stops after it
    p.send_line("f").unwrap();
    p.exp_string("debug at #6: s * 2").unwrap();
    p.send_line("s").unwrap();
    p.exp_string("exiting from: k(3)").unwrap();
    p.exp_string("[1] 12").unwrap();
    // `s` steps into a call (one browser level deeper); `f` there finishes that function
    p.send_line("g <- function() { x <- k2(); x + 1 }").unwrap();
    p.send_line("k2 <- function() { a <- 1; b <- 2; a + b }").unwrap();
    p.send_line("debug(g); g()").unwrap();
    p.exp_string("debugging in: g()").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("debug at #1: x <- k2()").unwrap();
    p.send_line("s").unwrap();
    p.exp_string("debugging in: k2()").unwrap();
    p.exp_string("Browse[3]> ").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("debug at #1: a <- 1").unwrap();
    p.send_line("f").unwrap();
    p.exp_string("exiting from: k2()").unwrap();
    p.exp_string("debug at #1: x + 1").unwrap();
    p.exp_string("Browse[2]> ").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("exiting from: g()").unwrap();
    p.exp_string("[1] 4").unwrap();
    p.send_line("q()").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn traceback_after_a_nested_error() {
    let mut p = console();
    p.send_line("f <- function() g(1)").unwrap();
    p.send_line("g <- function(x) {").unwrap();
    p.send_line("  y <- x + 1").unwrap();
    p.send_line("  stop(\"boom\")").unwrap();
    p.send_line("}").unwrap();
    p.send_line("f()").unwrap();
    p.exp_string("Error in g(1) : boom").unwrap();
    p.send_line("traceback()").unwrap();
    p.exp_string("3: stop(\"boom\") at #3").unwrap();
    p.exp_string("2: g(1) at #1").unwrap();
    p.exp_string("1: f()").unwrap();
    p.send_line("q()").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn readline_reads_the_answer_typed() {
    let mut p = console();
    p.send_line("nm <- readline(\"Name? \")").unwrap();
    p.exp_string("Name? ").unwrap();
    p.send_line("Bob").unwrap();
    p.exp_string("> ").unwrap();
    p.send_line("paste(\"hi\", nm, interactive())").unwrap();
    p.exp_string("[1] \"hi Bob TRUE\"").unwrap();
    p.send_line("q()").unwrap();
    p.exp_eof().unwrap();
}
