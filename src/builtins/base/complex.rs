//! Complex numbers: `complex()`, `as.complex`, `is.complex`, `Re`, `Im`, `Mod`, `Arg`,
//! `Conj`, and the complex cases of the math functions (`sqrt`, `exp`, `log`, trigonometry,
//! `abs`, `round`, `signif`), which `math.rs` hands over here.

use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::value::complex::{cplx_div, cplx_is_na, cplx_is_na_strict, cplx_signif, na_cplx, C64};
use crate::value::{is_na_real, na_real, Data, VType, Value, Vector};
use std::rc::Rc;

/// The complex builtins.
pub const BUILTINS: &[Builtin] = &[
    eager("Re", re),
    eager("Im", im),
    eager("Mod", modulus),
    eager("Arg", arg),
    eager("Conj", conj),
    declared("is.complex", is_complex),
    declared("as.complex", as_complex),
    declared("complex", complex),
];

/// Help entries for the complex builtins.
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("Re", "Re(z)", "The real part of each complex number."),
        doc("Im", "Im(z)", "The imaginary part of each complex number."),
        doc("Mod", "Mod(z)", "The modulus (absolute value) of each complex number."),
        doc("Arg", "Arg(z)", "The argument (angle in radians, in (-pi, pi]) of each complex number."),
        doc("Conj", "Conj(z)", "The complex conjugate of each element."),
        doc("is.complex", "is.complex(x)", "Whether x is a complex vector."),
        doc("as.complex", "as.complex(x, ...)",
            "Converts to complex: numbers get a zero imaginary part, strings such as \"1+2i\" are parsed."),
        doc("complex",
            "complex(length.out = 0L, real = numeric(), imaginary = numeric(), modulus = 1, argument = 0)",
            "Makes a complex vector from real and imaginary parts (recycled to the longest), or from \
             modulus and argument."),
    ]
};

fn one(a: &Args, name: &str) -> EvalResult<Value> {
    if a.items.len() != 1 {
        return err(format!(
            "{} arguments passed to '{}' which requires 1",
            a.items.len(),
            name
        ));
    }
    Ok(a.items[0].1.clone())
}

/// A result with the attributes of `x` (R's complex functions keep names and dims).
fn keep(x: &Value, data: Data) -> Value {
    match x {
        Value::Vector(v) => Value::Vector(Vector {
            data,
            attrs: v.attrs.clone(),
        }),
        _ => Value::from_data(data),
    }
}

/// The elements of a number-like `x` as complex, or R's error for other types.
fn cplx_arg(x: &Value) -> EvalResult<Rc<Vec<C64>>> {
    match x.vtype() {
        Some(VType::Lgl | VType::Int | VType::Dbl | VType::Cplx) if !x.is_factor() => Ok(x.cplx_vec()),
        None if x.is_null() => Ok(Rc::new(vec![])),
        _ => err("non-numeric argument to function"),
    }
}

fn part(a: Args, name: &str, f: fn(C64) -> f64) -> EvalResult {
    let x = one(&a, name)?;
    let z = cplx_arg(&x)?;
    let out = z
        .iter()
        .map(|&z| if cplx_is_na_strict(z) { na_real() } else { f(z) })
        .collect();
    Ok(keep(&x, Data::Dbl(Rc::new(out))))
}

fn re(_it: &mut Interp, a: Args) -> EvalResult {
    part(a, "Re", |z| z.re)
}
fn im(_it: &mut Interp, a: Args) -> EvalResult {
    part(a, "Im", |z| z.im)
}
fn modulus(_it: &mut Interp, a: Args) -> EvalResult {
    part(a, "Mod", |z| z.re.hypot(z.im))
}
fn arg(_it: &mut Interp, a: Args) -> EvalResult {
    part(a, "Arg", |z| z.im.atan2(z.re))
}
fn conj(_it: &mut Interp, a: Args) -> EvalResult {
    let x = one(&a, "Conj")?;
    match x.data() {
        Some(Data::Cplx(z)) => Ok(keep(&x, Data::Cplx(Rc::new(z.iter().map(|z| z.conj()).collect())))),
        _ => {
            cplx_arg(&x)?;
            Ok(x)
        }
    }
}

fn is_complex(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(m.get("x").and_then(|x| x.vtype()) == Some(VType::Cplx)))
}

fn as_complex(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    crate::builtins::base::types::convert_to(it, &x, VType::Cplx)
}

