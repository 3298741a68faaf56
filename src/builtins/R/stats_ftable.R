## Flat contingency tables: a table (or factors) laid out with row.vars nested down the rows and col.vars across the columns.
ftable <- function(x, ...) UseMethod("ftable")

## ftable of a table, an array or factors.
ftable.default <- function(..., exclude = c(NA, NaN), row.vars = NULL, col.vars = NULL) {
    args <- list(...)
    if (length(args) == 0L) stop("nothing to tabulate")
    x <- args[[1L]]
    if (is.list(x) && !is.data.frame(x)) x <- table(x, exclude = exclude)
    else if (is.data.frame(x)) x <- table(x, exclude = exclude)
    else if (length(args) > 1L || is.factor(x) || (is.atomic(x) && is.null(dim(x)))) x <- table(..., exclude = exclude)
    else if (inherits(x, "ftable")) x <- as.table(x)
    dn <- dimnames(x)
    if (is.null(dn)) { dn <- lapply(dim(x), function(k) as.character(seq_len(k))); dimnames(x) <- dn }
    if (is.null(names(dn))) names(dn) <- rep("", length(dn))
    nd <- length(dim(x))
    pick <- function(v) if (is.character(v)) match(v, names(dn)) else as.integer(v)
    if (!is.null(row.vars)) row.vars <- pick(row.vars)
    if (!is.null(col.vars)) col.vars <- pick(col.vars)
    if (is.null(row.vars) && is.null(col.vars)) { col.vars <- nd; row.vars <- seq_len(nd - 1L) }
    else if (is.null(row.vars)) row.vars <- setdiff(seq_len(nd), col.vars)
    else if (is.null(col.vars)) col.vars <- setdiff(seq_len(nd), row.vars)
    else {
        if (length(setdiff(seq_len(nd), c(row.vars, col.vars)))) {
            # sum over the variables not shown
            keep <- c(row.vars, col.vars)
            x <- apply(x, keep, sum)
            row.vars <- match(row.vars, keep); col.vars <- match(col.vars, keep); dn <- dimnames(x)
        }
    }
    # the first variable of each group varies slowest: reverse before flattening (arrays are column-major)
    y <- aperm(unclass(x), c(rev(row.vars), rev(col.vars)))
    dim(y) <- c(prod(dim(x)[row.vars]), prod(dim(x)[col.vars]))
    dimnames(y) <- NULL
    structure(y, row.vars = dn[row.vars], col.vars = dn[col.vars], class = "ftable")
}

## ftable from a formula: col.vars ~ row.vars, with data a table or a data frame.
ftable.formula <- function(formula, data = NULL, subset, na.action, ...) {
    rhs <- all.vars(formula[[3L]]); lhs <- all.vars(formula[[2L]])
    if (inherits(data, "table") || is.array(data)) {
        nms <- names(dimnames(data))
        if (identical(rhs, ".")) rhs <- setdiff(nms, lhs)
        if (identical(lhs, ".")) lhs <- setdiff(nms, rhs)
        return(ftable.default(data, row.vars = rhs, col.vars = lhs, ...))
    }
    data <- as.data.frame(data)
    if (identical(rhs, ".")) rhs <- setdiff(names(data), lhs)
    if (identical(lhs, ".")) lhs <- setdiff(names(data), rhs)
    tab <- table(data[c(rhs, lhs)])
    ftable.default(tab, row.vars = rhs, col.vars = lhs, ...)
}

## An ftable back as a table with one dimension per variable.
as.table.ftable <- function(x, ...) {
    rv <- attr(x, "row.vars"); cv <- attr(x, "col.vars")
    y <- array(as.vector(unclass(x)), dim = c(rev(lengths(rv)), rev(lengths(cv))))
    y <- aperm(y, c(rev(seq_along(rv)), length(rv) + rev(seq_along(cv))))
    dimnames(y) <- c(rv, cv)
    class(y) <- "table"
    y
}

## The character matrix an ftable prints as (labels nested: shown where they change).
format.ftable <- function(x, quote = TRUE, digits = getOption("digits"), method = "nested", lsep = " | ", justify = "left", ...) {
    rv <- attr(x, "row.vars"); cv <- attr(x, "col.vars")
    nr <- length(rv); nc <- length(cv)
    labels <- function(vars) {
        n <- prod(lengths(vars))
        if (length(vars) == 0L) return(matrix("", n, 0L))
        out <- matrix("", n, length(vars))
        each <- n
        for (k in seq_along(vars)) {
            lev <- vars[[k]]
            each <- each / length(lev)
            full <- rep(rep(lev, each = each), length.out = n)
            first <- (seq_len(n) - 1L) %% each == 0L
            out[first, k] <- full[first]
        }
        out
    }
    rl <- labels(rv); cl <- labels(cv)
    vals <- format(unclass(x), digits = digits, ...)
    vals <- matrix(vals, nrow = nrow(x))
    q <- function(s) if (quote && length(s)) ifelse(nzchar(s), paste0("\"", s, "\""), s) else s
    top <- cbind(matrix("", nc, nr), q(names(cv)), t(q(cl)))
    mid <- c(q(names(rv)), "", rep("", ncol(x)))
    body <- cbind(q(rl), rep("", nrow(x)), vals)
    m <- rbind(top, mid, body)
    left <- seq_len(nr + 1L)
    for (j in seq_len(ncol(m))) {
        w <- max(nchar(m[, j], type = "width"), 0L)
        m[, j] <- formatC(m[, j], width = w, flag = if (j %in% left) "-" else "")
    }
    dimnames(m) <- NULL
    m
}

## Prints an ftable as R does.
print.ftable <- function(x, digits = getOption("digits"), ...) {
    m <- format.ftable(x, quote = FALSE, digits = digits, ...)
    cat(apply(m, 1L, paste, collapse = " "), sep = "\n")
    invisible(x)
}

## Writes an ftable to a file (or the console).
write.ftable <- function(x, file = "", quote = TRUE, append = FALSE, digits = getOption("digits"), ...) {
    m <- format.ftable(x, quote = quote, digits = digits, ...)
    cat(apply(m, 1L, paste, collapse = " "), file = file, sep = "\n", append = append)
    invisible(x)
}
