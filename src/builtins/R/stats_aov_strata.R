# Multi-stratum analysis of variance: aov() with an Error() term fits the treatment model
# in each stratum of the error model (an "aovlist"), with its printing and summary.

## The Error(...) call in the right-hand side of a formula, or NULL (internal).
.aov_find_error <- function(e) {
    if (!is.call(e)) return(NULL)
    if (identical(e[[1L]], as.name("Error"))) return(e)
    if (identical(e[[1L]], as.name("+")) || identical(e[[1L]], as.name("("))) {
        for (i in seq_along(e)[-1L]) {
            r <- .aov_find_error(e[[i]])
            if (!is.null(r)) return(r)
        }
    }
    NULL
}

## The right-hand side without its Error(...) term (internal).
.aov_drop_error <- function(e) {
    if (!is.call(e)) return(e)
    if (identical(e[[1L]], as.name("+")) && length(e) == 3L) {
        if (!is.null(.aov_find_error(e[[3L]])) && is.call(e[[3L]]) && identical(e[[3L]][[1L]], as.name("Error"))) return(e[[2L]])
        if (is.call(e[[2L]]) && identical(e[[2L]][[1L]], as.name("Error"))) return(e[[3L]])
        e[[2L]] <- .aov_drop_error(e[[2L]])
        return(e)
    }
    if (identical(e[[1L]], as.name("Error"))) return(1)
    e
}

## aov() with an Error() term: the strata of the error model and the treatment fit in each (internal).
.aov_strata <- function(formula, data = NULL, projections = FALSE, qr = TRUE, contrasts = NULL, ..., call) {
    env <- environment(formula)
    if (is.null(env)) env <- parent.frame()
    rhs <- formula[[3L]]
    errorterm <- .aov_find_error(rhs)
    fixed <- eval(substitute(L ~ R, list(L = formula[[2L]], R = .aov_drop_error(rhs))))
    environment(fixed) <- env
    eform <- eval(substitute(L ~ R, list(L = formula[[2L]], R = errorterm[[2L]])))
    environment(eform) <- env
    mf <- if (is.null(data)) model.frame(fixed) else model.frame(fixed, data = data)
    Terms <- terms(fixed)
    X <- if (is.null(contrasts)) model.matrix(Terms, mf) else model.matrix(Terms, mf, contrasts.arg = contrasts)
    y <- model.response(mf, "numeric")
    # the error model is coded with Helmert contrasts
    opcons <- options("contrasts")
    options(contrasts = c("contr.helmert", "contr.poly"))
    emf <- if (is.null(data)) model.frame(eform) else model.frame(eform, data = data)
    E <- model.matrix(terms(eform), emf)
    options(opcons)
    qr.e <- qr(E)
    rank.e <- qr.e$rank
    if (rank.e == NROW(E)) warning("Error() model is singular")
    asgn.e <- attr(E, "assign")[qr.e$pivot[seq_len(rank.e)]]
    max.asgn <- max(asgn.e)
    nobs <- NROW(y)
    nmstrata <- c("(Intercept)", attr(terms(eform), "term.labels"))
    nstrata <- max.asgn + 1L
    if (nobs > rank.e) {
        asgn.e <- c(asgn.e, rep(max.asgn + 1L, nobs - rank.e))
        nmstrata <- c(nmstrata[seq_len(nstrata)], "Within")
        nstrata <- nstrata + 1L
    }
    qty <- qr.qty(qr.e, y)
    qtx <- qr.qty(qr.e, X)
    asgn.t <- attr(X, "assign")
    result <- vector("list", nstrata)
    for (i in seq_len(nstrata)) {
        select <- asgn.e == (i - 1L)
        ni <- sum(select)
        if (!ni) next
        xi <- qtx[select, , drop = FALSE]
        cols <- colSums(xi^2) > 1e-05
        yi <- qty[select]
        if (any(cols)) {
            xi <- xi[, cols, drop = FALSE]
            attr(xi, "assign") <- asgn.t[cols]
            fiti <- lm.fit(xi, yi)
            fiti$terms <- Terms
        } else {
            fiti <- list(coefficients = numeric(), residuals = yi, fitted.values = 0 * yi,
                         rank = 0L, df.residual = NROW(yi))
        }
        class(fiti) <- c("aov", "lm")
        result[[i]] <- fiti
    }
    names(result) <- nmstrata
    keep <- !vapply(result, is.null, NA)
    result <- result[keep]
    attr(result, "error.qr") <- qr.e
    attr(result, "call") <- call
    attr(result, "terms") <- Terms
    class(result) <- c("aovlist", "listof")
    result
}

## The sums of squares table of one aov stratum (internal): list(df, ss, names, rdf, rss).
.aov_stratum_table <- function(x, intercept = FALSE) {
    rank <- x$rank
    rdf <- x$df.residual
    rss <- sum(as.vector(x$residuals)^2)
    if (!rank) return(list(df = numeric(), ss = numeric(), names = character(), rdf = rdf, rss = rss))
    asgn <- x$assign[x$qr$pivot[seq_len(rank)]]
    eff <- as.vector(x$effects)[seq_along(asgn)]
    u <- unique(asgn)
    labs <- c("(Intercept)", attr(x$terms, "term.labels"))[1L + u]
    df <- vapply(u, function(a) sum(asgn == a), 0)
    ss <- vapply(u, function(a) sum(eff[asgn == a]^2), 0)
    keep <- df > 0
    if (!intercept) keep <- keep & u != 0
    list(df = df[keep], ss = ss[keep], names = labs[keep], rdf = rdf, rss = rss)
}

