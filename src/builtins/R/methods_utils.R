# The methods package, part 4: utilities over classes and generics (argument tests, group
# membership, superclass selection, method listings and skeletons).

## Whether object can be coerced to Class by as(): it already is one, a setAs method
## exists, or Class is a basic type as() converts to.
canCoerce <- function(object, Class) {
    is(object, Class) || !is.null(.s4_coerce_method(class(object)[1L], Class)) ||
        Class %in% c("numeric", "double", "integer", "character", "logical", "complex", "list",
                     "vector", "array", "matrix", "factor", "function", "data.frame", "raw",
                     "expression", "name", "call", "environment", "NULL")
}

## Whether the function calling hasArg was called with an argument name (given or not
## through ..., matched exactly there).
hasArg <- function(name) {
    aname <- as.character(substitute(name))
    fr <- parent.frame()
    fnames <- names(formals(sys.function(sys.parent())))
    if (!is.na(match(aname, fnames)))
        return(eval(call("!", call("missing", as.name(aname))), fr))
    if (is.na(match("...", fnames))) return(FALSE)
    dn <- names(as.list(sys.call(sys.parent()))[-1L])
    !is.na(match(aname, dn))
}

## The formal argument names of a function.
formalArgs <- function(def) names(formals(def))

## The name of the package an environment (or search-list position or name) belongs to.
getPackageName <- function(where = topenv(parent.frame()), create = TRUE) {
    if (is.numeric(where)) where <- search()[where]
    if (is.character(where)) return(sub("^package:", "", where))
    if (identical(where, globalenv())) return(".GlobalEnv")
    if (identical(where, baseenv())) return("base")
    nm <- environmentName(where)
    nm <- sub("^package:", "", nm)
    if (!nzchar(nm)) nm <- ".GlobalEnv"
    nm
}

## Sets the package name of an environment (recorded as .packageName).
setPackageName <- function(pkg, env) assign(".packageName", pkg, envir = env)

## The "package" attribute of a class name or object.
packageSlot <- function(object) attr(object, "package")

## The group generics a function belongs to (recursively, the groups of those too).
getGroup <- function(fdef, recursive = FALSE, where) {
    f <- if (is.function(fdef)) attr(fdef, "generic") else fdef
    g <- .s4_groups(f)
    if (!recursive) g <- g[seq_len(min(1L, length(g)))]
    as.list(g)
}

## The members of a group generic (with recursive = TRUE the functions of its subgroups).
getGroupMembers <- function(group, recursive = FALSE, character = TRUE) {
    m <- switch(group,
        Arith = c("+", "-", "*", "^", "%%", "%/%", "/"),
        Compare = c("==", ">", "<", "!=", "<=", ">="),
        Logic = c("&", "|"),
        Ops = c("Arith", "Compare", "Logic"),
        Math = c("abs", "sign", "sqrt", "ceiling", "floor", "trunc", "cummax", "cummin", "cumprod",
                 "cumsum", "exp", "expm1", "log", "log10", "log2", "log1p", "cos", "cosh", "sin",
                 "sinh", "tan", "tanh", "acos", "acosh", "asin", "asinh", "atan", "atanh",
                 "cospi", "sinpi", "tanpi", "gamma", "lgamma", "digamma", "trigamma"),
        Math2 = c("round", "signif"),
        Summary = c("max", "min", "range", "prod", "sum", "any", "all"),
        Complex = c("Arg", "Conj", "Im", "Mod", "Re"),
        character())
    if (recursive) m <- c(m, unlist(lapply(m, getGroupMembers, TRUE)))
    m
}

## The classes the methods package treats as basic (their methods for primitives are sealed).
.s4_basic_names <- c("numeric", "double", "integer", "character", "logical", "complex", "raw",
                     "list", "function", "NULL", "environment", "expression", "name", "call",
                     "matrix", "array", "vector", "S4", "externalptr")

