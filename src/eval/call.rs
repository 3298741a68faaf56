//! Calls: builtins, closures with lazily evaluated arguments, R's argument matching, S3 dispatch.

use super::args::Args;
use super::builtin::Kind;
use super::{with_call_span, with_span, CallFrame, Interp};
use crate::error::{err, EvalResult, Flow, RError};
use crate::syntax::ast::{Arg, Const, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::{Closure, Env, Promise, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// A supplied argument: its name and its (possibly promised) value.
pub type ArgVal = (Option<Sym>, Value);

fn dots_sym() -> Sym {
    thread_local!(static S: Sym = Sym::new("..."));
    S.with(|s| *s)
}

impl Interp {
    /// Evaluates `f(args)`.
    pub fn eval_call(&mut self, e: &Expr, f: &Expr, args: &[Arg], env: &Env) -> EvalResult {
        self.check_stack()?;
        let fv = match &f.kind {
            ExprKind::Ident(s) => self
                .get_function(*s, env)
                .map_err(|fl| with_call_span(with_span(fl, f), e))?,
            ExprKind::Const(Const::Str(s)) => self
                .get_function(Sym::new(s), env)
                .map_err(|fl| with_call_span(with_span(fl, f), e))?,
            _ => self.eval(f, env)?,
        };
        self.apply_call(fv, e, args, env)
    }

    /// Runs a builtin on evaluated arguments, matching them to a declared builtin's formals
    /// first. A special never comes here: it takes its arguments unevaluated.
    fn call_evaluated(&mut self, kind: Kind, a: Args) -> EvalResult {
        match kind {
            Kind::Eager(f) => f(self, a),
            Kind::Declared(f, formals) => {
                let m = a.matched(formals)?;
                f(self, m)
            }
            Kind::Native(k) => {
                let f = self.natives[k].clone();
                f(self, a)
            }
            Kind::Special(_) => err("a special builtin called with evaluated arguments"),
        }
    }

    /// Applies a function value to unevaluated call arguments.
    pub fn apply_call(&mut self, fv: Value, e: &Expr, args: &[Arg], env: &Env) -> EvalResult {
        if let (Value::Builtin(b), true) = (&fv, self.debug.active) {
            self.trace_builtin_call(b.name, e, env)?;
        }
        match &fv {
            Value::Builtin(b) => match self
                .check_gate(b.id, b.name)
                .map_err(|fl| with_call_span(fl, e))
                .map(|_| self.builtin_kind(b))?
            {
                Kind::Special(sf) => {
                    let r = sf(self, args, env, e).map_err(|fl| with_call_span(fl, e));
                    if !self.pending_warnings.is_empty() {
                        self.deliver_warnings(Some(crate::syntax::deparse::deparse(e)))?;
                    }
                    r
                }
                Kind::Native(k) => {
                    let a = self.eval_args(args, env)?;
                    self.visible = true;
                    let f = self.natives[k].clone();
                    f(self, Args::new(a)).map_err(|fl| with_call_span(fl, e))
                }
                kind => {
                    let a = self.eval_args(args, env)?;
                    self.visible = true;
                    if let Some(r) = self.s4_dispatch(b.name, &a, env) {
                        return r.map_err(|fl| with_call_span(fl, e));
                    }
                    let r = if self.is_generic(b.id) {
                        match self.dispatch_builtin(b, kind, &a, env) {
                            Some(r) => r,
                            None => self.call_evaluated(kind, Args::new(a)),
                        }
                    } else {
                        self.call_evaluated(kind, Args::new(a))
                    };
                    let r = r.map_err(|fl| with_call_span(fl, e));
                    if let Err(Flow::Error(er)) = &r {
                        // R's stop() is a closure, so traceback() lists its call
                        if matches!(b.name, "stop" | "stopifnot" | "match.arg") {
                            self.note_error(er, Some(e));
                        }
                    }
                    if !self.pending_warnings.is_empty() {
                        let c = Some(crate::syntax::deparse::deparse(e));
                        self.deliver_warnings(c)?;
                    }
                    r
                }
            },
            Value::Closure(c) => {
                let a = self.promise_args(args, env)?;
                let call = self.shared_expr(e);
                self.apply_closure(c, a, call, env, fv.clone())
            }
            _ => err("attempt to apply non-function").map_err(|fl| with_call_span(fl, e)),
        }
    }

    /// Evaluates call arguments eagerly, expanding `...`.
    pub fn eval_args(&mut self, args: &[Arg], env: &Env) -> EvalResult<Vec<ArgVal>> {
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            match &a.value {
                Some(Expr {
                    kind: ExprKind::Ident(s),
                    ..
                }) if *s == dots_sym() => {
                    for (n, v) in self.dots_of(env)? {
                        let v = match v {
                            Value::Promise(p) => self.force(&p)?,
                            v => v,
                        };
                        out.push((n, v));
                    }
                }
                Some(x) => {
                    let v = self.eval(x, env)?;
                    out.push((a.name, v));
                }
                None => out.push((a.name, Value::Missing)),
            }
        }
        Ok(out)
    }

    /// The `...` arguments bound in `env` (as promises or values).
    pub fn dots_of(&mut self, env: &Env) -> EvalResult<Vec<ArgVal>> {
        match env.lookup(dots_sym()) {
            Some(Value::Vector(v)) => {
                let names = Value::Vector(v.clone()).names();
                let items = v.data.to_list();
                Ok(items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| {
                        let n = names
                            .as_ref()
                            .and_then(|n| n[i].as_deref().filter(|s| !s.is_empty()).map(Sym::new));
                        (n, x.clone())
                    })
                    .collect())
            }
            Some(_) => Ok(Vec::new()),
            None => err("'...' used in an incorrect context"),
        }
    }

    /// Wraps call arguments as promises (constants are passed as values), expanding `...`.
    pub fn promise_args(&mut self, args: &[Arg], env: &Env) -> EvalResult<Vec<ArgVal>> {
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            match &a.value {
                Some(Expr {
                    kind: ExprKind::Ident(s),
                    ..
                }) if *s == dots_sym() => {
                    out.extend(self.dots_of(env)?);
                }
                Some(Expr {
                    kind: ExprKind::Const(c),
                    ..
                }) => {
                    out.push((a.name, super::const_value(c)));
                }
                Some(x) => out.push((
                    a.name,
                    Value::Promise(Rc::new(Promise {
                        expr: self.shared_expr(x),
                        env: Some(env.clone()),
                        value: RefCell::new(None),
                        is_default: false,
                    })),
                )),
                None => out.push((a.name, Value::Missing)),
            }
        }
        Ok(out)
    }

    /// Calls a function value with already evaluated arguments (used by `lapply`, `do.call`...).
    pub fn call_value(&mut self, f: &Value, args: Vec<ArgVal>) -> EvalResult {
        self.call_value_as(f, args, None)
    }

    /// Like [`call_value`](Self::call_value), with the call expression to report.
    pub fn call_value_as(
        &mut self,
        f: &Value,
        args: Vec<ArgVal>,
        call: Option<Rc<Expr>>,
    ) -> EvalResult {
        match f {
            Value::Builtin(b) => match self.check_gate(b.id, b.name).map(|_| self.builtin_kind(b))? {
                kind @ (Kind::Eager(_) | Kind::Declared(..) | Kind::Native(_)) => {
                    self.visible = true;
                    if self.s4_wants(b.name, &args) {
                        let env = self.global.clone();
                        if let Some(r) = self.s4_dispatch(b.name, &args, &env) {
                            return r;
                        }
                    }
                    if self.is_generic(b.id) {
                        let env = self.global.clone();
                        if let Some(r) = self.dispatch_builtin(b, kind, &args, &env) {
                            return r;
                        }
                    }
                    self.call_evaluated(kind, Args::new(args))
                }
                Kind::Special(sf) => {
                    // Bind the values to temporaries so the special sees ordinary arguments.
                    let env = Env::new(Some(self.global.clone()));
                    let mut cargs = Vec::new();
                    for (i, (n, v)) in args.into_iter().enumerate() {
                        let s = Sym::new(&format!(".arg{}", i));
                        env.set(s, v);
                        cargs.push(Arg {
                            name: n,
                            value: Some(ident(s)),
                            span: Default::default(),
                        });
                    }
                    let call = Expr::new(
                        ExprKind::Call(std::rc::Rc::new(ident(Sym::new(b.name))), cargs.clone().into()),
                        Default::default(),
                    );
                    sf(self, &cargs, &env, &call)
                }
            },
            Value::Closure(c) => {
                let call = call.unwrap_or_else(|| {
                    Rc::new(Expr::new(
                        ExprKind::Call(std::rc::Rc::new(ident(Sym::new("FUN"))), Default::default()),
                        Default::default(),
                    ))
                });
                let caller = self.global.clone();
                self.apply_closure(c, args, call, &caller, f.clone())
            }
            _ => err("attempt to apply non-function"),
        }
    }

    /// Applies a closure: matches arguments to formals, binds promises and defaults, runs the body.
    pub fn apply_closure(
        &mut self,
        c: &Rc<Closure>,
        args: Vec<ArgVal>,
        call: Rc<Expr>,
        caller: &Env,
        func: Value,
    ) -> EvalResult {
        let fenv = Env::with_capacity(Some(c.env.clone()), c.params.len());
        // Positional arguments only, none empty, no `...` among the formals: argument i
        // goes to formal i, as matching would put it, without the matching's bookkeeping.
        let positional = args.len() <= c.params.len()
            && args.iter().all(|(n, v)| n.is_none() && !matches!(v, Value::Missing))
            && c.params.iter().all(|p| p.name != dots_sym());
        let (slots, dots) = if positional {
            (Vec::new(), Vec::new())
        } else {
            let formals: Vec<Sym> = c.params.iter().map(|p| p.name).collect();
            match match_args(&formals, &args) {
                Ok(x) => x,
                Err(e) => return Err(with_call_span(Flow::from(e), &call)),
            }
        };
        let mut args = args;
        for (i, p) in c.params.iter().enumerate() {
            if positional {
                match args.get_mut(i) {
                    Some(a) => fenv.set(p.name, std::mem::replace(&mut a.1, Value::Null)),
                    None => fenv.set(p.name, self.default_arg(p, &fenv)),
                }
                continue;
            }
            if p.name == dots_sym() {
                let mut items = Vec::new();
                let mut names = Vec::new();
                let mut any_name = false;
                for &k in &dots {
                    let (n, v) = std::mem::replace(&mut args[k], (None, Value::Null));
                    any_name |= n.is_some();
                    names.push(Some(Rc::from(n.map(|s| s.as_str()).unwrap_or(""))));
                    items.push(v);
                }
                let mut l = Value::list(items);
                if any_name {
                    l.set_attr(Sym::new("names"), Value::strs(names));
                }
                fenv.set(p.name, l);
                continue;
            }
            match slots[i] {
                Some(k) if !matches!(args[k].1, Value::Missing) => {
                    let v = std::mem::replace(&mut args[k].1, Value::Null);
                    fenv.set(p.name, v);
                }
                _ => fenv.set(p.name, self.default_arg(p, &fenv)),
            }
        }
        self.tick()?;
        self.check_stack()?;
        self.depth += 1;
        if self.depth > self.max_depth {
            self.depth -= 1;
            return Err(RError::new(
                crate::error::ErrorKind::Limit,
                "evaluation nested too deeply: infinite recursion / options(expressions=)?",
            )
            .into());
        }
        self.frames.push(CallFrame {
            call: call.clone(),
            env: fenv.clone(),
            func,
            caller: caller.clone(),
            on_exit: Vec::new(),
        });
        let r = if self.debug.active {
            self.debugged_body(&c.body, &fenv, &call)
        } else {
            self.eval(&c.body, &fenv)
        };
        if let Err(Flow::Error(er)) = &r {
            self.note_error(er, None);
        }
        let frame = self.frames.pop();
        self.depth -= 1;
        let r = match r {
            Ok(v) => Ok(v),
            Err(Flow::Return(v)) => Ok(v),
            Err(Flow::Error(mut e)) => {
                if e.span.is_none() {
                    e.span = Some(call.span);
                }
                Err(Flow::Error(e))
            }
            Err(f) => Err(f),
        };
        if let Some(fr) = frame {
            if !fr.on_exit.is_empty() {
                let vis = self.visible;
                for ex in fr.on_exit {
                    self.eval(&ex, &fenv)?;
                }
                self.visible = vis;
            }
        }
        r
    }

    /// What a formal without a supplied argument is bound to: a promise of its default
    /// in the call's environment, else the missing marker.
    fn default_arg(&mut self, p: &crate::syntax::ast::Param, fenv: &Env) -> Value {
        match &p.default {
            Some(d) => Value::Promise(Rc::new(Promise {
                expr: self.shared_expr(d),
                env: Some(fenv.clone()),
                value: RefCell::new(None),
                is_default: true,
            })),
            None => Value::Missing,
        }
    }

    /// The class vector used for S3 dispatch (explicit or implicit).
    pub fn dispatch_class(&self, v: &Value) -> Vec<String> {
        if let Some(c) = self.s3_classes(v) {
            return c;
        }
        crate::value::class::implicit_class(v)
    }

    /// Finds a user-visible method `generic.cls` for the value's classes (or `generic.default`).
    pub fn find_method(
        &mut self,
        generic: &str,
        v: &Value,
        env: &Env,
        with_default: bool,
    ) -> Option<(Value, String)> {
        let mut classes = self.dispatch_class(v);
        if with_default {
            classes.push("default".into());
        }
        for cls in classes {
            let name = format!("{}.{}", generic, cls);
            let found = env
                .lookup(Sym::new(&name))
                .or_else(|| self.late_binding(Sym::new(&name)).and_then(|r| r.ok()));
            if let Some(f) = found {
                let f = match f {
                    Value::Promise(p) => self.force(&p).ok()?,
                    f => f,
                };
                if f.is_function() {
                    return Some((f, cls));
                }
            }
        }
        None
    }

    /// An internal generic's dispatch: when the object it dispatches on (the argument
    /// matching its first formal, else the first unnamed one) has a class with a method
    /// `name.class` or a group method `Group.class`, calls that method.
    fn dispatch_builtin(
        &mut self,
        b: &Rc<crate::value::Builtin>,
        kind: Kind,
        args: &[ArgVal],
        env: &Env,
    ) -> Option<EvalResult> {
        let first = match kind {
            Kind::Declared(_, formals) => formals.first().copied().filter(|f| *f != "..."),
            _ => None,
        };
        let obj = first
            .and_then(|f| args.iter().find(|(n, _)| n.is_some_and(|n| n.as_str() == f)))
            .or_else(|| args.iter().find(|(n, _)| n.is_none()))
            .or_else(|| args.first())
            .map(|(_, v)| v)?;
        let classes = self.s3_classes(obj)?;
        // the group generic tried after `name.class` (`as.numeric` is `as.double` in R)
        let group = match b.name {
            "min" | "max" | "range" | "sum" | "prod" | "any" | "all" => Some("Summary"),
            "round" | "signif" | "trunc" | "floor" | "ceiling" | "abs" | "sqrt" | "exp"
            | "log" | "cumsum" | "cummax" | "cummin" => Some("Math"),
            "as.numeric" => Some("as.double"),
            // R's resid and fitted.values are closures dispatching on residuals and fitted
            "resid" => Some("residuals"),
            "fitted.values" => Some("fitted"),
            _ => None,
        };
        let pass_generic = group.is_some_and(|g| g == "Summary" || g == "Math");
        for cls in classes {
            let names = [Some(b.name), group];
            for (k, g) in names.iter().enumerate() {
                let Some(g) = g else { continue };
                let found = match self.lookup_method(env, &format!("{}.{}", g, cls)) {
                    Some(Value::Promise(p)) => self.force(&p).ok(),
                    f => f,
                };
                match found {
                    Some(Value::Builtin(m)) if m.id != b.id => {
                        let mut a = args.to_vec();
                        if k == 1 && pass_generic {
                            a.push((Some(Sym::new(".Generic")), Value::str(b.name)));
                        }
                        return Some(self.call_value(&Value::Builtin(m), a));
                    }
                    Some(f @ Value::Closure(_)) => {
                        let f = if k == 1 && pass_generic { with_generic(&f, b.name) } else { f };
                        return Some(self.call_value(&f, args.to_vec()));
                    }
                    _ => {}
                }
            }
        }
        None
    }

    /// A method by name: bound in `env` or its parents, else an R-level definition bound on
    /// first use (`Interp::late_binding`).
    pub(crate) fn lookup_method(&mut self, env: &Env, name: &str) -> Option<Value> {
        env.lookup(Sym::new(name))
            .or_else(|| self.late_binding(Sym::new(name)).and_then(|r| r.ok()))
    }

    /// Calls an S3 method written in R (`$.foo`, `[[.foo`, `[[<-.foo`) for `generic` on the
    /// classed `args[0]`, with the call `generic(x)` so `NextMethod()` finds the generic.
    /// None when the first method found for the classes is not a closure.
    pub fn dispatch_closure(&mut self, generic: &str, args: Vec<ArgVal>, env: &Env) -> Option<EvalResult> {
        let classes = self.s3_classes(&args.first()?.1)?;
        // plain data frames and factors keep the built-in fast path
        if classes.len() == 1 && (classes[0] == "data.frame" || classes[0] == "factor") {
            return None;
        }
        for cls in classes {
            match self.lookup_method(env, &format!("{}.{}", generic, cls)) {
                Some(f @ Value::Closure(_)) => {
                    let arg = Arg { name: None, value: Some(ident(Sym::new("x"))), span: Default::default() };
                    let call = ExprKind::Call(Rc::new(ident(Sym::new(generic))), Rc::new(vec![arg]));
                    return Some(self.call_value_as(&f, args, Some(Rc::new(Expr::new(call, Default::default())))));
                }
                Some(_) => return None,
                None => {}
            }
        }
        None
    }

    /// Calls a user-defined S3 method for `generic` on `v` if one exists (closures only).
    pub fn try_dispatch(
        &mut self,
        generic: &str,
        v: &Value,
        args: Vec<ArgVal>,
        env: &Env,
    ) -> Option<EvalResult> {
        let classes = self.s3_classes(v)?;
        for cls in classes {
            let name = format!("{}.{}", generic, cls);
            let found = self.lookup_method(env, &name);
            if let Some(Value::Builtin(b)) = &found {
                // built-in methods (`summary.lm`, ...) take the evaluated arguments
                if let Kind::Eager(_) | Kind::Declared(..) = self.builtin_kind(b) {
                    let f = Value::Builtin(b.clone());
                    return Some(self.call_value(&f, args));
                }
            }
            if let Some(Value::Closure(c)) = found {
                let call = Rc::new(Expr::new(
                    ExprKind::Call(
                        std::rc::Rc::new(ident(Sym::new(generic))),
                        vec![Arg {
                            name: None,
                            value: Some(ident(Sym::new("x"))),
                            span: Default::default(),
                        }].into(),
                    ),
                    Default::default(),
                ));
                let caller = env.clone();
                return Some(self.apply_closure(
                    &c,
                    args,
                    call,
                    &caller,
                    Value::Closure(c.clone()),
                ));
            }
        }
        None
    }
}

