//! Arithmetic, elementwise math and summary functions: sum, mean, min/max, round,
//! cumulative functions, trigonometry, gamma family, pmin/pmax, choose.

use crate::builtins::base::summaries::{mean_dbl, names_only};
use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::value::{is_na_real, na_real, Data, VType, Value, Vector, NA_INT};
use std::rc::Rc;

pub use crate::stats::rmath::{fprec, fround, gamma_fn, lgamma_fn};

/// Arithmetic and math builtins.
pub const BUILTINS: &[Builtin] = &[
    eager("abs", abs),
    eager("sqrt", sqrt),
    eager("exp", exp),
    eager("expm1", expm1),
    declared("log", log),
    eager("log2", log2),
    eager("log10", log10),
    eager("log1p", log1p),
    eager("floor", floor),
    eager("ceiling", ceiling),
    declared("trunc", trunc),
    eager("round", round),
    eager("signif", signif),
    eager("sign", sign),
    eager("sin", sin),
    eager("cos", cos),
    eager("tan", tan),
    eager("asin", asin),
    eager("acos", acos),
    eager("atan", atan),
    eager("atan2", atan2),
    eager("sinh", sinh),
    eager("cosh", cosh),
    eager("tanh", tanh),
    eager("asinh", asinh),
    eager("acosh", acosh),
    eager("atanh", atanh),
    eager("choose", choose),
    eager("factorial", factorial),
    eager("gamma", gamma),
    eager("lgamma", lgamma),
    eager("digamma", digamma),
    eager("trigamma", trigamma),
    eager("sinpi", sinpi),
    eager("cospi", cospi),
    eager("tanpi", tanpi),
    eager("lfactorial", lfactorial),
    eager("lchoose", lchoose),
    eager("psigamma", psigamma),
    eager("beta", beta),
    eager("lbeta", lbeta),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("abs", "abs(x)", "Absolute value of each element; integers stay integer."),
        doc("sqrt", "sqrt(x)", "Square root of each element; negative input gives NaN with a warning."),
        doc("exp", "exp(x)", "The exponential function e^x of each element."),
        doc("expm1", "expm1(x)", "Computes exp(x) - 1 accurately even when x is close to zero."),
        doc("log", "log(x, base = exp(1))",
            "Logarithm of each element, natural by default or to the given base. Zero gives -Inf and negative \
             numbers NaN with a warning."),
        doc("log2", "log2(x)", "Base-2 logarithm of each element."),
        doc("log10", "log10(x)", "Base-10 logarithm of each element."),
        doc("log1p", "log1p(x)", "Computes log(1 + x) accurately even when x is close to zero."),
        doc("floor", "floor(x)", "Largest whole number not greater than each element."),
        doc("ceiling", "ceiling(x)", "Smallest whole number not less than each element."),
        doc("trunc", "trunc(x, ...)", "Rounds each element toward zero, dropping its fractional part."),
        doc("round", "round(x, digits = 0)",
            "Rounds each element to the given number of decimal places (negative digits round to tens, hundreds, \
             ...). Halves go to the even digit, as in IEEE arithmetic."),
        doc("signif", "signif(x, digits = 6)", "Rounds each element to the given number of significant digits."),
        doc("sign", "sign(x)", "Returns -1, 0 or 1 according to the sign of each element."),
        doc("sin", "sin(x)", "Sine of each element, in radians."),
        doc("cos", "cos(x)", "Cosine of each element, in radians."),
        doc("tan", "tan(x)", "Tangent of each element, in radians."),
        doc("asin", "asin(x)", "Arc-sine of each element, in radians; NaN outside [-1, 1]."),
        doc("acos", "acos(x)", "Arc-cosine of each element, in radians; NaN outside [-1, 1]."),
        doc("atan", "atan(x)", "Arc-tangent of each element, in radians."),
        doc("atan2", "atan2(y, x)",
            "The angle in radians between the positive x axis and the point (x, y), in (-pi, pi]; note that y \
             comes first."),
        doc("sinh", "sinh(x)", "Hyperbolic sine of each element."),
        doc("cosh", "cosh(x)", "Hyperbolic cosine of each element."),
        doc("tanh", "tanh(x)", "Hyperbolic tangent of each element."),
        doc("asinh", "asinh(x)", "Inverse hyperbolic sine of each element."),
        doc("acosh", "acosh(x)", "Inverse hyperbolic cosine of each element; NaN below 1."),
        doc("atanh", "atanh(x)", "Inverse hyperbolic tangent of each element; NaN outside [-1, 1]."),
        doc("choose", "choose(n, k)",
            "Binomial coefficients: the number of ways to choose k items from n, elementwise."),
        doc("factorial", "factorial(x)",
            "Factorial of each element, computed as gamma(x + 1) so that non-integers are accepted."),
        doc("gamma", "gamma(x)", "The gamma function of each element; gamma(n) equals factorial(n - 1) for whole n."),
        doc("digamma", "digamma(x)", "The digamma function, the derivative of lgamma."),
        doc("trigamma", "trigamma(x)", "The trigamma function, the second derivative of lgamma."),
        doc("sinpi", "sinpi(x)", "sin(pi * x), exact at multiples of 1/2."),
        doc("cospi", "cospi(x)", "cos(pi * x), exact at multiples of 1/2."),
        doc("tanpi", "tanpi(x)", "tan(pi * x), exact at multiples of 1/4."),
        doc("lfactorial", "lfactorial(x)", "The log of factorial(x), lgamma(x + 1)."),
        doc("lchoose", "lchoose(n, k)", "The log of the absolute value of choose(n, k)."),
        doc("psigamma", "psigamma(x, deriv = 0L)",
            "The polygamma function: the deriv-th derivative of digamma (deriv = 0 is digamma, 1 trigamma)."),
        doc("lgamma", "lgamma(x)",
            "Natural logarithm of the absolute value of the gamma function, which stays finite where gamma \
             overflows."),
        doc("beta", "beta(a, b)", "The beta function B(a, b) = gamma(a) gamma(b) / gamma(a + b), elementwise."),
        doc("lbeta", "lbeta(a, b)", "Natural logarithm of the beta function, computed without overflow."),
    ]
};

