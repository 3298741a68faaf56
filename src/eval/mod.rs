//! The tree-walking evaluator.

pub mod args;
pub mod assign;
pub mod builtin;
pub mod call;
mod caps;
pub mod conditions;
pub mod debug;
pub mod frame_index;
pub mod packages;
pub mod index;
pub mod lang_list;
pub mod ops;
mod random_seed;
mod scalar;
mod shared_expr;
mod stoppable;
pub mod slots;

use crate::error::{err, EvalResult, Flow, RError, Stop};
use crate::syntax::ast::{AssignOp, BinOp, Const, Expr, ExprKind};
use crate::syntax::sym::Sym;
use crate::value::{Data, Env, Lang, Value};
use std::rc::Rc;

pub use crate::value::env::{note_binding, operators_overridden};
pub use builtin::{DeclaredFn, EagerFn, Kind, NativeFn, SpecialFn};
pub use conditions::Handler;
pub use caps::{Cap, Caps};
use scalar::Scalar;

/// One active closure call.
pub struct CallFrame {
    /// The call as written (`f(x, 2)`).
    pub call: Rc<Expr>,
    /// The function's own environment.
    pub env: Env,
    /// The function that was called.
    pub func: Value,
    /// The environment the call was made from.
    pub caller: Env,
    /// Expressions registered with `on.exit`.
    pub on_exit: Vec<Rc<Expr>>,
}

/// Set (from a signal handler or another thread) to interrupt the running evaluation.
pub static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Stack an interpreter may use by default: fits the 8 MiB main thread of most platforms
/// with room for the deepest stretch between two checks. Hosts that evaluate on a thread
/// with a bigger stack raise [`Interp::stack_limit`].
pub const DEFAULT_STACK_LIMIT: usize = 5 << 20;

/// The address of a local variable: how far down the stack the caller is. Only compared,
/// never dereferenced.
#[inline(always)]
fn stack_pos() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

#[cold]
fn stack_error(used: usize) -> Flow {
    RError::new(
        crate::error::ErrorKind::Limit,
        format!("C stack usage  {} is too close to the limit", used),
    )
    .into()
}

impl Drop for Interp {
    fn drop(&mut self) {
        self.global.clear();
        self.base.clear();
    }
}

/// An interpreter: global environment, output, warnings and limits.
pub struct Interp {
    pub global: Env,
    pub base: Env,
    /// Whether the last value should be printed at top level.
    pub visible: bool,
    out: Box<dyn std::io::Write>,
    err_out: Box<dyn std::io::Write>,
    /// Warnings collected since the last top-level expression: (call, message).
    pub warnings: Vec<(Option<String>, String)>,
    /// The warnings of the last top-level call that had any (`warnings()`).
    pub last_warnings: Vec<(Option<String>, String)>,
    /// Active closure calls, innermost last.
    pub frames: Vec<CallFrame>,
    /// Active condition handlers, innermost last.
    pub handlers: Vec<Handler>,
    pub(crate) next_handler_id: usize,
    /// Calls R reports for conditions signalled directly in the expression of
    /// tryCatch/try/withCallingHandlers (their internal closure frames), with the
    /// closure-frame depth at which each applies.
    pub(crate) pseudo_calls: Vec<(usize, String)>,
    /// Current nesting depth of evaluation and its limit.
    pub depth: usize,
    pub max_depth: usize,
    /// Stack position at the start of the current top-level evaluation (0: not tracked).
    stack_base: usize,
    /// Stack bytes evaluation may use below `stack_base` before it stops with R's
    /// `C stack usage ... is too close to the limit` error instead of overflowing.
    pub stack_limit: usize,
    /// Warnings raised by builtins, delivered with the builtin's call when it returns.
    pub pending_warnings: Vec<String>,
    /// The builtins, indexed by the id a `Value::Builtin` carries.
    pub(crate) builtins: Vec<builtin::Kind>,
    /// Functions registered by the host, called through `Kind::Native`.
    pub(crate) natives: Vec<NativeFn>,
    /// Evaluation steps taken (loop iterations and calls), for budgets and interrupts.
    pub steps: u64,
    /// Stop with an error once this instant passes.
    pub deadline: Option<std::time::Instant>,
    /// Stop with an error after this many steps.
    pub max_steps: Option<u64>,
    /// Stop with an error once the process's resident memory passes this many bytes.
    pub memory_cap: Option<u64>,

