# The methods package, part 3: Reference classes (setRefClass). An object is an S4
# object whose .xData slot is an environment holding its fields and its methods (closures
# whose environment is the object's), so `<<-` on a field and calls of other methods work
# as in R, and copies share state until $copy().

## Defines a Reference class and returns its generator (with $new, $methods, $fields).
setRefClass <- function(Class, fields = character(), contains = character(), methods = list(), where, ...) {
    if (is.null(.s4_def("envRefClass"))) .rc_define_root()
    flds <- .rc_fields(fields)
    parents <- contains[contains != "envRefClass"]
    all_fields <- character()
    for (p in rev(parents)) {
        pdef <- .s4_def(p)
        if (is.null(pdef) || !isTRUE(pdef$refClass))
            stop(gettextf("class %s is not a reference class", dQuote(p)), call. = FALSE)
        all_fields <- c(all_fields[is.na(match(names(all_fields), names(pdef$fields)))], pdef$fields)
    }
    all_fields <- c(all_fields[is.na(match(names(all_fields), names(flds)))], flds)
    def <- list(className = Class, package = ".GlobalEnv", slots = c(.xData = "environment"),
                contains = c(parents, "envRefClass"), virtual = FALSE, validity = NULL,
                dataPart = NULL, union = FALSE, subclasses = character(), prototype = NULL,
                refClass = TRUE, fields = all_fields, ownFields = flds, methods = list())
    class(def) <- "classRepresentation"
    assign(Class, def, envir = .S4_classes)
    .s4_classes_changed()
    .rc_add_methods(Class, methods)
    invisible(.rc_generator(Class))
}

## Field declarations as a named character vector of classes ("ANY" when untyped).
.rc_fields <- function(fields) {
    if (length(fields) == 0L) return(character())
    if (is.character(fields) && is.null(names(fields))) {
        out <- rep("ANY", length(fields))
        names(out) <- fields
        return(out)
    }
    out <- vapply(fields, function(f) if (is.character(f)) f[1L] else "ANY", "")
    names(out) <- names(fields)
    out
}

## The virtual root of Reference classes.
.rc_define_root <- function() {
    for (cls in c("envRefClass", "refObjectGenerator")) {
        def <- structure(list(className = cls, package = "methods", slots = c(.xData = "environment"),
            contains = character(), virtual = TRUE, validity = NULL, dataPart = NULL, union = FALSE,
            subclasses = character(), prototype = NULL), class = "classRepresentation")
        assign(cls, def, envir = .S4_classes)
    }
    def <- structure(list(className = "localRefClass", package = "methods", slots = c(.xData = "environment"),
        contains = "envRefClass", virtual = TRUE, validity = NULL, dataPart = NULL, union = FALSE,
        subclasses = character(), prototype = NULL, refClass = TRUE, fields = character(),
        ownFields = character(), methods = list(ensureLocal = function() {
            # replaces the object in the caller's frame by a copy, so changes stay local
            target <- sys.call()[[1L]]
            if (is.call(target) && length(target) == 3L && is.name(target[[2L]]))
                assign(as.character(target[[2L]]), .rc_copy(.self), envir = parent.frame())
            invisible(.self)
        })), class = "classRepresentation")
    assign("localRefClass", def, envir = .S4_classes)
}

## Adds methods (a named list of functions) to a Reference class.
.rc_add_methods <- function(Class, methods) {
    def <- .s4_def(Class)
    for (n in names(methods)) def$methods[[n]] <- methods[[n]]
    assign(Class, def, envir = .S4_classes)
    invisible()
}

## The generator object of a Reference class.
.rc_generator <- function(Class) {
    g <- new.env()
    g$className <- Class
    g$new <- function(...) .rc_new(Class, ...)
    g$methods <- function(...) {
        m <- list(...)
        if (length(m) == 1L && is.null(names(m)) && is.list(m[[1L]])) m <- m[[1L]]
        if (length(m) == 0L) return(.rc_method_names(Class))
        .rc_add_methods(Class, m)
    }
    g$fields <- function() .s4_def(Class)$fields
    g$show <- function() .rc_show_generator(Class)
    g$help <- function(topic) {
        if (missing(topic)) return(.rc_help(Class))
        t <- substitute(topic)
        .rc_help(Class, if (is.character(t)) t else as.character(t))
    }
    obj <- eval(substitute(function(...) .rc_new(CLASS, ...), list(CLASS = Class)))
    environment(obj) <- globalenv()
    obj <- .s4_set_class(obj, "refObjectGenerator", "methods")
    .s4_set_slot(obj, ".xData", g)
}

## The methods of a class and its superclasses, nearest definition winning, with the
## class each comes from; most distant class first.
.rc_all_methods <- function(Class) {
    chain <- rev(names(.s4_chain(Class)))
    out <- list()
    for (cls in chain) {
        def <- .s4_def(cls)
        if (!isTRUE(def$refClass)) next
        for (n in names(def$methods)) out[[length(out) + 1L]] <- list(name = n, fun = def$methods[[n]], cls = cls)
    }
    out
}

