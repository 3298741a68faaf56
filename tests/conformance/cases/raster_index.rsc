# Indexing and replacing the colours of a raster image like a matrix
r <- as.raster(matrix(c("red", "green", "blue", "white", "black", "gray"), nrow = 2))
r
dim(r)
r[2:3]
r[2, ]
r[, 2:3]
r[1, 2] <- "yellow"
r
r == "yellow"
r[5] <- "pink"
as.matrix(r)
identical(r[1:2, 1], as.raster(c("red", "green")))
as.raster(1:4 / 4)
as.raster(matrix(c(TRUE, FALSE), 1))
