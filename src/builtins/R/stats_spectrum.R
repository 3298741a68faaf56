# Spectral density estimation of time series: the (smoothed) periodogram, the autoregressive
# spectrum, the split-cosine-bell taper, and the kernel summaries they report.

## Estimates the spectral density of a time series: by the periodogram (method "pgram") or
## from a fitted autoregression (method "ar"). Returns a "spec" object (plotted when plot = TRUE).
spectrum <- function(x, ..., method = c("pgram", "ar")) {
    switch(match.arg(method),
           pgram = spec.pgram(x, ...),
           ar = {
               sp <- spec.ar(x, ...)
               sp$series <- deparse1(substitute(x))
               ## plotted spectra are returned invisibly, as spec.ar does
               if (isFALSE(list(...)$plot)) sp else invisible(sp)
           })
}

## The raw or (with spans or kernel) smoothed periodogram of a univariate or multivariate
## series, after detrending and tapering; squared coherencies and phases between series.
spec.pgram <- function(x, spans = NULL, kernel = NULL, taper = 0.1, pad = 0, fast = TRUE,
                       demean = FALSE, detrend = TRUE, plot = TRUE, na.action = na.fail, ...) {
    series <- deparse1(substitute(x))
    x <- na.action(as.ts(x))
    fr <- frequency(x)
    x <- as.matrix(x)
    n0 <- nrow(x)
    ns <- ncol(x)
    if (!is.null(spans))
        kernel <- if (is.tskernel(spans)) spans else kernel("modified.daniell", spans %/% 2)
    if (!is.null(kernel) && !is.tskernel(kernel)) stop("must specify 'spans' or a valid kernel")
    if (detrend) {
        tt <- seq_len(n0) - (n0 + 1) / 2
        st2 <- n0 * (n0^2 - 1) / 12
        for (i in seq_len(ns)) x[, i] <- x[, i] - mean(x[, i]) - sum(x[, i] * tt) * tt / st2
    } else if (demean) {
        for (i in seq_len(ns)) x[, i] <- x[, i] - mean(x[, i])
    }
    x <- spec.taper(x, taper)
    u2 <- 1 - (5 / 8) * taper * 2
    u4 <- 1 - (93 / 128) * taper * 2
    n <- n0
    if (pad > 0) {
        x <- rbind(x, matrix(0, nrow = n * pad, ncol = ns))
        n <- nrow(x)
    }
    nn <- if (fast) nextn(n) else n
    if (nn > n) x <- rbind(x, matrix(0, nrow = nn - n, ncol = ns))
    n <- nrow(x)
    nspec <- floor(n / 2)
    freq <- seq.int(from = fr / n, by = fr / n, length.out = nspec)
    xf <- mvfft(x)
    cross <- function(i, j) {
        p <- xf[, i] * Conj(xf[, j]) / (n0 * fr)
        p[1L] <- 0.5 * (p[2L] + p[n])
        if (!is.null(kernel))
            p <- complex(real = kernapply(Re(p), kernel, circular = TRUE),
                         imaginary = kernapply(Im(p), kernel, circular = TRUE))
        p[2:(nspec + 1L)]
    }
    if (!is.null(kernel)) {
        df <- df.kernel(kernel)
        bw <- bandwidth.kernel(kernel)
    } else {
        df <- 2
        bw <- sqrt(1 / 12)
    }
    df <- df / (u4 / u2^2) * (n0 / n)
    bw <- bw * fr / n
    spec <- matrix(NA_real_, nspec, ns)
    for (i in seq_len(ns)) spec[, i] <- Re(cross(i, i))
    coh <- phase <- NULL
    if (ns > 1L) {
        coh <- phase <- matrix(NA_real_, nspec, ns * (ns - 1) / 2)
        for (j in 2:ns) for (i in seq_len(j - 1L)) {
            p <- cross(i, j)
            k <- i + (j - 1) * (j - 2) / 2
            coh[, k] <- Mod(p)^2 / (spec[, i] * spec[, j])
            phase[, k] <- Arg(p)
        }
    }
    spec <- drop(spec / u2)
    out <- structure(list(freq = freq, spec = spec, coh = coh, phase = phase, kernel = kernel,
                          df = df, bandwidth = bw, n.used = n, orig.n = n0, series = series,
                          snames = colnames(x),
                          method = if (is.null(kernel)) "Raw Periodogram" else "Smoothed Periodogram",
                          taper = taper, pad = pad, detrend = detrend, demean = demean),
                     class = "spec")
    if (plot) {
        plot(out, ...)
        invisible(out)
    } else out
}

## Applies a split cosine bell taper to the proportion p at each end of each column of x.
spec.taper <- function(x, p = 0.1) {
    if (any(p < 0) || any(p > 0.5)) stop("'p' must be between 0 and 0.5")
    at <- attributes(x)
    x <- as.matrix(x)
    nc <- ncol(x)
    if (length(p) == 1L) p <- rep(p, nc)
    else if (length(p) != nc) stop("length of 'p' must be 1 or equal the number of columns of 'x'")
    nr <- nrow(x)
    for (i in seq_len(nc)) {
        m <- floor(nr * p[i])
        if (m == 0) next
        w <- 0.5 * (1 - cos(pi * seq.int(1, 2 * m - 1, by = 2) / (2 * m)))
        x[, i] <- c(w, rep_len(1, nr - 2 * m), rev(w)) * x[, i]
    }
    attributes(x) <- at
    x
}

