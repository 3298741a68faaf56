fr <- function(x) 100 * (x[2] - x[1] * x[1])^2 + (1 - x[1])^2
grr <- function(x) {
    x1 <- x[1]
    x2 <- x[2]
    c(-400 * x1 * (x2 - x1 * x1) - 2 * (1 - x1), 200 * (x2 - x1 * x1))
}
optim(c(-1.2, 1), fr, grr, method = "BFGS")
# numerical gradient (ndeps = 1e-3)
r <- optim(c(-1.2, 1), fr, NULL, method = "BFGS")
r$par
r$counts
str(r)
# scaled parameters and objective
r <- optim(c(x = -1.2, y = 1), fr, grr, method = "BFGS", control = list(parscale = c(2, 0.5), fnscale = 2))
print(r$par, digits = 10)
r$counts
