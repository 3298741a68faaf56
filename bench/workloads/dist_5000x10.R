# dist() (Euclidean and Manhattan) between 5,000 points in 10 dimensions.
set.seed(5)
x <- matrix(runif(5000 * 10), 5000)
t0 <- proc.time()[["elapsed"]]
d1 <- dist(x)
d2 <- dist(x, "manhattan")
t1 <- proc.time()[["elapsed"]]
print(length(d1))
print(signif(c(sum(d1), max(d1), min(d1)), 8))
print(signif(c(sum(d2), max(d2), min(d2)), 8))
cat("fit_seconds:", t1 - t0, "\n")
