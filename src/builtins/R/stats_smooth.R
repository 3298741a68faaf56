## stats: interpolation, splines, step functions and the empirical CDF, kernel density
## estimates and their bandwidths, lowess. Kernels are in builtins/stats/smooth.rs.

## x and y coordinates from (x, y), a list with x and y, a two-column matrix, or y alone (internal).
.smooth_xy <- function(x, y = NULL) {
    if (is.null(y) && inherits(x, "formula") && length(x) == 3L) {
        env <- environment(x)
        y <- eval(x[[2L]], env)
        x <- eval(x[[3L]], env)
    }
    if (is.null(y)) {
        if (is.list(x) && !is.null(x$x) && !is.null(x$y)) {
            y <- x$y
            x <- x$x
        } else if (is.matrix(x) || is.data.frame(x)) {
            x <- data.matrix(x)
            if (ncol(x) == 1L) {
                y <- x[, 1]
                x <- seq_along(y)
            } else {
                y <- x[, 2]
                x <- x[, 1]
            }
        } else if (is.function(x)) {
            stop("'x' is a function, but not 'y'")
        } else {
            y <- x
            x <- seq_along(y)
        }
    }
    if (length(x) != length(y)) stop("'x' and 'y' lengths differ")
    list(x = as.double(x), y = as.double(y))
}

## The index of the choice that x matches exactly or as a unique prefix, NA otherwise (internal).
.smooth_pmatch <- function(x, choices) {
    x <- as.character(x)[1L]
    if (is.na(x) || !nzchar(x)) return(NA_integer_)
    i <- match(x, choices)
    if (!is.na(i)) return(i)
    i <- which(startsWith(choices, x))
    if (length(i) == 1L) i else NA_integer_
}

## Sorts (x, y) by x, drops NA pairs and collapses tied x values with `ties` (internal).
.smooth_regularize <- function(x, y, ties, warn.collapsing = TRUE, na.rm = TRUE) {
    xy <- .smooth_xy(x, y)
    x <- xy$x
    y <- xy$y
    keptNA <- FALSE
    ok <- !(is.na(x) | is.na(y))
    nx <- length(x)
    if (!all(ok)) {
        if (na.rm) {
            x <- x[ok]
            y <- y[ok]
            nx <- length(x)
        } else {
            keptNA <- TRUE
            nx <- sum(ok)
        }
    }
    if (!identical(ties, "ordered")) {
        ordered <- if (is.function(ties) || is.character(ties)) FALSE
        else if (is.list(ties) && length(ties) == 2L && is.function(ties[[2]])) {
            o1 <- identical(ties[[1]], "ordered")
            ties <- ties[[2]]
            o1
        } else stop("'ties' is not \"ordered\", a function, or list(<string>, <function>)")
        if (!ordered && is.unsorted(if (keptNA) x[ok] else x)) {
            o <- order(x)
            x <- x[o]
            y <- y[o]
        }
        ux <- unique(x)
        if (length(ux) < nx) {
            if (warn.collapsing) warning("collapsing to unique 'x' values", call. = FALSE)
            y <- as.vector(tapply(y, match(x, x), ties))
            x <- ux
            if (keptNA) ok <- !is.na(x)
        }
    }
    list(x = x, y = y, keptNA = keptNA, notNA = if (keptNA) ok)
}

## Linear or constant interpolation of the points (x, y) at xout (or n equally spaced points); rule 2 extends the end values outwards.
approx <- function(x, y = NULL, xout, method = "linear", n = 50, yleft, yright, rule = 1, f = 0, ties = mean, na.rm = TRUE) {
    method <- .smooth_pmatch(method, c("linear", "constant"))
    if (is.na(method)) stop("invalid interpolation method")
    stopifnot(is.numeric(rule), length(rule) >= 1L, length(rule) <= 2L)
    if (length(rule) == 1L) rule <- rule[c(1, 1)]
    r <- .smooth_regularize(x, y, ties, missing(ties), na.rm = na.rm)
    x <- r$x
    y <- r$y
    nx <- if (na.rm || !r$keptNA) length(x) else sum(r$notNA)
    if (nx <= 1) {
        if (method == 1) stop("need at least two non-NA values to interpolate")
        if (nx == 0) stop("zero non-NA points")
    }
    if (missing(yleft)) yleft <- if (rule[1L] == 1) NA else y[1L]
    if (missing(yright)) yright <- if (rule[2L] == 1) NA else y[length(y)]
    stopifnot(length(yleft) == 1L, length(yright) == 1L, length(f) == 1L)
    if (missing(xout)) {
        if (n <= 0) stop("'approx' requires n >= 1")
        xx <- if (r$keptNA) x[r$notNA] else x
        xout <- seq.int(xx[1L], xx[length(xx)], length.out = n)
    }
    if (!na.rm && anyNA(x)) stop("approx(x,y, .., na.rm=FALSE): NA values in x are not allowed")
    list(x = xout, y = .approx_eval(x, y, as.double(xout), method, as.double(yleft), as.double(yright), as.double(f)))
}

