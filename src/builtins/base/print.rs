//! Output builtins: print (with S3 dispatch), cat, writeLines, noquote.

use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::print::option_digits;
use crate::syntax::sym::Sym;
use crate::value::{Data, Env, Value};

pub const BUILTINS: &[Builtin] = &[
    eager("print", print),
    declared("print.default", print_default_fn),
    declared("cat", cat),
    declared("writeLines", write_lines),
    eager("noquote", noquote),
    eager("flush.console", nothing),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("print", "print(x, digits = NULL, quote = TRUE, ...)",
            "Prints x the way the console shows values and returns it invisibly. Dispatches on class to methods \
             such as print.data.frame, print.lm or user-defined print.myclass; digits sets the significant digits \
             and quote = FALSE drops the quotes around strings."),
        doc("print.default", "print.default(x, digits = NULL, quote = TRUE, ...)",
            "The default printing of vectors, matrices and lists, without class dispatch; see print."),
        doc("cat", "cat(..., file = \"\", sep = \" \", fill = FALSE, labels = NULL, append = FALSE)",
            "Writes its arguments as plain text, without quotes, indices or a final newline, separated by sep. \
             Vectors are written element by element; file writes to (or with append, adds to) a file instead of \
             the console."),
        doc("writeLines", "writeLines(text, con = stdout(), sep = \"\n\", useBytes = FALSE)",
            "Writes each string of text followed by sep (a newline by default) to the console, or to the file \
             named by con."),
        doc("noquote", "noquote(obj, right = FALSE)",
            "Marks a character vector so that it prints without quotes, by giving it class \"noquote\"."),
        doc("flush.console", "flush.console()", "Flushes pending console output. Returns NULL invisibly."),
    ]
};

fn nothing(it: &mut Interp, _a: Args) -> EvalResult {
    it.visible = false;
    Ok(Value::Null)
}

/// Prints a value as auto-printing does: user S3 methods first, then built-in printers.
pub fn print_dispatch(it: &mut Interp, v: &Value, env: &Env) -> EvalResult<()> {
    print_with(it, v, env, None, true)
}

fn print_with(
    it: &mut Interp,
    v: &Value,
    env: &Env,
    digits: Option<usize>,
    quote: bool,
) -> EvalResult<()> {
    if crate::value::class::is_s4(v) {
        if let Ok(show) = it.get_function(Sym::new("show"), env) {
            it.call_value(&show, vec![(None, v.clone())])?;
            return Ok(());
        }
    }
    if v.class_attr().is_some() {
        let mut pargs = vec![(None, v.clone())];
        if let Some(d) = digits {
            pargs.push((Some(Sym::new("digits")), Value::num(d as f64)));
        }
        if let Some(r) = it.try_dispatch("print", v, pargs, env) {
            r?;
            return Ok(());
        }
        if let Some(r) = it.try_dispatch("format", v, vec![(None, v.clone())], env) {
            let s = r?;
            let text = format_default(it, &s, digits, quote)?;
            it.write_out(&text);
            return Ok(());
        }
    }
    let text = format_default(it, v, digits, quote)?;
    it.write_out(&text);
    Ok(())
}

/// The text `print()` writes for a value without user methods.
pub fn format_default(
    it: &mut Interp,
    v: &Value,
    digits: Option<usize>,
    quote: bool,
) -> EvalResult<String> {
    format_default_layout(it, v, digits, quote, Layout::default())
}

/// print()'s layout arguments: `right` (right-justified strings), `print.gap` and `width`.
#[derive(Clone, Copy)]
pub struct Layout {
    pub right: bool,
    pub gap: usize,
    pub width: Option<usize>,
}

impl Default for Layout {
    fn default() -> Self {
        Layout { right: false, gap: 1, width: None }
    }
}