/// An identifier expression with no span.
pub fn ident(s: Sym) -> Expr {
    Expr::new(ExprKind::Ident(s), Default::default())
}

/// R's argument matching: exact names, partial names (formals before `...`), then positions.
/// Returns, per formal, the index of the supplied argument, and the indices that go to `...`.
pub fn match_args(
    formals: &[Sym],
    supplied: &[ArgVal],
) -> Result<(Vec<Option<usize>>, Vec<usize>), RError> {
    let n = formals.len();
    let dots_at = formals.iter().position(|f| *f == dots_sym());
    let mut slots: Vec<Option<usize>> = vec![None; n];
    let mut used = vec![false; supplied.len()];
    for (i, (name, _)) in supplied.iter().enumerate() {
        if let Some(nm) = name {
            if let Some(j) = formals
                .iter()
                .position(|f| Some(*f) != Some(dots_sym()) && f == nm)
            {
                if slots[j].is_some() {
                    return Err(RError::runtime(format!(
                        "formal argument \"{}\" matched by multiple actual arguments",
                        formals[j]
                    )));
                }
                slots[j] = Some(i);
                used[i] = true;
            }
        }
    }
    let limit = dots_at.unwrap_or(n);
    for (i, (name, _)) in supplied.iter().enumerate() {
        if used[i] {
            continue;
        }
        if let Some(nm) = name {
            let cands: Vec<usize> = (0..limit)
                .filter(|&j| slots[j].is_none() && formals[j].starts_with(nm.as_str()))
                .collect();
            if cands.len() == 1 {
                slots[cands[0]] = Some(i);
                used[i] = true;
            } else if cands.len() > 1 {
                return Err(RError::runtime(format!(
                    "argument {} matches multiple formal arguments",
                    i + 1
                )));
            }
        }
    }
    let mut dots = Vec::new();
    let mut unused: Vec<String> = Vec::new();
    let mut j = 0;
    for (i, (name, v)) in supplied.iter().enumerate() {
        if used[i] {
            continue;
        }
        if let Some(nm) = name {
            if dots_at.is_some() {
                dots.push(i);
            } else {
                unused.push(format!("{} = {}", nm, arg_text(v)));
            }
            continue;
        }
        while j < n && slots[j].is_some() && Some(j) != dots_at {
            j += 1;
        }
        if j < n && Some(j) != dots_at {
            slots[j] = Some(i);
            j += 1;
        } else if dots_at.is_some() {
            dots.push(i);
        } else {
            unused.push(arg_text(v));
        }
    }
    if !unused.is_empty() {
        let s = if unused.len() > 1 { "s" } else { "" };
        return Err(RError::runtime(format!(
            "unused argument{} ({})",
            s,
            unused.join(", ")
        )));
    }
    Ok((slots, dots))
}

/// How an argument is shown in `unused argument (...)`: its expression if still a promise.
fn arg_text(v: &Value) -> String {
    match v {
        Value::Promise(p) => crate::syntax::deparse::deparse(&p.expr),
        v => crate::value::deparse::deparse_value_short(v),
    }
}

/// A group method closure that sees `.Generic` (the generic it stands in for) as R's do.
pub fn with_generic(f: &Value, generic: &str) -> Value {
    match f {
        Value::Closure(c) => {
            let env = Env::new(Some(c.env.clone()));
            env.set(Sym::new(".Generic"), Value::str(generic));
            Value::Closure(Rc::new(crate::value::Closure {
                params: c.params.clone(),
                body: c.body.clone(),
                env,
                attrs: c.attrs.clone(),
            }))
        }
        f => f.clone(),
    }
}
