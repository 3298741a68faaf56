//! Builtin functions, declared in one table per family.

pub mod args;
pub mod format;

pub use args::{Args, Matched};

use crate::error::EvalResult;
use crate::eval::Interp;
use crate::syntax::ast::{Arg, Expr};
use crate::value::{Env, Value};

/// A builtin that receives evaluated arguments.
pub type EagerFn = fn(&mut Interp, Args) -> EvalResult;
/// A builtin that receives its arguments unevaluated (`quote`, `missing`, `switch`, ...):
/// the call's arguments, the calling environment and the whole call expression.
pub type SpecialFn = fn(&mut Interp, &[Arg], &Env, &Expr) -> EvalResult;

/// How a builtin takes its arguments.
#[derive(Clone, Copy)]
pub enum Kind {
    Eager(EagerFn),
    Special(SpecialFn),
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
    Builtin { name, kind: Kind::Eager(f) }
}
/// Declares a special (unevaluated-argument) builtin in a table.
pub const fn special(name: &'static str, f: SpecialFn) -> Builtin {
    Builtin { name, kind: Kind::Special(f) }
}

/// Every family's table.
pub fn tables() -> Vec<&'static [Builtin]> {
    vec![format::BUILTINS]
}

/// Binds every builtin into `env`.
pub fn install(env: &Env) {
    for t in tables() {
        for b in t.iter() {
            let b: &'static Builtin = b;
            env.set(
                crate::syntax::sym::Sym::new(b.name),
                Value::Builtin(std::rc::Rc::new(Builtin { name: b.name, kind: b.kind })),
            );
        }
    }
}
