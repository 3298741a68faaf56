# lm over a lazy frame streams it in chunks (here of 700 rows): same fit and printout as in memory
set.seed(42)
n <- 5000
d <- data.frame(x1 = rnorm(n), x2 = runif(n, -2, 2), k = rpois(n, 3))
d$g <- sample(c("north", "south", "east", "west"), n, replace = TRUE, prob = c(0.4, 0.3, 0.2, 0.1))
d$g[1:800] <- "north"          # other levels first appear in later chunks
d$g[4000] <- "zz"               # a level seen only in a row dropped for a missing value
d$flag <- d$x2 > 0
d$y <- 1 + 2 * d$x1 - 0.5 * d$x2 + 0.1 * d$k + ifelse(d$g == "south", 1, 0) + rnorm(n)
d$y[c(5, 4000, 4500)] <- NA
d$x1[77] <- NA
f <- tempfile(fileext = ".csv")
write.csv(d, f, row.names = FALSE)
options(rsc.stream.rows = 700)
lf <- scan_csv(f)
fit <- lm(y ~ x1 + x2 + factor(k > 3) + g + flag, data = lf)
fit
summary(fit)
anova(fit)
confint(fit)
round(vcov(fit), 8)
nobs(fit)
c(AIC(fit), BIC(fit), deviance(fit), df.residual(fit))
fit$xlevels
predict(fit, newdata = data.frame(x1 = c(0, 1), x2 = c(1, -1), k = c(2, 5), g = c("east", "west"), flag = c(TRUE, FALSE)), interval = "prediction")
# interactions, weights, no intercept, subset
fit2 <- lm(y ~ x1 * g + I(x2^2) - 1, data = lf, weights = k + 1, subset = x2 > -1.5)
summary(fit2)
fit3 <- lm(log(abs(y) + 1) ~ ., data = lf)
summary(fit3)
anova(fit3, lm(log(abs(y) + 1) ~ x1 + g, data = lf))
# a Parquet file streams the same way
pq <- tempfile(fileext = ".parquet")
write_parquet(read.csv(f), pq)
fit4 <- lm(y ~ x1 + g, data = scan_parquet(pq))
summary(fit4)
unlink(c(f, pq))
