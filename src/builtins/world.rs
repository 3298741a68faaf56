//! Which builtins touch the world outside the interpreter, and how each is checked.
//!
//! Every such builtin goes through the one capability check, [`Interp::require`]:
//! - `Whole(cap)`: the evaluator refuses any call when `cap` is off (`Sys.getenv`, `setwd`,
//!   `file.exists`, ...), before the arguments are even matched;
//! - `OnUse(cap)`: the builtin also has harmless uses (`cat()` to the console, `read.csv(text
//!   =)`, `readLines(textConnection(...))`), and calls `require` itself on the path that
//!   reaches the world (`safe_write`, `connections::file_text`, `files::check_read`).
//!
//! A unit test reads the builtin sources: every builtin registered in a file that uses the
//! world (file system, environment, processes, working directory, or the helpers that do)
//! must be listed here or in [`PURE`], so a new one cannot slip past the sandbox.

use crate::eval::{Cap, Interp};

/// How a world-touching builtin is checked.
#[derive(Clone, Copy, Debug)]
pub enum Gate {
    Whole(Cap),
    OnUse(Cap),
}

use Cap::*;
use Gate::*;

/// The world-touching builtins and their gates.
pub const WORLD: &[(&str, Gate)] = &[
    // environment variables
    ("Sys.getenv", Whole(EnvVars)),
    ("Sys.setenv", Whole(EnvVars)),
    ("Sys.unsetenv", Whole(EnvVars)),
    ("Sys.which", Whole(EnvVars)),
    // the working directory and host paths
    ("getwd", Whole(WorkingDir)),
    ("setwd", Whole(WorkingDir)),
    ("tempdir", Whole(WorkingDir)),
    ("tempfile", Whole(WorkingDir)),
    ("R.home", Whole(WorkingDir)),
    ("system.file", Whole(WorkingDir)),
    ("path.expand", Whole(WorkingDir)),
    ("normalizePath", Whole(WorkingDir)),
    // the process
    ("Sys.getpid", Whole(System)),
    ("Sys.info", Whole(System)),
    ("system", Whole(System)),
    ("system2", Whole(System)),
    ("Sys.setlocale", Whole(System)),
    // reading files
    ("file.exists", Whole(FilesRead)),
    ("dir.exists", Whole(FilesRead)),
    ("list.files", Whole(FilesRead)),
    ("dir", Whole(FilesRead)),
    ("list.dirs", Whole(FilesRead)),
    ("Sys.glob", Whole(FilesRead)),
    ("file.info", Whole(FilesRead)),
    ("file.access", Whole(FilesRead)),
    ("Sys.readlink", Whole(FilesRead)),
    ("file.show", Whole(FilesRead)),
    ("read.csv", OnUse(FilesRead)),
    ("read.table", OnUse(FilesRead)),
    ("read.delim", OnUse(FilesRead)),
    ("readLines", OnUse(FilesRead)),
    ("readRDS", OnUse(FilesRead)),
    ("load", OnUse(FilesRead)),
    ("dget", OnUse(FilesRead)),
    ("source", OnUse(FilesRead)),
    ("scan", OnUse(FilesRead)),
    ("readBin", OnUse(FilesRead)),
    ("readChar", OnUse(FilesRead)),
    ("seek", OnUse(FilesRead)),
    ("parse", OnUse(FilesRead)),
    ("file", OnUse(FilesRead)),
    ("gzfile", OnUse(FilesRead)),
    ("bzfile", OnUse(FilesRead)),
    ("xzfile", OnUse(FilesRead)),
    ("open", OnUse(FilesRead)),
    ("read_parquet", OnUse(FilesRead)),
    ("scan_csv", OnUse(FilesRead)),
    ("scan_parquet", OnUse(FilesRead)),
    // reads the file a scan_csv/scan_parquet call was allowed to open
    ("collect", OnUse(FilesRead)),
    // writing files
    ("file.remove", Whole(FilesWrite)),
    ("unlink", Whole(FilesWrite)),
    ("dir.create", Whole(FilesWrite)),
    ("file.append", Whole(FilesWrite)),
    ("file.copy", Whole(FilesWrite)),
    ("file.rename", Whole(FilesWrite)),
    ("write.csv", OnUse(FilesWrite)),
    ("write.table", OnUse(FilesWrite)),
    ("writeLines", OnUse(FilesWrite)),
    ("writeBin", OnUse(FilesWrite)),
    ("writeChar", OnUse(FilesWrite)),
    ("cat", OnUse(FilesWrite)),
    ("sink", OnUse(FilesWrite)),
    ("close", OnUse(FilesWrite)),
    ("saveRDS", OnUse(FilesWrite)),
    ("save", OnUse(FilesWrite)),
    ("dump", OnUse(FilesWrite)),
    ("dput", OnUse(FilesWrite)),
    ("write_parquet", OnUse(FilesWrite)),
    ("svg", OnUse(FilesWrite)),
    ("pdf", OnUse(FilesWrite)),
    ("png", OnUse(FilesWrite)),
    ("jpeg", OnUse(FilesWrite)),
    ("dev.off", OnUse(FilesWrite)),
    ("dev.new", OnUse(FilesWrite)),
    ("graphics.off", OnUse(FilesWrite)),
];

