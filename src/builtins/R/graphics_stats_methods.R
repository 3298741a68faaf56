# plot() methods for objects of stats: spectra, autocorrelations, isotonic regressions.

## A spectrum estimate against frequency (log scale by default), with the confidence-interval cross at the top right;
## plot.type "coherency" / "phase" plot the squared coherencies or phases of a multivariate estimate.
plot.spec <- function(x, add = FALSE, ci = 0.95, log = c("yes", "dB", "no"), xlab = "frequency", ylab = NULL, type = "l", ci.col = "blue", ci.lty = 3, main = NULL, sub = NULL, plot.type = c("marginal", "coherency", "phase"), ...) {
    plot.type <- match.arg(plot.type)
    if (is.logical(log)) log <- if (log) "yes" else "no"
    log <- match.arg(log)
    if (plot.type != "marginal")
        return(.plot_spec_pairs(x, plot.type, ci = ci, xlab = xlab, ylab = ylab, type = type, main = main, ci.col = ci.col, ci.lty = ci.lty, ...))
    if (is.null(ylab)) ylab <- if (log == "dB") "spectrum (dB)" else "spectrum"
    if (log == "dB") x$spec <- 10 * log10(x$spec)
    if (add) {
        matplot(x$freq, x$spec, type = type, add = TRUE, ...)
        return(invisible(x))
    }
    matplot(x$freq, x$spec, xlab = xlab, ylab = ylab, type = type, log = if (log == "yes") "y" else "", ...)
    ci.text <- ""
    if (ci > 0 && is.numeric(x$df) && log != "no") {
        if (ci >= 1) stop("coverage probability out of range [0,1)")
        # the chi-squared interval of a spectrum estimate with df degrees of freedom, as factors
        tl <- 1 - ci
        q <- c(1 - tl * pchisq(x$df, x$df, lower.tail = FALSE), tl * pchisq(x$df, x$df))
        lim <- x$df / qchisq(q, x$df)
        cx <- max(x$freq) - x$bandwidth
        bar <- cx + c(-0.5, 0.5) * x$bandwidth
        if (log == "dB") {
            lim <- 10 * log10(lim)
            cy <- max(x$spec) - lim[2L]
            lines(c(cx, cx), cy + lim, col = ci.col)
            ci.text <- paste0(", ", round(100 * ci, 2), "% C.I. is (", paste(format(lim, digits = 3), collapse = ","), ")dB")
        } else {
            cy <- max(x$spec) / lim[2L]
            lines(c(cx, cx), cy * lim, col = ci.col)
        }
        lines(bar, c(cy, cy), col = ci.col)
    }
    if (is.null(main))
        main <- paste(if (is.null(x$series)) "from specified model" else paste("Series:", x$series), x$method, sep = "\n")
    if (is.null(sub) && is.numeric(x$bandwidth)) sub <- paste0("bandwidth = ", format(x$bandwidth, digits = 3), ci.text)
    title(main = main, sub = sub)
    invisible(x)
}

