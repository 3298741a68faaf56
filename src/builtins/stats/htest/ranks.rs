//! Rank tests: `wilcox.test` (signed rank and rank sum, exact and normal approximations)
//! and `kruskal.test`.

use super::*;
use crate::builtins::{special, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::dist::{gamma, normal};
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::value::{Env, Value};

/// Hypothesis-test builtins.
pub const BUILTINS: &[Builtin] = &[
    special("wilcox.test", wilcox_test),
    special("kruskal.test", kruskal_test),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("wilcox.test",
            "wilcox.test(x, y = NULL, alternative = c(\"two.sided\", \"less\", \"greater\"), mu = 0, paired = \
             FALSE, exact = NULL, correct = TRUE, ...)\nwilcox.test(formula, data, subset, na.action, ...)",
            "Wilcoxon's rank tests: the signed rank test for one sample or paired samples, and the rank sum \
             (Mann-Whitney) test for two samples. The p-value is exact for small samples without ties, otherwise \
             from the normal approximation with continuity correction. Returns an \"htest\" object."),
        doc("kruskal.test", "kruskal.test(x, g, ...)\nkruskal.test(formula, data, subset, na.action, ...)",
            "Kruskal-Wallis rank sum test that several groups come from the same distribution, the rank-based \
             counterpart of one-way analysis of variance. Groups are given as for bartlett.test. Returns an \
             \"htest\" object."),
    ]
};

