## Centimetres from inches.
cm <- function(x) 2.54 * x

## Checks a list of new option values against the current ones held in the variable name.opt (mode and length must agree) and returns the merged options; reset = TRUE returns the defaults.
check.options <- function(new, name.opt, reset = FALSE, assign.opt = FALSE, envir = .GlobalEnv, check.attributes = c("mode", "length"), override.check = FALSE) {
    lnew <- length(new)
    if (lnew != length(newnames <- names(new))) stop(gettextf("invalid arguments in '%s' (need named args)", deparse(sys.call(sys.parent()))), domain = NA)
    if (!is.character(name.opt)) stop("'name.opt' must be character, name of an existing list")
    if (reset) {
        if (exists(name.opt, envir = envir, inherits = FALSE)) {
            if (length(find(name.opt)) > 1) rm(list = name.opt, envir = envir)
        } else stop(gettextf("cannot reset non-existent '%s'", name.opt), domain = NA)
    }
    old <- get(name.opt, envir = envir, inherits = FALSE)
    if (!is.list(old)) stop(gettextf("invalid options in '%s'", name.opt), domain = NA)
    oldnames <- names(old)
    if (lnew > 0) {
        matches <- pmatch(newnames, oldnames)
        if (any(is.na(matches))) stop(sprintf(ngettext(sum(is.na(matches)), "invalid argument name %s in '%s'", "invalid argument names %s in '%s'"), paste(sQuote(newnames[is.na(matches)]), collapse = ", "), deparse(sys.call(sys.parent()))), domain = NA)
        else {
            i.match <- oldnames[matches]
            prev <- old[i.match]
            doubt <- rep.int(FALSE, length(prev))
            for (fn in check.attributes) if (any(ii <- sapply(prev, fn) != sapply(new, fn))) {
                ii <- ii & !override.check
                doubt <- doubt | ii
                if (any(ii)) warning(paste0(sprintf("invalid value for '%s': it must have %s ", names(prev[ii]), fn), sapply(prev[ii], fn)), call. = FALSE, domain = NA)
            }
            names(new) <- NULL
            if (any(doubt)) {
                ina <- !is.na(matches)
                matches <- matches[!doubt & ina]
                new <- new[!doubt & ina]
            }
            if (length(new)) old[i.match[!doubt]] <- new
            if (assign.opt) assign(name.opt, old, envir = envir)
        }
    }
    old
}

## The reference whites' CIE xy chromaticities, by name.
.white_points <- cbind(A = c(x = 0.44757, y = 0.40745), B = c(x = 0.34842, y = 0.35161), C = c(x = 0.31006, y = 0.31616), D50 = c(x = 0.34574, y = 0.35867), D55 = c(x = 0.33250, y = 0.34761), D65 = c(x = 0.3137, y = 0.3291), E = c(x = 1/3, y = 1/3))

## The XYZ of a reference white (Y = 1).
.white_xyz <- function(white) {
    xy <- .white_points[, white]
    c(xy[[1L]] / xy[[2L]], 1, (1 - xy[[1L]] - xy[[2L]]) / xy[[2L]])
}

## A colour space converter from functions to and from CIE XYZ (rows of a matrix are colours).
colorConverter <- function(toXYZ, fromXYZ, name, white = NULL, vectorized = FALSE) {
    if (!vectorized) {
        one <- toXYZ; toXYZ <- function(color, white) t(apply(color, 1L, one, white = white))
        one2 <- fromXYZ; fromXYZ <- function(color, white) { r <- apply(color, 1L, one2, white = white); if (is.matrix(r)) t(r) else r }
    }
    structure(list(toXYZ = toXYZ, fromXYZ = fromXYZ, gamma = NULL, reference.white = white, name = name), class = "colorConverter")
}

