# smoothing kernels, kernapply, acf2AR, na.action
kd <- kernel("daniell", c(3, 3))
kd
kd[-2:2]
kernel("modified.daniell", c(3, 1))
kernel(c(0.5, 0.25))
kernapply(1:10, kernel("daniell", 1))
kernel("fejer", 4, r = 2)
kernel("dirichlet", 3, r = 1)
kernapply(ts(c(3, 5, 2, 8, 6, 9, 4, 7), start = 2001), kernel("daniell", 1))
acf2AR(c(1, 0.6, 0.3, 0.1))
na.action(na.omit(c(1, NA, 3, NA)))
