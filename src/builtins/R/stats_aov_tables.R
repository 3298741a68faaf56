# Tables of an analysis of variance: model.tables (effects and means by term, with
# standard errors for balanced designs), se.contrast, eff.aovlist and their printing, for
# aov and multi-stratum (aovlist) fits; proj and dummy.coef of aovlist fits; the print and
# summary methods of aov fits with several responses ("maov").

## Tables of effects or means of the terms of an aov or multi-stratum (aovlist) fit.
model.tables <- function(x, ...) UseMethod("model.tables")

## The variables of each term of a terms object's factor matrix (internal).
.aov_term_vars <- function(tf) {
    out <- lapply(colnames(tf), function(t) rownames(tf)[tf[, t] > 0])
    names(out) <- colnames(tf)
    out
}

## The terms whose variables all belong to term t: the columns whose projections add up
## to t's table of means (internal).
.aov_marginal_terms <- function(t, tf) {
    inside <- as.logical(tf[, t])
    colnames(tf)[vapply(colnames(tf), function(s) all(!(tf[, s] > 0) | inside), NA)]
}

## The replications of each named term in the model frame (internal): a named vector when
## every term is balanced, else a list.
.aov_reps <- function(terms, mf) {
    n <- NULL
    for (t in terms) n <- c(n, replications(paste("~", t), data = mf))
    n
}

## Tables of effects or means of an aov fit, by term (or the terms in cterms).
model.tables.aov <- function(x, type = "effects", se = FALSE, cterms, ...) {
    if (inherits(x, "maov")) stop("'model.tables' is not implemented for multiple responses")
    type <- match.arg(type, c("effects", "means", "residuals"))
    if (type == "residuals") stop(gettextf("type '%s' is not implemented yet", type), domain = NA)
    if (is.null(x$call)) stop("this fit does not inherit from \"lm\"")
    prjs <- proj(x)
    mf <- model.frame(x)
    tf <- attr(terms(x), "factors")
    vars <- .aov_term_vars(tf)
    labs <- colnames(tf)[colnames(tf) %in% colnames(prjs)]
    if (!missing(cterms)) {
        if (anyNA(match(cterms, labs))) stop("'cterms' argument must match terms in model object")
        labs <- cterms
    }
    tables <- lapply(labs, function(t) {
        cols <- if (type == "means") c("(Intercept)", .aov_marginal_terms(t, tf)) else t
        cols <- cols[cols %in% colnames(prjs)]
        structure(tapply(rowSums(prjs[, cols, drop = FALSE]), mf[vars[[t]]], mean), class = "mtable")
    })
    names(tables) <- labs
    n <- .aov_reps(labs, mf)
    if (se && is.list(n)) {
        message("Design is unbalanced - use se.contrast() for se's")
        se <- FALSE
    }
    if (type == "means" && "(Intercept)" %in% colnames(prjs))
        tables <- c(list(`Grand mean` = structure(mean(prjs[, "(Intercept)"]), class = "mtable")), tables)
    result <- list(tables = tables, n = n)
    if (se) result$se <- .aov_se_tables(x, n, type)
    attr(result, "type") <- type
    class(result) <- c("tables_aov", "list.of")
    result
}

## Standard errors of effects, or of differences of means, from the residual variance of a
## fit and the replications n (internal).
.aov_se_tables <- function(fit, n, type) {
    rse <- sqrt(sum(fit$residuals^2) / fit$df.residual)
    out <- if (type == "effects") rse / sqrt(n)
    else lapply(n, function(k) {
        k <- unique(k[!is.na(k)])
        m <- outer(k, k, function(a, b) 1 / a + 1 / b)
        dimnames(m) <- list(paste(k), paste(k))
        rse * sqrt(m)
    })
    attr(out, "type") <- type
    class(out) <- "mtable"
    out
}

