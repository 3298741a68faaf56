## Distances between the rows of a matrix: euclidean, maximum, manhattan, canberra, binary or
## minkowski. Returns the lower triangle as class "dist" with Size, Labels, Diag, Upper,
## method and call attributes.
dist <- function(x, method = "euclidean", diag = FALSE, upper = FALSE, p = 2) {
    if (!is.na(.pmatch1(method, "euclidian"))) method <- "euclidean"
    methods <- c("euclidean", "maximum", "manhattan", "canberra", "binary", "minkowski")
    i <- .pmatch1(method, methods)
    if (is.na(i)) stop("invalid distance method")
    if (i == -1) stop("ambiguous distance method")
    x <- as.matrix(x)
    if (!is.numeric(x) && !is.logical(x)) storage.mode(x) <- "double"
    n <- nrow(x)
    d <- .dist_core(x, i, p)
    attr(d, "Size") <- n
    if (!is.null(rownames(x))) attr(d, "Labels") <- rownames(x)
    attr(d, "Diag") <- diag
    attr(d, "Upper") <- upper
    attr(d, "method") <- methods[i]
    if (i == 6L) attr(d, "p") <- p
    attr(d, "call") <- match.call()
    class(d) <- "dist"
    d
}

## Prints a "dist" object as its lower triangle (diag and upper add the rest).
print.dist <- function(x, diag = NULL, upper = NULL, digits = getOption("digits"), justify = "none", right = TRUE, ...) {
    if (length(x)) {
        if (is.null(diag)) diag <- isTRUE(attr(x, "Diag"))
        if (is.null(upper)) upper <- isTRUE(attr(x, "Upper"))
        m <- as.matrix.dist(x)
        cf <- format(m, digits = digits, justify = justify)
        if (!upper) cf[row(cf) < col(cf)] <- ""
        if (!diag) cf[row(cf) == col(cf)] <- ""
        n <- attr(x, "Size")
        print(if (diag || upper) cf else cf[-1, -n, drop = FALSE], quote = FALSE, right = right, ...)
    } else cat("dist(0)\n")
    invisible(x)
}

## The full symmetric matrix of a "dist" object.
as.matrix.dist <- function(x, ...) {
    n <- attr(x, "Size")
    m <- matrix(0, n, n)
    low <- row(m) > col(m)
    m[low] <- x
    m <- t(m)
    m[low] <- x
    lab <- attr(x, "Labels")
    dimnames(m) <- if (is.null(lab)) list(seq_len(n), seq_len(n)) else list(lab, lab)
    m
}

## Turns a square matrix (its lower triangle) into a "dist" object.
as.dist <- function(m, diag = FALSE, upper = FALSE) UseMethod("as.dist")

## as.dist for matrices and "dist" objects.
as.dist.default <- function(m, diag = FALSE, upper = FALSE) {
    if (inherits(m, "dist")) ans <- m
    else {
        m <- as.matrix(m)
        n <- nrow(m)
        if (ncol(m) != n) warning("non-square matrix")
        ans <- m[row(m) > col(m)]
        attributes(ans) <- NULL
        if (!is.null(rownames(m))) attr(ans, "Labels") <- rownames(m)
        else if (!is.null(colnames(m))) attr(ans, "Labels") <- colnames(m)
        attr(ans, "Size") <- n
        attr(ans, "call") <- match.call()
        class(ans) <- "dist"
    }
    if (is.null(attr(ans, "Diag")) || !missing(diag)) attr(ans, "Diag") <- diag
    if (is.null(attr(ans, "Upper")) || !missing(upper)) attr(ans, "Upper") <- upper
    ans
}

## The labels of a "dist" object.
labels.dist <- function(object, ...) {
    lab <- attr(object, "Labels")
    if (is.null(lab)) as.character(seq_len(attr(object, "Size"))) else lab
}

## Hierarchical clustering of a "dist" object by one of R's linkage methods (ward.D,
## single, complete, average, mcquitty, median, centroid, ward.D2). Returns class "hclust"
## with merge, height, order, labels, method, call and dist.method.
hclust <- function(d, method = "complete", members = NULL) {
    methods <- c("ward.D", "single", "complete", "average", "mcquitty", "median", "centroid", "ward.D2")
    if (method == "ward") {
        message("The \"ward\" method has been renamed to \"ward.D\"; note new \"ward.D2\"")
        method <- "ward.D"
    }
    i <- .pmatch1(method, methods)
    if (is.na(i)) stop("invalid clustering method", paste("", method))
    if (i == -1) stop("ambiguous clustering method", paste("", method))
    n <- as.integer(attr(d, "Size"))
    if (is.null(attr(d, "Size"))) stop("invalid dissimilarities")
    if (is.na(n) || n > 65536L) stop("size cannot be NA nor exceed 65536")
    if (n < 2) stop("must have n >= 2 objects to cluster")
    len <- as.integer(n * (n - 1)/2)
    if (length(d) != len) (if (length(d) < len) stop else warning)("dissimilarities of improper length")
    if (is.null(members)) members <- rep(1, n)
    else if (length(members) != n) stop("invalid length of members")
    h <- .hclust_core(as.double(d), n, i, as.double(members))
    structure(list(merge = cbind(h$merge1, h$merge2), height = h$height, order = h$order,
                   labels = attr(d, "Labels"), method = methods[i], call = match.call(),
                   dist.method = attr(d, "method")), class = "hclust")
}

