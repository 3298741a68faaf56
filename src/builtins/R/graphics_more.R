## The parameters of the HCL palettes of hcl.colors() (hue, chroma, luminance trajectories; type q(ualitative), s(equential), d(iverging)).
.hcl_palettes <- function() list(
    name = c("Pastel 1", "Dark 2", "Dark 3", "Set 2", "Set 3", "Warm", "Cold", "Harmonic", "Dynamic", "Grays", "Light Grays", "Blues 2", "Blues 3", "Purples 2", "Purples 3", "Reds 2", "Reds 3", "Greens 2", "Greens 3", "Oslo", "Purple-Blue", "Red-Purple", "Red-Blue", "Purple-Orange", "Purple-Yellow", "Blue-Yellow", "Green-Yellow", "Red-Yellow", "Heat", "Heat 2", "Terrain", "Terrain 2", "Viridis", "Plasma", "Inferno", "Rocket", "Mako", "Dark Mint", "Mint", "BluGrn", "Teal", "TealGrn", "Emrld", "BluYl", "ag_GrnYl", "Peach", "PinkYl", "Burg", "BurgYl", "RedOr", "OrYel", "Purp", "PurpOr", "Sunset", "Magenta", "SunsetDark", "ag_Sunset", "BrwnYl", "YlOrRd", "YlOrBr", "OrRd", "Oranges", "YlGn", "YlGnBu", "Reds", "RdPu", "PuRd", "Purples", "PuBuGn", "PuBu", "Greens", "BuGn", "GnBu", "BuPu", "Blues", "Lajolla", "Turku", "Hawaii", "Batlow", "Blue-Red", "Blue-Red 2", "Blue-Red 3", "Red-Green", "Purple-Green", "Purple-Brown", "Green-Brown", "Blue-Yellow 2", "Blue-Yellow 3", "Green-Orange", "Cyan-Magenta", "Tropic", "Broc", "Cork", "Vik", "Berlin", "Lisbon", "Tofino"),
    type = c("q", "q", "q", "q", "q", "q", "q", "q", "q", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "d", "d", "d", "d", "d", "d", "d", "d", "d", "d", "d", "d", "d", "d", "d", "d", "d", "d"),
    h1 = c(0, 0, 0, 0, 10, 90, 270, 60, 30, 0, 0, 260, 245, 270, 270, 10, 10, 135, 135, 250, 300, 10, 0, -83, 320, 265, 140, 10, 0, 0, 130, 130, 300, -100, -100, -70, 325, 240, 205, 215, 240, 220, 224, 250, 225, 15, -4, -10, -10, -3, 5, 270, -83, -80, 312, -35, -85, -20, 5, 20, 0, 20, 160, 270, 0, -70, 20, 275, 160, 240, 135, 125, 265, 320, 260, 90, 10, -30, 270, 260, 260, 255, 340, 300, 270, 180, 265, 265, 130, 180, 195, 240, 245, 240, 240, 240, 260),
    h2 = c(NA, NA, NA, NA, NA, -30, 150, 240, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, 200, -80, -100, 20, 80, 80, 80, 85, 90, 90, 0, 30, 75, 100, 85, 60, 130, 130, 140, 120, 180, 125, 105, 90, 87, 50, 80, 10, 55, 53, 72, 300, 20, 78, 358, 50, 70, 70, 85, 85, 60, 55, 85, 90, 35, 40, -95, 270, 320, 260, 115, 200, 95, 200, 220, -20, 120, 200, -40, 0, 0, 12, 128, 128, 40, 55, 80, 80, 43, 330, 325, 85, 125, 55, 15, 85, 120),
    c1 = c(35, 50, 80, 60, 50, 50, 50, 50, 50, 0, 0, 80, 50, 70, 50, 85, 65, 45, 35, 0, 60, 80, 80, 65, 60, 60, 50, 80, 80, 100, 80, 65, 40, 60, 0, 0, 0, 30, 40, 25, 35, 44, 23, 40, 27, 128, 100, 40, 45, 75, 120, 55, 55, 60, 50, 55, 70, 30, 75, 50, 90, 70, 25, 40, 65, 45, 60, 55, 25, 30, 35, 30, 55, 40, 45, 40, 20, 70, 35, 80, 100, 50, 60, 30, 30, 40, 80, 80, 100, 59, 70, 30, 30, 45, 60, 30, 45),
    c2 = c(NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, 0, 0, 5, 40, 18, 20, 10, 10, 10, 30, 30, 0, 0, 95, 100, 65, 10, 18, 33, 12, 30, 15, 50, 55, 55, 86, 30, 47, 40, 30, 42, 49, 20, 18, 55, 24, 60, 45, 20, 40, 20, 10, 10, 20, 25, 5, 5, 5, 5, 5, 5, 5, 5, 10, 5, 5, 5, 0, 35, 35, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA),
    l1 = c(85, 60, 60, 70, 80, 70, 70, 70, 70, 10, 30, 30, 20, 25, 20, 25, 20, 35, 25, 99, 25, 25, 40, 32, 30, 25, 40, 25, 30, 50, 60, 45, 15, 15, 1, 2, 2, 25, 34, 31, 35, 49, 25, 33, 34, 55, 55, 25, 30, 44, 56, 42, 32, 40, 27, 30, 25, 20, 25, 25, 25, 30, 25, 15, 20, 15, 20, 20, 25, 25, 25, 25, 25, 15, 25, 99, 95, 30, 12, 30, 50, 20, 30, 20, 20, 25, 40, 70, 70, 75, 55, 15, 15, 15, 75, 98, 90),
    l2 = c(NA, NA, NA, NA, NA, NA, NA, NA, NA, 98, 90, 90, 98, 95, 98, 95, 97, 95, 98, 1, 95, 95, 75, 90, 95, 95, 97, 95, 90, 90, 95, 90, 90, 95, 98, 97, 95, 95, 94, 88, 92, 90, 92, 98, 92, 90, 96, 85, 90, 86, 87, 92, 90, 91, 85, 90, 85, 90, 99, 99, 97, 97, 99, 99, 97, 97, 97, 99, 98, 98, 98, 98, 97, 98, 98, 5, 1, 92, 88, 90, 90, 97, 97, 95, 98, 97, 95, 95, 90, 95, 95, 98, 95, 95, 5, 8, 5),
    p1 = c(NA, NA, NA, NA, NA, NA, NA, NA, NA, 1.3, 1.5, 1.5, 0.8, 1.2, 0.9, 1.3, 1.1, 1.3, 1.0, 1.0, 0.7, 0.7, 1.0, 0.5, 0.7, 0.7, 0.7, 0.4, 0.2, 0.2, 0.1, 0.5, 1.0, 2.0, 1.1, 0.8, 1.0, 1.0, 0.5, 0.7, 0.6, 0.8, 1.5, 0.5, 0.9, 1.1, 1.0, 1.2, 0.7, 0.8, 1.0, 0.6, 0.6, 0.8, 0.6, 1.2, 0.6, 1.0, 1.6, 1.3, 1.0, 1.2, 1.2, 2.0, 1.1, 1.0, 1.6, 1.3, 1.4, 1.5, 1.0, 1.4, 1.3, 1.2, 1.2, 0.7, 1.7, 0.3, 0.6, 1.5, 1.0, 1.0, 0.8, 1.0, 0.8, 0.8, 1.2, 0.5, 1.0, 1.5, 1.0, 0.9, 0.9, 0.8, 1.2, 1.0, 0.8),
    p2 = c(NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, 1.4, NA, 1.4, NA, 1.3, NA, 1.5, NA, 1.3, 1.3, 1.0, 1.0, 1.3, 2.0, 1.8, 1.3, 2.0, 1.0, 1.0, 1.5, 1.1, 0.9, 0.9, 0.8, 1.0, NA, 1.0, 1.1, 1.1, 1.2, 1.0, 1.0, NA, NA, NA, 1.0, 1.0, 1.0, NA, 1.0, 1.0, 1.0, 1.1, 1.0, 1.0, 1.1, 1.3, 1.5, 1.5, 1.3, 1.6, 1.5, 1.3, 1.3, 1.1, 1.3, 1.2, 1.2, 1.5, 1.6, 1.7, 1.3, 1.3, 0.8, 0.8, 1.0, 1.1, NA, NA, 1.3, 1.5, 1.4, 1.2, 1.4, NA, 2.0, NA, NA, NA, NA, 1.1, 1.1, 1.5, NA, 1.0),
    cmax = c(NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, NA, 75, NA, 75, NA, 150, NA, 70, 70, NA, NA, NA, NA, 65, NA, NA, NA, NA, NA, NA, NA, NA, NA, 120, 130, 70, NA, NA, 45, 40, 60, NA, NA, NA, NA, NA, 75, 80, 90, 125, 60, 65, 75, 65, 120, 105, 60, 180, 150, 135, 150, 70, 90, 150, 100, 140, 70, 70, 70, 70, 65, 80, 65, 70, 100, 55, 75, 75, NA, NA, 80, 80, 65, 70, 65, NA, NA, NA, NA, NA, 45, 55, 65, 80, 45, 55)
)

