//! Vectorised arithmetic, comparison and logic with R's recycling, NA and attribute rules.

use super::Interp;
use crate::error::{err, EvalResult};
use crate::syntax::ast::{BinOp, UnOp};
use crate::syntax::sym::Sym;
use crate::value::complex::C64;
use crate::value::factor::factor_as_strings;
use crate::value::{is_na_real, na_real, Data, Env, VType, Value, Vector, NA_INT, NA_LGL};
use std::rc::Rc;

/// Evaluates `x op y` on values.
pub fn binary(it: &mut Interp, op: BinOp, x: Value, y: Value, env: &Env) -> EvalResult {
    // Scalar fast path: attribute-free length-one numbers, reusing a temporary's buffer.
    if let (Some(a), Some(b)) = (scalar_num(&x), scalar_num(&y)) {
        if !(a.1 && b.1) || matches!(op, BinOp::Div | BinOp::Pow) {
            if let Some(r) = arith_dbl(op, a.0, b.0) {
                let mut x = x;
                if store_dbl(&mut x, r) {
                    return Ok(x);
                }
                let mut y = y;
                if store_dbl(&mut y, r) {
                    return Ok(y);
                }
                return Ok(Value::num(r));
            }
        }
        if let Some(r) = compare_dbl(op, a.0, b.0) {
            return Ok(Value::lgls(vec![r]));
        }
    }
    match op {
        BinOp::Special(name) => special(it, name, x, y, env),
        BinOp::Range if x.is_factor() && y.is_factor() => factor_colon(&x, &y),
        BinOp::Range => range(&x, &y),
        BinOp::And2 | BinOp::Or2 => unreachable_logic2(),
        _ => {
            if (x.attrs().is_some() || y.attrs().is_some())
                && (x.class_attr().is_some() || y.class_attr().is_some())
            {
                if !it.s4.prims.is_empty() {
                    let a = [(None, x.clone()), (None, y.clone())];
                    if let Some(r) = it.s4_dispatch(op.as_str(), &a, env) {
                        return r;
                    }
                }
                if let Some(r) = dispatch_ops(it, op, &x, &y, env) {
                    return r;
                }
            }
            vector_op(it, op, &x, &y)
        }
    }
}

/// `x op c` for an attribute-free numeric scalar `x` and a double literal `c`, reusing `x`'s
/// buffer when it is an unshared double. Gives `x` back when the general path is needed.
#[inline]
pub fn scalar_with_const(op: BinOp, x: Value, c: f64) -> Result<Value, Value> {
    let Some((a, _)) = scalar_num(&x) else {
        return with_const_in_place(op, x, c);
    };
    if let Some(r) = arith_dbl(op, a, c) {
        let mut x = x;
        if store_dbl(&mut x, r) {
            return Ok(x);
        }
        return Ok(Value::num(r));
    }
    match compare_dbl(op, a, c) {
        Some(r) => Ok(Value::lgls(vec![r])),
        None => Err(x),
    }
}

/// `x op c` for an unshared double vector without attributes (a temporary such as the
/// result of `x * k` in `x * k + 1`): computed in place, no new vector.
fn with_const_in_place(op: BinOp, mut x: Value, c: f64) -> Result<Value, Value> {
    if let Value::Vector(Vector {
        data: Data::Dbl(a),
        attrs: None,
    }) = &mut x
    {
        if let Some(buf) = Rc::get_mut(a) {
            if !buf.is_empty() {
                match op {
                    BinOp::Add => buf.iter_mut().for_each(|v| *v += c),
                    BinOp::Sub => buf.iter_mut().for_each(|v| *v -= c),
                    BinOp::Mul => buf.iter_mut().for_each(|v| *v *= c),
                    BinOp::Div => buf.iter_mut().for_each(|v| *v /= c),
                    _ => return Err(x),
                }
                return Ok(x);
            }
        }
    }
    Err(x)
}

/// Arithmetic on two scalars as doubles (None for non-arithmetic operators).
#[inline(always)]
pub fn arith_scalars(op: BinOp, a: f64, b: f64) -> Option<f64> {
    arith_dbl(op, a, b)
}

