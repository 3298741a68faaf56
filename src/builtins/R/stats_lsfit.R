# Least-squares tools of R's stats package outside the model-formula world: lsfit with its
# diagnostics (ls.diag) and printed summary (ls.print), the bare .lm.fit, weighted residuals,
# and Tukey's resistant line.

## Least-squares fit of y (vector or matrix) on the columns of x, optionally weighted and with
## an intercept; returns coefficients, residuals, intercept and the QR decomposition (with qt).
lsfit <- function(x, y, wt = NULL, intercept = TRUE, tolerance = 1e-07, yname = NULL) {
    x <- as.matrix(x)
    y <- as.matrix(y)
    xnames <- colnames(x)
    if (is.null(xnames))
        xnames <- if (ncol(x) == 1L) "X" else paste0("X", seq_len(ncol(x)))
    if (intercept) {
        x <- cbind(1, x)
        xnames <- c("Intercept", xnames)
    }
    ny <- ncol(y)
    if (is.null(yname) && ny > 1L) yname <- paste0("Y", seq_len(ny))
    nobs <- nrow(x)
    if (nrow(y) != nobs) stop("'x' and 'y' do not have the same number of observations")
    if (!is.null(wt)) {
        if (any(wt < 0, na.rm = TRUE)) stop("negative weights not allowed")
        if (length(wt) != nobs) stop("number of weights must equal number of observations")
    }
    ok <- complete.cases(x, y, wt)
    if (!all(ok)) warning(sprintf("%d missing values deleted", sum(!ok)))
    xo <- x[ok, , drop = FALSE]
    yo <- y[ok, , drop = FALSE]
    if (!is.null(wt)) {
        sw <- sqrt(wt[ok])
        xo <- xo * sw
        yo <- yo * sw
    }
    if (nrow(xo) < ncol(xo)) warning(sprintf("%d observations but %d coefficients", nrow(xo), ncol(xo)))
    q <- qr(xo, tol = tolerance)
    if (q$rank < ncol(xo)) warning("'X' matrix was collinear")
    coef <- qr.coef(q, yo)
    coef[is.na(coef)] <- 0
    res <- qr.resid(q, yo)
    qt <- qr.qty(q, yo)
    if (!is.null(wt)) res <- res / sw
    resids <- matrix(NA_real_, nobs, ny)
    resids[ok, ] <- res
    qrm <- q$qr
    colnames(qrm) <- xnames
    if (ny == 1L && is.null(yname)) {
        coef <- drop(coef)
        names(coef) <- xnames
        resids <- drop(resids)
        qt <- drop(qt)
    } else {
        coef <- matrix(coef, ncol = ny, dimnames = list(xnames, yname))
        colnames(resids) <- yname
        qt <- matrix(qt, ncol = ny, dimnames = list(NULL, yname))
    }
    qrobj <- structure(list(qt = qt, qr = qrm, qraux = q$qraux, rank = q$rank,
                            pivot = q$pivot, tol = tolerance), class = "qr")
    out <- list(coefficients = coef, residuals = resids)
    if (!is.null(wt)) out$wt <- wt
    out$intercept <- intercept
    out$qr <- qrobj
    out
}

