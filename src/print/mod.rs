//! R's printing and formatting rules.
//!
//! Entry points: [`print_value`] (what `print.default` writes, trailing newline included),
//! [`print_value_with`] (same, with a callback for values that need method dispatch), the
//! number formatting core in [`num`] and the deparser in [`deparse`].

pub mod aov;
pub mod coefmat;
pub mod factor;
pub mod glm;
pub mod htest;
pub mod list;
pub mod matrix;
pub mod model;
pub mod summary;
pub mod table;
pub mod vector;

/// Number and string formatting, and the deparser, live in `value`; printing re-exports them.
pub use crate::value::{deparse, num_format as num, str_format as strings};
pub use deparse::{deparse_value, deparse_value_short};
pub use num::{
    cat_num, format_dbl_vec, format_dbl_vec_trim, format_int_vec, format_lgl_vec, real_format,
    RealFmt,
};
pub use strings::{encode_str, escape_str, format_str_vec};

use crate::eval::Interp;
use crate::value::{Data, Value};

/// Options of `print.default`.
#[derive(Clone, Debug)]
pub struct PrintOpts {
    /// Significant digits (`digits`, default 7).
    pub digits: usize,
    /// Quote strings (default true).
    pub quote: bool,
    /// Right-justify strings (default false).
    pub right: bool,
    /// Line width (default 80).
    pub width: usize,
    /// Penalty against scientific notation (`options(scipen)`, default 0).
    pub scipen: i32,
    /// Spaces between matrix columns (`print.gap`, default 1).
    pub gap: usize,
    /// Entries shown before the rest is left out (`options(max.print)`, default 99999).
    pub max_print: usize,
}

impl Default for PrintOpts {
    fn default() -> Self {
        PrintOpts {
            digits: 7,
            quote: true,
            right: false,
            width: 80,
            scipen: 0,
            gap: 1,
            max_print: MAX_PRINT,
        }
    }
}

/// A hook the evaluator passes so that nested values needing method dispatch (classed
/// objects other than factors, functions, environments, language) print as R would.
/// Return `None` to let the print module print the value itself.
pub type PrintHook<'a> = dyn FnMut(&Value) -> Option<String> + 'a;

/// Prints a value as R's `print.default` does, without any dispatch hook.
pub fn print_value(v: &Value, opts: &PrintOpts) -> String {
    print_value_with(v, opts, &mut |_| None)
}

/// Prints a value as `print.default` does. `hook` is called first for every list element
/// and attribute value that is an object (has a `class` attribute) or is not a vector; when
/// it returns `Some(text)`, that text (ending in a newline) is used for the element.
pub fn print_value_with(v: &Value, opts: &PrintOpts, hook: &mut PrintHook) -> String {
    let mut out = String::new();
    print_rec(&mut out, v, opts, "", hook);
    out
}

/// Whether the hook gets the first chance to print `v` when nested.
fn wants_hook(v: &Value) -> bool {
    match v {
        Value::Vector(_) => v.get_attr("class").is_some() && !v.is_factor(),
        Value::Null => false,
        _ => true,
    }
}

/// Prints a nested value (list element or attribute): the hook first, then the default.
pub(crate) fn print_nested(
    out: &mut String,
    v: &Value,
    opts: &PrintOpts,
    tag: &str,
    hook: &mut PrintHook,
) {
    if wants_hook(v) {
        if let Some(s) = hook(v) {
            out.push_str(&s);
            return;
        }
    }
    print_rec(out, v, opts, tag, hook);
}

/// Attributes that print.default never shows as `attr(,"...")` blocks.
fn hidden_attr(name: &str, v: &Value) -> bool {
    matches!(
        name,
        "names" | "dim" | "dimnames" | "comment" | "srcref"
    ) || (v.is_factor() && matches!(name, "levels" | "class"))
        || (matches!(v, Value::Lang(_))
            && (name == "class" || (name == ".Environment" && v.inherits("formula"))))
}

/// Prints `v` (with `tag` as the prefix of nested list tags) into `out`.
pub(crate) fn print_rec(
    out: &mut String,
    v: &Value,
    opts: &PrintOpts,
    tag: &str,
    hook: &mut PrintHook,
) {
    match v {
        Value::Null => out.push_str("NULL\n"),
        Value::Missing => out.push('\n'),
        Value::Extern(x) => {
            out.push_str(&x.0.describe());
            out.push('\n');
        }
        Value::Vector(vec) => {
            if v.is_factor() {
                factor::print_factor(out, v, opts);
            } else if let Data::List(items) = &vec.data {
                list::print_list(out, v, items, opts, tag, hook);
            } else {
                print_atomic(out, v, &vec.data, opts);
            }
        }
        Value::Closure(c) => {
            out.push_str(&crate::syntax::deparse::deparse_function(
                &c.params, &c.body,
            ));
            out.push('\n');
        }
        Value::Builtin(b) => out.push_str(&format!("function (...) .Primitive(\"{}\")\n", b.name)),
        Value::Env(e) => out.push_str(&env_label(e)),
        Value::Lang(l) => {
            out.push_str(&crate::syntax::deparse::deparse(&l.expr));
            out.push('\n');
        }
        Value::Promise(p) => {
            let val = p.value.borrow().clone();
            match val {
                Some(x) => print_rec(out, &x, opts, tag, hook),
                None => out.push_str("<promise>\n"),
            }
        }
    }
    print_attributes(out, v, opts, tag, hook);
}

