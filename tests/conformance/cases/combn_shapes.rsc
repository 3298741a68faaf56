# combn: the shapes of its results
combn(4, 2)
x <- combn(6, 3, sum)
x
is.array(x); dim(x)
dim(combn(5, 3, function(v) matrix(v, 1, 3)))
dim(combn(4, 1))
dim(combn(4, 1, identity))
combn(3, 0)
combn(c("a", "b", "c"), 2, paste, collapse = "")
combn(5, 2, range)
