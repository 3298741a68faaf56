//! Files: read.csv / read.table / read.delim, write.csv / write.table, readLines, file helpers.

use crate::builtins::base::frames::make_name;

use crate::builtins::{declared, eager, Args, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::frame::csv::{convert_column, parse_records, Field};
use crate::syntax::sym::Sym;
use crate::value::frame::{
    auto_row_names, df_compact_rows, df_names, df_nrow, df_row_names, make_df, make_unique,
};
use crate::value::{Data, RStr, VType, Value};
use crate::builtins::base::text_encoding::TextEncoding;
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    eager("read.csv", read_csv),
    eager("read.table", read_table),
    eager("read.delim", read_delim),
    eager("write.csv", write_csv),
    eager("write.table", write_table),
    declared("readLines", read_lines),
    eager("file.exists", file_exists),
    eager("file.remove", file_remove),
    eager("unlink", unlink),
    declared("tempfile", tempfile),
    eager("tempdir", tempdir),
    eager("basename", basename),
    eager("dirname", dirname),
    eager("file.path", file_path),
    eager("getwd", getwd),
    eager("setwd", setwd),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("read.csv",
            "read.csv(file, header = TRUE, sep = \",\", quote = \"\\\"\", dec = \".\", fill = TRUE, comment.char \
             = \"\", na.strings = \"NA\", stringsAsFactors = FALSE, colClasses = NA, nrows = -1, skip = 0, ...)",
            "Reads a comma-separated file into a data frame, taking column names from the first line. Column \
             types are guessed (logical, integer, double, otherwise character) unless colClasses says; na.strings \
             lists the spellings of missing values."),
        doc("read.table",
            "read.table(file, header = FALSE, sep = \"\", quote = \"\\\"'\", dec = \".\", na.strings = \"NA\", \
             colClasses = NA, nrows = -1, skip = 0, check.names = TRUE, row.names, col.names, stringsAsFactors = \
             FALSE, ...)",
            "Reads a text file of delimited fields into a data frame. The default sep = \"\" splits on runs of \
             white space; header = TRUE takes column names from the first line. Column types are guessed unless \
             colClasses says."),
        doc("read.delim",
            "read.delim(file, header = TRUE, sep = \"\\t\", quote = \"\\\"\", dec = \".\", fill = TRUE, \
             comment.char = \"\", ...)",
            "Reads a tab-separated file with a header line into a data frame; the same as read.table with \
             tab-separated defaults."),
        doc("write.csv", "write.csv(x, file = \"\", row.names = TRUE, ...)",
            "Writes a data frame (or something convertible to one) as comma-separated text with a header line, \
             quoting strings; to the console when file is \"\". Row names form the first column unless row.names \
             = FALSE."),
        doc("write.table",
            "write.table(x, file = \"\", append = FALSE, quote = TRUE, sep = \" \", eol = \"\n\", na = \"NA\", \
             dec = \".\", row.names = TRUE, col.names = TRUE, fileEncoding = \"\", ...)",
            "Writes a data frame or matrix as delimited text, one line per row, to a file or (with file = \"\") \
             the console. sep separates fields, quote = TRUE quotes strings and factors, and na is written for \
             missing values."),
        doc("readLines", "readLines(con, n = -1L, ok = TRUE, warn = TRUE, encoding = \"unknown\", skipNul = FALSE)",
            "Reads the lines of the file named con and returns them as a character vector, at most n of them when \
             n is not negative."),
        doc("file.exists", "file.exists(...)", "TRUE for each path given that names an existing file or directory."),
        doc("file.remove", "file.remove(...)", "Deletes the named files; returns TRUE for each that was removed."),
        doc("unlink", "unlink(x, recursive = FALSE, force = FALSE, expand = TRUE)",
            "Deletes the named files (and directories, with recursive = TRUE). Returns 0 on success, invisibly."),
        doc("tempfile", "tempfile(pattern = \"file\", tmpdir = tempdir(), fileext = \"\")",
            "Returns a path for a new temporary file: pattern followed by random characters and fileext, inside \
             tmpdir. The file itself is not created."),
        doc("tempdir", "tempdir(check = FALSE)", "Returns the directory used for temporary files."),
        doc("basename", "basename(path)", "The last component of each path, with any trailing separator removed."),
        doc("dirname", "dirname(path)", "Each path without its last component; \".\" for a bare file name."),
        doc("file.path", "file.path(..., fsep = \"/\")",
            "Joins its arguments into paths with \"/\" between them, elementwise."),
        doc("getwd", "getwd()", "Returns the current working directory as a string."),
        doc("setwd", "setwd(dir)", "Changes the working directory to dir and returns the previous one invisibly."),
    ]
};

