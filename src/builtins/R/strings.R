# String functions written in R over rsc's builtins (see r_defined.rs).

## Wraps each string of x into lines shorter than width (paragraphs are separated by
## blank lines; a sentence end followed by two spaces keeps them), indenting the first
## line of each paragraph by indent and the others by exdent, each line prefixed.
strwrap <- function(x, width = 0.9 * getOption("width"), indent = 0, exdent = 0,
                    prefix = "", simplify = TRUE, initial = prefix) {
    x <- as.character(x)
    out <- vector("list", length(x))
    first_line <- TRUE
    for (i in seq_along(x)) {
        lines <- character()
        paras <- strsplit(x[i], "\n[ \t\n]*\n", perl = TRUE)[[1L]]
        if (length(paras) == 0L) paras <- ""
        for (p in seq_along(paras)) {
            para <- paras[p]
            if (p > 1L) {
                lines <- c(lines, if (first_line) initial else prefix)
                first_line <- FALSE
            }
            tokens <- strsplit(sub("^[ \t\n]+", "", para), "[ \t\n]", perl = TRUE)[[1L]]
            words <- character()
            wide <- logical()
            for (k in seq_along(tokens)) {
                if (!nzchar(tokens[k])) {
                    if (length(words)) wide[length(words)] <- TRUE
                    next
                }
                words <- c(words, tokens[k])
                wide <- c(wide, FALSE)
            }
            ends <- grepl("[.?!][)\"']*$", words) & wide
            lead <- function() if (first_line) initial else prefix
            if (length(words) == 0L) {
                lines <- c(lines, lead())
                first_line <- FALSE
                next
            }
            pad <- indent
            cur <- character()
            used <- nchar(lead()) + pad
            for (k in seq_along(words)) {
                w <- nchar(words[k])
                if (length(cur) && used + w > width - 1) {
                    cur <- cur[-length(cur)]
                    lines <- c(lines, paste0(lead(), strrep(" ", pad), paste(cur, collapse = "")))
                    first_line <- FALSE
                    pad <- exdent
                    cur <- character()
                    used <- nchar(lead()) + pad
                }
                sep <- if (ends[k]) "  " else " "
                cur <- c(cur, words[k], sep)
                used <- used + w + nchar(sep)
            }
            cur <- cur[-length(cur)]
            lines <- c(lines, paste0(lead(), strrep(" ", pad), paste(cur, collapse = "")))
            first_line <- FALSE
        }
        out[[i]] <- lines
    }
    if (simplify) as.character(unlist(out)) else out
}
