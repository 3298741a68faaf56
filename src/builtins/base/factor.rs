//! Factors and grouping: factor, as.factor, ordered, droplevels, relevel, addNA, table,
//! cut, findInterval, split, unsplit, tapply, interaction.

use crate::builtins::base::matrix::set_dimnames_parts;
use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::factor::factor_as_strings;
use crate::value::{Data, RStr, VType, Value, NA_INT};
use std::cmp::Ordering;
use std::rc::Rc;

/// The factor family's builtins.
pub const BUILTINS: &[Builtin] = &[
    declared("factor", factor),
    declared("as.factor", as_factor),
    declared("ordered", ordered),
    declared("droplevels", droplevels),
    declared("relevel", relevel),
    declared("addNA", add_na),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("factor",
            "factor(x = character(), levels, labels = levels, exclude = NA, ordered = is.ordered(x), nmax = NA)",
            "Encodes x as a factor: integer codes with a levels attribute. levels defaults to the sorted distinct \
             values of x, labels renames them, and values not among the levels become NA. ordered = TRUE makes an \
             ordered factor."),
        doc("as.factor", "as.factor(x)",
            "Converts x to a factor with its sorted distinct values as levels; a factor is returned unchanged."),
        doc("ordered", "ordered(x, levels, labels = levels, exclude = NA)",
            "Creates an ordered factor, whose levels are taken as increasing in the order given, so comparisons \
             such as < work."),
        doc("droplevels", "droplevels(x, exclude, ...)",
            "Removes unused levels from a factor, or from every factor column of a data frame."),
        doc("relevel", "relevel(x, ref, ...)",
            "Moves the level ref to the front of an unordered factor's levels, making it the baseline for model \
             contrasts."),
        doc("addNA", "addNA(x, ifany = FALSE)",
            "Adds NA as a level of the factor x, so that missing values are counted as a category (only when \
             present, with ifany = TRUE)."),
    ]
};

pub(crate) fn sym(s: &str) -> Sym {
    Sym::new(s)
}

pub(crate) fn flag(v: Option<&Value>, default: bool) -> bool {
    v.and_then(|x| x.as_bool().flatten()).unwrap_or(default)
}

pub(crate) fn rs(s: &str) -> RStr {
    Some(Rc::from(s))
}

/// The levels of a factor as strings.
pub fn factor_levels(x: &Value) -> Vec<RStr> {
    x.get_attr("levels")
        .map(|l| l.str_vec().to_vec())
        .unwrap_or_default()
}

/// Builds a factor from 1-based codes (NA_INT for NA) and levels.
pub fn make_factor(codes: Vec<i32>, levels: Vec<RStr>, ordered: bool) -> Value {
    let mut f = Value::ints(codes);
    f.set_attr(sym("levels"), Value::strs(levels));
    let cls = if ordered {
        Value::strings(&["ordered", "factor"])
    } else {
        Value::str("factor")
    };
    f.set_attr(sym("class"), cls);
    f
}

/// Sorted unique non-NA values of `x` as R's `factor()` orders them (numbers numerically,
/// strings in collation order), converted to strings.
fn sorted_levels(x: &Data) -> Vec<RStr> {
    let n = x.len();
    let mut idx: Vec<usize> = (0..n).filter(|&i| !x.is_na(i)).collect();
    match x {
        Data::Dbl(v) => idx.sort_by(|&a, &b| v[a].partial_cmp(&v[b]).unwrap_or(Ordering::Equal)),
        Data::Int(v) | Data::Lgl(v) => idx.sort_by_key(|&i| v[i]),
        Data::Cplx(v) => idx.sort_by(|&a, &b| crate::value::complex::cplx_cmp(v[a], v[b])),
        Data::Str(v) => idx.sort_by(|&a, &b| match (&v[a], &v[b]) {
            (Some(x), Some(y)) => crate::value::collate::collate(x, y),
            (x, y) => x.is_none().cmp(&y.is_none()),
        }),
        Data::List(_) => {}
    }
    let strs = x.to_str();
    let mut out: Vec<RStr> = Vec::new();
    for i in idx {
        if out.last() != Some(&strs[i]) && !out.contains(&strs[i]) {
            out.push(strs[i].clone());
        }
    }
    out
}

