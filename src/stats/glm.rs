//! Generalized linear models: link functions, error families, and [`glm_fit`], R's
//! `glm.fit` on columns in memory (the rows as an [`IrlsRows`] source for the one IRLS in
//! [`super::irls`]).

use super::dist::discrete::{dbinom, dpois};
use super::dist::gamma::{dgamma, pchisq};
use super::dist::normal::{pnorm, qnorm};
use super::irls::{irls, At, Eval, IrlsRows, Step};
use super::lm_fit::{self, Block};
use super::qr::{lsfit, LsFit, Qr};
use super::tsqr::{self, RowSource};

const EPS: f64 = f64::EPSILON;

/// A link function.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Link {
    /// `log(mu / (1 - mu))`.
    Logit,
    /// `qnorm(mu)`.
    Probit,
    /// `tan(pi (mu - 1/2))`.
    Cauchit,
    /// `log(-log(1 - mu))`.
    Cloglog,
    /// `mu`.
    Identity,
    /// `log(mu)`.
    Log,
    /// `1 / mu`.
    Inverse,
    /// `sqrt(mu)`.
    Sqrt,
    /// `1 / mu^2`.
    InverseSquare,
}

impl Link {
    /// The link named as in R (`"logit"`, `"1/mu^2"`, ...).
    pub fn from_name(s: &str) -> Option<Link> {
        Some(match s {
            "logit" => Link::Logit,
            "probit" => Link::Probit,
            "cauchit" => Link::Cauchit,
            "cloglog" => Link::Cloglog,
            "identity" => Link::Identity,
            "log" => Link::Log,
            "inverse" => Link::Inverse,
            "sqrt" => Link::Sqrt,
            "1/mu^2" => Link::InverseSquare,
            _ => return None,
        })
    }

    /// R's name of the link.
    pub fn name(self) -> &'static str {
        match self {
            Link::Logit => "logit",
            Link::Probit => "probit",
            Link::Cauchit => "cauchit",
            Link::Cloglog => "cloglog",
            Link::Identity => "identity",
            Link::Log => "log",
            Link::Inverse => "inverse",
            Link::Sqrt => "sqrt",
            Link::InverseSquare => "1/mu^2",
        }
    }

    /// `eta = g(mu)`.
    pub fn linkfun(self, mu: f64) -> f64 {
        match self {
            Link::Logit => (mu / (1.0 - mu)).ln(),
            Link::Probit => qnorm(mu, 0.0, 1.0, true, false),
            Link::Cauchit => (std::f64::consts::PI * (mu - 0.5)).tan(),
            Link::Cloglog => (-(1.0 - mu).ln()).ln(),
            Link::Identity => mu,
            Link::Log => mu.ln(),
            Link::Inverse => 1.0 / mu,
            Link::Sqrt => mu.sqrt(),
            Link::InverseSquare => 1.0 / (mu * mu),
        }
    }

    /// `mu = g^{-1}(eta)`, clamped as R clamps it.
    pub fn linkinv(self, eta: f64) -> f64 {
        match self {
            Link::Logit => {
                let t = if eta < -30.0 {
                    EPS
                } else if eta > 30.0 {
                    1.0 / EPS
                } else {
                    eta.exp()
                };
                t / (1.0 + t)
            }
            Link::Probit => {
                let th = -qnorm(EPS, 0.0, 1.0, true, false);
                pnorm(eta.clamp(-th, th), 0.0, 1.0, true, false)
            }
            Link::Cauchit => {
                let th = -(std::f64::consts::PI * (EPS - 0.5)).tan();
                0.5 + eta.clamp(-th, th).atan() / std::f64::consts::PI
            }
            Link::Cloglog => (-(-eta.exp()).exp_m1()).clamp(EPS, 1.0 - EPS),
            Link::Identity => eta,
            Link::Log => eta.exp().max(EPS),
            Link::Inverse => 1.0 / eta,
            Link::Sqrt => eta * eta,
            Link::InverseSquare => 1.0 / eta.sqrt(),
        }
    }

    /// `d mu / d eta`.
    pub fn mu_eta(self, eta: f64) -> f64 {
        match self {
            Link::Logit => {
                let o = 1.0 + eta.exp();
                if !(-30.0..=30.0).contains(&eta) {
                    EPS
                } else {
                    eta.exp() / (o * o)
                }
            }
            Link::Probit => {
                ((-0.5 * eta * eta).exp() / (2.0 * std::f64::consts::PI).sqrt()).max(EPS)
            }
            Link::Cauchit => (1.0 / (std::f64::consts::PI * (1.0 + eta * eta))).max(EPS),
            Link::Cloglog => {
                let e = eta.min(700.0);
                (e.exp() * (-e.exp()).exp()).max(EPS)
            }
            Link::Identity => 1.0,
            Link::Log => eta.exp().max(EPS),
            Link::Inverse => -1.0 / (eta * eta),
            Link::Sqrt => 2.0 * eta,
            Link::InverseSquare => -1.0 / (2.0 * eta.powf(1.5)),
        }
    }

    pub fn valid_eta(self, eta: &[f64]) -> bool {
        match self {
            Link::Inverse => eta.iter().all(|e| e.is_finite() && *e != 0.0),
            Link::Sqrt | Link::InverseSquare => eta.iter().all(|e| e.is_finite() && *e > 0.0),
            _ => true,
        }
    }
}

