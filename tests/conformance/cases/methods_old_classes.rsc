# S4 classes that extend S3 classes (the data part is the S3 object), the registered
# old classes, and classes extending environments and basic types.
showClass("data.frame")
showClass("ts")
x <- new("ts")
x
str(x)
head(sort(unlist(.OldClassesList)), 8)
fit <- lm(dist ~ speed, data = cars)
setClass("namedFit", contains = "lm", slots = c(label = "character"))
nf <- new("namedFit", fit, label = "stopping distance")
nf@label
nf@.S3Class
class(S3Part(nf, strictS3 = TRUE))
identical(coef(S3Part(nf, strictS3 = TRUE)), coef(fit))
nf
setClass("Counter", contains = "environment", slots = c(label = "character"))
cn <- new("Counter", label = "hits")
assign("n", 1, envir = as(cn, "environment"))
get("n", envir = as(cn, "environment"))
cn@label
is(cn, "environment")
setClass("Scaled", contains = "numeric", slots = c(scale = "numeric"),
         prototype = prototype(numeric(0), scale = 1))
s1 <- new("Scaled", c(a = 1, b = 2), scale = 10)
names(s1)
s1@scale
setClass("Grid", contains = "matrix", prototype = matrix(0, 0, 0))
dim(new("Grid"))
g <- new("Grid", matrix(1:6, 2))
dim(g)
setClass("Stamped", contains = "character", slots = c(when = "Date"))
sd <- new("Stamped", c("x", "y"), when = as.Date("2020-01-02"))
sd@when
setIs("Stamped", "factor", coerce = function(from) factor(from@.Data),
      replace = function(from, value) { from@.Data <- as.character(value); from })
levels(as(sd, "factor"))
setClass("Coded", contains = "factor", slots = c(source = "character"))
cd <- new("Coded", factor(c("lo", "hi", "lo")), source = "survey")
levels(cd)
identical(levels(cd), levels(as(cd, "factor")))