fn has_na(x: &Data) -> bool {
    (0..x.len()).any(|i| x.is_na(i))
}

/// `factor(x, levels, labels, exclude, ordered)` on evaluated values.
pub fn make_factor_from(
    x: &Value,
    levels: Option<&Value>,
    labels: Option<&Value>,
    exclude: Option<&Value>,
    ordered: bool,
) -> EvalResult {
    if let Some(text) = crate::builtins::base::dates::time_text(x) {
        // dates and times are factored by their text, levels in time order
        let lev = match levels {
            Some(l) => Value::strs(crate::builtins::base::dates::time_text(l).unwrap_or_else(|| l.str_vec().to_vec())),
            None => Value::strs(crate::builtins::base::dates::time_levels(x).unwrap_or_default()),
        };
        return make_factor_from(&Value::strs(text), Some(&lev), labels, exclude, ordered);
    }
    let (data, mut lev) = if x.is_factor() {
        let s = factor_as_strings(x);
        let old = factor_levels(x);
        let d = s.data().cloned().unwrap_or(Data::Str(Rc::default()));
        let present: Vec<RStr> = old
            .iter()
            .filter(|l| match &d {
                Data::Str(v) => v.contains(l),
                _ => false,
            })
            .cloned()
            .collect();
        (d, present)
    } else {
        let d = x.data().cloned().unwrap_or(Data::Str(Rc::default()));
        let l = sorted_levels(&d);
        (d, l)
    };
    let keep_na = exclude
        .map(|e| !e.str_vec().contains(&None))
        .unwrap_or(false);
    if keep_na && has_na(&data) {
        lev.push(None);
    }
    if let Some(l) = levels {
        lev = factor_as_strings(l).str_vec().to_vec();
    }
    if let Some(ex) = exclude.filter(|e| !e.is_null()) {
        let ex = factor_as_strings(ex).str_vec().to_vec();
        lev.retain(|l| !ex.contains(l));
    }
    if labels.is_none() {
        if let Some(k) = (1..lev.len()).find(|&k| lev[..k].contains(&lev[k])) {
            return err(format!("factor level [{}] is duplicated", k + 1));
        }
    }
    let strs = data.to_str();
    let codes: Vec<i32> = strs
        .iter()
        .map(|s| match lev.iter().position(|l| l == s) {
            Some(p) => p as i32 + 1,
            None => NA_INT,
        })
        .collect();
    let mut out_levels = lev.clone();
    let mut codes = codes;
    if let Some(lab) = labels {
        let lab = lab.str_vec().to_vec();
        if lab.len() == lev.len() {
            // duplicated labels merge levels
            let mut uniq: Vec<RStr> = Vec::new();
            let mut map = Vec::new();
            for l in &lab {
                match uniq.iter().position(|u| u == l) {
                    Some(p) => map.push(p as i32 + 1),
                    None => {
                        uniq.push(l.clone());
                        map.push(uniq.len() as i32);
                    }
                }
            }
            codes = codes
                .iter()
                .map(|&c| if c == NA_INT { c } else { map[c as usize - 1] })
                .collect();
            out_levels = uniq;
        } else if lab.len() == 1 {
            let base = lab[0].as_deref().unwrap_or("NA");
            out_levels = (1..=lev.len())
                .map(|i| rs(&format!("{}{}", base, i)))
                .collect();
        } else {
            return err(format!(
                "invalid 'labels'; length {} should be 1 or {}",
                lab.len(),
                lev.len()
            ));
        }
    }
    let mut f = make_factor(codes, out_levels, ordered);
    if let Some(n) = x.get_attr("names") {
        // names go before levels/class as R stores them
        let levels = f.get_attr("levels").cloned().unwrap_or(Value::Null);
        let class = f.get_attr("class").cloned().unwrap_or(Value::Null);
        f.clear_attrs();
        f.set_attr(sym("levels"), levels);
        f.set_attr(sym("names"), n.clone());
        f.set_attr(sym("class"), class);
    }
    Ok(f)
}

