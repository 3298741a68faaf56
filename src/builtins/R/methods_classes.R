# The methods package, part 1: S4 classes, objects, slots and validity (see
# builtins/methods/ for the builtins underneath; generics are in methods_generics.R).

## The S4 class definitions of the session, by class name.
.S4_classes <- .s4_init_classes()

## Superclass chains computed from the class definitions (cleared when a class changes).
.S4_chains <- new.env()

## The class unions each class belongs to directly (class name -> union names).
.S4_union_of <- new.env()

## The classes R treats as basic types, each with the superclasses is() lists for it.
.S4_basic <- list(
    numeric = c("numeric", "vector"),
    double = c("double", "numeric", "vector"),
    integer = c("integer", "double", "numeric", "vector", "data.frameRowLabels"),
    character = c("character", "vector", "data.frameRowLabels", "SuperClassMethod"),
    logical = c("logical", "vector"),
    complex = c("complex", "vector"),
    raw = c("raw", "vector"),
    list = c("list", "vector"),
    "function" = c("function", "OptionalFunction", "PossibleMethod"),
    matrix = c("matrix", "array", "structure", "vector"),
    array = c("array", "structure", "vector"),
    "NULL" = c("NULL", "OptionalFunction", "optionalMethod"),
    environment = c("environment"),
    name = c("name", "language", "refObjectGenerator"),
    call = c("call", "language"),
    formula = c("formula", "oldClass"),
    factor = c("factor", "integer", "oldClass", "double", "numeric", "vector", "data.frameRowLabels"),
    data.frame = c("data.frame", "list", "oldClass", "vector"),
    ANY = c("ANY"),
    vector = c("vector"),
    missing = c("missing"),
    structure = c("structure", "vector"),
    language = c("language"),
    "if" = c("if", "language"), "for" = c("for", "language"), "while" = c("while", "language"),
    "repeat" = c("repeat", "language"), "{" = c("{", "language"), "(" = c("(", "language"),
    "<-" = c("<-", "language"),
    expression = c("expression", "vector"),
    ts = c("ts", "structure", "oldClass", "vector"),
    nonStructure = c("nonStructure"),
    OptionalFunction = c("OptionalFunction"),
    PossibleMethod = c("PossibleMethod"),
    S4 = c("S4"))

## The empty value of a basic class (the prototype of a slot of that class).
.s4_basic_prototype <- function(cls) {
    switch(cls,
        numeric = , double = numeric(0), integer = integer(0), character = character(0),
        logical = logical(0), complex = complex(0), list = list(),
        "function" = function() NULL, matrix = matrix(NA)[0, 0, drop = FALSE],
        array = array(NA, 0), environment = new.env(), factor = factor(character(0)),
        data.frame = data.frame(), NULL)
}

## The class definition of Class, or NULL when it is not an S4 class.
.s4_def <- function(Class) {
    if (!is.character(Class) || length(Class) != 1L) return(NULL)
    get0(Class, envir = .S4_classes, inherits = FALSE)
}

## The superclasses of a class with their distances (the class itself at 0), nearest first.
.s4_chain <- function(cls) {
    hit <- get0(cls, envir = .S4_chains, inherits = FALSE)
    if (!is.null(hit)) return(hit)
    def <- .s4_def(cls)
    out <- c(0)
    names(out) <- cls
    add <- function(out, ch, d) {
        for (k in seq_along(ch)) {
            nm <- names(ch)[k]
            if (is.na(match(nm, names(out)))) {
                out <- c(out, ch[k] + d)
                names(out)[length(out)] <- nm
            }
        }
        out
    }
    if (!is.null(def)) {
        for (s in def$contains) out <- add(out, .s4_chain(s), 1)
    } else if (!is.null(.S4_basic[[cls]])) {
        b <- .S4_basic[[cls]]
        d <- seq_along(b) - 1
        if (cls == "integer") d[b == "numeric"] <- 1
        names(d) <- b
        out <- add(out, d, 0)
    }
    for (nm in names(out)) {
        for (u in get0(nm, envir = .S4_union_of, inherits = FALSE))
            out <- add(out, .s4_chain(u), out[[nm]] + 1)
    }
    o <- order(out)
    out <- out[o]
    assign(cls, out, envir = .S4_chains)
    out
}

