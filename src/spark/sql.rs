//! Models as Spark SQL: R expressions of a formula's variables translated to Spark SQL,
//! the aggregate queries of a least-squares fit, and the algebra that turns their sums
//! into the triangular factor rsc's own least-squares kernel (`stats::lm_fit::finish`)
//! takes.
//!
//! A fit takes two queries. The first counts the rows and sums the cross products of
//! the columns shifted by the means of the first rows (read anyway for the design's
//! columns), then moves the centre to the weighted means exactly (`recentre`): the Gram
//! matrix of `Z = [1, X - 1m', y - m_y]`. Were the first rows' means far from the
//! data's (more than a few standard deviations), a second pass sums the products again
//! centred at those means. Its Cholesky factor `R_Z` gives the factor
//! of `[X y] = Z T` (with `T` the unit upper triangle whose first row is the means) as
//! `R_Z T`, which only changes the first row. Centring keeps the Gram matrix's condition
//! number to the square of the centred design's (Longley's: about 1e7 rather than 1e16).
//! The last query is one step of iterative refinement: `X'r` for the residuals of the
//! first solution, computed in Spark, corrects the coefficients by `(X'X)^-1 X'r`.

use crate::syntax::ast::{BinOp, Const, Expr, ExprKind, UnOp};

/// A column name quoted for Spark SQL.
pub fn quote(name: &str) -> String {
    format!("`{}`", name.replace('`', "``"))
}

