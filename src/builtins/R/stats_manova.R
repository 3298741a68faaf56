# Multivariate analysis of variance: manova fits and their summary tables (Pillai, Wilks,
# Hotelling-Lawley, Roy), residual SSP matrices (SSD, estVar) and Mauchly's sphericity test.

## Multivariate analysis of variance: a linear model with a matrix response, of class
## c("manova", "maov", "aov", "mlm", "lm") (Error() strata give a list of them).
manova <- function(...) {
    cl <- fcall <- match.call()
    fcall[[1L]] <- if (.manova_has_error(cl)) quote(aov) else quote(lm)
    fit <- eval(fcall, parent.frame())
    if (inherits(fit, "aovlist")) {
        for (i in seq_along(fit)) {
            if (!inherits(fit[[i]], "mlm")) stop("need multiple responses")
            class(fit[[i]]) <- unique(c("manova", "maov", oldClass(fit[[i]])))
        }
        attr(fit, "call") <- cl
    } else {
        if (!inherits(fit, "mlm")) stop("need multiple responses")
        class(fit) <- c("manova", "maov", "aov", "mlm", "lm")
        fit$call <- cl
    }
    fit
}

## Whether the formula of a manova() call has an Error() term (internal).
.manova_has_error <- function(cl) {
    f <- cl[[2L]]
    is.call(f) && "Error" %in% all.names(f)
}

## The multivariate test statistic of eigenvalues eig (for q hypothesis and df.res residual
## degrees of freedom) with its F approximation: c(statistic, F, num df, den df).
.manova_stat <- function(test, eig, q, df.res) {
    p <- length(eig)
    switch(test,
        Pillai = {
            v <- sum(eig / (1 + eig))
            s <- min(p, q)
            a <- 2 * (0.5 * (abs(p - q) - 1)) + s + 1
            b <- 2 * (0.5 * (df.res - p - 1)) + s + 1
            c(v, (b / a * v) / (s - v), s * a, s * b)
        },
        Wilks = {
            v <- prod(1 / (1 + eig))
            a <- df.res - 0.5 * (p - q + 1)
            b <- (p * q - 2) / 4
            d <- p^2 + q^2 - 5
            d <- if (d > 0) sqrt(((p * q)^2 - 4) / d) else 1
            c(v, ((v^(-1 / d) - 1) * (a * d - 2 * b)) / p / q, p * q, a * d - 2 * b)
        },
        "Hotelling-Lawley" = {
            v <- sum(eig)
            s <- min(p, q)
            a <- 2 * (0.5 * (abs(p - q) - 1)) + s + 1
            b <- 2 * (s * (0.5 * (df.res - p - 1)) + 1)
            c(v, (b * v) / s / s / a, s * a, b)
        },
        Roy = {
            v <- max(eig)
            a <- max(p, q)
            b <- df.res - a + q
            c(v, (b * v) / a, a, b)
        })
}

## Summary of a manova fit: per-term SSP matrices, eigenvalues and the chosen test with its
## approximate F test.
summary.manova <- function(object, test = c("Pillai", "Wilks", "Hotelling-Lawley", "Roy"),
                           intercept = FALSE, tol = 1e-7, ...) {
    if (!inherits(object, "maov")) stop(gettextf("object must be of class %s or %s",
                                                 dQuote("manova"), dQuote("maov")))
    test <- match.arg(test)
    asgn <- object$assign[object$qr$pivot[seq_len(object$rank)]]
    terms <- unique(asgn)
    eff <- as.matrix(object$effects)[seq_along(asgn), , drop = FALSE]
    rdf <- object$df.residual
    labels <- c("(Intercept)", attr(object$terms, "term.labels"))
    res <- as.matrix(object$residuals)
    if (!is.null(object$weights)) res <- res * sqrt(object$weights)
    nresp <- ncol(res)
    if (nresp <= 1L) stop("need multiple responses")
    rows <- labels[1L + terms]
    df <- vapply(terms, function(t) sum(asgn == t), 0)
    ss <- lapply(terms, function(t) crossprod(eff[asgn == t, , drop = FALSE]))
    if (!intercept && (pm <- match("(Intercept)", rows, 0L)) > 0L) {
        rows <- rows[-pm]; df <- df[-pm]; ss <- ss[-pm]
    }
    names(ss) <- rows
    nh <- length(rows)
    if (rdf <= 0) {
        out <- list(row.names = rows, SS = ss, Df = df)
        class(out) <- "summary.manova"
        return(out)
    }
    rows <- c(rows, "Residuals")
    df <- c(df, rdf)
    ss[["Residuals"]] <- crossprod(res)
    eigs <- array(NA_real_, c(nh, nresp), dimnames = list(rows[seq_len(nh)], NULL))
    st <- matrix(NA_real_, nh + 1L, 5L, dimnames = list(rows, c(test, "approx F", "num Df", "den Df", "Pr(>F)")))
    sc <- sqrt(diag(ss[["Residuals"]]))
    rq <- qr(ss[["Residuals"]] / outer(sc, sc), tol = tol)
    if (rq$rank < nresp) stop(sprintf("residuals have rank %d < %d", rq$rank, nresp))
    for (i in seq_len(nh)[df[seq_len(nh)] > 0]) {
        A <- qr.coef(rq, ss[[i]] / outer(sc, sc))
        eigs[i, ] <- Re(eigen(A, symmetric = FALSE, only.values = TRUE)$values)
        st[i, 1:4] <- .manova_stat(test, eigs[i, ], df[i], rdf)
    }
    ok <- !is.na(st[, 2L]) & st[, 2L] >= 0 & st[, 3L] > 0 & st[, 4L] > 0
    st[ok, 5L] <- pf(st[ok, 2L], st[ok, 3L], st[ok, 4L], lower.tail = FALSE)
    out <- list(row.names = rows, SS = ss, Eigenvalues = eigs, stats = cbind(Df = df, st))
    class(out) <- "summary.manova"
    out
}

