## A stem-and-leaf display of x printed to the console (scale stretches it, width caps the leaves per line).
stem <- function(x, scale = 1, width = 80, atom = 1e-08) {
    if (!is.numeric(x)) stop("'x' must be numeric")
    x <- sort(x[is.finite(x)])
    n <- length(x)
    if (n <= 1L) return(invisible(NULL))
    if (scale <= 0) stop(gettextf("'scale' must be positive"), domain = NA)
    cat("\n")
    if (x[n] > x[1L]) {
        r <- atom + (x[n] - x[1L]) / scale
        c <- 10^(as.integer(1 - floor(log10(r) + 1e-7)))
        mm <- min(2L, max(0L, as.integer(r * c / 25)))
        k <- 3L * mm + 2L - as.integer(150 / (n + 50))
        if ((k - 1) * (k - 2) * (k - 5) == 0) c <- c * 10
        big <- max(abs(x[1L]), abs(x[n]))
        while (big * c > .Machine$integer.max) c <- c / 10
    } else {
        r <- atom + abs(x[1L]) / scale
        c <- 10^(as.integer(1 - floor(log10(r) + 1e-7)))
        k <- 2L
    }
    mu <- 10
    if (k * (k - 4) * (k - 8) == 0) mu <- 5
    if ((k - 1) * (k - 5) * (k - 6) == 0) mu <- 20
    lo <- floor(x[1L] * c / mu) * mu
    hi <- floor(x[n] * c / mu) * mu
    ldigits <- if (lo < 0) floor(log10(-lo)) + 1 else 0
    hdigits <- if (hi > 0) floor(log10(hi)) else 0
    ndigits <- max(ldigits, hdigits)
    if (lo < 0 && floor(x[1L] * c) == lo) lo <- lo - mu
    hi <- lo + mu
    if (floor(x[1L] * c + 0.5) > hi) { lo <- hi; hi <- lo + mu }
    pdigits <- 1 - floor(log10(c) + 0.5)
    cat("  The decimal point is ")
    if (pdigits == 0) cat("at the |\n\n")
    else cat(abs(pdigits), " digit(s) to the ", if (pdigits > 0) "right" else "left", " of the |\n\n", sep = "")
    stem_label <- function(close, dist) {
        lab <- if (trunc(close / 10) == 0 && dist < 0) "-0" else as.character(trunc(close / 10))
        cat("  ", formatC(lab, width = ndigits), " | ", sep = "")
    }
    i <- 1L
    repeat {
        if (lo < 0) stem_label(hi, lo) else stem_label(lo, hi)
        j <- 0L
        leaves <- character()
        while (i <= n) {
            xi <- if (x[i] < 0) trunc(x[i] * c - 0.5) else trunc(x[i] * c + 0.5)
            if ((hi == 0 && x[i] >= 0) || (lo < 0 && xi > hi) || (lo >= 0 && xi >= hi)) break
            j <- j + 1L
            if (j <= width - 12) leaves <- c(leaves, abs(xi) %% 10)
            i <- i + 1L
        }
        cat(leaves, sep = "")
        if (j > width) cat("+", j - width, sep = "")
        cat("\n")
        if (i > n) break
        hi <- hi + mu
        lo <- lo + mu
    }
    cat("\n")
    invisible(NULL)
}

## Draws box plots from their statistics (a list as boxplot() returns: stats, n, conf, out, group, names).
bxp <- function(z, notch = FALSE, width = NULL, varwidth = FALSE, outline = TRUE, notch.frac = 0.5, log = "", border = par("fg"), pars = NULL, frame.plot = axes, horizontal = FALSE, ann = TRUE, add = FALSE, at = NULL, show.names = NULL, ...) {
    pars <- c(list(...), pars)
    pars <- pars[unique(names(pars))]
    stats <- z$stats
    n <- ncol(stats)
    if (is.null(at)) at <- seq_len(n)
    else if (length(at) != n) stop(gettextf("'at' must have same length as 'z$n', i.e. %d", n), domain = NA)
    boxwex <- if (is.null(pars$boxwex)) 0.8 else pars$boxwex
    staplewex <- if (is.null(pars$staplewex)) 0.5 else pars$staplewex
    outwex <- if (is.null(pars$outwex)) 0.5 else pars$outwex
    width <- if (!is.null(width)) {
        if (length(width) != n || anyNA(width) || any(width <= 0)) stop("invalid boxplot widths")
        boxwex * width / max(width)
    } else if (varwidth) boxwex * sqrt(z$n / max(z$n))
    else if (n == 1L) 0.5 * boxwex
    else rep.int(boxwex, n)
    p <- function(name, default) { v <- pars[[name]]; rep_len(if (is.null(v)) default else v, n) }
    boxfill <- p("boxfill", if (!is.null(pars$col)) pars$col else "transparent")
    border <- rep_len(border, n)
    boxcol <- p("boxcol", border); medcol <- p("medcol", border); whiskcol <- p("whiskcol", border); staplecol <- p("staplecol", border)
    outcol <- p("outcol", border); outbg <- p("outbg", NA)
    boxlty <- p("boxlty", if (is.null(pars$lty)) par("lty") else pars$lty); whisklty <- p("whisklty", "dashed"); staplelty <- p("staplelty", "solid")
    medlwd <- p("medlwd", 3); boxlwd <- p("boxlwd", if (is.null(pars$lwd)) par("lwd") else pars$lwd)
    outpch <- p("outpch", if (is.null(pars$pch)) 1 else pars$pch); outcex <- p("outcex", if (is.null(pars$cex)) 1 else pars$cex)
    if (is.null(show.names)) show.names <- n > 1L
    if (!add) {
        ylim <- pars$ylim
        if (is.null(ylim)) ylim <- range(stats[is.finite(stats)], if (outline && any(is.finite(z$out))) z$out[is.finite(z$out)], if (notch) z$conf[is.finite(z$conf)])
        xlim <- pars$xlim
        if (is.null(xlim)) xlim <- range(at, finite = TRUE) + c(-0.5, 0.5)
        plot.new()
        if (horizontal) plot.window(ylim = xlim, xlim = ylim, log = log, xaxs = if (is.null(pars$yaxs)) par("yaxs") else pars$yaxs)
        else plot.window(xlim = xlim, ylim = ylim, log = log, yaxs = if (is.null(pars$yaxs)) par("yaxs") else pars$yaxs)
    }
    xs <- function(x, y) if (horizontal) y else x
    ys <- function(x, y) if (horizontal) x else y
    seg <- function(x0, y0, x1, y1, ...) segments(xs(x0, y0), ys(x0, y0), xs(x1, y1), ys(x1, y1), ...)
    for (i in seq_len(n)) {
        s <- stats[, i]
        if (all(is.na(s))) next
        x <- at[i]; wd <- width[i] / 2
        if (notch) {
            cf <- z$conf[, i]
            nw <- wd * notch.frac
            px <- c(x - wd, x - wd, x - nw, x - wd, x - wd, x + wd, x + wd, x + nw, x + wd, x + wd)
            py <- c(s[2L], cf[1L], s[3L], cf[2L], s[4L], s[4L], cf[2L], s[3L], cf[1L], s[2L])
            polygon(xs(px, py), ys(px, py), col = boxfill[i], border = boxcol[i], lty = boxlty[i], lwd = boxlwd[i])
            seg(x - nw, s[3L], x + nw, s[3L], col = medcol[i], lwd = medlwd[i], lend = 1)
        } else {
            polygon(xs(c(x - wd, x + wd, x + wd, x - wd), c(s[2L], s[2L], s[4L], s[4L])), ys(c(x - wd, x + wd, x + wd, x - wd), c(s[2L], s[2L], s[4L], s[4L])), col = boxfill[i], border = boxcol[i], lty = boxlty[i], lwd = boxlwd[i])
            seg(x - wd, s[3L], x + wd, s[3L], col = medcol[i], lwd = medlwd[i], lend = 1)
        }
        seg(c(x, x), c(s[1L], s[5L]), c(x, x), c(s[2L], s[4L]), col = whiskcol[i], lty = whisklty[i])
        sw <- wd * staplewex
        seg(c(x - sw, x - sw), c(s[1L], s[5L]), c(x + sw, x + sw), c(s[1L], s[5L]), col = staplecol[i], lty = staplelty[i])
        if (outline && length(z$out)) {
            o <- z$out[z$group == i]
            if (length(o)) points(xs(rep(x, length(o)), o), ys(rep(x, length(o)), o), pch = outpch[i], cex = outcex[i], col = outcol[i], bg = outbg[i])
        }
    }
    axes <- is.null(pars$axes)
    if (!axes) axes <- pars$axes
    if (!add && axes) {
        ax.pars <- pars[names(pars) %in% c("xaxt", "yaxt", "xaxs", "yaxs", "las", "cex.axis", "col.axis", "format")]
        if (is.null(show.names) || show.names) do.call(axis, c(list(side = 1 + horizontal, at = at, labels = z$names), ax.pars))
        do.call(axis, c(list(side = 2 - horizontal), ax.pars))
    }
    if (!add && ann) do.call(title, pars[names(pars) %in% c("main", "sub", "xlab", "ylab", "cex.main", "col.main", "cex.lab", "col.lab")])
    if (!add && frame.plot) box()
    invisible(at)
}

