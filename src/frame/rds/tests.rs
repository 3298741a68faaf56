//! Round trips through the encoder and decoder, and damaged streams.

use super::read::ReadError;
use super::*;
use crate::syntax::sym::Sym;
use crate::value::{Env, Value};

fn ctx() -> Ctx {
    let base = Env::named(None, "base");
    Ctx {
        global: Env::named(Some(base.clone()), "R_GlobalEnv"),
        base,
    }
}

fn sample() -> Value {
    let mut f = Value::ints(vec![1, 2, 1, crate::value::NA_INT]);
    f.set_attr(Sym::new("levels"), Value::strings(&["a", "b"]));
    f.set_attr(Sym::new("class"), Value::str("factor"));
    let e = crate::syntax::parse_expr("function(x, y = 2) if (x > 1) f(x)[[1]] else -y").unwrap();
    Value::named_list(vec![
        ("d".into(), Value::dbls(vec![1.5, crate::value::na_real(), f64::INFINITY])),
        ("s".into(), Value::strs(vec![Some("é".into()), None])),
        ("f".into(), f),
        ("l".into(), Value::lgls(vec![1, 0, crate::value::NA_LGL])),
        (
            "e".into(),
            Value::Lang(std::rc::Rc::new(crate::value::Lang {
                expr: std::rc::Rc::new(e),
                attrs: None,
            })),
        ),
    ])
}

fn same(a: &Value, b: &Value) -> bool {
    crate::value::deparse::deparse_value(a) == crate::value::deparse::deparse_value(b)
}

#[test]
fn round_trips_in_every_format() {
    let c = ctx();
    let v = sample();
    for version in [2, 3] {
        for fmt in [Format::Xdr, Format::Ascii] {
            let b = serialize(&v, version, fmt, &c).unwrap();
            let back = unserialize(&b, &c).unwrap();
            assert!(same(&v, &back), "version {} {:?}", version, fmt);
        }
    }
}

#[test]
fn shared_environments_stay_shared() {
    let c = ctx();
    let e = Env::new(Some(c.global.clone()));
    e.set(Sym::new("k"), Value::num(3.0));
    let v = Value::list(vec![Value::Env(e.clone()), Value::Env(e), Value::Env(c.global.clone())]);
    let back = unserialize(&serialize(&v, 3, Format::Xdr, &c).unwrap(), &c).unwrap();
    let l = back.list_vec();
    match (&l[0], &l[1], &l[2]) {
        (Value::Env(a), Value::Env(b), Value::Env(g)) => {
            assert!(a.ptr_eq(b));
            assert!(g.ptr_eq(&c.global));
            assert!(a.parent().is_some_and(|p| p.ptr_eq(&c.global)));
        }
        _ => panic!("environments expected"),
    }
}

#[test]
fn every_prefix_of_a_stream_is_an_error_not_a_panic() {
    let c = ctx();
    let b = serialize(&sample(), 3, Format::Xdr, &c).unwrap();
    for n in 0..b.len() {
        assert!(unserialize(&b[..n], &c).is_err(), "prefix {}", n);
    }
    let a = serialize(&sample(), 3, Format::Ascii, &c).unwrap();
    for n in 0..a.len() {
        let _ = unserialize(&a[..n], &c);
    }
}

#[test]
fn bad_streams_give_r_errors() {
    let c = ctx();
    let m = |b: &[u8]| match unserialize(b, &c) {
        Err(ReadError::Msg(s)) => s,
        Err(ReadError::Truncated) => "truncated".into(),
        Ok(_) => "ok".into(),
    };
    assert_eq!(m(b"PK\x03\x04"), "unknown input format");
    let mut v4 = serialize(&Value::int(1), 3, Format::Xdr, &c).unwrap();
    v4[5] = 4;
    assert!(m(&v4).starts_with("cannot read workspace version 4"));
    // a vector of 2^31 - 1 doubles in a 40-byte stream: no allocation, an error
    let mut huge = serialize(&Value::Null, 2, Format::Xdr, &c).unwrap();
    huge.truncate(14);
    huge.extend_from_slice(&[0, 0, 0, 14, 0x7f, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
    assert_eq!(m(&huge), "truncated");
    // a long length of 2^60 elements
    huge.truncate(14);
    huge.extend_from_slice(&[0, 0, 0, 16, 0xff, 0xff, 0xff, 0xff, 0x10, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(m(&huge), "truncated");
    // lists nested past the limit
    let mut deep = serialize(&Value::Null, 2, Format::Xdr, &c).unwrap();
    deep.truncate(14);
    for _ in 0..100_000 {
        deep.extend_from_slice(&[0, 0, 0, 19, 0, 0, 0, 1]);
    }
    assert_eq!(m(&deep), "serialized object is nested too deeply");
    // a reference to nothing
    let mut r = serialize(&Value::Null, 2, Format::Xdr, &c).unwrap();
    r.truncate(14);
    r.extend_from_slice(&[0, 0, 0x05, 0xff]);
    assert!(m(&r).contains("invalid reference"));
}

#[test]
fn bytes_match_r_for_simple_values() {
    // serialize(c(1L, NA), NULL, version = 2) in R 4.2.2
    let c = ctx();
    let b = serialize(&Value::ints(vec![1, crate::value::NA_INT]), 2, Format::Xdr, &c).unwrap();
    let r: &[u8] = &[
        0x58, 0x0a, 0, 0, 0, 2, 0, 4, 2, 2, 0, 2, 3, 0, 0, 0, 0, 0x0d, 0, 0, 0, 2, 0, 0, 0, 1,
        0x80, 0, 0, 0,
    ];
    assert_eq!(b, r);
}