// ---------- accumulation ----------

// ---------- argument helpers ----------

pub(crate) fn first(a: &Args) -> Value {
    a.items.first().map(|x| x.1.clone()).unwrap_or(Value::Null)
}

/// Checks that `x` is numeric for a math function.
fn math_input(x: &Value, name: &str) -> EvalResult<()> {
    if x.is_factor() {
        return err(format!("‘{}’ not meaningful for factors", name));
    }
    match x.vtype() {
        Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl) => Ok(()),
        _ => err("non-numeric argument to mathematical function"),
    }
}

/// Builds a double result keeping all of `x`'s attributes.
fn with_attrs_of(x: &Value, data: Data) -> Value {
    match x {
        Value::Vector(v) => Value::Vector(Vector {
            data,
            attrs: v.attrs.clone(),
        }),
        _ => Value::from_data(data),
    }
}

fn math1_impl(it: &mut Interp, a: Args, name: &str, f: fn(f64) -> f64) -> EvalResult {
    let x = first(&a);
    if a.items.len() != 1 {
        return err(format!(
            "{} arguments passed to '{}' which requires 1",
            a.items.len(),
            name
        ));
    }
    if x.vtype() == Some(VType::Cplx) {
        return crate::builtins::base::complex::math1(it, &x, name);
    }
    math_input(&x, name)?;
    let xs = x.dbl_vec();
    let mut nan = false;
    let out: Vec<f64> = xs
        .iter()
        .map(|&v| {
            if v.is_nan() {
                return v;
            }
            let r = f(v);
            if r.is_nan() {
                nan = true;
            }
            r
        })
        .collect();
    if nan {
        it.warning("NaNs produced");
    }
    Ok(with_attrs_of(&x, Data::Dbl(Rc::new(out))))
}

