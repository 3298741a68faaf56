## The version of LAPACK in use (rsc's linear algebra follows LAPACK 3.11's algorithms).
La_version <- function() "3.11.0"

## The file of the LAPACK library in use ("" : rsc's linear algebra is built in).
La_library <- function() ""

## Versions of the third-party software rsc builds on, named as R names them.
extSoftVersion <- function() {
    c(zlib = "1.2.13", bzlib = "1.0.8, 13-Jul-2019", xz = "5.4.1",
      PCRE = "10.42 2022-12-11", ICU = "", TRE = "", iconv = "",
      readline = "", BLAS = "")
}

## The version of libcurl (rsc reads no URLs, so none): "" with R's attributes.
libcurlVersion <- function() {
    structure("", ssl_version = "", libssh_version = "", protocols = character())
}

## What the regular expression engine supports.
pcre_config <- function() {
    c(`UTF-8` = TRUE, `Unicode properties` = TRUE, JIT = FALSE, stack = FALSE)
}

## The C stack: its size, use, growth direction and the evaluation depth.
Cstack_info <- function() {
    c(size = 7969177L, current = NA_integer_, direction = 1L, eval_depth = length(sys.calls()))
}

## Time spent collecting garbage (rsc frees memory as it goes: zeros).
gc.time <- function(on = TRUE) c(0, 0, 0, 0, 0)

## Whether garbage collections are reported; returns the previous setting.
gcinfo <- function(verbose) FALSE

## The limit on the vector heap (none).
mem.maxVSize <- function(vsize = 0) Inf

## The limit on the cons-cell heap (none).
mem.maxNSize <- function(nsize = 0) Inf

## Counts of objects by type (rsc does not keep these: an empty count).
memory.profile <- function() integer()

## The package libraries rsc knows: its built-in one.
.libPaths <- function(new, include.site = TRUE) {
    p <- file.path(R.home(), "library")
    if (missing(new)) p else invisible(p)
}

## The base and recommended packages rsc provides, with R's versions.
.rsc_packages <- c("base", "compiler", "datasets", "graphics", "grDevices", "grid",
                   "methods", "parallel", "splines", "stats", "stats4", "tcltk",
                   "tools", "utils", "MASS")

## The folders of packages (an error, or nothing with quiet = TRUE, for unknown ones).
find.package <- function(package = NULL, lib.loc = NULL, quiet = FALSE, verbose = getOption("verbose")) {
    if (is.null(package)) package <- sub("^package:", "", grep("^package:", search(), value = TRUE))
    known <- package[package %in% .rsc_packages]
    if (!quiet && length(known) < length(package)) {
        bad <- package[!package %in% .rsc_packages]
        stop(sprintf(ngettext(length(bad), "there is no package called %s", "there are no packages called %s"),
                     paste(sQuote(bad), collapse = ", ")), call. = FALSE)
    }
    if (length(known)) file.path(.libPaths()[1L], known) else character()
}

## The DESCRIPTION of a package rsc provides, as a "packageDescription" list (NA for others).
packageDescription <- function(pkg, lib.loc = NULL, fields = NULL, drop = TRUE, encoding = "") {
    if (!pkg %in% .rsc_packages) {
        warning(gettextf("no package '%s' was found", pkg), call. = FALSE)
        return(NA)
    }
    ver <- paste(R.version$major, R.version$minor, sep = ".")
    if (pkg == "MASS") ver <- "7.3-58.2"
    desc <- list(Package = pkg, Version = ver,
                 Priority = if (pkg == "MASS") "recommended" else "base",
                 Title = paste("The R", pkg, "Package"),
                 Author = "R Core Team and contributors worldwide",
                 Maintainer = "R Core Team <do-use-Contact-address@r-project.org>",
                 License = "Part of R", Built = paste0("R ", ver, "; ; rsc"))
    if (!is.null(fields)) {
        v <- lapply(fields, function(f) if (is.null(desc[[f]])) NA else desc[[f]])
        if (drop && length(fields) == 1L) return(v[[1L]])
        names(v) <- fields
        desc <- v
    }
    structure(desc, class = "packageDescription")
}