## The class chain of an object for dispatch: an S4 class's superclasses, an S3 class
## vector followed by its type's, or the basic type's.
.s4_obj_chain <- function(x) {
    cl <- class(x)
    if (isS4(x) || length(cl) == 1L && (!is.null(.s4_def(cl)) || !is.null(.S4_basic[[cl]])))
        return(.s4_chain(cl[[1L]]))
    if (!is.null(attr(x, "class"))) {
        d <- seq_along(cl) - 1
        names(d) <- cl
        base <- .s4_chain(.s4_basic_class(x))
        extra <- base[is.na(match(names(base), cl))] + length(cl)
        return(c(d, extra))
    }
    .s4_chain(cl[[1L]])
}

## The basic class of an object's data, ignoring any class attribute.
.s4_basic_class <- function(x) {
    switch(typeof(x), double = "numeric", integer = "integer", character = "character",
        logical = "logical", complex = "complex", list = "list", closure = , builtin = ,
        special = "function", environment = "environment", "NULL" = "NULL", symbol = "name",
        language = "call", S4 = "ANY", typeof(x))
}

## Forgets computed chains and tells S3 dispatch every S4 class's superclasses.
.s4_classes_changed <- function() {
    rm(list = ls(.S4_chains, all.names = TRUE), envir = .S4_chains)
    for (cls in ls(.S4_classes, all.names = TRUE)) {
        ch <- .s4_chain(cls)
        .s4_register_class(cls, names(ch)[-1L])
    }
    .s4_generics_changed()
}

## Defines an S4 class: its slots (representation), superclasses (contains, which may
## name a basic type), prototype and validity; returns a generator function invisibly.
setClass <- function(Class, representation = list(), prototype = NULL, contains = character(),
                     validity = NULL, access, where, version, sealed = FALSE, package = ".GlobalEnv",
                     S3methods = FALSE, slots) {
    rep <- if (!missing(slots)) as.list(slots) else as.list(representation)
    nms <- names(rep)
    if (is.null(nms)) nms <- character(length(rep))
    virtual <- FALSE
    # unnamed entries of a representation are superclasses (or "VIRTUAL")
    for (k in which(!nzchar(nms))) {
        if (identical(rep[[k]], "VIRTUAL")) virtual <- TRUE
        else contains <- c(contains, rep[[k]])
    }
    rep <- rep[nzchar(nms)]
    if ("VIRTUAL" %in% contains) {
        virtual <- TRUE
        contains <- contains[contains != "VIRTUAL"]
    }
    own <- vapply(rep, function(s) as.character(s)[1L], "")
    if (length(own) == 0L && length(contains) == 0L && is.null(prototype) && missing(representation) && missing(slots))
        virtual <- TRUE
    dataPart <- NULL
    slots <- own
    for (s in contains) {
        sdef <- .s4_def(s)
        if (!is.null(sdef)) {
            for (n in intersect(names(sdef$slots), names(slots)))
                if (n != ".Data" && is.na(match(n, names(own))) && !identical(sdef$slots[[n]], slots[[n]]))
                    stop(gettextf("Definition of slot %s, in class %s, as %s conflicts with definition, inherited from class %s, as %s",
                                  sQuote(n), dQuote(Class), dQuote(slots[[n]]), dQuote(s), dQuote(sdef$slots[[n]])),
                         call. = FALSE)
            inh <- sdef$slots[is.na(match(names(sdef$slots), names(slots)))]
            slots <- c(slots, inh)
            if (is.null(dataPart)) dataPart <- sdef$dataPart
            if (is.null(dataPart) && isTRUE(sdef$union) &&
                any(vapply(sdef$members, function(m) !is.null(.S4_basic[[m]]), NA))) dataPart <- s
        } else if (!is.null(.S4_basic[[s]])) {
            if (is.null(dataPart)) dataPart <- s
        } else stop(gettextf("no definition was found for superclass %s in the specification of class %s",
                             dQuote(s), dQuote(Class)), call. = FALSE)
    }
    if (identical(dataPart, "environment")) slots <- c(slots, .xData = "environment")
    else if (!is.null(dataPart)) slots <- c(.Data = dataPart, slots[names(slots) != ".Data"])
    def <- list(className = Class, package = package, slots = slots, contains = contains,
                virtual = virtual, validity = validity, dataPart = dataPart, union = FALSE,
                subclasses = character(), prototype = NULL)
    class(def) <- "classRepresentation"
    assign(Class, def, envir = .S4_classes)
    for (s in contains) {
        sdef <- .s4_def(s)
        if (!is.null(sdef)) {
            sdef$subclasses <- unique(c(sdef$subclasses, Class))
            assign(s, sdef, envir = .S4_classes)
        }
    }
    .s4_classes_changed()
    def$prototype <- .s4_make_prototype(def, prototype)
    assign(Class, def, envir = .S4_classes)
    if (any(c("structure", "nonStructure") %in% names(.s4_chain(Class))))
        for (g in c("Ops", "Math", "Math2"))
            if (is.null(get0(g, envir = .S4_generics, inherits = FALSE))) .s4_prim_rec(g)
    if ("data.frame" %in% names(.s4_chain(Class)) && is.null(get0("[", envir = .S4_generics, inherits = FALSE)))
        .s4_prim_rec("[")
    invisible(.s4_generator(Class))
}

