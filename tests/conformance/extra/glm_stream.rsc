# glm over a lazy frame streams it in chunks (here of 700 rows), one pass per iteration:
# same fit and printout as in memory
set.seed(7)
n <- 4000
d <- data.frame(x1 = rnorm(n), x2 = runif(n, -2, 2), expo = runif(n, 0.5, 3))
d$g <- sample(c("a", "b", "c"), n, replace = TRUE)
d$g[1:900] <- "a"              # other levels first appear in later chunks
d$g[3000] <- "zz"              # a level seen only in a row dropped for a missing value
eta <- -0.5 + 0.8 * d$x1 - 0.4 * d$x2 + ifelse(d$g == "b", 0.7, 0)
d$yb <- rbinom(n, 1, plogis(eta))
d$k <- rpois(n, d$expo * exp(0.3 + 0.4 * d$x1))
d$pos <- rgamma(n, shape = 3, rate = 3 / exp(1 + 0.2 * d$x1))
d$succ <- rbinom(n, 10, plogis(eta))
d$fail <- 10 - d$succ
d$w <- rep(c(1, 2), length.out = n)
d$yb[c(5, 3000)] <- NA
d$x1[77] <- NA
f <- tempfile(fileext = ".csv")
write.csv(d, f, row.names = FALSE)
options(rsc.stream.rows = 700)
lf <- scan_csv(f)
fit <- glm(yb ~ x1 + x2 + g, family = binomial, data = lf)
fit
summary(fit)
round(vcov(fit), 8)
confint.default(fit)
c(AIC(fit), BIC(fit), deviance(fit), df.residual(fit), nobs(fit))
logLik(fit)
fit$xlevels
nd <- data.frame(x1 = c(0, 1), x2 = c(1, -1), g = c("b", "c"))
predict(fit, newdata = nd)
predict(fit, newdata = nd, type = "response")
predict(fit, newdata = nd, type = "response", se.fit = TRUE)
anova(fit, test = "Chisq")
anova(glm(yb ~ x1, family = binomial, data = lf), fit, test = "LRT")
# poisson with an offset (the null deviance refits the intercept alone), weights, subset
fit2 <- glm(k ~ x1 + g + offset(log(expo)), family = poisson, data = lf, weights = w, subset = x2 > -1.5)
summary(fit2)
anova(fit2)
# quasipoisson: the dispersion comes from the streamed Pearson statistic
summary(glm(k ~ x1, family = quasipoisson, data = lf))
# Gamma with a log link, no intercept
summary(glm(pos ~ x1 + g - 1, family = Gamma(link = "log"), data = lf))
# a two-column binomial response and starting values
fit5 <- glm(cbind(succ, fail) ~ x1 + x2, family = binomial, data = lf, start = c(0, 0, 0))
summary(fit5)
fit5$iter
# gaussian
summary(glm(pos ~ x1 + x2, data = lf))
unlink(f)
