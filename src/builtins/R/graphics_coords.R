## Extracts plotting coordinates (x, y and their axis labels) from vectors, a formula, a matrix or data frame, a list with x and y, a time series or complex numbers.
xy.coords <- function(x, y = NULL, xlab = NULL, ylab = NULL, log = NULL, recycle = FALSE, setLab = TRUE) {
    if (is.null(y)) {
        if (is.null(ylab)) ylab <- xlab
        if (is.language(x)) {
            if (inherits(x, "formula") && length(x) == 3L) {
                if (setLab) { ylab <- deparse(x[[2L]]); xlab <- deparse(x[[3L]]) }
                y <- eval(x[[2L]], environment(x))
                x <- eval(x[[3L]], environment(x))
            } else stop("invalid first argument")
        } else if (is.complex(x)) {
            y <- Im(x); x <- Re(x)
            if (setLab) { xlab <- paste0("Re(", ylab, ")"); ylab <- paste0("Im(", ylab, ")") }
        } else if (is.matrix(x) || is.data.frame(x)) {
            x <- data.matrix(x)
            if (ncol(x) == 1L) {
                if (setLab) xlab <- "Index"
                y <- x[, 1L]; x <- seq_along(y)
            } else {
                cn <- colnames(x)
                if (setLab) { xlab <- cn[1L]; ylab <- cn[2L] }
                y <- x[, 2L]; x <- x[, 1L]
            }
        } else if (inherits(x, "ts")) {
            y <- if (is.matrix(x)) x[, 1L] else x
            x <- time(x)
            if (setLab) xlab <- "Time"
        } else if (is.list(x)) {
            if (all(c("x", "y") %in% names(x))) {
                if (setLab) { xlab <- paste0(ylab, "$x"); ylab <- paste0(ylab, "$y") }
                y <- x[["y"]]; x <- x[["x"]]
            } else stop("'x' is a list, but does not have components 'x' and 'y'")
        } else {
            if (is.factor(x)) x <- as.numeric(x)
            if (setLab) xlab <- "Index"
            y <- x; x <- seq_along(x)
        }
    }
    if (inherits(x, "POSIXt")) x <- as.POSIXct(x)
    if (length(x) != length(y)) {
        if (recycle) {
            if ((nx <- length(x)) < (ny <- length(y))) x <- rep_len(x, ny) else y <- rep_len(y, nx)
        } else stop("'x' and 'y' lengths differ")
    }
    if (length(log) && log != "") {
        bad <- function(v) !is.na(v) & v <= 0
        if (grepl("x", log) && any(b <- bad(x))) { warning(sprintf(ngettext(sum(b), "%d x value <= 0 omitted from logarithmic plot", "%d x values <= 0 omitted from logarithmic plot"), sum(b)), domain = NA); x[b] <- NA }
        if (grepl("y", log) && any(b <- bad(y))) { warning(sprintf(ngettext(sum(b), "%d y value <= 0 omitted from logarithmic plot", "%d y values <= 0 omitted from logarithmic plot"), sum(b)), domain = NA); y[b] <- NA }
    }
    list(x = as.double(x), y = as.double(y), xlab = xlab, ylab = ylab)
}

## Extracts x, y, z coordinates (and labels) from vectors, a formula z ~ x + y, a matrix or data frame, or a list.
xyz.coords <- function(x, y = NULL, z = NULL, xlab = NULL, ylab = NULL, zlab = NULL, log = NULL, recycle = FALSE, setLab = TRUE) {
    if (is.null(y)) {
        if (is.language(x)) {
            if (inherits(x, "formula") && length(x) == 3L && length(rhs <- x[[3L]]) == 3L) {
                if (setLab) { zlab <- deparse(x[[2L]]); xlab <- deparse(rhs[[2L]]); ylab <- deparse(rhs[[3L]]) }
                env <- environment(x)
                z <- eval(x[[2L]], env); y <- eval(rhs[[3L]], env); x <- eval(rhs[[2L]], env)
            } else stop("invalid first argument [bad language object]")
        } else if (is.matrix(x) || is.data.frame(x)) {
            x <- data.matrix(x)
            if (ncol(x) < 2L) stop("at least 2 columns needed")
            if (ncol(x) == 2L) {
                if (setLab) xlab <- "Index"
                y <- x[, 1L]; z <- x[, 2L]; x <- seq_along(y)
            } else {
                cn <- colnames(x)
                if (setLab && !is.null(cn)) { xlab <- cn[1L]; ylab <- cn[2L]; zlab <- cn[3L] }
                y <- x[, 2L]; z <- x[, 3L]; x <- x[, 1L]
            }
        } else if (is.list(x)) {
            if (all(c("x", "y", "z") %in% names(x))) {
                if (setLab) { xlab <- "x"; ylab <- "y"; zlab <- "z" }
                z <- x[["z"]]; y <- x[["y"]]; x <- x[["x"]]
            } else stop("'x' is a list, but does not have components 'x', 'y'  and 'z'")
        }
    }
    if (is.null(z) && is.complex(y)) {
        z <- x; x <- Re(y); y <- Im(y)
        if (setLab) { zlab <- xlab; xlab <- paste0("Re(", ylab, ")"); ylab <- paste0("Im(", ylab, ")") }
    }
    if (is.null(z)) stop("no 'z' values given")
    n <- max(length(x), length(y), length(z))
    if (recycle) { x <- rep_len(x, n); y <- rep_len(y, n); z <- rep_len(z, n) }
    else if (length(x) != length(z) || length(y) != length(z)) stop("'x', 'y' and 'z' lengths differ")
    if (length(log) && log != "") {
        # values <= 0 cannot be drawn on a log axis
        for (a in c("x", "y", "z")) if (grepl(a, log, fixed = TRUE)) {
            v <- get(a)
            if (any(b <- !is.na(v) & v <= 0)) {
                warning(sprintf(ngettext(sum(b), "%d %s value <= 0 omitted from logarithmic plot", "%d %s values <= 0 omitted from logarithmic plot"), sum(b), a), domain = NA)
                v[b] <- NA
                assign(a, v)
            }
        }
    }
    list(x = as.double(x), y = as.double(y), z = as.double(z), xlab = xlab, ylab = ylab, zlab = zlab)
}

