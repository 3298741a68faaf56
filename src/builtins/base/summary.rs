//! `summary()`: summary statistics, written to match R's `summary.default`,
//! `summary.factor` and `summary.data.frame` (`str()` lives in `str_display`).

use crate::builtins::{eager, Args, Builtin};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::print::num::{pad_right, str_width};
use crate::print::summary::{format_summary_values, quantile7, r_mean};
use crate::syntax::sym::Sym;
use crate::value::frame::df_names;
use crate::value::{Data, RStr, Value, NA_INT};
use std::rc::Rc;

/// The builtins of this family.
pub const BUILTINS: &[Builtin] = &[eager("summary", summary_fn)];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("summary", "summary(object, maxsum = 7L, digits, ...)",
            "Summarises an object according to its class: quartiles and mean for numbers, level counts for \
             factors, a per-column table for data frames, and coefficient tables for fitted models such as lm, \
             glm and aov."),
    ]
};

const SUMMARY_NAMES: [&str; 6] = ["Min.", "1st Qu.", "Median", "Mean", "3rd Qu.", "Max."];

fn caller_env(it: &Interp) -> crate::value::Env {
    it.frames
        .last()
        .map(|f| f.env.clone())
        .unwrap_or_else(|| it.global.clone())
}

fn summary_fn(it: &mut Interp, a: Args) -> EvalResult {
    let all = a.items.clone();
    let m = a.matched(&["object", "maxsum", "digits", "..."])?;
    let x = m.get("object").cloned().unwrap_or(Value::Null);
    if x.class_attr().is_some() && !x.is_data_frame() && !x.is_factor() {
        let env = caller_env(it);
        // methods get every argument (summary(fit, correlation = TRUE))
        let mut args = all;
        if let Some(first) = args.first_mut() {
            first.0 = None;
        }
        if let Some(r) = it.try_dispatch("summary", &x, args, &env) {
            return r;
        }
    }
    let maxsum = m.get("maxsum").and_then(|v| v.as_f64()).map(|v| v as usize);
    let digits = m.get("digits").and_then(|v| v.as_f64()).map(|v| v as usize);
    if let Some(r) = summary_of_extern(&x, maxsum.unwrap_or(7), digits.unwrap_or(4)) {
        return r;
    }
    if x.dim().map(|d| d.len() == 2).unwrap_or(false) && !x.is_data_frame() {
        let df = crate::builtins::base::frames::matrix_as_df(&x, false)?;
        return Ok(summary_data_frame(&df, maxsum.unwrap_or(7), digits.unwrap_or(4)));
    }
    if x.is_data_frame() {
        return Ok(summary_data_frame(
            &x,
            maxsum.unwrap_or(7),
            digits.unwrap_or(4),
        ));
    }
    let mut v = summary_value(&x, maxsum.unwrap_or(100));
    if let (Some(d), Some(Data::Dbl(q))) = (digits, v.data()) {
        // summary.default(digits = d) rounds the statistics (not the NA count)
        let stats = if v
            .names()
            .and_then(|n| n.last().cloned().flatten())
            .map(|n| &*n == "NA's")
            .unwrap_or(false)
        {
            q.len() - 1
        } else {
            q.len()
        };
        let q: Vec<f64> = q
            .iter()
            .enumerate()
            .map(|(i, &x)| {
                if i < stats {
                    crate::print::summary::signif(x, d)
                } else {
                    x
                }
            })
            .collect();
        let mut nv = Value::dbls(q);
        for a in ["names", "class"] {
            if let Some(x) = v.get_attr(a) {
                nv.set_attr(crate::syntax::sym::Sym::new(a), x.clone());
            }
        }
        v = nv;
    }
    Ok(v)
}

fn with_names(mut v: Value, names: &[String]) -> Value {
    v.set_attr(Sym::new("names"), Value::strings(names));
    v
}

