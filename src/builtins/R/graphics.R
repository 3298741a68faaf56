## Generic X-Y plotting: dispatches on the class of x (plot.default, plot.formula, plot.data.frame, plot.factor, plot.histogram, plot.function).
plot <- function(x, y, ...) UseMethod("plot")

## Scatter plots and line graphs of x and y with axes, box and titles.
plot.default <- function(x, y = NULL, type = "p", xlim = NULL, ylim = NULL, log = "", main = NULL, sub = NULL, xlab = NULL, ylab = NULL, ann = par("ann"), axes = TRUE, frame.plot = axes, panel.first = NULL, panel.last = NULL, asp = NA, ...) {
    xlabel <- if (!missing(x)) deparse1(substitute(x))
    ylabel <- if (!missing(y)) deparse1(substitute(y))
    xy <- xy.coords(x, y, xlabel, ylabel, log)
    if (is.null(xlab)) xlab <- xy$xlab
    if (is.null(ylab)) ylab <- xy$ylab
    x <- xy$x; y <- xy$y
    plot.new()
    ok <- is.finite(x) & is.finite(y)
    if (is.null(xlim)) xlim <- range(x[ok])
    if (is.null(ylim)) ylim <- range(y[ok])
    plot.window(xlim, ylim, log = log, asp = asp, ...)
    panel.first
    plot.xy(list(x = x, y = y), type = type, ...)
    panel.last
    # the symbol's colour, size and line settings are the points', not the frame's
    frame_axis <- function(..., col, bg, pch, cex, lty, lwd) axis(...)
    frame_box <- function(..., col, bg, pch, cex, lty, lwd) box(...)
    frame_title <- function(..., col, bg, pch, cex, lty, lwd) title(...)
    if (axes) { frame_axis(1, ...); frame_axis(2, ...) }
    if (frame.plot) frame_box(...)
    if (ann) frame_title(main = main, sub = sub, xlab = xlab, ylab = ylab, ...)
    invisible()
}

## Plots a formula y ~ x with the variables from data.
plot.formula <- function(formula, data = parent.frame(), ..., subset, ylab, xlab) {
    env <- if (is.environment(data)) data else environment(formula)
    vars <- all.vars(formula)
    get1 <- function(v) if (is.data.frame(data) && v %in% names(data)) data[[v]] else get(v, envir = environment(formula))
    if (length(formula) == 3L) {
        y <- eval(formula[[2L]], if (is.data.frame(data)) data else NULL, environment(formula))
        x <- eval(formula[[3L]], if (is.data.frame(data)) data else NULL, environment(formula))
        if (missing(ylab)) ylab <- deparse(formula[[2L]])
        if (missing(xlab)) xlab <- deparse(formula[[3L]])
        if (is.factor(x)) boxplot(split(y, x), xlab = xlab, ylab = ylab, ...)
        else plot.default(x, y, xlab = xlab, ylab = ylab, ...)
    } else {
        x <- eval(formula[[2L]], if (is.data.frame(data)) data else NULL, environment(formula))
        if (missing(ylab)) ylab <- deparse(formula[[2L]])
        if (missing(xlab)) xlab <- "Index"
        plot.default(x, xlab = xlab, ylab = ylab, ...)
    }
    invisible()
}

## A data frame: a scatterplot matrix of its columns (two columns: one scatter plot).
plot.data.frame <- function(x, ...) {
    one <- function(x, ylab = names(x)[1L], ...) plot(x[[1L]], ylab = ylab, ...)
    two <- function(x, xlab = names(x)[1L], ylab = names(x)[2L], ...) plot(x[[1L]], x[[2L]], xlab = xlab, ylab = ylab, ...)
    if (ncol(x) == 1L) return(one(x, ...))
    if (ncol(x) == 2L) return(two(x, ...))
    pairs(x, ...)
}

## A factor: a bar plot of its counts; with y, box plots of y by the factor.
plot.factor <- function(x, y, ...) {
    if (missing(y)) barplot(table(x), ...)
    else if (is.numeric(y)) boxplot(split(y, x), ...)
    else plot.default(as.integer(x), y, ...)
}

