## The declared encoding of strings: "UTF-8" for those with non-ASCII characters, else "unknown".
Encoding <- function(x) {
    if (!is.character(x)) stop("a character vector argument expected")
    ifelse(!is.na(x) & grepl("[^\001-\177]", x), "UTF-8", "unknown")
}

## Declares the encoding of strings (rsc's strings are always UTF-8: unchanged).
`Encoding<-` <- function(x, value) {
    if (!is.character(x)) stop("a character vector argument expected")
    x
}

## Strings converted to UTF-8 (they already are).
enc2utf8 <- function(x) {
    if (!is.character(x)) stop("argument is not a character vector")
    x
}

## Strings converted to the native encoding (UTF-8).
enc2native <- function(x) {
    if (!is.character(x)) stop("argument is not a character vector")
    x
}

## Whether strings are valid UTF-8 (rsc's always are).
validUTF8 <- function(x) {
    if (!is.character(x)) stop("invalid 'x' argument")
    rep(TRUE, length(x))
}

## Whether strings are valid in the native encoding (UTF-8).
validEnc <- function(x) validUTF8(x)

## Converts strings between encodings: to ASCII, characters outside it become NA, or sub
## for each byte ("byte": <xx>, "Unicode": <U+xxxx>), or (//TRANSLIT) their base letters.
iconv <- function(x, from = "", to = "", sub = NA, mark = TRUE, toRaw = FALSE) {
    if (is.factor(x)) x <- as.character(x)
    if (is.list(x)) x <- vapply(x, function(r) if (is.raw(r)) rawToChar(r) else NA_character_, "")
    if (!is.character(x)) x <- as.character(x)
    up <- toupper(to)
    out <- x
    if (startsWith(up, "ASCII")) {
        translit <- grepl("TRANSLIT", up, fixed = TRUE)
        out <- vapply(x, function(s) {
            if (is.na(s) || !grepl("[^\001-\177]", s)) return(s)
            chars <- strsplit(s, "")[[1L]]
            bad <- vapply(chars, function(ch) utf8ToInt(ch) > 127L, NA)
            if (translit) {
                chars[bad] <- vapply(chars[bad], .ascii_fold, "")
                return(paste(chars, collapse = ""))
            }
            if (is.na(sub)) return(NA_character_)
            chars[bad] <- vapply(chars[bad], function(ch) {
                if (sub == "Unicode") sprintf("<U+%04X>", utf8ToInt(ch))
                else if (sub == "byte") paste0("<", as.character(charToRaw(ch)), ">", collapse = "")
                else strrep(sub, length(charToRaw(ch)))
            }, "")
            paste(chars, collapse = "")
        }, "", USE.NAMES = FALSE)
    }
    if (toRaw) return(lapply(out, function(s) if (is.na(s)) NULL else charToRaw(s)))
    out
}

## The ASCII letter a Latin accented letter is written with ("?" for others).
.ascii_fold <- function(ch) {
    from <- "\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f9\u00fa\u00fb\u00fc\u00fd\u00ff\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d9\u00da\u00db\u00dc\u00dd"
    to <- "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUY"
    k <- regexpr(ch, from, fixed = TRUE)
    if (k > 0) substr(to, k, k) else "?"
}

## The encodings iconv knows.
iconvlist <- function() c("ASCII", "LATIN1", "UTF-8")

