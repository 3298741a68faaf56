# Hypothesis tests, p-value adjustment, power calculations and their print methods
# (R's stats package), written over rsc's builtins; exact distributions are in Rust
# (.psmirnov_exact, .pkolmogorov, .pansari, .qansari).

## The methods p.adjust knows.
p.adjust.methods <- c("holm", "hochberg", "hommel", "bonferroni", "BH", "BY", "fdr", "none")

## Adjusts p-values for multiple comparisons: holm, hochberg, hommel, bonferroni, BH (fdr),
## BY or none; n is the number of comparisons (at least the number of non-NA p-values).
p.adjust <- function(p, method = p.adjust.methods, n = length(p)) {
    method <- match.arg(method)
    if (method == "fdr") method <- "BH"
    nm <- names(p)
    p <- as.numeric(p)
    out <- p
    names(out) <- nm
    keep <- !is.na(p)
    p <- p[keep]
    lp <- length(p)
    stopifnot(n >= lp)
    if (n <= 1) return(out)
    if (n == 2 && method == "hommel") method <- "hochberg"
    out[keep] <- switch(method,
        bonferroni = pmin(1, n * p),
        holm = {
            o <- order(p)
            pmin(1, cummax((n - seq_len(lp) + 1L) * p[o]))[order(o)]
        },
        hochberg = {
            o <- order(p, decreasing = TRUE)
            pmin(1, cummin((n - (lp:1L) + 1L) * p[o]))[order(o)]
        },
        BH = {
            o <- order(p, decreasing = TRUE)
            pmin(1, cummin(n / (lp:1L) * p[o]))[order(o)]
        },
        BY = {
            o <- order(p, decreasing = TRUE)
            q <- sum(1 / (1L:n))
            pmin(1, cummin(q * n / (lp:1L) * p[o]))[order(o)]
        },
        hommel = .hommel(p, n),
        none = p)
    out
}

## Hommel's adjustment of the non-NA p-values p among n comparisons.
.hommel <- function(p, n) {
    lp <- length(p)
    if (n > lp) p <- c(p, rep.int(1, n - lp))
    o <- order(p)
    p <- p[o]
    back <- order(o)
    q <- rep.int(min(n * p / seq_len(n)), n)
    pa <- q
    for (m in (n - 1L):2L) {
        low <- seq_len(n - m + 1L)
        high <- (n - m + 2L):n
        q1 <- min(m * p[high] / (2L:m))
        q[low] <- pmin(m * p[low], q1)
        q[high] <- q[n - m + 1L]
        pa <- pmax(pa, q)
    }
    pmax(pa, p)[if (lp < n) back[seq_len(lp)] else back]
}

## Formats p-values: fixed or scientific notation with `digits` significant digits, and
## values below eps as "< eps".
format.pval <- function(pv, digits = max(1L, getOption("digits") - 2L),
                        eps = .Machine$double.eps, na.form = "NA", ...) {
    ina <- is.na(pv)
    has.na <- any(ina)
    if (has.na) pv <- pv[!ina]
    is0 <- pv < eps
    r <- character(length(is0))
    if (any(!is0)) {
        rr <- pv <- pv[!is0]
        expo <- floor(log10(ifelse(pv > 0, pv, 1e-50)))
        fixp <- expo >= -3 | (expo == -4 & digits > 1)
        if (any(fixp)) rr[fixp] <- format(pv[fixp], digits = digits, ...)
        if (any(!fixp)) rr[!fixp] <- format(pv[!fixp], digits = digits, ...)
        r[!is0] <- rr
    }
    if (any(is0)) {
        digits <- max(1L, digits - 2L)
        if (any(!is0)) {
            nc <- max(nchar(rr, type = "w"))
            if (digits > 1L && digits + 6L > nc) digits <- max(1L, nc - 7L)
            sep <- if (digits == 1L && nc <= 6L) "" else " "
        } else sep <- if (digits == 1) "" else " "
        r[is0] <- paste("<", format(eps, digits = digits, ...), sep = sep)
    }
    if (has.na) {
        ok <- r
        r <- character(length(ina))
        r[!ina] <- ok
        r[ina] <- na.form
    }
    r
}

## Kolmogorov-Smirnov test: one sample against a distribution function y (a function or
## its name, with parameters in ...) or two samples x and y; exact p-values for small
## samples as R chooses (exact = NULL), else Kolmogorov's limiting distribution.
ks.test <- function(x, ...) UseMethod("ks.test")

## The formula interface of ks.test: lhs ~ 1 (one sample, y in ...) or lhs ~ group.
ks.test.formula <- function(formula, data, subset, na.action, ...) {
    if (missing(formula) || length(formula) != 3L)
        stop("'formula' missing or incorrect")
    env <- environment(formula)
    dat <- if (missing(data)) env else data
    lhs <- eval(formula[[2L]], dat, env)
    rhs <- formula[[3L]]
    if (identical(rhs, 1) || identical(rhs, 1L)) {
        y <- ks.test.default(lhs, ...)
        y$data.name <- deparse1(formula[[2L]])
        return(y)
    }
    g <- eval(rhs, dat, env)
    if (!missing(subset)) {
        keep <- eval(substitute(subset), dat, env)
        keep <- keep & !is.na(keep)
        lhs <- lhs[keep]
        g <- g[keep]
    }
    g <- factor(g)
    if (nlevels(g) != 2L) stop("grouping factor must have exactly 2 levels")
    parts <- split(lhs, g)
    y <- ks.test.default(parts[[1L]], parts[[2L]], ...)
    y$data.name <- paste(deparse1(formula[[2L]]), "by", deparse1(rhs))
    y
}

## The default method of ks.test.
ks.test.default <- function(x, y, ..., alternative = c("two.sided", "less", "greater"),
                            exact = NULL, simulate.p.value = FALSE, B = 2000) {
    alternative <- match.arg(alternative)
    dname <- deparse1(substitute(x))
    x <- x[!is.na(x)]
    n <- length(x)
    if (n < 1L) stop("not enough 'x' data")
    if (is.ordered(y)) y <- unclass(y)
    if (is.numeric(y)) {
        extra <- list(...)
        if (length(extra) > 0L)
            warning("Parameter(s) ", paste(names(extra), collapse = ", "), " ignored")
        dname <- paste(dname, "and", deparse1(substitute(y)))
        y <- y[!is.na(y)]
        nx <- as.double(n)
        ny <- length(y)
        if (ny < 1L) stop("not enough 'y' data")
        if (is.null(exact)) exact <- (nx * ny < 10000)
        if (simulate.p.value) stop("simulate.p.value = TRUE is not supported")
        method <- paste(c("Asymptotic", "Exact")[exact + 1L],
                        "two-sample Kolmogorov-Smirnov test")
        w <- c(x, y)
        steps <- cumsum(ifelse(order(w) <= nx, 1 / nx, -1 / ny))
        if (length(unique(w)) < (nx + ny)) {
            steps <- steps[c(which(diff(sort(w)) != 0), nx + ny)]
            if (!exact) warning("p-value will be approximate in the presence of ties")
        }
        stat <- switch(alternative, two.sided = max(abs(steps)),
                       greater = max(steps), less = -min(steps))
        nm_alt <- switch(alternative, two.sided = "two-sided",
                         less = "the CDF of x lies below that of y",
                         greater = "the CDF of x lies above that of y")
        two <- alternative == "two.sided"
        pval <- if (exact) {
            1 - .psmirnov_exact(stat, nx, ny, w, two)
        } else {
            ne <- nx * ny / (nx + ny)
            if (two) {
                if (stat < .Machine$double.eps) 1
                else 1 - .pkolmogorov(sqrt(ne) * stat)
            } else exp(-2 * ne * stat^2)
        }
    } else {
        if (is.character(y)) y <- get(y, mode = "function", envir = parent.frame())
        if (!is.function(y))
            stop("'y' must be numeric or a function or a string naming a valid function")
        ties <- length(unique(x)) < n
        if (ties) warning("ties should not be present for the Kolmogorov-Smirnov test")
        if (is.null(exact)) exact <- (n < 100) && !ties
        method <- paste(c("Asymptotic", "Exact")[exact + 1L],
                        "one-sample Kolmogorov-Smirnov test")
        dev <- y(sort(x), ...) - (0:(n - 1)) / n
        stat <- switch(alternative, two.sided = max(c(dev, 1 / n - dev)),
                       greater = max(1 / n - dev), less = max(dev))
        pval <- if (exact) {
            if (alternative == "two.sided") 1 - .pkolmogorov(stat, n, exact = TRUE)
            else 1 - .pkolmogorov(stat, n, exact = TRUE, two.sided = FALSE)
        } else {
            if (alternative == "two.sided") 1 - .pkolmogorov(sqrt(n) * stat)
            else exp(-2 * n * stat^2)
        }
        nm_alt <- switch(alternative, two.sided = "two-sided",
                         less = "the CDF of x lies below the null hypothesis",
                         greater = "the CDF of x lies above the null hypothesis")
    }
    names(stat) <- switch(alternative, two.sided = "D", greater = "D^+", less = "D^-")
    pval <- min(1, max(0, pval))
    structure(list(statistic = stat, p.value = pval, alternative = nm_alt,
                   method = method, data.name = dname, data = list(x = x, y = y),
                   exact = exact), class = c("ks.test", "htest"))
}