## The names R lists for a class's methods.
.rc_method_names <- function(Class) {
    own <- unique(vapply(rev(.rc_all_methods(Class)), function(m) m$name, ""))
    c(own, "callSuper", ".objectPackage", ".objectParent", "copy", "field", "export",
      "getClass", "getRefClass", "import", "initFields", "show", "trace", "untrace", "usingMethods")
}

## Installs the methods of a class in an object's environment: each a copy of its
## function with an environment that binds callSuper to the method it overrides.
.rc_install <- function(Class, env) {
    installed <- list()
    for (m in .rc_all_methods(Class)) {
        prev <- installed[[m$name]]
        if (is.null(prev)) prev <- .rc_builtin_method(m$name, env)
        menv <- new.env(parent = env)
        assign("callSuper", prev, envir = menv)
        f <- m$fun
        environment(f) <- menv
        installed[[m$name]] <- f
        assign(m$name, f, envir = env)
    }
    invisible()
}

## What callSuper() calls when no superclass defines the method: for initialize, the
## default that sets fields from named arguments; otherwise nothing.
.rc_builtin_method <- function(name, env) {
    if (identical(name, "initialize")) return(get("initFields", envir = env))
    if (identical(name, "show")) {
        self <- get(".self", envir = env)
        return(function() .rc_show_fields(self))
    }
    function(...) invisible(NULL)
}

## Creates an object of a Reference class: fields at their defaults, methods installed,
## then its initialize method (or initFields) run on the arguments.
.rc_new <- function(Class, ...) {
    def <- .s4_def(Class)
    env <- new.env(parent = globalenv())
    obj <- .s4_set_slot(.s4_basis(Class, def$package), ".xData", env)
    assign(".self", obj, envir = env)
    assign(".refClassName", Class, envir = env)
    for (n in names(def$fields)) assign(n, .rc_field_default(def$fields[[n]]), envir = env)
    .rc_standard_methods(env)
    .rc_install(Class, env)
    if (exists("initialize", envir = env, inherits = FALSE)) get("initialize", envir = env)(...)
    else get("initFields", envir = env)(...)
    obj
}

## The value a field starts with.
.rc_field_default <- function(cls) {
    if (identical(cls, "ANY")) return(structure(list(), class = "uninitializedField"))
    .s4_slot_default(cls)
}

## Prints an unset untyped field as R does.
print.uninitializedField <- function(x, ...) {
    cat("An object of class \"uninitializedField\"\nSlot \"field\":\n[1] \"\"\n\nSlot \"className\":\n[1] \"ANY\"\n\n")
    invisible(x)
}

## The methods every Reference object has: initFields, copy, field, show, getClass.
.rc_standard_methods <- function(env) {
    self <- get(".self", envir = env)
    assign("initFields", function(...) {
        args <- list(...)
        nms <- names(args)
        for (k in seq_along(args)) {
            if (is.null(nms) || !nzchar(nms[k])) next
            .rc_set_field(env, nms[k], args[[k]])
        }
        invisible(self)
    }, envir = env)
    assign("copy", function(shallow = FALSE) .rc_copy(self), envir = env)
    assign("field", function(name, value) {
        if (missing(value)) get(name, envir = env) else .rc_set_field(env, name, value)
    }, envir = env)
    assign("getClass", function(...) getClass(get(".refClassName", envir = env)), envir = env)
    assign("getRefClass", function(...) .rc_generator(get(".refClassName", envir = env)), envir = env)
    invisible()
}

## Sets a field, checking its declared class as R does.
.rc_set_field <- function(env, name, value) {
    cls <- get(".refClassName", envir = env)
    want <- .s4_def(cls)$fields[name]
    if (is.na(want))
        stop(gettextf("%s is not a field in class %s", sQuote(name), dQuote(cls)), call. = FALSE)
    if (want != "ANY" && !is(value, want))
        stop(gettextf("invalid assignment for reference class field %s, should be from class %s or a subclass (was class %s)",
                      sQuote(name), dQuote(want), dQuote(class(value)[1L])), call. = FALSE)
    assign(name, value, envir = env)
    invisible(value)
}

## A new object with the same class and copies of the fields.
.rc_copy <- function(obj) {
    old <- attr(obj, ".xData")
    Class <- get(".refClassName", envir = old)
    def <- .s4_def(Class)
    env <- new.env(parent = globalenv())
    new <- .s4_set_slot(.s4_basis(Class, def$package), ".xData", env)
    assign(".self", new, envir = env)
    assign(".refClassName", Class, envir = env)
    for (n in names(def$fields)) {
        v <- get(n, envir = old)
        if (isS4(v) && !is.null(attr(v, ".xData")) && !inherits(v, "refObjectGenerator")) v <- .rc_copy(v)
        assign(n, v, envir = env)
    }
    .rc_standard_methods(env)
    .rc_install(Class, env)
    new
}

