//! R's data files and serialization: `saveRDS`/`readRDS`, `save`/`load`,
//! `serialize`/`unserialize`, and the text round trips `dput`/`dget`/`dump`/`source`.
//! The bytes are made and read in `frame::rds`; writes go through the atomic-write path.

use crate::builtins::base::files::check_read;
use crate::builtins::base::lang::env_arg;
use crate::builtins::base::safe_write::write_bytes;
use crate::builtins::{declared, special, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::frame::rds::compress::{compress, decompress, Kind};
use crate::frame::rds::read::{unserialize_bindings, ReadError};
use crate::frame::rds::write::serialize_bindings;
use crate::frame::rds::{serialize, unserialize, Ctx, Format};
use crate::syntax::ast::{Arg, Const, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::raw::{raw_bytes, raw_value};
use crate::value::{Env, Value};

pub const BUILTINS: &[Builtin] = &[
    declared("saveRDS", save_rds),
    declared("readRDS", read_rds),
    declared("serialize", serialize_fn),
    declared("unserialize", unserialize_fn),
    special("save", save),
    declared("load", load),
    declared("dput", dput),
    declared("dget", dget),
    declared("dump", dump),
    declared("source", source),
];

/// Help entries for this family's builtins, shown by `?name` (see `help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("saveRDS",
            "saveRDS(object, file = \"\", ascii = FALSE, version = NULL, compress = TRUE, refhook = NULL)",
            "Writes one object to a file in R's serialization format (version 3 unless version = 2), \
             gzip-compressed unless compress = FALSE (or \"bzip2\", \"xz\"). R reads the file with readRDS. The file is replaced \
             atomically: a failed write leaves an existing file as it was."),
        doc("readRDS", "readRDS(file, refhook = NULL)",
            "Reads an object written by saveRDS (by R or rsc): format versions 2 and 3, binary or ASCII, \
             uncompressed or compressed with gzip, bzip2 or xz."),
        doc("serialize",
            "serialize(object, connection, ascii = FALSE, xdr = TRUE, version = NULL, refhook = NULL)",
            "Encodes an object in R's serialization format. With connection = NULL the bytes are returned \
             as a raw vector."),
        doc("unserialize", "unserialize(connection, refhook = NULL)",
            "Decodes a raw vector made by serialize (by R or rsc) back into the object."),
        doc("save",
            "save(..., list = character(), file = stop(\"'file' must be specified\"), ascii = FALSE, version = \
             NULL, envir = parent.frame(), compress = TRUE)",
            "Writes the named objects (given as names or in list) to an .RData file that load reads, in R or \
             rsc."),
        doc("load", "load(file, envir = parent.frame(), verbose = FALSE)",
            "Reads an .RData file written by save (in R or rsc) and binds its objects in envir; returns their \
             names invisibly."),
        doc("dput", "dput(x, file = \"\", control = c(\"keepNA\", \"keepInteger\", \"niceNames\", \"showAttributes\"))",
            "Writes R code that recreates x, to the console or to a file."),
        doc("dget", "dget(file, keep.source = FALSE)",
            "Evaluates the R code in a file written by dput and returns its value."),
        doc("dump",
            "dump(list, file = \"dumpdata.R\", append = FALSE, control = \"all\", envir = parent.frame(), \
             evaluate = TRUE)",
            "Writes assignments that recreate the named objects to a file that source reads back."),
        doc("source",
            "source(file, local = FALSE, echo = verbose, print.eval = echo, verbose = FALSE, ...)",
            "Reads R code from a file and evaluates it, in the global environment (or the caller's when \
             local = TRUE, or in the given environment)."),
    ]
};

fn ctx(it: &Interp) -> Ctx {
    Ctx {
        global: it.global.clone(),
        base: it.base.clone(),
    }
}

