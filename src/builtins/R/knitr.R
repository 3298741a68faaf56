## A table as Markdown (pipe) text, as knitr's kable() writes it: numeric columns
## right-aligned and formatted to `digits`, others left-aligned, row names shown unless
## they are the automatic 1..n. In a report the table becomes part of the Markdown.
kable <- function(x, format = "pipe", digits = getOption("digits"), row.names = NA,
                  col.names = NA, align, caption = NULL, ...) {
    if (!is.data.frame(x)) x <- as.data.frame(x)
    rn <- row.names(x)
    if (is.na(row.names))
        row.names <- !identical(rn, as.character(seq_len(nrow(x))))
    num <- vapply(x, is.numeric, NA)
    cells <- lapply(x, function(col) {
        out <- if (is.numeric(col)) format(round(col, digits), trim = TRUE)
               else as.character(col)
        out[is.na(col)] <- "NA"
        out
    })
    header <- if (length(col.names) == 1L && is.na(col.names)) names(x) else col.names
    al <- if (missing(align)) ifelse(num, "r", "l")
          else rep(if (length(align) == 1L) strsplit(align, "")[[1L]] else align, length.out = length(cells))
    if (row.names) {
        cells <- c(list(rn), cells)
        header <- c("", header)
        al <- c("l", al)
    }
    w <- pmax(3L, mapply(function(h, c) max(nchar(c(h, c))), header, cells))
    pad <- function(s, w, a) {
        gap <- strrep(" ", w - nchar(s))
        if (a == "r") paste0(gap, s)
        else if (a == "c") paste0(substr(gap, 1L, (w - nchar(s)) %/% 2L), s,
                                  substr(gap, 1L, w - nchar(s) - (w - nchar(s)) %/% 2L))
        else paste0(s, gap)
    }
    row <- function(v) paste0("|", paste(v, collapse = "|"), "|")
    rule <- mapply(function(w, a) {
        if (a == "r") paste0(strrep("-", w - 1L), ":")
        else if (a == "c") paste0(":", strrep("-", w - 2L), ":")
        else paste0(":", strrep("-", w - 1L))
    }, w, al)
    lines <- c(row(mapply(pad, header, w, al)), row(rule))
    for (i in seq_len(nrow(x)))
        lines <- c(lines, row(mapply(function(c, w, a) pad(c[i], w, a), cells, w, al)))
    if (!is.null(caption)) lines <- c(paste0("Table: ", caption), "", lines)
    structure(lines, format = format, class = "knitr_kable")
}

## Prints a kable() table: a blank line, then its lines.
print.knitr_kable <- function(x, ...) {
    cat("\n\n")
    cat(x, sep = "\n")
    invisible(x)
}
