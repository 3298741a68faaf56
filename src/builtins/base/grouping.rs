//! Grouping by factors: `split`, `unsplit`, `tapply` and `interaction`.

use crate::builtins::base::factor::*;
use crate::builtins::base::matrix::set_dimnames_parts;
use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::value::RStr;
use crate::value::groups::{gather, Groups};
use crate::value::NA_INT;
use crate::value::{Data, VType, Value};

pub const BUILTINS: &[Builtin] = &[
    eager("split", split),
    declared("unsplit", unsplit),
    eager("tapply", tapply),
    declared("interaction", interaction),
    declared(".rowsum_core", rowsum_core),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("split", "split(x, f, drop = FALSE, ...)",
            "Divides a vector or data frame into groups defined by the factor (or list of factors) f, returning a \
             named list with one part per level."),
        doc("unsplit", "unsplit(value, f, drop = FALSE)",
            "Reverses split: reassembles the list of parts value into a single vector or data frame in the \
             original order given by f."),
        doc("tapply", "tapply(X, INDEX, FUN = NULL, ..., default = NA, simplify = TRUE)",
            "Applies FUN to the values of X within each group defined by the factor or list of factors INDEX, \
             returning an array with one cell per group (or per combination of groups)."),
        doc("interaction", "interaction(..., drop = FALSE, sep = \".\", lex.order = FALSE)",
            "Builds a factor whose levels are all combinations of the levels of the given factors, joined with \
             sep; drop = TRUE keeps only combinations that occur."),
        doc(".rowsum_core", ".rowsum_core(x, idx, ng, na.rm = FALSE)",
            "Internal to rowsum: the column sums of the numeric matrix x within the groups idx (codes 1..ng), \
             as an ng-row double matrix, in one pass."),
    ]
};

pub fn interaction(_it: &mut Interp, m: Matched) -> EvalResult {
    let mut fs: Vec<Value> = m.dots.iter().map(|(_, v)| v.clone()).collect();
    if fs.len() == 1 && fs[0].vtype() == Some(VType::List) && !fs[0].is_factor() {
        fs = fs[0].list_vec().to_vec();
    }
    let sep = m
        .get("sep")
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| ".".into());
    interaction_lex(
        &fs,
        flag(m.get("drop"), false),
        &sep,
        flag(m.get("lex.order"), false),
    )
}

pub fn split(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "f", "drop", "..."])?;
    let x = m.req("x")?.clone();
    if x.is_data_frame() {
        let f = grouping(m.req("f")?)?;
        let f = if flag(m.get("drop"), false) {
            make_factor_from(&f, None, None, None, false)?
        } else {
            f
        };
        return crate::builtins::base::frame_verbs::df_split(&x, &f);
    }
    let f = grouping(m.req("f")?)?;
    let f = if flag(m.get("drop"), false) {
        make_factor_from(&f, None, None, None, false)?
    } else {
        f
    };
    let codes = f.int_vec();
    let lev = factor_levels(&f);
    let n = x.len();
    if n > 0 && !codes.is_empty() && n % codes.len() != 0 {
        _it.warning("data length is not a multiple of split variable");
    }
    let cells: Vec<u32> = (0..n)
        .map(|i| match codes.get(i % codes.len().max(1)) {
            Some(&c) if c != NA_INT && c >= 1 => c as u32 - 1,
            _ => u32::MAX,
        })
        .collect();
    let groups = Groups::by_codes(&cells, lev.len());
    drop(cells);
    let names = x.names();
    let levels = x.get_attr("levels").cloned();
    let class = x.get_attr("class").cloned();
    let Some(data) = x.data() else {
        return err("first argument must be a vector");
    };
    let parts: Vec<Value> = (0..groups.len())
        .map(|k| {
            let g = groups.of(k);
            let mut v = Value::from_data(gather(data, g));
            if let Some(n) = &names {
                let sel: Vec<RStr> = g.iter().map(|&i| n[i as usize].clone()).collect();
                v.set_attr(sym("names"), Value::strs(sel));
            }
            if let (Some(l), Some(c)) = (&levels, &class) {
                v.set_attr(sym("levels"), l.clone());
                v.set_attr(sym("class"), c.clone());
            }
            if crate::value::class::is_time_vector(&x) {
                v = crate::value::class::keep_time_class(&x, v);
            }
            v
        })
        .collect();
    let mut out = Value::list(parts);
    out.set_attr(
        sym("names"),
        Value::strs(lev.iter().map(|l| l.clone().or_else(|| rs("NA"))).collect()),
    );
    Ok(out)
}

