# The methods package, part 2: S4 generic functions, method tables and dispatch
# (multiple dispatch with R's inheritance distance, "ANY" and "missing", group generics,
# callNextMethod), and S4 methods for builtins and operators (dispatched from the
# evaluator through builtins/methods/objects.rs).

## The generic functions of the session, by name: each an environment holding the
## dispatch arguments (sig), the formals, the methods and their signatures, and a cache.
.S4_generics <- new.env()

## The record of generic f, or NULL. show and initialize exist from the start.
.s4_rec <- function(f) {
    if (is.function(f)) f <- attr(f, "generic")
    if (!is.character(f) || length(f) != 1L) return(NULL)
    rec <- get0(f, envir = .S4_generics, inherits = FALSE)
    if (!is.null(rec)) return(rec)
    if (identical(f, "show")) {
        rec <- .s4_new_rec("show", "object", "object", FALSE)
        .s4_put_method(rec, "ANY", .s4_show_default)
        return(rec)
    }
    if (f %in% c("cbind2", "rbind2")) {
        rec <- .s4_new_rec(f, c("x", "y"), c("x", "y", "..."), FALSE)
        rec$package <- "methods"
        bind <- if (f == "cbind2") cbind else rbind
        .s4_put_method(rec, c("ANY", "ANY"), function(x, y, ...) do.call(bind, list(x, y)))
        .s4_put_method(rec, c("ANY", "missing"), function(x, y, ...) do.call(bind, list(x)))
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
    rec$builtin_methods <- new.env()
    rec$sealed_methods <- new.env()
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
    nms <- names(sig)
    sig <- as.character(sig)
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
        Arg = , Conj = , Im = , Mod = , Re = "Complex",
        cospi = , sinpi = , tanpi = "Math",
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
                 "gamma", "lgamma", "digamma", "trigamma", "cospi", "sinpi", "tanpi"),
        Math2 = c("round", "signif"),
        Summary = c("max", "min", "range", "prod", "sum", "any", "all"),
        Complex = c("Arg", "Conj", "Im", "Mod", "Re"),
        NULL)
}

## The formals S4 dispatch uses for a builtin.
.s4_prim_formals <- function(name) {
    if (!is.null(.s4_groups(name)) && length(.s4_groups(name)) &&
        .s4_groups(name)[1L] %in% c("Arith", "Compare", "Logic", "Ops")) return(c("e1", "e2"))
    if (length(g <- .s4_groups(name)) && g[1L] == "Complex") return("z")
    if (length(g) && g[1L] == "Math") return("x")
    switch(name,
        Arith = , Compare = , Logic = , Ops = c("e1", "e2"),
        Math = "x", Math2 = c("x", "digits"), Summary = c("x", "...", "na.rm"), Complex = "z",
        "[" = c("x", "i", "j", "...", "drop"), "[[" = c("x", "i", "j", "..."),
        "[<-" = , "[[<-" = c("x", "i", "j", "...", "value"), "$<-" = c("x", "name", "value"),
        "$" = c("x", "name"), length = "x", "names" = "x", "dim" = "x",
        "as.character" = c("x", "..."), "as.numeric" = c("x", "..."),
        c("x", "..."))
}

## The generic's record for a builtin, operator or group (created on first use).
.s4_prim_rec <- function(name) {
    rec <- get0(name, envir = .S4_generics, inherits = FALSE)
    if (!is.null(rec)) return(rec)
    fm <- .s4_prim_formals(name)
    sig <- fm[!fm %in% c("...", if (name != "[") "drop", "na.rm", "digits", "value")]
    if (name %in% c("Math2", "round", "signif")) sig <- "x"
    rec <- .s4_new_rec(name, sig, fm, TRUE)
    members <- .s4_group_members(name)
    .s4_add_prims(if (is.null(members)) name else members)
    if (name %in% c("Ops", "Math", "Math2", "[")) .s4_builtin_methods(rec)
    if (name == "Math2") rec$package <- "methods"
    rec
}

