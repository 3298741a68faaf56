//! Parser tests: fixtures checked against GNU R's deparse output, error
//! fixtures, span nesting, and random-input robustness.

use rsc::syntax::ast::{Expr, ExprKind};
use rsc::syntax::deparse::{deparse, deparse_function};
use rsc::syntax::span::{line_col, Span};
use rsc::syntax::{parse, parse_expr};
use rsc::ErrorKind;
use std::fs;
use std::path::Path;

fn dp(src: &str) -> String {
    match parse(src) {
        Ok(v) => v.iter().map(deparse).collect::<Vec<_>>().join("\n"),
        Err(e) => format!("ERROR: {}", e.message),
    }
}

fn fixtures(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/parser")
        .join(dir);
    let mut out = Vec::new();
    let mut entries: Vec<_> = fs::read_dir(&root)
        .expect("fixture dir")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.extension().and_then(|s| s.to_str()) == Some("R") {
            let src = fs::read_to_string(&p).expect("read fixture");
            out.push((p.to_string_lossy().into_owned(), src));
        }
    }
    out
}

#[test]
fn valid_fixtures_match_r_deparse() {
    let cases = fixtures("valid");
    assert!(cases.len() >= 40, "only {} valid fixtures", cases.len());
    let mut failures = Vec::new();
    for (path, src) in cases {
        let expected_path = path.trim_end_matches(".R").to_string() + ".deparse";
        let expected = fs::read_to_string(&expected_path).expect("expected output");
        let got = dp(&src);
        if got.trim_end() != expected.trim_end() {
            failures.push(format!(
                "{}\n--- expected\n{}\n--- got\n{}",
                path,
                expected.trim_end(),
                got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn invalid_fixtures_give_r_errors() {
    let cases = fixtures("invalid");
    assert!(cases.len() >= 15, "only {} invalid fixtures", cases.len());
    let mut failures = Vec::new();
    for (path, src) in cases {
        let expected_path = path.trim_end_matches(".R").to_string() + ".err";
        let expected = fs::read_to_string(&expected_path).expect("expected error");
        let got = match parse(&src) {
            Ok(v) => format!("parsed: {:?}", v.iter().map(deparse).collect::<Vec<_>>()),
            Err(e) => {
                let (l, c) = line_col(&src, e.span.map(|s| s.start as usize).unwrap_or(0));
                format!("{}\n{}:{}", e.message, l, c)
            }
        };
        if got.trim_end() != expected.trim_end() {
            failures.push(format!(
                "{}\n--- expected\n{}\n--- got\n{}",
                path,
                expected.trim_end(),
                got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn incomplete_input_is_flagged() {
    for src in [
        "f(a,",
        "{",
        "x <- ",
        "if (a)",
        "\"abc",
        "function(x)",
        "1 +\n",
        "r\"(abc",
        "x[[1]",
        "for (i in 1:3)",
    ] {
        let e = parse(src).expect_err(src);
        assert_eq!(e.kind, ErrorKind::Incomplete, "{src}");
        // an unterminated string is named as R names it (the console still asks for more)
        let msg = if src.starts_with('"') {
            "unexpected INCOMPLETE_STRING"
        } else {
            "unexpected end of input"
        };
        assert_eq!(e.message, msg, "{src}");
    }
    assert_eq!(parse("a )").unwrap_err().kind, ErrorKind::Syntax);
}

#[test]
fn precedence_corners() {
    let cases = [
        ("-2^2", "-(2^2)"),
        ("-1:3", "(-1):3"),
        ("!x %in% y", "!(x %in% y)"),
        ("a <- b <- 3", "a <- (b <- 3)"),
        ("a -> b <- c", "(b <- a) <- c"),
        ("1 + if (a) 2 else 3 * 4", "1 + (if (a) 2 else (3 * 4))"),
        ("a + !b & c", "(a + (!b)) & c"),
        ("a + ~b | c", "a + (~(b | c))"),
        ("2^-1:3", "(2^(-1)):3"),
        ("a ~ b ~ c", "(a ~ b) ~ c"),
        ("x |> f(y) |> g()", "g(f(x, y))"),
        ("function(x) x + 1", "function(x) (x + 1)"),
        ("if (a) if (b) c else d", "if (a) (if (b) c else d)"),
        ("a = b <- c", "a = (b <- c)"),
        ("-a = 2", "(-a) = 2"),
        ("a$b$c()", "((a$b)$c)()"),
    ];
    for (src, want) in cases {
        let e = parse_expr(src).expect(src);
        assert_eq!(full_parens(&e), want, "{src}");
    }
}

/// Deparse with every operator application parenthesised (except at the root).
fn full_parens(e: &Expr) -> String {
    fn go(e: &Expr, root: bool) -> String {
        let wrap = |s: String| if root { s } else { format!("({})", s) };
        match &e.kind {
            ExprKind::Binary(op, l, r) => {
                let sp = !matches!(op.as_str(), "^" | ":" | "/");
                let o = if sp {
                    format!(" {} ", op.as_str())
                } else {
                    op.as_str().to_string()
                };
                wrap(format!("{}{}{}", go(l, false), o, go(r, false)))
            }
            ExprKind::Unary(op, x) => wrap(format!("{}{}", op.as_str(), go(x, false))),
            ExprKind::Formula(Some(l), r) => wrap(format!("{} ~ {}", go(l, false), go(r, false))),
            ExprKind::Formula(None, r) => wrap(format!("~{}", go(r, false))),
            ExprKind::Assign(op, t, v) => {
                let o = match op {
                    rsc::syntax::ast::AssignOp::Equals => "=",
                    rsc::syntax::ast::AssignOp::Super | rsc::syntax::ast::AssignOp::RightSuper => {
                        "<<-"
                    }
                    _ => "<-",
                };
                wrap(format!("{} {} {}", go(t, false), o, go(v, false)))
            }
            ExprKind::If(c, t, els) => {
                let mut s = format!("if ({}) {}", go(c, true), go(t, false));
                if let Some(x) = els {
                    s = format!("{} else {}", s, go(x, false));
                }
                wrap(s)
            }
            ExprKind::Function(p, b) => {
                let names: Vec<_> = p.iter().map(|p| p.name.to_string()).collect();
                wrap(format!("function({}) {}", names.join(", "), go(b, false)))
            }
            ExprKind::Dollar(x, n) => wrap(format!("{}${}", go(x, false), n)),
            ExprKind::Call(f, a) if a.iter().all(|a| a.name.is_none() && a.value.is_some()) => {
                let args: Vec<_> = a
                    .iter()
                    .filter_map(|a| a.value.as_ref())
                    .map(|v| go(v, true))
                    .collect();
                format!("{}({})", go(f, false), args.join(", "))
            }
            _ => deparse(e),
        }
    }
    go(e, true)
}

#[test]
fn closures_print_like_r() {
    let e = parse_expr("function(x, y = 2) x + y").unwrap();
    let ExprKind::Function(p, b) = &e.kind else {
        panic!("not a function")
    };
    assert_eq!(deparse_function(p, b), "function (x, y = 2) \nx + y");
    let e = parse_expr("function(x) { x }").unwrap();
    let ExprKind::Function(p, b) = &e.kind else {
        panic!("not a function")
    };
    assert_eq!(deparse_function(p, b), "function (x) \n{\n    x\n}");
}

#[test]
fn literals() {
    assert_eq!(
        dp("0x1F; 1e3L; 1.5L; 0x10L; 1e10L; .5; 5."),
        "31\n1000L\n1.5\n16L\n1e+10\n0.5\n5"
    );
    assert_eq!(dp(r#"'a\tb\"c\u00e9\x41\101'"#), r#""a\tb\"céAA""#);
    assert_eq!(
        dp(r#"r"(a\b)"; R'[x]'; r"{y}"; r"--(a)"b)--""#),
        "\"a\\\\b\"\n\"x\"\n\"y\"\n\"a)\\\"b\""
    );
    assert_eq!(dp("`my var` + T + F"), "`my var` + T + F");
    assert_eq!(dp("..1 + ...length()"), "..1 + ...length()");
    assert_eq!(dp("1i"), "0+1i");
    assert_eq!(
        dp("x$`a b`; x$'c'; pkg::f; pkg:::g"),
        "x$`a b`\nx$c\npkg::f\npkg:::g"
    );
    assert_eq!(dp("caf\u{e9} <- 1"), "caf\u{e9} <- 1");
}

#[test]
fn newline_rules() {
    assert_eq!(dp("f(a,\n b)"), "f(a, b)");
    assert_eq!(dp("x <-\n 1"), "x <- 1");
    assert_eq!(dp("(a\n+ b)"), "(a + b)");
    assert_eq!(dp("a\n+ b"), "a\n+b");
    assert_eq!(dp("if (a)\n b"), "if (a) b");
    assert_eq!(dp("function(x)\n x"), "function(x) x");
    assert_eq!(
        dp("{if (a) b\nelse c}"),
        "{\n    if (a) \n        b\n    else c\n}"
    );
    assert_eq!(dp("if (a) b\nelse c"), "ERROR: unexpected 'else'");
    assert_eq!(
        dp("(function() {\n a\n b\n})"),
        "(function() {\n    a\n    b\n})"
    );
    assert_eq!(
        dp("x[[1]][2]; x[y[1]]; x[[y[[1]]]]"),
        "x[[1]][2]\nx[y[1]]\nx[[y[[1]]]]"
    );
    assert_eq!(dp("\n\n a;\n\n b;\n"), "a\nb");
    assert_eq!(dp("a;;b"), "ERROR: unexpected ';'");
    assert_eq!(dp("{;a;;b;}"), "{\n    a\n    b\n}");
    assert_eq!(dp("1 + ;"), "ERROR: unexpected ';'");
}

fn check_spans(e: &Expr, parent: Span, src_len: u32) {
    assert!(
        e.span.start <= e.span.end && e.span.end <= src_len,
        "span out of source: {:?}",
        e
    );
    assert!(
        parent.start <= e.span.start && e.span.end <= parent.end,
        "span {:?} not in parent {:?}",
        e.span,
        parent
    );
    let kids: Vec<&Expr> = match &e.kind {
        ExprKind::Call(f, a) | ExprKind::Index(f, a) | ExprKind::Index2(f, a) => {
            let mut v = vec![f.as_ref()];
            for arg in a.iter() {
                assert!(parent.start <= arg.span.start && arg.span.end <= e.span.end);
                v.extend(arg.value.iter());
            }
            v
        }
        ExprKind::Dollar(x, _)
        | ExprKind::At(x, _)
        | ExprKind::Unary(_, x)
        | ExprKind::Paren(x)
        | ExprKind::Repeat(x) => vec![x],
        ExprKind::Binary(_, l, r)
        | ExprKind::Assign(_, l, r)
        | ExprKind::While(l, r)
        | ExprKind::For(_, l, r) => vec![l, r],
        ExprKind::Formula(l, r) => l.iter().map(|b| b.as_ref()).chain([r.as_ref()]).collect(),
        ExprKind::Function(p, b) => p
            .iter()
            .filter_map(|p| p.default.as_ref())
            .chain([b.as_ref()])
            .collect(),
        ExprKind::If(c, t, e2) => [c.as_ref(), t.as_ref()]
            .into_iter()
            .chain(e2.iter().map(|b| b.as_ref()))
            .collect(),
        ExprKind::Block(v) => v.iter().collect(),
        _ => vec![],
    };
    for k in kids {
        check_spans(k, e.span, src_len);
    }
}

#[test]
fn spans_nest() {
    for (_, src) in fixtures("valid") {
        let exprs = parse(&src).expect("valid fixture parses");
        let all = Span::new(0, src.len());
        for e in &exprs {
            check_spans(e, all, src.len() as u32);
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let src = "(".repeat(100_000);
    let e = parse(&src).unwrap_err();
    assert!(e.message.contains("contextstack overflow"), "{}", e.message);
    let src = format!("{}1", "-".repeat(100_000));
    assert!(parse(&src).is_err());
    let src = format!("1{}", " + 1".repeat(100_000));
    assert!(parse(&src).is_err());
    let src = format!("{}1{}", "f(".repeat(500), ")".repeat(500));
    assert!(parse(&src).is_ok());
}

/// xorshift: a small deterministic random generator.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_input_never_panics() {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let soup = [
        "x", "1", "1L", "'s'", "(", ")", "{", "}", "[", "[[", "]", "]]", ",", ";", "\n", "+", "-",
        "*", "/", "^", "~", "<-", "->", "=", "==", "!", "&&", "|>", "%in%", "$", "@", "::", "if",
        "else", "for", "in", "while", "repeat", "function", "\\", "break", "?", ":", "...",
        "`a b`", "#c\n", "r\"(x)\"", "NULL", "TRUE", " ",
    ];
    for _ in 0..3000 {
        let n = rng.below(30);
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(soup[rng.below(soup.len())]);
            if rng.below(3) == 0 {
                s.push(' ');
            }
        }
        if let Ok(v) = parse(&s) {
            for e in &v {
                check_spans(e, Span::new(0, s.len()), s.len() as u32);
                let text = deparse(e);
                // What we print must parse again.
                assert!(
                    parse(&text).is_ok(),
                    "deparse of {:?} gave unparsable {:?}",
                    s,
                    text
                );
            }
        }
    }
    for _ in 0..3000 {
        let n = rng.below(40);
        let bytes: Vec<u8> = (0..n).map(|_| (rng.next() & 0xff) as u8).collect();
        let s = String::from_utf8_lossy(&bytes);
        let _ = parse(&s);
        let ascii: String = bytes.iter().map(|b| (b % 95 + 32) as char).collect();
        let _ = parse(&ascii);
    }
}

/// Dev helper (ignored): deparses each snippet of `$RSC_PARSE_DUMP` (separated
/// by `\x1e`) into `$RSC_PARSE_DUMP.out`, to diff against GNU R.
#[test]
#[ignore]
fn dump_for_r_diff() {
    let Ok(path) = std::env::var("RSC_PARSE_DUMP") else {
        return;
    };
    let text = fs::read_to_string(&path).expect("dump input");
    let out: Vec<String> = text
        .split('\x1e')
        .map(|s| dp(s).replace('\n', "\\n"))
        .collect();
    fs::write(format!("{}.out", path), out.join("\n")).expect("write");
}
