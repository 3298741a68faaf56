//! `glm` over a Spark frame (feature `spark`): R's IRLS ([`crate::stats::irls`]) with one
//! Spark job per evaluation. The job sums the deviance at the point and the weighted cross
//! products of the centred design with the working residuals (`spark::glm_sql`); rsc
//! factors them and solves for the step. After convergence one more job sums what the
//! fit object needs (the Pearson statistic, the null deviance, the AIC's sums). The fit
//! is a streamed glm's object whose deviance residuals' quantiles (`summary`) and nested
//! fits (`anova`) are computed in Spark.

use crate::builtins::stats::models::glm::glm_response;
use crate::builtins::stats::models::glm_streamed::{glm_object, GlmSums, RemoteGlm};
use crate::builtins::stats::models::lm_spark::{spark_design, SparkArgs, SparkDesign};
use crate::builtins::stats::models::lm_streamed::StreamSource;
use crate::builtins::utils::spark::{query_frame, query_row, SparkTbl};
use crate::error::{err, EvalResult, Flow, RError};
use crate::eval::Interp;
use crate::spark::client::Session;
use crate::spark::{glm_sql, sql};
use crate::stats::dist::gamma::lgammafn;
use crate::stats::glm::{AicSums, Control, Family, Kind};
use crate::stats::irls::{irls, At, Eval, IrlsRows, Step};
use crate::stats::lm_fit::{self, TallFit};
use crate::stats::tsqr::RowSource;
use crate::syntax::ast::Expr;
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// The rows of a Spark glm: the design query and what its SQL needs.
struct Model {
    con: Rc<RefCell<Session>>,
    /// The complete rows (`z1..zk`, `y`, `w`).
    d: String,
    /// Means of `z1..zk` over the complete rows (the columns are centred at them).
    means: Vec<f64>,
    fam: Family,
    ctl: Control,
    /// Rows with a prior weight other than 0.
    n_ok: usize,
    /// Rows whose residuals' quartiles are exact (Spark's `percentile`) up to this many.
    exact_rows: f64,
    /// The design's columns but the intercept.
    cols: Vec<String>,
}

/// The first rows' response, prior weights and design (for R's signs of the factor).
struct Head<'a> {
    sd: &'a SparkDesign,
    y: Vec<f64>,
    prior: Vec<f64>,
}

impl Head<'_> {
    /// The first `p` rows of the design weighted by the working weights at `coef` (the
    /// starting means when None).
    fn top(&self, fam: &Family, coef: Option<&[f64]>) -> Vec<f64> {
        let plan = self.sd.plan();
        let m = self.y.len().min(self.sd.p);
        let link = fam.link;
        let mut buf = vec![0.0; plan.ncol()];
        let sw: Vec<f64> = (0..m)
            .map(|i| {
                let eta = match coef {
                    Some(b) => {
                        plan.fill(i, 1, &mut buf);
                        buf.iter()
                            .zip(b)
                            .map(|(x, b)| if b.is_nan() { 0.0 } else { x * b })
                            .sum()
                    }
                    None => {
                        let ms = fam
                            .mustart(&self.y[i..=i], &self.prior[i..=i])
                            .map_or(f64::NAN, |v| v[0]);
                        link.linkfun(ms)
                    }
                };
                let (mu, me) = (link.linkinv(eta), link.mu_eta(eta));
                let w = self.prior[i] * me * me / fam.variance(mu);
                if w.is_finite() && w > 0.0 {
                    w.sqrt()
                } else {
                    0.0
                }
            })
            .chain(std::iter::repeat(0.0))
            .take(self.sd.fr0.rows.len())
            .collect();
        self.sd.top(Some(&sw))
    }
}

/// The point of the current evaluation and its sums.
struct Cur {
    coef: Option<Vec<f64>>,
    sums: Vec<f64>,
}

/// The Spark frame as rows for [`irls`], over some design columns (0: the intercept,
/// `j`: `zj`).
struct Rows<'a> {
    m: &'a Model,
    cols: Vec<usize>,
    head: Option<&'a Head<'a>>,
    cur: Cur,
    /// The point whose working weights the last least squares used.
    wls_at: Option<Option<Vec<f64>>>,
    failed: Option<Flow>,
}