pub fn tapply(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["X", "INDEX", "FUN", "...", "default", "simplify"])?;
    let x = m.req("X")?.clone();
    let index = m.req("INDEX")?.clone();
    let (fs, dnn): (Vec<Value>, Option<Vec<RStr>>) =
        if index.vtype() == Some(VType::List) && !index.is_factor() {
            (index.list_vec().to_vec(), index.names())
        } else {
            (vec![index], None)
        };
    let mut facs = Vec::new();
    for f in &fs {
        let f = as_factor_value(f)?;
        if f.len() != x.len() {
            return err("arguments must have same length");
        }
        facs.push((f.int_vec().to_vec(), factor_levels(&f)));
    }
    let dims: Vec<usize> = facs.iter().map(|(_, l)| l.len()).collect();
    let total: usize = dims.iter().product();
    // each element's cell (u32::MAX when NA in any factor), then the rows of each cell
    let mut cells = vec![0u32; x.len()];
    'obs: for (i, cell) in cells.iter_mut().enumerate() {
        let (mut pos, mut stride) = (0, 1);
        for ((c, _), &d) in facs.iter().zip(&dims) {
            if c[i] == NA_INT || c[i] < 1 {
                *cell = u32::MAX;
                continue 'obs;
            }
            pos += (c[i] as usize - 1) * stride;
            stride *= d;
        }
        *cell = pos as u32;
    }
    let set_shape = |v: &mut Value| {
        v.set_attr(
            sym("dim"),
            Value::ints(dims.iter().map(|&d| d as i32).collect()),
        );
        set_dimnames_parts(
            v,
            facs.iter().map(|(_, l)| Some(l.clone())).collect(),
            dnn.clone(),
        );
    };
    let Some(f) = m.get("FUN").cloned() else {
        // without FUN: the group index of each element
        let idx: Vec<i32> = cells
            .iter()
            .map(|&c| if c == u32::MAX { NA_INT } else { c as i32 + 1 })
            .collect();
        return Ok(Value::ints(idx));
    };
    let f = crate::builtins::base::apply::as_function(it, &f)?;
    let Some(data) = x.data().cloned() else {
        return err("'X' must be a vector");
    };
    let names = x.names();
    let groups = Groups::by_codes(&cells, total);
    drop(cells);
    let mut results: Vec<Option<Value>> = Vec::with_capacity(total);
    for k in 0..total {
        let g = groups.of(k);
        if g.is_empty() {
            results.push(None);
            continue;
        }
        let mut piece = Value::from_data(gather(&data, g));
        if let Some(n) = &names {
            piece.set_attr(sym("names"), Value::strs(g.iter().map(|&i| n[i as usize].clone()).collect()));
        }
        if let (Some(l), Some(c)) = (x.get_attr("levels"), x.get_attr("class")) {
            piece.set_attr(sym("levels"), l.clone());
            piece.set_attr(sym("class"), c.clone());
        }
        let mut args = vec![(None, piece)];
        args.extend(m.dots.iter().cloned());
        results.push(Some(it.call_value(&f, args)?));
    }
    it.visible = true;
    let simplify = flag(m.get("simplify"), true);
    let scalar = results
        .iter()
        .flatten()
        .all(|r| r.len() == 1 && !matches!(r.vtype(), Some(VType::List) | None));
    if simplify && scalar && results.iter().any(|r| r.is_some()) {
        let t = results
            .iter()
            .flatten()
            .filter_map(|r| r.vtype())
            .max()
            .unwrap_or(VType::Lgl);
        let parts: Vec<Data> = results
            .iter()
            .map(|r| match r.as_ref().and_then(|r| r.data()) {
                Some(d) => d.coerce(t),
                None => match m.get("default") {
                    Some(d) if !d.is_null() => {
                        d.data().map(|d| d.coerce(t)).unwrap_or(Data::na_of(t, 1))
                    }
                    _ => Data::na_of(t, 1),
                },
            })
            .collect();
        let mut out = Value::from_data(crate::value::combine::concat_data(&parts, t));
        set_shape(&mut out);
        return Ok(out);
    }
    let mut out = Value::list(
        results
            .into_iter()
            .map(|r| r.unwrap_or(Value::Null))
            .collect(),
    );
    set_shape(&mut out);
    Ok(out)
}

