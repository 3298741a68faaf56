//! Data frames as R sees them: a classed list of equal-length columns with row names.

use crate::builtins::{declared, eager, special, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::frame_index::recycle;
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr};
use crate::syntax::sym::Sym;
use crate::value::factor::string_factor;
use crate::value::frame::{
    auto_row_names, df_auto_rows, df_compact_rows, df_names, df_nrow, df_row_names, make_df,
    make_unique,
};
use crate::value::{Data, Env, RStr, VType, Value, NA_INT};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    special("data.frame", data_frame),
    eager("as.data.frame", as_data_frame),
    eager("row.names", row_names),
    eager("rownames", rownames),
    eager("colnames", colnames),
    declared("row.names<-", set_row_names),
    declared("rownames<-", set_rownames),
    declared("colnames<-", set_colnames),
    eager("data", data),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("rownames", "rownames(x, do.NULL = TRUE, prefix = \"row\")",
            "Returns the row names of a matrix or data frame as a character vector (NULL for a matrix without \
             them)."),
        doc("colnames", "colnames(x, do.NULL = TRUE, prefix = \"col\")",
            "Returns the column names of a matrix or data frame as a character vector (NULL for a matrix without \
             them)."),
        doc("rownames<-", "rownames(x) <- value", "Sets the row names of a matrix or data frame."),
        doc("colnames<-", "colnames(x) <- value", "Sets the column names of a matrix or data frame."),
        doc("data.frame",
            "data.frame(..., row.names = NULL, check.rows = FALSE, check.names = TRUE, stringsAsFactors = FALSE)",
            "Creates a data frame, a list of equal-length columns with row names, from vectors, factors, \
             matrices, lists or other data frames. Argument names become column names (made syntactically valid \
             with check.names), and shorter columns are recycled."),
        doc("as.data.frame", "as.data.frame(x, row.names = NULL, optional = FALSE, ..., stringsAsFactors = FALSE)",
            "Converts a matrix, list, table or vector to a data frame. A table becomes one row per cell with a \
             Freq column."),
        doc("row.names", "row.names(x)",
            "Returns the row names of a data frame as a character vector (automatic names are \"1\", \"2\", ...)."),
        doc("row.names<-", "row.names(x) <- value",
            "Sets the row names of a data frame; NULL restores the automatic names 1, 2, ..."),
        doc("data", "data(..., list = character(), envir = .GlobalEnv)",
            "Accepted for compatibility and does nothing: the bundled data sets (mtcars, iris, airquality, \
             ToothGrowth and others) are always available by name."),
    ]
};

/// `make.names` for column names: invalid characters become dots, a leading digit gets `X`.
pub fn make_name(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '.' || c == '_' {
                c
            } else {
                '.'
            }
        })
        .collect();
    let first = out.chars().next();
    let bad_start = match first {
        None => true,
        Some(c) => {
            c.is_ascii_digit()
                || c == '_'
                || (c == '.'
                    && out
                        .chars()
                        .nth(1)
                        .map(|d| d.is_ascii_digit())
                        .unwrap_or(false))
        }
    };
    if bad_start {
        out = format!("X{}", out);
    }
    const RESERVED: &[&str] = &[
        "if", "else", "repeat", "while", "function", "for", "next", "break", "TRUE", "FALSE",
        "NULL", "Inf", "NaN", "NA", "in",
    ];
    if RESERVED.contains(&out.as_str()) {
        out.push('.');
    }
    out
}