## Prints one stratum of a multi-stratum aov: its terms table, residual standard error and balance.
.print_aov_stratum <- function(x, ...) {
    tab <- .aov_stratum_table(x)
    rdf <- tab$rdf
    cat("\nTerms:\n")
    if (!length(tab$df)) {
        if (rdf > 0) {
            m <- as.matrix(c(format(tab$rss), format(rdf)))
            dimnames(m) <- list(c("Sum of Squares", "Deg. of Freedom"), "Residuals")
            print(m, quote = FALSE, right = TRUE)
            cat("\n")
            cat("Residual standard error: ", format(sqrt(tab$rss / rdf)), "\n", sep = "")
        } else print(matrix(0, 2L, 1L, dimnames = list(c("Sum of Squares", "Deg. of Freedom"), "<empty>")))
        return(invisible(x))
    }
    ss <- tab$ss
    df <- tab$df
    nms <- tab$names
    if (rdf > 0) {
        ss <- c(ss, tab$rss)
        df <- c(df, rdf)
        nms <- c(nms, "Residuals")
    }
    m <- rbind(format(zapsmall(ss)), format(df))
    dimnames(m) <- list(c("Sum of Squares", "Deg. of Freedom"), nms)
    print(m, quote = FALSE, right = TRUE)
    cat("\n")
    if (rdf > 0) cat("Residual standard error: ", format(sqrt(tab$rss / rdf)), "\n", sep = "")
    R <- x$qr$qr
    R <- R[seq_len(min(dim(R))), , drop = FALSE]
    R[lower.tri(R)] <- 0
    nc <- length(x$coefficients)
    if (x$rank < nc) {
        cat(paste(nc - x$rank, "out of", nc, "effects not estimable\n"))
        R <- R[, seq_len(x$rank), drop = FALSE]
    }
    off <- sum(abs(R)) - sum(abs(diag(R)))
    if (off > 1e-05 * sum(abs(diag(R)))) cat("Estimated effects may be unbalanced\n")
    else cat("Estimated effects are balanced\n")
    invisible(x)
}

## Prints a multi-stratum aov: the call, the grand mean and each stratum's terms.
print.aovlist <- function(x, ...) {
    cl <- attr(x, "call")
    if (!is.null(cl)) {
        cat("\nCall:\n")
        dput(cl)
    }
    nx <- names(x)
    if (nx[1L] == "(Intercept)") {
        mn <- x[[1L]]$coefficients
        cat("\nGrand Mean: ", format(mn[1L]), "\n", sep = "")
        nx <- nx[-1L]
    }
    for (ii in seq_along(nx)) {
        cat("\nStratum ", ii, ": ", nx[ii], "\n", sep = "")
        .print_aov_stratum(x[[nx[ii]]], ...)
    }
    invisible(x)
}

## The ANOVA table of each error stratum of a multi-stratum aov.
summary.aovlist <- function(object, ...) {
    strata <- names(object)
    if (strata[1L] == "(Intercept)") strata <- strata[-1L]
    ans <- lapply(object[strata], function(s) {
        tab <- .aov_stratum_table(s)
        df <- tab$df
        ss <- tab$ss
        nms <- tab$names
        if (tab$rdf > 0) {
            df <- c(df, tab$rdf)
            ss <- c(ss, tab$rss)
            nms <- c(nms, "Residuals")
        }
        ms <- ss / df
        fr <- data.frame(Df = df, "Sum Sq" = ss, "Mean Sq" = ms, check.names = FALSE)
        if (tab$rdf > 0) {
            f <- c(ms[seq_along(tab$df)] / (tab$rss / tab$rdf), NA)
            fr[["F value"]] <- f
            fr[["Pr(>F)"]] <- pf(f, df, tab$rdf, lower.tail = FALSE)
        }
        row.names(fr) <- format(nms)
        class(fr) <- c("anova", "data.frame")
        structure(list(fr), class = c("summary.aov", "listof"))
    })
    names(ans) <- paste("Error:", strata)
    class(ans) <- c("summary.aovlist", "listof")
    ans
}

## Prints the per-stratum ANOVA tables of a multi-stratum aov.
print.summary.aovlist <- function(x, ...) {
    nn <- names(x)
    for (i in nn) {
        cat("\n", i, "\n", sep = "")
        print(x[[i]], ...)
    }
    invisible(x)
}

## The coefficients of each stratum of a multi-stratum aov.
coef.aovlist <- function(object, ...) {
    lapply(unclass(object), function(s) s$coefficients)
}

## Plots Tukey's honest significant differences: one interval per comparison, per term.
plot.TukeyHSD <- function(x, ...) {
    for (i in seq_along(x)) {
        xi <- x[[i]][, -4L, drop = FALSE]
        yvals <- nrow(xi):1
        plot(c(xi[, "lwr"], xi[, "upr"]), rep.int(yvals, 2L), type = "n", axes = FALSE,
             xlab = "", ylab = "", main = NULL, ...)
        axis(1, ...)
        axis(2, at = yvals, labels = dimnames(xi)[[1L]], ...)
        abline(h = yvals, lty = 1, lwd = 0.5, col = "lightgray")
        abline(v = 0, lty = 2, lwd = 0.5)
        segments(xi[, "lwr"], yvals, xi[, "upr"], yvals)
        segments(as.vector(xi), rep.int(yvals - 0.1, 3L), as.vector(xi), rep.int(yvals + 0.1, 3L))
        title(main = paste0(format(100 * attr(x, "conf.level"), digits = 2L), "% family-wise confidence level\n"),
              xlab = paste("Differences in mean levels of", names(x)[i]))
        box()
    }
    invisible()
}
