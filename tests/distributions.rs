//! Distribution kernels against GNU R 4.2: `tests/fixtures/distributions.txt.gz`, written by
//! `tests/fixtures/gen_distributions.R`, holds 10,000+ values per d/p/q function of 17
//! distributions (and of the negative binomial's `mu` parametrization) (bulk and extreme tails, both tails, log scale). Each must agree to 1e-12
//! relative; NaN, infinities and zeros exactly; values both below 1e-300 (where R itself
//! works with subnormals) only need to be nonzero together. Set `RSC_DIST_FILTER=norm`
//! (a distribution or a function name such as `qbeta`) to check only part of the fixture.

use rsc::stats::dist::{beta, discrete as ds, gamma as gm, normal as nm, other as ot};
use std::collections::BTreeMap;
use std::io::Read;

const REL: f64 = 1e-12;

/// Parses a C99 hex float as written by C's `printf("%a")` (and R's NA/NaN/Inf).
fn hexf(s: &str) -> f64 {
    match s {
        "NA" | "NaN" => return f64::NAN,
        "Inf" => return f64::INFINITY,
        "-Inf" => return f64::NEG_INFINITY,
        _ => {}
    }
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s),
    };
    let body = body
        .strip_prefix("0x")
        .unwrap_or_else(|| panic!("bad hex float {}", s));
    let (mant, exp) = body
        .split_once('p')
        .unwrap_or_else(|| panic!("bad hex float {}", s));
    let mut e: i64 = exp
        .parse()
        .unwrap_or_else(|_| panic!("bad hex float {}", s));
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    let mut m: u64 = 0;
    for c in ip.chars().chain(fp.chars()) {
        m = (m << 4)
            | c.to_digit(16)
                .unwrap_or_else(|| panic!("bad hex float {}", s)) as u64;
    }
    e -= 4 * fp.len() as i64;
    let v = if m == 0 {
        0.0
    } else {
        // m * 2^e: normalize m to 53 bits, then build the bits (exact for every value printf wrote)
        let lz = m.leading_zeros() as i64;
        let shift = lz - 11; // bring the top bit to position 52
        let m = if shift >= 0 { m << shift } else { m >> -shift };
        let e = e - shift + 52; // value = 1.f * 2^e
        if e >= -1022 {
            f64::from_bits((((e + 1023) as u64) << 52) | (m & ((1u64 << 52) - 1)))
        } else {
            f64::from_bits(m >> (-1022 - e))
        }
    };
    if neg {
        -v
    } else {
        v
    }
}

fn d(name: &str, a: &[f64], x: f64, lg: bool) -> f64 {
    match name {
        "norm" => nm::dnorm(x, a[0], a[1], lg),
        "t" => beta::dt(x, a[0], lg),
        "chisq" => gm::dchisq(x, a[0], lg),
        "f" => beta::df(x, a[0], a[1], lg),
        "gamma" => gm::dgamma(x, a[0], 1.0 / a[1], lg),
        "beta" => beta::dbeta(x, a[0], a[1], lg),
        "exp" => gm::dexp_(x, 1.0 / a[0], lg),
        "lnorm" => ot::dlnorm(x, a[0], a[1], lg),
        "weibull" => ot::dweibull(x, a[0], a[1], lg),
        "logis" => ot::dlogis(x, a[0], a[1], lg),
        "cauchy" => ot::dcauchy(x, a[0], a[1], lg),
        "unif" => ot::dunif(x, a[0], a[1], lg),
        "binom" => ds::dbinom(x, a[0], a[1], lg),
        "pois" => ds::dpois(x, a[0], lg),
        "geom" => ds::dgeom(x, a[0], lg),
        "nbinom" => ds::dnbinom(x, a[0], a[1], lg),
        "nbinom_mu" => ds::dnbinom_mu(x, a[0], a[1], lg),
        "hyper" => ds::dhyper(x, a[0], a[1], a[2], lg),
        _ => panic!("unknown distribution {}", name),
    }
}

fn p(name: &str, a: &[f64], x: f64, lt: bool, lg: bool) -> f64 {
    match name {
        "norm" => nm::pnorm(x, a[0], a[1], lt, lg),
        "t" => beta::pt(x, a[0], lt, lg),
        "chisq" => gm::pchisq(x, a[0], lt, lg),
        "f" => beta::pf(x, a[0], a[1], lt, lg),
        "gamma" => gm::pgamma(x, a[0], 1.0 / a[1], lt, lg),
        "beta" => beta::pbeta(x, a[0], a[1], lt, lg),
        "exp" => gm::pexp(x, 1.0 / a[0], lt, lg),
        "lnorm" => ot::plnorm(x, a[0], a[1], lt, lg),
        "weibull" => ot::pweibull(x, a[0], a[1], lt, lg),
        "logis" => ot::plogis(x, a[0], a[1], lt, lg),
        "cauchy" => ot::pcauchy(x, a[0], a[1], lt, lg),
        "unif" => ot::punif(x, a[0], a[1], lt, lg),
        "binom" => ds::pbinom(x, a[0], a[1], lt, lg),
        "pois" => ds::ppois(x, a[0], lt, lg),
        "geom" => ds::pgeom(x, a[0], lt, lg),
        "nbinom" => ds::pnbinom(x, a[0], a[1], lt, lg),
        "nbinom_mu" => ds::pnbinom_mu(x, a[0], a[1], lt, lg),
        "hyper" => ds::phyper(x, a[0], a[1], a[2], lt, lg),
        _ => panic!("unknown distribution {}", name),
    }
}

