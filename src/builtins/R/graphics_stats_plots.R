## A classical decomposition: the observed series, trend, seasonal and random parts in four panels.
plot.decomposed.ts <- function(x, ...) {
    xx <- x$x
    if (is.null(xx)) xx <- if (x$type == "additive") x$random + x$trend + x$seasonal else x$random * x$trend * x$seasonal
    plot(cbind(observed = xx, trend = x$trend, seasonal = x$seasonal, random = x$random), main = paste("Decomposition of", x$type, "time series"), ...)
}

## A Holt-Winters fit: the observed series with the filtered values, and optionally predictions with their intervals.
plot.HoltWinters <- function(x, predicted.values = NA, intervals = TRUE, separator = TRUE, col = 1, col.predicted = 2, col.intervals = 4, col.separator = 1, lty = 1, lty.predicted = 1, lty.intervals = 1, lty.separator = 3, ylab = "Observed / Fitted", main = "Holt-Winters filtering", ylim = NULL, ...) {
    obs <- x$x
    fit <- x$fitted[, 1L]
    pv <- predicted.values
    has.pred <- !identical(pv, NA) && !is.null(pv)
    pfit <- if (has.pred) (if (is.matrix(pv)) pv[, 1L] else pv)
    if (is.null(ylim)) ylim <- range(na.omit(c(obs, fit, if (has.pred) (if (intervals && is.matrix(pv)) c(pv) else pfit))))
    tt <- time(obs)
    xlim <- range(tt, if (has.pred) time(pv))
    plot.default(tt, as.numeric(obs), type = "l", xlim = xlim, ylim = ylim, ylab = ylab, xlab = "Time", main = main, col = col, lty = lty, ...)
    lines(time(fit), as.numeric(fit), col = col.predicted, lty = lty.predicted)
    if (has.pred) {
        tp <- time(pv)
        lines(tp, as.numeric(pfit), col = col.predicted, lty = lty.predicted)
        if (intervals && is.matrix(pv) && ncol(pv) >= 3L) {
            lines(tp, as.numeric(pv[, "upr"]), col = col.intervals, lty = lty.intervals)
            lines(tp, as.numeric(pv[, "lwr"]), col = col.intervals, lty = lty.intervals)
        }
        if (separator) abline(v = max(tt), lty = lty.separator, col = col.separator)
    }
    invisible()
}

## An STL decomposition: the data, seasonal, trend and remainder panels, with bars of equal data length at the right.
plot.stl <- function(x, labels = colnames(X), set.pars = list(mar = c(0, 6, 0, 6), oma = c(6, 0, 4, 0), tck = -0.01, mfrow = c(nplot, 1)), main = NULL, range.bars = TRUE, ..., col.range = "light gray") {
    sers <- x$time.series
    ncomp <- ncol(sers)
    data <- drop(sers %*% rep(1, ncomp))
    X <- cbind(data, sers)
    colnames(X) <- c("data", colnames(sers))
    nplot <- ncomp + 1
    tt <- as.numeric(time(sers))
    if (range.bars) mx <- min(apply(rx <- apply(X, 2, range), 2, diff))
    if (length(set.pars)) {
        oldpar <- do.call("par", as.list(names(set.pars)))
        on.exit(par(oldpar))
        do.call("par", set.pars)
    }
    for (i in 1L:nplot) {
        plot(tt, X[, i], type = if (i < nplot) "l" else "h", xlab = "", ylab = "", axes = FALSE, ...)
        if (range.bars) {
            dx <- 1/64 * diff(ux <- par("usr")[1:2])
            y <- mean(rx[, i])
            rect(ux[2L] - dx, y + mx/2, ux[2L] - 0.4 * dx, y - mx/2, col = col.range, xpd = TRUE)
        }
        if (i == 1 && !is.null(main)) title(main, line = 2, outer = par("oma")[3L] > 0)
        if (i == nplot) abline(h = 0)
        box()
        right <- i %% 2 == 0
        axis(2, labels = !right)
        axis(4, labels = right)
        axis(1, labels = i == nplot)
        mtext(labels[i], side = 2, 3)
    }
    mtext("time", side = 1, line = 3)
    invisible()
}

