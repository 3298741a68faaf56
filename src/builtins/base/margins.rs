//! Table and matrix statistics: prop.table/proportions, margin.table/marginSums,
//! addmargins, cov/cor of vectors, matrices and data frames, scale and fivenum.

use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::{na_real, Data, RStr, VType, Value};
use std::rc::Rc;

/// Table and matrix statistics builtins.
pub const BUILTINS: &[Builtin] = &[
    declared("prop.table", prop_table),
    declared("proportions", prop_table),
    declared("margin.table", margin_table),
    declared("marginSums", margin_table),
    declared("addmargins", addmargins),
    eager("cor", cor),
    eager("cov", cov),
    declared("scale", scale),
    eager("fivenum", fivenum),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("cor", "cor(x, y = NULL, use = \"everything\", method = c(\"pearson\", \"kendall\", \"spearman\"))",
            "Correlation of x and y, or the correlation matrix of the columns of a matrix or data frame. method \
             chooses Pearson's r, Kendall's tau or Spearman's rho; use = \"complete.obs\" or \
             \"pairwise.complete.obs\" drops missing values."),
        doc("prop.table", "prop.table(x, margin = NULL)",
            "Divides a table by its total, or by its row sums (margin = 1) or column sums (margin = 2), giving \
             proportions."),
        doc("proportions", "proportions(x, margin = NULL)",
            "The same as prop.table: a table scaled to proportions of its total or of its margins."),
        doc("margin.table", "margin.table(x, margin = NULL)",
            "Sums a table over all but the given margins: margin = 1 gives row totals, 2 column totals, and NULL \
             the grand total."),
        doc("marginSums", "marginSums(x, margin = NULL)",
            "The same as margin.table: sums of a table over the dimensions not in margin."),
        doc("addmargins", "addmargins(A, margin = seq_along(dim(A)), FUN = sum, quiet = FALSE)",
            "Extends a table with a \"Sum\" row and/or column (or other summaries computed by FUN) along the \
             given margins."),
        doc("cov", "cov(x, y = NULL, use = \"everything\", method = c(\"pearson\", \"kendall\", \"spearman\"))",
            "Covariance of x and y, or the covariance matrix of the columns of a matrix or data frame, with \
             denominator n - 1."),
        doc("scale", "scale(x, center = TRUE, scale = TRUE)",
            "Centres each column of a numeric matrix (subtracting its mean or the given values) and scales it \
             (dividing by its standard deviation or the given values). The centres and scales are kept in the \
             \"scaled:center\" and \"scaled:scale\" attributes."),
        doc("fivenum", "fivenum(x, na.rm = TRUE)",
            "Tukey's five-number summary of x: minimum, lower hinge, median, upper hinge and maximum."),
    ]
};

fn is_numeric(v: &Value) -> bool {
    !v.is_factor()
        && matches!(
            v.vtype(),
            Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl)
        )
}

fn with_attrs_of(vals: Vec<f64>, src: &Value) -> Value {
    let mut r = Value::dbls(vals);
    if let Some(a) = src.attrs() {
        for (k, v) in a.iter() {
            r.set_attr(*k, v.clone());
        }
    }
    r
}

/// For each cell of an array with dims `d`, the index of its cell in the margin `m` (0-based dims).
fn margin_index(d: &[usize], m: &[usize]) -> Vec<usize> {
    let total: usize = d.iter().product();
    let mut out = Vec::with_capacity(total);
    for cell in 0..total {
        let mut rem = cell;
        let mut coords = vec![0; d.len()];
        for (k, &dk) in d.iter().enumerate() {
            coords[k] = rem % dk.max(1);
            rem /= dk.max(1);
        }
        let mut idx = 0;
        let mut stride = 1;
        for &mk in m {
            idx += coords[mk] * stride;
            stride *= d[mk];
        }
        out.push(idx);
    }
    out
}

