//! `lm` over a Spark frame (feature `spark`): the model frame's terms become Spark SQL
//! (`spark::sql`), Spark returns the sums of cross products of the centred design in
//! one aggregate query, rsc solves them with its own least-squares kernel and refines the
//! coefficients once with `X'r` computed in Spark. The fit object is a streamed lm's
//! (`lm_streamed::finish_fit`), so `summary`, `anova`, `vcov`, `confint`, `predict` on
//! local data, `AIC`/`BIC`/`logLik` work as on any lm; `summary`'s residual quantiles are
//! computed in Spark.
//!
//! Supported so far: numeric columns and arithmetic, `I()`, `log()`, `exp()`, `sqrt()`
//! of them, their interactions; character columns as factors (treatment contrasts, levels
//! found by a query, main effects only); no weights, subset or offset yet.

use crate::builtins::stats::models::lm_streamed::{finish_fit, Acc, RemoteResiduals, StreamSource};
use crate::builtins::stats::models::{model_frame_full, var_cols};
use crate::builtins::utils::spark::SparkTbl;
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::spark::sql;
use crate::stats::design::{contr_treatment, VarCol};
use crate::stats::design_plan::DesignPlan;
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
const EXACT_QUANTILE_ROWS: f64 = 1e6;

/// The numbers of a one-row query result.
fn row(tbl: &SparkTbl, q: &str) -> EvalResult<Vec<f64>> {
    let v = tbl.run(q).or_else(err)?;
    Ok(v.list_vec()
        .iter()
        .map(|c| c.as_f64().unwrap_or(f64::NAN))
        .collect())
}

/// A Spark fit's residual quantiles, computed in Spark.
struct SparkResiduals {
    con: Rc<RefCell<crate::spark::client::Session>>,
    design: String,
    intercept: bool,
    n: f64,
}

