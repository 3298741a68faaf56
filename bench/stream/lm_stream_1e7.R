# rsc only: lm(y ~ .) + summary streamed from a CSV through scan_csv (chunks of 131072 rows,
# memory bounded by the chunk, not the file). Run from the shared kit's folder (data/).
t0 <- proc.time()[["elapsed"]]
fit <- lm(y ~ ., data = scan_csv("data/reg_1e7.csv"))
t1 <- proc.time()[["elapsed"]]
s <- summary(fit)
t2 <- proc.time()[["elapsed"]]
print(coef(s)[1:3, ])
print(s$r.squared)
cat("rows:", nobs(fit), "\n")
cat("fit_seconds:", t1 - t0, "\n")
cat("summary_seconds:", t2 - t1, "\n")
