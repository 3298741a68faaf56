# crossprod() of a 1e6 x 50 matrix (the normal equations of a tall design).
set.seed(4)
x <- matrix(rnorm(1e6 * 50), ncol = 50)
t0 <- proc.time()[["elapsed"]]
s <- crossprod(x)
t1 <- proc.time()[["elapsed"]]
print(signif(s[1:2, 1:2], 6))
cat("fit_seconds:", t1 - t0, "\n")
