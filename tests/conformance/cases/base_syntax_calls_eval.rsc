# Syntax called as functions is the syntax itself
`{`(x <- 2, y <- x^2, y + 1)
`(`(3 * 4)
`if`(TRUE, "yes", "no")
`if`(FALSE, "yes")
`for`(i, 1:3, cat("i =", i, "\n"))
n <- 0
`while`(n < 3, n <- n + 1)
n
identical(quote(`{`(a, b)), quote({a; b}))
f <- get("{")
is.function(f)
e <- quote(for (k in 1:2) print(k))
length(e)
as.list(e)[[2]]
w <- quote(while (TRUE) break)
as.list(w)[[1]]
# eval and evalq with lists and data frames as environments, enclosed by the caller
a <- 3; aa <- 4
evalq(evalq(a + b + aa, list(a = 1)), list(b = 5))
h <- function() { b <- 10; evalq(a + b, list(a = 1)) }
h()
df <- data.frame(p = 1:3, q = c(2, 4, 6))
evalq(p * q, df)
evalq(withVisible(p + q), envir = df)
k <- function() { z <- 100; eval(quote(p + z), df) }
k()
evalq(u + v, list(u = 1), list2env(list(v = 41)))
# options(error = ) lets a script go on after an error
op <- options(error = expression(NULL))
stopifnot(length(10))
cat("still running\n")
log(-1:1)
sqrt("a")
cat("and after a second error\n")
options(op)
cat("done\n")
