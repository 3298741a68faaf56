//! Random number builtins: `set.seed`, `RNGkind`, the `r<dist>` generators and
//! `sample` / `sample.int`, all reproducing GNU R's streams.

use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::rdist;
use crate::stats::rng::{Rng, SampleKind};
use crate::value::{na_real, VType, Value, NA_INT};
use std::rc::Rc;

/// Random number builtins.
pub const BUILTINS: &[Builtin] = &[
    eager("set.seed", set_seed),
    declared("RNGkind", rng_kind),
    eager("runif", runif),
    eager("rnorm", rnorm),
    eager("rexp", rexp),
    declared("rgamma", rgamma),
    declared("rbeta", rbeta),
    declared("rchisq", rchisq),
    declared("rt", rt),
    eager("rf", rf),
    eager("rbinom", rbinom),
    eager("rpois", rpois),
    eager("rgeom", rgeom),
    declared("rnbinom", rnbinom),
    eager("rlogis", rlogis),
    eager("rweibull", rweibull),
    eager("rlnorm", rlnorm),
    eager("rcauchy", rcauchy),
    eager("rhyper", rhyper),
    declared("sample", sample),
    eager("sample.int", sample_int),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("set.seed", "set.seed(seed, kind = NULL, normal.kind = NULL, sample.kind = NULL)",
            "Seeds the random number generator with the integer seed so that later random draws are reproducible; \
             with the same seed rsc draws the same numbers as R (Mersenne-Twister with inversion for normals). \
             Returns NULL invisibly."),
        doc("RNGkind", "RNGkind(kind = NULL, normal.kind = NULL, sample.kind = NULL)",
            "Returns the names of the random number generator, normal generator and sampling method in use, \
             invisibly when setting them. sample.kind = \"Rounding\" reproduces sampling as R did before version \
             3.6."),
        doc("runif", "runif(n, min = 0, max = 1)",
            "Draws n random numbers uniformly distributed between min and max."),
        doc("rnorm", "rnorm(n, mean = 0, sd = 1)",
            "Draws n random numbers from the normal distribution with the given mean and sd (recycled when \
             vectors)."),
        doc("rexp", "rexp(n, rate = 1)",
            "Draws n random numbers from the exponential distribution with the given rate."),
        doc("rgamma", "rgamma(n, shape, rate = 1, scale = 1/rate)",
            "Draws n random numbers from the gamma distribution with the given shape and rate (or scale)."),
        doc("rbeta", "rbeta(n, shape1, shape2, ncp = 0)",
            "Draws n random numbers from the beta distribution with parameters shape1 and shape2."),
        doc("rchisq", "rchisq(n, df, ncp = 0)",
            "Draws n random numbers from the chi-squared distribution with df degrees of freedom (non-central \
             when ncp is given)."),
        doc("rt", "rt(n, df, ncp)",
            "Draws n random numbers from Student's t distribution with df degrees of freedom (non-central when \
             ncp is given)."),
        doc("rf", "rf(n, df1, df2)",
            "Draws n random numbers from the F distribution with df1 and df2 degrees of freedom."),
        doc("rbinom", "rbinom(n, size, prob)",
            "Draws n random counts of successes in size trials with success probability prob."),
        doc("rpois", "rpois(n, lambda)", "Draws n random counts from the Poisson distribution with mean lambda."),
        doc("rgeom", "rgeom(n, prob)",
            "Draws n random numbers of failures before the first success, with success probability prob."),
        doc("rnbinom", "rnbinom(n, size, prob, mu)",
            "Draws n random numbers from the negative binomial distribution given size and either prob or the \
             mean mu."),
        doc("rlogis", "rlogis(n, location = 0, scale = 1)", "Draws n random numbers from the logistic distribution."),
        doc("rweibull", "rweibull(n, shape, scale = 1)",
            "Draws n random numbers from the Weibull distribution with the given shape and scale."),
        doc("rlnorm", "rlnorm(n, meanlog = 0, sdlog = 1)",
            "Draws n random numbers from the log-normal distribution whose logarithm has mean meanlog and \
             standard deviation sdlog."),
        doc("rcauchy", "rcauchy(n, location = 0, scale = 1)", "Draws n random numbers from the Cauchy distribution."),
        doc("rhyper", "rhyper(nn, m, n, k)",
            "Draws nn random numbers of white balls among k drawn without replacement from an urn of m white and \
             n black balls."),
        doc("sample", "sample(x, size, replace = FALSE, prob = NULL)",
            "Returns a random sample of size elements of x, without replacement unless replace = TRUE, optionally \
             with probability weights prob. A single number n for x samples from 1:n; without size the result is \
             a random permutation."),
        doc("sample.int", "sample.int(n, size = n, replace = FALSE, prob = NULL)",
            "Returns a random sample of size integers from 1:n, without replacement unless replace = TRUE."),
    ]
};