/// `format_default` with print()'s layout arguments.
pub fn format_default_layout(
    it: &mut Interp,
    v: &Value,
    digits: Option<usize>,
    quote: bool,
    layout: Layout,
) -> EvalResult<String> {
    let Layout { right, gap, width } = layout;
    if let Some(text) = crate::print::glm::format_glm(it, v) {
        return Ok(text);
    }
    if let Some(text) = crate::builtins::stats::models::format_model(it, v) {
        return Ok(text);
    }
    if v.is_data_frame() {
        return crate::builtins::base::frames::format_data_frame(it, v, digits);
    }
    if v.inherits("noquote") {
        let mut x = v.clone();
        x.set_attr(Sym::new("class"), Value::Null);
        return format_default(it, &x, digits, false);
    }
    if v.inherits("condition") {
        if let Some(text) = format_condition(v) {
            return Ok(text);
        }
    }
    let opts = crate::print::PrintOpts {
        digits: digits.unwrap_or_else(|| option_digits(it)),
        quote,
        right,
        gap,
        max_print: crate::print::option_max_print(it),
        scipen: crate::print::option_scipen(it),
        width: width.unwrap_or(crate::print::PrintOpts::default().width),
        ..Default::default()
    };
    if v.inherits("summaryDefault") {
        let o = crate::print::PrintOpts {
            digits: option_digits(it),
            ..opts
        };
        return Ok(crate::print::table::format_summary_default(v, &o, digits));
    }
    if v.inherits("htest") {
        return Ok(crate::print::htest::format_htest(
            v,
            digits.unwrap_or_else(|| option_digits(it)),
        ));
    }
    if v.inherits("table") {
        return Ok(crate::print::table::format_table(v, &opts));
    }
    if v.inherits("eigen") {
        // R's print.eigen: a heading, then the list without its class
        let mut x = v.clone();
        x.set_attr(Sym::new("class"), Value::Null);
        let body = format_default(it, &x, digits, quote)?;
        return Ok(format!("eigen() decomposition\n{}", body));
    }
    // Nested classed values (data frames in lists, fitted models...) print through their methods.
    let env = it.global.clone();
    let mut failure = None;
    let text = {
        let mut hook = |x: &Value| -> Option<String> {
            if failure.is_some() {
                return None;
            }
            if x.is_data_frame()
                || x.class_attr().is_some()
                || matches!(x, Value::Closure(_) | Value::Lang(_))
            {
                // an explicit digits reaches the elements' print methods, as in R
                match capture_print_digits(it, x, &env, digits) {
                    Ok(s) => Some(s),
                    Err(e) => {
                        failure = Some(e);
                        None
                    }
                }
            } else {
                None
            }
        };
        crate::print::print_value_with(v, &opts, &mut hook)
    };
    if let Some(e) = failure {
        return Err(e);
    }
    Ok(text)
}

/// What printing `v` writes, captured as a string.
pub fn capture_print(it: &mut Interp, v: &Value, env: &Env) -> EvalResult<String> {
    capture_print_digits(it, v, env, None)
}

/// `capture_print` passing an explicit `digits` on to print methods.
fn capture_print_digits(
    it: &mut Interp,
    v: &Value,
    env: &Env,
    digits: Option<usize>,
) -> EvalResult<String> {
    if let Value::Closure(c) = v {
        return Ok(format!(
            "{}\n",
            crate::syntax::deparse::deparse_function(&c.params, &c.body)
        ));
    }
    if let Value::Lang(l) = v {
        if l.attrs.is_none() {
            return Ok(format!("{}\n", crate::syntax::deparse::deparse(&l.expr)));
        }
    }
    it.begin_capture();
    let r = print_with(it, v, env, digits, true);
    let text = it.end_capture();
    r.map(|_| text)
}

fn print(it: &mut Interp, a: Args) -> EvalResult {
    let all = a.items.clone();
    let m = a.matched(&["x", "digits", "quote", "..."])?;
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let digits = m.get("digits").and_then(|v| v.as_f64()).map(|d| d as usize);
    let quote = m
        .get("quote")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let env = it
        .frames
        .last()
        .map(|f| f.env.clone())
        .unwrap_or_else(|| it.global.clone());
    if all.len() > 1 && x.class_attr().is_some() {
        // a method gets the extra arguments too (print(summary(fit), digits = 3))
        let mut args = all;
        args[0].0 = None;
        if let Some(r) = it.try_dispatch("print", &x, args, &env) {
            r?;
            it.visible = false;
            return Ok(x);
        }
    }
    let layout = layout_args(&m.dots);
    if x.is_data_frame() && !m.dots.is_empty() {
        crate::builtins::base::frames::print_data_frame_args(it, &x, digits, &m.dots)?;
    } else if (layout.right || layout.gap != 1 || layout.width.is_some()) && x.class_attr().is_none() {
        let text = format_default_layout(it, &x, digits, quote, layout)?;
        it.write_out(&text);
    } else {
        print_with(it, &x, &env, digits, quote)?;
    }
    it.visible = false;
    Ok(x)
}

fn print_default_fn(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let digits = m.get("digits").and_then(|v| v.as_f64()).map(|d| d as usize);
    let quote = m
        .get("quote")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let mut y = x.clone();
    y.set_attr(Sym::new("class"), Value::Null);
    let text = format_default_layout(it, &y, digits, quote, layout_args(&m.dots))?;
    it.write_out(&text);
    it.visible = false;
    Ok(x)
}

/// print()'s `right` and `print.gap` arguments among the extra ones.
fn layout_args(dots: &[(Option<Sym>, Value)]) -> Layout {
    let mut l = Layout::default();
    for (name, v) in dots {
        match name.map(|n| n.as_str().to_string()).as_deref() {
            Some("right") => l.right = v.as_bool().flatten().unwrap_or(false),
            Some("print.gap") => l.gap = v.as_f64().filter(|g| *g >= 1.0).map(|g| g as usize).unwrap_or(1),
            Some("width") => l.width = v.as_f64().filter(|w| *w >= 10.0).map(|w| w as usize),
            _ => {}
        }
    }
    l
}

