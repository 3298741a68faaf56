## Generic X-Y plotting: dispatches on the class of x (plot.default, plot.formula, plot.data.frame, plot.factor, plot.histogram, plot.function).
plot <- function(x, y, ...) UseMethod("plot")

## Scatter plots and line graphs of x and y with axes, box and titles.
plot.default <- function(x, y = NULL, type = "p", xlim = NULL, ylim = NULL, log = "", main = NULL, sub = NULL, xlab = NULL, ylab = NULL, ann = par("ann"), axes = TRUE, frame.plot = axes, panel.first = NULL, panel.last = NULL, asp = NA, ...) {
    xlabel <- if (!missing(x)) deparse1(substitute(x))
    ylabel <- if (!missing(y)) deparse1(substitute(y))
    timed <- function(v) inherits(v, "Date") || inherits(v, "POSIXt")
    xtime <- if (!is.null(y) && timed(x)) x
    ytime <- if (!is.null(y) && timed(y)) y
    xy <- xy.coords(x, y, xlabel, ylabel, log)
    if (is.null(xlab)) xlab <- xy$xlab
    if (is.null(ylab)) ylab <- xy$ylab
    x <- xy$x; y <- xy$y
    plot.new()
    # each range over its own finite values, as R does (x where y is NA still widens xlim)
    if (is.null(xlim)) xlim <- range(x[is.finite(x)])
    if (is.null(ylim)) ylim <- range(y[is.finite(y)])
    plot.window(xlim, ylim, log = log, asp = asp, ...)
    panel.first
    plot.xy(list(x = x, y = y), type = type, ...)
    panel.last
    # the symbol's colour, size and line settings are the points', not the frame's
    frame_axis <- function(side, ..., col, bg, pch, cex, lty, lwd) {
        tv <- if (side == 1) xtime else ytime
        if (is.null(tv)) axis(side, ...) else Axis(tv, side = side, ...)
    }
    frame_box <- function(..., col, bg, pch, cex, lty, lwd) box(...)
    frame_title <- function(..., col, bg, pch, cex, lty, lwd) title(...)
    if (axes) { frame_axis(1, ...); frame_axis(2, ...) }
    if (frame.plot) frame_box(...)
    if (ann) frame_title(main = main, sub = sub, xlab = xlab, ylab = ylab, ...)
    invisible()
}

## Plots a formula y ~ x (one plot per right-hand variable; y ~ 1 plots y alone), its variables looked up in data, then the formula's environment; arguments in ... and subset are evaluated in data too.
plot.formula <- function(formula, data = parent.frame(), ..., subset, ylab = varnames[response], ask = dev.interactive()) {
    eframe <- parent.frame()
    md <- if (missing(data)) NULL else data
    if (is.matrix(md)) md <- data <- as.data.frame(md)
    dexprs <- as.list(substitute(list(...)))[-1L]
    dots <- lapply(dexprs, function(e) eval(e, md, eframe))
    mf <- .formula_frame(formula, md, environment(formula))
    if (!missing(subset)) {
        s <- eval(substitute(subset), md, eframe)
        l <- nrow(mf)
        dosub <- function(v) if (length(v) == l) v[s] else v
        dots <- lapply(dots, dosub)
        mf <- mf[s & !is.na(s), , drop = FALSE]
    }
    response <- attr(stats::terms(formula), "response")
    varnames <- names(mf)
    if (response) {
        y <- mf[[response]]
        xn <- varnames[-response]
        if (length(xn)) {
            xlab <- dots[["xlab"]]
            dots[["xlab"]] <- NULL
            for (i in xn) {
                xl <- if (is.null(xlab)) i else xlab
                do.call(plot, c(list(mf[[i]], y, ylab = ylab, xlab = xl), dots))
            }
        } else do.call(plot, c(list(y, ylab = ylab), dots))
    } else do.call(plot.data.frame, c(list(mf), dots))
    invisible()
}

