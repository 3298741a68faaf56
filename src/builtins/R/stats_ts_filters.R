## Linear filtering of a series: a moving sum with the given weights (method "convolution",
## centred for sides = 2, past values for sides = 1, wrapping round when circular) or an
## autoregression on past outputs (method "recursive", started from init). Returns a "ts".
filter <- function(x, filter, method = c("convolution", "recursive"), sides = 2L, circular = FALSE, init = NULL) {
    method <- match.arg(method)
    x <- as.ts(x)
    xtsp <- tsp(x)
    n <- as.integer(NROW(x))
    nser <- NCOL(x)
    filter <- as.double(filter)
    nf <- length(filter)
    if (anyNA(filter)) stop("missing values in 'filter'")
    xm <- matrix(as.double(unclass(x)), n, nser)
    y <- matrix(NA_real_, n, nser)
    if (method == "convolution") {
        if (nf > n) stop("'filter' is longer than time series")
        sides <- as.integer(sides)
        if (is.na(sides) || (sides != 1L && sides != 2L)) stop("argument 'sides' must be 1 or 2")
        circular <- as.logical(circular)
        if (is.na(circular)) stop("'circular' must be logical and not NA")
        shift <- if (sides == 2L) nf %/% 2L else 0L
        i <- seq_len(n)
        for (s in seq_len(nser)) {
            v <- xm[, s]
            acc <- numeric(n)
            for (j in seq_len(nf)) {
                idx <- i + shift - j + 1L
                if (circular) idx <- (idx - 1L) %% n + 1L
                else idx[idx < 1L | idx > n] <- NA
                acc <- acc + filter[j] * v[idx]
            }
            y[, s] <- acc
        }
    } else {
        if (is.null(init)) init <- matrix(0, nf, nser)
        else {
            if (NROW(init) != nf) stop("length of 'init' must equal length of 'filter'")
            if (NCOL(init) != 1L && NCOL(init) != nser)
                stop(sprintf(ngettext(nser, "'init' must have %d column", "'init' must have 1 or %d columns"), nser))
            init <- matrix(init, nf, nser)
        }
        for (s in seq_len(nser)) y[, s] <- .rfilter_core(xm[, s], filter, rev(init[, s]))
    }
    if (nser == 1L) y <- as.vector(y)
    else colnames(y) <- colnames(x)
    attr(y, "tsp") <- xtsp
    class(y) <- if (nser > 1L) c("mts", "ts") else "ts"
    y
}

## Autocorrelation (or autocovariance, or partial autocorrelation) function of a series, up
## to lag.max; class "acf". plot = TRUE plots it (plot.acf), plot = FALSE returns it.
acf <- function(x, lag.max = NULL, type = c("correlation", "covariance", "partial"), plot = TRUE, na.action = na.fail, demean = TRUE, ...) {
    type <- match.arg(type)
    series <- paste(deparse(substitute(x)), collapse = " ")
    if (type == "partial") {
        r <- pacf(x, lag.max = lag.max, plot = FALSE, na.action = na.action)
        r$series <- series
        if (plot) { plot(r, ...); return(invisible(r)) }
        return(r)
    }
    x <- na.action(as.ts(x))
    freq <- frequency(x)
    cn <- colnames(x)
    x <- unclass(x)
    attr(x, "tsp") <- NULL
    x <- as.matrix(x)
    if (!is.numeric(x)) stop("'x' must be numeric")
    n <- nrow(x)
    nser <- ncol(x)
    if (is.null(lag.max)) lag.max <- floor(10 * (log10(n) - log10(nser)))
    lag.max <- as.integer(min(lag.max, n - 1L))
    if (is.na(lag.max) || lag.max < 0) stop("'lag.max' must be at least 0")
    if (demean) x <- sweep(x, 2, colMeans(x, na.rm = TRUE), check.margin = FALSE)
    out <- array(0, c(lag.max + 1L, nser, nser))
    for (u in seq_len(nser)) for (v in seq_len(nser)) for (l in 0:lag.max) {
        a <- x[(1L + l):n, u]
        b <- x[1L:(n - l), v]
        ok <- !is.na(a) & !is.na(b)
        nu <- sum(ok)
        out[l + 1L, u, v] <- if (nu > 0) sum(a[ok] * b[ok])/(nu + l) else NA
    }
    if (type == "correlation") {
        if (n == 1L) for (u in seq_len(nser)) out[1L, u, u] <- 1
        else {
            se <- sqrt(vapply(seq_len(nser), function(u) out[1L, u, u], 0))
            for (u in seq_len(nser)) for (v in seq_len(nser))
                out[, u, v] <- pmin(1, pmax(-1, out[, u, v]/(se[u] * se[v])))
        }
    }
    lagm <- matrix(1, nser, nser)
    lagm[lower.tri(lagm)] <- -1
    lag <- outer(0:lag.max, lagm/freq)
    r <- structure(list(acf = out, type = type, n.used = n, lag = lag, series = series, snames = cn), class = "acf")
    if (plot) { plot(r, ...); invisible(r) } else r
}