/// A string as a Spark SQL literal.
pub fn string_lit(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// A double as an exact Spark SQL literal (shortest round-trip digits).
pub fn lit(x: f64) -> String {
    if x.is_finite() {
        format!("({:e}D)", x)
    } else if x.is_nan() {
        "CAST('NaN' AS DOUBLE)".into()
    } else if x > 0.0 {
        "CAST('Infinity' AS DOUBLE)".into()
    } else {
        "CAST('-Infinity' AS DOUBLE)".into()
    }
}

fn call_name(f: &Expr) -> Option<String> {
    match &f.kind {
        ExprKind::Ident(s) => Some(s.as_str().to_string()),
        ExprKind::Ns { name, .. } => Some(name.as_str().to_string()),
        _ => None,
    }
}

/// Spark SQL for the numeric R expression `e` over the table's `columns` (doubles).
pub fn expr_sql(e: &Expr, columns: &[String]) -> Result<String, String> {
    let unsupported = || {
        format!(
            "'{}' cannot be computed in Spark yet: use a column, arithmetic, I(), log(), exp(), sqrt() or abs()",
            crate::syntax::deparse::deparse(e)
        )
    };
    Ok(match &e.kind {
        ExprKind::Ident(s) => {
            let name = s.as_str();
            if !columns.iter().any(|c| c == name) {
                return Err(format!(
                    "object '{}' not found among the Spark frame's columns",
                    name
                ));
            }
            format!("CAST({} AS DOUBLE)", quote(name))
        }
        ExprKind::Const(Const::Num(x)) => lit(*x),
        ExprKind::Const(Const::Int(x)) => lit(*x as f64),
        ExprKind::Paren(x) => format!("({})", expr_sql(x, columns)?),
        ExprKind::Unary(UnOp::Neg, x) => format!("(-{})", expr_sql(x, columns)?),
        ExprKind::Unary(UnOp::Pos, x) => expr_sql(x, columns)?,
        ExprKind::Binary(op, a, b) => {
            let (a, b) = (expr_sql(a, columns)?, expr_sql(b, columns)?);
            match op {
                BinOp::Add => format!("({} + {})", a, b),
                BinOp::Sub => format!("({} - {})", a, b),
                BinOp::Mul => format!("({} * {})", a, b),
                BinOp::Div => format!("({} / {})", a, b),
                BinOp::Pow => format!("POWER({}, {})", a, b),
                _ => return Err(unsupported()),
            }
        }
        ExprKind::Call(f, args) => {
            let name = call_name(f).ok_or_else(unsupported)?;
            let vals: Vec<&Expr> = args.iter().filter_map(|a| a.value.as_ref()).collect();
            if vals.len() != args.len() || args.iter().any(|a| a.name.is_some()) && name != "log" {
                return Err(unsupported());
            }
            let one = |fun: &str| -> Result<String, String> {
                match vals.as_slice() {
                    [x] => Ok(format!("{}({})", fun, expr_sql(x, columns)?)),
                    _ => Err(unsupported()),
                }
            };
            match name.as_str() {
                "I" => match vals.as_slice() {
                    [x] => format!("({})", expr_sql(x, columns)?),
                    _ => return Err(unsupported()),
                },
                "log" => match vals.as_slice() {
                    [x] => format!("LN({})", expr_sql(x, columns)?),
                    [x, b] => format!(
                        "(LN({}) / LN({}))",
                        expr_sql(x, columns)?,
                        expr_sql(b, columns)?
                    ),
                    _ => return Err(unsupported()),
                },
                "exp" => one("EXP")?,
                "sqrt" => one("SQRT")?,
                "abs" => one("ABS")?,
                "log10" => one("LOG10")?,
                "log2" => one("LOG2")?,
                "log1p" => one("LOG1P")?,
                "expm1" => one("EXPM1")?,
                "sin" => one("SIN")?,
                "cos" => one("COS")?,
                "tan" => one("TAN")?,
                _ => return Err(unsupported()),
            }
        }
        _ => return Err(unsupported()),
    })
}

/// Spark SQL for the logical R expression `e` over the table's `columns` (a `subset`):
/// comparisons of numeric expressions, or of a column with strings (`%in%` a `c()` of
/// them), `&`, `|`, `!`, `is.na()`, `TRUE`/`FALSE`.
pub fn cond_sql(e: &Expr, columns: &[String]) -> Result<String, String> {
    let unsupported = || {
        format!(
            "'{}' cannot be computed in Spark yet: use comparisons, &, |, !, %in% and is.na()",
            crate::syntax::deparse::deparse(e)
        )
    };
    let string_of = |x: &Expr| match &x.kind {
        ExprKind::Const(Const::Str(s)) => Some(string_lit(s)),
        _ => None,
    };
    let column_of = |x: &Expr| -> Result<String, String> {
        match &x.kind {
            ExprKind::Ident(s) if columns.iter().any(|c| c == s.as_str()) => Ok(quote(s.as_str())),
            _ => Err(unsupported()),
        }
    };
    Ok(match &e.kind {
        ExprKind::Const(Const::Bool(b)) => if *b { "TRUE" } else { "FALSE" }.into(),
        ExprKind::Paren(x) => format!("({})", cond_sql(x, columns)?),
        ExprKind::Unary(UnOp::Not, x) => format!("(NOT {})", cond_sql(x, columns)?),
        ExprKind::Ident(s) if columns.iter().any(|c| c == s.as_str()) => {
            format!("CAST({} AS BOOLEAN)", quote(s.as_str()))
        }
        ExprKind::Binary(op, a, b) => match op {
            BinOp::And | BinOp::And2 => {
                format!("({} AND {})", cond_sql(a, columns)?, cond_sql(b, columns)?)
            }
            BinOp::Or | BinOp::Or2 => {
                format!("({} OR {})", cond_sql(a, columns)?, cond_sql(b, columns)?)
            }
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                let o = match op {
                    BinOp::Eq => "=",
                    BinOp::Ne => "<>",
                    BinOp::Lt => "<",
                    BinOp::Le => "<=",
                    BinOp::Gt => ">",
                    _ => ">=",
                };
                let (x, y) = match (string_of(a), string_of(b)) {
                    (None, Some(s)) => (format!("CAST({} AS STRING)", column_of(a)?), s),
                    (Some(s), None) => (s, format!("CAST({} AS STRING)", column_of(b)?)),
                    _ => (expr_sql(a, columns)?, expr_sql(b, columns)?),
                };
                format!("({} {} {})", x, o, y)
            }
            BinOp::Special(s) if s.as_str() == "%in%" => {
                let ExprKind::Call(f, items) = &b.kind else {
                    return Err(unsupported());
                };
                if !matches!(&f.kind, ExprKind::Ident(c) if c.as_str() == "c") {
                    return Err(unsupported());
                }
                let vals: Vec<String> = items
                    .iter()
                    .map(|a| match &a.value {
                        Some(v) => string_of(v)
                            .map(Ok)
                            .unwrap_or_else(|| expr_sql(v, columns)),
                        None => Err(unsupported()),
                    })
                    .collect::<Result<_, _>>()?;
                let strings = items
                    .iter()
                    .all(|a| a.value.as_ref().is_some_and(|v| string_of(v).is_some()));
                let x = if strings {
                    format!("CAST({} AS STRING)", column_of(a)?)
                } else {
                    expr_sql(a, columns)?
                };
                format!("coalesce({} IN ({}), FALSE)", x, vals.join(", "))
            }
            _ => return Err(unsupported()),
        },
        ExprKind::Call(f, args) => {
            let vals: Vec<&Expr> = args.iter().filter_map(|a| a.value.as_ref()).collect();
            match (call_name(f).as_deref(), vals.as_slice()) {
                (Some("is.na"), [x]) => {
                    let c = column_of(x)?;
                    format!("({c} IS NULL OR isnan(try_cast({c} AS DOUBLE)))")
                }
                (Some("I"), [x]) => cond_sql(x, columns)?,
                _ => return Err(unsupported()),
            }
        }
        _ => return Err(unsupported()),
    })
}

