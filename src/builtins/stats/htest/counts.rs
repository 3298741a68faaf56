//! More classical tests: fisher.test, shapiro.test, bartlett.test, kruskal.test,
//! mcnemar.test, and the rank methods of cor.test (Spearman's rho, Kendall's tau).

use crate::builtins::stats::htest::means::{
    alternative, conf_int, eval_args, expr_of, formula_side, htest, named_num, numeric_vec,
};
use crate::builtins::{special, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::dist::{beta, gamma, normal};
use crate::stats::{fisher, swilk};
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::syntax::deparse::deparse;
use crate::syntax::sym::Sym;
use crate::value::{na_real, Data, Env, VType, Value};

/// Hypothesis-test builtins.
pub const BUILTINS: &[Builtin] = &[
    special("fisher.test", fisher_test),
    special("shapiro.test", shapiro_test),
    special("bartlett.test", bartlett_test),
    special("kruskal.test", kruskal_test),
    special("mcnemar.test", mcnemar_test),
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
        doc("shapiro.test", "shapiro.test(x)",
            "Shapiro-Wilk test of normality for a sample of 3 to 5000 values. Returns an \"htest\" object with \
             the W statistic and p-value."),
        doc("bartlett.test", "bartlett.test(x, g, ...)\nbartlett.test(formula, data, subset, na.action, ...)",
            "Bartlett's test that several groups have equal variances. Groups come from a list of samples, a \
             vector with a grouping factor g, or a formula y ~ g. Returns an \"htest\" object."),
        doc("kruskal.test", "kruskal.test(x, g, ...)\nkruskal.test(formula, data, subset, na.action, ...)",
            "Kruskal-Wallis rank sum test that several groups come from the same distribution, the rank-based \
             counterpart of one-way analysis of variance. Groups are given as for bartlett.test. Returns an \
             \"htest\" object."),
        doc("mcnemar.test", "mcnemar.test(x, y = NULL, correct = TRUE)",
            "McNemar's chi-squared test for symmetry of a square table of paired counts (or two factors), with \
             continuity correction for the 2 by 2 case unless correct = FALSE. Returns an \"htest\" object."),
    ]
};

/// A deparsed expression on one line (R's `deparse1`).
fn one_line(s: String) -> String {
    if !s.contains('\n') {
        return s;
    }
    s.split('\n')
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Group codes (0-based, None for NA) and the levels actually used, as `factor(g)`.
fn groups(g: &Value) -> (Vec<Option<usize>>, Vec<String>) {
    if g.is_factor() {
        let lev = g
            .get_attr("levels")
            .and_then(|l| l.as_strings())
            .unwrap_or_default();
        let raw: Vec<Option<usize>> = g
            .int_vec()
            .iter()
            .map(|&c| {
                if c >= 1 && (c as usize) <= lev.len() {
                    Some(c as usize - 1)
                } else {
                    None
                }
            })
            .collect();
        let used: Vec<usize> = (0..lev.len()).filter(|l| raw.contains(&Some(*l))).collect();
        let codes = raw
            .iter()
            .map(|c| c.and_then(|c| used.iter().position(|&u| u == c)))
            .collect();
        return (codes, used.iter().map(|&u| lev[u].clone()).collect());
    }
    if g.vtype() == Some(VType::Str) {
        let s: Vec<Option<String>> = g
            .str_vec()
            .iter()
            .map(|x| x.as_deref().map(|y| y.to_string()))
            .collect();
        let mut lev: Vec<String> = s.iter().flatten().cloned().collect();
        lev.sort();
        lev.dedup();
        let codes = s
            .iter()
            .map(|x| x.as_ref().and_then(|y| lev.iter().position(|l| l == y)))
            .collect();
        return (codes, lev);
    }
    let v = g.dbl_vec();
    let mut u: Vec<f64> = v.iter().copied().filter(|x| !x.is_nan()).collect();
    u.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    u.dedup();
    let codes = v
        .iter()
        .map(|x| {
            if x.is_nan() {
                None
            } else {
                u.iter().position(|y| y == x)
            }
        })
        .collect();
    (codes, u.iter().map(|x| crate::print::cat_num(*x)).collect())
}

fn is_na_at(v: &Value, i: usize) -> bool {
    match v.data() {
        Some(d) => d.is_na(i),
        None => false,
    }
}

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
    if m.get("simulate.p.value")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false)
    {
        return err("simulate.p.value = TRUE is not supported");
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

fn shapiro_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let ev = eval_args(it, args, env)?;
    let dname = one_line(expr_of(&ev, &["x"], "x"));
    let m = ev.args.matched(&["x"])?;
    let xv = m.req("x")?;
    if xv.is_factor() || !matches!(xv.data(), Some(Data::Int(_)) | Some(Data::Dbl(_))) {
        return err("is.numeric(x) is not TRUE");
    }
    let mut x: Vec<f64> = xv
        .dbl_vec()
        .iter()
        .copied()
        .filter(|v| !v.is_nan())
        .collect();
    x.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let n = x.len();
    if !(3..=5000).contains(&n) {
        return err("sample size must be between 3 and 5000");
    }
    let rng = x[n - 1] - x[0];
    if rng == 0.0 {
        return err("all 'x' values are identical");
    }
    if rng < 1e-10 {
        x.iter_mut().for_each(|v| *v /= rng);
    }
    let r = swilk::swilk(&x);
    if r.ifault > 0 && r.ifault != 7 {
        return err(format!("ifault={}. This should not happen", r.ifault));
    }
    Ok(htest(vec![
        ("statistic", named_num("W", r.w)),
        ("p.value", Value::num(r.pw)),
        ("method", Value::str("Shapiro-Wilk normality test")),
        ("data.name", Value::str(&dname)),
    ]))
}

