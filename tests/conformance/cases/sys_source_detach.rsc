# sys.source into an attached environment; detach(package:name) unquoted
src <- tempfile(fileext = ".R")
writeLines(c("aa <- 2 * 21", "bb <- function(x) x + aa"), src)
env <- attach(NULL, name = "loaded_here")
sys.source(src, env)
aa
bb(1)
search()[2]
detach("loaded_here")
exists("aa")
library(splines)
"package:splines" %in% search()
detach(package:splines)
"package:splines" %in% search()
ex <- expression(a, b + 1, 3)
class(ex[2:3])
length(ex[-1])
sapply(character(0), nchar)
