// Model frames, design matrices and the `lm` fit (included by models.rs).

/// An evaluated model frame.
pub(super) struct Frame {
    pub(super) terms: Terms,
    pub(super) lhs: Option<Expr>,
    pub(super) rhs: Expr,
    pub(super) env: Env,
    /// Evaluated variables (rows kept).
    pub(super) cols: Vec<Value>,
    pub(super) weights: Option<Vec<f64>>,
    /// Row names of kept rows.
    pub(super) rows: Vec<String>,
    /// Omitted rows (1-based positions in the subsetted frame) and their names.
    pub(super) omitted: Vec<(i32, String)>,
    /// Rows before NA removal.
    n_before: usize,
    /// Kept row positions (0-based, in the subsetted frame).
    pub(super) kept: Vec<usize>,
}

pub(super) fn data_env(data: Option<&Value>, parent: &Env) -> Env {
    let e = Env::new(Some(parent.clone()));
    if let Some(d) = data {
        let names = super::frames::df_names(d);
        for (n, c) in names.iter().zip(d.list_vec().iter()) {
            e.set(s(n), c.clone());
        }
    }
    e
}

pub(super) fn row_labels(data: Option<&Value>, n: usize) -> Vec<String> {
    if let Some(d) = data {
        if !super::frames::df_auto_rows(d) {
            if let Some(v) = super::frames::df_row_names(d).as_strings() {
                return v;
            }
        }
        if let Some(Data::Int(v)) = d.get_attr("row.names").and_then(|r| r.data().cloned()) {
            if !(v.len() == 2 && v[0] == NA_INT) && v.len() == n {
                return v.iter().map(|k| k.to_string()).collect();
            }
        }
    }
    (1..=n).map(|i| i.to_string()).collect()
}

/// Selects rows of a variable (vector, factor or matrix).
fn take_rows(v: &Value, rows: &[usize]) -> Value {
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
            let mut out = Value::from_data(v.data().map(|x| x.select(&all)).unwrap_or(Data::empty(crate::value::VType::Dbl)));
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
    super::frames::take(v, &idx)
}

fn nrows_of(v: &Value) -> usize {
    v.dim().map(|d| d[0]).unwrap_or_else(|| v.len())
}

/// Evaluates the model frame of a formula.
#[allow(clippy::too_many_arguments)]
pub(super) fn model_frame(
    it: &mut Interp,
    formula: &Value,
    data: Option<&Value>,
    subset: Option<(&Expr, &Env)>,
    weights: Option<(&Expr, &Env)>,
    na_action: &str,
) -> EvalResult<Frame> {
    let (terms, lhs, rhs, env) = build_terms(it, formula, data)?;
    let denv = data_env(data, &env);
    let mut cols = Vec::new();
    for v in &terms.variables {
        let mut val = it.eval(v, &denv)?;
        if let Value::Vector(_) = &val {
        } else {
            return err(format!("invalid type ({}) for variable '{}'", super::type_of(&val), deparse(v)));
        }
        if val.get_attr("names").is_some() && val.dim().is_none() {
            val.set_attr(s("names"), Value::Null);
        }
        cols.push(val);
    }
    let n = data.map(super::frames::df_nrow).or_else(|| cols.first().map(nrows_of)).unwrap_or(0);
    for (v, c) in terms.variables.iter().zip(&cols) {
        if nrows_of(c) != n {
            return err(format!("variable lengths differ (found for '{}')", deparse(v)));
        }
    }
    let mut w = match weights {
        Some((e, _)) => {
            let wv = it.eval(e, &denv)?;
            Some(wv.dbl_vec().to_vec())
        }
        None => None,
    };
    let all_rows = row_labels(data, n);
    let mut sel: Vec<usize> = (0..n).collect();
    if let Some((e, _)) = subset {
        let sv = it.eval(e, &denv)?;
        sel = match sv.data() {
            Some(Data::Lgl(l)) => (0..n).filter(|&i| l[i % l.len().max(1)] == 1).collect(),
            Some(d) => d.to_dbl().iter().filter(|v| !v.is_nan()).map(|&v| v as usize - 1).collect(),
            None => sel,
        };
    }
    let n_before = sel.len();
    let mut kept = Vec::new();
    let mut omitted = Vec::new();
    let na_rows = super::lm_large::na_rows(&cols, n);
    for (k, &i) in sel.iter().enumerate() {
        let na = na_rows[i] || w.as_ref().map(|w| w[i].is_nan()).unwrap_or(false);
        if na && na_action != "na.pass" {
            if na_action == "na.fail" {
                return err("missing values in object");
            }
            omitted.push(((k + 1) as i32, all_rows[i].clone()));
        } else {
            kept.push(k);
        }
    }
    let final_rows: Vec<usize> = kept.iter().map(|&k| sel[k]).collect();
    // all rows in order: share the variables and the row labels
    let identity = final_rows.len() == n && final_rows.iter().enumerate().all(|(k, &i)| k == i);
    let cols = cols.iter().map(|c| if identity && c.dim().is_none() { c.clone() } else { take_rows(c, &final_rows) }).collect();
    if let Some(wv) = w.as_mut() {
        *wv = final_rows.iter().map(|&i| wv[i]).collect();
    }
    Ok(Frame {
        terms,
        lhs,
        rhs,
        env,
        cols,
        weights: w,
        rows: if identity { all_rows } else { final_rows.iter().map(|&i| all_rows[i].clone()).collect() },
        omitted,
        n_before,
        kept,
    })
}

