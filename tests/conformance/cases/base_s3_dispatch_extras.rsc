# `[` methods see the call as written; rev() dispatches; UseMethod with a missing argument
sq <- structure(list(v = c(5, 6, 7)), class = "sq")
`[.sq` <- function(x, i, j, drop = TRUE) {
  cat("nargs =", nargs(), " missing(j) =", missing(j), " missing(drop) =", missing(drop), "\n")
  print(sys.call())
  unclass(x)$v[i]
}
sq[3]
sq[1, ]
sq[2, drop = FALSE]
k <- 2
sq[k]
rev.sq <- function(x) { cat("in rev.sq\n"); structure(list(v = rev(unclass(x)$v)), class = "sq") }
unclass(rev(sq))
rev(list(p = 1, q = "z"))
gen <- function(x, ...) UseMethod("gen")
gen.default <- function(x, ...) cat("gen.default; missing(x):", missing(x), "\n")
gen()
gen(1)
# inverse hyperbolic functions
asinh(c(-1, 0, 0.5, 10))
acosh(c(1, 1.5, 100))
atanh(c(-0.5, 0, 0.25, 0.99))
acosh(0.5)
# f1:f2 on factors is their interaction
g1 <- factor(c("lo", "hi", "lo", NA))
g2 <- factor(c("u", "v", "v", "u"))
g1:g2
levels(g2:g1)
nlevels(g1:g2)
try(g1:factor("u"))
# range/min/max of POSIXlt stay POSIXlt
lt <- as.POSIXlt(c("2021-06-01 12:00:00", "2020-02-29 08:30:00", "2022-01-01 00:00:00"), tz = "UTC")
range(lt)
class(max(lt))
min(lt)
