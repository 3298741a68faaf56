//! A GLM's iteration as Spark SQL: a family's link, variance and deviance written as SQL
//! over a design query's columns (`z1..zk`, the response `y`, the prior weight `w`), and
//! the aggregate queries of one IRLS iteration and of the fit's final sums.
//!
//! One query per iteration evaluates the model at a point: its deviance and validity (for
//! the convergence test and step halving) and the weighted cross products of
//! `[1, z - m, v]` with the working weights `ww`. At coefficients `b`, `v` is the working
//! residual `(y - mu) / mu.eta`, so the solve gives the step `b_new - b` (the working
//! response is `X b + v`): errors of the normal equations then shrink with the step, and
//! the fixed point satisfies the score equations to rounding, whatever the conditioning.
//! At the family's starting means there are no coefficients and `v` is the working
//! response itself. Divisions are `try_divide` (Spark's ANSI mode fails on a zero
//! divisor; a NULL marks the row's terms invalid instead).

use super::sql::lit;
use crate::stats::glm::{Family, Kind, Link};

const EPS: f64 = f64::EPSILON;

fn div(a: &str, b: &str) -> String {
    format!("try_divide({}, {})", a, b)
}

/// Whether the family and link can be computed in Spark (`Err`: why not).
pub fn supported(fam: &Family) -> Result<(), String> {
    match fam.kind {
        Kind::Quasi(_) => return Err("the quasi() family is not supported for a Spark frame yet".into()),
        Kind::InverseGaussian => {
            return Err("the inverse.gaussian family is not supported for a Spark frame yet".into())
        }
        _ => {}
    }
    if fam.link == Link::Probit {
        return Err("the probit link is not supported for a Spark frame (Spark SQL has no normal distribution function): use logit or cloglog".into());
    }
    Ok(())
}

/// `linkinv(eta)`, clamped as R clamps it.
pub fn linkinv(l: Link, eta: &str) -> String {
    match l {
        Link::Logit => format!(
            "(CASE WHEN {e} < -30D THEN {a} WHEN {e} > 30D THEN {b} ELSE EXP({e}) / (1D + EXP({e})) END)",
            e = eta,
            a = lit(EPS / (1.0 + EPS)),
            b = lit((1.0 / EPS) / (1.0 + 1.0 / EPS))
        ),
        Link::Cauchit => {
            let th = -(std::f64::consts::PI * (EPS - 0.5)).tan();
            format!(
                "(0.5D + ATAN(LEAST(GREATEST({}, {}), {})) / PI())",
                eta,
                lit(-th),
                lit(th)
            )
        }
        Link::Cloglog => format!(
            "LEAST(GREATEST(-EXPM1(-EXP({})), {}), {})",
            eta,
            lit(EPS),
            lit(1.0 - EPS)
        ),
        Link::Identity => eta.to_string(),
        Link::Log => format!("GREATEST(EXP({}), {})", eta, lit(EPS)),
        Link::Inverse => div("1D", eta),
        Link::Sqrt => format!("({e} * {e})", e = eta),
        Link::InverseSquare => div("1D", &format!("SQRT({})", eta)),
        Link::Probit => "CAST(NULL AS DOUBLE)".into(),
    }
}

/// `mu.eta(eta)`.
pub fn mu_eta(l: Link, eta: &str) -> String {
    match l {
        Link::Logit => format!(
            "(CASE WHEN {e} < -30D OR {e} > 30D THEN {eps} ELSE EXP({e}) / ((1D + EXP({e})) * (1D + EXP({e}))) END)",
            e = eta,
            eps = lit(EPS)
        ),
        Link::Cauchit => format!(
            "GREATEST(1D / (PI() * (1D + {e} * {e})), {})",
            lit(EPS),
            e = eta
        ),
        Link::Cloglog => format!(
            "GREATEST(EXP(LEAST({e}, 700D)) * EXP(-EXP(LEAST({e}, 700D))), {})",
            lit(EPS),
            e = eta
        ),
        Link::Identity => "1D".into(),
        Link::Log => format!("GREATEST(EXP({}), {})", eta, lit(EPS)),
        Link::Inverse => format!("(-{})", div("1D", &format!("({e} * {e})", e = eta))),
        Link::Sqrt => format!("(2D * {})", eta),
        Link::InverseSquare => format!("(-{})", div("1D", &format!("(2D * POWER({}, 1.5D))", eta))),
        Link::Probit => "CAST(NULL AS DOUBLE)".into(),
    }
}