macro_rules! math1 {
    ($($fname:ident => $rname:expr, $f:expr;)*) => {
        $(
            fn $fname(it: &mut Interp, a: Args) -> EvalResult {
                math1_impl(it, a, $rname, $f)
            }
        )*
    };
}

math1! {
    sqrt => "sqrt", f64::sqrt;
    exp => "exp", f64::exp;
    expm1 => "expm1", f64::exp_m1;
    log2 => "log2", f64::log2;
    log10 => "log10", f64::log10;
    log1p => "log1p", f64::ln_1p;
    sin => "sin", f64::sin;
    cos => "cos", f64::cos;
    tan => "tan", f64::tan;
    asin => "asin", f64::asin;
    acos => "acos", f64::acos;
    atan => "atan", f64::atan;
    sinh => "sinh", f64::sinh;
    cosh => "cosh", f64::cosh;
    tanh => "tanh", f64::tanh;
    asinh => "asinh", f64::asinh;
    acosh => "acosh", f64::acosh;
    atanh => "atanh", f64::atanh;
    gamma => "gamma", gamma_fn;
    lgamma => "lgamma", lgamma_fn;
    digamma => "digamma", crate::stats::rmath::digamma;
    trigamma => "trigamma", crate::stats::rmath::trigamma;
    sinpi => "sinpi", crate::stats::rmath::sinpi;
    cospi => "cospi", crate::stats::rmath::cospi;
    tanpi => "tanpi", crate::stats::rmath::tanpi;
    lfactorial => "lfactorial", |x| lgamma_fn(x + 1.0);
}

fn lchoose(it: &mut Interp, a: Args) -> EvalResult {
    math2(it, a, &["n", "k"], |n, k| choose_fn(n, k).abs().ln())
}

fn psigamma(it: &mut Interp, mut a: Args) -> EvalResult {
    let has_deriv = a.items.len() > 1 || a.items.iter().any(|(n, _)| n.is_some_and(|n| n.as_str() == "deriv"));
    if !has_deriv {
        a.items.push((Some(crate::syntax::sym::Sym::new("deriv")), Value::num(0.0)));
    }
    math2(it, a, &["x", "deriv"], |x, d| {
        if d < 0.0 || d != d.floor() || d > 100.0 {
            f64::NAN
        } else {
            crate::stats::rmath::psigamma(x, d as usize)
        }
    })
}

fn factorial(it: &mut Interp, a: Args) -> EvalResult {
    math1_impl(it, a, "factorial", |x| gamma_fn(x + 1.0))
}

/// Math functions that keep integers integer (`abs`) or return doubles (`floor`...).
fn int_preserving(
    it: &mut Interp,
    a: Args,
    name: &str,
    fi: fn(i32) -> i32,
    fd: fn(f64) -> f64,
) -> EvalResult {
    let x = first(&a);
    if x.vtype() == Some(VType::Cplx) {
        return crate::builtins::base::complex::math1(it, &x, name);
    }
    math_input(&x, name)?;
    match x.data() {
        Some(Data::Int(v)) | Some(Data::Lgl(v)) => {
            let out: Vec<i32> = v
                .iter()
                .map(|&i| if i == NA_INT { NA_INT } else { fi(i) })
                .collect();
            Ok(with_attrs_of(&x, Data::Int(Rc::new(out))))
        }
        _ => math1_impl(it, Args::positional(vec![x]), name, fd),
    }
}

fn abs(it: &mut Interp, a: Args) -> EvalResult {
    int_preserving(it, a, "abs", |i| i.abs(), f64::abs)
}
fn sign(it: &mut Interp, a: Args) -> EvalResult {
    let x = first(&a);
    math_input(&x, "sign")?;
    math1_impl(it, a, "sign", |v| if v == 0.0 { 0.0 } else { v.signum() })
}
fn floor(it: &mut Interp, a: Args) -> EvalResult {
    math1_impl(it, a, "floor", f64::floor)
}
fn ceiling(it: &mut Interp, a: Args) -> EvalResult {
    math1_impl(it, a, "ceiling", f64::ceil)
}
fn trunc(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    math1_impl(it, Args::positional(vec![x]), "trunc", f64::trunc)
}