## Creates the generic function name (dispatching with standardGeneric) and its record.
setGeneric <- function(name, def = NULL, where = topenv(parent.frame()), package = NULL,
                       valueClass = character(), useAsDefault = NULL, genericFunction = NULL,
                       simpleInheritanceOnly = NULL, signature = NULL) {
    existing <- get0(name, envir = parent.frame(), mode = "function")
    if (is.null(existing) && is.environment(where)) existing <- get0(name, envir = where, mode = "function")
    if (is.null(existing)) existing <- get0(name, envir = globalenv(), mode = "function")
    if (!is.null(existing) && !is.null(.s4_rec(name)) && is.null(def)) return(name)
    default <- NULL
    def0 <- def
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
    if (typeof(def) %in% c("builtin", "special")) {
        # a generic for a builtin: a closure with the builtin's formals (the builtin is the default)
        g <- function() NULL
        formals(g) <- formals(args(def))
        def <- g
    }
    fm <- names(formals(def))
    if (is.null(fm)) fm <- character()
    sig <- if (!is.null(signature)) as.character(signature) else fm[fm != "..."]
    if (!length(sig) && "..." %in% fm) sig <- "..." 
    rec <- .s4_new_rec(name, sig, fm, FALSE, valueClass)
    if (!is.null(existing) && !identical(environment(existing), globalenv()) && is.null(def0)) rec$package <- "base"
    if (!is.null(default)) .s4_put_method(rec, rep("ANY", length(sig)), default)
    gen <- def
    if (!.s4_calls_standardGeneric(body(def)))
        body(gen) <- substitute(standardGeneric(NAME), list(NAME = name))
    environment(gen) <- if (.s4_calls_standardGeneric(body(def))) environment(def) else globalenv()
    attr(gen, "generic") <- name
    if (!is.null(rec$package)) attr(gen, "package") <- rec$package
    class(gen) <- "standardGeneric"
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

## How far a method's signature is from the arguments' class chains (the sum over the
## arguments of the inheritance distance; "ANY" is farther than any superclass), NA when
## an argument's class does not extend the signature's.
.s4_sig_distance <- function(sig, chains) {
    d <- 0
    for (i in seq_along(chains)) {
        s <- if (i <= length(sig)) sig[i] else "ANY"
        ch <- chains[[i]]
        if (s == "ANY") d <- d + max(ch) + 1
        else {
            di <- ch[s]
            if (is.na(di)) return(NA)
            d <- d + di
        }
    }
    d
}

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
            d <- (gi - 1) * 1e-3 + .s4_sig_distance(sig, chains)
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
    if (identical(sig, "...")) return(.s4_call_in(.s4_select_dots(rec, f, env), rec$formals, env))
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
    if (endsWith(name, "<-")) {
        # the value is not dispatched on; subscripts not given are "missing"
        k <- length(classes) - 1L
        classes <- c(classes[seq_len(k)], rep("missing", max(0L, length(rec$sig) - k)))
        objs <- c(objs[seq_len(k)], vector("list", max(0L, length(rec$sig) - k)))
    }
    if (name %in% c("[", "[[")) .S4_state$nsub <- length(classes) - 1L
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
        if (name %in% c("[", "[[")) return(.s4_index_default(name))
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
    if (nargs() > 0L && ctx$name %in% c("[", "[[")) .S4_state$nsub <- nargs() - 1L
    # the result is visible, as R's is
    value <- if (nargs() > 0L) nm(...) else .s4_call_in(nm, ctx$formals, env)
    value
}

