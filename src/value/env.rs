//! Environments: variable frames chained to a parent.

use super::Value;
use crate::syntax::sym::Sym;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

const INDEX_AT: usize = 12;

/// One frame of variables. Small frames are scanned; large ones get a hash index.
#[derive(Debug)]
pub struct Frame {
    vars: Vec<(Sym, Value)>,
    index: Option<HashMap<Sym, usize>>,
    pub parent: Option<Env>,
    /// A label for printing (`<environment: R_GlobalEnv>`).
    pub name: Option<String>,
}

/// A shared, mutable environment.
#[derive(Clone, Debug)]
pub struct Env(pub Rc<RefCell<Frame>>);

impl Env {
    pub fn new(parent: Option<Env>) -> Env {
        Env(Rc::new(RefCell::new(Frame {
            vars: Vec::new(),
            index: None,
            parent,
            name: None,
        })))
    }
    /// A new environment with room for `n` variables.
    pub fn with_capacity(parent: Option<Env>, n: usize) -> Env {
        Env(Rc::new(RefCell::new(Frame {
            vars: Vec::with_capacity(n),
            index: None,
            parent,
            name: None,
        })))
    }
    pub fn named(parent: Option<Env>, name: &str) -> Env {
        let e = Env::new(parent);
        e.0.borrow_mut().name = Some(name.to_string());
        e
    }
    /// The environment's identity (its address), for lookups by environment.
    pub fn id(&self) -> usize {
        Rc::as_ptr(&self.0) as *const () as usize
    }

    pub fn ptr_eq(&self, o: &Env) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
    pub fn parent(&self) -> Option<Env> {
        self.0.borrow().parent.clone()
    }
    pub fn len(&self) -> usize {
        self.0.borrow().vars.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The value bound in this frame only.
    pub fn get_local(&self, s: Sym) -> Option<Value> {
        let f = self.0.borrow();
        f.position(s).map(|i| f.vars[i].1.clone())
    }
    pub fn has_local(&self, s: Sym) -> bool {
        self.0.borrow().position(s).is_some()
    }
    /// Looks `s` up along the parent chain.
    pub fn lookup(&self, s: Sym) -> Option<Value> {
        let mut cur = self.clone();
        loop {
            let next = {
                let fr = cur.0.borrow();
                if let Some(i) = fr.position(s) {
                    return Some(fr.vars[i].1.clone());
                }
                fr.parent.clone()?
            };
            cur = next;
        }
    }
    /// The function `s` names as a call sees it, when the first binding of `s` along the
    /// chain that is a function or a promise is a function; None otherwise (a promise to
    /// force first, or no function bound: the caller looks the slow way).
    pub fn function_quick(&self, s: Sym) -> Option<Value> {
        let mut cur = self.clone();
        loop {
            let next = {
                let fr = cur.0.borrow();
                if let Some(i) = fr.position(s) {
                    match &fr.vars[i].1 {
                        Value::Promise(_) => return None,
                        v if v.is_function() => return Some(v.clone()),
                        _ => {}
                    }
                }
                fr.parent.clone()?
            };
            cur = next;
        }
    }
    /// Applies `f` to the value bound to `s` along the parent chain, without cloning it.
    pub fn lookup_with<R>(&self, s: Sym, f: impl FnOnce(&Value) -> R) -> Option<R> {
        let fr = self.0.borrow();
        if let Some(i) = fr.position(s) {
            return Some(f(&fr.vars[i].1));
        }
        match &fr.parent {
            Some(p) => p.lookup_with(s, f),
            None => None,
        }
    }
    /// Applies `f` to the value bound to `s` in this frame, in place.
    pub fn with_local_mut<R>(&self, s: Sym, f: impl FnOnce(&mut Value) -> R) -> Option<R> {
        let mut fr = self.0.borrow_mut();
        let i = fr.position(s)?;
        Some(f(&mut fr.vars[i].1))
    }
    /// Binds `s` in this frame to the double scalar `x`, overwriting the current value's
    /// buffer in place when it is an unshared double scalar; returns the bound value.
    pub fn set_num(&self, s: Sym, x: f64) -> Value {
        {
            let mut f = self.0.borrow_mut();
            if let Some(i) = f.position(s) {
                if write_num(&mut f.vars[i].1, x) {
                    return f.vars[i].1.clone();
                }
            }
        }
        let v = Value::num(x);
        self.set(s, v.clone());
        v
    }
    /// [`Env::set_num`] without returning the value.
    pub fn store_num(&self, s: Sym, x: f64) {
        let mut f = self.0.borrow_mut();
        if let Some(i) = f.position(s) {
            if write_num(&mut f.vars[i].1, x) {
                return;
            }
        }
        drop(f);
        self.set(s, Value::num(x));
    }
    /// The environment along the chain where `s` is bound.
    pub fn find_env(&self, s: Sym) -> Option<Env> {
        let mut cur = self.clone();
        loop {
            if cur.has_local(s) {
                return Some(cur);
            }
            let p = cur.0.borrow().parent.clone();
            cur = p?;
        }
    }
    /// Binds `s` in this frame.
    pub fn set(&self, s: Sym, v: Value) {
        let mut f = self.0.borrow_mut();
        if let Some(i) = f.position(s) {
            f.vars[i].1 = v;
            return;
        }
        if !matches!(v, Value::Builtin(_)) {
            note_binding(s);
        }
        f.vars.push((s, v));
        let n = f.vars.len();
        if let Some(ix) = f.index.as_mut() {
            ix.insert(s, n - 1);
        } else if n > INDEX_AT {
            f.index = Some(
                f.vars
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (*k, i))
                    .collect(),
            );
        }
    }
    /// Takes the value out of the frame (leaving NULL), so it can be modified without a copy.
    pub fn take_local(&self, s: Sym) -> Option<Value> {
        let mut f = self.0.borrow_mut();
        let i = f.position(s)?;
        Some(std::mem::replace(&mut f.vars[i].1, Value::Null))
    }
    /// Removes a binding; true if it existed.
    pub fn remove(&self, s: Sym) -> bool {
        let mut f = self.0.borrow_mut();
        let Some(i) = f.position(s) else { return false };
        f.vars.remove(i);
        if f.index.is_some() {
            f.index = Some(
                f.vars
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (*k, i))
                    .collect(),
            );
        }
        true
    }
    /// Names bound in this frame, sorted.
    pub fn names(&self) -> Vec<Sym> {
        let mut v: Vec<Sym> = self.0.borrow().vars.iter().map(|(k, _)| *k).collect();
        v.sort();
        v
    }
    /// Drops every binding. Closures bound here hold this environment, so an interpreter
    /// clears its global and base environments when dropped to free those cycles.
    pub fn clear(&self) {
        let vars = {
            let mut f = self.0.borrow_mut();
            f.index = None;
            std::mem::take(&mut f.vars)
        };
        drop(vars);
    }

    /// Bindings in insertion order.
    pub fn bindings(&self) -> Vec<(Sym, Value)> {
        self.0.borrow().vars.clone()
    }

    /// Runs `f` on this frame's bindings under one borrow (several reads and in-place
    /// writes, as a loop statement makes them).
    #[inline]
    pub fn with_slots<R>(&self, f: impl FnOnce(&mut Slots) -> R) -> R {
        let mut fr = self.0.borrow_mut();
        f(&mut Slots(&mut fr))
    }
}

