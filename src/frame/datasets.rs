//! R's built-in data sets, embedded in the binary and built on first use.

use super::csv::parse_records;
use crate::error::RError;
use crate::syntax::sym::Sym;
use crate::value::{na_real, RStr, Value, NA_INT};
use std::rc::Rc;

const SCHEMA: &str = include_str!("../datasets/schema.json");
const FILES: &[(&str, &str)] = &[
    (
        "InsectSprays.csv",
        include_str!("../datasets/InsectSprays.csv"),
    ),
    (
        "PlantGrowth.csv",
        include_str!("../datasets/PlantGrowth.csv"),
    ),
    (
        "ToothGrowth.csv",
        include_str!("../datasets/ToothGrowth.csv"),
    ),
    ("airquality.csv", include_str!("../datasets/airquality.csv")),
    ("cars.csv", include_str!("../datasets/cars.csv")),
    ("chickwts.csv", include_str!("../datasets/chickwts.csv")),
    ("faithful.csv", include_str!("../datasets/faithful.csv")),
    ("iris.csv", include_str!("../datasets/iris.csv")),
    ("longley.csv", include_str!("../datasets/longley.csv")),
    ("mtcars.csv", include_str!("../datasets/mtcars.csv")),
    ("stackloss.csv", include_str!("../datasets/stackloss.csv")),
    ("swiss.csv", include_str!("../datasets/swiss.csv")),
    ("trees.csv", include_str!("../datasets/trees.csv")),
    ("warpbreaks.csv", include_str!("../datasets/warpbreaks.csv")),
    ("women.csv", include_str!("../datasets/women.csv")),
];

/// Names of the embedded data sets.
pub fn names() -> Vec<String> {
    match serde_json::from_str::<serde_json::Value>(SCHEMA) {
        Ok(serde_json::Value::Object(m)) => m.keys().cloned().collect(),
        _ => vec![],
    }
}

/// Builds the data set `name` as a data frame, if there is one.
pub fn load(name: &str) -> Option<Result<Value, RError>> {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).ok()?;
    let spec = schema.get(name)?;
    Some(build(spec))
}

fn build(spec: &serde_json::Value) -> Result<Value, RError> {
    let bad = || RError::runtime("corrupt data set schema");
    let file = spec.get("file").and_then(|f| f.as_str()).ok_or_else(bad)?;
    let text = FILES
        .iter()
        .find(|(n, _)| *n == file)
        .map(|(_, t)| *t)
        .ok_or_else(bad)?;
    let has_rn = spec
        .get("row_names")
        .and_then(|r| r.as_bool())
        .unwrap_or(false);
    let cols = spec
        .get("columns")
        .and_then(|c| c.as_array())
        .ok_or_else(bad)?;
    let recs = parse_records(text, Some(','), "\"")?;
    let body = &recs[1.min(recs.len())..];
    let off = has_rn as usize;
    let mut values = Vec::new();
    let mut names = Vec::new();
    for (j, c) in cols.iter().enumerate() {
        let cname = c.get("name").and_then(|n| n.as_str()).ok_or_else(bad)?;
        let ctype = c
            .get("type")
            .and_then(|n| n.as_str())
            .unwrap_or("character");
        let field = |r: &Vec<super::csv::Field>| {
            r.get(j + off)
                .filter(|f| f.text != "NA" || f.quoted)
                .map(|f| f.text.clone())
        };
        let raw: Vec<Option<String>> = body.iter().map(field).collect();
        let v = match ctype {
            "double" => Value::dbls(
                raw.iter()
                    .map(|s| s.as_ref().and_then(|s| s.parse().ok()).unwrap_or(na_real()))
                    .collect(),
            ),
            "integer" => Value::ints(
                raw.iter()
                    .map(|s| s.as_ref().and_then(|s| s.parse().ok()).unwrap_or(NA_INT))
                    .collect(),
            ),
            "logical" => Value::lgls(
                raw.iter()
                    .map(|s| match s.as_deref() {
                        Some("TRUE") => 1,
                        Some("FALSE") => 0,
                        _ => NA_INT,
                    })
                    .collect(),
            ),
            "factor" | "ordered" => {
                let levels: Vec<String> = c
                    .get("levels")
                    .and_then(|l| l.as_array())
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default();
                let codes = raw
                    .iter()
                    .map(|s| {
                        s.as_ref()
                            .and_then(|s| levels.iter().position(|l| l == s))
                            .map(|p| p as i32 + 1)
                            .unwrap_or(NA_INT)
                    })
                    .collect();
                let mut f = Value::ints(codes);
                f.set_attr(Sym::new("levels"), Value::strings(&levels));
                let cls: &[&str] = if ctype == "ordered" {
                    &["ordered", "factor"]
                } else {
                    &["factor"]
                };
                f.set_attr(Sym::new("class"), Value::strings(cls));
                f
            }
            _ => Value::strs(
                raw.iter()
                    .map(|s| s.as_deref().map(Rc::from))
                    .collect::<Vec<RStr>>(),
            ),
        };
        values.push(v);
        names.push(cname.to_string());
    }
    let row_names = if has_rn {
        Value::strs(
            body.iter()
                .map(|r| r.first().map(|f| Rc::from(f.text.as_str())))
                .collect(),
        )
    } else {
        Value::ints(vec![NA_INT, -(body.len() as i32)])
    };
    Ok(crate::value::frame::make_df(values, names, row_names))
}
