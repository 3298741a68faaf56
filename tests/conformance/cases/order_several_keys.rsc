# order() with several keys over 2048 elements (the packed-key radix sort): NA in keys, decreasing vectors, na.last
set.seed(7)
n <- 20000
g <- sample(c("north", "south", "east", NA), n, TRUE)
x <- round(rnorm(n), 1); x[sample(n, 50)] <- NA
k <- sample.int(50L, n, TRUE)
w <- function(o) format(sum(as.numeric(o) * seq_along(o)), digits = 15)
cat(w(order(g, x, method = "radix")), "\n")
cat(w(order(k, -x, decreasing = c(FALSE, TRUE), method = "radix")), "\n")
cat(w(order(g, k, x)), "\n")
cat(w(order(g, k, x, na.last = FALSE)), "\n")
cat(w(order(g, k, x, na.last = NA)), length(order(g, k, x, na.last = NA)), "\n")
cat(w(order(x, g, decreasing = TRUE)), "\n")
cat(w(order(k, k * 2L, -k)), "\n")
cat(w(order(k[1:500], x[1:500])), "\n")
cat(w(order(x, k, decreasing = c(TRUE, FALSE), method = "radix")), "\n")
