//! Array margins: `apply`, `outer`, `sweep`, `aperm`, and row and column sums and means.

use crate::builtins::base::linalg::numeric_mat;
use crate::builtins::base::matrix::{
    dimnames_names, dimnames_parts, flag, recycle, set_dimnames_parts, sym,
};
use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::call::ArgVal;
use crate::eval::Interp;
use crate::syntax::ast::BinOp;
use crate::value::{Data, RStr, VType, Value};

/// The array-margin family's builtins.
pub const BUILTINS: &[Builtin] = &[
    eager("%o%", outer_op),
    declared("outer", outer),
    eager("apply", apply),
    eager("rowSums", row_sums),
    eager("colSums", col_sums),
    eager("rowMeans", row_means),
    eager("colMeans", col_means),
    eager("aperm", aperm),
    eager("sweep", sweep),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("%o%", "X %o% Y",
            "Outer product: a matrix (or array) with X[i] * Y[j] in cell [i, j]; the same as outer(X, Y)."),
        doc("outer", "outer(X, Y, FUN = \"*\", ...)",
            "Applies FUN to every pair of an element of X and an element of Y, giving an array of dimension \
             c(dim(X), dim(Y)). FUN must be vectorised."),
        doc("apply", "apply(X, MARGIN, FUN, ..., simplify = TRUE)",
            "Applies FUN to each row (MARGIN = 1) or column (MARGIN = 2) of a matrix or data frame, or along \
             other margins of an array. Results of length one give a vector; longer equal-length results give a \
             matrix with one column per slice."),
        doc("rowSums", "rowSums(x, na.rm = FALSE, dims = 1L)",
            "Sums of each row of a numeric matrix or data frame, named by the row names."),
        doc("colSums", "colSums(x, na.rm = FALSE, dims = 1L)",
            "Sums of each column of a numeric matrix or data frame, named by the column names."),
        doc("rowMeans", "rowMeans(x, na.rm = FALSE, dims = 1L)",
            "Means of each row of a numeric matrix or data frame."),
        doc("colMeans", "colMeans(x, na.rm = FALSE, dims = 1L)",
            "Means of each column of a numeric matrix or data frame."),
        doc("aperm", "aperm(a, perm = NULL, resize = TRUE, ...)",
            "Permutes the dimensions of an array: dimension perm[i] of a becomes dimension i of the result. \
             Without perm the dimensions are reversed, which transposes a matrix."),
        doc("sweep", "sweep(x, MARGIN, STATS, FUN = \"-\", check.margin = TRUE, ...)",
            "Applies FUN between x and the summary statistics STATS, one per row (MARGIN = 1) or column (MARGIN = \
             2); for example, subtracts column means from each column."),
    ]
};

fn op_of(name: &str) -> Option<BinOp> {
    Some(match name {
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" => BinOp::Mul,
        "/" => BinOp::Div,
        "^" => BinOp::Pow,
        "%%" => BinOp::Mod,
        "%/%" => BinOp::IntDiv,
        "==" => BinOp::Eq,
        "!=" => BinOp::Ne,
        "<" => BinOp::Lt,
        "<=" => BinOp::Le,
        ">" => BinOp::Gt,
        ">=" => BinOp::Ge,
        "&" => BinOp::And,
        "|" => BinOp::Or,
        _ => return None,
    })
}

/// Calls a binary `FUN` (a function, or an operator's name) on two vectors.
pub(crate) fn call_binary(it: &mut Interp, f: &Value, x: Value, y: Value, extra: &[ArgVal]) -> EvalResult {
    if let Some(op) = f.as_string().as_deref().and_then(op_of) {
        if extra.is_empty() {
            return crate::eval::ops::vector_op(it, op, &x, &y);
        }
    }
    let f = crate::builtins::base::apply::as_function(it, f)?;
    let mut args = vec![(None, x), (None, y)];
    args.extend(extra.iter().cloned());
    it.call_value(&f, args)
}

