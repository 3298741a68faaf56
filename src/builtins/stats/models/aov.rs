//! Analysis of variance: `aov` (a classed `lm` fit), `summary.aov`, `TukeyHSD` with
//! R's means tables from sequential projections, their print methods, and the studentized
//! range distribution builtins `ptukey` / `qtukey`.

use crate::builtins::stats::models::matched_call_expr;

use crate::builtins::{declared, eager, special, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::print::aov::{format_aov, format_summary_aov, format_tukey, term_ss};
use crate::stats::dist::{beta, tukey};
use crate::stats::qr::Qr;
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::fields::field;
use crate::value::{Data, Env, Lang, VType, Value};
use std::rc::Rc;

/// ANOVA builtins.
pub const BUILTINS: &[Builtin] = &[
    special("aov", aov),
    eager("summary.aov", summary_aov),
    declared("print.aov", print_aov),
    declared("print.summary.aov", print_summary_aov),
    eager("TukeyHSD", tukey_hsd),
    declared("print.TukeyHSD", print_tukey),
    eager("ptukey", ptukey_fn),
    eager("qtukey", qtukey_fn),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("aov", "aov(formula, data = NULL, projections = FALSE, qr = TRUE, contrasts = NULL, ...)",
            "Fits an analysis of variance model, a linear model whose terms are summarised by their sums of \
             squares. Returns an \"aov\" object (also an \"lm\") for summary, TukeyHSD and the other model \
             functions."),
        doc("summary.aov",
            "summary.aov(object, intercept = FALSE, split, expand.split = TRUE, keep.zero.df = TRUE, ...)",
            "The analysis of variance table of an aov fit: degrees of freedom, sums of squares, mean squares, F \
             values and p-values for each term in sequence, with the residuals. This is what summary does for aov \
             objects."),
        doc("print.aov", "print.aov(x, intercept = FALSE, tol = sqrt(.Machine$double.eps), ...)",
            "Prints an aov fit: its call, the sums of squares and degrees of freedom of each term, and the \
             residual standard error."),
        doc("print.summary.aov",
            "print.summary.aov(x, digits = max(3L, getOption(\"digits\") - 3L), symbolic.cor = FALSE, \
             signif.stars = getOption(\"show.signif.stars\"), ...)",
            "Prints the analysis of variance table made by summary.aov, with significance stars."),
        doc("TukeyHSD", "TukeyHSD(x, which, ordered = FALSE, conf.level = 0.95, ...)",
            "Tukey's honest significant differences for an aov fit: all pairwise differences between the means of \
             each factor's levels, with family-wise confidence intervals and adjusted p-values."),
        doc("print.TukeyHSD", "print.TukeyHSD(x, digits = getOption(\"digits\"), ...)",
            "Prints the table of differences, confidence limits and adjusted p-values made by TukeyHSD."),
        doc("ptukey", "ptukey(q, nmeans, df, nranges = 1, lower.tail = TRUE, log.p = FALSE)",
            "Cumulative distribution function of the studentised range statistic for nmeans means and df degrees \
             of freedom."),
        doc("qtukey", "qtukey(p, nmeans, df, nranges = 1, lower.tail = TRUE, log.p = FALSE)",
            "Quantile function of the studentised range statistic for nmeans means and df degrees of freedom."),
    ]
};

fn sym(x: &str) -> Sym {
    Sym::new(x)
}

fn ident(x: &str) -> Expr {
    Expr::new(ExprKind::Ident(sym(x)), Default::default())
}

fn uses_error(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call(f, args) => {
            matches!(&f.kind, ExprKind::Ident(s) if s.as_str() == "Error")
                || args.iter().filter_map(|a| a.value.as_ref()).any(uses_error)
        }
        ExprKind::Binary(_, a, b) => uses_error(a) || uses_error(b),
        ExprKind::Formula(l, r) => l.as_deref().map(uses_error).unwrap_or(false) || uses_error(r),
        ExprKind::Paren(x) => uses_error(x),
        _ => false,
    }
}

