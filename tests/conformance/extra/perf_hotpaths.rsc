# Fast paths of the evaluator must keep R's semantics: scalar assignment reuses a buffer
# only when nothing else holds it; vector-op-constant works in place only on temporaries.
x <- 1
y <- x
x <- x + 1
print(c(x, y))
f <- function(a) { a <- a * 2; a }
b <- 3
print(c(f(b), b))
z <- (w <- 2 + 3)
print(c(z, w))
s <- 0L
s <- s + 1L
print(s); print(typeof(s))
v <- c(a = 1)
v <- v + 1
print(v)
k <- 5 > 3
print(k)
for (i in 1:3) { q <- i * 2; r <- q }
print(c(q, r))
u <- c(1, 2, 3)
u2 <- u
u3 <- u * 2 + 1
print(u); print(u2); print(u3)
m <- matrix(1:4, 2) * 2 + 1
print(m)
nm <- c(a = 1, b = 2) * 3 - 1
print(nm)
h <- function() { t <- 0; for (j in 1:10) t <- t + j %% 3; t }
print(h())
print(sum(c(1e16, 1, -1e16)))
print(sum(c(1, 2, NA, 4)))
print(sum(c(1, Inf, 3, 4, 5)))
print(sum(c(Inf, -Inf, 1, 2, 3)))
print(sum(c(NaN, 1, 2, 3, 4)))
print(sum((1:1000) / 7), digits = 17)
print(sum(seq(0.1, 100, by = 0.1)), digits = 17)
