# The methods package, part 2: S4 generic functions, method tables and dispatch
# (multiple dispatch with R's inheritance distance, "ANY" and "missing", group generics,
# callNextMethod), and S4 methods for builtins and operators (dispatched from the
# evaluator through builtins/methods/objects.rs).

## The generic functions of the session, by name: each an environment holding the
## dispatch arguments (sig), the formals, the methods and their signatures, and a cache.
.S4_generics <- new.env()

## The record of generic f, or NULL. show and initialize exist from the start.
.s4_rec <- function(f) {
    rec <- get0(f, envir = .S4_generics, inherits = FALSE)
    if (!is.null(rec)) return(rec)
    if (identical(f, "show")) {
        rec <- .s4_new_rec("show", "object", "object", FALSE)
        .s4_put_method(rec, "ANY", .s4_show_default)
        return(rec)
    }
    if (identical(f, "initialize")) {
        rec <- .s4_new_rec("initialize", ".Object", c(".Object", "..."), FALSE)
        .s4_put_method(rec, "ANY", .s4_initialize_default)
        return(rec)
    }
    NULL
}

## A new generic record, registered under name.
.s4_new_rec <- function(name, sig, formals, prim, valueClass = character()) {
    rec <- new.env()
    rec$name <- name
    rec$sig <- sig
    rec$formals <- formals
    rec$prim <- prim
    rec$valueClass <- valueClass
    rec$methods <- new.env()
    rec$sigs <- new.env()
    rec$order <- character()
    rec$cache <- new.env()
    rec$inherited <- new.env()
    assign(name, rec, envir = .S4_generics)
    rec
}

## Stores a method under its signature (padded with "ANY" to the dispatch arguments).
.s4_put_method <- function(rec, sig, def) {
    sig <- .s4_pad(rec, sig)
    key <- paste(sig, collapse = "#")
    assign(key, def, envir = rec$methods)
    assign(key, sig, envir = rec$sigs)
    if (is.na(match(key, rec$order))) rec$order <- c(rec$order, key)
    key
}

## A signature as a character vector over the generic's dispatch arguments.
.s4_pad <- function(rec, sig) {
    sig <- as.character(sig)
    nms <- names(sig)
    n <- length(rec$sig)
    out <- rep("ANY", n)
    if (!is.null(nms) && any(nzchar(nms))) {
        pos <- 1L
        for (k in seq_along(sig)) {
            if (nzchar(nms[k])) {
                j <- match(nms[k], rec$sig)
                if (is.na(j)) stop(gettextf("the method for function %s and signature %s has an argument %s not in the generic",
                                            sQuote(rec$name), sig[k], sQuote(nms[k])), call. = FALSE)
                out[j] <- sig[k]
            } else {
                out[pos] <- sig[k]
            }
            pos <- pos + 1L
        }
    } else if (length(sig)) {
        if (length(sig) > n) stop(gettextf("more elements in the method signature (%d) than in the generic signature (%d) for function %s",
                                            length(sig), n, sQuote(rec$name)), call. = FALSE)
        out[seq_along(sig)] <- sig
    }
    out
}

## Forgets every generic's dispatch cache (after a class or method changes).
.s4_generics_changed <- function() {
    for (f in ls(.S4_generics, all.names = TRUE)) {
        rec <- get(f, envir = .S4_generics)
        rec$cache <- new.env()
        rec$inherited <- new.env()
    }
}

## The groups an operator or function belongs to, innermost first.
.s4_groups <- function(name) {
    g <- switch(name,
        "+" = , "-" = , "*" = , "/" = , "^" = , "%%" = , "%/%" = "Arith",
        "==" = , "!=" = , "<" = , ">" = , "<=" = , ">=" = "Compare",
        "&" = , "|" = "Logic",
        Arith = , Compare = , Logic = "Ops",
        abs = , sign = , sqrt = , ceiling = , floor = , trunc = , cummax = , cummin = ,
        cumprod = , cumsum = , exp = , expm1 = , log = , log10 = , log2 = , log1p = ,
        cos = , cosh = , sin = , sinh = , tan = , tanh = , acos = , acosh = , asin = ,
        asinh = , atan = , atanh = , gamma = , lgamma = , digamma = , trigamma = "Math",
        round = , signif = "Math2",
        max = , min = , range = , prod = , sum = , any = , all = "Summary",
        NULL)
    if (is.null(g)) character() else c(g, .s4_groups(g))
}

