//! Data frames as R sees them: a classed list of equal-length columns with row names.

use super::{eager, special, Args, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::index::{resolve, Sub};
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr};
use crate::syntax::sym::Sym;
use crate::value::{Data, Env, RStr, VType, Value, NA_INT};
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    special("data.frame", data_frame),
    eager("as.data.frame", as_data_frame),
    eager("row.names", row_names),
    eager("rownames", rownames),
    eager("colnames", colnames),
    eager("row.names<-", set_row_names),
    eager("rownames<-", set_rownames),
    eager("colnames<-", set_colnames),
    eager("data", data),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[super::Doc] = {
    use super::doc;
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

/// Builds a data frame from columns, names and a row.names attribute value.
pub fn make_df(cols: Vec<Value>, names: Vec<String>, row_names: Value) -> Value {
    let mut v = Value::list(cols);
    v.set_attr(Sym::new("names"), Value::strings(&names));
    v.set_attr(Sym::new("class"), Value::str("data.frame"));
    v.set_attr(Sym::new("row.names"), row_names);
    v
}

/// The compact form of automatic row names `1..n`.
pub fn auto_row_names(n: usize) -> Value {
    Value::ints(vec![NA_INT, -(n as i32)])
}

/// Number of rows of a data frame.
pub fn df_nrow(x: &Value) -> usize {
    match x.get_attr("row.names") {
        Some(r) => {
            let v = r.data();
            match v {
                Some(Data::Int(v)) if v.len() == 2 && v[0] == NA_INT => {
                    v[1].unsigned_abs() as usize
                }
                _ => r.len(),
            }
        }
        None => x.list_vec().first().map(|c| c.len()).unwrap_or(0),
    }
}

/// Whether the row names are automatic (1..n).
pub fn df_auto_rows(x: &Value) -> bool {
    match x.get_attr("row.names").and_then(|r| r.data().cloned()) {
        Some(Data::Int(v)) => {
            (v.len() == 2 && v[0] == NA_INT)
                || v.iter().enumerate().all(|(i, &k)| k == i as i32 + 1)
        }
        None => true,
        _ => false,
    }
}

/// Whether the row names are stored in R's compact automatic form `c(NA, -n)`.
pub fn df_compact_rows(x: &Value) -> bool {
    match x.get_attr("row.names").and_then(|r| r.data().cloned()) {
        Some(Data::Int(v)) => v.len() == 2 && v[0] == NA_INT,
        None => true,
        _ => false,
    }
}

/// Row names as a character vector.
pub fn df_row_names(x: &Value) -> Value {
    match x.get_attr("row.names") {
        Some(r) if matches!(r.vtype(), Some(VType::Str)) => r.clone(),
        Some(r) if !(r.len() == 2 && r.int_vec()[0] == NA_INT) => r.coerce(VType::Str),
        _ => Value::strings(&(1..=df_nrow(x)).map(|i| i.to_string()).collect::<Vec<_>>()),
    }
}

/// Row names as integers when they are integers (for subsetting automatic names).
fn row_ids(x: &Value) -> Vec<RStr> {
    df_row_names(x).str_vec().to_vec()
}

/// The column names of a data frame.
pub fn df_names(x: &Value) -> Vec<String> {
    x.names()
        .unwrap_or_default()
        .iter()
        .map(|s| s.as_deref().unwrap_or("NA").to_string())
        .collect()
}

fn recycle(v: &Value, n: usize) -> EvalResult {
    let len = v.len();
    if len == n {
        return Ok(v.clone());
    }
    if len == 0 || !n.is_multiple_of(len) {
        return err(format!("replacement has {} rows, data has {}", len, n));
    }
    let idx: Vec<Option<usize>> = (0..n).map(|i| Some(i % len)).collect();
    let mut out = Value::from_data(
        v.data()
            .map(|d| d.select(&idx))
            .unwrap_or(Data::empty(VType::Lgl)),
    );
    for k in ["levels", "class"] {
        if let Some(a) = v.get_attr(k) {
            out.set_attr(Sym::new(k), a.clone());
        }
    }
    Ok(out)
}

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

/// Makes names unique as `make.unique` does (`a`, `a.1`, `a.2`).
pub fn make_unique(names: &mut [String]) {
    make_unique_sep(names, ".")
}

/// `make.unique` with separator `sep`.
pub fn make_unique_sep(names: &mut [String], sep: &str) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let orig: std::collections::HashSet<String> = names.iter().cloned().collect();
    for n in names.iter_mut() {
        let c = seen.entry(n.clone()).or_insert(0);
        if *c > 0 {
            let mut k = *c;
            let mut cand = format!("{}{}{}", n, sep, k);
            while orig.contains(&cand) {
                k += 1;
                cand = format!("{}{}{}", n, sep, k);
            }
            *c = k + 1;
            *n = cand;
        } else {
            *c = 1;
        }
    }
}