fn outer_dims(x: &Value) -> (Vec<usize>, Vec<Option<Vec<RStr>>>) {
    match x.dim() {
        Some(d) => {
            let p = dimnames_parts(x);
            (d, p)
        }
        None => (vec![x.len()], vec![x.names()]),
    }
}

/// `outer(X, Y, FUN)`: FUN is called once on the expanded vectors.
pub fn outer_values(
    it: &mut Interp,
    x: &Value,
    y: &Value,
    f: &Value,
    extra: &[ArgVal],
) -> EvalResult {
    let (dx, nx) = outer_dims(x);
    let (dy, ny) = outer_dims(y);
    let (lx, ly) = (x.len(), y.len());
    crate::value::alloc::check(lx as f64 * ly as f64, 8)?;
    let strip = |v: &Value| -> Value {
        let mut v = crate::value::factor::factor_as_strings(v);
        v.clear_attrs();
        v
    };
    let (xs, ys) = (strip(x), strip(y));
    let xe = Value::from_data(
        xs.data()
            .map(|d| recycle(d, lx * ly))
            .unwrap_or(Data::empty(VType::Lgl)),
    );
    let yi: Vec<Option<usize>> = (0..lx * ly).map(|k| Some(k / lx.max(1))).collect();
    let ye = Value::from_data(
        ys.data()
            .map(|d| d.select(&yi))
            .unwrap_or(Data::empty(VType::Lgl)),
    );
    let is_times = f.as_string().as_deref() == Some("*")
        && extra.is_empty()
        && xe.vtype() != Some(VType::Cplx)
        && ye.vtype() != Some(VType::Cplx);
    let mut r = if is_times {
        let a = numeric_mat(&xe, "")?;
        let b = numeric_mat(&ye, "")?;
        Value::dbls(a.iter().zip(b.iter()).map(|(p, q)| p * q).collect())
    } else {
        call_binary(it, f, xe, ye, extra)?
    };
    if r.len() != lx * ly {
        return err(format!(
            "dims [product {}] do not match the length of object [{}]",
            lx * ly,
            r.len()
        ));
    }
    r.clear_attrs();
    let mut dims = dx;
    dims.extend(dy);
    r.set_attr(
        sym("dim"),
        Value::ints(dims.iter().map(|&d| d as i32).collect()),
    );
    let mut parts = nx;
    parts.extend(ny);
    set_dimnames_parts(&mut r, parts, None);
    Ok(r)
}

fn outer(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("X")?.clone();
    let y = m.req("Y")?.clone();
    let f = m.get("FUN").cloned().unwrap_or_else(|| Value::str("*"));
    outer_values(it, &x, &y, &f, &m.dots)
}

fn outer_op(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["X", "Y"])?;
    let x = m.req("X")?.clone();
    let y = m.req("Y")?.clone();
    outer_values(it, &x, &y, &Value::str("*"), &[])
}

// ---------------------------------------------------------------------------------------
// apply and summaries

fn strides(dims: &[usize]) -> Vec<usize> {
    let mut s = vec![1; dims.len()];
    for i in 1..dims.len() {
        s[i] = s[i - 1] * dims[i - 1];
    }
    s
}

/// Enumerates all index tuples of `dims` in column-major order.
fn tuples(dims: &[usize]) -> Vec<Vec<usize>> {
    let n: usize = dims.iter().product();
    (0..n)
        .map(|mut k| {
            dims.iter()
                .map(|&d| {
                    let i = k % d.max(1);
                    k /= d.max(1);
                    i
                })
                .collect()
        })
        .collect()
}