## The parameters of the "divergingx" HCL palettes: two sequential arms (h1/c1/l1 -> h2/c2/l2 and h3/c3/l3 -> h2/c2/l2) meeting in the middle.
.hcl_palettes_x <- function() list(
    name = c("ArmyRose", "Earth", "Fall", "Geyser", "TealRose", "Temps", "PuOr", "RdBu", "RdGy", "PiYG", "PRGn", "BrBG", "RdYlBu", "RdYlGn", "Spectral", "Zissou 1", "Cividis", "Roma"),
    h1 = c(0, 43, 133, 192, 190, 191, 40, 20, 5, 340, 300, 55, 10, 10, 0, 218, 255, 10),
    h2 = c(NA, 82, 77, 77, 77, 80, NA, NA, 50, NA, NA, NA, 85, 85, 85, 71, NA, 120),
    h3 = c(93, 221, 21, 21, 0, -4, 270, 230, 50, 115, 128, 180, 260, 140, 270, 12, 75, 265),
    c1 = c(73, 61, 20, 40, 50, 43, 70, 60, 60, 75, 30, 40, 105, 105, 90, 46, 30, 80),
    c2 = c(18, 30, 35, 35, 25, 50, 0, 0, 0, 0, 0, 0, 45, 45, 45, 88, 0, 25),
    c3 = c(47, 45, 100, 100, 80, 78, 30, 50, 0, 50, 30, 30, 70, 50, 65, 165, 95, 80),
    l1 = c(58, 50, 35, 50, 55, 55, 30, 20, 20, 30, 15, 25, 35, 35, 37, 59, 13, 25),
    l2 = c(98, 92, 95, 95, 92, 89, 98, 98, 98, 98, 97, 97, 98, 98, 98, 82, 52, 92),
    l3 = c(52, 52, 50, 50, 55, 54, 10, 15, 20, 35, 25, 20, 35, 35, 37, 52, 92, 25),
    p1 = c(1.5, 1.0, 1.0, 1.0, 1.5, 1.6, 0.6, 1.4, 1.2, 1.3, 1.3, 0.8, 1.5, 1.5, 1.0, 0.2, 1.1, 0.4),
    p2 = c(0.8, 1.0, NA, 1.0, 1.0, 1.0, 1.4, 1.2, 1.2, 1.4, 1.2, 1.4, 1.2, 1.2, 1.2, 1.0, 1.0, 1.5),
    p3 = c(0.8, 0.8, 1.5, 1.2, 1.8, 1.0, 1.5, 1.5, 1.0, 0.8, 0.9, 0.8, 0.6, 0.8, 1.0, 3.0, 1.0, 1.0),
    p4 = c(1.0, 1.0, NA, 1.0, 1.0, 1.0, 1.3, 1.5, 1.2, 1.5, 1.5, 1.4, 1.2, 1.2, 1.2, 1.0, NA, 1.2),
    cmax1 = c(NA, NA, NA, 20, 15, 57, 100, 125, 125, 100, 65, 75, 150, 150, 120, 33, 47, NA),
    cmax2 = c(55, 10, NA, NA, NA, 85, 65, 90, NA, 80, 65, 45, 10, 75, NA, NA, NA, NA)
)

## The names of the palettes hcl.colors() knows, optionally of one type.
hcl.pals <- function(type = NULL) {
    p <- .hcl_palettes()
    if (is.null(type)) return(c(p$name, .hcl_palettes_x()$name))
    type <- match.arg(tolower(type), c("qualitative", "sequential", "diverging", "divergingx"))
    if (type == "divergingx") .hcl_palettes_x()$name else p$name[p$type == substr(type, 1L, 1L)]
}

