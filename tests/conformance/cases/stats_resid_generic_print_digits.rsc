# resid() reaches residuals methods; print(<list>, digits) reaches the elements' methods
x <- 1:8
y <- c(3.2, 4.1, 5.9, 8.3, 11.8, 17.0, 24.5, 35.2)
fit <- nls(y ~ a * exp(b * x), start = list(a = 2, b = 0.3))
resid(fit)
fitted.values(fit)
l <- list(raw = ts(c(1.23456789, 2.3456789, 3.456789)),
          qtr = ts(1:5 / 7, start = c(2001, 2), frequency = 4))
print(l, digits = 3)
print(list(plain = pi * 1:3, s = ts(exp(1:3))), digits = 2)
# zero degrees of freedom: point mass at zero
pchisq(0, df = 0, ncp = c(0, 1, 4, 20))
pchisq(0, df = 0, ncp = 3, lower.tail = FALSE)
# all.equal compares lists component by component, with the tolerance
all.equal(list(a = 1, b = c(2, 3)), list(a = 1, b = c(2, 3 + 1e-12)))
all.equal(list(a = 1, b = 2), list(a = 1, b = 3))
all.equal(list(1, "x"), list(1.5, "x"))
