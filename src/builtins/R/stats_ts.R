## Time series: regularly spaced observations carrying a `tsp` attribute c(start, end, frequency).
## ts() builds one from a vector (class "ts") or a matrix (class c("mts", "ts", "matrix")).
ts <- function(data = NA, start = 1, end = numeric(), frequency = 1, deltat = 1, ts.eps = getOption("ts.eps"), class = if (nseries > 1) c("mts", "ts", "matrix") else "ts", names = if (!is.null(dimnames(data))) colnames(data) else paste("Series", seq(nseries))) {
    if (is.null(ts.eps)) ts.eps <- 1e-05
    if (is.data.frame(data)) data <- data.matrix(data)
    if (is.matrix(data)) {
        nseries <- ncol(data)
        ndata <- nrow(data)
        dimnames(data) <- list(NULL, names)
    } else {
        nseries <- 1
        ndata <- length(data)
    }
    if (ndata == 0) stop("'ts' object must have one or more observations")
    if (missing(frequency)) frequency <- 1/deltat
    else if (missing(deltat)) deltat <- 1/frequency
    if (frequency > 1) {
        d <- abs(frequency - round(frequency))
        if (d > 0 && d < ts.eps) frequency <- round(frequency)
    }
    has.start <- !missing(start)
    has.end <- !missing(end)
    start <- as.numeric(start)
    if (length(start) > 1L) start <- start[1L] + (start[2L] - 1)/frequency
    end <- as.numeric(end)
    if (length(end) > 1L) end <- end[1L] + (end[2L] - 1)/frequency
    if (!has.end) end <- start + (ndata - 1)/frequency
    else if (!has.start) start <- end - (ndata - 1)/frequency
    if (start > end) stop("'start' cannot be after 'end'")
    cycles <- as.numeric((end - start) * frequency)
    if (abs(round(cycles) - cycles) > ts.eps * max(cycles, 1))
        stop("'end' must be a whole number of cycles after 'start'")
    nobs <- floor(cycles + 1.01)
    if (nobs != ndata) {
        if (is.matrix(data)) data <- data[rep_len(1L:ndata, nobs), , drop = FALSE]
        else data <- rep_len(data, nobs)
    }
    attr(data, "tsp") <- c(start, end, frequency)
    if (!is.null(class) && class[[1]] != "none") attr(data, "class") <- class
    data
}

## The tsp attribute: c(start, end, frequency), or NULL.
tsp <- function(x) attr(x, "tsp")

## Sets the tsp attribute; NULL removes it and the "ts" classes.
`tsp<-` <- function(x, value) {
    cl <- oldClass(x)
    attr(x, "tsp") <- value
    if (is.null(value)) {
        if (inherits(x, "ts")) class(x) <- setdiff(cl, c("ts", "mts"))
    }
    x
}

## x with a tsp attribute (one made from its length when it has none).
hasTsp <- function(x) {
    if (is.null(attr(x, "tsp"))) attr(x, "tsp") <- c(1, NROW(x), 1)
    x
}

## Is x a time series?
is.ts <- function(x) inherits(x, "ts") && length(x)

## Is x a multivariate time series?
is.mts <- function(x) inherits(x, "mts")

## Coerces to a time series.
as.ts <- function(x, ...) UseMethod("as.ts")

## as.ts for time series and other vectors.
as.ts.default <- function(x, ...) {
    if (is.ts(x)) x
    else if (!is.null(xtsp <- tsp(x))) ts(x, start = xtsp[1L], end = xtsp[2L], frequency = xtsp[3L])
    else ts(x)
}

## The times at which a series was sampled.
time <- function(x, ...) UseMethod("time")

## time() for any series.
time.default <- function(x, offset = 0, ...) {
    p <- attr(hasTsp(x), "tsp")
    y <- seq.int(p[1L], p[2L], length.out = NROW(x)) + offset/p[3L]
    ts(y, start = p[1L], end = p[2L], frequency = p[3L])
}

## The start of a series: c(major, minor) when the frequency is whole.
start <- function(x, ...) UseMethod("start")

## start() for any series.
start.default <- function(x, ts.eps = getOption("ts.eps"), ...) {
    if (is.null(ts.eps)) ts.eps <- 1e-05
    p <- attr(hasTsp(x), "tsp")
    .ts_period(p[1L], p[3L], ts.eps)
}

