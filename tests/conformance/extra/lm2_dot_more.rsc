d <- data.frame(y = c(3.1, 4.5, 2.2, 6.8, 5.9, 7.7, 8.1, 4.4, 9.2, 10.5, 6.6, 7.3),
                a = c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
                b = c(2.5, 1.1, 3.3, 0.7, 2.2, 4.1, 1.9, 3.6, 2.8, 1.4, 2.0, 3.0),
                g = factor(rep(c("u", "v", "w"), 4)))
attr(terms(y ~ .^2 - a:b, data = d), "term.labels")
attr(terms(y ~ . + .:a, data = d), "term.labels")
attr(terms(y ~ (.)^2, data = d), "term.labels")
attr(terms(y ~ . * g, data = d), "term.labels")
attr(terms(~ ., data = d), "term.labels")
attr(terms(y ~ log(.), data = d[, 1:2]), "term.labels")
fit <- lm(y ~ . * g, data = d)
summary(fit)
fit2 <- lm(y ~ .^2, data = d)
anova(fit2)
formula(fit2)
options(digits = 4)
fit
options(digits = 7)
