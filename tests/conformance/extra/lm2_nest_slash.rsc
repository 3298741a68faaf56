d <- data.frame(y = c(2.1, 3.9, 6.2, 7.8, 1.2, 2.8, 3.1, 5.5, 4.4, 6.9, 9.1, 10.8),
                x = rep(c(1, 2, 3, 4), 3),
                g = factor(rep(c("a", "b", "c"), each = 4)))
fit <- lm(y ~ g/x, data = d)
fit
summary(fit)
attr(terms(fit), "term.labels")
fit0 <- lm(y ~ g/x - 1, data = d)
coef(fit0)
anova(fit)