/// Options shared by the read.* family.
struct ReadOpts {
    header: bool,
    sep: Option<char>,
    quote: String,
    na: Vec<String>,
    saf: bool,
    skip: usize,
    nrows: Option<usize>,
    check_names: bool,
    col_classes: Option<Vec<String>>,
    /// The names of `colClasses` when it has them: classes are then matched by column name.
    col_class_names: Option<Vec<String>>,
}

/// The capability check for reading the file at `path`.
pub fn check_read(it: &Interp, path: &str) -> EvalResult<()> {
    it.require(crate::eval::Cap::FilesRead, path)
}

/// The text of a file for the readers: decoded from `enc` (UTF-8 by default, a byte-order
/// mark dropped), every line end made LF.
fn read_file(it: &mut Interp, path: &str, enc: Option<TextEncoding>) -> EvalResult<String> {
    let text = crate::builtins::base::connections::file_text(it, path, enc)?;
    Ok(crate::builtins::base::text_encoding::normalize_line_ends(text))
}

/// Whether the start of a file needs the exact reader: a byte-order mark, or lone CR line ends.
fn needs_exact_reader(path: &str) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8192];
    let n = match std::fs::File::open(path) {
        Ok(mut f) => f.read(&mut head).unwrap_or(0),
        Err(_) => return false,
    };
    let head = &head[..n];
    head.starts_with(b"\xEF\xBB\xBF")
        || head.starts_with(b"\xFF\xFE")
        || head.starts_with(b"\xFE\xFF")
        || head
            .iter()
            .enumerate()
            .any(|(i, &b)| b == b'\r' && i + 1 < n && head[i + 1] != b'\n')
}

