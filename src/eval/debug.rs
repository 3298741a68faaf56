//! The debugger's hooks in the evaluator: `browser()` prompts, functions marked by
//! `debug()`/`debugonce()`/`trace()`, stepping through `{` bodies (`n`, `s`, `c`, `f`,
//! `Q`, `where`), and the calls on the stack when an error was raised (`traceback()`).
//! Nothing here costs anything unless debugging is on: `{` checks `stepping`, a call
//! checks `active`, and only a failing call records the stack.

use super::Interp;
use crate::error::{EvalResult, Flow, RError};
use crate::syntax::ast::{Expr, ExprKind};
use crate::syntax::deparse::deparse;
use crate::value::{Env, Value};
use std::rc::{Rc, Weak};

/// The message of the silent error `Q` unwinds to top level with.
pub const BROWSER_QUIT: &str = "\u{1}browser quit";

/// Reads a line typed at the console after showing a prompt; None at end of input.
pub type ConsoleFn = Box<dyn FnMut(&str) -> Option<String>>;

/// The debugger's state, one per interpreter.
#[derive(Default)]
pub struct Debug {
    /// Something a call must look at: marked or traced functions, or stepping.
    pub active: bool,
    /// Stepping: every `{` evaluated at `step_depth` (any depth at or below it with `s`)
    /// stops before each expression.
    pub stepping: bool,
    step_depth: usize,
    step_into: bool,
    /// Functions marked by `debug` (false) or `debugonce` (true), by body.
    marked: Vec<(usize, bool)>,
    /// Functions traced by `trace()`, by body.
    traced: Vec<(usize, Tracer)>,
    /// Builtins traced by name.
    traced_builtins: Vec<(&'static str, Tracer)>,
    /// Loops running while debugging, as (frame environment, loop expression): `f` at a
    /// prompt finishes the innermost loop of the browsed frame, then stepping resumes.
    loops: Vec<(usize, usize)>,
    /// After `f` inside loops: the browsed frame and how many of its loops were running.
    finish: Option<(usize, usize)>,
    /// Browser levels added by stepping into calls with `s` (R counts them in `Browse[n]`).
    nested: usize,
    /// Active browser prompts.
    level: usize,
    /// The calls on the stack when the last error was raised, innermost first, and that
    /// error's identity; moved to `traceback` when the error reaches top level.
    error_calls: Vec<(Rc<Expr>, Option<u32>)>,
    error_id: usize,
    /// `.Traceback`: the calls of the last error that reached top level, innermost first.
    pub traceback: Vec<String>,
    recovering: bool,
    error_shown: bool,
    /// Source text of functions typed at the console, for R's `at #line` references.
    sources: Vec<(Weak<Expr>, Rc<str>, u32)>,
}

/// What `trace()` does at each entry to a function.
#[derive(Clone)]
pub struct Tracer {
    /// The expression to run; None announces the call (`trace: sum(1:3)`).
    pub expr: Option<Rc<Expr>>,
    /// Whether to say `Tracing f(x) on entry` before running `expr` (`print = TRUE`).
    pub print: bool,
}

fn body_id(body: &Rc<Expr>) -> usize {
    Rc::as_ptr(body) as usize
}

impl Debug {
    fn refresh(&mut self) {
        self.active = self.stepping
            || self.finish.is_some()
            || !self.marked.is_empty()
            || !self.traced.is_empty()
            || !self.traced_builtins.is_empty();
    }

    /// Marks a closure body for `debug` (`once`: `debugonce`).
    pub fn mark(&mut self, body: &Rc<Expr>, once: bool) {
        let id = body_id(body);
        self.marked.retain(|(b, _)| *b != id);
        self.marked.push((id, once));
        self.refresh();
    }
    pub fn unmark(&mut self, body: &Rc<Expr>) {
        let id = body_id(body);
        self.marked.retain(|(b, _)| *b != id);
        self.refresh();
    }
    pub fn is_marked(&self, body: &Rc<Expr>) -> bool {
        let id = body_id(body);
        self.marked.iter().any(|(b, _)| *b == id)
    }
    /// Traces the function whose body is `body` (`trace`); `untrace` passes None.
    pub fn trace(&mut self, body: &Rc<Expr>, tracer: Option<Tracer>) {
        let id = body_id(body);
        self.traced.retain(|(b, _)| *b != id);
        if let Some(t) = tracer {
            self.traced.push((id, t));
        }
        self.refresh();
    }
    /// Traces the builtin `name` (`trace("sum")`); `untrace` passes None.
    pub fn trace_builtin(&mut self, name: &'static str, tracer: Option<Tracer>) {
        self.traced_builtins.retain(|(n, _)| *n != name);
        if let Some(t) = tracer {
            self.traced_builtins.push((name, t));
        }
        self.refresh();
    }

