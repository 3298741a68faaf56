# Dendrograms of R's stats package: trees of nested lists whose nodes carry members,
# height and midpoint (leaves: label and leaf = TRUE), made from hclust trees, printed,
# described by str(), reordered, cut and walked.

## Converts an object (an hclust tree) to a dendrogram.
as.dendrogram <- function(object, ...) UseMethod("as.dendrogram")

## A dendrogram is already one.
as.dendrogram.dendrogram <- function(object, ...) object

## The dendrogram of an hclust tree: each merge a node holding its two branches.
as.dendrogram.hclust <- function(object, hang = -1, check = TRUE, ...) {
    merge <- object$merge
    nm <- nrow(merge)
    if (is.null(nm) || nm < 1L) stop("invalid (length 0) node in dendrogram")
    labels <- object$labels
    if (is.null(labels)) labels <- as.character(seq_len(nm + 1L))
    hrange <- diff(range(object$height))
    nodes <- vector("list", nm)
    mid <- function(n) if (is.leaf(n)) 0 else attr(n, "midpoint")
    for (k in seq_len(nm)) {
        h <- object$height[k]
        h0 <- if (hang < 0) 0 else max(0, h - hang * hrange)
        kids <- lapply(merge[k, ], function(j) {
            if (j < 0) structure(-j, members = 1L, height = h0, label = labels[-j], leaf = TRUE)
            else {
                n <- nodes[[j]]
                nodes[j] <<- list(NULL)
                n
            }
        })
        m1 <- attr(kids[[1L]], "members")
        node <- kids
        attr(node, "members") <- m1 + attr(kids[[2L]], "members")
        attr(node, "midpoint") <- (m1 + mid(kids[[1L]]) + mid(kids[[2L]])) / 2
        attr(node, "height") <- h
        nodes[[k]] <- node
    }
    res <- nodes[[nm]]
    res <- .dend_classify(res)
    res
}

## Gives every node of a tree the class "dendrogram" (internal).
.dend_classify <- function(n) {
    if (!is.leaf(n)) for (i in seq_along(n)) n[[i]] <- .dend_classify(unclass(n)[[i]])
    class(n) <- "dendrogram"
    n
}

## TRUE for a leaf of a dendrogram.
is.leaf <- function(object) (is.logical(L <- attr(object, "leaf"))) && L

## A branch of a dendrogram (itself a dendrogram).
`[[.dendrogram` <- function(x, ..., drop = TRUE) {
    r <- unclass(x)[[...]]
    if (!is.null(attr(r, "height"))) class(r) <- "dendrogram"
    r
}

## Prints a one-line description of a dendrogram.
print.dendrogram <- function(x, digits = getOption("digits"), ...) {
    cat("'dendrogram' ",
        if (is.leaf(x)) paste0("leaf '", format(attr(x, "label"), digits = digits), "'")
        else paste("with", length(x), "branches and", attr(x, "members"), "members total"),
        ", at height ", format(attr(x, "height"), digits = digits), " \n", sep = "")
    invisible(x)
}

## The tree structure of a dendrogram, one line per node (down to max.level).
str.dendrogram <- function(object, max.level = NA, digits.d = 3L, give.attr = FALSE,
                           wid = getOption("width"), nest.lev = 0, indent.str = "",
                           last.str = getOption("str.dendrogram.last"), stem = "--", ...) {
    if (is.null(last.str)) last.str <- "`"
    describe <- function(n) {
        v <- if (is.leaf(n)) {
            val <- attr(n, "value")
            paste0("leaf ", if (is.character(lab <- attr(n, "label"))) paste0("\"", lab, "\" ") else paste0(format(lab), " "),
                   if (!is.null(val)) paste0("( value = ", format(val, digits = digits.d), " )"))
        } else {
            paste0("[dendrogram w/ ", length(n), " branches and ", attr(n, "members"), " members at h = ",
                   format(attr(n, "height"), digits = digits.d), "]")
        }
        v
    }
    walk <- function(n, line.prefix, cont, level) {
        deeper <- !is.leaf(n) && !(!is.na(max.level) && level >= max.level)
        cat(line.prefix, stem, describe(n), if (!is.leaf(n) && !deeper) " ..", "\n", sep = "")
        if (deeper) {
            k <- length(n)
            for (i in seq_len(k)) {
                last <- i == k
                walk(unclass(n)[[i]], paste0(cont, "  ", if (last) last.str else "|"),
                     paste0(cont, "  ", if (last) " " else "|"), level + 1L)
            }
        }
    }
    walk(object, indent.str, indent.str, nest.lev)
    invisible()
}

## The leaf values (the original observation numbers) of a dendrogram, left to right.
order.dendrogram <- function(x) {
    if (!inherits(x, "dendrogram")) stop("'order.dendrogram' requires a dendrogram")
    if (is.leaf(x)) return(as.vector(unclass(x)))
    unlist(lapply(unclass(x), function(n) order.dendrogram(structure(n, class = "dendrogram"))))
}

## The leaf labels of a dendrogram, left to right.
labels.dendrogram <- function(object, ...) {
    out <- character()
    walk <- function(n) {
        if (is.leaf(n)) out <<- c(out, as.character(attr(n, "label")))
        else for (k in unclass(n)) walk(k)
    }
    walk(object)
    out
}

## The number of leaves of a dendrogram.
nobs.dendrogram <- function(object, ...) attr(object, "members")

