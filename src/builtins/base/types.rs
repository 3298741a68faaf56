//! Types: typeof, mode, is.*, as.*, identical, all.equal, isTRUE.

use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::{Data, VType, Value, NA_INT};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    declared("typeof", type_of),
    declared("mode", mode),
    declared("storage.mode", type_of),
    declared("is.numeric", is_numeric),
    eager("is.double", is_double),
    eager("is.integer", is_integer),
    eager("is.character", is_character),
    eager("is.logical", is_logical),
    declared("is.function", is_function),
    eager("is.list", is_list),
    declared("is.vector", is_vector),
    eager("is.atomic", is_atomic),
    declared("is.environment", is_environment),
    declared("is.factor", is_factor),
    declared("is.ordered", is_ordered),
    declared("is.matrix", is_matrix),
    declared("is.array", is_array),
    declared("is.data.frame", is_data_frame),
    declared("is.element", is_element),
    declared("is.symbol", is_symbol),
    declared("is.name", is_symbol),
    declared("is.call", is_call),
    declared("is.language", is_language),
    declared("is.primitive", is_primitive),
    eager("is.nan", is_nan),
    eager("is.finite", is_finite),
    eager("is.infinite", is_infinite),
    declared("as.numeric", as_numeric),
    declared("as.double", as_numeric),
    declared("as.integer", as_integer),
    declared("as.character", as_character),
    declared("as.logical", as_logical),
    eager("as.vector", as_vector),
    declared("as.list", as_list),
    declared("identical", identical),
    declared("isTRUE", is_true),
    declared("isFALSE", is_false),
    declared("xor", xor),
    eager("all.equal", all_equal),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("typeof", "typeof(x)",
            "Returns the internal storage type of x as a string, such as \"double\", \"integer\", \"character\", \
             \"list\", \"closure\" or \"NULL\"."),
        doc("mode", "mode(x)",
            "Returns the mode of x, a coarser classification than typeof: integers and doubles are both \
             \"numeric\", and calls are \"call\"."),
        doc("storage.mode", "storage.mode(x)",
            "Returns the storage mode of x, such as \"double\", \"integer\", \"character\" or \"list\"; for \
             vectors it is the same as typeof."),
        doc("is.numeric", "is.numeric(x)",
            "TRUE when x is an integer or double vector that is not a factor, otherwise FALSE."),
        doc("is.double", "is.double(x)", "TRUE when x is stored as a double vector."),
        doc("is.integer", "is.integer(x)", "TRUE when x is stored as an integer vector, such as 1:3 or 5L."),
        doc("is.character", "is.character(x)", "TRUE when x is a character vector."),
        doc("is.logical", "is.logical(x)", "TRUE when x is a logical vector."),
        doc("is.function", "is.function(x)", "TRUE when x is a function, whether user-defined or builtin."),
        doc("is.list", "is.list(x)", "TRUE when x is a list (data frames included)."),
        doc("is.vector", "is.vector(x, mode = \"any\")",
            "TRUE when x is a vector of the given mode carrying no attributes other than names. The default mode \
             \"any\" accepts atomic vectors, lists and expressions."),
        doc("is.atomic", "is.atomic(x)",
            "TRUE when x is an atomic vector (logical, integer, double, complex, character or raw), FALSE for \
             lists, functions and NULL."),
        doc("is.environment", "is.environment(x)", "TRUE when x is an environment."),
        doc("is.factor", "is.factor(x)", "TRUE when x inherits from class \"factor\"."),
        doc("is.ordered", "is.ordered(x)", "TRUE when x is an ordered factor."),
        doc("is.matrix", "is.matrix(x)", "TRUE when x has a dim attribute of length two."),
        doc("is.array", "is.array(x)", "TRUE when x has a dim attribute (matrices included)."),
        doc("is.data.frame", "is.data.frame(x)", "TRUE when x inherits from class \"data.frame\"."),
        doc("is.element", "is.element(el, set)",
            "Tests each element of el for membership in set; the same as el %in% set. Returns a logical vector as \
             long as el."),
        doc("is.symbol", "is.symbol(x)", "TRUE when x is a symbol (a name), as produced by quote(x) or as.name."),
        doc("is.name", "is.name(x)", "TRUE when x is a symbol; a synonym of is.symbol."),
        doc("is.call", "is.call(x)", "TRUE when x is an unevaluated function call, such as quote(f(1))."),
        doc("is.language", "is.language(x)", "TRUE when x is a symbol, a call or an expression."),
        doc("is.primitive", "is.primitive(x)",
            "TRUE when x is a builtin function rather than a closure written in the language."),
        doc("is.nan", "is.nan(x)", "Elementwise test for NaN (not-a-number). NA is not NaN, so is.nan(NA) is FALSE."),
        doc("is.finite", "is.finite(x)",
            "Elementwise test that a value is neither infinite, NA nor NaN. Character vectors give all FALSE."),
        doc("is.infinite", "is.infinite(x)", "Elementwise test for Inf or -Inf."),
        doc("as.numeric", "as.numeric(x, ...)",
            "Converts x to a double vector. Strings that do not parse as numbers become NA with a warning; \
             factors give their integer codes."),
        doc("as.double", "as.double(x, ...)", "Converts x to a double vector; the same as as.numeric."),
        doc("as.integer", "as.integer(x, ...)",
            "Converts x to an integer vector, truncating doubles toward zero. Values that cannot be converted \
             become NA with a warning."),
        doc("as.character", "as.character(x, ...)",
            "Converts x to a character vector. Numbers are written with up to 15 significant digits; factors give \
             their labels."),
        doc("as.logical", "as.logical(x, ...)",
            "Converts x to a logical vector. Numbers are TRUE unless zero; strings \"TRUE\", \"true\", \"T\", \
             \"FALSE\", \"false\" and \"F\" are recognised, anything else is NA."),
        doc("as.vector", "as.vector(x, mode = \"any\")",
            "Removes attributes (names too, for atomic vectors) and optionally converts to mode, one of \"any\", \
             \"list\", \"numeric\", \"character\", \"logical\" and the like."),
        doc("as.list", "as.list(x, ...)",
            "Converts x to a list: each element of an atomic vector becomes a list element, names are kept, and \
             an environment gives its bindings."),
        doc("identical",
            "identical(x, y, num.eq = TRUE, single.NA = TRUE, attrib.as.set = TRUE, ignore.bytecode = TRUE, \
             ignore.environment = FALSE, ignore.srcref = TRUE)",
            "TRUE when x and y are exactly the same object: same type, same values and same attributes. Returns a \
             single TRUE or FALSE, never NA."),
        doc("isTRUE", "isTRUE(x)",
            "TRUE when x is a single logical TRUE without NA; anything else, including a longer vector, gives \
             FALSE."),
        doc("isFALSE", "isFALSE(x)", "TRUE when x is a single logical FALSE; anything else gives FALSE."),
        doc("xor", "xor(x, y)", "Elementwise exclusive or: TRUE where exactly one of x and y is TRUE."),
        doc("all.equal", "all.equal(target, current, tolerance = 1.5e-8, check.attributes = TRUE, ...)",
            "Compares two objects allowing for small numeric differences (mean relative difference below \
             tolerance). Returns TRUE, or a character vector describing the differences; wrap it in isTRUE for a \
             test."),
    ]
};

