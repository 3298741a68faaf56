## Holt-Winters exponential smoothing (level, optional trend, optional additive or
## multiplicative season). Parameters left NULL are chosen to minimise the squared one-step
## prediction errors (L-BFGS-B from optim.start, or optimize for one). Class "HoltWinters".
HoltWinters <- function(x, alpha = NULL, beta = NULL, gamma = NULL, seasonal = c("additive", "multiplicative"), start.periods = 2, l.start = NULL, b.start = NULL, s.start = NULL, optim.start = c(alpha = 0.3, beta = 0.1, gamma = 0.1), optim.control = list()) {
    x <- as.ts(x)
    seasonal <- match.arg(seasonal)
    f <- frequency(x)
    if (!is.null(alpha) && (alpha == 0)) stop("cannot fit models without level ('alpha' must not be 0 or FALSE)")
    if (!is.null(abg <- c(alpha, beta, gamma)) && any(abg < 0 | abg > 1))
        stop("'alpha', 'beta' and 'gamma' must be within the unit interval")
    if (is.null(gamma) || gamma > 0) {
        if (seasonal == "multiplicative" && any(x == 0)) stop("data must be non-zero for multiplicative Holt-Winters")
        if (start.periods < 2) stop("need at least 2 periods to compute seasonal start values")
    }
    xv <- as.double(unclass(x))
    if (!is.null(gamma) && is.logical(gamma) && !gamma) {
        expsmooth <- !is.null(beta) && is.logical(beta) && !beta
        if (is.null(l.start)) l.start <- if (expsmooth) xv[1L] else xv[2L]
        if (is.null(b.start) && (is.null(beta) || !is.logical(beta) || beta)) b.start <- xv[2L] - xv[1L]
        start.time <- 3 - expsmooth
        s.start <- 0
    } else {
        start.time <- f + 1
        wind <- start.periods * f
        st <- decompose(ts(xv[1L:wind], start = start(x), frequency = f), seasonal)
        if (is.null(l.start) || is.null(b.start)) {
            dat <- as.vector(na.omit(as.vector(unclass(st$trend))))
            cf <- qr.coef(qr(cbind(1, seq_along(dat))), dat)
            if (is.null(l.start)) l.start <- cf[1L]
            if (is.null(b.start)) b.start <- cf[2L]
        }
        if (is.null(s.start)) s.start <- st$figure
    }
    lenx <- length(xv)
    len <- lenx - start.time + 1
    dotrend <- !is.logical(beta) || beta
    doseason <- !is.logical(gamma) || gamma
    hw <- function(alpha, beta, gamma)
        .holtwinters_core(xv, as.double(alpha), as.double(beta), as.double(gamma), start.time,
                          seasonal != "multiplicative", f, dotrend, doseason,
                          as.double(l.start)[1L], if (length(b.start)) as.double(b.start)[1L] else 0,
                          as.double(s.start))
    check <- function(sol) {
        if (sol$convergence || any(sol$par < 0 | sol$par > 1)) {
            if (sol$convergence > 50) warning(gettextf("optimization difficulties: %s", sol$message))
            else stop("optimization failure")
        }
        sol$par
    }
    box <- function(start, fn) check(optim(start, fn, method = "L-BFGS-B", lower = rep(0, length(start)), upper = rep(1, length(start)), control = optim.control))
    if (is.null(gamma)) {
        if (is.null(alpha)) {
            if (is.null(beta)) {
                p <- box(optim.start, function(p) hw(p[1L], p[2L], p[3L])$SSE)
                alpha <- p[1L]; beta <- p[2L]; gamma <- p[3L]
            } else {
                p <- box(c(optim.start["alpha"], optim.start["gamma"]), function(p) hw(p[1L], beta, p[2L])$SSE)
                alpha <- p[1L]; gamma <- p[2L]
            }
        } else if (is.null(beta)) {
            p <- box(c(optim.start["beta"], optim.start["gamma"]), function(p) hw(alpha, p[1L], p[2L])$SSE)
            beta <- p[1L]; gamma <- p[2L]
        } else gamma <- optimize(function(p) hw(alpha, beta, p)$SSE, lower = 0, upper = 1)$minimum
    } else {
        if (is.null(alpha)) {
            if (is.null(beta)) {
                p <- box(c(optim.start["alpha"], optim.start["beta"]), function(p) hw(p[1L], p[2L], gamma)$SSE)
                alpha <- p[1L]; beta <- p[2L]
            } else alpha <- optimize(function(p) hw(p, beta, gamma)$SSE, lower = 0, upper = 1)$minimum
        } else if (is.null(beta)) beta <- optimize(function(p) hw(alpha, p, gamma)$SSE, lower = 0, upper = 1)$minimum
    }
    fit <- hw(alpha, beta, gamma)
    lev <- fit$level[-len - 1]
    cols <- list(xhat = lev, level = lev)
    if (dotrend) cols$trend <- fit$trend[-len - 1]
    if (doseason) cols$season <- fit$seasonal[1L:len]
    m <- do.call(cbind, cols)
    if (dotrend) m[, 1] <- m[, 1] + m[, "trend"]
    if (doseason) m[, 1] <- if (seasonal == "multiplicative") m[, 1] * m[, "season"] else m[, 1] + m[, "season"]
    fitted <- ts(m, start = tsp(x)[1L] + (start.time - 1)/f, frequency = f)
    coefs <- c(a = fit$level[len + 1])
    if (dotrend) coefs <- c(coefs, b = fit$trend[len + 1])
    if (doseason) coefs <- c(coefs, setNames(fit$seasonal[len + 1L:f], paste0("s", 1L:f)))
    structure(list(fitted = fitted, x = x, alpha = alpha, beta = beta, gamma = gamma,
                   coefficients = coefs, seasonal = seasonal, SSE = fit$SSE, call = match.call()),
              class = "HoltWinters")
}

