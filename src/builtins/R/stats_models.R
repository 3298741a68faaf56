# Model tools of R's stats package written over rsc's builtins: polynomials in several
# variables, stepwise selection and the aov/lm helpers.

## Orthogonal (or raw) polynomials in several variables: every product of powers of total
## degree 1..degree, columns named by their degrees ("1.0", "0.1", "1.1", ...).
polym <- function(..., degree = 1, coefs = NULL, raw = FALSE) {
    dots <- list(...)
    nd <- length(dots)
    if (nd == 0) stop("must supply one or more vectors")
    if (nd == 1) return(poly(dots[[1L]], degree = degree, coefs = coefs, raw = raw))
    n <- lengths(dots)
    if (any(n != n[1L])) stop("arguments must have the same length")
    z <- do.call(expand.grid, rep.int(list(0:degree), nd))
    z <- as.matrix(z)
    s <- rowSums(z)
    ind <- 0 < s & s <= degree
    z <- z[ind, , drop = FALSE]
    s <- s[ind]
    if (is.null(coefs)) {
        res <- 1
        ctr <- list()
        for (i in seq_len(nd)) {
            p <- poly(dots[[i]], degree = degree, raw = raw)
            if (!raw) ctr[[i]] <- attr(p, "coefs")
            res <- res * cbind(1, unclass(p))[, 1L + z[, i], drop = FALSE]
        }
    } else {
        res <- 1
        for (i in seq_len(nd)) {
            p <- poly(dots[[i]], degree = degree, coefs = coefs[[i]])
            res <- res * cbind(1, unclass(p))[, 1L + z[, i], drop = FALSE]
        }
        ctr <- coefs
    }
    res <- unname(res)
    attributes(res) <- list(dim = dim(res))
    colnames(res) <- apply(z, 1L, function(x) paste(x, collapse = "."))
    attr(res, "degree") <- as.vector(s)
    if (!raw) attr(res, "coefs") <- ctr
    class(res) <- c("poly", "matrix")
    res
}

## The term labels of a terms object (or formula applied to `object`).
.term_labels <- function(x) attr(terms(x), "term.labels")

## The variables of each term label, as sorted character vectors.
.term_vars <- function(labels) {
    lapply(strsplit(labels, ":", fixed = TRUE), function(v) sort(trimws(v)))
}

## Whether term a (variables) is marginal to (contained in) term b.
.term_within <- function(a, b) length(a) < length(b) && all(a %in% b)

## The terms that may be dropped from and added to a model with the given terms,
## respecting marginality: a list with components drop and add (term labels).
factor.scope <- function(factor, scope) {
    model <- if (length(factor)) colnames(factor) else character()
    drop <- scope$drop
    add <- scope$add
    lower <- if (is.matrix(drop) && length(drop)) colnames(drop) else character()
    upper <- if (is.matrix(add) && length(add)) colnames(add) else character()
    mv <- .term_vars(model)
    out <- list(drop = character(), add = character())
    if (!is.null(drop)) {
        cand <- model[!(model %in% lower)]
        keep <- vapply(cand, function(t) {
            tv <- .term_vars(t)[[1L]]
            !any(vapply(mv, function(o) .term_within(tv, o), NA))
        }, NA)
        out$drop <- cand[keep]
    }
    if (!is.null(add)) {
        cand <- upper[!(upper %in% model)]
        uv <- .term_vars(upper)
        keep <- vapply(cand, function(t) {
            tv <- .term_vars(t)[[1L]]
            margins <- upper[vapply(uv, function(o) .term_within(o, tv), NA)]
            all(margins %in% model)
        }, NA)
        out$add <- cand[keep]
    }
    out
}