impl Rows<'_> {
    fn new<'a>(m: &'a Model, cols: Vec<usize>, head: Option<&'a Head<'a>>) -> Rows<'a> {
        Rows {
            m,
            cols,
            head,
            cur: Cur {
                coef: None,
                sums: vec![],
            },
            wls_at: None,
            failed: None,
        }
    }

    /// The linear predictor of a point as SQL.
    fn eta(&self, coef: Option<&[f64]>) -> String {
        match coef {
            Some(b) => glm_sql::linear_predictor(&self.cols, b),
            None => glm_sql::linkfun(self.m.fam.link, &glm_sql::mustart(&self.m.fam)),
        }
    }

    /// A Spark query's row, its error kept for the caller.
    fn row(&mut self, q: &str) -> Result<Vec<f64>, String> {
        query_row(&self.m.con, q).map_err(|f| {
            let msg = match &f {
                Flow::Error(e) => e.message.clone(),
                _ => "the Spark job stopped".into(),
            };
            self.failed = Some(f);
            msg
        })
    }
}

impl IrlsRows for Rows<'_> {
    type Fit = TallFit;

    fn eval(&mut self, at: At) -> Result<Eval, String> {
        let coef = match at {
            At::Start => None,
            At::Coef(b) => Some(b.to_vec()),
        };
        let zc: Vec<(usize, f64)> = self
            .cols
            .iter()
            .filter(|&&j| j > 0)
            .map(|&j| (j, self.m.means[j - 1]))
            .collect();
        let q = glm_sql::iteration_query(
            &self.m.fam,
            &self.m.d,
            &self.eta(coef.as_deref()),
            self.cols.contains(&0),
            &zc,
            coef.is_none(),
        );
        let sums = self.row(&q)?;
        let ev = Eval {
            dev: if sums[2] > 0.0 { f64::NAN } else { sums[0] },
            valid: sums[1] == 0.0,
        };
        self.cur = Cur { coef, sums };
        Ok(ev)
    }

    fn wls(&mut self) -> Result<Option<Step<TallFit>>, String> {
        let s = &self.cur.sums;
        let n_inf = s[4];
        if !(n_inf > 0.0) {
            return Ok(None);
        }
        let p = self.cols.len();
        let q = p + 1;
        let intercept = self.cols.contains(&0);
        let g = glm_sql::gram_from(&s[5..], q);
        let mut fix: Vec<f64> = self
            .cols
            .iter()
            .filter(|&&j| j > 0)
            .map(|&j| self.m.means[j - 1])
            .collect();
        fix.push(0.0);
        let raug = sql::factor(&g, q, if intercept { &fix } else { &[] }, intercept, 1e-7);
        let top = match self.head {
            Some(h) if p == h.sd.p => h.top(&self.m.fam, self.cur.coef.as_deref()),
            _ => vec![0.0; p * p],
        };
        let tol = (1e-7f64).min(self.m.ctl.epsilon / 1000.0);
        let mut tf = lm_fit::finish(&raug, n_inf as usize, p, &top, tol);
        if let Some(b) = &self.cur.coef {
            // the solve gave the step from b: coefficients and effects of the working response
            let b0: Vec<f64> = b.iter().map(|v| if v.is_nan() { 0.0 } else { *v }).collect();
            for (c, v) in tf.coef.iter_mut().zip(&b0) {
                *c += v;
            }
            for i in 0..tf.rank.min(tf.effects_head.len()) {
                let add: f64 = (i..tf.rank)
                    .map(|l| tf.qr_top[l * p + i] * b0[tf.pivot[l]])
                    .sum();
                tf.effects_head[i] += add;
            }
        }
        self.wls_at = Some(self.cur.coef.clone());
        Ok(Some(Step {
            coef: tf.coef.clone(),
            pivot: tf.pivot.clone(),
            rank: tf.rank,
            fit: tf,
        }))
    }

    fn mu_at_boundary(&self) -> bool {
        self.cur.sums.get(3).is_some_and(|&b| b > 0.0)
    }
}