/// `linkfun(mu)`.
pub fn linkfun(l: Link, mu: &str) -> String {
    match l {
        Link::Logit => format!("LN({})", div(mu, &format!("(1D - {})", mu))),
        Link::Cauchit => format!("TAN(PI() * ({} - 0.5D))", mu),
        Link::Cloglog => format!("LN(-LN(1D - {}))", mu),
        Link::Identity => mu.to_string(),
        Link::Log => format!("LN({})", mu),
        Link::Inverse => div("1D", mu),
        Link::Sqrt => format!("SQRT({})", mu),
        Link::InverseSquare => div("1D", &format!("({m} * {m})", m = mu)),
        Link::Probit => "CAST(NULL AS DOUBLE)".into(),
    }
}

/// `variance(mu)`.
pub fn variance(fam: &Family, mu: &str) -> String {
    match fam.kind {
        Kind::Binomial | Kind::QuasiBinomial => format!("({m} * (1D - {m}))", m = mu),
        Kind::Poisson | Kind::QuasiPoisson => mu.to_string(),
        Kind::Gamma => format!("({m} * {m})", m = mu),
        Kind::InverseGaussian => format!("({m} * {m} * {m})", m = mu),
        Kind::Gaussian | Kind::Quasi(_) => "1D".into(),
    }
}

/// `y * log(y / mu)`, 0 where `y` is 0.
fn ylogy(y: &str, mu: &str) -> String {
    format!("IF({y} = 0D, 0D, {y} * LN({}))", div(y, mu), y = y)
}

/// One row's deviance contribution `dev.resids(y, mu, w)`.
pub fn dev_resid(fam: &Family, y: &str, mu: &str, w: &str) -> String {
    match fam.kind {
        Kind::Binomial | Kind::QuasiBinomial => format!(
            "(2D * {w} * ({} + {}))",
            ylogy(y, mu),
            ylogy(&format!("(1D - {})", y), &format!("(1D - {})", mu)),
            w = w
        ),
        Kind::Poisson | Kind::QuasiPoisson => format!(
            "IF({y} > 0D, 2D * {w} * ({y} * LN({}) - ({y} - {mu})), 2D * {mu} * {w})",
            div(y, mu),
            y = y,
            mu = mu,
            w = w
        ),
        Kind::Gamma => format!(
            "(-2D * {w} * (LN(IF({y} = 0D, 1D, {})) - {}))",
            div(y, mu),
            div(&format!("({} - {})", y, mu), mu),
            y = y,
            w = w
        ),
        Kind::InverseGaussian => div(
            &format!("({w} * ({y} - {mu}) * ({y} - {mu}))", w = w, y = y, mu = mu),
            &format!("({y} * {mu} * {mu})", y = y, mu = mu),
        ),
        Kind::Gaussian | Kind::Quasi(_) => {
            format!("({w} * ({y} - {mu}) * ({y} - {mu}))", w = w, y = y, mu = mu)
        }
    }
}

/// Whether `mu` and `eta` are valid for the family and link (SQL boolean, NULL: no).
fn valid(fam: &Family, mu: &str, eta: &str) -> String {
    let m = match fam.kind {
        Kind::Binomial | Kind::QuasiBinomial => format!("{m} > 0D AND {m} < 1D", m = mu),
        Kind::Poisson | Kind::QuasiPoisson | Kind::Gamma => {
            format!("{m} > 0D AND {m} < CAST('Infinity' AS DOUBLE)", m = mu)
        }
        _ => "TRUE".into(),
    };
    let e = match fam.link {
        Link::Inverse => format!("{e} <> 0D AND NOT isnan({e}) AND abs({e}) < CAST('Infinity' AS DOUBLE)", e = eta),
        Link::Sqrt | Link::InverseSquare => {
            format!("{e} > 0D AND {e} < CAST('Infinity' AS DOUBLE)", e = eta)
        }
        _ => "TRUE".into(),
    };
    format!("coalesce(({}) AND ({}), FALSE)", m, e)
}

/// Whether `mu` is numerically at the family's boundary (R's warning).
fn at_boundary(fam: &Family, mu: &str) -> String {
    let eps = lit(10.0 * EPS);
    match fam.kind {
        Kind::Binomial => format!("({m} > 1D - {e} OR {m} < {e})", m = mu, e = eps),
        Kind::Poisson => format!("{} < {}", mu, eps),
        _ => "FALSE".into(),
    }
}

/// The family's starting means (`mustart`) from `y` and `w`.
pub fn mustart(fam: &Family) -> String {
    match fam.kind {
        Kind::Binomial | Kind::QuasiBinomial => div("(w * y + 0.5D)", "(w + 1D)"),
        Kind::Poisson | Kind::QuasiPoisson => "(y + 0.1D)".into(),
        _ => "y".into(),
    }
}

