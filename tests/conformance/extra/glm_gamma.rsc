clotting <- data.frame(u = c(5, 10, 15, 20, 30, 40, 60, 80, 100), lot1 = c(118, 58, 42, 35, 27, 25, 21, 19, 18))
fit <- glm(lot1 ~ log(u), data = clotting, family = Gamma)
summary(fit)
fit2 <- glm(lot1 ~ log(u), data = clotting, family = Gamma(link = "log"))
fit2
AIC(fit, fit2)
