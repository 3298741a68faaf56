# Series tools of R's stats package: FFT-friendly lengths, convolution by FFT and the
# longest stretch without missing values.

## The smallest integer >= n that is a product of powers of the factors.
nextn <- function(n, factors = c(2, 3, 5)) {
    n <- as.integer(n)
    factors <- as.integer(factors)
    if (any(factors <= 1L)) stop("invalid factors")
    vapply(n, function(v) {
        if (is.na(v)) return(NA_integer_)
        if (v <= 1L) return(1L)
        repeat {
            r <- v
            for (f in factors) while (r %% f == 0L) r <- r %/% f
            if (r == 1L) return(v)
            v <- v + 1L
        }
    }, 0L)
}

## Convolution of two sequences by the FFT: circular, open (the full polynomial product
## with y reversed) or filter (the valid part of the open convolution).
convolve <- function(x, y, conj = TRUE, type = c("circular", "open", "filter")) {
    type <- match.arg(type)
    real <- is.numeric(x) && is.numeric(y)
    n <- length(x)
    ny <- length(y)
    pad <- 0L
    if (type == "circular") {
        if (ny != n) stop("length mismatch in convolution")
    } else {
        pad <- ny - 1L
        x <- c(rep.int(0, pad), x)
        y <- c(y, rep.int(0, n - 1L))
        n <- length(y)
    }
    fy <- fft(y)
    z <- fft(fft(x) * (if (conj) Conj(fy) else fy), inverse = TRUE)
    if (real) z <- Re(z)
    z <- z / n
    if (type == "filter") {
        drop <- c(seq_len(pad), if (pad > 0L) (n - pad + 1L):n)
        if (length(drop)) z <- z[-drop]
    }
    z
}

## The longest stretch of a series without missing values (the first of equally long ones).
na.contiguous <- function(object, ...) UseMethod("na.contiguous")

## na.contiguous() for vectors, matrices and time series.
na.contiguous.default <- function(object, ...) {
    tm <- time(object)
    xfreq <- frequency(object)
    good <- if (is.matrix(object)) rowSums(is.na(object)) == 0L else !is.na(object)
    if (!sum(good)) stop("all times contain an NA")
    seg <- cumsum(!good)
    seg[!good] <- NA
    lens <- tabulate(seg + 1L)
    best <- which.max(lens) - 1L
    keep <- which(!is.na(seg) & seg == best)
    st <- min(keep)
    en <- max(keep)
    n <- NROW(object)
    omit <- c(if (st > 1L) seq_len(st - 1L), if (en < n) (en + 1L):n)
    if (length(omit)) {
        cl <- oldClass(object)
        object <- if (is.matrix(object)) object[st:en, , drop = FALSE] else object[st:en]
        attr(omit, "class") <- "omit"
        attr(object, "na.action") <- omit
        tsp(object) <- c(tm[st], tm[en], xfreq)
        if (!is.null(cl)) class(object) <- cl
    }
    object
}

## The missing-value action recorded on an object (its "na.action" attribute or component).
na.action <- function(object, ...) UseMethod("na.action")

## na.action() for fits and vectors.
na.action.default <- function(object, ...) {
    if (is.list(object) && "na.action" %in% names(object)) object[["na.action"]] else attr(object, "na.action")
}

## The autoregressions of orders 1..p implied by autocorrelations acf (lag 0..p), by the Durbin-Levinson recursion.
acf2AR <- function(acf) {
    r <- as.double(drop(acf))
    p <- length(r) - 1L
    if (p <= 0L) stop("'acf' must be of length two or more")
    phi <- matrix(0, p, p, dimnames = list(paste0("ar(", seq_len(p), ")"), seq_len(p)))
    a <- numeric(0)
    v <- r[1L]
    for (k in seq_len(p)) {
        kk <- (r[k + 1L] - if (k > 1L) sum(a * r[k:2L]) else 0) / v
        a <- c(a - kk * rev(a), kk)
        v <- v * (1 - kk^2)
        phi[k, seq_len(k)] <- a
    }
    phi
}

