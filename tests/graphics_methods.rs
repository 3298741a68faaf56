//! SVG output of the plot methods and plot types written in R (plot.lm, density, ecdf,
//! hclust, image, contour, persp, dotchart, ...): the elements R draws, counted.

mod common;
use common::{draw, texts};

#[test]
fn plot_lm_draws_four_panels() {
    let s = draw("par(mfrow = c(2, 2)); plot(lm(mpg ~ wt, data = mtcars))");
    // 32 points in each of the four panels
    assert_eq!(s.matches("<circle").count(), 4 * 32);
    let t = texts(&s);
    for cap in ["Residuals vs Fitted", "Normal Q-Q", "Scale-Location", "Residuals vs Leverage", "Cook&#39;s distance"] {
        let cap = cap.replace("&#39;", "'");
        assert!(t.iter().any(|x| x.replace("&#39;", "'") == cap), "caption {}", cap);
    }
    // the three most extreme points are labelled in each panel
    assert_eq!(t.iter().filter(|x| x.as_str() == "Toyota Corolla").count(), 4);
}

#[test]
fn density_object_titles() {
    let s = draw(
        "d <- structure(list(x = 1:5, y = c(0.1, 0.3, 0.4, 0.2, 0.1), bw = 0.7234, n = 20L, \
         call = quote(density.default(x = z))), class = 'density'); plot(d)",
    );
    let t = texts(&s);
    assert!(t.contains(&"density.default(x = z)".to_string()));
    assert!(t.contains(&"N = 20   Bandwidth = 0.7234".to_string()));
}

#[test]
fn ecdf_object_steps_and_points() {
    let s = draw(
        "f <- local({ x <- c(1, 2, 4); function(v) sapply(v, function(t) mean(x <= t)) }); \
         class(f) <- c('ecdf', 'stepfun', 'function'); plot.ecdf(f)",
    );
    assert_eq!(s.matches("<circle").count(), 3);
}

#[test]
fn hclust_object_dendrogram() {
    let s = draw(
        "hc <- structure(list(merge = matrix(c(-1, -3, 1, -2, -4, 2), 3), height = c(1, 2.5, 4), \
         order = c(4L, 2L, 1L, 3L), labels = c('a', 'b', 'c', 'd'), method = 'complete', \
         call = quote(hclust(d = dd))), class = 'hclust'); plot(hc)",
    );
    // one joining line per merge, besides the axis
    assert!(s.matches("<polyline").count() >= 3);
    let t = texts(&s);
    for l in ["a", "b", "c", "d", "Cluster Dendrogram", "dd", "hclust (*, \"complete\")"] {
        let l = l.replace('"', "&quot;");
        assert!(t.contains(&l), "{}", l);
    }
}

#[test]
fn image_contour_persp() {
    let s = draw("image(matrix(1:12, 3))");
    // the page, the 12 cells, the box
    assert!(s.matches("<rect").count() - s.matches("<clipPath").count() >= 1 + 12);
    let s = draw("contour(outer(1:10, 1:10, function(a, b) a + b), nlevels = 4)");
    assert!(s.matches("<polyline").count() >= 3);
    let s = draw("persp(outer(1:5, 1:5), theta = 30, phi = 20)");
    assert_eq!(s.matches("<polygon").count(), 16);
}

#[test]
fn dotchart_stripchart_rug_sunflower() {
    let s = draw("dotchart(c(a = 3, b = 1, c = 2))");
    assert_eq!(s.matches("<circle").count(), 3);
    let s = draw("stripchart(list(1:5, 3:9))");
    assert_eq!(s.matches("<rect").count() - s.matches("<clipPath").count(), 1 + 12 + 1);
    let s = draw("plot(1:3); rug(c(1.5, 2.5))");
    assert!(s.matches("<polyline").count() >= 2);
    let s = draw("sunflowerplot(c(1, 1, 1, 2), c(1, 1, 1, 2))");
    assert_eq!(s.matches("<circle").count(), 2);
}