/// Defaults of one read.* function: header, sep, quote, and whether the polars fast path may
/// be tried (read.table's comment and white-space rules keep it on the exact reader).
type ReadDefaults = (bool, Option<char>, &'static str, bool);

fn read_generic(it: &mut Interp, a: Args, defaults: ReadDefaults) -> EvalResult {
    let m = a.matched(&[
        "file",
        "header",
        "sep",
        "quote",
        "dec",
        "fill",
        "comment.char",
        "na.strings",
        "stringsAsFactors",
        "colClasses",
        "nrows",
        "skip",
        "check.names",
        "row.names",
        "col.names",
        "strip.white",
        "blank.lines.skip",
        "encoding",
        "fileEncoding",
        "text",
        "...",
    ])?;
    // text = and connections are read whole, then parsed by the exact reader
    let given = match (m.get("text"), m.get("file")) {
        (Some(t), None) => Some((
            "text".to_string(),
            t.str_vec().iter().map(|s| s.as_deref().unwrap_or("NA")).collect::<Vec<_>>().join("\n"),
        )),
        (_, Some(f)) if crate::builtins::base::connections::conn_id(f).is_some() => {
            let f = f.clone();
            Some(("connection".to_string(), crate::builtins::base::connections::read_all(it, &f)?))
        }
        _ => None,
    };
    let path = match &given {
        Some((label, _)) => label.clone(),
        None => m.req("file")?.as_string().unwrap_or_default(),
    };
    let sep = match m.get("sep").and_then(|v| v.as_string()) {
        Some(s) if s.is_empty() => None,
        Some(s) => s.chars().next(),
        None => defaults.1,
    };
    let opts = ReadOpts {
        header: m
            .get("header")
            .and_then(|v| v.as_bool().flatten())
            .unwrap_or(defaults.0),
        sep,
        quote: m
            .get("quote")
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| defaults.2.to_string()),
        na: m
            .get("na.strings")
            .and_then(|v| v.as_strings())
            .unwrap_or_else(|| vec!["NA".into()]),
        saf: m
            .get("stringsAsFactors")
            .and_then(|v| v.as_bool().flatten())
            .unwrap_or(false),
        skip: m
            .get("skip")
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
            .max(0.0) as usize,
        nrows: m
            .get("nrows")
            .and_then(|v| v.as_f64())
            .filter(|n| *n >= 0.0)
            .map(|n| n as usize),
        check_names: m
            .get("check.names")
            .and_then(|v| v.as_bool().flatten())
            .unwrap_or(true),
        col_classes: m.get("colClasses").and_then(|v| v.as_strings()),
        col_class_names: m
            .get("colClasses")
            .and_then(|v| v.names())
            .map(|n| n.iter().map(|s| s.as_deref().unwrap_or("").to_string()).collect()),
    };
    // dec, fill, comment.char, colClasses, skip, row.names, col.names, strip.white,
    // blank.lines.skip, encoding and fileEncoding are only understood by the exact reader.
    const EXACT_ONLY: [&str; 11] = [
        "dec",
        "fill",
        "comment.char",
        "colClasses",
        "skip",
        "row.names",
        "col.names",
        "strip.white",
        "blank.lines.skip",
        "encoding",
        "fileEncoding",
    ];
    let enc = match crate::builtins::base::connections::encoding_arg(&m, "fileEncoding")? {
        Some(e) => Some(e),
        None => crate::builtins::base::connections::encoding_arg(&m, "encoding")?,
    };
    let fast_ok = defaults.3 && given.is_none() && EXACT_ONLY.iter().all(|&f| m.get(f).is_none());
    if fast_ok && !needs_exact_reader(&path) {
        check_read(it, &path)?;
        if let Some(v) = read_fast(&path, &opts) {
            return Ok(v);
        }
    }
    let text = match given {
        Some((_, t)) => t,
        None => read_file(it, &path, enc)?,
    };
    let text: String = text.lines().skip(opts.skip).collect::<Vec<_>>().join("\n");
    let recs = parse_records(&text, opts.sep, &opts.quote).map_err(|e| {
        crate::error::Flow::from(crate::error::RError::runtime(format!(
            "in '{}': {}",
            path, e.message
        )))
    })?;
    build_frame(&path, recs, &opts)
}