fn first(a: &Args) -> Value {
    a.items.first().map(|x| x.1.clone()).unwrap_or(Value::Null)
}

fn type_of(_it: &mut Interp, m: Matched) -> EvalResult {
    let v = m.get("x").cloned().unwrap_or(Value::Null);
    if is_expression_vector(&v) {
        return Ok(Value::str("expression"));
    }
    Ok(Value::str(crate::value::class::type_of(&v)))
}

/// An expression vector: rsc's list with the class "expression".
fn is_expression_vector(v: &Value) -> bool {
    v.vtype() == Some(VType::List) && v.class_attr().is_some_and(|c| c.len() == 1 && c[0] == "expression")
}

fn mode(_it: &mut Interp, m: Matched) -> EvalResult {
    let v = m.get("x").cloned().unwrap_or(Value::Null);
    Ok(Value::str(mode_name(&v)))
}

/// R's `mode()` of a value ("numeric", "function", "name", "call", ...).
pub fn mode_name(v: &Value) -> &'static str {
    match v {
        v if is_expression_vector(v) => "expression",
        Value::Vector(x) => match x.data.vtype() {
            VType::Int | VType::Dbl => "numeric",
            t => t.type_name(),
        },
        Value::Closure(_) | Value::Builtin(_) => "function",
        Value::Lang(l) => match l.expr.kind {
            crate::syntax::ast::ExprKind::Ident(_) => "name",
            crate::syntax::ast::ExprKind::Paren(_) => "(",
            _ => "call",
        },
        v => crate::value::class::type_of(v),
    }
}