## Prints a table from model.tables: numbers rounded with zapsmall to `digits` significant
## digits, blanks for missing cells.
print.mtable <- function(x, ..., digits = getOption("digits"), quote = FALSE, right = FALSE) {
    notes <- attr(x, "Notes")
    keep <- attributes(x)[intersect(names(attributes(x)), c("dim", "dimnames", "names"))]
    y <- as.vector(unclass(x))
    attributes(y) <- keep
    if (length(y) == 1L && is.null(names(y)) && is.null(dimnames(y))) names(y) <- ""
    if (length(dim(y)) && is.numeric(y)) {
        miss <- is.na(y)
        y <- format(zapsmall(y, digits))
        attributes(y) <- keep
        y[miss] <- "  "
    }
    print(y, quote = quote, right = right, ...)
    if (length(notes)) {
        cat("\nNotes:\n")
        print(notes)
    }
    invisible(x)
}

## Prints model.tables: each term's table (with replications when unbalanced) and the
## standard errors when computed.
print.tables_aov <- function(x, digits = 4L, ...) {
    tabs <- x$tables
    n <- x$n
    type <- attr(x, "type")
    cat(switch(type, effects = "Tables of effects\n", means = "Tables of means\n",
               residuals = if (length(tabs) > 1L) "Table of residuals from each stratum\n"))
    if ("Grand mean" %in% names(tabs)) {
        cat("Grand mean\n")
        print.mtable(tabs[["Grand mean"]], digits = digits, ...)
    }
    for (nm in setdiff(names(tabs), "Grand mean")) {
        tab <- tabs[[nm]]
        cat("\n", nm, "\n")
        if (!is.list(n)) print.mtable(tab, digits = digits, ...)
        else .print_mtable_reps(tab, n[[nm]], digits, ...)
    }
    if (!is.null(x$se)) .print_aov_se(x$se, n, type, digits, ...)
    invisible(x)
}

## A table of an unbalanced design printed with a "rep" row under each row of means
## (internal).
.print_mtable_reps <- function(tab, reps, digits, ...) {
    if (length(dim(tab)) < 2L) {
        m <- rbind(as.vector(tab), as.vector(reps))
        dimnames(m) <- list(c("", "rep"), dimnames(tab)[[1L]])
        print(m, digits = digits, ...)
        return(invisible())
    }
    d <- dim(tab)
    rows <- d[1L]
    m <- matrix(0, 2L * rows, prod(d[-1L]))
    m[2L * seq_len(rows) - 1L, ] <- matrix(unclass(tab), rows)
    m[2L * seq_len(rows), ] <- matrix(as.vector(reps), rows)
    rn <- format(c(dimnames(tab)[[1L]], rep.int("rep", rows)))
    out <- array(m, c(2L * rows, d[-1L]))
    dimnames(out) <- c(list(rn[as.vector(rbind(seq_len(rows), rows + seq_len(rows)))]), dimnames(tab)[-1L])
    names(dimnames(out)) <- names(dimnames(tab))
    print.mtable(structure(out, class = "mtable"), digits = digits, ...)
}

## The standard errors part of print.tables_aov (internal).
.print_aov_se <- function(se, n, type, digits, ...) {
    rn <- if (type == "residuals") "df" else "replic."
    cat(switch(attr(se, "type"), effects = "\nStandard errors of effects\n",
               means = "\nStandard errors for differences of means\n",
               residuals = "\nStandard errors of residuals\n"))
    if (length(unlist(se)) == length(se)) {
        n <- n[!is.na(n)]
        v <- unlist(se)
        m <- rbind(format(v, digits = digits), format(n))
        dimnames(m) <- list(c(" ", rn), names(v))
        print(m, quote = FALSE, right = TRUE, ...)
    } else for (nm in names(se)) {
        s <- se[[nm]]
        if (length(s) == 1L) {
            s <- rbind(s, n[nm])
            dimnames(s) <- list(c(nm, rn), "")
            print(s, digits = digits, ...)
        } else {
            dimnames(s)[[1L]] <- ""
            cat("\n", nm, "\n")
            cat("When comparing means with same levels of:\n")
            print(s, digits, ...)
            cat("replic.", n[nm], "\n")
        }
    }
}

