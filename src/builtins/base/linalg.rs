//! Matrix builtins over the dense kernels of `crate::stats::linalg`: `%*%`, `crossprod`,
//! `tcrossprod`, `diag`, `det`, `determinant`, `solve` and `chol` (registered in
//! `matrix::BUILTINS`).

use crate::builtins::base::matrix::{
    dimnames_parts, flag, get_count, make_matrix, plain_data, recycle, set_dimnames_parts, sym,
};
use crate::builtins::Args;
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::linalg::*;
use crate::value::{Data, RStr, VType, Value};
use std::rc::Rc;

// ---------------------------------------------------------------------------------------
// products

/// A numeric (logical, integer or double) vector's values, or R's error.
pub(crate) fn numeric_mat(x: &Value, what: &str) -> EvalResult<Vec<f64>> {
    match x.vtype() {
        Some(VType::Lgl | VType::Int | VType::Dbl) => Ok(x.dbl_vec().to_vec()),
        _ => err(format!(
            "requires numeric/complex matrix/vector arguments{}",
            what
        )),
    }
}

fn mat_of(x: &Value) -> EvalResult<(Mat, Vec<Option<Vec<RStr>>>)> {
    let v = numeric_mat(x, "")?;
    match x.dim() {
        Some(d) if d.len() == 2 => Ok((Mat::new(d[0], d[1], v), dimnames_parts(x))),
        _ => {
            let n = v.len();
            Ok((Mat::new(n, 1, v), vec![x.names(), None]))
        }
    }
}

fn mat_value(m: Mat, rn: Option<Vec<RStr>>, cn: Option<Vec<RStr>>) -> Value {
    let mut v = make_matrix(Data::Dbl(Rc::new(m.data)), m.nrow, m.ncol);
    set_dimnames_parts(&mut v, vec![rn, cn], None);
    v
}

/// `x %*% y` with R's promotion of vectors to row or column matrices.
pub fn matprod_values(x: &Value, y: &Value) -> EvalResult {
    let xv = numeric_mat(x, "")?;
    let yv = numeric_mat(y, "")?;
    let xd = x.dim().filter(|d| d.len() == 2);
    let yd = y.dim().filter(|d| d.len() == 2);
    let (a, b) = match (xd.clone(), yd.clone()) {
        (Some(xd), Some(yd)) => (Mat::new(xd[0], xd[1], xv), Mat::new(yd[0], yd[1], yv)),
        (None, Some(yd)) => {
            let n = xv.len();
            if n == yd[0] {
                (Mat::new(1, n, xv), Mat::new(yd[0], yd[1], yv))
            } else {
                (Mat::new(n, 1, xv), Mat::new(yd[0], yd[1], yv))
            }
        }
        (Some(xd), None) => {
            let n = yv.len();
            if n == xd[1] {
                (Mat::new(xd[0], xd[1], xv), Mat::new(n, 1, yv))
            } else {
                (Mat::new(xd[0], xd[1], xv), Mat::new(1, n, yv))
            }
        }
        (None, None) => {
            let (n, k) = (xv.len(), yv.len());
            if n == k {
                (Mat::new(1, n, xv), Mat::new(k, 1, yv))
            } else if n == 1 {
                (Mat::new(1, 1, xv), Mat::new(1, k, yv))
            } else {
                (Mat::new(n, 1, xv), Mat::new(1, k, yv))
            }
        }
    };
    if a.ncol != b.nrow {
        return err("non-conformable arguments");
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
    crate::value::alloc::check(a.nrow as f64 * b.ncol as f64, 8)?;
    Ok(mat_value(matmul(&a, &b), rn, cn))
}

/// The `matprod` builtin (see R's documentation).
pub fn matprod(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "y"])?;
    matprod_values(m.req("x")?, m.req("y")?)
}

/// The `crossprod` builtin (see R's documentation).
pub fn crossprod(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "y"])?;
    let x = m.req("x")?.clone();
    let y = m
        .get("y")
        .filter(|v| !v.is_null())
        .cloned()
        .unwrap_or_else(|| x.clone());
    let (a, an) = mat_of(&x)?;
    let (b, bn) = mat_of(&y)?;
    if a.nrow != b.nrow {
        return err("non-conformable arguments");
    }
    crate::value::alloc::check(a.ncol as f64 * b.ncol as f64, 8)?;
    Ok(mat_value(matmul(&a.t(), &b), an[1].clone(), bn[1].clone()))
}

