//! More classical tests: prop.test and wilcox.test.

use crate::builtins::stats::htest::means::{
    alternative, conf_int, eval_args, expr_of, flag, formula_side, htest, named_num, named_nums,
    numeric_vec, split2,
};
use crate::builtins::{special, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::dist::{gamma, normal};
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::value::{Env, Value};

/// Hypothesis-test builtins.
pub const BUILTINS: &[Builtin] = &[
    special("prop.test", prop_test),
    special("wilcox.test", wilcox_test),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("prop.test",
            "prop.test(x, n, p = NULL, alternative = c(\"two.sided\", \"less\", \"greater\"), conf.level = 0.95, \
             correct = TRUE)",
            "Tests that proportions x/n are equal across groups, or equal to the given p, with the chi-squared \
             approximation (and Yates' continuity correction unless correct = FALSE). x may also be a two-column \
             matrix of successes and failures. Returns an \"htest\" object."),
        doc("wilcox.test",
            "wilcox.test(x, y = NULL, alternative = c(\"two.sided\", \"less\", \"greater\"), mu = 0, paired = \
             FALSE, exact = NULL, correct = TRUE, ...)\nwilcox.test(formula, data, subset, na.action, ...)",
            "Wilcoxon's rank tests: the signed rank test for one sample or paired samples, and the rank sum \
             (Mann-Whitney) test for two samples. The p-value is exact for small samples without ties, otherwise \
             from the normal approximation with continuity correction. Returns an \"htest\" object."),
    ]
};

fn prop_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
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
    if k == 1 {
        let p0 = p.as_ref().map(|p| p[0]).unwrap_or(0.5);
        let z = normal::qnorm(
            if alt == "two.sided" {
                (1.0 + cl) / 2.0
            } else {
                cl
            },
            0.0,
            1.0,
            true,
            false,
        );
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
        let z = normal::qnorm(
            if alt == "two.sided" {
                (1.0 + cl) / 2.0
            } else {
                cl
            },
            0.0,
            1.0,
            true,
            false,
        );
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
    const F: [&str; 7] = ["x", "y", "alternative", "mu", "paired", "exact", "correct"];
    let ev = eval_args(it, args, env)?;
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
            "subset",
            "na.action",
        ])?;
        let data = m.get("data").cloned();
        let yv = formula_side(it, lhs, data.as_ref(), env)?;
        let g = formula_side(it, rhs, data.as_ref(), env)?;
        let (_lev, a, b) = split2(&yv, &g)?;
        let dname = format!(
            "{} by {}",
            crate::syntax::deparse::deparse(lhs),
            crate::syntax::deparse::deparse(rhs)
        );
        (
            a,
            Some(b),
            dname,
            alternative(m.get("alternative"))?,
            m.get("mu").and_then(|v| v.as_f64()).unwrap_or(0.0),
            false,
            m.get("exact").and_then(|v| v.as_bool().flatten()),
            flag(m.get("correct"), true),
        )
    } else {
        let dx = expr_of(&ev, &F, "x");
        let dy = expr_of(&ev, &F, "y");
        let m = ev.args.matched(&F)?;
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
    Ok(htest(vec![
        ("statistic", named_num(stat_name, stat)),
        ("parameter", Value::Null),
        ("p.value", Value::num(pval)),
        ("null.value", named_num(shift, mu)),
        ("alternative", Value::str(&alt)),
        ("method", Value::str(&method)),
        ("data.name", Value::str(&dname)),
    ]))
}