fn log(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    match m.get("base") {
        None => math1_impl(it, Args::positional(vec![x]), "log", f64::ln),
        Some(b) if x.vtype() == Some(VType::Cplx) || b.vtype() == Some(VType::Cplx) => {
            crate::builtins::base::complex::log_base(&x, b)
        }
        Some(b) => {
            math_input(&x, "log")?;
            math_input(b, "log")?;
            let base = b.as_f64().unwrap_or(f64::NAN);
            let lb = if base == 10.0 {
                None
            } else if base == 2.0 {
                Some(2.0)
            } else {
                Some(base.ln())
            };
            let xs = x.dbl_vec();
            let mut nan = false;
            let out: Vec<f64> = xs
                .iter()
                .map(|&v| {
                    if v.is_nan() {
                        return v;
                    }
                    let r = match lb {
                        None => v.log10(),
                        Some(b) if b == 2.0 && base == 2.0 => v.log2(),
                        Some(b) => v.ln() / b,
                    };
                    if r.is_nan() {
                        nan = true;
                    }
                    r
                })
                .collect();
            if nan {
                it.warning("NaNs produced");
            }
            Ok(with_attrs_of(&x, Data::Dbl(Rc::new(out))))
        }
    }
}

// ---------- rounding ----------

fn round_like(
    it: &mut Interp,
    a: Args,
    name: &str,
    default: f64,
    f: fn(f64, f64) -> f64,
) -> EvalResult {
    let m = a.matched(&["x", "digits"])?;
    let x = m.req("x")?.clone();
    if x.vtype() != Some(VType::Cplx) {
        math_input(&x, name)?;
    }
    let digits = match m.get("digits") {
        Some(d) => {
            if !matches!(
                d.vtype(),
                Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl)
            ) {
                return err("non-numeric argument to mathematical function");
            }
            d.dbl_vec()
        }
        None => Rc::new(vec![default]),
    };
    let _ = it;
    if x.vtype() == Some(VType::Cplx) {
        return crate::builtins::base::complex::round_cplx(&x, &digits, name == "signif");
    }
    if digits.is_empty() {
        return err("invalid second argument of length 0");
    }
    let xs = x.dbl_vec();
    let n = if xs.is_empty() {
        0
    } else {
        xs.len().max(digits.len())
    };
    let out: Vec<f64> = (0..n)
        .map(|i| f(xs[i % xs.len()], digits[i % digits.len()]))
        .collect();
    if xs.len() >= digits.len() {
        Ok(with_attrs_of(&x, Data::Dbl(Rc::new(out))))
    } else {
        Ok(Value::dbls(out))
    }
}

fn round(it: &mut Interp, a: Args) -> EvalResult {
    round_like(it, a, "round", 0.0, fround)
}
fn signif(it: &mut Interp, a: Args) -> EvalResult {
    round_like(it, a, "signif", 6.0, fprec)
}

// ---------- summaries ----------

pub(crate) fn sort_f64(v: &mut [f64]) {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
}

pub(crate) fn median_of(xs: &mut [f64]) -> f64 {
    sort_f64(xs);
    let n = xs.len();
    if n == 0 {
        return na_real();
    }
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        mean_dbl(&[xs[n / 2 - 1], xs[n / 2]])
    }
}

// ---------- cumulative ----------

// ---------- parallel extremes ----------

// ---------- two-argument math ----------