/// The `tcrossprod` builtin (see R's documentation).
pub fn tcrossprod(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "y"])?;
    let x = m.req("x")?.clone();
    let y = m
        .get("y")
        .filter(|v| !v.is_null())
        .cloned()
        .unwrap_or_else(|| x.clone());
    let (a, an) = mat_of(&x)?;
    let (b, bn) = mat_of(&y)?;
    if a.ncol != b.ncol {
        return err("non-conformable arguments");
    }
    crate::value::alloc::check(a.nrow as f64 * b.nrow as f64, 8)?;
    Ok(mat_value(matmul(&a, &b.t()), an[0].clone(), bn[0].clone()))
}

// ---------------------------------------------------------------------------------------
// diag, det, solve, chol

/// The `diag` builtin (see R's documentation).
pub fn diag(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "nrow", "ncol", "names"])?;
    let x = m.get("x").cloned();
    if let Some(x) = &x {
        if let Some(d) = x.dim().filter(|d| d.len() == 2) {
            let (nr, nc) = (d[0], d[1]);
            let k = nr.min(nc);
            let data = x
                .data()
                .map(|dd| dd.select(&(0..k).map(|i| Some(i * nr + i)).collect::<Vec<_>>()));
            let mut v = Value::from_data(data.unwrap_or(Data::empty(VType::Dbl)));
            if flag(m.get("names"), true) {
                let p = dimnames_parts(x);
                if let (Some(r), Some(c)) = (&p[0], &p[1]) {
                    if r[..k] == c[..k] {
                        v.set_attr(sym("names"), Value::strs(r[..k].to_vec()));
                    }
                }
            }
            return Ok(v);
        }
        if x.dim().is_some() {
            return err("'x' is an array, but not one-dimensional.");
        }
    }
    let nrow = get_count(m.get("nrow"), "nrow")?;
    let ncol = get_count(m.get("ncol"), "ncol")?;
    let (vals, n) = match &x {
        None => (Data::Dbl(Rc::new(vec![1.0])), nrow.unwrap_or(0)),
        Some(x) if x.len() == 1 && nrow.is_none() && ncol.is_none() => {
            let n = x.as_f64().unwrap_or(0.0);
            if n.is_nan() || n < 0.0 {
                return err("invalid 'nrow' value (< 0)");
            }
            (Data::Dbl(Rc::new(vec![1.0])), n as usize)
        }
        Some(x) => (plain_data(x), x.len()),
    };
    let nr = nrow.unwrap_or(n);
    let nc = ncol.unwrap_or(nr);
    let t = match vals.vtype() {
        VType::Lgl | VType::Int | VType::Dbl => vals.vtype(),
        _ => return err("'x' must be numeric or logical"),
    };
    let k = nr.min(nc);
    crate::value::alloc::check_type(nr as f64 * nc as f64, t)?;
    let mut data = Data::with_len(t, nr * nc);
    if !vals.is_empty() {
        let diagv = recycle(&vals, k);
        data = match (data, diagv) {
            (Data::Dbl(mut o), Data::Dbl(s)) => {
                let o2 = Rc::make_mut(&mut o);
                for i in 0..k {
                    o2[i * nr + i] = s[i];
                }
                Data::Dbl(o)
            }
            (Data::Int(mut o), Data::Int(s)) | (Data::Lgl(mut o), Data::Lgl(s)) => {
                let o2 = Rc::make_mut(&mut o);
                for i in 0..k {
                    o2[i * nr + i] = s[i];
                }
                if t == VType::Lgl {
                    Data::Lgl(o)
                } else {
                    Data::Int(o)
                }
            }
            (d, _) => d,
        };
    }
    Ok(make_matrix(data, nr, nc))
}

