//! `lm` on large data: the design is never built as one matrix. A [`DesignPlan`] that
//! borrows the model frame's columns is the one block of rows of the least-squares fit
//! ([`lm_fit::fit`], the streamed fit's too); residuals and fitted values come from a
//! second parallel pass.
//!
//! The fit object has R's components and values. One difference: `qr$qr` holds only the
//! first `p` rows of R's compact factor (R's full `n x p` Householder vectors are not
//! kept), marked by the attribute `rsc.nrow` (the number of rows) on the `qr` list; and
//! `effects` past the rank are `Q'y` in this factorisation's basis (same sum of squares).
//! Methods that need the full Householder vectors call `expand_qr` first.

use crate::builtins::stats::models::fit_rows::FitRows;
use crate::builtins::stats::models::lm::LmParts;
use crate::builtins::stats::models::{lm_model_matrix, matrix, named_dbl, terms_value, Frame};

use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::design::VarCol;
use crate::stats::design_plan::DesignPlan;
use crate::stats::lm_fit::{self, Block, InMemory, TallFit};
use crate::stats::qr::lsfit;
use crate::stats::tsqr;
use crate::syntax::ast::Expr;
use crate::syntax::sym::Sym;
use crate::value::fields::field;
use crate::value::{Data, Lang, RStr, Strs, Value};
use std::rc::Rc;

/// The attribute on a fit's `qr` list marking a truncated (top rows only) factor.
pub(crate) const NROW_ATTR: &str = "rsc.nrow";

fn s(x: &str) -> Sym {
    Sym::new(x)
}

/// Per-row NA flags: a row is NA when any variable (any column of a matrix variable) is.
pub(crate) fn na_rows(cols: &[Value], n: usize) -> Vec<bool> {
    let mut na = vec![false; n];
    // which double columns have a NaN at all, looked for on every core first
    let dbl: Vec<(usize, &[f64])> = cols
        .iter()
        .enumerate()
        .filter_map(|(k, c)| match c.data() {
            Some(Data::Dbl(x)) => Some((k, &x[..])),
            _ => None,
        })
        .collect();
    let mut has_nan = vec![false; cols.len()];
    let slices: Vec<&[f64]> = dbl.iter().map(|(_, x)| *x).collect();
    for ((k, _), h) in dbl.iter().zip(any_nan(&slices)) {
        has_nan[*k] = h;
    }
    for (c, &nan) in cols.iter().zip(&has_nan) {
        let Some(d) = c.data() else { continue };
        let len = d.len();
        if n == 0 || len == 0 {
            continue;
        }
        let nc = match c.dim() {
            Some(dm) if dm.len() == 2 => dm[1],
            _ => 1,
        };
        let nr = len / nc.max(1);
        match d {
            Data::Dbl(x) => {
                if !nan {
                    continue;
                }
                for j in 0..nc {
                    let col = &x[j * nr..(j + 1) * nr];
                    if col.iter().any(|v| v.is_nan()) {
                        for (f, v) in na.iter_mut().zip(col) {
                            *f |= v.is_nan();
                        }
                    }
                }
            }
            Data::Str(x) if nc == 1 => {
                if let Some((codes, dict)) = x.codes() {
                    let na_code = |&c: &u32| dict.get(c as usize).is_none_or(|s| s.is_none());
                    if codes.iter().any(na_code) {
                        for (f, c) in na.iter_mut().zip(codes) {
                            *f |= na_code(c);
                        }
                    }
                } else if x.iter().any(|v| v.is_none()) {
                    for (f, v) in na.iter_mut().zip(x.iter()) {
                        *f |= v.is_none();
                    }
                }
            }
            Data::Int(x) | Data::Lgl(x) if nc == 1 => {
                if x.contains(&crate::value::NA_INT) {
                    for (f, v) in na.iter_mut().zip(x.iter()) {
                        *f |= *v == crate::value::NA_INT;
                    }
                }
            }
            _ => {
                for i in 0..len.min(nr * nc) {
                    if d.is_na(i) {
                        na[i % nr.max(1)] = true;
                    }
                }
            }
        }
    }
    na
}

/// Coefficients with R's NA for the NaN of aliased columns.
pub(crate) fn nan_as_na(v: &[f64]) -> Vec<f64> {
    v.iter()
        .map(|&c| {
            if c.is_nan() {
                crate::value::na_real()
            } else {
                c
            }
        })
        .collect()
}

