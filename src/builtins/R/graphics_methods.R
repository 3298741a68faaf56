## Cleveland's robust locally weighted regression (the fallback when stats' lowess is absent).
.graphics_lowess <- function(x, y, f = 2/3, iter = 3L, delta = 0.01 * diff(range(x))) {
    o <- order(x)
    x <- as.double(x[o]); y <- as.double(y[o])
    n <- length(x)
    if (n < 2L) return(list(x = x, y = y))
    ns <- max(2L, min(n, as.integer(f * n + 1e-7)))
    rw <- rep(1, n); ys <- numeric(n); rng <- x[n] - x[1L]
    fit_at <- function(i, nleft, nright, robust) {
        xs <- x[i]
        h <- max(xs - x[nleft], x[nright] - xs)
        j <- nleft:n
        r <- abs(x[j] - xs)
        inside <- r <= 0.999 * h
        stop_at <- which(!inside & x[j] > xs)
        if (length(stop_at)) { j <- j[seq_len(stop_at[1L] - 1L)]; r <- r[seq_len(stop_at[1L] - 1L)]; inside <- inside[seq_len(stop_at[1L] - 1L)] }
        w <- ifelse(inside, ifelse(r <= 0.001 * h, 1, (1 - (r / h)^3)^3), 0)
        if (robust) w <- w * rw[j]
        a <- sum(w)
        if (a <= 0) return(y[i])
        w <- w / a
        if (h > 0) {
            a <- sum(w * x[j])
            b <- xs - a
            cc <- sum(w * (x[j] - a)^2)
            if (sqrt(cc) > 0.001 * rng) w <- w * (b / cc * (x[j] - a) + 1)
        }
        sum(w * y[j])
    }
    for (it in seq_len(iter + 1L)) {
        nleft <- 1L; nright <- ns; last <- 0L; i <- 1L
        repeat {
            if (nright < n) {
                if (x[i] - x[nleft] > x[nright + 1L] - x[i]) { nleft <- nleft + 1L; nright <- nright + 1L; next }
            }
            ys[i] <- fit_at(i, nleft, nright, it > 1L)
            if (last < i - 1L) {
                den <- x[i] - x[last]
                for (j in (last + 1L):(i - 1L)) { al <- (x[j] - x[last]) / den; ys[j] <- al * ys[i] + (1 - al) * ys[last] }
            }
            last <- i
            cut <- x[last] + delta
            i <- last + 1L
            while (i <= n) {
                if (x[i] > cut) break
                if (x[i] == x[last]) { ys[i] <- ys[last]; last <- i }
                i <- i + 1L
            }
            i <- max(last + 1L, i - 1L)
            if (last >= n) break
        }
        if (it > iter) break
        res <- y - ys
        sc <- sum(abs(res)) / n
        ar <- sort(abs(res))
        m1 <- n %/% 2L + 1L
        cmad <- if (n %% 2L == 0L) 3 * (ar[m1 - 1L] + ar[m1]) else 6 * ar[m1]
        if (cmad < 1e-7 * sc) break
        r <- abs(res)
        rw <- ifelse(r <= 0.001 * cmad, 1, ifelse(r <= 0.999 * cmad, (1 - (r / cmad)^2)^2, 0))
    }
    list(x = x, y = ys)
}

## The smooth of panel.smooth: stats::lowess when it exists, else the private one.
.graphics_smooth <- function(x, y, f = 2/3, iter = 3L) {
    lw <- get0("lowess", mode = "function")
    if (!is.null(lw)) tryCatch(lw(x, y, f = f, iter = iter), error = function(e) .graphics_lowess(x, y, f, iter))
    else .graphics_lowess(x, y, f, iter)
}

## Points with a lowess smooth through them (the panel of plot.lm and coplot).
panel.smooth <- function(x, y, col = par("col"), bg = NA, pch = par("pch"), cex = 1, col.smooth = 2, span = 2/3, iter = 3, ...) {
    points(x, y, pch = pch, col = col, bg = bg, cex = cex)
    ok <- is.finite(x) & is.finite(y)
    if (any(ok)) lines(.graphics_smooth(x[ok], y[ok], f = span, iter = iter), col = col.smooth, ...)
}

