fit <- lm(cbind(mpg, qsec) ~ wt + hp, data = mtcars)
fit
class(fit)
coef(fit)
dim(resid(fit))
head(fitted(fit), 3)
summary(fit)
deviance(fit)
predict(fit, newdata = data.frame(wt = c(2.5, 3), hp = c(100, 150)))
fit2 <- lm(cbind(a = mpg, b = qsec, disp) ~ factor(cyl), data = mtcars)
fit2
