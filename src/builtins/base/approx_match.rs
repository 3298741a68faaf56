//! Approximate string matching: `agrep`/`agrepl` (base) and `adist` (utils), on the
//! generalized Levenshtein distance of `stats::edit_distance`. Patterns are literal
//! (`fixed = TRUE`); regular-expression patterns are not supported.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::stats::edit_distance::{align, best_occurrence, Alignment, Costs};
use crate::syntax::sym::Sym;
use crate::value::{Value, NA_INT};

pub const BUILTINS: &[Builtin] = &[declared("agrep", agrep), declared("agrepl", agrepl), declared("adist", adist),
    declared("aregexec", aregexec)];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("agrep", "agrep(pattern, x, max.distance = 0.1, costs = NULL, ignore.case = FALSE, value = FALSE, \
                      fixed = TRUE, useBytes = FALSE)",
            "Indices (or, with value = TRUE, elements) of x containing an approximate match of pattern: a substring \
             within max.distance edits (a fraction < 1 is of the pattern's length; a list may bound all, cost, ins, \
             del and sub separately)."),
        doc("agrepl", "agrepl(pattern, x, max.distance = 0.1, costs = NULL, ignore.case = FALSE, fixed = TRUE, \
                       useBytes = FALSE)",
            "TRUE for the elements of x that agrep() matches."),
        doc("adist", "adist(x, y = NULL, costs = NULL, counts = FALSE, fixed = TRUE, partial = !fixed, \
                      ignore.case = FALSE, useBytes = FALSE)",
            "The matrix of generalized Levenshtein distances between the strings of x and y (y = x when NULL); with \
             partial = TRUE, the distance to the best-matching substring of each y. counts = TRUE adds the \
             \"counts\" (ins, del, sub) and \"trafos\" (M/I/D/S sequences) attributes."),
        doc("aregexec", "aregexec(pattern, text, max.distance = 0.1, costs = NULL, ignore.case = FALSE, \
                         fixed = FALSE, useBytes = FALSE)",
            "For each element of text, the position and match.length of the best approximate match of pattern \
             (-1 when none is within max.distance, NA for NA), as regexec() gives them; patterns are literal \
             strings (regular-expression operators are not supported)."),
    ]
};

/// `aregexec`: the best approximate occurrence of a literal pattern in each text.
fn aregexec(_: &mut Interp, m: Matched) -> EvalResult {
    let pattern = match m.req("pattern")?.as_string() {
        Some(p) if !p.is_empty() => p,
        _ => return err("'pattern' must be a non-empty character string"),
    };
    let fixed = m.get("fixed").and_then(|v| v.as_bool()).flatten() == Some(true);
    if !fixed && pattern.chars().any(|c| ".^$*+?()[]{}|\\".contains(c)) {
        return err("aregexec() with regular-expression operators in 'pattern' is not supported");
    }
    let lower = flag(&m, "ignore.case");
    let pat = chars(&pattern, lower);
    let c = costs(&m)?;
    let b = bounds(&m, pat.len())?;
    let text = strings(m.req("text")?);
    let out: Vec<Value> = text
        .iter()
        .map(|s| {
            let (pos, len) = match s {
                None => (NA_INT, NA_INT),
                Some(s) => {
                    let t = chars(s, lower);
                    match best_occurrence(&pat, &t, &c, |a| b.accepts(a)) {
                        Some(a) => (a.start as i32 + 1, (longest_end(&pat, &t, &c, &b, &a) - a.start) as i32),
                        None => (-1, -1),
                    }
                }
            };
            let mut v = Value::int(pos);
            v.set_attr(crate::syntax::sym::Sym::new("match.length"), Value::int(len));
            v
        })
        .collect();
    Ok(Value::list(out))
}

/// The end of the longest match starting where `best` does with `best`'s cost (TRE
/// reports the longest of equally good matches: "lazy" in "lazzy" is all five letters).
fn longest_end(pat: &[char], t: &[char], c: &Costs, b: &Bounds, best: &Alignment) -> usize {
    let hi = t.len().min(best.end + pat.len() + 1);
    (best.end + 1..=hi)
        .rev()
        .find(|&e| {
            let a = align(pat, &t[best.start..e], c);
            a.cost <= best.cost && b.accepts(&a)
        })
        .unwrap_or(best.end)
}

