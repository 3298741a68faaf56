f <- function(x, a) (x - a)^2
xmin <- optimize(f, c(0, 1), tol = 0.0001, a = 1/3)
xmin
str(xmin)
optimize(sin, c(0, 5), maximum = TRUE)
optimise(function(x) x * (x - 3), lower = -10, upper = 10)
# the function is evaluated where R evaluates it
ev <- numeric(0)
h <- function(x) { ev <<- c(ev, x); abs(x - 2.5) }
o <- optimize(h, c(0, 10))
length(ev)
round(head(ev, 5), 6)
# method = "Brent" in optim uses optimize
optim(1, function(x) (x - 2)^2 + 1, method = "Brent", lower = -10, upper = 10)
