# Structural time-series models: local level, trend and BSM fits, forecasts, smoothing
fit <- StructTS(Nile, type = "level")
fit
round(fit$coef, 3)
round(fit$loglik, 4)
predict(fit, n.ahead = 3)
window(tsSmooth(fit), 1871, 1876)
round(head(residuals(fit), 8), 5)
window(fitted(fit), 1966)
gas <- StructTS(log10(UKgas), type = "BSM")
gas
p <- predict(gas, n.ahead = 4, se.fit = FALSE)
round(p, 5)
round(tsSmooth(gas)[1:4, ], 5)
# the Kalman functions on a model of one's own
m <- list(Z = 1, a = 0, P = matrix(1e7), T = matrix(1), V = matrix(1400), h = 15000, Pn = matrix(0))
k <- KalmanLike(Nile, m, nit = -1)
round(unlist(k), 6)
r <- KalmanRun(Nile[1:6], m, nit = -1, update = TRUE)
round(r$values, 6)
round(drop(r$states), 4)
round(attr(r, "mod")$P, 4)
s <- KalmanSmooth(Nile[1:6], m, nit = -1)
round(drop(s$smooth), 4)
round(drop(s$var), 3)
f <- KalmanForecast(4, attr(r, "mod"))
lapply(f, round, 3)
tr <- StructTS(log10(UKDriverDeaths), type = "trend")
tr
