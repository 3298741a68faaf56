# Small model tools of R's stats package: contrasts, terms and formula helpers, model
# frames, the plain least-squares fitters and simulation from fitted models.

## Contrasts against the last level (SAS's convention): treatment contrasts whose base is the last level.
contr.SAS <- function(n, contrasts = TRUE, sparse = FALSE) {
    nlev <- if (is.numeric(n) && length(n) == 1L) n else length(n)
    contr.treatment(n, base = nlev, contrasts = contrasts)
}

## The correlation matrix of a covariance matrix V (scaled by the square roots of its diagonal).
cov2cor <- function(V) {
    d <- dim(V)
    if (!is.numeric(V) || length(d) != 2L || d[1L] != d[2L]) stop("'V' is not a square numeric matrix")
    s <- sqrt(diag(V))
    if (any(!is.finite(1 / s))) warning("diag(V) had non-positive or NA entries; the non-finite result may be dubious")
    r <- V / (s %o% s)
    diag(r) <- 1
    r
}

## A terms object without its response.
delete.response <- function(termobj) {
    a <- attributes(termobj)
    y <- a$response
    if (!is.null(y) && y) {
        f <- termobj
        newf <- substitute(~R, list(R = f[[3L]]))
        a$response <- 0L
        a$variables <- as.call(as.list(a$variables)[-(1 + y)])
        if (!is.null(a$predvars)) a$predvars <- as.call(as.list(a$predvars)[-(1 + y)])
        if (length(a$factors)) a$factors <- a$factors[-y, , drop = FALSE]
        if (length(a$offset)) a$offset <- ifelse(a$offset > y, a$offset - 1L, a$offset)
        if (length(a$dataClasses)) a$dataClasses <- a$dataClasses[-y]
        if (length(a$specials)) for (i in seq_along(a$specials)) {
            b <- a$specials[[i]]
            if (!is.null(b)) a$specials[[i]] <- ifelse(b > y, b - 1L, b)
        }
        attributes(newf) <- a
        return(newf)
    }
    termobj
}

## The call a fitted model was made with.
getCall <- function(x, ...) UseMethod("getCall")

## getCall() for lists and objects carrying a "call" component.
getCall.default <- function(x, ...) {
    if (is.list(x)) x$call else attr(x, "call")
}

## A data frame of every variable a formula uses (and extra variables given in ...), untransformed.
get_all_vars <- function(formula, data = NULL, ...) {
    if (missing(formula)) {
        if (!missing(data) && inherits(data, "data.frame") && length(attr(data, "terms"))) return(data)
        formula <- as.formula(data)
    } else if (missing(data) && inherits(formula, "data.frame")) {
        if (length(attr(formula, "terms"))) return(formula)
        data <- formula
        formula <- as.formula(data)
    }
    formula <- as.formula(formula)
    env <- environment(formula)
    if (is.null(env)) env <- parent.frame()
    if (is.null(data)) data <- env
    else if (!is.data.frame(data) && !is.environment(data)) data <- as.data.frame(data)
    vars <- all.vars(formula)
    if ("." %in% vars) {
        dn <- if (is.data.frame(data)) names(data) else character()
        vars <- unique(unlist(lapply(vars, function(v) if (v == ".") dn else v)))
    }
    cols <- lapply(vars, function(v) eval(as.name(v), data, env))
    names(cols) <- vars
    extras <- list(...)
    x <- c(cols, extras)
    if (!length(x)) return(data.frame())
    rn <- if (is.data.frame(data)) row.names(data) else NULL
    n <- max(vapply(x, NROW, 0L))
    res <- as.data.frame(lapply(x, function(v) if (is.matrix(v)) v else rep_len(v, n)), optional = TRUE)
    names(res) <- names(x)
    if (!is.null(rn) && length(rn) == nrow(res)) row.names(res) <- rn
    res
}

## The model frame of a fitted model with extra variables added (by a one-sided formula or names).
expand.model.frame <- function(model, extras, envir = environment(formula(model)), na.expand = FALSE) {
    f <- formula(model)
    mcall <- as.list(model$call)
    data <- eval(mcall$data, envir)
    ex <- if (is.character(extras)) parse(text = paste(extras, collapse = "+"))[[1L]] else extras[[length(extras)]]
    rhs <- substitute(A + B, list(A = if (length(f) == 3L) f[[3L]] else f[[2L]], B = ex))
    ff <- if (length(f) == 3L) substitute(L ~ R, list(L = f[[2L]], R = rhs)) else substitute(~R, list(R = rhs))
    ff <- eval(ff)
    environment(ff) <- envir
    subset <- mcall$subset
    if (na.expand) {
        mf <- eval(call("model.frame", ff, data = data, subset = subset, na.action = quote(na.pass)), envir)
    } else {
        naa <- mcall$na.action
        mf <- eval(call("model.frame", ff, data = data, subset = subset, na.action = naa), envir)
    }
    mf
}