## A table: bars of its counts.
plot.table <- function(x, ...) barplot(x, ...)

## A function: its curve over [from, to].
plot.function <- function(x, y = 0, to = 1, from = y, xlim = NULL, ylab = NULL, ...) {
    if (!is.null(xlim) && missing(y)) { from <- xlim[1L]; if (missing(to)) to <- xlim[2L] }
    f <- x
    xs <- seq(from, to, length.out = 101)
    plot.default(xs, f(xs), type = "l", xlab = "x", ylab = if (is.null(ylab)) "f(x)" else ylab, ...)
}

## Adds points to a plot (generic).
points <- function(x, ...) UseMethod("points")

## Adds points at coordinates x, y (or x$x, x$y) to a plot.
points.default <- function(x, y = NULL, type = "p", ...) {
    plot.xy(xy.coords(x, y, setLab = FALSE), type = type, ...)
}

## Adds connected line segments to a plot (generic).
lines <- function(x, ...) UseMethod("lines")

## Adds line segments joining x, y (or x$x, x$y) to a plot.
lines.default <- function(x, y = NULL, type = "l", ...) {
    plot.xy(xy.coords(x, y, setLab = FALSE), type = type, ...)
}

## Writes text labels at coordinates.
text <- function(x, ...) UseMethod("text")

## Adds straight lines: y = a + b*x, horizontal h, vertical v, or the coefficients of a fit.
abline <- function(a = NULL, b = NULL, h = NULL, v = NULL, reg = NULL, coef = NULL, untf = FALSE, ...) {
    if (!is.null(reg)) a <- reg
    if (!is.null(a) && is.list(a)) { coef <- stats::coef(a); if (length(coef) == 1L) coef <- c(0, coef); a <- NULL }
    .abline(a = a, b = b, h = h, v = v, coef = coef, ...)
}

## Adds a grid of dotted lines at the axis ticks.
grid <- function(nx = NULL, ny = nx, col = "lightgray", lty = "dotted", lwd = par("lwd"), equilogs = TRUE) {
    if (is.null(nx)) abline(v = axTicks(1), col = col, lty = lty, lwd = lwd)
    if (is.null(ny)) abline(h = axTicks(2), col = col, lty = lty, lwd = lwd)
    invisible()
}

## Histograms: computes the breaks (Sturges by default) and counts, and plots them.
hist <- function(x, ...) UseMethod("hist")

## The default histogram method; returns an object of class "histogram" invisibly (visibly when plot = FALSE).
hist.default <- function(x, breaks = "Sturges", freq = NULL, probability = !freq, include.lowest = TRUE, right = TRUE, col = "lightgray", border = NULL, main = paste("Histogram of", xname), xlim = range(breaks), ylim = NULL, xlab = xname, ylab, axes = TRUE, plot = TRUE, labels = FALSE, ...) {
    xname <- deparse(substitute(x))
    x <- x[is.finite(x)]
    n <- length(x)
    if (is.character(breaks)) {
        nb <- switch(tolower(breaks), sturges = ceiling(log2(n) + 1),
            scott = { h <- 3.5 * sqrt(stats::var(x)) * n^(-1/3); if (h > 0) max(1, ceiling(diff(range(x)) / h)) else 1L },
            fd = , `freedman-diaconis` = { h <- 2 * stats::IQR(signif(x, 5)); if (h == 0) h <- 2 * stats::mad(x, constant = 2); if (h > 0) max(1, ceiling(diff(range(x)) / (h * n^(-1/3)))) else 1L },
            stop("unknown 'breaks' algorithm"))
        breaks <- pretty(range(x), n = nb, min.n = 1)
    } else if (is.numeric(breaks) && length(breaks) == 1L) {
        breaks <- pretty(range(x), n = breaks, min.n = 1)
    } else breaks <- sort(as.numeric(breaks))
    counts <- .hist_counts(x, breaks, right, include.lowest)
    dens <- counts / (n * diff(breaks))
    mids <- 0.5 * (breaks[-1L] + breaks[-length(breaks)])
    equidist <- diff(range(diff(breaks))) < 1e-7 * mean(diff(breaks))
    r <- structure(list(breaks = breaks, counts = counts, density = dens, mids = mids, xname = xname, equidist = equidist), class = "histogram")
    if (plot) {
        if (is.null(freq)) freq <- if (!missing(probability)) !as.logical(probability) else equidist
        plot.histogram(r, freq = freq, col = col, border = border, main = main, xlim = xlim, ylim = ylim, xlab = xlab, ylab = if (missing(ylab)) NULL else ylab, axes = axes, labels = labels, ...)
        invisible(r)
    } else r
}

