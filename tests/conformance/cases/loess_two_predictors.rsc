# loess with two predictors: normalization, interpolation on the k-d tree, drop.square and parametric terms
set.seed(7)
n <- 120
u <- runif(n, 0, 4)
v <- runif(n, 0, 40)
z <- cos(u) + v / 20 + u * v / 50 + rnorm(n, sd = 0.2)
d <- data.frame(u = u, v = v, z = z)
f2 <- loess(z ~ u + v, data = d)
f2
round(head(fitted(f2)), 6)
grid <- expand.grid(u = c(0.5, 2, 3.5), v = c(5, 20, 35))
round(predict(f2, grid), 5)
round(predict(f2, data.frame(u = c(1, 2, 3), v = c(10, 30, 20)), se = TRUE)$se.fit, 6)
f3 <- loess(z ~ u * v, data = d, span = 0.5, degree = 1, normalize = FALSE)
summary(f3)
f4 <- loess(z ~ u + v, data = d, parametric = "v", drop.square = "v")
summary(f4)
round(head(fitted(f4)), 6)
