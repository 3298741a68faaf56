//! R's `printCoefmat`, `format.pval` and significance stars, used by `summary.lm` and
//! `anova` printers.

use super::PrintOpts;
use crate::syntax::sym::Sym;
use crate::value::num_format::{encode_real_trim, real_format};
use crate::value::{is_na_real, Value};
use std::ops::Add;
use std::rc::Rc;

/// The significance legend line (with R's UTF-8 quotes).
pub const SIGNIF_LEGEND: &str = "Signif. codes:  0 \u{2018}***\u{2019} 0.001 \u{2018}**\u{2019} 0.01 \u{2018}*\u{2019} 0.05 \u{2018}.\u{2019} 0.1 \u{2018} \u{2019} 1\n";

/// R-style rounding to `d` decimals (half away from zero on the decimal representation).
pub fn round_to(x: f64, d: i32) -> f64 {
    if !x.is_finite() {
        return x;
    }
    if d > 300 {
        return x;
    }
    let p = 10f64.powi(d);
    let y = x * p;
    let r = y.round();
    // guard against representation error: compare with the shortest decimal string
    let s = format!("{:.*}", d.max(0) as usize, x);
    let v: f64 = s.parse().unwrap_or(r / p);
    if d >= 0 {
        v
    } else {
        r / p
    }
}

/// `zapsmall(x, digits)`.
pub fn zapsmall(xs: &[f64], digits: i32) -> Vec<f64> {
    let mx = xs
        .iter()
        .filter(|v| v.is_finite())
        .fold(0.0f64, |a, b| a.max(b.abs()));
    let d = if mx > 0.0 {
        (digits as f64 - mx.log10()).max(0.0).add(0.5).floor() as i32
    } else {
        digits
    };
    xs.iter().map(|&v| round_to(v, d)).collect()
}

/// `format(x, digits = d)`: a common format for the non-NA values, padded to common width.
pub fn format_common(xs: &[f64], digits: usize) -> Vec<String> {
    let f = real_format(xs, digits, 0, 0);
    let strs: Vec<String> = xs.iter().map(|&x| encode_real_trim(x, &f, "NA")).collect();
    let w = strs.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    strs.into_iter()
        .map(|s| format!("{:>w$}", s, w = w))
        .collect()
}

/// `format(x, digits = d)` for one number.
pub fn format_one(x: f64, digits: usize) -> String {
    format_common(&[x], digits).pop().unwrap_or_default()
}

/// `format.pval(pv, digits, eps)`.
pub fn format_pval(pv: &[f64], digits: usize, eps: f64) -> Vec<String> {
    let mut out = vec![String::new(); pv.len()];
    let idx_ok: Vec<usize> = (0..pv.len()).filter(|&i| !pv[i].is_nan()).collect();
    let is0: Vec<usize> = idx_ok.iter().cloned().filter(|&i| pv[i] < eps).collect();
    let not0: Vec<usize> = idx_ok.iter().cloned().filter(|&i| pv[i] >= eps).collect();
    let mut rr_width = 0;
    if !not0.is_empty() {
        let expo = |v: f64| if v > 0.0 { v.log10().floor() } else { -50.0 };
        let is_fix = |v: f64| expo(v) >= -3.0 || (expo(v) == -4.0 && digits > 1);
        let fixp: Vec<usize> = not0.iter().cloned().filter(|&i| is_fix(pv[i])).collect();
        let sci: Vec<usize> = not0.iter().cloned().filter(|&i| !is_fix(pv[i])).collect();
        for grp in [fixp, sci] {
            if grp.is_empty() {
                continue;
            }
            let vals: Vec<f64> = grp.iter().map(|&i| pv[i]).collect();
            for (k, s) in format_common(&vals, digits).into_iter().enumerate() {
                out[grp[k]] = s;
            }
        }
        rr_width = not0
            .iter()
            .map(|&i| out[i].chars().count())
            .max()
            .unwrap_or(0);
    }
    if !is0.is_empty() {
        let mut d = digits.saturating_sub(2).max(1);
        let sep = if !not0.is_empty() {
            if d > 1 && d + 6 > rr_width {
                d = rr_width.saturating_sub(7).max(1);
            }
            if d == 1 && rr_width <= 6 {
                ""
            } else {
                " "
            }
        } else if d == 1 {
            ""
        } else {
            " "
        };
        let e = format_one(eps, d);
        for i in is0 {
            out[i] = format!("<{}{}", sep, e);
        }
    }
    for (i, o) in out.iter_mut().enumerate() {
        if pv[i].is_nan() {
            *o = "NA".into();
        }
    }
    out
}

