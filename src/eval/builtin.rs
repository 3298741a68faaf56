//! The registry of builtins: functions written in Rust, held by id so that values and the
//! evaluator never name the modules that define them.

use super::args::{Args, Matched};
use super::Interp;
use crate::error::EvalResult;
use crate::syntax::ast::{Arg, Expr};
use crate::syntax::sym::Sym;
use crate::value::{Builtin, Env, Value};
use std::rc::Rc;

/// A builtin that receives evaluated arguments.
pub type EagerFn = fn(&mut Interp, Args) -> EvalResult;
/// A builtin that receives its arguments unevaluated (`quote`, `missing`, `switch`, ...):
/// the call's arguments, the calling environment and the whole call expression.
pub type SpecialFn = fn(&mut Interp, &[Arg], &Env, &Expr) -> EvalResult;
/// A builtin whose arguments the evaluator matches against its declared formals.
pub type DeclaredFn = fn(&mut Interp, Matched) -> EvalResult;
/// A function registered by the host program (see `Interpreter::register_fn`).
pub type NativeFn = Rc<dyn Fn(&mut Interp, Args) -> EvalResult>;

/// How a builtin takes its arguments.
#[derive(Clone, Copy)]
pub enum Kind {
    Eager(EagerFn),
    Special(SpecialFn),
    /// Evaluated arguments matched to these formals before the call.
    Declared(DeclaredFn, &'static [&'static str]),
    /// A host function: index into the interpreter's natives.
    Native(usize),
}

impl Interp {
    /// Adds a builtin to the registry and returns it as a function value.
    pub fn register_builtin(&mut self, name: &'static str, kind: Kind) -> Value {
        self.builtins.push(kind);
        Value::Builtin(Rc::new(Builtin {
            name,
            id: self.builtins.len() - 1,
        }))
    }

    /// Registers a builtin and binds it in the base environment.
    pub fn define_builtin(&mut self, name: &'static str, kind: Kind) {
        let f = self.register_builtin(name, kind);
        self.base.set(Sym::new(name), f);
    }

    /// How the builtin `b` takes its arguments.
    #[inline]
    pub fn builtin_kind(&self, b: &Builtin) -> Kind {
        self.builtins[b.id]
    }

    /// Makes the builtin bound to `name` an internal generic: called on an object whose
    /// class has a method `name.class` (a closure or builtin), it calls that method instead.
    /// `group` ("Summary", "Math") is also tried; a builtin group method gets the generic's
    /// name as the argument `.Generic`.
    pub fn set_generic(&mut self, name: &str) {
        if let Some(Value::Builtin(b)) = self.base.get_local(Sym::new(name)) {
            if self.generic.len() <= b.id {
                self.generic.resize(b.id + 1, false);
            }
            self.generic[b.id] = true;
        }
    }

    /// Whether the builtin with this id dispatches on class first.
    #[inline]
    pub(crate) fn is_generic(&self, id: usize) -> bool {
        self.generic.get(id).copied().unwrap_or(false)
    }

    /// Registers a host function and binds it in the base environment under `name`.
    pub fn define_native(&mut self, name: &'static str, f: NativeFn) {
        self.natives.push(f);
        self.define_builtin(name, Kind::Native(self.natives.len() - 1));
    }
}
