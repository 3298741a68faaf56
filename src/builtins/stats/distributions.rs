//! Density, distribution and quantile builtins (`dnorm`, `pt`, `qbinom`, ...) over the
//! kernels in `crate::stats::dist`, with R's argument names, defaults, recycling,
//! attribute propagation and the "NaNs produced" warning.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::dist::noncentral_dq as nc;
use crate::stats::dist::signrank as sr;
use crate::stats::dist::{beta, discrete as ds, gamma as gm, normal as nm, other as ot};
use crate::value::{VType, Value};

/// Distribution builtins.
pub const BUILTINS: &[Builtin] = &[
    declared("dnorm", dnorm),
    declared("pnorm", pnorm),
    declared("qnorm", qnorm),
    declared("dt", dt),
    declared("pt", pt),
    declared("qt", qt),
    declared("dchisq", dchisq),
    declared("pchisq", pchisq),
    declared("qchisq", qchisq),
    declared("df", df),
    declared("pf", pf),
    declared("qf", qf),
    declared("dbinom", dbinom),
    declared("pbinom", pbinom),
    declared("qbinom", qbinom),
    declared("dpois", dpois),
    declared("ppois", ppois),
    declared("qpois", qpois),
    declared("dunif", dunif),
    declared("punif", punif),
    declared("qunif", qunif),
    declared("dexp", dexp),
    declared("pexp", pexp),
    declared("qexp", qexp),
    declared("dgamma", dgamma),
    declared("pgamma", pgamma),
    declared("qgamma", qgamma),
    declared("dbeta", dbeta),
    declared("pbeta", pbeta),
    declared("qbeta", qbeta),
    declared("dgeom", dgeom),
    declared("pgeom", pgeom),
    declared("qgeom", qgeom),
    declared("dnbinom", dnbinom),
    declared("pnbinom", pnbinom),
    declared("qnbinom", qnbinom),
    declared("dhyper", dhyper),
    declared("phyper", phyper),
    declared("qhyper", qhyper),
    declared("dlnorm", dlnorm),
    declared("plnorm", plnorm),
    declared("qlnorm", qlnorm),
    declared("dweibull", dweibull),
    declared("pweibull", pweibull),
    declared("qweibull", qweibull),
    declared("dlogis", dlogis),
    declared("plogis", plogis),
    declared("qlogis", qlogis),
    declared("dcauchy", dcauchy),
    declared("pcauchy", pcauchy),
    declared("qcauchy", qcauchy),
    declared("dsignrank", dsignrank),
    declared("psignrank", psignrank),
    declared("qsignrank", qsignrank),
    declared("dwilcox", dwilcox),
    declared("pwilcox", pwilcox),
    declared("qwilcox", qwilcox),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("dnorm", "dnorm(x, mean = 0, sd = 1, log = FALSE)",
            "Density at x for the normal distribution with the given mean and standard deviation sd. With log = \
             TRUE returns its logarithm."),
        doc("pnorm", "pnorm(q, mean = 0, sd = 1, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the normal distribution with the given mean and \
             standard deviation sd; with lower.tail = FALSE the upper tail P(X > q), and with log.p = TRUE on the \
             log scale."),
        doc("qnorm", "qnorm(p, mean = 0, sd = 1, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the normal distribution with the given mean and standard deviation sd: the \
             value whose cumulative probability is p. lower.tail and log.p are as in pnorm."),
        doc("dt", "dt(x, df, ncp, log = FALSE)",
            "Density at x for the Student t distribution with df degrees of freedom. With log = TRUE returns its \
             logarithm. A non-missing ncp gives the non-central distribution."),
        doc("pt", "pt(q, df, ncp, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the Student t distribution with df degrees of freedom; \
             with lower.tail = FALSE the upper tail P(X > q), and with log.p = TRUE on the log scale. A non-missing ncp gives the non-central distribution."),
        doc("qt", "qt(p, df, ncp, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the Student t distribution with df degrees of freedom: the value whose \
             cumulative probability is p. lower.tail and log.p are as in pt. A non-missing ncp gives the non-central distribution."),
        doc("dchisq", "dchisq(x, df, ncp = 0, log = FALSE)",
            "Density at x for the chi-squared distribution with df degrees of freedom. With log = TRUE returns \
             its logarithm. A non-missing ncp gives the non-central distribution."),
        doc("pchisq", "pchisq(q, df, ncp = 0, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the chi-squared distribution with df degrees of \
             freedom; with lower.tail = FALSE the upper tail P(X > q), and with log.p = TRUE on the log scale. \
             A non-missing ncp gives the non-central distribution."),
        doc("qchisq", "qchisq(p, df, ncp = 0, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the chi-squared distribution with df degrees of freedom: the value whose \
             cumulative probability is p. lower.tail and log.p are as in pchisq. A non-missing ncp gives the non-central distribution."),
        doc("df", "df(x, df1, df2, ncp, log = FALSE)",
            "Density at x for the F distribution with df1 and df2 degrees of freedom. With log = TRUE returns its \
             logarithm. A non-missing ncp gives the non-central distribution."),
        doc("pf", "pf(q, df1, df2, ncp, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the F distribution with df1 and df2 degrees of \
             freedom; with lower.tail = FALSE the upper tail P(X > q), and with log.p = TRUE on the log scale. \
             A non-missing ncp gives the non-central distribution."),
        doc("qf", "qf(p, df1, df2, ncp, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the F distribution with df1 and df2 degrees of freedom: the value whose \
             cumulative probability is p. lower.tail and log.p are as in pf. A non-missing ncp gives the non-central distribution."),
        doc("dbinom", "dbinom(x, size, prob, log = FALSE)",
            "Probability mass at x for the binomial distribution: the number of successes in size trials with \
             success probability prob. With log = TRUE returns its logarithm."),
        doc("pbinom", "pbinom(q, size, prob, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the binomial distribution: the number of successes in \
             size trials with success probability prob; with lower.tail = FALSE the upper tail P(X > q), and with \
             log.p = TRUE on the log scale."),
        doc("qbinom", "qbinom(p, size, prob, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the binomial distribution: the number of successes in size trials with success \
             probability prob: the smallest value whose cumulative probability is p. lower.tail and log.p are as \
             in pbinom."),
        doc("dpois", "dpois(x, lambda, log = FALSE)",
            "Probability mass at x for the Poisson distribution with mean lambda. With log = TRUE returns its \
             logarithm."),
        doc("ppois", "ppois(q, lambda, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the Poisson distribution with mean lambda; with \
             lower.tail = FALSE the upper tail P(X > q), and with log.p = TRUE on the log scale."),
        doc("qpois", "qpois(p, lambda, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the Poisson distribution with mean lambda: the smallest value whose cumulative \
             probability is p. lower.tail and log.p are as in ppois."),
        doc("dunif", "dunif(x, min = 0, max = 1, log = FALSE)",
            "Density at x for the uniform distribution on the interval from min to max. With log = TRUE returns \
             its logarithm."),
        doc("punif", "punif(q, min = 0, max = 1, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the uniform distribution on the interval from min to \
             max; with lower.tail = FALSE the upper tail P(X > q), and with log.p = TRUE on the log scale."),
        doc("qunif", "qunif(p, min = 0, max = 1, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the uniform distribution on the interval from min to max: the value whose \
             cumulative probability is p. lower.tail and log.p are as in punif."),
        doc("dexp", "dexp(x, rate = 1, log = FALSE)",
            "Density at x for the exponential distribution with the given rate (mean 1/rate). With log = TRUE \
             returns its logarithm."),
        doc("pexp", "pexp(q, rate = 1, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the exponential distribution with the given rate (mean \
             1/rate); with lower.tail = FALSE the upper tail P(X > q), and with log.p = TRUE on the log scale."),
        doc("qexp", "qexp(p, rate = 1, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the exponential distribution with the given rate (mean 1/rate): the value whose \
             cumulative probability is p. lower.tail and log.p are as in pexp."),
        doc("dgamma", "dgamma(x, shape, rate = 1, scale = 1/rate, log = FALSE)",
            "Density at x for the gamma distribution with the given shape and rate (or scale = 1/rate). With log \
             = TRUE returns its logarithm."),
        doc("pgamma", "pgamma(q, shape, rate = 1, scale = 1/rate, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the gamma distribution with the given shape and rate \
             (or scale = 1/rate); with lower.tail = FALSE the upper tail P(X > q), and with log.p = TRUE on the \
             log scale."),
        doc("qgamma", "qgamma(p, shape, rate = 1, scale = 1/rate, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the gamma distribution with the given shape and rate (or scale = 1/rate): the \
             value whose cumulative probability is p. lower.tail and log.p are as in pgamma."),
        doc("dbeta", "dbeta(x, shape1, shape2, ncp = 0, log = FALSE)",
            "Density at x for the beta distribution with parameters shape1 and shape2. With log = TRUE returns \
             its logarithm. A non-missing ncp gives the non-central distribution."),
        doc("pbeta", "pbeta(q, shape1, shape2, ncp = 0, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the beta distribution with parameters shape1 and \
             shape2; with lower.tail = FALSE the upper tail P(X > q), and with log.p = TRUE on the log scale. \
             A non-missing ncp gives the non-central distribution."),
        doc("qbeta", "qbeta(p, shape1, shape2, ncp = 0, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the beta distribution with parameters shape1 and shape2: the value whose \
             cumulative probability is p. lower.tail and log.p are as in pbeta. A non-missing ncp gives the non-central distribution."),
        doc("dgeom", "dgeom(x, prob, log = FALSE)",
            "Probability mass at x for the geometric distribution: the number of failures before the first \
             success, with success probability prob. With log = TRUE returns its logarithm."),
        doc("pgeom", "pgeom(q, prob, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the geometric distribution: the number of failures \
             before the first success, with success probability prob; with lower.tail = FALSE the upper tail P(X \
             > q), and with log.p = TRUE on the log scale."),
        doc("qgeom", "qgeom(p, prob, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the geometric distribution: the number of failures before the first success, \
             with success probability prob: the smallest value whose cumulative probability is p. lower.tail and \
             log.p are as in pgeom."),
        doc("dnbinom", "dnbinom(x, size, prob, mu, log = FALSE)",
            "Probability mass at x for the negative binomial distribution: the number of failures before size \
             successes, with success probability prob (or mean mu). With log = TRUE returns its logarithm."),
        doc("pnbinom", "pnbinom(q, size, prob, mu, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the negative binomial distribution: the number of \
             failures before size successes, with success probability prob (or mean mu); with lower.tail = FALSE \
             the upper tail P(X > q), and with log.p = TRUE on the log scale."),
        doc("qnbinom", "qnbinom(p, size, prob, mu, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the negative binomial distribution: the number of failures before size \
             successes, with success probability prob (or mean mu): the smallest value whose cumulative \
             probability is p. lower.tail and log.p are as in pnbinom."),
        doc("dhyper", "dhyper(x, m, n, k, log = FALSE)",
            "Probability mass at x for the hypergeometric distribution: the number of white balls among k drawn \
             without replacement from an urn of m white and n black balls. With log = TRUE returns its logarithm."),
        doc("phyper", "phyper(q, m, n, k, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the hypergeometric distribution: the number of white \
             balls among k drawn without replacement from an urn of m white and n black balls; with lower.tail = \
             FALSE the upper tail P(X > q), and with log.p = TRUE on the log scale."),
        doc("qhyper", "qhyper(p, m, n, k, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the hypergeometric distribution: the number of white balls among k drawn \
             without replacement from an urn of m white and n black balls: the smallest value whose cumulative \
             probability is p. lower.tail and log.p are as in phyper."),
        doc("dlnorm", "dlnorm(x, meanlog = 0, sdlog = 1, log = FALSE)",
            "Density at x for the log-normal distribution, whose logarithm is normal with mean meanlog and \
             standard deviation sdlog. With log = TRUE returns its logarithm."),
        doc("plnorm", "plnorm(q, meanlog = 0, sdlog = 1, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the log-normal distribution, whose logarithm is normal \
             with mean meanlog and standard deviation sdlog; with lower.tail = FALSE the upper tail P(X > q), and \
             with log.p = TRUE on the log scale."),
        doc("qlnorm", "qlnorm(p, meanlog = 0, sdlog = 1, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the log-normal distribution, whose logarithm is normal with mean meanlog and \
             standard deviation sdlog: the value whose cumulative probability is p. lower.tail and log.p are as \
             in plnorm."),
        doc("dweibull", "dweibull(x, shape, scale = 1, log = FALSE)",
            "Density at x for the Weibull distribution with the given shape and scale. With log = TRUE returns \
             its logarithm."),
        doc("pweibull", "pweibull(q, shape, scale = 1, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the Weibull distribution with the given shape and \
             scale; with lower.tail = FALSE the upper tail P(X > q), and with log.p = TRUE on the log scale."),
        doc("qweibull", "qweibull(p, shape, scale = 1, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the Weibull distribution with the given shape and scale: the value whose \
             cumulative probability is p. lower.tail and log.p are as in pweibull."),
        doc("dlogis", "dlogis(x, location = 0, scale = 1, log = FALSE)",
            "Density at x for the logistic distribution with the given location and scale. With log = TRUE \
             returns its logarithm."),
        doc("plogis", "plogis(q, location = 0, scale = 1, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the logistic distribution with the given location and \
             scale; with lower.tail = FALSE the upper tail P(X > q), and with log.p = TRUE on the log scale."),
        doc("qlogis", "qlogis(p, location = 0, scale = 1, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the logistic distribution with the given location and scale: the value whose \
             cumulative probability is p. lower.tail and log.p are as in plogis."),
        doc("dcauchy", "dcauchy(x, location = 0, scale = 1, log = FALSE)",
            "Density at x for the Cauchy distribution with the given location and scale. With log = TRUE returns \
             its logarithm."),
        doc("pcauchy", "pcauchy(q, location = 0, scale = 1, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function P(X <= q) of the Cauchy distribution with the given location and \
             scale; with lower.tail = FALSE the upper tail P(X > q), and with log.p = TRUE on the log scale."),
        doc("qcauchy", "qcauchy(p, location = 0, scale = 1, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the Cauchy distribution with the given location and scale: the value whose \
             cumulative probability is p. lower.tail and log.p are as in pcauchy."),
        doc("dsignrank", "dsignrank(x, n, log = FALSE)",
            "Probability mass at x of the Wilcoxon signed rank statistic for n observations."),
        doc("psignrank", "psignrank(q, n, lower.tail = TRUE, log.p = FALSE)",
            "Distribution function of the Wilcoxon signed rank statistic for n observations."),
        doc("qsignrank", "qsignrank(p, n, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the Wilcoxon signed rank statistic for n observations."),
        doc("dwilcox", "dwilcox(x, m, n, log = FALSE)",
            "Probability mass at x of the Wilcoxon rank sum statistic for samples of sizes m and n."),
        doc("pwilcox", "pwilcox(q, m, n, lower.tail = TRUE, log.p = FALSE)",
            "Distribution function of the Wilcoxon rank sum statistic for samples of sizes m and n."),
        doc("qwilcox", "qwilcox(p, m, n, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the Wilcoxon rank sum statistic for samples of sizes m and n."),
    ]
};