## Diagnostic plots of a linear model: residuals vs fitted, normal Q-Q, scale-location, Cook's distance, residuals vs leverage (which = c(1, 2, 3, 5) by default).
plot.lm <- function(x, which = c(1, 2, 3, 5), caption = list("Residuals vs Fitted", "Normal Q-Q", "Scale-Location", "Cook's distance", "Residuals vs Leverage", "Cook's dist vs Leverage  h/(1 - h)"), panel = if (add.smooth) function(x, y, ...) panel.smooth(x, y, iter = iter.smooth, ...) else points, sub.caption = NULL, main = "", ask = FALSE, ..., id.n = 3, labels.id = names(residuals(x)), cex.id = 0.75, qqline = TRUE, cook.levels = c(0.5, 1), cook.col = 8, cook.lty = 2, add.smooth = TRUE, iter.smooth = 3, label.pos = c(4, 2), cex.caption = 1, cex.oma.main = 1.25) {
    show <- rep(FALSE, 6); show[which] <- TRUE
    r <- residuals(x)
    yh <- fitted(x)
    w <- x$weights
    if (!is.null(w)) { keep <- w != 0; r <- r[keep]; yh <- yh[keep]; r <- sqrt(w[keep]) * r }
    n <- length(r)
    if (is.null(labels.id)) labels.id <- paste(seq_len(n))
    p <- x$rank
    s <- sqrt(sum(r^2) / x$df.residual)
    hii <- hatvalues(x)
    if (!is.null(w)) hii <- hii[w != 0]
    r.hat <- range(hii, na.rm = TRUE)
    rs <- r / (s * sqrt(1 - hii))
    rs[is.infinite(rs)] <- NaN
    cook <- (rs^2 / p) * hii / (1 - hii)
    if (is.null(sub.caption)) {
        cal <- x$call
        if (!is.null(cal)) {
            m.f <- match("formula", names(cal))
            if (!is.na(m.f)) { cal <- cal[c(1L, m.f)]; names(cal)[2L] <- "" }
            cc <- deparse(cal, 80)
            nc <- nchar(cc[1L])
            sub.caption <- if (length(cc) > 1L || nc > 75) paste(substr(cc[1L], 1L, min(75L, nc)), "...") else cc[1L]
        } else sub.caption <- ""
    }
    one.fig <- prod(par("mfcol")) == 1
    id.n <- if (is.null(id.n)) 0L else as.integer(id.n)
    if (is.na(id.n) || id.n < 0L || id.n > n) stop(gettextf("'id.n' must be in {1,..,%d}", n))
    iid <- seq_len(id.n)
    show.r <- order(abs(r), decreasing = TRUE)[iid]
    show.rs <- order(abs(rs), decreasing = TRUE)[iid]
    text.id <- function(xi, yi, ind, adj.x = TRUE) {
        labpos <- if (adj.x) label.pos[1 + as.numeric(xi > mean(range(xi)))] else 3
        text(xi, yi, labels.id[ind], cex = cex.id, xpd = TRUE, pos = labpos, offset = 0.25)
    }
    caption_of <- function(k) as.character(caption[[k]])
    lift <- function(y) { y[y < 0] <- y[y < 0] - strheight(" ") / 3; y }
    if (show[1L]) {
        ylim <- range(r, na.rm = TRUE)
        if (id.n > 0) ylim <- extendrange(r = ylim, f = 0.08)
        plot(yh, r, xlab = "Fitted values", ylab = "Residuals", main = main, ylim = ylim, type = "n", ...)
        panel(yh, r, ...)
        if (one.fig) title(sub = sub.caption, ...)
        mtext(caption_of(1), 3, 0.25, cex = cex.caption)
        if (id.n > 0) text.id(yh[show.r], lift(r[show.r]), show.r)
        abline(h = 0, lty = 3, col = "gray")
    }
    if (show[2L]) {
        ylim <- range(rs, na.rm = TRUE)
        ylim[2L] <- ylim[2L] + diff(ylim) * 0.075
        qq <- qqnorm(rs, main = main, ylab = "Standardized residuals", ylim = ylim, ...)
        if (qqline) qqline(rs, lty = 3, col = "gray50")
        if (one.fig) title(sub = sub.caption, ...)
        mtext(caption_of(2), 3, 0.25, cex = cex.caption)
        if (id.n > 0) text.id(qq$x[show.rs], qq$y[show.rs], show.rs)
    }
    if (show[3L]) {
        sqrtabsr <- sqrt(abs(rs))
        ylim <- c(0, max(sqrtabsr, na.rm = TRUE))
        plot(yh, sqrtabsr, xlab = "Fitted values", ylab = "\u221a|Standardized residuals|", main = main, ylim = ylim, type = "n", ...)
        panel(yh, sqrtabsr, ...)
        if (one.fig) title(sub = sub.caption, ...)
        mtext(caption_of(3), 3, 0.25, cex = cex.caption)
        if (id.n > 0) text.id(yh[show.rs], sqrtabsr[show.rs], show.rs)
    }
    if (show[4L]) {
        show.c <- order(-cook)[iid]
        ymx <- if (id.n > 0) cook[show.c[1L]] * 1.075 else max(cook, na.rm = TRUE)
        plot(cook, type = "h", ylim = c(0, ymx), main = main, xlab = "Obs. number", ylab = "Cook's distance", ...)
        if (one.fig) title(sub = sub.caption, ...)
        mtext(caption_of(4), 3, 0.25, cex = cex.caption)
        if (id.n > 0) text.id(show.c, cook[show.c], show.c, adj.x = FALSE)
    }
    if (show[5L]) {
        ylim <- range(rs, na.rm = TRUE)
        if (id.n > 0) { ylim <- extendrange(r = ylim, f = 0.08); show.rsp <- order(-cook)[iid] }
        xx <- hii; xx[xx >= 1] <- NA
        plot(xx, rs, xlim = c(0, max(xx, na.rm = TRUE)), ylim = ylim, main = main, xlab = "Leverage", ylab = "Standardized residuals", type = "n", ...)
        panel(xx, rs, ...)
        abline(h = 0, v = 0, lty = 3, col = "gray")
        if (one.fig) title(sub = sub.caption, ...)
        if (length(cook.levels)) {
            usr <- par("usr")
            hh <- seq(min(r.hat[1L], r.hat[2L] / 100), usr[2L], length.out = 101)
            for (crit in cook.levels) {
                cl.h <- sqrt(crit * p * (1 - hh) / hh)
                lines(hh, cl.h, lty = cook.lty, col = cook.col)
                lines(hh, -cl.h, lty = cook.lty, col = cook.col)
            }
            legend("bottomleft", legend = "Cook's distance", lty = cook.lty, col = cook.col, text.col = cook.col, bty = "n", x.intersp = 1/4, y.intersp = 1/8)
            xmax <- min(0.99, usr[2L])
            ymult <- sqrt(p * (1 - xmax) / xmax)
            aty <- sqrt(cook.levels) * ymult
            axis(4, at = c(-rev(aty), aty), labels = paste(c(rev(cook.levels), cook.levels)), mgp = c(0.25, 0.25, 0), las = 2, tck = 0, cex.axis = cex.id, col.axis = cook.col)
        }
        mtext(caption_of(5), 3, 0.25, cex = cex.caption)
        if (id.n > 0) text.id(xx[show.rsp], lift(rs[show.rsp]), show.rsp)
    }
    if (show[6L]) {
        g <- hii / (1 - hii)
        show.c <- order(cook, decreasing = TRUE)[iid]
        plot(g, cook, xlim = c(0, max(g, na.rm = TRUE)), ylim = c(0, max(cook, na.rm = TRUE) * 1.025), main = main, xlab = "Leverage", ylab = "Cook's distance", type = "n", ...)
        panel(g, cook, ...)
        if (one.fig) title(sub = sub.caption, ...)
        mtext(caption_of(6), 3, 0.25, cex = cex.caption)
        if (id.n > 0) text.id(g[show.c], cook[show.c], show.c)
    }
    if (!one.fig && par("oma")[3L] >= 1) mtext(sub.caption, outer = TRUE, cex = cex.oma.main)
    invisible()
}

