# runmed: end rules, even k, NA handling; smoothEnds
x <- c(4, 12, 7, 3, 18, 6, 6, 9, 1, 15, 2, 8, 11, 5, 10)
runmed(x, 3)
runmed(x, 5, endrule = "keep")
runmed(x, 5, endrule = "constant")
runmed(x, 7, algorithm = "Turlach")
r4 <- runmed(x, 4)
r4
runmed(x, 21)
xn <- x
xn[c(5, 9, 10)] <- NA
runmed(xn, 3)
runmed(xn, 5, na.action = "-Big_alternate")
runmed(xn, 3, endrule = "keep", na.action = "na.omit")
smoothEnds(c(10, 1, 7, 3, 9, 2, 8, 4, 6, 5), k = 7)
smoothEnds(c(3, NA, 5, 1, 4, 2, 6), k = 5)