/// A frame's bindings, borrowed by [`Env::with_slots`].
pub struct Slots<'a>(&'a mut Frame);

impl Slots<'_> {
    /// Where `s` is bound in this frame, trying the position remembered in `hint` first.
    #[inline]
    pub fn find(&self, s: Sym, hint: &std::cell::Cell<u32>) -> Option<usize> {
        let h = hint.get() as usize;
        if let Some((k, _)) = self.0.vars.get(h) {
            if *k == s {
                return Some(h);
            }
        }
        let i = self.0.position(s)?;
        hint.set(i as u32);
        Some(i)
    }
    #[inline]
    pub fn value(&self, i: usize) -> &Value {
        &self.0.vars[i].1
    }
    #[inline]
    pub fn value_mut(&mut self, i: usize) -> &mut Value {
        &mut self.0.vars[i].1
    }
    /// Writes `x` into binding `i` in place when it is an unshared, attribute-free double
    /// scalar; false otherwise.
    #[inline]
    pub fn store_num(&mut self, i: usize, x: f64) -> bool {
        write_num(&mut self.0.vars[i].1, x)
    }
}

impl Frame {
    fn position(&self, s: Sym) -> Option<usize> {
        if let Some(ix) = &self.index {
            return ix.get(&s).copied();
        }
        self.vars.iter().position(|(k, _)| *k == s)
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        // Break long parent chains iteratively so dropping never overflows the stack.
        let mut next = self.parent.take();
        while let Some(env) = next {
            next = match Rc::try_unwrap(env.0) {
                Ok(cell) => cell.into_inner().parent.take(),
                Err(_) => None,
            };
        }
    }
}

/// Writes `x` into `v` in place when `v` is an unshared, attribute-free double scalar.
fn write_num(v: &mut Value, x: f64) -> bool {
    match v {
        Value::Vector(super::Vector {
            data: super::Data::Dbl(a),
            attrs: None,
        }) => super::vector::overwrite_scalar(a, x),
        _ => false,
    }
}

use std::sync::atomic::{AtomicBool, Ordering};

static OVERRIDDEN: AtomicBool = AtomicBool::new(false);

/// Whether some script bound an operator name (`+`, `(`, `==`, ...) to a value of its own.
/// Evaluation then looks operators up as functions, and the fast paths stay off.
#[inline(always)]
pub fn operators_overridden() -> bool {
    OVERRIDDEN.load(Ordering::Relaxed)
}

/// Notes a new binding of `s`; called for bindings other than the builtins themselves.
pub fn note_binding(s: Sym) {
    // (operator names are short and start with punctuation)
    let b = s.as_str().as_bytes();
    if b.len() > 3 || b.first().is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.') {
        return;
    }
    if !operators_overridden() && is_operator_name(s.as_str()) {
        OVERRIDDEN.store(true, Ordering::Relaxed);
    }
}

/// Names of the operators the evaluator applies itself.
fn is_operator_name(s: &str) -> bool {
    matches!(
        s,
        "+" | "-"
            | "*"
            | "/"
            | "^"
            | "%%"
            | "%/%"
            | "=="
            | "!="
            | "<"
            | "<="
            | ">"
            | ">="
            | "&"
            | "&&"
            | "|"
            | "||"
            | "!"
            | "("
            | ":"
    )
}
