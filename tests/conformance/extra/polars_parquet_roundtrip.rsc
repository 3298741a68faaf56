# Parquet round trips keep types, factor levels (in R's order) and NAs.
f <- tempfile(fileext = ".parquet")
write_parquet(iris, f)
d <- read_parquet(f)
str(d)
identical(levels(d$Species), levels(iris$Species))
all.equal(d, iris)
m <- mtcars
m$name <- rownames(m)
rownames(m) <- NULL
write_parquet(m, f)
head(read_parquet(f))
x <- data.frame(a = c(1L, NA, 3L), b = c(NA, "u", "v"), l = c(TRUE, NA, FALSE), z = c(1.5, NA, -Inf))
x$g <- factor(c("lo", "hi", NA), levels = c("lo", "hi"))
write_parquet(x, f)
y <- read_parquet(f)
y
sapply(y, class)
levels(y$g)