fn vt(a: &Args) -> Option<VType> {
    a.items.first().and_then(|x| x.1.vtype())
}

fn is_numeric(_it: &mut Interp, m: Matched) -> EvalResult {
    let v = m.get("x").cloned().unwrap_or(Value::Null);
    Ok(Value::lgl(
        matches!(v.vtype(), Some(VType::Int) | Some(VType::Dbl))
            && !v.is_factor()
            && !crate::value::class::is_time_vector(&v),
    ))
}
fn is_double(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(Value::lgl(vt(&a) == Some(VType::Dbl)))
}
fn is_integer(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(Value::lgl(vt(&a) == Some(VType::Int)))
}
fn is_character(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(Value::lgl(vt(&a) == Some(VType::Str)))
}
fn is_logical(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(Value::lgl(vt(&a) == Some(VType::Lgl)))
}
fn is_function(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(
        m.get("x").cloned().unwrap_or(Value::Null).is_function(),
    ))
}
fn is_list(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(Value::lgl(vt(&a) == Some(VType::List)))
}
fn is_vector(_it: &mut Interp, m: Matched) -> EvalResult {
    let v = m.get("x").cloned().unwrap_or(Value::Null);
    let mode = m
        .get("mode")
        .and_then(|x| x.as_string())
        .unwrap_or_else(|| "any".into());
    let only_names = v
        .attrs()
        .map(|at| at.iter().all(|(k, _)| k.as_str() == "names"))
        .unwrap_or(true);
    let t = v.vtype();
    let ok = only_names
        && t.is_some()
        && match mode.as_str() {
            "any" => true,
            "list" => t == Some(VType::List),
            "numeric" => matches!(t, Some(VType::Int) | Some(VType::Dbl)),
            "character" => t == Some(VType::Str),
            "logical" => t == Some(VType::Lgl),
            "integer" => t == Some(VType::Int),
            "double" => t == Some(VType::Dbl),
            "complex" => t == Some(VType::Cplx),
            "raw" => t == Some(VType::Raw),
            _ => false,
        };
    Ok(Value::lgl(ok))
}
fn is_atomic(_it: &mut Interp, a: Args) -> EvalResult {
    Ok(Value::lgl(matches!(vt(&a), Some(t) if t != VType::List)))
}
fn is_environment(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(matches!(
        m.get("x").cloned().unwrap_or(Value::Null),
        Value::Env(_)
    )))
}
fn is_factor(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(
        m.get("x").cloned().unwrap_or(Value::Null).is_factor(),
    ))
}
fn is_ordered(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(
        m.get("x")
            .cloned()
            .unwrap_or(Value::Null)
            .inherits("ordered"),
    ))
}
fn is_matrix(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(
        m.get("x")
            .cloned()
            .unwrap_or(Value::Null)
            .dim()
            .map(|d| d.len() == 2)
            .unwrap_or(false),
    ))
}
fn is_array(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(
        m.get("x").cloned().unwrap_or(Value::Null).dim().is_some(),
    ))
}
fn is_data_frame(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(
        m.get("x").cloned().unwrap_or(Value::Null).is_data_frame(),
    ))
}
fn is_element(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("el").cloned().unwrap_or(Value::Null).str_vec();
    let s = m.get("set").cloned().unwrap_or(Value::Null).str_vec();
    Ok(Value::lgls(
        x.iter().map(|e| s.contains(e) as i32).collect(),
    ))
}
fn is_symbol(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(
        crate::value::class::type_of(&m.get("x").cloned().unwrap_or(Value::Null)) == "symbol",
    ))
}
fn is_call(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(
        crate::value::class::type_of(&m.get("x").cloned().unwrap_or(Value::Null)) == "language",
    ))
}
fn is_language(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    Ok(Value::lgl(matches!(x, Value::Lang(_)) || is_expression_vector(&x)))
}

