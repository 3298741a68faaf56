//! Partial matching of strings against a table: `pmatch` and `charmatch`.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::EvalResult;
use crate::eval::Interp;
use crate::value::{Value, NA_INT};

pub const BUILTINS: &[Builtin] = &[declared("pmatch", pmatch), declared("charmatch", charmatch)];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("pmatch", "pmatch(x, table, nomatch = NA_integer_, duplicates.ok = FALSE)",
            "Positions in table of the elements of x: exact matches first, then unique partial (prefix) matches; an empty string matches nothing; unless duplicates.ok, each table element is used once."),
        doc("charmatch", "charmatch(x, table, nomatch = NA_integer_)",
            "Positions in table of the elements of x by exact or unique prefix match; 0 when several elements match equally."),
    ]
};

/// The strings of an argument (NA read as "NA", as R's matching does).
fn strings(m: &Matched, name: &str) -> EvalResult<Vec<String>> {
    let v = m.req(name)?;
    let v = if v.is_factor() { crate::value::factor::factor_as_strings(v) } else { v.clone() };
    Ok(v.str_vec().iter().map(|s| s.as_deref().unwrap_or("NA").to_string()).collect())
}

fn nomatch(m: &Matched) -> EvalResult<i32> {
    Ok(m.get("nomatch").and_then(|v| v.as_i32()).unwrap_or(NA_INT))
}

fn pmatch(_: &mut Interp, m: Matched) -> EvalResult {
    let (x, table) = (strings(&m, "x")?, strings(&m, "table")?);
    let dup_ok = m.get("duplicates.ok").and_then(|v| v.as_bool()).flatten().unwrap_or(false);
    let none = nomatch(&m)?;
    let mut used = vec![false; table.len()];
    let mut out: Vec<Option<usize>> = vec![None; x.len()];
    // exact matches first, then unique prefixes among the unused elements
    for (i, s) in x.iter().enumerate() {
        if s.is_empty() {
            continue;
        }
        if let Some(j) = (0..table.len()).find(|&j| (dup_ok || !used[j]) && table[j] == *s) {
            out[i] = Some(j);
            if !dup_ok {
                used[j] = true;
            }
        }
    }
    for (i, s) in x.iter().enumerate() {
        if s.is_empty() || out[i].is_some() {
            continue;
        }
        let mut hits = (0..table.len()).filter(|&j| (dup_ok || !used[j]) && table[j].starts_with(s.as_str()));
        if let (Some(j), None) = (hits.next(), hits.next()) {
            out[i] = Some(j);
            if !dup_ok {
                used[j] = true;
            }
        }
    }
    Ok(Value::ints(out.into_iter().map(|o| o.map_or(none, |j| j as i32 + 1)).collect()))
}

fn charmatch(_: &mut Interp, m: Matched) -> EvalResult {
    let (x, table) = (strings(&m, "x")?, strings(&m, "table")?);
    let none = nomatch(&m)?;
    let out = x
        .iter()
        .map(|s| {
            let exact: Vec<usize> = (0..table.len()).filter(|&j| table[j] == *s).collect();
            let partial: Vec<usize> = (0..table.len()).filter(|&j| table[j].starts_with(s.as_str())).collect();
            match (exact.len(), partial.len()) {
                (1, _) => exact[0] as i32 + 1,
                (0, 1) => partial[0] as i32 + 1,
                (0, 0) => none,
                _ => 0,
            }
        })
        .collect();
    Ok(Value::ints(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtins::test_util::{i, sv, try_call as call};

    fn pm(x: &[&str], table: &[&str], dup_ok: bool) -> Vec<i32> {
        let args = vec![(None, sv(x)), (None, sv(table)), (Some("duplicates.ok"), Value::lgl(dup_ok))];
        i(&call(named!("pmatch"), args).unwrap())
    }

    #[test]
    fn matches_as_r() {
        assert_eq!(pm(&["me", "mea"], &["mean", "median"], false), vec![NA_INT, 1]);
        assert_eq!(pm(&["", "ab", "ab"], &["abc", "ab"], false), vec![NA_INT, 2, 1]);
        assert_eq!(pm(&["a", "a"], &["a", "ab"], true), vec![1, 1]);
        let cm = |x: &[&str], t: &[&str]| i(&call(named!("charmatch"), vec![(None, sv(x)), (None, sv(t))]).unwrap());
        assert_eq!(cm(&["", "m", "med", "q"], &["mean", "median"]), vec![0, 0, 2, NA_INT]);
        assert_eq!(cm(&["a"], &["a", "a", "ab"]), vec![0]);
        assert_eq!(cm(&[""], &[""]), vec![1]);
    }
}
