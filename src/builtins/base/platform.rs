//! The platform and the running program: `.Platform`, `R.version`, `R.home`,
//! `system.file`, locales (`Sys.getlocale`, `l10n_info`), `Sys.getpid`, `Sys.sleep`,
//! `capabilities`.

use crate::builtins::{declared, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::Interp;
use crate::syntax::sym::Sym;
use crate::value::{Env, Value};

pub const BUILTINS: &[Builtin] = &[
    declared("R.home", r_home),
    declared("system.file", system_file),
    declared("Sys.getlocale", sys_getlocale),
    declared("Sys.setlocale", sys_setlocale),
    declared("l10n_info", l10n_info),
    declared("Sys.getpid", sys_getpid),
    declared("Sys.sleep", sys_sleep),
    declared("capabilities", capabilities),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("R.home", "R.home(component = \"home\")",
            "The directory rsc runs from (the folder holding its executable), or a component's folder under it."),
        doc("system.file", "system.file(..., package = \"base\", lib.loc = NULL, mustWork = FALSE)",
            "The path of a file shipped with a package. rsc ships no package files, so this is \"\" (an error \
             with mustWork = TRUE), as R gives for a file that does not exist."),
        doc("Sys.getlocale", "Sys.getlocale(category = \"LC_ALL\")",
            "The locale rsc runs in: UTF-8 text with C collation and number formats."),
        doc("Sys.setlocale", "Sys.setlocale(category = \"LC_ALL\", locale = \"\")",
            "Accepted for compatibility: rsc keeps its one locale and returns its name."),
        doc("l10n_info", "l10n_info()", "Facts about the locale: multibyte, UTF-8, Latin-1, the code set."),
        doc("Sys.getpid", "Sys.getpid()", "The process id of the running program."),
        doc("Sys.sleep", "Sys.sleep(time)", "Pauses for time seconds."),
        doc("capabilities", "capabilities(what = NULL, ...)",
            "Which optional features this build has, as a named logical vector."),
    ]
};

/// The constants describing the platform (`.Platform`, `R.version`, `version`,
/// `R.version.string`), bound in the base environment at start-up.
pub fn install_constants(base: &Env) {
    let s = |x: &str| Value::str(x);
    base.set(
        Sym::new(".Platform"),
        Value::named_list(vec![
            ("OS.type".into(), s(if cfg!(windows) { "windows" } else { "unix" })),
            ("file.sep".into(), s("/")),
            ("dynlib.ext".into(), s(if cfg!(windows) { ".dll" } else { ".so" })),
            ("GUI".into(), s("X11")),
            ("endian".into(), s(if cfg!(target_endian = "big") { "big" } else { "little" })),
            ("pkgType".into(), s("source")),
            ("path.sep".into(), s(if cfg!(windows) { ";" } else { ":" })),
            ("r_arch".into(), s("")),
        ]),
    );
    let string = format!("rsc version {} (R 4.2 compatible)", env!("CARGO_PKG_VERSION"));
    let mut version = Value::named_list(vec![
        ("platform".into(), s(&format!("{}-{}", std::env::consts::ARCH, std::env::consts::OS))),
        ("arch".into(), s(std::env::consts::ARCH)),
        ("os".into(), s(std::env::consts::OS)),
        ("system".into(), s(&format!("{}, {}", std::env::consts::ARCH, std::env::consts::OS))),
        ("status".into(), s("")),
        ("major".into(), s("4")),
        ("minor".into(), s("2.2")),
        ("year".into(), s("2022")),
        ("month".into(), s("11")),
        ("day".into(), s("10")),
        ("svn rev".into(), s("")),
        ("language".into(), s("R")),
        ("version.string".into(), s(&string)),
        ("nickname".into(), s("rsc")),
    ]);
    version.set_attr(Sym::new("class"), s("simple.list"));
    base.set(Sym::new("R.version"), version.clone());
    base.set(Sym::new("version"), version);
    base.set(Sym::new("R.version.string"), s(&string));
}

fn r_home(_it: &mut Interp, m: Matched) -> EvalResult {
    let home = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(|d| d.display().to_string()))
        .unwrap_or_else(|| ".".into());
    match m.get("component").and_then(|v| v.as_string()).as_deref() {
        None | Some("home") => Ok(Value::str(&home)),
        Some(c) => Ok(Value::str(&format!("{}/{}", home, c))),
    }
}

fn system_file(_it: &mut Interp, m: Matched) -> EvalResult {
    let must = m.get("mustWork").and_then(|v| v.as_bool().flatten()).unwrap_or(false);
    if must {
        return err("no file found");
    }
    Ok(Value::str(""))
}

const LOCALE: &str = "LC_CTYPE=C.UTF-8;LC_NUMERIC=C;LC_TIME=C.UTF-8;LC_COLLATE=C.UTF-8;\
LC_MONETARY=C.UTF-8;LC_MESSAGES=C.UTF-8;LC_PAPER=C.UTF-8;LC_NAME=C;LC_ADDRESS=C;\
LC_TELEPHONE=C;LC_MEASUREMENT=C.UTF-8;LC_IDENTIFICATION=C";

/// The locale categories `Sys.getlocale()` reports, in its order.
const CATEGORIES: [&str; 12] = [
    "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES", "LC_PAPER",
    "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION",
];

thread_local! {
    /// The session's locale, per category (changed by `Sys.setlocale`).
    static SESSION_LOCALE: std::cell::RefCell<Vec<String>> = std::cell::RefCell::new(
        CATEGORIES.iter().map(|c| default_locale(c)).collect(),
    );
}

