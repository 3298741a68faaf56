//! Printing factors: unquoted labels, then a `Levels:` line.

use super::PrintOpts;
use crate::syntax::sym::Sym;
use crate::value::num_format::str_width;
use crate::value::str_format::escape_str;
use crate::value::{Data, RStr, Value, NA_INT};

/// The labels of a factor's codes (NA codes and out-of-range codes give NA).
pub fn factor_labels(v: &Value) -> Vec<RStr> {
    let levels = v
        .get_attr("levels")
        .map(|l| l.str_vec())
        .unwrap_or_default();
    v.int_vec()
        .iter()
        .map(|&c| {
            if c == NA_INT || c < 1 {
                None
            } else {
                levels.get(c as usize - 1).cloned().flatten()
            }
        })
        .collect()
}

/// Prints a factor as `print.factor` does.
pub fn print_factor(out: &mut String, v: &Value, opts: &PrintOpts) {
    let ordered = v.inherits("ordered");
    let n = v.len();
    if n == 0 {
        out.push_str(if ordered {
            "ordered(0)\n"
        } else {
            "factor(0)\n"
        });
    } else {
        let mut xx = Value::strs(factor_labels(v));
        if let Some(attrs) = v.attrs() {
            for (k, a) in attrs.iter() {
                if !matches!(k.as_str(), "levels" | "class") {
                    xx.set_attr(Sym::new(k.as_str()), a.clone());
                }
            }
        }
        let o = PrintOpts {
            quote: false,
            ..opts.clone()
        };
        if let Value::Vector(vec) = &xx {
            if let Data::Str(_) = vec.data {
                super::print_rec(out, &xx, &o, "", &mut |_| None);
            }
        }
    }
    out.push_str(&levels_line(v, opts.width));
}

/// The `Levels: a b c` line (with `n Levels: a ... z` when too long for `width`).
pub fn levels_line(v: &Value, width: usize) -> String {
    let ordered = v.inherits("ordered");
    let lev: Vec<String> = v
        .get_attr("levels")
        .map(|l| {
            l.str_vec()
                .iter()
                .map(|s| {
                    s.as_deref()
                        .map(|s| escape_str(s, false))
                        .unwrap_or_else(|| "<NA>".to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    let n = lev.len();
    let colsep = if ordered { " < " } else { " " };
    let avail = width as i64 - (8 + 3 + 1 + 3);
    let mut cum = 0i64;
    let lenl: Vec<i64> = lev
        .iter()
        .map(|l| {
            cum += (str_width(l) + colsep.len()) as i64;
            cum
        })
        .collect();
    let maxl = if n <= 1 || lenl[n - 1] <= avail {
        n
    } else {
        let first_over = lenl.iter().position(|&x| x > avail).unwrap_or(0) + 1;
        (first_over as i64 - 1).max(1) as usize
    };
    let drop = n > maxl;
    let shown: Vec<String> = if drop {
        let mut s: Vec<String> = lev[..(maxl.saturating_sub(1)).max(1)].to_vec();
        s.push("...".into());
        if maxl > 1 {
            s.push(lev[n - 1].clone());
        }
        s
    } else {
        lev
    };
    let prefix = if drop {
        format!("{} ", n)
    } else {
        String::new()
    };
    format!("{}Levels: {}\n", prefix, shown.join(colsep))
}
