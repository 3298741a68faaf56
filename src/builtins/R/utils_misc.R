## The objects of an environment (by default the caller's) with their str() summaries; lsf.str lists only functions.
ls.str <- function(pos = -1, name, envir, all.names = FALSE, pattern, mode = "any") {
    if (missing(envir)) envir <- if (is.environment(pos)) pos else parent.frame()
    nms <- ls(envir = envir, all.names = all.names)
    if (!missing(pattern)) nms <- grep(pattern, nms, value = TRUE)
    if (mode != "any") nms <- nms[vapply(nms, function(n) exists(n, envir = envir, mode = mode, inherits = FALSE), NA)]
    structure(nms, envir = envir, mode = mode, class = "ls_str")
}

## The functions of an environment with their argument lists.
lsf.str <- function(pos = -1, envir, ...) {
    if (missing(envir)) envir <- if (is.environment(pos)) pos else parent.frame()
    ls.str(envir = envir, mode = "function", ...)
}

## Prints each listed object as `name : ` followed by its str().
print.ls_str <- function(x, max.level = 1, give.attr = FALSE, ..., digits = max(1, getOption("str")$digits.d)) {
    env <- attr(x, "envir")
    for (nam in x) {
        cat(nam, ": ")
        o <- get(nam, envir = env)
        str(o, max.level = max.level, give.attr = give.attr, ...)
    }
    invisible(x)
}

## The allocation class (bytes) R uses for a vector payload of b bytes.
.alloc_bytes <- function(b) {
    if (b == 0) 0 else if (b <= 8) 8 else if (b <= 16) 16 else if (b <= 32) 32 else if (b <= 48) 48
    else if (b <= 64) 64 else if (b <= 128) 128 else 8 * ceiling(b / 8)
}

## The bytes object.size counts for a value: its vector cell in R's allocation classes, strings once each, and each attribute.
.object_bytes <- function(x) {
    n <- length(x)
    size <- switch(typeof(x),
        "NULL" = 0, symbol = 56, environment = 56, builtin = 56, special = 56, externalptr = 56,
        logical = , integer = 48 + .alloc_bytes(4 * n),
        double = 48 + .alloc_bytes(8 * n),
        complex = 48 + .alloc_bytes(16 * n),
        raw = 48 + .alloc_bytes(n),
        character = {
            u <- unique(x[!is.na(x)])
            48 + .alloc_bytes(8 * n) + sum(vapply(nchar(u, type = "bytes"), function(k) 48 + .alloc_bytes(k + 1), 0))
        },
        list = , expression = 48 + .alloc_bytes(8 * n) + sum(vapply(x, .object_bytes, 0)),
        closure = 56 + .pairlist_bytes(formals(x)) + .object_bytes(body(x)),
        language = 56 * n + sum(vapply(as.list(x), function(e) if (missing(e)) 56 else .object_bytes(e), 0)),
        56)
    a <- attributes(x)
    if (is.language(x) || is.function(x)) a <- NULL
    for (nm in names(a)) {
        v <- a[[nm]]
        vb <- if (nm == "row.names" && is.integer(v) && identical(v, seq_along(v))) 56 else .object_bytes(v)
        size <- size + 112 + vb
    }
    size
}

## The bytes object.size counts for an argument list (a node, its tag and its value per entry).
.pairlist_bytes <- function(p) {
    if (is.null(p)) return(0)
    sum(vapply(seq_along(p), function(i) { e <- p[[i]]; 112 + if ((is.symbol(e) || is.character(e)) && length(e) == 1L && !nzchar(as.character(e))) 56 else .object_bytes(e) }, 0))
}

## An estimate of the memory an object takes, in bytes, counted as R counts it.
object.size <- function(x) structure(.object_bytes(x), class = "object_size")

## Formats an object size in bytes or in units ("Kb", "Mb", ..., "auto").
format.object_size <- function(x, units = "b", standard = "auto", digits = 1L, ...) {
    b <- unclass(x)
    legacy <- c("b", "Kb", "Mb", "Gb", "Tb", "Pb")
    iec <- c("B", "KiB", "MiB", "GiB", "TiB", "PiB")
    si <- c("B", "kB", "MB", "GB", "TB", "PB")
    if (units == "auto") {
        k <- if (b >= 1024) min(floor(log(b, 1024)), 5) else 0
        units <- if (standard == "SI") si[k + 1L] else if (standard == "IEC") iec[k + 1L] else legacy[k + 1L]
    }
    if (units %in% c("b", "B")) return(paste(b, "bytes"))
    k <- match(units, legacy)
    base <- 1024
    if (is.na(k)) { k <- match(units, iec); if (is.na(k)) { k <- match(units, si); base <- 1000 } }
    if (is.na(k)) stop("invalid 'units' argument")
    paste(round(b / base^(k - 1L), digits = digits), units)
}

