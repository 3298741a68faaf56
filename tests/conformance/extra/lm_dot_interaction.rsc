fit <- lm(mpg ~ .^2, data = mtcars[, c("mpg", "wt", "hp", "qsec")])
names(coef(fit))
