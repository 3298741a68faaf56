//! Numeric kernels for statistics and linear algebra, and the modeling core
//! (formulas and terms, design matrices, least squares, distributions).

pub mod cluster;
pub mod decomp;
pub mod deriv;
pub mod design;
pub mod design_plan;
pub mod dist;
pub mod edit_distance;
pub mod fisher;
pub mod fourier;
pub mod glm;
pub mod irls;
pub mod kmeans;
pub mod linalg;
pub mod lm_fit;
pub mod loglin;
pub mod optim;
pub mod qr;
pub mod quantile;
pub mod rdist;
pub mod rmath;
pub mod time;
pub mod rng;
pub mod smooth;
pub mod swilk;
pub mod terms;
pub mod ts;
pub mod tsqr;
pub mod ks;
pub mod rcont;
pub mod ansari;
pub mod bessel;
