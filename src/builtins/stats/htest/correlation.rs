//! Tests of association between paired samples: `cor.test` with Pearson's product moment correlation and the rank methods (Spearman's rho, Kendall's tau).

use super::*;
use crate::builtins::{special, Args, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::dist::{beta, gamma, normal};
use crate::syntax::ast::ExprKind;
use crate::syntax::ast::{Arg, Expr};
use crate::syntax::sym::Sym;
use crate::value::na_real;
use crate::value::{Env, Value};

pub const BUILTINS: &[Builtin] = &[special("cor.test", cor_test)];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("cor.test",
            "cor.test(x, y, alternative = c(\"two.sided\", \"less\", \"greater\"), method = c(\"pearson\", \
             \"kendall\", \"spearman\"), exact = NULL, conf.level = 0.95, continuity = FALSE, \
             ...)\ncor.test(formula, data, subset, na.action, ...)",
            "Tests whether two paired samples are correlated, using Pearson's r (with a confidence interval), \
             Kendall's tau or Spearman's rho. The formula form is ~ x + y. Returns an \"htest\" object."),
    ]
};

pub fn cor_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
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
        return cor_test_rank(
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

/// `cor.test(x, y, method = "spearman" | "kendall")` on complete cases.
#[allow(clippy::too_many_arguments)]
pub fn cor_test_rank(
    it: &mut Interp,
    x: &[f64],
    y: &[f64],
    alt: &str,
    method: &str,
    exact: Option<bool>,
    continuity: bool,
    dname: &str,
) -> EvalResult {
    let n = x.len();
    if n < 2 {
        return err("not enough finite observations");
    }
    let nf = n as f64;
    let ties = distinct(x).min(distinct(y)) < n;
    let p2 = |pl: f64, pu: f64| -> f64 {
        match alt {
            "less" => pl,
            "greater" => pu,
            _ => 2.0 * pl.min(pu),
        }
    };
    let (stat, pval, est, mname, nvname);
    if method == "kendall" {
        mname = "Kendall's rank correlation tau";
        nvname = "tau";
        let r = kendall_tau(x, y);
        est = r;
        if !r.is_finite() {
            stat = named_num("T", na_real());
            pval = na_real();
        } else {
            let exact = exact.unwrap_or(n < 50);
            if exact && !ties {
                let q = ((r + 1.0) * nf * (nf - 1.0) / 4.0).round_ties_even();
                stat = named_num("T", q);
                pval = match alt {
                    "greater" => 1.0 - pkendall(q - 1.0, n),
                    "less" => pkendall(q, n),
                    _ => {
                        let p = if q > nf * (nf - 1.0) / 4.0 {
                            1.0 - pkendall(q - 1.0, n)
                        } else {
                            pkendall(q, n)
                        };
                        (2.0 * p).min(1.0)
                    }
                };
            } else {
                let xt = tie_sizes(x);
                let yt = tie_sizes(y);
                let t0 = nf * (nf - 1.0) / 2.0;
                let t1 = xt.iter().map(|t| t * (t - 1.0)).sum::<f64>() / 2.0;
                let t2 = yt.iter().map(|t| t * (t - 1.0)).sum::<f64>() / 2.0;
                let mut s = r * ((t0 - t1) * (t0 - t2)).sqrt();
                let v0 = nf * (nf - 1.0) * (2.0 * nf + 5.0);
                let vt: f64 = xt.iter().map(|t| t * (t - 1.0) * (2.0 * t + 5.0)).sum();
                let vu: f64 = yt.iter().map(|t| t * (t - 1.0) * (2.0 * t + 5.0)).sum();
                let v1 = xt.iter().map(|t| t * (t - 1.0)).sum::<f64>()
                    * yt.iter().map(|t| t * (t - 1.0)).sum::<f64>();
                let v2 = xt.iter().map(|t| t * (t - 1.0) * (t - 2.0)).sum::<f64>()
                    * yt.iter().map(|t| t * (t - 1.0) * (t - 2.0)).sum::<f64>();
                let var_s = (v0 - vt - vu) / 18.0
                    + v1 / (2.0 * nf * (nf - 1.0))
                    + v2 / (9.0 * nf * (nf - 1.0) * (nf - 2.0));
                if exact && ties {
                    it.warning("Cannot compute exact p-value with ties");
                }
                if continuity {
                    s = s.signum() * (s.abs() - 1.0);
                }
                let z = s / var_s.sqrt();
                stat = named_num("z", z);
                pval = p2(
                    normal::pnorm(z, 0.0, 1.0, true, false),
                    normal::pnorm(z, 0.0, 1.0, false, false),
                );
            }
        }
    } else {
        mname = "Spearman's rank correlation rho";
        nvname = "rho";
        let mut exact = exact.unwrap_or(true);
        let r = crate::builtins::base::margins::pearson(
            &crate::builtins::base::margins::avg_rank(x),
            &crate::builtins::base::margins::avg_rank(y),
        );
        est = r;
        if !r.is_finite() {
            stat = named_num("S", na_real());
            pval = na_real();
        } else {
            let q = (nf * nf * nf - nf) * (1.0 - r) / 6.0;
            stat = named_num("S", q);
            if ties && exact {
                exact = false;
                it.warning("Cannot compute exact p-value with ties");
            }
            let pspearman = |q: f64, lower: bool| -> f64 {
                if n <= 1290 && exact {
                    prho(n, q.round_ties_even() + 2.0 * (lower as i32 as f64), lower)
                } else {
                    let mut den = nf * (nf * nf - 1.0) / 6.0;
                    if continuity {
                        den += 1.0;
                    }
                    let r = 1.0 - q / den;
                    beta::pt(
                        r / ((1.0 - r * r) / (nf - 2.0)).sqrt(),
                        nf - 2.0,
                        !lower,
                        false,
                    )
                }
            };
            pval = match alt {
                "greater" => pspearman(q, true),
                "less" => pspearman(q, false),
                _ => {
                    let p = if q > (nf * nf * nf - nf) / 6.0 {
                        pspearman(q, false)
                    } else {
                        pspearman(q, true)
                    };
                    (2.0 * p).min(1.0)
                }
            };
        }
    }
    Ok(htest(vec![
        ("statistic", stat),
        ("parameter", Value::Null),
        ("p.value", Value::num(pval)),
        ("estimate", named_num(nvname, est)),
        ("null.value", named_num(nvname, 0.0)),
        ("alternative", Value::str(alt)),
        ("method", Value::str(mname)),
        ("data.name", Value::str(dname)),
    ]))
}

/// Sizes of the groups of tied values (only groups of 2 or more).
pub fn tie_sizes(x: &[f64]) -> Vec<f64> {
    let mut s = x.to_vec();
    s.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let mut j = i;
        while j + 1 < s.len() && s[j + 1] == s[i] {
            j += 1;
        }
        if j > i {
            out.push((j - i + 1) as f64);
        }
        i = j + 1;
    }
    out
}

