//! `lm` over a lazy frame (`scan_csv`, `scan_parquet`): the rows are streamed in chunks
//! and never held at once, so a fit runs over files larger than memory.
//!
//! Each chunk's model frame and design are built as the in-memory path builds them and
//! folded into one triangular factor (TSQR), finished with R's pivoting. Factor levels come
//! from the first rows; when a chunk shows a level they lack, a pass over only the columns
//! the factors use finds all levels and the fit starts again. If a level turns out to occur
//! only in rows dropped for missing values, the fit runs again without it, so the design
//! is R's. The fit keeps no per-row vectors: `summary` streams
//! the data twice more for exact residual quantiles (a histogram, then the values in the
//! bins that hold them).

use super::lm_large::NROW_ATTR;
use super::models::{
    data_env, field, frame_offset, matrix, model_frame_full, named_dbl, qr_value, terms_value,
    var_cols, Frame,
};
use crate::error::{err, EvalResult, Flow, RError};
use crate::eval::Interp;
use crate::frame::polars_io::{as_lazy, for_each_chunk, lazy_names};
use crate::stats::design::VarCol;
use crate::stats::design_plan::DesignPlan;
use crate::stats::terms::all_vars;
use crate::stats::tsqr;
use crate::syntax::ast::{Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::{Data, Env, Extern, ExternObj, Lang, Value};
use std::collections::HashSet;
use std::rc::Rc;

/// Rows per streamed chunk, unless `options(rsc.stream.rows = )` says otherwise.
const CHUNK_ROWS: usize = 1 << 17;

/// Term functions whose parameters depend on all the data (not supported when streaming).
const DATA_DEPENDENT: &[&str] = &["poly", "scale", "ns", "bs", "splines::ns", "splines::bs"];

/// What a streamed fit needs to read its data again: the lazy frame and the `lm` arguments
/// that act per chunk. Kept on the fit as the attribute `rsc.stream`.
pub(crate) struct StreamFit {
    data: Value,
    formula: Value,
    subset: Option<Expr>,
    weights: Option<Expr>,
    offset: Option<Expr>,
    env: Env,
    na_action: String,
    contrasts: Option<Value>,
    xlev: Option<Value>,
    chunk_rows: usize,
    /// Residual sum of squares (weighted).
    pub(crate) rss: f64,
    /// Rows used.
    pub(crate) nobs: usize,
    /// Whether the weights differ (summary then prints "Weighted Residuals").
    pub(crate) weighted: bool,
    /// Sum of the logarithms of the weights (for `logLik`).
    pub(crate) sum_log_w: f64,
}

impl ExternObj for StreamFit {
    fn class(&self) -> &'static str {
        "lm_stream"
    }
    fn describe(&self) -> String {
        format!("<streamed fit over {} rows>", self.nobs)
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The streaming record of a fit made by [`lm_stream`], if it is one.
pub(crate) fn stream_of(fit: &Value) -> Option<&StreamFit> {
    match fit.get_attr("rsc.stream")? {
        Value::Extern(x) => x.0.as_any().downcast_ref::<StreamFit>(),
        _ => None,
    }
}

/// Whether a value is a lazy frame (`lm` then streams it).
pub(crate) fn is_lazy(v: &Value) -> bool {
    as_lazy(v).is_some()
}

fn flow(e: String) -> Flow {
    RError::runtime(e).into()
}

/// Runs `f` on each chunk of the lazy frame (only `columns`, when given); errors from `f`
/// stop the stream and are returned as they were raised.
fn each_chunk(
    data: &Value,
    rows: usize,
    columns: Option<&[String]>,
    mut f: impl FnMut(Value) -> EvalResult<()>,
) -> EvalResult<()> {
    let Some(lf) = as_lazy(data) else {
        return err("not a lazy frame");
    };
    let mut failed: Option<Flow> = None;
    for_each_chunk(lf, rows, columns, |chunk| match f(chunk) {
        Ok(()) => Ok(true),
        Err(e) => {
            failed = Some(e);
            Ok(false)
        }
    })
    .map_err(flow)?;
    match failed {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

impl StreamFit {
    fn frame(&self, it: &mut Interp, chunk: &Value) -> EvalResult<Frame> {
        let env = &self.env;
        model_frame_full(
            it,
            &self.formula,
            Some(chunk),
            self.subset.as_ref().map(|e| (e, env)),
            self.weights.as_ref().map(|e| (e, env)),
            self.offset.as_ref().map(|e| (e, env)),
            &self.na_action,
            true,
        )
    }
}

/// `lm(formula, data = <lazy frame>, subset, weights, na.action, offset, contrasts)`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn lm_stream(
    it: &mut Interp,
    formula: &Value,
    data: &Value,
    subset: Option<Expr>,
    weights: Option<Expr>,
    offset: Option<Expr>,
    na_action: &str,
    contrasts: Option<Value>,
    env: &Env,
    call: Expr,
) -> EvalResult {
    let mut sf = StreamFit {
        data: data.clone(),
        formula: formula.clone(),
        subset,
        weights,
        offset,
        env: env.clone(),
        na_action: na_action.to_string(),
        contrasts,
        xlev: None,
        chunk_rows: it
            .options
            .iter()
            .find(|(k, _)| k == "rsc.stream.rows")
            .and_then(|(_, v)| v.as_f64())
            .filter(|r| *r >= 1.0)
            .map_or(CHUNK_ROWS, |r| r as usize),
        rss: 0.0,
        nobs: 0,
        weighted: false,
        sum_log_w: 0.0,
    };
    let head = match as_lazy(data) {
        Some(lf) => crate::frame::polars_io::collect(lf, Some(1000)).map_err(flow)?,
        None => return err("not a lazy frame"),
    };
    let fr0 = sf.frame(it, &head)?;
    if !fr0.terms.response {
        return err("formula needs a response");
    }
    for v in &fr0.terms.variables {
        if let ExprKind::Call(f, _) = &v.kind {
            let name = crate::syntax::deparse::deparse(f);
            if DATA_DEPENDENT.contains(&name.as_str()) {
                return err(format!("'{}()' terms depend on all the data and cannot be streamed: collect() the data first", name));
            }
        }
    }
    // one pass when the first rows show every level (the usual case); a level first seen
    // later stops it, and a pass over the factor columns then finds them all
    let from_head = match var_cols(it, &fr0.terms, &fr0.cols, sf.contrasts.as_ref(), None) {
        Ok((_, facs)) => Some(facs),
        Err(_) => None, // e.g. a factor with one level in the first rows
    };
    let first = match from_head {
        Some(facs) => {
            sf.xlev = (!facs.is_empty()).then(|| {
                Value::named_list(
                    facs.iter()
                        .map(|(l, lv, _)| (l.clone(), Value::strings(lv)))
                        .collect(),
                )
            });
            match pass_fit(it, &sf) {
                Err(Flow::Error(e)) if e.message.contains(" has new level ") => None,
                r => Some(r?),
            }
        }
        None => None,
    };
    let mut acc = match first {
        Some(a) => a,
        None => {
            sf.xlev = factor_levels(it, &sf, &fr0)?;
            pass_fit(it, &sf)?
        }
    };
    // levels seen only in rows dropped for missing values are not R's levels: refit without
    if let Some(x) = &sf.xlev {
        let lev = x.list_vec();
        let names = x.names().unwrap_or_default();
        let mut kept = Vec::with_capacity(lev.len());
        let mut changed = false;
        for ((l, c), nm) in lev.iter().zip(&acc.counts).zip(&names) {
            let all = l.as_strings().unwrap_or_default();
            let used: Vec<String> = all
                .iter()
                .zip(c.iter().skip(1))
                .filter(|(_, &k)| k > 0)
                .map(|(s, _)| s.clone())
                .collect();
            changed |= used.len() != all.len();
            kept.push((
                nm.as_deref().unwrap_or("").to_string(),
                Value::strings(&used),
            ));
        }
        if changed {
            sf.xlev = Some(Value::named_list(kept));
            acc = pass_fit(it, &sf)?;
        }
    }
    finish_fit(sf, acc, call)
}

/// Columns of the lazy frame that `exprs` read.
fn columns_used(data: &Value, exprs: &[&Expr]) -> EvalResult<Option<Vec<String>>> {
    let Some(lf) = as_lazy(data) else {
        return Ok(None);
    };
    let names = lazy_names(lf).map_err(flow)?;
    let mut used: Vec<String> = Vec::new();
    for e in exprs {
        for v in all_vars(e) {
            if names.contains(&v) && !used.contains(&v) {
                used.push(v);
            }
        }
    }
    Ok(if used.is_empty() { None } else { Some(used) })
}

/// Levels of the factor variables (a named list as a fit's `xlevels`), from a pass over
/// the columns they use: characters sorted as R sorts them, logicals `FALSE` first,
/// factors in their level order (numeric levels, as `factor(x)` of numbers, by value).
fn factor_levels(it: &mut Interp, sf: &StreamFit, fr0: &Frame) -> EvalResult<Option<Value>> {
    let facs: Vec<usize> = (1..fr0.cols.len())
        .filter(|&i| {
            let c = &fr0.cols[i];
            c.is_factor() || matches!(c.data(), Some(Data::Str(_)) | Some(Data::Lgl(_)))
        })
        .collect();
    if facs.is_empty() {
        return Ok(None);
    }
    let exprs: Vec<&Expr> = facs.iter().map(|&i| &fr0.terms.variables[i]).collect();
    let columns = columns_used(&sf.data, &exprs)?;
    struct Seen {
        order: Vec<String>,
        set: HashSet<String>,
        factor: bool,
        logical: bool,
    }
    let mut seen: Vec<Seen> = facs
        .iter()
        .map(|_| Seen {
            order: vec![],
            set: HashSet::new(),
            factor: false,
            logical: false,
        })
        .collect();
    each_chunk(&sf.data, sf.chunk_rows, columns.as_deref(), |chunk| {
        let denv = data_env(Some(&chunk), &sf.env);
        for (s, e) in seen.iter_mut().zip(&exprs) {
            let v = it.eval(e, &denv)?;
            s.factor |= v.is_factor();
            s.logical |= matches!(v.data(), Some(Data::Lgl(_)));
            let texts: Vec<String> = if v.is_factor() {
                let lev = crate::builtins::factor::factor_levels(&v);
                let codes = v.int_vec();
                let mut used = vec![false; lev.len()];
                for &k in codes.iter() {
                    if k >= 1 && (k as usize) <= used.len() {
                        used[k as usize - 1] = true;
                    }
                }
                lev.iter()
                    .zip(&used)
                    .filter(|(_, &u)| u)
                    .filter_map(|(l, _)| l.as_deref().map(String::from))
                    .collect()
            } else {
                v.str_vec()
                    .iter()
                    .filter_map(|x| x.as_deref().map(String::from))
                    .collect()
            };
            for t in texts {
                if !s.set.contains(&t) {
                    s.set.insert(t.clone());
                    s.order.push(t);
                }
            }
        }
        Ok(())
    })?;
    let mut out = Vec::with_capacity(facs.len());
    for (s, &i) in seen.into_iter().zip(&facs) {
        let mut lv = s.order;
        let numeric: Option<Vec<f64>> = lv.iter().map(|x| x.parse::<f64>().ok()).collect();
        if s.logical && !s.factor {
            lv.sort_by_key(|x| x == "TRUE");
        } else if let (true, Some(_)) = (s.factor, &numeric) {
            lv.sort_by(|a, b| {
                a.parse::<f64>()
                    .unwrap_or(0.0)
                    .total_cmp(&b.parse::<f64>().unwrap_or(0.0))
            });
        } else if !s.factor {
            lv.sort_by(|a, b| crate::value::collate::collate(a, b));
        }
        let label = fr0.terms.var_labels[i].clone();
        let in_terms = fr0.terms.terms.iter().any(|t| t >> i & 1 == 1);
        if lv.len() < 2 && in_terms {
            return err("contrasts can be applied only to factors with 2 or more levels");
        }
        out.push((label, Value::strings(&lv)));
    }
    Ok(Some(Value::named_list(out)))
}

/// The second pass's running state.
struct Acc {
    raug: Vec<f64>,
    n: usize,
    /// The first `p` rows of the weighted design, row by row.
    top: Vec<Vec<f64>>,
    colnames: Vec<String>,
    assign: Vec<usize>,
    facs: Vec<(String, Vec<String>, String)>,
    /// Rows of each factor variable's levels (index 0: NA) among the rows used.
    counts: Vec<Vec<usize>>,
    /// Omitted rows: position among the rows read (after `subset`) and row number.
    omitted: Vec<(i32, String)>,
    rows_seen: usize,
    weights_range: (f64, f64),
    sum_log_w: f64,
    /// Which variables are logical (from the first chunk).
    logical: Vec<bool>,
    terms: Option<(crate::stats::terms::Terms, Option<Expr>, Expr, Env)>,
}

/// The response of a chunk's frame as a vector (a matrix response cannot be streamed).
fn response(fr: &Frame) -> EvalResult<Vec<f64>> {
    let yv = &fr.cols[0];
    if yv.is_factor()
        || !matches!(
            yv.data(),
            Some(Data::Dbl(_)) | Some(Data::Int(_)) | Some(Data::Lgl(_))
        )
    {
        return err("non-numeric response");
    }
    if yv.dim().is_some_and(|d| d.len() == 2 && d[1] != 1) {
        return err("a matrix response cannot be streamed: collect() the data first");
    }
    Ok(yv.dbl_vec().to_vec())
}

/// Square roots of a chunk's weights (all must be positive and finite when streaming).
fn root_weights(fr: &Frame) -> EvalResult<Option<Vec<f64>>> {
    match &fr.weights {
        None => Ok(None),
        Some(w) if w.iter().all(|v| *v > 0.0 && v.is_finite()) => {
            Ok(Some(w.iter().map(|v| v.sqrt()).collect()))
        }
        Some(_) => err("a streamed fit needs positive weights"),
    }
}

/// The response less offsets, for a chunk's frame.
fn working_response(fr: &Frame) -> EvalResult<Vec<f64>> {
    let mut y = response(fr)?;
    if let Some(off) = frame_offset(fr, y.len()) {
        for (a, o) in y.iter_mut().zip(&off) {
            *a -= o;
        }
    }
    Ok(y)
}

/// Pass two: every chunk's design folded into one triangular factor.
fn pass_fit(it: &mut Interp, sf: &StreamFit) -> EvalResult<Acc> {
    let mut acc = Acc {
        raug: vec![],
        n: 0,
        top: vec![],
        colnames: vec![],
        assign: vec![],
        facs: vec![],
        counts: vec![],
        omitted: vec![],
        rows_seen: 0,
        weights_range: (f64::INFINITY, f64::NEG_INFINITY),
        sum_log_w: 0.0,
        logical: vec![],
        terms: None,
    };
    let threads = tsqr::threads();
    let mut row0 = 0usize;
    each_chunk(&sf.data, sf.chunk_rows, None, |chunk| {
        let m = crate::builtins::frames::df_nrow(&chunk);
        let fr = sf.frame(it, &chunk)?;
        for (pos, name) in &fr.omitted {
            let global = name.parse::<usize>().map(|k| k + row0).unwrap_or(0);
            acc.omitted
                .push((acc.rows_seen as i32 + pos, global.to_string()));
        }
        acc.rows_seen += fr.rows.len() + fr.omitted.len();
        row0 += m;
        let n = fr.rows.len();
        if n == 0 {
            return Ok(());
        }
        let y = working_response(&fr)?;
        let sw = root_weights(&fr)?;
        if let Some(w) = &fr.weights {
            for v in w {
                acc.weights_range = (acc.weights_range.0.min(*v), acc.weights_range.1.max(*v));
                acc.sum_log_w += v.ln();
            }
        }
        let (vc, facs) = var_cols(
            it,
            &fr.terms,
            &fr.cols,
            sf.contrasts.as_ref(),
            sf.xlev.as_ref(),
        )?;
        let plan = DesignPlan::new(&fr.terms, &vc, n);
        let p = plan.p();
        let q = p + 1;
        if acc.terms.is_none() {
            acc.raug = vec![0.0; q * q];
            acc.colnames = plan.colnames.clone();
            acc.assign = plan.assign.clone();
            acc.facs = facs;
            acc.logical = super::models::logical_vars(&fr.cols);
            acc.terms = Some((
                fr.terms.clone(),
                fr.lhs.clone(),
                fr.rhs.clone(),
                fr.env.clone(),
            ));
        } else if plan.colnames != acc.colnames {
            return err("the model matrix differs between chunks of the data");
        }
        let mut r = tsqr::tsqr(&plan, n, &y, sw.as_deref(), threads);
        tsqr::fold(&mut acc.raug, q, &mut r, q);
        let need = p.saturating_sub(acc.top.len()).min(n);
        if need > 0 {
            let mut buf = vec![0.0; need * p];
            tsqr::RowSource::fill(&plan, 0, need, &mut buf);
            for i in 0..need {
                let w = sw.as_ref().map(|s| s[i]).unwrap_or(1.0);
                acc.top
                    .push((0..p).map(|j| buf[j * need + i] * w).collect());
            }
        }
        let mut k = 0;
        for v in &vc {
            if let VarCol::Factor { codes, levels, .. } = v {
                if acc.counts.len() <= k {
                    acc.counts.push(vec![0; levels.len() + 1]);
                }
                for &c in codes.iter() {
                    if let Some(x) = acc.counts[k].get_mut(c as usize) {
                        *x += 1;
                    }
                }
                k += 1;
            }
        }
        acc.n += n;
        Ok(())
    })?;
    if acc.n == 0 {
        return err("0 (non-NA) cases");
    }
    Ok(acc)
}

/// The fit object: R's `lm` components that do not grow with the rows, plus the
/// streaming record (`rsc.stream`) that `summary` and friends read.
fn finish_fit(mut sf: StreamFit, acc: Acc, call: Expr) -> EvalResult {
    let p = acc.colnames.len();
    let n = acc.n;
    if n <= p {
        return err(format!(
            "a streamed fit needs more rows ({}) than coefficients ({})",
            n, p
        ));
    }
    let mut top = vec![0.0; p * p];
    for (i, row) in acc.top.iter().enumerate() {
        for (j, v) in row.iter().enumerate() {
            top[j * p + i] = *v;
        }
    }
    let tf = tsqr::finish(&acc.raug, n, p, &top, 1e-7);
    let rank = tf.rank;
    let piv = &tf.pivot;
    sf.rss = tf.effects_head[rank..].iter().map(|e| e * e).sum();
    sf.nobs = n;
    sf.weighted = acc.weights_range.0 < acc.weights_range.1;
    sf.sum_log_w = acc.sum_log_w;
    let s = Sym::new;
    let coef: Vec<f64> = tf
        .coef
        .iter()
        .map(|&c| {
            if c.is_nan() {
                crate::value::na_real()
            } else {
                c
            }
        })
        .collect();
    let mut eff_names: Vec<String> = piv[..rank]
        .iter()
        .map(|&j| acc.colnames[j].clone())
        .collect();
    eff_names.resize(tf.effects_head.len(), String::new());
    let piv_names: Vec<String> = piv.iter().map(|&j| acc.colnames[j].clone()).collect();
    let rows: Vec<String> = (1..=p).map(|i| i.to_string()).collect();
    let mut qrm = matrix(tf.qr_top.clone(), p, p, Some(&rows), Some(&piv_names));
    qrm.set_attr(
        s("assign"),
        Value::ints(piv.iter().map(|&j| acc.assign[j] as i32).collect()),
    );
    let mut qr = qr_value(qrm, tf.qraux.clone(), piv, rank);
    qr.set_attr(s(NROW_ATTR), Value::int(n as i32));
    let mut items: Vec<(String, Value)> = vec![
        ("coefficients".into(), named_dbl(coef, &acc.colnames)),
        (
            "effects".into(),
            named_dbl(tf.effects_head.clone(), &eff_names),
        ),
        ("rank".into(), Value::int(rank as i32)),
        (
            "assign".into(),
            Value::ints(acc.assign.iter().map(|&a| a as i32).collect()),
        ),
        ("qr".into(), qr),
        ("df.residual".into(), Value::int((n - rank) as i32)),
    ];
    if !acc.omitted.is_empty() {
        let na = super::models::na_action_value(&acc.omitted, &sf.na_action);
        items.push(("na.action".into(), na));
    }
    let Some((terms, lhs, rhs, env)) = acc.terms else {
        return err("0 (non-NA) cases");
    };
    let (contrasts, xlevels) = super::models::contrasts_xlevels(&terms, &acc.logical, &acc.facs);
    items.extend(contrasts.map(|c| ("contrasts".to_string(), c)));
    items.push(("xlevels".into(), xlevels));
    items.push((
        "call".into(),
        Value::Lang(Rc::new(Lang {
            expr: Rc::new(call),
            attrs: None,
        })),
    ));
    items.push(("terms".into(), terms_value(&terms, lhs, rhs, &env)));
    let mut fit = Value::named_list(items);
    fit.set_attr(s("class"), Value::str("lm"));
    fit.set_attr(
        s("rsc.stream"),
        Value::Extern(Rc::new(Extern(Box::new(sf)))),
    );
    Ok(fit)
}

/// Bins of the residual histogram.
const BINS: usize = 1 << 16;

/// Min, quartiles and max of a streamed fit's (weighted) residuals, exactly as
/// `quantile(resid)` gives them: one pass counts residuals in a histogram, a second keeps
/// those in the bins that hold the order statistics needed.
pub(crate) fn residual_quantiles(it: &mut Interp, fit: &Value) -> EvalResult<Vec<f64>> {
    let Some(sf) = stream_of(fit) else {
        return err("not a streamed fit");
    };
    let coef: Vec<f64> = field(fit, "coefficients")
        .map(|c| c.dbl_vec().to_vec())
        .unwrap_or_default();
    let coef: Vec<f64> = coef
        .iter()
        .map(|c| if c.is_nan() { f64::NAN } else { *c })
        .collect();
    let n = sf.nobs;
    let rdf = n
        .saturating_sub(field(fit, "rank").and_then(|v| v.as_i32()).unwrap_or(0) as usize)
        .max(1);
    let sigma = (sf.rss / rdf as f64).sqrt();
    let half = if sigma > 0.0 && sigma.is_finite() {
        40.0 * sigma
    } else {
        1.0
    };
    let width = 2.0 * half / BINS as f64;
    // bin 0: below the range, BINS + 1: above it
    let bin = |r: f64| -> usize {
        if r < -half {
            0
        } else if r >= half {
            BINS + 1
        } else {
            1 + (((r + half) / width) as usize).min(BINS - 1)
        }
    };
    let threads = tsqr::threads();
    let residuals = |it: &mut Interp, f: &mut dyn FnMut(&[f64])| -> EvalResult<()> {
        each_chunk(&sf.data, sf.chunk_rows, None, |chunk| {
            let fr = sf.frame(it, &chunk)?;
            let n = fr.rows.len();
            if n == 0 {
                return Ok(());
            }
            let mut y = working_response(&fr)?;
            let sw = root_weights(&fr)?;
            let (vc, _) = var_cols(
                it,
                &fr.terms,
                &fr.cols,
                sf.contrasts.as_ref(),
                sf.xlev.as_ref(),
            )?;
            let plan = DesignPlan::new(&fr.terms, &vc, n);
            tsqr::add_lin_pred(&plan, &coef, -1.0, &mut y, threads);
            if let Some(sw) = &sw {
                for (a, w) in y.iter_mut().zip(sw) {
                    *a *= w;
                }
            }
            f(&y);
            Ok(())
        })
    };
    let mut counts = vec![0usize; BINS + 2];
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    residuals(it, &mut |r: &[f64]| {
        for &v in r {
            counts[bin(v)] += 1;
            lo = lo.min(v);
            hi = hi.max(v);
        }
    })?;
    let total: usize = counts.iter().sum();
    if total == 0 {
        return err("no residuals");
    }
    // order statistics (0-based) that R's type-7 quartiles interpolate between
    let probs = [0.25, 0.5, 0.75];
    let mut ranks: Vec<usize> = Vec::new();
    for p in probs {
        let index = 1.0 + (total - 1) as f64 * p;
        ranks.push(index.floor() as usize - 1);
        ranks.push(index.ceil() as usize - 1);
    }
    let mut starts = vec![0usize; BINS + 2];
    let mut acc = 0;
    for (b, c) in counts.iter().enumerate() {
        starts[b] = acc;
        acc += c;
    }
    let bin_of_rank = |k: usize| starts.partition_point(|&s| s <= k) - 1;
    let wanted: HashSet<usize> = ranks.iter().map(|&k| bin_of_rank(k)).collect();
    let mut kept: std::collections::HashMap<usize, Vec<f64>> =
        wanted.iter().map(|&b| (b, Vec::new())).collect();
    residuals(it, &mut |r: &[f64]| {
        for &v in r {
            if let Some(x) = kept.get_mut(&bin(v)) {
                x.push(v);
            }
        }
    })?;
    for v in kept.values_mut() {
        v.sort_by(|a, b| a.total_cmp(b));
    }
    let order_stat = |k: usize| -> f64 {
        let b = bin_of_rank(k);
        kept.get(&b)
            .and_then(|v| v.get(k - starts[b]).copied())
            .unwrap_or(f64::NAN)
    };
    let mut out = vec![lo];
    for p in probs {
        let index = 1.0 + (total - 1) as f64 * p;
        let (l, h) = (index.floor(), index.ceil());
        let (ql, qh) = (order_stat(l as usize - 1), order_stat(h as usize - 1));
        let frac = index - l;
        out.push(if index > l && qh != ql {
            (1.0 - frac) * ql + frac * qh
        } else {
            ql
        });
    }
    out.push(hi);
    Ok(out)
}
