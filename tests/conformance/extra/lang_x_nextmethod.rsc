f <- function(x, ...) UseMethod("f")
f.default <- function(x, ...) cat("default\n")
f.foo <- function(x, ...) { cat("foo\n"); NextMethod() }
f.bar <- function(x, ...) { cat("bar\n"); NextMethod() }
f(structure(1, class="foo"))
f(structure(1, class=c("bar", "foo")))
m <- function(n, ...) ..1
m(1, "dot1")
ml <- function(...) ...length()
ml(1, 2, 3)
me <- function(...) ...elt(2)
me("a", "b")
x <- structure(class=c("custom","condition"), list(message="hi", call=NULL))
class(x)
tryCatch(signalCondition(x), custom=function(c) cat("custom caught\n"))