## The object new() starts from: the data part's prototype (or an empty S4 object) with
## every slot at its default, from the superclasses' prototypes and then prototype.
.s4_make_prototype <- function(def, prototype) {
    Class <- def$className
    proto <- if (identical(def$dataPart, "environment")) {
        p <- .s4_basis(Class, def$package)
        .s4_set_slot(p, ".xData", new.env())
    } else if (!is.null(def$dataPart)) {
        p <- NULL
        for (s in def$contains) {
            sdef <- .s4_def(s)
            if (!is.null(sdef) && !is.null(sdef$dataPart)) { p <- unclass(sdef$prototype); break }
        }
        if (is.null(p)) p <- .s4_basic_prototype(def$dataPart)
        if (is.null(p) && isTRUE(.s4_def(def$dataPart)$union)) p <- .s4_basic_prototype(.s4_def(def$dataPart)$members[1L])
        if (is.null(p)) p <- list()
        attr(p, "class") <- NULL
        p
    } else .s4_basis(Class, def$package)
    obj <- .s4_set_class(proto, Class, def$package)
    for (s in names(def$slots)) {
        if (s == ".Data" || (s == ".xData" && identical(def$dataPart, "environment"))) next
        obj <- .s4_set_slot(obj, s, .s4_slot_default(def$slots[[s]]))
    }
    for (s in rev(def$contains)) {
        sdef <- .s4_def(s)
        if (is.null(sdef) || is.null(sdef$prototype)) next
        for (n in names(sdef$slots)) if (n != ".Data") obj <- .s4_set_slot(obj, n, slot(sdef$prototype, n))
    }
    if (!is.null(prototype)) {
        pl <- if (is.list(prototype) && !isS4(prototype)) prototype else list(prototype)
        pn <- names(pl)
        if (is.null(pn)) pn <- character(length(pl))
        for (k in seq_along(pl)) {
            if (nzchar(pn[k])) obj <- .s4_set_slot(obj, pn[k], pl[[k]])
            else obj <- .s4_data_part(obj, pl[[k]], pl[[k]])
        }
    }
    obj
}

## The default value of a slot of class cls.
.s4_slot_default <- function(cls) {
    if (!is.null(.S4_basic[[cls]])) return(.s4_basic_prototype(cls))
    def <- .s4_def(cls)
    if (!is.null(def) && !def$virtual && !is.null(def$prototype)) return(def$prototype)
    NULL
}

## The generator function setClass returns: calls new() for the class.
.s4_generator <- function(Class) {
    g <- eval(substitute(function(...) new(CLASS, ...), list(CLASS = Class)))
    environment(g) <- globalenv()
    class(g) <- "classGeneratorFunction"
    attr(g, "className") <- Class
    g
}

## Prints a class generator as R does.
print.classGeneratorFunction <- function(x, ...) {
    cat("class generator function for class ", dQuote(attr(x, "className")),
        " from package ", sQuote(".GlobalEnv"), "\n", sep = "")
    cat("function (...) \nnew(\"", attr(x, "className"), "\", ...)\n", sep = "")
    invisible(x)
}

## Defines a virtual class that every class in members extends.
setClassUnion <- function(name, members = character(), where) {
    def <- list(className = name, package = ".GlobalEnv", slots = character(), contains = character(),
                virtual = TRUE, validity = NULL, dataPart = NULL, union = TRUE,
                subclasses = members, prototype = NULL, members = members)
    class(def) <- "classRepresentation"
    assign(name, def, envir = .S4_classes)
    for (m in members) assign(m, unique(c(get0(m, envir = .S4_union_of, inherits = FALSE), name)),
                              envir = .S4_union_of)
    .s4_classes_changed()
    invisible(.s4_generator(name))
}