## Draws a "histogram" object as bars.
plot.histogram <- function(x, freq = x$equidist, col = "lightgray", border = NULL, main = paste("Histogram of", x$xname), xlim = range(x$breaks), ylim = NULL, xlab = x$xname, ylab = NULL, axes = TRUE, labels = FALSE, add = FALSE, ...) {
    y <- if (freq) x$counts else x$density
    if (is.null(ylab)) ylab <- if (freq) "Frequency" else "Density"
    if (is.null(ylim)) ylim <- range(y, 0)
    nB <- length(x$breaks)
    if (!add) {
        plot.new()
        plot.window(xlim, ylim, ...)
        title(main = main, xlab = xlab, ylab = ylab, ...)
        if (axes) { axis(1, ...); axis(2, ...) }
    }
    rect(x$breaks[-nB], 0, x$breaks[-1L], y, col = col, border = border)
    invisible()
}

## Adds a function curve (an expression in x) to a plot or draws it.
curve <- function(expr, from = 0, to = 1, n = 101, add = FALSE, type = "l", xname = "x", xlab = xname, ylab = NULL, log = NULL, xlim = NULL, ...) {
    sexpr <- substitute(expr)
    if (is.name(sexpr)) sexpr <- call(as.character(sexpr), as.name(xname))
    if (is.null(ylab)) ylab <- deparse(sexpr)
    if (add && missing(from)) from <- par("usr")[1L]
    if (add && missing(to)) to <- par("usr")[2L]
    if (!is.null(xlim) && missing(from)) from <- xlim[1L]
    if (!is.null(xlim) && missing(to)) to <- xlim[2L]
    x <- seq(from, to, length.out = n)
    ll <- list(x = x); names(ll) <- xname
    y <- eval(sexpr, envir = ll, enclos = parent.frame())
    if (add) lines(x, y, type = type, ...)
    else plot.default(x, y, type = type, xlab = xlab, ylab = ylab, xlim = xlim, log = if (is.null(log)) "" else log, ...)
    invisible(list(x = x, y = y))
}

## Box-and-whisker plots of one or more groups.
boxplot <- function(x, ...) UseMethod("boxplot")

## Box plots of y split by the groups of a formula y ~ g.
boxplot.formula <- function(formula, data = NULL, ..., xlab, ylab) {
    y <- eval(formula[[2L]], if (is.data.frame(data)) data else NULL, environment(formula))
    g <- eval(formula[[3L]], if (is.data.frame(data)) data else NULL, environment(formula))
    if (missing(xlab)) xlab <- deparse(formula[[3L]])
    if (missing(ylab)) ylab <- deparse(formula[[2L]])
    boxplot.default(split(y, g), xlab = xlab, ylab = ylab, ...)
}

## The statistics of one box: hinges, whiskers (coef times the box length), outliers.
boxplot.stats <- function(x, coef = 1.5, do.conf = TRUE, do.out = TRUE) {
    nna <- !is.na(x)
    n <- sum(nna)
    stats <- fivenum(x, na.rm = TRUE)
    iqr <- diff(stats[c(2, 4)])
    if (coef == 0) do.out <- FALSE
    else {
        out <- if (!is.na(iqr)) { x < (stats[2L] - coef * iqr) | x > (stats[4L] + coef * iqr) } else !is.finite(x)
        if (any(out[nna], na.rm = TRUE)) stats[c(1, 5)] <- range(x[!out], na.rm = TRUE)
    }
    conf <- if (do.conf) stats[3L] + c(-1.58, 1.58) * iqr / sqrt(n)
    list(stats = stats, n = n, conf = conf, out = if (do.out) x[out & nna] else numeric())
}