## n colours along an HCL palette (viridis by default), as in R 4.
hcl.colors <- function(n, palette = "viridis", alpha = NULL, rev = FALSE, fixup = TRUE) {
    n <- as.integer(n[1L])
    if (n < 1L) return(character())
    p <- .hcl_palettes()
    key <- function(s) gsub("[-, _, \\,, (, ), \\ , \\.]", "", tolower(s))
    k <- match(key(palette), key(p$name))
    if (is.na(k)) {
        x <- .hcl_palettes_x()
        k <- match(key(palette), key(x$name))
        if (is.na(k)) stop("'palette' does not match any given palette")
        cols <- .hcl_divergingx(n, lapply(x[-1L], `[`, k), fixup)
        if (!is.null(alpha)) cols <- adjustcolor(cols, alpha.f = alpha)
        return(if (rev) rev(cols) else cols)
    }
    v <- lapply(p[-(1:2)], `[`, k)
    type <- p$type[k]
    if (type == "q") {
        h2 <- if (is.na(v$h2)) v$h1 + 360 * (n - 1) / n else v$h2
        cols <- hcl(seq(v$h1, h2, length.out = n), v$c1, v$l1, fixup = fixup)
    } else if (type == "s") {
        h2 <- if (is.na(v$h2)) v$h1 else v$h2
        c2 <- if (is.na(v$c2)) 0 else v$c2
        l2 <- if (is.na(v$l2)) v$l1 else v$l2
        p2 <- if (is.na(v$p2)) v$p1 else v$p2
        i <- seq(1, 0, length.out = n)
        cc <- .hcl_chroma(i^v$p1, v$c1, c2, v$cmax)
        cols <- hcl(h2 - (h2 - v$h1) * i, cc, l2 - (l2 - v$l1) * i^p2, fixup = fixup)
    } else {
        h2 <- if (is.na(v$h2)) v$h1 else v$h2
        p2 <- if (is.na(v$p2)) v$p1 else v$p2
        i <- seq(1, -1, length.out = n)
        cc <- .hcl_chroma(abs(i)^v$p1, v$c1, 0, v$cmax)
        cols <- hcl(ifelse(i > 0, v$h1, h2), cc, v$l2 - (v$l2 - v$l1) * abs(i)^p2, fixup = fixup)
    }
    if (!is.null(alpha)) cols <- adjustcolor(cols, alpha.f = alpha)
    if (rev) rev(cols) else cols
}

## n colours of a divergingx palette v: two sequential arms from the ends to the middle colour.
.hcl_divergingx <- function(n, v, fixup) {
    if (is.na(v$p2)) v$p2 <- v$p1
    if (is.na(v$p4)) v$p4 <- v$p2
    n2 <- ceiling(n / 2)
    i <- if (n > 1L) seq(1, by = -2 / (n - 1), length.out = n2) else 1
    arm <- function(h1, c1, l1, p1, p2, cmax) {
        h2 <- if (is.na(v$h2)) h1 else v$h2
        hcl(h2 - (h2 - h1) * i, .hcl_chroma(i^p1, c1, v$c2, cmax), v$l2 - (v$l2 - l1) * i^p2, fixup = fixup)
    }
    cols <- c(arm(v$h1, v$c1, v$l1, v$p1, v$p2, v$cmax1), rev(arm(v$h3, v$c3, v$l3, v$p3, v$p4, v$cmax2)))
    if (n %/% 2 < n2) cols[-n2] else cols
}

## Chroma along a palette trajectory, through cmax when it has one (a triangle).
.hcl_chroma <- function(t, c1, c2, cmax) {
    if (is.na(cmax)) return(c2 - (c2 - c1) * t)
    j <- 1 / (1 + abs(cmax - c1) / abs(cmax - c2))
    if (!is.finite(j) || j <= 0 || j >= 1) return(c2 - (c2 - c1) * t)
    ifelse(t <= j, c2 - (c2 - cmax) * t / j, cmax - (cmax - c1) * (t - j) / (1 - j))
}

## A function mapping numbers in [0, 1] to colours interpolated between the given ones (an n x 3 matrix of RGB values).
colorRamp <- function(colors, bias = 1, space = c("rgb", "Lab"), interpolate = c("linear", "spline"), alpha = FALSE) {
    m <- t(col2rgb(colors, alpha = alpha)) / 255
    pos <- seq(0, 1, length.out = nrow(m))^bias
    function(x) {
        # linear interpolation between the colours at their positions
        i <- pmin(findInterval(x, pos, rightmost.closed = TRUE), length(pos) - 1L)
        i[i < 1L] <- 1L
        if (length(pos) == 1L) return(matrix(rep(m[1L, ] * 255, each = length(x)), ncol = ncol(m)))
        t <- (x - pos[i]) / (pos[i + 1L] - pos[i])
        out <- sapply(seq_len(ncol(m)), function(k) m[i, k] + t * (m[i + 1L, k] - m[i, k]))
        if (!is.matrix(out)) out <- matrix(out, ncol = ncol(m))
        out * 255
    }
}

## A palette function: n colours interpolated between the given ones.
colorRampPalette <- function(colors, ...) {
    ramp <- colorRamp(colors, ...)
    function(n) {
        x <- trunc(ramp(seq(0, 1, length.out = n)))
        if (ncol(x) == 4L) rgb(x[, 1L], x[, 2L], x[, 3L], x[, 4L], maxColorValue = 255)
        else rgb(x[, 1L], x[, 2L], x[, 3L], maxColorValue = 255)
    }
}

## Interactive position reading: there is no pointer device, so NULL.
locator <- function(n = 512, type = "n", ...) NULL

## Interactive point identification: there is no pointer device, so an empty result.
identify <- function(x, ...) integer(0)

## Ticks along an axis at each x (a one-dimensional scatter plot on the frame).
rug <- function(x, ticksize = 0.03, side = 1, lwd = 0.5, col = par("fg"), quiet = getOption("warn") < 0, ...) {
    x <- as.vector(x)
    x <- x[is.finite(x)]
    u <- par("usr")
    if (side %in% c(1, 3)) {
        y0 <- if (side == 1) u[3L] else u[4L]
        len <- ticksize * (u[4L] - u[3L]) * if (side == 1) 1 else -1
        segments(x, y0, x, y0 + len, lwd = lwd, col = col, xpd = TRUE)
    } else {
        x0 <- if (side == 2) u[1L] else u[2L]
        len <- ticksize * (u[2L] - u[1L]) * if (side == 2) 1 else -1
        segments(x0, x, x0 + len, x, lwd = lwd, col = col, xpd = TRUE)
    }
    invisible(x)
}

