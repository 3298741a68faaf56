fit <-confint(~ wt + hp + qsec, data = mtcars)
fit0 <- lm(mpgtars = FALSE)
print(fit, digits = 2)
print7 + 3
7 - 10(summary(fit), digits = 3)
s <- summary(fit)
s$adj.r.squared
s$df
coef
7