## Registers S3 classes (a class vector, most specific first) for use in S4 signatures
## and slots.
setOldClass <- function(Classes, prototype = NULL, where, test = FALSE, S4Class) {
    for (k in seq_along(Classes)) {
        cls <- Classes[k]
        if (!is.null(.s4_def(cls))) next
        def <- list(className = cls, package = ".GlobalEnv", slots = character(),
                    contains = c(if (k < length(Classes)) Classes[k + 1L], "oldClass"),
                    virtual = TRUE, validity = NULL, dataPart = NULL, union = FALSE,
                    subclasses = character(), prototype = NULL, old = TRUE)
        class(def) <- "classRepresentation"
        assign(cls, def, envir = .S4_classes)
    }
    if (is.null(.s4_def("oldClass")))
        assign("oldClass", structure(list(className = "oldClass", package = "methods", slots = character(),
            contains = character(), virtual = TRUE, validity = NULL, dataPart = NULL, union = FALSE,
            subclasses = character(), prototype = NULL), class = "classRepresentation"), envir = .S4_classes)
    .s4_classes_changed()
    invisible(NULL)
}

## Whether Class is defined (as an S4 class or a basic one).
isClass <- function(Class, formal = TRUE, where) !is.null(.s4_def(Class)) || !is.null(.S4_basic[[Class]])

## Whether Class is defined.
existsClass <- function(Class, where) isClass(Class)

## Removes a class definition.
removeClass <- function(Class, where) {
    if (is.null(.s4_def(Class))) {
        warning(gettextf("class definition for %s not found (no action taken)", dQuote(Class)))
        return(FALSE)
    }
    rm(list = Class, envir = .S4_classes)
    .s4_classes_changed()
    TRUE
}

## Whether Class is a virtual class (declared so, a class union, or one with no slots).
isVirtualClass <- function(Class, formal = TRUE, where) {
    def <- .s4_def(Class)
    if (is.null(def)) return(is.null(.S4_basic[[Class]]) || Class %in% .s4_builtin_virtual)
    isTRUE(def$virtual)
}

## The definition of a class (an error when there is none).
getClass <- function(Class, .Force = FALSE, where) {
    if (inherits(Class, "classRepresentation")) return(Class)
    def <- .s4_def(Class)
    if (is.null(def) && Class %in% c("mle", "summary.mle", "profile.mle")) {
        .stats4_setup()
        def <- .s4_def(Class)
    }
    if (is.null(def)) {
        if (!is.null(.S4_basic[[Class]])) {
            def <- structure(list(className = Class, package = "methods", slots = character(),
                contains = .S4_basic[[Class]][-1L], virtual = Class %in% .s4_builtin_virtual,
                validity = NULL, dataPart = Class, union = FALSE, subclasses = character(),
                prototype = .s4_basic_prototype(Class), basic = TRUE), class = "classRepresentation")
            return(def)
        }
        if (.Force) return(structure(list(className = Class, package = "base", slots = character(),
            contains = character(), virtual = TRUE, validity = NULL, dataPart = NULL, union = FALSE,
            subclasses = character(), prototype = NULL), class = "classRepresentation"))
        stop(gettextf("%s is not a defined class", dQuote(Class)), call. = FALSE)
    }
    def
}

## The definition of a class, or NULL.
getClassDef <- function(Class, where, package, inherits = TRUE) .s4_def(Class)

## Prints a class definition as R's showClass does.
print.classRepresentation <- function(x, complete = TRUE, propertiesAreCalled = "Slots", ...) {
    showClass(x, complete = complete, propertiesAreCalled = propertiesAreCalled)
    invisible(x)
}

