//! The file system as R scripts see it: `list.files`/`dir`, `Sys.glob`, `file.info`,
//! `file.access`, `file.append`, `file.copy`, `file.rename`, `dir.create`, `dir.exists`,
//! `normalizePath`, `path.expand`, `Sys.readlink`, `Sys.which`, `Sys.info`, `system`,
//! `system2` and `file.show`. Each is gated in `builtins::world`.

use crate::builtins::base::connections::expand;
use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::{RStr, Value, NA_INT};
use std::path::Path;
use std::rc::Rc;

pub const BUILTINS: &[Builtin] = &[
    declared("list.files", list_files),
    declared("dir", list_files),
    declared("list.dirs", list_dirs),
    declared("Sys.glob", sys_glob),
    declared("file.info", file_info),
    declared("file.access", file_access),
    declared("file.append", file_append),
    declared("file.copy", file_copy),
    declared("file.rename", file_rename),
    declared("dir.create", dir_create),
    declared("dir.exists", dir_exists),
    declared("normalizePath", normalize_path),
    declared("path.expand", path_expand),
    declared("Sys.readlink", sys_readlink),
    declared("Sys.which", sys_which),
    declared("Sys.info", sys_info),
    declared("system", system),
    declared("system2", system2),
    declared("file.show", file_show),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("list.files", "list.files(path = \".\", pattern = NULL, all.files = FALSE, full.names = FALSE, recursive = FALSE, ignore.case = FALSE, include.dirs = FALSE, no.. = FALSE)",
            "The names of the files in the folders path (sorted), those matching the regular expression pattern."),
        doc("dir", "dir(path = \".\", pattern = NULL, all.files = FALSE, full.names = FALSE, recursive = FALSE, ignore.case = FALSE, include.dirs = FALSE, no.. = FALSE)",
            "The same as list.files."),
        doc("list.dirs", "list.dirs(path = \".\", full.names = TRUE, recursive = TRUE)",
            "The folders under path (path itself first), sorted."),
        doc("Sys.glob", "Sys.glob(paths, dirmark = FALSE)",
            "The file paths matching the wildcard patterns paths (*, ? and [...]), sorted."),
        doc("file.info", "file.info(..., extra_cols = TRUE)",
            "A data frame of size, isdir, mode, mtime, ctime, atime (and uid, gid, uname, grname) for each file named."),
        doc("file.access", "file.access(names, mode = 0)",
            "0 where the file may be accessed in the mode (0 exists, 1 execute, 2 write, 4 read), -1 where not."),
        doc("file.append", "file.append(file1, file2)", "Appends the files file2 to file1; TRUE where it succeeded."),
        doc("file.copy", "file.copy(from, to, overwrite = recursive, recursive = FALSE, copy.mode = TRUE, copy.date = FALSE)",
            "Copies files from to to (a folder or new names); TRUE where it succeeded."),
        doc("file.rename", "file.rename(from, to)", "Renames files; TRUE where it succeeded."),
        doc("dir.create", "dir.create(path, showWarnings = TRUE, recursive = FALSE, mode = \"0777\")",
            "Creates a folder (and its parents with recursive = TRUE); invisible TRUE if it was made."),
        doc("dir.exists", "dir.exists(paths)", "Whether each path is an existing folder."),
        doc("normalizePath", "normalizePath(path, winslash = \"\\\\\", mustWork = NA)",
            "The absolute, canonical form of each path (symbolic links resolved)."),
        doc("path.expand", "path.expand(path)", "Paths with a leading ~ replaced by the home folder."),
        doc("Sys.readlink", "Sys.readlink(paths)", "The targets of symbolic links (\"\" for paths that are not links)."),
        doc("Sys.which", "Sys.which(names)", "The full paths of the commands names found on the PATH (\"\" where not found)."),
        doc("Sys.info", "Sys.info()", "The system's name, release, version, node name, machine, login and user."),
        doc("system", "system(command, intern = FALSE, ignore.stdout = FALSE, ignore.stderr = FALSE, wait = TRUE, input = NULL, show.output.on.console = TRUE, minimized = FALSE, invisible = TRUE, timeout = 0)",
            "Runs command in the shell; its output is shown (or returned as lines with intern = TRUE); returns the exit status invisibly."),
        doc("system2", "system2(command, args = character(), stdout = \"\", stderr = \"\", stdin = \"\", input = NULL, env = character(), wait = TRUE, minimized = FALSE, invisible = TRUE, timeout = 0)",
            "Runs command with args; stdout = TRUE returns its output as lines, otherwise the exit status invisibly."),
        doc("file.show", "file.show(..., header = rep(\"\", nfiles), title = \"R Information\", delete.file = FALSE, pager = getOption(\"pager\"), encoding = \"\")",
            "Shows the files' text (each after its header), as R's pager does when output is not a terminal."),
    ]
};

