//! `str()`: the compact structure display of `utils:::str.default` and `str.data.frame`,
//! with its options `max.level`, `vec.len`, `nchar.max`, `give.attr`, `give.head`,
//! `give.length`, `indent.str` and `list.len`.

use crate::builtins::{eager, Args, Builtin};
use crate::error::EvalResult;
use crate::eval::Interp;
use crate::print::num::{int_str, lgl_str, pad_right, str_width};
use crate::print::strings::escape_str;
use crate::print::summary::{format_num_str, signif};
use crate::value::frame::df_nrow;
use crate::value::{is_na_real, Data, Value};

/// The builtins of this family.
pub const BUILTINS: &[Builtin] = &[eager("str", str_fn)];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("str", "str(object, ...)",
            "Prints a compact one-line-per-component display of the structure of an object: its type, length and \
             first values, and recursively the components of lists and data frames. Returns NULL invisibly."),
    ]
};

/// The options of one `str()` call.
#[derive(Clone, Debug)]
pub struct StrOpts {
    /// Deepest nesting level shown (None = all).
    pub max_level: Option<usize>,
    /// `vec.len`: the base number of vector elements shown.
    pub vec_len: f64,
    /// Whether `vec.len` was given at top level (nested calls always pass it).
    pub vec_len_given: bool,
    /// Strings longer than this are truncated (`nchar.max`).
    pub nchar_max: usize,
    pub give_attr: bool,
    pub give_head: bool,
    /// Most list components shown (`list.len`).
    pub list_len: usize,
    pub width: usize,
}

impl Default for StrOpts {
    fn default() -> Self {
        StrOpts {
            max_level: None,
            vec_len: 4.0,
            vec_len_given: false,
            nchar_max: 128,
            give_attr: true,
            give_head: true,
            list_len: 99,
            width: 80,
        }
    }
}

fn caller_env(it: &Interp) -> crate::value::Env {
    it.frames
        .last()
        .map(|f| f.env.clone())
        .unwrap_or_else(|| it.global.clone())
}

/// R's `round()` (half to even) for the small counts `str` computes.
fn round_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        r - x.signum()
    } else {
        r
    }
}

fn str_fn(it: &mut Interp, a: Args) -> EvalResult {
    let raw = a.items.clone();
    let m = a.matched(&[
        "object",
        "max.level",
        "vec.len",
        "digits.d",
        "nchar.max",
        "give.attr",
        "drop.deparse.attr",
        "give.head",
        "give.length",
        "width",
        "nest.lev",
        "indent.str",
        "comp.str",
        "no.list",
        "envir",
        "strict.width",
        "formatNum",
        "list.len",
        "deparse.lines",
        "...",
    ])?;
    let x = m.get("object").cloned().unwrap_or(Value::Null);
    if x.class_attr().is_some() && !x.is_data_frame() && !x.is_factor() {
        let env = caller_env(it);
        // the method gets every argument (max.level, give.attr, ...), the object first
        let mut args = vec![(None, x.clone())];
        let mut skipped = false;
        for (n, v) in raw {
            let is_obj = n.map(|s| s.as_str() == "object").unwrap_or(false) || (n.is_none() && !skipped);
            if is_obj && !skipped {
                skipped = true;
                continue;
            }
            args.push((n, v));
        }
        if let Some(r) = it.try_dispatch("str", &x, args.clone(), &env) {
            r?;
            it.visible = false;
            return Ok(Value::Null);
        }
        // an S4 object without a str method: its slots, as the methods package shows them
        if crate::value::class::is_s4(&x) {
            let f = it.get_function(crate::syntax::sym::Sym::new(".s4_str"), &env)?;
            it.call_value(&f, args)?;
            it.visible = false;
            return Ok(Value::Null);
        }
    }
    let num = |name: &str| m.get(name).and_then(|v| v.as_f64()).filter(|v| !v.is_nan());
    let lgl = |name: &str, d: bool| m.get(name).and_then(|v| v.as_bool().flatten()).unwrap_or(d);
    let mut o = StrOpts {
        max_level: num("max.level").map(|v| v.max(0.0) as usize),
        ..StrOpts::default()
    };
    if let Some(v) = num("vec.len") {
        o.vec_len = v.max(0.0);
        o.vec_len_given = true;
    }
    if let Some(v) = num("nchar.max") {
        o.nchar_max = v.max(17.0) as usize;
    }
    o.give_attr = lgl("give.attr", true);
    o.give_head = lgl("give.head", true);
    let give_length = lgl("give.length", o.give_head);
    if let Some(v) = num("width") {
        o.width = v as usize;
    }
    if let Some(v) = num("list.len") {
        o.list_len = v.max(0.0) as usize;
    }
    let indent = m
        .get("indent.str")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| " ".into());
    let mut out = String::new();
    str_rec(&mut out, &x, &indent, 0, give_length, &o);
    it.write_out(&out);
    it.visible = false;
    Ok(Value::Null)
}

