# Profiling glm fits and the profile-likelihood intervals confint() gives for them (the
# method R takes from MASS): profile.glm, confint.glm, confint.profile.glm.

## Profiles the deviance of a glm fit along each parameter in `which` (MASS's method):
## the signed root statistic (z, or tau for families with a dispersion to estimate) and
## the parameter values re-fitted at each step. Class "profile.glm".
profile.glm <- function(fitted, which = 1:p, alpha = 0.01, maxsteps = 10, del = zmax / 5,
                        trace = FALSE, ...) {
    B0 <- coef(fitted)
    Pnames <- names(B0)
    nonA <- !is.na(B0)
    pv0 <- t(as.matrix(B0))
    p <- length(Pnames)
    if (is.character(which)) which <- match(which, Pnames)
    summ <- summary(fitted)
    std.err <- summ$coefficients[, "Std. Error"]
    mf <- model.frame(fitted)
    Y <- model.response(mf)
    n <- NROW(Y)
    O <- model.offset(mf)
    if (!length(O)) O <- rep(0, n)
    W <- model.weights(mf)
    if (length(W) == 0L) W <- rep(1, n)
    dev0 <- deviance(fitted)
    disp <- summ$dispersion
    X <- model.matrix(fitted)
    fam <- family(fitted)
    if (fam$family %in% c("binomial", "poisson", "Negative Binomial")) {
        zmax <- sqrt(qchisq(1 - alpha, 1))
        profName <- "z"
    } else {
        zmax <- sqrt(qf(1 - alpha, 1, n - p))
        profName <- "tau"
    }
    prof <- vector("list", length = length(which))
    names(prof) <- Pnames[which]
    for (i in which) {
        if (!nonA[i]) next
        zi <- 0
        pvi <- pv0
        a <- nonA
        a[i] <- FALSE
        Xi <- X[, a, drop = FALSE]
        pi <- Pnames[i]
        for (sgn in c(-1, 1)) {
            if (trace) message("\nParameter: ", pi, " ", c("down", "up")[(sgn + 1) / 2 + 1])
            step <- 0
            z <- 0
            LP <- X[, nonA, drop = FALSE] %*% B0[nonA] + O
            while ((step <- step + 1) < maxsteps && abs(z) < zmax) {
                bi <- B0[i] + sgn * step * del * std.err[i]
                o <- O + X[, i] * bi
                fm <- glm.fit(x = Xi, y = Y, weights = W, etastart = LP, offset = o,
                              family = fam, control = fitted$control)
                LP <- Xi %*% fm$coefficients + o
                ri <- pv0
                ri[, names(coef(fm))] <- coef(fm)
                ri[, pi] <- bi
                pvi <- rbind(pvi, ri)
                zz <- (fm$deviance - dev0) / disp
                if (zz > -0.001) zz <- max(zz, 0)
                else stop("profiling has found a better solution, so original fit had not converged")
                z <- sgn * sqrt(zz)
                zi <- c(zi, z)
            }
        }
        si <- order(zi)
        pr <- structure(list(zi[si]), names = profName, class = "data.frame",
                        row.names = seq_along(si))
        pr$par.vals <- pvi[si, , drop = FALSE]
        prof[[pi]] <- pr
    }
    val <- structure(prof, original.fit = fitted, summary = summ)
    class(val) <- c("profile.glm", "profile")
    val
}

## Profile-likelihood confidence intervals for the coefficients of a glm fit (MASS's
## method, which R's stats uses): where the spline through the profile crosses the normal
## quantiles.
confint.glm <- function(object, parm, level = 0.95, trace = FALSE, ...) {
    pnames <- names(coef(object))
    if (missing(parm)) parm <- seq_along(pnames)
    else if (is.character(parm)) parm <- match(parm, pnames, nomatch = 0L)
    message("Waiting for profiling to be done...")
    object <- profile.glm(object, which = parm, alpha = (1 - level) / 4, trace = trace)
    confint.profile.glm(object, parm = parm, level = level, trace = trace, ...)
}

## Confidence intervals from a profile of a glm fit.
confint.profile.glm <- function(object, parm = seq_along(pnames), level = 0.95, ...) {
    of <- attr(object, "original.fit")
    pnames <- names(coef(of))
    if (is.character(parm)) parm <- match(parm, pnames, nomatch = 0L)
    a <- (1 - level) / 2
    a <- c(a, 1 - a)
    pct <- paste(round(100 * a, 1), "%")
    ci <- array(NA, dim = c(length(parm), 2L), dimnames = list(pnames[parm], pct))
    cutoff <- qnorm(a)
    for (pm in parm) {
        pro <- object[[pnames[pm]]]
        if (is.null(pro)) next
        pv <- pro$par.vals
        sp <- spline(x = if (is.matrix(pv)) pv[, pm] else pv, y = pro[[1L]])
        ci[pnames[pm], ] <- approx(sp$y, sp$x, xout = cutoff)$y
    }
    drop(ci)
}