    /// The random number generator (`set.seed`, `runif`, `sample`, ...).
    pub rng: crate::stats::rng::Rng,
    /// Print visible top-level values, as a script or console does (off for embedding).
    pub autoprint: bool,
    /// Capabilities granted to scripts.
    pub caps: Caps,
    /// Output capture buffers (`capture.output`, printing nested objects).
    pub captures: Vec<String>,
    /// Command-line arguments for `commandArgs()`.
    pub command_args: Vec<String>,
    /// `options()` values.
    pub options: Vec<(String, Value)>,
    /// How visible top-level values are printed (set by `builtins::install`; none: not at all).
    pub printer: Option<PrintFn>,
    /// Where an unbound name is looked up last: base functions written in R, parsed on
    /// first use, and the data sets shipped with R (`mtcars`); set by `builtins::install`.
    pub late_base: Option<LateBaseFn>,
    /// The attached packages, in search order (`library`, `search()`).
    pub packages: Vec<String>,
    /// The graphics devices and their state, kept opaque here (`builtins::grDevices` owns
    /// it); None until a script first draws or opens a device.
    pub graphics: Option<Box<dyn std::any::Any>>,
    /// The open connections (`file()`, `textConnection()`, `sink()`), kept opaque here
    /// (`builtins::base::connections` owns them); None until a script opens one.
    pub connections: Option<Box<dyn std::any::Any>>,
    /// Per builtin id: whether the builtin is an internal generic that first dispatches on
    /// its first argument's class to a method `name.class` (set by `builtins::install`).
    pub(crate) generic: Vec<bool>,
    /// Per builtin id: the capability it needs to be called at all (see `check_gate`).
    pub(crate) gates: Vec<Option<Cap>>,
    /// Arithmetic and comparison on classed values that builtins implement (dates, times,
    /// time differences); set by `builtins::install`.
    pub ops_hook: Option<OpsFn>,
    /// Environment variables the session set (`Sys.setenv`) or unset (None).
    pub env_vars: Vec<(String, Option<String>)>,
    /// Reads a line typed at the console (`readline`, `browser`); None when not
    /// interactive (`interactive()` is FALSE).
    pub console: Option<debug::ConsoleFn>,
    /// The debugger's state (`browser`, `debug`, `trace`, `traceback`).
    pub debug: debug::Debug,
    /// S4 classes and the builtins with S4 methods (`eval/slots.rs`).
    pub s4: slots::S4State,
    /// Shared copies of call and argument expressions (`shared_expr`).
    pub(crate) expr_cache: shared_expr::ExprCache,
}

/// Evaluates `x op y` for classed operands it knows, or declines with `None`.
pub type OpsFn = fn(&mut Interp, BinOp, &Value, &Value) -> Option<EvalResult>;

/// Makes the value of a base name that is bound on first use, if there is one.
pub type LateBaseFn = fn(&mut Interp, &str) -> Option<EvalResult>;

/// Prints a visible top-level value (R's auto-print, with S3 dispatch).
pub type PrintFn = fn(&mut Interp, &Value, &Env) -> EvalResult<()>;

impl Interp {
    /// A new interpreter writing to stdout and stderr, with no builtins yet
    /// (`builtins::install` adds them).
    pub fn new() -> Interp {
        Interp::with_output(Box::new(std::io::stdout()), Box::new(std::io::stderr()))
    }

    /// A new interpreter writing to the given writers, with no builtins yet.
    pub fn with_output(out: Box<dyn std::io::Write>, err_out: Box<dyn std::io::Write>) -> Interp {
        let base = Env::named(Some(Env::named(None, "R_EmptyEnv")), "base");
        let global = Env::named(Some(base.clone()), "R_GlobalEnv");
        Interp {
            global,
            base,
            visible: true,
            out,
            err_out,
            warnings: Vec::new(),
            last_warnings: Vec::new(),
            frames: Vec::new(),
            handlers: Vec::new(),
            next_handler_id: 1,
            pseudo_calls: Vec::new(),
            depth: 0,
            max_depth: 5000,
            stack_base: 0,
            stack_limit: DEFAULT_STACK_LIMIT,
            pending_warnings: Vec::new(),
            captures: Vec::new(),
            caps: Caps::default(),
            autoprint: true,
            rng: crate::stats::rng::Rng::default(),
            builtins: Vec::new(),
            natives: Vec::new(),
            steps: 0,
            deadline: None,
            max_steps: None,
            memory_cap: None,
            command_args: Vec::new(),
            options: Vec::new(),
            printer: None,
            late_base: None,
            packages: packages::DEFAULT_PACKAGES.iter().map(|p| p.to_string()).collect(),
            graphics: None,
            connections: None,
            generic: Vec::new(),
            gates: Vec::new(),
            ops_hook: None,
            env_vars: Vec::new(),
            console: None,
            debug: debug::Debug::default(),
            s4: slots::S4State::default(),
            expr_cache: Default::default(),
        }
    }