## Prints an object size (see format.object_size).
print.object_size <- function(x, quote = FALSE, units = "b", standard = "auto", digits = 1L, ...) {
    y <- format.object_size(x, units = units, standard = standard, digits = digits)
    if (quote) print.default(y, ...) else cat(y, "\n", sep = "")
    invisible(x)
}

## Compares two version strings: -1, 0 or 1.
compareVersion <- function(a, b) {
    if (is.na(a)) return(-1L)
    if (is.na(b)) return(1L)
    a <- as.integer(strsplit(a, "[.-]")[[1L]])
    b <- as.integer(strsplit(b, "[.-]")[[1L]])
    for (k in seq_len(min(length(a), length(b)))) {
        if (a[k] > b[k]) return(1)
        if (a[k] < b[k]) return(-1L)
    }
    if (length(b) > length(a)) return(-1L)
    if (length(a) > length(b)) return(1)
    0
}

## Turns a wildcard pattern (*, ?) into a regular expression.
glob2rx <- function(pattern, trim.head = FALSE, trim.tail = TRUE) {
    p <- gsub("\\.", "\\\\.", paste0("^", pattern))
    p <- gsub("\\*", ".*", gsub("\\?", ".", p))
    p <- gsub("([^\\])([[({])", "\\1\\\\\\2", p)
    p <- paste0(p, "$")
    if (trim.tail) p <- sub("\\.\\*\\$$", "", p)
    if (trim.head) p <- sub("^\\^\\.\\*", "", p)
    p
}

## Percent-encodes the characters of a URL that are not allowed (reserved = TRUE: also the reserved ones).
URLencode <- function(URL, reserved = FALSE, repeated = FALSE) {
    ok <- paste0("[^", if (!reserved) "][!$&'()*+,;=:/?@#", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-", "]")
    vapply(URL, function(u) {
        if (!repeated && grepl("%[[:xdigit:]]{2}", u, useBytes = TRUE)) return(u)
        chars <- strsplit(u, "")[[1L]]
        enc <- grepl(ok, chars)
        chars[enc] <- vapply(chars[enc], function(ch) paste0(sprintf("%%%02X", .utf8_bytes(utf8ToInt(ch))), collapse = ""), "")
        paste(chars, collapse = "")
    }, "", USE.NAMES = FALSE)
}

## The UTF-8 bytes of one code point.
.utf8_bytes <- function(cp) {
    if (cp < 128) cp else if (cp < 2048) c(192 + cp %/% 64, 128 + cp %% 64)
    else if (cp < 65536) c(224 + cp %/% 4096, 128 + (cp %/% 64) %% 64, 128 + cp %% 64)
    else c(240 + cp %/% 262144, 128 + (cp %/% 4096) %% 64, 128 + (cp %/% 64) %% 64, 128 + cp %% 64)
}

## Decodes percent-encoded characters of a URL.
URLdecode <- function(URL) {
    vapply(URL, function(u) {
        x <- strsplit(u, "")[[1L]]
        out <- character(); i <- 1L
        while (i <= length(x)) {
            if (x[i] == "%" && i + 2L <= length(x)) {
                out <- c(out, intToUtf8(strtoi(paste0(x[i + 1L], x[i + 2L]), 16L))); i <- i + 3L
            } else { out <- c(out, x[i]); i <- i + 1L }
        }
        paste(out, collapse = "")
    }, "", USE.NAMES = FALSE)
}

## Converts character data to logical, integer, double, complex or (as.is = FALSE) factor, as read.table does.
type.convert <- function(x, ...) UseMethod("type.convert")

