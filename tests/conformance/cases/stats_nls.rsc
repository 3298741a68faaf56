DNase1 <- subset(DNase, Run == 1)
fm1 <- nls(density ~ Asym/(1 + exp((xmid - log(conc))/scal)), data = DNase1,
           start = list(Asym = 3, xmid = 0, scal = 1))
fm1
summary(fm1)
coef(fm1)
vcov(fm1)
deviance(fm1)
df.residual(fm1)
logLik(fm1)
AIC(fm1)
BIC(fm1)
nobs(fm1)
fm1$convInfo
predict(fm1, newdata = data.frame(conc = c(1, 5, 10)))
round(fitted(fm1), 6)
round(residuals(fm1), 6)
fm0 <- nls(density ~ Asym/(1 + exp((xmid - log(conc)))), data = DNase1,
           start = list(Asym = 3, xmid = 0))
anova(fm0, fm1)
x <- 1:10
y <- c(2.9, 5.2, 7.1, 8.4, 9.9, 10.6, 11.5, 12.1, 12.3, 12.9)
fit <- nls(y ~ a * (1 - exp(-b * x)), start = list(a = 10, b = 0.3), trace = TRUE)
fit
summary(fit, correlation = TRUE)
wfit <- nls(y ~ a * (1 - exp(-b * x)), start = list(a = 10, b = 0.3), weights = 1/x)
wfit
try(nls(y ~ a * (1 - exp(-b * x)), start = list(a = 10, b = 0.3), control = nls.control(maxiter = 2)))
nls(y ~ a * (1 - exp(-b * x)), start = list(a = 10, b = 0.3), control = list(maxiter = 2, warnOnly = TRUE))
pur <- nls(rate ~ Vm * conc/(K + conc), data = Puromycin, subset = state == "treated",
           start = c(Vm = 200, K = 0.05))
summary(pur)
ev <- new.env(); assign("a", 2, ev); assign("b", 0.1, ev); assign("x", 1:3, ev)
nd <- numericDeriv(quote(a * exp(b * x)), c("a", "b"), ev)
nd