fn factor(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or_else(|| Value::strs(vec![]));
    let ordered = match m.get("ordered") {
        Some(v) => v.as_bool().flatten().unwrap_or(false),
        None => x.inherits("ordered"),
    };
    let ex = match m.get("exclude") {
        Some(e) if e.is_na_scalar() => None,
        e => e.cloned(),
    };
    make_factor_from(&x, m.get("levels"), m.get("labels"), ex.as_ref(), ordered)
}

fn as_factor(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    if x.is_factor() {
        return Ok(x.clone());
    }
    make_factor_from(x, None, None, None, false)
}

fn ordered(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or_else(|| Value::strs(vec![]));
    make_factor_from(&x, m.get("levels"), m.get("labels"), None, true)
}

fn droplevels(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    if x.is_data_frame() {
        let mut out = x.clone();
        let cols: Vec<Value> = x
            .list_vec()
            .iter()
            .map(|c| {
                if c.is_factor() {
                    make_factor_from(c, None, None, None, c.inherits("ordered"))
                } else {
                    Ok(c.clone())
                }
            })
            .collect::<EvalResult<Vec<Value>>>()?;
        if let Value::Vector(v) = &mut out {
            v.data = crate::value::Data::List(std::rc::Rc::new(cols));
        }
        return Ok(out);
    }
    if !x.is_factor() {
        return err(
            "no applicable method for 'droplevels' applied to an object of class \"character\"",
        );
    }
    make_factor_from(x, None, None, None, x.inherits("ordered"))
}

fn relevel(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    if x.inherits("ordered") {
        return err("'relevel' only for unordered factors");
    }
    if !x.is_factor() {
        return err("'relevel' only for (unordered) factors");
    }
    let lev = factor_levels(&x);
    let r = m.req("ref")?;
    let pos = match r.vtype() {
        Some(VType::Str) => {
            let s = r.as_string();
            match lev.iter().position(|l| l.as_deref() == s.as_deref()) {
                Some(p) => p,
                None => return err("'ref' must be an existing level".to_string()),
            }
        }
        _ => {
            let i = r.as_i32().unwrap_or(NA_INT);
            if i == NA_INT || i < 1 || i as usize > lev.len() {
                return err(format!("ref = {} must be in 1L:{}", i, lev.len()));
            }
            i as usize - 1
        }
    };
    let mut order: Vec<usize> = vec![pos];
    order.extend((0..lev.len()).filter(|&i| i != pos));
    let new_levels: Vec<RStr> = order.iter().map(|&i| lev[i].clone()).collect();
    let codes: Vec<i32> = x
        .int_vec()
        .iter()
        .map(|&c| {
            if c == NA_INT {
                c
            } else {
                order
                    .iter()
                    .position(|&o| o as i32 == c - 1)
                    .map(|p| p as i32 + 1)
                    .unwrap_or(NA_INT)
            }
        })
        .collect();
    let mut out = x.clone();
    if let Value::Vector(v) = &mut out {
        v.data = Data::Int(Rc::new(codes));
    }
    out.set_attr(sym("levels"), Value::strs(new_levels));
    Ok(out)
}

