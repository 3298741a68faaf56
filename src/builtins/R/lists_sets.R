# Lists, sets, arrays and small predicates, written in R over rsc's builtins (see r_defined.rs).

## Updates list x by the named elements of val: a list element met by a list is updated
## recursively, a NULL removes the element (or, with keep.null = TRUE, sets it to NULL).
modifyList <- function(x, val, keep.null = FALSE) {
    stopifnot(is.list(x), is.list(val))
    have <- names(x)
    for (v in names(val)[nzchar(names(val))]) {
        new <- val[[v]]
        if (v %in% have && is.list(x[[v]]) && is.list(new))
            x[[v]] <- modifyList(x[[v]], new, keep.null = keep.null)
        else if (keep.null && is.null(new))
            x[v] <- list(NULL)
        else
            x[[v]] <- new
    }
    x
}

## Whether each of name is among the names of x.
hasName <- function(x, name) match(name, names(x), nomatch = 0L) > 0L

## Whether x and y hold the same set of values (ignoring order and repeats).
setequal <- function(x, y) {
    x <- as.vector(x)
    y <- as.vector(y)
    !(anyNA(match(x, y)) || anyNA(match(y, x)))
}

## Assigns each named element of the list x in an environment (a new one by default).
list2env <- function(x, envir = NULL, parent = parent.frame(), hash = (length(x) > 100), size = max(29L, length(x))) {
    if (is.null(envir)) envir <- new.env(parent = parent)
    nms <- names(x)
    if (length(x) && (is.null(nms) || length(nms) != length(x) || any(!nzchar(nms))))
        stop("names(x) must be a character vector of the same length as x")
    for (i in seq_along(x)) assign(nms[i], x[[i]], envir = envir)
    envir
}

## Simplifies a list of equal-length results to a vector, matrix or (higher = TRUE) array,
## as sapply does; a list of unequal lengths is returned unchanged.
simplify2array <- function(x, higher = TRUE, except = c("array", "")) {
    lens <- unique(lengths(x))
    if (length(lens) != 1L) return(x)
    if (lens == 1L) return(unlist(x, recursive = FALSE))
    if (lens < 1L) return(x)
    n <- length(x)
    flat <- unlist(x, recursive = FALSE, use.names = FALSE)
    if (length(flat) != lens * n) return(x)
    dims <- unique(lapply(x, dim))
    if (higher && length(dims) == 1L && is.numeric(dims[[1L]])) {
        inner <- dims[[1L]]
        dn1 <- dimnames(x[[1L]])
        if (is.null(dn1) && is.null(names(x))) return(array(flat, c(inner, n)))
        if (is.null(dn1)) dn1 <- vector("list", length(inner))
        return(array(flat, c(inner, n), dimnames = c(dn1, list(names(x)))))
    }
    n1 <- names(x[[1L]])
    if (is.null(n1) && is.null(names(x))) return(array(flat, c(lens, n)))
    array(flat, c(lens, n), dimnames = list(n1, names(x)))
}

## Splits an array into a list-array of its slices along MARGIN (rows for 1 of a matrix).
asplit <- function(x, MARGIN) {
    d <- dim(x)
    if (is.null(d)) stop("dim(x) must have a positive length")
    dn <- dimnames(x)
    if (is.character(MARGIN)) MARGIN <- match(MARGIN, names(dn))
    inner <- d[-MARGIN]
    inner_dn <- if (!is.null(dn)) dn[-MARGIN]
    parts <- apply(x, MARGIN, function(slice) array(slice, inner, inner_dn), simplify = FALSE)
    parts <- unname(parts)
    dim(parts) <- d[MARGIN]
    if (!is.null(dn)) dimnames(parts) <- dn[MARGIN]
    parts
}