## Test that two or more normal samples have equal means, not assuming equal variances
## (Welch) unless var.equal = TRUE; `formula` is y ~ group.
oneway.test <- function(formula, data, subset, na.action, var.equal = FALSE) {
    if (missing(formula) || (length(formula) != 3L))
        stop("'formula' missing or incorrect")
    dname <- paste(deparse1(formula[[2L]]), "and", deparse1(formula[[3L]]))
    mf <- if (missing(data)) model.frame(formula) else model.frame(formula, data)
    y <- mf[[1L]]
    g <- factor(mf[[2L]])
    k <- nlevels(g)
    if (k < 2L) stop("not enough groups")
    ni <- tapply(y, g, length)
    if (any(ni < 2)) stop("not enough observations")
    mi <- tapply(y, g, mean)
    vi <- tapply(y, g, var)
    wi <- ni / vi
    sw <- sum(wi)
    tmp <- sum((1 - wi / sw)^2 / (ni - 1)) / (k^2 - 1)
    method <- "One-way analysis of means"
    if (var.equal) {
        n <- sum(ni)
        stat <- (sum(ni * (mi - mean(y))^2) / (k - 1)) / (sum((ni - 1) * vi) / (n - k))
        df <- c(k - 1, n - k)
    } else {
        mw <- sum(wi * mi) / sw
        stat <- sum(wi * (mi - mw)^2) / ((k - 1) * (1 + 2 * (k - 2) * tmp))
        df <- c(k - 1, 1 / (3 * tmp))
        method <- paste(method, "(not assuming equal variances)")
    }
    pval <- pf(stat, df[1L], df[2L], lower.tail = FALSE)
    stat <- as.vector(stat)
    names(stat) <- "F"
    names(df) <- c("num df", "denom df")
    structure(list(statistic = stat, parameter = df, p.value = pval,
                   method = method, data.name = dname), class = "htest")
}

## y, groups and blocks of an unreplicated complete block design, from a matrix, vectors
## or a formula y ~ groups | blocks; the data name in `dname`.
.block_design <- function(y, groups, blocks, dname, by_group_then_block, data = NULL) {
    if (inherits(y, "formula")) {
        f <- y
        if (length(f) != 3L) stop("incorrect specification for 'formula'")
        rhs <- f[[3L]]
        if (!(is.call(rhs) && identical(rhs[[1L]], as.name("|")) && length(rhs) == 3L))
            stop("incorrect specification for 'formula'")
        env <- environment(f)
        where <- if (is.null(data)) env else data
        yv <- eval(f[[2L]], where, env)
        gv <- eval(rhs[[2L]], where, env)
        bv <- eval(rhs[[3L]], where, env)
        dn <- paste(deparse1(f[[2L]]), "and", deparse1(rhs[[2L]]), "and", deparse1(rhs[[3L]]))
        ok <- complete.cases(yv, gv, bv)
        r <- .block_design(yv, gv, bv, dn, by_group_then_block)
        return(r)
    }
    if (is.matrix(y)) {
        groups <- factor(c(col(y)))
        blocks <- factor(c(row(y)))
    } else {
        if (any(is.na(groups)) || any(is.na(blocks)))
            stop("NA's are not allowed in 'groups' or 'blocks'")
        if (any(diff(c(length(y), length(groups), length(blocks))) != 0L))
            stop("'y', 'groups' and 'blocks' must have the same length")
        if (any(table(groups, blocks) != 1))
            stop("not an unreplicated complete block design")
        groups <- factor(groups)
        blocks <- factor(blocks)
        o <- if (by_group_then_block) order(groups, blocks) else order(groups)
        y <- y[o]
        groups <- groups[o]
        blocks <- blocks[o]
    }
    k <- nlevels(groups)
    b <- nlevels(blocks)
    m <- matrix(unlist(split(c(y), blocks)), ncol = k, byrow = TRUE)
    m <- m[complete.cases(m), , drop = FALSE]
    list(y = m, k = k, b = b, dname = dname)
}

## Friedman's rank sum test for an unreplicated complete block design: y a matrix (blocks
## in rows) or vectors y, groups, blocks, or a formula y ~ groups | blocks.
friedman.test <- function(y, groups, blocks, data, ...) {
    if (inherits(y, "formula")) {
        d <- .block_design(y, NULL, NULL, "", TRUE, if (missing(data)) NULL else data)
    } else {
        dname <- deparse1(substitute(y))
        if (!is.matrix(y))
            dname <- paste0(dname, ", ", deparse1(substitute(groups)), " and ",
                            deparse1(substitute(blocks)))
        d <- .block_design(y, if (missing(groups)) NULL else groups,
                           if (missing(blocks)) NULL else blocks, dname, TRUE)
    }
    y <- d$y
    k <- d$k
    n <- nrow(y)
    r <- t(apply(y, 1L, rank))
    ties <- 0
    for (i in seq_len(n)) {
        u <- table(r[i, ])
        ties <- ties + sum(u^3 - u)
    }
    stat <- 12 * sum((colSums(r) - n * (k + 1) / 2)^2) /
        (n * k * (k + 1) - ties / (k - 1))
    df <- k - 1
    structure(list(statistic = c("Friedman chi-squared" = stat), parameter = c(df = df),
                   p.value = pchisq(stat, df, lower.tail = FALSE),
                   method = "Friedman rank sum test", data.name = d$dname), class = "htest")
}

## Quade's test for an unreplicated complete block design (same inputs as friedman.test).
quade.test <- function(y, groups, blocks, data, ...) {
    if (inherits(y, "formula")) {
        d <- .block_design(y, NULL, NULL, "", FALSE, if (missing(data)) NULL else data)
    } else {
        dname <- deparse1(substitute(y))
        if (!is.matrix(y))
            dname <- paste0(dname, ", ", deparse1(substitute(groups)), " and ",
                            deparse1(substitute(blocks)))
        d <- .block_design(y, if (missing(groups)) NULL else groups,
                           if (missing(blocks)) NULL else blocks, dname, FALSE)
    }
    y <- d$y
    k <- d$k
    b <- d$b
    r <- t(apply(y, 1L, rank))
    q <- rank(apply(y, 1L, function(u) max(u) - min(u)))
    s <- q * (r - (k + 1) / 2)
    A <- sum(s^2)
    B <- sum(colSums(s)^2) / b
    if (A == B) {
        stat <- NaN
        df <- c(NA, NA)
        pval <- (gamma(k + 1))^(1 - b)
    } else {
        stat <- (b - 1) * B / (A - B)
        df <- c(k - 1, (b - 1) * (k - 1))
        pval <- pf(stat, df[1L], df[2L], lower.tail = FALSE)
    }
    names(stat) <- "Quade F"
    names(df) <- c("num df", "denom df")
    structure(list(statistic = stat, parameter = df, p.value = pval,
                   method = "Quade test", data.name = d$dname), class = "htest")
}