/// Replaces (or appends) list element `name`, keeping the other attributes.
fn set_item(v: &Value, name: &str, val: Value) -> Value {
    let mut names: Vec<String> = v
        .names()
        .unwrap_or_default()
        .iter()
        .map(|n| n.as_deref().unwrap_or("").to_string())
        .collect();
    let mut items = v.list_vec().to_vec();
    match names.iter().position(|n| n == name) {
        Some(i) => items[i] = val,
        None => {
            names.push(name.to_string());
            items.push(val);
        }
    }
    let mut out = Value::list(items);
    if let Some(a) = v.attrs() {
        for (k, x) in a.iter() {
            out.set_attr(*k, x.clone());
        }
    }
    out.set_attr(sym("names"), Value::strings(&names));
    out
}

const AOV_FORMALS: &[&str] = &["formula", "data", "projections", "qr", "contrasts", "..."];

/// `aov(formula, data, ...)`: `lm` with the call recorded as `aov(...)` and class
/// `c("aov", "lm")`; with an `Error()` term the multi-stratum fit `.aov_strata` (R code).
fn aov(it: &mut Interp, _args: &[Arg], env: &Env, call: &Expr) -> EvalResult {
    let mcall = matched_call_expr(call, AOV_FORMALS);
    let ExprKind::Call(_, margs) = &mcall.kind else {
        return err("invalid call");
    };
    if margs.iter().any(|a| {
        a.name.map(|n| n.as_str() == "formula").unwrap_or(false)
            && a.value.as_ref().map(uses_error).unwrap_or(false)
    }) {
        // multi-stratum fits are R code (builtins/R/stats_aov_strata.R)
        let mut args: Vec<Arg> = margs.to_vec();
        let quoted = Expr::new(
            ExprKind::Call(
                std::rc::Rc::new(ident("quote")),
                vec![Arg { name: None, value: Some(mcall.clone()), span: call.span }].into(),
            ),
            call.span,
        );
        args.push(Arg { name: Some(sym("call")), value: Some(quoted), span: call.span });
        let strata = Expr::new(ExprKind::Call(std::rc::Rc::new(ident(".aov_strata")), args.into()), call.span);
        return it.eval(&strata, env);
    }
    let lm_args: Vec<Arg> = margs
        .iter()
        .filter(|a| {
            !matches!(
                a.name.map(|n| n.as_str().to_string()).as_deref(),
                Some("projections") | Some("qr")
            )
        })
        .cloned()
        .collect();
    let lm_call = Expr::new(ExprKind::Call(std::rc::Rc::new(ident("lm")), lm_args.into()), call.span);
    let fit = it.eval(&lm_call, env)?;
    let mut fit = set_item(
        &fit,
        "call",
        Value::Lang(Rc::new(Lang {
            expr: Rc::new(mcall),
            attrs: None,
        })),
    );
    // a matrix response gives an "mlm" fit: one aov per response (print.maov, summary.maov)
    let multi = fit.get_attr("class").and_then(|c| c.as_strings()).is_some_and(|c| c.iter().any(|k| k == "mlm"));
    let class: &[&str] = if multi { &["maov", "aov", "mlm", "lm"] } else { &["aov", "lm"] };
    fit.set_attr(sym("class"), Value::strings(class));
    Ok(fit)
}

fn caller_digits(it: &Interp) -> usize {
    crate::print::option_digits(it)
}

fn print_aov(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let text = format_aov(&x, caller_digits(it));
    it.write_out(&text);
    it.visible = false;
    Ok(x)
}

fn print_summary_aov(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let digits = m
        .get("digits")
        .and_then(|v| v.as_f64())
        .map(|d| d as usize)
        .unwrap_or_else(|| (caller_digits(it) as i32 - 3).max(3) as usize);
    let text = format_summary_aov(&x, digits);
    it.write_out(&text);
    it.visible = false;
    Ok(x)
}

fn print_tukey(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let digits = m
        .get("digits")
        .and_then(|v| v.as_f64())
        .map(|d| d as usize)
        .unwrap_or_else(|| caller_digits(it));
    let text = format_tukey(&x, digits);
    it.write_out(&text);
    it.visible = false;
    Ok(x)
}