## type.convert for vectors.
type.convert.default <- function(x, na.strings = "NA", as.is, dec = ".", numerals = "allow.loss", tryLogical = TRUE, ...) {
    if (is.list(x)) { x[] <- lapply(x, type.convert.default, na.strings = na.strings, as.is = as.is, dec = dec, ...); return(x) }
    if (missing(as.is)) { warning("'as.is' should be specified by the caller; using TRUE"); as.is <- TRUE }
    if (!is.character(x)) { if (is.factor(x)) x <- as.character(x) else return(x) }
    v <- x; v[v %in% na.strings] <- NA
    t <- trimws(v)
    s <- t[!is.na(t)]
    if (dec != ".") s <- sub(dec, ".", s, fixed = TRUE)
    if (tryLogical && all(s %in% c("T", "F", "TRUE", "FALSE", "true", "false", "True", "False"))) return(as.logical(t))
    if (all(grepl("^[-+]?[0-9]+$", s))) {
        i <- suppressWarnings(as.numeric(s))
        if (all(abs(i) <= .Machine$integer.max)) return(as.integer(t))
    }
    num <- suppressWarnings(as.numeric(if (dec != ".") sub(dec, ".", t, fixed = TRUE) else t))
    if (!anyNA(num[!is.na(t)]) && length(s)) return(num)
    if (length(s) == 0L) return(as.logical(t))
    if (as.is) v else factor(v)
}

## type.convert of each column of a data frame.
type.convert.data.frame <- function(x, ...) { x[] <- lapply(x, type.convert, ...); x }

## type.convert of each element of a list.
type.convert.list <- function(x, ...) { x[] <- lapply(x, type.convert, ...); x }

## Runs the examples of a help topic; rsc carries no examples of R's help pages, so it warns as R does for an unknown topic.
example <- function(topic, package = NULL, lib.loc = NULL, character.only = FALSE, give.lines = FALSE, local = FALSE, type = c("console", "html"), echo = TRUE, verbose = getOption("verbose"), setRNG = FALSE, ask = FALSE, prompt.prefix = "", run.dontrun = FALSE, run.donttest = interactive()) {
    if (!character.only) topic <- deparse1(substitute(topic))
    warning(gettextf("no help found for %s", sQuote(topic)), call. = FALSE)
    invisible()
}

## The names of all objects (on the search path) whose name matches a regular expression.
apropos <- function(what, where = FALSE, ignore.case = TRUE, dot_internals = FALSE, mode = "any") {
    nms <- unique(c(ls(globalenv(), all.names = TRUE), ls(baseenv(), all.names = TRUE)))
    hit <- grepl(what, nms, ignore.case = ignore.case)
    if (mode != "any") hit <- hit & vapply(nms, function(n) exists(n, mode = mode), NA)
    sort(nms[hit])
}

## Where on the search path objects of a name are found.
find <- function(what, mode = "any", numeric = FALSE, simple.words = TRUE) {
    sp <- search()
    found <- vapply(sp, function(s) {
        env <- if (s == ".GlobalEnv") globalenv() else tryCatch(as.environment(s), error = function(e) NULL)
        !is.null(env) && exists(what, envir = env, mode = mode, inherits = FALSE)
    }, NA)
    if (numeric) which(found) else sp[found]
}

## Whether a function name is an S3 method (generic.class).
isS3method <- function(method, f, class, envir = parent.frame()) {
    if (missing(method)) method <- paste(f, class, sep = ".")
    parts <- strsplit(method, ".", fixed = TRUE)[[1L]]
    if (length(parts) < 2L) return(FALSE)
    for (k in seq_len(length(parts) - 1L)) {
        gen <- paste(parts[seq_len(k)], collapse = ".")
        if (exists(gen, envir = envir, mode = "function") && exists(method, envir = envir, mode = "function")) return(TRUE)
    }
    FALSE
}

## All objects of a name found anywhere (here: the search path), with where they were found.
getAnywhere <- function(x) {
    if (!is.character(x)) x <- deparse(substitute(x))
    objs <- list(); where <- character()
    for (s in search()) {
        env <- if (s == ".GlobalEnv") globalenv() else tryCatch(as.environment(s), error = function(e) NULL)
        if (!is.null(env) && exists(x, envir = env, inherits = FALSE)) { objs <- c(objs, list(get(x, envir = env))); where <- c(where, s) }
    }
    if (!length(objs) && exists(x)) { objs <- list(get(x)); where <- "package:base" }
    structure(list(name = x, objs = objs, where = where, visible = rep(TRUE, length(objs)), dups = rep(FALSE, length(objs))), class = "getAnywhere")
}

## Prints what getAnywhere found.
print.getAnywhere <- function(x, ...) {
    n <- length(x$objs)
    if (n == 0L) cat("no object named", sQuote(x$name), "was found\n")
    else {
        cat(if (n == 1L) "A single object" else paste(n, "differing objects"), " matching ", sQuote(x$name), " was found\n", sep = "")
        cat("It was found in the following places\n"); cat(paste0("  ", x$where), sep = "\n")
        cat("with value\n\n"); print(x$objs[[1L]])
    }
    invisible(x)
}

