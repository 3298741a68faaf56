integrate(dnorm, 0, Inf)
integrate(dnorm, -Inf, Inf)
integrate(dnorm, -1.96, 1.96)
integrand <- function(x) 1 / ((x + 1) * sqrt(x))
integrate(integrand, lower = 0, upper = Inf)
i <- integrate(function(x) exp(-x^2 / 2), 0, Inf, rel.tol = 1e-8)
i
i$value
str(integrate(dnorm, 0, 2))
unclass(integrate(dnorm, 0, 2))
print(integrate(dexp, 0, Inf, rate = 2), digits = 12)
integrate(function(x) x^-0.5, 0, 1)
integrate(function(x) rep(1, length(x)), 0, 1)
# failures
integrate(function(x) sin(x) / x, 0, Inf, stop.on.error = FALSE)
tryCatch(integrate(function(x) 1 / x, 0, 1), error = function(e) conditionMessage(e))
tryCatch(integrate(function(x) 1, 0, 1), error = function(e) conditionMessage(e))
