//! Model frames, design matrices and the `lm` fit.

use super::*;
use crate::value::Strs;

/// An evaluated model frame.
pub(crate) struct Frame {
    pub(crate) terms: Terms,
    pub(crate) lhs: Option<Expr>,
    pub(crate) rhs: Expr,
    pub(crate) env: Env,
    /// Evaluated variables (rows kept).
    pub(crate) cols: Vec<Value>,
    pub(crate) weights: Option<Vec<f64>>,
    /// Values of the `offset =` argument (rows kept).
    pub(crate) offset: Option<Vec<f64>>,
    /// Row names of kept rows.
    pub(crate) rows: Strs,
    /// Omitted rows (1-based positions in the subsetted frame) and their names.
    pub(crate) omitted: Vec<(i32, String)>,
    /// Kept row positions (0-based, in the subsetted frame); `None` when every row is kept,
    /// in order.
    pub(crate) kept: Option<Vec<usize>>,
}

impl Frame {
    /// The labels of the kept rows as strings (written out: for fits small enough to print).
    pub(crate) fn row_strings(&self) -> Vec<String> {
        self.rows.labels(0..self.rows.len())
    }
}

pub(crate) fn data_env(data: Option<&Value>, parent: &Env) -> Env {
    let e = Env::new(Some(parent.clone()));
    if let Some(d) = data {
        let names = crate::value::frame::df_names(d);
        for (n, c) in names.iter().zip(d.list_vec().iter()) {
            e.set(s(n), c.clone());
        }
    }
    e
}

pub(crate) fn row_labels(data: Option<&Value>, n: usize) -> Vec<String> {
    let rows = row_strs(data, n);
    rows.labels(0..rows.len())
}

/// The row labels of `data` (or `"1".."n"`), automatic ones kept as a rule.
pub(crate) fn row_strs(data: Option<&Value>, n: usize) -> Strs {
    if let Some(d) = data {
        if !crate::value::frame::df_auto_rows(d) {
            if let Some(Data::Str(v)) = crate::value::frame::df_row_names(d).data() {
                return (**v).clone();
            }
        }
        if let Some(Data::Int(v)) = d.get_attr("row.names").and_then(|r| r.data().cloned()) {
            if !(v.len() == 2 && v[0] == NA_INT) && v.len() == n {
                return v
                    .iter()
                    .map(|k| Some(std::rc::Rc::from(k.to_string())))
                    .collect();
            }
        }
    }
    Strs::count(n)
}

/// Selects rows of a variable (vector, factor or matrix).
pub(crate) fn take_rows(v: &Value, rows: &[usize]) -> Value {
    let idx: Vec<Option<usize>> = rows.iter().map(|&r| Some(r)).collect();
    if let Some(d) = v.dim() {
        if d.len() == 2 {
            let (nr, nc) = (d[0], d[1]);
            let mut all = Vec::with_capacity(rows.len() * nc);
            for j in 0..nc {
                for &r in rows {
                    all.push(Some(j * nr + r));
                }
            }
            let mut out = Value::from_data(
                v.data()
                    .map(|x| x.select(&all))
                    .unwrap_or(Data::empty(crate::value::VType::Dbl)),
            );
            if let Some(attrs) = v.attrs() {
                for (k, a) in attrs {
                    match k.as_str() {
                        "dim" => out.set_attr(*k, Value::ints(vec![rows.len() as i32, nc as i32])),
                        "dimnames" => {
                            let cols = a.list_vec().get(1).cloned().unwrap_or(Value::Null);
                            out.set_attr(*k, Value::list(vec![Value::Null, cols]));
                        }
                        _ => out.set_attr(*k, a.clone()),
                    }
                }
            }
            return out;
        }
    }
    crate::value::frame::take(v, &idx)
}

pub(crate) fn nrows_of(v: &Value) -> usize {
    v.dim().map(|d| d[0]).unwrap_or_else(|| v.len())
}

/// Evaluates the model frame of a formula.
pub(crate) fn model_frame(
    it: &mut Interp,
    formula: &Value,
    data: Option<&Value>,
    subset: Option<(&Expr, &Env)>,
    weights: Option<(&Expr, &Env)>,
    na_action: &str,
) -> EvalResult<Frame> {
    model_frame_full(it, formula, data, subset, weights, None, na_action, true)
}