## The end of a series.
end <- function(x, ...) UseMethod("end")

## end() for any series.
end.default <- function(x, ts.eps = getOption("ts.eps"), ...) {
    if (is.null(ts.eps)) ts.eps <- 1e-05
    p <- attr(hasTsp(x), "tsp")
    .ts_period(p[2L], p[3L], ts.eps)
}

## A time as c(cycle, position) when the frequency is whole, else the time itself.
.ts_period <- function(t, f, eps) {
    tf <- t * f
    if (abs(f - round(f)) < eps && abs(tf - round(tf)) < eps) {
        major <- floor(t + eps)
        c(major, floor(f * (t - major) + 0.001) + 1)
    } else t
}

## Observations per unit of time.
frequency <- function(x, ...) UseMethod("frequency")

## frequency() for any series.
frequency.default <- function(x, ...) if (!is.null(p <- attr(x, "tsp"))) p[3L] else 1

## The time between observations.
deltat <- function(x, ...) UseMethod("deltat")

## deltat() for any series.
deltat.default <- function(x, ...) if (!is.null(p <- attr(x, "tsp"))) 1/p[3L] else 1

## The position of each observation within its cycle.
cycle <- function(x, ...) UseMethod("cycle")

## cycle() for any series.
cycle.default <- function(x, ...) {
    p <- attr(hasTsp(x), "tsp")
    m <- round((p[1L] %% 1) * p[3L])
    y <- (1L:NROW(x) + m - 1) %% p[3L] + 1
    ts(y, start = p[1L], end = p[2L], frequency = p[3L])
}

## The part of a series between start and end.
window <- function(x, ...) UseMethod("window")

## window() for any series; extend = TRUE pads with NA.
window.default <- function(x, start = NULL, end = NULL, frequency = NULL, deltat = NULL, extend = FALSE, ts.eps = getOption("ts.eps"), ...) {
    if (is.null(ts.eps)) ts.eps <- 1e-05
    x <- hasTsp(x)
    p <- attr(x, "tsp")
    xfreq <- p[3L]
    xtime <- seq.int(p[1L], p[2L], length.out = NROW(x))
    if (!is.null(frequency) && !is.null(deltat) && abs(frequency * deltat - 1) > ts.eps)
        stop("'frequency' and 'deltat' are both not NULL and are inconsistent")
    nofreq <- is.null(frequency) && is.null(deltat)
    yfreq <- if (nofreq) xfreq else if (is.null(deltat)) frequency else 1/deltat
    eps <- ts.eps/xfreq
    thin <- round(xfreq/yfreq)
    if (yfreq > 0 && abs(xfreq/yfreq - thin) < ts.eps) yfreq <- xfreq/thin
    else if (!nofreq) {
        thin <- 1
        yfreq <- xfreq
        warning("'frequency' not changed")
    }
    start <- if (is.null(start)) p[1L] else switch(length(start), start, start[1L] + (start[2L] - 1)/xfreq, stop("bad value for 'start'"))
    if (start < p[1L] - eps && !extend) {
        start <- p[1L]
        warning("'start' value not changed")
    }
    end <- if (is.null(end)) p[2L] else switch(length(end), end, end[1L] + (end[2L] - 1)/xfreq, stop("bad value for 'end'"))
    if (end > p[2L] + eps && !extend) {
        end <- p[2L]
        warning("'end' value not changed")
    }
    if (start > end + eps) stop("'start' cannot be after 'end'")
    cls <- oldClass(x)
    if (!extend) {
        if (all(abs(start - xtime) > eps)) start <- xtime[(xtime > start) & ((start + 1/xfreq) > xtime)]
        if (all(abs(end - xtime) > eps)) end <- xtime[(xtime < end) & ((end - 1/xfreq) < xtime)]
        i <- seq.int(trunc((start - p[1L]) * xfreq + 1.5), trunc((end - p[1L]) * xfreq + 1.5), by = thin)
        y <- if (is.matrix(x)) unclass(x)[i, , drop = FALSE] else unclass(x)[i]
        attr(y, "tsp") <- c(xtime[i[1L]], xtime[i[length(i)]], yfreq)
    } else {
        stoff <- ceiling((start - p[1L]) * xfreq - ts.eps)
        enoff <- floor((end - p[2L]) * xfreq + ts.eps)
        ystart <- stoff/xfreq + p[1L]
        yend <- enoff/xfreq + p[2L]
        if (ystart > yend && (ystart - yend) * xfreq < ts.eps) yend <- ystart
        nold <- round(xfreq * (p[2L] - p[1L])) + 1
        i <- if (start > p[2L] + eps || end < p[1L] - eps)
            rep(nold + 1, floor(1 + (end - start) * xfreq + ts.eps))
        else {
            i0 <- 1 + max(0, stoff)
            i1 <- nold + min(0, enoff)
            c(rep.int(nold + 1, max(0, -stoff)), if (i0 <= i1) i0:i1, rep.int(nold + 1, max(0, enoff)))
        }
        y <- if (is.matrix(x)) rbind(unclass(x), NA)[i, , drop = FALSE] else c(unclass(x), NA)[i]
        attr(y, "tsp") <- c(ystart, yend, xfreq)
        if (!is.null(cls)) class(y) <- cls
        if (yfreq != xfreq) y <- window.default(y, frequency = yfreq)
    }
    if (!is.null(cls)) class(y) <- cls
    y
}