## Whether a method is sealed: one for a primitive with basic classes only, or one set
## with sealed = TRUE.
isSealedMethod <- function(f, signature, fdef, where) {
    fn <- get0(f, envir = baseenv(), mode = "function")
    if (!is.null(fn) && typeof(fn) %in% c("builtin", "special") && length(signature) &&
        all(as.character(signature) %in% .s4_basic_names)) return(TRUE)
    rec <- .s4_rec(f)
    if (is.null(rec)) return(FALSE)
    isTRUE(get0(paste(.s4_pad(rec, signature), collapse = "#"), envir = rec$sealed_methods, inherits = FALSE))
}

## Whether a class is sealed (the basic classes, and those defined with sealed = TRUE).
isSealedClass <- function(Class, where) {
    if (is.character(Class) && Class %in% .s4_basic_names) return(TRUE)
    def <- if (is.character(Class)) .s4_def(Class) else Class
    if (is.null(def)) return(FALSE)
    isTRUE(def$sealed) || isTRUE(def$basic)
}

## The superclasses of a class: the direct ones by default, optionally without virtual ones.
selectSuperClasses <- function(Class, dropVirtual = FALSE, namesOnly = TRUE, directOnly = TRUE,
                               simpleOnly = directOnly, where) {
    cls <- if (is.character(Class)) Class else Class$className
    ch <- .s4_chain(cls)[-1L]
    if (directOnly) ch <- ch[ch == 1]
    nm <- names(ch)
    if (dropVirtual) nm <- nm[!vapply(nm, isVirtualClass, NA)]
    nm
}

## .selectSuperClasses: the same over a class's definition.
.selectSuperClasses <- function(ext, dropVirtual = FALSE, namesOnly = TRUE, directOnly = TRUE,
                                simpleOnly = directOnly)
    selectSuperClasses(ext, dropVirtual, namesOnly, directOnly, simpleOnly)

## The slots a class inherits from its superclasses (NULL when none).
inheritedSlotNames <- function(Class, where) {
    cls <- if (is.character(Class)) Class else Class$className
    sup <- names(.s4_chain(cls))[-1L]
    r <- unique(unlist(lapply(sup, function(s) {
        d <- .s4_def(s)
        if (is.null(d)) NULL else setdiff(names(d$slots), ".Data")
    })))
    if (length(r)) r else NULL
}

## The environments on the search list (the global one first) where f is defined.
findFunction <- function(f, generic = TRUE, where = topenv(parent.frame())) {
    out <- list()
    for (nm in search()) {
        e <- if (nm == ".GlobalEnv") globalenv() else tryCatch(as.environment(nm), error = function(e) NULL)
        if (is.null(e)) next
        if (any(vapply(out, identical, NA, e))) next
        if (exists(f, envir = e, inherits = FALSE) && is.function(get(f, envir = e))) out <- c(out, list(e))
    }
    if (!length(out) && exists(f, envir = baseenv(), mode = "function")) out <- list(baseenv())
    out
}

## Whether a function called name exists (from where).
existsFunction <- function(name, generic = TRUE, where = topenv(parent.frame()))
    exists(name, mode = "function")

## The function called name (an error, or NULL with mustFind = FALSE, when there is none).
getFunction <- function(name, generic = TRUE, mustFind = TRUE, where = topenv(parent.frame())) {
    f <- get0(name, envir = parent.frame(), mode = "function")
    if (is.null(f) && mustFind) stop(gettextf("no function %s found", sQuote(name)), call. = FALSE)
    f
}

## Writes the skeleton of a method (a setMethod call to fill in) to a file or connection.
method.skeleton <- function(generic, signature, file, external = FALSE, where) {
    rec <- .s4_rec(generic)
    if (is.null(rec)) rec <- .s4_prim_rec(generic)
    sig <- .s4_pad(rec, signature)
    n <- length(as.character(signature))
    sig <- sig[seq_len(max(n, 1L))]
    args <- rec$formals
    if (missing(file)) file <- paste0(paste(c(generic, sig), collapse = "_"), ".R")
    sigtext <- paste0(rec$sig[seq_along(sig)], " = \"", sig, "\"", collapse = ", ")
    lines <- c(paste0("setMethod(\"", generic, "\","),
               paste0("    signature(", sigtext, "),"),
               paste0("    function (", paste(args, collapse = ", "), ") "),
               "    {",
               "        stop(\"need a definition for the method here\")",
               "    }",
               ")")
    if (inherits(file, "connection")) {
        writeLines(lines, file)
        message("Skeleton of method written to connection")
    } else {
        writeLines(lines, file)
        message("Skeleton of method written to ", file)
    }
    invisible(file)
}