## A function interpolating (x, y) linearly or as a step function (method = "constant"), with approx()'s rules.
approxfun <- function(x, y = NULL, method = "linear", yleft, yright, rule = 1, f = 0, ties = mean, na.rm = TRUE) {
    method <- .smooth_pmatch(method, c("linear", "constant"))
    if (is.na(method)) stop("invalid interpolation method")
    stopifnot(is.numeric(rule), length(rule) >= 1L, length(rule) <= 2L)
    if (length(rule) == 1L) rule <- rule[c(1, 1)]
    r <- .smooth_regularize(x, y, ties, missing(ties), na.rm = na.rm)
    nx <- if (na.rm || !r$keptNA) length(r$x) else sum(r$notNA)
    if (nx <= 1) {
        if (method == 1) stop("need at least two non-NA values to interpolate")
        if (nx == 0) stop("zero non-NA points")
    }
    y <- r$y
    if (missing(yleft)) yleft <- if (rule[1L] == 1) NA else y[1L]
    if (missing(yright)) yright <- if (rule[2L] == 1) NA else y[length(y)]
    stopifnot(length(yleft) == 1L, length(yright) == 1L, length(f) == 1L)
    x <- r$x
    if (!na.rm && anyNA(x)) stop("approx(x,y, .., na.rm=FALSE): NA values in x are not allowed")
    rm(r, rule, ties, nx)
    x <- as.double(x)
    y <- as.double(y)
    yleft <- as.double(yleft)
    yright <- as.double(yright)
    f <- as.double(f)
    if (method == 2 && (is.na(f) || f < 0 || f > 1)) stop("approx(): invalid f value")
    function(v) .approx_eval(x, y, as.double(v), method, yleft, yright, f)
}

## Cubic spline interpolation of (x, y) at n equally spaced points or at xout; methods "fmm", "natural", "periodic", "hyman".
spline <- function(x, y = NULL, n = 3 * length(x), method = "fmm", xmin = min(x), xmax = max(x), xout, ties = mean) {
    method <- .smooth_pmatch(method, c("periodic", "natural", "fmm", "hyman"))
    if (is.na(method)) stop("invalid interpolation method")
    r <- .smooth_regularize(x, y, ties, missing(ties))
    y <- r$y
    x <- r$x
    nx <- length(x)
    if (nx == 0) stop("zero non-NA points")
    if (method == 1L && y[1L] != y[nx]) {
        warning("spline: first and last y values differ - using y[1] for both")
        y[nx] <- y[1L]
    }
    if (method == 4L) {
        dy <- diff(y)
        if (!(all(dy >= 0) || all(dy <= 0))) stop("'y' must be increasing or decreasing")
    }
    if (missing(xout)) xout <- seq.int(xmin, xmax, length.out = n)
    else n <- length(xout)
    if (n <= 0L) stop("'spline' requires n >= 1")
    z <- .spline_coef(min(3L, method), x, y)
    if (method == 4L) z <- .spline_hyman(z)
    list(x = as.double(xout), y = .spline_eval(as.double(xout), z))
}

## Hyman's monotonicity filter on spline slopes, then the cubic coefficients refitted to them (internal).
.spline_hyman <- function(z) {
    n <- length(z$x)
    ss <- diff(z$y) / diff(z$x)
    s0 <- c(ss[1L], ss)
    s1 <- c(ss, ss[n - 1L])
    lim <- 3 * pmin(abs(s0), abs(s1))
    dir <- z$b
    same <- s0 * s1 > 0
    dir[same] <- s1[same]
    up <- dir >= 0
    z$b[up] <- pmin(pmax(0, z$b[up]), lim[up])
    z$b[!up] <- pmax(pmin(0, z$b[!up]), -lim[!up])
    h <- diff(z$x)
    dy <- diff(z$y)
    b0 <- z$b[-n]
    b1 <- z$b[-1L]
    cc <- (3 * dy / h - 2 * b0 - b1) / h
    dd <- (b0 + b1 - 2 * dy / h) / h^2
    z$c <- c(cc, cc[n - 1L] + 3 * dd[n - 1L] * h[n - 1L])
    z$d <- c(dd, dd[n - 1L])
    z
}

