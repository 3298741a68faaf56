//! Vector construction and attributes: c, list, vector, length, names, attr, class, unlist, levels.

use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::combine::combine;
use crate::value::combine::flatten_list;
use crate::value::{Data, RStr, VType, Value, Vector};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    eager("c", c),
    eager("list", list),
    eager("vector", vector),
    declared("lengths", lengths),
    eager("numeric", numeric),
    eager("double", numeric),
    eager("character", character),
    eager("logical", logical),
    eager("integer", integer),
    declared("length", length),
    declared("length<-", set_length),
    declared("names", names),
    declared("names<-", set_names),
    declared("setNames", set_names_fn),
    declared("unname", unname),
    declared("attr", attr),
    declared("attr<-", set_attr),
    declared("attributes", attributes),
    declared("attributes<-", set_attributes),
    eager("structure", structure),
    declared("class", class),
    declared("oldClass", old_class),
    declared("class<-", set_class),
    declared("oldClass<-", set_class),
    declared("unclass", unclass),
    declared("inherits", inherits),
    declared("levels", levels),
    declared("levels<-", set_levels),
    declared("nlevels", nlevels),
    declared("unlist", unlist),
    declared("dim", dim),
    declared("dim<-", set_dim),
    declared("dimnames", dimnames),
    declared("dimnames<-", set_dimnames),
    eager("is.na", is_na),
    declared("anyNA", any_na),
    declared("is.null", is_null),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("lengths", "lengths(x, use.names = TRUE)",
            "The length of each element of the list (or vector) x, as an integer vector with x's names."),
        doc("c", "c(...)",
            "Combines its arguments into one vector, converting to the most general type among them (logical < \
             integer < double < character < list). Names of arguments and of their elements are kept."),
        doc("list", "list(...)",
            "Creates a list from its arguments, which may be of any type; argument names become element names."),
        doc("vector", "vector(mode = \"logical\", length = 0L)",
            "Creates a vector of the given mode (\"logical\", \"integer\", \"numeric\", \"character\" or \
             \"list\") and length, filled with FALSE, 0, \"\" or NULL."),
        doc("numeric", "numeric(length = 0L)", "Creates a double vector of the given length filled with zeros."),
        doc("double", "double(length = 0L)",
            "Creates a double vector of the given length filled with zeros; the same as numeric."),
        doc("character", "character(length = 0L)",
            "Creates a character vector of the given length filled with empty strings."),
        doc("logical", "logical(length = 0L)", "Creates a logical vector of the given length filled with FALSE."),
        doc("integer", "integer(length = 0L)", "Creates an integer vector of the given length filled with zeros."),
        doc("length", "length(x)",
            "Returns the number of elements of a vector or list (the number of columns of a data frame; 1 for a \
             function, 0 for NULL)."),
        doc("length<-", "length(x) <- value",
            "Shortens x to value elements, or lengthens it by padding with NA (NULL for lists)."),
        doc("names", "names(x)",
            "Returns the names attribute of x as a character vector, or NULL when there is none."),
        doc("names<-", "names(x) <- value",
            "Sets the names of x; a shorter value is padded with NA, and NULL removes the names."),
        doc("setNames", "setNames(object = nm, nm)",
            "Returns object with its names set to nm, which is handy inside an expression."),
        doc("unname", "unname(obj, force = FALSE)", "Returns obj with its names and dimnames removed."),
        doc("attr", "attr(x, which, exact = FALSE)",
            "Returns the attribute of x named which, or NULL; which may be abbreviated unless exact = TRUE."),
        doc("attr<-", "attr(x, which) <- value", "Sets the attribute of x named which to value; NULL removes it."),
        doc("attributes", "attributes(x)", "Returns all attributes of x as a named list, or NULL when it has none."),
        doc("attributes<-", "attributes(x) <- value",
            "Replaces all attributes of x with those in the named list value; NULL removes them all."),
        doc("structure", "structure(.Data, ...)",
            "Returns .Data with the attributes given as name = value arguments set; .Names is accepted for names."),
        doc("class", "class(x)",
            "Returns the class of x: its class attribute when set, otherwise the implicit class such as \
             \"numeric\", \"matrix\" or \"function\"."),
        doc("oldClass", "oldClass(x)",
            "Returns the class attribute of x, or NULL when it has none (no implicit class)."),
        doc("class<-", "class(x) <- value",
            "Sets the class attribute of x; NULL removes it. This is how S3 objects are made."),
        doc("oldClass<-", "oldClass(x) <- value",
            "Sets the class attribute of x; the same as class<- for S3 objects."),
        doc("unclass", "unclass(x)",
            "Returns x with its class attribute removed, so that it prints and behaves as the underlying vector \
             or list."),
        doc("inherits", "inherits(x, what, which = FALSE)",
            "TRUE when any class of x is one of the strings in what. With which = TRUE returns, for each element \
             of what, its position in class(x) or 0."),
        doc("levels", "levels(x)",
            "Returns the levels of a factor as a character vector (the levels attribute of any x)."),
        doc("levels<-", "levels(x) <- value",
            "Replaces the levels of a factor; giving the same new name to several old levels merges them."),
        doc("nlevels", "nlevels(x)", "Returns the number of levels of a factor, 0 for anything without levels."),
        doc("unlist", "unlist(x, recursive = TRUE, use.names = TRUE)",
            "Flattens a list into an atomic vector of the most general element type, building names from the list \
             and element names."),
        doc("dim", "dim(x)",
            "Returns the dim attribute of x (rows and columns for a matrix, and also for a data frame), or NULL."),
        doc("dim<-", "dim(x) <- value",
            "Sets the dimensions of x, turning a vector into a matrix or array filled by column; the product must \
             equal length(x). NULL drops them."),
        doc("dimnames", "dimnames(x)",
            "Returns the dimnames of a matrix or array (a list of row and column names), or NULL."),
        doc("dimnames<-", "dimnames(x) <- value",
            "Sets the dimnames of a matrix or array from a list with one element (a character vector or NULL) per \
             dimension."),
        doc("is.na", "is.na(x)",
            "Elementwise test for missing values (NA and NaN). For a list, TRUE for elements that are a single \
             NA."),
        doc("anyNA", "anyNA(x, recursive = FALSE)",
            "TRUE when any element of x is NA or NaN; faster than any(is.na(x))."),
        doc("is.null", "is.null(x)", "TRUE when x is NULL."),
    ]
};

