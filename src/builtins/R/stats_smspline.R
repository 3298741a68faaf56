## Number of inner knots smooth.spline uses for n unique x values: all below 50, then growing like a power of n (log-linear between 50, 200, 800 and 3200 points).
.nknots.smspl <- function(n) {
    if (n < 50L) return(n)
    l <- log2(c(50, 100, 140, 200))
    trunc(if (n < 200L) 2^(l[1] + (l[2] - l[1]) * (n - 50) / 150)
          else if (n < 800L) 2^(l[2] + (l[3] - l[2]) * (n - 200) / 600)
          else if (n < 3200L) 2^(l[3] + (l[4] - l[3]) * (n - 800) / 2400)
          else 200 + (n - 3200)^0.2)
}

## Cubic smoothing spline of y on x: penalised least squares with the smoothing parameter given (spar, lambda, or df to match) or chosen by generalized (cv = FALSE) or ordinary (cv = TRUE) cross-validation.
smooth.spline <- function(x, y = NULL, w = NULL, df, spar = NULL, lambda = NULL, cv = FALSE, all.knots = FALSE, nknots = .nknots.smspl, keep.data = TRUE, df.offset = 0, penalty = 1, control.spar = list(), tol = 1e-6 * IQR(x), keep.stuff = FALSE) {
    ctrl <- list(low = -1.5, high = 1.5, tol = 1e-4, eps = 2e-8, maxit = 500, trace = getOption("verbose"))
    ctrl[names(control.spar)] <- control.spar
    if (!all(vapply(ctrl[1:4], is.numeric, NA)) || ctrl$tol < 0 || ctrl$eps <= 0 || ctrl$maxit <= 0)
        stop("invalid 'control.spar'")
    xy <- xy.coords(x, y, setLab = FALSE)
    y <- xy$y
    x <- xy$x
    if (!all(is.finite(c(x, y)))) stop("missing or infinite values in inputs are not allowed")
    n <- length(x)
    no.wgts <- is.null(w)
    w <- if (no.wgts) 1 else {
        if (n != length(w)) stop("lengths of 'x' and 'w' must match")
        if (any(w < 0)) stop("all weights should be non-negative")
        if (all(w == 0)) stop("some weights should be positive")
        (w * sum(w > 0)) / sum(w)
    }
    if (!is.finite(tol) || tol <= 0) stop("'tol' must be strictly positive and finite")
    ## group x values equal to within tol; average y and add up w per group
    xx <- round((x - mean(x)) / tol)
    ord <- order(x)
    keep <- c(TRUE, diff(xx[ord]) > 0)
    ux <- x[ord][keep]
    nx <- length(ux)
    if (nx <= 3L) stop("need at least four unique 'x' values")
    grp <- cumsum(keep)
    ox <- integer(n); ox[ord] <- grp
    ww <- rep_len(w, n)
    wbar <- as.vector(tapply(ww, ox, sum))
    wy <- as.vector(tapply(ww * y, ox, sum))
    wy2 <- as.vector(tapply(ww * y^2, ox, sum))
    ybar <- wy / ifelse(wbar > 0, wbar, 1)
    yssw <- sum(wy2 - wbar * ybar^2)
    if (is.na(cv <- as.logical(cv)) && !missing(df)) stop("'cv' must not be NA when 'df' is specified")
    CV <- !is.na(cv) && cv
    if (CV && nx < n) warning("cross-validation with non-unique 'x' values seems doubtful")
    r.ux <- ux[nx] - ux[1L]
    xbar <- (ux - ux[1L]) / r.ux
    if (is.numeric(all.knots)) {
        if (is.unsorted(all.knots, strictly = TRUE)) stop("Numeric 'all.knots' must be strictly increasing")
        if (!missing(nknots) && !is.null(nknots))
            warning("'all.knots' is vector of knots; 'nknots' specification is disregarded")
        nknots <- length(all.knots)
        if (0 < all.knots[1] || all.knots[nknots] < 1)
            stop("numeric 'all.knots' must cover [0,1] (= the transformed data-range)")
        knot <- c(rep(all.knots[1], 3), all.knots, rep(all.knots[nknots], 3))
    } else {
        if (all.knots) {
            if (!missing(nknots) && !is.null(nknots))
                warning("'all.knots' is TRUE; 'nknots' specification is disregarded")
            nknots <- nx
        } else if (is.null(nknots)) nknots <- .nknots.smspl(nx)
        else {
            if (is.function(nknots)) nknots <- nknots(nx)
            else if (!is.numeric(nknots)) stop("'nknots' must be numeric (in {1,..,n})")
            if (nknots < 1) stop("'nknots' must be at least 1")
            else if (nknots > nx) stop("cannot use more inner knots than unique 'x' values")
        }
        knot <- c(rep(xbar[1], 3), if (all.knots) xbar else xbar[seq.int(1, nx, length.out = nknots)],
                  rep(xbar[nx], 3))
    }
    nk <- nknots + 2L
    spar.is.lambda <- !missing(lambda)
    if (spar.is.lambda) {
        if (!missing(spar)) stop("must not specify both 'spar' and 'lambda'")
        ispar <- 1L
    } else ispar <- if (is.null(spar) || missing(spar)) 0L else 1L
    spar <- if (spar.is.lambda) as.double(lambda) else if (ispar == 1L) as.double(spar) else double(1)
    if (length(spar) != 1) stop("'spar' must be of length 1")
    icrit <- if (is.na(cv)) 0L else if (cv) 2L else 1L
    dofoff <- df.offset
    if (!missing(df)) {
        if (df > 1 && df <= nx) {
            icrit <- 3L
            dofoff <- df
        } else warning("not using invalid df; must have 1 < df <= n := #{unique x} = ", nx)
    }
    fit <- .smspl_fit(xbar, ybar, wbar, yssw, knot, nk, penalty, dofoff, icrit, ispar, spar,
                      spar.is.lambda, c(ctrl$low, ctrl$high, ctrl$tol, ctrl$eps, ctrl$maxit))
    if (is.na(cv)) lev <- df <- NA
    else {
        lev <- fit$lev
        df <- sum(lev)
        if (is.na(df)) stop("NA lev[]; probably smoothing parameter 'spar' way too large!")
    }
    if (fit$ier > 0L) {
        sml <- fit$spar < 0.5
        wtxt <- paste("smoothing parameter value too", if (spar.is.lambda) "extreme" else if (sml) "small" else "large")
        if (spar.is.lambda || sml) stop(wtxt)
        fit$ty <- rep(mean(y), nx)
        df <- 1
        warning(wtxt, "\nsetting df = 1  __use with care!__")
    }
    cv.crit <- if (is.na(cv)) NA else {
        r <- y - fit$ty[ox]
        if (cv) {
            wb <- wbar
            wb[wb == 0] <- 1
            r <- r / (1 - (lev[ox] * w) / wb[ox])
            if (no.wgts) mean(r^2) else weighted.mean(r^2, w)
        } else (if (no.wgts) mean(r^2) else weighted.mean(r^2, w)) / (1 - (df.offset + penalty * df) / n)^2
    }
    iparms <- c(icrit = icrit, ispar = ispar, iter = if (ispar == 1L) as.integer(ctrl$maxit) else fit$iter,
                spar.is.lambda)
    names(iparms)[4L] <- ""
    structure(list(x = ux, y = fit$ty, w = wbar, yin = ybar, tol = tol,
                   data = if (keep.data) list(x = x, y = y, w = w), no.weights = no.wgts, n = n,
                   lev = lev, cv = cv, cv.crit = cv.crit, pen.crit = sum(wbar * (ybar - fit$ty)^2),
                   crit = fit$crit, df = df,
                   spar = if (spar.is.lambda) NA else fit$spar,
                   ratio = if (spar.is.lambda) NA else fit$ratio,
                   lambda = fit$lambda,
                   iparms = c(iparms, errorI = if (fit$ier) fit$ier else NA),
                   auxM = if (keep.stuff) list(XWy = fit$xwy, XWX = fit$xwx, Sigma = fit$sigma, R = fit$r),
                   fit = structure(list(knot = knot, nk = nk, min = ux[1L], range = r.ux, coef = fit$coef),
                                   class = "smooth.spline.fit"),
                   call = match.call()),
              class = "smooth.spline")
}

