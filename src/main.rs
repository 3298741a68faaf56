//! The `rsc` command: run scripts (`rsc file.rsc`, `rsc -e expr`, `rsc -`) like Rscript.
#![deny(unsafe_code)]

mod jupyter;
mod repl;

// The interpreter allocates many small vectors; mimalloc handles them much faster than the
// system allocator (measured: the scalar loop benchmark drops by a third).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc hands freed memory back to the OS 10 ms after it is freed (`purge_delay`), so a
/// script that frees and reallocates large vectors pays for freshly zeroed pages on every
/// allocation (measured: page faults were 70% of an lm fit on 1e6 rows). Keep freed
/// memory for reuse instead. The only unsafe code in the binary: calls into mimalloc's
/// documented C API (`mi_option_set`) at the start of `main`.
#[allow(unsafe_code)]
fn keep_freed_memory() {
    extern "C" {
        fn mi_option_set(option: std::os::raw::c_int, value: std::os::raw::c_long);
    }
    // mimalloc v3's option numbers: `purge_delay` is 15 (-1: never purge);
    // `arena_eager_commit` is 4 (1: keep arena memory committed instead of decommitting
    // freed huge blocks, which otherwise come back as fresh zeroed pages); `allow_thp` is
    // 43 (0: no transparent huge pages, each of whose faults zeroes 2 MB; measured lower
    // system time and memory on the model fits)
    // SAFETY: sets integer options (out-of-range numbers are ignored by mimalloc); mimalloc
    // is linked as the global allocator.
    unsafe {
        mi_option_set(15, -1);
        mi_option_set(4, 1);
        mi_option_set(43, 0);
    }
    // and, as mimalloc itself does for that option at start-up, opt the process out of
    // transparent huge pages (`PR_SET_THP_DISABLE` = 41; failure is harmless)
    #[cfg(target_os = "linux")]
    {
        extern "C" {
            fn prctl(option: std::os::raw::c_int, ...) -> std::os::raw::c_int;
        }
        // SAFETY: prctl with PR_SET_THP_DISABLE takes one integer argument.
        unsafe {
            prctl(
                41,
                1 as std::os::raw::c_ulong,
                0 as std::os::raw::c_ulong,
                0 as std::os::raw::c_ulong,
                0 as std::os::raw::c_ulong,
            );
        }
    }
}

use std::io::{IsTerminal, Read};

const HELP: &str = "\
Usage: rsc [options] [file.rsc [args...]]\n       rsc -e EXPR [-e EXPR ...] [args...]

Runs R code. With no file: an interactive console, or a script read from standard input when piped.

Commands:
  rsc jupyter install [--user|--prefix DIR|--sys-prefix]
                install the Jupyter kernelspec

Options:
  -e EXPR       evaluate EXPR (may be repeated)
  --jupyter-kernel FILE
                run as a Jupyter kernel (FILE: the connection file)
  -             read the script from standard input
  --version     print the version and exit
  -h, --help    print this help and exit

Commands:
  rsc render FILE [--to html|md] [-o OUTPUT]
                run a report (.Rmd, .qmd, .R) or notebook (.ipynb); see rsc render --help
";

/// Stack of the evaluator thread; the interpreter stops 64 MiB short of it.
const STACK_SIZE: usize = 1 << 30;
/// Stack the interpreter may use on that thread.
pub(crate) const STACK_LIMIT: usize = STACK_SIZE - (64 << 20);

enum Source {
    File(String),
    Exprs(Vec<String>),
    Stdin,
    Console,
    Kernel(String),
}

fn main() {
    keep_freed_memory();
    let argv: Vec<String> = std::env::args().skip(1).collect();
    // `rsc render FILE`: reports and notebooks (a script file named `render` still runs)
    if argv.first().is_some_and(|a| a == "render") && !std::path::Path::new("render").is_file() {
        let rest = argv[1..].to_vec();
        let handle = std::thread::Builder::new()
            .stack_size(STACK_SIZE)
            .spawn(move || rsc::api::render::cli(&rest, STACK_LIMIT))
            .expect("failed to start the evaluator thread");
        std::process::exit(handle.join().unwrap_or(2));
    }
    if argv.first().map(String::as_str) == Some("jupyter") && !std::path::Path::new("jupyter").is_file() {
        std::process::exit(jupyter::cli(&argv[1..]));
    }
    let mut exprs = Vec::new();
    let mut source = None;
    let mut rest = Vec::new();
    let mut i = 0;
    while i < argv.len() {
        let a = &argv[i];
        if source.is_some() {
            rest.push(a.clone());
        } else if a == "-e" {
            i += 1;
            match argv.get(i) {
                Some(e) => exprs.push(e.clone()),
                None => {
                    eprintln!("rsc: -e needs an expression");
                    std::process::exit(2);
                }
            }
        } else if a == "--version" {
            println!("rsc {}", env!("CARGO_PKG_VERSION"));
            return;
        } else if a == "-h" || a == "--help" {
            print!("{}", HELP);
            return;
        } else if a == "--jupyter-kernel" && exprs.is_empty() {
            i += 1;
            match argv.get(i) {
                Some(f) => source = Some(Source::Kernel(f.clone())),
                None => {
                    eprintln!("rsc: --jupyter-kernel needs a connection file");
                    std::process::exit(2);
                }
            }
        } else if a == "-" {
            source = Some(Source::Stdin);
        } else if a == "--args" {
            // everything after belongs to the script
            rest.extend(argv[i + 1..].iter().cloned());
            break;
        } else if a.starts_with("--") && exprs.is_empty() {
            // ignore Rscript-style flags such as --vanilla
        } else if !exprs.is_empty() {
            // as Rscript: after -e EXPR, the first other argument starts the script's
            // arguments (commandArgs(TRUE)); no file is run
            rest.extend(argv[i..].iter().cloned());
            break;
        } else {
            source = Some(Source::File(a.clone()));
        }
        i += 1;
    }
    let source = match source {
        Some(s) => s,
        None if !exprs.is_empty() => Source::Exprs(exprs),
        None if std::io::stdin().is_terminal() => Source::Console,
        None => Source::Stdin,
    };
    // Evaluate on a thread with a large stack so deep recursion ends in an R error.
    let handle = std::thread::Builder::new()
        .stack_size(STACK_SIZE)
        .spawn(move || run(source, rest))
        .expect("failed to start the evaluator thread");
    let code = handle.join().unwrap_or(2);
    std::process::exit(code);
}

fn run(source: Source, args: Vec<String>) -> i32 {
    let (name, text) = match source {
        Source::Console => return repl::run(),
        Source::Kernel(f) => return jupyter::kernel(&f),
        Source::File(f) => match std::fs::read_to_string(&f) {
            Ok(t) => (f, t),
            Err(e) => {
                eprintln!("Fatal error: cannot open file '{}': {}", f, e);
                return 2;
            }
        },
        Source::Exprs(e) => ("<-e>".to_string(), e.join("\n")),
        Source::Stdin => {
            let mut t = String::new();
            if std::io::stdin().read_to_string(&mut t).is_err() {
                eprintln!("rsc: cannot read standard input");
                return 2;
            }
            ("<stdin>".to_string(), t)
        }
    };
    let mut it = rsc::builtins::interp();
    it.stack_limit = STACK_LIMIT;
    it.command_args = args;
    let code = rsc::api::session::run_script(&mut it, &name, &text);
    it.flush();
    // the process ends next: freeing every value (a large data set's millions of strings)
    // one by one would only delay it
    std::mem::forget(it);
    code
}