## The squared coherency (with its confidence band) or the phase of each pair of series of a multivariate spectrum,
## one panel per pair (a triangle of panels for more than two series).
.plot_spec_pairs <- function(x, what, ci, xlab, ylab, type, main, ci.col, ci.lty, ...) {
    nser <- NCOL(x$spec)
    if (nser < 2L) stop("coherency and phase need a multivariate spectrum")
    coh <- what == "coherency"
    vals <- as.matrix(if (coh) x$coh else x$phase)
    if (is.null(ylab)) ylab <- if (coh) "squared coherency" else "phase"
    if (is.null(main)) main <- paste(paste("Series:", x$series), if (coh) "Squared Coherency" else "Phase spectrum", sep = " --  ")
    z <- -qnorm((1 - ci) / 2)
    se <- sqrt(1 / x$df)
    panel <- function(k, ...) {
        v <- vals[, k]
        if (coh) {
            plot(x$freq, v, type = type, xlab = xlab, ylab = ylab, ylim = c(0, 1), ...)
            r <- pmin(0.99999, sqrt(v))
            lines(x$freq, tanh(0.5 * log((1 + r) / (1 - r)) + z * se)^2, lty = ci.lty, col = ci.col)
            lines(x$freq, pmax(0, tanh(0.5 * log((1 + r) / (1 - r)) - z * se))^2, lty = ci.lty, col = ci.col)
        } else {
            plot(x$freq, v, type = type, xlab = xlab, ylab = ylab, ylim = c(-pi, pi), ...)
            g <- 2 / x$df
            band <- asin(pmin(0.9999, qt(ci, x$df - 2) * sqrt(g * (1 / as.matrix(x$coh)[, k] - 1) / (2 * (1 - g)))))
            lines(x$freq, v + band, lty = ci.lty, col = ci.col)
            lines(x$freq, v - band, lty = ci.lty, col = ci.col)
        }
    }
    if (nser == 2L) {
        panel(1L, ...)
        title(main)
        return(invisible(x))
    }
    op <- par(mfrow = c(nser - 1L, nser - 1L), mar = c(1.5, 1.5, 0.5, 0.5), oma = c(4, 4, 6, 4))
    on.exit(par(op))
    for (j in 2:nser) for (i in seq_len(j - 1L)) {
        par(mfg = c(j - 1L, i, nser - 1L, nser - 1L))
        panel(i + (j - 1L) * (j - 2L) / 2, ...)
    }
    mtext(main, 3, 3, outer = TRUE, cex = par("cex.main"), font = par("font.main"))
    invisible(x)
}

## Autocorrelations as vertical bars by lag with the white-noise (or MA) confidence limits; a matrix of panels
## (auto- and cross-correlations) for a multivariate series.
plot.acf <- function(x, ci = 0.95, type = "h", xlab = "Lag", ylab = NULL, ylim = NULL, main = NULL, ci.col = "blue", ci.type = c("white", "ma"), max.mfrow = 6, ask = FALSE, mar = if (nser > 2) c(3, 2, 2, 0.8) else par("mar"), oma = if (nser > 2) c(1, 1.2, 1, 1) else par("oma"), mgp = if (nser > 2) c(1.5, 0.6, 0) else par("mgp"), xpd = par("xpd"), cex.main = if (nser > 2) 1 else par("cex.main"), verbose = FALSE, ...) {
    ci.type <- match.arg(ci.type)
    nser <- ncol(x$lag)
    if (is.null(ylab)) ylab <- switch(x$type, correlation = "ACF", covariance = "ACF (cov)", partial = "Partial ACF")
    snames <- if (is.null(x$snames)) paste("Series ", if (nser == 1L) x$series else seq_len(nser)) else x$snames
    with.ci <- ci > 0 && x$type != "covariance"
    ma <- with.ci && ci.type == "ma" && x$type == "correlation" && x$lag[1L, 1L, 1L] == 0
    clim0 <- if (with.ci) qnorm((1 + ci) / 2) / sqrt(x$n.used) else 0
    climit <- function(i, j) if (ma && i == j) clim0 * sqrt(cumsum(c(1, 2 * x$acf[-1L, i, i]^2))) else clim0
    if (nser > 1L) {
        op <- par(mfrow = rep(nser, 2L), mar = mar, oma = oma, mgp = mgp, xpd = xpd, cex.main = cex.main)
        on.exit(par(op))
    }
    if (is.null(ylim)) {
        ylim <- range(x$acf[, seq_len(nser), seq_len(nser)], na.rm = TRUE)
        if (with.ci) for (i in seq_len(nser)) ylim <- range(ylim, climit(i, i), -climit(i, i))
    }
    short <- if (nser > 2L) abbreviate(snames) else snames
    for (i in seq_len(nser)) for (j in seq_len(nser)) {
        plot(x$lag[, i, j], x$acf[, i, j], type = type, xlab = xlab, ylab = if (j == 1L) ylab else "", ylim = ylim, ...)
        abline(h = 0)
        cl <- climit(i, j)
        if (with.ci && length(cl) == 1L) abline(h = c(cl, -cl), col = ci.col, lty = 2)
        else if (with.ci) {
            cl <- cl[-length(cl)]
            lines(x$lag[-1L, i, j], cl, col = ci.col, lty = 2)
            lines(x$lag[-1L, i, j], -cl, col = ci.col, lty = 2)
        }
        title(if (!is.null(main)) main else if (i == j) snames[i] else paste(short[i], "&", short[j]), line = if (nser > 2L) 1 else 2)
    }
    invisible()
}

