//! The coefficient-table printer behind the R-level `printCoefmat` (used by `summary.nls`
//! in `builtins/R/stats_nls.R`), over `crate::print::coefmat`.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::print::coefmat::{print_coefmat, CoefOpts, CoefTable};
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[declared(".coefmat_text", coefmat_text)];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[doc(
        ".coefmat_text",
        ".coefmat_text(x, digits, signif.stars, cs.ind, tst.ind, zap.ind, has.Pvalue, na.print = \"NA\")",
        "The text printCoefmat() prints for a coefficient matrix (0-based column indices are not used: \
         indices are R's, from 1).",
    )]
};

fn indices(m: &Matched, name: &str) -> Vec<usize> {
    m.get(name)
        .map(|v| v.dbl_vec().iter().filter(|x| x.is_finite() && **x >= 1.0).map(|x| *x as usize - 1).collect())
        .unwrap_or_default()
}

fn coefmat_text(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let dim = x.get_attr("dim").map(|d| d.dbl_vec().to_vec()).unwrap_or_default();
    if dim.len() != 2 {
        return err("'x' must be coefficient matrix/data frame");
    }
    let (nr, nc) = (dim[0] as usize, dim[1] as usize);
    let names = |k: usize, n: usize, prefix: &str| -> Vec<String> {
        x.get_attr("dimnames")
            .and_then(|dn| dn.list_vec().get(k).cloned())
            .and_then(|v| v.as_strings())
            .filter(|v| v.len() == n)
            .unwrap_or_else(|| (1..=n).map(|i| format!("{}{}", prefix, i)).collect())
    };
    let t = CoefTable { rows: names(0, nr, ""), cols: names(1, nc, ""), data: x.dbl_vec().to_vec() };
    let digits = m.get("digits").and_then(|v| v.as_f64()).unwrap_or(4.0).max(1.0) as usize;
    let stars = m.get("signif.stars").and_then(|v| v.as_bool().flatten()).unwrap_or(true);
    let has_p = m.get("has.Pvalue").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    let na_print = m.get("na.print").and_then(|v| v.as_string()).unwrap_or_else(|| "NA".into());
    let (cs, tst, zap) = (indices(&m, "cs.ind"), indices(&m, "tst.ind"), indices(&m, "zap.ind"));
    let text = print_coefmat(
        &t,
        &CoefOpts { digits, signif_stars: stars, cs_ind: &cs, tst_ind: &tst, zap_ind: &zap, has_p, na_print: &na_print },
    );
    Ok(Value::str(&text))
}