/// An error distribution.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// Normal errors.
    Gaussian,
    /// Binomial proportions.
    Binomial,
    /// Poisson counts.
    Poisson,
    /// Gamma.
    Gamma,
    /// Inverse Gaussian.
    InverseGaussian,
    /// Binomial variance, estimated dispersion.
    QuasiBinomial,
    /// Poisson variance, estimated dispersion.
    QuasiPoisson,
    /// `quasi(variance = ...)`: a chosen variance function, estimated dispersion.
    Quasi(QuasiVar),
}

/// The variance functions of R's `quasi` family.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum QuasiVar {
    /// `"constant"`.
    Constant,
    /// `"mu(1-mu)"`.
    MuOneMinusMu,
    /// `"mu"`.
    Mu,
    /// `"mu^2"`.
    Mu2,
    /// `"mu^3"`.
    Mu3,
}

impl QuasiVar {
    /// The variance by R's name.
    pub fn from_name(s: &str) -> Option<QuasiVar> {
        Some(match s {
            "constant" => QuasiVar::Constant,
            "mu(1-mu)" => QuasiVar::MuOneMinusMu,
            "mu" => QuasiVar::Mu,
            "mu^2" => QuasiVar::Mu2,
            "mu^3" => QuasiVar::Mu3,
            _ => return None,
        })
    }

    /// R's name of the variance function (the family's `varfun`).
    pub fn name(self) -> &'static str {
        match self {
            QuasiVar::Constant => "constant",
            QuasiVar::MuOneMinusMu => "mu(1-mu)",
            QuasiVar::Mu => "mu",
            QuasiVar::Mu2 => "mu^2",
            QuasiVar::Mu3 => "mu^3",
        }
    }
}

/// A family: error distribution plus link.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Family {
    /// The distribution.
    pub kind: Kind,
    /// The link.
    pub link: Link,
}

fn ylogy(y: f64, mu: f64) -> f64 {
    if y != 0.0 {
        y * (y / mu).ln()
    } else {
        0.0
    }
}

