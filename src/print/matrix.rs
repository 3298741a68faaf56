//! Printing matrices and higher-dimensional arrays.

use super::vector::{encode_elems, index_width, left_justified};
use super::PrintOpts;
use crate::value::num_format::{pad_left, pad_right, str_width};
use crate::value::str_format::encode_str;
use crate::value::{Data, RStr, Value};

/// Dimnames pieces of one matrix: row labels, column labels and their titles.
#[derive(Default, Clone)]
pub struct Labels {
    pub rows: Option<Vec<RStr>>,
    pub cols: Option<Vec<RStr>>,
    pub row_title: Option<String>,
    pub col_title: Option<String>,
}

/// Reads `dimnames` (and its names) for dimension `k`.
fn dimnames_at(v: &Value, k: usize) -> (Option<Vec<RStr>>, Option<String>) {
    let Some(dn) = v.get_attr("dimnames") else {
        return (None, None);
    };
    let lst = dn.list_vec();
    let labels = lst
        .get(k)
        .filter(|x| !x.is_null())
        .map(|x| x.str_vec().to_vec());
    let title = dn.names().map(|n| {
        n.get(k)
            .cloned()
            .flatten()
            .map(|s| s.to_string())
            .unwrap_or_default()
    });
    (labels, title)
}

/// Prints a value with a `dim` attribute of length 2 or more.
pub fn print_array(out: &mut String, v: &Value, dims: &[usize], opts: &PrintOpts, quote: bool) {
    let Some(d) = v.data() else { return };
    let (rows, row_title) = dimnames_at(v, 0);
    let (cols, col_title) = dimnames_at(v, 1);
    let lab = Labels {
        rows,
        cols,
        row_title,
        col_title,
    };
    if dims.len() == 2 {
        let (nr, nc) = (dims[0], dims[1]);
        if nr * nc > opts.max_print && nc > 0 {
            // R shows the rows that fit in getOption("max.print") entries
            let keep = opts.max_print / nc;
            let idx: Vec<Option<usize>> = (0..nc)
                .flat_map(|j| (0..keep).map(move |i| Some(j * nr + i)))
                .collect();
            let head = d.select(&idx);
            let lab = Labels {
                rows: lab.rows.map(|r| r.into_iter().take(keep).collect()),
                ..lab
            };
            print_matrix(out, &head, 0, keep, nc, &lab, opts, quote);
            out.push_str(&format!(
                " [ reached getOption(\"max.print\") -- omitted {} rows ]\n",
                nr - keep
            ));
            return;
        }
        print_matrix(out, d, 0, nr, nc, &lab, opts, quote);
        return;
    }
    if dims.len() < 2 {
        // a malformed dim (none, or one dimension): print the elements as one column
        print_matrix(out, d, 0, d.len(), 1, &lab, opts, quote);
        return;
    }
    let (nr, nc) = (dims[0], dims[1]);
    let nb: usize = dims[2..].iter().product();
    if nb == 0 || nr == 0 || nc == 0 {
        let dims_s: Vec<String> = dims.iter().map(|x| x.to_string()).collect();
        out.push_str(&format!(
            "<{} array of {}>\n",
            dims_s.join(" x "),
            d.vtype().type_name()
        ));
        return;
    }
    let higher: Vec<(Option<Vec<RStr>>, Option<String>)> =
        (2..dims.len()).map(|k| dimnames_at(v, k)).collect();
    for b in 0..nb {
        let mut rem = b;
        let mut parts = Vec::new();
        for (k, &dk) in dims[2..].iter().enumerate() {
            let idx = rem % dk;
            rem /= dk;
            let (labs, title) = &higher[k];
            let s = match labs {
                Some(l) => {
                    let name = l
                        .get(idx)
                        .cloned()
                        .flatten()
                        .map(|s| s.to_string())
                        .unwrap_or_else(|| "NA".into());
                    match title {
                        Some(t) => format!("{} = {}", t, name),
                        None => name,
                    }
                }
                None => (idx + 1).to_string(),
            };
            parts.push(s);
        }
        out.push_str(&format!(", , {}\n\n", parts.join(", ")));
        print_matrix(out, d, b * nr * nc, nr, nc, &lab, opts, quote);
        out.push('\n');
    }
}

