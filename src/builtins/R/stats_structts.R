## The log likelihood of a state-space model (a list with Z, a, P, T, V, h, Pn) for the
## series y by the Kalman filter: list(Lik, s2); the variance is propagated after step nit.
KalmanLike <- function(y, mod, nit = 0L, update = FALSE) {
    r <- .kalman_filter(as.double(y), mod, nit, FALSE)
    v <- r$values
    out <- list(Lik = 0.5 * (log(v[1L]) + v[2L]), s2 = v[1L])
    if (update) attr(out, "mod") <- .kalman_updated(mod, r)
    out
}

## The Kalman filter run over y: values c(Lik, s2), standardized residuals and the
## filtered states (a matrix, one column per state).
KalmanRun <- function(y, mod, nit = 0L, update = FALSE) {
    r <- .kalman_filter(as.double(y), mod, nit, TRUE)
    v <- r$values
    out <- list(values = c(Lik = 0.5 * (log(v[1L]) + v[2L]), s2 = v[1L]), resid = r$resid, states = r$states)
    if (update) attr(out, "mod") <- .kalman_updated(mod, r)
    out
}

## Fixed-interval smoothing of a state-space model: list(smooth, var), var an
## n x p x p array.
KalmanSmooth <- function(y, mod, nit = 0L) .kalman_smooth(as.double(y), mod, as.integer(nit))

## Forecasts from a state-space model n.ahead steps on: list(pred, var); with update the
## model carried forward is attribute "mod".
KalmanForecast <- function(n.ahead = 10L, mod, update = FALSE) {
    r <- .kalman_forecast(as.integer(n.ahead), mod)
    out <- list(pred = r$pred, var = r$var)
    if (update) {
        mod$a <- r$a
        mod$P <- r$P
        attr(out, "mod") <- mod
    }
    out
}

## The model list with the state, its variance and the last one-step variance from a
## filter run (internal).
.kalman_updated <- function(mod, r) {
    mod$a <- r$a
    mod$P <- r$P
    mod$Pn <- r$Pn
    mod
}

## Fits a basic structural time-series model by maximum likelihood: a local level
## ("level"), a local linear trend ("trend") or a trend plus dummy seasonal ("BSM"),
## the variances estimated with optim's L-BFGS-B. Returns class "StructTS".
StructTS <- function(x, type = c("level", "trend", "BSM"), init = NULL, fixed = NULL, optim.control = NULL) {
    series <- deparse1(substitute(x))
    if (NCOL(x) > 1L) stop("only implemented for univariate time series")
    x <- as.ts(x)
    if (!is.numeric(x)) stop("'x' must be numeric")
    storage.mode(x) <- "double"
    if (is.na(x[1L])) stop("the first value of the time series must not be missing")
    type <- if (missing(type)) { if (frequency(x) > 1) "BSM" else "trend" } else match.arg(type)
    dim(x) <- NULL
    xtsp <- tsp(x)
    nf <- frequency(x)
    start <- if (is.na(x[1L])) mean(x, na.rm = TRUE) else x[1L]
    if (is.na(start)) stop("the series is entirely NA")
    ns <- switch(type, level = 1L, trend = 2L, BSM = nf + 1L)
    if (type == "BSM" && nf <= 1L) stop("frequency must be a positive integer >= 2 for BSM")
    Tm <- matrix(0, ns, ns)
    Tm[1L, 1L] <- 1
    if (ns > 1L) Tm[1L:2L, 2L] <- 1
    Zv <- c(1, numeric(ns - 1L))
    if (type == "BSM") {
        Tm[3L, ] <- c(0, 0, rep(-1, nf - 1L))
        for (i in seq_len(nf - 2L)) Tm[i + 3L, i + 2L] <- 1
        Zv[3L] <- 1
    }
    np <- switch(type, level = 1L, trend = 2L, BSM = 3L)
    vx <- var(x, na.rm = TRUE) / 100
    mod <- list(Z = Zv, a = c(start, numeric(ns - 1L)), P = matrix(1e6 * vx, ns, ns), T = Tm,
                V = diag(c(rep(1, min(np, ns)), numeric(ns - min(np, ns))), ns), h = 1, Pn = matrix(0, ns, ns))
    if (is.null(fixed)) fixed <- rep(NA_real_, np + 1L)
    mask <- is.na(fixed)
    if (!any(mask)) stop("all parameters were fixed")
    cf <- fixed / vx
    init <- if (is.null(init)) rep(1, np + 1L) else init / vx
    nlik <- function(par) {
        p <- cf
        p[mask] <- par
        if (all(p == 0)) return(1000)
        m <- .structts_set_var(mod, p, np, vx)
        0.5 * sum(.kalman_filter(x, m, -1L, FALSE)$values)
    }
    res <- optim(init[mask], nlik, method = "L-BFGS-B", lower = rep(0, np + 1L), upper = rep(Inf, np + 1L),
                 control = optim.control)
    if (res$convergence > 0)
        warning(gettextf("possible convergence problem: 'optim' gave code = %d and message %s",
                         res$convergence, sQuote(res$message)), domain = NA)
    coef <- cf
    coef[mask] <- res$par
    mod <- .structts_set_var(mod, coef, np, vx)
    z <- KalmanRun(x, mod, -1, update = TRUE)
    resid <- ts(z$resid)
    tsp(resid) <- xtsp
    states <- z$states
    if (type == "BSM") states <- states[, 1L:3L]
    dimnames(states) <- list(time(x), switch(type, level = "level", trend = c("level", "slope"),
                                            BSM = c("level", "slope", "sea")))
    states <- ts(states, start = xtsp[1L], frequency = nf)
    coef <- pmax(coef * vx, 0)
    names(coef) <- switch(type, level = c("level", "epsilon"), trend = c("level", "slope", "epsilon"),
                          BSM = c("level", "slope", "seas", "epsilon"))
    n <- length(x)
    out <- list(coef = coef, loglik = -n * res$value - 0.5 * sum(!is.na(x)) * log(2 * pi),
                loglik0 = -n * res$value + n * log(2 * pi), data = x, residuals = resid, fitted = states,
                call = match.call(), series = series, code = res$convergence, model = attr(z, "mod"),
                model0 = mod, xtsp = xtsp)
    class(out) <- "StructTS"
    out
}