fn add_na(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let f = if x.is_factor() {
        x.clone()
    } else {
        make_factor_from(x, None, None, None, false)?
    };
    let ifany = flag(m.get("ifany"), false);
    let codes = f.int_vec();
    let any = codes.contains(&NA_INT);
    let mut lev = factor_levels(&f);
    if (ifany && !any) || lev.contains(&None) {
        return Ok(f);
    }
    lev.push(None);
    let n = lev.len() as i32;
    let mut out = f.clone();
    if let Value::Vector(v) = &mut out {
        v.data = Data::Int(Rc::new(
            codes
                .iter()
                .map(|&c| if c == NA_INT { n } else { c })
                .collect(),
        ));
    }
    out.set_attr(sym("levels"), Value::strs(lev));
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// table

/// Cross-tabulates factors (codes and levels) into an integer array of class "table".
pub fn cross_table(factors: &[(Vec<i32>, Vec<RStr>)], names: Vec<RStr>) -> EvalResult {
    let dims: Vec<usize> = factors.iter().map(|(_, l)| l.len()).collect();
    let n = factors.first().map(|(c, _)| c.len()).unwrap_or(0);
    if factors.iter().any(|(c, _)| c.len() != n) {
        return err("all arguments must have the same length");
    }
    if dims.iter().map(|&d| d as f64).product::<f64>() >= 2147483648.0 {
        return err("attempt to make a table with >= 2^31 elements");
    }
    let total: usize = dims.iter().product();
    let mut counts = vec![0i32; total];
    'obs: for i in 0..n {
        let mut pos = 0;
        let mut stride = 1;
        for ((codes, _), &d) in factors.iter().zip(&dims) {
            let c = codes[i];
            if c == NA_INT {
                continue 'obs;
            }
            pos += (c as usize - 1) * stride;
            stride *= d;
        }
        counts[pos] += 1;
    }
    let mut t = Value::ints(counts);
    t.set_attr(
        sym("dim"),
        Value::ints(dims.iter().map(|&d| d as i32).collect()),
    );
    set_dimnames_parts(
        &mut t,
        factors.iter().map(|(_, l)| Some(l.clone())).collect(),
        Some(names),
    );
    t.set_attr(sym("class"), Value::str("table"));
    Ok(t)
}

// ---------------------------------------------------------------------------------------
// cut and findInterval

/// C's `%.{digits}g` formatting, as `formatC(x, digits, width = 1)` gives.
pub fn format_g(x: f64, digits: usize) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Inf".into() } else { "-Inf".into() };
    }
    if x == 0.0 {
        return "0".into();
    }
    let p = digits.max(1);
    let s = format!("{:.*e}", p - 1, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let strip = |t: &str| -> String {
        if t.contains('.') {
            t.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            t.to_string()
        }
    };
    if e < -4 || e >= p as i32 {
        format!(
            "{}e{}{:02}",
            strip(m),
            if e < 0 { '-' } else { '+' },
            e.abs()
        )
    } else {
        strip(&format!("{:.*}", (p as i32 - 1 - e).max(0) as usize, x))
    }
}

