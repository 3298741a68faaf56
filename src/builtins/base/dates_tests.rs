//! Unit tests of the date and time builtins against R's values.

use crate::builtins::test_util::{call_named, d, p};
use crate::builtins::Args;
use crate::syntax::sym::Sym;
use crate::value::Value;

fn run(name: &str, args: Vec<(Option<&str>, Value)>) -> Value {
    let mut it = crate::builtins::interp();
    let a = Args::new(args.into_iter().map(|(n, v)| (n.map(Sym::new), v)).collect());
    match call_named(&mut it, name, a) {
        Ok(v) => v,
        Err(_) => panic!("{} failed", name),
    }
}

fn s(x: &str) -> Value {
    Value::str(x)
}

#[test]
fn as_date_reads_text_and_numbers() {
    let v = run("as.Date", vec![p(Value::strings(&["2024-02-29", "2024/03/01"]))]);
    // the first string fixes the format: the second does not fit it
    assert_eq!(d(&v)[0], 19782.0);
    assert!(crate::value::is_na_real(d(&v)[1]));
    assert!(v.inherits("Date"));
    let v = run("as.Date", vec![p(Value::num(45000.0)), (Some("origin"), s("1899-12-30"))]);
    assert_eq!(d(&v), vec![19431.0]);
    let v = run("as.Date", vec![p(s("03/15/2021")), (Some("format"), s("%m/%d/%Y"))]);
    assert_eq!(d(&v), vec![18701.0]);
}

#[test]
fn posixct_in_a_zone_and_back_to_text() {
    let v = run("as.POSIXct", vec![p(s("2024-03-10 03:30")), (Some("tz"), s("America/New_York"))]);
    assert_eq!(d(&v), vec![1710055800.0]);
    let f = run("format", vec![p(v), (Some("format"), s("%H:%M %Z"))]);
    assert_eq!(f.as_string().as_deref(), Some("03:30 EDT"));
}

#[test]
fn difftime_picks_units() {
    let a = run("as.POSIXct", vec![p(s("2024-01-01 01:30")), (Some("tz"), s("UTC"))]);
    let b = run("as.POSIXct", vec![p(s("2024-01-01 00:00")), (Some("tz"), s("UTC"))]);
    let v = run("difftime", vec![p(a), p(b)]);
    assert_eq!(d(&v), vec![1.5]);
    assert_eq!(v.get_attr("units").and_then(|u| u.as_string()).as_deref(), Some("hours"));
}

#[test]
fn seq_by_month_clamps_like_r() {
    let from = run("as.Date", vec![p(s("2024-01-31"))]);
    let v = run("seq", vec![p(from), (Some("by"), s("month")), (Some("length.out"), Value::num(3.0))]);
    // 2024-01-31, 2024-03-02, 2024-03-31
    assert_eq!(d(&v), vec![19753.0, 19784.0, 19813.0]);
}
