# The partially linear ("plinear") algorithm of nls: the model's right-hand side gives the
# columns of the conditionally linear terms; their coefficients (.lin) are solved by least
# squares at every step and the Gauss-Newton increment is taken for the nonlinear parameters
# only (Golub and Pereyra's variable projection).

## The plinear nls model object: closures over the nonlinear parameters, the linear
## coefficients, the QR of the linear columns and the projected gradient (internal).
.nls_model_plinear <- function(form, data, start, wts, scaleOffset = 0, nDcentral = FALSE) {
    env <- new.env(parent = environment(form))
    for (i in names(data)) assign(i, data[[i]], envir = env)
    ind <- list()
    p2 <- 0L
    for (i in names(start)) {
        v <- as.double(start[[i]])
        assign(i, v, envir = env)
        ind[[i]] <- p2 + seq_along(v)
        p2 <- p2 + length(v)
    }
    pn <- names(ind)
    getPars <- function() {
        p <- unlist(lapply(pn, function(n) get(n, envir = env)))
        names(p) <- unlist(lapply(pn, function(n) {
            k <- length(ind[[n]])
            if (k == 1L) n else paste0(n, seq_len(k))
        }))
        p
    }
    lhs <- as.double(eval(form[[2L]], envir = env))
    n <- length(lhs)
    swts <- if (!missing(wts) && length(wts)) sqrt(wts) else rep_len(1, n)
    assign(".swts", swts, envir = env)
    analytic <- !is.null(attr(eval(form[[3L]], envir = env), "gradient"))
    getRHS <- if (analytic) function() eval(form[[3L]], envir = env)
              else function() numericDeriv(form[[3L]], pn, env, central = nDcentral)
    ## the right-hand side as an n x p1 matrix X and its gradient as an n x p1 x p2 array G
    split <- function(r) {
        X <- if (is.matrix(r)) r else matrix(as.double(r), ncol = 1L)
        storage.mode(X) <- "double"
        attr(X, "gradient") <- NULL
        G <- array(as.double(attr(r, "gradient")), c(nrow(X), ncol(X), p2))
        list(X = X, G = G)
    }
    rhs <- split(getRHS())
    p1 <- ncol(rhs$X)
    fac <- (n - p1 - p2) / (p1 + p2)
    if (scaleOffset) scaleOffset <- (n - p1) * scaleOffset^2
    ## sum_k G[, k, ] * b[k] (n x p2) and t(G[, k, ]) %*% r (p1 x p2)
    Gb <- function(G, b) {
        out <- matrix(0, dim(G)[1L], p2)
        for (k in seq_len(p1)) out <- out + G[, k, , drop = TRUE] * b[k]
        matrix(out, ncol = p2)
    }
    tGr <- function(G, r) t(matrix(vapply(seq_len(p1), function(k) colSums(matrix(G[, k, ], ncol = p2) * r),
                                          numeric(p2)), nrow = p2))
    QR <- qr(swts * rhs$X)
    lin <- qr.coef(QR, swts * lhs)
    resid <- qr.resid(QR, swts * lhs)
    dev <- sum(resid^2)
    cc <- NULL
    QRB <- NULL
    convCrit <- function() {
        cc <<- c(double(p1), qr.qty(QR, swts * lhs)[-seq_len(p1)])
        rr <- qr.qy(QR, cc)
        B <- qr.qty(QR, swts * Gb(rhs$G, lin))
        B <- matrix(B, ncol = p2)
        B[seq_len(p1), ] <- tGr(swts * rhs$G, rr)
        R <- t(qr.R(QR)[seq_len(p1), , drop = FALSE])
        B[seq_len(p1), ] <- if (p1 == 1L) B[1L, ] / c(R) else forwardsolve(R, B[seq_len(p1), , drop = FALSE])
        QRB <<- qr(B)
        rr <- qr.qty(QRB, cc)
        sqrt(fac * sum(rr[seq_len(p1)]^2) / (scaleOffset + sum(rr[-seq_len(p1)]^2)))
    }
    pred <- function(X) if (ncol(X) == 1L) as.vector(X) * lin else as.numeric(X %*% lin)
    allPars <- function() {
        l <- lin
        if (p1 == 1L) l <- unname(l)
        c(getPars(), .lin = l)
    }
    m <- list(
        resid = function() resid,
        fitted = function() pred(rhs$X),
        formula = function() form,
        deviance = function() dev,
        lhs = function() lhs,
        gradient = function() rhs$G,
        conv = function() convCrit(),
        incr = function() qr.solve(QRB, cc),
        setPars = function(newPars) {
            for (i in pn) assign(i, unname(newPars[ind[[i]]]), envir = env)
            rhs <<- split(getRHS())
            QR <<- qr(swts * rhs$X)
            resid <<- qr.resid(QR, swts * lhs)
            dev <<- sum(resid^2)
            if (QR$rank < p1) return(TRUE)
            lin <<- qr.coef(QR, swts * lhs)
            FALSE
        },
        getPars = function() getPars(),
        getAllPars = function() allPars(),
        getEnv = function() env,
        trace = function() {
            d <- getOption("digits")
            devs <- formatC(dev, digits = d, flag = "#")
            devs <- paste0(devs, strrep(" ", max(0L, d + 4L - nchar(devs))))
            cat(devs, " (", sprintf("%.2e", convCrit()), "): par = (",
                paste(vapply(c(getPars(), lin), format, ""), collapse = " "), ")\n", sep = "")
        },
        Rmat = function() qr.R(qr(swts * cbind(Gb(rhs$G, lin), rhs$X))),
        predict = function(newdata = list(), qr = FALSE) {
            r <- eval(form[[3L]], as.list(newdata), env)
            pred(if (is.matrix(r)) r else matrix(as.double(r), ncol = 1L))
        })
    class(m) <- c("nlsModel.plinear", "nlsModel")
    m$conv()
    m
}
