# rsc only: glm(binomial) + summary streamed from a CSV through scan_csv: one pass over the
# file per IRLS iteration, memory bounded by the chunk. Run from the shared kit's folder.
t0 <- proc.time()[["elapsed"]]
fit <- glm(I(y > 2) ~ x1 + x2 + x3 + x6 + g, family = binomial, data = scan_csv("data/reg_1e6.csv"))
t1 <- proc.time()[["elapsed"]]
s <- summary(fit)
t2 <- proc.time()[["elapsed"]]
print(coef(s)[1:3, ])
print(c(deviance = fit$deviance, iter = fit$iter))
cat("rows:", nobs(fit), "\n")
cat("fit_seconds:", t1 - t0, "\n")
cat("summary_seconds:", t2 - t1, "\n")
