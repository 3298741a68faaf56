# density() (Gaussian kernel, bw.nrd0, 512 points) of 1e7 points from a two-component mixture.
set.seed(11)
n <- 1e7
x <- c(rnorm(n / 2), rnorm(n / 2, 4, 0.5))
t0 <- proc.time()[["elapsed"]]
de <- density(x)
t1 <- proc.time()[["elapsed"]]
print(signif(de$bw, 6))
print(signif(range(de$x), 6))
print(signif(de$y[seq(1, 512, by = 64)], 6))
cat("fit_seconds:", t1 - t0, "\n")