/// The functions that are primitives in R's base package (the rest of R's functions are
/// closures there, though rsc implements many of them as builtins).
const R_PRIMITIVES: &[&str] = &[
    "!", "!=", "$", "$<-", "%%", "%*%", "%/%", "&", "&&", "(", "*", "+", "-", "...elt", "...length",
    "...names", ".C", ".Call", ".Call.graphics", ".External", ".External.graphics", ".External2",
    ".Fortran", ".Internal", ".Primitive", ".cache_class", ".class2", ".isMethodsDispatchOn",
    ".primTrace", ".primUntrace", ".subset", ".subset2", "/", ":", "::", ":::", "<", "<-", "<<-", "<=",
    "=", "==", ">", ">=", "@", "@<-", "Arg", "Conj", "Im", "Mod", "Re", "UseMethod", "[", "[<-", "[[",
    "[[<-", "^", "abs", "acos", "acosh", "all", "any", "anyNA", "as.call", "as.character",
    "as.complex", "as.double", "as.environment", "as.integer", "as.logical", "as.numeric", "as.raw",
    "asin", "asinh", "atan", "atanh", "attr", "attr<-", "attributes", "attributes<-", "baseenv",
    "break", "browser", "c", "call", "ceiling", "class", "class<-", "cos", "cosh", "cospi", "cummax",
    "cummin", "cumprod", "cumsum", "digamma", "dim", "dim<-", "dimnames", "dimnames<-", "emptyenv",
    "enc2native", "enc2utf8", "environment<-", "exp", "expm1", "expression", "floor", "for",
    "forceAndCall", "function", "gamma", "gc.time", "globalenv", "if", "interactive", "invisible",
    "is.array", "is.atomic", "is.call", "is.character", "is.complex", "is.double", "is.environment",
    "is.expression", "is.finite", "is.function", "is.infinite", "is.integer", "is.language", "is.list",
    "is.logical", "is.matrix", "is.na", "is.name", "is.nan", "is.null", "is.numeric", "is.object",
    "is.pairlist", "is.raw", "is.recursive", "is.single", "is.symbol", "isS4", "lazyLoadDBfetch",
    "length", "length<-", "levels<-", "lgamma", "list", "log", "log10", "log1p", "log2", "max", "min",
    "missing", "names", "names<-", "nargs", "next", "nzchar", "oldClass", "oldClass<-", "on.exit",
    "pos.to.env", "proc.time", "prod", "quote", "range", "rep", "repeat", "retracemem", "return",
    "round", "seq.int", "seq_along", "seq_len", "sign", "signif", "sin", "sinh", "sinpi", "sqrt",
    "standardGeneric", "storage.mode<-", "substitute", "sum", "switch", "tan", "tanh", "tanpi",
    "tracemem", "trigamma", "trunc", "unclass", "untracemem", "while", "xtfrm", "{", "|", "||", "~",
];

/// Whether a builtin is one of R's primitives (which have no formals in R).
pub fn is_r_primitive(name: &str) -> bool {
    R_PRIMITIVES.binary_search(&name).is_ok()
}

fn is_primitive(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(match m.get("x") {
        Some(Value::Builtin(b)) => R_PRIMITIVES.binary_search(&b.name).is_ok(),
        _ => false,
    }))
}

fn map_dbl_pred(a: Args, f: fn(f64) -> bool, str_val: bool) -> EvalResult {
    let x = first(&a);
    let out: Vec<i32> = match x.data() {
        Some(Data::Dbl(v)) => v.iter().map(|&y| f(y) as i32).collect(),
        Some(Data::Raw(v)) => v.iter().map(|&b| f(b as f64) as i32).collect(),
        Some(Data::Int(v)) | Some(Data::Lgl(v)) => v
            .iter()
            .map(|&y| {
                if y == NA_INT {
                    f(crate::value::na_real()) as i32
                } else {
                    f(y as f64) as i32
                }
            })
            .collect(),
        Some(Data::Str(v)) => v.iter().map(|_| str_val as i32).collect(),
        // is.finite needs both parts finite; is.nan and is.infinite either part
        Some(Data::Cplx(v)) => v
            .iter()
            .map(|z| {
                (if f(0.0) {
                    f(z.re) && f(z.im)
                } else {
                    f(z.re) || f(z.im)
                }) as i32
            })
            .collect(),
        Some(Data::List(_)) => return err("default method not implemented for type 'list'"),
        None => vec![],
    };
    let mut r = Value::lgls(out);
    for k in ["names", "dim", "dimnames"] {
        if let Some(at) = x.get_attr(k) {
            r.set_attr(Sym::new(k), at.clone());
        }
    }
    Ok(r)
}
fn is_nan(_it: &mut Interp, a: Args) -> EvalResult {
    map_dbl_pred(a, |x| x.is_nan() && !crate::value::is_na_real(x), false)
}
fn is_finite(_it: &mut Interp, a: Args) -> EvalResult {
    map_dbl_pred(a, |x| x.is_finite(), false)
}
fn is_infinite(_it: &mut Interp, a: Args) -> EvalResult {
    map_dbl_pred(a, |x| x.is_infinite(), false)
}