## Prints the definition of a class: its slots, superclasses and known subclasses.
showClass <- function(Class, complete = TRUE, propertiesAreCalled = "Slots") {
    def <- if (is.character(Class)) getClass(Class) else Class
    cls <- def$className
    if (isTRUE(def$basic) && !is.null(.S4_builtin_show[[cls]]))
        return(.s4_show_builtin(cls, .S4_builtin_show[[cls]], propertiesAreCalled))
    if (isTRUE(def$union)) cat("Extended class definition ( \"ClassUnionRepresentation\" )\n")
    cat(if (isTRUE(def$virtual)) "Virtual Class " else "Class ", "\"", cls, "\" [",
        if (identical(def$package, ".GlobalEnv")) "in \".GlobalEnv\"" else paste0("package \"", def$package, "\""),
        "]\n", sep = "")
    sl <- def$slots
    if (length(sl)) {
        cat("\n", propertiesAreCalled, ":\n", sep = "")
        .s4_print_table(names(sl), unname(sl))
    } else if (isTRUE(def$union) || isTRUE(def$virtual)) {
        cat("\nNo Slots, prototype of class \"",
            if (isTRUE(def$union) && length(def$members)) .s4_basic_class(.s4_slot_default(def$members[1L]))
            else if (identical(def$package, "base")) "NULL" else "S4", "\"\n", sep = "")
    }
    ch <- .s4_chain(cls)[-1L]
    if (length(ch)) {
        direct <- ch[ch == 1]
        if (length(ch) == length(direct) && length(ch) <= 3) {
            cat("\nExtends: ", paste0("\"", names(ch), "\"", collapse = ", "), "\n", sep = "")
        } else {
            cat("\nExtends: \n")
            for (k in seq_along(ch)) {
                nm <- names(ch)[k]
                how <- if (ch[[k]] == 1) {
                    if (identical(def$dataPart, nm)) "from data part" else "directly"
                } else paste0("by class \"", .s4_via(cls, nm), "\", distance ", ch[[k]])
                cat("Class \"", nm, "\", ", how, "\n", sep = "")
            }
        }
    }
    subs <- .s4_known_subclasses(cls)
    if (length(subs)) {
        if (all(subs == 1) && length(subs) <= 3)
            cat("\nKnown Subclasses: ", paste0("\"", names(subs), "\"", collapse = ", "), "\n", sep = "")
        else {
            cat("\nKnown Subclasses: \n")
            for (k in seq_along(subs)) {
                nm <- names(subs)[k]
                how <- if (subs[[k]] == 1) "directly" else
                    paste0("by class \"", .s4_via(nm, cls), "\", distance ", subs[[k]])
                cat("Class \"", nm, "\", ", how, "\n", sep = "")
            }
        }
    }
    invisible()
}

## The direct superclass of cls through which it reaches sup.
.s4_via <- function(cls, sup) {
    def <- .s4_def(cls)
    direct <- if (!is.null(def)) def$contains else .S4_basic[[cls]][2L]
    for (d in direct) if (!is.na(match(sup, names(.s4_chain(d))))) return(d)
    direct[1L]
}

## The defined classes that extend cls, with their distances.
.s4_known_subclasses <- function(cls) {
    out <- numeric()
    for (c2 in ls(.S4_classes, all.names = TRUE)) {
        if (c2 == cls) next
        d <- .s4_chain(c2)[cls]
        if (!is.na(d)) out[c2] <- d
    }
    def <- .s4_def(cls)
    if (isTRUE(def$union)) for (m in def$members) if (is.na(match(m, names(out)))) out[m] <- 1
    out[order(out)]
}

## Writes the Name:/Class: table of slots or fields as R's class printers do.
.s4_print_table <- function(nm, cl) {
    w <- max(nchar(c(nm, cl)))
    per <- max(1L, (getOption("width", 80L) - 6L) %/% (w + 1L))
    for (start in seq(1L, length(nm), by = per)) {
        idx <- start:min(length(nm), start + per - 1L)
        cat(strrep(" ", 6L + length(idx) * (w + 1L)), "\n", sep = "")
        cat("Name: ", paste0(" ", formatC(nm[idx], width = w), collapse = ""), "\n", sep = "")
        cat("Class:", paste0(" ", formatC(cl[idx], width = w), collapse = ""), "\n", sep = "")
    }
}

## The names of the slots of a class or an object's class.
slotNames <- function(x) {
    def <- if (is.character(x) && !isS4(x)) .s4_def(x) else .s4_def(class(x)[1L])
    if (is.null(def)) return(character())
    names(def$slots)
}

## The slots of a class and their classes.
getSlots <- function(x) {
    def <- if (is.character(x)) getClass(x) else x
    def$slots
}

## The representation given to setClass: a named list of slot classes and superclasses.
representation <- function(...) list(...)

## Sets a slot of an S4 object, checking its class unless check = FALSE.
`slot<-` <- function(object, name, check = TRUE, value) {
    if (check) .s4_check_slot(object, name, value)
    .s4_set_slot(object, name, value)
}

