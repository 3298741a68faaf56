## stats: nonlinear least squares (nls, Gauss-Newton with R's convergence criterion) and its
## methods, numericDeriv, and the self-starting models.

## Control settings for nls: iteration limit, tolerance of the relative-offset criterion, smallest step factor.
nls.control <- function(maxiter = 50, tol = 1e-05, minFactor = 1/1024, printEval = FALSE, warnOnly = FALSE, scaleOffset = 0, nDcentral = FALSE) {
    stopifnot(is.numeric(tol), length(tol) == 1L, tol > 0, is.numeric(minFactor), length(minFactor) == 1L,
              is.numeric(scaleOffset), length(scaleOffset) == 1L, is.logical(nDcentral), length(nDcentral) == 1L, !is.na(nDcentral))
    list(maxiter = maxiter, tol = tol, minFactor = minFactor, printEval = printEval, warnOnly = warnOnly,
         scaleOffset = scaleOffset, nDcentral = nDcentral)
}

## Evaluates expr in rho and attaches the forward-difference (or central) gradient with respect to the variables named in theta.
numericDeriv <- function(expr, theta, rho = parent.frame(), dir = 1, eps = .Machine$double.eps^(1/if (central) 3 else 2), central = FALSE) {
    dir <- rep_len(dir, length(theta))
    stopifnot(is.finite(eps), eps > 0)
    val <- eval(expr, rho)
    if (!is.numeric(val)) stop("variable 'ans' must be numeric")
    val <- as.double(val) + 0 * val
    if (any(!is.finite(val))) stop("Missing value or an infinity produced when evaluating the model")
    cols <- list()
    for (i in seq_along(theta)) {
        p0 <- get(theta[i], envir = rho)
        for (j in seq_along(p0)) {
            xx <- abs(p0[j])
            delta <- if (xx == 0) eps else xx * eps
            p1 <- p0
            p1[j] <- p0[j] + dir[i] * delta
            assign(theta[i], p1, envir = rho)
            if (central) {
                p2 <- p0
                p2[j] <- p0[j] - dir[i] * delta
                up <- eval(expr, rho)
                assign(theta[i], p2, envir = rho)
                down <- eval(expr, rho)
                g <- dir[i] * (as.double(up) - as.double(down)) / (2 * delta)
            } else {
                g <- dir[i] * (as.double(eval(expr, rho)) - as.double(val)) / delta
            }
            assign(theta[i], p0, envir = rho)
            if (any(!is.finite(g))) stop("Missing value or an infinity produced when evaluating the model")
            cols[[length(cols) + 1L]] <- g
        }
    }
    attr(val, "gradient") <- matrix(unlist(cols), nrow = length(val), ncol = length(cols))
    val
}

## The nls model object: closures over the parameters, residuals, gradient and its QR (internal).
.nls_model <- function(form, data, start, wts, scaleOffset = 0, nDcentral = FALSE) {
    env <- new.env(parent = environment(form))
    for (i in names(data)) assign(i, data[[i]], envir = env)
    ind <- list()
    parLength <- 0L
    for (i in names(start)) {
        temp <- as.double(start[[i]])
        assign(i, temp, envir = env)
        ind[[i]] <- parLength + seq_along(temp)
        parLength <- parLength + length(temp)
    }
    pn <- names(ind)
    getPars <- function() {
        p <- unlist(lapply(pn, function(n) get(n, envir = env)))
        nm <- unlist(lapply(pn, function(n) {
            k <- length(ind[[n]])
            if (k == 1L) n else paste0(n, seq_len(k))
        }))
        names(p) <- nm
        p
    }
    lhs <- eval(form[[2L]], envir = env)
    rhs <- eval(form[[3L]], envir = env)
    swts <- if (!missing(wts) && length(wts)) sqrt(wts) else rep_len(1, length(rhs))
    assign(".swts", swts, envir = env)
    resid <- swts * (lhs - rhs)
    dev <- sum(resid^2)
    analytic <- !is.null(attr(rhs, "gradient"))
    getRHS <- if (analytic) function() eval(form[[3L]], envir = env)
              else function() numericDeriv(form[[3L]], pn, env, central = nDcentral)
    if (!analytic) rhs <- getRHS()
    gradOf <- function(r) {
        g <- attr(r, "gradient")
        if (length(g) == 1L) g <- c(g)
        if (is.null(dim(g))) g <- matrix(g, ncol = parLength)
        ## an analytic gradient of more parameters than are fitted (a profile) keeps the fitted ones
        if (ncol(g) > parLength && all(pn %in% colnames(g))) g <- g[, pn, drop = FALSE]
        g
    }
    gr <- gradOf(rhs)
    npar <- ncol(gr)
    QR <- qr(swts * gr)
    if (QR$rank < min(dim(QR$qr))) stop("singular gradient matrix at initial parameter estimates")
    if (scaleOffset) scaleOffset <- (length(resid) - npar) * scaleOffset^2
    convCrit <- function() {
        if (npar == 0) return(0)
        rr <- qr.qty(QR, c(resid))
        sqrt(sum(rr[1L:npar]^2) / (scaleOffset + sum(rr[-(1L:npar)]^2)))
    }
    m <- list(
        resid = function() resid,
        fitted = function() rhs,
        formula = function() form,
        deviance = function() dev,
        lhs = function() lhs,
        gradient = function() swts * gradOf(rhs),
        conv = function() convCrit(),
        incr = function() qr.coef(QR, resid),
        setPars = function(newPars) {
            for (i in pn) assign(i, unname(newPars[ind[[i]]]), envir = env)
            rhs <<- getRHS()
            resid <<- swts * (lhs - rhs)
            dev <<- sum(resid^2)
            QR <<- qr(swts * gradOf(rhs))
            QR$rank < min(dim(QR$qr))
        },
        getPars = function() getPars(),
        getAllPars = function() getPars(),
        getEnv = function() env,
        trace = function() {
            d <- getOption("digits")
            devs <- formatC(dev, digits = d, flag = "#")
            devs <- paste0(devs, strrep(" ", max(0L, d + 4L - nchar(devs))))
            cat(devs, " (", sprintf("%.2e", convCrit()), "): par = (", paste(vapply(getPars(), format, ""), collapse = " "), ")\n", sep = "")
        },
        Rmat = function() qr.R(QR),
        predict = function(newdata = list(), qr = FALSE) eval(form[[3L]], as.list(newdata), env))
    class(m) <- "nlsModel"
    m
}