## A data frame made from a list of equal-length columns, without checks or conversions.
list2DF <- function(x = list(), nrow = 0L) {
    stopifnot(is.list(x), is.null(nrow) || nrow >= 0L)
    if (length(x)) {
        nrow <- unique(lengths(x))
        if (length(nrow) > 1L) stop("all variables should have the same length")
    } else if (is.null(nrow)) nrow <- 0L
    if (is.null(names(x))) names(x) <- character(length(x))
    class(x) <- "data.frame"
    attr(x, "row.names") <- seq_len(nrow)
    x
}

## The class of x for data purposes: its first class, else "matrix", "array" or its mode.
data.class <- function(x) {
    cl <- oldClass(x)
    if (length(cl)) return(cl[1L])
    l <- length(dim(x))
    if (l == 2L) "matrix" else if (l) "array" else mode(x)
}

## Whether x is a contingency table (inherits from "table").
is.table <- function(x) inherits(x, "table")

## Whether x is a recursive object (list, function, environment, call or expression).
is.recursive <- function(x) is.list(x) || is.function(x) || is.environment(x) || is.call(x) || is.expression(x)

## Whether x has a class attribute.
is.object <- function(x) !is.null(attr(x, "class"))

## x as an array: arrays are returned unchanged; a vector becomes a 1-d array named by its names.
as.array <- function(x, ...) UseMethod("as.array")

## x as a 1-d array named by its names (arrays unchanged).
as.array.default <- function(x, ...) {
    if (is.array(x)) return(x)
    nms <- names(x)
    dim(x) <- length(x)
    if (length(nms)) dimnames(x) <- list(nms)
    x
}

## The elements of x in reverse order.
rev.default <- function(x) if (length(x)) x[length(x):1L] else x

## Sorts x (with index.return = TRUE, also the permutation: list(x, ix)).
sort.int <- function(x, partial = NULL, na.last = NA, decreasing = FALSE, method = c("auto", "shell", "quick", "radix"), index.return = FALSE) {
    if (index.return) {
        if (!is.na(na.last)) stop("'index.return' only for 'na.last = NA'")
        x <- x[!is.na(x)]
        o <- order(x, decreasing = decreasing)
        return(list(x = x[o], ix = o))
    }
    sort(x, decreasing = decreasing, na.last = na.last)
}

## Reorders the levels of a factor by a summary (FUN, the mean by default) of X within each level.
reorder <- function(x, ...) UseMethod("reorder")

## Reorders the levels of factor x by FUN(X) per level; the scores are kept as an attribute.
reorder.default <- function(x, X, FUN = mean, ..., order = is.ordered(x), decreasing = FALSE) {
    scores <- tapply(X, x, FUN, ...)
    lv <- names(scores)[order(scores, decreasing = decreasing)]
    ans <- if (order) factor(x, levels = lv, ordered = TRUE) else factor(x, levels = lv)
    attr(ans, "scores") <- scores
    ans
}

## The column of each row's maximum (ties: "random", "first" or "last").
max.col <- function(m, ties.method = c("random", "first", "last")) {
    ties.method <- match.arg(ties.method)
    m <- as.matrix(m)
    n <- nrow(m)
    out <- integer(n)
    for (i in seq_len(n)) {
        r <- m[i, ]
        if (anyNA(r)) { out[i] <- NA_integer_; next }
        w <- which(r == max(r))
        out[i] <- if (length(w) == 1L || ties.method == "first") w[1L]
                  else if (ties.method == "last") w[length(w)]
                  else w[sample.int(length(w), 1L)]
    }
    out
}

## A matrix of the row indices of a matrix of dimensions dim.
.row <- function(dim) matrix(rep.int(seq_len(dim[1L]), dim[2L]), dim[1L], dim[2L])

## A matrix of the column indices of a matrix of dimensions dim.
.col <- function(dim) matrix(rep(seq_len(dim[2L]), each = dim[1L]), dim[1L], dim[2L])