## An RGB colour space from the chromaticities of its primaries, its reference white and its display gamma (a number or "sRGB").
make.rgb <- function(red, green, blue, name = NULL, white = "D65", gamma = 2.2) {
    whitexyz <- .white_xyz(white)
    rgb <- rbind(c(red[1L] / red[2L], 1, (1 - sum(red)) / red[2L]), c(green[1L] / green[2L], 1, (1 - sum(green)) / green[2L]), c(blue[1L] / blue[2L], 1, (1 - sum(blue)) / blue[2L]))
    S <- drop(whitexyz %*% solve(rgb))
    M <- S * rgb
    if (is.numeric(gamma) && length(gamma) == 1) {
        dogamma <- function(x) x^gamma
        ungamma <- function(x) x^(1 / gamma)
    } else if (identical(gamma, "sRGB")) {
        dogamma <- function(x) ifelse(x < 0.04045, x / 12.92, ((x + 0.055) / 1.055)^2.4)
        ungamma <- function(x) ifelse(x <= 0.0031308, 12.92 * x, 1.055 * x^(1 / 2.4) - 0.055)
    } else stop("'gamma' must be a scalar or 'sRGB'")
    toXYZ <- function(rgb, ...) dogamma(rgb) %*% M
    toRGB <- function(xyz, ..., clip = NULL) {
        lin <- xyz %*% solve(M)
        if (!is.null(clip)) {
            if (is.na(clip)) lin[lin < 0 | lin > 1] <- NaN
            else if (clip) { lin[lin < 0] <- 0; lin[lin > 1] <- 1 }
        }
        ungamma(lin)
    }
    if (is.null(name)) name <- deparse(sys.call())[1L]
    structure(list(toXYZ = toXYZ, fromXYZ = toRGB, gamma = gamma, reference.white = white, name = name), class = c("RGBcolorConverter", "colorConverter"))
}

## Prints a colour space converter: its name, reference white and gamma.
print.colorConverter <- function(x, ...) {
    cat(gettextf("Color space converter: %s", x$name), "\n", sep = "")
    if (!is.null(x$reference.white)) cat(gettextf("Reference white: %s", x$reference.white), "\n", sep = "")
    invisible(x)
}

## Prints an RGB colour space converter with its display gamma.
print.RGBcolorConverter <- function(x, ...) {
    print.colorConverter(x, ...)
    if (!is.null(x$gamma)) cat(gettextf("display gamma = %s", format(x$gamma)), "\n", sep = "")
    invisible(x)
}

## The CIE Lab space converter.
.lab_converter <- function() {
    epsilon <- 216 / 24389; kappa <- 24389 / 27
    toXYZ <- function(Lab, white) {
        L <- Lab[, 1L]; a <- Lab[, 2L]; b <- Lab[, 3L]
        w <- .white_xyz(white)
        yr <- ifelse(L < kappa * epsilon, L / kappa, ((L + 16) / 116)^3)
        fy <- ifelse(yr <= epsilon, (kappa * yr + 16) / 116, (L + 16) / 116)
        fx <- a / 500 + fy; fz <- fy - b / 200
        xr <- ifelse(fx^3 <= epsilon, (116 * fx - 16) / kappa, fx^3)
        zr <- ifelse(fz^3 <= epsilon, (116 * fz - 16) / kappa, fz^3)
        cbind(X = xr * w[1L], Y = yr * w[2L], Z = zr * w[3L])
    }
    fromXYZ <- function(XYZ, white) {
        w <- .white_xyz(white)
        r <- sweep(XYZ, 2L, w, "/")
        f <- ifelse(r > epsilon, r^(1 / 3), (kappa * r + 16) / 116)
        cbind(L = 116 * f[, 2L] - 16, a = 500 * (f[, 1L] - f[, 2L]), b = 200 * (f[, 2L] - f[, 3L]))
    }
    structure(list(toXYZ = toXYZ, fromXYZ = fromXYZ, name = "Lab", white = NULL), class = "colorConverter")
}