impl Family {
    /// R's family name (`"binomial"`, `"Gamma"`, ...).
    pub fn name(&self) -> &'static str {
        match self.kind {
            Kind::Gaussian => "gaussian",
            Kind::Binomial => "binomial",
            Kind::Poisson => "poisson",
            Kind::Gamma => "Gamma",
            Kind::InverseGaussian => "inverse.gaussian",
            Kind::QuasiBinomial => "quasibinomial",
            Kind::QuasiPoisson => "quasipoisson",
            Kind::Quasi(_) => "quasi",
        }
    }

    /// The family by R's name, with its default link when `link` is `None`.
    pub fn new(name: &str, link: Option<&str>) -> Result<Family, String> {
        let (kind, def, ok): (Kind, Link, &[&str]) = match name {
            "gaussian" => (
                Kind::Gaussian,
                Link::Identity,
                &["inverse", "log", "identity"],
            ),
            "binomial" => (
                Kind::Binomial,
                Link::Logit,
                &["logit", "probit", "cloglog", "cauchit", "log"],
            ),
            "quasibinomial" => (
                Kind::QuasiBinomial,
                Link::Logit,
                &["logit", "probit", "cloglog", "cauchit", "log"],
            ),
            "poisson" => (Kind::Poisson, Link::Log, &["log", "identity", "sqrt"]),
            "quasipoisson" => (Kind::QuasiPoisson, Link::Log, &["log", "identity", "sqrt"]),
            "Gamma" => (Kind::Gamma, Link::Inverse, &["inverse", "log", "identity"]),
            "quasi" => (
                Kind::Quasi(QuasiVar::Constant),
                Link::Identity,
                &["logit", "probit", "cloglog", "cauchit", "identity", "log", "inverse", "sqrt", "1/mu^2"],
            ),
            "inverse.gaussian" => (
                Kind::InverseGaussian,
                Link::InverseSquare,
                &["inverse", "log", "identity", "1/mu^2"],
            ),
            _ => return Err(format!("family '{}' not recognized", name)),
        };
        // as R: a link given as a string that the family does not list still goes
        // through `make.link`, which knows every link
        let link = match link {
            None => def,
            Some(l) if ok.contains(&l) => Link::from_name(l).unwrap_or(def),
            Some(l) => match Link::from_name(l) {
                Some(k) => k,
                None => return Err(format!("\u{2018}{}\u{2019} link not recognised", l)),
            },
        };
        Ok(Family { kind, link })
    }

    /// Whether the dispersion is fixed at 1.
    pub fn fixed_dispersion(&self) -> bool {
        matches!(self.kind, Kind::Binomial | Kind::Poisson)
    }

    /// `V(mu)`.
    pub fn variance(&self, mu: f64) -> f64 {
        match self.kind {
            Kind::Gaussian => 1.0,
            Kind::Binomial | Kind::QuasiBinomial => mu * (1.0 - mu),
            Kind::Poisson | Kind::QuasiPoisson => mu,
            Kind::Gamma => mu * mu,
            Kind::InverseGaussian => mu * mu * mu,
            Kind::Quasi(v) => match v {
                QuasiVar::Constant => 1.0,
                QuasiVar::MuOneMinusMu => mu * (1.0 - mu),
                QuasiVar::Mu => mu,
                QuasiVar::Mu2 => mu * mu,
                QuasiVar::Mu3 => mu * mu * mu,
            },
        }
    }

    /// One unit deviance contribution.
    pub fn dev_resid(&self, y: f64, mu: f64, wt: f64) -> f64 {
        match self.kind {
            Kind::Gaussian => wt * (y - mu) * (y - mu),
            Kind::Binomial | Kind::QuasiBinomial => {
                2.0 * wt * (ylogy(y, mu) + ylogy(1.0 - y, 1.0 - mu))
            }
            Kind::Poisson | Kind::QuasiPoisson => {
                if y > 0.0 {
                    2.0 * wt * (y * (y / mu).ln() - (y - mu))
                } else {
                    2.0 * mu * wt
                }
            }
            Kind::Gamma => {
                let r = if y == 0.0 { 1.0 } else { y / mu };
                -2.0 * wt * (r.ln() - (y - mu) / mu)
            }
            Kind::InverseGaussian => wt * (y - mu) * (y - mu) / (y * mu * mu),
            Kind::Quasi(v) => match v {
                QuasiVar::Constant => wt * (y - mu) * (y - mu),
                QuasiVar::MuOneMinusMu => 2.0 * wt * (ylogy(y, mu) + ylogy(1.0 - y, 1.0 - mu)),
                QuasiVar::Mu => {
                    let r = if y == 0.0 { 1.0 } else { y / mu };
                    2.0 * wt * (y * r.ln() - (y - mu))
                }
                QuasiVar::Mu2 => {
                    let yy = if y == 0.0 { 1.0 } else { y };
                    (-2.0 * wt * ((yy / mu).ln() - (y - mu) / mu)).max(0.0)
                }
                QuasiVar::Mu3 => wt * (y - mu) * (y - mu) / (y * mu * mu),
            },
        }
    }

    /// The deviance `sum(dev.resids(y, mu, wt))`.
    pub fn deviance(&self, y: &[f64], mu: &[f64], wt: &[f64]) -> f64 {
        y.iter()
            .zip(mu)
            .zip(wt)
            .map(|((&y, &m), &w)| self.dev_resid(y, m, w))
            .sum()
    }

    /// Whether some mean is numerically at the boundary R warns about: 0 or 1 for
    /// binomial, 0 for Poisson (never for other families).
    pub fn mu_at_boundary(&self, mu: &[f64]) -> bool {
        let eps = 10.0 * EPS;
        match self.kind {
            Kind::Binomial => mu.iter().any(|&m| m > 1.0 - eps || m < eps),
            Kind::Poisson => mu.iter().any(|&m| m < eps),
            _ => false,
        }
    }

    pub fn valid_mu(&self, mu: &[f64]) -> bool {
        match self.kind {
            Kind::Binomial | Kind::QuasiBinomial => {
                mu.iter().all(|m| m.is_finite() && *m > 0.0 && *m < 1.0)
            }
            Kind::Poisson | Kind::QuasiPoisson | Kind::Gamma => {
                mu.iter().all(|m| m.is_finite() && *m > 0.0)
            }
            Kind::Quasi(QuasiVar::MuOneMinusMu) => mu.iter().all(|m| *m > 0.0 && *m < 1.0),
            Kind::Quasi(QuasiVar::Mu | QuasiVar::Mu2 | QuasiVar::Mu3) => mu.iter().all(|m| *m > 0.0),
            _ => true,
        }
    }

    /// The family's `aic(y, n, mu, wt, dev)` (without the `2 * rank` term); NaN for quasi families.
    pub fn aic(&self, y: &[f64], n: &[f64], mu: &[f64], wt: &[f64], dev: f64) -> f64 {
        let mut sums = AicSums::default();
        let sw: f64 = wt.iter().sum();
        self.aic_add(&mut sums, y, n, mu, wt, dev / sw);
        self.aic_finish(&sums, dev)
    }

    /// Adds rows to the sums the AIC is made of (so it can be summed over chunks of rows);
    /// `gamma_disp` (the deviance over the sum of the weights) is read by Gamma only.
    pub fn aic_add(
        &self,
        s: &mut AicSums,
        y: &[f64],
        n: &[f64],
        mu: &[f64],
        wt: &[f64],
        gamma_disp: f64,
    ) {
        s.nobs += y.len() as f64;
        s.sum_w += wt.iter().sum::<f64>();
        match self.kind {
            Kind::Gaussian => s.sum_log_w += wt.iter().map(|w| w.ln()).sum::<f64>(),
            Kind::Binomial => {
                let m = if n.iter().any(|&k| k > 1.0) { n } else { wt };
                for i in 0..y.len() {
                    if m[i] > 0.0 {
                        s.loglik +=
                            wt[i] / m[i] * dbinom((m[i] * y[i]).round(), m[i].round(), mu[i], true);
                    }
                }
            }
            Kind::Poisson => {
                for i in 0..y.len() {
                    s.loglik += dpois(y[i], mu[i], true) * wt[i];
                }
            }
            Kind::Gamma => {
                let shape = 1.0 / gamma_disp;
                for i in 0..y.len() {
                    s.loglik += dgamma(y[i], shape, mu[i] * gamma_disp, true) * wt[i];
                }
            }
            Kind::InverseGaussian => {
                s.sum_w_log_y += y.iter().zip(wt).map(|(y, w)| y.ln() * w).sum::<f64>()
            }
            Kind::QuasiBinomial | Kind::QuasiPoisson | Kind::Quasi(_) => {}
        }
    }

    /// The AIC (without the `2 * rank` term) from its sums and the deviance.
    pub fn aic_finish(&self, s: &AicSums, dev: f64) -> f64 {
        let two_pi = 2.0 * std::f64::consts::PI;
        match self.kind {
            Kind::Gaussian => s.nobs * ((dev / s.nobs * two_pi).ln() + 1.0) + 2.0 - s.sum_log_w,
            Kind::Binomial | Kind::Poisson => -2.0 * s.loglik,
            Kind::Gamma => -2.0 * s.loglik + 2.0,
            Kind::InverseGaussian => {
                s.sum_w * ((dev / s.sum_w * two_pi).ln() + 1.0) + 3.0 * s.sum_w_log_y + 2.0
            }
            Kind::QuasiBinomial | Kind::QuasiPoisson | Kind::Quasi(_) => f64::NAN,
        }
    }

    /// Starting fitted values (the family's `initialize`/`mustart` rule).
    pub fn mustart(&self, y: &[f64], wt: &[f64]) -> Result<Vec<f64>, String> {
        match self.kind {
            Kind::Binomial | Kind::QuasiBinomial => {
                if y.iter().any(|&v| !(0.0..=1.0).contains(&v)) {
                    return Err("y values must be 0 <= y <= 1".into());
                }
                Ok(y.iter()
                    .zip(wt)
                    .map(|(y, w)| (w * y + 0.5) / (w + 1.0))
                    .collect())
            }
            Kind::Poisson | Kind::QuasiPoisson => {
                if y.iter().any(|&v| v < 0.0) {
                    let fam = if self.kind == Kind::Poisson {
                        "Poisson"
                    } else {
                        "quasiPoisson"
                    };
                    return Err(format!(
                        "negative values not allowed for the '{}' family",
                        fam
                    ));
                }
                Ok(y.iter().map(|v| v + 0.1).collect())
            }
            Kind::Gamma => {
                if y.iter().any(|&v| v <= 0.0) {
                    return Err("non-positive values not allowed for the 'Gamma' family".into());
                }
                Ok(y.to_vec())
            }
            Kind::InverseGaussian => {
                if y.iter().any(|&v| v <= 0.0) {
                    return Err(
                        "positive values only are allowed for the 'inverse.gaussian' family".into(),
                    );
                }
                Ok(y.to_vec())
            }
            Kind::Quasi(QuasiVar::Constant) => Ok(y.to_vec()),
            Kind::Quasi(QuasiVar::MuOneMinusMu) => Ok(y.iter().map(|v| v.clamp(0.001, 0.999)).collect()),
            Kind::Quasi(_) => Ok(y.iter().map(|&v| if v == 0.0 { 0.1 } else { v }).collect()),
            Kind::Gaussian => {
                if matches!(self.link, Link::Inverse | Link::Log) && y.iter().any(|&v| v <= 0.0) {
                    return Err(
                        "cannot find valid starting values: please specify some".to_string()
                    );
                }
                Ok(y.to_vec())
            }
        }
    }
}

