## Version numbers as R represents them: a list of integer vectors of class
## "numeric_version" (package_version, R_system_version add their classes).
numeric_version <- function(x, strict = TRUE) {
    if (inherits(x, "numeric_version")) return(x)
    x <- as.character(x)
    parts <- lapply(x, function(s) {
        ok <- !is.na(s) && grepl("^[[:space:]]*[0-9]+([.-][0-9]+)*[[:space:]]*$", s)
        if (!ok) {
            if (strict) stop(gettextf("invalid version specification %s", sQuote(s)), call. = FALSE)
            return(integer())
        }
        as.integer(strsplit(trimws(s), "[.-]")[[1L]])
    })
    structure(parts, class = "numeric_version")
}

## A package version: numeric_version with class "package_version".
package_version <- function(x, strict = TRUE) {
    if (inherits(x, "package_version")) return(x)
    v <- numeric_version(x, strict)
    class(v) <- c("package_version", "numeric_version")
    v
}

## An R version: package_version with class "R_system_version".
R_system_version <- function(x, strict = TRUE) {
    v <- numeric_version(x, strict)
    class(v) <- c("R_system_version", "package_version", "numeric_version")
    v
}

## Coerces to numeric_version.
as.numeric_version <- function(x) if (is.numeric_version(x)) x else numeric_version(x)

## Coerces to package_version.
as.package_version <- function(x) if (is.package_version(x)) x else package_version(x)

## Whether x is a numeric_version.
is.numeric_version <- function(x) inherits(x, "numeric_version")

## Whether x is a package_version.
is.package_version <- function(x) inherits(x, "package_version")

## The version of R as an R_system_version.
getRversion <- function() R_system_version(paste(R.version$major, R.version$minor, sep = "."))

## The version of an installed package (rsc's built-in packages carry R's version).
packageVersion <- function(pkg, lib.loc = NULL) {
    d <- packageDescription(pkg, lib.loc = lib.loc, fields = "Version")
    if (is.na(d)) stop(gettextf("there is no package called %s", sQuote(pkg)), call. = FALSE)
    package_version(d)
}

## The components of numeric versions as dot-separated strings.
as.character.numeric_version <- function(x, ...) {
    vapply(unclass(x), function(p) paste(p, collapse = "."), "")
}

## Formats numeric versions as dot-separated strings.
format.numeric_version <- function(x, ...) {
    s <- as.character.numeric_version(x)
    s[vapply(unclass(x), length, 0L) == 0L] <- "<NA>"
    s
}

## Prints numeric versions quoted, as R does.
print.numeric_version <- function(x, quote = FALSE, ...) {
    y <- unclass(x)
    if (length(y) == 0L) {
        cat("<0 elements>\n")
    } else {
        s <- sQuote(format.numeric_version(x))
        print(noquote(s), ...)
    }
    invisible(x)
}

## Element extraction keeps the class.
`[.numeric_version` <- function(x, i, j) {
    y <- unclass(x)
    if (missing(j)) return(structure(y[i], class = oldClass(x)))
    vapply(y[i], function(p) p[j][1L], 0L)
}

## One version, or (with two indices) one of its components as a version.
`[[.numeric_version` <- function(x, ..., exact = NA) {
    a <- list(...)
    y <- unclass(x)
    if (length(a) == 1L) return(structure(list(y[[a[[1L]]]]), class = oldClass(x)))
    structure(list(y[[a[[1L]]]][a[[2L]]]), class = oldClass(x))
}

## The components major, minor, patchlevel of versions.
`$.numeric_version` <- function(x, name) {
    k <- match(name, c("major", "minor", "patchlevel"))
    if (is.na(k)) return(NULL)
    vapply(unclass(x), function(p) if (length(p) >= k) p[k] else NA_integer_, 0L)
}

## Version lengths.
length.numeric_version <- function(x) length(unclass(x))

## Sort keys that compare as the versions do (fixed-width components).
.encode_numeric_version <- function(x) {
    vapply(unclass(x), function(p) {
        if (length(p) == 0L) NA_character_ else paste(sprintf("%09d", p), collapse = ".")
    }, "")
}

## Comparisons of versions (with versions or strings); other operators are errors.
Ops.numeric_version <- function(e1, e2) {
    if (nargs() == 1L) stop(gettextf("unary '%s' not defined for \"numeric_version\" objects", .Generic), call. = FALSE)
    if (!(.Generic %in% c("<", ">", "==", "!=", "<=", ">="))) {
        stop(gettextf("'%s' not defined for \"numeric_version\" objects", .Generic), call. = FALSE)
    }
    if (!is.numeric_version(e1)) e1 <- numeric_version(e1)
    if (!is.numeric_version(e2)) e2 <- numeric_version(e2)
    k1 <- .encode_numeric_version(e1)
    k2 <- .encode_numeric_version(e2)
    switch(.Generic, `<` = k1 < k2, `>` = k1 > k2, `==` = k1 == k2, `!=` = k1 != k2,
           `<=` = k1 <= k2, `>=` = k1 >= k2)
}