## The standard error of a contrast between groups of observations in an aov fit.
se.contrast <- function(object, ...) UseMethod("se.contrast")

## se.contrast for an aov fit: contrast.obj a list of logical vectors (groups, combined
## with coef) or a matrix whose columns are contrasts among the observations.
se.contrast.aov <- function(object, contrast.obj, coef = contr.helmert(ncol(contrast))[, 1L], data = NULL, ...) {
    contrast.obj <- if (is.null(data)) eval(contrast.obj) else eval(substitute(contrast.obj), data, parent.frame())
    contrast <- .aov_contrast_matrix(contrast.obj, coef, missing(coef))
    if (!is.matrix(contrast.obj)) contrast <- contrast %*% coef
    w <- .aov_contrast_weights(object, contrast)
    rdf <- object$df.residual
    if (rdf == 0L) stop("no degrees of freedom for residuals")
    r <- as.matrix(object$residuals)
    if (!is.null(object$weights)) r <- r * sqrt(object$weights)
    s2 <- sum(r^2) / rdf
    if (is.matrix(contrast.obj)) sqrt(s2 * colSums(w)) else sqrt(sum(w) * s2)
}

## The contrast matrix of se.contrast's contrast.obj (internal): a matrix is checked, a
## list of logical vectors becomes one column of group-mean weights per group (the caller
## combines them with coef, forced only after this exists as its default needs).
.aov_contrast_matrix <- function(obj, coef, coef.missing) {
    if (is.matrix(obj)) {
        if (any(abs(colSums(obj)) > 1e-08)) stop("columns of 'contrast.obj' must define a contrast (sum to zero)")
        if (!length(colnames(obj))) colnames(obj) <- paste("Contrast", seq_len(ncol(obj)))
        return(obj)
    }
    if (!coef.missing) {
        if (sum(coef) != 0) stop("'coef' must define a contrast, i.e., sum to 0")
        if (length(coef) != length(obj)) stop("'coef' must have same length as 'contrast.obj'")
    }
    contrast <- sapply(obj, function(g) {
        if (!is.logical(g)) stop("each element of 'contrast.obj' must be logical")
        g / sum(g)
    })
    if (!length(contrast) || all(is.na(contrast))) stop("the contrast defined is empty (has no TRUE elements)")
    contrast
}

## The squared length of each contrast's projection on each term of a fit (internal): a
## terms x contrasts matrix.
.aov_contrast_weights <- function(fit, contrast) {
    q <- fit$qr
    asgn <- fit$assign[q$pivot[seq_len(fit$rank)]]
    u <- unique(asgn)
    eff <- as.matrix(qr.qty(q, contrast))
    out <- matrix(0, length(u), ncol(eff),
                  dimnames = list(c("(Intercept)", attr(terms(fit), "term.labels"))[1L + u], colnames(contrast)))
    for (i in seq_along(u)) out[i, ] <- colSums(eff[which(asgn == u[i]), , drop = FALSE]^2)
    out
}

## se.contrast for a multi-stratum aov: each term's part of the contrast is measured
## against the residual variance of the stratum the term is estimated in.
se.contrast.aovlist <- function(object, contrast.obj, coef = contr.helmert(ncol(contrast))[, 1L], data = NULL, ...) {
    contrast.obj <- if (is.null(data)) eval(contrast.obj) else eval(substitute(contrast.obj), data, parent.frame())
    contrast <- .aov_contrast_matrix(contrast.obj, coef, missing(coef))
    if (!is.matrix(contrast.obj)) contrast <- contrast %*% coef
    eqr <- attr(object, "error.qr")
    if (!inherits(eqr, "qr")) stop("'object' does not include an error 'qr' component")
    cq <- qr.qty(eqr, contrast)
    rows <- .aovlist_rows(object)
    eff <- eff.aovlist(object)
    home <- .aovlist_home(eff)
    wgt <- matrix(0, length(home), ncol(contrast), dimnames = list(names(home), colnames(contrast)))
    for (t in names(home)) {
        s <- home[[t]]
        wgt[t, ] <- .aov_contrast_weights(object[[s]], cq[rows[[s]], , drop = FALSE])[t, ]
    }
    rss <- vapply(home, function(s) {
        st <- object[[s]]
        if (st$df.residual == 0L) NA_real_ else sum(as.matrix(st$residuals)^2) / st$df.residual
    }, 0)
    e <- vapply(names(home), function(t) eff[home[[t]], t], 0)
    drop(sqrt((rss / e^2) %*% wgt))
}

