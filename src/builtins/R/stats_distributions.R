# Distributions of R's stats package written over rsc's builtins: the multinomial density,
# the birthday problem, Wishart draws and the random Wilcoxon statistics.

## Multinomial probability of the counts x (size = sum(x)) under cell probabilities prob.
dmultinom <- function(x, size = NULL, prob, log = FALSE) {
    K <- length(prob)
    if (length(x) != K) stop("x[] and prob[] must be equal length vectors.")
    if (any(!is.finite(prob)) || any(prob < 0) || (s <- sum(prob)) == 0)
        stop("probabilities must be finite, non-negative and not all 0")
    prob <- prob / s
    x <- as.integer(x + 0.5)
    if (any(x < 0)) stop("'x' must be non-negative")
    N <- sum(x)
    if (is.null(size)) size <- N
    else if (size != N) stop("size != sum(x), i.e. one is wrong")
    zero <- prob == 0
    if (any(zero)) {
        if (any(x[zero] != 0)) return(if (log) -Inf else 0)
        if (all(zero)) return(if (log) 0 else 1)
        x <- x[!zero]
        prob <- prob[!zero]
    }
    lp <- lgamma(size + 1) + sum(x * log(prob) - lgamma(x + 1))
    if (log) lp else exp(lp)
}

## Probability that among n draws from `classes` equally likely categories at least `coincident` coincide.
pbirthday <- function(n, classes = 365, coincident = 2) {
    k <- coincident
    c <- classes
    if (k < 2) return(1)
    if (k == 2) {
        if (n > c) return(1)
        return(1 - prod((c - seq_len(n) + 1) / c))
    }
    if (k > n) return(0)
    if (n > c * (k - 1)) return(1)
    # Diaconis and Mosteller's approximation
    lhs <- n * exp(-n / (c * k)) / (1 - n / (c * (k + 1)))^(1 / k)
    lxx <- k * log(lhs) - (k - 1) * log(c) - lgamma(k + 1)
    -expm1(-exp(lxx))
}

## The smallest number of draws for which pbirthday() reaches prob.
qbirthday <- function(prob = 0.5, classes = 365, coincident = 2) {
    k <- coincident
    c <- classes
    p <- prob
    if (p <= 0) return(1)
    if (p >= 1) return(c * (k - 1) + 1)
    N <- ceiling(exp(((k - 1) * log(c) + lgamma(k + 1) + log(-log1p(-p))) / k))
    if (pbirthday(N, c, k) < prob) {
        N <- N + 1
        while (pbirthday(N, c, k) < prob) N <- N + 1
    } else if (pbirthday(N - 1, c, k) >= prob) {
        N <- N - 1
        while (pbirthday(N - 1, c, k) >= prob) N <- N - 1
    }
    N
}

## n random p x p matrices from the Wishart distribution with df degrees of freedom and scale Sigma (Bartlett's decomposition).
rWishart <- function(n, df, Sigma) {
    Sigma <- as.matrix(Sigma)
    p <- nrow(Sigma)
    if (!is.numeric(Sigma) || ncol(Sigma) != p) stop("'scal' must be a square, real matrix")
    if (n <= 0) n <- 1
    if (df < p || p <= 0) stop("inconsistent degrees of freedom and dimension")
    R <- chol(Sigma)
    out <- array(0, c(p, p, n))
    for (k in seq_len(n)) {
        A <- matrix(0, p, p)
        for (j in seq_len(p)) {
            A[j, j] <- sqrt(rchisq(1, df - j + 1))
            if (j > 1) for (i in seq_len(j - 1)) A[i, j] <- rnorm(1)
        }
        B <- A %*% R
        out[, , k] <- crossprod(B)
    }
    dn <- dimnames(Sigma)
    if (!is.null(dn)) dimnames(out) <- c(dn, list(NULL))
    out
}

## Random draws of the Wilcoxon signed rank statistic for n observations.
rsignrank <- function(nn, n) {
    if (length(nn) > 1L) nn <- length(nn)
    n <- rep_len(round(n), nn)
    vapply(seq_len(nn), function(i) {
        k <- n[i]
        if (is.na(k) || k < 0) return(NaN)
        if (k == 0) return(0)
        sum(seq_len(k) * floor(runif(k) + 0.5))
    }, 0)
}

## Random draws of the Wilcoxon rank sum statistic for samples of sizes m and n.
rwilcox <- function(nn, m, n) {
    if (length(nn) > 1L) nn <- length(nn)
    m <- rep_len(round(m), nn)
    n <- rep_len(round(n), nn)
    vapply(seq_len(nn), function(i) {
        mi <- m[i]
        ni <- n[i]
        if (is.na(mi) || is.na(ni) || mi < 0 || ni < 0) return(NaN)
        if (mi == 0 || ni == 0) return(0)
        k <- mi + ni
        x <- seq_len(k) - 1
        r <- 0
        for (j in seq_len(ni)) {
            pick <- sample.int(k, 1L)
            r <- r + x[pick]
            x[pick] <- x[k]
            k <- k - 1
        }
        r - ni * (ni - 1) / 2
    }, 0)
}