## Box plots of a vector, the columns of a data frame or matrix, or a list of vectors; returns their statistics invisibly.
boxplot.default <- function(x, ..., range = 1.5, width = NULL, varwidth = FALSE, notch = FALSE, outline = TRUE, names, plot = TRUE, border = par("fg"), col = "lightgray", log = "", horizontal = FALSE, add = FALSE, at = NULL, main = NULL, xlab = NULL, ylab = NULL, ylim = NULL, las = NULL) {
    groups <- if (is.list(x)) x else if (is.matrix(x)) split(c(x), rep(seq_len(ncol(x)), each = nrow(x))) else list(x)
    more <- list(...)
    if (length(more) && all(vapply(more, is.numeric, TRUE)) && is.null(names(more))) groups <- c(groups, more)
    ng <- length(groups)
    nms <- if (!missing(names)) names else if (is.null(base::names(groups))) { if (ng == 1L) "" else as.character(seq_len(ng)) } else base::names(groups)
    if (is.matrix(x) && !is.null(colnames(x)) && missing(names)) nms <- colnames(x)
    st <- matrix(0, 5L, ng); n <- numeric(ng); conf <- matrix(0, 2L, ng); out <- numeric(); grp <- numeric()
    for (i in seq_len(ng)) {
        s <- boxplot.stats(groups[[i]], coef = range)
        st[, i] <- s$stats; n[i] <- s$n; conf[, i] <- s$conf
        if (length(s$out)) { out <- c(out, s$out); grp <- c(grp, rep(i, length(s$out))) }
    }
    z <- list(stats = st, n = n, conf = conf, out = out, group = grp, names = nms)
    if (plot) {
        if (is.null(at)) at <- seq_len(ng)
        if (!add) {
            plot.new()
            yr <- if (is.null(ylim)) range(st, if (outline) out, na.rm = TRUE) else ylim
            if (horizontal) plot.window(c(0.5, ng + 0.5), yr) else plot.window(c(0.5, ng + 0.5), yr)
        }
        fill <- rep_len(col, ng)
        for (i in seq_len(ng)) {
            s <- st[, i]; xi <- at[i]; w <- 0.4
            rect(xi - w, s[2], xi + w, s[4], col = fill[i], border = border)
            segments(xi - w, s[3], xi + w, s[3], lwd = 3, col = border)
            segments(c(xi, xi), c(s[1], s[4]), c(xi, xi), c(s[2], s[5]), lty = "dashed", col = border)
            segments(c(xi - w/2, xi - w/2), c(s[1], s[5]), c(xi + w/2, xi + w/2), c(s[1], s[5]), col = border)
        }
        if (outline && length(out)) points(at[grp], out)
        if (!add) {
            axis(1, at = at, labels = nms)
            axis(2)
            box()
            title(main = main, xlab = xlab, ylab = ylab)
        }
        invisible(z)
    } else z
}

## Bar plots of a vector (or the columns of a matrix, stacked or beside); returns the bar midpoints invisibly.
barplot <- function(height, ...) UseMethod("barplot")

