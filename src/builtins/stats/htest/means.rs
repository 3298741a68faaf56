//! Classical tests returning "htest" objects: t.test, chisq.test, var.test, cor.test,
//! binom.test.

use crate::builtins::{special, Args, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::dist::{beta, discrete, gamma, normal};
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::{Env, RStr, VType, Value};
use std::rc::Rc;

/// Hypothesis-test builtins.
pub const BUILTINS: &[Builtin] = &[
    special("t.test", t_test),
    special("chisq.test", chisq_test),
    special("var.test", var_test),
    special("cor.test", cor_test),
    special("binom.test", binom_test),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("t.test",
            "t.test(x, y = NULL, alternative = c(\"two.sided\", \"less\", \"greater\"), mu = 0, paired = FALSE, \
             var.equal = FALSE, conf.level = 0.95)\nt.test(formula, data, subset, na.action, ...)",
            "Student's t test: one sample against mu, two independent samples (Welch's version unless var.equal = \
             TRUE), or paired samples. The formula form y ~ g compares the two groups of g. Returns an \"htest\" \
             object with the statistic, degrees of freedom, p-value, confidence interval and estimates."),
        doc("chisq.test",
            "chisq.test(x, y = NULL, correct = TRUE, p = rep(1/length(x), length(x)), rescale.p = FALSE, \
             simulate.p.value = FALSE, B = 2000)",
            "Pearson's chi-squared test. For a matrix (or two factors x and y) it tests independence of rows and \
             columns, with Yates' continuity correction for 2 by 2 tables unless correct = FALSE; for a vector it \
             tests goodness of fit to the probabilities p. Returns an \"htest\" object that also holds the \
             observed and expected counts and residuals."),
        doc("var.test",
            "var.test(x, y, ratio = 1, alternative = c(\"two.sided\", \"less\", \"greater\"), conf.level = 0.95, \
             ...)\nvar.test(formula, data, subset, na.action, ...)",
            "F test comparing the variances of two normal samples, against the hypothesised ratio. Returns an \
             \"htest\" object with the F statistic, p-value and a confidence interval for the ratio."),
        doc("cor.test",
            "cor.test(x, y, alternative = c(\"two.sided\", \"less\", \"greater\"), method = c(\"pearson\", \
             \"kendall\", \"spearman\"), exact = NULL, conf.level = 0.95, continuity = FALSE, \
             ...)\ncor.test(formula, data, subset, na.action, ...)",
            "Tests whether two paired samples are correlated, using Pearson's r (with a confidence interval), \
             Kendall's tau or Spearman's rho. The formula form is ~ x + y. Returns an \"htest\" object."),
        doc("binom.test",
            "binom.test(x, n, p = 0.5, alternative = c(\"two.sided\", \"less\", \"greater\"), conf.level = 0.95)",
            "Exact test that the success probability in n Bernoulli trials with x successes equals p; x may also \
             be a vector of successes and failures. Returns an \"htest\" object with the p-value and the \
             Clopper-Pearson confidence interval."),
    ]
};

/// Evaluated arguments and their deparsed expressions.
pub(super) struct Evald {
    pub(super) args: Args,
    exprs: Vec<(Option<Sym>, String, Option<Expr>)>,
}

pub(super) fn eval_args(it: &mut Interp, args: &[Arg], env: &Env) -> EvalResult<Evald> {
    let mut items = Vec::new();
    let mut exprs = Vec::new();
    for a in args {
        let Some(e) = &a.value else { continue };
        let v = it.eval(e, env)?;
        items.push((a.name, v));
        exprs.push((a.name, crate::syntax::deparse::deparse(e), Some(e.clone())));
    }
    Ok(Evald {
        args: Args::new(items),
        exprs,
    })
}

/// The deparsed expression given for formal `formal` (position `pos` among unnamed).
pub(super) fn expr_of(ev: &Evald, formals: &[&str], formal: &str) -> String {
    // Re-run matching on placeholder values carrying the index.
    let items: Vec<(Option<Sym>, Value)> = ev
        .exprs
        .iter()
        .enumerate()
        .map(|(i, (n, _, _))| (*n, Value::int(i as i32)))
        .collect();
    if let Ok(m) = Args::new(items).matched(formals) {
        if formals.contains(&formal) {
            if let Some(i) = m.get(formal).and_then(|v| v.as_i32()) {
                return ev.exprs[i as usize].1.clone();
            }
        }
    }
    String::new()
}