    /// Stops with R's C-stack error when evaluation has used more than `stack_limit` bytes
    /// of stack since the top-level expression began.
    #[inline]
    pub fn check_stack(&self) -> EvalResult<()> {
        if self.stack_base != 0 {
            let used = self.stack_base.saturating_sub(stack_pos());
            if used > self.stack_limit {
                return Err(stack_error(used));
            }
        }
        Ok(())
    }

    /// Counts one evaluation step and, every few thousand, checks interrupts and budgets.
    #[inline]
    pub fn tick(&mut self) -> EvalResult<()> {
        self.steps = self.steps.wrapping_add(1);
        if self.steps & 0x3FF == 0 {
            return self.check_limits();
        }
        Ok(())
    }

    /// Checks interrupts and the time and step limits now (for long loops inside builtins).
    pub fn check_now(&mut self) -> EvalResult<()> {
        self.check_limits()
    }

    #[cold]
    fn check_limits(&mut self) -> EvalResult<()> {
        use std::sync::atomic::Ordering;
        use crate::error::ErrorKind::Limit;
        if INTERRUPTED.swap(false, Ordering::SeqCst) {
            return Err(RError::new(Limit, crate::error::INTERRUPTED_MSG).into());
        }
        if let Some(d) = self.deadline {
            if std::time::Instant::now() > d {
                return Err(RError::new(Limit, crate::error::TIME_LIMIT_MSG).into());
            }
        }
        if let Some(m) = self.max_steps {
            if self.steps > m {
                return Err(RError::new(Limit, crate::error::STEP_LIMIT_MSG).into());
            }
        }
        if let Some(cap) = self.memory_cap {
            // (a few microseconds, once per thousand steps)
            if crate::mem::resident_bytes().is_some_and(|r| r > cap) {
                return Err(RError::new(Limit, crate::error::MEMORY_LIMIT_MSG).into());
            }
        }
        Ok(())
    }

