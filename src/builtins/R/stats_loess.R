## Local polynomial regression (Cleveland, Grosse and Shyu): fits y on one to four numeric predictors with tricube-weighted local fits of degree 0, 1 or 2 over the nearest span * n points, evaluated on a k-d tree and interpolated (surface = "interpolate") or at each point (surface = "direct"); family = "symmetric" adds bisquare robustness iterations.
loess <- function(formula, data, weights, subset, na.action, model = FALSE, span = 0.75, enp.target, degree = 2L, parametric = FALSE, drop.square = FALSE, normalize = TRUE, family = c("gaussian", "symmetric"), method = c("loess", "model.frame"), control = loess.control(...), ...) {
    family <- match.arg(family)
    method <- match.arg(method)
    mf <- match.call(expand.dots = FALSE)
    for (nm in c("model", "span", "enp.target", "degree", "parametric", "drop.square", "normalize",
                 "family", "method", "control", "..."))
        mf[[nm]] <- NULL
    mf[[1L]] <- quote(stats::model.frame)
    mf <- eval(mf, parent.frame())
    if (method == "model.frame") return(mf)
    mt <- attr(mf, "terms")
    y <- model.response(mf, "numeric")
    w <- model.weights(mf)
    if (is.null(w)) w <- rep_len(1, length(y))
    nmx <- as.character(attr(mt, "variables"))[-(1L:2)]
    x <- mf[, nmx, drop = FALSE]
    if (any(vapply(x, is.factor, NA))) stop("predictors must all be numeric")
    x <- as.matrix(x)
    D <- ncol(x)
    nmx <- setNames(nm = colnames(x))
    drop.square <- match(nmx, nmx[drop.square], 0L) > 0L
    parametric <- match(nmx, nmx[parametric], 0L) > 0L
    if (!match(degree, 0L:2L, 0L)) stop("'degree' must be 0, 1 or 2")
    iterations <- if (family == "gaussian") 1L else control$iterations
    if (!missing(enp.target)) {
        if (!missing(span))
            warning("both 'span' and 'enp.target' specified: 'span' will be used")
        else {
            tau <- switch(degree + 1L, 1, D + 1, (D + 1) * (D + 2) / 2) - sum(drop.square)
            span <- 1.2 * tau / enp.target
        }
    }
    if (!is.list(control) || !is.character(control$surface) || !is.character(control$statistics) ||
        !is.character(control$trace.hat) || !is.numeric(control$cell) || !is.numeric(iterations))
        stop("invalid 'control' argument")
    fit <- simpleLoess(y, x, w, span, degree = degree, parametric = parametric, drop.square = drop.square,
                       normalize = normalize, statistics = control$statistics, surface = control$surface,
                       cell = control$cell, iterations = iterations, iterTrace = control$iterTrace,
                       trace.hat = control$trace.hat)
    fit$call <- match.call()
    fit$terms <- mt
    fit$xnames <- nmx
    fit$x <- x
    fit$y <- y
    fit$weights <- w
    if (model) fit$model <- mf
    fit$na.action <- attr(mf, "na.action")
    fit
}

## Settings of a loess fit: surface, statistics, trace.hat, cell (fraction of the span per k-d tree cell) and the robustness iterations.
loess.control <- function(surface = c("interpolate", "direct"), statistics = c("approximate", "exact", "none"), trace.hat = c("exact", "approximate"), cell = 0.2, iterations = 4L, iterTrace = FALSE, ...) {
    stopifnot(length(iterations) == 1L, !is.na(iterations), as.integer(iterations) > 0L,
              length(iterTrace) == 1L, !is.na(iterTrace), as.integer(iterTrace) >= 0L)
    list(surface = match.arg(surface), statistics = match.arg(statistics), trace.hat = match.arg(trace.hat),
         cell = cell, iterations = iterations, iterTrace = iterTrace)
}

