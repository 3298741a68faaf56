sq <- function(x) {
  y <- x^2
  y + 1
}
total <- 0
for (i in 1:4) {
  total <- total + sq(i)
}
print(total)
v <- c(5, 3, 8)
sort(v)
label <- paste("total:", total)
label
check <- function(n) {
  if (n > 3) stop("too large")
  n * 2
}
check(2)
check(9)
after1 <- "ran"
print(after1)
m <- matrix(1:4, 2)
m
nchar(label)
s <- 0
while (s < 3) s <- s + 1
s
rev(v)
x <- list(a = 1, b = "two")
str(x)
