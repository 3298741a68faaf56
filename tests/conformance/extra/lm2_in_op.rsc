d <- data.frame(y = c(2.1, 3.9, 6.2, 7.8, 1.2, 2.8, 3.1, 5.5, 4.4, 6.9, 9.1, 10.8),
                x = rep(c(1, 2, 3, 4), 3),
                g = factor(rep(c("a", "b", "c"), each = 4)))
attr(terms(y ~ x %in% g), "term.labels")
attr(terms(y ~ g + x %in% g), "term.labels")
attr(terms(y ~ (x + z) %in% g), "term.labels")
fit <- lm(y ~ g + x %in% g, data = d)
coef(fit)
fit2 <- lm(y ~ x %in% g, data = d)
coef(fit2)
deviance(fit2)
