# dendrograms from hclust trees: printing, structure, order, cutting, reordering
hc <- hclust(dist(USArrests[1:8, ]), "average")
d <- as.dendrogram(hc)
d
str(d)
str(d, max.level = 2)
order.dendrogram(d)
labels(d)
nobs(d)
d[[2]]
is.leaf(d[[1]])
parts <- cut(d, h = 40)
parts$upper
length(parts$lower)
parts$lower[[2]]
r <- reorder(d, 8:1)
order.dendrogram(r)
str(r)
hts <- dendrapply(d, function(n) { cat(attr(n, "members"), ""); n })
cat("\n")
