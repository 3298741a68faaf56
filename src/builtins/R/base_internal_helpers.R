## .bincode(x, breaks, right = TRUE, include.lowest = FALSE): the interval of sorted breaks each x falls in (intervals closed on the right, or on the left when right = FALSE), NA outside.
.bincode <- function(x, breaks, right = TRUE, include.lowest = FALSE) {
    x <- as.double(x); breaks <- as.double(breaks)
    nb <- length(breaks)
    out <- rep.int(NA_integer_, length(x))
    if (nb < 2L) return(out)
    if (is.unsorted(breaks)) stop("'breaks' is not sorted")
    for (i in seq_along(x)) {
        v <- x[i]
        if (is.na(v) || v < breaks[1L] || v > breaks[nb]) next
        edge <- if (right) breaks[1L] else breaks[nb]
        if (v == edge && !include.lowest) next
        lo <- 1L; hi <- nb
        while (hi - lo >= 2L) {
            mid <- (hi + lo) %/% 2L
            if (v > breaks[mid] || (!right && v == breaks[mid])) lo <- mid else hi <- mid
        }
        out[i] <- lo
    }
    out
}

## grouping(...): the permutation that sorts by all arguments (as order()), with attributes "ends" (the last position of each group of equal keys) and "maxgrpn" (the largest group's size).
grouping <- function(...) {
    keys <- list(...)
    o <- do.call(order, c(keys, list(na.last = TRUE)))
    n <- length(o)
    ends <- integer()
    if (n) {
        same <- rep(TRUE, n - 1L)
        for (k in keys) {
            s <- k[o]
            same <- same & ((s[-1L] == s[-n]) %in% TRUE | (is.na(s[-1L]) & is.na(s[-n])))
        }
        ends <- c(which(!same), n)
    }
    structure(o, ends = ends, maxgrpn = if (n) max(diff(c(0L, ends))) else 0L,
              class = c("grouping", "integer"))
}

## ...names(): the names of the current function's ... arguments ("" for unnamed ones), NULL when none is named; the arguments are not evaluated.
...names <- function() {
    args <- as.list(eval(quote(substitute(list(...))), parent.frame()))[-1L]
    nm <- names(args)
    if (is.null(nm) || all(nm == "")) NULL else nm
}

## .class2(x): the classes S3 dispatch uses for x, with the implicit ones ("matrix", "array", the type, "numeric").
.class2 <- function(x) {
    if (!is.null(oldClass(x))) return(oldClass(x))
    d <- dim(x)
    pre <- if (length(d) == 2L) c("matrix", "array") else if (length(d)) "array" else character()
    t <- typeof(x)
    base <- switch(t, double = c("double", "numeric"), integer = c("integer", "numeric"),
                   closure = , builtin = , special = "function", symbol = "name", language = class(x), t)
    c(pre, base)
}

## char.expand(input, target, nomatch = stop("no match")): the unique element of target that input abbreviates (character(0) when several do); evaluates nomatch when none does.
char.expand <- function(input, target, nomatch = stop("no match")) {
    if (length(input) != 1L) stop("'input' must have length 1")
    if (!is.character(input) || !is.character(target)) stop("'input' and 'target' must be character vectors")
    k <- charmatch(input, target, nomatch = NA_integer_)
    if (is.na(k)) eval(nomatch)
    target[k]
}

## split(x, f) <- value: replaces the groups of x that split(x, f) gives with the elements of value, recycled.
`split<-` <- function(x, f, drop = FALSE, ..., value) UseMethod("split<-")

## The default method of `split<-`.
`split<-.default` <- function(x, f, drop = FALSE, ..., value) {
    groups <- split(seq_along(x), f, drop = drop, ...)
    nv <- length(value)
    j <- 0L
    for (g in groups) {
        j <- j %% nv + 1L
        x[g] <- value[[j]]
    }
    x
}

## The data frame method of `split<-`: rows by group.
`split<-.data.frame` <- function(x, f, drop = FALSE, ..., value) {
    groups <- split(seq_len(nrow(x)), f, drop = drop, ...)
    nv <- length(value)
    j <- 0L
    for (g in groups) {
        j <- j %% nv + 1L
        x[g, ] <- value[[j]]
    }
    x
}

## is.loaded(symbol, PACKAGE = "", type = ""): FALSE: rsc loads no compiled code.
is.loaded <- function(symbol, PACKAGE = "", type = "") FALSE

## isatty(con): FALSE: rsc's connections are never terminals in scripts.
isatty <- function(con) FALSE

## pos.to.env(x): the environment at position x of the search list.
pos.to.env <- function(x) as.environment(x)

## file.create(..., showWarnings = TRUE): creates (or truncates) each file, TRUE where that worked.
file.create <- function(..., showWarnings = TRUE) {
    fs <- c(...)
    vapply(fs, function(f) {
        ok <- tryCatch({ cat("", file = f); TRUE }, error = function(e) FALSE)
        if (!ok && showWarnings) warning(gettextf("cannot create file '%s', reason 'No such file or directory'", f), call. = FALSE)
        ok
    }, NA, USE.NAMES = FALSE)
}

## Prints a run-length encoding: a heading, then str() of its lengths and values, each line after prefix.
print.rle <- function(x, digits = getOption("digits"), prefix = "", ...) {
    if (is.null(digits)) digits <- getOption("digits")
    cat(prefix, "Run Length Encoding\n", prefix, "  lengths:", sep = "")
    str(x$lengths)
    cat(prefix, "  values :", sep = "")
    str(x$values, digits.d = digits)
    invisible(x)
}

## sys.source(file, envir = baseenv(), chdir = FALSE, ...): evaluates the expressions of an R file in envir.
sys.source <- function(file, envir = baseenv(), chdir = FALSE, keep.source = FALSE, keep.parse.data = FALSE,
                       toplevel.env = as.environment(envir)) {
    if (!(is.character(file) && file.exists(file))) stop(gettextf("'%s' is not an existing file", file))
    exprs <- parse(file = file, keep.source = FALSE)
    if (chdir && (path <- dirname(file)) != ".") {
        owd <- setwd(path)
        on.exit(setwd(owd), add = TRUE)
    }
    for (i in seq_along(exprs)) eval(exprs[[i]], envir)
    invisible()
}