/// The `set_diag` builtin (see R's documentation).
pub fn set_diag(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "value"])?;
    let x = m.req("x")?.clone();
    let val = m.req("value")?.clone();
    let Some(d) = x.dim().filter(|d| d.len() == 2) else {
        return err("only matrix diagonals can be replaced");
    };
    let (nr, nc) = (d[0], d[1]);
    let k = nr.min(nc);
    if val.len() != 1 && val.len() != k {
        return err("replacement diagonal has wrong length");
    }
    let t = x
        .vtype()
        .unwrap_or(VType::Lgl)
        .max(val.vtype().unwrap_or(VType::Lgl));
    let mut out = x.coerce(t);
    let Some(vd) = val.data().map(|d| recycle(&d.coerce(t), k)) else {
        return err("invalid replacement value");
    };
    if let Value::Vector(v) = &mut out {
        let idx: Vec<usize> = (0..k).map(|i| i * nr + i).collect();
        match (&mut v.data, &vd) {
            (Data::Dbl(o), Data::Dbl(s)) => idx
                .iter()
                .zip(s.iter())
                .for_each(|(&i, &x)| Rc::make_mut(o)[i] = x),
            (Data::Int(o), Data::Int(s)) | (Data::Lgl(o), Data::Lgl(s)) => idx
                .iter()
                .zip(s.iter())
                .for_each(|(&i, &x)| Rc::make_mut(o)[i] = x),
            (Data::Str(o), Data::Str(s)) => idx
                .iter()
                .zip(s.iter())
                .for_each(|(&i, x)| Rc::make_mut(o)[i] = x.clone()),
            (Data::List(o), Data::List(s)) => idx
                .iter()
                .zip(s.iter())
                .for_each(|(&i, x)| Rc::make_mut(o)[i] = x.clone()),
            _ => {}
        }
    }
    Ok(out)
}

fn square(x: &Value, msg: &str) -> EvalResult<(Mat, Vec<Option<Vec<RStr>>>)> {
    let (m, dn) = mat_of(x)?;
    if x.dim().map(|d| d.len() != 2).unwrap_or(true) || m.nrow != m.ncol {
        return err(msg.to_string());
    }
    Ok((m, dn))
}

fn determinant_core(x: &Value, log: bool) -> EvalResult<(f64, i32)> {
    let (m, _) = square(x, "'x' must be a square matrix")?;
    let f = lu(&m);
    let (modulus, sign) = if f.singular_at.is_some() && m.nrow > 0 {
        (f64::NEG_INFINITY, 1)
    } else {
        f.log_det()
    };
    Ok((if log { modulus } else { modulus.exp() }, sign))
}

/// The `det` builtin (see R's documentation).
pub fn det(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "..."])?;
    let (modulus, sign) = determinant_core(m.req("x")?, true)?;
    Ok(Value::num(sign as f64 * modulus.exp()))
}

/// The `determinant` builtin (see R's documentation).
pub fn determinant(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "logarithm", "..."])?;
    let log = flag(m.get("logarithm"), true);
    let (modulus, sign) = determinant_core(m.req("x")?, log)?;
    let mut md = Value::num(modulus);
    md.set_attr(sym("logarithm"), Value::lgl(log));
    let mut out = Value::named_list(vec![
        ("modulus".into(), md),
        ("sign".into(), Value::int(sign)),
    ]);
    out.set_attr(sym("class"), Value::str("det"));
    Ok(out)
}

/// The `solve` builtin (see R's documentation).
pub fn r_solve(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["a", "b", "tol", "..."])?;
    let av = m.req("a")?.clone();
    let (am, adn) = mat_of(&av)?;
    let (nr, nc) = (am.nrow, am.ncol);
    if av.dim().is_none() && nr == 1 {
        // a scalar
    } else if nr != nc {
        return err(format!("'a' ({} x {}) must be square", nr, nc));
    }
    let tol = m
        .get("tol")
        .and_then(|t| t.as_f64())
        .unwrap_or(f64::EPSILON);
    let (b, bdn, bvec) = match m.get("b") {
        None => (
            Mat::identity(nr),
            vec![adn.first().cloned().flatten(), None],
            false,
        ),
        Some(b) => {
            let (bm, bdn) = mat_of(b)?;
            let isvec = b.dim().is_none();
            if bm.nrow != nr {
                return err(format!(
                    "'b' ({} x {}) must be compatible with 'a' ({} x {})",
                    bm.nrow, bm.ncol, nr, nc
                ));
            }
            (bm, bdn, isvec)
        }
    };
    let x = solve_mat(&am, &b, tol).or_else(err)?;
    let rn = adn.get(1).cloned().flatten();
    if bvec {
        let mut v = Value::dbls(x.data);
        if let Some(n) = rn {
            v.set_attr(sym("names"), Value::strs(n));
        }
        return Ok(v);
    }
    let cn = if m.has("b") {
        bdn[1].clone()
    } else {
        bdn[0].clone()
    };
    Ok(mat_value(x, rn, cn))
}

/// The `chol` builtin (see R's documentation).
pub fn r_chol(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "..."])?;
    let x = m.req("x")?;
    let (mm, dn) = square(x, "'a' must be a square matrix")?;
    let r = chol_mat(&mm).or_else(err)?;
    Ok(mat_value(r, dn[0].clone(), dn[1].clone()))
}
