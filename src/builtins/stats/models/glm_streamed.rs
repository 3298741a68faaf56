//! `glm` over a lazy frame (`scan_csv`, `scan_parquet`): the rows of the file as a source
//! for the one IRLS ([`crate::stats::irls`]), with one streamed pass over the data per
//! iteration, so a fit runs over files larger than memory.
//!
//! Pass k evaluates the linear predictor of the coefficients from iteration k-1 on each
//! chunk: it sums the deviance (the convergence test of iteration k-1) and folds the
//! weighted least squares of iteration k into one triangular factor (TSQR). So a fit that
//! converges after k iterations reads the data k + 1 times; step halving repeats a pass. The
//! same pass sums what the fit object needs at the end (the Pearson statistic behind the
//! dispersion, the AIC's sums, the null deviance), so nothing per row is kept. With an
//! offset and an intercept the null deviance comes, as in R, from fitting the
//! intercept-only model the same way; a Gamma fit's AIC needs one more pass.

use crate::builtins::stats::models::glm::{glm_response, r_matrix, GlmParts};
use crate::builtins::stats::models::glm_family::{control_of, family_of};
use crate::builtins::stats::models::has_intercept;
use crate::builtins::stats::models::lm_streamed::{
    coef_of, fit_with_levels, lang, Acc, FitParts, StreamSource,
};
use crate::builtins::stats::models::{frame_offset, Frame};
use crate::error::{err, EvalResult, Flow, RError};
use crate::eval::Interp;
use crate::stats::design_plan::DesignPlan;
use crate::stats::glm::{AicSums, Control, Family, Kind};
use crate::stats::irls::{irls, irls_from, At, Eval, Irls, IrlsRows, Step, NULL_FIT_NOT_CONVERGED};
use crate::stats::lm_fit::{Block, Factor, TallFit};
use crate::stats::tsqr::{self, RowSource};
use crate::syntax::ast::Expr;
use crate::syntax::sym::Sym;
use crate::value::fields::field;
use crate::value::{Extern, ExternObj, Value};
use std::rc::Rc;

/// A streamed glm fit's record, kept on the fit as the attribute `rsc.stream`.
pub(crate) struct GlmStream {
    src: StreamSource,
    /// `sum(weights * residuals^2)` over rows with positive working weight: R's estimate
    /// of the dispersion times the residual degrees of freedom.
    pub(crate) pearson: f64,
    /// Rows used.
    pub(crate) nobs: usize,
    /// Rows with a prior weight other than 0 (`nobs(fit)`).
    pub(crate) n_ok: usize,
    /// The term of each design column.
    assign: Vec<usize>,
    /// For a fit made by a remote engine (Spark): what needs its rows, computed there.
    remote: Option<Box<dyn RemoteGlm>>,
}

/// The rows of a glm fit that live in a remote engine: what `summary` and `anova` ask.
pub(crate) trait RemoteGlm {
    /// Min, quartiles and max of the deviance residuals at coefficients `coef`.
    fn deviance_quantiles(&self, coef: &[f64]) -> EvalResult<Vec<f64>>;
    /// Deviance and residual df of the fits with the design columns of terms up to
    /// 1, 2, ..., nt-1 (`assign`: each design column's term).
    fn nested_fits(&self, it: &mut Interp, assign: &[usize], nt: usize) -> EvalResult<Vec<(f64, f64)>>;
    /// The design's columns but the intercept in the engine's language (for `predict`).
    #[cfg_attr(not(feature = "spark"), allow(dead_code))]
    fn design_sql(&self) -> Option<&[String]> {
        None
    }
}

/// A fit's sums and iteration record (besides its factor), for [`glm_object`].
pub(crate) struct GlmSums {
    pub(crate) dev: f64,
    pub(crate) aic: f64,
    pub(crate) null_deviance: f64,
    pub(crate) pearson: f64,
    pub(crate) iter: usize,
    pub(crate) converged: bool,
    pub(crate) boundary: bool,
    /// Rows used, and those with a prior weight other than 0.
    pub(crate) nobs: usize,
    pub(crate) n_ok: usize,
    pub(crate) intercept: bool,
}

