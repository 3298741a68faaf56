fit <- lm(breaks ~ wool + tension, data = warpbreaks, contrasts = list(tension = "contr.helmert"))
summary(fit)
fit$contrasts
contr.helmert(4)
contr.sum(3)
contr.treatment(3)
