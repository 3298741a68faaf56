//! Tests on means and variances: `t.test`, `var.test` and `bartlett.test`, with the
//! argument handling (formula forms, `data`, `subset`) the htest family shares.

use super::*;
use crate::builtins::stats::htest::split2;
use crate::builtins::{special, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::dist::{beta, gamma};
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::{Env, Value};

/// Hypothesis-test builtins.
pub const BUILTINS: &[Builtin] = &[
    special("t.test", t_test),
    special("var.test", var_test),
    special("bartlett.test", bartlett_test),
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
        doc("var.test",
            "var.test(x, y, ratio = 1, alternative = c(\"two.sided\", \"less\", \"greater\"), conf.level = 0.95, \
             ...)\nvar.test(formula, data, subset, na.action, ...)",
            "F test comparing the variances of two normal samples, against the hypothesised ratio. Returns an \
             \"htest\" object with the F statistic, p-value and a confidence interval for the ratio."),
        doc("bartlett.test", "bartlett.test(x, g, ...)\nbartlett.test(formula, data, subset, na.action, ...)",
            "Bartlett's test that several groups have equal variances. Groups come from a list of samples, a \
             vector with a grouping factor g, or a formula y ~ g. Returns an \"htest\" object."),
    ]
};

fn mean(x: &[f64]) -> f64 {
    crate::builtins::base::summaries::mean_dbl(x)
}
fn var(x: &[f64]) -> f64 {
    let m = mean(x);
    x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (x.len() as f64 - 1.0)
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
        let alt = alternative(m.get("alternative"))?;
        let mu = m.get("mu").and_then(|v| v.as_f64()).unwrap_or(0.0);
        let cl = m.get("conf.level").and_then(|v| v.as_f64()).unwrap_or(0.95);
        if crate::syntax::deparse::deparse(rhs) == "1" {
            if let Some((a, b)) = super::pair_columns(&y) {
                // Pair(x, y) ~ 1: the paired test
                let d: Vec<f64> = a
                    .iter()
                    .zip(&b)
                    .filter(|(p, q)| !p.is_nan() && !q.is_nan())
                    .map(|(p, q)| p - q)
                    .collect();
                return t_core(&d, None, &alt, mu, true, false, cl, crate::syntax::deparse::deparse(lhs));
            }
            // y ~ 1: the one-sample test
            let ys: Vec<f64> = numeric_vec(&y, "x")?.into_iter().filter(|v| !v.is_nan()).collect();
            return t_core(&ys, None, &alt, mu, false, false, cl, crate::syntax::deparse::deparse(lhs));
        }
        let g = formula_side(it, rhs, data.as_ref(), env)?;
        let (lev, a, b) = split2(&y, &g)?;
        let dname = format!(
            "{} by {}",
            crate::syntax::deparse::deparse(lhs),
            crate::syntax::deparse::deparse(rhs)
        );
        let var_equal = flag(m.get("var.equal"), false);
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

fn var_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    const F: [&str; 5] = ["x", "y", "ratio", "alternative", "conf.level"];
    let ev = eval_args(it, args, env)?;
    let dname = format!("{} and {}", expr_of(&ev, &F, "x"), expr_of(&ev, &F, "y"));
    let m = ev.args.matched(&F)?;
    // each sample: its variance and degrees of freedom (a fitted lm gives its residual variance)
    let sample = |v: &Value, what: &str| -> EvalResult<(f64, f64)> {
        if v.inherits("lm") {
            let res = crate::eval::index::list_get(v, "residuals").unwrap_or(Value::Null);
            let df = crate::eval::index::list_get(v, "df.residual")
                .and_then(|d| d.as_f64())
                .unwrap_or(f64::NAN);
            let ss: f64 = res.dbl_vec().iter().map(|r| r * r).sum();
            return Ok((ss / df, df));
        }
        let xs: Vec<f64> = numeric_vec(v, what)?.into_iter().filter(|v| !v.is_nan()).collect();
        let df = xs.len() as f64 - 1.0;
        Ok((if df >= 1.0 { var(&xs) } else { f64::NAN }, df))
    };
    let (vx, dfx) = sample(m.req("x")?, "x")?;
    let (vy, dfy) = sample(m.req("y")?, "y")?;
    let ratio = m.get("ratio").and_then(|v| v.as_f64()).unwrap_or(1.0);
    let alt = alternative(m.get("alternative"))?;
    let cl = m.get("conf.level").and_then(|v| v.as_f64()).unwrap_or(0.95);
    if dfx < 1.0 {
        return err("not enough 'x' observations");
    }
    if dfy < 1.0 {
        return err("not enough 'y' observations");
    }
    let est = vx / vy;
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

pub fn bartlett_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let (xs, dname) = grouped_samples(it, args, env, true)?;
    let k = xs.len() as f64;
    let n: Vec<f64> = xs.iter().map(|g| g.len() as f64 - 1.0).collect();
    if n.iter().any(|&v| v <= 0.0) {
        return err("there must be at least 2 observations in each group");
    }
    let v: Vec<f64> = xs.iter().map(|g| sample_var(g)).collect();
    let ntot: f64 = n.iter().sum();
    let vtot = n.iter().zip(&v).map(|(a, b)| a * b).sum::<f64>() / ntot;
    let stat = (ntot * vtot.ln() - n.iter().zip(&v).map(|(a, b)| a * b.ln()).sum::<f64>())
        / (1.0 + (n.iter().map(|a| 1.0 / a).sum::<f64>() - 1.0 / ntot) / (3.0 * (k - 1.0)));
    Ok(htest(vec![
        ("statistic", named_num("Bartlett's K-squared", stat)),
        ("parameter", named_num("df", k - 1.0)),
        (
            "p.value",
            Value::num(gamma::pchisq(stat, k - 1.0, false, false)),
        ),
        ("data.name", Value::str(&dname)),
        (
            "method",
            Value::str("Bartlett test of homogeneity of variances"),
        ),
    ]))
}