## The efficiencies of the treatment terms in each stratum of a multi-stratum aov: a strata
## x terms matrix whose columns sum to one (all ones when no term is split over strata).
eff.aovlist <- function(aovlist) {
    Terms <- attr(aovlist, "terms")
    if (names(aovlist)[1L] == "(Intercept)") aovlist <- aovlist[-1L]
    aovlist <- aovlist[!vapply(aovlist, function(s) is.null(s$qr), NA)]
    est <- lapply(aovlist, function(s) attr(terms(s), "term.labels")[s$assign[s$qr$pivot[seq_len(s$rank)]]])
    labs <- attr(Terms, "term.labels")
    labs <- labs[labs %in% unlist(est)]
    eff <- matrix(0, length(aovlist), length(labs), dimnames = list(names(aovlist), labs))
    for (s in names(est)) eff[s, est[[s]]] <- 1
    cs <- colSums(eff)
    if (all(cs <= 1)) return(eff[, cs > 0, drop = FALSE])
    shared <- labs[cs > 1]
    for (s in names(aovlist)) {
        R <- aovlist[[s]]$qr$qr
        for (t in intersect(shared, est[[s]])) {
            k <- which(est[[s]] == t)
            Rk <- R[k, k, drop = FALSE]
            d2 <- sum(diag(Rk)^2)
            if (length(k) > 1L && sum(Rk^2) > 1.01 * d2)
                stop("eff.aovlist: non-orthogonal contrasts would give an incorrect answer")
            eff[s, t] <- d2
        }
    }
    cs <- colSums(eff)
    eff <- eff / rep(cs, each = nrow(eff))
    eff[, cs != 0, drop = FALSE]
}

## The rows of the error model's rotated space that each stratum of a multi-stratum aov
## holds, in order (internal).
.aovlist_rows <- function(object) {
    k <- vapply(object, function(st) length(st$residuals), 0L)
    ends <- cumsum(k)
    rows <- lapply(seq_along(k), function(i) seq_len(k[i]) + ends[i] - k[i])
    names(rows) <- names(object)
    rows
}

## The stratum each treatment term is estimated in: the last one holding it (internal).
.aovlist_home <- function(eff)
    vapply(colnames(eff), function(t) rownames(eff)[max(which(eff[, t] > 0))], "")

## The projections of a multi-stratum aov, stratum by stratum, rotated back to the
## observations (internal for proj() of an "aovlist").
.aovlist_proj <- function(object, onedf = FALSE) {
    eqr <- attr(object, "error.qr")
    n <- NROW(eqr$qr)
    rows <- .aovlist_rows(object)
    out <- lapply(names(object), function(s) {
        st <- object[[s]]
        prj <- if (is.null(st$qr)) {
            p <- matrix(st$residuals, ncol = 1L, dimnames = list(NULL, "Residuals"))
            attr(p, "df") <- c(Residuals = st$df.residual)
            p
        } else proj(st, onedf = onedf)
        full <- matrix(0, n, ncol(prj))
        full[rows[[s]], ] <- prj
        res <- as.matrix(qr.qy(eqr, full))
        dimnames(res) <- list(as.character(seq_len(n)), colnames(prj))
        attr(res, "df") <- attr(prj, "df")
        res
    })
    names(out) <- names(object)
    attr(out, "call") <- attr(object, "call")
    class(out) <- c("aovprojlist", "listof")
    out
}

