# Replacement functions see the call R builds for them
`second<-` <- function(x, value) {
    print(sys.call())
    x[2] <- value
    x
}
v <- 1:5
second(v) <- 10L
v
`checked<-` <- function(x, value) {
    if (value < 0) stop("value must be non-negative")
    x[1] <- value
    x
}
r <- tryCatch({ checked(v) <- -1; "no error" }, error = function(e) conditionCall(e))
print(r)
# storage.mode<- to complex keeps attributes
m <- matrix(c(1.5, 2, 3, 4), 2, dimnames = list(c("a", "b"), NULL))
storage.mode(m) <- "complex"
m
storage.mode(m)
# slice.index over one and several margins; arrayInd
a <- array(1:24, dim = c(2, 3, 4))
slice.index(a, 2)[, , 1]
s <- slice.index(a, c(1, 3))
s[, , 3]
table(s)[1:4]
arrayInd(c(1, 7, 24, NA), dim(a))
arrayInd(5, c(3, 4), list(letters[1:3], NULL), useNames = TRUE)
# URLencode is vectorised, leaving already encoded elements alone
URLencode(c("a b&c", "x%20y", "plain"))
URLencode("a b&c", reserved = TRUE)
# options(): the defaults a session starts with
o <- options()
is.list(o)
all(c("digits", "OutDec", "scipen", "warn", "width", "contrasts", "na.action") %in% names(o))
o$contrasts
o$na.action
getOption("ts.eps")
identical(names(o), names(o)[order(tolower(names(o)))])
old <- options(digits = 4)
getOption("digits")
options(old)
getOption("digits")
