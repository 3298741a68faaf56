//! Tests of the string family.

#![allow(clippy::approx_constant)] // inputs such as 3.14159 are test data, not pi
use super::*;
use crate::builtins::test_util::{s, strs, sv, try_call as call};

fn pos(f: fn(&mut Interp, Args) -> EvalResult, args: Vec<Value>) -> Value {
    match call(f, args.into_iter().map(|v| (None, v)).collect()) {
        Ok(v) => v,
        Err(e) => panic!("{:?}", e),
    }
}
fn with_na(x: &[Option<&str>]) -> Value {
    Value::strs(x.iter().map(|s| s.map(Rc::from)).collect())
}
fn err_msg(r: EvalResult) -> String {
    match r {
        Err(crate::error::Flow::Error(e)) => e.message,
        _ => String::from("<no error>"),
    }
}

#[test]
fn paste_family() {
    assert_eq!(
        strs(&pos(named!("paste"), vec![s("a"), s("b")])),
        vec!["a b"]
    );
    assert_eq!(
        strs(&pos(
            named!("paste0"),
            vec![s("x"), Value::ints(vec![1, 2, 3])]
        )),
        vec!["x1", "x2", "x3"]
    );
    let r = call(
        named!("paste"),
        vec![
            (None, s("item")),
            (None, Value::ints(vec![1, 2])),
            (Some("sep"), s("_")),
        ],
    )
    .unwrap();
    assert_eq!(strs(&r), vec!["item_1", "item_2"]);
    let r = call(
        named!("paste0"),
        vec![
            (None, sv(&["x", "y"])),
            (None, Value::ints(vec![1, 2, 3, 4])),
            (Some("collapse"), s(", ")),
        ],
    )
    .unwrap();
    assert_eq!(strs(&r), vec!["x1, y2, x3, y4"]);
    assert_eq!(
        strs(&pos(
            named!("paste"),
            vec![with_na(&[Some("a"), None]), s("z")]
        )),
        vec!["a z", "NA z"]
    );
    let r = call(
        named!("paste"),
        vec![(None, Value::strs(vec![])), (Some("collapse"), s("|"))],
    )
    .unwrap();
    assert_eq!(strs(&r), vec![""]);
    assert_eq!(
        strs(&pos(
            named!("paste"),
            vec![Value::lgl(true), Value::num(1.5), Value::int(2)]
        )),
        vec!["TRUE 1.5 2"]
    );
    assert_eq!(
        strs(&pos(named!("paste"), vec![s("pi is"), Value::num(3.14)])),
        vec!["pi is 3.14"]
    );
    assert_eq!(
        strs(&pos(named!("paste"), vec![Value::num(1.0 / 3.0)])),
        vec!["0.333333333333333"]
    );
    assert_eq!(
        strs(&pos(named!("paste"), vec![Value::strs(vec![]), s("a")])),
        vec![" a"]
    );
    assert_eq!(
        strs(&pos(named!("paste"), vec![s("a"), Value::Null, s("b")])),
        vec!["a  b"]
    );
    let mut f = Value::ints(vec![2, 1]);
    f.set_attr(Sym::new("levels"), sv(&["lo", "hi"]));
    f.set_attr(Sym::new("class"), s("factor"));
    assert_eq!(strs(&pos(named!("paste0"), vec![f])), vec!["hi", "lo"]);
    let r = call(
        named!("paste"),
        vec![(None, sv(&["a"])), (Some("collapse"), with_na(&[None]))],
    );
    assert_eq!(err_msg(r), "invalid 'collapse' argument");
    assert_eq!(pos(named!("paste0"), vec![]).len(), 0);
}