## A function interpolating (x, y) by a cubic spline; the function takes deriv = 0..3. Methods "fmm", "periodic", "natural", "monoH.FC", "hyman".
splinefun <- function(x, y = NULL, method = c("fmm", "periodic", "natural", "monoH.FC", "hyman"), ties = mean) {
    r <- .smooth_regularize(x, y, ties, missing(ties))
    y <- r$y
    x <- r$x
    nx <- length(x)
    if (nx == 0) stop("zero non-NA points")
    method <- match.arg(method)
    if (method == "periodic" && y[1L] != y[nx]) {
        warning("spline: first and last y values differ - using y[1L] for both")
        y[nx] <- y[1L]
    }
    if (method == "monoH.FC") {
        n1 <- nx - 1L
        dx <- diff(x)
        Sx <- diff(y) / dx
        m <- c(Sx[1L], (Sx[-1L] + Sx[-n1]) / 2, Sx[n1])
        m <- .monoFC_m(m, Sx)
        return(splinefunH(x, y, m))
    }
    iMeth <- match(method, c("periodic", "natural", "fmm", "monoH.FC", "hyman"))
    if (iMeth == 5L) {
        dy <- diff(y)
        if (!(all(dy >= 0) || all(dy <= 0))) stop("'y' must be increasing or decreasing")
    }
    z <- .spline_coef(min(3L, iMeth), x, y)
    if (iMeth == 5L) z <- .spline_hyman(z)
    rm(x, y, nx, method, iMeth, ties, r)
    function(x, deriv = 0L) {
        deriv <- as.integer(deriv)
        if (deriv < 0L || deriv > 3L) stop("'deriv' must be between 0 and 3")
        zz <- z
        if (deriv > 0L) {
            z0 <- double(z$n)
            if (deriv == 1L) { zz$y <- z$b; zz$b <- 2 * z$c; zz$c <- 3 * z$d }
            else if (deriv == 2L) { zz$y <- 2 * z$c; zz$b <- 6 * z$d; zz$c <- z0 }
            else { zz$y <- 6 * z$d; zz$b <- z0; zz$c <- z0 }
            zz$d <- z0
        }
        res <- .spline_eval(as.double(x), zz)
        if (deriv > 0 && z$method == 2 && any(ind <- x <= z$x[1L]))
            res[ind] <- ifelse(deriv == 1, zz$y[1L], 0)
        res
    }
}

## The cubic Hermite interpolant with values y and slopes m at x; the function takes deriv = 0..3 and extrapol = "linear" or "cubic".
splinefunH <- function(x, y, m) {
    n <- length(x)
    stopifnot(is.numeric(x), is.numeric(y), is.numeric(m), length(y) == n, length(m) == n)
    if (is.unsorted(x)) {
        o <- order(x)
        x <- x[o]; y <- y[o]; m <- m[o]
    }
    x0 <- as.double(x); y0 <- as.double(y); m <- as.double(m)
    dx <- diff(x0)
    rm(x, y, n)
    function(x, deriv = 0, extrapol = c("linear", "cubic")) {
        extrapol <- match.arg(extrapol)
        deriv <- as.integer(deriv)
        if (deriv < 0 || deriv > 3) stop("'deriv' must be between 0 and 3")
        nk <- length(x0)
        i <- findInterval(x, x0, all.inside = (extrapol == "cubic"))
        hermite <- function(x, i) {
            h <- dx[i]
            s <- (x - x0[i]) / h
            ya <- y0[i]; yb <- y0[i + 1]; ma <- m[i] * h; mb <- m[i + 1] * h
            # cubic in s: ya + ma s + (3(yb-ya) - 2ma - mb) s^2 + (2(ya-yb) + ma + mb) s^3
            k2 <- 3 * (yb - ya) - 2 * ma - mb
            k3 <- 2 * (ya - yb) + ma + mb
            switch(deriv + 1L,
                   ya + s * (ma + s * (k2 + s * k3)),
                   (ma + s * (2 * k2 + 3 * s * k3)) / h,
                   (2 * k2 + 6 * s * k3) / h^2,
                   6 * k3 / h^3)
        }
        if (extrapol == "linear") {
            j <- pmin(pmax(i, 1L), nk - 1L)
            r <- hermite(x, j)
            iL <- i == 0L
            iR <- i == nk
            if (any(iL, na.rm = TRUE)) {
                w <- which(iL)
                r[w] <- if (deriv == 0) y0[1L] + m[1L] * (x[w] - x0[1L]) else if (deriv == 1) m[1L] else 0
            }
            if (any(iR, na.rm = TRUE)) {
                w <- which(iR)
                r[w] <- if (deriv == 0) y0[nk] + m[nk] * (x[w] - x0[nk]) else if (deriv == 1) m[nk] else 0
            }
            r
        } else hermite(x, i)
    }
}