## Prints an "hclust" object: its call, method, distance and size.
print.hclust <- function(x, ...) {
    if (!is.null(x$call)) cat("\nCall:\n", deparse(x$call), "\n\n", sep = "")
    if (!is.null(x$method)) cat("Cluster method   :", x$method, "\n")
    if (!is.null(x$dist.method)) cat("Distance         :", x$dist.method, "\n")
    cat("Number of objects:", length(x$height) + 1, "\n")
    cat("\n")
    invisible(x)
}

## Cuts a tree into k groups (or at heights h): the group of each observation.
cutree <- function(tree, k = NULL, h = NULL) {
    n1 <- nrow(tree$merge)
    if (is.null(n1) || n1 < 1) stop("invalid 'tree' ('merge' component)")
    n <- n1 + 1
    if (is.null(k) && is.null(h)) stop("either 'k' or 'h' must be specified")
    if (is.null(k)) {
        if (is.unsorted(tree$height)) stop("the 'height' component of 'tree' is not sorted (increasingly)")
        k <- vapply(h, function(hh) n + 1L - which.max(c(tree$height, Inf) > hh), 1)
    } else {
        k <- as.integer(k)
        if (min(k) < 1 || max(k) > n) stop(gettextf("elements of 'k' must be between 1 and %d", n))
    }
    ans <- .cutree_core(tree$merge, as.integer(k))
    if (length(k) == 1L) {
        ans <- as.vector(ans)
        names(ans) <- tree$labels
    } else {
        colnames(ans) <- if (!is.null(h)) h else k
        rownames(ans) <- tree$labels
    }
    ans
}

## Cophenetic distances of a tree: the height at which each pair is first joined.
cophenetic <- function(x) UseMethod("cophenetic")

## cophenetic() for "hclust" trees.
cophenetic.default <- function(x) {
    n <- length(x$order)
    groups <- vector("list", n - 1)
    out <- matrix(0, n, n)
    for (i in seq_len(n - 1)) {
        side <- function(v) if (v < 0L) -v else groups[[v]]
        a <- side(x$merge[i, 1L])
        b <- side(x$merge[i, 2L])
        groups[[i]] <- c(a, b)
        out[a, b] <- x$height[i]
        out[b, a] <- x$height[i]
    }
    rownames(out) <- x$labels
    as.dist(out)
}

