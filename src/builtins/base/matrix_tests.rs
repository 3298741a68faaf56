//! Tests of the matrix family (and the `call` helper other families' tests use).

use super::*;
use crate::error::Flow;

/// Calls a builtin from any family table by name (test helper).
pub(crate) fn call(it: &mut Interp, name: &str, args: Vec<(Option<&str>, Value)>) -> EvalResult {
    let b = crate::builtins::tables()
        .into_iter()
        .chain([BUILTINS, crate::builtins::base::factor::BUILTINS])
        .flat_map(|t| t.iter())
        .find(|b| b.name == name)
        .unwrap_or_else(|| panic!("no builtin {}", name));
    let f = it.register_builtin(b.name, b.resolved_kind());
    it.call_value(
        &f,
        args.into_iter()
            .map(|(n, v)| (n.map(Sym::new), v))
            .collect(),
    )
}
pub(crate) fn ok(r: EvalResult) -> Value {
    match r {
        Ok(v) => v,
        Err(Flow::Error(e)) => panic!("error: {}", e.message),
        Err(_) => panic!("unexpected flow"),
    }
}
pub(crate) fn msg(r: EvalResult) -> String {
    match r {
        Err(Flow::Error(e)) => e.message,
        _ => panic!("expected an error"),
    }
}
pub(crate) fn p(v: Value) -> (Option<&'static str>, Value) {
    (None, v)
}
pub(crate) fn n(name: &'static str, v: Value) -> (Option<&'static str>, Value) {
    (Some(name), v)
}
pub(crate) fn dims(v: &Value) -> Vec<usize> {
    v.dim().unwrap_or_default()
}
pub(crate) fn strs(v: &Option<Vec<RStr>>) -> Vec<String> {
    v.as_ref()
        .map(|x| {
            x.iter()
                .map(|s| s.as_deref().unwrap_or("NA").to_string())
                .collect()
        })
        .unwrap_or_default()
}
fn seq(a: i32, b: i32) -> Value {
    Value::ints((a..=b).collect())
}

#[test]
fn matrix_construction() {
    let mut it = crate::builtins::interp();
    let m = ok(call(
        &mut it,
        "matrix",
        vec![p(seq(1, 6)), n("nrow", Value::num(2.0))],
    ));
    assert_eq!(dims(&m), vec![2, 3]);
    assert_eq!(m.vtype(), Some(VType::Int));
    let m = ok(call(
        &mut it,
        "matrix",
        vec![
            p(seq(1, 6)),
            p(Value::num(2.0)),
            n("byrow", Value::lgl(true)),
        ],
    ));
    assert_eq!(*m.int_vec(), vec![1, 4, 2, 5, 3, 6]);
    let m = ok(call(
        &mut it,
        "matrix",
        vec![p(seq(1, 5)), p(Value::num(2.0))],
    ));
    assert_eq!(dims(&m), vec![2, 3]);
    assert_eq!(*m.int_vec(), vec![1, 2, 3, 4, 5, 1]);
    assert_eq!(
        it.pending_warnings,
        vec![
            "data length [5] is not a sub-multiple or multiple of the number of rows [2]"
                .to_string()
        ]
    );
    it.pending_warnings.clear();
    ok(call(
        &mut it,
        "matrix",
        vec![p(seq(1, 6)), p(Value::num(2.0)), p(Value::num(2.0))],
    ));
    assert_eq!(
        it.pending_warnings,
        vec!["data length differs from size of matrix: [6 != 2 x 2]".to_string()]
    );
    it.pending_warnings.clear();
    ok(call(
        &mut it,
        "matrix",
        vec![p(seq(1, 3)), p(Value::num(2.0)), p(Value::num(3.0))],
    ));
    assert!(it.pending_warnings.is_empty());
    let dn = Value::list(vec![Value::strings(&["a", "b"]), Value::Null]);
    let m = ok(call(
        &mut it,
        "matrix",
        vec![p(seq(1, 6)), p(Value::num(2.0)), n("dimnames", dn)],
    ));
    assert_eq!(strs(&dimnames_parts(&m)[0]), vec!["a", "b"]);
    assert!(dimnames_parts(&m)[1].is_none());
    let a = ok(call(
        &mut it,
        "array",
        vec![p(seq(1, 24)), p(Value::ints(vec![2, 3, 4]))],
    ));
    assert_eq!(dims(&a), vec![2, 3, 4]);
    assert_eq!(
        ok(call(&mut it, "nrow", vec![p(a.clone())])).as_i32(),
        Some(2)
    );
    assert_eq!(ok(call(&mut it, "ncol", vec![p(a)])).as_i32(), Some(3));
    assert!(ok(call(&mut it, "nrow", vec![p(seq(1, 3))])).is_null());
    assert_eq!(
        ok(call(&mut it, "NROW", vec![p(seq(1, 3))])).as_i32(),
        Some(3)
    );
    assert_eq!(
        ok(call(&mut it, "NCOL", vec![p(seq(1, 3))])).as_i32(),
        Some(1)
    );
}