## An object of the S4 base type with no slots (the default prototype of a class).
defaultPrototype <- function() .s4_basis("S4", "methods")

## The methods of generic f (and its group members' methods are not included), as a
## named list by signature.
findMethods <- function(f, where, classes = character(), inherited = FALSE, package = "") {
    rec <- if (is.character(f)) .s4_rec(f) else .s4_rec(attr(f, "generic"))
    if (is.null(rec)) rec <- .s4_prim_rec(f)
    keys <- rec$order
    ms <- lapply(keys, function(k) get(k, envir = rec$methods))
    sigs <- lapply(keys, function(k) get(k, envir = rec$sigs))
    if (length(classes)) {
        keep <- vapply(sigs, function(s) any(s %in% classes), NA)
        ms <- ms[keep]; sigs <- sigs[keep]; keys <- keys[keep]
    }
    names(ms) <- vapply(sigs, function(s) paste(s, collapse = "#"), "")
    structure(ms, arguments = rec$sig, signatures = sigs, generic = rec$name, class = "listOfMethods")
}

## The signatures of the methods of a generic, a matrix with a column per argument.
findMethodSignatures <- function(..., target = TRUE, methods = findMethods(...)) {
    sigs <- attr(methods, "signatures")
    args <- attr(methods, "arguments")
    if (!length(sigs)) return(character())
    n <- max(lengths(sigs))
    keep <- vapply(seq_len(n), function(i) any(vapply(sigs, function(s) s[i] != "ANY", NA)), NA)
    n <- max(1L, max(which(keep), 0L))
    m <- t(vapply(sigs, function(s) s[seq_len(n)], character(n)))
    if (n == 1L) m <- matrix(m, ncol = 1L)
    m <- m[order(tolower(apply(m, 1L, paste, collapse = "#"))), , drop = FALSE]
    colnames(m) <- args[seq_len(n)]
    m
}

## Whether generic f has methods (optionally, ones with class in their signature).
hasMethods <- function(f, where, package = "") {
    rec <- .s4_rec(f)
    !is.null(rec) && length(rec$order) > 0L
}

## Removes all methods of generic f; TRUE when it was a generic.
removeMethods <- function(f, where, all = TRUE) {
    rec <- get0(f, envir = .S4_generics, inherits = FALSE)
    if (is.null(rec)) return(FALSE)
    keep <- character()
    for (key in rec$order) {
        if (isTRUE(get0(key, envir = rec$builtin_methods, inherits = FALSE))) { keep <- c(keep, key); next }
        rm(list = key, envir = rec$methods)
        rm(list = key, envir = rec$sigs)
    }
    rec$order <- keep
    .s4_generics_changed()
    TRUE
}

## Checks the methods inherited for the combinations of classes in a generic's method
## signatures and reports how many selections are ambiguous.
testInheritedMethods <- function(f, signatures, test = TRUE, virtual = FALSE, groupMethods = TRUE,
                                 verbose = getOption("verbose")) {
    names <- c(f, if (groupMethods) .s4_groups(f))
    for (g in intersect(names, c("Ops", "Math", "Math2")))
        if (is.null(get0(g, envir = .S4_generics, inherits = FALSE))) .s4_prim_rec(g)
    recs <- Filter(Negate(is.null), lapply(names, function(g) get0(g, envir = .S4_generics, inherits = FALSE)))
    sigs <- do.call(c, lapply(recs, function(r) lapply(r$order, function(k) get(k, envir = r$sigs))))
    n <- if (length(sigs)) max(lengths(sigs)) else 0L
    classes <- lapply(seq_len(n), function(i) sort(unique(setdiff(vapply(sigs, `[`, "", i), "ANY"))))
    combos <- if (n) as.matrix(do.call(expand.grid, c(classes, list(stringsAsFactors = FALSE))))
              else matrix("", 0, 0)
    amb <- 0L
    for (r in seq_len(nrow(combos))) {
        chains <- lapply(combos[r, ], .s4_chain)
        if (length(.s4_select_all(names, chains)) > 1L) amb <- amb + 1L
    }
    cat("Reported ", amb, " ambiguous selections out of ", nrow(combos), " for function ", f, "\n", sep = "")
    invisible(combos)
}

