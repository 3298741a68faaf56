//! `anova` for `lm` fits (sequential sums of squares, or a comparison of nested fits)
//! and the `print.anova` printer shared with glm.

use super::*;

pub(crate) fn anova_table(
    rows: Vec<String>,
    cols: Vec<&str>,
    data: Vec<f64>,
    heading: Vec<String>,
) -> Value {
    let nr = rows.len();
    let colv: Vec<Value> = (0..cols.len())
        .map(|c| Value::dbls(data[c * nr..(c + 1) * nr].to_vec()))
        .collect();
    let mut d = crate::value::frame::make_df(
        colv,
        cols.iter().map(|x| x.to_string()).collect(),
        Value::strings(&rows),
    );
    d.set_attr(s("heading"), Value::strings(&heading));
    d.set_attr(s("class"), Value::strings(&["anova", "data.frame"]));
    d
}

pub(crate) fn response_label(fit: &Value) -> String {
    field(fit, "terms")
        .and_then(|t| {
            if let Value::Lang(l) = t {
                if let ExprKind::Formula(Some(l), _) = &l.expr.kind {
                    Some(deparse(l))
                } else {
                    None
                }
            } else {
                None
            }
        })
        .unwrap_or_default()
}

pub(crate) fn anova(it: &mut Interp, a: Args) -> EvalResult {
    if a.items
        .first()
        .map(|x| x.1.inherits("glm"))
        .unwrap_or(false)
    {
        return crate::builtins::stats::models::glm_methods::anova_glm(it, a);
    }
    let named = |n: &str| {
        a.items
            .iter()
            .find(|(k, _)| k.map(|k| k.as_str() == n).unwrap_or(false))
            .map(|x| x.1.clone())
    };
    let test = named("test")
        .map(|v| v.as_string().unwrap_or_else(|| "none".into()))
        .unwrap_or_else(|| "F".into());
    let scale_arg = named("scale").and_then(|v| v.as_f64()).unwrap_or(0.0);
    let fits: Vec<Value> = a
        .items
        .iter()
        .filter(|(k, _)| !matches!(k.map(|k| k.as_str()), Some("test" | "scale")))
        .map(|x| x.1.clone())
        .collect();
    let na = crate::value::na_real();
    if fits.is_empty() {
        return err("argument \"object\" is missing, with no default");
    }
    if fits.len() == 1 {
        let fit = &fits[0];
        let eff = dbl_field(fit, "effects");
        let assign: Vec<usize> = field(fit, "assign")
            .map(|v| v.int_vec().iter().map(|&k| k as usize).collect())
            .unwrap_or_default();
        let qr = field(fit, "qr").unwrap_or(Value::Null);
        let piv: Vec<usize> = field(&qr, "pivot")
            .map(|v| v.int_vec().iter().map(|&k| k as usize - 1).collect())
            .unwrap_or_default();
        let rank = field(fit, "rank").and_then(|v| v.as_i32()).unwrap_or(0) as usize;
        let labels: Vec<String> = field(fit, "terms")
            .and_then(|t| t.get_attr("term.labels").cloned())
            .map(|v| strings_of(&v))
            .unwrap_or_default();
        let mut ss = vec![0.0; labels.len() + 1];
        let mut df = vec![0usize; labels.len() + 1];
        for k in 0..rank {
            let asg = assign[piv[k]];
            ss[asg] += eff[k] * eff[k];
            df[asg] += 1;
        }
        let rdf = field(fit, "df.residual")
            .and_then(|v| v.as_i32())
            .unwrap_or(0) as f64;
        let rss_v = rss(fit);
        let resms = rss_v / rdf;
        let mut rows = Vec::new();
        let (mut dfs, mut sss, mut mss, mut fs, mut ps) = (vec![], vec![], vec![], vec![], vec![]);
        for t in 1..=labels.len() {
            if df[t] == 0 {
                continue;
            }
            rows.push(labels[t - 1].clone());
            dfs.push(df[t] as f64);
            sss.push(ss[t]);
            let ms = ss[t] / df[t] as f64;
            mss.push(ms);
            fs.push(ms / resms);
            ps.push(pf(ms / resms, df[t] as f64, rdf, false));
        }
        rows.push("Residuals".into());
        dfs.push(rdf);
        sss.push(rss_v);
        mss.push(resms);
        fs.push(na);
        ps.push(na);
        let data = [dfs, sss, mss, fs, ps].concat();
        let _ = it;
        return Ok(anova_table(
            rows,
            vec!["Df", "Sum Sq", "Mean Sq", "F value", "Pr(>F)"],
            data,
            vec![
                "Analysis of Variance Table\n".into(),
                format!("Response: {}", response_label(fit)),
            ],
        ));
    }
    let k = fits.len();
    let ns: Vec<usize> = fits
        .iter()
        .map(|f| crate::builtins::stats::models::fit_rows::FitRows::of(f).rows_used())
        .collect();
    if ns.iter().any(|&n| n != ns[0]) {
        return err("models were not all fitted to the same size of dataset");
    }
    let rdfs: Vec<f64> = fits
        .iter()
        .map(|f| {
            field(f, "df.residual")
                .and_then(|v| v.as_i32())
                .unwrap_or(0) as f64
        })
        .collect();
    let rsss: Vec<f64> = fits.iter().map(rss).collect();
    // the model with the fewest residual df gives the scale
    let big = (0..k)
        .min_by(|&a, &b| {
            rdfs[a]
                .partial_cmp(&rdfs[b])
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .unwrap_or(k - 1);
    let scale = if scale_arg > 0.0 {
        scale_arg
    } else {
        rsss[big] / rdfs[big]
    };
    let bigdf = rdfs[big];
    let mut df = vec![na];
    let mut ssq = vec![na];
    for i in 1..k {
        df.push(rdfs[i - 1] - rdfs[i]);
        ssq.push(rsss[i - 1] - rsss[i]);
    }
    let mut cols = vec!["Res.Df", "RSS", "Df", "Sum of Sq"];
    let mut extra: Vec<f64> = Vec::new();
    match test.as_str() {
        "F" => {
            let fv: Vec<f64> = (0..k)
                .map(|i| {
                    if i == 0 || df[i] == 0.0 {
                        na
                    } else {
                        let f = ssq[i] / df[i] / scale;
                        if f < 0.0 {
                            na
                        } else {
                            f
                        }
                    }
                })
                .collect();
            let pv: Vec<f64> = fv
                .iter()
                .zip(&df)
                .map(|(f, d)| {
                    if f.is_nan() {
                        na
                    } else {
                        pf(*f, d.abs(), bigdf, false)
                    }
                })
                .collect();
            cols.extend(["F", "Pr(>F)"]);
            extra.extend(fv);
            extra.extend(pv);
        }
        "Chisq" | "LRT" => {
            let pv: Vec<f64> = (0..k)
                .map(|i| {
                    let v = if i == 0 || df[i] == 0.0 {
                        na
                    } else {
                        ssq[i] / scale * df[i].signum()
                    };
                    if v.is_nan() || v < 0.0 {
                        na
                    } else {
                        crate::stats::glm::pchisq_upper(v, df[i].abs())
                    }
                })
                .collect();
            cols.push("Pr(>Chi)");
            extra.extend(pv);
        }
        "Cp" => {
            let cp: Vec<f64> = (0..k)
                .map(|i| rsss[i] + 2.0 * scale * (nobs_of(&fits[i]) as f64 - rdfs[i]))
                .collect();
            cols.push("Cp");
            extra.extend(cp);
        }
        _ => {}
    }
    let mut heading = vec!["Analysis of Variance Table\n".to_string()];
    let forms: Vec<String> = fits
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let fl = field(f, "terms")
                .map(|t| {
                    if let Value::Lang(l) = t {
                        deparse(&l.expr)
                    } else {
                        String::new()
                    }
                })
                .unwrap_or_default();
            format!("Model {}: {}", i + 1, fl)
        })
        .collect();
    heading.push(forms.join("\n"));
    let rows: Vec<String> = (1..=k).map(|i| i.to_string()).collect();
    let data = [rdfs, rsss, df, ssq, extra].concat();
    Ok(anova_table(rows, cols, data, heading))
}