/// Controls of the iteration (`glm.control`).
#[derive(Clone, Copy, Debug)]
pub struct Control {
    /// Convergence tolerance.
    pub epsilon: f64,
    /// Maximum iterations.
    pub maxit: usize,
}

/// Sums over rows that a family's AIC is made of ([`Family::aic_add`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct AicSums {
    /// Rows.
    pub nobs: f64,
    /// Sum of the prior weights.
    pub sum_w: f64,
    /// Sum of the logarithms of the prior weights (gaussian).
    pub sum_log_w: f64,
    /// Sum of `w * log(y)` (inverse.gaussian).
    pub sum_w_log_y: f64,
    /// Weighted log-likelihood (binomial, poisson, Gamma).
    pub loglik: f64,
}

/// The result of [`glm_fit`].
#[derive(Clone, Debug)]
pub struct GlmFit {
    /// Coefficients in original column order (NaN for aliased ones).
    pub coef: Vec<f64>,
    /// Working residuals.
    pub residuals: Vec<f64>,
    /// Fitted means.
    pub mu: Vec<f64>,
    /// Linear predictors (including the offset).
    pub eta: Vec<f64>,
    /// Effects `Q'z` of the last weighted fit.
    pub effects: Vec<f64>,
    /// QR factorisation of the last weighted fit (for large fits only its first `p` rows,
    /// see [`GlmFit::qr_rows`]).
    pub qr: Qr,
    /// For a fit made by TSQR: the rows the truncated `qr` stands for.
    pub qr_rows: Option<usize>,
    /// The deviance.
    pub deviance: f64,
    /// AIC.
    pub aic: f64,
    /// Null deviance (intercept-only model without offset refit).
    pub null_deviance: f64,
    /// Iterations used.
    pub iter: usize,
    /// Working weights.
    pub weights: Vec<f64>,
    /// Residual degrees of freedom.
    pub df_residual: usize,
    /// Null degrees of freedom.
    pub df_null: usize,
    /// Whether the iteration converged.
    pub converged: bool,
    /// Whether step-halving hit the boundary.
    pub boundary: bool,
    /// Warnings raised, in order.
    pub warnings: Vec<String>,
}

