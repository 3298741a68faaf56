## A state-space model for an ARIMA process (as R's makeARIMA): list(phi, theta, Delta, Z,
## a, P, T, V, h, Pn), with the stationary prior variance of the ARMA state and kappa for
## the differenced part.
makeARIMA <- function(phi, theta, Delta, kappa = 1e6, SSinit = c("Gardner1980", "Rossignol2011"), tol = .Machine$double.eps) {
    if (anyNA(phi)) warning("NAs in 'phi'")
    if (anyNA(theta)) warning("NAs in 'theta'")
    p <- length(phi)
    q <- length(theta)
    r <- max(p, q + 1L)
    d <- length(Delta)
    rd <- r + d
    Z <- c(1, rep.int(0, r - 1L), Delta)
    T <- matrix(0, rd, rd)
    if (p > 0) T[1L:p, 1L] <- phi
    if (r > 1L) for (i in 2:r) T[i - 1L, i] <- 1
    if (d > 0L) {
        T[r + 1L, ] <- Z
        if (d > 1L) for (i in r + 2:d) T[i, i - 1L] <- 1
    }
    if (q < r - 1L) theta <- c(theta, rep.int(0, r - 1L - q))
    R <- c(1, theta, rep.int(0, d))
    V <- R %o% R
    Pn <- P <- matrix(0, rd, rd)
    Pn[1L:r, 1L:r] <- .arima_q0(as.double(phi), as.double(theta))
    if (d > 0L) for (i in r + 1L:d) Pn[i, i] <- kappa
    list(phi = phi, theta = theta, Delta = Delta, Z = Z, a = rep(0, rd), P = P, T = T, V = V, h = 0, Pn = Pn)
}

