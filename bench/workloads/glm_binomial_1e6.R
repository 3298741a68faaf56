# glm(family = binomial) + summary() on 1e6 rows x 5 numeric + one 4-level factor in memory.
set.seed(7)
n <- 1000000
d <- data.frame(x1 = rnorm(n), x2 = rnorm(n), x3 = rnorm(n), x4 = rnorm(n), x5 = rnorm(n),
                g = sample(c("a", "b", "c", "d"), n, replace = TRUE))
eta <- -0.5 + 0.8 * d$x1 - 0.6 * d$x2 + 0.3 * d$x5 + 0.4 * (d$g == "b")
d$y <- rbinom(n, 1, 1 / (1 + exp(-eta)))
t0 <- proc.time()[["elapsed"]]
fit <- glm(y ~ ., family = binomial, data = d)
s <- summary(fit)
t1 <- proc.time()[["elapsed"]]
print(coef(s)[1:4, ])
print(c(deviance = fit$deviance, iter = fit$iter))
cat("fit_seconds:", t1 - t0, "\n")