/// `summary.aov(object, intercept = FALSE)`: a one-table `summary.aov` list.
fn summary_aov(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&[
        "object",
        "intercept",
        "split",
        "expand.split",
        "keep.zero.df",
        "...",
    ])?;
    let fit = m.req("object")?.clone();
    let intercept = m
        .get("intercept")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let t = term_ss(&fit);
    let mut rows = t.name.clone();
    let mut df: Vec<f64> = t.df.iter().map(|&d| d as f64).collect();
    let mut ss = t.ss.clone();
    if t.rdf > 0 {
        rows.push("Residuals".into());
        df.push(t.rdf as f64);
        ss.push(t.rss);
    }
    let nt = df.len();
    let na = crate::value::na_real();
    let ms: Vec<f64> = ss
        .iter()
        .zip(&df)
        .map(|(s, d)| if *d > 0.0 { s / d } else { na })
        .collect();
    let mut cols = vec![
        Value::dbls(df.clone()),
        Value::dbls(ss),
        Value::dbls(ms.clone()),
    ];
    let mut names: Vec<String> = vec!["Df".into(), "Sum Sq".into(), "Mean Sq".into()];
    if t.rdf > 0 {
        let rms = ms[nt - 1];
        let mut f: Vec<f64> = ms.iter().map(|x| x / rms).collect();
        let mut p: Vec<f64> = f
            .iter()
            .zip(&df)
            .map(|(f, d)| beta::pf(*f, *d, t.rdf as f64, false, false))
            .collect();
        f[nt - 1] = na;
        p[nt - 1] = na;
        cols.push(Value::dbls(f));
        cols.push(Value::dbls(p));
        names.push("F value".into());
        names.push("Pr(>F)".into());
    }
    // Row names padded to a common width (R's format(nmrows)), intercept row dropped.
    let w = rows.iter().map(|r| r.chars().count()).max().unwrap_or(0);
    let padded: Vec<String> = rows.iter().map(|r| format!("{:<w$}", r, w = w)).collect();
    let keep: Vec<usize> = (0..nt)
        .filter(|&i| intercept || rows[i] != "(Intercept)")
        .collect();
    let cols: Vec<Value> = cols
        .iter()
        .map(|c| {
            let v = c.dbl_vec();
            Value::dbls(keep.iter().map(|&i| v[i]).collect())
        })
        .collect();
    let rn: Vec<String> = keep.iter().map(|&i| padded[i].clone()).collect();
    let mut tab = crate::value::frame::make_df(cols, names, Value::strings(&rn));
    tab.set_attr(sym("class"), Value::strings(&["anova", "data.frame"]));
    let mut out = Value::list(vec![tab]);
    out.set_attr(sym("class"), Value::strings(&["summary.aov", "listof"]));
    if let Some(na) = field(&fit, "na.action") {
        out.set_attr(sym("na.action"), na);
    }
    Ok(out)
}

/// The QR factorisation stored in a fit's `qr` component.
fn fit_qr(fit: &Value) -> EvalResult<Qr> {
    let qr = field(fit, "qr").ok_or_else(|| {
        crate::error::RError::runtime("argument does not include a 'qr' component")
    })?;
    let qm = field(&qr, "qr").unwrap_or(Value::Null);
    let d = qm.dim().unwrap_or_default();
    if d.len() != 2 {
        return err("argument does not include a 'qr' component");
    }
    Ok(Qr {
        qr: qm.dbl_vec().to_vec(),
        n: d[0],
        p: d[1],
        qraux: field(&qr, "qraux")
            .map(|v| v.dbl_vec().to_vec())
            .unwrap_or_default(),
        pivot: field(&qr, "pivot")
            .map(|v| {
                v.int_vec()
                    .iter()
                    .map(|&k| (k - 1).max(0) as usize)
                    .collect()
            })
            .unwrap_or_default(),
        rank: field(&qr, "rank")
            .and_then(|v| v.as_i32())
            .unwrap_or(0)
            .max(0) as usize,
    })
}

/// One factor column of the model frame: integer codes (0-based, None for NA) and levels.
fn factor_codes(v: &Value) -> Option<(Vec<Option<usize>>, Vec<String>)> {
    if v.is_factor() {
        let lev = v
            .get_attr("levels")
            .and_then(|l| l.as_strings())
            .unwrap_or_default();
        let codes = v
            .int_vec()
            .iter()
            .map(|&c| if c >= 1 { Some(c as usize - 1) } else { None })
            .collect();
        return Some((codes, lev));
    }
    if v.vtype() == Some(VType::Str) {
        let s: Vec<Option<String>> = v
            .str_vec()
            .iter()
            .map(|x| x.as_deref().map(|y| y.to_string()))
            .collect();
        let mut lev: Vec<String> = s.iter().flatten().cloned().collect();
        lev.sort();
        lev.dedup();
        let codes = s
            .iter()
            .map(|x| x.as_ref().and_then(|y| lev.iter().position(|l| l == y)))
            .collect();
        return Some((codes, lev));
    }
    None
}