    /// Whether a loop call of `eval` is the one `debugged_loop` is already running.
    pub(crate) fn entering_loop(&self, e: &Expr, env: &Env) -> bool {
        self.loops.last() == Some(&(env.id(), e as *const Expr as usize))
    }

    /// Remembers the source text a top-level expression was parsed from, so the
    /// functions it defines can report line numbers (`debug at #2`).
    pub fn note_source(&mut self, exprs: &[Expr], text: &str) {
        let text: Rc<str> = Rc::from(text);
        self.sources.retain(|(w, _, _)| w.strong_count() > 0);
        for e in exprs {
            let first_line = line_of(&text, e.span.start as usize);
            collect_functions(e, &mut |body| {
                self.sources.push((Rc::downgrade(body), text.clone(), first_line));
            });
        }
    }

    /// The line of `e` counted from the first line of the top-level expression defining
    /// the function whose body is `body`.
    fn line_in(&self, body: &Rc<Expr>, e: &Expr) -> Option<u32> {
        let (_, text, first) = self
            .sources
            .iter()
            .find(|(w, _, _)| w.as_ptr() == Rc::as_ptr(body))?;
        let start = e.span.start as usize;
        if start == 0 && e.span.end == 0 {
            return None;
        }
        Some(line_of(text, start) - first + 1)
    }
}

fn line_of(text: &str, at: usize) -> u32 {
    text.as_bytes()[..at.min(text.len())].iter().filter(|b| **b == b'\n').count() as u32 + 1
}

fn collect_functions(e: &Expr, f: &mut dyn FnMut(&Rc<Expr>)) {
    use ExprKind::*;
    match &e.kind {
        Function(params, body) => {
            f(body);
            for p in params.iter() {
                if let Some(d) = &p.default {
                    collect_functions(d, f);
                }
            }
            collect_functions(body, f);
        }
        Call(g, args) | Index(g, args) | Index2(g, args) => {
            collect_functions(g, f);
            for a in args.iter() {
                if let Some(v) = &a.value {
                    collect_functions(v, f);
                }
            }
        }
        Dollar(x, _) | At(x, _) | Unary(_, x) | Paren(x) | Repeat(x) => collect_functions(x, f),
        Binary(_, a, b) | Assign(_, a, b) | While(a, b) | For(_, a, b) => {
            collect_functions(a, f);
            collect_functions(b, f);
        }
        Formula(a, b) => {
            if let Some(a) = a {
                collect_functions(a, f);
            }
            collect_functions(b, f);
        }
        If(c, a, b) => {
            collect_functions(c, f);
            collect_functions(a, f);
            if let Some(b) = b {
                collect_functions(b, f);
            }
        }
        Block(items) => items.iter().for_each(|x| collect_functions(x, f)),
        _ => {}
    }
}

/// What the user chose at a browser prompt.
enum Resume {
    Next,
    Step,
    Continue,
    /// `f`: finish the current loop, or else the current function.
    Finish,
}

impl Interp {
    /// The closure whose frame `env` is, if any.
    fn frame_body(&self, env: &Env) -> Option<Rc<Expr>> {
        self.frames.iter().rev().find(|f| f.env.ptr_eq(env)).and_then(|f| match &f.func {
            Value::Closure(c) => Some(c.body.clone()),
            _ => None,
        })
    }

    /// `debug at #2: x <- 1` (or `debug: x <- 1` without source).
    fn debug_at(&mut self, e: &Expr, env: &Env) {
        let line = self.frame_body(env).and_then(|b| self.debug.line_in(&b, e));
        let text = deparse(e);
        let s = match line {
            Some(l) => format!("debug at #{}: {}\n", l, text),
            None => format!("debug: {}\n", text),
        };
        self.write_out(&s);
    }

    /// Runs a loop while debugging, so that `f` at a prompt inside it can finish it:
    /// stepping resumes after the loop the prompt was in.
    pub(crate) fn debugged_loop(&mut self, e: &Expr, env: &Env) -> EvalResult {
        let id = env.id();
        self.debug.loops.push((id, e as *const Expr as usize));
        let r = self.eval(e, env);
        self.debug.loops.pop();
        if let Some((fid, open)) = self.debug.finish {
            if fid == id {
                let now = self.debug.loops.iter().filter(|(x, _)| *x == id).count();
                if now < open {
                    self.debug.finish = None;
                    let depth = self.frames.iter().rposition(|f| f.env.ptr_eq(env));
                    if let (Ok(_), Some(d)) = (&r, depth) {
                        self.debug.stepping = true;
                        self.debug.step_depth = d + 1;
                        self.debug.step_into = false;
                    }
                    self.debug.refresh();
                }
            }
        }
        r
    }