fn margins_arg(v: Option<&Value>, nd: usize, x: &Value) -> EvalResult<Option<Vec<usize>>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_null() => Ok(None),
        Some(v) if matches!(v.vtype(), Some(VType::Str)) => {
            // margins named by the names of the dimnames
            let names = x.get_attr("dimnames").and_then(|d| d.names()).unwrap_or_default();
            let m: Option<Vec<usize>> = v
                .str_vec()
                .iter()
                .map(|n| names.iter().position(|d| d == n))
                .collect();
            match m {
                Some(m) => Ok(Some(m)),
                None => err("not all elements of 'margin' are names of dimensions"),
            }
        }
        Some(v) => {
            let m: Vec<usize> = v
                .dbl_vec()
                .iter()
                .map(|x| *x as i64 - 1)
                .filter(|x| *x >= 0)
                .map(|x| x as usize)
                .collect();
            if m.iter().any(|&k| k >= nd) {
                return err("'margin' does not match dim(x)");
            }
            Ok(Some(m))
        }
    }
}

fn prop_table(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    if !is_numeric(&x) {
        return err("'x' is not an array");
    }
    let xs = x.dbl_vec();
    let d = x.dim().unwrap_or_else(|| vec![xs.len()]);
    match margins_arg(m.get("margin"), d.len(), &x)? {
        None => {
            let s: f64 = xs.iter().sum();
            Ok(with_attrs_of(xs.iter().map(|v| v / s).collect(), &x))
        }
        Some(mg) => {
            let idx = margin_index(&d, &mg);
            let size: usize = mg.iter().map(|&k| d[k]).product();
            let mut sums = vec![0.0; size];
            for (i, v) in xs.iter().enumerate() {
                sums[idx[i]] += v;
            }
            Ok(with_attrs_of(
                xs.iter()
                    .enumerate()
                    .map(|(i, v)| v / sums[idx[i]])
                    .collect(),
                &x,
            ))
        }
    }
}

fn margin_table(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    if !is_numeric(&x) {
        return err("'x' is not an array");
    }
    let is_int = matches!(x.vtype(), Some(VType::Int) | Some(VType::Lgl));
    let xs = x.dbl_vec();
    let d = x.dim().unwrap_or_else(|| vec![xs.len()]);
    let Some(mg) = margins_arg(m.get("margin"), d.len(), &x)? else {
        let s: f64 = xs.iter().sum();
        return Ok(if is_int {
            Value::int(s as i32)
        } else {
            Value::num(s)
        });
    };
    let idx = margin_index(&d, &mg);
    let size: usize = mg.iter().map(|&k| d[k]).product();
    let mut sums = vec![0.0; size];
    for (i, v) in xs.iter().enumerate() {
        sums[idx[i]] += v;
    }
    let mut r = if is_int {
        Value::ints(sums.iter().map(|v| *v as i32).collect())
    } else {
        Value::dbls(sums)
    };
    r.set_attr(
        Sym::new("dim"),
        Value::ints(mg.iter().map(|&k| d[k] as i32).collect()),
    );
    let parts = crate::builtins::base::matrix::dimnames_parts(&x);
    if x.get_attr("dimnames").is_some() {
        let names = x.get_attr("dimnames").and_then(|dn| dn.names());
        crate::builtins::base::matrix::set_dimnames_parts(
            &mut r,
            mg.iter()
                .map(|&k| parts.get(k).cloned().flatten())
                .collect(),
            names.map(|n| mg.iter().map(|&k| n.get(k).cloned().flatten()).collect()),
        );
    }
    if let Some(c) = x.get_attr("class") {
        r.set_attr(Sym::new("class"), c.clone());
    }
    Ok(r)
}

