//! `.Random.seed` in the global environment: reading it gives the generator's live state,
//! assigning it there restores a saved state, removing it makes the next draw reseed.

use super::Interp;
use crate::syntax::sym::Sym;
use crate::value::{Env, VType, Value};

impl Interp {
    /// Whether a binding of `s` in `env` is `.Random.seed` in the global environment.
    pub fn is_random_seed(&self, s: Sym, env: &Env) -> bool {
        s.as_str() == ".Random.seed" && env.ptr_eq(&self.global)
    }

    /// The value of `.Random.seed`: None before the generator was first used.
    pub fn random_seed(&self) -> Option<Value> {
        self.rng.seeded.then(|| Value::ints(self.rng.seed_vector()))
    }

    /// Assigns `.Random.seed`: true when `v` was a generator state and is now the live one.
    pub fn set_random_seed(&mut self, v: &Value) -> bool {
        if !matches!(v.vtype(), Some(VType::Int) | Some(VType::Dbl)) {
            return false;
        }
        let s: Vec<i32> = v.int_vec().to_vec();
        self.rng.set_seed_vector(&s)
    }

    /// `rm(.Random.seed)`: the next draw seeds the generator from the clock.
    pub fn remove_random_seed(&mut self) -> bool {
        std::mem::replace(&mut self.rng.seeded, false)
    }
}