/// A factor of a vector's values with sorted levels.
pub fn string_factor(v: &Value) -> Value {
    let s = v.str_vec();
    let mut levels: Vec<Rc<str>> = s.iter().flatten().cloned().collect();
    // Levels sort in the locale's collation, as R's factor() does.
    levels.sort_by(|a, b| crate::value::collate::collate(a, b));
    levels.dedup();
    let codes: Vec<i32> = s
        .iter()
        .map(|x| {
            x.as_ref()
                .and_then(|x| levels.iter().position(|l| l == x))
                .map(|p| p as i32 + 1)
                .unwrap_or(NA_INT)
        })
        .collect();
    let mut f = Value::ints(codes);
    f.set_attr(
        Sym::new("levels"),
        Value::strs(levels.into_iter().map(Some).collect()),
    );
    f.set_attr(Sym::new("class"), Value::str("factor"));
    f
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
            let class = super::class_of(&v).join("\", \"");
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
    let x = m.get(0).cloned().unwrap_or(Value::Null);
    if x.is_data_frame() {
        return Ok(x);
    }
    if x.inherits("table") {
        return table_to_df(&x, m.get(5).and_then(|v| v.as_string()));
    }
    let saf = m
        .get(4)
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    if let Some(d) = x.dim() {
        if d.len() == 2 {
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
            return build_df(items, saf, false, rn);
        }
    }
    if matches!(x.vtype(), Some(VType::List)) {
        return build_df(vec![(String::new(), x)], saf, true, None);
    }
    build_df(vec![("x".into(), x)], saf, true, None)
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
    let x = a
        .items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null);
    if x.is_data_frame() {
        return Ok(df_row_names(&x));
    }
    Ok(x.get_attr("dimnames")
        .and_then(|d| d.list_vec().first().cloned())
        .unwrap_or(Value::Null))
}

fn colnames(_it: &mut Interp, a: Args) -> EvalResult {
    let x = a
        .items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null);
    if x.is_data_frame() {
        return Ok(x.get_attr("names").cloned().unwrap_or(Value::Null));
    }
    Ok(x.get_attr("dimnames")
        .and_then(|d| d.list_vec().get(1).cloned())
        .unwrap_or(Value::Null))
}

fn set_row_names(it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "value"])?;
    let mut x = m.get(0).cloned().unwrap_or(Value::Null);
    let v = m.get(1).cloned().unwrap_or(Value::Null);
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

fn set_rownames(it: &mut Interp, a: Args) -> EvalResult {
    set_row_names(it, a)
}

fn set_dimnames_part(mut x: Value, k: usize, v: Value) -> EvalResult {
    let Some(d) = x.dim() else {
        return err("attempt to set 'rownames' on an object with no dimensions");
    };
    let mut dn: Vec<Value> = match x.get_attr("dimnames") {
        Some(dn) => dn.list_vec().to_vec(),
        None => vec![Value::Null; d.len()],
    };
    if k < dn.len() {
        dn[k] = if v.is_null() {
            Value::Null
        } else {
            v.coerce(VType::Str)
        };
    }
    if dn.iter().all(|x| x.is_null()) {
        x.set_attr(Sym::new("dimnames"), Value::Null);
    } else {
        x.set_attr(Sym::new("dimnames"), Value::list(dn));
    }
    Ok(x)
}

