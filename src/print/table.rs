//! Printing objects of class "table" as `print.table` does: the cells are formatted in one
//! common format, NA cells print blank, and the result is printed unquoted (numbers
//! right-justified, character tables left-justified), with the dimnames names as headers.

use super::matrix::print_array;
use super::summary::format_summary_values;
use super::PrintOpts;
use crate::syntax::sym::Sym;
use crate::value::num_format::{
    encode_real_trim, int_str, lgl_str, pad_left, real_format_na, str_width,
};
use crate::value::{Data, Value};
use std::rc::Rc;

/// Cells of a table formatted as `format(unclass(x), digits)` does, with NA cells blank
/// (`na.print = ""`). Numbers share one format; strings are left as they are.
fn table_cells(d: &Data, digits: usize) -> Vec<String> {
    let cells = raw_cells(d, digits);
    if matches!(d, Data::Str(_) | Data::List(_)) {
        return cells;
    }
    let w = cells.iter().map(|s| str_width(s)).max().unwrap_or(0);
    cells
        .iter()
        .map(|s| {
            if s.is_empty() {
                String::new()
            } else {
                pad_left(s, w)
            }
        })
        .collect()
}

fn raw_cells(d: &Data, digits: usize) -> Vec<String> {
    match d {
        Data::Dbl(x) => {
            let f = real_format_na(x, digits, 0, 0, 2);
            x.iter()
                .map(|&y| {
                    if crate::value::is_na_real(y) {
                        String::new()
                    } else {
                        encode_real_trim(y, &f, "NA")
                    }
                })
                .collect()
        }
        Data::Int(x) => x
            .iter()
            .map(|&i| {
                if i == crate::value::NA_INT {
                    String::new()
                } else {
                    int_str(i, "NA")
                }
            })
            .collect(),
        Data::Lgl(x) => x
            .iter()
            .map(|&i| {
                if i == crate::value::NA_LGL {
                    String::new()
                } else {
                    lgl_str(i, "NA")
                }
            })
            .collect(),
        Data::Str(x) => x
            .iter()
            .map(|s| s.as_deref().unwrap_or("").to_string())
            .collect(),
        Data::List(x) => x.iter().map(super::vector::list_elem_summary).collect(),
        Data::Raw(x) => x.iter().map(|b| format!("{b:02x}")).collect(),
        Data::Cplx(x) => {
            let f = crate::value::complex::cplx_format(x, digits, 0, 0);
            x.iter()
                .map(|&z| {
                    if crate::value::complex::cplx_is_na_strict(z) {
                        String::new()
                    } else {
                        crate::value::complex::encode_cplx(z, &f, digits, "NA")
                    }
                })
                .collect()
        }
    }
}

/// The names of `dimnames` (None when the dimnames list has no names).
fn dimnames_names(v: &Value) -> Option<Vec<String>> {
    let dn = v.get_attr("dimnames")?;
    dn.names().map(|n| {
        n.iter()
            .map(|s| s.as_deref().unwrap_or("").to_string())
            .collect()
    })
}

/// Prints a named row of strings as R's `printNamedVector` does: names over right-justified
/// values, as many columns per line as fit in `width`.
pub fn print_named_strings(out: &mut String, vals: &[String], names: &[String], width: usize) {
    let w = vals
        .iter()
        .chain(names.iter())
        .map(|s| str_width(s))
        .max()
        .unwrap_or(0);
    let per = (width / (w + 1)).max(1);
    let mut i = 0;
    while i < vals.len() {
        let end = (i + per).min(vals.len());
        for s in &names[i..end] {
            out.push_str(&pad_left(s, w));
            out.push(' ');
        }
        out.push('\n');
        for s in &vals[i..end] {
            out.push_str(&pad_left(s, w));
            out.push(' ');
        }
        out.push('\n');
        i = end;
    }
}

