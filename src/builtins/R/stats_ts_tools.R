# Series tools of R's stats package: FFT-friendly lengths, convolution by FFT and the
# longest stretch without missing values.

## The smallest integer >= n that is a product of powers of the factors.
nextn <- function(n, factors = c(2, 3, 5)) {
    n <- as.integer(n)
    factors <- as.integer(factors)
    if (any(factors <= 1L)) stop("invalid factors")
    vapply(n, function(v) {
        if (is.na(v)) return(NA_integer_)
        if (v <= 1L) return(1L)
        repeat {
            r <- v
            for (f in factors) while (r %% f == 0L) r <- r %/% f
            if (r == 1L) return(v)
            v <- v + 1L
        }
    }, 0L)
}

## Convolution of two sequences by the FFT: circular, open (the full polynomial product
## with y reversed) or filter (the valid part of the open convolution).
convolve <- function(x, y, conj = TRUE, type = c("circular", "open", "filter")) {
    type <- match.arg(type)
    real <- is.numeric(x) && is.numeric(y)
    n <- length(x)
    ny <- length(y)
    pad <- 0L
    if (type == "circular") {
        if (ny != n) stop("length mismatch in convolution")
    } else {
        pad <- ny - 1L
        x <- c(rep.int(0, pad), x)
        y <- c(y, rep.int(0, n - 1L))
        n <- length(y)
    }
    fy <- fft(y)
    z <- fft(fft(x) * (if (conj) Conj(fy) else fy), inverse = TRUE)
    if (real) z <- Re(z)
    z <- z / n
    if (type == "filter") {
        drop <- c(seq_len(pad), if (pad > 0L) (n - pad + 1L):n)
        if (length(drop)) z <- z[-drop]
    }
    z
}

## The longest stretch of a series without missing values (the first of equally long ones).
na.contiguous <- function(object, ...) UseMethod("na.contiguous")

## na.contiguous() for vectors, matrices and time series.
na.contiguous.default <- function(object, ...) {
    tm <- time(object)
    xfreq <- frequency(object)
    good <- if (is.matrix(object)) rowSums(is.na(object)) == 0L else !is.na(object)
    if (!sum(good)) stop("all times contain an NA")
    seg <- cumsum(!good)
    seg[!good] <- NA
    lens <- tabulate(seg + 1L)
    best <- which.max(lens) - 1L
    keep <- which(!is.na(seg) & seg == best)
    st <- min(keep)
    en <- max(keep)
    n <- NROW(object)
    omit <- c(if (st > 1L) seq_len(st - 1L), if (en < n) (en + 1L):n)
    if (length(omit)) {
        cl <- oldClass(object)
        object <- if (is.matrix(object)) object[st:en, , drop = FALSE] else object[st:en]
        attr(omit, "class") <- "omit"
        attr(object, "na.action") <- omit
        tsp(object) <- c(tm[st], tm[en], xfreq)
        if (!is.null(cl)) class(object) <- cl
    }
    object
}
