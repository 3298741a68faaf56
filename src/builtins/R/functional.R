# Functions of functions, written in R over rsc's builtins (see r_defined.rs).

## Returns a function that calls f with the same arguments and negates its result.
Negate <- function(f) {
    f <- match.fun(f)
    function(...) !f(...)
}

## Returns a version of FUN that takes vectors for the arguments named in vectorize.args
## (all of FUN's arguments by default) and calls FUN once per element through mapply.
Vectorize <- function(FUN, vectorize.args = arg.names, SIMPLIFY = TRUE, USE.NAMES = TRUE) {
    arg.names <- setdiff(names(formals(FUN)), "...")
    vectorize.args <- as.character(vectorize.args)
    if (length(vectorize.args) == 0L) return(FUN)
    if (length(setdiff(vectorize.args, arg.names)))
        stop("must specify names of formal arguments for 'vectorize'")
    has.dots <- "..." %in% names(formals(FUN))
    vectorized <- function() {
        ## the supplied arguments by name (not from match.call(): a builtin such as
        ## integrate() calls this with values, not expressions)
        env <- environment()
        given <- arg.names[!vapply(arg.names, function(n) eval(call("missing", as.name(n)), env), NA)]
        values <- mget(given, envir = env)
        if (has.dots) values <- c(values, eval(quote(list(...)), env))
        over <- names(values) %in% vectorize.args
        do.call(mapply, c(list(FUN = FUN), values[over],
                          list(MoreArgs = values[!over], SIMPLIFY = SIMPLIFY,
                               USE.NAMES = USE.NAMES)))
    }
    formals(vectorized) <- formals(FUN)
    vectorized
}

## Evaluates expr n times (in the caller's environment, each time afresh) and collects the
## results as sapply does: a vector or matrix when they have one length, else a list.
replicate <- function(n, expr, simplify = "array")
    sapply(integer(n), eval(substitute(function(...) expr), parent.frame()),
           simplify = simplify)

## Evaluates expr in the environment n generations above the caller.
eval.parent <- function(expr, n = 1) {
    frame <- parent.frame(n + 1)
    eval(expr, frame)
}

## Applies f to every leaf of a nested list whose class is among classes ("ANY": all);
## how = "unlist" flattens the results, "list" keeps the nesting (deflt for other
## leaves), "replace" keeps the other leaves as they are.
rapply <- function(object, f, classes = "ANY", deflt = NULL,
                   how = c("unlist", "replace", "list"), ...) {
    how <- match.arg(how)
    if (!is.list(object)) stop("'object' must be a list or expression")
    chosen <- function(x) identical(classes, "ANY") || any(class(x) %in% classes)
    walk <- function(x) {
        if (is.list(x)) {
            out <- lapply(x, walk)
            if (how == "replace") attributes(out) <- attributes(x)
            out
        } else if (chosen(x)) f(x, ...)
        else if (how == "replace") x
        else deflt
    }
    res <- walk(object)
    if (how == "unlist") unlist(res, recursive = TRUE) else res
}

## Returns the values of the variables named in x, as a named list; names not found are
## an error unless ifnotfound gives their values.
mget <- function(x, envir = parent.frame(), mode = "any", ifnotfound, inherits = FALSE) {
    x <- as.character(x)
    out <- vector("list", length(x))
    for (i in seq_along(x)) {
        if (exists(x[i], envir = envir, mode = mode, inherits = inherits)) {
            out[i] <- list(get(x[i], envir = envir, mode = mode, inherits = inherits))
        } else if (missing(ifnotfound)) {
            stop(paste0("value for ", sQuote(x[i]), " not found"))
        } else {
            alt <- ifnotfound[[(i - 1L) %% length(ifnotfound) + 1L]]
            out[i] <- list(if (is.function(alt)) alt(x[i]) else alt)
        }
    }
    names(out) <- x
    out
}