fn summary_default_class(mut v: Value) -> Value {
    v.set_attr(
        Sym::new("class"),
        Value::strings(&["summaryDefault", "table"]),
    );
    v
}

/// `summary(x)` of one vector: a `summaryDefault` for numbers, logicals and other vectors,
/// counts per level for factors.
pub fn summary_value(x: &Value, maxsum: usize) -> Value {
    if x.is_factor() {
        let (names, counts) = factor_counts(x, maxsum);
        return with_names(Value::ints(counts), &names);
    }
    match x.data() {
        Some(Data::Lgl(l)) => {
            let f = l.iter().filter(|&&b| b == 0).count();
            let t = l
                .iter()
                .filter(|&&b| b != 0 && b != crate::value::NA_LGL)
                .count();
            let n = l.len() - f - t;
            let mut names = vec!["Mode".to_string()];
            let mut vals = vec!["logical".to_string()];
            for (nm, c) in [("FALSE", f), ("TRUE", t), ("NA's", n)] {
                if c > 0 {
                    names.push(nm.into());
                    vals.push(c.to_string());
                }
            }
            summary_default_class(with_names(Value::strings(&vals), &names))
        }
        Some(Data::Dbl(_)) | Some(Data::Int(_)) => {
            let all = x.data().map(|d| d.to_dbl()).unwrap_or_default();
            let mut v: Vec<f64> = all.iter().copied().filter(|y| !y.is_nan()).collect();
            let nas = all.len() - v.len();
            v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
            let mut q = vec![
                quantile7(&v, 0.0),
                quantile7(&v, 0.25),
                quantile7(&v, 0.5),
                if v.is_empty() { f64::NAN } else { r_mean(&v) },
                quantile7(&v, 0.75),
                quantile7(&v, 1.0),
            ];
            let mut names: Vec<String> = SUMMARY_NAMES.iter().map(|s| s.to_string()).collect();
            if nas > 0 {
                q.push(nas as f64);
                names.push("NA's".into());
            }
            summary_default_class(with_names(Value::dbls(q), &names))
        }
        Some(Data::List(items)) if !items.is_empty() => summary_list(x, items),
        _ => {
            let cls = crate::value::class::class_of(x)
                .first()
                .cloned()
                .unwrap_or_default();
            let mode = mode_of(x);
            let vals = vec![x.len().to_string(), cls, mode.to_string()];
            summary_default_class(with_names(
                Value::strings(&vals),
                &["Length".into(), "Class".into(), "Mode".into()],
            ))
        }
    }
}

/// A number column's `summaryDefault` from statistics computed elsewhere (a remote frame's
/// column): min, quartiles, mean and max, with the count of missing values when any.
pub fn summary_of_numbers(stats: [f64; 6], nas: usize) -> Value {
    let mut q = stats.to_vec();
    let mut names: Vec<String> = SUMMARY_NAMES.iter().map(|s| s.to_string()).collect();
    if nas > 0 {
        q.push(nas as f64);
        names.push("NA's".into());
    }
    summary_default_class(with_names(Value::dbls(q), &names))
}

/// A `summaryDefault` of labelled strings from counts computed elsewhere (a remote frame's
/// logical column: `Mode`, `FALSE`, `TRUE`, `NA's`; other columns: `Length`, `Class`, `Mode`).
pub fn summary_of_labels(names: &[String], vals: &[String]) -> Value {
    summary_default_class(with_names(Value::strings(vals), names))
}

/// `summary()` of a host table (a remote frame) from its columns' summaries.
fn summary_of_extern(x: &Value, maxsum: usize, digits: usize) -> Option<EvalResult> {
    let Value::Extern(e) = x else { return None };
    let cols = match e.0.column_summaries()? {
        Ok(c) => c,
        Err(e) => return Some(err(e)),
    };
    let names: Vec<String> = cols.iter().map(|c| c.0.clone()).collect();
    let mut df = Value::list(cols.into_iter().map(|c| c.1).collect());
    df.set_attr(Sym::new("names"), Value::strings(&names));
    Some(Ok(summary_data_frame(&df, maxsum, digits)))
}

