//! Builtin functions, declared in one table per family.

/// In tests: the builtin registered as `$name`, as an eager function that matches its
/// arguments as a script's call would (`call(named!("mean"), args)`).
#[cfg(test)]
macro_rules! named {
    ($name:literal) => {
        |it: &mut crate::eval::Interp, a: crate::builtins::Args| {
            crate::builtins::test_util::call_named(it, $name, a)
        }
    };
}

pub mod base;
pub mod formals;
pub mod graphics;
pub mod methods;
#[allow(non_snake_case)]
pub mod grDevices;
pub mod r_defined;
pub mod stats;
#[cfg(test)]
pub mod test_util;
pub mod utils;
pub mod world;

pub use crate::eval::args::{Args, Matched};

use crate::error::EvalResult;
use crate::eval::Interp;
pub use crate::eval::{DeclaredFn, EagerFn, Kind, NativeFn, SpecialFn};
use crate::syntax::sym::Sym;
use crate::value::{Data, Value};

/// One entry of a family's table: a builtin's R name and implementation.
pub struct Builtin {
    pub name: &'static str,
    pub kind: Kind,
}

impl Builtin {
    /// How the builtin takes its arguments, with a declared builtin's formals read from
    /// its usage line.
    pub fn resolved_kind(&self) -> Kind {
        match self.kind {
            Kind::Declared(f, _) => {
                Kind::Declared(f, formals::declared_formals(self.name).unwrap_or(&["..."]))
            }
            k => k,
        }
    }
}

/// Declares an eager builtin in a table.
pub const fn eager(name: &'static str, f: EagerFn) -> Builtin {
    Builtin {
        name,
        kind: Kind::Eager(f),
    }
}
/// Declares a builtin whose arguments the evaluator matches, by name, against the formals
/// of its help entry's usage line (see `formals.rs`).
pub const fn declared(name: &'static str, f: DeclaredFn) -> Builtin {
    Builtin {
        name,
        kind: Kind::Declared(f, &[]),
    }
}
/// Declares a special (unevaluated-argument) builtin in a table.
pub const fn special(name: &'static str, f: SpecialFn) -> Builtin {
    Builtin {
        name,
        kind: Kind::Special(f),
    }
}

/// A builtin's help entry (`?name`): its usage line and a short description.
pub struct Doc {
    pub name: &'static str,
    pub usage: &'static str,
    pub text: &'static str,
}

/// Declares a help entry in a family's `DOCS` table.
pub const fn doc(name: &'static str, usage: &'static str, text: &'static str) -> Doc {
    Doc { name, usage, text }
}

/// Every family's help entries (one per builtin name, kept beside its `BUILTINS` table).
pub fn docs() -> Vec<&'static [Doc]> {
    let mut d = base::docs();
    d.extend(stats::docs());
    d.extend(utils::docs());
    d.extend(methods::docs());
    d.extend(graphics::docs());
    d.extend(grDevices::docs());
    d
}

/// The help entry for a builtin name.
pub fn find_doc(name: &str) -> Option<&'static Doc> {
    docs()
        .into_iter()
        .flat_map(|t| t.iter())
        .find(|d| d.name == name)
}

/// Every family's table.
pub fn tables() -> Vec<&'static [Builtin]> {
    let mut t = base::tables();
    t.extend(stats::tables());
    t.extend(utils::tables());
    t.extend(methods::tables());
    t.extend(graphics::tables());
    t.extend(grDevices::tables());
    t
}

/// Registers every builtin and binds it, with the constants, in the base environment.
pub fn install(it: &mut Interp) {
    for t in tables() {
        for b in t.iter() {
            it.define_builtin(b.name, b.resolved_kind());
        }
    }
    install_constants(it);
    let muffle = it.register_builtin("invokeRestart", Kind::Eager(base::conditions::muffle_fn));
    it.base.set(Sym::new(base::conditions::MUFFLE_NAME), muffle);
    it.printer = Some(base::print::print_dispatch);
    methods::install(it);
    it.late_base = Some(r_defined::late_base);
    it.ops_hook = Some(base::difftime::date_ops);
    crate::stats::time::zone::set_session_tz(None);
    for g in GENERICS {
        it.set_generic(g);
    }
    world::install(it);
}

/// Builtins that dispatch on their first argument's class to `name.class` methods (closures
/// or builtins) before doing their own work, as R's internal generics do.
const GENERICS: &[&str] = &[
    "format", "as.character", "seq", "mean", "cut", "trunc", "round", "diff", "c", "rep",
    "min", "max", "range", "sum", "as.numeric", "as.double",
    // model and object generics (some with methods written in R: nls, ts, dist, ...)
    "t", "as.matrix", "labels", "fitted", "predict", "coef", "residuals", "logLik", "vcov",
    "formula", "resid", "fitted.values", "deviance", "df.residual", "nobs", "weights", "anova",
    "quantile", "sigma", "sort", "confint",
    // POSIXlt methods (`length.POSIXlt`, ...) and others written in R
    "length", "is.na", "rev",
];

/// A new interpreter writing to stdout and stderr, with every builtin installed.
pub fn interp() -> Interp {
    let mut it = Interp::new();
    install(&mut it);
    it
}