/// `TukeyHSD(x, which, ordered = FALSE, conf.level = 0.95)` for an `aov` fit.
fn tukey_hsd(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "which", "ordered", "conf.level", "..."])?;
    let fit = m.req("x")?.clone();
    if !fit.inherits("aov") {
        let cls = fit
            .class_attr()
            .and_then(|c| c.first().cloned())
            .unwrap_or_else(|| "list".into());
        return err(format!(
            "no applicable method for 'TukeyHSD' applied to an object of class \"{}\"",
            cls
        ));
    }
    let ordered = m
        .get("ordered")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let cl = m.get("conf.level").and_then(|v| v.as_f64()).unwrap_or(0.95);
    let fit = crate::builtins::stats::models::lm_blocked::expand_qr(it, &fit)?;
    let q = fit_qr(&fit)?;
    let n = q.n;
    let rank = q.rank;
    let eff: Vec<f64> = field(&fit, "effects")
        .map(|v| v.dbl_vec().to_vec())
        .unwrap_or_default();
    let assign: Vec<i32> = field(&fit, "assign")
        .map(|v| v.int_vec().to_vec())
        .unwrap_or_default();
    let asgn: Vec<usize> = (0..rank)
        .map(|k| assign.get(q.pivot[k]).copied().unwrap_or(0).max(0) as usize)
        .collect();
    let wts: Option<Vec<f64>> = field(&fit, "weights").map(|v| v.dbl_vec().to_vec());
    // Sequential projections of the response onto each term.
    let mut uterms: Vec<usize> = Vec::new();
    for &u in &asgn {
        if !uterms.contains(&u) {
            uterms.push(u);
        }
    }
    let mut proj: Vec<(usize, Vec<f64>)> = Vec::new();
    for &u in &uterms {
        let mut y = vec![0.0; n];
        for k in 0..rank {
            if asgn[k] == u {
                y[k] = eff.get(k).copied().unwrap_or(0.0);
            }
        }
        q.qy(&mut y);
        if let Some(w) = &wts {
            for (v, wi) in y.iter_mut().zip(w) {
                *v /= wi.sqrt();
            }
        }
        proj.push((u, y));
    }
    let tv = field(&fit, "terms").unwrap_or(Value::Null);
    let labels: Vec<String> = tv
        .get_attr("term.labels")
        .and_then(|v| v.as_strings())
        .unwrap_or_default();
    let fac = tv.get_attr("factors").cloned().unwrap_or(Value::Null);
    let fdim = fac.dim().unwrap_or_default();
    let var_names: Vec<String> = fac
        .get_attr("dimnames")
        .and_then(|d| d.list_vec().first().and_then(|x| x.as_strings()))
        .unwrap_or_default();
    let fv = fac.int_vec();
    let nv = fdim.first().copied().unwrap_or(0);
    let vars_of = |t: usize| -> Vec<usize> {
        (0..nv)
            .filter(|&v| fv.get(t * nv + v).copied().unwrap_or(0) > 0)
            .collect()
    };
    let model = field(&fit, "model").unwrap_or(Value::Null);
    let mnames = crate::value::frame::df_names(&model);
    let mcols = model.list_vec();
    // Terms with a projection, in term-label order.
    let present: Vec<usize> = (0..labels.len())
        .filter(|&t| uterms.contains(&(t + 1)))
        .collect();
    let chosen: Vec<usize> = match m.get("which") {
        None => present.clone(),
        Some(w) if w.vtype() == Some(VType::Str) => {
            let ws = w.as_strings().unwrap_or_default();
            ws.iter()
                .filter_map(|s| present.iter().copied().find(|&t| &labels[t] == s))
                .collect()
        }
        Some(w) => w
            .dbl_vec()
            .iter()
            .filter_map(|&i| {
                if i >= 1.0 {
                    present.get(i as usize - 1).copied()
                } else {
                    None
                }
            })
            .collect(),
    };
    let mse = field(&fit, "residuals")
        .map(|v| v.dbl_vec().iter().map(|r| r * r).sum::<f64>())
        .unwrap_or(0.0)
        / field(&fit, "df.residual")
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::NAN);
    let rdf = field(&fit, "df.residual")
        .and_then(|v| v.as_f64())
        .unwrap_or(f64::NAN);
    let column = |v: usize| {
        var_names
            .get(v)
            .and_then(|nm| mnames.iter().position(|x| x == nm))
            .and_then(|i| mcols.get(i))
    };
    // model.tables() counts replications for every term and warns about non-factors.
    let mut nonfactor: Vec<usize> = Vec::new();
    for &t in &present {
        let vars = vars_of(t);
        if vars
            .iter()
            .any(|&v| column(v).and_then(factor_codes).is_none())
        {
            nonfactor.push(t);
            let names: Vec<String> = vars
                .iter()
                .filter_map(|&v| var_names.get(v).cloned())
                .collect();
            it.warning(format!("non-factors ignored: {}", names.join(", ")));
        }
    }
    if nonfactor.len() == present.len() {
        return err("no factors in the fitted model");
    }
    if let Some(&t) = chosen.iter().find(|t| nonfactor.contains(t)) {
        return err(format!(
            "'which' specified a term that is not a factor: {}",
            labels[t]
        ));
    }
    let mut out_items: Vec<Value> = Vec::new();
    let mut out_names: Vec<String> = Vec::new();
    for &t in &chosen {
        let vars = vars_of(t);
        let facs: Vec<(Vec<Option<usize>>, Vec<String>)> = vars
            .iter()
            .filter_map(|&v| column(v).and_then(factor_codes))
            .collect();
        // Sum of the projections of the intercept and of every term within this one.
        let mut data = vec![0.0; n];
        for (u, p) in &proj {
            let inside = *u == 0 || vars_of(*u - 1).iter().all(|v| vars.contains(v));
            if inside {
                for (d, x) in data.iter_mut().zip(p) {
                    *d += x;
                }
            }
        }
        let ncell: usize = facs.iter().map(|f| f.1.len()).product();
        let mut sum = vec![0.0; ncell];
        let mut cnt = vec![0.0; ncell];
        'obs: for (i, d) in data.iter().enumerate() {
            let (mut idx, mut stride) = (0, 1);
            for f in &facs {
                match f.0.get(i).copied().flatten() {
                    Some(c) => idx += c * stride,
                    None => continue 'obs,
                }
                stride *= f.1.len();
            }
            sum[idx] += d;
            cnt[idx] += 1.0;
        }
        let mut means: Vec<f64> = sum
            .iter()
            .zip(&cnt)
            .map(|(s, c)| {
                if *c > 0.0 {
                    s / c
                } else {
                    crate::value::na_real()
                }
            })
            .collect();
        let mut nms: Vec<String> = (0..ncell)
            .map(|mut c| {
                let mut parts = Vec::new();
                for f in &facs {
                    parts.push(f.1[c % f.1.len()].clone());
                    c /= f.1.len();
                }
                parts.join(":")
            })
            .collect();
        if ordered {
            let mut ord: Vec<usize> = (0..ncell).collect();
            ord.sort_by(|&a, &b| match (means[a].is_nan(), means[b].is_nan()) {
                (false, false) => means[a]
                    .partial_cmp(&means[b])
                    .unwrap_or(std::cmp::Ordering::Equal),
                (x, y) => x.cmp(&y),
            });
            means = ord.iter().map(|&i| means[i]).collect();
            cnt = ord.iter().map(|&i| cnt[i]).collect();
            nms = ord.iter().map(|&i| nms[i].clone()).collect();
        }
        let k = ncell;
        let qcrit = tukey::qtukey(cl, 1.0, k as f64, rdf, true, false);
        let (mut center, mut lwr, mut upr, mut pv, mut rn) =
            (vec![], vec![], vec![], vec![], vec![]);
        for j in 0..k {
            for i in j + 1..k {
                let c = means[i] - means[j];
                let se = ((mse / 2.0) * (1.0 / cnt[i] + 1.0 / cnt[j])).sqrt();
                let w = qcrit * se;
                center.push(c);
                lwr.push(c - w);
                upr.push(c + w);
                pv.push(tukey::ptukey(
                    (c / se).abs(),
                    1.0,
                    k as f64,
                    rdf,
                    false,
                    false,
                ));
                rn.push(format!("{}-{}", nms[i], nms[j]));
            }
        }
        let np = center.len();
        let mut mat = Value::dbls([center, lwr, upr, pv].concat());
        mat.set_attr(sym("dim"), Value::ints(vec![np as i32, 4]));
        mat.set_attr(
            sym("dimnames"),
            Value::list(vec![
                Value::strings(&rn),
                Value::strings(&["diff", "lwr", "upr", "p adj"]),
            ]),
        );
        out_items.push(mat);
        out_names.push(labels[t].clone());
    }
    if out_items.is_empty() {
        return err("'which' specified no factors");
    }
    let mut out = Value::list(out_items);
    out.set_attr(sym("names"), Value::strings(&out_names));
    out.set_attr(sym("class"), Value::strings(&["TukeyHSD", "multicomp"]));
    out.set_attr(sym("orig.call"), field(&fit, "call").unwrap_or(Value::Null));
    out.set_attr(sym("conf.level"), Value::num(cl));
    out.set_attr(sym("ordered"), Value::lgl(ordered));
    Ok(out)
}