## A Cleveland dot plot: each value a point on its own dotted line, labelled in the left margin (groups: blocks with their own labels).
dotchart <- function(x, labels = NULL, groups = NULL, gdata = NULL, offset = 1/8, ann = par("ann"), xaxt = par("xaxt"), frame.plot = TRUE, log = "", cex = par("cex"), pt.cex = cex, pch = 21, gpch = 21, bg = par("bg"), color = par("fg"), gcolor = par("fg"), lcolor = "gray", xlim = range(x[is.finite(x)]), main = NULL, xlab = NULL, ylab = NULL, ...) {
    if (is.matrix(x)) {
        if (is.null(groups)) {
            gl <- colnames(x)
            if (is.null(gl)) gl <- as.character(seq_len(ncol(x)))
            groups <- factor(as.vector(col(x)), levels = seq_len(ncol(x)), labels = gl)
        }
        if (is.null(labels)) labels <- rownames(x)
        if (is.null(labels)) labels <- as.character(seq_len(nrow(x)))
        labels <- rep_len(labels, length(x))
        x <- as.numeric(x)
    }
    if (is.null(labels)) labels <- names(x)
    n <- length(x)
    if (is.null(labels)) labels <- rep("", n)
    plot.new()
    linch <- max(strwidth(labels, "inch"), 0, na.rm = TRUE)
    ginch <- 0
    glabels <- NULL
    if (!is.null(groups)) {
        groups <- as.factor(groups)
        glabels <- levels(groups)
        ginch <- max(strwidth(glabels, "inch"), na.rm = TRUE)
    }
    goffset <- if (is.null(groups)) 0 else offset
    nmai <- par("mai")
    nmai[2L] <- nmai[4L] + max(linch + goffset, ginch) + 0.1
    op <- par(mai = nmai)
    on.exit(par(op))
    gy <- NULL
    if (is.null(groups)) {
        y <- seq_len(n)
    } else {
        # the first group on top: groups in decreasing order from the bottom, two lines apart
        o <- order(-as.integer(groups), seq_len(n))
        x <- x[o]; labels <- labels[o]; g <- as.integer(groups)[o]
        off <- cumsum(c(0, diff(g) != 0))
        y <- seq_len(n) + 2 * off
        gy <- sapply(sort(unique(g)), function(k) max(y[g == k]) + 1)
    }
    ylim <- c(0, max(y, gy) + 1)
    plot.window(xlim = xlim, ylim = ylim, log = log, yaxs = "i")
    lheight <- par("csi")
    loffset <- (linch + 0.1) / lheight
    mtext(labels, side = 2, line = loffset, at = y, adj = 0, col = color, las = 2, cex = cex)
    abline(h = y, lty = "dotted", col = lcolor)
    points(x, y, pch = pch, col = color, bg = bg, cex = pt.cex / cex)
    if (!is.null(gy)) {
        goff <- (max(linch + offset, ginch, na.rm = TRUE) + 1/16) / lheight
        mtext(glabels[sort(unique(as.integer(groups)))], side = 2, line = goff, at = gy, adj = 0, col = gcolor, las = 2, cex = cex)
    }
    if (xaxt != "n") axis(1)
    if (frame.plot) box()
    if (ann) title(main = main, xlab = xlab, ylab = ylab, ...)
    invisible()
}

## One-dimensional scatter plots of one or more samples (method "overplot", "jitter" or "stack").
stripchart <- function(x, ...) UseMethod("stripchart")

## Strip charts of the response split by the right-hand side of a formula.
stripchart.formula <- function(x, data = NULL, dlab = NULL, ...) {
    y <- eval(x[[2L]], data, environment(x))
    g <- eval(x[[3L]], data, environment(x))
    if (is.null(dlab)) dlab <- deparse(x[[2L]])
    stripchart.default(split(y, g), dlab = dlab, glab = deparse(x[[3L]]), ...)
}

## Strip charts of a vector or a list of vectors.
stripchart.default <- function(x, method = "overplot", jitter = 0.1, offset = 1/3, vertical = FALSE, group.names, add = FALSE, at = NULL, xlim = NULL, ylim = NULL, ylab = NULL, xlab = NULL, dlab = "", glab = "", log = "", pch = 0, col = par("fg"), cex = par("cex"), axes = TRUE, frame.plot = axes, ...) {
    groups <- if (is.list(x)) x else list(x)
    if (!missing(group.names)) names(groups) <- group.names
    else if (is.null(names(groups))) names(groups) <- if (length(groups) > 1L) seq_along(groups) else ""
    n <- length(groups)
    if (is.null(at)) at <- seq_len(n)
    pch <- rep_len(pch, n); col <- rep_len(col, n)
    dlim <- range(unlist(groups), finite = TRUE)
    glim <- c(1, n)
    if (method == "jitter") glim <- glim + jitter * if (n == 1) c(-5, 5) else c(-2, 2)
    else if (method == "stack") glim <- glim + if (n == 1) c(-1, 1) else c(0, 0.5)
    if (!add) {
        if (vertical) {
            if (is.null(xlim)) xlim <- glim
            if (is.null(ylim)) ylim <- dlim
        } else {
            if (is.null(xlim)) xlim <- dlim
            if (is.null(ylim)) ylim <- glim
        }
        plot.new()
        plot.window(xlim, ylim, log = log)
        if (frame.plot) box()
        if (axes) {
            if (vertical) { if (n > 1) axis(1, at = at, labels = names(groups)); axis(2) }
            else { axis(1); if (n > 1) axis(2, at = at, labels = names(groups)) }
        }
        if (is.null(xlab)) xlab <- if (vertical) glab else dlab
        if (is.null(ylab)) ylab <- if (vertical) dlab else glab
        title(xlab = xlab, ylab = ylab)
    }
    csize <- cex * if (vertical) strwidth("m") else strheight("m")
    for (i in seq_len(n)) {
        v <- groups[[i]]
        v <- v[is.finite(v)]
        if (!length(v)) next
        y <- rep(at[i], length(v))
        if (method == "jitter") y <- y + stats::runif(length(v), -jitter, jitter)
        else if (method == "stack") {
            y <- numeric(length(v))
            for (u in unique(v)) { k <- which(v == u); y[k] <- at[i] + (seq_along(k) - 1) * offset * csize }
        }
        if (vertical) points(y, v, pch = pch[i], col = col[i], cex = cex)
        else points(v, y, pch = pch[i], col = col[i], cex = cex)
    }
    invisible()
}

