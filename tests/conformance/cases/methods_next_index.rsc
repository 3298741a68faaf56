# callNextMethod for `[` on classes extending "matrix" (missing subscripts stay empty),
# replacing the data part, Math2 and Arith methods that fall through to the defaults,
# and `[[<-` methods on a class extending "environment".
setClass("Tagged", slots = c(tag = "character"), contains = "matrix")
setMethod("[", "Tagged", function(x, i, j, ..., drop = TRUE) {
    cat("Tagged method\n")
    callNextMethod()
})
tm <- new("Tagged", matrix(1:12, 3), tag = "demo")
tm[, 2]
tm[2, ]
tm[5]
tm[1:2, 3:4, drop = FALSE]
tm@.Data <- matrix(0, 2, 2)
dim(tm)
tm@tag
setClass("Rounded", slots = c(digits = "integer"), contains = "numeric")
setMethod("Math2", "Rounded", function(x, digits) callNextMethod(as.numeric(x), x@digits))
setMethod("Arith", c(e1 = "Rounded"), function(e1, e2) round(as.numeric(callNextMethod()), e1@digits))
r <- new("Rounded", c(1.23456, 2.34567), digits = 2L)
round(r, 5)
r * 3
setClass("Store", contains = "environment", slots = c(writes = "numeric"))
setMethod("[[<-", c("Store", "character", "missing"), function(x, i, j, ..., value) {
    assign(i, value, envir = as(x, "environment"))
    x@writes <- x@writes + 1
    x
})
st <- new("Store", writes = 0)
st[["a"]] <- 1
st[["b"]] <- "two"
st@writes
sort(ls(as(st, "environment")))
f <- function(x, i) x[i]
f(letters[1:3])
g <- function(m, i, j) m[i, j]
g(matrix(1:4, 2), j = 2)
