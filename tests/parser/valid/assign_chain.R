a <- b <- 3
a <<- 4
a = b <- c
a <- b = c
x -> y
x ->> y
a -> b <- c
