# Small base functions, written in R over rsc's builtins (see r_defined.rs).

## Sets the elements of x selected by value to NA and returns x.
`is.na<-` <- function(x, value) {
    x[value] <- NA
    x
}

## Drops the dimensions of extent one from an array; a result with one dimension left
## becomes a vector named by that dimension's names.
drop <- function(x) {
    d <- dim(x)
    if (is.null(d)) return(x)
    keep <- d != 1L
    if (all(keep)) return(x)
    dn <- dimnames(x)
    if (sum(keep) <= 1L) {
        y <- as.vector(x)
        if (sum(keep) == 1L && !is.null(dn)) names(y) <- dn[[which(keep)]]
        return(y)
    }
    y <- as.vector(x)
    dim(y) <- d[keep]
    if (!is.null(dn)) dimnames(y) <- dn[keep]
    y
}

## Generates a factor with n levels, each repeated k times, up to length values.
gl <- function(n, k, length = n * k, labels = seq_len(n), ordered = FALSE) {
    codes <- rep_len(rep(seq_len(n), each = k), length)
    factor(codes, levels = seq_len(n), labels = labels, ordered = ordered)
}

## A data frame with a row for every combination of the values given (the first
## varying fastest); character vectors become factors unless stringsAsFactors = FALSE.
expand.grid <- function(..., KEEP.OUT.ATTRS = TRUE, stringsAsFactors = TRUE) {
    args <- list(...)
    if (length(args) == 1L && is.list(args[[1L]])) args <- args[[1L]]
    n <- length(args)
    if (n == 0L) return(as.data.frame(list()))
    nms <- names(args)
    if (is.null(nms)) nms <- character(n)
    unnamed <- !nzchar(nms)
    nms[unnamed] <- paste0("Var", seq_len(n))[unnamed]
    sizes <- vapply(args, length, 1L)
    total <- prod(sizes)
    out <- vector("list", n)
    each <- 1
    for (i in seq_len(n)) {
        x <- args[[i]]
        if (stringsAsFactors && is.character(x)) x <- factor(x, levels = unique(x))
        out[[i]] <- x[rep_len(rep(seq_len(sizes[i]), each = each), total)]
        each <- each * sizes[i]
    }
    names(out) <- nms
    res <- structure(out, class = "data.frame", row.names = seq_len(total))
    if (KEEP.OUT.ATTRS) {
        labels <- lapply(seq_len(n), function(i) paste0(nms[i], "=", format(args[[i]])))
        names(labels) <- nms
        attr(res, "out.attrs") <- list(dim = setNames(sizes, nms), dimnames = labels)
    }
    res
}

## All combinations of m elements of x (of seq_len(x) for a number), one per column;
## with FUN, the results of FUN applied to each combination.
combn <- function(x, m, FUN = NULL, simplify = TRUE, ...) {
    if (length(x) == 1L && is.numeric(x) && x >= 1) x <- seq_len(x)
    n <- length(x)
    m <- as.integer(m)
    if (m < 0L) stop("m < 0")
    if (m > n) stop("n < m")
    count <- choose(n, m)
    idx <- seq_len(m)
    res <- vector("list", count)
    for (k in seq_len(count)) {
        v <- x[idx]
        res[k] <- list(if (is.null(FUN)) v else FUN(v, ...))
        i <- m
        while (i >= 1L && idx[i] == n - m + i) i <- i - 1L
        if (i >= 1L) {
            idx[i] <- idx[i] + 1L
            if (i < m) idx[(i + 1L):m] <- idx[i] + seq_len(m - i)
        }
    }
    if (!simplify) return(res)
    lens <- vapply(res, length, 1L)
    if (count == 0L || any(lens != lens[1L])) return(res)
    # an array: one column per combination (without FUN), else the result's shape by count
    shape <- if (is.null(FUN)) c(m, count)
             else if (!is.null(dim(res[[1L]]))) c(dim(res[[1L]]), count)
             else if (lens[1L] != 1L) c(lens[1L], count) else count
    array(unlist(res), shape)
}

## A zero vector of length nr, or an nr x nc zero matrix when nc > 1.
mat.or.vec <- function(nr, nc) if (nc == 1L) numeric(nr) else matrix(0, nr, nc)

## Expands a run-length encoding (an "rle" object) back into the vector it encodes.
inverse.rle <- function(x, ...) rep.int(x$values, x$lengths)

## The ordering permutation of x, as order(x) gives it.
sort.list <- function(x, partial = NULL, na.last = TRUE, decreasing = FALSE,
                      method = c("auto", "shell", "quick", "radix"))
    order(x, na.last = na.last, decreasing = decreasing)

## A numeric vector that sorts as x does (the codes of a factor).
xtfrm <- function(x) {
    if (is.factor(x)) as.integer(x)
    else if (is.numeric(x) || is.logical(x)) as.vector(x)
    else rank(x, ties.method = "min", na.last = "keep")
}

## Converts an array, matrix or named vector to a contingency table ("table" class),
## naming unnamed dimensions A, B, C, ...
as.table <- function(x, ...) UseMethod("as.table")

