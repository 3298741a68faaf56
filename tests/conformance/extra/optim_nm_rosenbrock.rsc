# Nelder-Mead on Rosenbrock's banana, as in ?optim
fr <- function(x) {
    x1 <- x[1]
    x2 <- x[2]
    100 * (x2 - x1 * x1)^2 + (1 - x1)^2
}
res <- optim(c(-1.2, 1), fr)
res
res$counts
names(res)
# named parameters are kept
r2 <- optim(c(a = -1.2, b = 1), fr, control = list(reltol = 1e-12))
r2$par
r2$counts
# a tighter maxit stops early with convergence 1
r3 <- optim(c(-1.2, 1), fr, control = list(maxit = 50))
r3$convergence
r3$counts
# extra arguments go to fn
f3 <- function(x, a, b) sum((x - a)^2) + b
optim(c(0, 0, 0), f3, a = c(1, 2, 3), b = 10)$par
