# dist, hclust, cutree, cophenetic, kmeans
x <- matrix(c(1, 2, 4, 7, 11, 3, 1, 6, 2, 9), 5, dimnames = list(letters[1:5], NULL))
d <- dist(x)
d
dist(x, "manhattan")
dist(x, "maximum", diag = TRUE)
dist(x, "canberra", upper = TRUE)
dist(x, "minkowski", p = 3)
dist(rbind(c(1, 0, 1, 1), c(0, 0, 1, 1), c(1, 1, 0, 0)), "binary")
as.matrix(d)
str(d)
h <- hclust(d)
h
h$merge; h$height; h$order; h$labels
hclust(d, "average")$merge
hclust(d, "single")$height
hc <- hclust(dist(USArrests), "average")
cutree(hc, k = 4)
table(cutree(hc, h = 50))
cutree(hc, k = 2:4)[1:6, ]
cophenetic(hclust(d, "complete"))
for (m in c("ward.D", "ward.D2", "mcquitty", "median", "centroid")) print(hclust(dist(USArrests[1:12, ]), m)$order)
set.seed(42)
km <- kmeans(USArrests, 3)
km
fitted(km)[1:3, ]
set.seed(1)
kmeans(iris[, 1:4], 3, nstart = 5)$size
set.seed(7)
kl <- kmeans(scale(USArrests), 4, algorithm = "Lloyd")
kl$size; kl$iter
set.seed(7)
kq <- kmeans(scale(USArrests), 4, algorithm = "MacQueen")
kq$size; round(kq$tot.withinss, 6)
kmeans(matrix(c(1, 2, 10, 11, 1, 1, 5, 5), 4), centers = matrix(c(1, 10, 1, 5), 2))$cluster