/// What `str(x)` writes for `x` with default options (all lines, each ending in a newline).
pub fn str_text(x: &Value) -> String {
    let mut out = String::new();
    str_rec(&mut out, x, " ", 0, true, &StrOpts::default());
    out
}

/// The header of a function as `str` shows it: `function (x, y)  `.
fn function_header(v: &Value) -> String {
    let text = match v {
        Value::Closure(c) => crate::syntax::deparse::deparse_function(&c.params, &c.body),
        _ => return "function (...)  ".into(),
    };
    let mut depth = 0i32;
    let mut end = text.len();
    let mut started = false;
    for (i, ch) in text.char_indices() {
        match ch {
            '(' => {
                depth += 1;
                started = true;
            }
            ')' => {
                depth -= 1;
                if started && depth == 0 {
                    end = i + 1;
                    break;
                }
            }
            _ => {}
        }
    }
    format!("{}  ", &text[..end])
}

/// `[1:n]`-style length string for a vector or array.
fn len_str(x: &Value, le: usize, give_length: bool) -> String {
    if let Some(d) = x.dim() {
        if d.len() == 1 {
            return format!("[1:{}(1d)]", d[0]);
        }
        let parts: Vec<String> = d
            .iter()
            .map(|&k| {
                if k > 1 {
                    format!("1:{}", k)
                } else if k == 0 {
                    "0(0)".into()
                } else {
                    k.to_string()
                }
            })
            .collect();
        return format!("[{}]", parts.join(", "));
    }
    if !give_length {
        return String::new();
    }
    if le > 0 {
        format!("[1:{}]", le)
    } else {
        "(0)".into()
    }
}

/// Whether the first values of a double vector show exactly with 3 significant digits
/// (then `str` shows 2.5 * vec.len values, else 1.25 * vec.len).
fn nice_doubles(x: &[f64], n: usize) -> bool {
    x.iter()
        .take(n)
        .filter(|v| !is_na_real(**v) && !v.is_nan())
        .all(|&v| {
            let a = v.abs();
            (a == 0.0 || (a > 1e-10 && a < 1e10)) && (v - signif(v, 3)).abs() <= 9e-16 * a
        })
}

/// `maybe_truncate`: strings wider than `nchar.max` are cut and marked `| __truncated__`.
fn maybe_truncate(s: String, quote: &str, o: &StrOpts) -> String {
    if str_width(&s) <= o.nchar_max {
        return s;
    }
    let mark = format!("{}| __truncated__", quote);
    let keep = o.nchar_max.saturating_sub(mark.chars().count());
    let t: String = s.chars().take(keep).collect();
    if t == s || format!("{}{}", t, quote) == s {
        return s;
    }
    format!("{}{}", t, mark)
}

