set.seed(1)
d <- data.frame(y = c(3.2, 4.1, 5.9, 7.7, 8.1, 2.9, 4.5, 6.2, 7.1, 9.3),
                dose = ordered(rep(c("d1", "d2", "d3", "d4", "d5"), 2)))
fit <- lm(y ~ dose, data = d)
summary(fit)
contr.poly(5)
fit$contrasts
model.matrix(fit)[1:5, ]