## Gauss-Newton iterations with step halving, as R's nls_iter (internal).
.nls_iter <- function(m, ctrl, trace) {
    maxIter <- as.integer(ctrl$maxiter)
    tolerance <- ctrl$tol
    minFac <- ctrl$minFactor
    warnOnly <- isTRUE(ctrl$warnOnly)
    printEval <- isTRUE(ctrl$printEval)
    pars <- m$getPars()
    dev <- m$deviance()
    if (trace) m$trace()
    fac <- 1
    hasConverged <- FALSE
    convNew <- -1
    evaltotCnt <- 1L
    i <- 0L
    finish <- function(code, msg) {
        list(isConv = code == 0L, finIter = i, finTol = convNew, stopCode = code, stopMessage = msg)
    }
    while (i < maxIter) {
        if ((convNew <- m$conv()) <= tolerance) {
            hasConverged <- TRUE
            break
        }
        incr <- m$incr()
        evalCnt <- 1L
        while (fac >= minFac) {
            if (printEval) {
                cat(sprintf("  It. %3d, fac= %11.6g, eval (no.,total): (%2d,%3d):", i + 1L, fac, evalCnt, evaltotCnt))
                evalCnt <- evalCnt + 1L
                evaltotCnt <- evaltotCnt + 1L
            }
            newPars <- pars + fac * incr
            if (m$setPars(newPars)) return(finish(1L, "singular gradient"))
            newDev <- m$deviance()
            if (printEval) cat(sprintf(" new dev = %g\n", newDev))
            if (!is.na(newDev) && newDev <= dev) {
                dev <- newDev
                pars <- newPars
                fac <- min(2 * fac, 1)
                break
            }
            fac <- fac / 2
        }
        if (trace) m$trace()
        if (fac < minFac) return(finish(2L, sprintf("step factor %g reduced below 'minFactor' of %g", fac, minFac)))
        i <- i + 1L
    }
    if (!hasConverged) return(finish(3L, sprintf("number of iterations exceeded maximum of %d", maxIter)))
    finish(0L, "converged")
}