/// Inputs of [`glm_fit`].
pub struct GlmInput<'a> {
    /// The design matrix (a dense matrix or a plan that fills row blocks).
    pub x: &'a dyn RowSource,
    /// Rows.
    pub n: usize,
    /// Columns.
    pub p: usize,
    /// Response (proportions for binomial).
    pub y: &'a [f64],
    /// Prior weights.
    pub weights: &'a [f64],
    /// Offset.
    pub offset: &'a [f64],
    /// Binomial totals (`n` in the family's `aic`), 1 otherwise.
    pub ntrials: &'a [f64],
    /// Starting coefficients.
    pub start: Option<&'a [f64]>,
    /// Starting means (overrides the family rule).
    pub mustart: Option<&'a [f64]>,
    /// Whether the model has an intercept.
    pub intercept: bool,
    /// `n * p` from which each iteration's weighted least squares runs in parallel (TSQR).
    pub tsqr_min: f64,
}

fn lin_pred(x: &[f64], n: usize, b: &[f64], offset: &[f64]) -> Vec<f64> {
    let mut eta = offset.to_vec();
    for (j, &bj) in b.iter().enumerate() {
        if bj.is_nan() {
            continue;
        }
        for i in 0..n {
            eta[i] += x[j * n + i] * bj;
        }
    }
    eta
}

