# by(): data frames split by one or several indices, and its print method
by(warpbreaks[, 1:2], warpbreaks[, "tension"], summary)
by(warpbreaks[, 1], warpbreaks[, -1], summary)
b <- by(mtcars$mpg, mtcars$cyl, mean)
b
class(b)
by(ToothGrowth, ToothGrowth$supp, function(d) round(colMeans(d[, c("len", "dose")]), 3))
by(PlantGrowth, PlantGrowth$group, nrow)
by(mtcars[, c("mpg", "hp")], list(cyl = mtcars$cyl, am = mtcars$am), function(d) nrow(d))
by(iris[, 1:2], iris$Species, colMeans)
bb <- by(warpbreaks, warpbreaks[, c("wool", "tension")], function(x) mean(x$breaks))
bb
dim(bb)
dimnames(bb)
unclass(bb)[1:2]
by(mtcars[1:6, 1:3], mtcars$gear[1:6], head, 2)
by(warpbreaks[, 1:2], warpbreaks$tension, function(x) NULL)
b <- by(PlantGrowth$weight, PlantGrowth$group, mean, simplify = FALSE)
b
str(unclass(b))
by(as.matrix(mtcars[1:4, 1:2]), mtcars$am[1:4], colSums)
stack(mtcars[1:2, 1:3], select = -mpg)
stack(c(a = 1, b = 2))
unstack(stack(list(a = 1:2, b = 3:4)))
xtabs(~ ., warpbreaks[, -1])
xtabs(breaks ~ ., warpbreaks)
xtabs(count ~ spray, InsectSprays)
xt <- xtabs(~ wool + tension, warpbreaks, subset = breaks > 30)
xt
summary(xt)
x3 <- xtabs(~ cyl + gear + carb, mtcars)
dim(x3)
summary(x3)
