# smooth.spline: GCV and CV choice of spar, df matching, given spar or lambda, weights, predict with derivatives
set.seed(3)
x <- seq(0, 2 * pi, length.out = 60)
y <- sin(x) + rnorm(60, sd = 0.25)
s <- smooth.spline(x, y)
s
round(s$y[1:6], 6)
round(c(df = s$df, spar = s$spar, lambda = s$lambda, crit = s$crit, pen = s$pen.crit), 6)
s.cv <- smooth.spline(x, y, cv = TRUE)
s.cv
s5 <- smooth.spline(x, y, df = 5)
s5
pr <- predict(s5, c(-0.5, 0, 1.3, 3, 6.5))
lapply(pr, round, 6)
for (d in 1:3) print(round(predict(s5, c(0.4, 1.3, 3, 5.9), deriv = d)$y, 5))
round(predict(s5, c(-1, 7), deriv = 1)$y, 6)
s.sp <- smooth.spline(x, y, spar = 0.3)
s.sp
s.lam <- smooth.spline(x, y, lambda = 1e-4)
s.lam
w <- rep(1:3, 20)
s.w <- smooth.spline(x, y, w = w, df = 6)
s.w
round(head(fitted(s.w)), 6)
round(head(residuals(s.w)), 6)
xr <- round(x)
s.dup <- smooth.spline(xr, y)
s.dup
c(length(s.dup$x), round(s.dup$w, 3))
s.all <- smooth.spline(x, y, all.knots = TRUE, spar = 0.5)
round(s.all$df, 6)
s.nk <- smooth.spline(x, y, nknots = 10)
round(c(s.nk$df, s.nk$fit$nk), 6)
sapply(c(60, 250, 1000, 5000), .nknots.smspl)
