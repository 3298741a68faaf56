# rsc only: the in-memory path on the same file, timed the same way (read.csv + lm, then summary).
t0 <- proc.time()[["elapsed"]]
fit <- lm(y ~ ., data = read.csv("data/reg_1e7.csv"))
t1 <- proc.time()[["elapsed"]]
s <- summary(fit)
t2 <- proc.time()[["elapsed"]]
print(coef(s)[1:3, ])
print(s$r.squared)
cat("rows:", nobs(fit), "\n")
cat("fit_seconds:", t1 - t0, "\n")
cat("summary_seconds:", t2 - t1, "\n")
