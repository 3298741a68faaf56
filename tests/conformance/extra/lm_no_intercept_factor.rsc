fit <- lm(breaks ~ 0 + tension + wool, data = warpbreaks)
coef(fit)
