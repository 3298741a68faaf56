//! Helpers shared by the graphics tests: plotting code run on an svg() device, the file
//! read back.

use std::sync::atomic::{AtomicUsize, Ordering};

static FILES: AtomicUsize = AtomicUsize::new(0);

/// The SVG that `code` draws on a fresh interpreter's svg() device.
pub fn draw(code: &str) -> String {
    let dir = std::env::temp_dir().join(format!("rsc-svg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // one file per call: tests run on several threads of one process
    let file = dir.join(format!("p{}.svg", FILES.fetch_add(1, Ordering::Relaxed)));
    let path = file.to_string_lossy().replace('\\', "/");
    let mut r = rsc::Interpreter::new();
    r.eval(&format!("svg(\"{}\"); {}; dev.off()", path, code)).expect("script runs");
    let s = std::fs::read_to_string(&file).expect("svg written");
    let _ = std::fs::remove_file(&file);
    s
}

/// The contents of an SVG's `<text>` elements, in order.
#[allow(dead_code)]
pub fn texts(s: &str) -> Vec<String> {
    s.split("<text").skip(1).filter_map(|t| Some(t[t.find('>')? + 1..t.find("</text>")?].to_string())).collect()
}