fn addmargins(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("A")?.clone();
    if !is_numeric(&x) {
        return err("'A' must be an array or table");
    }
    let xs = x.dbl_vec();
    let d = x.dim().unwrap_or_else(|| vec![xs.len()]);
    let parts = crate::builtins::base::matrix::dimnames_parts(&x);
    let names = x.get_attr("dimnames").and_then(|dn| dn.names());
    let sum_lab = |p: &Option<Vec<RStr>>, n: usize| -> Vec<RStr> {
        let mut v = p.clone().unwrap_or_else(|| vec![Some(Rc::from("")); n]);
        v.push(Some(Rc::from("Sum")));
        v
    };
    let margins: Vec<usize> = match margins_arg(m.get("margin"), d.len(), &x)? {
        Some(v) => v,
        None => (0..d.len()).collect(),
    };
    let (vals, nd, newparts) = match d.len() {
        1 => {
            let mut v = xs.to_vec();
            v.push(xs.iter().sum());
            (v, vec![d[0] + 1], vec![Some(sum_lab(&parts[0], d[0]))])
        }
        2 => {
            let (nr, nc) = (d[0], d[1]);
            let add_r = margins.contains(&0);
            let add_c = margins.contains(&1);
            let (r2, c2) = (nr + add_r as usize, nc + add_c as usize);
            let mut v = vec![0.0; r2 * c2];
            for j in 0..nc {
                for i in 0..nr {
                    let val = xs[i + j * nr];
                    v[i + j * r2] = val;
                    if add_r {
                        v[nr + j * r2] += val;
                    }
                    if add_c {
                        v[i + nc * r2] += val;
                    }
                    if add_r && add_c {
                        v[nr + nc * r2] += val;
                    }
                }
            }
            let p0 = if add_r {
                Some(sum_lab(&parts[0], nr))
            } else {
                parts[0].clone()
            };
            let p1 = if add_c {
                Some(sum_lab(&parts[1], nc))
            } else {
                parts[1].clone()
            };
            (v, vec![r2, c2], vec![p0, p1])
        }
        _ => return err("addmargins() supports only 1- and 2-dimensional tables here"),
    };
    let mut r = Value::dbls(vals);
    r.set_attr(
        Sym::new("dim"),
        Value::ints(nd.iter().map(|&k| k as i32).collect()),
    );
    crate::builtins::base::matrix::set_dimnames_parts(&mut r, newparts, names);
    r.set_attr(Sym::new("class"), Value::str("table"));
    Ok(r)
}

/// Columns of a numeric vector, matrix or data frame, with their names.
fn columns(v: &Value, what: &str) -> EvalResult<(Vec<Vec<f64>>, Option<Vec<RStr>>, bool)> {
    if v.is_data_frame() {
        let cols = v.list_vec();
        let mut out = Vec::new();
        for c in cols.iter() {
            if !is_numeric(c) {
                return err(format!("'{}' must be numeric", what));
            }
            out.push(c.dbl_vec().to_vec());
        }
        return Ok((out, v.names(), true));
    }
    if !is_numeric(v) {
        return err(format!("'{}' must be numeric", what));
    }
    let xs = v.dbl_vec();
    if let Some(d) = v.dim().filter(|d| d.len() == 2) {
        let (nr, nc) = (d[0], d[1]);
        let cols = (0..nc).map(|j| xs[j * nr..(j + 1) * nr].to_vec()).collect();
        let cn = crate::builtins::base::matrix::dimnames_parts(v)
            .get(1)
            .cloned()
            .flatten();
        return Ok((cols, cn, true));
    }
    Ok((vec![xs.to_vec()], None, false))
}

fn mean(x: &[f64]) -> f64 {
    crate::builtins::base::summaries::mean_dbl(x)
}

/// Sample covariance of two complete equal-length vectors.
pub fn covariance(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len();
    if n < 2 {
        return na_real();
    }
    let (mx, my) = (mean(x), mean(y));
    x.iter()
        .zip(y)
        .map(|(a, b)| (a - mx) * (b - my))
        .sum::<f64>()
        / (n as f64 - 1.0)
}

/// Pearson correlation of two complete equal-length vectors.
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (da, db) = (a - mx, b - my);
        sxy += da * db;
        sxx += da * da;
        syy += db * db;
    }
    if sxx == 0.0 || syy == 0.0 {
        return na_real();
    }
    (sxy / (sxx.sqrt() * syy.sqrt())).clamp(-1.0, 1.0)
}