fn first(a: &Args) -> Value {
    a.items.first().map(|x| x.1.clone()).unwrap_or(Value::Null)
}

/// R's error for an empty argument (`c(1, , 2)`) to a function that combines its arguments.
fn no_empty_args(a: &Args) -> EvalResult<()> {
    match a
        .items
        .iter()
        .position(|(_, v)| matches!(v, Value::Missing))
    {
        Some(i) => err(format!("argument {} is empty", i + 1)),
        None => Ok(()),
    }
}

fn c(_it: &mut Interp, a: Args) -> EvalResult {
    no_empty_args(&a)?;
    let mut recursive = false;
    let mut items = Vec::with_capacity(a.items.len());
    for (n, v) in a.items {
        match n.map(|s| s.as_str()) {
            Some("recursive") => recursive = v.as_bool().flatten().unwrap_or(false),
            Some("use.names") => {}
            _ => items.push((n, v)),
        }
    }
    combine(&items, recursive)
}

fn list(_it: &mut Interp, a: Args) -> EvalResult {
    no_empty_args(&a)?;
    let any_names = a.items.iter().any(|(n, _)| n.is_some());
    let names: Vec<RStr> = a
        .items
        .iter()
        .map(|(n, _)| Some(Rc::from(n.map(|s| s.as_str()).unwrap_or(""))))
        .collect();
    let mut l = Value::list(a.items.into_iter().map(|(_, v)| v).collect());
    if any_names {
        l.set_attr(Sym::new("names"), Value::strs(names));
    }
    Ok(l)
}

