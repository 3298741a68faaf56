d <- data.frame(y = c(1.5, 2.2, NA, 4.1, 5.3, 6.8), x = c(1, 2, 3, 4, NA, 6),
                z = c(0.1, 0.4, 0.3, 0.2, 0.5, 0.9), g = factor(c("a", "b", "a", "b", "a", "b")))
mf <- model.frame(y ~ x + log(z) + g, data = d)
mf
attr(mf, "na.action")
model.response(mf)
mf2 <- model.frame(y ~ x, data = d, subset = z > 0.15, weights = z)
mf2
model.weights(mf2)
mf3 <- model.frame(y ~ x + offset(z), data = d, offset = 2 * z)
model.offset(mf3)
names(mf3)
fit <- lm(y ~ x + g, data = d)
dim(model.frame(fit))
model.response(model.frame(fit))
mf4 <- model.frame(cbind(y, z) ~ x, data = d)
model.response(mf4)