## The loess fit on a numeric matrix x (no formula): normalisation, robustness iterations and the statistics of the fit.
simpleLoess <- function(y, x, weights, span = 0.75, degree = 2L, parametric = FALSE, drop.square = FALSE, normalize = TRUE, statistics = "approximate", surface = "interpolate", cell, iterations, iterTrace, trace.hat) {
    D <- as.integer(NCOL(x))
    if (is.na(D)) stop("invalid NCOL(X)")
    if (D > 4) stop("only 1-4 predictors are allowed")
    N <- as.integer(NROW(x))
    if (is.na(N)) stop("invalid NROW(X)")
    if (!N || !D) stop("invalid 'x'")
    if (length(y) != N) stop("invalid 'y'")
    x <- as.matrix(x)
    storage.mode(x) <- "double"
    storage.mode(y) <- "double"
    weights <- as.double(weights)
    robust <- rep_len(1, N)
    if (normalize && D > 1L) {
        trim <- ceiling(0.1 * N)
        srt <- apply(x, 2L, sort)[seq(trim + 1, N - trim), , drop = FALSE]
        divisor <- sqrt(apply(srt, 2L, var))
        x <- x / rep(divisor, rep_len(N, D))
    } else divisor <- 1
    sum.drop.sqr <- sum(drop.square)
    sum.parametric <- sum(parametric)
    nonparametric <- sum(!parametric)
    order.parametric <- order(parametric)
    x <- x[, order.parametric, drop = FALSE]
    order.drop.sqr <- (2L - drop.square)[order.parametric]
    if (degree == 1L && sum.drop.sqr)
        stop("specified the square of a factor predictor to be dropped when degree = 1")
    if (D == 1L && sum.drop.sqr)
        stop("specified the square of a predictor to be dropped with only one numeric predictor")
    if (sum.parametric == D) stop("specified parametric for all predictors")
    if (length(span) != 1L) stop("invalid argument 'span'")
    if (length(cell) != 1L) stop("invalid argument 'cell'")
    if (length(degree) != 1L) stop("invalid argument 'degree'")
    if (surface == "interpolate" && statistics == "approximate")
        statistics <- if (trace.hat == "exact") "1.approx" else "2.approx"
    surf.stat <- paste(surface, statistics, sep = "/")
    do.rob <- iterations > 1L
    if (!do.rob && iterTrace) {
        warning(sprintf("iterTrace = %d is not obeyed since iterations = %d", iterTrace, iterations))
        iterTrace <- FALSE
    }
    raw <- function(yy, rw, ss)
        .loess_raw(yy, x, rw, span, degree, nonparametric, order.drop.sqr, span * cell, ss)
    if (iterTrace) wRSS <- NA
    for (j in seq_len(iterations)) {
        z <- raw(y, weights * robust, surf.stat)
        fitted <- z$fitted
        fitted.residuals <- y - fitted
        if (j < iterations) {
            if (iterTrace) old.rob <- robust
            robust <- .loess_robw(fitted.residuals)
        }
        if (j == 1) {
            trace.hat.out <- z$trL
            one.delta <- z$delta1
            two.delta <- z$delta2
            if (do.rob) surf.stat <- paste(surface, "none", sep = "/")
        }
        if (iterTrace) {
            oSS <- wRSS
            wRSS <- sum(weights * fitted.residuals^2)
            del.SS <- abs(oSS - wRSS) / (if (wRSS == 0) 1 else wRSS)
            d.rob.w <- if (j < iterations) sum(abs(old.rob - robust)) / sum(robust) else NA
            cat(sprintf("iter.%2d: wRSS=%#14.9g, rel. changes: (SS=%#9.4g, rob.wgts=%#9.4g)\n",
                        j, wRSS, del.SS, d.rob.w))
        }
    }
    kd <- if (surface == "interpolate") z$kd
    if (do.rob) {
        pseudovalues <- .loess_pseudo(y, fitted, weights, robust)
        zz <- raw(pseudovalues, weights, surf.stat)$fitted
        pseudo.resid <- pseudovalues - zz
    }
    sum.squares <- if (do.rob) sum(weights * pseudo.resid^2) else sum(weights * fitted.residuals^2)
    enp <- one.delta + 2 * trace.hat.out - N
    s <- sqrt(sum.squares / one.delta)
    structure(class = "loess",
              list(n = N, fitted = fitted, residuals = fitted.residuals, enp = enp, s = s,
                   one.delta = one.delta, two.delta = two.delta, trace.hat = trace.hat.out,
                   divisor = divisor, robust = robust,
                   pars = list(span = span, degree = degree, normalize = normalize,
                               parametric = parametric, drop.square = drop.square,
                               surface = surface, cell = cell,
                               family = if (iterations <= 1L) "gaussian" else "symmetric",
                               trace.hat = trace.hat, iterations = iterations),
                   kd = kd))
}

