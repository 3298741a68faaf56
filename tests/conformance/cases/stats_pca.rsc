# prcomp, princomp, cmdscale, cancor, cov.wt, mahalanobis (signs of singular and eigen
# vectors are arbitrary, so those are shown as absolute values)
p <- prcomp(USArrests, scale. = TRUE)
p$sdev
abs(p$rotation)
summary(p)
round(abs(head(p$x, 3)), 5)
p2 <- prcomp(~ Murder + Assault, data = USArrests)
p2$sdev
names(p2)
pc <- princomp(USArrests, cor = TRUE)
pc
summary(pc)
loadings(pc)
round(head(pc$scores, 3), 5)
loc <- cmdscale(eurodist)
round(abs(head(loc, 4)), 3)
r <- cmdscale(dist(matrix(c(0, 3, 0, 0, 0, 4), 3)), k = 1, eig = TRUE)
round(abs(r$points), 6); round(r$eig[1:2], 6); r$GOF
cc <- cancor(LifeCycleSavings[, 2:3], LifeCycleSavings[, -(2:3)])
round(cc$cor, 6)
cov.wt(matrix(c(1, 2, 3, 6, 2, 4, 5, 7), 4), wt = c(0.1, 0.2, 0.3, 0.4), cor = TRUE)
mahalanobis(c(1, 2), c(0, 0), diag(2))
round(mahalanobis(head(USArrests), colMeans(USArrests), cov(USArrests)), 5)
