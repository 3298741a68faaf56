//! `lm` over a Spark frame (feature `spark`): the model frame's terms become Spark SQL
//! (`spark::sql`), Spark returns the row counts and the sums of cross products of the
//! design (shifted by its first rows' means, then centred exactly) in one aggregate
//! query, rsc solves them with its own least-squares kernel and, unless that solve is
//! already good to 1e-12, refines the coefficients once with `X'r` computed in Spark.
//! The fit object is a streamed lm's (`lm_streamed::finish_fit`), so `summary`, `anova`,
//! `vcov`, `confint`, `predict` on local data, `AIC`/`BIC`/`logLik` work as on any lm;
//! `summary`'s residual quantiles are computed in Spark.
//!
//! The design (shared with `glm_spark`): numeric columns and arithmetic, `I()`, `log()`,
//! `exp()`, `sqrt()` of them; character and logical columns as factors (levels found by a
//! query), their interactions and any contrasts, each design column the product of the
//! plan's pieces as SQL; `weights` and `subset` as SQL. No offset or `poly()` yet.

use crate::builtins::stats::models::lm_streamed::{finish_fit, Acc, RemoteResiduals, StreamSource};
use crate::builtins::stats::models::{model_frame_full, var_cols};
use crate::builtins::utils::spark::{query_row, SparkTbl};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::spark::sql;
use crate::stats::design::VarCol;
use crate::stats::design_plan::{DesignPlan, PieceView};
use crate::stats::lm_fit;
use crate::stats::tsqr::RowSource;
use crate::syntax::ast::Expr;
use crate::syntax::ast::ExprKind;
use crate::value::Data;
use crate::value::{Env, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// Rows of the remote frame whose model frame tells the design's columns and names.
const HEAD_ROWS: usize = 1000;
/// Up to this many rows the residual quartiles are exact (Spark's `percentile`).
pub(crate) const EXACT_QUANTILE_ROWS: f64 = 1e6;

/// How many standard deviations the first rows' means may be from the data's before a fit
/// sums the cross products again at the data's means (see `spark::sql::recentre`).
const FAR_SHIFT: f64 = 4.0;

/// The numbers of a one-row query result.
fn row(tbl: &SparkTbl, q: &str) -> EvalResult<Vec<f64>> {
    query_row(&tbl.con, q)
}

/// A Spark fit's residual quantiles, computed in Spark.
struct SparkResiduals {
    con: Rc<RefCell<crate::spark::client::Session>>,
    /// The design's columns but the intercept.
    cols: Vec<String>,
    design: String,
    intercept: bool,
    n: f64,
}

impl RemoteResiduals for SparkResiduals {
    fn design_sql(&self) -> Option<&[String]> {
        Some(&self.cols)
    }

    fn quantiles(&self, coef: &[f64]) -> Result<Vec<f64>, String> {
        let q = sql::quantile_query(
            &self.design,
            &sql::resid_sql(coef, self.intercept),
            self.n <= EXACT_QUANTILE_ROWS,
        );
        let cancel = || crate::eval::INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst);
        let v = self
            .con
            .borrow_mut()
            .query(&q, &cancel)
            .map_err(|e| e.to_string())?
            .into_frame();
        Ok(v.list_vec()
            .iter()
            .map(|c| c.as_f64().unwrap_or(f64::NAN))
            .collect())
    }
}

/// A model's `weights`, `subset` and `offset` arguments (expressions of the frame's
/// columns, computed in Spark).
pub(crate) struct SparkArgs {
    pub(crate) weights: Option<Expr>,
    pub(crate) subset: Option<Expr>,
    pub(crate) offset: Option<Expr>,
}

impl SparkArgs {
    /// The weights and the subset as Spark SQL over `tbl`'s columns.
    pub(crate) fn sql(&self, tbl: &SparkTbl) -> EvalResult<(Option<String>, Option<String>)> {
        if self.offset.is_some() {
            return err("'offset' is not supported for a Spark frame yet");
        }
        let cols = &tbl.schema.names;
        let w = self
            .weights
            .as_ref()
            .map(|e| sql::expr_sql(e, cols))
            .transpose()
            .or_else(err)?;
        let s = self
            .subset
            .as_ref()
            .map(|e| sql::cond_sql(e, cols))
            .transpose()
            .or_else(err)?;
        Ok((w, s))
    }
}

