## Translates messages (no translation catalogues: returns the strings unchanged, as character).
gettext <- function(..., domain = NULL, trim = TRUE) {
    unlist(lapply(list(...), as.character))
}

## The singular or plural form of a message for count n (msg1 when n is 1, else msg2).
ngettext <- function(n, msg1, msg2, domain = NULL) {
    if (!is.numeric(n) || length(n) != 1L || is.na(n) || n < 0) stop("invalid 'n' argument")
    if (!is.character(msg1) || length(msg1) != 1L) stop("'msg1' must be a character string")
    if (!is.character(msg2) || length(msg2) != 1L) stop("'msg2' must be a character string")
    if (n == 1) msg1 else msg2
}