/// Numeric parameters (with the value they came from, for attributes).
struct Params {
    cols: Vec<std::rc::Rc<Vec<f64>>>,
    srcs: Vec<Option<Value>>,
}

fn num_arg(v: &Value) -> EvalResult<std::rc::Rc<Vec<f64>>> {
    match v.vtype() {
        Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl) if !v.is_factor() => Ok(v.dbl_vec()),
        _ => err("Non-numeric argument to mathematical function"),
    }
}

fn flag(m: &Matched, i: &str, default: bool) -> EvalResult<bool> {
    match m.get(i) {
        None => Ok(default),
        Some(v) => match v.as_bool() {
            Some(Some(b)) => Ok(b),
            _ => err("invalid logical argument"),
        },
    }
}

/// Collects the numeric formals `0..n` (with defaults) from a match.
fn params(m: &Matched, names: &[&str], defaults: &[Option<f64>]) -> EvalResult<Params> {
    let mut cols = Vec::new();
    let mut srcs = Vec::new();
    for (i, nm) in names.iter().enumerate() {
        match m.get(nm) {
            Some(v) => {
                cols.push(num_arg(v)?);
                srcs.push(Some(v.clone()));
            }
            None => match defaults.get(i).copied().flatten() {
                Some(d) => {
                    cols.push(std::rc::Rc::new(vec![d]));
                    srcs.push(None);
                }
                None => return err(format!("argument \"{}\" is missing, with no default", nm)),
            },
        }
    }
    Ok(Params { cols, srcs })
}

