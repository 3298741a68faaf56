//! The numeric cores of `dist`, `hclust`, `cutree` and `kmeans` (internal builtins called
//! by the R-level functions in `R/stats_multivariate.R`, which build R's objects).

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::cluster::{self, Linkage, Metric};
use crate::stats::kmeans;
use crate::value::{Data, Value};

pub const BUILTINS: &[Builtin] = &[
    declared(".dist_core", dist_core),
    declared(".hclust_core", hclust_core),
    declared(".cutree_core", cutree_core),
    declared(".kmeans_core", kmeans_core),
    declared(".row_dups", row_dups),
];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc(".dist_core", ".dist_core(x, method, p)",
            "Internal: the distances between the rows of a numeric matrix (method 1-6 as dist's methods)."),
        doc(".hclust_core", ".hclust_core(d, n, method, members)",
            "Internal: agglomerates packed dissimilarities; list(merge1, merge2, height, order)."),
        doc(".cutree_core", ".cutree_core(merge, k)",
            "Internal: memberships for each number of groups in k, as an integer matrix."),
        doc(".kmeans_core", ".kmeans_core(x, centers, iter.max, method)",
            "Internal: one k-means run from given centres (1 Hartigan-Wong, 2 Lloyd, 3 MacQueen); given a list of centre matrices, one run from each, on all cores, as a list."),
        doc(".row_dups", ".row_dups(x)",
            "Internal: which rows of a numeric matrix repeat an earlier row."),
    ]
};

fn num(m: &Matched, name: &str) -> EvalResult<f64> {
    match m.req(name)?.as_f64() {
        Some(v) => Ok(v),
        None => err(format!("invalid '{}' argument", name)),
    }
}

fn dims(x: &Value) -> EvalResult<(usize, usize)> {
    match x.dim() {
        Some(d) if d.len() == 2 => Ok((d[0], d[1])),
        _ => Ok((x.len(), 1)),
    }
}

fn dist_core(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let (n, p) = dims(x)?;
    let data = x.dbl_vec();
    let metric = match num(&m, "method")? as i32 {
        1 => Metric::Euclidean,
        2 => Metric::Maximum,
        3 => Metric::Manhattan,
        4 => Metric::Canberra,
        5 => Metric::Binary,
        _ => Metric::Minkowski(num(&m, "p")?),
    };
    let (d, nonfinite) = cluster::dist(&data, n, p, metric);
    if nonfinite {
        it.warning("treating non-finite values as NA");
    }
    Ok(Value::dbls(d))
}

fn hclust_core(_it: &mut Interp, m: Matched) -> EvalResult {
    let d = m.req("d")?.dbl_vec();
    let n = num(&m, "n")? as usize;
    if n < 2 || d.len() < n * (n - 1) / 2 {
        return err("dissimilarities of improper length");
    }
    if d.iter().any(|v| v.is_nan()) {
        return err("NA/NaN/Inf in foreign function call (arg 10)");
    }
    let method = match num(&m, "method")? as i32 {
        1 => Linkage::WardD,
        2 => Linkage::Single,
        3 => Linkage::Complete,
        4 => Linkage::Average,
        5 => Linkage::McQuitty,
        6 => Linkage::Median,
        7 => Linkage::Centroid,
        _ => Linkage::WardD2,
    };
    let members = m.req("members")?.dbl_vec();
    let h = cluster::hclust(n, &d, method, &members);
    Ok(Value::named_list(vec![
        ("merge1".into(), Value::ints(h.merge1)),
        ("merge2".into(), Value::ints(h.merge2)),
        ("height".into(), Value::dbls(h.height)),
        ("order".into(), Value::ints(h.order)),
    ]))
}

fn cutree_core(_it: &mut Interp, m: Matched) -> EvalResult {
    let merge = m.req("merge")?;
    let (rows, _) = dims(merge)?;
    let mv = merge.int_vec();
    let n = rows + 1;
    let (m1, m2) = mv.split_at(rows);
    let ks = m.req("k")?.int_vec();
    let mut out = Vec::with_capacity(n * ks.len());
    for &k in ks.iter() {
        if k < 1 || k as usize > n {
            return err(format!("elements of 'k' must be between 1 and {}", n));
        }
        out.extend(cluster::cutree(n, m1, &m2[..rows], k as usize));
    }
    let mut v = Value::ints(out);
    v.set_attr(crate::syntax::sym::Sym::new("dim"), Value::ints(vec![n as i32, ks.len() as i32]));
    Ok(v)
}

fn kmeans_core(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let (n, p) = dims(x)?;
    let a = x.dbl_vec();
    let iter_max = num(&m, "iter.max")? as i32;
    let method = num(&m, "method")? as i32;
    let cv = m.req("centers")?;
    // a list of starting centres: the runs are independent, so they go on all cores
    let many = matches!(cv.data(), Some(Data::List(_)));
    let starts: Vec<Value> = if many { cv.list_vec().to_vec() } else { vec![cv.clone()] };
    let mut inits = Vec::with_capacity(starts.len());
    for s in &starts {
        let (k, pc) = dims(s)?;
        if pc != p {
            return err("must have same number of columns in 'x' and 'centers'");
        }
        inits.push((s.dbl_vec().to_vec(), k));
    }
    let a: &[f64] = &a;
    let run = |(mut c, k): (Vec<f64>, usize)| {
        let fit = match method {
            1 => kmeans::hartigan_wong(a, n, p, &mut c, k, iter_max),
            2 => kmeans::lloyd(a, n, p, &mut c, k, iter_max),
            _ => kmeans::macqueen(a, n, p, &mut c, k, iter_max),
        };
        (fit, c, k)
    };
    let fits = crate::stats::kmeans::map_parallel(inits, &run);
    let out: Vec<Value> = fits
        .into_iter()
        .map(|(fit, c, k)| {
            let mut centers = Value::dbls(c);
            centers.set_attr(crate::syntax::sym::Sym::new("dim"), Value::ints(vec![k as i32, p as i32]));
            Value::named_list(vec![
                ("cluster".into(), Value::ints(fit.cluster)),
                ("centers".into(), centers),
                ("wss".into(), Value::dbls(fit.withinss)),
                ("nc".into(), Value::ints(fit.size)),
                ("iter".into(), Value::int(fit.iter)),
                ("ifault".into(), Value::int(fit.ifault)),
            ])
        })
        .collect();
    Ok(if many { Value::list(out) } else { out.into_iter().next().unwrap_or(Value::Null) })
}

/// Marks each row of a numeric matrix that repeats an earlier row (exact equality, with
/// `-0 == 0` and one NA and one NaN), as `duplicated()` on the rows' text would.
fn row_dups(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let (n, p) = dims(x)?;
    let a = x.dbl_vec();
    Ok(Value::lgls(cluster::duplicated_rows(&a, n, p).into_iter().map(i32::from).collect()))
}