## Nonlinear least-squares fit of formula (response ~ model with parameters named in start) by Gauss-Newton.
nls <- function(formula, data = parent.frame(), start, control = nls.control(), algorithm = c("default", "plinear", "port"), trace = FALSE, subset, weights, na.action, model = FALSE, lower = -Inf, upper = Inf, ...) {
    formula <- as.formula(formula)
    algorithm <- match.arg(algorithm)
    if (!is.list(data) && !is.environment(data)) stop("'data' must be a list or an environment")
    cl <- match.call()
    env <- environment(formula)
    if (is.null(env)) env <- parent.frame()
    if (length(formula) == 2L) formula <- as.formula(call("~", 0, formula[[2L]]), env = env)
    varNames <- all.vars(formula)
    if (missing(start)) {
        rhs <- formula[[3L]]
        ssModel <- if (is.call(rhs) && is.name(rhs[[1L]])) tryCatch(get(as.character(rhs[[1L]]), envir = env), error = function(e) NULL)
        if (inherits(ssModel, "selfStart")) {
            ## initial values come later, from the model frame (after subset and NA removal)
            mc <- .nls_match_args(ssModel, rhs)
            start <- NULL
            ssPars <- vapply(attr(ssModel, "pnames"), function(p) as.character(mc[[p]])[1L], "")
        } else {
            found <- vapply(varNames, function(v) !is.null(tryCatch(eval(as.name(v), data, env), error = function(e) NULL)), TRUE)
            nnn <- varNames[!found]
            if (!length(nnn)) stop("no parameters to fit")
            warning("No starting values specified for some parameters.\n", "Initializing ", paste(sQuote(nnn), collapse = ", "),
                    " to '1.'.\n", "Consider specifying 'start' or using a selfStart model")
            start <- setNames(as.list(rep_len(1, length(nnn))), nnn)
        }
    }
    pnames <- if (is.null(start)) ssPars else names(start)
    varNames <- varNames[is.na(match(varNames, pnames))]
    getVar <- function(v) {
        r <- tryCatch(eval(as.name(v), data, env), error = function(e) NULL)
        if (is.null(r) || is.function(r)) NULL else r
    }
    mf <- list()
    for (v in varNames) {
        val <- getVar(v)
        if (is.null(val)) stop(gettextf("parameters without starting value in 'data': %s", v))
        mf[[v]] <- val
    }
    n <- length(eval(formula[[2L]], data, env))
    rows <- rep_len(TRUE, n)
    if (!missing(subset)) {
        s <- eval(substitute(subset), data, env)
        rows <- if (is.logical(s)) rows & rep_len(s, n) & !is.na(s) else seq_len(n) %in% s
    }
    wts <- if (missing(weights)) NULL else eval(substitute(weights), data, env)
    full <- vapply(mf, function(v) length(v) == n, TRUE)
    for (v in names(mf)[full]) rows <- rows & !is.na(mf[[v]])
    if (n > 0L && !all(rows)) {
        for (v in names(mf)[full]) mf[[v]] <- mf[[v]][rows]
        if (!is.null(wts)) wts <- wts[rows]
    }
    if (!is.null(wts) && any(wts < 0 | is.na(wts))) stop("missing or negative weights not allowed")
    ctrl <- nls.control()
    if (!missing(control)) {
        control <- as.list(control)
        ctrl[names(control)] <- control
    }
    if (algorithm != "port" && (!identical(lower, -Inf) || !identical(upper, +Inf))) {
        warning("upper and lower bounds ignored unless algorithm = \"port\"")
        cl$lower <- NULL
        cl$upper <- NULL
    }
    if (is.null(start)) start <- getInitial(formula, data = mf, control = ctrl, trace = trace)
    m <- (if (algorithm == "plinear") .nls_model_plinear else .nls_model)(formula, mf, start, if (is.null(wts)) numeric() else wts, scaleOffset = ctrl$scaleOffset, nDcentral = ctrl$nDcentral)
    convInfo <- if (algorithm == "port") .nls_port_iter(m, lower, upper, ctrl, trace) else .nls_iter(m, ctrl, trace)
    if (algorithm == "port" && !convInfo$isConv) convInfo$stopMessage <- paste("Convergence failure:", convInfo$stopMessage)
    if (!convInfo$isConv) {
        if (isTRUE(ctrl$warnOnly)) warning(convInfo$stopMessage) else stop(convInfo$stopMessage)
    }
    out <- list(m = m, convInfo = convInfo, data = substitute(data), call = cl)
    out$call$algorithm <- algorithm
    out$call$control <- ctrl
    out$call$trace <- trace
    cls <- vapply(mf[full], function(v) if (is.factor(v)) "factor" else if (is.logical(v)) "logical" else if (is.numeric(v)) "numeric" else class(v)[1L], "")
    rhsVars <- all.vars(formula[[3L]])
    out$dataClasses <- cls[names(cls) %in% rhsVars]
    if (model) out$model <- mf
    if (!is.null(wts)) out$weights <- wts
    out$control <- control
    class(out) <- "nls"
    out
}

## Prints the convergence lines of an nls fit or its summary (internal).
.nls_print_conv <- function(x, digits) {
    ci <- x$convInfo
    if (is.null(ci)) return(invisible())
    if (identical(x$call$algorithm, "port"))
        return(invisible(cat("\nAlgorithm \"port\", convergence message: ", ci$stopMessage, "\n", sep = "")))
    if (!ci$isConv || isTRUE(getOption("show.nls.convergence", TRUE))) {
        cat("\nNumber of iterations", if (ci$isConv) "to convergence:" else "till stop:", ci$finIter,
            "\nAchieved convergence tolerance:", format(ci$finTol, digits = digits))
        cat("\n")
    }
    if (!ci$isConv) {
        cat("Reason stopped:", ci$stopMessage)
        cat("\n")
    }
    invisible()
}

## Prints an nls fit: model, data, estimates, residual sum of squares and convergence.
print.nls <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
    cat("Nonlinear regression model\n")
    cat("  model: ", deparse(x$m$formula()), "\n", sep = "")
    cat("   data: ", deparse(x$data), "\n", sep = "")
    print(x$m$getAllPars(), digits = digits, ...)
    cat(" ", if (!is.null(x$weights) && diff(range(x$weights))) "weighted ", "residual sum-of-squares: ", format(x$m$deviance(), digits = digits), "\n", sep = "")
    .nls_print_conv(x, digits)
    invisible(x)
}