## A component of a model frame: "response", "offset", or one of its "(name)" columns such as weights.
model.extract <- function(frame, component) {
    component <- as.character(substitute(component))
    value <- switch(component,
        response = model.response(frame),
        offset = model.offset(frame),
        frame[[paste0("(", component, ")")]])
    if (!is.null(value) && !is.matrix(value) && length(value) == nrow(frame)) names(value) <- row.names(frame)
    value
}

## The terms that could be added to a model with terms1 within the scope of terms2.
add.scope <- function(terms1, terms2) {
    terms1 <- terms(terms1)
    terms2 <- terms(terms2)
    factor.scope(attr(terms1, "factors"), list(add = attr(terms2, "factors")))$add
}

## The terms that could be dropped from a model with terms1 (keeping those of terms2).
drop.scope <- function(terms1, terms2) {
    terms1 <- terms(terms1)
    f2 <- if (missing(terms2)) numeric() else attr(terms(terms2), "factors")
    factor.scope(attr(terms1, "factors"), list(drop = f2))$drop
}

## TRUE when a model has neither terms nor an intercept.
is.empty.model <- function(x) {
    tt <- terms(x)
    length(attr(tt, "factors")) == 0L && attr(tt, "intercept") == 0L
}

## A one-sided formula from a name, a string, a call or a one-sided formula.
asOneSidedFormula <- function(object) {
    if (is.call(object) && identical(object[[1L]], as.name("~"))) object <- eval(object)
    if (inherits(object, "formula")) {
        if (length(object) != 2L) stop(gettextf("formula '%s' must be of the form '~expr'", deparse(object)))
        return(object)
    }
    rhs <- if (is.character(object)) as.name(object)
           else if (is.expression(object)) object[[1L]]
           else if (is.name(object) || is.numeric(object) || is.call(object)) object
           else stop(gettextf("'%s' cannot be of mode '%s'", substitute(object), mode(object)))
    f <- eval(substitute(~R, list(R = rhs)))
    environment(f) <- parent.frame()
    f
}

## Least-squares fit of y on the matrix x by Householder QR (the work horse of lm()).
lm.fit <- function(x, y, offset = NULL, method = "qr", tol = 1e-07, singular.ok = TRUE, ...) {
    if (is.null(n <- nrow(x))) stop("'x' must be a matrix")
    if (n == 0L) stop("0 (non-NA) cases")
    p <- ncol(x)
    ny <- NCOL(y)
    if (NROW(y) != n) stop("incompatible dimensions")
    if (method != "qr") warning(gettextf("method = '%s' is not supported. Using 'qr'", method))
    if (!is.null(offset)) y <- y - offset
    q <- qr(x, tol = tol)
    if (!singular.ok && q$rank < p) stop("singular fit encountered")
    coef <- qr.coef(q, y)
    res <- qr.resid(q, y)
    fit <- y - res
    if (!is.null(offset)) fit <- fit + offset
    eff <- qr.qty(q, y)
    r1 <- seq_len(q$rank)
    nms <- colnames(x)
    if (is.null(nms)) nms <- paste0("x", seq_len(p))
    if (is.matrix(coef)) rownames(coef) <- nms else names(coef) <- nms
    enames <- c(nms[q$pivot][r1], rep.int("", n - q$rank))
    if (is.matrix(eff)) rownames(eff) <- enames else names(eff) <- enames
    qrv <- structure(list(qr = q$qr, qraux = q$qraux, pivot = q$pivot, tol = tol, rank = q$rank), class = "qr")
    c(list(coefficients = coef, residuals = res, effects = eff, rank = q$rank,
           fitted.values = fit, assign = attr(x, "assign"), qr = qrv, df.residual = n - q$rank))
}

