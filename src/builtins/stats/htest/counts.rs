//! Tests on counts and proportions: `chisq.test`, `binom.test`, `prop.test`, `fisher.test`
//! and `mcnemar.test`.

use super::*;
use crate::builtins::{special, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::dist::{beta, discrete, gamma, normal};
use crate::stats::fisher;
use crate::syntax::ast::{Arg, Expr};
use crate::syntax::sym::Sym;
use crate::value::{Data, Env, Value};

/// Hypothesis-test builtins.
pub const BUILTINS: &[Builtin] = &[
    special("fisher.test", fisher_test),
    special("mcnemar.test", mcnemar_test),
    special("chisq.test", chisq_test),
    special("binom.test", binom_test),
    special("prop.test", prop_test),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("fisher.test",
            "fisher.test(x, y = NULL, workspace = 2e+05, hybrid = FALSE, hybridPars = c(expect = 5, percent = 80, \
             Emin = 1), control = list(), or = 1, alternative = \"two.sided\", conf.int = TRUE, conf.level = \
             0.95, simulate.p.value = FALSE, B = 2000)",
            "Fisher's exact test of independence in a contingency table (or between two factors). For a 2 by 2 \
             table it also gives the conditional maximum likelihood odds ratio and its confidence interval. \
             Returns an \"htest\" object."),
        doc("mcnemar.test", "mcnemar.test(x, y = NULL, correct = TRUE)",
            "McNemar's chi-squared test for symmetry of a square table of paired counts (or two factors), with \
             continuity correction for the 2 by 2 case unless correct = FALSE. Returns an \"htest\" object."),
        doc("chisq.test",
            "chisq.test(x, y = NULL, correct = TRUE, p = rep(1/length(x), length(x)), rescale.p = FALSE, \
             simulate.p.value = FALSE, B = 2000)",
            "Pearson's chi-squared test. For a matrix (or two factors x and y) it tests independence of rows and \
             columns, with Yates' continuity correction for 2 by 2 tables unless correct = FALSE; for a vector it \
             tests goodness of fit to the probabilities p. Returns an \"htest\" object that also holds the \
             observed and expected counts and residuals."),
        doc("binom.test",
            "binom.test(x, n, p = 0.5, alternative = c(\"two.sided\", \"less\", \"greater\"), conf.level = 0.95)",
            "Exact test that the success probability in n Bernoulli trials with x successes equals p; x may also \
             be a vector of successes and failures. Returns an \"htest\" object with the p-value and the \
             Clopper-Pearson confidence interval."),
        doc("prop.test",
            "prop.test(x, n, p = NULL, alternative = c(\"two.sided\", \"less\", \"greater\"), conf.level = 0.95, \
             correct = TRUE)",
            "Tests that proportions x/n are equal across groups, or equal to the given p, with the chi-squared \
             approximation (and Yates' continuity correction unless correct = FALSE). x may also be a two-column \
             matrix of successes and failures. Returns an \"htest\" object."),
    ]
};

/// A contingency table from two classifying vectors (complete cases only): counts
/// (column-major), rows, columns.
fn cross_table(x: &Value, y: &Value) -> EvalResult<(Vec<f64>, usize, usize)> {
    if x.len() != y.len() {
        return err("'x' and 'y' must have the same length");
    }
    let (cx, lx) = groups(x);
    let (cy, ly) = groups(y);
    let ok: Vec<usize> = (0..x.len())
        .filter(|&i| !is_na_at(x, i) && !is_na_at(y, i))
        .collect();
    // Levels present among complete cases only.
    let ux: Vec<usize> = (0..lx.len())
        .filter(|l| ok.iter().any(|&i| cx[i] == Some(*l)))
        .collect();
    let uy: Vec<usize> = (0..ly.len())
        .filter(|l| ok.iter().any(|&i| cy[i] == Some(*l)))
        .collect();
    let (nr, nc) = (ux.len(), uy.len());
    let mut t = vec![0.0; nr * nc];
    for &i in &ok {
        if let (Some(a), Some(b)) = (
            cx[i].and_then(|c| ux.iter().position(|&u| u == c)),
            cy[i].and_then(|c| uy.iter().position(|&u| u == c)),
        ) {
            t[a + b * nr] += 1.0;
        }
    }
    Ok((t, nr, nc))
}