## Prints the test table of a manova summary as an analysis-of-variance table.
print.summary.manova <- function(x, digits = getOption("digits"), ...) {
    if (length(st <- x$stats)) {
        tab <- as.data.frame(st)
        class(tab) <- c("anova", "data.frame")
        print(tab)
    } else {
        cat("No error degrees of freedom\n\n")
        print(data.frame(Df = x$Df, row.names = x$row.names))
    }
    invisible(x)
}

## The residual sums of squares and products matrix of a multivariate linear model, with its
## degrees of freedom (class "SSD").
SSD <- function(object, ...) UseMethod("SSD")

## SSD() of an mlm fit.
SSD.mlm <- function(object, ...) {
    if (!is.null(object$weights)) stop("'mlm' objects with weights are not supported")
    S <- crossprod(object$residuals)
    if (!is.null(nm <- names(dimnames(object$residuals))) && nzchar(nm[2L]))
        names(dimnames(S)) <- c(nm[2L], nm[2L])
    structure(list(SSD = S, call = object$call, df = object$df.residual), class = "SSD")
}

## The estimated residual covariance matrix of a multivariate linear model.
estVar <- function(object, ...) UseMethod("estVar")

## estVar() of an SSD object: SSD over its degrees of freedom.
estVar.SSD <- function(object, ...) object$SSD / object$df

## estVar() of an mlm fit.
estVar.mlm <- function(object, ...) estVar(SSD(object))

## Mauchly's test that the covariance of a multivariate model, transformed by T (contrasts
## spanned by M and orthogonal to X), is proportional to Sigma.
mauchly.test <- function(object, ...) UseMethod("mauchly.test")

## mauchly.test() of an mlm fit (via its SSD).
mauchly.test.mlm <- function(object, ...) mauchly.test(SSD(object), ...)

## The rows of X spanning its row space (the first rank rows in pivot order).
.thin_rows <- function(X, tol = 1e-7) {
    q <- qr(t(X), tol = tol)
    X[q$pivot[seq_len(q$rank)], , drop = FALSE]
}

## The orthogonal projection onto the column space of X.
.col_projection <- function(X) {
    q <- qr(X)
    X <- X[, q$pivot[seq_len(q$rank)], drop = FALSE]
    if (ncol(X) == 0L) matrix(0, nrow(X), nrow(X)) else X %*% solve(crossprod(X), t(X))
}

## mauchly.test() of an SSD object.
mauchly.test.SSD <- function(object, Sigma = diag(nrow = p),
                             T = .thin_rows(.col_projection(M) - .col_projection(X)),
                             M = diag(nrow = p), X = ~0, idata = data.frame(index = seq_len(p)), ...) {
    p <- ncol(object$SSD)
    given.T <- !missing(T)
    Xgiven <- !missing(X)
    Mgiven <- !missing(M)
    X0 <- X
    M0 <- M
    if (!given.T) {
        if (inherits(M, "formula")) M <- model.matrix(M, idata)
        if (inherits(X, "formula")) X <- model.matrix(X, idata)
        if (qr(cbind(M, X))$rank != qr(M)$rank) stop("X does not define a subspace of M")
    }
    Psi <- T %*% Sigma %*% t(T)
    U <- solve(Psi, T %*% object$SSD %*% t(T))
    k <- nrow(T)
    n <- object$df
    logW <- log(det(U)) - k * log(sum(diag(U / k)))
    rho <- 1 - (2 * k^2 + k + 2) / (6 * k * n)
    w2 <- (k + 2) * (k - 1) * (k - 2) * (2 * k^3 + 6 * k^2 + 3 * p + 2) / (288 * (n * k * rho)^2)
    z <- -n * rho * logW
    f <- k * (k + 1) / 2 - 1
    P1 <- pchisq(z, f, lower.tail = FALSE)
    P2 <- pchisq(z, f + 4, lower.tail = FALSE)
    note <- if (given.T) {
        c("\nContrast matrix", apply(format(T), 1L, paste, collapse = " "))
    } else {
        c(if (Xgiven) c("\nContrasts orthogonal to",
                        if (is.matrix(X0)) apply(format(X), 2L, paste, collapse = " ") else deparse(formula(X0)),
                        ""),
          if (Mgiven) c("\nContrasts spanned by",
                        if (is.matrix(M0)) apply(format(M), 2L, paste, collapse = " ") else deparse(formula(M0)),
                        ""))
    }
    structure(list(statistic = c(W = exp(logW)), p.value = P1 + w2 * (P2 - P1),
                   method = c("Mauchly's test of sphericity", note),
                   data.name = paste("SSD matrix from", deparse(object$call), collapse = " ")),
              class = "htest")
}
