# svd() of a 1000 x 200 matrix with both sets of singular vectors.
set.seed(2)
x <- matrix(rnorm(1000 * 200), 1000)
t0 <- proc.time()[["elapsed"]]
s <- svd(x)
t1 <- proc.time()[["elapsed"]]
print(signif(s$d[1:3], 6))
cat("fit_seconds:", t1 - t0, "\n")