/// A model's design as Spark SQL, with the local model frame of the frame's first rows
/// that tells its columns, names and factors.
pub(crate) struct SparkDesign {
    /// The model frame of the first rows.
    pub(crate) fr0: crate::builtins::stats::models::Frame,
    pub(crate) vc: Vec<VarCol>,
    pub(crate) facs: Vec<(String, Vec<String>, String)>,
    /// One SQL expression per design column but the intercept.
    pub(crate) design: Vec<String>,
    /// The response as SQL.
    pub(crate) response: String,
    pub(crate) intercept: bool,
    /// Design columns, the intercept included.
    pub(crate) p: usize,
}

impl SparkDesign {
    /// The design plan of the first rows' model frame.
    pub(crate) fn plan(&self) -> DesignPlan<'_> {
        DesignPlan::new(&self.fr0.terms, &self.vc, self.fr0.rows.len())
    }

    /// The first `p` rows of the design, column-major `p x p` (for R's signs of the
    /// factor, see `lm_fit::replay_top`), each row scaled by `sw` when given.
    pub(crate) fn top(&self, sw: Option<&[f64]>) -> Vec<f64> {
        let (p, plan) = (self.p, self.plan());
        let mut top = vec![0.0; p * p];
        let mut buf = vec![0.0; p];
        for i in 0..self.fr0.rows.len().min(p) {
            plan.fill(i, 1, &mut buf);
            let w = sw.map_or(1.0, |s| s[i]);
            for j in 0..p {
                top[j * p + i] = buf[j] * w;
            }
        }
        top
    }

    /// The means over the first rows of the `k` design columns but the intercept, then of
    /// the response: a shift near the data's means for the sums of a fit's first pass.
    pub(crate) fn first_means(&self, k: usize) -> Vec<f64> {
        let (p, plan, rows) = (self.p, self.plan(), self.fr0.rows.len());
        let off = p - k;
        let mut sum = vec![0.0; k + 1];
        let mut buf = vec![0.0; p];
        for i in 0..rows {
            plan.fill(i, 1, &mut buf);
            for j in 0..k {
                sum[j] += buf[j + off];
            }
        }
        let y = self.fr0.cols.first().map(|c| c.dbl_vec()).unwrap_or_default();
        sum[k] = y.iter().take(rows).sum();
        let mut m: Vec<f64> = sum.iter().map(|v| v / rows.max(1) as f64).collect();
        for v in &mut m {
            if !v.is_finite() {
                *v = 0.0;
            }
        }
        m
    }

    /// What a fit object needs of the design (names, terms, factors), with `omitted` rows.
    pub(crate) fn acc(&mut self, omitted: usize) -> EvalResult<Acc> {
        let mut acc = Acc::new();
        let facs = std::mem::take(&mut self.facs);
        acc.design(&self.fr0, &self.plan(), &self.vc, facs)?;
        // rows left out for missing values: their count (a Spark frame's rows have no numbers)
        acc.omitted = vec![(crate::value::NA_INT, "NA".to_string()); omitted];
        Ok(acc)
    }
}

/// A factor's value by level as SQL: `value(l)` for its `l`-th (0-based) level, NULL
/// for a missing value; `key` is the column (quoted), compared as a string or a logical.
fn level_case(key: &str, logical: bool, levels: &[String], value: impl Fn(usize) -> String) -> String {
    let arms: Vec<String> = levels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let lv = if logical {
                if l == "TRUE" { "TRUE".to_string() } else { "FALSE".to_string() }
            } else {
                sql::string_lit(l)
            };
            let k = if logical { key.to_string() } else { format!("CAST({} AS STRING)", key) };
            format!("WHEN {} = {} THEN {}", k, lv, value(i))
        })
        .collect();
    format!("(CASE {} ELSE CAST(NULL AS DOUBLE) END)", arms.join(" "))
}

