# load() of .RData files written by save() in R (format versions 3 and 2)
dir <- "../../fixtures/rds"
print(load(file.path(dir, "objs.RData")))
print(a)
print(b)
print(d)
e <- new.env()
nm <- load(file.path(dir, "objs_v2.RData"), envir = e)
print(nm)
print(sort(ls(e)))
print(e$a)
f <- function() { load(file.path(dir, "objs_v2.RData")); exists("b", inherits = FALSE) }
print(f())