fn contrast_for(it: &Interp, name: &str, levels: &[String], ordered: bool, spec: Option<&Value>) -> Contrast {
    let k = levels.len();
    let mut kind = if ordered { "contr.poly".to_string() } else { "contr.treatment".to_string() };
    if let Some((_, v)) = it.options.iter().find(|(k, _)| k == "contrasts") {
        if let Some(v) = v.as_strings() {
            if v.len() == 2 {
                kind = v[if ordered { 1 } else { 0 }].clone();
            }
        }
    }
    if let Some(sp) = spec.and_then(|sp| field(sp, name)) {
        if let Some(st) = sp.as_string() {
            kind = st;
        }
    }
    match kind.as_str() {
        "contr.sum" => design::contr_sum(k),
        "contr.helmert" => design::contr_helmert(k),
        "contr.poly" => design::contr_poly(k),
        _ => design::contr_treatment(levels),
    }
}

/// Turns frame variables into model-matrix columns; returns the columns and, for factors,
/// `(label, levels, contrast name)`.
pub(super) fn var_cols(it: &Interp, t: &Terms, cols: &[Value], spec: Option<&Value>, xlev: Option<&Value>) -> EvalResult<(Vec<VarCol>, Vec<(String, Vec<String>, String)>)> {
    let mut out = Vec::new();
    let mut facs = Vec::new();
    for (i, c) in cols.iter().enumerate() {
        let label = &t.var_labels[i];
        let is_resp = t.response && i == 0;
        let stored = xlev.and_then(|x| field(x, label)).and_then(|v| v.as_strings());
        let fac = c.is_factor() || matches!(c.data(), Some(Data::Str(_)) | Some(Data::Lgl(_))) || stored.is_some();
        if fac && !is_resp {
            let (codes, levels) = super::lm_large::factor_codes(c, stored, label).map_err(|m| crate::error::Flow::from(crate::error::RError::runtime(m)))?;
            let ordered = c.inherits("ordered");
            let contrast = contrast_for(it, label, &levels, ordered, spec);
            let cname = if ordered { "contr.poly" } else { "contr.treatment" };
            let cname = spec.and_then(|sp| field(sp, label)).and_then(|v| v.as_string()).unwrap_or_else(|| cname.to_string());
            facs.push((label.clone(), levels.clone(), cname));
            out.push(VarCol::Factor { codes, levels, contrast });
        } else {
            let data = c.dbl_vec();
            let (ncol, colnames) = match c.dim() {
                Some(d) if d.len() == 2 => {
                    let cn = c.get_attr("dimnames").and_then(|dn| dn.list_vec().get(1).cloned()).and_then(|x| x.as_strings());
                    (d[1], cn)
                }
                _ => (1, None),
            };
            out.push(VarCol::Numeric { data, ncol, colnames });
        }
    }
    Ok((out, facs))
}