/// Builds a data frame from named components as `data.frame()` does.
pub fn build_df(
    items: Vec<(String, Value)>,
    strings_as_factors: bool,
    check_names: bool,
    row_names: Option<Value>,
) -> EvalResult {
    let mut cols: Vec<(String, Value)> = Vec::new();
    let mut rn: Option<Value> = row_names;
    for (name, v) in items {
        if v.is_null() {
            continue;
        }
        if !matches!(v, Value::Vector(_)) {
            let class = crate::value::class::class_of(&v).join("\", \"");
            return Err(crate::error::RError::runtime(format!(
                "cannot coerce class ‘\"{}\"’ to a data.frame",
                class
            ))
            .with_call("as.data.frame.default(x[[i]], optional = TRUE)")
            .into());
        }
        if v.is_data_frame() {
            if rn.is_none() && !df_auto_rows(&v) {
                rn = Some(df_row_names(&v));
            }
            for (n, c) in df_names(&v).into_iter().zip(v.list_vec().iter()) {
                cols.push((n, c.clone()));
            }
            continue;
        }
        if let Some(d) = v.dim() {
            if d.len() == 2 {
                let cn = v
                    .get_attr("dimnames")
                    .and_then(|dn| dn.list_vec().get(1).cloned())
                    .filter(|c| !c.is_null());
                for j in 0..d[1] {
                    let idx: Vec<Option<usize>> = (0..d[0]).map(|i| Some(i + j * d[0])).collect();
                    let col = Value::from_data(
                        v.data()
                            .map(|x| x.select(&idx))
                            .unwrap_or(Data::empty(VType::Lgl)),
                    );
                    let n = match &cn {
                        Some(c) => c.str_vec()[j].as_deref().unwrap_or("NA").to_string(),
                        None if name.is_empty() => format!("X{}", j + 1),
                        None => format!("{}.{}", name, j + 1),
                    };
                    cols.push((n, col));
                }
                continue;
            }
        }
        if matches!(v.vtype(), Some(VType::List)) && !v.is_factor() && !v.inherits("AsIs") {
            let names = v.names().unwrap_or_default();
            for (i, c) in v.list_vec().iter().enumerate() {
                let n = names
                    .get(i)
                    .cloned()
                    .flatten()
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| format!("V{}", i + 1));
                cols.push((n, c.clone()));
            }
            continue;
        }
        if rn.is_none() {
            if let Some(nm) = v.names() {
                rn = Some(Value::strs(nm));
            }
        }
        let mut v = v;
        v.set_attr(Sym::new("names"), Value::Null);
        cols.push((name, v));
    }
    let n = cols.iter().map(|(_, c)| c.len()).max().unwrap_or(0);
    if cols
        .iter()
        .any(|(_, c)| c.len() != n && (c.is_empty() || n % c.len() != 0))
    {
        // R lists the distinct row counts in argument order
        let mut seen: Vec<usize> = Vec::new();
        for (_, c) in &cols {
            if !seen.contains(&c.len()) {
                seen.push(c.len());
            }
        }
        let list: Vec<String> = seen.iter().map(|x| x.to_string()).collect();
        return err(format!(
            "arguments imply differing number of rows: {}",
            list.join(", ")
        ));
    }
    let mut names = Vec::new();
    let mut values = Vec::new();
    for (name, c) in cols {
        let mut c = recycle(&c, n)?;
        if strings_as_factors && matches!(c.vtype(), Some(VType::Str)) && !c.is_factor() {
            c = string_factor(&c);
        }
        names.push(if check_names { make_name(&name) } else { name });
        values.push(c);
    }
    if check_names {
        make_unique(&mut names);
    }
    let rn = match rn {
        Some(r) if r.len() == n => r,
        _ => auto_row_names(n),
    };
    Ok(make_df(values, names, rn))
}