## Circles, squares, rectangles, stars, thermometers or box plots at x, y, sized in inches (the largest one `inches` across when inches is a number) or in axis units (inches = FALSE).
symbols <- function(x, y = NULL, circles, squares, rectangles, stars, thermometers, boxplots, inches = TRUE, add = FALSE, fg = par("col"), bg = NA, xlab = NULL, ylab = NULL, main = NULL, xlim = NULL, ylim = NULL, ...) {
    if (is.null(xlab)) xlab <- deparse(substitute(x))
    if (is.null(ylab)) ylab <- deparse(substitute(y))
    if (is.null(y)) { y <- x; x <- seq_along(y) }
    n <- length(x)
    given <- c(c = !missing(circles), s = !missing(squares), r = !missing(rectangles), st = !missing(stars), t = !missing(thermometers), b = !missing(boxplots))
    if (sum(given) != 1L) stop("exactly one symbol type must be specified")
    kind <- names(given)[given]
    size <- as.matrix(switch(kind, c = circles, s = squares, r = rectangles, st = stars, t = thermometers, b = boxplots))
    need <- switch(kind, c = 1L, s = 1L, r = 2L, st = 3L, t = 3L, b = 5L)
    if (ncol(size) < need || (kind == "t" && ncol(size) > 4L)) stop("invalid symbol parameter")
    if (nrow(size) != n || length(y) != n) stop("x/y/parameter length mismatch")
    if (kind == "st") size[is.na(size)] <- 0
    if (any(size[, seq_len(if (kind %in% c("r", "t", "b")) 2L else ncol(size))] < 0, na.rm = TRUE)) stop("invalid symbol parameter")
    if (!add) {
        if (is.null(xlim)) xlim <- extendrange(x, f = 0.1)
        if (is.null(ylim)) ylim <- extendrange(y, f = 0.1)
        plot.default(x, y, type = "n", xlab = xlab, ylab = ylab, main = main, xlim = xlim, ylim = ylim, ...)
    }
    u <- par("usr"); pin <- par("pin")
    ux <- (u[2L] - u[1L]) / pin[1L]; uy <- (u[4L] - u[3L]) / pin[2L]
    inch <- if (isTRUE(inches)) 1 else if (identical(inches, FALSE) || !is.numeric(inches) || inches <= 0) NA else inches
    dims <- if (kind %in% c("r", "t", "b")) size[, 1:2, drop = FALSE] else size
    # sx, sy: user units per size unit across and up
    if (is.na(inch)) { sx <- 1; sy <- if (kind %in% c("r", "t", "b")) 1 else uy / ux }
    else { k <- inch / max(dims, na.rm = TRUE); sx <- k * ux; sy <- k * uy }
    fg <- rep_len(fg, n); bg <- rep_len(bg, n)
    a <- seq(0, 2 * pi, length.out = 73)
    for (i in seq_len(n)) {
        if (is.na(x[i]) || is.na(y[i]) || anyNA(size[i, seq_len(need)])) next
        v <- size[i, ]
        switch(kind,
            c = polygon(x[i] + v[1L] * sx * cos(a), y[i] + v[1L] * sy * sin(a), border = fg[i], col = bg[i]),
            st = {
                th <- 2 * pi * (seq_along(v) - 1) / length(v)
                polygon(x[i] + v * sx * cos(th), y[i] + v * sy * sin(th), border = fg[i], col = bg[i])
            },
            {
                w <- v[1L] * sx / 2
                h <- (if (kind == "s") v[1L] else v[2L]) * sy / 2
                rect(x[i] - w, y[i] - h, x[i] + w, y[i] + h, border = fg[i], col = bg[i])
                if (kind == "t") {
                    lo <- if (length(v) == 4L) v[3L] else 0
                    hi <- if (length(v) == 4L) v[4L] else v[3L]
                    rect(x[i] - w, y[i] - h + 2 * h * lo, x[i] + w, y[i] - h + 2 * h * hi, border = NA, col = fg[i])
                    segments(x[i] + w * c(-1.5, 1), y[i], x[i] + w * c(-1, 1.5), y[i], col = fg[i])
                } else if (kind == "b") {
                    segments(x[i], y[i] - h, x[i], y[i] - h - v[3L] * sy, col = fg[i])
                    segments(x[i], y[i] + h, x[i], y[i] + h + v[4L] * sy, col = fg[i])
                    m <- y[i] - h + 2 * h * v[5L]
                    segments(x[i] - w, m, x[i] + w, m, col = fg[i])
                }
            })
    }
    invisible()
}

## A grid of coloured rectangles for the values of a matrix (colour by value intervals).
image <- function(x, ...) if (missing(x)) image.default(...) else UseMethod("image")

## Colours the cells of z over the grid x, y (cell edges halfway between grid points).
image.default <- function(x = seq(0, 1, length.out = nrow(z)), y = seq(0, 1, length.out = ncol(z)), z, zlim = range(z[is.finite(z)]), xlim = range(x), ylim = range(y), col = hcl.colors(12, "YlOrRd", rev = TRUE), add = FALSE, axes = TRUE, xaxs = "i", yaxs = "i", xlab, ylab, breaks, oldstyle = FALSE, useRaster, ...) {
    if (missing(z)) {
        if (!missing(x)) {
            if (is.list(x)) { z <- x$z; y <- x$y; x <- x$x }
            else { z <- x; x <- seq(0, 1, length.out = nrow(z)) }
            if (missing(xlab)) xlab <- ""
            if (missing(ylab)) ylab <- ""
        } else stop("no 'z' matrix specified")
    }
    if (missing(xlab)) xlab <- if (missing(x)) "" else deparse(substitute(x))
    if (missing(ylab)) ylab <- if (missing(y)) "" else deparse(substitute(y))
    z <- as.matrix(z)
    edges <- function(v, m) {
        if (length(v) == m + 1L) return(v)
        if (m == 1L) return(v + c(-0.5, 0.5))
        d <- diff(v)
        c(v[1L] - d[1L] / 2, v[-1L] - d / 2, v[m] + d[m - 1L] / 2)
    }
    xe <- edges(as.numeric(x), nrow(z)); ye <- edges(as.numeric(y), ncol(z))
    if (missing(xlim)) xlim <- range(xe)
    if (missing(ylim)) ylim <- range(ye)
    if (missing(breaks)) breaks <- seq(zlim[1L], zlim[2L], length.out = length(col) + 1L)
    if (!add) {
        plot.new()
        plot.window(xlim, ylim, xaxs = xaxs, yaxs = yaxs, ...)
        title(xlab = xlab, ylab = ylab, ...)
        if (axes) { axis(1); axis(2); box(); on.exit(box(), add = TRUE) }
    }
    zi <- findInterval(as.numeric(z), breaks, rightmost.closed = TRUE, all.inside = FALSE)
    zi[!is.finite(as.numeric(z)) | as.numeric(z) < breaks[1L] | as.numeric(z) > breaks[length(breaks)]] <- NA
    i <- as.vector(row(z)); j <- as.vector(col(z))
    ok <- !is.na(zi) & zi >= 1 & zi <= length(col)
    rect(xe[i[ok]], ye[j[ok]], xe[i[ok] + 1L], ye[j[ok] + 1L], col = col[zi[ok]], border = NA)
    invisible()
}

