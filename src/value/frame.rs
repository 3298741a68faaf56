//! Data frames as values: a classed list of equal-length columns with names and a
//! `row.names` attribute (R's compact `c(NA, -n)` for automatic names).

use super::{Data, RStr, VType, Value, NA_INT};
use crate::syntax::sym::Sym;
use std::rc::Rc;

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
pub fn row_ids(x: &Value) -> Vec<RStr> {
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

/// Subsets the rows of a data frame (keeping original row names, as R does).
pub fn df_take_rows(x: &Value, rows: &[Option<usize>]) -> Value {
    let cols: Vec<Value> = x.list_vec().iter().map(|c| take(c, rows)).collect();
    let names = df_names(x);
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
        let rn_old = row_ids(x);
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

/// `as.matrix` of a data frame: numeric if every column is numeric or logical, else character.
pub fn df_as_matrix(x: &Value) -> Value {
    let n = df_nrow(x);
    let l = x.list_vec();
    let all_num = l.iter().all(|c| {
        matches!(
            c.vtype(),
            Some(VType::Dbl) | Some(VType::Int) | Some(VType::Lgl)
        ) && !c.is_factor()
    });
    let t = if all_num {
        l.iter()
            .filter_map(|c| c.vtype())
            .max()
            .unwrap_or(VType::Lgl)
    } else {
        VType::Str
    };
    let parts: Vec<Data> = l
        .iter()
        .map(|c| {
            let c = if c.is_factor() {
                crate::value::factor::factor_as_strings(c)
            } else {
                c.clone()
            };
            if t == VType::Str && matches!(c.vtype(), Some(VType::Dbl)) {
                // numbers formatted as format() does per column
                let f = crate::value::num_format::format_dbl_vec_trim(&c.dbl_vec(), 15);
                Data::Str(Rc::new(f.into_iter().map(|s| Some(Rc::from(s))).collect()))
            } else {
                c.data().map(|d| d.coerce(t)).unwrap_or(Data::empty(t))
            }
        })
        .collect();
    let mut m = Value::from_data(crate::value::combine::concat_data(&parts, t));
    m.set_attr(Sym::new("dim"), Value::ints(vec![n as i32, l.len() as i32]));
    let rn = if crate::value::frame::df_compact_rows(x) {
        Value::Null
    } else {
        df_row_names(x)
    };
    m.set_attr(
        Sym::new("dimnames"),
        Value::list(vec![
            rn,
            x.get_attr("names").cloned().unwrap_or(Value::Null),
        ]),
    );
    m
}