/// Whether each column holds a NaN, the columns split among the threads.
fn any_nan(cols: &[&[f64]]) -> Vec<bool> {
    fn has(c: &[f64]) -> bool {
        c.chunks(1024)
            .any(|ch| ch.iter().fold(false, |a, v| a | v.is_nan()))
    }
    let threads = crate::stats::tsqr::threads();
    let total: usize = cols.iter().map(|c| c.len()).sum();
    if threads <= 1 || total < 1 << 20 {
        return cols.iter().map(|c| has(c)).collect();
    }
    std::thread::scope(|s| {
        let hs: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    cols.iter()
                        .map(|c| {
                            let k = c.len().div_ceil(threads).max(1);
                            c.chunks(k).nth(t).is_some_and(has)
                        })
                        .collect::<Vec<bool>>()
                })
            })
            .collect();
        let mut out = vec![false; cols.len()];
        for h in hs {
            // a thread that failed counts as having seen NaN everywhere (rows are then checked)
            let seen = h.join().unwrap_or_else(|_| vec![true; cols.len()]);
            for (o, x) in out.iter_mut().zip(seen) {
                *o |= x;
            }
        }
        out
    })
}

/// Whether row labels are the automatic `1..n` (as a rule, or written out).
fn auto_rows(rows: &Strs) -> bool {
    rows.is_count()
        || rows
            .iter()
            .enumerate()
            .all(|(i, r)| r.as_deref().and_then(|r| r.parse::<usize>().ok()) == Some(i + 1))
}

thread_local! {
    /// The last automatic names vector `"1".."n"` built, reused by later fits of as many rows.
    static AUTO_NAMES: std::cell::RefCell<Option<Value>> = const { std::cell::RefCell::new(None) };
}

/// A character vector of the row labels, for the names of per-observation components.
/// Automatic labels `1..n` are kept as a rule and come from a per-thread cache, so repeated
/// fits on the same data share one vector, written out at most once.
pub(crate) fn names_value(rows: &Strs) -> Value {
    if !rows.is_count() {
        return Value::from_data(Data::Str(Rc::new(rows.clone())));
    }
    let n = rows.len();
    AUTO_NAMES.with(|c| {
        let mut c = c.borrow_mut();
        match &*c {
            Some(v) if v.len() == n => v.clone(),
            _ => {
                let v = Value::from_data(Data::Str(Rc::new(Strs::count(n))));
                *c = Some(v.clone());
                v
            }
        }
    })
}

/// `n * p` from which `lm` takes the parallel path (`options(rsc.tsqr.min = )`, default 2e5,
/// so small fits keep R's exact serial factor).
pub(crate) fn tsqr_min(it: &Interp) -> f64 {
    it.options
        .iter()
        .find(|(k, _)| k == "rsc.tsqr.min")
        .and_then(|(_, v)| v.as_f64())
        .unwrap_or(2e5)
}

