fit <- lm(mpg ~ wt + I(wt * 2) + hp, data = mtcars)
fit
summary(fit)
vcov(fit)
confint(fit)
confint(fit, "hp")
confint(fit, c(2, 4), level = 0.9)
anova(fit)
predict(fit, newdata = head(mtcars, 3), interval = "confidence")
fit2 <- lm(mpg ~ poly(hp, 3) * am, data = mtcars)
predict(fit2, newdata = data.frame(hp = c(100, 200), am = c(0, 1)), se.fit = TRUE)
str(fit$qr$pivot)
fit$rank