/// Evaluates `f` over the recycled parameters, copying attributes as R's math functions do.
fn run(it: &mut Interp, p: &Params, f: &dyn Fn(&[f64]) -> f64) -> EvalResult {
    let n = if p.cols.iter().any(|c| c.is_empty()) {
        0
    } else {
        p.cols.iter().map(|c| c.len()).max().unwrap_or(0)
    };
    let mut out = Vec::with_capacity(n);
    let mut buf = vec![0.0; p.cols.len()];
    let mut nan_made = false;
    for i in 0..n {
        let mut any_nan = false;
        for (j, c) in p.cols.iter().enumerate() {
            buf[j] = c[i % c.len()];
            any_nan |= buf[j].is_nan();
        }
        let v = f(&buf);
        if v.is_nan() && !any_nan {
            nan_made = true;
        }
        // NA in, NA out (R keeps NA_real_ rather than NaN)
        let v = if any_nan {
            buf.iter()
                .copied()
                .find(|x| crate::value::is_na_real(*x))
                .unwrap_or(v)
        } else {
            v
        };
        out.push(v);
    }
    if nan_made {
        it.warning("NaNs produced");
    }
    let mut res = Value::dbls(out);
    let src = p
        .cols
        .iter()
        .zip(&p.srcs)
        .find(|(c, _)| c.len() == n)
        .and_then(|(_, s)| s.as_ref());
    if let Some(s) = src {
        if let Some(attrs) = s.attrs() {
            for (k, v) in attrs.iter() {
                res.set_attr(*k, v.clone());
            }
        }
    }
    Ok(res)
}