    /// Evaluates a `{` body while stepping: stops before each expression evaluated in the
    /// stepped frame.
    pub(crate) fn step_block(&mut self, items: &[Expr], env: &Env, last: Value) -> EvalResult {
        let mut last = last;
        for it in items {
            if self.debug.stepping && self.stops_here(env) {
                self.debug_at(it, env);
                self.browse(env, true)?;
            }
            last = self.eval(it, env)?;
        }
        Ok(last)
    }

    fn stops_here(&self, env: &Env) -> bool {
        let n = self.frames.len();
        let here = self.frames.last().is_some_and(|f| f.env.ptr_eq(env));
        here && (n == self.debug.step_depth || (self.debug.step_into && n >= self.debug.step_depth))
    }

    /// Called on entry to a closure while `debug.active`: runs `trace` expressions and,
    /// for a debugged function, announces it and stops before its body. Returns whether
    /// the call is being debugged (so `after_call` says `exiting from`).
    pub(crate) fn before_call(&mut self, body: &Rc<Expr>, env: &Env, call: &Expr) -> EvalResult<bool> {
        let id = body_id(body);
        if let Some((_, e)) = self.debug.traced.iter().find(|(b, _)| *b == id).cloned() {
            self.run_tracer(call, e, env)?;
        }
        let n = self.frames.len();
        let marked = self.debug.marked.iter().position(|(b, _)| *b == id);
        let stepped_into = self.debug.stepping && self.debug.step_into && n > self.debug.step_depth;
        if marked.is_none() && !stepped_into {
            return Ok(false);
        }
        if let Some(i) = marked {
            if self.debug.marked[i].1 {
                self.debug.marked.remove(i);
            }
        }
        if self.console.is_none() {
            self.debug.refresh();
            return Ok(false);
        }
        self.write_out(&format!("debugging in: {}\n", deparse(call)));
        self.debug.stepping = true;
        self.debug.step_depth = n;
        self.debug.step_into = false;
        if stepped_into {
            self.debug.nested += 1;
        }
        self.debug.refresh();
        self.debug_at(body, env);
        self.browse(env, true)?;
        Ok(true)
    }

    /// On a call of a traced builtin, runs its tracer.
    pub(crate) fn trace_builtin_call(&mut self, name: &str, call: &Expr, env: &Env) -> EvalResult<()> {
        match self.debug.traced_builtins.iter().find(|(n, _)| *n == name).cloned() {
            Some((_, tracer)) => self.run_tracer(call, tracer, env),
            None => Ok(()),
        }
    }

    /// Announces a traced call (`trace: sum(1:3)`) or, with a tracer expression, says so
    /// and evaluates it in `env`.
    fn run_tracer(&mut self, call: &Expr, tracer: Tracer, env: &Env) -> EvalResult<()> {
        let text = deparse(call).replace('\n', " ");
        match tracer.expr {
            None => self.write_out(&format!("trace: {}\n", text)),
            Some(t) => {
                if tracer.print {
                    self.write_out(&format!("Tracing {} on entry \n", text));
                }
                let vis = self.visible;
                self.eval(&t, env)?;
                self.visible = vis;
            }
        }
        Ok(())
    }

    /// Evaluates a closure's body while `debug.active` (see `before_call`).
    pub(crate) fn debugged_body(&mut self, body: &Rc<Expr>, env: &Env, call: &Expr) -> EvalResult {
        let saved = (self.debug.stepping, self.debug.step_depth, self.debug.step_into);
        let nested = self.debug.nested;
        let (debugged, r) = match self.before_call(body, env, call) {
            Ok(d) => (d, self.eval(body, env)),
            Err(f) => (false, Err(f)),
        };
        self.debug.nested = nested;
        if self.debug.finish.is_some_and(|(id, _)| id == env.id()) {
            self.debug.finish = None;
            self.debug.refresh();
        }
        let quit = matches!(&r, Err(Flow::Error(e)) if e.message == BROWSER_QUIT);
        if debugged && !quit {
            self.after_call(call);
            // back in a caller that was being stepped: go on stepping there
            if saved.0 {
                (self.debug.stepping, self.debug.step_depth, self.debug.step_into) = saved;
                self.debug.refresh();
            }
        }
        r
    }

