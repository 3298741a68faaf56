//! SVG output of the plot methods for stats objects (spectra, autocorrelations, isotonic
//! regressions), symbols() with thermometers / box plots / stars, and the formula methods of
//! points(), lines(), text() and sunflowerplot(): the elements drawn, counted against an empty frame.

mod common;
use common::{draw, texts};

/// The drawn `tag` elements of an SVG (each on its own line; clip paths' rectangles are not).
fn drawn(s: &str, tag: &str) -> usize {
    s.lines().filter(|l| l.starts_with(tag)).count()
}

/// How many more `tag` elements `code` draws than `base` (the same frame without the symbols).
fn extra(code: &str, base: &str, tag: &str) -> usize {
    drawn(&draw(code), tag) - drawn(&draw(base), tag)
}

#[test]
fn symbols_draws_thermometers_boxplots_and_stars() {
    let base = "plot(extendrange(1:3, f = 0.1), extendrange(1:3, f = 0.1), type = 'n', xlab = 'x', ylab = 'y')";
    // a thermometer: its outline, its filling and the two ticks at mid-height
    let t = "symbols(1:3, 1:3, thermometers = cbind(0.5, 1, c(0.2, 0.5, 0.8)), inches = 0.5)";
    assert_eq!(extra(t, base, "<rect"), 6);
    assert_eq!(extra(t, base, "<polyline"), 6);
    // four columns: filled between two proportions
    let t4 = "symbols(1:3, 1:3, thermometers = cbind(0.5, 1, 0.1, c(0.2, 0.5, 0.8)), inches = FALSE)";
    assert_eq!(extra(t4, base, "<rect"), 6);
    // a box plot: the box, two whiskers and the median
    let b = "symbols(1:3, 1:3, boxplots = cbind(0.4, 1, 0.3, 0.6, c(0.2, 0.5, 0.8)), inches = 0.4, bg = 'yellow')";
    assert_eq!(extra(b, base, "<rect"), 3);
    assert_eq!(extra(b, base, "<polyline"), 9);
    assert_eq!(draw(b).matches("#ffff00").count(), 3);
    // a star: one closed polygon through its ray ends
    let s = "symbols(1:3, 1:3, stars = cbind(1, 2, 3, 1.5, 1:3), inches = 0.3, bg = 'pink')";
    assert_eq!(extra(s, base, "<polygon"), 3);
    let mut r = rsc::Interpreter::new();
    assert!(r.eval("pdf(NULL); symbols(1:3, 1:3, stars = cbind(1, 2))").is_err());
    assert!(r.eval("symbols(1:3, 1:3, circles = 1:3, squares = 1:3)").is_err());
    assert!(r.eval("symbols(1:3, 1:3, circles = 1:2)").is_err());
}

#[test]
fn acf_plots_its_bars_and_confidence_limits() {
    // lh: 48 values, lags 0..16
    let s = draw("acf(lh)");
    let t = texts(&s);
    assert!(t.contains(&"Series  lh".to_string()) && t.contains(&"ACF".to_string()) && t.contains(&"Lag".to_string()));
    assert_eq!(s.matches("stroke=\"#0000ff\"").count(), 2);
    let s = draw("pacf(lh)");
    assert!(texts(&s).contains(&"Partial ACF".to_string()));
    // the MA limits are lines along the lags, not two horizontal lines
    let s = draw("acf(ldeaths, ci.type = 'ma')");
    assert_eq!(s.matches("stroke=\"#0000ff\"").count(), 2);
    // two series: a 2 x 2 matrix of panels titled by the series and their pairs
    let s = draw("acf(ts.union(mdeaths, fdeaths))");
    let t = texts(&s);
    assert!(t.contains(&"mdeaths".to_string()) && t.contains(&"fdeaths &amp; mdeaths".to_string()));
}

#[test]
fn spectra_plot_with_their_interval_and_titles() {
    let s = draw("spec.pgram(ldeaths)");
    let t = texts(&s);
    assert!(t.contains(&"Series: ldeaths".to_string()) && t.contains(&"Raw Periodogram".to_string()));
    assert!(t.iter().any(|x| x.starts_with("bandwidth = ")));
    // the confidence-interval cross
    assert_eq!(s.matches("stroke=\"#0000ff\"").count(), 2);
    let s = draw("spec.pgram(ldeaths, log = 'dB', spans = c(3, 5))");
    assert!(texts(&s).iter().any(|x| x.contains("% C.I. is (")));
    let s = draw("sp <- spec.pgram(ts.union(mdeaths, fdeaths), spans = c(3, 3), plot = FALSE); plot(sp, plot.type = 'coherency')");
    assert!(texts(&s).contains(&"squared coherency".to_string()));
    let s = draw("sp <- spec.pgram(ts.union(mdeaths, fdeaths), spans = c(3, 3), plot = FALSE); plot(sp, plot.type = 'phase')");
    assert!(texts(&s).contains(&"phase".to_string()));
}

#[test]
fn isotonic_regression_plots() {
    let s = draw("ir <- isoreg(c(1, 0, 4, 3, 3, 5, 4, 2, 0)); plot(ir)");
    assert!(texts(&s).iter().any(|x| x.starts_with("Isotonic regression")));
    // nine data points and the two knots (pch 13: a circle and a cross)
    assert_eq!(drawn(&s, "<circle"), 11);
    let s = draw("ir <- isoreg(c(1, 0, 4, 3, 3, 5, 4, 2, 0)); plot(ir, plot.type = 'row.wise')");
    assert!(texts(&s).contains(&"Cumulative Data and Convex Minorant".to_string()));
}

#[test]
fn formula_methods_of_points_lines_text_and_sunflowerplot() {
    // labels evaluated in data
    let s = draw("wb <- within(warpbreaks, { time <- seq_along(breaks); W <- paste0(wool, tension) }); plot(breaks ~ time, data = wb, type = 'n'); text(breaks ~ time, data = wb, labels = W)");
    assert_eq!(texts(&s).iter().filter(|x| x.as_str() == "AL").count(), 9);
    let s = draw("plot(dist ~ speed, data = cars, type = 'n'); points(dist ~ speed, data = cars, subset = speed > 20)");
    assert_eq!(drawn(&s, "<circle"), 7);
    let s = draw("sunflowerplot(Petal.Width ~ Petal.Length, data = iris)");
    let t = texts(&s);
    assert!(t.contains(&"Petal.Length".to_string()) && t.contains(&"Petal.Width".to_string()));
}

#[test]
fn plot_lm_without_labels_and_holt_winters_fitted() {
    let s = draw("fit <- lm(dist ~ speed, data = cars); plot(fit, which = 1, id.n = NULL)");
    assert!(texts(&s).contains(&"Residuals vs Fitted".to_string()));
    let s = draw("plot(fitted(HoltWinters(co2)))");
    for l in ["xhat", "level", "trend", "season"] {
        assert!(texts(&s).contains(&l.to_string()), "{}", l);
    }
}