/// The rows of a fit: design columns `z1..zk`, the response `y` and the prior weight `w`
/// (1 without `weights`) computed from the source query `from` (rows kept by `subset`
/// when given), and `rsc_ok`: whether none is missing (NULL or NaN).
pub fn design_rows(
    from: &str,
    design: &[String],
    response: &str,
    weights: Option<&str>,
    subset: Option<&str>,
) -> String {
    let mut sel: Vec<String> = design
        .iter()
        .enumerate()
        .map(|(j, s)| format!("{} AS z{}", s, j + 1))
        .collect();
    sel.push(format!("{} AS y", response));
    sel.push(format!("{} AS w", weights.unwrap_or("1D")));
    let names: Vec<String> = (1..=design.len())
        .map(|j| format!("z{}", j))
        .chain(["y".into(), "w".into()])
        .collect();
    let cond: Vec<String> = names
        .iter()
        .map(|n| format!("{n} IS NOT NULL AND NOT isnan({n})"))
        .collect();
    let filter = subset.map_or(String::new(), |s| format!(" WHERE coalesce({}, FALSE)", s));
    format!(
        "SELECT {}, ({}) AS rsc_ok FROM {}{}",
        sel.join(", "),
        cond.join(" AND "),
        from,
        filter
    )
}

/// The complete rows of [`design_rows`], as R's `na.omit` keeps them.
pub fn complete_rows(rows: &str) -> String {
    format!("SELECT * FROM ({}) AS rsc_s WHERE rsc_ok", rows)
}

/// The first pass over [`design_rows`]: all rows, the complete ones, then the mean of
/// each design column and of the response over the complete rows, then `extra`.
pub fn means_query(rows: &str, k: usize, extra: &[String]) -> String {
    let mut s = vec![
        "CAST(count(*) AS DOUBLE) AS total".to_string(),
        "CAST(count_if(rsc_ok) AS DOUBLE) AS n".to_string(),
    ];
    for j in 1..=k {
        s.push(format!("avg(IF(rsc_ok, z{j}, NULL)) AS m{j}"));
    }
    s.push("avg(IF(rsc_ok, y, NULL)) AS my".into());
    s.extend(extra.iter().cloned());
    format!("SELECT {} FROM ({}) AS rsc_d", s.join(", "), rows)
}

/// The centred columns `c0..ck` (`c0` the response) as SQL, at the means `m` (design
/// columns first, the response's last); zero means when the model has no intercept.
fn centred(k: usize, m: &[f64]) -> Vec<String> {
    let mut c = vec![format!("(y - {})", lit(m[k]))];
    for j in 1..=k {
        c.push(format!("(z{} - {})", j, lit(m[j - 1])));
    }
    c
}

/// The second pass: sums of the centred columns (`s0..sk`, response first) and of their
/// products (`p_i_j`, `i <= j`, over the design columns then the response), each row
/// weighted by its prior weight `w`.
pub fn gram_query(d: &str, k: usize, m: &[f64]) -> String {
    let c = centred(k, m);
    // order: design 1..k, then the response (index 0 in `c`)
    let order: Vec<usize> = (1..=k).chain([0]).collect();
    let mut s = Vec::new();
    for &i in &order {
        s.push(format!("sum(w * {})", c[i]));
    }
    for (a, &i) in order.iter().enumerate() {
        for &j in &order[a..] {
            s.push(format!("sum(w * {} * {})", c[i], c[j]));
        }
    }
    format!("SELECT {} FROM ({}) AS rsc_d", s.join(", "), d)
}