## A step function jumping at x to the values y (one longer than x); right = TRUE makes intervals closed on the right.
stepfun <- function(x, y, f = as.numeric(right), ties = "ordered", right = FALSE) {
    if (is.unsorted(x)) stop("stepfun: 'x' must be ordered increasingly")
    n <- length(x)
    if (n < 1) stop("'x' must have length >= 1")
    n1 <- n + 1L
    if (length(y) != n1) stop("'y' must be one longer than 'x'")
    rval <- approxfun(x, y[-if (right) n1 else 1], method = "constant", yleft = y[1L], yright = y[n1], f = f, ties = ties)
    class(rval) <- c("stepfun", class(rval))
    attr(rval, "call") <- sys.call()
    rval
}

## Is x a step function?
is.stepfun <- function(x) is.function(x) && inherits(x, "stepfun")

## Converts x to a step function.
as.stepfun <- function(x, ...) UseMethod("as.stepfun")

## Converts x to a step function.
as.stepfun.default <- function(x, ...) {
    if (is.stepfun(x)) x else stop("no 'as.stepfun' method available for 'x'")
}

## The knots (jump points) of a step function or spline.
knots <- function(Fn, ...) UseMethod("knots")

## The jump points of a step function.
knots.stepfun <- function(Fn, ...) environment(Fn)$x

## Prints a step function: its call, knots and plateau levels.
print.stepfun <- function(x, digits = getOption("digits") - 2, ...) {
    numform <- function(v) paste(formatC(v, digits = digits), collapse = ", ")
    head3 <- function(n) 1L:min(3L, n)
    tail2 <- function(n) if (n >= 4L) max(4L, n - 1L):n else integer()
    cat("Step function\nCall: ")
    print(attr(x, "call"), ...)
    env <- environment(x)
    xx <- env$x
    n <- length(xx)
    cat(" x[1:", n, "] = ", numform(xx[head3(n)]), if (n > 3L) ", ", if (n > 5L) " ..., ", numform(xx[tail2(n)]), "\n", sep = "")
    y <- c(env$yleft, env$y)
    cat(n + 1L, " plateau levels = ", numform(y[head3(n + 1L)]), if (n + 1L > 3L) ", ", if (n + 1L > 5L) " ..., ", numform(y[tail2(n + 1L)]), "\n", sep = "")
    invisible(x)
}

## Summarises a step function: continuity, knots and plateau levels.
summary.stepfun <- function(object, ...) {
    env <- environment(object)
    n <- length(env$x)
    if (n < 1L) stop("not a valid step function")
    cat("Step function with continuity 'f'=", format(env$f), ", ", n, if (n <= 6L) "knots at\n" else "knots with summary\n")
    summ <- if (n > 6L) summary else function(x) x
    print(summ(knots(object)))
    cat(if (n > 6L) "\n" else "  ", "and\t", n + 1L, " plateau levels (y) ", if (n <= 6L) "at\n" else "with summary\n", sep = "")
    print(summ(c(env$yleft, env$y)))
    invisible()
}

## The empirical cumulative distribution function of x, a step function of class "ecdf".
ecdf <- function(x) {
    x <- sort(x)
    n <- length(x)
    if (n < 1) stop("'x' must have 1 or more non-missing values")
    vals <- unique(x)
    rval <- approxfun(vals, cumsum(tabulate(match(x, vals))) / n, method = "constant", yleft = 0, yright = 1, f = 0, ties = "ordered")
    class(rval) <- c("ecdf", "stepfun", class(rval))
    assign("nobs", n, envir = environment(rval))
    attr(rval, "call") <- sys.call()
    rval
}