## Samples as a list, (x, g) or a formula y ~ g (with data): the values, group factor and
## data name.
.k_samples <- function(x, g, dx, dg, data = NULL) {
    if (inherits(x, "formula")) {
        env <- environment(x)
        where <- if (is.null(data)) env else data
        y <- eval(x[[2L]], where, env)
        gg <- eval(x[[3L]], where, env)
        dname <- paste(deparse1(x[[2L]]), "by", deparse1(x[[3L]]))
        ok <- complete.cases(y, gg)
        return(list(x = y[ok], g = factor(gg[ok]), dname = dname))
    }
    if (is.list(x)) {
        if (length(x) < 2L) stop("'x' must be a list with at least 2 elements")
        x <- lapply(x, function(u) u[complete.cases(u)])
        l <- lengths(x)
        if (any(l == 0)) stop("all groups must contain data")
        return(list(x = unlist(x), g = factor(rep(seq_along(l), l)), dname = dx))
    }
    if (length(x) != length(g)) stop("'x' and 'g' must have the same length")
    ok <- complete.cases(x, g)
    gg <- factor(g[ok])
    if (nlevels(gg) < 2) stop("all observations are in the same group")
    list(x = x[ok], g = gg, dname = paste(dx, "and", dg))
}

## Fligner-Killeen (median) test that the groups' variances are equal: x a list of samples,
## x and a grouping g, or a formula y ~ g with data.
fligner.test <- function(x, g, data, ...) {
    if (inherits(x, "formula") && missing(data) && !missing(g)) return(fligner.test(x, data = g))
    s <- .k_samples(x, if (missing(g)) NULL else g, deparse1(substitute(x)),
                    if (missing(g)) "" else deparse1(substitute(g)),
                    if (missing(data)) NULL else data)
    x <- s$x
    g <- s$g
    k <- nlevels(g)
    n <- length(x)
    if (n < 2) stop("not enough observations")
    x <- x - tapply(x, g, median)[g]
    a <- qnorm((1 + rank(abs(x)) / (n + 1)) / 2)
    a <- a - mean(a)
    v <- sum(a^2) / (n - 1)
    parts <- split(a, g)
    stat <- sum(lengths(parts) * vapply(parts, mean, 0)^2) / v
    df <- k - 1
    structure(list(statistic = c("Fligner-Killeen:med chi-squared" = stat),
                   parameter = c(df = df), p.value = pchisq(stat, df, lower.tail = FALSE),
                   method = "Fligner-Killeen test of homogeneity of variances",
                   data.name = s$dname), class = "htest")
}

## Two samples from x, y or a formula lhs ~ g (two groups) with data.
.two_samples <- function(x, y, dx, dy, data = NULL) {
    if (inherits(x, "formula")) {
        env <- environment(x)
        where <- if (is.null(data)) env else data
        v <- eval(x[[2L]], where, env)
        g <- factor(eval(x[[3L]], where, env))
        if (nlevels(g) != 2L) stop("grouping factor must have exactly 2 levels")
        parts <- split(v, g)
        return(list(x = parts[[1L]], y = parts[[2L]],
                    dname = paste(deparse1(x[[2L]]), "by", deparse1(x[[3L]]))))
    }
    list(x = x, y = y, dname = paste(dx, "and", dy))
}

## Mood's two-sample test of scale (x and y, or a formula lhs ~ g with data).
mood.test <- function(x, y, alternative = c("two.sided", "less", "greater"), data, ...) {
    if (inherits(x, "formula") && missing(data) && !missing(y))
        return(mood.test(x, alternative = alternative, data = y, ...))
    alternative <- match.arg(alternative)
    s <- .two_samples(x, if (missing(y)) NULL else y, deparse1(substitute(x)),
                      if (missing(y)) "" else deparse1(substitute(y)),
                      if (missing(data)) NULL else data)
    x <- s$x[is.finite(s$x)]
    y <- s$y[is.finite(s$y)]
    m <- length(x)
    n <- length(y)
    N <- m + n
    if (N < 3L) stop("not enough observations")
    E <- m * (N^2 - 1) / 12
    v <- (1 / 180) * m * n * (N + 1) * (N + 2) * (N - 2)
    z <- c(x, y)
    if (!any(duplicated(z))) {
        r <- rank(z)
        T <- sum((r[seq_along(x)] - (N + 1L) / 2)^2)
    } else {
        u <- sort(unique(z))
        a <- tabulate(match(x, u), length(u))
        t <- tabulate(match(z, u), length(u))
        p <- cumsum((seq_along(z) - (N + 1L) / 2)^2)
        v <- v - (m * n) / (180 * N * (N - 1L)) * sum(t * (t^2 - 1) * (t^2 - 4 + 15 * (N - t)^2))
        T <- sum(a * diff(c(0, p[cumsum(t)])) / t)
    }
    z <- (T - E) / sqrt(v)
    p <- pnorm(z)
    pval <- switch(alternative, less = p, greater = 1 - p, two.sided = 2 * min(p, 1 - p))
    structure(list(statistic = c(Z = z), p.value = pval, alternative = alternative,
                   method = "Mood two-sample test of scale", data.name = s$dname),
              class = "htest")
}

## Ansari-Bradley two-sample test of scale, exact for samples under 50 without ties
## (exact = NULL), else the normal approximation (x and y, or a formula lhs ~ g).
ansari.test <- function(x, y, alternative = c("two.sided", "less", "greater"),
                        exact = NULL, conf.int = FALSE, conf.level = 0.95, data, ...) {
    if (inherits(x, "formula") && missing(data) && !missing(y))
        return(ansari.test(x, alternative = alternative, exact = exact, conf.int = conf.int,
                           conf.level = conf.level, data = y, ...))
    alternative <- match.arg(alternative)
    if (conf.int && !(length(conf.level) == 1L && is.finite(conf.level) &&
                      conf.level > 0 && conf.level < 1))
        stop("'conf.level' must be a single number between 0 and 1")
    s <- .two_samples(x, if (missing(y)) NULL else y, deparse1(substitute(x)),
                      if (missing(y)) "" else deparse1(substitute(y)),
                      if (missing(data)) NULL else data)
    x <- s$x[complete.cases(s$x)]
    y <- s$y[complete.cases(s$y)]
    m <- length(x)
    if (m < 1L) stop("not enough 'x' observations")
    n <- length(y)
    if (n < 1L) stop("not enough 'y' observations")
    N <- m + n
    r <- rank(c(x, y))
    stat <- sum(pmin(r, N - r + 1)[seq_along(x)])
    ties <- length(r) != length(unique(r))
    if (is.null(exact)) exact <- (m < 50L) && (n < 50L)
    if (exact && !ties) {
        pval <- switch(alternative,
            two.sided = {
                p <- if (stat > ((m + 1)^2 %/% 4 + ((m * n) %/% 2) / 2))
                    1 - .pansari(stat - 1, m, n) else .pansari(stat, m, n)
                min(2 * p, 1)
            },
            less = 1 - .pansari(stat - 1, m, n),
            greater = .pansari(stat, m, n))
        if (conf.int) {
            ci <- .ansari_exact_ci(sort(x), sort(y), m, n, N, alternative, 1 - conf.level)
            cint <- ci$cint
            estimate <- ci$estimate
            attr(cint, "conf.level") <- conf.level
        }
    } else {
        even <- (N %% 2L) == 0L
        z <- if (even) stat - m * (N + 2) / 4 else stat - m * (N + 1)^2 / (4 * N)
        sigma <- if (!ties) {
            if (even) sqrt((m * n * (N + 2) * (N - 2)) / (48 * (N - 1)))
            else sqrt((m * n * (N + 1) * (3 + N^2)) / (48 * N^2))
        } else {
            rr <- rle(sort(pmin(r, N - r + 1)))
            if (even) sqrt(m * n * (16 * sum(rr$lengths * rr$values^2) - N * (N + 2)^2) /
                           (16 * N * (N - 1)))
            else sqrt(m * n * (16 * N * sum(rr$lengths * rr$values^2) - (N + 1)^4) /
                      (16 * N^2 * (N - 1)))
        }
        p <- pnorm(z / sigma)
        pval <- switch(alternative, two.sided = 2 * min(p, 1 - p), less = 1 - p, greater = p)
        if (conf.int && !exact) {
            ci <- .ansari_normal_ci(x, y, N, alternative, 1 - conf.level)
            if (is.null(ci)) conf.int <- FALSE else {
                cint <- ci$cint
                estimate <- ci$estimate
                attr(cint, "conf.level") <- conf.level
            }
        }
        if (exact && ties) {
            warning("cannot compute exact p-value with ties")
            if (conf.int) warning("cannot compute exact confidence intervals with ties")
        }
    }
    res <- list(statistic = c(AB = stat), p.value = pval,
                null.value = c("ratio of scales" = 1), alternative = alternative,
                method = "Ansari-Bradley test", data.name = s$dname)
    if (conf.int)
        res <- c(res, list(conf.int = cint, estimate = c("ratio of scales" = estimate)))
    structure(res, class = "htest")
}