## Prints a Holt-Winters fit: its smoothing parameters and final coefficients.
print.HoltWinters <- function(x, ...) {
    nob <- is.logical(x$beta) && !x$beta
    cat("Holt-Winters exponential smoothing", if (nob) "without" else "with", "trend and",
        if (is.logical(x$gamma) && !x$gamma) "without" else paste0(if (nob) "with ", x$seasonal), "seasonal component.")
    cat("\n\nCall:\n", deparse(x$call), "\n\n", sep = "")
    cat("Smoothing parameters:\n")
    cat(" alpha: ", x$alpha, "\n", sep = "")
    cat(" beta : ", x$beta, "\n", sep = "")
    cat(" gamma: ", x$gamma, "\n\n", sep = "")
    cat("Coefficients:\n")
    print(t(t(x$coefficients)))
    invisible(x)
}

## One-step prediction errors of a Holt-Winters fit.
residuals.HoltWinters <- function(object, ...) object$x - object$fitted[, 1]

## Forecasts from a Holt-Winters fit (with prediction intervals when asked).
predict.HoltWinters <- function(object, n.ahead = 1L, prediction.interval = FALSE, level = 0.95, ...) {
    f <- frequency(object$x)
    dotrend <- !is.logical(object$beta) || object$beta
    doseason <- !is.logical(object$gamma) || object$gamma
    cf <- object$coefficients
    vars <- function(h) {
        psi <- function(j) object$alpha * (1 + j * object$beta) + (j %% f == 0) * object$gamma * (1 - object$alpha)
        r <- residuals(object)
        var(as.vector(unclass(r))) * if (object$seasonal == "additive") sum(1, (h > 1) * sapply(1L:(h - 1), function(j) crossprod(psi(j))))
        else {
            rel <- 1 + (h - 1) %% f
            sum(sapply(0:(h - 1), function(j) crossprod(psi(j) * cf[2 + rel]/cf[2 + (rel - j) %% f])))
        }
    }
    fit <- rep(as.vector(cf[1L]), n.ahead)
    if (dotrend) fit <- fit + as.vector((1L:n.ahead) * cf[2L])
    if (doseason) {
        s <- as.vector(cf[-(1L:(1 + dotrend))])
        fit <- if (object$seasonal == "additive") fit + rep(s, length.out = n.ahead) else fit * rep(s, length.out = n.ahead)
    }
    ftsp <- tsp(object$fitted)
    st <- ftsp[2L] + 1/ftsp[3L]
    if (prediction.interval) {
        int <- qnorm((1 + level)/2) * sqrt(sapply(1L:n.ahead, vars))
        ts(cbind(fit = fit, upr = fit + int, lwr = fit - int), start = st, frequency = ftsp[3L])
    } else ts(cbind(fit = fit), start = st, frequency = ftsp[3L])
}

## Autoregressive model fitting by the Yule-Walker (default) or Burg methods.
ar <- function(x, aic = TRUE, order.max = NULL, method = c("yule-walker", "burg", "ols", "mle", "yw"), na.action = na.fail, series = deparse(substitute(x)), ...) {
    method <- match.arg(method)
    if (!(method %in% c("yule-walker", "yw", "burg", "ols"))) stop(gettextf("method '%s' is not available", method))
    res <- if (method == "ols") ar.ols(x, aic = aic, order.max = order.max, na.action = na.action, series = series, ...)
           else if (method == "burg") ar.burg(x, aic = aic, order.max = order.max, na.action = na.action, series = series, ...)
           else ar.yw(x, aic = aic, order.max = order.max, na.action = na.action, series = series, ...)
    res$call <- match.call()
    res
}