## Stepwise model selection by AIC (or the penalty k per degree of freedom): from
## `object`, drops terms (backward), adds terms from scope (forward) or both, printing
## each step's table unless trace = 0; the final fit carries the path in $anova.
step <- function(object, scope, scale = 0, direction = c("both", "backward", "forward"),
                 trace = 1, keep = NULL, steps = 1000, k = 2, ...) {
    devof <- function(x) {
        d <- deviance(x)
        if (is.null(d)) extractAIC(x, k = 0)[2L] else d
    }
    lines_of <- function(s) {
        if (length(s) > 1L) s[-1L] <- paste0("\n", s[-1L])
        s
    }
    form_of <- function(x) formula(terms(x))
    md <- missing(direction)
    direction <- match.arg(direction)
    backward <- direction == "both" || direction == "backward"
    forward <- direction == "both" || direction == "forward"
    upd <- function(f) terms(update(form_of(object), f))
    if (missing(scope)) {
        fdrop <- numeric()
        fadd <- attr(terms(object), "factors")
        if (md) forward <- FALSE
    } else if (is.list(scope)) {
        fdrop <- if (!is.null(scope$lower)) attr(upd(scope$lower), "factors") else numeric()
        fadd <- if (!is.null(scope$upper)) attr(upd(scope$upper), "factors")
    } else {
        fadd <- if (!is.null(scope)) attr(upd(scope), "factors")
        fdrop <- numeric()
    }
    models <- list()
    n <- nobs(object)
    fit <- object
    b <- extractAIC(fit, scale, k = k, ...)
    edf <- b[1L]
    bAIC <- b[2L]
    if (is.na(bAIC)) stop("AIC is not defined for this model, so 'step' cannot proceed")
    if (bAIC == -Inf) stop("AIC is -infinity for this model, so 'step' cannot proceed")
    if (trace) cat("Start:  AIC=", format(round(bAIC, 2)), "\n",
                   lines_of(deparse(form_of(fit))), "\n\n", sep = "")
    models[[1L]] <- list(deviance = devof(fit), df.resid = n - edf, change = "", AIC = bAIC)
    kept <- if (!is.null(keep)) list(keep(fit, bAIC))
    usingCp <- FALSE
    while (steps > 0) {
        steps <- steps - 1
        AIC <- bAIC
        ffac <- attr(terms(fit), "factors")
        sc <- factor.scope(ffac, list(add = fadd, drop = fdrop))
        aod <- NULL
        change <- NULL
        if (backward && length(sc$drop)) {
            aod <- drop1(fit, sc$drop, scale = scale, k = k, ...)
            rn <- row.names(aod)
            row.names(aod) <- c(rn[1L], paste("-", rn[-1L]))
            if (any(aod$Df == 0, na.rm = TRUE)) {
                zdf <- aod$Df == 0 & !is.na(aod$Df)
                change <- rev(rownames(aod)[zdf])[1L]
            }
        }
        if (is.null(change)) {
            if (forward && length(sc$add)) {
                aodf <- add1(fit, sc$add, scale = scale, k = k, ...)
                rn <- row.names(aodf)
                row.names(aodf) <- c(rn[1L], paste("+", rn[-1L]))
                if (is.null(aod)) aod <- aodf else {
                    cl <- class(aod)
                    aod <- rbind(aod, aodf[-1, , drop = FALSE])
                    class(aod) <- cl
                }
            }
            if (is.null(aod) || ncol(aod) == 0) break
            attr(aod, "heading") <- NULL
            cl <- class(aod)
            nzdf <- if (!is.null(aod$Df)) aod$Df != 0 | is.na(aod$Df) else TRUE
            aod <- aod[nzdf, ]
            class(aod) <- cl
            nc <- match(c("Cp", "AIC"), names(aod))
            nc <- nc[!is.na(nc)][1L]
            o <- order(aod[, nc])
            if (trace) {
                shown <- aod[o, ]
                class(shown) <- cl
                print(shown)
            }
            if (o[1L] == 1) break
            change <- rownames(aod)[o[1L]]
        }
        usingCp <- match("Cp", names(aod), 0L) > 0L
        fit <- update(fit, as.formula(paste("~ .", change)))
        if (nobs(fit) != n) stop("number of rows in use has changed: remove missing values?")
        b <- extractAIC(fit, scale, k = k, ...)
        edf <- b[1L]
        bAIC <- b[2L]
        if (trace) cat("\nStep:  AIC=", format(round(bAIC, 2)), "\n",
                       lines_of(deparse(form_of(fit))), "\n\n", sep = "")
        if (bAIC >= AIC + 1e-07) break
        models[[length(models) + 1L]] <- list(deviance = devof(fit), df.resid = n - edf,
                                              change = change, AIC = bAIC)
        if (!is.null(keep)) kept[[length(kept) + 1L]] <- keep(fit, bAIC)
    }
    if (!is.null(keep)) {
        k1 <- kept[[1L]]
        fit$keep <- array(unlist(kept, recursive = FALSE), c(length(k1), length(kept)),
                          list(names(k1), NULL))
    }
    rd <- vapply(models, function(m) m$deviance, 0)
    rdf <- vapply(models, function(m) m$df.resid, 0)
    aod <- data.frame(Step = I(vapply(models, function(m) m$change, "")),
                      Df = c(NA, diff(rdf)), Deviance = c(NA, abs(diff(rd))),
                      "Resid. Df" = rdf, "Resid. Dev" = rd,
                      AIC = vapply(models, function(m) m$AIC, 0), check.names = FALSE)
    if (usingCp) names(aod)[names(aod) == "AIC"] <- "Cp"
    attr(aod, "heading") <- c("Stepwise Model Path \nAnalysis of Deviance Table",
                              "\nInitial Model:", deparse(form_of(object)),
                              "\nFinal Model:", deparse(form_of(fit)), "\n")
    fit$anova <- aod
    fit
}