## k-means clustering (Hartigan-Wong, Lloyd, Forgy or MacQueen); random starting centres are
## drawn with sample.int as R draws them. Returns class "kmeans".
kmeans <- function(x, centers, iter.max = 10L, nstart = 1L, algorithm = c("Hartigan-Wong", "Lloyd", "Forgy", "MacQueen"), trace = FALSE) {
    x <- as.matrix(x)
    m <- as.integer(nrow(x))
    if (is.na(m)) stop("invalid nrow(x)")
    p <- as.integer(ncol(x))
    if (missing(centers)) stop("'centers' must be a number or a matrix")
    nmeth <- switch(match.arg(algorithm), "Hartigan-Wong" = 1L, Lloyd = 2L, Forgy = 2L, MacQueen = 3L)
    storage.mode(x) <- "double"
    cn <- NULL
    if (length(centers) == 1L) {
        k <- centers
        if (nstart == 1L) centers <- x[sample.int(m, k), , drop = FALSE]
        if (nstart >= 2L || .dup_rows(centers)) {
            cn <- x[!.row_dups(x), , drop = FALSE]
            mm <- nrow(cn)
            if (mm < k) stop("more cluster centers than distinct data points.")
            centers <- cn[sample.int(mm, k), , drop = FALSE]
        }
    } else {
        centers <- as.matrix(centers)
        if (.dup_rows(centers)) stop("initial centers are not distinct")
        k <- nrow(centers)
        if (m < k) stop("more cluster centers than data points")
    }
    k <- as.integer(k)
    if (is.na(k)) stop("invalid value of 'k'")
    if (k == 1L) nmeth <- 3L
    iter.max <- as.integer(iter.max)
    if (is.na(iter.max) || iter.max < 1L) stop("'iter.max' must be positive")
    if (ncol(x) != ncol(centers)) stop("must have same number of columns in 'x' and 'centers'")
    storage.mode(centers) <- "double"
    check <- function(z) {
        if (nmeth == 1L) {
            if (z$ifault == 1L) stop("empty cluster: try a better set of initial centers", call. = FALSE)
            if (z$ifault == 3L) stop("number of cluster centres must lie between 1 and nrow(x)", call. = FALSE)
            if (z$ifault == 4L) warning(gettextf("Quick-TRANSfer stage steps exceeded maximum (= %d)", as.integer(min(.Machine$integer.max, 50 * m))), call. = FALSE)
        }
        if (nmeth != 1L && any(z$nc == 0)) warning("empty cluster: try a better set of initial centers", call. = FALSE)
        if (z$iter > iter.max) {
            warning(sprintf(ngettext(iter.max, "did not converge in %d iteration", "did not converge in %d iterations"), iter.max), call. = FALSE)
            if (nmeth != 1L) z$ifault <- 2L
        }
        z
    }
    ## the runs use no random numbers, so every start's centres are drawn first (the
    ## same draws in the same order) and the runs go on all cores together
    starts <- list(centers)
    if (nstart >= 2L && !is.null(cn)) for (i in 2:nstart) {
        s <- cn[sample.int(mm, k), , drop = FALSE]
        storage.mode(s) <- "double"
        starts[[i]] <- s
    }
    zs <- .kmeans_core(x, starts, iter.max, nmeth)
    z <- check(zs[[1L]])
    best <- sum(z$wss)
    for (zz in zs[-1L]) {
        zz <- check(zz)
        if ((s <- sum(zz$wss)) < best) {
            z <- zz
            best <- s
        }
    }
    centers <- matrix(z$centers, k)
    dimnames(centers) <- list(1L:k, dimnames(x)[[2L]])
    cluster <- z$cluster
    if (!is.null(rn <- rownames(x))) names(cluster) <- rn
    totss <- sum(scale(x, scale = FALSE)^2)
    structure(list(cluster = cluster, centers = centers, totss = totss, withinss = z$wss,
                   tot.withinss = best, betweenss = totss - best, size = z$nc, iter = z$iter,
                   ifault = z$ifault), class = "kmeans")
}

## Prints a k-means fit as R does.
print.kmeans <- function(x, ...) {
    cat("K-means clustering with ", length(x$size), " clusters of sizes ", paste(x$size, collapse = ", "), "\n", sep = "")
    cat("\nCluster means:\n")
    print(x$centers, ...)
    cat("\nClustering vector:\n")
    print(x$cluster, ...)
    cat("\nWithin cluster sum of squares by cluster:\n")
    print(x$withinss, ...)
    cat(sprintf(" (between_SS / total_SS = %5.1f %%)\n", 100 * x$betweenss/x$totss), "Available components:\n", sep = "\n")
    print(names(x))
    if (!is.null(x$ifault) && x$ifault == 2L) cat("Warning: did *not* converge in specified number of iterations\n")
    invisible(x)
}

## The centre of each point's cluster (or its cluster number, method = "classes").
fitted.kmeans <- function(object, method = c("centers", "classes"), ...) {
    method <- match.arg(method)
    if (method == "centers") object$centers[object$cluster, , drop = FALSE] else object$cluster
}

## Principal components by the singular value decomposition of the centred (and optionally
## scaled) data. Returns class "prcomp" with sdev, rotation, center, scale and x.
prcomp <- function(x, ...) UseMethod("prcomp")

## prcomp for a numeric matrix or data frame.
prcomp.default <- function(x, retx = TRUE, center = TRUE, scale. = FALSE, tol = NULL, rank. = NULL, ...) {
    x <- as.matrix(x)
    x <- scale(x, center = center, scale = scale.)
    cen <- attr(x, "scaled:center")
    sc <- attr(x, "scaled:scale")
    if (any(sc == 0)) stop("cannot rescale a constant/zero column to unit variance")
    n <- nrow(x)
    p <- ncol(x)
    k <- if (!is.null(rank.)) min(as.integer(rank.), n, p) else min(n, p)
    s <- svd(x, nu = 0, nv = k)
    j <- seq_len(k)
    s$d <- s$d/sqrt(max(1, n - 1))
    if (!is.null(tol)) {
        rank <- sum(s$d > (s$d[1L] * tol))
        if (rank < k) {
            j <- seq_len(k <- rank)
            s$v <- s$v[, j, drop = FALSE]
        }
    }
    dimnames(s$v) <- list(colnames(x), paste0("PC", j))
    r <- list(sdev = s$d, rotation = s$v, center = if (is.null(cen)) FALSE else cen,
              scale = if (is.null(sc)) FALSE else sc)
    if (retx) {
        xx <- x %*% s$v
        attr(xx, "scaled:center") <- NULL
        attr(xx, "scaled:scale") <- NULL
        r$x <- xx
    }
    class(r) <- "prcomp"
    r
}

