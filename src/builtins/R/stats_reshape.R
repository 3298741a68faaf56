# reshape(): converting a data frame between "long" format (one row per id and time) and
# "wide" format (one row per id, one column per variable and time), remembering how to go back.

## Reshapes a data frame between long and wide format. varying names the time-varying columns
## of the wide format (a list, matrix or vector of names or indices), v.names the variables
## they hold in long format, timevar and idvar the time and id columns.
reshape <- function(data, varying = NULL, v.names = NULL, timevar = "time", idvar = "id",
                    ids = 1L:NROW(data), times = seq_along(varying[[1L]]), drop = NULL,
                    direction, new.row.names = NULL, sep = ".",
                    split = if (sep == "") list(regexp = "[A-Za-z][0-9]", include = TRUE)
                            else list(regexp = sep, include = FALSE, fixed = TRUE)) {
    if (!is.null(drop)) {
        if (is.character(drop)) drop <- names(data) %in% drop
        data <- data[, if (is.logical(drop)) !drop else -drop, drop = FALSE]
    }
    back <- list(wide = attr(data, "reshapeWide"), long = attr(data, "reshapeLong"))
    if (missing(direction)) {
        if (!is.null(back$wide)) direction <- "long"
        else if (!is.null(back$long)) direction <- "wide"
        else stop("no 'reshapeWide' or 'reshapeLong' attribute, must specify 'direction'")
    }
    direction <- match.arg(direction, c("wide", "long"))
    if (direction == "long") {
        if (is.null(varying) && !is.null(back$wide)) {
            u <- back$wide
            return(.reshape_long(data, u$varying, u$v.names, u$timevar, u$idvar, ids, u$times,
                                 new.row.names))
        }
        if (is.null(varying)) stop("no 'reshapeWide' attribute, must specify 'varying'")
        if (is.matrix(varying)) varying <- split(c(varying), row(varying))
        if (is.atomic(varying)) {
            if (is.numeric(varying)) varying <- names(data)[varying]
            if (is.null(v.names)) {
                g <- .reshape_guess(varying, split)
                varying <- g$varying
                v.names <- g$v.names
                if (missing(times)) times <- g$times
            } else {
                nv <- length(v.names)
                if (length(varying) %% nv) stop("length of 'v.names' does not evenly divide length of 'varying'")
                m <- matrix(varying, nrow = nv)
                varying <- lapply(seq_len(nv), function(j) m[j, ])
                if (missing(times)) times <- seq_len(ncol(m))
            }
        } else {
            varying <- lapply(varying, function(v) if (is.numeric(v)) names(data)[v] else v)
        }
        nt <- unique(lengths(varying))
        if (length(nt) != 1L) stop("'varying' arguments must be the same length")
        if (length(times) != nt) stop("'times' is wrong length")
        if (is.null(v.names)) v.names <- vapply(varying, function(v) v[1L], "")
        else if (length(v.names) != length(varying)) stop("length of 'v.names' does not equal length of 'varying'")
        return(.reshape_long(data, varying, v.names, timevar, idvar, ids, times, new.row.names))
    }
    if (is.null(varying) && is.null(v.names) && !is.null(back$long) && missing(timevar)) {
        u <- back$long
        return(.reshape_wide(data, u$timevar, u$idvar, u$varying, u$v.names, new.row.names, sep))
    }
    if (is.matrix(varying)) varying <- lapply(seq_len(nrow(varying)), function(j) varying[j, ])
    .reshape_wide(data, timevar, idvar, varying, v.names, new.row.names, sep)
}