fn build_frame(path: &str, recs: Vec<Vec<Field>>, o: &ReadOpts) -> EvalResult {
    if recs.is_empty() {
        let _ = path;
        return err("no lines available in input");
    }
    let (header, body): (Option<&Vec<Field>>, &[Vec<Field>]) = if o.header {
        (Some(&recs[0]), &recs[1..])
    } else {
        (None, &recs[..])
    };
    let body = match o.nrows {
        Some(n) => &body[..n.min(body.len())],
        None => body,
    };
    let width = body
        .iter()
        .map(|r| r.len())
        .max()
        .unwrap_or(0)
        .max(header.map(|h| h.len()).unwrap_or(0));
    // A header one field short means the first column holds row names.
    let row_names_col = header
        .map(|h| h.len() + 1 == width && width > 0)
        .unwrap_or(false);
    let ncols = width;
    for (i, r) in body.iter().enumerate() {
        if let Some(h) = header {
            if r.len() > h.len() + row_names_col as usize {
                return err(format!(
                    "in '{}': more columns than column names (line {})",
                    path,
                    i + 2
                ));
            }
        }
    }
    let mut names: Vec<String> = match header {
        Some(h) => {
            let mut n: Vec<String> = h.iter().map(|f| f.text.clone()).collect();
            if row_names_col {
                n.insert(0, String::new());
            }
            n
        }
        None => (1..=ncols).map(|i| format!("V{}", i)).collect(),
    };
    names.resize(ncols, String::new());
    let mut cols = Vec::new();
    for j in 0..ncols {
        let fields: Vec<Option<&Field>> = body.iter().map(|r| r.get(j)).collect();
        let class = match (&o.col_classes, &o.col_class_names) {
            (Some(c), Some(n)) => n
                .iter()
                .position(|k| *k == names[j])
                .and_then(|i| c.get(i).cloned()),
            (Some(c), None) => c.get(if c.len() == 1 { 0 } else { j }).cloned(),
            _ => None,
        };
        let mut v = convert_column(&fields, &o.na);
        if let Some(cls) = class.as_deref() {
            v = match cls {
                "character" => Value::strs(
                    fields
                        .iter()
                        .map(|f| {
                            f.filter(|f| !o.na.contains(&f.text))
                                .map(|f| Rc::from(f.text.as_str()))
                        })
                        .collect(),
                ),
                "numeric" | "double" => v.coerce(VType::Dbl),
                "integer" => v.coerce(VType::Int),
                "logical" => v.coerce(VType::Lgl),
                "factor" => crate::value::factor::string_factor(&v),
                "Date" | "POSIXct" => {
                    let text = Value::strs(
                        fields
                            .iter()
                            .map(|f| {
                                f.filter(|f| !o.na.contains(&f.text))
                                    .map(|f| Rc::from(f.text.as_str()))
                            })
                            .collect(),
                    );
                    crate::builtins::base::dates::convert_column(&text, cls)?
                }
                _ => v,
            };
        }
        if o.saf && matches!(v.vtype(), Some(VType::Str)) && !v.is_factor() {
            v = crate::value::factor::string_factor(&v);
        }
        cols.push(v);
    }
    let mut row_names = auto_row_names(body.len());
    if row_names_col && !cols.is_empty() {
        let rn = cols.remove(0);
        names.remove(0);
        row_names = rn.coerce(VType::Str);
    }
    Ok(finish_frame(cols, names, row_names, o))
}

/// Checks names and makes the frame (shared by both readers).
fn finish_frame(cols: Vec<Value>, mut names: Vec<String>, row_names: Value, o: &ReadOpts) -> Value {
    if o.check_names {
        for n in names.iter_mut() {
            *n = make_name(n);
        }
        make_unique(&mut names);
    }
    make_df(cols, names, row_names)
}

/// The multithreaded polars path for plain delimited files. `None` when the file needs the
/// exact reader: row names in the first column, fewer than two lines, or anything polars
/// rejects (the exact reader then gives R's error message).
fn read_fast(path: &str, o: &ReadOpts) -> Option<Value> {
    let sep = o.sep.filter(|c| c.is_ascii())? as u8;
    let quote = match o.quote.as_str() {
        "\"" => Some(b'"'),
        "" => None,
        _ => return None,
    };
    let head = read_prefix(path, 1 << 16)?;
    let recs = parse_records(&head, o.sep, &o.quote).ok()?;
    if recs.len() < 2 || (o.header && recs[0].len() != recs[1].len()) {
        return None;
    }
    let spec = crate::frame::polars_io::CsvSpec {
        header: o.header,
        sep,
        quote,
        na: &o.na,
        nrows: o.nrows,
    };
    let (_, mut cols) = crate::frame::polars_io::read_csv(path, &spec).ok()?;
    let names: Vec<String> = if o.header {
        recs[0].iter().map(|f| f.text.clone()).collect()
    } else {
        (1..=cols.len()).map(|i| format!("V{}", i)).collect()
    };
    if names.len() != cols.len() {
        return None;
    }
    if o.saf {
        for c in cols.iter_mut() {
            if matches!(c.vtype(), Some(VType::Str)) {
                *c = crate::value::factor::string_factor(c);
            }
        }
    }
    let n = cols.first().map(|c| c.len()).unwrap_or(0);
    Some(finish_frame(cols, names, auto_row_names(n), o))
}