/// The strings of an argument, NA as None.
fn strings(v: &Value) -> Vec<Option<String>> {
    let v = if v.is_factor() { crate::value::factor::factor_as_strings(v) } else { v.clone() };
    v.str_vec().iter().map(|s| s.as_deref().map(str::to_string)).collect()
}

fn flag(m: &Matched, name: &str) -> bool {
    m.get(name).and_then(|v| v.as_bool()).flatten().unwrap_or(false)
}

fn chars(s: &str, lower: bool) -> Vec<char> {
    if lower {
        s.to_lowercase().chars().collect()
    } else {
        s.chars().collect()
    }
}

/// The `costs` argument: one weight for all edits, or weights named ins(ertions),
/// del(etions), sub(stitutions) (unnamed ones in that order).
fn costs(m: &Matched) -> EvalResult<Costs> {
    let mut c = Costs::default();
    let Some(v) = m.get("costs").filter(|v| !v.is_null()) else {
        return Ok(c);
    };
    let vals = if v.vtype() == Some(crate::value::VType::List) {
        v.list_vec().iter().map(|x| x.as_f64().unwrap_or(f64::NAN)).collect()
    } else {
        v.dbl_vec().to_vec()
    };
    let names = v.names().unwrap_or_default();
    if vals.len() == 1 && names.is_empty() {
        return Ok(Costs { ins: vals[0], del: vals[0], sub: vals[0] });
    }
    for (i, x) in vals.iter().enumerate() {
        let n = names.get(i).cloned().flatten().map(|s| s.to_string()).unwrap_or_default();
        let slot = match n.as_str() {
            "" => ["ins", "del", "sub"].get(i).copied().unwrap_or(""),
            n => ["ins", "del", "sub"].into_iter().find(|k| n.starts_with(k)).unwrap_or(""),
        };
        match slot {
            "ins" => c.ins = *x,
            "del" => c.del = *x,
            "sub" => c.sub = *x,
            _ => return err("invalid 'costs' argument"),
        }
    }
    if [c.ins, c.del, c.sub].iter().any(|x| !x.is_finite() || *x < 0.0) {
        return err("cost components must be non-negative");
    }
    Ok(c)
}

/// The bounds `max.distance` sets on an occurrence: total edits, total cost and each kind.
struct Bounds {
    all: f64,
    cost: Option<f64>,
    ins: Option<f64>,
    del: Option<f64>,
    sub: Option<f64>,
}

impl Bounds {
    fn accepts(&self, a: &Alignment) -> bool {
        let within = |b: Option<f64>, n: usize| b.is_none_or(|b| n as f64 <= b);
        (a.ins + a.del + a.sub) as f64 <= self.all
            && self.cost.is_none_or(|b| a.cost <= b)
            && within(self.ins, a.ins)
            && within(self.del, a.del)
            && within(self.sub, a.sub)
    }
}

/// `max.distance`: a count, or a fraction (< 1) of the pattern's length rounded up.
fn bounds(m: &Matched, plen: usize) -> EvalResult<Bounds> {
    let scale = |x: f64| if x < 1.0 { (x * plen as f64).ceil() } else { x };
    let mut b = Bounds { all: scale(0.1), cost: None, ins: None, del: None, sub: None };
    let Some(v) = m.get("max.distance") else {
        return Ok(b);
    };
    if v.vtype() != Some(crate::value::VType::List) {
        let x = v.as_f64().filter(|x| x.is_finite() && *x >= 0.0);
        b.all = scale(x.ok_or_else(|| crate::error::RError::runtime("invalid 'max.distance' argument"))?);
        return Ok(b);
    }
    let names = v.names().unwrap_or_default();
    for (i, x) in v.list_vec().iter().enumerate() {
        let n = names.get(i).cloned().flatten().map(|s| s.to_string()).unwrap_or_default();
        let Some(x) = x.as_f64() else { return err("invalid 'max.distance' argument") };
        match ["all", "cost", "ins", "del", "sub"].into_iter().find(|k| !n.is_empty() && n.starts_with(k)) {
            Some("all") => b.all = scale(x),
            Some("cost") => b.cost = Some(scale(x)),
            Some("ins") => b.ins = Some(scale(x)),
            Some("del") => b.del = Some(scale(x)),
            Some("sub") => b.sub = Some(scale(x)),
            _ => return err("invalid 'max.distance' argument"),
        }
    }
    Ok(b)
}

