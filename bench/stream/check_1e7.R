# rsc only: the streamed fit equals the in-memory fit on the same 1e7 rows.
a <- lm(y ~ ., data = scan_csv("data/reg_1e7.csv"))
b <- lm(y ~ ., data = read.csv("data/reg_1e7.csv"))
sa <- summary(a); sb <- summary(b)
rel <- function(x, y) max(abs(x - y) / pmax(abs(y), 1e-300))
cat("max_rel_diff_coef:", rel(coef(a), coef(b)), "\n")
cat("max_rel_diff_se:", rel(coef(sa)[, 2], coef(sb)[, 2]), "\n")
cat("max_rel_diff_resid_quantiles:", rel(quantile(residuals(b)), sa$residuals), "\n")
cat("rows:", nobs(a), "\n")