/// How `cat` writes one element.
fn cat_items(v: &Value) -> EvalResult<Vec<String>> {
    let v = if v.is_factor() {
        v.coerce(crate::value::VType::Int)
    } else {
        v.clone()
    };
    match &v {
        Value::Null => Ok(vec![]),
        Value::Vector(x) => match &x.data {
            Data::Dbl(d) => Ok(d.iter().map(|&f| crate::print::cat_num(f)).collect()),
            Data::Raw(d) => Ok(d.iter().map(|b| format!("{b:02x}")).collect()),
            Data::Cplx(d) => Ok(d
                .iter()
                .map(|&z| {
                    if crate::value::complex::cplx_is_na_strict(z) {
                        "NA".into()
                    } else {
                        crate::value::complex::cplx_alone(z, 7)
                    }
                })
                .collect()),
            Data::Int(d) => Ok(d
                .iter()
                .map(|&i| {
                    if i == crate::value::NA_INT {
                        "NA".into()
                    } else {
                        i.to_string()
                    }
                })
                .collect()),
            Data::Lgl(d) => Ok(d
                .iter()
                .map(|&i| match i {
                    crate::value::NA_LGL => "NA".to_string(),
                    0 => "FALSE".into(),
                    _ => "TRUE".into(),
                })
                .collect()),
            Data::Str(d) => Ok(d
                .iter()
                .map(|s| s.as_deref().unwrap_or("NA").to_string())
                .collect()),
            Data::List(l) => {
                let mut out = Vec::new();
                for item in l.iter() {
                    match item {
                        Value::Vector(iv)
                            if iv.data.len() == 1 && !matches!(iv.data, Data::List(_)) =>
                        {
                            out.extend(cat_items(item)?)
                        }
                        Value::Null => {}
                        _ => return err("argument 1 (type 'list') cannot be handled by 'cat'"),
                    }
                }
                Ok(out)
            }
        },
        Value::Lang(l) => Ok(vec![crate::syntax::deparse::deparse(&l.expr)]),
        Value::Closure(_) | Value::Builtin(_) => {
            err("argument 1 (type 'closure') cannot be handled by 'cat'")
        }
        _ => err("argument cannot be handled by 'cat'"),
    }
}

fn cat(it: &mut Interp, m: Matched) -> EvalResult {
    let sep = m
        .get("sep")
        .map(|v| v.str_vec())
        .unwrap_or_else(|| std::rc::Rc::new(vec![Some(" ".into())].into()));
    let sep: Vec<String> = sep
        .iter()
        .map(|s| s.as_deref().unwrap_or("NA").to_string())
        .collect();
    let fill = m
        .get("fill")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    let mut out = String::new();
    let mut k = 0usize;
    let mut first = true;
    for (_, v) in m.dots.iter() {
        for item in cat_items(v)? {
            if !first {
                out.push_str(&sep[(k - 1) % sep.len().max(1)]);
            }
            out.push_str(&item);
            first = false;
            k += 1;
        }
    }
    // R ends the output with a newline when filling or when any separator holds one
    if (fill && !out.ends_with('\n')) || sep.iter().any(|s| s.contains('\n')) {
        out.push('\n');
    }
    let append = m
        .get("append")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    match m.get("file").cloned() {
        Some(file) => crate::builtins::base::connections::write(it, &file, &out, append)?,
        None => it.write_out(&out),
    }
    it.visible = false;
    Ok(Value::Null)
}

fn write_lines(it: &mut Interp, m: Matched) -> EvalResult {
    let text = m.get("text").map(|v| v.str_vec()).unwrap_or_default();
    let sep = m
        .get("sep")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "\n".into());
    let mut out = String::new();
    for s in text.iter() {
        out.push_str(s.as_deref().unwrap_or("NA"));
        out.push_str(&sep);
    }
    match m.get("con").cloned() {
        Some(con) => crate::builtins::base::connections::write(it, &con, &out, false)?,
        None => it.write_out(&out),
    }
    it.visible = false;
    Ok(Value::Null)
}

fn noquote(_it: &mut Interp, a: Args) -> EvalResult {
    let mut x = a
        .items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null);
    x.set_attr(Sym::new("class"), Value::str("noquote"));
    Ok(x)
}

/// R's print.condition: `<class in call: message>`, or `<class: message>` without a call.
fn format_condition(v: &Value) -> Option<String> {
    let msg = match crate::eval::index::list_get(v, "message") {
        Some(m) => m.as_string()?,
        None => return None,
    };
    let cls = v
        .class_attr()
        .and_then(|c| c.first().cloned())
        .unwrap_or_default();
    Some(match crate::eval::index::list_get(v, "call") {
        Some(Value::Lang(l)) => {
            let call = crate::syntax::deparse::deparse_lines(&l.expr, 60)
                .into_iter()
                .next()
                .unwrap_or_default();
            format!("<{} in {}: {}>\n", cls, call, msg)
        }
        _ => format!("<{}: {}>\n", cls, msg),
    })
}
