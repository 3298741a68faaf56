# kmeans (Hartigan-Wong, 5 centres, 3 random starts) on 1e6 x 10 normal data with shifted clusters.
set.seed(42)
n <- 1e6; p <- 10
x <- matrix(rnorm(n * p), n) + rep(sample(0:4, n, TRUE) * 2, p)
t0 <- proc.time()[["elapsed"]]
km <- kmeans(x, 5, nstart = 3)
t1 <- proc.time()[["elapsed"]]
print(sort(km$size))
print(round(sort(km$withinss), 2))
print(km$iter)
cat("fit_seconds:", t1 - t0, "\n")
