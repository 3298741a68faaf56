# %*% of two 2000 x 2000 matrices (1.6e10 floating-point operations).
set.seed(5)
a <- matrix(rnorm(2000 * 2000), 2000)
b <- matrix(rnorm(2000 * 2000), 2000)
t0 <- proc.time()[["elapsed"]]
p <- a %*% b
t1 <- proc.time()[["elapsed"]]
print(signif(sum(p[1:10, 1:10]), 6))
cat("fit_seconds:", t1 - t0, "\n")