fn len_arg(v: Option<&Value>, t: VType) -> EvalResult<usize> {
    match v {
        None => Ok(0),
        Some(v) => {
            let x = v.as_f64().unwrap_or(f64::NAN);
            if x.is_nan() || x < 0.0 {
                return err("invalid 'length' argument");
            }
            if x.is_infinite() {
                return err("vector size cannot be infinite");
            }
            crate::value::alloc::check_type(x, t)?;
            Ok(x as usize)
        }
    }
}

fn vector(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["mode", "length"])?;
    let mode = m
        .get("mode")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "logical".into());
    let t = match mode.as_str() {
        "logical" => VType::Lgl,
        "integer" => VType::Int,
        "numeric" | "double" => VType::Dbl,
        "complex" => VType::Cplx,
        "character" => VType::Str,
        "list" => VType::List,
        "raw" => VType::Raw,
        _ => return err(format!("vector: cannot make a vector of mode '{}'.", mode)),
    };
    let n = len_arg(m.get("length"), t)?;
    Ok(Value::from_data(Data::with_len(t, n)))
}

fn make_n(a: Args, t: VType) -> EvalResult {
    let m = a.matched(&["length"])?;
    Ok(Value::from_data(Data::with_len(
        t,
        len_arg(m.get("length"), t)?,
    )))
}
fn numeric(_it: &mut Interp, a: Args) -> EvalResult {
    make_n(a, VType::Dbl)
}
fn character(_it: &mut Interp, a: Args) -> EvalResult {
    make_n(a, VType::Str)
}
fn logical(_it: &mut Interp, a: Args) -> EvalResult {
    make_n(a, VType::Lgl)
}
fn integer(_it: &mut Interp, a: Args) -> EvalResult {
    make_n(a, VType::Int)
}

fn length(_it: &mut Interp, m: Matched) -> EvalResult {
    let v = m.get("x").cloned().unwrap_or(Value::Null);
    if v.is_data_frame() {
        return Ok(Value::int(v.len() as i32));
    }
    Ok(Value::int(v.len() as i32))
}

fn set_length(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let t = x.vtype().unwrap_or(VType::Lgl);
    let n = len_arg(m.get("value"), t)?;
    let idx: Vec<Option<usize>> = (0..n)
        .map(|i| if i < x.len() { Some(i) } else { None })
        .collect();
    let data = x
        .data()
        .map(|d| d.select(&idx))
        .unwrap_or_else(|| Data::na_of(t, n));
    let mut out = Value::from_data(data);
    if let Some(nm) = x.names() {
        let nn: Vec<RStr> = (0..n)
            .map(|i| nm.get(i).cloned().unwrap_or(Some(Rc::from(""))))
            .collect();
        out.set_attr(Sym::new("names"), Value::strs(nn));
    }
    Ok(out)
}

fn names(_it: &mut Interp, m: Matched) -> EvalResult {
    let v = m.get("x").cloned().unwrap_or(Value::Null);
    if let Some(n) = match &v {
        Value::Extern(x) => x.0.names(),
        _ => None,
    } {
        return Ok(Value::strings(&n));
    }
    if let Value::Env(e) = &v {
        return Ok(Value::strings(
            &e.names().iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        ));
    }
    if let Some(n) = v.get_attr("names") {
        return Ok(n.clone());
    }
    if let (Some(d), Some(dn)) = (v.dim(), v.get_attr("dimnames")) {
        if d.len() == 1 {
            return Ok(dn.list_vec().first().cloned().unwrap_or(Value::Null));
        }
    }
    Ok(Value::Null)
}