## The deviance and rank of `fit` refitted with formula change `change` (". ~ . - x").
.glm_refit <- function(fit, change) {
    z <- update(fit, as.formula(paste(". ~ .", change)))
    c(deviance = z$deviance, rank = z$rank, rdf = z$df.residual)
}

## The common part of drop1/add1 for glm: the table from the deviances and ranks (the
## model's own first), its tests and its heading.
.glm_term_table <- function(object, labels, dev, rank, rdf, scale, test, k, heading, adding) {
    fam <- object$family$family
    n <- length(object$residuals)
    dispersion <- if (scale == 0) {
        if (fam %in% c("binomial", "poisson")) 1 else summary(object)$dispersion
    } else scale
    loglik <- if (fam == "gaussian") {
        if (scale > 0) dev / scale - n else n * log(dev / n)
    } else dev / dispersion
    aic <- loglik + k * rank
    aic <- aic + (extractAIC(object, k = k)[2L] - aic[1L])
    dfs <- if (adding) rank - rank[1L] else rank[1L] - rank
    dfs[1L] <- NA
    aod <- data.frame(Df = dfs, Deviance = dev, AIC = aic,
                      row.names = c("<none>", labels), check.names = FALSE)
    if (scale > 0) aod <- aod[, c("Df", "Deviance")]
    if (test %in% c("Chisq", "LRT")) {
        d <- if (adding) pmax(0, loglik[1L] - loglik) else pmax(0, loglik - loglik[1L])
        d[1L] <- NA
        nas <- !is.na(d)
        aod[, if (dispersion == 1) "LRT" else "scaled dev."] <- d
        d[nas] <- pchisq(d[nas], aod$Df[nas], lower.tail = FALSE)
        aod[, "Pr(>Chi)"] <- d
    } else if (test == "F") {
        if (fam == "binomial" || fam == "poisson")
            warning(gettextf("F test assumes 'quasi%s' family", fam), domain = NA)
        if (adding) {
            rdev <- dev[1L] - dev
            rms <- dev / rdf
            fs <- (rdev / aod$Df) / rms
        } else {
            rdev <- pmax(0, dev - dev[1L])
            rms <- dev[1L] / rdf[1L]
            fs <- (rdev / aod$Df) / rms
        }
        fs[1L] <- NA
        nas <- !is.na(fs)
        aod[, "F value"] <- fs
        pf_ <- fs
        pf_[nas] <- pf(fs[nas], aod$Df[nas], if (adding) rdf[nas] else rdf[1L], lower.tail = FALSE)
        aod[, "Pr(>F)"] <- pf_
    }
    hd <- c(heading, "\nModel:", deparse(formula(object)))
    if (scale > 0) hd <- c(hd, paste("\nscale: ", format(scale), "\n"))
    attr(aod, "heading") <- hd
    class(aod) <- c("anova", "data.frame")
    aod
}