## A text progress bar on the console (styles 1 and 3), updated with setTxtProgressBar and closed with close().
txtProgressBar <- function(min = 0, max = 1, initial = 0, char = "=", width = NA, title, label, style = 1, file = "") {
    if (is.na(width)) {
        width <- trunc(getOption("width") / nchar(char, "w"))
        if (style == 3L) width <- width - 10L
    }
    state <- new.env()
    state$value <- initial; state$shown <- 0L; state$pct <- -1L; state$killed <- FALSE
    draw <- function(value) {
        if (!is.finite(value) || value < min || value > max) return(invisible())
        state$value <- value
        nb <- round(width * (value - min) / (max - min))
        if (style == 1L) {
            if (nb > state$shown) cat(strrep(char, nb - state$shown), file = file)
            else if (nb < state$shown) cat("\r", strrep(" ", width), "\r", strrep(char, nb), sep = "", file = file)
            state$shown <- nb
        } else {
            pc <- round(100 * (value - min) / (max - min))
            if (nb == state$shown && pc == state$pct) return(invisible())
            cat(paste0("\r  |", strrep(" ", width + 6L)), file = file)
            cat(paste(c("\r  |", rep.int(char, nb), rep.int(" ", width - nb), sprintf("| %3d%%", pc)), collapse = ""), file = file)
            state$shown <- nb; state$pct <- pc
        }
        flush.console()
    }
    getVal <- function() state$value
    kill <- function() if (!state$killed) { cat("\n", file = file); flush.console(); state$killed <- TRUE }
    up <- function(value) draw(value)
    draw(initial)
    structure(list(getVal = getVal, up = up, kill = kill), class = "txtProgressBar")
}

## Moves a text progress bar to value; returns the old value invisibly.
setTxtProgressBar <- function(pb, value, title = NULL, label = NULL) {
    old <- pb$getVal(); pb$up(value); invisible(old)
}

## The current value of a text progress bar.
getTxtProgressBar <- function(pb) pb$getVal()

## Ends a text progress bar (a newline).
close.txtProgressBar <- function(con, ...) { con$kill(); invisible(NULL) }

## Captures the groups of a regular expression in each string into the columns of a data frame shaped like proto.
strcapture <- function(pattern, x, proto, perl = FALSE, useBytes = FALSE) {
    m <- regexec(pattern, x, perl = perl, useBytes = useBytes)
    parts <- regmatches(x, m)
    k <- length(proto)
    rows <- lapply(parts, function(p) if (length(p) == k + 1L) p[-1L] else rep(NA_character_, k))
    mat <- matrix(unlist(rows), ncol = k, byrow = TRUE)
    out <- lapply(seq_len(k), function(j) { v <- mat[, j]; storage.mode(v) <- typeof(proto[[j]]); if (is.factor(proto[[j]])) v <- factor(v, levels = levels(proto[[j]])); v })
    names(out) <- names(proto)
    as.data.frame(out, stringsAsFactors = FALSE)
}

## Information about the R session: version, platform, locale and attached packages.
sessionInfo <- function() {
    structure(list(R.version = R.version, platform = R.version$platform, running = "rsc", basePkgs = c("stats", "graphics", "grDevices", "utils", "datasets", "methods", "base")), class = "sessionInfo")
}

## Prints sessionInfo().
print.sessionInfo <- function(x, ...) {
    cat(R.version.string, "\n", sep = "")
    cat("Platform: ", x$platform, "\n", sep = "")
    cat("Running under: ", x$running, "\n\n", sep = "")
    cat("attached base packages:\n"); print(x$basePkgs)
    invisible(x)
}

## The number of fields on each line of a file, split at sep (white space by default).
count.fields <- function(file, sep = "", quote = "\"'", skip = 0, blank.lines.skip = TRUE, comment.char = "#") {
    lines <- readLines(file)
    if (skip > 0) lines <- lines[-seq_len(skip)]
    if (nzchar(comment.char)) lines <- sub(paste0("[", comment.char, "].*$"), "", lines)
    if (blank.lines.skip) lines <- lines[grepl("[^[:space:]]", lines)]
    vapply(lines, function(l) {
        if (sep == "") length(strsplit(trimws(l), "[[:space:]]+")[[1L]])
        else length(strsplit(paste0(l, " "), sep, fixed = TRUE)[[1L]])
    }, 0L, USE.NAMES = FALSE)
}