/// Binds constants (`T`, `F`, `pi`, `letters`, `.Machine`, ...) into the base environment.
pub fn install_constants(it: &mut Interp) {
    let b = it.base.clone();
    b.set(Sym::new("T"), Value::lgl(true));
    b.set(Sym::new("F"), Value::lgl(false));
    b.set(Sym::new("pi"), Value::num(std::f64::consts::PI));
    let letters: Vec<String> = ('a'..='z').map(|c| c.to_string()).collect();
    let upper: Vec<String> = ('A'..='Z').map(|c| c.to_string()).collect();
    b.set(Sym::new("letters"), Value::strings(&letters));
    b.set(Sym::new("LETTERS"), Value::strings(&upper));
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    b.set(Sym::new("month.name"), Value::strings(&months));
    let abb: Vec<String> = months.iter().map(|m| m[..3].to_string()).collect();
    b.set(Sym::new("month.abb"), Value::strings(&abb));
    let machine = Value::named_list(vec![
        ("double.eps".into(), Value::num(f64::EPSILON)),
        ("double.neg.eps".into(), Value::num(f64::EPSILON / 2.0)),
        ("double.xmin".into(), Value::num(f64::MIN_POSITIVE)),
        ("double.xmax".into(), Value::num(f64::MAX)),
        ("double.base".into(), Value::int(2)),
        ("double.digits".into(), Value::int(53)),
        ("double.rounding".into(), Value::int(5)),
        ("double.guard".into(), Value::int(0)),
        ("double.ulp.digits".into(), Value::int(-52)),
        ("double.neg.ulp.digits".into(), Value::int(-53)),
        ("double.exponent".into(), Value::int(11)),
        ("double.min.exp".into(), Value::int(-1022)),
        ("double.max.exp".into(), Value::int(1024)),
        ("integer.max".into(), Value::int(i32::MAX)),
        ("sizeof.long".into(), Value::int(8)),
        ("sizeof.longlong".into(), Value::int(8)),
        ("sizeof.longdouble".into(), Value::int(16)),
        ("sizeof.pointer".into(), Value::int(8)),
        ("sizeof.time_t".into(), Value::int(8)),
        // x86-64's 80-bit long double, as R reports it there
        ("longdouble.eps".into(), Value::num(2f64.powi(-63))),
        ("longdouble.neg.eps".into(), Value::num(2f64.powi(-64))),
        ("longdouble.digits".into(), Value::int(64)),
        ("longdouble.rounding".into(), Value::int(5)),
        ("longdouble.guard".into(), Value::int(0)),
        ("longdouble.ulp.digits".into(), Value::int(-63)),
        ("longdouble.neg.ulp.digits".into(), Value::int(-64)),
        ("longdouble.exponent".into(), Value::int(15)),
        ("longdouble.min.exp".into(), Value::int(-16382)),
        ("longdouble.max.exp".into(), Value::int(16384)),
    ]);
    b.set(Sym::new(".Machine"), machine);
    b.set(Sym::new(".GlobalEnv"), Value::Env(it.global.clone()));
    b.set(Sym::new(".Last.value"), Value::Null);
    base::platform::install_constants(&b);
}

/// A character vector of length one, for error messages.
pub fn data_len(d: &Data) -> usize {
    d.len()
}

/// Writes text to a file for `cat(file=)` and friends.
pub fn io_write(it: &mut Interp, path: &str, text: &str, append: bool) -> EvalResult<()> {
    if append {
        base::safe_write::append_text(it, path, text)
    } else {
        base::safe_write::write_text(it, path, text)
    }
}

/// [`io_write`] for bytes already encoded (a declared `fileEncoding`).
pub fn io_write_bytes(it: &mut Interp, path: &str, bytes: &[u8], append: bool) -> EvalResult<()> {
    if append {
        base::safe_write::append_bytes(it, path, bytes)
    } else {
        base::safe_write::write_bytes(it, path, bytes)
    }
}

#[cfg(test)]
mod doc_tests {
    use std::collections::{HashMap, HashSet};

    /// No two tables register the same name (the later one would silently win).
    #[test]
    fn every_builtin_name_is_registered_once() {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for b in super::tables().iter().flat_map(|t| t.iter()) {
            *seen.entry(b.name).or_default() += 1;
        }
        let mut dup: Vec<&str> = seen
            .iter()
            .filter(|(_, &c)| c > 1)
            .map(|(n, _)| *n)
            .collect();
        dup.sort();
        assert!(
            dup.is_empty(),
            "builtins registered more than once: {:?}",
            dup
        );
    }

    /// Every builtin has exactly one help entry, and every entry names a builtin.
    #[test]
    fn every_builtin_is_documented_once() {
        let names: HashSet<&str> = super::tables()
            .iter()
            .flat_map(|t| t.iter().map(|b| b.name))
            .collect();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for d in super::docs().iter().flat_map(|t| t.iter()) {
            *seen.entry(d.name).or_default() += 1;
            assert!(
                names.contains(d.name),
                "help entry for `{}`, which is not a builtin",
                d.name
            );
            assert!(
                !d.usage.is_empty() && !d.text.is_empty(),
                "empty help entry for `{}`",
                d.name
            );
        }
        let mut missing: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| !seen.contains_key(n))
            .collect();
        missing.sort();
        assert!(
            missing.is_empty(),
            "builtins without a help entry: {:?}",
            missing
        );
        let dup: Vec<_> = seen.iter().filter(|(_, &c)| c > 1).collect();
        assert!(
            dup.is_empty(),
            "builtins with more than one help entry: {:?}",
            dup
        );
    }
}
