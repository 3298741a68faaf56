//! `warnings()`: the warnings of the last top-level call, and how they print.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::EvalResult;
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::Value;

pub const BUILTINS: &[Builtin] = &[
    declared("warnings", warnings),
    declared("print.warnings", print_warnings),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("warnings", "warnings(...)",
            "The warnings of the last top-level call that gave any (at most 50): a list of their calls \
             named by their messages, of class \"warnings\"."),
        doc("print.warnings", "print.warnings(x, ...)", "Prints warnings as R reports them, numbered."),
    ]
};

fn warnings(it: &mut Interp, _m: Matched) -> EvalResult {
    let ws = it.last_warnings.clone();
    let calls: Vec<Value> = ws
        .iter()
        .map(|(c, _)| match c.as_deref() {
            Some(c) if !c.is_empty() => crate::syntax::parse_expr(c)
                .map(|e| crate::eval::lang_list::lang_or_const(&e))
                .unwrap_or(Value::Null),
            _ => Value::Null,
        })
        .collect();
    let names: Vec<&str> = ws.iter().map(|(_, m)| m.as_str()).collect();
    let mut v = Value::list(calls);
    v.set_attr(Sym::new("names"), Value::strings(&names));
    v.set_attr(Sym::new("class"), Value::str("warnings"));
    Ok(v)
}

fn print_warnings(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?.clone();
    let msgs = x.names().unwrap_or_default();
    let calls = x.list_vec();
    let line = |i: usize| {
        let msg = msgs.get(i).cloned().flatten();
        let msg = msg.as_deref().unwrap_or("");
        match calls.get(i) {
            Some(Value::Null) | None => msg.to_string(),
            Some(c) => format!("In {} : {}", crate::value::deparse::deparse_value(c), msg),
        }
    };
    let mut s = String::new();
    match calls.len() {
        0 => {}
        1 => s.push_str(&format!("Warning message:\n{}\n", line(0))),
        n => {
            s.push_str("Warning messages:\n");
            for i in 0..n {
                s.push_str(&format!("{}: {}\n", i + 1, line(i)));
            }
        }
    }
    it.write_out(&s);
    it.visible = false;
    Ok(x)
}
