d <- mtcars[, c("mpg", "wt", "hp", "qsec")]
fit <- lm(mpg ~ .^2, data = d)
summary(fit)
fit2 <- lm(mpg ~ . - hp, data = d)
fit2
formula(fit2)
fit3 <- lm(mpg ~ . + I(wt^2), data = d)
coef(fit3)