fn data_frame(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let mut items = Vec::new();
    let mut saf = false;
    let mut check = true;
    let mut row_names = None;
    for a in args {
        let name = a.name.map(|s| s.to_string());
        let Some(e) = &a.value else { continue };
        match name.as_deref() {
            Some("stringsAsFactors") => {
                saf = it.eval(e, env)?.as_bool().flatten().unwrap_or(false);
                continue;
            }
            Some("check.names") => {
                check = it.eval(e, env)?.as_bool().flatten().unwrap_or(true);
                continue;
            }
            Some("row.names") => {
                row_names = Some(it.eval(e, env)?.coerce(VType::Str));
                continue;
            }
            Some("check.rows") => continue,
            _ => {}
        }
        if let crate::syntax::ast::ExprKind::Ident(s) = &e.kind {
            if s.as_str() == "..." {
                for (n, v) in it.dots_of(env)? {
                    let v = match v {
                        Value::Promise(p) => it.force(&p)?,
                        v => v,
                    };
                    items.push((n.map(|s| s.to_string()).unwrap_or_default(), v));
                }
                continue;
            }
        }
        let v = it.eval(e, env)?;
        let nm = name.unwrap_or_else(|| {
            if v.is_data_frame() || v.dim().is_some() {
                String::new()
            } else {
                crate::syntax::deparse::deparse(e)
            }
        });
        items.push((nm, v));
    }
    it.visible = true;
    build_df(items, saf, check, row_names)
}

fn as_data_frame(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&[
        "x",
        "row.names",
        "optional",
        "...",
        "stringsAsFactors",
        "responseName",
    ])?;
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    if x.is_data_frame() {
        return Ok(x);
    }
    if x.inherits("table") {
        return table_to_df(&x, m.get("responseName").and_then(|v| v.as_string()));
    }
    let saf = m
        .get("stringsAsFactors")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    if x.dim().map(|d| d.len() == 2).unwrap_or(false) {
        return matrix_as_df(&x, saf);
    }
    if matches!(x.vtype(), Some(VType::List)) {
        return build_df(vec![(String::new(), x)], saf, true, None);
    }
    build_df(vec![("x".into(), x)], saf, true, None)
}

/// A matrix as a data frame, one column per matrix column (named V1, V2, ... where the
/// matrix has no column names), as `as.data.frame` makes it.
pub fn matrix_as_df(x: &Value, saf: bool) -> EvalResult {
    let d = x.dim().unwrap_or_default();
    let cn = x
        .get_attr("dimnames")
        .and_then(|dn| dn.list_vec().get(1).cloned())
        .filter(|c| !c.is_null());
    let rn = x
        .get_attr("dimnames")
        .and_then(|dn| dn.list_vec().first().cloned())
        .filter(|c| !c.is_null());
    let mut items = Vec::new();
    for j in 0..d[1] {
        let idx: Vec<Option<usize>> = (0..d[0]).map(|i| Some(i + j * d[0])).collect();
        let col = Value::from_data(
            x.data()
                .map(|v| v.select(&idx))
                .unwrap_or(Data::empty(VType::Lgl)),
        );
        let n = cn
            .as_ref()
            .and_then(|c| c.str_vec()[j].as_deref().map(String::from))
            .unwrap_or_else(|| format!("V{}", j + 1));
        items.push((n, col));
    }
    build_df(items, saf, false, rn)
}

fn row_names(_it: &mut Interp, a: Args) -> EvalResult {
    let x = a
        .items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null);
    Ok(df_row_names(&x))
}

fn rownames(_it: &mut Interp, a: Args) -> EvalResult {
    dim_names(a, 0, "row")
}

fn colnames(_it: &mut Interp, a: Args) -> EvalResult {
    dim_names(a, 1, "col")
}

/// rownames (k = 0) or colnames (k = 1); with do.NULL = FALSE, missing names are made as
/// prefix followed by the index.
fn dim_names(a: Args, k: usize, default_prefix: &str) -> EvalResult {
    let m = a.matched(&["x", "do.NULL", "prefix"])?;
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let names = if x.is_data_frame() {
        if k == 0 { df_row_names(&x) } else { x.get_attr("names").cloned().unwrap_or(Value::Null) }
    } else {
        x.get_attr("dimnames").and_then(|d| d.list_vec().get(k).cloned()).unwrap_or(Value::Null)
    };
    let do_null = m.get("do.NULL").and_then(|v| v.as_bool()).flatten().unwrap_or(true);
    if !names.is_null() || do_null {
        return Ok(names);
    }
    let n = x.dim().and_then(|d| d.get(k).copied()).unwrap_or(0);
    let prefix = m.get("prefix").and_then(|v| v.as_string()).unwrap_or_else(|| default_prefix.to_string());
    Ok(Value::strings(&(1..=n).map(|i| format!("{}{}", prefix, i)).collect::<Vec<_>>()))
}