/// Sets names on a value as `names<-` does (padding with NA, NULL removes).
pub fn set_names_value(mut x: Value, nm: Value) -> EvalResult {
    if nm.is_null() {
        x.set_attr(Sym::new("names"), Value::Null);
        return Ok(x);
    }
    let n = x.len();
    let s = crate::value::factor::factor_as_strings(&nm).str_vec();
    if s.len() > n {
        return err(format!(
            "'names' attribute [{}] must be the same length as the vector [{}]",
            s.len(),
            n
        ));
    }
    let mut v: Vec<RStr> = s.iter().cloned().collect();
    v.resize(n, None);
    if x.is_null() {
        return Ok(Value::Null);
    }
    x.set_attr(Sym::new("names"), Value::strs(v));
    Ok(x)
}

fn set_names(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let nm = m.get("value").cloned().unwrap_or(Value::Null);
    if x.is_data_frame() {
        let mut x = x;
        if nm.len() > x.len() {
            return err(format!(
                "'names' attribute [{}] must be the same length as the vector [{}]",
                nm.len(),
                x.len()
            ));
        }
        x.set_attr(Sym::new("names"), nm.coerce(VType::Str));
        return Ok(x);
    }
    set_names_value(x, nm)
}

fn set_names_fn(_it: &mut Interp, m: Matched) -> EvalResult {
    let nm = m.get("nm").cloned().unwrap_or(Value::Null);
    let x = m.get("object").cloned().unwrap_or_else(|| nm.clone());
    set_names_value(x, nm)
}

fn unname(_it: &mut Interp, m: Matched) -> EvalResult {
    let mut x = m.get("obj").cloned().unwrap_or(Value::Null);
    x.set_attr(Sym::new("names"), Value::Null);
    x.set_attr(Sym::new("dimnames"), Value::Null);
    Ok(x)
}

fn attr(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let w = m.req("which")?.as_string().unwrap_or_default();
    if w == "names" {
        if let Some(n) = x.get_attr("names") {
            return Ok(n.clone());
        }
    }
    if let Some(v) = x.get_attr(&w) {
        return Ok(v.clone());
    }
    if w == "row.names" && x.is_data_frame() {
        return Ok(Value::Null);
    }
    // partial matching
    if let Some(attrs) = x.attrs() {
        let c: Vec<&Value> = attrs
            .iter()
            .filter(|(k, _)| k.starts_with(w.as_str()))
            .map(|(_, v)| v)
            .collect();
        if c.len() == 1 {
            return Ok(c[0].clone());
        }
    }
    Ok(Value::Null)
}

/// Sets one attribute with R's checks for the special ones.
pub fn set_attr_checked(mut x: Value, name: &str, v: Value) -> EvalResult {
    match name {
        "names" => return set_names_value(x, v),
        "dim" if !v.is_null() => {
            let d = v.int_vec();
            let prod: i64 = d.iter().map(|&k| k as i64).product();
            if prod != x.len() as i64 {
                return err(format!(
                    "dims [product {}] do not match the length of object [{}]",
                    prod,
                    x.len()
                ));
            }
            x.set_attr(Sym::new("names"), Value::Null);
            x.set_attr(Sym::new("dim"), Value::ints((*d).clone()));
            return Ok(x);
        }
        "class" if (v.is_null() || v.is_empty()) => {
            x.set_attr(Sym::new("class"), Value::Null);
            return Ok(x);
        }
        _ => {}
    }
    x.set_attr(Sym::new(name), v);
    Ok(x)
}

fn set_attr(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let w = m.req("which")?.as_string().unwrap_or_default();
    set_attr_checked(x, &w, m.get("value").cloned().unwrap_or(Value::Null))
}