## The AB statistic of x / sig against y.
.ansari_ab <- function(sig, x, y, N) {
    r <- rank(c(x / sig, y))
    sum(pmin(r, N - r + 1)[seq_along(x)])
}

## The exact confidence interval and estimate of the ratio of scales (sorted samples).
.ansari_exact_ci <- function(x, y, m, n, N, alternative, alpha) {
    ratio <- outer(x, y, "/")
    sigma <- sort(ratio[ratio >= 0])
    if (length(sigma) < 1L) {
        warning("cannot compute confidence set, returning NA")
        return(list(cint = c(NA, NA), estimate = NA))
    }
    absigma <- vapply(sigma + c(diff(sigma) / 2, sigma[length(sigma)] * 1.01),
                      .ansari_ab, 0, x = x, y = y, N = N)
    bounds <- function(alpha) {
        u <- absigma - .qansari(alpha / 2, m, n)
        l <- absigma - .qansari(1 - alpha / 2, m, n)
        if (length(u[u >= 0]) == 0L || length(l[l > 0]) == 0L) {
            warning("samples differ in location: cannot compute confidence set, returning NA")
            return(c(NA, NA))
        }
        pick <- function(u, l) {
            u[u < 0] <- NA
            l[l <= 0] <- NA
            c(min(sigma[which(u == min(u, na.rm = TRUE))]),
              max(sigma[which(l == min(l, na.rm = TRUE))]))
        }
        r <- pick(u, l)
        if (r[1L] > r[2L])
            r <- pick(absigma - .qansari(1 - alpha / 2, m, n), absigma - .qansari(alpha / 2, m, n))
        r
    }
    cint <- switch(alternative,
        two.sided = bounds(alpha),
        greater = c(bounds(alpha * 2)[1L], Inf),
        less = c(0, bounds(alpha * 2)[2L]))
    u <- absigma - .qansari(0.5, m, n)
    above <- sigma[u <= 0]
    below <- sigma[u > 0]
    sgr <- if (length(above) == 0L) NA else max(above)
    sle <- if (length(below) == 0L) NA else min(below)
    list(cint = cint, estimate = mean(c(sle, sgr)))
}

## The asymptotic confidence interval and estimate of the ratio of scales (NULL with a
## warning when they cannot be computed).
.ansari_normal_ci <- function(x, y, N, alternative, alpha) {
    even <- (N %% 2L) == 0L
    z_of <- function(sig, zq) {
        r <- rank(c(x / sig, y))
        st <- sum(pmin(r, N - r + 1)[seq_along(x)])
        ties <- length(r) != length(unique(r))
        m <- length(x)
        n <- length(y)
        z <- if (even) st - m * (N + 2) / 4 else st - m * (N + 1)^2 / (4 * N)
        sd <- if (!ties) {
            if (even) sqrt((m * n * (N + 2) * (N - 2)) / (48 * (N - 1)))
            else sqrt((m * n * (N + 1) * (3 + N^2)) / (48 * N^2))
        } else {
            rr <- rle(sort(pmin(r, N - r + 1)))
            if (even) sqrt(m * n * (16 * sum(rr$lengths * rr$values^2) - N * (N + 2)^2) /
                           (16 * N * (N - 1)))
            else sqrt(m * n * (16 * N * sum(rr$lengths * rr$values^2) - (N + 1)^4) /
                      (16 * N^2 * (N - 1)))
        }
        z / sd - zq
    }
    pos <- neg <- NULL
    if (length(x[x > 0]) && length(y[y > 0]))
        pos <- c(min(x[x > 0]) / max(y[y > 0]), max(x[x > 0]) / min(y[y > 0]))
    if (length(x[x <= 0]) && length(y[y < 0]))
        neg <- c(min(x[x <= 0]) / max(y[y < 0]), max(x[x <= 0]) / min(y[y < 0]))
    if (any(is.infinite(c(pos, neg)))) {
        warning("cannot compute asymptotic confidence set or estimator")
        return(NULL)
    }
    srange <- range(c(pos, neg), na.rm = FALSE)
    bounds <- function(alpha) {
        statu <- z_of(srange[1L], qnorm(alpha / 2))
        statl <- z_of(srange[2L], qnorm(alpha / 2, lower.tail = FALSE))
        if (statu > 0 || statl < 0) {
            warning("samples differ in location: cannot compute confidence set, returning NA")
            return(c(NA, NA))
        }
        u <- uniroot(z_of, srange, tol = 1e-04, zq = qnorm(alpha / 2))$root
        l <- uniroot(z_of, srange, tol = 1e-04, zq = qnorm(alpha / 2, lower.tail = FALSE))$root
        sort(c(u, l))
    }
    cint <- switch(alternative,
        two.sided = bounds(alpha),
        greater = c(bounds(alpha * 2)[1L], Inf),
        less = c(0, bounds(alpha * 2)[2L]))
    statu <- z_of(srange[1L], 0)
    statl <- z_of(srange[2L], 0)
    est <- if (statu > 0 || statl < 0) {
        warning("cannot compute estimate, returning NA")
        NA
    } else uniroot(z_of, srange, tol = 1e-04, zq = 0)$root
    list(cint = cint, estimate = est)
}

## Exact test of a Poisson rate (x events in time T against rate r), or comparison of
## two Poisson rates (x and T of length 2; r the rate ratio).
poisson.test <- function(x, T = 1, r = 1, alternative = c("two.sided", "less", "greater"),
                         conf.level = 0.95) {
    dname <- paste(deparse1(substitute(x)), "time base:", deparse1(substitute(T)))
    l <- length(x)
    if (l != length(T)) {
        if (length(T) == 1L) T <- rep(T, l)
        else stop("'x' and 'T' have incompatible length")
    }
    xr <- round(x)
    if (any(!is.finite(x) | (x < 0)) || max(abs(x - xr)) > 1e-07)
        stop("'x' must be finite, nonnegative, and integer")
    x <- xr
    if (any(is.na(T) | (T < 0))) stop("'T' must be nonnegative")
    k <- length(x)
    if (k < 1L) stop("not enough data")
    if (k > 2L) stop("the case k > 2 is unimplemented")
    if (!missing(r) && (length(r) > 1 || is.na(r) || r < 0))
        stop("'r' must be a single positive number")
    alternative <- match.arg(alternative)
    if (k == 2) {
        res <- binom.test(x, sum(x), r * T[1L] / (r * T[1L] + T[2L]),
                          alternative = alternative, conf.level = conf.level)
        ci <- res$conf.int
        ci <- ci / (1 - ci) * T[2L] / T[1L]
        return(structure(list(
            statistic = c(count1 = x[1L]),
            parameter = c("expected count1" = sum(x) * r * T[1L] / sum(T * c(1, r))),
            p.value = res$p.value, conf.int = ci,
            estimate = c("rate ratio" = (x[1L] / T[1L]) / (x[2L] / T[2L])),
            null.value = c("rate ratio" = r), alternative = alternative,
            method = "Comparison of Poisson rates", data.name = dname), class = "htest"))
    }
    m <- r * T
    pval <- switch(alternative,
        less = ppois(x, m),
        greater = ppois(x - 1, m, lower.tail = FALSE),
        two.sided = {
            if (m == 0) as.numeric(x == 0) else {
                d <- dpois(x, m)
                tol <- 1 + 1e-07
                if (x == m) 1
                else if (x < m) {
                    N <- ceiling(2 * m - x)
                    while (dpois(N, m) > d) N <- 2 * N
                    i <- seq.int(from = ceiling(m), to = N)
                    y <- sum(dpois(i, m) <= d * tol)
                    ppois(x, m) + ppois(N - y, m, lower.tail = FALSE)
                } else {
                    i <- seq.int(from = 0, to = floor(m))
                    y <- sum(dpois(i, m) <= d * tol)
                    ppois(y - 1, m) + ppois(x - 1, m, lower.tail = FALSE)
                }
            }
        })
    lower <- function(x, alpha) if (x == 0) 0 else qgamma(alpha, x)
    upper <- function(x, alpha) qgamma(1 - alpha, x + 1)
    ci <- switch(alternative,
        less = c(0, upper(x, 1 - conf.level)),
        greater = c(lower(x, 1 - conf.level), Inf),
        two.sided = {
            alpha <- (1 - conf.level) / 2
            c(lower(x, alpha), upper(x, alpha))
        }) / T
    attr(ci, "conf.level") <- conf.level
    structure(list(statistic = c("number of events" = x), parameter = c("time base" = T),
                   p.value = pval, conf.int = ci, estimate = c("event rate" = x / T),
                   null.value = c("event rate" = r), alternative = alternative,
                   method = "Exact Poisson test", data.name = dname), class = "htest")
}

