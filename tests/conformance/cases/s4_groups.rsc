# S4 methods for operators, group generics and builtins
setClass("Vec2", representation(x = "numeric", y = "numeric"))
setMethod("+", signature("Vec2", "Vec2"), function(e1, e2) new("Vec2", x = e1@x + e2@x, y = e1@y + e2@y))
setMethod("show", "Vec2", function(object) cat("Vec2(", object@x, ", ", object@y, ")\n", sep = ""))
a <- new("Vec2", x = 1, y = 2)
b <- new("Vec2", x = 10, y = 20)
a + b
setMethod("*", signature("Vec2", "numeric"), function(e1, e2) new("Vec2", x = e1@x * e2, y = e1@y * e2))
setMethod("*", signature("numeric", "Vec2"), function(e1, e2) e2 * e1)
a * 3
2 * b
setMethod("==", signature("Vec2", "Vec2"), function(e1, e2) e1@x == e2@x && e1@y == e2@y)
a == a
a == b

# Arith group on a class extending numeric
setClass("Meters", contains = "numeric")
setMethod("Arith", signature("Meters", "Meters"), function(e1, e2) {
  new("Meters", callGeneric(e1@.Data, e2@.Data))
})
setMethod("show", "Meters", function(object) cat(format(object@.Data), "m\n"))
m1 <- new("Meters", c(1, 2, 3))
m2 <- new("Meters", c(10, 20, 30))
m1 + m2
m2 - m1
m1 * m2
m2 / m1

# Compare and Ops groups with .Generic
setClass("Grade", representation(score = "numeric"))
setMethod("Compare", signature("Grade", "Grade"), function(e1, e2) {
  switch(.Generic,
         "<" = e1@score < e2@score,
         ">" = e1@score > e2@score,
         "==" = e1@score == e2@score,
         callGeneric(e1@score, e2@score))
})
g1 <- new("Grade", score = 70)
g2 <- new("Grade", score = 85)
g1 < g2
g1 > g2
g1 == g2
g1 != g2
g1 >= g2

setClass("Flag", representation(v = "logical"))
setMethod("Ops", signature("Flag", "Flag"), function(e1, e2) callGeneric(e1@v, e2@v))
new("Flag", v = c(TRUE, FALSE)) & new("Flag", v = c(TRUE, TRUE))
new("Flag", v = c(TRUE, FALSE)) | new("Flag", v = c(FALSE, FALSE))

# Math and Summary groups
setClass("Sample", representation(values = "numeric"))
setMethod("Math", "Sample", function(x) new("Sample", values = callGeneric(x@values)))
setMethod("Summary", "Sample", function(x, ..., na.rm = FALSE) callGeneric(x@values, ..., na.rm = na.rm))
setMethod("show", "Sample", function(object) { cat("Sample:", object@values, "\n") })
s <- new("Sample", values = c(1, 4, 9, 16))
sqrt(s)
log(s)
abs(new("Sample", values = c(-1, 2, -3)))
max(s)
min(s)
range(s)
sum(s)

# length, [ and $ methods
setClass("Bag", representation(items = "list"))
setMethod("length", "Bag", function(x) length(x@items))
setMethod("[", "Bag", function(x, i, ...) new("Bag", items = x@items[i]))
setMethod("$", "Bag", function(x, name) x@items[[name]])
setMethod("show", "Bag", function(object) cat("<Bag of", length(object), "items>\n"))
bag <- new("Bag", items = list(a = 1, b = "two", c = 3))
length(bag)
bag[2:3]
bag$b
bag$c
setMethod("[[", "Bag", function(x, i, ...) x@items[[i]])
bag[["a"]]

# callNextMethod in an Arith method reaching the builtin
setClass("Celsius", contains = "numeric")
setMethod("+", signature("Celsius", "numeric"), function(e1, e2) {
  r <- callNextMethod()
  new("Celsius", r)
})
x <- new("Celsius", 20) + 5
x@.Data
is(x, "Celsius")