## A contour plot with the areas between the levels filled, and a colour key at the right.
filled.contour <- function(x = seq(0, 1, length.out = nrow(z)), y = seq(0, 1, length.out = ncol(z)), z, xlim = range(x, finite = TRUE), ylim = range(y, finite = TRUE), zlim = range(z, finite = TRUE), levels = pretty(zlim, nlevels), nlevels = 20, color.palette = function(n) hcl.colors(n, "YlOrRd", rev = TRUE), col = color.palette(length(levels) - 1), plot.title, plot.axes, key.title, key.axes, asp = NA, xaxs = "i", yaxs = "i", las = 1, axes = TRUE, frame.plot = axes, ...) {
    if (missing(z)) {
        if (!missing(x)) {
            if (is.list(x)) { z <- x$z; y <- x$y; x <- x$x }
            else { z <- x; x <- seq.int(0, 1, length.out = nrow(z)) }
        } else stop("no 'z' matrix specified")
    } else if (is.list(x)) { y <- x$y; x <- x$x }
    if (any(diff(x) <= 0) || any(diff(y) <= 0)) stop("increasing 'x' and 'y' values expected")
    mar.orig <- (par.orig <- par(c("mar", "las", "mfrow")))$mar
    on.exit(par(par.orig))
    w <- (3 + mar.orig[2L]) * par("csi") * 2.54
    wk <- w / 2.54
    layout(matrix(c(2, 1), ncol = 2L), widths = c(max(par("din")[1L] - wk, wk), wk))
    par(las = las)
    mar <- mar.orig
    mar[4L] <- mar[2L]
    mar[2L] <- 1
    par(mar = mar)
    plot.new()
    plot.window(xlim = c(0, 1), ylim = range(levels), xaxs = "i", yaxs = "i")
    rect(0, levels[-length(levels)], 1, levels[-1L], col = col, border = NA)
    if (missing(key.axes)) { if (axes) axis(4) } else key.axes
    box()
    if (!missing(key.title)) key.title
    mar <- mar.orig
    mar[4L] <- 1
    par(mar = mar)
    plot.new()
    plot.window(xlim, ylim, "", xaxs = xaxs, yaxs = yaxs, asp = asp)
    .filled.contour(x, y, z, levels, col)
    if (missing(plot.axes)) { if (axes) { title(main = "", xlab = "", ylab = ""); Axis(x, side = 1); Axis(y, side = 2) } } else plot.axes
    if (frame.plot) box()
    if (missing(plot.title)) title(...) else plot.title
    invisible()
}

## Fills the regions between contour levels of z over the grid x, y in the current plot (bilinear refinement of the grid, cells coloured by level band).
.filled.contour <- function(x, y, z, levels, col) {
    k <- max(1L, min(8L, as.integer(400 / max(length(x), length(y)))))
    refine <- function(v) { m <- length(v); if (m < 2L || k == 1L) v else c(unlist(lapply(seq_len(m - 1L), function(i) v[i] + (v[i + 1L] - v[i]) * (0:(k - 1L)) / k)), v[m]) }
    xi <- refine(x); yi <- refine(y)
    interp1 <- function(v, g, gi) { j <- findInterval(gi, g, rightmost.closed = TRUE); j[j >= length(g)] <- length(g) - 1L; t <- (gi - g[j]) / (g[j + 1L] - g[j]); list(j = j, t = t) }
    ix <- interp1(NULL, x, xi); iy <- interp1(NULL, y, yi)
    z00 <- z[ix$j, iy$j, drop = FALSE]; z10 <- z[ix$j + 1L, iy$j, drop = FALSE]
    z01 <- z[ix$j, iy$j + 1L, drop = FALSE]; z11 <- z[ix$j + 1L, iy$j + 1L, drop = FALSE]
    tx <- ix$t; ty <- matrix(iy$t, length(xi), length(yi), byrow = TRUE)
    zi <- (1 - tx) * (1 - ty) * z00 + tx * (1 - ty) * z10 + (1 - tx) * ty * z01 + tx * ty * z11
    zi[zi < min(levels) | zi > max(levels)] <- NA
    image(xi, yi, zi, col = col, breaks = levels, add = TRUE)
    invisible()
}

## Converts to a raster image (a matrix of colours, from the top left; stored column by column, so that
## replacing x[i] or x[i, j] works as on the matrix): generic.
as.raster <- function(x, ...) UseMethod("as.raster")

## A raster is its own raster image.
as.raster.raster <- function(x, ...) x

## A matrix of numbers in [0, max] (grey levels), logicals (black/white) or colours as a raster image.
as.raster.matrix <- function(x, max = 1, ...) {
    if (is.character(x)) r <- x
    else if (is.logical(x)) r <- ifelse(x, "#FFFFFF", "#000000")
    else if (is.numeric(x)) {
        rng <- range(x, na.rm = TRUE)
        if (rng[1L] < 0 || rng[2L] > max) stop("a raster matrix must be in the range 0 to max")
        r <- gray(x / max)
    } else stop("a raster matrix must be character, or numeric, or logical")
    r <- matrix(r, nrow(x), ncol(x))
    structure(c(r), dim = dim(x), class = "raster")
}

## A vector as a one-column raster image.
as.raster.default <- function(x, max = 1, ...) {
    if (is.array(x) && length(dim(x)) == 3L) return(as.raster.array(x, max = max, ...))
    as.raster.matrix(matrix(x, ...), max = max)
}

## A three-dimensional array (rows, columns, RGB or RGBA channels in [0, max]) as a raster image.
as.raster.array <- function(x, max = 1, ...) {
    d <- dim(x)
    if (length(d) != 3L || !(d[3L] %in% 3:4)) stop("a raster array must have exactly 3 or 4 planes")
    r <- if (d[3L] == 3L) rgb(x[, , 1L], x[, , 2L], x[, , 3L], maxColorValue = max) else rgb(x[, , 1L], x[, , 2L], x[, , 3L], x[, , 4L], maxColorValue = max)
    as.raster.matrix(matrix(r, d[1L], d[2L]))
}

## A raster image as its matrix of colours.
as.matrix.raster <- function(x, ...) {
    d <- dim(x)
    matrix(unclass(x), nrow = d[1L], ncol = d[2L])
}

## Tests for a raster image.
is.raster <- function(x) inherits(x, "raster")

## Prints a raster image as its matrix of colours.
print.raster <- function(x, ...) {
    m <- as.matrix(x)
    print(m, quote = TRUE)
    invisible(x)
}

## Indexes a raster image like a matrix of colours: x[i] gives colours, x[i, j] a raster.
`[.raster` <- function(x, i, ..., drop = FALSE) {
    m <- as.matrix(x)
    if (...length() == 0L) return(if (missing(i)) m else m[i])
    # the column subscript, if not empty (x[i, ])
    j <- tryCatch({ j <- ..1; j }, error = function(e) NULL)
    r <- if (missing(i) && is.null(j)) m else if (is.null(j)) m[i, , drop = FALSE] else if (missing(i)) m[, j, drop = FALSE] else m[i, j, drop = FALSE]
    as.raster(r)
}