fn attributes(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    match x.attrs() {
        Some(at) if !at.is_empty() => {
            // R shows automatic row names c(NA, -n) expanded to 1..n
            let compact = crate::value::frame::df_compact_rows(&x);
            Ok(Value::named_list(
                at.iter()
                    .map(|(k, v)| match k.as_str() {
                        "row.names" if compact => (
                            k.to_string(),
                            Value::ints((1..=crate::value::frame::df_nrow(&x) as i32).collect()),
                        ),
                        _ => (k.to_string(), v.clone()),
                    })
                    .collect(),
            ))
        }
        _ => Ok(Value::Null),
    }
}

fn set_attributes(_it: &mut Interp, m: Matched) -> EvalResult {
    let mut x = m.get("x").cloned().unwrap_or(Value::Null);
    x.clear_attrs();
    let v = m.get("value").cloned().unwrap_or(Value::Null);
    let names = v.names().unwrap_or_default();
    for (i, item) in v.list_vec().iter().enumerate() {
        if let Some(Some(n)) = names.get(i) {
            x = set_attr_checked(x, n, item.clone())?;
        }
    }
    Ok(x)
}

fn structure(_it: &mut Interp, a: Args) -> EvalResult {
    let mut items = a.items;
    let pos = items
        .iter()
        .position(|(n, _)| n.map(|n| n.as_str() == ".Data").unwrap_or(false))
        .or_else(|| items.iter().position(|(n, _)| n.is_none()));
    let Some(pos) = pos else {
        return err("argument \".Data\" is missing, with no default");
    };
    let (_, mut x) = items.remove(pos);
    for (n, v) in items {
        if let Some(n) = n {
            let name = match n.as_str() {
                ".Names" => "names",
                s => s,
            };
            x = set_attr_checked(x, name, v)?;
        }
    }
    Ok(x)
}

fn class(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    if crate::value::class::is_s4(&x) {
        // an S4 object's class keeps its package attribute, as R's does
        if let Some(c) = x.get_attr("class") {
            return Ok(c.clone());
        }
    }
    Ok(Value::strings(&crate::value::class::class_of(&x)))
}

fn old_class(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(m.get("x")
        .cloned()
        .unwrap_or(Value::Null)
        .get_attr("class")
        .cloned()
        .unwrap_or(Value::Null))
}

fn set_class(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let v = m.get("value").cloned().unwrap_or(Value::Null);
    // setting an implicit class removes the attribute
    if let Some(s) = v.as_string() {
        if v.len() == 1
            && crate::value::class::implicit_class(&x)
                .first()
                .map(|c| *c == s)
                .unwrap_or(false)
            && x.get_attr("class").is_none()
        {
            return Ok(x);
        }
        if v.len() == 1 && (s == "numeric" || s == "matrix") {
            let mut x = x;
            x.set_attr(Sym::new("class"), Value::Null);
            return Ok(if s == "numeric" {
                x.coerce(VType::Dbl)
            } else {
                x
            });
        }
    }
    set_attr_checked(x, "class", v)
}

fn unclass(_it: &mut Interp, m: Matched) -> EvalResult {
    let mut x = m.get("x").cloned().unwrap_or(Value::Null);
    x.set_attr(Sym::new("class"), Value::Null);
    Ok(x)
}

fn inherits(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let what = m
        .get("what")
        .and_then(|v| v.as_strings())
        .unwrap_or_default();
    let cls = it.dispatch_class(&x);
    if m.get("which")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false)
    {
        let pos = what
            .iter()
            .map(|w| cls.iter().position(|c| c == w).map_or(0, |p| p as i32 + 1))
            .collect();
        return Ok(Value::ints(pos));
    }
    Ok(Value::lgl(what.iter().any(|w| cls.contains(w))))
}

fn levels(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(m.get("x")
        .cloned()
        .unwrap_or(Value::Null)
        .get_attr("levels")
        .cloned()
        .unwrap_or(Value::Null))
}

