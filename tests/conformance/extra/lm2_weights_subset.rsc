fit <- lm(mpg ~ wt + hp, data = mtcars, weights = cyl, subset = am == 1)
summary(fit)
nobs(fit)
fit$weights
fit2 <- lm(mpg ~ wt, data = mtcars, subset = 1:20)
coef(fit2)
anova(fit)