## Compares the colours of raster images (== and !=) as matrices.
Ops.raster <- function(e1, e2) {
    if (!(.Generic %in% c("==", "!="))) stop("operation not supported for rasters")
    if (inherits(e1, "raster")) e1 <- as.matrix(e1)
    if (inherits(e2, "raster")) e2 <- as.matrix(e2)
    get(.Generic)(e1, e2)
}

## Draws a raster image into the rectangle (xleft, ybottom)-(xright, ytop) of the current plot.
rasterImage <- function(image, xleft, ybottom, xright, ytop, angle = 0, interpolate = TRUE, ...) {
    r <- as.raster(image)
    m <- as.matrix(r)
    nr <- nrow(m); nc <- ncol(m)
    n <- max(length(xleft), length(ybottom), length(xright), length(ytop))
    xleft <- rep_len(xleft, n); xright <- rep_len(xright, n); ybottom <- rep_len(ybottom, n); ytop <- rep_len(ytop, n)
    for (k in seq_len(n)) {
        dx <- (xright[k] - xleft[k]) / nc; dy <- (ytop[k] - ybottom[k]) / nr
        col <- c(t(m))
        jj <- rep(seq_len(nc), nr); ii <- rep(seq_len(nr), each = nc)
        x0 <- xleft[k] + (jj - 1) * dx; y1 <- ytop[k] - (ii - 1) * dy
        if (angle != 0) {
            th <- angle * pi / 180
            for (q in seq_along(col)) {
                px <- c(x0[q], x0[q] + dx, x0[q] + dx, x0[q]) - xleft[k]; py <- c(y1[q] - dy, y1[q] - dy, y1[q], y1[q]) - ybottom[k]
                polygon(xleft[k] + px * cos(th) - py * sin(th), ybottom[k] + px * sin(th) + py * cos(th), col = col[q], border = NA)
            }
        } else rect(x0, y1 - dy, x0 + dx, y1, col = col, border = NA)
    }
    invisible()
}

## Plots a raster image in a plot region with aspect ratio 1 (or into an existing plot with add = TRUE).
plot.raster <- function(x, y, xlim = c(0, ncol(x)), ylim = c(0, nrow(x)), xaxs = "i", yaxs = "i", asp = 1, add = FALSE, ...) {
    if (!add) {
        plot.new()
        plot.window(xlim = xlim, ylim = ylim, asp = asp, xaxs = xaxs, yaxs = yaxs)
    }
    rasterImage(x, 0, 0, ncol(x), nrow(x), ...)
}

## Draws an axis suited to the class of x (generic; the default draws axis()).
Axis <- function(x = NULL, at = NULL, ..., side, labels = NULL) {
    if (!is.null(x)) UseMethod("Axis", x)
    else if (!is.null(at)) UseMethod("Axis", at)
    else axis(side = side, at = at, labels = if (is.null(labels)) TRUE else labels, ...)
}

## The default Axis method: axis() at the given positions.
Axis.default <- function(x = NULL, at = NULL, ..., side, labels = NULL) {
    axis(side = side, at = at, labels = if (is.null(labels)) TRUE else labels, ...)
}

## An axis for a table: its names at the positions 1..n.
Axis.table <- function(x, at, ..., side = 1, labels) {
    if (length(dim(x)) == 1) {
        nx <- dimnames(x)[[1L]]
        ow <- par("xaxt", "yaxt")
        on.exit(par(ow))
        par(xaxt = "s", yaxt = "s")
        if (missing(at)) at <- seq_along(nx)
        if (missing(labels)) labels <- nx
        axis(side = side, at = at, labels = labels, ...)
    } else stop("only for 1-D table")
}

## An X-spline through (or near) the control points x, y: shape 0 joins them, negative shapes interpolate, positive ones approximate; draws it, or returns the points when draw = FALSE.
xspline <- function(x, y = NULL, shape = 0, open = TRUE, repEnds = TRUE, draw = TRUE, border = par("fg"), col = NA, ...) {
    xy <- xy.coords(x, y, setLab = FALSE)
    px <- xy$x; py <- xy$y
    n <- length(px)
    shape <- rep_len(shape, n)
    if (n < 2L) return(invisible(list(x = px, y = py)))
    if (!open) { px <- c(px[n], px, px[1:2]); py <- c(py[n], py, py[1:2]); shape <- c(shape[n], shape, shape[1:2]) }
    else if (repEnds) { px <- c(px[1L], px, px[n]); py <- c(py[1L], py, py[n]); shape <- c(shape[1L], shape, shape[n]) }
    else { px <- c(px[1L], px, px[n]); py <- c(py[1L], py, py[n]); shape <- c(0, shape, 0) }
    m <- length(px)
    steps <- 16L
    t <- (0:(steps - 1L)) / steps
    ox <- numeric(); oy <- numeric()
    for (i in 2:(m - 2L)) {
        s <- mean(shape[i:(i + 1L)])
        p0 <- c(px[i - 1L], py[i - 1L]); p1 <- c(px[i], py[i]); p2 <- c(px[i + 1L], py[i + 1L]); p3 <- c(px[i + 2L], py[i + 2L])
        cr <- function(p0, p1, p2, p3) 0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t^2 + (-p0 + 3 * p1 - 3 * p2 + p3) * t^3)
        bs <- function(p0, p1, p2, p3) ((1 - t)^3 * p0 + (3 * t^3 - 6 * t^2 + 4) * p1 + (-3 * t^3 + 3 * t^2 + 3 * t + 1) * p2 + t^3 * p3) / 6
        lin <- function(p1, p2) p1 + (p2 - p1) * t
        fx <- if (s < 0) (1 + s) * lin(p1[1L], p2[1L]) - s * cr(p0[1L], p1[1L], p2[1L], p3[1L]) else (1 - s) * lin(p1[1L], p2[1L]) + s * bs(p0[1L], p1[1L], p2[1L], p3[1L])
        fy <- if (s < 0) (1 + s) * lin(p1[2L], p2[2L]) - s * cr(p0[2L], p1[2L], p2[2L], p3[2L]) else (1 - s) * lin(p1[2L], p2[2L]) + s * bs(p0[2L], p1[2L], p2[2L], p3[2L])
        ox <- c(ox, fx); oy <- c(oy, fy)
    }
    if (open) { ox <- c(ox, px[m - 1L]); oy <- c(oy, py[m - 1L]) }
    if (draw) {
        if (open) lines(ox, oy, col = border, ...)
        else polygon(ox, oy, border = border, col = col, ...)
        invisible(list(x = ox, y = oy))
    } else list(x = ox, y = oy)
}

## Conditional density plots (generic): how the conditional distribution of a factor y changes over a numeric x.
cdplot <- function(x, ...) UseMethod("cdplot")

## The formula interface of cdplot: y ~ x with y a factor.
cdplot.formula <- function(formula, data = list(), plot = TRUE, tol.ylab = 0.05, ylevels = NULL, bw = "nrd0", n = 512, from = NULL, to = NULL, col = NULL, border = 1, main = "", xlab = NULL, ylab = NULL, yaxlabels = NULL, xlim = NULL, ylim = c(0, 1), ..., subset = NULL) {
    mf <- .formula_frame(formula, data, environment(formula))
    if (ncol(mf) != 2L) stop("'formula' should specify exactly two variables")
    y <- mf[[1L]]; x <- mf[[2L]]
    if (is.null(xlab)) xlab <- names(mf)[2L]
    if (is.null(ylab)) ylab <- names(mf)[1L]
    cdplot.default(x, y, plot = plot, tol.ylab = tol.ylab, ylevels = ylevels, bw = bw, n = n, from = from, to = to, col = col, border = border, main = main, xlab = xlab, ylab = ylab, yaxlabels = yaxlabels, xlim = xlim, ylim = ylim, ...)
}