## A smoothing kernel: its weights W[k] against k = -m..m as vertical lines.
plot.tskernel <- function(x, type = "h", xlab = "k", ylab = "W[k]", main = attr(x, "name"), ...) {
    i <- -x$m:x$m
    plot(i, x$coef[abs(i) + 1L], type = type, xlab = xlab, ylab = ylab, main = main, ...)
}

## Adds the bars of a "histogram" object to the current plot.
lines.histogram <- function(x, ...) plot.histogram(x, ..., add = TRUE)

## Adds a step function's steps to the current plot.
lines.stepfun <- function(x, ...) plot.stepfun(x, add = TRUE, ...)

## Seasonal sub-series plots (generic): one sub-series per season with its mean as a horizontal line.
monthplot <- function(x, ...) UseMethod("monthplot")

## The seasonal (or trend or remainder) component of an STL fit by season.
monthplot.stl <- function(x, labels = NULL, ylab = choice, choice = "seasonal", ...) monthplot(x$time.series[, choice], labels = labels, ylab = ylab, ...)

## A component of a structural time-series fit by season.
monthplot.StructTS <- function(x, labels = NULL, ylab = choice, choice = c("level", "slope", "sea"), ...) {
    choice <- match.arg(choice)
    monthplot(fitted(x)[, choice], labels = labels, ylab = ylab, ...)
}

## A time series by season (month names for monthly series, quarters for quarterly ones).
monthplot.ts <- function(x, labels = NULL, times = time(x), phase = cycle(x), ylab = deparse1(substitute(x)), ...) {
    if (is.null(labels)) {
        f <- frequency(x)
        labels <- if (!missing(phase)) NULL else if (f == 12) month.abb else if (f == 4) c("Q1", "Q2", "Q3", "Q4") else seq_len(f)
    }
    monthplot.default(x, labels = labels, times = times, phase = phase, ylab = ylab, ...)
}

## Sub-series of x by phase: each season's values over time side by side, a line at base() of each.
monthplot.default <- function(x, labels = 1L:12L, ylab = deparse1(substitute(x)), times = seq_along(x), phase = (times - 1L) %% length(labels) + 1L, base = mean, axes = TRUE, type = c("l", "h"), box = TRUE, add = FALSE, col = par("col"), lty = par("lty"), lwd = par("lwd"), col.base = col, lty.base = lty, lwd.base = lwd, ...) {
    type <- match.arg(type)
    x <- as.numeric(x); times <- as.numeric(times); phase <- as.integer(phase)
    if (is.null(labels)) labels <- sort(unique(phase))
    np <- length(labels)
    if (length(phase) != length(x)) stop("'phase' and 'x' must have the same length")
    f <- 0.9 / 2
    ran <- range(times, na.rm = TRUE)
    span <- if (diff(ran) > 0) diff(ran) else 1
    pos <- phase - f + 2 * f * (times - ran[1L]) / span
    if (!add) {
        plot(pos, x, type = "n", xlim = c(0.55, np + 0.45), axes = FALSE, xlab = "", ylab = ylab, ...)
        if (axes) { axis(1, at = seq_len(np), labels = labels, ...); axis(2, ...) }
        if (box) box()
    }
    for (k in seq_len(np)) {
        sel <- phase == k
        if (!any(sel)) next
        o <- order(pos[sel])
        if (type == "h") segments(pos[sel], base(x[sel]), pos[sel], x[sel], col = col, lty = lty, lwd = lwd)
        else lines(pos[sel][o], x[sel][o], col = col, lty = lty, lwd = lwd)
        b <- base(x[sel], na.rm = TRUE)
        segments(k - f, b, k + f, b, col = col.base, lty = lty.base, lwd = lwd.base)
    }
    invisible()
}

## Biplots (generic): observations and variables of a two-dimensional representation on one plot.
biplot <- function(x, ...) UseMethod("biplot")