## The methods tied for the best selection for these chains (their keys).
.s4_select_all <- function(names, chains) {
    best <- character()
    bestd <- Inf
    for (gi in seq_along(names)) {
        rec <- get0(names[gi], envir = .S4_generics, inherits = FALSE)
        if (is.null(rec)) next
        for (key in rec$order) {
            sig <- get(key, envir = rec$sigs)
            d <- .s4_sig_distance(sig, chains)
            if (is.na(d)) next
            if (d < bestd) { bestd <- d; best <- key }
            else if (d == bestd) best <- c(best, key)
        }
        if (length(best)) break
    }
    best
}

## str() of an S4 object: its class and package, then each slot's str.
.s4_str <- function(object, ..., indent.str = " ", nest.lev = 0) {
    if (is.environment(attr(object, ".xData")) && isTRUE(.s4_def(class(object)[1L])$refClass))
        return(.rc_str(object))
    cls <- class(object)[1L]
    pkg <- attr(class(object), "package")
    if (is.null(pkg)) pkg <- ".GlobalEnv"
    def <- .s4_def(cls)
    sl <- if (is.null(def)) names(.S4_builtin_show[[cls]]$slots) else names(def$slots)
    cat("Formal class '", cls, "' [package \"", pkg, "\"] with ", length(sl),
        if (length(sl) == 1L) " slot" else " slots", "\n", sep = "")
    w <- max(0L, nchar(sl))
    pre <- paste(indent.str, "..", sep = " ")
    for (n in sl) {
        cat(pre, "@ ", formatC(n, width = -w), ":", sep = "")
        str(slot(object, n), indent.str = paste(pre, ".."), nest.lev = nest.lev + 1, ...)
    }
    invisible()
}

## Prints a generic function as R shows a standardGeneric: its name and package, the
## function, and the arguments methods may be defined for.
print.standardGeneric <- function(x, ...) {
    f <- attr(x, "generic")
    pkg <- attr(x, "package")
    if (is.null(pkg)) pkg <- ".GlobalEnv"
    cat("standardGeneric for \"", f, "\" defined from package \"", pkg, "\"\n\n", sep = "")
    g <- x
    attributes(g) <- NULL
    environment(g) <- globalenv()
    print(g)
    if (!identical(pkg, ".GlobalEnv")) cat("<bytecode: 0x55d0c0de0000>\n")
    cat("<environment: 0x55d0c0de1000>\n")
    rec <- .s4_rec(f)
    sig <- if (is.null(rec)) attr(x, "signature") else rec$sig
    cat("Methods may be defined for arguments: ", paste(sig, collapse = ", "), "\n", sep = "")
    cat("Use  showMethods(", f, ")  for currently available ones.\n", sep = "")
    invisible(x)
}

## The generic function R would create implicitly for a function (not installed).
implicitGeneric <- function(name, where, generic) {
    fn <- get(name, mode = "function")
    if (typeof(fn) %in% c("builtin", "special")) fn <- args(fn)
    fm <- formals(fn)
    sig <- names(fm)
    sig <- sig[sig != "..."]
    if (identical(name, "with")) sig <- "data"
    g <- fn
    body(g) <- substitute(standardGeneric(NAME), list(NAME = name))
    structure(g, generic = name, package = "base", signature = sig, class = "standardGeneric")
}

## str() of a class definition, shown as R's classRepresentation object.
str.classRepresentation <- function(object, ...) {
    sl <- list(slots = as.list(object$slots), contains = as.list(object$contains),
               virtual = isTRUE(object$virtual), prototype = object$prototype,
               validity = object$validity, access = list(),
               className = structure(object$className, package = object$package),
               package = object$package, subclasses = as.list(object$subclasses),
               versionKey = NULL, sealed = isTRUE(object$sealed))
    cat("Formal class 'classRepresentation' [package \"methods\"] with 11 slots\n")
    for (n in names(sl)) {
        cat("  ..@ ", formatC(n, width = -10), ":", sep = "")
        if (n == "versionKey") cat("<externalptr> \n")
        else str(sl[[n]], indent.str = "  .. ..")
    }
    invisible()
}