## Weighted least-squares fit of y on the matrix x with weights w.
lm.wfit <- function(x, y, w, offset = NULL, method = "qr", tol = 1e-07, singular.ok = TRUE, ...) {
    if (is.null(n <- nrow(x))) stop("'x' must be a matrix")
    if (n == 0) stop("0 (non-NA) cases")
    if (length(w) != n) stop("incompatible dimensions")
    if (any(w < 0 | is.na(w))) stop("missing or negative weights not allowed")
    if (!is.null(offset)) y <- y - offset
    zero <- w == 0
    wts <- sqrt(w)
    ok <- !zero
    xw <- x[ok, , drop = FALSE] * wts[ok]
    yw <- if (is.matrix(y)) y[ok, , drop = FALSE] * wts[ok] else y[ok] * wts[ok]
    z <- lm.fit(xw, yw, tol = tol, singular.ok = singular.ok)
    coef <- z$coefficients
    fit <- drop(x %*% ifelse(is.na(coef), 0, coef))
    if (is.matrix(y)) fit <- x %*% ifelse(is.na(coef), 0, coef)
    res <- y - fit
    if (!is.null(offset)) fit <- fit + offset
    c(list(coefficients = coef, residuals = res, fitted.values = fit, effects = z$effects,
           weights = w, rank = z$rank, assign = attr(x, "assign"), qr = z$qr, df.residual = sum(ok) - z$rank))
}

## Simulated responses from a fitted model: a data frame with one column per simulation.
simulate <- function(object, nsim = 1, seed = NULL, ...) UseMethod("simulate")

## simulate() for lm and glm fits (gaussian, poisson and binomial responses).
simulate.lm <- function(object, nsim = 1, seed = NULL, ...) {
    if (!is.null(seed)) set.seed(seed)
    fam <- if (inherits(object, "glm")) object$family$family else "gaussian"
    ftd <- fitted(object)
    nm <- names(ftd)
    n <- length(ftd)
    ntot <- n * nsim
    w <- object$prior.weights
    if (is.null(w)) w <- object$weights
    val <- switch(fam,
        gaussian = {
            vars <- deviance(object) / df.residual(object)
            if (!is.null(w)) vars <- vars / w
            ftd + rnorm(ntot, sd = sqrt(vars))
        },
        poisson = rpois(ntot, ftd),
        binomial = {
            if (is.null(w)) w <- rep(1, n)
            if (any(w %% 1 != 0)) stop("cannot simulate from non-integer prior.weights")
            y <- object$model[[1L]]
            if (is.factor(y)) {
                yy <- factor(1 + rbinom(ntot, size = 1, prob = ftd), labels = levels(y))
                split(yy, rep(seq_len(nsim), each = n))
            } else if (is.matrix(y) && ncol(y) == 2L) {
                yy <- vector("list", nsim)
                for (i in seq_len(nsim)) {
                    Y <- rbinom(n, size = w, prob = ftd)
                    YY <- cbind(Y, w - Y)
                    colnames(YY) <- colnames(y)
                    yy[[i]] <- YY
                }
                yy
            } else rbinom(ntot, size = w, prob = ftd) / w
        },
        Gamma = {
            shape <- 1 / summary(object)$dispersion
            rgamma(ntot, shape = shape, rate = shape / ftd)
        },
        stop(gettextf("family '%s' not implemented", fam)))
    if (!is.list(val)) {
        dim(val) <- c(n, nsim)
        val <- as.data.frame(val)
    } else {
        names(val) <- NULL
        val <- structure(val, class = "data.frame", row.names = seq_len(n))
    }
    names(val) <- paste0("sim_", seq_len(nsim))
    if (!is.null(nm)) row.names(val) <- nm
    val
}

## The number of replicates of each term of a formula in the data: a named vector when balanced, else a list of tables.
replications <- function(formula, data = NULL, na.action) {
    if (!inherits(formula, "terms")) {
        formula <- as.formula(formula)
        formula <- if (is.null(data)) terms(formula) else terms(formula, data = data)
    }
    env <- environment(formula)
    if (is.null(env)) env <- parent.frame()
    labs <- attr(formula, "term.labels")
    fac <- attr(formula, "factors")
    vnames <- rownames(fac)
    out <- list()
    balanced <- TRUE
    for (lab in labs) {
        vars <- vnames[fac[, lab] > 0]
        cols <- lapply(vars, function(v) eval(str2lang(v), data, env))
        if (!all(vapply(cols, function(v) is.factor(v) || is.character(v) || is.logical(v), NA))) next
        names(cols) <- vars
        tab <- table(cols)
        counts <- as.vector(tab)
        if (all(counts == counts[1L])) out[[lab]] <- as.integer(counts[1L])
        else {
            out[[lab]] <- tab
            balanced <- FALSE
        }
    }
    if (balanced) unlist(out) else out
}

## The linear dependencies among the terms of a model.
alias <- function(object, ...) UseMethod("alias")

## alias() of a formula: of the lm fit it describes.
alias.formula <- function(object, data, ...) {
    fit <- if (missing(data)) lm(object, singular.ok = TRUE) else lm(object, data = data, singular.ok = TRUE)
    alias(fit, ...)
}