/// The `version` argument: 3 unless 2 is asked for.
fn version_arg(m: &Matched) -> EvalResult<u32> {
    match m.get("version").and_then(|v| v.as_f64()) {
        None => Ok(3),
        Some(v) if v == 2.0 || v == 3.0 => Ok(v as u32),
        Some(v) => err(format!("version {} not supported", v)),
    }
}

fn ascii_arg(m: &Matched) -> Format {
    match m.get("ascii").and_then(|v| v.as_bool()) {
        Some(Some(true)) => Format::Ascii,
        _ => Format::Xdr,
    }
}

/// The compression `compress` asks for: TRUE or "gzip", FALSE none, "bzip2", "xz".
fn compress_kind(v: Option<&Value>) -> EvalResult<Kind> {
    let Some(v) = v else { return Ok(Kind::Gzip) };
    if v.vtype() == Some(crate::value::VType::Str) {
        return match v.as_string().as_deref() {
            Some("gzip") => Ok(Kind::Gzip),
            Some("bzip2") => Ok(Kind::Bzip2),
            Some("xz") => Ok(Kind::Xz),
            _ => err("'compress' must be logical or one of \"gzip\", \"bzip2\", \"xz\""),
        };
    }
    Ok(if v.as_bool().flatten().unwrap_or(true) { Kind::Gzip } else { Kind::None })
}

fn compress_arg(m: &Matched) -> EvalResult<Kind> {
    compress_kind(m.get("compress"))
}

/// A file name argument.
fn file_arg(m: &Matched, name: &str) -> EvalResult<String> {
    match m.get(name).and_then(|v| v.as_string()) {
        Some(f) => Ok(f),
        None => err("bad 'file' argument"),
    }
}

/// The bytes of a file to read, decompressed, with R's errors.
fn read_data_file(it: &mut Interp, path: &str) -> EvalResult<Vec<u8>> {
    check_read(it, path)?;
    let bytes = match std::fs::read(crate::builtins::base::connections::expand(path)) {
        Ok(b) => b,
        Err(e) => {
            it.warning(format!(
                "cannot open compressed file '{}', probable reason '{}'",
                path,
                crate::frame::io_reason(&e)
            ));
            return err("cannot open the connection");
        }
    };
    match decompress(&bytes) {
        Ok(b) => Ok(b.into_owned()),
        Err(e) => err(e),
    }
}

fn read_err(e: ReadError, truncated: &str) -> crate::error::Flow {
    match e {
        ReadError::Truncated => crate::error::RError::runtime(truncated.to_string()).into(),
        ReadError::Msg(m) => crate::error::RError::runtime(m).into(),
    }
}

fn write_file(it: &mut Interp, path: &str, bytes: Vec<u8>, kind: Kind) -> EvalResult<()> {
    let out = compress(bytes, kind).or_else(err)?;
    write_bytes(it, path, &out)
}

fn save_rds(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("object")?.clone();
    let file = file_arg(&m, "file")?;
    if file.is_empty() {
        return err("'file' must be non-empty string");
    }
    let bytes = serialize(&x, version_arg(&m)?, ascii_arg(&m), &ctx(it)).or_else(err)?;
    write_file(it, &file, bytes, compress_arg(&m)?)?;
    it.visible = false;
    Ok(Value::Null)
}

fn read_rds(it: &mut Interp, m: Matched) -> EvalResult {
    let file = file_arg(&m, "file")?;
    let bytes = read_data_file(it, &file)?;
    unserialize(&bytes, &ctx(it)).map_err(|e| read_err(e, "error reading from connection"))
}

fn serialize_fn(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.req("object")?.clone();
    if !matches!(m.get("connection"), Some(Value::Null)) {
        return err("only connection = NULL (a raw vector result) is supported");
    }
    let bytes = serialize(&x, version_arg(&m)?, ascii_arg(&m), &ctx(it)).or_else(err)?;
    Ok(raw_value(bytes))
}