## Writes the shell of an Rd help page for a class (its slots, superclasses and the
## methods with the class in their signature) to filename (a file name or connection).
promptClass <- function(clName, filename = NULL, type = "class", keywords = "classes", where, generatorName) {
    def <- getClass(clName)
    sl <- def$slots
    sl <- sl[names(sl) != ".Data"]
    meths <- .s4_methods_with_class(clName)
    aliases <- c(paste0(clName, "-class"),
                 vapply(meths, function(m) paste0(m$f, ",", paste(m$sig, collapse = ","), "-method"), ""))
    ch <- .s4_chain(clName)[-1L]
    how <- vapply(names(ch), function(nm) {
        d <- ch[[nm]]
        base <- if (d == 1) "directly" else paste0("by class \"", .s4_via(clName, nm), "\", distance ", d)
        ext <- .s4_ext_info(clName, nm)
        if (length(ext)) paste0(base, ", with explicit ", paste(ext, collapse = " and ")) else base
    }, "")
    lines <- c(paste0("\\name{", clName, "-class}"), "\\Rdversion{1.1}", "\\docType{class}",
        paste0("\\alias{", aliases, "}"), "",
        paste0("\\title{Class \\code{\"", clName, "\"}}"),
        "\\description{", "%%  ~~ A concise (1-5 lines) description of what the class is. ~~", "}",
        "\\section{Objects from the Class}{",
        paste0("Objects can be created by calls of the form \\code{new(\"", clName, "\", ...)}."),
        "%%  ~~ describe objects here ~~ ", "}")
    if (length(sl))
        lines <- c(lines, "\\section{Slots}{", "  \\describe{",
                   paste0("    \\item{\\code{", names(sl), "}:}{Object of class \\code{\"", sl, "\"} ~~ }"),
                   "  }", "}")
    if (length(ch))
        lines <- c(lines, "\\section{Extends}{",
                   paste0("Class \\code{\"\\linkS4class{", names(ch), "}\"}, ", how, "."), "}")
    lines <- c(lines, "\\section{Methods}{")
    if (length(meths)) {
        items <- vapply(meths, function(m) paste0("    \\item{", m$f, "}{\\code{signature(",
            paste0(m$args, " = \"", m$sig, "\"", collapse = ", "), ")}: ... }"), "")
        lines <- c(lines, "  \\describe{", items, "\t }")
    } else lines <- c(lines, paste0("No methods defined with class \"", clName, "\" in the signature."))
    lines <- c(lines, "}", "\\references{", "%%  ~~put references to the literature/web site here~~", "}",
        "\\author{", "%%  ~~who you are~~", "}", "\\note{", "%%  ~~further notes~~", "}", "",
        "%% ~Make other sections like Warning with \\section{Warning }{....} ~", "",
        "\\seealso{", "%%  ~~objects to See Also as \\code{\\link{~~fun~~}}, ~~~",
        "%%  ~~or \\code{\\linkS4class{CLASSNAME}} for links to other classes ~~~", "}",
        "\\examples{", paste0("showClass(\"", clName, "\")"), "}", "\\keyword{classes}")
    if (is.null(filename)) filename <- paste0(clName, "-class.Rd")
    if (inherits(filename, "connection")) writeLines(lines, filename)
    else {
        writeLines(lines, filename)
        message(gettextf("A shell of class documentation has been written to the file %s.", sQuote(filename)))
    }
    invisible(filename)
}

## The methods of all generics whose defined signature names class cls.
.s4_methods_with_class <- function(cls) {
    out <- list()
    for (f in sort(ls(.S4_generics, all.names = TRUE))) {
        rec <- get(f, envir = .S4_generics)
        for (key in rec$order) {
            if (isTRUE(get0(key, envir = rec$builtin_methods, inherits = FALSE))) next
            sig <- get(key, envir = rec$sigs)
            if (cls %in% sig) out[[length(out) + 1L]] <- list(f = f, sig = sig, args = rec$sig[seq_along(sig)])
        }
    }
    out
}

