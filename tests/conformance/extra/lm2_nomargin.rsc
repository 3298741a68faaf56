d <- data.frame(y = c(3.1, 4.2, 5.9, 6.1, 8.3, 9.7, 2.2, 4.4, 6.1, 5.5, 7.3, 10.1),
                x = c(1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6),
                f = factor(rep(c("p", "q", "r"), 4)),
                g = factor(rep(c("u", "v"), each = 6)))
fit <- lm(y ~ x:f, data = d)
coef(fit)
colnames(model.matrix(y ~ f:g, data = d))
colnames(model.matrix(y ~ f + f:g, data = d))
colnames(model.matrix(y ~ x + x:f, data = d))
colnames(model.matrix(y ~ f:g - 1, data = d))
colnames(model.matrix(y ~ f:x - 1, data = d))
fit2 <- lm(y ~ f:g, data = d)
summary(fit2)