/// Comparison of two scalars (None for non-comparison operators).
#[inline(always)]
pub fn compare_scalars(op: BinOp, a: f64, b: f64) -> Option<i32> {
    compare_dbl(op, a, b)
}

/// A length-one integer, logical or double without attributes, as (value, is_integer).
#[inline(always)]
pub fn scalar_num(v: &Value) -> Option<(f64, bool)> {
    match v {
        Value::Vector(Vector {
            data: Data::Dbl(a),
            attrs: None,
        }) if a.len() == 1 => Some((a[0], false)),
        Value::Vector(Vector {
            data: Data::Int(a),
            attrs: None,
        }) if a.len() == 1 => Some((
            if a[0] == NA_INT {
                na_real()
            } else {
                a[0] as f64
            },
            true,
        )),
        _ => None,
    }
}

/// Stores `r` in `v`'s buffer when `v` is an unshared double scalar; false otherwise.
#[inline]
fn store_dbl(v: &mut Value, r: f64) -> bool {
    if let Value::Vector(Vector {
        data: Data::Dbl(a),
        attrs: None,
    }) = v
    {
        if let Some(buf) = Rc::get_mut(a) {
            if buf.len() == 1 {
                buf[0] = r;
                return true;
            }
        }
    }
    false
}

fn unreachable_logic2() -> EvalResult {
    err("invalid && or || evaluation")
}

/// User-defined `Ops` methods (`+.money`) and factor comparisons.
fn dispatch_ops(it: &mut Interp, op: BinOp, x: &Value, y: &Value, env: &Env) -> Option<EvalResult> {
    for v in [x, y] {
        if let Some(classes) = it.s3_classes(v) {
            for cls in classes {
                for (k, name) in [format!("{}.{}", op.as_str(), cls), format!("Ops.{}", cls)].iter().enumerate() {
                    if let Some(f @ Value::Closure(_)) = it.lookup_method(env, name) {
                        let f = if k == 1 { super::call::with_generic(&f, op.as_str()) } else { f };
                        return Some(it.call_value(&f, vec![(None, x.clone()), (None, y.clone())]));
                    }
                }
            }
        }
    }
    if let Some(hook) = it.ops_hook {
        if let Some(r) = hook(it, op, x, y) {
            return Some(r);
        }
    }
    if x.is_data_frame() || y.is_data_frame() {
        return Some(df_ops(it, op, x, y));
    }
    if x.is_factor() || y.is_factor() {
        let is_cmp = matches!(op, BinOp::Eq | BinOp::Ne);
        if !is_cmp && !matches!(op, BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge) {
            it.warning(format!("‘{}’ not meaningful for factors", op.as_str()));
            let n = x.len().max(y.len());
            return Some(Ok(Value::lgls(vec![NA_LGL; n])));
        }
        let fx = factor_as_strings(x);
        let fy = factor_as_strings(y);
        return Some(vector_op(it, op, &fx, &fy));
    }
    None
}

/// `Ops.data.frame`: column by column; arithmetic gives a data frame, comparisons and logic
/// a logical matrix with the row and column names.
fn df_ops(it: &mut Interp, op: BinOp, x: &Value, y: &Value) -> EvalResult {
    use crate::value::frame::{df_names, df_nrow, df_row_names, make_df};
    let df = if x.is_data_frame() { x } else { y };
    let n = df_nrow(df);
    let p = df.len();
    let col = |v: &Value, j: usize| -> Value {
        if v.is_data_frame() {
            factor_as_strings(&v.list_vec()[j])
        } else {
            v.clone()
        }
    };
    let mut cols = Vec::with_capacity(p);
    for j in 0..p {
        let mut r = vector_op(it, op, &col(x, j), &col(y, j))?;
        r.set_attr(Sym::new("names"), Value::Null);
        cols.push(r);
    }
    let arith = matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Pow | BinOp::Mod | BinOp::IntDiv
    );
    if arith {
        let rn = df.get_attr("row.names").cloned().unwrap_or(Value::Null);
        return Ok(make_df(cols, df_names(df), rn));
    }
    let parts: Vec<Data> = cols.iter().filter_map(|c| c.data().cloned()).collect();
    let mut m = Value::from_data(crate::value::combine::concat_data(&parts, VType::Lgl));
    m.set_attr(Sym::new("dim"), Value::ints(vec![n as i32, p as i32]));
    let rn = if crate::value::frame::df_compact_rows(df) {
        Value::Null
    } else {
        df_row_names(df)
    };
    m.set_attr(
        Sym::new("dimnames"),
        Value::list(vec![
            rn,
            df.get_attr("names").cloned().unwrap_or(Value::Null),
        ]),
    );
    Ok(m)
}

