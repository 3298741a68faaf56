//! R's `base` package: the language, vectors, types, math, strings, factors, data
//! frames, matrices, conditions, files and printing.

pub mod apply;
pub mod arrays;
pub mod conditions;
pub mod date_methods;
pub mod dates;
pub mod datetimes;
pub mod difftime;
pub mod environments;
pub mod factor;
pub mod files;
pub mod format;
pub mod frame_verbs;
pub mod frames;
pub mod grouping;
pub mod lang;
pub mod linalg;
pub mod margins;
pub mod math;
pub mod matrix;
pub mod operators;
pub mod print;
pub mod regex;
pub mod safe_write;
pub mod seq;
pub mod session;
pub mod sort;
pub mod sprintf;
pub mod strings;
pub mod summaries;
pub mod summary;
pub mod table;
pub mod types;
pub mod vectors;

use super::{Builtin, Doc};

/// The package's builtin tables.
pub fn tables() -> Vec<&'static [Builtin]> {
    vec![
        types::BUILTINS,
        lang::BUILTINS,
        environments::BUILTINS,
        session::BUILTINS,
        conditions::BUILTINS,
        vectors::BUILTINS,
        format::BUILTINS,
        apply::BUILTINS,
        math::BUILTINS,
        summaries::BUILTINS,
        seq::BUILTINS,
        sort::BUILTINS,
        print::BUILTINS,
        matrix::BUILTINS,
        arrays::BUILTINS,
        factor::BUILTINS,
        grouping::BUILTINS,
        table::BUILTINS,
        frames::BUILTINS,
        frame_verbs::BUILTINS,
        files::BUILTINS,
        operators::BUILTINS,
        strings::BUILTINS,
        regex::BUILTINS,
        sprintf::BUILTINS,
        summary::BUILTINS,
        margins::BUILTINS,
        dates::BUILTINS,
        datetimes::BUILTINS,
        difftime::BUILTINS,
        date_methods::BUILTINS,
    ]
}

/// The package's help entries.
pub fn docs() -> Vec<&'static [Doc]> {
    vec![
        types::DOCS,
        lang::DOCS,
        environments::DOCS,
        session::DOCS,
        conditions::DOCS,
        vectors::DOCS,
        format::DOCS,
        apply::DOCS,
        math::DOCS,
        summaries::DOCS,
        seq::DOCS,
        sort::DOCS,
        print::DOCS,
        matrix::DOCS,
        arrays::DOCS,
        factor::DOCS,
        grouping::DOCS,
        table::DOCS,
        frames::DOCS,
        frame_verbs::DOCS,
        files::DOCS,
        operators::DOCS,
        strings::DOCS,
        regex::DOCS,
        sprintf::DOCS,
        summary::DOCS,
        margins::DOCS,
        dates::DOCS,
        datetimes::DOCS,
        difftime::DOCS,
        date_methods::DOCS,
    ]
}
