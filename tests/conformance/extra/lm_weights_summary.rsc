fit <- lm(dist ~ speed, data = cars, weights = speed)
summary(fit)