/// A density: numeric formals then `log`.
fn dens(
    it: &mut Interp,
    m: Matched,
    names: &[&str],
    defaults: &[Option<f64>],
    f: fn(&[f64], bool) -> f64,
) -> EvalResult {
    let lg = flag(&m, "log", false)?;
    let p = params(&m, names, defaults)?;
    run(it, &p, &|v| f(v, lg))
}

/// A distribution or quantile function: numeric formals then `lower.tail`, `log.p`.
fn cdf(
    it: &mut Interp,
    m: Matched,
    names: &[&str],
    defaults: &[Option<f64>],
    f: fn(&[f64], bool, bool) -> f64,
) -> EvalResult {
    let lower = flag(&m, "lower.tail", true)?;
    let lg = flag(&m, "log.p", false)?;
    let p = params(&m, names, defaults)?;
    run(it, &p, &|v| f(v, lower, lg))
}

const N01: [Option<f64>; 3] = [None, Some(0.0), Some(1.0)];

fn dnorm(it: &mut Interp, m: Matched) -> EvalResult {
    dens(it, m, &["x", "mean", "sd"], &N01, |v, l| {
        nm::dnorm(v[0], v[1], v[2], l)
    })
}
fn pnorm(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["q", "mean", "sd"], &N01, |v, l, g| {
        nm::pnorm(v[0], v[1], v[2], l, g)
    })
}
fn qnorm(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["p", "mean", "sd"], &N01, |v, l, g| {
        nm::qnorm(v[0], v[1], v[2], l, g)
    })
}
fn dlnorm(it: &mut Interp, m: Matched) -> EvalResult {
    dens(it, m, &["x", "meanlog", "sdlog"], &N01, |v, l| {
        ot::dlnorm(v[0], v[1], v[2], l)
    })
}
fn plnorm(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["q", "meanlog", "sdlog"], &N01, |v, l, g| {
        ot::plnorm(v[0], v[1], v[2], l, g)
    })
}
fn qlnorm(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["p", "meanlog", "sdlog"], &N01, |v, l, g| {
        ot::qlnorm(v[0], v[1], v[2], l, g)
    })
}
fn dlogis(it: &mut Interp, m: Matched) -> EvalResult {
    dens(it, m, &["x", "location", "scale"], &N01, |v, l| {
        ot::dlogis(v[0], v[1], v[2], l)
    })
}
fn plogis(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["q", "location", "scale"], &N01, |v, l, g| {
        ot::plogis(v[0], v[1], v[2], l, g)
    })
}
fn qlogis(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["p", "location", "scale"], &N01, |v, l, g| {
        ot::qlogis(v[0], v[1], v[2], l, g)
    })
}
fn dcauchy(it: &mut Interp, m: Matched) -> EvalResult {
    dens(it, m, &["x", "location", "scale"], &N01, |v, l| {
        ot::dcauchy(v[0], v[1], v[2], l)
    })
}
fn pcauchy(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["q", "location", "scale"], &N01, |v, l, g| {
        ot::pcauchy(v[0], v[1], v[2], l, g)
    })
}
fn qcauchy(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["p", "location", "scale"], &N01, |v, l, g| {
        ot::qcauchy(v[0], v[1], v[2], l, g)
    })
}