## The members of a group generic (operators and functions), or NULL.
.s4_group_members <- function(g) {
    switch(g,
        Arith = c("+", "-", "*", "/", "^", "%%", "%/%"),
        Compare = c("==", "!=", "<", ">", "<=", ">="),
        Logic = c("&", "|"),
        Ops = c(.s4_group_members("Arith"), .s4_group_members("Compare"), .s4_group_members("Logic")),
        Math = c("abs", "sign", "sqrt", "ceiling", "floor", "trunc", "cummax", "cummin", "cumprod",
                 "cumsum", "exp", "expm1", "log", "log10", "log2", "log1p", "cos", "cosh", "sin",
                 "sinh", "tan", "tanh", "acos", "acosh", "asin", "asinh", "atan", "atanh",
                 "gamma", "lgamma", "digamma", "trigamma"),
        Math2 = c("round", "signif"),
        Summary = c("max", "min", "range", "prod", "sum", "any", "all"),
        NULL)
}

## The formals S4 dispatch uses for a builtin.
.s4_prim_formals <- function(name) {
    if (!is.null(.s4_groups(name)) && length(.s4_groups(name)) &&
        .s4_groups(name)[1L] %in% c("Arith", "Compare", "Logic", "Ops")) return(c("e1", "e2"))
    switch(name,
        Arith = , Compare = , Logic = , Ops = c("e1", "e2"),
        Math = "x", Math2 = c("x", "digits"), Summary = c("x", "...", "na.rm"),
        "[" = c("x", "i", "j", "...", "drop"), "[[" = c("x", "i", "j", "..."),
        "$" = c("x", "name"), length = "x", "names" = "x", "dim" = "x",
        "as.character" = c("x", "..."), "as.numeric" = c("x", "..."),
        c("x", "..."))
}

## The generic's record for a builtin, operator or group (created on first use).
.s4_prim_rec <- function(name) {
    rec <- get0(name, envir = .S4_generics, inherits = FALSE)
    if (!is.null(rec)) return(rec)
    fm <- .s4_prim_formals(name)
    sig <- fm[!fm %in% c("...", "drop", "na.rm", "digits")]
    if (name %in% c("Math2", "round", "signif")) sig <- "x"
    rec <- .s4_new_rec(name, sig, fm, TRUE)
    members <- .s4_group_members(name)
    .s4_add_prims(if (is.null(members)) name else members)
    rec
}

## Creates the generic function name (dispatching with standardGeneric) and its record.
setGeneric <- function(name, def = NULL, where = topenv(parent.frame()), package = NULL,
                       valueClass = character(), useAsDefault = NULL, genericFunction = NULL,
                       simpleInheritanceOnly = NULL, signature = NULL) {
    existing <- get0(name, envir = parent.frame(), mode = "function")
    if (!is.null(existing) && !is.null(.s4_rec(name)) && is.null(def)) return(name)
    default <- NULL
    if (is.null(def)) {
        if (is.null(existing))
            stop(gettextf("must supply a function skeleton for %s, explicitly or via an existing function",
                          sQuote(name)), call. = FALSE)
        if (!identical(environment(existing), globalenv()))
            message(gettextf("Creating a generic function for %s from package %s in the global environment",
                             sQuote(name), sQuote("base")))
        def <- existing
        default <- existing
    } else if (!.s4_calls_standardGeneric(body(def))) {
        default <- def
    } else if (!is.null(useAsDefault) && is.function(useAsDefault)) {
        default <- useAsDefault
    } else if (!is.null(existing) && is.null(.s4_rec(name))) {
        default <- existing
    }
    fm <- names(formals(def))
    if (is.null(fm)) fm <- character()
    sig <- if (!is.null(signature)) as.character(signature) else fm[fm != "..."]
    rec <- .s4_new_rec(name, sig, fm, FALSE, valueClass)
    if (!is.null(default)) .s4_put_method(rec, rep("ANY", length(sig)), default)
    gen <- def
    if (!.s4_calls_standardGeneric(body(def)))
        body(gen) <- substitute(standardGeneric(NAME), list(NAME = name))
    environment(gen) <- if (.s4_calls_standardGeneric(body(def))) environment(def) else globalenv()
    attr(gen, "generic") <- name
    assign(name, gen, envir = globalenv())
    .s4_generics_changed()
    name
}

