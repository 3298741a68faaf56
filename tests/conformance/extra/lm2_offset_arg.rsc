d <- data.frame(y = c(5.1, 6.3, 8.2, 9.9, 12.1, 13.8, 15.2, 18.1),
                x = c(1, 2, 3, 4, 5, 6, 7, 8),
                z = c(0.5, 1, 1.2, 2, 2.5, 3.1, 3.2, 4))
fit <- lm(y ~ x, data = d, offset = z)
coef(fit)
fitted(fit)
fit$offset
summary(fit)$r.squared
fit2 <- lm(y ~ x, data = d, offset = 2 * x)
coef(fit2)
deviance(fit2)