/// Average ranks (ties get the mean rank).
pub fn avg_rank(x: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|&a, &b| x[a].partial_cmp(&x[b]).unwrap_or(std::cmp::Ordering::Equal));
    let mut r = vec![0.0; x.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && x[idx[j + 1]] == x[idx[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for k in i..=j {
            r[idx[k]] = avg;
        }
        i = j + 1;
    }
    r
}

fn kendall(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len();
    let (mut s, mut tx, mut ty) = (0.0, 0.0, 0.0);
    for i in 0..n {
        for j in 0..n {
            if i == j {
                continue;
            }
            let a = (x[i] - x[j]).signum() * ((x[i] != x[j]) as i32 as f64);
            let b = (y[i] - y[j]).signum() * ((y[i] != y[j]) as i32 as f64);
            s += a * b;
            tx += a * a;
            ty += b * b;
        }
    }
    if tx == 0.0 || ty == 0.0 {
        return na_real();
    }
    (s / (tx.sqrt() * ty.sqrt())).clamp(-1.0, 1.0)
}

fn cov_cor(a: Args, is_cor: bool) -> EvalResult {
    let m = a.matched(&["x", "y", "use", "method"])?;
    let xv = m.req("x")?.clone();
    let (xc, xn, xmat) = columns(&xv, "x")?;
    let (yc, yn, ymat) = match m.get("y").filter(|v| !v.is_null()) {
        Some(y) => {
            let (c, n, mt) = columns(y, "y")?;
            (Some(c), n, mt)
        }
        None => (None, None, false),
    };
    if yc.is_none() && !xmat {
        return err("supply both 'x' and 'y' or a matrix-like 'x'");
    }
    let use_ = m
        .get("use")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "everything".into());
    let method = m
        .get("method")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "pearson".into());
    let method = ["pearson", "kendall", "spearman"]
        .iter()
        .find(|c| c.starts_with(method.as_str()))
        .copied()
        .ok_or_else(|| crate::error::RError::runtime("invalid 'method' argument"))?;
    let n = xc.first().map(|c| c.len()).unwrap_or(0);
    if let Some(yc) = &yc {
        if yc.first().map(|c| c.len()).unwrap_or(0) != n {
            return err("incompatible dimensions");
        }
    }
    let all: Vec<&Vec<f64>> = xc.iter().chain(yc.iter().flatten()).collect();
    let complete = matches!(use_.as_str(), "complete.obs" | "na.or.complete");
    let pairwise = use_ == "pairwise.complete.obs";
    if use_ == "all.obs" && all.iter().any(|c| c.iter().any(|v| v.is_nan())) {
        return err("missing observations in cov/cor");
    }
    let keep: Vec<bool> = (0..n)
        .map(|i| !complete || all.iter().all(|c| !c[i].is_nan()))
        .collect();
    let pair = |a: &[f64], b: &[f64]| -> f64 {
        let mut xa = Vec::new();
        let mut xb = Vec::new();
        for i in 0..n {
            if !keep[i] {
                continue;
            }
            if a[i].is_nan() || b[i].is_nan() {
                if pairwise {
                    continue;
                }
                return na_real();
            }
            xa.push(a[i]);
            xb.push(b[i]);
        }
        let (xa, xb) = if method == "spearman" {
            (avg_rank(&xa), avg_rank(&xb))
        } else {
            (xa, xb)
        };
        if method == "kendall" {
            if is_cor {
                kendall(&xa, &xb)
            } else {
                let mut s = 0.0;
                for i in 0..xa.len() {
                    for j in 0..xa.len() {
                        // R's sign(): zero for ties (f64::signum(0.0) is 1)
                        let sg = |d: f64| if d == 0.0 { 0.0 } else { d.signum() };
                        s += sg(xa[i] - xa[j]) * sg(xb[i] - xb[j]);
                    }
                }
                s
            }
        } else if is_cor {
            if xa.len() < 2 {
                na_real()
            } else {
                pearson(&xa, &xb)
            }
        } else {
            covariance(&xa, &xb)
        }
    };
    let ycols = yc.as_ref().unwrap_or(&xc);
    if !xmat && !ymat {
        return Ok(Value::num(pair(&xc[0], &ycols[0])));
    }
    let (p, q) = (xc.len(), ycols.len());
    let mut out = vec![0.0; p * q];
    for j in 0..q {
        for i in 0..p {
            out[i + j * p] = if yc.is_none() && i == j && is_cor && method != "kendall" {
                let v = pair(&xc[i], &ycols[j]);
                if v.is_nan() {
                    v
                } else {
                    1.0
                }
            } else {
                pair(&xc[i], &ycols[j])
            };
        }
    }
    let mut r = Value::dbls(out);
    r.set_attr(Sym::new("dim"), Value::ints(vec![p as i32, q as i32]));
    let rn = if xmat { xn } else { None };
    let cn = if yc.is_some() {
        if ymat {
            yn
        } else {
            None
        }
    } else {
        rn.clone()
    };
    if rn.is_some() || cn.is_some() {
        crate::builtins::base::matrix::set_dimnames_parts(&mut r, vec![rn, cn], None);
    }
    Ok(r)
}