fn strs_arg(m: &Matched, name: &str) -> Vec<Option<String>> {
    m.get(name)
        .map(|v| v.str_vec().iter().map(|s| s.as_deref().map(String::from)).collect())
        .unwrap_or_default()
}

fn flag(m: &Matched, name: &str, default: bool) -> bool {
    m.get(name).and_then(|v| v.as_bool().flatten()).unwrap_or(default)
}

fn read_gate(it: &Interp, path: &str) -> EvalResult<()> {
    it.require(crate::eval::Cap::FilesRead, path)
}

/// Names under `dir` (relative to it), walking folders when `recursive`.
fn walk(dir: &Path, rel: &str, all: bool, recursive: bool, include_dirs: bool, out: &mut Vec<(String, bool)>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut names: Vec<(String, bool)> = rd
        .flatten()
        .map(|e| {
            let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
            (e.file_name().to_string_lossy().into_owned(), is_dir)
        })
        .filter(|(n, _)| all || !n.starts_with('.'))
        .collect();
    names.sort();
    for (n, is_dir) in names {
        let r = if rel.is_empty() { n.clone() } else { format!("{}/{}", rel, n) };
        if is_dir && recursive {
            if include_dirs {
                out.push((r.clone(), true));
            }
            walk(&dir.join(&n), &r, all, recursive, include_dirs, out);
        } else {
            out.push((r, is_dir));
        }
    }
}

fn list_files(it: &mut Interp, m: Matched) -> EvalResult {
    let paths: Vec<String> = match m.get("path") {
        Some(v) => v.str_vec().iter().map(|s| s.as_deref().unwrap_or("NA").to_string()).collect(),
        None => vec![".".into()],
    };
    let pattern = match m.get("pattern").and_then(|v| v.as_string()) {
        Some(p) => Some(crate::builtins::base::regex::compile_r_regex(
            &p,
            false,
            false,
            flag(&m, "ignore.case", false),
        )?),
        None => None,
    };
    let all = flag(&m, "all.files", false);
    let full = flag(&m, "full.names", false);
    let recursive = flag(&m, "recursive", false);
    let include_dirs = flag(&m, "include.dirs", false);
    let no_dots = flag(&m, "no..", false);
    let mut out = Vec::new();
    for p in &paths {
        let dir = expand(p);
        read_gate(it, &dir)?;
        let mut found = Vec::new();
        if all && !recursive && !no_dots && Path::new(&dir).is_dir() {
            found.push((".".to_string(), true));
            found.push(("..".to_string(), true));
        }
        walk(Path::new(&dir), "", all, recursive, include_dirs, &mut found);
        for (name, _) in found {
            let base = name.rsplit('/').next().unwrap_or(&name);
            if pattern.as_ref().is_some_and(|re| !re.is_match(base)) {
                continue;
            }
            out.push(if full { format!("{}/{}", p.trim_end_matches('/'), name) } else { name });
        }
    }
    out.sort();
    Ok(Value::strings(&out))
}