impl RemoteResiduals for SparkResiduals {
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

/// `lm(formula, data = <Spark frame>)`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn lm_spark(
    it: &mut Interp,
    tbl: &SparkTbl,
    data: &Value,
    formula: &Value,
    unsupported: Option<&str>,
    na_action: &str,
    contrasts: Option<Value>,
    env: &Env,
    call: Expr,
) -> EvalResult {
    if let Some(a) = unsupported {
        return err(format!("'{}' is not supported for a Spark frame yet", a));
    }
    let head = tbl.first_rows(HEAD_ROWS).or_else(err)?;
    let fr0 = model_frame_full(it, formula, Some(&head), None, None, None, "na.omit", true)?;
    if !fr0.terms.response {
        return err("formula needs a response");
    }
    if !fr0.terms.offsets.is_empty() {
        return err("offset() terms are not supported for a Spark frame yet");
    }
    if contrasts.is_some() {
        return err("'contrasts' is not supported for a Spark frame yet");
    }
    // character columns are factors: their levels, sorted as R sorts them, from Spark
    let mut xlev: Vec<(String, Value)> = Vec::new();
    let mut factor_col: Vec<Option<String>> = vec![None; fr0.cols.len()];
    for i in 1..fr0.cols.len() {
        let c = &fr0.cols[i];
        if !(c.is_factor() || matches!(c.data(), Some(Data::Str(_)) | Some(Data::Lgl(_)))) {
            continue;
        }
        let label = fr0.terms.var_labels[i].clone();
        let col = match &fr0.terms.variables[i].kind {
            ExprKind::Ident(s) if matches!(c.data(), Some(Data::Str(_))) => s.as_str().to_string(),
            _ => {
                return err(format!(
                    "'{}': only character columns can be factors in a Spark fit yet",
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
                    .filter_map(|s| s.as_deref().map(String::from))
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
        factor_col[i] = Some(col);
    }
    let xlev_v = (!xlev.is_empty()).then(|| Value::named_list(xlev.clone()));
    let (vc, facs) = var_cols(it, &fr0.terms, &fr0.cols, None, xlev_v.as_ref())?;
    for (i, v) in vc.iter().enumerate() {
        match v {
            VarCol::Factor {
                contrast, levels, ..
            } if i > 0 && contrast.data != contr_treatment(levels).data => {
                return err(format!(
                    "'{}': only treatment contrasts are supported for a Spark frame yet",
                    fr0.terms.var_labels[i]
                ))
            }
            VarCol::Numeric { ncol, .. } if *ncol != 1 => {
                return err(format!(
                    "'{}' is a matrix: matrix terms are not supported for a Spark frame yet",
                    fr0.terms.var_labels[i]
                ))
            }
            _ => {}
        }
    }
    let n0 = fr0.rows.len();
    let plan = DesignPlan::new(&fr0.terms, &vc, n0);
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
    // a term of numeric variables is one column, the product of its variables; a factor
    // alone is its treatment indicators (all levels for the first factor of a model
    // without intercept)
    let mut design: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut full_coding = !intercept;
    for t in &fr0.terms.terms {
        let vars: Vec<usize> = t.vars().collect();
        let facs: Vec<usize> = vars
            .iter()
            .copied()
            .filter(|&i| factor_col[i].is_some())
            .collect();
        if facs.is_empty() {
            design.push(
                vars.iter()
                    .map(|&i| var_sql[i].clone())
                    .collect::<Vec<_>>()
                    .join(" * "),
            );
            names.push(
                vars.iter()
                    .map(|&i| fr0.terms.var_labels[i].clone())
                    .collect::<Vec<_>>()
                    .join(":"),
            );
            continue;
        }
        let (Some(col), [i]) = (&factor_col[facs[0]], vars.as_slice()) else {
            return err("interactions with factors are not supported for a Spark frame yet");
        };
        let label = &fr0.terms.var_labels[*i];
        let levels = xlev
            .iter()
            .find(|(l, _)| l == label)
            .and_then(|(_, v)| v.as_strings())
            .unwrap_or_default();
        let skip = if full_coding { 0 } else { 1 };
        full_coding = false;
        for l in levels.iter().skip(skip) {
            let c = sql::quote(col);
            design.push(format!(
                "CASE WHEN {c} IS NULL THEN NULL WHEN CAST({c} AS STRING) = {} THEN 1D ELSE 0D END",
                sql::string_lit(l)
            ));
            names.push(format!("{}{}", label, l));
        }
    }
    let expected: Vec<String> = intercept
        .then(|| "(Intercept)".to_string())
        .into_iter()
        .chain(names)
        .collect();
    if expected != plan.colnames {
        return err("this model's design cannot be computed in Spark yet");
    }
    let k = design.len();
    let rows = sql::design_rows(&tbl.from(), &design, &var_sql[0]);
    let d = sql::complete_rows(&rows);
    let m = row(tbl, &sql::means_query(&rows, k))?;
    let (total, n) = (m[0], m[1]);
    if !(n > 0.0) {
        return err("0 (non-NA) cases");
    }
    if n <= p as f64 {
        return err(format!(
            "a Spark fit needs more rows ({}) than coefficients ({})",
            n, p
        ));
    }
    let means: Vec<f64> = if intercept {
        m[2..].to_vec()
    } else {
        vec![0.0; k + 1]
    };
    let sums = row(tbl, &sql::gram_query(&d, k, &means))?;
    let q = p + 1;
    let g = sql::gram(n, k, &sums, intercept);
    let raug = sql::factor(&g, q, if intercept { &means } else { &[] }, intercept, 1e-7);
    // the first p rows of the design, for R's signs of the factor (see lm_fit::replay_top)
    let mut top = vec![0.0; p * p];
    let mut buf = vec![0.0; p];
    for i in 0..n0.min(p) {
        plan.fill(i, 1, &mut buf);
        for j in 0..p {
            top[j * p + i] = buf[j];
        }
    }
    let mut tf = lm_fit::finish(&raug, n as usize, p, &top, 1e-7);
    if tf.rank == p {
        refine(tbl, &d, k, &means, intercept, &raug, q, &mut tf)?;
    }
    let mut acc = Acc::new();
    acc.design(&fr0, &plan, &vc, facs)?;
    // rows left out for missing values: their count (a Spark frame's rows have no numbers)
    let omitted = (total - n).max(0.0) as usize;
    acc.omitted = vec![(crate::value::NA_INT, "NA".to_string()); omitted];
    let src = StreamSource::new(
        it, formula, data, None, None, None, na_action, contrasts, env,
    );
    let remote = SparkResiduals {
        con: tbl.con.clone(),
        design: d,
        intercept,
        n,
    };
    finish_fit(src, acc, tf, call, Some(Box::new(remote)))
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
