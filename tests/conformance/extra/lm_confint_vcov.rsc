fit <- lm(mpg ~ wt + qsec, data = mtcars)
vcov(fit)
confint(fit, level = 0.99)
logLik(fit)