const KIND_NAMES: [&str; 8] = [
    "Wichmann-Hill",
    "Marsaglia-Multicarry",
    "Super-Duper",
    "Mersenne-Twister",
    "Knuth-TAOCP",
    "user-supplied",
    "Knuth-TAOCP-2002",
    "L'Ecuyer-CMRG",
];
const NORMAL_NAMES: [&str; 6] = [
    "Buggy Kinderman-Ramage",
    "Ahrens-Dieter",
    "Box-Muller",
    "user-supplied",
    "Inversion",
    "Kinderman-Ramage",
];
const SAMPLE_NAMES: [&str; 2] = ["Rounding", "Rejection"];

/// Matches a kind name (partially, as `pmatch`) against `choices` plus "default".
fn match_kind(
    v: &Value,
    what: &str,
    choices: &[&str],
    supported: &[&'static str],
) -> EvalResult<Option<&'static str>> {
    if v.is_null() {
        return Ok(None);
    }
    let s = match (v.as_strings(), v.len()) {
        (Some(s), 1) => s[0].clone(),
        _ => {
            return err(format!(
                "'{}' must be a character string of length 1 (RNG to be used).",
                what
            ))
        }
    };
    if s == "default" {
        return Ok(Some(supported[supported.len() - 1]));
    }
    let exact: Vec<&&str> = choices.iter().filter(|c| **c == s).collect();
    let part: Vec<&&str> = choices
        .iter()
        .filter(|c| c.starts_with(s.as_str()))
        .collect();
    let hit = if exact.len() == 1 {
        Some(*exact[0])
    } else if part.len() == 1 {
        Some(*part[0])
    } else {
        None
    };
    let Some(hit) = hit else {
        return err(format!("'{}' is not a valid abbreviation of an RNG", s));
    };
    match supported.iter().find(|x| **x == hit) {
        Some(x) => Ok(Some(x)),
        None => err(format!("RNG kind \"{}\" is not supported here", hit)),
    }
}

/// Applies `kind`, `normal.kind` and `sample.kind` arguments; returns whether any was given.
fn apply_kinds(it: &mut Interp, kind: &Value, normal: &Value, sample: &Value) -> EvalResult<bool> {
    let k = match_kind(kind, "kind", &KIND_NAMES, &["Mersenne-Twister"])?;
    let nk = match_kind(normal, "normal.kind", &NORMAL_NAMES, &["Inversion"])?;
    let sk = match_kind(
        sample,
        "sample.kind",
        &SAMPLE_NAMES,
        &["Rounding", "Rejection"],
    )?;
    if k.is_some() {
        // R re-initialises the generator from one uniform of the old stream
        let u = it.rng.unif_rand();
        it.rng.set_seed((u * u32::MAX as f64) as u32 as i32);
    }
    if let Some(s) = sk {
        if s == "Rounding" {
            it.warning("non-uniform 'Rounding' sampler used");
            it.rng.sample_kind = SampleKind::Rounding;
        } else {
            it.rng.sample_kind = SampleKind::Rejection;
        }
    }
    Ok(k.is_some() || nk.is_some() || sk.is_some())
}