/// The first pass of a fit in one query over all of [`design_rows`]: the count of all
/// rows and of the complete ones, then [`gram_query`]'s sums over the complete rows with
/// the columns shifted by `s` (design columns first, the response's last: any values
/// near the means, such as the means of the first rows), then `extra`.
pub fn shifted_gram_query(rows: &str, k: usize, s: &[f64], extra: &[String]) -> String {
    let mut shifted: Vec<String> = (1..=k)
        .map(|j| format!("IF(rsc_ok, z{j} - {}, 0D) AS rsc_c{j}", lit(s[j - 1])))
        .collect();
    shifted.push(format!("IF(rsc_ok, y - {}, 0D) AS rsc_c0", lit(s[k])));
    shifted.push("IF(rsc_ok, w, 0D) AS rsc_w0".into());
    let order: Vec<usize> = (1..=k).chain([0]).collect();
    let mut sel = vec![
        "CAST(count(*) AS DOUBLE) AS total".to_string(),
        "CAST(count_if(rsc_ok) AS DOUBLE) AS n".to_string(),
    ];
    for &i in &order {
        sel.push(format!("sum(rsc_w0 * rsc_c{i})"));
    }
    for (a, &i) in order.iter().enumerate() {
        for &j in &order[a..] {
            sel.push(format!("sum(rsc_w0 * rsc_c{i} * rsc_c{j})"));
        }
    }
    sel.extend(extra.iter().cloned());
    format!(
        "SELECT {} FROM (SELECT *, {} FROM ({}) AS rsc_d) AS rsc_e",
        sel.join(", "),
        shifted.join(", "),
        rows
    )
}

/// Moves the centre of a Gram matrix of [`gram`] (with an intercept, weight total `w` in
/// its corner) from the shift its sums were taken at to the weighted means, exactly in
/// the algebra: column `c - d` for each shifted column `c` whose weighted mean is `d`.
/// Returns the means' offsets `d` (design columns, then the response), and whether the
/// shift was close enough to the means (within `far` standard deviations in every
/// column) that the rounding of the shifted sums costs nothing worth a second pass.
pub fn recentre(g: &mut [f64], q: usize, far: f64) -> (Vec<f64>, bool) {
    let w = g[0];
    let d: Vec<f64> = (1..q).map(|i| g[i] / w).collect();
    let mut close = true;
    for i in 1..q {
        for j in i..q {
            let v = g[i * q + j] - w * d[i - 1] * d[j - 1];
            g[i * q + j] = v;
            g[j * q + i] = v;
        }
        let sd = (g[i * q + i] / w).max(0.0).sqrt();
        if !(d[i - 1].abs() <= far * sd) {
            close = false;
        }
        g[i] = 0.0;
        g[i * q] = 0.0;
    }
    (d, close)
}

/// The Gram matrix (row-major `q x q`, `q = k + 2` with an intercept, else `k + 1`) of
/// `[1?, z - m, y - my]` from the sums of [`gram_query`] (`sums`, in its order); `n` is
/// the sum of the weights.
pub fn gram(n: f64, k: usize, sums: &[f64], intercept: bool) -> Vec<f64> {
    let off = intercept as usize;
    let q = k + 1 + off;
    let mut g = vec![0.0; q * q];
    let m = k + 1;
    if intercept {
        g[0] = n;
        for i in 0..m {
            g[i + 1] = sums[i];
            g[(i + 1) * q] = sums[i];
        }
    }
    let mut at = m;
    for i in 0..m {
        for j in i..m {
            let v = sums[at];
            at += 1;
            g[(i + off) * q + j + off] = v;
            g[(j + off) * q + i + off] = v;
        }
    }
    g
}

/// The column-major `(p+1) x (p+1)` factor of `[X y]` from the Gram matrix `g` of the
/// centred columns (see the module doc): a Cholesky factor in which a column whose
/// remaining norm is below `tol` of its own norm (aliased) gets a zero row, then the
/// means put back into the first row. `means` are the design columns' and the
/// response's (empty without an intercept).
pub fn factor(g: &[f64], q: usize, means: &[f64], intercept: bool, tol: f64) -> Vec<f64> {
    // upper triangular, row-major during the factorisation
    let mut r = vec![0.0; q * q];
    for j in 0..q {
        let mut d = g[j * q + j];
        for l in 0..j {
            d -= r[l * q + j] * r[l * q + j];
        }
        let last = j + 1 == q;
        if !(d > tol * tol * g[j * q + j]) || d <= 0.0 {
            if last {
                // the response: an exact fit
                r[j * q + j] = d.max(0.0).sqrt();
            }
            continue;
        }
        let rjj = d.sqrt();
        r[j * q + j] = rjj;
        for i in j + 1..q {
            let mut s = g[j * q + i];
            for l in 0..j {
                s -= r[l * q + j] * r[l * q + i];
            }
            r[j * q + i] = s / rjj;
        }
    }
    if intercept {
        for (j, m) in means.iter().enumerate() {
            r[j + 1] += r[0] * m;
        }
    }
    // column-major
    let mut out = vec![0.0; q * q];
    for i in 0..q {
        for j in 0..q {
            out[j * q + i] = r[i * q + j];
        }
    }
    out
}