## Rows and columns of a panel layout for n plots (as used by par(mfrow = )).
n2mfrow <- function(nr.plots, asp = 1) {
    n <- as.integer(nr.plots)
    if (asp == 1 && n <= 12L) {
        if (n <= 3L) c(n, 1L) else if (n <= 6L) c((n + 1L) %/% 2L, 2L) else c((n + 2L) %/% 3L, 3L)
    } else {
        nrow <- ceiling(sqrt(n / asp)); ncol <- ceiling(n / nrow)
        as.integer(c(nrow, ncol))
    }
}

## A length in centimetres for layout() widths and heights.
lcm <- function(x) paste(x, "cm")

## The size of one inch in user coordinates (x direction).
xinch <- function(x = 1, warn.log = TRUE) {
    if (warn.log && par("xlog")) warning("x log scale:  xinch() is nonsense")
    x * diff(par("usr")[1:2]) / par("pin")[1L]
}

## The size of one inch in user coordinates (y direction).
yinch <- function(y = 1, warn.log = TRUE) {
    if (warn.log && par("ylog")) warning("y log scale:  yinch() is nonsense")
    y * diff(par("usr")[3:4]) / par("pin")[2L]
}

## Inches to user coordinates in both directions.
xyinch <- function(xy = 1, warn.log = TRUE) {
    u <- par("usr")
    xy * c(u[2L] - u[1L], u[4L] - u[3L]) / par("pin")
}

## Converts x positions between the coordinate systems user, inches, device, ndc, nfc, npc and nic.
grconvertX <- function(x, from = "user", to = "user") .grconvert(x, from, to, 1L)

## Converts y positions between the coordinate systems user, inches, device, ndc, nfc, npc and nic.
grconvertY <- function(y, from = "user", to = "user") .grconvert(y, from, to, 2L)

## Converts positions along one axis between graphics coordinate systems (through normalized device coordinates).
.grconvert <- function(v, from, to, axis) {
    systems <- c("user", "inches", "device", "ndc", "nfc", "npc", "nic", "lines", "chars")
    from <- systems[pmatch(from, systems)]; to <- systems[pmatch(to, systems)]
    if (is.na(from) || is.na(to)) stop("invalid 'from' or 'to' argument")
    din <- par("din")[axis]; fig <- par("fig")[2L * axis - c(1L, 0L)]
    plt <- par("plt")[2L * axis - c(1L, 0L)]; usr <- par("usr")[2L * axis - c(1L, 0L)]
    lg <- par(if (axis == 1L) "xlog" else "ylog")
    # everything through normalized device coordinates
    omd <- par("omd")[2L * axis - c(1L, 0L)]
    nic_ndc <- function(f) omd[1L] + f * diff(omd)
    fig_ndc <- function(f) nic_ndc(fig[1L] + f * diff(fig))
    plt_ndc <- function(p) fig_ndc(plt[1L] + p * diff(plt))
    ndc <- switch(from,
        user = { u <- if (lg) log10(v) else v; plt_ndc((u - usr[1L]) / diff(usr)) },
        inches = v / din, device = if (axis == 1L) v / (din * 72) else 1 - v / (din * 72),
        ndc = v, nic = nic_ndc(v), nfc = fig_ndc(v), npc = plt_ndc(v),
        lines = v * par("csi") * par("mex") / din, chars = v * par("csi") * par("cex") / din)
    nic <- (ndc - omd[1L]) / diff(omd)
    nfc <- (nic - fig[1L]) / diff(fig)
    switch(to,
        user = { p <- (nfc - plt[1L]) / diff(plt); u <- usr[1L] + p * diff(usr); if (lg) 10^u else u },
        inches = ndc * din, device = if (axis == 1L) ndc * din * 72 else (1 - ndc) * din * 72,
        ndc = ndc, nic = nic, nfc = nfc,
        npc = (nfc - plt[1L]) / diff(plt),
        lines = ndc * din / (par("csi") * par("mex")), chars = ndc * din / (par("csi") * par("cex")))
}