## Two sets of points: the rows of x as labels on the bottom/left axes, the rows of y as arrows on the top/right axes.
biplot.default <- function(x, y, var.axes = TRUE, col, cex = rep(par("cex"), 2), xlabs = NULL, ylabs = NULL, expand = 1, xlim = NULL, ylim = NULL, arrow.len = 0.1, main = NULL, sub = NULL, xlab = NULL, ylab = NULL, ...) {
    n <- nrow(x); p <- nrow(y)
    if (is.null(xlabs)) { xlabs <- rownames(x); if (is.null(xlabs)) xlabs <- seq_len(n) }
    xlabs <- as.character(xlabs)
    if (is.null(ylabs)) { ylabs <- rownames(y); if (is.null(ylabs)) ylabs <- paste("Var", seq_len(p)) }
    ylabs <- as.character(ylabs)
    if (length(cex) == 1L) cex <- c(cex, cex)
    if (missing(col)) { col <- par("col"); if (!is.numeric(col)) col <- match(col, palette(), nomatch = 1L); col <- c(col, col + 1L) }
    else if (length(col) == 1L) col <- c(col, col)
    unsigned.range <- function(v) c(-abs(min(v, na.rm = TRUE)), abs(max(v, na.rm = TRUE)))
    rangx1 <- unsigned.range(x[, 1L]); rangx2 <- unsigned.range(x[, 2L])
    rangy1 <- unsigned.range(y[, 1L]); rangy2 <- unsigned.range(y[, 2L])
    if (is.null(xlim) && is.null(ylim)) xlim <- ylim <- rangx1 <- rangx2 <- range(rangx1, rangx2)
    else if (is.null(xlim)) xlim <- rangx1
    else if (is.null(ylim)) ylim <- rangx2
    ratio <- max(rangy1 / rangx1, rangy2 / rangx2) / expand
    op <- par(pty = "s")
    on.exit(par(op))
    if (!is.null(main)) op <- c(op, par(mar = par("mar") + c(0, 0, 1, 0)))
    if (is.null(xlab)) xlab <- colnames(x)[1L]
    if (is.null(ylab)) ylab <- colnames(x)[2L]
    plot(x[, 1L], x[, 2L], type = "n", xlim = xlim, ylim = ylim, col = col[1L], xlab = xlab, ylab = ylab, sub = sub, main = main, ...)
    text(x[, 1L], x[, 2L], xlabs, cex = cex[1L], col = col[1L])
    par(new = TRUE)
    plot(y[, 1L], y[, 2L], axes = FALSE, type = "n", xlim = xlim * ratio, ylim = ylim * ratio, xlab = "", ylab = "", col = col[1L])
    axis(3, col = col[2L], col.axis = col[2L])
    axis(4, col = col[2L], col.axis = col[2L])
    box(col = col[1L])
    text(y[, 1L], y[, 2L], labels = ylabs, cex = cex[2L], col = col[2L])
    if (var.axes) arrows(0, 0, y[, 1L] * 0.8, y[, 2L] * 0.8, col = col[2L], length = arrow.len)
    invisible()
}

## The biplot of a principal components fit: scores scaled by the standard deviations to the power scale, loadings inversely.
biplot.prcomp <- function(x, choices = 1L:2L, scale = 1, pc.biplot = FALSE, ...) {
    if (length(choices) != 2L) stop("length of choices must be 2")
    if (!length(scores <- x$x)) stop(gettextf("object '%s' has no scores", deparse1(substitute(x))), domain = NA)
    if (is.complex(scores)) stop("biplots are not defined for complex PCA")
    lam <- x$sdev[choices]
    n <- NROW(scores)
    lam <- lam * sqrt(n)
    if (scale < 0 || scale > 1) warning("'scale' is outside [0, 1]")
    lam <- if (scale != 0) lam^scale else 1
    if (pc.biplot) lam <- lam / sqrt(n)
    biplot.default(t(t(scores[, choices]) / lam), t(t(x$rotation[, choices]) * lam), ...)
    invisible()
}

## The biplot of a princomp fit (as biplot.prcomp, from its scores and loadings).
biplot.princomp <- function(x, choices = 1L:2L, scale = 1, pc.biplot = FALSE, ...) {
    if (length(choices) != 2L) stop("length of choices must be 2")
    if (!length(scores <- x$scores)) stop(gettextf("object '%s' has no scores", deparse1(substitute(x))), domain = NA)
    lam <- x$sdev[choices]
    n <- if (is.null(n <- x$n.obs)) 1 else n
    lam <- lam * sqrt(n)
    if (scale < 0 || scale > 1) warning("'scale' is outside [0, 1]")
    lam <- if (scale != 0) lam^scale else 1
    if (pc.biplot) lam <- lam / sqrt(n)
    biplot.default(t(t(scores[, choices]) / lam), t(t(unclass(x$loadings)[, choices]) * lam), ...)
    invisible()
}

