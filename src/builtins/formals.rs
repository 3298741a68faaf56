//! A builtin declares its formals once, in its help entry's usage line
//! (`var(x, y = NULL, na.rm = FALSE, use)`): the evaluator matches a call's arguments
//! against them before the builtin runs (see [`declared`](super::declared)), and `?name`
//! and `args(name)` show the same line.

use super::{docs, Doc};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The text between the parentheses of a usage line's call form, and the value name of
/// a replacement form (`names(x) <- value`). None when the line is not a call of `name`.
pub fn usage_parts(d: &Doc) -> Option<(&'static str, Option<&'static str>)> {
    // the first call form, which may run over several lines
    let line: &'static str = d.usage.trim_start();
    let head = if is_plain(d.name) {
        d.name.to_string()
    } else {
        format!("`{}`", d.name)
    };
    let bare = d.name.strip_suffix("<-").filter(|s| is_plain(s));
    let rest = line
        .strip_prefix(head.as_str())
        .or_else(|| bare.and_then(|b| line.strip_prefix(b)))?
        .strip_prefix('(')?;
    let close = top_level(rest, ')')?;
    let inner = &rest[..close];
    let value = rest[close + 1..].trim().strip_prefix("<-").map(str::trim);
    Some((inner, value))
}

/// Position of the first `stop` character outside quotes and nested brackets, or of the
/// bracket that closes the text.
fn top_level(s: &str, stop: char) -> Option<usize> {
    let (mut depth, mut quote) = (0i32, None);
    for (i, ch) in s.char_indices() {
        match (quote, ch) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(ch),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') if depth > 0 => depth -= 1,
            (None, c) if depth == 0 && (c == stop || c == ')') => return Some(i),
            _ => {}
        }
    }
    (stop == ',').then_some(s.len())
}

/// The formal names of a usage line, in order (`...` included).
pub fn formal_names(d: &Doc) -> Option<Vec<&'static str>> {
    let (mut inner, value) = usage_parts(d)?;
    let mut names = Vec::new();
    while !inner.trim().is_empty() {
        let end = top_level(inner, ',')?;
        let part = &inner[..end];
        let name = part.split('=').next().unwrap_or(part).trim();
        names.push(name.trim_matches('`'));
        inner = inner.get(end + 1..).unwrap_or("");
    }
    names.extend(value);
    Some(names)
}

/// The declared formals of the builtin `name` (parsed once per process from the usage
/// lines of every help entry).
pub fn declared_formals(name: &str) -> Option<&'static [&'static str]> {
    static ALL: OnceLock<HashMap<&'static str, &'static [&'static str]>> = OnceLock::new();
    ALL.get_or_init(|| {
        docs()
            .into_iter()
            .flat_map(|t| t.iter())
            .filter_map(|d| {
                let f: &'static [&'static str] = Vec::leak(formal_names(d)?);
                Some((d.name, f))
            })
            .collect()
    })
    .get(name)
    .copied()
}

fn is_plain(s: &str) -> bool {
    crate::syntax::deparse::is_syntactic_name(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtins::{doc, tables, Kind};

    #[test]
    fn names_from_usage() {
        let d = doc("var", "var(x, y = NULL, na.rm = FALSE, use)", "t");
        assert_eq!(formal_names(&d), Some(vec!["x", "y", "na.rm", "use"]));
        let d = doc("f", "f(x, probs = seq(0, 1, 0.25), s = \"a,b\", ...)", "t");
        assert_eq!(formal_names(&d), Some(vec!["x", "probs", "s", "..."]));
        let d = doc("names<-", "names(x) <- value", "t");
        assert_eq!(formal_names(&d), Some(vec!["x", "value"]));
        let d = doc("g", "g()", "t");
        assert_eq!(formal_names(&d), Some(vec![]));
        let d = doc("+", "e1 + e2", "t");
        assert_eq!(formal_names(&d), None);
        let d = doc(
            "rank",
            "rank(x, na.last = TRUE,\n     ties.method = \"average\")\nother(y)",
            "t",
        );
        assert_eq!(formal_names(&d), Some(vec!["x", "na.last", "ties.method"]));
    }

    /// Every builtin whose arguments the evaluator matches has a usage line to match them
    /// against.
    #[test]
    fn declared_builtins_have_formals() {
        let missing: Vec<&str> = tables()
            .iter()
            .flat_map(|t| t.iter())
            .filter(|b| matches!(b.kind, Kind::Declared(..)))
            .filter(|b| declared_formals(b.name).is_none())
            .map(|b| b.name)
            .collect();
        assert!(
            missing.is_empty(),
            "declared builtins without a usage call form: {:?}",
            missing
        );
    }
}