## Calls fun(x, y, ...) for a formula y ~ x: its variables, the arguments in dots (unevaluated) and subset evaluated in data, then in eframe.
.formula_xy <- function(fun, formula, data, dexprs, eframe, subset) {
    md <- if (is.null(data) || is.environment(data)) NULL else as.data.frame(data)
    dots <- lapply(dexprs, function(e) eval(e, md, eframe))
    mf <- .formula_frame(formula, md, environment(formula))
    if (!is.null(subset)) {
        l <- nrow(mf)
        dots <- lapply(dots, function(v) if (length(v) == l) v[subset] else v)
        mf <- mf[subset & !is.na(subset), , drop = FALSE]
    }
    if (ncol(mf) != 2L) stop("'formula' must specify exactly two variables")
    do.call(fun, c(list(mf[[2L]], mf[[1L]]), dots))
}

## Adds points for a formula y ~ x (variables and other arguments looked up in data).
points.formula <- function(formula, data = parent.frame(), ..., subset) {
    invisible(.formula_xy(points, formula, data, as.list(substitute(list(...)))[-1L], parent.frame(), if (!missing(subset)) eval(substitute(subset), data, parent.frame())))
}

## Adds lines for a formula y ~ x (variables and other arguments looked up in data).
lines.formula <- function(formula, data = parent.frame(), ..., subset) {
    invisible(.formula_xy(lines, formula, data, as.list(substitute(list(...)))[-1L], parent.frame(), if (!missing(subset)) eval(substitute(subset), data, parent.frame())))
}

## Writes labels at the points of a formula y ~ x (variables and other arguments, such as labels, looked up in data).
text.formula <- function(formula, data = parent.frame(), ..., subset) {
    invisible(.formula_xy(text, formula, data, as.list(substitute(list(...)))[-1L], parent.frame(), if (!missing(subset)) eval(substitute(subset), data, parent.frame())))
}

## A data frame: a scatterplot matrix of its columns (two columns: one scatter plot).
plot.data.frame <- function(x, ...) {
    one <- function(x, ylab = names(x)[1L], ...) plot(x[[1L]], ylab = ylab, ...)
    two <- function(x, xlab = names(x)[1L], ylab = names(x)[2L], ...) plot(x[[1L]], x[[2L]], xlab = xlab, ylab = ylab, ...)
    if (ncol(x) == 1L) return(one(x, ...))
    if (ncol(x) == 2L) return(two(x, ...))
    pairs(x, ...)
}