## The CIE Luv space converter.
.luv_converter <- function() {
    epsilon <- 216 / 24389; kappa <- 24389 / 27
    toXYZ <- function(Luv, white) {
        L <- Luv[, 1L]; u <- Luv[, 2L]; v <- Luv[, 3L]
        w <- .white_xyz(white)
        Y <- ifelse(L > kappa * epsilon, ((L + 16) / 116)^3, L / kappa)
        u0 <- 4 * w[1L] / (w[1L] + 15 * w[2L] + 3 * w[3L]); v0 <- 9 * w[2L] / (w[1L] + 15 * w[2L] + 3 * w[3L])
        a <- (52 * L / (u + 13 * L * u0) - 1) / 3
        bb <- -5 * Y; cc <- -1 / 3; d <- Y * (39 * L / (v + 13 * L * v0) - 5)
        X <- (d - bb) / (a - cc); Z <- X * a + bb
        out <- cbind(X = X, Y = Y, Z = Z)
        out[L == 0, ] <- 0
        out
    }
    fromXYZ <- function(XYZ, white) {
        w <- .white_xyz(white)
        X <- XYZ[, 1L]; Y <- XYZ[, 2L]; Z <- XYZ[, 3L]
        yr <- Y / w[2L]
        den <- X + 15 * Y + 3 * Z
        u1 <- ifelse(den == 0, 0, 4 * X / den); v1 <- ifelse(den == 0, 0, 9 * Y / den)
        wden <- w[1L] + 15 * w[2L] + 3 * w[3L]
        ur <- 4 * w[1L] / wden; vr <- 9 * w[2L] / wden
        L <- ifelse(yr > epsilon, 116 * yr^(1 / 3) - 16, kappa * yr)
        cbind(L = L, u = 13 * L * (u1 - ur), v = 13 * L * (v1 - vr))
    }
    structure(list(toXYZ = toXYZ, fromXYZ = fromXYZ, name = "Luv", white = NULL), class = "colorConverter")
}

## The named colour space converters.
.colorspaces <- function() list(
    XYZ = structure(list(toXYZ = function(x, w) x, fromXYZ = function(x, w) x, name = "XYZ", white = NULL), class = "colorConverter"),
    `Apple RGB` = make.rgb(red = c(0.625, 0.34), green = c(0.28, 0.595), blue = c(0.155, 0.07), gamma = 1.8, white = "D65", name = "Apple RGB"),
    sRGB = make.rgb(red = c(0.64, 0.33), green = c(0.3, 0.6), blue = c(0.15, 0.06), gamma = "sRGB", white = "D65", name = "sRGB"),
    `CIE RGB` = make.rgb(red = c(0.735, 0.265), green = c(0.274, 0.717), blue = c(0.167, 0.009), gamma = 2.2, white = "E", name = "CIE RGB"),
    Lab = .lab_converter(), Luv = .luv_converter())

## The colour spaces convertColor knows: XYZ, Apple RGB, sRGB, CIE RGB, Lab and Luv.
colorspaces <- .colorspaces()

## Bradford chromatic adaptation of XYZ rows from one reference white to another.
.chromatic_adaptation <- function(xyz, from, to) {
    Ma <- matrix(c(0.40024, -0.2263, 0, 0.7076, 1.16532, 0, -0.08081, 0.0457, 0.91822), 3L)
    s <- (Ma %*% .white_xyz(to)) / (Ma %*% .white_xyz(from))
    M <- solve(Ma) %*% diag(c(s)) %*% Ma
    xyz %*% t(M)
}

