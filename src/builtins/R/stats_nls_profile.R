# nls with bounds (algorithm = "port") and profiling of nls fits: profile.nls,
# confint.nls (profile-based intervals, as MASS gives them) and plot.profile.nls.

## Bounded nonlinear least squares for nls(algorithm = "port") (internal): Gauss-Newton
## steps on the parameters not held at a bound, projected into [lower, upper], with step
## halving, until the predicted relative reduction of the deviance falls below rel.tol.
## Returns nls's convInfo with PORT's codes and messages: 4 on relative convergence, 5 when
## the next step is also negligible and no step moved a parameter onto a bound
## (X-convergence; an approximation of PORT's test).
.nls_port_iter <- function(m, lower, upper, ctrl, trace) {
    pars <- m$getPars()
    np <- length(pars)
    lower <- rep_len(as.double(unlist(lower)), np)
    upper <- rep_len(as.double(unlist(upper)), np)
    if (any(pars < lower | pars > upper)) stop("Convergence failure: initial par violates constraints")
    maxit <- if (is.null(ctrl$maxiter)) 50L else as.integer(ctrl$maxiter)
    rel.tol <- if (is.null(ctrl$rel.tol)) 1e-10 else ctrl$rel.tol
    dev <- m$deviance()
    nf <- 1L
    ng <- 1L
    it <- 0L
    crit <- NA_real_
    polish <- 0L
    code <- NULL
    clipped <- FALSE
    done <- function(code) {
        msg <- switch(as.character(code), "4" = "relative convergence (4)",
                      "5" = "both X-convergence and relative convergence (5)",
                      "6" = "absolute function convergence (6)",
                      "9" = "function evaluation limit reached without convergence (9)",
                      "10" = "iteration limit reached without convergence (10)",
                      "8" = "false convergence (8)")
        list(isConv = code %in% 3:6, finIter = it, finTol = crit, nEval = c("function" = nf, gradient = ng),
             stopCode = as.integer(code), stopMessage = msg)
    }
    if (trace) m$trace()
    repeat {
        r <- as.vector(m$resid())
        G <- m$gradient()
        if (dev == 0) return(done(6L))
        ## the bound-held parameters: at a bound with the descent direction pointing out
        g <- -2 * drop(crossprod(G, r))
        free <- !((pars <= lower & g > 0) | (pars >= upper & g < 0))
        if (!any(free)) return(done(5L))
        qrf <- qr(G[, free, drop = FALSE])
        step <- numeric(np)
        step[free] <- qr.coef(qrf, r)
        step[is.na(step)] <- 0
        qtr <- qr.qty(qrf, r)[seq_len(qrf$rank)]
        crit <- sum(qtr^2) / dev
        ## past the tolerance, full steps polish the estimate while they still lower the deviance
        if (is.null(code) && crit <= rel.tol)
            code <- if (!clipped && max(abs(step)) / max(abs(pars)) <= 1.5e-8) 5L else 4L
        conv <- !is.null(code)
        if (conv && (crit < 1e-28 || polish >= 5L)) return(done(code))
        if (it >= maxit) return(done(10L))
        fac <- 1
        repeat {
            raw <- pars + fac * step
            new <- pmin(pmax(raw, lower), upper)
            clipped <- clipped || any(new != raw & new != pars)
            m$setPars(new)
            nf <- nf + 1L
            nd <- m$deviance()
            if (!is.na(nd) && nd <= dev) break
            if (conv) {
                m$setPars(pars)
                return(done(code))
            }
            fac <- fac / 2
            if (fac < 1e-10) {
                m$setPars(pars)
                return(done(8L))
            }
        }
        if (conv) polish <- polish + 1L
        ng <- ng + 1L
        it <- it + 1L
        pars <- new
        dev <- nd
        if (trace) m$trace()
    }
}

