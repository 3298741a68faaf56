## tools::assertCondition(expr, ..., .exprString, verbose = FALSE): evaluates expr, collecting its conditions; an error unless one of the classes in ... (any condition when none) was signalled. Returns the conditions invisibly.
assertCondition <- function(expr, ..., .exprString = paste(deparse(substitute(expr)), collapse = " "), verbose = FALSE) {
    wanted <- c(...)
    what <- if (length(wanted)) paste(wanted, collapse = " or ") else "any condition"
    if (nchar(.exprString) > 30L) .exprString <- paste0(substr(.exprString, 1L, 30L), "...")
    got <- list()
    tryCatch(
        withCallingHandlers(expr,
            warning = function(w) {
                got[[length(got) + 1L]] <<- w
                tryInvokeRestart("muffleWarning")
            },
            message = function(m) got[[length(got) + 1L]] <<- m),
        error = function(e) got[[length(got) + 1L]] <<- e)
    if (!length(got)) stop(gettextf("Failed to get %s in evaluating %s", what, .exprString))
    if (length(wanted)) {
        hit <- vapply(got, function(cnd) any(class(cnd) %in% wanted), NA)
        if (!any(hit)) {
            firsts <- unique(vapply(got, function(cnd) class(cnd)[[1L]], ""))
            stop(gettextf("Got %s in evaluating %s; wanted %s", paste(firsts, collapse = ", "), .exprString, what))
        }
        if (verbose) {
            cls <- unique(unlist(lapply(got, function(cnd) class(cnd)[class(cnd) %in% wanted])))
            message(sprintf("assertCondition: caught %s", paste(dQuote(cls), collapse = ", ")))
        }
    }
    invisible(got)
}

## tools::assertError(expr, classes = "error", verbose = FALSE): an error unless evaluating expr signals an error.
assertError <- function(expr, classes = "error", verbose = FALSE) {
    s <- paste(deparse(substitute(expr)), collapse = " ")
    got <- assertCondition(expr, classes, .exprString = s)
    if (verbose) message(sprintf("Asserted error: %s", conditionMessage(got[[1L]])))
    invisible(got)
}

## tools::assertWarning(expr, classes = "warning", verbose = FALSE): an error unless evaluating expr signals a warning.
assertWarning <- function(expr, classes = "warning", verbose = FALSE) {
    s <- paste(deparse(substitute(expr)), collapse = " ")
    got <- assertCondition(expr, classes, .exprString = s)
    if (any(vapply(got, inherits, NA, what = "error")))
        stop(gettextf("Got warning in evaluating %s, but also an error", s))
    if (verbose) message(sprintf("Asserted warning: %s", conditionMessage(got[[1L]])))
    invisible(got)
}
