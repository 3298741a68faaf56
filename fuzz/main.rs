//! libFuzzer driver for the targets in `rsc::fuzzing`; `RSC_FUZZ_TARGET` picks one
//! (`parse`, `eval` or `csv`). Build and run it with `fuzz/run` (see fuzz/README.md).
#![no_main]

use std::sync::OnceLock;

fn target() -> fn(&[u8]) {
    static T: OnceLock<fn(&[u8])> = OnceLock::new();
    *T.get_or_init(|| {
        // libfuzzer-sys aborts on every panic, even one caught inside the library (polars
        // panics become R errors there); only a panic that escapes the target is a crash,
        // and the catch around the target reports it.
        let _ = std::panic::take_hook();
        let name = std::env::var("RSC_FUZZ_TARGET").unwrap_or_else(|_| "parse".into());
        match rsc::fuzzing::TARGETS.iter().find(|(n, _)| *n == name) {
            Some((_, f)) => *f,
            None => panic!("RSC_FUZZ_TARGET must be one of parse, eval, csv, rds (got {name})"),
        }
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| target()(data));
