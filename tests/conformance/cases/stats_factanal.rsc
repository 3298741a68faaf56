# factor analysis by maximum likelihood with varimax rotation
v <- c(1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 3, 1, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 1, 1, 1, 1, 1, 2, 1, 3, 2, 3, 4, 1, 1, 1, 1, 1, 3, 1, 3, 5, 3, 4, 1, 1, 1, 1, 1, 1, 3, 3, 3, 4, 5, 1, 1, 1, 1, 1, 1, 3, 3, 3, 5, 3, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4, 5, 1, 1, 1, 1, 1, 1, 3, 3, 3, 5, 6, 1, 1, 1, 1, 1, 1, 1, 3, 3, 5, 5, 1, 1, 1, 1, 1, 1, 1, 3, 3, 5, 5, 1, 2, 1, 1, 1, 1, 1, 3, 3, 5, 5, 1)
m <- matrix(v[1:108], 18, 6, dimnames = list(NULL, paste0("v", 1:6)))
set.seed(3)
m <- m + matrix(round(rnorm(108, sd = 0.3), 2), 18, 6)
f <- factanal(m, factors = 2)
f
round(f$uniquenesses, 4)
f0 <- factanal(m, 1, rotation = "none")
round(unclass(f0$loadings)[, 1], 4)
