# A scatter plot of 1e6 points rendered to a PNG file; fit_seconds times the drawing alone.
set.seed(42)
n <- 1000000
x <- rnorm(n); y <- x + rnorm(n)
f <- tempfile(fileext = ".png")
t0 <- proc.time()[["elapsed"]]
png(f, width = 800, height = 800)
plot(x, y, pch = 20, col = "#1f77b480")
invisible(dev.off())
t1 <- proc.time()[["elapsed"]]
cat("png written:", file.exists(f), "\n")
cat("fit_seconds:", t1 - t0, "\n")