fn math2(it: &mut Interp, a: Args, names: &[&str], f: fn(f64, f64) -> f64) -> EvalResult {
    let m = a.matched(names)?;
    let x = m.req(names[0])?.clone();
    let y = m.req(names[1])?.clone();
    for v in [&x, &y] {
        if !matches!(
            v.vtype(),
            Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl)
        ) {
            return err("non-numeric argument to mathematical function");
        }
    }
    let xs = x.dbl_vec();
    let ys = y.dbl_vec();
    let n = if xs.is_empty() || ys.is_empty() {
        0
    } else {
        xs.len().max(ys.len())
    };
    let mut nan = false;
    let out: Vec<f64> = (0..n)
        .map(|i| {
            let (p, q) = (xs[i % xs.len()], ys[i % ys.len()]);
            if is_na_real(p) || is_na_real(q) {
                return na_real();
            }
            if p.is_nan() || q.is_nan() {
                return p + q;
            }
            let r = f(p, q);
            if r.is_nan() {
                nan = true;
            }
            r
        })
        .collect();
    if nan {
        it.warning("NaNs produced");
    }
    let src = if xs.len() == n { &x } else { &y };
    Ok(names_only(src, Value::dbls(out)))
}

fn atan2(it: &mut Interp, a: Args) -> EvalResult {
    math2(it, a, &["y", "x"], f64::atan2)
}

/// R's `choose(n, k)`.
pub fn choose_fn(n: f64, k: f64) -> f64 {
    let k0 = k;
    let k = k.round();
    if (k - k0).abs() > 1e-7 {
        // R warns; value still uses the rounded k
    }
    if k < 30.0 {
        if n - k < k && n >= 0.0 && n == n.round() {
            return choose_fn(n, n - k);
        }
        if k < 0.0 {
            return 0.0;
        }
        if k == 0.0 {
            return 1.0;
        }
        let mut r = n;
        let mut j = 2.0;
        while j <= k {
            r *= (n - j + 1.0) / j;
            j += 1.0;
        }
        return if n == n.round() { r.round() } else { r };
    }
    if n == n.round() {
        let n = n.round();
        if n < k {
            return 0.0;
        }
        if n - k < 30.0 {
            return choose_fn(n, n - k);
        }
        return (lgamma_fn(n + 1.0) - lgamma_fn(k + 1.0) - lgamma_fn(n - k + 1.0))
            .exp()
            .round();
    }
    if n < k - 1.0 {
        // sign handling as in R's lfastchoose2
        let s = if gamma_fn(n - k + 1.0) < 0.0 {
            -1.0
        } else {
            1.0
        };
        let r = (lgamma_fn(n + 1.0) - lgamma_fn(k + 1.0) - lgamma_fn(n - k + 1.0)).exp();
        return s * r;
    }
    (lgamma_fn(n + 1.0) - lgamma_fn(k + 1.0) - lgamma_fn(n - k + 1.0)).exp()
}

fn choose(it: &mut Interp, a: Args) -> EvalResult {
    math2(it, a, &["n", "k"], choose_fn)
}

fn beta_fn(a: f64, b: f64) -> f64 {
    if a < 0.0 || b < 0.0 {
        return f64::NAN;
    }
    if a == 0.0 || b == 0.0 {
        return f64::INFINITY;
    }
    if a + b < 171.61447887182298 {
        gamma_fn(a) * gamma_fn(b) / gamma_fn(a + b)
    } else {
        (lgamma_fn(a) + lgamma_fn(b) - lgamma_fn(a + b)).exp()
    }
}