pub fn kendall_tau(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len();
    let (mut s, mut sx, mut sy) = (0.0f64, 0.0f64, 0.0f64);
    for i in 0..n {
        for j in 0..n {
            let a = if x[i] > x[j] {
                1.0
            } else if x[i] < x[j] {
                -1.0
            } else {
                0.0
            };
            let b = if y[i] > y[j] {
                1.0
            } else if y[i] < y[j] {
                -1.0
            } else {
                0.0
            };
            s += a * b;
            sx += a * a;
            sy += b * b;
        }
    }
    if sx == 0.0 || sy == 0.0 {
        return na_real();
    }
    (s / (sx.sqrt() * sy.sqrt())).clamp(-1.0, 1.0)
}

pub fn distinct(x: &[f64]) -> usize {
    let mut s = x.to_vec();
    s.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    s.dedup();
    s.len()
}

/// P(T <= q) for Kendall's T (concordant pairs) with `n` observations and no ties.
pub fn pkendall(q: f64, n: usize) -> f64 {
    let q = (q + 1e-7).floor();
    let u = n * n.saturating_sub(1) / 2;
    if q < 0.0 {
        return 0.0;
    }
    if q > u as f64 {
        return 1.0;
    }
    // Counts of permutations of m items by number of inversions, summed in R's order.
    let mut w: Vec<f64> = vec![1.0];
    for m in 2..=n {
        let um = m * (m - 1) / 2;
        let mut nw = vec![0.0; um + 1];
        for (k, slot) in nw.iter_mut().enumerate() {
            let mut s = 0.0;
            for i in 0..m {
                if k >= i && k - i < w.len() {
                    s += w[k - i];
                }
            }
            *slot = s;
        }
        w = nw;
    }
    let mut p = 0.0;
    for wj in w.iter().take(q as usize + 1) {
        p += wj;
    }
    p / gamma::gammafn(n as f64 + 1.0)
}