## Fits an ARIMA(p,d,q)(P,D,Q)[s] model by conditional sum of squares then exact maximum
## likelihood through a Kalman filter (method "CSS-ML"), or either alone. Returns class
## "Arima" with coef, sigma2, var.coef, loglik, aic, residuals, model, ...
arima <- function(x, order = c(0L, 0L, 0L), seasonal = list(order = c(0L, 0L, 0L), period = NA), xreg = NULL, include.mean = TRUE, transform.pars = TRUE, fixed = NULL, init = NULL, method = c("CSS-ML", "ML", "CSS"), n.cond, SSinit = c("Gardner1980", "Rossignol2011"), optim.method = "BFGS", optim.control = list(), kappa = 1e6) {
    SSinit <- match.arg(SSinit)
    series <- paste(deparse(substitute(x)), collapse = " ")
    xreg.name <- paste(deparse(substitute(xreg)), collapse = " ")
    method <- match.arg(method)
    if (NCOL(x) > 1L) stop("only implemented for univariate time series")
    x <- as.ts(x)
    if (!is.numeric(x)) stop("'x' must be numeric")
    xtsp <- tsp(x)
    x <- as.double(unclass(x))
    n <- length(x)
    if (!missing(order) && (!is.numeric(order) || length(order) != 3L || any(order < 0)))
        stop("'order' must be a non-negative numeric vector of length 3")
    if (!missing(seasonal)) {
        if (is.list(seasonal)) {
            if (is.null(seasonal$order)) stop("'seasonal' must be a list with component 'order'")
            if (!is.numeric(seasonal$order) || length(seasonal$order) != 3L || any(seasonal$order < 0L))
                stop("'seasonal$order' must be a non-negative numeric vector of length 3")
        } else if (is.numeric(seasonal) && length(seasonal) == 3L) seasonal <- list(order = seasonal)
        else stop("'seasonal' must be a list with component 'order'")
    }
    if (is.null(seasonal$period) || is.na(seasonal$period) || seasonal$period == 0) seasonal$period <- xtsp[3L]
    arma <- as.integer(c(order[-2L], seasonal$order[-2L], seasonal$period, order[2L], seasonal$order[2L]))
    narma <- sum(arma[1L:4L])
    Delta <- 1
    for (i in seq_len(order[2L])) Delta <- .poly_mul(Delta, c(1, -1))
    for (i in seq_len(seasonal$order[2L])) Delta <- .poly_mul(Delta, c(1, rep.int(0, seasonal$period - 1), -1))
    Delta <- -Delta[-1L]
    nd <- order[2L] + seasonal$order[2L]
    n.used <- sum(!is.na(x)) - length(Delta)
    if (is.null(xreg)) ncxreg <- 0L
    else {
        if (NROW(xreg) != n) stop("lengths of 'x' and 'xreg' do not match")
        ncxreg <- NCOL(xreg)
        xreg <- as.matrix(xreg)
        storage.mode(xreg) <- "double"
        attr(xreg, "tsp") <- NULL
        class(xreg) <- NULL
        if (is.null(colnames(xreg))) colnames(xreg) <- if (ncxreg == 1L) xreg.name else paste0(xreg.name, 1L:ncxreg)
    }
    if (include.mean && nd == 0L) {
        xreg <- if (is.null(xreg)) matrix(1, n, 1L, dimnames = list(NULL, "intercept"))
                else cbind(intercept = rep(1, n), xreg)
        ncxreg <- ncxreg + 1L
    }
    if (method == "CSS-ML" && (anyNA(x) || (ncxreg && anyNA(xreg)))) method <- "ML"
    if (method == "CSS" || method == "CSS-ML") {
        ncond <- order[2L] + seasonal$order[2L] * seasonal$period
        ncond1 <- order[1L] + seasonal$period * seasonal$order[1L]
        ncond <- ncond + if (!missing(n.cond)) max(n.cond, ncond1) else ncond1
    } else ncond <- 0
    if (is.null(fixed)) fixed <- rep(NA_real_, narma + ncxreg)
    else if (length(fixed) != narma + ncxreg) stop("wrong length for 'fixed'")
    mask <- is.na(fixed)
    no.optim <- !any(mask)
    if (no.optim) transform.pars <- FALSE
    if (transform.pars) {
        ind <- arma[1L] + arma[2L] + seq_len(arma[3L])
        if (any(!mask[seq_len(arma[1L])]) || any(!mask[ind])) {
            warning("some AR parameters were fixed: setting transform.pars = FALSE")
            transform.pars <- FALSE
        }
    }
    init0 <- rep.int(0, narma)
    parscale <- rep(1, narma)
    orig.xreg <- TRUE
    if (ncxreg) {
        cn <- colnames(xreg)
        orig.xreg <- (ncxreg == 1L) || any(!mask[narma + 1L:ncxreg])
        if (!orig.xreg) {
            S <- svd(na.omit(xreg))
            xreg <- xreg %*% S$v
        }
        dx <- x
        dxreg <- xreg
        if (order[2L] > 0L) {
            dx <- diff(dx, 1L, order[2L])
            dxreg <- diff(dxreg, 1L, order[2L])
        }
        if (seasonal$period > 1L && seasonal$order[2L] > 0) {
            dx <- diff(dx, seasonal$period, seasonal$order[2L])
            dxreg <- diff(dxreg, seasonal$period, seasonal$order[2L])
        }
        fit <- if (length(dx) > ncol(dxreg)) lm(dx ~ dxreg - 1, na.action = na.omit) else list(rank = 0L)
        if (fit$rank == 0L) fit <- lm(x ~ xreg - 1, na.action = na.omit)
        isna <- is.na(x) | apply(xreg, 1L, anyNA)
        n.used <- sum(!isna) - length(Delta)
        init0 <- c(init0, unname(coef(fit)))
        ses <- unname(summary(fit)$coefficients[, 2L])
        parscale <- c(parscale, 10 * ses)
    }
    if (n.used <= 0) stop("too few non-missing observations")
    ar.ok <- function(ar) {
        nz <- which(c(1, -ar) != 0)
        p <- max(nz) - 1
        if (!p) return(TRUE)
        all(.poly_roots_mod(c(1, -ar[1L:p])) > 1)
    }
    if (!is.null(init)) {
        if (length(init) != length(init0)) stop("'init' is of the wrong length")
        if (any(ind <- is.na(init))) init[ind] <- init0[ind]
        if (method == "ML") {
            if (arma[1L] > 0 && !ar.ok(init[1L:arma[1L]])) stop("non-stationary AR part")
            if (arma[3L] > 0 && !ar.ok(init[sum(arma[1L:2L]) + 1L:arma[3L]])) stop("non-stationary seasonal AR part")
            if (transform.pars) init <- .arima_invtrans(as.double(init), arma)
        }
    } else init <- init0
    coef <- as.double(fixed)
    if (!("parscale" %in% names(optim.control))) optim.control$parscale <- parscale[mask]
    css.fn <- function(p) {
        par <- as.double(fixed)
        par[mask] <- p
        tr <- .arima_transpars(par, arma, FALSE)
        xx <- if (ncxreg > 0) x - xreg %*% par[narma + (1L:ncxreg)] else x
        0.5 * log(.arima_css(as.double(xx), arma, tr[[1L]], tr[[2L]], as.integer(ncond))$sigma2)
    }
    ml.fn <- function(p, trans) {
        par <- coef
        par[mask] <- p
        tr <- .arima_transpars(par, arma, trans)
        Z <- tryCatch(makeARIMA(tr[[1L]], tr[[2L]], Delta, kappa), error = function(e) NULL)
        if (is.null(Z)) return(.Machine$double.xmax)
        xx <- if (ncxreg > 0) x - xreg %*% par[narma + (1L:ncxreg)] else x
        s <- .arima_like(as.double(xx), Z, 0L, FALSE)$stats
        0.5 * (log(s[1L]/s[3L]) + s[2L]/s[3L])
    }
    run.ss <- function(xx, mod) {
        r <- .arima_like(as.double(xx), mod, 0L, TRUE)
        mod$a <- r$a
        mod$P <- r$P
        mod$Pn <- r$Pn
        list(stats = r$stats, resid = r$resid, mod = mod)
    }
    if (method == "CSS") {
        res <- if (no.optim) list(convergence = 0L, par = numeric(), value = css.fn(numeric()))
               else optim(init[mask], css.fn, method = optim.method, hessian = TRUE, control = optim.control)
        if (res$convergence > 0) warning(gettextf("possible convergence problem: optim gave code = %d", res$convergence))
        coef[mask] <- res$par
        tr <- .arima_transpars(coef, arma, FALSE)
        mod <- makeARIMA(tr[[1L]], tr[[2L]], Delta, kappa)
        xx <- if (ncxreg > 0) x - xreg %*% coef[narma + (1L:ncxreg)] else x
        mod <- run.ss(xx, mod)$mod
        val <- .arima_css(as.double(xx), arma, tr[[1L]], tr[[2L]], as.integer(ncond))
        sigma2 <- val$sigma2
        resid <- val$resid
        var <- if (no.optim) numeric() else solve(res$hessian * n.used)
    } else {
        if (method == "CSS-ML") {
            res <- if (no.optim) list(convergence = 0L, par = numeric(), value = css.fn(numeric()))
                   else optim(init[mask], css.fn, method = optim.method, hessian = FALSE, control = optim.control)
            if (res$convergence == 0) init[mask] <- res$par
            if (arma[1L] > 0 && !ar.ok(init[1L:arma[1L]])) stop("non-stationary AR part from CSS")
            if (arma[3L] > 0 && !ar.ok(init[sum(arma[1L:2L]) + 1L:arma[3L]])) stop("non-stationary seasonal AR part from CSS")
            ncond <- 0L
        }
        if (transform.pars) {
            init <- .arima_invtrans(as.double(init), arma)
            if (arma[2L] > 0) {
                ind <- arma[1L] + 1L:arma[2L]
                init[ind] <- .ma_invert(init[ind])
            }
            if (arma[4L] > 0) {
                ind <- sum(arma[1L:3L]) + 1L:arma[4L]
                init[ind] <- .ma_invert(init[ind])
            }
        }
        res <- if (no.optim) list(convergence = 0, par = numeric(), value = ml.fn(numeric(), as.logical(transform.pars)))
               else optim(init[mask], ml.fn, method = optim.method, hessian = TRUE, control = optim.control, trans = as.logical(transform.pars))
        if (res$convergence > 0) warning(gettextf("possible convergence problem: optim gave code = %d", res$convergence))
        coef[mask] <- res$par
        if (transform.pars) {
            if (arma[2L] > 0L) {
                ind <- arma[1L] + 1L:arma[2L]
                if (all(mask[ind])) coef[ind] <- .ma_invert(coef[ind])
            }
            if (arma[4L] > 0L) {
                ind <- sum(arma[1L:3L]) + 1L:arma[4L]
                if (all(mask[ind])) coef[ind] <- .ma_invert(coef[ind])
            }
            if (any(coef[mask] != res$par)) {
                code <- res$convergence
                res <- optim(coef[mask], ml.fn, method = optim.method, hessian = TRUE,
                             control = list(maxit = 0L, parscale = optim.control$parscale), trans = TRUE)
                res$convergence <- code
                coef[mask] <- res$par
            }
            A <- .arima_gradtrans(as.double(coef), arma)
            A <- A[mask, mask, drop = FALSE]
            var <- crossprod(A, solve(res$hessian * n.used, A))
            coef <- .arima_undopars(coef, arma)
        } else var <- if (no.optim) numeric() else solve(res$hessian * n.used)
        tr <- .arima_transpars(coef, arma, FALSE)
        mod <- makeARIMA(tr[[1L]], tr[[2L]], Delta, kappa)
        xx <- if (ncxreg > 0L) x - xreg %*% coef[narma + (1L:ncxreg)] else x
        ss <- run.ss(xx, mod)
        mod <- ss$mod
        sigma2 <- ss$stats[1L]/n.used
        resid <- ss$resid
    }
    value <- 2 * n.used * res$value + n.used + n.used * log(2 * pi)
    aic <- if (method != "CSS") value + 2 * sum(mask) + 2 else NA
    nm <- NULL
    if (arma[1L] > 0L) nm <- c(nm, paste0("ar", 1L:arma[1L]))
    if (arma[2L] > 0L) nm <- c(nm, paste0("ma", 1L:arma[2L]))
    if (arma[3L] > 0L) nm <- c(nm, paste0("sar", 1L:arma[3L]))
    if (arma[4L] > 0L) nm <- c(nm, paste0("sma", 1L:arma[4L]))
    if (ncxreg > 0L) {
        nm <- c(nm, cn)
        if (!orig.xreg) {
            ind <- narma + 1L:ncxreg
            coef[ind] <- S$v %*% coef[ind]
            A <- diag(narma + ncxreg)
            A[ind, ind] <- S$v
            A <- A[mask, mask]
            var <- A %*% var %*% t(A)
        }
    }
    names(coef) <- nm
    if (!no.optim) dimnames(var) <- list(nm[mask], nm[mask])
    resid <- ts(resid, start = xtsp[1L], end = xtsp[2L], frequency = xtsp[3L])
    structure(list(coef = coef, sigma2 = sigma2, var.coef = var, mask = mask, loglik = -0.5 * value,
                   aic = aic, arma = arma, residuals = resid, call = match.call(), series = series,
                   code = res$convergence, n.cond = ncond, nobs = n.used, model = mod), class = "Arima")
}