/// The text `print()` writes for an object of class "table" (1-D, 2-D or higher).
pub fn format_table(v: &Value, opts: &PrintOpts) -> String {
    let mut out = String::new();
    let Some(d) = v.data() else { return out };
    let dims = v.dim().unwrap_or_else(|| vec![d.len()]);
    if dims.contains(&0) {
        let ds: Vec<String> = dims.iter().map(|x| x.to_string()).collect();
        out.push_str(&format!("< table of extent {} >\n", ds.join(" x ")));
        return out;
    }
    let numeric = matches!(d, Data::Dbl(_) | Data::Int(_));
    let cells = table_cells(d, opts.digits);
    if dims.len() == 1 {
        if let Some(n) = dimnames_names(v) {
            out.push_str(n.first().map(|s| s.as_str()).unwrap_or(""));
            out.push('\n');
        }
        let labels: Vec<String> = match v
            .get_attr("dimnames")
            .and_then(|dn| dn.list_vec().first().cloned())
        {
            Some(l) if !l.is_null() => l
                .str_vec()
                .iter()
                .map(|s| s.as_deref().unwrap_or("<NA>").to_string())
                .collect(),
            _ => match v.names() {
                Some(n) => n
                    .iter()
                    .map(|s| s.as_deref().unwrap_or("<NA>").to_string())
                    .collect(),
                None => {
                    let mut o = PrintOpts {
                        quote: false,
                        ..opts.clone()
                    };
                    o.right = numeric;
                    super::vector::print_plain(&mut out, &to_str_data(&cells), &o, false);
                    return out;
                }
            },
        };
        print_named_strings(&mut out, &cells, &labels, opts.width);
        return out;
    }
    let mut x = Value::from_data(to_str_data(&cells));
    for k in ["dim", "dimnames"] {
        if let Some(a) = v.get_attr(k) {
            x.set_attr(Sym::new(k), a.clone());
        }
    }
    let o = PrintOpts {
        quote: false,
        right: numeric,
        ..opts.clone()
    };
    print_array(&mut out, &x, &dims, &o, false);
    out
}

fn to_str_data(cells: &[String]) -> Data {
    Data::Str(Rc::new(
        cells
            .iter()
            .map(|s| Some(Rc::from(s.as_str())))
            .collect::<crate::value::Strs>(),
    ))
}

