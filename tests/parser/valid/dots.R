f <- function(...) list(...)
g <- function(..., n) ..2