#[test]
fn transpose_and_bind() {
    let mut it = crate::builtins::interp();
    let mut x = Value::dbls(vec![1.0, 2.0]);
    x.set_attr(sym("names"), Value::strings(&["a", "b"]));
    let t = ok(call(&mut it, "t", vec![p(x)]));
    assert_eq!(dims(&t), vec![1, 2]);
    assert_eq!(strs(&dimnames_parts(&t)[1]), vec!["a", "b"]);
    let m = ok(call(
        &mut it,
        "matrix",
        vec![p(seq(1, 6)), p(Value::num(2.0))],
    ));
    let t = ok(call(&mut it, "t", vec![p(m)]));
    assert_eq!(*t.int_vec(), vec![1, 3, 5, 2, 4, 6]);
    assert_eq!(dims(&t), vec![3, 2]);

    let c = ok(bind(
        &mut it,
        vec![(Some("a".into()), seq(1, 2)), (Some("b".into()), seq(3, 4))],
        false,
    ));
    assert_eq!(dims(&c), vec![2, 2]);
    assert!(dimnames_parts(&c)[0].is_none());
    assert_eq!(strs(&dimnames_parts(&c)[1]), vec!["a", "b"]);
    let r = ok(call(&mut it, "rbind", vec![p(seq(1, 3)), p(seq(4, 6))]));
    assert_eq!(*r.int_vec(), vec![1, 4, 2, 5, 3, 6]);
    assert!(r.get_attr("dimnames").is_none());
    let mut y = Value::dbls(vec![3.0, 4.0]);
    y.set_attr(sym("names"), Value::strings(&["u", "v"]));
    let c = ok(bind(
        &mut it,
        vec![(Some("x".into()), seq(1, 2)), (Some("y".into()), y)],
        false,
    ));
    assert_eq!(c.vtype(), Some(VType::Dbl));
    assert_eq!(strs(&dimnames_parts(&c)[0]), vec!["u", "v"]);
    let c = ok(call(&mut it, "cbind", vec![p(seq(1, 3)), p(seq(1, 2))]));
    assert_eq!(*c.int_vec(), vec![1, 2, 3, 1, 2, 1]);
    let w: Vec<String> = it.warnings.iter().map(|w| w.1.clone()).collect();
    assert_eq!(
        w,
        vec!["number of rows of result is not a multiple of vector length (arg 2)".to_string()]
    );
    let mut m = ok(call(
        &mut it,
        "matrix",
        vec![p(seq(1, 4)), p(Value::num(2.0))],
    ));
    set_dimnames_parts(
        &mut m,
        vec![
            Some(vec![Some("x".into()), Some("y".into())]),
            Some(vec![Some("p".into()), Some("q".into())]),
        ],
        None,
    );
    let r = ok(bind(
        &mut it,
        vec![(Some("a".into()), seq(1, 2)), (None, m.clone())],
        true,
    ));
    assert_eq!(dims(&r), vec![3, 2]);
    assert_eq!(strs(&dimnames_parts(&r)[0]), vec!["a", "x", "y"]);
    assert_eq!(strs(&dimnames_parts(&r)[1]), vec!["p", "q"]);
    let c = ok(call(
        &mut it,
        "cbind",
        vec![p(seq(1, 2)), p(Value::strings(&["a", "b"]))],
    ));
    assert_eq!(c.vtype(), Some(VType::Str));
    let bad = ok(call(
        &mut it,
        "matrix",
        vec![p(seq(1, 6)), p(Value::num(3.0))],
    ));
    assert_eq!(
        msg(call(&mut it, "cbind", vec![p(m), p(bad)])),
        "number of rows of matrices must match (see arg 2)"
    );
}

