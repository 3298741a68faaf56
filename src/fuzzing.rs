//! Fuzz targets: the lexer and parser, the evaluator, the CSV reader and the reader of R's
//! data files, each taking
//! arbitrary bytes. libFuzzer drives them through `fuzz/main.rs` (see `fuzz/README.md`);
//! `tests/fuzz_smoke.rs` replays the seed and regression corpora and a short run of random
//! mutations through the same functions. A target "fails" only by panicking, overflowing the
//! stack or exhausting memory: every input must end in a value or an R error.

use crate::api::Interpreter;
use std::time::Duration;

/// The targets, by the name the fuzz driver and the corpora use.
pub const TARGETS: &[(&str, fn(&[u8]))] = &[
    ("parse", parse),
    ("eval", eval),
    ("csv", csv),
    ("rds", rds),
];

/// Lexes and parses the input (lossily decoded as UTF-8); on success deparses every
/// expression and parses the deparsed text again, on failure renders R's message.
pub fn parse(data: &[u8]) {
    let src = String::from_utf8_lossy(data);
    let _ = crate::syntax::lexer::lex(&src);
    match crate::syntax::parse(&src) {
        Ok(exprs) => {
            for e in &exprs {
                let text = crate::syntax::deparse::deparse(e);
                let _ = crate::syntax::parse(&text);
            }
        }
        Err(e) => {
            let _ = crate::syntax::r_parse_message(&src, &e);
        }
    }
}

/// The embedding sandbox (`Interpreter::sandboxed()`: no files, working directory,
/// environment or commands, uncatchable budgets) with budgets small enough for a fuzzer: a
/// shallow call depth, a second of time, 64 MB per vector.
fn sandbox() -> Interpreter {
    Interpreter::sandbox_builder()
        .max_depth(200)
        .time_limit(Duration::from_millis(1000))
        .max_steps(200_000)
        .max_vector_bytes(64 << 20)
        .build()
}

/// Evaluates the input as a script in a sandboxed interpreter, printing every value (into
/// a discarded writer) as a script would, and renders the error if there is one.
pub fn eval(data: &[u8]) {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let mut r = sandbox();
    if let Err(e) = r.run(src) {
        let _ = e.render();
    }
}

/// Reads the input as a CSV file with `read.csv` (the first byte picks the options:
/// header, separator, quoting, factors) and summarises the frame it gives.
pub fn csv(data: &[u8]) {
    let Some((&opt, body)) = data.split_first() else {
        return;
    };
    let Ok(dir) = scratch_dir() else { return };
    let path = dir.join("input.csv");
    if std::fs::write(&path, body).is_err() {
        return;
    }
    let sep = [",", ";", "\\t", " "][(opt & 3) as usize];
    let header = if opt & 4 != 0 { "TRUE" } else { "FALSE" };
    let quote = if opt & 8 != 0 { "\"" } else { "" };
    let factors = if opt & 16 != 0 { "TRUE" } else { "FALSE" };
    let src = format!(
        "d <- read.csv({:?}, header = {}, sep = \"{}\", quote = '{}', stringsAsFactors = {})\n\
         str(d); print(summary(d)); print(head(d)); print(dim(d))\n",
        path.to_string_lossy(),
        header,
        sep,
        quote,
        factors
    );
    let mut r = Interpreter::builder()
        .file_writes(false)
        .env_vars(false)
        .system(false)
        .time_limit(Duration::from_millis(2000))
        .max_vector_bytes(64 << 20)
        .build();
    if let Err(e) = r.run(&src) {
        let _ = e.render();
    }
}

/// Decodes the input as R serialized data: first the bytes as they are through
/// `unserialize`'s decoder (the fast path, no files), then as a file through `readRDS`
/// (gzip, bzip2 and xz are recognised), printing, summarising and re-encoding what loads.
pub fn rds(data: &[u8]) {
    let ctx = crate::frame::rds::Ctx {
        global: crate::value::Env::new(None),
        base: crate::value::Env::new(None),
    };
    crate::value::alloc::set_thread_limit(Some((64u64 << 20) as f64));
    if let Ok(v) = crate::frame::rds::unserialize(data, &ctx) {
        for fmt in [
            crate::frame::rds::Format::Xdr,
            crate::frame::rds::Format::Ascii,
        ] {
            if let Ok(b) = crate::frame::rds::serialize(&v, 3, fmt, &ctx) {
                let _ = crate::frame::rds::unserialize(&b, &ctx);
            }
        }
    }
    crate::value::alloc::set_thread_limit(None);
    let Ok(dir) = scratch_dir() else { return };
    let path = dir.join("input.rds");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let src = format!(
        "x <- readRDS({:?})\n\
         if (length(x) < 2000) {{ print(x); str(x) }}\n\
         y <- unserialize(serialize(x, NULL))\n",
        path.to_string_lossy()
    );
    let mut r = Interpreter::builder()
        .file_writes(false)
        .env_vars(false)
        .system(false)
        .time_limit(Duration::from_millis(2000))
        .max_vector_bytes(64 << 20)
        .build();
    if let Err(e) = r.run(&src) {
        let _ = e.render();
    }
}

/// A folder of this process's own for the CSV target's input file.
fn scratch_dir() -> std::io::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("rsc-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