fn arg_or_null(m: &crate::builtins::Matched, i: &str) -> Value {
    m.get(i).cloned().unwrap_or(Value::Null)
}

fn set_seed(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["seed", "kind", "normal.kind", "sample.kind"])?;
    let seed = m.req("seed")?.clone();
    apply_kinds(
        it,
        &arg_or_null(&m, "kind"),
        &arg_or_null(&m, "normal.kind"),
        &arg_or_null(&m, "sample.kind"),
    )?;
    if seed.is_null() {
        let u = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        it.rng
            .set_seed((u.subsec_nanos() ^ std::process::id()) as i32);
    } else {
        let x = match seed.vtype() {
            Some(VType::Str) => seed
                .as_string()
                .map(|s| crate::value::coerce::parse_num(&s))
                .unwrap_or(f64::NAN),
            Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl) => {
                seed.as_f64().unwrap_or(f64::NAN)
            }
            _ => f64::NAN,
        };
        if x.is_nan() || x.abs() >= 2147483648.0 {
            return err("supplied seed is not a valid integer");
        }
        it.rng.set_seed(x.trunc() as i32);
    }
    it.visible = false;
    Ok(Value::Null)
}

fn rng_kind(it: &mut Interp, m: Matched) -> EvalResult {
    let before = [
        "Mersenne-Twister",
        "Inversion",
        if it.rng.sample_kind == SampleKind::Rounding {
            "Rounding"
        } else {
            "Rejection"
        },
    ];
    let changed = apply_kinds(
        it,
        &arg_or_null(&m, "kind"),
        &arg_or_null(&m, "normal.kind"),
        &arg_or_null(&m, "sample.kind"),
    )?;
    it.visible = !changed;
    Ok(Value::strings(&before))
}

// ---------- the r<dist> family ----------

/// The number of draws: `length(n)` when that exceeds one, else the value of `n`.
fn draw_count(v: &Value) -> EvalResult<usize> {
    if v.len() == 1 {
        if !matches!(
            v.vtype(),
            Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl) | Some(VType::Str)
        ) {
            return err("invalid arguments");
        }
        let x = v.as_f64().unwrap_or(f64::NAN);
        if !(0.0..=4.5e15).contains(&x) {
            return err("invalid arguments");
        }
        crate::value::alloc::check(x, 8)?;
        Ok(x as usize)
    } else {
        Ok(v.len())
    }
}

/// A numeric parameter vector as doubles.
fn param(v: &Value) -> EvalResult<Rc<Vec<f64>>> {
    match v.vtype() {
        Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl) => Ok(v.dbl_vec()),
        _ if v.is_null() => Ok(Rc::new(Vec::new())),
        _ => err("invalid arguments"),
    }
}

/// Draws `n` values from `f`, recycling the parameter vectors as R does.
fn draw(
    it: &mut Interp,
    n: usize,
    ps: &[Rc<Vec<f64>>],
    integer: bool,
    f: &dyn Fn(&mut Rng, &[f64]) -> f64,
) -> Value {
    let mut out = Vec::with_capacity(n);
    if n > 0 && ps.iter().any(|p| p.is_empty()) {
        it.warning("NAs produced");
        return if integer {
            Value::ints(vec![NA_INT; n])
        } else {
            Value::dbls(vec![na_real(); n])
        };
    }
    let mut naflag = false;
    let mut args = vec![0.0; ps.len()];
    for i in 0..n {
        for (j, p) in ps.iter().enumerate() {
            args[j] = p[i % p.len()];
        }
        let x = f(&mut it.rng, &args);
        if x.is_nan() {
            naflag = true;
        }
        out.push(x);
    }
    if naflag {
        it.warning("NAs produced");
    }
    if integer
        && out
            .iter()
            .all(|x| x.is_nan() || (*x <= i32::MAX as f64 && *x > i32::MIN as f64))
    {
        return Value::ints(
            out.iter()
                .map(|&x| if x.is_nan() { NA_INT } else { x as i32 })
                .collect(),
        );
    }
    if integer {
        return Value::dbls(
            out.into_iter()
                .map(|x| if x.is_nan() { na_real() } else { x })
                .collect(),
        );
    }
    Value::dbls(out)
}

