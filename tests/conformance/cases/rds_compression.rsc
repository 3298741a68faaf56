# saveRDS and save with bzip2 and xz compression, read back
obj <- list(a = 1:10, b = letters, d = data.frame(x = c(1.5, 2), f = factor(c("u", "v"))))
for (k in list(TRUE, FALSE, "gzip", "bzip2", "xz")) {
    f <- tempfile(fileext = ".rds")
    saveRDS(obj, f, compress = k)
    print(identical(readRDS(f), obj))
}
f <- tempfile(fileext = ".rds")
saveRDS(obj, f, compress = "xz")
readBin(f, "raw", 6)
saveRDS(obj, f, compress = "bzip2")
rawToChar(readBin(f, "raw", 3))
g <- tempfile(fileext = ".rda")
x1 <- pi; x2 <- "text"
save(x1, x2, file = g, compress = "xz")
rm(x1, x2)
load(g)
c(x1, x2)
