//! Builtin functions, declared in one table per family.

pub mod aggregate;
pub mod aov;
pub mod apply;
pub mod args;
pub mod arrays;
pub mod base;
pub mod conditions;
pub mod distributions;
pub mod factor;
pub mod format;
pub mod frame_io;
pub mod frame_verbs;
pub mod frames;
pub mod glm;
pub mod glm_stream;
pub mod help;
pub mod htest;
pub mod htest2;
pub mod htest3;
pub mod io;
pub mod lang;
pub mod lm_large;
pub mod lm_stream;
pub mod math;
pub mod mathfns;
pub mod matrix;
pub mod models;
pub mod models_diag;
pub mod operators;
pub mod optim;
pub mod print_fns;
pub mod random;
pub mod regex;
pub mod reshape;
pub mod safe_write;
pub mod seq;
pub mod sort;
pub mod sprintf;
pub mod stats;
pub mod str_display;
pub mod strings;
pub mod summary;
pub mod tables2;
#[cfg(test)]
pub mod test_util;
pub mod vectors;
pub mod xtabs;

pub use args::{Args, Matched};

use crate::error::EvalResult;
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr};
use crate::syntax::sym::Sym;
use crate::value::{Data, Env, VType, Value};
use std::rc::Rc;

/// A builtin that receives evaluated arguments.
pub type EagerFn = fn(&mut Interp, Args) -> EvalResult;
/// A builtin that receives its arguments unevaluated (`quote`, `missing`, `switch`, ...):
/// the call's arguments, the calling environment and the whole call expression.
pub type SpecialFn = fn(&mut Interp, &[Arg], &Env, &Expr) -> EvalResult;

/// A function registered by the host program (see `Interpreter::register_fn`).
pub type NativeFn = Rc<dyn Fn(&mut Interp, Args) -> EvalResult>;

/// How a builtin takes its arguments.
#[derive(Clone, Copy)]
pub enum Kind {
    Eager(EagerFn),
    Special(SpecialFn),
    /// A host function: index into the interpreter's registry of natives.
    Native(usize),
}

/// One builtin: its R name and implementation.
pub struct Builtin {
    pub name: &'static str,
    pub kind: Kind,
}

impl std::fmt::Debug for Builtin {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "<builtin {}>", self.name)
    }
}

/// Declares an eager builtin in a table.
pub const fn eager(name: &'static str, f: EagerFn) -> Builtin {
    Builtin {
        name,
        kind: Kind::Eager(f),
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
    vec![
        base::DOCS,
        lang::DOCS,
        conditions::DOCS,
        vectors::DOCS,
        format::DOCS,
        apply::DOCS,
        math::DOCS,
        seq::DOCS,
        sort::DOCS,
        stats::DOCS,
        print_fns::DOCS,
        matrix::DOCS,
        arrays::DOCS,
        factor::DOCS,
        frames::DOCS,
        frame_verbs::DOCS,
        io::DOCS,
        aggregate::DOCS,
        operators::DOCS,
        strings::DOCS,
        regex::DOCS,
        sprintf::DOCS,
        summary::DOCS,
        models::DOCS,
        glm::DOCS,
        distributions::DOCS,
        htest::DOCS,
        htest2::DOCS,
        htest3::DOCS,
        models_diag::DOCS,
        tables2::DOCS,
        random::DOCS,
        aov::DOCS,
        optim::DOCS,
        help::DOCS,
        frame_io::DOCS,
        reshape::DOCS,
        xtabs::DOCS,
        str_display::DOCS,
    ]
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
    vec![
        base::BUILTINS,
        lang::BUILTINS,
        conditions::BUILTINS,
        vectors::BUILTINS,
        format::BUILTINS,
        apply::BUILTINS,
        math::BUILTINS,
        seq::BUILTINS,
        sort::BUILTINS,
        stats::BUILTINS,
        print_fns::BUILTINS,
        matrix::BUILTINS,
        arrays::BUILTINS,
        factor::BUILTINS,
        frames::BUILTINS,
        frame_verbs::BUILTINS,
        io::BUILTINS,
        frame_io::BUILTINS,
        aggregate::BUILTINS,
        operators::BUILTINS,
        strings::BUILTINS,
        regex::BUILTINS,
        sprintf::BUILTINS,
        summary::BUILTINS,
        str_display::BUILTINS,
        models::BUILTINS,
        glm::BUILTINS,
        distributions::BUILTINS,
        htest::BUILTINS,
        htest2::BUILTINS,
        htest3::BUILTINS,
        models_diag::BUILTINS,
        tables2::BUILTINS,
        random::BUILTINS,
        aov::BUILTINS,
        optim::BUILTINS,
        help::BUILTINS,
        reshape::BUILTINS,
        xtabs::BUILTINS,
    ]
}

/// Binds every builtin into `env`.
pub fn install(env: &Env) {
    for t in tables() {
        for b in t.iter() {
            env.set(
                Sym::new(b.name),
                Value::Builtin(Rc::new(Builtin {
                    name: b.name,
                    kind: b.kind,
                })),
            );
        }
    }
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
        ("integer.max".into(), Value::int(i32::MAX)),
        ("double.digits".into(), Value::int(53)),
        ("sizeof.pointer".into(), Value::int(8)),
    ]);
    b.set(Sym::new(".Machine"), machine);
    b.set(Sym::new(".GlobalEnv"), Value::Env(it.global.clone()));
}

