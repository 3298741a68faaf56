f <- function(x, a) x - a
str(uniroot(f, c(0, 1), tol = 0.0001, a = 1/3))
r <- uniroot(function(x) x * (x^2 - 1) + 0.5 * x, lower = -2, upper = 2, tol = 0.0001)
r$root
r$iter
uniroot(cos, c(0, 2), tol = 1e-10)
# extending the interval
r <- uniroot(function(x) exp(x) - 5, c(0, 1), extendInt = "yes")
r
uniroot(function(x) exp(x) - 5, c(0, 1), extendInt = "upX")$init.it
# no sign change
tryCatch(uniroot(function(x) x^2 + 1, c(0, 1)), error = function(e) conditionMessage(e))
tryCatch(uniroot(function(x) x - 5, c(0, 1), extendInt = "downX"), error = function(e) conditionMessage(e))
# a root at an end point
uniroot(function(x) x, c(0, 1))$iter