fn apply(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["X", "MARGIN", "FUN", "...", "simplify"])?;
    let x = m.req("X")?.clone();
    let x = if x.is_data_frame() {
        crate::value::frame::df_as_matrix(&x)
    } else {
        x
    };
    let Some(dims) = x.dim() else {
        return err("dim(X) must have a positive length");
    };
    let dn = dimnames_parts(&x);
    let dnn = dimnames_names(&x);
    let margin: Vec<usize> = match m.req("MARGIN")?.data() {
        Some(Data::Str(s)) => {
            let names = dnn.clone().unwrap_or_default();
            let mut out = Vec::new();
            for n in s.iter() {
                match names.iter().position(|x| x == n) {
                    Some(p) => out.push(p),
                    None => return err("not all elements of 'MARGIN' are names of dimensions"),
                }
            }
            out
        }
        Some(d) => d
            .to_int()
            .iter()
            .map(|&i| (i - 1).max(0) as usize)
            .collect(),
        None => return err("'MARGIN' does not match dim(X)"),
    };
    if margin.iter().any(|&i| i >= dims.len()) {
        return err("'MARGIN' does not match dim(X)");
    }
    let f = crate::builtins::base::apply::as_function(it, m.req("FUN")?)?;
    let simplify = flag(m.get("simplify"), true);
    let rest: Vec<usize> = (0..dims.len()).filter(|i| !margin.contains(i)).collect();
    let st = strides(&dims);
    let mdims: Vec<usize> = margin.iter().map(|&i| dims[i]).collect();
    let rdims: Vec<usize> = rest.iter().map(|&i| dims[i]).collect();
    let Some(data) = x.data().cloned() else {
        return err("dim(X) must have a positive length");
    };
    let rtuples = tuples(&rdims);
    let mut results = Vec::new();
    for mt in tuples(&mdims) {
        let base: usize = margin.iter().zip(&mt).map(|(&d, &i)| st[d] * i).sum();
        let idx: Vec<Option<usize>> = rtuples
            .iter()
            .map(|rt| Some(base + rest.iter().zip(rt).map(|(&d, &i)| st[d] * i).sum::<usize>()))
            .collect();
        let mut piece = Value::from_data(data.select(&idx));
        if rest.len() == 1 {
            if let Some(n) = &dn[rest[0]] {
                piece.set_attr(sym("names"), Value::strs(n.clone()));
            }
        } else if rest.len() > 1 {
            piece.set_attr(
                sym("dim"),
                Value::ints(rdims.iter().map(|&d| d as i32).collect()),
            );
            set_dimnames_parts(
                &mut piece,
                rest.iter().map(|&d| dn[d].clone()).collect(),
                dnn.as_ref().map(|n| rest.iter().map(|&d| n[d].clone()).collect()),
            );
        }
        let mut args = vec![(None, piece)];
        args.extend(m.dots.iter().cloned());
        results.push(it.call_value(&f, args)?);
    }
    it.visible = true;
    let mparts: Vec<Option<Vec<RStr>>> = margin.iter().map(|&d| dn[d].clone()).collect();
    // the margins keep the names of their dimnames
    let mnames: Option<Vec<RStr>> = dnn.as_ref().map(|n| margin.iter().map(|&d| n[d].clone()).collect());
    let len0 = results.first().map(|r| r.len()).unwrap_or(0);
    let same = results
        .iter()
        .all(|r| r.len() == len0 && r.data().map(|d| d.vtype() != VType::List).unwrap_or(false));
    if !simplify || !same || len0 == 0 {
        let mut l = Value::list(results);
        if margin.len() == 1 {
            if let Some(n) = &mparts[0] {
                l.set_attr(sym("names"), Value::strs(n.clone()));
            }
        } else {
            l.set_attr(
                sym("dim"),
                Value::ints(mdims.iter().map(|&d| d as i32).collect()),
            );
            set_dimnames_parts(&mut l, mparts, mnames);
        }
        return Ok(l);
    }
    let t = results
        .iter()
        .filter_map(|r| r.vtype())
        .max()
        .unwrap_or(VType::Lgl);
    let inner = results[0].names();
    let datas: Vec<Data> = results.iter().filter_map(|r| r.data().cloned()).collect();
    let mut out = Value::from_data(crate::value::combine::concat_data(&datas, t));
    if len0 == 1 {
        if margin.len() == 1 {
            if let Some(n) = &mparts[0] {
                out.set_attr(sym("names"), Value::strs(n.clone()));
            }
        } else {
            out.set_attr(
                sym("dim"),
                Value::ints(mdims.iter().map(|&d| d as i32).collect()),
            );
            set_dimnames_parts(&mut out, mparts, mnames);
        }
        return Ok(out);
    }
    let mut d = vec![len0 as i32];
    d.extend(mdims.iter().map(|&x| x as i32));
    out.set_attr(sym("dim"), Value::ints(d));
    // the inner dimension is named after the one dimension not in the margin, when it matches
    let has_inner = inner.is_some();
    let mut parts = vec![inner];
    parts.extend(mparts);
    let inner_name = match (&dnn, rest.as_slice()) {
        (Some(n), [r]) if dims[*r] == len0 && has_inner => n[*r].clone(),
        _ => Some("".into()),
    };
    let names = mnames.map(|n| std::iter::once(inner_name).chain(n).collect());
    set_dimnames_parts(&mut out, parts, names);
    Ok(out)
}

