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
# a candidate generator for a small travelling-salesman tour (?optim)
set.seed(123)
pts <- matrix(c(0, 0, 1, 0, 1, 1, 0, 1, 0.5, 0.2, 0.8, 0.6, 0.3, 0.9), ncol = 2, byrow = TRUE)
D <- sqrt(outer(pts[, 1], pts[, 1], "-")^2 + outer(pts[, 2], pts[, 2], "-")^2)
tour_len <- function(sq) {
    n <- length(sq)
    sum(D[cbind(sq[-n], sq[-1])])
}
genseq <- function(sq) {
    idx <- seq(2, nrow(D) - 1)
    cp <- sample(idx, size = 2, replace = FALSE)
    tmp <- sq[cp[1]]
    sq[cp[1]] <- sq[cp[2]]
    sq[cp[2]] <- tmp
    sq
}
res <- optim(c(1:nrow(D), 1), tour_len, genseq, method = "SANN", control = list(maxit = 2000, temp = 2, tmax = 10))
res$par
res$value
res$counts
runif(1)
