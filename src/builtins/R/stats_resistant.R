# Resistant (median-based) methods of R's stats package: Tukey's running-median smoothers,
# median polish of two-way tables and Tukey's resistant line.

## Tukey's running-median smoothers of x: "3RS3R" (default), "3RSS", "3RSR", "3R", "3" or "S" (splitting).
smooth <- function(x, kind = c("3RS3R", "3RSS", "3RSR", "3R", "3", "S"), twiceit = FALSE,
                   endrule = c("Tukey", "copy"), do.ends = FALSE) {
    if (!is.numeric(x)) stop("attempt to smooth non-numeric values")
    if (anyNA(x)) stop("attempt to smooth NA values")
    endrule <- match.arg(endrule)
    kind <- match.arg(kind)
    split.ends <- if (kind == "S") as.logical(do.ends) else startsWith(kind, "3RS") && !do.ends
    smo <- .tukey_smooth(as.double(x), kind, endrule, split.ends)
    if (twiceit) {
        r <- smooth(x - smo$y, kind = kind, twiceit = FALSE, endrule = endrule, do.ends = do.ends)
        smo$y <- smo$y + as.vector(r)
        if (!is.null(smo$iter)) smo$iter <- smo$iter + attr(r, "iter")
        if (!is.null(smo$changed)) smo$changed <- smo$changed || attr(r, "changed")
    }
    y <- smo$y
    if (is.ts(x)) y <- ts(y, start = start(x), frequency = frequency(x))
    structure(y, kind = kind, twiced = twiceit, iter = smo$iter, changed = smo$changed,
              endrule = if (startsWith(kind, "3")) endrule, call = match.call(),
              class = c("tukeysmooth", if (is.ts(x)) "ts"))
}

## Prints a Tukey smooth: the smoother, its call and iterations, then the values.
print.tukeysmooth <- function(x, ...) {
    cat(attr(x, "kind"), "Tukey smoother resulting from ", deparse(attr(x, "call")), "\n")
    if (attr(x, "twiced")) cat(" __twiced__ ")
    if (!is.null(it <- attr(x, "iter"))) cat(" used", it, "iterations\n")
    if (!is.null(ch <- attr(x, "changed"))) cat(if (!ch) " NOT ", " changed\n")
    if (length(oldClass(x)) > 1L) {
        y <- x
        attr(y, "kind") <- attr(y, "twiced") <- attr(y, "iter") <- attr(y, "changed") <- NULL
        attr(y, "endrule") <- attr(y, "call") <- NULL
        class(y) <- "ts"
        print(y, ...)
    } else {
        y <- as.vector(unclass(x))
        print(y, ...)
    }
    invisible(x)
}

## Summary of a Tukey smooth: the smoother, its call and length, then the summary of its values.
summary.tukeysmooth <- function(object, ...) {
    cat(attr(object, "kind"), "Tukey smoother resulting from\n", deparse(attr(object, "call")),
        ";  n =", length(object), "\n")
    if (attr(object, "twiced")) cat(" __twiced__ ")
    if (!is.null(it <- attr(object, "iter"))) cat(" used", it, "iterations\n")
    if (!is.null(ch <- attr(object, "changed"))) cat(if (!ch) " NOT ", " changed\n")
    print(summary(as.vector(unclass(object)), ...))
    invisible(object)
}

## Tukey's median polish of a two-way table: overall + row + column effects + residuals.
medpolish <- function(x, eps = 0.01, maxiter = 10L, trace.iter = TRUE, na.rm = FALSE) {
    z <- as.matrix(x)
    nr <- nrow(z)
    nc <- ncol(z)
    t <- 0
    r <- numeric(nr)
    c <- numeric(nc)
    oldsum <- 0
    converged <- FALSE
    for (iter in seq_len(maxiter)) {
        rdelta <- apply(z, 1L, median, na.rm = na.rm)
        z <- z - rdelta
        r <- r + rdelta
        delta <- median(c, na.rm = na.rm)
        c <- c - delta
        t <- t + delta
        cdelta <- apply(z, 2L, median, na.rm = na.rm)
        z <- z - rep(cdelta, each = nr)
        c <- c + cdelta
        delta <- median(r, na.rm = na.rm)
        r <- r - delta
        t <- t + delta
        newsum <- sum(abs(z), na.rm = na.rm)
        converged <- newsum == 0 || abs(newsum - oldsum) < eps * newsum
        if (converged) break
        oldsum <- newsum
        if (trace.iter) cat(iter, ": ", newsum, "\n", sep = "")
    }
    if (converged) {
        if (trace.iter) cat("Final: ", newsum, "\n", sep = "")
    } else warning(sprintf("medpolish() did not converge in %d iterations", maxiter))
    names(r) <- rownames(z)
    names(c) <- colnames(z)
    structure(list(overall = t, row = r, col = c, residuals = z, name = deparse(substitute(x))),
              class = "medpolish")
}

## Prints a median polish: the overall, row and column effects and the residuals.
print.medpolish <- function(x, digits = getOption("digits"), ...) {
    cat("\nMedian Polish Results (Dataset: \"", x$name, "\")\n", sep = "")
    cat("\nOverall: ", x$overall, "\n\nRow Effects:\n", sep = "")
    print(x$row, digits = digits, ...)
    cat("\nColumn Effects:\n")
    print(x$col, digits = digits, ...)
    cat("\nResiduals:\n")
    print(x$residuals, digits = max(2L, digits - 2L), ...)
    cat("\n")
    invisible(x)
}

## Tukey's additivity plot of a median polish: residuals against row effect x column effect / overall.
plot.medpolish <- function(x, main = "Tukey Additivity Plot", ...) {
    plot(outer(x$row, x$col) / x$overall, x$residuals, main = main,
         xlab = "Diagnostic Comparison Values", ylab = "Residuals", ...)
    abline(h = 0, v = 0, lty = "dotted")
    invisible()
}