    /// Writes text to the interpreter's output.
    pub fn write_out(&mut self, s: &str) {
        if let Some(buf) = self.captures.last_mut() {
            buf.push_str(s);
            return;
        }
        if s.len() <= 1 << 16 {
            let _ = self.out.write_all(s.as_bytes());
            return;
        }
        // long output goes out in pieces so Ctrl-C can stop it (the flag stays set: the
        // evaluation then stops with the interrupt)
        let mut rest = s;
        while !rest.is_empty() {
            if INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst) {
                let _ = self.out.write_all(b"\n");
                return;
            }
            let mut cut = rest.len().min(1 << 14);
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            if let Some(nl) = rest[..cut].rfind('\n') {
                cut = nl + 1;
            }
            let _ = self.out.write_all(rest[..cut].as_bytes());
            let _ = self.out.flush();
            rest = &rest[cut..];
        }
    }
    /// Starts capturing output into a string (nestable).
    pub fn begin_capture(&mut self) {
        self.captures.push(String::new());
    }
    /// Ends the innermost capture and returns what was written.
    pub fn end_capture(&mut self) -> String {
        self.captures.pop().unwrap_or_default()
    }
    /// Writes text to the interpreter's error stream.
    pub fn write_err(&mut self, s: &str) {
        let _ = self.out.flush();
        let _ = self.err_out.write_all(s.as_bytes());
    }
    pub fn flush(&mut self) {
        let _ = self.out.flush();
        let _ = self.err_out.flush();
    }

    /// Evaluates one top-level expression, printing it when visible, then reports warnings.
    pub fn eval_toplevel(&mut self, e: &Expr) -> Result<Value, Stop> {
        self.visible = true;
        let env = self.global.clone();
        let saved_base = self.stack_base;
        if saved_base == 0 {
            self.stack_base = stack_pos();
            // the decimal mark is per thread: another interpreter may have changed it
            let mark = self.options.iter().find(|(k, _)| k == "OutDec");
            let mark = mark.and_then(|(_, v)| v.as_string()).and_then(|s| s.chars().next());
            crate::value::num_format::set_out_dec(mark.unwrap_or('.'));
        }
        let r = self.eval(e, &env);
        let visible = self.visible;
        let r = match r {
            Ok(v) => match self.printer {
                Some(print) if self.visible && self.autoprint => print(self, &v, &env).map(|_| v),
                _ => Ok(v),
            },
            Err(f) => Err(f),
        };
        let r = match r {
            Ok(v) => {
                // not after an assignment: the variable and .Last.value would share the
                // vector, and the next change to the variable would copy it whole
                if !matches!(e.kind, ExprKind::Assign(..)) {
                    self.base.set(Sym::new(".Last.value"), v.clone());
                }
                self.task_callbacks(e, &v, visible).map(|_| v)
            }
            r => r,
        };
        let res = match r {
            Ok(v) => Ok(v),
            Err(Flow::Error(e)) => {
                self.error_reached_top(&e);
                Err(Stop::Error(*e))
            }
            Err(Flow::Quit(status)) => Err(Stop::Quit(status)),
            Err(Flow::Break) | Err(Flow::Next) => Err(Stop::Error(RError::runtime(
                "no loop for break/next, jumping to top level",
            ))),
            Err(Flow::Return(v)) => Ok(v),
            Err(Flow::Unwind { .. }) => Err(Stop::Error(RError::runtime(
                "condition unwound past its handler",
            ))),
        };
        if self.debug.stepping {
            self.end_stepping();
        }
        self.frames.clear();
        self.handlers.clear();
        self.depth = 0;
        self.stack_base = saved_base;
        self.flush_warnings();
        res
    }

    /// Calls the task callbacks `addTaskCallback` registered (a list bound in the base
    /// environment) after a top-level expression; those that return FALSE are removed.
    fn task_callbacks(&mut self, e: &Expr, v: &Value, visible: bool) -> EvalResult<()> {
        let key = Sym::new(".rsc_task_callbacks");
        let Some(cbs) = self.base.get_local(key) else { return Ok(()) };
        let fs = cbs.list_vec();
        if fs.is_empty() {
            return Ok(());
        }
        let names = cbs.names();
        let expr = Value::Lang(std::rc::Rc::new(crate::value::Lang {
            expr: std::rc::Rc::new(e.clone()),
            attrs: None,
        }));
        let mut keep = Vec::new();
        for (i, f) in fs.iter().enumerate() {
            let args = vec![
                (None, expr.clone()),
                (None, v.clone()),
                (None, Value::lgl(true)),
                (None, Value::lgl(visible)),
            ];
            let r = self.call_value(f, args)?;
            if r.as_bool().flatten() != Some(false) {
                let n = names.as_ref().and_then(|n| n[i].as_deref().map(String::from)).unwrap_or_default();
                keep.push((n, f.clone()));
            }
        }
        if keep.len() != fs.len() {
            self.base.set(key, Value::named_list(keep));
        }
        Ok(())
    }

    /// Prints collected warnings to the error stream as R does at top level (a message that
    /// would make the line longer than 75 columns goes on the next line, indented).
    pub fn flush_warnings(&mut self) {
        if self.warnings.is_empty() {
            return;
        }
        let w = std::mem::take(&mut self.warnings);
        self.last_warnings = w.clone();
        let mut s = String::new();
        if w.len() >= 50 {
            s.push_str("There were 50 or more warnings (use warnings() to see the first 50)\n");
        } else if w.len() > 10 {
            s.push_str(&format!(
                "There were {} warnings (use warnings() to see them)\n",
                w.len()
            ));
        } else if w.len() == 1 {
            s.push_str("Warning message:\n");
            let (call, msg) = &w[0];
            match call {
                Some(c) => s.push_str(&format!("In {} :{} {}\n", c, warn_break(6, c, msg), msg)),
                None => s.push_str(&format!("{}\n", msg)),
            }
        } else {
            s.push_str("Warning messages:\n");
            for (i, (call, msg)) in w.iter().enumerate() {
                match call {
                    Some(c) => s.push_str(&format!("{}: In {} :{} {}\n", i + 1, c, warn_break(10, c, msg), msg)),
                    None => s.push_str(&format!("{}: {}\n", i + 1, msg)),
                }
            }
        }
        self.write_err(&s);
    }

    /// Looks a variable up along `env`'s chain, forcing promises.
    pub fn get_var(&mut self, s: Sym, env: &Env) -> EvalResult {
        match env.lookup(s) {
            Some(Value::Promise(p)) => self.force(&p),
            Some(Value::Missing) => err(format!("argument \"{}\" is missing, with no default", s)),
            Some(v) => Ok(v),
            None if is_dot_dot_n(s.as_str()) => {
                let n: usize = s.as_str()[2..].parse().unwrap_or(0);
                let dots = self.dots_of(env)?;
                match dots.into_iter().nth(n.wrapping_sub(1)) {
                    Some((_, Value::Promise(p))) => self.force(&p),
                    Some((_, v)) => Ok(v),
                    None => err(format!("the ... list does not contain {} elements", n)),
                }
            }
            None => self.dataset_or_not_found(s),
        }
    }

    /// The last place a name is looked up: a data set shipped with R (loaded once into
    /// the base environment, so `iris$r <- 1` modifies a copy in the caller's), or R's
    /// "object not found" error.
    pub fn dataset_or_not_found(&mut self, s: Sym) -> EvalResult {
        match self.late_binding(s) {
            Some(r) => r,
            None => err(format!("object '{}' not found", s)),
        }
    }

    /// Binds a base name on first use (see `late_base`) and returns its value; None when
    /// the name is not one of them.
    pub fn late_binding(&mut self, s: Sym) -> Option<EvalResult> {
        if s.as_str() == ".Random.seed" {
            return self.random_seed().map(Ok);
        }
        let make = self.late_base?;
        let r = make(self, s.as_str())?;
        if let Ok(v) = &r {
            self.base.set(s, v.clone());
        }
        Some(r)
    }

    /// Forces a promise, caching its value.
    pub fn force(&mut self, p: &Rc<crate::value::Promise>) -> EvalResult {
        if let Some(v) = p.value.borrow().as_ref() {
            return Ok(v.clone());
        }
        let env = match &p.env {
            Some(e) => e.clone(),
            None => return Ok(Value::Null),
        };
        self.check_stack()?;
        let v = self.eval(&p.expr, &env)?;
        *p.value.borrow_mut() = Some(v.clone());
        Ok(v)
    }

    /// Finds a function by name, skipping non-function bindings as R does.
    pub fn get_function(&mut self, s: Sym, env: &Env) -> EvalResult {
        if let Some(v) = env.function_quick(s) {
            return Ok(v);
        }
        let mut cur = Some(env.clone());
        while let Some(e) = cur {
            if let Some(v) = e.get_local(s) {
                let v = match v {
                    Value::Promise(p) => self.force(&p)?,
                    v => v,
                };
                if v.is_function() {
                    return Ok(v);
                }
            }
            cur = e.parent();
        }
        match self.late_binding(s) {
            Some(Ok(v)) if v.is_function() => Ok(v),
            Some(Err(e)) => Err(e),
            _ => err(format!("could not find function \"{}\"", s)),
        }
    }

    /// `e` (the binary call `x op b`) once its left operand `x` is evaluated.
    fn binary_with_left(&mut self, e: &Expr, op: BinOp, x: Value, b: &Expr, env: &Env) -> EvalResult {
        self.visible = true;
        // A numeric literal on the right needs no vector of its own in the scalar case.
        let x = match &b.kind {
            ExprKind::Const(Const::Num(c)) => match ops::scalar_with_const(op, x, *c) {
                Ok(r) => return Ok(r),
                Err(x) => x,
            },
            _ => x,
        };
        let y = self.eval(b, env)?;
        self.visible = true;
        let r = ops::binary(self, op, x, y, env).map_err(|f| with_call_span(f, e));
        if !self.pending_warnings.is_empty() {
            self.deliver_warnings(Some(crate::syntax::deparse::deparse(e)))?;
        }
        r
    }

    /// `if (x < 2)` and the like, a comparison of a number with a numeric literal, tested
    /// without making the logical vector: Some(test) when both are numbers and the test is
    /// not NA, None (nothing evaluated) when the condition has another form. Any other
    /// left operand is compared as usual and the result tested as usual.
    fn scalar_condition(&mut self, c: &Expr, ife: &Expr, env: &Env) -> EvalResult<Option<bool>> {
        let ExprKind::Binary(
            op @ (BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne),
            a,
            b,
        ) = &c.kind
        else {
            return Ok(None);
        };
        let k = match &b.kind {
            ExprKind::Const(Const::Num(k)) if !k.is_nan() => *k,
            ExprKind::Const(Const::Int(k)) => *k as f64,
            _ => return Ok(None),
        };
        if operators_overridden() {
            return Ok(None);
        }
        self.check_stack()?;
        let x = self.eval(a, env)?;
        if let Some((v, _)) = ops::scalar_num(&x) {
            if let Some(r) = ops::compare_scalars(*op, v, k) {
                if r != crate::value::NA_LGL {
                    self.visible = true;
                    return Ok(Some(r != 0));
                }
            }
        }
        let cv = self.binary_with_left(c, *op, x, b, env)?;
        self.truthy(&cv, "if")
            .map_err(|f| with_call_span(with_span(f, c), ife))
            .map(Some)
    }

    /// Evaluates an expression in an environment.
    pub fn eval(&mut self, e: &Expr, env: &Env) -> EvalResult {
        if operators_overridden() {
            if let Some(r) = self.user_operator(e, env) {
                return r;
            }
        }
        match &e.kind {
            ExprKind::Const(c) => {
                self.visible = true;
                Ok(const_value(c))
            }
            ExprKind::Ident(s) => {
                self.visible = true;
                match self.get_var(*s, env) {
                    Ok(v) => Ok(v),
                    Err(Flow::Error(mut er)) => {
                        if er.call.is_none() {
                            er.call = Some(self.current_call().unwrap_or_default());
                        }
                        Err(with_span(Flow::Error(er), e))
                    }
                    Err(f) => Err(f),
                }
            }
            ExprKind::Binary(op @ (BinOp::And2 | BinOp::Or2), a, b) => {
                let x = self.eval(a, env)?;
                let xa = self
                    .scalar_logic(&x, *op, true)
                    .map_err(|f| with_call_span(f, e))?;
                let res = match (op, xa) {
                    (BinOp::And2, Some(false)) => Some(false),
                    (BinOp::Or2, Some(true)) => Some(true),
                    _ => {
                        let y = self.eval(b, env)?;
                        let ya = self
                            .scalar_logic(&y, *op, false)
                            .map_err(|f| with_call_span(f, e))?;
                        match (op, xa, ya) {
                            (BinOp::And2, _, Some(false)) => Some(false),
                            (BinOp::And2, Some(true), Some(true)) => Some(true),
                            (BinOp::Or2, _, Some(true)) => Some(true),
                            (BinOp::Or2, Some(false), Some(false)) => Some(false),
                            _ => None,
                        }
                    }
                };
                self.visible = true;
                Ok(match res {
                    Some(b) => Value::lgl(b),
                    None => Value::lgl_na(),
                })
            }
            ExprKind::Binary(op, a, b) => {
                // Scalar arithmetic on numbers evaluates without building intermediate vectors.
                if let Some(r) = self.scalar_arith(e, env) {
                    self.visible = true;
                    return Ok(match r {
                        Scalar::Num(x) => Value::num(x),
                        Scalar::Lgl(x) => Value::lgls(vec![x]),
                    });
                }
                self.check_stack()?;
                let x = self.eval(a, env)?;
                self.binary_with_left(e, *op, x, b, env)
            }
            ExprKind::Unary(op, a) => {
                self.check_stack()?;
                let x = self.eval(a, env)?;
                self.visible = true;
                ops::unary(self, *op, x).map_err(|f| with_call_span(f, e))
            }
            ExprKind::Call(f, args) => self.eval_call(e, f, args, env),
            ExprKind::Assign(op, target, value) => {
                // `x <- <scalar arithmetic>`: no intermediate value, and x's own buffer is
                // reused when nothing else holds it
                if let (
                    ExprKind::Ident(sym),
                    ExprKind::Binary(bop, ..),
                    AssignOp::Local | AssignOp::Equals | AssignOp::Right,
                ) = (&target.kind, &value.kind, op)
                {
                    if !matches!(bop, BinOp::And2 | BinOp::Or2) {
                        if let Some(r) = self.scalar_arith(value, env) {
                            let v = match r {
                                Scalar::Num(x) => env.set_num(*sym, x),
                                Scalar::Lgl(x) => {
                                    let v = Value::lgls(vec![x]);
                                    env.set(*sym, v.clone());
                                    v
                                }
                            };
                            self.visible = false;
                            return Ok(v);
                        }
                    }
                }
                let v = self.eval(value, env)?;
                let sup = matches!(op, AssignOp::Super | AssignOp::RightSuper);
                assign::assign(self, target, v.clone(), env, sup)
                    .map_err(|f| with_call_span(f, e))?;
                self.visible = false;
                Ok(v)
            }
            ExprKind::Block(items) => {
                self.check_stack()?;
                self.visible = true;
                if self.debug.stepping {
                    return self.step_block(items, env, Value::Null);
                }
                let mut last = Value::Null;
                for (i, it) in items.iter().enumerate() {
                    last = self.eval(it, env)?;
                    if self.debug.stepping {
                        // `n` at a browser() prompt: step through the rest
                        return self.step_block(&items[i + 1..], env, last);
                    }
                }
                Ok(last)
            }
            ExprKind::Paren(inner) => {
                self.check_stack()?;
                let v = self.eval(inner, env)?;
                self.visible = true;
                Ok(v)
            }
            _ => self.eval_cold(e, env),
        }
    }

    /// The less frequent expression kinds, kept out of `eval` so its frame stays small.
    #[inline(never)]
    fn eval_cold(&mut self, e: &Expr, env: &Env) -> EvalResult {
        self.check_stack()?;
        match &e.kind {
            ExprKind::If(c, a, b) => {
                let test = match self.scalar_condition(c, e, env)? {
                    Some(t) => t,
                    None => {
                        let cv = self.eval(c, env)?;
                        self.truthy(&cv, "if")
                            .map_err(|f| with_call_span(with_span(f, c), e))?
                    }
                };
                if test {
                    self.eval(a, env)
                } else if let Some(b) = b {
                    self.eval(b, env)
                } else {
                    self.visible = false;
                    Ok(Value::Null)
                }
            }
            ExprKind::For(..) | ExprKind::While(..) | ExprKind::Repeat(..)
                if self.debug.active && !self.debug.entering_loop(e, env) =>
            {
                self.debugged_loop(e, env)
            }
            ExprKind::For(var, seq, body) => self.eval_for(*var, seq, body, env),
            ExprKind::While(c, body) => {
                loop {
                    self.tick()?;
                    let cv = self.eval(c, env)?;
                    if !self
                        .truthy(&cv, "while")
                        .map_err(|f| with_call_span(with_span(f, c), e))?
                    {
                        break;
                    }
                    match self.eval(body, env) {
                        Ok(_) | Err(Flow::Next) => {}
                        Err(Flow::Break) => break,
                        Err(f) => return Err(f),
                    }
                }
                self.visible = false;
                Ok(Value::Null)
            }
            ExprKind::Repeat(body) => {
                loop {
                    self.tick()?;
                    match self.eval(body, env) {
                        Ok(_) | Err(Flow::Next) => {}
                        Err(Flow::Break) => break,
                        Err(f) => return Err(f),
                    }
                }
                self.visible = false;
                Ok(Value::Null)
            }
            ExprKind::Break => Err(Flow::Break),
            ExprKind::Next => Err(Flow::Next),
            ExprKind::Function(params, body) => {
                self.visible = true;
                Ok(Value::Closure(Rc::new(crate::value::Closure {
                    params: params.clone(),
                    body: body.clone(),
                    env: env.clone(),
                    attrs: None,
                })))
            }
            ExprKind::Formula(..) => {
                self.visible = true;
                Ok(make_formula(e, env))
            }
            ExprKind::Index(obj, args) => {
                let x = self.eval(obj, env)?;
                let r =
                    index::eval_index(self, x, Some(obj), args, env, false).map_err(|f| with_call_span(f, e));
                self.visible = true;
                r
            }
            ExprKind::Index2(obj, args) => {
                let x = self.eval(obj, env)?;
                let r =
                    index::eval_index(self, x, Some(obj), args, env, true).map_err(|f| with_call_span(f, e));
                self.visible = true;
                r
            }
            ExprKind::Dollar(obj, name) => {
                let x = self.eval(obj, env)?;
                self.visible = true;
                index::dollar(self, &x, name.as_str()).map_err(|f| with_call_span(f, e))
            }
            ExprKind::At(obj, name) => {
                let x = self.eval(obj, env)?;
                self.visible = true;
                slots::get_slot(&x, name.as_str()).map_err(|f| with_call_span(f, e))
            }
            ExprKind::Ns { pkg, name, internal } => {
                self.visible = true;
                if !packages::is_provided(pkg.as_str()) {
                    return Err(with_call_span(
                        RError::runtime(packages::no_package(pkg.as_str()))
                            .with_call(format!("loadNamespace(x)"))
                            .into(),
                        e,
                    ));
                }
                match self.base.get_local(*name) {
                    Some(v) => Ok(v),
                    None => match self.late_binding(*name) {
                        Some(r) => r,
                        None if *internal => err(format!("object '{}' not found", name)),
                        None => err(format!(
                            "'{}' is not an exported object from 'namespace:{}'",
                            name, pkg
                        )),
                    },
                }
            }
            _ => self.eval(e, env),
        }
    }

    fn scalar_logic(&mut self, v: &Value, op: BinOp, left: bool) -> EvalResult<Option<bool>> {
        let side = if left { "x" } else { "y" };
        match v {
            Value::Vector(vec) if !matches!(vec.data, Data::Str(_) | Data::List(_)) => {
                if vec.data.len() != 1 {
                    if vec.data.is_empty() {
                        return Ok(None);
                    }
                    return err(format!(
                        "'length = {}' in coercion to 'logical(1)'",
                        vec.data.len()
                    ));
                }
                Ok(v.as_bool().flatten())
            }
            _ => err(format!("invalid '{}' type in 'x {} y'", side, op.as_str())),
        }
    }

    /// The condition of `if`/`while` as a bool, with R's errors.
    pub fn truthy(&mut self, v: &Value, what: &str) -> EvalResult<bool> {
        if let Some(Data::Lgl(l)) = v.data() {
            if l.len() == 1 && l[0] != crate::value::NA_LGL {
                return Ok(l[0] != 0);
            }
        }
        let n = v.len();
        if n == 0 {
            return err("argument is of length zero");
        }
        if n > 1 {
            return err("the condition has length > 1");
        }
        if matches!(v.vtype(), Some(crate::value::VType::Str)) {
            let s = v.as_string();
            return match s.as_deref() {
                Some("TRUE") | Some("true") | Some("T") | Some("True") => Ok(true),
                Some("FALSE") | Some("false") | Some("F") | Some("False") => Ok(false),
                _ => err("argument is not interpretable as logical".to_string()),
            };
        }
        match v.as_bool() {
            Some(Some(b)) => Ok(b),
            Some(None) => err("missing value where TRUE/FALSE needed".to_string()),
            None => err("argument is of length zero".to_string()).inspect_err(|_f| {
                let _ = what;
            }),
        }
    }
}