pub(super) fn named_num(name: &str, v: f64) -> Value {
    let mut x = Value::num(v);
    x.set_attr(Sym::new("names"), Value::str(name));
    x
}

pub(super) fn named_nums(names: &[String], v: Vec<f64>) -> Value {
    let mut x = Value::dbls(v);
    x.set_attr(Sym::new("names"), Value::strings(names));
    x
}

pub(super) fn conf_int(lo: f64, hi: f64, level: f64) -> Value {
    let mut ci = Value::dbls(vec![lo, hi]);
    ci.set_attr(Sym::new("conf.level"), Value::num(level));
    ci
}

pub(super) fn htest(items: Vec<(&str, Value)>) -> Value {
    let mut v = Value::named_list(items.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
    v.set_attr(Sym::new("class"), Value::str("htest"));
    v
}

pub(super) fn numeric_vec(v: &Value, what: &str) -> EvalResult<Vec<f64>> {
    if v.is_factor()
        || !matches!(
            v.vtype(),
            Some(VType::Lgl) | Some(VType::Int) | Some(VType::Dbl)
        )
    {
        return err(format!("'{}' must be numeric", what));
    }
    Ok(v.dbl_vec().to_vec())
}

fn mean(x: &[f64]) -> f64 {
    crate::builtins::base::summaries::mean_dbl(x)
}
fn var(x: &[f64]) -> f64 {
    let m = mean(x);
    x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (x.len() as f64 - 1.0)
}

pub(super) fn alternative(v: Option<&Value>) -> EvalResult<String> {
    let a = v
        .and_then(|a| a.as_string())
        .unwrap_or_else(|| "two.sided".into());
    for c in ["two.sided", "less", "greater"] {
        if c.starts_with(a.as_str()) && !a.is_empty() {
            return Ok(c.to_string());
        }
    }
    err("'arg' should be one of \u{201c}two.sided\u{201d}, \u{201c}less\u{201d}, \u{201c}greater\u{201d}")
}

fn list_get(v: &Value, name: &str) -> Option<Value> {
    let names = v.names()?;
    let i = names.iter().position(|n| n.as_deref() == Some(name))?;
    v.list_vec().get(i).cloned()
}

/// Evaluates a formula side against `data` (a data frame or list) or the environment.
pub(super) fn formula_side(
    it: &mut Interp,
    e: &Expr,
    data: Option<&Value>,
    env: &Env,
) -> EvalResult {
    if let (ExprKind::Ident(s), Some(d)) = (&e.kind, data) {
        if let Some(v) = list_get(d, s.as_str()) {
            return Ok(v);
        }
    }
    it.eval(e, env)
}

/// Splits `y` by the two groups of `g`: (levels, group 1 values, group 2 values).
pub(super) fn split2(y: &Value, g: &Value) -> EvalResult<(Vec<String>, Vec<f64>, Vec<f64>)> {
    let ys = numeric_vec(y, "x")?;
    let (codes, levels): (Vec<i32>, Vec<String>) = if g.is_factor() {
        let lev = g
            .get_attr("levels")
            .and_then(|l| l.as_strings())
            .unwrap_or_default();
        (g.int_vec().to_vec(), lev)
    } else {
        let s: Vec<String> = match g.vtype() {
            Some(VType::Str) => g.as_strings().unwrap_or_default(),
            _ => g
                .dbl_vec()
                .iter()
                .map(|v| crate::print::cat_num(*v))
                .collect(),
        };
        let mut lev: Vec<String> = s.clone();
        if g.vtype() == Some(VType::Str) {
            lev.sort();
        } else {
            let mut nums: Vec<f64> = g.dbl_vec().to_vec();
            nums.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
            lev = nums.iter().map(|v| crate::print::cat_num(*v)).collect();
        }
        lev.dedup();
        let codes = s
            .iter()
            .map(|x| {
                lev.iter()
                    .position(|l| l == x)
                    .map(|p| p as i32 + 1)
                    .unwrap_or(crate::value::NA_INT)
            })
            .collect();
        (codes, lev)
    };
    if levels.len() != 2 {
        return err("grouping factor must have exactly 2 levels");
    }
    let mut a = Vec::new();
    let mut b = Vec::new();
    for (i, &c) in codes.iter().enumerate() {
        if i >= ys.len() {
            break;
        }
        if c == 1 {
            a.push(ys[i]);
        } else if c == 2 {
            b.push(ys[i]);
        }
    }
    Ok((levels, a, b))
}

pub(super) fn flag(v: Option<&Value>, d: bool) -> bool {
    v.and_then(|x| x.as_bool().flatten()).unwrap_or(d)
}

fn t_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    const F: [&str; 8] = [
        "x",
        "y",
        "alternative",
        "mu",
        "paired",
        "var.equal",
        "conf.level",
        "data",
    ];
    let ev = eval_args(it, args, env)?;
    let is_formula = args
        .first()
        .and_then(|a| a.value.as_ref())
        .map(|e| matches!(e.kind, ExprKind::Formula(Some(_), _)))
        .unwrap_or(false);
    if is_formula {
        let Some(Some(fe)) = args.first().map(|a| a.value.clone()) else {
            return err("invalid formula");
        };
        let ExprKind::Formula(Some(lhs), rhs) = &fe.kind else {
            return err("invalid formula");
        };
        let m = ev.args.clone().matched(&[
            "formula",
            "data",
            "alternative",
            "mu",
            "paired",
            "var.equal",
            "conf.level",
            "subset",
            "na.action",
        ])?;
        let data = m.get("data").cloned();
        let y = formula_side(it, lhs, data.as_ref(), env)?;
        let g = formula_side(it, rhs, data.as_ref(), env)?;
        let (lev, a, b) = split2(&y, &g)?;
        let dname = format!(
            "{} by {}",
            crate::syntax::deparse::deparse(lhs),
            crate::syntax::deparse::deparse(rhs)
        );
        let alt = alternative(m.get("alternative"))?;
        let mu = m.get("mu").and_then(|v| v.as_f64()).unwrap_or(0.0);
        let var_equal = flag(m.get("var.equal"), false);
        let cl = m.get("conf.level").and_then(|v| v.as_f64()).unwrap_or(0.95);
        let mut r = t_core(&a, Some(&b), &alt, mu, false, var_equal, cl, dname)?;
        // group names
        let est_names: Vec<String> = lev.iter().map(|l| format!("mean in group {}", l)).collect();
        set_field(&mut r, "estimate", |e| {
            let mut e = e.clone();
            e.set_attr(Sym::new("names"), Value::strings(&est_names));
            e
        });
        let nv = format!(
            "difference in means between group {} and group {}",
            lev[0], lev[1]
        );
        set_field(&mut r, "null.value", |e| {
            let mut e = e.clone();
            e.set_attr(Sym::new("names"), Value::str(&nv));
            e
        });
        return Ok(r);
    }
    let dx = expr_of(&ev, &F, "x");
    let dy = expr_of(&ev, &F, "y");
    let m = ev.args.matched(&F)?;
    let x = numeric_vec(m.req("x")?, "x")?;
    let y = match m.get("y") {
        Some(y) => Some(numeric_vec(y, "y")?),
        None => None,
    };
    let alt = alternative(m.get("alternative"))?;
    let mu = m.get("mu").and_then(|v| v.as_f64()).unwrap_or(0.0);
    let paired = flag(m.get("paired"), false);
    let var_equal = flag(m.get("var.equal"), false);
    let cl = m.get("conf.level").and_then(|v| v.as_f64()).unwrap_or(0.95);
    let dname = if y.is_some() {
        format!("{} and {}", dx, dy)
    } else {
        dx
    };
    let (x, y) = if paired {
        let Some(y) = y else {
            return err("'y' is missing for paired test");
        };
        if y.len() != x.len() {
            return err("'x' and 'y' must have the same length");
        }
        let d: Vec<f64> = x
            .iter()
            .zip(&y)
            .filter(|(a, b)| !a.is_nan() && !b.is_nan())
            .map(|(a, b)| a - b)
            .collect();
        (d, None)
    } else {
        (
            x.into_iter().filter(|v| !v.is_nan()).collect::<Vec<_>>(),
            y.map(|y| y.into_iter().filter(|v| !v.is_nan()).collect::<Vec<_>>()),
        )
    };
    t_core(&x, y.as_deref(), &alt, mu, paired, var_equal, cl, dname)
}

