//! The embedding API: evaluation, values in and out, native functions, sandboxing, budgets.

use rsc::{ErrorKind, Interpreter, SharedBuffer, Value};
use std::time::{Duration, Instant};

#[test]
fn eval_and_convert() {
    let mut r = Interpreter::new();
    let x: f64 = r.eval("sum(1:10) / 2").unwrap().try_into().unwrap();
    assert_eq!(x, 27.5);
    let v: Vec<String> = r.eval("toupper(c('a', 'b'))").unwrap().try_into().unwrap();
    assert_eq!(v, vec!["A", "B"]);
    r.set("w", vec![1.5, 2.5]);
    let s: f64 = r.eval("sum(w)").unwrap().try_into().unwrap();
    assert_eq!(s, 4.0);
    let b: bool = r.eval("is.null(NULL)").unwrap().try_into().unwrap();
    assert!(b);
    let na: Vec<Option<f64>> = r.eval("c(1, NA)").unwrap().try_into().unwrap();
    assert_eq!(na, vec![Some(1.0), None]);
}

#[test]
fn quit_is_reported_with_its_status() {
    let mut r = Interpreter::new();
    let e = r.eval("x <- 1\nq(status = 4)\nx <- 2").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Quit);
    assert_eq!(e.quit_status, Some(4));
    let x: f64 = r.eval("x").unwrap().try_into().unwrap();
    assert_eq!(x, 1.0);
    assert!(
        r.eval("try(q(), silent = TRUE)").is_err(),
        "try cannot catch q()"
    );
}

#[test]
fn output_goes_to_the_host_writer() {
    let out = SharedBuffer::new();
    let mut r = Interpreter::builder().output(out.clone()).build();
    r.eval("x <- 1:3\nx * 2\ncat('hi\\n')").unwrap();
    assert_eq!(out.contents(), "hi\n", "eval does not auto-print");
    out.clear();
    r.run("x * 2\ninvisible(7)\nprint('p')").unwrap();
    assert_eq!(out.contents(), "[1] 2 4 6\n[1] \"p\"\n");
}

#[test]
fn errors_carry_message_and_caret() {
    let mut r = Interpreter::new();
    let e = r.eval("f <- function(x) g(x)\nf(1)").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Runtime);
    assert_eq!(e.message(), "could not find function \"g\"");
    let text = e.render();
    assert!(
        text.starts_with("Error in g(x) : could not find function \"g\""),
        "{}",
        text
    );
    assert!(text.contains("<eval>:1:18"), "{}", text);
    assert!(text.contains('^'));
    // the interpreter is usable afterwards, state intact
    let y: f64 = r
        .eval("f <- function(x) x + 1; f(1)")
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(y, 2.0);
}

#[test]
fn native_functions_match_arguments() {
    let mut r = Interpreter::new();
    r.register_fn("scale_by", |_it, args| {
        let m = args.matched(&["x", "factor"])?;
        let x = m.req("x")?.dbl_vec();
        let f = m.get("factor").and_then(|v| v.as_f64()).unwrap_or(2.0);
        Ok(Value::dbls(x.iter().map(|v| v * f).collect()))
    });
    let v: Vec<f64> = r
        .eval("scale_by(factor = 10, c(1, 2))")
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(v, vec![10.0, 20.0]);
    let d: Vec<f64> = r.eval("scale_by(3)").unwrap().try_into().unwrap();
    assert_eq!(d, vec![6.0]);
    r.register_fn("fail", |_it, _a| rsc::error::err("native failure"));
    let msg: String = r
        .eval("tryCatch(fail(), error = function(e) conditionMessage(e))")
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(msg, "native failure");
}

