# Converting trees back to hierarchical clusterings: as.hclust and its dendrogram method.

## Converts an object (a dendrogram) to an "hclust" clustering.
as.hclust <- function(x, ...) UseMethod("as.hclust")

## as.hclust() of an hclust object: itself.
as.hclust.default <- function(x, ...) {
    if (inherits(x, "hclust")) x
    else stop(gettextf("argument 'x' cannot be coerced to class %s", dQuote("hclust")), domain = NA)
}

## as.hclust() of a binary dendrogram whose leaves are 1..n: merge matrix, heights, order and
## labels as hclust would give them (the inverse of as.dendrogram.hclust).
as.hclust.dendrogram <- function(x, ...) {
    if (!is.list(x) || length(x) != 2L) stop("'x' must be a binary dendrogram")
    st <- new.env()
    st$h <- numeric()
    st$kids <- list()
    st$ord <- integer()
    st$labs <- character()
    visit <- function(d) {
        if (is.leaf(d)) {
            st$ord <- c(st$ord, as.integer(d))
            st$labs <- c(st$labs, attr(d, "label"))
            return(-as.integer(d))
        }
        if (length(d) != 2L) stop("'x' must be a binary dendrogram")
        me <- length(st$h) + 1L
        st$h[me] <- attr(d, "height")
        st$kids[[me]] <- c(0L, 0L)
        st$kids[[me]] <- c(visit(d[[1L]]), visit(d[[2L]]))
        me
    }
    visit(x)
    ord <- st$ord
    n <- length(ord)
    if (!identical(sort(ord), seq_len(n)))
        stop(gettextf("dendrogram entries must be 1,2,..,%d (in any order), to be coercible to \"hclust\"", n),
             domain = NA)
    ## internal nodes (numbered in preorder, leaves negative) ranked by increasing height
    ii <- rev(order(st$h, decreasing = TRUE))
    rank <- integer(length(ii))
    rank[ii] <- seq_along(ii)
    merge <- t(vapply(ii, function(k) {
        kk <- st$kids[[k]]
        ifelse(kk < 0L, kk, rank[pmax(kk, 1L)])
    }, integer(2L)))
    structure(list(merge = merge, height = st$h[ii], order = ord, labels = st$labs[order(ord)],
                   call = match.call(), method = NA_character_, dist.method = NA_character_),
              class = "hclust")
}