/// One IRLS step's weighted least squares on the `idx` rows by TSQR: `z` and `w` are the
/// working response (already multiplied by `w`) and the square-root working weights of
/// those rows. The result has R's coefficients, pivot, rank and leading effects; its `qr`
/// holds the first `p` rows of R's compact factor (`n = p`). `None` when no row has a
/// positive weight.
fn wls_tall(
    x: &dyn RowSource,
    n: usize,
    idx: &[usize],
    z: &[f64],
    w: &[f64],
    tol: f64,
    threads: usize,
) -> Option<LsFit> {
    let p = x.ncol();
    let m = idx.len();
    let mut sw = vec![0.0; n];
    let mut zz = vec![0.0; n];
    for (k, &i) in idx.iter().enumerate() {
        sw[i] = w[k];
        zz[i] = z[k] / w[k];
    }
    let rows = Block {
        x,
        y: &zz,
        offset: None,
        sw: Some(&sw),
    };
    let Ok(Some(tf)) = lm_fit::fit(&mut lm_fit::InMemory(rows), tol, threads) else {
        return None;
    };
    let mut coef: Vec<f64> = tf.pivot.iter().map(|&j| tf.coef[j]).collect();
    for c in coef.iter_mut().skip(tf.rank) {
        *c = f64::NAN;
    }
    let mut effects = tf.effects_head;
    effects.resize(m, 0.0);
    let qr = Qr {
        qr: tf.qr_top,
        n: p,
        p,
        qraux: tf.qraux,
        pivot: tf.pivot,
        rank: tf.rank,
    };
    Some(LsFit {
        qr,
        coef,
        effects,
        residuals: vec![],
    })
}

/// What the in-memory source keeps of one weighted least squares: the fit, which rows took
/// part, and their square-root working weights.
struct MemFit {
    fit: LsFit,
    good: Vec<bool>,
    w: Vec<f64>,
}

/// The rows of [`GlmInput`] as a source for [`irls`]: the current linear predictor and
/// means kept per row.
struct InMemory<'a> {
    inp: &'a GlmInput<'a>,
    fam: Family,
    mustart: Vec<f64>,
    /// Whether each iteration's weighted least squares runs in parallel (TSQR).
    large: bool,
    threads: usize,
    /// The design, materialised when it is small.
    dense: Vec<f64>,
    tol: f64,
    eta: Vec<f64>,
    mu: Vec<f64>,
}

impl InMemory<'_> {
    fn lin_pred(&self, b: &[f64]) -> Vec<f64> {
        let (n, off) = (self.inp.n, self.inp.offset);
        if self.large {
            let mut e = tsqr::lin_pred(self.inp.x, n, b, self.threads);
            for (a, o) in e.iter_mut().zip(off) {
                *a += o;
            }
            e
        } else {
            lin_pred(&self.dense, n, b, off)
        }
    }
}

impl IrlsRows for InMemory<'_> {
    type Fit = MemFit;

    fn eval(&mut self, at: At) -> Result<Eval, String> {
        let link = self.fam.link;
        self.eta = match at {
            At::Start => self.mustart.iter().map(|&m| link.linkfun(m)).collect(),
            At::Coef(b) => self.lin_pred(b),
        };
        self.mu = self.eta.iter().map(|&e| link.linkinv(e)).collect();
        Ok(Eval {
            dev: self.fam.deviance(self.inp.y, &self.mu, self.inp.weights),
            valid: self.fam.valid_mu(&self.mu) && link.valid_eta(&self.eta),
        })
    }

    fn wls(&mut self) -> Result<Option<Step<MemFit>>, String> {
        let (inp, fam, link) = (self.inp, &self.fam, self.fam.link);
        let (n, p, y, wt, off) = (inp.n, inp.p, inp.y, inp.weights, inp.offset);
        let (eta, mu) = (&self.eta, &self.mu);
        let me: Vec<f64> = eta.iter().map(|&e| link.mu_eta(e)).collect();
        let good: Vec<bool> = (0..n).map(|i| wt[i] > 0.0 && me[i] != 0.0).collect();
        for i in 0..n {
            if wt[i] > 0.0 && fam.variance(mu[i]) == 0.0 {
                return Err("0s in V(mu)".into());
            }
        }
        let idx: Vec<usize> = (0..n).filter(|&i| good[i]).collect();
        if idx.is_empty() {
            return Ok(None);
        }
        let m = idx.len();
        let mut z = Vec::with_capacity(m);
        let mut w = Vec::with_capacity(m);
        for &i in &idx {
            let wi = (wt[i] * me[i] * me[i] / fam.variance(mu[i])).sqrt();
            z.push(((eta[i] - off[i]) + (y[i] - mu[i]) / me[i]) * wi);
            w.push(wi);
        }
        let fit = if self.large && m > 2 * p + 1 {
            match wls_tall(inp.x, n, &idx, &z, &w, self.tol, self.threads) {
                Some(f) => f,
                None => return Ok(None),
            }
        } else {
            let xs: Vec<f64>;
            let x = if self.large {
                xs = {
                    let mut x = vec![0.0; n * p];
                    inp.x.fill(0, n, &mut x);
                    x
                };
                &xs
            } else {
                &self.dense
            };
            let mut xw = vec![0.0; m * p];
            for j in 0..p {
                for (k, &i) in idx.iter().enumerate() {
                    xw[j * m + k] = x[j * n + i] * w[k];
                }
            }
            lsfit(&xw, m, p, &z, self.tol)
        };
        let rank = fit.qr.rank;
        if n < rank {
            return Err(format!(
                "X matrix has rank {}, but only {} observations",
                rank, n
            ));
        }
        let mut coef = vec![0.0; p];
        for (k, &j) in fit.qr.pivot.iter().enumerate() {
            coef[j] = if k < rank { fit.coef[k] } else { f64::NAN };
        }
        Ok(Some(Step {
            coef,
            pivot: fit.qr.pivot.clone(),
            rank,
            fit: MemFit { fit, good, w },
        }))
    }

    fn mu_at_boundary(&self) -> bool {
        self.fam.mu_at_boundary(&self.mu)
    }
}

