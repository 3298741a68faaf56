//! Contrast matrix builtins: `contr.treatment`, `contr.sum`, `contr.helmert`, `contr.poly`.

use super::*;
use crate::builtins::Matched;

/// The levels a contrast function is asked for: `n` as a count or as the level names.
/// Returns the level labels and whether they were given as names.
fn levels_arg(n: &Value, fname: &str) -> EvalResult<(Vec<String>, bool)> {
    if matches!(n.data(), Some(Data::Str(_))) || n.is_factor() {
        let l = strings_of(n);
        if l.len() < 2 {
            return err(format!(
                "contrasts not defined for {} degrees of freedom",
                l.len() as i64 - 1
            ));
        }
        return Ok((l, true));
    }
    let k = n.as_f64().unwrap_or(f64::NAN);
    if n.len() > 1 {
        let l: Vec<String> = strings_of(n);
        return Ok((l, true));
    }
    if !(k.is_finite() && k >= 1.0) || k.fract() != 0.0 {
        return err(format!("invalid argument 'n' to {}", fname));
    }
    if k < 2.0 {
        return err("not enough degrees of freedom to define contrasts");
    }
    Ok(((1..=k as usize).map(|i| i.to_string()).collect(), false))
}

fn contrasts_flag(m: &Matched, i: &str) -> bool {
    m.get(i).and_then(|v| v.as_bool().flatten()).unwrap_or(true)
}

fn identity(levels: &[String]) -> Value {
    let k = levels.len();
    let mut d = vec![0.0; k * k];
    for i in 0..k {
        d[i * k + i] = 1.0;
    }
    matrix(d, k, k, Some(levels), Some(levels))
}

/// `contr.treatment(n, base = 1, contrasts = TRUE)`.
pub(crate) fn contr_treatment_fn(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["n", "base", "contrasts", "sparse"])?;
    let (levels, _) = levels_arg(m.req("n")?, "contr.treatment")?;
    if !contrasts_flag(&m, "contrasts") {
        return Ok(identity(&levels));
    }
    let k = levels.len();
    let base = m.get("base").and_then(|v| v.as_f64()).unwrap_or(1.0);
    if !(base >= 1.0 && base <= k as f64) {
        return err("baseline group number out of range");
    }
    let b = base as usize - 1;
    let keep: Vec<usize> = (0..k).filter(|&j| j != b).collect();
    let mut d = vec![0.0; k * (k - 1)];
    for (c, &j) in keep.iter().enumerate() {
        d[c * k + j] = 1.0;
    }
    let cols: Vec<String> = keep.iter().map(|&j| levels[j].clone()).collect();
    Ok(matrix(d, k, k - 1, Some(&levels), Some(&cols)))
}

fn unnamed_cols(c: design::Contrast, levels: &[String]) -> Value {
    let mut v = Value::dbls(c.data);
    v.set_attr(s("dim"), Value::ints(vec![c.k as i32, c.m as i32]));
    v.set_attr(
        s("dimnames"),
        Value::list(vec![Value::strings(levels), Value::Null]),
    );
    v
}

/// `contr.sum(n, contrasts = TRUE)`.
pub(crate) fn contr_sum_fn(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["n", "contrasts", "sparse"])?;
    let (levels, _) = levels_arg(m.req("n")?, "contr.sum")?;
    if !contrasts_flag(&m, "contrasts") {
        return Ok(identity(&levels));
    }
    Ok(unnamed_cols(design::contr_sum(levels.len()), &levels))
}

/// `contr.helmert(n, contrasts = TRUE)`.
pub(crate) fn contr_helmert_fn(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["n", "contrasts", "sparse"])?;
    let (levels, _) = levels_arg(m.req("n")?, "contr.helmert")?;
    if !contrasts_flag(&m, "contrasts") {
        return Ok(identity(&levels));
    }
    Ok(unnamed_cols(design::contr_helmert(levels.len()), &levels))
}

/// `contr.poly(n, scores = 1:n, contrasts = TRUE)`.
pub(crate) fn contr_poly_fn(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["n", "scores", "contrasts", "sparse"])?;
    let (levels, _) = levels_arg(m.req("n")?, "contr.poly")?;
    let k = levels.len();
    let scores: Vec<f64> = match m.get("scores") {
        Some(v) => v.dbl_vec().to_vec(),
        None => (1..=k).map(|i| i as f64).collect(),
    };
    if scores.len() != k {
        return err("'scores' argument is of the wrong length");
    }
    let c = design::contr_poly_scores(&scores);
    if !contrasts_flag(&m, "contrasts") {
        let mut data = vec![1.0; k];
        data.extend(c.data);
        let cols: Vec<String> = (0..k).map(|j| format!("^{}", j)).collect();
        return Ok(matrix(data, k, k, None, Some(&cols)));
    }
    Ok(matrix(c.data, k, c.m, None, c.colnames.as_deref()))
}

/// `contrasts(x, contrasts = TRUE)`: the contrast matrix a factor gets in a model.
pub(crate) fn contrasts_fn(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "contrasts", "sparse"])?;
    let x = m.req("x")?.clone();
    let (levels, ordered): (Vec<String>, bool) =
        if matches!(x.data(), Some(Data::Lgl(_))) && !x.is_factor() {
            (vec!["FALSE".into(), "TRUE".into()], false)
        } else if x.is_factor() {
            (
                crate::builtins::base::factor::factor_levels(&x)
                    .iter()
                    .map(|l| l.as_deref().unwrap_or("NA").to_string())
                    .collect(),
                x.inherits("ordered"),
            )
        } else {
            return err("contrasts apply only to factors");
        };
    if !contrasts_flag(&m, "contrasts") {
        return Ok(identity(&levels));
    }
    if let Some(ctr) = x.get_attr("contrasts") {
        if ctr.dim().is_some() {
            return Ok(ctr.clone());
        }
    }
    if levels.len() < 2 {
        return err(format!(
            "contrasts not defined for {} degrees of freedom",
            levels.len() as i64 - 1
        ));
    }
    let kind = contrast_name(it, "", Some(&x), ordered, None);
    let lv = Value::strings(&levels);
    match kind.as_str() {
        "contr.sum" => contr_sum_fn(it, Args::positional(vec![lv])),
        "contr.helmert" => contr_helmert_fn(it, Args::positional(vec![lv])),
        "contr.poly" => contr_poly_fn(it, Args::positional(vec![lv])),
        _ => contr_treatment_fn(it, Args::positional(vec![lv])),
    }
}