/// Builtins that live beside world-touching code but touch nothing themselves (or only the
/// clock, the console, or in-memory connections).
pub const PURE: &[&str] = &[
    // lang.rs: syntax called as functions, frames
    "{", "if", "for", "while", "repeat", "sys.parent",
    // files.rs
    "basename", "dirname", "file.path",
    // connections.rs: in-memory and console connections
    "url", "textConnection", "textConnectionValue", "stdin", "stdout", "stderr", "isOpen",
    "summary.connection", "readline", "sink.number", "flush", "rawConnection",
    "rawConnectionValue", "pushBack", "pushBackLength",
    // dates.rs: the clock and formatting
    "as.Date", "Sys.Date", "format.Date", "as.character.Date", "print.Date", "weekdays", "months",
    "quarters", "julian",
    // lang.rs (proc.time's CPU times), session.rs
    "quote", "substitute", "missing", "return", "invisible", "switch", "on.exit", "function",
    "nargs", "...length", "...elt", "Recall", "match.arg", "sys.call", "sys.function", "match.call",
    "eval", "evalq", "deparse", "body", "formals", "formals<-", "body<-", "args", "as.name",
    "as.symbol", "call", "as.call", "bquote", "force", "identity",
    "commandArgs", "interactive", "system.time", "Sys.time", "proc.time", "options", "getOption",
    "q", "quit", "UseMethod", "NextMethod", "invokeRestart",
    // platform.rs
    "Sys.getlocale", "l10n_info", "Sys.sleep", "capabilities",
    // serialize.rs: in memory
    "serialize", "unserialize",
    // grDevices/devices.rs: device bookkeeping
    "dev.cur", "dev.list",
    // stats/random.rs: seeding from the clock
    "set.seed", "RNGkind", "runif", "rnorm", "rexp", "rgamma", "rbeta", "rchisq", "rt", "rf",
    "rbinom", "rpois", "rgeom", "rnbinom", "rlogis", "rweibull", "rlnorm", "rcauchy", "rhyper",
    "sample", "sample.int",
    // print.rs: printing to the console
    "print", "print.default", "format", "toupper",
];

/// Gates the `Whole` builtins in the evaluator (called by `builtins::install`).
pub fn install(it: &mut Interp) {
    for (name, gate) in WORLD {
        if let Whole(cap) = gate {
            it.gate_builtin(name, *cap);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Source text that reaches outside the interpreter.
    const WORLD_APIS: &[&str] = &[
        "std::fs::", "std::env::var", "std::env::set", "std::env::remove", "std::env::current",
        "std::env::temp_dir", "std::env::vars", "std::process::", "File::open", "File::create",
        "OpenOptions", "read_dir", "Command::new", "set_current_dir", "io_write", "write_atomic",
        "file_text", "read_lines", "read_all", "check_read", "safe_write::",
    ];

    fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                sources(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }

    #[test]
    fn every_world_touching_builtin_is_gated() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/builtins");
        let mut files = Vec::new();
        sources(&root, &mut files);
        let listed: HashSet<&str> = WORLD.iter().map(|(n, _)| *n).chain(PURE.iter().copied()).collect();
        let entry = regex::Regex::new(r#"\b(?:eager|declared|special)\(\s*"([^"]+)""#).unwrap();
        let mut missing = Vec::new();
        for f in files {
            if f.ends_with("world.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&f).unwrap();
            // only the code, not the tests below it
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            if !WORLD_APIS.iter().any(|a| code.contains(a)) {
                continue;
            }
            let Some(table) = code.split("pub const BUILTINS").nth(1) else { continue };
            let table = table.split("];").next().unwrap_or("");
            for c in entry.captures_iter(table) {
                if !listed.contains(&c[1]) {
                    missing.push(format!("{} ({})", &c[1], f.display()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "builtins in world-touching files that are neither gated in WORLD nor declared PURE: {:?}",
            missing
        );
    }

    #[test]
    fn whole_gates_refuse_before_anything_runs() {
        let mut it = Interp::new();
        crate::builtins::install(&mut it);
        let registered: HashSet<&str> = crate::builtins::tables()
            .into_iter()
            .flat_map(|t| t.iter().map(|b| b.name))
            .collect();
        it.caps = crate::eval::Caps {
            files_read: false,
            files_write: false,
            env_vars: false,
            system: false,
            working_dir: false,
        };
        for (name, gate) in WORLD {
            if !registered.contains(name) {
                continue; // written in R, or not built yet
            }
            if let Whole(_) = gate {
                let src = format!("{}()", if name.contains('.') { format!("`{}`", name) } else { name.to_string() });
                let e = crate::syntax::parse(&src).unwrap();
                let env = it.global.clone();
                match it.eval(&e[0], &env) {
                    Err(crate::error::Flow::Error(e)) => {
                        assert_eq!(e.kind, crate::error::ErrorKind::Denied, "{}: {}", name, e.message)
                    }
                    _ => panic!("{} ran in a sandbox", name),
                }
            }
        }
    }
}