## drop1 for glm fits: each droppable term (or those in scope) removed in turn, with the
## deviance, AIC and optionally a likelihood-ratio ("Chisq"/"LRT") or F test.
.drop1_glm <- function(object, scope, scale = 0, test = c("none", "Rao", "LRT", "Chisq", "F"),
                       k = 2, ...) {
    test <- match.arg(test)
    if (test == "Rao") stop("test = \"Rao\" is not supported")
    labels <- attr(terms(object), "term.labels")
    if (missing(scope)) {
        scope <- factor.scope(attr(terms(object), "factors"), list(drop = numeric()))$drop
    } else if (!is.character(scope)) {
        scope <- attr(terms(update(formula(object), scope)), "term.labels")
    }
    fits <- lapply(scope, function(t) .glm_refit(object, paste("-", t)))
    dev <- c(object$deviance, vapply(fits, function(z) z[["deviance"]], 0))
    rank <- c(object$rank, vapply(fits, function(z) z[["rank"]], 0))
    rdf <- c(object$df.residual, vapply(fits, function(z) z[["rdf"]], 0))
    .glm_term_table(object, scope, dev, rank, rdf, scale, test, k,
                    "Single term deletions", FALSE)
}

## add1 for glm fits: each term of scope that may be added, in turn.
.add1_glm <- function(object, scope, scale = 0, test = c("none", "Rao", "LRT", "Chisq", "F"),
                      x = NULL, k = 2, ...) {
    test <- match.arg(test)
    if (test == "Rao") stop("test = \"Rao\" is not supported")
    if (missing(scope) || is.null(scope)) stop("no terms in scope")
    if (!is.character(scope)) {
        upper <- attr(terms(update(formula(object), scope)), "factors")
        scope <- factor.scope(attr(terms(object), "factors"), list(add = upper))$add
    }
    if (!length(scope)) stop("no terms in scope for adding to object")
    fits <- lapply(scope, function(t) .glm_refit(object, paste("+", t)))
    dev <- c(object$deviance, vapply(fits, function(z) z[["deviance"]], 0))
    rank <- c(object$rank, vapply(fits, function(z) z[["rank"]], 0))
    rdf <- c(object$df.residual, vapply(fits, function(z) z[["rdf"]], 0))
    .glm_term_table(object, scope, dev, rank, rdf, scale, test, k,
                    "Single term additions", TRUE)
}

## The coefficients of a linear model expanded to every level of its factors (the
## dropped levels shown as 0): a list by term, class "dummy_coef".
dummy.coef <- function(object, use.na = FALSE, ...) {
    if (inherits(object, "aovlist")) return(.dummy_coef_aovlist(object, use.na))
    if (!inherits(object, "lm")) stop("dummy.coef is implemented for \"lm\" fits")
    coef <- object$coefficients
    if (!length(object$xlevels)) return(as.list(coef))
    tt <- terms(object)
    int <- attr(tt, "intercept")
    asgn <- attr(model.matrix(object), "assign")
    if (!use.na) coef[is.na(coef)] <- 0
    res <- .dummy_coef_terms(coef, asgn, seq_along(attr(tt, "term.labels")), tt, model.frame(object), object$contrasts)
    if (int > 0) res <- c(list("(Intercept)" = coef[int]), res)
    structure(res, class = "dummy_coef", matrix = FALSE)
}

## The values of terms `which` (indices into the term labels of tt) at every combination
## of their factors' levels, from coefficients coef whose columns belong to terms asgn
## (internal to dummy.coef).
.dummy_coef_terms <- function(coef, asgn, which, tt, mf, contr) {
    tl <- attr(tt, "term.labels")
    facs <- attr(tt, "factors")[-1, , drop = FALSE]
    vars <- rownames(facs)
    lev <- lapply(vars, function(v) levels(mf[[v]]))
    names(lev) <- vars
    res <- list()
    for (j in which) {
        inj <- vars[facs[, j] > 0]
        fj <- inj[lengths(lev[inj]) > 1]
        # each factor's coding for this term: its contrasts, or indicators where the
        # term's margin is absent
        codes <- lapply(fj, function(v) {
            if (facs[v, j] == 1) {
                cm <- contrasts(mf[[v]])
                if (!is.null(contr[[v]]) && is.character(contr[[v]]))
                    cm <- get(contr[[v]])(lev[[v]])
                as.matrix(cm)
            } else diag(length(lev[[v]]))
        })
        grid <- if (length(fj)) as.matrix(expand.grid(lev[fj], KEEP.OUT.ATTRS = FALSE,
                                                       stringsAsFactors = FALSE))
        keep <- which(asgn == j)
        if (length(fj) == 0L) {
            vals <- sum(coef[keep])
            names(vals) <- tl[j]
        } else {
            vals <- apply(grid, 1L, function(g) {
                row <- 1
                for (i in seq_along(fj))
                    row <- kronecker(codes[[i]][match(g[[i]], lev[[fj[i]]]), ], row)
                sum(row * coef[keep])
            })
            names(vals) <- apply(grid, 1L, paste, collapse = ":")
        }
        res[[tl[j]]] <- vals
    }
    res
}