/// A numeric table to print with [`print_coefmat`].
pub struct CoefTable {
    /// Row names.
    pub rows: Vec<String>,
    /// Column names.
    pub cols: Vec<String>,
    /// Column-major values, NaN for NA.
    pub data: Vec<f64>,
}

/// Options of `printCoefmat`.
pub struct CoefOpts<'a> {
    pub digits: usize,
    pub signif_stars: bool,
    pub cs_ind: &'a [usize],
    pub tst_ind: &'a [usize],
    pub zap_ind: &'a [usize],
    pub has_p: bool,
    pub na_print: &'a str,
}

fn set_col(cf: &mut [Vec<String>], col: usize, vals: Vec<String>) {
    for (r, v) in vals.into_iter().enumerate() {
        cf[r][col] = v;
    }
}

/// `printCoefmat(x, ...)`: the formatted table (and legend when stars are shown).
pub fn print_coefmat(t: &CoefTable, o: &CoefOpts) -> String {
    let nr = t.rows.len();
    let nc = t.cols.len();
    let mut xm = t.data.clone();
    let at = |xm: &Vec<f64>, r: usize, c: usize| xm[c * nr + r];
    let dig_tst = o.digits.saturating_sub(1).clamp(1, 5);
    for &c in o.zap_ind {
        let z = zapsmall(&xm[c * nr..(c + 1) * nr], o.digits as i32);
        xm[c * nr..(c + 1) * nr].copy_from_slice(&z);
    }
    let mut cf = vec![vec![String::new(); nc]; nr];
    if !o.cs_ind.is_empty() {
        let vals: Vec<f64> = o
            .cs_ind
            .iter()
            .flat_map(|&c| (0..nr).map(move |r| (c, r)))
            .map(|(c, r)| at(&xm, r, c))
            .collect();
        let acs: Vec<f64> = vals
            .iter()
            .map(|v| v.abs())
            .filter(|v| v.is_finite() && *v != 0.0)
            .collect();
        if vals.iter().any(|v| v.is_finite()) {
            let digmin = if acs.is_empty() {
                1
            } else {
                1 + acs
                    .iter()
                    .fold(f64::INFINITY, |a, &b| a.min(b))
                    .log10()
                    .floor() as i32
            };
            let dec = (o.digits as i32 - digmin).max(1);
            let rounded: Vec<f64> = vals.iter().map(|&v| round_to(v, dec)).collect();
            let strs = format_common(&rounded, o.digits);
            for (k, &c) in o.cs_ind.iter().enumerate() {
                set_col(&mut cf, c, strs[k * nr..(k + 1) * nr].to_vec());
            }
        }
    }
    if !o.tst_ind.is_empty() {
        let vals: Vec<f64> = o
            .tst_ind
            .iter()
            .flat_map(|&c| (0..nr).map(move |r| (c, r)))
            .map(|(c, r)| round_to(at(&xm, r, c), dig_tst as i32))
            .collect();
        let strs = format_common(&vals, o.digits);
        for (k, &c) in o.tst_ind.iter().enumerate() {
            set_col(&mut cf, c, strs[k * nr..(k + 1) * nr].to_vec());
        }
    }
    for c in 0..nc {
        if o.cs_ind.contains(&c) || o.tst_ind.contains(&c) || (o.has_p && c == nc - 1) {
            continue;
        }
        let strs = format_common(&xm[c * nr..(c + 1) * nr], o.digits);
        set_col(&mut cf, c, strs);
    }
    // entries that are non-zero but printed as zero (or vice versa) get fewer digits
    for c in 0..nc {
        if o.tst_ind.contains(&c) || (o.has_p && c == nc - 1) {
            continue;
        }
        for r in 0..nr {
            let x = at(&xm, r, c);
            if x.is_nan() {
                continue;
            }
            let shown: f64 = cf[r][c].trim().parse().unwrap_or(f64::NAN);
            if !shown.is_nan() && (x == 0.0) != (shown == 0.0) {
                cf[r][c] = format_one(x, o.digits.saturating_sub(1).max(1));
            }
        }
    }
    for c in 0..nc {
        for r in 0..nr {
            if at(&xm, r, c).is_nan() {
                cf[r][c] = if is_na_real(at(&xm, r, c)) || o.na_print.is_empty() {
                    o.na_print.to_string()
                } else {
                    "NaN".into()
                };
            }
        }
    }
    let mut stars = false;
    let mut star_col: Vec<String> = vec![];
    if o.has_p {
        let pc = nc - 1;
        let pv: Vec<f64> = (0..nr).map(|r| at(&xm, r, pc)).collect();
        let ok: Vec<usize> = (0..nr).filter(|&r| !pv[r].is_nan()).collect();
        if !ok.is_empty() {
            let vals: Vec<f64> = ok.iter().map(|&r| pv[r]).collect();
            let strs = format_pval(&vals, dig_tst, f64::EPSILON);
            for (k, &r) in ok.iter().enumerate() {
                cf[r][pc] = strs[k].clone();
            }
            stars = o.signif_stars && vals.iter().any(|&p| p < 0.1);
            if stars {
                star_col = pv
                    .iter()
                    .map(|&p| {
                        if p.is_nan() {
                            ""
                        } else if p <= 0.001 {
                            "***"
                        } else if p <= 0.01 {
                            "**"
                        } else if p <= 0.05 {
                            "*"
                        } else if p <= 0.1 {
                            "."
                        } else {
                            " "
                        }
                        .to_string()
                    })
                    .collect();
                let w = star_col.iter().map(|s| s.len()).max().unwrap_or(0);
                for s in star_col.iter_mut() {
                    *s = format!("{:<w$}", s, w = w);
                }
            }
        }
    }
    let mut cols = t.cols.clone();
    if stars {
        for (r, s) in star_col.into_iter().enumerate() {
            cf[r].push(s);
        }
        cols.push(String::new());
    }
    let ncol = cols.len();
    let mut flat = Vec::with_capacity(nr * ncol);
    for c in 0..ncol {
        for row in cf.iter() {
            flat.push(Some(Rc::from(row[c].as_str())));
        }
    }
    let mut m = Value::strs(flat);
    m.set_attr(Sym::new("dim"), Value::ints(vec![nr as i32, ncol as i32]));
    m.set_attr(
        Sym::new("dimnames"),
        Value::list(vec![Value::strings(&t.rows), Value::strings(&cols)]),
    );
    let opts = PrintOpts {
        quote: false,
        right: true,
        ..Default::default()
    };
    let mut out = super::print_value(&m, &opts);
    if stars {
        out.push_str("---\n");
        out.push_str(SIGNIF_LEGEND);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pvals() {
        assert_eq!(
            format_pval(&[1e-20, 1.119647e-06, 1.451229e-03], 3, f64::EPSILON),
            ["< 2e-16", "1.12e-06", "0.00145"]
        );
        assert_eq!(format_pval(&[1.294e-10], 4, f64::EPSILON), ["1.294e-10"]);
        assert_eq!(format_pval(&[1e-20], 4, f64::EPSILON), ["< 2.2e-16"]);
    }
}