/// Recycles numeric arguments and applies `f` elementwise (NA in, NA out).
fn vectorised(it: &mut Interp, cols: Vec<Rc<Vec<f64>>>, f: &dyn Fn(&[f64]) -> f64) -> EvalResult {
    let n = if cols.iter().any(|c| c.is_empty()) {
        0
    } else {
        cols.iter().map(|c| c.len()).max().unwrap_or(0)
    };
    let mut out = Vec::with_capacity(n);
    let mut nan_made = false;
    let mut buf = vec![0.0; cols.len()];
    for i in 0..n {
        for (j, c) in cols.iter().enumerate() {
            buf[j] = c[i % c.len()];
        }
        if let Some(na) = buf.iter().find(|x| x.is_nan()) {
            out.push(*na);
            continue;
        }
        let v = f(&buf);
        nan_made |= v.is_nan();
        out.push(v);
    }
    if nan_made {
        it.warning("NaNs produced");
    }
    Ok(Value::dbls(out))
}

/// The numeric columns of a Tukey call, then `lower.tail` and `log.p`.
type TukeyArgs = (Vec<Rc<Vec<f64>>>, bool, bool);

fn tukey_args(a: Args, first: &str) -> EvalResult<TukeyArgs> {
    let formals = [first, "nmeans", "df", "nranges", "lower.tail", "log.p"];
    let m = a.matched(&formals)?;
    let mut cols = Vec::new();
    for (i, nm) in formals.iter().take(4).enumerate() {
        match m.get(nm) {
            Some(v)
                if matches!(
                    v.data(),
                    Some(Data::Lgl(_)) | Some(Data::Int(_)) | Some(Data::Dbl(_))
                ) && !v.is_factor() =>
            {
                cols.push(v.dbl_vec())
            }
            Some(_) => return err("Non-numeric argument to mathematical function"),
            None if i == 3 => cols.push(Rc::new(vec![1.0])),
            None => return err(format!("argument \"{}\" is missing, with no default", nm)),
        }
    }
    let lower = m
        .get("lower.tail")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let log_p = m
        .get("log.p")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    Ok((cols, lower, log_p))
}

/// `ptukey(q, nmeans, df, nranges = 1, lower.tail = TRUE, log.p = FALSE)`.
fn ptukey_fn(it: &mut Interp, a: Args) -> EvalResult {
    let (cols, lower, log_p) = tukey_args(a, "q")?;
    vectorised(it, cols, &|v| {
        tukey::ptukey(v[0], v[3], v[1], v[2], lower, log_p)
    })
}

/// `qtukey(p, nmeans, df, nranges = 1, lower.tail = TRUE, log.p = FALSE)`.
fn qtukey_fn(it: &mut Interp, a: Args) -> EvalResult {
    let (cols, lower, log_p) = tukey_args(a, "p")?;
    vectorised(it, cols, &|v| {
        tukey::qtukey(v[0], v[3], v[1], v[2], lower, log_p)
    })
}