/// The design of `formula` over the Spark frame `tbl` as SQL: the formula's variables
/// translated, character columns as factors with levels from a query.
pub(crate) fn spark_design(
    it: &mut Interp,
    tbl: &SparkTbl,
    formula: &Value,
    contrasts: Option<&Value>,
    args: &SparkArgs,
    env: &Env,
) -> EvalResult<SparkDesign> {
    let head = tbl.first_rows(HEAD_ROWS).or_else(err)?;
    // the first rows' frame, with their weights and subset as R computes them
    let fr0 = model_frame_full(
        it,
        formula,
        Some(&head),
        args.subset.as_ref().map(|e| (e, env)),
        args.weights.as_ref().map(|e| (e, env)),
        None,
        "na.omit",
        true,
    )?;
    if !fr0.terms.response {
        return err("formula needs a response");
    }
    if !fr0.terms.offsets.is_empty() {
        return err("offset() terms are not supported for a Spark frame yet");
    }
    // character and logical columns are factors: their levels, sorted as R sorts them,
    // from Spark
    let mut xlev: Vec<(String, Value)> = Vec::new();
    // the SQL key a factor's levels are compared with, and whether it is logical
    let mut factor_col: Vec<Option<(String, bool)>> = vec![None; fr0.cols.len()];
    let mut levels: Vec<Vec<String>> = vec![vec![]; fr0.cols.len()];
    for i in 1..fr0.cols.len() {
        let c = &fr0.cols[i];
        let logical = matches!(c.data(), Some(Data::Lgl(_)));
        if !(c.is_factor() || logical || matches!(c.data(), Some(Data::Str(_)))) {
            continue;
        }
        let label = fr0.terms.var_labels[i].clone();
        let col = match &fr0.terms.variables[i].kind {
            ExprKind::Ident(s) if !c.is_factor() => s.as_str().to_string(),
            _ => {
                return err(format!(
                    "'{}': only character and logical columns can be factors in a Spark fit yet",
                    label
                ))
            }
        };
        let q = format!(
            "SELECT DISTINCT CAST({c} AS STRING) AS l FROM {} WHERE {c} IS NOT NULL",
            tbl.from(),
            c = sql::quote(&col)
        );
        let v = tbl.run(&q).or_else(err)?;
        let mut lv: Vec<String> = v
            .list_vec()
            .first()
            .map(|x| {
                x.str_vec()
                    .iter()
                    .filter_map(|s| s.as_deref().map(|s| if logical { s.to_uppercase() } else { s.to_string() }))
                    .collect()
            })
            .unwrap_or_default();
        lv.sort_by(|a, b| crate::value::collate::collate(a, b));
        if lv.len() > 1000 {
            return err(format!(
                "'{}' has {} levels: too many for a Spark fit",
                label,
                lv.len()
            ));
        }
        xlev.push((label, Value::strings(&lv)));
        levels[i] = lv;
        factor_col[i] = Some((sql::quote(&col), logical));
    }
    let xlev_v = (!xlev.is_empty()).then(|| Value::named_list(xlev.clone()));
    let (vc, facs) = var_cols(it, &fr0.terms, &fr0.cols, contrasts, xlev_v.as_ref())?;
    for (i, v) in vc.iter().enumerate() {
        if let VarCol::Numeric { ncol, .. } = v {
            if *ncol != 1 {
                return err(format!(
                    "'{}' is a matrix: matrix terms are not supported for a Spark frame yet",
                    fr0.terms.var_labels[i]
                ));
            }
        }
    }
    let plan = DesignPlan::new(&fr0.terms, &vc, fr0.rows.len());
    let p = plan.colnames.len();
    let intercept = fr0.terms.intercept;
    let var_sql: Vec<String> = fr0
        .terms
        .variables
        .iter()
        .enumerate()
        .map(|(i, e)| match factor_col[i] {
            Some(_) => Ok(String::new()),
            None => sql::expr_sql(e, &tbl.schema.names),
        })
        .collect::<Result<_, _>>()
        .or_else(err)?;
    // each design column (but the intercept) is the product of its pieces: numeric
    // variables, and a factor's contrast column or level indicator as a CASE over its levels
    let mut design: Vec<String> = Vec::new();
    for j in 0..p {
        let pieces = plan.pieces(j);
        if pieces.is_empty() {
            continue;
        }
        let mut prod: Vec<String> = Vec::new();
        for &(v, pv) in pieces {
            prod.push(match (pv, &factor_col[v]) {
                (PieceView::Num(_), None) => var_sql[v].clone(),
                (PieceView::Con(vals), Some((key, logical))) => {
                    level_case(key, *logical, &levels[v], |l| sql::lit(vals[l]))
                }
                (PieceView::Ind(l), Some((key, logical))) => {
                    level_case(key, *logical, &levels[v], |i| {
                        if i + 1 == l as usize { "1D" } else { "0D" }.to_string()
                    })
                }
                _ => return err("this model's design cannot be computed in Spark yet"),
            });
        }
        design.push(prod.join(" * "));
    }
    drop(plan);
    Ok(SparkDesign {
        response: var_sql[0].clone(),
        fr0,
        vc,
        facs,
        design,
        intercept,
        p,
    })
}