## prcomp with a formula of the variables (~ a + b) and a data frame.
prcomp.formula <- function(formula, data = NULL, subset, na.action, ...) {
    mf <- if (is.null(data)) model.frame(formula) else model.frame(formula, data = data)
    res <- prcomp.default(as.matrix(mf), ...)
    res$call <- match.call()
    res
}

## Prints the standard deviations and rotation of a "prcomp" fit (and the scores, print.x).
print.prcomp <- function(x, print.x = FALSE, ...) {
    cat(sprintf("Standard deviations (1, .., p=%d):\n", length(x$sdev)))
    print(x$sdev, ...)
    d <- dim(x$rotation)
    cat(sprintf("\nRotation (n x k) = (%d x %d):\n", d[1], d[2]))
    print(x$rotation, ...)
    if (print.x && length(x$x)) {
        cat("\nRotated variables:\n")
        print(x$x, ...)
    }
    invisible(x)
}

## Adds the importance table (standard deviation, proportion of variance, cumulative).
summary.prcomp <- function(object, ...) {
    vars <- object$sdev^2
    vars <- vars/sum(vars)
    imp <- rbind("Standard deviation" = object$sdev, "Proportion of Variance" = round(vars, 5),
                 "Cumulative Proportion" = round(cumsum(vars), 5))
    k <- ncol(object$rotation)
    colnames(imp) <- c(colnames(object$rotation), rep("", length(vars) - k))
    object$importance <- imp
    class(object) <- "summary.prcomp"
    object
}

## Prints the importance of components.
print.summary.prcomp <- function(x, digits = max(3L, getOption("digits") - 3L), ...) {
    k <- ncol(x$rotation)
    p <- length(x$sdev)
    if (k < p) {
        cat(sprintf("Importance of first k=%d (out of %d) components:\n", k, p))
        print(x$importance[, 1:k, drop = FALSE], digits = digits, ...)
    } else {
        cat("Importance of components:\n")
        print(x$importance, digits = digits, ...)
    }
    invisible(x)
}

## Scores of new data on the principal components.
predict.prcomp <- function(object, newdata, ...) {
    if (missing(newdata)) {
        if (!is.null(object$x)) return(object$x) else stop("no scores are available: refit with 'retx=TRUE'")
    }
    nm <- rownames(object$rotation)
    x <- as.matrix(newdata)
    if (!is.null(nm)) x <- x[, nm, drop = FALSE]
    scale(x, object$center, object$scale) %*% object$rotation
}

## Principal components from the eigen decomposition of the covariance (or correlation)
## matrix, with divisor n. Returns class "princomp".
princomp <- function(x, ...) UseMethod("princomp")

## princomp for a numeric matrix or data frame.
princomp.default <- function(x, cor = FALSE, scores = TRUE, covmat = NULL, subset = rep_len(TRUE, nrow(as.matrix(x))), fix_sign = TRUE, ...) {
    cl <- match.call()
    cl[[1L]] <- as.name("princomp")
    z <- if (!missing(x)) as.matrix(x)[subset, , drop = FALSE]
    if (is.list(covmat)) {
        if (anyNA(match(c("cov", "n.obs"), names(covmat)))) stop("'covmat' is not a valid covariance list")
        cv <- covmat$cov
        n.obs <- covmat$n.obs
        cen <- covmat$center
    } else if (is.matrix(covmat)) {
        if (!missing(x)) warning("both 'x' and 'covmat' were supplied: 'x' will be ignored")
        cv <- covmat
        n.obs <- NA
        cen <- NULL
    } else if (is.null(covmat)) {
        if (nrow(z) < ncol(z)) stop("'princomp' can only be used with more units than variables")
        covmat <- cov.wt(z)
        n.obs <- covmat$n.obs
        cv <- covmat$cov * (1 - 1/n.obs)
        cen <- covmat$center
    } else stop("'covmat' is of unknown type")
    if (!is.numeric(cv)) stop("PCA applies only to numerical variables")
    if (cor) {
        sds <- sqrt(diag(cv))
        if (any(sds == 0)) stop("cannot use 'cor = TRUE' with a constant variable")
        cv <- cv/(sds %o% sds)
    }
    e <- eigen(cv, symmetric = TRUE)
    ev <- e$values
    if (any(neg <- ev < 0)) {
        if (any(ev[neg] < -9 * .Machine$double.eps * ev[1L])) stop("covariance matrix is not non-negative definite")
        ev[neg] <- 0
    }
    cn <- paste0("Comp.", 1L:ncol(cv))
    names(ev) <- cn
    vecs <- e$vectors
    dimnames(vecs) <- if (missing(x)) list(dimnames(cv)[[2L]], cn) else list(dimnames(x)[[2L]], cn)
    sdev <- sqrt(ev)
    sc <- if (cor) sds else rep.int(1, ncol(cv))
    names(sc) <- colnames(cv)
    if (fix_sign) for (j in seq_len(ncol(vecs))) if (vecs[1L, j] < 0) vecs[, j] <- -vecs[, j]
    scr <- if (scores && !missing(x) && !is.null(cen)) scale(z, center = cen, scale = sc) %*% vecs
    if (!is.null(scr)) {
        attr(scr, "scaled:center") <- NULL
        attr(scr, "scaled:scale") <- NULL
    }
    if (is.null(cen)) cen <- rep(NA_real_, nrow(cv))
    res <- list(sdev = sdev, loadings = structure(vecs, class = "loadings"), center = cen, scale = sc,
                n.obs = n.obs, scores = scr, call = cl)
    class(res) <- "princomp"
    res
}

