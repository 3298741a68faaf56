# arima(2, 1, 2) by maximum likelihood on 1e5 points of a simulated ARIMA series.
set.seed(3)
n <- 1e5
e <- rnorm(n + 100)
y <- cumsum(filter(e, c(0.5, -0.3), method = "recursive"))[-(1:100)]
t0 <- proc.time()[["elapsed"]]
fit <- arima(y, order = c(2, 1, 2))
t1 <- proc.time()[["elapsed"]]
print(round(coef(fit), 4))
print(round(fit$sigma2, 4))
print(round(fit$loglik, 2))
cat("fit_seconds:", t1 - t0, "\n")