/// A factor without the levels that no kept row uses (`drop.unused.levels = TRUE`).
fn drop_unused_levels(v: &Value) -> Value {
    let lev = crate::builtins::base::factor::factor_levels(v);
    let codes = v.int_vec();
    let mut used = vec![false; lev.len()];
    for &c in codes.iter() {
        if c != NA_INT && c >= 1 && (c as usize) <= lev.len() {
            used[c as usize - 1] = true;
        }
    }
    if used.iter().all(|&u| u) {
        return v.clone();
    }
    let mut map = vec![NA_INT; lev.len()];
    let mut k = 0;
    for (i, u) in used.iter().enumerate() {
        if *u {
            k += 1;
            map[i] = k;
        }
    }
    let new_codes: Vec<i32> = codes
        .iter()
        .map(|&c| {
            if c == NA_INT || c < 1 {
                NA_INT
            } else {
                map[c as usize - 1]
            }
        })
        .collect();
    let new_lev: Vec<crate::value::RStr> = lev
        .iter()
        .zip(&used)
        .filter(|(_, u)| **u)
        .map(|(l, _)| l.clone())
        .collect();
    let mut out = v.clone();
    if let Value::Vector(vec) = &mut out {
        vec.data = Data::Int(Rc::new(new_codes));
    }
    out.set_attr(s("levels"), Value::strs(new_lev));
    out
}

/// Evaluates an extra model-frame variable (`weights`, `offset`) in the data.
fn extra_var(
    it: &mut Interp,
    e: Option<(&Expr, &Env)>,
    denv: &Env,
    n: usize,
    what: &str,
) -> EvalResult<Option<Vec<f64>>> {
    let Some((e, _)) = e else { return Ok(None) };
    let v = it.eval(e, denv)?;
    if v.is_null() {
        return Ok(None);
    }
    if !matches!(
        v.data(),
        Some(Data::Dbl(_)) | Some(Data::Int(_)) | Some(Data::Lgl(_))
    ) || v.is_factor()
    {
        return err(format!(
            "invalid type ({}) for variable '({})'",
            crate::value::class::type_of(&v),
            what
        ));
    }
    let v = v.dbl_vec().to_vec();
    if v.len() != n {
        return err(format!("variable lengths differ (found for '({})')", what));
    }
    Ok(Some(v))
}

