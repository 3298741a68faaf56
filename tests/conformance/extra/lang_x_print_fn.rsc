g <- function(x, y = 2) {
  # comment
  z <- x + y
  if (z > 3) "big" else "small"
}
g
print(g)
h <- function(a, b) a %in% b
h
compose <- function(f, g) function(x) f(g(x))
compose
f1 <- function(x, ...) {
  for (i in 1:10) {
    if (i %% 2 == 0) next
    x <- x + i
  }
  while (x > 0) x <- x - 1
  tryCatch(stop("e"), error = function(e) NULL, finally = cat("done\n"))
  if (x) { 1 } else if (x) { 2 } else { 3 }
}
f1