fn set_row_names(it: &mut Interp, m: Matched) -> EvalResult {
    let mut x = m.get("x").cloned().unwrap_or(Value::Null);
    let v = m.get("value").cloned().unwrap_or(Value::Null);
    if x.is_data_frame() {
        let n = df_nrow(&x);
        if !v.is_null() {
            check_row_names(it, &v, n)?;
        }
        let rn = if v.is_null() {
            auto_row_names(n)
        } else {
            v.coerce(VType::Str)
        };
        x.set_attr(Sym::new("row.names"), rn);
        return Ok(x);
    }
    set_dimnames_part(x, 0, v)
}

/// R's checks on new data frame row names: the right length, no duplicates, no NA.
fn check_row_names(it: &mut Interp, v: &Value, n: usize) -> EvalResult<()> {
    if v.len() != n {
        return err("invalid 'row.names' length");
    }
    let s = v.coerce(VType::Str);
    let names = s.str_vec();
    let mut dups: Vec<String> = Vec::new();
    for (i, x) in names.iter().enumerate() {
        if names[..i].contains(x) {
            let t = x.as_deref().unwrap_or("NA").to_string();
            if !dups.contains(&t) {
                dups.push(t);
            }
        }
    }
    if !dups.is_empty() {
        dups.sort();
        let q: Vec<String> = dups
            .iter()
            .map(|d| format!("\u{2018}{}\u{2019}", d))
            .collect();
        let msg = if q.len() == 1 {
            format!("non-unique value when setting 'row.names': {}", q[0])
        } else {
            format!(
                "non-unique values when setting 'row.names': {}",
                q.join(", ")
            )
        };
        // R raises this warning without a call
        it.raise_warning(&msg, None)?;
        return err("duplicate 'row.names' are not allowed");
    }
    if names.iter().any(|x| x.is_none()) {
        return err("missing values in 'row.names' are not allowed");
    }
    Ok(())
}

fn set_rownames(it: &mut Interp, m: Matched) -> EvalResult {
    set_row_names(it, m)
}

fn set_dimnames_part(mut x: Value, k: usize, v: Value) -> EvalResult {
    let d = match x.dim() {
        Some(d) if k < d.len() => d,
        _ if k == 0 => return err("attempt to set 'rownames' on an object with no dimensions"),
        _ => return err("attempt to set 'colnames' on an object with less than two dimensions"),
    };
    let mut dn: Vec<Value> = match x.get_attr("dimnames") {
        Some(dn) => dn.list_vec().to_vec(),
        None => vec![Value::Null; d.len()],
    };
    dn[k] = if v.is_null() {
        Value::Null
    } else {
        let s = crate::value::factor::factor_as_strings(&v).coerce(VType::Str);
        if s.len() != d[k] {
            return err(format!(
                "length of 'dimnames' [{}] not equal to array extent",
                k + 1
            ));
        }
        s
    };
    if dn.iter().all(|x| x.is_null()) {
        x.set_attr(Sym::new("dimnames"), Value::Null);
    } else {
        x.set_attr(Sym::new("dimnames"), Value::list(dn));
    }
    Ok(x)
}

fn set_colnames(_it: &mut Interp, m: Matched) -> EvalResult {
    let mut x = m.get("x").cloned().unwrap_or(Value::Null);
    let v = m.get("value").cloned().unwrap_or(Value::Null);
    if x.is_data_frame() {
        if v.len() > x.len() {
            return err(format!(
                "'names' attribute [{}] must be the same length as the vector [{}]",
                v.len(),
                x.len()
            ));
        }
        x.set_attr(Sym::new("names"), v.coerce(VType::Str));
        return Ok(x);
    }
    set_dimnames_part(x, 1, v)
}