## Summary of an nls fit: the parameter table with standard errors and t tests, residual standard error.
summary.nls <- function(object, correlation = FALSE, symbolic.cor = FALSE, ...) {
    r <- as.vector(object$m$resid())
    w <- object$weights
    n <- if (!is.null(w)) sum(w > 0) else length(r)
    param <- object$m$getAllPars()
    pnames <- names(param)
    p <- length(param)
    rdf <- n - p
    resvar <- if (rdf <= 0) NaN else object$m$deviance() / rdf
    XtXinv <- chol2inv(object$m$Rmat())
    dimnames(XtXinv) <- list(pnames, pnames)
    se <- sqrt(diag(XtXinv) * resvar)
    tval <- param / se
    param <- cbind(param, se, tval, 2 * pt(abs(tval), rdf, lower.tail = FALSE))
    dimnames(param) <- list(pnames, c("Estimate", "Std. Error", "t value", "Pr(>|t|)"))
    ans <- list(formula = object$m$formula(), residuals = r, sigma = sqrt(resvar), df = c(p, rdf), cov.unscaled = XtXinv,
                call = object$call, convInfo = object$convInfo, control = object$control, na.action = object$na.action,
                coefficients = param, parameters = param)
    if (correlation && rdf > 0) {
        ans$correlation <- (XtXinv * resvar) / outer(se, se)
        ans$symbolic.cor <- symbolic.cor
    }
    class(ans) <- "summary.nls"
    ans
}

## Prints an nls summary.
print.summary.nls <- function(x, digits = max(3L, getOption("digits") - 3L), symbolic.cor = x$symbolic.cor, signif.stars = getOption("show.signif.stars"), ...) {
    cat("\nFormula: ", paste(deparse(x$formula), sep = "\n", collapse = "\n"), "\n", sep = "")
    rdf <- x$df[2L]
    cat("\nParameters:\n")
    printCoefmat(x$coefficients, digits = digits, signif.stars = signif.stars, ...)
    cat("\nResidual standard error:", format(signif(x$sigma, digits)), "on", rdf, "degrees of freedom")
    cat("\n")
    correl <- x$correlation
    if (!is.null(correl)) {
        p <- NCOL(correl)
        if (p > 1) {
            cat("\nCorrelation of Parameter Estimates:\n")
            correl <- format(round(correl, 2), nsmall = 2L, digits = digits)
            correl[!lower.tri(correl)] <- ""
            print(correl[-1, -p, drop = FALSE], quote = FALSE)
        }
    }
    .nls_print_conv(x, digits)
    cat("\n")
    invisible(x)
}

## The parameter estimates of an nls fit.
coef.nls <- function(object, ...) object$m$getAllPars()

## The model formula of an nls fit.
formula.nls <- function(x, ...) x$m$formula()

## The residual sum of squares of an nls fit.
deviance.nls <- function(object, ...) object$m$deviance()

## Residual degrees of freedom of an nls fit.
df.residual.nls <- function(object, ...) {
    w <- object$weights
    n <- if (!is.null(w)) sum(w != 0) else length(object$m$resid())
    n - length(object$m$getAllPars())
}

## The residual standard deviation of an nls fit (as its summary computes it).
sigma.nls <- function(object, ...) sqrt(deviance(object) / df.residual(object))

## Number of observations of an nls fit.
nobs.nls <- function(object, ...) {
    w <- object$weights
    if (is.null(w)) length(object$m$resid()) else sum(w != 0)
}

## The weights of an nls fit (NULL when unweighted).
weights.nls <- function(object, ...) object$weights

## Residuals of an nls fit ("response" or "pearson").
residuals.nls <- function(object, type = c("response", "pearson"), ...) {
    type <- match.arg(type)
    if (type == "pearson") {
        val <- as.vector(object$m$resid())
        std <- sqrt(sum(val^2) / (length(val) - length(object$m$getAllPars())))
        val <- val / std
        attr(val, "label") <- "Standardized residuals"
    } else {
        val <- as.vector(object$m$lhs() - object$m$fitted())
        attr(val, "label") <- "Residuals"
    }
    val
}

## Fitted values of an nls fit.
fitted.nls <- function(object, ...) {
    val <- as.vector(object$m$fitted())
    attr(val, "label") <- "Fitted values"
    val
}

## Predictions of an nls fit at newdata (the fitted values without it).
predict.nls <- function(object, newdata, se.fit = FALSE, scale = NULL, df = Inf, interval = c("none", "confidence", "prediction"), level = 0.95, ...) {
    if (missing(newdata)) return(as.vector(fitted(object)))
    object$m$predict(newdata)
}

## The estimated covariance matrix of the parameters of an nls fit.
vcov.nls <- function(object, ...) {
    sm <- summary.nls(object)
    sm$cov.unscaled * sm$sigma^2
}

## The Gaussian log-likelihood of an nls fit.
logLik.nls <- function(object, REML = FALSE, ...) {
    if (REML) stop("cannot calculate REML log-likelihood for \"nls\" objects")
    res <- object$m$resid()
    N <- length(res)
    w <- object$weights
    if (is.null(w)) w <- rep_len(1, N)
    zw <- w == 0
    N <- sum(!zw)
    val <- -N * (log(2 * pi) + 1 - log(N) - sum(log(w + zw)) / N + log(sum(res^2))) / 2
    attr(val, "df") <- 1L + length(object$m$getAllPars())
    attr(val, "nobs") <- attr(val, "nall") <- N
    class(val) <- "logLik"
    val
}