## Product of two polynomials given by coefficients (lowest order first).
.poly_mul <- function(a, b) {
    out <- numeric(length(a) + length(b) - 1L)
    for (i in seq_along(a)) out[i - 1L + seq_along(b)] <- out[i - 1L + seq_along(b)] + a[i] * b
    out
}

## Prints an ARIMA fit: call, coefficients with standard errors, sigma^2, log likelihood, AIC.
print.Arima <- function(x, digits = max(3L, getOption("digits") - 3L), se = TRUE, ...) {
    cat("\nCall:", deparse(x$call, width.cutoff = 75L), "", sep = "\n")
    if (length(x$coef)) {
        cat("Coefficients:\n")
        coef <- round(x$coef, digits = digits)
        if (se && NROW(x$var.coef)) {
            ses <- rep.int(0, length(coef))
            ses[x$mask] <- round(sqrt(diag(x$var.coef)), digits = digits)
            coef <- matrix(coef, 1L, dimnames = list(NULL, names(coef)))
            coef <- rbind(coef, s.e. = ses)
        }
        print.default(coef, print.gap = 2)
    }
    cm <- x$call[["method"]]
    if (is.null(cm) || cm != "CSS")
        cat("\nsigma^2 estimated as ", format(x$sigma2, digits = digits), ":  log likelihood = ",
            format(round(x$loglik, 2L)), ",  aic = ", format(round(x$aic, 2L)), "\n", sep = "")
    else
        cat("\nsigma^2 estimated as ", format(x$sigma2, digits = digits), ":  part log likelihood = ",
            format(round(x$loglik, 2)), "\n", sep = "")
    invisible(x)
}