/// Converts keeping only names (as.numeric etc. drop other attributes), warning on NAs
/// introduced by coercion from strings.
fn convert(it: &mut Interp, x: &Value, t: VType, keep_names: bool) -> EvalResult {
    let x = if x.is_factor() {
        if t == VType::Str {
            crate::value::factor::factor_as_strings(x)
        } else {
            x.coerce(VType::Int)
        }
    } else {
        x.clone()
    };
    let Some(d) = x.data() else {
        return match x {
            Value::Null => Ok(Value::from_data(Data::empty(t))),
            Value::Lang(ref l) if t == VType::Str => {
                Ok(Value::str(&crate::syntax::deparse::deparse(&l.expr)))
            }
            _ => err(format!(
                "cannot coerce type '{}' to vector of type '{}'",
                crate::value::class::type_of(&x),
                t.type_name()
            )),
        };
    };
    if d.vtype() == VType::List
        && t != VType::List
        && x.list_vec()
            .iter()
            .any(|v| v.len() > 1 || !matches!(v, Value::Vector(_)))
    {
        return err(format!(
            "'list' object cannot be coerced to type '{}'",
            t.type_name()
        ));
    }
    let out = d.coerce(t);
    if let Data::Str(s) = d {
        if matches!(t, VType::Dbl | VType::Int) {
            let n_new = (0..out.len())
                .filter(|&i| out.is_na(i) && s[i].is_some() && s[i].as_deref() != Some("NA"))
                .count();
            if n_new > 0 {
                it.warning("NAs introduced by coercion");
            }
        }
    }
    if let Data::Str(s) = d {
        if t == VType::Cplx
            && (0..out.len()).any(|i| out.is_na(i) && s[i].is_some() && s[i].as_deref() != Some("NA"))
        {
            it.warning("NAs introduced by coercion");
        }
    }
    if let Data::Cplx(z) = d {
        if matches!(t, VType::Dbl | VType::Int) && z.iter().any(|z| z.im != 0.0 && !z.im.is_nan()) {
            it.warning("imaginary parts discarded in coercion");
        }
    }
    if let (Data::Dbl(v), VType::Int) = (d, t) {
        if v.iter()
            .any(|x| !x.is_nan() && (*x >= 2147483648.0 || *x <= -2147483649.0))
        {
            it.warning("NAs introduced by coercion to integer range");
        }
    }
    let mut r = Value::from_data(out);
    if keep_names {
        if let Some(n) = x.get_attr("names") {
            r.set_attr(Sym::new("names"), n.clone());
        }
    }
    Ok(r)
}

/// `as.complex(x)`: the conversion of [`convert`], used by the complex builtins.
pub(crate) fn convert_to(it: &mut Interp, x: &Value, t: VType) -> EvalResult {
    convert(it, x, t, false)
}