/// The first complete lines of a file (up to about `limit` bytes).
fn read_prefix(path: &str, limit: usize) -> Option<String> {
    use std::io::Read;
    let mut buf = vec![0u8; limit];
    let mut f = std::fs::File::open(path).ok()?;
    let mut len = 0;
    while len < limit {
        let k = f.read(&mut buf[len..]).ok()?;
        if k == 0 {
            break;
        }
        len += k;
    }
    buf.truncate(len);
    if len == limit {
        let cut = buf.iter().rposition(|&b| b == b'\n')?;
        buf.truncate(cut);
    }
    String::from_utf8(buf).ok()
}

fn read_csv(it: &mut Interp, a: Args) -> EvalResult {
    read_generic(it, a, (true, Some(','), "\"", true))
}
fn read_table(it: &mut Interp, a: Args) -> EvalResult {
    read_generic(it, a, (false, None, "\"'", false))
}
fn read_delim(it: &mut Interp, a: Args) -> EvalResult {
    read_generic(it, a, (true, Some('\t'), "\"", true))
}

/// Writes `text` to `path` atomically: a temporary file in the same folder, flushed to
/// disk, then a rename, so an error or a kill midway never leaves a truncated file where a
/// good one stood (see [`crate::builtins::safe_write`]).
pub fn write_atomic(it: &mut Interp, path: &str, text: &str) -> EvalResult<()> {
    crate::builtins::base::safe_write::write_text(it, path, text)
}

/// Like [`write_atomic`] for binary content (Parquet files).
pub fn write_atomic_bytes(it: &mut Interp, path: &str, bytes: &[u8]) -> EvalResult<()> {
    crate::builtins::base::safe_write::write_bytes(it, path, bytes)
}

/// A column made ready for writing: factors as their labels, integers and logicals as
/// text (converted once per column, not once per cell).
enum OutCol {
    Quotable(Value),
    Plain(Vec<crate::value::RStr>),
    Other,
}

fn out_col(v: &Value) -> OutCol {
    let v = if v.is_factor() {
        crate::value::factor::factor_as_strings(v)
    } else {
        v.clone()
    };
    match v.data() {
        Some(Data::Str(_)) | Some(Data::Dbl(_)) => OutCol::Quotable(v),
        Some(d) => OutCol::Plain(d.to_str().to_vec()),
        None => OutCol::Other,
    }
}

fn csv_field(c: &OutCol, i: usize, quote: bool, na: &str) -> String {
    match c {
        OutCol::Quotable(v) => match v.data() {
            Some(Data::Str(s)) => match &s[i] {
                Some(x) if quote => format!("\"{}\"", x.replace('"', "\"\"")),
                Some(x) => x.to_string(),
                None => na.to_string(),
            },
            Some(Data::Dbl(d)) if crate::value::is_na_real(d[i]) => na.to_string(),
            Some(Data::Dbl(d)) => crate::value::coerce::num_to_string(d[i]),
            _ => String::new(),
        },
        OutCol::Plain(s) => s[i]
            .as_deref()
            .map(String::from)
            .unwrap_or_else(|| na.to_string()),
        OutCol::Other => String::new(),
    }
}