## Strings escaped as print shows them (quote added and escaped when given), padded to width.
encodeString <- function(x, width = 0L, quote = "", na.encode = TRUE, justify = "left") {
    justify <- match.arg(justify, c("left", "right", "centre", "none"))
    na <- is.na(x)
    x <- as.character(x)
    y <- vapply(x, function(s) {
        if (is.na(s)) return(NA_character_)
        ch <- strsplit(s, "")[[1L]]
        ch[ch == "\\"] <- "\\\\"
        ch[ch == "\n"] <- "\\n"
        ch[ch == "\t"] <- "\\t"
        ch[ch == "\r"] <- "\\r"
        ch[ch == "\b"] <- "\\b"
        ch[ch == "\f"] <- "\\f"
        ch[ch == "\v"] <- "\\v"
        ch[ch == "\a"] <- "\\a"
        if (nzchar(quote)) ch[ch == quote] <- paste0("\\", quote)
        paste0(quote, paste(ch, collapse = ""), quote)
    }, "", USE.NAMES = FALSE)
    y[na] <- if (na.encode) "NA" else NA_character_
    if (is.na(width)) width <- max(0L, nchar(y[!is.na(y)], "w"))
    if (width > 0 && justify != "none") {
        pad <- pmax(0L, width - nchar(y, "w"))
        y <- switch(justify,
            left = paste0(y, strrep(" ", pad)),
            right = paste0(strrep(" ", pad), y),
            centre = paste0(strrep(" ", pad %/% 2L), y, strrep(" ", pad - pad %/% 2L)))
    }
    y
}

## The width (and for numbers, digits after the point and exponent digits) format() uses.
format.info <- function(x, digits = NULL, nsmall = 0L) {
    if (is.character(x)) return(max(0L, nchar(x[!is.na(x)], "w"), if (anyNA(x)) 2L))
    f <- format(x, digits = digits, nsmall = nsmall)
    w <- max(nchar(f))
    if (!is.double(x)) return(w)
    num <- f[!grepl("NA|NaN|Inf", f)]
    if (!length(num)) return(c(w, 0L, 0L))
    sci <- grepl("e", num, fixed = TRUE)
    mant <- sub("e.*", "", trimws(num))
    d <- max(0L, nchar(sub("^[^.]*\\.?", "", mant)))
    e <- if (any(sci)) max(1L, nchar(sub(".*e[+-]", "", num[sci])) - 1L) else 0L
    c(w, d, e)
}

## Tests files: "-f" regular file, "-d" folder, "-h"/"-L" symbolic link, "-x"/"-w"/"-r"
## accessible, "-nt"/"-ot" newer/older than y.
file_test <- function(op, x, y) {
    switch(op,
        "-f" = !is.na(isdir <- file.info(x, extra_cols = FALSE)$isdir) & !isdir,
        "-d" = dir.exists(x),
        "-h" = , "-L" = nzchar(Sys.readlink(x)) & !is.na(Sys.readlink(x)),
        "-nt" = (!is.na(mt.x <- file.mtime(x)) & !is.na(mt.y <- file.mtime(y)) & (mt.x > mt.y)),
        "-ot" = (!is.na(mt.x <- file.mtime(x)) & !is.na(mt.y <- file.mtime(y)) & (mt.x < mt.y)),
        "-x" = (file.access(x, 1L) == 0L),
        "-w" = (file.access(x, 2L) == 0L),
        "-r" = (file.access(x, 4L) == 0L),
        stop(gettextf("test '%s' is not available", op), domain = NA))
}

## The sizes of files in bytes (NA for missing ones).
file.size <- function(...) file.info(..., extra_cols = FALSE)$size

## The modification times of files.
file.mtime <- function(...) file.info(..., extra_cols = FALSE)$mtime

## The permission modes of files.
file.mode <- function(...) file.info(..., extra_cols = FALSE)$mode

## The connections in use, as a matrix of description, class, mode, text, isopen, can read, can write.
showConnections <- function(all = FALSE) {
    cols <- c("description", "class", "mode", "text", "isopen", "can read", "can write")
    ids <- if (all) 0:2 else integer()
    rows <- lapply(ids, function(i) {
        s <- summary.connection(structure(i, class = c("terminal", "connection")))
        c(s$description, s$class, s$mode, s$text, s$opened, s[["can read"]], s[["can write"]])
    })
    m <- matrix(unlist(rows), ncol = 7L, byrow = TRUE, dimnames = list(as.character(ids), cols))
    m
}
