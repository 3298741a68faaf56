fit <- lm(mpg ~ wt + offset(0.1 * hp), data = mtcars)
coef(fit)
deviance(fit)
