//! Help for the console: `help(name)`, `?name`, `??word`, and the usage behind `args(f)`.
//!
//! The texts live beside each family's `BUILTINS` table as its `DOCS` table (see
//! [`crate::builtins::Doc`]); this file only finds and formats them.

use crate::builtins::{doc, find_doc, special, Builtin, Doc};
use crate::error::EvalResult;
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Const, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::{Env, Value};

/// Help builtins.
pub const BUILTINS: &[Builtin] = &[special("help", help), special("?", question)];

pub const DOCS: &[Doc] = &[
    doc(
        "help",
        "help(topic)",
        "Prints the usage line and a short description of the builtin named by topic, given as a \
         name or a string. For a function you defined it prints the argument list; for an unknown \
         topic it says that no documentation was found. Returns NULL invisibly.",
    ),
    doc(
        "?",
        "?topic\n??pattern",
        "The console shorthand for help(topic). With two question marks it lists the builtins \
         whose name or description contains pattern, ignoring case.",
    ),
];

/// Width of the help text, as in R's help pages.
const WIDTH: usize = 72;
/// Indentation of a section's body.
const INDENT: &str = "     ";

/// The topic a help argument names: a symbol, a string, or any other expression deparsed.
fn topic(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Ident(s) => s.to_string(),
        ExprKind::Const(Const::Str(s)) => s.to_string(),
        _ => crate::syntax::deparse::deparse(e),
    }
}

fn help(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let t = args
        .iter()
        .find(|a| a.name.is_none() || a.name.map(|n| n.as_str()) == Some("topic"));
    match t.and_then(|a| a.value.as_ref()) {
        Some(e) => show_topic(it, &topic(e), env),
        None => {
            it.write_out("help(topic) prints the help for a builtin, e.g. help(lm) or ?lm;\n??word searches the help.\n");
            it.visible = false;
            Ok(Value::Null)
        }
    }
}

/// `?x`, `type?x` and `??x`.
fn question(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(e) = args.last().and_then(|a| a.value.as_ref()) else {
        return Ok(Value::Null);
    };
    if args.len() == 1 {
        if let ExprKind::Call(f, inner) = &e.kind {
            if matches!(&f.kind, ExprKind::Ident(s) if s.as_str() == "?") && inner.len() == 1 {
                if let Some(p) = inner[0].value.as_ref() {
                    let text = search(&topic(p));
                    it.write_out(&text);
                    it.visible = false;
                    return Ok(Value::Null);
                }
            }
        }
    }
    show_topic(it, &topic(e), env)
}

/// Prints the help for `name`: a user closure's arguments, a builtin's entry, or R's
/// "No documentation" message.
fn show_topic(it: &mut Interp, name: &str, env: &Env) -> EvalResult {
    let text = match env.lookup(Sym::new(name)) {
        Some(Value::Closure(c)) => format!("{}\n", closure_args(&c.params)),
        _ => match find_doc(name) {
            Some(d) => render(d),
            None => no_doc(name),
        },
    };
    it.write_out(&text);
    it.visible = false;
    Ok(Value::Null)
}

/// R's message for a topic without documentation.
pub fn no_doc(name: &str) -> String {
    format!(
        "No documentation for \u{2018}{0}\u{2019} in specified packages and libraries:\nyou could try \u{2018}??{0}\u{2019}\n",
        name
    )
}

/// How `args(f)` prints for a closure: `function (x, ...) ` and `NULL`.
fn closure_args(params: &[crate::syntax::ast::Param]) -> String {
    let null = Expr::new(ExprKind::Const(Const::Null), Default::default());
    crate::syntax::deparse::deparse_function(params, &null)
}

