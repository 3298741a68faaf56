# eigen() of real matrices with complex eigenvalues; all.vars() of expressions;
# aggregate() of a matrix; predict() of a poly() basis
rot <- matrix(c(0, 1, -1, 0), 2)
eigen(rot)$values
e <- eigen(matrix(c(2, 0, 0, 0, 3, -4, 0, 4, 3), 3))
e$values
Mod(e$vectors)
eigen(matrix(c(1, 2, -3, 1), 2), only.values = TRUE)
comp <- matrix(c(0.5, 1, -0.8, 0), 2)
ev <- eigen(comp)
ev$values
round(Mod(ev$vectors), 6)
all.vars(expression(log(a) + b, b * cc))
all.vars(quote(f(u, g(v))))
sales <- matrix(c(3, 5, 2, 8, 1, 4, 6, 2), 4, dimnames = list(NULL, c("north", "south")))
aggregate(sales, list(region = c("a", "b", "a", "b")), sum)
aggregate(matrix(1:6, 3), by = list(c(1, 2, 2)), FUN = mean)
p <- poly(c(1, 3, 4, 7, 9), 2)
round(predict(p, c(2, 5)), 6)
r <- poly(1:4, 3, raw = TRUE)
predict(r, 5)
zapsmall(exp(1i * 0:4 * pi / 2))
zapsmall(c(2.5e-12 + 1i, 3.14159265 - 2e-15i))
zapsmall(c(0.00123456789, 1e-12), digits = 4)
# assignment through a matrix subscript
V <- matrix(0, 3, 3)
V[cbind(1:3, c(2, 3, 1))] <- c(10, 20, 30)
V
A <- array(0, c(2, 2, 2)); A[cbind(1, 2, 2)] <- 5; which(A == 5)
D <- matrix(1:4, 2, dimnames = list(c("r1", "r2"), c("c1", "c2")))
D[cbind("r2", "c1")] <- 99L
D