/// `lm(formula, data = <Spark frame>)`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn lm_spark(
    it: &mut Interp,
    tbl: &SparkTbl,
    data: &Value,
    formula: &Value,
    args: SparkArgs,
    na_action: &str,
    contrasts: Option<Value>,
    env: &Env,
    call: Expr,
) -> EvalResult {
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
    let extra = [
        "CAST(count_if(rsc_ok AND w < 0D) AS DOUBLE)".to_string(),
        "CAST(count_if(rsc_ok AND w > 0D) AS DOUBLE)".into(),
        "sum(IF(rsc_ok, w, 0D))".into(),
        "min(IF(rsc_ok, w, NULL))".into(),
        "max(IF(rsc_ok, w, NULL))".into(),
        "sum(IF(rsc_ok AND w > 0D, LN(w), 0D))".into(),
    ];
    // one pass: counts, weights and the Gram matrix at a shift near the means
    let shift = if intercept { sd.first_means(k) } else { vec![0.0; k + 1] };
    let m = row(tbl, &sql::shifted_gram_query(&rows, k, &shift, &extra))?;
    let (total, n) = (m[0], m[1]);
    let nsums = (k + 1) + (k + 1) * (k + 2) / 2;
    let sums = &m[2..2 + nsums];
    let wsum = &m[2 + nsums..];
    if wsum[0] > 0.0 {
        return err("missing or negative weights not allowed");
    }
    let (n_pos, sum_w) = (wsum[1], wsum[2]);
    if !(n > 0.0) || !(n_pos > 0.0) {
        return err("0 (non-NA) cases");
    }
    if n_pos <= p as f64 {
        return err(format!(
            "a Spark fit needs more rows ({}) than coefficients ({})",
            n_pos, p
        ));
    }
    let q = p + 1;
    let mut g = sql::gram(sum_w, k, sums, intercept);
    let means: Vec<f64> = if intercept {
        let (off, close) = sql::recentre(&mut g, q, FAR_SHIFT);
        let means: Vec<f64> = shift.iter().zip(&off).map(|(s, o)| s + o).collect();
        if !close {
            let sums = row(tbl, &sql::gram_query(&d, k, &means))?;
            g = sql::gram(sum_w, k, &sums, true);
        }
        means
    } else {
        vec![0.0; k + 1]
    };
    let kappa = sql::condition_number(&g, q, intercept);
    warn_conditioning(it, kappa)?;
    let raug = sql::factor(&g, q, if intercept { &means } else { &[] }, intercept, 1e-7);
    let sw: Option<Vec<f64>> = sd.fr0.weights.as_ref().map(|w| w.iter().map(|v| v.max(0.0).sqrt()).collect());
    let mut tf = lm_fit::finish(&raug, n_pos as usize, p, &sd.top(sw.as_deref()), 1e-7);
    // the response's sum of squares about its mean (about zero without an intercept)
    let tss = g[q * q - 1];
    if tf.rank == p && needs_refinement(kappa, tss, tf.rss) {
        refine(tbl, &d, k, &means, intercept, &raug, q, &mut tf)?;
    }
    let mut acc = sd.acc((total - n).max(0.0) as usize)?;
    if weights.is_some() {
        acc.set_weights(wsum[3], wsum[4], wsum[5]);
    }
    let src = StreamSource::new(
        it, formula, data, None, None, None, na_action, contrasts, env,
    );
    let remote = SparkResiduals {
        con: tbl.con.clone(),
        cols: std::mem::take(&mut sd.design),
        design: d,
        intercept,
        n: n_pos,
    };
    finish_fit(src, acc, tf, call, Some(Box::new(remote)))
}

/// Past this condition number of the centred, scaled design the normal equations lose
/// digits that one refinement step does not win back (see [`warn_conditioning`]).
pub(crate) const COND_WARN: f64 = 1e6;

/// Warns when the centred design's condition number `kappa` exceeds [`COND_WARN`]: the
/// normal equations square it, so a solve keeps about `-log10(kappa^2 eps)` digits and
/// the refinement step about twice that; near `1e7` the Cholesky step takes a column
/// for aliased (NA) where R's QR would still estimate it.
pub(crate) fn warn_conditioning(it: &mut Interp, kappa: f64) -> EvalResult<()> {
    if !(kappa.is_finite() && kappa > COND_WARN) {
        return Ok(());
    }
    let lost = kappa * kappa * f64::EPSILON;
    let digits = (-2.0 * lost.log10()).floor().max(0.0);
    it.raise_warning(
        &format!(
            "the centred design's condition number is {:.1e}: the normal equations of a Spark fit \
             keep about {} significant digits of the coefficients (collect() the data for R's QR fit)",
            kappa, digits
        ),
        None,
    )?;
    Ok(())
}