/// A numeric matrix argument: values, rows, columns (None when `x` is not a matrix).
fn as_matrix(it: &mut Interp, x: &Value) -> EvalResult<Option<(Vec<f64>, usize, usize)>> {
    let x = if x.is_data_frame() {
        let f = it.base.get_local(Sym::new("as.matrix"));
        match f {
            Some(f) => it.call_value(&f, vec![(None, x.clone())])?,
            None => return err("could not find function \"as.matrix\""),
        }
    } else {
        x.clone()
    };
    match x.dim() {
        Some(d) if d.len() == 2 => {
            if !matches!(
                x.data(),
                Some(Data::Lgl(_)) | Some(Data::Int(_)) | Some(Data::Dbl(_))
            ) {
                return err("all entries of 'x' must be nonnegative and finite");
            }
            Ok(Some((x.dbl_vec().to_vec(), d[0], d[1])))
        }
        _ => Ok(None),
    }
}

fn fisher_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    const F: [&str; 12] = [
        "x",
        "y",
        "workspace",
        "hybrid",
        "hybridPars",
        "control",
        "or",
        "alternative",
        "conf.int",
        "conf.level",
        "simulate.p.value",
        "B",
    ];
    let ev = eval_args(it, args, env)?;
    let dx = one_line(expr_of(&ev, &F, "x"));
    let dy = one_line(expr_of(&ev, &F, "y"));
    let m = ev.args.matched(&F)?;
    let x = m.req("x")?.clone();
    let mut dname = dx;
    let (t, nr, nc) = match as_matrix(it, &x)? {
        Some((t, nr, nc)) => {
            if nr < 2 || nc < 2 {
                return err("'x' must have at least 2 rows and columns");
            }
            if t.iter().any(|v| v.is_nan() || *v < 0.0) {
                return err("all entries of 'x' must be nonnegative and finite");
            }
            if t.iter().any(|v| v.fract() != 0.0) {
                it.warning("'x' has been rounded to integer");
            }
            (t.iter().map(|v| v.round()).collect::<Vec<f64>>(), nr, nc)
        }
        None => {
            let Some(y) = m.get("y") else {
                return err("if 'x' is not a matrix, 'y' must be given");
            };
            dname = format!("{} and {}", dname, dy);
            let (t, nr, nc) = cross_table(&x, y)?;
            if nr < 2 || nc < 2 {
                return err("'x' and 'y' must have at least 2 levels");
            }
            (t, nr, nc)
        }
    };
    let simulate = flag(m.get("simulate.p.value"), false);
    if simulate && !(nr == 2 && nc == 2) {
        let reps = match m.get("B").map(|b| b.as_f64()) {
            None => 2000,
            Some(Some(v)) if v.is_finite() && v >= 1.0 => v as usize,
            _ => return err("invalid 'B' argument"),
        };
        let sr: Vec<f64> = (0..nr).map(|i| (0..nc).map(|j| t[i + j * nr]).sum()).collect();
        let sc: Vec<f64> = (0..nc).map(|j| (0..nr).map(|i| t[i + j * nr]).sum()).collect();
        let keep_r: Vec<usize> = (0..nr).filter(|&i| sr[i] > 0.0).collect();
        let keep_c: Vec<usize> = (0..nc).filter(|&j| sc[j] > 0.0).collect();
        if keep_r.len() <= 1 {
            return err("need 2 or more non-zero row marginals");
        }
        if keep_c.len() <= 1 {
            return err("need 2 or more non-zero column marginals");
        }
        let mut sub = Vec::with_capacity(keep_r.len() * keep_c.len());
        for &j in &keep_c {
            for &i in &keep_r {
                sub.push(t[i + j * nr]);
            }
        }
        let stat: f64 = -sub
            .iter()
            .map(|v| crate::stats::dist::gamma::lgammafn(v + 1.0))
            .sum::<f64>();
        let sims =
            super::nonparametric::simulate_tables(it, &sub, keep_r.len(), keep_c.len(), None, reps);
        let almost_one = 1.0 + 64.0 * f64::EPSILON;
        let hits = sims.iter().filter(|&&v| v <= stat / almost_one).count();
        let alt_given = m
            .get("alternative")
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| "two.sided".into());
        return Ok(htest(vec![
            ("p.value", Value::num((1.0 + hits as f64) / (reps as f64 + 1.0))),
            ("alternative", Value::str(&alt_given)),
            (
                "method",
                Value::str(&format!(
                    "Fisher's Exact Test for Count Data with simulated p-value\n\t (based on {} replicates)",
                    m.get("B")
                        .and_then(|b| b.as_f64())
                        .map(crate::print::cat_num)
                        .unwrap_or_else(|| "2000".into())
                )),
            ),
            ("data.name", Value::str(&dname)),
        ]));
    }
    let alt_given = m
        .get("alternative")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "two.sided".into());
    let method = "Fisher's Exact Test for Count Data";
    if nr == 2 && nc == 2 {
        let alt = alternative(m.get("alternative")).map_err(|_| {
            crate::error::RError::runtime(
                "alternative must be \"two.sided\", \"less\" or \"greater\"",
            )
        })?;
        let cl = m.get("conf.level").and_then(|v| v.as_f64()).unwrap_or(0.95);
        if !(cl.is_finite() && cl > 0.0 && cl < 1.0) {
            return err("'conf.level' must be a single number between 0 and 1");
        }
        let or = m.get("or").and_then(|v| v.as_f64()).unwrap_or(1.0);
        if or.is_nan() || or < 0.0 {
            return err("'or' must be a single number between 0 and Inf");
        }
        let want_ci = m
            .get("conf.int")
            .and_then(|v| v.as_bool().flatten())
            .unwrap_or(true);
        let r = fisher::fisher_2x2([t[0], t[1], t[2], t[3]], or, &alt, want_ci, cl);
        let ci = match r.conf_int {
            Some((lo, hi)) => conf_int(lo, hi, cl),
            None => Value::Null,
        };
        return Ok(htest(vec![
            ("p.value", Value::num(r.p_value)),
            ("conf.int", ci),
            ("estimate", named_num("odds ratio", r.estimate)),
            ("null.value", named_num("odds ratio", or)),
            ("alternative", Value::str(&alt)),
            ("method", Value::str(method)),
            ("data.name", Value::str(&dname)),
        ]));
    }
    let counts: Vec<usize> = t.iter().map(|&v| v as usize).collect();
    // the enumeration can be long: it stops for Ctrl-C and the evaluation time limit
    let mut stopped = None;
    let p = fisher::fisher_rxc(&counts, nr, nc, 20_000_000, &mut || {
        it.check_now().map_err(|e| {
            stopped = Some(e);
            String::new()
        })
    });
    if let Some(e) = stopped {
        return Err(e);
    }
    let p = p.map_err(|e| {
        crate::error::RError::runtime(format!(
            "{} (exact enumeration limit; FEXACT's network algorithm is not implemented)",
            e
        ))
    })?;
    Ok(htest(vec![
        ("p.value", Value::num(p.clamp(0.0, 1.0))),
        ("alternative", Value::str(&alt_given)),
        ("method", Value::str(method)),
        ("data.name", Value::str(&dname)),
    ]))
}