fn set_field(v: &mut Value, name: &str, f: impl Fn(&Value) -> Value) {
    let Some(names) = v.names() else { return };
    let Some(i) = names.iter().position(|n| n.as_deref() == Some(name)) else {
        return;
    };
    let mut items = v.list_vec().to_vec();
    items[i] = f(&items[i]);
    let attrs = v.attrs().cloned();
    let mut nv = Value::list(items);
    if let Some(a) = attrs {
        for (k, x) in a {
            nv.set_attr(k, x);
        }
    }
    *v = nv;
}

#[allow(clippy::too_many_arguments)]
fn t_core(
    x: &[f64],
    y: Option<&[f64]>,
    alt: &str,
    mu: f64,
    paired: bool,
    var_equal: bool,
    cl: f64,
    dname: String,
) -> EvalResult {
    let nx = x.len() as f64;
    if nx < 2.0 {
        return err("not enough 'x' observations");
    }
    let mx = mean(x);
    let vx = var(x);
    let (tstat, df, stderr, estimate, method, mu_name);
    match y {
        None => {
            df = nx - 1.0;
            stderr = (vx / nx).sqrt();
            if stderr < 10.0 * f64::EPSILON * mx.abs() {
                return err("data are essentially constant");
            }
            tstat = (mx - mu) / stderr;
            method = if paired {
                "Paired t-test"
            } else {
                "One Sample t-test"
            };
            estimate = named_num(
                if paired {
                    "mean difference"
                } else {
                    "mean of x"
                },
                mx,
            );
            mu_name = if paired { "mean difference" } else { "mean" };
        }
        Some(y) => {
            let ny = y.len() as f64;
            if ny < 1.0 || (!var_equal && ny < 2.0) {
                return err("not enough 'y' observations");
            }
            let my = mean(y);
            let vy = var(y);
            method = if var_equal {
                " Two Sample t-test"
            } else {
                "Welch Two Sample t-test"
            };
            estimate = named_nums(&["mean of x".into(), "mean of y".into()], vec![mx, my]);
            if var_equal {
                df = nx + ny - 2.0;
                let mut v = 0.0;
                if nx > 1.0 {
                    v += (nx - 1.0) * vx;
                }
                if ny > 1.0 {
                    v += (ny - 1.0) * vy;
                }
                v /= df;
                stderr = (v * (1.0 / nx + 1.0 / ny)).sqrt();
            } else {
                let sx = (vx / nx).sqrt();
                let sy = (vy / ny).sqrt();
                stderr = (sx * sx + sy * sy).sqrt();
                df = stderr.powi(4) / (sx.powi(4) / (nx - 1.0) + sy.powi(4) / (ny - 1.0));
            }
            tstat = (mx - my - mu) / stderr;
            mu_name = "difference in means";
        }
    }
    let (pval, lo, hi) = match alt {
        "less" => (
            beta::pt(tstat, df, true, false),
            f64::NEG_INFINITY,
            tstat + beta::qt(cl, df, true, false),
        ),
        "greater" => (
            beta::pt(tstat, df, false, false),
            tstat - beta::qt(cl, df, true, false),
            f64::INFINITY,
        ),
        _ => {
            let q = beta::qt(1.0 - (1.0 - cl) / 2.0, df, true, false);
            (
                2.0 * beta::pt(-tstat.abs(), df, true, false),
                tstat - q,
                tstat + q,
            )
        }
    };
    Ok(htest(vec![
        ("statistic", named_num("t", tstat)),
        ("parameter", named_num("df", df)),
        ("p.value", Value::num(pval)),
        ("conf.int", conf_int(mu + lo * stderr, mu + hi * stderr, cl)),
        ("estimate", estimate),
        ("null.value", named_num(mu_name, mu)),
        ("stderr", Value::num(stderr)),
        ("alternative", Value::str(alt)),
        ("method", Value::str(method.trim_start())),
        ("data.name", Value::str(&dname)),
    ]))
}

