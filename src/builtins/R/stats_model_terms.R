# Helpers around model formulas and terms: dropping and subsetting terms, setting a factor's
# contrasts inside a formula (C), and paired responses (Pair) for the formula forms of tests.

## Removes the terms numbered dropx from a terms object (keeping the response when asked),
## carrying the predvars and dataClasses attributes along.
drop.terms <- function(termobj, dropx = NULL, keep.response = FALSE) {
    if (is.null(dropx)) return(termobj)
    if (!inherits(termobj, "terms")) stop(gettextf("'termobj' must be a object of class %s", dQuote("terms")))
    .terms_rebuild(termobj, attr(termobj, "term.labels")[-dropx], dropx,
                   keep.response && attr(termobj, "response") > 0)
}

## Subsets the terms of a terms object as a vector of term labels ([.terms).
`[.terms` <- function(termobj, i) {
    labs <- attr(termobj, "term.labels")
    kept <- seq_along(labs)[i]
    .terms_rebuild(termobj, labs[i], setdiff(seq_along(labs), kept), attr(termobj, "response") > 0)
}

## Builds the terms of the formula with labels `labs` (and the response when keep) from
## `termobj`, dropping the predvars and dataClasses entries of the terms numbered `dropped`.
.terms_rebuild <- function(termobj, labs, dropped, keep) {
    resp <- if (keep) termobj[[2L]]
    if (!length(labs)) labs <- "1"
    f <- reformulate(labs, response = resp, intercept = attr(termobj, "intercept"),
                     env = environment(termobj))
    out <- terms(f, specials = names(attr(termobj, "specials")))
    attr(out, ".Environment") <- environment(termobj)
    r <- attr(termobj, "response")
    gone <- if (r && !keep) c(r, dropped + r) else dropped + r
    if (!is.null(pv <- attr(termobj, "predvars")))
        attr(out, "predvars") <- if (length(gone)) pv[-(gone + 1L)] else pv
    if (!is.null(dc <- attr(termobj, "dataClasses")))
        attr(out, "dataClasses") <- if (length(gone)) dc[-gone] else dc
    out
}

## Sets the contrasts of a factor for use in a model formula: contr is a contrast matrix,
## function or name (poly, helmert, sum, treatment, SAS), how.many the number of contrasts.
C <- function(object, contr, how.many, ...) {
    object <- as.factor(object)
    if (!nlevels(object)) stop("object not interpretable as a factor")
    if (!missing(contr) && is.name(cn <- substitute(contr))) {
        nm <- as.character(cn)
        short <- c(poly = "contr.poly", helmert = "contr.helmert", sum = "contr.sum",
                   treatment = "contr.treatment", SAS = "contr.SAS")
        if (nm %in% names(short)) contr <- short[[nm]]
    }
    if (missing(contr)) {
        oc <- getOption("contrasts")
        contr <- if (length(oc) < 2L) {
            if (is.ordered(object)) "contr.poly" else "contr.treatment"
        } else oc[1L + is.ordered(object)]
    }
    if (missing(how.many) && missing(...)) {
        contrasts(object) <- contr
    } else {
        if (is.character(contr)) contr <- get(contr, mode = "function")
        if (is.function(contr)) contr <- contr(nlevels(object), ...)
        if (missing(how.many)) contrasts(object) <- contr
        else contrasts(object, how.many) <- contr
    }
    object
}

## Pairs two samples as one response for the paired formula forms t.test(Pair(x, y) ~ 1) and
## wilcox.test(Pair(x, y) ~ 1): a two-column matrix of class "Pair".
Pair <- function(x, y) {
    v <- cbind(x, y)
    class(v) <- "Pair"
    v
}

## Sets the contrasts of a factor: a contrast matrix (completed to how.many columns when it has
## fewer), a contrast function, a function name, or NULL to drop them.
`contrasts<-` <- function(x, how.many = NULL, value) {
    if (is.logical(x)) x <- factor(x, levels = c(FALSE, TRUE))
    if (!is.factor(x)) stop("contrasts apply only to factors")
    k <- nlevels(x)
    if (k < 2L) stop("contrasts can be applied only to factors with 2 or more levels")
    if (is.function(value)) value <- value(levels(x))
    if (is.numeric(value)) {
        value <- as.matrix(value)
        if (nrow(value) != k) stop("wrong number of contrast matrix rows")
        want <- if (is.null(how.many)) k - 1L else how.many
        nc <- ncol(value)
        rownames(value) <- levels(x)
        if (nc < want) {
            q <- qr(cbind(1, value))
            if (q$rank != nc + 1L) stop("singular contrast matrix")
            cm <- qr.qy(q, diag(k))[, 2L:k, drop = FALSE]
            cm[, seq_len(nc)] <- value
            dimnames(cm) <- list(levels(x), NULL)
            if (!is.null(cn <- colnames(value))) colnames(cm) <- c(cn, rep.int("", want - nc))
        } else cm <- value[, seq_len(want), drop = FALSE]
    } else if (is.character(value) || is.null(value)) {
        cm <- value
    } else stop("numeric contrasts or contrast name expected")
    attr(x, "contrasts") <- cm
    x
}

## Evaluates the orthogonal (or raw) polynomials of a poly() basis at new values of its variable.
predict.poly <- function(object, newdata, ...) {
    if (missing(newdata)) return(object)
    deg <- max(attr(object, "degree"))
    r <- if (is.null(attr(object, "coefs"))) poly(newdata, degree = deg, raw = TRUE)
         else poly(newdata, degree = deg, coefs = attr(object, "coefs"))
    attributes(r) <- attributes(r)[c("dim", "dimnames")]
    r
}
