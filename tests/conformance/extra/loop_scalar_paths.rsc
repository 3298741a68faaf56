# for-loop bodies of scalar assignments, and when they must fall back
s <- 0
for (i in 1:10) {
  s <- s + i * 0.5 - (i %% 3)
  t <- i %/% 4L
  u <- i / 2L
  b <- s > 3
  n <- -i^2
}
print(s); print(t); print(u); print(b); print(n)
str(t); str(u); str(b)
# integer-integer stays integer
k <- 0L
for (i in 1:5) k <- k + i
str(k)
# a variable that changes type mid-loop
x <- 1
for (i in 1:4) {
  x <- x * 2
  if (i == 2) x <- c(x, 1)
}
print(x)
# NA and NaN
z <- 1
for (i in 1:3) { z <- z + NA_real_; w <- 0 / 0 }
print(z); print(w)
y <- 5
for (i in 1:3) { y <- y - NA }
print(y)
# next and break between compiled statements
acc <- 0
for (i in 1:20) {
  acc <- acc + i
  if (i %% 2 == 0) next
  acc <- acc - 0.5
  if (acc > 40) break
}
print(acc)
# promises: function arguments
f <- function(a, b) { r <- 0; for (i in 1:3) r <- r + a * b - i; r }
print(f(2, 3.5))
# a missing variable errors as usual
res <- tryCatch({ for (i in 1:2) q <- nosuch + 1; 0 }, error = function(e) conditionMessage(e))
print(res)
# attributes are kept by the general path
m <- c(a = 1)
for (i in 1:2) m <- m + 1
print(m)
# operators bound by the script are called, also in loops
`+` <- function(e1, e2) 42
v <- 0
for (i in 1:3) v <- v + 1
print(v)
print(1 + 2)
rm(`+`)
`(` <- function(x) "paren"
print((3))
rm(`(`)
`-` <- function(e1, e2) if (missing(e2)) "neg" else "minus"
print(-1)
print(5 - 2)
rm(`-`)
print(5 - 2)
print((3))
