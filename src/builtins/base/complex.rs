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
    declared("fft", fft),
    declared("mvfft", mvfft),
    declared("polyroot", polyroot),
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
        doc("fft", "fft(z, inverse = FALSE)",
            "The unnormalised discrete Fourier transform of a vector (of any length), or of an array along \
             every dimension; inverse = TRUE uses exp(+2 pi i jk/n), so fft(fft(z), inverse = TRUE)/length(z) is z."),
        doc("mvfft", "mvfft(z, inverse = FALSE)", "The discrete Fourier transform of each column of a matrix."),
        doc("polyroot", "polyroot(z)",
            "The complex roots of the polynomial z[1] + z[2] x + ... + z[n] x^(n-1)."),
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
        Some(VType::Lgl | VType::Int | VType::Dbl | VType::Cplx) if !x.is_factor() => {
            Ok(x.cplx_vec())
        }
        None if x.is_null() => Ok(Rc::new(vec![])),
        _ => err("non-numeric argument to function"),
    }
}

fn part(a: Args, name: &str, f: fn(C64) -> f64) -> EvalResult {
    let x = one(&a, name)?;
    let z = cplx_arg(&x)?;
    let out = z
        .iter()
        .map(|&z| {
            if cplx_is_na_strict(z) {
                na_real()
            } else {
                f(z)
            }
        })
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
        Some(Data::Cplx(z)) => Ok(keep(
            &x,
            Data::Cplx(Rc::new(z.iter().map(|z| z.conj()).collect())),
        )),
        _ => {
            cplx_arg(&x)?;
            Ok(x)
        }
    }
}