fn str_rec(out: &mut String, x: &Value, indent: &str, nest: usize, give_length: bool, o: &StrOpts) {
    match x {
        Value::Null => out.push_str(" NULL\n"),
        Value::Closure(_) | Value::Builtin(_) => {
            out.push_str(&function_header(x));
            out.push('\n');
        }
        Value::Env(e) => {
            out.push_str(crate::print::env_label(e).trim_end());
            out.push_str(" \n");
        }
        Value::Lang(l) => {
            let kind = if matches!(l.expr.kind, crate::syntax::ast::ExprKind::Ident(_)) {
                "symbol"
            } else {
                "language"
            };
            if let Some(cl) = x.class_attr() {
                out.push_str(&format!(
                    "Class{} '{}' ",
                    if cl.len() > 1 { "es" } else { "" },
                    cl.join("', '")
                ));
            }
            // deparsed at width.cutoff 70, round(vec.len / 2) lines joined by spaces
            let width = (o.width.saturating_sub(10)).clamp(20, 500);
            let lines = crate::syntax::deparse::deparse_lines(&l.expr, width);
            let vlen = round_even(0.5 * o.vec_len).max(0.0) as usize;
            let mut text = lines
                .iter()
                .take(vlen.max(1))
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            if lines.len() > vlen.max(1) {
                text.push_str(" ...");
            }
            out.push_str(&format!(" {} {}\n", kind, text));
            if x.class_attr().is_some() {
                str_attrs(
                    out,
                    x,
                    &["class"],
                    &format!("{} ..", indent),
                    nest + 1,
                    give_length,
                    o,
                );
            }
        }
        Value::Vector(v) => match &v.data {
            Data::List(items) => str_list(out, x, items, indent, nest, give_length, o),
            d => str_atomic(out, x, d, indent, nest, give_length, o),
        },
        _ => out.push_str(" NULL\n"),
    }
}

fn str_list(
    out: &mut String,
    x: &Value,
    items: &[Value],
    indent: &str,
    nest: usize,
    give_length: bool,
    o: &StrOpts,
) {
    let is_df = x.is_data_frame();
    let mut give_length = give_length;
    if is_df {
        let p = items.len();
        // other classes before "data.frame" are named first, as R's str does
        let others: Vec<String> = x
            .get_attr("class")
            .and_then(|c| c.as_strings())
            .unwrap_or_default()
            .into_iter()
            .filter(|c| c != "data.frame")
            .map(|c| format!("\u{2018}{}\u{2019}", c))
            .collect();
        if !others.is_empty() {
            out.push_str(&format!("Classes {} and ", others.join(", ")));
        }
        out.push_str(&format!(
            "'data.frame':\t{} obs. of  {} variable{}{}\n",
            df_nrow(x),
            p,
            if p != 1 { "s" } else { "" },
            if p > 0 { ":" } else { "" }
        ));
        // str.data.frame drops lengths unless a caller passed give.length (nested calls do)
        if nest == 0 {
            give_length = false;
        }
    } else if items.is_empty() {
        out.push_str(if x.names().is_some() {
            " Named list()\n"
        } else {
            " list()\n"
        });
        return;
    } else {
        out.push_str(&format!("List of {}\n", items.len()));
    }
    if o.max_level.map(|m| nest < m).unwrap_or(true) {
        // a one-dimensional array (a table, tapply's list) is named by its dimnames
        let names1d = x.names().or_else(|| match x.dim() {
            Some(d) if d.len() == 1 => x
                .get_attr("dimnames")
                .and_then(|dn| dn.list_vec().first().map(|v| v.str_vec().to_vec())),
            _ => None,
        });
        let names: Vec<String> = match names1d {
            Some(n) => n
                .iter()
                .map(|s| s.as_deref().unwrap_or("NA").to_string())
                .collect(),
            None => vec![String::new(); items.len()],
        };
        let w = names.iter().map(|s| str_width(s)).max().unwrap_or(0);
        let sub_indent = format!("{} ..", indent);
        for (i, item) in items.iter().enumerate().take(o.list_len) {
            // a names attribute shorter than the list (possible in a file from elsewhere)
            let name = names.get(i).map(String::as_str).unwrap_or("");
            out.push_str(&format!("{}$ {}:", indent, pad_right(name, w)));
            str_rec(out, item, &sub_indent, nest + 1, give_length, o);
        }
        if o.list_len < items.len() {
            out.push_str(&format!("{} [list output truncated]\n", indent));
        }
    }
    let skip: &[&str] = if is_df {
        &["names", "class", "row.names"]
    } else {
        &["names"]
    };
    str_attrs(out, x, skip, indent, nest, give_length, o);
}

/// Shows the attributes `str` does not consider standard, as ` - attr(*, "name")=` lines.
fn str_attrs(
    out: &mut String,
    x: &Value,
    skip: &[&str],
    indent: &str,
    nest: usize,
    give_length: bool,
    o: &StrOpts,
) {
    if !o.give_attr {
        return;
    }
    let Some(attrs) = x.attrs() else { return };
    let sub_indent = format!("{} ..", indent);
    for (k, a) in attrs.iter() {
        if skip.contains(&k.as_str()) {
            continue;
        }
        out.push_str(&format!("{}- attr(*, \"{}\")=", indent, k.as_str()));
        str_rec(out, a, &sub_indent, nest + 1, give_length, o);
    }
}

