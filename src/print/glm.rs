//! Printers for generalized linear models: `print.glm`, `print.summary.glm`, `print.family`.

use crate::eval::Interp;
use crate::print::coefmat::{format_common, print_coefmat, zapsmall, CoefOpts, CoefTable};
use crate::print::model::{call_lines, named_strings_block, naprint};
use crate::stats::rmath::fprec;
use crate::value::fields::{dbl_field, field};
use crate::value::Value;

/// The printed form of a glm-related object, or `None` when `v` is not one.
pub fn format_glm(it: &Interp, v: &Value) -> Option<String> {
    if v.inherits("summary.glm") {
        Some(format_summary_glm(it, v))
    } else if v.inherits("glm") {
        Some(format_glm_fit(it, v))
    } else if v.inherits("family") && field(v, "link").is_some() {
        let f = field(v, "family")
            .and_then(|x| x.as_string())
            .unwrap_or_default();
        let l = field(v, "link")
            .and_then(|x| x.as_string())
            .unwrap_or_default();
        Some(format!("\nFamily: {} \nLink function: {} \n\n", f, l))
    } else {
        None
    }
}

fn digits_of(it: &Interp) -> usize {
    (crate::print::option_digits(it) as i32 - 3).max(3) as usize
}

fn num(v: &Value, key: &str) -> f64 {
    field(v, key).and_then(|x| x.as_f64()).unwrap_or(f64::NAN)
}

fn fmt1(x: f64, digits: usize) -> String {
    if x.is_nan() {
        return "NA".into();
    }
    format_common(&[x], digits)[0].trim().to_string()
}

fn names_of(v: &Value) -> Vec<String> {
    v.names()
        .unwrap_or_default()
        .iter()
        .map(|x| x.as_deref().unwrap_or("").to_string())
        .collect()
}

fn format_glm_fit(it: &Interp, fit: &Value) -> String {
    let digits = digits_of(it);
    let mut out = format!("\nCall:  {}\n\n", call_lines(fit));
    let coef = field(fit, "coefficients").unwrap_or(Value::Null);
    let cv = coef.dbl_vec().to_vec();
    if cv.is_empty() {
        out.push_str("No coefficients\n\n");
    } else {
        out.push_str("Coefficients");
        out.push_str(":\n");
        let vals: Vec<String> = format_common(&cv, digits)
            .into_iter()
            .map(|x| if x.trim() == "NaN" { "NA".into() } else { x })
            .collect();
        out.push_str(&named_strings_block(&names_of(&coef), &vals, 2));
    }
    let dfn = field(fit, "df.null").and_then(|x| x.as_i32()).unwrap_or(0);
    let dfr = field(fit, "df.residual")
        .and_then(|x| x.as_i32())
        .unwrap_or(0);
    out.push_str(&format!(
        "\nDegrees of Freedom: {} Total (i.e. Null);  {} Residual\n",
        dfn, dfr
    ));
    if let Some(m) = naprint(field(fit, "na.action")) {
        out.push_str(&m);
    }
    let sig = |x: f64| {
        if x.is_nan() {
            "NA".to_string()
        } else {
            fmt1(fprec(x, digits as f64), 7)
        }
    };
    out.push_str(&format!(
        "Null Deviance:\t    {} \nResidual Deviance: {} \tAIC: {}\n",
        sig(num(fit, "null.deviance")),
        sig(num(fit, "deviance")),
        sig(num(fit, "aic"))
    ));
    out
}

