# The methods package, part 5: the classes it defines from the start (R's S3 classes
# registered as old classes, the virtual classes of basic structures) and objects whose
# data part is an S3 object.

## The S3 classes the methods package registers (each vector a class and its S3 superclasses).
.OldClassesList <- list(c("anova", "data.frame"), c("mlm", "lm"), c("aov", "lm"),
    c("maov", "mlm", "lm"), c("POSIXct", "POSIXt"), c("POSIXlt", "POSIXt"), "Date",
    "dump.frames", c("glm", "lm"), c("anova.glm.null", "anova.glm"), "glm.null", "hsearch",
    "integrate", "packageInfo", "libraryIQR", "packageIQR", "mtable", "summaryDefault",
    "recordedplot", "socket", "packageIQR", "density", "logLik", "rle", "table")

## The class table at the start of a session: "oldClass" and the registered S3 classes.
.s4_init_classes <- function() {
    env <- new.env()
    mk <- function(cls, contains, old = TRUE)
        structure(list(className = cls, package = "methods", slots = c(.S3Class = "character"),
                       contains = contains, virtual = TRUE, validity = NULL, dataPart = NULL,
                       union = FALSE, subclasses = character(), prototype = NULL, old = old),
                  class = "classRepresentation")
    assign("oldClass", mk("oldClass", character(), FALSE), envir = env)
    for (v in .OldClassesList) {
        for (k in seq_along(v)) {
            cls <- v[k]
            if (!is.null(.S4_basic[[cls]]) || exists(cls, envir = env, inherits = FALSE)) next
            assign(cls, mk(cls, c(if (k < length(v)) v[k + 1L], "oldClass")), envir = env)
        }
    }
    env
}

## How R's showClass describes the built-in classes the examples meet: the superclasses
## and known subclasses with how each is reached, the prototype's class, and any slots.
.S4_builtin_show <- list(
    numeric = list(proto = "numeric", ext = c(vector = "directly"),
        subs = c(integer = "directly", double = "directly", factor = "by class \"integer\", distance 2",
                 ordered = "by class \"factor\", distance 3")),
    language = list(proto = "name",
        subs = c(name = "directly", call = "directly", "{" = "directly", "if" = "directly",
                 "<-" = "directly", "for" = "directly", "while" = "directly", "repeat" = "directly",
                 "(" = "directly", .name = "by class \"name\", distance 2, with explicit coerce")),
    structure = list(proto = "array", ext = c(vector = "directly, with explicit coerce"),
        subs = c(array = "directly", matrix = "by class \"array\", distance 2", ts = "directly",
                 mts = "by class \"matrix\", distance 3")),
    ts = list(slots = c(.Data = "vector", tsp = "numeric", .S3Class = "character"),
        ext = c(structure = "directly", oldClass = "directly",
                vector = "by class \"structure\", distance 2, with explicit coerce"),
        subs = c(mts = "directly")),
    data.frame = list(slots = c(.Data = "list", names = "character", row.names = "data.frameRowLabels",
                                .S3Class = "character"),
        ext = c(list = "from data part", oldClass = "directly", vector = "by class \"list\", distance 2")),
    vector = list(proto = "logical"),
    call = list(proto = "call", ext = c(language = "directly")),
    "if" = list(proto = "if", ext = c(language = "directly")),
    "for" = list(proto = "for", ext = c(language = "directly")))

## The classes the methods package knows that are virtual.
.s4_builtin_virtual <- c("vector", "ANY", "missing", "structure", "language", "nonStructure",
                         "OptionalFunction", "PossibleMethod", "optionalMethod", "oldClass")

## Writes the "Extends:" or "Known Subclasses:" part of showClass for (class, how) pairs.
.s4_show_rel <- function(title, how) {
    if (!length(how)) return(invisible())
    if (all(how == "directly") && length(how) <= 3L)
        cat("\n", title, ": ", paste0("\"", names(how), "\"", collapse = ", "), "\n", sep = "")
    else {
        cat("\n", title, ": \n", sep = "")
        for (k in seq_along(how)) cat("Class \"", names(how)[k], "\", ", how[[k]], "\n", sep = "")
    }
}