## Fitted values of a smoothing spline at the original x values.
fitted.smooth.spline <- function(object, ...) {
    if (!is.list(dat <- object$data)) stop("need result of smooth.spline(keep.data = TRUE)")
    object$y[match(dat$x, object$x)]
}

## Residuals of a smoothing spline at the original data (pearson ones scaled by sqrt(w)).
residuals.smooth.spline <- function(object, type = c("working", "response", "deviance", "pearson", "partial"), ...) {
    type <- match.arg(type)
    if (!is.list(dat <- object$data)) stop("need result of smooth.spline(keep.data = TRUE)")
    r <- dat$y - object$y[match(dat$x, object$x)]
    if (type == "partial") stop('type = "partial" is not yet implemented')
    if (type %in% c("deviance", "pearson") && !is.null(dat$w)) r * sqrt(dat$w) else r
}

## Leverages of a smoothing spline at the original x values.
hatvalues.smooth.spline <- function(model, ...) {
    if (!is.list(dat <- model$data)) stop("need result of smooth.spline(keep.data = TRUE)")
    hat <- model$lev
    hat[hat > 1 - 10 * .Machine$double.eps] <- 1
    hat[match(dat$x, model$x)]
}

## Prints a smoothing spline: call, spar and lambda, equivalent degrees of freedom, penalized criterion and the (G)CV score.
print.smooth.spline <- function(x, digits = getOption("digits"), ...) {
    if (!is.null(cl <- x$call)) {
        cat("Call:\n")
        dput(cl, control = NULL)
    }
    ip <- x$iparms
    cat("\nSmoothing Parameter  spar=", format(x$spar, digits = digits),
        " lambda=", format(x$lambda, digits = digits),
        if (ip["ispar"] != 1L) paste0("(", ip["iter"], " iterations)"))
    cat("\n")
    cat("Equivalent Degrees of Freedom (Df):", format(x$df, digits = digits))
    cat("\n")
    cat(sprintf("Penalized Criterion (%sRSS): %s\n", if (x$no.weights) "" else "weighted ",
                format(x$pen.crit, digits = digits)))
    if (!is.na(cv <- x$cv))
        cat(if (cv) "PRESS(l.o.o. CV): " else "GCV: ", format(x$cv.crit, digits = digits), "\n", sep = "")
    invisible(x)
}