    /// Called when a debugged call returns.
    pub(crate) fn after_call(&mut self, call: &Expr) {
        if self.frames.len() <= self.debug.step_depth {
            self.debug.stepping = false;
            self.debug.refresh();
        }
        self.write_out(&format!("exiting from: {}\n", deparse(call)));
    }

    /// Records the calls on the stack for `traceback()` the first time an error passes a
    /// closure call (the innermost frame is still on the stack).
    #[cold]
    pub(crate) fn note_error(&mut self, e: &RError, builtin_call: Option<&Expr>) {
        let id = e as *const RError as usize;
        if id == self.debug.error_id && !self.debug.error_calls.is_empty() {
            return;
        }
        self.debug.error_id = id;
        let mut calls = Vec::new();
        if let Some(c) = builtin_call {
            let at = self.frames.last().and_then(|f| match &f.func {
                Value::Closure(cl) => self.debug.line_in(&cl.body, c),
                _ => None,
            });
            calls.push((Rc::new(c.clone()), at));
        }
        for (i, f) in self.frames.iter().enumerate().rev() {
            // the line of this call in its caller's source
            let at = i
                .checked_sub(1)
                .and_then(|j| match &self.frames[j].func {
                    Value::Closure(cl) if self.frames[j].env.ptr_eq(&f.caller) => {
                        self.debug.line_in(&cl.body, &f.call)
                    }
                    _ => None,
                });
            calls.push((f.call.clone(), at));
        }
        self.debug.error_calls = calls;
        if self.console.is_some() && self.handlers.is_empty() && !self.debug.recovering {
            let recover = self.options.iter().any(|(k, v)| {
                k == "error" && matches!(v, Value::Builtin(b) if b.name == "recover")
            });
            if recover && !self.frames.is_empty() {
                self.recover(e);
            }
        }
    }

    /// `options(error = recover)`: reports the error, then offers the frames still on the
    /// stack and browses the one chosen, until 0 is entered.
    fn recover(&mut self, e: &RError) {
        self.debug.recovering = true;
        self.write_err(&format!("{}\n", e.header()));
        self.debug.error_shown = true;
        // each call with its line in the caller's source, as `#2: g(2)`
        let calls: Vec<String> = (0..self.frames.len())
            .map(|i| {
                let f = &self.frames[i];
                let at = i.checked_sub(1).and_then(|j| match &self.frames[j].func {
                    Value::Closure(cl) => self.debug.line_in(&cl.body, &f.call),
                    _ => None,
                });
                let c = deparse(&f.call);
                match at {
                    Some(l) => format!("#{}: {}", l, c),
                    None => c,
                }
            })
            .collect();
        loop {
            let mut s = String::from("\nEnter a frame number, or 0 to exit   \n\n");
            for (i, c) in calls.iter().enumerate() {
                s.push_str(&format!("{}: {}\n", i + 1, c.lines().next().unwrap_or("")));
            }
            s.push('\n');
            self.write_out(&s);
            self.flush();
            let Some(answer) = self.console.as_mut().and_then(|c| c("Selection: ")) else {
                break;
            };
            match answer.trim().parse::<usize>() {
                Ok(k) if k >= 1 && k <= calls.len() => {
                    let env = self.frames[k - 1].env.clone();
                    let from = match k.checked_sub(2) {
                        Some(j) => deparse(&self.frames[j].call),
                        None => "top level ".to_string(),
                    };
                    self.write_out(&format!("Called from: {}\n", from));
                    let stepping = self.debug.stepping;
                    if self.browse(&env, false).is_err() {
                        break;
                    }
                    self.debug.stepping = stepping;
                    self.debug.refresh();
                }
                _ => break,
            }
        }
        self.debug.recovering = false;
    }

    /// Whether the last error was already shown (by `recover`), so the console does not
    /// show it again.
    pub fn take_error_shown(&mut self) -> bool {
        std::mem::take(&mut self.debug.error_shown)
    }

    /// At top level, after each expression: stepping ends with it.
    pub(crate) fn end_stepping(&mut self) {
        self.debug.stepping = false;
        self.debug.level = 0;
        self.debug.refresh();
    }