/// Matches `formals` (the first is `n`), fills defaults, and draws.
fn gen(
    it: &mut Interp,
    a: Args,
    formals: &[&str],
    defaults: &[Option<f64>],
    integer: bool,
    f: &dyn Fn(&mut Rng, &[f64]) -> f64,
) -> EvalResult {
    let m = a.matched(formals)?;
    let n = draw_count(m.req(formals[0])?)?;
    let mut ps = Vec::new();
    for (name, d) in formals[1..].iter().zip(defaults) {
        let v = match (m.get(name), d) {
            (Some(v), _) => param(v)?,
            (None, Some(d)) => Rc::new(vec![*d]),
            (None, None) => param(m.req(name)?)?,
        };
        ps.push(v);
    }
    Ok(draw(it, n, &ps, integer, f))
}

fn runif(it: &mut Interp, a: Args) -> EvalResult {
    gen(
        it,
        a,
        &["n", "min", "max"],
        &[Some(0.0), Some(1.0)],
        false,
        &|r, p| rdist::runif(r, p[0], p[1]),
    )
}

fn rnorm(it: &mut Interp, a: Args) -> EvalResult {
    gen(
        it,
        a,
        &["n", "mean", "sd"],
        &[Some(0.0), Some(1.0)],
        false,
        &|r, p| rdist::rnorm(r, p[0], p[1]),
    )
}

fn rlnorm(it: &mut Interp, a: Args) -> EvalResult {
    gen(
        it,
        a,
        &["n", "meanlog", "sdlog"],
        &[Some(0.0), Some(1.0)],
        false,
        &|r, p| rdist::rlnorm(r, p[0], p[1]),
    )
}

fn rexp(it: &mut Interp, a: Args) -> EvalResult {
    gen(it, a, &["n", "rate"], &[Some(1.0)], false, &|r, p| {
        rdist::rexp(r, 1.0 / p[0])
    })
}

fn rgamma(it: &mut Interp, m: Matched) -> EvalResult {
    let n = draw_count(m.req("n")?)?;
    let shape = param(m.req("shape")?)?;
    let scale = match (m.get("rate"), m.get("scale")) {
        (Some(rate), Some(scale)) => {
            let (r, s) = (param(rate)?, param(scale)?);
            let ok = r
                .first()
                .zip(s.first())
                .map(|(r, s)| (r * s - 1.0).abs() < 1e-15)
                .unwrap_or(false);
            if !ok {
                return err("specify 'rate' or 'scale' but not both");
            }
            it.warning("specify 'rate' or 'scale' but not both");
            s
        }
        (Some(rate), None) => Rc::new(param(rate)?.iter().map(|r| 1.0 / r).collect()),
        (None, Some(scale)) => param(scale)?,
        (None, None) => Rc::new(vec![1.0]),
    };
    Ok(draw(it, n, &[shape, scale], false, &|r, p| {
        rdist::rgamma(r, p[0], p[1])
    }))
}

/// `rnchisq`: a Poisson mixture of central chi-squares.
fn rnchisq(r: &mut Rng, df: f64, lambda: f64) -> f64 {
    if !df.is_finite() || !lambda.is_finite() || df < 0.0 || lambda < 0.0 {
        return f64::NAN;
    }
    if lambda == 0.0 {
        return if df == 0.0 {
            0.0
        } else {
            rdist::rgamma(r, df / 2.0, 2.0)
        };
    }
    let mut x = rdist::rpois(r, lambda / 2.0);
    if x > 0.0 {
        x = rdist::rchisq(r, 2.0 * x);
    }
    if df > 0.0 {
        x += rdist::rgamma(r, df / 2.0, 2.0);
    }
    x
}

