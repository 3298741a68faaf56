//! Printers for analysis of variance: `print.aov`, `print.summary.aov` and
//! `print.TukeyHSD`, written to R's layout.

use super::coefmat::{format_common, print_coefmat, round_to, zapsmall, CoefOpts, CoefTable};
use super::{print_value, PrintOpts};
use crate::syntax::sym::Sym;
use crate::value::{Data, Value};

fn field(v: &Value, name: &str) -> Option<Value> {
    let names = v.names()?;
    let i = names.iter().position(|n| n.as_deref() == Some(name))?;
    match v.data()? {
        Data::List(items) => items.get(i).cloned().filter(|x| !x.is_null()),
        _ => None,
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_strings().unwrap_or_default()
}

/// The per-term breakdown of a fitted `lm`/`aov`: sums of squares of the effects grouped
/// by the term each pivoted column belongs to, in the order the terms first appear.
pub struct TermSS {
    /// Term index in `assign` numbering (0 = intercept).
    pub term: Vec<usize>,
    /// Term names ("(Intercept)" or a term label).
    pub name: Vec<String>,
    /// Degrees of freedom (number of estimable columns).
    pub df: Vec<usize>,
    /// Sum of squared effects.
    pub ss: Vec<f64>,
    /// Residual sum of squares (weighted residuals).
    pub rss: f64,
    /// Residual degrees of freedom.
    pub rdf: usize,
}

/// Splits the effects of a fit by term, as `print.aov` and `summary.aov` do.
pub fn term_ss(fit: &Value) -> TermSS {
    let rank = field(fit, "rank")
        .and_then(|v| v.as_i32())
        .unwrap_or(0)
        .max(0) as usize;
    let assign: Vec<i32> = field(fit, "assign")
        .map(|v| v.int_vec().to_vec())
        .unwrap_or_default();
    let qr = field(fit, "qr").unwrap_or(Value::Null);
    let piv: Vec<i32> = field(&qr, "pivot")
        .map(|v| v.int_vec().to_vec())
        .unwrap_or_default();
    let eff: Vec<f64> = field(fit, "effects")
        .map(|v| v.dbl_vec().to_vec())
        .unwrap_or_default();
    let labels: Vec<String> = field(fit, "terms")
        .and_then(|t| t.get_attr("term.labels").map(strings))
        .unwrap_or_default();
    let mut out = TermSS {
        term: vec![],
        name: vec![],
        df: vec![],
        ss: vec![],
        rss: 0.0,
        rdf: 0,
    };
    for k in 0..rank.min(piv.len()).min(eff.len()) {
        let col = (piv[k] - 1).max(0) as usize;
        let a = assign.get(col).copied().unwrap_or(0).max(0) as usize;
        match out.term.iter().position(|&t| t == a) {
            Some(i) => {
                out.df[i] += 1;
                out.ss[i] += eff[k] * eff[k];
            }
            None => {
                out.term.push(a);
                out.name.push(if a == 0 {
                    "(Intercept)".to_string()
                } else {
                    labels.get(a - 1).cloned().unwrap_or_default()
                });
                out.df.push(1);
                out.ss.push(eff[k] * eff[k]);
            }
        }
    }
    let res = field(fit, "residuals")
        .map(|v| v.dbl_vec().to_vec())
        .unwrap_or_default();
    let w = field(fit, "weights").map(|v| v.dbl_vec().to_vec());
    out.rss = res
        .iter()
        .enumerate()
        .map(|(i, r)| r * r * w.as_ref().and_then(|w| w.get(i).copied()).unwrap_or(1.0))
        .sum();
    out.rdf = field(fit, "df.residual")
        .and_then(|v| v.as_i32())
        .unwrap_or(0)
        .max(0) as usize;
    out
}

/// `naprint(x$na.action)` followed by a newline, or nothing.
pub fn naprint(na: Option<&Value>) -> String {
    match na {
        Some(na) if na.inherits("omit") || na.inherits("exclude") => {
            let k = na.len();
            format!(
                "{} observation{} deleted due to missingness\n",
                k,
                if k == 1 { "" } else { "s" }
            )
        }
        _ => String::new(),
    }
}

fn char_matrix(cells: Vec<String>, rows: &[&str], cols: &[String]) -> Value {
    let mut m = Value::strings(&cells);
    m.set_attr(
        Sym::new("dim"),
        Value::ints(vec![rows.len() as i32, cols.len() as i32]),
    );
    m.set_attr(
        Sym::new("dimnames"),
        Value::list(vec![Value::strings(rows), Value::strings(cols)]),
    );
    m
}

fn call_text(call: Option<Value>, width: usize) -> Option<String> {
    match call {
        Some(Value::Lang(l)) => {
            Some(crate::syntax::deparse::deparse_lines(&l.expr, width).join("\n"))
        }
        _ => None,
    }
}

/// `print.aov(x)` with `digits` significant digits (`getOption("digits")`).
pub fn format_aov(fit: &Value, digits: usize) -> String {
    let mut out = String::new();
    if let Some(c) = call_text(field(fit, "call"), 60) {
        out.push_str(&format!("Call:\n   {}\n", c));
    }
    let t = term_ss(fit);
    let keep: Vec<usize> = (0..t.term.len())
        .filter(|&i| t.df[i] > 0 && t.term[i] != 0)
        .collect();
    let opts = PrintOpts {
        digits,
        quote: false,
        right: true,
        ..Default::default()
    };
    out.push_str("\nTerms:\n");
    if keep.is_empty() {
        if t.rdf > 0 {
            let cells = vec![format_common(&[t.rss], digits).remove(0), t.rdf.to_string()];
            out.push_str(&print_value(
                &char_matrix(
                    cells,
                    &["Sum of Squares", "Deg. of Freedom"],
                    &["Residuals".into()],
                ),
                &opts,
            ));
            out.push('\n');
            out.push_str(&format!(
                "Residual standard error: {}\n",
                format_common(&[(t.rss / t.rdf as f64).sqrt()], digits)[0].trim()
            ));
        } else {
            let mut m = Value::dbls(vec![0.0, 0.0]);
            m.set_attr(Sym::new("dim"), Value::ints(vec![2, 1]));
            m.set_attr(
                Sym::new("dimnames"),
                Value::list(vec![
                    Value::strings(&["Sum of Squares", "Deg. of Freedom"]),
                    Value::str("<empty>"),
                ]),
            );
            out.push_str(&print_value(
                &m,
                &PrintOpts {
                    digits,
                    ..Default::default()
                },
            ));
        }
        out.push_str(&naprint(field(fit, "na.action").as_ref()));
        return out;
    }
    let mut names: Vec<String> = keep.iter().map(|&i| t.name[i].clone()).collect();
    let mut ss: Vec<f64> = keep.iter().map(|&i| t.ss[i]).collect();
    let mut df: Vec<f64> = keep.iter().map(|&i| t.df[i] as f64).collect();
    if t.rdf > 0 {
        names.push("Residuals".into());
        ss.push(t.rss);
        df.push(t.rdf as f64);
    }
    let ssp = format_common(&zapsmall(&ss, digits as i32), digits);
    let dfp = format_common(&df, digits);
    let mut cells = Vec::with_capacity(2 * names.len());
    for (a, b) in ssp.into_iter().zip(dfp) {
        cells.push(a);
        cells.push(b);
    }
    out.push_str(&print_value(
        &char_matrix(cells, &["Sum of Squares", "Deg. of Freedom"], &names),
        &opts,
    ));
    out.push('\n');
    if t.rdf > 0 {
        out.push_str(&format!(
            "Residual standard error: {}\n",
            format_common(&[(t.rss / t.rdf as f64).sqrt()], digits)[0].trim()
        ));
    }
    // Balance: off-diagonal mass of R relative to its diagonal.
    let rank = field(fit, "rank")
        .and_then(|v| v.as_i32())
        .unwrap_or(0)
        .max(0) as usize;
    let ncoef = field(fit, "coefficients").map(|c| c.len()).unwrap_or(0);
    let qr = field(fit, "qr").unwrap_or(Value::Null);
    let qm = field(&qr, "qr").unwrap_or(Value::Null);
    let dims = qm.dim().unwrap_or_default();
    if rank < ncoef {
        out.push_str(&format!(
            "{} out of {} effects not estimable\n",
            ncoef - rank,
            ncoef
        ));
    }
    if dims.len() == 2 {
        let (n, p) = (dims[0], dims[1]);
        let q = qm.dbl_vec();
        let cols = if rank < ncoef { rank.min(p) } else { p };
        let (mut diag, mut off) = (0.0, 0.0);
        for j in 0..cols {
            for i in 0..=j.min(n.min(p).saturating_sub(1)) {
                let v = q[j * n + i].abs();
                if i == j {
                    diag += v;
                } else {
                    off += v;
                }
            }
        }
        if off / diag > f64::EPSILON.sqrt() {
            out.push_str("Estimated effects may be unbalanced\n");
        } else {
            out.push_str("Estimated effects are balanced\n");
        }
    }
    out.push_str(&naprint(field(fit, "na.action").as_ref()));
    out
}

/// `print.anova` of one table of `summary.aov` (no heading) with `digits` digits.
pub fn format_aov_table(x: &Value, digits: usize) -> String {
    let cols: Vec<String> = x
        .names()
        .unwrap_or_default()
        .iter()
        .map(|n| n.as_deref().unwrap_or("").to_string())
        .collect();
    let rows: Vec<String> = x.get_attr("row.names").map(strings).unwrap_or_default();
    let data: Vec<f64> = x
        .list_vec()
        .iter()
        .flat_map(|c| c.dbl_vec().to_vec())
        .collect();
    let nc = cols.len();
    let has_p = cols
        .last()
        .map(|c| c.starts_with("Pr(") || c.starts_with("P("))
        .unwrap_or(false);
    let tst: Vec<usize> = (0..nc)
        .filter(|&i| cols[i].get(1..7) == Some(" value") || cols[i] == "F")
        .collect();
    let zap: Vec<usize> = (0..if has_p { nc - 1 } else { nc })
        .filter(|i| !tst.contains(i) && !cols[*i].ends_with("Df"))
        .collect();
    let t = CoefTable { rows, cols, data };
    print_coefmat(
        &t,
        &CoefOpts {
            digits,
            signif_stars: true,
            cs_ind: &[],
            tst_ind: &tst,
            zap_ind: &zap,
            has_p,
            na_print: "",
        },
    )
}

/// `print.summary.aov(x)`; `digits` is `max(3, getOption("digits") - 3)`.
pub fn format_summary_aov(x: &Value, digits: usize) -> String {
    let items = x.list_vec();
    let mut out = String::new();
    if items.len() == 1 {
        out.push_str(&format_aov_table(&items[0], digits));
    } else {
        let names: Vec<String> = x
            .names()
            .unwrap_or_default()
            .iter()
            .map(|n| n.as_deref().unwrap_or("").to_string())
            .collect();
        for (i, it) in items.iter().enumerate() {
            out.push_str(&format!("{}:\n", names.get(i).cloned().unwrap_or_default()));
            out.push_str(&format_aov_table(it, digits));
            out.push('\n');
        }
    }
    out.push_str(&naprint(x.get_attr("na.action")));
    out
}

/// `print.TukeyHSD(x, digits)`.
pub fn format_tukey(x: &Value, digits: usize) -> String {
    let mut out = String::from("  Tukey multiple comparisons of means\n");
    let cl = x
        .get_attr("conf.level")
        .and_then(|v| v.as_f64())
        .unwrap_or(0.95);
    out.push_str(&format!(
        "    {}% family-wise confidence level\n",
        format_common(&[100.0 * cl], 2)[0].trim()
    ));
    if x.get_attr("ordered")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false)
    {
        out.push_str("    factor levels have been ordered\n");
    }
    let call = call_text(x.get_attr("orig.call").cloned(), 500).unwrap_or_else(|| "NULL".into());
    out.push_str(&format!("\nFit: {}\n\n", call));
    let items: Vec<Value> = x
        .list_vec()
        .iter()
        .map(|m| {
            let mut v = m.dbl_vec().to_vec();
            let nr = m.dim().map(|d| d[0]).unwrap_or(0);
            for p in v.iter_mut().skip(3 * nr).take(nr) {
                *p = round_to(*p, digits as i32);
            }
            let mut r = Value::dbls(v);
            if let Some(a) = m.attrs() {
                for (k, val) in a.iter() {
                    r.set_attr(*k, val.clone());
                }
            }
            r
        })
        .collect();
    let mut xx = Value::list(items);
    if let Some(n) = x.get_attr("names") {
        xx.set_attr(Sym::new("names"), n.clone());
    }
    out.push_str(&print_value(
        &xx,
        &PrintOpts {
            digits,
            ..Default::default()
        },
    ));
    out
}
