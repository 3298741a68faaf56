# chisq.test and fisher.test with simulate.p.value = TRUE (R's random tables), r2dtable
set.seed(1)
m <- matrix(c(12, 5, 7, 9, 3, 8), 2)
chisq.test(m, simulate.p.value = TRUE)
chisq.test(c(10, 20, 30, 15), simulate.p.value = TRUE, B = 500)
fisher.test(matrix(c(3, 1, 2, 4, 5, 2), 2), simulate.p.value = TRUE)
r <- chisq.test(m, simulate.p.value = TRUE, B = 999)
r$parameter
r$p.value
set.seed(42)
r2dtable(3, c(3, 5, 2), c(4, 6))
set.seed(7)
fisher.test(matrix(c(2, 7, 4, 5, 1, 6), 3), simulate.p.value = TRUE, B = 1e4)
