# autoregression by Burg's method
fit <- ar(lh, method = "burg")
fit
round(fit$aic, 4)
round(fit$partialacf[, 1, 1], 6)
ar(lh, FALSE, 4, method = "burg")
f2 <- ar.burg(lh, var.method = 2)
f2$order
round(f2$var.pred, 6)
round(ar.burg(sunspot.year, order.max = 3, aic = FALSE)$ar, 6)
