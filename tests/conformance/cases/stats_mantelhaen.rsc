# mantelhaen.test: 2 x 2 x K (asymptotic and exact) and the general I x J x K test
x <- array(c(2, 5, 3, 6, 4, 2, 1, 5, 6, 3, 2, 4, 5, 2, 3, 6), dim = c(2, 2, 4),
           dimnames = list(A = c("a1", "a2"), B = c("b1", "b2"), S = 1:4))
mantelhaen.test(x)
mantelhaen.test(x, correct = FALSE)
mantelhaen.test(x, exact = TRUE)
mantelhaen.test(x, alternative = "greater")
y <- array(c(10, 4, 3, 6, 8, 2, 7, 5, 9, 3, 4, 6, 5, 7, 8, 2, 6, 4), dim = c(3, 3, 2))
mantelhaen.test(y)
mcnemar.test(matrix(c(794, 86, 150, 570), 2))