## as.table for vectors, matrices and arrays.
as.table.default <- function(x, ...) {
    if (inherits(x, "table")) return(x)
    if (is.null(dim(x))) {
        nm <- names(x)
        x <- array(as.vector(x), dim = length(x), dimnames = list(nm))
    }
    dn <- dimnames(x)
    if (is.null(dn)) dn <- vector("list", length(dim(x)))
    for (i in seq_along(dn))
        if (is.null(dn[[i]])) dn[[i]] <- make.unique(rep_len(LETTERS, dim(x)[i]), sep = "")
    dimnames(x) <- dn
    class(x) <- "table"
    x
}

## Deparses expr into one string (the lines of deparse joined by collapse).
deparse1 <- function(expr, collapse = " ", width.cutoff = 500L, ...)
    paste(deparse(expr, width.cutoff, ...), collapse = collapse)

## The concatenated sequences seq(from[i], by = by[i], length.out = nvec[i]).
sequence <- function(nvec, from = 1L, by = 1L, ...) {
    n <- length(nvec)
    from <- rep_len(from, n)
    by <- rep_len(by, n)
    parts <- lapply(seq_len(n), function(i) from[i] + by[i] * (seq_len(nvec[i]) - 1L))
    as.integer(unlist(parts))
}

## The sums of the rows of x within each group (one row per group, sorted unless
## reorder = FALSE).
rowsum <- function(x, group, reorder = TRUE, na.rm = FALSE, ...) {
    m <- if (is.matrix(x)) x else if (is.data.frame(x)) as.matrix(x) else matrix(x, ncol = 1L)
    if (length(group) != nrow(m)) stop("incorrect length for 'group'")
    keys <- unique(group)
    if (reorder) keys <- sort(keys, na.last = TRUE)
    idx <- match(group, keys)
    out <- .rowsum_core(m, idx, length(keys), na.rm)
    if (is.integer(m)) storage.mode(out) <- "integer"
    dimnames(out) <- list(as.character(keys), colnames(m))
    if (is.data.frame(x)) as.data.frame(out) else out
}

## The numeric matrix of a data frame: factors and strings become their integer codes,
## logicals 0/1.
data.matrix <- function(frame, rownames.force = NA) {
    if (!is.data.frame(frame)) return(as.matrix(frame))
    cols <- lapply(frame, function(x) {
        if (is.character(x)) x <- factor(x)
        if (is.factor(x) || is.logical(x)) as.integer(x) else x
    })
    allint <- all(vapply(cols, is.integer, TRUE))
    m <- matrix(if (allint) NA_integer_ else NA_real_, nrow(frame), length(cols))
    for (j in seq_along(cols)) m[, j] <- cols[[j]]
    rn <- attr(frame, "row.names")
    keep <- if (is.na(rownames.force)) is.character(rn) else rownames.force
    dimnames(m) <- list(if (keep) row.names(frame), names(frame))
    m
}

## The index along dimension MARGIN of each element of the array x.
slice.index <- function(x, MARGIN) {
    d <- dim(x)
    if (is.null(d)) d <- length(x)
    if (is.character(MARGIN)) MARGIN <- match(MARGIN, names(dimnames(x)))
    if (!length(MARGIN) || anyNA(MARGIN) || any(MARGIN < 1L | MARGIN > length(d)))
        stop("incorrect value for 'MARGIN'")
    if (length(MARGIN) == 1L) {
        inner <- prod(d[seq_len(MARGIN - 1L)])
        idx <- rep(rep(seq_len(d[MARGIN]), each = inner), length.out = prod(d))
        return(array(as.integer(idx), dim = d))
    }
    ## Several margins: the linear index of each cell's subscripts along them.
    sub <- arrayInd(seq_len(prod(d)), d)[, MARGIN, drop = FALSE]
    stride <- cumprod(c(1L, d[MARGIN][-length(MARGIN)]))
    array(as.integer(1L + (sub - 1L) %*% stride), dim = d)
}

## Changes the storage type of x ("integer", "double", "character", "logical", ...),
## keeping its attributes.
`storage.mode<-` <- function(x, value) {
    a <- attributes(x)
    x <- switch(value,
                integer = as.integer(x),
                double = , numeric = as.double(x),
                character = as.character(x),
                logical = as.logical(x),
                complex = as.complex(x),
                raw = as.raw(x),
                list = return(as.list(x)),
                stop("invalid value"))
    attributes(x) <- a
    x
}

## Changes the mode of x, as storage.mode<- does.
`mode<-` <- function(x, value) {
    if (identical(value, "call")) return(as.call(x))
    if (identical(value, "expression")) return(as.expression(x))
    storage.mode(x) <- value
    x
}

## The times at which leap seconds were inserted into UTC, as date-times.
.leap.seconds <- structure(c(78796800, 94694400, 126230400, 157766400, 189302400,
    220924800, 252460800, 283996800, 315532800, 362793600, 394329600, 425865600,
    489024000, 567993600, 631152000, 662688000, 709948800, 741484800, 773020800,
    820454400, 867715200, 915148800, 1136073600, 1230768000, 1341100800, 1435708800,
    1483228800), class = c("POSIXct", "POSIXt"), tzone = "GMT")

