//! `print.htest`: the report R prints for classical hypothesis tests.

use super::{print_value, PrintOpts};
use crate::value::num_format::{cat_num, encode_real_trim, real_format};
use crate::value::Value;

fn field<'a>(v: &'a Value, name: &str) -> Option<&'a Value> {
    let names = v.names()?;
    let i = names.iter().position(|n| n.as_deref() == Some(name))?;
    match v.data()? {
        crate::value::Data::List(items) => items.get(i).filter(|x| !x.is_null()),
        _ => None,
    }
}

/// `format(x, digits = d)` for a numeric vector, elements trimmed (as `paste` sees them).
fn fmt_num(x: &Value, digits: usize) -> Vec<String> {
    let xs = x.dbl_vec();
    let f = real_format(&xs, digits, 0, 0);
    xs.iter()
        .map(|&v| crate::value::num_format::encode_real(v, &f, "NA"))
        .collect()
}

/// R's `format.pval(pv, digits)` for one p-value.
pub fn format_pval(p: f64, digits: usize) -> String {
    let eps = f64::EPSILON;
    if p.is_nan() {
        return "NA".into();
    }
    if p < eps {
        let d = digits.saturating_sub(2).max(1);
        let f = real_format(&[eps], d, 0, 0);
        return format!("< {}", encode_real_trim(eps, &f, "NA"));
    }
    let f = real_format(&[p], digits, 0, 0);
    encode_real_trim(p, &f, "NA")
}

/// Greedy word wrap as `strwrap` does for width 0.9 * 80.
fn strwrap(s: &str, prefix: &str) -> Vec<String> {
    let width = 71usize;
    let mut lines = Vec::new();
    let mut cur = String::new();
    for w in s.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            lines.push(format!("{}{}", prefix, cur));
            cur.clear();
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(format!("{}{}", prefix, cur));
    }
    lines
}

fn names_of(v: &Value) -> Vec<String> {
    v.names()
        .unwrap_or_default()
        .iter()
        .map(|n| n.as_deref().unwrap_or("NA").to_string())
        .collect()
}

/// The text `print.htest` writes for a test result (digits = 7).
pub fn format_htest(x: &Value, digits: usize) -> String {
    let mut out = String::from("\n");
    // each element of the method wrapped on its own (an empty one is an empty line)
    let method = field(x, "method")
        .and_then(|m| m.as_strings())
        .unwrap_or_default();
    for el in &method {
        let lines = if el.trim().is_empty() { vec![String::new()] } else { strwrap(el, "\t") };
        for l in lines {
            out.push_str(&l);
            out.push('\n');
        }
    }
    out.push('\n');
    let dname = field(x, "data.name")
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    out.push_str(&format!("data:  {}\n", dname));
    let mut parts: Vec<String> = Vec::new();
    let d2 = digits.saturating_sub(2).max(1);
    for key in ["statistic", "parameter"] {
        if let Some(s) = field(x, key) {
            let nm = names_of(s);
            let f = fmt_num(s, d2);
            for (i, v) in f.iter().enumerate() {
                parts.push(format!(
                    "{} = {}",
                    nm.get(i).cloned().unwrap_or_default(),
                    v.trim()
                ));
            }
        }
    }
    if let Some(p) = field(x, "p.value").and_then(|p| p.as_f64()) {
        let fp = format_pval(p, digits.saturating_sub(3).max(1));
        if fp.starts_with('<') {
            parts.push(format!("p-value {}", fp));
        } else {
            parts.push(format!("p-value = {}", fp));
        }
    }
    for l in strwrap(&parts.join(", "), "") {
        out.push_str(&l);
        out.push('\n');
    }
    if let Some(alt) = field(x, "alternative").and_then(|a| a.as_string()) {
        out.push_str("alternative hypothesis: ");
        match field(x, "null.value") {
            Some(nv) if nv.len() == 1 => {
                let ac = match alt.as_str() {
                    "two.sided" => "not equal to",
                    "less" => "less than",
                    _ => "greater than",
                };
                let nm = names_of(nv).into_iter().next().unwrap_or_default();
                out.push_str(&format!(
                    "true {} is {} {}\n",
                    nm,
                    ac,
                    cat_num(nv.as_f64().unwrap_or(f64::NAN))
                ));
            }
            Some(nv) => {
                out.push_str(&format!("{}\nnull values:\n", alt));
                out.push_str(&print_value(
                    nv,
                    &PrintOpts {
                        digits,
                        ..Default::default()
                    },
                ));
            }
            None => out.push_str(&format!("{}\n", alt)),
        }
    }
    if let Some(ci) = field(x, "conf.int") {
        let lvl = ci
            .get_attr("conf.level")
            .and_then(|l| l.as_f64())
            .unwrap_or(0.95);
        let xs = ci.dbl_vec();
        let f = fmt_num(&Value::dbls(xs.iter().take(2).copied().collect()), digits);
        out.push_str(&format!(
            "{} percent confidence interval:\n {}\n",
            cat_num(100.0 * lvl),
            f.join(" ")
        ));
    }
    if let Some(est) = field(x, "estimate") {
        out.push_str("sample estimates:\n");
        out.push_str(&print_value(
            est,
            &PrintOpts {
                digits,
                ..Default::default()
            },
        ));
    }
    out.push('\n');
    out
}
