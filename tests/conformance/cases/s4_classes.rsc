# S4 classes: definition, new, slots, show, inheritance and validity
setClass("Point", representation(x = "numeric", y = "numeric"))
p <- new("Point", x = 3, y = 4)
p
isS4(p)
p@x
p@y <- 10
p
slot(p, "x")
slot(p, "x") <- 7
p@x
slotNames("Point")
class(p)
isVirtualClass("Point")

setClass("Point3", contains = "Point", representation(z = "numeric"),
         prototype(z = 0))
q <- new("Point3", x = 1, y = 2)
q
is(q, "Point")
is(q)
inherits(q, "Point")
extends("Point3", "Point")
extends("Point", "Point3")
existsClass <- isClass("Point3")
existsClass
getClass("Point3")
showClass("Point")

# validity
setClass("Range", representation(lo = "numeric", hi = "numeric"),
         validity = function(object) {
           if (length(object@lo) != 1 || length(object@hi) != 1) "lo and hi must be single numbers"
           else if (object@lo > object@hi) paste("lo", object@lo, "is above hi", object@hi)
           else TRUE
         })
r <- new("Range", lo = 1, hi = 5)
r@hi
res <- tryCatch(new("Range", lo = 9, hi = 2), error = function(e) conditionMessage(e))
res
r@lo <- 20
tryCatch(validObject(r), error = function(e) cat("Error:", conditionMessage(e), "\n"))
tryCatch(r@lo <- "a", error = function(e) cat("Error:", conditionMessage(e), "\n"))
tryCatch(new("Range", lo = "a"), error = function(e) cat("Error:", conditionMessage(e), "\n"))
tryCatch(new("Range", width = 3), error = function(e) cat("Error:", conditionMessage(e), "\n"))
tryCatch(p@nothing, error = function(e) cat("Error:", conditionMessage(e), "\n"))
tryCatch(new("NoSuchClass"), error = function(e) cat("Error:", conditionMessage(e), "\n"))

# virtual classes and unions
setClass("Shape", representation("VIRTUAL", name = "character"))
isVirtualClass("Shape")
tryCatch(new("Shape"), error = function(e) cat("Error:", conditionMessage(e), "\n"))
setClass("Square", contains = "Shape", representation(side = "numeric"))
sq <- new("Square", name = "sq1", side = 2)
sq
is(sq, "Shape")
setClassUnion("NumOrChar", c("numeric", "character"))
setClass("Box", representation(content = "NumOrChar"))
new("Box", content = "text")@content
new("Box", content = 42)@content
tryCatch(new("Box", content = TRUE), error = function(e) cat("Error:", conditionMessage(e), "\n"))
is(1, "NumOrChar")
is("a", "NumOrChar")
is(TRUE, "NumOrChar")

# extending a basic type
setClass("Temps", contains = "numeric", representation(unit = "character"))
t1 <- new("Temps", c(20.5, 22, 19), unit = "C")
t1
t1@.Data
length(t1)
mean(t1)
t1[2]
t1@unit
is(t1, "numeric")

# the generator setClass returns
Pair <- setClass("Pair", representation(first = "ANY", second = "ANY"))
pr <- Pair(first = 1:3, second = "b")
pr
pr@second
identical(new("Point", x = 1, y = 2), new("Point", x = 1, y = 2))
