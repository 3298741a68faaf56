//! R's `base` package: the language, vectors, types, math, strings, factors, data
//! frames, matrices, conditions, files and printing.

pub mod apply;
pub mod arrays;
pub mod bitwise;
pub mod partial_match;
pub mod complex;
pub mod conditions;
pub mod connections;
pub mod debug;
pub mod decomp;
pub mod date_methods;
pub mod dates;
pub mod datetimes;
pub mod difftime;
pub mod environments;
pub mod expressions;
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
pub mod packages;
pub mod platform;
pub mod print;
pub mod qr;
pub mod regex;
pub mod safe_write;
pub mod scan;
pub mod seq;
pub mod serialize;
pub mod session;
pub mod sort;
pub mod sort_keys;
pub mod sprintf;
pub mod strings;
pub mod summaries;
pub mod summary;
pub mod table;
pub mod text_encoding;
pub mod types;
pub mod vectors;
pub mod warnings;

use super::{Builtin, Doc};

/// The package's builtin tables.
pub fn tables() -> Vec<&'static [Builtin]> {
    vec![
        types::BUILTINS,
        lang::BUILTINS,
        environments::BUILTINS,
        session::BUILTINS,
        debug::BUILTINS,
        packages::BUILTINS,
        bitwise::BUILTINS,
        partial_match::BUILTINS,
        expressions::BUILTINS,
        platform::BUILTINS,
        conditions::BUILTINS,
        warnings::BUILTINS,
        vectors::BUILTINS,
        format::BUILTINS,
        apply::BUILTINS,
        math::BUILTINS,
        complex::BUILTINS,
        summaries::BUILTINS,
        seq::BUILTINS,
        sort::BUILTINS,
        print::BUILTINS,
        matrix::BUILTINS,
        linalg::BUILTINS,
        decomp::BUILTINS,
        qr::BUILTINS,
        arrays::BUILTINS,
        factor::BUILTINS,
        grouping::BUILTINS,
        table::BUILTINS,
        frames::BUILTINS,
        frame_verbs::BUILTINS,
        files::BUILTINS,
        connections::BUILTINS,
        scan::BUILTINS,
        operators::BUILTINS,
        strings::BUILTINS,
        regex::BUILTINS,
        sprintf::BUILTINS,
        summary::BUILTINS,
        margins::BUILTINS,
        serialize::BUILTINS,
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
        debug::DOCS,
        packages::DOCS,
        bitwise::DOCS,
        partial_match::DOCS,
        expressions::DOCS,
        platform::DOCS,
        conditions::DOCS,
        warnings::DOCS,
        vectors::DOCS,
        format::DOCS,
        apply::DOCS,
        math::DOCS,
        complex::DOCS,
        summaries::DOCS,
        seq::DOCS,
        sort::DOCS,
        print::DOCS,
        matrix::DOCS,
        linalg::DOCS,
        decomp::DOCS,
        qr::DOCS,
        arrays::DOCS,
        factor::DOCS,
        grouping::DOCS,
        table::DOCS,
        frames::DOCS,
        frame_verbs::DOCS,
        files::DOCS,
        connections::DOCS,
        scan::DOCS,
        operators::DOCS,
        strings::DOCS,
        regex::DOCS,
        sprintf::DOCS,
        summary::DOCS,
        margins::DOCS,
        serialize::DOCS,
        dates::DOCS,
        datetimes::DOCS,
        difftime::DOCS,
        date_methods::DOCS,
    ]
}
