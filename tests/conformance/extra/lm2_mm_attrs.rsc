d <- data.frame(y = c(3, 5, 4, 8, 7, 9), x = c(1.5, 2, 3.5, 4, 5, 6.5),
                g = factor(c("b", "a", "c", "a", "b", "c")))
mm <- model.matrix(y ~ x * g, data = d)
attributes(mm)
model.matrix(~ g, data = d, contrasts.arg = list(g = "contr.sum"))
model.matrix(~ x + poly(x, 2), data = d)
