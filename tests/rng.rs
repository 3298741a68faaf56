//! Compares rsc's random streams with GNU R's for seeds 1..1000 (and negative and extreme
//! seeds), stored in `tests/fixtures/rng_streams.txt.gz` (written by
//! `tests/fixtures/gen_rng.R`). Doubles must be bit-equal, integers and strings equal.

use rsc::value::{Data, Value};
use std::collections::BTreeMap;
use std::io::Read;

fn eval(it: &mut rsc::Interp, src: &str) -> Result<Value, String> {
    let exprs = rsc::syntax::parse(src).map_err(|e| format!("parse error: {:?}", e))?;
    let mut last = Value::Null;
    for e in &exprs {
        last = match it.eval_toplevel(e) {
            Ok(v) => v,
            Err(e) => return Err(format!("{:?}", e)),
        };
    }
    Ok(last)
}

fn render(v: &Value) -> Vec<String> {
    match v.data() {
        Some(Data::Dbl(x)) => x.iter().map(|d| bits(*d)).collect(),
        Some(Data::Int(x)) => x
            .iter()
            .map(|&i| {
                if i == i32::MIN {
                    "NA".into()
                } else {
                    i.to_string()
                }
            })
            .collect(),
        Some(Data::Str(x)) => x
            .iter()
            .map(|s| s.as_deref().unwrap_or("NA").to_string())
            .collect(),
        _ => vec![format!("{:?}", v)],
    }
}

/// A double's exact bits (every NaN, NA included, compares as "NaN").
fn bits(d: f64) -> String {
    if d.is_nan() {
        "NaN".into()
    } else {
        format!("{:x}", d.to_bits())
    }
}

#[test]
fn streams_match_r() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/rng_streams.txt.gz"
    );
    let file = std::fs::File::open(path).expect("fixture tests/fixtures/rng_streams.txt.gz");
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("gzip fixture");
    let mut seeds_per_expr: BTreeMap<String, usize> = BTreeMap::new();
    let mut exprs: BTreeMap<String, String> = BTreeMap::new();
    let mut it = rsc::Interp::with_output(Box::new(std::io::sink()), Box::new(std::io::sink()));
    rsc::builtins::install(&mut it);
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in text.lines() {
        let f: Vec<&str> = line.splitn(3, '\t').collect();
        if f.len() != 3 {
            continue;
        }
        if f[0] == "E" {
            exprs.insert(f[1].to_string(), f[2].to_string());
            continue;
        }
        let (seed, id, want) = (f[0], f[1], f[2]);
        let expr = &exprs[id];
        let got = match eval(
            &mut it,
            &format!("set.seed({}); suppressWarnings({})", seed, expr),
        ) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("seed {} `{}`: error {}", seed, expr, e));
                continue;
            }
        };
        let want: Vec<String> = want
            .split(' ')
            .map(|w| match (&got.data(), w.parse::<f64>()) {
                (Some(Data::Dbl(_)), Ok(d)) => bits(d),
                _ => w.to_string(),
            })
            .collect();
        let got_s = render(&got);
        checked += 1;
        *seeds_per_expr.entry(id.to_string()).or_default() += 1;
        if got_s != want {
            failures.push(format!(
                "seed {} `{}`: got {:?}, want {:?}",
                seed, expr, got_s, want
            ));
        }
    }
    assert!(checked > 50_000, "too few cases read: {}", checked);
    for (id, n) in &seeds_per_expr {
        assert!(*n >= 1000, "`{}`: only {} seeds", exprs[id], n);
    }
    if !failures.is_empty() {
        let n = failures.len();
        failures.truncate(40);
        panic!(
            "{} of {} streams differ from R:\n{}",
            n,
            checked,
            failures.join("\n")
        );
    }
}