/// AS 89: P(S >= is) (upper) or P(S < is) (lower) for Spearman's S with `n` pairs; exact
/// by enumerating permutations for n <= 9, an Edgeworth series beyond.
pub fn prho(n: usize, is: f64, lower: bool) -> f64 {
    let mut pv = if lower { 0.0 } else { 1.0 };
    if n <= 1 || is <= 0.0 {
        return pv;
    }
    let nf = n as f64;
    let n3 = nf * (nf * nf - 1.0) / 3.0;
    if is > n3 {
        return 1.0 - pv;
    }
    if n <= 9 {
        let mut l: Vec<usize> = (1..=n).collect();
        let nfac: usize = (1..=n).product();
        let ifr = if is == n3 {
            1
        } else {
            let mut ifr = 0usize;
            for _ in 0..nfac {
                let ise: usize = l
                    .iter()
                    .enumerate()
                    .map(|(i, &li)| {
                        let d = i as i64 + 1 - li as i64;
                        (d * d) as usize
                    })
                    .sum();
                if is <= ise as f64 {
                    ifr += 1;
                }
                // next permutation in AS 89's rotation order
                let mut n1 = n;
                loop {
                    let mt = l[0];
                    for i in 1..n1 {
                        l[i - 1] = l[i];
                    }
                    n1 -= 1;
                    l[n1] = mt;
                    if !(mt == n1 + 1 && n1 > 1) {
                        break;
                    }
                }
            }
            ifr
        };
        pv = (if lower { nfac - ifr } else { ifr }) as f64 / nfac as f64;
        return pv;
    }
    let (c1, c2, c3, c4, c5, c6) = (0.2274, 0.2531, 0.1745, 0.0758, 0.1033, 0.3932);
    let (c7, c8, c9, c10, c11, c12) = (0.0879, 0.0151, 0.0072, 0.0831, 0.0131, 4.6e-4);
    let y = nf;
    let b = 1.0 / y;
    let x = (6.0 * (is - 1.0) * b / (y * y - 1.0) - 1.0) * (y - 1.0).sqrt();
    let y = x * x;
    let u = x
        * b
        * (c1
            + b * (c2 + c3 * b)
            + y * (-c4 + b * (c5 + c6 * b)
                - y * b * (c7 + c8 * b - y * (c9 - c10 * b + y * b * (c11 - c12 * y)))));
    let y = u / (y / 2.0).exp();
    pv = (if lower { -y } else { y }) + normal::pnorm(x, 0.0, 1.0, lower, false);
    pv.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prho_and_pkendall_match_r() {
        // R: .Call(stats:::C_pRho, 40, 7, TRUE) etc.
        assert!((prho(7, 40.0 + 2.0, true) - R_PRHO7).abs() < 1e-15);
        assert!((prho(20, 1000.0, false) - R_PRHO20).abs() < 1e-14);
        assert!((pkendall(10.0, 8) - R_PK8).abs() < 1e-15);
        assert!((pkendall(300.0, 30) - R_PK30).abs() < 1e-13);
    }

    const R_PRHO7: f64 = 0.27797619047619049;
    const R_PRHO20: f64 = 0.8563984408241766;
    const R_PK8: f64 = 0.19937996031746033;
    const R_PK30: f64 = 0.99872826802984338;
}
