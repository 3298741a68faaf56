d <- data.frame(y = c(1.2, NA, 3.1, 4.8, 5.2, NA, 7.9, 8.1),
                x = c(1, 2, 3, NA, 5, 6, 7, 8))
fit <- lm(y ~ x, data = d, na.action = na.exclude)
fit
resid(fit)
fitted(fit)
predict(fit)
summary(fit)
fit$na.action
fit2 <- lm(y ~ x, data = d)
resid(fit2)
predict(fit2)
nobs(fit)
