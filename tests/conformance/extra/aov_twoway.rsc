fit <- aov(breaks ~ wool + tension, data = warpbreaks)
fit
summary(fit)
TukeyHSD(fit, "tension", ordered = TRUE)
fit2 <- aov(breaks ~ wool * tension, data = warpbreaks)
fit2
summary(fit2)
TukeyHSD(fit2, which = "wool:tension")
coef(fit2)