fn rchisq(it: &mut Interp, m: Matched) -> EvalResult {
    let n = draw_count(m.req("n")?)?;
    let df = param(m.req("df")?)?;
    match m.get("ncp") {
        None => Ok(draw(it, n, &[df], false, &|r, p| rdist::rchisq(r, p[0]))),
        Some(ncp) => {
            let ncp = param(ncp)?;
            Ok(draw(it, n, &[df, ncp], false, &|r, p| {
                rnchisq(r, p[0], p[1])
            }))
        }
    }
}

fn num_vec(v: &Value) -> Vec<f64> {
    v.dbl_vec().to_vec()
}

fn rt(it: &mut Interp, m: Matched) -> EvalResult {
    let n = draw_count(m.req("n")?)?;
    let df = param(m.req("df")?)?;
    match m.get("ncp") {
        None => Ok(draw(it, n, &[df], false, &|r, p| rdist::rt(r, p[0]))),
        Some(ncp) => {
            // rnorm(n, ncp) / sqrt(rchisq(n, df) / df)
            let ncp = param(ncp)?;
            let z = num_vec(&draw(it, n, &[ncp, Rc::new(vec![1.0])], false, &|r, p| {
                rdist::rnorm(r, p[0], p[1])
            }));
            let c = num_vec(&draw(it, n, std::slice::from_ref(&df), false, &|r, p| {
                rdist::rchisq(r, p[0])
            }));
            let out = (0..n)
                .map(|i| z[i] / (c[i] / df[i % df.len()]).sqrt())
                .collect();
            Ok(Value::dbls(out))
        }
    }
}

fn rbeta(it: &mut Interp, m: Matched) -> EvalResult {
    let n = draw_count(m.req("n")?)?;
    let s1 = param(m.req("shape1")?)?;
    let s2 = param(m.req("shape2")?)?;
    match m.get("ncp") {
        None => Ok(draw(it, n, &[s1, s2], false, &|r, p| {
            rdist::rbeta(r, p[0], p[1])
        })),
        Some(ncp) => {
            // X <- rchisq(n, 2*shape1, ncp = ncp); X / (X + rchisq(n, 2*shape2))
            let ncp = param(ncp)?;
            let d1 = Rc::new(s1.iter().map(|x| 2.0 * x).collect::<Vec<_>>());
            let d2 = Rc::new(s2.iter().map(|x| 2.0 * x).collect::<Vec<_>>());
            let x = num_vec(&draw(it, n, &[d1, ncp], false, &|r, p| {
                rnchisq(r, p[0], p[1])
            }));
            let y = num_vec(&draw(it, n, &[d2], false, &|r, p| rdist::rchisq(r, p[0])));
            Ok(Value::dbls((0..n).map(|i| x[i] / (x[i] + y[i])).collect()))
        }
    }
}

fn rf(it: &mut Interp, a: Args) -> EvalResult {
    gen(
        it,
        a,
        &["n", "df1", "df2"],
        &[None, None],
        false,
        &|r, p| {
            let (n1, n2) = (p[0], p[1]);
            if n1.is_nan() || n2.is_nan() || n1 <= 0.0 || n2 <= 0.0 {
                return f64::NAN;
            }
            let num = if n1.is_finite() {
                rdist::rchisq(r, n1) / n1
            } else {
                1.0
            };
            let den = if n2.is_finite() {
                rdist::rchisq(r, n2) / n2
            } else {
                1.0
            };
            num / den
        },
    )
}

fn rbinom(it: &mut Interp, a: Args) -> EvalResult {
    gen(
        it,
        a,
        &["n", "size", "prob"],
        &[None, None],
        true,
        &|r, p| rdist::rbinom(r, p[0], p[1]),
    )
}