## Converts colours (rows of a matrix) between colour spaces ("sRGB", "Lab", "Luv", "XYZ", "Apple RGB", "CIE RGB" or a colorConverter), through CIE XYZ.
convertColor <- function(color, from, to, from.ref.white = NULL, to.ref.white = NULL, scale.in = 1, scale.out = 1, clip = TRUE) {
    spaces <- colorspaces
    if (is.character(from)) from <- spaces[[match.arg(from, names(spaces))]]
    if (!inherits(from, "colorConverter")) stop("'from' must be a \"colorConverter\" object or a string")
    if (is.character(to)) to <- spaces[[match.arg(to, names(spaces))]]
    if (!inherits(to, "colorConverter")) stop("'to' must be a \"colorConverter\" object or a string")
    if (is.null(from.ref.white)) from.ref.white <- from$reference.white
    if (is.null(to.ref.white)) to.ref.white <- to$reference.white
    if (is.null(to.ref.white)) to.ref.white <- from.ref.white
    if (is.null(from.ref.white)) from.ref.white <- to.ref.white
    if (is.null(from.ref.white)) from.ref.white <- to.ref.white <- "D65"
    if (is.null(nrow(color))) color <- matrix(color, nrow = 1L)
    if (!is.null(scale.in)) color <- color / scale.in
    xyz <- from$toXYZ(color, from.ref.white)
    if (is.null(nrow(xyz))) xyz <- matrix(xyz, nrow = 1L)
    if (!isTRUE(all.equal(from.ref.white, to.ref.white))) {
        warning("color spaces use different reference whites")
        xyz <- .chromatic_adaptation(xyz, from.ref.white, to.ref.white)
    }
    rval <- if (inherits(to, "RGBcolorConverter")) round(to$fromXYZ(xyz, to.ref.white, clip = clip), 5) else to$fromXYZ(xyz, to.ref.white)
    if (is.matrix(rval)) {
        cn <- if (identical(to$name, "Lab")) c("L", "a", "b") else if (identical(to$name, "Luv")) c("L", "u", "v") else NULL
        dimnames(rval) <- list(rownames(color), cn)
    }
    if (is.null(scale.out)) rval else rval * scale.out
}

## Converts RGB colours (columns of a 3-row matrix, or three vectors) to hue, saturation and value in [0, 1].
rgb2hsv <- function(r, g = NULL, b = NULL, maxColorValue = 255) {
    rgb <- if (is.null(g) && is.null(b)) as.matrix(r) else rbind(r, g, b)
    if (!is.numeric(rgb)) stop("rgb matrix must be numeric")
    d <- dim(rgb)
    if (d[1L] != 3L) stop("rgb matrix must have 3 rows")
    n <- d[2L]
    if (n == 0L) return(cbind(c(h = 1, s = 1, v = 1))[, 0L])
    rgb <- rgb / maxColorValue
    if (any(0 > rgb) || any(rgb > 1)) stop("rgb values must be in [0, maxColorValue]")
    v <- pmax(rgb[1L, ], rgb[2L, ], rgb[3L, ])
    mn <- pmin(rgb[1L, ], rgb[2L, ], rgb[3L, ])
    delta <- v - mn
    s <- ifelse(v > 0, delta / v, 0)
    h <- numeric(n)
    nz <- delta > 0
    r1 <- rgb[1L, ]; g1 <- rgb[2L, ]; b1 <- rgb[3L, ]
    hr <- nz & r1 == v
    hg <- nz & !hr & g1 == v
    hb <- nz & !hr & !hg
    h[hr] <- (g1[hr] - b1[hr]) / delta[hr]
    h[hg] <- 2 + (b1[hg] - r1[hg]) / delta[hg]
    h[hb] <- 4 + (r1[hb] - g1[hb]) / delta[hb]
    h <- h / 6
    h[h < 0] <- h[h < 0] + 1
    out <- rbind(h = h, s = s, v = v)
    colnames(out) <- colnames(rgb)
    out
}

## What the current device can do (the file devices: transparency, rasters, no locator).
dev.capabilities <- function(what = NULL) {
    cap <- list(semiTransparency = TRUE, transparentBackground = "fully", rasterImage = "yes", capture = FALSE, locator = FALSE, events = character(), patterns = FALSE, clippingPaths = FALSE, masks = FALSE, compositing = FALSE, transformations = FALSE, paths = TRUE)
    if (!is.null(what)) cap <- cap[intersect(what, names(cap))]
    cap
}

