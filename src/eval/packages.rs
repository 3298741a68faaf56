//! R's packages as rsc provides them: the names `library()` and `pkg::name` accept, and
//! the packages attached at start-up, in R's search order.

/// Attached at start-up, as R attaches them (base last).
pub const DEFAULT_PACKAGES: &[&str] =
    &["stats", "graphics", "grDevices", "utils", "datasets", "methods", "base"];

/// Every package rsc provides (all of its functions live in the one base environment):
/// R's default packages and the recommended or base-distribution packages whose
/// functions rsc implements.
pub const PROVIDED_PACKAGES: &[&str] = &[
    "stats", "graphics", "grDevices", "utils", "datasets", "methods", "base", "MASS",
    "splines", "tools", "parallel", "compiler", "stats4", "grid", "tcltk",
    // `knitr::kable()` (a builtin) and, in `rsc render`, `knitr::opts_chunk`
    "knitr",
];

/// Whether rsc provides the package `name`.
pub fn is_provided(name: &str) -> bool {
    PROVIDED_PACKAGES.contains(&name)
}

/// R's error for a package rsc does not provide.
pub fn no_package(name: &str) -> String {
    format!("there is no package called \u{2018}{}\u{2019}", name)
}