## A list made from the arguments (rsc keeps pairlists as lists).
pairlist <- function(...) { x <- list(...); if (length(x)) x else NULL }

## Whether x is a pairlist (NULL or an argument list).
is.pairlist <- function(x) is.null(x) || (is.list(x) && !is.object(x) && identical(attr(x, ".pairlist"), TRUE))

## The comment attribute of an object (not printed).
comment <- function(x) attr(x, "comment", exact = TRUE)

## Sets the comment attribute (a character vector, or NULL to remove it).
`comment<-` <- function(x, value) {
    if (!is.null(value) && !is.character(value)) stop("attempt to set invalid 'comment' attribute")
    attr(x, "comment") <- value
    x
}

## Sets the attributes of x from a list, keeping dim, dimnames and names only where they fit x.
`mostattributes<-` <- function(obj, value) {
    if (length(value)) {
        if (!is.list(value)) stop("'value' must be a list")
        if (h.nam <- !is.na(inam <- match("names", names(value)))) { n1 <- value[[inam]]; value <- value[-inam] }
        if (h.dim <- !is.na(idin <- match("dim", names(value)))) { d1 <- value[[idin]]; value <- value[-idin] }
        if (h.dmn <- !is.na(idmn <- match("dimnames", names(value)))) { dn1 <- value[[idmn]]; value <- value[-idmn] }
        attributes(obj) <- value
        dm <- attr(obj, "dim")
        if (h.dim && length(obj) == prod(d1)) attr(obj, "dim") <- dm <- d1
        if (h.dmn && !is.null(dm) && identical(lengths(dn1), as.integer(dm))) attr(obj, "dimnames") <- dn1
        if (h.nam && is.null(dm) && length(obj) == length(n1)) attr(obj, "names") <- n1
    }
    obj
}

## All names (symbols and, unless functions = FALSE, function names) in an expression, in order.
all.names <- function(expr, functions = TRUE, max.names = -1L, unique = FALSE) {
    out <- character()
    walk <- function(e) {
        if (is.symbol(e)) { s <- as.character(e); if (nzchar(s)) out <<- c(out, s) }
        else if (is.call(e)) {
            f <- e[[1L]]
            if (is.symbol(f)) { if (functions) out <<- c(out, as.character(f)) } else walk(f)
            for (a in as.list(e)[-1L]) if (!missing(a)) walk(a)
        } else if (is.expression(e) || (is.list(e) && !is.object(e))) for (a in e) walk(a)
        else if (is.function(e)) walk(body(e))
    }
    walk(expr)
    if (unique) out <- unique(out)
    if (max.names >= 0 && length(out) > max.names) out <- out[seq_len(max.names)]
    out
}

## A function from a list: all but the last element are the formals, the last is the body.
as.function <- function(x, ...) UseMethod("as.function")

## as.function for lists (alist(a = , b = 2, a + b)).
as.function.default <- function(x, envir = parent.frame(), ...) {
    if (is.function(x)) return(x)
    n <- length(x)
    f <- function() NULL
    if (n > 1L) formals(f) <- x[-n]
    body(f) <- x[[n]]
    environment(f) <- envir
    f
}

## The builtin function of a name (rsc has no separate primitives).
.Primitive <- function(name) {
    f <- get(name, envir = baseenv(), mode = "function")
    f
}

## Runs the garbage collector: rsc frees memory as it goes, so this reports the memory in use as R's table.
gc <- function(verbose = getOption("verbose"), reset = FALSE, full = TRUE) {
    m <- matrix(c(0, 0, NA, NA, 0, 0, NA, NA, 0, 0, NA, NA), 2L, 6L,
        dimnames = list(c("Ncells", "Vcells"), c("used", "(Mb)", "gc trigger", "(Mb)", "max used", "(Mb)")))
    m[, c(2L, 4L, 6L)] <- 0
    invisible(m)
}

## Whether this is R (rsc answers TRUE: it runs R code).
is.R <- function() TRUE

## A list of the unevaluated arguments (empty ones allowed), as used for formals.
alist <- function(...) as.list(sys.call())[-1L]

## The array subscripts (one row per element) of linear indices into an array of
## dimensions .dim.
arrayInd <- function(ind, .dim, .dimnames = NULL, useNames = FALSE) {
    rank <- length(.dim)
    res <- matrix(NA_integer_, length(ind), rank)
    if (length(ind)) {
        rest <- ind - 1
        for (k in seq_len(rank)) {
            res[, k] <- as.integer(rest %% .dim[k] + 1)
            rest <- rest %/% .dim[k]
        }
    }
    if (useNames) {
        rows <- if (!is.null(.dimnames[[1L]])) .dimnames[[1L]][res[, 1L]]
        cols <- if (rank == 2L) c("row", "col") else paste0("dim", seq_len(rank))
        dimnames(res) <- list(rows, cols)
    }
    res
}