## princomp with a formula of the variables.
princomp.formula <- function(formula, data = NULL, subset, na.action, ...) {
    mf <- if (is.null(data)) model.frame(formula) else model.frame(formula, data = data)
    res <- princomp.default(as.matrix(mf), ...)
    cl <- match.call()
    cl[[1L]] <- as.name("princomp")
    res$call <- cl
    res
}

## Prints the call and standard deviations of a "princomp" fit.
print.princomp <- function(x, ...) {
    cat("Call:\n")
    print(x$call)
    cat("\nStandard deviations:\n")
    print(x$sdev, ...)
    cat("\n", length(x$scale), " variables and ", x$n.obs, "observations.\n")
    invisible(x)
}

## Summary of a "princomp" fit (printed as the importance of components).
summary.princomp <- function(object, loadings = FALSE, cutoff = 0.1, ...) {
    object$cutoff <- cutoff
    object$print.loadings <- loadings
    class(object) <- "summary.princomp"
    object
}

## Prints the importance of components (and the loadings when asked).
print.summary.princomp <- function(x, digits = 3L, loadings = x$print.loadings, cutoff = x$cutoff, ...) {
    vars <- x$sdev^2
    vars <- vars/sum(vars)
    cat("Importance of components:\n")
    print(rbind("Standard deviation" = x$sdev, "Proportion of Variance" = vars, "Cumulative Proportion" = cumsum(vars)))
    if (loadings) {
        cat("\nLoadings:\n")
        cx <- format(round(x$loadings, digits = digits))
        cx[abs(x$loadings) < cutoff] <- strrep(" ", nchar(cx[1, 1], type = "w"))
        print(cx, quote = FALSE, ...)
    }
    invisible(x)
}

## The loadings of a fit.
loadings <- function(x, ...) x$loadings

## Prints loadings with small entries blanked, then the sums of squares.
print.loadings <- function(x, digits = 3L, cutoff = 0.1, sort = FALSE, ...) {
    L <- unclass(x)
    p <- nrow(L)
    nf <- ncol(L)
    if (sort) {
        mx <- apply(abs(L), 1L, which.max)
        mx[abs(L[cbind(1L:p, mx)]) < 0.5] <- nf + 1
        L <- L[order(mx, 1L:p), ]
    }
    cat("\nLoadings:\n")
    fx <- format(round(L, digits))
    names(fx) <- NULL
    w <- nchar(fx[1L], type = "c")
    fx[abs(L) < cutoff] <- strrep(" ", w)
    print(fx, quote = FALSE, ...)
    vx <- colSums(L^2)
    varex <- rbind("SS loadings" = vx)
    if (is.null(attr(x, "covariance"))) {
        varex <- rbind(varex, "Proportion Var" = vx/p)
        if (nf > 1) varex <- rbind(varex, "Cumulative Var" = cumsum(vx/p))
    }
    cat("\n")
    print(round(varex, digits))
    invisible(x)
}

## Scores of new data on princomp components.
predict.princomp <- function(object, newdata, ...) {
    if (missing(newdata)) return(object$scores)
    x <- as.matrix(newdata)
    scale(x, object$center, object$scale) %*% unclass(object$loadings)
}