## The contour lines of a surface over a grid: a list of list(level, x, y).
contourLines <- function(x = seq(0, 1, length.out = nrow(z)), y = seq(0, 1, length.out = ncol(z)), z, nlevels = 10, levels = pretty(range(z, na.rm = TRUE), nlevels)) {
    if (missing(z)) {
        if (is.list(x)) { z <- x$z; y <- x$y; x <- x$x }
        else { z <- x; x <- seq(0, 1, length.out = nrow(z)) }
    }
    .contour_lines(as.numeric(x), as.numeric(y), as.numeric(z), as.numeric(levels))
}

## Contour lines of a surface, each labelled with its level.
contour <- function(x, ...) UseMethod("contour")

## Draws the contour lines of z over x, y at pretty levels, labelled.
contour.default <- function(x = seq(0, 1, length.out = nrow(z)), y = seq(0, 1, length.out = ncol(z)), z, nlevels = 10, levels = pretty(zlim, nlevels), labels = NULL, xlim = range(x, finite = TRUE), ylim = range(y, finite = TRUE), zlim = range(z, finite = TRUE), labcex = 0.6, drawlabels = TRUE, method = "flattest", vfont, axes = TRUE, frame.plot = axes, col = par("fg"), lty = par("lty"), lwd = par("lwd"), add = FALSE, ...) {
    if (missing(z)) {
        if (!missing(x)) {
            if (is.list(x)) { z <- x$z; y <- x$y; x <- x$x }
            else { z <- x; x <- seq(0, 1, length.out = nrow(z)) }
        } else stop("no 'z' matrix specified")
    }
    z <- as.matrix(z)
    if (!add) {
        plot.new()
        plot.window(xlim, ylim, ...)
        title(...)
        if (axes) { axis(1); axis(2) }
        if (frame.plot) box()
    }
    cl <- .contour_lines(as.numeric(x), as.numeric(y), as.numeric(z), as.numeric(levels))
    if (is.null(labels)) labels <- format(levels, trim = TRUE)
    col <- rep_len(col, length(levels)); lty <- rep_len(lty, length(levels)); lwd <- rep_len(lwd, length(levels))
    u <- par("usr"); pin <- par("pin")
    sx <- pin[1L] / (u[2L] - u[1L]); sy <- pin[2L] / (u[4L] - u[3L])
    for (k in seq_along(cl)) {
        li <- match(cl[[k]]$level, levels)
        lx <- cl[[k]]$x; ly <- cl[[k]]$y
        m <- length(lx)
        lab <- labels[li]
        if (drawlabels && m > 2L) {
            # the label sits at the flattest stretch as long as it is wide, in a gap cut from the line
            wi <- strwidth(lab, "inches", cex = labcex)
            dist <- c(0, cumsum(sqrt((diff(lx) * sx)^2 + (diff(ly) * sy)^2)))
            if (dist[m] > 1.5 * wi) {
                mid <- which.min(abs(dist - dist[m] / 2))
                if (method == "flattest" && m > 4L) {
                    ang <- atan2(diff(ly) * sy, diff(lx) * sx)
                    cand <- which(dist[-m] > wi & dist[-m] < dist[m] - wi)
                    if (length(cand)) mid <- cand[which.min(abs(sin(ang[cand])))]
                }
                gap <- abs(dist - dist[mid]) < wi / 2 * 1.2
                lxx <- lx; lyy <- ly; lxx[gap] <- NA; lyy[gap] <- NA
                lines(lxx, lyy, col = col[li], lty = lty[li], lwd = lwd[li])
                a <- if (mid < m) atan2((ly[mid + 1L] - ly[mid]) * sy, (lx[mid + 1L] - lx[mid]) * sx) * 180 / pi else 0
                if (a > 90) a <- a - 180 else if (a < -90) a <- a + 180
                text(lx[mid], ly[mid], lab, cex = labcex, srt = a, col = col[li])
                next
            }
        }
        lines(lx, ly, col = col[li], lty = lty[li], lwd = lwd[li])
    }
    invisible()
}

## Projects 3-d points through a viewing matrix (from persp) to the plot's coordinates.
trans3d <- function(x, y, z, pmat) {
    tr <- cbind(x, y, z, 1) %*% pmat
    list(x = tr[, 1] / tr[, 4], y = tr[, 2] / tr[, 3 + 1])
}

## A perspective plot of a surface: facets drawn back to front after rotating by theta and phi; returns the viewing matrix.
persp <- function(x, ...) UseMethod("persp")