pub fn cor(_it: &mut Interp, a: Args) -> EvalResult {
    cov_cor(a, true)
}
fn cov(_it: &mut Interp, a: Args) -> EvalResult {
    cov_cor(a, false)
}

fn scale(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let (mut cols, cn, _) = columns(&x, "x")?;
    let nc = cols.len();
    let nr = cols.first().map(|c| c.len()).unwrap_or(0);
    let vec_arg = |v: Option<&Value>| -> EvalResult<Option<Vec<f64>>> {
        match v {
            None => Ok(None),
            Some(v) if v.vtype() == Some(VType::Lgl) && v.len() == 1 => {
                Ok(if v.as_bool().flatten().unwrap_or(false) {
                    None
                } else {
                    Some(vec![])
                })
            }
            Some(v) => {
                let d = v.dbl_vec().to_vec();
                if d.len() != nc {
                    return err("length of 'center' must equal the number of columns of 'x'");
                }
                Ok(Some(d))
            }
        }
    };
    let center = vec_arg(m.get("center"))?;
    let scl = vec_arg(m.get("scale"))?;
    let mut attrs: Vec<(&str, Vec<f64>)> = Vec::new();
    // center: None = compute, Some(empty) = FALSE, Some(v) = given
    match center {
        Some(ref v) if v.is_empty() => {}
        c => {
            let cv: Vec<f64> = match c {
                Some(v) => v,
                None => cols
                    .iter()
                    .map(|c| {
                        let k: Vec<f64> = c.iter().copied().filter(|v| !v.is_nan()).collect();
                        mean(&k)
                    })
                    .collect(),
            };
            for (c, m) in cols.iter_mut().zip(&cv) {
                c.iter_mut().for_each(|v| *v -= m);
            }
            attrs.push(("scaled:center", cv));
        }
    }
    match scl {
        Some(ref v) if v.is_empty() => {}
        s => {
            let sv: Vec<f64> = match s {
                Some(v) => v,
                None => cols
                    .iter()
                    .map(|c| {
                        let k: Vec<f64> = c.iter().copied().filter(|v| !v.is_nan()).collect();
                        (k.iter().map(|v| v * v).sum::<f64>() / (k.len().max(2) - 1) as f64).sqrt()
                    })
                    .collect(),
            };
            for (c, s) in cols.iter_mut().zip(&sv) {
                c.iter_mut().for_each(|v| *v /= s);
            }
            attrs.push(("scaled:scale", sv));
        }
    }
    let mut r = Value::from_data(Data::Dbl(Rc::new(cols.concat())));
    r.set_attr(Sym::new("dim"), Value::ints(vec![nr as i32, nc as i32]));
    if x.dim().is_some() {
        if let Some(dn) = x.get_attr("dimnames") {
            r.set_attr(Sym::new("dimnames"), dn.clone());
        }
    } else if x.is_data_frame() {
        crate::builtins::base::matrix::set_dimnames_parts(&mut r, vec![None, cn.clone()], None);
    }
    for (k, v) in attrs {
        let mut av = Value::dbls(v);
        if let Some(n) = &cn {
            av.set_attr(Sym::new("names"), Value::strs(n.clone()));
        }
        r.set_attr(Sym::new(k), av);
    }
    Ok(r)
}

fn fivenum(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "na.rm"])?;
    let x = m.req("x")?;
    if !is_numeric(x) {
        return err("need numeric data");
    }
    let mut xs = x.dbl_vec().to_vec();
    if xs.iter().any(|v| v.is_nan()) {
        if m.get("na.rm")
            .and_then(|v| v.as_bool().flatten())
            .unwrap_or(true)
        {
            xs.retain(|v| !v.is_nan());
        } else {
            return Ok(Value::dbls(vec![na_real(); 5]));
        }
    }
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let n = xs.len();
    if n == 0 {
        return Ok(Value::dbls(vec![na_real(); 5]));
    }
    let nf = n as f64;
    let n4 = ((nf + 3.0) / 2.0).floor() / 2.0;
    let d = [1.0, n4, (nf + 1.0) / 2.0, nf + 1.0 - n4, nf];
    Ok(Value::dbls(
        d.iter()
            .map(|&di| 0.5 * (xs[di.floor() as usize - 1] + xs[di.ceil() as usize - 1]))
            .collect(),
    ))
}
