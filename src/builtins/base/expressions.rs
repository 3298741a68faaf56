//! Expressions as values and visibility: `expression`, `is.expression`, `str2lang`,
//! `str2expression`, `withVisible`, `capture.output`.

use crate::builtins::base::lang::first_expr;
use crate::builtins::{declared, special, Builtin, Matched};
use crate::error::{err, EvalResult, Flow, RError};
use crate::eval::lang_list::lang_or_const;
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr};
use crate::syntax::sym::Sym;
use crate::value::{Env, Value};

pub const BUILTINS: &[Builtin] = &[
    special("expression", expression),
    declared("is.expression", is_expression),
    declared("str2lang", str2lang),
    declared("str2expression", str2expression),
    special("withVisible", with_visible),
    special("capture.output", capture_output),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("expression", "expression(...)",
            "The unevaluated arguments, as an \"expression\" vector (a list of calls, names and constants)."),
        doc("is.expression", "is.expression(x)", "TRUE when x is an expression vector."),
        doc("str2lang", "str2lang(s)", "Parses the string s, which holds one expression, into a call."),
        doc("str2expression", "str2expression(text)",
            "Parses the strings in text into an expression vector."),
        doc("withVisible", "withVisible(x)",
            "Evaluates x and returns a list of its value and whether it would be printed at top level."),
        doc("capture.output", "capture.output(..., file = NULL, append = FALSE, type = c(\"output\", \"message\"), \
             split = FALSE)",
            "Evaluates its arguments, printing visible values as the console would, and returns what was \
             written to the output as a character vector of lines."),
    ]
};

/// An "expression" vector of the given elements.
pub fn expression_value(items: Vec<Value>) -> Value {
    let mut v = Value::list(items);
    v.set_attr(Sym::new("class"), Value::str("expression"));
    v
}

fn expression(_it: &mut Interp, args: &[Arg], _env: &Env, _call: &Expr) -> EvalResult {
    let items: Vec<Value> = args.iter().filter_map(|a| a.value.as_ref()).map(lang_or_const).collect();
    let mut v = expression_value(items);
    if args.iter().any(|a| a.name.is_some()) {
        let names: Vec<String> = args
            .iter()
            .filter(|a| a.value.is_some())
            .map(|a| a.name.map(|n| n.to_string()).unwrap_or_default())
            .collect();
        v.set_attr(Sym::new("names"), Value::strings(&names));
    }
    Ok(v)
}

fn is_expression(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(m.req("x")?.inherits("expression")))
}

fn parse_text(text: &str) -> EvalResult<Vec<Expr>> {
    crate::syntax::parse(text)
        .map_err(|e| Flow::from(RError::runtime(crate::syntax::r_parse_message(text, &e))))
}

fn str2lang(_it: &mut Interp, m: Matched) -> EvalResult {
    let s = match m.req("s")?.as_strings() {
        Some(v) if v.len() == 1 => v[0].clone(),
        _ => return err("argument must be a character string"),
    };
    let exprs = parse_text(&s)?;
    match exprs.as_slice() {
        [e] => Ok(lang_or_const(e)),
        _ => err(format!("parsing result not of length one, but {}", exprs.len())),
    }
}

fn str2expression(_it: &mut Interp, m: Matched) -> EvalResult {
    let Some(text) = m.req("text")?.as_strings() else {
        return err("argument must be a character vector");
    };
    let exprs = parse_text(&text.join("\n"))?;
    Ok(expression_value(exprs.iter().map(lang_or_const).collect()))
}

fn with_visible(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(e) = first_expr(args) else {
        return err("argument \"x\" is missing, with no default");
    };
    let v = it.eval(e, env)?;
    let visible = it.visible;
    it.visible = true;
    Ok(Value::named_list(vec![("value".into(), v), ("visible".into(), Value::lgl(visible))]))
}

fn capture_output(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let options = ["file", "append", "type", "split"];
    it.begin_capture();
    let mut result = Ok(());
    for a in args.iter().filter(|a| a.name.map(|n| !options.contains(&n.as_str())).unwrap_or(true)) {
        let Some(e) = a.value.as_ref() else { continue };
        match it.eval(e, env) {
            Ok(v) => {
                if it.visible {
                    if let Err(f) = crate::builtins::base::print::print_dispatch(it, &v, env) {
                        result = Err(f);
                        break;
                    }
                }
            }
            Err(f) => {
                result = Err(f);
                break;
            }
        }
    }
    let text = it.end_capture();
    result?;
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    Ok(Value::strings(&lines))
}