pub fn unsplit(_it: &mut Interp, m: Matched) -> EvalResult {
    let value = m.req("value")?.list_vec();
    let f = grouping(m.req("f")?)?;
    let codes = f.int_vec();
    let mut out: Vec<Option<(usize, usize)>> = vec![None; codes.len()];
    let mut next = vec![0usize; value.len()];
    for (i, &c) in codes.iter().enumerate() {
        if c != NA_INT && c >= 1 && (c as usize) <= value.len() {
            let g = c as usize - 1;
            out[i] = Some((g, next[g]));
            next[g] += 1;
        }
    }
    if value.first().map(|v| v.is_data_frame()).unwrap_or(false) {
        return unsplit_frames(&value, &out);
    }
    let t = value
        .iter()
        .filter_map(|v| v.vtype())
        .max()
        .unwrap_or(VType::Lgl);
    let datas: Vec<Data> = value
        .iter()
        .map(|v| v.data().map(|d| d.coerce(t)).unwrap_or(Data::empty(t)))
        .collect();
    let mut parts = Vec::with_capacity(out.len());
    for o in &out {
        parts.push(match o {
            Some((g, k)) => datas[*g].select(&[Some(*k)]),
            None => Data::na_of(t, 1),
        });
    }
    Ok(Value::from_data(crate::value::combine::concat_data(
        &parts, t,
    )))
}

/// `rowsum`'s sums: one pass over each column adding every element to its group's row
/// (NA added as it is unless `na.rm`, integers as doubles; the R caller restores the type).
pub fn rowsum_core(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let idx = m.req("idx")?.int_vec();
    let ng = m.req("ng")?.as_f64().unwrap_or(0.0).max(0.0) as usize;
    let na_rm = flag(m.get("na.rm"), false);
    let n = idx.len();
    let ncol = if n == 0 { 0 } else { x.len() / n };
    let mut out = vec![0.0; ng * ncol];
    let add = |out: &mut [f64], j: usize, i: usize, v: f64| {
        let g = idx[i];
        if g != NA_INT && g >= 1 && (g as usize) <= ng && !(na_rm && v.is_nan()) {
            out[j * ng + g as usize - 1] += v;
        }
    };
    match x.data() {
        Some(Data::Int(v)) | Some(Data::Lgl(v)) => {
            for j in 0..ncol {
                for i in 0..n {
                    let e = v[j * n + i];
                    let e = if e == NA_INT { crate::value::na_real() } else { e as f64 };
                    add(&mut out, j, i, e);
                }
            }
        }
        _ => {
            let v = x.dbl_vec();
            for j in 0..ncol {
                for i in 0..n {
                    add(&mut out, j, i, v[j * n + i]);
                }
            }
        }
    }
    let mut r = Value::dbls(out);
    r.set_attr(
        crate::syntax::sym::Sym::new("dim"),
        Value::ints(vec![ng as i32, ncol as i32]),
    );
    Ok(r)
}
