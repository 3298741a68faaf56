//! Smoothing and interpolation kernels: linear/constant and cubic-spline interpolation,
//! kernel density estimation with its bandwidth rules, lowess, loess (with its k-d tree),
//! smoothing splines and running medians.

pub mod interp;
pub mod kde;
pub mod lowess;
pub mod supsmu;
pub mod tukey;
pub mod loess;
pub mod loess_kd;
pub mod smspline;
pub mod runmed;
#[cfg(test)]
mod smooth_tests;
