f <- tempfile(fileext = ".csv")
writeLines(c("a,b", "1,x", "2,y"), f)
d <- read.csv(f)
d
readLines(f)
writeLines("to stdout")
invisible(file.remove(f))
