//! Numeric kernels for statistics and linear algebra.

pub mod linalg;
pub mod rdist;
