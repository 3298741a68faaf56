fit <- lm(mpg ~ wt + hp + qsec, data = mtcars)
fit0 <- lm(mpg ~ wt, data = mtcars)
anova(fit0, fit, test = "Chisq")
anova(fit0, fit, test = "F")
summary(fit, correlation = TRUE)
print(summary(fit), signif.stars = FALSE)
print(fit, digits = 3)
print(summary(fit), digits = 3)
s <- summary(fit)
s$adj.r.squared
s$df
coef(s)
sigma(fit)
variable.names(fit)
case.names(fit)[1:3]
formula(fit)
labels(fit)
effects(fit)[1:4]