fn list_dirs(it: &mut Interp, m: Matched) -> EvalResult {
    let path = m.get("path").and_then(|v| v.as_string()).unwrap_or_else(|| ".".into());
    let full = flag(&m, "full.names", true);
    let recursive = flag(&m, "recursive", true);
    let dir = expand(&path);
    read_gate(it, &dir)?;
    if !Path::new(&dir).is_dir() {
        return Ok(Value::strings::<&str>(&[]));
    }
    let mut found = Vec::new();
    walk(Path::new(&dir), "", true, recursive, true, &mut found);
    let mut out: Vec<String> = if recursive { vec![if full { path.clone() } else { String::new() }] } else { vec![] };
    for (n, is_dir) in found {
        if is_dir {
            out.push(if full { format!("{}/{}", path.trim_end_matches('/'), n) } else { n });
        }
    }
    out.sort();
    Ok(Value::strings(&out))
}

/// Whether `name` matches the wildcard `pat` (`*`, `?`, `[...]`; no leading-dot matches by
/// a wildcard).
fn wild_match(pat: &[char], name: &[char]) -> bool {
    match pat.first() {
        None => name.is_empty(),
        Some('*') => (0..=name.len()).any(|k| wild_match(&pat[1..], &name[k..])),
        Some('?') => !name.is_empty() && wild_match(&pat[1..], &name[1..]),
        Some('[') => {
            let Some(end) = pat.iter().skip(2).position(|&c| c == ']').map(|k| k + 2) else {
                return name.first() == Some(&'[') && wild_match(&pat[1..], &name[1..]);
            };
            let Some(&c) = name.first() else { return false };
            let set = &pat[1..end];
            let (neg, set) = match set.first() {
                Some('!') | Some('^') => (true, &set[1..]),
                _ => (false, set),
            };
            let mut hit = false;
            let mut i = 0;
            while i < set.len() {
                if i + 2 < set.len() && set[i + 1] == '-' {
                    hit |= set[i] <= c && c <= set[i + 2];
                    i += 3;
                } else {
                    hit |= set[i] == c;
                    i += 1;
                }
            }
            hit != neg && wild_match(&pat[end + 1..], &name[1..])
        }
        Some(&p) => name.first() == Some(&p) && wild_match(&pat[1..], &name[1..]),
    }
}

fn glob_one(pattern: &str, out: &mut Vec<String>) {
    let absolute = pattern.starts_with('/');
    let parts: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
    let mut current: Vec<String> = vec![if absolute { "/".into() } else { String::new() }];
    for (k, part) in parts.iter().enumerate() {
        let last = k + 1 == parts.len();
        let mut next = Vec::new();
        let wild = part.contains(['*', '?', '[']);
        for base in &current {
            let join = |n: &str| if base.is_empty() { n.to_string() } else if base.ends_with('/') { format!("{}{}", base, n) } else { format!("{}/{}", base, n) };
            if !wild {
                let p = join(part);
                if Path::new(&p).exists() || (!last && Path::new(&p).is_dir()) {
                    next.push(p);
                }
                continue;
            }
            let dir = if base.is_empty() { ".".to_string() } else { base.clone() };
            let Ok(rd) = std::fs::read_dir(&dir) else { continue };
            let pc: Vec<char> = part.chars().collect();
            let mut names: Vec<String> = rd.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
            names.sort();
            for n in names {
                if n.starts_with('.') && !part.starts_with('.') {
                    continue;
                }
                let nc: Vec<char> = n.chars().collect();
                if wild_match(&pc, &nc) {
                    let p = join(&n);
                    if last || Path::new(&p).is_dir() {
                        next.push(p);
                    }
                }
            }
        }
        current = next;
    }
    if parts.is_empty() {
        return;
    }
    out.extend(current);
}

fn sys_glob(it: &mut Interp, m: Matched) -> EvalResult {
    let dirmark = flag(&m, "dirmark", false);
    let mut out = Vec::new();
    for p in strs_arg(&m, "paths").into_iter().flatten() {
        let p = expand(&p);
        read_gate(it, &p)?;
        glob_one(&p, &mut out);
    }
    out.sort();
    out.dedup();
    if dirmark {
        for p in out.iter_mut() {
            if Path::new(p).is_dir() {
                p.push('/');
            }
        }
    }
    Ok(Value::strings(&out))
}

