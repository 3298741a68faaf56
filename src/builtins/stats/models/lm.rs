//! `lm`: the model frame, the model matrix and the least-squares fit, assembled into R's
//! fit object (class `lm`, or `c("mlm", "lm")` for a matrix response).

use super::*;
use crate::stats::qr::dqrdc2;

pub(crate) const LM_FORMALS: &[&str] = &[
    "formula",
    "data",
    "subset",
    "weights",
    "na.action",
    "method",
    "model",
    "x",
    "y",
    "qr",
    "singular.ok",
    "contrasts",
    "offset",
    "...",
];

/// The `na.action` argument as a function name (`na.omit`, `na.exclude`, ...).
pub(crate) fn na_action_name(it: &mut Interp, e: Option<Expr>, env: &Env) -> EvalResult<String> {
    Ok(match e {
        Some(e) => match &e.kind {
            ExprKind::Ident(x) => x.as_str().to_string(),
            _ => match it.eval(&e, env)? {
                Value::Builtin(b) => b.name.to_string(),
                v => v.as_string().unwrap_or_else(|| "na.omit".into()),
            },
        },
        None => it
            .options
            .iter()
            .find(|(k, _)| k == "na.action")
            .and_then(|(_, v)| v.as_string())
            .unwrap_or_else(|| "na.omit".into()),
    })
}

/// `lm(formula, data, subset, weights, na.action, ..., contrasts, offset)`.
pub(crate) fn lm(it: &mut Interp, _args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    let mcall = matched_call_expr(call, LM_FORMALS);
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
    let data = match get("data") {
        Some(d) => Some(it.eval(&d, env)?),
        None => None,
    };
    let na_action = na_action_name(it, get("na.action"), env)?;
    let contrasts = match get("contrasts") {
        Some(e) => Some(it.eval(&e, env)?),
        None => None,
    };
    let (subset, weights, offset) = (get("subset"), get("weights"), get("offset"));
    #[cfg(feature = "spark")]
    if let Some(d) = data.as_ref() {
        if let Some(t) = crate::builtins::utils::spark::as_remote(d) {
            let args = crate::builtins::stats::models::lm_spark::SparkArgs {
                weights,
                subset,
                offset,
            };
            return crate::builtins::stats::models::lm_spark::lm_spark(
                it, t, d, &formula, args, &na_action, contrasts, env, mcall,
            );
        }
    }
    if let Some(d) = data
        .as_ref()
        .filter(|d| crate::builtins::stats::models::lm_streamed::is_lazy(d))
    {
        let src = crate::builtins::stats::models::lm_streamed::StreamSource::new(
            it, &formula, d, subset, weights, offset, &na_action, contrasts, env,
        );
        return crate::builtins::stats::models::lm_streamed::lm_stream(it, src, mcall);
    }
    let fr = model_frame_full(
        it,
        &formula,
        data.as_ref(),
        subset.as_ref().map(|e| (e, env)),
        weights.as_ref().map(|e| (e, env)),
        offset.as_ref().map(|e| (e, env)),
        &na_action,
        true,
    )?;
    fit_lm(it, fr, &na_action, contrasts.as_ref(), mcall)
}

/// The response as an `n x q` column-major matrix with its column names (`None` for a
/// vector); a double response is shared, not copied.
fn response(yv: &Value, n: usize) -> EvalResult<(Rc<Vec<f64>>, usize, Option<Vec<String>>)> {
    if yv.is_factor()
        || !matches!(
            yv.data(),
            Some(Data::Dbl(_)) | Some(Data::Int(_)) | Some(Data::Lgl(_))
        )
    {
        return err("non-numeric response");
    }
    let y = yv.dbl_vec();
    match yv.dim() {
        Some(d) if d.len() == 2 => {
            let q = d[1];
            let names = yv
                .get_attr("dimnames")
                .and_then(|dn| dn.list_vec().get(1).cloned())
                .and_then(|x| x.as_strings())
                .unwrap_or_else(|| (1..=q).map(|j| format!("Y{}", j)).collect());
            Ok((y, q, Some(names)))
        }
        _ => {
            let _ = n;
            Ok((y, 1, None))
        }
    }
}