## The profile of an nls fit's residual sum of squares: for each parameter in `which`, the
## signed root statistic tau and the other parameters re-fitted along a path of values of
## that parameter. Class "profile.nls".
profile.nls <- function(fitted, which = 1L:npar, maxpts = 100, alphamax = 0.01, delta.t = cutoff / 5, ...) {
    smry <- summary(fitted)
    se <- smry$coefficients[, "Std. Error"]
    nobs <- length(residuals(fitted))
    est <- coef(fitted)
    npar <- length(est)
    bound <- function(b, dflt) rep_len(if (!is.null(b)) as.double(eval(b)) else dflt, npar)
    lower <- bound(fitted$call$lower, -Inf)
    upper <- bound(fitted$call$upper, Inf)
    if (is.character(which)) which <- match(which, names(est), 0)
    which <- which[which >= 1 & which <= npar]
    cutoff <- sqrt(qf(1 - alphamax, 1L, nobs - npar))
    S.hat <- deviance(fitted)
    s2.hat <- smry$sigma^2
    out <- vector("list", npar)
    for (k in which) {
        ## walk down then up from the estimate, re-fitting the others at each step
        tau <- 0
        vals <- matrix(est, 1L, npar, dimnames = list(NULL, names(est)))
        step0 <- delta.t * se[k]
        for (sgn in c(-1, 1)) {
            pars <- vals[nrow(vals), ]
            pars[k] <- min(upper[k], max(lower[k], est[k] + sgn * step0))
            path.tau <- numeric()
            path <- matrix(0, 0L, npar)
            last.tau <- 0
            last <- est
            ref <- vals[1L, ]
            for (count in seq_len(maxpts)) {
                if (is.na(pars[k]) || isTRUE(all.equal(pars, ref)) || pars[k] < lower[k] || pars[k] > upper[k] ||
                    abs(pars[k] - est[k]) / se[k] > 10 * cutoff) break
                ans <- .nls_profile_point(fitted, k, pars, lower, upper)
                fstat <- (ans$dev - S.hat) / s2.hat
                if (is.na(fstat) || fstat < 0) break
                newtau <- sgn * sqrt(fstat)
                if (abs(newtau - last.tau) < 0.1) break
                path.tau <- c(path.tau, newtau)
                path <- rbind(path, ans$pars)
                pars <- ans$pars
                if (abs(newtau) > cutoff) break
                pars <- pars + (pars - last) * delta.t / abs(newtau - last.tau)
                pars[-k] <- pmin(upper[-k], pmax(lower[-k], pars[-k]))
                last.tau <- newtau
                last <- ans$pars
            }
            if (sgn < 0) {
                tau <- c(rev(path.tau), tau)
                vals <- rbind(path[rev(seq_len(nrow(path))), , drop = FALSE], vals)
            } else {
                tau <- c(tau, path.tau)
                vals <- rbind(vals, path)
            }
        }
        dimnames(vals) <- list(NULL, names(est))
        out[[k]] <- structure(list(tau = tau, par.vals = vals), class = "data.frame",
                              row.names = as.character(seq_along(tau)),
                              parameters = list(par = k, std.err = se[k]))
    }
    names(out)[which] <- names(est)[which]
    out <- out[which]
    attr(out, "original.fit") <- fitted
    attr(out, "summary") <- smry
    class(out) <- c("profile.nls", "profile")
    out
}

## Profiles an nls fit (generic).
profile <- function(fitted, ...) UseMethod("profile")

## The fit of an nls model with parameter k held at pars[k], the others started at pars
## (internal): list(dev, pars); dev is NA when the fit fails.
.nls_profile_point <- function(fit, k, pars, lower, upper) {
    m0 <- fit$m
    env <- new.env(parent = environment(m0$formula()))
    e0 <- m0$getEnv()
    for (v in ls(e0, all.names = TRUE)) assign(v, get(v, envir = e0), envir = env)
    pn <- names(pars)
    assign(pn[k], unname(pars[k]), envir = env)
    form <- m0$formula()
    environment(form) <- env
    ctrl <- fit$call$control
    if (is.null(ctrl)) ctrl <- nls.control()
    port <- identical(fit$call$algorithm, "port")
    res <- tryCatch({
        m <- .nls_model(form, list(), as.list(pars[-k]), if (is.null(fit$weights)) numeric() else fit$weights,
                        scaleOffset = if (is.null(ctrl$scaleOffset)) 0 else ctrl$scaleOffset,
                        nDcentral = isTRUE(ctrl$nDcentral))
        ci <- if (port) .nls_port_iter(m, lower[-k], upper[-k], ctrl, FALSE) else .nls_iter(m, ctrl, FALSE)
        if (port && !ci$isConv) NA_real_ else m$deviance()
    }, error = function(e) NA_real_)
    if (!is.na(res)) {
        p <- pars
        p[-k] <- m$getPars()
        list(dev = res, pars = p)
    } else list(dev = NA_real_, pars = pars)
}