## Prints expanded coefficients: each term's levels over their values.
print.dummy_coef <- function(x, ..., title) {
    terms <- names(x)
    n <- length(x)
    width <- max(lengths(x))
    ans <- matrix("", 2L * n, width)
    rn <- character(2L * n)
    line <- 0L
    for (j in seq_len(n)) {
        this <- x[[j]]
        k <- length(this)
        if (k > 1) {
            line <- line + 2L
            ans[line - 1L, seq_len(k)] <- names(this)
            ans[line, seq_len(k)] <- format(this, ...)
            rn[line - 1L] <- paste0(terms[j], ":   ")
        } else {
            line <- line + 1L
            ans[line, seq_len(k)] <- format(this, ...)
            rn[line] <- paste0(terms[j], ":   ")
        }
    }
    ans <- ans[seq_len(line), , drop = FALSE]
    # right-justified columns
    for (k in seq_len(ncol(ans))) ans[, k] <- formatC(ans[, k], width = max(nchar(ans[, k])))
    dimnames(ans) <- list(rn[seq_len(line)], character(width))
    cat(if (missing(title)) "Full coefficients are" else title, "\n")
    print(ans, quote = FALSE, right = TRUE)
    invisible(x)
}

## Projections of the data onto the terms of a linear model (or aov): one column per term
## (and the residuals), with the degrees of freedom in attribute "df".
proj <- function(object, onedf = FALSE, unweighted.scale = FALSE, ...) {
    if (inherits(object, "aovlist")) return(.aovlist_proj(object, onedf))
    if (inherits(object, "mlm")) stop("'proj' is not implemented for multiple responses")
    if (!inherits(object, "lm")) stop("'proj' is implemented for \"lm\" and \"aov\" fits")
    if (is.null(object$qr)) stop("argument does not include a 'qr' component")
    if (is.null(object$effects)) stop("argument does not include an 'effects' component")
    rank <- object$rank
    Q <- qr.Q(object$qr)[, seq_len(rank), drop = FALSE]
    eff <- object$effects[seq_len(rank)]
    cols <- Q * rep(eff, each = nrow(Q))
    rn <- names(object$residuals)
    if (onedf) {
        result <- cols
        cn <- names(object$coefficients)[object$qr$pivot[seq_len(rank)]]
        dimnames(result) <- list(rn, cn)
        df <- rep.int(1, rank)
        names(df) <- cn
    } else {
        asgn <- object$assign[object$qr$pivot[seq_len(rank)]]
        uasgn <- unique(asgn)
        nm <- c("(Intercept)", attr(terms(object), "term.labels"))[1L + uasgn]
        result <- matrix(0, nrow(Q), length(uasgn), dimnames = list(rn, nm))
        df <- numeric(length(uasgn))
        for (i in seq_along(uasgn)) {
            sel <- asgn == uasgn[i]
            df[i] <- sum(sel)
            result[, i] <- rowSums(cols[, sel, drop = FALSE])
        }
        names(df) <- nm
    }
    if (object$df.residual > 0) {
        nm <- c(colnames(result), "Residuals")
        result <- cbind(result, object$residuals)
        df <- c(df, object$df.residual)
        names(df) <- nm
        dimnames(result) <- list(rn, nm)
    }
    attr(result, "df") <- df
    attr(result, "onedf") <- onedf
    result
}

## Weights given as a one-sided formula, evaluated in `data` (predict's newdata or the
## model frame).
.formula_weights <- function(f, data) {
    if (length(f) != 2L) stop("'weights' as formula should be one-sided")
    eval(f[[2L]], data, environment(f))
}
