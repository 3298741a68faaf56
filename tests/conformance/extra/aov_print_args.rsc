d <- data.frame(y = c(5.1, 4.9, 6.2, 5.8, 7.1, 6.9, 5.5, 6.0), a = factor(c(1,1,2,2,3,3,1,2)), b = factor(c(1,1,2,2,3,3,1,2)))
fit <- aov(y ~ a + b, data = d)
fit
summary(fit)
fit2 <- aov(weight ~ group, data = PlantGrowth)
summary(fit2, intercept = TRUE)
print(summary(fit2), digits = 3)
print(TukeyHSD(fit2), digits = 3)
options(digits = 4)
fit2
summary(fit2)
TukeyHSD(fit2)
