# loess(y ~ x) with R's defaults (span 0.75, degree 2, k-d tree interpolation, exact trace) on 1e5 points.
set.seed(1)
n <- 100000
x <- runif(n, 0, 10)
y <- sin(x) + rnorm(n, sd = 0.3)
t0 <- proc.time()[["elapsed"]]
fit <- loess(y ~ x)
p <- predict(fit, data.frame(x = c(1, 5, 9)))
t1 <- proc.time()[["elapsed"]]
print(fit)
print(p)
cat("fit_seconds:", t1 - t0, "\n")