/// The condition number (2-norm) of the centred design with columns scaled to unit
/// length, from the Gram matrix `g` (`q x q`, row-major) of [`gram`]: the square root of
/// the ratio of the extreme eigenvalues of its design block (without the intercept's row
/// and the response's). Infinite when the design is singular, 1 without columns.
pub fn condition_number(g: &[f64], q: usize, intercept: bool) -> f64 {
    let off = intercept as usize;
    let k = q.saturating_sub(1 + off);
    if k == 0 {
        return 1.0;
    }
    let d: Vec<f64> = (0..k).map(|i| g[(i + off) * q + i + off].sqrt()).collect();
    if d.iter().any(|v| !(*v > 0.0)) {
        return f64::INFINITY;
    }
    let m = crate::stats::linalg::Mat::from_fn(k, k, |i, j| {
        g[(i + off) * q + j + off] / (d[i] * d[j])
    });
    match crate::stats::decomp::eigen_sym(&m, false) {
        Ok((ev, _)) => {
            let (lo, hi) = ev
                .iter()
                .fold((f64::INFINITY, 0.0f64), |(lo, hi), &v| (lo.min(v), hi.max(v)));
            if lo > 0.0 {
                (hi / lo).sqrt()
            } else {
                f64::INFINITY
            }
        }
        Err(_) => f64::NAN,
    }
}

/// The refinement pass: the residual of coefficients `b` (centred form: the intercept's
/// coefficient `g0` is `b0 + sum b_j m_j - my`) and its weighted sums `sum(w r)`,
/// `sum(w c_j r)`, `sum(w r^2)`.
pub fn refine_query(d: &str, k: usize, m: &[f64], g0: f64, b: &[f64]) -> String {
    let c = centred(k, m);
    let mut fit = lit(g0);
    for (j, bj) in b.iter().enumerate() {
        if *bj != 0.0 {
            fit = format!("{} + {} * {}", fit, lit(*bj), c[j + 1]);
        }
    }
    let r = format!("({} - ({}))", c[0], fit);
    let mut s = vec![format!("sum(w * r)")];
    for cj in c.iter().skip(1) {
        s.push(format!("sum(w * {} * r)", cj));
    }
    s.push("sum(w * r * r)".into());
    format!(
        "SELECT {} FROM (SELECT *, {} AS r FROM ({}) AS rsc_d) AS rsc_r",
        s.join(", "),
        r,
        d
    )
}

/// Solves `R'R x = v` for the column-major upper triangle `R` (`p x p` inside a
/// `ld`-row array); `None` when a diagonal entry is zero.
pub fn normal_solve(r: &[f64], ld: usize, p: usize, v: &[f64]) -> Option<Vec<f64>> {
    let at = |i: usize, j: usize| r[j * ld + i];
    let mut w = v.to_vec();
    // R' w1 = v
    for i in 0..p {
        let mut s = w[i];
        for l in 0..i {
            s -= at(l, i) * w[l];
        }
        if at(i, i) == 0.0 {
            return None;
        }
        w[i] = s / at(i, i);
    }
    // R x = w1
    for i in (0..p).rev() {
        let mut s = w[i];
        for l in i + 1..p {
            s -= at(i, l) * w[l];
        }
        w[i] = s / at(i, i);
    }
    Some(w)
}

/// The residual quantiles' query: min, quartiles (exact `percentile` for up to `exact`
/// rows, else `percentile_approx`) and max of `resid` (SQL over the design query `d`).
pub fn quantile_query(d: &str, resid: &str, exact: bool) -> String {
    let q = if exact {
        "percentile(r, array(0.25D, 0.5D, 0.75D))".to_string()
    } else {
        "percentile_approx(r, array(0.25D, 0.5D, 0.75D), 1000000)".to_string()
    };
    format!(
        "SELECT min(r), {q}[0], {q}[1], {q}[2], max(r) FROM (SELECT {resid} AS r FROM ({d}) AS rsc_d) AS rsc_r"
    )
}