/// R's `mode()` of a value.
fn mode_of(x: &Value) -> &'static str {
    match x {
        Value::Null => "NULL",
        Value::Closure(_) | Value::Builtin(_) => "function",
        Value::Env(_) => "environment",
        Value::Lang(_) => "call",
        Value::Vector(v) => match v.data {
            Data::Raw(_) => "raw",
            Data::Lgl(_) => "logical",
            Data::Int(_) | Data::Dbl(_) => "numeric",
            Data::Cplx(_) => "complex",
            Data::Str(_) => "character",
            Data::List(_) => "list",
        },
        _ => "NULL",
    }
}

/// `summary()` of a list: a character matrix of Length, Class and Mode per element.
fn summary_list(x: &Value, items: &[Value]) -> Value {
    let n = items.len();
    let lens: Vec<String> = items.iter().map(|i| i.len().to_string()).collect();
    let w = lens.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut cells: Vec<String> = lens.iter().map(|s| format!("{:>w$}", s, w = w)).collect();
    cells.extend(items.iter().map(|i| {
        i.class_attr()
            .and_then(|c| c.first().cloned())
            .unwrap_or_else(|| "-none-".into())
    }));
    cells.extend(items.iter().map(|i| mode_of(i).to_string()));
    let mut v = Value::strings(&cells);
    v.set_attr(Sym::new("dim"), Value::ints(vec![n as i32, 3]));
    let rows = x.get_attr("names").cloned().unwrap_or(Value::Null);
    v.set_attr(
        Sym::new("dimnames"),
        Value::list(vec![rows, Value::strings(&["Length", "Class", "Mode"])]),
    );
    summary_default_class(v)
}

/// `summary.factor`: counts per level (the most frequent `maxsum - 1` and `(Other)` when
/// there are more levels than `maxsum`), then `NA's`.
fn factor_counts(x: &Value, maxsum: usize) -> (Vec<String>, Vec<i32>) {
    let levels: Vec<String> = factor_labels_levels(x);
    let codes = x.data().map(|d| d.to_int()).unwrap_or_default();
    let mut counts = vec![0i32; levels.len()];
    let mut nas = 0;
    for &c in codes.iter() {
        if c == NA_INT || c < 1 || c as usize > levels.len() {
            nas += 1;
        } else {
            counts[c as usize - 1] += 1;
        }
    }
    let maxsum = if nas > 0 {
        maxsum.saturating_sub(1)
    } else {
        maxsum
    }
    .max(1);
    let mut names = levels;
    if names.len() > maxsum {
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by(|&a, &b| counts[b].cmp(&counts[a]));
        let keep = &order[..maxsum - 1];
        let other: i32 = order[maxsum - 1..].iter().map(|&i| counts[i]).sum();
        let mut n2: Vec<String> = keep.iter().map(|&i| names[i].clone()).collect();
        let mut c2: Vec<i32> = keep.iter().map(|&i| counts[i]).collect();
        n2.push("(Other)".into());
        c2.push(other);
        names = n2;
        counts = c2;
    }
    if nas > 0 {
        names.push("NA's".into());
        counts.push(nas);
    }
    (names, counts)
}

