//! R's random number streams (Mersenne-Twister with R's seed scrambling, Inversion for
//! normals, Rejection sampling for `sample`).

/// The state of the random number generator.
#[derive(Clone, Debug, Default)]
pub struct Rng {
    /// Set once `set.seed` (or first use) has initialised the state.
    pub seeded: bool,
}