## Tables of effects or means of a multi-stratum aov: each term is estimated in the
## stratum holding it (the lowest stratum when it is split, scaled by its efficiency).
model.tables.aovlist <- function(x, type = "effects", se = FALSE, ...) {
    type <- match.arg(type, c("effects", "means", "residuals"))
    if (type == "residuals") stop(gettextf("type '%s' is not implemented yet", type), domain = NA)
    prjs <- .aovlist_proj(x)
    mf <- .aovlist_frame(x)
    tf <- attr(attr(x, "terms"), "factors")
    vars <- .aov_term_vars(tf)
    eff <- eff.aovlist(x)
    home <- .aovlist_home(eff)
    e.home <- vapply(names(home), function(t) eff[home[[t]], t], 0)
    labs <- colnames(tf)[colnames(tf) %in% names(home)]
    term.data <- function(t) prjs[[home[[t]]]][, t] / e.home[[t]]
    tables <- lapply(labs, function(t) {
        cols <- if (type == "means") intersect(.aov_marginal_terms(t, tf), labs) else t
        d <- Reduce(`+`, lapply(cols, term.data))
        structure(tapply(d, mf[vars[[t]]], mean), strata = home[[t]], class = "mtable")
    })
    names(tables) <- labs
    if (type == "means") {
        gm <- structure(mean(prjs[["(Intercept)"]]), class = "mtable")
        tables <- c(list(`Grand mean` = gm), lapply(tables, `+`, gm))
    }
    n <- replications(attr(x, "terms"), data = mf)
    if (se) {
        if (type == "effects" && is.list(n)) {
            message("Standard error information not returned as design is unbalanced. \nStandard errors can be obtained through 'se.contrast'.")
            se <- FALSE
        } else if (type != "effects") {
            warning(gettextf("SEs for type '%s' are not yet implemented", type), domain = NA)
            se <- FALSE
        }
    }
    result <- list(tables = tables, n = n)
    if (se) {
        rss <- vapply(x, function(s) sum(s$residuals^2) / s$df.residual, 0)
        ses <- lapply(names(n), function(t) {
            structure(sqrt(rss[[home[[t]]]] / e.home[[t]] / n[[t]]), class = "mtable")
        })
        names(ses) <- names(n)
        attr(ses, "type") <- type
        result$se <- ses
    }
    attr(result, "type") <- type
    class(result) <- c("tables_aov", "list.of")
    result
}

## The model frame of the treatment part of a multi-stratum aov (internal).
.aovlist_frame <- function(x) {
    cl <- attr(x, "call")
    env <- environment(attr(x, "terms"))
    if (is.null(env)) env <- globalenv()
    f <- eval(cl$formula, env)
    fixed <- eval(substitute(L ~ R, list(L = f[[2L]], R = .aov_drop_error(f[[3L]]))))
    environment(fixed) <- environment(f)
    if (is.null(cl$data)) model.frame(fixed) else model.frame(fixed, data = eval(cl$data, env))
}

## dummy.coef() of a multi-stratum aov: the expanded coefficients stratum by stratum
## (internal; class "dummy_coef_list").
.dummy_coef_aovlist <- function(object, use.na = FALSE) {
    tt <- attr(object, "terms")
    mf <- .aovlist_frame(object)
    res <- lapply(object, function(st) {
        coef <- st$coefficients
        if (!use.na) coef[is.na(coef)] <- 0
        asgn <- st$assign
        js <- setdiff(unique(asgn), 0L)
        out <- .dummy_coef_terms(coef, asgn, js, tt, mf, attr(object, "contrasts"))
        if (any(asgn == 0L)) out <- c(list("(Intercept)" = structure(unname(coef[asgn == 0L]), names = "(Intercept)")), out)
        structure(out, class = "dummy_coef", matrix = FALSE)
    })
    structure(res, class = "dummy_coef_list")
}

