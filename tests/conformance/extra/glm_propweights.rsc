dose <- c(1, 2, 3, 4, 5, 6)
prop <- c(1, 4, 9, 13, 18, 20) / 20
fit <- glm(prop ~ dose, family = binomial, weights = rep(20, 6))
coef(fit)
deviance(fit)
AIC(fit)
logLik(fit)
vcov(fit)
