//! The Shapiro-Wilk test of normality (`shapiro.test`, over `crate::stats::swilk`).

use super::*;
use crate::builtins::{special, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::swilk;
use crate::syntax::ast::{Arg, Expr};
use crate::value::{Data, Env, Value};

pub const BUILTINS: &[Builtin] = &[special("shapiro.test", shapiro_test)];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("shapiro.test", "shapiro.test(x)",
            "Shapiro-Wilk test of normality for a sample of 3 to 5000 values. Returns an \"htest\" object with \
             the W statistic and p-value."),
    ]
};

pub fn shapiro_test(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
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
