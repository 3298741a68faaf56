# confint() of glm fits: profile-likelihood intervals, as R computes them
succ <- c(2, 4, 7, 9, 12)
fail <- c(13, 11, 8, 5, 3)
dose <- c(0.5, 1, 1.5, 2, 2.5)
fb <- glm(cbind(succ, fail) ~ dose, family = binomial)
suppressMessages(confint(fb))
cnt <- data.frame(y = c(3, 5, 4, 8, 9, 12, 11, 15, 19), x = 1:9, f = gl(3, 3))
fp <- glm(y ~ x + f, family = poisson, data = cnt)
suppressMessages(confint(fp))
suppressMessages(confint(fp, "x"))
suppressMessages(confint(fp, 2:3, level = 0.9))
fg <- glm(y ~ x, data = cnt)
suppressMessages(confint(fg))
# glm.fit called directly
X <- cbind("(Intercept)" = 1, dose = dose)
gf <- glm.fit(X, cbind(succ, fail), family = binomial())
gf$coefficients
gf$deviance
gf$iter
gp <- glm.fit(cbind(1, cnt$x), cnt$y, family = poisson(), offset = rep(0.1, 9))
gp$coefficients
round(gp$fitted.values, 4)