fn mcnemar_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    const F: [&str; 3] = ["x", "y", "correct"];
    let ev = eval_args(it, args, env)?;
    let dx = one_line(expr_of(&ev, &F, "x"));
    let dy = one_line(expr_of(&ev, &F, "y"));
    let m = ev.args.matched(&F)?;
    let x = m.req("x")?.clone();
    let correct = m
        .get("correct")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let (t, r, dname) = match as_matrix(it, &x)? {
        Some((t, nr, nc)) => {
            if nr < 2 || nc != nr {
                return err("'x' must be square with at least two rows and columns");
            }
            if t.iter().any(|v| v.is_nan() || *v < 0.0) {
                return err("all entries of 'x' must be nonnegative and finite");
            }
            (t, nr, dx)
        }
        None => {
            let Some(y) = m.get("y") else {
                return err("if 'x' is not a matrix, 'y' must be given");
            };
            let (t, nr, nc) = cross_table(&x, y)?;
            if nr < 2 || nc != nr {
                return err("'x' and 'y' must have the same number of levels (minimum 2)");
            }
            (t, nr, format!("{} and {}", dx, dy))
        }
    };
    let at = |i: usize, j: usize| t[i + j * r];
    let asym = (0..r).any(|i| (0..r).any(|j| at(i, j) != at(j, i)));
    let mut method = "McNemar's Chi-squared test".to_string();
    let corr = correct && r == 2 && asym;
    if corr {
        method.push_str(" with continuity correction");
    }
    let mut stat = 0.0;
    for j in 0..r {
        for i in 0..j {
            let d = at(i, j) - at(j, i);
            let y = if corr { d.abs() - 1.0 } else { d };
            stat += y * y / (at(i, j) + at(j, i));
        }
    }
    let df = (r * (r - 1)) as f64 / 2.0;
    Ok(htest(vec![
        ("statistic", named_num("McNemar's chi-squared", stat)),
        ("parameter", named_num("df", df)),
        ("p.value", Value::num(gamma::pchisq(stat, df, false, false))),
        ("method", Value::str(&method)),
        ("data.name", Value::str(&dname)),
    ]))
}