## Coefficients of an ARIMA fit.
coef.Arima <- function(object, ...) object$coef

## The variance matrix of the estimated coefficients.
vcov.Arima <- function(object, ...) object$var.coef

## The number of observations an ARIMA fit used (the non-missing ones).
nobs.Arima <- function(object, ...) object$nobs

## The log likelihood of an ARIMA fit, with its degrees of freedom.
logLik.Arima <- function(object, ...) {
    res <- if (is.na(object$aic)) NA else object$loglik
    structure(res, df = sum(object$mask) + 1, nobs = object$nobs, class = "logLik")
}

## Residuals of an ARIMA fit.
residuals.Arima <- function(object, ...) object$residuals

## Forecasts from an ARIMA fit n.ahead steps on, with standard errors.
predict.Arima <- function(object, n.ahead = 1L, newxreg = NULL, se.fit = TRUE, ...) {
    rsd <- object$residuals
    xr <- object$call[["xreg"]]
    xreg <- if (!is.null(xr)) eval.parent(xr) else NULL
    ncxreg <- if (is.null(xreg)) 0 else NCOL(xreg)
    if ((if (is.null(newxreg)) 0 else NCOL(newxreg)) != ncxreg) stop("'xreg' and 'newxreg' have different numbers of columns")
    xtsp <- tsp(rsd)
    arma <- object$arma
    coefs <- object$coef
    narma <- sum(arma[1L:4L])
    if (length(coefs) > narma) {
        if (names(coefs)[narma + 1L] == "intercept") {
            newxreg <- cbind(intercept = rep(1, n.ahead), newxreg)
            ncxreg <- ncxreg + 1L
        }
        xm <- if (narma == 0) drop(as.matrix(newxreg) %*% coefs) else drop(as.matrix(newxreg) %*% coefs[-(1L:narma)])
    } else xm <- 0
    if (arma[2L] > 0L && any(.poly_roots_mod(c(1, coefs[arma[1L] + 1L:arma[2L]])) < 1))
        warning("MA part of model is not invertible")
    if (arma[4L] > 0L && any(.poly_roots_mod(c(1, coefs[sum(arma[1L:3L]) + 1L:arma[4L]])) < 1))
        warning("seasonal MA part of model is not invertible")
    z <- .arima_forecast(n.ahead, object$model)
    st <- xtsp[2L] + 1/xtsp[3L]
    pred <- ts(z$pred + xm, start = st, frequency = xtsp[3L])
    if (se.fit) list(pred = pred, se = ts(sqrt(z$var * object$sigma2), start = st, frequency = xtsp[3L]))
    else pred
}

