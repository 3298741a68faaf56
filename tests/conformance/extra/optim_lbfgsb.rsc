fr <- function(x) 100 * (x[2] - x[1] * x[1])^2 + (1 - x[1])^2
grr <- function(x) c(-400 * x[1] * (x[2] - x[1] * x[1]) - 2 * (1 - x[1]), 200 * (x[2] - x[1] * x[1]))
optim(c(-1.2, 1), fr, grr, method = "L-BFGS-B")
# a 25-dimensional box-constrained problem (?optim)
flb <- function(x) {
    p <- length(x)
    sum(c(1, rep(4, p - 1)) * (x - c(1, x[-p])^2)^2)
}
r <- optim(rep(3, 25), flb, NULL, method = "L-BFGS-B", lower = rep(2, 25), upper = rep(4, 25))
r$par
r$value
r$counts
r$message
# one-sided bounds, numeric gradient
r <- optim(c(-1.2, 1), fr, method = "L-BFGS-B", lower = c(-2, -Inf), upper = c(0.5, Inf))
r
# stopping at maxit gives the driver's NEW_X message
r <- optim(c(-1.2, 1), fr, grr, method = "L-BFGS-B", control = list(maxit = 5))
r$convergence
r$message
# bounds with the default method switch to L-BFGS-B (with a warning)
suppressWarnings(optim(c(1, 1), fr, lower = c(1.5, 0)))$par