## Prints an empirical CDF: its call and the first and last knots.
print.ecdf <- function(x, digits = getOption("digits") - 2L, ...) {
    numform <- function(v) paste(formatC(v, digits = digits), collapse = ", ")
    cat("Empirical CDF \nCall: ")
    print(attr(x, "call"), ...)
    xx <- environment(x)$x
    n <- length(xx)
    i1 <- 1L:min(3L, n)
    i2 <- if (n >= 4L) max(4L, n - 1L):n else integer()
    cat(" x[1:", n, "] = ", numform(xx[i1]), if (n > 3L) ", ", if (n > 5L) " ..., ", numform(xx[i2]), "\n", sep = "")
    invisible(x)
}

## Summary of an empirical CDF: the number of unique values and a summary of them.
summary.ecdf <- function(object, ...) {
    n <- length(environment(object)$x)
    header <- paste("Empirical CDF:\t ", n, "unique values with summary\n")
    structure(summary(knots(object), ...), header = header, class = "summary.ecdf")
}

## Prints a summary.ecdf object.
print.summary.ecdf <- function(x, ...) {
    cat(attr(x, "header"))
    y <- x
    attr(y, "header") <- NULL
    class(y) <- "summaryDefault"
    print(y, ...)
    invisible(x)
}

## Quantiles of the data behind an empirical CDF.
quantile.ecdf <- function(x, ...) {
    env <- environment(x)
    quantile(rep.int(env$x, diff(c(0, round(env$nobs * env$y)))), ...)
}

## Probability points for n (or length(n)) order statistics: (1:n - a)/(n + 1 - 2a).
ppoints <- function(n, a = if (n <= 10) 3/8 else 1/2) {
    if (length(n) > 1L) n <- length(n)
    if (n > 0) (1L:n - a) / (n + 1 - 2 * a) else numeric()
}

## Kernel density estimation.
density <- function(x, ...) UseMethod("density")

## Kernel density estimate of x on n points (binned, FFT convolution), with a bandwidth rule or value bw.
density.default <- function(x, bw = "nrd0", adjust = 1, kernel = c("gaussian", "epanechnikov", "rectangular", "triangular", "biweight", "cosine", "optcosine"), weights = NULL, window = kernel, width, give.Rkern = FALSE, subdensity = FALSE, n = 512, from, to, cut = 3, na.rm = FALSE, ...) {
    if (!missing(window) && missing(kernel)) kernel <- window
    kernel <- match.arg(kernel)
    if (give.Rkern)
        return(switch(kernel, gaussian = 1/(2 * sqrt(pi)), rectangular = sqrt(3)/6, triangular = sqrt(6)/9,
                      epanechnikov = 3/(5 * sqrt(5)), biweight = 5 * sqrt(7)/49,
                      cosine = 3/4 * sqrt(1/3 - 2/pi^2), optcosine = sqrt(1 - 8/pi^2) * pi^2/16))
    if (!is.numeric(x)) stop("argument 'x' must be numeric")
    name <- deparse1(substitute(x))
    x <- as.vector(x)
    N <- length(x)
    has.wts <- !is.null(weights)
    if (has.wts && length(weights) != N) stop("'x' and 'weights' have unequal length")
    x.na <- is.na(x)
    if (any(x.na)) {
        if (na.rm) {
            x <- x[!x.na]
            N <- length(x)
            if (has.wts) {
                trueD <- isTRUE(all.equal(1, sum(weights)))
                weights <- weights[!x.na]
                if (trueD) weights <- weights / sum(weights)
            }
        } else stop("'x' contains missing values")
    }
    N <- nx <- as.integer(N)
    x.finite <- is.finite(x)
    if (any(!x.finite)) {
        x <- x[x.finite]
        nx <- length(x)
    }
    if (!has.wts) {
        weights <- rep.int(1/nx, nx)
        totMass <- nx / N
    } else {
        if (!all(is.finite(weights))) stop("'weights' must all be finite")
        if (any(weights < 0)) stop("'weights' must not be negative")
        wsum <- sum(weights)
        if (any(!x.finite)) {
            weights <- weights[x.finite]
            totMass <- sum(weights) / wsum
        } else totMass <- 1
        if (!subdensity && !isTRUE(all.equal(1, wsum))) warning("sum(weights) != 1  -- will not get true density")
    }
    n.user <- n
    n <- max(n, 512)
    if (n > 512) n <- 2^ceiling(log2(n))
    if (missing(bw) && !missing(width)) {
        if (is.numeric(width)) {
            fac <- switch(kernel, gaussian = 4, rectangular = 2 * sqrt(3), triangular = 2 * sqrt(6),
                          epanechnikov = 2 * sqrt(5), biweight = 2 * sqrt(7), cosine = 2/sqrt(1/3 - 2/pi^2),
                          optcosine = 2/sqrt(1 - 8/pi^2))
            bw <- width / fac
        }
        if (is.character(width)) bw <- width
    }
    if (is.character(bw)) {
        if (nx < 2) stop("need at least 2 points to select a bandwidth automatically")
        bw <- switch(tolower(bw), nrd0 = bw.nrd0(x), nrd = bw.nrd(x), ucv = bw.ucv(x), bcv = bw.bcv(x),
                     sj = , "sj-ste" = bw.SJ(x, method = "ste"), "sj-dpi" = bw.SJ(x, method = "dpi"),
                     stop("unknown bandwidth rule"))
    }
    if (!is.finite(bw)) stop("non-finite 'bw'")
    bw <- adjust * bw
    if (bw <= 0) stop("'bw' is not positive.")
    if (missing(from)) from <- min(x) - cut * bw
    if (missing(to)) to <- max(x) + cut * bw
    if (!is.finite(from)) stop("non-finite 'from'")
    if (!is.finite(to)) stop("non-finite 'to'")
    lo <- from - 4 * bw
    up <- to + 4 * bw
    y <- .bin_dist(as.double(x), as.double(weights), lo, up, n) * totMass
    kords <- .kde_grid(y, kernel, bw, lo, up)
    xords <- seq.int(lo, up, length.out = n)
    x <- seq.int(from, to, length.out = n.user)
    cl <- match.call()
    cl[[1L]] <- as.name("density.default")
    structure(list(x = x, y = approx(xords, kords, x)$y, bw = bw, n = N, call = cl, data.name = name, has.na = FALSE), class = "density")
}

