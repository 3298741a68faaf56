//! Tests of the sequence family.

use super::*;
use crate::value::na_real;

use crate::builtins::test_util::{call, d, i, p};
fn names(v: &Value) -> Vec<String> {
    v.names()
        .unwrap_or_default()
        .iter()
        .map(|s| s.as_deref().unwrap_or("NA").to_string())
        .collect()
}

#[test]
fn seq_types() {
    assert_eq!(i(&call(seq, vec![p(Value::num(5.0))])), vec![1, 2, 3, 4, 5]);
    assert_eq!(
        i(&call(seq, vec![p(Value::num(2.0)), p(Value::num(5.0))])),
        vec![2, 3, 4, 5]
    );
    assert_eq!(
        d(&call(
            seq,
            vec![p(Value::num(1.0)), p(Value::num(10.0)), p(Value::num(2.0))]
        )),
        vec![1.0, 3.0, 5.0, 7.0, 9.0]
    );
    assert_eq!(
        i(&call(
            seq,
            vec![p(Value::int(1)), p(Value::int(10)), p(Value::int(3))]
        )),
        vec![1, 4, 7, 10]
    );
    let v = d(&call(
        seq,
        vec![p(Value::num(0.0)), p(Value::num(1.0)), p(Value::num(0.1))],
    ));
    assert_eq!(v.len(), 11);
    assert_eq!(v[3], 0.30000000000000004);
    assert_eq!(v[10], 1.0);
    assert_eq!(
        d(&call(
            seq,
            vec![
                p(Value::num(10.0)),
                p(Value::num(1.0)),
                (Some("by"), Value::num(-3.0))
            ]
        )),
        vec![10.0, 7.0, 4.0, 1.0]
    );
    assert_eq!(
        d(&call(
            seq,
            vec![
                p(Value::num(0.0)),
                p(Value::num(1.0)),
                (Some("length.out"), Value::num(5.0))
            ]
        )),
        vec![0.0, 0.25, 0.5, 0.75, 1.0]
    );
    assert_eq!(
        d(&call(
            seq,
            vec![
                p(Value::num(1.0)),
                p(Value::num(10.0)),
                (Some("length.out"), Value::num(4.0))
            ]
        )),
        vec![1.0, 4.0, 7.0, 10.0]
    );
    assert_eq!(
        i(&call(
            seq,
            vec![(Some("along.with"), Value::strings(&["a", "b", "c"]))]
        )),
        vec![1, 2, 3]
    );
    assert_eq!(i(&call(seq_len, vec![p(Value::num(3.0))])), vec![1, 2, 3]);
    assert_eq!(
        i(&call(seq_len, vec![p(Value::num(0.0))])),
        Vec::<i32>::new()
    );
    assert_eq!(
        d(&call(
            seq,
            vec![
                p(Value::num(5.0)),
                (Some("by"), Value::num(2.0)),
                (Some("length.out"), Value::num(3.0))
            ]
        )),
        vec![5.0, 7.0, 9.0]
    );
}

#[test]
fn reps() {
    assert_eq!(
        i(&call(
            named!("rep"),
            vec![p(Value::ints(vec![1, 2])), p(Value::num(2.0))]
        )),
        vec![1, 2, 1, 2]
    );
    assert_eq!(
        i(&call(
            named!("rep"),
            vec![p(Value::ints(vec![1, 2])), (Some("each"), Value::num(2.0))]
        )),
        vec![1, 1, 2, 2]
    );
    assert_eq!(
        i(&call(
            named!("rep"),
            vec![p(Value::ints(vec![1, 2])), p(Value::ints(vec![3, 1]))]
        )),
        vec![1, 1, 1, 2]
    );
    assert_eq!(
        i(&call(
            named!("rep"),
            vec![
                p(Value::ints(vec![1, 2, 3])),
                (Some("length.out"), Value::num(7.0))
            ]
        )),
        vec![1, 2, 3, 1, 2, 3, 1]
    );
    let mut x = Value::dbls(vec![1.0, 2.0]);
    x.set_attr(Sym::new("names"), Value::strings(&["a", "b"]));
    let v = call(named!("rep"), vec![p(x), p(Value::num(2.0))]);
    assert_eq!(names(&v), vec!["a", "b", "a", "b"]);
    assert_eq!(
        i(&call(
            named!("rep_len"),
            vec![p(Value::ints(vec![1, 2, 3])), p(Value::num(5.0))]
        )),
        vec![1, 2, 3, 1, 2]
    );
}