/// The weighted residual `sqrt(w) (y - fitted)` as SQL over the design query's columns,
/// at coefficients `coef` (intercept first when `intercept`; NaN for aliased columns,
/// left out).
pub fn resid_sql(coef: &[f64], intercept: bool) -> String {
    let mut s = "y".to_string();
    let off = intercept as usize;
    if intercept && coef[0].is_finite() {
        s = format!("{} - {}", s, lit(coef[0]));
    }
    for (j, b) in coef.iter().enumerate().skip(off) {
        if b.is_finite() && *b != 0.0 {
            s = format!("{} - {} * z{}", s, lit(*b), j + 1 - off);
        }
    }
    format!("(SQRT(w) * ({}))", s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_round_trip() {
        for x in [0.1, -3482258.63459582, 1e-300, 65317.0] {
            let s = lit(x);
            let t = s.trim_start_matches('(').trim_end_matches("D)");
            assert_eq!(t.parse::<f64>().unwrap(), x);
        }
    }

    #[test]
    fn condition_numbers() {
        // [1, x1, x2] with x2 = x1 + small noise: nearly collinear
        let g = [
            4.0, 0.0, 0.0, 0.0, //
            0.0, 1.0, 0.999, 0.0, //
            0.0, 0.999, 1.0, 0.0, //
            0.0, 0.0, 0.0, 1.0,
        ];
        let k = condition_number(&g, 4, true);
        assert!((k - (1.999f64 / 0.001).sqrt()).abs() < 1e-6, "{}", k);
        assert!(condition_number(&[1.0, 0.0, 0.0, 1.0], 2, true) == 1.0);
    }

    #[test]
    fn factor_of_a_small_design() {
        // X = [1, x], y: the factor's R'R must equal [X y]'[X y]
        let x = [1.0, 2.0, 4.0, 7.0];
        let y = [2.0, 3.0, 7.0, 8.0];
        let n = 4.0;
        let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
        let cx: Vec<f64> = x.iter().map(|v| v - mx).collect();
        let cy: Vec<f64> = y.iter().map(|v| v - my).collect();
        let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(p, q)| p * q).sum::<f64>();
        let sums = vec![
            cx.iter().sum(),
            cy.iter().sum(),
            dot(&cx, &cx),
            dot(&cx, &cy),
            dot(&cy, &cy),
        ];
        let g = gram(n, 1, &sums, true);
        let r = factor(&g, 3, &[mx, my], true, 1e-7);
        let cols = [vec![1.0; 4], x.to_vec(), y.to_vec()];
        for i in 0..3 {
            for j in 0..3 {
                let rr: f64 = (0..3).map(|l| r[i * 3 + l] * r[j * 3 + l]).sum();
                assert!((rr - dot(&cols[i], &cols[j])).abs() < 1e-9, "{} {}", i, j);
            }
        }
    }
    #[test]
    fn recentring_matches_the_centred_gram() {
        // rows (z, y) with weights; a shifted Gram moved to the means equals the centred one
        let rows = [(1.0, 2.0, 1.0), (2.0, 3.5, 2.0), (4.0, 3.0, 1.0), (7.0, 9.0, 0.5)];
        let gram_at = |s: (f64, f64)| {
            let (mut sums, mut prods) = (vec![0.0; 2], vec![0.0; 3]);
            for &(z, y, w) in &rows {
                let c = [z - s.0, y - s.1];
                sums[0] += w * c[0];
                sums[1] += w * c[1];
                prods[0] += w * c[0] * c[0];
                prods[1] += w * c[0] * c[1];
                prods[2] += w * c[1] * c[1];
            }
            let w: f64 = rows.iter().map(|r| r.2).sum();
            gram(w, 1, &[sums, prods].concat(), true)
        };
        let w: f64 = rows.iter().map(|r| r.2).sum();
        let mz = rows.iter().map(|r| r.0 * r.2).sum::<f64>() / w;
        let my = rows.iter().map(|r| r.1 * r.2).sum::<f64>() / w;
        let centred = gram_at((mz, my));
        let mut g = gram_at((1.5, 2.5));
        let (d, close) = recentre(&mut g, 3, 4.0);
        assert!(close);
        assert!((d[0] - (mz - 1.5)).abs() < 1e-14 && (d[1] - (my - 2.5)).abs() < 1e-14);
        for (a, b) in g.iter().zip(&centred) {
            assert!((a - b).abs() < 1e-12, "{a} vs {b}");
        }
        // a shift far from the data asks for the second pass
        let mut g = gram_at((1e4, 2.5));
        assert!(!recentre(&mut g, 3, 4.0).1);
    }
}