## Splits wide column names into variable names and times at the first match of split$regexp.
.reshape_guess <- function(nms, split) {
    at <- regexpr(split$regexp, nms, fixed = isTRUE(split$fixed))
    if (any(at < 1L)) stop("failed to guess time-varying variables from their names")
    if (isTRUE(split$include)) {
        vn <- substr(nms, 1L, at)
        tm <- substr(nms, at + 1L, nchar(nms))
    } else {
        vn <- substr(nms, 1L, at - 1L)
        tm <- substr(nms, at + attr(at, "match.length"), nchar(nms))
    }
    if (!isTRUE(split$include) && any(grepl(split$regexp, tm, fixed = isTRUE(split$fixed))))
        stop("failed to guess time-varying variables from their names")
    u <- unique(vn)
    times <- unique(tm)
    num <- suppressWarnings(as.numeric(times))
    if (!anyNA(num)) times <- num
    list(varying = unname(lapply(u, function(v) nms[vn == v])), v.names = u, times = times)
}

## Wide to long: one block of rows per time, stacking the time-varying columns.
.reshape_long <- function(data, varying, v.names, timevar, idvar, ids, times, new.row.names) {
    if (is.list(varying) && !is.null(dim(varying))) varying <- lapply(seq_len(nrow(varying)), function(j) varying[j, ])
    if (is.matrix(varying)) varying <- lapply(seq_len(nrow(varying)), function(j) varying[j, ])
    if (is.null(v.names)) v.names <- vapply(varying, function(v) v[1L], "")
    fixed <- data[, !(names(data) %in% unlist(varying)), drop = FALSE]
    has.id <- all(idvar %in% names(data))
    if (!has.id && length(idvar) > 1L) stop("multiple 'idvar' must all be columns of 'data'")
    idv <- if (has.id) {
        if (length(idvar) == 1L) data[[idvar]] else do.call(paste, c(unname(as.list(data[idvar])), sep = "."))
    } else ids
    blocks <- lapply(seq_along(times), function(i) {
        d <- fixed
        d[[timevar]] <- rep(times[i], nrow(d))
        for (j in seq_along(v.names)) d[[v.names[j]]] <- data[[varying[[j]][i]]]
        if (!has.id) d[[idvar]] <- ids
        row.names(d) <- paste(idv, times[i], sep = ".")
        d
    })
    out <- do.call(rbind, blocks)
    if (!is.null(new.row.names)) row.names(out) <- new.row.names
    attr(out, "reshapeLong") <- list(varying = varying, v.names = v.names, idvar = idvar, timevar = timevar)
    out
}

## Long to wide: one row per id (its first row), one column per variable and time.
.reshape_wide <- function(data, timevar, idvar, varying, v.names, new.row.names, sep) {
    times <- unique(data[[timevar]])
    if (anyNA(times)) warning("there are records with missing times, which will be dropped.")
    undo <- list(v.names = v.names, timevar = timevar, idvar = idvar, times = times)
    key <- if (length(idvar) == 1L) data[[idvar]] else do.call(paste, c(unname(as.list(data[idvar])), sep = "\r"))
    if (is.null(v.names)) v.names <- setdiff(names(data), c(timevar, idvar))
    if (is.null(varying)) varying <- outer(v.names, times, paste, sep = sep)
    if (is.list(varying)) varying <- do.call(rbind, varying)
    if (!is.matrix(varying)) varying <- matrix(varying, nrow = length(v.names))
    undo$varying <- varying
    rest <- setdiff(names(data), c(timevar, v.names, idvar))
    for (v in rest) {
        same <- tapply(data[[v]], as.vector(key), function(b) length(unique(b)) == 1L)
        if (!all(same)) warning(gettextf("some constant variables (%s) are really varying", v))
    }
    out <- data[!duplicated(key), !(names(data) %in% c(timevar, v.names)), drop = FALSE]
    okey <- key[!duplicated(key)]
    for (i in seq_along(times)) {
        at <- data[[timevar]] %in% times[i]
        k <- key[at]
        if (anyDuplicated(k)) warning(gettextf("multiple rows match for %s=%s: first taken", timevar, times[i]))
        rows <- which(at)[match(okey, k)]
        for (j in seq_along(v.names)) out[[varying[j, i]]] <- data[[v.names[j]]][rows]
    }
    if (!is.null(new.row.names)) row.names(out) <- new.row.names
    attr(out, "reshapeWide") <- undo
    out
}