## Classical (Torgerson) multidimensional scaling of a distance matrix into k dimensions.
cmdscale <- function(d, k = 2, eig = FALSE, add = FALSE, x.ret = FALSE, list. = eig || add || x.ret) {
    if (anyNA(d)) stop("NA values not allowed in 'd'")
    if (is.null(n <- attr(d, "Size"))) {
        x <- as.matrix(d^2)
        storage.mode(x) <- "double"
        if ((n <- nrow(x)) != ncol(x)) stop("distances must be result of 'dist' or a square matrix")
        rn <- rownames(x)
        dm <- as.matrix(d)
    } else {
        rn <- attr(d, "Labels")
        x <- matrix(0, n, n)
        x[row(x) > col(x)] <- d^2
        x <- x + t(x)
        dm <- matrix(0, n, n)
        dm[row(dm) > col(dm)] <- d
        dm <- dm + t(dm)
    }
    n <- as.integer(n)
    if ((k <- as.integer(k)) > n - 1 || k < 1) stop("'k' must be in {1, 2, ..  n - 1}")
    dc <- function(a) {
        a <- a - rowMeans(a)
        t(t(a) - colMeans(a))
    }
    x <- dc(x)
    add.c <- 0
    if (add) {
        i <- 1L:n
        i2 <- n + i
        Z <- matrix(0, 2L * n, 2L * n)
        Z[cbind(i2, i)] <- -1
        Z[i, i2] <- -x
        Z[i2, i2] <- dc(2 * dm)
        ev <- eigen(Z, symmetric = FALSE, only.values = TRUE)$values
        add.c <- max(if (is.complex(ev)) Re(ev) else ev)
        x <- matrix(0, n, n)
        off <- row(dm) != col(dm)
        x[off] <- (dm[off] + add.c)^2
        x <- dc(x)
    }
    e <- eigen(-x/2, symmetric = TRUE)
    ev <- e$values[seq_len(k)]
    evec <- e$vectors[, seq_len(k), drop = FALSE]
    k1 <- sum(ev > 0)
    if (k1 < k) {
        warning(gettextf("only %d of the first %d eigenvalues are > 0", k1, k))
        evec <- evec[, ev > 0, drop = FALSE]
        ev <- ev[ev > 0]
    }
    points <- evec * rep(sqrt(ev), each = n)
    dimnames(points) <- list(rn, NULL)
    if (list.) {
        all <- e$values
        list(points = points, eig = if (eig) all, x = if (x.ret) x, ac = add.c,
             GOF = sum(ev)/c(sum(abs(all)), sum(pmax(all, 0))))
    } else points
}

## Canonical correlations between two data matrices.
cancor <- function(x, y, xcenter = TRUE, ycenter = TRUE) {
    x <- as.matrix(x)
    y <- as.matrix(y)
    if ((nr <- nrow(x)) != nrow(y)) stop("unequal number of rows in 'cancor'")
    ncx <- ncol(x)
    ncy <- ncol(y)
    if (!nr || !ncx || !ncy) stop("dimension 0 in 'x' or 'y'")
    centre <- function(m, cen, nc) {
        if (is.logical(cen)) {
            if (cen) cen <- colMeans(m) else return(list(m, rep.int(0, nc)))
        } else cen <- rep_len(cen, nc)
        list(m - rep(cen, rep.int(nr, nc)), cen)
    }
    cx <- centre(x, xcenter, ncx)
    x <- cx[[1L]]
    cy <- centre(y, ycenter, ncy)
    y <- cy[[1L]]
    qx <- qr(x)
    qy <- qr(y)
    dx <- qx$rank
    if (!dx) stop("'x' has rank 0")
    dy <- qy$rank
    if (!dy) stop("'y' has rank 0")
    z <- svd(qr.qty(qx, qr.qy(qy, diag(1, nr, dy)))[1L:dx, , drop = FALSE], dx, dy)
    xcoef <- backsolve((qx$qr)[1L:dx, 1L:dx, drop = FALSE], z$u)
    rownames(xcoef) <- colnames(x)[qx$pivot][1L:dx]
    ycoef <- backsolve((qy$qr)[1L:dy, 1L:dy, drop = FALSE], z$v)
    rownames(ycoef) <- colnames(y)[qy$pivot][1L:dy]
    list(cor = z$d, xcoef = xcoef, ycoef = ycoef, xcenter = cx[[2L]], ycenter = cy[[2L]])
}

## Weighted covariance (and correlation) matrix, with the weighted centre.
cov.wt <- function(x, wt = rep(1/nrow(x), nrow(x)), cor = FALSE, center = TRUE, method = c("unbiased", "ML")) {
    if (is.data.frame(x)) x <- as.matrix(x)
    else if (!is.matrix(x)) stop("'x' must be a matrix or a data frame")
    if (!all(is.finite(x))) stop("'x' must contain finite values only")
    n <- nrow(x)
    with.wt <- !missing(wt)
    if (with.wt) {
        if (length(wt) != n) stop("length of 'wt' must equal the number of rows in 'x'")
        if (any(wt < 0) || (s <- sum(wt)) == 0) stop("weights must be non-negative and not all zero")
        wt <- wt/s
    }
    if (is.logical(center)) center <- if (center) colSums(wt * x) else 0
    else if (length(center) != ncol(x)) stop("length of 'center' must equal the number of columns in 'x'")
    x <- sqrt(wt) * sweep(x, 2, center, check.margin = FALSE)
    cov <- switch(match.arg(method), unbiased = crossprod(x)/(1 - sum(wt^2)), ML = crossprod(x))
    y <- list(cov = cov, center = center, n.obs = n)
    if (with.wt) y$wt <- wt
    if (cor) {
        is <- 1/sqrt(diag(cov))
        r <- cov
        r[] <- is * cov * rep(is, each = nrow(cov))
        y$cor <- r
    }
    y
}