/// Fits a GLM by iteratively reweighted least squares, as R's `glm.fit`.
pub fn glm_fit(inp: &GlmInput, fam: &Family, ctl: &Control) -> Result<GlmFit, String> {
    let (n, p, y, wt, off) = (inp.n, inp.p, inp.y, inp.weights, inp.offset);
    let link = fam.link;
    // large designs stay as row blocks and each iteration's fit runs on all cores; small
    // ones are materialised once and fitted by the serial dqrdc2 exactly as R does
    let large = p > 0 && n > 2 * p + 1 && (n * p) as f64 >= inp.tsqr_min;
    let dense: Vec<f64> = if large {
        vec![]
    } else {
        let mut x = vec![0.0; n * p];
        if n > 0 {
            inp.x.fill(0, n, &mut x);
        }
        x
    };
    let mustart = match inp.mustart {
        Some(m) => m.to_vec(),
        None => fam.mustart(y, wt)?,
    };
    if let Some(s) = inp.start {
        if s.len() != p {
            return Err(format!(
                "length of 'start' should equal {} and correspond to initial coefs",
                p
            ));
        }
    }
    let mut rows = InMemory {
        inp,
        fam: *fam,
        mustart,
        large,
        threads: tsqr::threads(),
        dense,
        tol: (1e-7f64).min(ctl.epsilon / 1000.0),
        eta: vec![],
        mu: vec![],
    };
    let r = irls(&mut rows, fam, ctl, inp.start)?;
    let (eta, mu) = (rows.eta, rows.mu);
    let MemFit { fit, good, w } = r.last.fit;
    let residuals: Vec<f64> = (0..n)
        .map(|i| (y[i] - mu[i]) / link.mu_eta(eta[i]))
        .collect();
    let mut weights = vec![0.0; n];
    let mut k = 0;
    for i in 0..n {
        if good[i] {
            weights[i] = w[k] * w[k];
            k += 1;
        }
    }
    let sw: f64 = wt.iter().sum();
    let wtdmu = if inp.intercept {
        y.iter().zip(wt).map(|(a, b)| a * b).sum::<f64>() / sw
    } else {
        f64::NAN
    };
    let null_deviance: f64 = (0..n)
        .map(|i| {
            let m = if inp.intercept {
                wtdmu
            } else {
                link.linkinv(off[i])
            };
            fam.dev_resid(y[i], m, wt[i])
        })
        .sum();
    let n_ok = n - wt.iter().filter(|&&v| v == 0.0).count();
    let rank = fit.qr.rank;
    let dev = r.dev;
    let aic = fam.aic(y, inp.ntrials, &mu, wt, dev) + 2.0 * rank as f64;
    Ok(GlmFit {
        coef: r.coef,
        residuals,
        mu,
        eta,
        effects: fit.effects.clone(),
        qr_rows: (fit.qr.n < fit.effects.len()).then_some(fit.effects.len()),
        qr: fit.qr,
        deviance: dev,
        aic,
        null_deviance,
        iter: r.iter,
        weights,
        df_residual: n_ok - rank,
        df_null: n_ok - inp.intercept as usize,
        converged: r.converged,
        boundary: r.boundary,
        warnings: r.warnings,
    })
}