## Whether an expression calls standardGeneric.
.s4_calls_standardGeneric <- function(e) {
    if (is.call(e)) {
        if (identical(e[[1L]], as.name("standardGeneric"))) return(TRUE)
        for (k in seq_along(e)) if (k > 1L && .s4_calls_standardGeneric(e[[k]])) return(TRUE)
        if (length(e) && .s4_calls_standardGeneric(e[[1L]])) return(TRUE)
    }
    FALSE
}

## The class key of one argument for dispatch caches.
.s4_arg_key <- function(x) paste(class(x), collapse = "/")

## Selects the method of generic name (and its groups) for the argument classes' chains:
## the one with the least total inheritance distance, "ANY" being farther than any
## superclass. Returns list(rec, key, name) or NULL; skip names a key not to select.
.s4_select <- function(names, chains, skip = NULL) {
    best <- NULL
    bestd <- Inf
    for (gi in seq_along(names)) {
        rec <- if (gi == 1L) .s4_rec(names[gi]) else get0(names[gi], envir = .S4_generics, inherits = FALSE)
        if (is.null(rec)) next
        for (key in rec$order) {
            if (!is.null(skip) && identical(skip, paste(names[gi], key))) next
            sig <- get(key, envir = rec$sigs)
            d <- (gi - 1) * 1e-3
            for (i in seq_along(chains)) {
                s <- if (i <= length(sig)) sig[i] else "ANY"
                ch <- chains[[i]]
                if (s == "ANY") d <- d + max(ch) + 1
                else {
                    di <- ch[s]
                    if (is.na(di)) { d <- NA; break }
                    d <- d + di
                }
            }
            if (!is.na(d) && d < bestd) {
                bestd <- d
                best <- list(rec = rec, key = key, name = names[gi])
            }
        }
    }
    best
}

## The method selected, wrapped so that it knows its generic (.Generic) and what
## callNextMethod needs.
.s4_bind <- function(sel, name) {
    m <- get(sel$key, envir = sel$rec$methods)
    fm <- names(formals(m))
    ctx <- list(name = name, group = sel$name, key = sel$key, defined = get(sel$key, envir = sel$rec$sigs),
                formals = if (is.null(fm)) character() else fm)
    .s4_with_env(m, list(.Generic = name, .s4_ctx = ctx))
}

## The error R gives when no method fits.
.s4_no_method <- function(f, classes) {
    stop(gettextf("unable to find an inherited method for function %s for signature %s",
                  sQuote(f), sQuote(paste0("\"", classes, "\"", collapse = ", "))), call. = FALSE)
}

