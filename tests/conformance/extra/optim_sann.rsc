fr <- function(x) 100 * (x[2] - x[1] * x[1])^2 + (1 - x[1])^2
set.seed(123)
r <- optim(c(-1.2, 1), fr, method = "SANN")
r$counts
r$convergence
print(r$par, digits = 4)
set.seed(1)
optim(c(-1.2, 1), fr, method = "SANN", control = list(maxit = 200, temp = 5, tmax = 20))
# the stream continues after optim
runif(2)
