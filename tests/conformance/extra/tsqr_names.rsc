# Per-row names of large fits are kept as a rule until read: they must print as R's,
# with omitted NA rows, subsets, and after changes to the vectors.
options(rsc.tsqr.min = 0)
set.seed(1)
d <- data.frame(x = rnorm(50), g = factor(rep(c("a", "b"), 25)))
d$y <- 1 + 2 * d$x + rnorm(50)
d$x[c(3, 17)] <- NA
fit <- lm(y ~ x + g, data = d)
print(head(residuals(fit)))
print(tail(fitted(fit), 3))
print(names(effects(fit))[1:5])
print(length(effects(fit)))
print(sum(names(effects(fit)) == ""))
r <- residuals(fit)
r[2] <- 0
print(head(r, 3))
names(r)[1] <- "first"
print(head(r, 2))
print(nobs(fit))
print(fit$na.action)
fit2 <- lm(y ~ x, data = d[!is.na(d$x) & d$x > 0, ])
print(head(resid(fit2), 4))
print(head(model.frame(fit2), 3))
print(rownames(model.frame(fit))[1:4])
fit3 <- lm(y ~ x, data = d, subset = 10:30)
print(head(fitted(fit3)))
g <- glm(y > 1 ~ x, family = binomial, data = d)
print(head(residuals(g), 3))
print(head(names(g$fitted.values)))