## Yule-Walker autoregression of a univariate series: orders up to order.max by the
## Levinson-Durbin recursion, the order chosen by AIC. Class "ar".
ar.yw <- function(x, aic = TRUE, order.max = NULL, na.action = na.fail, demean = TRUE, series = NULL, ...) {
    if (is.null(series)) series <- deparse(substitute(x))
    ists <- is.ts(x)
    x <- na.action(as.ts(x))
    if (ists) xtsp <- tsp(x)
    xfreq <- frequency(x)
    if (NCOL(x) > 1) stop("multivariate Yule-Walker fits are not supported")
    xv <- as.vector(unclass(x))
    xm <- if (demean) mean(xv, na.rm = TRUE) else 0
    xv <- xv - xm
    n.used <- length(xv)
    n.obs <- sum(!is.na(xv))
    order.max <- if (is.null(order.max)) min(n.obs - 1L, floor(10 * log10(n.obs))) else floor(order.max)
    if (order.max < 1L) stop("'order.max' must be >= 1")
    else if (order.max >= n.obs) stop("'order.max' must be < 'n.obs'")
    r <- as.double(drop(acf(xv, type = "covariance", lag.max = order.max, plot = FALSE, demean = demean, na.action = na.pass)$acf))
    if (r[1L] == 0) stop("zero-variance series")
    coefs <- matrix(0, order.max, order.max)
    vars <- numeric(order.max)
    v <- r[1L]
    prev <- numeric(0)
    for (k in seq_len(order.max)) {
        kk <- (r[k + 1L] - sum(prev * r[k:2])) / v
        cur <- c(prev - kk * rev(prev), kk)
        v <- v * (1 - kk^2)
        coefs[k, seq_len(k)] <- cur
        vars[k] <- v
        prev <- cur
    }
    partialacf <- array(diag(coefs), dim = c(order.max, 1L, 1L))
    var.pred <- c(r[1L], vars)
    xaic <- n.obs * log(var.pred) + 2 * (0L:order.max) + 2 * demean
    xaic <- setNames(xaic - min(xaic), 0L:order.max)
    order <- if (aic) (0L:order.max)[xaic == 0L] else order.max
    arc <- if (order) coefs[order, seq_len(order)] else numeric()
    var.pred <- var.pred[order + 1L] * n.obs/(n.obs - (order + 1L))
    resid <- if (order) c(rep.int(NA, order), embed(xv, order + 1L) %*% c(1, -arc)) else xv
    if (ists) resid <- ts(resid, start = xtsp[1L], end = xtsp[2L], frequency = xtsp[3L])
    res <- list(order = order, ar = arc, var.pred = var.pred, x.mean = xm, aic = xaic, n.used = n.used,
                n.obs = n.obs, order.max = order.max, partialacf = partialacf, resid = resid,
                method = "Yule-Walker", series = series, frequency = xfreq, call = match.call())
    if (order) res$asy.var.coef <- var.pred/n.obs * solve(toeplitz(r[seq_len(order)]))
    class(res) <- "ar"
    res
}

## Prints an autoregression fit: coefficients, order and innovations variance.
print.ar <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
    cat("\nCall:\n", deparse(x$call), "\n\n", sep = "")
    if (x$order) {
        cat("Coefficients:\n")
        coef <- round(drop(x$ar), digits = digits)
        names(coef) <- seq_len(x$order)
        print.default(coef, print.gap = 2L)
    }
    if (!is.null(xint <- x$x.intercept) && !is.na(xint))
        cat("\nIntercept: ", format(xint, digits = digits), " (",
            format(x$asy.se.coef$x.mean, digits = digits), ") ", "\n", sep = "")
    cat("\nOrder selected", x$order, " sigma^2 estimated as ", format(x$var.pred, digits = digits))
    cat("\n")
    invisible(x)
}

## Forecasts from an autoregression fit, with standard errors.
predict.ar <- function(object, newdata, n.ahead = 1L, se.fit = TRUE, ...) {
    if (n.ahead < 1L) stop("'n.ahead' must be at least 1")
    if (missing(newdata)) newdata <- eval.parent(parse(text = object$series)[[1L]])
    ar <- object$ar
    p <- object$order
    nd <- as.ts(newdata)
    st <- tsp(nd)[2L]
    xfreq <- frequency(nd)
    dt <- 1/xfreq
    v <- as.vector(unclass(newdata))
    n <- length(v)
    x <- c(v - object$x.mean, rep.int(0, n.ahead))
    if (p) {
        for (i in seq_len(n.ahead)) x[n + i] <- sum(ar * x[n + i - seq_len(p)])
        pred <- x[n + seq_len(n.ahead)]
        psi <- numeric(n.ahead - 1L)
        for (i in seq_len(n.ahead - 1L)) {
            s <- if (i <= p) ar[i] else 0
            for (j in seq_len(min(i - 1L, p))) s <- s + ar[j] * psi[i - j]
            psi[i] <- s
        }
        se <- sqrt(object$var.pred * cumsum(c(1, psi^2)))[seq_len(n.ahead)]
    } else {
        pred <- rep.int(0, n.ahead)
        se <- rep.int(sqrt(object$var.pred), n.ahead)
    }
    pred <- ts(pred + object$x.mean, start = st + dt, frequency = xfreq)
    if (se.fit) list(pred = pred, se = ts(se, start = st + dt, frequency = xfreq)) else pred
}

