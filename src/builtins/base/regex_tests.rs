//! Tests of the regular-expression family.

use super::*;
use crate::builtins::test_util::{s, strs, sv, try_call as call};
use crate::syntax::sym::Sym;

fn gs(p: &str, r: &str, x: &str) -> String {
    strs(&call(gsub, vec![(None, s(p)), (None, s(r)), (None, s(x))]).unwrap())[0].clone()
}
fn perl_gs(p: &str, r: &str, x: &str) -> String {
    strs(
        &call(
            gsub,
            vec![
                (None, s(p)),
                (None, s(r)),
                (None, s(x)),
                (Some("perl"), Value::lgl(true)),
            ],
        )
        .unwrap(),
    )[0]
    .clone()
}

#[test]
fn grepl_and_grep() {
    let x = sv(&["apple pie", "banana split", "cherry tart", "apple crumble"]);
    let r = call(named!("grepl"), vec![(None, s("apple")), (None, x.clone())]).unwrap();
    assert_eq!(*r.lgl_vec(), vec![1, 0, 0, 1]);
    let r = call(named!("grep"), vec![(None, s("an")), (None, x.clone())]).unwrap();
    assert_eq!(*r.int_vec(), vec![2]);
    let r = call(
        named!("grep"),
        vec![
            (None, s("an")),
            (None, x.clone()),
            (Some("value"), Value::lgl(true)),
        ],
    )
    .unwrap();
    assert_eq!(strs(&r), vec!["banana split"]);
    let r = call(
        named!("grep"),
        vec![
            (None, s("an")),
            (None, x),
            (Some("invert"), Value::lgl(true)),
        ],
    )
    .unwrap();
    assert_eq!(*r.int_vec(), vec![1, 3, 4]);
    // NA in x gives FALSE for grepl; NA pattern gives NA
    let x = Value::strs(vec![Some(Rc::from("a")), None]);
    assert_eq!(
        *call(named!("grepl"), vec![(None, s("a")), (None, x.clone())])
            .unwrap()
            .lgl_vec(),
        vec![1, 0]
    );
    let na = Value::strs(vec![None]);
    assert_eq!(
        *call(named!("grepl"), vec![(None, na), (None, x)])
            .unwrap()
            .lgl_vec(),
        vec![NA_LGL, NA_LGL]
    );
    let r = call(
        named!("grepl"),
        vec![(None, s("[0-9]")), (None, sv(&["abc", "a1c"]))],
    )
    .unwrap();
    assert_eq!(*r.lgl_vec(), vec![0, 1]);
    let r = call(
        named!("grepl"),
        vec![
            (None, s("A")),
            (None, sv(&["abc"])),
            (Some("ignore.case"), Value::lgl(true)),
        ],
    )
    .unwrap();
    assert_eq!(*r.lgl_vec(), vec![1]);
}

#[test]
fn sub_gsub() {
    assert_eq!(gs("[aeiou]", "", "apple pie"), "ppl p");
    assert_eq!(gs("\\s+", " ", "too    many   spaces"), "too many spaces");
    assert_eq!(
        gs("(^|_)([a-z])", "\\2", "snake_case_name"),
        "snakecasename"
    );
    assert_eq!(gs("", "-", "abc"), "-a-b-c-");
    assert_eq!(gs("b*", "-", "abc"), "-a-c-");
    assert_eq!(gs("x*", "-", "abc"), "-a-b-c-");
    assert_eq!(perl_gs("(\\w+)", "\\U\\1", "ab cd"), "AB CD");
    assert_eq!(
        perl_gs("(\\w)(\\w*)", "\\U\\1\\E\\2", "hello world"),
        "Hello World"
    );
    assert_eq!(perl_gs("(\\w+)", "\\L\\1", "AB Cd"), "ab cd");
    let r = call(
        sub,
        vec![
            (None, s("(a)(b)")),
            (None, s("\\0|\\2\\1")),
            (None, s("zabz")),
        ],
    )
    .unwrap();
    assert_eq!(strs(&r), vec!["z0|baz"]);
    let r = call(
        sub,
        vec![
            (None, s("^([a-z]+) .*$")),
            (None, s("\\1")),
            (None, sv(&["apple pie", "cherry tart"])),
        ],
    )
    .unwrap();
    assert_eq!(strs(&r), vec!["apple", "cherry"]);
    let r = call(
        gsub,
        vec![
            (None, s(".")),
            (None, s("-")),
            (None, s("a.b.c")),
            (Some("fixed"), Value::lgl(true)),
        ],
    )
    .unwrap();
    assert_eq!(strs(&r), vec!["a-b-c"]);
    assert_eq!(gs("\\.csv$", "", "data.csv"), "data");
    // NA stays NA; names are kept
    let mut x = Value::strs(vec![Some(Rc::from("a")), None]);
    x.set_attr(Sym::new("names"), sv(&["p", "q"]));
    let r = call(sub, vec![(None, s("a")), (None, s("b")), (None, x)]).unwrap();
    assert_eq!(strs(&r), vec!["b", "<NA>"]);
    assert_eq!(r.names().map(|n| n.len()), Some(2));
    // POSIX classes, brackets, unicode
    assert_eq!(gs("[[:digit:]]+", "#", "a12b3"), "a#b#");
    assert_eq!(gs("[[:alpha:]]", "", "é1b2"), "12");
    assert_eq!(gs("[[:space:][:punct:]]", "", "a, b!"), "ab");
    assert_eq!(gs("[]x]", "-", "a]x"), "a--");
    assert_eq!(gs("[\\.]", "-", "a.b\\c"), "a-b-c");
    assert_eq!(gs("a{2,3}", "X", "aaaaa"), "XX");
    assert_eq!(gs("\\<b", "X", "b ab b"), "X ab X");
    assert_eq!(gs("é", "e", "café"), "cafe");
}

