## The time zone a POSIXlt value carries ("" for the session's).
.lt_tz <- function(x) {
    tz <- attr(x, "tzone")
    if (is.null(tz)) "" else tz[1L]
}

## The number of date-times in a POSIXlt value.
length.POSIXlt <- function(x) max(lengths(unclass(x)[c("sec", "min", "hour", "mday", "mon", "year")]), 0L)

## Elements of a POSIXlt value, as a POSIXlt value in the same time zone.
`[.POSIXlt` <- function(x, i, ...) {
    ct <- as.POSIXct(x)
    as.POSIXlt(if (missing(i)) ct else ct[i], tz = .lt_tz(x))
}

## One element of a POSIXlt value.
`[[.POSIXlt` <- function(x, i, ...) as.POSIXlt(as.POSIXct(x)[[i]], tz = .lt_tz(x))

## Replaces elements of a POSIXlt value with date-times (or what as.POSIXct converts).
`[<-.POSIXlt` <- function(x, i, value) {
    ct <- as.POSIXct(x)
    v <- as.POSIXct(value, tz = .lt_tz(x))
    if (missing(i)) ct[] <- v else ct[i] <- v
    as.POSIXlt(ct, tz = .lt_tz(x))
}

## Which date-times of a POSIXlt value are missing.
is.na.POSIXlt <- function(x) is.na(as.POSIXct(x))

## Combines date-times into one POSIXlt value (in the first argument's time zone).
c.POSIXlt <- function(..., recursive = FALSE) {
    parts <- list(...)
    tz <- if (inherits(parts[[1L]], "POSIXlt")) .lt_tz(parts[[1L]]) else ""
    as.POSIXlt(do.call(c, lapply(parts, as.POSIXct)), tz = tz)
}

## Repeats the date-times of a POSIXlt value, as rep() repeats a vector.
rep.POSIXlt <- function(x, ...) as.POSIXlt(rep(as.POSIXct(x), ...), tz = .lt_tz(x))

## min/max/range of date-times in list form: computed on POSIXct, returned as POSIXlt
Summary.POSIXlt <- function(..., na.rm = FALSE) {
    if (!(.Generic %in% c("min", "max", "range")))
        stop(gettextf("'%s' not defined for \"POSIXt\" objects", .Generic), domain = NA)
    args <- list(...)
    tz <- .lt_tz(args[[1L]])
    val <- do.call(.Generic, c(lapply(args, as.POSIXct), na.rm = na.rm))
    as.POSIXlt(val, tz = tz)
}

## A date-time of class POSIXct from seconds since 1970 (no checks), in time zone tz.
.POSIXct <- function(xx, tz = NULL, cl = c("POSIXct", "POSIXt"))
    `attributes<-`(xx, c(attributes(xx), list(tzone = tz, class = cl)))

## A Date from days since 1970-01-01 (no checks).
.Date <- function(xx, cl = "Date") `attributes<-`(xx, c(attributes(xx), list(class = cl)))

## A difftime from numbers in the given units (no checks).
.difftime <- function(xx, units, cl = "difftime") {
    class(xx) <- cl
    attr(xx, "units") <- units
    xx
}

## min/max/range of ordered factors: by level order, an ordered factor with the same levels.
Summary.ordered <- function(..., na.rm = FALSE) {
    if (!(.Generic %in% c("min", "max", "range")))
        stop(gettextf("'%s' is only meaningful for ordered factors if all arguments have the same level sets",
                      .Generic), domain = NA)
    args <- list(...)
    levset <- levels(args[[1L]])
    if (!all(vapply(args, function(a) identical(levels(a), levset), NA)))
        stop(gettextf("'%s' is only meaningful for ordered factors if all arguments have the same level sets",
                      .Generic), domain = NA)
    ind <- do.call(.Generic, c(lapply(args, as.integer), na.rm = na.rm))
    factor(levset[ind], levels = levset, ordered = TRUE)
}
