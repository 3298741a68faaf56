# typeof and mode of expression vectors; all.vars and all.names over them
e <- expression(a * b, log(y), 3)
typeof(e)
mode(e)
class(e)
is.expression(e)
length(e)
all.vars(e)
all.names(expression(sin(x + y)))
all.vars(expression(f(u, v), g(v, w)))
is.language(e)
sapply(list(e, quote(x), quote(f(1)), 1), is.language)
g <- list(as.name("max"), 3, 9)
mode(g) <- "call"
g
eval(g)