/// Average ranks (ties share the mean rank), as `rank()`.
fn avg_rank(x: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|&a, &b| x[a].partial_cmp(&x[b]).unwrap_or(std::cmp::Ordering::Equal));
    let mut r = vec![0.0; x.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && x[idx[j + 1]] == x[idx[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for &t in &idx[i..=j] {
            r[t] = avg;
        }
        i = j + 1;
    }
    r
}

/// Sum over tie groups of t^3 - t.
fn ties_term(r: &[f64]) -> f64 {
    let mut s = r.to_vec();
    s.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let mut tot = 0.0;
    let mut i = 0;
    while i < s.len() {
        let mut j = i;
        while j + 1 < s.len() && s[j + 1] == s[i] {
            j += 1;
        }
        let t = (j - i + 1) as f64;
        tot += t * t * t - t;
        i = j + 1;
    }
    tot
}

fn has_ties(r: &[f64]) -> bool {
    ties_term(r) > 0.0
}

/// Distribution of the rank-sum statistic W for sizes m, n: P(W <= q).
fn pwilcox(q: f64, m: usize, n: usize, lower: bool) -> f64 {
    let maxw = m * n;
    // Standard recurrence: number of sequences with i x's and j y's and W=w:
    // N(i, j, w) = N(i-1, j, w-j) + N(i, j-1, w)
    let mut prev = vec![vec![0.0f64; maxw + 1]; m + 1]; // j-1 layer
    for j in 0..=n {
        let mut layer = vec![vec![0.0f64; maxw + 1]; m + 1];
        for i in 0..=m {
            for w in 0..=maxw {
                let mut v = 0.0;
                if i == 0 && j == 0 {
                    v = if w == 0 { 1.0 } else { 0.0 };
                } else {
                    if i > 0 && w >= j {
                        v += layer[i - 1][w - j];
                    }
                    if j > 0 {
                        v += prev[i][w];
                    }
                }
                layer[i][w] = v;
            }
        }
        prev = layer;
    }
    let counts = &prev[m];
    let total: f64 = counts.iter().sum();
    let qf = q.floor();
    let mut s = 0.0;
    for (w, c) in counts.iter().enumerate() {
        if (w as f64 <= qf) == lower {
            s += c;
        }
    }
    s / total
}

/// P(V <= q) for the signed-rank statistic with n observations.
fn psignrank(q: f64, n: usize, lower: bool) -> f64 {
    let maxv = n * (n + 1) / 2;
    let mut c = vec![0.0f64; maxv + 1];
    c[0] = 1.0;
    for k in 1..=n {
        for v in (k..=maxv).rev() {
            c[v] += c[v - k];
        }
    }
    let total: f64 = c.iter().sum();
    let qf = q.floor();
    let s: f64 = c
        .iter()
        .enumerate()
        .filter(|(v, _)| (*v as f64 <= qf) == lower)
        .map(|(_, x)| x)
        .sum();
    s / total
}

fn normal_p(z: f64, sigma: f64, alt: &str, correct: bool) -> f64 {
    let corr = if correct {
        match alt {
            "two.sided" => z.signum() * 0.5 * (z != 0.0) as i32 as f64,
            "greater" => 0.5,
            _ => -0.5,
        }
    } else {
        0.0
    };
    let zz = (z - corr) / sigma;
    match alt {
        "less" => normal::pnorm(zz, 0.0, 1.0, true, false),
        "greater" => normal::pnorm(zz, 0.0, 1.0, false, false),
        _ => {
            2.0 * normal::pnorm(zz, 0.0, 1.0, true, false)
                .min(normal::pnorm(zz, 0.0, 1.0, false, false))
        }
    }
}

fn wilcox_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    const F: [&str; 11] = [
        "x", "y", "alternative", "mu", "paired", "exact", "correct", "conf.int", "conf.level",
        "tol.root", "digits.rank",
    ];
    let ev = eval_args(it, args, env)?;
    let ci: CiArgs;
    let is_formula = args
        .first()
        .and_then(|a| a.value.as_ref())
        .map(|e| matches!(e.kind, ExprKind::Formula(Some(_), _)))
        .unwrap_or(false);
    let (x, y, dname, alt, mu, paired, exact, correct) = if is_formula {
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
            "exact",
            "correct",
            "conf.int",
            "conf.level",
            "tol.root",
            "digits.rank",
            "subset",
            "na.action",
        ])?;
        ci = CiArgs::of(&m);
        let data = m.get("data").cloned();
        let yv = formula_side(it, lhs, data.as_ref(), env)?;
        let one = crate::syntax::deparse::deparse(rhs) == "1";
        let pair = if one { super::pair_columns(&yv) } else { None };
        let paired = pair.is_some();
        let (a, b, dname) = if let Some((a, b)) = pair {
            (a, Some(b), crate::syntax::deparse::deparse(lhs))
        } else if one {
            // y ~ 1: the signed rank test of one sample
            let ys: Vec<f64> = numeric_vec(&yv, "x")?.into_iter().filter(|v| !v.is_nan()).collect();
            (ys, None, crate::syntax::deparse::deparse(lhs))
        } else {
            let g = formula_side(it, rhs, data.as_ref(), env)?;
            let (_lev, a, b) = split2(&yv, &g)?;
            let dname = format!(
                "{} by {}",
                crate::syntax::deparse::deparse(lhs),
                crate::syntax::deparse::deparse(rhs)
            );
            (a, Some(b), dname)
        };
        (
            a,
            b,
            dname,
            alternative(m.get("alternative"))?,
            m.get("mu").and_then(|v| v.as_f64()).unwrap_or(0.0),
            paired,
            m.get("exact").and_then(|v| v.as_bool().flatten()),
            flag(m.get("correct"), true),
        )
    } else {
        let dx = expr_of(&ev, &F, "x");
        let dy = expr_of(&ev, &F, "y");
        let m = ev.args.matched(&F)?;
        ci = CiArgs::of(&m);
        let x = numeric_vec(m.req("x")?, "x")?;
        let y = match m.get("y") {
            Some(y) if !y.is_null() => Some(numeric_vec(y, "y")?),
            _ => None,
        };
        let dname = if y.is_some() {
            format!("{} and {}", dx, dy)
        } else {
            dx
        };
        (
            x,
            y,
            dname,
            alternative(m.get("alternative"))?,
            m.get("mu").and_then(|v| v.as_f64()).unwrap_or(0.0),
            flag(m.get("paired"), false),
            m.get("exact").and_then(|v| v.as_bool().flatten()),
            flag(m.get("correct"), true),
        )
    };
    let shift = if paired || y.is_some() {
        "location shift"
    } else {
        "location"
    };
    let (x, y) = if paired {
        let Some(y) = y else {
            return err("'y' is missing for paired test");
        };
        if x.len() != y.len() {
            return err("'x' and 'y' must have the same length");
        }
        (
            x.iter()
                .zip(&y)
                .filter(|(a, b)| !a.is_nan() && !b.is_nan())
                .map(|(a, b)| a - b)
                .collect::<Vec<_>>(),
            None,
        )
    } else {
        (
            x.into_iter().filter(|v| !v.is_nan()).collect::<Vec<_>>(),
            y.map(|y| y.into_iter().filter(|v| !v.is_nan()).collect::<Vec<_>>()),
        )
    };
    // the values the confidence interval is computed from, and whether the test was exact
    let ci_data: (Vec<f64>, Option<Vec<f64>>, bool);
    let (stat_name, stat, pval, method) = match y {
        None => {
            if x.is_empty() {
                return err("not enough (non-missing) 'x' observations");
            }
            let d: Vec<f64> = x.iter().map(|v| v - mu).collect();
            let zeroes = d.contains(&0.0);
            let d: Vec<f64> = d.into_iter().filter(|v| *v != 0.0).collect();
            let n = d.len();
            let r = avg_rank(&d.iter().map(|v| v.abs()).collect::<Vec<_>>());
            let v: f64 = r
                .iter()
                .zip(&d)
                .filter(|(_, x)| **x > 0.0)
                .map(|(r, _)| r)
                .sum();
            let ties = has_ties(&r);
            let ex = exact.unwrap_or(n < 50);
            ci_data = (d.clone(), None, ex && !ties && !zeroes);
            if ex && !ties && !zeroes {
                let p = match alt.as_str() {
                    "two.sided" => {
                        let p = if v > (n * (n + 1)) as f64 / 4.0 {
                            psignrank(v - 1.0, n, false)
                        } else {
                            psignrank(v, n, true)
                        };
                        (2.0 * p).min(1.0)
                    }
                    "greater" => psignrank(v - 1.0, n, false),
                    _ => psignrank(v, n, true),
                };
                ("V", v, p, "Wilcoxon signed rank exact test".to_string())
            } else {
                let nf = n as f64;
                let z = v - nf * (nf + 1.0) / 4.0;
                let sigma =
                    (nf * (nf + 1.0) * (2.0 * nf + 1.0) / 24.0 - ties_term(&r) / 48.0).sqrt();
                let p = normal_p(z, sigma, &alt, correct);
                let method = format!(
                    "Wilcoxon signed rank test{}",
                    if correct {
                        " with continuity correction"
                    } else {
                        ""
                    }
                );
                ("V", v, p, method)
            }
        }
        Some(y) => {
            if x.is_empty() {
                return err("not enough (non-missing) 'x' observations");
            }
            if y.is_empty() {
                return err("not enough 'y' observations");
            }
            let (nx, ny) = (x.len(), y.len());
            let all: Vec<f64> = x.iter().map(|v| v - mu).chain(y.iter().cloned()).collect();
            let r = avg_rank(&all);
            let w: f64 = r[..nx].iter().sum::<f64>() - (nx * (nx + 1)) as f64 / 2.0;
            let ties = has_ties(&r);
            let ex = exact.unwrap_or(nx < 50 && ny < 50);
            ci_data = (x.clone(), Some(y.clone()), ex && !ties);
            if ex && !ties {
                let p = match alt.as_str() {
                    "two.sided" => {
                        let p = if w > (nx * ny) as f64 / 2.0 {
                            pwilcox(w - 1.0, nx, ny, false)
                        } else {
                            pwilcox(w, nx, ny, true)
                        };
                        (2.0 * p).min(1.0)
                    }
                    "greater" => pwilcox(w - 1.0, nx, ny, false),
                    _ => pwilcox(w, nx, ny, true),
                };
                ("W", w, p, "Wilcoxon rank sum exact test".to_string())
            } else {
                let (a, b) = (nx as f64, ny as f64);
                let z = w - a * b / 2.0;
                let sigma = ((a * b / 12.0)
                    * ((a + b + 1.0) - ties_term(&r) / ((a + b) * (a + b - 1.0))))
                    .sqrt();
                let p = normal_p(z, sigma, &alt, correct);
                let method = format!(
                    "Wilcoxon rank sum test{}",
                    if correct {
                        " with continuity correction"
                    } else {
                        ""
                    }
                );
                ("W", w, p, method)
            }
        }
    };
    let mut fields = vec![
        ("statistic", named_num(stat_name, stat)),
        ("parameter", Value::Null),
        ("p.value", Value::num(pval)),
        ("null.value", named_num(shift, mu)),
        ("alternative", Value::str(&alt)),
        ("method", Value::str(&method)),
        ("data.name", Value::str(&dname)),
    ];
    if ci.wanted {
        let (cx, cy, exact_used) = ci_data;
        let f = it.get_function(crate::syntax::sym::Sym::new(".wilcox_ci"), env)?;
        let named = |n: &str, v: Value| (Some(crate::syntax::sym::Sym::new(n)), v);
        let r = it.call_value(
            &f,
            vec![
                named("x", Value::dbls(cx)),
                named("y", cy.map(Value::dbls).unwrap_or(Value::Null)),
                named("mu", Value::num(mu)),
                named("alternative", Value::str(&alt)),
                named("conf.level", Value::num(ci.level)),
                named("exact", Value::lgl(exact_used)),
                named("correct", Value::lgl(correct)),
                named("tol.root", Value::num(ci.tol_root)),
                named("digits.rank", Value::num(ci.digits_rank)),
            ],
        )?;
        let items = r.list_vec();
        fields.push(("conf.int", items.first().cloned().unwrap_or(Value::Null)));
        fields.push(("estimate", items.get(1).cloned().unwrap_or(Value::Null)));
    }
    Ok(htest(fields))
}

