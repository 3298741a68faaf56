//! Packages and the search list: `library`, `require`, `requireNamespace`,
//! `loadNamespace`, `search`, `attach`, `detach`, `suppressPackageStartupMessages`.
//!
//! Every function rsc provides lives in the one base environment, so attaching a
//! package rsc provides only records it on the search list; a package it does not provide
//! gets R's error (`library`) or `FALSE` with R's warning (`require`).

use crate::builtins::{declared, special, Builtin, Matched};
use crate::error::{err, EvalResult};
use crate::eval::conditions::make_condition;
use crate::eval::packages::{is_provided, no_package};
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::{Env, Value};

pub const BUILTINS: &[Builtin] = &[
    special("library", library),
    special("require", require),
    declared("requireNamespace", require_namespace),
    declared("loadNamespace", load_namespace),
    declared("isNamespaceLoaded", is_namespace_loaded),
    declared(".packages", dot_packages),
    declared("search", search),
    special("attach", attach),
    special("detach", detach),
    special("suppressPackageStartupMessages", suppress_startup_messages),
];

/// Help entries for this family's builtins, shown by `?name` (see `utils/help.rs`).
pub const DOCS: &[crate::builtins::Doc] = {
    use crate::builtins::doc;
    &[
        doc("library", "library(package, help, pos = 2, lib.loc = NULL, character.only = FALSE, \
             logical.return = FALSE, warn.conflicts, quietly = FALSE, verbose = getOption(\"verbose\"))",
            "Attaches a package, named bare or as a string (a string variable needs character.only = TRUE). \
             rsc provides R's default packages and the functions it implements of others (MASS, splines, ...): \
             attaching one puts it on the search list. An unknown package is an error. Returns the attached \
             packages invisibly (or TRUE/FALSE with logical.return = TRUE)."),
        doc("require", "require(package, lib.loc = NULL, quietly = FALSE, warn.conflicts, character.only = FALSE)",
            "Like library, but returns TRUE invisibly when the package is available and FALSE, with a warning, \
             when it is not."),
        doc("requireNamespace", "requireNamespace(package, ..., quietly = TRUE)",
            "TRUE when rsc provides the package named by the string package, FALSE otherwise (with an error \
             message unless quietly)."),
        doc("loadNamespace", "loadNamespace(package, ...)",
            "Returns the namespace of a package rsc provides (its functions' environment); an unknown package is \
             an error."),
        doc("isNamespaceLoaded", "isNamespaceLoaded(name)",
            "TRUE when rsc provides the package name."),
        doc(".packages", ".packages(all.available = FALSE, lib.loc = NULL)",
            "The names of the attached packages (all that rsc provides with all.available = TRUE), invisibly."),
        doc("search", "search()",
            "The search list: the global environment, attached data and packages, in the order names are \
             looked up."),
        doc("attach", "attach(what, pos = 2L, name = deparse1(substitute(what), backtick = FALSE), \
             warn.conflicts = TRUE)",
            "Puts the columns of a data frame (or the elements of a list, or an environment's variables) on the \
             search list, so they can be named directly. Returns the new environment invisibly."),
        doc("detach", "detach(name, pos = 2L, unload = FALSE, character.only = FALSE, force = FALSE)",
            "Removes an attached data frame or package from the search list (by name, bare or as a string, or by \
             position)."),
        doc("suppressPackageStartupMessages", "suppressPackageStartupMessages(expr)",
            "Evaluates expr and returns its value invisibly; rsc's packages print no start-up messages."),
    ]
};

/// The argument named `name` (exactly or by unique prefix), else the `pos`-th unnamed one.
pub(crate) fn arg_expr<'a>(args: &'a [Arg], name: &str, pos: usize) -> Option<&'a Expr> {
    if let Some(a) = args.iter().find(|a| a.name.map(|n| n.as_str() == name).unwrap_or(false)) {
        return a.value.as_ref();
    }
    args.iter().filter(|a| a.name.is_none()).nth(pos).and_then(|a| a.value.as_ref())
}

fn flag_arg(it: &mut Interp, args: &[Arg], name: &str, env: &Env) -> EvalResult<bool> {
    match args.iter().find(|a| a.name.map(|n| n.as_str() == name).unwrap_or(false)) {
        Some(Arg { value: Some(e), .. }) => Ok(it.eval(e, env)?.as_bool().flatten().unwrap_or(false)),
        _ => Ok(false),
    }
}

