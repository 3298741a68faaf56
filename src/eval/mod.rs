//! The tree-walking evaluator.

use crate::value::Env;

/// An interpreter: global environment, output, warnings and limits.
pub struct Interp {
    pub global: Env,
    pub base: Env,
    /// Whether the last top-level value should be printed.
    pub visible: bool,
    out: Box<dyn std::io::Write>,
    /// Warnings collected since the last top-level expression: (call, message).
    pub warnings: Vec<(Option<String>, String)>,
}

impl Interp {
    pub fn new() -> Interp {
        let base = Env::named(None, "base");
        crate::builtins::install(&base);
        let global = Env::named(Some(base.clone()), "R_GlobalEnv");
        Interp { global, base, visible: true, out: Box::new(std::io::stdout()), warnings: Vec::new() }
    }
    /// Writes text to the interpreter's output.
    pub fn write_out(&mut self, s: &str) {
        let _ = self.out.write_all(s.as_bytes());
    }
    /// Records a warning for the call currently being evaluated.
    pub fn warning(&mut self, msg: impl Into<String>) {
        self.warnings.push((None, msg.into()));
    }
}

impl Default for Interp {
    fn default() -> Self {
        Interp::new()
    }
}