## The spectral density of an autoregression fitted to x (or of an ar() fit) at n.freq
## frequencies from 0 to half the sampling frequency.
spec.ar <- function(x, n.freq, order = NULL, plot = TRUE, na.action = na.fail,
                    method = "yule-walker", ...) {
    if (!is.list(x)) {
        series <- deparse1(substitute(x))
        x <- na.action(as.ts(x))
        fr <- frequency(x)
        ns <- NCOL(x)
        x <- ar(x, is.null(order), order, na.action = na.action, method = method)
    } else {
        if (anyNA(match(c("ar", "var.pred", "order"), names(x))))
            stop("'x' must be a time series or an ar() fit")
        series <- x$series
        fr <- x$frequency
        ns <- if (is.array(x$ar)) dim(x$ar)[2L] else 1
    }
    if (ns != 1) stop("multivariate AR spectra are not supported")
    ord <- x$order
    if (missing(n.freq)) n.freq <- 500
    freq <- seq.int(0, 0.5, length.out = n.freq)
    vp <- as.vector(x$var.pred)
    spec <- if (ord >= 1) {
        ang <- 2 * pi * outer(freq, seq_len(ord))
        cs <- cos(ang) %*% x$ar
        sn <- sin(ang) %*% x$ar
        vp / (fr * ((1 - cs)^2 + sn^2))
    } else rep.int(vp / fr, length(freq))
    out <- structure(list(freq = freq * fr, spec = spec, coh = NULL, phase = NULL,
                          n.used = nrow(x), series = series,
                          method = paste0("AR (", ord, ") spectrum ")), class = "spec")
    if (plot) {
        plot(out, ci = 0, ...)
        invisible(out)
    } else out
}

## The equivalent degrees of freedom of a smoothing kernel.
df.kernel <- function(k) {
    i <- -k$m:k$m
    2 / sum(k[i]^2)
}

## The bandwidth of a smoothing kernel (its standard deviation, with the 1/12 of a unit bin).
bandwidth.kernel <- function(k) {
    i <- -k$m:k$m
    sqrt(sum((1 / 12 + i^2) * k[i]))
}

## Autoregression of a univariate series by ordinary least squares on its lagged values (with
## an intercept when demeaned), the order chosen by AIC. Class "ar", method "Unconstrained LS".
ar.ols <- function(x, aic = TRUE, order.max = NULL, na.action = na.fail, demean = TRUE,
                   intercept = demean, series = NULL, ...) {
    if (is.null(series)) series <- deparse1(substitute(x))
    ists <- is.ts(x)
    x <- na.action(as.ts(x))
    if (anyNA(x)) stop("NAs in 'x'")
    if (ists) xtsp <- tsp(x)
    fr <- frequency(x)
    if (NCOL(x) > 1L) stop("multivariate least-squares autoregressions are not supported")
    xv <- as.double(x)
    n <- length(xv)
    sc <- sqrt(var(xv))
    if (sc == 0) sc <- 1
    xv <- xv / sc
    order.max <- if (is.null(order.max)) min(n - 1L, floor(10 * log10(n))) else round(order.max)
    if (order.max < 0L) stop("'order.max' must be >= 0")
    if (order.max >= n) stop("'order.max' must be < 'n.used'")
    lo <- if (aic) 0L else order.max
    xm <- if (demean) mean(xv) else 0
    xv <- xv - xm
    fits <- vector("list", order.max - lo + 1L)
    crit <- rep.int(Inf, length(fits))
    design <- function(y, m) {
        ones <- matrix(1, nrow(y), 1L)
        if (!m) return(if (intercept) ones else matrix(0, nrow(y), 0L))
        lags <- y[, -1L, drop = FALSE]
        if (intercept) cbind(ones, lags) else lags
    }
    for (m in lo:order.max) {
        y <- embed(xv, m + 1L)
        X <- design(y, m)
        XX <- crossprod(X)
        if (ncol(XX) && qr(XX)$rank != ncol(XX)) {
            warning(paste("model order: ", m, "singularities in the computation of the projection matrix",
                          "results are only valid up to model order", m - 1L), domain = NA)
            break
        }
        P <- if (ncol(XX)) solve(XX) else XX
        a <- drop(crossprod(y[, 1L], X) %*% P)
        e <- if (ncol(X)) y[, 1L] - drop(X %*% a) else y[, 1L]
        v <- sum(e^2) / nrow(y)
        fits[[m - lo + 1L]] <- list(a = a, e = e, v = v, se = sqrt(diag(P) * v))
        crit[m - lo + 1L] <- n * log(max(0, v)) + 2 * (m + intercept)
    }
    m <- if (aic) which.max(crit == min(crit)) + lo - 1L else order.max
    f <- fits[[m - lo + 1L]]
    a <- f$a
    se <- f$se
    if (intercept) {
        xint <- a[1L] * sc
        a <- a[-1L]
        sem <- se[1L] * sc
        se <- se[-1L]
    } else {
        xint <- NULL
        sem <- 0
    }
    resid <- c(rep(NA, m), f$e) * sc
    if (ists) resid <- ts(resid, start = xtsp[1L], end = xtsp[2L], frequency = xtsp[3L])
    mc <- min(crit)
    crit <- setNames(if (is.finite(mc)) crit - mc else ifelse(crit == mc, 0, Inf), lo:order.max)
    structure(list(order = m, ar = array(a, c(m, 1L, 1L)), var.pred = f$v * sc^2, x.mean = xm * sc,
                   x.intercept = xint, aic = crit, n.used = n, n.obs = n, order.max = order.max,
                   partialacf = NULL, resid = resid, method = "Unconstrained LS", series = series,
                   frequency = fr, call = match.call(),
                   asy.se.coef = list(x.mean = sem, ar = se)), class = "ar")
}
