# More self-starting nonlinear models of R's stats package (asymptotic through the origin,
# with an offset, bi-exponential, first-order compartment, Gompertz, Weibull) and the
# helpers their initial-value functions use on sorted (x, y) data.

## A rough left asymptote of sorted (x, y) data: beyond the first response by 1/8 of the range.
NLSstLfAsymptote <- function(xy) {
    in.range <- range(xy$y)
    first.dif <- abs(in.range - xy$y[1L])
    if (match(min(first.dif), first.dif) == 2L) in.range[2L] + diff(in.range) / 8 else in.range[1L] - diff(in.range) / 8
}

## The rough (Asym, R0, lrc) of an asymptotic regression on sorted (x, y) data (internal).
.ss_asymp_start <- function(xy) {
    if (nrow(xy) < 3) stop("too few distinct input values to fit an asymptotic regression model")
    if (nrow(xy) > 3) {
        ydiff <- abs(xy$y - NLSstRtAsymptote(xy))
        lrc <- log(-coef(lm(log(ydiff) ~ x, data = data.frame(x = xy$x, ydiff = ydiff)))[[2L]])
    } else {
        ydiff <- diff(xy$y)
        if (prod(ydiff) <= 0) stop("cannot fit an asymptotic regression model to these data")
        frac <- (xy$y[3L] - xy$y[1L]) / (xy$y[2L] - xy$y[1L])
        xd <- diff(xy$x)
        lrc <- log(-log(frac - 1) / xd[1L])
    }
    e <- exp(-exp(lrc) * xy$x)
    ab <- qr.coef(qr(cbind(1 - e, e)), xy$y)
    c(Asym = ab[[1L]], R0 = ab[[2L]], lrc = lrc)
}

## Fits the asymptotic regression b0 + b1 * (1 - exp(-exp(lrc) * x)) to sorted (x, y) data.
NLSstAsymptotic <- function(xy) UseMethod("NLSstAsymptotic")

## NLSstAsymptotic() for sortedXyData: coefficients b0, b1 and lrc.
NLSstAsymptotic.sortedXyData <- function(xy) {
    st <- .ss_asymp_start(xy)
    pars <- .ss_refine(y ~ b0 + b1 * (1 - exp(-exp(lrc) * x)), xy,
                       list(b0 = st[["R0"]], b1 = st[["Asym"]] - st[["R0"]], lrc = st[["lrc"]]))
    setNames(unname(pars[c("b0", "b1", "lrc")]), c("b0", "b1", "lrc"))
}

## Names the refined parameters as the model call names them (internal).
.ss_named <- function(pars, mCall, nms) setNames(unname(pars[nms]), vapply(nms, function(n) as.character(mCall[[n]]), ""))

## Drops the gradient of a selfStart model called with values rather than names for its parameters,
## and names its columns by the names passed (internal).
.ss_function <- function(model, parameters) {
    argNams <- c(setdiff(all.vars(model), parameters), parameters)
    f <- deriv(model, parameters, argNams)
    inner <- body(f)
    body(f) <- substitute({
        .value <- local(INNER)
        .actual <- as.list(match.call())[PARS]
        if (!all(vapply(.actual, is.name, NA))) attr(.value, "gradient") <- NULL
        else if (!is.null(.grad <- attr(.value, "gradient"))) {
            ## the gradient's columns are named as the parameters were passed
            dimnames(.grad) <- list(NULL, vapply(.actual, as.character, ""))
            attr(.value, "gradient") <- .grad
        }
        .value
    }, list(INNER = inner, PARS = parameters))
    f
}

## A selfStart model whose function drops the gradient when called with values (internal).
.ss_model <- function(model, initial, parameters) {
    structure(.ss_function(model, parameters), initial = initial, pnames = parameters, class = "selfStart")
}