fn rpois(it: &mut Interp, a: Args) -> EvalResult {
    gen(it, a, &["n", "lambda"], &[None], true, &|r, p| {
        rdist::rpois(r, p[0])
    })
}

fn rgeom(it: &mut Interp, a: Args) -> EvalResult {
    gen(it, a, &["n", "prob"], &[None], true, &|r, p| {
        rdist::rgeom(r, p[0])
    })
}

fn rnbinom(it: &mut Interp, m: Matched) -> EvalResult {
    let n = draw_count(m.req("n")?)?;
    let size = param(m.req("size")?)?;
    match (m.get("prob"), m.get("mu")) {
        (Some(_), Some(_)) => err("'prob' and 'mu' both specified"),
        (_, Some(mu)) => {
            let mu = param(mu)?;
            Ok(draw(it, n, &[size, mu], true, &|r, p| {
                rdist::rnbinom_mu(r, p[0], p[1])
            }))
        }
        (Some(prob), None) => {
            let prob = param(prob)?;
            Ok(draw(it, n, &[size, prob], true, &|r, p| {
                rdist::rnbinom(r, p[0], p[1])
            }))
        }
        (None, None) => err("argument \"prob\" is missing, with no default"),
    }
}

fn rlogis(it: &mut Interp, a: Args) -> EvalResult {
    gen(
        it,
        a,
        &["n", "location", "scale"],
        &[Some(0.0), Some(1.0)],
        false,
        &|r, p| rdist::rlogis(r, p[0], p[1]),
    )
}

fn rweibull(it: &mut Interp, a: Args) -> EvalResult {
    gen(
        it,
        a,
        &["n", "shape", "scale"],
        &[None, Some(1.0)],
        false,
        &|r, p| rdist::rweibull(r, p[0], p[1]),
    )
}

fn rcauchy(it: &mut Interp, a: Args) -> EvalResult {
    gen(
        it,
        a,
        &["n", "location", "scale"],
        &[Some(0.0), Some(1.0)],
        false,
        &|r, p| rdist::rcauchy(r, p[0], p[1]),
    )
}

fn rhyper(it: &mut Interp, a: Args) -> EvalResult {
    gen(
        it,
        a,
        &["nn", "m", "n", "k"],
        &[None, None, None],
        true,
        &|r, p| rdist::rhyper(r, p[0], p[1], p[2]),
    )
}

// ---------- sample ----------

fn sample(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let replace = m.get("replace").cloned().unwrap_or(Value::lgl(false));
    let prob = m.get("prob").cloned().unwrap_or(Value::Null);
    let is_num = matches!(x.vtype(), Some(VType::Int) | Some(VType::Dbl)) && !x.is_factor();
    if x.len() == 1 && is_num {
        let v = x.as_f64().unwrap_or(f64::NAN);
        if v.is_finite() && v >= 1.0 {
            let size = m.get("size").cloned().unwrap_or_else(|| x.clone());
            return do_sample(it, &x, &size, &replace, &prob);
        }
    }
    let n = Value::int(x.len() as i32);
    let size = m.get("size").cloned().unwrap_or_else(|| n.clone());
    let idx = do_sample(it, &n, &size, &replace, &prob)?;
    crate::eval::index::index(&x, &[Some(idx)], true)
}

fn sample_int(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["n", "size", "replace", "prob", "useHash"])?;
    let n = m.req("n")?.clone();
    if n.len() != 1 {
        return err("length(n) == 1L is not TRUE");
    }
    let size = m.get("size").cloned().unwrap_or_else(|| n.clone());
    let replace = m.get("replace").cloned().unwrap_or(Value::lgl(false));
    let prob = m.get("prob").cloned().unwrap_or(Value::Null);
    do_sample(it, &n, &size, &replace, &prob)
}