/// `print.anova`.
pub(crate) fn format_anova(it: &Interp, x: &Value) -> String {
    let digits = (crate::print::option_digits(it) as i32 - 2).max(3) as usize;
    format_anova_with(x, digits, signif_stars_option(it))
}

/// `print.anova` with explicit `digits` and `signif.stars`.
pub(crate) fn format_anova_with(x: &Value, digits: usize, stars: bool) -> String {
    let mut out = String::new();
    if let Some(h) = x.get_attr("heading") {
        for l in strings_of(h) {
            out.push_str(&l);
            out.push('\n');
        }
    }
    let cols = crate::value::frame::df_names(x);
    // automatic row names are dropped, as printCoefmat's data.matrix() drops them
    let rows = if crate::value::frame::df_compact_rows(x) {
        (1..=crate::value::frame::df_nrow(x)).map(|i| format!("[{},]", i)).collect()
    } else {
        crate::value::frame::df_row_names(x).as_strings().unwrap_or_default()
    };
    let data: Vec<f64> = x
        .list_vec()
        .iter()
        .flat_map(|c| c.dbl_vec().to_vec())
        .collect();
    let nc = cols.len();
    let has_p = cols
        .last()
        .map(|c| c.starts_with("Pr(") || c.starts_with("P("))
        .unwrap_or(false);
    let tst: Vec<usize> = (0..nc)
        .filter(|&i| cols[i].get(1..7) == Some(" value") || cols[i] == "F")
        .collect();
    let zap: Vec<usize> = (0..if has_p { nc - 1 } else { nc })
        .filter(|i| !tst.contains(i) && !cols[*i].ends_with("Df"))
        .collect();
    let t = CoefTable { rows, cols, data };
    out.push_str(&print_coefmat(
        &t,
        &CoefOpts {
            digits,
            signif_stars: stars,
            cs_ind: &[],
            tst_ind: &tst,
            zap_ind: &zap,
            has_p,
            na_print: "",
        },
    ));
    out
}
