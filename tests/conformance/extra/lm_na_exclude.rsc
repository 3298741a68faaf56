fit <- lm(Ozone ~ Wind, data = airquality, na.action = na.exclude)
length(resid(fit))
head(resid(fit), 6)
head(fitted(fit), 6)