## Prints a density estimate: its call, sample size, bandwidth and a summary of x and y.
print.density <- function(x, digits = NULL, ...) {
    cat("\nCall:\n\t", deparse(x$call), "\n\nData: ", x$data.name, " (", x$n, " obs.);",
        "\tBandwidth 'bw' = ", formatC(x$bw, digits = digits), "\n\n", sep = "")
    print(summary(as.data.frame(x[c("x", "y")])), digits = digits, ...)
    invisible(x)
}

## Silverman's rule-of-thumb bandwidth: 0.9 * min(sd, IQR/1.34) * n^-1/5.
bw.nrd0 <- function(x) {
    if (length(x) < 2L) stop("need at least 2 data points")
    hi <- sd(x)
    if (!(lo <- min(hi, IQR(x)/1.34))) (lo <- hi) || (lo <- abs(x[1L])) || (lo <- 1)
    0.9 * lo * length(x)^(-0.2)
}

## Scott's rule-of-thumb bandwidth: 1.06 * min(sd, IQR/1.34) * n^-1/5.
bw.nrd <- function(x) {
    if (length(x) < 2L) stop("need at least 2 data points")
    r <- quantile(x, c(0.25, 0.75))
    h <- (r[2L] - r[1L]) / 1.34
    1.06 * min(sqrt(var(x)), h) * length(x)^(-1/5)
}

## Checks a bandwidth selector's input and returns the binned pair counts (internal).
.bw_check <- function(x, nb) {
    if ((n <- length(x)) < 2L) stop("need at least 2 data points")
    if (!is.numeric(x)) stop("invalid 'x'")
    nb <- as.integer(nb)
    if (is.na(nb) || nb <= 0L) stop("invalid 'nb'")
    .bw_pairs(as.double(x), nb)
}

## Bandwidth by unbiased cross-validation (binned, nb bins), minimised over [lower, upper].
bw.ucv <- function(x, nb = 1000L, lower = 0.1 * hmax, upper = hmax, tol = 0.1 * lower) {
    Z <- .bw_check(x, nb)
    n <- length(x)
    hmax <- 1.144 * sqrt(var(x)) * n^(-1/5)
    fucv <- function(h) .bw_crit("ucv", n, Z[[1L]], Z[[2L]], h)
    h <- optimize(fucv, c(lower, upper), tol = tol)$minimum
    if (h < lower + tol || h > upper - tol) warning("minimum occurred at one end of the range")
    h
}