## Simulates from an ARIMA model: innovations from rand.gen, a burn-in of n.start values,
## the MA part by convolution and the AR part by recursive filtering, then integration.
arima.sim <- function(model, n, rand.gen = rnorm, innov = rand.gen(n, ...), n.start = NA, start.innov = rand.gen(n.start, ...), ...) {
    if (!is.list(model)) stop("'model' must be list")
    if (n <= 0L) stop("'n' must be strictly positive")
    p <- length(model$ar)
    if (p) {
        minroots <- min(.poly_roots_mod(c(1, -model$ar)))
        if (minroots <= 1) stop("'ar' part of model is not stationary")
    }
    q <- length(model$ma)
    if (is.na(n.start)) n.start <- p + q + ifelse(p > 0, ceiling(6/log(minroots)), 0)
    if (n.start < p) stop("burn-in 'n.start' must be as long as 'ar + ma'")
    d <- 0
    if (!is.null(ord <- model$order)) {
        if (length(ord) != 3L) stop("'model$order' must be of length 3")
        if (p != ord[1L]) stop("inconsistent specification of 'ar' order")
        if (q != ord[3L]) stop("inconsistent specification of 'ma' order")
        d <- ord[2L]
        if (d != round(d) || d < 0) stop("number of differences must be a positive integer")
    }
    if (!missing(start.innov) && length(start.innov) < n.start)
        stop(sprintf(ngettext(n.start, "'start.innov' is too short: need %d point", "'start.innov' is too short: need %d points"), n.start))
    x <- ts(c(start.innov[seq_len(n.start)], innov[1L:n]), start = 1 - n.start)
    if (length(model$ma)) {
        x <- filter(x, c(1, model$ma), sides = 1L)
        x[seq_along(model$ma)] <- 0
    }
    if (length(model$ar)) x <- filter(x, model$ar, method = "recursive")
    if (n.start > 0) x <- x[-(seq_len(n.start))]
    if (d > 0) x <- diffinv(x, differences = d)
    as.ts(x)
}

