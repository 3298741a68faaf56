aq <- airquality
aq$Month <- factor(aq$Month)
fit <- aov(Ozone ~ Month, data = aq)
fit
summary(fit)
TukeyHSD(fit)
fit2 <- aov(count ~ spray, data = InsectSprays)
summary(fit2)
summary(aov(sqrt(count) ~ spray, data = InsectSprays))