## A factor: a bar plot of its counts; with a numeric y, box plots of y by the factor; with a factor y, a spine plot.
plot.factor <- function(x, y, legend.text = NULL, ...) {
    if (missing(y) || is.null(y)) barplot(table(x), legend.text = legend.text, ...)
    else if (is.factor(y)) spineplot(x, y, ...)
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
hist.default <- function(x, breaks = "Sturges", freq = NULL, probability = !freq, include.lowest = TRUE, right = TRUE, fuzz = 1e-7, density = NULL, angle = 45, col = "lightgray", border = NULL, main = paste("Histogram of", xname), xlim = range(breaks), ylim = NULL, xlab = xname, ylab, axes = TRUE, plot = TRUE, labels = FALSE, nclass = NULL, warn.unused = TRUE, ...) {
    if (!is.numeric(x)) stop("'x' must be numeric")
    xname <- deparse1(substitute(x), collapse = "\n")
    x <- x[is.finite(x)]
    n <- length(x)
    fixed <- !missing(breaks)
    if (fixed) {
        if (!missing(nclass)) warning("'nclass' not used when 'breaks' is specified")
    } else if (!is.null(nclass) && length(nclass) == 1L) breaks <- nclass
    fixed <- fixed && (nB <- length(breaks)) > 1L
    if (fixed) breaks <- sort(breaks)
    else {
        if (!include.lowest) {
            include.lowest <- TRUE
            warning("'include.lowest' ignored as 'breaks' is not a vector")
        }
        if (is.character(breaks)) {
            rule <- match.arg(tolower(breaks), c("sturges", "fd", "freedman-diaconis", "scott"))
            breaks <- switch(rule, sturges = nclass.Sturges(x), `freedman-diaconis` = , fd = nclass.FD(x), scott = nclass.scott(x))
        } else if (is.function(breaks)) breaks <- breaks(x)
        if (length(breaks) == 1L) {
            if (!is.numeric(breaks) || !is.finite(breaks) || breaks < 1L) stop("invalid number of 'breaks'")
            if (breaks > 1e6) {
                warning(gettextf("'breaks = %g' is too large and set to 1e6", breaks), domain = NA)
                breaks <- 1000000L
            }
            breaks <- pretty(range(x), n = breaks, min.n = 1)
            nB <- length(breaks)
            if (nB <= 1L) stop(gettextf("hist.default: pretty() error, breaks=%s", format(breaks)), domain = NA)
        } else {
            if (!is.numeric(breaks) || length(breaks) <= 1L) stop(gettextf("Invalid breakpoints produced by 'breaks(x)': %s", format(breaks)), domain = NA)
            breaks <- sort(breaks)
            nB <- length(breaks)
            fixed <- TRUE
        }
    }
    h <- as.double(diff(breaks))
    equidist <- !fixed || diff(range(h)) < 1e-7 * mean(h)
    if (!fixed && any(h <= 0)) stop("'breaks' are not strictly increasing")
    freq1 <- freq
    if (is.null(freq)) freq1 <- if (!missing(probability)) !as.logical(probability) else equidist
    else if (!missing(probability) && any(probability == freq)) stop("'probability' is an alias for '!freq', however they differ.")
    if (!(fuzz >= 0)) stop("fuzz must be non-negative")
    # breaks move by a fuzz relative to the bin widths so values on a break fall as R puts them
    diddle <- fuzz * if (nB > 5L) stats::median(h) else if (nB <= 3L) diff(range(x)) else min(h[h > 0])
    shift <- if (right) c(if (include.lowest) -diddle else diddle, rep.int(diddle, nB - 1L))
             else c(rep.int(-diddle, nB - 1L), if (include.lowest) diddle else -diddle)
    counts <- .hist_counts(x, breaks + shift, right, include.lowest)
    if (sum(counts) < n) stop("some 'x' not counted; maybe 'breaks' do not span range of 'x'")
    dens <- counts / (n * h)
    mids <- 0.5 * (breaks[-1L] + breaks[-nB])
    r <- structure(list(breaks = breaks, counts = counts, density = dens, mids = mids, xname = xname, equidist = equidist), class = "histogram")
    if (plot) {
        plot(r, freq = freq1, col = col, border = border, angle = angle, density = density, main = main, xlim = xlim, ylim = ylim, xlab = xlab, ylab = ylab, axes = axes, labels = labels, ...)
        invisible(r)
    } else {
        if (warn.unused) {
            given <- c(freq = !missing(freq), probability = !missing(probability), density = !missing(density), angle = !missing(angle), col = !missing(col), border = !missing(border), main = !missing(main), xlim = !missing(xlim), ylim = !missing(ylim), xlab = !missing(xlab), ylab = !missing(ylab), axes = !missing(axes), labels = !missing(labels), warn.unused = FALSE)
            if (any(given)) warning(sprintf(ngettext(sum(given), "argument %s is not made use of", "arguments %s are not made use of"), paste(sQuote(names(given)[given]), collapse = ", ")), domain = NA)
        }
        r
    }
}

## Draws a "histogram" object as bars (counts when freq, else densities), with optional count labels.
plot.histogram <- function(x, freq = equidist, density = NULL, angle = 45, col = "lightgray", border = NULL, lty = NULL, main = paste("Histogram of", paste(x$xname, collapse = "\n")), sub = NULL, xlab = x$xname, ylab, xlim = range(x$breaks), ylim = NULL, axes = TRUE, labels = FALSE, add = FALSE, ann = TRUE, ...) {
    equidist <- if (is.logical(x$equidist)) x$equidist else { h <- diff(x$breaks); diff(range(h)) < 1e-7 * mean(h) }
    if (freq && !equidist) warning("the AREAS in the plot are wrong -- rather use 'freq = FALSE'")
    y <- if (freq) x$counts else x$density
    nB <- length(x$breaks)
    if (is.null(y) || 0L == nB) stop("'x' is wrongly structured")
    if (!add) {
        if (is.null(ylim)) ylim <- range(y, 0)
        if (missing(ylab)) ylab <- if (!freq) "Density" else "Frequency"
        plot.new()
        plot.window(xlim, ylim, "", ...)
        if (ann) title(main = main, sub = sub, xlab = xlab, ylab = ylab, ...)
        if (axes) {
            axis(1, ...)
            yt <- axTicks(2)
            # counts get whole-number ticks only
            if (freq && any(frac <- (yt %% 1) != 0)) yt <- yt[!frac]
            axis(2, at = yt, ...)
        }
    }
    rect(x$breaks[-nB], 0, x$breaks[-1L], y, col = col, border = border, angle = angle, density = density, lty = lty)
    if ((lab <- is.logical(labels) && labels) || is.character(labels))
        text(x$mids, y, labels = if (lab) { if (freq) x$counts else round(x$density, 3) } else labels, adj = c(0.5, -0.5))
    invisible()
}

## Adds a function curve (an expression in x) to a plot or draws it; add = NA draws a new plot over the previous plot's x range.
curve <- function(expr, from = 0, to = 1, n = 101, add = FALSE, type = "l", xname = "x", xlab = xname, ylab = NULL, log = NULL, xlim = NULL, ...) {
    sexpr <- substitute(expr)
    if (is.name(sexpr)) sexpr <- call(as.character(sexpr), as.name(xname))
    else if (!((is.call(sexpr) || is.expression(sexpr)) && xname %in% all.vars(sexpr))) stop(gettextf("'expr' must be a function, or a call or an expression containing '%s'", xname), domain = NA)
    if (is.null(ylab)) ylab <- deparse(sexpr)
    if (dev.cur() == 1L && !isFALSE(add)) { warning("'add' will be ignored as there is no existing plot"); add <- FALSE }
    addF <- isFALSE(add)
    if (missing(from) || missing(to)) {
        xl <- if (!is.null(xlim)) xlim
            else if (!addF) { pu <- par("usr")[1:2]; if (par("xaxs") == "r") pu <- extendrange(pu, f = -1/27); if (par("xlog")) 10^pu else pu }
            else c(0, 1)
        if (missing(from)) from <- xl[1L]
        if (missing(to)) to <- xl[2L]
    }
    add <- isTRUE(add)
    if (is.null(log)) log <- if (add) paste0(if (par("xlog")) "x" else "", if (par("ylog")) "y" else "") else ""
    x <- if (grepl("x", log, fixed = TRUE)) exp(seq(log(from), log(to), length.out = n)) else seq(from, to, length.out = n)
    ll <- list(x = x); names(ll) <- xname
    y <- eval(sexpr, envir = ll, enclos = parent.frame())
    if (length(y) != length(x)) stop("'expr' did not evaluate to an object of length 'n'")
    if (add) lines(x, y, type = type, ...)
    else plot.default(x, y, type = type, xlab = xlab, ylab = ylab, xlim = xlim, log = log, ...)
    invisible(list(x = x, y = y))
}

## Box-and-whisker plots of one or more groups.
boxplot <- function(x, ...) UseMethod("boxplot")

## Box plots of y split by the groups of a formula y ~ g (or y ~ g1 + g2: their interaction), the variables looked up in data, then the formula's environment.
boxplot.formula <- function(formula, data = NULL, ..., subset, na.action = NULL, xlab = mklab(y_var = horizontal), ylab = mklab(y_var = !horizontal), add = FALSE, ann = !add, horizontal = FALSE, drop = FALSE, sep = ".", lex.order = FALSE) {
    if (missing(formula) || length(formula) != 3L) stop("'formula' missing or incorrect")
    s <- if (!missing(subset)) eval(substitute(subset), data, parent.frame())
    mf <- .formula_frame(formula, data, environment(formula), subset = s)
    mklab <- function(y_var) if (y_var) names(mf)[1L] else paste(names(mf)[-1L], collapse = " : ")
    groups <- if (ncol(mf) == 2L) mf[[2L]] else as.list(mf[-1L])
    boxplot(split(mf[[1L]], groups, drop = drop, sep = sep, lex.order = lex.order), xlab = xlab, ylab = ylab, add = add, ann = ann, horizontal = horizontal, ...)
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

## Box plots of a vector, the columns of a data frame or matrix, or a list of vectors (drawn by bxp); returns their statistics invisibly.
boxplot.default <- function(x, ..., range = 1.5, width = NULL, varwidth = FALSE, notch = FALSE, outline = TRUE, names, plot = TRUE, border = par("fg"), col = "lightgray", log = "", pars = list(boxwex = 0.8, staplewex = 0.5, outwex = 0.5), ann = !add, horizontal = FALSE, add = FALSE, at = NULL) {
    args <- list(x, ...)
    namedargs <- if (!is.null(base::names(args))) base::names(args) != "" else rep_len(FALSE, length(args))
    groups <- if (is.matrix(x) && !is.list(x)) { g <- lapply(seq_len(ncol(x)), function(j) x[, j]); attr(g, "names") <- colnames(x); g } else if (is.list(x)) x else args[!namedargs]
    if (0L == (n <- length(groups))) stop("invalid first argument")
    groups <- unclass(groups)
    if (is.data.frame(x)) groups <- as.list(groups)
    if (!missing(names)) attr(groups, "names") <- names
    else {
        if (is.null(attr(groups, "names"))) attr(groups, "names") <- as.character(seq_len(n))
        names <- attr(groups, "names")
    }
    stats <- matrix(0, nrow = 5L, ncol = n)
    conf <- matrix(0, nrow = 2L, ncol = n)
    ng <- out <- group <- numeric(0L)
    for (i in seq_len(n)) {
        s <- boxplot.stats(unclass(groups[[i]]), range)
        stats[, i] <- s$stats
        conf[, i] <- if (is.null(s$conf)) NA else s$conf
        ng <- c(ng, s$n)
        if ((lo <- length(s$out))) { out <- c(out, s$out); group <- c(group, rep.int(i, lo)) }
    }
    z <- list(stats = stats, n = ng, conf = conf, out = out, group = group, names = names)
    if (plot) {
        if (is.null(pars$boxfill) && is.null(args$boxfill)) pars$boxfill <- col
        do.call(bxp, c(list(z, notch = notch, width = width, varwidth = varwidth, log = log, border = border, pars = pars, outline = outline, horizontal = horizontal, add = add, ann = ann, at = at), args[namedargs]))
        invisible(z)
    } else z
}

## Bar plots of a vector (or the columns of a matrix, stacked or beside); returns the bar midpoints invisibly.
barplot <- function(height, ...) UseMethod("barplot")

## The default bar plot method.
barplot.default <- function(height, width = 1, space = NULL, names.arg = NULL, legend.text = NULL, beside = FALSE, horiz = FALSE, density = NULL, angle = 45, col = NULL, border = par("fg"), main = NULL, sub = NULL, xlab = NULL, ylab = NULL, xlim = NULL, ylim = NULL, xpd = TRUE, log = "", axes = TRUE, axisnames = TRUE, cex.axis = par("cex.axis"), cex.names = par("cex.axis"), inside = TRUE, plot = TRUE, axis.lty = 0, offset = 0, add = FALSE, ...) {
    if (is.null(names.arg)) names.arg <- if (is.matrix(height)) colnames(height) else names(height)
    if (is.logical(legend.text)) legend.text <- if (isTRUE(legend.text) && is.matrix(height)) rownames(height)
    was.matrix <- is.matrix(height)
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
        # R's value range: the bars and 1% below zero, not extended; the other axis gets the 4%
        if (is.null(ylim)) ylim <- range(-0.01 * top, top, bottom, na.rm = TRUE)
        if (horiz) { t <- xlim; xlim <- ylim; ylim <- t }
        if (!add) {
            plot.new()
            if (horiz) plot.window(xlim, ylim, xaxs = "i") else plot.window(xlim, ylim, yaxs = "i")
        }
        if (horiz) rect(bottom, left, top, right, col = fill, border = border)
        else rect(left, bottom, right, top, col = fill, border = border)
        # grouped bars are named once per group, at the group's centre
        at.names <- if (beside && was.matrix) colMeans(matrix(mids, ncol = NC)) else mids
        if (axisnames && !is.null(names.arg)) axis(if (horiz) 2 else 1, at = at.names, labels = names.arg, lty = axis.lty, tick = FALSE, cex.axis = cex.names)
        if (axes) axis(if (horiz) 1 else 2, cex.axis = cex.axis)
        title(main = main, sub = sub, xlab = xlab, ylab = ylab, ...)
        if (!is.null(legend.text)) {
            # the legend lists the segments in the order they are stacked upwards (or side by side)
            legend.col <- rep_len(col, length(legend.text))
            if ((horiz && beside) || (!horiz && !beside)) {
                legend.text <- rev(legend.text)
                legend.col <- rev(legend.col)
            }
            xy <- par("usr")
            legend(xy[2L] - xinch(0.1), xy[4L] - yinch(0.1), legend = legend.text, fill = legend.col, xjust = 1, yjust = 1)
        }
        invisible(if (beside) matrix(mids, ncol = NC) else mids)
    } else if (beside) matrix(mids, ncol = NC) else mids
}

## Grey colours from start to end (gamma-corrected as R does).
gray.colors <- function(n, start = 0.3, end = 0.9, gamma = 2.2, alpha, rev = FALSE) {
    g <- seq.int(from = start^gamma, to = end^gamma, length.out = n)^(1/gamma)
    if (rev) g <- rev(g)
    gray(g)
}

## A scatterplot matrix (generic): every pair of columns of x.
pairs <- function(x, ...) UseMethod("pairs")

## A scatterplot matrix of the variables of a one-sided formula ~ a + b + c, looked up in data.
pairs.formula <- function(formula, data = NULL, ..., subset, na.action = NULL) {
    s <- if (!missing(subset)) eval(substitute(subset), data, parent.frame())
    mf <- .formula_frame(formula, data, environment(formula), subset = s)
    pairs(mf, ...)
}

## The scatterplot matrix: panel functions for the lower and upper triangles and the diagonal, variable names on the diagonal, axes on alternate sides.
pairs.default <- function(x, labels, panel = points, ..., horInd = 1:nc, verInd = 1:nc, lower.panel = panel, upper.panel = panel, diag.panel = NULL, text.panel = textPanel, label.pos = 0.5 + has.diag / 3, line.main = 3, cex.labels = NULL, font.labels = 1, row1attop = TRUE, gap = 1, log = "", horOdd = !row1attop, verOdd = !row1attop) {
    textPanel <- function(x = 0.5, y = 0.5, txt, cex, font) text(x, y, txt, cex = cex, font = font)
    localAxis <- function(side, x, y, xpd, bg, col = NULL, main, oma, ...) {
        xpd <- NA
        if (side %% 2L == 1L && xl[j]) xpd <- FALSE
        if (side %% 2L == 0L && yl[i]) xpd <- FALSE
        if (side %% 2L == 1L) Axis(x, side = side, xpd = xpd, ...) else Axis(y, side = side, xpd = xpd, ...)
    }
    localPlot <- function(..., main, oma, font.main, cex.main) plot(...)
    localLowerPanel <- function(..., main, oma, font.main, cex.main) lower.panel(...)
    localUpperPanel <- function(..., main, oma, font.main, cex.main) upper.panel(...)
    localDiagPanel <- function(..., main, oma, font.main, cex.main) diag.panel(...)
    dots <- list(...)
    nmdots <- names(dots)
    if (!is.matrix(x)) {
        x <- as.data.frame(x)
        for (i in seq_along(names(x))) {
            if (is.factor(x[[i]]) || is.logical(x[[i]])) x[[i]] <- as.numeric(x[[i]])
            if (!is.numeric(unclass(x[[i]]))) stop("non-numeric argument to 'pairs'")
        }
    } else if (!is.numeric(x)) stop("non-numeric argument to 'pairs'")
    panel <- match.fun(panel)
    if ((has.lower <- !is.null(lower.panel)) && !missing(lower.panel)) lower.panel <- match.fun(lower.panel)
    if ((has.upper <- !is.null(upper.panel)) && !missing(upper.panel)) upper.panel <- match.fun(upper.panel)
    if ((has.diag <- !is.null(diag.panel)) && !missing(diag.panel)) diag.panel <- match.fun(diag.panel)
    if (row1attop) { tmp <- lower.panel; lower.panel <- upper.panel; upper.panel <- tmp; tmp <- has.lower; has.lower <- has.upper; has.upper <- tmp }
    nc <- ncol(x)
    if (nc < 2L) stop("only one column in the argument to 'pairs'")
    has.labs <- TRUE
    if (missing(labels)) {
        labels <- colnames(x)
        if (is.null(labels)) labels <- paste("var", 1L:nc)
    } else if (is.null(labels)) has.labs <- FALSE
    if (is.null(text.panel)) has.labs <- FALSE
    oma <- if ("oma" %in% nmdots) dots$oma
    main <- if ("main" %in% nmdots) dots$main
    if (is.null(oma)) oma <- c(4, 4, if (!is.null(main)) 6 else 4, 4)
    opar <- par(mfrow = c(length(horInd), length(verInd)), mar = rep.int(gap / 2, 4), oma = oma)
    on.exit(par(opar))
    xl <- yl <- logical(nc)
    if (is.numeric(log)) xl[log] <- yl[log] <- TRUE
    else { xl[] <- grepl("x", log); yl[] <- grepl("y", log) }
    ni <- length(iSet <- if (row1attop) horInd else rev(horInd))
    nj <- length(jSet <- verInd)
    for (i in iSet) for (j in jSet) {
        l <- paste0(if (xl[j]) "x" else "", if (yl[i]) "y" else "")
        localPlot(x[, j], x[, i], xlab = "", ylab = "", axes = FALSE, type = "n", ..., log = l)
        if (i == j || (i < j && has.lower) || (i > j && has.upper)) {
            box()
            j.odd <- (match(j, jSet) + horOdd) %% 2L
            i.odd <- (match(i, iSet) + verOdd) %% 2L
            if (i == iSet[1L] && (!j.odd || !has.upper || !has.lower)) localAxis(3, x[, j], x[, i], ...)
            if (i == iSet[ni] && (j.odd || !has.upper || !has.lower)) localAxis(1, x[, j], x[, i], ...)
            if (j == jSet[1L] && (!i.odd || !has.upper || !has.lower)) localAxis(2, x[, j], x[, i], ...)
            if (j == jSet[nj] && (i.odd || !has.upper || !has.lower)) localAxis(4, x[, j], x[, i], ...)
            mfg <- par("mfg")
            if (i == j) {
                if (has.diag) localDiagPanel(as.vector(x[, i]), ...)
                if (has.labs) {
                    par(usr = c(0, 1, 0, 1))
                    if (is.null(cex.labels)) {
                        l.wid <- strwidth(labels, "user")
                        cex.labels <- max(0.8, min(2, 0.9 / max(l.wid)))
                    }
                    xlp <- if (xl[i]) 10^0.5 else 0.5
                    ylp <- if (yl[j]) 10^label.pos else label.pos
                    text.panel(xlp, ylp, labels[i], cex = cex.labels, font = font.labels)
                }
            } else if (i < j) localLowerPanel(as.vector(x[, j]), as.vector(x[, i]), ...)
            else localUpperPanel(as.vector(x[, j]), as.vector(x[, i]), ...)
        }
    }
    if (!is.null(main)) {
        font.main <- if ("font.main" %in% nmdots) dots$font.main else par("font.main")
        cex.main <- if ("cex.main" %in% nmdots) dots$cex.main else par("cex.main")
        mtext(main, 3, line.main, outer = TRUE, at = 0.5, cex = cex.main, font = font.main)
    }
    invisible(NULL)
}

## Plots the columns of one matrix against those of another.
matplot <- function(x, y, type = "p", lty = 1:5, lwd = 1, pch = NULL, col = 1:6, xlab = NULL, ylab = NULL, xlim = NULL, ylim = NULL, ..., add = FALSE) {
    # axis labels default to the argument expressions, as in R
    xlabel <- if (!missing(x)) deparse1(substitute(x))
    ylabel <- if (!missing(y)) deparse1(substitute(y))
    if (missing(y)) { y <- x; ylabel <- xlabel; x <- seq_len(NROW(y)); xlabel <- "" }
    y <- as.matrix(y); x <- as.matrix(x)
    if (is.null(xlab)) xlab <- if (is.null(xlabel)) "" else xlabel
    if (is.null(ylab)) ylab <- if (is.null(ylabel)) "" else ylabel
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