/// Prints an `nr` x `nc` matrix stored column-major in `d` starting at `off`.
/// Doubles are formatted column by column, as R does.
#[allow(clippy::too_many_arguments)]
pub fn print_matrix(
    out: &mut String,
    d: &Data,
    off: usize,
    nr: usize,
    nc: usize,
    lab: &Labels,
    opts: &PrintOpts,
    quote: bool,
) {
    let left = left_justified(d, opts) || (matches!(d, Data::List(_)) && !opts.right);
    // Row labels.
    let row_labels: Vec<String> = match &lab.rows {
        Some(r) => (0..nr)
            .map(|i| encode_str(r.get(i).and_then(|s| s.as_deref()), false))
            .collect(),
        None => (0..nr).map(|i| format!("[{},]", i + 1)).collect(),
    };
    let mut rlabw = match &lab.rows {
        Some(_) => row_labels.iter().map(|s| str_width(s)).max().unwrap_or(0),
        None => index_width(nr + 1) + 3, // R sizes the labels for one row more
    };
    let mut lbloff = 0;
    if let Some(rt) = &lab.row_title {
        let rnw = str_width(rt);
        lbloff = if rnw < rlabw + 2 { 2 } else { rnw - rlabw };
        rlabw += lbloff;
    }
    // Columns: encoded cells and widths (including the one-space gap).
    let mut cells: Vec<Vec<String>> = Vec::with_capacity(nc);
    let mut col_labels: Vec<String> = Vec::with_capacity(nc);
    let mut widths: Vec<usize> = Vec::with_capacity(nc);
    for j in 0..nc {
        let idx: Vec<Option<usize>> = (0..nr).map(|i| Some(off + j * nr + i)).collect();
        let col = d.select(&idx);
        let (v, w) = encode_elems(&col, opts, quote);
        let cl = match &lab.cols {
            Some(c) => encode_str(c.get(j).and_then(|s| s.as_deref()), false),
            None => format!("[,{}]", j + 1),
        };
        widths.push(w.max(str_width(&cl)));
        col_labels.push(cl);
        cells.push(v);
    }
    let row_label = |i: usize| -> String {
        match &lab.rows {
            Some(_) => format!(
                "{}{}",
                " ".repeat(lbloff),
                pad_right(&row_labels[i], rlabw - lbloff)
            ),
            None => pad_left(&row_labels[i], rlabw),
        }
    };
    let header_start = match &lab.row_title {
        Some(rt) => pad_right(rt, rlabw),
        None => " ".repeat(rlabw),
    };
    if nc == 0 {
        if let Some(ct) = &lab.col_title {
            out.push_str(&format!("{}{}\n", " ".repeat(rlabw), ct));
        }
        out.push_str(&header_start);
        out.push('\n');
        for i in 0..nr {
            out.push_str(&row_label(i));
            out.push('\n');
        }
        return;
    }
    let mut jmin = 0;
    while jmin < nc {
        let gap = opts.gap.max(1);
        let mut width = rlabw + widths[jmin] + gap;
        let mut jmax = jmin + 1;
        while jmax < nc && width + widths[jmax] + gap < opts.width {
            width += widths[jmax] + gap;
            jmax += 1;
        }
        if let Some(ct) = &lab.col_title {
            out.push_str(&format!("{}{}\n", " ".repeat(rlabw), ct));
        }
        out.push_str(&header_start);
        for j in jmin..jmax {
            out.push_str(&" ".repeat(gap));
            let l = &col_labels[j];
            out.push_str(&if left {
                pad_right(l, widths[j])
            } else {
                pad_left(l, widths[j])
            });
        }
        out.push('\n');
        for i in 0..nr {
            out.push_str(&row_label(i));
            for (col, &w) in cells[jmin..jmax].iter().zip(&widths[jmin..jmax]) {
                out.push_str(&" ".repeat(gap));
                let s = &col[i];
                out.push_str(&if left {
                    pad_right(s, w)
                } else {
                    pad_left(s, w)
                });
            }
            out.push('\n');
        }
        jmin = jmax;
    }
}