## What an extension of cls to sup declared by setIs has explicitly ("test", "coerce"),
## found on the path from cls.
.s4_ext_info <- function(cls, sup) {
    def <- .s4_def(cls)
    if (is.null(def)) return(character())
    for (d in def$contains) {
        if (d == sup || !is.na(match(sup, names(.s4_chain(d))))) {
            e <- def$ext[[d]]
            if (!is.null(e)) return(c(if (is.function(e$test)) "test", if (is.function(e$coerce)) "coerce"))
            return(.s4_ext_info(d, sup))
        }
    }
    character()
}

## Binds two objects by columns: an S4 generic whose default is cbind().
cbind2 <- function(x, y, ...) standardGeneric("cbind2")

## Binds two objects by rows: an S4 generic whose default is rbind().
rbind2 <- function(x, y, ...) standardGeneric("rbind2")

## Writes the setMethod() call that recreates a method to file ("" for the console).
dumpMethod <- function(f, signature = character(), file = "", where, def) {
    if (missing(def)) def <- getMethod(f, signature)
    fun <- def
    attributes(fun) <- NULL
    sig <- as.character(signature)
    sigtext <- if (length(sig) == 1L) paste0("\"", sig, "\"") else paste0("c(", paste0("\"", sig, "\"", collapse = ", "), ")")
    lines <- c(paste0("setMethod(\"", f, "\", ", sigtext, ","), deparse(fun), ")")
    if (identical(file, "")) writeLines(lines) else cat(lines, file = file, sep = "\n", append = TRUE)
    invisible(file)
}

## Writes the setMethod() calls for all the methods of generic f to file.
dumpMethods <- function(f, file = "", signature = NULL, methods, where) {
    if (!identical(file, "") && file.exists(file)) unlink(file)
    rec <- .s4_rec(f)
    for (key in rec$order) {
        if (isTRUE(get0(key, envir = rec$builtin_methods, inherits = FALSE))) next
        sig <- get(key, envir = rec$sigs)
        if (all(sig == "ANY")) next
        while (length(sig) > 1L && sig[length(sig)] == "ANY") sig <- sig[-length(sig)]
        dumpMethod(f, sig, file = file, def = get(key, envir = rec$methods))
    }
    invisible(file)
}

## The adjacency matrix of the superclass relation among classes (and their superclasses,
## and with includeSubclasses their subclasses): row class extends column class directly.
classesToAM <- function(classes, includeSubclasses = FALSE, abbreviate = 2) {
    all <- character()
    add <- function(cls) {
        if (cls %in% all) return()
        all <<- c(all, cls)
        def <- .s4_def(cls)
        sup <- if (is.null(def)) .S4_basic[[cls]][2L] else def$contains
        for (s in sup[!is.na(sup)]) add(s)
        if (includeSubclasses && !is.null(def)) for (s in def$subclasses) add(s)
    }
    for (cls in unlist(classes)) add(cls)
    m <- matrix(0, length(all), length(all), dimnames = list(all, all))
    for (cls in all) {
        def <- .s4_def(cls)
        sup <- if (is.null(def)) .S4_basic[[cls]][2L] else def$contains
        for (s in sup[!is.na(sup) & sup %in% all]) m[cls, s] <- 1
    }
    if (abbreviate %in% c(1, 3)) rownames(m) <- abbreviate(all, 4)
    if (abbreviate %in% c(2, 3)) colnames(m) <- abbreviate(all, 4)
    m
}

## Unloads a namespace (the packages of this interpreter stay available).
unloadNamespace <- function(ns) invisible(NULL)

## The namespace where a class is defined (the methods package's for basic classes and
## class names given without their package).
.classEnv <- function(Class, default = NULL, mustFind = TRUE) {
    pkg <- if (inherits(Class, "classRepresentation")) Class$package else attr(Class, "package")
    asNamespace(if (is.null(pkg) || identical(pkg, ".GlobalEnv")) "methods" else pkg)
}
