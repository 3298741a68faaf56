d <- data.frame(y = c(3, 5, 4, 8, 7, 9, 6, 10, 12), g = ordered(rep(c("lo", "mid", "hi"), 3), levels = c("lo", "mid", "hi")))
coef(lm(y ~ g, data = d))