## Values (or derivatives, deriv = 0..3) of a smoothing spline at x; linear extrapolation outside the data's range.
predict.smooth.spline <- function(object, x, deriv = 0, ...) {
    if (missing(x)) {
        if (deriv == 0) return(object[c("x", "y")])
        else x <- object$x
    }
    fit <- object$fit
    if (is.null(fit)) stop("not a valid \"smooth.spline\" object")
    predict(fit, x, deriv, ...)
}

## Evaluates the B-spline representation of a smoothing spline (or its derivative) at x.
predict.smooth.spline.fit <- function(object, x, deriv = 0, ...) {
    if (missing(x))
        x <- seq.int(from = object$min, to = object$min + object$range, length.out = length(object$coef) - 4L)
    xs <- (x - object$min) / object$range
    left <- xs < 0
    right <- xs > 1
    out <- left | right
    y <- xs
    if (any(!out)) y[!out] <- .smspl_eval(object$knot, object$coef, xs[!out], deriv)
    if (any(out)) {
        ends <- c(object$min, object$min + object$range)
        if (deriv == 0) {
            e0 <- predict.smooth.spline.fit(object, ends)$y
            e1 <- predict.smooth.spline.fit(object, ends, 1)$y * object$range
            if (any(left)) y[left] <- e0[1L] + e1[1L] * (xs[left] - 0)
            if (any(right)) y[right] <- e0[2L] + e1[2L] * (xs[right] - 1)
        } else if (deriv == 1) {
            e1 <- predict.smooth.spline.fit(object, ends, 1)$y * object$range
            y[left] <- e1[1L]
            y[right] <- e1[2L]
        } else y[out] <- 0
    }
    if (deriv > 0) y <- y / (object$range^deriv)
    list(x = x, y = y)
}

