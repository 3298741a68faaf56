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