## showClass for a class the methods package defines.
.s4_show_builtin <- function(cls, spec, propertiesAreCalled = "Slots") {
    virt <- cls %in% .s4_builtin_virtual
    cat(if (virt) "Virtual Class " else "Class ", "\"", cls, "\" [package \"methods\"]\n", sep = "")
    if (length(spec$slots)) {
        cat("\n", propertiesAreCalled, ":\n", sep = "")
        .s4_print_table(names(spec$slots), unname(spec$slots))
    } else cat("\nNo Slots, prototype of class \"", if (is.null(spec$proto)) cls else spec$proto, "\"\n", sep = "")
    .s4_show_rel("Extends", spec$ext)
    subs <- spec$subs
    user <- .s4_known_subclasses(cls)
    user <- user[is.na(match(names(user), names(subs))) &
                 !vapply(names(user), function(nm) isTRUE(.s4_def(nm)$old), NA)]
    if (length(user)) {
        extra <- vapply(names(user), function(nm) if (user[[nm]] == 1) {
            if (identical(.s4_def(nm)$dataPart, cls)) "from data part" else "directly"
        } else
            paste0("by class \"", .s4_via(nm, cls), "\", distance ", user[[nm]]), "")
        subs <- c(subs, extra)
    }
    .s4_show_rel("Known Subclasses", subs)
    invisible()
}

## The prototype new() gives for a class the methods package defines, or NULL.
.s4_builtin_new <- function(Class) {
    switch(Class,
        "if" = quote(if (NA) TRUE else FALSE),
        "for" = quote(for (NAME in logical()) NULL),
        "while" = quote(while (FALSE) NULL),
        "repeat" = quote(repeat break),
        "{" = quote({}),
        "(" = quote((NULL)),
        "<-" = quote(`<-`(.Object, value)),
        call = quote("<undef>"()),
        name = as.name("<UNDEFINED>"),
        expression = expression(),
        ts = {
            x <- .s4_set_class(NA, "ts", "methods")
            x <- .s4_set_slot(x, "tsp", c(1, 1, 1))
            .s4_set_slot(x, ".S3Class", "ts")
        },
        NULL)
}

## Whether a class's data part is an S3 object (it extends a registered S3 class).
.s4_is_s3_based <- function(def) {
    for (s in names(.s4_chain(def$className))[-1L]) {
        d <- .s4_def(s)
        if (isTRUE(d$old)) return(TRUE)
    }
    FALSE
}

## An S4 object of class cls whose data part is the S3 object a: a's attributes but its
## class are kept, the S3 class goes to the .S3Class slot, other slots from obj.
.s4_with_s3_data <- function(obj, a) {
    cls <- class(obj)[1L]
    pkg <- attr(class(obj), "package")
    s3 <- class(a)
    x <- a
    attr(x, "class") <- NULL
    def <- .s4_def(cls)
    for (n in names(def$slots)) if (!n %in% c(".Data", ".S3Class") && is.null(attr(a, n)))
        x <- .s4_set_slot(x, n, slot(obj, n))
    x <- .s4_set_class(x, cls, if (is.null(pkg)) ".GlobalEnv" else pkg)
    .s4_set_slot(x, ".S3Class", s3)
}

## The S3 object inside an S4 object that extends an S3 class (with strictS3 its whole S3
## class, else the first one).
S3Part <- function(object, strictS3 = FALSE, S3Class) {
    s3 <- attr(object, ".S3Class")
    if (is.null(s3)) return(object@.Data)
    x <- object
    def <- .s4_def(class(object)[1L])
    sl <- if (is.null(def)) .S4_builtin_show[[class(object)[1L]]]$slots else def$slots
    for (n in c(names(sl), ".S3Class")) if (!n %in% c(".Data", "names", "row.names", "levels", "tsp", "dim", "dimnames"))
        attr(x, n) <- NULL
    attr(x, "class") <- NULL
    class(x) <- if (strictS3) s3 else s3[1L]
    x
}

## Replaces the S3 part of an S4 object.
`S3Part<-` <- function(object, strictS3 = FALSE, needClass, value) {
    .s4_with_s3_data(object, value)
}

## The S3 class of an object: the .S3Class slot of an S4 object, else class(x).
S3Class <- function(object) {
    s3 <- attr(object, ".S3Class")
    if (is.null(s3)) class(object) else s3
}