#[test]
fn rev_which_anyall() {
    let mut x = Value::dbls(vec![1.0, 2.0, 3.0]);
    x.set_attr(Sym::new("names"), Value::strings(&["a", "b", "c"]));
    let v = call(rev, vec![p(x.clone())]);
    assert_eq!(d(&v), vec![3.0, 2.0, 1.0]);
    assert_eq!(names(&v), vec!["c", "b", "a"]);
    let mut l = Value::lgls(vec![1, 0, NA_LGL, 1]);
    l.set_attr(Sym::new("names"), Value::strings(&["a", "b", "c", "d"]));
    let v = call(named!("which"), vec![p(l)]);
    assert_eq!(i(&v), vec![1, 4]);
    assert_eq!(names(&v), vec!["a", "d"]);
    let v = call(
        which_max,
        vec![p(Value::dbls(vec![1.0, 3.0, na_real(), 3.0]))],
    );
    assert_eq!(i(&v), vec![2]);
    let v = call(which_min, vec![p(x)]);
    assert_eq!(i(&v), vec![1]);
    assert_eq!(names(&v), vec!["a"]);
    assert_eq!(
        call(any, vec![p(Value::lgls(vec![0, NA_LGL]))]).lgl_vec()[0],
        NA_LGL
    );
    assert_eq!(
        call(any, vec![p(Value::lgls(vec![1, NA_LGL]))]).lgl_vec()[0],
        1
    );
    assert_eq!(
        call(all, vec![p(Value::lgls(vec![0, NA_LGL]))]).lgl_vec()[0],
        0
    );
    assert_eq!(
        call(all, vec![p(Value::lgls(vec![1, NA_LGL]))]).lgl_vec()[0],
        NA_LGL
    );
    assert_eq!(
        call(
            all,
            vec![
                p(Value::lgls(vec![1, NA_LGL])),
                (Some("na.rm"), Value::lgl(true))
            ]
        )
        .lgl_vec()[0],
        1
    );
    assert_eq!(call(all, vec![p(Value::lgls(vec![]))]).lgl_vec()[0], 1);
}

#[test]
fn ifelse_head_tail() {
    let mut t = Value::lgls(vec![1, 0, NA_LGL]);
    t.set_attr(Sym::new("names"), Value::strings(&["x", "y", "z"]));
    let v = call(
        named!("ifelse"),
        vec![p(t), p(Value::strings(&["a"])), p(Value::strings(&["b"]))],
    );
    assert_eq!(
        v.str_vec().to_vec(),
        vec![Some(Rc::from("a")), Some(Rc::from("b")), None]
    );
    assert_eq!(names(&v), vec!["x", "y", "z"]);
    let v = call(
        named!("ifelse"),
        vec![
            p(Value::lgls(vec![1, 1])),
            p(Value::ints(vec![1, 2])),
            p(Value::str("no")),
        ],
    );
    assert_eq!(i(&v), vec![1, 2]);
    let x = Value::ints((1..=10).collect());
    assert_eq!(
        i(&call(head_fn, vec![p(x.clone())])),
        vec![1, 2, 3, 4, 5, 6]
    );
    assert_eq!(
        i(&call(head_fn, vec![p(x.clone()), p(Value::num(-8.0))])),
        vec![1, 2]
    );
    assert_eq!(
        i(&call(tail_fn, vec![p(x.clone()), p(Value::num(3.0))])),
        vec![8, 9, 10]
    );
    assert_eq!(
        i(&call(tail_fn, vec![p(x.clone()), p(Value::num(-8.0))])),
        vec![9, 10]
    );
    let v = call(
        named!("append"),
        vec![
            p(Value::ints(vec![1, 2, 3])),
            p(Value::int(9)),
            (Some("after"), Value::num(1.0)),
        ],
    );
    assert_eq!(i(&v), vec![1, 9, 2, 3]);
    let r = call(rle, vec![p(Value::ints(vec![1, 1, 2, 2, 2, 1]))]);
    let parts = r.list_vec();
    assert_eq!(i(&parts[0]), vec![2, 3, 1]);
    assert_eq!(i(&parts[1]), vec![1, 2, 1]);
}
