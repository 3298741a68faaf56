d <- data.frame(y = c(1.1, 2.3, 2.8, 4.5, 5.1), x = c(1, 2, 3, 4, 5), z = c(2, 1, 4, 3, 5))
summary(lm(y ~ x, data = d))
summary(lm(y ~ x + z, data = d, weights = c(1, 2, 1, 2, 1)))
summary(lm(y ~ poly(x, 4), data = d))
fit <- lm(mpg ~ wt + hp + qsec + drat + disp + cyl + gear + carb + am + vs, data = mtcars, subset = cyl > 4 & hp > 100)
fit