fn set_colnames(_it: &mut Interp, a: Args) -> EvalResult {
    let m = a.matched(&["x", "value"])?;
    let mut x = m.get(0).cloned().unwrap_or(Value::Null);
    let v = m.get(1).cloned().unwrap_or(Value::Null);
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

/// Selects columns by a subscript, returning (indices, names).
fn select_cols(x: &Value, sub: &Value) -> EvalResult<Vec<usize>> {
    let names = x.names();
    let n = x.len();
    let (pos, _) = resolve(sub, n, names.as_deref(), false)?;
    let mut out = Vec::new();
    for p in pos {
        match p {
            Some(p) if p < n => out.push(p),
            _ => return err("undefined columns selected"),
        }
    }
    Ok(out)
}

fn select_rows(x: &Value, sub: &Value) -> EvalResult<Vec<Option<usize>>> {
    let n = df_nrow(x);
    let rn = row_ids(x);
    let sub = if matches!(sub.vtype(), Some(VType::Lgl)) && sub.len() < n && !sub.is_empty() {
        recycle(sub, n)?
    } else {
        sub.clone()
    };
    let (pos, _) = resolve(&sub, n, Some(&rn), false)?;
    Ok(pos.into_iter().map(|p| p.filter(|&p| p < n)).collect())
}

/// Subsets the rows of a data frame (keeping original row names, as R does).
pub fn df_take_rows(x: &Value, rows: &[Option<usize>]) -> Value {
    let cols: Vec<Value> = x.list_vec().iter().map(|c| take(c, rows)).collect();
    let names = df_names(x);
    let rn_old = row_ids(x);
    let auto = df_auto_rows(x);
    let rn = if auto {
        let ids: Vec<i32> = rows
            .iter()
            .map(|r| r.map(|i| i as i32 + 1).unwrap_or(NA_INT))
            .collect();
        if ids.contains(&NA_INT) {
            let mut seen = 0;
            Value::strs(
                ids.iter()
                    .map(|&k| {
                        if k == NA_INT {
                            seen += 1;
                            Some(Rc::from(if seen == 1 {
                                "NA".to_string()
                            } else {
                                format!("NA.{}", seen - 1)
                            }))
                        } else {
                            Some(Rc::from(k.to_string()))
                        }
                    })
                    .collect(),
            )
        } else {
            Value::ints(ids)
        }
    } else {
        let mut v: Vec<String> = rows
            .iter()
            .map(|r| {
                r.and_then(|i| rn_old[i].as_deref().map(String::from))
                    .unwrap_or_else(|| "NA".into())
            })
            .collect();
        make_unique(&mut v);
        Value::strings(&v)
    };
    make_df(cols, names, rn)
}

/// Selects elements of a column vector, keeping factor attributes.
pub fn take(c: &Value, rows: &[Option<usize>]) -> Value {
    let mut out = Value::from_data(
        c.data()
            .map(|d| d.select(rows))
            .unwrap_or(Data::empty(VType::Lgl)),
    );
    if let Some(attrs) = c.attrs() {
        for (k, v) in attrs {
            if !matches!(k.as_str(), "names" | "dim" | "dimnames") {
                out.set_attr(*k, v.clone());
            }
        }
    }
    out
}

/// `d[i, j]`, `d[j]`.
pub fn df_index(x: &Value, subs: &[Sub], drop: bool) -> EvalResult {
    match subs.len() {
        0 => Ok(x.clone()),
        1 => match &subs[0] {
            None => Ok(x.clone()),
            Some(s) => {
                if s.dim().is_some() && matches!(s.vtype(), Some(VType::Lgl)) {
                    // d[is.na(d)] style: index cells column-major
                    let cells = crate::builtins::vectors::combine(
                        &x.list_vec()
                            .iter()
                            .map(|c| (None, crate::eval::ops::factor_as_strings(c)))
                            .collect::<Vec<_>>(),
                        false,
                    )?;
                    return crate::eval::index::index(&cells, &[Some(s.coerce(VType::Lgl))], true);
                }
                if s.dim().map(|d| d.len() == 2 && d[1] == 2).unwrap_or(false)
                    && matches!(
                        s.vtype(),
                        Some(VType::Int) | Some(VType::Dbl) | Some(VType::Str)
                    )
                {
                    // d[cbind(i, j)]: cells of as.matrix(d); names match row and column names
                    let m = crate::builtins::frame_verbs::df_as_matrix(x);
                    let s = if matches!(s.vtype(), Some(VType::Str)) {
                        name_matrix_positions(x, s)?
                    } else {
                        s.clone()
                    };
                    return crate::eval::index::index(&m, &[Some(s)], true);
                }
                let cols = select_cols(x, s)?;
                let names = df_names(x);
                let l = x.list_vec();
                let rn = x
                    .get_attr("row.names")
                    .cloned()
                    .unwrap_or_else(|| auto_row_names(df_nrow(x)));
                Ok(make_df(
                    cols.iter().map(|&j| l[j].clone()).collect(),
                    cols.iter().map(|&j| names[j].clone()).collect(),
                    rn,
                ))
            }
        },
        2 => {
            let cols: Vec<usize> = match &subs[1] {
                None => (0..x.len()).collect(),
                Some(s) => select_cols(x, s)?,
            };
            let names = df_names(x);
            let l = x.list_vec();
            let sub_df = make_df(
                cols.iter().map(|&j| l[j].clone()).collect(),
                cols.iter().map(|&j| names[j].clone()).collect(),
                x.get_attr("row.names")
                    .cloned()
                    .unwrap_or_else(|| auto_row_names(df_nrow(x))),
            );
            let res = match &subs[0] {
                None => sub_df,
                Some(s) => {
                    let rows = select_rows(x, s)?;
                    df_take_rows(&sub_df, &rows)
                }
            };
            let one_col_request = subs[1].is_some();
            if drop && cols.len() == 1 && one_col_request {
                return Ok(res.list_vec()[0].clone());
            }
            Ok(res)
        }
        _ => err("incorrect number of dimensions"),
    }
}

/// A two-column character matrix of (row name, column name) pairs as 1-based positions.
fn name_matrix_positions(x: &Value, s: &Value) -> EvalResult {
    let rows = row_ids(x);
    let cols = df_names(x);
    let k = s.len() / 2;
    let sv = s.str_vec();
    let mut out = Vec::with_capacity(2 * k);
    for (j, col) in [false, true].iter().enumerate() {
        for i in 0..k {
            let name = sv[i + j * k].as_deref().unwrap_or("NA");
            let pos = if *col {
                cols.iter().position(|c| c == name)
            } else {
                rows.iter().position(|r| r.as_deref() == Some(name))
            };
            match pos {
                Some(p) => out.push(p as f64 + 1.0),
                None => return err("subscript out of bounds"),
            }
        }
    }
    let mut m = Value::dbls(out);
    m.set_attr(Sym::new("dim"), Value::ints(vec![k as i32, 2]));
    Ok(m)
}

/// `d$name <- v` (NULL removes the column).
pub fn df_set_column(x: &mut Value, name: &str, v: Value) -> EvalResult<()> {
    let mut names = df_names(x);
    let mut cols = x.list_vec().to_vec();
    let pos = names.iter().position(|n| n == name);
    if v.is_null() {
        if let Some(p) = pos {
            names.remove(p);
            cols.remove(p);
        }
    } else {
        // a matrix column counts its rows
        let vrows = match v.dim() {
            Some(d) if d.len() == 2 => d[0],
            _ => v.len(),
        };
        let n = if cols.is_empty() { vrows } else { df_nrow(x) };
        let mut v = v;
        if vrows == n && v.dim().is_some() {
            // kept as a matrix column
        } else if v.len() != n {
            if v.is_empty() || n % v.len() != 0 || v.len() > n {
                return err(format!("replacement has {} rows, data has {}", v.len(), n));
            }
            v = recycle(&v, n)?;
        }
        v.set_attr(Sym::new("names"), Value::Null);
        match pos {
            Some(p) => cols[p] = v,
            None => {
                names.push(name.to_string());
                cols.push(v);
            }
        }
        if x.is_empty() {
            x.set_attr(Sym::new("row.names"), auto_row_names(n));
        }
    }
    let rn = x
        .get_attr("row.names")
        .cloned()
        .unwrap_or_else(|| auto_row_names(df_nrow(x)));
    *x = make_df(cols, names, rn);
    Ok(())
}

/// `d[i, j] <- v`, `d[j] <- v`.
pub fn df_assign(it: &mut Interp, x: &mut Value, subs: &[Sub], v: Value) -> EvalResult<()> {
    let names = df_names(x);
    if let [Some(m)] = subs {
        if matches!(m.vtype(), Some(VType::Lgl)) && m.dim().map(|d| d.len() == 2).unwrap_or(false) {
            return df_assign_mask(it, x, m, v);
        }
        if m.dim().map(|d| d.len() == 2 && d[1] == 2).unwrap_or(false)
            && matches!(
                m.vtype(),
                Some(VType::Int) | Some(VType::Dbl) | Some(VType::Str)
            )
        {
            let pos = if matches!(m.vtype(), Some(VType::Str)) {
                name_matrix_positions(x, m)?
            } else {
                m.clone()
            };
            return df_assign_cells(it, x, &pos, v);
        }
    }
    let (rows_sub, cols_sub) = match subs.len() {
        0 => (None, None),
        1 => (None, subs[0].clone()),
        2 => (subs[0].clone(), subs[1].clone()),
        _ => return err("incorrect number of subscripts"),
    };
    let col_ids: Vec<usize> = match &cols_sub {
        None => (0..names.len()).collect(),
        Some(s) => {
            let (p, new) = resolve(s, names.len(), x.names().as_deref(), true)?;
            let mut ids = Vec::new();
            for (k, q) in p.into_iter().enumerate() {
                let q = q.unwrap_or(names.len() + k);
                ids.push(q);
            }
            // numeric indices past the end must extend the frame without gaps
            let mut wanted: Vec<usize> =
                ids.iter().copied().filter(|&q| q >= names.len()).collect();
            wanted.sort_unstable();
            wanted.dedup();
            if wanted
                .iter()
                .enumerate()
                .any(|(k, &q)| q != names.len() + k)
            {
                return err("new columns would leave holes after existing columns");
            }
            for nm in new {
                df_set_column(
                    x,
                    nm.as_deref().unwrap_or("V"),
                    Value::lgls(vec![crate::value::NA_LGL; df_nrow(x)]),
                )?;
            }
            ids
        }
    };
    let n = df_nrow(x);
    if v.is_null() && rows_sub.is_none() {
        // d[j] <- NULL / d[, j] <- NULL removes the columns
        let keep: Vec<usize> = (0..names.len()).filter(|j| !col_ids.contains(j)).collect();
        let l = x.list_vec();
        let rn = x
            .get_attr("row.names")
            .cloned()
            .unwrap_or_else(|| auto_row_names(n));
        *x = make_df(
            keep.iter().map(|&j| l[j].clone()).collect(),
            keep.iter().map(|&j| names[j].clone()).collect(),
            rn,
        );
        return Ok(());
    }
    let rows: Vec<usize> = match &rows_sub {
        None => (0..n).collect(),
        Some(s) => {
            let (p, _) = resolve(s, n, Some(&row_ids(x)), true)?;
            p.into_iter().flatten().collect()
        }
    };
    let new_n = rows.iter().map(|&r| r + 1).max().unwrap_or(0).max(n);
    let mut cols = x.list_vec().to_vec();
    let values: Vec<Value> = if matches!(v.vtype(), Some(VType::List)) {
        v.list_vec().to_vec()
    } else {
        vec![v.clone()]
    };
    for (k, &j) in col_ids.iter().enumerate() {
        if j >= cols.len() {
            continue;
        }
        let val = values[k % values.len().max(1)].clone();
        let mut col = cols[j].clone();
        let sub = Value::ints(rows.iter().map(|&r| r as i32 + 1).collect());
        let part = if values.len() == 1
            && !matches!(v.vtype(), Some(VType::List))
            && val.len() == rows.len() * col_ids.len()
            && col_ids.len() > 1
        {
            let idx: Vec<Option<usize>> =
                (0..rows.len()).map(|i| Some(k * rows.len() + i)).collect();
            Value::from_data(
                val.data()
                    .map(|d| d.select(&idx))
                    .unwrap_or(Data::empty(VType::Lgl)),
            )
        } else {
            val
        };
        crate::eval::assign::assign_index(it, &mut col, &[Some(sub)], part)?;
        cols[j] = col;
    }
    let rn = if new_n > n {
        if df_auto_rows(x) {
            auto_row_names(new_n)
        } else {
            let mut r: Vec<RStr> = row_ids(x);
            for i in n..new_n {
                r.push(Some(Rc::from((i + 1).to_string())));
            }
            Value::strs(r)
        }
    } else {
        x.get_attr("row.names")
            .cloned()
            .unwrap_or_else(|| auto_row_names(n))
    };
    *x = make_df(cols, df_names(x), rn);
    Ok(())
}

/// `d[mask] <- v` with a logical matrix `mask`: assigns `v`'s values in column-major order.
fn df_assign_mask(it: &mut Interp, x: &mut Value, m: &Value, v: Value) -> EvalResult<()> {
    let n = df_nrow(x);
    let mask = m.lgl_vec();
    let vals = super::apply::elements(&v);
    if vals.is_empty() {
        return err("replacement has length zero");
    }
    let mut cols = x.list_vec().to_vec();
    let mut k = 0usize;
    for (j, col) in cols.iter_mut().enumerate() {
        for i in 0..n {
            if mask.get(i + j * n).copied() == Some(1) {
                let sub = Value::ints(vec![i as i32 + 1]);
                crate::eval::assign::assign_index(
                    it,
                    col,
                    &[Some(sub)],
                    vals[k % vals.len()].clone(),
                )?;
                k += 1;
            }
        }
    }
    let rn = x
        .get_attr("row.names")
        .cloned()
        .unwrap_or_else(|| auto_row_names(n));
    *x = make_df(cols, df_names(x), rn);
    Ok(())
}

/// `d[cbind(i, j)] <- v`: cell (i, j) of each index row gets the next value of `v`.
fn df_assign_cells(it: &mut Interp, x: &mut Value, m: &Value, v: Value) -> EvalResult<()> {
    let n = df_nrow(x);
    let vals = super::apply::elements(&v);
    if vals.is_empty() {
        return err("replacement has length zero");
    }
    let mut cols = x.list_vec().to_vec();
    let p = m.dbl_vec();
    let k = p.len() / 2;
    for r in 0..k {
        let (i, j) = (p[r], p[r + k]);
        if !(i >= 1.0 && j >= 1.0 && (i as usize) <= n && (j as usize) <= cols.len()) {
            return err("subscript out of bounds");
        }
        let sub = Value::ints(vec![i as i32]);
        crate::eval::assign::assign_index(
            it,
            &mut cols[j as usize - 1],
            &[Some(sub)],
            vals[r % vals.len()].clone(),
        )?;
    }
    let rn = x
        .get_attr("row.names")
        .cloned()
        .unwrap_or_else(|| auto_row_names(n));
    *x = make_df(cols, df_names(x), rn);
    Ok(())
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
    if c.is_factor() {
        let s = crate::eval::ops::factor_as_strings(c);
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
    _it: &mut Interp,
    x: &Value,
    digits: Option<usize>,
    right: bool,
    show_rn: bool,
) -> EvalResult<String> {
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
    format_col: super::EagerFn,
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
