# readRDS of vectors written by R 4.2 (tests/fixtures/gen_rds.R)
dir <- "../../fixtures/rds"
for (f in c("intseq", "doubles", "logicals", "strings", "ints_v2", "deferred_strings", "null")) {
  x <- readRDS(file.path(dir, paste0(f, ".rds")))
  cat(f, ":", typeof(x), length(x), "\n")
  print(x)
}
x <- readRDS(file.path(dir, "strings.rds"))
print(is.na(x))
print(nchar(x))