/// A POSIXct column of seconds.
fn posixct(v: Vec<f64>) -> Value {
    let mut x = Value::dbls(v);
    x.set_attr(Sym::new("class"), Value::strings(&["POSIXct", "POSIXt"]));
    x
}

fn file_info(it: &mut Interp, m: Matched) -> EvalResult {
    use std::os::unix::fs::MetadataExt;
    let mut files: Vec<Option<String>> = Vec::new();
    for (_, v) in &m.dots {
        files.extend(v.str_vec().iter().map(|s| s.as_deref().map(String::from)));
    }
    let extra = flag(&m, "extra_cols", true);
    let n = files.len();
    let (mut size, mut isdir, mut mode) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut mtime, mut ctime, mut atime) = (Vec::new(), Vec::new(), Vec::new());
    let (mut uid, mut gid, mut uname, mut grname) = (Vec::new(), Vec::new(), Vec::<RStr>::new(), Vec::<RStr>::new());
    let na = crate::value::na_real();
    for f in &files {
        let md = match f {
            Some(f) => {
                let p = expand(f);
                read_gate(it, &p)?;
                std::fs::metadata(&p).ok()
            }
            None => None,
        };
        match md {
            Some(md) => {
                size.push(md.len() as f64);
                isdir.push(md.is_dir() as i32);
                mode.push((md.mode() & 0o7777) as i32);
                mtime.push(md.mtime() as f64 + md.mtime_nsec() as f64 * 1e-9);
                ctime.push(md.ctime() as f64 + md.ctime_nsec() as f64 * 1e-9);
                atime.push(md.atime() as f64 + md.atime_nsec() as f64 * 1e-9);
                uid.push(md.uid() as i32);
                gid.push(md.gid() as i32);
                let who = |id: u32| -> RStr { Some(Rc::from(if id == 0 { "root".to_string() } else { id.to_string() })) };
                uname.push(who(md.uid()));
                grname.push(who(md.gid()));
            }
            None => {
                size.push(na);
                isdir.push(NA_INT);
                mode.push(NA_INT);
                mtime.push(na);
                ctime.push(na);
                atime.push(na);
                uid.push(NA_INT);
                gid.push(NA_INT);
                uname.push(None);
                grname.push(None);
            }
        }
    }
    let mut mode_v = Value::ints(mode);
    mode_v.set_attr(Sym::new("class"), Value::str("octmode"));
    let mut cols = vec![
        Value::dbls(size),
        Value::lgls(isdir),
        mode_v,
        posixct(mtime),
        posixct(ctime),
        posixct(atime),
    ];
    let mut names: Vec<String> = ["size", "isdir", "mode", "mtime", "ctime", "atime"].iter().map(|s| s.to_string()).collect();
    if extra {
        cols.extend([Value::ints(uid), Value::ints(gid), Value::strs(uname), Value::strs(grname)]);
        names.extend(["uid", "gid", "uname", "grname"].iter().map(|s| s.to_string()));
    }
    let rows = Value::strs(files.iter().map(|f| Some(Rc::from(f.as_deref().unwrap_or("NA")))).collect());
    Ok(crate::value::frame::make_df(cols, names, rows))
}

fn file_access(it: &mut Interp, m: Matched) -> EvalResult {
    use std::os::unix::fs::PermissionsExt;
    let mode = m.get("mode").and_then(|v| v.as_i32()).unwrap_or(0);
    let mut out = Vec::new();
    for f in strs_arg(&m, "names") {
        let Some(f) = f else {
            out.push(-1);
            continue;
        };
        let p = expand(&f);
        read_gate(it, &p)?;
        let ok = match std::fs::metadata(&p) {
            Err(_) => false,
            Ok(md) => {
                let bits = md.permissions().mode();
                // the owner's bits stand for the user's (rsc runs as the files' owner)
                (mode & 1 == 0 || bits & 0o111 != 0)
                    && (mode & 2 == 0 || !md.permissions().readonly())
                    && (mode & 4 == 0 || bits & 0o444 != 0)
            }
        };
        out.push(if ok { 0 } else { -1 });
    }
    let names: Vec<String> = strs_arg(&m, "names").into_iter().map(|s| s.unwrap_or_else(|| "NA".into())).collect();
    let mut v = Value::ints(out);
    v.set_attr(Sym::new("names"), Value::strings(&names));
    Ok(v)
}