## window() of a time series.
window.ts <- function(x, ...) as.ts(window.default(x, ...))

## Replaces the part of a series between start and end (extending the series, with a
## warning, when the window reaches past it).
`window<-` <- function(x, start = NULL, end = NULL, frequency = NULL, deltat = NULL, ..., value) {
    p <- tsp(x)
    xx <- window.default(x, start = start, end = end, frequency = frequency, deltat = deltat, extend = TRUE)
    q <- tsp(xx)
    if (q[1L] > q[2L]) stop("'start' > 'end'")
    if (q[1L] < p[1L] || q[2L] > p[2L]) {
        warning("extending time series when replacing values", call. = FALSE)
        x <- window.default(x, min(q[1L], p[1L]), max(q[2L], p[2L]), extend = TRUE)
    }
    f <- p[3L]
    tx <- tsp(x)
    ind <- match(round(f * seq.int(q[1L], q[2L], length.out = NROW(xx))), round(f * seq.int(tx[1L], tx[2L], length.out = NROW(x))))
    if (anyNA(ind)) stop("times to be replaced do not match")
    len <- length(ind)
    nv <- NROW(value)
    if (!nv) stop("no replacement values supplied")
    if (nv > len) stop("too many replacement values supplied")
    if (nv > 1L && (len %% nv)) stop("number of values supplied is not a sub-multiple of the number of values to be replaced")
    if (NCOL(x) == 1L) x[ind] <- value else x[ind, ] <- value
    x
}

## A series shifted back by k observations.
lag <- function(x, ...) UseMethod("lag")

## lag() for any series.
lag.default <- function(x, k = 1, ...) {
    if (k != round(k)) {
        k <- round(k)
        warning("'k' is not an integer")
    }
    x <- hasTsp(x)
    p <- attr(x, "tsp")
    attr(x, "tsp") <- p - (k/p[3L]) * c(1, 1, 0)
    x
}

## Lagged differences of a time series.
diff.ts <- function(x, lag = 1, differences = 1, ...) {
    if (lag < 1 || differences < 1) stop("bad value for 'lag' or 'differences'")
    if (lag * differences >= NROW(x)) return(unclass(x)[0L])
    p <- attr(x, "tsp")
    r <- unclass(x)
    attr(r, "tsp") <- NULL
    for (i in seq_len(differences)) {
        n <- NROW(r)
        r <- if (is.matrix(r)) r[-seq_len(lag), , drop = FALSE] - r[seq_len(n - lag), , drop = FALSE]
             else r[-seq_len(lag)] - r[seq_len(n - lag)]
    }
    if (is.matrix(x)) colnames(r) <- colnames(x)
    ts(r, end = p[2L], frequency = p[3L])
}