## An isotonic regression: the data, the fitted step function and its knots; with plot.type "row.wise"/"col.wise"
## a second panel shows the cumulative data and their greatest convex minorant.
plot.isoreg <- function(x, plot.type = c("single", "row.wise", "col.wise"), main = paste("Isotonic regression", deparse(x$call)), main2 = "Cumulative Data and Convex Minorant", xlab = "x0", ylab = "x$y", par.fit = list(col = "red", cex = 1.5, pch = 13, lwd = 1.5), mar = if (both) 0.1 + c(3.5, 2.5, 1, 1) else par("mar"), mgp = if (both) c(1.6, 0.7, 0) else par("mgp"), grid = length(x$x) < 12L, ...) {
    plot.type <- match.arg(plot.type)
    both <- plot.type != "single"
    op <- if (both) par(mfcol = if (plot.type == "col.wise") c(1L, 2L) else c(2L, 1L), oma = c(0, 0, if (is.null(main)) 0 else 2, 0), mar = mar, mgp = mgp)
          else par(mar = mar, mgp = mgp)
    on.exit(par(op))
    xs <- if (x$isOrd) x$x else x$x[x$ord]
    ys <- if (x$isOrd) x$y else x$y[x$ord]
    # one position before the first, where the cumulative sums start at 0
    x0 <- c(xs[1L] - mean(diff(xs)), xs)
    knots <- x$iKnots
    plot(x0, c(NA, ys), ..., xlab = xlab, ylab = ylab, main = if (!both) main)
    lines(x, col = par.fit$col, lwd = par.fit$lwd, do.points = TRUE, cex = par.fit$cex, pch = par.fit$pch)
    if (grid) grid()
    if (both) {
        cum <- x$yc
        gcm <- cumsum(c(0, x$yf))
        plot(x0, cum, type = "n", xlab = xlab, ylab = paste0("cumsum(", ylab, ")"), ylim = range(cum, gcm), ...)
        lines(x0, gcm, col = par.fit$col, lwd = par.fit$lwd)
        points(x0[knots + 1L], cum[knots + 1L], col = par.fit$col, cex = par.fit$cex, pch = par.fit$pch)
        if (grid) abline(v = x0[knots + 1L], col = "lightgray", lty = "dotted", xpd = plot.type != "col.wise")
        points(xs, cum[-1L])
        if (!is.null(main2)) mtext(main2, cex = par("cex.main"), col = par("col.main"), font = par("font.main"))
        if (!is.null(main)) mtext(main, side = 3, outer = TRUE, cex = par("cex.main"), col = par("col.main"), font = par("font.main"))
    }
    invisible()
}

## Adds an isotonic regression's fitted step function (and with do.points its knots) to a plot.
lines.isoreg <- function(x, col = "red", lwd = 1.5, do.points = FALSE, cex = 1.5, pch = 13, ...) {
    xs <- if (x$isOrd) x$x else x$x[x$ord]
    lines(xs, x$yf, col = col, lwd = lwd, type = "S")
    if (do.points) points(xs[x$iKnots], x$yf[x$iKnots], col = col, cex = cex, pch = pch)
    invisible()
}