/// [`model_frame`] with an `offset =` argument as well.
#[allow(clippy::too_many_arguments)]
pub(crate) fn model_frame_full(
    it: &mut Interp,
    formula: &Value,
    data: Option<&Value>,
    subset: Option<(&Expr, &Env)>,
    weights: Option<(&Expr, &Env)>,
    offset: Option<(&Expr, &Env)>,
    na_action: &str,
    drop_unused: bool,
) -> EvalResult<Frame> {
    let (terms, lhs, rhs, env) = build_terms(it, formula, data)?;
    let denv = data_env(data, &env);
    let mut cols = Vec::new();
    for v in &terms.variables {
        let mut val = it.eval(v, &denv)?;
        if let Value::Vector(_) = &val {
        } else {
            return err(format!(
                "invalid type ({}) for variable '{}'",
                crate::value::class::type_of(&val),
                deparse(v)
            ));
        }
        if val.get_attr("names").is_some() && val.dim().is_none() {
            val.set_attr(s("names"), Value::Null);
        }
        cols.push(val);
    }
    let n = data
        .map(crate::value::frame::df_nrow)
        .or_else(|| cols.first().map(nrows_of))
        .unwrap_or(0);
    for (v, c) in terms.variables.iter().zip(&cols) {
        if nrows_of(c) != n {
            return err(format!(
                "variable lengths differ (found for '{}')",
                deparse(v)
            ));
        }
    }
    let mut w = extra_var(it, weights, &denv, n, "weights")?;
    let mut off = extra_var(it, offset, &denv, n, "offset")?;
    let all_rows = row_strs(data, n);
    // the rows `subset` selects (built below when there is no subset and rows are dropped)
    let mut sel: Vec<usize> = Vec::new();
    if let Some((e, _)) = subset {
        let sv = it.eval(e, &denv)?;
        sel = match sv.data() {
            Some(Data::Lgl(l)) if !l.is_empty() => {
                (0..n).filter(|&i| l[i % l.len()] == 1).collect()
            }
            Some(Data::Lgl(_)) => vec![],
            Some(Data::Str(_)) => {
                let names = strings_of(&sv);
                names
                    .iter()
                    .filter_map(|nm| {
                        all_rows
                            .iter()
                            .position(|r| r.as_deref() == Some(nm.as_str()))
                    })
                    .collect()
            }
            Some(d) => {
                let idx: Vec<f64> = d
                    .to_dbl()
                    .iter()
                    .filter(|v| !v.is_nan())
                    .map(|v| v.trunc())
                    .collect();
                if idx.iter().any(|&v| v < 0.0) {
                    if idx.iter().any(|&v| v > 0.0) {
                        return err("can't mix positive and negative subscripts");
                    }
                    (0..n)
                        .filter(|&i| !idx.contains(&-((i + 1) as f64)))
                        .collect()
                } else {
                    idx.iter()
                        .filter(|&&v| v >= 1.0 && v <= n as f64)
                        .map(|&v| v as usize - 1)
                        .collect()
                }
            }
            None => (0..n).collect(),
        };
    }
    let mut kept = Vec::new();
    let mut omitted = Vec::new();
    let na_rows = crate::builtins::stats::models::lm_blocked::na_rows(&cols, n);
    let is_na = |i: usize| {
        na_rows[i]
            || w.as_ref().map(|w| w[i].is_nan()).unwrap_or(false)
            || off.as_ref().map(|o| o[i].is_nan()).unwrap_or(false)
    };
    let every_row = subset.is_none() && (na_action == "na.pass" || !(0..n).any(is_na));
    let (cols, rows, kept) = if every_row {
        // every row, in order: share the variables and the row labels (no n-long index)
        let all: Vec<usize> = if cols
            .iter()
            .any(|c| c.dim().is_some() || (drop_unused && c.is_factor()))
        {
            (0..n).collect()
        } else {
            Vec::new()
        };
        let cols = cols
            .iter()
            .map(|c| kept_rows(c, &all, true, drop_unused))
            .collect();
        (cols, all_rows, None)
    } else {
        if subset.is_none() {
            sel = (0..n).collect();
        }
        for (k, &i) in sel.iter().enumerate() {
            let na = is_na(i);
            if na && na_action != "na.pass" {
                if na_action == "na.fail" {
                    return err("missing values in object");
                }
                omitted.push(((k + 1) as i32, all_rows.label(i).unwrap_or_default()));
            } else {
                kept.push(k);
            }
        }
        let final_rows: Vec<usize> = kept.iter().map(|&k| sel[k]).collect();
        // all rows in order: share the variables and the row labels
        let identity = final_rows.len() == n && final_rows.iter().enumerate().all(|(k, &i)| k == i);
        let cols = cols
            .iter()
            .map(|c| kept_rows(c, &final_rows, identity, drop_unused))
            .collect();
        if let Some(wv) = w.as_mut() {
            *wv = final_rows.iter().map(|&i| wv[i]).collect();
        }
        if let Some(ov) = off.as_mut() {
            *ov = final_rows.iter().map(|&i| ov[i]).collect();
        }
        let rows = if identity {
            all_rows
        } else if all_rows.is_count() {
            Strs::numbers(final_rows.iter().map(|&i| i as u32 + 1).collect())
        } else {
            final_rows.iter().map(|&i| all_rows[i].clone()).collect()
        };
        (cols, rows, Some(kept))
    };
    Ok(Frame {
        terms,
        lhs,
        rhs,
        env,
        cols,
        weights: w,
        offset: off,
        rows,
        omitted,
        kept,
    })
}

/// A variable's kept rows (`rows`; all of them, in order, when `identity`), unused factor
/// levels dropped when asked.
fn kept_rows(c: &Value, rows: &[usize], identity: bool, drop_unused: bool) -> Value {
    if identity && c.dim().is_none() && !(drop_unused && c.is_factor()) {
        return c.clone();
    }
    let v = take_rows(c, rows);
    if drop_unused && v.is_factor() {
        drop_unused_levels(&v)
    } else {
        v
    }
}