/// A help entry as the console shows it.
pub fn render(d: &Doc) -> String {
    let mut out = if d.name.len() < 25 {
        format!("{:<25}(rsc builtin)\n\nUsage:\n", d.name)
    } else {
        format!("{} (rsc builtin)\n\nUsage:\n", d.name)
    };
    for line in d.usage.lines() {
        for l in wrap_usage(line) {
            out.push_str(&l);
            out.push('\n');
        }
    }
    out.push_str("\nDescription:\n");
    for l in wrap_words(d.text, INDENT) {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// Fills words into lines of at most [`WIDTH`] columns, each starting with `indent`.
fn wrap_words(text: &str, indent: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::from(indent);
    for w in text.split_whitespace() {
        if cur.len() > indent.len() && cur.chars().count() + 1 + w.chars().count() > WIDTH {
            lines.push(std::mem::replace(&mut cur, String::from(indent)));
        }
        if cur.len() > indent.len() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if cur.len() > indent.len() {
        lines.push(cur);
    }
    lines
}

/// Splits a long usage line after top-level commas; continuation lines line up after
/// the opening parenthesis, as in R's help pages.
fn wrap_usage(line: &str) -> Vec<String> {
    let first = format!("{}{}", INDENT, line);
    if first.chars().count() <= WIDTH {
        return vec![first];
    }
    let Some(open) = line.find('(') else {
        return vec![first];
    };
    let cont = " ".repeat(INDENT.len() + line[..=open].chars().count());
    let (mut pieces, mut depth, mut quote, mut start) = (Vec::new(), 0i32, None, 0);
    for (i, ch) in line.char_indices() {
        match (quote, ch) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(ch),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => depth -= 1,
            (None, ',') if depth == 1 => {
                pieces.push(&line[start..=i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(&line[start..]);
    let mut lines = Vec::new();
    let mut cur = String::from(INDENT);
    for p in pieces {
        let p = if cur.trim().is_empty() {
            p.trim_start()
        } else {
            p
        };
        if !cur.trim().is_empty() && cur.chars().count() + p.chars().count() > WIDTH {
            lines.push(cur.trim_end().to_string());
            cur = cont.clone();
            cur.push_str(p.trim_start());
        } else {
            cur.push_str(p);
        }
    }
    lines.push(cur);
    lines
}

/// `??pattern`: the builtins whose name or description mentions `pattern`.
fn search(pattern: &str) -> String {
    let p = pattern.to_lowercase();
    let mut hits: Vec<&Doc> = crate::builtins::docs()
        .into_iter()
        .flat_map(|t| t.iter())
        .filter(|d| d.name.to_lowercase().contains(&p) || d.text.to_lowercase().contains(&p))
        .collect();
    if hits.is_empty() {
        return format!(
            "No vignettes or demos or help files found with alias or concept or\ntitle matching \u{2018}{}\u{2019} using fuzzy matching.\n",
            pattern
        );
    }
    hits.sort_by(|a, b| a.name.cmp(b.name));
    let mut out = format!("Help entries matching \u{2018}{}\u{2019}:\n\n", pattern);
    for d in hits {
        let first = d
            .text
            .split(". ")
            .next()
            .unwrap_or("")
            .trim_end_matches('.');
        let mut line = format!("  {:<20} {}", d.name, first);
        if line.chars().count() > WIDTH {
            line = line.chars().take(WIDTH - 3).collect::<String>() + "...";
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The formals a builtin's usage line shows, as the text between its parentheses
/// (plus `value` for a replacement form `f(x) <- value`).
fn usage_formals(d: &Doc) -> Option<String> {
    let (inner, value) = crate::builtins::formals::usage_parts(d)?;
    Some(match (value, inner.is_empty()) {
        (Some(v), false) => format!("{}, {}", inner, v),
        (Some(v), true) => v.to_string(),
        (None, _) => inner.to_string(),
    })
}

/// `args(f)`: a function with `f`'s formals and a NULL body. For a builtin the formals
/// come from its help entry's usage line; when that line is not a call form, the usage
/// is printed and NULL returned invisibly.
/// `function(<formals of the usage line>) NULL` for a builtin's help entry, when its usage
/// line parses as formals.
fn usage_closure(it: &mut Interp, d: &crate::builtins::Doc) -> Option<EvalResult> {
    let formals = usage_formals(d)?;
    let e = crate::syntax::parse_expr(&format!("function({}) NULL", formals)).ok()?;
    let base = it.base.clone();
    Some(it.eval(&e, &base))
}

/// The formals of a builtin as its usage line declares them (NULL without one).
pub fn builtin_formals_closure(it: &mut Interp, name: &str) -> EvalResult {
    match find_doc(name).and_then(|d| usage_closure(it, d)) {
        Some(r) => r,
        None => Ok(Value::Null),
    }
}

pub fn args_of(it: &mut Interp, f: &Value) -> EvalResult {
    match f {
        Value::Closure(c) => {
            let null = Expr::new(ExprKind::Const(Const::Null), Default::default());
            let params = c.params.clone();
            Ok(Value::Closure(std::rc::Rc::new(crate::value::Closure {
                params,
                body: std::rc::Rc::new(null),
                env: c.env.clone(),
                attrs: None,
            })))
        }
        Value::Builtin(b) => {
            let Some(d) = find_doc(b.name) else {
                return Ok(Value::Null);
            };
            if let Some(c) = usage_closure(it, d) {
                return c;
            }
            let text: String = d.usage.lines().map(|l| format!("{}\n", l)).collect();
            it.write_out(&text);
            it.visible = false;
            Ok(Value::Null)
        }
        _ => Ok(Value::Null),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_wraps_after_commas_under_the_parenthesis() {
        let l = wrap_usage("lm(formula, data, subset, weights, na.action, method = \"qr\", model = TRUE, x = FALSE, y = FALSE, qr = TRUE)");
        assert!(l.len() > 1);
        assert!(l.iter().all(|s| s.chars().count() <= WIDTH), "{:?}", l);
        assert!(
            l[1].starts_with("        ") && !l[1].starts_with("         "),
            "{:?}",
            l
        );
    }

    #[test]
    fn formals_from_usage() {
        let d = doc("lm", "lm(formula, data, f = c(1, 2))", "x");
        assert_eq!(
            usage_formals(&d).as_deref(),
            Some("formula, data, f = c(1, 2)")
        );
        let d = doc("names<-", "names(x) <- value", "x");
        assert_eq!(usage_formals(&d).as_deref(), Some("x, value"));
        let d = doc("+", "e1 + e2", "x");
        assert_eq!(usage_formals(&d), None);
        let d = doc("[[<-", "`[[<-`(x, i, value)", "x");
        assert_eq!(usage_formals(&d).as_deref(), Some("x, i, value"));
    }

    /// Every call-form usage line parses as an argument list, so `args()` works for it.
    #[test]
    fn every_usage_parses() {
        let mut bad = Vec::new();
        for d in crate::builtins::docs().iter().flat_map(|t| t.iter()) {
            if let Some(f) = usage_formals(d) {
                if crate::syntax::parse_expr(&format!("function({}) NULL", f)).is_err() {
                    bad.push(d.name);
                }
            }
        }
        assert!(bad.is_empty(), "usage lines that do not parse: {:?}", bad);
    }
}