## Perspective view of z over the grid x, y, seen from angles theta (azimuth) and phi (colatitude).
persp.default <- function(x = seq(0, 1, length.out = nrow(z)), y = seq(0, 1, length.out = ncol(z)), z, xlim = range(x), ylim = range(y), zlim = range(z, na.rm = TRUE), xlab = NULL, ylab = NULL, zlab = NULL, main = NULL, sub = NULL, theta = 0, phi = 15, r = sqrt(3), d = 1, scale = TRUE, expand = 1, col = "white", border = NULL, ltheta = -135, lphi = 0, shade = NA, box = TRUE, axes = TRUE, nticks = 5, ticktype = "simple", ...) {
    if (is.null(xlab)) xlab <- if (!missing(x)) deparse(substitute(x)) else "X"
    if (is.null(ylab)) ylab <- if (!missing(y)) deparse(substitute(y)) else "Y"
    if (is.null(zlab)) zlab <- if (!missing(z)) deparse(substitute(z)) else "Z"
    if (missing(z)) {
        if (is.list(x)) { z <- x$z; y <- x$y; x <- x$x }
        else { z <- x; x <- seq(0, 1, length.out = nrow(z)); xlab <- "X" }
    }
    z <- as.matrix(z)
    # the box scaled to [-1/2, 1/2]^3 (z expanded), turned by theta about the vertical and tilted
    # by phi towards the viewer, then seen in perspective from distance r
    sx <- 1 / diff(xlim); sy <- 1 / diff(ylim); sz <- 1 / diff(zlim) * expand
    if (!scale) { s <- min(sx, sy, sz / expand); sx <- sy <- s; sz <- s * expand }
    A <- diag(c(sx, sy, sz, 1))
    A[4, 1:3] <- -c(mean(xlim) * sx, mean(ylim) * sy, mean(zlim) * sz)
    th <- theta * pi / 180; ph <- phi * pi / 180
    rgt <- c(cos(th), sin(th), 0)
    up <- c(-sin(th) * sin(ph), cos(th) * sin(ph), cos(ph))
    tc <- c(sin(th) * cos(ph), -cos(th) * cos(ph), sin(ph))
    B <- rbind(cbind(rgt, up, tc, -tc / d), c(0, 0, 0, r))
    pmat <- A %*% B
    dimnames(pmat) <- NULL
    proj <- function(px, py, pz) { tr <- cbind(px, py, pz, 1) %*% pmat; list(x = tr[, 1] / tr[, 4], y = tr[, 2] / tr[, 4], d = tr[, 3]) }
    corners <- expand.grid(x = xlim, y = ylim, z = zlim)
    pc <- proj(corners$x, corners$y, corners$z)
    plot.new()
    plot.window(range(pc$x), range(pc$y), asp = 1)
    title(main = main, sub = sub)
    nx <- nrow(z); ny <- ncol(z)
    i <- rep(seq_len(nx - 1L), ny - 1L); j <- rep(seq_len(ny - 1L), each = nx - 1L)
    fx <- cbind(x[i], x[i + 1L], x[i + 1L], x[i]); fy <- cbind(y[j], y[j], y[j + 1L], y[j + 1L])
    fz <- cbind(z[cbind(i, j)], z[cbind(i + 1L, j)], z[cbind(i + 1L, j + 1L)], z[cbind(i, j + 1L)])
    p <- proj(as.vector(fx), as.vector(fy), as.vector(fz))
    m <- length(i)
    px <- matrix(p$x, m); py <- matrix(p$y, m); pd <- matrix(p$d, m)
    depth <- rowMeans(pd)
    o <- order(depth)
    fcol <- rep_len(col, m)
    if (!is.na(shade)) {
        # Lambertian shading by the facet normal against the light direction
        nxv <- (fy[, 3] - fy[, 1]) * (fz[, 4] - fz[, 2]) * sz * sy - (fz[, 3] - fz[, 1]) * (fy[, 4] - fy[, 2]) * sz * sy
        nyv <- (fz[, 3] - fz[, 1]) * (fx[, 4] - fx[, 2]) * sz * sx - (fx[, 3] - fx[, 1]) * (fz[, 4] - fz[, 2]) * sz * sx
        nzv <- (fx[, 3] - fx[, 1]) * (fy[, 4] - fy[, 2]) * sx * sy - (fy[, 3] - fy[, 1]) * (fx[, 4] - fx[, 2]) * sx * sy
        lt <- ltheta * pi / 180; lp <- lphi * pi / 180
        L <- c(cos(lp) * sin(lt), -cos(lp) * cos(lt), sin(lp))
        cosang <- abs(nxv * L[1] + nyv * L[2] + nzv * L[3]) / sqrt(nxv^2 + nyv^2 + nzv^2)
        cosang[!is.finite(cosang)] <- 1
        k <- ((1 + cosang) / 2)^shade
        rgbm <- col2rgb(fcol) / 255
        fcol <- rgb(rgbm[1, ] * k, rgbm[2, ] * k, rgbm[3, ] * k)
    }
    bord <- if (is.null(border)) par("fg") else border
    e <- rbind(c(1, 2), c(1, 3), c(2, 4), c(3, 4), c(5, 6), c(5, 7), c(6, 8), c(7, 8), c(1, 5), c(2, 6), c(3, 7), c(4, 8))
    far <- which.min(pc$d[1:4])
    back <- e[, 1] == far | e[, 2] == far | e[, 1] == far + 4 | e[, 2] == far + 4
    if (box) segments(pc$x[e[back, 1]], pc$y[e[back, 1]], pc$x[e[back, 2]], pc$y[e[back, 2]], lty = 3)
    for (f in o) if (all(is.finite(px[f, ]) & is.finite(py[f, ]))) polygon(px[f, ], py[f, ], col = fcol[f], border = bord)
    if (box) {
        segments(pc$x[e[!back, 1]], pc$y[e[!back, 1]], pc$x[e[!back, 2]], pc$y[e[!back, 2]])
        if (axes) {
            cx <- mean(pc$x); cy <- mean(pc$y)
            lab <- function(a, b, txt) {
                mx <- (pc$x[a] + pc$x[b]) / 2; my <- (pc$y[a] + pc$y[b]) / 2
                text(mx + (mx - cx) * 0.12, my + (my - cy) * 0.12, txt)
            }
            near <- which.max(pc$d[1:4])
            xe <- if (near %in% c(1, 2)) c(1, 2) else c(3, 4)
            ye <- if (near %in% c(1, 3)) c(1, 3) else c(2, 4)
            cand <- setdiff(1:4, c(near, far)); side <- cand[which.min(pc$x[cand])]
            lab(xe[1], xe[2], xlab); lab(ye[1], ye[2], ylab); lab(side, side + 4, zlab)
        }
    }
    invisible(pmat)
}

## A mosaic plot of a contingency table: tiles with areas proportional to the counts, split by each variable in turn.
mosaicplot <- function(x, ...) UseMethod("mosaicplot")

## Splits the unit square by the table's first dimension, then the second within it, and so on.
mosaicplot.default <- function(x, main = deparse(substitute(x)), sub = NULL, xlab = NULL, ylab = NULL, sort = NULL, off = NULL, dir = NULL, color = NULL, shade = FALSE, margin = NULL, cex.axis = 0.66, las = par("las"), border = NULL, type = "pearson", ...) {
    x <- as.table(x)
    if (is.null(dim(x))) x <- as.table(array(x, dim = length(x), dimnames = list(names(x))))
    nd <- length(dim(x))
    dn <- dimnames(x)
    for (k in seq_len(nd)) if (is.null(dn[[k]])) dn[[k]] <- paste(seq_len(dim(x)[k]))
    if (is.null(dir)) dir <- rep(c("v", "h"), length.out = nd)
    if (is.null(xlab)) xlab <- names(dn)[1L]
    if (is.null(ylab)) ylab <- if (nd > 1L) names(dn)[2L] else ""
    if (is.null(xlab)) xlab <- ""
    if (is.null(ylab)) ylab <- ""
    if (is.null(color)) color <- "gray"
    if (isTRUE(color)) color <- gray.colors(dim(x)[nd])
    plot.new()
    plot.window(c(0, 1), c(0, 1))
    title(main = main, sub = sub, xlab = xlab, ylab = ylab)
    gapfrac <- 0.01
    draw <- function(cells, x0, y0, x1, y1, k) {
        if (k > nd) return(invisible())
        tot <- apply(cells, k, sum)
        cnt <- length(tot)
        tot[is.na(tot)] <- 0
        s <- sum(tot)
        if (s <= 0) return(invisible())
        gap <- gapfrac * (if (dir[k] == "v") (x1 - x0) else (y1 - y0)) * (cnt > 1)
        span <- (if (dir[k] == "v") (x1 - x0) else (y1 - y0)) - gap * (cnt - 1)
        pos <- if (dir[k] == "v") x0 else y1
        for (i in seq_len(cnt)) {
            w <- span * tot[i] / s
            idx <- rep(list(TRUE), nd); idx[[k]] <- i
            sub <- do.call(`[`, c(list(cells), idx, list(drop = FALSE)))
            if (dir[k] == "v") {
                if (k == nd) rect(pos, y0, pos + w, y1, col = rep_len(color, cnt)[i], border = if (is.null(border)) par("fg") else border)
                else draw(sub, pos, y0, pos + w, y1, k + 1L)
                if (k == 1L) text(pos + w / 2, 1.03, dn[[k]][i], cex = cex.axis / 0.66 * 0.66, xpd = TRUE)
                pos <- pos + w + gap
            } else {
                if (k == nd) rect(x0, pos - w, x1, pos, col = rep_len(color, cnt)[i], border = if (is.null(border)) par("fg") else border)
                else draw(sub, x0, pos - w, x1, pos, k + 1L)
                if (k == 2L && x0 == 0) text(-0.02, pos - w / 2, dn[[k]][i], srt = 90, cex = 1, xpd = TRUE)
                pos <- pos - w - gap
            }
        }
    }
    draw(unclass(x), 0, 0, 1, 1, 1L)
    invisible()
}