#[test]
fn products() {
    let mut it = crate::builtins::interp();
    let a = ok(call(
        &mut it,
        "matrix",
        vec![p(seq(1, 6)), p(Value::num(2.0))],
    ));
    let r = ok(call(&mut it, "%*%", vec![p(a.clone()), p(seq(1, 3))]));
    assert_eq!(dims(&r), vec![2, 1]);
    assert_eq!(*r.dbl_vec(), vec![22.0, 28.0]);
    let r = ok(call(&mut it, "%*%", vec![p(seq(1, 2)), p(seq(1, 2))]));
    assert_eq!((dims(&r), r.vtype()), (vec![1, 1], Some(VType::Dbl)));
    let ta = ok(call(
        &mut it,
        "matrix",
        vec![p(seq(1, 6)), p(Value::num(3.0))],
    ));
    let r = ok(call(&mut it, "%*%", vec![p(seq(1, 3)), p(ta)]));
    assert_eq!(*r.dbl_vec(), vec![14.0, 32.0]);
    let sq = ok(call(
        &mut it,
        "matrix",
        vec![p(seq(1, 4)), p(Value::num(2.0))],
    ));
    assert_eq!(
        msg(call(&mut it, "%*%", vec![p(sq), p(seq(1, 3))])),
        "non-conformable arguments"
    );
    let r = ok(call(&mut it, "crossprod", vec![p(seq(1, 3))]));
    assert_eq!(*r.dbl_vec(), vec![14.0]);
    let r = ok(call(&mut it, "tcrossprod", vec![p(seq(1, 2))]));
    assert_eq!(*r.dbl_vec(), vec![1.0, 2.0, 2.0, 4.0]);
    let mut x = Value::dbls(vec![1.0, 2.0]);
    x.set_attr(sym("names"), Value::strings(&["a", "b"]));
    let o = ok(call(
        &mut it,
        "outer",
        vec![p(x), p(seq(1, 3)), p(Value::str("+"))],
    ));
    assert_eq!(*o.dbl_vec(), vec![2.0, 3.0, 3.0, 4.0, 4.0, 5.0]);
    assert_eq!(strs(&dimnames_parts(&o)[0]), vec!["a", "b"]);
    let o = ok(call(&mut it, "%o%", vec![p(seq(1, 2)), p(seq(1, 3))]));
    assert_eq!((dims(&o), o.vtype()), (vec![2, 3], Some(VType::Dbl)));
}