fn special(it: &mut Interp, name: Sym, x: Value, y: Value, env: &Env) -> EvalResult {
    let f = it.get_function(name, env)?;
    it.call_value(&f, vec![(None, x), (None, y)])
}

/// `from:to`.
/// `f1:f2` on factors: their interaction, levels `a:x` for every pair in `f1`-major order.
fn factor_colon(x: &Value, y: &Value) -> EvalResult {
    use crate::value::vector::NA_INT;
    let (cx, cy) = (x.int_vec(), y.int_vec());
    if cx.len() != cy.len() {
        return err("unequal factor lengths");
    }
    let levels = |v: &Value| -> Vec<String> {
        v.get_attr("levels")
            .map(|l| l.str_vec().iter().map(|s| s.as_deref().unwrap_or("NA").to_string()).collect())
            .unwrap_or_default()
    };
    let (lx, ly) = (levels(x), levels(y));
    let ny = ly.len() as i32;
    let codes: Vec<i32> = cx
        .iter()
        .zip(cy.iter())
        .map(|(&a, &b)| if a == NA_INT || b == NA_INT { NA_INT } else { (a - 1) * ny + b })
        .collect();
    let mut lev = Vec::with_capacity(lx.len() * ly.len());
    for a in lx.iter() {
        for b in ly.iter() {
            lev.push(format!("{}:{}", a, b));
        }
    }
    let lev: Vec<&str> = lev.iter().map(|s| s.as_str()).collect();
    Ok(crate::value::factor::make_factor(codes, &lev, false))
}

pub fn range(x: &Value, y: &Value) -> EvalResult {
    let (a, b) = match (x.as_f64(), y.as_f64()) {
        (Some(a), Some(b)) => (a, b),
        _ => return err("argument of length 0"),
    };
    if a.is_nan() || b.is_nan() {
        return err("NA/NaN argument");
    }
    // as R: a fuzz of FLT_EPSILON, so 1:2.9999999 has three elements
    let span = ((b - a).abs() + 1.0 + f32::EPSILON as f64).floor();
    if span > 2e9 {
        return err("result would be too long a vector");
    }
    let n = span as usize;
    crate::value::alloc::check(n as f64, 4)?;
    let as_int = a == a.trunc()
        && a.abs() <= i32::MAX as f64
        && (a + (n as f64 - 1.0)).abs() <= i32::MAX as f64
        && (a - (n as f64 - 1.0)).abs() <= i32::MAX as f64;
    if as_int {
        let a = a as i64;
        let v: Vec<i32> = if b >= a as f64 {
            (0..n as i64).map(|i| (a + i) as i32).collect()
        } else {
            (0..n as i64).map(|i| (a - i) as i32).collect()
        };
        Ok(Value::ints(v))
    } else {
        let v: Vec<f64> = if b >= a {
            (0..n).map(|i| a + i as f64).collect()
        } else {
            (0..n).map(|i| a - i as f64).collect()
        };
        Ok(Value::dbls(v))
    }
}

#[inline(always)]
fn arith_dbl(op: BinOp, a: f64, b: f64) -> Option<f64> {
    Some(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div => a / b,
        BinOp::Pow => r_pow(a, b),
        BinOp::Mod => r_mod(a, b),
        BinOp::IntDiv => r_intdiv(a, b),
        _ => return None,
    })
}

#[inline(always)]
fn compare_dbl(op: BinOp, a: f64, b: f64) -> Option<i32> {
    if !matches!(
        op,
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
    ) {
        return None;
    }
    if a.is_nan() || b.is_nan() {
        return Some(NA_LGL);
    }
    Some(match op {
        BinOp::Eq => a == b,
        BinOp::Ne => a != b,
        BinOp::Lt => a < b,
        BinOp::Le => a <= b,
        BinOp::Gt => a > b,
        _ => a >= b,
    } as i32)
}