## max, min and range of versions.
Summary.numeric_version <- function(..., na.rm) {
    x <- c.numeric_version(...)
    k <- .encode_numeric_version(x)
    switch(.Generic,
        max = x[which.max(rank(k, ties.method = "first"))],
        min = x[which.min(rank(k, ties.method = "first"))],
        range = x[c(which.min(rank(k, ties.method = "first")), which.max(rank(k, ties.method = "first")))],
        stop(gettextf("%s not defined for \"numeric_version\" objects", .Generic), call. = FALSE))
}

## Versions combined keep the class of the first.
c.numeric_version <- function(..., recursive = FALSE) {
    a <- lapply(list(...), as.numeric_version)
    structure(unlist(lapply(a, unclass), recursive = FALSE), class = oldClass(a[[1L]]))
}

## Sort order of versions.
xtfrm.numeric_version <- function(x) rank(.encode_numeric_version(x), ties.method = "min")

## Sorted versions.
sort.numeric_version <- function(x, decreasing = FALSE, ...) {
    x[order(.encode_numeric_version(x), decreasing = decreasing)]
}

## Whether any versions are missing (malformed).
is.na.numeric_version <- function(x) vapply(unclass(x), length, 0L) == 0L

## Versions as a list of integer vectors.
as.list.numeric_version <- function(x, ...) lapply(seq_along(unclass(x)), function(i) x[i])

## Integers shown in hexadecimal: class "hexmode".
as.hexmode <- function(x) {
    if (inherits(x, "hexmode")) return(x)
    if (is.character(x)) {
        v <- strtoi(x, 16L)
        if (any(is.na(v) & !is.na(x))) stop("'x' cannot be coerced to class \"hexmode\"")
        return(structure(v, class = "hexmode"))
    }
    if (is.double(x) && all(is.na(x) | x == round(x))) x <- as.integer(x)
    if (is.integer(x)) return(structure(x, class = "hexmode"))
    stop("'x' cannot be coerced to class \"hexmode\"")
}

## Integers shown in octal: class "octmode".
as.octmode <- function(x) {
    if (inherits(x, "octmode")) return(x)
    if (is.character(x)) {
        v <- strtoi(x, 8L)
        if (any(is.na(v) & !is.na(x))) stop("'x' cannot be coerced to class \"octmode\"")
        return(structure(v, class = "octmode"))
    }
    if (is.double(x) && all(is.na(x) | x == round(x))) x <- as.integer(x)
    if (is.integer(x)) return(structure(x, class = "octmode"))
    stop("'x' cannot be coerced to class \"octmode\"")
}

## The digits of non-negative integers in a base, as strings.
.int_digits <- function(x, base, upper = FALSE) {
    digs <- if (upper) c(0:9, LETTERS[1:6]) else c(0:9, letters[1:6])
    vapply(as.numeric(x), function(v) {
        if (is.na(v)) return(NA_character_)
        if (v < 0) v <- v + 2^32
        if (v == 0) return("0")
        s <- character()
        while (v > 0) {
            s <- c(digs[v %% base + 1], s)
            v <- v %/% base
        }
        paste(s, collapse = "")
    }, "")
}

## Hexadecimal strings padded with zeros to a common width.
format.hexmode <- function(x, width = NULL, upper.case = FALSE, ...) {
    s <- .int_digits(unclass(x), 16, upper.case)
    w <- max(c(0L, nchar(s[!is.na(s)])), width)
    ok <- !is.na(s)
    s[ok] <- paste0(strrep("0", w - nchar(s[ok])), s[ok])
    s[!ok] <- NA_character_
    s
}

## Octal strings padded with zeros to a common width.
format.octmode <- function(x, width = NULL, ...) {
    s <- .int_digits(unclass(x), 8)
    w <- max(c(0L, nchar(s[!is.na(s)])), width)
    ok <- !is.na(s)
    s[ok] <- paste0(strrep("0", w - nchar(s[ok])), s[ok])
    s[!ok] <- NA_character_
    s
}

## Prints hexmode values as their formatted strings.
print.hexmode <- function(x, ...) {
    print(format.hexmode(x), ...)
    invisible(x)
}