## R's check for obj@name <- value: the class has the slot and value is of its class.
.s4_check_slot <- function(obj, name, value) {
    cls <- class(obj)[1L]
    def <- .s4_def(cls)
    if (is.null(def)) return(invisible(TRUE))
    want <- def$slots[name]
    if (is.na(want)) {
        if (name == ".Data") return(invisible(TRUE))
        stop(gettextf("no slot of name \"%s\" for this object of class \"%s\"", name, cls), call. = FALSE)
    }
    if (!is(value, want))
        stop(gettextf("assignment of an object of class %s is not valid for @%s in an object of class %s; is(value, \"%s\") is not TRUE",
                      dQuote(class(value)[1L]), sQuote(name), dQuote(cls), want), call. = FALSE)
    invisible(TRUE)
}

## Creates an object of class Class, with slots (and the data part) from ... through
## the class's initialize method.
new <- function(Class, ...) {
    def <- .s4_def(Class)
    if (is.null(def) && Class %in% c("mle", "summary.mle", "profile.mle")) {
        .stats4_setup()
        def <- .s4_def(Class)
    }
    if (is.null(def)) {
        b <- .s4_builtin_new(Class)
        if (!is.null(b) && !length(list(...))) return(b)
        if (!is.null(.S4_basic[[Class]])) {
            v <- .s4_basic_prototype(Class)
            a <- list(...)
            if (length(a)) v <- as(a[[1L]], Class)
            return(v)
        }
        stop(gettextf("%s is not a defined class", dQuote(Class)), call. = FALSE)
    }
    if (isTRUE(def$refClass)) return(.rc_new(Class, ...))
    if (isTRUE(def$virtual))
        stop(gettextf("trying to generate an object from a virtual class (\"%s\")", Class), call. = FALSE)
    proto <- def$prototype
    if (identical(def$dataPart, "environment")) proto <- .s4_set_slot(proto, ".xData", new.env())
    initialize(proto, ...)
}

## The default initialize method: unnamed arguments are objects of superclasses (their
## slots are copied) or the data part; named ones are slots; then validObject().
.s4_initialize_default <- function(.Object, ...) {
    args <- list(...)
    if (length(args) == 0L) return(.Object)
    cls <- class(.Object)[1L]
    def <- .s4_def(cls)
    nms <- names(args)
    if (is.null(nms)) nms <- character(length(args))
    s3based <- NA
    for (a in args[!nzchar(nms)]) {
        if (isS4(a) && !is.na(match(class(a)[1L], names(.s4_chain(cls))))) {
            sdef <- .s4_def(class(a)[1L])
            for (n in names(sdef$slots)) {
                if (n == ".xData" && identical(def$dataPart, "environment"))
                    .Object <- .s4_set_slot(.Object, ".xData", slot(a, n))
                else if (n == ".Data") .Object <- .s4_data_part(.Object, a@.Data, a)
                else .Object <- .s4_set_slot(.Object, n, slot(a, n))
            }
        } else if (!isS4(a) && !is.null(attr(a, "class")) &&
                   (if (is.na(s3based)) (s3based <- .s4_is_s3_based(def)) else s3based)) {
            .Object <- .s4_with_s3_data(.Object, a)
        } else if (identical(def$dataPart, "environment") && is.environment(a)) {
            .Object <- .s4_set_slot(.Object, ".xData", a)
        } else if (!is.null(def$dataPart) && (is(a, def$dataPart) || .s4_data_ok(def, a))) {
            .Object <- .s4_data_part(.Object, a, a)
            if (identical(def$dataPart, "data.frame")) .Object <- .s4_set_slot(.Object, ".S3Class", "data.frame")
        } else stop(gettextf("cannot use object of class %s in new():  class %s does not extend that class",
                             dQuote(class(a)[1L]), dQuote(cls)), call. = FALSE)
    }
    named <- nms[nzchar(nms)]
    bad <- named[is.na(match(named, names(def$slots)))]
    if (length(bad))
        stop(sprintf(if (length(bad) == 1L) "invalid name for slot of class %s: %s"
                     else "invalid names for slots of class %s: %s",
                     dQuote(cls), paste(bad, collapse = ", ")), call. = FALSE)
    for (k in which(nzchar(nms))) {
        n <- nms[k]
        want <- def$slots[[n]]
        if (!is(args[[k]], want))
            stop(gettextf("invalid class %s object: invalid object for slot \"%s\" in class \"%s\": got class \"%s\", should be or extend class \"%s\"",
                          dQuote(cls), n, cls, class(args[[k]])[1L], want), call. = FALSE)
        .Object <- .s4_set_slot(.Object, n, args[[k]])
    }
    validObject(.Object)
    .Object
}