## Predictions of a loess fit at newdata (a data frame of the predictors, or NULL for the data), with standard errors when se = TRUE; points outside the data's range give NA with the interpolated surface.
predict.loess <- function(object, newdata = NULL, se = FALSE, na.action = na.pass, ...) {
    if (!inherits(object, "loess")) stop("first argument must be a \"loess\" object")
    if (is.null(newdata) && !se) return(fitted(object))
    newx <- if (is.null(newdata)) object$x
            else if (is.data.frame(newdata))
                as.matrix(model.frame(delete.response(terms(object)), newdata, na.action = na.action))
            else as.matrix(newdata)
    res <- .loess_predict(object, newx, se)
    if (!is.null(out.attrs <- attr(newdata, "out.attrs"))) {
        if (se) {
            res$fit <- array(res$fit, out.attrs$dim, out.attrs$dimnames)
            res$se.fit <- array(res$se.fit, out.attrs$dim, out.attrs$dimnames)
        } else res <- array(res, out.attrs$dim, out.attrs$dimnames)
    }
    if (se) res$df <- object$one.delta^2 / object$two.delta
    res
}

## The fit (and standard errors) of a loess object at the rows of the matrix newx, scaled and ordered as the fit's x.
.loess_predict <- function(object, newx, se) {
    op <- object$pars
    x <- as.matrix(object$x)
    newx <- as.matrix(newx)
    D <- NCOL(x); N <- NROW(x); M <- NROW(newx)
    divisor <- object$divisor
    if (any(divisor != 1)) {
        newx <- newx / rep(divisor, rep_len(M, D))
        x <- x / rep(divisor, rep_len(N, D))
    }
    nonparametric <- sum(!op$parametric)
    order.parametric <- order(op$parametric)
    x <- x[, order.parametric, drop = FALSE]
    x.evaluate <- newx[, order.parametric, drop = FALSE]
    cdeg <- (2L - op$drop.square)[order.parametric]
    storage.mode(x) <- "double"
    storage.mode(x.evaluate) <- "double"
    y <- as.double(object$y)
    w <- object$weights
    s <- object$s
    fit <- rep_len(NA_real_, M)
    se.fit <- if (se) fit
    if (op$surface == "direct") {
        ok <- rowSums(is.na(newx)) == 0
        if (any(ok)) {
            xe <- x.evaluate[ok, , drop = FALSE]
            rw <- if (se && op$family != "gaussian") object$robust else w * object$robust
            fit[ok] <- .loess_dfit(y, x, xe, rw, op$span, op$degree, nonparametric, cdeg)
            if (se)
                se.fit[ok] <- s * sqrt(.loess_se2(y, x, xe, w * object$robust, op$span, op$degree,
                                                  nonparametric, cdeg, op$cell, "direct"))
        }
    } else {
        ranges <- apply(x, 2L, range)
        inside <- rowSums((x.evaluate <= rep(ranges[2L, ], rep_len(M, D))) &
                          (x.evaluate >= rep(ranges[1L, ], rep_len(M, D)))) == D
        inside[is.na(inside)] <- FALSE
        if (any(inside)) {
            xe <- x.evaluate[inside, , drop = FALSE]
            fit[inside] <- .loess_ifit(object$kd, xe)
            if (se)
                se.fit[inside] <- s * sqrt(.loess_se2(y, x, xe, w, op$span, op$degree, nonparametric,
                                                      cdeg, op$span * op$cell, "interpolate"))
        }
    }
    rn <- rownames(newx)
    if (se) {
        if (!is.null(rn)) names(fit) <- names(se.fit) <- rn
        list(fit = fit, se.fit = drop(se.fit), residual.scale = s)
    } else {
        if (!is.null(rn)) names(fit) <- rn
        fit
    }
}

## Prints the call, number of observations, equivalent number of parameters and residual standard error of a loess fit.
print.loess <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
    if (!is.null(cl <- x$call)) {
        cat("Call:\n")
        dput(cl, control = NULL)
    }
    cat("\nNumber of Observations:", x$n, "\n")
    cat("Equivalent Number of Parameters:", format(round(x$enp, 2L)), "\n")
    cat("Residual", if (x$pars$family == "gaussian") "Standard Error:" else "Scale Estimate:",
        format(signif(x$s, digits)), "\n")
    invisible(x)
}

## Summary of a loess fit: the fit itself, classed for print.summary.loess.
summary.loess <- function(object, ...) {
    class(object) <- "summary.loess"
    object
}

