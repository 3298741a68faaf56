# damaged and foreign files give R's errors
dir <- "../../fixtures/rds"
for (f in c("bad_truncated_gzip.rds", "bad_truncated.rds", "bad_magic.rds", "bad_version.rds")) {
  r <- tryCatch(readRDS(file.path(dir, f)), error = function(e) conditionMessage(e))
  cat(f, ":", r, "\n")
}
# a string vector claiming 2^31 - 1 elements: an error, not an allocation (R's message
# depends on how far it gets)
r <- tryCatch(readRDS(file.path(dir, "bad_length.rds")), error = function(e) "an error")
cat("bad_length.rds :", r, "\n")
r <- tryCatch(load(file.path(dir, "bad_truncated.RData")), error = function(e) conditionMessage(e))
cat("bad_truncated.RData :", r, "\n")
r <- tryCatch(load(file.path(dir, "bad_magic.rds")), error = function(e) conditionMessage(e))
cat("load of a non-RData file :", r, "\n")
r <- tryCatch(suppressWarnings(readRDS(file.path(dir, "no_such_file.rds"))), error = function(e) conditionMessage(e))
cat("missing file :", r, "\n")
