# Confidence intervals and estimates of wilcox.test(conf.int = TRUE): exact ones from the
# Walsh averages or pairwise differences, and normal-approximation ones by root finding.

## The confidence interval and location estimate of a Wilcoxon test (internal, called by
## wilcox.test). `x` holds the one-sample values minus mu without zeroes (or the first sample
## as given); `y` is NULL for the signed rank test. `exact` says whether the test used the
## exact distribution. Returns list(conf.int, estimate).
.wilcox_ci <- function(x, y, mu, alternative, conf.level, exact, correct, tol.root = 1e-4,
                       digits.rank = Inf) {
    alpha <- 1 - conf.level
    rk <- function(v) rank(if (is.finite(digits.rank)) signif(v, digits.rank) else v)
    if (is.null(y)) {
        x <- x + mu
        n <- as.double(length(x))
        if (exact) {
            w <- outer(x, x, `+`)
            w <- sort(w[!lower.tri(w)]) / 2
            qu <- qsignrank(if (alternative == "two.sided") alpha / 2 else alpha, n)
            if (qu == 0) qu <- 1
            ql <- n * (n + 1) / 2 - qu
            achieved <- (if (alternative == "two.sided") 2 else 1) * psignrank(trunc(qu) - 1, n)
            cint <- switch(alternative, two.sided = c(w[qu], w[ql + 1]),
                           greater = c(w[qu], +Inf), less = c(-Inf, w[ql + 1]))
            if (achieved - alpha > alpha / 2) {
                warning("requested conf.level not achievable")
                conf.level <- 1 - signif(achieved, 2)
            }
            attr(cint, "conf.level") <- conf.level
            return(list(conf.int = cint, estimate = c("(pseudo)median" = median(w))))
        }
        W <- function(d) {
            xd <- x - d
            xd <- xd[xd != 0]
            nx <- length(xd)
            dr <- rk(abs(xd))
            zd <- sum(dr[xd > 0]) - nx * (nx + 1) / 4
            tt <- table(dr)
            s <- sqrt(nx * (nx + 1) * (2 * nx + 1) / 24 - sum(tt^3 - tt) / 48)
            if (s == 0)
                warning("cannot compute confidence interval when all observations are zero or tied",
                        call. = FALSE)
            cc <- if (correct) switch(alternative, two.sided = sign(zd) * 0.5, greater = 0.5,
                                      less = -0.5) else 0
            (zd - cc) / s
        }
        if (n > 0) {
            mumin <- min(x)
            mumax <- max(x)
            Wmin <- W(mumin)
            Wmax <- if (!is.finite(Wmin)) NA else W(mumax)
        }
        if (n == 0 || !is.finite(Wmax)) {
            cint <- structure(c(if (alternative == "less") -Inf else NaN,
                                if (alternative == "greater") +Inf else NaN), conf.level = 0)
            est <- if (n > 0) c(midrange = (mumin + mumax) / 2) else NaN
            return(list(conf.int = cint, estimate = est))
        }
        root <- function(zq) uniroot(function(d, zq) W(d) - zq, lower = mumin, upper = mumax,
                                     f.lower = Wmin - zq, f.upper = Wmax - zq, tol = tol.root,
                                     zq = zq)$root
        ## widen alpha until the interval's ends lie inside the data's range
        unreachable <- function() {
            if (alpha >= 1 || 1 - conf.level < alpha * 0.75) {
                conf.level <<- 1 - pmin(1, alpha)
                warning("requested conf.level not achievable")
            }
        }
        cint <- switch(alternative, two.sided = {
            while (Wmin - qnorm(alpha / 2, lower.tail = FALSE) < 0 || Wmax - qnorm(alpha / 2) > 0)
                alpha <- alpha * 2
            unreachable()
            if (alpha < 1) c(root(qnorm(alpha / 2, lower.tail = FALSE)), root(qnorm(alpha / 2)))
            else rep(median(x), 2)
        }, greater = {
            while (Wmin - qnorm(alpha, lower.tail = FALSE) < 0) alpha <- alpha * 2
            unreachable()
            c(if (alpha < 1) root(qnorm(alpha, lower.tail = FALSE)) else median(x), +Inf)
        }, less = {
            while (Wmax - qnorm(alpha / 2) > 0) alpha <- alpha * 2
            unreachable()
            c(-Inf, if (alpha < 1) root(qnorm(alpha)) else median(x))
        })
        attr(cint, "conf.level") <- conf.level
        correct <- FALSE
        est <- c("(pseudo)median" = uniroot(W, lower = mumin, upper = mumax, tol = tol.root)$root)
        return(list(conf.int = cint, estimate = est))
    }
    nx <- as.double(length(x))
    ny <- as.double(length(y))
    if (exact) {
        d <- sort(outer(x, y, `-`))
        qu <- qwilcox(if (alternative == "two.sided") alpha / 2 else alpha, nx, ny)
        if (qu == 0) qu <- 1
        ql <- nx * ny - qu
        achieved <- (if (alternative == "two.sided") 2 else 1) * pwilcox(trunc(qu) - 1, nx, ny)
        cint <- switch(alternative, two.sided = c(d[qu], d[ql + 1]),
                       greater = c(d[qu], +Inf), less = c(-Inf, d[ql + 1]))
        if (achieved - alpha > alpha / 2) {
            warning("Requested conf.level not achievable")
            conf.level <- 1 - achieved
        }
        attr(cint, "conf.level") <- conf.level
        return(list(conf.int = cint, estimate = c("difference in location" = median(d))))
    }
    mumin <- min(x) - max(y)
    mumax <- max(x) - min(y)
    W <- function(d) {
        dr <- rk(c(x - d, y))
        tt <- table(dr)
        dz <- sum(dr[seq_along(x)]) - nx * (nx + 1) / 2 - nx * ny / 2
        cc <- if (correct) switch(alternative, two.sided = sign(dz) * 0.5, greater = 0.5,
                                  less = -0.5) else 0
        s <- sqrt((nx * ny / 12) * ((nx + ny + 1) - sum(tt^3 - tt) / ((nx + ny) * (nx + ny - 1))))
        if (s == 0)
            warning("cannot compute confidence interval when all observations are tied", call. = FALSE)
        (dz - cc) / s
    }
    Wmin <- W(mumin)
    Wmax <- W(mumax)
    root <- function(zq) {
        fl <- Wmin - zq
        if (fl <= 0) return(mumin)
        fu <- Wmax - zq
        if (fu >= 0) return(mumax)
        uniroot(function(d, zq) W(d) - zq, lower = mumin, upper = mumax, f.lower = fl,
                f.upper = fu, tol = tol.root, zq = zq)$root
    }
    cint <- switch(alternative,
                   two.sided = c(root(qnorm(alpha / 2, lower.tail = FALSE)), root(qnorm(alpha / 2))),
                   greater = c(root(qnorm(alpha, lower.tail = FALSE)), +Inf),
                   less = c(-Inf, root(qnorm(alpha))))
    attr(cint, "conf.level") <- conf.level
    correct <- FALSE
    est <- c("difference in location" = uniroot(W, lower = mumin, upper = mumax, tol = tol.root)$root)
    list(conf.int = cint, estimate = est)
}