## F tests comparing a sequence of nested nls fits.
anova.nls <- function(object, ...) {
    objects <- list(object, ...)
    if (length(objects) < 2L) stop("anova is only defined for sequences of \"nls\" objects")
    responses <- as.character(lapply(objects, function(x) deparse(formula(x)[[2L]])))
    same <- responses == responses[1L]
    if (!all(same)) {
        objects <- objects[same]
        warning(gettextf("models with response %s removed because response differs from model 1", sQuote(deparse(responses[!same]))))
    }
    nmodels <- length(objects)
    if (nmodels == 1L) stop("'anova' is only defined for sequences of \"nls\" objects")
    models <- vapply(objects, function(x) paste(deparse(formula(x)), collapse = " "), "")
    df.r <- unlist(lapply(objects, df.residual))
    ss.r <- unlist(lapply(objects, deviance))
    df <- c(NA, -diff(df.r))
    ss <- c(NA, -diff(ss.r))
    ms <- ss / df
    f <- p <- rep_len(NA_real_, nmodels)
    for (i in 2:nmodels) {
        if (df[i] > 0) {
            f[i] <- ms[i] / (ss.r[i] / df.r[i])
            p[i] <- pf(f[i], df[i], df.r[i], lower.tail = FALSE)
        } else if (df[i] < 0) {
            f[i] <- ms[i] / (ss.r[i - 1] / df.r[i - 1])
            p[i] <- pf(f[i], -df[i], df.r[i - 1], lower.tail = FALSE)
        } else ss[i] <- 0
    }
    table <- data.frame(df.r, ss.r, df, ss, f, p)
    names(table) <- c("Res.Df", "Res.Sum Sq", "Df", "Sum Sq", "F value", "Pr(>F)")
    row.names(table) <- as.character(1L:nmodels)
    title <- "Analysis of Variance Table\n"
    topnote <- paste0("Model ", format(1L:nmodels), ": ", models, collapse = "\n")
    structure(table, heading = c(title, topnote), class = c("anova", "data.frame"))
}

## Initial parameter values for a nonlinear model: from a selfStart model's initial function.
getInitial <- function(object, data, ...) UseMethod("getInitial")

## getInitial() for a formula whose right-hand side calls a selfStart model.
getInitial.formula <- function(object, data, ...) {
    if (!is.null(attr(data, "parameters"))) return(attr(data, "parameters"))
    if (length(object) == 2L) {
        rhs <- object[[2L]]
        lhs <- NULL
    } else if (length(object) == 3L) {
        rhs <- object[[3L]]
        lhs <- object[[2L]]
    } else stop("argument 'object' has an impossible length")
    if (!is.call(rhs)) stop(gettextf("no 'getInitial' method found for \"%s\" objects", "name"))
    func <- get(as.character(rhs[[1L]]), envir = environment(object))
    getInitial(func, data, mCall = .nls_match_args(func, rhs), LHS = lhs, ...)
}

## The arguments of a call to func as a named list, matched to func's formals by name, then position (internal).
.nls_match_args <- function(func, call) {
    fn <- names(formals(func))
    args <- as.list(call)[-1L]
    nms <- names(args)
    if (is.null(nms)) nms <- rep("", length(args))
    free <- fn[!(fn %in% nms)]
    out <- list()
    for (i in seq_along(args)) {
        if (nzchar(nms[i])) out[[nms[i]]] <- args[[i]]
        else {
            out[[free[1L]]] <- args[[i]]
            free <- free[-1L]
        }
    }
    out
}

## getInitial() for a selfStart model: calls its initial function.
getInitial.selfStart <- function(object, data, mCall, LHS = NULL, ...) {
    attr(object, "initial")(mCall = mCall, data = data, LHS = LHS, ...)
}

## getInitial() for anything else: an error.
getInitial.default <- function(object, data, mCall, LHS = NULL, ...) {
    if (is.function(object) && !is.null(attr(object, "initial"))) return(attr(object, "initial")(mCall = mCall, data = data, LHS = LHS, ...))
    stop(gettextf("no 'getInitial' method found for \"%s\" objects", data.class(object)))
}

## A self-starting nonlinear model: the model function (with gradient, by deriv) plus a function computing initial values.
selfStart <- function(model, initial, parameters, template = NULL) UseMethod("selfStart")

## selfStart() from a one-sided formula in the input variables and parameters.
selfStart.formula <- function(model, initial, parameters, template = NULL) {
    argNams <- c(setdiff(all.vars(model), parameters), parameters)
    value <- deriv(model, parameters, argNams)
    structure(value, initial = initial, pnames = parameters, class = "selfStart")
}

## selfStart() from a model function.
selfStart.default <- function(model, initial, parameters, template = NULL) {
    structure(model, initial = initial, pnames = parameters, class = "selfStart")
}