#[test]
fn sandbox_refuses_files() {
    let mut sb = Interpreter::sandboxed();
    let e = sb.eval("read.csv('/etc/passwd')").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Denied, "{}", e);
    let dir = std::env::temp_dir().join(format!("rsc-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("x.csv");
    let p = path.to_string_lossy().replace('\\', "/");
    let e = sb
        .eval(&format!("write.csv(data.frame(a = 1), '{}')", p))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Denied);
    assert!(!path.exists());
    let mut open = Interpreter::new();
    open.eval(&format!("write.csv(data.frame(a = 1:2), '{}')", p))
        .unwrap();
    let back: Vec<i32> = open
        .eval(&format!("read.csv('{}')$a", p))
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(back, vec![1, 2]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn time_budget_stops_an_endless_loop() {
    let mut r = Interpreter::builder()
        .time_limit(Duration::from_millis(200))
        .build();
    let t = Instant::now();
    let e = r.eval("repeat {}").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Limit);
    assert!(t.elapsed() < Duration::from_secs(5));
    let v: f64 = r.eval("1 + 1").unwrap().try_into().unwrap();
    assert_eq!(v, 2.0);
}

#[test]
fn step_budget_and_depth_limit() {
    let mut r = Interpreter::builder()
        .max_steps(10_000)
        .max_depth(100)
        .build();
    assert_eq!(
        r.eval("i <- 0; while (TRUE) i <- i + 1")
            .unwrap_err()
            .kind(),
        ErrorKind::Limit
    );
    let e = r.eval("f <- function(n) f(n + 1); f(1)").unwrap_err();
    assert!(e.message().contains("nested too deeply"), "{}", e);
}

#[test]
fn polars_frames_in_and_out() {
    use rsc::polars::prelude::*;
    let df = df!("x" => [1.0, 2.0, 3.0], "n" => [Some(1i32), None, Some(3)], "s" => ["a", "b", "a"], "b" => [true, false, true]).unwrap();
    let mut r = Interpreter::new();
    r.set("d", Value::try_from(df).unwrap());
    let classes: Vec<String> = r.eval("sapply(d, class)").unwrap().try_into().unwrap();
    assert_eq!(classes, vec!["numeric", "integer", "character", "logical"]);
    let nas: f64 = r.eval("sum(is.na(d$n))").unwrap().try_into().unwrap();
    assert_eq!(nas, 1.0);
    let out: DataFrame = r
        .eval("data.frame(d, f = factor(c('z', 'y', 'z'), levels = c('z', 'y')))")
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(out.shape(), (3, 5));
    let f = out.column("f").unwrap();
    assert!(matches!(f.dtype(), DataType::Enum(..)));
    let back = f.cast(&DataType::String).unwrap();
    assert_eq!(back.str().unwrap().get(1), Some("y"));
    assert_eq!(out.column("n").unwrap().null_count(), 1);
    let rn: DataFrame = r.eval("mtcars[1:2, 1:3]").unwrap().try_into().unwrap();
    assert_eq!(rn.get_column_names()[0].as_str(), "rownames");
}

#[test]
fn polars_dates_and_datetimes_in_and_out() {
    use rsc::polars::prelude::*;
    let days = Series::new("day".into(), [Some(19737i32), None, Some(0)])
        .cast(&DataType::Date)
        .unwrap();
    let tz = TimeZone::opt_try_new(Some("America/New_York")).unwrap();
    let at = Int64Chunked::from_iter_options("at".into(), [Some(1_710_055_800_000_000i64), Some(0), None].into_iter())
        .into_datetime(TimeUnit::Microseconds, tz)
        .into_series();
    let df = DataFrame::new_infer_height(vec![days.into(), at.into()]).unwrap();
    let mut r = Interpreter::new();
    r.set("d", Value::try_from(df).unwrap());
    let text: Vec<String> = r
        .eval("c(format(d$day[1]), format(d$at[1], '%Y-%m-%d %H:%M %Z'), attr(d$at, 'tzone'))")
        .unwrap()
        .try_into()
        .unwrap();
    assert_eq!(text, vec!["2024-01-15", "2024-03-10 03:30 EDT", "America/New_York"]);
    let out: DataFrame = r.eval("d$later <- d$day + 1; d").unwrap().try_into().unwrap();
    assert_eq!(out.column("later").unwrap().dtype(), &DataType::Date);
    assert!(matches!(out.column("at").unwrap().dtype(), DataType::Datetime(TimeUnit::Microseconds, Some(_))));
    let next = out.column("later").unwrap().cast(&DataType::Int32).unwrap();
    assert_eq!(next.i32().unwrap().get(0), Some(19738));
    assert_eq!(next.null_count(), 1);
}
