# symnum: correlation matrices, p-value stars, logicals; abbreviate
symnum(cor(mtcars[, 1:5]))
symnum(c(0.001, 0.02, 0.3, 0.8), corr = FALSE, cutpoints = c(0, 0.001, 0.01, 0.05, 0.1, 1),
       symbols = c("***", "**", "*", ".", " "))
symnum(c(TRUE, FALSE, NA, TRUE))
symnum(matrix(c(0.1, 0.5, 0.95, 1), 2))
abbreviate(c("Sepal.Length", "Sepal.Width", "Petal Length", "hello world", "abc"), 5)
abbreviate(state.name[1:8])