/// Aggregates the first pass adds for the family's checks of the response: counts of
/// rows outside its range (`bad`) and of non-integer successes (`frac`).
pub fn response_checks(fam: &Family) -> Vec<String> {
    let bad = match fam.kind {
        Kind::Binomial | Kind::QuasiBinomial => "y < 0D OR y > 1D",
        Kind::Poisson | Kind::QuasiPoisson => "y < 0D",
        Kind::Gamma => "y <= 0D",
        Kind::Gaussian if matches!(fam.link, Link::Inverse | Link::Log) => "y <= 0D",
        _ => "FALSE",
    };
    vec![
        format!("CAST(count_if(rsc_ok AND ({})) AS DOUBLE)", bad),
        "CAST(count_if(rsc_ok AND abs(round(w * y) - w * y) > 1e-7D) AS DOUBLE)".into(),
        "CAST(count_if(rsc_ok AND w < 0D) AS DOUBLE)".into(),
        "sum(IF(rsc_ok, w * y, 0D))".into(),
        "sum(IF(rsc_ok, w, 0D))".into(),
    ]
}

/// The linear predictor `b0 + sum b_j z_j` over the design columns `cols` (1-based `z`
/// numbers; 0 is the intercept), aliased (NaN) coefficients left out.
pub fn linear_predictor(cols: &[usize], b: &[f64]) -> String {
    let mut s = String::from("0D");
    for (&j, &bj) in cols.iter().zip(b) {
        if !bj.is_finite() || bj == 0.0 {
            continue;
        }
        if j == 0 {
            s = format!("{} + {}", s, lit(bj));
        } else {
            s = format!("{} + {} * z{}", s, lit(bj), j);
        }
    }
    format!("({})", s)
}

/// The rows of design query `d` with `eta` (SQL), `mu`, `me` (mu.eta), the working weight
/// `ww` and working residual `r`.
fn at_point(fam: &Family, d: &str, eta: &str) -> String {
    let l = fam.link;
    format!(
        "SELECT *, IF(w > 0D AND me <> 0D, {ww}, 0D) AS ww, {r} AS r FROM \
         (SELECT *, {mu} AS mu, {me} AS me FROM (SELECT *, {eta} AS eta FROM ({d}) AS rsc_d) AS rsc_e) AS rsc_m",
        ww = div("(w * me * me)", &variance(fam, "mu")),
        r = div("(y - mu)", "me"),
        mu = linkinv(l, "eta"),
        me = mu_eta(l, "eta"),
        eta = eta,
        d = d
    )
}

/// One IRLS evaluation over design query `d`: `[dev, bad, n_null, boundary, n_informative]`
/// then the weighted sums of products of `[1?, z_j - m_j (j in cols), v]`, upper triangle
/// row by row (see [`gram_from`]). `eta`: the point's linear predictor; `start`: whether
/// `v` is the working response (at the starting means) rather than the working residual.
pub fn iteration_query(
    fam: &Family,
    d: &str,
    eta: &str,
    intercept: bool,
    cols: &[(usize, f64)],
    start: bool,
) -> String {
    let dev = dev_resid(fam, "y", "mu", "w");
    let mut s = vec![
        format!("sum({})", dev),
        format!("CAST(count_if(NOT {}) AS DOUBLE)", valid(fam, "mu", "eta")),
        format!("CAST(count_if({d} IS NULL OR isnan({d})) AS DOUBLE)", d = dev),
        format!("CAST(count_if({}) AS DOUBLE)", at_boundary(fam, "mu")),
        "CAST(count_if(ww > 0D) AS DOUBLE)".into(),
    ];
    let mut a: Vec<String> = Vec::new();
    if intercept {
        a.push("1D".into());
    }
    for &(j, m) in cols {
        a.push(format!("(z{} - {})", j, lit(m)));
    }
    a.push(if start { "(eta + r)".into() } else { "r".into() });
    for i in 0..a.len() {
        for j in i..a.len() {
            s.push(format!("sum(ww * {} * {})", a[i], a[j]));
        }
    }
    format!(
        "SELECT {} FROM ({}) AS rsc_p",
        s.join(", "),
        at_point(fam, d, eta)
    )
}

/// The symmetric `q x q` (row-major) matrix of an upper triangle listed row by row.
pub fn gram_from(upper: &[f64], q: usize) -> Vec<f64> {
    let mut g = vec![0.0; q * q];
    let mut at = 0;
    for i in 0..q {
        for j in i..q {
            let v = upper.get(at).copied().unwrap_or(f64::NAN);
            at += 1;
            g[i * q + j] = v;
            g[j * q + i] = v;
        }
    }
    g
}

