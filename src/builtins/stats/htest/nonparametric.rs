//! The exact distributions behind the rank and distribution tests written in R
//! (`ks.test`, `ansari.test`), and random tables with given margins (`r2dtable`, and the
//! simulated p-values of `chisq.test` and `fisher.test`).

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::rcont::{log_factorials, rcont2};
use crate::stats::{ansari, ks};
use crate::syntax::sym::Sym;
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[
    declared("r2dtable", r2dtable),
    declared(".psmirnov_exact", psmirnov_exact),
    declared(".pkolmogorov", pkolmogorov),
    declared(".pansari", pansari),
    declared(".qansari", qansari),
];

/// Help entries for this family's builtins, shown by `?name`.
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("r2dtable", "r2dtable(n, r, c)",
            "A list of n random two-way tables (integer matrices) with row totals r and column totals c, drawn \
             by Patefield's algorithm from the session's random stream (as R draws them)."),
        doc(".psmirnov_exact", ".psmirnov_exact(q, m, n, z = NULL, two.sided = TRUE)",
            "Internal: the exact P(D < q) of the two-sample Kolmogorov-Smirnov statistic for sample sizes m and \
             n, given the pooled sample z (which may have ties)."),
        doc(".pkolmogorov", ".pkolmogorov(q, n = 0, exact = FALSE, two.sided = TRUE)",
            "Internal: P(D < q) of the one-sample Kolmogorov-Smirnov statistic, exactly for sample size n or by \
             Kolmogorov's limiting distribution of sqrt(n) D (q is then already scaled)."),
        doc(".pansari", ".pansari(q, m, n)",
            "Internal: the exact distribution function of the Ansari-Bradley statistic for sample sizes m, n."),
        doc(".qansari", ".qansari(p, m, n)",
            "Internal: quantiles of the exact Ansari-Bradley distribution for sample sizes m, n."),
    ]
};

fn count(v: Option<&Value>, what: &str) -> EvalResult<usize> {
    match v.and_then(|v| v.as_f64()) {
        Some(x) if x.is_finite() && x >= 0.0 => Ok(x as usize),
        _ => err(format!("invalid '{}' argument", what)),
    }
}

fn counts(v: &Value, what: &str) -> EvalResult<Vec<usize>> {
    let x = v.dbl_vec();
    if x.len() <= 1 {
        return err(format!("invalid '{}' argument", what));
    }
    if x.iter().any(|v| v.is_nan() || *v < 0.0) {
        return err(format!("invalid '{}' argument", what));
    }
    Ok(x.iter().map(|v| *v as usize).collect())
}

/// `r2dtable(n, r, c)`.
fn r2dtable(it: &mut Interp, m: Matched) -> EvalResult {
    let n = m.req("n").and_then(|v| count(Some(v), "n"))?;
    let r = counts(m.req("r")?, "r")?;
    let c = counts(m.req("c")?, "c")?;
    let total: usize = r.iter().sum();
    if c.iter().sum::<usize>() != total {
        return err("arguments 'r' and 'c' must have the same sums");
    }
    let lf = log_factorials(total);
    let mut out = Vec::with_capacity(n);
    let mut cells = vec![0usize; r.len() * c.len()];
    for _ in 0..n {
        rcont2(&mut it.rng, &r, &c, &lf, &mut cells);
        let mut v = Value::ints(cells.iter().map(|&x| x as i32).collect());
        v.set_attr(Sym::new("dim"), Value::ints(vec![r.len() as i32, c.len() as i32]));
        out.push(v);
    }
    Ok(Value::list(out))
}

/// Simulated statistics of `B` random tables with the margins of `x` (column-major
/// `nr` by `nc` counts): Pearson's statistic against `expected` when given, else minus
/// the sum of the cells' log factorials (Fisher's).
pub fn simulate_tables(
    it: &mut Interp,
    x: &[f64],
    nr: usize,
    nc: usize,
    expected: Option<&[f64]>,
    b: usize,
) -> Vec<f64> {
    let rows: Vec<usize> = (0..nr)
        .map(|i| (0..nc).map(|j| x[i + j * nr]).sum::<f64>() as usize)
        .collect();
    let cols: Vec<usize> = (0..nc)
        .map(|j| (0..nr).map(|i| x[i + j * nr]).sum::<f64>() as usize)
        .collect();
    let total: usize = rows.iter().sum();
    let lf = log_factorials(total);
    let mut cells = vec![0usize; nr * nc];
    (0..b)
        .map(|_| {
            rcont2(&mut it.rng, &rows, &cols, &lf, &mut cells);
            let mut s = 0.0;
            for j in 0..nc {
                for i in 0..nr {
                    let o = cells[i + j * nr];
                    match expected {
                        Some(e) => {
                            let e = e[i + j * nr];
                            s += (o as f64 - e) * (o as f64 - e) / e;
                        }
                        None => s -= lf[o],
                    }
                }
            }
            s
        })
        .collect()
}

fn num(m: &Matched, k: &str) -> Option<f64> {
    m.get(k).and_then(|v| v.as_f64())
}

fn flag(m: &Matched, k: &str, d: bool) -> bool {
    m.get(k).and_then(|v| v.as_bool().flatten()).unwrap_or(d)
}

fn psmirnov_exact(_it: &mut Interp, m: Matched) -> EvalResult {
    let q = m.req("q")?.dbl_vec().to_vec();
    let nx = count(m.get("m"), "m")?;
    let ny = count(m.get("n"), "n")?;
    let z = m.get("z").filter(|v| !v.is_null()).map(|v| v.dbl_vec().to_vec());
    let two = flag(&m, "two.sided", true);
    Ok(Value::dbls(
        q.iter()
            .map(|&q| ks::psmirnov_exact(q, nx, ny, z.as_deref(), two))
            .collect(),
    ))
}

fn pkolmogorov(_it: &mut Interp, m: Matched) -> EvalResult {
    let q = m.req("q")?.dbl_vec().to_vec();
    let n = num(&m, "n").unwrap_or(0.0) as usize;
    let exact = flag(&m, "exact", false);
    let two = flag(&m, "two.sided", true);
    Ok(Value::dbls(
        q.iter()
            .map(|&q| match (exact, two) {
                (true, true) => ks::pkolmogorov2x(q, n),
                (true, false) => ks::pkolmogorov1x(q, n),
                _ => ks::pkstwo(q, 1e-6),
            })
            .collect(),
    ))
}

fn pansari(_it: &mut Interp, m: Matched) -> EvalResult {
    let q = m.req("q")?.dbl_vec().to_vec();
    let (a, b) = (count(m.get("m"), "m")?, count(m.get("n"), "n")?);
    Ok(Value::dbls(ansari::pansari(&q, a, b)))
}

fn qansari(_it: &mut Interp, m: Matched) -> EvalResult {
    let p = m.req("p")?.dbl_vec().to_vec();
    let (a, b) = (count(m.get("m"), "m")?, count(m.get("n"), "n")?);
    Ok(Value::dbls(ansari::qansari(&p, a, b)))
}