## Prints a package description as its fields, one per line.
print.packageDescription <- function(x, ...) {
    for (n in names(x)) cat(n, ": ", x[[n]], "\n", sep = "")
    invisible(x)
}

## The packages rsc provides, as R's matrix of installed packages.
installed.packages <- function(lib.loc = NULL, priority = NULL, noCache = FALSE, fields = NULL, subarch = NULL, ...) {
    pk <- .rsc_packages
    pri <- ifelse(pk == "MASS", "recommended", "base")
    if (!is.null(priority)) {
        want <- priority
        if ("high" %in% want) want <- c(want, "base", "recommended")
        keep <- pri %in% want
        pk <- pk[keep]
        pri <- pri[keep]
    }
    ver <- paste(R.version$major, R.version$minor, sep = ".")
    cols <- c("Package", "LibPath", "Version", "Priority", "Depends", "Imports",
              "LinkingTo", "Suggests", "Enhances", "License", "License_is_FOSS",
              "License_restricts_use", "OS_type", "MD5sum", "NeedsCompilation", "Built")
    m <- matrix(NA_character_, length(pk), length(cols), dimnames = list(pk, cols))
    m[, "Package"] <- pk
    m[, "LibPath"] <- rep(.libPaths()[1L], length(pk))
    m[, "Version"] <- ifelse(pk == "MASS", "7.3-58.2", ver)
    m[, "Priority"] <- pri
    m[, "License"] <- ifelse(pk == "MASS", "GPL-2 | GPL-3", "Part of R")
    m[, "Built"] <- ver
    m
}

## The folders behind the search path's entries.
searchpaths <- function() {
    s <- search()
    pk <- startsWith(s, "package:")
    s[pk] <- file.path(.libPaths()[1L], substring(s[pk], 9L))
    s
}

## The locale categories R knows.
.LC.categories <- c("LC_ALL", "LC_COLLATE", "LC_CTYPE", "LC_MONETARY", "LC_NUMERIC",
                    "LC_TIME", "LC_MESSAGES", "LC_PAPER", "LC_MEASUREMENT")

## The base namespace (in rsc, the base environment).
.BaseNamespaceEnv <- baseenv()

## Numeric formatting conventions of the locale (C's).
Sys.localeconv <- function() {
    c(decimal_point = ".", thousands_sep = "", grouping = "", int_curr_symbol = "",
      currency_symbol = "", mon_decimal_point = "", mon_thousands_sep = "",
      mon_grouping = "", positive_sign = "", negative_sign = "", int_frac_digits = "127",
      frac_digits = "127", p_cs_precedes = "127", p_sep_by_space = "127",
      n_cs_precedes = "127", n_sep_by_space = "127", p_sign_posn = "127", n_sign_posn = "127")
}

## Where translations of a domain live (rsc has none: NULL).
bindtextdomain <- function(domain, dirname = NULL) NULL

## Registers an S3 method for a generic and class.
.S3method <- function(generic, class, method) {
    if (missing(method)) method <- paste(generic, class, sep = ".")
    if (is.character(method)) method <- get(method, envir = parent.frame())
    assign(paste(generic, class, sep = "."), method, envir = .GlobalEnv)
    invisible(NULL)
}

## Registers an S3 method (the older interface of .S3method).
registerS3method <- function(genname, class, method, envir = parent.frame()) {
    if (is.character(method)) method <- get(method, envir = envir)
    assign(paste(genname, class, sep = "."), method, envir = .GlobalEnv)
    invisible(NULL)
}

## Signals a package startup message (a message of class packageStartupMessage).
packageStartupMessage <- function(..., domain = NULL, appendLF = TRUE) {
    msg <- paste0(..., collapse = "")
    if (appendLF) msg <- paste0(msg, "\n")
    cond <- structure(list(message = msg, call = sys.call(-1L)),
                      class = c("packageStartupMessage", "simpleMessage", "message", "condition"))
    message(cond)
}