fn str_atomic(
    out: &mut String,
    x: &Value,
    d: &Data,
    indent: &str,
    nest: usize,
    give_length: bool,
    o: &StrOpts,
) {
    let le = d.len();
    if x.is_factor() {
        str_factor(out, x, d, o);
        return;
    }
    if le > 0 && x.attrs().is_some() && (x.inherits("Date") || x.inherits("POSIXct")) {
        str_time(out, x, indent, nest, give_length, o);
        return;
    }
    let mut mode = match d {
        Data::Raw(_) => "raw",
        Data::Lgl(_) => "logi",
        Data::Int(_) => "int",
        Data::Dbl(_) => "num",
        Data::Cplx(_) => "cplx",
        Data::Str(_) => "chr",
        Data::List(_) => "list",
    }
    .to_string();
    let is_array = x.dim().is_some();
    let mut skip: Vec<&str> = vec![];
    if is_array {
        skip.push("dim");
    } else if x.names().is_some() {
        mode = format!("Named {}", mode);
    } else {
        skip.push("names");
    }
    // a time series: "Time-Series [1:n] from start to end:"
    let tsp = x.get_attr("tsp").filter(|_| x.inherits("ts")).map(|t| t.dbl_vec().to_vec());
    if tsp.is_some() {
        mode = "Time-Series".into();
        skip.extend(["class", "tsp"]);
    }
    if let Some(cl) = x.class_attr().and_then(|c| c.first().cloned()).filter(|_| tsp.is_none()) {
        if !cl.starts_with(&mode) {
            mode = format!("'{}' {}", cl, mode);
        }
        skip.push("class");
    }
    let mut ls = len_str(x, le, give_length);
    if let Some(t) = tsp.filter(|t| t.len() == 3) {
        let f = |v: f64| crate::print::format_dbl_vec_trim(&[v], 3).pop().unwrap_or_default();
        ls = format!("{} from {} to {}:", ls, f(t[0]), f(t[1]));
    }
    let head = if le == 1 && !is_array {
        format!(" {}", mode)
    } else {
        format!(" {}{}{}", mode, if le > 0 { " " } else { "" }, ls)
    };
    let (shown, vlen) = str_values(d, nest, str_width(&head), o);
    if o.give_head {
        out.push_str(&head);
        out.push(' ');
    }
    out.push_str(&shown.join(" "));
    if le as f64 > vlen {
        out.push_str(" ...");
    }
    out.push('\n');
    str_attrs(out, x, &skip, indent, nest, give_length, o);
}

/// `str` of dates and date-times: the class, then their text as `str` shows strings (in a
/// list or frame at most (width - indent - 31) / 19 of them).
fn str_time(out: &mut String, x: &Value, indent: &str, nest: usize, give_length: bool, o: &StrOpts) {
    let cls = x.class_attr().and_then(|c| c.first().cloned()).unwrap_or_default();
    let text = crate::builtins::base::dates::frame_cells(x).unwrap_or_default();
    let strs: Vec<crate::value::RStr> = text
        .into_iter()
        .map(|s| if s == "<NA>" { None } else { Some(std::rc::Rc::from(s.as_str())) })
        .collect();
    let le = strs.len();
    let mut o2 = o.clone();
    if nest > 0 {
        let cap = (o.width as f64 - str_width(indent) as f64 - 31.0) / 19.0;
        o2.vec_len = o.vec_len.min(cap.floor());
    }
    let (shown, vlen) = str_values(&Data::Str(std::rc::Rc::new(strs.into())), nest, 0, &o2);
    out.push_str(&format!(" {}{}, format: ", cls, if give_length { format!("[1:{}]", le) } else { String::new() }));
    out.push_str(&shown.join(" "));
    if le as f64 > vlen {
        out.push_str(" ...");
    }
    out.push('\n');
}