/// R's `glm.fit` iterations in Spark; errors of a Spark job come back as they were raised.
fn fit(rows: &mut Rows, start: Option<&[f64]>) -> EvalResult<crate::stats::irls::Irls<TallFit>> {
    let (fam, ctl) = (rows.m.fam, rows.m.ctl);
    match irls(rows, &fam, &ctl, start) {
        Ok(r) => Ok(r),
        Err(e) => Err(rows
            .failed
            .take()
            .unwrap_or_else(|| RError::runtime(e).into())),
    }
}

/// The design columns of `glm`'s plan as [`Rows`] columns.
fn all_cols(intercept: bool, k: usize) -> Vec<usize> {
    (if intercept { 0 } else { 1 }..=k).collect()
}

/// `glm(formula, family, data = <Spark frame>, ...)`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn glm_spark(
    it: &mut Interp,
    tbl: &SparkTbl,
    data: &Value,
    formula: &Value,
    fam: Family,
    ctl: &Control,
    start: Option<Vec<f64>>,
    args: SparkArgs,
    na_action: &str,
    contrasts: Option<Value>,
    env: &crate::value::Env,
    call: Expr,
) -> EvalResult {
    glm_sql::supported(&fam).or_else(err)?;
    let mut sd = spark_design(it, tbl, formula, contrasts.as_ref(), &args, env)?;
    let (p, intercept, k) = (sd.p, sd.intercept, sd.design.len());
    let (weights, subset) = args.sql(tbl)?;
    let rows = sql::design_rows(
        &tbl.from(),
        &sd.design,
        &sd.response,
        weights.as_deref(),
        subset.as_deref(),
    );
    let d = sql::complete_rows(&rows);
    let m = query_row(
        &tbl.con,
        &sql::means_query(&rows, k, &glm_sql::response_checks(&fam)),
    )?;
    let (total, n) = (m[0], m[1]);
    let chk = &m[k + 3..];
    if !(n > 0.0) {
        return err("0 (non-NA) cases");
    }
    if chk[2] > 0.0 {
        return err("negative weights not allowed");
    }
    if chk[0] > 0.0 {
        return err(match fam.kind {
            Kind::Binomial | Kind::QuasiBinomial => "y values must be 0 <= y <= 1",
            Kind::Poisson => "negative values not allowed for the 'Poisson' family",
            Kind::QuasiPoisson => "negative values not allowed for the 'quasiPoisson' family",
            Kind::Gamma => "non-positive values not allowed for the 'Gamma' family",
            _ => "cannot find valid starting values: please specify some",
        });
    }
    if fam.kind == Kind::Binomial && chk[1] > 0.0 {
        it.raise_warning(
            "non-integer #successes in a binomial glm!",
            Some("eval(family$initialize)".into()),
        )?;
    }
    if let Some(s) = &start {
        if s.len() != p {
            return err(format!(
                "length of 'start' should equal {} and correspond to initial coefs",
                p
            ));
        }
    }
    let (sum_wy, sum_w) = (chk[3], chk[4]);
    let model = Model {
        con: tbl.con.clone(),
        d,
        means: m[2..2 + k].to_vec(),
        fam,
        ctl: *ctl,
        n_ok: 0,
        exact_rows: crate::builtins::stats::models::lm_spark::EXACT_QUANTILE_ROWS,
        cols: sd.design.clone(),
    };
    let head = {
        let r = glm_response(&sd.fr0, &fam)?;
        Head {
            sd: &sd,
            y: r.y,
            prior: r.prior,
        }
    };
    let mut rows = Rows::new(&model, all_cols(intercept, k), Some(&head));
    let f = fit(&mut rows, start.as_deref())?;
    for w in &f.warnings {
        it.raise_warning(w, None)?;
    }
    let prev = rows.eta(rows.wls_at.clone().flatten().as_deref());
    let eta = rows.eta(Some(&f.coef));
    drop(rows);
    drop(head);
    let null_mu = if intercept {
        sql::lit(sum_wy / sum_w)
    } else {
        glm_sql::linkinv(fam.link, "0D")
    };
    let s = query_row(
        &tbl.con,
        &glm_sql::final_query(&fam, &model.d, &eta, &prev, &null_mu),
    )?;
    let (dev, nobs, n_ok) = (f.dev, s[3] as usize, s[4] as usize);
    let rank = f.last.rank;
    let aic = aic(tbl, &model, &s, dev, weights.is_some())? + 2.0 * rank as f64;
    let acc = sd.acc((total - n).max(0.0) as usize)?;
    let sums = GlmSums {
        dev,
        aic,
        null_deviance: s[2],
        pearson: s[1],
        iter: f.iter,
        converged: f.converged,
        boundary: f.boundary,
        nobs,
        n_ok,
        intercept,
    };
    let src = StreamSource::new(
        it, formula, data, None, None, None, na_action, contrasts, env,
    );
    let model = Model { n_ok, ..model };
    glm_object(
        it,
        src,
        &acc,
        &f.last.fit,
        fam,
        ctl,
        sums,
        call,
        formula.clone(),
        Some(Box::new(model)),
    )
}