## The dispatch of generic f from its frame env when the method for these classes is not
## cached yet (standardGeneric's slow path): selects it, caches it and calls it.
.s4_dispatch_slow <- function(f, env) {
    rec <- .s4_rec(f)
    if (is.null(rec)) stop(gettextf("expected a generic function or a primitive for dispatch, got an object of class %s",
                                    dQuote("character")), call. = FALSE)
    sig <- rec$sig
    n <- length(sig)
    here <- logical(n)
    keys <- character(n)
    for (i in seq_len(n)) {
        here[i] <- sig[i] %in% rec$formals && !eval(call("missing", as.name(sig[i])), env)
        keys[i] <- if (here[i]) .s4_arg_key(get(sig[i], envir = env)) else "missing"
    }
    key <- paste(keys, collapse = "#")
    m <- get0(key, envir = rec$cache, inherits = FALSE)
    if (is.null(m)) {
        chains <- vector("list", n)
        for (i in seq_len(n))
            chains[[i]] <- if (here[i]) .s4_obj_chain(get(sig[i], envir = env)) else c(missing = 0)
        sel <- .s4_select(f, chains)
        if (is.null(sel)) .s4_no_method(f, vapply(chains, function(ch) names(ch)[1L], ""))
        m <- .s4_bind(sel, f)
        assign(key, m, envir = rec$cache)
        target <- vapply(chains, function(ch) names(ch)[1L], "")
        tkey <- paste(target, collapse = "#")
        if (!identical(tkey, sel$key) && is.null(get0(tkey, envir = rec$methods, inherits = FALSE)))
            assign(tkey, list(target = target, defined = get(sel$key, envir = sel$rec$sigs)), envir = rec$inherited)
    }
    .s4_call_in(m, rec$formals, env)
}

## Calls m with the formals of the frame env passed on by name (missing ones left out).
.s4_call_in <- function(m, formals, env) {
    args <- list()
    for (a in formals) {
        if (a == "...") {
            args <- c(args, list(as.name("...")))
        } else if (!eval(call("missing", as.name(a)), env)) {
            args[[a]] <- as.name(a)
        }
    }
    e2 <- new.env(parent = env)
    assign(".s4_method", m, envir = e2)
    eval(as.call(c(list(as.name(".s4_method")), args)), e2)
}

## The evaluator's hook for builtins and operators with S4 methods: the method for these
## arguments (classes, with "missing" for empty ones), or a symbol when none applies.
.s4_prim_method <- function(name, classes, objs) {
    rec <- get0(name, envir = .S4_generics, inherits = FALSE)
    if (is.null(rec)) rec <- .s4_prim_rec(name)
    n <- min(length(rec$sig), length(classes))
    if (name %in% .s4_group_members("Summary")) n <- 1L
    keys <- character(n)
    for (i in seq_len(n)) keys[i] <- if (classes[i] == "missing") "missing" else .s4_arg_key(objs[[i]])
    key <- paste(keys, collapse = "#")
    m <- get0(key, envir = rec$cache, inherits = FALSE)
    if (is.null(m)) {
        chains <- vector("list", n)
        for (i in seq_len(n))
            chains[[i]] <- if (classes[i] == "missing") c(missing = 0) else .s4_obj_chain(objs[[i]])
        sel <- .s4_select(c(name, .s4_groups(name)), chains)
        m <- if (is.null(sel)) quote(.no_S4_method) else .s4_bind(sel, name)
        assign(key, m, envir = rec$cache)
    }
    m
}

## The method after the current one (for callNextMethod): the best method for the
## superclasses of the current method's defined signature, else the default.
.s4_next_method <- function(ctx) {
    chains <- lapply(ctx$defined, function(s) if (s == "ANY") c(ANY = 0) else .s4_chain(s))
    names <- c(ctx$name, .s4_groups(ctx$name))
    names <- names[match(ctx$group, names):length(names)]
    sel <- .s4_select(names, chains, skip = paste(ctx$group, ctx$key))
    if (!is.null(sel)) return(.s4_bind(sel, ctx$name))
    rec <- get0(ctx$group, envir = .S4_generics, inherits = FALSE)
    if (!is.null(rec) && isTRUE(rec$prim)) {
        name <- ctx$name
        return(function(...) .s4_internal(name, list(...)))
    }
    stop("no next method available", call. = FALSE)
}

## Calls the next method: the method the current one overrides (or the default), with
## the arguments given, or with the current method's arguments when none are.
callNextMethod <- function(...) {
    env <- parent.frame()
    ctx <- get0(".s4_ctx", envir = env)
    if (is.null(ctx)) stop("callNextMethod() called from outside a method dispatch", call. = FALSE)
    nm <- .s4_next_method(ctx)
    # the result is visible, as R's is
    value <- if (nargs() > 0L) nm(...) else .s4_call_in(nm, ctx$formals, env)
    value
}