## Partial autocorrelations of a univariate series (Durbin-Levinson on its autocorrelations).
pacf <- function(x, lag.max = NULL, plot = TRUE, na.action = na.fail, ...) {
    series <- paste(deparse(substitute(x)), collapse = " ")
    x <- na.action(as.ts(x))
    freq <- frequency(x)
    n <- NROW(x)
    if (NCOL(x) > 1) stop("multivariate partial autocorrelations are not supported")
    if (is.null(lag.max)) lag.max <- floor(10 * log10(n))
    lag.max <- min(lag.max, n - 1)
    if (lag.max < 1) stop("'lag.max' must be at least 1")
    v <- as.vector(unclass(x))
    r <- drop(acf(v - mean(v, na.rm = TRUE), lag.max = lag.max, plot = FALSE, na.action = na.action)$acf)
    p <- .durbin_levinson(r, lag.max)
    out <- structure(list(acf = array(p, c(lag.max, 1L, 1L)), type = "partial", n.used = n,
                          lag = array((1L:lag.max)/freq, c(lag.max, 1L, 1L)), series = series, snames = NULL),
                     class = "acf")
    if (plot) { plot(out, ...); invisible(out) } else out
}

## Partial autocorrelations 1..nlag from autocorrelations cor (cor[1] is lag 0).
.durbin_levinson <- function(cor, nlag) {
    p <- numeric(nlag)
    w <- numeric(nlag)
    w[1L] <- p[1L] <- cor[2L]
    if (nlag > 1) for (l in 2:nlag) {
        i <- seq_len(l - 1)
        a <- cor[l + 1L] - sum(w[i] * cor[l - i + 1L])
        b <- 1 - sum(w[i] * cor[i + 1L])
        p[l] <- cc <- a/b
        if (l == nlag) break
        old <- w[i]
        w[l] <- cc
        w[i] <- old - cc * rev(old)
    }
    p
}

## Cross-correlation of two univariate series at lags -lag.max..lag.max.
ccf <- function(x, y, lag.max = NULL, type = c("correlation", "covariance"), plot = TRUE, na.action = na.fail, ...) {
    type <- match.arg(type)
    if (is.matrix(x) || is.matrix(y)) stop("univariate time series only")
    X <- ts.intersect(as.ts(x), as.ts(y))
    colnames(X) <- c(deparse(substitute(x))[1L], deparse(substitute(y))[1L])
    a <- acf(X, lag.max = lag.max, plot = FALSE, type = type, na.action = na.action)
    lag <- c(rev(a$lag[-1, 2, 1]), a$lag[, 1, 2])
    v <- c(rev(a$acf[-1, 2, 1]), a$acf[, 1, 2])
    a$acf <- array(v, c(length(v), 1L, 1L))
    a$lag <- array(lag, c(length(v), 1L, 1L))
    a$snames <- paste(a$snames, collapse = " & ")
    if (plot) invisible(a) else a
}

## Prints an "acf" object by lag.
print.acf <- function(x, digits = 3L, ...) {
    type <- match(x$type, c("correlation", "covariance", "partial"))
    msg <- c("Autocorrelations", "Autocovariances", "Partial autocorrelations")
    cat("\n", msg[type], " of series ", sQuote(x$series), ", by lag\n\n", sep = "")
    nser <- ncol(x$lag)
    if (type != 2) x$acf <- round(x$acf, digits)
    if (nser == 1) {
        v <- drop(x$acf)
        names(v) <- format(drop(x$lag), digits = digits)
        print(v, digits = digits, ...)
    } else {
        cells <- format(x$acf, ...)
        lags <- format(x$lag, digits = digits)
        cells <- array(paste0(cells, " (", lags, ")"), dim = dim(x$acf))
        dimnames(cells) <- list(rep("", nrow(x$lag)), x$snames, x$snames)
        print(cells, quote = FALSE, ...)
    }
    invisible(x)
}

## Extracts rows of an "acf" object.
`[.acf` <- function(x, i, j) {
    if (missing(j)) j <- seq_len(ncol(x$lag))
    ii <- if (missing(i)) seq_len(nrow(x$lag)) else match(i, x$lag[, 1, 1], nomatch = NA_integer_)
    x$acf <- x$acf[ii, j, j, drop = FALSE]
    x$lag <- x$lag[ii, j, j, drop = FALSE]
    x
}

## Classical seasonal decomposition by moving averages into trend, seasonal and random parts.
decompose <- function(x, type = c("additive", "multiplicative"), filter = NULL) {
    type <- match.arg(type)
    l <- length(x)
    f <- frequency(x)
    if (f <= 1 || length(na.omit(x)) < 2 * f) stop("time series has no or less than 2 periods")
    if (is.null(filter)) filter <- if (!f %% 2) c(0.5, rep_len(1, f - 1), 0.5)/f else rep_len(1, f)/f
    trend <- stats_filter_(x, filter)
    season <- if (type == "additive") x - trend else x/trend
    periods <- l %/% f
    index <- seq.int(1L, l, by = f) - 1L
    figure <- numeric(f)
    sv <- as.vector(unclass(season))
    for (i in 1L:f) figure[i] <- mean(sv[index + i], na.rm = TRUE)
    figure <- if (type == "additive") figure - mean(figure) else figure/mean(figure)
    seasonal <- ts(rep(figure, periods + 1)[seq_len(l)], start = start(x), frequency = f)
    structure(list(x = x, seasonal = seasonal, trend = trend,
                   random = if (type == "additive") x - seasonal - trend else x/seasonal/trend,
                   figure = figure, type = type), class = "decomposed.ts")
}

