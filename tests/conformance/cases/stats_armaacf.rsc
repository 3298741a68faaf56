# theoretical ARMA autocorrelations and MA weights
print(ARMAacf(c(1.0, -0.25), 1.0, lag.max = 10))
print(ARMAacf(c(0.5), lag.max = 4, pacf = TRUE))
print(ARMAacf(ma = c(0.4, 0.2), lag.max = 4))
print(ARMAtoMA(c(1.0, -0.25), 1.0, 10))
