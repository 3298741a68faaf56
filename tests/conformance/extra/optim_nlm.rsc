f <- function(x) sum((x - 1:length(x))^2)
nlm(f, c(10, 10))
nlm(f, c(10, 10), print.level = 2)
nlm(f, c(10, 10), hessian = TRUE)$hessian
fr <- function(x) 100 * (x[2] - x[1] * x[1])^2 + (1 - x[1])^2
r <- nlm(fr, c(-1.2, 1), hessian = TRUE)
r
# a gradient (and Hessian) supplied as attributes
fg <- function(x) {
    a <- x[2] - x[1] * x[1]
    b <- 1 - x[1]
    r <- 100 * a * a + b * b
    attr(r, "gradient") <- c(-400 * x[1] * a - 2 * b, 200 * a)
    attr(r, "hessian") <- matrix(c(1200 * x[1]^2 - 400 * x[2] + 2, -400 * x[1], -400 * x[1], 200), 2, 2)
    r
}
nlm(fg, c(-1.2, 1))
# extra arguments, iteration limit
f2 <- function(x, a) sum((x - a)^2) + prod(x)
nlm(f2, c(10, 10), a = c(3, 5))
nlm(fr, c(-1.2, 1), iterlim = 5)$code
# a normal likelihood with standard errors from the Hessian
x <- mtcars$mpg
nll <- function(p) -sum(dnorm(x, p[1], exp(p[2]), log = TRUE))
fit <- nlm(nll, c(15, 1), hessian = TRUE)
fit$estimate
sqrt(diag(solve(fit$hessian)))