## Conditional densities of the levels of factor y given numeric x, stacked to 1; returns the conditional distribution functions invisibly.
cdplot.default <- function(x, y, plot = TRUE, tol.ylab = 0.05, ylevels = NULL, bw = "nrd0", n = 512, from = NULL, to = NULL, col = NULL, border = 1, main = "", xlab = NULL, ylab = NULL, yaxlabels = NULL, xlim = NULL, ylim = c(0, 1), weights = NULL, ...) {
    if (is.null(xlab)) xlab <- deparse1(substitute(x))
    if (is.null(ylab)) ylab <- deparse1(substitute(y))
    if (!is.factor(y)) y <- factor(y)
    y <- factor(y, levels = if (is.null(ylevels)) rev(levels(y)) else if (is.numeric(ylevels)) levels(y)[ylevels] else ylevels)
    ny <- length(levels(y))
    x <- as.numeric(x)
    if (is.null(yaxlabels)) yaxlabels <- levels(y)
    if (is.null(col)) col <- gray.colors(ny)
    col <- rep_len(col, ny)
    dx <- if (is.null(from) && is.null(to)) stats::density(x, bw = bw, n = n) else stats::density(x, bw = bw, n = n, from = if (is.null(from)) min(x) else from, to = if (is.null(to)) max(x) else to)
    x1 <- dx$x
    y1 <- matrix(0, nrow = length(x1), ncol = ny)
    for (i in seq_len(ny)) {
        xi <- x[y == levels(y)[i]]
        if (length(xi)) y1[, i] <- stats::density(xi, bw = dx$bw, n = n, from = min(dx$x), to = max(dx$x))$y * length(xi) / length(x)
    }
    y1 <- t(apply(y1, 1L, cumsum))
    y1 <- y1 / y1[, ny]
    y1 <- cbind(0, y1)
    rval <- lapply(seq_len(ny - 1L), function(i) approxfun(x1, y1[, i + 1L], rule = 2))
    names(rval) <- levels(y)[seq_len(ny - 1L)]
    if (plot) {
        if (is.null(xlim)) xlim <- range(x1)
        plot(0, 0, xlim = xlim, ylim = ylim, type = "n", axes = FALSE, xaxs = "i", yaxs = "i", xlab = xlab, ylab = ylab, main = main)
        for (i in seq_len(ny)) polygon(c(x1, rev(x1)), c(y1[, i + 1L], rev(y1[, i])), col = col[i], border = border)
        axis(1)
        equidist <- any(diff(y1[1L, ]) < tol.ylab)
        if (equidist) axis(2, at = seq.int(from = 1 / (2 * ny), by = 1 / ny, length.out = ny), labels = yaxlabels, tick = FALSE)
        else axis(2, at = (y1[1L, -1L] + y1[1L, -(ny + 1L)]) / 2, labels = yaxlabels, tick = FALSE)
        axis(4)
        box()
    }
    invisible(rval)
}

## The variables of a formula's model frame: evaluated in data first, then the formula's environment.
.formula_frame <- function(formula, data, env, subset = NULL) {
    if (is.null(data)) data <- env
    vars <- as.list(attr(stats::terms(formula, data = if (is.data.frame(data)) data else NULL), "variables"))[-1L]
    vals <- lapply(vars, function(v) eval(v, data, env))
    names(vals) <- vapply(vars, deparse1, "")
    nr <- max(vapply(vals, NROW, 1L))
    out <- structure(vals, class = "data.frame", row.names = seq_len(nr))
    if (!is.null(subset)) { subset <- subset & !is.na(subset); out <- out[subset, , drop = FALSE] }
    out
}

## Spine plots and spinograms (generic): a mosaic of y's conditional proportions across the categories (or histogram bins) of x.
spineplot <- function(x, ...) UseMethod("spineplot")

## The formula interface of spineplot: y ~ x.
spineplot.formula <- function(formula, data = NULL, breaks = NULL, tol.ylab = 0.05, off = NULL, ylevels = NULL, col = NULL, main = "", xlab = NULL, ylab = NULL, xaxlabels = NULL, yaxlabels = NULL, xlim = NULL, ylim = c(0, 1), axes = TRUE, ..., subset = NULL, weights = NULL, drop.unused.levels = FALSE) {
    mf <- .formula_frame(formula, data, environment(formula))
    if (ncol(mf) != 2L) stop("'formula' should specify exactly two variables")
    y <- mf[[1L]]; x <- mf[[2L]]
    if (is.null(xlab)) xlab <- names(mf)[2L]
    if (is.null(ylab)) ylab <- names(mf)[1L]
    spineplot.default(x, y, breaks = breaks, tol.ylab = tol.ylab, off = off, ylevels = ylevels, col = col, main = main, xlab = xlab, ylab = ylab, xaxlabels = xaxlabels, yaxlabels = yaxlabels, xlim = xlim, ylim = ylim, axes = axes, ...)
}

## A spine plot of factor y against x (a factor, a two-way table, or numbers binned like a histogram); returns the table invisibly.
spineplot.default <- function(x, y = NULL, breaks = NULL, tol.ylab = 0.05, off = NULL, ylevels = NULL, col = NULL, main = "", xlab = NULL, ylab = NULL, xaxlabels = NULL, yaxlabels = NULL, xlim = NULL, ylim = c(0, 1), axes = TRUE, ...) {
    if (missing(y)) {
        if (length(dim(x)) != 2L) stop("a 2-way table has to be specified")
        tab <- x
        x.categorical <- TRUE
        if (is.null(xlab)) xlab <- names(dimnames(tab))[1L]
        if (is.null(ylab)) ylab <- names(dimnames(tab))[2L]
        xnam <- dimnames(tab)[[1L]]
        ynam <- dimnames(tab)[[2L]]
        ny <- NCOL(tab)
        nx <- NROW(tab)
    } else {
        if (!is.factor(y)) stop("dependent variable should be a factor")
        if (!is.null(ylevels)) y <- factor(y, levels = if (is.numeric(ylevels)) levels(y)[ylevels] else ylevels)
        x.categorical <- is.factor(x)
        if (is.null(xlab)) xlab <- deparse1(substitute(x))
        if (is.null(ylab)) ylab <- deparse1(substitute(y))
        if (x.categorical) {
            tab <- table(x, y)
            xnam <- levels(x)
            nx <- NROW(tab)
        }
        ynam <- levels(y)
        ny <- length(ynam)
    }
    if (is.null(col)) col <- gray.colors(ny)
    col <- rep_len(col, ny)
    off <- if (!x.categorical) 0 else if (is.null(off)) 0.02 else off / 100
    yaxlabels <- if (is.null(yaxlabels)) ynam else rep_len(yaxlabels, ny)
    if (x.categorical) {
        xat <- c(0, cumsum(rowSums(tab) / sum(tab) + off))
        xaxlabels <- if (is.null(xaxlabels)) xnam else rep_len(xaxlabels, nx)
    } else {
        # numeric x is binned by hist()'s breaks
        if (!(xnumeric <- is.numeric(x))) {
            xorig <- x
            x <- as.numeric(x)
        }
        hargs <- if (is.null(breaks)) list() else as.numeric(breaks)
        if (!is.list(hargs)) hargs <- list(breaks = hargs)
        hargs <- c(list(x = x), hargs)
        hargs$plot <- FALSE
        breaks <- do.call("hist", hargs)$breaks
        x1 <- cut(x, breaks = breaks, include.lowest = TRUE)
        tab <- table(x1, y)
        xat <- c(0, cumsum(rowSums(tab) / sum(tab)))
        nx <- NROW(tab)
        xaxlabels <- if (is.null(xaxlabels)) {
            if (xnumeric) breaks else c(xorig[1L], xorig[c(diff(as.numeric(x1)) > 0, TRUE)])
        } else rep_len(xaxlabels, nx + 1L)
    }
    yaxlabels <- rev(yaxlabels)
    # cumulative proportions of the levels, last level at the bottom
    yat <- rbind(0, apply(prop.table(tab[, ncol(tab):1L, drop = FALSE], 1), 1L, cumsum))
    yat[is.na(yat)] <- 1
    if (is.null(xlim)) xlim <- c(0, 1 + off * (nx - 1L))
    else if (any(xlim < 0) || any(xlim > 1)) {
        warning("x axis is on a cumulative probability scale, 'xlim' must be in [0,1]")
        xlim <- if (min(xlim) > 1 || max(xlim) < 0) c(0, 1) else c(max(min(xlim), 0), min(max(xlim), 1))
    }
    if (any(ylim < 0) || any(ylim > 1)) {
        warning("y axis is on a cumulative probability scale, 'ylim' must be in [0,1]")
        ylim <- if (min(ylim) > 1 || max(ylim) < 0) c(0, 1) else c(max(min(ylim), 0), min(max(ylim), 1))
    }
    plot(0, 0, xlim = xlim, ylim = ylim, type = "n", axes = FALSE, xaxs = "i", yaxs = "i", main = main, xlab = xlab, ylab = ylab)
    ybottom <- as.vector(yat[-(ny + 1L), ])
    ytop <- as.vector(yat[-1L, ])
    xleft <- rep(xat[1L:nx], rep(ny, nx))
    xright <- rep(xat[2L:(nx + 1L)] - off, rep(ny, nx))
    rect(xleft, ybottom, xright, ytop, col = rep(col, nx), ...)
    if (axes) {
        if (x.categorical) axis(1, at = (xat[1L:nx] + xat[2L:(nx + 1L)] - off) / 2, labels = xaxlabels, tick = FALSE)
        else axis(1, at = xat, labels = xaxlabels)
        yat <- yat[, 1L]
        equidist <- any(diff(yat) < tol.ylab)
        yat <- if (equidist) seq.int(1 / (2 * ny), 1 - 1 / (2 * ny), by = 1 / ny) else (yat[-1L] + yat[-length(yat)]) / 2
        axis(2, at = yat, labels = yaxlabels, tick = FALSE)
        axis(4)
    }
    if (!x.categorical) box()
    names(dimnames(tab)) <- c(xlab, ylab)
    invisible(tab)
}

