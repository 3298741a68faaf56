# A gallery of base graphics: each plot is drawn to its own PNG in GALLERY_DIR.
# The same file runs under R (Rscript) and rsc; docs/gallery/make.sh renders both and
# builds docs/gallery/README.md with the pictures side by side.

dir <- Sys.getenv("GALLERY_DIR", "gallery")
if (exists("dir.create")) dir.create(dir, showWarnings = FALSE, recursive = TRUE)
shown <- character()

# draws `code` into dir/name.png; a failing plot is reported and the gallery goes on
gallery <- function(name, code, width = 480, height = 480) {
    png(file.path(dir, paste0(name, ".png")), width = width, height = height)
    ok <- tryCatch({ code; TRUE }, error = function(e) { message(name, ": ", conditionMessage(e)); FALSE })
    dev.off()
    shown <<- c(shown, name)
    invisible(ok)
}

gallery("01-scatter", plot(cars, main = "Stopping distance of cars"))

gallery("02-formula-fit", {
    plot(dist ~ speed, data = cars, pch = 19, col = "steelblue", xlab = "Speed (mph)", ylab = "Distance (ft)")
    abline(lm(dist ~ speed, data = cars), col = "red", lwd = 2)
    grid()
})

gallery("03-hist", hist(faithful$eruptions, breaks = 20, col = "lightblue", main = "Old Faithful eruptions", xlab = "Minutes"))

gallery("04-boxplot", boxplot(count ~ spray, data = InsectSprays, col = "bisque", main = "Insect sprays"))

gallery("05-barplot-beside", barplot(VADeaths, beside = TRUE, col = c("lightblue", "mistyrose", "lightcyan", "lavender", "cornsilk"), legend.text = rownames(VADeaths), ylim = c(0, 90), main = "Death rates in Virginia"))

gallery("06-barplot-stacked", barplot(table(mtcars$cyl, mtcars$gear), col = c("gray20", "gray50", "gray80"), xlab = "Gears", legend.text = c("4 cyl", "6 cyl", "8 cyl")))

gallery("07-pie", pie(c(Sky = 78, "Sunny side of pyramid" = 17, "Shady side of pyramid" = 5), col = c("#0292D8", "#F7EA39", "#C4B632"), init.angle = 315, border = NA))

gallery("08-pairs", pairs(iris[1:4], col = c("red", "darkgreen", "blue")[iris$Species], pch = 20), width = 600, height = 600)

gallery("09-matplot", {
    x <- seq(0, 2 * pi, length.out = 50)
    matplot(x, cbind(sin(x), cos(x), sin(2 * x) / 2), type = "l", lty = 1:3, col = 1:3, lwd = 2, ylab = "f(x)")
    legend("bottomleft", c("sin", "cos", "sin 2x / 2"), lty = 1:3, col = 1:3, lwd = 2)
})

gallery("10-curve", {
    curve(sin, -pi, 2 * pi, lwd = 2, main = "curve()")
    curve(cos, add = TRUE, col = "red", lty = 2, lwd = 2)
    abline(h = 0, v = 0, col = "gray")
})

gallery("11-qqnorm", {
    set.seed(1)
    y <- rt(100, df = 4)
    qqnorm(y); qqline(y, col = "red")
})

gallery("12-plot-lm", {
    par(mfrow = c(2, 2))
    plot(lm(mpg ~ wt + hp, data = mtcars))
}, width = 640, height = 640)

gallery("13-dotchart", dotchart(VADeaths, main = "Death rates in Virginia (1940)", xlab = "per 1000"))

gallery("14-stripchart", stripchart(decrease ~ treatment, data = OrchardSprays, method = "stack", pch = 19, col = "darkblue", main = "Orchard sprays", vertical = TRUE, log = "y"))

gallery("15-density-rug", {
    d <- density(faithful$eruptions)
    plot(d, lwd = 2, col = "darkblue")
    rug(faithful$eruptions)
})

gallery("16-ecdf", plot(ecdf(c(1.2, 3.4, 2.2, 5.1, 4.4, 2.8, 3.9, 1.7)), main = "Empirical CDF"))

gallery("17-ts", plot(Nile, main = "Flow of the Nile", col = "navy"))