## Calls the current generic (.Generic) again with new arguments.
callGeneric <- function(...) {
    f <- get(".Generic", envir = parent.frame())
    do.call(f, list(...))
}

## Defines the method of generic f for a signature of classes (creating the generic
## from an existing function or builtin when there is none yet).
setMethod <- function(f, signature = character(), definition, where, valueClass = NULL, sealed = FALSE) {
    rec <- .s4_rec(f)
    if (is.null(rec)) {
        fn <- get0(f, envir = parent.frame(), mode = "function")
        if (!is.null(.s4_group_members(f)) || f %in% c("$", "[", "[[") ||
            (!is.null(fn) && typeof(fn) %in% c("builtin", "special"))) {
            rec <- .s4_prim_rec(f)
        } else if (!is.null(fn)) {
            message(gettextf("Creating a generic function from function %s in the global environment", sQuote(f)))
            suppressMessages(setGeneric(f, where = parent.frame()))
            rec <- .s4_rec(f)
        } else stop(gettextf("no existing definition for function %s", sQuote(f)), call. = FALSE)
    }
    .s4_put_method(rec, signature, definition)
    .s4_generics_changed()
    invisible(f)
}

## A signature: the classes of the dispatch arguments, by name or position.
signature <- function(...) {
    x <- c(...)
    if (is.null(x)) character() else x
}

## Whether f is a generic function with S4 methods (or could have them).
isGeneric <- function(f, where, fdef, getName = FALSE) !is.null(get0(f, envir = .S4_generics, inherits = FALSE)) || f %in% c("show", "initialize")

## Whether a method is defined for exactly this signature.
existsMethod <- function(f, signature = character(), where) {
    rec <- .s4_rec(f)
    if (is.null(rec)) return(FALSE)
    key <- paste(.s4_pad(rec, signature), collapse = "#")
    !is.null(get0(key, envir = rec$methods, inherits = FALSE))
}

## Whether a method is defined or inherited for this signature.
hasMethod <- function(f, signature = character(), where) {
    rec <- .s4_rec(f)
    if (is.null(rec)) return(FALSE)
    if (length(signature) == 0L) return(length(rec$order) > 0L)
    sig <- .s4_pad(rec, signature)
    chains <- lapply(sig, function(s) if (s == "ANY") c(ANY = 0) else .s4_chain(s))
    !is.null(.s4_select(f, chains))
}

## The method defined for exactly this signature (an error when there is none).
getMethod <- function(f, signature = character(), where, optional = FALSE, mlist, fdef) {
    rec <- .s4_rec(f)
    if (is.null(rec)) {
        if (optional) return(NULL)
        stop(gettextf("no generic function found for '%s'", f), call. = FALSE)
    }
    sig <- .s4_pad(rec, signature)
    key <- paste(sig, collapse = "#")
    m <- get0(key, envir = rec$methods, inherits = FALSE)
    if (is.null(m)) {
        if (optional) return(NULL)
        stop(gettextf("no method for %s matches class %s", sQuote(f), dQuote(signature[1L])), call. = FALSE)
    }
    .s4_method_def(m, rec, sig, sig)
}

## The method dispatch would select for this signature (an error when there is none).
selectMethod <- function(f, signature = character(), optional = FALSE, useInherited, mlist, fdef, verbose, doCache) {
    rec <- .s4_rec(f)
    if (is.null(rec)) stop(gettextf("no generic function found for '%s'", f), call. = FALSE)
    sig <- .s4_pad(rec, signature)
    chains <- lapply(sig, function(s) if (s == "ANY") c(ANY = 0) else .s4_chain(s))
    sel <- .s4_select(f, chains)
    if (is.null(sel)) {
        if (optional) return(NULL)
        stop(gettextf("no method for %s matches class %s", sQuote(f), dQuote(signature[1L])), call. = FALSE)
    }
    .s4_method_def(get(sel$key, envir = sel$rec$methods), rec, sig, get(sel$key, envir = sel$rec$sigs))
}