    /// At top level: an error ended the expression, so its stack becomes `.Traceback`.
    pub(crate) fn error_reached_top(&mut self, e: &RError) {
        let calls = std::mem::take(&mut self.debug.error_calls);
        if e.message != BROWSER_QUIT {
            self.debug.traceback =
                calls.iter().map(|(c, at)| with_line(deparse(c), *at)).collect();
        }
        self.debug.error_id = 0;
        self.debug.stepping = false;
        self.debug.level = 0;
        self.debug.refresh();
    }

    /// `browser()`: says where it was called from and (at the console only) prompts, evaluating what is typed in `env`, until `c`,
    /// `n` or `s` (which step through the rest of the function) or `Q`.
    pub fn browser(&mut self, env: &Env) -> EvalResult<()> {
        if let Some(f) = self.frames.iter().rev().find(|f| f.env.ptr_eq(env)) {
            let c = deparse(&f.call);
            self.write_out(&format!("Called from: {}\n", c));
        } else {
            self.write_out("Called from: top level \n");
        }
        if self.console.is_none() {
            return Ok(());
        }
        self.browse(env, false)
    }

    fn browse(&mut self, env: &Env, stepping: bool) -> EvalResult<()> {
        self.debug.level += 1;
        let r = self.browse_loop(env, stepping);
        self.debug.level -= 1;
        let depth = self
            .frames
            .iter()
            .rposition(|f| f.env.ptr_eq(env))
            .map(|i| i + 1)
            .unwrap_or(0);
        match r? {
            r @ (Resume::Next | Resume::Step) if depth > 0 => {
                self.debug.stepping = true;
                self.debug.step_depth = depth;
                self.debug.step_into = matches!(r, Resume::Step);
            }
            Resume::Finish => {
                self.debug.stepping = false;
                let id = env.id();
                let open = self.debug.loops.iter().filter(|(e, _)| *e == id).count();
                self.debug.finish = (open > 0).then_some((id, open));
            }
            _ => self.debug.stepping = false,
        }
        self.debug.refresh();
        Ok(())
    }

    fn browse_loop(&mut self, env: &Env, stepping: bool) -> EvalResult<Resume> {
        let level = self.debug.level + usize::from(stepping) + self.debug.nested;
        loop {
            self.flush();
            let prompt = format!("Browse[{}]> ", level);
            let line = match self.console.as_mut().and_then(|c| c(&prompt)) {
                Some(l) => l,
                None => return Ok(Resume::Continue),
            };
            let cmd = line.trim();
            match cmd {
                "n" => return Ok(Resume::Next),
                "s" => return Ok(Resume::Step),
                "c" | "cont" => return Ok(Resume::Continue),
                "f" => return Ok(Resume::Finish),
                "" => {
                    return Ok(if stepping { Resume::Next } else { Resume::Continue });
                }
                "Q" => {
                    return Err(RError::new(crate::error::ErrorKind::Limit, BROWSER_QUIT).into())
                }
                "where" => {
                    let mut s = String::new();
                    let n = self.frames.len();
                    for (i, f) in self.frames.iter().enumerate().rev() {
                        s.push_str(&format!("where {}: {}\n", n - i, deparse(&f.call)));
                    }
                    s.push('\n');
                    self.write_out(&s);
                }
                "help" => self.write_out(BROWSER_HELP),
                _ => self.browse_eval(&line, env)?,
            }
        }
    }

    /// Evaluates a line typed at a browser prompt in the browsed frame, printing its value
    /// and reporting (without leaving the browser) an error.
    fn browse_eval(&mut self, line: &str, env: &Env) -> EvalResult<()> {
        let exprs = match crate::syntax::parse(line) {
            Ok(e) => e,
            Err(e) => {
                self.write_err(&format!("{}\n", e.render("<browser>", line)));
                return Ok(());
            }
        };
        for e in &exprs {
            self.visible = true;
            let r = self.eval(e, env).and_then(|v| match self.printer {
                Some(p) if self.visible => p(self, &v, env),
                _ => Ok(()),
            });
            match r {
                Ok(()) => {}
                Err(Flow::Error(e)) if e.message == BROWSER_QUIT => return Err(Flow::Error(e)),
                Err(Flow::Error(e)) => {
                    self.write_err(&format!("{}\n", e.render("<browser>", line)));
                    return Ok(());
                }
                Err(f) => return Err(f),
            }
            self.flush_warnings();
        }
        Ok(())
    }
}

fn with_line(call: String, at: Option<u32>) -> String {
    match at {
        Some(l) => format!("{} at #{}", call, l),
        None => call,
    }
}

const BROWSER_HELP: &str = "\
n          next
s          step into
f          finish
c or cont  continue
Q          quit
where      show stack
help       show help
<expr>     evaluate expression
";
