//! Printing lists: `$name` / `[[i]]` tags, recursion, blank lines between elements.

use super::{print_nested, PrintHook, PrintOpts};
use crate::value::str_format::is_syntactic_name;
use crate::value::Value;

/// Prints a list (a generic vector) the way `print.default` does.
pub fn print_list(
    out: &mut String,
    v: &Value,
    items: &[Value],
    opts: &PrintOpts,
    tag: &str,
    hook: &mut PrintHook,
) {
    if let Some(dims) = v.dim() {
        if dims.len() == 2 {
            super::matrix::print_array(out, v, &dims, opts, false);
            return;
        }
    }
    // a one-dimensional list array (tapply's list result) is tagged by its dimnames
    let names = v.names().or_else(|| match v.dim() {
        Some(d) if d.len() == 1 => v
            .get_attr("dimnames")
            .and_then(|dn| dn.list_vec().first().map(|x| x.str_vec().to_vec())),
        _ => None,
    });
    if items.is_empty() {
        out.push_str(if names.is_some() {
            "named list()\n"
        } else {
            "list()\n"
        });
        return;
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let name = names.as_ref().and_then(|n| n.get(i).cloned().flatten());
        let t = match name.as_deref() {
            Some(nm) if !nm.is_empty() => {
                if is_syntactic_name(nm) {
                    format!("{}${}", tag, nm)
                } else {
                    format!("{}$`{}`", tag, nm)
                }
            }
            _ => format!("{}[[{}]]", tag, i + 1),
        };
        out.push_str(&t);
        out.push('\n');
        print_nested(out, item, opts, &t, hook);
    }
    out.push('\n');
}