fn file_append(it: &mut Interp, m: Matched) -> EvalResult {
    let a = strs_arg(&m, "file1");
    let b = strs_arg(&m, "file2");
    let n = if a.is_empty() || b.is_empty() { 0 } else { a.len().max(b.len()) };
    let mut out = Vec::new();
    for i in 0..n {
        let (Some(x), Some(y)) = (&a[i % a.len()], &b[i % b.len()]) else {
            out.push(0);
            continue;
        };
        let y = expand(y);
        read_gate(it, &y)?;
        out.push(copy_bytes(it, &y, &expand(x), true) as i32);
    }
    Ok(Value::lgls(out))
}

/// Writes the bytes of file `src` to `dst` (appended or replacing) through the safe write
/// path; false when either side fails.
fn copy_bytes(it: &mut Interp, src: &str, dst: &str, append: bool) -> bool {
    match std::fs::read(src) {
        Ok(bytes) => crate::builtins::io_write_bytes(it, dst, &bytes, append).is_ok(),
        Err(_) => false,
    }
}

fn file_copy(it: &mut Interp, m: Matched) -> EvalResult {
    let from = strs_arg(&m, "from");
    let to = strs_arg(&m, "to");
    let recursive = flag(&m, "recursive", false);
    let overwrite = flag(&m, "overwrite", recursive);
    if to.is_empty() {
        return err("no files to copy to");
    }
    let to_dir = to.len() == 1 && to[0].as_deref().is_some_and(|t| Path::new(&expand(t)).is_dir());
    let mut out = Vec::new();
    for (i, f) in from.iter().enumerate() {
        let Some(f) = f else {
            out.push(0);
            continue;
        };
        let src = expand(f);
        let dst = if to_dir {
            let name = Path::new(&src).file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            format!("{}/{}", expand(to[0].as_deref().unwrap_or(".")).trim_end_matches('/'), name)
        } else {
            match to.get(i).cloned().flatten() {
                Some(t) => expand(&t),
                None => return err("more 'from' files than 'to' files"),
            }
        };
        read_gate(it, &src)?;
        if Path::new(&dst).exists() && !overwrite {
            out.push(0);
            continue;
        }
        out.push(copy_bytes(it, &src, &dst, false) as i32);
    }
    Ok(Value::lgls(out))
}

fn file_rename(it: &mut Interp, m: Matched) -> EvalResult {
    let from = strs_arg(&m, "from");
    let to = strs_arg(&m, "to");
    if from.len() != to.len() {
        return err("'from' and 'to' are of different lengths");
    }
    let mut out = Vec::new();
    for (f, t) in from.iter().zip(to.iter()) {
        let (Some(f), Some(t)) = (f, t) else {
            out.push(0);
            continue;
        };
        let (f, t) = (expand(f), expand(t));
        it.require(crate::eval::Cap::FilesWrite, &t)?;
        let ok = std::fs::rename(&f, &t).is_ok();
        if !ok {
            it.warning(format!(
                "cannot rename file '{}' to '{}', reason 'No such file or directory'",
                f, t
            ));
        }
        out.push(ok as i32);
    }
    Ok(Value::lgls(out))
}

fn dir_create(it: &mut Interp, m: Matched) -> EvalResult {
    let path = m.get("path").and_then(|v| v.as_string()).ok_or_else(|| crate::error::RError::runtime("invalid 'path' argument"))?;
    let p = expand(&path);
    it.require(crate::eval::Cap::FilesWrite, &p)?;
    let warn = flag(&m, "showWarnings", true);
    it.visible = false;
    if Path::new(&p).exists() {
        if warn {
            it.warning(format!("'{}' already exists", path));
        }
        return Ok(Value::lgl(false));
    }
    let r = if flag(&m, "recursive", false) { std::fs::create_dir_all(&p) } else { std::fs::create_dir(&p) };
    if r.is_err() && warn {
        it.warning(format!("cannot create dir '{}', reason 'No such file or directory'", path));
    }
    Ok(Value::lgl(r.is_ok()))
}