## alias() of a linear model: the aliased coefficients as combinations of the estimable ones ("Complete").
alias.lm <- function(object, complete = TRUE, partial = FALSE, partial.pattern = FALSE, ...) {
    value <- list(Model = formula(object))
    q <- object$qr
    R <- q$qr
    R <- R[seq_len(min(dim(R))), , drop = FALSE]
    R[lower.tri(R)] <- 0
    rank <- object$rank
    p <- ncol(R)
    cn <- names(coef(object))[q$pivot]
    if (complete && rank < p) {
        p1 <- seq_len(rank)
        beta <- as.matrix(qr.coef(qr(R[p1, p1, drop = FALSE]), R[p1, -p1, drop = FALSE]))
        cm <- t(beta)
        cm[abs(cm) < 1e-06] <- 0
        dimnames(cm) <- list(cn[-p1], cn[p1])
        value$Complete <- structure(cm, fracs = .frac_strings(cm), class = "mtable_fractions")
    }
    class(value) <- c("aliaslist", "listof")
    value
}

## Prints the parts of an alias() result, each under its name.
print.aliaslist <- function(x, ...) {
    nn <- names(x)
    for (i in seq_along(x)) {
        cat(nn[i], ":\n")
        print(x[[i]], ...)
        cat("\n")
    }
    invisible(x)
}

## Rational approximations of numbers as strings ("1/3"), by continued fractions (internal).
.frac_strings <- function(x, cycles = 10, max.denominator = 2000) {
    vapply(as.vector(x), function(v) {
        if (!is.finite(v)) return(as.character(v))
        a <- floor(v)
        r <- v - a
        h0 <- 1; k0 <- 0; h1 <- a; k1 <- 1
        n <- 0
        while (r > 1 / max.denominator && n < cycles) {
            n <- n + 1
            r <- 1 / r
            a <- floor(r)
            r <- r - a
            h <- a * h1 + h0
            k <- a * k1 + k0
            h0 <- h1; k0 <- k1; h1 <- h; k1 <- k
        }
        if (k1 == 1) format(h1) else paste0(h1, "/", k1)
    }, "")
}

## Prints a matrix of fractions (as alias() gives).
print.mtable_fractions <- function(x, ...) {
    y <- attr(x, "fracs")
    y <- formatC(y, width = max(nchar(y)))
    dim(y) <- dim(x)
    dimnames(y) <- dimnames(x)
    print(y, quote = FALSE)
    invisible(x)
}

## The class of a model-frame variable as model methods record it: "logical", "ordered",
## "factor", "character", "nmatrix.<k>", "numeric" or "other".
.MFclass <- function(x) {
    if (is.logical(x)) return("logical")
    if (is.ordered(x)) return("ordered")
    if (is.factor(x)) return("factor")
    if (is.character(x)) return("character")
    if (is.matrix(x) && is.numeric(x)) return(paste0("nmatrix.", ncol(x)))
    if (is.numeric(x)) return("numeric")
    "other"
}

## Checks that the variables of model frame `m` have the classes `cl` recorded at fit time
## (ordered and unordered factors count as one unless ordNotOK); stops naming the variables
## that differ.
.checkMFClasses <- function(cl, m, ordNotOK = FALSE) {
    new <- vapply(m, .MFclass, "")
    new <- new[names(new) %in% names(cl)]
    if (length(new) == 0L) return(invisible())
    old <- cl[names(new)]
    if (!ordNotOK) {
        old[old == "ordered"] <- "factor"
        new[new == "ordered"] <- "factor"
    }
    new[new == "ordered" & old == "factor"] <- "factor"
    new[new == "factor" & old == "character"] <- "character"
    if (identical(old, new)) return(invisible())
    bad <- old != new
    if (sum(bad) == 1)
        stop(gettextf("variable '%s' was fitted with type \"%s\" but type \"%s\" was supplied",
                      names(old)[bad], old[bad], new[bad]), call. = FALSE)
    stop(gettextf("variables %s were specified with different types from the fit",
                  paste(sQuote(names(old)[bad]), collapse = ", ")), call. = FALSE)
}

## The levels of the factor and character predictors of a model frame `m` with terms
## `Terms`, by variable name (NULL when there are no predictors).
.getXlevels <- function(Terms, m) {
    vars <- vapply(as.list(attr(Terms, "variables"))[-1L],
                   function(e) paste(deparse(e, width.cutoff = 500L), collapse = " "), "")
    if ((yv <- attr(Terms, "response")) > 0) vars <- vars[-yv]
    if (!length(vars)) return(NULL)
    lev <- lapply(m[vars], function(x) if (is.factor(x)) levels(x)
                                       else if (is.character(x)) levels(as.factor(x)))
    lev[!vapply(lev, is.null, NA)]
}