## The default bar plot method.
barplot.default <- function(height, width = 1, space = NULL, names.arg = NULL, legend.text = NULL, beside = FALSE, horiz = FALSE, density = NULL, angle = 45, col = NULL, border = par("fg"), main = NULL, sub = NULL, xlab = NULL, ylab = NULL, xlim = NULL, ylim = NULL, xpd = TRUE, log = "", axes = TRUE, axisnames = TRUE, cex.axis = par("cex.axis"), cex.names = par("cex.axis"), inside = TRUE, plot = TRUE, axis.lty = 0, offset = 0, add = FALSE, ...) {
    if (is.null(names.arg)) names.arg <- if (is.matrix(height)) colnames(height) else names(height)
    if (is.vector(height) || (is.array(height) && length(dim(height)) == 1L)) { height <- cbind(as.numeric(height)); beside <- TRUE; if (is.null(col)) col <- "grey" }
    else if (is.matrix(height) && is.null(col)) col <- gray.colors(nrow(height))
    NR <- nrow(height); NC <- ncol(height)
    if (is.null(space)) space <- if (beside && NR > 1L && NC > 1L) c(0, 1) else 0.2
    if (beside) {
        w <- rep_len(width, NR * NC)
        sp <- if (length(space) == 2L) rep(c(space[2L], rep(space[1L], NR - 1L)), NC) else rep_len(space, NR * NC)
        if (NC == 1L) sp <- rep_len(if (length(space) == 2L) space[2L] else space[1L], NR)
        right <- cumsum(sp * mean(w) + w); left <- right - w
        mids <- (left + right) / 2
        vals <- c(height); bottom <- rep(0, length(vals)); top <- vals
        fill <- rep_len(col, NR)
        fill <- if (NC == 1L) rep_len(col, NR) else rep(fill, NC)
    } else {
        w <- rep_len(width, NC)
        right <- cumsum(space * mean(w) + w); left <- right - w
        mids <- (left + right) / 2
        cs <- apply(height, 2L, cumsum)
        if (NR == 1L) cs <- matrix(cs, nrow = 1L)
        top <- c(cs); bottom <- c(rbind(0, cs[-NR, , drop = FALSE]))
        left <- rep(left, each = NR); right <- rep(right, each = NR)
        fill <- rep(rep_len(col, NR), NC)
    }
    if (plot) {
        if (is.null(xlim)) xlim <- c(min(left), max(right))
        if (is.null(ylim)) ylim <- range(0, top, bottom)
        if (horiz) { t <- xlim; xlim <- ylim; ylim <- t }
        if (!add) { plot.new(); plot.window(xlim, ylim, xaxs = "i", yaxs = "r") }
        r <- par("usr")
        par(usr = c(r[1:2], 0 - 0.04 * (ylim[2] - ylim[1]) * (ylim[1] < 0), r[4]))
        if (horiz) rect(bottom, left, top, right, col = fill, border = border)
        else rect(left, bottom, right, top, col = fill, border = border)
        if (axisnames && !is.null(names.arg)) axis(if (horiz) 2 else 1, at = mids, labels = names.arg, lty = axis.lty, tick = FALSE, cex.axis = cex.names)
        if (axes) axis(if (horiz) 1 else 2, cex.axis = cex.axis)
        title(main = main, sub = sub, xlab = xlab, ylab = ylab, ...)
        if (!is.null(legend.text)) legend("topright", legend = legend.text, fill = rev(rep_len(col, NR)))
        invisible(mids)
    } else mids
}

## Grey colours from start to end (gamma-corrected as R does).
gray.colors <- function(n, start = 0.3, end = 0.9, gamma = 2.2, alpha, rev = FALSE) {
    g <- seq.int(from = start^gamma, to = end^gamma, length.out = n)^(1/gamma)
    if (rev) g <- rev(g)
    gray(g)
}

## A scatterplot matrix: every pair of columns of x.
pairs <- function(x, labels = colnames(x), ...) {
    x <- as.data.frame(x)
    nc <- ncol(x)
    if (is.null(labels)) labels <- names(x)
    op <- par(mfrow = c(nc, nc), mar = rep(0.5, 4), oma = c(4, 4, 4, 4))
    on.exit(par(op))
    for (i in seq_len(nc)) for (j in seq_len(nc)) {
        xi <- as.numeric(x[[j]]); yi <- as.numeric(x[[i]])
        plot.new()
        plot.window(range(xi, na.rm = TRUE), range(yi, na.rm = TRUE))
        box()
        if (i == j) text(mean(par("usr")[1:2]), mean(par("usr")[3:4]), labels[i], cex = 1.5)
        else plot.xy(list(x = xi, y = yi), type = "p", ...)
        if (i == 1 && j %% 2 == 0) axis(3)
        if (i == nc && j %% 2 == 1) axis(1)
        if (j == 1 && i %% 2 == 0) axis(2)
        if (j == nc && i %% 2 == 1) axis(4)
    }
    invisible()
}

