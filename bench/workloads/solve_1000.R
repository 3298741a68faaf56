# solve() of a 1000 x 1000 system with 10 right-hand sides (LU with partial pivoting plus
# the condition estimate), on a matrix generated in-script with R's RNG.
set.seed(1)
n <- 1000
a <- matrix(rnorm(n * n), n) + diag(n)
b <- matrix(rnorm(n * 10), n)
t0 <- proc.time()[["elapsed"]]
x <- solve(a, b)
t1 <- proc.time()[["elapsed"]]
print(max(abs(a %*% x - b)) < 1e-8)
cat("fit_seconds:", t1 - t0, "\n")