pub(super) fn mm_value(mm: &design::ModelMatrix, rows: &[String], facs: &[(String, Vec<String>, String)], t: &Terms) -> Value {
    let p = mm.colnames.len();
    let mut v = matrix(mm.data.clone(), mm.n, p, Some(rows), Some(&mm.colnames));
    v.set_attr(s("assign"), Value::ints(mm.assign.iter().map(|&a| a as i32).collect()));
    let used: Vec<&(String, Vec<String>, String)> = facs.iter().filter(|(l, _, _)| t.terms.iter().any(|tt| t.var_labels.iter().position(|x| x == l).map(|i| tt >> i & 1 == 1).unwrap_or(false))).collect();
    if !used.is_empty() {
        let items = used.iter().map(|(l, _, c)| (l.clone(), Value::str(c))).collect();
        v.set_attr(s("contrasts"), Value::named_list(items));
    }
    v
}

fn model_matrix_fn(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["object", "data", "contrasts.arg", "..."])?;
    let obj = m.req(0, "object")?.clone();
    if obj.inherits("lm") {
        return lm_model_matrix(it, &obj);
    }
    let fr = model_frame(it, &obj, m.get(1), None, None, "na.omit")?;
    let (vc, facs) = var_cols(it, &fr.terms, &fr.cols, m.get(2), None)?;
    let mm = design::model_matrix(&fr.terms, &vc, fr.rows.len());
    Ok(mm_value(&mm, &fr.rows, &facs, &fr.terms))
}

pub(super) fn lm_model_matrix(it: &mut Interp, fit: &Value) -> EvalResult {
    let model = field(fit, "model").unwrap_or(Value::Null);
    let tv = field(fit, "terms").unwrap_or(Value::Null);
    let (t, _, _, _) = build_terms(it, &tv, None)?;
    let rows = row_labels(Some(&model), super::frames::df_nrow(&model));
    let cols: Vec<Value> = model.list_vec().iter().take(t.variables.len()).cloned().collect();
    let (vc, facs) = var_cols(it, &t, &cols, field(fit, "contrasts").as_ref(), None)?;
    let mm = design::model_matrix(&t, &vc, rows.len());
    Ok(mm_value(&mm, &rows, &facs, &t))
}

/// The matched call of a special: arguments named by `formals`, positionals filled in order.
pub(super) fn matched_call_expr(call: &Expr, formals: &[&str]) -> Expr {
    let ExprKind::Call(f, args) = &call.kind else { return call.clone() };
    let supplied: Vec<(Option<Sym>, Value)> = args.iter().map(|a| (a.name, Value::Null)).collect();
    let fs: Vec<Sym> = formals.iter().map(|x| s(x)).collect();
    let Ok((slots, dots)) = crate::eval::call::match_args(&fs, &supplied) else { return call.clone() };
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
    Expr::new(ExprKind::Call(f.clone(), out), call.span)
}

const LM_FORMALS: &[&str] =
    &["formula", "data", "subset", "weights", "na.action", "method", "model", "x", "y", "qr", "singular.ok", "contrasts", "offset", "..."];