fn as_numeric(it: &mut Interp, m: Matched) -> EvalResult {
    convert(
        it,
        &m.get("x").cloned().unwrap_or(Value::Null),
        VType::Dbl,
        false,
    )
}
fn as_integer(it: &mut Interp, m: Matched) -> EvalResult {
    convert(
        it,
        &m.get("x").cloned().unwrap_or(Value::Null),
        VType::Int,
        false,
    )
}
fn as_character(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    if let Value::Lang(l) = &x {
        use crate::syntax::ast::ExprKind;
        match &l.expr.kind {
            // a symbol's name as is (no backticks), a call element by element
            ExprKind::Ident(s) => return Ok(Value::str(s.as_str())),
            ExprKind::Const(_) => {}
            _ => {
                let parts = crate::eval::lang_list::to_list(&l.expr);
                let items: Vec<String> = parts
                    .list_vec()
                    .iter()
                    .map(|v| match v {
                        Value::Lang(e) => match &e.expr.kind {
                            // operator names as they are, other odd names in backticks (as R)
                            ExprKind::Ident(s) if s.as_str().chars().all(|c| "+-*/^<>=!&|~$@:?%[]{}()".contains(c)) => {
                                s.as_str().to_string()
                            }
                            _ => crate::syntax::deparse::deparse(&e.expr),
                        },
                        v => match v.data() {
                            Some(d) if d.len() == 1 && d.vtype() != VType::List => {
                                d.to_str()[0].as_deref().unwrap_or("NA").to_string()
                            }
                            _ => crate::print::deparse_value(v),
                        },
                    })
                    .collect();
                return Ok(Value::strings(&items));
            }
        }
    }
    if matches!(x.vtype(), Some(VType::List)) {
        let items: Vec<_> = x
            .list_vec()
            .iter()
            .map(|v| match v.data() {
                Some(d) if d.len() == 1 && d.vtype() != VType::List => d.to_str()[0].clone(),
                _ => Some(Rc::from(crate::print::deparse_value(v).as_str())),
            })
            .collect();
        return Ok(Value::strs(items));
    }
    convert(it, &x, VType::Str, false)
}
fn as_logical(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let x = if x.is_factor() { crate::value::factor::factor_as_strings(&x) } else { x };
    if let Some(Data::Str(s)) = x.data() {
        let v: Vec<i32> = s
            .iter()
            .map(|x| match x.as_deref() {
                Some("TRUE") | Some("true") | Some("T") | Some("True") => 1,
                Some("FALSE") | Some("false") | Some("F") | Some("False") => 0,
                _ => crate::value::NA_LGL,
            })
            .collect();
        return Ok(Value::lgls(v));
    }
    convert(it, &x, VType::Lgl, false)
}
fn as_vector(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "mode"])?;
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let mode = m
        .get("mode")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "any".into());
    let t = match mode.as_str() {
        "any" => {
            if x.is_factor() {
                return Ok(crate::value::factor::factor_as_strings(&x));
            }
            let mut y = x.clone();
            if !matches!(y.vtype(), Some(VType::List)) {
                y.clear_attrs();
            } else {
                let n = y.get_attr("names").cloned();
                y.clear_attrs();
                if let Some(n) = n {
                    y.set_attr(Sym::new("names"), n);
                }
            }
            return Ok(y);
        }
        "list" => return as_list_value(&x),
        "numeric" | "double" => VType::Dbl,
        "integer" => VType::Int,
        "character" => VType::Str,
        "logical" => VType::Lgl,
        "complex" => VType::Cplx,
        "raw" => VType::Raw,
        _ => return err(format!("vector: cannot make a vector of mode '{}'.", mode)),
    };
    convert(it, &x, t, false)
}

/// `as.list()` of a value.
pub fn as_list_value(x: &Value) -> EvalResult {
    match x {
        Value::Null => Ok(Value::list(vec![])),
        Value::Env(e) => Ok(Value::named_list(
            e.bindings()
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )),
        Value::Lang(l) => Ok(crate::eval::lang_list::to_list(&l.expr)),
        Value::Vector(v) => {
            if x.is_factor() {
                let s = crate::value::factor::factor_as_strings(x);
                let lv = x.get_attr("levels").cloned();
                let items: Vec<Value> = x
                    .int_vec()
                    .iter()
                    .map(|&c| {
                        let mut f = Value::int(c);
                        if let Some(l) = &lv {
                            f.set_attr(Sym::new("levels"), l.clone());
                        }
                        f.set_attr(Sym::new("class"), Value::str("factor"));
                        f
                    })
                    .collect();
                let mut l = Value::list(items);
                if let Some(n) = s.get_attr("names") {
                    l.set_attr(Sym::new("names"), n.clone());
                }
                return Ok(l);
            }
            let mut l = Value::from_data(v.data.coerce(VType::List));
            if let Some(n) = x.get_attr("names") {
                l.set_attr(Sym::new("names"), n.clone());
            }
            Ok(l)
        }
        other => Ok(Value::list(vec![other.clone()])),
    }
}

fn as_list(_it: &mut Interp, m: Matched) -> EvalResult {
    as_list_value(&m.get("x").cloned().unwrap_or(Value::Null))
}

/// Deep equality of two values, as `identical()`.
pub fn identical_values(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Vector(x), Value::Vector(y)) => {
            let same = match (&x.data, &y.data) {
                (Data::Lgl(p), Data::Lgl(q)) | (Data::Int(p), Data::Int(q)) => p == q,
                (Data::Dbl(p), Data::Dbl(q)) => {
                    p.len() == q.len()
                        && p.iter().zip(q.iter()).all(|(u, v)| {
                            u == v
                                || (u.is_nan()
                                    && v.is_nan()
                                    && crate::value::is_na_real(*u) == crate::value::is_na_real(*v))
                        })
                }
                (Data::Str(p), Data::Str(q)) => p == q,
                (Data::Raw(p), Data::Raw(q)) => p == q,
                (Data::Cplx(p), Data::Cplx(q)) => {
                    let same = |u: f64, v: f64| {
                        u == v
                            || (u.is_nan()
                                && v.is_nan()
                                && crate::value::is_na_real(u) == crate::value::is_na_real(v))
                    };
                    p.len() == q.len()
                        && p.iter().zip(q.iter()).all(|(u, v)| same(u.re, v.re) && same(u.im, v.im))
                }
                (Data::List(p), Data::List(q)) => {
                    p.len() == q.len()
                        && p.iter().zip(q.iter()).all(|(u, v)| identical_values(u, v))
                }
                _ => false,
            };
            same && attrs_identical(a, b)
        }
        (Value::Closure(x), Value::Closure(y)) => {
            Rc::ptr_eq(x, y) || (x.body == y.body && x.params == y.params)
        }
        (Value::Builtin(x), Value::Builtin(y)) => x.name == y.name,
        (Value::Env(x), Value::Env(y)) => x.ptr_eq(y),
        (Value::Lang(x), Value::Lang(y)) => {
            crate::syntax::deparse::deparse(&x.expr) == crate::syntax::deparse::deparse(&y.expr)
        }
        _ => false,
    }
}