## Sums (or FUN) of a series over blocks, at a lower frequency.
aggregate.ts <- function(x, nfrequency = 1, FUN = sum, ndeltat = 1, ts.eps = getOption("ts.eps"), ...) {
    if (is.null(ts.eps)) ts.eps <- 1e-05
    x <- as.ts(x)
    ofreq <- tsp(x)[3L]
    FUN <- match.fun(FUN)
    if (missing(nfrequency)) nfrequency <- 1/ndeltat
    if (nfrequency > 1 && abs(nfrequency - round(nfrequency)) < ts.eps) nfrequency <- round(nfrequency)
    if (nfrequency == ofreq) return(x)
    ratio <- ofreq/nfrequency
    if (abs(ratio - round(ratio)) > ts.eps)
        stop(gettextf("cannot change frequency from %g to %g", ofreq, nfrequency))
    len <- trunc(ratio + ts.eps)
    mat <- is.matrix(x)
    if (mat) cn <- colnames(x)
    nstart <- tsp(x)[1L]
    m <- unclass(x)
    attr(m, "tsp") <- NULL
    m <- as.matrix(m)
    nblocks <- floor(nrow(m)/len)
    out <- matrix(0, nblocks, ncol(m))
    for (j in seq_len(ncol(m))) for (b in seq_len(nblocks))
        out[b, j] <- FUN(m[(b - 1) * len + seq_len(len), j], ...)
    if (!mat) out <- as.vector(out) else colnames(out) <- cn
    ts(out, start = nstart, frequency = nfrequency)
}

## Binds time series into one multivariate series over the union of their times.
ts.union <- function(..., dframe = FALSE) .ts_bind(list(...), .ts_arg_names(substitute(list(...))), dframe, TRUE)

## Binds time series over the times they share.
ts.intersect <- function(..., dframe = FALSE) .ts_bind(list(...), .ts_arg_names(substitute(list(...))), dframe, FALSE)

## cbind() of time series: ts.union.
cbind.ts <- function(..., deparse.level = 1) .ts_bind(list(...), .ts_arg_names(substitute(list(...))), FALSE, TRUE)

## Names for bound series: the argument names, else the deparsed arguments.
.ts_arg_names <- function(call) {
    args <- as.list(call)[-1L]
    nm <- names(args)
    dep <- vapply(args, function(a) paste(deparse(a), collapse = ""), "")
    if (is.null(nm)) dep else ifelse(nzchar(nm), nm, dep)
}

## The worker of ts.union and ts.intersect.
.ts_bind <- function(sers, nms, dframe, union, ts.eps = 1e-05) {
    keep <- !vapply(sers, is.null, NA)
    sers <- sers[keep]
    nms <- nms[keep]
    nser <- length(sers)
    if (nser == 0L) return(NULL)
    if (nser == 1L) return(sers[[1L]])
    is.tser <- vapply(sers, function(s) !is.null(tsp(s)), NA)
    if (!any(is.tser)) stop("no time series supplied")
    tsps <- sapply(sers[is.tser], tsp)
    freq <- mean(tsps[3, ])
    if (max(abs(tsps[3, ] - freq)) > ts.eps) stop("not all series have the same frequency")
    if (union) {
        st <- min(tsps[1, ])
        en <- max(tsps[2, ])
    } else {
        st <- max(tsps[1, ])
        en <- min(tsps[2, ])
        if (st > en) {
            warning("non-intersecting series")
            return(NULL)
        }
    }
    n <- round(freq * (en - st) + 1)
    for (i in seq_len(nser)[!is.tser]) {
        if (!(NROW(sers[[i]]) %in% c(1L, n))) stop("non-time series not of the correct length")
        sers[[i]] <- ts(sers[[i]], start = st, end = en, frequency = freq)
    }
    ncols <- vapply(sers, NCOL, 1)
    cs <- c(0, cumsum(ncols))
    out <- matrix(NA_real_, n, sum(ncols))
    cn <- character(sum(ncols))
    for (i in seq_len(nser)) {
        s <- sers[[i]]
        p <- tsp(s)
        rows <- round(freq * (p[1L] - st)) + seq_len(NROW(s))
        ok <- rows >= 1 & rows <= n
        v <- unclass(s)
        attr(v, "tsp") <- NULL
        cols <- (1 + cs[i]):cs[i + 1]
        if (ncols[i] > 1) {
            out[rows[ok], cols] <- as.matrix(v)[ok, , drop = FALSE]
            sub <- colnames(s)
            if (is.null(sub)) sub <- seq_len(ncols[i])
            cn[cols] <- paste(nms[i], sub, sep = ".")
        } else {
            out[rows[ok], cols] <- as.vector(v)[ok]
            cn[cols] <- nms[i]
        }
    }
    colnames(out) <- cn
    if (dframe) return(as.data.frame(out))
    ts(out, start = st, frequency = freq)
}

