# The language core: vectors, functions, closures, conditions.
x <- c(a = 1.5, b = 2, c = NA)
x * 2
mean(x, na.rm = TRUE)
fib <- function(n) if (n < 2) n else fib(n - 1) + fib(n - 2)
sapply(0:10, fib)
make_counter <- function() { i <- 0; function() { i <<- i + 1; i } }
counter <- make_counter(); counter(); counter()
tryCatch(stop("boom"), error = function(e) conditionMessage(e))
sprintf("%5.2f and %s", pi, "text")