## A smoothing kernel for time series: "daniell", "modified.daniell", "dirichlet", "fejer"
## (m a vector gives the convolution of kernels), or given coefficients k[0..m].
kernel <- function(coef, m = 2, r, name = "unknown") {
    if (!missing(m) && length(m) > 1L && is.character(coef)) {
        k <- kernel(coef, m[1L], r)
        for (i in 2L:length(m)) k <- kernapply(k, kernel(coef, m[i], r))
        nm <- switch(coef, daniell = "Daniell", modified.daniell = "mDaniell", dirichlet = "Dirichlet", fejer = "Fejer", coef)
        attr(k, "name") <- paste0(nm, "(", paste(m, collapse = ","), if (!missing(r)) paste0(",", r), ")")
        return(k)
    }
    if (is.character(coef)) {
        m <- as.integer(m)
        if (m < 0L) stop("'m' must be non-negative")
        switch(coef,
            daniell = {
                cf <- rep(1 / (2 * m + 1), m + 1L)
                name <- paste0("Daniell(", m, ")")
            },
            modified.daniell = {
                cf <- if (m == 0L) 1 else c(rep(1 / (2 * m), m), 1 / (4 * m))
                name <- paste0("mDaniell(", m, ")")
            },
            dirichlet = {
                if (missing(r)) stop("'r' is missing")
                k <- seq_len(m)
                n <- 2 * m + 1
                cf <- c(2 * r + 1, sin((r + 0.5) * 2 * pi * k / n) / sin(pi * k / n)) / n
                name <- paste0("Dirichlet(", m, ",", r, ")")
            },
            fejer = {
                if (missing(r)) stop("'r' is missing")
                n <- 2 * m + 1
                wj <- 2 * pi * seq_len(m) / n
                wn <- c(r, sin(r * wj / 2)^2 / sin(wj / 2)^2 / r)
                cf <- wn / (wn[1L] + 2 * sum(wn[-1L]))
                name <- paste0("Fejer(", m, ",", r, ")")
            },
            stop("unknown named kernel"))
        return(structure(list(coef = cf, m = m), name = name, class = "tskernel"))
    }
    if (!is.numeric(coef) || !length(coef)) stop("'coef' must be a vector")
    m <- length(coef) - 1L
    if (abs(sum(coef[-1L]) * 2 + coef[1L] - 1) > 1e-10) stop("coefficients do not add to 1")
    structure(list(coef = coef, m = m), name = name, class = "tskernel")
}

## Kernel coefficients k[i] for lags i in -m..m.
`[.tskernel` <- function(k, i) {
    y <- c(rev(k$coef[-1L]), k$coef)
    y[i + k$m + 1L]
}

## Prints a kernel: its name and coefficients by lag.
print.tskernel <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
    m <- x$m
    i <- -m:m
    cat(attr(x, "name"), "\n")
    cat(paste0("coef[", format(i), "] = ", format(x[i], digits = digits)), sep = "\n")
    invisible(x)
}

## TRUE for a tskernel object.
is.tskernel <- function(k) inherits(k, "tskernel")

## Smooths a series (or convolves two kernels) with a kernel.
kernapply <- function(x, ...) UseMethod("kernapply")

## kernapply() for vectors: the smoothed values where the whole kernel fits (or circularly).
kernapply.default <- function(x, k, circular = FALSE, ...) {
    if (is.matrix(x)) return(apply(x, 2L, kernapply.default, k = k, circular = circular))
    if (!is.tskernel(k)) stop("'k' is not a kernel")
    m <- k$m
    n <- length(x)
    if (n <= 2L * m) stop("'x' is shorter than kernel 'k'")
    if (m == 0L) return(x)
    w <- k[-m:m]
    if (circular) {
        idx <- function(t) ((t - 1L) %% n) + 1L
        return(vapply(seq_len(n), function(t) sum(w * x[idx(t + (-m:m))]), 0))
    }
    vapply((m + 1L):(n - m), function(t) sum(w * x[t + (-m:m)]), 0)
}

## kernapply() for time series: the smoothed series, ending where x ends (as R aligns it).
kernapply.ts <- function(x, k, circular = FALSE, ...) {
    y <- kernapply.default(as.vector(x), k, circular = circular)
    if (circular) return(ts(y, start = start(x), frequency = frequency(x)))
    ts(y, end = tsp(x)[2L], frequency = frequency(x))
}