## A kernel density estimate as a line, titled by its call, with N and the bandwidth below.
plot.density <- function(x, main = NULL, xlab = NULL, ylab = "Density", type = "l", zero.line = TRUE, ...) {
    if (is.null(xlab)) xlab <- paste("N =", x$n, "  Bandwidth =", formatC(x$bw, digits = 4))
    if (is.null(main)) main <- deparse(x$call)
    plot.default(x$x, x$y, main = main, xlab = xlab, ylab = ylab, type = type, ...)
    if (zero.line) abline(h = 0, lwd = 0.1, col = "gray")
    invisible(NULL)
}

## Adds a density estimate's curve to a plot.
lines.density <- function(x, ...) lines(x$x, x$y, ...)

## The jump points of a step function (knots(), its environment's x, or a knots attribute).
.stepfun_knots <- function(x) {
    kn <- tryCatch(get("knots", mode = "function")(x), error = function(e) NULL)
    if (is.null(kn)) kn <- tryCatch(get("x", envir = environment(x)), error = function(e) NULL)
    if (is.null(kn)) kn <- attr(x, "knots")
    kn
}

## A step function: horizontal steps, points at the jumps and (optionally) vertical lines.
plot.stepfun <- function(x, xval, xlim, ylim = range(c(y, Fn.kn)), xlab = "x", ylab = "f(x)", main = NULL, add = FALSE, verticals = TRUE, do.points = (n < 1000), pch = par("pch"), col = par("col"), col.points = col, cex.points = par("cex"), col.hor = col, col.vert = col, lty = par("lty"), lwd = par("lwd"), ...) {
    if (!is.function(x)) {
        if (is.numeric(x)) { x <- ecdf(x); if (missing(ylab)) ylab <- "Fn(x)" }
        else stop("'plot.stepfun' called with wrong type of argument 'x'")
    }
    if (is.null(main)) {
        cl <- attr(x, "call")
        main <- if (!is.null(cl)) deparse(cl) else deparse(sys.call())
    }
    knF <- .stepfun_knots(x)
    if (missing(xval)) xval <- knF
    if (missing(xlim)) {
        rx <- range(xval)
        dr <- if (length(xval) > 1L) max(0.08 * diff(rx), median(diff(xval))) else abs(xval) / 16
        xlim <- rx + dr * c(-1, 1)
    } else dr <- diff(xlim)
    xval <- xval[xlim[1L] - dr <= xval & xval <= xlim[2L] + dr]
    ti <- c(xlim[1L] - dr, xval, xlim[2L] + dr)
    ti.l <- ti[-length(ti)]; ti.r <- ti[-1L]
    y <- x(0.5 * (ti.l + ti.r))
    n <- length(y)
    Fn.kn <- x(xval)
    if (!add) plot(0, 0, type = "n", xlim = xlim, ylim = ylim, xlab = xlab, ylab = ylab, main = main, ...)
    segments(ti.l, y, ti.r, y, col = col.hor, lty = lty, lwd = lwd)
    if (do.points) points(xval, Fn.kn, pch = pch, col = col.points, cex = cex.points)
    if (verticals) segments(xval, y[-n], xval, y[-1L], col = col.vert, lty = lty, lwd = lwd)
    invisible(list(t = ti, y = y))
}

