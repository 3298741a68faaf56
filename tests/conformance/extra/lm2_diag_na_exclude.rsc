d <- data.frame(y = c(1.2, NA, 3.1, 4.8, 5.2, 6.3, 7.9, 8.1, 9.9),
                x = c(1, 2, 3, NA, 5, 6, 7, 8, 9))
fit <- lm(y ~ x, data = d, na.action = na.exclude)
hatvalues(fit)
rstandard(fit)
rstudent(fit)
cooks.distance(fit)
rstandard(fit, type = "predictive")
dffits(fit)
predict(fit, interval = "confidence")
predict(fit, se.fit = TRUE)$se.fit