## The mean (or fun) of a response for each combination of two factors, one line per level of the trace factor.
interaction.plot <- function(x.factor, trace.factor, response, fun = mean, type = c("l", "p", "b", "o", "c"), legend = TRUE, trace.label = deparse1(substitute(trace.factor)), fixed = FALSE, xlab = deparse1(substitute(x.factor)), ylab = ylabel, ylim = range(cells, na.rm = TRUE), lty = nc:1, col = 1, pch = c(1L:9, 0, letters), xpd = NULL, leg.bg = par("bg"), leg.bty = "n", xtick = FALSE, xaxt = par("xaxt"), axes = TRUE, ...) {
    ylabel <- paste(deparse1(substitute(fun)), "of ", deparse1(substitute(response)))
    type <- match.arg(type)
    x.factor <- as.factor(x.factor); trace.factor <- as.factor(trace.factor)
    cells <- tapply(response, list(x.factor, trace.factor), fun)
    nr <- nrow(cells); nc <- ncol(cells)
    xvals <- 1L:nr
    if (is.ordered(x.factor)) {
        xnm <- suppressWarnings(as.numeric(levels(x.factor)))
        if (!anyNA(xnm)) xvals <- xnm
    }
    xlabs <- rownames(cells)
    ylabs <- colnames(cells)
    nch <- max(sapply(ylabs, nchar, type = "width"))
    if (is.null(xlabs)) xlabs <- as.character(xvals)
    if (is.null(ylabs)) ylabs <- as.character(1L:nc)
    xlim <- range(xvals)
    xleg <- xlim[2L] + 0.05 * diff(xlim)
    xlim <- xlim + c(-0.2 / nr, if (legend) 0.2 + 0.02 * nch else 0.2 / nr) * diff(xlim)
    dev.hold(); on.exit(dev.flush())
    matplot(xvals, cells, ..., type = type, xlim = xlim, ylim = ylim, xlab = xlab, ylab = ylab, axes = axes, xaxt = "n", col = col, lty = lty, pch = pch)
    if (axes && xaxt != "n") {
        axisInt <- function(x, main, sub, lwd, bg, log, asp, ...) axis(1, x, ...)
        mgp. <- par("mgp")
        if (!xtick) mgp.[2L] <- 0
        axisInt(1, at = xvals, labels = xlabs, tick = xtick, mgp = mgp., xaxt = xaxt, ...)
    }
    if (legend) {
        yrng <- diff(ylim)
        yleg <- ylim[2L] - 0.1 * yrng
        if (!is.null(xpd) || { xpd. <- par("xpd"); !is.na(xpd.) && !xpd. && (xpd <- TRUE) }) {
            op <- par(xpd = xpd)
            on.exit(par(op), add = TRUE)
        }
        ord <- if (fixed) seq_len(nc) else sort.list(cells[nr, ], decreasing = TRUE)
        lty <- rep_len(lty, nc)[ord]; col <- rep_len(col, nc)[ord]; pch <- rep_len(pch, nc)[ord]
        legend(xleg, yleg, legend = ylabs[ord], title = trace.label, col = col, lty = if (type %in% c("l", "b", "o", "c")) lty, pch = if (type %in% c("b", "o", "p")) pch, bty = leg.bty, bg = leg.bg)
    }
    invisible()
}

