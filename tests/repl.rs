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
