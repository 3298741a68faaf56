# AIC/BIC of a logLik object, prediction intervals on weighted lm, poly on a matrix
fit <- lm(mpg ~ wt + hp, mtcars)
ll <- logLik(fit)
ll
AIC(ll)
BIC(ll)
attr(ll, "df")
g <- glm(am ~ wt, binomial, mtcars)
AIC(logLik(g))
wfit <- lm(mpg ~ wt, mtcars, weights = cyl)
predict(wfit, data.frame(wt = c(2.5, 3.5)), interval = "prediction")
predict(wfit, data.frame(wt = c(2.5, 3.5)), interval = "prediction", weights = c(4, 8))
predict(wfit, interval = "prediction")[1:3, ]
predict(wfit, interval = "confidence")[1:3, ]
predict(fit, data.frame(wt = 3, hp = 120), interval = "prediction", pred.var = 4)
m <- cbind(a = 1:10, b = (1:10)^1.5)
p <- poly(m, 2)
round(unclass(p), 6)[, ]
attr(p, "degree")
poly(cbind(a = 1:5, b = c(2, 3, 5, 4, 1)), degree = 2, raw = TRUE)
round(poly(1:6, c(2, 1, 4, 3, 6, 5), degree = 2), 5)
nd <- data.frame(wt = c(2, 3, 4))
predict(wfit, nd, interval = "prediction", weights = ~ wt^2)