/// The final sums at the fit's linear predictor `eta`, with `prev` the linear predictor
/// whose working weights the last least squares used and `null_mu` the null model's mean:
/// `[dev, pearson, null deviance, rows, rows with w != 0, sum w, sum log w, loglik part,
/// sum w log y, sum w log mu, sum w y / mu]`.
pub fn final_query(fam: &Family, d: &str, eta: &str, prev: &str, null_mu: &str) -> String {
    let l = fam.link;
    let ll = match fam.kind {
        // the parts of the log-likelihood that depend on mu (the rest is summed by rsc)
        Kind::Binomial => "IF(w > 0D, IF(round(w * y) = 0D, 0D, round(w * y) * LN(mu)) + \
             IF(round(w) - round(w * y) = 0D, 0D, (round(w) - round(w * y)) * LN(1D - mu)), 0D)"
            .to_string(),
        Kind::Poisson => "w * (IF(y = 0D, 0D, y * LN(mu)) - mu)".into(),
        _ => "0D".into(),
    };
    let s = [
        format!("sum({})", dev_resid(fam, "y", "mu", "w")),
        format!(
            "sum(IF(wp > 0D, wp * {r} * {r}, 0D))",
            r = div("(y - mu)", "me")
        ),
        format!("sum({})", dev_resid(fam, "y", null_mu, "w")),
        "CAST(count(*) AS DOUBLE)".into(),
        "CAST(count_if(w <> 0D) AS DOUBLE)".into(),
        "sum(w)".into(),
        "sum(LN(w))".into(),
        format!("sum({})", ll),
        "sum(IF(w > 0D, w * LN(y), 0D))".into(),
        "sum(IF(w > 0D, w * LN(mu), 0D))".into(),
        format!("sum(IF(w > 0D, w * {}, 0D))", div("y", "mu")),
    ];
    format!(
        "SELECT {} FROM (SELECT *, IF(w > 0D AND mep <> 0D, {wp}, 0D) AS wp FROM \
         (SELECT *, {mu} AS mu, {me} AS me, {mup} AS mup, {mep} AS mep FROM \
         (SELECT *, {eta} AS eta, {prev} AS etap FROM ({d}) AS rsc_d) AS rsc_e) AS rsc_m) AS rsc_p",
        s.join(", "),
        wp = div("(w * mep * mep)", &variance(fam, "mup")),
        mu = linkinv(l, "eta"),
        me = mu_eta(l, "eta"),
        mup = linkinv(l, "etap"),
        mep = mu_eta(l, "etap"),
        eta = eta,
        prev = prev,
        d = d
    )
}

/// The deviance residual `sign(y - mu) sqrt(dev.resid)` at linear predictor `eta`, as a
/// query over `d` with the residual as column `r` (for its quantiles).
pub fn deviance_residuals(fam: &Family, d: &str, eta: &str) -> String {
    format!(
        "SELECT IF(y > mu, 1D, -1D) * SQRT(GREATEST({}, 0D)) AS r, * FROM \
         (SELECT *, {} AS mu FROM (SELECT *, {} AS eta FROM ({}) AS rsc_d) AS rsc_e) AS rsc_m",
        dev_resid(fam, "y", "mu", "w"),
        linkinv(fam.link, "eta"),
        eta,
        d
    )
}

/// `SELECT y, w, count(*)` of the complete rows grouped by response and weight (the
/// log-likelihood's terms that do not depend on the fit).
pub fn response_groups(d: &str) -> String {
    format!(
        "SELECT y, w, CAST(count(*) AS DOUBLE) AS n FROM ({}) AS rsc_d GROUP BY y, w",
        d
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_from_upper_triangles() {
        let g = gram_from(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 3);
        assert_eq!(g, vec![1.0, 2.0, 3.0, 2.0, 4.0, 5.0, 3.0, 5.0, 6.0]);
    }

    #[test]
    fn families_as_sql() {
        let f = Family::new("binomial", None).unwrap();
        assert!(supported(&f).is_ok());
        assert!(supported(&Family::new("binomial", Some("probit")).unwrap()).is_err());
        assert!(iteration_query(&f, "SELECT 1", "eta", true, &[(1, 0.5)], false).contains("sum(ww * 1D * 1D)"));
        assert_eq!(linear_predictor(&[0, 2], &[1.5, f64::NAN]), "(0D + (1.5e0D))");
    }
}