## Cochran-Mantel-Haenszel test of conditional independence in a 3-way table (or
## factors x, y, z): for 2 x 2 x K tables the Mantel-Haenszel test with the common odds
## ratio (exact = TRUE: the exact conditional test), else the generalized CMH test.
mantelhaen.test <- function(x, y = NULL, z = NULL,
                            alternative = c("two.sided", "less", "greater"),
                            correct = TRUE, exact = FALSE, conf.level = 0.95) {
    dname <- deparse1(substitute(x))
    if (is.array(x)) {
        if (length(dim(x)) == 3L) {
            if (any(is.na(x))) stop("NAs are not allowed")
            if (any(dim(x) < 2L)) stop("each dimension in table must be >= 2")
        } else stop("'x' must be a 3-dimensional array")
    } else {
        if (is.null(y)) stop("if 'x' is not an array, 'y' must be given")
        if (is.null(z)) stop("if 'x' is not an array, 'z' must be given")
        if (any(diff(c(length(x), length(y), length(z))) != 0L))
            stop("'x', 'y', and 'z' must have the same length")
        dname <- paste(dname, "and", deparse1(substitute(y)), "and", deparse1(substitute(z)))
        ok <- complete.cases(x, y, z)
        x <- factor(x[ok])
        y <- factor(y[ok])
        if ((nlevels(x) < 2L) || (nlevels(y) < 2L))
            stop("'x' and 'y' must have at least 2 levels")
        x <- table(x, y, z[ok])
    }
    d <- dim(x)
    K <- d[3L]
    strata <- lapply(seq_len(K), function(k) matrix(x[, , k], d[1L], d[2L]))
    if (any(vapply(strata, sum, 0) < 2)) stop("sample size in each stratum must be > 1")
    if (d[1L] == 2 && d[2L] == 2) {
        alternative <- match.arg(alternative)
        if (!missing(conf.level) && (length(conf.level) != 1 || !is.finite(conf.level) ||
                                     conf.level < 0 || conf.level > 1))
            stop("'conf.level' must be a single number between 0 and 1")
        a <- vapply(strata, function(f) f[1, 1], 0)
        b <- vapply(strata, function(f) f[1, 2], 0)
        c <- vapply(strata, function(f) f[2, 1], 0)
        dd <- vapply(strata, function(f) f[2, 2], 0)
        n <- a + b + c + dd
        if (!exact) {
            r1 <- a + b
            r2 <- c + dd
            c1 <- a + c
            c2 <- b + dd
            delta <- sum(a - r1 * c1 / n)
            yates <- if (correct && (abs(delta) >= 0.5)) 0.5 else 0
            stat <- (abs(delta) - yates)^2 / sum(r1 * r2 * c1 * c2 / (n^2 * (n - 1)))
            pval <- if (alternative == "two.sided") pchisq(stat, 1, lower.tail = FALSE)
                    else pnorm(sign(delta) * sqrt(stat), lower.tail = (alternative == "less"))
            method <- paste("Mantel-Haenszel chi-squared test",
                            if (yates) "with" else "without", "continuity correction")
            sdiag <- sum(a * dd / n)
            soff <- sum(b * c / n)
            est <- sdiag / soff
            se <- sqrt(sum((a + dd) * a * dd / n^2) / (2 * sdiag^2) +
                       sum(((a + dd) * b * c + (b + c) * a * dd) / n^2) / (2 * sdiag * soff) +
                       sum((b + c) * b * c / n^2) / (2 * soff^2))
            ci <- switch(alternative,
                less = c(0, est * exp(qnorm(conf.level) * se)),
                greater = c(est * exp(qnorm(conf.level, lower.tail = FALSE) * se), Inf),
                two.sided = est * exp(c(1, -1) * qnorm((1 - conf.level) / 2) * se))
            head <- list(statistic = c("Mantel-Haenszel X-squared" = stat),
                         parameter = c(df = 1), p.value = pval)
        } else {
            method <- "Exact conditional test of independence in 2 x 2 x k tables"
            m <- a + c
            nn <- b + dd
            t <- a + b
            s <- sum(a)
            lo <- sum(pmax(0, t - nn))
            hi <- sum(pmin(m, t))
            support <- lo:hi
            dc <- 1
            for (k in seq_len(K)) {
                u <- max(0, t[k] - nn[k]):min(m[k], t[k])
                dk <- dhyper(u, m[k], nn[k], t[k])
                dc <- .convolve_open(dc, dk)
                dc <- dc / sum(dc)
            }
            logdc <- log(dc)
            dens <- function(ncp) {
                if (ncp == 1) return(dc)
                e <- logdc + log(ncp) * support
                e <- exp(e - max(e))
                e / sum(e)
            }
            meanf <- function(ncp) {
                if (ncp == 0) return(lo)
                if (ncp == Inf) return(hi)
                sum(support * dens(ncp))
            }
            pfun <- function(q, ncp = 1, upper = FALSE) {
                if (ncp == 0) as.numeric(if (upper) q <= lo else q >= lo)
                else if (ncp == Inf) as.numeric(if (upper) q <= hi else q >= hi)
                else {
                    e <- dens(ncp)
                    sum(e[if (upper) support >= q else support <= q])
                }
            }
            pval <- switch(alternative,
                less = pfun(s, 1),
                greater = pfun(s, 1, upper = TRUE),
                two.sided = sum(dc[dc <= dc[s - lo + 1] * (1 + 1e-07)]))
            mle <- function(x) {
                if (x == lo) return(0)
                if (x == hi) return(Inf)
                mu <- meanf(1)
                if (mu > x) uniroot(function(t) meanf(t) - x, c(0, 1))$root
                else if (mu < x) 1 / uniroot(function(t) meanf(1 / t) - x,
                                             c(.Machine$double.eps, 1))$root
                else 1
            }
            upper_ncp <- function(x, alpha) {
                if (x == hi) return(Inf)
                p <- pfun(x, 1)
                if (p < alpha) uniroot(function(t) pfun(x, t) - alpha, c(0, 1))$root
                else if (p > alpha) 1 / uniroot(function(t) pfun(x, 1 / t) - alpha,
                                                c(.Machine$double.eps, 1))$root
                else 1
            }
            lower_ncp <- function(x, alpha) {
                if (x == lo) return(0)
                p <- pfun(x, 1, upper = TRUE)
                if (p > alpha) uniroot(function(t) pfun(x, t, upper = TRUE) - alpha, c(0, 1))$root
                else if (p < alpha) 1 / uniroot(function(t) pfun(x, 1 / t, upper = TRUE) - alpha,
                                                c(.Machine$double.eps, 1))$root
                else 1
            }
            est <- mle(s)
            ci <- switch(alternative,
                less = c(0, upper_ncp(s, 1 - conf.level)),
                greater = c(lower_ncp(s, 1 - conf.level), Inf),
                two.sided = {
                    alpha <- (1 - conf.level) / 2
                    c(lower_ncp(s, alpha), upper_ncp(s, alpha))
                })
            head <- list(statistic = c(S = s), p.value = pval)
        }
        attr(ci, "conf.level") <- conf.level
        res <- c(head, list(conf.int = ci, estimate = c("common odds ratio" = est),
                            null.value = c("common odds ratio" = 1),
                            alternative = alternative))
    } else {
        I <- d[1L]
        J <- d[2L]
        df <- (I - 1) * (J - 1)
        nsum <- msum <- double(df)
        V <- matrix(0, df, df)
        for (f in strata) {
            ntot <- as.double(sum(f))
            rs <- rowSums(f)[-I]
            cs <- colSums(f)[-J]
            nsum <- nsum + c(f[-I, -J])
            msum <- msum + c(outer(rs, cs)) / ntot
            V <- V + kronecker(diag(ntot * cs, nrow = J - 1L) - outer(cs, cs),
                               diag(ntot * rs, nrow = I - 1L) - outer(rs, rs)) /
                (ntot^2 * (ntot - 1))
        }
        dev <- nsum - msum
        stat <- c(crossprod(dev, qr.solve(V, dev)))
        method <- "Cochran-Mantel-Haenszel test"
        res <- list(statistic = c("Cochran-Mantel-Haenszel M^2" = stat),
                    parameter = c(df = df), p.value = pchisq(stat, df, lower.tail = FALSE))
    }
    structure(c(res, list(method = method, data.name = dname)), class = "htest")
}