/// The package a call names: a bare name, or a string (always one with character.only).
fn package_name(it: &mut Interp, args: &[Arg], env: &Env) -> EvalResult<Option<String>> {
    let Some(e) = arg_expr(args, "package", 0) else {
        return Ok(None);
    };
    let character_only = flag_arg(it, args, "character.only", env)?;
    if let (ExprKind::Ident(s), false) = (&e.kind, character_only) {
        return Ok(Some(s.to_string()));
    }
    match it.eval(e, env)?.as_string() {
        Some(s) => Ok(Some(s)),
        None => err("'package' must be of length 1"),
    }
}

/// Records `name` as attached (first on the search list after the global environment).
fn attach_package(it: &mut Interp, name: &str) {
    if !it.packages.iter().any(|p| p == name) {
        it.packages.insert(0, name.to_string());
    }
}

fn attached(it: &Interp) -> Value {
    Value::strings(&it.packages)
}

fn library(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let logical = flag_arg(it, args, "logical.return", env)?;
    let Some(name) = package_name(it, args, env)? else {
        it.visible = false;
        return Ok(attached(it));
    };
    if !is_provided(&name) {
        if logical {
            it.warning(no_package(&name));
            it.visible = false;
            return Ok(Value::lgl(false));
        }
        return err(no_package(&name));
    }
    attach_package(it, &name);
    it.visible = false;
    Ok(if logical { Value::lgl(true) } else { attached(it) })
}

fn require(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let quietly = flag_arg(it, args, "quietly", env)?;
    let Some(name) = package_name(it, args, env)? else {
        return err("argument \"package\" is missing, with no default");
    };
    it.visible = false;
    if is_provided(&name) {
        attach_package(it, &name);
        return Ok(Value::lgl(true));
    }
    if !quietly {
        let msg = format!("Loading required package: {}\n", name);
        let cond = make_condition(&msg, None, &["packageStartupMessage", "simpleMessage", "message", "condition"]);
        if !it.signal(&cond)? {
            it.write_err(&msg);
        }
    }
    it.raise_warning(
        &no_package(&name),
        Some("library(package, lib.loc = lib.loc, character.only = TRUE, logical.return = TRUE, ".into()),
    )?;
    it.visible = false;
    Ok(Value::lgl(false))
}

fn string_arg(m: &Matched, name: &str) -> EvalResult<String> {
    match m.req(name)?.as_string() {
        Some(s) => Ok(s),
        None => err(format!("invalid '{}' argument", name)),
    }
}

fn require_namespace(it: &mut Interp, m: Matched) -> EvalResult {
    let name = string_arg(&m, "package")?;
    let quietly = m.get("quietly").and_then(|v| v.as_bool().flatten()).unwrap_or(true);
    if !is_provided(&name) && !quietly {
        it.write_err(&format!("Loading required namespace: {}\n", name));
    }
    Ok(Value::lgl(is_provided(&name)))
}

fn load_namespace(it: &mut Interp, m: Matched) -> EvalResult {
    let name = string_arg(&m, "package")?;
    if !is_provided(&name) {
        return err(no_package(&name));
    }
    Ok(Value::Env(it.base.clone()))
}

fn is_namespace_loaded(_it: &mut Interp, m: Matched) -> EvalResult {
    if let Some(Value::Lang(l)) = m.get("name") {
        return Ok(Value::lgl(is_provided(&crate::syntax::deparse::deparse(&l.expr))));
    }
    Ok(Value::lgl(is_provided(&string_arg(&m, "name")?)))
}

fn dot_packages(it: &mut Interp, m: Matched) -> EvalResult {
    it.visible = false;
    if m.get("all.available").and_then(|v| v.as_bool().flatten()).unwrap_or(false) {
        return Ok(Value::strings(crate::eval::packages::PROVIDED_PACKAGES));
    }
    Ok(attached(it))
}

/// The environments `attach` put between the global environment and base, first first.
fn attached_envs(it: &Interp) -> Vec<Env> {
    let mut out = Vec::new();
    let mut cur = it.global.parent();
    while let Some(e) = cur {
        if e.ptr_eq(&it.base) {
            break;
        }
        cur = e.parent();
        out.push(e);
    }
    out
}

fn search(it: &mut Interp, _m: Matched) -> EvalResult {
    let mut names = vec![".GlobalEnv".to_string()];
    for e in attached_envs(it) {
        names.push(e.0.borrow().name.clone().unwrap_or_default());
    }
    for p in &it.packages {
        if p == "base" {
            names.push("Autoloads".into());
        }
        names.push(format!("package:{}", p));
    }
    Ok(Value::strings(&names))
}

