//! Runs every conformance case (`tests/conformance/cases/NAME.rsc` with R's output in
//! `NAME.out`) through the `rsc` binary and compares outputs with the rule of
//! `check.py`: whitespace runs collapsed, numbers equal within one unit in the last printed
//! digit (or 1e-6 relative). Cases listed in `tests/conformance/PENDING` are expected to
//! fail still; the test fails if one of them passes, so the list only shrinks.
//!
//! `RSC_CASE=substring cargo test --test conformance -- --nocapture` runs a subset and
//! prints the first difference of each failing case.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn is_num(t: &str) -> bool {
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    if t.is_empty() {
        return false;
    }
    let (mant, exp) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    if let Some(e) = exp {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        if e.is_empty() || !e.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    let mut parts = mant.splitn(2, '.');
    let a = parts.next().unwrap_or("");
    let b = parts.next();
    let digits_ok = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
    match b {
        Some(b) => digits_ok(a) && digits_ok(b) && !(a.is_empty() && b.is_empty()),
        None => !a.is_empty() && digits_ok(a),
    }
}

fn ulp_of(tok: &str) -> f64 {
    let t = tok.trim_start_matches(['+', '-']);
    let (mant, exp) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], t[i + 1..].parse::<i32>().unwrap_or(0)),
        None => (t, 0),
    };
    let decimals = mant
        .split_once('.')
        .map(|(_, d)| d.len() as i32)
        .unwrap_or(0);
    10f64.powi(exp - decimals)
}

fn tokens_match(e: &str, g: &str) -> bool {
    if e == g {
        return true;
    }
    if !(is_num(e) && is_num(g)) {
        return false;
    }
    let (x, y): (f64, f64) = match (e.parse(), g.parse()) {
        (Ok(x), Ok(y)) => (x, y),
        _ => return false,
    };
    let d = (x - y).abs();
    d <= ulp_of(e) * (1.0 + 1e-9) || d <= 1e-6 * x.abs()
}

fn norm_lines(text: &str) -> Vec<String> {
    let mut v: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    while v.last().map(|l| l.is_empty()).unwrap_or(false) {
        v.pop();
    }
    v
}

/// None when outputs match, else a description of the first difference.
fn compare(expected: &str, got: &str) -> Option<String> {
    let e = norm_lines(expected);
    let g = norm_lines(got);
    for i in 0..e.len().max(g.len()) {
        let el = e.get(i).map(|s| s.as_str()).unwrap_or("<missing>");
        let gl = g.get(i).map(|s| s.as_str()).unwrap_or("<missing>");
        let te: Vec<&str> = el.split(' ').collect();
        let tg: Vec<&str> = gl.split(' ').collect();
        let ok = te.len() == tg.len() && te.iter().zip(tg.iter()).all(|(a, b)| tokens_match(a, b));
        if !ok {
            return Some(format!("line {}: expected `{}`, got `{}`", i + 1, el, gl));
        }
    }
    None
}

fn run_case(bin: &Path, dir: &Path, name: &str) -> Result<String, String> {
    let mut child = Command::new(bin)
        .arg(format!("{}.rsc", name))
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run rsc: {}", e))?;
    let start = std::time::Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > Duration::from_secs(20) => {
                let _ = child.kill();
                return Err("timed out".into());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(e.to_string()),
        }
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn conformance_cases() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_rsc"));
    let filter = std::env::var("RSC_CASE").ok();
    let pending: BTreeSet<String> = std::fs::read_to_string(root.join("PENDING"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut cases = Vec::new();
    for dir in ["cases", "extra"] {
        let d = root.join(dir);
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().map(|x| x == "rsc").unwrap_or(false) {
                let name = p.file_stem().unwrap().to_string_lossy().to_string();
                if p.with_extension("out").exists()
                    && filter
                        .as_ref()
                        .map(|f| name.contains(f.as_str()))
                        .unwrap_or(true)
                {
                    cases.push((d.clone(), name));
                }
            }
        }
    }
    cases.sort_by(|a, b| a.1.cmp(&b.1));
    assert!(!cases.is_empty(), "no conformance cases found");
    let queue = Arc::new(Mutex::new(cases.clone()));
    let results = Arc::new(Mutex::new(Vec::new()));
    let mut workers = Vec::new();
    for _ in 0..4 {
        let q = queue.clone();
        let r = results.clone();
        let bin = bin.clone();
        workers.push(std::thread::spawn(move || loop {
            let job = q.lock().unwrap().pop();
            let Some((dir, name)) = job else { break };
            let expected =
                std::fs::read_to_string(dir.join(format!("{}.out", name))).unwrap_or_default();
            let verdict = match run_case(&bin, &dir, &name) {
                Ok(got) => compare(&expected, &got),
                Err(e) => Some(e),
            };
            r.lock().unwrap().push((name, verdict));
        }));
    }
    for w in workers {
        w.join().unwrap();
    }
    let mut results = results.lock().unwrap().clone();
    results.sort();
    let mut passed = 0;
    let mut failed = 0;
    let mut unexpected_fail = Vec::new();
    let mut unexpected_pass = Vec::new();
    for (name, verdict) in &results {
        match verdict {
            None => {
                passed += 1;
                if pending.contains(name) {
                    unexpected_pass.push(name.clone());
                }
            }
            Some(why) => {
                failed += 1;
                if filter.is_some() {
                    println!("FAIL {}: {}", name, why);
                }
                if !pending.contains(name) {
                    unexpected_fail.push(format!("{}: {}", name, why));
                }
            }
        }
    }
    println!(
        "conformance: {} passed, {} failed ({} pending)",
        passed,
        failed,
        pending.len()
    );
    if filter.is_some() {
        return;
    }
    assert!(
        unexpected_fail.is_empty(),
        "cases failing that are not in PENDING:\n{}",
        unexpected_fail.join("\n")
    );
    assert!(
        unexpected_pass.is_empty(),
        "cases in PENDING now pass; remove them from tests/conformance/PENDING:\n{}",
        unexpected_pass.join("\n")
    );
}

#[test]
fn comparison_rule() {
    assert!(tokens_match("1.5", "1.6"));
    assert!(!tokens_match("1.5", "1.7"));
    assert!(tokens_match("1e-06", "1.1e-06"));
    assert!(!tokens_match("NA", "NaN"));
    assert!(!tokens_match("1.9153,", "1.9154,"));
    assert!(compare("a  b\n\n", "a b").is_none());
    assert!(compare("a\nb", "a").is_some());
}
