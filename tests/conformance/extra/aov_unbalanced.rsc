fit <- aov(mpg ~ factor(cyl) * factor(am), data = mtcars)
fit
summary(fit)
TukeyHSD(fit)
TukeyHSD(fit, "factor(am)", conf.level = 0.99)
d <- warpbreaks[-c(1, 5, 20, 33), ]
fit2 <- aov(breaks ~ wool * tension, data = d)
summary(fit2)
TukeyHSD(fit2, ordered = TRUE)
