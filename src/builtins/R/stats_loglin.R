# Log-linear models of contingency tables fitted by iterative proportional fitting (loglin).

## Fits the log-linear model whose sufficient margins are `margin` (a list of variable numbers
## or names) to a contingency table; returns the likelihood-ratio and Pearson statistics, the
## degrees of freedom, the margins, and optionally the fitted table and the parameters.
loglin <- function(table, margin, start = rep(1, length(table)), fit = FALSE, eps = 0.1,
                   iter = 20L, param = FALSE, print = TRUE) {
    dims <- dim(table)
    if (is.null(dims)) dims <- length(table)
    nvar <- length(dims)
    vn <- names(dimnames(table))
    for (k in seq_along(margin)) {
        m <- margin[[k]]
        if (is.character(m)) margin[[k]] <- m <- match(m, vn)
        if (!is.numeric(m) || any(is.na(m) | m <= 0))
            stop("'margin' must contain names or numbers corresponding to 'table'")
    }
    if (length(start) != length(table)) stop("'start' and 'table' must be same length")
    z <- .loglin_ipf(dims, lapply(margin, as.double), as.double(table), as.double(start),
                     as.double(eps), as.integer(iter))
    if (!z$converged) warning("algorithm did not converge")
    if (print) cat(z$nlast, "iterations: deviation", z$dev[z$nlast], "\n")
    fitted <- z$fit
    attributes(fitted) <- attributes(table)
    pos <- start > 0
    pearson <- sum((as.vector(table[pos]) - as.vector(fitted[pos]))^2 / as.vector(fitted[pos]))
    nz <- table * fitted > 0
    o <- as.vector(table[nz])
    lrt <- 2 * sum(o * log(o / as.vector(fitted[nz])))
    ## every subset of every margin is a fitted term; its df is the product of (levels - 1)
    used <- rep.int(0, 2^nvar)
    for (m in margin) {
        for (b in seq_len(2^length(m) - 1L)) {
            s <- m[bitwAnd(b, 2^(seq_along(m) - 1L)) > 0]
            used[sum(2^(s - 1))] <- prod(dims[s] - 1)
        }
    }
    if (!is.null(vn) && all(nzchar(vn))) {
        margin <- lapply(margin, function(m) vn[m])
    } else vn <- as.character(seq_along(table))
    out <- list(lrt = lrt, pearson = pearson, df = length(table) - sum(used) - 1, margin = margin)
    if (fit) out$fit <- fitted
    if (param) {
        lf <- log(fitted)
        tms <- seq_along(used)[used > 0]
        bits <- t(vapply(tms, function(t) as.integer(bitwAnd(t, 2^(seq_len(nvar) - 1L)) > 0), integer(nvar)))
        bits <- bits[order(rowSums(bits)), , drop = FALSE]
        pv <- list(mean(lf))
        pn <- "(Intercept)"
        lf <- lf - pv[[1L]]
        for (i in seq_len(nrow(bits))) {
            vars <- which(bits[i, ] > 0)
            pv[[i + 1L]] <- apply(lf, vars, mean)
            pn[i + 1L] <- paste(vn[vars], collapse = ".")
            lf <- sweep(lf, vars, pv[[i + 1L]], check.margin = FALSE)
        }
        names(pv) <- pn
        out$param <- pv
    }
    out
}