// ------------------------------------------------------------------ rank correlation

pub fn binom_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    const F: [&str; 5] = ["x", "n", "p", "alternative", "conf.level"];
    let ev = eval_args(it, args, env)?;
    let dx = expr_of(&ev, &F, "x");
    let dn = expr_of(&ev, &F, "n");
    let m = ev.args.matched(&F)?;
    let xv = numeric_vec(m.req("x")?, "x")?;
    let (x, n, dname) = if xv.len() == 2 {
        (xv[0], xv[0] + xv[1], dx)
    } else if xv.len() == 1 {
        let n = m
            .get("n")
            .and_then(|v| v.as_f64())
            .filter(|&n| n >= 1.0 && n >= xv[0] && n.fract() == 0.0);
        let n = n.ok_or_else(|| {
            crate::error::RError::runtime("'n' must be a positive integer >= 'x'")
        })?;
        (xv[0], n, format!("{} and {}", dx, dn))
    } else {
        return err("incorrect length of 'x'");
    };
    let p = m.get("p").and_then(|v| v.as_f64()).unwrap_or(0.5);
    let alt = alternative(m.get("alternative"))?;
    let cl = m.get("conf.level").and_then(|v| v.as_f64()).unwrap_or(0.95);
    let pval = match alt.as_str() {
        "less" => discrete::pbinom(x, n, p, true, false),
        "greater" => discrete::pbinom(x - 1.0, n, p, false, false),
        _ => {
            if p == 0.0 {
                (x == 0.0) as i32 as f64
            } else if p == 1.0 {
                (x == n) as i32 as f64
            } else {
                let rel = 1.0 + 1e-7;
                let d = discrete::dbinom(x, n, p, false);
                let mm = n * p;
                if x == mm {
                    1.0
                } else if x < mm {
                    let mut y = 0.0;
                    let mut i = mm.ceil();
                    while i <= n {
                        if discrete::dbinom(i, n, p, false) <= d * rel {
                            y += 1.0;
                        }
                        i += 1.0;
                    }
                    (discrete::pbinom(x, n, p, true, false)
                        + discrete::pbinom(n - y, n, p, false, false))
                    .min(1.0)
                } else {
                    let mut y = 0.0;
                    let mut i = 0.0;
                    while i <= mm.floor() {
                        if discrete::dbinom(i, n, p, false) <= d * rel {
                            y += 1.0;
                        }
                        i += 1.0;
                    }
                    (discrete::pbinom(y - 1.0, n, p, true, false)
                        + discrete::pbinom(x - 1.0, n, p, false, false))
                    .min(1.0)
                }
            }
        }
    };
    let p_l = |a: f64| {
        if x == 0.0 {
            0.0
        } else {
            beta::qbeta(a, x, n - x + 1.0, true, false)
        }
    };
    let p_u = |a: f64| {
        if x == n {
            1.0
        } else {
            beta::qbeta(1.0 - a, x + 1.0, n - x, true, false)
        }
    };
    let (lo, hi) = match alt.as_str() {
        "less" => (0.0, p_u(1.0 - cl)),
        "greater" => (p_l(1.0 - cl), 1.0),
        _ => {
            let a = (1.0 - cl) / 2.0;
            (p_l(a), p_u(a))
        }
    };
    Ok(htest(vec![
        ("statistic", named_num("number of successes", x)),
        ("parameter", named_num("number of trials", n)),
        ("p.value", Value::num(pval)),
        ("conf.int", conf_int(lo, hi, cl)),
        ("estimate", named_num("probability of success", x / n)),
        ("null.value", named_num("probability of success", p)),
        ("alternative", Value::str(&alt)),
        ("method", Value::str("Exact binomial test")),
        ("data.name", Value::str(&dname)),
    ]))
}