## Regression diagnostics of an lsfit() result: residual standard deviations, hat values,
## standardized and studentized residuals, Cook's distances, DFITS and coefficient covariances.
ls.diag <- function(ls.out) {
    r <- as.matrix(ls.out$residuals)
    nr <- nrow(r)
    xn <- colnames(ls.out$qr$qr)
    yn <- colnames(r)
    keep <- complete.cases(r, ls.out$wt)
    if (!all(keep)) {
        warning("missing observations deleted")
        r <- r[keep, , drop = FALSE]
    }
    if (!is.null(ls.out$wt)) {
        if (any(ls.out$wt[keep] == 0))
            warning("observations with 0 weight not used in calculating standard deviation")
        r <- r * sqrt(ls.out$wt[keep])
    }
    p <- ls.out$qr$rank
    n <- nrow(r)
    qq <- qr.qy(ls.out$qr, rbind(diag(p), matrix(0, n - p, p)))
    h <- rep.int(NA_real_, nr)
    h[keep] <- rowSums(as.matrix(qq^2))
    hk <- h[keep]
    s <- sqrt(colSums(r^2) / (n - p))
    smat <- matrix(s, nrow = n, ncol = ncol(r), byrow = TRUE)
    blank <- matrix(NA_real_, nr, ncol(r), dimnames = list(NULL, yn))
    std <- stu <- dfit <- cook <- blank
    std[keep, ] <- r / (sqrt(1 - hk) * smat)
    stu[keep, ] <- r / sqrt(1 - hk) / sqrt(((n - p) * smat^2 - r^2 / (1 - hk)) / (n - p - 1))
    dfit[keep, ] <- sqrt(hk / (1 - hk)) * stu[keep, ]
    cook[keep, ] <- std[keep, ]^2 * hk / (p * (1 - hk))
    if (ncol(r) == 1L && is.null(yn)) {
        std <- as.vector(std); stu <- as.vector(stu)
        dfit <- as.vector(dfit); cook <- as.vector(cook)
    }
    R <- as.matrix(ls.out$qr$qr[seq_len(p), seq_len(p)])
    R[lower.tri(R)] <- 0
    cu <- tcrossprod(solve(R))
    dimnames(cu) <- list(xn, xn)
    cs <- sum(s^2) * cu
    d <- sqrt(diag(cs))
    se <- outer(sqrt(diag(cu)), s)
    dimnames(se) <- list(xn, yn)
    list(std.dev = s, hat = h, std.res = std, stud.res = stu, cooks = cook, dfits = dfit,
         correlation = cs / outer(d, d), std.err = se, cov.scaled = cs, cov.unscaled = cu)
}

## Prints (and invisibly returns) the summary and coefficient tables of an lsfit() result.
ls.print <- function(ls.out, digits = 4L, print.it = TRUE) {
    r <- as.matrix(ls.out$residuals)
    if (!is.null(ls.out$wt)) {
        if (any(ls.out$wt == 0)) warning("observations with 0 weights not used")
        r <- r * sqrt(ls.out$wt)
    }
    n <- colSums(!is.na(r))
    q <- ls.out$qr
    p <- q$rank
    qt <- as.matrix(q$qt)
    if (ls.out$intercept) {
        tss <- colSums(qt[-1L, , drop = FALSE]^2)
        df1 <- p - 1
    } else {
        tss <- colSums(qt^2)
        df1 <- p
    }
    rss <- colSums(r^2, na.rm = TRUE)
    df2 <- n - p
    rse <- sqrt(rss / df2)
    rsq <- (tss - rss) / tss
    fval <- ((tss - rss) / df1) / (rss / df2)
    pval <- pf(fval, df1, df2, lower.tail = FALSE)
    yn <- colnames(r)
    fr <- function(v) format(round(v, digits))
    summ <- cbind(fr(rse), fr(rsq), fr(fval), format(df1), format(df2), fr(pval))
    dimnames(summ) <- list(yn, c("Mean Sum Sq", "R Squared", "F-value", "Df 1", "Df 2", "Pr(>F)"))
    R <- as.matrix(q$qr[seq_len(p), seq_len(p)])
    R[lower.tri(R)] <- 0
    uv <- diag(tcrossprod(solve(R)))
    ny <- ncol(r)
    cf <- if (ny == 1L) matrix(ls.out$coefficients, ncol = 1L) else ls.out$coefficients
    tabs <- vector("list", ny)
    for (i in seq_len(ny)) {
        se <- sqrt(rss[i] / df2[i] * uv)
        tv <- cf[, i] / se
        tab <- cbind(cf[, i], se, tv, 2 * pt(abs(tv), df2[i], lower.tail = FALSE), deparse.level = 0L)
        dimnames(tab) <- list(colnames(q$qr), c("Estimate", "Std.Err", "t-value", "Pr(>|t|)"))
        tabs[[i]] <- tab
        if (print.it) {
            if (ny > 1L) cat("Response:", yn[i], "\n\n")
            cat("Residual Standard Error=", fr(rse[i]), "\nR-Square=", fr(rsq[i]),
                "\nF-statistic (df=", format(df1), ", ", format(df2[i]), ")=", fr(fval[i]),
                "\np-value=", fr(pval[i]), "\n\n", sep = "")
            print(round(tab, digits))
            cat("\n\n")
        }
    }
    names(tabs) <- yn
    invisible(list(summary = summ, coef.table = tabs))
}