/// `typeof()` of a value.
pub fn type_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "NULL",
        Value::Vector(v) => v.data.vtype().type_name(),
        Value::Closure(_) => "closure",
        Value::Builtin(_) => "builtin",
        Value::Env(_) => "environment",
        Value::Lang(l) => match l.expr.kind {
            crate::syntax::ast::ExprKind::Ident(_) => "symbol",
            _ => "language",
        },
        Value::Promise(_) => "promise",
        Value::Missing => "symbol",
        Value::Extern(_) => "externalptr",
    }
}

/// The class R gives a value with no class attribute.
pub fn implicit_class(v: &Value) -> Vec<String> {
    if let Some(d) = v.dim() {
        let mut c = vec![if d.len() == 2 {
            "matrix".to_string()
        } else {
            "array".to_string()
        }];
        if d.len() == 2 {
            c.push("array".into());
        }
        return c;
    }
    vec![match v {
        Value::Null => "NULL".into(),
        Value::Vector(x) => match x.data.vtype() {
            VType::Dbl => "numeric".into(),
            t => t.class_name().into(),
        },
        Value::Closure(_) | Value::Builtin(_) => "function".into(),
        Value::Env(_) => "environment".into(),
        Value::Extern(x) => x.0.class().into(),
        Value::Lang(l) => match &l.expr.kind {
            crate::syntax::ast::ExprKind::Ident(_) => "name".into(),
            crate::syntax::ast::ExprKind::If(..) => "if".into(),
            crate::syntax::ast::ExprKind::For(..) => "for".into(),
            crate::syntax::ast::ExprKind::Assign(..) => "<-".into(),
            crate::syntax::ast::ExprKind::Block(..) => "{".into(),
            crate::syntax::ast::ExprKind::Paren(..) => "(".into(),
            _ => "call".into(),
        },
        _ => "NULL".into(),
    }]
}

/// The full class vector (`class(x)`).
pub fn class_of(v: &Value) -> Vec<String> {
    v.class_attr().unwrap_or_else(|| implicit_class(v))
}

/// A character vector of length one, for error messages.
pub fn data_len(d: &Data) -> usize {
    d.len()
}

/// Writes text to a file for `cat(file=)` and friends.
pub fn io_write(it: &mut Interp, path: &str, text: &str, append: bool) -> EvalResult<()> {
    if append {
        safe_write::append_text(it, path, text)
    } else {
        safe_write::write_text(it, path, text)
    }
}

#[cfg(test)]
mod doc_tests {
    use std::collections::{HashMap, HashSet};

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