gallery("18-hclust", plot(hclust(dist(USArrests[1:20, ])), main = "Cluster dendrogram of 20 states"), width = 640)

gallery("19-image", image(volcano, col = terrain.colors(20), main = "Maunga Whau (image)"))

gallery("20-contour", {
    x <- 10 * seq_len(nrow(volcano)); y <- 10 * seq_len(ncol(volcano))
    contour(x, y, volcano, col = "peru", main = "Maunga Whau (contour)", asp = 1)
})

gallery("21-persp", {
    x <- seq(-3, 3, length.out = 30)
    z <- outer(x, x, function(a, b) exp(-(a^2 + b^2) / 2))
    persp(x, x, z, theta = 30, phi = 25, col = "lightblue", xlab = "x", ylab = "y", zlab = "density")
})

gallery("22-mosaic", mosaicplot(apply(HairEyeColor, c(1, 2), sum), color = TRUE, main = "Hair and eye colour"))

gallery("23-sunflower", sunflowerplot(round(iris$Petal.Length), round(iris$Petal.Width * 2) / 2, xlab = "Petal length", ylab = "Petal width"))

gallery("24-symbols", with(trees, symbols(Height, Volume, circles = Girth / 24, inches = FALSE, bg = "lightyellow", fg = "darkgreen", main = "Trees: girth as circles")))

gallery("25-layout", {
    layout(matrix(c(1, 1, 2, 3), 2, byrow = TRUE))
    plot(airquality$Temp, type = "l", col = "darkred", ylab = "Temp", main = "layout()")
    hist(airquality$Ozone, col = "gray", main = "Ozone")
    boxplot(Wind ~ Month, data = airquality, col = "lightblue", main = "Wind by month")
}, width = 640, height = 640)

gallery("26-pch-lty", {
    plot(0:25, rep(1, 26), pch = 0:25, cex = 2, bg = "gold", ylim = c(0, 8), axes = FALSE, xlab = "", ylab = "", main = "pch 0:25 and lty 1:6")
    text(0:25, 1.6, 0:25, cex = 0.8)
    for (k in 1:6) lines(c(0, 25), c(k + 1.5, k + 1.5), lty = k, lwd = 2)
    box()
})

gallery("27-palettes", {
    pals <- list(rainbow = rainbow(12), heat = heat.colors(12), terrain = terrain.colors(12), topo = topo.colors(12), cm = cm.colors(12), viridis = hcl.colors(12), gray = gray.colors(12))
    par(mar = c(2, 6, 2, 1))
    plot(c(0, 12), c(0, length(pals)), type = "n", axes = FALSE, xlab = "", ylab = "", main = "Palettes")
    for (i in seq_along(pals)) rect(0:11, i - 0.9, 1:12, i - 0.1, col = pals[[i]], border = NA)
    axis(2, at = seq_along(pals) - 0.5, labels = names(pals), las = 1, tick = FALSE)
})

gallery("28-shapes", {
    plot(c(0, 10), c(0, 10), type = "n", main = "polygon, rect, segments, arrows")
    polygon(c(1, 3, 5, 3), c(2, 6, 2, 0.5), col = "lightgreen", border = "darkgreen", lwd = 2)
    rect(6, 6, 9, 9, col = rgb(1, 0, 0, 0.4), border = "red")
    rect(7, 5, 9.5, 7.5, col = rgb(0, 0, 1, 0.4), border = "blue")
    segments(1, 9, 5, 7, lwd = 3, col = "orange")
    arrows(6, 1, 9, 4, lwd = 2, col = "purple")
    text(5, 5, "text, srt = 30", srt = 30, cex = 1.5, font = 2)
    mtext("mtext on side 4", side = 4, line = 0.5)
})

gallery("29-hist-density", {
    set.seed(42)
    x <- c(rnorm(200, 0, 1), rnorm(100, 4, 0.7))
    hist(x, freq = FALSE, col = "gray90", breaks = "FD", main = "Histogram with density")
    lines(density(x), col = "blue", lwd = 2)
})

gallery("30-plot-function", plot(dnorm, -4, 4, main = "plot(dnorm, -4, 4)", lwd = 2, col = "darkgreen"))

writeLines(shown, file.path(dir, "index.txt"))