const UNIF: [Option<f64>; 3] = [None, Some(0.0), Some(1.0)];
fn dunif(it: &mut Interp, m: Matched) -> EvalResult {
    dens(it, m, &["x", "min", "max"], &UNIF, |v, l| {
        ot::dunif(v[0], v[1], v[2], l)
    })
}
fn punif(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["q", "min", "max"], &UNIF, |v, l, g| {
        ot::punif(v[0], v[1], v[2], l, g)
    })
}
fn qunif(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["p", "min", "max"], &UNIF, |v, l, g| {
        ot::qunif(v[0], v[1], v[2], l, g)
    })
}

const WEIB: [Option<f64>; 3] = [None, None, Some(1.0)];
fn dweibull(it: &mut Interp, m: Matched) -> EvalResult {
    dens(it, m, &["x", "shape", "scale"], &WEIB, |v, l| {
        ot::dweibull(v[0], v[1], v[2], l)
    })
}
fn pweibull(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["q", "shape", "scale"], &WEIB, |v, l, g| {
        ot::pweibull(v[0], v[1], v[2], l, g)
    })
}
fn qweibull(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["p", "shape", "scale"], &WEIB, |v, l, g| {
        ot::qweibull(v[0], v[1], v[2], l, g)
    })
}

const RATE1: [Option<f64>; 2] = [None, Some(1.0)];
fn dexp(it: &mut Interp, m: Matched) -> EvalResult {
    dens(it, m, &["x", "rate"], &RATE1, |v, l| {
        gm::dexp_(v[0], 1.0 / v[1], l)
    })
}
fn pexp(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["q", "rate"], &RATE1, |v, l, g| {
        gm::pexp(v[0], 1.0 / v[1], l, g)
    })
}
fn qexp(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["p", "rate"], &RATE1, |v, l, g| {
        gm::qexp(v[0], 1.0 / v[1], l, g)
    })
}

/// The non-central version of a distribution: `names` ends with "ncp".
fn ncp_run(
    it: &mut Interp,
    m: &Matched,
    names: &[&str],
    is_d: bool,
    fd: fn(&[f64], bool) -> f64,
    fp: fn(&[f64], bool, bool) -> f64,
) -> EvalResult {
    let p = params(m, names, &[])?;
    if is_d {
        let lg = flag(m, "log", false)?;
        run(it, &p, &|v| fd(v, lg))
    } else {
        let lower = flag(m, "lower.tail", true)?;
        let lg = flag(m, "log.p", false)?;
        run(it, &p, &|v| fp(v, lower, lg))
    }
}