/// R's `.Internal(sample(n, size, replace, prob))` (and `sample2` for huge `n`).
fn do_sample(
    it: &mut Interp,
    n: &Value,
    size: &Value,
    replace: &Value,
    prob: &Value,
) -> EvalResult {
    if replace.len() != 1 {
        return err("invalid 'replace' argument");
    }
    let Some(Some(replace)) = replace.as_bool() else {
        return err("invalid 'replace' argument");
    };
    let dn = n.as_f64().unwrap_or(f64::NAN);
    let dk = size.as_f64().unwrap_or(f64::NAN);
    if !prob.is_null() {
        let p = param(prob)?;
        if dn.is_nan() || dn < 0.0 || dn > i32::MAX as f64 || (dk > 0.0 && dn < 1.0) {
            return err("invalid first argument");
        }
        let n = dn as usize;
        if dk.is_nan() || dk < 0.0 || dk > i32::MAX as f64 {
            return err("invalid 'size' argument");
        }
        let k = dk as usize;
        if !replace && k > n {
            return err("cannot take a sample larger than the population when 'replace = FALSE'");
        }
        if p.len() != n {
            return err("incorrect number of probabilities");
        }
        let p = fixup_prob(&p, k, replace)?;
        let out = if replace {
            let nc = p.iter().filter(|&&x| n as f64 * x > 0.1).count();
            if nc > 200 {
                walker_sample(&mut it.rng, &p, k)
            } else {
                prob_sample_replace(&mut it.rng, p, k)
            }
        } else {
            prob_sample_noreplace(&mut it.rng, p, k)
        };
        return Ok(Value::ints(out));
    }
    if !(0.0..=4.5e15).contains(&dn) || (dk > 0.0 && dn == 0.0) {
        return err("invalid first argument");
    }
    if dk.is_nan() || dk < 0.0 {
        return err("invalid 'size' argument");
    }
    let k = dk as usize;
    if !replace && k as f64 > dn {
        return err("cannot take a sample larger than the population when 'replace = FALSE'");
    }
    crate::value::alloc::check(dk, 8)?;
    let rng = &mut it.rng;
    if dn > 1e7 && !replace && k as f64 <= dn / 2.0 {
        // sample2: rejection of duplicates through a hash set
        let mut seen = std::collections::HashSet::with_capacity(k);
        let mut out = Vec::with_capacity(k);
        while out.len() < k {
            let v = rng.unif_index(dn);
            if seen.insert(v.to_bits()) {
                out.push(v + 1.0);
            }
        }
        return Ok(int_or_dbl(out, dn));
    }
    if replace || k < 2 {
        let out: Vec<f64> = (0..k).map(|_| rng.unif_index(dn) + 1.0).collect();
        return Ok(int_or_dbl(out, dn));
    }
    crate::value::alloc::check(dn, 8)?;
    let mut nn = dn as usize;
    let mut x: Vec<f64> = (0..nn).map(|i| i as f64).collect();
    let mut out = Vec::with_capacity(k);
    for _ in 0..k {
        let j = rng.unif_index(nn as f64) as usize;
        out.push(x[j] + 1.0);
        nn -= 1;
        x[j] = x[nn];
    }
    Ok(int_or_dbl(out, dn))
}

fn int_or_dbl(v: Vec<f64>, dn: f64) -> Value {
    if dn > i32::MAX as f64 {
        Value::dbls(v)
    } else {
        Value::ints(v.into_iter().map(|x| x as i32).collect())
    }
}

/// Checks and normalises a probability vector (R's `FixupProb`).
fn fixup_prob(p: &[f64], k: usize, replace: bool) -> EvalResult<Vec<f64>> {
    let mut sum = 0.0;
    let mut npos = 0;
    for &x in p {
        if !x.is_finite() {
            return err("NA in probability vector");
        }
        if x < 0.0 {
            return err("negative probability");
        }
        if x > 0.0 {
            npos += 1;
            sum += x;
        }
    }
    if npos == 0 || (!replace && k > npos) {
        return err("too few positive probabilities");
    }
    Ok(p.iter().map(|x| x / sum).collect())
}

