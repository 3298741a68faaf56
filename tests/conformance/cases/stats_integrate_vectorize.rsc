# integrate() of a Vectorize()d scalar function, and KalmanForecast(update = TRUE)
step <- function(x) if (x < 0.3) 1 else 3
integrate(Vectorize(step), 0, 1, subdivisions = 200)
pw <- function(x, p = 2) x^p + 1
vpw <- Vectorize(pw, "x")
print(vpw(c(1, 2, 3), p = 3))
print(integrate(vpw, 0, 2, p = 3)$value)
fit <- arima(lh, order = c(1, 0, 0))
pr <- KalmanForecast(3, fit$model, update = TRUE)
print(round(pr$pred, 6))
print(round(pr$var, 6))
m2 <- attr(pr, "mod")
print(round(m2$a, 6))
print(round(KalmanForecast(2, m2)$pred, 6))