pub fn chisq_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    const F: [&str; 7] = [
        "x",
        "y",
        "correct",
        "p",
        "rescale.p",
        "simulate.p.value",
        "B",
    ];
    let ev = eval_args(it, args, env)?;
    let dx = expr_of(&ev, &F, "x");
    let dy = expr_of(&ev, &F, "y");
    let m = ev.args.matched(&F)?;
    let mut x = m.req("x")?.clone();
    let correct = flag(m.get("correct"), true);
    let simulate = flag(m.get("simulate.p.value"), false);
    let reps = match m.get("B") {
        Some(b) => match b.as_f64() {
            Some(v) if v.is_finite() && v >= 1.0 => v as usize,
            _ => return err("invalid 'B' argument"),
        },
        None => 2000,
    };
    let almost_one = 1.0 - 64.0 * f64::EPSILON;
    let reps_text = m
        .get("B")
        .and_then(|b| b.as_f64())
        .map(crate::print::cat_num)
        .unwrap_or_else(|| "2000".into());
    let sim_title = |m: &str| {
        format!("{} with simulated p-value\n\t (based on {} replicates)", m, reps_text)
    };
    let mut sim_p: Option<f64> = None;
    let mut dname = dx;
    if x.is_data_frame() {
        x = call_named(it, "as.matrix", vec![(None, x)])?;
    }
    let is_mat = x.dim().map(|d| d.len() == 2).unwrap_or(false);
    if !is_mat {
        if let Some(y) = m.get("y") {
            dname = format!("{} and {}", dname, dy);
            x = call_named(it, "table", vec![(None, x.clone()), (None, y.clone())])?;
        }
    }
    let is_mat = x
        .dim()
        .map(|d| d.len() == 2 && d[0] > 1 && d[1] > 1)
        .unwrap_or(false);
    let xs = x.dbl_vec().to_vec();
    if xs.iter().any(|v| *v < 0.0 || v.is_nan()) {
        return err("all entries of 'x' must be nonnegative and finite");
    }
    let n: f64 = xs.iter().sum();
    if n == 0.0 {
        return err("at least one entry of 'x' must be positive");
    }
    let (stat, df, e, v, mut method);
    if is_mat {
        let d = x.dim().unwrap_or_default();
        let (nr, nc) = (d[0], d[1]);
        let sr: Vec<f64> = (0..nr)
            .map(|i| (0..nc).map(|j| xs[i + j * nr]).sum())
            .collect();
        let sc: Vec<f64> = (0..nc)
            .map(|j| (0..nr).map(|i| xs[i + j * nr]).sum())
            .collect();
        let mut ev = vec![0.0; nr * nc];
        let mut vv = vec![0.0; nr * nc];
        for j in 0..nc {
            for i in 0..nr {
                ev[i + j * nr] = sr[i] * sc[j] / n;
                vv[i + j * nr] = sc[j] * sr[i] * (n - sr[i]) * (n - sc[j]) / (n * n * n);
            }
        }
        let mut meth = "Pearson's Chi-squared test".to_string();
        let margins_ok = sr.iter().all(|v| *v > 0.0) && sc.iter().all(|v| *v > 0.0);
        if simulate && !margins_ok {
            it.warning("cannot compute simulated p-value with zero marginals");
        }
        let yates = if simulate && margins_ok {
            0.0
        } else if correct && nr == 2 && nc == 2 {
            let y = xs
                .iter()
                .zip(&ev)
                .map(|(a, b)| (a - b).abs())
                .fold(0.5f64, f64::min);
            if y > 0.0 {
                meth.push_str(" with Yates' continuity correction");
            }
            y
        } else {
            0.0
        };
        if simulate && margins_ok {
            let sims = super::nonparametric::simulate_tables(it, &xs, nr, nc, Some(&ev), reps);
            let mut terms: Vec<f64> = xs.iter().zip(&ev).map(|(a, b)| (a - b).powi(2) / b).collect();
            terms.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
            stat = terms.iter().sum::<f64>();
            let hits = sims.iter().filter(|&&t| t >= almost_one * stat).count();
            sim_p = Some((1.0 + hits as f64) / (reps as f64 + 1.0));
            meth = sim_title(&meth);
            df = f64::NAN;
        } else {
            stat = xs
                .iter()
                .zip(&ev)
                .map(|(a, b)| ((a - b).abs() - yates).powi(2) / b)
                .sum::<f64>();
            df = ((nr - 1) * (nc - 1)) as f64;
        }
        method = meth;
        let mut em = Value::dbls(ev);
        em.set_attr(Sym::new("dim"), Value::ints(vec![nr as i32, nc as i32]));
        if let Some(dn) = x.get_attr("dimnames") {
            em.set_attr(Sym::new("dimnames"), dn.clone());
        }
        e = em;
        v = vv;
    } else {
        let k = xs.len();
        if k < 2 {
            return err("'x' must at least have 2 elements");
        }
        let p: Vec<f64> = match m.get("p") {
            Some(p) => {
                let mut p = numeric_vec(p, "p")?;
                if flag(m.get("rescale.p"), false) {
                    let s: f64 = p.iter().sum();
                    p.iter_mut().for_each(|q| *q /= s);
                }
                if p.len() != k {
                    return err("'x' and 'p' must have the same number of elements");
                }
                if (p.iter().sum::<f64>() - 1.0).abs() > (f64::EPSILON).sqrt() {
                    return err("probabilities must sum to 1.");
                }
                p
            }
            None => vec![1.0 / k as f64; k],
        };
        let ev: Vec<f64> = p.iter().map(|q| n * q).collect();
        v = p.iter().map(|q| n * q * (1.0 - q)).collect();
        stat = xs
            .iter()
            .zip(&ev)
            .map(|(a, b)| (a - b).powi(2) / b)
            .sum::<f64>();
        df = (k - 1) as f64;
        method = "Chi-squared test for given probabilities".to_string();
        if simulate {
            let total = n.round() as usize;
            let draws = call_named(
                it,
                "sample.int",
                vec![
                    (None, Value::num(k as f64)),
                    (None, Value::num((reps * total) as f64)),
                    (None, Value::lgls(vec![1])),
                    (Some(Sym::new("prob")), Value::dbls(p.clone())),
                ],
            )?;
            let d = draws.dbl_vec();
            let mut hits = 0usize;
            let mut tab = vec![0.0f64; k];
            for r in 0..reps {
                tab.iter_mut().for_each(|t| *t = 0.0);
                for &c in &d[r * total..(r + 1) * total] {
                    tab[c as usize - 1] += 1.0;
                }
                let s: f64 = tab.iter().zip(&ev).map(|(a, b)| (a - b).powi(2) / b).sum();
                if s >= almost_one * stat {
                    hits += 1;
                }
            }
            sim_p = Some((1.0 + hits as f64) / (reps as f64 + 1.0));
            method = sim_title(&method);
        }
        let mut em = Value::dbls(ev);
        if let Some(nm) = x.get_attr("names") {
            em.set_attr(Sym::new("names"), nm.clone());
        } else if let Some(dn) = x.get_attr("dimnames") {
            if let Some(first) = dn.list_vec().first() {
                if !first.is_null() {
                    em.set_attr(Sym::new("names"), first.clone());
                }
            }
        }
        e = em;
    }
    let evs = e.dbl_vec();
    if evs.iter().any(|v| *v < 5.0) && sim_p.is_none() {
        it.warning("Chi-squared approximation may be incorrect");
    }
    let pval = sim_p.unwrap_or_else(|| gamma::pchisq(stat, df, false, false));
    let parameter = if sim_p.is_some() {
        let mut p = Value::lgls(vec![crate::value::NA_LGL]);
        p.set_attr(Sym::new("names"), Value::str("df"));
        p
    } else {
        named_num("df", df)
    };
    let resid: Vec<f64> = xs
        .iter()
        .zip(evs.iter())
        .map(|(a, b)| (a - b) / b.sqrt())
        .collect();
    let stdres: Vec<f64> = xs
        .iter()
        .zip(evs.iter())
        .zip(&v)
        .map(|((a, b), vv)| (a - b) / vv.sqrt())
        .collect();
    let with_shape = |vals: Vec<f64>| {
        let mut r = Value::dbls(vals);
        for k in ["dim", "dimnames", "names"] {
            if let Some(a) = e.get_attr(k) {
                r.set_attr(Sym::new(k), a.clone());
            }
        }
        r
    };
    let resid = with_shape(resid);
    let stdres = with_shape(stdres);
    Ok(htest(vec![
        ("statistic", named_num("X-squared", stat)),
        ("parameter", parameter),
        ("p.value", Value::num(pval)),
        ("method", Value::str(&method)),
        ("data.name", Value::str(&dname)),
        ("observed", x.clone()),
        ("expected", e.clone()),
        ("residuals", resid),
        ("stdres", stdres),
    ]))
}