fn unserialize_fn(it: &mut Interp, m: Matched) -> EvalResult {
    let v = m.req("connection")?;
    let Some(b) = raw_bytes(v) else {
        return match v.as_string() {
            Some(_) => err("character vectors are no longer accepted by unserialize()"),
            None => err("unknown input format"),
        };
    };
    unserialize(b, &ctx(it)).map_err(|e| read_err(e, "read error"))
}

/// `save(...)`: names come unevaluated, as symbols or strings.
fn save(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let mut names: Vec<String> = Vec::new();
    let mut file = None;
    let mut envir = env.clone();
    let mut version = 3u32;
    let mut fmt = Format::Xdr;
    let mut compress = Kind::Gzip;
    for a in args {
        let Some(v) = &a.value else { continue };
        match a.name.map(|n| n.as_str()) {
            None => match &v.kind {
                ExprKind::Ident(s) => names.push(s.to_string()),
                ExprKind::Const(Const::Str(s)) => names.push(s.to_string()),
                _ => return err("objects to be saved must be given as names or character strings"),
            },
            Some("list") => names.extend(it.eval(v, env)?.as_strings().unwrap_or_default()),
            Some("file") => file = it.eval(v, env)?.as_string(),
            Some("envir") => {
                if let Value::Env(e) = it.eval(v, env)? {
                    envir = e;
                }
            }
            Some("version") => {
                let x = it.eval(v, env)?;
                if let Some(n) = x.as_f64() {
                    if n != 2.0 && n != 3.0 {
                        return err(format!("version {} not supported", n));
                    }
                    version = n as u32;
                }
            }
            Some("ascii") => {
                if it.eval(v, env)?.as_bool() == Some(Some(true)) {
                    fmt = Format::Ascii;
                }
            }
            Some("compress") => {
                let x = it.eval(v, env)?;
                compress = compress_kind(Some(&x))?;
            }
            Some(_) => {}
        }
    }
    let Some(file) = file else {
        return err("'file' must be specified");
    };
    let mut items = Vec::with_capacity(names.len());
    for n in &names {
        let s = Sym::new(n);
        if envir.lookup(s).is_none() {
            return err(format!("object '{}' not found", n));
        }
        items.push((s, it.get_var(s, &envir)?));
    }
    let body = serialize_bindings(&items, version, fmt, &ctx(it)).or_else(err)?;
    let magic: &[u8] = match (fmt, version) {
        (Format::Xdr, 2) => b"RDX2\n",
        (Format::Xdr, _) => b"RDX3\n",
        (Format::Ascii, 2) => b"RDA2\n",
        (Format::Ascii, _) => b"RDA3\n",
    };
    let mut bytes = Vec::with_capacity(body.len() + 5);
    bytes.extend_from_slice(magic);
    bytes.extend_from_slice(&body);
    write_file(it, &file, bytes, compress)?;
    it.visible = false;
    Ok(Value::Null)
}

fn load(it: &mut Interp, m: Matched) -> EvalResult {
    let file = file_arg(&m, "file")?;
    let env = env_arg(it, m.get("envir"));
    let bytes = read_data_file(it, &file)?;
    let body = match bytes.get(..5) {
        Some(b"RDX2\n") | Some(b"RDX3\n") | Some(b"RDA2\n") | Some(b"RDA3\n") | Some(b"RDB2\n")
        | Some(b"RDB3\n") => &bytes[5..],
        _ => return err("bad restore file magic number (file may be corrupted) -- no data loaded"),
    };
    let items = unserialize_bindings(body, &ctx(it))
        .map_err(|e| read_err(e, "error reading from connection"))?;
    let names: Vec<String> = items.iter().map(|(s, _)| s.to_string()).collect();
    for (s, v) in items {
        env.set(s, v);
    }
    it.visible = false;
    Ok(Value::strings(&names))
}

