d <- data.frame(y = c(3.1, 4.5, 2.2, 6.8, 5.9, 7.7, 8.1, 4.4, 9.2, 10.5),
                x = c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                z = c(2.5, 1.1, 3.3, 0.7, 2.2, 4.1, 1.9, 3.6, 2.8, 1.4),
                g = factor(rep(c("a", "b"), 5)),
                h = factor(c("p", "q", "r", "p", "q", "r", "p", "q", "r", "p")))
coef(lm(y ~ x + I(x > 5), data = d))
coef(lm(y ~ scale(x), data = d))
coef(lm(y ~ poly(x, 2):g, data = d))
coef(lm(y ~ as.numeric(h) + factor(x > 4), data = d))
summary(lm(y ~ 1, data = d))
lm(y ~ 0, data = d)
coef(lm(log(y) ~ ., data = d))
coef(lm(y ~ g:h, data = d))
coef(lm(y ~ x:h + g, data = d))
coef(lm(y ~ h/x - 1, data = d))
model.matrix(~ g:h - 1, data = d)
coef(lm(y ~ exp(z/10) + log(x, base = 2), data = d))
fit <- lm(y ~ x * g, data = d)
predict(fit, data.frame(x = c(2, 11), g = c("b", "a")), interval = "prediction", level = 0.9)
confint(fit)
anova(lm(y ~ x, data = d), fit)