## kernapply() for two kernels: their convolution.
kernapply.tskernel <- function(x, k, ...) {
    if (!is.tskernel(k)) stop("'k' is not a kernel")
    n <- k$m
    xx <- c(rep_len(0, n), x[-x$m:x$m], rep_len(0, n))
    coef <- kernapply(xx, k, circular = TRUE)
    m <- length(coef) %/% 2L
    kernel(coef[(m + 1L):length(coef)], name = paste("Composite(", attr(x, "name"), ",", attr(k, "name"), ")", sep = ""))
}

## The Burg recursion for AR orders 1..pmax (internal): list(coefs, var1, var2).
.burg_fit <- function(x, pmax) {
    n <- length(x)
    u <- v <- rev(x)
    coefs <- matrix(0, pmax, pmax)
    var1 <- var2 <- numeric(pmax + 1L)
    var1[1L] <- var2[1L] <- sum(x^2) / n
    for (p in seq_len(pmax)) {
        t <- (p + 1L):n
        num <- sum(v[t] * u[t - 1L])
        den <- sum(v[t]^2 + u[t - 1L]^2)
        phi <- 2 * num / den
        coefs[p, p] <- phi
        if (p > 1L) for (j in seq_len(p - 1L)) coefs[p, j] <- coefs[p - 1L, j] - phi * coefs[p - 1L, p - j]
        u0 <- u
        u[t] <- u0[t - 1L] - phi * v[t]
        v[t] <- v[t] - phi * u0[t - 1L]
        var1[p + 1L] <- var1[p] * (1 - phi^2)
        var2[p + 1L] <- sum(v[t]^2 + u[t]^2) / (2 * (n - p))
    }
    list(coefs = coefs, var1 = var1, var2 = var2)
}

## Autoregression by Burg's method: orders up to order.max, chosen by AIC. Class "ar".
ar.burg <- function(x, aic = TRUE, order.max = NULL, na.action = na.fail, demean = TRUE,
                    series = NULL, var.method = 1L, ...) {
    if (is.null(series)) series <- deparse1(substitute(x))
    ists <- is.ts(x)
    x <- na.action(as.ts(x))
    if (anyNA(x)) stop("NAs in 'x'")
    if (ists) xtsp <- tsp(x)
    xfreq <- frequency(x)
    x <- as.vector(x)
    x.mean <- if (demean) mean(x) else 0
    x <- x - x.mean
    n.used <- length(x)
    order.max <- if (is.null(order.max)) min(n.used - 1L, floor(10 * log10(n.used))) else floor(order.max)
    if (order.max < 1L) stop("'order.max' must be >= 1")
    else if (order.max >= n.used) stop("'order.max' must be < 'n.used'")
    z <- .burg_fit(x, order.max)
    coefs <- z$coefs
    partialacf <- array(diag(coefs), dim = c(order.max, 1L, 1L))
    var.pred <- if (var.method == 1L) z$var1 else z$var2
    if (any(is.nan(var.pred))) stop("zero-variance series")
    xaic <- n.used * log(var.pred) + 2 * (0L:order.max) + 2 * demean
    xaic <- setNames(xaic - min(xaic), 0L:order.max)
    order <- if (aic) (0L:order.max)[xaic == 0] else order.max
    arc <- if (order) coefs[order, seq_len(order)] else numeric()
    var.pred <- var.pred[order + 1L]
    resid <- if (order) c(rep(NA, order), embed(x, order + 1L) %*% c(1, -arc)) else x
    if (ists) resid <- ts(resid, start = xtsp[1L], end = xtsp[2L], frequency = xtsp[3L])
    res <- list(order = order, ar = arc, var.pred = var.pred, x.mean = x.mean, aic = xaic,
                n.used = n.used, n.obs = n.used, order.max = order.max, partialacf = partialacf,
                resid = resid, method = if (var.method == 1L) "Burg" else "Burg2", series = series,
                frequency = xfreq, call = match.call())
    if (order) {
        xacf <- acf(x, type = "covariance", lag.max = order, plot = FALSE)$acf
        res$asy.var.coef <- solve(toeplitz(drop(xacf)[seq_len(order)])) * var.pred / n.used
    }
    class(res) <- "ar"
    res
}
