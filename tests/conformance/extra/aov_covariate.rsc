fit <- aov(mpg ~ wt + factor(cyl), data = mtcars)
fit
summary(fit)
TukeyHSD(fit, "factor(cyl)")
fit2 <- aov(len ~ supp * factor(dose), data = ToothGrowth)
fit2
summary(fit2)
TukeyHSD(fit2, conf.level = 0.99)
aov(len ~ 1, data = ToothGrowth)
