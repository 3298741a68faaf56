Performance <- matrix(c(794, 86, 150, 570), nrow = 2,
                      dimnames = list("1st Survey" = c("Approve", "Disapprove"),
                                      "2nd Survey" = c("Approve", "Disapprove")))
mcnemar.test(Performance)
mcnemar.test(Performance, correct = FALSE)
mcnemar.test(matrix(c(10, 3, 5, 4, 12, 2, 1, 6, 9), 3))
a <- c("y", "n", "y", "y", "n", "n", "y", "y", "n", "y", "y", "n")
b <- c("y", "y", "y", "n", "n", "y", "y", "y", "y", "y", "n", "y")
mcnemar.test(a, b)
mcnemar.test(factor(a), factor(b), correct = FALSE)$p.value