/// wilcox.test's confidence-interval arguments.
struct CiArgs {
    wanted: bool,
    level: f64,
    tol_root: f64,
    digits_rank: f64,
}

impl CiArgs {
    fn of(m: &crate::builtins::Matched) -> CiArgs {
        let num = |n: &str, d: f64| m.get(n).and_then(|v| v.as_f64()).unwrap_or(d);
        CiArgs {
            wanted: flag(m.get("conf.int"), false),
            level: num("conf.level", 0.95),
            tol_root: num("tol.root", 1e-4),
            digits_rank: num("digits.rank", f64::INFINITY),
        }
    }
}

pub fn kruskal_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let (xs, dname) = grouped_samples(it, args, env, false)?;
    if xs.iter().any(|g| g.is_empty()) {
        return err("all groups must contain data");
    }
    let all: Vec<f64> = xs.iter().flatten().copied().collect();
    let n = all.len() as f64;
    if all.len() < 2 {
        return err("not enough observations");
    }
    let r = crate::builtins::base::margins::avg_rank(&all);
    let mut stat = 0.0;
    let mut off = 0;
    for g in &xs {
        let s: f64 = r[off..off + g.len()].iter().sum();
        stat += s * s / g.len() as f64;
        off += g.len();
    }
    let mut sorted = all.clone();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let mut ties = 0.0;
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1] == sorted[i] {
            j += 1;
        }
        let t = (j - i + 1) as f64;
        ties += t * t * t - t;
        i = j + 1;
    }
    let stat = (12.0 * stat / (n * (n + 1.0)) - 3.0 * (n + 1.0)) / (1.0 - ties / (n * n * n - n));
    let df = xs.len() as f64 - 1.0;
    Ok(htest(vec![
        ("statistic", named_num("Kruskal-Wallis chi-squared", stat)),
        ("parameter", named_num("df", df)),
        ("p.value", Value::num(gamma::pchisq(stat, df, false, false))),
        ("method", Value::str("Kruskal-Wallis rank sum test")),
        ("data.name", Value::str(&dname)),
    ]))
}
