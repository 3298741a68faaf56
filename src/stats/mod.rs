//! Numeric kernels for statistics and linear algebra, and the modeling core
//! (formulas and terms, design matrices, least squares, distributions).

pub mod linalg;
pub mod design;
pub mod design_plan;
pub mod dist;
pub mod qr;
pub mod tsqr;
pub mod rdist;
pub mod swilk;
pub mod fisher;
pub mod terms;
pub mod glm;
pub mod optim;
