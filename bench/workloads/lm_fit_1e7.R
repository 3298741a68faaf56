# lm() + summary() alone, on 1e7 rows x 10 numeric + one 5-level factor already in memory
# (generated in-script with R's RNG, so R and rsc fit the same numbers).
set.seed(42)
n <- 10000000
d <- data.frame(x1 = rnorm(n), x2 = rnorm(n), x3 = rnorm(n), x4 = rnorm(n), x5 = rnorm(n),
                x6 = rnorm(n), x7 = rnorm(n), x8 = rnorm(n), x9 = rnorm(n), x10 = rnorm(n),
                g = sample(c("a", "b", "c", "d", "e"), n, replace = TRUE))
d$y <- 1 + 0.5 * d$x1 - 2 * d$x2 + 0.25 * d$x10 + (d$g == "c") + rnorm(n)
t0 <- proc.time()[["elapsed"]]
fit <- lm(y ~ ., data = d)
s <- summary(fit)
t1 <- proc.time()[["elapsed"]]
print(coef(s)[1:4, ])
print(s$r.squared)
cat("fit_seconds:", t1 - t0, "\n")