#[test]
fn nchar_substr() {
    let r = pos(
        named!("nchar"),
        vec![with_na(&[Some("a"), Some("abc"), Some(""), None])],
    );
    assert_eq!(*r.int_vec(), vec![1, 3, 0, NA_INT]);
    assert_eq!(*pos(named!("nchar"), vec![s("héllo")]).int_vec(), vec![5]);
    assert_eq!(
        *pos(named!("nchar"), vec![s("héllo"), s("bytes")]).int_vec(),
        vec![6]
    );
    assert_eq!(
        *pos(named!("nchar"), vec![Value::lgl_na()]).int_vec(),
        vec![NA_INT]
    );
    assert_eq!(
        *pos(named!("nchar"), vec![Value::lgl_na(), s("width")]).int_vec(),
        vec![2]
    );
    assert_eq!(
        *pos(named!("nchar"), vec![Value::num(123.5)]).int_vec(),
        vec![5]
    );
    assert_eq!(
        *pos(named!("nchar"), vec![Value::lgl(true)]).int_vec(),
        vec![4]
    );
    let mut x = sv(&["xx", "y"]);
    x.set_attr(Sym::new("names"), sv(&["a", "b"]));
    assert_eq!(
        pos(named!("nchar"), vec![x.clone()])
            .names()
            .map(|n| n.len()),
        Some(2)
    );
    let hw = s("Hello, World");
    assert_eq!(
        strs(&pos(
            named!("substr"),
            vec![hw.clone(), Value::num(1.0), Value::num(5.0)]
        )),
        vec!["Hello"]
    );
    assert_eq!(
        strs(&pos(
            named!("substr"),
            vec![hw.clone(), Value::num(8.0), Value::num(100.0)]
        )),
        vec!["World"]
    );
    assert_eq!(
        strs(&pos(
            named!("substr"),
            vec![s("héllo"), Value::num(2.0), Value::num(3.0)]
        )),
        vec!["él"]
    );
    assert_eq!(
        strs(&pos(
            named!("substr"),
            vec![s("abc"), Value::num(0.0), Value::num(2.0)]
        )),
        vec!["ab"]
    );
    assert_eq!(
        strs(&pos(
            named!("substr"),
            vec![s("abc"), Value::num(3.0), Value::num(2.0)]
        )),
        vec![""]
    );
    assert_eq!(
        strs(&pos(
            named!("substr"),
            vec![Value::lgl_na(), Value::num(1.0), Value::num(2.0)]
        )),
        vec!["<NA>"]
    );
    let r = pos(named!("substr"), vec![x, Value::int(1), Value::int(1)]);
    assert_eq!(strs(&r), vec!["x", "y"]);
    assert!(r.names().is_some());
    let r = pos(
        named!("substring"),
        vec![hw, Value::ints(vec![1, 2, 3]), Value::ints(vec![3, 4, 5])],
    );
    assert_eq!(strs(&r), vec!["Hel", "ell", "llo"]);
    assert_eq!(
        strs(&pos(
            named!("substring"),
            vec![s("abc"), Value::ints(vec![1, 2, 3])]
        )),
        vec!["abc", "bc", "c"]
    );
    let r = pos(
        named!("substr<-"),
        vec![s("abcdef"), Value::num(2.0), Value::num(3.0), s("XYZW")],
    );
    assert_eq!(strs(&r), vec!["aXYdef"]);
    let r = pos(
        named!("substr<-"),
        vec![s("replace me"), Value::num(1.0), Value::num(1.0), s("R")],
    );
    assert_eq!(strs(&r), vec!["Replace me"]);
    let r = pos(
        named!("substr<-"),
        vec![
            sv(&["abc", "defg"]),
            Value::num(1.0),
            Value::num(2.0),
            s("12"),
        ],
    );
    assert_eq!(strs(&r), vec!["12c", "12fg"]);
    let r = pos(
        named!("substr<-"),
        vec![s("abcdef"), Value::num(5.0), Value::num(9.0), s("XYZ")],
    );
    assert_eq!(strs(&r), vec!["abcdXY"]);
}

#[test]
fn case_trim_split() {
    assert_eq!(
        strs(&pos(named!("toupper"), vec![s("Hello, World")])),
        vec!["HELLO, WORLD"]
    );
    assert_eq!(
        strs(&pos(named!("tolower"), vec![with_na(&[Some("ÉA"), None])])),
        vec!["éa", "<NA>"]
    );
    let r = call(
        named!("casefold"),
        vec![(None, s("MiXeD")), (Some("upper"), Value::lgl(true))],
    )
    .unwrap();
    assert_eq!(strs(&r), vec!["MIXED"]);
    assert_eq!(
        strs(&pos(named!("trimws"), vec![s("   padded   ")])),
        vec!["padded"]
    );
    let r = call(
        named!("trimws"),
        vec![(None, s("  left ")), (Some("which"), s("left"))],
    )
    .unwrap();
    assert_eq!(strs(&r), vec!["left "]);
    let r = call(
        named!("trimws"),
        vec![(None, s("\t x\n")), (Some("which"), s("right"))],
    )
    .unwrap();
    assert_eq!(strs(&r), vec!["\t x"]);
    let sp = |x: Value, p: &str| -> Vec<Vec<String>> {
        pos(named!("strsplit"), vec![x, s(p)])
            .list_vec()
            .iter()
            .map(strs)
            .collect()
    };
    assert_eq!(sp(s("abc"), ""), vec![vec!["a", "b", "c"]]);
    assert_eq!(
        sp(sv(&["a-b", "c-d-e"]), "-"),
        vec![vec!["a", "b"], vec!["c", "d", "e"]]
    );
    assert_eq!(sp(s("a1b22c333"), "[0-9]+"), vec![vec!["a", "b", "c"]]);
    assert_eq!(
        sp(s("one  two three"), " +"),
        vec![vec!["one", "two", "three"]]
    );
    assert_eq!(sp(s("a  b"), " "), vec![vec!["a", "", "b"]]);
    assert_eq!(sp(s(" a b "), " "), vec![vec!["", "a", "b"]]);
    assert_eq!(sp(s("a.b.c"), "."), vec![vec!["", "", "", "", ""]]);
    assert_eq!(
        sp(with_na(&[Some("a b"), None, Some("")]), " "),
        vec![vec!["a", "b"], vec!["<NA>"], vec![]]
    );
    assert_eq!(sp(s("héllo"), ""), vec![vec!["h", "é", "l", "l", "o"]]);
    let r = call(
        named!("strsplit"),
        vec![
            (None, s("a.b.c")),
            (None, s(".")),
            (Some("fixed"), Value::lgl(true)),
        ],
    )
    .unwrap();
    assert_eq!(strs(&r.list_vec()[0]), vec!["a", "b", "c"]);
    assert_eq!(
        err_msg(call(
            named!("strsplit"),
            vec![(None, Value::num(1.0)), (None, s(""))]
        )),
        "non-character argument"
    );
}