fn factor_labels_levels(x: &Value) -> Vec<String> {
    x.get_attr("levels")
        .map(|l| {
            l.str_vec()
                .iter()
                .map(|s| s.as_deref().unwrap_or("NA").to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Left-justifies strings to their common width (`format()` of a character vector).
fn format_left(v: &[String]) -> Vec<String> {
    let w = v.iter().map(|s| str_width(s)).max().unwrap_or(0);
    v.iter().map(|s| pad_right(s, w)).collect()
}

/// The cells of one column of `summary.data.frame` and the width of its first label.
fn summary_column(col: &Value, maxsum: usize, digits: usize) -> (Vec<String>, usize) {
    let time = col.attrs().is_some() && (col.inherits("Date") || col.inherits("POSIXct"));
    let (names, vals): (Vec<String>, Vec<String>) = if time {
        let text = crate::builtins::base::date_methods::time_stat_text(col, 12);
        let mut names: Vec<String> = SUMMARY_NAMES.iter().map(|s| s.to_string()).collect();
        if text.len() > 6 {
            names.push("NA's".into());
        }
        (names, format_left(&text))
    } else if col.is_factor() {
        let (names, counts) = factor_counts(col, maxsum);
        let w = counts
            .iter()
            .map(|c| c.to_string().len())
            .max()
            .unwrap_or(0);
        (
            names,
            counts.iter().map(|c| format!("{:>w$}", c, w = w)).collect(),
        )
    } else {
        // a column summarised elsewhere (a remote frame's) comes as its summaryDefault
        let s = if col.inherits("summaryDefault") {
            col.clone()
        } else {
            summary_value(col, maxsum)
        };
        let names: Vec<String> = s
            .names()
            .unwrap_or_default()
            .iter()
            .map(|n| n.as_deref().unwrap_or("").to_string())
            .collect();
        let vals = match s.data() {
            Some(Data::Dbl(q)) => {
                let has_na = names.last().map(|n| n == "NA's").unwrap_or(false);
                // summary.data.frame asks summary.default for digits = 12: signif(qq, 12)
                let stats = if has_na { q.len() - 1 } else { q.len() };
                let q: Vec<f64> = q
                    .iter()
                    .enumerate()
                    .map(|(i, &v)| {
                        if i < stats {
                            crate::print::summary::signif(v, 12)
                        } else {
                            v
                        }
                    })
                    .collect();
                format_summary_values(&q, has_na, digits)
                    .into_iter()
                    .map(|s| s.unwrap_or_else(|| "NA".into()))
                    .collect()
            }
            _ => format_left(&s.as_strings().unwrap_or_default()),
        };
        (names, vals)
    };
    let labs = format_left(&names);
    let lw = labs.first().map(|s| str_width(s)).unwrap_or(0);
    (
        labs.iter()
            .zip(vals)
            .map(|(l, v)| format!("{}:{}  ", l, v))
            .collect(),
        lw,
    )
}

/// `summary.data.frame`: a character table with one column of `label:value  ` cells per
/// variable and centred column headers.
pub fn summary_data_frame(x: &Value, maxsum: usize, digits: usize) -> Value {
    let cols = x.list_vec();
    let names = df_names(x);
    let parts: Vec<(Vec<String>, usize)> = cols
        .iter()
        .map(|c| summary_column(c, maxsum, digits))
        .collect();
    let nr = parts.iter().map(|p| p.0.len()).max().unwrap_or(0);
    let mut cells: Vec<RStr> = Vec::with_capacity(nr * parts.len());
    for (p, _) in &parts {
        for i in 0..nr {
            cells.push(p.get(i).map(|s| Rc::from(s.as_str())));
        }
    }
    let headers: Vec<String> = parts
        .iter()
        .zip(&names)
        .map(|((_, lw), nm)| {
            let pad = (*lw as f64 - str_width(nm) as f64 / 2.0).floor();
            format!(
                "{}{}",
                " ".repeat(if pad > 0.0 { pad as usize } else { 0 }),
                nm
            )
        })
        .collect();
    let mut v = Value::strs(cells);
    v.set_attr(
        Sym::new("dim"),
        Value::ints(vec![nr as i32, parts.len() as i32]),
    );
    let rows = vec![String::new(); nr];
    v.set_attr(
        Sym::new("dimnames"),
        Value::list(vec![Value::strings(&rows), Value::strings(&headers)]),
    );
    v.set_attr(Sym::new("class"), Value::str("table"));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtins::utils::str::str_text;
    use crate::print::PrintOpts;

    fn named(v: Value, names: &[&str]) -> Value {
        let n: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        with_names(v, &n)
    }

    fn factor(codes: Vec<i32>, levels: &[&str]) -> Value {
        let mut f = Value::ints(codes);
        f.set_attr(Sym::new("levels"), Value::strings(levels));
        f.set_attr(Sym::new("class"), Value::str("factor"));
        f
    }

    fn df(cols: Vec<(&str, Value)>) -> Value {
        let n = cols.first().map(|c| c.1.len()).unwrap_or(0);
        let names: Vec<String> = cols.iter().map(|c| c.0.to_string()).collect();
        crate::value::frame::make_df(
            cols.into_iter().map(|c| c.1).collect(),
            names,
            crate::value::frame::auto_row_names(n),
        )
    }

    fn print_summary(v: &Value) -> String {
        let o = PrintOpts::default();
        if v.inherits("summaryDefault") {
            crate::print::table::format_summary_default(v, &o, None)
        } else if v.inherits("table") {
            crate::print::table::format_table(v, &o)
        } else {
            crate::print::print_value(v, &o)
        }
    }

    #[test]
    fn str_vectors() {
        assert_eq!(
            str_text(&Value::ints((1..=5).collect())),
            " int [1:5] 1 2 3 4 5\n"
        );
        assert_eq!(str_text(&Value::dbls(vec![1.5, 2.0])), " num [1:2] 1.5 2\n");
        assert_eq!(str_text(&Value::str("a")), " chr \"a\"\n");
        assert_eq!(
            str_text(&Value::lgls(vec![1, 0, crate::value::NA_LGL])),
            " logi [1:3] TRUE FALSE NA\n"
        );
        assert_eq!(str_text(&Value::Null), " NULL\n");
        assert_eq!(
            str_text(&Value::ints((1..=100).collect())),
            " int [1:100] 1 2 3 4 5 6 7 8 9 10 ...\n"
        );
        let x: Vec<f64> = vec![
            1.5, 2.25, 3.125, 4.0625, 5.03125, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0,
        ];
        assert_eq!(
            str_text(&Value::dbls(x)),
            " num [1:11] 1.5 2.25 3.12 4.06 5.03 ...\n"
        );
        let letters: Vec<String> = ('a'..='z').map(|c| c.to_string()).collect();
        assert_eq!(
            str_text(&Value::strings(&letters)),
            " chr [1:26] \"a\" \"b\" \"c\" \"d\" \"e\" \"f\" \"g\" \"h\" \"i\" \"j\" \"k\" \"l\" \"m\" \"n\" \"o\" \"p\" ...\n"
        );
        assert_eq!(
            str_text(&named(Value::dbls(vec![1.0, 2.0]), &["a", "b"])),
            " Named num [1:2] 1 2\n - attr(*, \"names\")= chr [1:2] \"a\" \"b\"\n"
        );
    }

    #[test]
    fn str_factors_and_lists() {
        let f = factor(vec![1, 1, 2, 3], &["setosa", "versicolor", "virginica"]);
        assert_eq!(
            str_text(&f),
            " Factor w/ 3 levels \"setosa\",\"versicolor\",..: 1 1 2 3\n"
        );
        let f = factor(vec![1, crate::value::NA_INT, 2], &["a", "b"]);
        assert_eq!(str_text(&f), " Factor w/ 2 levels \"a\",\"b\": 1 NA 2\n");
        let l = Value::named_list(vec![
            ("b".into(), Value::str("two")),
            ("c".into(), Value::dbls(vec![3.0, 4.0])),
            ("d".into(), Value::lgl(true)),
        ]);
        assert_eq!(
            str_text(&l),
            "List of 3\n $ b: chr \"two\"\n $ c: num [1:2] 3 4\n $ d: logi TRUE\n"
        );
        let nested = Value::named_list(vec![(
            "x".into(),
            Value::named_list(vec![(
                "y".into(),
                Value::named_list(vec![("z".into(), Value::num(42.0))]),
            )]),
        )]);
        assert_eq!(
            str_text(&nested),
            "List of 1\n $ x:List of 1\n  ..$ y:List of 1\n  .. ..$ z: num 42\n"
        );
        assert_eq!(str_text(&Value::list(vec![])), " list()\n");
    }

    #[test]
    fn str_data_frames() {
        let d = df(vec![
            ("id", Value::ints(vec![1, 2, 3, 4])),
            ("name", Value::strings(&["a", "b", "c", "d"])),
            (
                "val",
                Value::dbls(vec![1.5, crate::value::na_real(), 3.0, 4.0]),
            ),
            ("flag", Value::lgls(vec![1, 0, 1, crate::value::NA_LGL])),
        ]);
        assert_eq!(
            str_text(&d),
            "'data.frame':\t4 obs. of  4 variables:\n $ id  : int  1 2 3 4\n $ name: chr  \"a\" \"b\" \"c\" \"d\"\n $ val : num  1.5 NA 3 4\n $ flag: logi  TRUE FALSE TRUE NA\n"
        );
    }

    #[test]
    fn summaries() {
        let s = summary_value(&Value::dbls(vec![1.0, 2.0, 3.0, 4.0, 100.0]), 100);
        assert_eq!(print_summary(&s), "   Min. 1st Qu.  Median    Mean 3rd Qu.    Max. \n      1       2       3      22       4     100 \n");
        let s = summary_value(&Value::ints((1..=10).collect()), 100);
        assert_eq!(print_summary(&s), "   Min. 1st Qu.  Median    Mean 3rd Qu.    Max. \n   1.00    3.25    5.50    5.50    7.75   10.00 \n");
        let s = summary_value(&Value::lgls(vec![1, 0, 1]), 100);
        assert_eq!(
            print_summary(&s),
            "   Mode   FALSE    TRUE \nlogical       1       2 \n"
        );
        let s = summary_value(&Value::strings(&["a", "b"]), 100);
        assert_eq!(
            print_summary(&s),
            "   Length     Class      Mode \n        2 character character \n"
        );
        let s = summary_value(&factor(vec![1, 2, 2], &["p", "q"]), 100);
        assert_eq!(print_summary(&s), "p q \n1 2 \n");
        let s = summary_value(&Value::list(vec![Value::num(1.0), Value::num(2.0)]), 100);
        assert_eq!(
            print_summary(&s),
            "     Length Class  Mode   \n[1,] 1      -none- numeric\n[2,] 1      -none- numeric\n"
        );
    }

    #[test]
    fn summary_of_data_frame() {
        let d = df(vec![
            ("id", Value::ints(vec![1, 2, 3, 4])),
            ("name", Value::strings(&["a", "b", "c", "d"])),
            (
                "val",
                Value::dbls(vec![1.5, crate::value::na_real(), 3.0, 4.0]),
            ),
            ("flag", Value::lgls(vec![1, 0, 1, crate::value::NA_LGL])),
        ]);
        let expected = "       id           name                val           flag        \n Min.   :1.00   Length:4           Min.   :1.500   Mode :logical  \n 1st Qu.:1.75   Class :character   1st Qu.:2.250   FALSE:1        \n Median :2.50   Mode  :character   Median :3.000   TRUE :2        \n Mean   :2.50                      Mean   :2.833   NA's :1        \n 3rd Qu.:3.25                      3rd Qu.:3.500                  \n Max.   :4.00                      Max.   :4.000                  \n                                   NA's   :1                      \n";
        assert_eq!(print_summary(&summary_data_frame(&d, 7, 4)), expected);
        let f = df(vec![(
            "Species",
            factor(vec![1, 2, 3, 1], &["setosa", "versicolor", "virginica"]),
        )]);
        assert_eq!(
            print_summary(&summary_data_frame(&f, 7, 4)),
            "       Species \n setosa    :2  \n versicolor:1  \n virginica :1  \n"
        );
    }
}
