## Overlapping intervals covering x, each holding about the same number of observations (for coplot's given values).
co.intervals <- function(x, number = 6, overlap = 0.5) {
    x <- sort(x[!is.na(x)])
    n <- length(x)
    width <- n / (number * (1 - overlap) + overlap)
    starts <- (0:(number - 1)) * (1 - overlap) * width
    lo <- x[round(1 + starts)]
    hi <- x[round(width + starts)]
    keep <- c(TRUE, diff(lo) > 0 | diff(hi) > 0)
    gaps <- diff(x)
    eps <- if (any(gaps > 0)) min(gaps[gaps > 0]) / 2 else 0
    cbind(lo[keep] - eps, hi[keep] + eps)
}

## Conditioning plots: y against x in panels for slices of one or two given variables (formula y ~ x | a or y ~ x | a * b).
coplot <- function(formula, data, given.values, panel = points, rows, columns, show.given = TRUE, col = par("fg"), pch = par("pch"), bar.bg = c(num = gray(0.8), fac = gray(0.95)), xlab = c(x.name, paste("Given :", a.name)), ylab = c(y.name, paste("Given :", b.name)), subscripts = FALSE, axlabels = function(f) abbreviate(levels(f)), number = 6, overlap = 0.5, xlim, ylim, ...) {
    if (!inherits(formula, "formula") || length(formula) != 3L) stop("'formula' must be a formula of the form y ~ x | a")
    rhs <- formula[[3L]]
    if (!is.call(rhs) || !identical(rhs[[1L]], as.name("|"))) stop("'formula' must be a formula of the form y ~ x | a")
    env <- if (missing(data)) environment(formula) else data
    enc <- environment(formula)
    ev <- function(e) eval(e, env, enc)
    y.name <- deparse(formula[[2L]]); x.name <- deparse(rhs[[2L]])
    given <- rhs[[3L]]
    two <- is.call(given) && (identical(given[[1L]], as.name("*")) || identical(given[[1L]], as.name("+")))
    a.expr <- if (two) given[[2L]] else given
    a.name <- deparse(a.expr)
    b.name <- if (two) deparse(given[[3L]]) else ""
    y <- ev(formula[[2L]]); x <- ev(rhs[[2L]])
    if (is.factor(x)) x <- as.numeric(x)
    if (is.factor(y)) y <- as.numeric(y)
    a <- ev(a.expr); b <- if (two) ev(given[[3L]])
    if (is.character(a)) a <- factor(a)
    if (two && is.character(b)) b <- factor(b)
    slices <- function(v, gv, w = 1L) {
        if (is.factor(v)) {
            if (is.null(gv)) gv <- levels(v)
            list(values = gv, member = function(i) v %in% gv[[i]], n = length(gv), fac = TRUE)
        } else {
            if (is.null(gv)) gv <- co.intervals(v, number = rep_len(number, 2L)[w], overlap = rep_len(overlap, 2L)[w])
            if (!is.matrix(gv)) gv <- cbind(gv, gv)
            list(values = gv, member = function(i) !is.na(v) & v >= gv[i, 1L] & v <= gv[i, 2L], n = nrow(gv), fac = FALSE)
        }
    }
    gvals <- if (missing(given.values)) list(NULL, NULL) else if (two) given.values else list(given.values, NULL)
    A <- slices(a, gvals[[1L]])
    B <- if (two) slices(b, gvals[[2L]], 2L)
    show.given <- as.logical(rep_len(show.given, 2L))
    sgB <- two && show.given[2L]
    show.given <- show.given[1L]
    na <- A$n; nb <- if (two) B$n else 1L
    if (two) {
        columns <- na; rows <- nb
    } else {
        if (missing(rows)) {
            if (missing(columns)) { rows <- ceiling(round(sqrt(na))); columns <- ceiling(na / rows) }
            else rows <- ceiling(na / columns)
        } else if (missing(columns)) columns <- ceiling(na / rows)
    }
    if (missing(xlim)) xlim <- range(x[is.finite(x)])
    if (missing(ylim)) ylim <- range(y[is.finite(y)])
    xlab <- rep_len(as.character(xlab), 2L); ylab <- rep_len(as.character(ylab), 2L)
    # layout: the given panel of a on top, of b on the right, the grid of panels below
    npan <- rows * columns
    mat <- matrix(0L, rows + show.given, columns + sgB)
    for (k in seq_len(npan)) {
        r <- rows - (k - 1L) %/% columns; cc <- (k - 1L) %% columns + 1L
        mat[r + show.given, cc] <- k
    }
    if (show.given) {
        mat[1L, seq_len(columns)] <- npan + 1L
    }
    if (sgB) mat[show.given + seq_len(rows), columns + 1L] <- npan + 1L + show.given
    op <- par(no.readonly = TRUE)
    on.exit(par(op))
    layout(mat, widths = c(rep(1, columns), if (sgB) 0.6), heights = c(if (show.given) 0.6 * (1 + (!two) * 0.5 * (na > 1)), rep(1, rows)))
    par(oma = c(5, 6, if (show.given) 1 else 4, if (sgB) 1 else 4), mar = rep(0, 4), xaxs = "r", yaxs = "r")
    draw_panel <- function(k, sel) {
        plot.new(); plot.window(xlim, ylim)
        r <- (k - 1L) %/% columns + 1L; cc <- (k - 1L) %% columns + 1L
        if (r == 1L && cc %% 2L == 1L) axis(1)
        if (r == rows && cc %% 2L == 0L) axis(3)
        if (cc == 1L && r %% 2L == 1L) axis(2)
        if ((cc == columns || k == npan) && r %% 2L == 0L) axis(4)
        box()
        if (any(sel)) {
            if (subscripts) panel(x[sel], y[sel], subscripts = which(sel), col = col, pch = pch, ...)
            else panel(x[sel], y[sel], col = col, pch = pch, ...)
        }
    }
    k <- 0L
    for (j in seq_len(nb)) for (i in seq_len(na)) {
        k <- k + 1L
        sel <- A$member(i) & (if (two) B$member(j) else TRUE)
        draw_panel(k, sel)
    }
    while (k < npan) { k <- k + 1L; plot.new() }
    draw_given <- function(S, horizontal, label) {
        plot.new()
        par(mar = if (horizontal) c(0.5, 0, 3, 0) else c(0, 0.5, 0, 3))
        lim <- if (S$fac) c(0.5, S$n + 0.5) else range(S$values)
        along <- c(0.5, S$n + 0.5)
        if (horizontal) plot.window(lim, along) else plot.window(along, lim)
        for (i in seq_len(S$n)) {
            lo <- if (S$fac) i - 0.5 else S$values[i, 1L]; hi <- if (S$fac) i + 0.5 else S$values[i, 2L]
            bg <- if (S$fac) bar.bg[["fac"]] else bar.bg[["num"]]
            if (horizontal) rect(lo, i - 0.4, hi, i + 0.4, col = bg) else rect(i - 0.4, lo, i + 0.4, hi, col = bg)
            if (S$fac) text(i, i, labels = as.character(S$values[[i]]), srt = if (horizontal) 0 else 90)
        }
        if (!S$fac) axis(if (horizontal) 3 else 4)
        mtext(label, side = if (horizontal) 3 else 4, line = if (S$fac) 1 else 2.5)
        box()
    }
    if (show.given) draw_given(A, TRUE, xlab[2L])
    if (sgB) draw_given(B, FALSE, ylab[2L])
    mtext(xlab[1L], side = 1, line = 3, outer = TRUE)
    mtext(ylab[1L], side = 2, line = 3.5, outer = TRUE)
    invisible()
}
