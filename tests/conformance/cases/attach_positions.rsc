# attach(NULL), attach at a position, attach a saved file, detach by position
e <- attach(NULL, name = "scratch")
assign("zz", 42, envir = e)
zz
search()[1:3]
attach(list(p = 1), name = "first")
attach(list(q = 2), name = "third", pos = 3)
search()[1:4]
detach(pos = 3)
search()[1:3]
f <- tempfile(fileext = ".rda")
saved1 <- 10; saved2 <- "x"
save(saved1, saved2, file = f)
rm(saved1, saved2)
attach(f)
saved1
ls(pos = 2)
detach(paste0("file:", f), character.only = TRUE)
detach("first")
detach("scratch")
search()[1:2]
isNamespaceLoaded(quote(stats))
isNamespaceLoaded("notapackage")