## The (x, y) pairs of a self-starting fit: y averaged over each distinct x, sorted by x.
sortedXyData <- function(x, y, data) {
    if (is.expression(x)) x <- x[[1L]]
    if (is.expression(y)) y <- y[[1L]]
    if (is.language(x) || (length(x) == 1L && is.character(x))) x <- eval(if (is.character(x)) as.name(x) else x, data)
    if (is.language(y) || (length(y) == 1L && is.character(y))) y <- eval(if (is.character(y)) as.name(y) else y, data)
    x <- as.numeric(x)
    y <- as.numeric(y)
    ok <- !is.na(x) & !is.na(y)
    x <- x[ok]
    y <- y[ok]
    ux <- sort(unique(x))
    ym <- vapply(ux, function(u) mean(y[x == u]), 0)
    value <- data.frame(x = ux, y = ym)
    class(value) <- c("sortedXyData", "data.frame")
    value
}

## The x at which the sorted (x, y) data reach the response level yval (linear interpolation).
NLSstClosestX <- function(xy, yval) {
    deviations <- xy$y - yval
    if (any(deviations == 0, na.rm = TRUE)) return(xy$x[match(0, deviations)])
    if (any(deviations <= 0, na.rm = TRUE)) {
        dev1 <- max(deviations[deviations <= 0], na.rm = TRUE)
        lim1 <- xy$x[match(dev1, deviations)]
        if (all(deviations <= 0, na.rm = TRUE)) return(lim1)
    }
    if (any(deviations >= 0, na.rm = TRUE)) {
        dev2 <- min(deviations[deviations >= 0], na.rm = TRUE)
        lim2 <- xy$x[match(dev2, deviations)]
        if (all(deviations >= 0, na.rm = TRUE)) return(lim2)
    }
    dev1 <- abs(dev1)
    dev2 <- abs(dev2)
    lim1 + (lim2 - lim1) * dev1 / (dev1 + dev2)
}

## A rough asymptote of sorted (x, y) data: beyond the end response by 1/8 of the range.
NLSstRtAsymptote <- function(xy) {
    in.range <- range(xy$y)
    last.dif <- abs(in.range - xy$y[nrow(xy)])
    if (match(min(last.dif), last.dif) == 2L) in.range[2L] + diff(in.range) / 8 else in.range[1L] - diff(in.range) / 8
}

## Least-squares refinement of self-start values on the averaged data (internal).
.ss_refine <- function(form, xy, start) {
    fit <- tryCatch(nls(form, data = xy, start = start), error = function(e) NULL)
    if (is.null(fit)) unlist(start) else coef(fit)
}

## Self-starting logistic model Asym/(1 + exp((xmid - input)/scal)).
SSlogis <- .ss_model(~ Asym/(1 + exp((xmid - input)/scal)),
    function(mCall, data, LHS, ...) {
        xy <- sortedXyData(mCall[["input"]], LHS, data)
        if (nrow(xy) < 4) stop("too few distinct input values to fit a logistic model")
        z <- xy[["y"]]
        rng <- range(z)
        dz <- diff(rng)
        z <- (z - rng[1L] + 0.05 * dz) / (1.1 * dz)
        xy[["z"]] <- log(z / (1 - z))
        aux <- coef(lm(x ~ z, xy))
        ## the conditionally linear Asym is solved for by the partially linear algorithm
        pars <- coef(nls(y ~ 1/(1 + exp((xmid - x)/scal)), data = xy,
                         start = list(xmid = aux[[1L]], scal = aux[[2L]]), algorithm = "plinear", ...))
        setNames(unname(pars[c(".lin", "xmid", "scal")]), c(as.character(mCall[["Asym"]]), as.character(mCall[["xmid"]]), as.character(mCall[["scal"]])))
    }, c("Asym", "xmid", "scal"))

## Self-starting Michaelis-Menten model Vm * input/(K + input).
SSmicmen <- .ss_model(~ Vm * input/(K + input),
    function(mCall, data, LHS, ...) {
        xy <- sortedXyData(mCall[["input"]], LHS, data)
        if (nrow(xy) < 3) stop("too few distinct input values to fit a Michaelis-Menten model")
        pars <- as.vector(coef(lm(1/y ~ I(1/x), data = xy)))
        pars <- coef(nls(y ~ x/(K + x), data = xy, start = list(K = abs(pars[2L] / pars[1L])),
                         algorithm = "plinear", ...))
        setNames(unname(pars[c(".lin", "K")]), c(as.character(mCall[["Vm"]]), as.character(mCall[["K"]])))
    }, c("Vm", "K"))

## Self-starting asymptotic regression model Asym + (R0 - Asym) * exp(-exp(lrc) * input).
SSasymp <- .ss_model(~ Asym + (R0 - Asym) * exp(-exp(lrc) * input),
    function(mCall, data, LHS, ...) {
        xy <- sortedXyData(mCall[["input"]], LHS, data)
        st <- .ss_asymp_start(xy)
        pars <- if (nrow(xy) > 3) {
            ## Asym and R0 enter linearly: the partially linear algorithm on lrc alone
            p <- coef(nls(y ~ cbind(1 - exp(-exp(lrc) * x), exp(-exp(lrc) * x)), data = data.frame(x = xy$x, y = xy$y),
                          start = list(lrc = st[["lrc"]]), algorithm = "plinear", ...))
            c(Asym = p[[2L]], R0 = p[[3L]], lrc = p[[1L]])
        } else st
        setNames(unname(pars[c("Asym", "R0", "lrc")]), c(as.character(mCall[["Asym"]]), as.character(mCall[["R0"]]), as.character(mCall[["lrc"]])))
    }, c("Asym", "R0", "lrc"))

