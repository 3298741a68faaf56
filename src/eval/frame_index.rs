//! Indexing and assignment into data frames: `d[i, j]`, `d[j]`, `d$x <- v`, `d[i, j] <- v`.

use super::index::{resolve, Sub};
use super::Interp;
use crate::error::{err, EvalResult};
use crate::syntax::sym::Sym;
use crate::value::frame::*;
use crate::value::{Data, RStr, VType, Value};
use std::rc::Rc;

pub fn recycle(v: &Value, n: usize) -> EvalResult {
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

/// Selects columns by a subscript, returning (indices, names).
pub fn select_cols(x: &Value, sub: &Value) -> EvalResult<Vec<usize>> {
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

pub fn select_rows(x: &Value, sub: &Value) -> EvalResult<Vec<Option<usize>>> {
    let n = df_nrow(x);
    // row names are only read for a character subscript
    let rn = matches!(sub.vtype(), Some(VType::Str)).then(|| row_ids(x));
    let sub = if matches!(sub.vtype(), Some(VType::Lgl)) && sub.len() < n && !sub.is_empty() {
        recycle(sub, n)?
    } else {
        sub.clone()
    };
    let (pos, _) = resolve(&sub, n, rn.as_deref(), false)?;
    Ok(pos.into_iter().map(|p| p.filter(|&p| p < n)).collect())
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
                    let cells = crate::value::combine::combine(
                        &x.list_vec()
                            .iter()
                            .map(|c| (None, crate::value::factor::factor_as_strings(c)))
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
                    let m = crate::value::frame::df_as_matrix(x);
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
pub fn name_matrix_positions(x: &Value, s: &Value) -> EvalResult {
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
        if rows_sub.is_none() && part.len() == n && n > 0 && !matches!(part, Value::Null) {
            // all rows: the column is replaced, taking the value's type and class (as R)
            let mut part = part;
            part.set_attr(Sym::new("names"), Value::Null);
            cols[j] = part;
            continue;
        }
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
pub fn df_assign_mask(it: &mut Interp, x: &mut Value, m: &Value, v: Value) -> EvalResult<()> {
    let n = df_nrow(x);
    let mask = m.lgl_vec();
    let vals = crate::value::combine::elements(&v);
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
pub fn df_assign_cells(it: &mut Interp, x: &mut Value, m: &Value, v: Value) -> EvalResult<()> {
    let n = df_nrow(x);
    let vals = crate::value::combine::elements(&v);
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
