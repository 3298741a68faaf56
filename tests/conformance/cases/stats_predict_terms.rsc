# predict(type = "terms"): centred per-term contributions and their constant
d <- data.frame(y = c(5.1, 6.3, 7.7, 6.9, 9.4, 10.2, 8.8, 12.5),
                x = c(1, 2, 3, 4, 5, 6, 7, 8),
                g = factor(c("a", "b", "a", "b", "c", "c", "a", "b")))
f <- lm(y ~ x + g, data = d)
predict(f, type = "terms")
predict(f, type = "terms", terms = "g")
fa <- aov(breaks ~ wool * tension, data = warpbreaks)
head(predict(fa, type = "terms"))
nd <- data.frame(x = c(2.5, 9), g = factor(c("c", "a"), levels = c("a", "b", "c")))
predict(f, nd, type = "terms")
f0 <- lm(y ~ x - 1, data = d)
predict(f0, type = "terms")