/// Fits `lm` by TSQR when the model is large enough and of the supported kind (a vector
/// response, positive weights if any); `None` leaves the fit to the serial path. The
/// offset is the sum of the formula's `offset()` terms and `extra_offset` (the `offset =`
/// argument, when the frame carries one).
#[allow(clippy::too_many_arguments)]
pub(super) fn try_lm(
    it: &mut Interp,
    fr: &Frame,
    vc: &[VarCol],
    facs: &[(String, Vec<String>, String)],
    y: &[f64],
    extra_offset: Option<&[f64]>,
    na_action: &str,
    call: &Expr,
) -> EvalResult<Option<Value>> {
    let n = fr.rows.len();
    let plan = DesignPlan::new(&fr.terms, vc, n);
    let p = plan.p();
    if p == 0 || n <= 2 * p + 1 || ((n * p) as f64) < tsqr_min(it) || y.len() != n {
        return Ok(None);
    }
    if let Some(w) = &fr.weights {
        if w.len() != n || w.iter().any(|v| !(*v > 0.0 && v.is_finite())) {
            return Ok(None);
        }
    }
    let mut offset: Option<Vec<f64>> = extra_offset.map(|o| o.to_vec());
    for &o in &fr.terms.offsets {
        let off = offset.get_or_insert_with(|| vec![0.0; n]);
        for (a, v) in off.iter_mut().zip(fr.cols[o].dbl_vec().iter()) {
            *a += v;
        }
    }
    let sw: Option<Vec<f64>> = fr
        .weights
        .as_ref()
        .map(|w| w.iter().map(|v| v.sqrt()).collect());
    let threads = tsqr::threads();
    let rows = Block {
        x: &plan,
        y,
        offset: offset.as_deref(),
        sw: sw.as_deref(),
    };
    let tf = match lm_fit::fit(&mut InMemory(rows), 1e-7, threads) {
        Ok(Some(tf)) => tf,
        Ok(None) => return Ok(None),
        Err(e) => return err(e),
    };
    let (fitted, resid) = tsqr::fitted_resid(&plan, &tf.coef, y, offset.as_deref(), threads);
    let (rank, piv) = (tf.rank, &tf.pivot);
    let colnames = &plan.colnames;
    let coef = nan_as_na(&tf.coef);
    // names shared by residuals and fitted values
    let row_names = names_value(&fr.rows);
    let with_names = |v: Vec<f64>| {
        let mut x = Value::dbls(v);
        x.set_attr(s("names"), row_names.clone());
        x
    };
    let mut effects = vec![0.0; n];
    effects[..tf.effects_head.len()].copy_from_slice(&tf.effects_head);
    let eff_names: Vec<RStr> = piv[..rank]
        .iter()
        .map(|&j| Some(Rc::from(colnames[j].as_str())))
        .collect();
    let mut effv = Value::dbls(effects);
    effv.set_attr(
        s("names"),
        Value::from_data(Data::Str(Rc::new(Strs::padded(eff_names, n)))),
    );
    let qr = tall_qr_value(&tf, colnames, &plan.assign, &fr.rows.labels(0..p), n);
    let (contrasts, xlevels) = crate::builtins::stats::models::contrasts_xlevels(
        &fr.terms,
        &crate::builtins::stats::models::logical_vars(&fr.cols),
        facs,
    );
    let tv = terms_value(&fr.terms, fr.lhs.clone(), fr.rhs.clone(), &fr.env);
    let mut mcols = fr.cols.clone();
    let mut mnames = fr.terms.var_labels.clone();
    if let Some(w) = &fr.weights {
        mcols.push(Value::dbls(w.clone()));
        mnames.push("(weights)".into());
    }
    let rn = if auto_rows(&fr.rows) {
        crate::value::frame::auto_row_names(n)
    } else {
        row_names.clone()
    };
    let mut model = crate::value::frame::make_df(mcols, mnames, rn);
    model.set_attr(s("terms"), tv.clone());
    let mut fit = LmParts {
        coef: named_dbl(coef, colnames),
        resid_fitted: Some((with_names(resid), with_names(fitted))),
        effects: effv,
        weights: fr.weights.as_ref().map(|w| with_names(w.clone())),
        rank,
        assign: plan.assign.clone(),
        qr,
        df_residual: n - rank,
        na_action: (!fr.omitted.is_empty())
            .then(|| crate::builtins::stats::models::na_action_value(&fr.omitted, na_action)),
        offset: offset.map(Value::dbls),
        contrasts,
        xlevels,
        call: Value::Lang(Rc::new(Lang {
            expr: Rc::new(call.clone()),
            attrs: None,
        })),
        terms: tv,
        model: Some(model),
    }
    .value();
    fit.set_attr(s("class"), Value::str("lm"));
    let _ = it;
    Ok(Some(fit))
}

/// R's `qr` list of a fit made by TSQR (in memory or streamed): the first `p` rows of the
/// compact factor, those rows named `rows`, marked with the `n` rows it stands for.
pub(crate) fn tall_qr_value(
    tf: &TallFit,
    colnames: &[String],
    assign: &[usize],
    rows: &[String],
    n: usize,
) -> Value {
    let (p, piv) = (colnames.len(), &tf.pivot);
    let piv_names: Vec<String> = piv.iter().map(|&j| colnames[j].clone()).collect();
    let mut qrm = matrix(tf.qr_top.clone(), p, p, Some(rows), Some(&piv_names));
    qrm.set_attr(
        s("assign"),
        Value::ints(piv.iter().map(|&j| assign[j] as i32).collect()),
    );
    let mut qr = crate::builtins::stats::models::qr_value(qrm, tf.qraux.clone(), piv, tf.rank);
    qr.set_attr(s(NROW_ATTR), Value::int(n as i32));
    qr
}

/// Rows of the fit a truncated `qr` stands for (`None` for a full factor).
pub(crate) fn truncated_rows(qr: &Value) -> Option<usize> {
    qr.get_attr(NROW_ATTR)
        .and_then(|v| v.as_f64())
        .map(|v| v as usize)
}