## Prints the expanded coefficients of each stratum.
print.dummy_coef_list <- function(x, ...) {
    for (s in names(x)) print.dummy_coef(x[[s]], ..., title = paste("\n     Error:", s))
    invisible(x)
}

## Prints an aov fit with several responses: the sums of squares of each term for each
## response, the residual standard errors and whether the effects are balanced.
print.maov <- function(x, intercept = FALSE, tol = sqrt(.Machine$double.eps), ...) {
    if (!is.null(x$call)) {
        cat("Call:\n   ")
        dput(x$call, control = NULL)
    }
    tab <- .maov_terms(x, intercept)
    rdf <- x$df.residual
    rss <- colSums(as.matrix(x$residuals)^2)
    ss <- tab$ss
    df <- tab$df
    nm <- tab$names
    if (rdf > 0L) {
        ss <- rbind(ss, rss)
        df <- c(df, rdf)
        nm <- c(nm, "Residuals")
    }
    cat("\nTerms:\n")
    out <- t(cbind(apply(zapsmall(ss), 2L, format), format(df)))
    rn <- colnames(x$coefficients)
    if (is.null(rn)) rn <- paste("resp", seq_len(ncol(ss)))
    dimnames(out) <- list(c(rn, "Deg. of Freedom"), nm)
    print(out, quote = FALSE, right = TRUE)
    cat("\n")
    if (rdf > 0L) {
        cat("Residual standard errors:", sapply(sqrt(rss / rdf), format))
        cat("\n")
    }
    R <- x$qr$qr
    R <- R[seq_len(min(dim(R))), , drop = FALSE]
    R[lower.tri(R)] <- 0
    nc <- NROW(x$coefficients)
    if (x$rank < nc) {
        cat(paste(nc - x$rank, "out of", nc, "effects not estimable\n"))
        R <- R[, seq_len(x$rank), drop = FALSE]
    }
    d2 <- sum(abs(diag(R)))
    diag(R) <- 0
    cat(if (sum(abs(R)) / d2 > tol) "Estimated effects may be unbalanced\n" else "Estimated effects are balanced\n")
    invisible(x)
}

## The terms of a multi-response aov (internal): their names, degrees of freedom and sums
## of squares (terms x responses).
.maov_terms <- function(x, intercept = FALSE) {
    asgn <- x$assign[x$qr$pivot[seq_len(x$rank)]]
    eff <- as.matrix(x$effects)[seq_along(asgn), , drop = FALSE]
    u <- unique(asgn)
    if (!intercept) u <- u[u != 0]
    ss <- t(vapply(u, function(a) colSums(eff[asgn == a, , drop = FALSE]^2), numeric(ncol(eff))))
    list(names = c("(Intercept)", attr(x$terms, "term.labels"))[1L + u],
         df = vapply(u, function(a) sum(asgn == a), 0), ss = matrix(ss, length(u)))
}

## The analysis of variance tables of a multi-response aov, one per response.
summary.maov <- function(object, intercept = FALSE, ...) {
    tab <- .maov_terms(object, intercept)
    rdf <- object$df.residual
    rss <- colSums(as.matrix(object$residuals)^2)
    resp <- colnames(object$coefficients)
    out <- lapply(seq_len(ncol(tab$ss)), function(k) {
        ss <- c(tab$ss[, k], rss[k])
        df <- c(tab$df, rdf)
        ms <- ss / df
        f <- c(ms[-length(ms)] / ms[length(ms)], NA)
        p <- pf(f, df, rdf, lower.tail = FALSE)
        structure(data.frame(Df = df, "Sum Sq" = ss, "Mean Sq" = ms, "F value" = f, "Pr(>F)" = p,
                             check.names = FALSE, row.names = format(c(tab$names, "Residuals"))),
                  class = c("anova", "data.frame"))
    })
    names(out) <- paste(" Response", resp)
    class(out) <- c("summary.aov", "listof")
    out
}