## Sets the data part of obj to the value v, keeping the attributes (names, dim,
## levels, ...) of from.
.s4_data_part <- function(obj, v, from) {
    obj <- .s4_set_slot(obj, ".Data", v)
    sl <- names(.s4_def(class(obj)[1L])$slots)
    for (n in names(attributes(from))) if (!n %in% c("class", ".S3Class", sl))
        attr(obj, n) <- attr(from, n)
    obj
}

## Whether a is acceptable as the data part of a class (a basic value of the data part's
## type, or one that as() turns into it).
.s4_data_ok <- function(def, a) {
    dp <- def$dataPart
    if (isS4(a)) return(FALSE)
    ch <- .s4_chain(dp)
    for (u in names(ch)) { ud <- .s4_def(u); if (isTRUE(ud$union)) return(any(vapply(ud$members, function(m) is(a, m), NA))) }
    dp %in% c("vector", "structure") || (dp == "numeric" && is.numeric(a))
}

## Checks an object's slots against their classes and runs the validity methods of its
## class and superclasses (most distant first); stops with R's message when one fails.
validObject <- function(object, test = FALSE, complete = FALSE, .raw = FALSE) {
    cls <- class(object)[1L]
    def <- .s4_def(cls)
    if (is.null(def)) return(invisible(TRUE))
    errors <- character()
    for (n in names(def$slots)) {
        if (n == ".Data") next
        want <- def$slots[[n]]
        v <- slot(object, n)
        if (!is(v, want))
            errors <- c(errors, gettextf("invalid object for slot \"%s\" in class %s: got class \"%s\", should be or extend class \"%s\"",
                                         n, dQuote(cls), class(v)[1L], want))
        else if (complete && isS4(v)) {
            e <- validObject(v, test = TRUE, complete = TRUE, .raw = TRUE)
            if (is.character(e)) errors <- c(errors, gettextf("In slot \"%s\" of class \"%s\": %s", n, class(v)[1L], e))
        }
    }
    if (length(errors) == 0L) {
        ch <- .s4_chain(cls)
        for (s in rev(names(ch))) {
            sdef <- .s4_def(s)
            if (is.null(sdef) || is.null(sdef$validity)) next
            r <- sdef$validity(object)
            if (is.character(r) && length(r)) { errors <- r; break }
        }
    }
    if (length(errors)) {
        if (.raw) return(errors)
        msg <- if (length(errors) == 1L) paste0("invalid class ", dQuote(cls), " object: ", errors)
               else paste(paste0("invalid class ", dQuote(cls), " object: ", seq_along(errors), ": ", errors), collapse = "\n")
        if (test) return(msg)
        stop(msg, call. = FALSE)
    }
    TRUE
}

## Sets the validity method of a class; returns the class definition.
setValidity <- function(Class, method, where) {
    def <- getClass(Class)
    def$validity <- method
    assign(Class, def, envir = .S4_classes)
    def
}

## The validity method of a class.
getValidity <- function(ClassDef) ClassDef$validity

## With one argument, the classes an object's class extends (itself first); with two,
## whether object is of class2 (or a subclass of it).
is <- function(object, class2) {
    ch <- .s4_obj_chain(object)
    if (missing(class2)) return(names(ch))
    if (identical(class2, "ANY")) return(TRUE)
    if (!is.na(match(class2, names(ch)))) return(TRUE)
    if (class2 == "numeric" && is.numeric(object) && !is.factor(object)) return(TRUE)
    if (class2 == "function" && is.function(object)) return(TRUE)
    if (class2 == "vector" && is.vector(unclass(object))) return(TRUE)
    if (class2 == "oldClass" && !isS4(object) && !is.null(attr(object, "class"))) return(TRUE)
    FALSE
}

## Whether class1 extends class2; with one argument, the classes class1 extends.
extends <- function(class1, class2, maybe = TRUE, fullInfo = FALSE) {
    if (inherits(class1, "classRepresentation")) class1 <- class1$className
    ch <- .s4_chain(class1)
    if (missing(class2)) return(names(ch))
    if (inherits(class2, "classRepresentation")) class2 <- class2$className
    class2 == "ANY" || !is.na(match(class2, names(ch)))
}