/// Density/distribution/quantile with an `ncp` formal after the numeric ones.
fn with_ncp(
    it: &mut Interp,
    m: Matched,
    names: &[&str],
    is_d: bool,
    fd: fn(&[f64], bool) -> f64,
    fp: fn(&[f64], bool, bool) -> f64,
) -> EvalResult {
    let p = params(&m, names, &[])?;
    if is_d {
        let lg = flag(&m, "log", false)?;
        run(it, &p, &|v| fd(v, lg))
    } else {
        let lower = flag(&m, "lower.tail", true)?;
        let lg = flag(&m, "log.p", false)?;
        run(it, &p, &|v| fp(v, lower, lg))
    }
}

fn unused_d(_: &[f64], _: bool) -> f64 {
    f64::NAN
}
fn unused_p(_: &[f64], _: bool, _: bool) -> f64 {
    f64::NAN
}

fn dt(it: &mut Interp, m: Matched) -> EvalResult {
    if m.has("ncp") {
        return ncp_run(it, &m, &["x", "df", "ncp"], true, |v, l| nc::dnt(v[0], v[1], v[2], l), unused_p);
    }
    with_ncp(
        it,
        m,
        &["x", "df"],
        true,
        |v, l| beta::dt(v[0], v[1], l),
        unused_p,
    )
}
fn pt(it: &mut Interp, m: Matched) -> EvalResult {
    if m.has("ncp") {
        let p = params(&m, &["q", "df", "ncp"], &[])?;
        let lower = flag(&m, "lower.tail", true)?;
        let lg = flag(&m, "log.p", false)?;
        return run(it, &p, &|v| {
            crate::stats::dist::noncentral::pnt(v[0], v[1], v[2], lower, lg)
        });
    }
    with_ncp(it, m, &["q", "df"], false, unused_d, |v, l, g| {
        beta::pt(v[0], v[1], l, g)
    })
}
fn qt(it: &mut Interp, m: Matched) -> EvalResult {
    if m.has("ncp") {
        return ncp_run(it, &m, &["p", "df", "ncp"], false, unused_d, |v, l, g| nc::qnt(v[0], v[1], v[2], l, g));
    }
    with_ncp(it, m, &["p", "df"], false, unused_d, |v, l, g| {
        beta::qt(v[0], v[1], l, g)
    })
}
fn dchisq(it: &mut Interp, m: Matched) -> EvalResult {
    if m.has("ncp") {
        return ncp_run(it, &m, &["x", "df", "ncp"], true, |v, l| nc::dnchisq(v[0], v[1], v[2], l), unused_p);
    }
    with_ncp(
        it,
        m,
        &["x", "df"],
        true,
        |v, l| gm::dchisq(v[0], v[1], l),
        unused_p,
    )
}
fn pchisq(it: &mut Interp, m: Matched) -> EvalResult {
    if m.has("ncp") {
        return ncp_run(it, &m, &["q", "df", "ncp"], false, unused_d, |v, l, g| nc::pnchisq(v[0], v[1], v[2], l, g));
    }
    with_ncp(it, m, &["q", "df"], false, unused_d, |v, l, g| {
        gm::pchisq(v[0], v[1], l, g)
    })
}
fn qchisq(it: &mut Interp, m: Matched) -> EvalResult {
    if m.has("ncp") {
        return ncp_run(it, &m, &["p", "df", "ncp"], false, unused_d, |v, l, g| nc::qnchisq(v[0], v[1], v[2], l, g));
    }
    with_ncp(it, m, &["p", "df"], false, unused_d, |v, l, g| {
        gm::qchisq(v[0], v[1], l, g)
    })
}
fn df(it: &mut Interp, m: Matched) -> EvalResult {
    if m.has("ncp") {
        return ncp_run(it, &m, &["x", "df1", "df2", "ncp"], true, |v, l| nc::dnf(v[0], v[1], v[2], v[3], l), unused_p);
    }
    with_ncp(
        it,
        m,
        &["x", "df1", "df2"],
        true,
        |v, l| beta::df(v[0], v[1], v[2], l),
        unused_p,
    )
}
fn pf(it: &mut Interp, m: Matched) -> EvalResult {
    if m.has("ncp") {
        let p = params(&m, &["q", "df1", "df2", "ncp"], &[])?;
        let lower = flag(&m, "lower.tail", true)?;
        let lg = flag(&m, "log.p", false)?;
        return run(it, &p, &|v| {
            crate::stats::dist::noncentral::pnf(v[0], v[1], v[2], v[3], lower, lg)
        });
    }
    with_ncp(it, m, &["q", "df1", "df2"], false, unused_d, |v, l, g| {
        beta::pf(v[0], v[1], v[2], l, g)
    })
}
fn qf(it: &mut Interp, m: Matched) -> EvalResult {
    if m.has("ncp") {
        return ncp_run(it, &m, &["p", "df1", "df2", "ncp"], false, unused_d, |v, l, g| nc::qnf(v[0], v[1], v[2], v[3], l, g));
    }
    with_ncp(it, m, &["p", "df1", "df2"], false, unused_d, |v, l, g| {
        beta::qf(v[0], v[1], v[2], l, g)
    })
}
fn dbeta(it: &mut Interp, m: Matched) -> EvalResult {
    if m.has("ncp") {
        return ncp_run(it, &m, &["x", "shape1", "shape2", "ncp"], true, |v, l| nc::dnbeta(v[0], v[1], v[2], v[3], l), unused_p);
    }
    with_ncp(
        it,
        m,
        &["x", "shape1", "shape2"],
        true,
        |v, l| beta::dbeta(v[0], v[1], v[2], l),
        unused_p,
    )
}
fn pbeta(it: &mut Interp, m: Matched) -> EvalResult {
    if m.has("ncp") {
        let p = params(&m, &["q", "shape1", "shape2", "ncp"], &[])?;
        let lower = flag(&m, "lower.tail", true)?;
        let lg = flag(&m, "log.p", false)?;
        return run(it, &p, &|v| {
            crate::stats::dist::noncentral::pnbeta(v[0], v[1], v[2], v[3], lower, lg)
        });
    }
    with_ncp(
        it,
        m,
        &["q", "shape1", "shape2"],
        false,
        unused_d,
        |v, l, g| beta::pbeta(v[0], v[1], v[2], l, g),
    )
}
fn qbeta(it: &mut Interp, m: Matched) -> EvalResult {
    if m.has("ncp") {
        return ncp_run(it, &m, &["p", "shape1", "shape2", "ncp"], false, unused_d, |v, l, g| nc::qnbeta(v[0], v[1], v[2], v[3], l, g));
    }
    with_ncp(
        it,
        m,
        &["p", "shape1", "shape2"],
        false,
        unused_d,
        |v, l, g| beta::qbeta(v[0], v[1], v[2], l, g),
    )
}