impl Default for Interp {
    fn default() -> Self {
        Interp::new()
    }
}

/// The value of a literal.
pub fn const_value(c: &Const) -> Value {
    match c {
        Const::Null => Value::Null,
        Const::Bool(b) => Value::lgl(*b),
        Const::Na => Value::lgl_na(),
        Const::NaInt => Value::int(crate::value::NA_INT),
        Const::NaReal => Value::num(crate::value::na_real()),
        Const::NaChar => Value::strs(vec![None]),
        Const::Int(i) => Value::int(*i),
        Const::Num(x) => Value::num(*x),
        Const::Cplx(x) => Value::cplxs(vec![crate::value::complex::C64::new(0.0, *x)]),
        Const::NaCplx => Value::cplxs(vec![crate::value::complex::na_cplx()]),
        Const::Str(s) => Value::strs(vec![Some(s.clone())]),
    }
}

/// A formula value: the expression with class "formula" and its environment.
pub fn make_formula(e: &Expr, env: &Env) -> Value {
    let mut v = Value::Lang(Rc::new(Lang {
        expr: Rc::new(e.clone()),
        attrs: None,
    }));
    v.set_attr(Sym::new("class"), Value::str("formula"));
    v.set_attr(Sym::new(".Environment"), Value::Env(env.clone()));
    v
}

