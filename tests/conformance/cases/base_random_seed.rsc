print(exists(".Random.seed"))
set.seed(1)
print(exists(".Random.seed"))
print(exists(".Random.seed", envir = globalenv(), inherits = FALSE))
s <- .Random.seed
print(length(s)); print(s[1:4]); print(typeof(s))
r1 <- runif(3)
.Random.seed <- s
r2 <- runif(3)
print(identical(r1, r2))
f <- function() { old <- get(".Random.seed", envir = .GlobalEnv); x <- rnorm(2); assign(".Random.seed", old, envir = .GlobalEnv); x }
a <- f(); b <- rnorm(2); print(identical(a, b))
g <- function() { old <- .Random.seed; u <- runif(1); .Random.seed <<- old; u }
print(identical(g(), runif(1)))
print(.Random.seed[2])
sample(10, 3)
print(.Random.seed[1:3])
