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