fn attrs_identical(a: &Value, b: &Value) -> bool {
    let empty = Vec::new();
    let x = a.attrs().unwrap_or(&empty);
    let y = b.attrs().unwrap_or(&empty);
    x.len() == y.len()
        && x.iter()
            .all(|(k, v)| y.iter().any(|(k2, v2)| k == k2 && identical_values(v, v2)))
}

fn identical(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let y = m.get("y").cloned().unwrap_or(Value::Null);
    Ok(Value::lgl(identical_values(&x, &y)))
}

fn is_true(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    Ok(Value::lgl(
        matches!(x.data(), Some(Data::Lgl(v)) if v.len() == 1 && v[0] == 1),
    ))
}
fn is_false(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    Ok(Value::lgl(
        matches!(x.data(), Some(Data::Lgl(v)) if v.len() == 1 && v[0] == 0),
    ))
}

fn xor(_it: &mut Interp, m: Matched) -> EvalResult {
    if let (Some(a), Some(b)) = (
        m.get("x").and_then(crate::value::raw::raw_bytes),
        m.get("y").and_then(crate::value::raw::raw_bytes),
    ) {
        let n = if a.is_empty() || b.is_empty() { 0 } else { a.len().max(b.len()) };
        return Ok(crate::value::raw::raw_value(
            (0..n).map(|i| a[i % a.len()] ^ b[i % b.len()]).collect(),
        ));
    }
    let x = m.get("x").map(|v| v.lgl_vec()).unwrap_or_default();
    let y = m.get("y").map(|v| v.lgl_vec()).unwrap_or_default();
    let n = x.len().max(y.len());
    if x.is_empty() || y.is_empty() {
        return Ok(Value::lgls(vec![]));
    }
    let out = (0..n)
        .map(|i| {
            let (p, q) = (x[i % x.len()], y[i % y.len()]);
            if p == NA_INT || q == NA_INT {
                NA_INT
            } else {
                ((p != 0) != (q != 0)) as i32
            }
        })
        .collect();
    Ok(Value::lgls(out))
}

