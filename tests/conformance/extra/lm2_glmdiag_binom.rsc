d <- data.frame(y = c(0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1),
                x = c(1.2, 2.3, 2.9, 3.1, 4.0, 4.4, 4.8, 5.5, 6.1, 6.8, 3.5, 7.2))
fit <- glm(y ~ x, family = binomial, data = d)
hatvalues(fit)
rstandard(fit)
rstudent(fit)
cooks.distance(fit)