## An empirical distribution function: steps with dots at the jumps and dashed lines at 0 and 1.
plot.ecdf <- function(x, ..., ylab = "Fn(x)", verticals = FALSE, col.01line = "gray70", pch = 19) {
    plot.stepfun(x, ..., ylab = ylab, verticals = verticals, pch = pch)
    abline(h = c(0, 1), col = col.01line, lty = 2)
}

## Time series: values against time from tsp (several series: one panel each).
plot.ts <- function(x, y = NULL, plot.type = c("multiple", "single"), xy.labels, xy.lines, panel = lines, nc, yax.flip = FALSE, mar.multi = c(0, 5.1, 0, if (yax.flip) 5.1 else 2.1), oma.multi = c(6, 0, 5, 0), axes = TRUE, main = NULL, xlab = "Time", ylab = NULL, type = "l", ...) {
    xlabel <- deparse(substitute(x))
    plot.type <- match.arg(plot.type)
    tp <- attr(x, "tsp")
    nr <- if (is.matrix(x)) nrow(x) else length(x)
    if (is.null(tp)) tp <- c(1, nr, 1)
    tt <- seq(tp[1L], by = 1 / tp[3L], length.out = nr)
    if (!is.null(y)) return(plot.default(as.numeric(x), as.numeric(y), xlab = xlabel, ylab = deparse(substitute(y)), main = main, ...))
    if (is.matrix(x) && ncol(x) > 1L) {
        nser <- ncol(x)
        nms <- colnames(x)
        if (is.null(nms)) nms <- paste("Series", seq_len(nser))
        if (plot.type == "single") {
            single <- function(..., lty = 1) matplot(tt, unclass(x), type = type, lty = lty, xlab = xlab, ylab = if (is.null(ylab)) xlabel else ylab, main = main, ...)
            single(...)
            return(invisible())
        }
        if (is.null(main)) main <- xlabel
        op <- par(mfrow = c(nser, 1), mar = mar.multi, oma = oma.multi)
        on.exit(par(op))
        for (i in seq_len(nser)) {
            y <- as.numeric(x[, i])
            plot.default(tt, y, type = "n", axes = FALSE, xlab = "", ylab = "")
            panel(tt, y, type = type, ...)
            box()
            axis(2, las = 0)
            mtext(nms[i], 2, 3)
            if (i == nser) { axis(1); mtext(xlab, 1, 3) }
        }
        mtext(main, 3, 2, outer = TRUE, cex = par("cex.main"), font = par("font.main"))
        return(invisible())
    }
    if (is.null(ylab)) ylab <- xlabel
    plot.default(tt, as.numeric(x), type = type, xlab = xlab, ylab = ylab, main = main, ...)
    invisible()
}

