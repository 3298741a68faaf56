//! `lm` over a lazy frame (`scan_csv`, `scan_parquet`): the rows are streamed in chunks
//! and never held at once, so a fit runs over files larger than memory.
//!
//! Each chunk's model frame and design are built as the in-memory path builds them; the
//! chunks are the blocks of rows of the one least-squares fit ([`lm_fit::fit`]). Factor
//! levels come from the first rows; when a chunk shows a level they lack, a pass over only
//! the columns the factors use finds all levels and the fit starts again. If a level turns
//! out to occur only in rows dropped for missing values, the fit runs again without it, so
//! the design is R's. The fit keeps no per-row vectors: `summary` streams the data twice
//! more for exact residual quantiles (a histogram, then the values in the bins that hold
//! them).

use crate::builtins::stats::models::lm::LmParts;
use crate::builtins::stats::models::lm_blocked::tall_qr_value;
use crate::builtins::stats::models::{
    data_env, frame_offset, model_frame_full, named_dbl, terms_value, var_cols, Frame,
};
use crate::error::{err, EvalResult, Flow, RError};
use crate::eval::Interp;
use crate::frame::polars_io::{as_lazy, for_each_chunk, lazy_names};
use crate::stats::design::VarCol;
use crate::stats::design_plan::DesignPlan;
use crate::stats::lm_fit::{self, Block, LsRows, TallFit};
use crate::stats::terms::all_vars;
use crate::stats::tsqr;
use crate::syntax::ast::{Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::fields::field;
use crate::value::{Data, Env, Extern, ExternObj, Lang, Value};
use std::collections::HashSet;
use std::rc::Rc;

/// Rows per streamed chunk, unless `options(rsc.stream.rows = )` says otherwise.
const CHUNK_ROWS: usize = 1 << 17;

/// Term functions whose parameters depend on all the data (not supported when streaming).
const DATA_DEPENDENT: &[&str] = &["poly", "scale", "ns", "bs", "splines::ns", "splines::bs"];

/// What a streamed fit needs to read its data again: the lazy frame and the model
/// arguments that act per chunk.
pub(crate) struct StreamSource {
    data: Value,
    formula: Value,
    subset: Option<Expr>,
    weights: Option<Expr>,
    offset: Option<Expr>,
    env: Env,
    na_action: String,
    pub(crate) contrasts: Option<Value>,
    /// Levels of the factor variables (a fit's `xlevels`), fixed for every chunk.
    pub(crate) xlev: Option<Value>,
    pub(crate) chunk_rows: usize,
}

/// A streamed `lm` fit, kept on the fit as the attribute `rsc.stream`.
pub(crate) struct StreamFit {
    src: StreamSource,
    /// Residual sum of squares (weighted).
    pub(crate) rss: f64,
    /// Rows used.
    pub(crate) nobs: usize,
    /// Whether the weights differ (summary then prints "Weighted Residuals").
    pub(crate) weighted: bool,
    /// Sum of the logarithms of the weights (for `logLik`).
    pub(crate) sum_log_w: f64,
    /// For a fit made by a remote engine (Spark): its residuals' quantiles, computed there.
    pub(crate) remote: Option<Box<dyn RemoteResiduals>>,
}

/// The rows of a fit that live in a remote engine: what `summary` asks of them.
pub(crate) trait RemoteResiduals {
    /// Min, quartiles and max of the residuals at coefficients `coef` (NaN: aliased).
    fn quantiles(&self, coef: &[f64]) -> Result<Vec<f64>, String>;
    /// The design's columns but the intercept in the engine's language (for `predict`).
    #[cfg_attr(not(feature = "spark"), allow(dead_code))]
    fn design_sql(&self) -> Option<&[String]> {
        None
    }
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

impl StreamSource {
    /// The source of a model over the lazy frame `data`, its chunk size from
    /// `options(rsc.stream.rows = )`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        it: &Interp,
        formula: &Value,
        data: &Value,
        subset: Option<Expr>,
        weights: Option<Expr>,
        offset: Option<Expr>,
        na_action: &str,
        contrasts: Option<Value>,
        env: &Env,
    ) -> StreamSource {
        StreamSource {
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
        }
    }

    /// The `na.action` the frames are made with.
    pub(crate) fn na_action(&self) -> &str {
        &self.na_action
    }

    /// The model frame of one chunk.
    pub(crate) fn frame(&self, it: &mut Interp, chunk: &Value) -> EvalResult<Frame> {
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

    /// Runs `f` on the model frame of each chunk (frames with no rows included).
    pub(crate) fn frames(
        &self,
        it: &mut Interp,
        mut f: impl FnMut(&mut Interp, Frame, usize) -> EvalResult<()>,
    ) -> EvalResult<()> {
        each_chunk(&self.data, self.chunk_rows, None, |chunk| {
            let m = crate::value::frame::df_nrow(&chunk);
            let fr = self.frame(it, &chunk)?;
            f(it, fr, m)
        })
    }

    /// The model frame of the first rows, checked for what streaming cannot do.
    pub(crate) fn head_frame(&self, it: &mut Interp) -> EvalResult<Frame> {
        let head = match as_lazy(&self.data) {
            Some(lf) => crate::frame::polars_io::collect(lf, Some(1000)).map_err(flow)?,
            None => return err("not a lazy frame"),
        };
        let fr0 = self.frame(it, &head)?;
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
        Ok(fr0)
    }

    /// The design of a chunk's frame at the source's factor levels, and its factors.
    pub(crate) fn var_cols(
        &self,
        it: &mut Interp,
        fr: &Frame,
    ) -> EvalResult<(Vec<VarCol>, Vec<(String, Vec<String>, String)>)> {
        var_cols(
            it,
            &fr.terms,
            &fr.cols,
            self.contrasts.as_ref(),
            self.xlev.as_ref(),
        )
    }

    /// Drops from `xlev` the levels no used row has (`counts[k][1 + level]`, as counted
    /// by [`count_levels`]); whether any was dropped.
    pub(crate) fn drop_unused_levels(&mut self, counts: &[Vec<usize>]) -> bool {
        let Some(x) = &self.xlev else {
            return false;
        };
        let lev = x.list_vec();
        let names = x.names().unwrap_or_default();
        let mut kept = Vec::with_capacity(lev.len());
        let mut changed = false;
        for ((l, c), nm) in lev.iter().zip(counts).zip(&names) {
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
            self.xlev = Some(Value::named_list(kept));
        }
        changed
    }
}

/// Adds a chunk's rows per level of each factor variable to `counts` (index 0: NA).
pub(crate) fn count_levels(counts: &mut Vec<Vec<usize>>, vc: &[VarCol]) {
    let mut k = 0;
    for v in vc {
        if let VarCol::Factor { codes, levels, .. } = v {
            if counts.len() <= k {
                counts.push(vec![0; levels.len() + 1]);
            }
            for &c in codes.iter() {
                if let Some(x) = counts[k].get_mut(c as usize) {
                    *x += 1;
                }
            }
            k += 1;
        }
    }
}

/// Factor levels as a fit's `xlevels` list.
pub(crate) fn xlevels_of(facs: &[(String, Vec<String>, String)]) -> Option<Value> {
    (!facs.is_empty()).then(|| {
        Value::named_list(
            facs.iter()
                .map(|(l, lv, _)| (l.clone(), Value::strings(lv)))
                .collect(),
        )
    })
}

/// `lm(formula, data = <lazy frame>, subset, weights, na.action, offset, contrasts)`.
pub(crate) fn lm_stream(it: &mut Interp, mut src: StreamSource, call: Expr) -> EvalResult {
    let fr0 = src.head_frame(it)?;
    let mut fit = fit_with_levels(it, &mut src, &fr0, pass_fit)?;
    // levels seen only in rows dropped for missing values are not R's levels: refit without
    if src.drop_unused_levels(&fit.0.counts) {
        fit = pass_fit(it, &src)?;
    }
    finish_fit(src, fit.0, fit.1, call, None)
}

/// Runs `pass` with the factor levels of the first rows when they show every level (the
/// usual case); a level first seen later stops it, and a pass over the factor columns then
/// finds them all before `pass` runs again.
pub(crate) fn fit_with_levels<T>(
    it: &mut Interp,
    src: &mut StreamSource,
    fr0: &Frame,
    pass: impl Fn(&mut Interp, &StreamSource) -> EvalResult<T>,
) -> EvalResult<T> {
    let from_head = match var_cols(it, &fr0.terms, &fr0.cols, src.contrasts.as_ref(), None) {
        Ok((_, facs)) => Some(facs),
        Err(_) => None, // e.g. a factor with one level in the first rows
    };
    if let Some(facs) = from_head {
        src.xlev = xlevels_of(&facs);
        match pass(it, src) {
            Err(Flow::Error(e)) if e.message.contains(" has new level ") => {}
            r => return r,
        }
    }
    src.xlev = factor_levels(it, src, fr0)?;
    pass(it, src)
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
fn factor_levels(it: &mut Interp, sf: &StreamSource, fr0: &Frame) -> EvalResult<Option<Value>> {
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
                let lev = crate::builtins::base::factor::factor_levels(&v);
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
        let in_terms = fr0.terms.terms.iter().any(|t| t.has(i));
        if lv.len() < 2 && in_terms {
            return err("contrasts can be applied only to factors with 2 or more levels");
        }
        out.push((label, Value::strings(&lv)));
    }
    Ok(Some(Value::named_list(out)))
}

/// What a fit object needs from streamed chunks besides their least squares: the design's
/// names and terms, factor level counts, omitted rows, the weights' range and log sum.
pub(crate) struct Acc {
    pub(crate) colnames: Vec<String>,
    pub(crate) assign: Vec<usize>,
    facs: Vec<(String, Vec<String>, String)>,
    /// Rows of each factor variable's levels (index 0: NA) among the rows used.
    pub(crate) counts: Vec<Vec<usize>>,
    /// Omitted rows: position among the rows read (after `subset`) and row number.
    pub(crate) omitted: Vec<(i32, String)>,
    rows_seen: usize,
    /// Rows read before the current chunk.
    row0: usize,
    weights_range: (f64, f64),
    sum_log_w: f64,
    /// Which variables are logical (from the first chunk).
    logical: Vec<bool>,
    pub(crate) terms: Option<(crate::stats::terms::Terms, Option<Expr>, Expr, Env)>,
}

impl Acc {
    pub(crate) fn new() -> Acc {
        Acc {
            colnames: vec![],
            assign: vec![],
            facs: vec![],
            counts: vec![],
            omitted: vec![],
            rows_seen: 0,
            row0: 0,
            weights_range: (f64::INFINITY, f64::NEG_INFINITY),
            sum_log_w: 0.0,
            logical: vec![],
            terms: None,
        }
    }

    /// Notes a chunk of `m` rows read and its frame's omitted rows.
    pub(crate) fn rows(&mut self, fr: &Frame, m: usize) {
        for (pos, name) in &fr.omitted {
            let global = name.parse::<usize>().map(|k| k + self.row0).unwrap_or(0);
            self.omitted
                .push((self.rows_seen as i32 + pos, global.to_string()));
        }
        self.rows_seen += fr.rows.len() + fr.omitted.len();
        self.row0 += m;
    }

    /// Checks a chunk's design against the first chunk's (whose names, terms and factors
    /// it keeps) and counts its factor levels.
    pub(crate) fn design(
        &mut self,
        fr: &Frame,
        plan: &DesignPlan,
        vc: &[VarCol],
        facs: Vec<(String, Vec<String>, String)>,
    ) -> EvalResult<()> {
        if self.terms.is_none() {
            self.colnames = plan.colnames.clone();
            self.assign = plan.assign.clone();
            self.facs = facs;
            self.logical = crate::builtins::stats::models::logical_vars(&fr.cols);
            self.terms = Some((
                fr.terms.clone(),
                fr.lhs.clone(),
                fr.rhs.clone(),
                fr.env.clone(),
            ));
        } else if plan.colnames != self.colnames {
            return err("the model matrix differs between chunks of the data");
        }
        count_levels(&mut self.counts, vc);
        Ok(())
    }

    /// Records the weights' range and the sum of their logarithms (for a fit whose rows
    /// this record does not see).
    #[cfg_attr(not(feature = "spark"), allow(dead_code))]
    pub(crate) fn set_weights(&mut self, min: f64, max: f64, sum_log: f64) {
        self.weights_range = (min, max);
        self.sum_log_w = sum_log;
    }

    /// The fit's `contrasts` (when any) and `xlevels`.
    pub(crate) fn contrasts_xlevels(&self) -> Option<(Option<Value>, Value)> {
        let (terms, ..) = self.terms.as_ref()?;
        Some(crate::builtins::stats::models::contrasts_xlevels(
            terms,
            &self.logical,
            &self.facs,
        ))
    }
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

/// A lazy frame's chunks as blocks of rows for the least-squares fit, each chunk's
/// model frame and design built as in memory, and what the fit object needs noted in `acc`.
struct Chunks<'a> {
    it: &'a mut Interp,
    src: &'a StreamSource,
    acc: Acc,
    /// The error that stopped the stream, as it was raised.
    failed: Option<Flow>,
}

impl LsRows for Chunks<'_> {
    fn blocks(&mut self, f: &mut dyn FnMut(Block<'_>) -> Result<(), String>) -> Result<(), String> {
        let Chunks { it, src, acc, .. } = self;
        let r = src.frames(it, |it, fr, m| {
            acc.rows(&fr, m);
            let n = fr.rows.len();
            if n == 0 {
                return Ok(());
            }
            let y = response(&fr)?;
            let offset = frame_offset(&fr, n);
            let sw = root_weights(&fr)?;
            if let Some(w) = &fr.weights {
                for v in w {
                    acc.weights_range = (acc.weights_range.0.min(*v), acc.weights_range.1.max(*v));
                    acc.sum_log_w += v.ln();
                }
            }
            let (vc, facs) = src.var_cols(it, &fr)?;
            let plan = DesignPlan::new(&fr.terms, &vc, n);
            acc.design(&fr, &plan, &vc, facs)?;
            f(Block {
                x: &plan,
                y: &y,
                offset: offset.as_deref(),
                sw: sw.as_deref(),
            })
            .map_err(flow)
        });
        r.map_err(|e| {
            let msg = match &e {
                Flow::Error(x) => x.message.clone(),
                _ => "the pass over the data stopped".into(),
            };
            self.failed = Some(e);
            msg
        })
    }
}

/// Pass two: every chunk's rows fitted as one least squares.
fn pass_fit(it: &mut Interp, sf: &StreamSource) -> EvalResult<(Acc, TallFit)> {
    let mut rows = Chunks {
        it,
        src: sf,
        acc: Acc::new(),
        failed: None,
    };
    match lm_fit::fit(&mut rows, 1e-7, tsqr::threads()) {
        Ok(Some(tf)) => Ok((rows.acc, tf)),
        Ok(None) => err("0 (non-NA) cases"),
        Err(e) => Err(rows.failed.take().unwrap_or_else(|| flow(e))),
    }
}

/// The fit object: R's `lm` components that do not grow with the rows, plus the
/// streaming record (`rsc.stream`) that `summary` and friends read.
pub(crate) fn finish_fit(
    src: StreamSource,
    acc: Acc,
    tf: TallFit,
    call: Expr,
    remote: Option<Box<dyn RemoteResiduals>>,
) -> EvalResult {
    let p = acc.colnames.len();
    let n = tf.nobs;
    if n <= p {
        return err(format!(
            "a streamed fit needs more rows ({}) than coefficients ({})",
            n, p
        ));
    }
    let rank = tf.rank;
    let sf = StreamFit {
        rss: tf.rss,
        nobs: n,
        weighted: acc.weights_range.0 < acc.weights_range.1,
        sum_log_w: acc.sum_log_w,
        src,
        remote,
    };
    let parts = FitParts::new(&tf, &acc);
    let na_action = (!acc.omitted.is_empty())
        .then(|| crate::builtins::stats::models::na_action_value(&acc.omitted, &sf.src.na_action));
    let (Some((contrasts, xlevels)), Some(terms)) = (acc.contrasts_xlevels(), parts.terms) else {
        return err("0 (non-NA) cases");
    };
    let mut fit = LmParts {
        coef: parts.coef,
        resid_fitted: None,
        effects: parts.effects,
        weights: None,
        rank,
        assign: acc.assign.clone(),
        qr: parts.qr,
        df_residual: n - rank,
        na_action,
        offset: None,
        contrasts,
        xlevels,
        call: lang(call),
        terms,
        model: None,
    }
    .value();
    fit.set_attr(Sym::new("class"), Value::str("lm"));
    fit.set_attr(
        Sym::new("rsc.stream"),
        Value::Extern(Rc::new(Extern(Box::new(sf)))),
    );
    Ok(fit)
}

/// A call as a language value.
pub(crate) fn lang(call: Expr) -> Value {
    Value::Lang(Rc::new(Lang {
        expr: Rc::new(call),
        attrs: None,
    }))
}

/// The parts of a streamed fit object that come from its triangular factor.
pub(crate) struct FitParts {
    /// Named coefficients, NA for aliased columns.
    pub(crate) coef: Value,
    /// The leading effects, named as R names them.
    pub(crate) effects: Value,
    /// R's `qr` list over the first `p` rows, marked with the rows it stands for.
    pub(crate) qr: Value,
    /// The `terms` object (None when no chunk had rows).
    pub(crate) terms: Option<Value>,
}

impl FitParts {
    pub(crate) fn new(tf: &TallFit, acc: &Acc) -> FitParts {
        let p = acc.colnames.len();
        let rank = tf.rank;
        let piv = &tf.pivot;
        let coef = crate::builtins::stats::models::lm_blocked::nan_as_na(&tf.coef);
        let mut eff_names: Vec<String> = piv[..rank]
            .iter()
            .map(|&j| acc.colnames[j].clone())
            .collect();
        eff_names.resize(tf.effects_head.len(), String::new());
        let rows: Vec<String> = (1..=p).map(|i| i.to_string()).collect();
        let qr = tall_qr_value(tf, &acc.colnames, &acc.assign, &rows, tf.nobs);
        FitParts {
            coef: named_dbl(coef, &acc.colnames),
            effects: named_dbl(tf.effects_head.clone(), &eff_names),
            qr,
            terms: acc
                .terms
                .as_ref()
                .map(|(terms, lhs, rhs, env)| terms_value(terms, lhs.clone(), rhs.clone(), env)),
        }
    }
}

/// Bins of the residual histogram.
const BINS: usize = 1 << 16;

/// Min, quartiles and max of the (weighted) residuals of the streamed `fit` (its record
/// `sf`), exactly as `quantile(resid)` gives them (see [`stream_quantiles`]).
pub(crate) fn residual_quantiles(
    it: &mut Interp,
    fit: &Value,
    sf: &StreamFit,
) -> EvalResult<Vec<f64>> {
    let coef = coef_of(fit);
    if let Some(r) = &sf.remote {
        return r.quantiles(&coef).or_else(err);
    }
    let rdf = sf
        .nobs
        .saturating_sub(field(fit, "rank").and_then(|v| v.as_i32()).unwrap_or(0) as usize)
        .max(1);
    let sigma = (sf.rss / rdf as f64).sqrt();
    let threads = tsqr::threads();
    stream_quantiles(it, &sf.src, 40.0 * sigma, &|it, fr| {
        let mut y = working_response(fr)?;
        let sw = root_weights(fr)?;
        let (vc, _) = sf.src.var_cols(it, fr)?;
        let plan = DesignPlan::new(&fr.terms, &vc, y.len());
        tsqr::add_lin_pred(&plan, &coef, -1.0, &mut y, threads);
        if let Some(sw) = &sw {
            for (a, w) in y.iter_mut().zip(sw) {
                *a *= w;
            }
        }
        Ok(y)
    })
}

/// A fit's coefficients with NA as NaN.
pub(crate) fn coef_of(fit: &Value) -> Vec<f64> {
    field(fit, "coefficients")
        .map(|c| {
            c.dbl_vec()
                .iter()
                .map(|c| if c.is_nan() { f64::NAN } else { *c })
                .collect()
        })
        .unwrap_or_default()
}

/// Min, quartiles and max of the values `per_chunk` gives for each chunk's (non-empty)
/// model frame, exactly as `quantile()` gives them: one pass counts them in a histogram over
/// `[-half, half)`, a second keeps those in the bins that hold the order statistics needed.
pub(crate) fn stream_quantiles(
    it: &mut Interp,
    src: &StreamSource,
    half: f64,
    per_chunk: &dyn Fn(&mut Interp, &Frame) -> EvalResult<Vec<f64>>,
) -> EvalResult<Vec<f64>> {
    let half = if half > 0.0 && half.is_finite() {
        half
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
    let residuals = |it: &mut Interp, f: &mut dyn FnMut(&[f64])| -> EvalResult<()> {
        src.frames(it, |it, fr, _| {
            if !fr.rows.is_empty() {
                f(&per_chunk(it, &fr)?);
            }
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
