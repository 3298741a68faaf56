//! `?name`, `help(name)` and `args(f)`: the help entries kept beside each builtin table.

use rsc::{Interpreter, SharedBuffer};

fn run(code: &str) -> String {
    let out = SharedBuffer::new();
    let mut r = Interpreter::builder().output(out.clone()).build();
    r.run(code).unwrap();
    out.contents()
}

#[test]
fn question_mark_prints_usage_and_description() {
    let text = run("?lm");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("lm                       (rsc builtin)"));
    assert_eq!(lines.next(), Some(""));
    assert_eq!(lines.next(), Some("Usage:"));
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("     lm(formula, data, subset, weights,"),
        "{}",
        text
    );
    assert!(text.contains("\n\nDescription:\n     "), "{}", text);
    assert!(
        text.lines().all(|l| l.chars().count() <= 72),
        "lines wrap at 72 columns:\n{}",
        text
    );
    // continuation lines of the usage line up after `lm(`
    assert!(
        text.lines().nth(4).unwrap().starts_with("        ")
            && !text.lines().nth(4).unwrap().starts_with("         ")
    );
    assert!(text.ends_with(".\n"));
}

#[test]
fn help_forms_agree() {
    let q = run("?lm");
    assert_eq!(run("help(lm)"), q);
    assert_eq!(run("help(\"lm\")"), q);
    assert_eq!(run("?\"lm\""), q);
    assert!(run("?`[[`").starts_with("[[                       (rsc builtin)\n"));
    assert!(run("help(\"+\")").contains("     e1 + e2\n"));
}

#[test]
fn unknown_topic_gives_r_message() {
    // the same text as Rscript -e 'help(foo_not_here)'
    let expect =
        "No documentation for \u{2018}foo_not_here\u{2019} in specified packages and libraries:\n\
                  you could try \u{2018}??foo_not_here\u{2019}\n";
    assert_eq!(run("help(foo_not_here)"), expect);
    assert_eq!(run("?foo_not_here"), expect);
}

#[test]
fn help_and_args_of_a_closure() {
    assert_eq!(
        run("f <- function(x, y = 2, ...) x + y\n?f"),
        "function (x, y = 2, ...) \nNULL\n"
    );
    assert_eq!(
        run("f <- function(x, y = 2, ...) x + y\nargs(f)"),
        "function (x, y = 2, ...) \nNULL\n"
    );
    assert_eq!(
        run("g <- args(function(a) a)\nis.null(body(g))"),
        "[1] TRUE\n"
    );
}

#[test]
fn args_of_a_builtin_comes_from_its_usage() {
    assert_eq!(run("args(sum)"), "function (..., na.rm = FALSE) \nNULL\n");
    assert_eq!(run("args(\"sd\")"), "function (x, na.rm = FALSE) \nNULL\n");
    assert_eq!(
        run("names(formals(args(`names<-`)))"),
        "[1] \"x\"     \"value\"\n"
    );
}

#[test]
fn search_with_two_question_marks() {
    let t = run("??quantile");
    assert!(
        t.starts_with("Help entries matching \u{2018}quantile\u{2019}:\n"),
        "{}",
        t
    );
    assert!(t.contains("\n  quantile "), "{}", t);
    assert!(run("??zzqqxx").starts_with("No vignettes or demos or help files found"));
}

#[test]
fn help_returns_invisible_null() {
    assert_eq!(
        run("x <- help(sum)\nis.null(x)").lines().last(),
        Some("[1] TRUE")
    );
}

#[test]
fn rm_removes_bare_names() {
    assert_eq!(
        run("x <- 5\ny <- 6\nrm(x)\nexists(\"x\")\nls()"),
        "[1] FALSE\n[1] \"y\"\n"
    );
}