fn data(it: &mut Interp, a: Args) -> EvalResult {
    let _ = a;
    it.visible = false;
    Ok(Value::Null)
}

/// `is.na(d)`: a logical matrix with dimnames.
pub fn df_is_na(x: &Value) -> EvalResult {
    let n = df_nrow(x);
    let mut out = Vec::new();
    for c in x.list_vec().iter() {
        let d = c.data().cloned().unwrap_or(Data::empty(VType::Lgl));
        for i in 0..n {
            out.push(d.is_na(i) as i32);
        }
    }
    let mut v = Value::lgls(out);
    v.set_attr(Sym::new("dim"), Value::ints(vec![n as i32, x.len() as i32]));
    let rn = if df_compact_rows(x) {
        Value::Null
    } else {
        df_row_names(x)
    };
    v.set_attr(
        Sym::new("dimnames"),
        Value::list(vec![
            rn,
            x.get_attr("names").cloned().unwrap_or(Value::Null),
        ]),
    );
    Ok(v)
}

/// Formats one column for printing: each cell's text, and whether to left-align.
pub fn format_cells(c: &Value, digits: usize) -> Vec<String> {
    if let Some(cells) = crate::builtins::base::dates::frame_cells(c) {
        return cells;
    }
    if c.is_factor() {
        let s = crate::value::factor::factor_as_strings(c);
        return s
            .str_vec()
            .iter()
            .map(|x| {
                x.as_deref()
                    .map(String::from)
                    .unwrap_or_else(|| "<NA>".into())
            })
            .collect();
    }
    match c.data() {
        Some(Data::Str(s)) => s
            .iter()
            .map(|x| {
                x.as_deref()
                    .map(String::from)
                    .unwrap_or_else(|| "<NA>".into())
            })
            .collect(),
        Some(Data::Dbl(d)) => crate::print::format_dbl_vec(d, digits),
        Some(Data::Cplx(d)) => crate::value::complex::format_cplx_vec(d, digits),
        Some(Data::Raw(d)) => d.iter().map(|b| format!("{b:02x}")).collect(),
        Some(Data::Int(d)) => d
            .iter()
            .map(|&i| {
                if i == NA_INT {
                    "NA".into()
                } else {
                    i.to_string()
                }
            })
            .collect(),
        Some(Data::Lgl(d)) => d
            .iter()
            .map(|&i| match i {
                NA_INT => "NA".into(),
                0 => "FALSE".into(),
                _ => "TRUE".into(),
            })
            .collect(),
        Some(Data::List(l)) => l
            .iter()
            .map(|v| {
                v.str_vec()
                    .iter()
                    .map(|s| s.as_deref().unwrap_or("NA").to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect(),
        None => vec![],
    }
}

/// `print.data.frame`.
pub fn format_data_frame(it: &mut Interp, x: &Value, digits: Option<usize>) -> EvalResult<String> {
    format_data_frame_opts(it, x, digits, true, true)
}

/// `print.data.frame(x, ..., digits, right, row.names)` for the arguments `print()` passes on.
pub fn print_data_frame_args(
    it: &mut Interp,
    x: &Value,
    digits: Option<usize>,
    extra: &[(Option<Sym>, Value)],
) -> EvalResult<()> {
    let opt = |name: &str| {
        extra
            .iter()
            .find(|(n, _)| n.map(|n| n.as_str() == name).unwrap_or(false))
            .map(|(_, v)| v.clone())
    };
    let right = opt("right")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let rn = match opt("row.names") {
        Some(v) if matches!(v.vtype(), Some(VType::Lgl)) => v.as_bool().flatten().unwrap_or(true),
        _ => true,
    };
    let text = format_data_frame_opts(it, x, digits, right, rn)?;
    it.write_out(&text);
    Ok(())
}

/// `print.data.frame` with `right` (right-justified cells) and `row.names` (shown).
pub fn format_data_frame_opts(
    it: &mut Interp,
    x: &Value,
    digits: Option<usize>,
    right: bool,
    show_rn: bool,
) -> EvalResult<String> {
    // R shows the rows that fit in getOption("max.print") entries
    let (n, nc) = (df_nrow(x), df_names(x).len());
    let max = crate::print::option_max_print(it);
    if nc > 0 && n * nc > max {
        let keep = (max / nc).min(n);
        let head = crate::value::frame::df_take_rows(x, &(0..keep).map(Some).collect::<Vec<_>>());
        let mut s = format_frame_rows(&head, digits, right, show_rn)?;
        s.push_str(&format!(
            " [ reached 'max' / getOption(\"max.print\") -- omitted {} rows ]\n",
            n - keep
        ));
        return Ok(s);
    }
    format_frame_rows(x, digits, right, show_rn)
}

fn format_frame_rows(x: &Value, digits: Option<usize>, right: bool, show_rn: bool) -> EvalResult<String> {
    let digits = digits.unwrap_or(7);
    let names = df_names(x);
    let n = df_nrow(x);
    if names.is_empty() {
        return Ok(format!("data frame with 0 columns and {} rows\n", n));
    }
    if n == 0 {
        let opts = crate::print::PrintOpts {
            quote: false,
            ..Default::default()
        };
        let hdr = crate::print::print_value(&Value::strings(&names), &opts);
        return Ok(format!("{}<0 rows> (or 0-length row.names)\n", hdr));
    }
    let rn: Vec<String> = if show_rn {
        df_row_names(x)
            .str_vec()
            .iter()
            .map(|s| s.as_deref().unwrap_or("NA").to_string())
            .collect()
    } else {
        vec![String::new(); n]
    };
    let pad_cell = |s: &str, w: usize| {
        if right {
            pad_left(s, w)
        } else {
            pad_right(s, w)
        }
    };
    let rn_w = rn.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    let mut cols: Vec<(String, Vec<String>, usize)> = Vec::new();
    for (name, c) in names.iter().zip(x.list_vec().iter()) {
        if let Some(d) = c.dim() {
            if d.len() == 2 {
                // a matrix column prints as name.1, name.2, ... (or name.colname), its cells
                // formatted together as format() formats a matrix
                let all = format_cells(
                    &Value::from_data(c.data().cloned().unwrap_or(Data::empty(VType::Lgl))),
                    digits,
                );
                let cn = c
                    .get_attr("dimnames")
                    .and_then(|dn| dn.list_vec().get(1).cloned())
                    .filter(|v| !v.is_null());
                for j in 0..d[1] {
                    let cells: Vec<String> = (0..d[0])
                        .map(|i| all.get(i + j * d[0]).cloned().unwrap_or_default())
                        .collect();
                    let h = match &cn {
                        Some(cn) => format!(
                            "{}.{}",
                            name,
                            cn.str_vec()
                                .get(j)
                                .cloned()
                                .flatten()
                                .as_deref()
                                .unwrap_or("NA")
                        ),
                        None => format!("{}.{}", name, j + 1),
                    };
                    let w = cells
                        .iter()
                        .map(|s| s.chars().count())
                        .max()
                        .unwrap_or(0)
                        .max(h.chars().count());
                    cols.push((h, cells, w));
                }
                continue;
            }
        }
        let cells = format_cells(c, digits);
        let w = cells
            .iter()
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0)
            .max(name.chars().count());
        cols.push((name.clone(), cells, w));
    }
    let mut out = String::new();
    let width = 80;
    let mut start = 0;
    while start < cols.len() {
        let mut end = start;
        let mut line_w = rn_w;
        while end < cols.len() && (end == start || line_w + 1 + cols[end].2 < width) {
            line_w += 1 + cols[end].2;
            end += 1;
        }
        out.push_str(&" ".repeat(rn_w));
        for (h, _, w) in &cols[start..end] {
            out.push(' ');
            out.push_str(&pad_cell(h, *w));
        }
        out.push('\n');
        for i in 0..n {
            out.push_str(&pad_right(&rn[i], rn_w));
            for (_, cells, w) in &cols[start..end] {
                out.push(' ');
                out.push_str(&pad_cell(
                    cells.get(i).map(|c| c.as_str()).unwrap_or(""),
                    *w,
                ));
            }
            out.push('\n');
        }
        start = end;
    }
    Ok(out)
}

fn pad_left(s: &str, w: usize) -> String {
    let n = s.chars().count();
    if n >= w {
        s.to_string()
    } else {
        format!("{}{}", " ".repeat(w - n), s)
    }
}

fn pad_right(s: &str, w: usize) -> String {
    let n = s.chars().count();
    if n >= w {
        s.to_string()
    } else {
        format!("{}{}", s, " ".repeat(w - n))
    }
}

/// `as.data.frame(table)`: one factor column per dimension (first varying fastest) and `Freq`.
fn table_to_df(x: &Value, response: Option<String>) -> EvalResult {
    let dims: Vec<usize> = x.dim().unwrap_or_else(|| vec![x.len()]);
    let dn = x.get_attr("dimnames").cloned().unwrap_or(Value::Null);
    let dn_items = dn.list_vec();
    let dn_names = dn.names().unwrap_or_default();
    let total: usize = dims.iter().product();
    let mut cols = Vec::new();
    let mut names = Vec::new();
    let mut stride = 1usize;
    for (k, &d) in dims.iter().enumerate() {
        let labels: Vec<RStr> = match dn_items.get(k) {
            Some(v) if !v.is_null() => v.str_vec().to_vec(),
            _ => (1..=d).map(|i| Some(Rc::from(i.to_string()))).collect(),
        };
        let codes: Vec<i32> = (0..total)
            .map(|i| ((i / stride) % d.max(1)) as i32 + 1)
            .collect();
        let mut f = Value::ints(codes);
        f.set_attr(Sym::new("levels"), Value::strs(labels));
        f.set_attr(Sym::new("class"), Value::str("factor"));
        cols.push(f);
        let n = dn_names
            .get(k)
            .cloned()
            .flatten()
            .map(|s| s.to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("Var{}", k + 1));
        names.push(n);
        stride *= d.max(1);
    }
    let mut freq = x.clone();
    freq.clear_attrs();
    cols.push(freq);
    names.push(response.unwrap_or_else(|| "Freq".into()));
    Ok(make_df(cols, names, auto_row_names(total)))
}

/// `format()` of a data frame (`format.data.frame`): when the argument `x` of `args` is a
/// frame, formats each column with `format_col` (the default `justify = "none"`), marks
/// character results `AsIs` and keeps names and row names. `None` when `x` is no frame.
pub fn format_df_args(
    it: &mut Interp,
    args: &Args,
    format_col: crate::builtins::EagerFn,
) -> Option<EvalResult> {
    let k = args
        .items
        .iter()
        .position(|(n, _)| n.map(|n| n.as_str() == "x").unwrap_or(false))
        .or_else(|| args.items.iter().position(|(n, _)| n.is_none()))?;
    let x = args.items[k].1.clone();
    if !x.is_data_frame() {
        return None;
    }
    let has_justify = args
        .items
        .iter()
        .any(|(n, _)| n.map(|n| n.as_str() == "justify").unwrap_or(false));
    let mut cols = Vec::new();
    for c in x.list_vec().iter() {
        let mut items = args.items.clone();
        items[k].1 = c.clone();
        if !has_justify {
            items.push((Some(Sym::new("justify")), Value::str("none")));
        }
        let mut f = match format_col(it, Args::new(items)) {
            Ok(f) => f,
            Err(e) => return Some(Err(e)),
        };
        if matches!(f.vtype(), Some(VType::Str)) && f.get_attr("class").is_none() {
            f.set_attr(Sym::new("class"), Value::str("AsIs"));
        }
        cols.push(f);
    }
    let rn = x
        .get_attr("row.names")
        .cloned()
        .unwrap_or_else(|| auto_row_names(df_nrow(&x)));
    Some(Ok(make_df(cols, df_names(&x), rn)))
}
