fr <- function(x) 100 * (x[2] - x[1] * x[1])^2 + (1 - x[1])^2
grr <- function(x) c(-400 * x[1] * (x[2] - x[1] * x[1]) - 2 * (1 - x[1]), 200 * (x[2] - x[1] * x[1]))
# Fletcher-Reeves does not converge in 100 iterations
optim(c(-1.2, 1), fr, grr, method = "CG")
# Polak-Ribiere and Beale-Sorenson, more iterations
for (tp in 1:3) {
    r <- optim(c(-1.2, 1), fr, grr, method = "CG", control = list(type = tp, maxit = 5000))
    cat("type", tp, ":", format(r$par), "counts", r$counts, "conv", r$convergence, "\n")
}
# a quadratic converges quickly
q <- function(x) sum((x - 1:4)^2)
optim(rep(0, 4), q, method = "CG")