## Self-starting asymptotic regression through the origin: Asym * (1 - exp(-exp(lrc) * input)).
SSasympOrig <- .ss_model(~ Asym * (1 - exp(-exp(lrc) * input)),
    function(mCall, data, LHS, ...) {
        xy <- sortedXyData(mCall[["input"]], LHS, data)
        if (nrow(xy) < 3) stop("too few distinct input values to fit the 'asympOrig' model")
        st <- .ss_asymp_start(xy)
        lrc <- st[["lrc"]]
        f <- 1 - exp(-exp(lrc) * xy$x)
        pars <- .ss_refine(y ~ Asym * (1 - exp(-exp(lrc) * x)), xy, list(Asym = sum(f * xy$y) / sum(f^2), lrc = lrc))
        .ss_named(pars, mCall, c("Asym", "lrc"))
    }, c("Asym", "lrc"))

## Self-starting asymptotic regression with an offset: Asym * (1 - exp(-exp(lrc) * (input - c0))).
SSasympOff <- .ss_model(~ Asym * (1 - exp(-exp(lrc) * (input - c0))),
    function(mCall, data, LHS, ...) {
        xy <- sortedXyData(mCall[["input"]], LHS, data)
        if (nrow(xy) < 4) stop("too few distinct input values to fit the 'asympOff' model")
        st <- .ss_asymp_start(xy)
        st <- .ss_refine(y ~ Asym + (R0 - Asym) * exp(-exp(lrc) * x), xy, as.list(st))
        c0 <- exp(-st[["lrc"]]) * log(-(st[["R0"]] - st[["Asym"]]) / st[["Asym"]])
        pars <- .ss_refine(y ~ Asym * (1 - exp(-exp(lrc) * (x - c0))), xy,
                           list(Asym = st[["Asym"]], lrc = st[["lrc"]], c0 = c0))
        .ss_named(pars, mCall, c("Asym", "lrc", "c0"))
    }, c("Asym", "lrc", "c0"))

## Self-starting bi-exponential model: A1 * exp(-exp(lrc1) * input) + A2 * exp(-exp(lrc2) * input).
SSbiexp <- .ss_model(~ A1 * exp(-exp(lrc1) * input) + A2 * exp(-exp(lrc2) * input),
    function(mCall, data, LHS, ...) {
        xy <- sortedXyData(mCall[["input"]], LHS, data)
        n <- nrow(xy)
        if (n < 5) stop("too few distinct input values to fit a biexponential")
        # curve peeling: the slow component from the last half, the fast one from what is left
        last <- xy[seq.int(n - (n %/% 2) + 1L, n), ]
        last <- last[last$y > 0, ]
        cf <- coef(lm(log(y) ~ x, data = last))
        A2 <- exp(cf[[1L]])
        lrc2 <- log(abs(cf[[2L]]))
        first <- xy[seq_len(n - (n %/% 2)), ]
        res <- first$y - A2 * exp(-exp(lrc2) * first$x)
        ok <- res > 0
        if (sum(ok) >= 2) {
            cf1 <- coef(lm(log(r) ~ x, data = data.frame(x = first$x[ok], r = res[ok])))
            A1 <- exp(cf1[[1L]])
            lrc1 <- log(abs(cf1[[2L]]))
        } else {
            A1 <- A2
            lrc1 <- lrc2 + 1
        }
        pars <- .ss_refine(y ~ A1 * exp(-exp(lrc1) * x) + A2 * exp(-exp(lrc2) * x), xy,
                           list(A1 = A1, lrc1 = lrc1, A2 = A2, lrc2 = lrc2))
        if (pars[["lrc1"]] < pars[["lrc2"]]) pars <- c(A1 = pars[["A2"]], lrc1 = pars[["lrc2"]], A2 = pars[["A1"]], lrc2 = pars[["lrc1"]])
        .ss_named(pars, mCall, c("A1", "lrc1", "A2", "lrc2"))
    }, c("A1", "lrc1", "A2", "lrc2"))

