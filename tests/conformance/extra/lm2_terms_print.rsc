tt <- terms(y ~ x * g + log(z))
tt
terms(~ a + b)
terms(y ~ 0 + x)
terms(y ~ 1)
d <- data.frame(y = c(3, 5, 4, 8, 7, 9), x = c(1.5, 2, 3.5, 4, 5, 6.5),
                g = factor(c("b", "a", "c", "a", "b", "c")),
                o = ordered(c("lo", "hi", "lo", "hi", "lo", "hi"), levels = c("lo", "hi")),
                b = c(TRUE, FALSE, TRUE, TRUE, FALSE, FALSE))
fit <- lm(y ~ x + g + offset(x) + o + b, data = d)
terms(fit)
attr(terms(fit), "dataClasses")
class(terms(fit))