## Plots the columns of one matrix against those of another.
matplot <- function(x, y, type = "p", lty = 1:5, lwd = 1, pch = NULL, col = 1:6, xlab = NULL, ylab = NULL, xlim = NULL, ylim = NULL, ..., add = FALSE) {
    if (missing(y)) { y <- x; x <- seq_len(NROW(y)); if (is.null(xlab)) xlab <- "" }
    y <- as.matrix(y); x <- as.matrix(x)
    if (is.null(xlab)) xlab <- ""; if (is.null(ylab)) ylab <- ""
    k <- ncol(y)
    if (is.null(pch)) pch <- c(1:9, 0, letters, LETTERS)
    if (!add) { plot.new(); plot.window(if (is.null(xlim)) range(x, na.rm = TRUE) else xlim, if (is.null(ylim)) range(y, na.rm = TRUE) else ylim); axis(1); axis(2); box(); title(xlab = xlab, ylab = ylab, ...) }
    for (i in seq_len(k)) {
        xi <- x[, if (ncol(x) == 1L) 1L else i]
        plot.xy(list(x = xi, y = y[, i]), type = type, lty = rep_len(lty, k)[i], lwd = rep_len(lwd, k)[i], pch = rep_len(pch, k)[i], col = rep_len(col, k)[i])
    }
    invisible()
}

## Adds lines for the columns of a matrix to a plot.
matlines <- function(x, y, type = "l", lty = 1:5, lwd = 1, pch = NULL, col = 1:6, ...) matplot(x, y, type = type, lty = lty, lwd = lwd, pch = pch, col = col, ..., add = TRUE)

## A pie chart of the proportions of x.
pie <- function(x, labels = names(x), edges = 200, radius = 0.8, clockwise = FALSE, init.angle = if (clockwise) 90 else 0, density = NULL, angle = 45, col = NULL, border = NULL, lty = NULL, main = NULL, ...) {
    if (is.null(labels)) labels <- as.character(seq_along(x))
    x <- c(0, cumsum(x) / sum(x)); nx <- length(x) - 1L
    if (is.null(col)) col <- c("white", "lightblue", "mistyrose", "lightcyan", "lavender", "cornsilk")
    col <- rep_len(col, nx)
    plot.new()
    plot.window(c(-1, 1), c(-1, 1), asp = 1)
    twopi <- if (clockwise) -2 * pi else 2 * pi
    for (i in seq_len(nx)) {
        n <- max(2, floor(edges * (x[i + 1] - x[i])))
        t <- seq.int(x[i], x[i + 1], length.out = n) * twopi + init.angle * pi / 180
        polygon(c(radius * cos(t), 0), c(radius * sin(t), 0), col = col[i], border = border)
        tm <- mean(x[i + 1 + 0:-1]) * twopi + init.angle * pi / 180
        lines(c(1, 1.05) * radius * cos(tm), c(1, 1.05) * radius * sin(tm))
        text(1.1 * radius * cos(tm), 1.1 * radius * sin(tm), labels[i], adj = c(if (cos(tm) < 0) 1 else 0, 0.5), xpd = TRUE)
    }
    title(main = main, ...)
    invisible()
}

## A normal quantile-quantile plot of y.
qqnorm <- function(y, main = "Normal Q-Q Plot", xlab = "Theoretical Quantiles", ylab = "Sample Quantiles", plot.it = TRUE, datax = FALSE, ...) {
    n <- length(y)
    a <- if (n <= 10) 3/8 else 1/2
    x <- qnorm((order(order(y)) - a) / (n + 1 - 2 * a))
    if (plot.it) plot.default(x, y, main = main, xlab = xlab, ylab = ylab, ...)
    invisible(list(x = x, y = y))
}

## Adds the line through the first and third quartiles of a normal Q-Q plot.
qqline <- function(y, datax = FALSE, probs = c(0.25, 0.75), qtype = 7, ...) {
    yq <- quantile(y, probs, names = FALSE, type = qtype, na.rm = TRUE)
    xq <- qnorm(probs)
    b <- diff(yq) / diff(xq)
    abline(a = yq[1L] - b * xq[1L], b = b, ...)
}