fn attach(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let Some(what_expr) = arg_expr(args, "what", 0) else {
        return err("argument \"what\" is missing, with no default");
    };
    let what = it.eval(what_expr, env)?;
    let is_file = what.vtype() == Some(crate::value::VType::Str);
    let name = match arg_expr(args, "name", 2) {
        Some(e) => it.eval(e, env)?.as_string().unwrap_or_default(),
        None if is_file => format!("file:{}", what.as_string().unwrap_or_default()),
        None => crate::syntax::deparse::deparse(what_expr),
    };
    let pos = match arg_expr(args, "pos", 1) {
        Some(e) => it.eval(e, env)?.as_f64().unwrap_or(2.0).max(2.0) as usize - 2,
        None => 0,
    };
    let envs = attached_envs(it);
    let pos = pos.min(envs.len());
    let above = if pos == 0 { it.global.clone() } else { envs[pos - 1].clone() };
    let new = Env::named(above.parent(), &name);
    match &what {
        Value::Null => {}
        _ if is_file => {
            let base = it.base.clone();
            let load = it.get_function(Sym::new("load"), &base)?;
            it.call_value(&load, vec![(None, what.clone()), (Some(Sym::new("envir")), Value::Env(new.clone()))])?;
        }
        Value::Env(src) => {
            for (k, v) in src.bindings() {
                new.set(k, v);
            }
        }
        v if v.vtype() == Some(crate::value::VType::List) => {
            let names = v.names().unwrap_or_default();
            for (i, item) in v.list_vec().iter().enumerate() {
                if let Some(Some(n)) = names.get(i) {
                    new.set(Sym::new(n), item.clone());
                }
            }
        }
        _ => return err("'attach' only works for lists, data frames and environments"),
    }
    above.0.borrow_mut().parent = Some(new.clone());
    it.visible = false;
    Ok(Value::Env(new))
}

fn detach(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let character_only = flag_arg(it, args, "character.only", env)?;
    let target = match arg_expr(args, "name", 0) {
        Some(Expr { kind: ExprKind::Ident(s), .. }) if !character_only => Some(s.to_string()),
        // detach(package:name), unquoted
        Some(e @ Expr { kind: ExprKind::Binary(..), .. }) if !character_only => {
            Some(crate::syntax::deparse::deparse(e).replace(' ', ""))
        }
        Some(e) => match it.eval(e, env)? {
            v if v.as_string().is_some() && v.vtype() == Some(crate::value::VType::Str) => v.as_string(),
            v => v.as_f64().map(|p| format!("#{}", p as i64)),
        },
        None => match arg_expr(args, "pos", 1) {
            Some(e) => it.eval(e, env)?.as_f64().map(|p| format!("#{}", p as i64)),
            None => None,
        },
    };
    let envs = attached_envs(it);
    // a position past the attached environments names a package
    let target = match target.as_deref().and_then(|t| t.strip_prefix('#')).and_then(|p| p.parse::<usize>().ok()) {
        Some(p) if p >= 2 + envs.len() => it.packages.get(p - 2 - envs.len()).map(|p| format!("package:{}", p)),
        _ => target,
    };
    let pos = match target.as_deref() {
        None => Some(0),
        Some(t) if t.starts_with('#') => t[1..].parse::<usize>().ok().and_then(|p| p.checked_sub(2)),
        Some(t) => envs.iter().position(|e| e.0.borrow().name.as_deref() == Some(t)),
    };
    if let Some(i) = pos.filter(|&i| i < envs.len()) {
        let next = envs[i].parent();
        match i.checked_sub(1) {
            Some(j) => envs[j].0.borrow_mut().parent = next,
            None => it.global.0.borrow_mut().parent = next,
        }
        it.visible = false;
        return Ok(Value::Null);
    }
    let pkg = target.as_deref().map(|t| t.strip_prefix("package:").unwrap_or(t).to_string());
    match pkg.and_then(|p| it.packages.iter().position(|x| *x == p)) {
        Some(k) if it.packages[k] != "base" => {
            it.packages.remove(k);
            it.visible = false;
            Ok(Value::Null)
        }
        Some(_) => err("detaching \"package:base\" is not allowed"),
        None => err("invalid 'name' argument"),
    }
}

fn suppress_startup_messages(it: &mut Interp, args: &[Arg], env: &Env, _call: &Expr) -> EvalResult {
    let v = match arg_expr(args, "expr", 0) {
        Some(e) => it.eval(e, env)?,
        None => Value::Null,
    };
    it.visible = false;
    Ok(v)
}
