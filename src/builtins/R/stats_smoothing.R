# Scatterplot smoothers beyond lowess: Friedman's super smoother (supsmu).

## Friedman's super smoother of y on x: running lines with a span chosen locally by
## cross-validation (span = "cv", with the bass control pulling toward smoother fits) or a
## fixed span; periodic x must lie in [0, 1]. Returns list(x, y) at the distinct sorted x.
supsmu <- function(x, y, wt = rep(1, n), span = "cv", periodic = FALSE, bass = 0, trace = FALSE) {
    if (identical(span, "cv")) span <- 0
    else if (span < 0 || span > 1) stop("'span' must be between 0 and 1.")
    n <- length(y)
    if (!n || !is.numeric(y)) stop("'y' must be numeric vector")
    if (length(x) != n) stop("number of observations in 'x' and 'y' must match.")
    if (length(wt) != n) stop("number of weights must match number of observations.")
    if (periodic) {
        r <- range(x)
        if (r[1L] < 0 || r[2L] > 1) stop("'x' must be between 0 and 1 for periodic smooth")
    }
    ok <- is.finite(x + y + wt)
    idx <- which(ok)[order(x[ok], y[ok])]
    if (!length(idx)) stop("no finite observations")
    if (dropped <- n - length(idx))
        warning(sprintf(if (dropped == 1L) "%d observation with NA, NaN or Inf deleted"
                        else "%d observations with NAs, NaNs and/or Infs deleted", dropped),
                domain = NA)
    xo <- as.double(x[idx])
    smo <- .supsmu(xo, as.double(y[idx]), as.double(wt[idx]), as.logical(periodic),
                   as.double(span), as.double(bass))
    keep <- !duplicated(xo)
    list(x = xo[keep], y = smo[keep])
}
