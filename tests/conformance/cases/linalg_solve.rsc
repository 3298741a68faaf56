# solve, det, determinant, chol, chol2inv, backsolve, forwardsolve
a <- matrix(c(4, 2, 0, 2, 5, 1, 0, 1, 3), 3, dimnames = list(c("r1", "r2", "r3"), c("a", "b", "c")))
solve(a)
solve(a, c(1, 2, 3))
solve(a, matrix(1:6, 3))
det(a)
determinant(a)$modulus[1]
determinant(a, logarithm = FALSE)$sign
det(matrix(c(1, 2, 3, 4), 2))
f <- function(e) cat("Error:", conditionMessage(e), "\n")
tryCatch(solve(matrix(c(1, 2, 2, 4), 2)), error = f)
h8 <- 1 / (outer(1:8, 1:8, "+") - 1)
tryCatch(solve(h8, tol = 1e-8), error = f)
tryCatch(solve(matrix(1:6, 2)), error = f)
tryCatch(solve(matrix(c("a", "b", "c", "d"), 2)), error = f)
r <- chol(a)
r
crossprod(r)
chol2inv(r)
tryCatch(chol(matrix(c(1, 2, 2, 1), 2)), error = f)
p <- suppressWarnings(chol(matrix(c(4, 2, 0, 2, 3, 1, 0, 1, 5), 3), pivot = TRUE))
p
backsolve(r, c(1, 2, 3))
backsolve(r, c(1, 2, 3), transpose = TRUE)
backsolve(r, matrix(1:6, 3), k = 2)
forwardsolve(t(r), c(1, 2, 3))
tryCatch(backsolve(matrix(c(1, 0, 2, 0), 2), 1:2), error = f)
round(solve(h8, rep(1, 8)))
