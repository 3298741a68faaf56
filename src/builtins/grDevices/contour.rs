//! `.contour_lines`: the contour lines of a gridded surface at given levels (the numerics
//! behind `contourLines()` and `contour()`, which are written in R).

use crate::builtins::{declared, Builtin, Matched};
use crate::error::EvalResult;
use crate::eval::Interp;
use crate::graphics::contour::contour_lines;
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[declared(".contour_lines", contour_lines_fn)];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[doc(
        ".contour_lines",
        ".contour_lines(x, y, z, levels)",
        "The contour lines of the matrix z over the grid x, y at each level: a list of list(level, x, y).",
    )]
};

fn contour_lines_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.dbl_vec();
    let y = m.req("y")?.dbl_vec();
    let z = m.req("z")?.dbl_vec();
    let levels = m.req("levels")?.dbl_vec();
    let mut out = Vec::new();
    for &lev in levels.iter().filter(|l| l.is_finite()) {
        for (lx, ly) in contour_lines(&x, &y, &z, lev) {
            out.push((
                String::new(),
                Value::named_list(vec![
                    ("level".into(), Value::num(lev)),
                    ("x".into(), Value::dbls(lx)),
                    ("y".into(), Value::dbls(ly)),
                ]),
            ));
        }
    }
    Ok(Value::list(out.into_iter().map(|(_, v)| v).collect()))
}