/// Gamma: `(x, shape, rate = 1, scale = 1/rate, ...)`.
fn gamma_fam(
    it: &mut Interp,
    m: Matched,
    first: &str,
    is_d: bool,
    fd: fn(&[f64], bool) -> f64,
    fp: fn(&[f64], bool, bool) -> f64,
) -> EvalResult {
    let mut p = params(&m, &[first, "shape"], &[])?;
    if let Some(s) = m.get("scale") {
        p.cols.push(num_arg(s)?);
        p.srcs.push(Some(s.clone()));
    } else if let Some(r) = m.get("rate") {
        let r = num_arg(r)?;
        p.cols
            .push(std::rc::Rc::new(r.iter().map(|x| 1.0 / x).collect()));
        p.srcs.push(None);
    } else {
        p.cols.push(std::rc::Rc::new(vec![1.0]));
        p.srcs.push(None);
    }
    if is_d {
        let lg = flag(&m, "log", false)?;
        run(it, &p, &|v| fd(v, lg))
    } else {
        let lower = flag(&m, "lower.tail", true)?;
        let lg = flag(&m, "log.p", false)?;
        run(it, &p, &|v| fp(v, lower, lg))
    }
}
fn dgamma(it: &mut Interp, m: Matched) -> EvalResult {
    gamma_fam(
        it,
        m,
        "x",
        true,
        |v, l| gm::dgamma(v[0], v[1], v[2], l),
        unused_p,
    )
}
fn pgamma(it: &mut Interp, m: Matched) -> EvalResult {
    gamma_fam(it, m, "q", false, unused_d, |v, l, g| {
        gm::pgamma(v[0], v[1], v[2], l, g)
    })
}
fn qgamma(it: &mut Interp, m: Matched) -> EvalResult {
    gamma_fam(it, m, "p", false, unused_d, |v, l, g| {
        gm::qgamma(v[0], v[1], v[2], l, g)
    })
}