## A Cohen-Friendly association plot of a two-way table: one bar per cell, its height the Pearson residual and its width the square root of the expected count.
assocplot <- function(x, col = c("black", "red"), space = 0.3, main = NULL, xlab = NULL, ylab = NULL) {
    if (length(dim(x)) != 2L) stop("'x' must be a 2-d contingency table")
    if (any(x < 0) || anyNA(x)) stop("all entries of 'x' must be nonnegative and finite")
    if ((n <- sum(x)) == 0L) stop("at least one entry of 'x' must be positive")
    if (length(col) != 2L) stop("incorrect 'col': must be length 2")
    f <- x[, rev(seq_len(NCOL(x)))]
    e <- outer(rowSums(f), colSums(f)) / n
    d <- (f - e) / sqrt(e)
    e <- sqrt(e)
    x.w <- apply(e, 1L, max)
    y.h <- apply(d, 2L, max) - apply(d, 2L, min)
    x.delta <- mean(x.w) * space
    y.delta <- mean(y.h) * space
    xlim <- c(0, sum(x.w) + NROW(f) * x.delta)
    ylim <- c(0, sum(y.h) + NCOL(f) * y.delta)
    plot.new()
    plot.window(xlim, ylim, log = "")
    x.r <- cumsum(x.w + x.delta)
    x.m <- (c(0, x.r[-NROW(f)]) + x.r) / 2
    y.u <- cumsum(y.h + y.delta)
    y.m <- y.u - apply(pmax(d, 0), 2L, max) - y.delta / 2
    z <- expand.grid(x.m, y.m)
    rect(z[, 1] - e / 2, z[, 2], z[, 1] + e / 2, z[, 2] + d, col = col[1 + (d < 0)])
    axis(1, at = x.m, labels = rownames(f), tick = FALSE)
    axis(2, at = y.m, labels = colnames(f), tick = FALSE)
    abline(h = y.m, lty = 2)
    dn <- names(dimnames(f))
    if (is.null(xlab) && length(dn)) xlab <- dn[1L]
    if (is.null(ylab) && length(dn)) ylab <- dn[2L]
    title(main = main, xlab = xlab, ylab = ylab)
    invisible()
}

## Fourfold displays of 2 x 2 (x k) tables: quarter circles with areas proportional to the (standardized) cell counts.
fourfoldplot <- function(x, color = c("#99CCFF", "#6699CC"), conf.level = 0.95, std = c("margins", "ind.max", "all.max"), margin = c(1, 2), space = 0.2, main = NULL, mfrow = NULL, mfcol = NULL) {
    if (!is.array(x)) stop("'x' must be an array")
    if (length(dim(x)) == 2L) x <- if (is.null(dimnames(x))) array(x, c(dim(x), 1L)) else array(x, c(dim(x), 1L), c(dimnames(x), list(NULL)))
    if (length(dim(x)) != 3L) stop("'x' must be 2- or 3-dimensional")
    if (any(dim(x)[1L:2L] != 2L)) stop("table for stratum 1 is not 2 by 2")
    std <- match.arg(std)
    k <- dim(x)[3L]
    dnx <- dimnames(x)
    if (is.null(dnx)) dnx <- vector("list", 3L)
    for (i in which(vapply(dnx, is.null, NA))) dnx[[i]] <- LETTERS[seq_len(dim(x)[i])]
    if (is.null(names(dnx))) i <- 1L:3 else i <- which(is.null(names(dnx)))
    if (is.null(names(dnx))) names(dnx) <- c("", "", "")
    if (k > 1L) {
        if (is.null(mfrow) && is.null(mfcol)) { nr <- ceiling(sqrt(k)); mfrow <- c(nr, ceiling(k / nr)) }
        op <- if (!is.null(mfrow)) par(mfrow = mfrow) else par(mfcol = mfcol)
        on.exit(par(op))
    }
    stdize <- function(t) {
        t <- t + 0
        if (std == "margins") {
            for (it in 1:25) {
                if (1 %in% margin) t <- t / rowSums(t) * (sum(t) / 2)
                if (2 %in% margin) t <- t / rep(colSums(t), each = 2) * (sum(t) / 2)
            }
            t / max(t)
        } else if (std == "ind.max") t / max(t) else t / max(x)
    }
    for (s in seq_len(k)) {
        tab <- x[, , s]
        fit <- stdize(tab)
        plot.new()
        plot.window(c(-1 - space, 1 + space), c(-1 - space, 1 + space), asp = 1)
        quarter <- function(r, a0, col) {
            th <- seq(a0, a0 + pi / 2, length.out = 50)
            polygon(c(0, r * cos(th), 0), c(0, r * sin(th), 0), col = col, border = NA)
        }
        ang <- c(pi / 2, pi, 0, 3 * pi / 2)
        cells <- c(tab[1, 1], tab[2, 1], tab[1, 2], tab[2, 2])
        sf <- c(fit[1, 1], fit[2, 1], fit[1, 2], fit[2, 2])
        or <- (tab[1, 1] * tab[2, 2]) / (tab[1, 2] * tab[2, 1])
        cols <- if (is.finite(or) && or > 1) color[c(2, 1, 1, 2)] else color[c(1, 2, 2, 1)]
        for (q in 1:4) quarter(sqrt(sf[q]), ang[q], cols[q])
        th <- seq(0, 2 * pi, length.out = 200)
        lines(cos(th), sin(th))
        segments(c(-1, 0), c(0, -1), c(1, 0), c(0, 1))
        u <- 1 + space / 2
        text(c(-0.7, -0.7, 0.7, 0.7), c(0.7, -0.7, 0.7, -0.7) * 1.05, cells, cex = 1)
        text(0, u, paste(names(dnx)[1L], dnx[[1L]][1L], sep = if (nzchar(names(dnx)[1L])) ": " else ""), adj = c(0.5, 0))
        text(0, -u, paste(names(dnx)[1L], dnx[[1L]][2L], sep = if (nzchar(names(dnx)[1L])) ": " else ""), adj = c(0.5, 1))
        text(-u, 0, paste(names(dnx)[2L], dnx[[2L]][1L], sep = if (nzchar(names(dnx)[2L])) ": " else ""), srt = 90, adj = c(0.5, 0))
        text(u, 0, paste(names(dnx)[2L], dnx[[2L]][2L], sep = if (nzchar(names(dnx)[2L])) ": " else ""), srt = -90, adj = c(0.5, 0))
        if (k > 1L) title(main = paste(names(dnx)[3L], dnx[[3L]][s], sep = if (nzchar(names(dnx)[3L])) ": " else ""))
        else if (!is.null(main)) title(main = main)
    }
    invisible()
}

