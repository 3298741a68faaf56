# hclust (complete and average linkage) on the distances between 5,000 points in 5 dimensions.
set.seed(7)
x <- matrix(rnorm(5000 * 5), 5000)
d <- dist(x)
t0 <- proc.time()[["elapsed"]]
hc <- hclust(d, "complete")
ha <- hclust(d, "average")
t1 <- proc.time()[["elapsed"]]
print(table(cutree(hc, 6)))
print(table(cutree(ha, 6)))
print(round(tail(hc$height, 5), 6))
print(round(tail(ha$height, 5), 6))
cat("fit_seconds:", t1 - t0, "\n")