## Seasonal decomposition of a time series by loess (STL). s.window = "periodic" makes the
## seasonal component the same in every cycle. Class "stl" with the components in
## time.series (seasonal, trend, remainder).
stl <- function(x, s.window, s.degree = 0, t.window = NULL, t.degree = 1, l.window = nextodd(period), l.degree = t.degree, s.jump = ceiling(s.window/10), t.jump = ceiling(t.window/10), l.jump = ceiling(l.window/10), robust = FALSE, inner = if (robust) 1 else 2, outer = if (robust) 15 else 0, na.action = na.fail) {
    nextodd <- function(x) {
        x <- round(x)
        if (x %% 2 == 0) x <- x + 1
        as.integer(x)
    }
    deg.check <- function(deg, name) {
        deg <- as.integer(deg)
        if (deg < 0 || deg > 1) stop(gettextf("%s must be 0 or 1", name))
        deg
    }
    x <- na.action(as.ts(x))
    if (is.matrix(x)) stop("only univariate series are allowed")
    n <- length(x)
    period <- frequency(x)
    if (period < 2 || n <= 2 * period) stop("series is not periodic or has less than two periods")
    periodic <- FALSE
    if (is.character(s.window)) {
        if (!startsWith("periodic", s.window)) stop("unknown string value for s.window")
        periodic <- TRUE
        s.window <- 10 * n + 1
        s.degree <- 0
    }
    s.degree <- deg.check(s.degree, "s.degree")
    t.degree <- deg.check(t.degree, "t.degree")
    l.degree <- deg.check(l.degree, "l.degree")
    if (is.null(t.window)) t.window <- nextodd(ceiling(1.5 * period/(1 - 1.5/s.window)))
    xv <- as.double(unclass(x))
    z <- .stl_core(xv, period, s.window, t.window, l.window, s.degree, t.degree, l.degree,
                   s.jump, t.jump, l.jump, inner, outer)
    if (periodic) {
        cyc <- as.vector(unclass(cycle(x)))
        z$seasonal <- as.vector(tapply(z$seasonal, cyc, mean))[cyc]
    }
    remainder <- xv - z$seasonal - z$trend
    y <- cbind(seasonal = z$seasonal, trend = z$trend, remainder = remainder)
    res <- list(time.series = ts(y, start = tsp(x)[1L], frequency = period), weights = z$weights,
                call = match.call(), win = c(s = s.window, t = t.window, l = l.window),
                deg = c(s = s.degree, t = t.degree, l = l.degree),
                jump = c(s = s.jump, t = t.jump, l = l.jump), inner = as.integer(inner), outer = as.integer(outer))
    class(res) <- "stl"
    res
}

## Prints an STL decomposition: the call and the components.
print.stl <- function(x, ...) {
    cat(" Call:\n ")
    print(x$call)
    cat("\nComponents\n")
    print(x$time.series, ...)
    invisible(x)
}

## Summarises an STL decomposition (printing as it goes): the call, summaries of the
## components, their interquartile ranges as a percentage of the data's, the robustness
## weights and the other settings.
summary.stl <- function(object, digits = getOption("digits"), ...) {
    cat(" Call:\n ")
    dput(object$call, control = NULL)
    cat("\n Time.series components:\n")
    print(summary(object$time.series, digits = digits, ...))
    cat(" IQR:\n")
    comp <- object$time.series
    iqr <- apply(cbind(STL = comp, data = comp %*% rep(1, 3)), 2L, IQR)
    pct <- format(round(100 * iqr / iqr["data"], 1))
    print(rbind(format(iqr, digits = max(2L, digits - 3L)), "   %" = pct), quote = FALSE)
    cat("\n Weights:")
    if (all(object$weights == 1)) cat(" all == 1\n")
    else {
        cat("\n")
        print(summary(object$weights, digits = digits, ...))
    }
    cat("\n Other components: ")
    str(object[-(1L:3)], give.attr = FALSE)
    invisible(object)
}
