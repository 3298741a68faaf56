## formatDL(x, y, style = c("table", "list"), width = 0.9 * getOption("width"), indent = NULL): items and their descriptions as a two-column table or as "item: description" paragraphs, one string per item.
formatDL <- function(x, y, style = c("table", "list"), width = 0.9 * getOption("width"), indent = NULL) {
    if (is.list(x)) {
        if (length(x) != 2L || length(x[[1L]]) != length(x[[2L]])) stop("incorrect value for 'x'")
        y <- x[[2L]]; x <- x[[1L]]
    } else if (is.matrix(x)) {
        if (NCOL(x) != 2L) stop("incorrect value for 'x'")
        y <- x[, 2L]; x <- x[, 1L]
    } else if (missing(y) && !is.null(names(x))) {
        y <- x; x <- names(x)
    } else if (length(x) != length(y)) stop("'x' and 'y' must have the same length")
    x <- as.character(x)
    if (length(x) == 0L) return(x)
    y <- as.character(y)
    style <- match.arg(style)
    if (is.null(indent)) indent <- if (style == "table") width / 3 else width / 9
    indent <- min(indent, width / 2)
    pad <- strrep(" ", indent)
    if (style == "list") {
        parts <- strwrap(paste0(x, ": ", y), width = width, exdent = indent, simplify = FALSE)
        return(vapply(parts, paste, "", collapse = "\n"))
    }
    long <- nchar(x, type = "w") > indent - 3L
    x[long] <- paste0(x[long], "\n", pad)
    x[!long] <- formatC(x[!long], width = indent, flag = "-")
    wrapped <- strwrap(y, width = width - indent, simplify = FALSE)
    paste0(x, vapply(wrapped, paste, "", collapse = paste0("\n", pad)))
}

## Lines of a list: each label right-justified after offset spaces, its text wrapped beside it.
.rl_lines <- function(labels, x, offset, width) {
    labels <- format(labels, justify = "right")
    lead <- nchar(labels[1L], "width") + offset
    out <- character()
    for (k in seq_along(x)) {
        w <- strwrap(x[k], width = width - lead - 1L)
        pre <- c(paste0(strrep(" ", offset), labels[k]), rep.int(strrep(" ", lead), length(w) - 1L))
        out <- c(out, paste(pre[seq_along(w)], w))
    }
    out
}

## formatUL(x, label = "*", offset = 0, width = 0.9 * getOption("width")): the lines of an itemized list, each item marked by label.
formatUL <- function(x, label = "*", offset = 0, width = 0.9 * getOption("width")) {
    if (length(x) == 0L) return(character())
    .rl_lines(rep_len(label, length(x)), x, offset, width)
}

## formatOL(x, type = "arabic", offset = 0, start = 1, width = 0.9 * getOption("width")): the lines of an enumerated list numbered 1., A., a., I. or i.
formatOL <- function(x, type = "arabic", offset = 0, start = 1, width = 0.9 * getOption("width")) {
    if (length(x) == 0L) return(character())
    short <- c(arabic = "1", Alph = "A", alph = "a", Roman = "I", roman = "i")
    type <- match.arg(type, c(short, names(short)))
    if (type %in% names(short)) type <- short[[type]]
    nums <- seq.int(start[1L], length.out = length(x))
    top <- nums[length(nums)]
    labels <- switch(type,
        "1" = as.character(nums),
        A = , a = {
            if (top > 26L) stop(gettextf("too many list items (at most up to %d)", 26L))
            if (type == "A") LETTERS[nums] else letters[nums]
        },
        I = , i = {
            if (top > 3899L) stop(gettextf("too many list items (at most up to %d)", 3899L))
            r <- as.character(as.roman(nums))
            if (type == "i") tolower(r) else r
        })
    .rl_lines(paste0(labels, "."), x, offset, width)
}

## Prints a description list (class "Dlist", as Sys.getenv() returns) through formatDL.
print.Dlist <- function(x, ...) {
    if (!is.list(x) && !is.matrix(x) && is.null(names(x))) {
        print(unclass(x), ...)
        return(invisible(x))
    }
    cat(formatDL(x, ...), sep = "\n")
    invisible(x)
}
