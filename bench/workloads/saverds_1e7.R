# saveRDS() of a 1e7-row numeric data frame (two double columns, 160 MB), gzip level 6 as
# R writes by default; the frame is made in-script with R's RNG so both engines write the
# same numbers. fit_seconds is the saveRDS call alone.
set.seed(1)
n <- 10000000
d <- data.frame(x = rnorm(n), y = round(runif(n) * 100, 1))
f <- tempfile(fileext = ".rds")
t0 <- proc.time()[["elapsed"]]
saveRDS(d, f)
t1 <- proc.time()[["elapsed"]]
e <- readRDS(f)
print(identical(e, d))
unlink(f)
cat("fit_seconds:", t1 - t0, "\n")