fn lm(it: &mut Interp, args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    let mcall = matched_call_expr(call, LM_FORMALS);
    let ExprKind::Call(_, margs) = &mcall.kind else { return err("invalid call") };
    let get = |n: &str| margs.iter().find(|a| a.name.map(|x| x.as_str() == n).unwrap_or(false)).and_then(|a| a.value.clone());
    let _ = args;
    let Some(fe) = get("formula") else { return err("argument \"formula\" is missing, with no default") };
    let formula = it.eval(&fe, env)?;
    let data = match get("data") {
        Some(d) => Some(it.eval(&d, env)?),
        None => None,
    };
    let na_action = match get("na.action") {
        Some(e) => match &e.kind {
            ExprKind::Ident(x) => x.as_str().to_string(),
            _ => it.eval(&e, env)?.as_string().unwrap_or_else(|| "na.omit".into()),
        },
        None => it.options.iter().find(|(k, _)| k == "na.action").and_then(|(_, v)| v.as_string()).unwrap_or_else(|| "na.omit".into()),
    };
    let contrasts = match get("contrasts") {
        Some(e) => Some(it.eval(&e, env)?),
        None => None,
    };
    let subset = get("subset");
    let weights = get("weights");
    fit_lm(it, &formula, data.as_ref(), subset.as_ref().map(|e| (e, env)), weights.as_ref().map(|e| (e, env)), &na_action, contrasts.as_ref(), mcall)
}