/// Sorts `a` into descending order by heapsort, permuting `ib` alongside (R's `revsort`).
fn revsort(a: &mut [f64], ib: &mut [i32]) {
    let n = a.len();
    if n <= 1 {
        return;
    }
    // 1-based indexing as in the classic formulation
    let (mut l, mut ir) = ((n >> 1) + 1, n);
    loop {
        let (ra, ii);
        if l > 1 {
            l -= 1;
            ra = a[l - 1];
            ii = ib[l - 1];
        } else {
            ra = a[ir - 1];
            ii = ib[ir - 1];
            a[ir - 1] = a[0];
            ib[ir - 1] = ib[0];
            ir -= 1;
            if ir == 1 {
                a[0] = ra;
                ib[0] = ii;
                return;
            }
        }
        let mut i = l;
        let mut j = l << 1;
        while j <= ir {
            if j < ir && a[j - 1] > a[j] {
                j += 1;
            }
            if ra > a[j - 1] {
                a[i - 1] = a[j - 1];
                ib[i - 1] = ib[j - 1];
                i = j;
                j += i;
            } else {
                j = ir + 1;
            }
        }
        a[i - 1] = ra;
        ib[i - 1] = ii;
    }
}

fn prob_sample_replace(rng: &mut Rng, mut p: Vec<f64>, k: usize) -> Vec<i32> {
    let n = p.len();
    let mut perm: Vec<i32> = (1..=n as i32).collect();
    revsort(&mut p, &mut perm);
    for i in 1..n {
        p[i] += p[i - 1];
    }
    (0..k)
        .map(|_| {
            let u = rng.unif_rand();
            let mut j = 0;
            while j < n - 1 && u > p[j] {
                j += 1;
            }
            perm[j]
        })
        .collect()
}

fn prob_sample_noreplace(rng: &mut Rng, mut p: Vec<f64>, k: usize) -> Vec<i32> {
    let n = p.len();
    let mut perm: Vec<i32> = (1..=n as i32).collect();
    revsort(&mut p, &mut perm);
    let mut total = 1.0;
    let mut out = Vec::with_capacity(k);
    let mut n1 = n as isize - 1;
    for _ in 0..k {
        let rt = total * rng.unif_rand();
        let mut mass = 0.0;
        let mut j = 0usize;
        while (j as isize) < n1 {
            mass += p[j];
            if rt <= mass {
                break;
            }
            j += 1;
        }
        out.push(perm[j]);
        total -= p[j];
        p.remove(j);
        perm.remove(j);
        n1 -= 1;
    }
    out
}

/// Walker's alias method (R's `walker_ProbSampleReplace`).
fn walker_sample(rng: &mut Rng, p: &[f64], k: usize) -> Vec<i32> {
    let n = p.len();
    let mut q: Vec<f64> = p.iter().map(|x| x * n as f64).collect();
    let mut a = vec![0usize; n];
    // HL[0..h] holds the small entries (q < 1), HL[l..n] the large ones, filled from the end.
    let mut hl = vec![0usize; n];
    let mut h = 0usize;
    let mut l = n;
    for (i, &qi) in q.iter().enumerate() {
        if qi < 1.0 {
            hl[h] = i;
            h += 1;
        } else {
            l -= 1;
            hl[l] = i;
        }
    }
    if h > 0 && l < n {
        for kk in 0..n - 1 {
            let i = hl[kk];
            let j = hl[l];
            a[i] = j;
            q[j] += q[i] - 1.0;
            if q[j] < 1.0 {
                l += 1;
            }
            if l >= n {
                break;
            }
        }
    }
    // R >= 3.6 draws the column by rejection sampling, then one uniform for the alias test
    (0..k)
        .map(|_| {
            let kk = rng.unif_index(n as f64) as usize;
            let ru = rng.unif_rand();
            if ru < q[kk] {
                kk as i32 + 1
            } else {
                a[kk] as i32 + 1
            }
        })
        .collect()
}
