# objects written by rsc and read back, serialize() bytes as R writes them
objs <- list(
  int = c(1L, NA, -3L),
  dbl = c(1.5, NA, Inf, -Inf, NaN, 0),
  lgl = c(TRUE, NA, FALSE),
  chr = c("a", NA, "\u00e9t\u00e9", ""),
  list = list(1, "a", list(b = TRUE, c = NULL)),
  attrs = structure(list(a = 1, b = 2:3), note = "hello"),
  factor = factor(c("lo", "hi", NA, "lo"), levels = c("lo", "hi")),
  matrix = matrix(1:6, 2, dimnames = list(c("r1", "r2"), c("A", "B", "C"))),
  frame = data.frame(x = 1:3, y = c(0.5, NA, 2), s = c("u", NA, "w"), stringsAsFactors = FALSE),
  formula = y ~ x + log(z),
  call = quote(f(x, n = 2L)[[1]] + g(-y))
)
f <- tempfile(fileext = ".rds")
for (n in names(objs)) {
  saveRDS(objs[[n]], f)
  a <- identical(readRDS(f), objs[[n]])
  saveRDS(objs[[n]], f, compress = FALSE)
  b <- identical(readRDS(f), objs[[n]])
  saveRDS(objs[[n]], f, version = 2)
  c2 <- identical(readRDS(f), objs[[n]])
  cat(n, a, b, c2, "\n")
}
print(serialize(c(1L, NA, 3L), NULL))
print(serialize(c(a = 1.5), NULL, version = 2))
print(serialize(list(x = "abc", y = TRUE), NULL))
print(unserialize(serialize(objs$frame, NULL)))
x <- serialize(data.frame(x = c(1L, 2L, 3L), y = c(0.5, NA, 2)), NULL)
print(class(x)); print(typeof(x)); print(length(x))
fn <- function(x, y = 2) x + y
saveRDS(fn, f)
print(readRDS(f)(1))
e <- new.env(); assign("v", 42, envir = e)
saveRDS(list(e, e), f)
l <- readRDS(f)
print(identical(l[[1]], l[[2]]))
print(get("v", envir = l[[1]]))
g <- tempfile(fileext = ".RData")
p <- 1:3; q <- "text"
save(p, q, file = g)
rm(p, q)
print(load(g))
print(p); print(q)
unlink(c(f, g))
