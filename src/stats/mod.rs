//! Numeric kernels for statistics and linear algebra, and the modeling core
//! (formulas and terms, design matrices, least squares, distributions).

pub mod decomp;
pub mod design;
pub mod design_plan;
pub mod dist;
pub mod fisher;
pub mod fourier;
pub mod glm;
pub mod irls;
pub mod linalg;
pub mod lm_fit;
pub mod optim;
pub mod qr;
pub mod quantile;
pub mod rdist;
pub mod rmath;
pub mod time;
pub mod rng;
pub mod swilk;
pub mod terms;
pub mod tsqr;