/// R's `^`: `1^y` and `x^0` are 1 even for NA/NaN.
pub fn r_pow(a: f64, b: f64) -> f64 {
    if a == 1.0 || b == 0.0 {
        return 1.0;
    }
    if b == 2.0 {
        return a * a;
    }
    if is_na_real(a) || is_na_real(b) {
        return na_real();
    }
    a.powf(b)
}

/// R's `%%` for doubles (result has the sign of the divisor).
pub fn r_mod(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        return f64::NAN;
    }
    if b.abs() * f64::EPSILON > 1.0 && a.is_finite() && a.abs() <= b.abs() {
        return if a.abs() == b.abs() {
            0.0
        } else if (a < 0.0 && b > 0.0) || (b < 0.0 && a > 0.0) {
            a + b
        } else {
            a
        };
    }
    // whole numbers below 2^53: the remainder is exact, with the sign of the divisor
    const EXACT: f64 = 9007199254740992.0;
    if a.abs() < EXACT && b.abs() < EXACT {
        let (ai, bi) = (a as i64, b as i64);
        if ai as f64 == a && bi as f64 == b {
            // (32-bit division where the values allow: several times faster)
            let r = match (i32::try_from(ai), i32::try_from(bi)) {
                (Ok(x), Ok(y)) if y != -1 => (x % y) as f64,
                _ => (ai % bi) as f64,
            };
            return if r != 0.0 && (r < 0.0) != (b < 0.0) {
                r + b
            } else {
                r
            };
        }
    }
    let q = a / b;
    let tmp = a - q.floor() * b;
    tmp - (tmp / b).floor() * b
}

/// R's `%/%` for doubles.
pub fn r_intdiv(a: f64, b: f64) -> f64 {
    (a / b).floor()
}

fn is_numeric_like(v: &Value) -> bool {
    matches!(
        v.vtype(),
        Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl) | Some(VType::Cplx)
    ) || v.is_null()
}

/// Arithmetic on complex vectors (either operand complex), with recycling.
fn cplx_arith(op: BinOp, dx: &Data, dy: &Data, n: usize) -> EvalResult<Data> {
    use crate::value::complex::{cplx_div, cplx_is_na_strict, cplx_pow, na_cplx};
    let (a, b) = (dx.to_cplx(), dy.to_cplx());
    let (nx, ny) = (a.len(), b.len());
    let f: fn(C64, C64) -> C64 = match op {
        BinOp::Add => |p, q| p + q,
        BinOp::Sub => |p, q| p - q,
        BinOp::Mul => |p, q| p * q,
        BinOp::Div => cplx_div,
        BinOp::Pow => cplx_pow,
        _ => return err("unimplemented complex operation"),
    };
    let out = (0..n)
        .map(|i| {
            let (p, q) = (a[i % nx], b[i % ny]);
            if cplx_is_na_strict(p) || cplx_is_na_strict(q) {
                na_cplx()
            } else {
                f(p, q)
            }
        })
        .collect();
    Ok(Data::Cplx(Rc::new(out)))
}

/// `==` and `!=` on complex vectors; other comparisons are R's error.
fn cplx_compare(op: BinOp, dx: &Data, dy: &Data, n: usize) -> EvalResult<Data> {
    use crate::value::complex::cplx_is_na;
    if !matches!(op, BinOp::Eq | BinOp::Ne) {
        return err("invalid comparison with complex values");
    }
    let (a, b) = (dx.to_cplx(), dy.to_cplx());
    let (nx, ny) = (a.len(), b.len());
    let out = (0..n)
        .map(|i| {
            let (p, q) = (a[i % nx], b[i % ny]);
            if cplx_is_na(p) || cplx_is_na(q) {
                NA_LGL
            } else {
                ((p == q) == (op == BinOp::Eq)) as i32
            }
        })
        .collect();
    Ok(Data::Lgl(Rc::new(out)))
}


