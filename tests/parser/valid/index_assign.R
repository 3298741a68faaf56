x[1] <- 2
x[[i]] <- NULL
x$a <- 3
names(x) <- c("a", "b")
attr(x, "dim") <- NULL