fn summary_core(a: Args, rows: bool, mean: bool) -> EvalResult {
    let m = a.matched(&["x", "na.rm", "dims"])?;
    let x = m.req("x")?.clone();
    let x = if x.is_data_frame() {
        crate::value::frame::df_as_matrix(&x)
    } else {
        x
    };
    let Some(d) = x.dim().filter(|d| d.len() >= 2) else {
        return err("'x' must be an array of at least two dimensions");
    };
    if !matches!(x.vtype(), Some(VType::Lgl | VType::Int | VType::Dbl)) {
        return err("'x' must be numeric");
    }
    let na_rm = flag(m.get("na.rm"), false);
    let nr = d[0];
    let nc: usize = d[1..].iter().product();
    let v = x.dbl_vec();
    let (outer_n, get): (usize, Box<dyn Fn(usize, usize) -> f64>) = if rows {
        (nr, Box::new(move |o, i| v[i * nr + o]))
    } else {
        (nc, Box::new(move |o, i| v[o * nr + i]))
    };
    let inner_n = if rows { nc } else { nr };
    let mut out = Vec::with_capacity(outer_n);
    for o in 0..outer_n {
        let mut s = 0.0;
        let mut cnt = 0usize;
        for i in 0..inner_n {
            let val = get(o, i);
            if na_rm && val.is_nan() {
                continue;
            }
            s += val;
            cnt += 1;
        }
        out.push(if mean { s / cnt as f64 } else { s });
    }
    let mut r = Value::dbls(out);
    let dn = dimnames_parts(&x);
    if rows {
        if let Some(n) = &dn[0] {
            r.set_attr(sym("names"), Value::strs(n.clone()));
        }
    } else if d.len() == 2 {
        if let Some(n) = &dn[1] {
            r.set_attr(sym("names"), Value::strs(n.clone()));
        }
    } else {
        r.set_attr(
            sym("dim"),
            Value::ints(d[1..].iter().map(|&x| x as i32).collect()),
        );
        set_dimnames_parts(&mut r, dn[1..].to_vec(), None);
    }
    Ok(r)
}

fn row_sums(_it: &mut Interp, a: Args) -> EvalResult {
    summary_core(a, true, false)
}
fn col_sums(_it: &mut Interp, a: Args) -> EvalResult {
    summary_core(a, false, false)
}
fn row_means(_it: &mut Interp, a: Args) -> EvalResult {
    summary_core(a, true, true)
}
fn col_means(_it: &mut Interp, a: Args) -> EvalResult {
    summary_core(a, false, true)
}

// ---------------------------------------------------------------------------------------
// dimnames helpers