/// `pchisq(x, df, lower.tail = FALSE)`.
pub fn pchisq_upper(x: f64, df: f64) -> f64 {
    pchisq(x, df, false, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit(x: &[f64], n: usize, p: usize, y: &[f64], fam: Family) -> GlmFit {
        let one = vec![1.0; n];
        let zero = vec![0.0; n];
        let src = tsqr::Dense { x, n, p };
        let inp = GlmInput {
            x: &src,
            n,
            p,
            y,
            weights: &one,
            offset: &zero,
            ntrials: &one,
            start: None,
            mustart: None,
            intercept: true,
            tsqr_min: 2e6,
        };
        glm_fit(
            &inp,
            &fam,
            &Control {
                epsilon: 1e-8,
                maxit: 25,
            },
        )
        .expect("fit")
    }

    #[test]
    fn poisson_matches_r() {
        // glm(c(2,3,6,7,8,9,10,12,15) ~ I(1:9), family = poisson)
        let y = [2.0, 3.0, 6.0, 7.0, 8.0, 9.0, 10.0, 12.0, 15.0];
        let mut x = vec![1.0; 9];
        x.extend((1..=9).map(|v| v as f64));
        let f = fit(&x, 9, 2, &y, Family::new("poisson", None).expect("family"));
        assert!((f.coef[0] - 0.9818450317).abs() < 1e-8, "{:?}", f.coef);
        assert!((f.coef[1] - 0.1948376784).abs() < 1e-8, "{:?}", f.coef);
    }

    #[test]
    fn logistic_matches_r() {
        // glm(c(0,0,1,0,1,1,0,1) ~ I(1:8), family = binomial)
        let y = [0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0];
        let mut x = vec![1.0; 8];
        x.extend((1..=8).map(|v| v as f64));
        let f = fit(&x, 8, 2, &y, Family::new("binomial", None).expect("family"));
        assert!((f.coef[0] - -1.9494066450).abs() < 1e-8, "{:?}", f.coef);
        assert!((f.coef[1] - 0.4332014767).abs() < 1e-8, "{:?}", f.coef);
    }

    #[test]
    fn tall_irls_matches_serial() {
        // logistic and Poisson fits with an aliased column: the TSQR path (tsqr_min = 0)
        // gives the serial path's coefficients, deviance, rank and pivot
        let n = 500;
        let mut s = 12345u64;
        let mut u = || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((s >> 11) as f64) / ((1u64 << 53) as f64)
        };
        let mut x = vec![0.0; n * 4];
        let mut yb = vec![0.0; n];
        let mut yp = vec![0.0; n];
        for i in 0..n {
            let (a, b) = (u() * 2.0 - 1.0, u() * 2.0 - 1.0);
            x[i] = 1.0;
            x[n + i] = a;
            x[2 * n + i] = a - b;
            x[3 * n + i] = b;
            yb[i] = (u() < 1.0 / (1.0 + (-(0.3 + a - b)).exp())) as u8 as f64;
            yp[i] = (3.0 * u() * (1.0 + a)).floor();
        }
        for (y, fam) in [(&yb, "binomial"), (&yp, "poisson")] {
            let one = vec![1.0; n];
            let zero = vec![0.0; n];
            let src = tsqr::Dense { x: &x, n, p: 4 };
            let mut inp = GlmInput {
                x: &src,
                n,
                p: 4,
                y,
                weights: &one,
                offset: &zero,
                ntrials: &one,
                start: None,
                mustart: None,
                intercept: true,
                tsqr_min: 2e6,
            };
            let ctl = Control {
                epsilon: 1e-8,
                maxit: 25,
            };
            let a = glm_fit(&inp, &Family::new(fam, None).expect("family"), &ctl).expect("fit");
            inp.tsqr_min = 0.0;
            let b = glm_fit(&inp, &Family::new(fam, None).expect("family"), &ctl).expect("fit");
            assert!(a.qr_rows.is_none() && b.qr_rows == Some(n));
            assert_eq!(a.qr.rank, 3);
            assert_eq!((a.qr.rank, &a.qr.pivot), (b.qr.rank, &b.qr.pivot));
            assert_eq!(a.iter, b.iter);
            assert!(((a.deviance - b.deviance) / a.deviance).abs() < 1e-12);
            for (c, d) in a.coef.iter().zip(&b.coef) {
                assert!(
                    c.is_nan() && d.is_nan() || ((c - d) / c).abs() < 1e-10,
                    "{} {}",
                    c,
                    d
                );
            }
            for k in 0..3 {
                assert!(((a.effects[k] - b.effects[k]) / a.effects[k]).abs() < 1e-10);
            }
        }
    }

    #[test]
    fn pchisq_tail() {
        assert!((pchisq_upper(16.039, 1.0) / 6.205106283e-05 - 1.0).abs() < 1e-3);
    }
}