/// The text `print()` writes for a `summaryDefault` object: numeric summaries are formatted
/// by `format.summaryDefault` (4 significant digits by default), then printed as a table.
pub fn format_summary_default(v: &Value, opts: &PrintOpts, digits: Option<usize>) -> String {
    let mut out = String::new();
    let Some(d) = v.data() else { return out };
    let digits = digits.unwrap_or_else(|| opts.digits.saturating_sub(3).max(3));
    let names: Vec<String> = v
        .names()
        .unwrap_or_default()
        .iter()
        .map(|s| s.as_deref().unwrap_or("<NA>").to_string())
        .collect();
    let cells: Vec<String> = match d {
        Data::Dbl(_) | Data::Int(_) => {
            let x = d.to_dbl();
            let has_na = names.last().map(|s| s == "NA's").unwrap_or(false);
            format_summary_values(&x, has_na, digits)
                .into_iter()
                .map(|s| s.unwrap_or_default())
                .collect()
        }
        _ => table_cells(d, digits),
    };
    if v.dim().map(|d| d.len() == 2).unwrap_or(false) {
        let mut x = Value::from_data(to_str_data(&cells));
        for k in ["dim", "dimnames"] {
            if let Some(a) = v.get_attr(k) {
                x.set_attr(Sym::new(k), a.clone());
            }
        }
        let o = PrintOpts {
            quote: false,
            ..opts.clone()
        };
        if let Some(dims) = x.dim() {
            print_array(&mut out, &x, &dims, &o, false);
        }
        return out;
    }
    let names = if names.len() == cells.len() {
        names
    } else {
        (1..=cells.len()).map(|i| i.to_string()).collect()
    };
    print_named_strings(&mut out, &cells, &names, opts.width);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::na_real;

    fn tbl(
        data: Data,
        dim: Vec<i32>,
        dimnames: Vec<Vec<&str>>,
        dn_names: Option<Vec<&str>>,
    ) -> Value {
        let mut v = Value::from_data(data);
        v.set_attr(Sym::new("dim"), Value::ints(dim));
        let mut dn = Value::list(dimnames.iter().map(|l| Value::strings(l)).collect());
        if let Some(n) = dn_names {
            dn.set_attr(Sym::new("names"), Value::strings(&n));
        }
        v.set_attr(Sym::new("dimnames"), dn);
        v.set_attr(Sym::new("class"), Value::str("table"));
        v
    }

    fn p(v: &Value) -> String {
        format_table(v, &PrintOpts::default())
    }

    #[test]
    fn one_d_tables() {
        let t = tbl(
            Data::Int(Rc::new(vec![3, 2, 1])),
            vec![3],
            vec![vec!["a", "b", "c"]],
            Some(vec!["x"]),
        );
        assert_eq!(p(&t), "x\na b c \n3 2 1 \n");
        let t = tbl(
            Data::Int(Rc::new(vec![11, 7, 14])),
            vec![3],
            vec![vec!["4", "6", "8"]],
            Some(vec![""]),
        );
        assert_eq!(p(&t), "\n 4  6  8 \n11  7 14 \n");
        let t = tbl(
            Data::Dbl(Rc::new(vec![1.0 / 3.0; 3])),
            vec![3],
            vec![vec!["setosa", "versicolor", "virginica"]],
            Some(vec![""]),
        );
        assert_eq!(
            p(&t),
            "\n    setosa versicolor  virginica \n 0.3333333  0.3333333  0.3333333 \n"
        );
        let t = tbl(
            Data::Dbl(Rc::new(vec![29.0, 35.5, 0.0])),
            vec![3],
            vec![vec!["A", "B", "C"]],
            Some(vec![""]),
        );
        assert_eq!(p(&t), "\n   A    B    C \n29.0 35.5  0.0 \n");
    }

    #[test]
    fn na_labels_and_empty() {
        let mut t = tbl(
            Data::Int(Rc::new(vec![2, 1, 1])),
            vec![3],
            vec![vec!["1", "2", "x"]],
            Some(vec![""]),
        );
        let mut dn = Value::list(vec![Value::strs(vec![
            Some(Rc::from("1")),
            Some(Rc::from("2")),
            None,
        ])]);
        dn.set_attr(Sym::new("names"), Value::strings(&[""]));
        t.set_attr(Sym::new("dimnames"), dn);
        assert_eq!(p(&t), "\n   1    2 <NA> \n   2    1    1 \n");
        let e = tbl(Data::Int(Rc::new(vec![])), vec![0], vec![vec![]], None);
        assert_eq!(p(&e), "< table of extent 0 >\n");
    }

    #[test]
    fn two_d_tables() {
        let t = tbl(
            Data::Int(Rc::new(vec![3, 4, 12, 8, 3, 2])),
            vec![3, 2],
            vec![vec!["4", "6", "8"], vec!["0", "1"]],
            Some(vec!["cyl", "am"]),
        );
        assert_eq!(p(&t), "   am\ncyl  0  1\n  4  3  8\n  6  4  3\n  8 12  2\n");
        let t = tbl(
            Data::Dbl(Rc::new(vec![0.46875, 0.0, 0.125, 0.25, 0.0, 0.15625])),
            vec![2, 3],
            vec![vec!["0", "1"], vec!["3", "4", "5"]],
            Some(vec!["", ""]),
        );
        assert_eq!(p(&t), "   \n          3       4       5\n  0 0.46875 0.12500 0.00000\n  1 0.00000 0.25000 0.15625\n");
        let t = tbl(
            Data::Int(Rc::new(vec![9, 9, 9, 9, 9, 9])),
            vec![2, 3],
            vec![vec!["A", "B"], vec!["L", "M", "H"]],
            Some(vec!["wool", "tension"]),
        );
        assert_eq!(p(&t), "    tension\nwool L M H\n   A 9 9 9\n   B 9 9 9\n");
    }

    #[test]
    fn summary_default_printing() {
        let mut s = Value::dbls(vec![1.5, 2.25, 3.0, 23.0 / 6.0, 5.0, 7.0, 1.0]);
        s.set_attr(
            Sym::new("names"),
            Value::strings(&[
                "Min.", "1st Qu.", "Median", "Mean", "3rd Qu.", "Max.", "NA's",
            ]),
        );
        assert_eq!(
            format_summary_default(&s, &PrintOpts::default(), None),
            "   Min. 1st Qu.  Median    Mean 3rd Qu.    Max.    NA's \n  1.500   2.250   3.000   3.833   5.000   7.000       1 \n"
        );
        let mut l = Value::strings(&["logical", "1", "2"]);
        l.set_attr(
            Sym::new("names"),
            Value::strings(&["Mode", "FALSE", "TRUE"]),
        );
        assert_eq!(
            format_summary_default(&l, &PrintOpts::default(), None),
            "   Mode   FALSE    TRUE \nlogical       1       2 \n"
        );
        let mut e = Value::dbls(vec![na_real(); 6]);
        e.set_attr(
            Sym::new("names"),
            Value::strings(&["Min.", "1st Qu.", "Median", "Mean", "3rd Qu.", "Max."]),
        );
        assert_eq!(
            format_summary_default(&e, &PrintOpts::default(), None),
            "   Min. 1st Qu.  Median    Mean 3rd Qu.    Max. \n                                                \n"
        );
    }
}
