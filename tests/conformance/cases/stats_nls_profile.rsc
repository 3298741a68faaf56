# nls with bounds (algorithm = "port"), profiles and profile-based confidence intervals
x <- 1:8
y <- c(2.1, 3.9, 7.2, 12.1, 19.8, 30.5, 44.1, 63.0)
f <- nls(y ~ a * exp(b * x), start = list(a = 1, b = 0.3), algorithm = "port")
f
round(coef(f), 5)
g <- nls(y ~ a * exp(b * x), start = list(a = 3, b = 0.3), algorithm = "port", lower = c(3, 0))
g
summary(g)
r <- tryCatch(nls(y ~ a * exp(b * x), start = list(a = 1, b = 0.3), algorithm = "port", lower = c(2, 0)),
              error = function(e) conditionMessage(e))
r
fd <- nls(y ~ a * exp(b * x), start = list(a = 1, b = 0.3))
pr <- profile(fd)
class(pr)
names(pr)
round(pr$a$tau, 5)
round(pr$b$par.vals, 5)
confint(fd)
d1 <- DNase[DNase$Run == 1, ]
h <- nls(density ~ SSlogis(log(conc), Asym, xmid, scal), d1)
confint(h)
confint(h, "xmid", level = 0.9)
hp <- nls(density ~ Asym / (1 + exp((xmid - log(conc)) / scal)), d1, start = list(Asym = 2, xmid = 1.5, scal = 1.1),
          algorithm = "port", lower = c(0, 0, 1.05))
hp
round(coef(hp), 4)