## Lag plots: a time series against lagged versions of itself, one panel per lag, joined by lines with their times as labels.
lag.plot <- function(x, lags = 1, layout = NULL, set.lags = 1L:lags, main = NULL, asp = 1, diag = TRUE, diag.col = "gray", type = "p", oma = NULL, ask = NULL, do.lines = (n <= 150), labels = do.lines, ...) {
    lagnms <- paste("lag", format(set.lags))
    if (!is.matrix(x)) { x <- as.ts(x); nser <- 1L } else nser <- ncol(x)
    n <- NROW(x)
    tsp.x <- tsp(as.ts(x))
    X <- as.matrix(x)
    nlag <- length(set.lags)
    tot <- nser * nlag
    if (is.null(layout)) { nr <- ceiling(sqrt(tot)); nc <- ceiling(tot / nr); layout <- if (nser > 1L) c(nser, nlag) else c(nr, nc) }
    if (is.null(oma)) oma <- c(0, 0, if (!is.null(main)) 3 else 0, 0)
    op <- par(mfrow = layout, oma = oma, mar = c(4.1, 4.1, 1.1, 1.1))
    on.exit(par(op))
    tt <- seq(tsp.x[1L], by = 1 / tsp.x[3L], length.out = n)
    nms <- colnames(X)
    if (is.null(nms)) nms <- if (nser == 1L) "" else paste("Series", seq_len(nser))
    for (i in seq_len(nser)) {
        xi <- X[, i]
        for (k in set.lags) {
            idx <- seq_len(n - k)
            xl <- xi[idx + k]; yl <- xi[idx]
            lab <- if (nser == 1L) paste("lag", k) else paste(nms[i], "lag", k)
            plot(xl, yl, type = if (do.lines) "n" else type, asp = asp, xlab = lab, ylab = if (nser == 1L) "" else nms[i], ...)
            if (diag) abline(0, 1, lty = 2, col = diag.col)
            if (do.lines) {
                lines(xl, yl, col = "gray")
                if (isTRUE(labels) || is.character(labels)) text(xl, yl, if (is.character(labels)) labels[idx] else seq_along(idx), cex = 0.7, ...)
                else points(xl, yl, ...)
            }
        }
    }
    if (!is.null(main)) { dots <- list(...); mtext(main, outer = TRUE, line = 1, cex = par("cex.main"), font = par("font.main"), col = if (!is.null(dots$col.main)) dots$col.main else par("col.main")) }
    invisible()
}

## Draws rectangles around the k clusters (or those cut at height h) of a dendrogram plotted from tree; returns the members of the boxed clusters.
rect.hclust <- function(tree, k = NULL, which = NULL, x = NULL, h = NULL, border = 2, cluster = NULL) {
    if (length(h) > 1L || length(k) > 1L) stop("'k' and 'h' must be a scalar")
    if (!is.null(h)) {
        if (!is.null(k)) stop("specify exactly one of 'k' and 'h'")
        k <- min(which(rev(tree$height) < h))
        k <- max(k, 2)
    } else if (is.null(k)) stop("specify exactly one of 'k' and 'h'")
    if (k < 2 || k > length(tree$height)) stop(gettextf("k must be between 2 and %d", length(tree$height)), domain = NA)
    if (is.null(cluster)) cluster <- cutree(tree, k = k)
    clustab <- table(cluster)[unique(cluster[tree$order])]
    m <- c(0, cumsum(clustab))
    if (!is.null(x)) {
        if (!is.null(which)) stop("specify exactly one of 'which' and 'x'")
        which <- x
        for (n in seq_along(x)) which[n] <- max(which(m < x[n]))
    } else if (is.null(which)) which <- 1L:k
    if (any(which > k)) stop(gettextf("all elements of 'which' must be between 1 and %d", k), domain = NA)
    border <- rep_len(border, length(which))
    retval <- list()
    for (n in seq_along(which)) {
        rect(m[which[n]] + 0.66, par("usr")[3L], m[which[n] + 1] + 0.33, mean(rev(tree$height)[(k - 1):k]), border = border[n])
        retval[[n]] <- which(cluster == as.integer(names(clustab)[which[n]]))
    }
    invisible(retval)
}