/// The sum of the formula's `offset()` terms and the `offset =` argument, if any.
pub(crate) fn frame_offset(fr: &Frame, n: usize) -> Option<Vec<f64>> {
    if fr.terms.offsets.is_empty() && fr.offset.is_none() {
        return None;
    }
    let mut off = vec![0.0; n];
    for &o in &fr.terms.offsets {
        for (i, v) in fr.cols[o].dbl_vec().iter().enumerate() {
            off[i] += v;
        }
    }
    if let Some(ov) = &fr.offset {
        for (o, v) in off.iter_mut().zip(ov) {
            *o += v;
        }
    }
    Some(off)
}

/// Per-response results of the least-squares solve.
struct Solved {
    coef: Vec<f64>,
    resid: Vec<f64>,
    fitted: Vec<f64>,
    effects: Vec<f64>,
}

/// Fits `lm` on an evaluated model frame and builds the fit object.
pub(crate) fn fit_lm(
    it: &mut Interp,
    fr: Frame,
    na_action: &str,
    contrasts: Option<&Value>,
    call: Expr,
) -> EvalResult {
    if !fr.terms.response {
        return err("formula needs a response");
    }
    let n = fr.rows.len();
    if n == 0 {
        return err("0 (non-NA) cases");
    }
    let (y, q, ynames) = response(&fr.cols[0], n)?;
    let (vc, facs) = var_cols(it, &fr.terms, &fr.cols, contrasts, None)?;
    if q == 1 {
        // large designs: parallel TSQR over the design plan, no n x p copy
        let extra = fr.offset.as_deref();
        if let Some(fit) = crate::builtins::stats::models::lm_blocked::try_lm(
            it,
            &fr,
            &vc,
            &facs,
            &y[..],
            extra,
            na_action,
            &call,
        )? {
            return Ok(fit);
        }
    }
    let mm = design::model_matrix(&fr.terms, &vc, n);
    let p = mm.colnames.len();
    let offset = frame_offset(&fr, n);
    if let Some(w) = &fr.weights {
        if w.iter().any(|&v| v < 0.0) {
            return err("missing or negative weights not allowed");
        }
    }
    // zero-weight rows take no part in the fit (lm.wfit); their residuals come from the
    // coefficients afterwards
    let ok: Vec<usize> = match &fr.weights {
        Some(w) => (0..n).filter(|&i| w[i] != 0.0).collect(),
        None => (0..n).collect(),
    };
    let nok = ok.len();
    let sw: Option<Vec<f64>> = fr
        .weights
        .as_ref()
        .map(|w| ok.iter().map(|&i| w[i].sqrt()).collect());
    let mut x = Vec::with_capacity(nok * p);
    for j in 0..p {
        for (k, &i) in ok.iter().enumerate() {
            x.push(mm.data[j * n + i] * sw.as_ref().map(|s| s[k]).unwrap_or(1.0));
        }
    }
    let qr = dqrdc2(&x, nok, p, 1e-7);
    let rank = qr.rank;
    let piv = qr.pivot.clone();
    let off_at = |i: usize| offset.as_ref().map(|o| o[i]).unwrap_or(0.0);
    let mut solved = Vec::with_capacity(q);
    for c in 0..q {
        let yc = &y[c * n..(c + 1) * n];
        let yo: Vec<f64> = ok
            .iter()
            .enumerate()
            .map(|(k, &i)| (yc[i] - off_at(i)) * sw.as_ref().map(|s| s[k]).unwrap_or(1.0))
            .collect();
        let mut qty = yo;
        qr.qty_k(&mut qty, rank);
        let b = qr.backsolve(&qty);
        let mut coef = vec![crate::value::na_real(); p];
        for (k, &j) in piv.iter().enumerate().take(rank) {
            coef[j] = b[k];
        }
        let mut rsd_ok = qty.clone();
        for v in rsd_ok.iter_mut().take(rank) {
            *v = 0.0;
        }
        qr.qy_k(&mut rsd_ok, rank);
        if let Some(sw) = &sw {
            for (r, w) in rsd_ok.iter_mut().zip(sw) {
                *r /= w;
            }
        }
        let mut rsd = vec![0.0; n];
        let mut k = 0;
        for (i, r) in rsd.iter_mut().enumerate() {
            if ok.get(k) == Some(&i) {
                *r = rsd_ok[k];
                k += 1;
            } else {
                let f0: f64 = (0..p)
                    .filter(|&j| !coef[j].is_nan())
                    .map(|j| mm.data[j * n + i] * coef[j])
                    .sum();
                *r = yc[i] - off_at(i) - f0;
            }
        }
        let fitted: Vec<f64> = yc.iter().zip(&rsd).map(|(a, b)| a - b).collect();
        solved.push(Solved {
            coef,
            resid: rsd,
            fitted,
            effects: qty,
        });
    }
    let mut eff_names: Vec<String> = piv[..rank]
        .iter()
        .map(|&j| mm.colnames[j].clone())
        .collect();
    eff_names.resize(nok, String::new());
    let rows = fr.row_strings();
    let ok_rows: Vec<String> = ok.iter().map(|&i| rows[i].clone()).collect();
    let piv_names: Vec<String> = piv.iter().map(|&j| mm.colnames[j].clone()).collect();
    let mut qrm = matrix(qr.qr.clone(), nok, p, Some(&ok_rows), Some(&piv_names));
    qrm.set_attr(
        s("assign"),
        Value::ints(piv.iter().map(|&j| mm.assign[j] as i32).collect()),
    );
    let (contrasts, xlevels) = contrasts_xlevels(&fr.terms, &logical_vars(&fr.cols), &facs);
    if let Some(c) = &contrasts {
        qrm.set_attr(s("contrasts"), c.clone());
    }
    let qrv = qr_value(qrm, qr.qraux.clone(), &piv, rank);
    // per-response pieces: vectors for one response, matrices for several
    let pack = |get: &dyn Fn(&Solved) -> &Vec<f64>, rows: &[String]| -> Value {
        match &ynames {
            None => named_dbl(get(&solved[0]).clone(), rows),
            Some(yn) => {
                let len = get(&solved[0]).len();
                let data: Vec<f64> = solved
                    .iter()
                    .flat_map(|sv| get(sv).iter().cloned())
                    .collect();
                matrix(data, len, q, Some(rows), Some(yn))
            }
        }
    };
    let coefv = pack(&|sv| &sv.coef, &mm.colnames);
    let resv = pack(&|sv| &sv.resid, &rows);
    let fitv = pack(&|sv| &sv.fitted, &rows);
    let effv = match &ynames {
        None => named_dbl(solved[0].effects.clone(), &eff_names),
        Some(_) => {
            let mut m = pack(&|sv| &sv.effects, &eff_names);
            if let Some(Value::Vector(_)) = m.get_attr("dimnames") {
                let dn = m.get_attr("dimnames").cloned().unwrap_or(Value::Null);
                let mut l = dn.list_vec().to_vec();
                l[0] = Value::strings(&eff_names);
                m.set_attr(s("dimnames"), Value::list(l));
            }
            m
        }
    };
    let tv = frame_terms_value(&fr);
    let mut fit = LmParts {
        coef: coefv,
        resid_fitted: Some((resv, fitv)),
        effects: effv,
        weights: fr.weights.as_ref().map(|w| Value::dbls(w.clone())),
        rank,
        assign: mm.assign.clone(),
        qr: qrv,
        df_residual: nok - rank,
        na_action: (!fr.omitted.is_empty()).then(|| na_action_value(&fr.omitted, na_action)),
        offset: offset.as_ref().map(|o| Value::dbls(o.clone())),
        contrasts,
        xlevels,
        call: Value::Lang(Rc::new(Lang {
            expr: Rc::new(call),
            attrs: None,
        })),
        terms: tv.clone(),
        model: Some(frame_value(&fr, tv)),
    }
    .value();
    if ynames.is_some() {
        fit.set_attr(s("class"), Value::strings(&["mlm", "lm"]));
    } else {
        fit.set_attr(s("class"), Value::str("lm"));
    }
    Ok(fit)
}

