attr(terms(y ~ (a + b + c)^2), "term.labels")
attr(terms(y ~ (a + b + c)^3 - a:b:c), "term.labels")
attr(terms(y ~ a * b - a), "term.labels")
attr(terms(y ~ (a + b) * c), "term.labels")
attr(terms(y ~ a:b + b:a), "term.labels")
attr(terms(y ~ b:a + a), "term.labels")
fit <- lm(mpg ~ (wt + hp + qsec)^2, data = mtcars)
fit
anova(fit)
