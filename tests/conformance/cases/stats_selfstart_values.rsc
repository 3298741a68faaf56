# selfStart models: plain values when called with numbers, a gradient named by the arguments
# when called with names; initial values by the partially linear algorithm; sigma() of nls
tt <- c(1, 2, 4, 6, 8, 12, 16, 20)
print(SSlogis(tt, 10, 5, 2))
Asym <- 10; xmid <- 5; scal <- 2
print(SSlogis(tt, Asym, xmid, scal))
top <- 9; half <- 3
print(SSmicmen(tt, top, half))
print(SSmicmen(tt, 9, 3))
lo <- 1; r0 <- 2; lrc <- -1
print(round(SSasymp(tt, lo, r0, lrc), 6))
print(SSfpl(tt, 1, 9, 6, 1.5))
yl <- c(0.9, 1.6, 3.1, 5.2, 6.9, 8.8, 9.6, 9.9)
d <- data.frame(t = tt, y = yl)
print(round(getInitial(y ~ SSlogis(t, Asym, xmid, scal), data = d), 5))
fl <- nls(y ~ SSlogis(t, Asym, xmid, scal), data = d)
print(round(coef(fl), 5))
print(all.equal(sigma(fl), summary(fl)$sigma, tolerance = 1e-15))
print(round(sigma(fl), 6))
ym <- c(1.9, 3.2, 4.8, 5.8, 6.4, 7.2, 7.6, 7.9)
dm <- data.frame(t = tt, y = ym)
print(round(getInitial(y ~ SSmicmen(t, Vm, K), data = dm), 5))
ya <- c(2.6, 3.9, 5.6, 6.6, 7.3, 7.9, 8.2, 8.3)
print(round(getInitial(y ~ SSasymp(t, Asym, R0, lrc), data = data.frame(t = tt, y = ya)), 5))
yf <- c(1.2, 1.5, 2.4, 4.1, 6.0, 8.2, 8.8, 9.0)
print(round(getInitial(y ~ SSfpl(t, A, B, xmid, scal), data = data.frame(t = tt, y = yf)), 5))
