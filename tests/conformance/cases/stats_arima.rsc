# ARIMA fits (CSS-ML, ML, CSS), forecasts, ar, HoltWinters, arima.sim
fit <- arima(lh, order = c(1, 0, 0))
fit
predict(fit, n.ahead = 3)
arima(lh, order = c(3, 0, 0), method = "CSS")
arima(lh, order = c(1, 0, 1), method = "ML")
a2 <- arima(USAccDeaths, order = c(0, 1, 1), seasonal = list(order = c(0, 1, 1)))
a2
round(predict(a2, n.ahead = 4)$se, 3)
arima(LakeHuron, order = c(2, 0, 0), xreg = time(LakeHuron) - 1920)
arima(presidents, c(1, 0, 0))
ar(lh)
ar(lh, FALSE, 4)
predict(ar(lh), n.ahead = 3)
hw <- HoltWinters(co2)
hw
round(predict(hw, 3), 4)
HoltWinters(Nile, gamma = FALSE, beta = FALSE)
set.seed(123)
round(arima.sim(list(ar = 0.7), n = 8), 5)
set.seed(1)
round(arima.sim(list(order = c(1, 1, 0), ar = 0.5), n = 6), 5)