/// R code that recreates a value, as `deparse` writes it.
fn deparse_text(v: &Value) -> String {
    match v {
        Value::Lang(l) if l.attrs.is_none() => crate::syntax::deparse::deparse(&l.expr),
        Value::Closure(c) => crate::syntax::deparse::deparse_function(&c.params, &c.body),
        v => crate::print::deparse_value(v),
    }
}

fn dput(it: &mut Interp, m: Matched) -> EvalResult {
    let x = m.get("x").cloned().unwrap_or(Value::Null);
    let mut text = deparse_text(&x);
    text.push('\n');
    match m.get("file").and_then(|f| f.as_string()) {
        Some(f) if !f.is_empty() => write_bytes(it, &f, text.as_bytes())?,
        _ => it.write_out(&text),
    }
    it.visible = false;
    Ok(x)
}

/// Parses a file of R code, with R's error for text that does not parse.
fn parse_file(it: &mut Interp, path: &str) -> EvalResult<Vec<Expr>> {
    check_read(it, path)?;
    let text = match std::fs::read(crate::builtins::base::connections::expand(path)) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            it.warning(format!(
                "cannot open file '{}': {}",
                path,
                crate::frame::io_reason(&e)
            ));
            return err("cannot open the connection");
        }
    };
    crate::syntax::parse(&text)
        .map_err(|e| crate::error::RError::runtime(format!("{}:{}", path, e.message)).into())
}

fn dget(it: &mut Interp, m: Matched) -> EvalResult {
    let file = file_arg(&m, "file")?;
    let exprs = parse_file(it, &file)?;
    let env = Env::new(Some(it.global.clone()));
    let mut last = Value::Null;
    for e in &exprs {
        last = it.eval(e, &env)?;
    }
    it.visible = true;
    Ok(last)
}

fn dump(it: &mut Interp, m: Matched) -> EvalResult {
    let names = m.req("list")?.as_strings().unwrap_or_default();
    let file = m
        .get("file")
        .and_then(|f| f.as_string())
        .unwrap_or_else(|| "dumpdata.R".into());
    let env = env_arg(it, m.get("envir"));
    let mut text = String::new();
    let mut done = Vec::new();
    for n in &names {
        if env.lookup(Sym::new(n)).is_none() {
            continue;
        }
        let v = it.get_var(Sym::new(n), &env)?;
        let name = if crate::syntax::deparse::is_syntactic_name(n) {
            n.clone()
        } else {
            format!("`{}`", n)
        };
        text.push_str(&format!("{} <-\n{}\n", name, deparse_text(&v)));
        done.push(n.clone());
    }
    if done.is_empty() {
        return err("zero-length 'list' argument");
    }
    let append = m.get("append").and_then(|v| v.as_bool()) == Some(Some(true));
    if file.is_empty() {
        it.write_out(&text);
    } else if append {
        crate::builtins::base::safe_write::append_text(it, &file, &text)?;
    } else {
        write_bytes(it, &file, text.as_bytes())?;
    }
    it.visible = false;
    Ok(Value::strings(&done))
}

fn source(it: &mut Interp, m: Matched) -> EvalResult {
    let file = file_arg(&m, "file")?;
    let env = match m.get("local") {
        Some(Value::Env(e)) => e.clone(),
        Some(v) if v.as_bool() == Some(Some(true)) => env_arg(it, None),
        _ => it.global.clone(),
    };
    let print_eval = m
        .get("print.eval")
        .or(m.get("echo"))
        .and_then(|v| v.as_bool())
        == Some(Some(true));
    let exprs = parse_file(it, &file)?;
    let mut last = Value::Null;
    let mut visible = false;
    for e in &exprs {
        it.visible = true;
        last = it.eval(e, &env)?;
        visible = it.visible;
        if print_eval && visible {
            if let Some(p) = it.printer {
                p(it, &last, &env)?;
            }
        }
    }
    it.visible = false;
    Ok(Value::named_list(vec![
        ("value".into(), last),
        ("visible".into(), Value::lgl(visible)),
    ]))
}