/// Result attributes: those of the longer operand, or both (first wins) when equal length.
fn result_attrs(
    x: &Value,
    y: &Value,
    nx: usize,
    ny: usize,
) -> EvalResult<Option<Rc<Vec<(Sym, Value)>>>> {
    let ax = x.attrs();
    let ay = y.attrs();
    if ax.is_none() && ay.is_none() {
        return Ok(None);
    }
    if let (Some(dx), Some(dy)) = (x.dim(), y.dim()) {
        if dx != dy {
            return err("non-conformable arrays");
        }
    }
    let mut out: Vec<(Sym, Value)> = Vec::new();
    let mut add = |a: Option<&Vec<(Sym, Value)>>, only_missing: bool| {
        if let Some(a) = a {
            for (k, v) in a {
                if only_missing && out.iter().any(|(k2, _)| k2 == k) {
                    continue;
                }
                out.push((*k, v.clone()));
            }
        }
    };
    if nx == ny {
        add(ax, false);
        add(ay, true);
    } else if nx > ny {
        add(ax, false);
        // dims of the shorter still apply
        if let Some(a) = ay {
            for (k, v) in a {
                if (k.as_str() == "dim" || k.as_str() == "dimnames")
                    && !out.iter().any(|(k2, _)| k2 == k)
                {
                    out.push((*k, v.clone()));
                }
            }
        }
    } else {
        add(ay, false);
        if let Some(a) = ax {
            for (k, v) in a {
                if (k.as_str() == "dim" || k.as_str() == "dimnames")
                    && !out.iter().any(|(k2, _)| k2 == k)
                {
                    out.push((*k, v.clone()));
                }
            }
        }
    }
    Ok(if out.is_empty() {
        None
    } else {
        Some(Rc::new(out))
    })
}

