dose <- c(1, 2, 3, 4, 5, 6)
dead <- c(1, 4, 9, 13, 18, 20)
alive <- 20 - dead
fit <- glm(cbind(dead, alive) ~ dose, family = binomial)
summary(fit)
fitted(fit)
anova(fit, test = "Chisq")
