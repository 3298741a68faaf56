//! `print` methods for model objects that take R's arguments (`digits`, `signif.stars`):
//! `print.lm`, `print.summary.lm`, `print.anova`. Auto-printing reaches the same code
//! through `format_model` with the default arguments.

use super::*;
use crate::builtins::Matched;

fn digits_arg(m: &Matched, i: &str) -> Option<usize> {
    m.get(i)
        .and_then(|v| v.as_f64())
        .filter(|d| d.is_finite() && *d >= 1.0)
        .map(|d| d as usize)
}

fn stars_arg(it: &Interp, m: &Matched, i: &str) -> bool {
    m.get(i)
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or_else(|| signif_stars_option(it))
}

fn emit(it: &mut Interp, text: &str, x: Value) -> EvalResult {
    it.write_out(text);
    it.visible = false;
    Ok(x)
}

/// `print.lm(x, digits = max(3, getOption("digits") - 3))` (and `print.mlm`).
pub(crate) fn print_lm(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "digits", "..."])?;
    let x = m.req("x")?.clone();
    if x.inherits("glm") {
        let digits = digits_arg(&m, "digits");
        let text = crate::builtins::base::print::format_default(it, &x, digits, true)?;
        return emit(it, &text, x);
    }
    let digits = digits_arg(&m, "digits").unwrap_or_else(|| lm_digits(it));
    let text = if x.inherits("mlm") {
        format_mlm_with(&x, digits)
    } else {
        format_lm_with(&x, digits)
    };
    emit(it, &text, x)
}

/// `print.summary.lm(x, digits, symbolic.cor, signif.stars)`.
pub(crate) fn print_summary_lm(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "digits", "symbolic.cor", "signif.stars", "..."])?;
    let x = m.req("x")?.clone();
    let digits = digits_arg(&m, "digits").unwrap_or_else(|| lm_digits(it));
    let text = format_summary_lm_with(&x, digits, stars_arg(it, &m, "signif.stars"));
    emit(it, &text, x)
}

/// `print.anova(x, digits = max(getOption("digits") - 2, 3), signif.stars)`.
pub(crate) fn print_anova(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "digits", "signif.stars", "..."])?;
    let x = m.req("x")?.clone();
    let digits = digits_arg(&m, "digits")
        .unwrap_or_else(|| (crate::print::option_digits(it) as i32 - 2).max(3) as usize);
    let text = format_anova_with(&x, digits, stars_arg(it, &m, "signif.stars"));
    emit(it, &text, x)
}
