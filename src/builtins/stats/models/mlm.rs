//! Multivariate linear models (`lm(cbind(y1, y2) ~ x)`, class `c("mlm", "lm")`):
//! printing, `summary.mlm` (one `summary.lm` per response), `deviance`.

use super::*;

/// The response names of an mlm fit (column names of its coefficient matrix).
fn ynames(fit: &Value) -> Vec<String> {
    field(fit, "coefficients")
        .and_then(|c| {
            c.get_attr("dimnames")
                .and_then(|d| d.list_vec().get(1).cloned())
        })
        .and_then(|v| v.as_strings())
        .unwrap_or_default()
}

/// Column `j` of a matrix component, as a named vector (row names as names).
fn column(m: &Value, j: usize) -> Value {
    let dims = m.dim().unwrap_or_default();
    let nr = dims.first().cloned().unwrap_or(0);
    let vals = m.dbl_vec();
    let rows = m
        .get_attr("dimnames")
        .and_then(|d| d.list_vec().first().cloned())
        .and_then(|v| v.as_strings());
    let col = vals[j * nr..(j + 1) * nr].to_vec();
    match rows {
        Some(r) => named_dbl(col, &r),
        None => Value::dbls(col),
    }
}

/// Replaces the left side of a formula expression by the symbol `y`.
fn with_lhs(e: &Expr, y: &str) -> Expr {
    match &e.kind {
        ExprKind::Formula(_, rhs) => Expr::new(
            ExprKind::Formula(
                Some(std::rc::Rc::new(Expr::new(ExprKind::Ident(s(y)), e.span))),
                rhs.clone(),
            ),
            e.span,
        ),
        _ => e.clone(),
    }
}

/// The single-response `lm` fit for response `j` (as `summary.mlm` builds it).
fn response_fit(fit: &Value, j: usize, y: &str) -> Value {
    let names = fit.names().unwrap_or_default();
    let mut items: Vec<(String, Value)> = Vec::new();
    for (k, v) in fit.list_vec().iter().enumerate() {
        let key = names
            .get(k)
            .cloned()
            .flatten()
            .map(|x| x.to_string())
            .unwrap_or_default();
        let v = match key.as_str() {
            "coefficients" | "residuals" | "fitted.values" | "effects" => column(v, j),
            "call" => match v {
                Value::Lang(l) => {
                    let e = match &l.expr.kind {
                        ExprKind::Call(f, args) => {
                            let args = args
                                .iter()
                                .map(|a| {
                                    let mut a = a.clone();
                                    if a.name.map(|n| n.as_str() == "formula").unwrap_or(false) {
                                        a.value = a.value.as_ref().map(|x| with_lhs(x, y));
                                    }
                                    a
                                })
                                .collect::<Vec<_>>().into();
                            Expr::new(ExprKind::Call(f.clone(), args), l.expr.span)
                        }
                        _ => (*l.expr).clone(),
                    };
                    Value::Lang(Rc::new(Lang {
                        expr: Rc::new(e),
                        attrs: None,
                    }))
                }
                v => v.clone(),
            },
            "terms" => match v {
                Value::Lang(l) => Value::Lang(Rc::new(Lang {
                    expr: Rc::new(with_lhs(&l.expr, y)),
                    attrs: l.attrs.clone(),
                })),
                v => v.clone(),
            },
            _ => v.clone(),
        };
        items.push((key, v));
    }
    let mut out = Value::named_list(items);
    out.set_attr(s("class"), Value::str("lm"));
    out
}

/// `summary.mlm`: a `listof` with one `summary.lm` per response, named `Response y`.
pub(crate) fn summary_mlm(it: &mut Interp, a: Args) -> EvalResult {
    let fit = obj(a)?;
    let mut items = Vec::new();
    for (j, y) in ynames(&fit).iter().enumerate() {
        let f = response_fit(&fit, j, y);
        let sm = summary_lm(it, Args::positional(vec![f]))?;
        items.push((format!("Response {}", y), sm));
    }
    let mut out = Value::named_list(items);
    out.set_attr(s("class"), Value::str("listof"));
    Ok(out)
}