/// Elementwise arithmetic, comparison or logic on two vectors.
pub fn vector_op(it: &mut Interp, op: BinOp, x: &Value, y: &Value) -> EvalResult {
    let arith = matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Pow | BinOp::Mod | BinOp::IntDiv
    );
    let cmp = matches!(
        op,
        BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
    );
    if cmp && (matches!(x, Value::Lang(_)) || matches!(y, Value::Lang(_))) {
        // R compares a symbol or call as its deparsed text (`formals(f)$x == ""`)
        let text = |v: &Value| match v {
            Value::Lang(l) => Value::str(&crate::syntax::deparse::deparse(&l.expr)),
            v => v.clone(),
        };
        return vector_op(it, op, &text(x), &text(y));
    }
    let (dx, dy) = match (x, y) {
        (Value::Null, _) | (_, Value::Null) => {
            return Ok(if arith {
                let t = if matches!(op, BinOp::Div | BinOp::Pow) {
                    VType::Dbl
                } else {
                    x.vtype()
                        .max(y.vtype())
                        .unwrap_or(VType::Int)
                        .max(VType::Int)
                };
                Value::from_data(Data::empty(t))
            } else {
                Value::from_data(Data::empty(VType::Lgl))
            })
        }
        (Value::Vector(a), Value::Vector(b)) => (&a.data, &b.data),
        _ => {
            return if arith {
                err("non-numeric argument to binary operator")
            } else {
                err(format!(
                    "comparison ({}) is possible only for atomic and list types",
                    op.as_str()
                ))
            }
        }
    };
    let nx = dx.len();
    let ny = dy.len();
    let n = if nx == 0 || ny == 0 { 0 } else { nx.max(ny) };
    if n > 0 && (n % nx != 0 || n % ny != 0) {
        it.warning("longer object length is not a multiple of shorter object length");
    }
    let attrs = result_attrs(x, y, nx, ny)?;
    let data = if arith {
        if !is_numeric_like(x) || !is_numeric_like(y) {
            return err("non-numeric argument to binary operator");
        }
        let t = dx.vtype().max(dy.vtype());
        if t == VType::Cplx {
            cplx_arith(op, dx, dy, n)?
        } else if t == VType::Dbl || matches!(op, BinOp::Div | BinOp::Pow) {
            let a = dx.to_dbl();
            let b = dy.to_dbl();
            // one monomorphised loop per operator, so the common ones vectorise
            let v = match op {
                BinOp::Add => zip_map(&a, &b, n, |a, b| a + b),
                BinOp::Sub => zip_map(&a, &b, n, |a, b| a - b),
                BinOp::Mul => zip_map(&a, &b, n, |a, b| a * b),
                BinOp::Div => zip_map(&a, &b, n, |a, b| a / b),
                BinOp::Pow => zip_map(&a, &b, n, r_pow),
                BinOp::Mod => zip_map(&a, &b, n, r_mod),
                _ => zip_map(&a, &b, n, r_intdiv),
            };
            Data::Dbl(Rc::new(v))
        } else {
            let a = dx.to_int();
            let b = dy.to_int();
            let mut overflow = false;
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                let (p, q) = (a[i % nx], b[i % ny]);
                if p == NA_INT || q == NA_INT {
                    out.push(NA_INT);
                    continue;
                }
                let r: Option<i64> = match op {
                    BinOp::Add => Some(p as i64 + q as i64),
                    BinOp::Sub => Some(p as i64 - q as i64),
                    BinOp::Mul => Some(p as i64 * q as i64),
                    BinOp::Mod => {
                        if q == 0 {
                            None
                        } else {
                            Some(r_mod(p as f64, q as f64) as i64)
                        }
                    }
                    _ => {
                        if q == 0 {
                            None
                        } else {
                            Some((p as f64 / q as f64).floor() as i64)
                        }
                    }
                };
                match r {
                    Some(r) if r > i32::MAX as i64 || r <= i32::MIN as i64 => {
                        overflow = true;
                        out.push(NA_INT)
                    }
                    Some(r) => out.push(r as i32),
                    None => out.push(NA_INT),
                }
            }
            if overflow {
                it.warning("NAs produced by integer overflow");
            }
            Data::Int(Rc::new(out))
        }
    } else if cmp {
        let t = dx.vtype().max(dy.vtype());
        if t == VType::List {
            return err("comparison of these types is not implemented");
        }
        if t == VType::Cplx {
            cplx_compare(op, dx, dy, n)?
        } else if t == VType::Str {
            let a = dx.to_str();
            let b = dy.to_str();
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                out.push(match (&a[i % nx], &b[i % ny]) {
                    (Some(p), Some(q)) => {
                        let o = compare_strings(p, q);
                        (match op {
                            BinOp::Eq => o.is_eq(),
                            BinOp::Ne => o.is_ne(),
                            BinOp::Lt => o.is_lt(),
                            BinOp::Le => o.is_le(),
                            BinOp::Gt => o.is_gt(),
                            _ => o.is_ge(),
                        }) as i32
                    }
                    _ => NA_LGL,
                });
            }
            Data::Lgl(Rc::new(out))
        } else {
            let a = dx.to_dbl();
            let b = dy.to_dbl();
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                out.push(compare_dbl(op, a[i % nx], b[i % ny]).unwrap_or(NA_LGL));
            }
            Data::Lgl(Rc::new(out))
        }
    } else if let (Data::Raw(a), Data::Raw(b)) = (dx, dy) {
        // & | on two raw vectors are bitwise
        let v: Vec<u8> = (0..n)
            .map(|i| {
                let (p, q) = (a[i % nx], b[i % ny]);
                if op == BinOp::And {
                    p & q
                } else {
                    p | q
                }
            })
            .collect();
        Data::Raw(Rc::new(v))
    } else {
        // & |
        if !is_numeric_like(x) || !is_numeric_like(y) {
            return err(
                "operations are possible only for numeric, logical or complex types".to_string(),
            );
        }
        let a = dx.to_lgl();
        let b = dy.to_lgl();
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let (p, q) = (a[i % nx], b[i % ny]);
            out.push(match op {
                BinOp::And => {
                    if p == 0 || q == 0 {
                        0
                    } else if p == NA_LGL || q == NA_LGL {
                        NA_LGL
                    } else {
                        1
                    }
                }
                _ => {
                    if p == 1 || q == 1 {
                        1
                    } else if p == NA_LGL || q == NA_LGL {
                        NA_LGL
                    } else {
                        0
                    }
                }
            });
        }
        Data::Lgl(Rc::new(out))
    };
    let mut attrs = attrs;
    if let Some(a) = attrs.as_mut() {
        // Comparisons and logic drop class-like attributes of factors etc.
        if !arith {
            Rc::make_mut(a).retain(|(k, _)| matches!(k.as_str(), "names" | "dim" | "dimnames"));
        }
        if a.is_empty() {
            attrs = None;
        }
    }
    Ok(Value::Vector(Vector { data, attrs }))
}

