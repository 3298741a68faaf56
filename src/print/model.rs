//! Pieces the model printers share: the call, named-number blocks, the missing-values line.

use crate::value::fields::field;
use crate::value::Value;

/// Marks a summary's `residuals` as the five quantiles of a streamed fit's residuals
/// (the value: whether they are weighted).
pub const QUANTILES_ATTR: &str = "rsc.quantiles";

pub fn call_lines(fit: &Value) -> String {
    match field(fit, "call") {
        Some(Value::Lang(l)) => crate::syntax::deparse::deparse_lines(&l.expr, 60).join("\n"),
        _ => String::new(),
    }
}

/// Prints a named character vector as `print.default(quote = FALSE, print.gap = 2)`.
pub fn named_strings_block(names: &[String], vals: &[String], gap: usize) -> String {
    let w = names
        .iter()
        .chain(vals)
        .map(|x| x.chars().count())
        .max()
        .unwrap_or(0);
    let per = (80 / (w + gap)).max(1);
    let mut out = String::new();
    for chunk in (0..names.len()).collect::<Vec<_>>().chunks(per) {
        for &i in chunk {
            out.push_str(&format!("{:>w$}{}", names[i], " ".repeat(gap), w = w));
        }
        out.push('\n');
        for &i in chunk {
            out.push_str(&format!("{:>w$}{}", vals[i], " ".repeat(gap), w = w));
        }
        out.push('\n');
    }
    out
}

pub fn naprint(na: Option<Value>) -> Option<String> {
    let na = na?;
    let k = na.len();
    if na.inherits("omit") || na.inherits("exclude") {
        Some(format!(
            "  ({} observation{} deleted due to missingness)\n",
            k,
            if k == 1 { "" } else { "s" }
        ))
    } else {
        None
    }
}