/// `deviance.mlm`: the residual sum of squares of each response.
pub(crate) fn deviance_mlm(fit: &Value) -> Value {
    let r = field(fit, "residuals").unwrap_or(Value::Null);
    let dims = r.dim().unwrap_or_default();
    let (n, q) = (
        dims.first().cloned().unwrap_or(0),
        dims.get(1).cloned().unwrap_or(0),
    );
    let rv = r.dbl_vec();
    let w = field(fit, "weights").map(|w| w.dbl_vec().to_vec());
    let vals = (0..q)
        .map(|j| {
            (0..n)
                .map(|i| rv[j * n + i] * rv[j * n + i] * w.as_ref().map(|w| w[i]).unwrap_or(1.0))
                .sum()
        })
        .collect();
    named_dbl(vals, &ynames(fit))
}

/// `print.mlm`: the call and the coefficient matrix, formatted jointly to `digits - 3`
/// significant digits and printed unquoted with a gap of two.
pub(crate) fn format_mlm(it: &Interp, fit: &Value) -> String {
    format_mlm_with(fit, lm_digits(it))
}

/// `print.mlm` with explicit `digits`.
pub(crate) fn format_mlm_with(fit: &Value, digits: usize) -> String {
    let mut out = format!("\nCall:\n{}\n\n", call_lines(fit));
    let coef = field(fit, "coefficients").unwrap_or(Value::Null);
    let dims = coef.dim().unwrap_or_default();
    let (p, q) = (
        dims.first().cloned().unwrap_or(0),
        dims.get(1).cloned().unwrap_or(0),
    );
    if p == 0 {
        out.push_str("No coefficients\n\n");
        return out;
    }
    out.push_str("Coefficients:\n");
    let dn = coef
        .get_attr("dimnames")
        .map(|d| d.list_vec().to_vec())
        .unwrap_or_default();
    let rows = dn.first().and_then(|v| v.as_strings()).unwrap_or_default();
    let cols = dn.get(1).and_then(|v| v.as_strings()).unwrap_or_default();
    let cells = format_common(&coef.dbl_vec(), digits);
    out.push_str(&char_matrix(&rows, &cols, &cells, p, q, 2, 80));
    out.push('\n');
    out
}

/// Prints a character matrix as `print(quote = FALSE, right = FALSE, print.gap = gap)`:
/// left-aligned row names, columns left-aligned under their headers, wrapped at `width`.
pub(crate) fn char_matrix(
    rows: &[String],
    cols: &[String],
    cells: &[String],
    nr: usize,
    nc: usize,
    gap: usize,
    width: usize,
) -> String {
    let w = |x: &str| x.chars().count();
    let rw = rows.iter().map(|r| w(r)).max().unwrap_or(0);
    let cw: Vec<usize> = (0..nc)
        .map(|j| {
            (0..nr)
                .map(|i| w(&cells[j * nr + i]))
                .chain(std::iter::once(w(&cols[j])))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    let mut start = 0;
    while start < nc {
        let mut end = start;
        let mut line = rw;
        while end < nc && (end == start || line + gap + cw[end] <= width) {
            line += gap + cw[end];
            end += 1;
        }
        let mut head = " ".repeat(rw);
        for j in start..end {
            head.push_str(&format!("{}{:<w$}", " ".repeat(gap), cols[j], w = cw[j]));
        }
        out.push_str(&head);
        out.push('\n');
        for i in 0..nr {
            let mut l = format!("{:<w$}", rows[i], w = rw);
            for j in start..end {
                l.push_str(&format!(
                    "{}{:<w$}",
                    " ".repeat(gap),
                    cells[j * nr + i],
                    w = cw[j]
                ));
            }
            out.push_str(&l);
            out.push('\n');
        }
        start = end;
    }
    out
}

/// `print.listof`: each component as `name :`, its printout, and a blank line.
pub(crate) fn format_listof(it: &Interp, v: &Value) -> String {
    let names = v.names().unwrap_or_default();
    let mut out = String::new();
    for (i, x) in v.list_vec().iter().enumerate() {
        let nm = names
            .get(i)
            .cloned()
            .flatten()
            .map(|x| x.to_string())
            .unwrap_or_else(|| format!("Component {}", i + 1));
        out.push_str(&format!("{} :\n", nm));
        let body = format_model(it, x)
            .unwrap_or_else(|| crate::print::print_value(x, &crate::print::PrintOpts::default()));
        out.push_str(&body);
        out.push('\n');
    }
    out
}