## A heat map of a matrix: cells coloured by value, rows and columns reordered by dendrograms drawn at the left and top.
heatmap <- function(x, Rowv = NULL, Colv = if (symm) "Rowv" else NULL, distfun = dist, hclustfun = hclust, reorderfun = function(d, w) reorder(d, w), add.expr, symm = FALSE, revC = identical(Colv, "Rowv"), scale = c("row", "column", "none"), na.rm = TRUE, margins = c(5, 5), ColSideColors, RowSideColors, cexRow = 0.2 + 1 / log10(nr), cexCol = 0.2 + 1 / log10(nc), labRow = NULL, labCol = NULL, main = NULL, xlab = NULL, ylab = NULL, keep.dendro = FALSE, verbose = getOption("verbose"), ...) {
    scale <- if (symm && missing(scale)) "none" else match.arg(scale)
    if (length(di <- dim(x)) != 2 || !is.numeric(x)) stop("'x' must be a numeric matrix")
    nr <- di[1L]; nc <- di[2L]
    if (nr <= 1 || nc <= 1) stop("'x' must have at least 2 rows and 2 columns")
    if (!is.numeric(margins) || length(margins) != 2L) stop("'margins' must be a numeric vector of length 2")
    doRdend <- !identical(Rowv, NA)
    doCdend <- !identical(Colv, NA)
    if (!doRdend && identical(Colv, "Rowv")) doCdend <- FALSE
    if (is.null(Rowv)) Rowv <- rowMeans(x, na.rm = na.rm)
    if (is.null(Colv)) Colv <- colMeans(x, na.rm = na.rm)
    if (doRdend) {
        if (inherits(Rowv, "dendrogram")) ddr <- Rowv
        else {
            hcr <- hclustfun(distfun(x))
            ddr <- as.dendrogram(hcr)
            if (!is.logical(Rowv) || Rowv) ddr <- reorderfun(ddr, Rowv)
        }
        if (nr != length(rowInd <- order.dendrogram(ddr))) stop("row dendrogram ordering gave index of wrong length")
    } else rowInd <- 1L:nr
    if (doCdend) {
        if (inherits(Colv, "dendrogram")) ddc <- Colv
        else if (identical(Colv, "Rowv")) {
            if (nr != nc) stop("Colv = \"Rowv\" but nrow(x) != ncol(x)")
            ddc <- ddr
        } else {
            hcc <- hclustfun(distfun(if (symm) x else t(x)))
            ddc <- as.dendrogram(hcc)
            if (!is.logical(Colv) || Colv) ddc <- reorderfun(ddc, Colv)
        }
        if (nc != length(colInd <- order.dendrogram(ddc))) stop("column dendrogram ordering gave index of wrong length")
    } else colInd <- 1L:nc
    x <- x[rowInd, colInd]
    labRow <- if (is.null(labRow)) { if (is.null(rownames(x))) (1L:nr)[rowInd] else rownames(x) } else labRow[rowInd]
    labCol <- if (is.null(labCol)) { if (is.null(colnames(x))) (1L:nc)[colInd] else colnames(x) } else labCol[colInd]
    if (scale == "row") {
        x <- sweep(x, 1L, rowMeans(x, na.rm = na.rm), check.margin = FALSE)
        sx <- apply(x, 1L, sd, na.rm = na.rm)
        x <- sweep(x, 1L, sx, "/", check.margin = FALSE)
    } else if (scale == "column") {
        x <- sweep(x, 2L, colMeans(x, na.rm = na.rm), check.margin = FALSE)
        sx <- apply(x, 2L, sd, na.rm = na.rm)
        x <- sweep(x, 2L, sx, "/", check.margin = FALSE)
    }
    lmat <- rbind(c(NA, 3), 2:1)
    lwid <- c(if (doRdend) 1 else 0.05, 4)
    lhei <- c((if (doCdend) 1 else 0.05) + if (!is.null(main)) 0.2 else 0, 4)
    if (!missing(ColSideColors)) {
        if (!is.character(ColSideColors) || length(ColSideColors) != nc) stop("'ColSideColors' must be a character vector of length ncol(x)")
        lmat <- rbind(lmat[1, ] + 1, c(NA, 1), lmat[2, ] + 1)
        lhei <- c(lhei[1L], 0.2, lhei[2L])
    }
    if (!missing(RowSideColors)) {
        if (!is.character(RowSideColors) || length(RowSideColors) != nr) stop("'RowSideColors' must be a character vector of length nrow(x)")
        lmat <- cbind(lmat[, 1] + 1, c(rep(NA, nrow(lmat) - 1), 1), lmat[, 2] + 1)
        lwid <- c(lwid[1L], 0.2, lwid[2L])
    }
    lmat[is.na(lmat)] <- 0
    op <- par(no.readonly = TRUE)
    on.exit(par(op))
    layout(lmat, widths = lwid, heights = lhei, respect = TRUE)
    if (!missing(RowSideColors)) {
        par(mar = c(margins[1L], 0, 0, 0.5))
        image(rbind(if (revC) nr:1L else 1L:nr), col = RowSideColors[rowInd], axes = FALSE)
    }
    if (!missing(ColSideColors)) {
        par(mar = c(0.5, 0, 0, margins[2L]))
        image(cbind(1L:nc), col = ColSideColors[colInd], axes = FALSE)
    }
    par(mar = c(margins[1L], 0, 0, margins[2L]))
    if (!symm || scale != "none") x <- t(x)
    if (revC) {
        iy <- nr:1
        if (doRdend) ddr <- rev.dendrogram(ddr)
        x <- x[, iy]
    } else iy <- 1L:nr
    image(1L:nc, 1L:nr, x, xlim = 0.5 + c(0, nc), ylim = 0.5 + c(0, nr), axes = FALSE, xlab = "", ylab = "", ...)
    axis(1, 1L:nc, labels = labCol, las = 2, line = -0.5, tick = 0, cex.axis = cexCol)
    if (!is.null(xlab)) mtext(xlab, side = 1, line = margins[1L] - 1.25)
    axis(4, iy, labels = labRow, las = 2, line = -0.5, tick = 0, cex.axis = cexRow)
    if (!is.null(ylab)) mtext(ylab, side = 4, line = margins[2L] - 1.25)
    if (!missing(add.expr)) eval.parent(substitute(add.expr))
    par(mar = c(margins[1L], 0, 0, 0))
    if (doRdend) plot(ddr, horiz = TRUE, axes = FALSE, yaxs = "i", leaflab = "none")
    else frame()
    par(mar = c(0, 0, if (!is.null(main)) 1 else 0, margins[2L]))
    if (doCdend) plot(ddc, axes = FALSE, xaxs = "i", leaflab = "none")
    else if (!is.null(main)) frame()
    if (!is.null(main)) { par(xpd = NA); title(main, cex.main = 1.5 * op[["cex.main"]]) }
    invisible(list(rowInd = rowInd, colInd = colInd, Rowv = if (keep.dendro && doRdend) ddr, Colv = if (keep.dendro && doCdend) ddc))
}

