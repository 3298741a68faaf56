//! The sandbox's capability model: what a script may touch outside the interpreter, and
//! the one check every world-touching builtin goes through.

use super::Interp;
use crate::error::{EvalResult, RError};
use crate::syntax::sym::Sym;
use crate::value::Value;

/// What a script may touch. Everything is allowed by default; a sandbox turns them off.
#[derive(Clone, Copy, Debug)]
pub struct Caps {
    pub files_read: bool,
    pub files_write: bool,
    pub env_vars: bool,
    pub system: bool,
    /// Reading or changing the working directory, and learning host paths (`getwd`,
    /// `setwd`, `tempdir`, `normalizePath`).
    pub working_dir: bool,
}

impl Default for Caps {
    fn default() -> Self {
        Caps {
            files_read: true,
            files_write: true,
            env_vars: true,
            system: true,
            working_dir: true,
        }
    }
}

/// One thing a builtin may touch outside the interpreter; see [`Interp::require`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cap {
    FilesRead,
    FilesWrite,
    EnvVars,
    System,
    WorkingDir,
}

impl Caps {
    /// Whether `cap` is granted.
    pub fn allows(&self, cap: Cap) -> bool {
        match cap {
            Cap::FilesRead => self.files_read,
            Cap::FilesWrite => self.files_write,
            Cap::EnvVars => self.env_vars,
            Cap::System => self.system,
            Cap::WorkingDir => self.working_dir,
        }
    }
}

impl Interp {
    /// The one capability check every builtin that touches the world goes through (the
    /// evaluator makes it for builtins gated as a whole, see `builtins::world`): an error of
    /// kind `Denied` naming what was refused when the host switched `cap` off.
    pub fn require(&self, cap: Cap, what: &str) -> EvalResult<()> {
        if self.caps.allows(cap) {
            return Ok(());
        }
        let doing = match cap {
            Cap::FilesRead => "reading files",
            Cap::FilesWrite => "writing files",
            Cap::EnvVars => "environment variables",
            Cap::System => "running system commands",
            Cap::WorkingDir => "the working directory",
        };
        let msg = if what.is_empty() {
            format!("{} is not allowed here", doing)
        } else {
            format!("{} is not allowed here: '{}'", doing, what)
        };
        Err(RError::new(crate::error::ErrorKind::Denied, msg).into())
    }

    /// Refuses a call of builtin `id` when it is gated as a whole on a capability the host
    /// switched off.
    #[inline]
    pub(crate) fn check_gate(&self, id: usize, name: &str) -> EvalResult<()> {
        match self.gates.get(id) {
            Some(Some(cap)) => self.require(*cap, name),
            _ => Ok(()),
        }
    }

    /// Gates builtin `name` as a whole on `cap` (used by `builtins::install`).
    pub fn gate_builtin(&mut self, name: &str, cap: Cap) {
        if let Some(Value::Builtin(b)) = self.base.get_local(Sym::new(name)) {
            if self.gates.len() <= b.id {
                self.gates.resize(b.id + 1, None);
            }
            self.gates[b.id] = Some(cap);
        }
    }
}