fn dbinom(it: &mut Interp, m: Matched) -> EvalResult {
    dens(it, m, &["x", "size", "prob"], &[], |v, l| {
        ds::dbinom(v[0], v[1], v[2], l)
    })
}
fn pbinom(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["q", "size", "prob"], &[], |v, l, g| {
        ds::pbinom(v[0], v[1], v[2], l, g)
    })
}
fn qbinom(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["p", "size", "prob"], &[], |v, l, g| {
        ds::qbinom(v[0], v[1], v[2], l, g)
    })
}
fn dpois(it: &mut Interp, m: Matched) -> EvalResult {
    dens(it, m, &["x", "lambda"], &[], |v, l| {
        ds::dpois(v[0], v[1], l)
    })
}
fn ppois(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["q", "lambda"], &[], |v, l, g| {
        ds::ppois(v[0], v[1], l, g)
    })
}
fn qpois(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["p", "lambda"], &[], |v, l, g| {
        ds::qpois(v[0], v[1], l, g)
    })
}
fn dgeom(it: &mut Interp, m: Matched) -> EvalResult {
    dens(it, m, &["x", "prob"], &[], |v, l| ds::dgeom(v[0], v[1], l))
}
fn pgeom(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["q", "prob"], &[], |v, l, g| {
        ds::pgeom(v[0], v[1], l, g)
    })
}
fn qgeom(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["p", "prob"], &[], |v, l, g| {
        ds::qgeom(v[0], v[1], l, g)
    })
}
fn dhyper(it: &mut Interp, m: Matched) -> EvalResult {
    dens(it, m, &["x", "m", "n", "k"], &[], |v, l| {
        ds::dhyper(v[0], v[1], v[2], v[3], l)
    })
}
fn phyper(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["q", "m", "n", "k"], &[], |v, l, g| {
        ds::phyper(v[0], v[1], v[2], v[3], l, g)
    })
}
fn qhyper(it: &mut Interp, m: Matched) -> EvalResult {
    cdf(it, m, &["p", "m", "n", "k"], &[], |v, l, g| {
        ds::qhyper(v[0], v[1], v[2], v[3], l, g)
    })
}

/// Negative binomial: `(x, size, prob, mu, ...)` — exactly one of `prob`, `mu`.
fn nbinom_fam(it: &mut Interp, m: Matched, first: &str, is_d: bool) -> EvalResult {
    let use_mu = m.has("mu");
    if use_mu && m.has("prob") {
        return err("'prob' and 'mu' both specified");
    }
    let mut p = params(&m, &[first, "size"], &[])?;
    let third = if use_mu { m.get("mu") } else { m.get("prob") };
    let Some(t) = third else {
        return err("argument \"prob\" is missing, with no default");
    };
    p.cols.push(num_arg(t)?);
    p.srcs.push(Some(t.clone()));
    if is_d {
        let lg = flag(&m, "log", false)?;
        if use_mu {
            run(it, &p, &|v| ds::dnbinom_mu(v[0], v[1], v[2], lg))
        } else {
            run(it, &p, &|v| ds::dnbinom(v[0], v[1], v[2], lg))
        }
    } else {
        let lower = flag(&m, "lower.tail", true)?;
        let lg = flag(&m, "log.p", false)?;
        match (first, use_mu) {
            ("q", true) => run(it, &p, &|v| ds::pnbinom_mu(v[0], v[1], v[2], lower, lg)),
            ("q", false) => run(it, &p, &|v| ds::pnbinom(v[0], v[1], v[2], lower, lg)),
            (_, true) => run(it, &p, &|v| ds::qnbinom_mu(v[0], v[1], v[2], lower, lg)),
            (_, false) => run(it, &p, &|v| ds::qnbinom(v[0], v[1], v[2], lower, lg)),
        }
    }
}
fn dnbinom(it: &mut Interp, m: Matched) -> EvalResult {
    nbinom_fam(it, m, "x", true)
}
fn pnbinom(it: &mut Interp, m: Matched) -> EvalResult {
    nbinom_fam(it, m, "q", false)
}
fn qnbinom(it: &mut Interp, m: Matched) -> EvalResult {
    nbinom_fam(it, m, "p", false)
}

fn dsignrank(it: &mut Interp, m: Matched) -> EvalResult {
    ncp_run(it, &m, &["x", "n"], true, |v, l| sr::dsignrank(v[0], v[1], l), unused_p)
}
fn psignrank(it: &mut Interp, m: Matched) -> EvalResult {
    ncp_run(it, &m, &["q", "n"], false, unused_d, |v, l, g| sr::psignrank(v[0], v[1], l, g))
}
fn qsignrank(it: &mut Interp, m: Matched) -> EvalResult {
    ncp_run(it, &m, &["p", "n"], false, unused_d, |v, l, g| sr::qsignrank(v[0], v[1], l, g))
}
fn dwilcox(it: &mut Interp, m: Matched) -> EvalResult {
    ncp_run(it, &m, &["x", "m", "n"], true, |v, l| sr::dwilcox(v[0], v[1], v[2], l), unused_p)
}
fn pwilcox(it: &mut Interp, m: Matched) -> EvalResult {
    ncp_run(it, &m, &["q", "m", "n"], false, unused_d, |v, l, g| {
        sr::pwilcox(v[0], v[1], v[2], l, g)
    })
}
fn qwilcox(it: &mut Interp, m: Matched) -> EvalResult {
    ncp_run(it, &m, &["p", "m", "n"], false, unused_d, |v, l, g| {
        sr::qwilcox(v[0], v[1], v[2], l, g)
    })
}