## show() for Reference objects and generators: the class's show method, else R's
## listing of the fields.
.rc_show_default <- function(object) {
    env <- attr(object, ".xData")
    if (inherits(object, "refObjectGenerator")) return(.rc_show_generator(get("className", envir = env)))
    if (exists("show", envir = env, inherits = FALSE)) return(invisible(get("show", envir = env)()))
    .rc_show_fields(object)
}

## R's default display of a Reference object.
.rc_show_fields <- function(object) {
    env <- attr(object, ".xData")
    Class <- get(".refClassName", envir = env)
    cat("Reference class object of class \"", Class, "\"\n", sep = "")
    for (n in names(.s4_def(Class)$fields)) {
        cat("Field \"", n, "\":\n", sep = "")
        print(get(n, envir = env))
    }
    invisible()
}

## R's display of a generator: the fields, methods and superclasses.
.rc_show_generator <- function(Class) {
    def <- .s4_def(Class)
    cat("Generator for class \"", Class, "\":\n", sep = "")
    f <- def$fields
    if (length(f)) {
        cat("\nClass fields:\n")
        .s4_print_table(names(f), unname(f))
    } else cat("\nNo fields defined\n")
    own <- unique(vapply(rev(.rc_all_methods(Class)), function(m) m$name, ""))
    std <- c("field", "trace", "getRefClass", "initFields", "copy", "callSuper", ".objectPackage",
             "export", "untrace", "getClass", "show", "usingMethods", ".objectParent", "import")
    if (any(own == "show")) own[own == "show"] <- "show#envRefClass"
    .rc_wrap_names("Class Methods: ", c(rev(own), std))
    sup <- names(.s4_chain(Class))[-1L]
    .rc_wrap_names("Reference Superclasses: ", sup)
    cat("\n")
    invisible()
}

## Writes quoted names after a heading, wrapped as R's generator display does.
.rc_wrap_names <- function(head, nms) {
    cat("\n", head, "\n", sep = "")
    items <- paste0("\"", nms, "\"")
    line <- "    "
    for (k in seq_along(items)) {
        piece <- paste0(" ", items[k], if (k < length(items)) ",")
        if (nchar(line) + nchar(piece) > 80L && line != "    ") {
            cat(line, "\n", sep = "")
            line <- "    "
        }
        line <- paste0(line, piece)
    }
    cat(line, "\n", sep = "")
}

## The generator's $help(topic): the method's call and its documentation string.
.rc_help <- function(Class, topic) {
    if (missing(topic)) {
        cat("Usage:  $help(topic) where topic is the name of a method (quoted or not)\n")
        cat("The definition of class", Class, "follows.\n")
        return(invisible(.rc_show_generator(Class)))
    }
    m <- NULL
    for (x in .rc_all_methods(Class)) if (x$name == topic) m <- x$fun
    if (is.null(m)) stop(gettextf("%s is not a method for reference class %s", sQuote(topic), dQuote(Class)), call. = FALSE)
    cat("Call:", "\n", "$", topic, "(", paste(names(formals(m)), collapse = ", "), ")\n\n\n", sep = "")
    b <- body(m)
    if (is.call(b) && identical(b[[1L]], as.name("{")) && length(b) > 1L && is.character(b[[2L]]))
        cat(b[[2L]], "\n\n", sep = "")
    invisible()
}

## str() of a Reference object: its fields, then how many methods it has.
.rc_str <- function(object) {
    env <- attr(object, ".xData")
    Class <- get(".refClassName", envir = env)
    def <- .s4_def(Class)
    f <- names(def$fields)
    cat("Reference class '", Class, "' [package \"", def$package, "\"] with ", length(f),
        if (length(f) == 1L) " field" else " fields", "\n", sep = "")
    vals <- lapply(f, function(n) get(n, envir = env))
    names(vals) <- f
    if (length(f)) writeLines(utils::capture.output(str(vals))[-1L])
    own <- sort(unique(vapply(.rc_all_methods(Class), function(m) m$name, "")))
    all <- length(own) + 14L
    own[own == "show"] <- "show#envRefClass"
    cat(" and ", all, " methods, of which ", length(own), " are  possibly relevant", sep = "")
    if (length(own)) cat(":\n", paste0("   ", paste(own, collapse = ", ")), "\n", sep = "") else cat("\n")
    invisible()
}

## Forgets the methods set for a generic (they are found again from the table), returning its name.
resetGeneric <- function(f, fdef, mlist, where, deflt) {
    rec <- get0(f, envir = .S4_generics, inherits = FALSE)
    if (!is.null(rec)) {
        rec$cache <- new.env()
        rec$inherited <- new.env()
    }
    f
}

## `obj$name` for a name the object's environment lacks: a method added to the class
## since the object was made is installed (with the others) and returned, else NULL.
.rc_method_lookup <- function(obj, name) {
    env <- attr(obj, ".xData")
    Class <- get(".refClassName", envir = env)
    if (!any(vapply(.rc_all_methods(Class), function(m) m$name == name, NA))) return(NULL)
    .rc_install(Class, env)
    get0(name, envir = env, inherits = FALSE)
}