fn complex(it: &mut Interp, m: Matched) -> EvalResult {
    let n0 = match m.get("length.out") {
        Some(v) => {
            let n = v.as_f64().unwrap_or(f64::NAN);
            if n.is_nan() || n < 0.0 {
                return err("invalid length");
            }
            n as usize
        }
        None => 0,
    };
    let dbls = |name: &str| -> EvalResult<Rc<Vec<f64>>> {
        match m.get(name) {
            None => Ok(Rc::new(vec![])),
            Some(v) => match v.vtype() {
                Some(VType::Lgl | VType::Int | VType::Dbl) => Ok(v.dbl_vec()),
                Some(VType::Cplx) => Ok(v.cplx_vec().iter().map(|z| z.re).collect::<Vec<_>>().into()),
                _ => err(format!("invalid '{}' argument", name)),
            },
        }
    };
    let _ = it;
    if m.has("modulus") || m.has("argument") {
        let md = match m.get("modulus") {
            Some(_) => dbls("modulus")?,
            None => Rc::new(vec![1.0]),
        };
        let ag = match m.get("argument") {
            Some(_) => dbls("argument")?,
            None => Rc::new(vec![0.0]),
        };
        let n = n0.max(md.len()).max(ag.len());
        if n > 0 && (md.is_empty() || ag.is_empty()) {
            return Ok(Value::cplxs(vec![]));
        }
        let out = (0..n)
            .map(|i| {
                let (r, t) = (md[i % md.len()], ag[i % ag.len()]);
                let e = C64::new(0.0, t).exp();
                C64::new(r, 0.0) * e
            })
            .collect();
        return Ok(Value::cplxs(out));
    }
    let re = dbls("real")?;
    let im = dbls("imaginary")?;
    let n = n0.max(re.len()).max(im.len());
    let out = (0..n)
        .map(|i| {
            C64::new(
                if re.is_empty() { 0.0 } else { re[i % re.len()] },
                if im.is_empty() { 0.0 } else { im[i % im.len()] },
            )
        })
        .collect();
    Ok(Value::cplxs(out))
}

// ---------- math functions of complex arguments ----------

fn casinh(z: C64) -> C64 {
    z.asinh()
}

/// Applies math function `name` to a complex `x`: complex results for R's complex math
/// functions, `abs` as `Mod`, R's error for the rest.
pub fn math1(it: &mut Interp, x: &Value, name: &str) -> EvalResult {
    let z = x.cplx_vec();
    let f: fn(C64) -> C64 = match name {
        "sqrt" => |z| z.sqrt(),
        "exp" => |z| z.exp(),
        "log" => |z| z.ln(),
        "log2" => |z| z.ln() / 2f64.ln(),
        "log10" => |z| z.ln() / 10f64.ln(),
        "sin" => |z| z.sin(),
        "cos" => |z| z.cos(),
        "tan" => |z| z.tan(),
        "asin" => |z| z.asin(),
        "acos" => |z| z.acos(),
        "atan" => |z| z.atan(),
        "sinh" => |z| z.sinh(),
        "cosh" => |z| z.cosh(),
        "tanh" => |z| z.tanh(),
        "asinh" => casinh,
        "acosh" => |z| z.acosh(),
        "atanh" => |z| z.atanh(),
        "abs" => {
            let out = z
                .iter()
                .map(|&z| if cplx_is_na_strict(z) { na_real() } else { z.re.hypot(z.im) })
                .collect();
            return Ok(keep(x, Data::Dbl(Rc::new(out))));
        }
        _ => return err("unimplemented complex function"),
    };
    let _ = it;
    let out = z
        .iter()
        .map(|&z| if cplx_is_na_strict(z) { na_cplx() } else { f(z) })
        .collect();
    Ok(keep(x, Data::Cplx(Rc::new(out))))
}

/// `log(x, base)` with `x` or `base` complex.
pub fn log_base(x: &Value, base: &Value) -> EvalResult {
    let z = x.cplx_vec();
    let b = base.cplx_vec();
    let Some(&b) = b.first() else {
        return err("invalid argument 'base' of length 0");
    };
    let lb = b.ln();
    let out = z
        .iter()
        .map(|&z| if cplx_is_na_strict(z) { na_cplx() } else { cplx_div(z.ln(), lb) })
        .collect();
    Ok(keep(x, Data::Cplx(Rc::new(out))))
}

/// `round(z, digits)` (each part to `digits` decimals) and `signif(z, digits)` (both parts
/// at the place that keeps `digits` significant digits of the larger).
pub fn round_cplx(x: &Value, digits: &[f64], signif: bool) -> EvalResult {
    let z = x.cplx_vec();
    if digits.is_empty() {
        return err("invalid second argument of length 0");
    }
    let n = if z.is_empty() { 0 } else { z.len().max(digits.len()) };
    let out: Vec<C64> = (0..n)
        .map(|i| {
            let (z, d) = (z[i % z.len()], digits[i % digits.len()]);
            if cplx_is_na(z) && (is_na_real(z.re) || is_na_real(z.im)) {
                return na_cplx();
            }
            let d = if d.is_nan() { 0 } else { d.clamp(-400.0, 400.0) as i32 };
            if signif {
                cplx_signif(z, d.max(1))
            } else {
                C64::new(
                    crate::stats::rmath::fround(z.re, d as f64),
                    crate::stats::rmath::fround(z.im, d as f64),
                )
            }
        })
        .collect();
    if z.len() >= digits.len() {
        Ok(keep(x, Data::Cplx(Rc::new(out))))
    } else {
        Ok(Value::cplxs(out))
    }
}
