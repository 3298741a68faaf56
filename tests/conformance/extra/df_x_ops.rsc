d <- data.frame(a = c(0, 2, 5), b = c(3, 0, 0))
d == 0
colSums(d == 0)
d * 2
d + d
d > 1 & d < 4
sum(head(mtcars[, 1:3], 4) > 100)