## The bare least-squares fit behind lm(): x must be a numeric matrix; returns the QR pieces,
## coefficients, residuals and effects without names or classes.
.lm.fit <- function(x, y, tol = 1e-07) {
    if (!is.matrix(x)) stop("'x' is not a matrix")
    if (NROW(y) != nrow(x)) stop("dimensions of 'x' and 'y' do not match")
    q <- qr(x, tol = tol)
    cf <- qr.coef(q, y)
    cf[is.na(cf)] <- 0
    cf <- unname(cf)
    res <- unname(qr.resid(q, y))
    eff <- unname(qr.qty(q, y))
    qrm <- q$qr
    dimnames(qrm) <- NULL
    list(qr = qrm, coefficients = cf, residuals = res, effects = eff, rank = q$rank,
         pivot = q$pivot, qraux = q$qraux, tol = tol, pivoted = !identical(q$pivot, seq_len(ncol(x))))
}

## Residuals of a fitted model times the square roots of its weights (zero-weight cases dropped
## when drop0 is TRUE).
weighted.residuals <- function(obj, drop0 = TRUE) {
    glm <- inherits(obj, "glm")
    w <- if (glm) obj$prior.weights else obj$weights
    r <- if (glm) residuals(obj, type = "deviance")
         else if (is.null(w)) residuals(obj) else residuals(obj) * sqrt(w)
    if (drop0 && !is.null(w)) {
        if (is.matrix(r)) r[w != 0, , drop = FALSE] else r[w != 0]
    } else r
}

## Tukey's resistant line through (x, y): slope and intercept from the medians of the outer
## thirds, refined iteratively; returns call, coefficients, residuals and fitted values.
line <- function(x, y = NULL, iter = 1) {
    xy <- xy.coords(x, y, setLab = FALSE)
    ok <- complete.cases(xy$x, xy$y)
    x <- as.double(xy$x[ok])
    y <- as.double(xy$y[ok])
    n <- length(x)
    if (n < 2L) stop("insufficient observations")
    s <- sort(x)
    mid <- function(v, p) {
        h <- (length(v) - 1) * p
        0.5 * (v[floor(h) + 1] + v[ceiling(h) + 1])
    }
    lo <- mid(s, 1 / 3)
    hi <- mid(s, 2 / 3)
    left <- x <= lo
    right <- x >= hi
    xl <- median(x[left])
    xr <- median(x[right])
    slope <- 0
    w <- y
    for (j in seq_len(iter)) {
        slope <- slope + (median(w[right]) - median(w[left])) / (xr - xl)
        w <- y - slope * x
    }
    a <- median(w)
    fit <- a + slope * x
    z <- list(coefficients = c(a, slope), residuals = y - fit, fitted.values = fit)
    structure(list(call = sys.call(), coefficients = z$coefficients,
                   residuals = z$residuals, fitted.values = z$fitted.values), class = "tukeyline")
}

## Prints a Tukey resistant line: its call and coefficients.
print.tukeyline <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
    cat("\nCall:\n", deparse(x$call), "\n\n", sep = "")
    cat("Coefficients:\n")
    print.default(format(x$coefficients, digits = digits), print.gap = 2L, quote = FALSE)
    cat("\n")
    invisible(x)
}
