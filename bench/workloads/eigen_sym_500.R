# eigen() of a symmetric 500 x 500 matrix, values and vectors.
set.seed(3)
z <- matrix(rnorm(500 * 500), 500)
s <- crossprod(z)
t0 <- proc.time()[["elapsed"]]
e <- eigen(s, symmetric = TRUE)
t1 <- proc.time()[["elapsed"]]
print(signif(e$values[1:3], 6))
cat("fit_seconds:", t1 - t0, "\n")