/// Samples given as a list of vectors, `(x, g)`, or `y ~ g` with `data`: the groups'
/// values (NA-free, in level order) and the data name.
fn grouped_samples(
    it: &mut Interp,
    args: &[Arg],
    env: &Env,
    drop_nonfinite: bool,
) -> EvalResult<(Vec<Vec<f64>>, String)> {
    let first = args.first().and_then(|a| a.value.as_ref());
    if let Some(ExprKind::Formula(Some(lhs), rhs)) = first.map(|e| &e.kind) {
        let ev = eval_args(it, args, env)?;
        let m = ev
            .args
            .clone()
            .matched(&["formula", "data", "subset", "na.action", "..."])?;
        let data = m.get("data").cloned();
        let y = formula_side(it, lhs, data.as_ref(), env)?;
        let g = formula_side(it, rhs, data.as_ref(), env)?;
        let dname = format!("{} by {}", deparse(lhs), deparse(rhs));
        return Ok((split_by(&y, &g, drop_nonfinite)?, dname));
    }
    let ev = eval_args(it, args, env)?;
    let dx = one_line(expr_of(&ev, &["x", "g", "..."], "x"));
    let dg = one_line(expr_of(&ev, &["x", "g", "..."], "g"));
    let m = ev.args.matched(&["x", "g", "..."])?;
    let x = m.req("x")?.clone();
    if matches!(x.data(), Some(Data::List(_))) && !x.is_data_frame() || x.is_data_frame() {
        let items = x.list_vec();
        if items.len() < 2 {
            return err("'x' must be a list with at least 2 elements");
        }
        let mut out = Vec::new();
        for v in items.iter() {
            let xs = numeric_vec(v, "x")?;
            out.push(
                xs.into_iter()
                    .filter(|v| {
                        if drop_nonfinite {
                            v.is_finite()
                        } else {
                            !v.is_nan()
                        }
                    })
                    .collect(),
            );
        }
        return Ok((out, dx));
    }
    let Some(g) = m.get("g") else {
        return err("argument \"g\" is missing, with no default");
    };
    Ok((split_by(&x, g, false)?, format!("{} and {}", dx, dg)))
}

fn split_by(x: &Value, g: &Value, drop_nonfinite: bool) -> EvalResult<Vec<Vec<f64>>> {
    if x.len() != g.len() {
        return err("'x' and 'g' must have the same length");
    }
    let xs = numeric_vec(x, "x")?;
    let ok: Vec<usize> = (0..xs.len())
        .filter(|&i| !xs[i].is_nan() && !is_na_at(g, i))
        .collect();
    let (codes, lev) = groups(g);
    let used: Vec<usize> = (0..lev.len())
        .filter(|l| ok.iter().any(|&i| codes[i] == Some(*l)))
        .collect();
    if used.len() < 2 {
        return err("all observations are in the same group");
    }
    let mut out = vec![Vec::new(); used.len()];
    for &i in &ok {
        if let Some(k) = codes[i].and_then(|c| used.iter().position(|&u| u == c)) {
            if !drop_nonfinite || xs[i].is_finite() {
                out[k].push(xs[i]);
            }
        }
    }
    Ok(out)
}

fn sample_var(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let m = crate::builtins::base::summaries::mean_dbl(x);
    x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (n - 1.0)
}

fn bartlett_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
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

fn kruskal_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
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

fn kendall_tau(x: &[f64], y: &[f64]) -> f64 {
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

/// Sizes of the groups of tied values (only groups of 2 or more).
fn tie_sizes(x: &[f64]) -> Vec<f64> {
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

fn distinct(x: &[f64]) -> usize {
    let mut s = x.to_vec();
    s.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    s.dedup();
    s.len()
}

/// `cor.test(x, y, method = "spearman" | "kendall")` on complete cases.
#[allow(clippy::too_many_arguments)]
pub(super) fn cor_test_rank(
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