## A method with its target and defined signatures, printed as R's MethodDefinition.
.s4_method_def <- function(m, rec, target, defined) {
    names(target) <- rec$sig[seq_along(target)]
    names(defined) <- rec$sig[seq_along(defined)]
    attr(m, "target") <- target
    attr(m, "defined") <- defined
    class(m) <- "MethodDefinition"
    m
}

## Prints a method definition as R does.
print.MethodDefinition <- function(x, ...) {
    cat("Method Definition:\n\n")
    f <- x
    attributes(f) <- NULL
    print(f)
    cat("\nSignatures:\n")
    t <- attr(x, "target")
    d <- attr(x, "defined")
    m <- rbind(target = paste0("\"", t, "\""), defined = paste0("\"", d, "\""))
    colnames(m) <- names(t)
    print(m, quote = FALSE)
    invisible(x)
}

## Removes the method for exactly this signature; FALSE (with a warning) when none.
removeMethod <- function(f, signature = character(), where) {
    rec <- .s4_rec(f)
    if (is.null(rec)) {
        warning(gettextf("no generic function %s found", sQuote(f)))
        return(FALSE)
    }
    key <- paste(.s4_pad(rec, signature), collapse = "#")
    if (is.null(get0(key, envir = rec$methods, inherits = FALSE))) {
        warning(gettextf("no method found for function %s and signature %s", sQuote(f),
                         paste0("\"", signature, "\"", collapse = ", ")))
        return(FALSE)
    }
    rm(list = key, envir = rec$methods)
    rm(list = key, envir = rec$sigs)
    rec$order <- rec$order[rec$order != key]
    .s4_generics_changed()
    TRUE
}

## Lists the methods of a generic (those defined, then those inherited so far).
showMethods <- function(f, where, classes = NULL, includeDefs = FALSE, inherited = !missing(classes),
                        showEmpty, printTo, fdef) {
    if (is.function(f)) f <- attr(f, "generic")
    rec <- .s4_rec(f)
    if (is.null(rec)) {
        cat("\nFunction \"", f, "\":\n <not an S4 generic function>\n", sep = "")
        return(invisible())
    }
    cat("Function: ", f, " (package ", if (isTRUE(rec$prim) || f %in% c("show", "initialize")) "base" else ".GlobalEnv", ")\n", sep = "")
    fmt <- function(sig) paste0(rec$sig[seq_along(sig)], "=\"", sig, "\"", collapse = ", ")
    keys <- sort(c(rec$order, ls(rec$inherited, all.names = TRUE)))
    for (key in keys) {
        sig <- get0(key, envir = rec$sigs, inherits = FALSE)
        if (!is.null(sig)) {
            cat(fmt(sig), "\n", sep = "")
            if (includeDefs) {
                m <- get(key, envir = rec$methods)
                attributes(m) <- NULL
                print(m)
                cat("\n")
            }
        } else {
            inh <- get(key, envir = rec$inherited)
            cat(fmt(inh$target), "\n", sep = "")
            cat("    (inherited from: ", fmt(inh$defined), ")\n", sep = "")
        }
    }
    cat("\n")
    invisible()
}

## The names of the generic functions with methods.
getGenerics <- function(where, searchForm = FALSE) sort(ls(.S4_generics, all.names = TRUE))

## Removes a generic function and its methods.
removeGeneric <- function(f, where) {
    if (is.null(get0(f, envir = .S4_generics, inherits = FALSE))) return(FALSE)
    rm(list = f, envir = .S4_generics)
    if (exists(f, envir = globalenv(), inherits = FALSE)) rm(list = f, envir = globalenv())
    TRUE
}

## Displays an object: the S4 method for its class, else R's default display.
show <- function(object) standardGeneric("show")

## Initializes a new object from new()'s arguments (S4 methods may refine it; the default
## sets slots from named arguments and validates).
initialize <- function(.Object, ...) standardGeneric("initialize")

## Whether object has a slot called name.
.hasSlot <- function(object, name) !is.null(attr(object, name))
