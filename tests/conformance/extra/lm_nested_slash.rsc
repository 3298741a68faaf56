attr(terms(y ~ a/b), "term.labels")
attr(terms(y ~ b %in% a), "term.labels")
fit <- lm(breaks ~ wool/tension, data = warpbreaks)
coef(fit)
