//! Counting and binning: `table` (contingency tables of factors), `cut` and `findInterval`.

use crate::builtins::base::factor::*;
use crate::builtins::base::matrix::eval_labelled;
use crate::builtins::{declared, special, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr};
use crate::value::factor::factor_as_strings;
use crate::value::RStr;
use crate::value::NA_INT;
use crate::value::{Env, VType, Value};
use std::cmp::Ordering;

pub const BUILTINS: &[Builtin] = &[
    special("table", table),
    declared("cut", cut),
    declared("findInterval", find_interval),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("table",
            "table(..., exclude = if (useNA == \"no\") c(NA, NaN), useNA = c(\"no\", \"ifany\", \"always\"), dnn, \
             deparse.level = 1)",
            "Counts how often each combination of values occurs among one or more factors (or vectors treated as \
             factors), returning a contingency table of class \"table\". useNA = \"ifany\" adds a count of \
             missing values."),
        doc("cut",
            "cut(x, breaks, labels = NULL, include.lowest = FALSE, right = TRUE, dig.lab = 3L, ordered_result = \
             FALSE, ...)",
            "Divides the range of a numeric x into intervals and returns a factor saying which interval each \
             value falls in. breaks is either the cut points or the number of equal-width intervals; intervals \
             are closed on the right unless right = FALSE."),
        doc("findInterval", "findInterval(x, vec, rightmost.closed = FALSE, all.inside = FALSE, left.open = FALSE)",
            "For each x, the index i of the interval vec[i] <= x < vec[i + 1] it lies in, with vec sorted \
             increasingly; 0 below the first point."),
    ]
};

pub fn cut(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    if !matches!(x.vtype(), Some(VType::Lgl | VType::Int | VType::Dbl)) {
        return err("'x' must be numeric");
    }
    let xv = x.dbl_vec();
    let bv = m.req("breaks")?.dbl_vec();
    let breaks: Vec<f64> = if bv.len() == 1 {
        let nb = bv[0];
        if nb.is_nan() || nb < 2.0 {
            return err("invalid number of intervals");
        }
        let nb = nb as usize;
        let fin: Vec<f64> = xv.iter().cloned().filter(|v| !v.is_nan()).collect();
        let lo = fin.iter().cloned().fold(f64::INFINITY, f64::min);
        let hi = fin.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let dx = hi - lo;
        if dx == 0.0 {
            let dx = lo.abs();
            let (f, t) = (lo - dx / 1000.0, hi + dx / 1000.0);
            let by = (t - f) / nb as f64;
            (0..=nb)
                .map(|i| if i == nb { t } else { f + i as f64 * by })
                .collect()
        } else {
            let by = dx / nb as f64;
            let mut b: Vec<f64> = (0..=nb)
                .map(|i| if i == nb { hi } else { lo + i as f64 * by })
                .collect();
            b[0] = lo - dx / 1000.0;
            b[nb] = hi + dx / 1000.0;
            b
        }
    } else {
        let mut b = bv.to_vec();
        b.sort_by(|p, q| p.partial_cmp(q).unwrap_or(Ordering::Equal));
        b
    };
    let nb = breaks.len();
    if breaks.windows(2).any(|w| w[0] == w[1]) {
        return err("'breaks' are not unique");
    }
    if nb < 2 {
        return err("invalid number of intervals");
    }
    let right = flag(m.get("right"), true);
    let lowest = flag(m.get("include.lowest"), false);
    let dig = m
        .get("dig.lab")
        .and_then(|d| d.as_i32())
        .filter(|&d| d > 0)
        .unwrap_or(3) as usize;
    let codes: Vec<i32> = xv
        .iter()
        .map(|&v| bincode(v, &breaks, right, lowest))
        .collect();
    let labels_arg = m.get("labels").filter(|l| !l.is_null());
    if let Some(l) = labels_arg {
        if l.vtype() == Some(VType::Lgl) && l.as_bool().flatten() == Some(false) {
            return Ok(Value::ints(codes));
        }
    }
    let labels: Vec<RStr> = match labels_arg {
        Some(l) => {
            let l = l.str_vec().to_vec();
            if l.len() != nb - 1 {
                return err("number of intervals and length of 'labels' differ");
            }
            l
        }
        None => {
            let mut ch: Vec<String> = Vec::new();
            for d in dig..=dig.max(12) {
                ch = breaks.iter().map(|&b| format_g(b, d)).collect();
                if ch.windows(2).all(|w| w[0] != w[1]) {
                    break;
                }
            }
            // as R's formatC: the infinite breaks share one width ("-Inf", " Inf")
            let wide = breaks
                .iter()
                .zip(&ch)
                .filter(|(b, _)| b.is_infinite())
                .map(|(_, c)| c.len())
                .max()
                .unwrap_or(0);
            for (b, c) in breaks.iter().zip(ch.iter_mut()) {
                if b.is_infinite() {
                    *c = format!("{:>w$}", c, w = wide);
                }
            }
            let mut l: Vec<String> = (0..nb - 1)
                .map(|i| {
                    if right {
                        format!("({},{}]", ch[i], ch[i + 1])
                    } else {
                        format!("[{},{})", ch[i], ch[i + 1])
                    }
                })
                .collect();
            if lowest {
                if right {
                    l[0].replace_range(0..1, "[");
                } else if let Some(last) = l.last_mut() {
                    let n = last.len();
                    last.replace_range(n - 1..n, "]");
                }
            }
            l.iter().map(|s| rs(s)).collect()
        }
    };
    Ok(make_factor(
        codes,
        labels,
        flag(m.get("ordered_result"), false),
    ))
}