## Cumulative periodogram of a series with Kolmogorov-Smirnov bands for white noise.
cpgram <- function(ts, taper = 0.1, main = paste("Series: ", deparse1(substitute(ts))), ci.col = "blue") {
    main
    if (NCOL(ts) > 1) stop("only implemented for univariate time series")
    x <- as.vector(ts)
    x <- x[!is.na(x)]
    x <- x - mean(x)
    m <- floor(length(x) * taper)
    if (m > 0) { w <- 0.5 * (1 - cos(pi * seq.int(1, 2 * m - 1, by = 2) / (2 * m))); x <- x * c(w, rep_len(1, length(x) - 2 * m), rev(w)) }
    y <- Mod(fft(x))^2 / length(x)
    y[1L] <- 0
    n <- length(x)
    x <- (0:(n / 2)) * frequency(ts) / n
    if (length(x) %% 2 == 0) {
        n <- length(x) - 1
        y <- y[1L:n]
        x <- x[1L:n]
    } else y <- y[seq_along(x)]
    xm <- frequency(ts) / 2
    mp <- length(x) - 1
    crit <- 1.358 / (sqrt(mp) + 0.12 + 0.11 / sqrt(mp))
    oldpty <- par(pty = "s")
    on.exit(par(oldpty))
    plot(x, cumsum(y) / sum(y), type = "s", xlim = c(0, xm), ylim = c(0, 1), xaxs = "i", yaxs = "i", xlab = "frequency", ylab = "")
    lines(c(0, xm * (1 - crit)), c(crit, 1), col = ci.col, lty = 2)
    lines(c(xm * crit, xm), c(0, 1 - crit), col = ci.col, lty = 2)
    title(main = main)
    invisible()
}