## The full convolution of two probability vectors.
.convolve_open <- function(a, b) {
    out <- numeric(length(a) + length(b) - 1L)
    for (i in seq_along(a)) {
        idx <- i - 1L + seq_along(b)
        out[idx] <- out[idx] + a[i] * b
    }
    out
}

## The lower-triangular table of p-values for all pairs of levels, from
## compare.levels(i, j), adjusted with p.adjust.method.
pairwise.table <- function(compare.levels, level.names, p.adjust.method) {
    k <- length(level.names)
    pp <- matrix(NA_real_, k - 1L, k - 1L,
                 dimnames = list(level.names[-1L], level.names[-k]))
    for (j in seq_len(k - 1L))
        for (i in (j + 1L):k)
            pp[i - 1L, j] <- compare.levels(i, j)
    low <- lower.tri(pp, TRUE)
    pp[low] <- p.adjust(pp[low], p.adjust.method)
    pp
}

## Pairwise t tests between all levels of g, with pooled SD by default, p-values
## adjusted by p.adjust.method.
pairwise.t.test <- function(x, g, p.adjust.method = p.adjust.methods, pool.sd = !paired,
                            paired = FALSE, alternative = c("two.sided", "less", "greater"),
                            ...) {
    if (paired && pool.sd) stop("pooling of SD is incompatible with paired tests")
    dname <- paste(deparse1(substitute(x)), "and", deparse1(substitute(g)))
    g <- factor(g)
    p.adjust.method <- match.arg(p.adjust.method)
    alternative <- match.arg(alternative)
    if (pool.sd) {
        method <- "t tests with pooled SD"
        xbar <- tapply(x, g, mean, na.rm = TRUE)
        s <- tapply(x, g, sd, na.rm = TRUE)
        n <- tapply(!is.na(x), g, sum)
        degf <- n - 1
        total <- sum(degf)
        pooled <- sqrt(sum(s^2 * degf) / total)
        compare <- function(i, j) {
            tv <- (xbar[i] - xbar[j]) / (pooled * sqrt(1 / n[i] + 1 / n[j]))
            if (alternative == "two.sided") 2 * pt(-abs(tv), total)
            else pt(tv, total, lower.tail = (alternative == "less"))
        }
    } else {
        method <- if (paired) "paired t tests" else "t tests with non-pooled SD"
        compare <- function(i, j) {
            xi <- x[as.integer(g) == i]
            xj <- x[as.integer(g) == j]
            t.test(xi, xj, paired = paired, alternative = alternative, ...)$p.value
        }
    }
    structure(list(method = method, data.name = dname,
                   p.value = pairwise.table(compare, levels(g), p.adjust.method),
                   p.adjust.method = p.adjust.method), class = "pairwise.htest")
}

## Pairwise Wilcoxon rank sum (or signed rank, paired = TRUE) tests between all levels of g.
pairwise.wilcox.test <- function(x, g, p.adjust.method = p.adjust.methods, paired = FALSE, ...) {
    p.adjust.method <- match.arg(p.adjust.method)
    dname <- paste(deparse1(substitute(x)), "and", deparse1(substitute(g)))
    g <- factor(g)
    method <- NULL
    compare <- function(i, j) {
        xi <- x[as.integer(g) == i]
        xj <- x[as.integer(g) == j]
        w <- wilcox.test(xi, xj, paired = paired, ...)
        method <<- w$method
        w$p.value
    }
    pv <- pairwise.table(compare, levels(g), p.adjust.method)
    structure(list(method = method, data.name = dname, p.value = pv,
                   p.adjust.method = p.adjust.method), class = "pairwise.htest")
}

## Pairwise comparisons of proportions (prop.test) between groups: x successes out of n,
## or a two-column matrix of successes and failures.
pairwise.prop.test <- function(x, n, p.adjust.method = p.adjust.methods, ...) {
    p.adjust.method <- match.arg(p.adjust.method)
    dname <- deparse1(substitute(x))
    if (is.matrix(x)) {
        if (ncol(x) != 2) stop("'x' must have 2 columns")
        n <- rowSums(x)
        x <- x[, 1]
    } else {
        dname <- paste(dname, "out of", deparse1(substitute(n)))
        if (length(x) != length(n)) stop("'x' and 'n' must have the same length")
    }
    ok <- complete.cases(x, n)
    x <- x[ok]
    n <- n[ok]
    if (length(x) < 2L) stop("too few groups")
    compare <- function(i, j) prop.test(x[c(i, j)], n[c(i, j)], ...)$p.value
    lev <- names(x)
    if (is.null(lev)) lev <- seq_along(x)
    structure(list(method = "Pairwise comparison of proportions", data.name = dname,
                   p.value = pairwise.table(compare, lev, p.adjust.method),
                   p.adjust.method = p.adjust.method), class = "pairwise.htest")
}

## Prints pairwise comparisons: the table of adjusted p-values ("-" above the diagonal).
print.pairwise.htest <- function(x, digits = max(1L, getOption("digits") - 5L), ...) {
    cat("\n\tPairwise comparisons using", x$method, "\n\n")
    cat("data: ", x$data.name, "\n\n")
    pp <- format.pval(x$p.value, digits = digits, na.form = "-")
    attributes(pp) <- attributes(x$p.value)
    print(pp, quote = FALSE, ...)
    cat("\nP value adjustment method:", x$p.adjust.method, "\n")
    invisible(x)
}

## Internal helper (.null_or_prob).
.null_or_prob <- function(x) {
    if (!is.null(x) && (!is.numeric(x) || length(x) != 1L || is.na(x) || x < 0 || x > 1))
        stop(gettextf("'%s' must be numeric in [0, 1]", deparse(substitute(x))))
}

