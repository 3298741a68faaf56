# More tests of R's stats package: the chi-squared test for trend in proportions and the
# Phillips-Perron unit root test.

## Chi-squared test for a linear trend in the proportions x/n over the scores.
prop.trend.test <- function(x, n, score = seq_along(x)) {
    dname <- paste(deparse1(substitute(x)), "out of", deparse1(substitute(n)),
                   ",\n using scores:", paste(score, collapse = " "))
    x <- as.vector(x)
    n <- as.vector(n)
    score <- as.vector(score)
    p <- sum(x) / sum(n)
    w <- n / p / (1 - p)
    f <- x / n
    sb <- sum(w * score) / sum(w)
    fb <- sum(w * f) / sum(w)
    sxy <- sum(w * (score - sb) * (f - fb))
    sxx <- sum(w * (score - sb)^2)
    chisq <- c("X-squared" = sxy^2 / sxx)
    structure(list(statistic = chisq, parameter = c(df = 1),
                   p.value = as.numeric(pchisq(chisq, 1, lower.tail = FALSE)),
                   method = "Chi-squared Test for Trend in Proportions", data.name = dname),
              class = "htest")
}

## Phillips-Perron test of the null that x has a unit root (against stationarity).
PP.test <- function(x, lshort = TRUE) {
    if (NCOL(x) > 1) stop("x is not a vector or univariate time series")
    dname <- deparse1(substitute(x))
    x <- as.vector(x)
    yt <- x[-1L]
    yt1 <- x[-length(x)]
    n <- length(yt)
    tt <- seq_len(n) - n / 2
    fit <- lm(yt ~ 1 + tt + yt1)
    if (fit$rank < 3) stop("singularities in regression")
    cf <- summary(fit)$coefficients
    tstat <- (cf[3L, 1L] - 1) / cf[3L, 2L]
    u <- residuals(fit)
    ssqru <- sum(u^2) / n
    l <- if (lshort) trunc(4 * (n / 100)^0.25) else trunc(12 * (n / 100)^0.25)
    acc <- 0
    for (i in seq_len(l)) acc <- acc + (1 - i / (l + 1)) * sum(u[(i + 1):n] * u[1:(n - i)])
    ssqrtl <- ssqru + 2 * acc / n
    n2 <- n^2
    idx <- seq_len(n)
    s1 <- sum(yt1)
    si <- sum(yt1 * idx)
    Dx <- n2 * (n2 - 1) * sum(yt1^2) / 12 - n * si^2 + n * (n + 1) * si * s1 - n * (n + 1) * (2 * n + 1) * s1^2 / 6
    stat <- sqrt(ssqru) / sqrt(ssqrtl) * tstat - n^3 / (4 * sqrt(3) * sqrt(Dx) * sqrt(ssqrtl)) * (ssqrtl - ssqru)
    # critical values of the Dickey-Fuller t with trend (rows: sample sizes; columns: probabilities)
    crit <- -cbind(c(4.38, 4.15, 4.04, 3.99, 3.98, 3.96), c(3.95, 3.80, 3.73, 3.69, 3.68, 3.66),
                   c(3.60, 3.50, 3.45, 3.43, 3.42, 3.41), c(3.24, 3.18, 3.15, 3.13, 3.13, 3.12),
                   c(1.14, 1.19, 1.22, 1.23, 1.24, 1.25), c(0.80, 0.87, 0.90, 0.92, 0.93, 0.94),
                   c(0.50, 0.58, 0.62, 0.64, 0.65, 0.66), c(0.15, 0.24, 0.28, 0.31, 0.32, 0.33))
    sizes <- c(25, 50, 100, 250, 500, 1e+05)
    probs <- c(0.01, 0.025, 0.05, 0.1, 0.9, 0.95, 0.975, 0.99)
    at_n <- vapply(seq_len(ncol(crit)), function(j) approx(sizes, crit[, j], n, rule = 2)$y, 0)
    pval <- approx(at_n, probs, stat, rule = 2)$y
    names(stat) <- "Dickey-Fuller"
    names(l) <- "Truncation lag parameter"
    structure(list(statistic = stat, parameter = l, p.value = pval,
                   method = "Phillips-Perron Unit Root Test", data.name = dname), class = "htest")
}