## The data part of an S4 object.
getDataPart <- function(object, NULL.for.none = FALSE) {
    v <- object@.Data
    v
}

## An object's class as text for messages (with its package for S4 classes).
classLabel <- function(Class) paste0("\"", Class, "\"")

## Declares that class1 extends class2 (optionally through a test and explicit coerce and
## replace methods); a basic class1 joins class2 when that is a class union.
setIs <- function(class1, class2, test = NULL, coerce = NULL, replace = NULL, by = character(),
                  where, classDef, extensionObject = NULL, doComplete = TRUE) {
    def <- .s4_def(class1)
    d2 <- .s4_def(class2)
    if (is.null(def) || isTRUE(d2$union)) {
        if (!isTRUE(d2$union))
            stop(gettextf("class %s has no visible definition from package or environment %s",
                          dQuote(class1), sQuote(".GlobalEnv")), call. = FALSE)
        d2$members <- unique(c(d2$members, class1))
        d2$subclasses <- unique(c(d2$subclasses, class1))
        assign(class2, d2, envir = .S4_classes)
        assign(class1, unique(c(get0(class1, envir = .S4_union_of, inherits = FALSE), class2)),
               envir = .S4_union_of)
    } else {
        def$contains <- unique(c(def$contains, class2))
        if (is.null(def$ext)) def$ext <- list()
        def$ext[[class2]] <- list(test = test, coerce = coerce, replace = replace)
        assign(class1, def, envir = .S4_classes)
        if (!is.null(d2)) {
            d2$subclasses <- unique(c(d2$subclasses, class1))
            assign(class2, d2, envir = .S4_classes)
        }
    }
    if (is.function(coerce)) {
        f <- coerce
        if (!identical(names(formals(f)), "from")) {
            g <- f
            f <- function(from) g(from)
        }
        setAs(class1, class2, f)
    }
    .s4_classes_changed()
    invisible()
}

## The methods R's methods package defines for the Ops, Math and Math2 groups: objects
## extending "structure" keep their class when the result keeps their length, those
## extending "nonStructure" give plain vectors.
.s4_builtin_methods <- function(rec) {
    add <- function(sig, f) {
        key <- .s4_put_method(rec, sig, f)
        assign(key, TRUE, envir = rec$builtin_methods)
    }
    if (rec$name == "Ops") {
        add(c("structure", "vector"), function(e1, e2) {
            value <- callGeneric(e1@.Data, e2)
            if (length(value) == length(e1)) {
                e1@.Data <- value
                e1
            }
            else value
        })
        add(c("structure", "structure"), function(e1, e2)
            callGeneric(if (isS4(e1)) e1@.Data else e1, if (isS4(e2)) e2@.Data else e2))
        add(c("vector", "structure"), function(e1, e2) {
            value <- callGeneric(e1, e2@.Data)
            if (length(value) == length(e2)) {
                e2@.Data <- value
                e2
            }
            else value
        })
        add(c("array", "array"), function(e1, e2) callGeneric(e1@.Data, e2@.Data))
        add(c("array", "structure"), function(e1, e2) callGeneric(as.vector(e1), e2@.Data))
        add(c("structure", "array"), function(e1, e2) callGeneric(e1@.Data, as.vector(e2)))
        add(c("nonStructure", "vector"), function(e1, e2) callGeneric(e1@.Data, e2))
        add(c("nonStructure", "nonStructure"), function(e1, e2) callGeneric(e1@.Data, e2@.Data))
        add(c("vector", "nonStructure"), function(e1, e2) callGeneric(e1, e2@.Data))
    } else if (rec$name == "Math") {
        add("structure", function(x) {
            x@.Data <- callGeneric(x@.Data)
            x
        })
        add("nonStructure", function(x) callGeneric(x@.Data))
    } else if (rec$name == "[") {
        # an S4 object extending "data.frame" is indexed as its data frame
        add("data.frame", .s4_index_default("[", function(x) S3Part(x, strictS3 = TRUE)))
    } else if (rec$name == "Math2") {
        add("structure", function(x, digits) {
            x@.Data <- callGeneric(x@.Data, digits)
            x
        })
        add("nonStructure", function(x, digits) callGeneric(x@.Data, digits))
    }
    invisible(rec)
}