## The range r widened by the fraction f at each end (f may give the two ends separately).
extendrange <- function(x, r = range(x, na.rm = TRUE), f = 0.05) {
    if (!missing(r) && length(r) != 2L) stop("'r' must be a \"range\", hence of length 2")
    f <- if (length(f) == 1L) c(-f, f) else c(-f[1L], f[2L])
    r + f * diff(r)
}

## The number of histogram classes by Sturges' rule.
nclass.Sturges <- function(x) ceiling(log2(length(x)) + 1)

## The number of histogram classes by Scott's normal-reference rule.
nclass.scott <- function(x) {
    h <- 3.5 * sqrt(var(x)) * length(x)^(-1/3)
    if (h > 0) max(1, ceiling(diff(range(x)) / h)) else 1L
}

## The number of histogram classes by the Freedman-Diaconis rule.
nclass.FD <- function(x, digits = 5) {
    xs <- signif(x, digits = digits)
    h <- 2 * IQR(xs)
    if (h == 0) {
        xs <- sort(xs)
        a <- 1/4
        while (h == 0 && (a <- a / 2) >= 1/512)
            h <- diff(quantile(xs, c(a, 1 - a), names = FALSE)) / (1 - 2 * a)
    }
    if (h > 0) max(1, ceiling(diff(range(x)) / (h * length(x)^(-1/3)))) else 1L
}

## Adds uniform noise to x: amount, or factor/5 times the smallest gap between distinct values.
jitter <- function(x, factor = 1, amount = NULL) {
    if (length(x) == 0L) return(x)
    if (!is.numeric(x)) stop("'x' must be numeric")
    r <- range(x, finite = TRUE)
    z <- diff(r)
    if (z == 0) z <- abs(r[1L])
    if (z == 0) z <- 1
    if (is.null(amount)) {
        vals <- unique(sort.int(round(x, 3 - floor(log10(z)))))
        gaps <- diff(vals)
        d <- if (length(gaps)) min(gaps) else if (vals != 0) vals / 10 else z / 10
        amount <- factor / 5 * abs(d)
    } else if (amount == 0) {
        amount <- factor * (z / 50)
    }
    x + runif(length(x), -amount, amount)
}

## The S3 method of generic f for class, or an error (NULL with optional = TRUE) when there is none.
getS3method <- function(f, class, optional = FALSE, envir = parent.frame()) {
    name <- paste(f, class, sep = ".")
    if (exists(name, envir = envir)) return(get(name, envir = envir))
    if (optional) NULL else stop(gettextf("S3 method '%s' not found", name), domain = NA)
}


## The namespace environment of a package (rsc keeps base packages' functions in base).
asNamespace <- function(ns, base.OK = TRUE) {
    if (is.environment(ns)) return(ns)
    loadNamespace(ns)
    baseenv()
}

## The object x from the namespace of package ns.
getFromNamespace <- function(x, ns, pos = -1, envir = as.environment(pos)) get(x, envir = asNamespace(ns))

## The namespaces currently loaded.
loadedNamespaces <- function() c("compiler", "graphics", "utils", "grDevices", "stats", "datasets", "methods", "base")

## Random multinomial vectors: a k x n matrix whose columns sum to size.
rmultinom <- function(n, size, prob) {
    k <- length(prob)
    if (any(!is.finite(prob)) || any(prob < 0) || sum(prob) == 0) stop("NA in probability vector")
    p <- prob / sum(prob)
    out <- matrix(0L, k, n, dimnames = list(names(prob), NULL))
    for (j in seq_len(n)) {
        left <- size
        rest <- 1
        for (i in seq_len(k - 1L)) {
            if (p[i] > 0 && left > 0) {
                pp <- p[i] / rest
                out[i, j] <- if (pp < 1) rbinom(1L, left, pp) else left
                left <- left - out[i, j]
            }
            if (left <= 0) break
            rest <- rest - p[i]
        }
        out[k, j] <- left
    }
    out
}

## The date and time as a character string, as ctime gives it.
date <- function() format(Sys.time(), "%a %b %e %H:%M:%S %Y")
