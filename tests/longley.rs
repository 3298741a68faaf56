//! `lm` on the NIST StRD `Longley` data set against the certified values, and on designs
//! with a perfectly collinear column (R's `NA` coefficient, rank and residual df).

use rsc::Interpreter;

/// The NIST StRD Longley data (y, x1..x6), as in `Longley.dat`.
const DATA: &str = r#"
d <- data.frame(
  y = c(60323, 61122, 60171, 61187, 63221, 63639, 64989, 63761, 66019, 67857, 68169, 66513,
        68655, 69564, 69331, 70551),
  x1 = c(83, 88.5, 88.2, 89.5, 96.2, 98.1, 99, 100, 101.2, 104.6, 108.4, 110.8, 112.6, 114.2,
         115.7, 116.9),
  x2 = c(234289, 259426, 258054, 284599, 328975, 346999, 365385, 363112, 397469, 419180, 442769,
         444546, 482704, 502601, 518173, 554894),
  x3 = c(2356, 2325, 3682, 3351, 2099, 1932, 1870, 3578, 2904, 2822, 2936, 4681, 3813, 3931,
         4806, 4007),
  x4 = c(1590, 1456, 1616, 1650, 3099, 3594, 3547, 3350, 3048, 2857, 2798, 2637, 2552, 2514,
         2572, 2827),
  x5 = c(107608, 108632, 109773, 110929, 112075, 113270, 115094, 116219, 117388, 118734, 120445,
         121950, 123366, 125368, 127852, 130081),
  x6 = 1947:1962)
"#;

/// Certified parameter estimates b0..b6.
const CERT_COEF: [f64; 7] = [
    -3482258.63459582,
    15.0618722713733,
    -0.358191792925910E-01,
    -2.02022980381683,
    -1.03322686717359,
    -0.511041056535807E-01,
    1829.15146461355,
];
/// Certified standard deviations of the estimates.
const CERT_SE: [f64; 7] = [
    890420.383607373,
    84.9149257747669,
    0.334910077722432E-01,
    0.488399681651699,
    0.214274163161675,
    0.226073200069370,
    455.478499142212,
];
const CERT_SIGMA: f64 = 304.854073561965;
const CERT_R2: f64 = 0.995479004577296;

fn nums(r: &mut Interpreter, code: &str) -> Vec<Option<f64>> {
    r.eval(code)
        .unwrap_or_else(|e| panic!("{}: {}", code, e.render()))
        .try_into()
        .expect("numeric")
}

fn num(r: &mut Interpreter, code: &str) -> f64 {
    r.eval(code)
        .unwrap_or_else(|e| panic!("{}: {}", code, e.render()))
        .try_into()
        .expect("number")
}

fn assert_rel(got: f64, want: f64, tol: f64, what: &str) {
    let rel = ((got - want) / want).abs();
    assert!(
        rel <= tol,
        "{}: got {:e}, want {:e} (relative error {:e})",
        what,
        got,
        want,
        rel
    );
}

fn setup() -> Interpreter {
    let mut r = Interpreter::new();
    r.eval(DATA).expect("data");
    r
}

#[test]
fn longley_matches_nist_certified_values() {
    let mut r = setup();
    r.eval("fit <- lm(y ~ ., data = d); s <- summary(fit)")
        .expect("fit");
    let coef = nums(&mut r, "coef(fit)");
    let se = nums(&mut r, "s$coefficients[, 2]");
    for j in 0..7 {
        assert_rel(
            coef[j].expect("coef"),
            CERT_COEF[j],
            1e-10,
            &format!("b{}", j),
        );
        assert_rel(
            se[j].expect("se"),
            CERT_SE[j],
            1e-10,
            &format!("se(b{})", j),
        );
    }
    assert_rel(num(&mut r, "s$sigma"), CERT_SIGMA, 1e-10, "residual SD");
    assert_rel(num(&mut r, "s$r.squared"), CERT_R2, 1e-10, "R-squared");
    assert_eq!(num(&mut r, "fit$rank"), 7.0);
    assert_eq!(num(&mut r, "df.residual(fit)"), 9.0);
}

#[test]
fn longley_with_a_collinear_last_column() {
    let mut r = setup();
    r.eval("d$x7 <- d$x1 + 2 * d$x3; fit <- lm(y ~ ., data = d); s <- summary(fit)")
        .expect("fit");
    let coef = nums(&mut r, "coef(fit)");
    assert_eq!(coef.len(), 8);
    assert_eq!(coef[7], None, "x7 is aliased: NA in R's place");
    let se = nums(&mut r, "s$coefficients[, 2]");
    assert_eq!(se.len(), 7);
    for j in 0..7 {
        assert_rel(
            coef[j].expect("coef"),
            CERT_COEF[j],
            1e-10,
            &format!("b{}", j),
        );
        assert_rel(
            se[j].expect("se"),
            CERT_SE[j],
            1e-10,
            &format!("se(b{})", j),
        );
    }
    assert_rel(num(&mut r, "s$sigma"), CERT_SIGMA, 1e-10, "residual SD");
    assert_eq!(num(&mut r, "fit$rank"), 7.0);
    assert_eq!(num(&mut r, "fit$df.residual"), 9.0);
    assert_eq!(num(&mut r, "sum(s$aliased)"), 1.0);
}

#[test]
fn collinear_columns_in_the_middle_keep_r_order() {
    // R 4.2: lm(y ~ x1 + x7 + x3 + x4 + I(x1 - x3), data = d) with x7 = x1 + 2 * x3
    let mut r = setup();
    r.eval("d$x7 <- d$x1 + 2 * d$x3; fit <- lm(y ~ x1 + x7 + x3 + x4 + I(x1 - x3), data = d); s <- summary(fit)")
        .expect("fit");
    let coef = nums(&mut r, "coef(fit)");
    let want = [
        Some(30_393.412_495_832_126),
        Some(398.612_055_212_713_24),
        Some(-0.536_249_347_503_362),
        None,
        Some(-0.816_528_464_560_996_4),
        None,
    ];
    assert_eq!(coef.len(), want.len());
    for (j, (g, w)) in coef.iter().zip(want.iter()).enumerate() {
        match (g, w) {
            (Some(g), Some(w)) => assert_rel(*g, *w, 1e-10, &format!("coef {}", j)),
            (None, None) => {}
            _ => panic!("coef {}: got {:?}, want {:?}", j, g, w),
        }
    }
    let se = nums(&mut r, "s$coefficients[, 2]");
    let want_se = [
        1_864.284_961_260_793_8,
        31.125_063_378_616_254,
        0.16102367016507654,
        0.38294260735524543,
    ];
    for j in 0..4 {
        assert_rel(se[j].expect("se"), want_se[j], 1e-10, &format!("se {}", j));
    }
    assert_rel(
        num(&mut r, "s$sigma"),
        677.625_001_246_581_3,
        1e-10,
        "sigma",
    );
    assert_eq!(num(&mut r, "fit$rank"), 4.0);
    assert_eq!(num(&mut r, "fit$df.residual"), 12.0);
    let names: Vec<String> = r
        .eval("rownames(s$coefficients)")
        .expect("names")
        .try_into()
        .expect("strings");
    assert_eq!(names, ["(Intercept)", "x1", "x7", "x4"]);
}