## Applies FUN to every node of a dendrogram, top down, rebuilding the tree from the results.
dendrapply <- function(X, FUN, ...) {
    FUN <- match.fun(FUN)
    if (!inherits(X, "dendrogram")) stop("'X' is not a dendrogram")
    go <- function(n) {
        r <- FUN(n, ...)
        if (!is.leaf(n) && is.list(r)) {
            for (i in seq_along(n)) {
                child <- structure(unclass(n)[[i]], class = "dendrogram")
                r[[i]] <- go(child)
            }
        }
        r
    }
    go(X)
}

## Recomputes members and midpoints of a tree (internal).
.dend_recount <- function(n) {
    if (is.leaf(n)) return(n)
    cls <- class(n)
    n <- unclass(n)
    for (i in seq_along(n)) n[[i]] <- .dend_recount(n[[i]])
    mem <- vapply(n, function(k) as.numeric(attr(k, "members")), 0)
    mids <- vapply(n, function(k) if (is.leaf(k)) 0 else attr(k, "midpoint"), 0)
    k <- length(n)
    attr(n, "members") <- as.integer(sum(mem))
    attr(n, "midpoint") <- (sum(mem[-k]) + mids[1L] + mids[k]) / 2
    class(n) <- cls
    n
}

## Cuts a dendrogram at height h: the tree above (cut branches become leaves) and the list of branches below.
cut.dendrogram <- function(x, h, ...) {
    if (missing(h)) stop("'h' must be specified")
    lower <- list()
    go <- function(n) {
        if (attr(n, "height") < h || is.leaf(n)) {
            lower[[length(lower) + 1L]] <<- structure(n, class = "dendrogram")
            k <- length(lower)
            structure(k, members = 1L, height = attr(n, "height"), label = paste("Branch", k),
                      leaf = TRUE, class = "dendrogram")
        } else {
            cls <- class(n)
            m <- unclass(n)
            for (i in seq_along(m)) m[[i]] <- go(structure(m[[i]], class = "dendrogram"))
            class(m) <- cls
            m
        }
    }
    upper <- if (attr(x, "height") < h) x else .dend_recount(go(x))
    list(upper = upper, lower = lower)
}

## Reorders the branches of a dendrogram by weights wts agglomerated with agglo.FUN (smallest value first).
reorder.dendrogram <- function(x, wts, agglo.FUN = sum, ...) {
    if (!inherits(x, "dendrogram")) stop("we require a dendrogram")
    agglo.FUN <- match.fun(agglo.FUN)
    go <- function(n) {
        if (is.leaf(n)) {
            attr(n, "value") <- wts[unclass(n)[1L]]
            return(n)
        }
        cls <- class(n)
        m <- unclass(n)
        for (i in seq_along(m)) m[[i]] <- go(m[[i]])
        vals <- vapply(m, function(k) as.numeric(attr(k, "value")), 0)
        o <- order(vals)
        at <- attributes(m)
        m <- m[o]
        at$names <- NULL
        attributes(m) <- at
        attr(m, "value") <- agglo.FUN(vals)
        m
    }
    .dend_recount(.dend_classify(go(x)))
}

## The dendrogram with its branches in reverse order.
rev.dendrogram <- function(x) {
    if (is.leaf(x)) return(x)
    m <- unclass(x)
    at <- attributes(m)
    m <- lapply(rev(m), function(k) unclass(rev.dendrogram(structure(k, class = "dendrogram"))))
    attributes(m) <- at
    .dend_recount(.dend_classify(m))
}

## Draws a dendrogram: leaves at 1..n left to right (or bottom to top with horiz = TRUE),
## each node joined to its branches by rectangular or triangular edges.
plot.dendrogram <- function(x, type = c("rectangle", "triangle"), center = FALSE, edge.root = FALSE,
                            nodePar = NULL, edgePar = list(), leaflab = c("perpendicular", "textlike", "none"),
                            dLeaf = NULL, xlab = "", ylab = "", xaxt = "n", yaxt = "s", horiz = FALSE,
                            frame.plot = FALSE, xlim, ylim, axes = TRUE, ...) {
    type <- match.arg(type)
    leaflab <- match.arg(leaflab)
    n <- attr(x, "members")
    top <- attr(x, "height")
    if (missing(xlim)) xlim <- c(0.5, n + 0.5)
    if (missing(ylim)) ylim <- c(0, top)
    plot.new()
    if (horiz) plot.window(rev(ylim), xlim, ...) else plot.window(xlim, ylim, ...)
    title(xlab = xlab, ylab = ylab)
    seg <- function(x0, y0, x1, y1) if (horiz) segments(y0, x0, y1, x1) else segments(x0, y0, x1, y1)
    pos <- 0
    draw <- function(node) {
        h <- attr(node, "height")
        if (is.leaf(node)) {
            pos <<- pos + 1
            if (leaflab != "none") {
                lab <- as.character(attr(node, "label"))
                if (horiz) text(h, pos, lab, adj = c(0, 0.5), xpd = NA)
                else text(pos, h, lab, srt = if (leaflab == "perpendicular") 90 else 0, adj = c(1, 0.5), xpd = NA)
            }
            return(pos)
        }
        kids <- unclass(node)
        xs <- numeric(length(kids))
        for (i in seq_along(kids)) xs[i] <- draw(structure(kids[[i]], class = "dendrogram"))
        hs <- vapply(kids, function(k) as.numeric(attr(k, "height")), 0)
        mid <- mean(range(xs))
        if (type == "triangle") {
            for (i in seq_along(xs)) seg(mid, h, xs[i], hs[i])
        } else {
            for (i in seq_along(xs)) seg(xs[i], hs[i], xs[i], h)
            seg(min(xs), h, max(xs), h)
        }
        mid
    }
    draw(x)
    if (axes && yaxt != "n") axis(if (horiz) 1 else 2)
    if (frame.plot) box()
    invisible()
}