#[allow(clippy::too_many_arguments)]
fn fit_lm(
    it: &mut Interp,
    formula: &Value,
    data: Option<&Value>,
    subset: Option<(&Expr, &Env)>,
    weights: Option<(&Expr, &Env)>,
    na_action: &str,
    contrasts: Option<&Value>,
    call: Expr,
) -> EvalResult {
    let fr = model_frame(it, formula, data, subset, weights, na_action)?;
    if !fr.terms.response {
        return err("formula needs a response");
    }
    let n = fr.rows.len();
    let yv = &fr.cols[0];
    if yv.is_factor() || matches!(yv.data(), Some(Data::Str(_))) {
        return err("non-numeric response");
    }
    let y: Vec<f64> = yv.dbl_vec().to_vec();
    let (vc, facs) = var_cols(it, &fr.terms, &fr.cols, contrasts, None)?;
    if let Some(fit) = super::lm_large::try_lm(it, &fr, &vc, &facs, &y, None, na_action, &call)? {
        return Ok(fit);
    }
    let mm = design::model_matrix(&fr.terms, &vc, n);
    let p = mm.colnames.len();
    let mut offset = vec![0.0; n];
    for &o in &fr.terms.offsets {
        for (i, v) in fr.cols[o].dbl_vec().iter().enumerate() {
            offset[i] += v;
        }
    }
    let yo: Vec<f64> = y.iter().zip(&offset).map(|(a, b)| a - b).collect();
    let sw: Option<Vec<f64>> = fr.weights.as_ref().map(|w| w.iter().map(|v| v.sqrt()).collect());
    let (x, yy) = match &sw {
        Some(sw) => {
            let mut x = mm.data.clone();
            for j in 0..p {
                for i in 0..n {
                    x[j * n + i] *= sw[i];
                }
            }
            (x, yo.iter().zip(sw).map(|(a, b)| a * b).collect::<Vec<_>>())
        }
        None => (mm.data.clone(), yo.clone()),
    };
    let f = lsfit(&x, n, p, &yy, 1e-7);
    let rank = f.qr.rank;
    let piv = &f.qr.pivot;
    let mut coef = vec![crate::value::na_real(); p];
    for (k, &j) in piv.iter().enumerate().take(rank) {
        coef[j] = f.coef[k];
    }
    let resid: Vec<f64> = match &sw {
        Some(sw) => f.residuals.iter().zip(sw).map(|(r, w)| r / w).collect(),
        None => f.residuals.clone(),
    };
    let fitted: Vec<f64> = y.iter().zip(&resid).map(|(a, b)| a - b).collect();
    let mut eff_names: Vec<String> = piv[..rank].iter().map(|&j| mm.colnames[j].clone()).collect();
    eff_names.resize(n, String::new());
    let exclude = na_action == "na.exclude";
    let items_res = named_dbl(resid, &fr.rows);
    let items_fit = named_dbl(fitted, &fr.rows);
    let mut qrm = matrix(f.qr.qr.clone(), n, p, Some(&fr.rows), Some(&piv.iter().map(|&j| mm.colnames[j].clone()).collect::<Vec<_>>()));
    qrm.set_attr(s("assign"), Value::ints(piv.iter().map(|&j| mm.assign[j] as i32).collect()));
    let mut qr = Value::named_list(vec![
        ("qr".into(), qrm),
        ("qraux".into(), Value::dbls(f.qr.qraux.clone())),
        ("pivot".into(), Value::ints(piv.iter().map(|&j| j as i32 + 1).collect())),
        ("tol".into(), Value::num(1e-7)),
        ("rank".into(), Value::int(rank as i32)),
    ]);
    qr.set_attr(s("class"), Value::str("qr"));
    let mut items: Vec<(String, Value)> = vec![("coefficients".into(), named_dbl(coef, &mm.colnames)), ("residuals".into(), items_res)];
    let effects = named_dbl(f.effects.clone(), &eff_names);
    if let Some(w) = &fr.weights {
        items.push(("fitted.values".into(), items_fit));
        items.push(("effects".into(), effects));
        items.push(("weights".into(), named_dbl(w.clone(), &fr.rows)));
        items.push(("rank".into(), Value::int(rank as i32)));
    } else {
        items.push(("effects".into(), effects));
        items.push(("rank".into(), Value::int(rank as i32)));
        items.push(("fitted.values".into(), items_fit));
    }
    items.push(("assign".into(), Value::ints(mm.assign.iter().map(|&a| a as i32).collect())));
    items.push(("qr".into(), qr));
    items.push(("df.residual".into(), Value::int((n - rank) as i32)));
    if !fr.omitted.is_empty() {
        let mut na = Value::ints(fr.omitted.iter().map(|x| x.0).collect());
        na.set_attr(s("names"), Value::strings(&fr.omitted.iter().map(|x| x.1.clone()).collect::<Vec<_>>()));
        na.set_attr(s("class"), Value::str(if exclude { "exclude" } else { "omit" }));
        items.push(("na.action".into(), na));
    }
    let used: Vec<&(String, Vec<String>, String)> = facs.iter().filter(|(l, _, _)| {
        let i = fr.terms.var_labels.iter().position(|x| x == l).unwrap_or(usize::MAX);
        fr.terms.terms.iter().any(|t| i < 64 && t >> i & 1 == 1)
    }).collect();
    if !used.is_empty() {
        items.push(("contrasts".into(), Value::named_list(used.iter().map(|(l, _, c)| (l.clone(), Value::str(c))).collect())));
        items.push(("xlevels".into(), Value::named_list(used.iter().map(|(l, lv, _)| (l.clone(), Value::strings(lv))).collect())));
    } else {
        let mut xl = Value::list(vec![]);
        xl.set_attr(s("names"), Value::strs(vec![]));
        items.push(("xlevels".into(), xl));
    }
    items.push(("call".into(), Value::Lang(Rc::new(Lang { expr: Rc::new(call), attrs: None }))));
    let tv = terms_value(&fr.terms, fr.lhs.clone(), fr.rhs.clone(), &fr.env);
    items.push(("terms".into(), tv.clone()));
    let mut mcols = fr.cols.clone();
    let mut mnames = fr.terms.var_labels.clone();
    if let Some(w) = &fr.weights {
        mcols.push(Value::dbls(w.clone()));
        mnames.push("(weights)".into());
    }
    let mut model = super::frames::make_df(mcols, mnames, Value::strings(&fr.rows));
    model.set_attr(s("terms"), tv);
    items.push(("model".into(), model));
    let mut fit = Value::named_list(items);
    let _ = (&fr.kept, fr.n_before);
    fit.set_attr(s("class"), Value::str("lm"));
    Ok(fit)
}