#[test]
fn misc() {
    assert_eq!(
        *pos(starts_with, vec![s("Hello"), s("Hell")]).lgl_vec(),
        vec![1]
    );
    assert_eq!(
        *pos(ends_with, vec![with_na(&[Some("ab"), None]), s("b")]).lgl_vec(),
        vec![1, NA_LGL]
    );
    assert_eq!(
        *pos(named!("strtoi"), vec![s("ff"), Value::int(16)]).int_vec(),
        vec![255]
    );
    let x = with_na(&[Some("10"), Some("077"), Some("0xff"), Some("zz"), None]);
    assert_eq!(
        *pos(named!("strtoi"), vec![x.clone(), Value::int(10)]).int_vec(),
        vec![10, 77, NA_INT, NA_INT, NA_INT]
    );
    assert_eq!(
        *pos(
            named!("strtoi"),
            vec![sv(&["077", "0xff", "10", ""]), Value::int(0)]
        )
        .int_vec(),
        vec![63, 255, 10, NA_INT]
    );
    assert_eq!(
        *pos(named!("strtoi"), vec![s("11"), Value::int(2)]).int_vec(),
        vec![3]
    );
    assert_eq!(
        strs(&pos(
            named!("chartr"),
            vec![s("abc"), s("xyz"), s("aabbcc")]
        )),
        vec!["xxyyzz"]
    );
    assert_eq!(
        strs(&pos(named!("chartr"), vec![s("a-c"), s("A-C"), s("abcd")])),
        vec!["ABCd"]
    );
    assert_eq!(
        err_msg(call(
            named!("chartr"),
            vec![(None, s("abc")), (None, s("xy")), (None, s("abc"))]
        )),
        "'old' is longer than 'new'"
    );
    assert_eq!(
        strs(&pos(named!("shQuote"), vec![sv(&["a b", "it's"])])),
        vec!["'a b'", "\"it's\""]
    );
    assert_eq!(
        strs(&pos(s_quote, vec![with_na(&[Some("a"), None])])),
        vec!["‘a’", "‘NA’"]
    );
    assert_eq!(strs(&pos(d_quote, vec![s("a")])), vec!["“a”"]);
    assert_eq!(
        strs(&pos(d_quote, vec![sv(&["a", "b"]), Value::lgl(false)])),
        vec!["\"a\"", "\"b\""]
    );
    assert_eq!(
        strs(&pos(s_quote, vec![s("x"), Value::lgl(false)])),
        vec!["'x'"]
    );
    let x = with_na(&[
        Some("a b"),
        Some("1x"),
        Some(""),
        Some("ok"),
        Some("ok"),
        None,
        Some("if"),
        Some("TRUE"),
        Some("_x"),
        Some(".1a"),
    ]);
    let r = call(
        named!("make.names"),
        vec![(None, x), (Some("unique"), Value::lgl(true))],
    )
    .unwrap();
    assert_eq!(
        strs(&r),
        vec!["a.b", "X1x", "X", "ok", "ok.1", "NA.", "if.", "TRUE.", "X_x", "X.1a"]
    );
    let r = pos(
        named!("make.unique"),
        vec![sv(&["a", "a", "b", "a", "a.1"])],
    );
    assert_eq!(strs(&r), vec!["a", "a.2", "b", "a.3", "a.1"]);
    let r = pos(
        named!("strrep"),
        vec![with_na(&[Some("ab"), None]), Value::ints(vec![3, 2])],
    );
    assert_eq!(strs(&r), vec!["ababab", "<NA>"]);
    assert_eq!(
        strs(&pos(
            named!("strrep"),
            vec![s("x"), Value::ints(vec![0, 1, 2])]
        )),
        vec!["", "x", "xx"]
    );
    assert_eq!(
        *pos(named!("utf8ToInt"), vec![s("aé")]).int_vec(),
        vec![97, 233]
    );
    assert_eq!(
        strs(&pos(named!("intToUtf8"), vec![Value::ints(vec![72, 105])])),
        vec!["Hi"]
    );
    assert_eq!(
        strs(&pos(
            named!("intToUtf8"),
            vec![Value::ints(vec![72, 105]), Value::lgl(true)]
        )),
        vec!["H", "i"]
    );
    assert_eq!(
        strs(&pos(
            named!("intToUtf8"),
            vec![Value::ints(vec![72, NA_INT])]
        )),
        vec!["<NA>"]
    );
}
