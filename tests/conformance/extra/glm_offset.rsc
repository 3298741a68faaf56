d <- data.frame(y = c(2, 3, 6, 7, 8, 9, 10, 12, 15), t = c(10, 12, 20, 18, 22, 25, 24, 30, 33), x = 1:9)
fit <- glm(y ~ x + offset(log(t)), family = poisson, data = d)
fit
summary(fit)
predict(fit, data.frame(x = 10, t = 40), type = "response")
fit2 <- glm(y ~ x, offset = log(t), family = "poisson", data = d)
coef(fit2)
fit2$null.deviance