fn dir_exists(it: &mut Interp, m: Matched) -> EvalResult {
    let mut out = Vec::new();
    for f in strs_arg(&m, "paths") {
        out.push(match f {
            Some(f) => {
                let p = expand(&f);
                read_gate(it, &p)?;
                Path::new(&p).is_dir() as i32
            }
            None => 0,
        });
    }
    Ok(Value::lgls(out))
}

fn normalize_path(it: &mut Interp, m: Matched) -> EvalResult {
    let must = m.get("mustWork").and_then(|v| v.as_bool()).unwrap_or(None);
    let mut out: Vec<RStr> = Vec::new();
    for (i, f) in strs_arg(&m, "path").into_iter().enumerate() {
        let Some(f) = f else {
            out.push(None);
            continue;
        };
        let p = expand(&f);
        read_gate(it, &p)?;
        match std::fs::canonicalize(&p) {
            Ok(c) => out.push(Some(Rc::from(c.to_string_lossy().as_ref()))),
            Err(_) => {
                let msg = format!("path[{}]=\"{}\": No such file or directory", i + 1, f);
                match must {
                    Some(true) => return err(msg),
                    None => it.warning(msg),
                    Some(false) => {}
                }
                out.push(Some(Rc::from(p.as_str())));
            }
        }
    }
    Ok(Value::strs(out))
}

fn path_expand(_it: &mut Interp, m: Matched) -> EvalResult {
    let v = m.req("path")?;
    if v.vtype() != Some(crate::value::VType::Str) {
        return err("invalid 'path' argument");
    }
    Ok(Value::strs(v.str_vec().iter().map(|s| s.as_deref().map(|s| Rc::from(expand(s).as_str()))).collect()))
}

fn sys_readlink(it: &mut Interp, m: Matched) -> EvalResult {
    let mut out = Vec::new();
    for f in strs_arg(&m, "paths") {
        out.push(match f {
            Some(f) => {
                let p = expand(&f);
                read_gate(it, &p)?;
                std::fs::read_link(&p).map(|t| t.to_string_lossy().into_owned()).unwrap_or_default()
            }
            None => String::new(),
        });
    }
    Ok(Value::strings(&out))
}

fn sys_which(_it: &mut Interp, m: Matched) -> EvalResult {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var("PATH").unwrap_or_default();
    let names = strs_arg(&m, "names");
    let mut out = Vec::new();
    let mut nm = Vec::new();
    for n in &names {
        let n = n.clone().unwrap_or_default();
        let found = if n.is_empty() {
            String::new()
        } else if n.contains('/') {
            if Path::new(&n).is_file() { n.clone() } else { String::new() }
        } else {
            path.split(':')
                .map(|d| format!("{}/{}", d, n))
                .find(|p| std::fs::metadata(p).is_ok_and(|md| md.is_file() && md.permissions().mode() & 0o111 != 0))
                .unwrap_or_default()
        };
        out.push(found);
        nm.push(n);
    }
    let mut v = Value::strings(&out);
    v.set_attr(Sym::new("names"), Value::strings(&nm));
    Ok(v)
}