## Adds a time series to a plot against its time axis.
lines.ts <- function(x, ...) {
    tp <- attr(x, "tsp")
    if (is.null(tp)) tp <- c(1, length(x), 1)
    lines(seq(tp[1L], by = 1 / tp[3L], length.out = length(x)), as.numeric(x), ...)
}

## A cluster dendrogram from merge, height, order and labels: leaves hang by `hang` of the height range (hang < 0: at zero).
plot.hclust <- function(x, labels = NULL, hang = 0.1, check = TRUE, axes = TRUE, frame.plot = FALSE, ann = TRUE, main = "Cluster Dendrogram", sub = NULL, xlab = NULL, ylab = "Height", ...) {
    merge <- x$merge; h <- x$height; ord <- x$order
    n <- nrow(merge) + 1L
    if (is.null(labels)) labels <- if (is.null(x$labels)) paste(seq_len(n)) else x$labels
    else if (identical(labels, FALSE)) labels <- NULL
    pos <- integer(n); pos[ord] <- seq_len(n)
    hr <- diff(range(h))
    # each leaf hangs from the merge that takes it in
    leafy <- rep(0, n)
    cx <- numeric(n - 1L); cy <- h
    node <- function(k, i) if (merge[i, k] < 0) c(pos[-merge[i, k]], NA) else c(cx[merge[i, k]], cy[merge[i, k]])
    for (i in seq_len(n - 1L)) for (k in 1:2) if (merge[i, k] < 0) leafy[-merge[i, k]] <- if (hang < 0) 0 else h[i] - hang * hr
    for (i in seq_len(n - 1L)) {
        a <- node(1, i); b <- node(2, i)
        cx[i] <- (a[1L] + b[1L]) / 2
    }
    plot.new()
    # R's dendrogram window: the y range reaches down far enough that the deepest-hanging
    # label (its width plus an "m") fits inside the plot region
    pin <- par("pin")[2L]
    ll <- if (is.null(labels)) rep(0, n) else strwidth(labels, "inches") + strwidth("m", "inches")
    ymax <- max(h)
    if (hang >= 0) {
        yrange <- (1 + hang) * hr
        imax <- which.max((ymax - leafy) / yrange * pin + ll)
        ymin <- ymax - pin / (pin - ll[imax]) * (ymax - leafy[imax])
    } else {
        imax <- which.max(ll)
        ymin <- ymax - pin / (pin - ll[imax]) * ymax
    }
    ylim <- c(ymin, ymax)
    plot.window(c(1, n), ylim, ...)
    for (i in seq_len(n - 1L)) {
        a <- node(1, i); b <- node(2, i)
        ya <- if (is.na(a[2L])) leafy[-merge[i, 1]] else a[2L]
        yb <- if (is.na(b[2L])) leafy[-merge[i, 2]] else b[2L]
        lines(c(a[1L], a[1L], b[1L], b[1L]), c(ya, h[i], h[i], yb))
    }
    if (!is.null(labels)) {
        off <- yinch(strwidth("m", "inches"), warn.log = FALSE)
        text(pos, leafy - off, labels, srt = 90, adj = c(1, 0.5), xpd = NA)
    }
    if (axes) axis(2)
    if (frame.plot) box()
    if (ann) {
        if (is.null(sub) && !is.null(x$method)) sub <- paste0(if (!is.null(x$call)) deparse(x$call[[1L]]) else "hclust", " (*, \"", x$method, "\")")
        d <- if (!is.null(x$call)) as.list(x$call)$d
        if (is.null(xlab)) xlab <- if (!is.null(d)) deparse(d) else ""
        title(main = main, sub = sub, xlab = xlab, ylab = ylab)
    }
    invisible()
}