## filter() under a name a local argument called `filter` cannot shadow.
stats_filter_ <- function(...) filter(...)

## Box-Pierce and Ljung-Box tests that a series' first `lag` autocorrelations are zero.
Box.test <- function(x, lag = 1, type = c("Box-Pierce", "Ljung-Box"), fitdf = 0) {
    if (NCOL(x) > 1) stop("x is not a vector or univariate time series")
    dname <- paste(deparse(substitute(x)), collapse = " ")
    type <- match.arg(type)
    r <- acf(x, lag.max = lag, plot = FALSE, na.action = na.pass)
    n <- sum(!is.na(x))
    obs <- r$acf[2:(lag + 1)]
    if (type == "Box-Pierce") {
        method <- "Box-Pierce test"
        stat <- n * sum(obs^2)
    } else {
        method <- "Box-Ljung test"
        stat <- n * (n + 2) * sum(1/seq.int(n - 1, n - lag) * obs^2)
    }
    names(stat) <- "X-squared"
    structure(list(statistic = stat, parameter = c(df = lag - fitdf), p.value = 1 - pchisq(stat, lag - fitdf),
                   method = method, data.name = dname), class = "htest")
}

## Inverse of diff(): the series whose lagged differences are x, starting from xi.
diffinv <- function(x, ...) UseMethod("diffinv")

## diffinv for vectors and matrices.
diffinv.default <- function(x, lag = 1, differences = 1, xi, ...) {
    if (is.matrix(x)) {
        n <- nrow(x)
        m <- ncol(x)
        if (missing(xi)) xi <- matrix(0, lag * differences, m)
        xi <- as.matrix(xi)
        y <- matrix(0, n + lag * differences, m)
        for (j in seq_len(m)) y[, j] <- diffinv.vector(as.vector(x[, j]), lag, differences, as.vector(xi[, j]))
        y
    } else if (missing(xi)) diffinv.vector(as.vector(x), lag, differences)
    else diffinv.vector(as.vector(x), lag, differences, xi)
}

## diffinv for a vector.
diffinv.vector <- function(x, lag = 1L, differences = 1L, xi, ...) {
    lag <- as.integer(lag)
    differences <- as.integer(differences)
    if (lag < 1L || differences < 1L) stop("bad value for 'lag' or 'differences'")
    if (missing(xi)) xi <- rep(0, lag * differences)
    if (length(xi) != lag * differences) stop("'xi' does not have the right length")
    if (differences == 1L) {
        n <- length(x)
        y <- c(as.double(xi), numeric(n))
        for (i in seq_len(n)) y[i + lag] <- x[i] + y[i]
        y
    } else diffinv.vector(diffinv.vector(x, lag, differences - 1L, diff(xi, lag = lag, differences = 1L)), lag, 1L, xi[1L:lag])
}

## diffinv for a time series: a series ending where x ends.
diffinv.ts <- function(x, lag = 1, differences = 1, xi, ...) {
    v <- unclass(x)
    attr(v, "tsp") <- NULL
    v <- if (is.null(dim(v))) as.vector(v) else as.matrix(v)
    y <- if (missing(xi)) diffinv.default(v, lag, differences) else diffinv.default(v, lag, differences, xi)
    ts(y, frequency = frequency(x), end = end(x))
}

## The matrix of lagged copies of x: row i is x[i + dimension - 1], ..., x[i].
embed <- function(x, dimension = 1) {
    if (is.matrix(x)) {
        n <- nrow(x)
        if (dimension < 1 || dimension > n) stop("wrong embedding dimension")
        y2 <- matrix(0, n - dimension + 1L, dimension * ncol(x))
        for (i in seq_len(ncol(x))) for (d in seq_len(dimension))
            y2[, (d - 1) * ncol(x) + i] <- x[(dimension - d + 1):(n - d + 1), i]
        y2
    } else if (is.vector(x) || is.ts(x)) {
        n <- length(x)
        if (dimension < 1 || dimension > n) stop("wrong embedding dimension")
        m <- n - dimension + 1L
        v <- as.vector(unclass(x))
        d <- v[1L:m + rep.int(dimension:1L, rep.int(m, dimension)) - 1L]
        dim(d) <- c(m, dimension)
        d
    } else stop("'x' is not a vector or matrix")
}

## Returns its argument, or signals an error when it holds missing values.
na.fail <- function(object, ...) {
    if (anyNA(object)) stop("missing values in object") else object
}

## Returns its argument unchanged (missing values are passed on).
na.pass <- function(object, ...) object