fn beta(it: &mut Interp, a: Args) -> EvalResult {
    math2(it, a, &["a", "b"], beta_fn)
}
fn lbeta(it: &mut Interp, a: Args) -> EvalResult {
    math2(it, a, &["a", "b"], |p, q| {
        if p < 0.0 || q < 0.0 {
            f64::NAN
        } else {
            lgamma_fn(p) + lgamma_fn(q) - lgamma_fn(p + q)
        }
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::approx_constant)] // inputs such as 3.14159 are test data, not pi
    use super::*;
    use crate::builtins::base::summaries::*;
    use crate::syntax::sym::Sym;

    fn call(f: fn(&mut Interp, Args) -> EvalResult, args: Vec<Value>) -> Value {
        let mut it = crate::builtins::interp();
        match f(&mut it, Args::positional(args)) {
            Ok(v) => v,
            Err(_) => panic!("call failed"),
        }
    }
    fn call_w(
        f: fn(&mut Interp, Args) -> EvalResult,
        args: Vec<(Option<&str>, Value)>,
    ) -> (Value, Vec<String>) {
        let mut it = crate::builtins::interp();
        let args = Args::new(
            args.into_iter()
                .map(|(n, v)| (n.map(Sym::new), v))
                .collect(),
        );
        match f(&mut it, args) {
            Ok(v) => (v, it.pending_warnings.clone()),
            Err(_) => panic!("call failed"),
        }
    }
    fn errmsg(f: fn(&mut Interp, Args) -> EvalResult, args: Vec<Value>) -> String {
        let mut it = crate::builtins::interp();
        match f(&mut it, Args::positional(args)) {
            Ok(_) => panic!("expected error"),
            Err(crate::error::Flow::Error(e)) => e.message.clone(),
            Err(_) => panic!("unexpected flow"),
        }
    }
    fn d(v: &Value) -> Vec<f64> {
        match v.data() {
            Some(Data::Dbl(x)) => x.to_vec(),
            _ => panic!("not double: {:?}", v),
        }
    }
    fn i(v: &Value) -> Vec<i32> {
        match v.data() {
            Some(Data::Int(x)) => x.to_vec(),
            _ => panic!("not integer: {:?}", v),
        }
    }

    #[test]
    fn rounding_r4() {
        assert_eq!(fround(0.15, 1.0), 0.1);
        assert_eq!(fround(2.5, 0.0), 2.0);
        assert_eq!(fround(-1.5, 0.0), -2.0);
        assert_eq!(fround(0.5, 0.0), 0.0);
        assert_eq!(fround(1234.5678, -2.0), 1200.0);
        assert_eq!(fround(2.675, 2.0), 2.67);
        assert_eq!(fround(0.125, 2.0), 0.12);
        assert_eq!(fround(-0.15, 1.0), -0.1);
        assert_eq!(fround(1.005, 2.0), 1.0);
        assert_eq!(fround(3.14159, 3.0), 3.142);
        assert_eq!(fround(0.35, 1.0), 0.3);
        assert_eq!(fround(12345.0, -1.0), 12340.0);
        assert_eq!(fprec(123456.0, 2.0), 120000.0);
        assert_eq!(fprec(0.000123456, 3.0), 0.000123);
        assert_eq!(fprec(-2.5, 1.0), -2.0);
        assert_eq!(fprec(3.14159, 3.0), 3.14);
        assert_eq!(fprec(15.0, 1.0), 20.0);
    }

    #[test]
    fn round_builtin_types() {
        let v = call(round, vec![Value::ints(vec![1, 2])]);
        assert_eq!(d(&v), vec![1.0, 2.0]);
        let v = call(round, vec![Value::dbls(vec![2.5, 3.5, -0.5])]);
        assert_eq!(d(&v), vec![2.0, 4.0, -0.0]);
        let v = call(signif, vec![Value::num(123456.0), Value::num(2.0)]);
        assert_eq!(d(&v), vec![120000.0]);
    }

    #[test]
    fn sums() {
        let v = call(sum, vec![Value::ints(vec![1, 2, 3])]);
        assert_eq!(i(&v), vec![6]);
        let v = call(sum, vec![Value::lgls(vec![1, 0, 1])]);
        assert_eq!(i(&v), vec![2]);
        let v = call(sum, vec![Value::ints(vec![1]), Value::num(0.5)]);
        assert_eq!(d(&v), vec![1.5]);
        let v = call(sum, vec![]);
        assert_eq!(i(&v), vec![0]);
        let (v, w) = call_w(sum, vec![(None, Value::ints(vec![i32::MAX, 1]))]);
        assert_eq!(d(&v), vec![2147483648.0]);
        assert!(w.is_empty());
        let (v, _) = call_w(
            sum,
            vec![
                (None, Value::dbls(vec![1.0, na_real(), 3.0])),
                (Some("na.rm"), Value::lgl(true)),
            ],
        );
        assert_eq!(d(&v), vec![4.0]);
        let v = call(sum, vec![Value::dbls(vec![1.0, na_real()])]);
        assert!(is_na_real(d(&v)[0]));
        let v = call(sum, vec![Value::dbls(vec![0.1, 0.2, 0.3])]);
        assert_eq!(d(&v), vec![0.6]);
        assert_eq!(
            errmsg(sum, vec![Value::str("a")]),
            "invalid 'type' (character) of argument"
        );
        let v = call(prod, vec![Value::ints(vec![1, 2, 3, 4])]);
        assert_eq!(d(&v), vec![24.0]);
    }

    #[test]
    fn means() {
        let v = call(named!("mean"), vec![Value::ints(vec![1, 2, 3, 4])]);
        assert_eq!(d(&v), vec![2.5]);
        let v = call(named!("mean"), vec![Value::dbls(vec![0.1, 0.2, 0.3])]);
        assert_eq!(d(&v)[0], 0.2);
        let (v, _) = call_w(
            named!("mean"),
            vec![
                (None, Value::dbls(vec![1.0, na_real(), 3.0])),
                (Some("na.rm"), Value::lgl(true)),
            ],
        );
        assert_eq!(d(&v), vec![2.0]);
        let (v, w) = call_w(named!("mean"), vec![(None, Value::str("a"))]);
        assert!(is_na_real(d(&v)[0]));
        assert_eq!(w[0], "argument is not numeric or logical: returning NA");
        let v = call(named!("mean"), vec![Value::dbls(vec![])]);
        assert!(d(&v)[0].is_nan() && !is_na_real(d(&v)[0]));
    }

    #[test]
    fn extremes() {
        let v = call(max, vec![Value::ints(vec![3, 9, 2])]);
        assert_eq!(i(&v), vec![9]);
        let v = call(min, vec![Value::ints(vec![3, 9]), Value::num(2.5)]);
        assert_eq!(d(&v), vec![2.5]);
        let (v, w) = call_w(min, vec![(None, Value::ints(vec![]))]);
        assert_eq!(d(&v), vec![f64::INFINITY]);
        assert_eq!(w[0], "no non-missing arguments to min; returning Inf");
        let (v, w) = call_w(max, vec![(None, Value::dbls(vec![]))]);
        assert_eq!(d(&v), vec![f64::NEG_INFINITY]);
        assert_eq!(w[0], "no non-missing arguments to max; returning -Inf");
        let v = call(max, vec![Value::strings(&["apple", "banana", "Cherry"])]);
        assert_eq!(
            v.as_string().as_deref(),
            Some("Cherry"),
            "R compares strings in collation order"
        );
        let v = call(max, vec![Value::ints(vec![1, NA_INT])]);
        assert_eq!(i(&v), vec![NA_INT]);
        let v = call(max, vec![Value::dbls(vec![1.0, f64::NAN])]);
        assert!(d(&v)[0].is_nan() && !is_na_real(d(&v)[0]));
        let v = call(range, vec![Value::ints(vec![3, 1, 2])]);
        assert_eq!(i(&v), vec![1, 3]);
    }

    #[test]
    fn math_functions() {
        let (v, w) = call_w(sqrt, vec![(None, Value::num(-1.0))]);
        assert!(d(&v)[0].is_nan());
        assert_eq!(w, vec!["NaNs produced".to_string()]);
        let (v, w) = call_w(named!("log"), vec![(None, Value::num(-1.0))]);
        assert!(d(&v)[0].is_nan());
        assert_eq!(w.len(), 1);
        let v = call(named!("log"), vec![Value::num(100.0), Value::num(10.0)]);
        assert_eq!(d(&v), vec![2.0]);
        let v = call(named!("log"), vec![Value::num(8.0), Value::num(2.0)]);
        assert_eq!(d(&v), vec![3.0]);
        let mut x = Value::dbls(vec![4.0, 9.0]);
        x.set_attr(Sym::new("names"), Value::strings(&["a", "b"]));
        let v = call(sqrt, vec![x]);
        assert_eq!(d(&v), vec![2.0, 3.0]);
        assert_eq!(v.names().map(|n| n.len()), Some(2));
        assert_eq!(
            errmsg(sqrt, vec![Value::str("a")]),
            "non-numeric argument to mathematical function"
        );
        let v = call(abs, vec![Value::ints(vec![-3, NA_INT])]);
        assert_eq!(i(&v), vec![3, NA_INT]);
        let v = call(floor, vec![Value::ints(vec![2])]);
        assert_eq!(d(&v), vec![2.0]);
        let v = call(factorial, vec![Value::num(5.0)]);
        assert_eq!(d(&v), vec![120.0]);
        let v = call(gamma, vec![Value::num(0.5)]);
        assert!((d(&v)[0] - 1.772453850905516).abs() < 1e-14);
        let v = call(lgamma, vec![Value::num(100.0)]);
        assert!((d(&v)[0] - 359.1342053695754).abs() < 1e-10);
        let v = call(choose, vec![Value::num(5.0), Value::num(2.0)]);
        assert_eq!(d(&v), vec![10.0]);
        let v = call(choose, vec![Value::num(50.0), Value::num(25.0)]);
        assert_eq!(d(&v), vec![126410606437752.0]);
        let v = call(choose, vec![Value::num(0.5), Value::num(2.0)]);
        assert_eq!(d(&v), vec![-0.125]);
        let v = call(beta, vec![Value::num(2.0), Value::num(3.0)]);
        assert!((d(&v)[0] - 1.0 / 12.0).abs() < 1e-16);
        let v = call(atan2, vec![Value::num(1.0), Value::num(1.0)]);
        assert_eq!(d(&v), vec![std::f64::consts::FRAC_PI_4]);
    }

    #[test]
    fn cumulative() {
        let v = call(named!("cumsum"), vec![Value::ints(vec![1, 2, 3])]);
        assert_eq!(i(&v), vec![1, 3, 6]);
        let v = call(
            named!("cumsum"),
            vec![Value::dbls(vec![1.0, na_real(), 3.0])],
        );
        assert_eq!(d(&v)[0], 1.0);
        assert!(is_na_real(d(&v)[2]));
        let v = call(named!("cumprod"), vec![Value::ints(vec![1, 2, 3])]);
        assert_eq!(d(&v), vec![1.0, 2.0, 6.0]);
        let v = call(
            named!("cummax"),
            vec![Value::ints(vec![1, 3, 2, NA_INT, 5])],
        );
        assert_eq!(i(&v), vec![1, 3, 3, NA_INT, NA_INT]);
        let v = call(named!("cummin"), vec![Value::dbls(vec![3.0, 1.0, 2.0])]);
        assert_eq!(d(&v), vec![3.0, 1.0, 1.0]);
        let (v, w) = call_w(
            named!("cumsum"),
            vec![(None, Value::ints(vec![i32::MAX, 1]))],
        );
        assert_eq!(i(&v), vec![i32::MAX, NA_INT]);
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn parallel() {
        let v = call(pmax, vec![Value::ints(vec![1, 5, 3]), Value::ints(vec![2])]);
        assert_eq!(i(&v), vec![2, 5, 3]);
        let v = call(
            pmin,
            vec![Value::dbls(vec![1.0, na_real()]), Value::num(0.5)],
        );
        assert_eq!(d(&v)[0], 0.5);
        assert!(is_na_real(d(&v)[1]));
        let (v, _) = call_w(
            pmin,
            vec![
                (None, Value::dbls(vec![1.0, na_real()])),
                (None, Value::num(0.5)),
                (Some("na.rm"), Value::lgl(true)),
            ],
        );
        assert_eq!(d(&v), vec![0.5, 0.5]);
    }
}
