//! The kernel behind R's `loglin` (iterative proportional fitting), called from its R-level
//! definition in `builtins/R/stats_loglin.R`. Numerics live in `crate::stats::loglin`.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::loglin::ipf;
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[declared(".loglin_ipf", loglin_ipf)];

pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[doc(".loglin_ipf", ".loglin_ipf(dims, margins, table, start, eps, iter)",
          "Iterative proportional fit of the margins (a list of 1-based variable numbers) of table: \
           list(fit, dev, nlast, converged).")]
};

fn loglin_ipf(_it: &mut Interp, m: Matched) -> EvalResult {
    let dims: Vec<usize> = m.req("dims")?.dbl_vec().iter().map(|&d| d.max(0.0) as usize).collect();
    let margins = m.req("margins")?.list_vec().to_vec();
    let mut configs = Vec::with_capacity(margins.len());
    for mg in &margins {
        let mut c = Vec::new();
        for &v in mg.dbl_vec().iter() {
            if !(v >= 1.0) || v as usize > dims.len() || c.contains(&(v as usize - 1)) {
                return err("this should not happen");
            }
            c.push(v as usize - 1);
        }
        configs.push(c);
    }
    let table = m.req("table")?.dbl_vec();
    let start = m.req("start")?.dbl_vec();
    let eps = m.req("eps")?.as_f64().unwrap_or(0.1);
    let iter = m.req("iter")?.as_f64().unwrap_or(20.0).max(0.0) as usize;
    match ipf(&dims, &configs, &table, &start, eps, iter) {
        Ok(r) => Ok(Value::named_list(vec![
            ("fit".into(), Value::dbls(r.fit)),
            ("nlast".into(), Value::int(r.dev.len() as i32)),
            ("dev".into(), Value::dbls(r.dev)),
            ("converged".into(), Value::lgl(r.converged)),
        ])),
        Err(e) => err(e),
    }
}