## Self-starting four-parameter logistic model A + (B - A)/(1 + exp((xmid - input)/scal)).
SSfpl <- .ss_model(~ A + (B - A)/(1 + exp((xmid - input)/scal)),
    function(mCall, data, LHS, ...) {
        xy <- sortedXyData(mCall[["input"]], LHS, data)
        if (nrow(xy) < 5) stop("too few distinct input values to fit a four-parameter logistic")
        rng <- range(xy$y)
        drng <- diff(rng)
        prop <- (xy$y - rng[1L] + 0.05 * drng) / (1.1 * drng)
        ir <- as.vector(coef(lm(x ~ I(log(prop/(1 - prop))), data = data.frame(x = xy$x, prop = prop))))
        ## A and B - A enter linearly: the partially linear algorithm on (xmid, log(scal))
        pars <- as.vector(coef(nls(y ~ cbind(1, 1/(1 + exp((xmid - x)/exp(lscal)))), data = xy,
                                   start = list(xmid = ir[1L], lscal = log(abs(ir[2L]))),
                                   algorithm = "plinear", ...)))
        setNames(c(pars[3L], pars[3L] + pars[4L], pars[1L], exp(pars[2L])),
                 c(as.character(mCall[["A"]]), as.character(mCall[["B"]]), as.character(mCall[["xmid"]]), as.character(mCall[["scal"]])))
    }, c("A", "B", "xmid", "scal"))

## Minimises objective(par, ...) subject to box constraints lower <= par <= upper (quasi-Newton; PORT's interface and result).
nlminb <- function(start, objective, gradient = NULL, hessian = NULL, ..., scale = 1, control = list(), lower = -Inf, upper = Inf) {
    par <- setNames(as.double(start), names(start))
    n <- length(par)
    if (!n) stop("'start' must have positive length")
    iv.max <- if (is.null(control$iter.max)) 150L else as.integer(control$iter.max)
    ev.max <- if (is.null(control$eval.max)) 200L else as.integer(control$eval.max)
    rel.tol <- if (is.null(control$rel.tol)) 1e-10 else control$rel.tol
    trace <- if (is.null(control$trace)) 0L else as.integer(control$trace)
    lower <- rep_len(as.double(lower), n)
    upper <- rep_len(as.double(upper), n)
    if (any(lower > upper)) stop("'lower' must not exceed 'upper'")
    par <- pmin(pmax(par, lower), upper)
    fcount <- 0L
    fn <- function(p) {
        fcount <<- fcount + 1L
        names(p) <- names(par)
        v <- objective(p, ...)
        if (length(v) != 1L) stop("objective function in nlminb() must return a scalar")
        if (!is.finite(v)) 1e300 else as.double(v)
    }
    gr <- if (is.null(gradient)) function(p) {
        h <- .Machine$double.eps^(1/3) * pmax(abs(p), 1)
        vapply(seq_along(p), function(i) {
            up <- p; dn <- p
            up[i] <- min(p[i] + h[i], upper[i])
            dn[i] <- max(p[i] - h[i], lower[i])
            (fn(up) - fn(dn)) / (up[i] - dn[i])
        }, 0)
    } else function(p) {
        names(p) <- names(par)
        as.double(gradient(p, ...))
    }
    if (rel.tol < .Machine$double.eps^(2/3)) {
        return(list(par = par, objective = fn(par), convergence = 1L, iterations = 0L,
                    evaluations = c("function" = 1L, gradient = 0L),
                    message = sprintf("'control' component 'rel.tol' = %g, is out of range", rel.tol)))
    }
    bounded <- any(is.finite(lower)) || any(is.finite(upper))
    res <- if (bounded)
        optim(par, fn, gr, method = "L-BFGS-B", lower = lower, upper = upper,
              control = list(maxit = iv.max, factr = 10, pgtol = 0, trace = trace))
    else optim(par, fn, gr, method = "BFGS", control = list(maxit = iv.max, reltol = rel.tol * 1e-4, trace = trace))
    for (restart in 1:2) {
        again <- if (bounded)
            optim(res$par, fn, gr, method = "L-BFGS-B", lower = lower, upper = upper, control = list(maxit = iv.max, factr = 10, pgtol = 0))
        else optim(res$par, fn, gr, method = "BFGS", control = list(maxit = iv.max, reltol = rel.tol * 1e-4))
        improved <- again$value < res$value
        again$counts <- again$counts + res$counts
        res <- again
        if (!improved) break
    }
    p <- res$par
    names(p) <- names(start)
    conv <- if (res$convergence == 0L) 0L else 1L
    msg <- if (conv == 0L) {
        if (abs(res$value) < 1e-20) "X-convergence (3)" else "relative convergence (4)"
    } else if (res$counts[[1L]] >= ev.max) "function evaluation limit reached without convergence (9)"
    else "iteration limit reached without convergence (10)"
    list(par = p, objective = res$value, convergence = conv,
         iterations = as.integer(if (is.na(res$counts[2L])) res$counts[1L] else res$counts[2L]),
         evaluations = c("function" = as.integer(res$counts[1L]), gradient = as.integer(if (is.na(res$counts[2L])) 0L else res$counts[2L])),
         message = msg)
}

