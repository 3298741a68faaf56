fit <- glm(breaks ~ wool + tension, family = quasipoisson, data = warpbreaks)
summary(fit)
anova(fit, test = "F")
confint.default(fit)
