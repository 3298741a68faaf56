# .MFclass, .checkMFClasses, .getXlevels and terms() of a model frame
df <- data.frame(n = c(1.5, 2, 3.5, 4), f = factor(c("u", "v", "u", "w")),
                 o = ordered(c("lo", "hi", "hi", "lo")), l = c(TRUE, FALSE, TRUE, TRUE),
                 s = c("p", "q", "p", "q"), stringsAsFactors = FALSE)
sapply(df, .MFclass)
.MFclass(cbind(1:3, 4:6))
mf <- model.frame(n ~ f + s, df)
attr(terms(mf), "term.labels")
.getXlevels(terms(mf), mf)
.checkMFClasses(c(f = "factor", s = "character"), mf)
r <- tryCatch(.checkMFClasses(c(f = "numeric"), mf), error = conditionMessage)
r
# nobs and AIC/BIC of several ARIMA fits
z <- ts(c(0.3, 1.1, 0.8, 1.9, 1.2, 0.4, -0.6, -0.2, 0.5, 1.4, 2.1, 1.6, 0.9, 0.1, -0.8,
          -1.3, -0.7, 0.2, 0.6, 1.0, 0.7, -0.1, -0.9, -0.4, 0.3, 1.2, 1.8, 1.1, 0.2, -0.5))
z[c(5, 17)] <- NA
a1 <- arima(z, c(1, 0, 0))
a2 <- arima(z, c(2, 0, 0))
nobs(a1)
AIC(a1, a2)
BIC(a1, a2)
# Holt-Winters without season on a series of frequency below one
h <- ts(c(5, 7, 8, 11, 12, 15, 18, 19, 23, 26), start = 1900, frequency = 0.1)
hw <- HoltWinters(h, gamma = FALSE, beta = FALSE)
round(hw$alpha, 4)
round(hw$SSE, 3)
# Kendall covariance: ties contribute nothing
km <- cbind(a = c(1, 2, 3, 4, 5, 6), b = c(2, 1, 4, 3, 6, 5), c = c(1, 1, 2, 2, 3, 3))
cov(km, method = "kendall")
all.equal(cor(km, method = "kendall"), cov2cor(cov(km, method = "kendall")))