/// A category's value at start-up.
fn default_locale(category: &str) -> String {
    LOCALE
        .split(';')
        .find_map(|kv| kv.strip_prefix(category).and_then(|r| r.strip_prefix('=')))
        .unwrap_or("C")
        .to_string()
}

fn locale_of(category: &str) -> String {
    SESSION_LOCALE.with(|l| {
        let l = l.borrow();
        if category == "LC_ALL" {
            return CATEGORIES.iter().zip(l.iter()).map(|(c, v)| format!("{}={}", c, v)).collect::<Vec<_>>().join(";");
        }
        CATEGORIES.iter().position(|c| *c == category).map(|i| l[i].clone()).unwrap_or_else(|| "C".into())
    })
}

fn sys_getlocale(_it: &mut Interp, m: Matched) -> EvalResult {
    let c = m.get("category").and_then(|v| v.as_string()).unwrap_or_else(|| "LC_ALL".into());
    Ok(Value::str(&locale_of(&c)))
}

/// `Sys.setlocale`: the C, POSIX and C.UTF-8 locales (the ones rsc's host data covers);
/// LC_COLLATE "C" or "POSIX" collates by bytes. Returns the new setting, or "" with R's
/// warning for a locale that cannot be set.
fn sys_setlocale(it: &mut Interp, m: Matched) -> EvalResult {
    let c = m.get("category").and_then(|v| v.as_string()).unwrap_or_else(|| "LC_ALL".into());
    let loc = m.get("locale").and_then(|v| v.as_string()).unwrap_or_default();
    let settable = ["LC_ALL", "LC_COLLATE", "LC_CTYPE", "LC_MONETARY", "LC_NUMERIC", "LC_TIME",
        "LC_MESSAGES", "LC_PAPER", "LC_MEASUREMENT"];
    if !settable.contains(&c.as_str()) {
        return err("invalid 'category' argument");
    }
    let value = match loc.as_str() {
        "" => None,
        "C" | "POSIX" | "C.UTF-8" | "C.utf8" => Some(loc.clone()),
        _ => {
            it.warning(format!("OS reports request to set locale to \"{}\" cannot be honored", loc));
            return Ok(Value::str(""));
        }
    };
    if c == "LC_NUMERIC" && value.as_deref().is_some_and(|v| v != "C" && v != "POSIX") {
        it.warning("setting 'LC_NUMERIC' may cause R to function strangely");
    }
    let cats: Vec<&str> = if c == "LC_ALL" {
        vec!["LC_CTYPE", "LC_TIME", "LC_COLLATE", "LC_MONETARY"]
    } else {
        vec![c.as_str()]
    };
    SESSION_LOCALE.with(|l| {
        let mut l = l.borrow_mut();
        for cat in cats {
            if let Some(i) = CATEGORIES.iter().position(|x| *x == cat) {
                l[i] = value.clone().unwrap_or_else(|| default_locale(cat));
            }
        }
    });
    let collate = locale_of("LC_COLLATE");
    crate::value::collate::set_c_collation(collate == "C" || collate == "POSIX");
    Ok(Value::str(&locale_of(&c)))
}

fn l10n_info(_it: &mut Interp, _m: Matched) -> EvalResult {
    Ok(Value::named_list(vec![
        ("MBCS".into(), Value::lgl(true)),
        ("UTF-8".into(), Value::lgl(true)),
        ("Latin-1".into(), Value::lgl(false)),
        ("codeset".into(), Value::str("UTF-8")),
    ]))
}

fn sys_getpid(_it: &mut Interp, _m: Matched) -> EvalResult {
    Ok(Value::int(std::process::id() as i32))
}

fn sys_sleep(it: &mut Interp, m: Matched) -> EvalResult {
    let t = m.req("time")?.as_f64().unwrap_or(f64::NAN);
    if !t.is_finite() || t < 0.0 {
        return err("invalid 'time' value");
    }
    // in slices, so an interrupt or the time budget stops the pause
    let end = std::time::Instant::now() + std::time::Duration::from_secs_f64(t.min(1e6));
    loop {
        it.check_now()?;
        let now = std::time::Instant::now();
        if now >= end {
            break;
        }
        std::thread::sleep((end - now).min(std::time::Duration::from_millis(20)));
    }
    it.visible = false;
    Ok(Value::Null)
}

fn capabilities(_it: &mut Interp, m: Matched) -> EvalResult {
    let all = [
        ("jpeg", false), ("png", false), ("tiff", false), ("tcltk", false), ("X11", false),
        ("aqua", false), ("http/ftp", false), ("sockets", false), ("libxml", false),
        ("fifo", false), ("cledit", true), ("iconv", true), ("NLS", false), ("Rprof", false),
        ("profmem", false), ("cairo", false), ("ICU", false), ("long.double", false), ("libcurl", false),
    ];
    let wanted: Option<Vec<String>> = m.get("what").and_then(|v| v.as_strings());
    let items: Vec<(&str, bool)> = all
        .iter()
        .filter(|(n, _)| wanted.as_ref().map(|w| w.iter().any(|x| x == n)).unwrap_or(true))
        .copied()
        .collect();
    let mut v = Value::lgls(items.iter().map(|x| x.1 as i32).collect());
    v.set_attr(Sym::new("names"), Value::strings(&items.iter().map(|x| x.0).collect::<Vec<_>>()));
    Ok(v)
}
