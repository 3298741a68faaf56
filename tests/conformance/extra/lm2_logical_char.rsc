d <- data.frame(y = c(1.5, 3.2, 2.1, 5.3, 4.4, 6.9, 2.5, 7.1),
                b = c(TRUE, FALSE, TRUE, FALSE, TRUE, FALSE, TRUE, FALSE),
                s = c("lo", "hi", "mid", "hi", "lo", "mid", "mid", "hi"),
                x = 1:8)
fit <- lm(y ~ x + b, data = d)
summary(fit)
fit2 <- lm(y ~ s + x, data = d)
fit2
fit2$xlevels
fit2$contrasts
predict(fit2, newdata = data.frame(s = c("mid", "lo"), x = c(2, 3)))