## A scatter plot drawn as a smoothed density image (dark where points are dense), with the nrpoints points in the sparsest regions drawn on top.
smoothScatter <- function(x, y = NULL, nbin = 128, bandwidth, colramp = colorRampPalette(c("white", blues9)), nrpoints = 100, ret.selection = FALSE, pch = ".", cex = 1, col = "black", transformation = function(x) x^0.25, postPlotHook = box, xlab = NULL, ylab = NULL, xlim, ylim, xaxs = par("xaxs"), yaxs = par("yaxs"), ...) {
    if (!is.numeric(nrpoints) || nrpoints < 0 || length(nrpoints) != 1) stop("'nrpoints' should be numeric scalar with value >= 0.")
    nrpoints <- round(nrpoints)
    xlabel <- if (!missing(x)) deparse1(substitute(x))
    ylabel <- if (!missing(y)) deparse1(substitute(y))
    xy <- xy.coords(x, y, xlabel, ylabel)
    xlab <- if (is.null(xlab)) xy$xlab else xlab
    ylab <- if (is.null(ylab)) xy$ylab else ylab
    x <- cbind(xy$x, xy$y)[is.finite(xy$x) & is.finite(xy$y), , drop = FALSE]
    if (!missing(xlim)) { stopifnot(is.numeric(xlim), length(xlim) == 2, is.finite(xlim)); x <- x[min(xlim) <= x[, 1] & x[, 1] <= max(xlim), , drop = FALSE] }
    else xlim <- range(x[, 1])
    if (!missing(ylim)) { stopifnot(is.numeric(ylim), length(ylim) == 2, is.finite(ylim)); x <- x[min(ylim) <= x[, 2] & x[, 2] <= max(ylim), , drop = FALSE] }
    else ylim <- range(x[, 2])
    map <- .smooth_density(x, nbin, if (missing(bandwidth)) NULL else bandwidth)
    xm <- map$x1; ym <- map$x2
    dens <- array(transformation(map$fhat), dim = dim(map$fhat))
    image(xm, ym, z = dens, col = colramp(256), xlab = xlab, ylab = ylab, xlim = xlim, ylim = ylim, xaxs = xaxs, yaxs = yaxs, ...)
    if (!is.null(postPlotHook)) postPlotHook()
    if (nrpoints > 0) {
        nrpoints <- min(nrow(x), ceiling(nrpoints))
        stopifnot((nx <- length(xm)) == nrow(dens), (ny <- length(ym)) == ncol(dens))
        ixm <- 1L + as.integer((nx - 1) * (x[, 1] - xm[1L]) / (xm[nx] - xm[1L]))
        iym <- 1L + as.integer((ny - 1) * (x[, 2] - ym[1L]) / (ym[ny] - ym[1L]))
        sel <- order(dens[cbind(ixm, iym)])[seq_len(nrpoints)]
        x <- x[sel, , drop = FALSE]
        points(x, pch = pch, cex = cex, col = col)
        if (ret.selection) return(invisible(sel))
    }
    invisible()
}

## Plots the means (or fun) of the response at each level of each factor of a design, one vertical line of level labels per factor.
plot.design <- function(x, y = NULL, fun = mean, data = NULL, ..., ylim = NULL, xlab = "Factors", ylab = NULL, main = NULL, ask = NULL, xaxt = par("xaxt"), axes = TRUE, xtick = FALSE) {
    fname <- deparse1(substitute(fun))
    if (inherits(x, "formula")) {
        mf <- .formula_frame(x, data, environment(x))
        y <- mf[[1L]]
        yname <- names(mf)[1L]
        x <- mf[-1L]
    } else if (is.data.frame(x)) {
        if (is.null(y)) {
            isnum <- vapply(x, is.numeric, NA)
            yname <- names(x)[isnum][1L]
            y <- x[[yname]]
            x <- x[!isnum]
        } else yname <- deparse1(substitute(y))
    } else stop("'x' must be a data frame or a formula")
    x <- x[vapply(x, is.factor, NA)]
    if (!length(x)) stop("no factors in the design")
    if (is.null(ylab)) ylab <- paste(fname, "of", yname)
    nf <- length(x)
    tots <- lapply(x, function(f) tapply(y, f, fun))
    gm <- fun(y)
    if (is.null(ylim)) ylim <- range(gm, unlist(tots), na.rm = TRUE)
    plot(c(0, nf + 1), ylim, type = "n", axes = FALSE, xlab = xlab, ylab = ylab, main = main, ...)
    segments(0.5, gm, nf + 0.5, gm)
    for (j in seq_len(nf)) {
        tj <- tots[[j]]
        segments(j, min(tj, na.rm = TRUE), j, max(tj, na.rm = TRUE))
        segments(j - 0.05, tj, j + 0.05, tj)
        text(j - 0.1, tj, names(tj), adj = 1, cex = 0.8, xpd = TRUE)
    }
    if (axes) {
        axis(1, at = seq_len(nf), labels = names(x), tick = xtick, xaxt = xaxt)
        axis(2)
    }
    invisible()
}

