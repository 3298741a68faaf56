# Printing connections and small writers, in R over the connection builtins (see r_defined.rs).

## Prints a connection's description, class, mode and state.
print.connection <- function(x, ...) {
    s <- unlist(summary(x))
    cat("A connection with")
    print(cbind(` ` = s))
    invisible(x)
}

## Writes the values of x to file, ncolumns per line, separated by sep (cat with line breaks).
write <- function(x, file = "data", ncolumns = if (is.character(x)) 1 else 5, append = FALSE, sep = " ") {
    cat(x, file = file, sep = c(rep.int(sep, ncolumns - 1), "\n"), append = append)
}
