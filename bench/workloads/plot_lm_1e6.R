# plot() of a 1e6-row lm (the four diagnostic panels, residual smoothers included) to a PDF file;
# fit_seconds times the drawing alone.
set.seed(42)
n <- 1000000
x1 <- rnorm(n); x2 <- runif(n)
y <- 1 + 2 * x1 - x2 + rnorm(n)
fit <- lm(y ~ x1 + x2)
f <- tempfile(fileext = ".pdf")
t0 <- proc.time()[["elapsed"]]
pdf(f)
par(mfrow = c(2, 2))
plot(fit)
invisible(dev.off())
t1 <- proc.time()[["elapsed"]]
cat("pdf bytes > 1e6:", file.size(f) > 1e6, "\n")
cat("fit_seconds:", t1 - t0, "\n")
