f <- function() stop("inner")
r <- try(f(), silent = TRUE)
traceback()
interactive()
browser()
x <- readline("Your name: ")
x
cat("done\n")
askYesNo("Continue?")
h <- function(n) n * 10
trace("h", quote(cat("entering h\n")))
h(3)
untrace("h")
h(4)
