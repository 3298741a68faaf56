# R's mtcars data set (embedded in rsc): a first look, two nested linear models,
# the F test between them, and predictions with intervals.
head(mtcars)
summary(mtcars$mpg)

fit1 <- lm(mpg ~ wt, data = mtcars)
fit2 <- lm(mpg ~ wt + hp + factor(am), data = mtcars)
summary(fit2)
anova(fit1, fit2)

new <- data.frame(wt = c(2.5, 3.5), hp = c(100, 180), am = c(1, 0))
predict(fit2, newdata = new, interval = "confidence")
predict(fit2, newdata = new, interval = "prediction", level = 0.9)
