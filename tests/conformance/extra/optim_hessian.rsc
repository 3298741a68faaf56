fr <- function(x) 100 * (x[2] - x[1] * x[1])^2 + (1 - x[1])^2
grr <- function(x) c(-400 * x[1] * (x[2] - x[1] * x[1]) - 2 * (1 - x[1]), 200 * (x[2] - x[1] * x[1]))
r <- optim(c(a = -1.2, b = 1), fr, grr, method = "BFGS", hessian = TRUE)
r$hessian
optimHess(r$par, fr, grr)
optimHess(c(1, 1), fr)
# maximum likelihood for a normal sample: estimates and standard errors
x <- mtcars$mpg
nll <- function(p) -sum(dnorm(x, mean = p[1], sd = exp(p[2]), log = TRUE))
fit <- optim(c(mu = 15, logsd = 1), nll, method = "BFGS", hessian = TRUE)
fit$par
fit$value
fit$counts
sqrt(diag(solve(fit$hessian)))
# maximisation through fnscale = -1
g <- function(x) -sum((x - c(1, 2))^2) + 5
m <- optim(c(0, 0), g, control = list(fnscale = -1))
m$value
m$counts