/// Whether a first solve of the normal equations may be off by more than 1e-12 relative,
/// so that a refinement pass in Spark pays: the coefficients' error grows as `kappa^2 eps`,
/// and the residual sum of squares (a difference of sums) loses `tss / rss` of its digits.
fn needs_refinement(kappa: f64, tss: f64, rss: f64) -> bool {
    let eps = f64::EPSILON;
    !(kappa * kappa * eps < 1e-12 && rss > 0.0 && eps * tss / rss < 1e-12)
}

/// One step of iterative refinement: the residuals' `X'r` computed in Spark corrects the
/// coefficients by the solution of `X'X delta = X'r`, and the residual sum of squares.
#[allow(clippy::too_many_arguments)]
fn refine(
    tbl: &SparkTbl,
    d: &str,
    k: usize,
    means: &[f64],
    intercept: bool,
    raug: &[f64],
    q: usize,
    tf: &mut lm_fit::TallFit,
) -> EvalResult<()> {
    let p = q - 1;
    let b = tf.coef.clone();
    let slopes = if intercept { &b[1..] } else { &b[..] };
    let g0 = if intercept {
        b[0] + slopes.iter().zip(means).map(|(s, m)| s * m).sum::<f64>() - means[k]
    } else {
        0.0
    };
    let s = row(tbl, &sql::refine_query(d, k, means, g0, slopes))?;
    let (sr, scr, rr) = (s[0], &s[1..=k], s[k + 1]);
    let xr: Vec<f64> = if intercept {
        std::iter::once(sr)
            .chain(scr.iter().zip(means).map(|(c, m)| c + m * sr))
            .collect()
    } else {
        scr.to_vec()
    };
    if let Some(delta) = sql::normal_solve(raug, q, p, &xr) {
        if delta.iter().all(|x| x.is_finite()) {
            for (c, dl) in tf.coef.iter_mut().zip(&delta) {
                *c += dl;
            }
            let drop: f64 = delta.iter().zip(&xr).map(|(a, b)| a * b).sum();
            let rss = rr - drop;
            if rss.is_finite() && rss >= 0.0 {
                tf.rss = rss;
            }
        }
    }
    Ok(())
}

/// `predict(fit, newdata = <Spark frame>)` for a fit made in Spark: a remote frame of the
/// new frame's columns and the prediction `fit` computed in Spark (the linear predictor;
/// the mean for a glm's `type = "response"`). None when `newdata` is not a Spark frame.
pub(crate) fn predict_remote(a: &crate::eval::args::Args) -> EvalResult<Option<Value>> {
    let m = crate::eval::args::Args {
        items: a.items.clone(),
    }
    .matched(&["object", "newdata", "..."])?;
    let Some(nd) = m.get("newdata").and_then(crate::builtins::utils::spark::as_remote) else {
        return Ok(None);
    };
    let fit = m.req("object")?;
    let typ = a
        .items
        .iter()
        .find(|(k, _)| k.is_some_and(|k| k.as_str() == "type"))
        .and_then(|(_, v)| v.as_string())
        .unwrap_or_else(|| "link".into());
    let glm = crate::builtins::stats::models::glm_streamed::remote_glm(fit);
    let cols = match (&glm, crate::builtins::stats::models::lm_streamed::stream_of(fit)) {
        (Some(g), _) => g.design_sql(),
        (None, Some(st)) => st.remote.as_ref().and_then(|r| r.design_sql()),
        _ => None,
    };
    let Some(cols) = cols else {
        return err("predict() with a Spark frame as 'newdata' needs a fit made in Spark");
    };
    let coef = crate::builtins::stats::models::lm_streamed::coef_of(fit);
    let intercept = coef.len() == cols.len() + 1;
    let mut eta = String::from("0D");
    for (j, b) in coef.iter().enumerate() {
        if !b.is_finite() || *b == 0.0 {
            continue;
        }
        eta = match (intercept, j) {
            (true, 0) => format!("{} + {}", eta, sql::lit(*b)),
            (true, _) => format!("{} + {} * {}", eta, sql::lit(*b), cols[j - 1]),
            (false, _) => format!("{} + {} * {}", eta, sql::lit(*b), cols[j]),
        };
    }
    let mut pred = format!("({})", eta);
    if glm.is_some() && "response".starts_with(typ.as_str()) && !typ.is_empty() {
        let fam = crate::builtins::stats::models::glm_family::family_of(fit)?;
        pred = crate::spark::glm_sql::linkinv(fam.link, &pred);
    }
    let q = format!("SELECT *, {} AS fit FROM {}", pred, nd.from());
    let label = format!("predictions on {}", nd.label);
    crate::builtins::utils::spark::remote(nd.con.clone(), q, label).map(Some)
}
