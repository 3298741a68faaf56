//! R's `base` package: the language, vectors, types, math, strings, factors, data
//! frames, matrices, conditions, files and printing.

pub mod apply;
pub mod approx_match;
pub mod arrays;
pub mod binary_io;
pub mod bessel;
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
pub mod file_system;
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
pub mod raw;
pub mod regex;
pub mod restarts;
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
        approx_match::BUILTINS,
        expressions::BUILTINS,
        platform::BUILTINS,
        conditions::BUILTINS,
        restarts::BUILTINS,
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
        raw::BUILTINS,
        arrays::BUILTINS,
        factor::BUILTINS,
        grouping::BUILTINS,
        table::BUILTINS,
        frames::BUILTINS,
        frame_verbs::BUILTINS,
        files::BUILTINS,
        file_system::BUILTINS,
        connections::BUILTINS,
        binary_io::BUILTINS,
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
        bessel::BUILTINS,
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
        approx_match::DOCS,
        expressions::DOCS,
        platform::DOCS,
        conditions::DOCS,
        restarts::DOCS,
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
        raw::DOCS,
        arrays::DOCS,
        factor::DOCS,
        grouping::DOCS,
        table::DOCS,
        frames::DOCS,
        frame_verbs::DOCS,
        files::DOCS,
        file_system::DOCS,
        connections::DOCS,
        binary_io::DOCS,
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
        bessel::DOCS,
    ]
}
