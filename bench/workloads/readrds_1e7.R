# readRDS() of a 1e7-row numeric data frame (two double columns, 160 MB, gzip level 6):
# the file is written first by the same engine (not timed); fit_seconds is readRDS alone.
set.seed(1)
n <- 10000000
d <- data.frame(x = rnorm(n), y = round(runif(n) * 100, 1))
f <- tempfile(fileext = ".rds")
saveRDS(d, f)
rm(d)
t0 <- proc.time()[["elapsed"]]
e <- readRDS(f)
t1 <- proc.time()[["elapsed"]]
print(dim(e))
print(summary(e$y))
unlink(f)
cat("fit_seconds:", t1 - t0, "\n")