## Prints octmode values as their formatted strings.
print.octmode <- function(x, ...) {
    print(format.octmode(x), ...)
    invisible(x)
}

## Hexadecimal digits without padding.
as.character.hexmode <- function(x, ...) .int_digits(unclass(x), 16)

## Octal digits without padding.
as.character.octmode <- function(x, ...) .int_digits(unclass(x), 8)

## Subsetting keeps the class.
`[.hexmode` <- function(x, i) structure(unclass(x)[i], class = "hexmode")

## Subsetting keeps the class.
`[.octmode` <- function(x, i) structure(unclass(x)[i], class = "octmode")

## Bitwise & | and ! on hexmode values; arithmetic and comparison on their integers.
Ops.hexmode <- function(e1, e2) .ops_mode(.Generic, e1, e2, as.hexmode, nargs())

## Bitwise & | and ! on octmode values; arithmetic and comparison on their integers.
Ops.octmode <- function(e1, e2) .ops_mode(.Generic, e1, e2, as.octmode, nargs())

## The operators on hexmode and octmode values.
.ops_mode <- function(op, e1, e2, as_mode, n) {
    if (n == 1L) {
        if (op == "!") return(as_mode(bitwNot(as.integer(unclass(e1)))))
        return(get(op)(unclass(e1)))
    }
    a <- as.integer(unclass(as_mode(e1)))
    b <- as.integer(unclass(as_mode(e2)))
    switch(op,
        `&` = as_mode(bitwAnd(a, b)),
        `|` = as_mode(bitwOr(a, b)),
        `+` = , `-` = , `*` = , `%/%` = , `%%` = as_mode(as.integer(get(op)(a, b))),
        get(op)(a, b))
}

## Integers 1..3899 written as Roman numerals: class "roman".
as.roman <- function(x) {
    if (inherits(x, "roman")) return(x)
    if (is.character(x)) {
        v <- suppressWarnings(as.integer(x))
        todo <- is.na(v) & !is.na(x)
        v[todo] <- vapply(toupper(x[todo]), .roman2int, 0L)
        x <- v
    }
    x <- as.integer(x)
    x[!is.na(x) & (x <= 0L | x >= 3900L)] <- NA_integer_
    structure(x, class = "roman")
}

## The values of the Roman numeral symbols, largest first.
.roman_vals <- c(M = 1000L, CM = 900L, D = 500L, CD = 400L, C = 100L, XC = 90L,
                 L = 50L, XL = 40L, X = 10L, IX = 9L, V = 5L, IV = 4L, I = 1L)

## The integer a Roman numeral string stands for (NA when malformed).
.roman2int <- function(s) {
    if (!grepl("^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$", s) || s == "") return(NA_integer_)
    total <- 0L
    while (nchar(s) > 0L) {
        for (k in names(.roman_vals)) {
            if (startsWith(s, k)) {
                total <- total + .roman_vals[[k]]
                s <- substring(s, nchar(k) + 1L)
                break
            }
        }
    }
    total
}

## Roman numerals as strings.
as.character.roman <- function(x, ...) {
    vapply(unclass(x), function(v) {
        if (is.na(v)) return(NA_character_)
        s <- ""
        for (k in names(.roman_vals)) {
            while (v >= .roman_vals[[k]]) {
                s <- paste0(s, k)
                v <- v - .roman_vals[[k]]
            }
        }
        s
    }, "")
}

## Roman numerals formatted as strings.
format.roman <- function(x, ...) format(as.character.roman(x), ...)

## Prints Roman numerals unquoted.
print.roman <- function(x, ...) {
    print(noquote(as.character.roman(x)), ...)
    invisible(x)
}

## Subsetting keeps the class.
`[.roman` <- function(x, i) structure(unclass(x)[i], class = "roman")

## Arithmetic on Roman numerals gives Roman numerals; comparisons give logicals.
Ops.roman <- function(e1, e2) {
    a <- as.integer(unclass(as.roman(e1)))
    if (nargs() == 1L) return(as.roman(get(.Generic)(a)))
    b <- as.integer(unclass(as.roman(e2)))
    r <- get(.Generic)(a, b)
    if (.Generic %in% c("+", "-", "*", "%/%", "%%", "^", "/")) as.roman(r) else r
}

## max, min, range and sum of Roman numerals.
Summary.roman <- function(..., na.rm = FALSE) {
    x <- unlist(lapply(list(...), function(v) as.integer(unclass(as.roman(v)))))
    r <- get(.Generic)(x, na.rm = na.rm)
    if (.Generic %in% c("max", "min", "range", "sum")) as.roman(r) else r
}