fn q(name: &str, a: &[f64], x: f64, lt: bool, lg: bool) -> f64 {
    match name {
        "norm" => nm::qnorm(x, a[0], a[1], lt, lg),
        "t" => beta::qt(x, a[0], lt, lg),
        "chisq" => gm::qchisq(x, a[0], lt, lg),
        "f" => beta::qf(x, a[0], a[1], lt, lg),
        "gamma" => gm::qgamma(x, a[0], 1.0 / a[1], lt, lg),
        "beta" => beta::qbeta(x, a[0], a[1], lt, lg),
        "exp" => gm::qexp(x, 1.0 / a[0], lt, lg),
        "lnorm" => ot::qlnorm(x, a[0], a[1], lt, lg),
        "weibull" => ot::qweibull(x, a[0], a[1], lt, lg),
        "logis" => ot::qlogis(x, a[0], a[1], lt, lg),
        "cauchy" => ot::qcauchy(x, a[0], a[1], lt, lg),
        "unif" => ot::qunif(x, a[0], a[1], lt, lg),
        "binom" => ds::qbinom(x, a[0], a[1], lt, lg),
        "pois" => ds::qpois(x, a[0], lt, lg),
        "geom" => ds::qgeom(x, a[0], lt, lg),
        "nbinom" => ds::qnbinom(x, a[0], a[1], lt, lg),
        "nbinom_mu" => ds::qnbinom_mu(x, a[0], a[1], lt, lg),
        "hyper" => ds::qhyper(x, a[0], a[1], a[2], lt, lg),
        _ => panic!("unknown distribution {}", name),
    }
}

/// Relative difference, or `None` when the two values agree by the rules above.
fn mismatch(got: f64, want: f64) -> Option<f64> {
    if want.is_nan() || got.is_nan() {
        return if want.is_nan() && got.is_nan() {
            None
        } else {
            Some(f64::INFINITY)
        };
    }
    if want.is_infinite() || got.is_infinite() || want == 0.0 || got == 0.0 {
        return if got == want {
            None
        } else {
            Some(f64::INFINITY)
        };
    }
    if want.abs() < 1e-300 && got.abs() < 1e-300 {
        return None;
    }
    let rel = ((got - want) / want).abs();
    if rel <= REL {
        None
    } else {
        Some(rel)
    }
}

/// Points where rsc knowingly differs from R 4.2 by more than 1e-12, with the observed
/// relative error: `(function, parameters, input, lower.tail, log.p)`.
const ALLOWED: &[(&str, &[f64], f64, bool, bool)] = &[];

fn allowed(f: &str, a: &[f64], x: f64, lt: bool, lg: bool) -> bool {
    ALLOWED.iter().any(|&(af, aa, ax, alt, alg)| {
        af == f && aa == a && (ax == x || ax.is_nan() && x.is_nan()) && alt == lt && alg == lg
    })
}

#[test]
fn distributions_match_r() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/distributions.txt.gz"
    );
    let file = std::fs::File::open(path).expect("fixture tests/fixtures/distributions.txt.gz");
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("gzip fixture");
    let filter = std::env::var("RSC_DIST_FILTER").ok();
    let mut name = String::new();
    let mut pars: Vec<f64> = Vec::new();
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for line in text.lines() {
        let w: Vec<&str> = line.split(' ').collect();
        if w[0] == "@" {
            name = w[1].to_string();
            pars = w[2..].iter().map(|s| hexf(s)).collect();
            continue;
        }
        let v: Vec<f64> = w[1..].iter().map(|s| hexf(s)).collect();
        let f = format!("{}{}", w[0], name);
        if filter.as_deref().is_some_and(|flt| flt != name && flt != f) {
            continue;
        }
        let mut check = |got: f64, want: f64, x: f64, lt: bool, lg: bool| {
            let c = counts.entry(f.clone()).or_default();
            c.0 += 1;
            if let Some(rel) = mismatch(got, want) {
                if !allowed(&f, &pars, x, lt, lg) {
                    c.1 += 1;
                    failures.push(format!(
                        "{}({:e}, {:?}, lower={}, log={}) = {:e}, R: {:e}, rel {:.1e}",
                        f, x, pars, lt, lg, got, want, rel
                    ));
                }
            }
        };
        match w[0] {
            "d" => {
                let x = v[0];
                check(d(&name, &pars, x, false), v[1], x, true, false);
                check(d(&name, &pars, x, true), v[2], x, true, true);
            }
            "p" => {
                let x = v[0];
                check(p(&name, &pars, x, true, false), v[1], x, true, false);
                check(p(&name, &pars, x, true, true), v[2], x, true, true);
                check(p(&name, &pars, x, false, false), v[3], x, false, false);
                check(p(&name, &pars, x, false, true), v[4], x, false, true);
            }
            "q" => {
                let (pr, lp) = (v[0], v[3]);
                check(q(&name, &pars, pr, true, false), v[1], pr, true, false);
                check(q(&name, &pars, pr, false, false), v[2], pr, false, false);
                check(q(&name, &pars, lp, true, true), v[4], lp, true, true);
                check(q(&name, &pars, lp, false, true), v[5], lp, false, true);
            }
            other => panic!("bad fixture line kind {}", other),
        }
    }
    if filter.is_none() {
        for (f, (n, _)) in &counts {
            assert!(*n >= 10_000, "{}: only {} values in the fixture", f, n);
        }
        assert_eq!(counts.len(), 54, "functions in the fixture");
    }
    if !failures.is_empty() {
        let summary: Vec<String> = counts
            .iter()
            .filter(|(_, c)| c.1 > 0)
            .map(|(f, c)| format!("{}: {}/{}", f, c.1, c.0))
            .collect();
        let shown: Vec<&str> = failures.iter().take(300).map(|s| s.as_str()).collect();
        panic!(
            "{} values differ from R ({}):\n{}",
            failures.len(),
            summary.join(", "),
            shown.join("\n")
        );
    }
}
