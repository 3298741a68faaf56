//! Printing atomic vectors: `[k]`-prefixed lines, named columns, empty vectors.

use super::PrintOpts;
use crate::value::num_format::{
    encode_real_trim, int_str, lgl_str, pad_left, pad_right, real_format_na, str_width,
};
use crate::value::str_format::encode_str;
use crate::value::{Data, RStr};

/// Elements of an atomic payload encoded for printing (unpadded), with their common width.
/// Strings are quoted when `quote`; NA is `NA` (or `<NA>` for unquoted strings).
pub fn encode_elems(d: &Data, opts: &PrintOpts, quote: bool) -> (Vec<String>, usize) {
    let v: Vec<String> = match d {
        Data::Raw(x) => x.iter().map(|&b| format!("{b:02x}")).collect(),
        Data::Lgl(x) => x.iter().map(|&b| lgl_str(b, "NA")).collect(),
        Data::Int(x) => x.iter().map(|&i| int_str(i, "NA")).collect(),
        Data::Dbl(x) => {
            let f = real_format_na(x, opts.digits, 0, opts.scipen, 2);
            let v: Vec<String> = x.iter().map(|&y| encode_real_trim(y, &f, "NA")).collect();
            let w = v.iter().map(|s| s.len()).max().unwrap_or(0).max(f.width);
            return (v, w);
        }
        Data::Cplx(x) => {
            let f = crate::value::complex::cplx_format(x, opts.digits, 0, opts.scipen);
            let v: Vec<String> = x
                .iter()
                .map(|&z| crate::value::complex::encode_cplx(z, &f, opts.digits, "NA"))
                .collect();
            let w = v.iter().map(|s| s.len()).max().unwrap_or(0).max(f.width());
            return (v, w);
        }
        Data::Str(x) => x.iter().map(|s| encode_str(s.as_deref(), quote)).collect(),
        Data::List(x) => x.iter().map(list_elem_summary).collect(),
    };
    let w = v.iter().map(|s| str_width(s)).max().unwrap_or(0);
    (v, w)
}

/// How a list element is summarised inside a list matrix (`1`, `"a"`, `numeric,3`, `NULL`).
pub fn list_elem_summary(v: &crate::value::Value) -> String {
    use crate::value::Value;
    match v {
        Value::Null => "NULL".into(),
        Value::Vector(vec) => {
            let n = vec.data.len();
            if n == 1 && !matches!(vec.data, Data::List(_)) {
                let (e, _) = encode_elems(&vec.data, &PrintOpts::default(), true);
                e.into_iter().next().unwrap_or_default()
            } else {
                let t = if v.is_factor() {
                    "factor"
                } else {
                    vec.data.vtype().class_name()
                };
                let t = if t == "list" { "list" } else { t };
                format!("{},{}", t, n)
            }
        }
        Value::Closure(_) | Value::Builtin(_) => "?".into(),
        _ => "?".into(),
    }
}

/// Whether elements of this payload are left-justified (strings, unless `right`).
pub fn left_justified(d: &Data, opts: &PrintOpts) -> bool {
    matches!(d, Data::Str(_)) && !opts.right
}

/// Number of decimal digits of `n` (at least 1).
pub fn index_width(n: usize) -> usize {
    n.max(1).to_string().len()
}

/// Name of an empty vector type as R prints it (`numeric(0)`).
pub fn empty_name(d: &Data) -> &'static str {
    match d {
        Data::Raw(_) => "raw(0)",
        Data::Lgl(_) => "logical(0)",
        Data::Int(_) => "integer(0)",
        Data::Dbl(_) => "numeric(0)",
        Data::Cplx(_) => "complex(0)",
        Data::Str(_) => "character(0)",
        Data::List(_) => "list()",
    }
}

/// Prints an atomic vector without names: lines prefixed by `[k]`, wrapped to `opts.width`.
pub fn print_plain(out: &mut String, d: &Data, opts: &PrintOpts, quote: bool) {
    let n = d.len();
    if n == 0 {
        out.push_str(empty_name(d));
        out.push('\n');
        return;
    }
    let (v, w) = encode_elems(d, opts, quote);
    let left = left_justified(d, opts);
    let labw = index_width(n) + 2;
    let mut width = labw;
    let gap = opts.gap.max(1);
    out.push_str(&pad_left("[1]", labw));
    for (i, s) in v.iter().enumerate() {
        if i > 0 && width + w + gap > opts.width {
            out.push('\n');
            out.push_str(&pad_left(&format!("[{}]", i + 1), labw));
            width = labw;
        }
        out.push_str(&" ".repeat(gap));
        out.push_str(&if left {
            pad_right(s, w)
        } else {
            pad_left(s, w)
        });
        width += w + gap;
    }
    out.push('\n');
}

/// Prints a named atomic vector: names above right-aligned values, as many columns per
/// line as fit in `opts.width`.
pub fn print_named(out: &mut String, d: &Data, names: &[RStr], opts: &PrintOpts, quote: bool) {
    let n = d.len();
    if n == 0 {
        out.push_str("named ");
        out.push_str(empty_name(d));
        out.push('\n');
        return;
    }
    let (v, w) = encode_elems(d, opts, quote);
    let nm: Vec<String> = (0..n)
        .map(|i| encode_str(names.get(i).and_then(|s| s.as_deref()), false))
        .collect();
    let w = w.max(nm.iter().map(|s| str_width(s)).max().unwrap_or(0));
    let gap = " ".repeat(opts.gap.max(1));
    let per = (opts.width / (w + gap.len())).max(1);
    let mut i = 0;
    while i < n {
        let end = (i + per).min(n);
        for s in &nm[i..end] {
            out.push_str(&pad_left(s, w));
            out.push_str(&gap);
        }
        out.push('\n');
        // R writes complex values without the trailing gap
        let cells: Vec<String> = v[i..end].iter().map(|s| pad_left(s, w)).collect();
        out.push_str(&cells.join(&gap));
        if !matches!(d, Data::Cplx(_)) {
            out.push_str(&gap);
        }
        out.push('\n');
        i = end;
    }
}