## Power of the one- or two-sample t test, or the parameter (n, delta, sd, sig.level)
## that gives the requested power: exactly one of them must be NULL.
power.t.test <- function(n = NULL, delta = NULL, sd = 1, sig.level = 0.05, power = NULL,
                         type = c("two.sample", "one.sample", "paired"),
                         alternative = c("two.sided", "one.sided"), strict = FALSE,
                         tol = .Machine$double.eps^0.25) {
    if (sum(vapply(list(n, delta, sd, power, sig.level), is.null, NA)) != 1)
        stop("exactly one of 'n', 'delta', 'sd', 'power', and 'sig.level' must be NULL")
    .null_or_prob(sig.level)
    .null_or_prob(power)
    type <- match.arg(type)
    alternative <- match.arg(alternative)
    ns <- switch(type, one.sample = 1, two.sample = 2, paired = 1)
    sides <- switch(alternative, one.sided = 1, two.sided = 2)
    if (sides == 2 && !is.null(delta)) delta <- abs(delta)
    pow <- function(n, delta, sd, sig.level) {
        nu <- (n - 1) * ns
        qu <- qt(sig.level / sides, nu, lower.tail = FALSE)
        ncp <- sqrt(n / ns) * delta / sd
        p <- pt(qu, nu, ncp = ncp, lower.tail = FALSE)
        if (strict && sides == 2) p <- p + pt(-qu, nu, ncp = ncp, lower.tail = TRUE)
        p
    }
    if (is.null(power)) power <- pow(n, delta, sd, sig.level)
    else if (is.null(n))
        n <- uniroot(function(n) pow(n, delta, sd, sig.level) - power, c(2, 1e7),
                     tol = tol, extendInt = "upX")$root
    else if (is.null(sd))
        sd <- uniroot(function(sd) pow(n, delta, sd, sig.level) - power, delta * c(1e-7, 1e7),
                      tol = tol, extendInt = "downX")$root
    else if (is.null(delta))
        delta <- uniroot(function(delta) pow(n, delta, sd, sig.level) - power,
                         sd * c(1e-7, 1e7), tol = tol, extendInt = "upX")$root
    else if (is.null(sig.level))
        sig.level <- uniroot(function(sl) pow(n, delta, sd, sl) - power, c(1e-10, 1 - 1e-10),
                             tol = tol, extendInt = "yes")$root
    note <- switch(type,
        paired = "n is number of *pairs*, sd is std.dev. of *differences* within pairs",
        two.sample = "n is number in *each* group", NULL)
    method <- paste(switch(type, one.sample = "One-sample", two.sample = "Two-sample",
                           paired = "Paired"), "t test power calculation")
    structure(list(n = n, delta = delta, sd = sd, sig.level = sig.level, power = power,
                   alternative = alternative, note = note, method = method),
              class = "power.htest")
}

## Power of the two-sample test for proportions, or the n, p1, p2 or sig.level giving the
## requested power: exactly one of them must be NULL.
power.prop.test <- function(n = NULL, p1 = NULL, p2 = NULL, sig.level = 0.05, power = NULL,
                            alternative = c("two.sided", "one.sided"), strict = FALSE,
                            tol = .Machine$double.eps^0.25) {
    if (sum(vapply(list(n, p1, p2, power, sig.level), is.null, NA)) != 1)
        stop("exactly one of 'n', 'p1', 'p2', 'power', and 'sig.level' must be NULL")
    .null_or_prob(sig.level)
    .null_or_prob(power)
    alternative <- match.arg(alternative)
    sides <- switch(alternative, one.sided = 1, two.sided = 2)
    pow <- function(n, p1, p2, sig.level) {
        qu <- qnorm(sig.level / sides, lower.tail = FALSE)
        if (strict && sides == 2) {
            d <- abs(p1 - p2)
            pbar <- (p1 + p2) / 2
            vbar <- pbar * (1 - pbar)
            v <- p1 * (1 - p1) + p2 * (1 - p2)
            pnorm((sqrt(n) * d - qu * sqrt(2 * vbar)) / sqrt(v)) +
                pnorm((sqrt(n) * d + qu * sqrt(2 * vbar)) / sqrt(v), lower.tail = FALSE)
        } else
            pnorm((sqrt(n) * abs(p1 - p2) - (qu * sqrt((p1 + p2) * (1 - (p1 + p2) / 2)))) /
                  sqrt(p1 * (1 - p1) + p2 * (1 - p2)))
    }
    if (is.null(power)) power <- pow(n, p1, p2, sig.level)
    else if (is.null(n))
        n <- uniroot(function(n) pow(n, p1, p2, sig.level) - power, c(1, 1e7),
                     tol = tol, extendInt = "upX")$root
    else if (is.null(p1)) {
        p1 <- uniroot(function(p1) pow(n, p1, p2, sig.level) - power, c(0, p2),
                      tol = tol, extendInt = "yes")$root
        if (p1 < 0) warning("No p1 in [0, p2] can be found to achieve the desired power")
    } else if (is.null(p2)) {
        p2 <- uniroot(function(p2) pow(n, p1, p2, sig.level) - power, c(p1, 1),
                      tol = tol, extendInt = "yes")$root
        if (p2 > 1) warning("No p2 in [p1, 1] can be found to achieve the desired power")
    } else if (is.null(sig.level)) {
        sig.level <- uniroot(function(sl) pow(n, p1, p2, sl) - power, c(1e-10, 1 - 1e-10),
                             tol = tol, extendInt = "upX")$root
        if (sig.level < 0 || sig.level > 1)
            warning("No significance level [0, 1] can be found to achieve the desired power")
    }
    structure(list(n = n, p1 = p1, p2 = p2, sig.level = sig.level, power = power,
                   alternative = alternative, note = "n is number in *each* group",
                   method = "Two-sample comparison of proportions power calculation"),
              class = "power.htest")
}

## Power of the balanced one-way ANOVA F test, or the groups, n, between.var,
## within.var or sig.level giving the requested power: exactly one must be NULL.
power.anova.test <- function(groups = NULL, n = NULL, between.var = NULL, within.var = NULL,
                             sig.level = 0.05, power = NULL) {
    if (sum(vapply(list(groups, n, between.var, within.var, power, sig.level), is.null, NA)) != 1)
        stop("exactly one of 'groups', 'n', 'between.var', 'within.var', 'power', and 'sig.level' must be NULL")
    if (!is.null(groups) && groups < 2) stop("number of groups must be at least 2")
    if (!is.null(n) && n < 2) stop("number of observations in each group must be at least 2")
    .null_or_prob(sig.level)
    .null_or_prob(power)
    pow <- function(groups, n, between.var, within.var, sig.level) {
        lambda <- (groups - 1) * n * (between.var / within.var)
        pf(qf(sig.level, groups - 1, (n - 1) * groups, lower.tail = FALSE),
           groups - 1, (n - 1) * groups, lambda, lower.tail = FALSE)
    }
    if (is.null(power)) power <- pow(groups, n, between.var, within.var, sig.level)
    else if (is.null(groups))
        groups <- uniroot(function(g) pow(g, n, between.var, within.var, sig.level) - power,
                          c(2, 100))$root
    else if (is.null(n))
        n <- uniroot(function(n) pow(groups, n, between.var, within.var, sig.level) - power,
                     c(2, 1e+05))$root
    else if (is.null(within.var))
        within.var <- uniroot(function(w) pow(groups, n, between.var, w, sig.level) - power,
                              between.var * c(1e-07, 1e+07))$root
    else if (is.null(between.var))
        between.var <- uniroot(function(b) pow(groups, n, b, within.var, sig.level) - power,
                               within.var * c(1e-07, 1e+07))$root
    else if (is.null(sig.level))
        sig.level <- uniroot(function(s) pow(groups, n, between.var, within.var, s) - power,
                             c(1e-10, 1 - 1e-10))$root
    structure(list(groups = groups, n = n, between.var = between.var, within.var = within.var,
                   sig.level = sig.level, power = power, note = "n is number in each group",
                   method = "Balanced one-way analysis of variance power calculation"),
              class = "power.htest")
}

## Prints a power calculation: the method, then each quantity as "name = value".
print.power.htest <- function(x, digits = getOption("digits"), ...) {
    cat("\n    ", x$method, "\n\n")
    note <- x$note
    x[c("method", "note")] <- NULL
    vals <- vapply(x, function(v) paste(format(v, digits = digits), collapse = ", "), "")
    cat(paste(format(names(x), width = 15L, justify = "right"), vals, sep = " = "), sep = "\n")
    if (!is.null(note)) cat("\n", "NOTE: ", note, "\n\n", sep = "") else cat("\n")
    invisible(x)
}