pub fn find_interval(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.dbl_vec();
    let v = m.req("vec")?.dbl_vec();
    if v.iter().any(|x| x.is_nan()) || v.windows(2).any(|w| w[0] > w[1]) {
        return err("'vec' must be sorted non-decreasingly and not contain NAs");
    }
    let rc = flag(m.get("rightmost.closed"), false);
    let inside = flag(m.get("all.inside"), false);
    let lo = flag(m.get("left.open"), false);
    let n = v.len();
    let out: Vec<i32> = x
        .iter()
        .map(|&xi| {
            if xi.is_nan() {
                return NA_INT;
            }
            // vec is sorted: the count of breaks below (or at) xi by binary search
            let mut i = if lo {
                v.partition_point(|&b| b < xi)
            } else {
                v.partition_point(|&b| b <= xi)
            };
            if rc && n > 0 {
                if !lo && i == n && xi == v[n - 1] {
                    i = n - 1;
                } else if lo && i == 0 && xi == v[0] {
                    i = 1;
                }
            }
            if inside {
                i = i.clamp(1, n.saturating_sub(1).max(1));
            }
            i as i32
        })
        .collect();
    Ok(Value::ints(out))
}

pub fn table(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let items = eval_labelled(it, args, env)?;
    let mut use_na = String::new();
    let mut dnn: Option<Vec<RStr>> = None;
    let mut exclude: Option<Value> = None;
    let mut vals: Vec<(RStr, Value)> = Vec::new();
    for (n, l, v) in items {
        match n.map(|s| s.as_str().to_string()).as_deref() {
            Some("useNA") => use_na = v.as_string().unwrap_or_else(|| "no".into()),
            Some("dnn") => dnn = Some(v.str_vec().to_vec()),
            Some("exclude") => exclude = Some(v),
            Some("deparse.level") => {}
            Some(nm) => vals.push((rs(nm), v)),
            None => vals.push((rs(&l.unwrap_or_default()), v)),
        }
    }
    if vals.len() == 1 && matches!(vals[0].1.vtype(), Some(VType::List)) {
        let l = vals[0].1.clone();
        let names = l.names().unwrap_or_else(|| vec![rs(""); l.len()]);
        vals = l
            .list_vec()
            .iter()
            .cloned()
            .zip(names)
            .map(|(v, n)| (n, v))
            .collect();
    }
    if vals.is_empty() {
        return err("nothing to tabulate");
    }
    if use_na.is_empty() {
        // an exclude without NA counts NAs, as R's table does
        let na_kept = exclude
            .as_ref()
            .is_some_and(|e| !factor_as_strings(e).str_vec().contains(&None));
        use_na = if na_kept { "ifany" } else { "no" }.to_string();
    }
    if !["no", "ifany", "always"].contains(&use_na.as_str()) {
        return err("'arg' should be one of \u{201c}no\u{201d}, \u{201c}ifany\u{201d}, \u{201c}always\u{201d}");
    }
    let mut facs = Vec::new();
    for (_, v) in &vals {
        let f = if v.is_factor() {
            v.clone()
        } else {
            // R's default exclude is c(NA, NaN) with useNA = "no", else NULL
            let ex = Some(exclude.clone().unwrap_or_else(|| {
                if use_na == "no" {
                    Value::strs(vec![None, rs("NaN")])
                } else {
                    Value::Null
                }
            }));
            make_factor_from(v, None, None, ex.as_ref(), false)?
        };
        let mut codes = f.int_vec().to_vec();
        let mut lev = factor_levels(&f);
        let any_na = codes.contains(&NA_INT);
        // a factor's NAs count in an added NA level; other values coded NA were excluded
        let remap = v.is_factor() && !lev.contains(&None);
        if use_na == "always" || (use_na == "ifany" && any_na) {
            if !lev.contains(&None) {
                lev.push(None);
            }
        } else if use_na == "ifany" && !any_na {
            if let Some(p) = lev.iter().position(|l| l.is_none()) {
                if !codes.contains(&(p as i32 + 1)) {
                    lev.remove(p);
                }
            }
        }
        if let Some(p) = lev.iter().position(|l| l.is_none()).filter(|_| remap) {
            let na = p as i32 + 1;
            codes.iter_mut().for_each(|c| {
                if *c == NA_INT {
                    *c = na
                }
            });
        }
        facs.push((codes, lev));
    }
    let names: Vec<RStr> = match dnn {
        Some(d) => (0..facs.len())
            .map(|i| d.get(i).cloned().unwrap_or_else(|| rs("")))
            .collect(),
        None => vals.iter().map(|(n, _)| n.clone()).collect(),
    };
    it.visible = true;
    cross_table(&facs, names)
}