## The size of the current device in inches, cm or pixels.
dev.size <- function(units = c("in", "cm", "px")) {
    units <- match.arg(units)
    size <- par("din")
    if (units == "px") size * 72 else if (units == "cm") size * 2.54 else size
}

## The names of devices that are interactive (none of rsc's are; orig = NULL lists the kinds R knows).
deviceIsInteractive <- function(name = NULL) {
    known <- c("X11", "X11cairo", "quartz", "windows", "JavaGD", "CairoWin", "CairoX11")
    if (!is.null(name)) {
        if (!is.character(name)) stop("'name' must be a character vector")
        known <- unique(c(known, name))
    }
    invisible(known)
}

## The versions of the graphics libraries behind the devices (none of R's: rsc draws with its own).
grSoftVersion <- function() c(cairo = "", cairoFT = "", pango = "", libpng = "", jpeg = "", libtiff = "")

## The factory-fresh pdf() options.
.pdf_defaults <- function() list(width = 7, height = 7, onefile = TRUE, family = "Helvetica", title = "R Graphics Output", fonts = NULL, version = "1.4", paper = "special", encoding = "default", bg = "transparent", fg = "black", pointsize = 12, pagecentre = TRUE, colormodel = "srgb", useDingbats = FALSE, useKerning = TRUE, fillOddEven = FALSE, compress = TRUE)

## The factory-fresh postscript() options.
.ps_defaults <- function() list(onefile = TRUE, family = "Helvetica", title = "R Graphics Output", fonts = NULL, encoding = "default", bg = "transparent", fg = "black", width = 0, height = 0, horizontal = TRUE, pointsize = 12, paper = "default", pagecentre = TRUE, print.it = FALSE, command = "default", colormodel = "srgb", useKerning = TRUE, fillOddEven = FALSE)

## Device option lists kept for the session.
.device_options <- new.env()

## Gets or sets device options held under key (shared by pdf.options and ps.options): new values are checked against the old ones' mode and length by check.options (mismatches warn and are skipped unless override.check).
.device_options_set <- function(key, defaults, args, reset, override.check = FALSE) {
    if (reset || !exists(key, envir = .device_options, inherits = FALSE)) assign(key, defaults, envir = .device_options)
    old <- get(key, envir = .device_options, inherits = FALSE)
    if (length(args)) check.options(args, name.opt = key, envir = .device_options, assign.opt = TRUE, override.check = override.check)
    old
}

## Sets or returns the defaults of pdf() (reset = TRUE: the factory-fresh ones).
pdf.options <- function(..., reset = FALSE) {
    args <- list(...)
    r <- .device_options_set("pdf", .pdf_defaults(), args, reset)
    if (length(args)) invisible(r) else if (reset) invisible(r) else r
}

## Sets or returns the defaults of postscript() (reset = TRUE: the factory-fresh ones).
ps.options <- function(..., reset = FALSE, override.check = FALSE) {
    args <- list(...)
    r <- .device_options_set("ps", .ps_defaults(), args, reset, override.check)
    if (length(args)) invisible(r) else if (reset) invisible(r) else r
}

## Sets the defaults of the setEPS-style postscript options (encapsulated, one page).
setEPS <- function(...) invisible(ps.options(onefile = FALSE, horizontal = FALSE, paper = "special", ...))

## Evaluates graphics code with a list of values in env (recorded in R's display list; here simply run).
recordGraphics <- function(expr, list, env) {
    eval(substitute(expr), list, env)
}