fn set_levels(_it: &mut Interp, m: Matched) -> EvalResult {
    let mut x = m.get("x").cloned().unwrap_or(Value::Null);
    let v = m.get("value").cloned().unwrap_or(Value::Null);
    if x.is_factor() {
        let nlev = x.get_attr("levels").map(|l| l.len()).unwrap_or(0);
        if !matches!(v.vtype(), Some(VType::List)) && v.len() < nlev {
            return err("number of levels differs");
        }
        if matches!(v.vtype(), Some(VType::List)) {
            return Ok(levels_from_list(x, &v));
        }
        // merging duplicate labels
        let labels = v.str_vec();
        let mut uniq: Vec<RStr> = Vec::new();
        let mut map = Vec::new();
        for l in labels.iter() {
            match uniq.iter().position(|u| u == l) {
                Some(p) => map.push(p as i32 + 1),
                None => {
                    uniq.push(l.clone());
                    map.push(uniq.len() as i32);
                }
            }
        }
        if uniq.len() < labels.len() {
            let codes: Vec<i32> = x
                .int_vec()
                .iter()
                .map(|&c| {
                    if c == crate::value::NA_INT || c < 1 {
                        c
                    } else {
                        map.get(c as usize - 1)
                            .copied()
                            .unwrap_or(crate::value::NA_INT)
                    }
                })
                .collect();
            let attrs = match &x {
                Value::Vector(v) => v.attrs.clone(),
                _ => None,
            };
            x = Value::Vector(Vector {
                data: Data::Int(Rc::new(codes)),
                attrs,
            });
            x.set_attr(Sym::new("levels"), Value::strs(uniq));
            return Ok(x);
        }
    }
    x.set_attr(Sym::new("levels"), v);
    Ok(x)
}

/// `levels(f) <- list(new = c("old", ...), ...)`: each new level collects the old levels its
/// element names; codes of old levels no element names become NA.
fn levels_from_list(mut x: Value, v: &Value) -> Value {
    let old = x.get_attr("levels").map(|l| l.str_vec().to_vec()).unwrap_or_default();
    let new_names = v.names().unwrap_or_default();
    let groups: Vec<Vec<RStr>> = v.list_vec().iter().map(|g| g.coerce(VType::Str).str_vec().to_vec()).collect();
    let target: Vec<i32> = old
        .iter()
        .map(|l| {
            groups.iter().position(|g| g.contains(l)).map_or(crate::value::NA_INT, |k| k as i32 + 1)
        })
        .collect();
    let codes: Vec<i32> = x
        .int_vec()
        .iter()
        .map(|&c| if c >= 1 { target.get(c as usize - 1).copied().unwrap_or(crate::value::NA_INT) } else { c })
        .collect();
    let attrs = match &x {
        Value::Vector(v) => v.attrs.clone(),
        _ => None,
    };
    x = Value::Vector(Vector { data: Data::Int(Rc::new(codes)), attrs });
    let names: Vec<RStr> = (0..groups.len()).map(|i| new_names.get(i).cloned().flatten()).collect();
    x.set_attr(Sym::new("levels"), Value::strs(names));
    x
}

fn nlevels(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::int(
        m.get("x")
            .cloned()
            .unwrap_or(Value::Null)
            .get_attr("levels")
            .map(|l| l.len())
            .unwrap_or(0) as i32,
    ))
}

fn unlist(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let use_names = m
        .get("use.names")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    if !matches!(x.vtype(), Some(VType::List)) {
        return Ok(x);
    }
    if x.list_vec()
        .iter()
        .any(|v| !matches!(v, Value::Vector(_) | Value::Null))
    {
        return Ok(x);
    }
    let mut r = flatten_list(&x)?;
    if !use_names {
        r.set_attr(Sym::new("names"), Value::Null);
    }
    Ok(r)
}