## The MA(infinity) weights psi_1..psi_lag.max of an ARMA process.
ARMAtoMA <- function(ar = numeric(), ma = numeric(), lag.max) {
    p <- length(ar)
    q <- length(ma)
    psi <- numeric(lag.max)
    for (j in seq_len(lag.max)) {
        s <- if (j <= q) ma[j] else 0
        for (i in seq_len(min(j, p))) s <- s + ar[i] * (if (j - i == 0) 1 else psi[j - i])
        psi[j] <- s
    }
    psi
}

## The theoretical autocorrelations (or partial autocorrelations, pacf = TRUE) of an ARMA
## process at lags 0..lag.max.
ARMAacf <- function(ar = numeric(), ma = numeric(), lag.max = r, pacf = FALSE) {
    p <- length(ar)
    q <- length(ma)
    if (!p && !q) stop("empty model supplied")
    r <- max(p, q + 1)
    if (p > 0) {
        if (r > 1) {
            if (r > p) {
                ar <- c(ar, rep(0, r - p))
                p <- r
            }
            p1 <- p + 1L
            coefs <- c(1, -ar)
            A <- matrix(0, p1, 2L * p + 1L)
            for (b in seq_len(p1)) A[b, b - 1L + seq_len(p1)] <- coefs
            for (k in seq_len(p)) A[, k] <- A[, k] + A[, 2L * p + 2L - k]
            rhs <- c(1, rep(0, p))
            if (q > 0) {
                psi <- c(1, ARMAtoMA(ar, ma, q))
                theta <- c(1, ma, rep(0, q + 1L))
                for (k in 1L + 0:q) rhs[k] <- sum(psi * theta[k + 0:q])
            }
            ind <- p1:1
            Acf <- solve(A[ind, ind], rhs)
            Acf <- Acf[-1L]/Acf[1L]
        } else Acf <- ar
        if (lag.max > p) {
            more <- as.vector(unclass(filter(rep(0, lag.max - p), ar, "recursive", init = rev(Acf))))
            Acf <- c(Acf, more)
        }
        Acf <- c(1, Acf[1L:lag.max])
    } else {
        x <- c(1, ma)
        Acf <- as.vector(unclass(filter(c(x, rep(0, q)), rev(x), sides = 1)))[-(1L:q)]
        if (lag.max > q) Acf <- c(Acf, rep(0, lag.max - q))
        Acf <- Acf/Acf[1L]
    }
    names(Acf) <- 0:lag.max
    if (pacf) .durbin_levinson(unname(Acf), lag.max) else Acf
}