/// The AIC without its `2 * rank` term, from the final query's sums `s` (see
/// `glm_sql::final_query`) and, for binomial with weights and Poisson, the sums over the
/// distinct responses of the terms that do not depend on the fit.
fn aic(tbl: &SparkTbl, m: &Model, s: &[f64], dev: f64, weighted: bool) -> EvalResult<f64> {
    let fam = &m.fam;
    let mut a = AicSums {
        nobs: s[3],
        sum_w: s[5],
        sum_log_w: s[6],
        sum_w_log_y: s[8],
        loglik: s[7],
    };
    let groups = || -> EvalResult<Vec<(f64, f64, f64)>> {
        let v = query_frame(&tbl.con, &glm_sql::response_groups(&m.d))?;
        let c = v.list_vec();
        if c.len() < 3 {
            return Ok(vec![]);
        }
        let (y, w, n) = (c[0].dbl_vec(), c[1].dbl_vec(), c[2].dbl_vec());
        Ok((0..y.len()).map(|i| (y[i], w[i], n[i])).collect())
    };
    match fam.kind {
        Kind::Binomial if weighted => {
            for (y, w, n) in groups()? {
                if w > 0.0 {
                    let (mm, kk) = (w.round(), (w * y).round());
                    a.loglik += n * (lgammafn(mm + 1.0) - lgammafn(kk + 1.0) - lgammafn(mm - kk + 1.0));
                }
            }
        }
        Kind::Poisson => {
            for (y, w, n) in groups()? {
                if y != y.round() {
                    a.loglik = f64::NEG_INFINITY;
                } else {
                    a.loglik -= n * w * lgammafn(y + 1.0);
                }
            }
        }
        Kind::Gamma => {
            // sum w log dgamma(y, shape 1/disp, scale mu disp) from its sums
            let disp = dev / a.sum_w;
            let shape = 1.0 / disp;
            a.loglik = -lgammafn(shape) * a.sum_w - shape * (s[9] + disp.ln() * a.sum_w)
                + (shape - 1.0) * s[8]
                - s[10] / disp;
        }
        _ => {}
    }
    Ok(fam.aic_finish(&a, dev))
}

impl RemoteGlm for Model {
    fn design_sql(&self) -> Option<&[String]> {
        Some(&self.cols)
    }

    fn deviance_quantiles(&self, coef: &[f64]) -> EvalResult<Vec<f64>> {
        let k = self.means.len();
        let intercept = coef.len() == k + 1;
        let rows = Rows::new(self, all_cols(intercept, k), None);
        let r = glm_sql::deviance_residuals(&self.fam, &self.d, &rows.eta(Some(coef)));
        let q = sql::quantile_query(
            &format!("SELECT r FROM ({}) AS rsc_r", r),
            "r",
            (self.n_ok as f64) <= self.exact_rows,
        );
        query_row(&self.con, &q)
    }

    fn nested_fits(
        &self,
        _it: &mut Interp,
        assign: &[usize],
        nt: usize,
    ) -> EvalResult<Vec<(f64, f64)>> {
        let intercept = assign.first() == Some(&0);
        let mut out = Vec::new();
        for t in 1..nt {
            let cols: Vec<usize> = (0..assign.len())
                .filter(|&j| assign[j] <= t)
                .map(|j| if intercept { j } else { j + 1 })
                .collect();
            let mut rows = Rows::new(self, cols, None);
            let f = fit(&mut rows, None)?;
            out.push((f.dev, self.n_ok.saturating_sub(f.last.rank) as f64));
        }
        Ok(out)
    }
}
