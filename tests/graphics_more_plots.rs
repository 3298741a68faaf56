//! SVG output of the plot functions added for R's help-page examples: formula lookups,
//! stats plot methods (decompose, HoltWinters, stl, kernels, biplot, heatmap, ...) and the
//! rarer graphics functions (bxp, stars, spineplot, rasters, ...): the elements drawn, counted.

mod common;
use common::{draw, texts};

fn eval_str(code: &str) -> Vec<String> {
    let mut r = rsc::Interpreter::new();
    let v = r.eval(code).expect("script runs");
    v.try_into().expect("character result")
}

#[test]
fn formula_plots_find_variables_in_the_caller_and_in_data() {
    // y and x live in a function's frame, not in the global environment
    let s = draw("f <- function() { a <- 1:10; b <- a^2; plot(b ~ a) }; f()");
    assert_eq!(s.matches("<circle").count(), 10);
    let t = texts(&s);
    assert!(t.contains(&"a".to_string()) && t.contains(&"b".to_string()));
    // the dots (pch) and subset are evaluated in data
    let s = draw("plot(Ozone ~ Wind, data = airquality, pch = as.character(Month), subset = Month != 7)");
    let t = texts(&s);
    assert!(t.iter().any(|x| x == "5") && !t.iter().any(|x| x == "7"));
    let s = draw("boxplot(len ~ supp, data = ToothGrowth, subset = dose == 0.5)");
    let t = texts(&s);
    assert!(t.contains(&"OJ".to_string()) && t.contains(&"VC".to_string()));
}

#[test]
fn boxplot_formula_interaction_names() {
    let n = eval_str("boxplot(len ~ dose:supp, data = ToothGrowth, plot = FALSE)$names");
    assert_eq!(n, ["0.5.OJ", "1.OJ", "2.OJ", "0.5.VC", "1.VC", "2.VC"]);
}

#[test]
fn time_series_decompositions_draw_their_panels() {
    let s = draw("plot(decompose(co2))");
    let t = texts(&s);
    for l in ["observed", "trend", "seasonal", "random", "Decomposition of additive time series"] {
        assert!(t.contains(&l.to_string()), "{}", l);
    }
    let s = draw("plot(stl(nottem, \"per\"))");
    let t = texts(&s);
    for l in ["data", "seasonal", "trend", "remainder"] {
        assert!(t.contains(&l.to_string()), "{}", l);
    }
    let s = draw("m <- HoltWinters(co2); plot(m, predict(m, 12, prediction.interval = TRUE))");
    assert!(texts(&s).contains(&"Holt-Winters filtering".to_string()));
    // the observed, fitted, predicted and two interval lines
    assert!(s.matches("<polyline").count() >= 5);
}

#[test]
fn kernel_and_histogram_objects() {
    let s = draw("plot(kernel(\"daniell\", 3))");
    assert!(texts(&s).contains(&"W[k]".to_string()));
    let s = draw("r <- hist(c(1, 2, 2, 3, 3, 3), plot = FALSE); plot(r); lines(r, border = 'purple')");
    assert!(s.to_lowercase().contains("#a020f0"));
}

#[test]
fn biplot_and_heatmap() {
    let s = draw("biplot(prcomp(USArrests, scale. = TRUE))");
    let t = texts(&s);
    assert!(t.contains(&"Murder".to_string()) && t.contains(&"Alabama".to_string()));
    let s = draw("heatmap(as.matrix(mtcars[1:8, 1:5]))");
    let t = texts(&s);
    assert!(t.contains(&"Mazda RX4".to_string()) && t.contains(&"mpg".to_string()));
}

#[test]
fn stem_prints_rs_display() {
    let out = eval_str("capture.output(stem(c(10, 11, 22, 23, 35, 36, 47, 59)))").join("\n");
    assert!(out.contains("The decimal point is 1 digit(s) to the right of the |"), "{}", out);
    assert!(out.contains("1 | 01"), "{}", out);
}

#[test]
fn graphics_extras_draw() {
    let s = draw("bxp(boxplot(split(mtcars$mpg, mtcars$cyl), plot = FALSE))");
    assert_eq!(texts(&s).iter().filter(|x| ["4", "6", "8"].contains(&x.as_str())).count() >= 3, true);
    let s = draw("stars(mtcars[1:4, 1:5])");
    assert!(texts(&s).contains(&"Mazda RX4".to_string()));
    let s = draw("spineplot(factor(c('a','b','a','b','a')) ~ c(1, 2, 3, 4, 5))");
    assert!(s.matches("<rect").count() >= 4);
    let s = draw("plot(as.raster(matrix(c(0, 0.5, 1, 0.25), 2)))");
    assert!(s.matches("<rect").count() >= 4);
    let s = draw("filled.contour(volcano)");
    assert!(s.matches("<rect").count() > 20);
    let s = draw("fourfoldplot(matrix(c(10, 5, 3, 12), 2))");
    assert!(s.matches("<polygon").count() >= 4);
}
