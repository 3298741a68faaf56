# Family objects and link functions for glm (R's stats package): every family object
# carries the functions R's do (linkfun, linkinv, variance, dev.resids, aic, mu.eta,
# validmu, valideta, simulate) as R functions, so user code can call them. The fitting
# itself (glm) is in Rust and reads the family and link names.

## A link object (class "link-glm"): linkfun, linkinv, mu.eta, valideta and name, for
## "logit", "probit", "cauchit", "cloglog", "identity", "log", "sqrt", "1/mu^2", "inverse".
make.link <- function(link) {
    eps <- .Machine$double.eps
    always <- function(eta) TRUE
    positive <- function(eta) all(is.finite(eta)) && all(eta > 0)
    l <- switch(link,
        logit = list(
            linkfun = function(mu) log(mu / (1 - mu)),
            linkinv = function(eta) {
                e <- ifelse(eta < -30, .Machine$double.eps,
                            ifelse(eta > 30, 1 / .Machine$double.eps, exp(eta)))
                e / (1 + e)
            },
            mu.eta = function(eta) {
                ifelse(eta > 30 | eta < -30, .Machine$double.eps, exp(eta) / (1 + exp(eta))^2)
            },
            valideta = always),
        probit = list(
            linkfun = function(mu) qnorm(mu),
            linkinv = function(eta) {
                thresh <- -qnorm(.Machine$double.eps)
                pnorm(pmin(pmax(eta, -thresh), thresh))
            },
            mu.eta = function(eta) pmax(dnorm(eta), .Machine$double.eps),
            valideta = always),
        cauchit = list(
            linkfun = function(mu) qcauchy(mu),
            linkinv = function(eta) {
                thresh <- -qcauchy(.Machine$double.eps)
                pcauchy(pmin(pmax(eta, -thresh), thresh))
            },
            mu.eta = function(eta) pmax(dcauchy(eta), .Machine$double.eps),
            valideta = always),
        cloglog = list(
            linkfun = function(mu) log(-log(1 - mu)),
            linkinv = function(eta) pmax(pmin(-expm1(-exp(eta)), 1 - .Machine$double.eps),
                                         .Machine$double.eps),
            mu.eta = function(eta) {
                eta <- pmin(eta, 700)
                pmax(exp(eta) * exp(-exp(eta)), .Machine$double.eps)
            },
            valideta = always),
        identity = list(
            linkfun = function(mu) mu,
            linkinv = function(eta) eta,
            mu.eta = function(eta) rep.int(1, length(eta)),
            valideta = always),
        log = list(
            linkfun = function(mu) log(mu),
            linkinv = function(eta) pmax(exp(eta), .Machine$double.eps),
            mu.eta = function(eta) pmax(exp(eta), .Machine$double.eps),
            valideta = always),
        sqrt = list(
            linkfun = function(mu) sqrt(mu),
            linkinv = function(eta) eta^2,
            mu.eta = function(eta) 2 * eta,
            valideta = positive),
        "1/mu^2" = list(
            linkfun = function(mu) 1 / mu^2,
            linkinv = function(eta) 1 / sqrt(eta),
            mu.eta = function(eta) -1 / (2 * eta^1.5),
            valideta = positive),
        inverse = list(
            linkfun = function(mu) 1 / mu,
            linkinv = function(eta) 1 / eta,
            mu.eta = function(eta) -1 / (eta^2),
            valideta = function(eta) all(is.finite(eta)) && all(eta != 0)),
        stop(gettextf("%s link not recognised", sQuote(link))))
    l$name <- link
    structure(l, class = "link-glm")
}

## The power link mu^lambda (log for lambda <= 0, identity for 1), as a "link-glm" object.
power <- function(lambda = 1) {
    if (!is.numeric(lambda) || is.na(lambda)) stop("invalid argument 'lambda'")
    if (lambda <= 0) return(make.link("log"))
    if (lambda == 1) return(make.link("identity"))
    l <- list(
        linkfun = function(mu) mu^lambda,
        linkinv = function(eta) pmax(eta^(1 / lambda), .Machine$double.eps),
        mu.eta = function(eta) pmax((1 / lambda) * eta^(1 / lambda - 1), .Machine$double.eps),
        valideta = function(eta) all(is.finite(eta)) && all(eta > 0),
        name = paste0("mu^", round(lambda, 3)))
    structure(l, class = "link-glm")
}