## The slots of an S4 object's class with their values, for show().
.s4_show_default <- function(object) {
    cls <- class(object)[1L]
    def <- .s4_def(cls)
    if (!is.null(attr(object, ".xData")) && is.environment(attr(object, ".xData")) &&
        (isTRUE(def$refClass) || cls == "refObjectGenerator"))
        return(.rc_show_default(object))
    if (!isS4(object)) return(print(object))
    sl <- if (is.null(def)) character() else def$slots
    if (!is.null(s3 <- attr(object, ".S3Class"))) {
        cat("Object of class \"", cls, "\"\n", sep = "")
        print(S3Part(object, strictS3 = TRUE))
        own <- names(sl)[!names(sl) %in% c(".Data", ".S3Class", names(attributes(unclass(S3Part(object, TRUE)))))]
        for (n in own) {
            cat("Slot \"", n, "\":\n", sep = "")
            print(slot(object, n))
            cat("\n")
        }
        return(invisible())
    }
    cat("An object of class \"", cls, "\"\n", sep = "")
    if (identical(def$dataPart, "environment")) {
        print(attr(object, ".xData"))
        sl <- sl[names(sl) != ".xData"]
    }
    if (!is.null(def$dataPart) && !identical(def$dataPart, "environment")) {
        d <- object@.Data
        if (!is.null(names(object))) names(d) <- names(object)
        print(d)
    }
    for (n in names(sl)) {
        if (n == ".Data") next
        cat("Slot \"", n, "\":\n", sep = "")
        print(slot(object, n))
        cat("\n")
    }
    invisible()
}

## Coerces an object to Class: a basic type, or an S4 superclass (keeping its slots).
as <- function(object, Class, strict = TRUE) {
    if (!isS4(object) && is(object, Class) && (is.null(.s4_def(Class)) || isTRUE(.s4_def(Class)$old))) return(object)
    m <- .s4_coerce_method(class(object)[1L], Class)
    if (!is.null(m)) return(if (length(formals(m)) >= 2L) m(object, Class) else m(object))
    def <- .s4_def(Class)
    if (isS4(object)) {
        if (identical(Class, "S3")) return(S3Part(object, strictS3 = TRUE))
        if (identical(Class, "environment") && is.environment(attr(object, ".xData"))) return(attr(object, ".xData"))
        if (!is.null(attr(object, ".S3Class")) && (isTRUE(def$old) || Class %in% attr(object, ".S3Class")))
            return(S3Part(object))
    }
    if (!is.null(def)) {
        if (!isS4(object) || is.na(match(Class, names(.s4_chain(class(object)[1L])))))
            stop(gettextf("no method or default for coercing %s to %s", dQuote(class(object)[1L]), dQuote(Class)), call. = FALSE)
        obj <- def$prototype
        for (n in names(def$slots)) {
            if (n == ".Data") obj <- .s4_data_part(obj, object@.Data, object)
            else obj <- .s4_set_slot(obj, n, slot(object, n))
        }
        return(obj)
    }
    if (isS4(object) && Class == "factor" && !is.null(attr(object, "levels")))
        return(structure(object@.Data, levels = attr(object, "levels"), class = "factor"))
    if (isS4(object) && Class %in% c("numeric", "integer", "character", "logical", "list", "complex"))
        object <- object@.Data
    switch(Class, numeric = , double = as.numeric(object), integer = as.integer(object),
           character = as.character(object), logical = as.logical(object), list = as.list(object),
           complex = as.complex(object), factor = as.factor(object), vector = as.vector(object),
           "function" = as.function(object), matrix = as.matrix(object), data.frame = as.data.frame(object),
           stop(gettextf("no method or default for coercing %s to %s", dQuote(class(object)[1L]), dQuote(Class)), call. = FALSE))
}

## The coercion methods set by setAs, keyed "from#to".
.S4_coerce <- new.env()

## The setAs method converting class from (or a superclass of it) to class to, or NULL.
.s4_coerce_method <- function(from, to) {
    for (f in names(.s4_chain(from))) {
        m <- get0(paste(f, to, sep = "#"), envir = .S4_coerce, inherits = FALSE)
        if (!is.null(m)) return(m)
    }
    NULL
}

## Defines how as(object, to) converts an object of class from.
setAs <- function(from, to, def, replace, where) {
    fm <- names(formals(def))
    if (length(fm) != 1L && !identical(fm, c("from", "to")))
        stop(gettextf("'as' method should have one argument, or match the arguments of coerce(): got  (%s)",
                      paste(fm, collapse = ", ")), call. = FALSE)
    assign(paste(from, to, sep = "#"), def, envir = .S4_coerce)
    invisible()
}

## The prototype object of a class.
prototype <- function(...) list(...)


## Whether object is an instance of a class defined by setRefClass or setClass (for slotNames).
isVirtualClassDef <- function(def) isTRUE(def$virtual)