## Running medians of odd span k; endrule "median" (smoothEnds), "keep" or "constant" decides the first and last k %/% 2 values; NAs are replaced by alternating +/- big values (or omitted) and restored.
runmed <- function(x, k, endrule = c("median", "keep", "constant"), algorithm = NULL, na.action = c("+Big_alternate", "-Big_alternate", "na.omit", "fail"), print.level = 0) {
    n <- length(x)
    if (is.na(n)) stop(gettextf("invalid value of %s", "length(x)"))
    k <- as.integer(k)
    if (is.na(k)) stop(gettextf("invalid value of %s", "'k'"))
    if (k < 0L) stop("'k' must be positive")
    if (k %% 2L == 0L)
        warning(gettextf("'k' must be odd!  Changing 'k' to %d", k <- as.integer(1 + 2 * (k %/% 2))), domain = NA)
    if (n == 0L) {
        x <- double(); attr(x, "k") <- k
        return(x)
    }
    if (k > n)
        warning(gettextf("'k' is bigger than 'n'!  Changing 'k' to %d", k <- as.integer(1 + 2 * ((n - 1) %/% 2))), domain = NA)
    algorithm <- if (is.null(algorithm)) { if (k < 20L || n < 300L) "Stuetzle" else "Turlach" }
                 else match.arg(algorithm, c("Stuetzle", "Turlach"))
    endrule <- match.arg(endrule)
    acts <- c("+Big_alternate", "-Big_alternate", "na.omit", "fail")
    iNA <- if (missing(na.action)) 1L else pmatch(na.action[1L], acts)
    if (is.na(iNA)) stop("runmed(): invalid 'na.action'")
    if (print.level)
        cat(sprintf("runmed(x, k=%d, endrule='%s' ( => iend=%d), algorithm='%s',\n       na.*='%s' ( => iNAct=%d))\n",
                    k, endrule, as.integer(endrule == "constant"), algorithm, acts[iNA], iNA))
    if (iNA == 4L && anyNA(x))
        stop(gettextf("runmed(x, .., na.action=\"na.fail\"): have NAs starting at x[%d]", which(is.na(x))[1L]))
    res <- .runmed(as.double(x), k, endrule == "constant", min(iNA, 3L))
    if (endrule == "median") res <- smoothEnds(res, k = k)
    attr(res, "k") <- k
    res
}

## Smooths the ends of a running-median series: medians of the shrinking odd windows at each end, then Tukey's end-point rule for the first and last value (NAs are skipped).
smoothEnds <- function(y, k = 3) {
    mid3 <- function(a, b, c) {
        v <- c(a, b, c)
        if (anyNA(v)) mean(v[!is.na(v)]) else sort(v)[2L]
    }
    odd.med <- function(v) {
        v <- v[!is.na(v)]
        h <- (length(v) + 1L) %/% 2L
        if (h) sort(v, partial = h)[h] else NA
    }
    k <- as.integer(k)
    if (k < 0L || k %% 2L == 0L) stop("bandwidth 'k' must be >= 1 and odd!")
    k <- k %/% 2L
    if (k < 1L) return(y)
    n <- length(y)
    sm <- y
    if (k >= 2L) {
        sm[2L] <- mid3(y[1L], y[2L], y[3L])
        sm[n - 1L] <- mid3(y[n], y[n - 1L], y[n - 2L])
        if (k >= 3L) for (i in 3:k) {
            j <- 2L * i - 1L
            sm[i] <- odd.med(y[1L:j])
            sm[n - i + 1L] <- odd.med(y[(n + 1L - j):n])
        }
    }
    sm[1L] <- mid3(y[1L], sm[2L], sm[2L] - 2L * (sm[3L] - sm[2L]))
    sm[n] <- mid3(y[n], sm[n - 1L], sm[n - 1L] - 2L * (sm[n - 2L] - sm[n - 1L]))
    sm
}