/// Attaches the span of `e` to an error that has none.
pub fn with_span(f: Flow, e: &Expr) -> Flow {
    match f {
        Flow::Error(mut er) => {
            if er.span.is_none() && e.span != crate::syntax::span::Span::default() {
                er.span = Some(e.span);
            }
            Flow::Error(er)
        }
        f => f,
    }
}

/// Attaches the span and the deparsed call of `e` to an error that has neither.
pub fn with_call_span(f: Flow, e: &Expr) -> Flow {
    match f {
        Flow::Error(mut er) => {
            if er.call.is_none() {
                er.call = Some(crate::syntax::deparse::deparse(e));
            }
            if er.span.is_none() && e.span != crate::syntax::span::Span::default() {
                er.span = Some(e.span);
            }
            Flow::Error(er)
        }
        f => f,
    }
}

/// Whether a name is `..1`, `..2`, ...
fn is_dot_dot_n(s: &str) -> bool {
    s.len() > 2 && s.starts_with("..") && s[2..].bytes().all(|b| b.is_ascii_digit())
}

/// R's line break between a warning's call and its message: when `extra` + the call's width
/// + the width of the message's first line exceeds 75 columns.
fn warn_break(extra: usize, call: &str, msg: &str) -> &'static str {
    let first = msg.split('\n').next().unwrap_or("");
    if extra + call.chars().count() + first.chars().count() > 75 {
        "\n "
    } else {
        ""
    }
}
