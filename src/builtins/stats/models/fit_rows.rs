//! The four kinds of linear-model fit, told apart once: an lm or a glm fitted in memory
//! (per-row vectors on the fit object) or streamed from a lazy frame (a record of sums
//! that reads the file again when rows are needed). Methods that depend on the kind ask
//! the fit's [`FitRows`] instead of testing the kind themselves.

use crate::builtins::stats::models::glm_streamed::{glm_stream_of, GlmStream};
use crate::builtins::stats::models::lm_streamed::{stream_of, StreamFit};
use crate::builtins::stats::models::{glm_methods, glm_streamed, lm_streamed};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::print::model::QUANTILES_ATTR;
use crate::stats::glm::Family;
use crate::syntax::sym::Sym;
use crate::value::fields::{dbl_field, field};
use crate::value::Value;

/// A fit and where its rows are.
pub(crate) enum FitRows<'a> {
    /// An lm (or mlm) fitted in memory.
    Lm(&'a Value),
    /// A glm fitted in memory.
    Glm(&'a Value),
    /// An lm streamed from a lazy frame.
    StreamedLm(&'a Value, &'a StreamFit),
    /// A glm streamed from a lazy frame.
    StreamedGlm(&'a Value, &'a GlmStream),
}

impl<'a> FitRows<'a> {
    /// The kind of `fit`.
    pub(crate) fn of(fit: &'a Value) -> FitRows<'a> {
        if let Some(g) = glm_stream_of(fit) {
            FitRows::StreamedGlm(fit, g)
        } else if let Some(st) = stream_of(fit) {
            FitRows::StreamedLm(fit, st)
        } else if fit.inherits("glm") {
            FitRows::Glm(fit)
        } else {
            FitRows::Lm(fit)
        }
    }

    /// Whether the fit keeps no per-row vectors.
    pub(crate) fn is_streamed(&self) -> bool {
        matches!(self, FitRows::StreamedLm(..) | FitRows::StreamedGlm(..))
    }

    /// The (weighted) residual sum of squares of an lm.
    pub(crate) fn rss(&self) -> f64 {
        match self {
            FitRows::StreamedLm(_, st) => st.rss,
            FitRows::Lm(fit) | FitRows::Glm(fit) | FitRows::StreamedGlm(fit, _) => {
                let r = dbl_field(fit, "residuals");
                match field(fit, "weights") {
                    Some(w) => r
                        .iter()
                        .zip(w.dbl_vec().iter())
                        .map(|(a, b)| a * a * b)
                        .sum(),
                    None => r.iter().map(|a| a * a).sum(),
                }
            }
        }
    }

    /// `nobs(fit)`: rows used, those with a zero (prior) weight left out.
    pub(crate) fn nobs(&self) -> usize {
        match self {
            FitRows::StreamedGlm(_, g) => g.n_ok,
            FitRows::Glm(fit) => dbl_field(fit, "prior.weights")
                .iter()
                .filter(|&&v| v != 0.0)
                .count(),
            FitRows::StreamedLm(_, st) => st.nobs,
            FitRows::Lm(fit) => match field(fit, "weights") {
                Some(w) => w.dbl_vec().iter().filter(|&&v| v != 0.0).count(),
                None => dbl_field(fit, "residuals").len(),
            },
        }
    }

    /// Rows the fit was made on (zero weights included).
    pub(crate) fn rows_used(&self) -> usize {
        match self {
            FitRows::StreamedLm(_, st) => st.nobs,
            FitRows::StreamedGlm(_, g) => g.nobs,
            FitRows::Lm(fit) | FitRows::Glm(fit) => {
                field(fit, "residuals").map(|r| r.len()).unwrap_or(0)
            }
        }
    }

    /// `logLik(fit)` and its degrees of freedom.
    pub(crate) fn loglik(&self) -> (f64, usize) {
        let two_pi = 2.0 * std::f64::consts::PI;
        match self {
            FitRows::Glm(fit) | FitRows::StreamedGlm(fit, _) => glm_methods::loglik_glm(fit),
            FitRows::StreamedLm(fit, st) => {
                let n = st.nobs as f64;
                let ll = 0.5 * (st.sum_log_w - n * (two_pi.ln() + 1.0 - n.ln() + st.rss.ln()));
                (ll, rank(fit) + 1)
            }
            FitRows::Lm(fit) => {
                let r0 = dbl_field(fit, "residuals");
                let w0 = field(fit, "weights")
                    .map(|w| w.dbl_vec().to_vec())
                    .unwrap_or_else(|| vec![1.0; r0.len()]);
                // zero-weight cases do not count
                let (r, w): (Vec<f64>, Vec<f64>) = r0
                    .iter()
                    .zip(&w0)
                    .filter(|(_, w)| **w != 0.0)
                    .map(|(a, b)| (*a, *b))
                    .unzip();
                let n = r.len() as f64;
                let rs: f64 = r.iter().zip(&w).map(|(a, b)| a * a * b).sum();
                let sw: f64 = w.iter().map(|v| v.ln()).sum();
                let ll = 0.5 * (sw - n * (two_pi.ln() + 1.0 - n.ln() + rs.ln()));
                (ll, rank(fit) + 1)
            }
        }
    }

    /// A glm's Pearson statistic (its working weights times its working residuals
    /// squared, over the rows with positive weight): R's dispersion times the residual df.
    pub(crate) fn pearson(&self) -> f64 {
        match self {
            FitRows::StreamedGlm(_, g) => g.pearson,
            FitRows::Lm(fit) | FitRows::Glm(fit) | FitRows::StreamedLm(fit, _) => {
                glm_methods::pearson_sum(fit)
            }
        }
    }

    /// The residual and the model sums of squares `summary` reports for an lm: from the
    /// weighted residuals `r` (`sqrt(w)` times the residuals), fitted values `f` and
    /// weights `w` of a fit in memory; from the record and the effects of a streamed one.
    pub(crate) fn summary_sums(
        &self,
        r: &[f64],
        f: &[f64],
        w: Option<&[f64]>,
        rank: usize,
        intercept: bool,
    ) -> (f64, f64) {
        if let FitRows::StreamedLm(fit, st) = self {
            // no fitted values are kept: the effects past the intercept carry the model's
            // sum of squares
            let mss = dbl_field(fit, "effects")
                .iter()
                .take(rank)
                .skip(intercept as usize)
                .map(|e| e * e)
                .sum();
            return (st.rss, mss);
        }
        let rss = r.iter().map(|v| v * v).sum();
        let mss = match (intercept, w) {
            (true, Some(w)) => {
                let m = f.iter().zip(w).map(|(a, b)| a * b).sum::<f64>() / w.iter().sum::<f64>();
                f.iter()
                    .zip(w)
                    .map(|(a, b)| b * (a - m) * (a - m))
                    .sum::<f64>()
            }
            (true, None) => {
                let m = f.iter().sum::<f64>() / f.len() as f64;
                f.iter().map(|a| (a - m) * (a - m)).sum::<f64>()
            }
            (false, Some(w)) => f.iter().zip(w).map(|(a, b)| b * a * a).sum(),
            (false, None) => f.iter().map(|a| a * a).sum(),
        };
        (rss, mss)
    }

    /// What `summary` shows of the residuals of a streamed fit (which keeps none): their
    /// minimum, quartiles and maximum, computed by streaming the rows again and marked for
    /// `print` with whether they are weighted (deviance residuals for a glm). `None` for a
    /// fit in memory, whose summary keeps the residuals.
    pub(crate) fn residual_quantiles(&self, it: &mut Interp) -> EvalResult<Option<Value>> {
        let (q, weighted) = match self {
            FitRows::StreamedLm(fit, st) => {
                (lm_streamed::residual_quantiles(it, fit, st)?, st.weighted)
            }
            FitRows::StreamedGlm(fit, _) => (glm_streamed::deviance_quantiles(it, fit)?, false),
            FitRows::Lm(_) | FitRows::Glm(_) => return Ok(None),
        };
        let mut v = Value::dbls(q);
        v.set_attr(Sym::new(QUANTILES_ATTR), Value::lgl(weighted));
        Ok(Some(v))
    }

    /// The response of the fit's last least squares, before weighting and offset: `y` for
    /// an lm, the working response (linear predictor plus working residuals) for a glm.
    /// Empty for a streamed fit.
    pub(crate) fn ls_response(&self) -> Vec<f64> {
        let (fit, base) = match self {
            FitRows::Lm(fit) => (fit, "fitted.values"),
            FitRows::Glm(fit) => (fit, "linear.predictors"),
            FitRows::StreamedLm(..) | FitRows::StreamedGlm(..) => return vec![],
        };
        let resid = dbl_field(fit, "residuals");
        let fitted = dbl_field(fit, base);
        resid.iter().zip(&fitted).map(|(r, f)| r + f).collect()
    }

    /// Deviance and residual df of the glm fits with the first 1, 2, ..., nt-1 terms.
    pub(crate) fn nested_glm_fits(
        &self,
        it: &mut Interp,
        fam: &Family,
        nt: usize,
    ) -> EvalResult<Vec<(f64, f64)>> {
        match self {
            FitRows::StreamedGlm(fit, _) => glm_streamed::nested_fits(it, fit, nt),
            FitRows::Glm(fit) => glm_methods::nested_fits(it, fit, fam, nt),
            _ => err("not a glm fit"),
        }
    }
}

/// A fit's rank.
fn rank(fit: &Value) -> usize {
    field(fit, "rank").and_then(|v| v.as_i32()).unwrap_or(0) as usize
}
