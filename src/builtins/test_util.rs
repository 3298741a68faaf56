//! Helpers for unit tests of builtins: call a builtin directly and read its result.

use crate::builtins::Args;
use crate::error::{EvalResult, Flow};
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::{Data, Value};

/// Calls a builtin with (name, value) arguments on a fresh interpreter.
pub fn try_call(
    f: fn(&mut Interp, Args) -> EvalResult,
    args: Vec<(Option<&str>, Value)>,
) -> EvalResult {
    let mut it = crate::builtins::interp();
    let args = Args::new(
        args.into_iter()
            .map(|(n, v)| (n.map(Sym::new), v))
            .collect(),
    );
    f(&mut it, args)
}

/// [`try_call`], panicking on error.
pub fn call(f: fn(&mut Interp, Args) -> EvalResult, args: Vec<(Option<&str>, Value)>) -> Value {
    match try_call(f, args) {
        Ok(v) => v,
        Err(Flow::Error(e)) => panic!("call failed: {}", e.message),
        Err(_) => panic!("call failed"),
    }
}

/// Calls the builtin registered as `name` with `args` matched as a script's call would
/// be (see [`named!`](crate::named)).
pub fn call_named(it: &mut Interp, name: &str, args: Args) -> EvalResult {
    let f = it
        .base
        .get_local(Sym::new(name))
        .unwrap_or_else(|| panic!("no builtin {}", name));
    it.call_value(&f, args.items)
}

/// An unnamed argument.
pub fn p(v: Value) -> (Option<&'static str>, Value) {
    (None, v)
}

/// The payload of a double vector.
pub fn d(v: &Value) -> Vec<f64> {
    match v.data() {
        Some(Data::Dbl(x)) => x.to_vec(),
        _ => panic!("not double: {:?}", v),
    }
}

/// The payload of an integer vector.
pub fn i(v: &Value) -> Vec<i32> {
    match v.data() {
        Some(Data::Int(x)) => x.to_vec(),
        _ => panic!("not integer: {:?}", v),
    }
}

/// The strings of a character vector, NA as `<NA>`.
pub fn strs(v: &Value) -> Vec<String> {
    v.str_vec()
        .iter()
        .map(|s| s.as_deref().unwrap_or("<NA>").to_string())
        .collect()
}

/// A character scalar.
pub fn s(x: &str) -> Value {
    Value::str(x)
}

/// A character vector.
pub fn sv(x: &[&str]) -> Value {
    Value::strings(x)
}