/// String ordering as R's C.UTF-8 collation: by code point.
pub fn compare_strings(a: &str, b: &str) -> std::cmp::Ordering {
    crate::value::collate::collate(a, b)
}

#[inline]
fn zip_map(a: &[f64], b: &[f64], n: usize, f: impl Fn(f64, f64) -> f64) -> Vec<f64> {
    if a.len() == n && b.len() == n {
        a.iter().zip(b.iter()).map(|(&x, &y)| f(x, y)).collect()
    } else if b.len() == 1 {
        let y = b[0];
        a.iter().map(|&x| f(x, y)).collect()
    } else if a.len() == 1 {
        let x = a[0];
        b.iter().map(|&y| f(x, y)).collect()
    } else {
        (0..n).map(|i| f(a[i % a.len()], b[i % b.len()])).collect()
    }
}

/// Evaluates `-x`, `+x`, `!x`.
pub fn unary(_it: &mut Interp, op: UnOp, x: Value) -> EvalResult {
    let Value::Vector(v) = &x else {
        return match op {
            UnOp::Not => err("invalid argument type"),
            _ => err("invalid argument to unary operator"),
        };
    };
    let data = match op {
        UnOp::Not => match &v.data {
            Data::Raw(a) => Data::Raw(Rc::new(a.iter().map(|b| !b).collect())),
            Data::Str(_) | Data::List(_) => return err("invalid argument type"),
            d => Data::Lgl(Rc::new(
                d.to_lgl()
                    .iter()
                    .map(|&p| if p == NA_LGL { NA_LGL } else { (p == 0) as i32 })
                    .collect(),
            )),
        },
        UnOp::Neg => match &v.data {
            Data::Dbl(a) => Data::Dbl(Rc::new(a.iter().map(|x| -x).collect())),
            Data::Cplx(a) => Data::Cplx(Rc::new(a.iter().map(|x| -x).collect())),
            Data::Int(a) | Data::Lgl(a) => Data::Int(Rc::new(
                a.iter()
                    .map(|&x| if x == NA_INT { NA_INT } else { -x })
                    .collect(),
            )),
            _ => return err("invalid argument to unary operator"),
        },
        UnOp::Pos => match &v.data {
            Data::Lgl(a) => Data::Int(a.clone()),
            Data::Str(_) | Data::List(_) | Data::Raw(_) => return err("invalid argument to unary operator"),
            d => d.clone(),
        },
    };
    let mut attrs = v.attrs.clone();
    if op == UnOp::Not {
        if let Some(a) = attrs.as_mut() {
            Rc::make_mut(a).retain(|(k, _)| matches!(k.as_str(), "names" | "dim" | "dimnames"));
            if a.is_empty() {
                attrs = None;
            }
        }
    }
    Ok(Value::Vector(Vector { data, attrs }))
}

#[cfg(test)]
mod tests {
    use super::r_mod;

    /// R's formula for `%%`, without the whole-number shortcut.
    fn general(a: f64, b: f64) -> f64 {
        let q = a / b;
        let tmp = a - q.floor() * b;
        tmp - (tmp / b).floor() * b
    }

    #[test]
    fn whole_number_modulus_is_rs() {
        for a in -40..=40 {
            for b in [-7.0, -3.0, -1.0, 1.0, 2.0, 3.0, 7.0, 1e6] {
                let a = a as f64 * 12345.0;
                assert_eq!(
                    r_mod(a, b).to_bits(),
                    (general(a, b) + 0.0).to_bits(),
                    "{} %% {}",
                    a,
                    b
                );
            }
        }
        assert_eq!(r_mod(5.5, 2.0), 1.5);
        assert_eq!(r_mod(-5.5, 2.0), 0.5);
        assert!(r_mod(1.0, 0.0).is_nan());
    }
}