fn format_summary_glm(it: &Interp, sm: &Value) -> String {
    let digits = digits_of(it);
    let mut out = format!("\nCall:\n{}\n\n", call_lines(sm));
    out.push_str("Deviance Residuals: \n");
    let dr = field(sm, "deviance.resid").unwrap_or(Value::Null);
    let rv = dr.dbl_vec().to_vec();
    let rdf = num(sm, "df.residual");
    // a streamed fit's summary holds the five quantiles themselves
    let marked = dr.get_attr(crate::print::model::QUANTILES_ATTR).is_some();
    let quartile_names = || {
        ["Min", "1Q", "Median", "3Q", "Max"]
            .iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
    };
    let (names, vals) = if marked {
        (quartile_names(), rv)
    } else if rdf > 5.0 {
        let mut sorted: Vec<f64> = rv.iter().cloned().filter(|v| !v.is_nan()).collect();
        sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
        let q = crate::stats::quantile::quantiles(&sorted, &[0.0, 0.25, 0.5, 0.75, 1.0], 7);
        (quartile_names(), q)
    } else {
        (names_of(&dr), rv)
    };
    let z = zapsmall(&vals, digits as i32 + 1);
    out.push_str(&named_strings_block(&names, &format_common(&z, digits), 2));
    let aliased = field(sm, "aliased").unwrap_or(Value::Null);
    let al = aliased.lgl_vec().to_vec();
    let df: Vec<i32> = field(sm, "df")
        .map(|v| v.int_vec().to_vec())
        .unwrap_or_default();
    if al.is_empty() {
        out.push_str("\nNo Coefficients\n");
    } else {
        let nsing = df.get(2).cloned().unwrap_or(0) - df.first().cloned().unwrap_or(0);
        if nsing > 0 {
            out.push_str(&format!(
                "\nCoefficients: ({} not defined because of singularities)\n",
                nsing
            ));
        } else {
            out.push_str("\nCoefficients:\n");
        }
        let cm = field(sm, "coefficients").unwrap_or(Value::Null);
        let cmv = cm.dbl_vec();
        let k = cm.dim().map(|d| d[0]).unwrap_or(0);
        let cols: Vec<String> = cm
            .get_attr("dimnames")
            .and_then(|d| d.list_vec().get(1).cloned())
            .and_then(|x| x.as_strings())
            .unwrap_or_default();
        let np = al.len();
        let mut data = vec![crate::value::na_real(); np * 4];
        let mut r = 0;
        for i in 0..np {
            if al[i] == 0 && r < k {
                for c in 0..4 {
                    data[c * np + i] = cmv[c * k + r];
                }
                r += 1;
            }
        }
        let t = CoefTable {
            rows: names_of(&aliased),
            cols,
            data,
        };
        out.push_str(&print_coefmat(
            &t,
            &CoefOpts {
                digits,
                signif_stars: true,
                cs_ind: &[0, 1],
                tst_ind: &[2],
                zap_ind: &[],
                has_p: true,
                na_print: "NA",
            },
        ));
    }
    let fam = field(sm, "family")
        .and_then(|f| field(&f, "family"))
        .and_then(|x| x.as_string())
        .unwrap_or_default();
    out.push_str(&format!(
        "\n(Dispersion parameter for {} family taken to be {})\n\n",
        fam,
        fmt1(num(sm, "dispersion"), 7)
    ));
    let devs = format_common(
        &[num(sm, "null.deviance"), num(sm, "deviance")],
        digits.max(4) + 1,
    );
    let dfs = [num(sm, "df.null"), num(sm, "df.residual")];
    let dw = dfs
        .iter()
        .map(|d| format!("{}", d).len())
        .max()
        .unwrap_or(1);
    for (i, lab) in ["    Null", "Residual"].iter().enumerate() {
        out.push_str(&format!(
            "{} deviance: {}  on {:>w$}  degrees of freedom\n",
            lab,
            devs[i],
            dfs[i],
            w = dw
        ));
    }
    if let Some(m) = naprint(field(sm, "na.action")) {
        out.push_str(&m);
    }
    let aic = num(sm, "aic");
    out.push_str(&format!(
        "AIC: {}\n\nNumber of Fisher Scoring iterations: {}\n\n",
        fmt1(aic, digits.max(3) + 1),
        field(sm, "iter").and_then(|x| x.as_i32()).unwrap_or(0)
    ));
    let _ = dbl_field;
    out
}