## Squared Mahalanobis distances of the rows of x from center.
mahalanobis <- function(x, center, cov, inverted = FALSE, ...) {
    x <- if (is.vector(x)) matrix(x, ncol = length(x)) else as.matrix(x)
    if (!isFALSE(center)) x <- sweep(x, 2L, center)
    if (!inverted) cov <- solve(cov, ...)
    r <- rowSums(x %*% cov * x)
    names(r) <- rownames(x)
    r
}

## The symmetric Toeplitz matrix whose first row is x.
toeplitz <- function(x) {
    if (!is.vector(x)) stop("'x' is not a vector")
    n <- length(x)
    matrix(x[abs(outer(seq_len(n), seq_len(n), "-")) + 1L], n, n)
}

## The position of x in table: an exact match, else the one entry x abbreviates; NA when
## none, -1 when x abbreviates several.
.pmatch1 <- function(x, table) {
    i <- match(x, table)
    if (!is.na(i)) return(i)
    hits <- which(startsWith(table, x))
    if (length(hits) == 1L) hits else if (length(hits) > 1L) -1L else NA_integer_
}

## Does a matrix have repeated rows?
.dup_rows <- function(x) any(.row_dups(x))

## Maximum-likelihood factor analysis of a data matrix (or covariance matrix) with the
## given number of factors; loadings rotated by varimax (or rotation = "none"/"promax").
## Class "factanal".
factanal <- function(x, factors, data = NULL, covmat = NULL, n.obs = NA, subset, na.action, start = NULL, scores = c("none", "regression", "Bartlett"), rotation = "varimax", control = NULL, ...) {
    cl <- match.call()
    have.x <- FALSE
    if (is.list(covmat)) {
        if (anyNA(match(c("cov", "n.obs"), names(covmat)))) stop("'covmat' is not a valid covariance list")
        cv <- covmat$cov
        n.obs <- covmat$n.obs
    } else if (is.matrix(covmat)) {
        cv <- covmat
    } else if (is.null(covmat)) {
        if (missing(x)) stop("neither 'x' nor 'covmat' supplied")
        have.x <- TRUE
        z <- if (inherits(x, "formula")) as.matrix(if (is.null(data)) model.frame(x) else model.frame(x, data = data)) else as.matrix(x)
        if (!is.numeric(z)) stop("factor analysis applies only to numerical variables")
        if (!missing(subset)) z <- z[subset, , drop = FALSE]
        covmat <- cov.wt(z)
        cv <- covmat$cov
        n.obs <- covmat$n.obs
    } else stop("'covmat' is of unknown type")
    scores <- match.arg(scores)
    if (scores != "none" && !have.x) stop("requested scores without an 'x' matrix")
    p <- ncol(cv)
    if (p < 3) stop("factor analysis requires at least three variables")
    dof <- 0.5 * ((p - factors)^2 - p - factors)
    if (dof < 0) stop(sprintf(ngettext(factors, "%d factor is too many for %d variables", "%d factors are too many for %d variables"), factors, p))
    sds <- sqrt(diag(cv))
    cv <- cv/(sds %o% sds)
    cn <- list(nstart = 1, trace = FALSE, lower = 0.005)
    cn[names(control)] <- control
    if (is.null(start)) {
        start <- (1 - 0.5 * factors/p)/diag(solve(cv))
        if ((ns <- cn$nstart) > 1) start <- cbind(start, matrix(runif(ns - 1), p, ns - 1, byrow = TRUE))
    }
    start <- as.matrix(start)
    if (nrow(start) != p) stop(sprintf("'start' must have %d rows", p))
    best <- Inf
    for (i in seq_len(ncol(start))) {
        nfit <- .factanal_mle(cv, factors, start[, i], max(cn$lower, 0), cn$opt)
        if (nfit$converged && nfit$criteria[1L] < best) {
            fit <- nfit
            best <- fit$criteria[1L]
        }
    }
    if (best == Inf) stop("unable to optimize from this starting value")
    load <- fit$loadings
    if (rotation != "none") {
        rot <- do.call(rotation, list(unclass(load)))
        if (is.list(rot)) {
            fit$rotmat <- rot$rotmat
            load <- rot$loadings
        } else load <- rot
    }
    fit$loadings <- .sort_loadings(unclass(load))
    class(fit$loadings) <- "loadings"
    if (have.x && scores != "none") {
        L <- unclass(fit$loadings)
        zz <- scale(z, TRUE, TRUE)
        sc <- if (scores == "regression") zz %*% solve(cv, L)
              else {
                  tmp <- t(L * (1/fit$uniquenesses))
                  t(solve(tmp %*% L, tmp %*% t(zz)))
              }
        rownames(sc) <- rownames(z)
        colnames(sc) <- colnames(L)
        fit$scores <- sc
    }
    if (!is.na(n.obs) && dof > 0) {
        fit$STATISTIC <- (n.obs - 1 - (2 * p + 5)/6 - (2 * factors)/3) * fit$criteria["objective"]
        fit$PVAL <- pchisq(fit$STATISTIC, dof, lower.tail = FALSE)
    }
    fit$n.obs <- n.obs
    fit$call <- cl
    fit
}