pub(crate) fn bincode(x: f64, b: &[f64], right: bool, lowest: bool) -> i32 {
    let nb = b.len();
    if x.is_nan() || nb < 2 || x < b[0] || x > b[nb - 1] {
        return NA_INT;
    }
    if x == b[if right { 0 } else { nb - 1 }] && !lowest {
        return NA_INT;
    }
    let (mut lo, mut hi) = (0usize, nb - 1);
    while hi - lo >= 2 {
        let mid = (hi + lo) / 2;
        if x > b[mid] || (!right && x == b[mid]) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo as i32 + 1
}

// ---------------------------------------------------------------------------------------
// split, unsplit, tapply, interaction

pub(crate) fn as_factor_value(f: &Value) -> EvalResult {
    if f.is_factor() {
        Ok(f.clone())
    } else {
        make_factor_from(f, None, None, None, false)
    }
}

/// Combines factors as `interaction(..., sep = ".")` does (first factor varies fastest).
pub fn interaction_of(fs: &[Value], drop: bool, sep: &str) -> EvalResult {
    interaction_lex(fs, drop, sep, false)
}

/// `interaction`; with `lex` (lex.order = TRUE) the first factor varies slowest.
pub(crate) fn interaction_lex(fs: &[Value], drop: bool, sep: &str, lex: bool) -> EvalResult {
    let mut codes: Vec<i32> = Vec::new();
    let mut levels: Vec<RStr> = Vec::new();
    for (k, f) in fs.iter().enumerate() {
        let f = as_factor_value(f)?;
        let c = f.int_vec();
        let l = factor_levels(&f);
        if k == 0 {
            codes = c.to_vec();
            levels = l;
            continue;
        }
        // a zero-length factor makes the interaction zero-length, as in R
        let n = if codes.is_empty() || c.is_empty() {
            0
        } else {
            codes.len().max(c.len())
        };
        let nl = levels.len() as i32;
        codes = (0..n)
            .map(|i| {
                let (a, b) = (codes[i % codes.len().max(1)], c[i % c.len().max(1)]);
                if a == NA_INT || b == NA_INT {
                    NA_INT
                } else if lex {
                    (a - 1) * l.len() as i32 + b
                } else {
                    (b - 1) * nl + a
                }
            })
            .collect();
        let mut nlv = Vec::new();
        let lab = |la: &RStr, lb: &RStr| {
            rs(&format!(
                "{}{}{}",
                la.as_deref().unwrap_or("NA"),
                sep,
                lb.as_deref().unwrap_or("NA")
            ))
        };
        if lex {
            for la in &levels {
                for lb in &l {
                    nlv.push(lab(la, lb));
                }
            }
        } else {
            for lb in &l {
                for la in &levels {
                    nlv.push(lab(la, lb));
                }
            }
        }
        levels = nlv;
    }
    let f = make_factor(codes, levels, false);
    if drop {
        make_factor_from(&f, None, None, None, false)
    } else {
        Ok(f)
    }
}

pub(crate) fn grouping(f: &Value) -> EvalResult {
    if f.vtype() == Some(VType::List) && !f.is_factor() {
        let fs = f.list_vec().to_vec();
        interaction_of(&fs, false, ".")
    } else {
        as_factor_value(f)
    }
}

/// `unsplit` of a list of frames: row `i` is the next unused row of the frame of its group;
/// row names come from the pieces.
pub(crate) fn unsplit_frames(value: &[Value], out: &[Option<(usize, usize)>]) -> EvalResult {
    let all = crate::builtins::base::frame_verbs::df_rbind(
        value.iter().map(|v| (None, v.clone())).collect(),
    )?;
    let mut offsets = Vec::with_capacity(value.len());
    let mut total = 0usize;
    let mut names: Vec<String> = Vec::new();
    for v in value {
        offsets.push(total);
        total += crate::value::frame::df_nrow(v);
        names.extend(
            crate::value::frame::df_row_names(v)
                .str_vec()
                .iter()
                .map(|s| s.as_deref().unwrap_or("NA").to_string()),
        );
    }
    let rows: Vec<Option<usize>> = out
        .iter()
        .map(|o| o.map(|(g, k)| offsets[g] + k).filter(|&r| r < total))
        .collect();
    let mut res = crate::value::frame::df_take_rows(&all, &rows);
    let mut rn: Vec<String> = rows
        .iter()
        .map(|r| r.map(|r| names[r].clone()).unwrap_or_else(|| "NA".into()))
        .collect();
    crate::value::frame::make_unique(&mut rn);
    res.set_attr(sym("row.names"), Value::strings(&rn));
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::builtins::base::matrix::dimnames_parts;
    use crate::builtins::base::matrix::tests::{call, dims, msg, n, ok, p, strs};

    fn levels_of(v: &Value) -> Vec<String> {
        strs(&Some(factor_levels(v)))
    }

    #[test]
    fn factors() {
        let mut it = crate::builtins::interp();
        let f = ok(call(
            &mut it,
            "factor",
            vec![p(Value::dbls(vec![
                10.0,
                2.0,
                10.0,
                crate::value::na_real(),
            ]))],
        ));
        assert_eq!(levels_of(&f), vec!["2", "10"]);
        assert_eq!(*f.int_vec(), vec![2, 1, 2, NA_INT]);
        assert_eq!(f.class_attr(), Some(vec!["factor".to_string()]));
        let f = ok(call(
            &mut it,
            "factor",
            vec![p(Value::strings(&["b", "a", "B"]))],
        ));
        assert_eq!(levels_of(&f), vec!["a", "b", "B"]);
        let f = ok(call(
            &mut it,
            "factor",
            vec![
                p(Value::dbls(vec![3.0, 1.0, crate::value::na_real(), 1.0])),
                n("exclude", Value::Null),
            ],
        ));
        assert_eq!(levels_of(&f), vec!["1", "3", "NA"]);
        assert_eq!(*f.int_vec(), vec![2, 1, 3, 1]);
        let f = ok(call(
            &mut it,
            "factor",
            vec![
                p(Value::strings(&["b", "a"])),
                n("labels", Value::strings(&["x", "y"])),
            ],
        ));
        assert_eq!(levels_of(&f), vec!["x", "y"]);
        assert_eq!(*f.int_vec(), vec![2, 1]);
        assert_eq!(
            msg(call(
                &mut it,
                "factor",
                vec![
                    p(Value::strings(&["b", "a"])),
                    n("labels", Value::strings(&["x", "y", "z"]))
                ]
            )),
            "invalid 'labels'; length 3 should be 1 or 2"
        );
        let f = ok(call(
            &mut it,
            "factor",
            vec![
                p(Value::strings(&["lo", "hi"])),
                n("levels", Value::strings(&["lo", "mid", "hi"])),
            ],
        ));
        assert_eq!(levels_of(&f), vec!["lo", "mid", "hi"]);
        let d = ok(call(&mut it, "droplevels", vec![p(f.clone())]));
        assert_eq!(levels_of(&d), vec!["lo", "hi"]);
        let r = ok(call(
            &mut it,
            "relevel",
            vec![p(f.clone()), p(Value::str("hi"))],
        ));
        assert_eq!(levels_of(&r), vec!["hi", "lo", "mid"]);
        assert_eq!(*r.int_vec(), vec![2, 1]);
        assert_eq!(
            msg(call(&mut it, "relevel", vec![p(f), p(Value::str("z"))])),
            "'ref' must be an existing level"
        );
        let o = ok(call(
            &mut it,
            "ordered",
            vec![p(Value::strings(&["b", "a"]))],
        ));
        assert_eq!(
            o.class_attr(),
            Some(vec!["ordered".to_string(), "factor".to_string()])
        );
        let a = ok(call(&mut it, "addNA", vec![p(o)]));
        assert_eq!(levels_of(&a), vec!["a", "b", "NA"]);
    }

    #[test]
    fn tables() {
        let mut it = crate::builtins::interp();
        let t = ok(call(
            &mut it,
            "table",
            vec![p(Value::strings(&["b", "a", "b"]))],
        ));
        assert_eq!(*t.int_vec(), vec![1, 2]);
        assert_eq!(t.vtype(), Some(VType::Int));
        assert_eq!(dims(&t), vec![2]);
        assert!(t.inherits("table"));
        assert_eq!(
            strs(&t.get_attr("dimnames").and_then(|d| d.names())),
            vec![""]
        );
        let t = ok(call(
            &mut it,
            "table",
            vec![
                n("a", Value::dbls(vec![1.0, 2.0])),
                n("b", Value::strings(&["x", "y"])),
            ],
        ));
        assert_eq!(dims(&t), vec![2, 2]);
        assert_eq!(*t.int_vec(), vec![1, 0, 0, 1]);
        assert_eq!(
            strs(&t.get_attr("dimnames").and_then(|d| d.names())),
            vec!["a", "b"]
        );
        let na = crate::value::na_real();
        let t = ok(call(
            &mut it,
            "table",
            vec![
                p(Value::dbls(vec![1.0, na, 1.0])),
                n("useNA", Value::str("ifany")),
            ],
        ));
        assert_eq!(*t.int_vec(), vec![2, 1]);
        assert_eq!(strs(&dimnames_parts(&t)[0]), vec!["1", "NA"]);
        let t = ok(call(
            &mut it,
            "table",
            vec![p(Value::dbls(vec![1.0, na, 1.0]))],
        ));
        assert_eq!(*t.int_vec(), vec![2]);
    }

    #[test]
    fn cut_and_intervals() {
        let mut it = crate::builtins::interp();
        let x = Value::dbls(vec![1.0, 5.0, 10.0]);
        let c = ok(call(&mut it, "cut", vec![p(x.clone()), p(Value::num(3.0))]));
        assert_eq!(levels_of(&c), vec!["(0.991,4]", "(4,7]", "(7,10]"]);
        assert_eq!(*c.int_vec(), vec![1, 2, 3]);
        let c = ok(call(
            &mut it,
            "cut",
            vec![p(x.clone()), p(Value::dbls(vec![0.0, 5.0, 10.0]))],
        ));
        assert_eq!(levels_of(&c), vec!["(0,5]", "(5,10]"]);
        assert_eq!(*c.int_vec(), vec![1, 1, 2]);
        let c = ok(call(
            &mut it,
            "cut",
            vec![
                p(x.clone()),
                p(Value::dbls(vec![0.0, 5.0, 10.0])),
                n("right", Value::lgl(false)),
                n("include.lowest", Value::lgl(true)),
            ],
        ));
        assert_eq!(levels_of(&c), vec!["[0,5)", "[5,10]"]);
        assert_eq!(*c.int_vec(), vec![1, 2, 2]);
        let c = ok(call(
            &mut it,
            "cut",
            vec![p(Value::dbls(vec![0.001234, 1.5])), p(Value::num(2.0))],
        ));
        assert_eq!(levels_of(&c), vec!["(-0.000265,0.751]", "(0.751,1.5]"]);
        let c = ok(call(
            &mut it,
            "cut",
            vec![
                p(x.clone()),
                p(Value::dbls(vec![0.0, 5.0, 10.0])),
                n("labels", Value::lgl(false)),
            ],
        ));
        assert_eq!(
            (c.vtype(), (*c.int_vec()).clone()),
            (Some(VType::Int), vec![1, 1, 2])
        );
        let c = ok(call(
            &mut it,
            "cut",
            vec![
                p(Value::ints((1..=100).collect())),
                p(Value::dbls(vec![0.0, 25.5, 1e6])),
            ],
        ));
        assert_eq!(levels_of(&c), vec!["(0,25.5]", "(25.5,1e+06]"]);
        let fi = ok(call(
            &mut it,
            "findInterval",
            vec![
                p(Value::dbls(vec![0.0, 1.5, 3.0, crate::value::na_real()])),
                p(Value::dbls(vec![1.0, 2.0, 3.0])),
            ],
        ));
        assert_eq!(*fi.int_vec(), vec![0, 1, 3, NA_INT]);
        assert_eq!(format_g(123456789.0, 3), "1.23e+08");
        assert_eq!(format_g(0.0001234, 3), "0.000123");
    }

    #[test]
    fn grouping() {
        let mut it = crate::builtins::interp();
        let mut x = Value::dbls(vec![1.0, 2.0, 3.0]);
        x.set_attr(Sym::new("names"), Value::strings(&["a", "b", "c"]));
        let s = ok(call(
            &mut it,
            "split",
            vec![p(x), p(Value::strings(&["x", "y", "x"]))],
        ));
        assert_eq!(strs(&s.names()), vec!["x", "y"]);
        let first = s.list_vec()[0].clone();
        assert_eq!(*first.dbl_vec(), vec![1.0, 3.0]);
        assert_eq!(strs(&first.names()), vec!["a", "c"]);
        let u = ok(call(
            &mut it,
            "unsplit",
            vec![p(s), p(Value::strings(&["x", "y", "x"]))],
        ));
        assert_eq!(*u.dbl_vec(), vec![1.0, 2.0, 3.0]);
        let f = ok(crate::builtins::base::apply::as_function(
            &mut it,
            &Value::str("length"),
        ));
        let t = ok(call(
            &mut it,
            "tapply",
            vec![
                p(Value::dbls(vec![1.0, 2.0, 3.0])),
                p(Value::strings(&["b", "a", "b"])),
                p(f),
            ],
        ));
        assert_eq!(
            (t.vtype(), (*t.int_vec()).clone()),
            (Some(VType::Int), vec![1, 2])
        );
        assert_eq!(dims(&t), vec![2]);
        assert_eq!(strs(&dimnames_parts(&t)[0]), vec!["a", "b"]);
        let i = ok(call(
            &mut it,
            "interaction",
            vec![
                p(Value::strings(&["a", "b"])),
                p(Value::strings(&["x", "y"])),
            ],
        ));
        assert_eq!(levels_of(&i), vec!["a.x", "b.x", "a.y", "b.y"]);
        assert_eq!(*i.int_vec(), vec![1, 4]);
    }
}