## Minimises f(theta) subject to the linear inequality constraints ui %*% theta - ci >= 0, by an adaptive logarithmic barrier around optim().
constrOptim <- function(theta, f, grad, ui, ci, mu = 1e-04, control = list(), method = if (is.null(grad)) "Nelder-Mead" else "BFGS", outer.iterations = 100, outer.eps = 1e-05, ..., hessian = FALSE) {
    if (!is.null(control$fnscale) && control$fnscale < 0) mu <- -mu
    ui <- as.matrix(ui)
    barrierObj <- function(th, th.old, ...) {
        slack <- drop(ui %*% th) - ci
        if (any(slack < 0)) return(NaN)
        slack.old <- drop(ui %*% th.old) - ci
        bar <- sum(slack.old * log(slack) - drop(ui %*% th))
        if (!is.finite(bar)) bar <- -Inf
        f(th, ...) - mu * bar
    }
    barrierGrad <- function(th, th.old, ...) {
        slack <- drop(ui %*% th) - ci
        slack.old <- drop(ui %*% th.old) - ci
        grad(th, ...) - mu * colSums(ui * slack.old / slack - ui)
    }
    if (any(ui %*% theta - ci <= 0)) stop("initial value is not in the interior of the feasible region")
    obj <- f(theta, ...)
    r <- barrierObj(theta, theta, ...)
    theta.old <- theta
    fun <- function(th, ...) barrierObj(th, theta.old, ...)
    gfun <- if (method == "SANN") { if (missing(grad)) NULL else grad } else function(th, ...) barrierGrad(th, theta.old, ...)
    totCounts <- 0
    s.mu <- sign(mu)
    for (i in seq_len(outer.iterations)) {
        obj.old <- obj
        r.old <- r
        theta.old <- theta
        a <- optim(theta.old, fun, gfun, control = control, method = method, hessian = hessian, ...)
        r <- a$value
        if (is.finite(r) && is.finite(r.old) && abs(r - r.old) < (0.001 + abs(r)) * outer.eps) break
        theta <- a$par
        totCounts <- totCounts + a$counts
        obj <- f(theta, ...)
        if (s.mu * obj > s.mu * obj.old) break
    }
    if (i == outer.iterations) {
        a$convergence <- 7
        a$message <- "Barrier algorithm ran out of iterations and did not converge"
    }
    if (mu > 0 && obj > obj.old) {
        a$convergence <- 11
        a$message <- gettextf("Objective function increased at outer iteration %d", i)
    }
    if (mu < 0 && obj < obj.old) {
        a$convergence <- 11
        a$message <- gettextf("Objective function decreased at outer iteration %d", i)
    }
    a$outer.iterations <- i
    a$counts <- totCounts
    a$barrier.value <- a$value
    a$value <- f(a$par, ...)
    a$barrier.value <- a$barrier.value - a$value
    a
}

## AIC of an nls fit.
AIC.nls <- function(object, ..., k = 2) {
    ll <- logLik(object)
    -2 * as.vector(unclass(ll)) + k * attr(ll, "df")
}

## BIC of an nls fit.
BIC.nls <- function(object, ...) {
    ll <- logLik(object)
    -2 * as.vector(unclass(ll)) + log(attr(ll, "nobs")) * attr(ll, "df")
}

## Prints a coefficient table with standard errors, test statistics, p-values and significance stars.
printCoefmat <- function(x, digits = max(3L, getOption("digits") - 2L), signif.stars = getOption("show.signif.stars"), signif.legend = signif.stars, dig.tst = max(1L, min(5L, digits - 1L)), cs.ind = 1:k, tst.ind = k + 1, zap.ind = integer(), P.values = NULL, has.Pvalue = nc >= 4L && substr(colnames(x)[nc], 1L, 3L) %in% c("Pr(", "p-v"), eps.Pvalue = .Machine$double.eps, na.print = "NA", quote = FALSE, right = TRUE, ...) {
    if (is.null(d <- dim(x)) || length(d) != 2L) stop("'x' must be coefficient matrix/data frame")
    nc <- d[2L]
    if (is.null(P.values)) {
        scp <- getOption("show.coef.Pvalues")
        if (!is.logical(scp) || is.na(scp)) scp <- TRUE
        P.values <- has.Pvalue && scp
    } else if (P.values && !has.Pvalue) stop("'P.values' is TRUE, but 'has.Pvalue' is not")
    k <- nc - has.Pvalue - (if (missing(tst.ind)) 1 else length(tst.ind))
    if (is.null(signif.stars)) signif.stars <- TRUE
    cat(.coefmat_text(as.matrix(x), digits, isTRUE(signif.stars) && has.Pvalue && P.values, cs.ind, tst.ind, zap.ind, has.Pvalue && P.values, na.print))
    invisible(x)
}