/// Whether each element of x has an approximate occurrence of the pattern (never for NA).
fn matches(m: &Matched) -> EvalResult<(Vec<Option<String>>, Vec<bool>)> {
    if m.get("fixed").and_then(|v| v.as_bool()).flatten() == Some(false) {
        return err("agrep() with fixed = FALSE (regular-expression patterns) is not supported");
    }
    let pattern = match m.req("pattern")?.as_string() {
        Some(p) if !p.is_empty() => p,
        _ => return err("'pattern' must be a non-empty character string"),
    };
    let lower = flag(m, "ignore.case");
    let pat = chars(&pattern, lower);
    let c = costs(m)?;
    let b = bounds(m, pat.len())?;
    let x = strings(m.req("x")?);
    let hits = x
        .iter()
        .map(|s| s.as_ref().is_some_and(|s| best_occurrence(&pat, &chars(s, lower), &c, |a| b.accepts(a)).is_some()))
        .collect();
    Ok((x, hits))
}

fn agrep(_: &mut Interp, m: Matched) -> EvalResult {
    let (x, hits) = matches(&m)?;
    let idx: Vec<usize> = (0..x.len()).filter(|&i| hits[i]).collect();
    if flag(&m, "value") {
        let vals: Vec<String> = idx.iter().map(|&i| x[i].clone().unwrap_or_default()).collect();
        return Ok(Value::strings(&vals));
    }
    Ok(Value::ints(idx.iter().map(|&i| i as i32 + 1).collect()))
}

fn agrepl(_: &mut Interp, m: Matched) -> EvalResult {
    let (_, hits) = matches(&m)?;
    Ok(Value::lgls(hits.into_iter().map(i32::from).collect()))
}

fn adist(_: &mut Interp, m: Matched) -> EvalResult {
    let xv = m.req("x")?.clone();
    let yv = m.get("y").filter(|v| !v.is_null()).cloned().unwrap_or_else(|| xv.clone());
    let (x, y) = (strings(&xv), strings(&yv));
    let lower = flag(&m, "ignore.case");
    let partial = match m.get("partial") {
        Some(v) => v.as_bool().flatten().unwrap_or(false),
        None => m.get("fixed").and_then(|v| v.as_bool()).flatten() == Some(false),
    };
    let c = costs(&m)?;
    let counts = flag(&m, "counts");
    let (nx, ny) = (x.len(), y.len());
    let mut dist = vec![f64::NAN; nx * ny];
    let mut cnt = vec![f64::NAN; nx * ny * 3];
    let mut trafos: Vec<Option<std::rc::Rc<str>>> = vec![None; nx * ny];
    for (j, b) in y.iter().enumerate() {
        for (i, a) in x.iter().enumerate() {
            let (Some(a), Some(b)) = (a, b) else { continue };
            let (a, b) = (chars(a, lower), chars(b, lower));
            let al = if partial { best_occurrence(&a, &b, &c, |_| true) } else { Some(align(&a, &b, &c)) };
            let Some(al) = al else { continue };
            let k = i + j * nx;
            dist[k] = al.cost;
            for (s, n) in [al.ins, al.del, al.sub].into_iter().enumerate() {
                cnt[k + s * nx * ny] = n as f64;
            }
            trafos[k] = Some(al.trafos.as_str().into());
        }
    }
    let dn = |v: &Value| v.names().map(|n| Value::strs(n.to_vec())).unwrap_or(Value::Null);
    let (xn, yn) = (dn(&xv), dn(&yv));
    let dims = |d: &[i32]| Value::ints(d.to_vec());
    let mut out = Value::dbls(dist);
    out.set_attr(Sym::new("dim"), dims(&[nx as i32, ny as i32]));
    if !xn.is_null() || !yn.is_null() {
        out.set_attr(Sym::new("dimnames"), Value::list(vec![xn.clone(), yn.clone()]));
    }
    if counts {
        let mut cv = Value::dbls(cnt);
        cv.set_attr(Sym::new("dim"), dims(&[nx as i32, ny as i32, 3]));
        cv.set_attr(Sym::new("dimnames"), Value::list(vec![xn.clone(), yn.clone(), Value::strings(&["ins", "del", "sub"])]));
        out.set_attr(Sym::new("counts"), cv);
        let mut tv = Value::strs(trafos);
        tv.set_attr(Sym::new("dim"), dims(&[nx as i32, ny as i32]));
        if !xn.is_null() || !yn.is_null() {
            tv.set_attr(Sym::new("dimnames"), Value::list(vec![xn, yn]));
        }
        out.set_attr(Sym::new("trafos"), tv);
    }
    Ok(out)
}