fn is_complex(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(
        m.get("x").and_then(|x| x.vtype()) == Some(VType::Cplx),
    ))
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
                Some(VType::Cplx) => {
                    Ok(v.cplx_vec().iter().map(|z| z.re).collect::<Vec<_>>().into())
                }
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
                .map(|&z| {
                    if cplx_is_na_strict(z) {
                        na_real()
                    } else {
                        z.re.hypot(z.im)
                    }
                })
                .collect();
            return Ok(keep(x, Data::Dbl(Rc::new(out))));
        }
        _ => return err("unimplemented complex function"),
    };
    let _ = it;
    let out = z
        .iter()
        .map(|&z| {
            if cplx_is_na_strict(z) {
                na_cplx()
            } else {
                f(z)
            }
        })
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
        .map(|&z| {
            if cplx_is_na_strict(z) {
                na_cplx()
            } else {
                cplx_div(z.ln(), lb)
            }
        })
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
    let n = if z.is_empty() {
        0
    } else {
        z.len().max(digits.len())
    };
    let out: Vec<C64> = (0..n)
        .map(|i| {
            let (z, d) = (z[i % z.len()], digits[i % digits.len()]);
            if cplx_is_na(z) && (is_na_real(z.re) || is_na_real(z.im)) {
                return na_cplx();
            }
            let d = if d.is_nan() {
                0
            } else {
                d.clamp(-400.0, 400.0) as i32
            };
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

// ---------- summaries ----------

/// `sum(...)` (or `prod(...)` when `product`) of values of which at least one is complex.
pub fn cplx_total(vals: &[Value], na_rm: bool, product: bool) -> Value {
    let mut acc = if product {
        C64::new(1.0, 0.0)
    } else {
        C64::new(0.0, 0.0)
    };
    for v in vals {
        for &z in v.cplx_vec().iter() {
            if na_rm && cplx_is_na(z) {
                continue;
            }
            if product {
                acc *= z;
            } else {
                acc += z;
            }
        }
    }
    Value::cplxs(vec![acc])
}

/// `mean(z)` of a complex vector.
pub fn cplx_mean(x: &Value, na_rm: bool) -> Value {
    let z: Vec<C64> = x
        .cplx_vec()
        .iter()
        .copied()
        .filter(|&z| !(na_rm && cplx_is_na(z)))
        .collect();
    if z.iter().any(|&z| cplx_is_na_strict(z)) {
        return Value::cplxs(vec![na_cplx()]);
    }
    let n = z.len() as f64;
    let s: C64 = z.iter().fold(C64::new(0.0, 0.0), |a, &b| a + b);
    Value::cplxs(vec![C64::new(s.re / n, s.im / n)])
}

/// `cumsum(z)` or `cumprod(z)` (when `product`) of a complex vector.
pub fn cplx_cumulative(x: &Value, product: bool) -> Value {
    let mut acc = if product {
        C64::new(1.0, 0.0)
    } else {
        C64::new(0.0, 0.0)
    };
    let mut na = false;
    let out = x
        .cplx_vec()
        .iter()
        .map(|&z| {
            na |= cplx_is_na_strict(z);
            if na {
                return na_cplx();
            }
            if product {
                acc *= z;
            } else {
                acc += z;
            }
            acc
        })
        .collect();
    Value::cplxs(out)
}

// ---------- matrices ----------

/// `x %*% y` when either is complex, with R's promotion of vectors to row or column matrices.
pub fn matprod(x: &Value, y: &Value) -> EvalResult {
    use crate::builtins::base::matrix::{dimnames_parts, make_matrix, set_dimnames_parts};
    let xv = cplx_arg(x)
        .map_err(|_| ())
        .or_else(|_| err("requires numeric/complex matrix/vector arguments"))?;
    let yv = cplx_arg(y)
        .map_err(|_| ())
        .or_else(|_| err("requires numeric/complex matrix/vector arguments"))?;
    let xd = x.dim().filter(|d| d.len() == 2);
    let yd = y.dim().filter(|d| d.len() == 2);
    let ((ar, ac), (br, bc)) = match (&xd, &yd) {
        (Some(xd), Some(yd)) => ((xd[0], xd[1]), (yd[0], yd[1])),
        (None, Some(yd)) => {
            let n = xv.len();
            (if n == yd[0] { (1, n) } else { (n, 1) }, (yd[0], yd[1]))
        }
        (Some(xd), None) => {
            let n = yv.len();
            ((xd[0], xd[1]), if n == xd[1] { (n, 1) } else { (1, n) })
        }
        (None, None) => {
            let (n, k) = (xv.len(), yv.len());
            if n == k {
                ((1, n), (k, 1))
            } else if n == 1 {
                ((1, 1), (1, k))
            } else {
                ((n, 1), (1, k))
            }
        }
    };
    if ac != br {
        return err("non-conformable arguments");
    }
    let mut out = vec![C64::new(0.0, 0.0); ar * bc];
    for j in 0..bc {
        for i in 0..ar {
            let mut s = C64::new(0.0, 0.0);
            for k in 0..ac {
                s += xv[i + k * ar] * yv[k + j * br];
            }
            out[i + j * ar] = s;
        }
    }
    let rn = if xd.is_some() {
        dimnames_parts(x)[0].clone()
    } else {
        None
    };
    let cn = if yd.is_some() {
        dimnames_parts(y)[1].clone()
    } else {
        None
    };
    let mut v = make_matrix(Data::Cplx(Rc::new(out)), ar, bc);
    set_dimnames_parts(&mut v, vec![rn, cn], None);
    Ok(v)
}

/// `all.equal`'s message for complex values (None when equal within `tol`).
pub fn all_equal_msg(x: &Value, y: &Value, tol: f64) -> Option<String> {
    let (p, q) = (x.cplx_vec(), y.cplx_vec());
    if p.len() != q.len() {
        return Some(format!(
            "Numeric: lengths ({}, {}) differ",
            p.len(),
            q.len()
        ));
    }
    let na_p = p.iter().filter(|z| cplx_is_na(**z)).count();
    let na_q = q.iter().filter(|z| cplx_is_na(**z)).count();
    if p.iter()
        .zip(q.iter())
        .any(|(a, b)| cplx_is_na(*a) != cplx_is_na(*b))
    {
        return Some(format!(
            "'is.NA' value mismatch: {} in current {} in target",
            na_q, na_p
        ));
    }
    let pairs: Vec<(C64, C64)> = p
        .iter()
        .zip(q.iter())
        .filter(|(a, b)| !cplx_is_na(**a) && a != b)
        .map(|(a, b)| (*a, *b))
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    let sum_t: f64 = pairs.iter().map(|(a, _)| a.norm()).sum();
    let sum_d: f64 = pairs.iter().map(|(a, b)| (a - b).norm()).sum();
    let (xy, what) = if (sum_t / n).is_finite() && sum_t / n > tol {
        (sum_d / sum_t, "relative")
    } else {
        (sum_d / n, "absolute")
    };
    if xy.is_nan() || xy > tol {
        let f = crate::value::num_format::format_dbl_vec_trim(&[xy], 7);
        return Some(format!(
            "Mean {} Mod difference: {}",
            what,
            f.first().cloned().unwrap_or_default()
        ));
    }
    None
}

// ---------- Fourier transforms and polynomial roots ----------

fn fft_input(m: &Matched) -> EvalResult<(Value, Rc<Vec<C64>>, bool)> {
    let z = m.req("z")?.clone();
    let v = match z.vtype() {
        Some(VType::Lgl | VType::Int | VType::Dbl | VType::Cplx) => z.cplx_vec(),
        _ => return err("non-numeric argument"),
    };
    let inverse = m
        .get("inverse")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    Ok((z, v, inverse))
}

/// The result of a transform: complex, keeping `z`'s dim and dimnames.
fn fft_result(z: &Value, out: Vec<C64>) -> Value {
    let mut r = Value::cplxs(out);
    for k in ["dim", "dimnames"] {
        if let Some(a) = z.get_attr(k) {
            r.set_attr(crate::syntax::sym::Sym::new(k), a.clone());
        }
    }
    r
}

fn fft(_it: &mut Interp, m: Matched) -> EvalResult {
    let (z, v, inverse) = fft_input(&m)?;
    let out = match z.dim() {
        Some(d) if d.len() > 1 => crate::stats::fourier::fft_array(&v, &d, inverse),
        _ => crate::stats::fourier::fft(&v, inverse),
    };
    Ok(fft_result(&z, out))
}

fn mvfft(_it: &mut Interp, m: Matched) -> EvalResult {
    let (z, v, inverse) = fft_input(&m)?;
    let Some(d) = z.dim().filter(|d| d.len() == 2) else {
        return err("vector-valued (multivariate) series required");
    };
    let (nr, nc) = (d[0], d[1]);
    let mut out = Vec::with_capacity(v.len());
    for j in 0..nc {
        out.extend(crate::stats::fourier::fft(
            &v[j * nr..(j + 1) * nr],
            inverse,
        ));
    }
    Ok(fft_result(&z, out))
}

fn polyroot(_it: &mut Interp, m: Matched) -> EvalResult {
    let z = m.req("z")?;
    let v = match z.vtype() {
        Some(VType::Lgl | VType::Int | VType::Dbl | VType::Cplx) => z.cplx_vec(),
        _ => return err("invalid argument type"),
    };
    if v.iter().any(|&c| !c.re.is_finite() || !c.im.is_finite()) {
        return err("invalid polynomial coefficient");
    }
    match crate::stats::fourier::polyroot(&v) {
        Ok(r) => Ok(Value::cplxs(r)),
        Err(e) => err(e),
    }
}