## Counts coinciding points: unique (x, y) pairs (rounded to digits) and how often each occurs.
xyTable <- function(x, y = NULL, digits) {
    xy <- xy.coords(x, y, setLab = FALSE)
    x <- xy$x; y <- xy$y
    if (!missing(digits)) { x <- signif(x, digits); y <- signif(y, digits) }
    ok <- !is.na(x) & !is.na(y)
    x <- x[ok]; y <- y[ok]
    o <- order(x, y)
    x <- x[o]; y <- y[o]
    first <- c(TRUE, x[-1L] != x[-length(x)] | y[-1L] != y[-length(y)])
    grp <- cumsum(first)
    list(x = x[first], y = y[first], number = tabulate(grp))
}

## The convex hull of a set of points: indices of the hull's vertices, clockwise.
chull <- function(x, y = NULL) {
    X <- xy.coords(x, y, recycle = TRUE, setLab = FALSE)
    x <- cbind(X$x, X$y)
    if (any(!is.finite(x))) stop("finite coordinates are needed")
    n <- nrow(x)
    if (n == 0L) return(integer())
    if (n == 1L) return(1L)
    o <- order(x[, 1L], x[, 2L])
    cross <- function(o, a, b) (x[a, 1L] - x[o, 1L]) * (x[b, 2L] - x[o, 2L]) - (x[a, 2L] - x[o, 2L]) * (x[b, 1L] - x[o, 1L])
    half <- function(idx) {
        h <- integer()
        for (p in idx) {
            while (length(h) >= 2L && cross(h[length(h) - 1L], h[length(h)], p) >= 0) h <- h[-length(h)]
            h <- c(h, p)
        }
        h
    }
    upper <- half(o)
    lower <- half(rev(o))
    hull <- c(upper[-length(upper)], lower[-length(lower)])
    # R starts from the point with the largest x (the lowest of ties), going clockwise
    cand <- hull[x[hull, 1L] == max(x[hull, 1L])]
    start <- match(cand[which.min(x[cand, 2L])], hull)
    hull[c(start:length(hull), seq_len(start - 1L))]
}

## Plots the variances of principal components (generic).
screeplot <- function(x, ...) UseMethod("screeplot")

## Plots the variances of principal components (bars or lines), as plot() of prcomp and princomp fits does.
screeplot.default <- function(x, npcs = min(10L, length(x$sdev)), type = c("barplot", "lines"), main = deparse1(substitute(x)), ...) {
    type <- match.arg(type)
    pcs <- x$sdev^2
    xp <- seq_len(npcs)
    if (type == "barplot") barplot(pcs[xp], names.arg = names(pcs[xp]), main = main, ylab = "Variances", ...)
    else { plot(xp, pcs[xp], type = "b", axes = FALSE, main = main, xlab = "", ylab = "Variances", ...); axis(2); axis(1, at = xp, labels = names(pcs[xp])) }
    invisible()
}

## plot() of a prcomp fit: its scree plot.
plot.prcomp <- function(x, main = deparse1(substitute(x)), ...) screeplot.default(x, main = main, ...)

## plot() of a princomp fit: its scree plot.
plot.princomp <- function(x, main = deparse1(substitute(x)), ...) screeplot.default(x, main = main, ...)

## Plots several time series on one set of axes over the union of their time ranges.
ts.plot <- function(..., gpars = list()) {
    dots <- list(...)
    sers <- list()
    for (s in dots) {
        s <- as.ts(s)
        if (is.matrix(s)) for (j in seq_len(ncol(s))) sers[[length(sers) + 1L]] <- s[, j] else sers[[length(sers) + 1L]] <- s
    }
    tp <- lapply(dots, function(s) tsp(as.ts(s)))
    xlim <- range(unlist(lapply(tp, `[`, 1:2)))
    ylim <- range(unlist(lapply(dots, function(s) range(s, na.rm = TRUE))))
    k <- length(sers)
    g <- function(nm, default) rep_len(if (is.null(gpars[[nm]])) default else gpars[[nm]], k)
    lty <- g("lty", 1:5); col <- g("col", par("col")); lwd <- g("lwd", 1)
    plot.new()
    plot.window(if (is.null(gpars$xlim)) xlim else gpars$xlim, if (is.null(gpars$ylim)) ylim else gpars$ylim, log = if (is.null(gpars$log)) "" else gpars$log)
    for (i in seq_len(k)) lines(sers[[i]], lty = lty[i], col = col[i], lwd = lwd[i])
    axis(1); axis(2); box()
    title(main = gpars$main, xlab = if (is.null(gpars$xlab)) "Time" else gpars$xlab, ylab = if (is.null(gpars$ylab)) "" else gpars$ylab)
    invisible()
}