## Reads a fixed-width format file: fields of the given widths (negative widths skip columns).
read.fwf <- function(file, widths, header = FALSE, sep = "\t", skip = 0L, row.names, col.names, n = -1L, buffersize = 2000, fileEncoding = "", ...) {
    lines <- readLines(file, n = if (n < 0) -1L else n + skip + header)
    if (skip > 0) lines <- lines[-seq_len(skip)]
    hdr <- NULL
    if (header) { hdr <- strsplit(lines[1L], sep, fixed = TRUE)[[1L]]; lines <- lines[-1L] }
    w <- unlist(widths)
    ends <- cumsum(abs(w)); starts <- ends - abs(w) + 1L
    keep <- w > 0
    fields <- vapply(lines, function(l) paste(substring(l, starts[keep], ends[keep]), collapse = sep), "", USE.NAMES = FALSE)
    args <- list(text = fields, sep = sep, header = FALSE, ...)
    if (!missing(col.names)) args$col.names <- col.names else if (!is.null(hdr)) args$col.names <- hdr
    if (!missing(row.names)) args$row.names <- row.names
    do.call(read.table, args)
}

## The S3 methods of a generic (or, with class, for a class) among the functions visible from
## envir and the base functions: a "MethodsFunction" character vector with an "info" frame.
.S3methods <- function(generic.function, class, envir = parent.frame(), all.names = FALSE,
                       dropPath = FALSE, useEnv = FALSE) {
    fns <- unique(c(ls(envir, all.names = TRUE), ls(.GlobalEnv, all.names = TRUE),
                    ls(baseenv(), all.names = TRUE)))
    isfun <- function(n) exists(n, envir = envir, mode = "function")
    if (!missing(generic.function)) {
        g <- if (is.character(generic.function)) generic.function
             else deparse1(substitute(generic.function))
        if (!isfun(g) && !(g %in% c("Math", "Ops", "Summary", "Complex", "matrixOps")))
            stop(gettextf("no function '%s' is visible", g), domain = NA)
        hits <- fns[startsWith(fns, paste0(g, "."))]
        gen <- rep.int(g, length(hits))
        byclass <- FALSE
    } else if (!missing(class)) {
        suffix <- paste0(".", class)
        hits <- fns[endsWith(fns, suffix) & nchar(fns) > nchar(suffix)]
        gen <- substr(hits, 1L, nchar(hits) - nchar(suffix))
        keep <- vapply(gen, isfun, NA)
        hits <- hits[keep]; gen <- gen[keep]
        byclass <- TRUE
    } else stop("must supply 'generic.function' or 'class'")
    keep <- vapply(hits, isfun, NA)
    hits <- hits[keep]; gen <- gen[keep]
    o <- order(hits)
    hits <- hits[o]; gen <- gen[o]
    from <- vapply(hits, function(n) if (exists(n, envir = .GlobalEnv, inherits = FALSE)) ".GlobalEnv" else "base", "")
    info <- data.frame(visible = rep.int(TRUE, length(hits)), from = unname(from), generic = gen,
                       isS4 = rep.int(FALSE, length(hits)), row.names = hits)
    structure(hits, info = info, byclass = byclass, class = "MethodsFunction")
}

## The S3 methods of a generic function, or for a class (see .S3methods).
methods <- function(generic.function, class) {
    envir <- parent.frame()
    if (!missing(generic.function) && !is.character(generic.function))
        generic.function <- deparse1(substitute(generic.function))
    if (missing(generic.function)) .S3methods(class = class, envir = envir)
    else .S3methods(generic.function, envir = envir)
}

## The method names (generics, for a by-class listing), a star marking invisible ones.
format.MethodsFunction <- function(x, byclass = attr(x, "byclass"), ...) {
    info <- attr(x, "info")
    if (byclass) unique(info$generic)
    else paste0(rownames(info), ifelse(info$visible, "", "*"))
}

## Prints a methods() listing as R does.
print.MethodsFunction <- function(x, byclass = attr(x, "byclass"), ...) {
    values <- format(x, byclass = byclass, ...)
    if (length(values)) {
        print(noquote(values))
        cat("see '?methods' for accessing help and source code\n")
    } else cat("no methods found\n")
    invisible(x)
}

## The names of the objects in the base package.
builtins <- function(internal = FALSE) ls(baseenv(), all.names = TRUE)
