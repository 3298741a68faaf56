# stats4: maximum likelihood estimation (mle) as S4 classes, with summary, coef, vcov,
# logLik, AIC, nobs, profile and confint.

## Defines stats4's classes and show methods (once per session).
.stats4_setup <- function() {
    if (!is.null(.s4_def("mle"))) return(invisible())
    setClass("mle", representation(call = "language", coef = "numeric", fullcoef = "numeric",
             vcov = "matrix", min = "numeric", details = "list", minuslogl = "function",
             nobs = "integer", method = "character"), package = "stats4")
    setClass("summary.mle", representation(call = "language", coef = "matrix", m2logL = "numeric"),
             package = "stats4")
    setClass("profile.mle", representation(profile = "list", summary = "summary.mle"), package = "stats4")
    setMethod("show", "mle", function(object) {
        cat("\nCall:\n")
        print(object@call)
        cat("\nCoefficients:\n")
        print(object@fullcoef)
    })
    setMethod("show", "summary.mle", function(object) {
        cat("Maximum likelihood estimation\n\nCall:\n")
        print(object@call)
        cat("\nCoefficients:\n")
        print(object@coef)
        cat("\n-2 log L:", object@m2logL, "\n")
    })
    invisible()
}

## Estimates parameters by minimizing minuslogl (a function of the parameters, each an
## argument) with optim, from start, holding fixed ones constant; an S4 object of class
## "mle" with the estimates, their covariance (the inverse Hessian) and the minimum.
mle <- function(minuslogl, start, optim = stats::optim, method = if (!useLim) "BFGS" else "L-BFGS-B",
                fixed = list(), nobs, lower, upper, ...) {
    .stats4_setup()
    call <- match.call()
    useLim <- !missing(lower) || !missing(upper)
    fullcoef <- formals(minuslogl)
    if (missing(start)) start <- fullcoef[!names(fullcoef) %in% names(fixed)]
    start <- lapply(start, eval.parent)
    nfix <- names(fixed)
    for (n in nfix) fullcoef[[n]] <- fixed[[n]]
    nm <- names(start)
    if (!all(nm %in% names(fullcoef)))
        stop("some named arguments in 'start' are not arguments to the supplied log-likelihood", call. = FALSE)
    start <- unlist(start)
    template <- lapply(fullcoef, function(v) if (is.name(v) || is.call(v)) NA_real_ else eval(v))
    f <- function(p) {
        l <- template
        l[nm] <- as.list(p)
        do.call(minuslogl, l)
    }
    if (length(start) == 0L) {
        coef <- numeric()
        oout <- list(par = numeric(), value = f(numeric()), counts = c(0L, 0L), convergence = 0L,
                     message = NULL, hessian = matrix(numeric(), 0, 0))
        vcov <- matrix(numeric(), 0, 0)
    } else {
        oout <- if (useLim) {
            lo <- if (missing(lower)) -Inf else lower
            up <- if (missing(upper)) Inf else upper
            optim(start, f, method = method, hessian = TRUE, lower = lo, upper = up, ...)
        } else optim(start, f, method = method, hessian = TRUE, ...)
        coef <- oout$par
        names(coef) <- nm
        vcov <- solve(oout$hessian)
        dimnames(vcov) <- list(nm, nm)
    }
    full <- template
    full[nm] <- as.list(coef)
    full <- unlist(full)
    new("mle", call = call, coef = coef, fullcoef = full, vcov = vcov, min = oout$value,
        details = oout, minuslogl = minuslogl,
        nobs = if (missing(nobs)) NA_integer_ else as.integer(nobs), method = method)
}

## The estimates of an mle fit (all parameters, the fixed ones included).
coef.mle <- function(object, ...) object@fullcoef

## The covariance matrix of the estimated parameters of an mle fit.
vcov.mle <- function(object, ...) object@vcov

## The log-likelihood at the maximum, with the number of estimated parameters as df.
logLik.mle <- function(object, ...) {
    structure(-object@min, df = length(object@coef), nobs = object@nobs, class = "logLik")
}

## The number of observations an mle fit was told (NA when not given).
nobs.mle <- function(object, ...) if (is.na(object@nobs)) NA_integer_ else object@nobs

## AIC of an mle fit: -2 log L + k * (number of estimated parameters).
AIC.mle <- function(object, ..., k = 2) 2 * object@min + k * length(object@coef)

## BIC of an mle fit (needs nobs).
BIC.mle <- function(object, ...) 2 * object@min + log(object@nobs) * length(object@coef)

## The estimates with their standard errors and -2 log L.
summary.mle <- function(object, ...) {
    cmat <- cbind(Estimate = object@coef, `Std. Error` = sqrt(diag(object@vcov)))
    new("summary.mle", call = object@call, coef = cmat, m2logL = 2 * object@min)
}

## Profile likelihood intervals for the parameters of an mle fit: for each parameter,
## where the signed root of the likelihood-ratio statistic (the others re-optimized)
## crosses the normal quantiles of the level.
confint.mle <- function(object, parm, level = 0.95, ...) {
    cat("Profiling...\n")
    cf <- object@coef
    pnames <- names(cf)
    if (missing(parm)) parm <- pnames
    if (is.numeric(parm)) parm <- pnames[parm]
    a <- (1 - level) / 2
    a <- c(a, 1 - a)
    z <- qnorm(a)
    se <- sqrt(diag(object@vcov))
    ci <- matrix(NA_real_, length(parm), 2L,
                 dimnames = list(parm, paste(format(100 * a, trim = TRUE, scientific = FALSE, digits = 3), "%")))
    for (p in parm) {
        zfun <- .stats4_profile_z(object, p)
        for (s in 1:2) {
            target <- z[s]
            step <- se[[p]] * sign(target)
            lo <- cf[[p]]
            hi <- lo + step
            k <- 0
            while (abs(zfun(hi)) < abs(target) && k < 30) { lo <- hi; hi <- hi + step; k <- k + 1 }
            r <- tryCatch(uniroot(function(v) zfun(v) - target, sort(c(lo, hi)))$root,
                          error = function(e) NA_real_)
            ci[p, s] <- r
        }
    }
    drop(ci)
}

## The signed root likelihood-ratio statistic of parameter p of an mle fit, as a function
## of its value (the other parameters re-estimated).
.stats4_profile_z <- function(object, p) {
    cf <- object@coef
    others <- setdiff(names(cf), p)
    full <- as.list(object@fullcoef)
    function(v) {
        full[[p]] <- v
        val <- if (length(others)) {
            g <- function(q) { l <- full; l[others] <- as.list(q); do.call(object@minuslogl, l) }
            optim(cf[others], g, method = if (length(others) == 1L) "BFGS" else "Nelder-Mead")$value
        } else do.call(object@minuslogl, full)
        sign(v - cf[[p]]) * sqrt(max(0, 2 * (val - object@min)))
    }
}
