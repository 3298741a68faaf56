//! What scripts run by CI rely on, checked against R's behaviour: `options(warn =)` and
//! the warnings summary, `quit()` inside `try()`, `-e` with arguments, `parse(file =)`,
//! writing to `/dev/stdout` on a pipe, `~` in paths.

use std::process::{Command, Output};

fn rsc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rsc")).args(args).output().expect("run rsc")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn warn_option_levels_and_summary() {
    let o = rsc(&[
        "-e",
        "f <- function() { for (i in 1:60) warning('many'); 1 }\nx <- f()\noptions(warn = 1)\n\
         h <- function() { warning('imm'); cat('after\\n') }\nh()\noptions(warn = 2)\nh()\ncat('not reached\\n')",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout), "after\n");
    let err = text(&o.stderr);
    assert!(err.starts_with("There were 50 or more warnings (use warnings() to see the first 50)\n"), "{}", err);
    assert!(err.contains("Warning in h() : imm\n"), "{}", err);
    assert!(err.contains("Error in h() : (converted from warning) imm\n"), "{}", err);
    let o = rsc(&["-e", "f <- function() { for (i in 1:15) warning('w'); 1 }; x <- f()"]);
    assert_eq!(text(&o.stderr), "There were 15 warnings (use warnings() to see them)\n");
    let o = rsc(&["-e", "options(warn = -1); warning('hidden'); cat('ok\\n')"]);
    assert_eq!((text(&o.stdout), text(&o.stderr)), ("ok\n".to_string(), String::new()));
}

#[test]
fn quit_inside_try_exits_with_its_status() {
    let o = rsc(&["-e", "try(quit(status = 3)); cat('no\\n')"]);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(text(&o.stdout), "");
}

#[test]
fn e_takes_the_following_arguments_as_script_arguments() {
    let o = rsc(&["-e", "print(commandArgs(TRUE))", "a", "b"]);
    assert_eq!(text(&o.stdout), "[1] \"a\" \"b\"\n");
    let o = rsc(&["-e", "cat(1)", "-e", "cat(2, '\\n')", "some_file.R", "x"]);
    assert_eq!(text(&o.stdout), "12 \n", "{}", text(&o.stderr));
}

#[test]
fn parse_reads_its_file_and_paths_expand_the_home_folder() {
    let dir = std::env::temp_dir().join(format!("rsc-script-options-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("p.R"), "x <- 1; y <- 2\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_rsc"))
        .env("HOME", &dir)
        .args([
            "-e",
            "e <- parse(file = '~/p.R'); print(length(e)); print(e[[2]])\n\
             writeLines('home', '~/h.txt'); print(readLines('~/h.txt')); print(file.exists('~/h.txt'))\n\
             write.csv(data.frame(a = 1), '~/h.csv', row.names = FALSE); print(read.csv('~/h.csv'))",
        ])
        .output()
        .unwrap();
    assert_eq!(
        text(&o.stdout),
        "[1] 2\ny <- 2\n[1] \"home\"\n[1] TRUE\n  a\n1 1\n",
        "{}",
        text(&o.stderr)
    );
    assert!(dir.join("h.txt").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cat_to_dev_stdout_on_a_pipe() {
    let o = rsc(&["-e", "cat('hi\\n', file = '/dev/stdout'); writeLines('there', '/dev/stdout')"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "hi\nthere\n");
}
