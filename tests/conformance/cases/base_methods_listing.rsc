# methods() lists S3 methods of a generic or for a class
area <- function(shape, ...) UseMethod("area")
area.circle <- function(shape, ...) pi * shape$r^2
area.square <- function(shape, ...) shape$s^2
perimeter <- function(shape) UseMethod("perimeter")
perimeter.circle <- function(shape) 2 * pi * shape$r
print.circle <- function(x, ...) cat("<circle r =", x$r, ">\n")
m <- methods(area)
m
class(m)
as.vector(unclass(m))
methods("perimeter")
methods(class = "circle")
format(methods(class = "square"))
attr(methods(class = "circle"), "info")