## Transposes a series, dropping its time attributes.
t.ts <- function(x) {
    attr(x, "tsp") <- NULL
    class(x) <- NULL
    t(x)
}

## Prints a time series as R does: by month or quarter in a calendar table for frequency
## 12 or 4, otherwise a header and the values; a multivariate series as a matrix.
print.ts <- function(x, digits = getOption("digits"), quote = FALSE, print.gap, calendar, ...) {
    x <- as.ts(x)
    p <- tsp(x)
    nn <- 1 + round((p[2L] - p[1L]) * p[3L])
    fr <- p[3L]
    if (missing(calendar)) calendar <- any(fr == c(4, 12)) && length(start(x)) == 2L
    if (NROW(x) != nn) {
        warning(gettextf("series is corrupt: length %d with 'tsp' implying %d", NROW(x), nn), call. = FALSE)
        calendar <- FALSE
    }
    if (!calendar) {
        if (fr != 1)
            cat("Time Series:\nStart =", deparse(start(x)), "\nEnd =", deparse(end(x)), "\nFrequency =", deparse(fr), "\n")
        else
            cat("Time Series:\nStart =", format(p[1L]), "\nEnd =", format(p[2L]), "\nFrequency =", deparse(fr), "\n")
    }
    print(.preformat.ts(x, calendar, digits = digits), quote = FALSE, right = TRUE, digits = digits)
    invisible(x)
}

## A series laid out for printing: a character calendar table, a named vector, or a
## matrix with time row labels.
.preformat.ts <- function(x, calendar, ...) {
    p <- tsp(x)
    fr <- p[3L]
    if (missing(calendar)) calendar <- any(fr == c(4, 12)) && length(start(x)) == 2L
    if (NCOL(x) == 1) {
        if (calendar) {
            if (fr > 1) {
                cols <- if (fr == 12) month.abb else if (fr == 4) c("Qtr1", "Qtr2", "Qtr3", "Qtr4") else paste0("p", 1L:fr)
                s <- start(x)
                e <- end(x)
                v <- unclass(x)
                attributes(v) <- NULL
                cells <- format(v, ...)
                if (NROW(x) <= fr && s[1L] == e[1L]) {
                    cols <- cols[1 + (s[2L] - 2 + seq_along(v)) %% fr]
                    x <- matrix(cells, nrow = 1L, byrow = TRUE, dimnames = list(s[1L], cols))
                } else {
                    x <- matrix(c(rep.int("", s[2L] - 1), cells, rep.int("", fr - e[2L])), ncol = fr, byrow = TRUE, dimnames = list(s[1L]:e[1L], cols))
                }
            } else {
                tx <- seq.int(p[1L], p[2L], length.out = NROW(x))
                attributes(x) <- NULL
                names(x) <- tx
            }
        } else {
            attr(x, "tsp") <- NULL
            attr(x, "na.action") <- NULL
            x <- unclass(x)
        }
    } else {
        tm <- seq.int(p[1L], p[2L], length.out = NROW(x))
        rn <- if (calendar && fr > 1) {
            pos <- 1 + round(fr * ((tm + 0.001) %% 1))
            yr <- format(floor(zapsmall(tm, digits = 7)))
            if (fr == 12) paste(month.abb[pos], yr)
            else paste(yr, if (fr == 4) c("Q1", "Q2", "Q3", "Q4")[pos] else format(pos))
        } else format(tm)
        attr(x, "tsp") <- NULL
        attr(x, "na.action") <- NULL
        x <- unclass(x)
        rownames(x) <- rn
    }
    x
}

## Subsets a time series: a column (or all rows) of a series stays a series; picking
## observations gives a plain vector or matrix, as in R.
`[.ts` <- function(x, i, j, ..., drop = TRUE) {
    p <- attr(x, "tsp")
    y <- unclass(x)
    attr(y, "tsp") <- NULL
    if (!is.matrix(y)) return(if (missing(i)) x else y[i])
    r <- if (missing(i)) {
        if (missing(j)) y else y[, j, drop = drop]
    } else if (missing(j)) y[i, , drop = drop] else y[i, j, drop = drop]
    if (missing(i)) ts(r, start = p[1L], frequency = p[3L]) else r
}
