//! `integrate`: adaptive quadrature of an R function over a finite or infinite range (QUADPACK's qags/qagi in `crate::stats::optim::quadpack`), and its print method.

use super::*;
use crate::builtins::{declared, special, Args, Builtin, Matched};
use crate::error::Flow;
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr};
use crate::syntax::sym::Sym;
use crate::value::Lang;
use crate::value::NA_INT;
use crate::value::{Env, VType, Value};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    special("integrate", integrate),
    declared("print.integrate", print_integrate),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("integrate",
            "integrate(f, lower, upper, ..., subdivisions = 100L, rel.tol = .Machine$double.eps^0.25, abs.tol = \
             rel.tol, stop.on.error = TRUE)",
            "Integrates a vectorised function of one variable from lower to upper (either may be infinite) by \
             adaptive quadrature. Returns an \"integrate\" object with value, abs.error and subdivisions."),
        doc("print.integrate", "print.integrate(x, digits = getOption(\"digits\"), ...)",
            "Prints an integrate result as the value and an error bound, such as \"1 with absolute error < \
             1.1e-14\"."),
    ]
};

pub fn integrate(it: &mut Interp, args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    let items = it.eval_args(args, env)?;
    let mcall = crate::builtins::stats::models::matched_call_expr(call, INTEGRATE_FORMALS);
    let m = Args::new(items).matched(INTEGRATE_FORMALS)?;
    let f = as_function(it, m.req("f")?)?;
    let lower_v = m.req("lower")?.clone();
    let upper_v = m.req("upper")?.clone();
    let dots = m.dots.clone();
    let limit = m
        .get("subdivisions")
        .and_then(|v| v.as_i32())
        .unwrap_or(100);
    let rel_tol = m
        .get("rel.tol")
        .and_then(|v| v.as_f64())
        .unwrap_or(f64::EPSILON.powf(0.25));
    let abs_tol = m.get("abs.tol").and_then(|v| v.as_f64()).unwrap_or(rel_tol);
    let stop_on_error = m
        .get("stop.on.error")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    if limit == NA_INT
        || limit < 1
        || (abs_tol <= 0.0 && rel_tol < (50.0 * f64::EPSILON).max(5e-29))
    {
        return err("invalid parameter values");
    }
    if lower_v.len() != 1 {
        return err("length(lower) == 1 is not TRUE");
    }
    if upper_v.len() != 1 {
        return err("length(upper) == 1 is not TRUE");
    }
    let (lower, upper) = (scalar_of(&lower_v), scalar_of(&upper_v));
    let range = if lower.is_finite() && upper.is_finite() {
        Range::Finite(lower, upper)
    } else {
        if lower.is_nan() || upper.is_nan() {
            return err("a limit is NA or NaN");
        }
        if lower.is_finite() {
            Range::Infinite(lower, 1)
        } else if upper.is_finite() {
            Range::Infinite(upper, -1)
        } else {
            Range::Infinite(0.0, 2)
        }
    };
    let q = {
        let cell = RefCell::new(&mut *it);
        let g = |x: &[f64]| -> Result<Vec<f64>, Flow> {
            let mut it = cell.borrow_mut();
            let r = call_at(&mut it, &f, Value::dbls(x.to_vec()), &dots)?;
            if r.len() != x.len() {
                return err("evaluation of function gave a result of wrong length");
            }
            let d = match r.vtype() {
                Some(VType::Int | VType::Dbl) => r.dbl_vec().to_vec(),
                _ => return err("evaluation of function gave a result of wrong type"),
            };
            if d.iter().any(|v| !v.is_finite()) {
                return err("non-finite function value");
            }
            Ok(d)
        };
        quad(g, range, abs_tol, rel_tol, limit as usize)?
    };
    let msg = INTEGRATE_MESSAGES
        .get(q.ier as usize)
        .copied()
        .unwrap_or("the input is invalid");
    if q.ier == 6 || (q.ier > 0 && stop_on_error) {
        return err(msg);
    }
    let mut v = Value::named_list(vec![
        ("value".into(), Value::num(q.value)),
        ("abs.error".into(), Value::num(q.abs_error)),
        ("subdivisions".into(), Value::int(q.subdivisions)),
        ("message".into(), Value::str(msg)),
        (
            "call".into(),
            Value::Lang(Rc::new(Lang {
                expr: Rc::new(mcall),
                attrs: None,
            })),
        ),
    ]);
    v.set_attr(Sym::new("class"), Value::str("integrate"));
    it.visible = true;
    Ok(v)
}

pub fn print_integrate(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let digits = m
        .get("digits")
        .and_then(|v| v.as_f64())
        .map(|d| d as usize)
        .unwrap_or_else(|| crate::print::option_digits(it));
    let msg = list_field(&x, "message")
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let text = if msg == "OK" {
        let value = list_field(&x, "value")
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::NAN);
        let abserr = list_field(&x, "abs.error")
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::NAN);
        let v = crate::print::num::format_dbl_vec_trim(&[value], digits).remove(0);
        let e = crate::print::num::format_dbl_vec_trim(&[abserr], 2).remove(0);
        format!("{} with absolute error < {}\n", v, e)
    } else {
        format!("failed with message \u{2018}{}\u{2019}\n", msg)
    };
    it.write_out(&text);
    it.visible = false;
    Ok(x)
}

pub const INTEGRATE_FORMALS: &[&str] = &[
    "f",
    "lower",
    "upper",
    "...",
    "subdivisions",
    "rel.tol",
    "abs.tol",
    "stop.on.error",
    "keep.xy",
    "aux",
];