## Bandwidth by biased cross-validation (binned, nb bins), minimised over [lower, upper].
bw.bcv <- function(x, nb = 1000L, lower = 0.1 * hmax, upper = hmax, tol = 0.1 * lower) {
    Z <- .bw_check(x, nb)
    n <- length(x)
    hmax <- 1.144 * sqrt(var(x)) * n^(-1/5)
    fbcv <- function(h) .bw_crit("bcv", n, Z[[1L]], Z[[2L]], h)
    h <- optimize(fbcv, c(lower, upper), tol = tol)$minimum
    if (h < lower + tol || h > upper - tol) warning("minimum occurred at one end of the range")
    h
}

## Sheather and Jones' bandwidth, by solving the equation ("ste") or direct plug-in ("dpi").
bw.SJ <- function(x, nb = 1000L, lower = 0.1 * hmax, upper = hmax, method = c("ste", "dpi"), tol = 0.1 * lower) {
    Z <- .bw_check(x, nb)
    method <- match.arg(method)
    n <- length(x)
    d <- Z[[1L]]
    cnt <- Z[[2L]]
    SDh <- function(h) .bw_crit("phi4", n, d, cnt, h)
    TDh <- function(h) .bw_crit("phi6", n, d, cnt, h)
    scale <- min(sd(x), IQR(x) / 1.349)
    a <- 1.24 * scale * n^(-1/7)
    b <- 1.23 * scale * n^(-1/9)
    c1 <- 1 / (2 * sqrt(pi) * n)
    TD <- -TDh(b)
    if (!is.finite(TD) || TD <= 0) stop("sample is too sparse to find TD")
    if (method == "dpi") return((c1 / SDh((2.394 / (n * TD))^(1/7)))^(1/5))
    bnd.Miss <- missing(lower) || missing(upper)
    if (bnd.Miss) hmax <- 1.144 * scale * n^(-1/5)
    alph2 <- 1.357 * (SDh(a) / TD)^(1/7)
    if (!is.finite(alph2)) stop("sample is too sparse to find alph2")
    itry <- 1L
    fSD <- function(h) (c1 / SDh(alph2 * h^(5/7)))^(1/5) - h
    while (fSD(lower) * fSD(upper) > 0) {
        if (itry > 99L || !bnd.Miss) stop("no solution in the specified range of bandwidths")
        if (itry %% 2) upper <- upper * 1.2 else lower <- lower / 1.2
        itry <- itry + 1L
    }
    uniroot(fSD, c(lower, upper), tol = tol)$root
}

## Cleveland's LOWESS smoother of y on x: span f, iter robustness iterations; returns list(x, y) sorted by x.
lowess <- function(x, y = NULL, f = 2/3, iter = 3L, delta = 0.01 * diff(range(x))) {
    xy <- .smooth_xy(x, y)
    o <- order(xy$x)
    x <- as.double(xy$x[o])
    list(x = x, y = .lowess(x, as.double(xy$y[o]), f, iter, delta))
}

## Symbolic derivatives of an expression or formula with respect to namevec, as an expression (or a function with function.arg) computing the value with a "gradient" attribute.
deriv <- function(expr, ...) UseMethod("deriv")

## deriv() for calls, symbols and expression vectors.
deriv.default <- function(expr, namevec, function.arg = NULL, tag = ".expr", hessian = FALSE, ...) .deriv(expr, namevec, function.arg, tag, hessian)

## deriv() for a one-sided formula: its right-hand side.
deriv.formula <- function(expr, namevec, function.arg = NULL, tag = ".expr", hessian = FALSE, ...) {
    if (length(expr) > 1L) .deriv(expr, namevec, function.arg, tag, hessian) else stop("invalid formula in deriv")
}

## deriv() with second derivatives too (a "hessian" attribute).
deriv3 <- function(expr, ...) UseMethod("deriv3")

## deriv3() for calls, symbols and expression vectors.
deriv3.default <- function(expr, namevec, function.arg = NULL, tag = ".expr", hessian = TRUE, ...) .deriv(expr, namevec, function.arg, tag, hessian)

## deriv3() for a one-sided formula.
deriv3.formula <- function(expr, namevec, function.arg = NULL, tag = ".expr", hessian = TRUE, ...) {
    if (length(expr) > 1L) .deriv(expr, namevec, function.arg, tag, hessian) else stop("invalid formula in deriv")
}

