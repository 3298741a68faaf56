fit <- glm(am ~ wt, family = binomial(link = "probit"), data = mtcars)
fit
summary(fit)
predict(fit, data.frame(wt = c(2.5, 3.5)), type = "response")
head(residuals(fit, type = "pearson"), 3)
