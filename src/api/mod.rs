//! The embedding API: an [`Interpreter`] a host program creates, feeds source to, exchanges
//! values with, and extends with native functions.

pub mod chunk;
pub mod render;
pub mod session;

use crate::builtins::Args;
use crate::error::{ErrorKind, EvalResult, RError};
use crate::eval::{Caps, Interp};
use crate::syntax::sym::Sym;
use crate::value::{Data, Value, NA_INT};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// An evaluation error with the source it came from, so it can be drawn with a caret.
#[derive(Debug, Clone)]
pub struct Error {
    pub error: RError,
    /// Name of the source (file name, or `<eval>`).
    pub source_name: String,
    pub source: String,
    /// Set when the script called `q()`: its exit status (the kind is then `Quit`).
    pub quit_status: Option<i32>,
}

impl Error {
    /// What went wrong, broadly.
    pub fn kind(&self) -> ErrorKind {
        self.error.kind
    }
    /// The message without the `Error in ...` header.
    pub fn message(&self) -> &str {
        &self.error.message
    }
    /// The diagnostic as the CLI prints it: R's header, then file:line:col and a caret.
    pub fn render(&self) -> String {
        self.error.render(&self.source_name, &self.source)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for Error {}

/// A writer that appends to a shared buffer (for hosts that capture output).
#[derive(Clone, Default)]
pub struct SharedBuffer(pub Rc<RefCell<Vec<u8>>>);

impl SharedBuffer {
    pub fn new() -> SharedBuffer {
        SharedBuffer::default()
    }
    /// Everything written so far, as text.
    pub fn contents(&self) -> String {
        String::from_utf8_lossy(&self.0.borrow()).into_owned()
    }
    /// Empties the buffer.
    pub fn clear(&self) {
        self.0.borrow_mut().clear();
    }
}

impl Write for SharedBuffer {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Configures an [`Interpreter`] before it is built.
pub struct Builder {
    out: Option<Box<dyn Write>>,
    err: Option<Box<dyn Write>>,
    caps: Caps,
    max_depth: usize,
    stack_limit: usize,
    time_limit: Option<std::time::Duration>,
    max_steps: Option<u64>,
    max_vector: Option<f64>,
    max_memory: Option<u64>,
}

impl Builder {
    /// Where printed output goes (default: discarded).
    pub fn output(mut self, w: impl Write + 'static) -> Builder {
        self.out = Some(Box::new(w));
        self
    }
    /// Where warnings and messages go (default: discarded).
    pub fn errors(mut self, w: impl Write + 'static) -> Builder {
        self.err = Some(Box::new(w));
        self
    }
    /// Allow or forbid reading and writing files (and the working directory with them).
    pub fn files(mut self, allowed: bool) -> Builder {
        self.caps.files_read = allowed;
        self.caps.files_write = allowed;
        self.caps.working_dir = allowed;
        self
    }
    /// Allow or forbid reading and changing the working directory and learning host paths
    /// (`getwd`, `setwd`, `tempdir`, `tempfile`).
    pub fn working_dir(mut self, allowed: bool) -> Builder {
        self.caps.working_dir = allowed;
        self
    }
    /// Allow or forbid reading files only.
    pub fn file_reads(mut self, allowed: bool) -> Builder {
        self.caps.files_read = allowed;
        self
    }
    /// Allow or forbid writing files only.
    pub fn file_writes(mut self, allowed: bool) -> Builder {
        self.caps.files_write = allowed;
        self
    }
    /// Allow or forbid reading environment variables.
    pub fn env_vars(mut self, allowed: bool) -> Builder {
        self.caps.env_vars = allowed;
        self
    }
    /// Allow or forbid running system commands.
    pub fn system(mut self, allowed: bool) -> Builder {
        self.caps.system = allowed;
        self
    }
    /// Maximum nesting of function calls (R's `expressions` option; default 5000).
    pub fn max_depth(mut self, depth: usize) -> Builder {
        self.max_depth = depth;
        self
    }
    /// Stack bytes an evaluation may use before it stops with R's C-stack error (default
    /// [`DEFAULT_STACK_LIMIT`](crate::eval::DEFAULT_STACK_LIMIT), for an 8 MiB thread stack;
    /// raise it when evaluating on a thread with a bigger stack).
    pub fn stack_limit(mut self, bytes: usize) -> Builder {
        self.stack_limit = bytes;
        self
    }
    /// Stop each evaluation with an error after this much wall time.
    pub fn time_limit(mut self, d: std::time::Duration) -> Builder {
        self.time_limit = Some(d);
        self
    }
    /// Stop each evaluation with an error after this many steps (loop iterations and calls).
    pub fn max_steps(mut self, n: u64) -> Builder {
        self.max_steps = Some(n);
        self
    }
    /// Refuse, with R's `cannot allocate vector of size` error, any single vector larger
    /// than this many bytes (default: what the machine could allocate).
    pub fn max_vector_bytes(mut self, bytes: usize) -> Builder {
        self.max_vector = Some(bytes as f64);
        self
    }
    /// Stop each evaluation with an uncatchable error once the process's resident memory
    /// has grown by more than this many bytes since the evaluation began (checked as it
    /// runs; a single vector is bounded by [`max_vector_bytes`](Self::max_vector_bytes)).
    pub fn max_memory_bytes(mut self, bytes: u64) -> Builder {
        self.max_memory = Some(bytes);
        self
    }
    pub fn build(self) -> Interpreter {
        let out = self.out.unwrap_or_else(|| Box::new(std::io::sink()));
        let err = self.err.unwrap_or_else(|| Box::new(std::io::sink()));
        let mut it = Interp::with_output(out, err);
        crate::builtins::install(&mut it);
        it.caps = self.caps;
        it.autoprint = false;
        it.max_depth = self.max_depth;
        it.stack_limit = self.stack_limit;
        Interpreter {
            it,
            time_limit: self.time_limit,
            max_steps: self.max_steps,
            max_vector: self.max_vector,
            max_memory: self.max_memory,
        }
    }
}

/// An R interpreter with base, stats and the data sets loaded.
///
/// ```
/// let mut r = rsc::Interpreter::new();
/// r.set("w", vec![1.0, 2.0, 3.0]);
/// let x: f64 = r.eval("mean(cars$speed) + sum(w)").unwrap().try_into().unwrap();
/// assert_eq!(x, 21.4);
/// assert!(r.eval("stop('boom')").is_err());
/// ```
pub struct Interpreter {
    it: Interp,
    time_limit: Option<std::time::Duration>,
    max_steps: Option<u64>,
    max_vector: Option<f64>,
    max_memory: Option<u64>,
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}

// The public error carries the source text it renders against; boxing it would change
// the embedding API for a few bytes on the error path.
#[allow(clippy::result_large_err)]
impl Interpreter {
    /// An interpreter whose printed output is discarded (use [`builder`](Self::builder) to keep it).
    pub fn new() -> Interpreter {
        Interpreter::builder().build()
    }
    /// A builder for output writers, limits and capabilities.
    pub fn builder() -> Builder {
        Builder {
            out: None,
            err: None,
            caps: Caps::default(),
            max_depth: 5000,
            stack_limit: crate::eval::DEFAULT_STACK_LIMIT,
            time_limit: None,
            max_steps: None,
            max_vector: None,
            max_memory: None,
        }
    }
    /// An interpreter for untrusted scripts: no files, working directory, environment
    /// variables or system commands, a smaller call depth, and per evaluation a ten-second
    /// budget, vectors of at most 256 MiB and at most 1 GiB of memory growth. Scripts
    /// cannot catch the budgets (`try`, `tryCatch` and `withCallingHandlers` never see them).
    pub fn sandboxed() -> Interpreter {
        Interpreter::sandbox_builder().build()
    }
    /// A builder preset as [`sandboxed`](Self::sandboxed), to adjust a budget before building.
    pub fn sandbox_builder() -> Builder {
        Interpreter::builder()
            .files(false)
            .env_vars(false)
            .system(false)
            .max_depth(1000)
            .time_limit(std::time::Duration::from_secs(10))
            .max_vector_bytes(256 << 20)
            .max_memory_bytes(1 << 30)
    }
    /// The underlying evaluator, for advanced use.
    pub fn raw(&mut self) -> &mut Interp {
        &mut self.it
    }

    /// Parses and evaluates source text at top level; returns the last value. Values are not
    /// auto-printed (call `print()` in the script, or [`run`](Self::run) to print as a script does).
    pub fn eval(&mut self, src: &str) -> Result<Value, Error> {
        self.eval_named("<eval>", src)
    }

    /// Evaluates source text as `Rscript` would, printing visible top-level values.
    pub fn run(&mut self, src: &str) -> Result<Value, Error> {
        self.it.autoprint = true;
        let r = self.eval_named("<run>", src);
        self.it.autoprint = false;
        r
    }

    /// Evaluates a file.
    pub fn eval_file(&mut self, path: &str) -> Result<Value, Error> {
        let src = std::fs::read_to_string(path).map_err(|e| Error {
            error: RError::runtime(format!("cannot open file '{}': {}", path, e)),
            source_name: path.to_string(),
            source: String::new(),
            quit_status: None,
        })?;
        self.eval_named(path, &src)
    }

    fn eval_named(&mut self, name: &str, src: &str) -> Result<Value, Error> {
        let wrap = |e: RError| Error {
            error: e,
            source_name: name.to_string(),
            source: src.to_string(),
            quit_status: None,
        };
        let exprs = crate::syntax::parse(src).map_err(wrap)?;
        self.it.deadline = self.time_limit.map(|d| std::time::Instant::now() + d);
        self.it.max_steps = self.max_steps.map(|m| self.it.steps.saturating_add(m));
        crate::value::alloc::set_thread_limit(self.max_vector);
        self.it.memory_cap = self
            .max_memory
            .map(|m| crate::mem::resident_bytes().unwrap_or(0).saturating_add(m));
        crate::value::alloc::set_thread_memory_cap(self.it.memory_cap);
        let ended = session::eval_statements(&mut self.it, &exprs);
        self.it.deadline = None;
        self.it.max_steps = None;
        self.it.memory_cap = None;
        crate::value::alloc::set_thread_memory_cap(None);
        crate::value::alloc::set_thread_limit(None);
        match ended {
            session::Ended::Done(v) => Ok(v),
            session::Ended::Error(e) => Err(wrap(e)),
            session::Ended::Quit(status) => Err(Error {
                quit_status: Some(status),
                ..wrap(RError::new(
                    ErrorKind::Quit,
                    format!("quit(status = {})", status),
                ))
            }),
        }
    }

    /// Binds a global variable.
    pub fn set(&mut self, name: &str, v: impl Into<Value>) {
        self.it.global.set(Sym::new(name), v.into());
    }

    /// The value of a global variable (None if unbound).
    pub fn get(&mut self, name: &str) -> Option<Value> {
        let env = self.it.global.clone();
        self.it.get_var(Sym::new(name), &env).ok()
    }

    /// Registers a native function callable from scripts under `name`. It receives the
    /// evaluated arguments; use [`Args::matched`] for R's argument matching, and return
    /// `crate::error::err("message")` to raise an R error (catchable with `tryCatch`).
    pub fn register_fn<F>(&mut self, name: &str, f: F)
    where
        F: Fn(&mut Interp, Args) -> EvalResult + 'static,
    {
        let name: &'static str = Sym::new(name).as_str();
        self.it.define_native(name, Rc::new(f));
    }
}

pub use crate::error::ConvertError;

fn scalar(v: &Value, what: &str) -> Result<Data, ConvertError> {
    match v.data() {
        Some(d) if d.len() == 1 => Ok(d.clone()),
        _ => Err(ConvertError(format!(
            "expected a length-one {} vector, got length {}",
            what,
            v.len()
        ))),
    }
}

impl TryFrom<Value> for f64 {
    type Error = ConvertError;
    fn try_from(v: Value) -> Result<f64, ConvertError> {
        let d = scalar(&v, "numeric")?;
        match d {
            Data::Dbl(_) | Data::Int(_) | Data::Lgl(_) => Ok(d.to_dbl()[0]),
            _ => Err(ConvertError("expected a numeric value".into())),
        }
    }
}

impl TryFrom<Value> for i32 {
    type Error = ConvertError;
    fn try_from(v: Value) -> Result<i32, ConvertError> {
        let d = scalar(&v, "integer")?;
        let x = d.to_int()[0];
        if x == NA_INT {
            return Err(ConvertError("value is NA".into()));
        }
        Ok(x)
    }
}

impl TryFrom<Value> for bool {
    type Error = ConvertError;
    fn try_from(v: Value) -> Result<bool, ConvertError> {
        match v.as_bool() {
            Some(Some(b)) if v.len() == 1 => Ok(b),
            Some(None) => Err(ConvertError("value is NA".into())),
            _ => Err(ConvertError("expected a length-one logical vector".into())),
        }
    }
}

impl TryFrom<Value> for String {
    type Error = ConvertError;
    fn try_from(v: Value) -> Result<String, ConvertError> {
        let d = scalar(&v, "character")?;
        d.to_str()[0]
            .as_deref()
            .map(String::from)
            .ok_or_else(|| ConvertError("value is NA".into()))
    }
}

impl TryFrom<Value> for Vec<f64> {
    type Error = ConvertError;
    fn try_from(v: Value) -> Result<Vec<f64>, ConvertError> {
        match v.data() {
            Some(d @ (Data::Dbl(_) | Data::Int(_) | Data::Lgl(_))) => Ok(d.to_dbl().to_vec()),
            _ => Err(ConvertError("expected a numeric vector".into())),
        }
    }
}

impl TryFrom<Value> for Vec<Option<f64>> {
    type Error = ConvertError;
    fn try_from(v: Value) -> Result<Vec<Option<f64>>, ConvertError> {
        let x: Vec<f64> = v.try_into()?;
        Ok(x.into_iter()
            .map(|f| {
                if crate::value::is_na_real(f) {
                    None
                } else {
                    Some(f)
                }
            })
            .collect())
    }
}

impl TryFrom<Value> for Vec<i32> {
    type Error = ConvertError;
    fn try_from(v: Value) -> Result<Vec<i32>, ConvertError> {
        match v.data() {
            Some(d @ (Data::Int(_) | Data::Lgl(_) | Data::Dbl(_))) => Ok(d.to_int().to_vec()),
            _ => Err(ConvertError("expected an integer vector".into())),
        }
    }
}

impl TryFrom<Value> for Vec<String> {
    type Error = ConvertError;
    fn try_from(v: Value) -> Result<Vec<String>, ConvertError> {
        match v.data() {
            Some(d) if d.vtype() != crate::value::VType::List => Ok(d
                .to_str()
                .iter()
                .map(|s| s.as_deref().unwrap_or("NA").to_string())
                .collect()),
            _ => Err(ConvertError("expected a character vector".into())),
        }
    }
}

impl TryFrom<Value> for Vec<Option<String>> {
    type Error = ConvertError;
    fn try_from(v: Value) -> Result<Vec<Option<String>>, ConvertError> {
        match v.data() {
            Some(d) if d.vtype() != crate::value::VType::List => Ok(d
                .to_str()
                .iter()
                .map(|s| s.as_deref().map(String::from))
                .collect()),
            _ => Err(ConvertError("expected a character vector".into())),
        }
    }
}

impl From<f64> for Value {
    fn from(x: f64) -> Value {
        Value::num(x)
    }
}
impl From<i32> for Value {
    fn from(x: i32) -> Value {
        Value::int(x)
    }
}
impl From<bool> for Value {
    fn from(x: bool) -> Value {
        Value::lgl(x)
    }
}
impl From<&str> for Value {
    fn from(x: &str) -> Value {
        Value::str(x)
    }
}
impl From<String> for Value {
    fn from(x: String) -> Value {
        Value::str(&x)
    }
}
impl From<Vec<f64>> for Value {
    fn from(x: Vec<f64>) -> Value {
        Value::dbls(x)
    }
}
impl From<Vec<i32>> for Value {
    fn from(x: Vec<i32>) -> Value {
        Value::ints(x)
    }
}
impl From<Vec<Option<f64>>> for Value {
    fn from(x: Vec<Option<f64>>) -> Value {
        Value::dbls(
            x.into_iter()
                .map(|v| v.unwrap_or_else(crate::value::na_real))
                .collect(),
        )
    }
}
impl From<Vec<String>> for Value {
    fn from(x: Vec<String>) -> Value {
        Value::strings(&x)
    }
}
impl From<Vec<&str>> for Value {
    fn from(x: Vec<&str>) -> Value {
        Value::strings(&x)
    }
}

/// Builds a data frame from named columns (each a vector value of the same length).
pub fn data_frame(columns: Vec<(&str, Value)>) -> Result<Value, RError> {
    let items = columns
        .into_iter()
        .map(|(n, v)| (n.to_string(), v))
        .collect();
    crate::builtins::base::frames::build_df(items, false, false, None).map_err(|f| match f {
        crate::error::Flow::Error(e) => *e,
        _ => RError::runtime("could not build the data frame"),
    })
}