## Prints an expression vector as R shows it: expression(...) around the deparsed elements.
print.expression <- function(x, ...) {
    n <- length(x)
    if (n == 0L) {
        cat("expression()\n")
        return(invisible(x))
    }
    out <- character()
    lead <- "expression("
    for (i in seq_len(n)) {
        p <- deparse(x[[i]])
        p[1L] <- paste0(lead, p[1L])
        k <- length(p)
        if (i < n) {
            lead <- paste0(p[k], ", ")
            out <- c(out, p[-k])
        } else {
            p[k] <- paste0(p[k], ")")
            out <- c(out, p)
        }
    }
    cat(out, sep = "\n")
    invisible(x)
}

## Nadaraya-Watson kernel regression of y on x with a "box" or "normal" kernel whose quartiles are at +/- bandwidth/4.
ksmooth <- function(x, y, kernel = c("box", "normal"), bandwidth = 0.5, range.x = range(x), n.points = max(100L, length(x)), x.points) {
    if (missing(y) || is.null(y)) stop("numeric y must be supplied.\nFor density estimation use density()")
    kernel <- match.arg(kernel)
    if (missing(x.points)) x.points <- seq.int(range.x[1L], range.x[2L], length.out = n.points)
    else x.points <- sort(x.points)
    o <- order(x)
    x <- as.double(x[o])
    y <- as.double(y[o])
    if (kernel == "box") {
        h <- 0.5 * bandwidth
        reach <- h
    } else {
        h <- 0.3706506 * bandwidth
        reach <- 4 * h
    }
    yp <- vapply(x.points, function(x0) {
        near <- x >= x0 - reach & x <= x0 + reach
        if (!any(near)) return(NA_real_)
        w <- if (kernel == "box") rep(1, sum(near)) else exp(-0.5 * ((x[near] - x0) / h)^2)
        if (sum(w) > 0) sum(w * y[near]) / sum(w) else NA_real_
    }, 0)
    list(x = x.points, y = yp)
}

## Isotonic (monotonely increasing) least-squares regression of y on x, by the greatest convex minorant of the cumulative sums.
isoreg <- function(x, y = NULL) {
    cl <- match.call()
    if (is.null(y)) {
        y <- as.double(x)
        x <- seq_along(y)
        isOrd <- TRUE
    } else {
        x <- as.double(x)
        y <- as.double(y)
        if (length(x) != length(y)) stop("'x' and 'y' lengths differ")
        isOrd <- !is.unsorted(x, strictly = TRUE)
    }
    if (anyNA(x) || anyNA(y)) stop("missing values not allowed")
    ord <- NULL
    ys <- y
    if (!isOrd) {
        ord <- order(x, -y)
        ys <- y[ord]
    }
    n <- length(ys)
    yc <- c(0, cumsum(ys))
    yf <- double(n)
    knots <- integer()
    from <- 0L
    while (from < n) {
        idx <- (from + 1L):n
        slopes <- (yc[idx + 1L] - yc[from + 1L]) / (idx - from)
        to <- idx[which.min(slopes)]
        knots <- c(knots, to)
        yf[(from + 1L):to] <- (yc[to + 1L] - yc[from + 1L]) / (to - from)
        from <- to
    }
    structure(list(x = as.double(x), y = y, yf = yf, yc = yc, iKnots = knots, isOrd = isOrd, ord = ord, call = cl), class = "isoreg")
}

## Prints an isotonic regression: its call, knots and components.
print.isoreg <- function(x, digits = getOption("digits"), ...) {
    cat("Isotonic regression from ", deparse(x$call), ",\n", sep = "")
    cat("  with", length(x$iKnots), "knots / breaks at obs.nr.", x$iKnots, ";\n")
    if (x$isOrd) cat("  initially ordered 'x'\n")
    else {
        cat("  (x,y) ordering:")
        str(x$ord)
    }
    cat("  and further components ")
    str(x[1L:4], digits.d = 3L + max(0L, digits - 7L))
    invisible(x)
}

## The isotonic fit as a right-continuous step function.
as.stepfun.isoreg <- function(x, ...) {
    xs <- if (x$isOrd) x$x else x$x[x$ord]
    sf <- stepfun(x = xs[x$iKnots], y = c(x$yf[x$iKnots], x$yf[length(x$yf)]), right = TRUE)
    attr(sf, "call") <- x$call
    sf
}

## Fitted values of an isotonic regression, in the order of the data.
fitted.isoreg <- function(object, ...) if (object$isOrd) object$yf else object$yf[order(object$ord)]

## Residuals of an isotonic regression.
residuals.isoreg <- function(object, ...) object$y - fitted(object)
