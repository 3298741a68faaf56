lw <- lowess(cars)
str(lw)
lw$y[1:10]
lowess(cars$speed, cars$dist, f = 0.2)$y[c(1, 10, 25, 50)]
lowess(cars, iter = 0)$y[c(1, 10, 25, 50)]
x <- c(5, 1, 4, 2, 3, 6, 8, 7)
y <- c(2.1, 0.9, 3.5, 1.2, 2.8, 4.4, 9.9, 5.1)
lowess(x, y)
lowess(x, y, f = 0.5, delta = 2)