fn write_generic(it: &mut Interp, a: Args, csv: bool) -> EvalResult {
    let m = a.matched(&[
        "x",
        "file",
        "append",
        "quote",
        "sep",
        "eol",
        "na",
        "dec",
        "row.names",
        "col.names",
        "fileEncoding",
        "...",
    ])?;
    let x = m.req("x")?.clone();
    let enc = crate::builtins::base::connections::encoding_arg(&m, "fileEncoding")?;
    let file = m
        .get("file")
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let quote = m
        .get("quote")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let sep = if csv {
        ",".to_string()
    } else {
        m.get("sep")
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| " ".into())
    };
    let eol = m
        .get("eol")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "\n".into());
    let na = m
        .get("na")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "NA".into());
    let row_names = m
        .get("row.names")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let col_names = m
        .get("col.names")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(true);
    let mut append = m
        .get("append")
        .and_then(|v| v.as_bool().flatten())
        .unwrap_or(false);
    if csv && m.get("append").is_some() {
        it.warning("attempt to set 'append' ignored");
        append = false;
    }
    if append && col_names && !file.is_empty() {
        it.warning("appending column names to file");
    }
    let x = if x.is_data_frame() {
        x
    } else {
        crate::builtins::base::frames::build_df(vec![("x".into(), x)], false, true, None)?
    };
    let names = df_names(&x);
    let n = df_nrow(&x);
    let q = |s: &str| {
        if quote {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    if col_names {
        let mut h: Vec<String> = Vec::new();
        if row_names && csv {
            h.push(q(""));
        }
        h.extend(names.iter().map(|s| q(s)));
        out.push_str(&h.join(&sep));
        out.push_str(&eol);
    }
    let rn = df_row_names(&x).str_vec();
    let cols: Vec<OutCol> = x.list_vec().iter().map(out_col).collect();
    for i in 0..n {
        let mut f: Vec<String> = Vec::new();
        if row_names {
            f.push(q(rn[i].as_deref().unwrap_or("NA")));
        }
        for c in cols.iter() {
            f.push(csv_field(c, i, quote, &na));
        }
        out.push_str(&f.join(&sep));
        out.push_str(&eol);
    }
    let _ = df_compact_rows(&x);
    if file.is_empty() {
        it.write_out(&out);
    } else if enc.is_some() {
        let bytes = crate::builtins::base::text_encoding::encode(&out, enc).or_else(err)?;
        crate::builtins::io_write_bytes(it, &file, &bytes, append)?;
    } else {
        crate::builtins::io_write(it, &file, &out, append)?;
    }
    it.visible = false;
    Ok(Value::Null)
}

fn write_csv(it: &mut Interp, a: Args) -> EvalResult {
    write_generic(it, a, true)
}
fn write_table(it: &mut Interp, a: Args) -> EvalResult {
    write_generic(it, a, false)
}

fn read_lines(it: &mut Interp, m: Matched) -> EvalResult {
    let n = m
        .get("n")
        .and_then(|v| v.as_f64())
        .filter(|n| *n >= 0.0)
        .map(|n| n as usize);
    let con = m.get("con").cloned().unwrap_or_else(|| Value::str(""));
    let enc = crate::builtins::base::connections::encoding_arg(&m, "encoding")?;
    let lines = crate::builtins::base::connections::read_lines_in(it, &con, n, enc)?;
    Ok(Value::strings(&lines))
}

fn file_exists(_it: &mut Interp, a: Args) -> EvalResult {
    let v: Vec<i32> = a
        .items
        .iter()
        .flat_map(|(_, v)| {
            v.str_vec()
                .iter()
                .map(|p| {
                    p.as_deref()
                        .map(|p| std::path::Path::new(&crate::builtins::base::connections::expand(p)).exists() as i32)
                        .unwrap_or(0)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    Ok(Value::lgls(v))
}

fn file_remove(it: &mut Interp, a: Args) -> EvalResult {
    it.require(crate::eval::Cap::FilesWrite, "")?;
    let v: Vec<i32> = a
        .items
        .iter()
        .flat_map(|(_, v)| {
            v.str_vec()
                .iter()
                .map(|p| {
                    p.as_deref()
                        .map(|p| std::fs::remove_file(p).is_ok() as i32)
                        .unwrap_or(0)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    Ok(Value::lgls(v))
}

fn unlink(it: &mut Interp, a: Args) -> EvalResult {
    it.require(crate::eval::Cap::FilesWrite, "")?;
    let named = |n: &str| {
        a.items
            .iter()
            .find(|(k, _)| k.is_some_and(|k| k.as_str() == n))
            .and_then(|(_, v)| v.as_bool().flatten())
            .unwrap_or(false)
    };
    let recursive = named("recursive");
    let mut status = 0;
    for (k, v) in &a.items {
        if k.is_some_and(|k| matches!(k.as_str(), "recursive" | "force" | "expand")) {
            continue;
        }
        for p in v.str_vec().iter().flatten() {
            let p = crate::builtins::base::connections::expand(p);
            let path = std::path::Path::new(&p);
            if path.is_dir() && !path.is_symlink() {
                // folders go only with recursive = TRUE, as in R
                if recursive && std::fs::remove_dir_all(path).is_err() {
                    status = 1;
                }
            } else if path.exists() && std::fs::remove_file(path).is_err() {
                status = 1;
            }
        }
    }
    it.visible = false;
    Ok(Value::int(status))
}

fn tempfile(_it: &mut Interp, m: Matched) -> EvalResult {
    let pat = m
        .get("pattern")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "file".into());
    let ext = m
        .get("fileext")
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let p = std::env::temp_dir().join(format!("{}{:x}{:x}{}", pat, std::process::id(), nanos, ext));
    Ok(Value::str(&p.to_string_lossy()))
}

fn tempdir(_it: &mut Interp, _a: Args) -> EvalResult {
    Ok(Value::str(&std::env::temp_dir().to_string_lossy()))
}

fn map_paths(a: Args, f: fn(&str) -> String) -> EvalResult {
    let x = a
        .items
        .into_iter()
        .next()
        .map(|x| x.1)
        .unwrap_or(Value::Null);
    Ok(Value::strs(
        x.str_vec()
            .iter()
            .map(|p| p.as_deref().map(|p| Rc::from(f(p))))
            .collect(),
    ))
}

fn basename(_it: &mut Interp, a: Args) -> EvalResult {
    map_paths(a, |p| {
        p.trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_string()
    })
}

fn dirname(_it: &mut Interp, a: Args) -> EvalResult {
    map_paths(a, |p| match p.trim_end_matches('/').rfind('/') {
        Some(0) => "/".into(),
        Some(i) => p[..i].to_string(),
        None => ".".into(),
    })
}

fn file_path(_it: &mut Interp, a: Args) -> EvalResult {
    let parts: Vec<Rc<crate::value::Strs>> = a
        .items
        .iter()
        .filter(|(n, _)| n.map(|s| s.as_str() != "fsep").unwrap_or(true))
        .map(|(_, v)| v.str_vec())
        .collect();
    let n = parts.iter().map(|p| p.len()).max().unwrap_or(0);
    let out: Vec<RStr> = (0..n)
        .map(|i| {
            Some(Rc::from(
                parts
                    .iter()
                    .map(|p| p[i % p.len().max(1)].as_deref().unwrap_or("NA").to_string())
                    .collect::<Vec<_>>()
                    .join("/"),
            ))
        })
        .collect();
    Ok(Value::strs(out))
}

fn getwd(_it: &mut Interp, _a: Args) -> EvalResult {
    Ok(Value::str(
        &std::env::current_dir()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
    ))
}

fn setwd(it: &mut Interp, a: Args) -> EvalResult {
    let old = std::env::current_dir()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = a
        .items
        .first()
        .and_then(|x| x.1.as_string())
        .unwrap_or_default();
    if std::env::set_current_dir(&dir).is_err() {
        return err("cannot change working directory");
    }
    it.visible = false;
    let _ = Sym::new("wd");
    Ok(Value::str(&old))
}
