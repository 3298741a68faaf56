# the qr family on LINPACK's dqrdc2 and on LAPACK = TRUE
m <- matrix(c(2, 1, 1, 1, 3, 2, 1, 0, 0, 4, 1, 1), 4)
colnames(m) <- c("a", "b", "c")
q <- qr(m)
q
is.qr(q)
is.qr(m)
qr.R(q)
qr.Q(q)
qr.X(q)
y <- c(1, 3, 2, 5)
qr.coef(q, y)
qr.qty(q, y)
qr.qy(q, y)
qr.fitted(q, y)
qr.resid(q, y)
qr.coef(q, cbind(y, y2 = 4:1))
qr.solve(matrix(c(2, 1, 1, 3), 2), c(1, 2))
solve(qr(matrix(c(2, 1, 1, 3), 2)), c(1, 2))
qr.solve(m, y)
# rank deficiency: an aliased middle column moves last
x <- cbind(1, 1:5, 2 * (1:5), c(2, -1, 0.5, 3, 1))
qx <- qr(x)
qx$rank
qx$pivot
qr.coef(qx, c(1, 3, 2, 5, 4))
f <- function(e) cat("Error:", conditionMessage(e), "\n")
tryCatch(qr.solve(x, 1:5), error = f)
ql <- qr(m, LAPACK = TRUE)
ql
qr.coef(ql, y)
qr.R(ql)
X <- model.matrix(Employed ~ ., longley)
ql <- qr(X)
ql$rank
qr.coef(ql, longley$Employed)