/// The contrast function name a factor gets: the `contrasts =` entry for it, else the
/// factor's own `contrasts` attribute (a name), else `options("contrasts")`.
pub(crate) fn contrast_name(
    it: &Interp,
    name: &str,
    factor: Option<&Value>,
    ordered: bool,
    spec: Option<&Value>,
) -> String {
    let mut kind = if ordered {
        "contr.poly".to_string()
    } else {
        "contr.treatment".to_string()
    };
    if let Some((_, v)) = it.options.iter().find(|(k, _)| k == "contrasts") {
        if let Some(v) = v.as_strings() {
            if v.len() == 2 {
                kind = v[if ordered { 1 } else { 0 }].clone();
            }
        }
    }
    if let Some(st) = factor
        .and_then(|f| f.get_attr("contrasts"))
        .and_then(|a| a.as_string())
    {
        kind = st;
    }
    if let Some(sp) = spec.and_then(|sp| field(sp, name)) {
        match sp {
            Value::Builtin(b) => kind = b.name.to_string(),
            v => {
                if let Some(st) = v.as_string() {
                    kind = st;
                }
            }
        }
    }
    kind
}

/// A factor's own numeric `contrasts` attribute (as set by `C()` or `contrasts<-`) as a
/// contrast matrix, when it has one row per level.
fn own_contrast(a: &Value, k: usize) -> Option<Contrast> {
    if !matches!(a.data(), Some(Data::Dbl(_)) | Some(Data::Int(_))) {
        return None;
    }
    let d = a.dim()?;
    if d.len() != 2 || d[0] != k {
        return None;
    }
    let colnames = a
        .get_attr("dimnames")
        .and_then(|dn| dn.list_vec().get(1).cloned())
        .and_then(|x| x.as_strings());
    Some(Contrast { k, m: d[1], data: a.dbl_vec().to_vec(), colnames })
}

/// The contrast matrix of a named contrast function for `levels`.
pub(crate) fn contrast_matrix(kind: &str, levels: &[String]) -> Contrast {
    let k = levels.len();
    match kind {
        "contr.sum" => design::contr_sum(k),
        "contr.helmert" => design::contr_helmert(k),
        "contr.poly" => design::contr_poly(k),
        _ => design::contr_treatment(levels),
    }
}

/// Turns frame variables into model-matrix columns; returns the columns and, for factors,
/// `(label, levels, contrast name)`.
pub(crate) fn var_cols(
    it: &Interp,
    t: &Terms,
    cols: &[Value],
    spec: Option<&Value>,
    xlev: Option<&Value>,
) -> EvalResult<(Vec<VarCol>, Vec<(String, Vec<String>, String)>)> {
    let mut out = Vec::new();
    let mut facs = Vec::new();
    for (i, c) in cols.iter().enumerate() {
        let label = &t.var_labels[i];
        let is_resp = t.response && i == 0;
        let stored = xlev
            .and_then(|x| field(x, label))
            .and_then(|v| v.as_strings());
        let fac = c.is_factor()
            || matches!(c.data(), Some(Data::Str(_)) | Some(Data::Lgl(_)))
            || stored.is_some();
        if fac && !is_resp {
            let fresh = stored.is_none();
            let (codes, levels) =
                crate::builtins::stats::models::lm_blocked::factor_codes(c, stored, label)
                    .map_err(|m| crate::error::Flow::from(crate::error::RError::runtime(m)))?;
            if fresh && levels.len() < 2 && t.terms.iter().any(|tt| tt.has(i)) {
                return Err(crate::error::RError::runtime(
                    "contrasts can be applied only to factors with 2 or more levels",
                )
                .into());
            }
            let ordered = c.inherits("ordered");
            let cname = contrast_name(it, label, c.is_factor().then_some(c), ordered, spec);
            let overridden = spec.and_then(|sp| field(sp, label)).is_some();
            let contrast = match c.get_attr("contrasts").and_then(|a| own_contrast(a, levels.len())) {
                Some(m) if !overridden && fresh => m,
                _ => contrast_matrix(&cname, &levels),
            };
            facs.push((label.clone(), levels.clone(), cname));
            out.push(VarCol::Factor {
                codes,
                levels,
                contrast,
            });
        } else {
            let data = c.dbl_vec();
            let (ncol, colnames) = match c.dim() {
                Some(d) if d.len() == 2 => {
                    let cn = c
                        .get_attr("dimnames")
                        .and_then(|dn| dn.list_vec().get(1).cloned())
                        .and_then(|x| x.as_strings());
                    (d[1], cn)
                }
                _ => (1, None),
            };
            out.push(VarCol::Numeric {
                data,
                ncol,
                colnames,
            });
        }
    }
    Ok((out, facs))
}