## The hooks registered for an event.
getHook <- function(hookName) {
    h <- .rsc_hooks[[hookName]]
    if (is.null(h)) list() else h
}

## Adds (or replaces, or prepends) a hook function for an event.
setHook <- function(hookName, value, action = c("append", "prepend", "replace")) {
    action <- match.arg(action)
    old <- getHook(hookName)
    new <- switch(action,
        append = c(old, value),
        prepend = c(value, old),
        replace = if (is.null(value) || is.list(value)) value else list(value))
    if (length(new)) assign(hookName, new, envir = .rsc_hooks) else if (exists(hookName, envir = .rsc_hooks, inherits = FALSE)) rm(list = hookName, envir = .rsc_hooks)
    invisible()
}

## The hook name of a package event.
packageEvent <- function(pkgname, event = c("onLoad", "attach", "detach", "onUnload")) {
    event <- match.arg(event)
    pkgname <- strsplit(pkgname, "_", fixed = TRUE)[[1L]][1L]
    paste("UserHook", pkgname, event, sep = "::")
}

## The registered hooks by event name.
.rsc_hooks <- new.env()

## Saves every object of the global environment to a file (".RData" by default).
save.image <- function(file = ".RData", version = NULL, ascii = FALSE, compress = !ascii, safe = TRUE) {
    save(list = ls(envir = .GlobalEnv, all.names = TRUE), file = file, envir = .GlobalEnv,
         ascii = ascii, compress = compress)
}

## NULL for anything: the value coerced to NULL.
as.null <- function(x, ...) NULL

## An expression vector holding the values of x.
as.expression <- function(x, ...) {
    if (is.expression(x)) return(x)
    if (is.language(x)) return(eval(call("expression", x)))
    eval(as.call(c(list(quote(expression)), as.list(x))))
}

## Applies FUN to the values of an environment, giving a named list.
eapply <- function(env, FUN, ..., all.names = FALSE, USE.NAMES = TRUE) {
    FUN <- match.fun(FUN)
    nms <- ls(env, all.names = all.names, sorted = FALSE)
    out <- lapply(nms, function(n) FUN(get(n, envir = env, inherits = FALSE), ...))
    if (USE.NAMES) names(out) <- nms
    out
}

## Dimnames filled in where NULL (from base letters, or the sequence), for arrays.
provideDimnames <- function(x, sep = "", base = list(LETTERS), unique = TRUE) {
    dx <- dim(x)
    dnx <- dimnames(x)
    if (is.null(dnx)) dnx <- vector("list", length(dx))
    k <- length(M <- lengths(base))
    for (i in which(vapply(dnx, is.null, NA))) {
        ii <- 1L + (i - 1L) %% k
        ss <- seq_len(dx[i]) - 1L
        bi <- base[[ii]][1L + (ss %% M[ii])]
        dnx[[i]] <- if (unique) make.unique(bi, sep = sep) else bi
    }
    dimnames(x) <- dnx
    x
}

## Evaluates expressions printing each, as at the console (source with echo).
withAutoprint <- function(exprs, evaluated = FALSE, local = parent.frame(), print. = TRUE,
                          echo = TRUE, max.deparse.length = Inf, width.cutoff = 60L,
                          deparseCtrl = c("keepInteger", "showAttributes", "keepNA"),
                          skip.echo = 0, ...) {
    if (!evaluated) exprs <- substitute(exprs)
    if (is.call(exprs) && identical(exprs[[1L]], quote(`{`))) exprs <- as.list(exprs)[-1L]
    else if (!is.expression(exprs) && !is.list(exprs)) exprs <- list(exprs)
    for (e in exprs) {
        if (echo) {
            d <- deparse(e, width.cutoff = width.cutoff)
            cat(paste0(c("> ", rep("+ ", length(d) - 1L)), d), sep = "\n")
        }
        r <- withVisible(eval(e, local))
        if (r$visible && print.) print(r$value)
    }
    invisible(r$value)
}