## Calls the current generic (.Generic) again with new arguments.
callGeneric <- function(...) {
    env <- parent.frame()
    f <- get(".Generic", envir = env)
    if (nargs() == 0L) {
        ctx <- get0(".s4_ctx", envir = env)
        fm <- if (!is.null(ctx)) ctx$formals else names(formals(sys.function(sys.parent())))
        return(.s4_call_in(get(f, envir = env, mode = "function"), fm, env))
    }
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
    if (is.function(f)) f <- attr(f, "generic")
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
    if (is.function(f)) f <- attr(f, "generic")
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
    if (missing(f)) {
        for (g in sort(ls(.S4_generics, all.names = TRUE))) {
            rec <- get(g, envir = .S4_generics)
            hit <- any(vapply(rec$order, function(k) !isTRUE(get0(k, envir = rec$builtin_methods, inherits = FALSE)) &&
                                  any(get(k, envir = rec$sigs) %in% classes), NA))
            if (hit) showMethods(g, classes = classes, includeDefs = includeDefs)
        }
        return(invisible())
    }
    if (is.function(f)) f <- attr(f, "generic")
    if (identical(f, "coerce")) return(.s4_show_coerce())
    rec <- .s4_rec(f)
    if (is.null(rec) && f %in% c("Ops", "Math", "Math2")) rec <- .s4_prim_rec(f)
    if (is.null(rec)) {
        cat("\nFunction \"", f, "\":\n <not an S4 generic function>\n", sep = "")
        return(invisible())
    }
    pkg <- if (!is.null(rec$package)) rec$package else if (isTRUE(rec$prim) || f == "initialize") "base"
           else if (f == "show") "methods" else ".GlobalEnv"
    cat("Function: ", f, " (package ", pkg, ")\n", sep = "")
    fmt <- function(sig) paste0(rec$sig[seq_along(sig)], "=\"", sig, "\"", collapse = ", ")
    keys <- c(rec$order, ls(rec$inherited, all.names = TRUE))
    keys <- keys[order(tolower(keys))]
    if (!is.null(classes))
        keys <- keys[vapply(strsplit(keys, "#", fixed = TRUE), function(k) any(k %in% classes), NA)]
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
show <- structure(function(object) standardGeneric("show"), generic = "show", package = "methods",
                  class = "standardGeneric")

## Initializes a new object from new()'s arguments (S4 methods may refine it; the default
## sets slots from named arguments and validates).
initialize <- function(.Object, ...) standardGeneric("initialize")

## Whether object has a slot called name.
.hasSlot <- function(object, name) !is.null(attr(object, name))

## The coerce methods as() has from the start (from, to), as showMethods("coerce") lists them.
.S4_coerce_builtin <- c("ANY#array", "ANY#call", "ANY#character", "ANY#complex", "ANY#double",
    "ANY#environment", "ANY#expression", "ANY#function", "ANY#integer", "ANY#list", "ANY#logical",
    "ANY#matrix", "ANY#name", "ANY#NULL", "ANY#numeric", "ANY#S3", "ANY#S4", "ANY#ts", "ANY#vector",
    "character#signature", "character#SuperClassMethod", "function#classGeneratorFunction",
    "function#OptionalFunction", "groupGenericFunction#genericFunction", "NULL#OptionalFunction",
    "NULL#optionalMethod", "oldClass#S3")

## showMethods("coerce"): the built-in coerce methods and those set by setAs.
.s4_show_coerce <- function() {
    keys <- unique(c(.S4_coerce_builtin, ls(.S4_coerce, all.names = TRUE)))
    sp <- strsplit(keys, "#", fixed = TRUE)
    from <- vapply(sp, `[`, "", 1L)
    to <- vapply(sp, `[`, "", 2L)
    o <- order(tolower(from), tolower(to))
    cat("Function: coerce (package methods)\n")
    cat(paste0("from=\"", from[o], "\", to=\"", to[o], "\"\n"), sep = "")
    cat("\n")
    invisible()
}

## The method of a generic dispatching on "...": the one for the nearest class that every
## argument in ... is or extends, else the default.
.s4_select_dots <- function(rec, f, env) {
    args <- eval(quote(list(...)), env)
    chains <- lapply(args, .s4_obj_chain)
    best <- NULL
    bestd <- Inf
    for (key in rec$order) {
        cls <- get(key, envir = rec$sigs)[1L]
        if (cls == "ANY") next
        d <- 0
        for (ch in chains) {
            di <- ch[cls]
            if (is.na(di)) { d <- NA; break }
            d <- d + di
        }
        if (length(chains) && !is.na(d) && d < bestd) { bestd <- d; best <- key }
    }
    if (is.null(best)) {
        best <- paste(rep("ANY", length(rec$sig)), collapse = "#")
        if (is.null(get0(best, envir = rec$methods, inherits = FALSE))) {
            cl <- NULL
            for (c1 in rev(sys.calls())) if (identical(c1[[1L]], as.name(f))) { cl <- c1; break }
            stop(gettextf("no method or default matching the \"...\" arguments in %s",
                          paste(deparse(cl), collapse = " ")), call. = FALSE)
        }
    }
    .s4_bind(list(rec = rec, key = best, name = f), f)
}

## What the methods package remembers between a dispatch and callNextMethod (the number
## of subscripts of the last `[` call dispatched).
.S4_state <- new.env()

## The default method of `[` or `[[` for callNextMethod: the internal indexing with the
## subscripts given, as many as the dispatched call had (missing ones empty).
.s4_index_default <- function(name, convert = NULL) {
    function(x, i, j, ..., drop = TRUE) {
        if (is.function(convert)) x <- convert(x)
        nsub <- get0("nsub", envir = .S4_state, inherits = FALSE)
        if (is.null(nsub)) nsub <- if (missing(j)) 1L else 2L
        if (!missing(j)) nsub <- max(nsub, 2L)
        subs <- c(if (missing(i)) "" else "i", if (nsub >= 2L) { if (missing(j)) "" else "j" })
        text <- paste0("x", if (name == "[") "[" else "[[", paste(subs, collapse = ", "),
                       if (name == "[" && !missing(drop)) ", drop = drop", if (name == "[") "]" else "]]")
        if (isS4(x)) .s4_internal("eval", list(parse(text = text)[[1L]], environment()))
        else eval(parse(text = text)[[1L]])
    }
}