pub(crate) fn mm_value(
    mm: &design::ModelMatrix,
    rows: &[String],
    facs: &[(String, Vec<String>, String)],
    t: &Terms,
) -> Value {
    let p = mm.colnames.len();
    let mut v = matrix(mm.data.clone(), mm.n, p, Some(rows), Some(&mm.colnames));
    v.set_attr(
        s("assign"),
        Value::ints(mm.assign.iter().map(|&a| a as i32).collect()),
    );
    let used: Vec<&(String, Vec<String>, String)> = facs
        .iter()
        .filter(|(l, _, _)| {
            t.terms.iter().any(|tt| {
                t.var_labels
                    .iter()
                    .position(|x| x == l)
                    .map(|i| tt.has(i))
                    .unwrap_or(false)
            })
        })
        .collect();
    if !used.is_empty() {
        let items = used
            .iter()
            .map(|(l, _, c)| (l.clone(), Value::str(c)))
            .collect();
        v.set_attr(s("contrasts"), Value::named_list(items));
    }
    v
}

pub(crate) fn model_matrix_fn(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["object", "data", "contrasts.arg", "..."])?;
    let obj = m.req("object")?.clone();
    if obj.inherits("lm") {
        return lm_model_matrix(it, &obj);
    }
    let fr = model_frame_full(it, &obj, m.get("data"), None, None, None, "na.omit", false)?;
    let (vc, facs) = var_cols(it, &fr.terms, &fr.cols, m.get("contrasts.arg"), None)?;
    let mm = design::model_matrix(&fr.terms, &vc, fr.rows.len());
    Ok(mm_value(&mm, &fr.row_strings(), &facs, &fr.terms))
}

pub(crate) fn lm_model_matrix(it: &mut Interp, fit: &Value) -> EvalResult {
    let model = field(fit, "model").unwrap_or(Value::Null);
    let tv = field(fit, "terms").unwrap_or(Value::Null);
    let (t, _, _, _) = build_terms(it, &tv, None)?;
    let rows = row_labels(Some(&model), crate::value::frame::df_nrow(&model));
    let cols: Vec<Value> = model
        .list_vec()
        .iter()
        .take(t.variables.len())
        .cloned()
        .collect();
    let (vc, facs) = var_cols(it, &t, &cols, field(fit, "contrasts").as_ref(), None)?;
    let mm = design::model_matrix(&t, &vc, rows.len());
    Ok(mm_value(&mm, &rows, &facs, &t))
}

/// The matched call of a special: arguments named by `formals`, positionals filled in order.
pub(crate) fn matched_call_expr(call: &Expr, formals: &[&str]) -> Expr {
    let ExprKind::Call(f, args) = &call.kind else {
        return call.clone();
    };
    let supplied: Vec<(Option<Sym>, Value)> = args.iter().map(|a| (a.name, Value::Null)).collect();
    let fs: Vec<Sym> = formals.iter().map(|x| s(x)).collect();
    let Ok((slots, dots)) = crate::eval::call::match_args(&fs, &supplied) else {
        return call.clone();
    };
    let mut out = Vec::new();
    for (i, p) in fs.iter().enumerate() {
        if p.as_str() == "..." {
            for &k in &dots {
                out.push(args[k].clone());
            }
            continue;
        }
        if let Some(k) = slots[i] {
            let mut a = args[k].clone();
            a.name = Some(*p);
            out.push(a);
        }
    }
    Expr::new(ExprKind::Call(f.clone(), out.into()), call.span)
}