## A scatter plot where repeated points are drawn as sunflowers with one petal per repeat (generic).
sunflowerplot <- function(x, ...) UseMethod("sunflowerplot")

## The formula interface of sunflowerplot: y ~ x, variables looked up in data.
sunflowerplot.formula <- function(formula, data = NULL, xlab = NULL, ylab = NULL, ..., subset, na.action = NULL) {
    mf <- .formula_frame(formula, data, environment(formula), if (!missing(subset)) eval(substitute(subset), data, parent.frame()))
    if (ncol(mf) != 2L) stop("'formula' must specify exactly two variables")
    if (is.null(xlab)) xlab <- names(mf)[2L]
    if (is.null(ylab)) ylab <- names(mf)[1L]
    sunflowerplot.default(mf[[2L]], mf[[1L]], xlab = xlab, ylab = ylab, ...)
}

## Sunflowers at x, y (or the points of xy.coords(x)): one petal per repeat of a point, or `number` petals.
sunflowerplot.default <- function(x, y = NULL, number, log = "", digits = 6L, xlab = NULL, ylab = NULL, xlim = NULL, ylim = NULL, add = FALSE, rotate = FALSE, pch = 16, cex = 0.8, cex.fact = 1.5, col = par("col"), bg = NA, size = 1/8, seg.col = 2, seg.lwd = 1.5, ...) {
    xy <- xy.coords(x, y, deparse1(substitute(x)), if (!is.null(y)) deparse1(substitute(y)), log)
    if (missing(number) && is.list(x) && !is.data.frame(x) && !is.null(x$number)) number <- x$number
    if (is.null(xlab)) xlab <- xy$xlab
    if (is.null(ylab)) ylab <- xy$ylab
    x <- xy$x; y <- xy$y
    key <- paste(signif(x, digits), signif(y, digits))
    u <- !duplicated(key)
    if (missing(number)) number <- as.vector(table(factor(key, levels = unique(key))))
    x <- x[u]; y <- y[u]
    if (!add) plot.default(x, y, type = "n", xlab = xlab, ylab = ylab, xlim = xlim, ylim = ylim, log = log, ...)
    one <- number == 1
    if (any(one)) points(x[one], y[one], pch = pch, col = col, bg = bg, cex = cex)
    many <- !one
    if (any(many)) {
        points(x[many], y[many], pch = pch, col = col, bg = bg, cex = cex / cex.fact)
        us <- par("usr"); pin <- par("pin")
        ix <- size * (us[2L] - us[1L]) / pin[1L]; iy <- size * (us[4L] - us[3L]) / pin[2L]
        for (k in which(many)) {
            a <- 2 * pi * (seq_len(number[k]) - 1) / number[k] + if (rotate) stats::runif(1, 0, 2 * pi) else 0
            segments(x[k], y[k], x[k] + ix * sin(a), y[k] + iy * cos(a), col = seg.col, lwd = seg.lwd)
        }
    }
    invisible(list(x = x, y = y, number = number))
}

## Whether the current device is interactive: never here (files only).
dev.interactive <- function(orNone = FALSE) FALSE

## Holds drawing on interactive devices; a no-op here, returning the hold level 0.
dev.hold <- function(level = 1L) invisible(0L)

## Releases dev.hold(); a no-op here, returning the hold level 0.
dev.flush <- function(level = 1L) invisible(0L)

## Adds the columns of y against x as points (matplot with add = TRUE).
matpoints <- function(x, y, type = "p", lty = 1:5, lwd = 1, pch = NULL, col = 1:6, ...) matplot(x, y, type = type, lty = lty, lwd = lwd, pch = pch, col = col, ..., add = TRUE)

## A quantile-quantile plot of two samples (sorted values, interpolated to the shorter sample's length).
qqplot <- function(x, y, plot.it = TRUE, xlab = deparse(substitute(x)), ylab = deparse(substitute(y)), ...) {
    sx <- sort(x); sy <- sort(y)
    lenx <- length(sx); leny <- length(sy)
    interp <- function(v, n) { p <- seq(1, length(v), length.out = n); i <- floor(p); f <- p - i; j <- pmin(i + 1, length(v)); v[i] * (1 - f) + v[j] * f }
    if (leny < lenx) sx <- interp(sx, leny)
    if (leny > lenx) sy <- interp(sy, lenx)
    if (plot.it) plot(sx, sy, xlab = xlab, ylab = ylab, ...)
    invisible(list(x = sx, y = sy))
}

## Paths of several polygons filled as one shape; drawn here as polygons.
polypath <- function(x, y = NULL, border = NULL, col = NA, lty = par("lty"), rule = "winding", ...) polygon(x, y, border = border, col = col, lty = lty, ...)

## Sets the clipping region; the devices here clip to the plot region, so this does nothing.
clip <- function(x1, x2, y1, y2) invisible(NULL)

## Shows the figure regions of a layout() as numbered boxes.
layout.show <- function(n = 1) {
    for (i in seq_len(n)) {
        plot.new(); box(which = "figure", lty = "dashed")
        text(0.5, 0.5, i, cex = 2)
    }
    invisible()
}
