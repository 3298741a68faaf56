//! `besselJ`, `besselY`, `besselI`, `besselK`: Bessel functions of real order, recycled
//! over x and nu (kernels in `stats::bessel`).

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::bessel;
use crate::value::{is_na_real, na_real, VType, Value};

/// The Bessel function builtins.
pub const BUILTINS: &[Builtin] = &[
    declared("besselJ", bessel_j),
    declared("besselY", bessel_y),
    declared("besselI", bessel_i),
    declared("besselK", bessel_k),
];

/// Help entries for the Bessel functions.
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("besselJ", "besselJ(x, nu)", "Bessel function of the first kind J_nu(x), x >= 0, real order nu."),
        doc("besselY", "besselY(x, nu)", "Bessel function of the second kind Y_nu(x), x >= 0, real order nu."),
        doc("besselI", "besselI(x, nu, expon.scaled = FALSE)",
            "Modified Bessel function of the first kind I_nu(x); times exp(-x) with expon.scaled = TRUE."),
        doc("besselK", "besselK(x, nu, expon.scaled = FALSE)",
            "Modified Bessel function of the second kind K_nu(x); times exp(x) with expon.scaled = TRUE."),
    ]
};

/// Applies `f` over x and nu recycled, with R's warnings for x < 0 and NaN results.
fn recycle(it: &mut Interp, m: &Matched, name: &str, f: &dyn Fn(f64, f64) -> f64) -> EvalResult {
    let x = m.req("x")?.clone();
    let nu = m.req("nu")?.clone();
    for v in [&x, &nu] {
        if !matches!(v.vtype(), Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl)) {
            return err("non-numeric argument to mathematical function");
        }
    }
    let (xs, ns) = (x.dbl_vec(), nu.dbl_vec());
    let n = if xs.is_empty() || ns.is_empty() { 0 } else { xs.len().max(ns.len()) };
    let (mut range, mut nan) = (false, false);
    let out: Vec<f64> = (0..n)
        .map(|i| {
            let (a, b) = (xs[i % xs.len()], ns[i % ns.len()]);
            if is_na_real(a) || is_na_real(b) {
                return na_real();
            }
            if a.is_nan() || b.is_nan() {
                return a + b;
            }
            let r = f(a, b);
            if r.is_nan() {
                nan = true;
                range |= a < 0.0;
            }
            r
        })
        .collect();
    if range {
        it.warning(format!("value out of range in '{}'", name));
    }
    if nan {
        it.warning("NaNs produced");
    }
    let mut v = Value::dbls(out);
    let src = if xs.len() == n { &x } else { &nu };
    if let Some(nm) = src.get_attr("names") {
        v.set_attr(crate::syntax::sym::Sym::new("names"), nm.clone());
    }
    Ok(v)
}

/// The `expon.scaled` flag.
fn scaled(m: &Matched) -> bool {
    m.get("expon.scaled").and_then(|v| v.as_bool().flatten()).unwrap_or(false)
}

fn bessel_j(it: &mut Interp, m: Matched) -> EvalResult {
    recycle(it, &m, "bessel_j", &bessel::bessel_j)
}

fn bessel_y(it: &mut Interp, m: Matched) -> EvalResult {
    recycle(it, &m, "bessel_y", &bessel::bessel_y)
}

fn bessel_i(it: &mut Interp, m: Matched) -> EvalResult {
    let s = scaled(&m);
    recycle(it, &m, "bessel_i", &|x, nu| bessel::bessel_i(x, nu, s))
}

fn bessel_k(it: &mut Interp, m: Matched) -> EvalResult {
    let s = scaled(&m);
    recycle(it, &m, "bessel_k", &|x, nu| bessel::bessel_k(x, nu, s))
}