#[test]
fn diag_solve_det() {
    let mut it = crate::builtins::interp();
    let d = ok(call(&mut it, "diag", vec![p(Value::num(2.0))]));
    assert_eq!((*d.dbl_vec()).clone(), vec![1.0, 0.0, 0.0, 1.0]);
    let d = ok(call(&mut it, "diag", vec![p(seq(1, 3))]));
    assert_eq!((dims(&d), d.vtype()), (vec![3, 3], Some(VType::Int)));
    let d = ok(call(
        &mut it,
        "diag",
        vec![p(Value::num(2.0)), p(Value::num(2.0)), p(Value::num(3.0))],
    ));
    assert_eq!(*d.dbl_vec(), vec![2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
    let mut m = ok(call(
        &mut it,
        "matrix",
        vec![p(seq(1, 4)), p(Value::num(2.0))],
    ));
    let ab = Some(vec![Some("a".into()), Some("b".into())]);
    set_dimnames_parts(&mut m, vec![ab.clone(), ab], None);
    let g = ok(call(&mut it, "diag", vec![p(m.clone())]));
    assert_eq!((*g.int_vec()).clone(), vec![1, 4]);
    assert_eq!(strs(&g.names()), vec!["a", "b"]);
    let s = ok(call(
        &mut it,
        "diag<-",
        vec![p(m.clone()), n("value", Value::num(9.0))],
    ));
    assert_eq!((*s.dbl_vec()).clone(), vec![9.0, 2.0, 3.0, 9.0]);
    assert_eq!(s.vtype(), Some(VType::Dbl));
    let det = ok(call(&mut it, "det", vec![p(m)]));
    assert_eq!(det.as_f64(), Some(-2.0));
    let a = ok(call(
        &mut it,
        "matrix",
        vec![p(Value::dbls(vec![2.0, 1.0, 1.0, 3.0])), p(Value::num(2.0))],
    ));
    let x = ok(call(
        &mut it,
        "solve",
        vec![p(a.clone()), p(Value::dbls(vec![1.0, 2.0]))],
    ));
    assert!(x.dim().is_none());
    let xv = x.dbl_vec();
    assert!((xv[0] - 0.2).abs() < 1e-15 && (xv[1] - 0.6).abs() < 1e-15);
    let inv = ok(call(&mut it, "solve", vec![p(a)]));
    assert_eq!(dims(&inv), vec![2, 2]);
    let rect = ok(call(
        &mut it,
        "matrix",
        vec![p(seq(1, 6)), p(Value::num(2.0))],
    ));
    assert_eq!(
        msg(call(&mut it, "solve", vec![p(rect.clone())])),
        "'a' (2 x 3) must be square"
    );
    assert_eq!(
        msg(call(&mut it, "det", vec![p(rect)])),
        "'x' must be a square matrix"
    );
    let sing = ok(call(
        &mut it,
        "matrix",
        vec![p(Value::dbls(vec![1.0, 2.0, 2.0, 4.0])), p(Value::num(2.0))],
    ));
    assert_eq!(
        msg(call(&mut it, "solve", vec![p(sing)])),
        "Lapack routine dgesv: system is exactly singular: U[2,2] = 0"
    );
    let i2 = ok(call(&mut it, "diag", vec![p(Value::num(2.0))]));
    assert_eq!(
        msg(call(&mut it, "solve", vec![p(i2), p(seq(1, 3))])),
        "'b' (3 x 1) must be compatible with 'a' (2 x 2)"
    );
    let pd = ok(call(
        &mut it,
        "matrix",
        vec![p(Value::dbls(vec![4.0, 2.0, 2.0, 3.0])), p(Value::num(2.0))],
    ));
    let r = ok(call(&mut it, "chol", vec![p(pd)]));
    assert_eq!(r.dbl_vec()[1], 0.0);
    let i2 = ok(call(&mut it, "diag", vec![p(Value::num(2.0))]));
    let dt = ok(call(&mut it, "determinant", vec![p(i2)]));
    assert!(dt.inherits("det"));
}

#[test]
fn apply_and_summaries() {
    let mut it = crate::builtins::interp();
    let mut m = ok(call(
        &mut it,
        "matrix",
        vec![p(seq(1, 6)), p(Value::num(2.0))],
    ));
    set_dimnames_parts(
        &mut m,
        vec![Some(vec![Some("a".into()), Some("b".into())]), None],
        None,
    );
    let f = ok(crate::builtins::base::apply::as_function(
        &mut it,
        &Value::str("length"),
    ));
    let r = ok(call(
        &mut it,
        "apply",
        vec![p(m.clone()), p(Value::num(1.0)), p(f)],
    ));
    assert_eq!((*r.int_vec()).clone(), vec![3, 3]);
    assert_eq!(strs(&r.names()), vec!["a", "b"]);
    let f = ok(crate::builtins::base::apply::as_function(
        &mut it,
        &Value::str("c"),
    ));
    let r = ok(call(
        &mut it,
        "apply",
        vec![p(m.clone()), p(Value::num(2.0)), p(f.clone())],
    ));
    assert_eq!(dims(&r), vec![2, 3]);
    assert_eq!((*r.int_vec()).clone(), vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(strs(&dimnames_parts(&r)[0]), vec!["a", "b"]);
    let r = ok(call(
        &mut it,
        "apply",
        vec![p(m.clone()), p(Value::ints(vec![1, 2])), p(f)],
    ));
    assert_eq!(dims(&r), vec![2, 3]);
    let rs = ok(call(&mut it, "rowSums", vec![p(m.clone())]));
    assert_eq!((*rs.dbl_vec()).clone(), vec![9.0, 12.0]);
    assert_eq!(strs(&rs.names()), vec!["a", "b"]);
    let cs = ok(call(&mut it, "colMeans", vec![p(m.clone())]));
    assert_eq!((*cs.dbl_vec()).clone(), vec![1.5, 3.5, 5.5]);
    assert!(cs.names().is_none());
    let na = ok(call(
        &mut it,
        "matrix",
        vec![
            p(Value::dbls(vec![1.0, crate::value::na_real(), 3.0, 4.0])),
            p(Value::num(2.0)),
        ],
    ));
    let rm = ok(call(
        &mut it,
        "rowMeans",
        vec![p(na), n("na.rm", Value::lgl(true))],
    ));
    assert_eq!((*rm.dbl_vec()).clone(), vec![2.0, 4.0]);
    assert_eq!(
        msg(call(&mut it, "rowSums", vec![p(seq(1, 3))])),
        "'x' must be an array of at least two dimensions"
    );
    let rn = ok(call(&mut it, "rownames", vec![p(m.clone())]));
    assert_eq!(
        rn.as_strings(),
        Some(vec!["a".to_string(), "b".to_string()])
    );
    assert!(ok(call(&mut it, "colnames", vec![p(m.clone())])).is_null());
    let m2 = ok(call(
        &mut it,
        "colnames<-",
        vec![p(m.clone()), n("value", Value::strings(&["x", "y", "z"]))],
    ));
    assert_eq!(strs(&dimnames_parts(&m2)[1]), vec!["x", "y", "z"]);
    assert_eq!(
        msg(call(
            &mut it,
            "rownames<-",
            vec![p(m.clone()), n("value", Value::strings(&["a", "b", "c"]))]
        )),
        "length of 'dimnames' [1] not equal to array extent"
    );
    assert_eq!(
        msg(call(
            &mut it,
            "rownames<-",
            vec![p(seq(1, 2)), n("value", Value::strings(&["a", "b"]))]
        )),
        "attempt to set 'rownames' on an object with no dimensions"
    );
    let lt = ok(call(&mut it, "lower.tri", vec![p(m.clone())]));
    assert_eq!(*lt.lgl_vec(), vec![0, 1, 0, 0, 0, 0]);
    let ap = ok(call(&mut it, "aperm", vec![p(m.clone())]));
    assert_eq!(*ap.int_vec(), vec![1, 3, 5, 2, 4, 6]);
    assert_eq!(strs(&dimnames_parts(&ap)[1]), vec!["a", "b"]);
    let r = ok(call(&mut it, "row", vec![p(m.clone())]));
    assert_eq!(*r.int_vec(), vec![1, 2, 1, 2, 1, 2]);
    let sw = ok(call(
        &mut it,
        "sweep",
        vec![
            p(m),
            p(Value::num(2.0)),
            p(Value::dbls(vec![1.0, 3.0, 5.0])),
        ],
    ));
    assert_eq!(*sw.dbl_vec(), vec![0.0, 1.0, 0.0, 1.0, 0.0, 1.0]);
}
