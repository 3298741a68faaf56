## Prints a restart as R does.
print.restart <- function(x, ...) {
    cat(paste("<restart:", x[[1L]], ">\n"))
    invisible(x)
}

## Invokes a restart if it is established; NULL otherwise.
tryInvokeRestart <- function(r, ...) {
    name <- if (inherits(r, "restart")) r$name else r
    for (x in computeRestarts()) if (identical(x$name, name)) return(invokeRestart(r, ...))
    invisible(NULL)
}

## The name of a restart.
restartDescription <- function(r) r$description

## The formal arguments of a restart's function.
restartFormals <- function(r) formals(r$handler)

## Calls f with an exit function k: calling k(v) anywhere in f leaves f, and callCC returns v.
callCC <- function(f) {
    .rsc_callcc$n <- .rsc_callcc$n + 1L
    nm <- paste0(".callCC", .rsc_callcc$n)
    k <- function(v) invokeRestart(nm, v)
    spec <- list(function(v) v)
    names(spec) <- nm
    eval(as.call(c(list(quote(withRestarts), quote(f(k))), spec)))
}

## The count behind callCC's restart names.
.rsc_callcc <- list2env(list(n = 0L))

## Registers a function called after each top-level expression as f(expr, value, ok, visible[, data]); it stays while it returns TRUE.
addTaskCallback <- function(f, data, name = character()) {
    if (!is.function(f)) stop("handler must be a function")
    cbs <- .task_callbacks()
    if (!missing(data)) {
        g <- f
        f <- function(expr, value, ok, visible) g(expr, value, ok, visible, data)
    }
    id <- length(cbs) + 1L
    if (!length(name)) name <- as.character(id)
    cbs[[name]] <- f
    assign(".rsc_task_callbacks", cbs, envir = baseenv())
    structure(id, names = name)
}

## Removes a task callback by position or name; TRUE if one was removed.
removeTaskCallback <- function(id) {
    cbs <- .task_callbacks()
    k <- if (is.character(id)) match(id, names(cbs)) else as.integer(id)
    if (is.na(k) || k < 1L || k > length(cbs)) return(FALSE)
    assign(".rsc_task_callbacks", cbs[-k], envir = baseenv())
    TRUE
}

## The names of the registered task callbacks.
getTaskCallbackNames <- function() {
    n <- names(.task_callbacks())
    if (is.null(n)) character() else n
}

## The registered task callbacks (a named list).
.task_callbacks <- function() {
    if (exists(".rsc_task_callbacks", envir = baseenv(), inherits = FALSE))
        get(".rsc_task_callbacks", envir = baseenv()) else list()
}