fn set_item(v: &Value, name: &str, val: Value) -> Value {
    let names = v.names().unwrap_or_default();
    let mut items = v.list_vec().to_vec();
    let mut out_names = names.clone();
    match names.iter().position(|n| n.as_deref() == Some(name)) {
        Some(i) => items[i] = val,
        None => {
            out_names.push(Some(Rc::from(name)));
            items.push(val);
        }
    }
    let mut out = Value::list(items);
    if let Some(a) = v.attrs() {
        for (k, x) in a.iter() {
            out.set_attr(*k, x.clone());
        }
    }
    out.set_attr(s("names"), Value::strs(out_names));
    out
}

/// An `lm` fit whose `qr` (and `effects`) are R's full serial ones: the fit itself when it
/// already has them, else refactorised from its model matrix (for methods that apply the
/// Householder vectors to whole columns: influence measures, projections).
pub(crate) fn expand_qr(it: &mut Interp, fit: &Value) -> EvalResult<Value> {
    let Some(qr) = field(fit, "qr") else {
        return Ok(fit.clone());
    };
    if truncated_rows(&qr).is_none() {
        return Ok(fit.clone());
    }
    let mm = lm_model_matrix(it, fit)?;
    let d = mm.dim().unwrap_or_default();
    let (n, p) = (
        d.first().copied().unwrap_or(0),
        d.get(1).copied().unwrap_or(0),
    );
    let mut x = mm.dbl_vec().to_vec();
    let mut y = FitRows::of(fit).ls_response();
    if let Some(off) = field(fit, "offset") {
        for (a, o) in y.iter_mut().zip(off.dbl_vec().iter()) {
            *a -= o;
        }
    }
    if let Some(w) = field(fit, "weights") {
        let sw: Vec<f64> = w.dbl_vec().iter().map(|v| v.sqrt()).collect();
        for j in 0..p {
            for i in 0..n {
                x[j * n + i] *= sw[i];
            }
        }
        for (a, w) in y.iter_mut().zip(&sw) {
            *a *= w;
        }
    }
    let tol = field(&qr, "tol").and_then(|v| v.as_f64()).unwrap_or(1e-7);
    let f = lsfit(&x, n, p, &y, tol);
    let old = field(&qr, "qr").unwrap_or(Value::Null);
    let mut qrm = Value::dbls(f.qr.qr);
    qrm.set_attr(s("dim"), Value::ints(vec![n as i32, p as i32]));
    let rows = mm
        .get_attr("dimnames")
        .and_then(|dn| dn.list_vec().first().cloned())
        .unwrap_or(Value::Null);
    let cols = old
        .get_attr("dimnames")
        .and_then(|dn| dn.list_vec().get(1).cloned())
        .unwrap_or(Value::Null);
    qrm.set_attr(s("dimnames"), Value::list(vec![rows, cols]));
    if let Some(a) = old.get_attr("assign") {
        qrm.set_attr(s("assign"), a.clone());
    }
    let mut newqr = set_item(&qr, "qr", qrm);
    newqr = set_item(&newqr, "qraux", Value::dbls(f.qr.qraux));
    newqr.set_attr(s(NROW_ATTR), Value::Null);
    let mut eff = Value::dbls(f.effects);
    if let Some(nm) = field(fit, "effects").and_then(|e| e.get_attr("names").cloned()) {
        eff.set_attr(s("names"), nm);
    }
    let out = set_item(fit, "qr", newqr);
    Ok(set_item(&out, "effects", eff))
}