#[test]
fn regex_errors() {
    let e = compile_r_regex("(", false, false, false).unwrap_err();
    assert_eq!(
        e.message,
        "invalid regular expression '(', reason 'Missing ')''"
    );
    let e = compile_r_regex("[a", false, false, false).unwrap_err();
    assert_eq!(
        e.message,
        "invalid regular expression '[a', reason 'Missing ']''"
    );
    let e = compile_r_regex("a{2", false, false, false).unwrap_err();
    assert_eq!(
        e.message,
        "invalid regular expression 'a{2', reason 'Missing '}''"
    );
    assert!(compile_r_regex("a)", false, false, false).is_ok_and(|r| r.is_match("a)")));
    assert!(compile_r_regex("*a", false, false, false).is_ok_and(|r| r.is_match("*a")));
    assert!(compile_r_regex("(", true, false, false).is_ok_and(|r| r.is_match("((")));
}

#[test]
fn regexpr_gregexpr() {
    let r = call(
        named!("regexpr"),
        vec![(None, s("na")), (None, s("banana"))],
    )
    .unwrap();
    assert_eq!(*r.int_vec(), vec![3]);
    assert_eq!(*r.get_attr("match.length").unwrap().int_vec(), vec![2]);
    assert_eq!(
        r.get_attr("index.type")
            .and_then(|v| v.as_string())
            .as_deref(),
        Some("chars")
    );
    let r = call(named!("regexpr"), vec![(None, s("é")), (None, s("café"))]).unwrap();
    assert_eq!(*r.int_vec(), vec![4]);
    assert!(r.get_attr("useBytes").is_none());
    let x = Value::strs(vec![Some(Rc::from("banana")), None, Some(Rc::from("xyz"))]);
    let r = call(named!("regexpr"), vec![(None, s("a")), (None, x.clone())]).unwrap();
    assert_eq!(*r.int_vec(), vec![2, NA_INT, -1]);
    let r = call(named!("gregexpr"), vec![(None, s("a")), (None, x.clone())]).unwrap();
    let l = r.list_vec();
    assert_eq!(*l[0].int_vec(), vec![2, 4, 6]);
    assert_eq!(*l[1].int_vec(), vec![NA_INT]);
    assert_eq!(*l[2].int_vec(), vec![-1]);
    let mm = call(named!("regmatches"), vec![(None, x.clone()), (None, r)]).unwrap();
    assert_eq!(strs(&mm.list_vec()[0]), vec!["a", "a", "a"]);
    let r = call(named!("gregexpr"), vec![(None, s("b*")), (None, s("abc"))]).unwrap();
    assert_eq!(*r.list_vec()[0].int_vec(), vec![1, 2, 3]);
    assert_eq!(
        *r.list_vec()[0].get_attr("match.length").unwrap().int_vec(),
        vec![0, 1, 0]
    );
    let r = call(named!("gregexpr"), vec![(None, s("")), (None, s("abc"))]).unwrap();
    assert_eq!(*r.list_vec()[0].int_vec(), vec![1, 2, 3]);
    let r = call(
        named!("gregexpr"),
        vec![(None, s("[0-9]+")), (None, s("a1b22"))],
    )
    .unwrap();
    let mm = call(
        named!("regmatches"),
        vec![
            (None, s("a1b22")),
            (None, r),
            (Some("invert"), Value::lgl(true)),
        ],
    )
    .unwrap();
    assert_eq!(strs(&mm.list_vec()[0]), vec!["a", "b", ""]);
    let r = call(
        named!("regexpr"),
        vec![(None, s("[0-9]+")), (None, sv(&["a12", "b", "345c"]))],
    )
    .unwrap();
    let mm = call(
        named!("regmatches"),
        vec![(None, sv(&["a12", "b", "345c"])), (None, r)],
    )
    .unwrap();
    assert_eq!(strs(&mm), vec!["12", "345"]);
    let r = call(
        named!("regexpr"),
        vec![
            (None, s("(a)(n)")),
            (None, s("banana")),
            (Some("perl"), Value::lgl(true)),
        ],
    )
    .unwrap();
    assert_eq!(*r.get_attr("capture.start").unwrap().int_vec(), vec![2, 3]);
    let r = call(
        named!("regexec"),
        vec![(None, s("(\\w+)@(\\w+)")), (None, s("me@host"))],
    )
    .unwrap();
    assert_eq!(*r.list_vec()[0].int_vec(), vec![1, 1, 4]);
}
