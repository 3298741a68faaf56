d <- density(faithful$eruptions)
d
str(d[c("bw", "n", "data.name", "has.na")])
d$y[c(1, 100, 256, 400, 512)]
d2 <- density(precip, bw = "SJ", kernel = "epanechnikov", n = 64)
d2
d2$y[c(20, 40)]
d3 <- density(c(1, 2, 2.5, 4, 7), bw = 0.8, kernel = "rectangular", from = 0, to = 8, n = 9)
d3$x
round(d3$y, 8)
for (k in c("triangular", "biweight", "cosine", "optcosine")) print(density(faithful$waiting, kernel = k, n = 5)$y[2:4])
w <- c(1, 1, 2, 2, 4) / 10
dw <- density(c(1, 2, 3, 4, 5), weights = w, n = 6, cut = 1)
dw$y
bw.nrd0(precip)
bw.nrd(precip)
bw.ucv(precip)
bw.bcv(precip)
bw.SJ(precip)
bw.SJ(precip, method = "dpi")
bw.SJ(faithful$eruptions)
bw.ucv(faithful$waiting)
density(precip, bw = "ucv", adjust = 2)$bw
density(c(1, NA, 3), na.rm = TRUE, n = 3)$y
try(density(c(1, NA, 3)))
try(bw.nrd0(1))
density(faithful$eruptions, give.Rkern = TRUE)
density(faithful$eruptions, kernel = "biweight", give.Rkern = TRUE)