impl ExternObj for GlmStream {
    fn class(&self) -> &'static str {
        "glm_stream"
    }
    fn describe(&self) -> String {
        format!("<streamed glm over {} rows>", self.nobs)
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A remote glm fit's record of its engine, if it is one.
#[cfg_attr(not(feature = "spark"), allow(dead_code))]
pub(crate) fn remote_glm(fit: &Value) -> Option<&dyn RemoteGlm> {
    glm_stream_of(fit)?.remote.as_deref()
}

/// The streaming record of a glm fit made by [`glm_stream`], if it is one.
pub(crate) fn glm_stream_of(fit: &Value) -> Option<&GlmStream> {
    match fit.get_attr("rsc.stream")? {
        Value::Extern(x) => x.0.as_any().downcast_ref::<GlmStream>(),
        _ => None,
    }
}

/// Where a pass's linear predictor comes from.
#[derive(Clone, Copy)]
enum Eta<'a> {
    /// The family's starting means.
    Mustart,
    /// `X b + offset` for these coefficients (NaN counts as 0) of the pass's design.
    Coef(&'a [f64]),
    /// `linkfun(linkinv(X b + offset))` with `b` over the full design (the starting values
    /// of the null-deviance fit, which starts from the full fit's means).
    FullFitMu(&'a [f64]),
}

/// What one pass sums.
struct Pass {
    /// What the fit object needs from the rows.
    acc: Acc,
    /// The weighted least squares of the next iteration.
    ls: Factor,
    dev: f64,
    /// Whether every linear predictor and mean is valid for the family.
    valid: bool,
    /// `sum(w^2 r^2)` with the working weights of `prev` and this pass's working residuals.
    pearson: f64,
    aic: AicSums,
    /// Deviance of the null model's means (when they are known).
    null_dev: f64,
    sum_wy: f64,
    /// Rows in the model frames, and those with a zero prior weight.
    nobs: usize,
    zero_w: usize,
    /// Fitted values numerically at the family's boundary.
    boundary_mu: bool,
    warning: Option<&'static str>,
}

impl Pass {
    /// Nothing summed yet.
    fn new() -> Pass {
        Pass {
            acc: Acc::new(),
            ls: Factor::new(tsqr::threads()),
            dev: 0.0,
            valid: true,
            pearson: 0.0,
            aic: AicSums::default(),
            null_dev: 0.0,
            sum_wy: 0.0,
            nobs: 0,
            zero_w: 0,
            boundary_mu: false,
            warning: None,
        }
    }
}

/// The fixed settings of a streamed IRLS.
struct Setup<'a> {
    fam: Family,
    ctl: &'a Control,
    /// The design columns fitted (None: all): the intercept alone for the null model of a
    /// fit with an offset, the first terms for `anova`.
    cols: Option<Vec<usize>>,
    intercept: bool,
    tol: f64,
}

impl<'a> Setup<'a> {
    /// All design columns, R's QR tolerance for `ctl`.
    fn new(fam: Family, ctl: &'a Control, intercept: bool) -> Setup<'a> {
        Setup {
            fam,
            ctl,
            cols: None,
            intercept,
            tol: (1e-7f64).min(ctl.epsilon / 1000.0),
        }
    }
}

/// `X b + offset` over the rows of `x`, aliased coefficients (NaN) counting as 0.
fn linear_predictor(x: &dyn RowSource, n: usize, b: &[f64], off: Option<&[f64]>) -> Vec<f64> {
    let b: Vec<f64> = b
        .iter()
        .map(|v| if v.is_nan() { 0.0 } else { *v })
        .collect();
    let mut e = tsqr::lin_pred(x, n, &b, tsqr::threads());
    for (a, o) in e.iter_mut().zip(off.unwrap_or_default()) {
        *a += o;
    }
    e
}

/// One pass: the linear predictor from `eta_from` on every chunk, the sums at its means,
/// and the weighted least squares those means give. `prev` is where the working weights
/// of the previous pass came from (for the Pearson statistic); `null_mu` the null model's
/// mean when known.
fn pass(
    it: &mut Interp,
    src: &StreamSource,
    set: &Setup,
    eta_from: Eta,
    prev: Option<Eta>,
    null_mu: Option<f64>,
) -> EvalResult<Pass> {
    let fam = set.fam;
    let link = fam.link;
    let mut out = Pass::new();
    src.frames(it, |it, fr, m| {
        out.acc.rows(&fr, m);
        let n = fr.rows.len();
        if n == 0 {
            return Ok(());
        }
        let r = glm_response(&fr, &fam)?;
        out.warning = out.warning.or(r.warning);
        let (y, wt) = (&r.y, &r.prior);
        let off = frame_offset(&fr, n).unwrap_or_else(|| vec![0.0; n]);
        let (vc, facs) = src.var_cols(it, &fr)?;
        let plan = DesignPlan::new(&fr.terms, &vc, n);
        out.acc.design(&fr, &plan, &vc, facs)?;
        let sub = set.cols.as_ref().map(|cols| Columns { src: &plan, cols });
        let x: &dyn RowSource = match &sub {
            Some(c) => c,
            None => &plan,
        };
        let eta_of = |from: Eta| -> EvalResult<Vec<f64>> {
            Ok(match from {
                Eta::Mustart => match fam.mustart(y, wt) {
                    Ok(m) => m.iter().map(|&v| link.linkfun(v)).collect(),
                    Err(e) => return err(e),
                },
                Eta::Coef(b) => linear_predictor(x, n, b, Some(&off)),
                Eta::FullFitMu(b) => linear_predictor(&plan, n, b, Some(&off))
                    .iter()
                    .map(|&e| link.linkfun(link.linkinv(e)))
                    .collect(),
            })
        };
        if let Eta::Coef(b) = eta_from {
            if b.len() != x.ncol() {
                return err(format!(
                    "length of 'start' should equal {} and correspond to initial coefs",
                    x.ncol()
                ));
            }
        }
        let eta = eta_of(eta_from)?;
        let mu: Vec<f64> = eta.iter().map(|&e| link.linkinv(e)).collect();
        out.valid &= fam.valid_mu(&mu) && link.valid_eta(&eta);
        out.dev += fam.deviance(y, &mu, wt);
        out.boundary_mu |= fam.mu_at_boundary(&mu);
        fam.aic_add(&mut out.aic, y, &r.ntrials, &mu, wt, f64::NAN);
        out.sum_wy += y.iter().zip(wt).map(|(a, b)| a * b).sum::<f64>();
        out.nobs += n;
        out.zero_w += wt.iter().filter(|&&w| w == 0.0).count();
        for i in 0..n {
            let m = match null_mu {
                Some(m) if set.intercept => m,
                _ => link.linkinv(off[i]),
            };
            out.null_dev += fam.dev_resid(y[i], m, wt[i]);
        }
        // the working weights of the previous pass with this pass's working residuals
        if let Some(p) = prev {
            let eta_p = eta_of(p)?;
            for i in 0..n {
                let me_p = link.mu_eta(eta_p[i]);
                let mu_p = link.linkinv(eta_p[i]);
                if wt[i] > 0.0 && me_p != 0.0 {
                    let w2 = wt[i] * me_p * me_p / fam.variance(mu_p);
                    let res = (y[i] - mu[i]) / link.mu_eta(eta[i]);
                    if w2 > 0.0 {
                        out.pearson += w2 * res * res;
                    }
                }
            }
        }
        // this pass's weighted least squares (rows with no information take no part)
        let mut z = vec![0.0; n];
        let mut w = vec![0.0; n];
        for i in 0..n {
            let me = link.mu_eta(eta[i]);
            if wt[i] > 0.0 && fam.variance(mu[i]) == 0.0 {
                return err("0s in V(mu)");
            }
            if wt[i] > 0.0 && me != 0.0 {
                w[i] = (wt[i] * me * me / fam.variance(mu[i])).sqrt();
                z[i] = (eta[i] - off[i]) + (y[i] - mu[i]) / me;
            }
        }
        out.ls
            .add(Block {
                x,
                y: &z,
                offset: None,
                sw: Some(&w),
            })
            .map_err(|e| RError::runtime(e).into())
    })?;
    if out.nobs == 0 {
        return err("0 (non-NA) cases");
    }
    Ok(out)
}

/// A point the streamed model is evaluated at, owned.
#[derive(Clone)]
enum Point {
    /// The source's starting point (its `start` linear predictor).
    Start,
    /// Coefficients.
    Coef(Vec<f64>),
}

/// The linear predictor of `p`, given what the starting point means.
fn eta_at<'x>(start: Eta<'x>, p: &'x Point) -> Eta<'x> {
    match p {
        Point::Start => start,
        Point::Coef(b) => Eta::Coef(b),
    }
}

/// A streamed weighted least squares: the folded factor and what the fit object reads
/// from the rows, and its finished fit.
struct TallStep {
    acc: Acc,
    tf: TallFit,
}

/// A lazy frame as rows for [`irls`]: each evaluation is one [`pass`], which also folds
/// the weighted least squares at its point.
struct Streamed<'a, 's> {
    it: &'a mut Interp,
    src: &'a StreamSource,
    set: &'a Setup<'s>,
    /// The linear predictor of the starting point.
    start: Eta<'a>,
    /// The pass at the current point, and that point.
    cur: Pass,
    cur_at: Point,
    /// Where the working weights of the last weighted least squares came from (the
    /// Pearson statistic of later passes uses them).
    wls_at: Option<Point>,
    /// The null model's mean (known after the first pass).
    null_mu: Option<f64>,
    /// The error that stopped a pass, as it was raised.
    failed: Option<Flow>,
}

impl IrlsRows for Streamed<'_, '_> {
    type Fit = TallStep;

    fn eval(&mut self, at: At) -> Result<Eval, String> {
        let point = match at {
            At::Start => Point::Start,
            At::Coef(b) => Point::Coef(b.to_vec()),
        };
        let from = eta_at(self.start, &point);
        let prev = self.wls_at.as_ref().map(|p| eta_at(self.start, p));
        let p = match pass(self.it, self.src, self.set, from, prev, self.null_mu) {
            Ok(p) => p,
            Err(f) => {
                let msg = match &f {
                    Flow::Error(e) => e.message.clone(),
                    _ => "the pass over the data stopped".into(),
                };
                self.failed = Some(f);
                return Err(msg);
            }
        };
        self.null_mu = self.null_mu.or(Some(p.sum_wy / p.aic.sum_w));
        let ev = Eval {
            dev: p.dev,
            valid: p.valid,
        };
        self.cur = p;
        self.cur_at = point;
        Ok(ev)
    }

    fn wls(&mut self) -> Result<Option<Step<TallStep>>, String> {
        let acc = std::mem::replace(&mut self.cur.acc, Acc::new());
        let Some(tf) = self.cur.ls.solve(self.set.tol) else {
            return Ok(None);
        };
        self.wls_at = Some(self.cur_at.clone());
        Ok(Some(Step {
            coef: tf.coef.clone(),
            pivot: tf.pivot.clone(),
            rank: tf.rank,
            fit: TallStep { acc, tf },
        }))
    }

    fn mu_at_boundary(&self) -> bool {
        self.cur.boundary_mu
    }
}

/// R's `glm.fit` iterations over the streamed rows, from `start` (coefficients) or the
/// starting point `from_start`; `first`, when given, is the pass already made there.
/// Returns the fit and the pass at its final coefficients.
fn fit_stream(
    it: &mut Interp,
    src: &StreamSource,
    set: &Setup,
    from_start: Eta,
    start: Option<&[f64]>,
    first: Option<Pass>,
) -> EvalResult<(Irls<TallStep>, Pass)> {
    let cur_at = start.map_or(Point::Start, |s| Point::Coef(s.to_vec()));
    let mut rows = Streamed {
        it,
        src,
        set,
        start: from_start,
        cur: Pass::new(),
        cur_at,
        wls_at: None,
        null_mu: None,
        failed: None,
    };
    let r = match first {
        Some(p) => {
            let ev = Eval {
                dev: p.dev,
                valid: p.valid,
            };
            rows.null_mu = Some(p.sum_wy / p.aic.sum_w);
            rows.cur = p;
            irls_from(&mut rows, &set.fam, set.ctl, start, ev)
        }
        None => irls(&mut rows, &set.fam, set.ctl, start),
    };
    match r {
        Ok(r) => Ok((r, rows.cur)),
        Err(e) => Err(rows
            .failed
            .take()
            .unwrap_or_else(|| RError::runtime(e).into())),
    }
}

/// `glm(formula, family, data = <lazy frame>, weights, subset, na.action, start, offset,
/// control, contrasts)`.
pub(crate) fn glm_stream(
    it: &mut Interp,
    mut src: StreamSource,
    fam: Family,
    ctl: &Control,
    start: Option<Vec<f64>>,
    call: Expr,
    formula: Value,
) -> EvalResult {
    let fr0 = src.head_frame(it)?;
    let mut set = Setup::new(fam, ctl, fr0.terms.intercept);
    let first_from = match &start {
        Some(s) => Eta::Coef(s),
        None => Eta::Mustart,
    };
    let mut first = fit_with_levels(it, &mut src, &fr0, |it, src| {
        pass(it, src, &set, first_from, None, None)
    })?;
    if src.drop_unused_levels(&first.acc.counts) {
        first = pass(it, &src, &set, first_from, None, None)?;
    }
    let (fit, last) = fit_stream(it, &src, &set, Eta::Mustart, start.as_deref(), Some(first))?;
    for w in &fit.warnings {
        it.raise_warning(w, None)?;
    }
    if let Some(w) = last.warning {
        it.raise_warning(w, Some("eval(family$initialize)".into()))?;
    }
    let TallStep { acc, tf } = &fit.last.fit;
    let rank = tf.rank;
    let n_ok = last.nobs - last.zero_w;
    let dev = last.dev;
    let mut aic_sums = last.aic;
    if fam.kind == Kind::Gamma {
        // Gamma's likelihood needs the dispersion, known only now
        let disp = dev / aic_sums.sum_w;
        aic_sums = AicSums::default();
        src.frames(it, |it, fr, _| {
            if let Some((y, nt, mu, wt)) = means(it, &src, &fr, &fam, &fit.coef)? {
                fam.aic_add(&mut aic_sums, &y, &nt, &mu, &wt, disp);
            }
            Ok(())
        })?;
    }
    let aic = fam.aic_finish(&aic_sums, dev) + 2.0 * rank as f64;
    let has_offset = !fr0.terms.offsets.is_empty() || fr0.offset.is_some();
    let null_deviance = if has_offset && set.intercept {
        set.cols = Some(cols_upto(&acc.assign, 0));
        let from = Eta::FullFitMu(&fit.coef);
        let (f0, last0) = fit_stream(it, &src, &set, from, None, None)?;
        if !f0.converged {
            it.raise_warning(NULL_FIT_NOT_CONVERGED, Some("glm(...)".into()))?;
        }
        last0.dev
    } else {
        last.null_dev
    };
    let sums = GlmSums {
        dev,
        aic,
        null_deviance,
        pearson: last.pearson,
        iter: fit.iter,
        converged: fit.converged,
        boundary: fit.boundary,
        nobs: last.nobs,
        n_ok,
        intercept: set.intercept,
    };
    glm_object(it, src, acc, tf, fam, ctl, sums, call, formula, None)
}

/// A streamed or remote glm's fit object: R's components that do not grow with the rows,
/// and the record (`rsc.stream`) its methods read.
#[allow(clippy::too_many_arguments)]
pub(crate) fn glm_object(
    it: &mut Interp,
    src: StreamSource,
    acc: &Acc,
    tf: &TallFit,
    fam: Family,
    ctl: &Control,
    s: GlmSums,
    call: Expr,
    formula: Value,
    remote: Option<Box<dyn RemoteGlm>>,
) -> EvalResult {
    let rank = tf.rank;
    let p = acc.colnames.len();
    let parts = FitParts::new(tf, acc);
    let piv = &tf.pivot;
    let xx: Vec<String> = piv.iter().map(|&j| acc.colnames[j].clone()).collect();
    let (Some((contrasts, xlevels)), Some(terms)) = (acc.contrasts_xlevels(), parts.terms) else {
        return err("0 (non-NA) cases");
    };
    let mut items = GlmParts {
        coef: parts.coef,
        effects: parts.effects,
        r: r_matrix(&tf.qr_top, p, p, &xx),
        rank,
        qr: parts.qr,
        family: fam,
        deviance: s.dev,
        aic: s.aic,
        null_deviance: s.null_deviance,
        iter: s.iter,
        df_residual: s.n_ok.saturating_sub(rank),
        df_null: s.n_ok.saturating_sub(s.intercept as usize),
        converged: s.converged,
        boundary: s.boundary,
        rows: None,
        na_action: (!acc.omitted.is_empty()).then(|| {
            crate::builtins::stats::models::na_action_value(&acc.omitted, src.na_action())
        }),
        call: lang(call),
        formula,
        terms,
        control: *ctl,
        contrasts,
        xlevels,
    }
    .items();
    super::glm_family::complete_family(it, &mut items)?;
    let rec = GlmStream {
        src,
        pearson: s.pearson,
        nobs: s.nobs,
        n_ok: s.n_ok,
        assign: acc.assign.clone(),
        remote,
    };
    let mut out = Value::named_list(items);
    out.set_attr(Sym::new("class"), Value::strings(&["glm", "lm"]));
    out.set_attr(
        Sym::new("rsc.stream"),
        Value::Extern(Rc::new(Extern(Box::new(rec)))),
    );
    Ok(out)
}

/// A chunk's response, trials, fitted means at `coef` and prior weights (None without rows).
#[allow(clippy::type_complexity)]
fn means(
    it: &mut Interp,
    src: &StreamSource,
    fr: &Frame,
    fam: &Family,
    coef: &[f64],
) -> EvalResult<Option<(Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>)>> {
    let n = fr.rows.len();
    if n == 0 {
        return Ok(None);
    }
    let r = glm_response(fr, fam)?;
    let (vc, _) = src.var_cols(it, fr)?;
    let plan = DesignPlan::new(&fr.terms, &vc, n);
    let eta = linear_predictor(&plan, n, coef, frame_offset(fr, n).as_deref());
    let mu = eta.iter().map(|&e| fam.link.linkinv(e)).collect();
    Ok(Some((r.y, r.ntrials, mu, r.prior)))
}

/// Min, quartiles and max of a streamed glm's deviance residuals, as `summary` prints them.
pub(crate) fn deviance_quantiles(it: &mut Interp, fit: &Value) -> EvalResult<Vec<f64>> {
    let Some(g) = glm_stream_of(fit) else {
        return err("not a streamed fit");
    };
    if let Some(r) = &g.remote {
        return r.deviance_quantiles(&coef_of(fit));
    }
    let rdf = field(fit, "df.residual")
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let dev = field(fit, "deviance")
        .and_then(|v| v.as_f64())
        .unwrap_or(1.0);
    let half = 40.0 * (dev / g.nobs.max(1) as f64).sqrt();
    let (fam, coef) = (family_of(fit)?, coef_of(fit));
    crate::builtins::stats::models::lm_streamed::stream_quantiles(it, &g.src, half, &|it, fr| {
        let Some((y, _, mu, wt)) = means(it, &g.src, fr, &fam, &coef)? else {
            return Ok(vec![]);
        };
        Ok((0..y.len())
            .map(|i| {
                if rdf <= 0.0 {
                    return 0.0;
                }
                let d = fam.dev_resid(y[i], mu[i], wt[i]).max(0.0).sqrt();
                if y[i] > mu[i] {
                    d
                } else {
                    -d
                }
            })
            .collect())
    })
}

/// The design columns of terms up to `k` (0: the intercept).
fn cols_upto(assign: &[usize], k: usize) -> Vec<usize> {
    (0..assign.len()).filter(|&j| assign[j] <= k).collect()
}

/// Some columns of a design.
struct Columns<'a> {
    src: &'a dyn RowSource,
    cols: &'a [usize],
}

impl RowSource for Columns<'_> {
    fn ncol(&self) -> usize {
        self.cols.len()
    }
    fn fill(&self, i0: usize, m: usize, out: &mut [f64]) {
        let mut all = vec![0.0; m * self.src.ncol()];
        self.src.fill(i0, m, &mut all);
        for (k, &j) in self.cols.iter().enumerate() {
            out[k * m..(k + 1) * m].copy_from_slice(&all[j * m..(j + 1) * m]);
        }
    }
}

/// Deviance and residual df of the streamed fits with the first 1, 2, ..., nt-1 terms of
/// `fit` (for its sequential analysis of deviance).
pub(crate) fn nested_fits(it: &mut Interp, fit: &Value, nt: usize) -> EvalResult<Vec<(f64, f64)>> {
    let Some(g) = glm_stream_of(fit) else {
        return err("not a streamed fit");
    };
    if let Some(r) = &g.remote {
        return r.nested_fits(it, &g.assign, nt);
    }
    let (fam, ctl, intercept) = (family_of(fit)?, control_of(fit), has_intercept(fit));
    let mut out = Vec::new();
    for k in 1..nt {
        let mut set = Setup::new(fam, &ctl, intercept);
        set.cols = Some(cols_upto(&g.assign, k));
        let (f, last) = fit_stream(it, &g.src, &set, Eta::Mustart, None, None)?;
        let n_ok = last.nobs - last.zero_w;
        out.push((last.dev, (n_ok - f.last.rank) as f64));
    }
    Ok(out)
}