## Profile-based confidence intervals for the parameters of an nls fit.
confint.nls <- function(object, parm, level = 0.95, ...) {
    pnames <- names(coef(object))
    if (missing(parm)) parm <- seq_along(pnames)
    if (is.numeric(parm)) parm <- pnames[parm]
    message("Waiting for profiling to be done...")
    prof <- profile(object, which = parm, alphamax = (1 - level) / 4)
    confint.profile.nls(prof, parm = parm, level = level, ...)
}

## Confidence intervals from a profile of an nls fit: where the interpolating spline of tau
## against each parameter crosses the t quantiles.
confint.profile.nls <- function(object, parm = seq_along(pnames), level = 0.95, ...) {
    pnames <- names(object)
    of <- attr(object, "original.fit")
    if (is.numeric(parm)) parm <- pnames[parm]
    parm <- parm[parm %in% pnames]
    rdf <- length(fitted(of)) - length(coef(of))
    a <- (1 - level) / 2
    a <- c(a, 1 - a)
    ci <- array(NA, dim = c(length(parm), 2L), dimnames = list(parm, paste0(round(100 * a, 1), "%")))
    q <- qt(a, rdf)
    for (p in parm) {
        pr <- object[[p]]
        sp <- spline(x = pr$par.vals[, p], y = pr$tau)
        ci[p, ] <- approx(sp$y, sp$x, xout = q)$y
    }
    drop(ci)
}

## Draws the profiles of an nls fit: |tau| (or tau, absVal = FALSE) against each parameter,
## through a natural interpolating spline, with the confidence limits at `levels` read off
## the spline's inverse.
plot.profile.nls <- function(x, levels, conf = c(99, 95, 90, 80, 50) / 100, absVal = TRUE,
                             ylab = NULL, lty = 2, ...) {
    obj <- x
    dfres <- attr(obj, "summary")$df[2L]
    if (missing(levels)) levels <- sqrt(qf(pmax(0, pmin(1, conf)), 1, dfres))
    if (any(levels <= 0)) {
        levels <- levels[levels > 0]
        warning("levels truncated to positive values only")
    }
    mlev <- max(levels) * 1.05
    opar <- par(mar = c(5, 4, 1, 1) + 0.1)
    on.exit(par(opar))
    for (i in names(obj)) {
        px <- obj[[i]]$par.vals[, i]
        tau <- obj[[i]]$tau
        f <- splinefun(px, tau, method = "natural")
        sx <- seq(min(px), max(px), length.out = 51L)
        sy <- f(sx)
        back <- function(t) approx(sy, sx, xout = t)$y
        xlim <- back(c(-mlev, mlev))
        if (is.na(xlim[1L])) xlim[1L] <- min(px)
        if (is.na(xlim[2L])) xlim[2L] <- max(px)
        if (absVal) {
            plot(px, abs(tau), xlab = i, ylim = c(0, mlev), xlim = xlim,
                 ylab = if (is.null(ylab)) expression(abs(tau)) else ylab, type = "n", ...)
            o <- order(c(sx, px))
            lines(c(sx, px)[o], abs(c(sy, tau))[o], col = 4)
            abline(v = back(0), col = 3, lty = lty)
            for (lev in levels) {
                pred <- back(c(-lev, lev))
                lines(pred, rep.int(lev, 2), type = "h", col = 6, lty = lty)
                lines(pred, rep.int(lev, 2), type = "l", col = 6, lty = lty)
            }
        } else {
            plot(px, tau, xlab = i, ylim = c(-mlev, mlev), xlim = xlim,
                 ylab = if (is.null(ylab)) expression(tau) else ylab, type = "n", ...)
            lines(sx, sy, col = 4)
            abline(h = 0, col = 3, lty = lty)
            for (lev in levels) lines(back(c(-lev, lev)), c(-lev, lev), type = "h", col = 6, lty = lty)
        }
    }
    invisible()
}