## y * log(y / mu), 0 where y is 0.
.ylogy <- function(y, mu) ifelse(y > 0, y * log(y / mu), 0)

## The full family object for `family` (a name) with link `link` (a name or a
## "link-glm" object): the functions R's family objects carry.
.glm_family <- function(family, link, variance = NULL) {
    lk <- if (inherits(link, "link-glm")) link else make.link(link)
    positive_mu <- function(mu) all(is.finite(mu)) && all(mu > 0)
    f <- switch(family,
        gaussian = list(
            variance = function(mu) rep.int(1, length(mu)),
            dev.resids = function(y, mu, wt) wt * ((y - mu)^2),
            aic = function(y, n, mu, wt, dev) {
                nobs <- length(y)
                nobs * (log(2 * pi * dev / nobs) + 1) + 2
            },
            validmu = function(mu) TRUE),
        binomial = ,
        quasibinomial = list(
            variance = function(mu) mu * (1 - mu),
            dev.resids = function(y, mu, wt) 2 * wt * (.ylogy(y, mu) + .ylogy(1 - y, 1 - mu)),
            aic = if (family == "binomial") function(y, n, mu, wt, dev) {
                m <- if (any(n > 1)) n else wt
                -2 * sum(ifelse(m > 0, (wt / m), 0) * dbinom(round(m * y), round(m), mu, log = TRUE))
            } else function(y, n, mu, wt, dev) NA,
            validmu = function(mu) all(is.finite(mu)) && all(mu > 0 & mu < 1),
            simulate = if (family == "binomial") function(object, nsim) {
                ftd <- fitted(object)
                n <- length(ftd)
                wts <- object$prior.weights
                if (any(wts %% 1 != 0)) stop("cannot simulate from non-integer prior.weights")
                rbinom(nsim * n, wts, ftd) / wts
            }),
        poisson = ,
        quasipoisson = list(
            variance = function(mu) mu,
            dev.resids = function(y, mu, wt) {
                r <- mu * wt
                p <- which(y > 0)
                r[p] <- (wt * (y * log(y / mu) - (y - mu)))[p]
                2 * r
            },
            aic = if (family == "poisson") function(y, n, mu, wt, dev) {
                -2 * sum(dpois(y, mu, log = TRUE) * wt)
            } else function(y, n, mu, wt, dev) NA,
            validmu = positive_mu,
            simulate = if (family == "poisson") function(object, nsim) {
                ftd <- fitted(object)
                rpois(nsim * length(ftd), ftd)
            }),
        Gamma = list(
            variance = function(mu) mu^2,
            dev.resids = function(y, mu, wt) -2 * wt * (log(ifelse(y == 0, 1, y / mu)) - (y - mu) / mu),
            aic = function(y, n, mu, wt, dev) {
                n <- sum(wt)
                disp <- dev / n
                -2 * sum(dgamma(y, 1 / disp, scale = mu * disp, log = TRUE) * wt) + 2
            },
            validmu = positive_mu,
            simulate = function(object, nsim) stop("need CRAN package 'MASS' for simulation from the Gamma family")),
        inverse.gaussian = list(
            variance = function(mu) mu^3,
            dev.resids = function(y, mu, wt) wt * ((y - mu)^2) / (y * mu^2),
            aic = function(y, n, mu, wt, dev) {
                sum(wt) * (log(dev / sum(wt) * 2 * pi) + 1) + 3 * sum(log(y) * wt) + 2
            },
            validmu = function(mu) TRUE,
            simulate = function(object, nsim) stop("need CRAN package 'SuppDists' for simulation from the 'inverse.gaussian' family")),
        stop(gettextf("family '%s' not recognized", family)))
    out <- list(family = family, link = lk$name, linkfun = lk$linkfun,
                linkinv = lk$linkinv, variance = f$variance, dev.resids = f$dev.resids,
                aic = f$aic, mu.eta = lk$mu.eta, initialize = .family_init(family),
                validmu = f$validmu, valideta = lk$valideta)
    if (!is.null(f$simulate)) out$simulate <- f$simulate
    structure(out, class = "family")
}

