# wilcox.test(conf.int = TRUE): exact and normal-approximation intervals and estimates
before <- c(12.1, 9.8, 14.3, 11.0, 10.7, 13.2, 8.9, 12.6, 11.8)
after <- c(11.0, 9.9, 12.8, 10.1, 10.9, 11.7, 8.0, 12.0, 10.5)
wilcox.test(before, after, paired = TRUE, conf.int = TRUE)
wilcox.test(before, mu = 10, conf.int = TRUE, alternative = "greater")
wilcox.test(before, mu = 12, conf.int = TRUE, alternative = "less", conf.level = 0.8)
g1 <- c(4.2, 5.1, 3.3, 6.8, 5.5, 4.9, 6.1)
g2 <- c(3.1, 2.7, 4.0, 3.6, 2.2)
wilcox.test(g1, g2, conf.int = TRUE, conf.level = 0.9)
wilcox.test(g1, g2, conf.int = TRUE, exact = FALSE)
wilcox.test(g1, g2, conf.int = TRUE, exact = FALSE, correct = FALSE, alternative = "greater")
# ties force the normal approximation
tied <- c(1, 2, 2, 3, 4, 5, 5, 6, 7, 7)
r <- suppressWarnings(wilcox.test(tied, conf.int = TRUE))
r$estimate
r$conf.int
r2 <- suppressWarnings(wilcox.test(c(g1, 3.6), g2, conf.int = TRUE, alternative = "less"))
r2$estimate
r2$conf.int
# the formula method with data and subset
d <- data.frame(v = c(g1, g2, 9, 9.5), grp = c(rep("a", 7), rep("b", 5), "c", "c"))
wilcox.test(v ~ grp, data = d, subset = grp != "c", conf.int = TRUE)
