//! SVG output of a few plots: well-formed pages with the elements R draws.

mod common;
use common::draw;

fn balanced(s: &str) {
    assert!(s.starts_with("<?xml") && s.trim_end().ends_with("</svg>"));
    assert_eq!(s.matches("<g ").count(), s.matches("</g>").count());
    assert_eq!(s.matches("<text").count(), s.matches("</text>").count());
}

#[test]
fn scatter_plot_elements() {
    let s = draw("plot(1:10, main = 'T')");
    balanced(&s);
    assert_eq!(s.matches("<circle").count(), 10);
    // 5 + 5 tick labels, the title and the two axis labels
    assert_eq!(s.matches("<text").count(), 13);
}

#[test]
fn histogram_bars() {
    let s = draw("hist(c(2.1, 3.4, 5.9, 7.7, 1.2, 3.3, 4.4))");
    balanced(&s);
    // the page background, the four bars
    assert_eq!(s.matches("<rect").count() - s.matches("<clipPath").count(), 5);
}

#[test]
fn boxplot_by_group() {
    let s = draw("boxplot(count ~ spray, data = InsectSprays)");
    balanced(&s);
    // outliers drawn as points
    assert_eq!(s.matches("<circle").count(), 2);
}

#[test]
fn legend_box_symbols_and_labels() {
    let s = draw("plot.new(); plot.window(c(0, 1), c(0, 1)); legend('topright', c('first', 'second'), pch = 1, lty = 1:2, title = 'Key')");
    balanced(&s);
    assert_eq!(s.matches("<circle").count(), 2);
    assert_eq!(common::texts(&s), vec!["Key", "first", "second"]);
    // no symbols: labels only
    let s = draw("plot.new(); plot.window(c(0, 1), c(0, 1)); legend(0.2, 0.8, c('x', 'y', 'z'), bty = 'n')");
    assert_eq!(s.matches("<circle").count(), 0);
    assert_eq!(common::texts(&s), vec!["x", "y", "z"]);
}

#[test]
fn log_axis_ticks_one_two_five() {
    // two decades: ticks at 1, 2, 5 times powers of ten (par("xaxp") code 3)
    let s = draw("plot(c(3, 250), c(1, 2), log = 'x')");
    let t = common::texts(&s);
    for lab in ["5", "10", "20", "50", "100", "200"] {
        assert!(t.iter().any(|x| x == lab), "{lab} missing from {t:?}");
    }
}

#[test]
fn grouped_barplot_names_each_group() {
    let s = draw("barplot(VADeaths, beside = TRUE, legend.text = rownames(VADeaths))");
    let t = common::texts(&s);
    for lab in ["Rural Male", "Rural Female", "Urban Male", "Urban Female", "50-54", "70-74"] {
        assert!(t.iter().any(|x| x == lab), "{lab} missing from {t:?}");
    }
    // 20 bars, the legend box and its 5 fill boxes
    assert_eq!(s.matches("<rect").count() - s.matches("<clipPath").count() - 1, 26);
}