## The family's `initialize` expression: checks the response and sets n and mustart, as
## glm.fit evaluates it.
.family_init <- function(family) {
    switch(family,
        gaussian = expression({
            n <- rep.int(1, nobs)
            mustart <- y
        }),
        binomial = ,
        quasibinomial = expression({
            if (NCOL(y) == 1) {
                if (is.factor(y)) y <- y != levels(y)[1L]
                n <- rep.int(1, nobs)
                y[weights == 0] <- 0
                if (any(y < 0 | y > 1)) stop("y values must be 0 <= y <= 1")
                mustart <- (weights * y + 0.5) / (weights + 1)
            } else if (NCOL(y) == 2) {
                n <- (y1 <- y[, 1L]) + y[, 2L]
                y <- y1 / n
                if (any(n0 <- n == 0)) y[n0] <- 0
                weights <- weights * n
                mustart <- (n * y + 0.5) / (n + 1)
            } else stop("y must be a vector of 0 and 1's or a 2 column matrix")
        }),
        poisson = ,
        quasipoisson = expression({
            if (any(y < 0)) stop("negative values not allowed for the 'Poisson' family")
            n <- rep.int(1, nobs)
            mustart <- y + 0.1
        }),
        Gamma = expression({
            if (any(y <= 0)) stop("non-positive values not allowed for the 'Gamma' family")
            n <- rep.int(1, nobs)
            mustart <- y
        }),
        inverse.gaussian = expression({
            if (any(y <= 0)) stop("positive values only are allowed for the 'inverse.gaussian' family")
            n <- rep.int(1, nobs)
            mustart <- y
        }),
        expression({
            n <- rep.int(1, nobs)
            mustart <- y
        }))
}

## The quasi family: a link ("identity" by default, a name or a link object) and a
## variance function: "constant", "mu(1-mu)", "mu", "mu^2" or "mu^3".
quasi <- function(link = "identity", variance = "constant") {
    lk <- if (inherits(link, "link-glm")) link else {
        if (!is.character(link)) link <- deparse(substitute(link))
        make.link(link)
    }
    if (!is.character(variance)) variance <- deparse(substitute(variance))
    v <- switch(variance,
        constant = list(
            variance = function(mu) rep.int(1, length(mu)),
            dev.resids = function(y, mu, wt) wt * ((y - mu)^2),
            validmu = function(mu) TRUE),
        "mu(1-mu)" = list(
            variance = function(mu) mu * (1 - mu),
            dev.resids = function(y, mu, wt) 2 * wt * (.ylogy(y, mu) + .ylogy(1 - y, 1 - mu)),
            validmu = function(mu) all(mu > 0) && all(mu < 1)),
        mu = list(
            variance = function(mu) mu,
            dev.resids = function(y, mu, wt) 2 * wt * (.ylogy(y, mu) - (y - mu)),
            validmu = function(mu) all(mu > 0)),
        "mu^2" = list(
            variance = function(mu) mu^2,
            dev.resids = function(y, mu, wt) pmax(-2 * wt * (log(ifelse(y == 0, 1, y) / mu) - (y - mu) / mu), 0),
            validmu = function(mu) all(mu > 0)),
        "mu^3" = list(
            variance = function(mu) mu^3,
            dev.resids = function(y, mu, wt) wt * ((y - mu)^2) / (y * mu^2),
            validmu = function(mu) all(mu > 0)),
        stop(gettextf("'variance' \"%s\" is invalid: possible values are \"mu(1-mu)\", \"mu\", \"mu^2\", \"mu^3\" and \"constant\"", variance)))
    structure(list(family = "quasi", link = lk$name, linkfun = lk$linkfun,
                   linkinv = lk$linkinv, variance = v$variance, dev.resids = v$dev.resids,
                   aic = function(y, n, mu, wt, dev) NA, mu.eta = lk$mu.eta,
                   initialize = .family_init("quasi"), validmu = v$validmu,
                   valideta = lk$valideta, varfun = variance),
              class = "family")
}

## Prints a family object: its family and link function.
print.family <- function(x, ...) {
    cat("\nFamily:", x$family, "\n")
    cat("Link function:", x$link, "\n\n")
    invisible(x)
}