/// How an environment prints: `<environment: R_GlobalEnv>`, or `<environment>`.
pub fn env_label(e: &crate::value::Env) -> String {
    match &e.0.borrow().name {
        Some(n) if n == "R_GlobalEnv" || n == "base" || n == "R_EmptyEnv" => {
            format!("<environment: {}>\n", n)
        }
        Some(n) => format!("<environment: {}>\n", n),
        None => "<environment>\n".into(),
    }
}

/// Prints an atomic vector (plain, named, 1-d array, matrix or array).
fn print_atomic(out: &mut String, v: &Value, d: &Data, opts: &PrintOpts) {
    let quote = opts.quote;
    if let Some(dims) = v.dim() {
        if dims.len() >= 2 {
            matrix::print_array(out, v, &dims, opts, quote);
            return;
        }
        if dims.len() == 1 {
            if let Some(dn) = v.get_attr("dimnames") {
                if let Some(first) = dn.list_vec().first().filter(|x| !x.is_null()) {
                    // a named dimension is titled by its name, as R's 1-d arrays are
                    if let Some(title) = dn.names().and_then(|n| n.first().cloned()) {
                        out.push_str(title.as_deref().unwrap_or(""));
                        out.push('\n');
                    }
                    vector::print_named(out, d, &first.str_vec(), opts, quote);
                    return;
                }
            }
        }
    }
    let max = opts.max_print;
    if d.len() > max {
        // R prints the first getOption("max.print") entries and says how many it left out
        let idx: Vec<Option<usize>> = (0..max).map(Some).collect();
        let head = d.select(&idx);
        match v.names() {
            Some(names) => vector::print_named(out, &head, &names[..max], opts, quote),
            None => vector::print_plain(out, &head, opts, quote),
        }
        out.push_str(&format!(
            " [ reached getOption(\"max.print\") -- omitted {} entries ]\n",
            d.len() - max
        ));
        return;
    }
    match v.names() {
        Some(names) => vector::print_named(out, d, &names, opts, quote),
        None => vector::print_plain(out, d, opts, quote),
    }
}

/// Entries of a vector `print` shows (R's default `getOption("max.print")`).
const MAX_PRINT: usize = 99_999;

/// Prints the attributes `print.default` shows after a value, as `attr(,"name")` blocks.
fn print_attributes(
    out: &mut String,
    v: &Value,
    opts: &PrintOpts,
    tag: &str,
    hook: &mut PrintHook,
) {
    let Some(attrs) = v.attrs() else { return };
    for (k, a) in attrs.iter() {
        if hidden_attr(k.as_str(), v) {
            continue;
        }
        // R names an attribute block without the element's tag (`attr(,"logarithm")` under
        // `$modulus`, as determinant() prints)
        let _ = tag;
        let t = format!("attr(,\"{}\")", k.as_str());
        out.push_str(&t);
        out.push('\n');
        print_nested(out, a, opts, &t, hook);
    }
}

#[cfg(test)]
mod tests;

/// `getOption("max.print")`, default 99999.
pub fn option_max_print(it: &Interp) -> usize {
    it.options
        .iter()
        .find(|(k, _)| k == "max.print")
        .and_then(|(_, v)| v.as_f64())
        .filter(|m| *m >= 0.0)
        .map(|m| m.min(1e15) as usize)
        .unwrap_or(MAX_PRINT)
}

/// `getOption("scipen")`, default 0.
pub fn option_scipen(it: &Interp) -> i32 {
    it.options
        .iter()
        .find(|(k, _)| k == "scipen")
        .and_then(|(_, v)| v.as_f64())
        .map(|m| m.clamp(-1000.0, 1000.0) as i32)
        .unwrap_or(0)
}

/// `getOption("digits")`, default 7.
pub fn option_digits(it: &Interp) -> usize {
    it.options
        .iter()
        .find(|(k, _)| k == "digits")
        .and_then(|(_, v)| v.as_f64())
        .map(|d| d as usize)
        .unwrap_or(7)
}
