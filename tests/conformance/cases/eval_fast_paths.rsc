# Results the evaluator's fast paths must keep: comparisons in `if`, closure calls with
# positional arguments and defaults, promises, `%%` by a literal in loops.
fib <- function(n) if (n < 2) n else fib(n - 1) + fib(n - 2)
print(fib(15))
f <- function(x, y = x * 2, z) {
  if (missing(z)) z <- 0
  c(x, y, z)
}
print(f(1))
print(f(1, 5))
print(f(1, 5, 7))
print(f(y = 3, 1))
g <- function(a, b) substitute(b)
print(g(1, n - 1))
h <- function(x) { cat("forced\n"); x }
k <- function(v) if (v > 0) "pos" else "non-pos"
print(k(h(3)))
print(k(-0))
print(k(2L))
r <- tryCatch(k(NA), error = function(e) conditionMessage(e))
print(r)
r <- tryCatch(k(NaN), error = function(e) conditionMessage(e))
print(r)
print(if (TRUE == 1) "eq" else "ne")
x <- structure(5, class = "myclass")
print(if (x > 2) "big" else "small")
s <- 0
for (i in -20:20) s <- s + (i %% 3) * 1000 + (i %% -7) + (i * 1.5) %% 4
print(s)
t <- 0
for (i in 1:10) t <- t - (i %% 0.5) + (i %/% 3)
print(t)
u <- 0
for (i in c(NA, 1, 2)) u <- u + (i %% 3)
print(u)
v <- 0
for (i in seq_len(5)) v <- v + (-i) %% 4
print(v)
w <- 0
for (i in 1:5) w <- w + 2147483647 %% (i + 0.5)
print(w)
p <- function(n) { if (n <= 0) return(0); n + p(n - 1) }
print(p(100))
q <- function(...) sum(...)
print(q(1, 2, 3))
m <- function(n) { force(n); function() n }
print(m(4)())
cnt <- 0
side <- function() { cnt <<- cnt + 1; cnt }
once <- function(a) a + a
print(once(side()))
print(cnt)