## Prints a loess summary: the fit, the trace of the smoother matrix and the control settings.
print.summary.loess <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
    print.loess(x, digits = digits, ...)
    p <- x$pars
    cat("Trace of smoother matrix: ", format(round(x$trace.hat, 2L)), "  (", p$trace.hat, ")\n", sep = "")
    cat("\nControl settings:\n")
    cat("  span     : ", format(p$span), "\n")
    cat("  degree   : ", p$degree, "\n")
    cat("  family   : ", p$family)
    if (p$family != "gaussian") cat("\t    iterations =", p$iterations)
    cat("\n  surface  : ", p$surface)
    if (p$surface == "interpolate") cat("\t  cell =", format(p$cell))
    cat("\n  normalize: ", p$normalize)
    cat("\n parametric: ", p$parametric)
    cat("\ndrop.square: ", p$drop.square, "\n")
    invisible(x)
}

## The loess curve of y on x at `evaluation` equally spaced points over the range of x (defaults: span 2/3, degree 1, symmetric family).
loess.smooth <- function(x, y, span = 2/3, degree = 1, family = c("symmetric", "gaussian"), evaluation = 50, ...) {
    notna <- !(is.na(x) | is.na(y))
    x <- x[notna]; y <- y[notna]
    new.x <- seq.int(min(x), max(x), length.out = evaluation)
    control <- loess.control(...)
    family <- match.arg(family)
    iterations <- if (family == "gaussian") 1L else control$iterations
    kd <- simpleLoess(y, x, rep_len(1, length(y)), span, degree = degree, parametric = FALSE,
                      drop.square = FALSE, normalize = FALSE, statistics = "none",
                      surface = "interpolate", cell = control$cell, iterations = iterations,
                      iterTrace = control$iterTrace, trace.hat = control$trace.hat)$kd
    list(x = new.x, y = .loess_ifit(kd, new.x))
}

## Scatter plot of y against x with its loess.smooth curve added.
scatter.smooth <- function(x, y = NULL, span = 2/3, degree = 1, family = c("symmetric", "gaussian"), xlab = NULL, ylab = NULL, ylim = range(y, pred$y, na.rm = TRUE), evaluation = 50, ..., lpars = list()) {
    xlabel <- if (!missing(x)) deparse1(substitute(x))
    ylabel <- if (!missing(y)) deparse1(substitute(y))
    xy <- xy.coords(x, y, xlabel, ylabel)
    x <- xy$x
    y <- xy$y
    pred <- loess.smooth(x, y, span, degree, family, evaluation)
    plot(x, y, ylim = ylim, xlab = if (is.null(xlab)) xy$xlab else xlab,
         ylab = if (is.null(ylab)) xy$ylab else ylab, ...)
    do.call(lines, c(list(pred), lpars))
    invisible()
}

## Analysis of variance for two or more loess fits of the same response: F tests on the differences of their residual sums of squares, with the approximate degrees of freedom of the fits' deltas.
anova.loess <- function(object, ...) {
    objects <- list(object, ...)
    responses <- as.character(lapply(objects, function(x) as.character(x$terms[[2L]])))
    sameresp <- responses == responses[1L]
    if (!all(sameresp)) {
        objects <- objects[sameresp]
        warning(gettextf("models with response %s removed because response differs from model 1",
                         sQuote(deparse(responses[!sameresp]))))
    }
    nmodels <- length(objects)
    if (nmodels <= 1L) stop("no models to compare")
    models <- as.character(lapply(objects, function(x) x$call))
    descr <- paste0("Model ", format(1L:nmodels), ": ", models, collapse = "\n")
    delta1 <- sapply(objects, function(x) x$one.delta)
    delta2 <- sapply(objects, function(x) x$two.delta)
    s <- sapply(objects, function(x) x$s)
    enp <- sapply(objects, function(x) x$enp)
    rss <- s^2 * delta1
    max.enp <- order(enp)[nmodels]
    d1diff <- abs(diff(delta1))
    dfnum <- c(d1diff^2 / abs(diff(delta2)))
    dfden <- (delta1^2 / delta2)[max.enp]
    Fvalue <- c(NA, (abs(diff(rss)) / d1diff) / s[max.enp]^2)
    pr <- pf(Fvalue, dfnum, dfden, lower.tail = FALSE)
    ans <- data.frame(ENP = round(enp, 2L), RSS = rss, "F-value" = Fvalue, "Pr(>F)" = pr, check.names = FALSE)
    attr(ans, "heading") <- paste0(descr, "\n\n", "Analysis of Variance:   denominator df ",
                                   format(round(dfden, 2L)), "\n")
    class(ans) <- c("anova", "data.frame")
    ans
}