/// A line of `uname`'s output for flag `f` ("" if it cannot run).
fn uname(f: &str) -> String {
    std::process::Command::new("uname")
        .arg(f)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn sys_info(_it: &mut Interp, _m: Matched) -> EvalResult {
    let user = std::env::var("USER").or_else(|_| std::env::var("LOGNAME")).unwrap_or_else(|_| "unknown".into());
    let vals = [
        ("sysname", uname("-s")),
        ("release", uname("-r")),
        ("version", uname("-v")),
        ("nodename", uname("-n")),
        ("machine", uname("-m")),
        ("login", "unknown".to_string()),
        ("user", user.clone()),
        ("effective_user", user),
    ];
    let mut v = Value::strings(&vals.iter().map(|(_, x)| x.clone()).collect::<Vec<_>>());
    v.set_attr(Sym::new("names"), Value::strings(&vals.iter().map(|(k, _)| *k).collect::<Vec<_>>()));
    Ok(v)
}

/// Runs `sh -c command`; the exit status and what it wrote to standard output.
fn run_shell(it: &mut Interp, command: &str, capture: bool, quiet_out: bool, quiet_err: bool) -> EvalResult<(i32, String)> {
    use std::process::{Command, Stdio};
    it.flush();
    let mut c = Command::new("sh");
    c.arg("-c").arg(command).stdin(Stdio::null());
    c.stdout(Stdio::piped());
    c.stderr(if quiet_err { Stdio::null() } else { Stdio::piped() });
    let o = match c.output() {
        Ok(o) => o,
        Err(e) => return err(format!("error in running command: {}", e)),
    };
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    if !quiet_err && !o.stderr.is_empty() {
        it.write_err(&String::from_utf8_lossy(&o.stderr));
    }
    if !capture && !quiet_out {
        it.write_out(&out);
    }
    Ok((o.status.code().unwrap_or(127), out))
}

fn lines_value(out: &str) -> Value {
    let mut lines: Vec<&str> = out.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    Value::strings(&lines)
}

fn system(it: &mut Interp, m: Matched) -> EvalResult {
    let cmd = m.get("command").and_then(|v| v.as_string()).ok_or_else(|| crate::error::RError::runtime("non-empty character argument expected"))?;
    let intern = flag(&m, "intern", false);
    let (status, out) = run_shell(it, &cmd, intern, flag(&m, "ignore.stdout", false), flag(&m, "ignore.stderr", false))?;
    if intern {
        return Ok(lines_value(&out));
    }
    it.visible = false;
    Ok(Value::int(status))
}

fn system2(it: &mut Interp, m: Matched) -> EvalResult {
    let cmd = m.get("command").and_then(|v| v.as_string()).ok_or_else(|| crate::error::RError::runtime("non-empty character argument expected"))?;
    let args: Vec<String> = strs_arg(&m, "args").into_iter().flatten().collect();
    let full = std::iter::once(cmd).chain(args).collect::<Vec<_>>().join(" ");
    let capture = m.get("stdout").is_some_and(|v| v.as_bool().flatten() == Some(true));
    let quiet_out = m.get("stdout").is_some_and(|v| v.is_null() || v.as_bool().flatten() == Some(false));
    let quiet_err = m.get("stderr").is_some_and(|v| v.is_null() || v.as_bool().flatten() == Some(false));
    let (status, out) = run_shell(it, &full, capture, quiet_out, quiet_err)?;
    if capture {
        return Ok(lines_value(&out));
    }
    it.visible = false;
    Ok(Value::int(status))
}

fn file_show(it: &mut Interp, m: Matched) -> EvalResult {
    let mut files = Vec::new();
    for (_, v) in &m.dots {
        files.extend(v.str_vec().iter().map(|s| s.as_deref().unwrap_or("NA").to_string()));
    }
    let headers = strs_arg(&m, "header");
    let delete = flag(&m, "delete.file", false);
    let mut text = String::new();
    for (i, f) in files.iter().enumerate() {
        let p = expand(f);
        if let Some(Some(h)) = headers.get(i) {
            if !h.is_empty() {
                text.push_str(h);
                text.push_str("\n\n");
            }
        }
        match crate::builtins::base::connections::file_text(it, &p, None) {
            Ok(t) => {
                text.push_str(&t);
                if !t.is_empty() && !t.ends_with('\n') {
                    text.push('\n');
                }
            }
            Err(_) => text.push_str(&format!("NO FILE {}\n", f)),
        }
        text.push('\n');
        if delete {
            it.require(crate::eval::Cap::FilesWrite, &p)?;
            let _ = std::fs::remove_file(&p);
        }
    }
    it.write_out(&text);
    it.visible = false;
    Ok(Value::Null)
}
