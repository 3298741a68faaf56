# Oblique factor rotation of R's stats package.

## Promax rotation of a loadings matrix: varimax, then a least-squares fit to the
## loadings raised to the power m (keeping signs), rescaled to unit-variance factors.
promax <- function(x, m = 4) {
    if (ncol(x) < 2) return(x)
    dn <- dimnames(x)
    vm <- varimax(x)
    L <- unclass(vm$loadings)
    target <- L * abs(L)^(m - 1)
    U <- qr.coef(qr(L), target)
    d <- diag(solve(crossprod(U)))
    U <- U %*% diag(sqrt(d))
    dimnames(U) <- NULL
    z <- L %*% U
    U <- vm$rotmat %*% U
    dimnames(z) <- dn
    class(z) <- "loadings"
    list(loadings = z, rotmat = U)
}