## The Hershey vector fonts: typefaces, font indices and the allowed combinations.
Hershey <- list(typeface = c("serif", "sans serif", "script", "gothic english", "gothic german", "gothic italian", "serif symbol", "sans serif symbol"), fontindex = c("plain", "italic", "bold", "bold italic", "cyrillic", "oblique cyrillic", "EUC"), allowed = rbind(cbind(1L, 1:7), cbind(2L, 1:4), cbind(3L, 1:3), cbind(4:6, 1L), cbind(7L, 1:4), cbind(8L, 1:2)))

## Colours for points from the local density of (x, y): denser points get later colours of colramp.
densCols <- function(x, y = NULL, nbin = 128, bandwidth, colramp = colorRampPalette(blues9[-(1:3)])) {
    xy <- xy.coords(x, y, setLab = FALSE)
    select <- is.finite(xy$x) & is.finite(xy$y)
    x <- cbind(xy$x, xy$y)[select, , drop = FALSE]
    map <- .smooth_density(x, nbin, if (missing(bandwidth)) NULL else bandwidth)
    mkBreaks <- function(u) u - diff(range(u)) / (length(u) - 1) / 2
    xbin <- cut(x[, 1L], c(mkBreaks(map$x1), Inf), labels = FALSE)
    ybin <- cut(x[, 2L], c(mkBreaks(map$x2), Inf), labels = FALSE)
    dens <- map$fhat[cbind(xbin, ybin)]
    dens[is.na(dens)] <- 0
    colpal <- cut(dens, length(dens), labels = FALSE)
    cols <- rep(NA_character_, length(select))
    cols[select] <- colramp(length(dens))[colpal]
    cols
}

## Nine blues from light to dark (the ColorBrewer sequential palette).
blues9 <- c("#F7FBFF", "#DEEBF7", "#C6DBEF", "#9ECAE1", "#6BAED6", "#4292C6", "#2171B5", "#08519C", "#08306B")

## A binned bivariate kernel density estimate on an nbin grid (Gaussian kernel, bandwidth per axis).
.smooth_density <- function(x, nbin = 128, bandwidth = NULL, range.x = NULL) {
    nbin <- rep_len(nbin, 2L)
    if (is.null(bandwidth)) {
        q <- function(v) diff(quantile(v, c(0.05, 0.95), names = FALSE, na.rm = TRUE))
        bandwidth <- c(q(x[, 1L]), q(x[, 2L])) / 25
        bandwidth[bandwidth == 0] <- 1
    }
    bandwidth <- rep_len(bandwidth, 2L)
    if (is.null(range.x)) range.x <- list(range(x[, 1L]) + c(-1.5, 1.5) * bandwidth[1L], range(x[, 2L]) + c(-1.5, 1.5) * bandwidth[2L])
    g1 <- seq(range.x[[1L]][1L], range.x[[1L]][2L], length.out = nbin[1L])
    g2 <- seq(range.x[[2L]][1L], range.x[[2L]][2L], length.out = nbin[2L])
    i1 <- pmin(pmax(round((x[, 1L] - g1[1L]) / (g1[2L] - g1[1L])) + 1, 1), nbin[1L])
    i2 <- pmin(pmax(round((x[, 2L] - g2[1L]) / (g2[2L] - g2[1L])) + 1, 1), nbin[2L])
    counts <- matrix(tabulate(i1 + (i2 - 1) * nbin[1L], nbin[1L] * nbin[2L]), nbin[1L], nbin[2L])
    k1 <- outer(g1, g1, function(a, b) dnorm(a - b, sd = bandwidth[1L]))
    k2 <- outer(g2, g2, function(a, b) dnorm(a - b, sd = bandwidth[2L]))
    fhat <- k1 %*% counts %*% t(k2) / nrow(x)
    list(x1 = g1, x2 = g2, fhat = fhat, bandwidth = bandwidth)
}

## A graphics annotation as text() and legend() take it: language objects and plain vectors as they are, other objects (factors, ...) as character.
as.graphicsAnnot <- function(x) if (is.language(x) || !is.object(x)) x else as.character(x)