fn dim(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    if let Value::Extern(e) = &x {
        if let Some(d) = e.0.dim() {
            return d
                .map(|d| Value::ints(d.iter().map(|&k| k as i32).collect()))
                .or_else(crate::error::err);
        }
    }
    if x.is_data_frame() {
        let nrow = crate::value::frame::df_nrow(&x);
        return Ok(Value::ints(vec![nrow as i32, x.len() as i32]));
    }
    Ok(x.get_attr("dim").cloned().unwrap_or(Value::Null))
}

fn set_dim(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let v = m.get("value").cloned().unwrap_or(Value::Null);
    if v.is_null() {
        let mut x = x;
        x.set_attr(Sym::new("dim"), Value::Null);
        x.set_attr(Sym::new("dimnames"), Value::Null);
        return Ok(x);
    }
    // as R: new dimensions drop the old dimnames and names
    let mut x = set_attr_checked(x, "dim", v)?;
    x.set_attr(Sym::new("dimnames"), Value::Null);
    x.set_attr(Sym::new("names"), Value::Null);
    Ok(x)
}

fn dimnames(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    if x.is_data_frame() {
        let rn = crate::value::frame::df_row_names(&x);
        return Ok(Value::list(vec![
            rn,
            x.get_attr("names").cloned().unwrap_or(Value::Null),
        ]));
    }
    Ok(x.get_attr("dimnames").cloned().unwrap_or(Value::Null))
}

fn set_dimnames(_it: &mut Interp, m: Matched) -> EvalResult {
    let mut x = m.get("x").cloned().unwrap_or(Value::Null);
    let v = m.get("value").cloned().unwrap_or(Value::Null);
    if v.is_null() {
        x.set_attr(Sym::new("dimnames"), Value::Null);
        return Ok(x);
    }
    let items: Vec<Value> = v
        .list_vec()
        .iter()
        .map(|d| {
            if d.is_null() {
                Value::Null
            } else {
                crate::value::factor::factor_as_strings(d).coerce(VType::Str)
            }
        })
        .collect();
    let mut l = Value::list(items);
    if let Some(n) = v.get_attr("names") {
        l.set_attr(Sym::new("names"), n.clone());
    }
    x.set_attr(Sym::new("dimnames"), l);
    Ok(x)
}

fn is_na(_it: &mut Interp, a: Args) -> EvalResult {
    let x = first(&a);
    if x.is_data_frame() {
        return crate::builtins::base::frames::df_is_na(&x);
    }
    let Some(d) = x.data() else {
        return Ok(Value::lgls(vec![]));
    };
    let v: Vec<i32> = (0..d.len()).map(|i| d.is_na(i) as i32).collect();
    let mut out = Value::lgls(v);
    for k in ["names", "dim", "dimnames"] {
        if let Some(a) = x.get_attr(k) {
            out.set_attr(Sym::new(k), a.clone());
        }
    }
    Ok(out)
}

fn any_na(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let Some(d) = x.data() else {
        return Ok(Value::lgl(false));
    };
    Ok(Value::lgl((0..d.len()).any(|i| d.is_na(i))))
}

fn is_null(_it: &mut Interp, m: Matched) -> EvalResult {
    Ok(Value::lgl(
        m.get("x").cloned().unwrap_or(Value::Null).is_null(),
    ))
}

fn lengths(_it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("x")?;
    let use_names = m.get("use.names").and_then(|v| v.as_bool().flatten()).unwrap_or(true);
    let out: Vec<i32> = match x.data() {
        Some(Data::List(items)) => items.iter().map(|v| v.len() as i32).collect(),
        Some(d) => vec![1; d.len()],
        None if matches!(x, Value::Null) => vec![],
        None => return err("'x' must be a list or atomic vector"),
    };
    let mut v = Value::ints(out);
    if use_names {
        if let Some(n) = x.get_attr("names") {
            v.set_attr(Sym::new("names"), n.clone());
        }
    }
    if let Some(d) = x.get_attr("dim") {
        v.set_attr(Sym::new("dim"), d.clone());
    }
    Ok(v)
}