fn call_named(it: &mut Interp, name: &str, args: Vec<(Option<Sym>, Value)>) -> EvalResult {
    let f = it
        .base
        .get_local(Sym::new(name))
        .or_else(|| it.global.get_local(Sym::new(name)));
    let Some(f) = f else {
        return err(format!("could not find function \"{}\"", name));
    };
    it.call_value(&f, args)
}

fn chisq_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
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
    let (stat, df, e, v, method);
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
        let yates = if correct && nr == 2 && nc == 2 {
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
        stat = xs
            .iter()
            .zip(&ev)
            .map(|(a, b)| ((a - b).abs() - yates).powi(2) / b)
            .sum::<f64>();
        df = ((nr - 1) * (nc - 1)) as f64;
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
    if evs.iter().any(|v| *v < 5.0) {
        it.warning("Chi-squared approximation may be incorrect");
    }
    let pval = gamma::pchisq(stat, df, false, false);
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
        ("parameter", named_num("df", df)),
        ("p.value", Value::num(pval)),
        ("method", Value::str(&method)),
        ("data.name", Value::str(&dname)),
        ("observed", x.clone()),
        ("expected", e.clone()),
        ("residuals", resid),
        ("stdres", stdres),
    ]))
}

fn var_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    const F: [&str; 5] = ["x", "y", "ratio", "alternative", "conf.level"];
    let ev = eval_args(it, args, env)?;
    let dname = format!("{} and {}", expr_of(&ev, &F, "x"), expr_of(&ev, &F, "y"));
    let m = ev.args.matched(&F)?;
    let x: Vec<f64> = numeric_vec(m.req("x")?, "x")?
        .into_iter()
        .filter(|v| !v.is_nan())
        .collect();
    let y: Vec<f64> = numeric_vec(m.req("y")?, "y")?
        .into_iter()
        .filter(|v| !v.is_nan())
        .collect();
    let ratio = m.get("ratio").and_then(|v| v.as_f64()).unwrap_or(1.0);
    let alt = alternative(m.get("alternative"))?;
    let cl = m.get("conf.level").and_then(|v| v.as_f64()).unwrap_or(0.95);
    let (dfx, dfy) = (x.len() as f64 - 1.0, y.len() as f64 - 1.0);
    if dfx < 1.0 {
        return err("not enough 'x' observations");
    }
    if dfy < 1.0 {
        return err("not enough 'y' observations");
    }
    let est = var(&x) / var(&y);
    let stat = est / ratio;
    let pv = beta::pf(stat, dfx, dfy, true, false);
    let (pval, lo, hi) = match alt.as_str() {
        "less" => (pv, 0.0, stat / beta::qf(1.0 - cl, dfx, dfy, true, false)),
        "greater" => (
            1.0 - pv,
            stat / beta::qf(cl, dfx, dfy, true, false),
            f64::INFINITY,
        ),
        _ => {
            let beta_ = (1.0 - cl) / 2.0;
            (
                2.0 * pv.min(1.0 - pv),
                stat / beta::qf(1.0 - beta_, dfx, dfy, true, false),
                stat / beta::qf(beta_, dfx, dfy, true, false),
            )
        }
    };
    Ok(htest(vec![
        ("statistic", named_num("F", stat)),
        (
            "parameter",
            named_nums(&["num df".into(), "denom df".into()], vec![dfx, dfy]),
        ),
        ("p.value", Value::num(pval)),
        ("conf.int", conf_int(lo * ratio, hi * ratio, cl)),
        ("estimate", named_num("ratio of variances", est)),
        ("null.value", named_num("ratio of variances", ratio)),
        ("alternative", Value::str(&alt)),
        ("method", Value::str("F test to compare two variances")),
        ("data.name", Value::str(&dname)),
    ]))
}