## Symbolic coding of numbers by intervals (e.g. correlations, p-values): each value is
## replaced by the symbol of the interval of cutpoints it falls in; a noquote result with
## a "legend" attribute.
symnum <- function(x, cutpoints = c(0.3, 0.6, 0.8, 0.9, 0.95),
                   symbols = if (numeric.x) c(" ", ".", ",", "+", "*", "B") else c(".", "|"),
                   legend = length(symbols) >= 3, na = "?", eps = 1e-5,
                   numeric.x = is.numeric(x), corr = missing(cutpoints) && numeric.x,
                   show.max = if (corr) "1", show.min = NULL, abbr.colnames = has.colnames,
                   lower.triangular = corr && is.numeric(x) && is.matrix(x),
                   diag.lower.tri = corr && !is.null(show.max)) {
    if (length(x) == 0L)
        return(noquote(if (is.null(d <- dim(x))) character() else array("", dim = d)))
    nax <- is.na(x)
    has.na <- any(nax)
    if (numeric.x) {
        force(corr)
        cutpoints <- sort(cutpoints)
        if (corr) cutpoints <- c(0, cutpoints, 1)
        if (any(duplicated(cutpoints)) || (corr && (any(cutpoints > 1) || any(cutpoints < 0))))
            stop(if (corr) "'cutpoints' must be unique in 0 < cuts < 1, but are = "
                 else "'cutpoints' must be unique, but are = ",
                 paste(format(cutpoints), collapse = "|"))
        nc <- length(cutpoints)
        minc <- cutpoints[1L]
        maxc <- cutpoints[nc]
        range.msg <- if (corr) "'x' must be between -1 and 1"
                     else sprintf("'x' must be between %s and %s", format(minc), format(maxc))
        if (corr) x <- abs(x)
        else if (any(x < minc - eps, na.rm = TRUE)) stop(range.msg)
        if (any(x > maxc + eps, na.rm = TRUE)) stop(range.msg)
        ns <- length(symbols)
        symbols <- as.character(symbols)
        if (any(duplicated(symbols)))
            stop("'symbols' must be unique, but are = ", paste(symbols, collapse = "|"))
        if (nc != ns + 1) {
            if (corr) stop("number of 'cutpoints' must be one less than number of symbols")
            else stop("number of 'cutpoints' must be one more than number of symbols")
        }
        iS <- findInterval(as.vector(x), cutpoints, left.open = TRUE, rightmost.closed = FALSE)
        iS[!is.na(x) & as.vector(x) == minc] <- 1L
        iS[!is.na(iS) & (iS < 1L | iS > ns)] <- NA
        ii <- is.na(iS)
        if (any(ii)) iS[which(ii)[!is.na(x[ii]) & (abs(x[ii] - minc) < eps)]] <- 1L
    } else {
        if (!missing(symbols) && length(symbols) != 2L)
            stop("must have 2 'symbols' for logical 'x' argument")
        iS <- as.vector(x) + 1
    }
    if (has.na) {
        ans <- character(length(iS))
        if ((has.na <- is.character(na))) ans[nax] <- na
        ans[!nax] <- symbols[iS[!nax]]
    } else ans <- symbols[iS]
    if (numeric.x) {
        if (!is.null(show.max))
            ans[x >= maxc - eps] <- if (is.character(show.max)) show.max else format(maxc, digits = 1)
        if (!is.null(show.min))
            ans[x <= minc + eps] <- if (is.character(show.min)) show.min else format(minc, digits = 1)
    }
    if (lower.triangular && is.matrix(x))
        ans[!lower.tri(x, diag = diag.lower.tri)] <- ""
    attributes(ans) <- attributes(x)
    has.colnames <- FALSE
    if (is.array(ans) && (rank <- length(dim(x))) >= 2L) {
        has.colnames <- !is.null(dimnames(ans))
        if (!has.colnames) dimnames(ans) <- vector("list", rank)
        else has.colnames <- length(dimnames(ans)[[2L]]) > 0L
        if ((is.logical(abbr.colnames) || is.numeric(abbr.colnames)) && abbr.colnames) {
            dn <- dimnames(ans)
            dn[[2L]] <- abbreviate(dn[[2L]], minlength = abbr.colnames)
            dimnames(ans) <- dn
        } else if (is.null(abbr.colnames) || is.null(dimnames(ans)[[2L]])) {
            dn <- dimnames(ans)
            dn[[2L]] <- rep("", dim(ans)[2L])
            dimnames(ans) <- dn
        } else if (!is.logical(abbr.colnames)) stop("invalid 'abbr.colnames'")
    }
    if (legend) {
        leg <- c(rbind(sapply(cutpoints, format), c(sQuote(symbols), "")),
                 if (has.na) paste("\t    ## NA:", sQuote(na)))
        attr(ans, "legend") <- paste(leg[-2 * (ns + 1)], collapse = " ")
    }
    noquote(ans)
}

## One string shortened towards minlength characters: drop lower-case vowels, then
## lower-case letters (word ends first, never a word's first letter), then any letters.
.abbrev1 <- function(s, minlen, use.classes) {
    ch <- strsplit(sub("^ +", "", s), "")[[1L]]
    n <- length(ch)
    if (n <= minlen) return(paste(ch, collapse = ""))
    while (n > 1L && ch[n] == " ") { ch <- ch[-n]; n <- n - 1L }
    nspace <- sum(ch == " ")
    done <- function() length(ch) - nspace <= minlen
    first <- function(i) ch[i - 1L] == " "
    last <- function(i) ch[i - 1L] != " " && (i == length(ch) || ch[i + 1L] == " ")
    pass <- function(test) {
        i <- length(ch)
        while (i > 1L) {
            if (i <= length(ch) && test(i)) ch <<- ch[-i]
            if (done()) return(TRUE)
            i <- i - 1L
        }
        FALSE
    }
    vowel <- function(i) ch[i] %in% c("a", "e", "i", "o", "u")
    lower <- function(i) grepl("^[a-z]$", ch[i])
    finished <- done()
    if (!finished && use.classes) {
        finished <- pass(function(i) vowel(i) && last(i)) ||
            pass(function(i) vowel(i) && !first(i)) ||
            pass(function(i) lower(i) && last(i)) ||
            pass(function(i) lower(i) && !first(i))
    }
    if (!finished) pass(function(i) !first(i) && ch[i] != " ")
    if (length(ch) > minlen) {
        keep <- c(TRUE, ch[-1L] != " ")
        ch <- ch[keep]
    }
    paste(ch, collapse = "")
}

## Abbreviates strings to at least minlength characters, keeping them unique (lengthening
## duplicated abbreviations); named by the original strings.
abbreviate <- function(names.arg, minlength = 4L, use.classes = TRUE, dot = FALSE,
                       strict = FALSE, method = c("left.kept", "both.sides"), named = TRUE) {
    if (minlength <= 0L) {
        x <- rep.int("", length(names.arg))
        names(x) <- names.arg
        return(x)
    }
    names.arg <- sub("^ +", "", sub(" +$", "", as.character(names.arg)))
    ## Repeated strings share one abbreviation: work on the distinct ones.
    if (anyDuplicated(names.arg)) {
        u <- unique(names.arg)
        r <- abbreviate(u, minlength, use.classes, dot, strict, method, named = FALSE)
        x <- r[match(names.arg, u)]
        if (named) names(x) <- names.arg
        return(x)
    }
    x <- names.arg
    minlength <- as.integer(minlength)
    ab <- function(v, m) vapply(v, .abbrev1, "", minlen = m, use.classes = use.classes,
                                USE.NAMES = FALSE)
    if (strict) {
        x[] <- ab(x, minlength)
    } else {
        dup2 <- rep.int(TRUE, length(names.arg))
        these <- names.arg
        repeat {
            x[dup2] <- ab(these, minlength)
            if (!any(dup2 <- duplicated(x))) break
            minlength <- minlength + 1L
            dup2 <- dup2 | match(x, x[dup2], 0L) > 0L
            these <- names.arg[dup2]
        }
    }
    if (dot) {
        chgd <- x != names.arg
        x[chgd] <- paste0(x[chgd], ".")
    }
    if (named) names(x) <- names.arg
    x
}
