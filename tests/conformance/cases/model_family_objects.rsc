# family objects carry R's functions; make.link, power(), quasi
f <- binomial()
f
names(f)
f$linkinv(c(-2, 0, 1.5))
f$linkfun(c(0.2, 0.5))
f$variance(c(0.2, 0.5))
f$mu.eta(c(-1, 0, 2))
f$dev.resids(c(0, 1, 1), c(0.2, 0.6, 0.9), c(1, 1, 2))
f$validmu(c(0.2, 0.4))
p <- poisson()
p$aic(c(1, 3, 0), 1, c(1.5, 2, 0.5), c(1, 1, 1), 0)
p$dev.resids(c(1, 3, 0), c(1.5, 2, 0.5), 1)
gaussian()$variance(1:3)
Gamma()$dev.resids(c(1, 2), c(1.5, 1.5), 1)
inverse.gaussian()$linkinv(c(0.5, 2))
binomial(link = "probit")$linkinv(c(-1, 0, 1))
binomial("cloglog")$mu.eta(c(-1, 0.5))
poisson("sqrt")
l <- make.link("logit")
class(l)
l$name
l$linkinv(0.3)
pw <- power(1/3)
pw$name
pw$linkfun(8)
q <- quasi(link = "log", variance = "mu^2")
q
q$variance(2)
quasipoisson()$family
fit <- glm(cyl ~ mpg, poisson, mtcars)
family(fit)
family(fit)$linkinv(2)
AIC(logLik(fit))
b <- binomial(link = power(0.5))
b$link
b$linkinv(0.5)
