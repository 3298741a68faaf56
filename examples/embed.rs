//! A host program that builds a polars data frame, fits a model on it from a script, and
//! reads the coefficients and an augmented frame back: `cargo run --example embed`.

use rsc::polars::prelude::{df, DataFrame};
use rsc::{Interpreter, SharedBuffer, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Data the host already has.
    let x: Vec<f64> = (1..=20).map(f64::from).collect();
    let y: Vec<f64> = x.iter().map(|v| 3.0 + 2.0 * v + (v * 7.0).sin()).collect();
    let group: Vec<&str> = (0..20)
        .map(|i| if i % 2 == 0 { "a" } else { "b" })
        .collect();
    let frame = df!("x" => x, "y" => y, "group" => group)?;

    let out = SharedBuffer::new();
    let mut r = Interpreter::builder().output(out.clone()).build();
    r.set("d", Value::try_from(frame)?);
    // A native function scripts can call.
    r.register_fn("host_scale", |_it, args| {
        let m = args.matched(&["x", "by"])?;
        let x = m.req("x")?.dbl_vec();
        let by = m.get("by").and_then(|v| v.as_f64()).unwrap_or(1.0);
        Ok(Value::dbls(x.iter().map(|v| v * by).collect()))
    });

    r.eval("fit <- lm(y ~ x + group, data = d)")?;
    let names: Vec<String> = r.eval("names(coef(fit))")?.try_into()?;
    let coefs: Vec<f64> = r.eval("host_scale(coef(fit), by = 1)")?.try_into()?;
    for (n, c) in names.iter().zip(coefs.iter()) {
        println!("{:>12} {:>10.5}", n, c);
    }
    let r2: f64 = r.eval("summary(fit)$r.squared")?.try_into()?;
    println!("R-squared: {:.4}", r2);

    // What the script printed went to the host's buffer.
    r.eval("print(round(coef(fit), 3))")?;
    print!("{}", out.contents());

    // A frame comes back out as polars, factors as Enum columns in R's level order.
    let aug: DataFrame = r
        .eval("transform(d, fitted = fitted(fit), group = factor(group))")?
        .try_into()?;
    println!(
        "augmented frame: {} rows, columns {:?}",
        aug.height(),
        aug.get_column_names()
    );

    // Errors come back as values with R's message and a caret diagnostic.
    if let Err(e) = r.eval("lm(y ~ nothere, data = d)") {
        println!("caught: {}", e.message());
    }
    Ok(())
}
