# matrix indexing of a data frame: d[cbind(i, j)]
mtcars[cbind(0:3, c(1, 2, 4))]
m <- cbind(c(1, 51, 101), c(5, 5, 5))
iris[m]
iris[cbind(c(1, 2), c(1, 5))]
d <- data.frame(x = 1:3, y = c(2.5, NA, 7))
d[cbind(c(1, 2, 3), c(2, 2, 1))]
d[cbind(3, 1)]
airquality[cbind(1:5, 1)]
d[is.na(d)]
d[is.na(d)] <- 0
d
mtcars[cbind(c("Maz567
1e15
1Valiant"), c("mpg", "hp"))]
d <- data.frame(x = 2:3, y = c(2.5, NA, 7))
d[cbind(c(1, 3), c(2, 1))] <- c(100, 200)
d
d[d > 50] <- 0
d