/// The values `str` shows for an atomic vector and how many it would show at most.
fn str_values(d: &Data, nest: usize, head_width: usize, o: &StrOpts) -> (Vec<String>, f64) {
    let le = d.len();
    let v = o.vec_len;
    let iv = round_even(2.5 * v);
    let take = |n: f64| (n.max(0.0).floor() as usize).min(le);
    match d {
        Data::Dbl(x) => {
            let vlen = if nice_doubles(x, iv as usize) {
                iv
            } else {
                round_even(1.25 * v)
            };
            (format_num_str(&x[..take(vlen)], 3), vlen)
        }
        Data::Int(x) => (
            x.iter().take(take(iv)).map(|&i| int_str(i, "NA")).collect(),
            iv,
        ),
        Data::Lgl(x) => {
            let vlen = 1.5 * v;
            (
                x.iter()
                    .take(take(vlen))
                    .map(|&i| lgl_str(i, "NA"))
                    .collect(),
                vlen,
            )
        }
        Data::Str(x) => {
            let enc: Vec<String> = x
                .iter()
                .map(|s| {
                    s.as_deref()
                        .map(|s| maybe_truncate(escape_str(s, true), "\"", o))
                        .unwrap_or_else(|| "NA".into())
                })
                .collect();
            // nested calls pass vec.len explicitly, which makes R use it as is
            let vlen = if nest > 0 || o.vec_len_given {
                round_even(v)
            } else {
                let limit = o.width as i64 - (4 + 5 * nest as i64 + head_width as i64);
                let mut total = 0i64;
                let mut n = 0usize;
                for e in &enc {
                    total += 1 + str_width(e) as i64;
                    if total < limit {
                        n += 1;
                    } else {
                        break;
                    }
                }
                n.max(1) as f64
            };
            let k = take(vlen);
            (enc.into_iter().take(k).collect(), vlen)
        }
        Data::Cplx(x) => {
            let vlen = 0.75 * v;
            let shown = &x[..take(vlen)];
            let f = crate::value::complex::cplx_format(shown, 3, 0, 0);
            let enc = shown
                .iter()
                .map(|&z| {
                    crate::value::complex::encode_cplx(z, &f, 3, "NA")
                        .trim()
                        .to_string()
                })
                .collect();
            (enc, vlen)
        }
        Data::Raw(x) => {
            let vlen = v;
            (x[..take(vlen)].iter().map(|b| format!("{b:02x}")).collect(), vlen)
        }
        Data::List(_) => (vec![], 0.0),
    }
}

fn str_factor(out: &mut String, x: &Value, d: &Data, o: &StrOpts) {
    let levels: Vec<String> = x
        .get_attr("levels")
        .map(|l| {
            l.str_vec()
                .iter()
                .map(|s| escape_str(s.as_deref().unwrap_or("NA"), true))
                .collect()
        })
        .unwrap_or_default();
    let nl = levels.len();
    let ordered = x.inherits("ordered");
    let sep = if ordered { "<" } else { "," };
    let mut ml = nl;
    let mut cum = 0usize;
    if nl > 1 {
        for (i, l) in levels.iter().enumerate() {
            cum += str_width(l) + 1;
            if cum > 13 {
                ml = i + 1;
                break;
            }
        }
    }
    let mut head = format!(
        " {}actor w/ {} level{}",
        if ordered { "Ord.f" } else { "F" },
        nl,
        if nl != 1 { "s" } else { "" }
    );
    if nl > 0 {
        head.push(' ');
        let shown: Vec<String> = levels[..ml]
            .iter()
            .map(|l| maybe_truncate(l.clone(), "\"", o))
            .collect();
        head.push_str(&shown.join(sep));
    }
    if ml < nl {
        head.push_str(sep);
        head.push_str("..");
    }
    head.push(':');
    let codes = d.to_int();
    let iv = round_even(2.5 * o.vec_len);
    let n = (iv.max(0.0) as usize).min(codes.len());
    let shown: Vec<String> = codes.iter().take(n).map(|&i| int_str(i, "NA")).collect();
    if o.give_head {
        out.push_str(&head);
        out.push(' ');
    }
    out.push_str(&shown.join(" "));
    if codes.len() as f64 > iv {
        out.push_str(" ...");
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_of_vectors() {
        assert_eq!(str_text(&Value::ints(vec![1, 2, 3])), " int [1:3] 1 2 3\n");
        assert_eq!(str_text(&Value::dbls(vec![1.5])), " num 1.5\n");
        assert_eq!(round_even(2.5), 2.0);
        assert_eq!(round_even(5.0), 5.0);
    }
}
