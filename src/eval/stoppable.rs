//! Long computations that cannot poll for Ctrl-C or the time budget themselves (a
//! decomposition of a large matrix inside nalgebra): they run on a thread of their own
//! while the interpreter waits in short slices, checking its limits between them.

use super::Interp;
use crate::error::{err, EvalResult};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::time::Duration;

/// Below this many floating-point operations a computation runs on the calling thread:
/// it ends long before anyone could stop it.
const INLINE_WORK: f64 = 5e7;

impl Interp {
    /// Runs `f` (about `work` floating-point operations) so that an interrupt or the time
    /// budget stops the call on time. A stopped computation is abandoned: it finishes in
    /// the background and its result is dropped.
    pub fn run_stoppable<T: Send + 'static>(
        &mut self,
        work: f64,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> EvalResult<T> {
        if work < INLINE_WORK {
            return Ok(f());
        }
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new().spawn(move || {
            let _ = tx.send(f());
        });
        if spawned.is_err() {
            return err("cannot start a thread for the computation");
        }
        loop {
            match rx.recv_timeout(Duration::from_millis(20)) {
                Ok(v) => return Ok(v),
                Err(RecvTimeoutError::Timeout) => self.check_now()?,
                Err(RecvTimeoutError::Disconnected) => {
                    return err("the computation failed (an internal error)")
                }
            }
        }
    }
}
