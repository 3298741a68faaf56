# S3 methods for $, [[, $<- and [[<- written in R
rec <- structure(list(a = 1, b = "two"), class = "record")
`$.record` <- function(x, name) paste0("<", name, ">")
rec$anything
`[[.record` <- function(x, i) {
    v <- unclass(x)[[i]]
    if (is.null(v)) "none" else v
}
rec[["a"]]
rec[["zz"]]
`$<-.record` <- function(x, name, value) {
    y <- unclass(x)
    y[[name]] <- toupper(value)
    structure(y, class = "record")
}
rec$c <- "new"
unclass(rec)$c
`[[<-.record` <- function(x, i, value) {
    y <- unclass(x)
    y[[i]] <- value * 10
    structure(y, class = "record")
}
rec[["n"]] <- 4
unclass(rec)$n
`[<-.record` <- function(x, i, value) {
    y <- unclass(x)
    y[i] <- lapply(value, rev)
    structure(y, class = "record")
}
rec["v"] <- list(1:3)
unclass(rec)$v
`$.wrapped` <- function(x, name) {
    cat("looking up", name, "\n")
    NextMethod()
}
w <- structure(list(k = 5), class = "wrapped")
w$k
plain <- list(a = 1)
plain$a
