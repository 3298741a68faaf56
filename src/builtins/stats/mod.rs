//! R's `stats` package: descriptive statistics, distributions and random numbers,
//! classical tests, model fits and their methods, optimisation, contingency tables.

pub mod aggregate;
pub mod cluster;
pub mod descriptive;
pub mod distributions;
pub mod htest;
pub mod models;
pub mod optim;
pub mod random;
pub mod ts;
pub mod xtabs;
pub mod smooth;
pub mod deriv;
pub mod nls;
pub mod loglin;
pub mod loess;
pub mod smspline;
pub mod kalman;

use super::{Builtin, Doc};

/// The package's builtin tables.
pub fn tables() -> Vec<&'static [Builtin]> {
    let mut t = vec![
        descriptive::BUILTINS,
        aggregate::BUILTINS,
        distributions::BUILTINS,
        random::BUILTINS,
        optim::BUILTINS,
        optim::univariate::BUILTINS,
        optim::integrate::BUILTINS,
        xtabs::BUILTINS,
        cluster::BUILTINS,
        ts::BUILTINS,
        smooth::BUILTINS,
        deriv::BUILTINS,
        nls::BUILTINS,
        loglin::BUILTINS,
        loess::BUILTINS,
        smspline::BUILTINS,
        kalman::BUILTINS,
    ];
    t.extend(htest::tables());
    t.extend(models::tables());
    t
}

/// The package's help entries.
pub fn docs() -> Vec<&'static [Doc]> {
    let mut t = vec![
        descriptive::DOCS,
        aggregate::DOCS,
        distributions::DOCS,
        random::DOCS,
        optim::DOCS,
        optim::univariate::DOCS,
        optim::integrate::DOCS,
        xtabs::DOCS,
        cluster::DOCS,
        ts::DOCS,
        smooth::DOCS,
        deriv::DOCS,
        nls::DOCS,
        loglin::DOCS,
        loess::DOCS,
        smspline::DOCS,
        kalman::DOCS,
    ];
    t.extend(htest::docs());
    t.extend(models::docs());
    t
}