fn cor_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    const F: [&str; 7] = [
        "x",
        "y",
        "alternative",
        "method",
        "exact",
        "conf.level",
        "continuity",
    ];
    let ev = eval_args(it, args, env)?;
    let rhs = match args.first().and_then(|a| a.value.as_ref()).map(|e| &e.kind) {
        Some(ExprKind::Formula(None, r)) => match &r.kind {
            ExprKind::Binary(crate::syntax::ast::BinOp::Add, a, b) => Some((a.clone(), b.clone())),
            _ => return err("'formula' missing or invalid"),
        },
        _ => None,
    };
    let (dname, m) = if let Some((a, b)) = rhs {
        let fm = ev.args.clone().matched(&[
            "formula",
            "data",
            "alternative",
            "method",
            "exact",
            "conf.level",
            "continuity",
            "subset",
            "na.action",
        ])?;
        let data = fm.get("data").cloned();
        let xa = formula_side(it, &a, data.as_ref(), env)?;
        let yb = formula_side(it, &b, data.as_ref(), env)?;
        let mut items = vec![(None, xa), (None, yb)];
        for nm in ["alternative", "method", "exact", "conf.level", "continuity"] {
            if let Some(v) = fm.get(nm) {
                items.push((Some(Sym::new(nm)), v.clone()));
            }
        }
        let dname = format!(
            "{} and {}",
            crate::syntax::deparse::deparse(&a),
            crate::syntax::deparse::deparse(&b)
        );
        (dname, Args::new(items).matched(&F)?)
    } else {
        let dname = format!("{} and {}", expr_of(&ev, &F, "x"), expr_of(&ev, &F, "y"));
        (dname, ev.args.matched(&F)?)
    };
    let x = numeric_vec(m.req("x")?, "x")?;
    let y = numeric_vec(m.req("y")?, "y")?;
    if x.len() != y.len() {
        return err("'x' and 'y' must have the same length");
    }
    let (x, y): (Vec<f64>, Vec<f64>) = x
        .iter()
        .zip(&y)
        .filter(|(a, b)| !a.is_nan() && !b.is_nan())
        .map(|(a, b)| (*a, *b))
        .unzip();
    let alt = alternative(m.get("alternative"))?;
    let method = m
        .get("method")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "pearson".into());
    let cl = m.get("conf.level").and_then(|v| v.as_f64()).unwrap_or(0.95);
    let n = x.len() as f64;
    if let Some(rank) = ["kendall", "spearman"]
        .iter()
        .find(|c| !method.is_empty() && c.starts_with(method.as_str()))
    {
        let exact = m.get("exact").and_then(|v| v.as_bool().flatten());
        return crate::builtins::stats::htest::counts::cor_test_rank(
            it,
            &x,
            &y,
            &alt,
            rank,
            exact,
            flag(m.get("continuity"), false),
            &dname,
        );
    }
    if n < 3.0 {
        return err("not enough finite observations");
    }
    let r = crate::builtins::base::margins::pearson(&x, &y);
    let df = n - 2.0;
    let stat = df.sqrt() * r / (1.0 - r * r).sqrt();
    let pval = match alt.as_str() {
        "less" => beta::pt(stat, df, true, false),
        "greater" => beta::pt(stat, df, false, false),
        _ => 2.0 * beta::pt(stat, df, true, false).min(beta::pt(stat, df, false, false)),
    };
    let mut items = vec![
        ("statistic", named_num("t", stat)),
        ("parameter", named_num("df", df)),
        ("p.value", Value::num(pval)),
    ];
    if n > 3.0 {
        let z = r.atanh();
        let sigma = 1.0 / (n - 3.0).sqrt();
        let (lo, hi) = match alt.as_str() {
            "less" => (
                f64::NEG_INFINITY,
                z + sigma * normal::qnorm(cl, 0.0, 1.0, true, false),
            ),
            "greater" => (
                z - sigma * normal::qnorm(cl, 0.0, 1.0, true, false),
                f64::INFINITY,
            ),
            _ => {
                let q = normal::qnorm((1.0 + cl) / 2.0, 0.0, 1.0, true, false);
                (z - sigma * q, z + sigma * q)
            }
        };
        items.push(("conf.int", conf_int(lo.tanh(), hi.tanh(), cl)));
    }
    items.push(("estimate", named_num("cor", r)));
    items.push(("null.value", named_num("correlation", 0.0)));
    items.push(("alternative", Value::str(&alt)));
    items.push(("method", Value::str("Pearson's product-moment correlation")));
    items.push(("data.name", Value::str(&dname)));
    Ok(htest(items))
}

fn binom_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
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
    let _: Vec<RStr> = Vec::new();
    let _ = Rc::new(0);
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