## Star (spider) plots or segment diagrams of a multivariate data set: one star per row, rays proportional to the scaled columns.
stars <- function(x, full = TRUE, scale = TRUE, radius = TRUE, labels = dimnames(x)[[1L]], locations = NULL, nrow = NULL, ncol = NULL, len = 1, key.loc = NULL, key.labels = dimnames(x)[[2L]], key.xpd = TRUE, xlim = NULL, ylim = NULL, flip.labels = NULL, draw.segments = FALSE, col.segments = 1L:n.seg, col.stars = NA, col.lines = NA, axes = FALSE, frame.plot = axes, main = NULL, sub = NULL, xlab = "", ylab = "", cex = 0.8, lwd = 0.25, lty = par("lty"), xpd = FALSE, mar = pmin(par("mar"), 1.1 + c(2 * axes + (xlab != ""), 2 * axes + (ylab != ""), 1, 0)), add = FALSE, plot = TRUE, ...) {
    if (is.data.frame(x)) x <- data.matrix(x)
    else if (!is.matrix(x)) stop("'x' must be a matrix or a data frame")
    if (!is.numeric(x)) stop("data in 'x' must be numeric")
    n.loc <- nrow(x)
    n.seg <- ncol(x)
    if (is.null(locations)) {
        if (is.null(nrow)) nrow <- ceiling(if (!is.numeric(ncol)) sqrt(n.loc) else n.loc / ncol)
        if (is.null(ncol)) ncol <- ceiling(n.loc / nrow)
        if (nrow * ncol < n.loc) stop("'nrow * ncol' is less than the number of observations")
        ff <- if (!is.null(labels)) 2.3 else 2.1
        locations <- expand.grid(ff * 1L:ncol, ff * nrow:1)[1L:n.loc, ]
        if (!is.null(labels) && (is.null(flip.labels) || !is.logical(flip.labels))) flip.labels <- ncol * mean(nchar(labels, type = "c")) > 30
    } else {
        if (is.numeric(locations) && length(locations) == 2) {
            locations <- cbind(rep.int(locations[1L], n.loc), rep.int(locations[2L], n.loc))
            if (!missing(labels) && n.loc > 1) warning("labels do not make sense for a single location")
            else labels <- NULL
        } else {
            if (is.data.frame(locations)) locations <- data.matrix(locations)
            if (!is.matrix(locations) || ncol(locations) != 2) stop("'locations' must be a 2-column matrix.")
            if (n.loc != nrow(locations)) stop("number of rows of 'locations' and 'x' must be equal.")
        }
        if (is.null(flip.labels) || !is.logical(flip.labels)) flip.labels <- FALSE
    }
    locations <- as.matrix(locations)
    xloc <- locations[, 1]; yloc <- locations[, 2]
    angles <- if (full) seq.int(0, 2 * pi, length.out = n.seg + 1)[-(n.seg + 1)] else if (draw.segments) seq.int(0, pi, length.out = n.seg + 1)[-(n.seg + 1)] else seq.int(0, pi, length.out = n.seg)
    if (length(angles) != n.seg) stop("length of 'angles' must equal 'ncol(x)'")
    if (scale) {
        x <- apply(x, 2L, function(v) { r <- range(v, na.rm = TRUE); (v - r[1L]) / (r[2L] - r[1L]) })
        if (!is.matrix(x)) x <- matrix(x, nrow = n.loc)
    }
    x[is.na(x)] <- 0
    mx <- max(x <- x * len)
    if (is.null(xlim)) xlim <- range(xloc) + c(-mx, mx)
    if (is.null(ylim)) ylim <- range(yloc) + c(-mx, mx)
    deg <- pi / 180
    op <- par(mar = mar, xpd = xpd)
    on.exit(par(op))
    if (!add) plot(0, type = "n", ..., xlim = xlim, ylim = ylim, main = main, sub = sub, xlab = xlab, ylab = ylab, asp = 1, axes = axes)
    if (!plot) return(locations)
    s.x <- xloc + x * rep.int(cos(angles), rep.int(n.loc, n.seg))
    s.y <- yloc + x * rep.int(sin(angles), rep.int(n.loc, n.seg))
    if (draw.segments) {
        aangl <- c(angles, if (full) 2 * pi else pi)
        for (i in 1L:n.loc) {
            px <- py <- numeric()
            for (j in 1L:n.seg) {
                k <- seq.int(from = aangl[j], to = aangl[j + 1], by = 1 * deg)
                px <- c(px, xloc[i], s.x[i, j], x[i, j] * cos(k) + xloc[i], NA)
                py <- c(py, yloc[i], s.y[i, j], x[i, j] * sin(k) + yloc[i], NA)
            }
            polygon(px, py, col = col.segments, lwd = lwd, lty = lty)
        }
    } else {
        for (i in 1L:n.loc) {
            polygon(s.x[i, ], s.y[i, ], lwd = lwd, lty = lty, col = rep_len(col.stars, n.loc)[i])
            polygon(s.x[i, ], s.y[i, ], lwd = lwd, lty = lty, border = rep_len(col.lines, n.loc)[i], col = NA)
            if (radius) segments(rep.int(xloc[i], n.seg), rep.int(yloc[i], n.seg), s.x[i, ], s.y[i, ], lwd = lwd, lty = lty)
        }
    }
    if (!is.null(labels)) {
        y.off <- mx * (if (full) 1 else 0.1)
        if (isTRUE(flip.labels)) y.off <- y.off + cex * par("cin")[2L] / par("pin")[2L] * diff(par("usr")[3:4]) * ((1L:n.loc) %% 2 - if (full) 0.4 else 0)
        text(xloc, yloc - y.off, labels, cex = cex, adj = c(0.5, 1))
    }
    if (!is.null(key.loc)) {
        par(xpd = key.xpd)
        key.x <- len * cos(angles) + key.loc[1L]
        key.y <- len * sin(angles) + key.loc[2L]
        if (draw.segments) {
            px <- py <- numeric()
            for (j in 1L:n.seg) {
                k <- seq.int(from = aangl[j], to = aangl[j + 1], by = 1 * deg)
                px <- c(px, key.loc[1L], key.x[j], len * cos(k) + key.loc[1L], NA)
                py <- c(py, key.loc[2L], key.y[j], len * sin(k) + key.loc[2L], NA)
            }
            polygon(px, py, col = col.segments, lwd = lwd, lty = lty)
        } else {
            polygon(key.x, key.y, lwd = lwd, lty = lty)
            if (radius) segments(rep.int(key.loc[1L], n.seg), rep.int(key.loc[2L], n.seg), key.x, key.y, lwd = lwd, lty = lty)
        }
        lab.angl <- angles + if (draw.segments) (angles[2L] - angles[1L]) / 2 else 0
        label.x <- 1.1 * len * cos(lab.angl) + key.loc[1L]
        label.y <- 1.1 * len * sin(lab.angl) + key.loc[2L]
        for (k in 1L:n.seg) {
            text.adj <- c(if (lab.angl[k] < 90 * deg || lab.angl[k] > 270 * deg) 0 else if (lab.angl[k] > 90 * deg && lab.angl[k] < 270 * deg) 1 else 0.5, if (lab.angl[k] <= 90 * deg) (1 - lab.angl[k] / (90 * deg)) / 2 else if (lab.angl[k] <= 270 * deg) (lab.angl[k] - 90 * deg) / (180 * deg) else 1 - (lab.angl[k] - 270 * deg) / (180 * deg))
            text(label.x[k], label.y[k], labels = key.labels[k], cex = cex, adj = text.adj)
        }
    }
    if (frame.plot) box(...)
    invisible(locations)
}

## Bar plots from a formula: y ~ g (one bar per row), cbind(y1, y2) ~ g (stacked), or y ~ g1 + g2 (a two-way table of sums).
barplot.formula <- function(formula, data = parent.frame(), subset, na.action, horiz = FALSE, xlab = NULL, ylab = NULL, ...) {
    if (missing(formula) || length(formula) != 3L) stop("'formula' missing or incorrect")
    md <- if (missing(data)) NULL else data
    s <- if (!missing(subset)) eval(substitute(subset), md, parent.frame())
    mf <- .formula_frame(formula, md, environment(formula), subset = s)
    lhs <- mf[[1L]]
    rhs <- mf[-1L]
    if (is.matrix(lhs)) {
        if (ncol(rhs) != 1L) stop("right-hand side of formula must be a single variable when the left-hand side is a matrix")
        height <- t(lhs)
        colnames(height) <- as.character(rhs[[1L]])
        if (is.null(xlab)) xlab <- names(rhs)[1L]
    } else if (ncol(rhs) == 1L) {
        height <- as.numeric(lhs)
        names(height) <- as.character(rhs[[1L]])
        if (is.null(xlab)) xlab <- names(rhs)[1L]
        if (is.null(ylab)) ylab <- names(mf)[1L]
    } else if (ncol(rhs) == 2L) {
        height <- tapply(lhs, list(rhs[[1L]], rhs[[2L]]), sum)
        height[is.na(height)] <- 0
        if (is.null(xlab)) xlab <- names(rhs)[2L]
        if (is.null(ylab)) ylab <- names(mf)[1L]
    } else stop("formula with more than two right-hand side variables")
    if (horiz) { t <- xlab; xlab <- ylab; ylab <- t }
    barplot(height, horiz = horiz, xlab = xlab, ylab = ylab, ...)
}

## Tick positions and a format for a date-time axis over the range r (seconds since the epoch, UTC).
.time_ticks <- function(r, tz = "") {
    d <- diff(r)
    lo <- as.POSIXct(r[1L], origin = "1970-01-01", tz = tz); hi <- as.POSIXct(r[2L], origin = "1970-01-01", tz = tz)
    lt <- as.POSIXlt(lo)
    start_at <- function(unit) {
        l <- lt
        l$sec <- 0
        if (unit %in% c("hour", "day", "month", "year")) l$min <- 0
        if (unit %in% c("day", "month", "year")) l$hour <- 0
        if (unit %in% c("month", "year")) l$mday <- 1
        if (unit == "year") l$mon <- 0
        as.POSIXct(l)
    }
    if (d < 60) { by <- max(1, pretty(c(0, d))[2L]); at <- seq(floor(r[1L] / by) * by, r[2L], by = by); fmt <- "%S" }
    else if (d < 3600) { by <- 60 * max(1, pretty(c(0, d / 60))[2L]); at <- seq(floor(r[1L] / by) * by, r[2L], by = by); fmt <- "%H:%M" }
    else if (d < 86400 * 1.5) { by <- 3600 * max(1, pretty(c(0, d / 3600))[2L]); at <- seq(as.numeric(start_at("hour")), r[2L], by = by); fmt <- "%H:%M" }
    else if (d < 86400 * 7) { at <- seq(as.numeric(start_at("day")), r[2L], by = 86400); fmt <- "%a" }
    else if (d < 86400 * 200) {
        by <- if (d < 86400 * 40) "week" else "month"
        at <- as.numeric(seq(start_at(if (by == "week") "day" else "month"), hi, by = by)); fmt <- if (by == "week") "%b %d" else "%b"
    } else if (d < 86400 * 366 * 1.5) { at <- as.numeric(seq(start_at("month"), hi, by = "month")); fmt <- "%b" }
    else {
        yrs <- pretty(as.POSIXlt(c(lo, hi))$year + 1900)
        at <- as.numeric(as.POSIXct(paste0(yrs, "-01-01"), tz = tz)); fmt <- "%Y"
    }
    at <- at[at >= r[1L] - 1e-6 * d & at <= r[2L] + 1e-6 * d]
    list(at = at, format = fmt)
}