/// The components of an lm fit object, however it was fitted (in memory, by TSQR, or
/// streamed); [`LmParts::value`] lists them in R's order.
pub(crate) struct LmParts {
    pub(crate) coef: Value,
    /// Residuals and fitted values (a streamed fit keeps none).
    pub(crate) resid_fitted: Option<(Value, Value)>,
    pub(crate) effects: Value,
    /// Prior weights (kept by fits made in memory).
    pub(crate) weights: Option<Value>,
    pub(crate) rank: usize,
    /// The term of each design column.
    pub(crate) assign: Vec<usize>,
    pub(crate) qr: Value,
    pub(crate) df_residual: usize,
    pub(crate) na_action: Option<Value>,
    pub(crate) offset: Option<Value>,
    pub(crate) contrasts: Option<Value>,
    pub(crate) xlevels: Value,
    pub(crate) call: Value,
    pub(crate) terms: Value,
    /// The model frame (kept by fits made in memory).
    pub(crate) model: Option<Value>,
}

impl LmParts {
    /// The fit object's list, without its class.
    pub(crate) fn value(self) -> Value {
        let mut items: Vec<(String, Value)> = vec![("coefficients".into(), self.coef)];
        let rank = ("rank".to_string(), Value::int(self.rank as i32));
        match (self.resid_fitted, self.weights) {
            (Some((resid, fitted)), Some(w)) => {
                items.push(("residuals".into(), resid));
                items.push(("fitted.values".into(), fitted));
                items.push(("effects".into(), self.effects));
                items.push(("weights".into(), w));
                items.push(rank);
            }
            (Some((resid, fitted)), None) => {
                items.push(("residuals".into(), resid));
                items.push(("effects".into(), self.effects));
                items.push(rank);
                items.push(("fitted.values".into(), fitted));
            }
            (None, w) => {
                items.push(("effects".into(), self.effects));
                items.extend(w.map(|w| ("weights".to_string(), w)));
                items.push(rank);
            }
        }
        items.push((
            "assign".into(),
            Value::ints(self.assign.iter().map(|&a| a as i32).collect()),
        ));
        items.push(("qr".into(), self.qr));
        items.push(("df.residual".into(), Value::int(self.df_residual as i32)));
        items.extend(self.na_action.map(|v| ("na.action".to_string(), v)));
        items.extend(self.offset.map(|v| ("offset".to_string(), v)));
        items.extend(self.contrasts.map(|v| ("contrasts".to_string(), v)));
        items.push(("xlevels".into(), self.xlevels));
        items.push(("call".into(), self.call));
        items.push(("terms".into(), self.terms));
        items.extend(self.model.map(|v| ("model".to_string(), v)));
        Value::named_list(items)
    }
}

/// The model frame as a data frame value (variables, then `(weights)` and `(offset)`),
/// with its terms attribute.
pub(crate) fn frame_value(fr: &Frame, tv: Value) -> Value {
    let mut mcols = fr.cols.clone();
    let mut mnames = fr.terms.var_labels.clone();
    if let Some(w) = &fr.weights {
        mcols.push(Value::dbls(w.clone()));
        mnames.push("(weights)".into());
    }
    if let Some(o) = &fr.offset {
        mcols.push(Value::dbls(o.clone()));
        mnames.push("(offset)".into());
    }
    let rows = crate::builtins::stats::models::lm_blocked::names_value(&fr.rows);
    let mut model = crate::value::frame::make_df(mcols, mnames, rows);
    model.set_attr(s("terms"), tv);
    model
}
