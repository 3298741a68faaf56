d <- data.frame(y = c(1, 3, 2, 5, 4, 6), b = c(TRUE, FALSE, TRUE, FALSE, TRUE, FALSE), x = 1:6)
coef(lm(y ~ x + b, data = d))