fn aperm(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["a", "perm", "resize", "..."])?;
    let x = m.req("a")?.clone();
    let Some(dims) = x.dim() else {
        return err("invalid first argument, must be an array");
    };
    let k = dims.len();
    let perm: Vec<usize> = match m.get("perm") {
        None => (0..k).rev().collect(),
        Some(p) => p
            .int_vec()
            .iter()
            .map(|&i| (i - 1).max(0) as usize)
            .collect(),
    };
    let mut seen = vec![false; k];
    if perm.len() != k
        || perm
            .iter()
            .any(|&p| p >= k || std::mem::replace(&mut seen[p], true))
    {
        return err("'perm' is of wrong length 0 (!= 2)"
            .replace("0", &perm.len().to_string())
            .replace("2", &k.to_string()));
    }
    let st = strides(&dims);
    let ndims: Vec<usize> = perm.iter().map(|&p| dims[p]).collect();
    let idx: Vec<Option<usize>> = tuples(&ndims)
        .iter()
        .map(|t| Some(t.iter().zip(&perm).map(|(&i, &p)| i * st[p]).sum()))
        .collect();
    let Some(data) = x.data() else {
        return err("invalid first argument, must be an array");
    };
    let mut out = Value::from_data(data.select(&idx));
    out.set_attr(
        sym("dim"),
        Value::ints(ndims.iter().map(|&d| d as i32).collect()),
    );
    let dn = dimnames_parts(&x);
    let names = dimnames_names(&x).map(|n| perm.iter().map(|&p| n[p].clone()).collect());
    set_dimnames_parts(
        &mut out,
        perm.iter().map(|&p| dn[p].clone()).collect(),
        names,
    );
    Ok(out)
}

fn sweep(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "MARGIN", "STATS", "FUN", "check.margin", "..."])?;
    let x = m.req("x")?.clone();
    let Some(dims) = x.dim() else {
        return err("dim(X) must have a positive length");
    };
    let margin_arg = m.req("MARGIN")?;
    // a character MARGIN names dimensions by the dimnames' names
    let margin: Vec<usize> = match margin_arg.as_strings().filter(|_| margin_arg.vtype() == Some(VType::Str)) {
        Some(names) => {
            let dn = dimnames_names(&x).unwrap_or_default();
            names
                .iter()
                .map(|n| dn.iter().position(|d| d.as_deref() == Some(n.as_str())).unwrap_or(usize::MAX))
                .collect()
        }
        None => margin_arg
            .int_vec()
            .iter()
            .map(|&i| if i == crate::value::NA_INT || i < 1 { usize::MAX } else { (i - 1) as usize })
            .collect(),
    };
    if margin.iter().any(|&i| i >= dims.len()) {
        return err("'MARGIN' does not match dim(X)");
    }
    let stats = m.req("STATS")?.clone();
    let f = m.get("FUN").cloned().unwrap_or_else(|| Value::str("-"));
    let st = strides(&dims);
    let mdims: Vec<usize> = margin.iter().map(|&i| dims[i]).collect();
    let mst = strides(&mdims);
    let n: usize = dims.iter().product();
    let slen = stats.len().max(1);
    let idx: Vec<Option<usize>> = (0..n)
        .map(|k| {
            let pos: usize = margin
                .iter()
                .zip(&mst)
                .map(|(&d, &s)| ((k / st[d]) % dims[d]) * s)
                .sum();
            Some(pos % slen)
        })
        .collect();
    let mut sv = crate::value::factor::factor_as_strings(&stats);
    sv.clear_attrs();
    let expanded = Value::from_data(
        sv.data()
            .map(|d| d.select(&idx))
            .unwrap_or(Data::empty(VType::Dbl)),
    );
    let mut ex = expanded;
    ex.set_attr(
        sym("dim"),
        Value::ints(dims.iter().map(|&d| d as i32).collect()),
    );
    call_binary(it, &f, x, ex, &m.dots)
}