## Self-starting first-order compartment model (log elimination rate lKe, log absorption rate lKa, log clearance lCl).
SSfol <- .ss_model(~ Dose * exp(lKe + lKa - lCl) * (exp(-exp(lKe) * input) - exp(-exp(lKa) * input)) / (exp(lKa) - exp(lKe)),
    function(mCall, data, LHS, ...) {
        resp <- eval(LHS, data)
        input <- eval(mCall[["input"]], data)
        Dose <- eval(mCall[["Dose"]], data)
        n <- length(resp)
        if (length(input) != n) stop("must have length of response = length of second argument to 'SSfol'")
        if (n < 4) stop("must have at least 4 observations to fit an 'SSfol' model")
        ord <- order(input)
        x <- input[ord]
        y <- resp[ord]
        # elimination from the terminal half, absorption from the residuals of the rising part
        tail <- seq.int(n - (n %/% 2) + 1L, n)
        tail <- tail[y[tail] > 0]
        cf <- coef(lm(log(y[tail]) ~ x[tail]))
        lKe <- log(abs(cf[[2L]]))
        early <- seq_len(n - (n %/% 2))
        res <- exp(cf[[1L]]) * exp(-exp(lKe) * x[early]) - y[early]
        ok <- res > 0 & x[early] > 0
        lKa <- if (sum(ok) >= 2) log(abs(coef(lm(log(res[ok]) ~ x[early][ok]))[[2L]])) else lKe + 1
        if (lKa <= lKe) lKa <- lKe + 1
        auc <- sum(diff(x) * (y[-1L] + y[-n]) / 2) + y[n] / exp(lKe)
        lCl <- log(Dose[1L] / auc)
        d <- data.frame(x = x, y = y, Dose = Dose[ord])
        pars <- .ss_refine(y ~ Dose * exp(lKe + lKa - lCl) * (exp(-exp(lKe) * x) - exp(-exp(lKa) * x)) / (exp(lKa) - exp(lKe)),
                           d, list(lKe = lKe, lKa = lKa, lCl = lCl))
        .ss_named(pars, mCall, c("lKe", "lKa", "lCl"))
    }, c("lKe", "lKa", "lCl"))

## Self-starting Gompertz growth model: Asym * exp(-b2 * b3^x).
SSgompertz <- .ss_model(~ Asym * exp(-b2 * b3^x),
    function(mCall, data, LHS, ...) {
        xy <- sortedXyData(mCall[["x"]], LHS, data)
        if (nrow(xy) < 4) stop("too few distinct input values to fit the Gompertz model")
        Asym <- NLSstRtAsymptote(xy)
        z <- xy$y / Asym
        ok <- z > 0 & z < 1
        cf <- coef(lm(log(-log(z)) ~ x, data = data.frame(x = xy$x[ok], z = z[ok])))
        pars <- .ss_refine(y ~ Asym * exp(-b2 * b3^x), xy, list(Asym = Asym, b2 = exp(cf[[1L]]), b3 = exp(cf[[2L]])))
        .ss_named(pars, mCall, c("Asym", "b2", "b3"))
    }, c("Asym", "b2", "b3"))

## Self-starting Weibull growth curve: Asym - Drop * exp(-exp(lrc) * x^pwr).
SSweibull <- .ss_model(~ Asym - Drop * exp(-exp(lrc) * x^pwr),
    function(mCall, data, LHS, ...) {
        xy <- sortedXyData(mCall[["x"]], LHS, data)
        if (nrow(xy) < 5) stop("too few distinct input values to fit the Weibull growth model")
        if (any(xy[["x"]] < 0)) stop("all 'x' values must be non-negative to fit the Weibull growth model")
        Rasym <- NLSstRtAsymptote(xy)
        Lasym <- NLSstLfAsymptote(xy)
        Drop <- Rasym - Lasym
        z <- (Rasym - xy$y) / Drop
        ok <- z > 0 & z < 1 & xy$x > 0
        cf <- coef(lm(log(-log(z)) ~ log(x), data = data.frame(x = xy$x[ok], z = z[ok])))
        pars <- .ss_refine(y ~ Asym - Drop * exp(-exp(lrc) * x^pwr), xy,
                           list(Asym = Rasym, Drop = Drop, lrc = cf[[1L]], pwr = cf[[2L]]))
        .ss_named(pars, mCall, c("Asym", "Drop", "lrc", "pwr"))
    }, c("Asym", "Drop", "lrc", "pwr"))