/// `model.frame(formula, data, subset, na.action, ...)` (with `weights =` and `offset =`
/// among the extras); for a fitted model, its stored frame.
pub(crate) fn model_frame_fn(it: &mut Interp, _args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    let mcall = matched_call_expr(
        call,
        &[
            "formula",
            "data",
            "subset",
            "na.action",
            "drop.unused.levels",
            "xlev",
            "...",
        ],
    );
    let ExprKind::Call(_, margs) = &mcall.kind else {
        return err("invalid call");
    };
    let get = |n: &str| {
        margs
            .iter()
            .find(|a| a.name.map(|x| x.as_str() == n).unwrap_or(false))
            .and_then(|a| a.value.clone())
    };
    let Some(fe) = get("formula") else {
        return err("argument \"formula\" is missing, with no default");
    };
    let formula = it.eval(&fe, env)?;
    if formula.inherits("lm") {
        return Ok(field(&formula, "model").unwrap_or(Value::Null));
    }
    let data = match get("data") {
        Some(d) => Some(it.eval(&d, env)?),
        None => None,
    };
    let na_action = na_action_name(it, get("na.action"), env)?;
    let (subset, weights, offset) = (get("subset"), get("weights"), get("offset"));
    let drop = match get("drop.unused.levels") {
        Some(e) => it.eval(&e, env)?.as_bool().flatten().unwrap_or(false),
        None => false,
    };
    let fr = model_frame_full(
        it,
        &formula,
        data.as_ref(),
        subset.as_ref().map(|e| (e, env)),
        weights.as_ref().map(|e| (e, env)),
        offset.as_ref().map(|e| (e, env)),
        &na_action,
        drop,
    )?;
    let tv = frame_terms_value(&fr);
    let mut v = frame_value(&fr, tv);
    if !fr.omitted.is_empty() {
        let na = na_action_value(&fr.omitted, &na_action);
        v.set_attr(s("na.action"), na);
    }
    Ok(v)
}

fn frame_arg(a: Args) -> EvalResult<Value> {
    match a.items.into_iter().next() {
        Some((_, v)) if v.inherits("lm") => Ok(field(&v, "model").unwrap_or(Value::Null)),
        Some((_, v)) => Ok(v),
        None => err("argument \"x\" is missing, with no default"),
    }
}

fn frame_column(mf: &Value, name: &str) -> Option<Value> {
    let names = crate::value::frame::df_names(mf);
    names
        .iter()
        .position(|n| n == name)
        .and_then(|i| mf.list_vec().get(i).cloned())
}

/// `model.response(data, type)`: the first column of a model frame with a response,
/// named by the frame's row names.
pub(crate) fn model_response_fn(_it: &mut Interp, a: Args) -> EvalResult {
    let mf = frame_arg(a)?;
    let has_resp = mf
        .get_attr("terms")
        .and_then(|t| t.get_attr("response").and_then(|r| r.as_i32()))
        .unwrap_or(0)
        == 1;
    if !has_resp {
        return Ok(Value::Null);
    }
    let Some(mut v) = mf.list_vec().first().cloned() else {
        return Ok(Value::Null);
    };
    let rows = crate::value::frame::df_row_names(&mf)
        .as_strings()
        .unwrap_or_default();
    match v.dim() {
        Some(d) if d.len() == 2 => {
            let cols = v
                .get_attr("dimnames")
                .and_then(|dn| dn.list_vec().get(1).cloned())
                .unwrap_or(Value::Null);
            v.set_attr(
                s("dimnames"),
                Value::list(vec![Value::strings(&rows), cols]),
            );
        }
        _ => v.set_attr(s("names"), Value::strings(&rows)),
    }
    Ok(v)
}

/// `model.weights(x)`: the `(weights)` column of a model frame.
pub(crate) fn model_weights_fn(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(frame_column(&frame_arg(a)?, "(weights)").unwrap_or(Value::Null))
}

/// `model.offset(x)`: the sum of the `offset()` terms and the `(offset)` column.
pub(crate) fn model_offset_fn(_it: &mut Interp, a: Args) -> EvalResult {
    let mf = frame_arg(a)?;
    let mut cols: Vec<Value> = Vec::new();
    if let Some(off) = mf
        .get_attr("terms")
        .and_then(|t| t.get_attr("offset").cloned())
    {
        for &k in off.int_vec().iter() {
            if let Some(c) = mf.list_vec().get(k as usize - 1) {
                cols.push(c.clone());
            }
        }
    }
    if let Some(c) = frame_column(&mf, "(offset)") {
        cols.push(c);
    }
    if cols.is_empty() {
        return Ok(Value::Null);
    }
    let n = cols[0].len();
    let mut out = vec![0.0; n];
    for c in cols {
        for (o, v) in out.iter_mut().zip(c.dbl_vec().iter()) {
            *o += v;
        }
    }
    Ok(Value::dbls(out))
}