## The model with state variances p[1:np] * vx and observation variance p[np + 1] * vx
## (internal).
.structts_set_var <- function(mod, p, np, vx) {
    for (i in seq_len(np)) mod$V[i, i] <- p[i] * vx
    mod$h <- p[np + 1L] * vx
    mod
}

## Prints a structural model fit: the call and the estimated variances.
print.StructTS <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
    cat("\nCall:", deparse(x$call, width.cutoff = 75L), "", sep = "\n")
    cat("Variances:\n")
    print.default(x$coef, print.gap = 2L, digits = digits, ...)
    invisible(x)
}

## The filtered states of a structural model fit (a ts matrix).
fitted.StructTS <- function(object, ...) object$fitted

## The standardized one-step-ahead residuals of a structural model fit.
residuals.StructTS <- function(object, ...) object$residuals

## Forecasts from a structural model fit n.ahead steps on, with standard errors.
predict.StructTS <- function(object, n.ahead = 1L, se.fit = TRUE, ...) {
    tp <- object$xtsp
    z <- KalmanForecast(n.ahead, object$model)
    st <- tp[2L] + 1 / tp[3L]
    pred <- ts(z$pred, start = st, frequency = tp[3L])
    if (!se.fit) return(pred)
    list(pred = pred, se = ts(sqrt(z$var), start = st, frequency = tp[3L]))
}

## Smoothed states of a time-series model fit.
tsSmooth <- function(object, ...) UseMethod("tsSmooth")

## The fixed-interval smoothed states of a structural model (same columns as fitted()).
tsSmooth.StructTS <- function(object, ...) {
    sm <- KalmanSmooth(object$data, object$model0, -1)$smooth
    fv <- fitted(object)
    sm <- sm[, seq_len(ncol(fv)), drop = FALSE]
    dimnames(sm) <- dimnames(fv)
    ts(sm, start = object$xtsp[1L], frequency = object$xtsp[3L])
}

## Diagnostic plots of a time-series fit.
tsdiag <- function(object, gof.lag, ...) UseMethod("tsdiag")

## Three panels for a time-series fit: standardized residuals, their ACF and the p-values
## of Ljung-Box tests at lags 1..gof.lag. `scale` is the innovations' standard deviation.
.tsdiag_panels <- function(rs, scale, gof.lag) {
    op <- par(mfrow = c(3, 1))
    on.exit(par(op))
    plot(rs / scale, type = "h", main = "Standardized Residuals", ylab = "")
    abline(h = 0)
    ## the ACF panel as plot.acf draws it: spikes, zero line and the 95% white-noise bounds
    a <- acf(rs, plot = FALSE, na.action = na.pass)
    ci <- qnorm(0.975) / sqrt(a$n.used)
    plot(a$lag[, 1L, 1L], a$acf[, 1L, 1L], type = "h", main = "ACF of Residuals", xlab = "Lag", ylab = "ACF",
         ylim = range(c(a$acf[, 1L, 1L], -ci, ci)))
    abline(h = 0)
    abline(h = c(-ci, ci), lty = 2, col = "blue")
    pv <- vapply(seq_len(gof.lag), function(k) Box.test(rs, k, type = "Ljung-Box")$p.value, 0)
    plot(seq_len(gof.lag), pv, xlab = "lag", ylab = "p value", ylim = c(0, 1),
         main = "p values for Ljung-Box statistic")
    abline(h = 0.05, lty = 2, col = "blue")
    invisible(NULL)
}

## Diagnostic plots of an ARIMA fit.
tsdiag.Arima <- function(object, gof.lag = 10, ...)
    .tsdiag_panels(object$residuals, sqrt(object$sigma2), gof.lag)

## Diagnostic plots of an arima0 fit.
tsdiag.arima0 <- function(object, gof.lag = 10, ...)
    .tsdiag_panels(object$residuals, sqrt(object$sigma2), gof.lag)

## Diagnostic plots of a structural model fit (its residuals are already standardized).
tsdiag.StructTS <- function(object, gof.lag = 10, ...)
    .tsdiag_panels(object$residuals, 1, gof.lag)