/// Integer codes (1-based, 0 for NA) and levels of a factor-like model variable (a factor,
/// a character or a logical vector; `stored` levels from a fit's `xlevels` take precedence),
/// as R's model frame codes them: unstored character levels sorted, logicals FALSE first.
pub(crate) fn factor_codes(
    c: &Value,
    stored: Option<Vec<String>>,
    label: &str,
) -> Result<(Vec<u32>, Vec<String>), String> {
    use std::collections::{HashMap, HashSet};
    let lev: Vec<RStr> = if c.is_factor() {
        crate::builtins::base::factor::factor_levels(c)
    } else {
        vec![]
    };
    if c.is_factor() && stored.is_none() {
        let levels = lev
            .iter()
            .map(|x| x.as_deref().unwrap_or("NA").to_string())
            .collect();
        let codes = c
            .int_vec()
            .iter()
            .map(|&k| {
                if k >= 1
                    && lev
                        .get(k as usize - 1)
                        .map(|x| x.is_some())
                        .unwrap_or(false)
                {
                    k as u32
                } else {
                    0
                }
            })
            .collect();
        return Ok((codes, levels));
    }
    if !c.is_factor() {
        if let Some(Data::Str(x)) = c.data() {
            if let Some((codes, dict)) = x.codes() {
                return coded_factor(codes, dict, stored, label);
            }
        }
    }
    // codes by text, with a direct-mapped cache on the strings' addresses in front (values
    // drawn from a few shared strings then cost no hashing)
    let mut memo = vec![(0usize, 0usize, 0u32); 256];
    let slot = |x: &str| (x.as_ptr() as usize >> 4) & 255;
    let iv = if c.is_factor() {
        c.int_vec()
    } else {
        Rc::new(vec![])
    };
    let sv = if c.is_factor() {
        Rc::default()
    } else {
        c.str_vec()
    };
    let n = if c.is_factor() { iv.len() } else { sv.len() };
    let is_factor = c.is_factor();
    let label_at = |i: usize| -> Option<&str> {
        if is_factor {
            let k = iv[i];
            if k >= 1 {
                lev.get(k as usize - 1).and_then(|x| x.as_deref())
            } else {
                None
            }
        } else {
            sv[i].as_deref()
        }
    };
    let levels: Vec<String> = match stored {
        Some(st) => st,
        None => {
            let mut uniq: HashSet<&str> = HashSet::new();
            for x in (0..n).filter_map(label_at) {
                let k = slot(x);
                if memo[k].0 == x.as_ptr() as usize && memo[k].1 == x.len() {
                    continue;
                }
                memo[k] = (x.as_ptr() as usize, x.len(), 0);
                uniq.insert(x);
            }
            memo.iter_mut().for_each(|m| *m = (0, 0, 0));
            let mut l: Vec<String> = uniq.into_iter().map(String::from).collect();
            l.sort_by(|a, b| crate::value::collate::collate(a, b));
            if matches!(c.data(), Some(Data::Lgl(_))) {
                l.sort_by_key(|x| x == "TRUE");
            }
            l
        }
    };
    let mut index: HashMap<&str, u32> = HashMap::with_capacity(levels.len());
    for (i, l) in levels.iter().enumerate().rev() {
        index.insert(l.as_str(), i as u32 + 1);
    }
    let mut codes = Vec::with_capacity(n);
    for i in 0..n {
        match label_at(i) {
            None => codes.push(0),
            Some(x) => {
                let k = slot(x);
                if memo[k].0 == x.as_ptr() as usize && memo[k].1 == x.len() && memo[k].2 > 0 {
                    codes.push(memo[k].2);
                    continue;
                }
                match index.get(x) {
                    Some(&code) => {
                        memo[k] = (x.as_ptr() as usize, x.len(), code);
                        codes.push(code)
                    }
                    None => return Err(format!("factor {} has new level {}", label, x)),
                }
            }
        }
    }
    Ok((codes, levels))
}

/// [`factor_codes`] of text kept as codes into its distinct strings (as read from a file):
/// the levels come from the strings in use, and each row's code by table lookup.
fn coded_factor(
    codes: &[u32],
    dict: &[RStr],
    stored: Option<Vec<String>>,
    label: &str,
) -> Result<(Vec<u32>, Vec<String>), String> {
    use std::collections::HashMap;
    let mut used = vec![false; dict.len()];
    for &c in codes {
        if let Some(u) = used.get_mut(c as usize) {
            *u = true;
        }
    }
    let levels: Vec<String> = match stored {
        Some(st) => st,
        None => {
            let mut l: Vec<String> = dict
                .iter()
                .zip(&used)
                .filter(|(_, &u)| u)
                .filter_map(|(s, _)| s.as_deref().map(String::from))
                .collect();
            l.sort_by(|a, b| crate::value::collate::collate(a, b));
            l.dedup();
            l
        }
    };
    let index: HashMap<&str, u32> = levels
        .iter()
        .enumerate()
        .rev()
        .map(|(i, l)| (l.as_str(), i as u32 + 1))
        .collect();
    // the level of each string in use (0 for NA)
    let mut of = vec![0u32; dict.len()];
    for ((o, s), &u) in of.iter_mut().zip(dict).zip(&used) {
        if let (Some(s), true) = (s, u) {
            *o = *index
                .get(&**s)
                .ok_or_else(|| format!("factor {} has new level {}", label, s))?;
        }
    }
    let codes = codes
        .iter()
        .map(|&c| of.get(c as usize).copied().unwrap_or(0))
        .collect();
    Ok((codes, levels))
}