/// `all.equal(target, current, tolerance)`: TRUE, or a description of the differences.
fn all_equal(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["target", "current", "tolerance", "check.attributes", "..."])?;
    let x = m.get("target").cloned().unwrap_or(Value::Null);
    let y = m.get("current").cloned().unwrap_or(Value::Null);
    let tol = m
        .get("tolerance")
        .and_then(|v| v.as_f64())
        .unwrap_or(1.5e-8);
    let mut msgs: Vec<String> = Vec::new();
    let numeric = |v: &Value| {
        matches!(
            v.vtype(),
            Some(VType::Dbl) | Some(VType::Int) | Some(VType::Lgl)
        ) && !v.is_factor()
    };
    let check_attributes = m
        .get("check.attributes")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    if check_attributes && !x.is_data_frame() {
        match (x.names(), y.names()) {
            (Some(_), None) => msgs.push("names for target but not for current".into()),
            (None, Some(_)) => msgs.push("names for current but not for target".into()),
            (Some(a), Some(b)) if a.len() == b.len() => {
                let k = a.iter().zip(b.iter()).filter(|(p, q)| p != q).count();
                if k > 0 {
                    msgs.push(format!("Names: {} string mismatch{}", k, if k > 1 { "es" } else { "" }));
                }
            }
            _ => {}
        }
    }
    let cplx_ok = |v: &Value| numeric(v) || v.vtype() == Some(VType::Cplx);
    let any_cplx = x.vtype() == Some(VType::Cplx) || y.vtype() == Some(VType::Cplx);
    let is_list = |v: &Value| matches!(v.data(), Some(Data::List(_)));
    if is_list(&x) && is_list(&y) {
        // as all.equal.list: component by component, with the same tolerance
        let (p, q) = (x.list_vec(), y.list_vec());
        if p.len() != q.len() {
            msgs.push(format!("Length mismatch: comparison on first {} components", p.len().min(q.len())));
        }
        let names = x.names();
        for i in 0..p.len().min(q.len()) {
            let mut items = vec![(None, p[i].clone()), (None, q[i].clone()), (None, Value::num(tol))];
            items.push((Some(crate::syntax::sym::Sym::new("check.attributes")), Value::lgl(check_attributes)));
            let r = all_equal(_it, Args::new(items))?;
            if r.as_bool().flatten() == Some(true) {
                continue;
            }
            let label = match names.as_ref().and_then(|n| n.get(i).cloned().flatten()) {
                Some(n) if !n.is_empty() => format!("Component \u{201c}{}\u{201d}", n),
                _ => format!("Component {}", i + 1),
            };
            for m in r.str_vec().iter().flatten() {
                msgs.push(format!("{}: {}", label, m));
            }
        }
    } else if any_cplx && cplx_ok(&x) && cplx_ok(&y) {
        if let Some(msg) = crate::builtins::base::complex::all_equal_msg(&x, &y, tol) {
            msgs.push(msg);
        }
    } else if numeric(&x) && numeric(&y) {
        let (p, q) = (x.dbl_vec(), y.dbl_vec());
        if p.len() != q.len() {
            msgs.push(format!("Numeric: lengths ({}, {}) differ", p.len(), q.len()));
        } else {
            let na_p: Vec<bool> = p.iter().map(|v| v.is_nan()).collect();
            let na_q: Vec<bool> = q.iter().map(|v| v.is_nan()).collect();
            if na_p != na_q {
                let k = na_p.iter().zip(na_q.iter()).filter(|(a, b)| a != b).count();
                msgs.push(format!(
                    "'is.NA' value mismatch: {} in current {} in target",
                    na_q.iter().filter(|b| **b).count(),
                    na_p.iter().filter(|b| **b).count()
                ));
                let _ = k;
            } else {
                // as R: only the elements that differ are compared
                let pairs: Vec<(f64, f64)> = p
                    .iter()
                    .zip(q.iter())
                    .filter(|(a, b)| !a.is_nan() && a != b)
                    .map(|(a, b)| (*a, *b))
                    .collect();
                let sum_t: f64 = pairs.iter().map(|(a, _)| a.abs()).sum::<f64>();
                let sum_d: f64 = pairs.iter().map(|(a, b)| (a - b).abs()).sum::<f64>();
                let n = pairs.len().max(1) as f64;
                let (xy, what) = if sum_t / n > tol && sum_t.is_finite() {
                    (sum_d / sum_t, "relative")
                } else {
                    (sum_d / n, "absolute")
                };
                if xy.is_nan() || xy > tol {
                    let f = crate::print::format_dbl_vec_trim(&[xy], 7);
                    msgs.push(format!(
                        "Mean {} difference: {}",
                        what,
                        f.first().cloned().unwrap_or_default()
                    ));
                }
            }
        }
    } else if let (Some(VType::Str), Some(VType::Str)) = (x.vtype(), y.vtype()) {
        let (p, q) = (x.str_vec(), y.str_vec());
        if p.len() != q.len() {
            msgs.push(format!("Lengths ({}, {}) differ", p.len(), q.len()));
        } else {
            let k = p.iter().zip(q.iter()).filter(|(a, b)| a != b).count();
            if k > 0 {
                msgs.push(format!(
                    "{} string mismatch{}",
                    k,
                    if k > 1 { "es" } else { "" }
                ));
            }
        }
    } else if !identical_values(&x, &y) {
        let mode = |v: &Value| match v.vtype() {
            Some(VType::Dbl) | Some(VType::Int) => "numeric",
            Some(t) => t.type_name(),
            None => crate::value::class::type_of(v),
        };
        if mode(&x) != mode(&y) {
            msgs.push(format!("Modes: {}, {}", mode(&x), mode(&y)));
            msgs.push(format!("target is {}, current is {}", mode(&x), mode(&y)));
        } else {
            msgs.push("objects differ".into());
        }
    }
    if msgs.is_empty() {
        Ok(Value::lgl(true))
    } else {
        Ok(Value::strings(&msgs))
    }
}