pub fn prop_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    const F: [&str; 6] = ["x", "n", "p", "alternative", "conf.level", "correct"];
    let ev = eval_args(it, args, env)?;
    let dx = expr_of(&ev, &F, "x");
    let dn = expr_of(&ev, &F, "n");
    let dp = expr_of(&ev, &F, "p");
    let m = ev.args.matched(&F)?;
    let xv = m.req("x")?.clone();
    let (x, n, dname): (Vec<f64>, Vec<f64>, String) =
        match xv.get_attr("dim").map(|d| d.dbl_vec().to_vec()) {
            Some(d) if d.len() == 2 => {
                if d[1] != 2.0 {
                    return err("'x' must have 2 columns");
                }
                let v = xv.dbl_vec();
                let r = d[0] as usize;
                let x: Vec<f64> = v[..r].to_vec();
                let n: Vec<f64> = (0..r).map(|i| v[i] + v[r + i]).collect();
                (x, n, dx)
            }
            _ => {
                let x = numeric_vec(&xv, "x")?;
                let Some(nv) = m.get("n") else {
                    return err("argument \"n\" is missing, with no default");
                };
                let n = numeric_vec(nv, "n")?;
                if n.len() != x.len() {
                    return err("'x' and 'n' must have the same length");
                }
                (x, n, format!("{} out of {}", dx, dn))
            }
        };
    let k = x.len();
    if k < 1 {
        return err("not enough data");
    }
    if x.iter()
        .zip(&n)
        .any(|(a, b)| *b <= 0.0 || a < &0.0 || a > b)
    {
        return err("elements of 'x' must not be greater than those of 'n'");
    }
    let p: Option<Vec<f64>> = m
        .get("p")
        .filter(|v| !v.is_null())
        .map(|v| v.dbl_vec().to_vec());
    if let Some(p) = &p {
        if p.len() != k {
            return err("'p' must have the same length as 'x' and 'n'");
        }
    }
    let alt = alternative(m.get("alternative"))?;
    let cl = m.get("conf.level").and_then(|v| v.as_f64()).unwrap_or(0.95);
    let correct = flag(m.get("correct"), true);
    let dname = if p.is_some() || k == 1 {
        format!(
            "{}, null {} {}",
            dname,
            if k == 1 {
                "probability"
            } else {
                "probabilities"
            },
            if p.is_some() { dp.as_str() } else { "0.5" }
        )
    } else {
        dname
    };
    let est: Vec<f64> = x.iter().zip(&n).map(|(a, b)| a / b).collect();
    let est_names: Vec<String> = if k == 1 {
        vec!["p".into()]
    } else {
        (1..=k).map(|i| format!("prop {}", i)).collect()
    };
    let mut yates: f64 = if correct && k <= 2 { 0.5 } else { 0.0 };
    let mut cint: Option<(f64, f64)> = None;
    let mut delta = 0.0;
    // the normal quantile of the confidence interval (one sample and two alike)
    let z = normal::qnorm(if alt == "two.sided" { (1.0 + cl) / 2.0 } else { cl }, 0.0, 1.0, true, false);
    if k == 1 {
        let p0 = p.as_ref().map(|p| p[0]).unwrap_or(0.5);
        yates = yates.min((x[0] - n[0] * p0).abs());
        let nn = n[0];
        let z22n = z * z / (2.0 * nn);
        let pc = est[0] + yates / nn;
        let pu = if pc >= 1.0 {
            1.0
        } else {
            (pc + z22n + z * (pc * (1.0 - pc) / nn + z22n / (2.0 * nn)).sqrt()) / (1.0 + 2.0 * z22n)
        };
        let pc = est[0] - yates / nn;
        let pl = if pc <= 0.0 {
            0.0
        } else {
            (pc + z22n - z * (pc * (1.0 - pc) / nn + z22n / (2.0 * nn)).sqrt()) / (1.0 + 2.0 * z22n)
        };
        cint = Some(match alt.as_str() {
            "two.sided" => (pl.max(0.0), pu.min(1.0)),
            "less" => (0.0, pu.min(1.0)),
            _ => (pl.max(0.0), 1.0),
        });
    } else if k == 2 && p.is_none() {
        delta = est[0] - est[1];
        let sinv: f64 = n.iter().map(|v| 1.0 / v).sum();
        yates = yates.min(delta.abs() / sinv);
        let width = z * est
            .iter()
            .zip(&n)
            .map(|(e, nn)| e * (1.0 - e) / nn)
            .sum::<f64>()
            .sqrt()
            + yates * sinv;
        cint = Some(match alt.as_str() {
            "two.sided" => ((delta - width).max(-1.0), (delta + width).min(1.0)),
            "less" => (-1.0, (delta + width).min(1.0)),
            _ => ((delta - width).max(-1.0), 1.0),
        });
    }
    let (pp, param): (Vec<f64>, f64) = match &p {
        None if k > 1 => {
            let pool = x.iter().sum::<f64>() / n.iter().sum::<f64>();
            (vec![pool; k], (k - 1) as f64)
        }
        None => (vec![0.5], 1.0),
        Some(p) => (p.clone(), k as f64),
    };
    let mut stat = 0.0;
    for i in 0..k {
        let e1 = n[i] * pp[i];
        let e2 = n[i] * (1.0 - pp[i]);
        stat += ((x[i] - e1).abs() - yates).powi(2) / e1;
        stat += ((n[i] - x[i] - e2).abs() - yates).powi(2) / e2;
    }
    let pval = if alt == "two.sided" {
        gamma::pchisq(stat, param, false, false)
    } else {
        let s = if k == 1 { est[0] - pp[0] } else { delta };
        let z = s.signum() * stat.sqrt();
        let z = if s == 0.0 { 0.0 } else { z };
        normal::pnorm(z, 0.0, 1.0, alt == "less", false)
    };
    let method = format!(
        "{} {} continuity correction",
        if k == 1 {
            "1-sample proportions test".to_string()
        } else {
            format!(
                "{}-sample test for {} proportions",
                k,
                if p.is_none() { "equality of" } else { "given" }
            )
        },
        if yates != 0.0 { "with" } else { "without" }
    );
    let mut items = vec![
        ("statistic", named_num("X-squared", stat)),
        ("parameter", named_num("df", param)),
        ("p.value", Value::num(pval)),
        ("estimate", named_nums(&est_names, est.clone())),
    ];
    match &p {
        Some(p) => items.push(("null.value", named_nums(&est_names, p.clone()))),
        None if k == 1 => items.push(("null.value", named_num("p", 0.5))),
        None => items.push(("null.value", Value::Null)),
    }
    items.push((
        "conf.int",
        match cint {
            Some((lo, hi)) => conf_int(lo, hi, cl),
            None => Value::Null,
        },
    ));
    items.push(("alternative", Value::str(&alt)));
    items.push(("method", Value::str(&method)));
    items.push(("data.name", Value::str(&dname)));
    Ok(htest(items))
}
