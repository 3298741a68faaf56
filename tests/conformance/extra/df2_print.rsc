# wide frames wrap in column blocks at width 80; format() of frames
w <- data.frame(matrix(1:26 * 1234.5678, nrow = 2, ncol = 13))
w
wide <- data.frame(alpha_long_name = 1:3, beta_long_name = c(1.5, 2.25, 3), gamma_long_name = c("a", "bb", "ccc"), delta_long_name = factor(c("u", "v", "u")), epsilon_long_name = c(TRUE, NA, FALSE), zeta = c(NA, 1e6, 2))
wide
head(airquality)
mtcars[1:3, ]
cbind(mtcars[1:2, ], mtcars[1:2, ])
fw <- format(wide)
fw
str(fw)
f <- data.frame(a = 1:3, b = c(1.5, 2.25, 3), g = c("a", "bb", "ccc"), f = factor(c("u", "vvv", "u")), e = c(TRUE, NA, FALSE), z = c(NA, 1e6, 2), s = c("x", NA, "y"))
format(f)
str(format(f))
format(head(mtcars, 3), nsmall = 2)
format(data.frame(x = c(1.123456789, 22.1)), digits = 3)
format(iris[c(1, 51, 101), ])
d <- data.frame(x = c(1.123456, 22.5), s = c("a", "bbbbb"), f = factor(c("u", NA)), stringsAsFactors = FALSE)
print(d, digits = 3)
print(d, row.names = FALSE)
print(d, right = FALSE)
print(head(mtcars), digits = 2)
print(head(iris), row.names = FALSE)
w <- as.data.frame(matrix(round(seq(1, 100, length.out = 60), 1), nrow = 2))
w
long <- data.frame(a = paste(rep("x", 90), collapse = ""), b = 1)
long
data.frame(x = numeric(0))
data.frame()
d2 <- data.frame(a = 1:3)
d2$m <- matrix(1:6, 3)
d2
d3 <- data.frame(n = c(-1.5, 2, NA), i = c(NA, 2L, 3L))
d3
data.frame(x = c(1e-10, 1), y = c(1e10, 2))