## Factors ordered by decreasing sum of squared loadings, each signed to a positive sum.
.sort_loadings <- function(L) {
    cn <- colnames(L)
    ssq <- apply(L, 2L, function(v) -sum(v^2))
    L <- L[, order(ssq), drop = FALSE]
    colnames(L) <- cn
    neg <- colSums(L) < 0
    L[, neg] <- -L[, neg]
    L
}

## The maximum-likelihood fit of a factor model to a correlation matrix: uniquenesses by
## L-BFGS-B on the profile likelihood, loadings from the scaled eigen decomposition.
.factanal_mle <- function(cmat, factors, start = NULL, lower = 0.005, control = NULL, ...) {
    scaled <- function(Psi, S) {
        sc <- diag(1/sqrt(Psi))
        sc %*% S %*% sc
    }
    loadings.of <- function(Psi, S, q) {
        E <- eigen(scaled(Psi, S), symmetric = TRUE)
        L <- E$vectors[, 1L:q, drop = FALSE] %*% diag(sqrt(pmax(E$values[1L:q] - 1, 0)), q)
        diag(sqrt(Psi)) %*% L
    }
    obj <- function(Psi, S, q) {
        e <- eigen(scaled(Psi, S), symmetric = TRUE, only.values = TRUE)$values[-(1L:q)]
        -(sum(log(e) - e) - q + nrow(S))
    }
    grad <- function(Psi, S, q) {
        L <- loadings.of(Psi, S, q)
        g <- L %*% t(L) + diag(Psi) - S
        diag(g)/Psi^2
    }
    p <- ncol(cmat)
    if (is.null(start)) start <- (1 - 0.5 * factors/p)/diag(solve(cmat))
    res <- optim(start, obj, grad, method = "L-BFGS-B", lower = lower, upper = 1,
                 control = c(list(fnscale = 1, parscale = rep(0.01, length(start))), control), q = factors, S = cmat)
    L <- loadings.of(res$par, cmat, factors)
    dimnames(L) <- list(dimnames(cmat)[[1L]], paste0("Factor", 1L:factors))
    un <- res$par
    names(un) <- colnames(cmat)
    class(L) <- "loadings"
    structure(list(converged = res$convergence == 0, loadings = L, uniquenesses = un, correlation = cmat,
                   criteria = c(objective = res$value, counts = res$counts), factors = factors,
                   dof = 0.5 * ((p - factors)^2 - p - factors), method = "mle"), class = "factanal")
}

## Prints a factor analysis: uniquenesses, loadings and the test of sufficiency.
print.factanal <- function(x, digits = 3, ...) {
    cat("\nCall:\n", deparse(x$call), "\n\n", sep = "")
    cat("Uniquenesses:\n")
    print(round(x$uniquenesses, digits), ...)
    print(x$loadings, digits = digits, ...)
    if (!is.null(x$STATISTIC)) {
        factors <- x$factors
        cat("\nTest of the hypothesis that", factors, if (factors == 1) "factor is" else "factors are", "sufficient.\n")
        cat("The chi square statistic is", round(x$STATISTIC, 2), "on", x$dof,
            if (x$dof == 1) "degree" else "degrees", "of freedom.\nThe p-value is", signif(x$PVAL, 3), "\n")
    } else cat(paste("\nThe degrees of freedom for the model is", x$dof, "and the fit was",
                     round(x$criteria["objective"], 4), "\n"))
    invisible(x)
}

## Varimax rotation of a loadings matrix (Kaiser normalisation by default).
varimax <- function(x, normalize = TRUE, eps = 1e-05) {
    nc <- ncol(x)
    if (nc < 2) return(x)
    if (normalize) {
        sc <- sqrt(drop(apply(x, 1L, function(r) sum(r^2))))
        x <- x/sc
    }
    p <- nrow(x)
    TT <- diag(nc)
    d <- 0
    for (i in 1L:1000L) {
        z <- x %*% TT
        B <- t(x) %*% (z^3 - z %*% diag(drop(rep(1, p) %*% z^2))/p)
        s <- La.svd(B)
        TT <- s$u %*% s$vt
        dpast <- d
        d <- sum(s$d)
        if (d < dpast * (1 + eps)) break
    }
    z <- x %*% TT
    if (normalize) z <- z * sc
    dimnames(z) <- dimnames(x)
    class(z) <- "loadings"
    list(loadings = z, rotmat = TT)
}