## An axis labelled with date-times (x or at POSIXct; format as in strftime).
axis.POSIXct <- function(side, x, at, format, labels = TRUE, ...) {
    range <- sort(par("usr")[if (side %% 2) 1L:2L else 3L:4L])
    tz <- if (!missing(x) && !is.null(attr(x, "tzone"))) attr(x, "tzone") else if (!missing(at) && !is.null(attr(at, "tzone"))) attr(at, "tzone") else ""
    if (missing(at) || is.null(at)) {
        tk <- .time_ticks(range, tz)
        at <- tk$at
        if (missing(format)) format <- tk$format
    } else {
        at <- as.numeric(as.POSIXct(at))
        if (missing(format)) format <- .time_ticks(range(at), tz)$format
    }
    if (identical(labels, TRUE)) labels <- format(as.POSIXct(at, origin = "1970-01-01", tz = tz), format = format)
    else if (identical(labels, FALSE)) labels <- rep("", length(at))
    axis(side, at = at, labels = labels, ...)
}

## An axis labelled with dates (x or at Dates; format as in strftime).
axis.Date <- function(side, x, at, format, labels = TRUE, ...) {
    range <- sort(par("usr")[if (side %% 2) 1L:2L else 3L:4L])
    if (missing(at) || is.null(at)) {
        tk <- .time_ticks(range * 86400, "UTC")
        at <- tk$at / 86400
        if (missing(format)) format <- if (tk$format %in% c("%H:%M", "%S")) "%b %d" else tk$format
        at <- unique(floor(at))
    } else {
        at <- as.numeric(as.Date(at))
        if (missing(format)) { f <- .time_ticks(range(at) * 86400, "UTC")$format; format <- if (f %in% c("%H:%M", "%S")) "%b %d" else f }
    }
    if (identical(labels, TRUE)) labels <- format(structure(at, class = "Date"), format = format)
    else if (identical(labels, FALSE)) labels <- rep("", length(at))
    axis(side, at = at, labels = labels, ...)
}

## Axis for dates.
Axis.Date <- function(x = NULL, at = NULL, ..., side, labels = TRUE) axis.Date(side = side, x = x, at = at, labels = labels, ...)

## Axis for date-times.
Axis.POSIXt <- function(x = NULL, at = NULL, ..., side, labels = TRUE) axis.POSIXct(side = side, x = as.POSIXct(x), at = at, labels = labels, ...)

## Break points for a date-time histogram: a unit name ("secs", "mins", "hours", "days", "weeks", "months", "years", "quarters"), a count, or the break date-times themselves.
.time_breaks <- function(x, breaks, date = FALSE) {
    if (is.character(breaks)) {
        unit <- match.arg(breaks, c("secs", "mins", "hours", "days", "weeks", "months", "years", "DSTdays", "quarters"))
        if (date) {
            r <- range(x)
            lt <- as.POSIXlt(r[1L])
            start <- switch(unit, weeks = r[1L] - as.POSIXlt(r[1L])$wday + 1L, months = as.Date(sprintf("%d-%02d-01", lt$year + 1900, lt$mon + 1)), quarters = as.Date(sprintf("%d-%02d-01", lt$year + 1900, 3 * (lt$mon %/% 3) + 1)), years = as.Date(sprintf("%d-01-01", lt$year + 1900)), r[1L])
            by <- switch(unit, days = "day", weeks = "week", months = "month", quarters = "3 months", years = "year", "day")
            b <- seq(start, by = by, length.out = 2L + as.integer(diff(as.numeric(r)) / switch(unit, weeks = 7, months = 28, quarters = 89, years = 365, 1)))
            b <- b[seq_len(min(length(b), which(b > r[2L])[1L], na.rm = TRUE))]
            return(as.numeric(b))
        }
        r <- range(as.POSIXct(x))
        lt <- as.POSIXlt(r[1L])
        tz <- attr(r, "tzone")
        if (is.null(tz)) tz <- ""
        mk <- function(y, mo = 1, d = 1, h = 0, mi = 0, s = 0) as.POSIXct(sprintf("%d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, s), tz = tz)
        yr <- lt$year + 1900
        start <- switch(unit, secs = r[1L], mins = mk(yr, lt$mon + 1, lt$mday, lt$hour, lt$min), hours = mk(yr, lt$mon + 1, lt$mday, lt$hour), days = , DSTdays = mk(yr, lt$mon + 1, lt$mday), weeks = mk(yr, lt$mon + 1, lt$mday) - 86400 * ((lt$wday + 6) %% 7), months = mk(yr, lt$mon + 1), quarters = mk(yr, 3 * (lt$mon %/% 3) + 1), years = mk(yr))
        by <- switch(unit, secs = "sec", mins = "min", hours = "hour", days = , DSTdays = "day", weeks = "week", months = "month", quarters = "3 months", years = "year")
        b <- seq(start, by = by, length.out = 2L + as.integer(diff(as.numeric(r)) / switch(unit, secs = 1, mins = 60, hours = 3600, days = , DSTdays = 86400, weeks = 604800, months = 86400 * 28, quarters = 86400 * 89, years = 86400 * 365)))
        b <- b[seq_len(min(length(b), which(b > r[2L])[1L], na.rm = TRUE))]
        as.numeric(b)
    } else if (is.numeric(breaks) && length(breaks) == 1L) breaks
    else as.numeric(if (date) as.Date(breaks) else as.POSIXct(breaks))
}

## A histogram of date-times with breaks by unit ("years", "months", "weeks", "days", ...), labelled as dates.
hist.POSIXt <- function(x, breaks, ..., xlab = deparse1(substitute(x)), plot = TRUE, freq = FALSE, start.on.monday = TRUE, format, right = TRUE) {
    if (!inherits(x, "POSIXt")) stop("wrong method")
    force(xlab)
    x <- as.POSIXct(x)
    b <- .time_breaks(x, breaks)
    res <- hist.default(unclass(x), breaks = b, plot = FALSE, right = right, ...)
    res$equidist <- TRUE
    res$intensities <- res$intensities * 86400
    res$xname <- xlab
    if (plot) {
        plot(res, xlab = xlab, axes = FALSE, freq = freq, ...)
        tz <- attr(x, "tzone")
        axis.POSIXct(1, at = structure(b, class = c("POSIXct", "POSIXt"), tzone = tz), format = if (missing(format)) .time_ticks(range(b), if (is.null(tz)) "" else tz)$format else format)
        axis(2)
        invisible(res)
    } else res
}

## A histogram of dates with breaks by unit ("years", "quarters", "months", "weeks", "days"), labelled as dates.
hist.Date <- function(x, breaks, ..., xlab = deparse1(substitute(x)), plot = TRUE, freq = FALSE, start.on.monday = TRUE, format, right = TRUE) {
    if (!inherits(x, "Date")) stop("wrong method")
    force(xlab)
    b <- .time_breaks(x, breaks, date = TRUE)
    res <- hist.default(unclass(x), breaks = b, plot = FALSE, right = right, ...)
    res$equidist <- TRUE
    res$xname <- xlab
    if (plot) {
        plot(res, xlab = xlab, axes = FALSE, freq = freq, ...)
        axis.Date(1, at = structure(b, class = "Date"), format = if (missing(format)) "%Y-%m-%d" else format)
        axis(2)
        invisible(res)
    } else res
}
